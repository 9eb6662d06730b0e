"""`auditor check fixtures/ --plan fixtures/plan/…` end to end (issue 17): the discrepancies planted in the
constructed Plan Indicativo (fixtures/plan/README.md) are found at their places in the report and in the plan, and
nothing else changes: every finding of the run without a plan is still there, but for the one percentage the plan
decides instead (PCT002 → PLN006 on meta 660); the same with the .xlsx and the .csv, with -j1 and -j2, in any order
of the arguments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from auditor.cli import main

from .conftest import FIXTURES

HOJA = "PLAN INDICATIVO - PRODUCTOS"
DE, FR, CU = "desarrollo_economico_2024_2025.yaml", "fronteras_2024.yaml", "limpio_cultura_2024_2025.yaml"

# (rule, report file, line, meta, field, plan row in the .xlsx, plan row in the .csv)
ESPERADOS = [
    ("PLN001", DE, 5, "116", "secretaria", 20, 17),  # omitted: the report jumps from 15 to 18
    ("PLN001", DE, 5, "117", "secretaria", 21, 18),
    ("PLN010", DE, 16, None, "numeracion_metas", None, None),  # numbered 1..20: matched by description, said once
    ("PLN005", DE, 71, "1", "cumplimiento_periodo", 5, 2),  # programmed 1 + 2: 2 / 3 = 66,7 %, stated 100 %
    ("PLN006", DE, 569, "14", "avance_cuatrienio", 18, 15),  # 60 / 200 = 30 %, stated 24 %
    ("PLN004", FR, 61, "660", "meta_cuatrienio.cantidad", 26, 23),  # 4.500 in the report, 5.000 in the plan
    ("PLN006", FR, 67, "660", "avance_cuatrienio", 26, 23),  # replaces PCT002: the plan's target decides
    ("PLN008", FR, 104, "661", "inversion.programada", 27, 24),  # $16.5 against the plan's 26,5
    ("PLN003", FR, 157, "670", "nombre", 29, 26),  # the plan's 670 is another meta
    ("PLN007", FR, 196, "671", "logro.cantidad", 30, 27),  # 2024 NP and an achievement
    ("PLN010", CU, 10, None, "numeracion_metas", None, None),  # the clean report: one note, nothing on its metas
]


def _correr(*args: str) -> dict[str, Any]:
    r = CliRunner().invoke(main, ["check", *args, "--format", "json"])
    assert r.exit_code == 1, r.output + r.stderr
    return json.loads(r.output)  # type: ignore[no-any-return]


def _clave(f: dict[str, Any]) -> tuple[Any, ...]:
    return (f["rule"], Path(f["file"]).name, f["line"], f.get("meta"), f.get("field"), f["message"])


@pytest.mark.parametrize("archivo, columna", [("plan_indicativo.xlsx", 5), ("plan_indicativo.csv", 6)])
def test_lo_sembrado_y_nada_mas(archivo: str, columna: int) -> None:
    plan = FIXTURES / "plan" / archivo
    con = _correr(str(FIXTURES), "--plan", str(plan))
    sin = _correr(str(FIXTURES))
    pln = [f for f in con["findings"] if f["rule"].startswith("PLN")]
    del_informe = [(r, Path(f["file"]).name, f["line"], f.get("meta"), f.get("field"), (f.get("plan") or {}).get("row"))
                   for f in pln if (r := f["rule"]) != "PLN009"]
    assert del_informe == [(r, a, linea, m, c, fila[columna - 5]) for r, a, linea, m, c, *fila in ESPERADOS]
    # in the plan itself: meta 112's 2026 sources add up to 1.600 and its Total says 1.500
    (fuentes,) = [f for f in pln if f["rule"] == "PLN009"]
    assert (Path(fuentes["file"]).name, fuentes["meta"], fuentes["line"]) == (archivo, "112", 16 if columna == 5 else 13)
    assert "Recursos propios 2026: 1.500, Otros 2026: 100" in fuentes["message"] and "$1.500 millones" in fuentes["message"]
    # every second place names the plan's file and sheet
    for f in pln:
        if f.get("plan"):
            assert Path(f["plan"]["file"]).name == archivo
            assert f["plan"]["sheet"] == (HOJA if archivo.endswith(".xlsx") else archivo)
    # nothing else changes, but PCT002 on 660's avance, which the plan decides instead
    antes = {_clave(f) for f in sin["findings"]}
    despues = {_clave(f) for f in con["findings"] if not f["rule"].startswith("PLN")}
    assert antes - despues == {k for k in antes if k[0] == "PCT002" and k[3] == "660" and k[4] == "avance_cuatrienio"}
    assert len(antes - despues) == 1 and despues <= antes


def test_la_formula_y_el_plan_en_el_mensaje() -> None:
    con = _correr(str(FIXTURES / DE), "--plan", str(FIXTURES / "plan" / "plan_indicativo.xlsx"))
    (f,) = [f for f in con["findings"] if f["rule"] == "PLN005"]
    assert "declara 100%" in f["message"] and "66,7%" in f["message"] and "celda O5" in f["message"]
    assert "acumulado (flujo)" in f["message"] and "R / P" in f["message"]
    assert f["plan"] == {"file": str(FIXTURES / "plan" / "plan_indicativo.xlsx"), "sheet": HOJA, "row": 5, "column": "O"}


def test_los_mismos_bytes_con_dos_procesos_y_en_otro_orden() -> None:
    plan = str(FIXTURES / "plan" / "plan_indicativo.xlsx")
    archivos = [str(FIXTURES / a) for a in (DE, FR, CU)]
    salidas = set()
    for trabajos, orden in (("1", archivos), ("2", archivos[::-1])):
        r = CliRunner().invoke(main, ["check", *orden, "--plan", plan, "--format", "sarif", "-j", trabajos])
        assert r.exit_code == 1
        salidas.add(r.output)
    assert len(salidas) == 1


def test_resumen_con_el_plan_dice_que_metas_de_cada_secretaria_se_informaron() -> None:
    r = CliRunner().invoke(main, ["summary", str(FIXTURES), "--plan", str(FIXTURES / "plan" / "plan_indicativo.xlsx"),
                                  "--format", "json"])
    assert r.exit_code == 0, r.output + r.stderr
    plan = json.loads(r.output)["plan"]
    por_secretaria = {s["secretaria"]: s for s in plan["secretarias"]}
    de = por_secretaria["Secretaría de Desarrollo Económico y Productividad"]
    assert (de["reported"], de["metas_total"]) == (18, 20)
    metas = {m["meta"]: [(Path(x["file"]).name, x["meta"]) for x in m["reported_in"]] for m in de["metas"]}
    assert metas["101"] == [(DE, "1")] and metas["120"] == [(DE, "20")]
    assert metas["116"] == [] and metas["117"] == []  # the two omitted
    cultura = por_secretaria["Secretaría de Cultura"]
    assert (cultura["reported"], cultura["metas_total"]) == (3, 3)
    assert por_secretaria["Secretaría de Agricultura y Desarrollo Rural"]["reported"] == 0  # no report of it: listed, not a finding


@pytest.mark.parametrize("formato", ["html", "rich"])
def test_las_metas_omitidas_se_muestran_aunque_el_informe_no_las_tenga(formato: str) -> None:
    """PLN001 names a meta the report lacks: the page and the terminal show its findings under 'Meta 116 · no está en
    el informe' (the html page listed only the report's own metas, and left them out)."""
    r = CliRunner().invoke(main, ["check", str(FIXTURES / DE), "--plan", str(FIXTURES / "plan" / "plan_indicativo.xlsx"),
                                  "--format", formato, "--no-cache"])
    assert r.exit_code == 1
    assert "Meta 116 · no está en el informe" in r.output and "La meta 116 del Plan Indicativo" in r.output
    assert "Meta 116 · \n" not in r.output
