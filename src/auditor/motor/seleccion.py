"""``check --select/--ignore``: rule ids or prefixes, like ruff.

A library module: it never prints.  ``resolver`` turns the option values into the set of
rule ids the engine runs (``Auditor.seleccion``); ``--statistics`` is an output (auditor.salidas.estadisticas).
Input rules (ENT, category ``input_error``) are always reported: a file that cannot be read
must never pass silently because of a selection.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from auditor.idioma import tr
from auditor.reglas.catalogo import Catalogo
from auditor.reglas.observacion import Categoria


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
