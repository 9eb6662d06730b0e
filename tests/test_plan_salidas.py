"""A finding's second place, the Plan Indicativo's cell it contradicts, in every output (issue 17).

A small rule made for these tests names a cell of the plan (`Observacion.en_plan`), the way the PLN rules do; it is
run through the command line (the result store on disk, two worker processes) with a plan written here. Every
format shows the plan's sheet and row; findings without a second place show none, and the JSON has no `plan` key.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from auditor.modelo.informe import Informe
from auditor.modelo.plan import Celda
from auditor.reglas import incluidas
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad
from auditor.resultado.deposito import InformesEnDisco
from auditor.resultado.hallazgo import Hallazgo, LugarEnPlan
from auditor.resultado.informe import ResultadoInforme
from auditor.salidas.anotado import anotar

from .conftest import FIXTURES, RAIZ, correr
from .test_anotado import _borrador, _linea, de_auditor
from .test_plan_lectura import HOJA, fila_kpt, kpt

ESQUEMA_JSON = json.loads((RAIZ / "docs" / "salida-json.schema.json").read_text(encoding="utf-8"))
ESQUEMA_SARIF = json.loads((RAIZ / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
EN_CELDA = f"Plan Indicativo: hoja {HOJA}, fila 5, columna L"
EN_FILA = f"Plan Indicativo: hoja {HOJA}, fila 5"
EN_INGLES = f"Plan Indicativo: sheet {HOJA}, row 5, column L"


class ContraElPlan(Regla):
    """For these tests: the first meta of each report against the plan's first meta (its four-year target's cell, and
    its whole row); nothing without a plan."""

    id = "TST901"
    nombre = "prueba-contra-el-plan"
    categoria = Categoria.MISSING_TARGET
    severidad = Severidad.WARNING
    mensaje = "Prueba"
    doc = Documentacion(que_revisa="Prueba.", por_que="Prueba.", ejemplo_falla="metas: []\n", ejemplo_pasa="metas: []\n")

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        if contexto.plan is None or not informe.metas:
            return
        meta = contexto.plan.metas[0]
        yield Observacion("La meta cuatrienio no es la del plan", "meta_cuatrienio", 0, None, en_plan=meta.celdas["meta_cuatrienio"])
        yield Observacion("La meta no está en el plan", "", 0, en_plan=meta.fila)


@pytest.fixture()
def con_regla(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(incluidas, "CHEQUEOS", (*incluidas.CHEQUEOS, ContraElPlan))


@pytest.fixture()
def plan(tmp_path: Path) -> Path:
    return kpt(tmp_path, fila_kpt(80, "Apoyar 100 emprendimientos", cuatrienio="5.000"))


def _check(*args: str) -> str:
    """The fixtures checked with the test rule and without the plan rules (PLN…), whose own findings test_plan_revision
    checks: here only the second place of a finding is under test."""
    codigo, salida, error = correr("check", str(FIXTURES), "-j", "2", "--ignore", "PLN", *args)
    assert codigo == 1, error
    return salida


def test_json_lleva_el_segundo_lugar_y_valida_contra_el_esquema(con_regla: None, plan: Path) -> None:
    salida = _check("--plan", str(plan), "--format", "json")
    assert _check("--plan", str(plan), "--format", "json", "-j", "1") == salida  # one process or two: the same bytes
    documento = json.loads(salida)
    jsonschema.validate(documento, ESQUEMA_JSON)
    propios = [f for f in documento["findings"] if f["rule"] == "TST901"]
    assert len(propios) == 6 and len(documento["findings"]) == 64 + 6
    assert {json.dumps(f["plan"]) for f in propios} == {
        json.dumps({"file": str(plan), "sheet": HOJA, "row": 5, "column": "L"}),
        json.dumps({"file": str(plan), "sheet": HOJA, "row": 5, "column": None})}
    assert not any("plan" in f for f in documento["findings"] if f["rule"] != "TST901")


def test_sin_plan_ningun_hallazgo_tiene_segundo_lugar(con_regla: None) -> None:
    documento = json.loads(_check("--format", "json"))
    assert len(documento["findings"]) == 64 and not any("plan" in f for f in documento["findings"])
    for formato in ("text", "markdown", "html", "github", "junit", "csv", "sarif", "rich"):
        assert "Plan Indicativo" not in _check("--format", formato), formato
    assert next(csv.reader(io.StringIO(_check("--format", "csv").removeprefix("\ufeff")))) == [
        "archivo", "linea", "ubicacion", "informe", "meta", "campo", "regla", "categoria", "severidad", "mensaje", "texto"]


def test_sarif_lo_da_como_ubicacion_relacionada(con_regla: None, plan: Path) -> None:
    documento = json.loads(_check("--plan", str(plan), "--format", "sarif"))
    jsonschema.Draft4Validator(ESQUEMA_SARIF).validate(documento)
    resultados = documento["runs"][0]["results"]
    propios = [r for r in resultados if r["ruleId"] == "TST901"]
    assert len(propios) == 6
    relacionada = propios[0]["relatedLocations"]
    assert relacionada[0]["physicalLocation"]["artifactLocation"] == {"uri": "file://" + str(plan)}
    assert {r["relatedLocations"][0]["message"]["text"] for r in propios} == {EN_CELDA, EN_FILA}
    assert {r["relatedLocations"][0]["properties"]["column"] for r in propios} == {"L", None}
    assert not any("relatedLocations" in r for r in resultados if r["ruleId"] != "TST901")


@pytest.mark.parametrize("formato", ["text", "rich", "markdown", "html", "github", "junit"])
def test_cada_formato_para_personas_nombra_la_hoja_y_la_fila(con_regla: None, plan: Path, formato: str) -> None:
    salida = _check("--plan", str(plan), "--format", formato)
    assert salida.count(EN_CELDA) == 3 and salida.count(EN_FILA) == 6  # each report's first meta: its cell, and its row
    ingles = _check("--plan", str(plan), "--format", formato, "--lang", "en")
    assert ingles.count(EN_INGLES) == 3 and "Plan Indicativo: hoja" not in ingles


def test_quiet_lo_dice_al_final_de_la_linea(con_regla: None, plan: Path) -> None:
    lineas = [linea for linea in _check("--plan", str(plan), "-q").splitlines() if " TST901 " in linea]
    assert len(lineas) == 6 and all(linea.endswith(")") for linea in lineas)
    assert sum(linea.endswith(f"({EN_CELDA})") for linea in lineas) == 3


def test_csv_tiene_la_columna_plan_cuando_la_corrida_tiene_plan(con_regla: None, plan: Path) -> None:
    filas = list(csv.reader(io.StringIO(_check("--plan", str(plan), "--format", "csv").removeprefix("\ufeff"))))
    assert filas[0][-1] == "plan" and len(filas[0]) == 12
    propios = [f for f in filas[1:] if f[6] == "TST901"]
    assert sorted(f[-1] for f in propios) == [EN_FILA] * 3 + [EN_CELDA] * 3
    assert all(f[-1] == "" for f in filas[1:] if f[6] != "TST901")


def test_el_deposito_en_disco_conserva_el_segundo_lugar() -> None:
    lugar = LugarEnPlan("plan.xlsx", Celda(HOJA, 12, "N"))
    hallazgo = Hallazgo("PLN004", Categoria.MISSING_TARGET, Severidad.ERROR, "m", "a.yaml", 3, "7", "meta_cuatrienio", plan=lugar)
    deposito = InformesEnDisco()
    deposito.append(ResultadoInforme("a.yaml", None, [("7", "Meta")], [hallazgo], [], None))
    (leido,) = deposito[0].hallazgos
    assert leido.plan == lugar and (leido.plan.hoja, leido.plan.fila, leido.plan.columna) == (HOJA, 12, "N")


def test_el_borrador_anotado_lo_dice_en_el_comentario() -> None:
    contenido = _borrador()
    linea, ubicacion = _linea(contenido, "El cumplimiento es del 100% frente a lo programado en el periodo.")
    hallazgo = Hallazgo("PLN005", Categoria.PERCENTAGE_MISMATCH, Severidad.ERROR, "El cumplimiento no es el del plan", "b.docx", linea,
                        "1", "porcentaje_cumplimiento", "100%", ubicacion, LugarEnPlan("plan.xlsx", Celda(HOJA, 9, "N")))
    (comentario,) = de_auditor(anotar(contenido, [hallazgo]).contenido)
    assert comentario.texto == f"PLN005 · error: El cumplimiento no es el del plan (Plan Indicativo: hoja {HOJA}, fila 9, columna N)"
