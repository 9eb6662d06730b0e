"""The configuration of a run: ``auditor.yaml`` or ``[tool.auditor]`` in ``pyproject.toml``."""

from __future__ import annotations

from auditor.lectura.fuente import ErrorArchivo


class ErrorConfiguracion(ErrorArchivo):
    """The configuration is wrong or cannot be read; the run must stop and say where (file and line)."""
