"""Auditing many files on several cores (``auditor check --jobs N``).

Each file is an independent unit: it is loaded, audited and its model dropped in one worker,
and only its `ResultadoInforme` (findings, suppressed findings, metas, completeness matrix)
comes back.  The workers are forked from the process that built the auditor, so the
catalog, the configuration, the selection and the run's language reach them as they are,
built once, not once per file.  Results are gathered as files complete (for the progress
bar) and ordered by file afterwards, exactly as a run on one core orders them: the output is
the same bytes whatever the number of workers.

Outside Linux (Windows has no fork; on macOS it is unsafe), files are audited in-process.
A small run does not pay the pool's start-up: with fewer than `MINIMO_ARCHIVOS` files or
less than `MINIMO_BYTES` to read (about a hundred metas), the files are audited in-process, and
`multiprocessing` is not even imported (a one-file check starts faster).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.resultado.informe import ResultadoInforme

MINIMO_ARCHIVOS = 2
MINIMO_BYTES = 256 * 1024

_AUDITAR_UNO: Callable[[Path], ResultadoInforme] | None = None  # what audits one file, inherited by the forked workers


def nucleos_disponibles() -> int:
    """The cores this process may run on (its CPU affinity on Linux), at least 1."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def se_puede_bifurcar() -> bool:
    """Fork on Linux only: macOS offers it but it is unsafe there once system libraries have started threads
    (Python's own default there is spawn), and Windows has none."""
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def trabajos_efectivos(trabajos: int | None, archivos: Sequence[Path]) -> int:
    """How many workers to use for these files: 1 (in-process) when a pool would not pay off."""
    pedidos = nucleos_disponibles() if trabajos is None or trabajos <= 0 else trabajos
    pedidos = min(pedidos, len(archivos))
    if pedidos <= 1 or len(archivos) < MINIMO_ARCHIVOS or not se_puede_bifurcar():
        return 1
    if trabajos is None and _tamano_total(archivos) < MINIMO_BYTES:  # an explicit --jobs N is obeyed
        return 1
    return pedidos


def _tamano_total(archivos: Sequence[Path]) -> int:
    total = 0
    for archivo in archivos:
        try:
            total += archivo.stat().st_size
        except OSError:
            pass  # the loader reports it
        if total >= MINIMO_BYTES:
            break
    return total


def _auditar_archivo(archivo: Path) -> ResultadoInforme:
    assert _AUDITAR_UNO is not None
    return _AUDITAR_UNO(archivo)


def auditar_en_paralelo(archivos: Sequence[Path], trabajos: int,
                        auditar_uno: Callable[[Path], ResultadoInforme]) -> Iterator[tuple[Path, ResultadoInforme]]:
    """Each file's result, in the order files complete, from `trabajos` forked workers running `auditar_uno`."""
    import multiprocessing

    global _AUDITAR_UNO
    _AUDITAR_UNO = auditar_uno
    contexto = multiprocessing.get_context("fork")
    try:
        with contexto.Pool(processes=trabajos) as pool:
            pendientes = {i: archivo for i, archivo in enumerate(archivos)}
            for i, resultado in pool.imap_unordered(_auditar_indice, list(enumerate(archivos)), chunksize=1):
                yield pendientes.pop(i), resultado
    finally:
        _AUDITAR_UNO = None


def _auditar_indice(tarea: tuple[int, Path]) -> tuple[int, ResultadoInforme]:
    indice, archivo = tarea
    return indice, _auditar_archivo(archivo)


def auditar_archivos(archivos: Sequence[Path], trabajos: int | None,
                     auditar_uno: Callable[[Path], ResultadoInforme]) -> Iterator[tuple[Path, ResultadoInforme]]:
    """Each file's result: in-process with `auditar_uno` (in order), or from a pool of workers."""
    n = trabajos_efectivos(trabajos, archivos)
    if n <= 1:
        for archivo in archivos:
            yield archivo, auditar_uno(archivo)
        return
    yield from auditar_en_paralelo(archivos, n, auditar_uno)
