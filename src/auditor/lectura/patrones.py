"""Pattern sets: the template sentences, filler and explanation markers rules look for.

Patterns are data (``rules/patrones/*.yaml``), matched against text normalized the way
reviewers read it: case, accents and spacing do not matter.  A literal phrase is escaped;
a regular expression is compiled once and matched against the normalized text.

Rule files are data anyone may write.  A pattern RE2 reads as the `regex` engine does runs in RE2
(`lineal`), in time linear in the text whatever the pattern; the built-in ones all do.  Any other
regular expression (look-arounds, back-references...) runs with the `regex` engine and a time limit: a
pattern that backtracks catastrophically on a text raises `PatronLento` (the engine reports it) instead
of hanging the run.  Both give the same first match: RE2 and `regex` search leftmost-first alike.
"""

from __future__ import annotations

import bisect
import re
import time
import unicodedata
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, overload

import regex

from auditor.idioma import tr
from auditor.lectura import lineal
from auditor.lectura.lineal import ConjuntoLineal, Lineal
from auditor.lectura.memoria import por_informe
from auditor.lectura.recorte import acortar

SEGUNDOS_POR_PATRON = 1.0  # one search of one user pattern in one text

# Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, byte order mark, and the
# bidirectional controls (marks, embeddings, overrides, isolates).  Word and copy-paste leave them inside numbers
# and names ("6<ZWJ>71" is 671, not 67 and 1): every reader drops them.
INVISIBLES = frozenset("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SIN_INVISIBLES = {ord(c): None for c in INVISIBLES}


def quitar_invisibles(texto: str) -> str:
    """`texto` without the characters that show nothing (`INVISIBLES`)."""
    return texto.translate(_SIN_INVISIBLES)


def _normalizar_caracter(c: str) -> str:
    if c in INVISIBLES:
        return ""  # read as if absent; `normalizar_con_indices` keeps the positions of the others
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    return base.casefold()


@lru_cache(maxsize=4096)
def _tabla(c: str) -> str:
    return _normalizar_caracter(c)


class _TablaTraduccion(dict[int, str]):
    """For str.translate: each character's normalization, computed the first time it is met.

    With `simple`, a character whose normalization is not exactly one character that is not
    white space maps to _COMPLEJO, so that the caller knows positions no longer correspond
    one to one (such texts take the character by character way)."""

    def __init__(self, simple: bool) -> None:
        super().__init__()
        self.simple = simple

    def __missing__(self, codigo: int) -> str:
        c = chr(codigo)
        n = _tabla(c)
        if self.simple and not c.isspace() and (len(n) != 1 or n.isspace()):  # white space itself is never copied
            n = _COMPLEJO
        self[codigo] = n
        return n


_COMPLEJO = "\uffff"
_TRADUCCION = _TablaTraduccion(simple=False)
_TRADUCCION_SIMPLE = _TablaTraduccion(simple=True)
_RACHA_ESPACIO = re.compile(r"\s\s+")  # the white space whose removal shifts positions (a class first: the engine skips to it)


class _PorPalabra(dict[str, str]):
    """Each word's normalization (its characters', white space collapsed), computed the first time it is met:
    texts repeat the same words.  `complejas` holds the words met whose characters do not each normalize to
    exactly one that is not white space (see `_TablaTraduccion`): a text with one of them is not normalized
    one character to one.  Emptied past `_PALABRAS_MAXIMO` entries (`vaciar_si_lleno`, before a text is read,
    so that a text's words stay while it is read), so a long run keeps a bounded set."""

    def __init__(self) -> None:
        super().__init__()
        self.complejas: set[str] = set()

    def __missing__(self, palabra: str) -> str:
        normal = palabra.translate(_TRADUCCION_SIMPLE)
        if _COMPLEJO in normal:
            self.complejas.add(palabra)
            normal = " ".join(palabra.translate(_TRADUCCION).split())
        self[palabra] = normal
        return normal

    def vaciar_si_lleno(self) -> None:
        if len(self) >= _PALABRAS_MAXIMO:
            self.clear()
            self.complejas.clear()


_PALABRAS_MAXIMO = 65536
_NORMAL_DE_PALABRA = _PorPalabra()


def normalizar(texto: str) -> str:
    """Lower-case, accent-free, single-spaced text.

    The same as ``" ".join(texto.translate(_TRADUCCION).split())``, computed faster: an ASCII text only
    needs lower case (each ASCII character normalizes to its lower case), and any other text is normalized
    word by word from a cache of words (every white space character normalizes to white space, so the words
    of the text give the words of its normalization; a word may normalize to nothing or to several words)."""
    if texto.isascii():
        return " ".join(texto.lower().split())
    _NORMAL_DE_PALABRA.vaciar_si_lleno()
    return " ".join(filter(None, map(_NORMAL_DE_PALABRA.__getitem__, texto.split())))


@lru_cache(maxsize=1024)  # the rules read the same field several times; callers must not modify the indices
def normalizar_con_indices(texto: str) -> tuple[str, Sequence[int]]:
    """Normalized text plus, for each of its characters, the index of its source character.

    The same result as `_normalizar_con_indices_por_caracter`, computed word by word (as `normalizar`)
    when every character normalizes to exactly one (the common case)."""
    if texto.isascii():  # each ASCII character that is not white space normalizes to one, its lower case
        normal = " ".join(texto.lower().split())
    else:
        _NORMAL_DE_PALABRA.vaciar_si_lleno()
        palabras = texto.split()
        normales = list(map(_NORMAL_DE_PALABRA.__getitem__, palabras))
        if not _NORMAL_DE_PALABRA.complejas.isdisjoint(palabras):
            return _normalizar_con_indices_por_caracter(texto)
        normal = " ".join(normales)
    if len(normal) == len(texto):  # no white space removed: each character stays in its place
        return normal, range(len(texto))
    return normal, _Indices(texto, len(normal))


class _Indices(Sequence[int]):
    """The source index of each character of a text normalized one character to one, white space aside.

    Each word of the original keeps its length and is followed by the first white space character after
    it (the single space), so a normalized position is its source index minus the white space removed
    before it; that amount changes only after a run of two or more white space characters (or a leading
    one).  The runs are kept, with a bisect per lookup, instead of one index per character (long texts
    with blank lines made that list the slow part).  Behaves like the list of those indices."""

    __slots__ = ("_longitud", "_desde", "_desfase", "_fuente")

    def __init__(self, texto: str, longitud: int) -> None:
        self._longitud = longitud
        desfase = len(texto) - len(texto.lstrip())  # leading white space leaves no space
        self._desde = [0]  # normalized position where each stretch of one offset begins
        self._desfase = [desfase]  # source index minus normalized position in that stretch
        for m in _RACHA_ESPACIO.finditer(texto, desfase):
            if m.end() == len(texto):  # trailing white space: no normalized character after it
                break
            desfase += m.end() - m.start() - 1  # a run of white space becomes one space
            self._desde.append(m.end() - desfase)
            self._desfase.append(desfase)
        self._fuente = [d + f for d, f in zip(self._desde, self._desfase, strict=True)]  # source index of each start

    def __len__(self) -> int:
        return self._longitud

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[int]: ...

    def __getitem__(self, i: int | slice) -> int | Sequence[int]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._longitud))]
        if i < 0:
            i += self._longitud
        if not 0 <= i < self._longitud:
            raise IndexError("índice fuera de rango")
        return i + self._desfase[bisect.bisect_right(self._desde, i) - 1]

    def posicion(self, fuente: int) -> int:
        """The first normalized position whose source index is at or after `fuente` (bisect_left on the list)."""
        k = bisect.bisect_right(self._fuente, fuente) - 1  # the last stretch that begins at or before it
        if k < 0:
            return 0
        p = self._desde[k] + fuente - self._fuente[k]
        fin = self._desde[k + 1] if k + 1 < len(self._desde) else self._longitud
        return min(p, fin)


def posicion_normal(indices: Sequence[int], fuente: int) -> int:
    """The first normalized position whose source index is at or after `fuente`, for the indices that
    `normalizar_con_indices` returns (a list, a range or the lazy map; all sorted)."""
    if isinstance(indices, _Indices):  # lazy: it finds the position from its stretches
        return indices.posicion(fuente)
    return bisect.bisect_left(indices, fuente)


def _normalizar_con_indices_por_caracter(texto: str) -> tuple[str, list[int]]:
    """Normalized text plus, for each of its characters, the index of its source character."""
    salida: list[str] = []
    indices: list[int] = []
    espacio = True  # drop leading white space
    for i, c in enumerate(texto):
        if c in INVISIBLES:
            continue  # neither a character nor a space: "6<ZWJ>71" reads 671, "a <ZWSP> b" one space
        if c.isspace():
            if not espacio:
                salida.append(" ")
                indices.append(i)
            espacio = True
            continue
        for n in _tabla(c):
            if n.isspace():  # a mark that decomposes to a space ('¸', '˛'): white space, as `normalizar` reads it
                if not espacio:
                    salida.append(" ")
                    indices.append(i)
                espacio = True
            else:
                salida.append(n)
                indices.append(i)
                espacio = False
    if salida and salida[-1] == " ":
        salida.pop()
        indices.pop()
    return "".join(salida), indices


@dataclass(frozen=True)
class Patron:
    """One phrase or expression; `completo` means it must be the whole field."""

    fuente: str  # as written in the rule file
    expresion: re.Pattern[str] | regex.Pattern[str]
    completo: bool = False
    origen: str = ""  # the rule file it was read from
    propio: bool = False  # from an office's rule directory (--rules, directorios_reglas): its searches share a time budget
    lineal: Lineal | None = None  # the same expression in RE2, when RE2 reads it as `regex` does
    excepto: Patron | None = None  # an expression that, found in the text, cancels this one (a look-ahead RE2 lacks)


def _cuerpo_de_frase(frase: str) -> str:
    """A phrase's expression: its normalized words, escaped, with or without white space between them."""
    return r"\s*".join(re.escape(parte) for parte in normalizar(frase).split(" "))


def patron_de_frase(frase: str, completo: bool = False) -> Patron:
    cuerpo = _cuerpo_de_frase(frase)
    if completo:
        cuerpo = rf"[\s\W]*{cuerpo}[\s\W]*"
    return Patron(frase, re.compile(cuerpo), completo, lineal=lineal.compilar(cuerpo))


def patron_de_regex(texto: str, completo: bool = False, origen: str = "", propio: bool = False,
                    excepto: str | None = None) -> Patron:
    return Patron(texto, regex.compile(texto), completo, origen, propio, lineal.compilar(texto),
                  None if excepto is None else patron_de_regex(excepto, False, origen, propio))


LONGITUD_MAXIMA_REGEX = 1000  # characters of one expression of a rule file; the built-in ones are below 200
REPETICIONES_MAXIMAS = 10_000  # what counted repeats multiply to, nested: '(?:a{1000}){1000}' took 0.8 s to compile
_CUANTIFICADOR = regex.compile(r"\{(\d*)(?:,(\d*))?\}")


def _repeticiones(texto: str) -> int:
    """The most that counted repeats ('{n}', '{m,n}', '{m,}') multiply to along one nesting of groups: what the engine
    would unroll when compiling ('(?:a{65535}){65535}' is 4 294 836 225 copies of 'a', a MemoryError).  Read off the
    text without compiling it; escapes and character classes are skipped."""
    pila = [1]  # the largest product inside each open group
    ultimo = 1  # the product of the atom or group just closed, which a quantifier would multiply
    i = 0
    while i < len(texto):
        c = texto[i]
        if c == "\\":
            i += 2
            ultimo = 1
            continue
        if c == "[":  # a class: up to its closing bracket (a ']' first or after '^' is a member)
            i += 2 if texto.startswith("[^", i) else 1
            i += 1 if i < len(texto) and texto[i] == "]" else 0
            while i < len(texto) and texto[i] != "]":
                i += 2 if texto[i] == "\\" else 1
            i += 1
            ultimo = 1
            continue
        if c == "(":
            pila.append(1)
        elif c == ")" and len(pila) > 1:
            ultimo = pila.pop()
            pila[-1] = max(pila[-1], ultimo)
        elif c == "{" and (m := _CUANTIFICADOR.match(texto, i)) is not None and (m.group(1) or m.group(2)):
            veces = max(int(m.group(1) or 0), int(m.group(2) or 0))
            ultimo *= max(veces, 1)
            pila[-1] = max(pila[-1], ultimo)
            i = m.end()
            continue
        elif c != "|":
            ultimo = 1
        i += 1
    return max(pila)


def error_de_regex(texto: str) -> str | None:
    """Why `texto` is not a valid regular expression for the engine that will run it (None: valid): a syntax error,
    or an expression too large to compile safely (too long, or counted repeats that multiply past the limit), which
    is refused before the engine unrolls it."""
    if len(texto) > LONGITUD_MAXIMA_REGEX:
        return tr("mide {n} caracteres, más que el límite de {limite}", n=len(texto), limite=LONGITUD_MAXIMA_REGEX)
    repeticiones = _repeticiones(texto)
    if repeticiones > REPETICIONES_MAXIMAS:
        return tr("sus repeticiones anidadas llegan a {n} copias, más que el límite de {limite}", n=repeticiones,
                  limite=REPETICIONES_MAXIMAS)
    try:
        regex.compile(texto)
    except regex.error as error:
        return str(error)
    except (MemoryError, RecursionError, OverflowError):
        return tr("es demasiado grande para compilarla")
    return None


class PatronLento(Exception):
    """A rule's regular expression took longer than the limit on a text (catastrophic backtracking)."""

    def __init__(self, patron: Patron) -> None:
        super().__init__(patron.fuente)
        self.patron = patron


SEGUNDOS_POR_INFORME = 5.0  # all the searches of the offices' own expressions in one report (`tiempo_expresiones_s`)


class Presupuesto:
    """The time the offices' own expressions may take on one report, all searches together: a limit per search
    alone let 60 expressions just under it take 146 s.  Once spent, their remaining searches on the report are
    skipped (as if they found nothing) and `omitida` keeps the first one skipped, for a finding that says so.
    Per report, not per run, so that what a report gets does not depend on the order of files or on --jobs."""

    def __init__(self) -> None:
        self.segundos = SEGUNDOS_POR_INFORME
        self.restante = SEGUNDOS_POR_INFORME
        self.omitidas = 0
        self.omitida: Patron | None = None

    def reiniciar(self, segundos: float) -> None:
        self.segundos = self.restante = segundos
        self.omitidas = 0
        self.omitida = None

    def limite(self, patron: Patron) -> float | None:
        """The time limit for one search of `patron` (None: the budget is spent, the search is skipped)."""
        if not patron.propio:
            return SEGUNDOS_POR_PATRON
        if self.restante <= 0:
            self.omitidas += 1
            if self.omitida is None:
                self.omitida = patron
            return None
        return min(SEGUNDOS_POR_PATRON, self.restante)


PRESUPUESTO = Presupuesto()


# The regex module's searches get their time limit by position, (string, pos, endpos, concurrent, partial, timeout),
# as the module's own functions pass it: by keyword it cost the C extension about 0.7 µs more a call, more than
# most searches of a field take.


def _coincide(patron: Patron, texto: str, crudo: bytes | None) -> tuple[int, int] | None:
    """Where `patron` is found in the normalized `texto` (None: nowhere, or an empty match), unless its `excepto`
    is found there too.  In RE2 when it holds the pattern and reads the text (`crudo`, its UTF-8), else with the
    pattern's own engine."""
    span = _donde(patron, texto, crudo)
    if span is not None and patron.excepto is not None and _donde(patron.excepto, texto, crudo) is not None:
        return None
    return span


def _donde(patron: Patron, texto: str, crudo: bytes | None) -> tuple[int, int] | None:
    if crudo is not None and patron.lineal is not None:
        bytes_ = patron.lineal.completo(crudo) if patron.completo else patron.lineal.buscar(crudo)
        if bytes_ is None or bytes_[0] == bytes_[1]:
            return None
        return lineal.caracteres(crudo, texto, *bytes_)
    m = _coincide_regex(patron, texto)
    return None if m is None or m.start() == m.end() else m.span()


def _coincide_regex(patron: Patron, texto: str) -> re.Match[str] | regex.Match[str] | None:
    expresion = patron.expresion
    if isinstance(expresion, regex.Pattern):
        if not patron.propio:
            try:
                if patron.completo:
                    return expresion.fullmatch(texto, None, None, None, False, SEGUNDOS_POR_PATRON)
                return expresion.search(texto, None, None, None, False, SEGUNDOS_POR_PATRON)
            except TimeoutError:
                raise PatronLento(patron) from None
        return _coincide_propio(patron, expresion, texto)
    return expresion.fullmatch(texto) if patron.completo else expresion.search(texto)


def _coincide_propio(patron: Patron, expresion: regex.Pattern[str], texto: str) -> regex.Match[str] | None:
    """A search of an office's expression, within what is left of the report's budget (`Presupuesto`): skipped when it
    is spent; a search cut short by the budget (not by its own limit) is skipped as well, not called slow."""
    limite = PRESUPUESTO.limite(patron)
    if limite is None:
        return None
    inicio = time.monotonic()
    try:
        if patron.completo:
            return expresion.fullmatch(texto, None, None, None, False, limite)
        return expresion.search(texto, None, None, None, False, limite)
    except TimeoutError:
        if limite < SEGUNDOS_POR_PATRON:
            PRESUPUESTO.restante = 0
            PRESUPUESTO.limite(patron)  # counted as the first one skipped
            return None
        raise PatronLento(patron) from None
    finally:
        PRESUPUESTO.restante -= time.monotonic() - inicio


_NO_COMBINABLE = regex.compile(r"\(\?|\\[1-9g]")  # inline flags, look-arounds, named groups, back-references


def _combinable(patron: Patron) -> bool:
    """Whether a pattern searched anywhere means the same inside an alternation of others: not with a
    flag that might apply to all of them, nor with group numbers that would shift under a back-reference."""
    return not patron.completo and _NO_COMBINABLE.search(patron.expresion.pattern) is None


class _Grupo(NamedTuple):
    """Patterns of a set joined in one alternation: when it finds none, the scan skips them all."""

    alternacion: re.Pattern[str] | regex.Pattern[str]
    completo: bool  # whole-field patterns: the alternation must cover the text (fullmatch)
    propio: bool = False  # the offices' own expressions: searched within the report's budget (`Presupuesto`)


_ENTRE_PALABRAS = None  # in a phrase's sequence, the white space or nothing between two words (r"\s*")
_FIN_DE_FRASE = ""  # the key of a node of the tree where a phrase ends
_Arbol = dict["str | None", "_Arbol"]  # a letter (or _ENTRE_PALABRAS) -> what follows it


def _arbol_de_frases(patrones: list[Patron]) -> re.Pattern[str] | None:
    """One expression that finds any of the phrases where their alternation does, with their common beginnings
    written once: '(?:indicar\\s*(?:municipios…|la\\s*participacion…)|haga\\s*clic…)'.  The engine tries a
    phrase only after the letters it shares with others, instead of every phrase at every position where one could
    start (most of the run's time in phrases).  A phrase that another one begins with is enough where it ends: what
    continues it adds nothing to whether one is found.  None if a pattern is not the plain expression of its phrase
    (`_cuerpo_de_frase`) or the tree is too deep for the engine: the plain alternation is used then."""
    raiz: _Arbol = {}
    for patron in patrones:
        palabras = normalizar(patron.fuente).split(" ")
        if not all(palabras) or _cuerpo_de_frase(patron.fuente) != patron.expresion.pattern or len(patron.fuente) > 200:
            return None
        nodo = raiz
        for k, palabra in enumerate(palabras):
            for ficha in ([_ENTRE_PALABRAS] if k else []) + list(palabra):
                if _FIN_DE_FRASE in nodo:
                    break  # a shorter phrase ends here: enough
                nodo = nodo.setdefault(ficha, {})
            else:
                continue
            break
        else:
            nodo.clear()
            nodo[_FIN_DE_FRASE] = {}
    try:
        return re.compile(_expresion_del_arbol(raiz)) if raiz else None
    except (RecursionError, re.error):  # nested too deep for the engine: the plain alternation
        return None


def _expresion_del_arbol(nodo: _Arbol) -> str:
    ramas = []
    for ficha, hijo in nodo.items():
        if ficha == _FIN_DE_FRASE:
            return ""  # a phrase ends here
        partes = [r"\s*" if ficha is None else re.escape(ficha)]
        while len(hijo) == 1 and _FIN_DE_FRASE not in hijo:  # a chain of single letters: written in a row
            ((ficha, hijo),) = hijo.items()
            partes.append(r"\s*" if ficha is None else re.escape(ficha))
        ramas.append("".join(partes) + _expresion_del_arbol(hijo))
    return ramas[0] if len(ramas) == 1 else "(?:" + "|".join(ramas) + ")"


def _ausente_propio(alternacion: regex.Pattern[str], normal: str) -> bool:
    """Whether an alternation of the offices' expressions finds none in `normal`, within the report's budget (False when
    it cannot tell in time, or the budget is spent)."""
    if PRESUPUESTO.restante <= 0:
        return False
    inicio = time.monotonic()
    try:
        return alternacion.search(normal, None, None, None, False, min(SEGUNDOS_POR_PATRON, PRESUPUESTO.restante)) is None
    except TimeoutError:
        return False
    finally:
        PRESUPUESTO.restante -= time.monotonic() - inicio


class _Via(NamedTuple):
    """How the patterns are prefiltered for one engine's way through a text."""

    grupos: tuple[_Grupo, ...]
    de_grupo: tuple[int, ...]  # for each pattern, the group it is in (-1: in none, always tried; -2: in `lineales`)
    siempre: tuple[int, ...]  # the patterns in no group, in order
    lineales: tuple[tuple[ConjuntoLineal, tuple[int, ...]], ...] = ()  # RE2 sets and the pattern of each member


class _Prefiltro(NamedTuple):
    cuantos: int  # the number of patterns it was built for (rebuilt if the set grew)
    regex: _Via  # for a text RE2 would not read as `regex` (`lineal.crudo` is None): every pattern in its own engine
    re2: _Via  # for any other text: the built-in patterns RE2 holds in RE2 sets, the rest as in `regex`


def _grupo(patron: Patron) -> int:
    """Which alternation a pattern can join: 0, the phrases (`re`, escaped literals) searched anywhere; 1 and 3, the
    rule files' expressions (`regex`, with its time limit) searched anywhere, those that start with an anchor
    ('^sin datos') apart (1), since in one alternation with the others the engine tried the anchored ones at
    every position, and alone it tries them at the start only; 2, the whole-field phrases; -1, none."""
    if patron.completo:
        if isinstance(patron.expresion, re.Pattern) and _NO_COMBINABLE.search(patron.expresion.pattern) is None:
            return 2
        return -1
    if not _combinable(patron):
        return -1
    if isinstance(patron.expresion, re.Pattern):
        return 0
    anclado = patron.expresion.pattern.startswith(("^", "\\A"))
    if patron.propio:  # apart from the built-in ones: only these count against the report's budget
        return 4 if anclado else 5
    return 1 if anclado else 3


@dataclass(frozen=True)
class Coincidencia:
    patron: Patron
    inicio: int  # in the original text
    fin: int


@dataclass
class ConjuntoPatrones:
    nombre: str
    descripcion: str
    patrones: list[Patron]
    _prefiltro: _Prefiltro = field(default=_Prefiltro(-1, _Via((), (), ()), _Via((), (), ())), init=False, repr=False, compare=False)
    # what `buscar` found in each text of the report being audited (several rules search one set in one field):
    # (number of patterns, normalized text -> pattern and span there); emptied after each report (`_HALLADOS`),
    # anew if the set grew
    _hallados: tuple[int, dict[str, tuple[Patron, int, int] | None]] = field(
        default=(-1, {}), init=False, repr=False, compare=False)

    def _alguno(self) -> _Prefiltro:
        """The prefilter of each way through a text (`_Prefiltro`), rebuilt if the set grew (rule files add phrases
        to a set while the catalog is built)."""
        prefiltro = self._prefiltro
        if prefiltro.cuantos != len(self.patrones):
            prefiltro = _Prefiltro(len(self.patrones), self._via(False), self._via(True))
            self._prefiltro = prefiltro
        return prefiltro

    def _via(self, con_re2: bool) -> _Via:
        """With `con_re2`, the built-in patterns RE2 holds go to two RE2 sets (searched anywhere, whole field): one
        pass over the text says which of them occur in it.  The offices' ones are searched alone: RE2::Set has no
        slower fallback when its automaton outgrows its memory (it would say none occurs), a single RE2 search
        has.  The other patterns are grouped as `_grupos` says."""
        en_conjunto = [con_re2 and p.lineal is not None and not p.propio for p in self.patrones]
        lineales = []
        for completo in (False, True):
            indices = tuple(i for i, p in enumerate(self.patrones) if en_conjunto[i] and p.completo == completo)
            miembros = [e for i in indices if (e := self.patrones[i].lineal) is not None]
            conjunto = lineal.conjunto(miembros, completo) if miembros else None
            if conjunto is None:  # past RE2's memory: alone
                for i in indices:
                    en_conjunto[i] = False
            else:
                lineales.append((conjunto, indices))
        grupos, de_grupo, siempre = self._grupos([i for i, dentro in enumerate(en_conjunto) if not dentro])
        return _Via(grupos, tuple(-2 if dentro else g for dentro, g in zip(en_conjunto, de_grupo, strict=True)), siempre,
                    tuple(lineales))

    def _grupos(self, cuales: list[int]) -> tuple[tuple[_Grupo, ...], tuple[int, ...], tuple[int, ...]]:
        """The set's patterns that can be joined (see `_grupo`) in alternations: when one finds nothing, none of
        its patterns is in the text, and the scan skips them (most fields hold none).  One alternation per kind:
        the phrases (`re`, escaped literals) apart from the rule files' expressions (`regex`, with its time limit),
        since with both in one `regex` alternation the engine tried every phrase at every position of every
        field, most of the run's pattern time; and the whole-field phrases in one alternation that must cover the
        text (one fullmatch instead of one per phrase).  Only the patterns `cuales` (indices) are grouped: the
        others are in no group (-1), not tried."""
        elegidos = set(cuales)
        de_grupo = [_grupo(p) if i in elegidos else -3 for i, p in enumerate(self.patrones)]
        grupos: list[_Grupo] = []
        numeros: dict[int, int] = {}  # kind -> its group's index in `grupos`
        for tipo in (0, 1, 3, 4, 5, 2):
            partes = [p.expresion.pattern for p, g in zip(self.patrones, de_grupo, strict=True) if g == tipo]
            if not partes:
                continue
            alternacion = "|".join(f"(?:{parte})" for parte in partes)
            compilada = _arbol_de_frases([p for p, g in zip(self.patrones, de_grupo, strict=True) if g == 0]) if tipo == 0 else None
            numeros[tipo] = len(grupos)
            grupos.append(_Grupo(compilada or (regex.compile(alternacion) if tipo in (1, 3, 4, 5) else re.compile(alternacion)),
                                 tipo == 2, tipo in (4, 5)))
        indices = tuple(numeros.get(g, -1) for g in de_grupo)
        siempre = tuple(i for i, g in enumerate(indices) if g < 0 and i in elegidos)
        return tuple(grupos), indices, siempre

    def _ausentes(self, normal: str, grupos: tuple[_Grupo, ...]) -> list[bool]:
        """For each group, whether its alternation found none of its patterns in `normal` (False when it cannot
        tell in time: the scan then tries them one by one, and names a slow one, `PatronLento`)."""
        ausentes = []
        for alternacion, completo, propio in grupos:
            hallado: re.Match[str] | regex.Match[str] | None
            if propio and isinstance(alternacion, regex.Pattern):  # within the report's budget: when it is spent, the patterns are tried (and skipped) one by one
                ausentes.append(_ausente_propio(alternacion, normal))
                continue
            if isinstance(alternacion, regex.Pattern):
                try:
                    hallado = alternacion.search(normal, None, None, None, False, SEGUNDOS_POR_PATRON)
                except TimeoutError:
                    ausentes.append(False)
                    continue
            else:
                hallado = alternacion.fullmatch(normal) if completo else alternacion.search(normal)
            ausentes.append(hallado is None)
        return ausentes

    def buscar(self, texto: str) -> Coincidencia | None:
        """The first pattern found in `texto` (whole-field patterns must cover it all)."""
        if not texto or not texto.strip():
            return None
        normal, indices = normalizar_con_indices(texto)
        hallado = self._en_normal(normal)
        if hallado is None:
            return None
        patron, inicio, fin = hallado
        return Coincidencia(patron, indices[inicio], indices[fin - 1] + 1)

    def _en_normal(self, normal: str) -> tuple[Patron, int, int] | None:
        """The first pattern found in a normalized text, with its span there.  Patterns only see the normalized
        text, so what they find is kept by it: a field and its paragraph, stripped, are searched once."""
        cuantos, hallados = self._hallados
        if cuantos != len(self.patrones) or len(hallados) >= _HALLADOS_MAXIMO:
            hallados = {}
            self._hallados = (len(self.patrones), hallados)
            _HALLADOS.registrar(self)
        elif normal in hallados:
            return hallados[normal]
        hallado = hallados[normal] = self._buscar(normal)  # a slow pattern raises PatronLento: nothing is kept
        return hallado

    def _buscar(self, normal: str) -> tuple[Patron, int, int] | None:
        prefiltro = self._prefiltro
        if prefiltro.cuantos != len(self.patrones):
            prefiltro = self._alguno()
        crudo = lineal.crudo(normal)
        via = prefiltro.regex if crudo is None else prefiltro.re2
        candidatos: Sequence[int]
        ausentes = self._ausentes(normal, via.grupos)
        hallados: set[int] = set()  # the patterns of the RE2 sets found in the text
        for conjunto, indices in via.lineales:
            assert crudo is not None
            hallados.update(indices[k] for k in conjunto.hallados(crudo))
        if all(ausentes) and not hallados:  # the common case: only the patterns in no alternation are tried
            candidatos = via.siempre
        else:
            candidatos = [i for i, g in enumerate(via.de_grupo) if g == -1 or (g >= 0 and not ausentes[g]) or i in hallados]
        patrones = self.patrones
        for i in candidatos:
            patron = patrones[i]
            span = _coincide(patron, normal, crudo)  # each report gets its own time limit: the outcome does not depend on file order
            if span is not None:
                return patron, span[0], span[1]
        return None

    def contiene(self, texto: str | None) -> bool:
        return texto is not None and self.buscar(texto) is not None


class _Tamano(NamedTuple):
    currsize: int


class _Hallados:
    """The sets that keep findings (`ConjuntoPatrones.buscar`), for `memoria.olvidar` to empty them after each
    report like the caches of readings (`cache_clear`, and `cache_info` for its size)."""

    def __init__(self) -> None:
        self._conjuntos: weakref.WeakValueDictionary[int, ConjuntoPatrones] = weakref.WeakValueDictionary()

    def registrar(self, conjunto: ConjuntoPatrones) -> None:
        self._conjuntos[id(conjunto)] = conjunto

    def cache_clear(self) -> None:
        for conjunto in list(self._conjuntos.values()):
            conjunto._hallados = (-1, {})
        self._conjuntos.clear()

    def cache_info(self) -> _Tamano:
        return _Tamano(sum(len(c._hallados[1]) for c in list(self._conjuntos.values())))


_HALLADOS = _Hallados()
_HALLADOS_MAXIMO = 8192  # per set: outside the engine (nothing forgets) a set's findings stay bounded


_FIN_FRASE = re.compile(r"[.!?\n]")


def frase_alrededor(texto: str, inicio: int, fin: int, limite: int = 240) -> str:
    """The sentence of `texto` that holds [inicio, fin), for quoting in a finding."""
    comienzo = inicio
    while comienzo > 0 and not _FIN_FRASE.match(texto[comienzo - 1]) and inicio - comienzo < limite:
        comienzo -= 1
    m = _FIN_FRASE.search(texto, fin)
    final = m.end() if m and m.end() - fin < limite else min(len(texto), fin + limite)
    return acortar(texto[comienzo:final], 2 * limite)


por_informe(normalizar_con_indices, _HALLADOS)
