"""Plain text output for logs: one table row per finding, no color, then the summary."""

from __future__ import annotations

from typing import TextIO

from tabulate import tabulate

from auditor.idioma import tr
from auditor.resultado.ejecucion import Resultado
from auditor.salidas import suprimidos
from auditor.salidas.resumen import lineas_resumen


def _corto(texto: str | None, limite: int = 200) -> str:
    if not texto:
        return ""
    texto = " ".join(texto.split())
    return texto if len(texto) <= limite else texto[: limite - 1] + "…"


def render(resultado: Resultado) -> str:
    filas = [
        [f.lugar, f.severidad.etiqueta, f.regla, f.meta or "-", f.campo or "-", f.mensaje, _corto(f.texto)]
        for f in resultado.hallazgos()
    ]
    partes = []
    if filas:
        partes.append(tabulate(filas, headers=[tr("lugar"), tr("severidad"), tr("regla"), tr("meta"), tr("campo"), tr("mensaje"), tr("texto")], tablefmt="simple"))
    partes.extend(suprimidos.lineas_lista(resultado))
    partes.extend(lineas_resumen(resultado))
    partes.extend(suprimidos.lineas_resumen(resultado))
    return "\n".join(partes) + "\n"


def escribir(resultado: Resultado, destino: TextIO) -> None:
    """The same text, written to `destino`."""
    destino.write(render(resultado))
