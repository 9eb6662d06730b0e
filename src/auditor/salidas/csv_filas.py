"""CSV output: one row per finding, for auditors' spreadsheets.

RFC 4180 through the csv module: comma separator, fields quoted when needed, CRLF line ends.
Starts with a UTF-8 byte order mark, which Excel needs to read accents right in a UTF-8 CSV.
The header follows the language of the run (it is for people); the values are the findings' (the
file's name as every output shows it, `lectura.visible`; a lone surrogate, which UTF-8 cannot carry,
escaped the same way).
A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
``'`` so that a spreadsheet shows the report's text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
from typing import TextIO

from auditor.idioma import tr
from auditor.lectura.visible import codificable, visible
from auditor.resultado.ejecucion import Resultado

BOM = "\ufeff"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def encabezado(con_plan: bool = False) -> list[str]:
    """The header; a last column `plan` (each finding's second place) when the run was checked against a Plan Indicativo."""
    # one template for the whole header: single words ("meta") may have other translations elsewhere
    columnas = tr("archivo|linea|ubicacion|informe|meta|campo|regla|categoria|severidad|mensaje|texto").split("|")
    return [*columnas, tr("plan")] if con_plan else columnas


def segura(valor: str) -> str:
    """The value as a spreadsheet should show it: never a formula."""
    return "'" + valor if valor.startswith(_FORMULA) else valor


def escribir(resultado: Resultado, salida: TextIO) -> None:
    """Write the rows as they go, one report's findings in memory at a time."""
    salida.write(BOM)
    escritor = csv.writer(salida, lineterminator="\r\n")
    con_plan = resultado.plan_indicativo is not None
    escritor.writerow(encabezado(con_plan))
    for r in resultado.informes:
        for f in r.hallazgos:
            plan = (f.plan.descripcion() if f.plan is not None else "",) if con_plan else ()
            escritor.writerow([segura(codificable(v)) for v in (
                visible(f.archivo), str(f.linea), f.ubicacion or "", r.informe_nombre or "", f.meta or "", f.campo or "", f.regla,
                f.categoria.value, f.severidad.etiqueta, f.mensaje, f.texto or "", *plan,
            )])


def render(resultado: Resultado) -> str:
    salida = io.StringIO()
    escribir(resultado, salida)
    return salida.getvalue()
