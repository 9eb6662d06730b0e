"""The finding record every stage after the engine speaks: one contradiction, one place; and a suppressed one."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.idioma import tr
from auditor.lectura.visible import visible
from auditor.modelo.plan import Celda
from auditor.reglas.observacion import Categoria, Severidad


@dataclass(frozen=True)
class LugarEnPlan:
    """The second place of a finding about the Plan Indicativo: the plan's file and its cell (sheet, row, and the
    column when one value is meant)."""

    archivo: str
    celda: Celda

    @property
    def hoja(self) -> str:
        return self.celda.hoja

    @property
    def fila(self) -> int:
        return self.celda.fila

    @property
    def columna(self) -> str | None:
        return self.celda.columna

    def descripcion(self) -> str:
        """For people, in the run's language: 'Plan Indicativo: hoja PLAN INDICATIVO - PRODUCTOS, fila 12, columna N'."""
        if self.columna:
            return tr("Plan Indicativo: hoja {hoja}, fila {fila}, columna {columna}", hoja=self.hoja, fila=self.fila, columna=self.columna)
        return tr("Plan Indicativo: hoja {hoja}, fila {fila}", hoja=self.hoja, fila=self.fila)


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
    plan: LugarEnPlan | None = None  # the second place: the Plan Indicativo's cell the report contradicts (rules PLN)

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
