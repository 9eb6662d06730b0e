"""Declarative rules and pattern sets: data in ``rules/``, validated on load, never executed.

The vocabulary is closed and typed (pydantic, discriminated by ``tipo``):

- ``campo_requerido``: the listed fields must not be empty (with ``solo_si_la_plantilla_lo_pide``, an
  absent field only where at least half of the report's metas give it);
- ``patrones``: the listed text fields must not match a pattern set (or inline phrases);
- ``rango``: the listed numbers must lie between ``minimo`` and ``maximo``;
- ``comparacion``: ``izquierda <operador> derecha`` with a tolerance, where each side is a
  field, the sum of a list's field, or a constant.

A malformed file stops the run with a message naming the file, the line and the problem.
"""

from __future__ import annotations

import difflib
import operator
import string
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from auditor.idioma import agregar, plantilla, tr
from auditor.lectura.cifras import escribir_numero
from auditor.lectura.fuente import ErrorArchivo, leer_archivo_estricto, ubicar_errores
from auditor.lectura.incluidas import NO_SON_REGLAS
from auditor.lectura.patrones import (
    ConjuntoPatrones,
    Patron,
    error_de_regex,
    frase_alrededor,
    patron_de_frase,
    patron_de_regex,
)
from auditor.modelo.campos import (
    CAMPOS_INFORME,
    CAMPOS_META,
    Ambito,
    es_vacio,
    leer_campo,
    numero_de,
    objetivos,
    ruta_valida,
)
from auditor.modelo.informe import Informe
from auditor.modelo.nombres import nombre as nombre_en_la_plantilla
from auditor.reglas.acumulacion import AcumulacionDatos, ReglaAcumulacion
from auditor.reglas.catalogo import Catalogo, Contexto, Documentacion, ErrorReglas, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad


class _Dato(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentacionDatos(_Dato):
    que_revisa: str
    por_que: str
    ejemplo_falla: str
    ejemplo_pasa: str
    que_hacer: str = ""  # one line: what the report's writer does about a finding (optional)


class TraduccionDatos(_Dato):
    """The rule in English (``en:``): its message and its explanation; the examples are report data and stay."""

    mensaje: str
    que_revisa: str
    por_que: str
    que_hacer: str = ""


_PLANTILLAS = Literal["tabular", "narrativa", "matriz"]
_TODAS_LAS_PLANTILLAS: tuple[_PLANTILLAS, ...] = ("tabular", "narrativa", "matriz")


class _ReglaBase(_Dato):
    id: Annotated[str, Field(pattern=r"^[A-Z]{2,4}\d{3}$")]
    nombre: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    categoria: Categoria
    severidad: Severidad
    mensaje: str
    doc: DocumentacionDatos
    ambito: Ambito = "meta"
    plantillas: list[_PLANTILLAS] = Field(default_factory=lambda: list(_TODAS_LAS_PLANTILLAS))
    en: TraduccionDatos | None = None

    variables: ClassVar[frozenset[str]] = frozenset({"campo", "seccion", "texto"})

    @model_validator(mode="after")
    def _mensaje_y_campos(self) -> _ReglaBase:
        for mensaje in (self.mensaje, self.en.mensaje if self.en else ""):
            for _, nombre, _, _ in string.Formatter().parse(mensaje):
                if nombre is not None and nombre not in self.variables:
                    raise ValueError(tr("el mensaje usa '{{{variable}}}', que no existe; se puede usar: {variables}",
                                        variable=nombre, variables=", ".join(sorted(self.variables))))
        for campo in self.campos_usados():
            if not ruta_valida(self.ambito, campo):
                validos = CAMPOS_META if self.ambito == "meta" else CAMPOS_INFORME
                pista = difflib.get_close_matches(campo, validos, n=1)
                raise ValueError(tr("campo desconocido '{campo}'; ¿quiso decir '{pista}'?", campo=campo, pista=pista[0]) if pista
                                 else tr("campo desconocido '{campo}'", campo=campo))
        return self

    def campos_usados(self) -> list[str]:
        return []


class ReglaCampoRequerido(_ReglaBase):
    tipo: Literal["campo_requerido"]
    campos: list[str] = Field(min_length=1)
    # An absent field is only missing where the office's template asks for it, which the report itself
    # shows: at least half of its metas give it.  A report whose template does not ask for it (no meta
    # has it, or one meta that explains a zero) is not filled with one error per meta.  A field written
    # without its number ('$ millones') is flagged either way.
    solo_si_la_plantilla_lo_pide: bool = False

    def campos_usados(self) -> list[str]:
        return self.campos


class FraseDatos(_Dato):
    frase: str | None = None
    regex: str | None = None
    completo: bool = False
    # an expression that, found in the same text, cancels the pattern: what a negative look-ahead said, which RE2
    # cannot run ('^indicar (el|la) …' except '^indicar (el|la) \\w+ … fue': the infinitive is the subject)
    excepto: str | None = None

    @model_validator(mode="after")
    def _una(self) -> FraseDatos:
        if (self.frase is None) == (self.regex is None):
            raise ValueError(tr("cada patrón lleva 'frase' o 'regex' (uno de los dos)"))
        if self.excepto is not None and self.regex is None:
            raise ValueError(tr("'excepto' acompaña a un 'regex'"))
        for texto in (self.regex, self.excepto):
            if texto is not None:
                error = error_de_regex(texto)
                if error is not None:
                    raise ValueError(tr("expresión regular no válida {regex}: {error}", regex=repr(texto if len(texto) <= 120 else texto[:119] + "…"), error=error)) from None
        return self

    def patron(self, origen: str = "", propio: bool = False) -> Patron:
        if self.frase is not None:
            return patron_de_frase(self.frase, self.completo)
        assert self.regex is not None
        return patron_de_regex(self.regex, self.completo, origen, propio, self.excepto)


class ReglaPatrones(_ReglaBase):
    tipo: Literal["patrones"]
    campos: list[str] = Field(min_length=1)
    conjunto: str | None = None
    frases: list[FraseDatos] = Field(default_factory=list)

    @model_validator(mode="after")
    def _fuente(self) -> ReglaPatrones:
        if self.conjunto is None and not self.frases:
            raise ValueError(tr("la regla necesita 'conjunto' (un conjunto de patrones) o 'frases'"))
        return self

    def campos_usados(self) -> list[str]:
        return self.campos


class ReglaRango(_ReglaBase):
    tipo: Literal["rango"]
    campos: list[str] = Field(min_length=1)
    minimo: float | None = None
    maximo: float | None = None
    variables: ClassVar[frozenset[str]] = frozenset({"campo", "seccion", "texto", "valor", "minimo", "maximo"})

    def campos_usados(self) -> list[str]:
        return self.campos


class Lado(_Dato):
    """One side of a comparison: a field, the sum of a field over a list, or a constant."""

    campo: str | None = None
    suma: str | None = None
    valor: float | None = None

    @model_validator(mode="after")
    def _uno(self) -> Lado:
        if sum(x is not None for x in (self.campo, self.suma, self.valor)) != 1:
            raise ValueError(tr("cada lado lleva exactamente uno de 'campo', 'suma' o 'valor'"))
        if self.suma is not None and "[*]" not in self.suma:
            raise ValueError(tr("'suma' recorre una lista: escriba la ruta con [*], p. ej. 'beneficiarios.grupos[*].cantidad'"))
        return self

    def ruta(self) -> str | None:
        return self.campo or self.suma


_OPERADORES: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq, "!=": operator.ne,
}


class ReglaComparacion(_ReglaBase):
    tipo: Literal["comparacion"]
    izquierda: Lado
    operador: Literal["<", "<=", ">", ">=", "==", "!="]
    derecha: Lado
    tolerancia: float = Field(default=0.0, ge=0)
    variables: ClassVar[frozenset[str]] = frozenset({"campo", "seccion", "texto", "izquierda", "derecha", "operador"})

    def campos_usados(self) -> list[str]:
        return [r for r in (self.izquierda.ruta(), self.derecha.ruta()) if r is not None]


ReglaDatos = Annotated[
    ReglaCampoRequerido | ReglaPatrones | ReglaRango | ReglaComparacion, Field(discriminator="tipo")
]


class ConjuntoDatos(_Dato):
    nombre: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    descripcion: str = ""
    patrones: list[FraseDatos] = Field(min_length=1)


class ArchivoReglas(_Dato):
    reglas: list[ReglaDatos] = Field(default_factory=list)
    patrones: list[ConjuntoDatos] = Field(default_factory=list)
    acumulacion: list[AcumulacionDatos] = Field(default_factory=list)  # the formula table (reglas.acumulacion)

    @field_validator("reglas", "patrones", "acumulacion", mode="before")
    @classmethod
    def _lista(cls, valor: Any) -> Any:
        return [] if valor is None else valor


# ---------------------------------------------------------------------------------------
# Compiled rules: the same interface as Python checks.


class ReglaDeclarativa(Regla):
    origen: ClassVar[str] = "yaml"

    def __init__(self, datos: Any) -> None:
        self.datos = datos
        # instance attributes shadow the class-level metadata of `Regla`
        self.id = datos.id  # type: ignore[misc]
        self.nombre = datos.nombre  # type: ignore[misc]
        self.categoria = datos.categoria  # type: ignore[misc]
        self.severidad = datos.severidad  # type: ignore[misc]
        self.mensaje = datos.mensaje  # type: ignore[misc]
        self.doc = Documentacion(**datos.doc.model_dump())  # type: ignore[misc]
        self.conjuntos = (datos.conjunto,) if getattr(datos, "conjunto", None) else ()  # type: ignore[misc]
        if datos.en is not None:  # shown through idioma.plantilla, like the Python rules' documentation
            agregar("en", {datos.mensaje: datos.en.mensaje, datos.doc.que_revisa: datos.en.que_revisa, datos.doc.por_que: datos.en.por_que,
                           **({datos.doc.que_hacer: datos.en.que_hacer} if datos.doc.que_hacer and datos.en.que_hacer else {})})

    def _formato(self, **valores: Any) -> str:
        """The message with its variables; {seccion} is the field in the template's words ('Localización')."""
        return plantilla(self.mensaje).format_map({"seccion": nombre_en_la_plantilla(valores["campo"]), **valores})

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        if informe.plantilla not in self.datos.plantillas:
            return
        for indice, objetivo in objetivos(informe, self.datos.ambito):
            yield from self._revisar(objetivo, indice, contexto)

    def _revisar(self, objetivo: Any, indice: int | None, contexto: Contexto) -> Iterator[Observacion]:
        raise NotImplementedError


class _CampoRequerido(ReglaDeclarativa):
    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        if informe.plantilla not in self.datos.plantillas:
            return
        en_el_informe = self._informados(informe)
        for indice, objetivo in objetivos(informe, self.datos.ambito):
            yield from self._faltantes(objetivo, indice, en_el_informe)

    def _informados(self, informe: Informe) -> frozenset[str] | None:
        """The fields the office's template asks for, as the report shows (None: every field is asked for)."""
        if not self.datos.solo_si_la_plantilla_lo_pide:
            return None
        todos = [objetivo for _, objetivo in objetivos(informe, self.datos.ambito)]
        return frozenset(campo for campo in self.datos.campos
                         if 2 * sum(any(not es_vacio(valor) for _, valor in leer_campo(objetivo, campo))
                                    for objetivo in todos) >= len(todos))

    def _faltantes(self, objetivo: Any, indice: int | None, en_el_informe: frozenset[str] | None) -> Iterator[Observacion]:
        for campo in self.datos.campos:
            for ruta, valor in leer_campo(objetivo, campo):
                if valor is None and en_el_informe is not None and campo not in en_el_informe:
                    continue  # absent from every meta: the office's template does not ask for it
                if es_vacio(valor):
                    texto = valor.cita if hasattr(valor, "cita") else (valor if isinstance(valor, str) else None)
                    yield Observacion(self._formato(campo=ruta, texto=texto or ""), ruta, indice, texto or None)

    def _revisar(self, objetivo: Any, indice: int | None, contexto: Contexto) -> Iterator[Observacion]:
        yield from self._faltantes(objetivo, indice, None)


class _Patrones(ReglaDeclarativa):
    def __init__(self, datos: Any, origen: str = "", propio: bool = False) -> None:
        super().__init__(datos)
        self._propios = ConjuntoPatrones(f"{datos.id}", "", [f.patron(origen, propio) for f in datos.frases])

    def _revisar(self, objetivo: Any, indice: int | None, contexto: Contexto) -> Iterator[Observacion]:
        conjuntos = [self._propios]
        if self.datos.conjunto:
            conjuntos.insert(0, contexto.conjunto(self.datos.conjunto))
        vistos: set[str] = set()  # the same text in two fields (a list item and the text it was read from) is one finding
        for campo in self.datos.campos:
            for ruta, valor in leer_campo(objetivo, campo):
                if not isinstance(valor, str) or valor.strip() in vistos:
                    continue
                hallado = _en_el_campo_o_un_parrafo(valor, conjuntos)
                if hallado is not None:
                    vistos.add(valor.strip())
                    texto, inicio, fin = hallado
                    cita = frase_alrededor(texto, inicio, fin)
                    yield Observacion(self._formato(campo=ruta, texto=cita), ruta, indice, cita)


def _en_el_campo_o_un_parrafo(valor: str, conjuntos: list[ConjuntoPatrones]) -> tuple[str, int, int] | None:
    """The first pattern found in the field, or else in one of its paragraphs: an answer of several paragraphs may keep
    the template's instruction in one of them ('Dificultades: Describa las dificultades presentadas …' after what was
    done), where a pattern anchored to the start of the answer would not see it.  (text searched, start, end)"""
    for conjunto in conjuntos:
        hallado = conjunto.buscar(valor)
        if hallado is not None:
            return valor, hallado.inicio, hallado.fin
    parrafos = [p for p in valor.split("\n\n") if p.strip()] if "\n\n" in valor else []
    for parrafo in parrafos[1:]:
        for conjunto in conjuntos:
            hallado = conjunto.buscar(parrafo)
            if hallado is not None:
                return parrafo, hallado.inicio, hallado.fin
    return None


class _Rango(ReglaDeclarativa):
    def _revisar(self, objetivo: Any, indice: int | None, contexto: Contexto) -> Iterator[Observacion]:
        d = self.datos
        for campo in d.campos:
            for ruta, valor in leer_campo(objetivo, campo):
                x = numero_de(valor)
                if x is None:
                    continue
                if (d.minimo is not None and x < d.minimo) or (d.maximo is not None and x > d.maximo):
                    cita = valor.cita if hasattr(valor, "cita") else escribir_numero(x)
                    yield Observacion(
                        self._formato(campo=ruta, texto=cita, valor=escribir_numero(x), minimo=escribir_numero(d.minimo) if d.minimo is not None else "",
                                      maximo=escribir_numero(d.maximo) if d.maximo is not None else ""),
                        ruta, indice, cita,
                    )


class _Comparacion(ReglaDeclarativa):
    def _lado(self, objetivo: Any, lado: Lado) -> tuple[float | None, str | None]:
        if lado.valor is not None:
            return lado.valor, None
        if lado.campo is not None:
            pares = list(leer_campo(objetivo, lado.campo))
            if not pares:
                return None, lado.campo
            ruta, valor = pares[0]
            return numero_de(valor), ruta
        assert lado.suma is not None
        numeros = [numero_de(v) for _, v in leer_campo(objetivo, lado.suma)]
        presentes = [n for n in numeros if n is not None]
        return (sum(presentes) if presentes else None), lado.suma.split("[*]")[0]

    def _revisar(self, objetivo: Any, indice: int | None, contexto: Contexto) -> Iterator[Observacion]:
        d = self.datos
        izquierda, ruta_i = self._lado(objetivo, d.izquierda)
        derecha, ruta_d = self._lado(objetivo, d.derecha)
        if izquierda is None or derecha is None:
            return
        cumple = _OPERADORES[d.operador]
        tol = d.tolerancia
        if d.operador in ("==",):
            ok = abs(izquierda - derecha) <= tol
        elif d.operador == "!=":
            ok = abs(izquierda - derecha) > tol
        elif d.operador in ("<", "<="):
            ok = cumple(izquierda, derecha + tol)
        else:
            ok = cumple(izquierda + tol, derecha)
        if not ok:
            ruta = ruta_i or ruta_d or ""
            texto = f"{escribir_numero(izquierda)} {_CONTRARIO[d.operador]} {escribir_numero(derecha)}"  # what the data says
            yield Observacion(
                self._formato(campo=ruta, texto=texto, izquierda=escribir_numero(izquierda), derecha=escribir_numero(derecha), operador=d.operador),
                ruta, indice, texto,
            )


_CONTRARIO = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}

_TIPOS = {"campo_requerido", "patrones", "rango", "comparacion"}

_COMPILADORES: dict[type[BaseModel], type[ReglaDeclarativa]] = {
    ReglaCampoRequerido: _CampoRequerido,
    ReglaPatrones: _Patrones,
    ReglaRango: _Rango,
    ReglaComparacion: _Comparacion,
}


def compilar(datos: Any, origen: str = "", propio: bool = False) -> ReglaDeclarativa:
    """The rule of a validated entry; `origen` (its file) and `propio` (an office's) go to its own expressions."""
    if isinstance(datos, ReglaPatrones):
        return _Patrones(datos, origen, propio)
    return _COMPILADORES[type(datos)](datos)


# ---------------------------------------------------------------------------------------
# Loading rule directories.


def cargar_archivo_reglas(ruta: Path, catalogo: Catalogo, propio: bool = False) -> None:
    """Add the rules and pattern sets of one file; raise ErrorReglas naming file and line.  `propio`: an office's file,
    whose expressions search within each report's time budget (`patrones.Presupuesto`)."""
    nombre = str(ruta)
    try:
        documento = leer_archivo_estricto(ruta)
    except ErrorArchivo as error:
        raise ErrorReglas.de(error) from None
    if documento is None:
        return
    if not isinstance(documento.datos, dict):
        raise ErrorReglas(nombre, tr("se esperaba un mapa con 'reglas', 'patrones' y/o 'acumulacion'"), 1)
    try:
        archivo = ArchivoReglas.model_validate(documento.datos)
    except ValidationError as error:
        # pydantic inserts the union's tag in the location ("reglas", 0, "rango", ...): drop it
        e = ubicar_errores(error, documento.mapa,
                           limpiar=lambda loc: loc[:2] + loc[3:] if len(loc) > 2 and loc[0] == "reglas" and loc[2] in _TIPOS else loc)[0]
        mensaje, linea = e.descripcion, e.linea
        if e.tipo == "extra_forbidden":
            mensaje = tr("clave desconocida '{clave}'", clave=e.clave)
        elif e.tipo == "missing":
            mensaje = tr("falta '{clave}'", clave=e.clave)
        elif e.tipo == "union_tag_invalid":
            tipo = str(e.ctx.get("tag", ""))
            pista = difflib.get_close_matches(tipo, sorted(_TIPOS), n=1)
            mensaje = (tr("'tipo' debe ser uno de: campo_requerido, patrones, rango, comparacion (¿quiso decir '{pista}'?)", pista=pista[0])
                       if pista else tr("'tipo' debe ser uno de: campo_requerido, patrones, rango, comparacion"))
            linea = documento.mapa.linea(e.ruta + ("tipo",))
        elif e.tipo == "union_tag_not_found":
            mensaje = tr("falta 'tipo' (campo_requerido, patrones, rango o comparacion)")
        raise ErrorReglas(nombre, f"{e.donde}: {mensaje}", linea) from None
    for conjunto in archivo.patrones:
        catalogo.agregar_patrones(ConjuntoPatrones(conjunto.nombre, conjunto.descripcion,
                                                   [p.patron(nombre, propio) for p in conjunto.patrones]))
    for datos in archivo.reglas:
        catalogo.agregar(compilar(datos, nombre, propio), nombre)
    for i, acumulacion in enumerate(archivo.acumulacion):
        catalogo.agregar_acumulacion(ReglaAcumulacion.de(acumulacion, nombre), propio, documento.mapa.linea(("acumulacion", i)))


ENTRADAS_MAXIMAS = 10_000  # files and folders walked in one rules directory: `--rules /` is refused, not walked
ARCHIVOS_MAXIMOS = 1_000  # YAML files in it (rules, pattern sets, vocabularies, profiles); the built-in ones are 20
MB_MAXIMOS = 50  # their total size (each one is also read only up to 20 MB)


def _archivos_yaml(directorio: Path) -> list[Path]:
    """The YAML files under a rules directory, within the bounds above (ErrorReglas naming the directory beyond them).
    A name ending in .yaml that is a pipe or a device is refused, not skipped."""
    archivos: list[Path] = []
    medidos = 0
    for vistas, ruta in enumerate(directorio.rglob("*"), start=1):  # rglob does not follow links to folders: no loops
        if vistas > ENTRADAS_MAXIMAS:
            raise ErrorReglas(str(directorio), tr("el directorio de reglas tiene más de {n} archivos y carpetas: no se lee "
                                                  "(¿es el directorio correcto?)", n=ENTRADAS_MAXIMAS))
        if ruta.suffix not in (".yaml", ".yml") or ruta.is_dir() or not ruta.exists():
            continue
        if not ruta.is_file():
            raise ErrorReglas(str(ruta), tr("no es un archivo regular (¿una tubería, un dispositivo o un socket?): no se lee"))
        archivos.append(ruta)
        medidos += ruta.stat().st_size
        if len(archivos) > ARCHIVOS_MAXIMOS:
            raise ErrorReglas(str(directorio), tr("el directorio de reglas tiene más de {n} archivos YAML: no se lee "
                                                  "(¿es el directorio correcto?)", n=ARCHIVOS_MAXIMOS))
        if medidos > MB_MAXIMOS * 1024 * 1024:
            raise ErrorReglas(str(directorio), tr("los archivos YAML del directorio de reglas suman más de {n} MB: no se leen",
                                                  n=MB_MAXIMOS))
    return archivos


def cargar_directorio_reglas(directorio: Path, catalogo: Catalogo, propio: bool = False) -> None:
    if not directorio.is_dir():
        raise ErrorReglas(str(directorio), tr("no es un directorio de reglas"))
    archivos = sorted(p for p in _archivos_yaml(directorio)
                      if not set(NO_SON_REGLAS) & set(p.relative_to(directorio).parts[:-1]))  # profiles, vocabularies: read before
    for ruta in archivos:
        cargar_archivo_reglas(ruta, catalogo, propio)
