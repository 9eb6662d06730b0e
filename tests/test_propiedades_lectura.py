"""Properties of the readers of the Spanish text (issue of the one reading): on any text they never raise,
what they find is where they say it is, normalizing twice is normalizing once, and a number written the
Colombian way is read back as the same number (also with invisible characters inside it)."""

from __future__ import annotations

import calendar
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.lectura.ceros import cero_explicito
from auditor.lectura.cifras import escribir_numero, leer_cantidad, leer_monto, leer_numero
from auditor.lectura.fechas import leer_fechas
from auditor.lectura.patrones import normalizar, normalizar_con_indices

_INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202c", "\u202e", "\u2066", "\u2069"]

# Pieces offices write, so that random texts reach the readers' grammar and not only their first test.
_PIEZAS = st.sampled_from([
    "Del ", "del ", " al ", "desde el ", " hasta el ", "entre ", " y ", ", ", ". ", "; ", "de ", "15 ", "31 ", "29 ", "1 ",
    "junio ", "febrero ", "julio de ", "diciembre ", "2024", "2025", " 2026", "primer semestre ", "vigencia ", "Ley 1448 de 2011",
    "Decreto 1082 de 2015", "acta de inicio ", "terminó ", "se entregarán ", "$ ", "0", " millones", "no se ejecutaron recursos",
    "sin ejecución presupuestal a la fecha", "cero pesos", "$ 0 ", "porque ", "no aplica", "1.234,5", "45,3", "%", " \u200d",
    "\u202e", "\n", "\t", "Cúcuta", "año", "Ñ", "ﬁ", "¨", "\u00a0",
])
_TEXTOS = st.one_of(st.text(max_size=150), st.lists(_PIEZAS, max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(_TEXTOS)
def test_normalizar_es_idempotente_y_sus_indices_vuelven_al_texto(texto: str) -> None:
    normal, indices = normalizar_con_indices(texto)
    assert normalizar(normal) == normal == normalizar(texto)
    assert len(indices) == len(normal)
    anteriores = list(indices)
    assert anteriores == sorted(anteriores) and all(0 <= i < len(texto) for i in anteriores)


@settings(max_examples=300, deadline=None)
@given(_TEXTOS)
def test_las_fechas_nunca_fallan_y_estan_donde_dicen(texto: str) -> None:
    anterior = 0
    for f in leer_fechas(texto):
        assert anterior <= f.inicio < f.fin <= len(texto)
        assert texto[f.inicio:f.fin] == f.texto
        anterior = f.inicio
        for tramo in f.tramos:
            for dia, mes, anio in tramo.dias_imposibles():
                assert 1 <= mes <= 12 and dia > calendar.monthrange(2024 if anio is None else anio, mes)[1]
        for desde, hasta in f.partes:  # every stretch is a real date, even where the text wrote an impossible day
            assert desde.year >= 1 and hasta.year >= 1
        assert f.al_reves == (not f.anio_inferido and any(a > b for a, b in f.partes))


@settings(max_examples=300, deadline=None)
@given(_TEXTOS)
def test_el_cero_explicito_esta_donde_dice(texto: str) -> None:
    cero = cero_explicito(texto)
    if cero is not None:
        assert 0 <= cero.inicio < cero.fin <= len(texto) and texto[cero.inicio:cero.fin] == cero.texto


@settings(max_examples=500, deadline=None)
@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_un_numero_escrito_se_lee_igual(numero: Decimal) -> None:
    x = float(numero)
    escrito = escribir_numero(x)
    assert leer_numero(escrito) == x
    assert leer_cantidad(escrito).valor == x
    assert leer_monto(f"$ {escrito} millones").valor == x


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=10, max_value=10**9), st.lists(st.tuples(st.integers(min_value=1), st.sampled_from(_INVISIBLES)), max_size=4))
def test_un_caracter_invisible_dentro_de_un_numero_no_cambia_lo_que_se_lee(numero: int, invisibles: list[tuple[int, str]]) -> None:
    escrito = escribir_numero(numero)
    for posicion, caracter in invisibles:  # inside the number, never at its ends
        k = 1 + posicion % (len(escrito) - 1) if len(escrito) > 1 else 0
        escrito = escrito[:k] + caracter + escrito[k:]
    assert leer_numero(escrito) == numero
    assert leer_monto(f"$ {escrito} millones").valor == numero
