"""``check --select/--ignore`` (rule ids or prefixes, like ruff) and ``--statistics``.

A library module: it never prints.  ``resolver`` turns the option values into the set of
rule ids the engine runs (``Auditor.seleccion``); ``estadisticas`` counts findings per rule.
Input rules (ENT, category ``input_error``) are always reported: a file that cannot be read
must never pass silently because of a selection.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Iterable

from auditor.idioma import tr
from auditor.reglas.catalogo import Catalogo
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.ejecucion import Resultado


class ErrorSeleccion(ValueError):
    """An id or prefix in --select/--ignore that names no rule."""


def _valores(opciones: Iterable[str]) -> list[str]:
    """``--select CNT,PCT001 --select FEC`` -> ['CNT', 'PCT001', 'FEC'] (case-insensitive)."""
    return [v.strip().upper() for opcion in opciones for v in opcion.split(",") if v.strip()]


def _expandir(catalogo: Catalogo, valor: str, opcion: str) -> set[str]:
    ids = {i for i in catalogo.reglas if i.startswith(valor)}
    if not ids:
        candidatos = sorted({*catalogo.reglas, *(i[:3] for i in catalogo.reglas)})
        pista = difflib.get_close_matches(valor, candidatos, n=1, cutoff=0.5)
        if pista:
            raise ErrorSeleccion(tr("{opcion}: no hay reglas con id o prefijo '{valor}'; ¿quiso decir '{pista}'? (vea 'auditor rules')",
                                    opcion=opcion, valor=valor, pista=pista[0]))
        raise ErrorSeleccion(tr("{opcion}: no hay reglas con id o prefijo '{valor}' (vea 'auditor rules')", opcion=opcion, valor=valor))
    if all(catalogo.reglas[i].categoria is Categoria.INPUT_ERROR for i in ids):
        raise ErrorSeleccion(tr(
            "{opcion}: '{valor}' son reglas de entrada ({ids}), que se informan siempre; para silenciar una que no sea "
            "un error, desactívela en la configuración (reglas: {{ENT005: false}})",
            opcion=opcion, valor=valor, ids=", ".join(sorted(ids)),
        ))
    return ids


def resolver(catalogo: Catalogo, seleccionar: Iterable[str], ignorar: Iterable[str]) -> set[str] | None:
    """The rule ids to run: those selected (all, if none is) minus those ignored; None: no restriction."""
    elegidos, ignorados = _valores(seleccionar), _valores(ignorar)
    if not elegidos and not ignorados:
        return None
    ids = set(catalogo.reglas)
    if elegidos:
        ids = set().union(*(_expandir(catalogo, v, "--select") for v in elegidos))
    for valor in ignorados:
        ids -= _expandir(catalogo, valor, "--ignore")
    return ids


def estadisticas(resultado: Resultado) -> list[tuple[str, int, Severidad]]:
    """(rule, count, most serious severity) for each rule with findings: most frequent first, then by id."""
    cuenta = Counter(f.regla for f in resultado.hallazgos())
    severidad: dict[str, Severidad] = {}
    for f in resultado.hallazgos():
        if f.regla not in severidad or f.severidad.rango > severidad[f.regla].rango:
            severidad[f.regla] = f.severidad
    return [(regla, n, severidad[regla]) for regla, n in sorted(cuenta.items(), key=lambda par: (-par[1], par[0]))]


def render_estadisticas(resultado: Resultado, catalogo: Catalogo, formato: str) -> str:
    """The counts per rule as a table (``text``) or a JSON list (``json``)."""
    filas = estadisticas(resultado)

    def nombre(regla: str) -> str:
        return catalogo.reglas[regla].nombre if regla in catalogo.reglas else ""

    if formato == "json":
        documento = [{"rule": r, "name": nombre(r), "severity": s.value, "count": n} for r, n, s in filas]
        return json.dumps(documento, ensure_ascii=False, indent=2) + "\n"
    from tabulate import tabulate

    total = sum(n for _, n, _ in filas)
    tabla = tabulate(
        [[r, nombre(r), s.etiqueta, n] for r, n, s in filas],
        headers=tr("regla|nombre|severidad|hallazgos").split("|"), tablefmt="simple",
        colalign=("left", "left", "left", "right"),
    ) if filas else ""
    return (tabla + "\n" if tabla else "") + tr("Total: {n} hallazgos", n=total) + "\n"
