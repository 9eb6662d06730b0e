"""Thousands grouped with spaces, as some offices and Word's number formats write them ('1 250 niños', '$ 486 250 000',
'$ 1 118,4 millones'), and the millions marked with an apostrophe ('$2.345'678.000'): the readers of the text know the
Colombian point ('1.250'), so a document's numbers are written with it before they are read, and the import says so
once.  Only groups of exactly three digits
after a first group of one to three count, and only where the number does not go on ('1 250 3' is not one number),
so a day and a year ('15 2025') or two counts of a table row ('12 8') are not joined."""

from __future__ import annotations

import re
from dataclasses import replace

from auditor.entrada.importar.segmentos import Segmento
from auditor.lectura.cifras import APOSTROFO_DE_MILLONES, con_punto_en_los_millones

# a first group of 1-3 digits and one or more groups of 3 after a space (plain, non-breaking or thin), not inside a
# longer number, not followed by another digit run ('300 123 4567' is a phone number)
_AGRUPADO = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d]|[ \u00a0\u202f]\d)")




def con_punto_de_miles(texto: str) -> str:
    """`texto` with each space-grouped number written with the thousands point ('1 250' -> '1.250'), and the millions'
    apostrophe as a point too ('2.345'678.000' -> '2.345.678.000')."""
    texto = con_punto_en_los_millones(texto)
    return _AGRUPADO.sub(lambda m: re.sub(r"[ \u00a0\u202f]", ".", m.group(0)), texto)


def tiene_punto_de_miles_por_poner(s: Segmento) -> bool:
    """Whether a segment writes a number with its thousands grouped by spaces or its millions by an apostrophe."""
    return _AGRUPADO.search(s.texto) is not None or APOSTROFO_DE_MILLONES.search(s.texto) is not None


def con_punto_de_miles_puesto(s: Segmento) -> Segmento:
    """The segment with its space-grouped numbers written with the thousands point (`con_punto_de_miles`)."""
    return replace(s, texto=con_punto_de_miles(s.texto)) if tiene_punto_de_miles_por_poner(s) else s
