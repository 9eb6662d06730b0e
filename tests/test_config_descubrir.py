"""Configuration discovery: auditor.yaml or [tool.auditor] in pyproject.toml, nearest first; errors with lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor import idioma
from auditor.configuracion import ErrorConfiguracion
from auditor.configuracion.configuracion import buscar_configuracion, cargar_configuracion
from auditor.configuracion.pyproject import mapa_de_lineas

from .conftest import RAIZ
from .conftest import correr as _correr

LIMPIO = RAIZ / "fixtures" / "limpio_cultura_2024_2025.yaml"
FRONTERAS = RAIZ / "fixtures" / "fronteras_2024.yaml"

PYPROJECT = """\
[project]
name = "informes-oficina"

[tool.ruff]
line-length = 100

[tool.auditor]
idioma = "es"
falla_en = "advertencia"

[tool.auditor.reglas]
INV001 = false
BEN002 = {severidad = "error"}
PCT002 = {parametros = {tolerancia = 30}}
"""


@pytest.fixture(autouse=True)
def _idioma_por_defecto() -> Iterator[None]:
    yield
    idioma.usar(idioma.POR_DEFECTO)



def test_pyproject_se_encuentra_hacia_arriba_y_aplica(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    sub = tmp_path / "informes" / "2024"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert buscar_configuracion(Path.cwd()) == (tmp_path / "pyproject.toml").resolve()
    codigo, salida, _ = _correr("check", str(FRONTERAS), "--format", "json")
    reglas = {(f["rule"], f["meta"], f["severity"]) for f in json.loads(salida)["findings"]}
    assert not any(r == "INV001" for r, _, _ in reglas)
    assert ("BEN002", "80", "error") in reglas
    assert not any(r == "PCT002" for r, _, _ in reglas)
    assert codigo == 1


def test_pyproject_sin_tabla_no_detiene_la_busqueda(tmp_path: Path) -> None:
    (tmp_path / "auditor.yaml").write_text("reglas:\n  INV001: false\n", encoding="utf-8")
    proyecto = tmp_path / "proyecto"
    proyecto.mkdir()
    (proyecto / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.ruff]\nline-length = 90\n', encoding="utf-8")
    assert buscar_configuracion(proyecto) == (tmp_path / "auditor.yaml").resolve()


def test_la_mas_cercana_gana(tmp_path: Path) -> None:
    (tmp_path / "auditor.yaml").write_text("idioma: en\n", encoding="utf-8")
    hijo = tmp_path / "hijo"
    hijo.mkdir()
    (hijo / "pyproject.toml").write_text('[tool.auditor]\nidioma = "es"\n', encoding="utf-8")
    assert buscar_configuracion(hijo / ".") == (hijo / "pyproject.toml").resolve()
    assert cargar_configuracion(buscar_configuracion(hijo)).idioma == "es"


def test_las_dos_en_el_mismo_directorio_es_un_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "auditor.yaml").write_text("idioma: es\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.auditor]\nidioma = "es"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    codigo, salida, error = _correr("check", str(LIMPIO))
    assert codigo == 2 and salida == ""
    assert error == (f"auditor: error: {tmp_path.resolve()}: hay dos configuraciones en este directorio: auditor.yaml y la tabla "
                     "[tool.auditor] de pyproject.toml; deje solo una (o elija una con --config)\n")
    # --config chooses one and skips the search
    assert _correr("check", str(LIMPIO), "--config", "pyproject.toml")[0] == 0


@pytest.mark.parametrize(
    ("contenido", "esperado"),
    [
        ('[tool.auditor]\nidioma = "es"\nregla = 1\n', "pyproject.toml:3: clave desconocida 'regla'; ¿quiso decir 'reglas'?"),
        ('[tool.auditor.reglas]\nEST003 = false\nINV01 = false\n', "pyproject.toml:3: regla desconocida 'INV01'; ¿quiso decir 'INV001'?"),
        ('[tool.auditor]\nidioma = "es"\n\n[tool.auditor.reglas.PCT002]\nparametros = {toleranca = 1}\n',
         "pyproject.toml:5: regla PCT002, parámetro 'toleranca': parámetro desconocido"),
        ('[tool.auditor]\nreglas.PCT004.severidad = "alta"\n',
         "pyproject.toml:2: reglas.PCT004.severidad: valor no permitido 'alta'; se espera uno de: error, warning, info"),
        ('[tool.auditor]\nidioma = "fr"\n', "pyproject.toml:2: idioma: valor no permitido 'fr'; se espera uno de: es, en"),
        ('[tool.auditor]\nfalla_en = "grave"\n', "pyproject.toml:2: falla_en: valor no permitido 'grave'"),
        # the reason itself is tomllib's (tomli's on 3.10) and may change: ours is the file, line and column
        ('[project]\nname = "x"\n\n[tool.auditor]\nidioma = \n', "pyproject.toml:5: TOML no válido: "),
        ('tool.auditor.directorios_reglas = "reglas"\n', "pyproject.toml:1: directorios_reglas:"),
    ],
)
def test_errores_en_pyproject_nombran_archivo_y_linea(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, contenido: str,
                                                     esperado: str) -> None:
    (tmp_path / "pyproject.toml").write_text(contenido, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    codigo, salida, error = _correr("check", str(LIMPIO))
    assert codigo == 2 and salida == ""
    assert esperado in error, error
    if "TOML no válido" in esperado:
        assert error.endswith(" (columna 10)\n"), error
    assert error.startswith(f"auditor: error: {tmp_path.resolve() / 'pyproject.toml'}:")
    assert "Traceback" not in error


def test_config_explicita_sin_tabla(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ErrorConfiguracion, match="no tiene una tabla"):
        cargar_configuracion(tmp_path / "pyproject.toml")


def test_mapa_de_lineas_de_toml() -> None:
    mapa = mapa_de_lineas(PYPROJECT + '\n[[tool.otro]]\nreglas = 1\n[tool]\nauditor.directorios_reglas = ["x"]\n')
    assert mapa.linea(()) == 7
    assert mapa.linea(("falla_en",)) == 9
    assert mapa.linea_clave(("reglas", "INV001")) == 12
    assert mapa.linea(("reglas", "PCT002", "parametros", "tolerancia")) == 14
    assert mapa.linea(("reglas", "PCT002", "parametros", "otra")) == 14  # absent: closest ancestor
    assert mapa.linea(("directorios_reglas",)) == 19
    assert ("reglas",) in mapa.lineas and mapa.lineas[("reglas",)] == 11  # [[tool.otro]] reglas is not ours


def test_reglas_y_directorios_vacios_son_validos(tmp_path: Path) -> None:
    (tmp_path / "auditor.yaml").write_text("reglas:\n  # EST003: false\ndirectorios_reglas:\n", encoding="utf-8")
    configuracion = cargar_configuracion(tmp_path / "auditor.yaml")
    assert configuracion.ajustes == {} and configuracion.directorios_reglas == []


def test_falla_en_de_la_configuracion_y_la_linea_de_comandos_manda(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "auditor.yaml").write_text("falla_en: nunca\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _correr("check", str(FRONTERAS), "--format", "json")[0] == 0
    assert _correr("check", str(FRONTERAS), "--format", "json", "--fail-on", "error")[0] == 1
    (tmp_path / "auditor.yaml").write_text("falla_en: info\n", encoding="utf-8")
    # the clean report has no finding at all: still 0
    assert _correr("check", str(LIMPIO), "--format", "json")[0] == 0


def test_idioma_de_la_configuracion_y_lang_manda(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "auditor.yaml").write_text("idioma: en\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _correr("check", str(LIMPIO), "--statistics")[1] == "Total: 0 findings\n"
    assert _correr("check", str(LIMPIO), "--statistics", "--lang", "es")[1] == "Total: 0 hallazgos\n"
    (tmp_path / "auditor.yaml").write_text("idioma: es\n", encoding="utf-8")
    assert _correr("check", str(LIMPIO), "--statistics")[1] == "Total: 0 hallazgos\n"
