"""A Plan Indicativo built in Python for the tests of the PLN rules (the reader of .xlsx files is `entrada.plan`).

`plan_de(datos)` takes what a rule case gives under ``plan:``: a list of metas, or a mapping with ``metas`` and
optionally ``archivo``, ``hoja`` and ``con_responsable`` (by default: whether any meta names a responsable). Each meta:
``numero``, ``descripcion``, ``fila`` and optionally ``responsable``, ``unidad``, ``linea_base``, ``meta_cuatrienio``,
``acumulacion`` (flujo, capacidad, mantenimiento, reduccion), ``programacion`` ({año: número o "NP"}) and ``recursos``
({año: {fuentes: {fuente: millones}, total: millones}}). The cells are those of a KPT export with these columns.
"""

from __future__ import annotations

from typing import Any

from auditor.modelo.plan import Acumulacion, Celda, MetaPlan, PlanIndicativo, Programado, Recursos

HOJA = "PLAN INDICATIVO - PRODUCTOS"
COLUMNAS = {"descripcion": "I", "unidad": "J", "linea_base": "K", "meta_cuatrienio": "L", "acumulacion": "M"}
PROGRAMACION = {2024: "N", 2025: "O", 2026: "P", 2027: "Q"}
TOTAL = {2024: "Z", 2025: "AI", 2026: "AR", 2027: "BA"}


def meta_de(d: dict[str, Any], hoja: str = HOJA) -> MetaPlan:
    fila = int(d["fila"])
    programacion = {int(a): Programado(None, Celda(hoja, fila, PROGRAMACION.get(int(a))), True) if str(v).upper() == "NP"
                    else Programado(float(v), Celda(hoja, fila, PROGRAMACION.get(int(a))))
                    for a, v in (d.get("programacion") or {}).items()}
    recursos = {int(a): Recursos({f: float(x) for f, x in (r.get("fuentes") or {}).items()},
                                 None if r.get("total") is None else float(r["total"]), Celda(hoja, fila, TOTAL.get(int(a))))
                for a, r in (d.get("recursos") or {}).items()}
    return MetaPlan(
        numero=str(d["numero"]), descripcion=d["descripcion"], fila=Celda(hoja, fila), responsable=d.get("responsable"),
        unidad=d.get("unidad"), linea_base=d.get("linea_base"), meta_cuatrienio=d.get("meta_cuatrienio"),
        acumulacion=Acumulacion(d["acumulacion"]) if d.get("acumulacion") else None, programacion=programacion,
        recursos=recursos, celdas={campo: Celda(hoja, fila, columna) for campo, columna in COLUMNAS.items()},
    )


def plan_de(datos: list[dict[str, Any]] | dict[str, Any]) -> PlanIndicativo:
    general = {"metas": datos} if isinstance(datos, list) else datos
    hoja = general.get("hoja", HOJA)
    metas = tuple(meta_de(m, hoja) for m in general["metas"])
    con_responsable = general.get("con_responsable", any(m.responsable for m in metas))
    return PlanIndicativo(general.get("archivo", "plan_indicativo.xlsx"), hoja, metas, con_responsable)
