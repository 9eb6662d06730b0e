"""The narrative template as offices write it: heading variants, paragraphs out of the template's
order or labelled, hard-wrapped exports with single newlines, and the cover's cut-off date.
The drafts here are invented; none of their wording comes from the development corpus."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest

from auditor.entrada.carga import cargar_bytes
from auditor.entrada.importar import es_documento_de_informe
from auditor.entrada.importar.clasificar import IMPACTO, INVERSION, LOGRO, LUGAR, POBLACION, clasificar
from auditor.entrada.importar.narrativa import es_encabezado_meta, numero_de_meta
from auditor.entrada.importar.segmentos import segmentos_de_texto
from auditor.lectura.conteos import analizar

PORTADA = "Informe de Rendición de Cuentas 2025\n\nSecretaría de Agricultura\n\nGobernación del Cesar\n\n"


def _importar(texto: str) -> Any:
    return cargar_bytes(texto.encode("utf-8"), "borrador.txt")


@pytest.mark.parametrize(("linea", "numero", "nombre"), [
    ("Meta cuatrienio 31: 12 huertas comunitarias", "31", "12 huertas comunitarias"),
    ("Meta del cuatrienio 31 - 12 huertas comunitarias", "31", "12 huertas comunitarias"),
    ("Meta 207: 12 huertas comunitarias", "207", "12 huertas comunitarias"),
    ("Meta 207.", "207", ""),
    ("META DE PRODUCTO 88. 12 HUERTAS", "88", "12 HUERTAS"),
    ("Meta de producto 88 – 12 huertas", "88", "12 huertas"),
    ("meta de producto 88:", "88", ""),
    ("Meta N° 5: 12 huertas", "5", "12 huertas"),
    ("Indicador de producto 3301053 – Eventos culturales realizados", "3301053", "Eventos culturales realizados"),
])
def test_encabezados_de_meta(linea: str, numero: str, nombre: str) -> None:
    m = es_encabezado_meta(linea)
    assert m is not None and numero_de_meta(m) == numero and m.group("nombre").strip() == nombre


@pytest.mark.parametrize("linea", [
    "Meta 2025 fue un año de cosecha para los productores.",
    "Metas alcanzadas: 12",
    "Meta # 4 Huertas",  # the tabular template's heading
    "La meta 31 se cumplió.",
    "Indicador de producto: Eventos culturales realizados",  # the indicator's name inside a meta, not its heading
    "Indicador de producto 3301053",  # a code alone names nothing
])
def test_lo_que_no_es_encabezado_de_meta(linea: str) -> None:
    assert es_encabezado_meta(linea) is None


def test_encabezados_variados_dan_cada_meta_con_sus_parrafos() -> None:
    cargado = _importar(PORTADA + (
        "Meta 207: 12 huertas comunitarias establecidas\n\n"
        "Se establecieron 4 huertas, con un avance del 33 % frente al cuatrienio.\n\n"
        "Sobre una programación estimada de $ 40 millones, se ejecutaron $ 38 millones con recursos propios.\n\n"
        "META DE PRODUCTO 208. 300 productores capacitados\n\n"
        "Se capacitaron 90 productores, con un avance del 30 % frente al cuatrienio.\n\n"
        "Meta de producto 209 - 5 mercados campesinos realizados\n\n"
        "Se realizaron 2 mercados campesinos, con un avance del 40 % frente al cuatrienio.\n"
    ))
    assert cargado.informe is not None
    metas = cargado.informe.metas
    assert [m.numero for m in metas] == [207, 208, 209]
    assert metas[0].inversion.ejecutada is not None and metas[0].inversion.ejecutada.valor == 38
    assert metas[1].logro.texto.startswith("Se capacitaron 90") and metas[1].inversion.texto is None
    assert metas[2].meta_cuatrienio.cantidad.valor == 5


def test_parrafos_fuera_de_orden_se_ubican_por_lo_que_dicen() -> None:
    """Impact before how, population after how, the money paragraph last but one: each lands in its field."""
    cargado = _importar(PORTADA + (
        "Meta cuatrienio 44: 20 acueductos veredales rehabilitados\n\n"
        "Se rehabilitaron 5 acueductos veredales, con un cumplimiento del 100 % de lo programado y un avance del 25 % "
        "frente al cuatrienio.\n\n"
        "Gracias a las obras, las familias cuentan hoy con agua continua, lo que reduce las enfermedades "
        "de origen hídrico y mejora su calidad de vida.\n\n"
        "Las obras se ejecutaron mediante un convenio con la empresa departamental de servicios públicos, "
        "entre abril y agosto.\n\n"
        "410 familias campesinas, de ellas 180 con jefatura femenina.\n\n"
        "Se invirtieron $ 620 millones de recursos del Sistema General de Participaciones, de $ 650 millones programados.\n\n"
        "Las obras se realizaron en las veredas Las Pavas y El Silencio, del municipio de Valledupar, y en el municipio de Pailitas.\n"
    ))
    assert [p.regla for p in cargado.problemas if p.meta] == []
    meta = cargado.informe.metas[0]
    assert meta.impacto is not None and meta.impacto.startswith("Gracias a las obras")
    assert meta.ejecucion.como is not None and meta.ejecucion.como.startswith("Las obras se ejecutaron mediante")
    assert meta.beneficiarios.descripcion is not None and meta.beneficiarios.descripcion.startswith("410 familias")
    assert meta.beneficiarios.total is not None and meta.beneficiarios.total.valor == 410
    assert meta.inversion.texto is not None and meta.inversion.texto.startswith("Se invirtieron")
    assert meta.localizacion.texto is not None and meta.localizacion.texto.startswith("Las obras se realizaron en las veredas")


@pytest.mark.parametrize("efecto", [
    ("Los talleres acercaron el servicio a las familias de la zona rural: muchos productores pudieron registrar sus predios "
     "sin tener que viajar a la capital."),
    "Las brigadas evitaron que los productores perdieran la cosecha y facilitaron la venta directa en las plazas de mercado.",
])
def test_el_impacto_antes_del_como_se_reconoce_por_lo_que_ahorro_a_la_gente(efecto: str) -> None:
    """An impact told as what it spared people ('sin tener que viajar', 'evitaron que'), written before the how and the
    population run together: impact, how and population each land in their field, none is called empty."""
    cargado = _importar(PORTADA + (
        "Meta cuatrienio 12: 40 jornadas de asistencia técnica agropecuaria\n\n"
        "Se realizaron 10 jornadas de asistencia técnica; se cumplió en un 100 % lo programado para la vigencia, "
        "lo que equivale a un 25 por ciento de la meta del cuatrienio.\n\n"
        "Sobre una programación estimada de $ 90 millones, se ejecutaron $ 88 millones de recursos propios.\n\n"
        f"{efecto}\n\n"
        "Cada jornada se organizó con la alcaldía y la asociación de productores del municipio anfitrión. En total se "
        "atendieron 640 productores, de ellos 230 mujeres.\n\n"
        "Las jornadas se llevaron a cabo en Valledupar, Pailitas y Curumaní.\n"
    ))
    meta = cargado.informe.metas[0]
    assert meta.impacto is not None and meta.impacto.startswith(efecto[:30])
    assert meta.ejecucion.como is not None and meta.ejecucion.como.startswith("Cada jornada se organizó")
    assert meta.beneficiarios.total is not None and meta.beneficiarios.total.valor == 640


def test_parrafo_que_falta_sigue_faltando() -> None:
    cargado = _importar(PORTADA + (
        "Meta cuatrienio 45: 8 ferias agroindustriales\n\n"
        "Se realizaron 2 ferias, con un avance del 25 % frente al cuatrienio.\n\n"
        "Sobre una programación estimada de $ 30 millones, se ejecutaron $ 30 millones con recursos propios.\n\n"
        "Las ferias se realizaron en Aguachica y Curumaní.\n"
    ))
    meta = cargado.informe.metas[0]
    assert meta.ejecucion.como is None and meta.impacto is None and meta.beneficiarios.descripcion is None
    assert meta.localizacion.municipios == ["Aguachica", "Curumaní"]


def test_parrafos_con_etiqueta_y_etiqueta_vacia() -> None:
    cargado = _importar(PORTADA + (
        "Meta 46: 1 plan de abastecimiento formulado\n\n"
        "Avance: Se formuló el diagnóstico del plan, con un avance del 30 % frente al cuatrienio.\n\n"
        "Localización: Valledupar.\n\n"
        "Impacto:\n\n"
        "Población atendida: No aplica, es un instrumento de planeación.\n"
    ))
    meta = cargado.informe.metas[0]
    assert meta.logro.texto.startswith("Se formuló el diagnóstico")
    assert meta.localizacion.texto == "Valledupar." and not meta.impacto
    assert meta.beneficiarios.descripcion is not None and meta.beneficiarios.descripcion.startswith("No aplica")


def test_poblacion_dentro_del_como_se_separa_por_oraciones() -> None:
    textos = [
        "Se entregaron 30 kits de riego, con un avance del 30 % frente al cuatrienio.",
        "Sobre una programación estimada de $ 90 millones, se ejecutaron $ 85 millones con recursos propios.",
        ("Los kits se entregaron mediante jornadas con las juntas de acción comunal. Se beneficiaron 30 familias, de ellas 12 "
         "con jefatura femenina."),
        "El riego permitió sostener las siembras durante el verano.",
        "Las entregas se realizaron en el municipio de Chimichagua.",
    ]
    # it fits both the population and the how: the template order places it as the population, and
    # its how sentence goes to the how, which no other paragraph answers
    assert clasificar(textos) == [LOGRO, INVERSION, POBLACION, IMPACTO, LUGAR]
    cargado = _importar(PORTADA + "Meta cuatrienio 47: 100 kits de riego entregados\n\n" + "\n\n".join(textos) + "\n")
    meta = cargado.informe.metas[0]
    assert meta.beneficiarios.descripcion is not None and meta.beneficiarios.descripcion.startswith("Se beneficiaron 30 familias")
    assert meta.ejecucion.como is not None and meta.ejecucion.como.startswith("Los kits se entregaron") and "familias" not in meta.ejecucion.como


def test_poblacion_sola_se_reconoce_por_sus_cuentas() -> None:
    assert clasificar(["Se hicieron 3 talleres, con un avance del 30 %.", "85 personas: 50 mujeres y 35 hombres."]) == [LOGRO, POBLACION]


def test_exportacion_con_lineas_cortadas_y_saltos_simples() -> None:
    """Hard-wrapped at ~60 characters, a single newline between paragraphs, a page footer inside a
    paragraph and a heading whose name runs on to the next line."""
    texto = PORTADA + (
        "Meta cuatrienio 48: 600 productores de cacao con\n"
        "asistencia técnica\n"
        "Se brindó asistencia técnica a 150 productores de cacao en\n"
        "poda, injertación y manejo de plagas, con un avance del 25 %\n"
        "frente al cuatrienio.\n"
        "Sobre una programación estimada de $ 75 millones, se\n"
        "ejecutaron $ 70 millones con recursos propios.\n"
        "150 productores, de ellos 40 mujeres.\n"
        "La asistencia se prestó mediante visitas a las fincas y\n"
        "Página 3 de 9\n"
        "escuelas de campo con la federación de cacaoteros.\n"
        "Los productores mejoraron sus cultivos.\n"
        "Las visitas se realizaron en los municipios de Becerril y\n"
        "La Jagua de Ibirico.\n"
    )
    cargado = _importar(texto)
    meta = cargado.informe.metas[0]
    assert meta.nombre == "600 productores de cacao con asistencia técnica"
    assert meta.logro.texto.endswith("con un avance del 25 % frente al cuatrienio.")
    assert meta.inversion.ejecutada is not None and meta.inversion.ejecutada.valor == 70
    assert meta.beneficiarios.total is not None and meta.beneficiarios.total.valor == 150
    assert meta.ejecucion.como == "La asistencia se prestó mediante visitas a las fincas y escuelas de campo con la federación de cacaoteros."
    assert meta.impacto == "Los productores mejoraron sus cultivos."
    assert meta.localizacion.municipios == ["Becerril", "La Jagua de Ibirico"]
    assert cargado.mapa.linea(("metas", 0, "impacto")) == 18


def test_sin_saltos_de_parrafo_el_texto_se_lee_como_antes() -> None:
    """Without `titulo` (the tabular template) consecutive lines stay one paragraph; the footer goes."""
    texto = "¿Qué se hizo?\nSe entregaron 4 kits.\nPágina 2 de 5\nOtra línea.\n"
    assert [s.texto for s in segmentos_de_texto(texto)] == ["¿Qué se hizo? Se entregaron 4 kits. Otra línea."]


def test_saltos_dentro_de_negrilla_no_parten_la_portada() -> None:
    texto = "**SECRETARÍA DE AGRICULTURA Y\nDESARROLLO RURAL**\n\n**Gobernación\ndel Cesar**\n"
    assert [s.texto for s in segmentos_de_texto(texto, titulo=lambda t: False)] == [
        "SECRETARÍA DE AGRICULTURA Y DESARROLLO RURAL", "Gobernación del Cesar"]


@pytest.mark.parametrize(("linea", "corte"), [
    ("Fecha de corte: 30 de septiembre de 2025", "2025-09-30"),
    ("Con corte a 30 de junio de 2025", "2025-06-30"),
    ("Informe con corte al 31 de marzo de 2025", "2025-03-31"),
    ("Corte: 30/06/2025", "2025-06-30"),
    ("Fecha de corte:\n\n31 de agosto de 2025", "2025-08-31"),
    ("Corte a junio de 2025", "2025-06"),
])
def test_fecha_de_corte_de_la_portada(linea: str, corte: str) -> None:
    cargado = _importar("Informe de Rendición de Cuentas 2025\n\nSecretaría de Agricultura\n\nGobernación del Cesar\n\n" + linea + "\n\n"
                        "Meta 12: 4 huertas\n\nSe establecieron 2 huertas, con un avance del 50 % frente al cuatrienio.\n")
    assert cargado.informe is not None and cargado.informe.fecha_corte == corte
    assert not [p for p in cargado.problemas if p.campo == "fecha_corte"]


def test_portada_en_mayusculas_con_saltos_simples() -> None:
    cargado = _importar("GOBERNACIÓN DEL CESAR\nSecretaría de Agricultura\n\nINFORME DE RENDICIÓN DE CUENTAS – VIGENCIA 2025\n"
                        "Plan de Desarrollo Departamental 2024-2027\n\n"
                        "Meta 12: 4 huertas\n\nSe establecieron 2 huertas, con un avance del 50 % frente al cuatrienio.\n")
    informe = cargado.informe
    assert informe is not None
    assert (informe.entidad, informe.departamento, informe.secretaria) == ("Gobernación del Cesar", "Cesar", "Secretaría de Agricultura")
    assert (informe.periodo.desde, informe.periodo.hasta) == (2025, 2025)


def test_portada_en_minusculas_con_saltos_simples_y_parrafos_envueltos() -> None:
    """Short cover lines with single newlines are lines of their own; a paragraph wrapped at the width stays one."""
    cargado = _importar("Informe de Rendición de Cuentas 2025\nSecretaría de Salud\nAlcaldía de Pasto\n"
                        "Fecha de corte: 30 de junio de 2025\n\n"
                        "Meta 12: 4 huertas\n\nSe establecieron 2 huertas escolares con las familias de las veredas de\n"
                        "la zona rural, con un avance del 50 % frente al cuatrienio y la asistencia\n"
                        "técnica de la UMATA.\n")
    informe = cargado.informe
    assert informe is not None
    assert (informe.entidad, informe.secretaria, informe.fecha_corte) == ("Alcaldía de Pasto", "Secretaría de Salud", "2025-06-30")
    assert informe.metas[0].logro.texto == ("Se establecieron 2 huertas escolares con las familias de las veredas de la zona rural, "
                                            "con un avance del 50 % frente al cuatrienio y la asistencia técnica de la UMATA.")


def test_lo_logrado_se_cuenta_con_la_unidad_de_varias_palabras() -> None:
    """'Meta cuatrienio: 48.000 niños y niñas': what was achieved is counted by the unit's first noun, so the
    % de cumplimiento can be checked against it (9.200 of the 12.000 programmed is 76,7%, not 92%)."""
    cargado = _importar(PORTADA + (
        "Meta Producto No. 301 – Niños y niñas menores de 6 años con esquema completo de vacunación "
        "(Meta cuatrienio: 48.000 niños y niñas)\n\n"
        "Se completó el esquema de vacunación de 9.200 niños y niñas menores de 6 años, de los 12.000 programados para "
        "el periodo. Con ello la meta alcanzó un cumplimiento del 92 % y un avance del 19,2 % de la meta del cuatrienio.\n"
    ))
    meta = cargado.informe.metas[0]
    assert meta.logro.cantidad is not None and meta.logro.cantidad.valor == 9200
    assert meta.programado_periodo is not None and meta.programado_periodo.valor == 12000


def test_metas_numeradas_por_niveles_y_la_meta_del_cuatrienio_en_su_propio_parrafo() -> None:
    """'META 3.1.1 – …' is meta 3.1.1, not meta 3 (the findings name it so, and a gap inside a program is
    found); 'Indicador de producto: … Meta cuatrienio: 2.400 productores.' is the target, not what was done;
    'Logro alcanzado:' and 'Periodo:' are labels; a footer run into one line is page furniture."""
    cargado = _importar(
        "ALCALDÍA DE SAN JUAN DE PASTO\nSECRETARÍA DE AGRICULTURA\n\nINFORME DE RENDICIÓN DE CUENTAS\nVigencia 2025\n\n"
        "META 3.1.1 – Productores atendidos con extensión agropecuaria\n"
        "Indicador de producto: Número de productores atendidos. Meta cuatrienio: 2.400 productores.\n"
        "Periodo: 3 de febrero al 28 de noviembre de 2025\n\n"
        "Logro alcanzado: Se atendieron 640 productores de los 800 programados para 2025; se alcanzó el 80% de lo programado.\n\n"
        "Alcaldía de San Juan de Pasto – Secretaría de Agricultura Informe de Rendición de Cuentas 2025 Página 3 de 12\n\n"
        "META 3.1.2 – Huertas establecidas\n"
        "Indicador de producto: Número de huertas. Meta cuatrienio: 1.000 huertas.\n\n"
        "Logro alcanzado: Se establecieron 300 huertas, el 100 % de lo programado.\n\n"
        "META 3.1.4 – Mercados campesinos\n\nLogro alcanzado: Se realizaron 24 mercados campesinos.\n"
    )
    metas = cargado.informe.metas
    assert [(m.numero, m.codigo, m.etiqueta) for m in metas] == [(1, "3.1.1", "3.1.1"), (2, "3.1.2", "3.1.2"), (3, "3.1.4", "3.1.4")]
    assert cargado.informe.numeracion_metas == "plan"
    primera = metas[0]
    assert (primera.meta_cuatrienio.cantidad.valor, primera.meta_cuatrienio.unidad) == (2400, "productores")
    assert primera.logro.texto.startswith("Se atendieron 640 productores") and primera.logro.cantidad.valor == 640
    assert primera.ejecucion.cuando == "3 de febrero al 28 de noviembre de 2025"
    assert not any("Página 3" in (m.logro.texto or "") for m in metas)
    assert not [p for p in cargado.problemas if p.meta]


def test_los_hallazgos_de_una_meta_por_niveles_la_nombran_por_su_codigo(tmp_path: Any) -> None:
    from click.testing import CliRunner

    from auditor.cli import main

    fuente = tmp_path / "borrador.txt"
    fuente.write_text(
        PORTADA + "META 3.2.2 – Asociaciones fortalecidas\n\nLogro alcanzado: Se fortalecieron 4 asociaciones, el 100 % de lo programado.\n\n"
        "META 3.2.4 – Unidades piscícolas\n\nLogro alcanzado: Se fortalecieron 12 unidades, el 100 % de lo programado.\n",
        encoding="utf-8")
    resultado = CliRunner().invoke(main, ["check", str(fuente), "--format", "json", "--select", "EST003"])
    import json
    hallazgos = [h for h in json.loads(resultado.stdout)["findings"] if h["rule"] == "EST003"]
    assert [(h["rule"], h["meta"], h["message"]) for h in hallazgos] == [("EST003", "3.2.4", "Falta la meta 3.2.3 entre la 3.2.2 y la 3.2.4")]


def test_lo_logrado_que_cuenta_otra_respuesta_con_la_unidad_de_la_meta() -> None:
    """What was done states only a percentage; the population answer counts the meta's own unit with what was done to
    it ('Las dos (2) iniciativas apoyadas …'): that is what was achieved, and the 50% can be checked (2 of 8 is 25%)."""
    cargado = _importar(PORTADA + (
        "Meta cuatrienio 406: 8 iniciativas de memoria histórica apoyadas\n\n"
        "Se brindó apoyo técnico a iniciativas de memoria histórica, con un avance del 50 por ciento de la meta del cuatrienio.\n\n"
        "Las dos (2) iniciativas apoyadas beneficiaron a 140 personas de organizaciones de víctimas.\n"
    ))
    meta = cargado.informe.metas[0]
    assert meta.logro.cantidad is not None and meta.logro.cantidad.valor == 2


def test_una_cuenta_de_lo_programado_en_otra_respuesta_no_es_lo_logrado() -> None:
    cargado = _importar(PORTADA + (
        "Meta cuatrienio 406: 8 iniciativas de memoria histórica apoyadas\n\n"
        "Se brindó apoyo técnico a iniciativas de memoria histórica, con un avance del 50 por ciento de la meta del cuatrienio.\n\n"
        "De las 4 iniciativas programadas para la vigencia se beneficiaron 140 personas de organizaciones de víctimas.\n"
    ))
    assert cargado.informe.metas[0].logro.cantidad is None


def test_un_rotulo_cuya_respuesta_anuncia_una_lista_sigue_con_los_parrafos_de_abajo() -> None:
    """'Actividades: se realizaron 3 eventos:' and the items below it: all of it is how it was done, none unplaced."""
    cargado = _importar(PORTADA + (
        "Meta cuatrienio 42: 48 eventos de ciudad realizados\n\n"
        "Logro: se realizaron 3 eventos, el 100 % de lo programado.\n\n"
        "Actividades: con corte al 30 de septiembre se realizaron 3 eventos de ciudad:\n\n"
        "- Feria de las Flores (del 1 al 10 de agosto de 2025).\n"
        "- Festival de Poesía (del 12 al 19 de julio de 2025).\n"
        "- Fiesta del Libro (del 12 al 21 de septiembre de 2025).\n\n"
        "Ubicación: Medellín.\n"
    ))
    meta = cargado.informe.metas[0]
    assert meta.ejecucion.como is not None and meta.ejecucion.como.count("(del") == 3
    assert [p.mensaje for p in cargado.problemas if p.meta] == []


_NUMERADO = """ALCALDÍA DE IBAGUÉ
Secretaría de Gobierno
INFORME DE RENDICIÓN DE CUENTAS
Vigencia 2025 – Con corte a 30/09/2025

2.1 Programa: Seguridad ciudadana

2.1.1 Frentes de seguridad comunitaria conformados
Meta cuatrienio: 80 frentes
Programado 2025: 20 frentes
Avance físico: 20 frentes conformados (100 %). Con los 20 de 2024 se llega a 40 frentes, el 50 % del cuatrienio.
Recursos: $ ___ millones (pendiente dato de la Secretaría de Hacienda)
Fuente: Recursos propios
Población: 1.640 familias de los barrios donde funcionan los frentes.
Acciones:
- Reuniones de conformación con las Juntas de Acción Comunal.
- Entrega de alarmas comunitarias.
Territorio: barrios Ambalá y Picaleña.

2.1.2 Consejos de seguridad realizados
Meta cuatrienio: 48 consejos
Programado 2025: 12 consejos
Avance físico: 9 consejos a la fecha de corte, uno por mes de enero a septiembre.
Recursos: No se ejecutaron recursos de inversión; los consejos se realizan con el personal de planta.
Población: No aplica: los consejos no atienden población de manera directa.
Territorio: Palacio Municipal de Ibagué.
"""


def test_metas_numeradas_solo_por_niveles_con_rotulos_de_una_linea() -> None:
    """No 'Meta N' anywhere: each heading numbered by three levels is a meta, where the labels show the template;
    each label line is an answer of its own, and a blank to fill in ('$ ___') is kept as written."""
    cargado = _importar(_NUMERADO)
    informe = cargado.informe
    assert informe is not None and informe.plantilla == "narrativa"
    primera, segunda = informe.metas
    assert (primera.codigo, primera.nombre, segunda.codigo) == ("2.1.1", "Frentes de seguridad comunitaria conformados", "2.1.2")
    assert primera.inversion.texto == "$ ___ millones (pendiente dato de la Secretaría de Hacienda)\n\nRecursos propios"
    assert primera.beneficiarios.total is not None and primera.beneficiarios.total.valor == 1640
    # the items of the list under 'Acciones:' keep the bullet the document shows them with
    assert primera.ejecucion.como == "• Reuniones de conformación con las Juntas de Acción Comunal.\n\n• Entrega de alarmas comunitarias."
    assert primera.localizacion.texto == "barrios Ambalá y Picaleña."
    assert segunda.logro.texto == "9 consejos a la fecha de corte, uno por mes de enero a septiembre."
    assert segunda.inversion.texto.startswith("No se ejecutaron recursos de inversión")
    assert cargado.mapa.linea(("metas", 1, "inversion", "texto")) == 24


def test_un_documento_numerado_por_niveles_sin_los_rotulos_de_la_plantilla_no_es_un_informe() -> None:
    manual = ("# Manual de usuario\n\n1.1.1 Instalación del programa\n\nDescargue el instalador y ejecútelo.\n\n"
              "1.1.2 Configuración inicial\n\nAbra el menú de opciones.\n")
    assert not es_documento_de_informe(manual)
    assert es_documento_de_informe(_NUMERADO)


@pytest.mark.parametrize(("portada", "periodo", "nota"), [
    ("Vigencia 2025\n\nPlan de Desarrollo Departamental 2024-2027\n\nFecha de corte: 31 de octubre de 2025", 2025, None),
    ("Vigencia: 2025 – Plan de Desarrollo 2024-2027", 2025, None),
    ("Plan de Desarrollo Departamental 2024-2027\n\nFecha de corte: 31 de octubre de 2025", 2025,
     "la portada no dice el periodo; se toma el año de la fecha de corte, 2025"),
])
def test_periodo_de_la_portada_por_su_vigencia_o_por_la_fecha_de_corte(portada: str, periodo: int, nota: str | None) -> None:
    cargado = _importar("GOBERNACIÓN DEL HUILA\n\nSecretaría de Salud\n\nINFORME DE RENDICIÓN DE CUENTAS\n\n" + portada + "\n\n"
                        "Meta 12: 4 huertas\n\nSe establecieron 2 huertas, con un avance del 50 % frente al cuatrienio.\n")
    informe = cargado.informe
    assert informe is not None and (informe.periodo.desde, informe.periodo.hasta) == (periodo, periodo)
    assert [p.mensaje for p in cargado.problemas if p.campo == "periodo"] == ([nota] if nota else [])


@pytest.mark.parametrize("linea", ["Departamento de Nariño", "Municipio de Pasto, Nariño", "Pasto - Nariño"])
def test_el_departamento_escrito_en_la_portada_de_una_alcaldia(linea: str) -> None:
    cargado = _importar(f"ALCALDÍA DE PASTO\n{linea}\nSECRETARÍA DE AGRICULTURA\nINFORME DE RENDICIÓN DE CUENTAS Vigencia 2025\n\n"
                        "Meta 12: 4 huertas\n\nSe establecieron 2 huertas, con un avance del 50 % frente al cuatrienio.\n")
    informe = cargado.informe
    assert informe is not None and (informe.entidad, informe.departamento) == ("Alcaldía de Pasto", "Nariño")
    assert not [p for p in cargado.problemas if p.campo == "departamento"]  # written, not assumed


def test_una_linea_de_lugar_y_fecha_no_es_un_departamento() -> None:
    cargado = _importar("ALCALDÍA DE PASTO\nSECRETARÍA DE AGRICULTURA\nPasto, octubre de 2025\n\n"
                        "Meta 12: 4 huertas\n\nSe establecieron 2 huertas, con un avance del 50 % frente al cuatrienio.\n")
    assert [p.mensaje for p in cargado.problemas if p.campo == "departamento"] == [
        "la portada no dice el departamento; se toma Nariño, el de Pasto (DANE 52001)"]



def test_respuestas_numeradas_en_el_orden_de_las_preguntas() -> None:
    """'1) … 8)': the numbers are the questionnaire's, not the answers' text; a bare '4)' is an answer left blank."""
    cargado = _importar(PORTADA + (
        "META 318. Zonas WiFi instaladas (meta cuatrienio: 60 zonas)\n"
        "1) Se instalaron 15 zonas WiFi en parques principales.\n"
        "2) Se alcanzó el 100 % de lo programado para 2025.\n"
        "3) $ 1.250 millones de recursos propios.\n"
        "4) 38.400 usuarios únicos registrados en el portal.\n"
        "5) Licitación pública con el operador de conectividad.\n"
        "6) Entre mayo y junio de 2025.\n"
        "7) Puerto Gaitán y Puerto López.\n\n"
        "META 319. Trámites digitalizados (meta cuatrienio: 40 trámites)\n"
        "1) Se digitalizaron 10 trámites en la sede electrónica.\n"
        "2) 100 % de lo programado para 2025.\n"
        "3) $ 210 millones de recursos propios.\n"
        "4) No aplica: es una meta de gestión interna.\n"
        "5) Con el equipo de desarrollo de la Secretaría.\n\n"
        "META 320. Personas formadas (meta cuatrienio: 12.000 personas)\n"
        "1) Se formaron 3.200 personas en alfabetización digital.\n"
        "2) 100 % de cumplimiento frente a lo programado.\n"
        "3) $ 365 millones de recursos propios.\n"
        "4)\n"
        "5) En las aulas de los Puntos Vive Digital.\n"
        "6) De febrero a agosto de 2025.\n"
    ))
    wifi, tramites, personas = cargado.informe.metas
    assert wifi.logro.texto.startswith("Se instalaron 15 zonas WiFi") and "2)" not in wifi.logro.texto
    assert wifi.cumplimiento_periodo.valor == 100
    assert (wifi.beneficiarios.total.valor, wifi.beneficiarios.descripcion) == (38400, "38.400 usuarios únicos registrados en el portal.")
    assert wifi.localizacion.municipios == ["Puerto Gaitán", "Puerto López"]
    assert tramites.beneficiarios.descripcion == "No aplica: es una meta de gestión interna."
    assert all("4)" not in (p or "") for p in (personas.beneficiarios.descripcion, personas.ejecucion.como, personas.logro.texto))


def test_una_lista_numerada_corta_sigue_siendo_contenido() -> None:
    cargado = _importar(PORTADA + (
        "Meta 46: 3 ferias realizadas\n\n"
        "1) Feria del maíz.\n\n"
        "2) Feria del ganado.\n\n"
        "3) Feria artesanal.\n\n"
        "Se realizaron las 3 ferias con un avance del 75 % frente al cuatrienio.\n"
    ))
    assert "1) Feria del maíz." in cargado.informe.metas[0].logro.texto


FICHA_MD = PORTADA + (
    "## Meta 301. Conectar 12.000 hogares rurales al gas natural\n\n"
    "Durante el semestre se terminó la construcción de redes de distribución en cinco municipios.\n\n"
    "| Pregunta | Respuesta |\n"
    "|---|---|\n"
    "| Meta cuatrienio | 12.000 hogares rurales conectados |\n"
    "| Programado 2025 | 3.000 hogares |\n"
    "| Logro a 31 de agosto | 2.640 hogares conectados |\n"
    "| % de cumplimiento | 88 % |\n"
    "| % de avance cuatrienio | 42,5 % (5.100 de 12.000 hogares acumulados) |\n"
    "| Actividades | Visitas de verificación de instalaciones internas. |\n"
    "|  | Jornadas de socialización con las juntas de acción comunal. |\n"
    "| Municipios | Fusagasugá, Silvania y Pasca |\n\n"
    "Se formalizaron 4 unidades de pequeña minería:\n\n"
    "- Arenas del Sumapaz (Fusagasugá)\n"
    "- Ladrilleras Unidas (Soacha)\n"
    "- Mina El Triunfo (Cucunubá)\n"
)


def test_ficha_de_dos_columnas_con_encabezado_generico_y_fila_sin_rotulo() -> None:
    cargado = _importar(FICHA_MD)
    assert not [p for p in cargado.problemas if p.regla == "ENT004" and p.meta == "301"]  # 'Pregunta | Respuesta' is no answer
    meta = cargado.informe.metas[0]
    assert (meta.logro.cantidad.valor, meta.programado_periodo.valor) == (2640, 3000)  # 'Logro a 31 de agosto'
    assert (meta.cumplimiento_periodo.valor, meta.avance_cuatrienio.valor) == (88, 42.5)  # '% de avance cuatrienio'
    assert "Durante el semestre se terminó" in meta.logro.texto  # the prose still answers what was done
    # the row whose question cell is empty goes on with the answer above
    assert meta.ejecucion.como.startswith("Visitas de verificación") and "Jornadas de socialización" in meta.ejecucion.como


def test_los_items_de_una_lista_van_con_el_parrafo_que_la_anuncia() -> None:
    meta = _importar(FICHA_MD).informe.metas[0]
    campos = [t for t in (meta.logro.texto, meta.inversion.texto, meta.beneficiarios.descripcion, meta.ejecucion.como,
                          meta.impacto, meta.localizacion.texto) if t]
    [con_lista] = [t for t in campos if "Se formalizaron 4 unidades" in t]
    assert all(nombre in con_lista for nombre in ("Arenas del Sumapaz", "Ladrilleras Unidas", "Mina El Triunfo"))


def test_lo_logrado_con_el_sustantivo_eludido_tras_lo_programado() -> None:
    """'se programó la adecuación de 10 escenarios y se intervinieron 8': 10 is the period's programmed quantity and 8
    what was achieved, counting the same escenarios."""
    cargado = _importar(PORTADA + (
        "Meta 41: 40 escenarios deportivos adecuados\n\n"
        "Para 2025 se programó la adecuación de 10 escenarios y se intervinieron 8, con un cumplimiento del 100 % "
        "de lo programado.\n"
    ))
    meta = cargado.informe.metas[0]
    assert (meta.programado_periodo.valor, meta.logro.cantidad.valor, meta.logro.unidad) == (10, 8, "escenarios")


def test_la_lista_de_word_termina_donde_terminan_sus_vinetas() -> None:
    """'2 parques:' and two numbered items, then a sentence of the same answer: the list has 2 items, not 3."""
    documento = docx.Document()
    documento.add_paragraph("Informe de Rendición de Cuentas 2025")
    documento.add_paragraph("Secretaría de Deporte")
    documento.add_paragraph("Alcaldía de Pereira")
    documento.add_paragraph("Meta 7: 4 parques biosaludables construidos")
    documento.add_paragraph("Se construyeron 2 parques biosaludables:")
    documento.add_paragraph("Parque biosaludable de la vereda La Bella.", style="List Number")
    documento.add_paragraph("Parque biosaludable del barrio Cuba.", style="List Number")
    documento.add_paragraph("La entrega del tercer parque se realizará en diciembre de 2025.")
    salida = io.BytesIO()
    documento.save(salida)
    meta = cargar_bytes(salida.getvalue(), "borrador.docx").informe.metas[0]
    textos = [t for t in (meta.logro.texto, meta.ejecucion.como) if t and "2 parques" in t]
    assert textos and "• Parque biosaludable de la vereda La Bella.\n\n• Parque biosaludable del barrio Cuba." in textos[0]
    [lista] = analizar(textos[0]).listas_en_lineas
    assert (lista.conteo.valor if lista.conteo else None, len(lista.elementos)) == (2, 2)


def test_la_meta_del_cuatrienio_tras_un_objeto_largo_y_lo_logrado_como_parte_de_lo_previsto() -> None:
    cargado = _importar(PORTADA + (
        "META 12: Garantizar el Programa de Alimentación Escolar (PAE) a 52.000 estudiantes matriculados.\n\n"
        "Se atendieron 51.480 estudiantes en 2025.\n\n"
        "META 13: Construir 12 aulas nuevas en sedes rurales.\n\n"
        "Se terminaron 3 de las 6 aulas previstas para la vigencia 2025, para un cumplimiento del 75 % de lo programado.\n\n"
        "META 14: Apoyar la Ley 1448 de 2011 con la asistencia a víctimas.\n\n"
        "Se asistieron 40 familias.\n"
    ))
    pae, aulas, ley = cargado.informe.metas
    assert (pae.meta_cuatrienio.cantidad.valor, pae.meta_cuatrienio.unidad) == (52000, "estudiantes")
    assert (aulas.programado_periodo.valor, aulas.logro.cantidad.valor, aulas.logro.unidad) == (6, 3, "aulas")
    assert ley.meta_cuatrienio.cantidad is None or ley.meta_cuatrienio.cantidad.valor is None  # 1448 is the law's number


def test_los_porcentajes_dichos_en_otra_respuesta() -> None:
    """What was done written under a label of how it was done ('Acciones realizadas: …'): its percentages, each by the
    phrase attached to it, are still the meta's."""
    cargado = _importar(PORTADA + (
        "Meta 44. Elaborar 10 estudios y diseños para vías secundarias.\n"
        "Acciones realizadas: Se entregaron los tres estudios programados para 2025 (100 %); el avance del cuatrienio es "
        "del 60 % (6 de 10).\n"
        "Inversión ejecutada: $ 120 millones de recursos propios.\n"
    ))
    meta = cargado.informe.metas[0]
    assert (meta.cumplimiento_periodo.valor, meta.avance_cuatrienio.valor) == (100, 60)


def test_la_fila_del_indicador_y_una_unidad_abreviada() -> None:
    """'Indicador … | Línea base: 0 | Meta 2024-2027: 120 | Avance 2025: 50': the cells after the target are the rest of
    the indicator's row, not an answer and not its unit; '24 km de los 30 programados' is 24 km achieved of 30."""
    cargado = _importar(PORTADA + (
        "Meta 41. Mejorar 120 km de la red vial secundaria del departamento.\n"
        "Indicador de producto: Vía secundaria mejorada (km) | Línea base: 0 | Meta 2024-2027: 120 | Avance 2025: 50\n"
        "Cumplimiento: En 2025 se mejoraron 24 km de los 30 programados para la vigencia, con un cumplimiento del 90 %.\n"
        "Inversión ejecutada: $ 9.850 millones de recursos propios.\n"
    ))
    meta = cargado.informe.metas[0]
    assert (meta.meta_cuatrienio.cantidad.valor, meta.meta_cuatrienio.unidad) == (120, "km")
    assert (meta.logro.cantidad.valor, meta.logro.unidad, meta.programado_periodo.valor) == (24, "km", 30)
    assert not [p for p in cargado.problemas if p.regla == "ENT004"]


def test_un_decimal_no_es_una_cuenta_de_su_parte_decimal() -> None:
    cargado = _importar(PORTADA + (
        "Meta 42. Señalizar 25 km de ciclorrutas.\n\n"
        "Se señalizaron 5,6 km de los 8 programados para la vigencia: 70 % de lo programado.\n"
    ))
    assert cargado.informe.metas[0].logro.cantidad is None  # not 6 km


def test_la_tabla_de_resumen_antes_de_las_metas_narrativas_da_su_total() -> None:
    """A summary table before the first meta (a row per meta and a TOTAL) is read as in the tabular template: its
    TOTAL is a claim about the metas of its rows, checked against them (TOT001 to TOT003), not a table left unread."""
    cargado = _importar(PORTADA + (
        "Tabla 1. Resumen de la inversión\n\n"
        "Meta\tProgramado 2025\tEjecutado\tRecursos ejecutados\n"
        "12\t10 aulas\t10 aulas\t$ 100 millones\n"
        "13\t5 sedes\t5 sedes\t$ 50 millones\n"
        "TOTAL\t\t\t$ 180 millones\n\n"
        "META 12: 40 aulas dotadas\n\n"
        "Se dotaron 10 aulas.\n\n"
        "Se invirtieron $ 100 millones de recursos propios.\n\n"
        "META 13: 20 sedes conectadas\n\n"
        "Se conectaron 5 sedes.\n\n"
        "Se invirtieron $ 50 millones de recursos propios.\n"
    ))
    assert not [p for p in cargado.problemas if "tabla antes de la primera meta" in p.mensaje]
    [total] = cargado.informe.totales
    assert [m for m in total.metas] == [12, 13]


def test_metas_con_el_codigo_del_plan_entre_parentesis_y_rotulos_con_punto() -> None:
    """A title that ends with the plan's code in parentheses ('… (Meta PDD 3.4.1)': Word numbered the title, and its
    number is not in the text) opens a meta where no 'Meta N' heading does; run-in leads with a full stop
    ('Recursos. $ …', 'Población. 2.460 personas …') are the template's labels."""
    cargado = _importar(PORTADA + (
        "Demarcar 120 km de vías urbanas con señalización (Meta PDD 3.4.1)\n\n"
        "Durante 2025 se demarcaron 18 km de los 30 km programados para la vigencia.\n\n"
        "Recursos. Se invirtieron $ 310 millones de recursos propios.\n\n"
        "Población. 2.460 conductores y peatones de la zona urbana.\n\n"
        "Localización: Avenida Simón Bolívar y Carrera 9, en Valledupar.\n\n"
        "Instalar 12 intersecciones semaforizadas nuevas (Meta PDD 3.4.2)\n\n"
        "Se instalaron 4 intersecciones.\n\n"
        "Recursos. $ 2.340 millones de recursos propios.\n\n"
        "Población. No aplica: la meta es de infraestructura.\n"
    ))
    demarcar, semaforos = cargado.informe.metas
    assert (demarcar.codigo, demarcar.nombre, semaforos.codigo) == ("3.4.1", "Demarcar 120 km de vías urbanas con señalización", "3.4.2")
    assert (demarcar.inversion.ejecutada.valor, demarcar.beneficiarios.total.valor) == (310, 2460)
    assert semaforos.beneficiarios.descripcion == "No aplica: la meta es de infraestructura."


def test_rotulos_en_mayusculas_solos_en_su_linea() -> None:
    """Section headings in capitals with no colon, each alone on its line ('RECURSOS', 'LUGARES', 'DESCRIPCIÓN DEL
    AVANCE'), open the answer below them; a wrapped line that happens to be a label word ('municipios') does not."""
    cargado = _importar(PORTADA + (
        "Meta de producto N° 412: Vacunar 92.000 niños y niñas con el esquema completo en los\n"
        "municipios\n"
        "DESCRIPCIÓN DEL AVANCE\n"
        "Se vacunaron 18.400 niños y niñas de los 23.000 programados para la vigencia, con un cumplimiento del 80 %.\n"
        "RECURSOS\n"
        "$ 1.450.000.000 del Sistema General de Participaciones.\n"
        "LUGARES\n"
        "Socorro, San Gil y Barichara.\n"
    ))
    meta = cargado.informe.metas[0]
    assert meta.nombre.endswith("en los municipios")
    assert meta.inversion.ejecutada.valor == 1450
    assert meta.localizacion.municipios == ["Socorro", "San Gil", "Barichara"]
    assert meta.logro.texto.startswith("Se vacunaron 18.400")


def test_una_meta_escrita_en_un_solo_parrafo_da_sus_datos() -> None:
    """Everything in one paragraph without labels: what was done is the paragraph, and the amount after its verb, who
    benefited and the places it presents as municipalities are read into their fields all the same."""
    cargado = _importar(PORTADA + (
        "Meta 301. Fortalecer 12 asociaciones de productores de café especial.\n\n"
        "Durante la vigencia 2025 se acompañó a las asociaciones en procesos de certificación, logrando fortalecer 9 de "
        "las 12 asociaciones programadas; para ello se invirtieron $ 1.240,5 millones del Sistema General de Regalías, "
        "beneficiando a 1.180 familias caficultoras de los municipios de Aguachica, Curumaní y Pelaya.\n"
    ))
    meta = cargado.informe.metas[0]
    assert meta.inversion.ejecutada.valor == 1240.5
    assert (meta.beneficiarios.total.valor, meta.beneficiarios.unidad) == (1180, "familias")
    assert meta.localizacion.municipios == ["Aguachica", "Curumaní", "Pelaya"]


def test_un_solo_parrafo_que_habla_sobre_todo_de_la_inversion_sigue_siendo_lo_realizado() -> None:
    """A one-paragraph meta is what was done even when money is what it says most; the amount a noun of investing
    introduces is read ('con una inversión de'), an amount of something else ('vendieron productos por') is not, and
    the percentages, people served and dates are read from it as from any account of what was done."""
    cargado = _importar(PORTADA + (
        "Meta 12. Entregar 600 kits de herramientas a pequeños productores.\n\n"
        "Se entregaron 600 kits a pequeños productores de Pailitas y Tamalameque, quienes vendieron cosechas por "
        "$ 95 millones; la Secretaría realizó la entrega con una inversión de $ 410 millones de recursos propios y se "
        "alcanzó el 100 % de la meta programada para la vigencia, entre el 7 de julio y el 14 de agosto de 2025.\n\n"
        "Meta 13. Capacitar 200 jóvenes rurales.\n\n"
        "La Secretaría brindó formación en emprendimiento a 150 jóvenes rurales, 90 de Chimichagua y 60 de Chiriguaná; "
        "la inversión ascendió a $ 88 millones del Sistema General de Regalías.\n"
    ))
    doce, trece = cargado.informe.metas
    assert doce.logro.texto.startswith("Se entregaron 600 kits")
    assert doce.inversion.texto is None  # the paragraph is not copied into another answer
    assert (doce.inversion.ejecutada.cita, doce.inversion.programada, doce.inversion.fuentes) == ("$ 410 millones", None, ["recursos propios"])
    assert doce.cumplimiento_periodo.valor == 100
    assert trece.inversion.ejecutada.valor == 88
    assert (trece.beneficiarios.total.valor, trece.beneficiarios.unidad) == (150, "jóvenes rurales")
    assert [(g.grupo, g.cantidad.valor) for g in trece.beneficiarios.grupos] == [("Chimichagua", 90), ("Chiriguaná", 60)]


def test_un_solo_parrafo_que_dice_que_no_hubo_recursos_ni_poblacion_ni_programacion() -> None:
    """Explicit zeros of a one-paragraph meta are answers: no money committed (0, with the reason after it), nobody
    served yet (0), and nothing programmed for the period (the cumplimiento is 'no programado', as written)."""
    cargado = _importar(PORTADA + (
        "Meta 14. Construir 25 reservorios de agua.\n\n"
        "No se comprometieron recursos para esta meta en la vigencia porque el proyecto espera su aprobación; para 2025 "
        "no se programó avance físico y por eso no se registra población beneficiada; las obras se contratarán en "
        "diciembre de 2025.\n"
    ))
    meta = cargado.informe.metas[0]
    assert meta.inversion.ejecutada.valor == 0
    assert meta.beneficiarios.total.valor == 0
    assert meta.cumplimiento_periodo.texto == "no se programó avance físico y por eso no se registra población beneficiada"
    assert meta.cumplimiento_periodo.valor is None and not meta.cumplimiento_periodo.vacio


def test_respuestas_de_un_correo_con_la_pregunta_y_un_guion() -> None:
    """A plain-text e-mail: each answer on one line after its question without accents or '¿' and a dash
    ('como se ejecuto - …'), single newlines between them; a question with nothing after its dash is an empty
    answer; a meta numbered by levels keeps its whole code."""
    cargado = _importar(PORTADA + (
        "META N° 4.2.05: Restaurar 800 hectareas de bosque seco\n\n"
        "que se hizo - Se restauraron 180 hectareas de las 200 programadas para la vigencia.\n"
        "cuanto se invirtio - $ 1.512 millones de recursos propios.\n"
        "que poblacion se atendio - 146 familias campesinas.\n"
        "como se ejecuto - Mediante convenio con la corporacion autonoma.\n"
        "con quien se ejecuto - Juntas de accion comunal.\n"
        "donde se intervino - Municipios de Tierralta y Valencia.\n"
        "que impacto se genero -\n"
    ))
    meta = cargado.informe.metas[0]
    assert (meta.codigo, meta.nombre) == ("4.2.05", "Restaurar 800 hectareas de bosque seco")
    assert meta.logro.texto.startswith("Se restauraron 180")
    assert meta.inversion.ejecutada.valor == 1512
    assert meta.beneficiarios.total.valor == 146
    assert meta.ejecucion.como == "Mediante convenio con la corporacion autonoma."
    assert meta.ejecucion.con_quien == "Juntas de accion comunal."
    assert meta.localizacion.municipios == ["Tierralta", "Valencia"]
    assert meta.impacto == ""


@pytest.mark.parametrize(("linea", "codigo", "nombre"), [
    ("Meta 2.3.1 Bono alimentario para personas mayores", "2.3.1", "Bono alimentario para personas mayores"),
    ("Meta 2.3.1. Bono alimentario", "2.3.1", "Bono alimentario"),
    ("META 3.1.12 – Vías terciarias", "3.1.12", "Vías terciarias"),
])
def test_un_codigo_por_niveles_no_necesita_puntuacion_antes_del_nombre(linea: str, codigo: str, nombre: str) -> None:
    m = es_encabezado_meta(linea)
    assert m is not None and (numero_de_meta(m), m.group("nombre")) == (codigo, nombre)


def test_markdown_con_fichas_pregunta_respuesta_cuadros_de_programa_y_titulos_en_negrita() -> None:
    """A Google Docs export: '## **Programa …**' headings, '### Meta 2.3.1 …', a 'Pregunta | Respuesta' table per meta
    whose questions keep their '¿…?', a last row left without its answer, and after the programa's last meta the
    budget table pasted from a spreadsheet with its subtotal.  The empty row is an empty answer, the table is a claim
    about the metas of its rows (not the last meta's answer, nor its caption), and the bold heading names the next
    metas' programa."""
    texto = (
        "# Informe de Rendición de Cuentas 2025\n\n**Alcaldía de Valledupar**\n\n**Secretaría de Desarrollo Social**\n\n"
        "## **Programa 2.3 Vejez digna**\n\n"
        "### **Meta 2.3.1 Atender 1.500 personas mayores**\n\n"
        "| Pregunta | Respuesta |\n| :---- | :---- |\n"
        "| ¿Qué se hizo? | Se atendieron 1.450 personas mayores en los Centros Vida. |\n"
        "| ¿Cuánto se invirtió? | **Inversión:** \\$ 620.000.000 de recursos propios |\n"
        "| ¿Qué impacto se logró? |  |\n\n"
        "**Cuadro de ejecución presupuestal – Programa 2.3** (copiado de la hoja de seguimiento)\n\n"
        "| Meta | Programado 2025 | Ejecutado 2025 |\n| :---- | ----: | ----: |\n"
        "| 2.3.1 | 650,000,000 | 620,000,000 |\n"
        "| **Subtotal Programa 2.3** | **650,000,000** | **620,000,000** |\n\n"
        "## **Programa 2.4 Habitante de calle**\n\n"
        "### **Meta 2.4.1 Atender 300 habitantes de calle**\n\n"
        "| Pregunta | Respuesta |\n| :---- | :---- |\n"
        "| ¿Qué se hizo? | Se atendieron 280 habitantes de calle. |\n"
    )
    cargado = cargar_bytes(texto.encode("utf-8"), "borrador.md")
    uno, dos = cargado.informe.metas
    assert uno.impacto == ""  # SEC001 tells it: the question is there, its answer is not
    assert uno.inversion.ejecutada.valor == 620
    assert dos.eje == "Programa 2.4 Habitante de calle"
    assert [t.eje for t in cargado.informe.totales] == ["Subtotal Programa 2.3"]
    assert not [p for p in cargado.problemas if p.regla == "ENT004"]


def test_valores_sin_unidad_entidad_municipal_y_rios_que_no_son_municipios() -> None:
    """'Meta cuatrienio: 160' and 'Ejecutado a 30/09/2025: 38' without their unit (it is in the meta's name) are the
    target and the achieved count; 'Alcaldía Municipal de Chía' is the entity (the department is Chía's); a river
    named like a municipality ('río Bogotá') is not a place of the report."""
    cargado = _importar(
        "ALCALDÍA MUNICIPAL DE CHÍA\n\nSecretaría de Cultura\n\nInforme de Rendición de Cuentas 2025\n\n"
        "Fecha de corte: 30 de septiembre de 2025\n\n"
        "Indicador de producto 3301053 – Eventos culturales realizados\n\n"
        "Meta cuatrienio: 160\n\nEjecutado a 30/09/2025: 38\n\n"
        "Descripción del avance: Se realizaron 38 eventos de los 48 programados para 2025.\n\n"
        "Localización: Sector del Puente del Común, sobre el río Bogotá, y municipio de Cajicá.\n"
    )
    informe = cargado.informe
    assert (informe.entidad, informe.departamento) == ("Alcaldía de Chía", "Cundinamarca")
    meta = informe.metas[0]
    assert (meta.meta_cuatrienio.cantidad.valor, meta.logro.cantidad.valor) == (160, 38)
    assert meta.localizacion.municipios == ["Cajicá"]


def test_notion_y_un_borrador_de_contratista() -> None:
    """Emoji before a heading or a label and a callout's '>' are decoration ('## 🌱 Meta 45 — …', '> 💡 …'); a rule
    between metas ('---') says nothing; questions numbered in the template's order ('1. ¿Que se hizo?') are its
    labels; 'las 8 metas' of the introduction is the report's structure, not a claim to check; and the signature
    block at the foot ('Elaboró: …', the place and date) is left out, not read as the last meta's impact."""
    texto = (
        "# Informe de Rendición de Cuentas 2025\n\n**Gobernación de Boyacá**\n\n**Secretaría de Fomento Agropecuario**\n\n"
        "Fecha de corte: 31 de agosto de 2025\n\n"
        "> 💡 Esta página reúne las 2 metas de producto a cargo de la Secretaría.\n\n"
        "## 🌱 Meta 45 — Fortalecer 12 asociaciones\n\n"
        "1. ¿Que se hizo?\n\nSe fortalecieron 9 asociaciones de productores.\n\n"
        "2. ¿Donde se intervino?\n\nMunicipios de Paipa y Duitama.\n\n---\n\n"
        "## 🌱 Meta 46 — Entregar 300 kits\n\n"
        "1. ¿Que se hizo?\n\nSe entregaron 300 kits.\n\n"
        "2. ¿Que impacto se genero?\n\nLos productores mejoraron sus cosechas.\n\n"
        "Elaboró: equipo de apoyo a la supervisión\n\nTunja, septiembre de 2025\n"
    )
    cargado = cargar_bytes(texto.encode("utf-8"), "borrador.md")
    cuarenta_cinco, cuarenta_seis = cargado.informe.metas
    assert (cuarenta_cinco.numero, cuarenta_seis.numero) == (45, 46)
    assert cuarenta_cinco.logro.texto == "Se fortalecieron 9 asociaciones de productores."
    assert cuarenta_cinco.localizacion.municipios == ["Paipa", "Duitama"]
    assert cuarenta_seis.impacto == "Los productores mejoraron sus cosechas."
    assert not cargado.informe.totales
    assert not [p for p in cargado.problemas if p.regla in ("ENT004", "ENT005") and p.linea > 7]


def test_datos_de_formulario_con_puntos_guia_y_sin_valor() -> None:
    """A form's data lines with dot leaders; 'NP' and 'N/A' say there is nothing to give (not missing, not 0)."""
    cargado = _importar(PORTADA + (
        "Meta 3.2.7 Construir 4 centros de desarrollo infantil\n\n"
        "Meta cuatrienio ............ 4 centros\n"
        "Programado 2025 ............ NP\n"
        "Cumplimiento vigencia ...... N/A\n\n"
        "Lo realizado: El convenio está en etapa precontractual.\n"
    ))
    meta = cargado.informe.metas[0]
    assert meta.meta_cuatrienio.cantidad.valor == 4
    assert (meta.programado_periodo.valor, meta.programado_periodo.vacio) == (None, False)
    assert (meta.cumplimiento_periodo.texto, meta.cumplimiento_periodo.vacio) == ("N/A", False)
