"""Configuration numbers are finite and in range; configuration files and rule folders are regular files and
folders of bounded size: each bad value or path is refused with a message naming the file, the key and what was
expected, status 2, before any report is read."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from auditor.configuracion.configuracion import _no_finitos
from auditor.reglas import declarativas
from auditor.reglas.catalogo import ErrorReglas

from .conftest import FIXTURES, correr

INFORME = str(FIXTURES / "limpio_cultura_2024_2025.yaml")


def _con_configuracion(tmp_path: Path, texto: str, *opciones: str) -> tuple[int, str, str]:
    (tmp_path / "auditor.yaml").write_text(texto, encoding="utf-8")
    return correr("check", INFORME, "--format", "json", "--config", str(tmp_path / "auditor.yaml"), *opciones)


@pytest.mark.parametrize(("valor", "escrito"), [
    (".inf", ".inf"), ("1e400", ".inf"), ("-.inf", "-.inf"), (".nan", ".nan"), ("0", "0.0"), ("-1", "-1.0"), ("2000", "2000.0"),
])
def test_tamano_maximo_fuera_de_rango(tmp_path: Path, valor: str, escrito: str) -> None:
    codigo, salida, error = _con_configuracion(tmp_path, f"idioma: es\ntamano_maximo_mb: {valor}\n")
    assert (codigo, salida) == (2, "")
    assert error == (f"auditor: error: {tmp_path / 'auditor.yaml'}:2: tamano_maximo_mb: se esperaba un número finito de MB, "
                     f"mayor que 0 y menor o igual que 1024 (se encontró {escrito})\n")


def test_tamano_maximo_en_rango_se_acepta(tmp_path: Path) -> None:
    codigo, _, error = _con_configuracion(tmp_path, "tamano_maximo_mb: 1024\n")
    assert (codigo, error) == (0, "")


@pytest.mark.parametrize(("regla", "parametro", "valor", "esperado"), [
    ("PCT002", "tolerancia", "1e400", "mayor o igual que 0 y menor o igual que 100 (se encontró 1e400)"),
    ("PCT002", "tolerancia", ".inf", "mayor o igual que 0 y menor o igual que 100 (se encontró .inf)"),
    ("PCT002", "tolerancia", "-1", "mayor o igual que 0 y menor o igual que 100 (se encontró -1)"),
    ("PCT004", "umbral", ".nan", "mayor o igual que 0 y menor o igual que 100 (se encontró .nan)"),
    ("PCT004", "umbral", "500", "mayor o igual que 0 y menor o igual que 100 (se encontró 500)"),
    ("DUP001", "umbral", ".nan", "mayor que 0 y menor o igual que 1 (se encontró .nan)"),
    ("LUG001", "similitud_minima", ".inf", "mayor o igual que 0.5 y menor o igual que 1 (se encontró .inf)"),
    ("TOT001", "redondeo", ".inf", "mayor o igual que 0 y menor o igual que 10 (se encontró .inf)"),
])
def test_parametro_no_finito_o_fuera_de_rango(tmp_path: Path, regla: str, parametro: str, valor: str, esperado: str) -> None:
    codigo, salida, error = _con_configuracion(tmp_path, f"reglas:\n  {regla}:\n    parametros:\n      {parametro}: {valor}\n")
    assert (codigo, salida) == (2, "")
    assert error.startswith(f"auditor: error: {tmp_path / 'auditor.yaml'}:4: regla {regla}, parámetro '{parametro}': "
                            f"se esperaba un número finito {esperado} (parámetros válidos: "), error


def test_el_mensaje_en_ingles(tmp_path: Path) -> None:
    codigo, _, error = _con_configuracion(tmp_path, "tamano_maximo_mb: .inf\n", "--lang", "en")
    assert codigo == 2
    assert error.endswith("tamano_maximo_mb: expected a finite number of MB, greater than 0 and at most 1024 (found .inf)\n")
    codigo, _, error = _con_configuracion(tmp_path, "reglas: {PCT004: {parametros: {umbral: .nan}}}\n", "--lang", "en")
    assert "rule PCT004, parameter 'umbral': expected a finite number at least 0 and at most 100 (found .nan)" in error


def test_los_numeros_no_finitos_de_los_parametros_se_encuentran_donde_esten() -> None:
    """The net under every parameter, bounded or not (a rule added later without bounds is still covered)."""
    valores = {"a": 1.0, "b": [2.0, math.inf], "c": {"d": math.nan, "e": "x"}, "f": -math.inf}
    encontrados = [(ruta, str(valor)) for ruta, valor in _no_finitos(valores)]
    assert encontrados == [(("b", 1), "inf"), (("c", "d"), "nan"), (("f",), "-inf")]


def test_configuracion_que_es_una_tuberia(tmp_path: Path) -> None:
    tuberia = tmp_path / "auditor.yaml"
    os.mkfifo(tuberia)
    codigo, salida, error = correr("check", INFORME, "--config", str(tuberia))
    assert (codigo, salida) == (2, "")
    assert error == f"auditor: error: {tuberia}: no es un archivo regular (¿una tubería, un dispositivo o un socket?): no se lee\n"


@pytest.mark.parametrize("nombre", ["auditor.yaml", "pyproject.toml"])
def test_configuracion_descubierta_que_es_una_tuberia(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nombre: str) -> None:
    """Not skipped as if absent (the run would go on without the office's settings), nor read (it would block)."""
    os.mkfifo(tmp_path / nombre)
    monkeypatch.chdir(tmp_path)
    codigo, salida, error = correr("check", INFORME)
    assert (codigo, salida) == (2, "")
    assert error == f"auditor: error: {tmp_path / nombre}: no es un archivo regular (¿una tubería, un dispositivo o un socket?): no se lee\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="sin /dev/zero")
def test_configuracion_descubierta_que_es_un_dispositivo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "auditor.yaml").symlink_to("/dev/zero")
    monkeypatch.chdir(tmp_path)
    codigo, _, error = correr("rules")
    assert codigo == 2 and "auditor.yaml: no es un archivo regular" in error


def test_reglas_con_una_tuberia_yaml(tmp_path: Path) -> None:
    (tmp_path / "reglas").mkdir()
    os.mkfifo(tmp_path / "reglas" / "propias.yaml")
    codigo, _, error = correr("rules", "--rules", str(tmp_path / "reglas"))
    assert codigo == 2
    assert error == (f"auditor: error: {tmp_path / 'reglas' / 'propias.yaml'}: no es un archivo regular "
                     "(¿una tubería, un dispositivo o un socket?): no se lee\n")


def test_directorio_de_reglas_con_demasiadas_entradas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(declarativas, "ENTRADAS_MAXIMAS", 5)
    for i in range(5):
        (tmp_path / f"notas{i}.txt").write_text("x", encoding="utf-8")
    assert declarativas._archivos_yaml(tmp_path) == []
    (tmp_path / "otra").mkdir()
    with pytest.raises(ErrorReglas) as error:
        declarativas._archivos_yaml(tmp_path)
    assert str(error.value) == f"{tmp_path}: el directorio de reglas tiene más de 5 archivos y carpetas: no se lee (¿es el directorio correcto?)"


def test_directorio_de_reglas_con_demasiados_archivos_o_megas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(3):
        (tmp_path / f"r{i}.yaml").write_text("reglas:\n" + "#" * 1000 + "\n", encoding="utf-8")
    assert len(declarativas._archivos_yaml(tmp_path)) == 3
    monkeypatch.setattr(declarativas, "ARCHIVOS_MAXIMOS", 2)
    with pytest.raises(ErrorReglas) as error:
        declarativas._archivos_yaml(tmp_path)
    assert str(error.value) == f"{tmp_path}: el directorio de reglas tiene más de 2 archivos YAML: no se lee (¿es el directorio correcto?)"
    monkeypatch.setattr(declarativas, "ARCHIVOS_MAXIMOS", 1000)
    monkeypatch.setattr(declarativas, "MB_MAXIMOS", 0.002)
    with pytest.raises(ErrorReglas) as error:
        declarativas._archivos_yaml(tmp_path)
    assert str(error.value) == f"{tmp_path}: los archivos YAML del directorio de reglas suman más de 0.002 MB: no se leen"
