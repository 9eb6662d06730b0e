from __future__ import annotations

import pytest

from auditor.lectura.cifras import Problema, leer_cantidad, leer_monto, leer_numero, leer_porcentaje


@pytest.mark.parametrize(
    ("texto", "valor"),
    [("1.158,69", 1158.69), ("12.972", 12972.0), ("17.9", 17.9), ("4.500", 4500.0), ("5000", 5000.0),
     ("2.378", 2378.0), ("4.690.000.000", 4_690_000_000.0), ("66,7", 66.7), ("12.5", 12.5), ("0", 0.0)],
)
def test_leer_numero_formato_colombiano(texto: str, valor: float) -> None:
    assert leer_numero(texto) == pytest.approx(valor)


@pytest.mark.parametrize("texto", ["135, 2", "1..2", "1,2,3", "12.34.5", "", "doce"])
def test_leer_numero_rechaza_lo_ilegible(texto: str) -> None:
    assert leer_numero(texto) is None


@pytest.mark.parametrize(
    ("texto", "millones"),
    [
        ("$ 1.158,69 millones", 1158.69),  # seed 001, meta 5
        ("\\$12.972 millones de pesos", 12972.0),  # seed 001, meta 8, with the export's escape
        ("$17.9 millones", 17.9),  # seed 000, meta 80: decimal point
        ("$4.690.000.000", 4690.0),  # seed 001, meta 5 impact: pesos
        ("$26.600.000", 26.6),
        ("$1003 millones de pesos", 1003.0),
        ("$ 776 millones de pesos", 776.0),
        ("$2 mil millones", 2000.0),
        ("$\u00a0452,1 millones", 452.1),  # non-breaking space
    ],
)
def test_leer_monto(texto: str, millones: float) -> None:
    lectura = leer_monto(texto)
    assert lectura.problema is None
    assert lectura.valor == pytest.approx(millones)


@pytest.mark.parametrize(
    ("texto", "problema", "detalle"),
    [
        ("$ millones", Problema.SIN_NUMERO, "$ millones"),  # seed 000, meta 671
        ("$135, 2 millones de pesos", Problema.ILEGIBLE, "135, 2"),  # seed 001, meta 13
        ("$178 millones de pasos", Problema.UNIDAD, "de pasos"),  # seed 001, meta 15
        ("aproximadamente doce millones", Problema.ILEGIBLE, "aproximadamente doce millones"),
    ],
)
def test_leer_monto_problemas(texto: str, problema: Problema, detalle: str) -> None:
    lectura = leer_monto(texto)
    assert (lectura.problema, lectura.detalle) == (problema, detalle)


@pytest.mark.parametrize(
    ("texto", "valor"), [("66,7%", 66.7), ("12.5%", 12.5), ("22.4 por ciento", 22.4), ("100 %", 100.0), ("-5%", -5.0)]
)
def test_leer_porcentaje(texto: str, valor: float) -> None:
    assert leer_porcentaje(texto).valor == pytest.approx(valor)


def test_leer_porcentaje_problemas() -> None:
    assert leer_porcentaje("6,,5%").problema is Problema.ILEGIBLE
    assert leer_porcentaje("%").problema is Problema.SIN_NUMERO


def test_leer_cantidad_con_llamadas_de_nota() -> None:
    assert leer_cantidad("62,8%**").valor == pytest.approx(62.8)
    assert leer_cantidad("3***").valor == 3
    assert leer_cantidad("1.649").valor == 1649
    assert leer_cantidad("ciento veinte").problema is Problema.ILEGIBLE
    assert leer_cantidad("12 y 13").problema is Problema.ILEGIBLE
