"""Spanish date expressions in report prose, read into intervals with their place in the text.

``leer_fechas("se realizó entre el 1 y el 4 de julio de 2025 en Corferias")`` gives one
`Fecha` for ``entre el 1 y el 4 de julio de 2025`` (characters 11-45) covering 2025-07-01 ..
2025-07-04 with day precision.  What is read:

- days: ``el 23 de octubre de 2025``, ``23-octubre-2025``, ``los días 10,12 y 13 de septiembre de
  2025``, ``los días 12, 13, 28 y 29 de mayo y 3, 4 y 16 de junio de 2025`` (one part per day);
- day ranges: ``del 15 abril al 5 de mayo de 2025``, ``entre el 1 y el 4 de julio de 2025``,
  ``Entre 16 enero y 02 de febrero de 2025``, ``05 al 14 de octubre de 2024``;
- months: ``julio de 2025``, ``septiembre-2025``, ``Entre noviembre de 2024 y diciembre de 2025``;
- parts of a year: ``segundo semestre de 2024``, ``último bimestre de la vigencia 2024``,
  ``primer trimestre``; and their edges: ``al término del segundo semestre del año 2025`` is
  December 2025;
- years: ``Vigencia 2024``, ``vigencias 2024 y 2025``, ``durante el año 2024 y 2025``,
  ``versiones 2024 y 2025``, ``2024-2025``, and bare years (``Chocoshow 2024``, ``en 2019``), kept
  but marked as not introduced by a temporal word (`Fecha.marcada` is False) unless ``durante``,
  ``desde``, ``hasta`` or ``a partir de`` comes before: `es_hecho` takes them as event dates only
  in photo captions, where a year dates the photo;
- numeric dates: ``23/10/2025``, ``2025-10-23``.

Not dates: identifiers and amounts (``Contrato de Empréstito No. 2024-460``, ``BPIN
2024004540118``, ``ISO 9001``, ``$2.181 millones``, ``2000 kits``), ordinals (``50° edición``),
ages and counts (``entre 18 y 28 años``, ``del puesto 23 al 22``).

Year inheritance: days or months written without a year (``del 23 al 25 de Julio``) take the
year of the same expression when it has one (``del 15 abril al 5 de mayo de 2025``: the first
end is 2025; ``del 20 de diciembre al 5 de enero de 2025``: it is 2024), otherwise the nearest
year written in the same clause of the sentence (a ';', 'porque', 'pero', 'aunque', ... ends a
clause: ``se reprogramaron para febrero de 2025, porque ... en el segundo semestre`` leaves the
semester year-less), or in the whole text for a photo caption (``leyenda=True``: ``Colombia
Moda 2024. Realizado del 23 al 25 de Julio``).  Years of references (``Ordenanza 018 de 2021``,
``Ley Estatutaria 1622 de 2013``, ``línea base 2023``) are never inherited, and an event does
not take a plan's year (``radicados en diciembre ... se registrarán en enero de 2025``).  A
month written before a later-dated earlier month is of the year before (``en noviembre y en
enero de 2025``: November 2024).  Without any
such year the expression stays year-less: `Fecha.sin_anio` is True, `partes` is empty, and
rules that compare dates skip it.

Each date also says how the text uses it (`rol`): an event (``hecho``), a projection, plan or
target (``proyeccion``: ``proyectando su terminación el 22 de abril de 2026``, ``nueva
edición proyectada para diciembre de 2025``, ``para las vigencias 2024 y 2025``, ``metas al
año 2027``, ``se reprogramaron para febrero de 2025``, a future tense in the clause: ``se
registrarán en enero de 2025``, ``En 2025 se contratarán``), or a reference (``referencia``: ``Ordenanza 018 de 2021``, ``línea base 2023``,
``pasó del 63,5% en 2023``, ``antes de 2020``); whether it is open (``desde el 23-octubre-2025``: from then on;
``hasta marzo de 2024``: until then), and whether it marks a start or an end (``inició en el
último bimestre de la vigencia 2024``, ``culminó en el segundo trimestre``).

Named events (`menciones_de_eventos`): a capitalized name with an event word (Feria, Congreso,
Festival, EXPOCUC, Chocoshow, Summit, Misión, ...) and the first date after it in the same
sentence (or caption), or a date in a sentence that refers back to it (``El evento fue
realizado ... los días 26 y 27 de septiembre de 2024``).  The mention keeps what tells one
edition of a recurring event from another: the edition (``Noveno``, ``4.0``, ``en su
segunda edición``), the place (``en el municipio de Los Patios``) and the venue (``en el
Hotel Casino Internacional``).

Patterns are compiled once; each text is read in one pass, and the results are cached by text.
"""

from __future__ import annotations

import bisect
import calendar
import heapq
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Generic, Literal, TypeVar, overload

from auditor.idioma import tr
from auditor.lectura.memoria import por_informe
from auditor.lectura.patrones import normalizar, normalizar_con_indices, posicion_normal
from auditor.lectura.vocabulario import citas, expresion

Precision = Literal["dia", "mes", "anio"]
Tipo = Literal["dias", "meses", "periodo", "anios"]
Rol = Literal["hecho", "proyeccion", "referencia"]

MESES = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
NOMBRES_MES = ("", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
               "octubre", "noviembre", "diciembre")


@dataclass(frozen=True)
class Tramo:
    """One stretch of time as written; a year may be unknown (None) until it is inherited."""

    anio_desde: int | None
    mes_desde: int
    dia_desde: int
    anio_hasta: int | None
    mes_hasta: int
    dia_hasta: int | None  # None: the last day of the month

    @property
    def con_anio(self) -> bool:
        return self.anio_desde is not None and self.anio_hasta is not None

    def dias_imposibles(self) -> list[tuple[int, int, int | None]]:
        """The (day, month, year) written that the calendar does not have: '31 de junio', '30 de febrero', '29 de
        febrero de 2025'.  A February of unknown year is given its 29th."""
        imposibles = []
        for dia, mes, anio in ((self.dia_desde, self.mes_desde, self.anio_desde), (self.dia_hasta, self.mes_hasta, self.anio_hasta)):
            if dia is not None and dia > calendar.monthrange(2024 if anio is None else anio, mes)[1]:
                if (dia, mes, anio) not in imposibles:
                    imposibles.append((dia, mes, anio))
        return imposibles

    def fechas(self) -> tuple[date, date]:
        assert self.anio_desde is not None and self.anio_hasta is not None
        ultimo = calendar.monthrange(self.anio_hasta, self.mes_hasta)[1]
        dia_hasta = ultimo if self.dia_hasta is None else min(self.dia_hasta, ultimo)
        dia_desde = min(self.dia_desde, calendar.monthrange(self.anio_desde, self.mes_desde)[1])
        return date(self.anio_desde, self.mes_desde, dia_desde), date(self.anio_hasta, self.mes_hasta, dia_hasta)


_T = TypeVar("_T")


class _una_vez(Generic[_T]):  # noqa: N801 - used as a decorator, like the cached_property it stands for
    """`functools.cached_property` without its lock: Python 3.11 takes one at the first read of each property of
    each date, a tenth of the time of the rules that read them.  Nothing here shares a date between threads
    before reading it, and a property computed twice gives the same value."""

    def __init__(self, funcion: Callable[[Any], _T]) -> None:
        self.funcion = funcion
        self.nombre = funcion.__name__
        self.__doc__ = funcion.__doc__

    @overload
    def __get__(self, objeto: None, tipo: type | None = None) -> _una_vez[_T]: ...

    @overload
    def __get__(self, objeto: object, tipo: type | None = None) -> _T: ...

    def __get__(self, objeto: object | None, tipo: type | None = None) -> _T | _una_vez[_T]:
        if objeto is None:
            return self
        valor = objeto.__dict__[self.nombre] = self.funcion(objeto)  # found there from then on: not a data descriptor
        return valor


@dataclass(frozen=True)
class Fecha:
    """A date expression found in a text: where it is, what time it covers, how the text uses it."""

    texto: str  # as written
    inicio: int  # character offsets in the text read
    fin: int
    tramos: tuple[Tramo, ...]
    precision: Precision
    tipo: Tipo
    anio_inferido: bool = False  # the year was taken from the sentence or caption
    marcada: bool = True  # introduced by a temporal word (always for days, months and parts of a year)
    rol: Rol = "hecho"
    abierta: Literal["despues", "antes"] | None = None  # "desde X" (from X on), "hasta X" (until X)
    borde: Literal["inicio", "fin"] | None = None  # "inició en X", "culminó en X"
    agenda: bool = False  # a milestone in the present tense ('terminan en el primer semestre de 2025'): a schedule

    @_una_vez  # asked of every date by every rule
    def sin_anio(self) -> bool:
        return not all(t.con_anio for t in self.tramos)

    @_una_vez  # the rules ask often, and a reading is shared through the cache of leer_fechas
    def partes(self) -> tuple[tuple[date, date], ...]:
        """Each stretch as (first day, last day); empty when the year is unknown."""
        if self.sin_anio:
            return ()
        return tuple(t.fechas() for t in self.tramos)

    @_una_vez
    def al_reves(self) -> bool:
        """A stretch written from its end back to its start, each end with its year ('del 15 de julio de 2024 al
        28 de febrero de 2024'); a year taken from the context never makes one."""
        return not self.anio_inferido and any(a > b for a, b in self.partes)

    @property
    def desde(self) -> date | None:
        partes = self.partes
        return min(p[0] for p in partes) if partes else None

    @property
    def hasta(self) -> date | None:
        partes = self.partes
        return max(p[1] for p in partes) if partes else None

    @property
    def anios(self) -> tuple[int, ...]:
        partes = self.partes
        return tuple(sorted({a for d, h in partes for a in range(d.year, h.year + 1)}))

    def describir(self) -> str:
        """The time covered, in words: '26 al 28 de marzo de 2025', 'diciembre de 2025', '2024 y 2025'
        (in the language of the run: 'March 26 to 28, 2025')."""
        if self.sin_anio:
            return tr("{texto} (sin año)", texto=self.texto)
        if self.tipo == "anios":
            anios = [str(d.year) if d.year == h.year else tr("{desde} a {hasta}", desde=d.year, hasta=h.year) for d, h in self.partes]
            return _y(anios)
        partes = self.partes
        if self.tipo == "dias" and len(partes) > 1 and all(d == h for d, h in partes):
            return _describir_dias([d for d, _ in partes])
        desde, hasta = self.desde, self.hasta
        assert desde is not None and hasta is not None
        return describir_intervalo(desde, hasta, self.precision)


def nombre_mes(mes: int) -> str:
    """The name of month 1-12 in the language of the run ('marzo', 'March')."""
    return (
        tr("enero"), tr("febrero"), tr("marzo"), tr("abril"), tr("mayo"), tr("junio"), tr("julio"), tr("agosto"),
        tr("septiembre"), tr("octubre"), tr("noviembre"), tr("diciembre"),
    )[mes - 1]


def _y(elementos: list[str]) -> str:
    """'a', 'a y b', 'a, b y c'."""
    if len(elementos) == 1:
        return elementos[0]
    return tr("{lista} y {ultimo}", lista=", ".join(elementos[:-1]), ultimo=elementos[-1])


def _describir_dias(dias: list[date]) -> str:
    """'10, 12 y 13 de septiembre de 2025'; '28 y 29 de mayo y 3 de junio de 2025'."""
    por_anio: dict[int, dict[int, list[int]]] = {}
    for d in dias:
        por_anio.setdefault(d.year, {}).setdefault(d.month, []).append(d.day)
    textos = []
    for anio, meses in por_anio.items():
        grupos = [tr("{dias} de {mes}", dias=_y([str(x) for x in ds]), mes=nombre_mes(m)) for m, ds in meses.items()]
        textos.append(tr("{dias} de {anio}", dias=_y(grupos), anio=anio))
    return _y(textos)


def describir_intervalo(desde: date, hasta: date, precision: Precision) -> str:
    d1, m1, a1, d2, m2, a2 = desde.day, nombre_mes(desde.month), desde.year, hasta.day, nombre_mes(hasta.month), hasta.year
    if precision == "anio":
        return str(a1) if a1 == a2 else tr("{desde} a {hasta}", desde=a1, hasta=a2)
    if precision == "mes":
        if (a1, desde.month) == (a2, hasta.month):
            return tr("{mes} de {anio}", mes=m1, anio=a1)
        if a1 == a2:
            return tr("{mes1} a {mes2} de {anio}", mes1=m1, mes2=m2, anio=a1)
        return tr("{mes1} de {anio1} a {mes2} de {anio2}", mes1=m1, anio1=a1, mes2=m2, anio2=a2)
    if desde == hasta:
        return tr("{dia} de {mes} de {anio}", dia=d1, mes=m1, anio=a1)
    if (a1, desde.month) == (a2, hasta.month):
        return tr("{dia1} al {dia2} de {mes} de {anio}", dia1=d1, dia2=d2, mes=m1, anio=a1)
    if a1 == a2:
        return tr("{dia1} de {mes1} al {dia2} de {mes2} de {anio}", dia1=d1, mes1=m1, dia2=d2, mes2=m2, anio=a1)
    return tr("{dia1} de {mes1} de {anio1} al {dia2} de {mes2} de {anio2}", dia1=d1, mes1=m1, anio1=a1, dia2=d2, mes2=m2, anio2=a2)


# --- the expressions, on normalized text (lower case, no accents, single spaces) ----------------

_MES = r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b"
# a day: 1-31, not part of a larger number, an amount or a decimal; '1°' / '1º' allowed
_DIA = r"(?<![\d.,$/])(?:0?[1-9]|[12]\d|3[01])(?!\d|\.\d|,\d+\s*%|\s*%)(?:°|o\b)?"  # '10,12 y 13 de ...' is a list
_DIA_SIG = r"(?:0?[1-9]|[12]\d|3[01])(?!\d|\.\d|,\d+\s*%|\s*%)(?:°|o\b)?"  # after a list comma ('10,12 y 13')
_ANIO_L = r"(?<![\d.,$/])(?:19|20)\d{2}(?!\d|[.,]\d)"  # a year inside an expression
_ANIO = r"(?<![\d.,$/])(?:19|20)\d{2}(?!\d|[.,]\d|\s*[-–/]\s*\d)"  # a year alone: not '2024-460'
_SEP_DM = r"(?:\s*(?:de\s+|-|/)\s*|\s+)"
_SEP_MA = r"(?:\s*(?:del|de|-|/)\s*(?:(?:el\s+)?ano\s+)?|\s+)"
# Lists are bounded (a month has 31 days, a year 12 months, a list of years a few dozen): an unbounded list
# that ends without its month was re-read from every day it holds, quadratic in a long run of numbers.
_DIAS = rf"{_DIA}(?:\s*(?:,|y|e)\s*(?:el\s+)?{_DIA_SIG}){{0,30}}"
_ORD = r"(?:primer|primero|1er|segundo|2do|tercer|tercero|3er|cuarto|4to|ultimo|i|ii|iii|iv)"
_PARTE = r"(?:semestre|trimestre|bimestre|cuatrimestre)"
_PALABRA_BORDE = r"(?:termino|final|cierre|finales|inicio|inicios|comienzo|comienzos|principios)"
_BORDE = rf"(?:\bal?\s+)?{_PALABRA_BORDE}\s+(?:del|de)(?:\s+(?:la|el))?"
_NOMBRE_ANIOS = r"(?:vigencias?|anos?|periodos?|versiones|version|ediciones|edicion)"
_NUMERICA = r"(?<![\d.,/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}(?![\d/])"  # 02/10/2025
_DE_ANIO = rf"(?:\s+(?:de|del)\s+(?:(?:la|el)\s+)?(?:vigencia\s+|ano\s+)?{_ANIO_L})"

# Where an expression can begin, a superset of where its alternatives begin: a digit; a month; a year
# noun or an ordinal followed by a space; a function word that opens an alternative ('de', 'el', 'los',
# ...), but only when a day, 'día', 'mes', a month, a year noun or an edge word follows (so not at the
# usual 'de la', 'en el'); or an edge word, which may begin inside a longer word ('semifinal de 2024':
# _BORDE has no leading '\b').  It changes no match; it spares the twelve alternatives the positions
# where none can begin (the expression is tried at every position of every text: that was most of
# its time).  An alternative that opens otherwise needs its opening here: tests/test_fechas.py
# compares the matches with and without this test.  It starts with the characters any of those can start
# with (a digit or one of sixteen letters): a single class test turns away spaces, punctuation and the
# other letters before the longer test.
_INICIO_POSIBLE = (
    r"(?=[\dacdefijlmnopstuv])"
    rf"(?=\d|{_PALABRA_BORDE}|\b(?:{_MES}|(?:{_NOMBRE_ANIOS}|{_ORD})\s"
    rf"|(?:al?|de|del|desde|entre|el|la|las|los)\s(?:el\s)?(?:\d|dia|mes|{_MES}|{_NOMBRE_ANIOS}|{_PALABRA_BORDE})))"
)

_ALTERNATIVAS = "(?:" + "|".join(
    f"(?P<{nombre}>{patron})"
    for nombre, patron in (
        # 'del 02/10/2025 al 05/10/2025', 'entre el 01/12/2025 y el 11/01/2026': one stretch, not two dates
        ("rango_numerico", (rf"(?:\b(?:del|desde\s+el|desde)\s+)?{_NUMERICA}\s*(?:\bal\b|\ba\b|\bhasta\s+el\b|\bhasta\b|-|–)\s*(?:el\s+)?{_NUMERICA}"
                            rf"|\bentre\s+(?:el\s+)?{_NUMERICA}\s+y\s+(?:el\s+)?{_NUMERICA}")),
        ("numerica", (r"(?<![\d.,/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}(?![\d/])"
                     r"|(?<![\d.,/-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)")),
        ("entre_dias", rf"\bentre\s+(?:el\s+)?{_DIA}(?:{_SEP_DM}{_MES}(?:{_SEP_MA}{_ANIO_L})?)?\s+y\s+(?:el\s+)?{_DIA}{_SEP_DM}{_MES}(?:{_SEP_MA}{_ANIO_L})?"),
        ("rango_dias", (rf"(?:\b(?:del|desde\s+el|desde|de)\s+)?{_DIA}(?:{_SEP_DM}{_MES}(?:{_SEP_MA}{_ANIO_L})?)?"
                       rf"\s*(?:\bal\b|\ba\b|\bhasta\s+el\b|\bhasta\b|-|–)\s*(?:el\s+)?{_DIA}{_SEP_DM}{_MES}(?:{_SEP_MA}{_ANIO_L})?")),
        ("lista_dias", (rf"(?:\b(?:los\s+dias|el\s+dia|los|el)\s+)?{_DIAS}{_SEP_DM}{_MES}"
                       rf"(?:\s*(?:,|y|e)\s*{_DIAS}{_SEP_DM}{_MES}){{0,11}}(?:{_SEP_MA}{_ANIO_L})?")),
        ("rango_meses", (rf"\b(?:entre|desde|de)\s+{_MES}(?:{_SEP_MA}{_ANIO_L})?\s+(?:y|a|al|hasta)\s+{_MES}(?:{_SEP_MA}{_ANIO_L})?"
                        # 'enero a noviembre de 2025' with no preposition before it: 'a' or 'hasta' joins the two ends
                        rf"|\b{_MES}(?:{_SEP_MA}{_ANIO_L})?\s+(?:a|hasta)\s+{_MES}(?:{_SEP_MA}{_ANIO_L})?")),
        ("periodo", rf"(?:{_BORDE}\s+)?\b{_ORD}\s+{_PARTE}\b{_DE_ANIO}?"),
        # the month first, as many Colombian offices write it: 'septiembre 30 de 2025', 'marzo 15, 2025', 'agosto 15/2025'
        ("mes_dia", rf"\b{_MES}\s+{_DIA}(?:(?:\s*,\s*|\s+(?:de|del)\s+(?:(?:el\s+)?ano\s+)?){_ANIO_L}|\s*/\s*(?:19|20)\d{{2}}(?!\d|[.,]\d))"),
        ("mes_anio", rf"(?:{_BORDE}\s+)?\b{_MES}{_SEP_MA}{_ANIO_L}"),
        ("borde_anio", rf"{_BORDE}\s+(?:(?:la|el)\s+)?(?:vigencia\s+|ano\s+)?{_ANIO_L}"),
        ("anios", (rf"\b(?:(?:la|las|el|los)\s+)?{_NOMBRE_ANIOS}\s+(?:de\s+|del\s+)?"
                  rf"{_ANIO_L}(?:\s*(?:,|y|e|-|–|al|a)\s*{_ANIO_L}){{0,30}}")),
        ("rango_anios", r"(?<![\d.,$/])(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}(?!\d|[.,]\d)"),
        ("anio", _ANIO),
        ("mes_solo", rf"(?:(?<=\ben )|(?<=\bdurante )|(?<=\bdesde )|(?<=\bhasta ))(?:el\s+mes\s+de\s+)?{_MES}"),
    )
) + ")"
_EXPRESION = re.compile(_INICIO_POSIBLE + _ALTERNATIVAS)

# Where the expression is searched.  Every alternative holds an *anchor*: a digit, a month or 'mestre' (of
# semestre, trimestre, bimestre, cuatrimestre), and begins at most _ANTES_DEL_ANCLA characters before its first
# one (the longest opening, 'al principios del la vigencia ' or '... tercero cuatri', is about 35); it ends at most
# a few characters after its last one, and its look-aheads past it read a few more ('°', ' %'); between two anchors
# of one expression there are at most about 20 ('del la vigencia').  So the expressions of a text are those of its
# stretches around anchors: anchors closer than _JUNTAS make one stretch, searched from _ANTES_DEL_ANCLA before
# its first anchor to _DESPUES_DEL_ANCLA after its last (the search sees the text before the stretch; past it, the
# text as if it ended there: nothing read there).  The rest of the text, most of it, is not searched: finding the
# anchors is a scan of digits and a substring search per month, where the expression is tried at every position.
# tests/test_fechas.py compares `_expresiones` with the plain search.
_ANTES_DEL_ANCLA = 48
_DESPUES_DEL_ANCLA = 24
_JUNTAS = _ANTES_DEL_ANCLA + _DESPUES_DEL_ANCLA + 8
_DIGITOS = re.compile(r"\d+")
_ANCLAS_PALABRA = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
                   "octubre", "noviembre", "diciembre", "mestre")


def _expresiones(normal: str) -> list[re.Match[str]]:
    """`list(_EXPRESION.finditer(normal))`, searching only the stretches around anchors (read in order, as they are
    found: a field of digits is not held as a list of its anchors)."""
    palabras = []
    for palabra in _ANCLAS_PALABRA:
        k = normal.find(palabra)
        while k >= 0:
            palabras.append((k, k + len(palabra)))
            k = normal.find(palabra, k + 1)
    anclas: Iterator[tuple[int, int]] = map(re.Match.span, _DIGITOS.finditer(normal))
    if palabras:
        anclas = heapq.merge(anclas, sorted(palabras))
    primera = next(anclas, None)
    if primera is None:
        return []
    expresiones: list[re.Match[str]] = []
    n = len(normal)
    desde, hasta = primera
    for inicio, fin in anclas:
        if inicio - hasta > _JUNTAS:
            expresiones += _EXPRESION.finditer(normal, max(0, desde - _ANTES_DEL_ANCLA), min(n, hasta + _DESPUES_DEL_ANCLA))
            desde = inicio
        hasta = max(hasta, fin)
    expresiones += _EXPRESION.finditer(normal, max(0, desde - _ANTES_DEL_ANCLA), min(n, hasta + _DESPUES_DEL_ANCLA))
    return expresiones

_NUMERO = re.compile(r"\d+")
_ANIO_TOKEN = re.compile(r"(?:19|20)\d{2}")
_TOKEN = re.compile(r"\d+|[a-z]+|[-–]")
_ROMANO = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ORDINALES = {"primer": 1, "primero": 1, "1er": 1, "segundo": 2, "2do": 2, "tercer": 3, "tercero": 3, "3er": 3,
              "cuarto": 4, "4to": 4}
_MESES_PARTE = {"semestre": 6, "trimestre": 3, "bimestre": 2, "cuatrimestre": 4}
_BORDE_FIN = {"termino", "final", "cierre", "finales"}
_BORDE_INICIO = {"inicio", "inicios", "comienzo", "comienzos", "principios"}

# how the words just before a date use it (on normalized text, the clause before the date)
# ('\b' written once before the words rather than in each one: the engine tests the boundary once and
# then each word by its first letter, about six times faster on the clause before every date)
_ANTES_ID = re.compile(r"(?:#|\b(?:n°|no|num|numero|bpin|codigo|iso|nit|radicado|expediente))\.?\s*$")
_REFERENCIA = expresion(lambda: (  # the norms and documents cited: `vocabulario.citas` (rules/vocabulario/citas.yaml)
    r"linea\s+base|\b(?:frente\s+a|respecto\s+(?:a|al|de|del)\b|compar|paso\s+de|plan\s+de\s+desarrollo|cuatrienio"
    r"|indice\b|medicion|disponible\s+a\b|antes\s+de\s+(?:(?:el|la)\s+)?$|despues\s+de\s+(?:(?:el|la)\s+)?$|diferencia\b"
    rf"|(?:{'|'.join([*citas().normas, *citas().documentos])})s?(?:\s+[a-z]+){{0,3}}?\s+(?:no\.?\s*|n°\s*)?[\d.-]+"
    r"(?:\s*(?:y|,)\s*[\d.-]+)*\s+(?:de|del)\s*$)"
))
_PROYECCION = re.compile(
    r"\bproyect(?:ad[oa]s?|ando|an?|aron|ara|aran|ion|iones)\b|\bse\s+proyecta|\bprevist|\bplanead|\bse\s+espera|\besperad|\bfutur|\bproxim|\bnuev[ao]s?\s+edicion|\bpara\s+su\b"
    r"|\b(?:realizar|ejecutar|desarrollar|llevar|efectuar|celebrar|iniciar|lanzar|culminar|terminar|finalizar|entregar"
    r"|implementar|firmar|suscribir|contratar|adelantar)an?\b|\b(?:podra|habra|tendra|hara|sera)n?\b"
    r"|\b(?:para|hacia)\s+(?:(?:el|la|los|las)\s+)?$|\bmetas?\s+(?:(?:al?|para|de)\s+)?(?:(?:el|la)\s+)?$"
    r"|\b(?:reprogram|aplaz|pospu|pospon)\w*|\bprogramad[oa]s?\s+(?:a\s+partir\s+del?|desde)\s+(?:(?:el|la)\s+)?$"
)
# the future tense, as written (with its accent: 'se registrarán', 'será', 'realizaremos'): the dates of its clause
# are plans.  Without the accent '-aran' is also a past subjunctive or a present ('se preparan'), so only the forms
# listed in _PROYECCION are taken then.
_FUTURO = re.compile(r"\b\w+[rR][áÁ][nN]?\b|\b\w+(?:a|e|i)remos\b")
# after a date, a plan said right after it ('En 2025 se realizarán', 'en marzo de 2025 se espera'), before the clause ends
_PLAN_DESPUES = re.compile(r"\b(?:se\s+proyecta|se\s+preve|se\s+espera|se\s+tiene\s+previst|esta\s+previst|estan\s+previst"
                           r"|se\s+planea|quedo\s+programad|quedaron\s+programad)")
_FIN_DESPUES = re.compile(r"[.;:,!?]|\b(?:que|y|e|pero|porque)\b")
_DESPUES_VENTANA = 40
_DESPUES = re.compile(r"\b(?:desde|a\s+partir\s+del?)\s+(?:(?:el|la)\s+)?$")
# a start or an end in the present tense: in a report written after the fact, a schedule ('sus estudios terminan
# en el primer semestre de 2025', 'la obra inicia en marzo de 2026'); a date after the cut-off said so is not
# told as done
_AGENDA = re.compile(r"\b(?:inicia|inician|comienza|comienzan|empieza|empiezan|arranca|arrancan|termina|terminan|culmina"
                     r"|culminan|finaliza|finalizan|concluye|concluyen|vence|vencen"
                     r"|continua|continuan|sigue|siguen|se extiende|se extienden|va|van)\b")  # 'el programa continúa hasta el 28 de …'

_ANTES = re.compile(r"\bhasta\s+(?:(?:el|la)\s+)?$")
_INICIO = re.compile(r"\b(?:inici(?:o|a|an|aron|ada|ado|adas|ados|ando|ar)|comenz\w*|empez\w*|arranc\w*)\b")
_FIN = re.compile(r"\b(?:culmin\w*|termin(?:o|a|an|aron|ada|ado|adas|ados|ando|ar|acion)|finaliz\w*"
                  r"|conclu(?:yo|ye|yen|yeron|ido|ida|ir|sion)|cerr(?:o|aron|ado|ada)|clausur\w*)\b")
# a word that each of _DESPUES, _ANTES, _INICIO, _FIN and _MARCA_ANIO needs in the clause: one search, with a class
# of first letters the engine skips to, tells that none of the five can be found
_PISTAS = re.compile(r"desde|hasta|durante|partir|inici|comenz|empez|arranc|culmin|termin|finaliz|conclu|cerr|clausur")
# a bare year is a date of something done after these words; 'en 2019' alone is too often context
# ('desde su creación en 2019', 'la pandemia en 2020') to count as an event of the report
_MARCA_ANIO = re.compile(r"\b(?:durante|desde|hasta|a\s+partir\s+de)\s+(?:el\s+)?$")
# a bare year followed by a lower-case plural word is a count ('2000 kits'), except for these words
_TRAS_ANIO = {"los", "las", "es", "mas", "menos", "tres", "dos", "seis"}
# a period after 'No', 'Num', 'N', 'Art' abbreviates ('Resolución No. 0345 de 2019'): it ends no clause
# (the period first, then what comes before it: the engine skips to the marks instead of trying four look-behinds at
# every position, a quarter of the time)
_FIN_CLAUSULA = re.compile(r"\.(?<!\bno\.)(?<!\bnum\.)(?<!\bn\.)(?<!\bart\.)|[;:!?]")
_VENTANA = 80

# sentences: a period, '?' or '!' followed by a capital letter or an opening quote, or a blank line
# (the mark is matched, not looked behind for: only the end of a match is used, and a class first lets the engine skip
# to the candidates instead of trying the look-behind at every position, half the time)
_FRASE = re.compile(r"[.!?]\s+(?=[¿¡\"“(]?[A-ZÁÉÍÓÚÜÑ])|\n\s*\n")


def unidades(texto: str, leyenda: bool) -> list[tuple[int, int]]:
    """The sentences of a text, as (start, end); a caption is one unit."""
    return list(unidades_de(texto, leyenda))


@lru_cache(maxsize=8192)
def unidades_de(texto: str, leyenda: bool) -> tuple[tuple[int, int], ...]:
    """`unidades`, read once per text: the dates, the named events and the milestones of a text each need them."""
    if leyenda:
        return ((0, len(texto)),)
    cortes = [0]
    for m in _FRASE.finditer(texto):
        cortes.append(m.end())
    cortes.append(len(texto))
    return tuple((a, b) for a, b in zip(cortes, cortes[1:], strict=False) if b > a)


@dataclass
class _Crudo:
    forma: str
    n_inicio: int  # in normalized text
    n_fin: int
    tramos: list[Tramo]
    precision: Precision
    tipo: Tipo
    marcada: bool = True
    inferido: bool = False


def _tramo_anio(anio: int) -> Tramo:
    return Tramo(anio, 1, 1, anio, 12, None)


def _interpretar(forma: str, texto: str) -> tuple[list[Tramo], Precision, Tipo] | None:
    """The stretches of one matched expression (years may still be None)."""
    tokens = _TOKEN.findall(texto)
    if forma == "rango_numerico":
        numeros = [int(n) for n in _NUMERO.findall(texto)]
        (dia_1, mes_1, anio_1), (dia_2, mes_2, anio_2) = numeros[:3], numeros[3:6]
        if not (1 <= mes_1 <= 12 and 1 <= mes_2 <= 12):
            return None
        return [Tramo(anio_1, mes_1, dia_1, anio_2, mes_2, dia_2)], "dia", "dias"
    if forma == "numerica":
        numeros = [int(n) for n in _NUMERO.findall(texto)]
        if numeros[0] > 31:
            a, m, d = numeros
        else:
            d, m, a = numeros
        if not 1 <= m <= 12:
            return None
        return [Tramo(a, m, d, a, m, d)], "dia", "dias"
    if forma in ("entre_dias", "rango_dias", "lista_dias"):
        return _dias(forma, tokens)
    if forma == "mes_dia":
        mes_escrito = next(MESES[t] for t in tokens if t in MESES)
        dia_escrito, anio_escrito = (int(t) for t in tokens if t.isdigit())
        return [Tramo(anio_escrito, mes_escrito, dia_escrito, anio_escrito, mes_escrito, dia_escrito)], "dia", "dias"
    if forma in ("rango_meses", "mes_anio", "mes_solo"):
        meses = [MESES[t] for t in tokens if t in MESES]
        if forma == "rango_meses":
            # 'entre noviembre de 2024 y diciembre de 2025': each end keeps the year written with it
            m1, m2 = meses[0], meses[-1]
            a1, a2 = _anios_de_extremos(tokens)
            if a1 is None and a2 is not None:
                a1 = a2 - 1 if m1 > m2 else a2
            return [Tramo(a1, m1, 1, a2, m2, None)], "mes", "meses"
        # a month with an edge ('a finales de noviembre de 2024') keeps the whole month
        anios = [int(t) for t in tokens if _ANIO_TOKEN.fullmatch(t)]
        anio = anios[-1] if anios else None
        return [Tramo(anio, meses[0], 1, anio, meses[0], None)], "mes", "meses"
    if forma == "periodo":
        anios = [int(t) for t in tokens if _ANIO_TOKEN.fullmatch(t)]
        anio = anios[-1] if anios else None
        parte = next(t for t in tokens if t in _MESES_PARTE)
        largo = _MESES_PARTE[parte]
        cuantos = 12 // largo
        ordinal = next((t for t in tokens if t in _ORDINALES or t in _ROMANO or t == "ultimo"), "primer")
        n = cuantos if ordinal == "ultimo" else _ORDINALES.get(ordinal) or _ROMANO.get(ordinal, 1)
        if not 1 <= n <= cuantos:
            return None
        primero, ultimo = (n - 1) * largo + 1, n * largo
        primero, ultimo = _aplicar_borde(tokens, primero, ultimo, mes_borde=True)
        return [Tramo(anio, primero, 1, anio, ultimo, None)], "mes", "periodo"
    if forma == "borde_anio":
        anio = int(next(t for t in tokens if _ANIO_TOKEN.fullmatch(t)))
        primero, ultimo = _aplicar_borde(tokens, 1, 12, mes_borde=False)
        return [Tramo(anio, primero, 1, anio, ultimo, None)], "mes", "periodo"
    if forma in ("anios", "rango_anios", "anio"):
        return _anios(tokens), "anio", "anios"
    return None


def _aplicar_borde(tokens: list[str], primero: int, ultimo: int, mes_borde: bool) -> tuple[int, int]:
    """'al término del segundo semestre' is its last month; 'a finales de 2024' its last quarter."""
    for t in tokens:
        if t in _BORDE_FIN:
            largo = 1 if (mes_borde or t != "finales") else 3
            return max(primero, ultimo - largo + 1), ultimo
        if t in _BORDE_INICIO:
            largo = 1 if (mes_borde or t not in ("inicios", "comienzos", "principios")) else 3
            return primero, min(ultimo, primero + largo - 1)
    return primero, ultimo


def _anios_de_extremos(tokens: list[str]) -> tuple[int | None, int | None]:
    """In 'X [de AAAA] y|al Y [de AAAA]', the year written with the first end and with the second."""
    conector = next((i for i, t in enumerate(tokens) if t in ("y", "a", "al", "hasta") and i > 1), len(tokens))
    antes = [int(t) for t in tokens[:conector] if _ANIO_TOKEN.fullmatch(t)]
    despues = [int(t) for t in tokens[conector:] if _ANIO_TOKEN.fullmatch(t)]
    return (antes[-1] if antes else None), (despues[-1] if despues else None)


def _dias(forma: str, tokens: list[str]) -> tuple[list[Tramo], Precision, Tipo] | None:
    """Groups of days, each closed by its month; a year applies to the groups written before it."""
    grupos: list[tuple[list[int], int, int | None]] = []
    dias: list[int] = []
    primero_con_su_anio = False  # the first group's year is written right after it, not shared with the last
    for t in tokens:
        if t.isdigit() and len(t) <= 2:
            dias.append(int(t))
        elif t in MESES:
            grupos.append((dias, MESES[t], None))
            dias = []
        elif _ANIO_TOKEN.fullmatch(t):
            anio = int(t)
            if len(grupos) == 1:
                primero_con_su_anio = True
            grupos = [(d, m, anio if a is None else a) for d, m, a in grupos]
    if not grupos or not grupos[0][0]:
        return None
    if forma == "lista_dias":
        return [Tramo(a, m, d, a, m, d) for ds, m, a in grupos for d in ds], "dia", "dias"
    # a range: from the first day of the first group to the last day of the last group
    (d1, *_), m1, a1 = grupos[0]
    *_, d2 = grupos[-1][0]
    m2, a2 = grupos[-1][1], grupos[-1][2]
    if m1 == m2 and d1 > d2:
        d1, d2 = d2, d1  # 'del 25 al 23 de julio': a slip, not a year
    if a1 is not None and a1 == a2 and m1 > m2 and not primero_con_su_anio:
        a1 -= 1  # 'del 20 de diciembre al 5 de enero de 2025'; with its own year, the range is written backwards
    return [Tramo(a1, m1, d1, a2, m2, d2)], "dia", "dias"


def _anios(tokens: list[str]) -> list[Tramo]:
    tramos: list[Tramo] = []
    rango = False
    for t in tokens:
        if _ANIO_TOKEN.fullmatch(t):
            anio = int(t)
            if rango and tramos:
                previo = tramos.pop()
                tramos.append(Tramo(previo.anio_desde, 1, 1, anio, 12, None))
            else:
                tramos.append(_tramo_anio(anio))
            rango = False
        elif t in ("-", "–", "a", "al"):
            rango = True
    return tramos


@dataclass(frozen=True)
class _Contexto:
    rol: Rol
    abierta: Literal["despues", "antes"] | None
    borde: Literal["inicio", "fin"] | None
    marca_anio: bool
    agenda: bool = False


def _contexto(normal: str, inicio: int, desde: int, original: _Original | None = None) -> _Contexto | None:
    """How the clause before a date uses it; None if the number is an identifier, not a date.  With the
    `original` text, a future tense in the clause (before the date, or right after it) makes it a plan."""
    ventana_desde = max(desde, inicio - _VENTANA)
    ventana = normal[ventana_desde:inicio]
    if _ANTES_ID.search(ventana):
        return None
    cortes = list(_FIN_CLAUSULA.finditer(ventana))
    clausula = ventana[cortes[-1].end():] if cortes else ventana
    rol: Rol = "hecho"
    if _REFERENCIA.search(clausula):
        rol = "referencia"
    elif _PROYECCION.search(clausula):
        rol = "proyeccion"
    elif original is not None and _en_futuro(normal, ventana_desde + len(ventana) - len(clausula), inicio, original):
        rol = "proyeccion"
    agenda = bool(_AGENDA.search(clausula))
    if not _PISTAS.search(clausula):  # most clauses: none of the next five expressions can be found
        return _Contexto(rol, None, None, False, agenda)
    abierta: Literal["despues", "antes"] | None = None
    if _DESPUES.search(clausula):
        abierta = "despues"
    elif _ANTES.search(clausula):
        abierta = "antes"
    inicios = [m.start() for m in _INICIO.finditer(clausula)]
    fines = [m.start() for m in _FIN.finditer(clausula)]
    borde: Literal["inicio", "fin"] | None = None
    if inicios or fines:
        borde = "inicio" if max(inicios, default=-1) > max(fines, default=-1) else "fin"
    return _Contexto(rol, abierta, borde, bool(_MARCA_ANIO.search(clausula)), agenda)


@dataclass(frozen=True)
class _Original:
    """The text as written, for what normalizing loses (the accent of a future: 'realizará')."""

    texto: str
    indices: Sequence[int]
    fin: int  # where the date ends, in normalized text
    limite: int  # where the next date begins (or the unit ends), in normalized text


def _en_futuro(normal: str, a: int, b: int, original: _Original) -> bool:
    """A future tense in the clause before the date (normal[a:b]), or a plan said right after it, before
    its clause ends or the next date begins ('En 2025 se realizarán las dos jornadas restantes')."""
    indices = original.indices
    if a < b and _futuro(original.texto, indices[a], indices[b - 1] + 1):
        return True
    tope = min(original.limite, original.fin + _DESPUES_VENTANA)
    despues = normal[original.fin:tope]
    corte = _FIN_DESPUES.search(despues)
    despues = despues[:corte.start()] if corte else despues
    if not despues.strip():
        return False
    if _PLAN_DESPUES.search(despues):
        return True
    inicio_original = indices[original.fin] if original.fin < len(indices) else len(original.texto)
    return _futuro(original.texto, inicio_original, indices[original.fin + len(despues) - 1] + 1)


def _futuro(texto: str, a: int, b: int) -> bool:
    """A future tense in texto[a:b].  Each form of _FUTURO holds an accented 'á' or 'remos': most stretches have
    neither, and a search of three substrings spares the expression (which tries every word of the stretch).  A
    text written without accents says 'se sembraran': a future or a subjunctive, and neither is a fact done."""
    trozo = texto[a:b]
    if ("á" in trozo or "Á" in trozo or "remos" in trozo) and _FUTURO.search(texto, a, b) is not None:
        return True
    return ("ran" in trozo or "RAN" in trozo) and _SIN_TILDE.search(texto, a, b) is not None  # 'SE APOYARAN' in capitals too


# 'se sembraran', 'se ejecutaran', 'se distribuiran' (third plural, no accent): 'se sembrarán' or 'se sembraran' (subjunctive)
_SIN_TILDE = re.compile(r"\bse\s+[a-zñ]{2,}(?:aran|eran|iran)\b", re.IGNORECASE)


def _es_cantidad(normal: str, original: str, indices: Sequence[int], fin: int) -> bool:
    """A bare year followed by a lower-case plural noun is a count ('2000 kits', '2025 familias'), not a year."""
    m = re.match(r"\s*([a-z]+)", normal[fin:])
    if m is None or m.group(1) in _TRAS_ANIO or not m.group(1).endswith("s"):
        return False
    return original[indices[fin + m.start(1)]].islower()


# the first day of a month written as an ordinal word (normalized text): 'el primero de noviembre'
_PRIMERO = re.compile(rf"\bprimero(?= de {_MES})")


@lru_cache(maxsize=8192)
def leer_fechas(texto: str, leyenda: bool = False) -> tuple[Fecha, ...]:
    """Every date expression of `texto`, in order. `leyenda`: a photo caption (one unit for years)."""
    if not texto:
        return ()
    normal, indices = normalizar_con_indices(texto)
    if "primero de" in normal:  # 'el primero de noviembre': the first day, read as '1' in as many characters
        normal = _PRIMERO.sub("1      ", normal)
    expresiones = _expresiones(normal)
    if not expresiones:  # about half the texts: their sentences are not needed
        return ()
    partes = unidades_de(texto, leyenda)
    crudos: list[tuple[_Crudo, _Contexto, int]] = []  # expression, context, unit
    unidad = 0
    for j, m in enumerate(expresiones):
        forma = m.lastgroup
        assert forma is not None
        leido = _interpretar(forma, m.group())
        if leido is None:
            continue
        tramos, precision, tipo = leido
        if not tramos:
            continue
        origen = indices[m.start()]
        while unidad + 1 < len(partes) and origen >= partes[unidad][1]:
            unidad += 1
        inicio_unidad = posicion_normal(indices, partes[unidad][0])
        limite = posicion_normal(indices, partes[unidad][1])
        if j + 1 < len(expresiones):
            limite = min(limite, expresiones[j + 1].start())
        contexto = _contexto(normal, m.start(), inicio_unidad, _Original(texto, indices, m.end(), limite))
        if contexto is None:
            continue
        marcada = True
        if forma in ("anio", "rango_anios"):
            if forma == "anio" and _es_cantidad(normal, texto, indices, m.end()):
                continue
            marcada = contexto.marca_anio
        crudos.append((_Crudo(forma, m.start(), m.end(), tramos, precision, tipo, marcada), contexto, unidad))
    _heredar_anios(crudos, normal, leyenda)
    fechas = []
    for crudo, contexto, _ in crudos:
        inicio, fin = indices[crudo.n_inicio], indices[crudo.n_fin - 1] + 1
        fechas.append(Fecha(
            texto=texto[inicio:fin], inicio=inicio, fin=fin, tramos=tuple(crudo.tramos), precision=crudo.precision,
            tipo=crudo.tipo, anio_inferido=crudo.inferido, marcada=crudo.marcada, rol=contexto.rol,
            abierta=contexto.abierta, borde=contexto.borde, agenda=contexto.agenda,
        ))
    return tuple(fechas)


# Where a clause of a sentence ends for year inheritance: a year-less date does not take a year across a
# ';' or a subordinate or adversative link ('se reprogramaron para febrero de 2025, porque ... en el segundo
# semestre': the semester is not 2025's).  'y' and commas do not cut ('del 3 de marzo y el 5 de abril de 2025').
_CORTE_HERENCIA = re.compile(r";|\b(?:porque|pues|ya\s+que|dado\s+que|puesto\s+que|debido\s+a|pero|aunque|sin\s+embargo"
                             r"|no\s+obstante|mientras\s+que)\b")


def _heredar_anios(crudos: list[tuple[_Crudo, _Contexto, int]], normal: str, leyenda: bool) -> None:
    """Year-less expressions take the year of the nearest expression written with one in the same clause
    of the same unit (a caption is one clause).  A reference's year is never taken, and an event does not
    take a plan's year ('radicados en diciembre ... se registrarán en enero de 2025': December is not
    2025's); a plan may take an event's.  A text tells in order: a month written before a later one of
    an earlier month is of the year before ('en noviembre y en enero de 2025': November 2024)."""
    if all(all(t.con_anio for t in c.tramos) for c, _, _ in crudos):
        return
    cortes = [] if leyenda else [m.start() for m in _CORTE_HERENCIA.finditer(normal)]
    # per unit and clause, the positions, years and months to take, in text order: of events, and of events
    # and plans (the month is 13 for a whole year: no month is after it)
    hechos: dict[tuple[int, int], _Anios] = {}
    todos: dict[tuple[int, int], _Anios] = {}
    for crudo, contexto, unidad in crudos:
        if contexto.rol == "referencia":
            continue
        clave = (unidad, bisect.bisect_right(cortes, crudo.n_inicio))
        for t in crudo.tramos:
            for anio, mes in ((t.anio_desde, t.mes_desde), (t.anio_hasta, t.mes_hasta)):
                if anio is not None:
                    for destino in ((hechos, todos) if contexto.rol == "hecho" else (todos,)):
                        destino.setdefault(clave, _Anios()).agregar(crudo.n_inicio, anio, 13 if crudo.precision == "anio" else mes)
    for crudo, contexto, unidad in crudos:
        if all(t.con_anio for t in crudo.tramos):
            continue
        fuente = todos if contexto.rol == "proyeccion" else hechos
        encontrado = fuente.get((unidad, bisect.bisect_right(cortes, crudo.n_inicio)))
        if encontrado is None:
            continue
        k = encontrado.mas_cercano(crudo.n_inicio)
        anio, despues, mes = encontrado.anios[k], encontrado.posiciones[k] > crudo.n_inicio, encontrado.meses[k]
        nuevos = []
        for t in crudo.tramos:
            propio = anio - 1 if despues and t.mes_desde > mes else anio
            a2 = t.anio_hasta if t.anio_hasta is not None else propio
            a1 = t.anio_desde if t.anio_desde is not None else (a2 - 1 if t.mes_desde > t.mes_hasta else a2)
            nuevos.append(Tramo(a1, t.mes_desde, t.dia_desde, a2, t.mes_hasta, t.dia_hasta))
        crudo.tramos = nuevos
        crudo.inferido = True


@dataclass
class _Anios:
    """Years written in one clause, in text order, with where and with which month."""

    posiciones: list[int] = field(default_factory=list)
    anios: list[int] = field(default_factory=list)
    meses: list[int] = field(default_factory=list)

    def agregar(self, posicion: int, anio: int, mes: int) -> None:
        self.posiciones.append(posicion)
        self.anios.append(anio)
        self.meses.append(mes)

    def mas_cercano(self, posicion: int) -> int:
        """The index of the year written nearest to `posicion` (on a tie, the earlier one)."""
        posiciones = self.posiciones
        i = bisect.bisect_left(posiciones, posicion)
        if i == len(posiciones):
            return i - 1
        if i == 0:
            return 0
        antes = bisect.bisect_left(posiciones, posiciones[i - 1])  # the first year written at that position
        return antes if posicion - posiciones[i - 1] <= posiciones[i] - posicion else i


def es_hecho(fecha: Fecha, leyenda: bool) -> bool:
    """A date of something that happened: not a projection or reference, with a known year, and either
    precise (a day, a month, a part of a year), introduced by a temporal word, or in a photo caption."""
    if fecha.rol != "hecho" or fecha.sin_anio:
        return False
    return fecha.tipo != "anios" or fecha.marcada or leyenda


# --- named events --------------------------------------------------------------------------------

_MAYUS = "A-ZÁÉÍÓÚÜÑ"
_PALABRA_CAP = rf"[{_MAYUS}](?:[\wÁÉÍÓÚÜÑáéíóúüñ'’+&-]|\.(?=\w))*"
_CONECTOR = r"(?:de|del|la|las|los|el|y|e|para|&|–|-)"
_NOMBRE = re.compile(rf"{_PALABRA_CAP}(?:\s+(?:{_CONECTOR}\s+)*{_PALABRA_CAP})*")
_ARTICULOS = {"la", "el", "los", "las", "este", "esta", "estos", "estas", "dicho", "dicha", "un", "una", "su", "sus",
              "por", "en", "con", "para", "desde", "a", "al", "del", "de", "y", "que", "se"}
_ORDINALES_NOMBRE = {
    "primer": 1, "primera": 1, "primero": 1, "segunda": 2, "segundo": 2, "tercera": 3, "tercer": 3, "tercero": 3,
    "cuarta": 4, "cuarto": 4, "quinta": 5, "quinto": 5, "sexta": 6, "sexto": 6, "septima": 7, "septimo": 7,
    "octava": 8, "octavo": 8, "novena": 9, "noveno": 9, "decima": 10, "decimo": 10,
}
_ROMANOS = re.compile(r"^(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_CABEZAS = {"feria", "congreso", "festival", "fest", "expo", "exposicion", "exhibicion", "show", "summit",
            "macrorrueda", "rueda", "simposio", "convencion", "encuentro", "foro", "cumbre", "bazar", "market",
            "mision", "seminario", "salon", "carnaval", "bienal", "expoferia"}
_CABEZA_PARCIAL = ("fest", "show", "market", "summit", "feria")  # inside a longer word: Chocoshow, EmprendeFest
_ANAFORA = re.compile(r"\b(?:el|este|dicho|la|esta|dicha)\s+(?:evento|feria|congreso|encuentro|mision|festival|simposio"
                      r"|rueda|summit|convencion|foro|certamen|exposicion|muestra)\b")
_ORDINAL_EDICION = (r"(\d+|primer[ao]?|segund[ao]|tercer[ao]?|cuart[ao]|quint[ao]|sext[ao]|septim[ao]|octav[ao]|noven[ao]"
                    r"|decim[ao])\s*(?:°|a|o)?\s+(?:edicion|version)")
_EDICION_ANTES = re.compile(_ORDINAL_EDICION + r"\s+(?:de|del)\s+(?:(?:la|el)\s+)?$")  # 'la 32° versión de la' + name
_EDICION_SU = re.compile(r"\ben\s+su\s+" + _ORDINAL_EDICION)  # 'En su segunda edición' anywhere in the sentence
_VERSION_PUNTO = re.compile(r"\s*(\d{1,2})\.0\b")  # these three are matched where the name ends
_ANIO_TRAS_NOMBRE = re.compile(r"\s*[-–]?\s*((?:19|20)\d{2})(?!\d|[.,]\d|\s*[-–]\s*\d)")
_LUGAR = re.compile(rf"\s*,?\s*(?i:en\s+(?:el\s+municipio|la\s+ciudad|el\s+corregimiento|la\s+vereda|el\s+departamento)\s+de)\s+"
                    rf"((?:(?:los|las|la|el)\s+)?{_PALABRA_CAP}(?:\s+(?:{_CONECTOR}\s+)*{_PALABRA_CAP})*)")
_SEDE = re.compile(rf"\b(?:en|En)\s+(?:(?:el|la|los|las)\s+)?((?i:hotel|coliseo|centro|parque|plaza|plazoleta|club|corferias"
                   rf"|recinto|auditorio|teatro|complejo|instituci[oó]n|colegio|universidad|templo|sal[oó]n|biblioteca)\b"
                   rf"(?:\s+(?:{_CONECTOR}\s+)*{_PALABRA_CAP})*)")


def _cabeza(palabra: str) -> bool:
    if palabra in _CABEZAS:
        return True
    if palabra.startswith("expo") and not palabra.startswith("export") and len(palabra) > 4:
        return True
    if not (palabra.endswith(_CABEZA_PARCIAL) or palabra.startswith(_CABEZA_PARCIAL)):
        return False  # most words: one test instead of ten
    return any(len(palabra) > len(c) + 2 and (palabra.endswith(c) or palabra.startswith(c)) for c in _CABEZA_PARCIAL)


@dataclass(frozen=True)
class NombreEvento:
    """A capitalized name that names an event, as found in a text."""

    nombre: str  # as written (without leading articles and ordinals)
    inicio: int
    fin: int
    clave: str  # normalized: no articles, ordinals, years or edition numbers; with its place
    siglas: tuple[str, ...]  # upper-case tokens of a mixed-case name (CUMO in 'Feria Cúcuta Moda – CUMO')
    edicion: int | None
    anio: int | None  # a year written right after the name ('Chocoshow 2024')
    con_cabeza: bool  # has an event word (Feria, Congreso, ...)


_PALABRA = re.compile(r"\S+")
_SEPARADOR = re.compile(r"\s+(?:y|e)\s+|\s+[–-]\s+")
_SALTAR = _ARTICULOS | {"durante", "como", "entre", "sobre", "tras", "segun", "ante", "bajo", "mediante", "hacia", "hasta",
                        "cuando", "donde", "asi", "tambien", "igualmente", "asimismo", "ademas", "gracias", "edicion",
                        "version", "empresarios", "empresaria", "empresario", "grupo", "muestra"}


def _tiene_cabeza(texto: str) -> bool:
    return any(_cabeza(p) for p in normalizar(texto).split())


def _partir(texto: str, inicio: int, fin: int) -> list[tuple[int, int]]:
    """A capitalized span may hold several names: 'Cafés de Colombia Expo y Chocoshow'.  It is cut at
    'y' before a part with an event word, and at a spaced dash unless an acronym follows ('Feria Cúcuta
    Moda – CUMO'), so that 'Empleos para la Paz y la Inclusión' stays whole."""
    piezas: list[tuple[int, int]] = []
    actual = inicio
    for sep in _SEPARADOR.finditer(texto, inicio, fin):
        siguiente = _SEPARADOR.search(texto, sep.end(), fin)
        derecha = texto[sep.end():siguiente.start() if siguiente else fin]
        if sep.group().strip() in ("y", "e"):
            cortar = _tiene_cabeza(derecha)
        else:
            cortar = not (len(derecha.split()) == 1 and derecha.isupper())
        if cortar:
            piezas.append((actual, sep.start()))
            actual = sep.end()
    piezas.append((actual, fin))
    return piezas


def _nombres(texto: str, siglas_evento: frozenset[str]) -> list[NombreEvento]:
    """Event names in a text: capitalized spans with an event word, or a known acronym of an event."""
    return [n for n in _candidatos(texto) if n.con_cabeza or any(s in siglas_evento for s in n.siglas)]


@lru_cache(maxsize=8192)
def _candidatos(texto: str) -> tuple[NombreEvento, ...]:
    """The names of a text that have an event word or an acronym: which acronyms name events depends on the
    whole report (`siglas_de_eventos`), so a text is read once and `_nombres` keeps those it knows."""
    return tuple(_nombre(texto, inicio + pieza.inicio, inicio + pieza.fin, pieza)
                 for inicio, piezas in _tramos_con_nombre(texto) for pieza in piezas)


@lru_cache(maxsize=8192)
def _tramos_con_nombre(texto: str) -> tuple[tuple[int, tuple[_Pieza, ...]], ...]:
    """The capitalized spans of a text that give names (`_piezas`), each with where it starts.  Both readers of
    event names use them, the acronyms of the report (`siglas_de_eventos`, every text) and the names with their
    dates (`_candidatos`, the texts with dates): the text is scanned once for both."""
    return tuple((m.start(), piezas) for m in _NOMBRE.finditer(texto) if (piezas := _piezas(m.group())))


@dataclass(frozen=True)
class _Pieza:
    """A name as its own words give it, before the text around it is read (edition, year, place)."""

    inicio: int  # in the capitalized span
    fin: int
    clave: str
    siglas: tuple[str, ...]
    edicion: int | None  # from a leading ordinal ('Noveno Congreso ...')
    con_cabeza: bool


@lru_cache(maxsize=8192)
def _piezas(tramo: str) -> tuple[_Pieza, ...]:
    """The names in a capitalized span with an event word or an acronym.  They depend on the span alone, and
    the same spans come back again and again ('El', 'La', the names of the report), so each is read once."""
    piezas = (_pieza(tramo, a, b) for a, b in _partir(tramo, 0, len(tramo)))
    return tuple(p for p in piezas if p is not None)


def _pieza(tramo: str, a: int, b: int) -> _Pieza | None:
    """The name in tramo[a:b], if it has an event word or an acronym (that may name an event)."""
    # each word with its normalized form, computed once
    palabras = [(p.group(), p.start(), p.end(), normalizar(p.group())) for p in _PALABRA.finditer(tramo, a, b)]
    edicion = None
    # leading articles, sentence-initial words, ordinals and 'Edición del' are not part of the name
    while palabras:
        p = palabras[0][3]
        if p in _ORDINALES_NOMBRE:
            edicion = _ORDINALES_NOMBRE[p]
        elif _ROMANOS.match(p) and palabras[0][0].isupper() and len(palabras) > 1:
            edicion = _romano(p)
        elif p not in _SALTAR:
            break
        palabras = palabras[1:]
    while palabras and palabras[-1][3] in _ARTICULOS | {"–", "-", "&"}:
        palabras = palabras[:-1]
    if not palabras:
        return None
    normales = [n.strip("-") for _, _, _, n in palabras]
    significativas = [p for p in normales if p and p not in _ARTICULOS and p not in ("–", "-", "&")]
    if not significativas:
        return None
    con_cabeza = any(_cabeza(p) for p in significativas)
    letras = [(p, n) for p, _, _, n in palabras if any(c.isalpha() for c in p) and n not in _ARTICULOS]
    mayusculas = [n.strip("-") for p, n in letras if p.isupper() and sum(c.isalpha() for c in p) >= 3
                  and not _ROMANOS.match(n)]
    todo_mayus = all(p.isupper() for p, _ in letras)
    siglas = tuple(mayusculas) if (not todo_mayus or len(letras) == 1) else ()
    solo_cabeza = len(significativas) == 1 and significativas[0] in _CABEZAS
    if not (con_cabeza or siglas) or solo_cabeza:
        return None
    clave = " ".join(p for p in significativas if not _ANIO_TOKEN.fullmatch(p))
    clave = " ".join(re.sub(r"[^a-z0-9 ]", " ", clave).split())
    return _Pieza(palabras[0][1], palabras[-1][2], clave, siglas, edicion, con_cabeza)


def _nombre(texto: str, inicio: int, fin: int, pieza: _Pieza) -> NombreEvento:
    """The name at texto[inicio:fin] with what the text around it says: its edition, year and place."""
    edicion = pieza.edicion
    if edicion is None:
        edicion = _edicion_antes(texto[max(0, inicio - 60):inicio])
    # what follows the name is matched in place (a copy of the rest of the text per name was quadratic)
    version = _VERSION_PUNTO.match(texto, fin)
    if edicion is None and version is not None:
        edicion = int(version.group(1))
    anio_m = _ANIO_TRAS_NOMBRE.match(texto, version.end() if version else fin)
    anio = int(anio_m.group(1)) if anio_m else None
    clave = pieza.clave
    lugar = _LUGAR.match(texto, fin)
    if lugar:
        sitio = [p for p in normalizar(lugar.group(1)).split() if p not in _ARTICULOS]
        clave += " @ " + " ".join(sitio)
    return NombreEvento(texto[inicio:fin], inicio, fin, clave, pieza.siglas, edicion, anio, pieza.con_cabeza)


def _valor_ordinal(valor: str) -> int | None:
    if valor.isdigit():
        return int(valor)
    return _ORDINALES_NOMBRE.get(valor) or _ORDINALES_NOMBRE.get(valor + "o")


def _edicion_antes(antes: str) -> int | None:
    e = _EDICION_ANTES.search(normalizar(antes) + " ")
    return _valor_ordinal(e.group(1)) if e else None


def _romano(p: str) -> int:
    valores = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(p, p[1:] + " ", strict=False):
        v = valores[a]
        total += -v if b != " " and valores.get(b, 0) > v else v
    return total


@lru_cache(maxsize=8192)
def siglas_de_eventos(texto: str) -> frozenset[str]:
    """Acronyms that name events in a text: the upper-case part of a name with an event word
    ('CUMO' in 'Feria Cúcuta Moda – CUMO 2024', 'EXPOCUC' in 'Feria Internacional de Calzado EXPOCUC').
    Both depend on the name's own words (`_piezas`): the text around it (edition, year, place) is not read."""
    return frozenset(s for _, piezas in _tramos_con_nombre(texto) for pieza in piezas if pieza.con_cabeza
                     for s in pieza.siglas)


@dataclass(frozen=True)
class MencionEvento:
    """A named event and a date the text gives it."""

    nombre: str
    clave: str  # what identifies the event across the report (see `clave_evento`)
    siglas: tuple[str, ...]
    edicion: int | None
    sede: str | None  # normalized venue ('hotel casino internacional'), when the sentence names one
    fecha: Fecha
    frase: tuple[int, int]  # the sentence (or caption) of the date


def _sede(texto: str, a: int, b: int) -> str | None:
    m = _SEDE.search(texto, a, b)
    if m is None:
        return None
    return " ".join(p for p in normalizar(m.group(1)).split() if p not in _ARTICULOS)


@lru_cache(maxsize=8192)
def menciones_de_eventos(texto: str, leyenda: bool, siglas_evento: frozenset[str]) -> tuple[MencionEvento, ...]:
    """Named events of a text with the dates it gives them (see the module docstring)."""
    fechas = [f for f in leer_fechas(texto, leyenda) if f.rol == "hecho" and not f.sin_anio]
    if not fechas:  # no date to give a name
        return ()
    nombres = _nombres(texto, siglas_evento)
    if not nombres:
        return ()
    menciones: list[MencionEvento] = []
    ultimo: NombreEvento | None = None  # the last event named in the text, for 'el evento', 'la feria'
    inicios_nombres = [n.inicio for n in nombres]
    inicios_fechas = [f.inicio for f in fechas]
    for a, b in unidades_de(texto, leyenda):
        en_unidad = nombres[bisect.bisect_left(inicios_nombres, a):bisect.bisect_left(inicios_nombres, b)]
        fechas_unidad = fechas[bisect.bisect_left(inicios_fechas, a):bisect.bisect_left(inicios_fechas, b)]
        # a year right after a name is that edition's year ('CUMO 2024', 'Chocoshow 2024')
        propias: dict[int, NombreEvento] = {}
        for n in en_unidad:
            if n.anio is not None:
                i = bisect.bisect_left(inicios_fechas, n.fin)
                if i < len(fechas) and fechas[i].tipo == "anios" and fechas[i].inicio <= n.fin + 3:
                    propias[id(fechas[i])] = n
        # walk the dates in order: a date belongs to the last name before it, if no other date came between
        siguiente = 0  # names of the unit that end before the current date
        previo: NombreEvento | None = None
        fin_fecha_previa = -1
        for f in fechas_unidad:
            propio = propias.get(id(f))
            if propio is not None:
                menciones.append(_mencion(propio, f, texto, a, b))
                continue
            while siguiente < len(en_unidad) and en_unidad[siguiente].fin <= f.inicio:
                previo = en_unidad[siguiente]
                siguiente += 1
            nombre = previo if previo is not None and previo.fin > fin_fecha_previa else None
            if nombre is None and previo is None and ultimo is not None and fin_fecha_previa < 0:
                if _ANAFORA.search(normalizar(texto[a:f.inicio])):
                    nombre = ultimo
            if nombre is not None:
                menciones.append(_mencion(nombre, f, texto, a, b))
            fin_fecha_previa = f.fin
        if en_unidad:
            ultimo = en_unidad[-1]
    return tuple(menciones)


def _mencion(n: NombreEvento, f: Fecha, texto: str, a: int, b: int) -> MencionEvento:
    edicion = n.edicion
    if edicion is None:
        e = _EDICION_SU.search(normalizar(texto[a:b]))
        if e is not None:
            edicion = _valor_ordinal(e.group(1))
    return MencionEvento(n.nombre, n.clave, n.siglas, edicion, _sede(texto, a, b), f, (a, b))


def clave_evento(mencion: MencionEvento, siglas_evento: frozenset[str]) -> str:
    """The event's identity across a report: its acronym when it has a known one, else its normalized name."""
    for s in mencion.siglas:
        if s in siglas_evento:
            return s
    return mencion.clave


por_informe(leer_fechas, unidades_de, _candidatos, _tramos_con_nombre, siglas_de_eventos, menciones_de_eventos)


# A finished fact in the past tense before its date, in the same clause: 'las sedes quedaron conectadas entre …',
# 'se realizaron del … al …', 'fueron entregadas entre …'
_TERMINADO = re.compile(
    r"\b(?:quedaron|quedo|fueron|fue|se\s+(?:realizaron|realizo|ejecutaron|ejecuto|hicieron|hizo|entregaron|entrego|"
    r"desarrollaron|desarrollo|llevaron\s+a\s+cabo|llevo\s+a\s+cabo|instalaron|instalo|construyeron|construyo|conectaron|"
    r"conecto|dictaron|dicto|terminaron|termino|culminaron|culmino|completaron|completo)|(?:realizaron|realizamos|"
    r"ejecutaron|ejecutamos|entregaron|entregamos|terminaron|terminamos|culminaron|culminamos))\b")


def contada_terminada(texto: str, f: Fecha) -> bool:
    """Whether the clause before a stretch of days or months tells it as finished: a whole stretch written in the
    past tense ends by the time of writing, so it cannot end after the cut-off."""
    if f.precision not in ("dia", "mes") or f.abierta is not None or f.agenda or len(f.partes) != 1:
        return False
    antes = normalizar(texto[max(0, f.inicio - 120):f.inicio])
    clausula = re.split(r"[.;:()]", antes)[-1]
    return _TERMINADO.search(clausula) is not None
