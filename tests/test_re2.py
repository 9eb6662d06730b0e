"""Pattern sets in RE2 (`lectura.lineal`): the same first match as the `regex` engine, pattern and span, for every
built-in pattern on random Spanish-like texts and on the seeds', corpus' and fixtures' texts; RE2 in linear time
where `regex` backtracks without end; the patterns RE2 would read otherwise keep `regex`."""

from __future__ import annotations

import dataclasses
import time

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from auditor.lectura import lineal
from auditor.lectura.patrones import ConjuntoPatrones, Patron, PatronLento, normalizar, patron_de_regex
from auditor.reglas.incluidas import construir_catalogo

from .conftest import FIXTURES, SEEDS

pytestmark = pytest.mark.skipif(not lineal.disponible(), reason="google-re2 no está instalado")

CATALOGO = construir_catalogo()
CONJUNTOS = sorted(CATALOGO.patrones.items())
PATRONES = [p for _, conjunto in CONJUNTOS for p in conjunto.patrones]

# the built-in pattern as it was written before RE2, with its negative look-ahead: `excepto` says the same
_CON_BUSQUEDA_ADELANTE = (
    r"^\W*(indicar|especificar|exponer|describir|relacionar|mencionar|incluir|detallar|senalar|registrar|diligenciar"
    r"|precisar|enumerar|listar|reportar|consignar|adjuntar|anexar|desagregar|discriminar) (?!(el|la|los|las|un|una|a|al)"
    r" \w+( \w+){0,3} (fue|es|era|ha sido|resulto|permitio|implico|requirio|constituyo|sera)\b)(aqui|el|la|los|las|lo|si"
    r"|que|como|cual|cuales|cuando|donde|cuanto|cuantos|cuantas|quien|quienes|en que|de que|a que|brevemente|de manera"
    r"|numero|cantidad|cantidades|participacion|nombre|nombres|poblacion|beneficiarios|municipios|valor|valores|monto"
    r"|montos|fecha|fechas|periodo|porcentaje|principales|acciones|actividades|resultados|avances|logros|dificultades"
    r"|fuente|fuentes)\b")


def _textos_reales() -> list[str]:
    """The paragraphs of the seeds, the corpus drafts and the fixtures (each line a text, as fields are)."""
    archivos = [*sorted(SEEDS.glob("*.txt")), *sorted((SEEDS.parent / "corpus").glob("*.txt")), *sorted(FIXTURES.glob("*.yaml"))]
    textos: list[str] = []
    for archivo in archivos:
        for linea in archivo.read_text(encoding="utf-8").splitlines():
            linea = linea.strip().lstrip("-").strip().strip('"')
            if linea:
                textos.append(linea.split(": ", 1)[-1] if archivo.suffix == ".yaml" else linea)
    return textos


TEXTOS = _textos_reales()


def _solo_regex(patron: Patron) -> Patron:
    """The pattern as before RE2: its own engine only."""
    excepto = None if patron.excepto is None else _solo_regex(patron.excepto)
    return dataclasses.replace(patron, lineal=None, excepto=excepto)


def _en_regex(patron: Patron, normal: str) -> tuple[int, int] | None:
    """The original first match with the `regex` engine (for `excepto`, the look-ahead pattern it replaces)."""
    expresion = regex.compile(_CON_BUSQUEDA_ADELANTE) if patron.excepto is not None else patron.expresion
    m = expresion.fullmatch(normal) if patron.completo else expresion.search(normal)
    return None if m is None or m.start() == m.end() else m.span()


def _en_re2(patron: Patron, normal: str) -> tuple[int, int] | None:
    crudo = lineal.crudo(normal)
    assert crudo is not None and patron.lineal is not None
    span = patron.lineal.completo(crudo) if patron.completo else patron.lineal.buscar(crudo)
    if span is None or span[0] == span[1]:
        return None
    if patron.excepto is not None:
        assert patron.excepto.lineal is not None
        excepto = patron.excepto.lineal.buscar(crudo)
        if excepto is not None and excepto[0] != excepto[1]:
            return None
    return lineal.caracteres(crudo, normal, *span)


def test_todos_los_patrones_incluidos_son_re2() -> None:
    sin_re2 = [p.fuente for p in PATRONES if p.lineal is None or (p.excepto is not None and p.excepto.lineal is None)]
    assert not sin_re2
    propios = [p for regla in CATALOGO.ordenadas() for p in getattr(getattr(regla, "_propios", None), "patrones", [])]
    assert all(p.lineal is not None for p in propios)  # the rules' own phrases as well


def _comparar_patrones(texto: str) -> None:
    normal = normalizar(texto)
    if lineal.crudo(normal) is None:  # a letter outside ASCII: RE2 is not used for this text
        return
    for patron in PATRONES:
        assert _en_re2(patron, normal) == _en_regex(patron, normal), (patron.fuente, normal)


def _comparar_conjuntos(texto: str) -> None:
    for nombre, conjunto in CONJUNTOS:
        antes = ConjuntoPatrones(nombre, "", [_solo_regex(p) for p in conjunto.patrones])
        ahora = ConjuntoPatrones(nombre, "", list(conjunto.patrones))
        a, b = antes.buscar(texto), ahora.buscar(texto)
        assert (a and (a.patron.fuente, a.inicio, a.fin)) == (b and (b.patron.fuente, b.inicio, b.fin)), (nombre, texto)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"no está {SEEDS}")
def test_el_mismo_primer_hallazgo_en_los_textos_reales() -> None:
    assert len(TEXTOS) > 500
    for texto in TEXTOS:
        _comparar_patrones(texto)
        _comparar_conjuntos(texto)


# Spanish-like words: those the patterns look for, their neighbours, accents, ñ and ü, and punctuation
_PALABRAS = (
    "retraso retrasó demora debido a obedece a causa de dificultad no se logró alcanzó pudo fue posible reprogramó aplazó "
    "suspendió limitación falta insuficiencia de recursos presupuesto proceso contractual contratación procedimiento se "
    "encuentra en ejecución trámite porque ya que puesto dado pues declarada desierta declaró se debe debió explica están "
    "quedaron en revisión etapa precontractual registrarán enero 2025 primer semestre terminan culminan acción correctiva "
    "menor inferior por debajo del programado programada el la este esta rezago diferencia faltante corresponde "
    "programaron para último trimestre municipios veredas priorizados focalizadas varios diferentes algunas de las "
    "zonas influencia objeto intervención no aplica n/a N.A. n. a. sin programación hubo tuvo inicia a partir vigencia "
    "año naturaleza meta gestión indicar especificar describir incluir indique describa número cantidad participación "
    "beneficiarios fue es permitió resultó haga clic aquí para escribir texto elija un elemento sin datos información "
    "xxx XXXX xx por definir diligenciar pendiente tbd lorem ipsum niñez pingüino acción cigüeña Ñame ÚLTIMO "
    "camión corazón señal antigüedad"
).split()
_SIGNOS = [" ", " ", " ", ", ", ". ", "; ", ": ", " ¿", "? ", " ¡", "! ", " “", "” ", " – ", "…", " [", "] ", " <", "> ",
           " (", ") ", "\n", "  ", "/", "-", " 3 ", " 2.5 ", " % "]


@st.composite
def _texto_espanol(draw: st.DrawFn) -> str:
    partes = []
    for _ in range(draw(st.integers(1, 25))):
        partes.append(draw(st.sampled_from(_PALABRAS)))
        partes.append(draw(st.sampled_from(_SIGNOS)))
    return draw(st.sampled_from(["", "- ", "¿", "[", "N/A", " "])) + "".join(partes)


@given(_texto_espanol())
def test_el_mismo_primer_hallazgo_en_textos_al_azar(texto: str) -> None:
    _comparar_patrones(texto)
    _comparar_conjuntos(texto)


@pytest.mark.parametrize("texto", [
    "Retrasó la entrega", "la demora", "se demoró", "niñez retraso", "pingüino sin datos", "Sin información",
    "acción correctiva", "ACCIÓN CORRECTIVA", "declaró desierta", "Indicar el número de beneficiarios",
    "Describir el proceso fue complejo", "Incluir a las familias permitió avanzar", "incluir a que municipios",
    "¿Qué se hizo?", "“xxx”", "– pendiente –", "[Número de beneficiarios]", "<Nombre del municipio>",
])
def test_tildes_enie_y_dieresis_en_los_bordes_de_palabra(texto: str) -> None:
    """é, ñ, ü are read without their marks (normalized text), so RE2's ASCII \\b sees what `regex`'s Unicode \\b saw."""
    assert lineal.crudo(normalizar(texto)) is not None
    _comparar_patrones(texto)
    _comparar_conjuntos(texto)


@pytest.mark.parametrize("texto", ["retraso en Tromsø", "retrasoø", "αxxx", "xxxα", "sin datos ß"])
def test_una_letra_fuera_de_ascii_se_busca_con_regex(texto: str) -> None:
    """A letter the normalization keeps outside ASCII ('ø', Greek) is a word character for `regex` and not for RE2's
    \\b: such a text is searched with `regex`, with the same results."""
    normal = normalizar(texto)
    assert lineal.crudo(normal) is None or normal.isascii()
    _comparar_conjuntos(texto)


def test_un_patron_catastrofico_es_lineal_en_re2_y_se_detiene_en_regex() -> None:
    patron = patron_de_regex(r"(a|aa)+$")
    assert patron.lineal is not None
    tiempos = []
    for n in (20_000, 40_000, 80_000):
        conjunto = ConjuntoPatrones("lento", "", [patron])
        inicio = time.process_time()
        assert conjunto.buscar("a" * n + "b") is None
        tiempos.append(time.process_time() - inicio)
    assert tiempos[-1] < 0.5 and tiempos[-1] < 8 * tiempos[0] + 0.05  # twice the text, about twice the time
    solo_regex = ConjuntoPatrones("lento", "", [_solo_regex(patron)])  # as before: the engine's time limit stops it
    with pytest.raises(PatronLento):
        solo_regex.buscar("a" * 60 + "b")


@pytest.mark.parametrize(("expresion", "re2"), [
    (r"\bretras", True), (r"(?i)abc", True), (r"(?:x|y){2,3}", True), (r"(?P<n>x)y", True), (r"(?i:a)b", True),
    (r"[\[<]\s*x{3,}", True), (r"a{,3}", False),  # '{,3}': {0,3} in regex, three characters in RE2
    (r"a(?i)b", False),  # regex applies a flag anywhere to the whole pattern, RE2 from there on
    (r"(?U)a+", False), (r"[[:alpha:]]+", False), (r"(a)\1", False), (r"\0", False), (r"(?=a)b", False),
    (r"(?<!a)b", False), (r"a++", False), (r"(?>a)", False), (r"\p{Alphabetic}", False), (r"(?:abc){e<=1}", False),
    (r"a\Z", False), (r"\p{L}+", True),
])
def test_que_patrones_van_a_re2(expresion: str, re2: bool) -> None:
    assert (lineal.compilar(expresion) is not None) == re2


def test_excepto_acompana_a_un_regex() -> None:
    from auditor.reglas.declarativas import FraseDatos

    with pytest.raises(ValueError, match="excepto"):
        FraseDatos(frase="hola", excepto="x")
    with pytest.raises(ValueError, match="no válida"):
        FraseDatos(regex="hola", excepto="(")
    patron = FraseDatos(regex="a", excepto="ab").patron()
    assert ConjuntoPatrones("x", "", [patron]).buscar("ab") is None and ConjuntoPatrones("x", "", [patron]).buscar("ac")


def test_un_patron_de_oficina_en_re2_no_gasta_el_presupuesto() -> None:
    from auditor.lectura.patrones import PRESUPUESTO, SEGUNDOS_POR_INFORME

    propio = patron_de_regex(r"(a|aa)+$", origen="propias/a.yaml", propio=True)
    PRESUPUESTO.reiniciar(0.0)  # spent: a `regex` search would be skipped
    try:
        hallado = ConjuntoPatrones("propio", "", [propio]).buscar("texto " + "a" * 30)
        assert hallado is not None and PRESUPUESTO.omitidas == 0
    finally:
        PRESUPUESTO.reiniciar(SEGUNDOS_POR_INFORME)


def test_sin_el_motor_o_con_uno_que_responde_distinto_todo_queda_en_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    """A platform without the wheel, or a release whose compiled module changed: the self-test fails, `disponible()`
    is False and every pattern keeps `regex` (the same findings, without the linear-time guarantee) — never an error."""

    class Roto:
        class RE2:  # noqa: D106 - a stand-in that answers the known case wrongly
            class Anchor:
                UNANCHORED, ANCHOR_BOTH = 0, 1

            class Options:
                never_capture = log_errors = False

            def __init__(self, *_: object) -> None: ...

            def ok(self) -> bool:
                return True

            def Match(self, *_: object) -> list[tuple[int, int]]:  # noqa: N802 - the binding's name
                return [(0, 1)]

    import sys

    import re2  # type: ignore[import-untyped,unused-ignore]

    monkeypatch.setattr(re2, "_re2", Roto)
    monkeypatch.setattr(lineal, "_MOTOR", [])
    assert not lineal.disponible() and lineal.compilar(r"\bno aplica\b") is None
    monkeypatch.setitem(sys.modules, "re2", None)  # not installed at all
    monkeypatch.setattr(lineal, "_MOTOR", [])
    assert not lineal.disponible() and lineal.compilar(r"\bno aplica\b") is None
