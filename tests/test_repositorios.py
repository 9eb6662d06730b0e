"""auditor in a real repository: walks respect .gitignore, skip hidden names, honour `excluir:` and --exclude;
a file named on the command line is always audited; no path is '.'; '-' reads standard input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import FIXTURES, RAIZ, correr

INFORME = FIXTURES / "limpio_cultura_2024_2025.yaml"


def _auditor(*args: str, cwd: Path, entrada: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "AUDITOR_LANG")}
    env.update(PYTHONPATH=str(RAIZ / "src"), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, env=env, cwd=cwd,
                          encoding="utf-8", input=entrada, check=False)


def _archivos(salida: str) -> list[str]:
    return sorted(r["file"] for r in json.loads(salida)["reports"])


@pytest.fixture()
def repositorio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two real reports, and around them what a repository holds that is no report (and no excludes file of the
    user's or the machine's: a home of its own)."""
    raiz = tmp_path / "repo"
    raiz.mkdir()
    (tmp_path / "casa").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "casa"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for variable in ("XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL"):
        monkeypatch.delenv(variable, raising=False)
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(raiz)], check=True)
    for nombre in ("informes/cultura.yaml", "informes/anexos/cultura_copia.yaml", "generado/salida.yaml",
                   ".oculto/informe.yaml", "viejos/2023.yaml", "informes/anexos/borrador.yaml"):
        (raiz / nombre).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(INFORME, raiz / nombre)
    shutil.copy(INFORME, raiz / "informes" / ".oculto.yaml")
    (raiz / ".gitignore").write_text("generado/\n", encoding="utf-8")
    (raiz / "informes" / "anexos" / ".gitignore").write_text("borrador.yaml\n", encoding="utf-8")
    (raiz / ".pre-commit-config.yaml").write_text("repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.6.0\n"
                                                  "    hooks: [{id: ruff}]\n", encoding="utf-8")
    (raiz / "auditor.yaml").write_text("excluir:\n  - viejos/\n", encoding="utf-8")
    monkeypatch.chdir(raiz)
    return raiz


def test_sin_ruta_audita_solo_los_informes_del_repositorio(repositorio: Path) -> None:
    hecho = _auditor("check", "--format", "json", "-j1", cwd=repositorio)
    assert hecho.returncode == 0, hecho.stderr
    assert _archivos(hecho.stdout) == ["informes/anexos/cultura_copia.yaml", "informes/cultura.yaml"]


def test_exclude_en_la_linea_de_ordenes(repositorio: Path) -> None:
    hecho = _auditor("check", ".", "--format", "json", "-j1", "--exclude", "anexos/", cwd=repositorio)
    assert hecho.returncode == 0, hecho.stderr
    assert _archivos(hecho.stdout) == ["informes/cultura.yaml"]
    codigo, salida, _ = correr("summary", "--format", "json", "--exclude", "cultura_copia.yaml", "--exclude", "informes/cultura.yaml")
    assert codigo == 2 and salida == ""  # nothing left to audit


def test_un_archivo_nombrado_se_audita_aunque_git_lo_ignore(repositorio: Path) -> None:
    hecho = _auditor("check", "generado/salida.yaml", "viejos/2023.yaml", ".oculto/informe.yaml", "informes/anexos/borrador.yaml",
                     "--format", "json", "-j1", cwd=repositorio)
    assert hecho.returncode == 0, hecho.stderr
    assert _archivos(hecho.stdout) == [".oculto/informe.yaml", "generado/salida.yaml", "informes/anexos/borrador.yaml",
                                       "viejos/2023.yaml"]
    codigo, salida, _ = correr("check", "generado", "--format", "json")  # a folder git ignores, named: walked
    assert codigo == 0 and _archivos(salida) == ["generado/salida.yaml"]


def test_un_patron_de_excluir_invalido_es_un_error_de_configuracion(repositorio: Path) -> None:
    (repositorio / "auditor.yaml").write_text("excluir:\n  - viejos/\n  - '!'\n", encoding="utf-8")
    codigo, _, error = correr("check")
    assert codigo == 2 and "auditor.yaml:" in error and "'!'" in error
    (repositorio / "auditor.yaml").write_text("excluir: viejos/\n", encoding="utf-8")
    assert correr("check")[0] == 2
    (repositorio / "auditor.yaml").write_text("", encoding="utf-8")
    codigo, _, error = correr("check", "--exclude", "")
    assert codigo == 2 and "--exclude" in error


def test_la_entrada_estandar(repositorio: Path) -> None:
    texto = INFORME.read_text(encoding="utf-8")
    hecho = _auditor("check", "-", "--format", "json", cwd=repositorio, entrada=texto)
    assert hecho.returncode == 0, hecho.stderr
    assert _archivos(hecho.stdout) == ["-"]
    roto = _auditor("check", "-", "--format", "json", "--stdin-filename", "informes/nuevo.yaml", cwd=repositorio,
                    entrada=texto.replace("metas:", "metas: [", 1))
    assert roto.returncode == 2
    assert {f["file"] for f in json.loads(roto.stdout)["findings"]} == {"informes/nuevo.yaml"}


def test_la_entrada_estandar_en_json_por_el_nombre(repositorio: Path) -> None:
    datos = json.dumps(yaml.safe_load(INFORME.read_text(encoding="utf-8")), default=str, ensure_ascii=False)
    hecho = _auditor("check", "-", "--stdin-filename", "x.json", "--format", "json", cwd=repositorio, entrada=datos)
    assert hecho.returncode == 0, hecho.stderr
    assert _archivos(hecho.stdout) == ["x.json"]
    con_otro = _auditor("check", "-", "informes/cultura.yaml", "--stdin-filename", "x.json", "--format", "json", cwd=repositorio,
                        entrada=datos)
    assert _archivos(con_otro.stdout) == ["informes/cultura.yaml", "x.json"]


def test_stdin_filename_sin_guion_es_un_error_de_uso(repositorio: Path) -> None:
    codigo, _, error = correr("check", "--stdin-filename", "x.json")
    assert codigo == 2 and "--stdin-filename" in error
