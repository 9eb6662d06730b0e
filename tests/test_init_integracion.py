"""auditor init, the README's configuration examples, the pre-commit hook and the GitHub Actions examples."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from auditor.cli import check
from auditor.configuracion.configuracion import cargar_configuracion
from auditor.configuracion.inicial import PLANTILLA_TOML, PLANTILLA_YAML
from auditor.motor.auditor import preparar

from .conftest import FIXTURES, RAIZ
from .conftest import correr as _correr

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

README = (RAIZ / "README.md").read_text(encoding="utf-8")



def _bloque(texto: str, marca: str, lenguaje: str) -> str:
    encontrado = re.search(re.escape(marca) + r"\n```" + lenguaje + r"\n(.*?)```", texto, re.S)
    assert encontrado is not None, f"no hay un bloque {lenguaje} tras {marca}"
    return encontrado.group(1)


def test_init_escribe_lo_que_muestra_el_readme_y_carga(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    codigo, salida, error = _correr("init")
    assert codigo == 0 and salida == ""
    assert error == "auditor: configuración inicial escrita en auditor.yaml; 'auditor rules' lista las reglas que puede ajustar\n"
    escrito = (tmp_path / "auditor.yaml").read_text(encoding="utf-8")
    assert escrito == PLANTILLA_YAML == _bloque(README, "<!-- auditor-init -->", "yaml")
    configuracion = cargar_configuracion(tmp_path / "auditor.yaml")
    assert (configuracion.idioma, configuracion.falla_en, configuracion.ajustes) == ("es", "error", {})
    assert _correr("check", str(FIXTURES / "limpio_cultura_2024_2025.yaml"))[0] == 0


def test_los_ejemplos_comentados_de_init_funcionan_sin_el_numeral(tmp_path: Path) -> None:
    descomentado = re.sub(r"^(\s*)# (EST003|PCT004|PCT002|- reglas_oficina)", r"\1\2", PLANTILLA_YAML, flags=re.M)
    assert descomentado.count("\n  EST003: false") == 1 and "\n  - reglas_oficina" in descomentado
    (tmp_path / "reglas_oficina").mkdir()
    (tmp_path / "auditor.yaml").write_text(descomentado, encoding="utf-8")
    configuracion = cargar_configuracion(tmp_path / "auditor.yaml")
    auditor = preparar(configuracion)  # every rule id and parameter exists
    assert not configuracion.ajuste("EST003").activa
    assert auditor.severidad(auditor.catalogo.reglas["PCT004"]).value == "info"
    assert configuracion.directorios_reglas == [tmp_path.resolve() / "reglas_oficina"]
    toml = re.sub(r"^# (EST003|PCT004|PCT002)", r"\1", PLANTILLA_TOML, flags=re.M)
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    desde_toml = cargar_configuracion(tmp_path / "pyproject.toml")
    assert desde_toml.ajustes == configuracion.ajustes
    assert (desde_toml.idioma, desde_toml.falla_en) == (configuracion.idioma, configuracion.falla_en)


def test_init_no_reemplaza_salvo_con_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "auditor.yaml").write_text("idioma: en\n", encoding="utf-8")
    assert _correr("init") == (2, "", "auditor: error: auditor.yaml ya existe; no se reemplaza (use --force para reemplazarlo)\n")
    assert (tmp_path / "auditor.yaml").read_text(encoding="utf-8") == "idioma: en\n"
    assert _correr("init", "--force")[0] == 0
    assert (tmp_path / "auditor.yaml").read_text(encoding="utf-8") == PLANTILLA_YAML


def test_init_pyproject_agrega_la_tabla_y_no_la_duplica(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "informes"', encoding="utf-8")  # no final newline
    assert _correr("init", "--pyproject")[0] == 0
    texto = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert texto == '[project]\nname = "informes"\n\n' + PLANTILLA_TOML
    assert tomllib.loads(texto)["project"] == {"name": "informes"}
    assert cargar_configuracion(tmp_path / "pyproject.toml").falla_en == "error"
    codigo, _, error = _correr("init", "--pyproject", "--force")
    assert codigo == 2 and "ya tiene una tabla [tool.auditor]" in error
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == texto
    codigo, _, error = _correr("init")  # auditor.yaml beside [tool.auditor] would be two configurations
    assert codigo == 2 and "dos configuraciones en el mismo lugar" in error and not (tmp_path / "auditor.yaml").exists()


def test_init_pyproject_crea_el_archivo_y_rechaza_un_toml_roto(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _correr("init", "--pyproject")[0] == 0
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == PLANTILLA_TOML
    roto = tmp_path / "roto"
    roto.mkdir()
    monkeypatch.chdir(roto)
    (roto / "pyproject.toml").write_text("[project\nname = 1\n", encoding="utf-8")
    codigo, _, error = _correr("init", "--pyproject")
    assert codigo == 2 and error.startswith("auditor: error: pyproject.toml:1: TOML no válido")
    assert (roto / "pyproject.toml").read_text(encoding="utf-8") == "[project\nname = 1\n"


def test_ejemplo_pyproject_del_readme_carga(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(_bloque(README, "<!-- pyproject-ejemplo -->", "toml"), encoding="utf-8")
    configuracion = cargar_configuracion(tmp_path / "pyproject.toml")
    preparar(configuracion)
    assert configuracion.falla_en == "advertencia" and not configuracion.ajuste("EST003").activa


def _hook() -> dict[str, object]:
    [hook] = yaml.safe_load((RAIZ / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hook, dict)
    return hook


def test_hook_de_pre_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hook = _hook()
    assert hook["id"] == "auditor" and hook["language"] == "python"
    assert shlex.split(str(hook["entry"])) == ["auditor", "check"]
    incluye, excluye = re.compile(str(hook["files"])), re.compile(str(hook["exclude"]))

    def elegido(ruta: str) -> bool:
        return bool(incluye.search(ruta)) and not excluye.search(ruta)

    assert [r for r in ["informes/cultura.yaml", "informes/2024/fronteras.docx", "informes/x.json", "informes/borrador.md",
                        "informes/README.md", "informes/auditor.yaml", "README.md", ".pre-commit-config.yaml",
                        "auditor.yaml", "mkdocs.yml", ".github/workflows/ci.yml"] if elegido(r)] == [
        "informes/cultura.yaml", "informes/2024/fronteras.docx", "informes/x.json", "informes/borrador.md"]
    # what pre-commit runs: entry, args, then the changed files that match
    (tmp_path / "informes").mkdir()
    shutil.copy(FIXTURES / "limpio_cultura_2024_2025.yaml", tmp_path / "informes" / "cultura.yaml")
    shutil.copy(FIXTURES / "fronteras_2024.yaml", tmp_path / "informes" / "fronteras.yaml")
    monkeypatch.chdir(tmp_path)
    argumentos = [*shlex.split(str(hook["entry"]))[1:], *map(str, hook.get("args", [])), "informes/cultura.yaml"]
    assert _correr(*argumentos) == (0, "", "")
    codigo, salida, _ = _correr(*argumentos[:-1], "informes/cultura.yaml", "informes/fronteras.yaml")
    assert codigo == 1 and salida.startswith("informes/fronteras.yaml:")


def _flujos() -> dict[str, dict[str, object]]:
    texto = (RAIZ / "docs" / "github-actions.md").read_text(encoding="utf-8")
    return {marca: yaml.safe_load(_bloque(texto, f"<!-- {marca} -->", "yaml"))
            for marca in ("flujo-sarif", "flujo-anotaciones", "flujo-linea-base")}


def _pasos(flujo: dict[str, object]) -> list[dict[str, object]]:
    trabajos = flujo["jobs"]
    assert isinstance(trabajos, dict)
    [trabajo] = trabajos.values()
    pasos = trabajo["steps"]
    assert isinstance(pasos, list)
    return pasos


def test_flujos_de_github_actions() -> None:
    flujos = _flujos()
    sarif = _pasos(flujos["flujo-sarif"])
    ejecuta = [str(p["run"]) for p in sarif if "run" in p]
    assert "auditor check --format sarif --output auditor.sarif informes/" in ejecuta
    [carga] = [p for p in sarif if str(p.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    assert carga["with"] == {"sarif_file": "auditor.sarif", "category": "auditor"}
    assert carga["if"] == "always()"  # findings make check exit 1: the upload must still run
    assert flujos["flujo-sarif"]["permissions"] == {"contents": "read", "security-events": "write"}
    assert "auditor check --format github --fail-on advertencia informes/" in [str(p.get("run")) for p in _pasos(flujos["flujo-anotaciones"])]
    assert "auditor check --baseline .auditor-linea-base.json --format github informes/" in [
        str(p.get("run")) for p in _pasos(flujos["flujo-linea-base"])]
    # every option used is one `check` has (or, for --baseline, the one the baselines part adds)
    opciones = {o for p in check.params for o in (*p.opts, *p.secondary_opts)} | {"--baseline"}
    for flujo in flujos.values():
        for paso in _pasos(flujo):
            comando = shlex.split(str(paso.get("run", "")))
            if comando[:2] == ["auditor", "check"]:
                assert {a for a in comando if a.startswith("-")} <= opciones, comando
