"""The lines of one paragraph of a text export joined again: where a line may end, and how a wrap is undone."""

from __future__ import annotations

import re

# a word cut at the end of a line with a hyphen ('sostenibi-' / 'lidad', 'Monte-' / 'negro'): the line goes on in lower case
PARTIDA = re.compile(r"[^\W\d_][-\u00ad]$")

# a line that cannot end a paragraph: it ends on a comma, a dash or a word that asks for more ('de', 'con la')
NO_CIERRA = re.compile(
    r"(?:[,\-–—\u00ad]|\b(?:de|del|la|las|los|el|y|e|o|u|a|al|en|con|para|por|que|su|sus|un|una|entre|sobre|como|desde|hasta))\s*$",
    re.IGNORECASE,
)


def unir_lineas(lineas: list[str]) -> str:
    """The lines of one paragraph as one text: a word that a line break cut with a hyphen is joined again
    ('verifica-' + 'ción' is 'verificación'), other lines are joined by a space."""
    partes = [lineas[0]]
    for linea in lineas[1:]:
        anterior = partes[-1].rstrip()
        siguiente = linea.lstrip()
        if PARTIDA.search(anterior) and siguiente[:1].islower():
            partes[-1] = anterior[:-1]
            partes.append(siguiente)
        else:
            partes.append(" " + linea)
    return "".join(partes)
