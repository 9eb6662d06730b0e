"""An amount written in figures and repeated in words right after it, as official documents do: '$67.800.000
(sesenta y siete millones ochocientos mil pesos)', '$ 4.850 millones, es decir, cuatro mil ochocientos cincuenta
millones de pesos'.  Amounts in words that follow no amount in figures are not paired with anything.
"""

from __future__ import annotations

import re

from auditor.lectura.numeros_en_letras import PALABRAS
from auditor.lectura.patrones import normalizar_con_indices
from auditor.lectura.respuestas import Trozo, montos

# what may stand between the figures and the words: an opening bracket, a comma or a dash, 'son', 'es decir', 'equivalentes a'
_ENTRE = re.compile(r"\s*[(\[,–-]?\s*(?:(?:son|es\s+decir|equivalentes?\s+a)\s*,?\s*)?$", re.IGNORECASE)
# a figure, its unit, and a number word right after (the words `numeros_en_letras` reads), on the normalized text: the
# only texts worth reading in words (reading amounts in words is the costly part)
_CIFRAS_Y_LETRAS = re.compile(
    r"\d[\d.,]*\s*(?:(?:mil\s+)?millones|millon|pesos)?(?:\s+de\s+pesos)?\s*[(\[,–-]?\s*(?:(?:son|es\s+decir|equivalentes?\s+a)\s*,?\s*)?"
    rf"(?:{'|'.join(sorted(PALABRAS - {'y', 'cero'}, key=len, reverse=True))})\b")


def repetidos_en_letras(texto: str) -> list[tuple[Trozo, Trozo]]:
    """(in figures, in words) for each amount of `texto` written in figures and repeated in words right after it."""
    if not _CIFRAS_Y_LETRAS.search(normalizar_con_indices(texto)[0]):  # the field's normal form, read once per report
        return []
    leidos = montos(texto)
    pares = []
    for cifras, letras in zip(leidos, leidos[1:], strict=False):
        if not any(c.isdigit() for c in cifras.texto) or any(c.isdigit() for c in letras.texto):
            continue
        if _ENTRE.match(texto[cifras.inicio + len(cifras.texto):letras.inicio]):
            pares.append((cifras, letras))
    return pares
