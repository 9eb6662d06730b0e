"""Numbers in Spanish words, explicit zeros and amounts in words: tables of cases and a round trip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.lectura.ceros import cero_explicito
from auditor.lectura.cifras import leer_monto, leer_porcentaje
from auditor.lectura.numeros_en_letras import leer_en_letras, numeros_en_letras
from auditor.lectura.respuestas import monto_ejecutado, monto_programado, montos

_UNIDADES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
             "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno",
             "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho",
             "veintinueve"]
_DECENAS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
_CENTENAS = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos", 5: "quinientos", 6: "seiscientos",
             7: "setecientos", 8: "ochocientos", 9: "novecientos"}


def _grupo(n: int, apocope: bool) -> str:
    """1..999 in words; `apocope`: 'un'/'veintiún' before mil and millones."""
    if n == 100:
        return "cien"
    partes = []
    if n >= 100:
        partes.append(_CENTENAS[n // 100])
        n %= 100
    if n >= 30:
        partes.append(_DECENAS[n // 10] + (f" y {_UNIDADES[n % 10]}" if n % 10 else ""))
    elif n:
        partes.append(_UNIDADES[n])
    texto = " ".join(partes)
    if apocope and texto.endswith("uno"):
        texto = texto[:-3] + ("ún" if texto.endswith("veintiuno") else "un")
    return texto


def _bajo_millon(n: int, apocope: bool) -> str:
    miles, resto = divmod(n, 1000)
    partes = []
    if miles:
        partes.append("mil" if miles == 1 else f"{_grupo(miles, True)} mil")
    if resto:
        partes.append(_grupo(resto, apocope))
    return " ".join(partes)


def escribir(n: int) -> str:
    """The written Spanish of 0 <= n < 10**15 (a writer for the round trip; the product only reads)."""
    if n == 0:
        return "cero"
    billones, resto = divmod(n, 10**12)
    millones, resto = divmod(resto, 10**6)
    partes = []
    if billones:
        partes.append("un billón" if billones == 1 else f"{_bajo_millon(billones, True)} billones")
    if millones:
        partes.append("un millón" if millones == 1 else f"{_bajo_millon(millones, True)} millones")
    if resto:
        partes.append(_bajo_millon(resto, False))
    return " ".join(partes)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_un_numero_escrito_en_letras_se_lee_igual(n: int) -> None:
    assert leer_en_letras(escribir(n)) == n


@pytest.mark.parametrize(("texto", "valor"), [
    ("cuatrocientos cincuenta", 450), ("setecientos veinte", 720), ("quinientos", 500), ("novecientos noventa y nueve", 999),
    ("dos mil trescientos millones", 2_300_000_000), ("un millón quinientos mil", 1_500_000), ("mil millones", 10**9),
    ("veintiún mil", 21_000), ("cien mil", 100_000), ("ciento tres", 103), ("un billón", 10**12), ("Cuatrocientos Cincuenta", 450),
    ("dieciséis", 16), ("cero", 0),
])
def test_numeros_en_letras(texto: str, valor: int) -> None:
    assert leer_en_letras(texto) == valor


@pytest.mark.parametrize("texto", [
    "cinco treinta", "mil mil", "ciento", "treinta y", "diez y seis", "millones", "cero cinco", "cien tres",
    "dos millones tres millones", "treinta y doce", "ciento y pico",
])
def test_palabras_fuera_de_orden_no_son_un_numero(texto: str) -> None:
    assert leer_en_letras(texto) is None


def test_numeros_dentro_de_un_texto() -> None:
    texto = "se ejecutaron cuatrocientos cincuenta millones de pesos con una ONG y dos (2) aliados"
    encontrados = [(texto[n.inicio:n.fin], n.valor) for n in numeros_en_letras(texto)]
    assert encontrados == [("cuatrocientos cincuenta millones", 450_000_000), ("dos", 2)]  # "una" alone is an article


@pytest.mark.parametrize(("texto", "valor"), [
    ("cuatrocientos cincuenta millones de pesos", 450), ("dos mil trescientos millones", 2300),
    ("un millón quinientos mil pesos", 1.5), ("setecientos veinte millones de pesos", 720), ("cero pesos", 0),
    ("Cero pesos ejecutados", 0), ("$ 0", 0), ("COP 180 millones", 180), ("$ 1.718.672.098", 1718.672098),
    ("$ 1.718,7 millones", 1718.7),
])
def test_montos_en_letras_y_en_cifras_conservan_la_escala(texto: str, valor: float) -> None:
    assert leer_monto(texto).valor == pytest.approx(valor)


@pytest.mark.parametrize("texto", ["$ millones", "$ 87, 5 millones", "$ 74,,6 millones"])
def test_montos_sin_numero_o_ilegibles_no_tienen_valor(texto: str) -> None:
    assert leer_monto(texto).valor is None and leer_monto(texto).problema is not None


def test_porcentaje_en_letras() -> None:
    assert (leer_porcentaje("ochenta por ciento").valor, leer_porcentaje("el cien por ciento").valor) == (80, 100)


@pytest.mark.parametrize(("texto", "cero", "razon"), [
    ("No se destinaron recursos del SGP en 2024 porque la meta se atendió con convenios.",
     "No se destinaron recursos", "porque la meta se atendió con convenios"),
    ("Sin compromiso presupuestal hasta la fecha.", "Sin compromiso presupuestal", None),
    ("A la fecha no se ha girado ningún recurso; el convenio se firmará en marzo con la alcaldía.",
     "no se ha girado ningún recurso", "el convenio se firmará en marzo con la alcaldía"),
    ("Ningún peso fue erogado: la obra la asumió el municipio.", "Ningún peso", "la obra la asumió el municipio"),
    ("La meta no contó con recursos, ya que se atendió con el equipo de planta.",
     "no contó con recursos", "ya que se atendió con el equipo de planta"),
    ("Presupuesto ejecutado: ninguno, debido a la ley de garantías.", "Presupuesto ejecutado: ninguno", "debido a la ley de garantías"),
    ("Cero pesos ejecutados.", "Cero pesos ejecutados", None),
    ("Inversión: $0 (la actividad fue asumida por el SENA con sus instructores).", "$0",
     "fue asumida por el SENA con sus instructores)"),
    ("no se presentaron dificultades en la ejecución", None, None),
    ("No se ejecutaron las actividades de la segunda fase por falta de recursos.", None, None),
    ("Se invirtieron $ 300 millones; no se reportan novedades.", None, None),
])
def test_cero_explicito_por_gramatica(texto: str, cero: str | None, razon: str | None) -> None:
    leido = cero_explicito(texto)
    if cero is None:
        assert leido is None
    else:
        assert leido is not None and (leido.texto, leido.razon) == (cero, razon)


def test_monto_ejecutado_y_programado_de_un_parrafo_narrativo() -> None:
    texto = ("Sobre una programación estimada de COP 180 millones para desarrollar esta meta en la vigencia, "
             "se ejecutaron ciento setenta y seis millones de pesos con recursos propios.")
    programado, ejecutado = monto_programado(texto), monto_ejecutado(texto)
    assert programado is not None and programado.texto == "COP 180 millones"
    assert ejecutado is not None and ejecutado.texto == "ciento setenta y seis millones de pesos"
    assert [t.texto for t in montos("dos millones de personas y $ 74,,6 millones")] == ["$ 74,,6 millones"]
