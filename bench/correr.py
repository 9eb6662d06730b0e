"""The benchmark: `auditor check` against the parsing floor, on synthetic corpora of 1.000 to 100.000 metas.

For each size a corpus is generated (``bench/generar.py``, deterministic) in a temporary directory and
measured, each measurement in its own fresh process (so peak memories do not mix):

- floor: a process that reads every file and parses it with PyYAML's libyaml loader
  (``yaml.load(texto, Loader=yaml.CSafeLoader)``) and does nothing else;
- check: ``auditor check DIR --format json --output FILE --jobs 1`` (all rules, JSON produced), and the
  same with ``--jobs N`` (N: the available cores);

wall time is the best of ``--repeticiones`` runs; peak memory is the maximum resident set of the
process (``wait4``'s ``ru_maxrss``; with several jobs, the largest of the main process and its workers).
Linux carries into a child's ``ru_maxrss`` the memory of the process that started it, so the corpus is
generated in a process of its own and this one stays small (its size is printed: no peak is below it).
Also the start-up of ``auditor --version`` and ``auditor --help`` (median of 20 runs).

    python bench/correr.py [--tamanos 1000,10000,100000] [--jobs N] [--markdown ARCHIVO]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

GENERAR = Path(__file__).resolve().parent / "generar.py"

_SUELO = """
import os, sys, yaml
for raiz, carpetas, nombres in os.walk(sys.argv[1]):
    carpetas.sort()
    for n in sorted(nombres):
        if n.endswith(".yaml"):
            with open(os.path.join(raiz, n), encoding="utf-8") as archivo:
                yaml.load(archivo.read(), Loader=yaml.CSafeLoader)
"""

COLUMNAS = ("metas", "archivos", "MB", "suelo s", "check s (1 proc.)", "check/suelo", "check s ({n} proc.)",
            "aceleración", "metas/s ({n} proc.)", "pico MB (1 proc.)", "pico MB ({n} proc.)")


@dataclass
class Medida:
    segundos: float
    pico_mb: float
    estado: int


def medir(comando: list[str]) -> Medida:
    """Wall time and peak resident memory of one fresh process (and of the children it waited for)."""
    inicio = time.perf_counter()
    proceso = subprocess.Popen(comando, stdout=subprocess.DEVNULL)
    _, estado, uso = os.wait4(proceso.pid, 0)
    segundos = time.perf_counter() - inicio
    proceso.returncode = os.waitstatus_to_exitcode(estado)
    return Medida(segundos, uso.ru_maxrss / 1024, proceso.returncode)


def mejor(comando: list[str], repeticiones: int, estados: tuple[int, ...] = (0,)) -> Medida:
    medidas = [medir(comando) for _ in range(repeticiones)]
    for m in medidas:
        if m.estado not in estados:
            raise SystemExit(f"{' '.join(comando)}: salió con {m.estado}")
    return Medida(min(m.segundos for m in medidas), max(m.pico_mb for m in medidas), medidas[0].estado)


def auditor() -> list[str]:
    """The installed `auditor` script (what users run), or `python -m auditor`."""
    junto = Path(sys.executable).parent / "auditor"
    if junto.exists():
        return [str(junto)]
    encontrado = shutil.which("auditor")
    return [encontrado] if encontrado else [sys.executable, "-m", "auditor"]


def arranque(argumento: str, veces: int = 20) -> float:
    tiempos = [medir([*auditor(), argumento]).segundos for _ in range(veces)]
    return statistics.median(tiempos)


def fila(metas: int, jobs: int, repeticiones: int, trabajo: Path) -> list[str]:
    corpus = trabajo / f"corpus_{metas}"
    subprocess.run([sys.executable, str(GENERAR), str(corpus), "--metas", str(metas)], check=True, stdout=subprocess.DEVNULL)
    archivos = sum(1 for _ in corpus.rglob("*.yaml"))
    megas = sum(p.stat().st_size for p in corpus.rglob("*.yaml")) / 1e6
    salida = trabajo / "salida.json"
    suelo = mejor([sys.executable, "-c", _SUELO, str(corpus)], repeticiones)
    check = [*auditor(), "check", str(corpus), "--format", "json", "--output", str(salida)]
    uno = mejor([*check, "--jobs", "1"], repeticiones, (0, 1))
    varios = mejor([*check, "--jobs", str(jobs)], repeticiones, (0, 1))
    shutil.rmtree(corpus)
    return [f"{metas}", f"{archivos}", f"{megas:.1f}", f"{suelo.segundos:.2f}", f"{uno.segundos:.2f}",
            f"{uno.segundos / suelo.segundos:.1f}", f"{varios.segundos:.2f}", f"{uno.segundos / varios.segundos:.2f}",
            f"{metas / varios.segundos:.0f}", f"{uno.pico_mb:.0f}", f"{varios.pico_mb:.0f}"]


def tabla_texto(cabecera: list[str], filas: list[list[str]]) -> str:
    anchos = [max(len(c), *(len(f[i]) for f in filas)) for i, c in enumerate(cabecera)]
    lineas = ["  ".join(c.rjust(a) for c, a in zip(cabecera, anchos, strict=True)), "  ".join("-" * a for a in anchos)]
    lineas += ["  ".join(v.rjust(a) for v, a in zip(f, anchos, strict=True)) for f in filas]
    return "\n".join(lineas)


def tabla_markdown(cabecera: list[str], filas: list[list[str]]) -> str:
    lineas = ["| " + " | ".join(cabecera) + " |", "|" + "|".join("---:" for _ in cabecera) + "|"]
    lineas += ["| " + " | ".join(f) + " |" for f in filas]
    return "\n".join(lineas)


def memoria_propia_mb() -> float:
    """The resident memory of this measuring process (Linux; 0 elsewhere)."""
    try:
        for linea in Path("/proc/self/status").read_text().splitlines():
            if linea.startswith("VmRSS:"):
                return int(linea.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def maquina() -> str:
    modelo = "?"
    try:
        for linea in Path("/proc/cpuinfo").read_text().splitlines():
            if linea.startswith("model name"):
                modelo = linea.split(":", 1)[1].strip()
                break
        memoria = next(linea.split()[1] for linea in Path("/proc/meminfo").read_text().splitlines() if linea.startswith("MemTotal"))
        memoria_gb = f"{int(memoria) / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration):
        memoria_gb = "?"
    carga = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} núcleos ({modelo}), {memoria_gb} de memoria, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; carga al empezar: {carga}")


def main(argumentos: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tamanos", default="1000,10000,100000", help="metas de cada corpus, separadas por comas")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    parser.add_argument("--repeticiones", type=int, default=1, help="tiempo: el mejor de N (1 por defecto)")
    parser.add_argument("--arranques", type=int, default=20, help="veces que se mide --version y --help (mediana)")
    parser.add_argument("--markdown", type=Path, default=None, help="escribe también la tabla en markdown en este archivo")
    opciones = parser.parse_args(argumentos)
    tamanos = [int(t) for t in opciones.tamanos.split(",") if t.strip()]
    cabecera = [c.format(n=opciones.jobs) for c in COLUMNAS]
    descripcion = maquina()  # before measuring: its load average is the machine's, not the benchmark's
    filas = []
    with tempfile.TemporaryDirectory(prefix="auditor-bench-") as temporal:
        for metas in tamanos:
            filas.append(fila(metas, opciones.jobs, opciones.repeticiones, Path(temporal)))
            print(tabla_texto(cabecera, filas[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    version = arranque("--version", opciones.arranques)
    ayuda = arranque("--help", opciones.arranques)
    comando = "python bench/correr.py " + " ".join(argumentos if argumentos is not None else sys.argv[1:])
    texto = [tabla_texto(cabecera, filas), "",
             f"arranque (mediana de {opciones.arranques}): auditor --version {version * 1000:.0f} ms, auditor --help {ayuda * 1000:.0f} ms",
             f"máquina: {descripcion}", f"comando: {comando.strip()}",
             f"memoria del proceso que mide (ningún pico queda por debajo): {memoria_propia_mb():.0f} MB"]
    print("\n".join(texto))
    if opciones.markdown is not None:
        md = [tabla_markdown(cabecera, filas), "",
              (f"Arranque (mediana de {opciones.arranques} ejecuciones): `auditor --version` {version * 1000:.0f} ms, "
               f"`auditor --help` {ayuda * 1000:.0f} ms."), "", f"Máquina: {descripcion}.", "", f"Comando: `{comando.strip()}`.",
              "", f"Memoria del proceso que mide (ningún pico queda por debajo): {memoria_propia_mb():.0f} MB."]
        opciones.markdown.write_text("\n".join(md) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
