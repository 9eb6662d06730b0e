"""Baselines: accept today's findings, fail only on new ones.

A baseline is a JSON file a team commits next to its reports::

    {
      "version": 1,
      "hallazgos": [
        {"huella": "3f0c9a1b2d4e5f60", "regla": "INV001", "archivo": "informes/fronteras.yaml",
         "meta": "6", "campo": "inversion.ejecutada", "texto": "$ millones", "cantidad": 1},
        ...
      ]
    }

Only `huella`, `archivo` and `cantidad` are used to match (see auditor.resultado.huellas); rule,
meta, field and a short text are there so that a reviewer can read a diff of it.  Files
are named relative to the baseline's directory, as every output shows a file name (`lectura.visible`:
a byte that is not UTF-8 as ``\\xff``; an ordinary name as it is).  Entries are sorted and the file has no
date or version of the tool: the same findings give the same bytes.

Matching is a multiset: an entry with ``cantidad: 2`` accepts two findings with that
fingerprint; a third one is new.  Entries of the audited files that matched nothing are
counted as fixed, so the team knows when to refresh the baseline.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from auditor.idioma import tr
from auditor.lectura.fuente import ErrorArchivo, leer_archivo_estricto, ubicar_errores
from auditor.lectura.recorte import acortar
from auditor.lectura.visible import visible
from auditor.motor.supresiones import NO_SUPRIMIBLES
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import LINEA_BASE, Hallazgo, Suprimido
from auditor.resultado.huellas import campo_estable, huella, identidad_archivo
from auditor.resultado.informe import ResultadoInforme

VERSION = 1
TIPO = "auditor-linea-base"
_TEXTO_CORTO = 80


class _EntradaArchivo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    huella: str = Field(pattern=r"^[0-9a-f]{16}$")
    archivo: str
    regla: str | None = None
    meta: str | None = None
    campo: str | None = None
    texto: str | None = None
    cantidad: int = Field(default=1, ge=1)


class _Archivo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    tipo: Literal["auditor-linea-base"] | None = None  # absent in files written before it existed
    version: int
    hallazgos: list[_EntradaArchivo] = Field(default_factory=list)


@dataclass
class LineaBase:
    """The accepted findings: fingerprint -> how many, and the file each one is in."""

    ruta: str
    directorio: Path
    cuentas: Counter[str] = field(default_factory=Counter)
    archivos: dict[str, str] = field(default_factory=dict)


def _clave_meta(meta: str | None) -> tuple[int, int, str]:
    if meta is None:
        return (0, 0, "")
    return (1, int(meta), "") if meta.isdigit() else (2, 0, meta)


def aceptables(resultado: Resultado) -> list[Hallazgo]:
    """The findings a baseline may accept: every finding that counts, except an unread file."""
    return [f for f in resultado.hallazgos() if f.regla not in NO_SUPRIMIBLES]


def construir(findings: list[Hallazgo], destino: Path) -> str:
    """The text of a baseline at `destino` accepting `findings` (sorted, deterministic)."""
    base = destino.resolve().parent
    cuentas: Counter[str] = Counter()
    muestra: dict[str, dict[str, Any]] = {}
    for f in findings:
        h = huella(f, base)
        cuentas[h] += 1
        muestra.setdefault(h, {
            "huella": h, "regla": f.regla, "archivo": visible(identidad_archivo(f.archivo, base)), "meta": visible(f.meta) if f.meta else f.meta,
            # for a reviewer's eye only (never matched): shown as every output shows them, so that the file reads back
            "campo": visible(campo_estable(f.campo)) or None, "texto": visible(acortar(f.texto, _TEXTO_CORTO)) if f.texto else None,
        })
    entradas = [{**muestra[h], "cantidad": n} for h, n in cuentas.items()]
    entradas.sort(key=lambda e: (e["archivo"], _clave_meta(e["meta"]), e["regla"], e["campo"] or "", e["huella"]))
    documento = {"tipo": TIPO, "version": VERSION, "hallazgos": entradas}  # `tipo` first: a directory walk knows it
    return json.dumps(documento, ensure_ascii=False, indent=2) + "\n"


class ErrorLineaBase(ErrorArchivo):
    """A baseline is missing or wrong; the run must stop and say where (file and line)."""


def leer(ruta: Path) -> LineaBase:
    """Read a baseline; any problem is an ErrorLineaBase naming the file and line (the run stops)."""
    nombre = str(ruta)
    if not ruta.is_file():
        raise ErrorLineaBase(nombre, tr("no existe la línea base; créela con 'auditor check RUTAS --write-baseline {archivo}'", archivo=nombre))
    try:
        documento = leer_archivo_estricto(ruta, "YAML" if ruta.suffix.lower() in (".yaml", ".yml") else "JSON")
    except ErrorArchivo as error:
        raise ErrorLineaBase.de(error) from None
    if documento is None:
        raise ErrorLineaBase(nombre, tr("el archivo no tiene contenido: se esperaba una línea base"), 1)
    try:
        datos = _Archivo.model_validate(documento.datos)
    except ValidationError as error:
        e = ubicar_errores(error, documento.mapa)[0]
        mensaje = f"{e.donde}: {tr('clave desconocida')}" if e.tipo == "extra_forbidden" else e.mensaje
        raise ErrorLineaBase(nombre, mensaje, e.linea) from None
    if datos.version != VERSION:
        raise ErrorLineaBase(nombre, tr("versión {version} de línea base no soportada (esta versión de auditor lee la {esperada})",
                                        version=datos.version, esperada=VERSION), documento.mapa.linea(("version",)))
    linea_base = LineaBase(nombre, ruta.resolve().parent)
    for entrada in datos.hallazgos:
        linea_base.cuentas[entrada.huella] += entrada.cantidad
        linea_base.archivos[entrada.huella] = entrada.archivo
    return linea_base


def aplicar(resultado: Resultado, linea_base: LineaBase) -> None:
    """Move the findings the baseline accepts to the suppressed ones; count its entries that no longer appear."""
    restantes = Counter(linea_base.cuentas)
    motivo = tr("aceptado en la línea base")
    auditados = set()

    def en_informe(informe: ResultadoInforme) -> None:
        auditados.add(visible(identidad_archivo(informe.archivo, linea_base.directorio)))  # as `construir` names it
        quedan = []
        for f in informe.hallazgos:
            h = huella(f, linea_base.directorio)
            if f.regla not in NO_SUPRIMIBLES and restantes[h] > 0:
                restantes[h] -= 1
                informe.suprimidos.append(Suprimido(f, LINEA_BASE, linea_base.ruta, motivo))
            else:
                quedan.append(f)
        informe.hallazgos = quedan
        informe.suprimidos.sort(key=lambda s: s.hallazgo.clave_orden())

    resultado.informes.transformar(en_informe)
    resultado.linea_base = linea_base.ruta
    resultado.linea_base_corregidos = sum(n for h, n in restantes.items() if n > 0 and linea_base.archivos.get(h) in auditados)
