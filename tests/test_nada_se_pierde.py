"""Nothing lost: inputs are never written, and Ctrl-C leaves no output file, whole or partial."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main

from .conftest import FIXTURES, RAIZ

HOSTIL = RAIZ / "tests" / "hostile"


def _huella(carpeta: Path) -> dict[str, tuple[str, int]]:
    return {str(p.relative_to(carpeta)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(carpeta.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_check_e_import_no_escriben_las_entradas(tmp_path: Path) -> None:
    entradas = tmp_path / "entradas"
    shutil.copytree(HOSTIL, entradas, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    for fixture in FIXTURES.glob("*.yaml"):
        shutil.copy2(fixture, entradas / fixture.name)
    antes = _huella(entradas)
    assert len(antes) > 20
    salidas = tmp_path / "salidas"
    salidas.mkdir()
    corredor = CliRunner()
    for formato in ("json", "text"):
        r = corredor.invoke(main, ["check", str(entradas), "--format", formato, "--output", str(salidas / f"r.{formato}")])
        assert r.exit_code == 2, r.output  # the corpus has unreadable files: status 2, and still a whole report
    r = corredor.invoke(main, ["check", str(entradas / "base.yaml")])
    assert r.exit_code == 1
    r = corredor.invoke(main, ["import", str(entradas / "documento_base.txt"), "-o", str(salidas / "doc.yaml")])
    assert r.exit_code == 0, r.output
    assert _huella(entradas) == antes
    assert sorted(p.name for p in salidas.iterdir()) == ["doc.yaml", "r.json", "r.text"]


def test_ctrl_c_no_deja_salida_ni_temporal_y_sale_con_130(tmp_path: Path) -> None:
    informes = tmp_path / "informes"
    informes.mkdir()
    original = (FIXTURES / "desarrollo_economico_2024_2025.yaml").read_bytes()
    for i in range(800):  # several seconds of work: the signal arrives in the middle of the audit
        (informes / f"informe_{i:03}.yaml").write_bytes(original)
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ / "src")}
    proceso = subprocess.Popen(
        [sys.executable, "-m", "auditor", "check", str(informes), "--format", "json", "--output", "f.json"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=entorno,
    )
    time.sleep(2.5)
    assert proceso.poll() is None, "la ejecución terminó antes de la señal: haga la prueba más lenta"
    proceso.send_signal(signal.SIGINT)
    salida, errores = proceso.communicate(timeout=60)
    assert proceso.returncode == 130
    assert errores.decode() == "auditor: interrumpido; no se escribió ninguna salida a medias\n"
    assert salida == b""
    assert sorted(p.name for p in tmp_path.iterdir()) in (["informes"], [".auditor_cache", "informes"])  # no f.json, no .f.json.*.tmp


def test_ctrl_c_mientras_se_escribe_no_deja_el_temporal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrumpir(origen: str, destino: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrumpir)
    r = CliRunner().invoke(main, ["check", str(FIXTURES / "limpio_cultura_2024_2025.yaml"), "--format", "json",
                                  "--output", str(tmp_path / "f.json")])
    assert r.exit_code == 130
    assert list(tmp_path.iterdir()) == []
