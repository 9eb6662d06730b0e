"""Near-duplicate paragraphs: normalized word shingles and an inverted index over them.

Two paragraphs are compared by their *fragments* (shingles): every run of k consecutive
words of the text normalized the way a reader compares (no case, accents or punctuation).
A paragraph is a copy of another when most of the fragments of the shorter one are in the
other (containment): a pasted paragraph with a few words changed, or a sentence lifted
out of a longer paragraph, is still found; exact equality is not required.

Candidates come from an inverted index (fragment -> paragraphs that have it), so a new
paragraph is only compared with the paragraphs that share a fragment with it, never with
all of them.  A fragment shared by more than ``frecuencia_maxima`` paragraphs is
boilerplate (a phrase of the template or of the office) and stops counting, which also
bounds the work per fragment: the whole pass is linear in the size of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from auditor.lectura.patrones import normalizar_con_indices

_PALABRA = re.compile(r"\w+")
_SEPARADOR_PARRAFOS = re.compile(r"\n\s*\n")


def palabras(texto: str) -> list[str]:
    """Words of the text without case, accents or punctuation: '“Empleo para la paz”,' -> empleo, para, la, paz.

    The normalized text is `normalizar`'s, taken from `normalizar_con_indices`, whose cache the pattern sets read
    next: DUP001 asks whether a paragraph is template text, and PLH001/PLH002 search its field."""
    return _PALABRA.findall(normalizar_con_indices(texto)[0])


def parrafos(texto: str) -> list[str]:
    """The paragraphs of a field: text separated by blank lines."""
    return [p.strip() for p in _SEPARADOR_PARRAFOS.split(texto) if p.strip()]


def fragmentos(lista: list[str], k: int) -> frozenset[str]:
    """Every run of k consecutive words (the whole text if it is shorter)."""
    if len(lista) <= k:
        return frozenset([" ".join(lista)]) if lista else frozenset()
    # the k lists shifted by 0..k-1 words, zipped: each tuple is one run (zip stops at the last full one)
    return frozenset(map(" ".join, zip(*(lista[i:] for i in range(k)), strict=False)))


@dataclass(frozen=True)
class Huella:
    """What is compared of a paragraph: its fragments and the figures it states."""

    fragmentos: frozenset[str]
    cifras: frozenset[str]

    @classmethod
    def de(cls, texto: str, k: int) -> Huella:
        return cls.de_palabras(palabras(texto), k)

    @classmethod
    def de_palabras(cls, lista: list[str], k: int) -> Huella:
        """The fingerprint of a text whose `palabras` are already known."""
        return cls(fragmentos(lista, k), frozenset(filter(str.isdigit, lista)))


def contencion(comunes: int, a: Huella, b: Huella) -> float:
    """Share of the shorter paragraph's fragments that are in the other one."""
    menor = min(len(a.fragmentos), len(b.fragmentos))
    return comunes / menor if menor else 0.0


def mismas_cifras(a: Huella, b: Huella) -> bool:
    """The figures of the shorter paragraph are all in the other: 'se ejecutaron $9 millones' is not a copy of '$22 millones'."""
    menor, mayor = (a, b) if len(a.fragmentos) <= len(b.fragmentos) else (b, a)
    return menor.cifras <= mayor.cifras


class IndiceFragmentos:
    """Inverted index fragment -> numbers of the paragraphs added so far, in the order they were added.

    Most fragments are in one paragraph only: those keep its number, and become a list when a
    second paragraph has them (a run makes hundreds of thousands of fragments; a list each
    would be as many objects to build and for the garbage collector to walk)."""

    def __init__(self, frecuencia_maxima: int) -> None:
        self.frecuencia_maxima = frecuencia_maxima
        self._listas: dict[str, int | list[int]] = {}

    def comunes(self, huella: Huella) -> Counter[int]:
        """For each paragraph already added that shares a (not boilerplate) fragment: how many it shares."""
        cuenta: Counter[int] = Counter()
        listas = self._listas
        for f in listas.keys() & huella.fragmentos:  # a set operation: most fragments are in no other paragraph
            lista = listas[f]
            if isinstance(lista, int):
                cuenta[lista] += 1
            elif len(lista) <= self.frecuencia_maxima:
                cuenta.update(lista)
        return cuenta

    def comunes_y_agregar(self, clave: int, huella: Huella) -> Counter[int]:
        """`comunes(huella)`, then `agregar(clave, huella)`, with one pass over the fragments the index already has."""
        cuenta: Counter[int] = Counter()
        listas = self._listas
        for f in listas.keys() & huella.fragmentos:
            lista = listas[f]
            if isinstance(lista, int):
                cuenta[lista] += 1
                listas[f] = [lista, clave]
            elif len(lista) <= self.frecuencia_maxima:  # counted as it was, then grown up to the limit
                cuenta.update(lista)
                lista.append(clave)
        listas.update(dict.fromkeys(huella.fragmentos.difference(listas), clave))
        return cuenta

    def agregar(self, clave: int, huella: Huella) -> None:
        listas = self._listas
        for f in listas.keys() & huella.fragmentos:
            lista = listas[f]
            if isinstance(lista, int):
                listas[f] = [lista, clave]
            elif len(lista) <= self.frecuencia_maxima:  # past the limit it is boilerplate: the list stops growing
                lista.append(clave)
        listas.update(dict.fromkeys(huella.fragmentos.difference(listas), clave))


def pasaje_comun(texto: str, otra: Huella, k: int) -> str:
    """The passage of `texto` made of the fragments it shares with another paragraph, as written in `texto`."""
    normal, indices = normalizar_con_indices(texto)
    tramos = [(m.start(), m.end()) for m in _PALABRA.finditer(normal)]
    lista = [normal[a:b] for a, b in tramos]
    if len(lista) <= k:
        return texto.strip()
    comunes = [i for i in range(len(lista) - k + 1) if " ".join(lista[i : i + k]) in otra.fragmentos]
    if not comunes:
        return texto.strip()
    inicio, fin = tramos[comunes[0]][0], tramos[comunes[-1] + k - 1][1]
    return texto[indices[inicio] : indices[fin - 1] + 1]
