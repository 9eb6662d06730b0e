from __future__ import annotations

from pathlib import Path

import pytest

from auditor.config import Configuracion
from auditor.engine import Auditor, preparar

RAIZ = Path(__file__).resolve().parents[1]
FIXTURES = RAIZ / "fixtures"
SEEDS = RAIZ.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def auditor() -> Auditor:
    return preparar(Configuracion())
