"""A text export of the report template with any number of metas, for measuring the importer (issue 15).

The metas are the seed fixtures' own (``fixtures/desarrollo_economico_2024_2025.yaml`` written in the tabular
template as an export of its table writes it, plain text as in tests/hostile/documento_base.txt: the meta heading,
the cells' header row, then one tab-separated row per part, each answer after its question; ``fixtures/fronteras_2024.yaml`` in the narrative template: a
'Meta cuatrienio N:' heading and one paragraph per answer), taken in turn and numbered 1..N, each prose answer cut
to its first sentence, so that 20 000 metas stay under the 20 MB an input may measure (about 0.8 KB a meta).
Deterministic: the same size and template give the same bytes.

    python bench/exportacion.py ARCHIVO --metas 5000 [--plantilla tabular|narrativa]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_FRASE = re.compile(r"^(.{30,80}?[.;])\s")


def _frase(texto: Any) -> str:
    """The first sentence of an answer (at most 80 characters), on one line."""
    texto = " ".join(str(texto or "").split())
    m = _FRASE.match(texto + " ")
    return m.group(1) if m else texto[:80]


def _campo(meta: dict[str, Any], ruta: str) -> str:
    valor: Any = meta
    for parte in ruta.split("."):
        valor = valor.get(parte) if isinstance(valor, dict) else None
    return _frase(valor)


def _tabular(numero: int, meta: dict[str, Any]) -> str:
    c = lambda ruta: _campo(meta, ruta)  # noqa: E731
    filas = [
        f"Meta # {numero} {meta['nombre']}\t\t",
        "Cumplimiento/Avance\tInversión\tBeneficiarios",
        (f"¿Qué se hizo? {c('logro.texto')} {meta.get('cumplimiento_periodo', '')} de cumplimiento frente a lo programado y "
        f"{meta.get('avance_cuatrienio', '')} de avance frente al cuatrienio.\t¿Cuánto se invirtió? {c('inversion.texto')}\t"
        f"¿Qué población se atendió? {c('beneficiarios.descripcion')}"),
        (f"\tEJECUCIÓN ¿Cómo se hizo? {c('ejecucion.como')} ¿Con quién se ejecutó? {c('ejecucion.con_quien')} "
        f"¿Cuándo se realizó? {c('ejecucion.cuando')}\t"),
        f"\tIMPACTO ¿Qué impacto y/o resultado se produjo? {c('impacto')}",
        f"\tLOCALIZACIÓN ¿Dónde se intervino? {c('localizacion.texto')}",
        "",
    ]
    return "\n".join(filas) + "\n"


def _narrativa(numero: int, meta: dict[str, Any]) -> str:
    partes = [f"Meta cuatrienio {numero}: {meta['nombre']}"]
    for ruta in ("logro.texto", "inversion.texto", "beneficiarios.descripcion", "ejecucion.como", "impacto", "localizacion.texto"):
        texto = _campo(meta, ruta)
        if texto:
            partes.append(texto)
    return "\n\n".join(partes) + "\n\n"


def exportacion(metas: int, plantilla: str = "tabular") -> str:
    """The text of a report of `metas` metas in `plantilla` ('tabular' or 'narrativa')."""
    fuente = "desarrollo_economico_2024_2025.yaml" if plantilla == "tabular" else "fronteras_2024.yaml"
    datos = yaml.safe_load((FIXTURES / fuente).read_text(encoding="utf-8"))
    portada = (f"{datos['titulo']}\n\n{datos['secretaria']}\n\n{datos['entidad']}\n\nNoviembre de {datos['periodo']['hasta']}\n\n"
               f"{datos['plan']['nombre']}\n\n")
    escribir = _tabular if plantilla == "tabular" else _narrativa
    bloques = [escribir(i, datos["metas"][(i - 1) % len(datos["metas"])]) for i in range(1, metas + 1)]
    return portada + "".join(bloques)


def main(argumentos: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archivo", type=Path)
    parser.add_argument("--metas", type=int, default=1000)
    parser.add_argument("--plantilla", choices=("tabular", "narrativa"), default="tabular")
    opciones = parser.parse_args(argumentos)
    opciones.archivo.write_text(exportacion(opciones.metas, opciones.plantilla), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
