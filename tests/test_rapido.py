"""Parallel files give the same bytes as one process, the benchmark's generator is
deterministic and its runner works, `auditor --version/--help` do not import the engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar
from auditor.motor.paralelo import MINIMO_BYTES, trabajos_efectivos

from .conftest import FIXTURES, RAIZ, SEEDS

sys.path.insert(0, str(RAIZ / "bench"))
import correr  # noqa: E402
import generar  # noqa: E402

FORMATOS_ARCHIVO = ("json", "text", "sarif", "junit", "github", "markdown", "csv", "html")


def _salida(rutas: list[str], formato: str, trabajos: str, destino: Path) -> bytes:
    resultado = CliRunner().invoke(main, ["check", *rutas, "--format", formato, "--output", str(destino), "--jobs", trabajos])
    assert resultado.exit_code in (1, 2), resultado.output
    return destino.read_bytes()


@pytest.mark.parametrize("formato", FORMATOS_ARCHIVO)
def test_dos_procesos_dan_los_mismos_bytes_que_uno(formato: str, tmp_path: Path) -> None:
    rutas = [str(FIXTURES)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    uno = _salida(rutas, formato, "1", tmp_path / "uno")
    dos = _salida(rutas, formato, "2", tmp_path / "dos")
    assert uno == dos
    assert b"desarrollo_economico_2024_2025.yaml" in uno and b"fronteras_2024.yaml" in uno


def test_un_archivo_ilegible_sigue_siendo_un_hallazgo_en_paralelo(tmp_path: Path) -> None:
    (tmp_path / "a_malo.yaml").write_text("entidad: [sin cerrar\n", encoding="utf-8")
    (tmp_path / "b_bueno.yaml").write_bytes((FIXTURES / "limpio_cultura_2024_2025.yaml").read_bytes())
    (tmp_path / "c_latin1.yaml").write_bytes("entidad: Gobernaci\xf3n\n".encode("latin-1"))
    uno = _salida([str(tmp_path)], "csv", "1", tmp_path / "uno.csv")
    dos = _salida([str(tmp_path)], "csv", "2", tmp_path / "dos.csv")
    assert uno == dos
    texto = uno.decode("utf-8-sig")
    assert "a_malo.yaml" in texto and "c_latin1.yaml" in texto and texto.count("ENT001") == 2


def test_el_progreso_se_llama_por_cada_archivo_en_paralelo(auditor: Auditor) -> None:
    llamadas: list[tuple[str, int, int]] = []
    resultado = auditar(auditor, [FIXTURES], al_avanzar=lambda a, h, t: llamadas.append((a, h, t)), trabajos=2)
    assert sorted(Path(a).name for a, _, _ in llamadas) == [
        "desarrollo_economico_2024_2025.yaml", "fronteras_2024.yaml", "limpio_cultura_2024_2025.yaml"]
    assert [(h, t) for _, h, t in llamadas] == [(1, 3), (2, 3), (3, 3)]
    assert [Path(r.archivo).name for r in resultado.informes] == [
        "desarrollo_economico_2024_2025.yaml", "fronteras_2024.yaml", "limpio_cultura_2024_2025.yaml"]
    assert resultado.total_hallazgos == 64


def test_cuantos_procesos(tmp_path: Path) -> None:
    pequeno = tmp_path / "p.yaml"
    pequeno.write_text("x: 1\n", encoding="utf-8")
    grande = tmp_path / "g.yaml"
    grande.write_text("x: " + "a" * MINIMO_BYTES + "\n", encoding="utf-8")
    assert trabajos_efectivos(4, [pequeno]) == 1  # one file: no pool
    assert trabajos_efectivos(None, [pequeno, pequeno]) == 1  # by default, a small run stays in-process
    assert trabajos_efectivos(2, [pequeno, pequeno]) == 2  # an explicit --jobs is obeyed
    assert trabajos_efectivos(1, [grande, grande]) == 1
    assert trabajos_efectivos(8, [grande, grande]) == 2  # never more workers than files


def test_el_generador_es_determinista(tmp_path: Path) -> None:
    assert generar.generar(tmp_path / "a", 70, semilla=3) == generar.generar(tmp_path / "b", 70, semilla=3)
    archivos_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    archivos_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.yaml"))
    assert archivos_a == archivos_b and len(archivos_a) >= 2
    for relativo in archivos_a:
        assert (tmp_path / "a" / relativo).read_bytes() == (tmp_path / "b" / relativo).read_bytes()
    generar.generar(tmp_path / "c", 70, semilla=4)
    archivos_c = sorted(p.relative_to(tmp_path / "c") for p in (tmp_path / "c").rglob("*.yaml"))
    assert archivos_c != archivos_a or any(
        (tmp_path / "c" / r).read_bytes() != (tmp_path / "a" / r).read_bytes() for r in archivos_a)  # the seed matters


def test_el_corpus_generado_se_audita_con_hallazgos(tmp_path: Path) -> None:
    archivos, metas = generar.generar(tmp_path / "corpus", 60)
    assert metas == 60
    resultado = CliRunner().invoke(main, ["check", str(tmp_path / "corpus"), "--format", "json", "--output", str(tmp_path / "s.json")])
    assert resultado.exit_code == 1, resultado.output
    import json

    datos = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert datos["summary"]["metas_audited"] == 60 and datos["summary"]["files"] == archivos
    assert {f["rule"] for f in datos["findings"]} >= {"PLH001", "SEC001"}
    assert not any(f["rule"] == "ENT002" for f in datos["findings"])  # the generated data is valid


def test_la_corrida_minima_del_benchmark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    md = tmp_path / "b.md"
    assert correr.main(["--tamanos", "50", "--jobs", "2", "--arranques", "2", "--markdown", str(md)]) == 0
    salida = capsys.readouterr().out.splitlines()
    assert salida[0].split("  ")[0].strip() == "metas"
    assert [c.strip() for c in salida[0].split("  ") if c.strip()] == [
        "metas", "archivos", "MB", "suelo s", "check s (1 proc.)", "check/suelo", "check s (2 proc.)", "aceleración",
        "metas/s (2 proc.)", "pico MB (1 proc.)", "pico MB (2 proc.)"]
    assert salida[2].split()[0] == "50"
    lineas = md.read_text(encoding="utf-8").splitlines()
    assert lineas[0].startswith("| metas | archivos | MB | suelo s |")
    assert lineas[2].startswith("| 50 | ")
    assert any(linea.startswith("Arranque (mediana de 2 ejecuciones): `auditor --version`") for linea in lineas)


def test_version_y_ayuda_no_cargan_el_motor() -> None:
    """`auditor --version` and `--help` must start fast: importing the command line loads none of
    pydantic, rich, yaml, tabulate, openpyxl or the engine (structural, not a timing)."""
    codigo = ("import sys, auditor.cli; print(sorted(m for m in ('pydantic', 'rich', 'yaml', 'tabulate', 'auditor.motor.auditoria', "
              "'auditor.modelo.informe', 'auditor.entrada.carga', 'openpyxl') if m in sys.modules))")
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, check=True).stdout
    assert salida.strip() == "[]"


# What a one-file check with json output (an editor, a pre-commit hook) must not import: the terminal's and the
# other formats' libraries, the plan's reader (no --plan) and spreadsheet library, the baseline (no --baseline), the
# pool of workers (one file), the document importer (a YAML file).
NO_LOS_USA_UN_ARCHIVO_EN_JSON = (
    "rich", "tabulate", "openpyxl", "docx", "multiprocessing", "auditor.entrada.plan", "auditor.entrada.importar",
    "auditor.motor.linea_base", "auditor.salidas.rich_consola", "auditor.salidas.html_pagina", "auditor.salidas.sarif",
    "auditor.salidas.markdown", "auditor.salidas.anotado", "auditor.salidas.matriz")


def test_un_archivo_en_json_no_carga_lo_que_no_usa() -> None:
    """Structural, not a timing: the modules loaded by `auditor check ARCHIVO --format json` in a fresh process."""
    codigo = f"""
import sys
from auditor.cli import main
try:
    main(sys.argv[1:])
except SystemExit as fin:
    print(fin.code, sorted(m for m in {NO_LOS_USA_UN_ARCHIVO_EN_JSON!r} if m in sys.modules), file=sys.stderr)
"""
    ejecucion = subprocess.run([sys.executable, "-c", codigo, "check", str(FIXTURES / "fronteras_2024.yaml"), "--format", "json"],
                               capture_output=True, text=True, check=True)
    assert '"rule": "LUG002"' in ejecucion.stdout  # the check ran and wrote its findings
    assert ejecucion.stderr.strip().splitlines()[-1] == "1 []"


def test_el_arranque_de_check_espacia_el_recolector_y_lo_devuelve(tmp_path: Path) -> None:
    import gc

    antes = gc.get_threshold()
    resultado = CliRunner().invoke(main, ["check", str(FIXTURES / "fronteras_2024.yaml"), "--format", "json",
                                          "--output", str(tmp_path / "s.json")])
    assert resultado.exit_code == 1, resultado.output
    assert gc.get_threshold() == antes


def test_el_recolector_de_ciclos_se_espacia_solo_durante_la_auditoria(auditor: Auditor) -> None:
    import gc

    from auditor.motor.recoleccion import RECOLECCION_CADA

    antes = gc.get_threshold()
    vistos: list[int] = []
    auditar(auditor, [FIXTURES], al_avanzar=lambda *_: vistos.append(gc.get_threshold()[0]))
    assert vistos == [RECOLECCION_CADA] * 3
    assert gc.get_threshold() == antes


def test_fuera_de_linux_se_audita_en_el_mismo_proceso(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.motor import paralelo

    archivos = [FIXTURES / "fronteras_2024.yaml", FIXTURES / "desarrollo_economico_2024_2025.yaml"]
    assert trabajos_efectivos(2, archivos) == 2
    monkeypatch.setattr(paralelo.sys, "platform", "darwin")  # macOS offers fork, but it is unsafe there
    assert trabajos_efectivos(2, archivos) == 1
