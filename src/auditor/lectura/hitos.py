"""Milestones of report prose: the start and the end of a work, and the signing of the agreement that funded one.

``leer_hitos("Las obras iniciaron el 18 de agosto de 2025 y se entregaron el 30 de junio de 2025")`` gives
a start (``el 18 de agosto de 2025``) and an end (``el 30 de junio de 2025``) in one sentence.  What each
date marks is said by the words of its own clause: those between it and the previous date of the sentence
(after the last ',', ';' or 'y' there), or, when they say nothing, the few words right after it
(``El 3 de mayo de 2025 iniciaron las obras``).

- a start: ``inició``, ``iniciaron``, ``comenzaron``, ``empezó``, ``arrancaron``, ``dio inicio``, ``acta de inicio``;
- an end: ``terminaron``, ``culminó``, ``finalizó``, ``concluyeron``, ``se entregaron``, ``entrega``,
  ``cierre``, ``se cerró``, ``recibidas a satisfacción``;
- a signing: a signing word (``suscrito``, ``firmó``, ``celebrado``, ``perfeccionado``) with an agreement
  (``convenio``, ``contrato``, ``acuerdo``, ``alianza``, ``memorando``) in the clause; what it funded is
  what the sentence says it paid for (``con el cual se financiaron las jornadas de formación``: 'jornadas';
  ``Los talleres se financiaron con el convenio suscrito ...``: 'talleres').

Only dates of events with a known year count (`es_hecho`): a plan, a reference (``Convenio 045 de 2024``)
or a year-less date marks nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from auditor.lectura.fechas import Fecha, es_hecho, leer_fechas, unidades_de
from auditor.lectura.memoria import por_informe
from auditor.lectura.palabras import clave
from auditor.lectura.patrones import normalizar

Clase = Literal["inicio", "fin", "firma"]

_INICIO = re.compile(r"\b(?:inici(?:o|a|an|aron|ada|ado|adas|ados)|comenz(?:o|aron|ada|ado|adas|ados)|empez(?:o|aron)"
                     r"|arranc(?:o|aron)|dio\s+inicio|dieron\s+inicio|acta\s+de\s+inicio)\b")
_FIN = re.compile(r"\b(?:termin(?:o|aron|ada|ado|adas|ados|acion)|culmin(?:o|aron|ada|ado|adas|ados|acion)"
                  r"|finaliz(?:o|aron|ada|ado|adas|ados|acion)|conclu(?:yo|yeron|ida|ido|idas|idos|sion)"
                  r"|entreg(?:o|aron|ada|ado|adas|ados)|entrega|cierre|cerr(?:o|aron)|recibid[oa]s?\s+a\s+satisfaccion)\b")
_FIRMA = re.compile(r"\b(?:suscri\w*|firm(?:o|aron|ado|ada|ados|adas|a)|celebr(?:o|aron|ado|ada)|perfeccion(?:o|aron|ado|ada))\b")
_ACUERDO = re.compile(r"\b(?:convenios?|contratos?|acuerdos?|alianzas?|memorandos?)\b")
# where the words of a date's clause begin, going back from the date
_CORTE = re.compile(r"[,;:()]|\b(?:y|e|pero|porque|mientras)\b")
_CLAUSULA = 200  # characters around a date read for what it is the date of
_DESPUES = 40  # characters after a date read when its clause before says nothing
# what an agreement funded: the noun after the verb ('se financiaron las jornadas'), or before it ('Los
# talleres se financiaron con/mediante el convenio')
_FINANCIA_OBJETO = re.compile(r"\b(?:se\s+)?(?:co)?financi(?:o|aron|a|an|ar|ando)\s+(?:(?:el|la|los|las|sus?)\s+)?([a-z]{4,})")
_FINANCIA_SUJETO = re.compile(r"\b([a-z]{4,})(?:\s+de\s+[a-z]+)?\s+(?:se\s+)?(?:co)?financi(?:aron|o|ada|ado|adas|ados)\s+"
                              r"(?:con|mediante|a\s+traves|por)\b")
_NO_OBJETO = {"recursos", "mediante", "traves", "cargo", "este", "esta", "dicho", "dicha", "meta", "proyecto"}


@dataclass(frozen=True)
class Hito:
    """A date that marks a start, an end or a signing, with its sentence (or caption)."""

    clase: Clase
    fecha: Fecha
    frase: tuple[int, int]
    cosa: str | None = None  # for a start or an end: the noun of what starts or ends, without plural ('obra')
    financia: str | None = None  # for a signing: the noun of what it funded, normalized ('jornadas')


_COSA_DESPUES = re.compile(r"\s+(?:(?:el|la|los|las|un|una|unos|unas)\s+)?(?:de\s+(?:(?:el|la|los|las)\s+)?)?([a-z]{4,})\b")
_COSA_ANTES = re.compile(r"\b([a-z]{4,})\s+(?:se\s+)?$")
_NO_COSA = {"para", "desde", "hasta", "entre", "durante", "sobre", "segun", "mediante", "hacia", "todas", "todos",
            "luego", "cuales", "cual", "donde", "cuando", "tambien", "pasado", "dicho", "dicha", "este", "esta", "dias"}


def _cosa(segmento: str, inicio: int, fin: int) -> str | None:
    """What a start or an end is of: the noun right after its word ('se entregaron las viviendas', 'la entrega
    de las viviendas') or right before it ('las obras iniciaron'); None when elided ('y se entregaron a los hogares')."""
    for m in (_COSA_DESPUES.match(segmento, fin), _COSA_ANTES.search(segmento[:inicio])):
        if m is not None and m.group(1) not in _NO_COSA and not m.group(1).endswith("mente"):
            return clave(m.group(1))
    return None


def _clase(segmento: str) -> tuple[Clase, str | None] | None:
    """What the words of a date's clause say it marks (the word nearest the date wins), and what of."""
    marcas: list[tuple[int, int, Clase]] = []
    if _ACUERDO.search(segmento):
        marcas += [(m.start(), m.end(), "firma") for m in _FIRMA.finditer(segmento)]
    marcas += [(m.start(), m.end(), "inicio") for m in _INICIO.finditer(segmento)]
    marcas += [(m.start(), m.end(), "fin") for m in _FIN.finditer(segmento)]
    if not marcas:
        return None
    inicio, fin, clase = max(marcas)
    return clase, _cosa(segmento, inicio, fin)


def _financia(frase: str) -> str | None:
    for patron in (_FINANCIA_OBJETO, _FINANCIA_SUJETO):
        for m in patron.finditer(frase):
            if m.group(1) not in _NO_OBJETO:
                return m.group(1)
    return None


_PALABRA = re.compile(r"[a-z]+")
_VACIAS = _NO_COSA | {"el", "la", "los", "las", "un", "una", "unos", "unas", "en", "de", "del", "al", "a", "con", "se", "por",
                      "su", "sus", "que", "tras"}


def de_que_es(texto: str, fecha: Fecha, frase: tuple[int, int]) -> str | None:
    """What a date is the date of, without plural: the first noun of its clause before it ('Los talleres de
    emprendimiento se dictaron entre marzo y abril' -> 'taller'), or, when the clause opens with the date, the
    first after it, past a 'se' and its verb ('En marzo de 2024 se realizaron las jornadas' -> 'jornada')."""
    a, b = max(frase[0], fecha.inicio - _CLAUSULA), min(frase[1], fecha.fin + _CLAUSULA)  # a clause, not a page
    antes = normalizar(texto[a:fecha.inicio])
    cortes = list(_CORTE.finditer(antes))
    for w in _PALABRA.findall(antes[cortes[-1].end():] if cortes else antes):
        if w not in _VACIAS and len(w) >= 4 and not w.endswith("mente"):
            return clave(w)
    despues = normalizar(texto[fecha.fin:b])
    corte = _CORTE.search(despues)
    palabras = _PALABRA.findall(despues[:corte.start()] if corte else despues)
    if palabras[:1] == ["se"]:
        palabras = palabras[2:]
    for w in palabras:
        if w not in _VACIAS and len(w) >= 4 and not w.endswith("mente"):
            return clave(w)
    return None


@lru_cache(maxsize=8192)
def leer_hitos(texto: str, leyenda: bool = False) -> tuple[Hito, ...]:
    """The milestones of `texto`, in order (see the module docstring)."""
    fechas = leer_fechas(texto, leyenda)
    if not fechas:
        return ()
    hitos: list[Hito] = []
    frases = unidades_de(texto, leyenda)
    k = 0
    previo_fin = 0
    financiado: dict[tuple[int, int], str | None] = {}  # per sentence, what it says was funded (read once)
    for j, f in enumerate(fechas):
        while k + 1 < len(frases) and f.inicio >= frases[k][1]:
            k += 1
            previo_fin = frases[k][0]
        a, b = frases[k]
        if not es_hecho(f, leyenda) or f.precision == "anio":  # no milestone: its clause is not read (most dates
            previo_fin = f.fin  # are years; reading their clause was most of this function's time)
            continue
        antes = normalizar(texto[max(a, previo_fin):f.inicio])
        cortes = list(_CORTE.finditer(antes))
        segmento = antes[cortes[-1].end():] if cortes else antes
        leido = _clase(segmento)
        if leido is None:  # 'El 3 de mayo de 2025 iniciaron las obras': the words come after the date
            siguiente = fechas[j + 1].inicio if j + 1 < len(fechas) else b
            despues = normalizar(texto[f.fin:min(b, siguiente, f.fin + _DESPUES)])
            corte = _CORTE.search(despues)
            leido = _clase(despues[:corte.start()] if corte else despues)
        previo_fin = f.fin
        if leido is None:
            continue
        clase, cosa = leido
        if clase == "firma" and (a, b) not in financiado:
            financiado[(a, b)] = _financia(normalizar(texto[a:b]))
        financia = financiado[(a, b)] if clase == "firma" else None
        hitos.append(Hito(clase, f, (a, b), cosa, financia))
    return tuple(hitos)


por_informe(leer_hitos)
