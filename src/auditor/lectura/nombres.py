"""Proper names as a report writes them: runs of capitalized words ("Casa Norte de Santander", "Cámara de
Comercio de Cúcuta"), acronyms ("INDUARCILLAS"), brand-like words ("ProColombia", "EmprendeFest") and quoted
titles (“Tienda a Tienda”), each with its key: the words a reader reads, without case, accents, spaces,
hyphens, articles, prepositions, numbers and editions, and plural and gender endings (NOM001 compares keys).

A run is bounded (`_LARGO_MAXIMO_NOMBRE`): a heading in capitals or a pasted list is not one name. Each run's
names are read once per process (the same runs recur in every report), in its two readings: opening a
sentence or not (one capitalized word that opens a sentence is no name).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from auditor.lectura.lugares import clave
from auditor.lectura.palabras import raiz

_UNIONES = frozenset({"de", "del", "la", "las", "los", "el"})  # lower-case words inside a capitalized name
CONECTORES = _UNIONES | {"y", "e", "en", "a", "al", "para", "por", "con"}  # small words inside a name, which a key leaves out
_INICIALES_COMUNES = frozenset(
    "a al ante bajo como con cada cuando desde donde durante e en entre es esa ese esta este estas estos fue "
    "gracias ha han hasta hemos igualmente le les lo mediante mi muchas muchos no nos nuestra nuestro o otra "
    "otras otro otros para por se sin sobre son su sus tambien todas todos total tras un una unos unas y ya asimismo "
    "ademas finalmente aunado respecto dichas dichos dicha dicho segun".split()
)
_ROMANOS = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")

# a word (hyphenated parts kept together: "Pop-Up"), a number, or '&' between words of a name
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,]\d+)*|&")
# the capital first, then 'no letter before it' (a look-behind over it and the character before): a
# pattern that starts with a character class lets the regex engine skip ahead to the next capital
_PALABRA_MAYUSCULA = r"[A-ZÀ-ÖØ-Þ](?<![^\W\d_].)[^\W\d_]*(?:-[^\W\d_]+)*"
# a run of capitalized words joined by spaces, articles, 'de'/'del' or '&': "Cámara de Comercio de Cúcuta"
_CORRIDA = re.compile(rf"{_PALABRA_MAYUSCULA}(?:\s+(?:(?:de|del|la|las|los|el|&)\s+)*{_PALABRA_MAYUSCULA})*")
_COMILLAS = re.compile(r"[“\"«]([^”\"»\n]{3,80})[”\"»]")
# A name is short: the longest capitalized run in the seeds, the development corpus and the benchmark corpus is
# under 60 characters. A longer run (a heading in capitals, a pasted list) is not one name, and comparing it
# would build every one-letter deletion of it: quadratic in its length (a 16 KB run took 230 MB).
_LARGO_MAXIMO_NOMBRE = 120


@lru_cache(maxsize=16384)
def clave_palabra(palabra: str) -> str:
    """`clave` of one word, without spaces; words repeat across a corpus, so it is cached."""
    return clave(palabra).replace(" ", "")


def es_sigla(palabra: str) -> bool:
    letras = palabra.replace("-", "")
    return len(letras) >= 2 and letras.isupper()


def es_marca(palabra: str) -> bool:
    """'ProColombia', 'EmprendeFest': a capital inside a word that is not all capitals."""
    return not palabra.isupper() and any(c.isupper() for c in palabra[1:])


@dataclass(frozen=True)
class Nombre:
    """A name as written and its key; where it was found is kept apart (see `_candidatos`)."""

    texto: str
    palabras: tuple[str, ...]  # the words of the key, normalized
    largo: bool
    clave: str  # the words without plural and gender endings, joined


def _candidato(texto: str, tokens: list[re.Match[str]]) -> tuple[int, Nombre] | None:
    """(start in `texto`, candidate) of the name the tokens spell, if any of its words counts."""
    escritas = [t.group() for t in tokens if t.group() != "&" and not t.group()[0].isdigit() and not _ROMANOS.fullmatch(t.group())]
    palabras = tuple(k for k in map(clave_palabra, escritas) if k and k not in CONECTORES)
    if not palabras:
        return None
    inicio, fin = tokens[0].start(), tokens[-1].end()
    largo = len(palabras) > 1 or any(es_marca(p) for p in escritas)
    return inicio, Nombre(texto[inicio:fin], palabras, largo, "".join(raiz(p) for p in palabras))


def _al_inicio_de_frase(texto: str, i: int) -> bool:
    """Nothing but spaces, quotes or bullets between the previous sentence end (or the start) and `i`."""
    while i > 0 and (texto[i - 1].isspace() or texto[i - 1] in "\"“«'*#>-"):
        i -= 1
    return i == 0 or texto[i - 1] in ".!?:;•(\t\n"


def nombres_propios(texto: str) -> list[Nombre]:
    """The names written as names in `texto` (its NFC form): capitalized runs, acronyms, brand-like words, quoted
    titles; each once per start and key (a quoted title that is also a capitalized run, or a run that is its own
    acronym, 'COMULGEA 2024', gives the same name twice at one place)."""
    texto = unicodedata.normalize("NFC", texto)  # a decomposed accent would split a word in two
    salida: list[Nombre] = []
    vistos: set[tuple[int, str]] = set()
    for corrida in _CORRIDA.finditer(texto):
        inicio = corrida.start()
        fuera, al_inicio = _lecturas_de_corrida(corrida.group())
        # whether the run opens a sentence is looked at only when that changes its names (one word alone)
        for desde, c in fuera if fuera is al_inicio or not _al_inicio_de_frase(texto, inicio) else al_inicio:
            visto = (inicio + desde, c.clave)
            if visto not in vistos:
                vistos.add(visto)
                salida.append(c)
    for m in _COMILLAS.finditer(texto):
        tokens = list(_TOKEN.finditer(texto, m.start(1), m.end(1)))
        if tokens and len(tokens) <= 10 and any(t.group()[0].isupper() for t in tokens):
            titulo = _candidato(texto, tokens)
            if titulo is not None and (titulo[0], titulo[1].clave) not in vistos:
                vistos.add((titulo[0], titulo[1].clave))
                salida.append(titulo[1])
    return salida


_Nombres = tuple[tuple[int, Nombre], ...]


@lru_cache(maxsize=4096)  # a few hundred bytes each
def _lecturas_de_corrida(corrida: str) -> tuple[_Nombres, _Nombres]:
    """The names of a run when it does not open a sentence and when it does: the same tuple twice unless the
    place matters (see `_nombres_de_corrida`).  The same runs recur in every report ("Cámara de Comercio de
    Cúcuta", the words that open sentences), so each is read once."""
    fuera = _nombres_de_corrida(corrida, False)
    al_inicio = _nombres_de_corrida(corrida, True)
    return fuera, (fuera if al_inicio == fuera else al_inicio)


def _nombres_de_corrida(corrida: str, al_inicio_de_frase: bool) -> _Nombres:
    """(start in `corrida`, name) of the names in one run of capitalized words.

    They depend on the run and on whether it opens a sentence only (a word dropped from its start is
    no sentence end); `_lecturas_de_corrida` keeps both readings of each run.
    """
    salida: list[tuple[int, Nombre]] = []
    tokens = list(_TOKEN.finditer(corrida))
    while tokens and clave_palabra(tokens[0].group()) in _INICIALES_COMUNES:
        tokens.pop(0)
    while tokens and not tokens[0].group()[0].isupper():  # a connector left first: "Con la Cámara" -> "Cámara"
        tokens.pop(0)
    if not tokens:
        return ()
    unica = tokens[0].group()
    abre_frase = al_inicio_de_frase and tokens[0].start() == 0  # after a dropped word there is no sentence end
    if len(tokens) == 1 and abre_frase and not es_sigla(unica) and not es_marca(unica):
        return ()  # a sentence starts with a capital: one word there is not a name
    c = _candidato(corrida, tokens) if tokens[-1].end() - tokens[0].start() <= _LARGO_MAXIMO_NOMBRE else None
    if c is not None:
        salida.append(c)
    if len(tokens) > 1 and not all(es_sigla(t.group()) for t in tokens if t.group()[0].isupper()):
        for t in tokens:  # an acronym inside a longer name is a name too: "Cooperativa COMULGEA"
            if len(t.group()) >= 3 and es_sigla(t.group()):
                s = _candidato(corrida, [t])
                if s is not None:
                    salida.append(s)
    return tuple(salida)
