"""Words of Spanish prose: the normalized words of a text, a noun's comparison key (its singular), a name word's stem.

`clave` is the one singularizer: the count reader's (`lectura.conteos`), the totals' (TOT) and the milestones'
(`lectura.hitos`) used to be three.  `raiz` does another job: it takes the gender off a name's word too
('Productivo' ~ 'Productiva'), which would join different nouns ('caso' ~ 'casa') if applied to units.
"""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.lectura.patrones import normalizar


def palabras_normalizadas(texto: str) -> list[str]:
    """The words of `texto`, normalized (lower case, no accents)."""
    return re.findall(r"\w+", normalizar(texto))


@lru_cache(maxsize=65536)  # texts repeat the same words; a word's key does not depend on the report
def clave(palabra: str) -> str:
    """A noun's comparison key: accent-free, lower case, singular ("unidades" -> "unidad", "clústeres" -> "cluster").

    Singular and plural of a noun get the same key; it is a key, not a word ("clase" -> "clas").  The one
    singularizer of the readers and the rules: counts (CNT), totals' units (TOT), what a date's agreement finances.
    """
    p = normalizar(palabra)
    if len(p) > 3 and p.endswith("s"):
        p = p[:-1]
    if len(p) > 3 and p.endswith("e") and p[-2] in "dnlrjzys":
        p = p[:-1]
    return p


def raiz(palabra: str) -> str:
    """Plural and gender endings off: 'Cámaras' ~ 'Cámara', 'Laborales' ~ 'Laboral', 'Productivo' ~ 'Productiva'."""
    if len(palabra) > 5 and palabra.endswith("es") and palabra[-3] in "lnrdzj":
        palabra = palabra[:-2]
    elif len(palabra) > 4 and palabra.endswith("s"):
        palabra = palabra[:-1]
    if len(palabra) >= 6 and palabra[-1] in "ao":
        palabra = palabra[:-1]
    return palabra
