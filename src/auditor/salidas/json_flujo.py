"""JSON written as it goes: the bytes of ``json.dumps(valor, ensure_ascii=False, indent=2)``, where
the long lists of a large run (findings, SARIF results) are `Flujo`s read one element at a time.

The json and sarif reporters describe their document with `Flujo` in place of those lists; `escribir`
streams it to a file, `en_memoria` gives the plain document (lists) for a library caller.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, TextIO


class Flujo:
    """A list of the document that is produced while it is written (each element once)."""

    def __init__(self, elementos: Iterable[Any]) -> None:
        self.elementos = elementos

    def __iter__(self) -> Iterator[Any]:
        return iter(self.elementos)


def _tiene_flujo(valor: Any) -> bool:
    if isinstance(valor, Flujo):
        return True
    if isinstance(valor, dict):
        return any(_tiene_flujo(v) for v in valor.values())
    if isinstance(valor, list):
        return any(_tiene_flujo(v) for v in valor)
    return False


def _volcado(valor: Any, nivel: int) -> str:
    """`valor` as json.dumps(indent=2) writes it `nivel` levels deep.

    json.dumps with an indent runs the standard library's pure-Python encoder, one generator per value (a
    fifth of a 1 000-meta run went there); this builds the same text with the same rules, in the order that
    encoder tests types (a text first, then null, true, false, an integer, a float, a list or tuple, a
    mapping), with the C escaping of texts.  Anything else goes to json.dumps itself, which writes it or
    refuses it in its own words."""
    if isinstance(valor, str):
        return _texto(valor)
    if valor is None:
        return "null"
    if valor is True:
        return "true"
    if valor is False:
        return "false"
    if isinstance(valor, int):
        return int.__repr__(valor)
    if isinstance(valor, float):
        return _flotante(valor)
    if isinstance(valor, (list, tuple)):
        if not valor:
            return "[]"
        sangria = "\n" + "  " * (nivel + 1)
        return "[" + sangria + ("," + sangria).join([_volcado(v, nivel + 1) for v in valor]) + "\n" + "  " * nivel + "]"
    if isinstance(valor, dict):
        if not valor:
            return "{}"
        sangria = "\n" + "  " * (nivel + 1)
        partes = [_clave(k) + ": " + _volcado(v, nivel + 1) for k, v in valor.items()]
        return "{" + sangria + ("," + sangria).join(partes) + "\n" + "  " * nivel + "}"
    return json.dumps(valor, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * nivel)  # a JSON string has no raw newline


_SUSTITUTO = re.compile("[\ud800-\udfff]")


def json_valido(texto: str) -> str:
    """JSON text as json.dumps(ensure_ascii=False) writes it, made writable as UTF-8: a lone surrogate (a text
    read from a JSON report's "\\ud800", say) becomes its JSON escape, the same value for a JSON reader."""
    if _SUSTITUTO.search(texto) is None:
        return texto
    return _SUSTITUTO.sub(lambda m: f"\\u{ord(m.group()):04x}", texto)


def _texto(texto: str) -> str:
    """A text as json.dumps(ensure_ascii=False) writes it (the C escaping when built), always valid UTF-8."""
    return json_valido(_escapar(texto))


_escapar = json.encoder.encode_basestring
_INFINITO = float("inf")


def _flotante(x: float) -> str:
    if x != x:
        return "NaN"
    if x == _INFINITO:
        return "Infinity"
    if x == -_INFINITO:
        return "-Infinity"
    return float.__repr__(x)


def _clave(clave: Any) -> str:
    """A mapping's key as json.dumps writes it: texts, and numbers, true, false and null as texts."""
    if isinstance(clave, str):
        return _texto(clave)
    if isinstance(clave, float):
        return _texto(_flotante(clave))
    if clave is True:
        return '"true"'
    if clave is False:
        return '"false"'
    if clave is None:
        return '"null"'
    if isinstance(clave, int):
        return _texto(int.__repr__(clave))
    return json.dumps({clave: None}, ensure_ascii=False)  # refused in json's own words (keys must be str, int, ...)


def escribir(valor: Any, salida: TextIO, nivel: int = 0) -> None:
    """Write `valor` (without the final newline), reading each `Flujo` as it goes."""
    if not _tiene_flujo(valor):
        salida.write(_volcado(valor, nivel))
        return
    sangria = "\n" + "  " * (nivel + 1)
    if isinstance(valor, dict):
        salida.write("{")
        for n, (clave, elemento) in enumerate(valor.items()):
            salida.write(("," if n else "") + sangria + json.dumps(clave, ensure_ascii=False) + ": ")
            escribir(elemento, salida, nivel + 1)
        salida.write("\n" + "  " * nivel + "}")
        return
    vacia = True
    for elemento in valor:
        salida.write(("[" if vacia else ",") + sangria)
        escribir(elemento, salida, nivel + 1)
        vacia = False
    salida.write("[]" if vacia else "\n" + "  " * nivel + "]")


def en_memoria(valor: Any) -> Any:
    """The document with every `Flujo` read into a list."""
    if isinstance(valor, Flujo):
        return [en_memoria(v) for v in valor]
    if isinstance(valor, dict):
        return {k: en_memoria(v) for k, v in valor.items()}
    if isinstance(valor, list):
        return [en_memoria(v) for v in valor]
    return valor


def escribir_documento(valor: Any, salida: TextIO) -> None:
    """A whole JSON output: the document and its final newline."""
    escribir(valor, salida)
    salida.write("\n")


def como_texto(valor: Any) -> str:
    salida = io.StringIO()
    escribir_documento(valor, salida)
    return salida.getvalue()
