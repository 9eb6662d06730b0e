"""The one percentage reader: value, place and what each % refers to, by the phrase attached to it.

Phrases are the general forms offices write, in other wording than the development corpus."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.lectura.cifras import leer_cantidad, leer_monto, leer_porcentaje
from auditor.lectura.patrones import normalizar, normalizar_con_indices
from auditor.lectura.porcentajes import Referente, de_progreso, porcentajes, programado_del_periodo
from auditor.lectura.respuestas import porcentajes_narrativos, sin_programar

P, C, COMP, F = Referente.PERIODO, Referente.CUATRIENIO, Referente.COMPOSICION, Referente.FINANCIERO

CASOS: list[tuple[str, list[tuple[float, Referente | None]]]] = [
    # cumplimiento of the period: the measure before, or what it is a share of after
    ("Cumplimiento del 95 % frente a lo programado para la vigencia 2025", [(95, P)]),
    ("95% de cumplimiento respecto a lo programado", [(95, P)]),
    ("se entregaron 40 kits, el 80 % de lo programado para el año", [(80, P)]),
    ("alcanzando el 70 % de la meta de la vigencia", [(70, P)]),
    ("se cumplió en un 65 % lo programado para este periodo", [(65, P)]),
    ("cumpliendo el noventa por ciento de lo programado", [(90, P)]),
    ("durante la vigencia un avance del 40% de la meta anual", [(40, P)]),
    ("el cumplimiento de la vigencia fue del 75,5 %", [(75.5, P)]),
    # avance of the four years
    ("33,3% del cuatrienio", [(33.3, C)]),
    ("equivalente a un 12.5 por ciento de la meta del cuatrienio", [(12.5, C)]),
    ("un avance acumulado del 60 % de la meta total", [(60, C)]),
    ("lo que representa el 18 % de la meta del plan", [(18, C)]),
    ("con un avance frente al cuatrienio del 7%", [(7, C)]),
    ("10% de avance", [(10, C)]),
    ("un cumplimiento del 15% de la meta en el cuatrienio", [(15, C)]),
    # a bare '(N %)' after a quantity: what the clause before the bracket names last
    ("24 cámaras instaladas de las 30 programadas (85 %).", [(85, P)]),
    ("En el cuatrienio van 21 de 48 (43,8 %).", [(43.8, C)]),
    ("de los 120 programados para el cuatrienio (20 %)", [(20, C)]),
    ("1.530 mujeres (54 %) y 1.300 hombres (46 %)", [(54, COMP), (46, COMP)]),
    ("420 personas formadas (105 %); 830 de 1.600 en el cuatrienio (51,9 %).", [(105, None), (51.9, C)]),
    ("9 consejos a la fecha de corte (75 %), uno por mes", [(75, None)]),
    # the measure, then a verb that reports its value: 'se reporta en', 'asciende a', 'llegó al', 'se ubica en'
    ("el avance frente al cuatrienio también se reporta en 100 %", [(100, C)]),
    ("El avance del cuatrienio asciende a 45 %.", [(45, C)]),
    ("el cumplimiento de la vigencia llegó al 80 %", [(80, P)]),
    ("el avance acumulado se ubica en el 30%", [(30, C)]),
    # both, in either order, each by its own phrase
    ("con un avance del 30 % frente al cuatrienio y un cumplimiento del 90 % de lo programado", [(30, C), (90, P)]),
    ("cumplimiento del 100 % en el año 2025 y avance del 25 % del cuatrienio", [(100, P), (25, C)]),
    ("un avance del 100 % de lo programado y del 50 % frente a la meta del cuatrienio", [(100, P), (50, C)]),
    # a scope alone as the value's label, or ending the label before the colon
    ("1.240 niños formados frente a 1.240 programados: 100 %; cuatrienio 54,8 % (2.190 de 4.000).", [(100, P), (54.8, C)]),
    ("vigencia 2025: 95 %, cuatrienio 40 %", [(95, P), (40, C)]),
    ("Meta: 100 %", [(100, None)]),  # 'meta' alone says neither
    # shares of a population: not progress
    ("Se atendieron 300 jóvenes, 58 % de ellos hombres", [(58, COMP)]),
    ("el 35 % de las familias vive en zona rural y el 65 % en cabeceras", [(35, COMP), (65, COMP)]),
    ("de ellas, el 40 % son cabeza de hogar", [(40, COMP)]),
    ("60 % mujeres, 40 % hombres", [(60, COMP), (40, COMP)]),
    ("el 12 % pertenecen a comunidades indígenas", [(12, COMP)]),
    # funding and budget: not physical progress
    ("el 45 % de los recursos provino del SGP", [(45, F)]),
    ("una ejecución presupuestal del 92 %", [(92, F)]),
    ("97,1 % de ejecución financiera", [(97.1, F)]),
    # the text does not say
    ("la tasa de desempleo bajó al 11 %", [(11, None)]),
    ("con un avance físico del 63 % en las obras pendientes", [(63, None)]),
    ("una supervivencia del 90% a los seis meses", [(90, None)]),
    ("el 85 % de las plántulas sobrevivió", [(85, COMP)]),  # a share of a group of things: not progress either
]


@pytest.mark.parametrize(("texto", "esperado"), CASOS, ids=[c[0][:40] for c in CASOS])
def test_valor_y_referente_por_la_frase_adjunta(texto: str, esperado: list[tuple[float, Referente | None]]) -> None:
    assert [(p.valor, p.referente) for p in porcentajes(texto)] == esperado


def test_posiciones_y_texto_como_esta_escrito() -> None:
    texto = "Se logró un cumplimiento  del 100 %\nfrente a lo programado, y el 45,5% del Cuatrienio."
    leidos = porcentajes(texto)
    assert [(p.texto, texto[p.inicio:p.fin]) for p in leidos] == [("100 %", "100 %"), ("45,5%", "45,5%")]
    assert [p.referente for p in leidos] == [P, C]


def test_en_letras_y_con_articulo() -> None:
    [p] = porcentajes("se logró un ochenta y cinco por ciento de lo programado")
    assert (p.valor, p.texto, p.referente) == (85, "ochenta y cinco por ciento", P)
    assert leer_porcentaje(p.texto).valor == 85


def test_el_orden_invertido_no_cruza_los_porcentajes() -> None:
    """'cumplimiento del 100 % ... avance del 25 %': a keyword of the sentence would take either for either."""
    leidos = de_progreso("Se logró un cumplimiento del 100 % en la vigencia, que representa un avance del 25 % del cuatrienio.")
    assert (leidos[P].valor, leidos[C].valor) == (100, 25)
    leidos = de_progreso("Con un avance del 25 % del cuatrienio, se logró un cumplimiento del 100 % en la vigencia.")
    assert (leidos[P].valor, leidos[C].valor) == (100, 25)


def test_composicion_no_es_progreso() -> None:
    texto = "Se apoyaron 80 emprendimientos, el 70 % de ellos liderados por mujeres, con el 60 % de los recursos del SGR."
    assert de_progreso(texto) == {}
    assert porcentajes_narrativos(texto) == {}


def test_lector_narrativo_da_el_texto_y_la_posicion() -> None:
    texto = "Se realizaron 6 talleres; se cumplió en un 100 % lo programado, lo que equivale a un 15 por ciento de la meta del cuatrienio."
    leidos = porcentajes_narrativos(texto)
    assert {k: (t.texto, texto[t.inicio:t.inicio + len(t.texto)]) for k, t in leidos.items()} == {
        "cumplimiento_periodo": ("100 %", "100 %"), "avance_cuatrienio": ("15 por ciento", "15 por ciento")}


# --- invisible characters -------------------------------------------------------------------

INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069"]


@pytest.mark.parametrize("c", INVISIBLES, ids=[f"U+{ord(c):04X}" for c in INVISIBLES])
def test_un_numero_con_un_caracter_invisible_se_lee_entero(c: str) -> None:
    assert leer_cantidad(f"5{c}38").valor == 538
    assert leer_monto(f"$ 1.2{c}50 millones").valor == 1250
    assert leer_porcentaje(f"4{c}2,5 %").valor == 42.5
    texto = f"Se logró el 4{c}2,5 % del cuatrienio"
    [p] = porcentajes(texto)
    assert (p.valor, p.referente, texto[p.inicio:p.fin]) == (42.5, C, f"4{c}2,5 %")
    fuente = f"Pasto {c}y 5{c}38 familias"
    normal, indices = normalizar_con_indices(fuente)
    assert normal == "pasto y 538 familias" == normalizar(fuente)
    assert "".join(fuente[indices[k]] for k in range(len(normal))).lower() == normal


def test_importador_lee_el_numero_entero() -> None:
    from auditor.entrada.importar.segmentos import limpiar_parrafo
    assert limpiar_parrafo("<p>Se atendieron 6\u200d71 familias\u200b.</p>") == "Se atendieron 671 familias."


# --- properties -----------------------------------------------------------------------------

_piezas = st.sampled_from([
    "cumplimiento del ", "avance del ", " % ", "%", " por ciento ", "ochenta ", "y ", "de lo programado", " del cuatrienio",
    "de ellas mujeres", ", ", ". ", "12", "45,5", "1.234,5", "7.5", "\u200d", "\u202e", " ", "Meta", "de los recursos", "(", ")",
    "de los ", "programados para la vigencia", "Programado 2024: ", "Programación del periodo es de ",
])
_textos = st.one_of(st.text(max_size=200), st.lists(_piezas, max_size=40).map("".join))


@given(_textos)
def test_nunca_falla_y_las_posiciones_estan_en_el_texto(texto: str) -> None:
    anterior = 0
    for p in porcentajes(texto):
        assert 0 <= anterior <= p.inicio < p.fin <= len(texto)
        assert texto[p.inicio:p.fin] == p.texto
        assert p.valor >= 0
        anterior = p.fin
    programado = programado_del_periodo(texto)
    if programado is not None:
        assert 0 <= programado.inicio < programado.fin <= len(texto) and texto[programado.inicio:programado.fin] == programado.texto


def test_lineal_en_el_largo_del_texto() -> None:
    """Each % looks at its own clause: 100 KB full of percentages takes well under a second or two."""
    frase = "se cumplió el 5 % de lo programado y el 7,5 % del cuatrienio; el 40 % de ellas mujeres, "
    texto = frase * (100_000 // len(frase))
    inicio = time.perf_counter()
    leidos = porcentajes(texto)
    assert len(leidos) == 3 * (100_000 // len(frase))
    assert time.perf_counter() - inicio < 5


def test_un_porcentaje_de_progreso_no_es_parte_de_un_reparto() -> None:
    from auditor.lectura.conteos import analizar
    [reparto] = analizar("Con un cumplimiento de un 100 %, el 70% de los créditos fue a Cúcuta y el 30% restante a Ocaña.").repartos
    assert reparto.suma == 100 and [c for _, c in reparto.porcentajes] == ["70%", "30%"]


@pytest.mark.parametrize(("texto", "esperado"), [
    ("Se dotaron 45 bibliotecas de las 50 programadas para la vigencia 2025.", "50"),
    ("De los 1.200 kits programados para el periodo se entregaron 1.150.", "1.200"),
    ("Programada para el año 2025: 60 jornadas", "60"),
    ("La programación de la vigencia en el Plan de Acción fue de 75 asesorías.", "75"),
    ("En el periodo 2024-2025 la Secretaría programó la entrega de 300 mercados.", "300"),
    ("De los $ 200 millones programados para la vigencia se ejecutó la mitad.", None),  # money, not a quantity
    ("Se programaron actividades con 30 asociaciones.", None),
])
def test_lo_programado_para_el_periodo(texto: str, esperado: str | None) -> None:
    leido = programado_del_periodo(texto)
    assert (leido.texto if leido else None) == esperado
    if leido is not None:
        assert texto[leido.inicio:leido.fin] == leido.texto


@pytest.mark.parametrize(("texto", "dicho"), [
    ("Para la vigencia 2025 no se programó avance físico de esta meta. Se culminaron los diseños.",
     "no se programó avance físico de esta meta"),
    ("La meta no tuvo programación física en 2025; los diseños siguen.", "no tuvo programación física en 2025"),
])
def test_nada_programado_para_el_periodo_dicho_en_la_prosa(texto: str, dicho: str) -> None:
    trozo = sin_programar(texto)
    assert trozo is not None and trozo.texto == dicho and texto[trozo.inicio:].startswith(dicho)


@pytest.mark.parametrize("texto", [
    "No se programaron recursos para esta meta en la vigencia.",  # money: a zero of the investment
    "Se hicieron 3 talleres adicionales que no se programaron.",  # a relative clause about something else
    "No se programó avance físico: 20 % de avance del cuatrienio.",  # its clause states a percentage
])
def test_lo_que_no_es_nada_programado(texto: str) -> None:
    assert sin_programar(texto) is None


@pytest.mark.parametrize(("texto", "dados"), [
    ("La meta no se cumplió al 100 % por el retraso en la entrega de materiales.", []),
    ("Sin alcanzar el 80 % previsto, se logró el 60 % de lo programado.", ["60 %"]),
    ("No se llegó al 50 % del cuatrienio; el avance es del 45 % del cuatrienio.", ["45 %"]),
    ("Se cumplió al 100 % lo programado.", ["100 %"]),
])
def test_un_porcentaje_que_no_se_alcanzo_no_es_el_que_el_texto_da(texto: str, dados: list[str]) -> None:
    """'no se cumplió al 100 %' names a mark not reached: it is neither the cumplimiento nor any other value."""
    assert [p.texto for p in porcentajes(texto)] == dados


def test_lo_que_falta_no_es_lo_cumplido() -> None:
    """'el 10 % restante de las mujeres programadas': what is left of the programmed, not the period's cumplimiento."""
    assert [p.texto for p in porcentajes("Se cumplió el 90 % de lo programado; el 10 % restante se vinculará en noviembre.")] == ["90 %"]
