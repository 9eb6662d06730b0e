"""Besides the .gitignore files, a walk leaves out what git's two other files of patterns say: the repository's
`info/exclude` (in a worktree, the shared one) and the user's excludes file (`core.excludesFile`, by default
$XDG_CONFIG_HOME/git/ignore or ~/.config/git/ignore), found without git; git is asked only when a configuration
file includes others, and its absence changes nothing else."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from auditor.entrada.repositorio import leer_configuracion, repositorio_de, valor_de_configuracion

from .conftest import FIXTURES, correr

INFORME = FIXTURES / "limpio_cultura_2024_2025.yaml"
HAY_GIT = shutil.which("git") is not None


def _auditados(*args: str) -> list[str]:
    codigo, salida, error = correr("check", *args, "--format", "json", "-j1")
    assert codigo == 0, error
    return sorted(r["file"] for r in json.loads(salida)["reports"])


@pytest.fixture()
def casa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of its own, with nothing of git's: no configuration, no excludes file, no system file."""
    home = tmp_path / "casa"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_DIR"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return home


@pytest.fixture()
def repo(tmp_path: Path, casa: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository (its `.git` made by hand: no git needed) with three reports, as the current directory."""
    raiz = tmp_path / "repo"
    (raiz / ".git" / "info").mkdir(parents=True)
    (raiz / ".git" / "config").write_text("[core]\n\tbare = false\n", encoding="utf-8")
    for nombre in ("informes/cultura.yaml", "informes/borradores/cultura_b.yaml", "informes/cultura.local.yaml"):
        (raiz / nombre).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(INFORME, raiz / nombre)
    monkeypatch.chdir(raiz)
    return raiz


TODOS = ["informes/borradores/cultura_b.yaml", "informes/cultura.local.yaml", "informes/cultura.yaml"]


def test_sin_archivos_de_git_se_audita_todo(repo: Path) -> None:
    assert _auditados() == TODOS


def test_info_exclude_del_repositorio(repo: Path) -> None:
    (repo / ".git" / "info" / "exclude").write_text("# local\nborradores/\n", encoding="utf-8")
    assert _auditados() == ["informes/cultura.local.yaml", "informes/cultura.yaml"]
    assert _auditados("informes") == ["informes/cultura.local.yaml", "informes/cultura.yaml"]  # from a folder below too
    assert _auditados("informes/borradores/cultura_b.yaml") == ["informes/borradores/cultura_b.yaml"]  # named: audited


def test_el_archivo_del_usuario_por_omision_en_xdg_y_en_config(repo: Path, casa: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (casa / ".config" / "git").mkdir(parents=True)
    (casa / ".config" / "git" / "ignore").write_text("*.local.yaml\n", encoding="utf-8")
    assert _auditados() == ["informes/borradores/cultura_b.yaml", "informes/cultura.yaml"]
    xdg = casa / "xdg"
    (xdg / "git").mkdir(parents=True)
    (xdg / "git" / "ignore").write_text("borradores/\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(xdg))  # XDG_CONFIG_HOME replaces ~/.config
    assert _auditados() == ["informes/cultura.local.yaml", "informes/cultura.yaml"]


def test_core_excludesfile_en_la_configuracion_global(repo: Path, casa: Path) -> None:
    (casa / ".config" / "git").mkdir(parents=True)
    (casa / ".config" / "git" / "ignore").write_text("*.yaml\n", encoding="utf-8")  # the default, replaced by the setting
    (casa / "mis_ignorados").write_text("*.local.yaml\n", encoding="utf-8")
    (casa / ".gitconfig").write_text("[user]\n\tname = Ana\n[Core]\n\tExcludesFile = \"~/mis_ignorados\" ; el mío\n", encoding="utf-8")
    assert _auditados() == ["informes/borradores/cultura_b.yaml", "informes/cultura.yaml"]


def test_la_configuracion_del_repositorio_manda_sobre_la_global(repo: Path, casa: Path) -> None:
    (casa / "global").write_text("*.local.yaml\n", encoding="utf-8")
    (casa / ".gitconfig").write_text(f"[core]\n\texcludesFile = {casa / 'global'}\n", encoding="utf-8")
    (repo / "propios").write_text("borradores/\n", encoding="utf-8")
    (repo / ".git" / "config").write_text("[core]\n\tbare = false\n\texcludesfile = propios\n", encoding="utf-8")  # relative: the root
    assert _auditados() == ["informes/cultura.local.yaml", "informes/cultura.yaml"]


def test_git_config_global_y_un_valor_vacio(repo: Path, casa: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (casa / "otro").write_text("borradores/\n", encoding="utf-8")
    (casa / "otra_config").write_text(f"[core]\n\texcludesFile = {casa / 'otro'}\n", encoding="utf-8")
    (casa / ".gitconfig").write_text("[core]\n\texcludesFile = /no/existe\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(casa / "otra_config"))  # instead of ~/.gitconfig
    assert _auditados() == ["informes/cultura.local.yaml", "informes/cultura.yaml"]
    (casa / ".config" / "git").mkdir(parents=True)
    (casa / ".config" / "git" / "ignore").write_text("*.yaml\n", encoding="utf-8")
    (casa / "otra_config").write_text("[core]\n\texcludesFile =\n", encoding="utf-8")  # empty: no excludes file at all
    assert _auditados() == TODOS


def test_un_gitignore_vuelve_a_incluir_lo_que_excluyen_los_archivos_de_git(repo: Path, casa: Path) -> None:
    (casa / ".config" / "git").mkdir(parents=True)
    (casa / ".config" / "git" / "ignore").write_text("*.local.yaml\n", encoding="utf-8")
    (repo / ".git" / "info" / "exclude").write_text("cultura.yaml\n", encoding="utf-8")
    (repo / "informes" / ".gitignore").write_text("!cultura.local.yaml\n", encoding="utf-8")
    assert _auditados() == ["informes/borradores/cultura_b.yaml", "informes/cultura.local.yaml"]


def test_fuera_de_un_repositorio_no_cuentan(tmp_path: Path, casa: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (casa / ".config" / "git").mkdir(parents=True)
    (casa / ".config" / "git" / "ignore").write_text("*.yaml\n", encoding="utf-8")
    carpeta = tmp_path / "suelta"
    carpeta.mkdir()
    shutil.copy(INFORME, carpeta / "cultura.yaml")
    monkeypatch.chdir(carpeta)
    assert _auditados() == ["cultura.yaml"]


def test_un_worktree_lee_el_info_exclude_compartido(tmp_path: Path, casa: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    principal = tmp_path / "principal" / ".git"
    (principal / "info").mkdir(parents=True)
    (principal / "info" / "exclude").write_text("borradores/\n", encoding="utf-8")
    (principal / "config").write_text("[core]\n\texcludesFile = solo_aqui\n", encoding="utf-8")
    (principal / "worktrees" / "rama").mkdir(parents=True)
    (principal / "worktrees" / "rama" / "commondir").write_text("../..\n", encoding="utf-8")
    arbol = tmp_path / "rama"
    for nombre in ("cultura.yaml", "borradores/cultura_b.yaml", "x.local.yaml"):
        (arbol / nombre).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(INFORME, arbol / nombre)
    (arbol / ".git").write_text(f"gitdir: {principal / 'worktrees' / 'rama'}\n", encoding="utf-8")
    (arbol / "solo_aqui").write_text("*.local.yaml\n", encoding="utf-8")
    monkeypatch.chdir(arbol)
    assert _auditados() == ["cultura.yaml"]
    repositorio = repositorio_de(arbol)
    assert repositorio is not None and repositorio.comun == principal and repositorio.exclude == principal / "info" / "exclude"


def test_un_punto_git_roto_sigue_marcando_la_raiz(repo: Path) -> None:
    shutil.rmtree(repo / ".git")
    (repo / ".git").write_text("esto no es un gitdir\n", encoding="utf-8")
    (repo / ".gitignore").write_text("borradores/\n", encoding="utf-8")
    assert _auditados("informes") == ["informes/cultura.local.yaml", "informes/cultura.yaml"]


# ------------------------------------------------------------------ includes: git is asked, if it is there


def _con_inclusion(repo: Path, casa: Path) -> None:
    (casa / "incluidos").write_text("borradores/\n", encoding="utf-8")
    (casa / "otra.inc").write_text(f"[core]\n\texcludesFile = {casa / 'incluidos'}\n", encoding="utf-8")
    (casa / "directo").write_text("*.local.yaml\n", encoding="utf-8")
    (casa / ".gitconfig").write_text(f"[core]\n\texcludesFile = {casa / 'directo'}\n[include]\n\tpath = otra.inc\n", encoding="utf-8")


@pytest.mark.skipif(not HAY_GIT, reason="git no está instalado")
def test_con_inclusiones_responde_git(repo: Path, casa: Path) -> None:
    _con_inclusion(repo, casa)
    assert _auditados() == ["informes/cultura.local.yaml", "informes/cultura.yaml"]  # the included file's value


def test_sin_git_con_inclusiones_vale_lo_leido_y_no_tarda(repo: Path, casa: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _con_inclusion(repo, casa)
    vacia = tmp_path / "sin_programas"
    vacia.mkdir()
    monkeypatch.setenv("PATH", str(vacia))  # no git to ask
    inicio = time.monotonic()
    repositorio = repositorio_de(repo)
    assert repositorio is not None
    assert valor_de_configuracion(repositorio, "core", "excludesfile") == str(casa / "directo")
    assert time.monotonic() - inicio < 1
    assert _auditados() == ["informes/borradores/cultura_b.yaml", "informes/cultura.yaml"]


# ------------------------------------------------------------------ git's configuration syntax


CONFIGURACION = """# a comment
[core]
\texcludesFile = ~/.gitignore_global   ; comment
\tautocrlf
[Core] ExcludesFile = "/a b/#x"  # c
[remote "origin"]
\turl = https://example.org/x.git
[core.sub]
\tk = v
[core]
\ta = one \\
  two
\tb = "q \\" \\\\ \\t x"
\tc = \t spaced   out \x20\x20
\troto = "sin cerrar
\td = after the broken one
"""


def test_leer_configuracion_como_git() -> None:
    entradas = leer_configuracion(CONFIGURACION)
    assert entradas == [
        (("core", None, "excludesfile"), "~/.gitignore_global"), (("core", None, "autocrlf"), None),
        (("core", None, "excludesfile"), "/a b/#x"), (("remote", "origin", "url"), "https://example.org/x.git"),
        (("core", "sub", "k"), "v"), (("core", None, "a"), "one   two"), (("core", None, "b"), 'q " \\ \t x'),
        (("core", None, "c"), "spaced   out"), (("core", None, "d"), "after the broken one"),
    ]


@pytest.mark.skipif(not HAY_GIT, reason="git no está instalado")
def test_leer_configuracion_da_lo_que_da_git(tmp_path: Path) -> None:
    archivo = tmp_path / "config"
    archivo.write_text(CONFIGURACION.replace('\troto = "sin cerrar\n', ""), encoding="utf-8")  # git refuses the file with it
    for clave in ("core.excludesfile", "core.a", "core.b", "core.c", "remote.origin.url", "core.sub.k"):
        git = subprocess.run(["git", "config", "-f", str(archivo), "--get", clave], capture_output=True, text=True, check=True)
        seccion, _, nombre = clave.rpartition(".")
        principal, _, sub = seccion.partition(".")
        nuestro = [v for (s, u, n), v in leer_configuracion(archivo.read_text(encoding="utf-8"))
                   if (s, u, n) == (principal, sub or None, nombre)]
        assert git.stdout.removesuffix("\n") == nuestro[-1], clave
