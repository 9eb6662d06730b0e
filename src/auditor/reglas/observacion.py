"""What a rule says: its severity, its category, and each observation it makes on a report.

Severidad and category are part of a rule's metadata (the configuration may change the severity);
an `Observacion` is what a rule yields before the engine gives it a place in a file."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from auditor.modelo.plan import Celda


class Severidad(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rango(self) -> int:
        """Higher is more serious."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def etiqueta(self) -> str:
        """The severity as the reader says it, in the run's language (JSON keeps `value`)."""
        from auditor.idioma import tr

        if self is Severidad.ERROR:
            return tr("error")
        return tr("advertencia") if self is Severidad.WARNING else tr("info")


class Categoria(str, Enum):
    MISSING_AMOUNT = "missing_amount"
    MALFORMED_VALUE = "malformed_value"
    PLACEHOLDER = "placeholder"
    EMPTY_FIELD = "empty_field"
    EMPTY_BENEFICIARIES = "empty_beneficiaries"
    PERCENTAGE_MISMATCH = "percentage_mismatch"
    MISSING_PERCENTAGE = "missing_percentage"
    MISSING_TARGET = "missing_target"
    UNJUSTIFIED_SHORTFALL = "unjustified_shortfall"
    COUNT_MISMATCH = "count_mismatch"
    DATE_INCONSISTENCY = "date_inconsistency"
    LOCATION = "location"
    STRUCTURE = "structure"
    AGGREGATE_MISMATCH = "aggregate_mismatch"
    DUPLICATED_TEXT = "duplicated_text"
    INPUT_ERROR = "input_error"
    INCONSISTENT_NAME = "inconsistent_name"
    SUPPRESSION = "suppression"  # a suppression that is wrong or left over (SUP rules)
    PLAN_MISMATCH = "plan_mismatch"  # the report against the Plan Indicativo, or the plan itself (PLN rules)


@dataclass(frozen=True)
class Observacion:
    """What a rule saw, before the engine gives it a severity and a place in a file.

    `meta` is the index of the meta in `Informe.metas` (None for report-level parts);
    `campo` is the path of the field below the meta (or below the report), e.g.
    ``inversion.ejecutada`` or ``beneficiarios.grupos[2].cantidad``; `en_plan` is the second place of a
    finding about the Plan Indicativo: the plan's sheet, row and cell that the report contradicts.
    """

    mensaje: str
    campo: str
    meta: int | None = None
    texto: str | None = None
    en_plan: Celda | None = None
    # not a finding: the rule decided this meta's field and found it right (PLN005 recomputed the % de cumplimiento with
    # the plan and it agrees); the engine drops what a rule it replaces says of the same field (`Regla.reemplaza`)
    solo_decide: bool = False
