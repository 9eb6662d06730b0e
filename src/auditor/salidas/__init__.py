"""Reporters: from the audit result to text. One module per format, each one a `Salida`.

Every module named in `FORMATOS` exposes ``render(resultado) -> str`` and ``escribir(resultado,
destino)``, which writes the same text to a stream (see `auditor.salidas.protocolo`).  The formats
that a large run uses (json, sarif, csv, github) write as they go, one report at a time, so that
their memory does not grow with the corpus; the others write their whole text.  `salida_de` imports
only the module asked for (start-up stays fast).  The terminal report printed in color is the
command line's own case (``rich_consola.imprimir``).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from auditor.idioma import diferida

if TYPE_CHECKING:
    from auditor.salidas import csv_filas, github, html_pagina, json_documento, junit, markdown, rich_consola, sarif, texto
    from auditor.salidas.protocolo import Salida

    # mypy checks that every format module is a Salida
    _MODULOS: tuple[Salida, ...] = (rich_consola, texto, json_documento, sarif, junit, github, markdown, csv_filas, html_pagina)

# format name -> (module in this package, what it is for, as `--help` shows it: in Spanish, translated when shown)
FORMATOS: dict[str, tuple[str, str]] = {
    "rich": ("rich_consola", diferida("informe en la terminal")),
    "text": ("texto", diferida("tabla sin color para registros")),
    "json": ("json_documento", diferida("documento estable con esquema")),
    "sarif": ("sarif", diferida("SARIF 2.1.0 para GitHub code scanning y otras herramientas")),
    "junit": ("junit", diferida("JUnit XML para tableros de CI: un caso por meta y familia de reglas")),
    "github": ("github", diferida("anotaciones de GitHub Actions")),
    "markdown": ("markdown", diferida("comentario para un pull request")),
    "csv": ("csv_filas", diferida("una fila por hallazgo, para hojas de cálculo")),
    "html": ("html_pagina", diferida("página autónoma para la oficina de planeación, con semáforo y matriz de completitud")),
}


def salida_de(formato: str) -> Salida:
    """The output of `formato` (its module, imported now)."""
    modulo: Salida = import_module(f".{FORMATOS[formato][0]}", __name__)
    return modulo
