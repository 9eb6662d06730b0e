"""Reading counts with their noun from Spanish prose (auditor.lectura.conteos)."""

from __future__ import annotations

import pytest

from auditor.lectura.conteos import analizar, conteos, sustantivo_de
from auditor.lectura.palabras import clave


def _leidos(texto: str) -> list[tuple[float, str, str | None, str | None]]:
    return [
        (c.valor, c.calificador, c.sustantivo.nucleo if c.sustantivo else None, c.sustantivo.modificador if c.sustantivo else None)
        for c in conteos(texto)
    ]


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [
        ("337 empresas beneficiadas", [(337, "exacto", "empresa", None)]),
        ("más de 1.150 ciudadanos", [(1150, "minimo", "ciudadano", None)]),
        ("sobre una línea base de 2.378 créditos", [(2378, "exacto", "credito", None)]),
        ("250 unidades productivas recibieron activos", [(250, "exacto", "unidad", "productiva")]),
        ("5 sesiones de asistencia técnicas", [(5, "exacto", "sesion", "de asistencia")]),
        ("15 sesiones de capacitación", [(15, "exacto", "sesion", "de capacitacion")]),
        ("Se realizaron dos (2) jornadas de capacitaciones", [(2, "exacto", "jornada", "de capacitacion")]),
        ("tres Ferias Laborales", [(3, "exacto", "feria", "laboral")]),
        ("más de 24 nuevos clientes internacionales", [(24, "minimo", "cliente", "internacional")]),
        ("200 micro y pequeñas empresas", [(200, "exacto", "empresa", None)]),
        ("aproximadamente 168.480 pares de calzado", [(168480, "aproximado", "par", "de calzado")]),
        ("cerca de 2 millones de personas", [(2_000_000, "aproximado", "persona", None)]),
        ("Un centro de reindustrialización ZASCA Moda apoyado", [(1, "exacto", "centro", "de reindustrializacion")]),
    ],
)
def test_lee_la_cifra_y_lo_que_cuenta(texto: str, esperado: list[tuple[float, str, str | None, str | None]]) -> None:
    assert _leidos(texto) == esperado


@pytest.mark.parametrize(
    "texto",
    [
        "ventas por más de 165 mil dólares",
        "negociaciones proyectadas por casi 3,8 millones de dólares",
        "$ 776 millones de pesos invertidos",
        "con un total de $4.690.000.000 generados",
        "El 76% los créditos desembolsados",
        "22.4 por ciento",
        "La 50° edición y la 3ª Edición del Simposio",
        "en ejecución desde el 23-octubre-2025",
        "Contrato de Empréstito No. 2024-460",
        "se construye una sede y un parque",
    ],
)
def test_dinero_porcentajes_ordinales_fechas_y_articulos_no_son_conteos(texto: str) -> None:
    assert [c for c in conteos(texto) if c.sustantivo is not None] == []


def test_un_una_cuentan_solo_al_abrir_el_texto() -> None:
    assert [(c.valor, c.cita) for c in conteos("Una ruta de emprendimiento dinamizada.")] == [(1, "Una ruta de emprendimiento")]
    assert conteos("Se dinamizó una ruta de emprendimiento.") == ()


def test_cifra_en_letras_y_numeros_que_no_coinciden() -> None:
    (c,) = conteos("Se realizaron dos (3) jornadas.")
    assert c.escrito_dos_veces == ("dos", "3")
    assert c.cita == "dos (3) jornadas"
    (d,) = conteos("Se realizaron dos (2) jornadas.")
    assert d.escrito_dos_veces is None


def test_la_cita_empieza_en_el_calificador() -> None:
    (c,) = conteos("confluendo más de 1600 ciudadanos cesantes a vacantes")
    assert c.cita == "más de 1600 ciudadanos cesantes"
    assert c.supera(193) and not c.supera(1600)
    assert c.coincide_con(1649) and not c.coincide_con(1500)


@pytest.mark.parametrize(
    ("a", "b", "mismo"),
    [
        ("empresas", "empresa", True),
        ("clústeres", "clusteres", True),
        ("unidades productivas", "unidad productiva", True),
        ("unidades productivas", "unidades económicas", False),
        ("ciudadanos", "ciudadanos cesantes", True),
        ("empresas", "ciudadanos", False),
        ("empresas", "empresarios", False),
        ("sesiones de asistencia técnicas", "sesiones de capacitación", False),
        ("Capacitaciones", "capacitación", True),
        ("jóvenes", "joven", True),
    ],
)
def test_mismo_sustantivo(a: str, b: str, mismo: bool) -> None:
    sa, sb = sustantivo_de(a), sustantivo_de(b)
    assert sa is not None and sb is not None
    assert sa.compatible(sb) is mismo


def test_clave_une_singular_y_plural() -> None:
    assert {clave("sesión"), clave("sesiones")} == {"sesion"}
    assert {clave("MIPYME"), clave("mipymes")} == {"mipyme"}
    assert {clave("mujer"), clave("mujeres")} == {"mujer"}


@pytest.mark.parametrize(
    ("texto", "elementos"),
    [
        ("3 clústeres asistidos: Construcción, TIC, Moda Norte", ("Construcción", "TIC", "Moda Norte")),
        ("3 misiones comerciales al exterior desarrolladas a España y Portugal, China, y Perú", ("España y Portugal", "China", "Perú")),
        ("4 festivales culturales apoyados en Ocaña, Pamplona, Chinácota y Cúcuta.", ("Ocaña", "Pamplona", "Chinácota", "Cúcuta")),
        ("2 internacionales (Perú y Brasil); La Primera", ("Perú", "Brasil")),
        ("2 eventos: uno en el hotel Bolívar y otro en el hotel Casablanca", ("uno en el hotel Bolívar", "otro en el hotel Casablanca")),
        ("3 fundaciones (Fundación Uno, Fundación Dos, Fundación para el desarrollo y el bienestar social). Fin",
         ("Fundación Uno", "Fundación Dos", "Fundación para el desarrollo y el bienestar social")),
        ("20 beneficiarios como A, B y C", None),  # "como": examples, not the list
        (("2 rondas de negociación en la Macrorrueda Internacional 2024 y el International Footwear & Leather Show – IFLS y "
          "la Exhibición Internacional del Cuero e Insumos, Maquinaria y Tecnología – 2025"), None),
        ("10 asociaciones que fueron identificadas en la región del Catatumbo", None),
        ("3 líneas: confecciones, panadería, entre otras", None),
        ("3 clústeres asistidos: Construcción, TIC, Moda Norte, con 442 beneficiarios.", None),
        ("2 eventos: uno en el hotel Bolívar, otro en el Casablanca, con 81 asistentes.", None),
        ("3 líneas: confecciones, cosmetología, panadería y barbería.", ("confecciones", "cosmetología", "panadería", "barbería")),
    ],
)
def test_enumeraciones(texto: str, elementos: tuple[str, ...] | None) -> None:
    leidas = analizar(texto).enumeraciones
    assert (leidas[0].elementos if leidas else None) == elementos


def test_desglose_de_los_cuales() -> None:
    (d,) = analizar("participaron 84 compradores, de los cuales 78 fueron Nacionales y 6 Internacionales.").desgloses
    assert d.total.valor == 84
    assert [p.valor for p in d.partes] == [78, 6]


def test_coordinados() -> None:
    (cadena,) = analizar("41 funcionarios públicos y 40 personeros fueron capacitados en 2 eventos").coordinados
    assert [c.valor for c in cadena] == [41, 40]
    assert analizar("48 expositores entre empresarios y emprendedores del sector moda del departamento y participaron 84 "
                    "compradores").coordinados == ()


@pytest.mark.parametrize(
    ("texto", "partes"),
    [
        ("El 76% los créditos van a unidades económicas y el 24% restante a emprendimientos", [76, 24]),
        ("Con un avance del 50%, el 70% de los recursos va a Cúcuta y el 30% restante a Ocaña", [70, 30]),
        ("Los recursos se distribuyeron así: 40% regalías, 35% propios y 20% crédito.", [40, 35, 20]),
        ("el 41% de los ciudadanos quiere emprender, el 24% son rurales, el 47% tiene menos de 2 años", None),
    ],
)
def test_repartos(texto: str, partes: list[float] | None) -> None:
    repartos = analizar(texto).repartos
    assert ([v for v, _ in repartos[0].porcentajes] if repartos else None) == partes


# -- the tokens: read without a match object per token, the same as `_TOKEN` reads them ------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from auditor.lectura.conteos import _TOKEN, Tokens, _tokens  # noqa: E402
from auditor.lectura.patrones import normalizar  # noqa: E402


def _tokens_por_coincidencias(texto: str) -> tuple[tuple[str | None, str, int, int, str], ...]:
    """Each match of `_TOKEN`: its group name, text, start, end and normalized form (words only)."""
    return tuple((m.lastgroup, m.group(), m.start(), m.end(), normalizar(m.group()) if m.lastgroup == "pal" else m.group())
                 for m in _TOKEN.finditer(texto))


def _columnas(t: Tokens) -> tuple[tuple[str | None, str, int, int, str], ...]:
    return tuple(zip(t.tipo, t.texto, t.inicio, t.fin, t.normal, strict=True))


_TEXTO_DE_INFORME = st.text(st.sampled_from(list("aáeÉñ y1234567890.,;:$%()¿?\n\t\u00a0\u2003_-ºª³٣３ﬁ℡")) | st.characters(), max_size=60)


@given(_TEXTO_DE_INFORME)
def test_tokens_iguales_a_las_coincidencias_del_patron(texto: str) -> None:
    assert _columnas(_tokens(texto)) == _tokens_por_coincidencias(texto)


@pytest.mark.parametrize("texto", ["", "   ", "a", " 1.150,5 ab_c ¿x? ３ ² ℡dos \n\n uno. dos", "x\u0301y 12.3.4 …", "\u00a0x\u2003 y\x1c1\x1f2 "])
def test_tokens_casos_limite(texto: str) -> None:
    assert _columnas(_tokens(texto)) == _tokens_por_coincidencias(texto)
