"""Nesting deeper than 64 levels is refused in the auditor's words, whatever the YAML library does.

PyYAML 6.0.4's libyaml refuses 1 000 levels itself ('exceeded maximum nesting depth') and its scanner
reads ahead of the events, so a '[[[[…' file once came out with libyaml's message instead of ours.
These tests assert our behaviour only: the message is exactly ours, at the line where the 65th
collection opens, for flow and block nesting, on both sides of libyaml's limit and far past it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from auditor import idioma
from auditor.lectura.fuente import _PROFUNDIDAD_MAXIMA, ErrorFuente, _cota_de_anidamiento, leer_documento

LIMITE = _PROFUNDIDAD_MAXIMA  # 64
NUESTRO = f"anidamiento de más de {LIMITE} niveles"


def corchetes(n: int) -> tuple[str, int]:
    return "[" * n + "]" * n + "\n", 1


def llaves(n: int) -> tuple[str, int]:
    return "{a: " * n + "1" + "}" * n + "\n", 1


def pares_en_lista(n: int) -> tuple[str, int]:
    """'[a: [a: …]]': each entry 'a: v' of a flow sequence is a mapping of its own (two levels per '[')."""
    return "[a: " * (n // 2) + ("[1]" if n % 2 else "1") + "]" * (n // 2) + "\n", 1


def mapas_en_bloque(n: int) -> tuple[str, int]:
    return "".join(" " * i + "a:\n" for i in range(n)) + " " * n + "1\n", LIMITE + 1


def listas_en_bloque(n: int) -> tuple[str, int]:
    return "".join(" " * i + "-\n" for i in range(n - 1)) + " " * (n - 1) + "- x\n", LIMITE + 1


def listas_compactas(n: int) -> tuple[str, int]:
    return "- " * n + "x\n", 1


def listas_sin_sangria(n: int) -> tuple[str, int]:
    """'a:\\n- b:\\n  - c:' — a sequence shares its key's column: two levels per column."""
    pasos = (n - 1) // 2
    return "a:\n" + "".join("  " * i + "- b:\n" for i in range(pasos)) + "  " * pasos + "- x\n", LIMITE // 2 + 1


def bloque_y_luego_corchetes(n: int) -> tuple[str, int]:
    """40 block levels, then the rest in brackets on the last line, after a comment and CRLF line ends."""
    bloque = 40
    texto = "# informe\r\n" + "".join(" " * i + "a:\r\n" for i in range(bloque)) + " " * bloque + "b: "
    return texto + "[" * (n - bloque - 1) + "]" * (n - bloque - 1) + "\r\n", bloque + 2


FORMAS: dict[str, Callable[[int], tuple[str, int]]] = {
    f.__name__: f for f in (corchetes, llaves, pares_en_lista, mapas_en_bloque, listas_en_bloque, listas_compactas,
                            listas_sin_sangria, bloque_y_luego_corchetes)
}
# around our limit, around libyaml's (1 000 in PyYAML 6.0.4) and its look-ahead (1 024 characters), and far past them
PROFUNDIDADES = [LIMITE + 1, LIMITE + 2, 999, 1000, 1001, 1025, 5000]


def _profundidad(texto: str, cargador: Any) -> int:
    """The deepest nesting the parser's events reach before it stops (at the end, or at an error)."""
    profundidad = maxima = 0
    try:
        for evento in yaml.parse(texto, Loader=cargador):
            if isinstance(evento, yaml.CollectionStartEvent):
                profundidad += 1
                maxima = max(maxima, profundidad)
            elif isinstance(evento, yaml.CollectionEndEvent):
                profundidad -= 1
    except yaml.YAMLError:
        pass
    return maxima


@pytest.mark.parametrize("forma", FORMAS)
def test_el_limite_mismo_se_lee(forma: str) -> None:
    texto, _ = FORMAS[forma](LIMITE)
    assert _profundidad(texto, yaml.SafeLoader) == LIMITE
    leer_documento(texto)


@pytest.mark.parametrize(("forma", "niveles"), [
    (forma, niveles) for forma in FORMAS for niveles in PROFUNDIDADES
    # indentation takes n² bytes: 1 025 levels already pass libyaml's limit
    if niveles <= 1025 or forma not in ("mapas_en_bloque", "listas_en_bloque", "listas_sin_sangria")
])
def test_mas_alla_del_limite_se_rechaza_con_nuestro_mensaje_y_linea(forma: str, niveles: int) -> None:
    texto, linea = FORMAS[forma](niveles)
    inicio = time.monotonic()
    with pytest.raises(ErrorFuente) as error:
        leer_documento(texto)
    assert (error.value.linea, error.value.mensaje) == (linea, NUESTRO)
    assert time.monotonic() - inicio < 2


def test_cien_mil_corchetes_en_ingles() -> None:
    idioma.usar("en")
    try:
        with pytest.raises(ErrorFuente) as error:
            leer_documento(corchetes(100_000)[0])
    finally:
        idioma.usar("es")
    assert (error.value.linea, error.value.mensaje) == (1, f"nesting deeper than {LIMITE} levels")


def test_un_error_de_sintaxis_despues_de_muchos_corchetes_sigue_siendo_de_sintaxis() -> None:
    """A text whose brackets could nest deeper than the limit, but do not, keeps its own error and line."""
    texto = "".join(f"m{i}: [a, b]\n" for i in range(80)) + 'ultimo: "sin cerrar\n'
    assert _cota_de_anidamiento(texto) > LIMITE
    with pytest.raises(ErrorFuente) as error:
        leer_documento(texto)
    assert error.value.linea == 81
    assert "anidamiento" not in error.value.mensaje


def test_libyaml_lee_los_niveles_que_aceptamos() -> None:
    """Our check refuses only past 64 levels and leaves shallower documents to libyaml: if a libyaml release
    refused 64 levels itself, its words would be the message again. This fails first, naming the cause."""
    for forma in FORMAS.values():
        texto, _ = forma(LIMITE)
        assert _profundidad(texto, yaml.CSafeLoader) == LIMITE, texto[:80]


# A YAML-ish text from pieces that open, close and indent collections, valid or not.
_PIEZAS = st.sampled_from(["- ", "? ", ": ", "a", "b: ", "[", "]", "{", "}", ", ", "\n", "  ", " ", "\t", "#", "'", '"',
                           "&x ", "*x", "!!seq ", "--- ", "\r\n", "\u2028", "|\n"])


@given(st.lists(_PIEZAS, max_size=60).map("".join))
def test_la_cota_nunca_queda_por_debajo_de_lo_que_alcanza_un_parser(texto: str) -> None:
    """The bound decides whether our event pass runs: it must never be below the depth any parser reaches."""
    cota = _cota_de_anidamiento(texto)
    assert cota >= _profundidad(texto, yaml.SafeLoader)
    assert cota >= _profundidad(texto, yaml.CSafeLoader)


def test_los_informes_reales_no_pagan_la_pasada_de_eventos() -> None:
    from .conftest import RAIZ

    for ruta in sorted((RAIZ / "fixtures").glob("*.yaml")):
        assert _cota_de_anidamiento(ruta.read_text(encoding="utf-8")) <= LIMITE, ruta.name
