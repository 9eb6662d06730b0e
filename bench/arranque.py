"""One-file latency: how long a user waits for `auditor check ARCHIVO --format json` (an editor, a pre-commit hook).

Each command runs ``--veces`` times, each time in a fresh process, the commands in turn (one round runs every
command once, so a change of load on the machine touches them all alike); the median of each (wall time, and the
CPU time of the process, which a loaded machine disturbs less) is printed next to the floor measured in the same
rounds: ``python -c pass``, what any Python program pays to start. With several
``--src`` (source trees put first on ``PYTHONPATH``, e.g. ``main``'s and a branch's), every command runs with each
tree in the same round, alternately, so two versions are compared under the same load.

    python bench/arranque.py [--veces 30] [--src RUTA ...] [ARCHIVO ...]

Without files: ``fixtures/fronteras_2024.yaml`` and every seed document in ``../shared/seeds`` (they are
imported, .txt or .docx, which is more work). The load average of the machine is printed before and after.
Measure with the bytecode written (``python -m compileall -q src``), as ``pip install`` leaves it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
SEMILLAS = RAIZ.parent / "shared" / "seeds"
SUELO = "python -c pass"


def archivos_por_defecto() -> list[Path]:
    semillas = sorted(p for p in SEMILLAS.glob("*") if p.suffix in (".txt", ".docx")) if SEMILLAS.is_dir() else []
    return [RAIZ / "fixtures" / "fronteras_2024.yaml", *semillas]


def segundos(comando: list[str], entorno: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process."""
    inicio = time.perf_counter()
    proceso = subprocess.Popen(comando, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=entorno)
    _, estado, uso = os.wait4(proceso.pid, 0)
    transcurrido = time.perf_counter() - inicio
    proceso.returncode = os.waitstatus_to_exitcode(estado)
    if proceso.returncode not in (0, 1):  # 1: the check found something, as these files do
        raise SystemExit(f"{' '.join(comando)}: salió con {proceso.returncode}")
    return transcurrido, uso.ru_utime + uso.ru_stime


def carga() -> str:
    try:
        return ", ".join(f"{c:.2f}" for c in os.getloadavg())
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    opciones = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    opciones.add_argument("archivos", nargs="*", type=Path)
    opciones.add_argument("--veces", type=int, default=30, help="ejecuciones de cada comando (mediana)")
    opciones.add_argument("--src", action="append", default=[], help="árbol de fuentes para PYTHONPATH (se puede repetir)")
    args = opciones.parse_args(argv)
    archivos = args.archivos or archivos_por_defecto()
    arboles = args.src or [""]
    medidas: dict[tuple[str, str], list[tuple[float, float]]] = {}
    trabajos: list[tuple[str, str, list[str], dict[str, str]]] = [(SUELO, "", [sys.executable, "-c", "pass"], dict(os.environ))]
    for archivo in archivos:
        for arbol in arboles:
            entorno = dict(os.environ)
            if arbol:
                entorno["PYTHONPATH"] = str(Path(arbol).resolve())
            comando = [sys.executable, "-m", "auditor", "check", str(archivo), "--format", "json"]
            trabajos.append((archivo.name, arbol, comando, entorno))
    antes = carga()
    for _ in range(args.veces):
        for nombre, arbol, comando, entorno in trabajos:
            medidas.setdefault((nombre, arbol), []).append(segundos(comando, entorno))
    print(f"carga media al empezar: {antes}; al terminar: {carga()}; {args.veces} ejecuciones de cada comando, en turnos")
    ancho = max(len(n) for n, _ in medidas)
    for (nombre, arbol), tiempos in medidas.items():
        fuente = f"  [{arbol}]" if arbol else ""
        pared = [t for t, _ in tiempos]
        cpu = [c for _, c in tiempos]
        print(f"{nombre:<{ancho}}  mediana {statistics.median(pared) * 1000:6.0f} ms  mín {min(pared) * 1000:6.0f} ms  "
              f"CPU {statistics.median(cpu) * 1000:6.0f} ms{fuente}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
