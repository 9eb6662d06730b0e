"""``check --statistics``: how many findings of each rule, as a table (``text``) or a JSON list (``json``)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Literal, TextIO

from auditor.idioma import tr
from auditor.reglas.catalogo import Catalogo
from auditor.reglas.observacion import Severidad
from auditor.resultado.ejecucion import Resultado


def estadisticas(resultado: Resultado) -> list[tuple[str, int, Severidad]]:
    """(rule, count, most serious severity) for each rule with findings: most frequent first, then by id."""
    cuenta = Counter(f.regla for f in resultado.hallazgos())
    severidad: dict[str, Severidad] = {}
    for f in resultado.hallazgos():
        if f.regla not in severidad or f.severidad.rango > severidad[f.regla].rango:
            severidad[f.regla] = f.severidad
    return [(regla, n, severidad[regla]) for regla, n in sorted(cuenta.items(), key=lambda par: (-par[1], par[0]))]


@dataclass(frozen=True)
class Estadisticas:
    """The counts per rule as a `Salida` (auditor.salidas.protocolo); the catalog names each rule."""

    catalogo: Catalogo
    formato: Literal["text", "json"] = "text"

    def _nombre(self, regla: str) -> str:
        return self.catalogo.reglas[regla].nombre if regla in self.catalogo.reglas else ""

    def render(self, resultado: Resultado, /) -> str:
        filas = estadisticas(resultado)
        if self.formato == "json":
            documento = [{"rule": r, "name": self._nombre(r), "severity": s.value, "count": n} for r, n, s in filas]
            return json.dumps(documento, ensure_ascii=False, indent=2) + "\n"
        from tabulate import tabulate

        total = sum(n for _, n, _ in filas)
        tabla = tabulate(
            [[r, self._nombre(r), s.etiqueta, n] for r, n, s in filas],
            headers=tr("regla|nombre|severidad|hallazgos").split("|"), tablefmt="simple",
            colalign=("left", "left", "left", "right"),
        ) if filas else ""
        return (tabla + "\n" if tabla else "") + tr("Total: {n} hallazgos", n=total) + "\n"

    def escribir(self, resultado: Resultado, destino: TextIO, /) -> None:
        destino.write(self.render(resultado))
