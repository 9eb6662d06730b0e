"""Configuration: ``auditor.yaml``, found from the current directory upward.

    reglas:
      EST003: false                     # turn a rule off
      PCT004: {severidad: info}         # change its severity
      PCT002: {parametros: {tolerancia: 1}}
    directorios_reglas: [reglas_oficina]  # more YAML rules and pattern sets (relative to this file)
    por_ruta:                           # per path or glob (relative to this file): turn off or change severity
      "borradores/**": {motivo: "Borradores aún sin revisar", reglas: {INV001: false, PCT004: {severidad: info}}}

The same keys may live in ``pyproject.toml`` under ``[tool.auditor]`` (TOML).  The search
walks up from the current directory and stops at the first directory holding either one;
a directory holding both is an error (two sources of truth, one would be silently ignored).

    idioma: en                          # language of the messages (--lang wins)
    falla_en: advertencia               # the --fail-on default (the command line wins)
    tamano_maximo_mb: 20                  # larger input files are refused unread
    tiempo_expresiones_s: 5               # seconds for the searches of the office's own regular expressions, per report
    excluir: ["borradores/viejos/", "*.copia.yaml"]  # gitignore-style patterns (relative to this file) directory walks skip
    url_documentacion: https://ejemplo.gov.co/auditor/reglas/  # where docs/reglas/ID.md is published: SARIF's helpUri
    plan: plan/plan_indicativo.xlsx       # the Plan Indicativo the reports are checked against (relative to this file; --plan wins)
    columnas: {numero: "Cód. meta PDD", responsable: "Sectorial"}  # the headers of an export the reader does not know
    columnas: {hoja: "Matriz", fuentes: ["Aportes del municipio"]}  # ... its sheet, and sources the table does not know
    cache: false                          # no .auditor_cache/ beside this file (--no-cache does the same for one run)

Unknown keys, unknown rule ids and unknown parameters are errors that name the file and line.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic.fields import FieldInfo

from auditor.configuracion import ErrorConfiguracion
from auditor.entrada.carga import TAMANO_MAXIMO_MB
from auditor.entrada.columnas import ColumnasPlan
from auditor.idioma import tr
from auditor.lectura.fuente import Documento, ErrorArchivo, MapaFuente, leer_archivo_estricto, ubicar_errores
from auditor.lectura.patrones import SEGUNDOS_POR_INFORME
from auditor.reglas.catalogo import Catalogo
from auditor.reglas.observacion import Severidad

NOMBRE_CONFIGURACION = "auditor.yaml"
NOMBRE_PYPROJECT = "pyproject.toml"
TIEMPO_CONFIGURABLE_S = 600  # the largest `tiempo_expresiones_s`, per report
TAMANO_CONFIGURABLE_MB = 1024  # the largest `tamano_maximo_mb`: a file is read whole, and a report of 1 GB would not fit in memory
NivelFalla = Literal["error", "warning", "info", "never", "advertencia", "nunca"]


def _severidad_en_espanol(valor: Any) -> Any:
    """`advertencia`, as every Spanish output prints it, is `warning` (error and info read the same)."""
    return "warning" if isinstance(valor, str) and valor.strip().lower() == "advertencia" else valor


class AjusteRegla(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    activa: bool = True
    severidad: Severidad | None = None
    parametros: dict[str, Any] = Field(default_factory=dict)

    _espanol = field_validator("severidad", mode="before")(_severidad_en_espanol)


class AjusteRuta(BaseModel):
    """A rule under `por_ruta`: off (its findings are suppressed, never lost) or with another severity."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    activa: bool = True
    severidad: Severidad | None = None

    _espanol = field_validator("severidad", mode="before")(_severidad_en_espanol)


class EntradaRuta(BaseModel):
    """The settings of one path or glob under `por_ruta`, with an optional reason shown with what it suppresses."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    reglas: dict[str, AjusteRuta | bool] = Field(default_factory=dict)
    motivo: str | None = None


class ArchivoConfiguracion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    reglas: dict[str, AjusteRegla | bool] = Field(default_factory=dict)
    directorios_reglas: list[str] = Field(default_factory=list)
    por_ruta: dict[str, EntradaRuta] = Field(default_factory=dict)
    idioma: Literal["es", "en"] | None = None
    falla_en: NivelFalla | None = None

    @field_validator("reglas", mode="before")
    @classmethod
    def _reglas_vacias(cls, valor: Any) -> Any:
        """``reglas:`` with every entry commented out (as ``auditor init`` writes it) is empty, not null."""
        return {} if valor is None else valor

    @field_validator("directorios_reglas", mode="before")
    @classmethod
    def _directorios_vacios(cls, valor: Any) -> Any:
        return [] if valor is None else valor
    excluir: list[str] = Field(default_factory=list)

    @field_validator("excluir", mode="before")
    @classmethod
    def _excluir_vacio(cls, valor: Any) -> Any:
        return [] if valor is None else valor

    @field_validator("excluir")
    @classmethod
    def _patrones_validos(cls, valor: list[str]) -> list[str]:
        """Each entry one gitignore-style pattern that pathspec reads (an empty one would leave out nothing, silently)."""
        from auditor.entrada.recorrido import patron_invalido

        for patron in valor:
            problema = patron_invalido(patron)
            if problema is not None:
                raise ValueError(problema)
        return valor
    tamano_maximo_mb: float = TAMANO_MAXIMO_MB
    tiempo_expresiones_s: float = SEGUNDOS_POR_INFORME
    url_documentacion: str | None = None
    plan: str | None = None  # the Plan Indicativo's file, relative to the configuration's
    columnas: ColumnasPlan | None = None  # the headers of the office's export of the plan, by field
    cache: bool = True  # keep each file's result in .auditor_cache/ beside this file (--no-cache wins)

    @field_validator("plan")
    @classmethod
    def _plan_no_vacio(cls, valor: str | None) -> str | None:
        if valor is not None and not valor.strip():
            raise ValueError(tr("se esperaba la ruta del Plan Indicativo (.xlsx o .csv), relativa a este archivo"))
        return valor

    @field_validator("url_documentacion")
    @classmethod
    def _url_absoluta(cls, valor: str | None) -> str | None:
        """The base address of the rule pages: absolute (SARIF viewers open it as it is), http or https."""
        if valor is not None and not re.fullmatch(r"https?://[^\s/]+(?:/\S*)?", valor):
            raise ValueError(tr("se esperaba una dirección absoluta http:// o https:// (se encontró '{valor}')", valor=valor))
        return valor

    @field_validator("tiempo_expresiones_s")
    @classmethod
    def _tiempo_en_rango(cls, valor: float) -> float:
        if not (math.isfinite(valor) and 0 < valor <= TIEMPO_CONFIGURABLE_S):
            raise ValueError(tr("se esperaba un número finito de segundos, mayor que 0 y menor o igual que {maximo:g} (se encontró {valor})",
                                maximo=TIEMPO_CONFIGURABLE_S, valor=_como_se_escribe(valor)))
        return valor

    @field_validator("tamano_maximo_mb")
    @classmethod
    def _tamano_en_rango(cls, valor: float) -> float:
        """`.inf` or `1e400` (read as infinity) would switch the limit off, `.nan` would compare false with any size."""
        if not (math.isfinite(valor) and 0 < valor <= TAMANO_CONFIGURABLE_MB):
            raise ValueError(tr("se esperaba un número finito de MB, mayor que 0 y menor o igual que {maximo:g} (se encontró {valor})",
                                maximo=TAMANO_CONFIGURABLE_MB, valor=_como_se_escribe(valor)))
        return valor


@dataclass
class Configuracion:
    """Settings for one run, with where they came from (for messages)."""

    archivo: str | None = None
    ajustes: dict[str, AjusteRegla] = field(default_factory=dict)
    directorios_reglas: list[Path] = field(default_factory=list)
    mapa: MapaFuente = field(default_factory=MapaFuente)
    por_ruta: dict[str, EntradaRuta] = field(default_factory=dict)  # glob (relative to `directorio`) -> settings
    directorio: Path | None = None  # where the configuration file is: globs of `por_ruta` are relative to it
    idioma: str | None = None  # None: the default (or --lang)
    falla_en: str | None = None  # None: the default (or --fail-on)
    tamano_maximo_mb: float = TAMANO_MAXIMO_MB
    tiempo_expresiones_s: float = SEGUNDOS_POR_INFORME  # the offices' own expressions, all searches of one report
    excluir: list[str] = field(default_factory=list)  # gitignore-style patterns, relative to `directorio`, that walks skip
    url_documentacion: str | None = None  # where the rule pages are published (SARIF's helpUri); None: no helpUri
    plan: Path | None = None  # the Plan Indicativo (`plan:`, made absolute from the configuration's folder); --plan wins
    columnas: ColumnasPlan | None = None  # `columnas:`: the headers of the office's export of the plan
    cache: bool = True  # `cache:`: keep each file's result between runs (see motor.cache); --no-cache wins

    def ajuste(self, regla: str) -> AjusteRegla:
        return self.ajustes.get(regla, AjusteRegla())

    def verificar(self, catalogo: Catalogo) -> None:
        """Every configured rule exists and every parameter is one the rule accepts."""
        nombre = self.archivo or NOMBRE_CONFIGURACION
        for regla_id, ajuste in self.ajustes.items():
            regla = catalogo.reglas.get(regla_id)
            if regla is None:
                pista = difflib.get_close_matches(regla_id, list(catalogo.reglas), n=1)
                raise ErrorConfiguracion(
                    nombre, tr("regla desconocida '{regla}'; ¿quiso decir '{pista}'?", regla=regla_id, pista=pista[0]) if pista
                    else tr("regla desconocida '{regla}'", regla=regla_id),
                    self.mapa.linea_clave(("reglas", regla_id)),
                )
            if ajuste.parametros:
                try:
                    aceptados = regla.Parametros.model_validate(ajuste.parametros)
                except ValidationError as error:
                    e = ubicar_errores(error, self.mapa, ("reglas", regla_id, "parametros"))[0]
                    validos = ", ".join(regla.Parametros.model_fields) or tr("ninguno")
                    problema = tr("parámetro desconocido") if e.tipo == "extra_forbidden" else e.descripcion
                    if e.tipo in _FUERA_DE_RANGO and len(e.loc) == 1 and e.clave in regla.Parametros.model_fields:
                        problema = _esperado(regla.Parametros.model_fields[e.clave], e.entrada)
                    raise ErrorConfiguracion(
                        nombre, tr("regla {regla}, parámetro '{clave}': {problema} (parámetros válidos: {validos})",
                                   regla=regla_id, clave=e.donde, problema=problema, validos=validos),
                        e.linea,
                    ) from None
                for ruta, valor in _no_finitos(aceptados.model_dump()):
                    campo = regla.Parametros.model_fields.get(str(ruta[0]))
                    problema = _esperado(campo, valor) if campo is not None and len(ruta) == 1 else _esperado(None, valor)
                    raise ErrorConfiguracion(
                        nombre, tr("regla {regla}, parámetro '{clave}': {problema}", regla=regla_id, clave=".".join(map(str, ruta)),
                                   problema=problema),
                        self.mapa.linea(("reglas", regla_id, "parametros", *ruta)),
                    )
        self._verificar_por_ruta(catalogo)

    def _verificar_por_ruta(self, catalogo: Catalogo) -> None:
        """Every rule named under `por_ruta` exists, and none is turned on there while it is off for every file."""
        nombre = self.archivo or NOMBRE_CONFIGURACION
        for patron, entrada in self.por_ruta.items():
            if not patron.strip():
                raise ErrorConfiguracion(nombre, tr("por_ruta: el patrón de ruta está vacío"), self.mapa.linea_clave(("por_ruta", patron)))
            for regla_id, ajuste in entrada.reglas.items():
                linea = self.mapa.linea_clave(("por_ruta", patron, "reglas", regla_id))
                if regla_id not in catalogo.reglas:
                    pista = difflib.get_close_matches(regla_id, list(catalogo.reglas), n=1)
                    raise ErrorConfiguracion(nombre, tr("por_ruta '{patron}': regla desconocida '{regla}'", patron=patron, regla=regla_id)
                                      + (tr("; ¿quiso decir '{pista}'?", pista=pista[0]) if pista else ""), linea)
                activa = ajuste if isinstance(ajuste, bool) else ("activa" in ajuste.model_fields_set and ajuste.activa)
                if activa and not self.ajuste(regla_id).activa:
                    raise ErrorConfiguracion(nombre, tr("por_ruta '{patron}': la regla {regla} está apagada en 'reglas' y no se puede "
                                                 "encender solo para una ruta", patron=patron, regla=regla_id), linea)

    def parametros(self, catalogo: Catalogo, regla_id: str) -> BaseModel:
        regla = catalogo.reglas[regla_id]
        return regla.Parametros.model_validate(self.ajuste(regla_id).parametros)


_FUERA_DE_RANGO = frozenset({"greater_than", "greater_than_equal", "less_than", "less_than_equal", "finite_number"})


def _esperado(campo: FieldInfo | None, encontrado: Any) -> str:
    """What a numeric parameter must be, with its range when it has one: 'se esperaba un número finito entre 0 y 100
    (se encontró .inf)'."""
    limites = {type(m).__name__: getattr(m, type(m).__name__.lower()) for m in (campo.metadata if campo else ())
               if type(m).__name__ in ("Ge", "Gt", "Le", "Lt")}
    minimo = (tr("mayor o igual que {n:g}", n=limites["Ge"]) if "Ge" in limites
              else tr("mayor que {n:g}", n=limites["Gt"]) if "Gt" in limites else "")
    maximo = (tr("menor o igual que {n:g}", n=limites["Le"]) if "Le" in limites
              else tr("menor que {n:g}", n=limites["Lt"]) if "Lt" in limites else "")
    rango = tr("{minimo} y {maximo}", minimo=minimo, maximo=maximo) if minimo and maximo else minimo or maximo
    return tr("se esperaba un número finito{rango} (se encontró {valor})", rango=f" {rango}" if rango else "",
              valor=_como_se_escribe(encontrado))


def _como_se_escribe(valor: Any) -> str:
    """A value as the configuration writes it: YAML's `.inf` and `.nan` for the numbers that are not finite."""
    if isinstance(valor, float) and not math.isfinite(valor):
        return ".nan" if math.isnan(valor) else (".inf" if valor > 0 else "-.inf")
    return str(valor)


def _no_finitos(valor: Any, ruta: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], float]]:
    """The numbers that are not finite in a rule's validated parameters (`.inf`, `.nan`, `1e400`), with where they are:
    pydantic accepts them as floats, and a tolerance of infinity turns a rule off without saying so."""
    if isinstance(valor, float) and not math.isfinite(valor):
        yield ruta, valor
    elif isinstance(valor, dict):
        for clave, dentro in valor.items():
            yield from _no_finitos(dentro, (*ruta, clave))
    elif isinstance(valor, (list, tuple)):
        for i, dentro in enumerate(valor):
            yield from _no_finitos(dentro, (*ruta, i))


def buscar_configuracion(desde: Path) -> Path | None:
    """The nearest auditor.yaml, or pyproject.toml with a [tool.auditor] table, in `desde` or its parents.

    A directory with both is an error: one of them would be silently ignored."""
    from auditor.configuracion.pyproject import tiene_tabla_auditor

    actual = desde.resolve()
    for carpeta in (actual, *actual.parents):
        candidato = carpeta / NOMBRE_CONFIGURACION
        pyproject = carpeta / NOMBRE_PYPROJECT
        for ruta in (candidato, pyproject):  # a pipe or a device with that name is not skipped as if absent
            if ruta.exists() and not ruta.is_file():
                raise ErrorConfiguracion(str(ruta), tr("no es un archivo regular (¿una tubería, un dispositivo o un socket?): no se lee"))
        con_tabla = pyproject.is_file() and tiene_tabla_auditor(pyproject)
        if candidato.is_file() and con_tabla:
            raise ErrorConfiguracion(str(carpeta), tr(
                "hay dos configuraciones en este directorio: {yaml} y la tabla [tool.auditor] de {toml}; "
                "deje solo una (o elija una con --config)", yaml=NOMBRE_CONFIGURACION, toml=NOMBRE_PYPROJECT))
        if candidato.is_file():
            return candidato
        if con_tabla:
            return pyproject
    return None


def cargar_configuracion(ruta: Path | None) -> Configuracion:
    if ruta is None:
        return Configuracion()
    nombre = str(ruta)
    if ruta.suffix.lower() == ".toml":
        from auditor.configuracion.pyproject import leer_pyproject

        documento: Documento | None = leer_pyproject(ruta)
    else:
        try:
            documento = leer_archivo_estricto(ruta)
        except ErrorArchivo as error:
            raise ErrorConfiguracion.de(error) from None
    if documento is None:
        return Configuracion(archivo=nombre)
    try:
        datos = ArchivoConfiguracion.model_validate(documento.datos)
    except ValidationError as error:
        e = ubicar_errores(error, documento.mapa, limpiar=lambda loc: tuple(p for p in loc if p not in ("AjusteRegla", "AjusteRuta", "bool")))[0]
        loc = e.loc
        if e.tipo == "extra_forbidden":
            validos = ["reglas", "directorios_reglas"] if len(loc) == 1 else list(AjusteRegla.model_fields)
            if len(loc) == 1:
                validos = list(ArchivoConfiguracion.model_fields)
            elif loc[0] == "por_ruta":
                validos = list(EntradaRuta.model_fields) if len(loc) == 3 else list(AjusteRuta.model_fields)
            elif loc[0] == "columnas":
                validos = list(ColumnasPlan.model_fields)
            pista = difflib.get_close_matches(str(loc[-1]), validos, n=1)
            mensaje = (tr("clave desconocida '{clave}'; ¿quiso decir '{pista}'? (válidas: {validas})", clave=loc[-1], pista=pista[0],
                          validas=", ".join(validos)) if pista
                       else tr("clave desconocida '{clave}' (válidas: {validas})", clave=loc[-1], validas=", ".join(validos)))
        else:
            mensaje = e.mensaje
        raise ErrorConfiguracion(nombre, mensaje, e.linea) from None
    ajustes = {k: (AjusteRegla(activa=v) if isinstance(v, bool) else v) for k, v in datos.reglas.items()}
    base = ruta.resolve().parent
    return Configuracion(
        archivo=nombre,
        ajustes=ajustes,
        directorios_reglas=[(base / d) for d in datos.directorios_reglas],
        mapa=documento.mapa,
        por_ruta=dict(datos.por_ruta),
        directorio=base,
        idioma=datos.idioma,
        falla_en=datos.falla_en,
        tamano_maximo_mb=datos.tamano_maximo_mb,
        tiempo_expresiones_s=datos.tiempo_expresiones_s,
        excluir=list(datos.excluir),
        url_documentacion=datos.url_documentacion,
        plan=base / datos.plan if datos.plan is not None else None,
        columnas=datos.columnas,
        cache=datos.cache,
    )
