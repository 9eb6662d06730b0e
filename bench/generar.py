"""Synthetic report corpora for the benchmark: the seeds' own metas, reshuffled, at any size.

Every report (one secretaría's file, 20 to 40 metas) is built from the metas of the two seed
fixtures (``fixtures/desarrollo_economico_2024_2025.yaml``, tabular, with its totals, and
``fixtures/fronteras_2024.yaml``, narrative) and the clean one: their paragraphs keep their real
length, their figures, dates, placeholders and blank amounts (so the defect rate is the seeds'),
while a quarter of the ordinary words are swapped for other words of the same reports (so the
copy-paste rule compares paragraphs that are not literally the same), the department is drawn
from DIVIPOLA and the seeds' municipalities are renamed to municipalities of that department.

Deterministic: the same ``--semilla`` and size give the same bytes.

    python bench/generar.py DIRECTORIO --metas 10000 [--semilla 1]
"""

from __future__ import annotations

import argparse
import copy
import csv
import random
import re
import sys
from pathlib import Path
from typing import Any

import yaml

RAIZ = Path(__file__).resolve().parents[1]
FIXTURES = RAIZ / "fixtures"
DIVIPOLA = RAIZ / "src" / "auditor" / "datos" / "divipola.csv"
DEPARTAMENTO_SEMILLA = "Norte de Santander"
SECRETARIAS = (
    "Secretaría de Desarrollo Económico", "Secretaría de Fronteras y Cooperación Internacional", "Secretaría de Cultura",
    "Secretaría de Educación", "Secretaría de Salud", "Secretaría de Infraestructura", "Secretaría de Agricultura",
    "Secretaría de la Mujer", "Secretaría de Víctimas, Paz y Posconflicto", "Secretaría de Planeación",
    "Secretaría de Hacienda", "Secretaría de Vivienda", "Secretaría de Gobierno", "Secretaría de Ambiente",
)
_PALABRA = re.compile(r"\b[a-záéíóúñü]{4,}\b")  # ordinary lowercase words: names, figures and dates are kept
PROPORCION_CAMBIADA = 0.25


def _municipios() -> dict[str, list[str]]:
    por_departamento: dict[str, list[str]] = {}
    with DIVIPOLA.open(encoding="utf-8") as archivo:
        filas = csv.DictReader(linea for linea in archivo if not linea.startswith("#"))
        for fila in filas:
            por_departamento.setdefault(fila["departamento"], []).append(fila["municipio"])
    return por_departamento


def _cargar(nombre: str) -> dict[str, Any]:
    datos: dict[str, Any] = yaml.load((FIXTURES / nombre).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return datos


class Generador:
    def __init__(self, semilla: int) -> None:
        self.azar = random.Random(semilla)
        self.tabular = _cargar("desarrollo_economico_2024_2025.yaml")
        self.narrativa = _cargar("fronteras_2024.yaml")
        limpio = _cargar("limpio_cultura_2024_2025.yaml")
        self.metas = [*self.tabular["metas"], *self.narrativa["metas"], *limpio["metas"]]
        self.departamentos = {d: m for d, m in _municipios().items() if len(m) >= 6}
        self.nombres_departamentos = sorted(self.departamentos)
        semilla_mpios = sorted(_municipios()[DEPARTAMENTO_SEMILLA], key=len, reverse=True)
        self._lugares = re.compile(r"\b(" + "|".join(re.escape(m) for m in [DEPARTAMENTO_SEMILLA, *semilla_mpios]) + r")\b")
        self._municipios_semilla = semilla_mpios
        vocabulario: set[str] = set()
        for meta in self.metas:
            for texto in _textos(meta):
                vocabulario.update(_PALABRA.findall(texto))
        self.vocabulario = sorted(vocabulario)

    def _texto(self, texto: str, lugares: dict[str, str]) -> str:
        azar, vocabulario = self.azar, self.vocabulario
        texto = _PALABRA.sub(lambda m: azar.choice(vocabulario) if azar.random() < PROPORCION_CAMBIADA else m.group(0), texto)
        return self._lugares.sub(lambda m: lugares[m.group(0)], texto)

    def _transformar(self, valor: Any, lugares: dict[str, str], clave: str = "") -> Any:
        if isinstance(valor, dict):
            return {k: self._transformar(v, lugares, k) for k, v in valor.items()}
        if isinstance(valor, list):
            return [self._transformar(v, lugares, clave) for v in valor]
        if isinstance(valor, str) and clave not in ("cumplimiento_periodo", "avance_cuatrienio", "ejecutada", "programada",
                                                     "fecha_corte", "plantilla", "numeracion_metas", "total", "cantidad"):
            return self._texto(valor, lugares)
        return valor

    def informe(self, numero: int, metas: int) -> dict[str, Any]:
        """One secretaría's report with `metas` metas."""
        azar = self.azar
        departamento = azar.choice(self.nombres_departamentos)
        destino = self.departamentos[departamento]
        lugares = {DEPARTAMENTO_SEMILLA: departamento}
        lugares.update({m: azar.choice(destino) for m in self._municipios_semilla})
        tabular = azar.random() < 0.6
        base = self.tabular if tabular else self.narrativa
        cabecera = {k: copy.deepcopy(v) for k, v in base.items() if k not in ("metas", "documento", "totales")}
        cabecera["entidad"] = f"Gobernación de {departamento}"
        cabecera["departamento"] = departamento
        cabecera["secretaria"] = f"{SECRETARIAS[numero % len(SECRETARIAS)]} ({numero})"
        cabecera["periodo"], cabecera["fecha_corte"] = {"desde": 2024, "hasta": 2025}, "2025-11"  # the metas of both seeds fit
        elegidas: list[dict[str, Any]] = []
        if tabular:  # the seed's metas first, in order, so that its totals keep naming them
            elegidas = [copy.deepcopy(m) for m in self.tabular["metas"][:metas]]
            cabecera["totales"] = self._transformar(copy.deepcopy(self.tabular["totales"]), lugares)
            siguiente = max(int(m["numero"]) for m in elegidas) + 1
        else:
            siguiente = azar.randrange(50, 700)
        while len(elegidas) < metas:
            meta = copy.deepcopy(azar.choice(self.metas))
            meta["numero"] = siguiente
            siguiente += 1 if tabular else azar.randrange(1, 4)
            elegidas.append(meta)
        cabecera["metas"] = [self._transformar(m, lugares) for m in elegidas]
        return cabecera

    def escribir(self, directorio: Path, total_metas: int) -> tuple[int, int]:
        """Reports of 20 to 40 metas under `directorio/<departamento>/`, `total_metas` in all; (files, metas)."""
        directorio.mkdir(parents=True, exist_ok=True)
        archivos = hechas = 0
        while hechas < total_metas:
            metas = min(self.azar.randrange(20, 41), total_metas - hechas)
            informe = self.informe(archivos + 1, metas)
            carpeta = directorio / _carpeta(informe["departamento"])
            carpeta.mkdir(exist_ok=True)
            texto = yaml.dump(informe, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=4096)
            (carpeta / f"informe_{archivos + 1:05d}.yaml").write_text(texto, encoding="utf-8")
            archivos += 1
            hechas += metas
        return archivos, hechas


def _textos(valor: Any) -> list[str]:
    if isinstance(valor, dict):
        return [t for v in valor.values() for t in _textos(v)]
    if isinstance(valor, list):
        return [t for v in valor for t in _textos(v)]
    return [valor] if isinstance(valor, str) else []


def _carpeta(departamento: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", departamento.lower()).strip("_")


def generar(directorio: Path, metas: int, semilla: int = 1) -> tuple[int, int]:
    return Generador(semilla).escribir(directorio, metas)


def main(argumentos: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directorio", type=Path)
    parser.add_argument("--metas", type=int, default=1000)
    parser.add_argument("--semilla", type=int, default=1)
    opciones = parser.parse_args(argumentos)
    archivos, metas = generar(opciones.directorio, opciones.metas, opciones.semilla)
    print(f"{archivos} informes, {metas} metas en {opciones.directorio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
