"""The cyclic garbage collector while auditing: run every `RECOLECCION_CADA` allocations instead of every 700.

The rules make many short-lived objects (tokens, matches, quotes) and few reference cycles: the cyclic
collector, run every 700 allocations by default, walked them for about 8 % of a run. Whatever reference
counting frees is still freed at once; only the search for cycles waits.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

RECOLECCION_CADA = 50_000


@contextmanager
def recoleccion_espaciada() -> Iterator[None]:
    """The collector's first threshold at `RECOLECCION_CADA` for the block, restored after."""
    umbrales = gc.get_threshold()
    gc.set_threshold(RECOLECCION_CADA, *umbrales[1:])
    try:
        yield
    finally:
        gc.set_threshold(*umbrales)
