"""``columnas:`` of the configuration: how an office's export of the Plan Indicativo differs from what the reader's
table knows (a field's header, more source headers, the sheet), and how a header is compared.  Apart from the reader of the plan (`entrada.plan`), so that reading the configuration does not
import the reader, its table and its models: a check without a plan never needs them."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from auditor.idioma import tr
from auditor.lectura.patrones import normalizar


def clave(texto: object) -> str:
    """A header or a word as it is compared: lower case, no accents, letters and digits separated by one space."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", normalizar(str(texto))).split())


class ColumnasPlan(BaseModel):
    """``columnas:`` in the configuration: how the office's export differs from what the table knows. A field named
    here is recognized by this header only (and the column must be there); `fuentes` adds source headers to the
    table's; `hoja` names the sheet of the metas (the workbook must have it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    numero: str | None = None  # the plan's meta number
    descripcion: str | None = None  # the meta de producto
    responsable: str | None = None  # the secretaría / dependencia responsable
    unidad: str | None = None
    linea_base: str | None = None
    meta_cuatrienio: str | None = None
    acumulacion: str | None = None  # tipo de acumulación
    programacion: str | None = None  # the form of a year's programming column, without the year ("Meta programada")
    total: str | None = None  # the form of a year's total resources column, without the year
    fuentes: list[str] = Field(default_factory=list)  # more forms of a year's source column, without the year ("Aportes del municipio")
    hoja: str | None = None  # the sheet of the metas, when its name is not one the table knows

    @field_validator("*")
    @classmethod
    def _no_vacio(cls, valor: str | list[str] | None) -> str | list[str] | None:
        for texto in (valor if isinstance(valor, list) else [valor]):
            if texto is not None and not clave(texto):
                raise ValueError(tr("se esperaba el texto de un encabezado de columna (se encontró '{valor}')", valor=texto))
        return valor

    @field_validator("fuentes", mode="before")
    @classmethod
    def _lista(cls, valor: object) -> object:
        """One header is a list of one; `fuentes:` left empty is no header."""
        return [] if valor is None else [valor] if isinstance(valor, str) else valor

    @property
    def encabezados(self) -> dict[str, str]:
        """The fields named by one header each (not `fuentes`, not `hoja`)."""
        return {campo: valor for campo, valor in self.model_dump(exclude_none=True, exclude={"fuentes", "hoja"}).items()}
