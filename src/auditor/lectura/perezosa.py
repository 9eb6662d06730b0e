"""`perezosa`: a value of an object computed on first use and kept in the object, like `functools.cached_property`.

Python 3.11's `cached_property` takes a lock on every first use (one per property and object), which costs more
than many of the readings it keeps: the readers ask for several properties of every text of every report.  This
one keeps the value the same way (in the instance's ``__dict__``, where later lookups find it without calling the
descriptor) and takes no lock: the engine reads a report in one thread (its workers are processes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class perezosa(Generic[T]):  # noqa: N801 - used as a decorator, like cached_property
    def __init__(self, funcion: Callable[[Any], T]) -> None:
        self.funcion = funcion
        self.nombre = funcion.__name__
        self.__doc__ = funcion.__doc__

    def __set_name__(self, duena: type, nombre: str) -> None:
        self.nombre = nombre

    @overload
    def __get__(self, objeto: None, tipo: type | None = None) -> perezosa[T]: ...

    @overload
    def __get__(self, objeto: object, tipo: type | None = None) -> T: ...

    def __get__(self, objeto: object | None, tipo: type | None = None) -> T | perezosa[T]:
        if objeto is None:
            return self
        valor = objeto.__dict__[self.nombre] = self.funcion(objeto)
        return valor
