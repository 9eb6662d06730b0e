"""Reporters: pure functions from the audit result to text. One module per format.

Each module named in `FORMATOS` exposes ``render(resultado) -> str``; the CLI imports
only the one asked for (start-up stays fast) and writes its text to stdout or, with
``--output``, atomically to a file.  Formats that a large run uses (json, sarif, csv, github) also
expose ``escribir(resultado, salida)``, which writes the same bytes as it goes, one report at a
time, so that their memory does not grow with the corpus.  The terminal report (rich) also prints directly,
in color, when it goes to a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from auditor.resultado.ejecucion import Resultado

# format name -> (module in this package, what it is for, as `--help` shows it)
FORMATOS: dict[str, tuple[str, str]] = {
    "rich": ("rich_consola", "informe en la terminal"),
    "text": ("texto", "tabla sin color para registros"),
    "json": ("json_documento", "documento estable con esquema"),
    "sarif": ("sarif", "SARIF 2.1.0 para GitHub code scanning y otras herramientas"),
    "junit": ("junit", "JUnit XML para tableros de CI: un caso por meta y familia de reglas"),
    "github": ("github", "anotaciones de GitHub Actions"),
    "markdown": ("markdown", "comentario para un pull request"),
    "csv": ("csv_filas", "una fila por hallazgo, para hojas de cálculo"),
    "html": ("html_pagina", "página autónoma para la oficina de planeación, con semáforo y matriz de completitud"),
}


def renderizar(formato: str, resultado: Resultado) -> str:
    """The whole output of `formato` as text (the rich report without color)."""
    modulo = import_module(f".{FORMATOS[formato][0]}", __name__)
    texto: str = modulo.render_texto(resultado) if formato == "rich" else modulo.render(resultado)
    return texto


def escritor(formato: str, resultado: Resultado) -> Callable[[TextIO], None]:
    """What writes the output of `formato` to a stream: as it goes where the format can, else its whole text."""
    modulo = import_module(f".{FORMATOS[formato][0]}", __name__)
    if formato != "rich" and hasattr(modulo, "escribir"):
        return partial(modulo.escribir, resultado)

    def entero(salida: TextIO) -> None:
        salida.write(renderizar(formato, resultado))
    return entero
