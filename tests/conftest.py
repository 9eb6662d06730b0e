from __future__ import annotations

from pathlib import Path

import pytest

from auditor.config import Configuracion
from auditor.engine import Auditor, preparar

RAIZ = Path(__file__).resolve().parents[1]
FIXTURES = RAIZ / "fixtures"
SEEDS = RAIZ.parent / "shared" / "seeds"
# tests that read the real reports skip, and say so, where ../shared is not beside the checkout
requiere_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no está {SEEDS} (../shared/seeds)")


@pytest.fixture(scope="session")
def auditor() -> Auditor:
    return preparar(Configuracion())
