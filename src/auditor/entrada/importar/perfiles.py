"""Template profiles as data: how each layout of the report is written, read from
``rules/plantillas/<plantilla>.yaml`` (packaged with the built-in rules) and from a
``plantillas/`` folder in an office's own rules directory.

A profile says how a meta starts (regular expressions with the groups ``numero`` and
``nombre``), each question of the template once with the field it answers (the importer
derives its variants: with or without «¿» and «?», without accents, in any case), the
capital headings that stand for a question ('INVERSIÓN') and short labels ('Cómo:'),
and the page furniture to drop.  A bad profile is an ErrorArchivo naming file and line,
like a bad rule file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from auditor.idioma import tr
from auditor.lectura import vocabulario
from auditor.lectura.fuente import ErrorArchivo, Ruta, leer_archivo_estricto
from auditor.lectura.incluidas import PLANTILLAS, directorio_reglas_incluidas
from auditor.lectura.patrones import normalizar
from auditor.lectura.perezosa import perezosa

# The fields an answer may go to (the report model's prose fields of a meta).
CAMPOS = ("logro.texto", "inversion.texto", "beneficiarios.descripcion", "ejecucion.como", "ejecucion.con_quien",
          "ejecucion.cuando", "impacto", "localizacion.texto")
CampoRespuesta = Literal["logro.texto", "inversion.texto", "beneficiarios.descripcion", "ejecucion.como", "ejecucion.con_quien",
                         "ejecucion.cuando", "impacto", "localizacion.texto"]


_INCLUIDO = "incluido"  # in the validation context: the package's own profile (see `leer_perfil`)


def _regex(valor: str, info: ValidationInfo, grupos: tuple[str, ...] = ()) -> str:
    if info.context is not None and info.context.get(_INCLUIDO):
        return valor  # the built-in profiles' expressions, checked by the tests, are compiled where they are used
    try:
        compilado = re.compile(valor, re.IGNORECASE)
    except re.error as error:
        raise ValueError(tr("expresión regular inválida: {error}", error=str(error))) from None
    for grupo in grupos:
        if grupo not in compilado.groupindex:
            raise ValueError(tr("la expresión debe tener el grupo (?P<{grupo}>...)", grupo=grupo))
    return valor


class _Estricto(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class CampoPerfil(_Estricto):
    nombre: str = Field(pattern=r"^[a-z_]+$")  # how the reader and its tests call the label
    campo: CampoRespuesta
    pregunta: str | None = Field(default=None, min_length=1)
    preguntas: list[str] = []  # the same question as other templates and offices word it ('cómo se ejecutó')
    titulos: list[str] = []
    rotulos: list[str] = []

    @field_validator("preguntas", "titulos", "rotulos")
    @classmethod
    def _no_vacios(cls, valores: list[str]) -> list[str]:
        if any(not v.strip() for v in valores):
            raise ValueError(tr("un rótulo vacío"))
        return valores


class DatoPerfil(_Estricto):
    rotulo: str = Field(min_length=1)
    # 'indicador': the indicator's name, a label the readers know and leave out of the answers
    campo: Literal["programado_periodo", "logro.cantidad", "meta_cuatrienio", "cumplimiento_periodo", "avance_cuatrienio", "indicador"]


class ParrafosNarrativos(_Estricto):
    """How a paragraph of each question opens, for the paragraphs without a label: a match counts as a strong
    cue for that question (`clasificar`), the template order and the other cues still weighing."""

    logro: str | None = None
    inversion: str | None = None
    beneficiarios: str | None = None
    como: str | None = None
    impacto: str | None = None
    donde: str | None = None

    @field_validator("logro", "inversion", "beneficiarios", "como", "impacto", "donde")
    @classmethod
    def _compila(cls, valor: str | None, info: ValidationInfo) -> str | None:
        return None if valor is None else _regex(valor, info)


class ArchivoPerfil(_Estricto):
    plantilla: Literal["tabular", "narrativa"]
    descripcion: str = ""
    metas: list[str] = Field(min_length=1)
    # heading forms used only where none of `metas` opens a meta in the document: a draft that numbers its metas by
    # the plan's outline alone ('2.1.1 Cámaras de videovigilancia instaladas'), without the word 'Meta'
    metas_respaldo: list[str] = []
    campos: list[CampoPerfil] = []
    datos: list[DatoPerfil] = []
    parrafos: ParrafosNarrativos | None = None
    mobiliario: list[str] = []

    @field_validator("metas", "metas_respaldo")
    @classmethod
    def _metas(cls, valores: list[str], info: ValidationInfo) -> list[str]:
        return [_regex(v, info, ("numero",)) for v in valores]

    @field_validator("mobiliario")
    @classmethod
    def _mobiliario(cls, valores: list[str], info: ValidationInfo) -> list[str]:
        return [_regex(v, info) for v in valores]


# --- the compiled profile ---------------------------------------------------------------------

_ACENTOS = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]", "n": "[nñ]"}


def frase(texto: str) -> str:
    """A template phrase as a regex: accents, case and spacing do not matter ('/' may have spaces around)."""
    salida = []
    for c in normalizar(texto):
        if c == " ":
            salida.append(r"\s*")
        elif c.lower() in _ACENTOS:
            salida.append(_ACENTOS[c.lower()])
        elif c == "/":
            salida.append(r"\s*/\s*")
        else:
            salida.append(re.escape(c))
    return "".join(salida)


def _titulo(texto: str) -> str:
    """A capital heading as a regex: accents and spacing do not matter, the capitals do."""
    salida = []
    for c in " ".join(texto.split()):
        base = normalizar(c)
        if c == " ":
            salida.append(r"\s*")
        elif c == "/":
            salida.append(r"\s*/\s*")
        elif base in _ACENTOS and c.isupper():
            salida.append(_ACENTOS[base].upper())
        else:
            salida.append(re.escape(c))
    return "".join(salida)


@dataclass(frozen=True)
class Etiqueta:
    """A label of the template: whatever follows it, up to the next label, answers `campo`."""

    nombre: str
    patron: re.Pattern[str]
    campo: Ruta | None = None
    titulo: bool = False  # a capital heading without the question ('INVERSIÓN')
    pregunta: bool = False  # the template's own question or capital heading: tells the layout apart


def etiquetas_de(campo: CampoPerfil) -> list[Etiqueta]:
    """The labels a field of the profile stands for, in the order they are tried."""
    ruta: Ruta = tuple(campo.campo.split("."))
    nombre = campo.nombre
    salida = []
    for pregunta in ([campo.pregunta] if campo.pregunta else []) + campo.preguntas:
        f = frase(pregunta)
        # '¿Qué se hizo?' anywhere; 'Que se hizo?' anywhere but inside a word; 'QUE SE HIZO', 'Qué se hizo:' or
        # 'que se hizo - …' only opening the paragraph.
        # and numbered in the template's order: '1. ¿Que se hizo?', '3) Cuánto se invirtió:'
        patron = (rf"^[\s•·\-–]*\d{{1,2}}[.)]\s*¿?\s*{f}\s*(?:\?\s*:?|:|{_GUION}|$)"
                  rf"|¿\s*{f}\s*\??|(?<!\w){f}\s*\?|^[\s•·\-–]*{f}\s*(?::|{_GUION}|$)")
        salida.append(Etiqueta(nombre, re.compile(patron, re.IGNORECASE | re.MULTILINE), ruta, pregunta=True))
    for titulo in campo.titulos:
        salida.append(Etiqueta(nombre, re.compile(rf"^\s*{_titulo(titulo)}(?!\w)\s*:?"), ruta, titulo=True, pregunta=True))
    for rotulo in campo.rotulos:
        # 'Aliados: …', or the label alone on its line, with or without its colon ('Descripción de actividades'), or
        # a run-in lead with a full stop ('Población. 2.460 personas …', 'Recursos. $ 310 millones …')
        # a label that is a question may keep its marks: '¿Qué impacto se logró?' in a Pregunta | Respuesta table
        salida.append(Etiqueta(nombre, re.compile(rf"^\s*(?:\d{{1,2}}[.)]\s+)?¿?\s*{frase(rotulo)}\s*(?:\?\s*:?|:|{_GUION}|$|\.\s+(?=[A-ZÁÉÍÓÚÑ¿$\d]))",
                                                  re.IGNORECASE), ruta))
    return salida


# a label set off from its answer by a dash between spaces, as a plain-text e-mail writes it: 'como se ejecuto - Mediante …'
_GUION = r"[-–—](?=\s|$)"


class Encabezados:
    """The heading forms of a meta, tried in order; `match` as a compiled pattern's."""

    def __init__(self, patrones: tuple[re.Pattern[str], ...]) -> None:
        self.patrones = patrones

    def match(self, texto: str) -> re.Match[str] | None:
        for patron in self.patrones:
            m = patron.match(texto)
            if m:
                return m
        return None


@dataclass(frozen=True)
class Perfil:
    """A profile ready to read with: the compiled patterns of an ArchivoPerfil."""

    plantilla: str  # the reader it is read with: 'tabular' or 'narrativa'
    archivo: str
    metas: tuple[re.Pattern[str], ...]
    etiquetas: tuple[Etiqueta, ...]
    fuentes_cabeceras: tuple[str, ...]  # a bare label alone in a cell, the table's header row: compiled on first use
    mobiliario: tuple[re.Pattern[str], ...]
    parrafos: dict[str, re.Pattern[str]]
    datos: tuple[tuple[re.Pattern[str], str], ...] = ()  # ('Programado 2024: <valor>', field)
    propio: bool = False  # an office's own, from its rules directory
    respaldo: tuple[re.Pattern[str], ...] = ()  # the heading forms of a document that writes none of `metas`
    fuentes_rotulos_en_linea: tuple[tuple[str, str], ...] = ()  # (field, 'Recursos:' anywhere in a paragraph): compiled on first use
    por_respaldo: bool = False  # this is the profile read with its fallback headings

    # A document is read with every profile in use, and a profile's patterns cost more to compile (half a second
    # for the built-in ones) than most documents take to read: the groups some documents never reach are compiled
    # the first time they are searched.
    @perezosa
    def cabeceras(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(fuente, re.IGNORECASE) for fuente in self.fuentes_cabeceras)

    @perezosa
    def rotulos_en_linea(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((campo, re.compile(fuente, re.IGNORECASE)) for campo, fuente in self.fuentes_rotulos_en_linea)

    def con_respaldo(self) -> Perfil | None:
        """The profile with its fallback headings in place of its own (None: it has none)."""
        if not self.respaldo:
            return None
        return replace(self, metas=self.respaldo, respaldo=(), por_respaldo=True)

    @property
    def nombre(self) -> str:
        """How the profile is called: its file's name without '.yaml' ('tabular', 'informe_concejo')."""
        return Path(self.archivo).stem

    def dato(self, texto: str) -> tuple[str, str] | None:
        """(field, value) of a 'Rótulo: valor' line ('Meta cuatrienio: 1.200 ha')."""
        for patron, campo in self.datos:
            m = patron.match(texto)
            if m:
                return campo, m.group("valor").strip()
        return None

    @property
    def encabezado(self) -> Encabezados:
        """The heading of a meta: ``perfil.encabezado.match(texto)``."""
        return Encabezados(self.metas)

    def es_mobiliario(self, texto: str) -> bool:
        """Page furniture (a running header, 'Página 2 de 18'), dropped wherever it appears."""
        if len(texto) > 160:
            return False
        t = normalizar(texto)
        return any(p.search(t) for p in self.mobiliario)

    def campos_rotulados(self, textos: list[str]) -> int:
        """How many of the template's questions the texts answer under a label of the profile with its colon
        ('Recursos: …', 'Población: …'), wherever in a paragraph: what tells a draft whose metas are only numbered
        ('2.1.1 Cámaras …') from any other document numbered by levels (a manual, a README)."""
        campos = set()
        for texto in textos:
            for campo, patron in self.rotulos_en_linea:
                if campo not in campos and patron.search(texto):
                    campos.add(campo)
            for etiqueta in self.etiquetas:  # a run-in lead that opens the paragraph ('Población. 2.460 personas')
                if etiqueta.campo is not None and not etiqueta.titulo and etiqueta.patron.match(texto):
                    campos.add(".".join(map(str, etiqueta.campo)))
        return len(campos)

    def abre_con_rotulo(self, linea: str) -> bool:
        """A line that opens with a label of the profile and its colon ('Recursos: …', 'Programado 2025: 30',
        'Acciones:'), or a sentence that opens the way the profile says a question's paragraph opens (its
        `parrafos` anchored at the start: 'Recursos comprometidos por …'): the start of an answer, never the wrap
        of the line before."""
        if self.dato(linea) is not None:
            return True
        if linea[:1].isupper() and any(p.pattern.lstrip().startswith("^") and "|" not in p.pattern and p.search(normalizar(linea))
                                       for p in self.parrafos.values()):
            return True
        if self.es_rotulo_solo(linea):  # the label alone on its line ('RECURSOS', 'LUGARES'): what follows answers it
            return True
        for etiqueta in self.etiquetas:  # 'Recursos: …'
            m = etiqueta.patron.match(linea)
            if m is not None and m.start() == 0 and m.group(0).rstrip().endswith((":", "-", "–", "—")):
                return True
        return False

    def es_rotulo_solo(self, linea: str) -> bool:
        """A line that is only a label of the profile, written as a label is ('RECURSOS', 'Lugares', '¿Cómo se hizo?',
        capitalized): the answer is below it."""
        texto = linea.strip()
        if not texto[:1].isupper() and texto[:1] != "¿":
            return False  # 'municipios' on its own line is the wrap of a sentence or a heading, not the label
        for etiqueta in self.etiquetas:
            if etiqueta.campo is None:
                continue
            m = etiqueta.patron.match(texto)
            if m is not None and m.start() == 0 and m.end() >= len(texto.rstrip(" :")):
                return True
        return False

    def abre_linea(self, linea: str) -> bool:
        """A line of a text export that starts a paragraph of the template whatever came before it: one
        `abre_con_rotulo` accepts, one that opens with the template's own question or capital heading
        ('¿Cómo se hizo? Mediante …', 'IMPACTO'), or a cell heading alone ('Inversión', 'Cumplimiento/Avance')."""
        if self.abre_con_rotulo(linea) or self.es_cabecera(linea.strip()):
            return True
        for etiqueta in self.etiquetas:
            if etiqueta.pregunta:
                m = etiqueta.patron.match(linea)
                if m is not None and m.start() == 0 and m.end() > 0:
                    return True
        return False

    def es_cabecera(self, texto: str) -> bool:
        return any(p.fullmatch(texto) for p in self.cabeceras)


_UNION_DE_ROTULO = ("de", "del", "la", "el", "los", "las", "en")
# what may follow a value's label before its colon: the year or years ('Programado 2025', 'Ejecutado 2024-2025'), the
# cut-off ('Logro a 31 de agosto', 'Ejecutado a la fecha de corte', 'Avance al 30 de septiembre de 2025', 'Ejecutado a
# 30/09/2025', 'Ejecutado a septiembre de 2025')
_CUANDO_DEL_DATO = (r"(?:\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?"
                    r"|\s+al?\s+(?:la\s+fecha(?:\s+de\s+corte)?|corte(?:\s+de\s+[^\W\d]+)?|\d{1,2}\s+de\s+[^\W\d]+(?:\s+de\s+(?:19|20)\d\d)?"
                    r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d|[^\W\d]+\s+(?:de|del)\s+(?:19|20)\d\d))?")


# between a value's label and its value: a colon, or the dot leaders of a form ('Programado 2025 ........ 600 mujeres')
_HASTA_EL_VALOR = r"(?::|(?:\.{3,}|…+)[\s.…]*:?)"


def _rotulo_de_dato(rotulo: str) -> str:
    """A value's label as a regex whose small words do not matter: '% de avance del cuatrienio' reads '% avance
    cuatrienio' and '% de avance cuatrienio' too (offices drop or add them)."""
    palabras = [p for p in rotulo.split() if normalizar(p).lower() not in _UNION_DE_ROTULO]
    union = rf"\s*(?:(?:{'|'.join(_UNION_DE_ROTULO)})\s+)*"
    return union.join(frase(p) for p in palabras) if palabras else frase(rotulo)


def compilar(archivo: ArchivoPerfil, nombre: str, propio: bool = False) -> Perfil:
    etiquetas = [e for campo in archivo.campos for e in etiquetas_de(campo)]
    cabeceras = [rf"\s*{frase(t)}\s*:?\s*" for campo in archivo.campos for t in (*campo.titulos, *campo.rotulos)]
    return Perfil(
        plantilla=archivo.plantilla,
        archivo=nombre,
        metas=tuple(re.compile(p, re.IGNORECASE | re.DOTALL) for p in archivo.metas),
        etiquetas=tuple(etiquetas),
        fuentes_cabeceras=tuple(cabeceras),
        mobiliario=tuple(re.compile(p) for p in archivo.mobiliario),
        datos=tuple((re.compile(rf"^\s*{_rotulo_de_dato(d.rotulo)}{_CUANDO_DEL_DATO}\s*{_HASTA_EL_VALOR}\s*(?P<valor>.*)$",
                                re.IGNORECASE | re.DOTALL), d.campo)
                    for d in archivo.datos),
        parrafos={clave: re.compile(valor, re.IGNORECASE)
                  for clave, valor in (archivo.parrafos.model_dump() if archivo.parrafos else {}).items() if valor is not None},
        propio=propio,
        respaldo=tuple(re.compile(p, re.IGNORECASE | re.DOTALL) for p in archivo.metas_respaldo),
        fuentes_rotulos_en_linea=tuple((campo.campo, rf"(?<!\w)(?:{'|'.join(frase(r) for r in campo.rotulos)})\s*:")
                                       for campo in archivo.campos if campo.rotulos),
    )


class ErrorPerfil(ErrorArchivo):
    """A template profile that cannot be used: file, line and why."""


def leer_perfil(ruta: Path, propio: bool = False) -> Perfil:
    """One profile file, validated; ErrorPerfil naming the file and line of the problem."""
    nombre = str(ruta)
    try:
        documento = leer_archivo_estricto(ruta)
    except ErrorArchivo as error:
        raise ErrorPerfil.de(error) from None
    if documento is None or not isinstance(documento.datos, dict):
        raise ErrorPerfil(nombre, tr("se esperaba un mapa con 'plantilla', 'metas' y 'campos'"), 1)
    try:
        archivo = ArchivoPerfil.model_validate(documento.datos, context={_INCLUIDO: _incluido(ruta)})
    except ValidationError as error:
        e = error.errors(include_url=False)[0]
        loc = tuple(e["loc"])
        donde = ".".join(str(p) for p in loc) or "(raíz)"
        if e["type"] == "extra_forbidden":
            mensaje, linea = tr("clave desconocida '{clave}'", clave=str(loc[-1])), documento.mapa.linea_clave(loc)
        elif e["type"] == "missing":
            mensaje, linea = tr("falta '{clave}'", clave=str(loc[-1])), documento.mapa.linea(loc)
        elif e["type"] == "literal_error":  # the words pydantic would say in English: the values that may go there
            mensaje = tr("se esperaba uno de: {valores}", valores=str(e.get("ctx", {}).get("expected", "")))
            linea = documento.mapa.linea(loc)
        else:
            mensaje, linea = str(e["msg"]).removeprefix("Value error, "), documento.mapa.linea(loc)
        raise ErrorPerfil(nombre, f"{donde}: {mensaje}", linea) from None
    return compilar(archivo, nombre, propio)


def directorio_plantillas_incluidas() -> Path:
    return directorio_reglas_incluidas() / PLANTILLAS


def _incluido(ruta: Path) -> bool:
    """A profile of the package (its expressions are validated by the tests, not on every run)."""
    return ruta.parent.resolve() == directorio_plantillas_incluidas().resolve()


@lru_cache(maxsize=64)
def _perfil_en(ruta: Path, propio: bool = False) -> Perfil:
    return leer_perfil(ruta, propio)


LECTORES = ("tabular", "narrativa")  # the built-in profiles read with a reader of their own name
MATRIZ = "matriz"  # not a profile of this kind: the matrix's column names (`matriz.cargar_perfil`)


def perfil(plantilla: str) -> Perfil:
    """The built-in profile of a layout (``rules/plantillas/<plantilla>.yaml``)."""
    return _perfil_en(directorio_plantillas_incluidas() / f"{plantilla}.yaml")


def archivos_propios(nombre: str | None = None) -> list[Path]:
    """The profile files of the offices' rules directories in use (``DIR/plantillas/*.yaml``, or only
    ``<nombre>.yaml``), the last directory given first: where two name the same profile, it wins."""
    salida = []
    for directorio in reversed(vocabulario.directorios()):
        carpeta = Path(directorio) / PLANTILLAS
        if carpeta.is_dir():
            salida.extend(sorted(carpeta.glob(f"{nombre or '*'}.yaml")))
    return salida


def en_uso() -> tuple[Perfil, ...]:
    """The profiles the importer chooses among: each office's own (``plantillas/*.yaml`` in the rules
    directories in use, ``--rules DIR`` or the configuration's), then the built-in ones. An office's
    profile named like a built-in one (``plantillas/tabular.yaml``) replaces it. A bad profile is an
    ErrorPerfil naming its file and line."""
    return _en_uso(vocabulario.generacion())


@cache
def _en_uso(generacion: int) -> tuple[Perfil, ...]:
    propios: dict[str, Perfil] = {}
    for ruta in archivos_propios():
        if ruta.stem != MATRIZ and ruta.stem not in propios:
            propios[ruta.stem] = _perfil_en(ruta.resolve(), True)
    return (*propios.values(), *(perfil(n) for n in LECTORES if n not in propios))
