"""The result cache's benchmark: a cold run, an unchanged re-run and a re-run with one changed file, against the floor.

For each size a corpus is generated (``bench/generar.py``, deterministic) in a temporary directory and, each
measurement in its own fresh process (see ``correr.py``):

- floor: read and parse every file with libyaml and nothing else (``correr._SUELO``);
- without cache: ``auditor check DIR --format json --output FILE --jobs 1 --no-cache``;
- cold: the same with an empty cache directory (``--cache-dir``): every file audited and its result written;
- unchanged: the same again, every result from the cache;
- one changed: one file of the corpus gets one more line (a YAML comment) before each repetition: one file audited,
  the rest from the cache.

All in one process (``--jobs 1``), as the floor is.  Wall time: the best of ``--repeticiones`` runs (cold and
without cache: one run each, they are the slow ones).  The outputs of the run without cache and of the unchanged
re-run are compared byte for byte (the table says so).

    python bench/reejecucion.py [--tamanos 1000,10000] [--repeticiones 5] [--markdown ARCHIVO]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from correr import _SUELO, GENERAR, auditor, maquina, medir, mejor, tabla_markdown, tabla_texto  # noqa: E402

COLUMNAS = ("metas", "archivos", "suelo s", "sin caché s", "fría s", "sin cambios s", "sin cambios/suelo",
            "un cambio s", "un cambio/suelo", "salida idéntica")


def fila(metas: int, repeticiones: int, trabajo: Path) -> list[str]:
    corpus = trabajo / f"corpus_{metas}"
    cache = trabajo / f"cache_{metas}"
    subprocess.run([sys.executable, str(GENERAR), str(corpus), "--metas", str(metas)], check=True, stdout=subprocess.DEVNULL)
    archivos = sorted(corpus.rglob("*.yaml"))
    suelo = mejor([sys.executable, "-c", _SUELO, str(corpus)], repeticiones)
    check = [*auditor(), "check", str(corpus), "--format", "json", "--jobs", "1"]
    sin = mejor([*check, "--no-cache", "--output", str(trabajo / "sin.json")], 1, (0, 1))
    fria = mejor([*check, "--cache-dir", str(cache), "--output", str(trabajo / "fria.json")], 1, (0, 1))
    igual = mejor([*check, "--cache-dir", str(cache), "--output", str(trabajo / "igual.json")], repeticiones, (0, 1))
    identica = (trabajo / "sin.json").read_bytes() == (trabajo / "fria.json").read_bytes() == (trabajo / "igual.json").read_bytes()
    cambiado = archivos[len(archivos) // 2]
    tiempos = []
    for i in range(repeticiones):
        with cambiado.open("a", encoding="utf-8") as f:
            f.write(f"# cambio {i}\n")
        m = medir([*check, "--cache-dir", str(cache), "--output", str(trabajo / "cambio.json")])
        if m.estado not in (0, 1):
            raise SystemExit(f"un cambio: salió con {m.estado}")
        tiempos.append(m.segundos)
    uno = min(tiempos)
    shutil.rmtree(corpus)
    shutil.rmtree(cache)
    return [f"{metas}", f"{len(archivos)}", f"{suelo.segundos:.2f}", f"{sin.segundos:.2f}", f"{fria.segundos:.2f}",
            f"{igual.segundos:.2f}", f"{igual.segundos / suelo.segundos:.2f}", f"{uno:.2f}", f"{uno / suelo.segundos:.2f}",
            "sí" if identica else "NO"]


def main(argumentos: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tamanos", default="1000,10000", help="metas de cada corpus, separadas por comas")
    parser.add_argument("--repeticiones", type=int, default=5, help="tiempo del suelo y de las re-ejecuciones: el mejor de N")
    parser.add_argument("--markdown", type=Path, default=None, help="escribe también la tabla en markdown en este archivo")
    opciones = parser.parse_args(argumentos)
    descripcion = maquina()  # before measuring: the load average is the machine's, not the benchmark's
    filas = []
    with tempfile.TemporaryDirectory(prefix="auditor-bench-cache-") as temporal:
        for metas in (int(t) for t in opciones.tamanos.split(",") if t.strip()):
            filas.append(fila(metas, opciones.repeticiones, Path(temporal)))
            print(tabla_texto(list(COLUMNAS), filas[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    final = maquina().rpartition("carga al empezar: ")[2]
    comando = "python bench/reejecucion.py " + " ".join(argumentos if argumentos is not None else sys.argv[1:])
    pie = [f"máquina: {descripcion}; carga al terminar: {final}", f"comando: {comando.strip()}"]
    print("\n".join([tabla_texto(list(COLUMNAS), filas), "", *pie]))
    if opciones.markdown is not None:
        opciones.markdown.write_text("\n".join([tabla_markdown(list(COLUMNAS), filas), "", *(p[0].upper() + p[1:] + "." for p in pie)]) + "\n",
                                     encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
