"""The index of inline suppressions (rule, meta, field): each finding meets only the suppressions that may cover it,
and gets exactly the ones `_Entrada.cubre` (the definition) accepts, in the order they were written."""

from __future__ import annotations

import random

import pytest

from auditor.modelo.informe import Supresion
from auditor.motor.supresiones import _Entrada, _Indice
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.hallazgo import Hallazgo


def _entrada(regla: str, campo: str | None = None, meta: str | None = None) -> _Entrada:
    supresion = Supresion(regla=regla, campo=campo, motivo="aceptado")
    return _Entrada(supresion, ("suprimir", 0), meta, "")


def _hallazgo(regla: str, campo: str | None = None, meta: str | None = None) -> Hallazgo:
    return Hallazgo(regla=regla, categoria=Categoria.PLACEHOLDER, severidad=Severidad.ERROR, mensaje="m", archivo="a.yaml",
                    linea=1, meta=meta, campo=campo)


ENTRADAS = [
    _entrada("INV001"),  # 0: the rule anywhere
    _entrada("INV001", "inversion"),  # 1: the field and below
    _entrada("INV001", "inversion.ejecutada", meta="3"),  # 2: one field of one meta
    _entrada("BEN002", "beneficiarios.grupos"),  # 3: a list and its items
    _entrada("INV001", meta="12"),  # 4: the rule in one meta
    _entrada("PLH001", "impacto"),  # 5
    _entrada("INV001", "inversion"),  # 6: the same as 1, written again
]


@pytest.mark.parametrize(("hallazgo", "esperadas"), [
    (_hallazgo("INV001", "inversion.ejecutada", "3"), [0, 1, 2, 6]),
    (_hallazgo("INV001", "inversion.ejecutada", "4"), [0, 1, 6]),  # another meta: not 2
    (_hallazgo("INV001", "inversion", "12"), [0, 1, 4, 6]),
    (_hallazgo("INV001", None, None), [0]),  # no field, no meta: only what names neither
    (_hallazgo("INV001", "inversiones", "3"), [0]),  # 'inversion' is not a prefix at a boundary of 'inversiones'
    (_hallazgo("INV001", "inversion.ejecutada.valor", "3"), [0, 1, 2, 6]),  # below the field of 2
    (_hallazgo("BEN002", "beneficiarios.grupos[2].cantidad", "1"), [3]),  # below an item of the list
    (_hallazgo("BEN002", "beneficiarios.grupos[2]", "1"), [3]),
    (_hallazgo("BEN002", "beneficiarios.grupo", "1"), []),  # a shorter field is not covered
    (_hallazgo("BEN002", "beneficiarios", "1"), []),  # above the field: not covered
    (_hallazgo("PLH001", "impacto", None), [5]),
    (_hallazgo("PLH002", "impacto", None), []),  # another rule
    (_hallazgo("INV001", "inversion.ejecutada", "12"), [0, 1, 4, 6]),
])
def test_el_indice_da_las_supresiones_que_cubren_el_hallazgo(hallazgo: Hallazgo, esperadas: list[int]) -> None:
    assert _Indice(ENTRADAS).cubren(hallazgo) == esperadas
    assert [i for i, e in enumerate(ENTRADAS) if e.cubre(hallazgo)] == esperadas  # the definition agrees


def test_el_indice_coincide_con_la_definicion_en_casos_al_azar() -> None:
    azar = random.Random(19)
    reglas, metas = ["INV001", "BEN002", "PLH001"], [None, "1", "2", "3.1.1"]
    campos = [None, "", "a", "a.b", "a.b.c", "a[0]", "a[0].b", "a.b[1]", "ab", "a.", "a[", "[0]", ".a"]
    entradas = [_entrada(azar.choice(reglas), azar.choice(campos), azar.choice(metas)) for _ in range(300)]
    indice = _Indice(entradas)
    for _ in range(2000):
        f = _hallazgo(azar.choice(reglas), azar.choice(campos), azar.choice(metas))
        assert indice.cubren(f) == [i for i, e in enumerate(entradas) if e.cubre(f)], f
