"""Lists and breakdowns against the count they claim (auditor.lectura.conteos: particiones,
listas_en_lineas, enumeraciones in parentheses; auditor.lectura.respuestas.grupos after a colon)."""

from __future__ import annotations

import pytest

from auditor.lectura.conteos import analizar
from auditor.lectura.respuestas import grupos

from .conftest import tiempo_cpu


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [
        # by place: "de <Nombre>" / "en <Nombre>"
        ("95 familias: 40 de Sardinata, 30 de Lourdes y 20 de Gramalote.", ("lugar", 95, [40, 30, 20])),
        ("Se capacitaron 70 docentes: 35 en Salazar y 35 en Arboledas.", ("lugar", 70, [35, 35])),
        # complementary qualifiers, with the same words around them
        ("60 estudiantes: 25 de zona urbana y 30 de zona rural, todos de grado once.", ("complementario", 60, [25, 30])),
        ("Se atendieron 2.300 personas: 1.200 mujeres y 1.100 hombres.", ("complementario", 2300, [1200, 1100])),
        ("300 predios atendidos en el semestre: 180 con titularidad pública y 120 con titularidad privada.",
         ("complementario", 300, [180, 120])),
        # "de los cuales", with the verb said once
        ("70 productores, de los cuales 41 son hombres y 26 mujeres.", ("complementario", 70, [41, 26])),
        ("Se dictaron 12 talleres distribuidos así: 7 presenciales y 5 virtuales.", ("complementario", 12, [7, 5])),
        # places named by a number after their kind; the whole described with another count before the colon
        ("40 líderes formados en tres cohortes: 15 de la comuna 7, 12 de la comuna 9 y 10 del corregimiento de El Salado.",
         ("lugar", 40, [15, 12, 10])),
        ("60 familias reubicadas en 2 etapas: 35 de la comuna 4 y 25 de la vereda Alto Bonito.", ("lugar", 60, [35, 25])),
        # the whole's noun coordinated with others before the colon
        ("1.240 niños, niñas y adolescentes: 620 de la comuna Villa Santana, 410 de la comuna Del Café y 260 de la comuna Boston.",
         ("lugar", 1240, [620, 410, 260])),
        # parts that together are everyone may follow a longer description of the whole, with an age in it
        ("Se atendieron 1.450 personas mayores de 60 años, inscritas en los Centros Vida del municipio: 812 mujeres y 598 hombres.",
         ("complementario", 1450, [812, 598])),
    ],
)
def test_particiones(texto: str, esperado: tuple[str, float, list[float]]) -> None:
    (p,) = analizar(texto).particiones
    assert (p.criterio, p.total.valor, [x.valor for x in p.partes]) == esperado


@pytest.mark.parametrize(
    "texto",
    [
        # overlapping groups: other predicates, or population groups that may share people
        "300 hogares: 120 con jefatura femenina, 45 víctimas del conflicto y 30 con integrantes con discapacidad.",
        "210 familias (700 personas). De ellas, 90 familias tienen jefatura femenina, 40 son desplazadas y 12 cuentan con adultos mayores.",
        "500 personas: 200 jóvenes, 250 adultos mayores y 40 personas con discapacidad.",
        "Un total de 85 asistentes: 40 mujeres, 30 víctimas y 15 migrantes.",
        # not a whole and its parts
        "Cobertura: 14 municipios y 3 corregimientos.",
        "Se entregaron 40 kits: 20 kits escolares y 20 kits de aseo.",
        "Más de 90 hogares: 50 de Sardinata y 40 de Tibú.",  # an approximate whole
        "90 hogares: cerca de 50 de Sardinata y 40 de Tibú.",  # an approximate part
        "40 jornadas: 20 de mayo a junio y 20 de agosto.",  # months are not places
        "Se atendieron 3 veredas: 15 de La Esperanza y 12 de El Rodeo.",  # each part larger than the only count before
        # the count before the nearest one is added to another: the parts may split their sum (50), not it
        "Atendimos 30 familias y 20 hogares en 3 veredas: 15 de La Esperanza, 20 de El Rodeo y 15 de Cácota.",
        # parts by place keep the short window: a long description before the colon is not that whole's
        "Se atendieron 300 niños de 5 años en los hogares comunitarios de la zona rural dispersa: 100 de Pasto y 200 de Tumaco.",
    ],
)
def test_no_son_particiones(texto: str) -> None:
    assert analizar(texto).particiones == ()


def test_lista_numerada_tras_rotulo() -> None:
    texto = ("Se trabajó con las juntas de acción comunal. Bibliotecas públicas dotadas:\n\n"
             "1. Biblioteca Municipal de Salazar\n\n2. Biblioteca Pública de Arboledas\n\n3. Biblioteca Rural La Donjuana\n"
             "El impacto se verá en la lectura.")
    (lista,) = analizar(texto).listas_en_lineas
    assert lista.conteo is None and lista.rotulo is not None
    assert (lista.rotulo.nucleo, lista.rotulo.modificador) == ("biblioteca", "publica")
    assert lista.elementos == ("Biblioteca Municipal de Salazar", "Biblioteca Pública de Arboledas", "Biblioteca Rural La Donjuana")
    assert lista.cita == "Bibliotecas públicas dotadas:"


def test_lista_con_vinetas_tras_una_cifra() -> None:
    texto = "Se dotaron 4 sedes rurales:\n- Sede La Esperanza\n- Sede El Porvenir\n• Sede Santa Rosa\n"
    (lista,) = analizar(texto).listas_en_lineas
    assert lista.conteo is not None and lista.conteo.valor == 4 and lista.rotulo is None
    assert len(lista.elementos) == 3


@pytest.mark.parametrize(
    "texto",
    [
        "Sedes dotadas:\n1. Sede Uno\n3. Sede Tres\n",  # numbers not 1..n: unsure
        "Sedes dotadas:\n1. Sede Uno\n- Sede Dos\n",  # numbers and bullets mixed
        "Población atendida:\n- 20 mujeres\n- 15 hombres\n",  # a breakdown, not a list of things
        "Sedes dotadas:\n1. Sede Uno\n2. Sede Dos, entre otras\n",  # not complete
        "Sedes dotadas:\n1. Sede Uno\n",  # one item
        "Se hizo lo siguiente en las sedes que fueron dotadas durante la vigencia con apoyo de la alcaldía:\n- Uno\n- Dos\n",
    ],
)
def test_no_son_listas_en_lineas(texto: str) -> None:
    assert analizar(texto).listas_en_lineas == ()


@pytest.mark.parametrize(
    ("texto", "elementos"),
    [
        ("40 aulas adecuadas (pintura, iluminación, ventilación y mobiliario).", None),  # kinds of work
        ("25 familias con mercados (granos, aceite y panela).", None),
        ("3 fundaciones apoyadas (Fundación Alba, Fundación Norte y Fundación Vida).",
         ("Fundación Alba", "Fundación Norte", "Fundación Vida")),  # names: the things counted
        ("siete (7) municipios: Salazar, Arboledas, Cucutilla y Lourdes.", ("Salazar", "Arboledas", "Cucutilla", "Lourdes")),
        # a place named by its kind, and a proper name between the count and the list
        ("cinco (5) JAC ganadoras del concurso Obras con Saldo Pedagógico: barrio Belén, La Pola, Jordán 8a etapa y Picaleña.",
         ("barrio Belén", "La Pola", "Jordán 8a etapa", "Picaleña")),
        ("3 mesas instaladas: comuna 7, comuna 9 y vereda El Salado.", ("comuna 7", "comuna 9", "vereda El Salado")),
        ("4 talleres en los barrios: pintura, danza, teatro y música.", ("pintura", "danza", "teatro", "música")),
    ],
)
def test_lista_entre_parentesis_solo_de_nombres(texto: str, elementos: tuple[str, ...] | None) -> None:
    enumeraciones = analizar(texto).enumeraciones
    assert (enumeraciones[0].elementos if enumeraciones else None) == elementos


def test_grupos_tras_dos_puntos_incluye_el_primero() -> None:
    texto = "50 personas con discapacidad: 21 con discapacidad física, 17 con discapacidad visual y 12 con discapacidad auditiva."
    assert grupos(texto, 0) == [("con discapacidad física", "21"), ("con discapacidad visual", "17"),
                                ("con discapacidad auditiva", "12")]


def test_grupos_tras_dos_puntos_solo_de_esa_oracion() -> None:
    # the next sentence's groups overlap the partition; added to it they would exceed the total
    texto = "90 jóvenes: 48 mujeres y 42 hombres. De ellos, 11 son víctimas y 6 son indígenas."
    assert grupos(texto, 0) == [("mujeres", "48"), ("hombres", "42")]


def test_grupos_tras_coma_como_antes() -> None:
    texto = "800 ciudadanos atendidos, 60 corresponden a mujeres cabeza de hogar, 30 migrantes."
    assert grupos(texto, 0) == [("mujeres cabeza de hogar", "60"), ("migrantes", "30")]


@pytest.mark.parametrize("texto", [
    "110 unidades productivas, 64 lideradas por mujeres, 30 por jóvenes y 21 por víctimas (una misma unidad puede estar en más de un grupo).",
    "800 ciudadanos atendidos, 600 mujeres, 300 víctimas; los grupos no son excluyentes.",
    "800 ciudadanos atendidos, 600 mujeres y 300 víctimas, grupos que se traslapan.",
])
def test_grupos_que_el_texto_dice_que_se_traslapan_no_son_un_desglose(texto: str) -> None:
    assert grupos(texto, 0) == []


def test_una_parte_de_los_grupos_anteriores_no_es_otro_grupo() -> None:
    texto = "30 deportistas de alto rendimiento: 14 mujeres y 16 hombres, 4 de ellos con discapacidad."
    assert grupos(texto, 0) == [("mujeres", "14"), ("hombres", "16")]


def test_lineal() -> None:
    """Many colons, parts and item lines: each read a bounded number of times (not per colon nor per part)."""
    def medir(veces: int) -> float:
        texto = ("90 hogares: 40 de Salazar, 30 de Arboledas y 20 de Lourdes. Sedes: 12 sedes: 6 urbanas y 6 rurales. "
                 * veces) + "\n" + "Sedes dotadas:\n- Sede\n- Sede\n" * veces
        a = analizar.__wrapped__(texto)
        assert len(a.particiones) == 2 * veces
        assert len(a.listas_en_lineas) == veces
        return tiempo_cpu(lambda: analizar.__wrapped__(texto))

    medir(200)
    chico, grande = medir(1000), medir(4000)
    assert grande < 12 * chico  # 4x the text: about 4x the time, never 16x


@pytest.mark.parametrize(
    "patron",
    [
        "12 sedes: ",  # a colon after every count: each list ends at the next colon
        "de los cuales 4 urbanas y ",  # a marker after every count: each breakdown's parts end at the next marker
        "3 misiones desarrolladas a Perú, ",  # lists that would run to the end of one long sentence
        "90 hogares: 40 de Salazar, 30 de Arboledas y ",
    ],
)
def test_lineal_en_una_sola_oracion(patron: str) -> None:
    def medir(kb: int) -> float:
        texto = (patron * (kb * 1024 // len(patron) + 1))[: kb * 1024]

        def leer() -> None:
            a = analizar.__wrapped__(texto)
            a.particiones, a.enumeraciones, a.desgloses, a.listas_en_lineas  # noqa: B018

        return tiempo_cpu(leer)

    medir(4)
    chico, grande = medir(16), medir(64)
    assert grande < 12 * chico + 0.05  # 4x the text: about 4x the time, never 16x


def test_parte_larga_no_es_parte() -> None:
    texto = ("150 hogares: 81 con jefatura femenina y 64 con jefatura masculina con ingresos bajos que viven en zona rural "
             "dispersa de difícil acceso para los equipos.")
    assert analizar(texto).particiones == ()


def test_las_comas_de_una_oracion_no_son_una_lista() -> None:
    texto = ("Se construyeron dos puentes vehiculares: el puente sobre el río Cauca en el corregimiento de Arauca, municipio "
             "de Palestina, y el puente sobre la quebrada Santágueda, en la vereda del mismo nombre, también en Palestina.")
    assert analizar(texto).enumeraciones == ()


@pytest.mark.parametrize(
    ("texto", "cuentas"),
    [
        ("Inspecciones urbanas 3 (comuna 3) y 7 (comuna 7).", [3, 7]),  # the numbers after 'comuna' name it
        ("Se entregaron 20 viviendas de la etapa 2 en la manzana 4.", [20]),
        ("En cada vereda 2 talleres y en la comuna 5 brigadas.", [2, 5]),  # a count with its noun after the kind still counts
        ("Mediante el convenio 067 de 2025 y la Ley 1448 se atendieron 40 familias.", [2025, 40]),  # a norm's number counts nothing
    ],
)
def test_numero_que_nombra_un_lugar_no_cuenta(texto: str, cuentas: list[float]) -> None:
    assert [c.valor for c in analizar(texto).conteos] == cuentas


@pytest.mark.parametrize(("texto", "elementos"), [
    ("Las 5 comunidades intervenidas son Nazareth, Arara, Nuevo Jardín y Boyahuazú.", ("Nazareth", "Arara", "Nuevo Jardín", "Boyahuazú")),
    ("Los 3 municipios atendidos fueron Leticia, Puerto Nariño y Tarapacá.", ("Leticia", "Puerto Nariño", "Tarapacá")),
])
def test_una_lista_que_sigue_a_son_o_fueron(texto: str, elementos: tuple[str, ...]) -> None:
    """'Las 5 comunidades intervenidas son A, B, …': the copula introduces the list of names the count announces."""
    assert [e.elementos for e in analizar(texto).enumeraciones] == [elementos]


def test_son_seguido_de_una_frase_no_es_una_lista() -> None:
    assert analizar("Las 5 comunidades son las de mayor riesgo del resguardo.").enumeraciones == ()


@pytest.mark.parametrize(("texto", "conteos"), [
    ("Se atendieron trescientas cuarenta mujeres de las cuatrocientas programadas.", [(340, "mujeres"), (400, "programadas")]),
    ("SE ATENDIERON DOSCIENTAS DIEZ MUJERES.", [(210, "MUJERES")]),
    ("Se formaron dos (2) grupos y cuarenta líderes.", [(2, "grupos"), (40, "líderes")]),
    ("Se apoyaron treinta y cinco familias.", [(35, "familias")]),
    ("Se invirtieron doscientos treinta millones de pesos.", []),  # money, not a count
    ("Se alcanzó el cien por ciento de lo programado.", []),  # a percentage
])
def test_conteos_escritos_en_letras(texto: str, conteos: list[tuple[float, str]]) -> None:
    """A count in words above twenty is the whole run of number words, not its last word ('DOSCIENTAS DIEZ' is 210)."""
    assert [(c.valor, c.sustantivo.texto if c.sustantivo else None) for c in analizar(texto).conteos] == conteos
