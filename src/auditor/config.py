"""Configuration: ``auditor.yaml``, found from the current directory upward.

    reglas:
      EST003: false                     # turn a rule off
      PCT004: {severidad: info}         # change its severity
      PCT002: {parametros: {tolerancia: 1}}
    directorios_reglas: [reglas_oficina]  # more YAML rules and pattern sets (relative to this file)
    tamano_maximo_mb: 20                  # larger input files are refused unread

Unknown keys, unknown rule ids and unknown parameters are errors that name the file and line.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .catalog import Catalogo, ErrorReglas, leer_archivo_estricto
from .findings import Severity
from .load import TAMANO_MAXIMO_MB, describir_error
from .source import MapaFuente

NOMBRE_CONFIGURACION = "auditor.yaml"


class AjusteRegla(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    activa: bool = True
    severidad: Severity | None = None
    parametros: dict[str, Any] = Field(default_factory=dict)


class ArchivoConfiguracion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    reglas: dict[str, AjusteRegla | bool] = Field(default_factory=dict)
    directorios_reglas: list[str] = Field(default_factory=list)
    tamano_maximo_mb: float = Field(default=TAMANO_MAXIMO_MB, gt=0)


@dataclass
class Configuracion:
    """Settings for one run, with where they came from (for messages)."""

    archivo: str | None = None
    ajustes: dict[str, AjusteRegla] = field(default_factory=dict)
    directorios_reglas: list[Path] = field(default_factory=list)
    mapa: MapaFuente = field(default_factory=MapaFuente)
    tamano_maximo_mb: float = TAMANO_MAXIMO_MB

    def ajuste(self, regla: str) -> AjusteRegla:
        return self.ajustes.get(regla, AjusteRegla())

    def verificar(self, catalogo: Catalogo) -> None:
        """Every configured rule exists and every parameter is one the rule accepts."""
        nombre = self.archivo or NOMBRE_CONFIGURACION
        for regla_id, ajuste in self.ajustes.items():
            regla = catalogo.reglas.get(regla_id)
            if regla is None:
                pista = difflib.get_close_matches(regla_id, list(catalogo.reglas), n=1)
                raise ErrorReglas(
                    nombre, f"regla desconocida '{regla_id}'" + (f"; ¿quiso decir '{pista[0]}'?" if pista else ""),
                    self.mapa.linea_clave(("reglas", regla_id)),
                )
            if ajuste.parametros:
                try:
                    regla.Parametros.model_validate(ajuste.parametros)
                except ValidationError as error:
                    e = error.errors(include_url=False)[0]
                    clave = ".".join(str(p) for p in e["loc"])
                    validos = ", ".join(regla.Parametros.model_fields) or "ninguno"
                    problema = "parámetro desconocido" if e["type"] == "extra_forbidden" else describir_error(e)
                    raise ErrorReglas(
                        nombre, f"regla {regla_id}, parámetro '{clave}': {problema} (parámetros válidos: {validos})",
                        self.mapa.linea(("reglas", regla_id, "parametros", *e["loc"])),
                    ) from None

    def parametros(self, catalogo: Catalogo, regla_id: str) -> BaseModel:
        regla = catalogo.reglas[regla_id]
        return regla.Parametros.model_validate(self.ajuste(regla_id).parametros)


def buscar_configuracion(desde: Path) -> Path | None:
    """The nearest auditor.yaml in `desde` or its parents."""
    actual = desde.resolve()
    for carpeta in (actual, *actual.parents):
        candidato = carpeta / NOMBRE_CONFIGURACION
        if candidato.is_file():
            return candidato
    return None


def cargar_configuracion(ruta: Path | None) -> Configuracion:
    if ruta is None:
        return Configuracion()
    nombre = str(ruta)
    documento = leer_archivo_estricto(ruta)
    if documento is None:
        return Configuracion(archivo=nombre)
    try:
        datos = ArchivoConfiguracion.model_validate(documento.datos)
    except ValidationError as error:
        e = error.errors(include_url=False)[0]
        loc = tuple(p for p in e["loc"] if p not in ("AjusteRegla", "bool"))
        if e["type"] == "extra_forbidden":
            validos = ["reglas", "directorios_reglas"] if len(loc) == 1 else list(AjusteRegla.model_fields)
            pista = difflib.get_close_matches(str(loc[-1]), validos, n=1)
            mensaje = f"clave desconocida '{loc[-1]}'" + (f"; ¿quiso decir '{pista[0]}'?" if pista else "") + f" (válidas: {', '.join(validos)})"
            linea = documento.mapa.linea_clave(loc)
        else:
            mensaje = f"{'.'.join(str(p) for p in loc)}: {describir_error(e)}"
            linea = documento.mapa.linea(loc)
        raise ErrorReglas(nombre, mensaje, linea) from None
    ajustes = {k: (AjusteRegla(activa=v) if isinstance(v, bool) else v) for k, v in datos.reglas.items()}
    base = ruta.resolve().parent
    return Configuracion(
        archivo=nombre,
        ajustes=ajustes,
        directorios_reglas=[(base / d) for d in datos.directorios_reglas],
        mapa=documento.mapa,
        tamano_maximo_mb=datos.tamano_maximo_mb,
    )
