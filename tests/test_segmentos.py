"""The text export as paragraphs: every kind of export mess, one small case each."""

from __future__ import annotations

import pytest

from auditor.entrada.importar import matriz, narrativa, tabular
from auditor.entrada.importar.perfiles import Perfil
from auditor.entrada.importar.segmentos import Segmento, limpiar_parrafo, segmentos_de_texto
from auditor.entrada.importar.tabular import partir
from auditor.lectura import porcentajes


def _textos(segmentos: list[Segmento]) -> list[tuple[int, int | None, str]]:
    return [(s.linea, s.celda, s.texto) for s in segmentos]


def test_html_de_las_celdas_entidades_y_vinetas() -> None:
    linea = '\t<p><b>¿Qué se hizo?</b> Show &amp; Leather</p> <ul style="x"><li>• <b>¿Con quién?</b> CORPOMODA</li></ul>'
    assert _textos(segmentos_de_texto(linea)) == [(1, 1, "¿Qué se hizo? Show & Leather"), (1, 1, "¿Con quién? CORPOMODA")]


def test_markdown_titulos_negrillas_escapes_y_saltos_forzados() -> None:
    texto = "**INFORME DE  \nRENDICIÓN DE  \nCUENTAS**\n\n#### **LOCALIZACIÓN**\nSe invirtieron \\$ 17.9 millones\n\n\\*\\*Medición DANE\n"
    segmentos = segmentos_de_texto(texto)
    assert _textos(segmentos) == [
        (1, None, "INFORME DE RENDICIÓN DE CUENTAS"), (5, None, "LOCALIZACIÓN"), (6, None, "Se invirtieron $ 17.9 millones"),
        (8, None, "**Medición DANE"),
    ]
    assert segmentos[0].negritas == ("INFORME DE RENDICIÓN DE CUENTAS",)


def test_tabulaciones_son_celdas_de_una_fila() -> None:
    [a, b, c] = segmentos_de_texto("Cumplimiento/Avance\tInversión\tBeneficiarios")
    assert (a.fila, b.fila, c.fila) == (1, 1, 1) and (a.celda, b.celda, c.celda) == (0, 1, 2)


def test_espacios_de_no_separacion_y_lineas_windows() -> None:
    assert _textos(segmentos_de_texto("Meta\u00a0#\u00a01\r\n\r\nCúcuta\u200b y Ocaña\r\n")) == [(1, None, "Meta # 1"), (3, None, "Cúcuta y Ocaña")]
    assert limpiar_parrafo("  •  • texto  ") == "texto"


@pytest.mark.parametrize("perfil_", [tabular.PERFIL, narrativa.PERFIL], ids=["tabular", "narrativa"])
def test_el_mobiliario_de_pagina_es_del_perfil(perfil_: Perfil) -> None:
    """One mechanism: each profile's 'mobiliario' (the matrix reader uses the tabular one's)."""
    for mobiliario in ("Rendición de Cuentas 2024-2025 SECRETARIA DE DESARROLLO ECONOMICO Y PRODUCTIVIDAD", "Página 3 de 12",
                       "Pág. 7", ("Alcaldía de San Juan de Pasto – Secretaría de Agricultura Informe de Rendición de Cuentas 2025 "
                                  "Página 12 de 12")):
        assert perfil_.es_mobiliario(mobiliario), mobiliario
        assert matriz.es_mobiliario(mobiliario), mobiliario
    for contenido in ("Rendición de Cuentas de la Secretaría: el 23 de octubre se firmó el acta de inicio del proyecto",
                      "Sesión de Mesa de Internacionalización, en la Cámara de Comercio de Cúcuta.",
                      ("Los resultados están en el anexo, página 3 de 12 del informe técnico, con el detalle por municipio y por "
                       "vereda de cada una de las entregas realizadas durante la vigencia")):
        assert not perfil_.es_mobiliario(contenido), contenido


def test_rotulos_de_la_plantilla_dentro_de_un_parrafo() -> None:
    partes = partir("¿Qué se hizo? Avance en documento técnico  50% de cumplimiento frente a lo programado en el periodo "
                    "2024-2025  y  50% de avance frente al cuatrienio.")
    assert [(e.nombre if e else None, t) for e, t, _ in partes] == [
        (None, ""), ("logro", "Avance en documento técnico"), ("porcentaje", "y"), ("porcentaje", "")]
    leidos = [porcentajes.rotulado(m.group(0)) for e, _, m in partes if m is not None and e is not None and e.nombre != "logro"]
    assert [(p.texto, p.referente) for p in leidos if p is not None] == [
        ("50%", porcentajes.Referente.PERIODO), ("50%", porcentajes.Referente.CUATRIENIO)]


def test_el_porcentaje_de_la_vigencia_o_del_periodo_es_un_rotulo() -> None:
    """'el 100% de la vigencia y el 50% del cuatrienio (6 de 12)': the period's and the plan's percentages."""
    partes = partir("cual fue el avance - el 100% de la vigencia y el 50% del cuatrienio (6 de 12).")
    leidos = [porcentajes.rotulado(m.group(0)) for e, _, m in partes if m is not None and e is not None and e.nombre == "porcentaje"]
    assert [(p.texto, p.referente) for p in leidos if p is not None] == [
        ("100%", porcentajes.Referente.PERIODO), ("50%", porcentajes.Referente.CUATRIENIO)]


def test_rotulos_sin_tildes_ni_signo_inicial_no_se_confunden_con_la_prosa() -> None:
    assert [e.nombre for e, _, _ in partir("¿Donde se intervino? Cúcuta") if e] == ["donde"]
    # a question in the middle of prose without the opening '¿' is prose
    assert [e for e, _, _ in partir("Se preguntó qué se hizo con los recursos") if e] == []


def test_mobiliario_de_pagina_en_celdas_y_repetido() -> None:
    # A running header split by tabs from its page number, and one repeated without a number,
    # are page furniture; the cover's lines (once) and a sentence naming the report are text.
    texto = (
        "Rendición de Cuentas Vigencia 2025\n\n"
        "Secretaría de Cultura y Turismo\n\n"
        "Corte: 30 de junio de 2025\n\n"
        "Oficina de Cultura – informe de gestión anual\n\n"
        + "".join(f"Meta {n} Bibliotecas dotadas\n\nLo realizado: se dotaron {n} bibliotecas.\n\n" for n in range(1, 5))
        + "Gobernación del Meta · Rendición de Cuentas 2025\t\tPág. 2 de 7\n\n"
        "Oficina de Cultura – informe de gestión anual\n\n"
        "Inversión: $ 20 millones.\n\n"
        "Oficina de Cultura – informe de gestión anual\n\n"
        "La rendición de cuentas de la Secretaría se hará en marzo.\n\n"
        "Total\t4\tPágina 3 de 7\n"
    )
    textos = [s.texto for s in segmentos_de_texto(texto)]
    assert "Rendición de Cuentas Vigencia 2025" in textos and "Secretaría de Cultura y Turismo" in textos
    assert textos.count("Oficina de Cultura – informe de gestión anual") == 1  # on the cover only
    assert not any("Pág" in t or "Gobernación" in t for t in textos)
    assert "La rendición de cuentas de la Secretaría se hará en marzo." in textos
    assert "Total" in textos and "4" in textos  # a table row with a figure in it is not a header


def test_encabezado_repetido_en_varias_lineas_sale_entero() -> None:
    portada = "Rendición de Cuentas 2026\n\nSecretaría de Minas\n\nCorte: 30 de junio de 2026\n\n" + "".join(
        f"Meta {n} Títulos mineros\n\nSe formalizaron {n} títulos.\n\n" for n in range(1, 5))
    textos = [s.texto for s in segmentos_de_texto(
        portada + "Rendición de Cuentas 2026  \nSECRETARÍA DE MINAS  \nY ENERGÍA\n\nSe formalizaron otros 2.\n\n"
        "Rendición de Cuentas 2026\nMeta 9 Minas legalizadas\n")]
    assert textos.count("Rendición de Cuentas 2026") == 1 and not any("ENERGÍA" in t for t in textos)
    assert "Meta 9 Minas legalizadas" in textos  # a heading run into the header stays


@pytest.mark.parametrize(
    ("lineas", "texto"),
    [
        (["las normas de sostenibi-", "lidad turística"], "las normas de sostenibilidad turística"),  # a word cut by the wrap
        (["Calarcá y Monte-", "negro."], "Calarcá y Montenegro."),
        (["la vía Armenia –", "Pereira"], "la vía Armenia – Pereira"),  # a dash between words, not a cut word
        (["el programa Quindío-", "Risaralda"], "el programa Quindío- Risaralda"),  # a capital after it: a compound, kept
        (["con 20", "ferias"], "con 20 ferias"),
    ],
)
def test_palabras_cortadas_al_final_de_la_linea(lineas: list[str], texto: str) -> None:
    assert [s.texto for s in segmentos_de_texto("\n".join(lineas))] == [texto]


def test_un_parrafo_cortado_por_el_salto_de_pagina_sigue_despues_del_encabezado() -> None:
    texto = ("Se realizaron ferias para la promoción de pro-\n\nPágina 4 de 9\n\nductos locales.\n\n"
             "Se hicieron ruedas de negocio con\n\nPágina 5 de 9\n\ncompradores nacionales.\n\nOtra frase.\n\nPágina 6 de 9\n\nnueva.\n")
    assert [s.texto for s in segmentos_de_texto(texto)] == [
        "Se realizaron ferias para la promoción de productos locales.",
        "Se hicieron ruedas de negocio con compradores nacionales.",
        "Otra frase.",
        "nueva.",  # a sentence that ended before the break: what follows is another paragraph
    ]
