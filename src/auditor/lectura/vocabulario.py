"""The readers' vocabularies as data: how reports write an explicit zero, a kind of place, a qualifier,
what a percentage refers to, the citation of a norm.

Each vocabulary is a YAML file ``rules/vocabulario/<nombre>.yaml`` (packaged with the built-in rules),
read once, on first use, and validated like a rule file or a template profile: the strict reader of
`lectura.fuente` (a repeated key, a tab, a bad byte are errors with their line) and a pydantic model per
vocabulary; any problem is an `ErrorVocabulario` naming the file, the line and what was expected.  The
grammar stays in the readers (the order of the words, the windows, the positions); only the words are here.

An office extends a vocabulary with a file of the same name in the ``vocabulario/`` folder of its own
rules directory (``--rules DIR`` or ``directorios_reglas``), with any of the same keys: its words are added
after the built-in ones (a word already there is skipped).  The rule catalog passes the run's directories
(`usar`) before any report is read, so the importer, which reads text before the catalog is used, reads
with the same words as the rules.

The readers take their compiled forms through `expresion` and `derivado`, built on first use and again
after `usar` changed the vocabularies: a reader's cached readings are dropped then as well
(`memoria.olvidar`; the other caches ask `generacion`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from auditor.idioma import tr
from auditor.lectura.fuente import ErrorArchivo, MapaFuente, Ruta, leer_archivo_estricto, ubicar_errores
from auditor.lectura.incluidas import VOCABULARIO, directorio_reglas_incluidas
from auditor.lectura.memoria import olvidar
from auditor.lectura.patrones import normalizar


class ErrorVocabulario(ErrorArchivo):
    """A vocabulary file that cannot be used: file, line and what was expected."""


# --- what a vocabulary file holds -------------------------------------------------------------------

def _palabra(valor: str) -> str:
    if not valor.strip():
        raise ValueError(tr("una palabra vacía"))
    if normalizar(valor) != valor:
        raise ValueError(tr("«{palabra}» debe escribirse normalizada, en minúsculas y sin tildes: «{normal}»",
                            palabra=valor, normal=normalizar(valor)))
    return valor


def _expresion(valor: str, info: ValidationInfo) -> str:
    if info.context is not None and info.context.get(_INCLUIDO):
        return valor  # the built-in vocabularies' fragments, checked by the tests, are not compiled one by one on every run
    try:
        compilada = re.compile(valor)
    except re.error as error:
        raise ValueError(tr("expresión regular inválida: {error}", error=str(error))) from None
    if compilada.groupindex:
        raise ValueError(tr("la expresión no puede tener grupos con nombre (?P<…>): el lector usa los suyos"))
    if compilada.fullmatch(""):
        raise ValueError(tr("la expresión calza con el texto vacío: calzaría en cualquier parte"))
    return valor


_INCLUIDO = "incluido"  # in the validation context: the file is the package's own (see `_validar`)
Palabra = Annotated[str, AfterValidator(_palabra)]  # a word or phrase, normalized (`patrones.normalizar`)
Expresion = Annotated[str, AfterValidator(_expresion)]  # a regex fragment matched against normalized text


class _Estricto(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Ceros(_Estricto):
    """`lectura.ceros`: the words of an explicit zero and of its reason."""

    negaciones: list[Palabra] = []
    negaciones_finales: list[Palabra] = []
    gasto: list[Expresion] = []
    dinero: list[Expresion] = []
    enlaces: list[Palabra] = []
    razones: list[Expresion] = []
    aperturas: list[Expresion] = []


class Formas(_Estricto):
    singular: Palabra
    plural: Palabra

    @field_validator("singular", "plural")
    @classmethod
    def _letras(cls, valor: str) -> str:
        if not re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", valor):  # the reader compares words of letters
            raise ValueError(tr("«{palabra}» debe ser una o más palabras de letras, sin números ni signos", palabra=valor))
        return valor


class Lugares(_Estricto):
    """`lectura.lugares`: the words that say what kind of place the names after them are."""

    municipio: list[Formas] = []
    departamento: list[Formas] = []
    corregimiento: list[Formas] = []
    vereda: list[Formas] = []
    barrio: list[Formas] = []
    centro_poblado: list[Formas] = []
    inspeccion: list[Formas] = []
    resguardo: list[Formas] = []
    comuna: list[Formas] = []
    sede: list[Formas] = []
    accidente: list[Formas] = []  # a river, a creek, a hill: named like a place, not one of the report's; in lower case only


class Calificadores(_Estricto):
    """`lectura.conteos`, `lectura.resumen`, the importer: what qualifies a figure right before it, by the bound it makes."""

    minimo: list[Palabra] = []
    aproximado: list[Palabra] = []
    maximo: list[Palabra] = []
    exacto: list[Palabra] = []

    def frases(self) -> list[str]:
        """Every qualifier, longest first (an alternation tries "por lo menos" before "menos")."""
        return sorted({*self.minimo, *self.aproximado, *self.maximo, *self.exacto}, key=lambda f: (-len(f), f))


class Porcentajes(_Estricto):
    """`lectura.porcentajes`: what the phrase attached to a percentage says it is a share of."""

    cuatrienio: list[Expresion] = []
    periodo: list[Expresion] = []
    financiero: list[Expresion] = []
    poblacion: list[Expresion] = []
    sin_valor: list[Expresion] = []
    sin_programar: list[Expresion] = []


class Citas(_Estricto):
    """`lectura.fechas`: the norms and documents whose number and year are a citation, not a date."""

    normas: list[Palabra] = []
    documentos: list[Palabra] = []


class Unidades(_Estricto):
    """`lectura.conteos`: the units that make a figure an amount, not a count."""

    dinero: list[Palabra] = []


MODELOS: dict[str, type[_Estricto]] = {
    "ceros": Ceros, "lugares": Lugares, "calificadores": Calificadores, "porcentajes": Porcentajes, "citas": Citas,
    "unidades": Unidades,
}


# --- loading ---------------------------------------------------------------------------------------

def _validar(ruta: Path, modelo: type[_Estricto], incluido: bool = False) -> tuple[_Estricto, MapaFuente]:
    """One vocabulary file, validated; ErrorVocabulario naming file, line and what was expected.  The regex
    fragments of the built-in files (`incluido`) are not compiled to check them (a hundred compilations on every
    run): the tests validate those files in full; an office's are always checked."""
    nombre = str(ruta)
    try:
        documento = leer_archivo_estricto(ruta)
    except ErrorArchivo as error:
        raise ErrorVocabulario.de(error) from None
    if documento is None:
        return modelo(), MapaFuente()
    if not isinstance(documento.datos, dict):
        raise ErrorVocabulario(nombre, tr("se esperaba un mapa con las listas {claves}", claves=", ".join(modelo.model_fields)), 1)
    try:
        return modelo.model_validate(documento.datos, context={_INCLUIDO: incluido}), documento.mapa
    except ValidationError as error:
        e = ubicar_errores(error, documento.mapa)[0]  # what was expected, in the words of the rule files' errors
        mensaje = e.descripcion
        if e.tipo == "extra_forbidden":
            mensaje = tr("clave desconocida '{clave}' (se espera una de: {claves})", clave=e.clave, claves=", ".join(_claves(modelo, e.loc[:-1])))
        elif e.tipo == "missing":
            mensaje = tr("falta '{clave}'", clave=e.clave)
        raise ErrorVocabulario(nombre, f"{e.donde or '(raíz)'}: {mensaje}", e.linea) from None


def _claves(modelo: type[BaseModel], loc: Ruta) -> list[str]:
    """The keys valid where an unknown one was found: the vocabulary's lists, or {singular, plural}."""
    return list(modelo.model_fields) if not loc else list(Formas.model_fields)


def _unir(base: _Estricto, propio: _Estricto, ruta: Path, mapa: MapaFuente) -> _Estricto:
    """`base` with the entries of an office's `propio` added after its own (those already there skipped)."""
    unido: dict[str, list[Any]] = {}
    for campo in type(base).model_fields:
        lista = list(getattr(base, campo))
        for i, entrada in enumerate(getattr(propio, campo)):
            if entrada not in lista:
                if isinstance(entrada, Formas):
                    _sin_repetir(base, unido, entrada, ruta, mapa.linea((campo, i)))
                lista.append(entrada)
        unido[campo] = lista
    return type(base).model_validate(unido, context={_INCLUIDO: True})  # every entry was validated already


def _sin_repetir(base: _Estricto, unido: dict[str, list[Any]], entrada: Formas, ruta: Path, linea: int) -> None:
    """A form of a kind of place belongs to one kind only."""
    for campo in type(base).model_fields:
        for otra in [*getattr(base, campo), *unido.get(campo, ())]:
            repetida = {entrada.singular, entrada.plural} & {otra.singular, otra.plural}
            if repetida:
                raise ErrorVocabulario(str(ruta), tr("«{palabra}» ya es una palabra de {clase}", palabra=min(repetida), clase=campo), linea)


@dataclass(frozen=True)
class _Estado:
    directorios: tuple[Path, ...] = ()
    generacion: int = 0


_estado = _Estado()
_GENERACIONES = itertools.count(1)


def archivos(nombre: str) -> Iterator[Path]:
    """The files of a vocabulary in use: the built-in one, then each office's, in the order given."""
    yield directorio_reglas_incluidas() / VOCABULARIO / f"{nombre}.yaml"
    for directorio in _estado.directorios:
        propio = directorio / VOCABULARIO / f"{nombre}.yaml"
        if propio.is_file():
            yield propio


@cache
def _cargado(nombre: str, generacion: int) -> _Estricto:
    modelo = MODELOS[nombre]
    incluido, *propios = archivos(nombre)
    if not incluido.is_file():
        raise ErrorVocabulario(str(incluido), tr("no se encuentra el vocabulario incluido; reinstale el paquete"))
    vocabulario, _ = _validar(incluido, modelo, incluido=True)
    for ruta in propios:
        propio, mapa = _validar(ruta, modelo)
        vocabulario = _unir(vocabulario, propio, ruta, mapa)
    return vocabulario


def _desconocidos(directorio: Path) -> None:
    """A file in an office's ``vocabulario/`` that names no vocabulary is a mistake worth saying."""
    carpeta = directorio / VOCABULARIO
    if not carpeta.is_dir():
        return
    for ruta in sorted(carpeta.iterdir()):
        if ruta.suffix == ".yml" or (ruta.suffix == ".yaml" and ruta.stem not in MODELOS):
            raise ErrorVocabulario(str(ruta), tr("vocabulario desconocido '{nombre}' (se espera uno de: {nombres}, con extensión .yaml)",
                                                 nombre=ruta.name, nombres=", ".join(f"{n}.yaml" for n in MODELOS)), 1)


def usar(directorios: tuple[Path, ...] | list[Path] = ()) -> None:
    """The vocabularies of the run: the built-in ones extended by these rules directories (each office's
    ``vocabulario/``). Every vocabulary is read and validated now, so a bad file stops the run before any
    report is read (ErrorVocabulario); the readings cached with the previous vocabularies are dropped."""
    global _estado
    nuevos = tuple(Path(d) for d in directorios)
    for directorio in nuevos:
        _desconocidos(directorio)
    if nuevos != _estado.directorios:
        anterior = _estado
        _estado = _Estado(nuevos, next(_GENERACIONES))  # never one used before, a failed one included (`_cargado`'s cache)
        olvidar()
        try:
            for nombre in MODELOS:
                _cargado(nombre, _estado.generacion)
        except ErrorVocabulario:
            _estado = anterior
            raise
    else:
        for nombre in MODELOS:
            _cargado(nombre, _estado.generacion)


def directorios() -> tuple[Path, ...]:
    """The offices' rules directories in use (what `usar` was given): the importer looks for their
    template profiles there too."""
    return _estado.directorios


def generacion() -> int:
    """Changes whenever `usar` changes the vocabularies: a cache of readings keyed by it stays right."""
    return _estado.generacion


def ceros() -> Ceros:
    return _cargado("ceros", _estado.generacion)  # type: ignore[return-value]


def lugares() -> Lugares:
    return _cargado("lugares", _estado.generacion)  # type: ignore[return-value]


def calificadores() -> Calificadores:
    return _cargado("calificadores", _estado.generacion)  # type: ignore[return-value]


def porcentajes() -> Porcentajes:
    return _cargado("porcentajes", _estado.generacion)  # type: ignore[return-value]


def citas() -> Citas:
    return _cargado("citas", _estado.generacion)  # type: ignore[return-value]


def unidades() -> Unidades:
    return _cargado("unidades", _estado.generacion)  # type: ignore[return-value]


_TILDES = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]", "n": "[nñ]"}


def como_se_escribe(frase: str) -> str:
    """A normalized phrase as a regex for the text as written: with or without accents, any white space
    between its words ('mas de' -> 'm[aá]s\\s+d[eé]'); for IGNORECASE patterns."""
    return r"\s+".join("".join(_TILDES.get(c, re.escape(c)) for c in palabra) for palabra in frase.split())


# --- the readers' compiled forms --------------------------------------------------------------------

T = TypeVar("T")


class derivado(Generic[T]):  # used like a function: _ENLACES = derivado(lambda: ...)
    """A value computed from the vocabularies (a set, a table), on first call and again after they change."""

    __slots__ = ("_calcular", "_valor", "_generacion")

    def __init__(self, calcular: Callable[[], T]) -> None:
        self._calcular = calcular
        self._generacion = -1
        self._valor: T | None = None

    def __call__(self) -> T:
        if self._generacion != _estado.generacion:
            self._valor = self._calcular()
            self._generacion = _estado.generacion
        return self._valor  # type: ignore[return-value]


class expresion:  # stands where a compiled pattern stood: _NEGACION = expresion(lambda: ...)
    """A regular expression built from the vocabularies, compiled on first use and again after they change;
    searched like a compiled pattern (`search`, `match`, `fullmatch`, `finditer`, `sub`)."""

    __slots__ = ("_patron",)

    def __init__(self, construir: Callable[[], str], flags: int = 0) -> None:
        self._patron = derivado(lambda: re.compile(construir(), flags))

    def search(self, texto: str, *limites: int) -> re.Match[str] | None:
        return self._patron().search(texto, *limites)

    def match(self, texto: str, *limites: int) -> re.Match[str] | None:
        return self._patron().match(texto, *limites)

    def fullmatch(self, texto: str, *limites: int) -> re.Match[str] | None:
        return self._patron().fullmatch(texto, *limites)

    def finditer(self, texto: str, *limites: int) -> Iterator[re.Match[str]]:
        return self._patron().finditer(texto, *limites)

    def sub(self, reemplazo: str, texto: str) -> str:
        return self._patron().sub(reemplazo, texto)

    @property
    def pattern(self) -> str:
        return self._patron().pattern
