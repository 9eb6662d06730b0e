"""JSON written as it goes: the bytes of ``json.dumps(valor, ensure_ascii=False, indent=2)``, where
the long lists of a large run (findings, SARIF results) are `Flujo`s read one element at a time.

The json and sarif reporters describe their document with `Flujo` in place of those lists; `escribir`
streams it to a file, `en_memoria` gives the plain document (lists) for a library caller.
"""

from __future__ import annotations

import io
import json
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
    """`valor` as json.dumps(indent=2) writes it `nivel` levels deep (a JSON string never holds a raw newline)."""
    return json.dumps(valor, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * nivel)


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
