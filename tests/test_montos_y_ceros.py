"""Amounts and zeros as offices write them in the investment answer: without the peso sign, and a bare denial
once the label ('Recursos ejecutados:') has been read off."""

from __future__ import annotations

import pytest

from auditor.lectura.ceros import cero_explicito
from auditor.lectura.respuestas import monto_ejecutado, montos


@pytest.mark.parametrize(("texto", "esperados"), [
    ("96,8 millones de pesos del SGP - Libre Inversión.", ["96,8 millones de pesos"]),
    ("Se invirtieron 45.300.000 pesos de recursos propios.", ["45.300.000 pesos"]),
    ("$ 120 millones y 1,2 mil millones de pesos del SGR", ["$ 120 millones", "1,2 mil millones de pesos"]),
    # counts are not money: 'millones de personas', a bare 'millones', a year
    ("Se atendieron 2 millones de personas en 2025.", []),
    ("La red llega a 3,5 millones de habitantes.", []),
])
def test_montos_sin_signo_que_dicen_pesos(texto: str, esperados: list[str]) -> None:
    assert [m.texto for m in montos(texto)] == esperados


@pytest.mark.parametrize(("texto", "cero"), [
    ("ninguno a la fecha de corte. Se programaron $80 millones para un convenio.", "ninguno"),
    ("Ninguna; la meta es de gestión y se cumplió con personal de planta.", "Ninguna"),
    ("Cero pesos: la meta no requirió recursos.", "Cero pesos"),
])
def test_en_la_respuesta_de_la_inversion_una_negacion_al_comienzo_es_cero(texto: str, cero: str) -> None:
    leido = cero_explicito(texto, de_dinero=True)
    assert leido is not None and leido.texto == cero
    assert texto[leido.inicio:leido.fin] == cero


@pytest.mark.parametrize("texto", [
    "ninguno de los municipios priorizados pidió cofinanciación",  # outside the investment answer: not a zero of money
    "Ninguno de los 40 productores se retiró.",
])
def test_fuera_de_la_inversion_una_negacion_no_es_cero_de_dinero(texto: str) -> None:
    assert cero_explicito(texto) is None


@pytest.mark.parametrize(("texto", "cero", "razon"), [
    ("Sin costo: la mesa funciona con el equipo de planta de la Secretaría.", "Sin costo",
     "la mesa funciona con el equipo de planta de la Secretaría"),
    ("No tuvo costo; se hizo con el apoyo del SENA.", "No tuvo costo", "se hizo con el apoyo del SENA"),
    ("Costo cero para el departamento.", "Costo cero", None),
])
def test_una_respuesta_que_abre_diciendo_que_no_costo_es_cero(texto: str, cero: str, razon: str | None) -> None:
    leido = cero_explicito(texto)
    assert leido is not None and (texto[leido.inicio:leido.fin], leido.razon) == (cero, razon)


@pytest.mark.parametrize("texto", [
    "$ 50 millones; las capacitaciones fueron sin costo para los asistentes.",  # inside another answer: not how much was invested
    "Talleres gratuitos en la comuna 4 con el apoyo de la Caja de Compensación.",
])
def test_sin_costo_dentro_de_otra_respuesta_no_es_cero(texto: str) -> None:
    assert cero_explicito(texto) is None


@pytest.mark.parametrize(("texto", "ejecutado"), [
    ("La Secretaría invirtió $ 318,4 millones en carpas y básculas.", "$ 318,4 millones"),
    ("La inversión ascendió a $ 860 millones, de los cuales el 70 % fue de regalías.", "$ 860 millones"),
    ("Se realizó con una inversión de $ 975 millones de recursos propios.", "$ 975 millones"),
    ("Se atendieron con recursos por $ 2.105,3 millones del convenio.", "$ 2.105,3 millones"),
    ("con recursos por un valor de $ 20 millones", "$ 20 millones"),
    ("Los productores vendieron cosechas por $ 95 millones; la Secretaría ejecutó $ 40 millones.", "$ 40 millones"),
])
def test_monto_ejecutado_por_su_verbo_activo_o_su_sustantivo(texto: str, ejecutado: str) -> None:
    trozo = monto_ejecutado(texto)
    assert trozo is not None and trozo.texto == ejecutado and texto[trozo.inicio:].startswith(ejecutado)


@pytest.mark.parametrize("texto", [
    "Se aprobó una inversión programada de $ 300 millones para 2026.",
    "Los productores vendieron cosechas por $ 95 millones.",
])
def test_un_monto_que_no_es_lo_ejecutado(texto: str) -> None:
    assert monto_ejecutado(texto) is None
