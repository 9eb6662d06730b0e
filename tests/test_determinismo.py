"""The same input gives the same bytes: across runs, hash seeds and the order of the files.

Every file format of the registry is covered (formats added later are covered without
touching this file); `rich` is the terminal view and is left out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.resultado.huellas import raiz
from auditor.salidas import FORMATOS

from .conftest import FIXTURES, RAIZ

ARCHIVOS = [str(FIXTURES / n) for n in ("desarrollo_economico_2024_2025.yaml", "fronteras_2024.yaml", "limpio_cultura_2024_2025.yaml")]
ARCHIVOS.append(str(RAIZ / "tests" / "hostile" / "documento_base.txt"))  # an imported document too
FORMATOS_DE_ARCHIVO = [f for f in FORMATOS if f != "rich"]


def _ejecutar(formato: str, archivos: list[str], semilla: str, salida: Path) -> bytes:
    entorno = {**os.environ, "PYTHONHASHSEED": semilla, "PYTHONPATH": str(RAIZ / "src")}
    proceso = subprocess.run(
        [sys.executable, "-m", "auditor", "check", "--format", formato, "--output", str(salida), *archivos],
        cwd=RAIZ, capture_output=True, env=entorno, timeout=120,
    )
    assert proceso.returncode in (0, 1, 2) and b"Traceback" not in proceso.stderr, proceso.stderr
    return salida.read_bytes()


@pytest.mark.parametrize("formato", FORMATOS_DE_ARCHIVO)
def test_mismos_bytes_entre_ejecuciones_semillas_y_orden(formato: str, tmp_path: Path) -> None:
    primera = _ejecutar(formato, ARCHIVOS, "0", tmp_path / "a")
    assert len(primera) > 1000
    assert _ejecutar(formato, ARCHIVOS, "0", tmp_path / "b") == primera
    assert _ejecutar(formato, ARCHIVOS, "12345", tmp_path / "c") == primera
    assert _ejecutar(formato, list(reversed(ARCHIVOS)), "987", tmp_path / "d") == primera


def test_la_raiz_de_las_huellas_no_depende_del_orden_de_los_argumentos(tmp_path: Path) -> None:
    """Outside a git repository and without a configuration file, the fingerprints are relative to the folder that
    holds every path audited: the same whichever comes first on the command line."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    uno, dos = tmp_path / "a" / "uno.yaml", tmp_path / "b" / "dos.yaml"
    uno.write_text("x: 1\n", encoding="utf-8")
    dos.write_text("x: 1\n", encoding="utf-8")
    assert raiz([uno, dos]) == raiz([dos, uno]) == tmp_path.resolve()
    assert raiz([uno]) == (tmp_path / "a").resolve()
