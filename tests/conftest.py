from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from auditor import idioma
from auditor.cli import main
from auditor.configuracion.configuracion import Configuracion
from auditor.motor.auditor import Auditor, preparar

RAIZ = Path(__file__).resolve().parents[1]
FIXTURES = RAIZ / "fixtures"
SEEDS = RAIZ.parent / "shared" / "seeds"
# tests that read the real reports skip, and say so, where ../shared is not beside the checkout
requiere_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no está {SEEDS} (../shared/seeds)")

# Hypothesis, for every test that uses it: by default (and so in CI) the same bounded examples on every run
# and machine (derandomized, no example database written), so a run is reproducible;
# HYPOTHESIS_PROFILE=aleatorio (150 random examples) or largo (1000) to hunt for new cases.
_COMUN: dict[str, Any] = {"deadline": None, "database": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=100, derandomize=True, **_COMUN)
settings.register_profile("aleatorio", max_examples=150, **_COMUN)
settings.register_profile("largo", max_examples=1000, **_COMUN)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def auditor() -> Auditor:
    return preparar(Configuracion())


@pytest.fixture(autouse=True)
def _sin_cache_en_proceso(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run in this process keep no results between tests (a test that patches a rule would otherwise get
    the result an earlier test kept: the cache keys on inputs and code files, not on monkeypatches); the cache's
    own tests (test_cache.py) and the subprocesses other tests start use it as users do."""
    if request.module.__name__.rpartition(".")[2] != "test_cache":
        monkeypatch.setattr("auditor.cli._abrir_cache", lambda *_args, **_kw: None)


@pytest.fixture(autouse=True)
def _idioma_por_defecto() -> Iterator[None]:
    """Every test starts and ends in Spanish, whatever language the one before chose."""
    idioma.usar(idioma.POR_DEFECTO)
    yield
    idioma.usar(idioma.POR_DEFECTO)


@pytest.fixture()
def en_raiz(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository's root, with relative paths as a user types them."""
    monkeypatch.chdir(RAIZ)


def correr(*args: str) -> tuple[int, str, str]:
    """The command line as a user meets it: exit status, stdout, stderr."""
    resultado = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return resultado.exit_code, resultado.stdout, resultado.stderr


INFORME_EN_REPO = "informes/fronteras.yaml"


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A report-data repository with one real report (Fronteras) at INFORME_EN_REPO, as the current directory."""
    (tmp_path / "informes").mkdir()
    shutil.copy(FIXTURES / "fronteras_2024.yaml", tmp_path / INFORME_EN_REPO)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def tiempo_cpu(trabajo: Callable[[], object], repeticiones: int = 3) -> float:
    """The CPU seconds of `trabajo`, the least of a few runs: for the growth checks of the readers (doubling the
    text at most doubles the work), which compare two sizes in the same process. CPU time and the least of several
    runs leave out what other processes on a shared machine do to the wall clock."""
    mejor = float("inf")
    for _ in range(repeticiones):
        inicio = time.process_time()
        trabajo()
        mejor = min(mejor, time.process_time() - inicio)
    return mejor
