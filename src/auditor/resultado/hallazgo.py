"""The finding record every stage after the engine speaks: one contradiction, one place; and a suppressed one."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.idioma import tr
from auditor.lectura.visible import visible
from auditor.reglas.observacion import Categoria, Severidad


@dataclass(frozen=True)
class Hallazgo:
    """One contradiction, pointing to file, line, meta and field, with the text quoted."""

    regla: str
    categoria: Categoria
    severidad: Severidad
    mensaje: str
    archivo: str
    linea: int
    meta: str | None = None
    campo: str | None = None
    texto: str | None = None
    ubicacion: str | None = None  # where in a .docx ("tabla 2, fila 1, celda 3"); None for line-based files

    @property
    def lugar(self) -> str:
        """file:line as a reader looks it up, with the place in a Word document when there is one; any
        byte or control character of the file name shown escaped (see `lectura.visible`)."""
        return f"{visible(self.archivo)}:{self.linea}" + (f" ({visible(self.ubicacion)})" if self.ubicacion else "")

    def clave_orden(self) -> tuple[str, int, str, str, str, str]:
        return (self.archivo, self.linea, self.campo or "", self.regla, self.mensaje, self.texto or "")


EN_LINEA, CONFIGURACION, LINEA_BASE = "inline", "config", "baseline"


@dataclass(frozen=True)
class Suprimido:
    """A finding that does not count, with why (`motivo`) and where that was decided (`origen`)."""

    hallazgo: Hallazgo
    tipo: str  # EN_LINEA, CONFIGURACION or LINEA_BASE
    origen: str  # "informe.yaml:42", "auditor.yaml:7 (borradores/**)", "linea-base.json"
    motivo: str


def nombre_tipo(tipo: str) -> str:
    """The kind of suppression as the reader sees it."""
    return {EN_LINEA: tr("en línea"), CONFIGURACION: tr("configuración"), LINEA_BASE: tr("línea base")}[tipo]
