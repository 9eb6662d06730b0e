"""Write imported report data as a YAML data file a person can read, correct and keep.

Keys in the order of the template, long answers as literal blocks, and a comment before
each meta naming the line of the document it came from, so the reviewer can go back to
the source; what the importer assumed or could not place is listed at the top.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel

from auditor.entrada.importar.borrador import Borrador
from auditor.lectura.visible import visible
from auditor.modelo.campos import modelo_de
from auditor.modelo.informe import Informe

_ORDEN = ("entidad", "departamento", "secretaria", "titulo", "periodo", "fecha_corte", "plan", "plantilla",
          "numeracion_metas", "documento", "metas_anunciadas", "totales", "metas", "tabla_pdd", "indicadores_resultado")


class _Dumper(yaml.SafeDumper):
    pass


def _texto(dumper: yaml.SafeDumper, valor: str) -> yaml.ScalarNode:
    if "\n" in valor:
        return dumper.represent_scalar("tag:yaml.org,2002:str", valor, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", valor)


_Dumper.add_representer(str, _texto)


def _volcar(datos: Any) -> str:
    return yaml.dump(datos, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)


def _ordenar(valor: Any, modelo: Any) -> Any:
    """Keys in the order the model declares them (the order of the template)."""
    if isinstance(valor, list):
        return [_ordenar(v, modelo) for v in valor]
    if not isinstance(valor, dict) or not (isinstance(modelo, type) and issubclass(modelo, BaseModel)):
        return valor
    campos = modelo.model_fields
    ordenado = {k: _ordenar(valor[k], modelo_de(campos[k].annotation)) for k in campos if k in valor}
    ordenado.update({k: v for k, v in valor.items() if k not in campos})
    return ordenado


def a_yaml(borrador: Borrador, fuente: str) -> str:
    datos = _ordenar(borrador.datos, Informe)
    # the document's name as every output shows a file name (lectura.visible): a comment ends at a line break, and a
    # name with a newline would add data; a byte that is not UTF-8 cannot be written
    fuente = visible(fuente)
    if isinstance(datos.get("documento"), str):
        datos["documento"] = visible(datos["documento"])
    lineas = [f"# Importado de {fuente} por 'auditor import'.",
              "# Cada meta indica la línea del documento de donde se tomó; los textos se conservan como están escritos."]
    if borrador.problemas:
        lineas.append("# Revise:")
        lineas += [f"#   línea {p.linea}: {visible(p.mensaje)}" for p in sorted(borrador.problemas, key=lambda p: p.linea)]
    cabecera = {k: datos[k] for k in _ORDEN if k in datos and k not in ("metas", "tabla_pdd", "indicadores_resultado")}
    cabecera.update({k: v for k, v in datos.items() if k not in _ORDEN})
    salida = "\n".join(lineas) + "\n" + _volcar(cabecera)
    if any(isinstance(t, dict) and not t.get("metas") for t in datos.get("totales") or []):
        salida = salida.rstrip("\n") + "\n# totales: falta indicar en 'metas' qué metas cubre cada afirmación del resumen.\n"
    metas = datos.get("metas", [])
    salida += "metas:\n"
    for i, meta in enumerate(metas):
        linea = borrador.mapa.lineas.get(("metas", i), 0)
        lugar = borrador.ubicaciones.get(linea)
        salida += f"  # {fuente} línea {linea}" + (f" ({lugar})" if lugar else "") + "\n"
        bloque = _volcar([meta])
        salida += "".join("  " + fila if fila.strip() else fila for fila in bloque.splitlines(keepends=True))
    resto = {k: datos[k] for k in ("tabla_pdd", "indicadores_resultado") if k in datos}
    if resto:
        salida += _volcar(resto)
    return salida
