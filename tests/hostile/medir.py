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


def pico_mb() -> float:
    """This program's peak resident memory.

    On Linux, VmHWM of /proc/self/status: ru_maxrss would also count the process that started this one
    (the kernel carries the old peak across exec, and subprocess starts children with vfork), so a
    test run that has grown past the limit made every case fail it."""
    try:
        with open("/proc/self/status", encoding="ascii") as estado:
            for linea in estado:
                if linea.startswith("VmHWM:"):
                    return int(linea.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    destino, argumentos = sys.argv[1], sys.argv[2:]
    inicio = time.monotonic()
    try:
        main.main(argumentos, prog_name="auditor")
        estado = 0
    except SystemExit as salida:
        estado = salida.code if isinstance(salida.code, int) else 1
    medida = {"estado": estado, "segundos": time.monotonic() - inicio, "mb": pico_mb()}
    with open(destino, "w", encoding="utf-8") as archivo:
        json.dump(medida, archivo)
    sys.exit(estado)
