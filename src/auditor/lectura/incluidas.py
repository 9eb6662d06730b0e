"""Where the built-in data lives: ``rules/`` in a checkout, ``auditor/_rules`` in a wheel.

The readers need it first (the vocabularies in ``vocabulario/``), then the importer (the template
profiles in ``plantillas/``), then the rule catalog."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

PLANTILLAS = "plantillas"  # the template profiles' folder in a rules directory: not rule files
VOCABULARIO = "vocabulario"  # the readers' vocabularies' folder in a rules directory: not rule files either
PLAN = "plan"  # the Plan Indicativo's tables (the names of its export's sheets and columns): data, not rule files
NO_SON_REGLAS = (PLANTILLAS, VOCABULARIO, PLAN)


def directorio_reglas_incluidas() -> Path:
    """The built-in rules: packaged as ``auditor/_rules`` in a wheel, ``rules/`` in a checkout."""
    empaquetadas = importlib.resources.files("auditor") / "_rules"
    if empaquetadas.is_dir():
        return Path(str(empaquetadas))
    return Path(__file__).resolve().parents[3] / "rules"
