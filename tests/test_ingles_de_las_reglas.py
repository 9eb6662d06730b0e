"""English output for the count, date, place and name rules, the loader and the human reporters.

With ``--lang en`` every message of the CNT, FEC, LUG, NOM and ENT rules must come out of the
English catalog: these tests record every template looked up without a translation while those
rules run (on the fixtures, the seeds and the cases of tests/reglas/) and require none.  Spanish
stays the default and unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from auditor import idioma
from auditor.cli import main
from auditor.entrada.carga import cargar_bytes
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar

from .conftest import FIXTURES, RAIZ, SEEDS, requiere_seeds
from .test_reglas import _hallazgos

FAMILIAS = ("CNT", "FEC", "LUG", "NOM", "ENT")
CASOS = sorted(p for p in (Path(__file__).parent / "reglas").glob("*.yaml") if p.name.startswith(FAMILIAS))


@pytest.fixture(autouse=True)
def _restaurar() -> Iterator[None]:
    yield
    idioma.usar(idioma.POR_DEFECTO)


@pytest.fixture
def sin_traducir(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Every Spanish template looked up in English without an entry in the catalog (while the test runs)."""
    faltan: set[str] = set()
    original = idioma.plantilla

    def anotar(texto_es: str, en: str | None = None) -> str:
        if (en or idioma.actual()) != idioma.POR_DEFECTO and texto_es not in idioma.catalogo("en"):
            faltan.add(texto_es)
        return original(texto_es, en)

    monkeypatch.setattr(idioma, "plantilla", anotar)
    return faltan


def _de_familias(auditor: Auditor) -> Auditor:
    return Auditor(auditor.catalogo, auditor.configuracion, {r for r in auditor.catalogo.reglas if r.startswith(FAMILIAS)})


def _mensajes(auditor: Auditor, rutas: list[str], lengua: str) -> list[tuple[str, int, str, str]]:
    idioma.usar(lengua)
    resultado = auditar(_de_familias(auditor), rutas)
    return [(f.archivo, f.linea, f.regla, f.mensaje) for f in resultado.hallazgos()]


# Words that only a Spanish message would have (quotes from the report are removed before looking).
_ESPANOL = re.compile(r"\b(?:pero|dice|más|menos|informe|municipio|no es|ya está|se esperaba|falta|quiso decir|portada|"
                      r"hallazgos?|son|los|las|una|del|según|sin)\b")  # lower case: 'Meta' is a department


def _sin_citas(mensaje: str) -> str:
    """The message without what it quotes from the report («…», '…') or the Spanish section names it keeps."""
    return re.sub(r"«[^»]*»|'[^']*'", "", mensaje)


def _todo_en_ingles(auditor: Auditor, rutas: list[str], faltan: set[str]) -> list[tuple[str, int, str, str]]:
    espanol = _mensajes(auditor, rutas, "es")
    ingles = _mensajes(auditor, rutas, "en")
    assert faltan == set()
    assert [x[:3] for x in ingles] == [x[:3] for x in espanol]  # same findings, same places
    for (_, _, regla, es), (_, _, _, en) in zip(espanol, ingles, strict=True):
        assert en != es, f"{regla}: {en}"
        assert not _ESPANOL.search(_sin_citas(en)), f"{regla}: {en}"
    return ingles


def test_fixtures_en_ingles(auditor: Auditor, sin_traducir: set[str]) -> None:
    ingles = _todo_en_ingles(auditor, [str(FIXTURES)], sin_traducir)
    assert {r for _, _, r, _ in ingles} >= {"CNT002", "CNT006", "FEC001", "FEC002", "FEC003", "LUG001", "LUG002", "NOM001"}


@requiere_seeds
def test_seeds_en_ingles(auditor: Auditor, sin_traducir: set[str]) -> None:
    ingles = _todo_en_ingles(auditor, [str(SEEDS)], sin_traducir)
    assert {r for _, _, r, _ in ingles} >= {"CNT002", "FEC001", "LUG001", "NOM001", "ENT005"}


def _casos() -> list[Any]:
    return [pytest.param(yaml.safe_load(p.read_text(encoding="utf-8")), id=p.stem) for p in CASOS]


@pytest.mark.parametrize("datos", _casos())
def test_casos_de_las_reglas_en_ingles(auditor: Auditor, datos: dict[str, Any], sin_traducir: set[str],
                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    regla = datos["regla"]
    solo = Auditor(auditor.catalogo, auditor.configuracion, {regla})
    vistos = 0
    for caso in datos["casos"]:
        if "archivo" in caso and not (RAIZ / caso["archivo"]).exists():
            continue
        por_idioma = []
        for lengua in ("es", "en"):
            idioma.usar(lengua)
            por_idioma.append([f.mensaje for f in _hallazgos(solo, regla, caso, tmp_path_factory.mktemp("caso"))])
        espanol, ingles = por_idioma
        assert len(ingles) == len(espanol)
        for es, en in zip(espanol, ingles, strict=True):
            assert en != es, f"{caso['nombre']}: {en}"
            assert not _ESPANOL.search(_sin_citas(en)), f"{caso['nombre']}: {en}"
        vistos += len(ingles)
    assert vistos, f"{regla}: ningún caso señala"
    assert sin_traducir == set()


def _check(*args: str) -> Any:
    return CliRunner().invoke(main, ["check", *args])


def _linea(salida: str, *partes: str) -> str:
    return next(linea.rstrip() for linea in salida.splitlines() if all(p in linea for p in partes))


def test_hallazgos_conocidos_en_ingles() -> None:
    salida = _check(str(FIXTURES), "--lang", "en", "--format", "text").output
    assert ("The beneficiaries are 335 ciudadanos, fewer than what was achieved: 337 empresas («337 empresas beneficiadas»). "
            "Behind each unit served there is at least one person: check whether one of the figures or one of the units is "
            "wrong") in _linea(salida, "CNT006", " 18 ")
    assert ("«¿Cómo se hizo?» (how it was done) reports an event dated «al término del segundo semestre del año 2025» "
            "(December 2025) as having happened, after the report's cut-off date (November 2025)") in _linea(salida, "FEC001", " 8 ")
    assert ("«Cácuta» is not a DIVIPOLA municipality; did you mean Cácota or Cúcuta? (Cúcuta is already in this target's "
            "location)") in _linea(salida, "LUG001")
    assert ("«COOMULGEA» and «COMULGEA» (target 14, How was it done?) look like the same name written two ways; if it is the "
            "same, use one spelling") in _linea(salida, "NOM001", "COOMULGEA")
    assert _linea(salida, "fixtures/desarrollo_economico_2024_2025.yaml:290").split()[1:3] == ["warning", "LUG001"]


def test_ent001_en_ingles(tmp_path: Path) -> None:
    vacio = tmp_path / "vacio.yaml"
    vacio.write_text("", encoding="utf-8")
    salida = _check(str(tmp_path / "no_esta.yaml"), str(vacio), "--lang", "en", "--format", "text").output
    assert "the path does not exist" in _linea(salida, "no_esta.yaml:1", "error", "ENT001")
    assert "the file is empty: a report was expected" in _linea(salida, "vacio.yaml:1", "error", "ENT001")
    espanol = _check(str(tmp_path / "no_esta.yaml"), "--format", "text").output
    assert "la ruta no existe" in _linea(espanol, "no_esta.yaml:1", "error", "ENT001")


def test_ent002_en_ingles() -> None:
    documento = (b"entidad: X\ndepartamento: Norte de Santander\nsecretaria: S\nperiodo: {desde: 2024, hasta: 2024}\n"
                 b"fecha_corte: '2024-12'\nplan: {nombre: P, desde: 2024, hasta: 2027}\nmetas:\n  - numero: 1\n"
                 b"    nombre: N\n    impcto: algo\n")
    idioma.usar("en")
    mensajes = [p.mensaje for p in cargar_bytes(documento, "x.yaml").problemas]
    assert len(mensajes) == 1
    assert mensajes[0].startswith("unknown field 'impcto'; did you mean 'impacto'? (valid fields: ")


def test_resumen_de_texto_en_ingles() -> None:
    salida = _check(str(FIXTURES), "--lang", "en", "--format", "text").output
    cabecera = salida.splitlines()[0].split()
    assert cabecera == ["place", "severity", "rule", "target", "field", "message", "text"]
    assert "Summary: 64 findings (26 errors, 30 warnings, 8 info) in 3 files" in salida.splitlines()
    assert "Targets with findings: 24 of 27 audited" in salida.splitlines()
    assert _linea(salida, "By category:").startswith(
        "By category: template text (placeholder) 13, name spelled two ways (inconsistent_name) 8, "  # 3 were BEN001 before PLH004
        "inconsistent totals (aggregate_mismatch) 7,"
    )


def test_informe_rich_en_ingles() -> None:
    salida = _check(str(FIXTURES), "--lang", "en").output
    lineas = [linea.rstrip() for linea in salida.splitlines()]
    assert "Summary  64 findings: 26 errors, 30 warnings, 8 info" in lineas
    assert "Targets with findings: 24 of 27 audited in 3 files" in lineas
    assert "  Report (general parts)" in lineas
    assert "  No findings in 3 metas." not in lineas and "  No findings in 3 targets." in lineas
    assert any(linea.startswith("  Target 18 · ") for linea in lineas)
    assert re.search(r"^category\s+error\s+warning\s+info\s*$", salida, re.MULTILINE)
    assert re.search(r"^inconsistent counts\s+count_mismatch\s+2\s*$", salida, re.MULTILINE)


def test_espanol_por_defecto_sin_cambios() -> None:
    texto = _check(str(FIXTURES), "--format", "text").output.splitlines()
    assert texto[0].split() == ["lugar", "severidad", "regla", "meta", "campo", "mensaje", "texto"]
    assert "Resumen: 64 hallazgos (26 errores, 30 advertencias, 8 info) en 3 archivos" in texto
    assert "Metas con hallazgos: 24 de 27 auditadas" in texto
    rich = [linea.rstrip() for linea in _check(str(FIXTURES)).output.splitlines()]
    assert "Resumen  64 hallazgos: 26 errores, 30 advertencias, 8 info" in rich
    assert "Metas con hallazgos: 24 de 27 auditadas en 3 archivos" in rich
    assert "  Sin hallazgos en 3 metas." in rich


def test_json_guarda_los_valores_de_maquina_en_ingles() -> None:
    import json

    es = json.loads(_check(str(FIXTURES), "--format", "json").output)
    en = json.loads(_check(str(FIXTURES), "--format", "json", "--lang", "en").output)
    assert [(f["rule"], f["severity"], f["category"]) for f in en["findings"]] == [
        (f["rule"], f["severity"], f["category"]) for f in es["findings"]
    ]
    assert {f["severity"] for f in en["findings"]} == {"error", "warning", "info"}
    assert [f["message"] for f in en["findings"]] != [f["message"] for f in es["findings"]]


def test_import_avisa_en_ingles(tmp_path: Path) -> None:
    documento = SEEDS / "000_1fea1826aedc7356.txt"
    if not documento.exists():
        pytest.skip(f"no está {documento}")
    resultado = CliRunner().invoke(main, ["import", str(documento), "--lang", "en", "-o", str(tmp_path / "x.yaml")])
    assert (f"auditor: notice: {documento}:5: the cover does not say the cut-off date; December 2024, the end of the "
            "period, is taken") in resultado.stderr.splitlines()


def test_docx_ilegible_en_ingles(tmp_path: Path) -> None:
    documento = tmp_path / "roto.docx"
    documento.write_bytes(b"no es un zip")
    salida = _check(str(documento), "--lang", "en", "--format", "text").output
    assert ("the .docx file cannot be opened: it is not a valid Word document (it is not a ZIP file: it is incomplete, "
            "damaged or of another format)") in _linea(salida, "roto.docx:1", "error", "ENT001")
