"""The metas a report says it covers, read from its introduction or cover: 'tiene a su cargo las metas 509 a
517', 'metas 509 al 517', 'las metas de la 509 a la 517', 'metas de producto No. 12 a 14', 'la Secretaría tiene a su cargo las metas 12, 13 y 14'.

Only a phrase that names the metas by number right after the word 'metas' is read; a count ('las 9 metas') is
not a list of numbers, and ranges longer than `RANGO_MAXIMO` are not taken (a plan's whole numbering is no
announcement of this report)."""

from __future__ import annotations

import re

from auditor.entrada.importar.borrador import Borrador
from auditor.entrada.importar.segmentos import Segmento

RANGO_MAXIMO = 60

_NUMERO = r"(?:n[º°o]\.?\s*|no\.\s*|número\s*|numero\s*)?(\d{1,6})"
_ANTES = r"\bmetas\s+(?:de\s+producto\s+|del\s+plan\s+(?:de\s+desarrollo\s+)?)?(?:n[º°o]s?\.?\s*|números\s+|numeros\s+)?"
_RANGO = re.compile(
    _ANTES + r"(?:de\s+la\s+|desde\s+la\s+|del\s+)?" + _NUMERO
    + r"\s*(?:a\s+la|al|a|hasta\s+la|hasta|[-–—])\s*" + _NUMERO + r"\b(?![.,]\d)",
    re.IGNORECASE,
)
_LISTA = re.compile(_ANTES + r"(\d{1,6}(?:\s*,\s*\d{1,6})*\s*(?:,\s*)?(?:y|e)\s+\d{1,6})\b(?![.,]\d)", re.IGNORECASE)

# a list ('las metas 12, 13 y 14') announces what the report covers only after a verb that says so ('tiene a su
# cargo', 'es responsable de', 'comprende', 'reporta'); 'Mediante las metas 1 y 2 se intervinieron ...' speaks of two
_A_CARGO = re.compile(r"\b(cargo|responsab\w*|comprende\w*|compone\w*|conforma\w*|reporta\w*|informa\w*|presenta\w*|"
                      r"corresponde\w*|lidera\w*|atiende\w*)\b", re.IGNORECASE)


def metas_anunciadas(texto: str) -> list[int]:
    """The meta numbers announced in `texto` ([] when it announces none)."""
    numeros: list[int] = []
    for m in _RANGO.finditer(texto):
        desde, hasta = int(m.group(1)), int(m.group(2))
        if desde < hasta <= desde + RANGO_MAXIMO:
            numeros.extend(range(desde, hasta + 1))
    if not numeros:
        for m in _LISTA.finditer(texto):
            if _A_CARGO.search(texto[max(0, m.start() - 80): m.start()]):
                numeros.extend(int(n) for n in re.findall(r"\d+", m.group(1)))
    return sorted(set(numeros))


def leer_metas_anunciadas(preambulo: list[Segmento], borrador: Borrador) -> None:
    """The first paragraph of the preamble that announces its metas by number fills `metas_anunciadas`."""
    for s in preambulo:
        numeros = metas_anunciadas(s.texto)
        if numeros:
            borrador.poner(("metas_anunciadas",), numeros, s.linea)
            return
