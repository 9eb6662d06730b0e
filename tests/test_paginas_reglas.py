"""The rule pages in docs/reglas/ are what `auditor rules docs` writes now (a rule's documentation changed and its
page did not is a failure), and SARIF links them only where the configuration says where they are published."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from auditor.cli import main

from .conftest import FIXTURES, RAIZ

DOCS = RAIZ / "docs" / "reglas"


def test_las_paginas_de_las_reglas_estan_al_dia(tmp_path: Path, monkeypatch: object) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]  # no configuration of this repository applies
    resultado = CliRunner().invoke(main, ["rules", "docs", str(tmp_path / "paginas")])
    assert resultado.exit_code == 0, resultado.output
    escritas = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "paginas").iterdir()}
    guardadas = {p.name: p.read_text(encoding="utf-8") for p in DOCS.iterdir()}
    assert sorted(escritas) == sorted(guardadas), "regenere con: auditor rules docs docs/reglas"
    desactualizadas = [nombre for nombre in escritas if escritas[nombre] != guardadas[nombre]]
    assert desactualizadas == [], f"regenere con: auditor rules docs docs/reglas ({desactualizadas[:5]})"
    pagina = escritas["PCT002.md"]
    assert pagina.startswith("# PCT002 · porcentaje-no-coincide\n")
    for seccion in ("## Qué revisa", "## Por qué importa", "## Qué hacer", "## Ejemplo que se señala", "## Ejemplo correcto",
                    "## Parámetros (configurables en auditor.yaml)"):
        assert seccion in pagina
    assert "| [PCT002](PCT002.md) | porcentaje-no-coincide |" in escritas["README.md"]


def _sarif(tmp_path: Path, configuracion: str | None) -> dict[str, dict[str, object]]:
    argumentos = ["check", str(FIXTURES / "fronteras_2024.yaml"), "--format", "sarif", "-o", str(tmp_path / "r.sarif")]
    if configuracion is not None:
        (tmp_path / "auditor.yaml").write_text(configuracion, encoding="utf-8")
        argumentos += ["--config", str(tmp_path / "auditor.yaml")]
    CliRunner().invoke(main, argumentos)
    documento = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    return {r["id"]: r for r in documento["runs"][0]["tool"]["driver"]["rules"]}


def test_sarif_da_la_ayuda_entera_y_enlaza_la_pagina_solo_si_la_configuracion_dice_donde(tmp_path: Path) -> None:
    sin = _sarif(tmp_path, None)
    assert all("helpUri" not in r for r in sin.values())
    ayuda = sin["INV001"]["help"]
    assert isinstance(ayuda, dict)
    for parte in ("Qué revisa:", "Por qué importa:", "Qué hacer:", "Ejemplo que se señala:", "Ejemplo correcto:"):
        assert parte in ayuda["text"]
    con = _sarif(tmp_path, "url_documentacion: https://planeacion.example.gov.co/auditor/reglas/\n")
    assert con["INV001"]["helpUri"] == "https://planeacion.example.gov.co/auditor/reglas/INV001.md"


def test_una_direccion_de_documentacion_relativa_se_rechaza(tmp_path: Path) -> None:
    (tmp_path / "auditor.yaml").write_text("url_documentacion: docs/reglas\n", encoding="utf-8")
    resultado = CliRunner().invoke(main, ["check", str(FIXTURES / "fronteras_2024.yaml"), "--config", str(tmp_path / "auditor.yaml")])
    assert resultado.exit_code == 2
    assert "url_documentacion" in resultado.output and "https://" in resultado.output


def test_un_directorio_donde_no_se_puede_escribir_da_un_mensaje_claro(tmp_path: Path) -> None:
    (tmp_path / "archivo").write_text("x", encoding="utf-8")
    resultado = CliRunner().invoke(main, ["rules", "docs", str(tmp_path / "archivo" / "paginas")])
    assert resultado.exit_code == 2
    assert "no se pudieron escribir las páginas: una parte de la ruta no es un directorio" in resultado.output
    assert "Traceback" not in resultado.output
