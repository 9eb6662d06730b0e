from __future__ import annotations

import pytest

from auditor.lectura.cifras import Problema, escribir_numero, leer_cantidad, leer_monto, leer_numero, leer_porcentaje
from auditor.lectura.respuestas import montos


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


@pytest.mark.parametrize(
    ("valor", "decimales", "escrito"),
    [
        (0, 2, "0"), (7, 2, "7"), (999, 2, "999"), (1000, 2, "1.000"), (1649, 2, "1.649"),  # integers
        (2_000_000, 2, "2.000.000"), (1_234_567, 2, "1.234.567"), (4_690_000_000, 2, "4.690.000.000"),  # large: never 2e+06
        (1158.69, 2, "1.158,69"), (13842.4, 2, "13.842,4"), (0.6, 2, "0,6"), (45.5, 1, "45,5"), (66.70, 2, "66,7"),  # decimals
        (-1234.5, 2, "-1.234,5"), (-7, 2, "-7"), (-0.001, 2, "0"), (-0.04, 1, "0"),  # negatives, no "-0"
        (3338.2900000000004, 2, "3.338,29"), (1.005, 2, "1"), (2.675, 2, "2,67"), (0.125, 2, "0,12"),  # rounding (of the binary value)
        (999.999, 2, "1.000"), (12.5, 0, "12"), (13.5, 0, "14"), (99.6, 0, "100"), (1000, 0, "1.000"),  # carried, whole numbers
    ],
)
def test_escribir_numero(valor: float, decimales: int, escrito: str) -> None:
    assert escribir_numero(valor, decimales) == escrito


def test_escribir_numero_lee_lo_que_escribe() -> None:
    for valor in (0.5, 12.25, 1649.0, 1158.69, 2_000_000.0, 123_456_789.12):
        assert leer_numero(escribir_numero(valor)) == pytest.approx(valor)


@pytest.mark.parametrize("texto", ["2.3400", "1.5", "17.95", "3.125"])
def test_el_punto_es_decimal_antes_de_una_o_dos_cifras_y_de_miles_antes_de_tres(texto: str) -> None:
    esperado = {"2.3400": None, "1.5": 1.5, "17.95": 17.95, "3.125": 3125.0}[texto]
    assert leer_numero(texto) == esperado  # '2.3400' is neither: a thousands point misplaced, unreadable


def test_un_punto_de_miles_mal_puesto_no_se_lee() -> None:
    lectura = leer_monto("$ 2.3400 millones")
    assert (lectura.valor, lectura.problema) == (None, Problema.ILEGIBLE)


@pytest.mark.parametrize(("texto", "valor"), [
    ("1,250,000,000", 1250000000.0),  # two comma groups or more: only English writes them
    ("2,345.6", 2345.6),  # comma groups and a decimal point
    ("1,250", 1.25),  # one group stays a Colombian decimal (ambiguous: read as the office's convention)
])
def test_cifras_a_la_inglesa_que_no_pueden_ser_colombianas(texto: str, valor: float) -> None:
    assert leer_numero(texto) == valor


def test_un_monto_a_la_inglesa_se_lee_entero() -> None:
    (monto,) = montos("$1,250,000,000 ($1.250 millones) del SGP")[:1]
    assert (monto.texto, leer_monto(monto.texto).valor) == ("$1,250,000,000", 1250.0)


@pytest.mark.parametrize("texto", ["NP", "N.P.", "N/A", "n.a.", "No aplica", "No programado", "No programada para 2025",
                                   "no se programó avance físico", "Sin programación", "No aplica: la meta empieza en 2026"])
def test_un_porcentaje_que_el_informe_dice_que_no_hay(texto: str) -> None:
    """'NP' is not 0 and not a missing number: the report says nothing was programmed, or it does not apply."""
    for leer in (leer_porcentaje, leer_cantidad):
        lectura = leer(texto)
        assert (lectura.valor, lectura.problema) == (None, Problema.NO_APLICA)


@pytest.mark.parametrize("texto", ["No aplica 50%", "NPX", "nada", "Novena"])
def test_lo_que_no_es_no_aplica(texto: str) -> None:
    assert leer_porcentaje(texto).problema is Problema.ILEGIBLE


def test_el_apostrofo_de_los_millones() -> None:
    """'$2.345'678.000' (the millions marked with an apostrophe) is 2.345.678.000 pesos; a malformed one stays unreadable."""
    assert leer_monto("$2.345'678.000").valor == pytest.approx(2345.678)
    assert leer_monto("$3'45.600.000").problema is Problema.ILEGIBLE
    assert [m.texto for m in montos("Se ejecutaron $3'45.600.000 de recursos")] == ["$3'45.600.000"]
