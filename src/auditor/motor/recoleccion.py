"""The cyclic garbage collector while auditing: run every `RECOLECCION_CADA` allocations instead of every 700.

The rules make many short-lived objects (tokens, matches, quotes) and few reference cycles: the cyclic
collector, run every 700 allocations by default, walked them for about 8 % of a run. Whatever reference
counting frees is still freed at once; only the search for cycles waits.

What exists when the block starts (the modules, their compiled expressions, the catalog and its models) lives
for the whole run and holds no garbage of it: it is frozen (`gc.freeze`) so that no collection walks it again.
A full collection during a run walked all of it (a tenth of a second in a 1 000-meta check) to free the
cycles of the reports.  It goes back to the collector when the block ends (`gc.unfreeze`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

RECOLECCION_CADA = 50_000


@contextmanager
def recoleccion_espaciada() -> Iterator[None]:
    """The collector's first threshold at `RECOLECCION_CADA` for the block, restored after; what exists before the
    block, frozen during it."""
    umbrales = gc.get_threshold()
    gc.set_threshold(RECOLECCION_CADA, *umbrales[1:])
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*umbrales)
