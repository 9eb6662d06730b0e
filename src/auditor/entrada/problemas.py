"""Input problems: what the loader and the importer found wrong in a file, each with its rule id and line."""

from __future__ import annotations

from dataclasses import dataclass

# Ids of the input problems; their metadata lives with the rules (auditor.reglas.chequeos.entrada).
ENTRADA_ILEGIBLE = "ENT001"
ENTRADA_ESTRUCTURA = "ENT002"
ENTRADA_CLAVE_REPETIDA = "ENT003"
ENTRADA_SIN_UBICAR = "ENT004"  # a part of an imported document that fits no field of the template
ENTRADA_SUPUESTO = "ENT005"  # a value an import had to assume (the document does not say it)
ENTRADA_OMITIDA = "ENT006"  # a text document in a directory walk that follows no layout of the report: not audited, said
SECCION_VACIA = "SEC001"  # a labelled section of a document left blank while another section answers the same field


@dataclass(frozen=True)
class ProblemaEntrada:
    regla: str
    linea: int
    mensaje: str
    campo: str | None = None
    texto: str | None = None
    meta: str | None = None
