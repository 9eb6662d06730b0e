"""Thousands grouped with spaces ('1 250', '$ 486 250 000') are read as the Colombian point writes them, and said."""

from __future__ import annotations

import pytest

from auditor.entrada.carga import cargar_bytes
from auditor.entrada.importar.miles import con_punto_de_miles


@pytest.mark.parametrize(("texto", "leido"), [
    ("se vacunaron 1 250 niños de los 1 500 programados", "se vacunaron 1.250 niños de los 1.500 programados"),
    ("con $ 486 250 000 de regalías", "con $ 486.250.000 de regalías"),
    ("$ 1 118,4 millones", "$ 1.118,4 millones"),
    ("con\u00a0corte, 12\u202f800 personas", "con\u00a0corte, 12.800 personas"),
])
def test_miles_con_espacio(texto: str, leido: str) -> None:
    assert con_punto_de_miles(texto) == leido


@pytest.mark.parametrize("texto", [
    "el 15 2025",  # a day and a year
    "filas 12 8 y 3",  # counts side by side
    "llame al 300 123 4567",  # a phone number
    "el 2024 200 veces",  # a year first
    "1.250 personas y 3,5 %",  # already Colombian
])
def test_lo_que_no_son_miles_con_espacio(texto: str) -> None:
    assert con_punto_de_miles(texto) == texto


def test_un_borrador_con_miles_con_espacio_se_lee_y_se_dice_una_vez() -> None:
    texto = ("Informe de Rendición de Cuentas 2025\n\nSecretaría de Salud\n\nGobernación del Amazonas\n\n"
             "Meta cuatrienio 1: Vacunar 6 000 niños\n\n"
             "Se vacunaron 1 250 niños de los 1 500 programados para la vigencia, un cumplimiento del 93 %.\n\n"
             "Se ejecutaron $ 486 250 000 de recursos propios.\n")
    cargado = cargar_bytes(texto.encode("utf-8"), "borrador.txt")
    meta = cargado.informe.metas[0]
    assert (meta.logro.cantidad.valor, meta.programado_periodo.valor) == (1250, 1500)
    assert meta.inversion.ejecutada.valor == pytest.approx(486.25)
    [aviso] = [p for p in cargado.problemas if "miles con espacios" in p.mensaje]
    assert (aviso.regla, aviso.linea) == ("ENT005", 7)
