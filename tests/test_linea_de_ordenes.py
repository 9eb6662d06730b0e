"""The command line speaks Spanish (Click's own words too), English with --lang en, AUDITOR_LANG or idioma: en;
usage errors exit with 2; -o says what it wrote; text that fits no field of the template is a finding, not a failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor import clic

from .conftest import FIXTURES, RAIZ, correr

LIMPIO = str(FIXTURES / "limpio_cultura_2024_2025.yaml")


@pytest.fixture(autouse=True)
def _sin_idioma_del_entorno(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("AUDITOR_LANG", raising=False)
    monkeypatch.chdir(tmp_path)  # no auditor.yaml above with an idioma


def test_un_error_de_uso_en_espanol_con_estado_2() -> None:
    codigo, salida, error = correr("check", "--formt", "json")
    assert codigo == 2 and salida == ""
    assert "Uso: main check [OPCIONES] [RUTAS]..." in error  # CliRunner names the program 'main'
    assert "Pruebe 'main check --help' para ver la ayuda." in error
    assert "Error: Opción desconocida '--formt'. ¿Quiso decir '--format'?" in error
    assert "Usage" not in error and "No such option" not in error


def test_y_en_ingles_con_lang_en_aun_antes_de_leer_la_opcion() -> None:
    codigo, _, error = correr("check", "--formt", "json", "--lang", "en")
    assert codigo == 2
    assert "Usage: main check [OPTIONS] [RUTAS]..." in error and "No such option '--formt'" in error
    assert "Try 'main check --help' for help." in error
    codigo, _, error = correr("check", "--format", "jsn", "--lang=en")
    assert codigo == 2 and "Invalid value for '--format'" in error
    codigo, _, error = correr("check", "--format", "jsn")  # the next run is Spanish again
    assert codigo == 2 and "Valor no válido para '--format': 'jsn' no es ninguno de 'rich'" in error


def test_auditor_lang_y_la_configuracion_eligen_el_ingles(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AUDITOR_LANG", "en")
    assert "No such option" in correr("check", "--formt")[2]
    monkeypatch.delenv("AUDITOR_LANG")
    (tmp_path / "auditor.yaml").write_text("idioma: en\n", encoding="utf-8")
    assert "No such option" in correr("check", "--formt")[2]
    assert "Opción desconocida" in correr("check", "--formt", "--lang", "es")[2]  # the command line wins
    (tmp_path / "auditor.yaml").write_text("idioma: [roto\n", encoding="utf-8")
    assert "Opción desconocida" in correr("check", "--formt")[2]  # unreadable: Spanish (the run says why)


def test_la_ayuda_en_espanol_con_ejemplos() -> None:
    codigo, salida, _ = correr("check", "--help")
    assert codigo == 0
    for palabra in ("Uso: main check [OPCIONES] [RUTAS]...", "Opciones:", "Muestra esta ayuda y termina.", "Ejemplos:",
                    "cat informe.yaml | auditor check -", "--exclude PATRON", "--stdin-filename NOMBRE"):
        assert palabra in salida
    general = correr("--help")[1]
    assert "Uso: main [OPCIONES] ORDEN [ARGUMENTOS]..." in general and "Órdenes:" in general
    ingles = correr("--help", "--lang", "en")  # --lang is no option of the group: the error itself is in English
    assert ingles[0] == 2 and "Usage:" in ingles[2]


@pytest.mark.parametrize("argumentos", [
    ["check", "--formt", "json"],
    ["check", "--format", "jsn"],
    ["check", "-j", "x"],
    ["orden-que-no-existe"],
    ["check", "--stdin-filename", "x.json"],
    ["check", LIMPIO, "--statistics", "--format", "sarif"],
    ["check", LIMPIO, "--exclude", ""],
    ["check", "-", "--anotar", "copia.docx"],
    ["summary", "--formt", "csv"],
])
def test_los_errores_de_uso_salen_con_2(argumentos: list[str]) -> None:
    codigo, salida, error = correr(*argumentos)
    assert (codigo, salida) == (2, "") and error


def test_o_confirma_lo_que_escribio(tmp_path: Path) -> None:
    destino = tmp_path / "hallazgos.json"
    codigo, salida, error = correr("check", str(FIXTURES / "fronteras_2024.yaml"), "--format", "json", "-o", str(destino))
    n = len(json.loads(destino.read_text(encoding="utf-8"))["findings"])
    assert codigo == 1 and salida == "" and error == f"auditor: {n} hallazgos escritos en {destino}\n"
    codigo, _, error = correr("summary", LIMPIO, "--format", "csv", "-o", str(tmp_path / "m.csv"), "--lang", "en")
    assert codigo == 0 and error == f"auditor: matrix of 1 reports written to {tmp_path / 'm.csv'}\n"


def test_quiet_conserva_archivo_linea_y_dice_la_meta() -> None:
    _, salida, _ = correr("check", str(FIXTURES / "fronteras_2024.yaml"), "-q", "--select", "PCT002")
    assert salida.startswith(f"{FIXTURES / 'fronteras_2024.yaml'}:67: error PCT002 meta 660 · avance_cuatrienio: ")
    _, salida, _ = correr("check", str(FIXTURES / "fronteras_2024.yaml"), "-q", "--select", "PCT002", "--lang", "en")
    assert ":67: error PCT002 target 660 · avance_cuatrienio: " in salida


def test_texto_sin_lugar_en_la_plantilla_es_un_hallazgo_no_una_falla(tmp_path: Path) -> None:
    borrador = tmp_path / "borrador.txt"
    borrador.write_text("Rendición de Cuentas 2025\n\nSecretaría de Prueba\n\nGobernación de Norte de Santander\n\nNoviembre de 2025\n\n"
                        "Plan de Desarrollo 2024-2027\n\nMeta # 1 Ferias de emprendimiento\t\t\nTexto suelto sin pregunta\t"
                        "¿Cuánto se invirtió? $ 10 millones de pesos de recursos propios\t¿Qué población se atendió? 30 personas\n",
                        encoding="utf-8")
    codigo, salida, _ = correr("check", str(borrador), "--format", "json", "--fail-on", "never")
    assert codigo == 0
    assert "ENT004" in {f["rule"] for f in json.loads(salida)["findings"]}


def test_en_un_proceso_aparte() -> None:
    env = {k: v for k, v in os.environ.items() if k != "AUDITOR_LANG"}
    env.update(PYTHONPATH=str(RAIZ / "src"), PYTHONIOENCODING="utf-8")
    hecho = subprocess.run([sys.executable, "-m", "auditor", "check", "--formt", "json"], capture_output=True, text=True,
                           encoding="utf-8", env=env, check=False)
    assert hecho.returncode == 2 and "Opción desconocida" in hecho.stderr and "Uso: auditor check [OPCIONES]" in hecho.stderr


def test_idioma_de_la_linea() -> None:
    assert clic.idioma_de(["check", "--lang", "en"]) == "en"
    assert clic.idioma_de(["check", "--lang=en", "--lang", "es"]) == "es"
    assert clic.idioma_de(["check", "--", "--lang", "en"]) == "es"
    assert clic.idioma_de(["check", "--lang", "fr"]) == "es"


def test_el_idioma_no_se_busca_en_un_dispositivo() -> None:
    codigo, _, error = correr("rules", "--config", "/dev/zero")  # read whole, /dev/zero would never end
    assert codigo == 2 and "no es un archivo regular" in error
