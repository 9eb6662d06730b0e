"""The language of the output: Spanish templates are the keys, English is looked up."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from auditor import idioma


@pytest.fixture(autouse=True)
def _restaurar() -> Iterator[None]:
    yield
    idioma.usar(idioma.POR_DEFECTO)


def test_espanol_por_defecto_formatea_la_plantilla() -> None:
    assert idioma.actual() == "es"
    assert idioma.tr("{n} metas", n=3) == "3 metas"


def test_ingles_usa_la_traduccion_y_sin_ella_deja_el_espanol(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(idioma.catalogo("en"), "{n} metas", "{n} goals")
    idioma.usar("en")
    assert idioma.tr("{n} metas", n=3) == "3 goals"
    assert idioma.tr("sin traducir {x}", x=1) == "sin traducir 1"


def test_idioma_desconocido() -> None:
    with pytest.raises(idioma.IdiomaDesconocido, match="disponibles: es, en"):
        idioma.usar("fr")
