"""Words of Spanish prose: the normalized words of a text, a plural's singular, a name word's stem.

Moved here as they were from the rules that used them (TOT, NOM); merging them with the count reader's
own forms (`lectura.conteos`) is the reading's next step.
"""

from __future__ import annotations

import re

from auditor.lectura.patrones import normalizar


def palabras_normalizadas(texto: str) -> list[str]:
    """The words of `texto`, normalized (lower case, no accents)."""
    return re.findall(r"\w+", normalizar(texto))


def singular(palabra: str) -> str:
    """Spanish plural to singular, enough for unit nouns: unidades -> unidad, mipymes -> mipyme."""
    if len(palabra) > 4 and palabra.endswith("es") and palabra[-3] in "dlnrzj":
        return palabra[:-2]
    if len(palabra) > 3 and palabra.endswith("s"):
        return palabra[:-1]
    return palabra


def raiz(palabra: str) -> str:
    """Plural and gender endings off: 'Cámaras' ~ 'Cámara', 'Laborales' ~ 'Laboral', 'Productivo' ~ 'Productiva'."""
    if len(palabra) > 5 and palabra.endswith("es") and palabra[-3] in "lnrdzj":
        palabra = palabra[:-2]
    elif len(palabra) > 4 and palabra.endswith("s"):
        palabra = palabra[:-1]
    if len(palabra) >= 6 and palabra[-1] in "ao":
        palabra = palabra[:-1]
    return palabra
