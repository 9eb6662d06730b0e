"""Regular expressions in linear time: RE2 (google-re2) for the patterns it reads as the `regex` engine does.

RE2 never backtracks: a search takes time proportional to the text whatever the pattern, so a pattern that
would stall `regex` ('(a+)+$') cannot stall it.  It does not accept every pattern (look-arounds,
back-references, possessive quantifiers, atomic groups...), and a few it accepts mean something else in the
`regex` engine; `compilar` returns None for both, and the caller keeps `regex` and its time limit.

The patterns of the rule files are matched against normalized text (lower case, no accents, single spaces:
`patrones.normalizar`).  RE2's `\\b`, `\\w`, `\\d` and `\\s` are ASCII, the `regex` engine's are Unicode: on a text
whose characters outside ASCII are neither letters, digits, marks nor white space (an accent-free Spanish text
with '¿', '–' or curly quotes), both read the same; a text with one of them ('ø', a Greek letter) is searched
with `regex` instead (`crudo` returns None).

google-re2 ships wheels for Linux (glibc, x86_64 and aarch64), macOS and Windows; where it is not installed
(no wheel for the platform, e.g. musl), `disponible()` is False and every pattern keeps `regex`: same findings,
only without the linear-time guarantee.
"""

from __future__ import annotations

import re
from typing import Any

import regex

ACTIVO = True  # False: every pattern keeps `regex` (the differential tests compare both engines)

_NULO = (-1, -1)


class _Motor:
    """The binding, loaded on first use (a one-file check that never searches a pattern set does not pay its import)
    and tried once on a known case: the fast path uses the binding's compiled module directly (its public wrapper
    costs about 0.7 µs more per search), so a release that changed it must not break a run. If it is missing or
    answers otherwise, every pattern keeps `regex` — the same findings, without the linear-time guarantee."""

    def __init__(self) -> None:
        self.modulo: Any = None
        self.opciones: Any = None
        self.libre: Any = None
        self.ambos: Any = None
        try:  # the binding has no type information: it is used only through this module's typed functions
            from re2 import _re2 as modulo  # type: ignore[import-untyped,unused-ignore]

            opciones = modulo.RE2.Options()
            opciones.never_capture = True  # only the whole match's span is used
            opciones.log_errors = False  # a pattern RE2 refuses goes to `regex`, silently
            libre, ambos = modulo.RE2.Anchor.UNANCHORED, modulo.RE2.Anchor.ANCHOR_BOTH
            prueba = modulo.RE2(rb"\bno\s+aplica\b", opciones)
            if not prueba.ok() or tuple(prueba.Match(libre, b"meta: no  aplica.", 0, 17)[0]) != (6, 16):
                return
        except Exception:  # noqa: BLE001 - no wheel for the platform, or a binding that changed: keep `regex`
            return
        self.modulo, self.opciones, self.libre, self.ambos = modulo, opciones, libre, ambos


_MOTOR: list[_Motor] = []


def _motor() -> _Motor:
    if not _MOTOR:
        _MOTOR.append(_Motor())
    return _MOTOR[0]


def disponible() -> bool:
    """Whether RE2 is installed and answers as this module expects (loaded on the first call)."""
    return _motor().modulo is not None


class Lineal:
    """One expression compiled by RE2; spans are byte offsets in the UTF-8 text (`crudo`)."""

    __slots__ = ("pattern", "_re2", "_libre", "_todo")

    def __init__(self, texto: str, compilado: Any) -> None:
        self.pattern = texto
        self._re2 = compilado
        self._libre = _motor().libre
        self._todo = _motor().ambos

    def buscar(self, crudo: bytes) -> tuple[int, int] | None:
        """The leftmost-first match (the one `regex.search` finds), as byte offsets."""
        span: tuple[int, int] = self._re2.Match(self._libre, crudo, 0, len(crudo))[0]
        return None if span == _NULO else span

    def completo(self, crudo: bytes) -> tuple[int, int] | None:
        """The match that covers the whole text (as `regex.fullmatch`), as byte offsets."""
        span: tuple[int, int] = self._re2.Match(self._todo, crudo, 0, len(crudo))[0]
        return None if span == _NULO else span


class ConjuntoLineal:
    """Expressions searched together in one pass over a text (RE2::Set): which of them occur in it, anywhere
    (`completo`: which cover it whole).  Says nothing of where: a found one is then searched alone."""

    __slots__ = ("_set",)

    def __init__(self, expresiones: list[Lineal], completo: bool = False) -> None:
        motor = _motor()
        self._set = motor.modulo.Set(motor.ambos if completo else motor.libre, motor.opciones)
        for expresion in expresiones:
            if self._set.Add(expresion.pattern.encode()) < 0:
                raise ValueError(expresion.pattern)  # cannot happen: each one compiled alone
        if not self._set.Compile():
            raise MemoryError("RE2::Set")  # past RE2's memory budget: the caller keeps the alternations

    def hallados(self, crudo: bytes) -> list[int]:
        """The indices (in the order given) of the expressions found in the text."""
        indices: list[int] = self._set.Match(crudo)
        return indices


def conjunto(expresiones: list[Lineal], completo: bool = False) -> ConjuntoLineal | None:
    """The expressions as one set, or None if RE2 cannot hold them all (its memory budget)."""
    try:
        return ConjuntoLineal(expresiones, completo)
    except (MemoryError, ValueError):
        return None


# Syntax that both engines accept with different meanings, or that this check cannot vouch for: inline flags
# other than i, m, s (RE2's U makes quantifiers lazy), a flag group not at the start (regex applies it to the
# whole pattern, RE2 from there on), POSIX classes (ASCII in RE2, Unicode in regex), a brace that is not a
# counted repeat ('{,3}' is {0,3} in regex and three characters in RE2; '{e<=1}' is fuzzy matching in regex),
# numbered escapes (octal or back-references).
_CUANTIFICADOR = re.compile(r"\{\d+(?:,\d*)?\}")
_GRUPO = re.compile(r"\(\?(?::|P?<[A-Za-z_]|[ims]*(?:-[ims]+)?:)")
_BANDERAS_INICIALES = re.compile(r"\(\?[ims]+\)")


def _sintaxis_comun(texto: str) -> bool:
    """Whether `texto` uses only syntax that RE2 and `regex` read alike (RE2 may still refuse it)."""
    i = 0
    while i < len(texto):
        c = texto[i]
        if c == "\\":
            if texto[i + 1: i + 2].isdigit():
                return False
            if texto.startswith("{", i + 2) and texto[i + 1] in "pPx":  # '\p{L}', '\x{e9}': the braces are the escape's
                fin = texto.find("}", i + 2)
                i = len(texto) if fin < 0 else fin + 1
                continue
            i += 2
            continue
        if c == "[":  # a class: up to its closing bracket (a ']' first or after '^' is a member)
            i += 2 if texto.startswith("[^", i) else 1
            i += 1 if i < len(texto) and texto[i] == "]" else 0
            while i < len(texto) and texto[i] != "]":
                if texto.startswith("[:", i):
                    return False
                if texto[i] == "\\" and texto[i + 1: i + 2].isdigit():
                    return False
                i += 2 if texto[i] == "\\" else 1
            i += 1
            continue
        if c == "(" and texto.startswith("(?", i):
            if i == 0 and (m := _BANDERAS_INICIALES.match(texto)) is not None:
                i = m.end()
                continue
            if _GRUPO.match(texto, i) is None:
                return False
        elif c == "{":
            m = _CUANTIFICADOR.match(texto, i)
            if m is None:
                return False
            i = m.end()
            continue
        i += 1
    return True


def compilar(texto: str) -> Lineal | None:
    """`texto` compiled by RE2, or None when it is not available, is turned off, refuses the pattern, or might
    read it otherwise than `regex` does (see `_sintaxis_comun`)."""
    if not ACTIVO or not _sintaxis_comun(texto) or not disponible():
        return None
    try:
        compilado = _motor().modulo.RE2(texto.encode(), _motor().opciones)
    except Exception:  # noqa: BLE001 - the binding's own error type; any refusal keeps `regex`
        return None
    if not compilado.ok():
        return None
    return Lineal(texto, compilado)


# A character outside ASCII that either engine counts as a word character, a digit or white space: RE2 (ASCII
# classes) and `regex`/`re` (Unicode classes) would read '\b', '\w', '\d', '\s' around it differently.
_ILEGIBLE = regex.compile(r"[[\w\s\p{L}\p{N}\p{M}]--[\x00-\x7f]]", regex.V1)


def crudo(normal: str) -> bytes | None:
    """The UTF-8 bytes RE2 searches for a normalized text, or None when RE2 would not read it as `regex` does
    (see `_ILEGIBLE`; a lone surrogate cannot be encoded either)."""
    if normal.isascii():
        return normal.encode("ascii")
    if _ILEGIBLE.search(normal) is not None:
        return None
    try:
        return normal.encode("utf-8")
    except UnicodeEncodeError:
        return None


def caracteres(crudo: bytes, normal: str, inicio: int, fin: int) -> tuple[int, int]:
    """A span of byte offsets in `crudo` (the UTF-8 of `normal`) as indices of `normal`'s characters."""
    if len(crudo) == len(normal):  # ASCII: one byte per character
        return inicio, fin
    i = len(crudo[:inicio].decode("utf-8"))
    return i, i + len(crudo[inicio:fin].decode("utf-8"))
