"""What every output is: the whole text, or the same text written to a stream as it goes.

Each format module of `auditor.salidas.FORMATOS` is itself a `Salida` (module-level ``render`` and
``escribir``); the matrix of ``auditor summary`` and ``check --statistics`` give objects that are.
The command line calls them all the same way; the one exception is its own: the terminal report
printed in color (``rich_consola.imprimir``, ``matriz.imprimir``), which is no text to write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from auditor.resultado.ejecucion import Resultado


class Salida(Protocol):
    """An output format. ``escribir`` writes exactly the text ``render`` returns."""

    def render(self, resultado: Resultado, /) -> str:
        """The whole output as text."""
        ...

    def escribir(self, resultado: Resultado, destino: TextIO, /) -> None:
        """Write the output to `destino`; a format that a large run uses writes as it goes, one report at a time."""
        ...


@dataclass(frozen=True)
class DeTexto:
    """A `Salida` made of a function that gives its whole text (an output small enough to hold)."""

    texto: Callable[[Resultado], str]

    def render(self, resultado: Resultado, /) -> str:
        return self.texto(resultado)

    def escribir(self, resultado: Resultado, destino: TextIO, /) -> None:
        destino.write(self.texto(resultado))
