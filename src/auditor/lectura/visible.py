"""Text from a report, and file names, made safe to show: what could act on a terminal, a CI log or a
reader's eye without being seen is written as a visible escape. Every output for people and CI logs
(text, rich, -q, github, markdown, html, junit, summary, the messages on stderr) and every file name
in any output goes through `visible`; there is no other escaping of this kind.

- a byte of a file name that is not UTF-8 (Python hands it over as a lone surrogate U+DC80..U+DCFF,
  "surrogateescape"): ``\\xff``, the byte itself;
- newline, carriage return and tab: ``\\n``, ``\\r``, ``\\t``, unless the caller keeps them (`conservar`:
  the outputs where a line break of a value is harmless, as an HTML paragraph);
- any other control or invisible character: the rest of C0, DEL and C1 (clear-screen, colors, OSC-8
  links), bidi controls (U+202E turns text around), zero-width characters, the line and paragraph
  separators, the tag characters and any other lone surrogate: ``\\u001b``, ``\\u202e``, ``\\U000e0041``.

Nothing else changes: a report without such characters is shown as it always was. The machine
formats keep the exact values (json and sarif escape controls themselves) but show file names
through here too, and `codificable` makes any text writable as UTF-8 (a lone surrogate cannot be).
"""

from __future__ import annotations

import re
from functools import cache

_NOMBRES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_INVISIBLES = (
    "\x00-\x1f\x7f-\x9f"  # C0, DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides and isolates
    "\u180e\u200b-\u200d\u2060-\u2064\ufeff"  # zero-width characters
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff"  # lone surrogates (undecodable bytes of a file name among them)
    "\U000e0000-\U000e007f"  # tag characters
)
_SUSTITUTO = re.compile("[\ud800-\udfff]")


@cache
def _patron(conservar: str) -> re.Pattern[str]:
    if not conservar:
        return re.compile(f"[{_INVISIBLES}]")
    return re.compile(f"(?![{re.escape(conservar)}])[{_INVISIBLES}]")


def escape(caracter: str) -> str:
    """The visible form of one invisible character."""
    punto = ord(caracter)
    if caracter in _NOMBRES:
        return _NOMBRES[caracter]
    if 0xDC80 <= punto <= 0xDCFF:  # an undecodable byte of a file name
        return f"\\x{punto - 0xDC00:02x}"
    return f"\\u{punto:04x}" if punto <= 0xFFFF else f"\\U{punto:08x}"


def visible(texto: str, conservar: str = "") -> str:
    """`texto` with every control or invisible character as a visible escape; the characters in
    `conservar` (newline, tab) stay as they are.

    >>> visible("caf\\udcff.yaml\\n::error"), visible("a\\x1b[2Jb\\u202ec"), visible("uno\\ndos", conservar="\\n")
    ('caf\\\\xff.yaml\\\\n::error', 'a\\\\u001b[2Jb\\\\u202ec', 'uno\\ndos')
    """
    patron = _patron(conservar)
    if patron.search(texto) is None:
        return texto
    return patron.sub(lambda m: escape(m.group()), texto)


def codificable(texto: str) -> str:
    """`texto` writable as UTF-8: only its lone surrogates (a file name's undecodable bytes) escaped,
    as `visible` writes them; everything else exact (for the formats that keep values as they are)."""
    if _SUSTITUTO.search(texto) is None:
        return texto
    return _SUSTITUTO.sub(lambda m: escape(m.group()), texto)


def a_bytes(texto: str) -> bytes:
    """The UTF-8 bytes of `texto`, a file name's undecodable bytes back as themselves (never an error: any
    other lone surrogate is written as UTF-8 writes a code point). The same as ``texto.encode()`` for any
    valid text, so fingerprints and URIs of ordinary names do not change."""
    try:
        return texto.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return texto.encode("utf-8", "surrogatepass")


_COMANDO = re.compile(r"(?:^|(?<=\s))::")


def sin_comandos(texto: str) -> str:
    """`texto` for an output that wraps lines (rich): a word that starts with ``::`` would start a line when the
    wrap falls before it, and GitHub Actions runs such a line as a workflow command; its first colon is shown
    escaped (``\\u003a:error``). No ordinary text has such a word."""
    if "::" not in texto:
        return texto
    return _COMANDO.sub(lambda m: "\\u003a:", texto)
