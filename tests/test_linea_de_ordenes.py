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
    assert "Usage: main check [OPTIONS] [PATHS]..." in error and "No such option '--formt'" in error
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
    assert "-V, --version   Muestra la versión y termina." in general
    ingles = correr("--help", "--lang", "en")  # --lang before the command too
    assert ingles[0] == 0 and "Usage: main [OPTIONS] COMMAND [ARGS]..." in ingles[1] and "Show the version and exit." in ingles[1]


def _ayudas_de_check() -> list[str]:
    """Every help text of `check` as written in Spanish (its description, examples, each option's help)."""
    from auditor.cli import check

    textos = [clic.en_espanol(check, "help"), clic.en_espanol(check, "epilog")]
    textos += [clic.en_espanol(p, "help") for p in check.params]
    return [t for t in textos if t]


def _plano(texto: str) -> str:
    return " ".join(texto.replace("\b", "").split())


@pytest.mark.parametrize("como", ["antes de la orden", "en la orden", "AUDITOR_LANG", "idioma: en"])
def test_la_ayuda_de_check_en_ingles_no_tiene_lineas_en_espanol(como: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    argumentos = {"antes de la orden": ["--lang", "en", "check", "--help"], "en la orden": ["check", "--lang", "en", "--help"]}
    if como == "AUDITOR_LANG":
        monkeypatch.setenv("AUDITOR_LANG", "en")
    elif como == "idioma: en":
        (tmp_path / "auditor.yaml").write_text("idioma: en\n", encoding="utf-8")
    codigo, salida, _ = correr(*argumentos.get(como, ["check", "--help"]))
    assert codigo == 0 and salida.startswith("Usage: main check [OPTIONS] [PATHS]...")
    plana = _plano(salida)
    ayudas = _ayudas_de_check()
    assert len(ayudas) >= 18
    en_espanol = [t[:40] for t in ayudas if _plano(t)[:40] in plana]
    assert en_espanol == []
    for frase in ("Audits the reports in PATHS", "Write the report to this file (atomically)", "One finding per line",
                  "Language of the messages: es or en", "Leave out of directory walks", "--exclude PATTERN",
                  "--stdin-filename NAME", "--anotar PATH", "Examples:", "cat report.yaml | auditor check -",
                  "rich: report on the terminal; text: table without color for logs"):
        assert frase in plana, frase
    espanolas = {"de", "la", "los", "las", "el", "del", "por", "con", "que", "se", "una", "un", "lee", "sin", "cada"}
    palabras = {p.strip(".,;:()'") for linea in salida.splitlines() if "[es|en]" not in linea for p in linea.split()}
    assert palabras & espanolas == set()


def test_la_ayuda_de_check_en_espanol_no_cambia() -> None:
    codigo, salida, _ = correr("check", "--help")
    assert codigo == 0 and salida.startswith("Uso: main check [OPCIONES] [RUTAS]...")
    plana = _plano(salida)
    assert [t[:60] for t in _ayudas_de_check() if _plano(t) not in plana] == []
    assert "  --exclude PATRON                Omite en los recorridos de directorios lo que\n" in salida
    assert "    auditor check                              el directorio actual (sin lo que ignora git)" in salida
    assert "Audits" not in salida and "Options:" not in salida


def test_la_ayuda_se_traduce_al_mostrarse_no_al_importar() -> None:
    from auditor.cli import check

    clic.instalar("es")
    opcion = next(p for p in check.params if p.name == "salida")
    assert opcion.help == "Escribe el informe en este archivo (de forma atómica) en lugar de la salida estándar."
    clic.instalar("en")  # as the command line does before Click parses it
    try:
        assert opcion.help == "Write the report to this file (atomically) instead of standard output."
        assert check.help is not None and check.help.startswith("Audits the reports in PATHS")
        assert clic.en_espanol(opcion, "help") == "Escribe el informe en este archivo (de forma atómica) en lugar de la salida estándar."
    finally:
        clic.instalar("es")


def test_lang_antes_de_la_orden_elige_el_idioma_de_la_ejecucion(monkeypatch: pytest.MonkeyPatch) -> None:
    _, salida, _ = correr("--lang", "en", "check", str(FIXTURES / "fronteras_2024.yaml"), "-q", "--select", "PCT002")
    assert ":67: error PCT002 target 660 · avance_cuatrienio: The declared four-year progress" in salida
    monkeypatch.setenv("AUDITOR_LANG", "es")  # the command line wins over the environment
    assert "target 660" in correr("--lang", "en", "check", str(FIXTURES / "fronteras_2024.yaml"), "-q", "--select", "PCT002")[1]
    _, salida, _ = correr("--lang", "en", "check", str(FIXTURES / "fronteras_2024.yaml"), "-q", "--select", "PCT002", "--lang", "es")
    assert "meta 660" in salida  # the command's own --lang is the nearest


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
