"""CPU time of the pattern-set searches in one `auditor check`, measured in-process.

Runs ``auditor check DIR --format json -j1`` in this process with `ConjuntoPatrones._buscar` (the search of one
set in one normalized text the set has not seen in the report: prefilter and patterns, not the normalization)
wrapped by a CPU-time counter, and prints that time, the number of searches and the whole run's CPU time.
Several runs alternate nothing by themselves: run it on each tree in turn (``PYTHONPATH=TREE/src``).

    python bench/patrones.py DIR [--repeticiones 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from typing import Any


def medir(directorio: str) -> tuple[float, int, float]:
    from auditor.cli import main
    from auditor.lectura import patrones

    original = patrones.ConjuntoPatrones._buscar
    cuenta = [0.0, 0]

    def buscar(self: Any, normal: str) -> Any:
        inicio = time.process_time()
        try:
            return original(self, normal)
        finally:
            cuenta[0] += time.process_time() - inicio
            cuenta[1] += 1

    patrones.ConjuntoPatrones._buscar = buscar  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as carpeta:
        inicio = time.process_time()
        try:  # the exit code says whether there were findings
            main(["check", directorio, "--format", "json", "-j1", "-o", os.path.join(carpeta, "s.json")])
        except SystemExit:
            pass
        total = time.process_time() - inicio
    patrones.ConjuntoPatrones._buscar = original  # type: ignore[method-assign]
    return cuenta[0], int(cuenta[1]), total


if __name__ == "__main__":
    argumentos = argparse.ArgumentParser()
    argumentos.add_argument("directorio")
    argumentos.add_argument("--repeticiones", type=int, default=1)
    opciones = argumentos.parse_args()
    medidas = [medir(opciones.directorio) for _ in range(opciones.repeticiones)]
    print(f"carga al empezar: {os.getloadavg()[0]:.2f}; búsquedas: {medidas[0][1]}; "
          f"CPU en los conjuntos s (mediana de {len(medidas)}): {statistics.median(m[0] for m in medidas):.3f}; "
          f"CPU del check s: {statistics.median(m[2] for m in medidas):.3f}")
