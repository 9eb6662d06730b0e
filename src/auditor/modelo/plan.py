"""The Plan Indicativo: the official metas of the development plan, their targets and their programming.

It is the record a report is checked against (which metas a secretaría must report, the four-year target,
what was programmed for each year, how each meta accumulates, the resources programmed by source). The
reader (`entrada.plan`) builds it from the KPT export (.xlsx) or a .csv; every value keeps the cell it came
from, so that a finding can name the plan's sheet and row as a second place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum


class Acumulacion(str, Enum):
    """Tipo de acumulación of a meta de producto (DNP): how its progress is computed."""

    FLUJO = "flujo"  # acumulado / flujo: the four-year target is the sum of the yearly targets
    CAPACIDAD = "capacidad"  # capacidad / stock: the last value counts, net of the línea base
    MANTENIMIENTO = "mantenimiento"  # the same value every year; 100 % each year it is held
    REDUCCION = "reduccion"  # lower is better


@dataclass(frozen=True)
class Celda:
    """A place in the plan: the sheet, the row (as the spreadsheet numbers it, from 1) and, when one
    value is meant, its column's letter (None for the whole row)."""

    hoja: str
    fila: int
    columna: str | None = None

    def __str__(self) -> str:
        return f"{self.hoja}!{self.columna}{self.fila}" if self.columna else f"{self.hoja}, fila {self.fila}"


@dataclass(frozen=True)
class Programado:
    """What the plan programs for one year: a quantity, or NP ("no programado", which is not 0)."""

    valor: float | None
    celda: Celda
    no_programado: bool = False


@dataclass(frozen=True)
class Recursos:
    """The resources the plan programs for one year, by source (keyed by the plan's column header, "Recursos propios
    2024", "SGP Educación 2024", …; in millones de pesos), the total the plan states (None: no total column), and whether
    every source column of the year was recognized."""

    fuentes: Mapping[str, float]
    total: float | None
    celda: Celda
    completas: bool = True  # False: the year has a column among its resources the reader does not know, so its sources
    # are not all here, and their sum says nothing (PLN009 keeps silent; PLN008 uses the total only)


@dataclass(frozen=True)
class MetaPlan:
    """One meta de producto of the Plan Indicativo, with where each of its values is."""

    numero: str  # the plan's own meta number or code as written ("12", "3.1.1")
    descripcion: str
    fila: Celda  # the row of the meta
    responsable: str | None = None  # secretaría / dependencia responsable, when the plan has the column
    unidad: str | None = None
    linea_base: float | None = None
    meta_cuatrienio: float | None = None
    acumulacion: Acumulacion | None = None
    programacion: Mapping[int, Programado] = field(default_factory=dict)  # year -> what was programmed
    recursos: Mapping[int, Recursos] = field(default_factory=dict)  # year -> resources by source
    celdas: Mapping[str, Celda] = field(default_factory=dict)  # field name (descripcion, unidad, meta_cuatrienio, ...) -> cell


@dataclass(frozen=True)
class PlanIndicativo:
    """A Plan Indicativo as read: its metas in the plan's order, and whether it says who is responsable."""

    archivo: str
    hoja: str
    metas: tuple[MetaPlan, ...]
    con_responsable: bool  # False: the plan has no responsable column, and omissions cannot be checked
    avisos: tuple[str, ...] = ()  # what the reader says about how it read the file (a .csv not in UTF-8), for the user

    def por_numero(self) -> dict[str, MetaPlan]:
        return {m.numero: m for m in self.metas}
