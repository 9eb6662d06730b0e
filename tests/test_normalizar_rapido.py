"""normalizar and normalizar_con_indices take shortcuts (ASCII, a cache of words): they give what plain
str.translate gives, for any character."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.lectura.patrones import (
    _COMPLEJO,
    _TRADUCCION,
    _TRADUCCION_SIMPLE,
    ConjuntoPatrones,
    _normalizar_con_indices_por_caracter,
    normalizar,
    normalizar_con_indices,
    patron_de_frase,
    patron_de_regex,
)

_CARACTERES = st.one_of(st.sampled_from(list("ab É\u00a0\t\n\r\x1c\x85\u2028\u3000ñ,.1¨ﬁ\u200b\u200d¸˛İΣς\ud800")), st.characters())


def _esperado(texto: str) -> str:
    return " ".join(texto.translate(_TRADUCCION).split())


def _con_indices(texto: str) -> tuple[str, list[int]]:
    """normalizar_con_indices as it was written with str.translate."""
    traducido = texto.translate(_TRADUCCION_SIMPLE)
    if _COMPLEJO in traducido:
        return _normalizar_con_indices_por_caracter(texto)
    normal = " ".join(traducido.split())
    return normal, _normalizar_con_indices_por_caracter(texto)[1]


def _indices(texto: str) -> tuple[str, list[int]]:
    normal, indices = normalizar_con_indices.__wrapped__(texto)
    return normal, list(indices)


@settings(max_examples=1000, derandomize=True, database=None, deadline=None)
@given(st.text(_CARACTERES, max_size=30))
def test_normalizar_da_lo_mismo_que_traducir(texto: str) -> None:
    assert normalizar(texto) == _esperado(texto)
    assert _indices(texto) == _con_indices(texto)
    assert _indices(texto)[0] == normalizar(texto)


def test_cada_caracter() -> None:
    for codigo in range(0, sys.maxunicode + 1, 7):  # a sample of every block, surrogates included
        c = chr(codigo)
        for texto in (c, f"a{c}b", f" {c} x", f"É{c}"):
            assert normalizar(texto) == _esperado(texto)
            assert _indices(texto) == _con_indices(texto)


def test_las_frases_de_campo_completo_van_en_una_alternativa() -> None:
    conjunto = ConjuntoPatrones("completos", "", [
        patron_de_frase("Elija un elemento.", completo=True),
        patron_de_regex(r"^sin datos$", completo=True),  # a whole-field expression is still tried by itself
        patron_de_frase("¿Qué se hizo?", completo=True),
        patron_de_frase("por definir"),
    ])
    assert conjunto.buscar("  ¿Qué se hizo?  ").patron.fuente == "¿Qué se hizo?"  # type: ignore[union-attr]
    assert conjunto.buscar("Sin datos").patron.fuente == "^sin datos$"  # type: ignore[union-attr]
    assert conjunto.buscar("¿Qué se hizo? Se hizo todo") is None
    assert conjunto.buscar("Elija un elemento. por definir").patron.fuente == "por definir"  # type: ignore[union-attr]


def test_las_expresiones_ancladas_van_en_su_propia_alternativa() -> None:
    patrones = [patron_de_regex(r"^sin (datos?|informacion)\b"), patron_de_regex(r"\bx{3,}\b"),
                patron_de_regex(r"^(pendiente|n/?a)$"), patron_de_regex(r"\bpor (definir|completar)\b")]
    for texto, esperado in [("Sin datos", 0), ("valor xxx por definir", 1), ("N/A", 2), ("queda por completar", 3),
                            ("el dato sin datos", None), ("pendiente de cierre", None)]:
        hallado = ConjuntoPatrones("anclas", "", patrones).buscar(texto)
        assert (patrones.index(hallado.patron) if hallado else None) == esperado


_PALABRAS = st.sampled_from(["indicar", "indique", "la", "las", "meta", "metas", "¿qué", "hizo?", "haga", "clic", "aquí", "a",
                             "x.y", "(1)", "Año"])


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.lists(st.lists(_PALABRAS, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=8),
       st.lists(_PALABRAS, max_size=10).map(" ".join))
def test_el_arbol_de_frases_halla_lo_que_halla_su_alternativa(frases: list[str], texto: str) -> None:
    import re

    from auditor.lectura.patrones import _arbol_de_frases

    patrones = [patron_de_frase(f) for f in frases]
    arbol = _arbol_de_frases(patrones)
    assert arbol is not None
    alternativa = re.compile("|".join(f"(?:{p.expresion.pattern})" for p in patrones))
    for variante in (texto, texto.replace(" ", ""), f"{texto} {texto}"):
        normal = normalizar(variante)
        assert (arbol.search(normal) is None) == (alternativa.search(normal) is None)
        hallado = ConjuntoPatrones("arbol", "", patrones).buscar(variante)
        uno_por_uno = next((p for p in patrones if ConjuntoPatrones("uno", "", [p]).buscar(variante)), None)
        assert (hallado.patron if hallado else None) == uno_por_uno


def test_sin_arbol_si_un_patron_no_es_su_frase() -> None:
    import re

    from auditor.lectura.patrones import Patron, _arbol_de_frases

    assert _arbol_de_frases([patron_de_frase("hola mundo"), Patron("otra", re.compile("o+tra"))]) is None
    assert _arbol_de_frases([patron_de_frase("x" * 300)]) is None


@settings(max_examples=500, derandomize=True, database=None, deadline=None)
@given(st.text(st.one_of(st.sampled_from(list("0123456789.,;: \n\t$%abcÁñ_-()¿?٣²")), st.characters()), max_size=40))
def test_las_palabras_primero_no_cambian_los_tokens(texto: str) -> None:
    import re

    from auditor.lectura.conteos import _NUMERO, _TOKEN_CON_BLANCO

    numeros_primero = re.compile(rf"\s*(?:{_NUMERO}|[^\W\d_]+|\S)")  # the order the expression had
    assert _TOKEN_CON_BLANCO.findall(texto) == numeros_primero.findall(texto)
