"""Cutting a quote to a length for people: white space folded, an ellipsis where it was cut."""

from __future__ import annotations

ELIPSIS = "…"


def acortar(texto: str, limite: int, *, pegada: bool = False) -> str:
    """`texto` on one line (runs of white space become one space), at most `limite` characters:
    a longer one keeps its first ``limite - 1`` and ends in "…". With `pegada`, the ellipsis
    follows the last word without a space ("de la …" becomes "de la…").

    Every quote or text a message or an output shortens goes through here.

    >>> acortar("uno  dos\\ntres", 20), acortar("uno dos tres", 8), acortar("uno dos tres", 9, pegada=True)
    ('uno dos tres', 'uno dos…', 'uno dos…')
    """
    texto = " ".join(texto.split())
    if len(texto) <= limite:
        return texto
    corte = texto[: limite - 1]
    return (corte.rstrip() if pegada else corte) + ELIPSIS
