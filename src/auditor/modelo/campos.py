"""Field paths of the model: reading a field by its path, and what counts as empty.

Paths are written as the report data is: ``inversion.ejecutada``, ``localizacion``,
``beneficiarios.grupos[*].cantidad`` (every element of a list).  Rules and findings use
the same paths, so a finding names the field the way the data file names it.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel

from auditor.modelo.informe import Informe, Meta, Valor

Ambito = Literal["meta", "informe"]

_PARTE = re.compile(r"([a-z_]+)(\[\*\])?")


@lru_cache(maxsize=256)  # the rules name a few dozen paths, read once per meta each
def _partes(campo: str) -> tuple[tuple[str, bool], ...]:
    partes = []
    for trozo in campo.split("."):
        m = _PARTE.fullmatch(trozo)
        if m is None:
            raise ValueError(f"ruta de campo no válida: {campo!r}")
        partes.append((m.group(1), m.group(2) is not None))
    return tuple(partes)


def leer_campo(objeto: Any, campo: str) -> Iterator[tuple[str, Any]]:
    """Every (concrete path, value) that `campo` designates below `objeto`.

    A missing intermediate part yields the path with None (the field is absent);
    ``[*]`` over an empty list yields nothing.
    """
    partes = _partes(campo)
    if _sin_listas(campo):  # the common path ('ejecucion.como'): a plain walk, no generator per part
        valor = objeto
        for nombre, _ in partes:
            if valor is None:
                break
            valor = getattr(valor, nombre, None)
        yield campo, valor  # the concrete path is the path itself; a missing part leaves None
        return
    yield from _leer(objeto, partes, "")


@lru_cache(maxsize=256)
def _sin_listas(campo: str) -> bool:
    return all(not todos for _, todos in _partes(campo))


def _leer(objeto: Any, partes: tuple[tuple[str, bool], ...], prefijo: str) -> Iterator[tuple[str, Any]]:
    if not partes:
        yield prefijo, objeto
        return
    (nombre, todos), resto = partes[0], partes[1:]
    ruta = f"{prefijo}.{nombre}" if prefijo else nombre
    valor = getattr(objeto, nombre, None) if objeto is not None else None
    if todos:
        for i, elemento in enumerate(valor or []):
            yield from _leer(elemento, resto, f"{ruta}[{i}]")
    elif valor is None and resto:
        yield ".".join([ruta, *(n for n, _ in resto)]), None
    else:
        yield from _leer(valor, resto, ruta)


def es_vacio(valor: Any) -> bool:
    """Blank text, an empty list, a number not given, or a section whose parts are all empty."""
    if valor is None:
        return True
    if isinstance(valor, str):
        return not valor.strip()
    if isinstance(valor, Valor):
        return valor.vacio
    if isinstance(valor, (list, tuple)):
        return all(es_vacio(v) for v in valor)
    if isinstance(valor, BaseModel):
        return all(es_vacio(getattr(valor, f)) for f in type(valor).model_fields)
    return False


def numero_de(valor: Any) -> float | None:
    if isinstance(valor, Valor):
        return valor.valor
    if isinstance(valor, bool):
        return None
    if isinstance(valor, (int, float)):
        return float(valor)
    return None


def objetivos(informe: Informe, ambito: Ambito) -> Iterator[tuple[int | None, Any]]:
    """What a rule of the given scope looks at: each meta (with its index), or the report."""
    if ambito == "meta":
        yield from enumerate(informe.metas)
    else:
        yield None, informe


def modelo_de(anotacion: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation (Optional[X], list[X], X)."""
    if isinstance(anotacion, type) and issubclass(anotacion, BaseModel):
        return anotacion
    for argumento in typing.get_args(anotacion):
        m = modelo_de(argumento)
        if m is not None:
            return m
    return None


def _es_lista(anotacion: Any) -> bool:
    if typing.get_origin(anotacion) is list:
        return True
    return any(_es_lista(a) for a in typing.get_args(anotacion))


def _rutas(modelo: type[BaseModel], prefijo: str = "") -> Iterator[str]:
    for nombre, info in modelo.model_fields.items():
        ruta = f"{prefijo}{nombre}"
        interno = modelo_de(info.annotation)
        if interno is Valor or interno is None:
            yield ruta
            if interno is None and _es_lista(info.annotation):
                yield f"{ruta}[*]"  # each item of a list of texts (inversion.fuentes[*])
            continue
        yield ruta
        if interno is Meta:
            continue
        if _es_lista(info.annotation):
            yield from _rutas(interno, f"{ruta}[*].")
        else:
            yield from _rutas(interno, f"{ruta}.")


CAMPOS_META: list[str] = list(_rutas(Meta))
CAMPOS_INFORME: list[str] = [r for r in _rutas(Informe) if not r.startswith("metas")]


def ruta_valida(ambito: Ambito, campo: str) -> bool:
    return campo in (CAMPOS_META if ambito == "meta" else CAMPOS_INFORME)


def recorrer_valores(objeto: Any, prefijo: str = "") -> Iterator[tuple[str, Valor]]:
    """Every number read from text below `objeto`, with its path (for unreadable-value checks)."""
    salida: list[tuple[str, Valor]] = []
    _recorrer_valores(objeto, prefijo, salida)  # plain recursion into a list: a generator per field was most of VAL's time
    return iter(salida)


def _recorrer_valores(objeto: Any, prefijo: str, salida: list[tuple[str, Valor]]) -> None:
    if isinstance(objeto, Valor):
        salida.append((prefijo, objeto))
    elif isinstance(objeto, BaseModel):
        informe = isinstance(objeto, Informe)
        for nombre in type(objeto).model_fields:
            if informe and nombre == "metas":
                continue
            valor = getattr(objeto, nombre)
            if isinstance(valor, (Valor, BaseModel, list)):  # the rest (texts, numbers, None) holds no number read from text
                _recorrer_valores(valor, f"{prefijo}.{nombre}" if prefijo else nombre, salida)
    elif isinstance(objeto, list):
        for i, elemento in enumerate(objeto):
            _recorrer_valores(elemento, f"{prefijo}[{i}]", salida)
