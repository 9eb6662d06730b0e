"""`perezosa` keeps a computed value in the object, as `functools.cached_property` does."""

from __future__ import annotations

from auditor.lectura.perezosa import perezosa


class _Cuenta:
    def __init__(self) -> None:
        self.veces = 0

    @perezosa
    def valor(self) -> int:
        """The doc of the value."""
        self.veces += 1
        return 42


def test_se_calcula_una_vez_por_objeto() -> None:
    a, b = _Cuenta(), _Cuenta()
    assert (a.valor, a.valor, b.valor) == (42, 42, 42)
    assert (a.veces, b.veces) == (1, 1)
    assert a.__dict__["valor"] == 42
    assert isinstance(_Cuenta.__dict__["valor"], perezosa) and _Cuenta.valor.__doc__ == "The doc of the value."
