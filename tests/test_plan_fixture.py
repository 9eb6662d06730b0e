"""The Plan Indicativo fixture (fixtures/plan/): the committed .xlsx and .csv are what generar.py writes, and the
plan agrees with the three report fixtures everywhere except the discrepancies fixtures/plan/README.md says are
planted (each of which must still be there).  The percentages are recomputed here by hand, with the formulas of
the tipos de acumulación, independently of the rules that check them."""

from __future__ import annotations

import importlib.util
import sys
from difflib import SequenceMatcher
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl  # noqa: E402 - a dependency of the package (the plan reader)
import pytest
import yaml

from auditor.lectura.cifras import leer_monto, leer_numero, leer_porcentaje

from .conftest import FIXTURES

PLAN = FIXTURES / "plan"
ANOS = (2024, 2025, 2026, 2027)


def _generador() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generar_plan", PLAN / "generar.py")
    assert spec is not None and spec.loader is not None
    modulo = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modulo  # its dataclasses look their module up while being defined
    try:
        spec.loader.exec_module(modulo)
    finally:
        del sys.modules[spec.name]
    return modulo


def _celdas(ruta: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    libro = openpyxl.load_workbook(ruta, read_only=True)
    try:
        assert libro.sheetnames == ["PLAN INDICATIVO - PRODUCTOS"]
        return libro.sheetnames, list(libro["PLAN INDICATIVO - PRODUCTOS"].iter_rows(values_only=True))
    finally:
        libro.close()


def test_los_archivos_guardados_son_los_que_escribe_el_generador(tmp_path: Path) -> None:
    xlsx, csv = _generador().generar(tmp_path)
    assert _celdas(xlsx) == _celdas(PLAN / "plan_indicativo.xlsx"), "regenere: python fixtures/plan/generar.py"
    assert csv.read_bytes() == (PLAN / "plan_indicativo.csv").read_bytes(), "regenere: python fixtures/plan/generar.py"


def test_el_csv_tiene_lo_mismo_que_la_hoja() -> None:
    _, filas = _celdas(PLAN / "plan_indicativo.xlsx")
    lineas = (PLAN / "plan_indicativo.csv").read_text(encoding="utf-8").splitlines()
    assert [linea.split(";") for linea in lineas] == [
        ["" if v is None else str(v).replace(".", ",") if isinstance(v, float) else str(v) for v in fila]
        for fila in filas[3:]]


# --- the plan read back as the rules will see it -------------------------------------------------------------

def _valor(celda: Any) -> float | None:
    """A number cell or Colombian text ('5.000', '12,5', '$ 1.200'); None for NP."""
    if celda == "NP":
        return None
    if isinstance(celda, (int, float)):
        return float(celda)
    valor = leer_numero(str(celda).replace("$", "").strip())
    assert valor is not None, celda
    return valor


def _plan() -> dict[int, dict[str, Any]]:
    _, filas = _celdas(PLAN / "plan_indicativo.xlsx")
    encabezados = list(filas[3])
    metas: dict[int, dict[str, Any]] = {}
    for fila in filas[4:]:
        d = dict(zip(encabezados, fila, strict=True))
        metas[int(d["No. meta"])] = d
    return metas


TIPO = {"Acumulado": "flujo", "Flujo": "flujo", "Capacidad": "capacidad", "Stock": "capacidad",
        "Mantenimiento": "mantenimiento", "Reducción": "reduccion"}


def _porcentajes(meta: dict[str, Any], desde: int, hasta: int, logro: float) -> tuple[float, float]:
    """% de cumplimiento del periodo and % de avance del cuatrienio, by the meta's tipo de acumulación."""
    tipo = TIPO[meta["Tipo de acumulación"]]
    anos = [_valor(meta[f"Programación {a}"]) for a in range(desde, hasta + 1)]
    lb, mc = _valor(meta["Línea base"]) or 0.0, _valor(meta["Meta cuatrienio"])
    assert mc is not None
    if tipo == "flujo":
        p = sum(a for a in anos if a is not None)
        return 100 * logro / p, 100 * logro / mc
    p = anos[-1]
    assert p is not None
    if tipo == "capacidad":
        return 100 * (logro - lb) / (p - lb), 100 * (logro - lb) / (mc - lb)
    if tipo == "mantenimiento":
        return 100 * logro / p, 100 * logro / mc
    return 100 * (lb - logro) / (lb - p), 100 * (lb - logro) / (lb - mc)


def test_las_formulas_de_cada_tipo_a_mano() -> None:
    base = {f"Programación {a}": v for a, v in zip(ANOS, (10, 20, 30, 40), strict=True)}
    assert _porcentajes({**base, "Tipo de acumulación": "Flujo", "Línea base": 0, "Meta cuatrienio": 100}, 2024, 2025, 15) == (50, 15)
    assert _porcentajes({**base, "Tipo de acumulación": "Stock", "Línea base": 5, "Meta cuatrienio": 45}, 2024, 2025, 15) == (
        pytest.approx(100 * 10 / 15), 25)
    assert _porcentajes({**base, "Tipo de acumulación": "Mantenimiento", "Línea base": 0, "Meta cuatrienio": 40}, 2024, 2025, 20) == (100, 50)
    reduccion = {"Programación 2024": 12, "Programación 2025": 11.5, "Tipo de acumulación": "Reducción", "Línea base": "12,5",
                 "Meta cuatrienio": 10}
    assert _porcentajes(reduccion, 2024, 2025, 11.75) == (pytest.approx(75), pytest.approx(30))


def _informe(nombre: str) -> dict[str, Any]:
    with (FIXTURES / nombre).open(encoding="utf-8") as archivo:
        datos: dict[str, Any] = yaml.safe_load(archivo)
    return datos


def _clave(texto: str) -> str:
    return " ".join(texto.casefold().rstrip(".").split())


def _parejas() -> list[tuple[str, int, dict[str, Any], dict[str, Any], dict[str, Any]]]:
    """(report file, report meta number, report meta, plan meta, report) for every reported meta: the
    consecutively numbered reports by the plan's description (the fixture copies the report's names), the
    other one by the plan's number."""
    plan = _plan()
    por_descripcion = {_clave(m["Meta de producto"]): m for m in plan.values()}
    parejas = []
    for nombre in ("desarrollo_economico_2024_2025.yaml", "fronteras_2024.yaml", "limpio_cultura_2024_2025.yaml"):
        informe = _informe(nombre)
        for meta in informe["metas"]:
            if informe["numeracion_metas"] == "plan":
                en_plan = plan[meta["numero"]]
            else:
                en_plan = por_descripcion[_clave(meta["nombre"])]
            assert en_plan["Secretaría responsable"] == informe["secretaria"]
            parejas.append((nombre, meta["numero"], meta, en_plan, informe))
    return parejas


# the planted discrepancies of fixtures/plan/README.md: (report, report meta) -> what differs
SEMBRADAS = {
    ("desarrollo_economico_2024_2025.yaml", 1): "PLN005",
    ("desarrollo_economico_2024_2025.yaml", 14): "PLN006",
    ("fronteras_2024.yaml", 660): "PLN004",
    ("fronteras_2024.yaml", 661): "PLN008",
    ("fronteras_2024.yaml", 670): "PLN003",
    ("fronteras_2024.yaml", 671): "PLN007",
}


def _cerca(a: float, b: float) -> bool:
    return abs(a - b) < 0.5  # the stated figure is the recomputed one rounded (66,7 for 66,67; 26,6 for 26,56)


def test_el_plan_coincide_con_los_informes_salvo_lo_sembrado() -> None:
    hallado: dict[tuple[str, int], set[str]] = {}
    for nombre, numero, meta, en_plan, informe in _parejas():
        diferencias = hallado.setdefault((nombre, numero), set())
        if SequenceMatcher(None, _clave(meta["nombre"]), _clave(en_plan["Meta de producto"])).ratio() < 0.8:
            diferencias.add("PLN003")  # 660: '4.500 personas beneficias' and '5.000 personas beneficiadas' are alike (0,97)
        objetivo = meta.get("meta_cuatrienio") or {}
        if "cantidad" in objetivo:
            if _valor(objetivo["cantidad"]) != _valor(en_plan["Meta cuatrienio"]):
                diferencias.add("PLN004")
            assert objetivo["unidad"] == en_plan["Unidad de medida"]
        desde, hasta = informe["periodo"]["desde"], informe["periodo"]["hasta"]
        programado = [_valor(en_plan[f"Programación {a}"]) for a in range(desde, hasta + 1)]
        if "programado_periodo" in meta:
            assert float(meta["programado_periodo"]) == sum(p for p in programado if p is not None)
        logro = (meta.get("logro") or {}).get("cantidad")
        if logro is not None:
            if all(p is None for p in programado):
                diferencias.add("PLN007")
                continue
            cumplimiento, avance = _porcentajes(en_plan, desde, hasta, float(logro))
            if "cumplimiento_periodo" in meta and not _cerca(cumplimiento, leer_porcentaje(meta["cumplimiento_periodo"]).valor):
                diferencias.add("PLN005")
            if "avance_cuatrienio" in meta and not _cerca(avance, leer_porcentaje(meta["avance_cuatrienio"]).valor):
                diferencias.add("PLN006")
        inversion = meta.get("inversion") or {}
        if "programada" in inversion:
            total = sum(_valor(en_plan[f"Total {a}"]) or 0.0 for a in range(desde, hasta + 1))
            if abs(leer_monto(inversion["programada"]).valor - total) > 0.05:
                diferencias.add("PLN008")
    assert {clave: d for clave, d in hallado.items() if d} == {clave: {regla} for clave, regla in SEMBRADAS.items()}


def test_metas_del_plan_sin_informe_y_fuentes_que_no_suman() -> None:
    plan = _plan()
    informadas = {int(en_plan["No. meta"]) for *_, en_plan, _ in _parejas()}
    con_informe = {"Secretaría de Desarrollo Económico y Productividad", "Secretaría de Fronteras y Cooperación Internacional",
                   "Secretaría de Cultura"}
    omitidas = sorted(n for n, m in plan.items() if m["Secretaría responsable"] in con_informe and n not in informadas)
    assert omitidas == [116, 117]  # PLN001: the report's numbering jumps from 15 to 18
    fuentes = ("Recursos propios", "SGP Educación", "SGP Salud", "SGP Propósito general", "SGR", "Crédito", "Cofinanciación", "Otros")
    no_suman = [(n, a) for n, m in plan.items() for a in ANOS
                if abs(sum(_valor(m[f"{f} {a}"]) or 0.0 for f in fuentes) - (_valor(m[f"Total {a}"]) or 0.0)) > 0.005]
    assert no_suman == [(112, 2026)]  # PLN009
    for n, m in plan.items():  # a flujo meta's four-year target is the sum of its years
        if TIPO[m["Tipo de acumulación"]] == "flujo":
            assert sum(_valor(m[f"Programación {a}"]) or 0.0 for a in ANOS) == _valor(m["Meta cuatrienio"]), n
    assert set(TIPO[m["Tipo de acumulación"]] for m in plan.values()) == {"flujo", "capacidad", "mantenimiento", "reduccion"}
