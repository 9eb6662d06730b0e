"""Readings of a report's texts, cached while its rules read them and forgotten once it is audited.

Several rules read the same field (the dates of '¿Cuándo se realizó?' for FEC001 and FEC002, the counts
of a paragraph for CNT001 to CNT006, its normalized form for every pattern set): each reading is cached
by the text.  Across reports the texts differ, so a cache that outlived its report would only grow
until its bound, a few tens of megabytes of stale readings.  The modules that cache readings of whole
texts name those functions here (`por_informe`); the engine empties them after each report
(`olvidar`), so memory follows the largest report, not the corpus.  Caches of single words and names,
which do recur from report to report, stay (each has its own bound).
"""

from __future__ import annotations

from typing import Protocol


class _Cache(Protocol):
    def cache_clear(self) -> None: ...


_POR_INFORME: list[_Cache] = []


def por_informe(*funciones: _Cache) -> None:
    """Register `functools.lru_cache` functions whose entries belong to one report."""
    _POR_INFORME.extend(funciones)


def olvidar() -> None:
    """Empty every cache of the report just audited."""
    for funcion in _POR_INFORME:
        funcion.cache_clear()
