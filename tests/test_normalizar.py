"""normalizar_con_indices: the fast way (str.translate, one index per word) gives what the character by
character way gives, for any white space and any characters."""

from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.lectura.patrones import _Indices, _normalizar_con_indices_por_caracter, normalizar_con_indices

_CARACTERES = st.one_of(st.sampled_from(list("ab É\u00a0\t\n\r\x1c\x85\u2028\u3000ñ,.1¨ﬁ")), st.characters(blacklist_categories=("Cs",)))


@settings(max_examples=500, derandomize=True, database=None, deadline=None)
@given(st.text(_CARACTERES, max_size=30))
def test_la_via_rapida_da_lo_mismo_que_caracter_por_caracter(texto: str) -> None:
    normal, indices = normalizar_con_indices.__wrapped__(texto)
    esperado, esperados = _normalizar_con_indices_por_caracter(texto)
    assert (normal, list(indices)) == (esperado, esperados)
    assert [indices[-k] for k in range(1, len(esperados) + 1)] == [esperados[-k] for k in range(1, len(esperados) + 1)]
    if isinstance(indices, _Indices):  # the lazy indices find a source index's position as bisect on the list
        assert [indices.posicion(i) for i in range(-1, len(texto) + 2)] == [bisect.bisect_left(esperados, i) for i in range(-1, len(texto) + 2)]


def test_casos() -> None:
    normal, indices = normalizar_con_indices("Año  2024\n\nde")
    assert (normal, list(indices)) == ("ano 2024 de", [0, 1, 2, 3, 5, 6, 7, 8, 9, 11, 12])
    assert list(normalizar_con_indices("día")[1]) == [0, 1, 2]
    normal, indices = normalizar_con_indices("  ")
    assert (normal, list(indices)) == ("", [])
