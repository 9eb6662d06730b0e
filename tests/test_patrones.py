"""Pattern sets: one alternation of the phrases says when none is in a text, and the scan skips them;
the answer is the same as trying each pattern in order."""

from __future__ import annotations

import pytest

from auditor.lectura.patrones import ConjuntoPatrones, PatronLento, patron_de_frase, patron_de_regex


def _conjunto() -> ConjuntoPatrones:
    return ConjuntoPatrones("prueba", "", [
        patron_de_frase("Indicar municipios"),
        patron_de_regex(r"x{3,}"),
        patron_de_frase("N/A", completo=True),
        patron_de_frase("por definir"),
    ])


@pytest.mark.parametrize(("texto", "esperado"), [
    ("Indicar municipios-subregiones donde se ejecutó", "Indicar municipios"),  # a phrase: found through the alternation
    ("Se invirtieron $ xxxx millones", r"x{3,}"),  # no phrase: the user's regex is still tried
    (" N/A. ", "N/A"),  # whole-field phrases are tried one by one
    ("valor por definir y xxx", r"x{3,}"),  # both present: the first pattern of the list wins, not the leftmost match
    ("Se realizaron 3 ferias en Cúcuta", None),
])
def test_el_primer_patron_de_la_lista_que_aparece(texto: str, esperado: str | None) -> None:
    hallado = _conjunto().buscar(texto)
    assert (hallado.patron.fuente if hallado else None) == esperado
    uno_por_uno = next((p.fuente for p in _conjunto().patrones if ConjuntoPatrones("uno", "", [p]).buscar(texto)), None)
    assert uno_por_uno == esperado


def test_el_prefiltro_se_rehace_cuando_el_conjunto_crece() -> None:
    conjunto = _conjunto()
    assert conjunto.buscar("dato pendiente de reportar") is None
    conjunto.patrones.append(patron_de_frase("pendiente de reportar"))  # as a rule file adds phrases to a set
    hallado = conjunto.buscar("dato pendiente de reportar")
    assert hallado is not None and (hallado.inicio, hallado.fin) == (5, 26)


def test_una_expresion_lenta_sigue_deteniendose() -> None:
    """A pattern RE2 refuses (\\Z, which it lacks) keeps the `regex` engine and its time limit."""
    conjunto = ConjuntoPatrones("lento", "", [patron_de_frase("nada de esto"), patron_de_regex(r"(a|aa)+\Z")])
    assert conjunto.patrones[1].lineal is None
    with pytest.raises(PatronLento):
        conjunto.buscar("a" * 60 + "b")


def test_un_patron_con_banderas_o_referencias_no_entra_en_la_alternativa() -> None:
    from auditor.lectura.patrones import _combinable

    assert _combinable(patron_de_regex(r"\bretras")) and _combinable(patron_de_regex(r"^no aplica\b"))
    assert _combinable(patron_de_frase("¿(entre paréntesis)?"))
    assert not _combinable(patron_de_regex("(?x) zz")) and not _combinable(patron_de_regex(r"(a)\1"))
    assert not _combinable(patron_de_regex(r"(?P<n>x)")) and not _combinable(patron_de_frase("N/A", completo=True))
    # inside an alternation a back-reference would point to another pattern's group: '(a)\1' would never be found
    conjunto = ConjuntoPatrones("referencias", "", [patron_de_regex("(b)x"), patron_de_regex(r"(a)\1")])
    hallado = conjunto.buscar("texto con aa")
    assert hallado is not None and hallado.patron.fuente == r"(a)\1"
