"""The one text shortener: quotes cut to a length with an ellipsis, white space folded."""

from __future__ import annotations

from auditor.lectura.recorte import acortar


def test_un_texto_corto_queda_igual_en_una_linea() -> None:
    assert acortar("uno dos", 7) == "uno dos"
    assert acortar("  uno\n\tdos  ", 7) == "uno dos"
    assert acortar("", 5) == ""


def test_un_texto_largo_termina_en_elipsis_sin_pasar_el_limite() -> None:
    assert acortar("abcdefghij", 5) == "abcd…"
    assert len(acortar("palabra " * 50, 80)) == 80
    assert acortar("uno dos tres", 8) == "uno dos…"
    assert acortar("uno dos tres", 9) == "uno dos …"  # the cut falls after a space: kept


def test_pegada_junta_la_elipsis_a_la_ultima_palabra() -> None:
    assert acortar("uno dos tres", 9, pegada=True) == "uno dos…"
    assert acortar("uno dos tres", 8, pegada=True) == "uno dos…"
