"""What the human-readable reporters say about suppressed findings: a count in the summary,
the baseline's fixed entries, and (with ``check --show-suppressed``) the list with reasons."""

from __future__ import annotations

from collections import Counter

from tabulate import tabulate

from auditor.idioma import diferida, tr
from auditor.lectura.visible import visible
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import CONFIGURACION, EN_LINEA, LINEA_BASE, nombre_tipo


def lineas_resumen(resultado: Resultado) -> list[str]:
    """The summary lines about suppressions (none when nothing was suppressed and no baseline was used)."""
    lineas = []
    suprimidos = resultado.suprimidos
    if suprimidos:
        cuenta = Counter(s.tipo for s in suprimidos)
        detalle = ", ".join(f"{nombre_tipo(t)} {cuenta[t]}" for t in (EN_LINEA, CONFIGURACION, LINEA_BASE) if cuenta[t])
        lineas.append(tr("Suprimidos: {n} ({detalle}); no cuentan para el resultado", n=len(suprimidos), detalle=detalle)
                      + ("" if resultado.mostrar_suprimidos else tr(" (véalos con --show-suppressed)")))
    if resultado.linea_base and resultado.linea_base_corregidos:
        plantilla = (diferida("{n} hallazgo de la línea base ya se corrigió: actualícela con --write-baseline {archivo}")
                     if resultado.linea_base_corregidos == 1 else
                     diferida("{n} hallazgos de la línea base ya se corrigieron: actualícela con --write-baseline {archivo}"))
        lineas.append(tr(plantilla, n=resultado.linea_base_corregidos, archivo=visible(resultado.linea_base)))
    return lineas


def tabla(resultado: Resultado) -> str:
    """The suppressed findings, one row each, with the kind, the source and the reason."""
    filas = [
        [s.hallazgo.lugar, s.hallazgo.regla, visible(s.hallazgo.meta or "-"), visible(s.hallazgo.campo or "-"), nombre_tipo(s.tipo),
         visible(s.origen), visible(s.motivo)]
        for s in resultado.suprimidos
    ]
    cabecera = [tr("lugar"), tr("regla"), tr("meta"), tr("campo"), tr("supresión"), tr("origen"), tr("motivo")]
    return tabulate(filas, headers=cabecera, tablefmt="simple")


def lineas_lista(resultado: Resultado) -> list[str]:
    """The list for ``--show-suppressed`` (nothing without the flag or without suppressed findings)."""
    if not resultado.mostrar_suprimidos or not resultado.suprimidos:
        return []
    return ["", tr("Hallazgos suprimidos ({n}):", n=len(resultado.suprimidos)), tabla(resultado)]
