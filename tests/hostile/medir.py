"""Run the auditor's command line in this process and record its exit status, time and peak memory.

    python tests/hostile/medir.py MEDIDA.json check --format json ...

Used by tests/test_hostiles.py: a child process per case, so that its peak resident memory is its own.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from auditor.cli import main

if __name__ == "__main__":
    destino, argumentos = sys.argv[1], sys.argv[2:]
    inicio = time.monotonic()
    try:
        main.main(argumentos, prog_name="auditor")
        estado = 0
    except SystemExit as salida:
        estado = salida.code if isinstance(salida.code, int) else 1
    medida = {"estado": estado, "segundos": time.monotonic() - inicio,
              "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    with open(destino, "w", encoding="utf-8") as archivo:
        json.dump(medida, archivo)
    sys.exit(estado)
