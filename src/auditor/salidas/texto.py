"""Plain text output for logs: one table row per finding, no color, then the summary."""

from __future__ import annotations

from typing import TextIO

from tabulate import tabulate

from auditor.idioma import tr
from auditor.lectura.recorte import acortar
from auditor.lectura.visible import visible
from auditor.resultado.ejecucion import Resultado
from auditor.salidas import para_personas, suprimidos
from auditor.salidas.resumen import lineas_resumen

LIMITE_CITA = 200


def render(resultado: Resultado) -> str:
    filas = [
        [f.lugar, f.severidad.etiqueta, f.regla, visible(f.meta or "-"), visible(para_personas.campo(f) or "-"),
         visible(f.mensaje) + (f"\n{visible(f.plan.descripcion())}" if f.plan is not None else ""),  # the second place below
         visible(acortar(f.texto or "", LIMITE_CITA))]
        for f in resultado.hallazgos()
    ]
    partes = []
    if filas:
        partes.append(tabulate(filas, headers=[tr("lugar"), tr("severidad"), tr("regla"), tr("meta"), tr("campo"), tr("mensaje"), tr("texto")], tablefmt="simple"))
    partes.extend(para_personas.lineas_que_hacer(resultado))
    partes.extend(suprimidos.lineas_lista(resultado))
    partes.extend(lineas_resumen(resultado))
    partes.extend(suprimidos.lineas_resumen(resultado))
    return visible("\n".join(partes), conservar="\n") + "\n"  # the lines of suppressions and summary as well


def escribir(resultado: Resultado, destino: TextIO) -> None:
    """The same text, written to `destino`."""
    destino.write(render(resultado))
