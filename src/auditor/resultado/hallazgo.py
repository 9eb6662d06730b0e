"""The finding record every stage after the engine speaks: one contradiction, one place; and a suppressed one."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.idioma import tr
from auditor.reglas.observacion import Category, Severity


@dataclass(frozen=True)
class Finding:
    """One contradiction, pointing to file, line, meta and field, with the text quoted."""

    rule: str
    category: Category
    severity: Severity
    message: str
    file: str
    line: int
    meta: str | None = None
    field: str | None = None
    text: str | None = None
    location: str | None = None  # where in a .docx ("tabla 2, fila 1, celda 3"); None for line-based files

    @property
    def lugar(self) -> str:
        """file:line as a reader looks it up, with the place in a Word document when there is one."""
        return f"{self.file}:{self.line}" + (f" ({self.location})" if self.location else "")

    def clave_orden(self) -> tuple[str, int, str, str, str, str]:
        return (self.file, self.line, self.field or "", self.rule, self.message, self.text or "")


EN_LINEA, CONFIGURACION, LINEA_BASE = "inline", "config", "baseline"


@dataclass(frozen=True)
class Suprimido:
    """A finding that does not count, with why (`motivo`) and where that was decided (`origen`)."""

    finding: Finding
    tipo: str  # EN_LINEA, CONFIGURACION or LINEA_BASE
    origen: str  # "informe.yaml:42", "auditor.yaml:7 (borradores/**)", "linea-base.json"
    motivo: str


def nombre_tipo(tipo: str) -> str:
    """The kind of suppression as the reader sees it."""
    return {EN_LINEA: tr("en línea"), CONFIGURACION: tr("configuración"), LINEA_BASE: tr("línea base")}[tipo]
