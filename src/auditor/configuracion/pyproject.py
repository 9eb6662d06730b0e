"""``[tool.auditor]`` in ``pyproject.toml``: the same keys as ``auditor.yaml``, in TOML.

``tomllib`` (``tomli`` before Python 3.11) gives the values but no line numbers, so a light
scan of the text finds the line of each key of the table (table headers, ``clave = valor``
lines, dotted keys and the keys of inline tables): enough for every configuration message
to name ``pyproject.toml:LINE``.  A key the scan cannot place gets the line of its closest
placed ancestor, as in YAML.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from auditor.configuracion import ErrorConfiguracion
from auditor.idioma import tr
from auditor.lectura.fuente import Documento, ErrorArchivo, MapaFuente, Ruta, leer_texto_estricto

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TABLA = ("tool", "auditor")

_CLAVE_SIMPLE = r'(?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\')'
_CABECERA = re.compile(r"^\s*\[\s*(" + _CLAVE_SIMPLE + r"(?:\s*\.\s*" + _CLAVE_SIMPLE + r")*)\s*\]\s*(?:#.*)?$")
_CABECERA_ARREGLO = re.compile(r"^\s*\[\[")
_ASIGNACION = re.compile(r"^\s*(" + _CLAVE_SIMPLE + r"(?:\s*\.\s*" + _CLAVE_SIMPLE + r")*)\s*=(.*)$")
_FICHAS = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|[{}]|' + r"([A-Za-z0-9_-]+)\s*=")
_POSICION = re.compile(r"\(at line (\d+), column (\d+)\)")


def _partes(clave: str) -> tuple[str, ...]:
    return tuple(p.strip().strip("\"'") for p in re.findall(_CLAVE_SIMPLE, clave))


def _anotar(lineas: dict[Ruta, int], ruta: Ruta, linea: int) -> None:
    for i in range(1, len(ruta) + 1):  # a dotted key also places its parents, when nothing did
        lineas.setdefault(ruta[:i], linea)


def _tabla_en_linea(lineas: dict[Ruta, int], ruta: Ruta, resto: str, linea: int) -> None:
    """The keys of an inline table (``PCT002 = {parametros = {tolerancia = 1}}``), all on `linea`."""
    pila = [ruta]
    ultima: Ruta | None = None
    for ficha in _FICHAS.finditer(resto):
        texto = ficha.group(0)
        if ficha.group(1):
            ultima = (*pila[-1], ficha.group(1))
            _anotar(lineas, ultima, linea)
        elif texto == "{":
            pila.append(ultima if ultima is not None and len(pila) > 1 else pila[-1])
        elif texto == "}" and len(pila) > 1:
            pila.pop()


def mapa_de_lineas(texto: str) -> MapaFuente:
    """Line of each key under ``[tool.auditor]``, paths relative to that table."""
    lineas: dict[Ruta, int] = {}
    tabla: Ruta | None = ()  # the table the following keys belong to (None: an array of tables)
    for numero, linea in enumerate(texto.splitlines(), start=1):
        if _CABECERA_ARREGLO.match(linea):
            tabla = None
            continue
        cabecera = _CABECERA.match(linea)
        if cabecera:
            tabla = _partes(cabecera.group(1))
            _anotar(lineas, tabla, numero)
            continue
        asignacion = _ASIGNACION.match(linea)
        if asignacion is None or tabla is None:
            continue
        ruta = (*tabla, *_partes(asignacion.group(1)))
        _anotar(lineas, ruta, numero)
        _tabla_en_linea(lineas, ruta, asignacion.group(2), numero)
    mapa = MapaFuente()
    for ruta, numero in lineas.items():
        if ruta[:2] == TABLA:
            mapa.lineas[ruta[2:]] = numero
            mapa.lineas_clave[ruta[2:]] = numero
    return mapa


def _leer(ruta: Path) -> tuple[str, dict[str, Any]]:
    nombre = str(ruta)
    try:
        texto = leer_texto_estricto(ruta)
    except ErrorArchivo as error:
        if error.motivo_so is not None:
            raise ErrorConfiguracion(nombre, tr("no se puede leer la configuración: {motivo}", motivo=error.motivo_so)) from None
        raise ErrorConfiguracion.de(error) from None
    try:
        return texto, tomllib.loads(texto)
    except tomllib.TOMLDecodeError as error:
        posicion = _POSICION.search(str(error))
        motivo = _POSICION.sub("", str(error)).strip()
        if posicion:
            raise ErrorConfiguracion(
                nombre, tr("TOML no válido: {motivo} (columna {columna})", motivo=motivo, columna=posicion.group(2)),
                int(posicion.group(1)),
            ) from None
        raise ErrorConfiguracion(nombre, tr("TOML no válido: {motivo}", motivo=motivo)) from None


def leer_toml(ruta: Path) -> str:
    """The text of a TOML file that must be valid (ErrorConfiguracion with the line otherwise)."""
    return _leer(ruta)[0]


def tiene_tabla_auditor(ruta: Path) -> bool:
    """Whether this pyproject.toml configures auditor (a malformed one that mentions it does: its error is ours)."""
    try:
        texto = leer_texto_estricto(ruta)
    except ErrorArchivo:  # an unreadable pyproject.toml that is not ours does not stop the search
        return False
    if "auditor" not in texto:
        return False
    try:
        datos = tomllib.loads(texto)
    except tomllib.TOMLDecodeError:
        return re.search(r"tool\s*\.\s*[\"']?auditor", texto) is not None
    return isinstance(datos.get("tool"), dict) and "auditor" in datos["tool"]


def leer_pyproject(ruta: Path) -> Documento:
    """The ``[tool.auditor]`` table as a document with lines; ErrorConfiguracion if missing or malformed."""
    texto, datos = _leer(ruta)
    herramientas = datos.get("tool")
    tabla = herramientas.get("auditor") if isinstance(herramientas, dict) else None
    if tabla is None:
        raise ErrorConfiguracion(str(ruta), tr("no tiene una tabla [tool.auditor]"))
    mapa = mapa_de_lineas(texto)
    if not isinstance(tabla, dict):
        raise ErrorConfiguracion(str(ruta), tr("[tool.auditor] debe ser una tabla"), mapa.linea(()))
    return Documento(tabla, mapa, [])
