"""The hostile corpus (tests/hostile/): every case with its exit status, findings or error, time and memory.

Each case runs in a child process (tests/hostile/medir.py) so that a crash, a hang or a memory
blow-up fails the case instead of the test run, and its peak memory is measured alone.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor.entrada.carga import cargar_archivo, cargar_bytes
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar_cargado

from .conftest import RAIZ
from .hostile import generar

HOSTIL = Path(__file__).resolve().parent / "hostile"
ESPERADO = yaml.safe_load((HOSTIL / "esperado.yaml").read_text(encoding="utf-8"))
LIMITES = ESPERADO["limites"]
CASOS = {c["caso"]: c for c in ESPERADO["casos"]}


def _preparar(nombre: str, destino: Path) -> str:
    if nombre.startswith("generado:"):
        funcion = nombre.removeprefix("generado:")
        ruta = generar.grande(destino, 21) if funcion == "grande" else getattr(generar, funcion)(destino)
        return ruta.name
    shutil.copyfile(HOSTIL / nombre, destino / nombre)
    return nombre


def ejecutar(argumentos: list[str], carpeta: Path) -> tuple[int, dict[str, Any], str, str]:
    """Run `auditor ARGS` in `carpeta` in a child process: status, measurement, stdout, stderr."""
    medida = carpeta / ".medida.json"
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ / "src")}
    proceso = subprocess.run(
        [sys.executable, str(HOSTIL / "medir.py"), str(medida), *argumentos],
        cwd=carpeta, capture_output=True, text=True, timeout=60, env=entorno,
    )
    assert proceso.returncode >= 0, f"el proceso murió por la señal {-proceso.returncode}: {proceso.stderr[-2000:]}"
    assert "Traceback" not in proceso.stderr, proceso.stderr
    datos = json.loads(medida.read_text(encoding="utf-8"))
    medida.unlink()
    return proceso.returncode, datos, proceso.stdout, proceso.stderr


def _hallazgos(stdout: str) -> list[dict[str, Any]]:
    return list(json.loads(stdout)["findings"])


@pytest.mark.parametrize("caso", list(CASOS))
def test_caso_hostil(caso: str, tmp_path: Path) -> None:
    c = CASOS[caso]
    archivos = [_preparar(a, tmp_path) for a in c["archivos"]]
    if "configuracion" in c:
        (tmp_path / "auditor.yaml").write_text(c["configuracion"], encoding="utf-8")
    argumentos = ["check", "--format", "json", *archivos]
    if "reglas" in c:
        shutil.copytree(HOSTIL / c["reglas"], tmp_path / c["reglas"])
        argumentos += ["--rules", c["reglas"]]
    estado, medida, stdout, stderr = ejecutar(argumentos, tmp_path)

    assert estado == c["estado"], stderr
    assert medida["segundos"] < LIMITES["segundos"], medida
    assert medida["mb"] < LIMITES["mb"], medida
    assert not (tmp_path / "ejecutado.txt").exists()  # nothing from the input was run
    if "error" in c:
        assert stdout == ""
        assert stderr.startswith("auditor: error: ") and c["error"] in stderr, stderr
        return
    hallazgos = _hallazgos(stdout)
    assert all(f["file"] and f["line"] >= 1 for f in hallazgos)
    if "igual_a" in c:
        base = _preparar(c["igual_a"], tmp_path)
        _, _, stdout_base, _ = ejecutar(["check", "--format", "json", base], tmp_path)
        clave = [(f["rule"], f["line"], f["message"], f["text"]) for f in hallazgos]
        assert clave == [(f["rule"], f["line"], f["message"], f["text"]) for f in _hallazgos(stdout_base)]
        return
    obtenidos = [(f["rule"], f["line"]) for f in hallazgos]
    assert obtenidos == [(regla, linea) for regla, linea, _ in c["hallazgos"]]
    for f, (_, _, palabras) in zip(hallazgos, c["hallazgos"], strict=True):
        assert palabras in f["message"], f["message"]


def test_las_citas_de_un_archivo_nfd_salen_en_nfc(tmp_path: Path) -> None:
    _, _, stdout, _ = ejecutar(["check", "--format", "json", _preparar("nfd.yaml", tmp_path)], tmp_path)
    [_, plantilla] = _hallazgos(stdout)
    assert plantilla["text"] == "Indicar cómo la meta de producto contribuyó a la circulación de artistas en Cúcuta."
    assert "o\u0301" not in stdout and "ó" in plantilla["text"]


def test_los_archivos_del_corpus_estan_al_dia() -> None:
    for nombre, contenido in generar.derivados().items():
        assert (HOSTIL / nombre).read_bytes() == contenido, f"{nombre}: ejecute python tests/hostile/generar.py"


def test_cada_caso_esta_en_la_tabla_de_la_documentacion() -> None:
    tabla = (RAIZ / "docs" / "hostiles.md").read_text(encoding="utf-8")
    for caso in CASOS:
        assert f"`{caso}`" in tabla, caso


def test_archivo_sin_permiso_de_lectura(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """CI runs as root, which reads anything: the refusal is simulated where the system would raise it."""
    ruta = tmp_path / "cerrado.yaml"
    ruta.write_bytes((HOSTIL / "base.yaml").read_bytes())

    def negar(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", negar)
    [problema] = cargar_archivo(ruta).problemas
    assert (problema.regla, problema.linea, problema.mensaje) == ("ENT001", 1, "no se puede leer el archivo: no hay permiso para leerlo")


@pytest.mark.parametrize("fixture", ["desarrollo_economico_2024_2025.yaml", "fronteras_2024.yaml"])
def test_las_fixtures_con_bom_crlf_o_nfd_dan_los_mismos_hallazgos(fixture: str, tmp_path: Path) -> None:
    import unicodedata

    from auditor.configuracion.configuracion import Configuracion
    from auditor.motor.auditor import preparar
    from auditor.motor.auditoria import auditar

    original = (RAIZ / "fixtures" / fixture).read_text(encoding="utf-8")
    variantes = {
        "lf.yaml": original.encode("utf-8"),
        "bom.yaml": b"\xef\xbb\xbf" + original.encode("utf-8"),
        "crlf.yaml": original.replace("\n", "\r\n").encode("utf-8"),
        "nfd.yaml": unicodedata.normalize("NFD", original).encode("utf-8"),
    }
    resultados = {}
    auditor = preparar(Configuracion())
    for nombre, contenido in variantes.items():
        (tmp_path / nombre).write_bytes(contenido)
        [informe] = auditar(auditor, [tmp_path / nombre]).informes
        resultados[nombre] = [(f.regla, f.linea, f.mensaje, f.texto) for f in informe.hallazgos]
    assert len(resultados["lf.yaml"]) > 10
    for nombre in ("bom.yaml", "crlf.yaml", "nfd.yaml"):
        assert resultados[nombre] == resultados["lf.yaml"], nombre


def test_una_meta_con_un_numero_enorme_no_cuelga_la_numeracion(auditor: Auditor) -> None:
    """Found by the property tests: EST003 listed every missing number, 75 million of them."""
    texto = (HOSTIL / "base.yaml").read_text(encoding="utf-8").replace("  - numero: 2\n", "  - numero: 1000000000000\n")
    inicio = time.monotonic()
    resultado = auditar_cargado(auditor, cargar_bytes(texto.encode("utf-8"), "enorme.yaml"))
    assert time.monotonic() - inicio < 5
    assert [(f.linea, f.mensaje) for f in resultado.hallazgos if f.regla == "EST003"] == [
        (42, "Faltan 999999999996 metas entre la 3 y la 1000000000000"), (68, "Falta la meta 2 entre la 1 y la 3")]


def test_import_de_una_tuberia_no_se_bloquea(tmp_path: Path) -> None:
    tuberia = tmp_path / "documento.txt"
    os.mkfifo(tuberia)
    estado, medida, stdout, stderr = ejecutar(["import", str(tuberia)], tmp_path)
    assert (estado, stdout) == (2, "")
    assert stderr == f"auditor: error: {tuberia}: no es un archivo regular (¿una tubería, un dispositivo o un socket?): no se lee\n"
    assert medida["segundos"] < LIMITES["segundos"]


@pytest.mark.parametrize(("original", "cambio", "mensaje"), [
    ("periodo: {desde: 2024, hasta: 2025}", "periodo: {desde: 0, hasta: 2025}", "'periodo.desde': el valor es menor que el mínimo permitido (se encontró un número)"),
    ('fecha_corte: "2025-11"', 'fecha_corte: "2025-02-31"', "'fecha_corte': '2025-02-31' no es una fecha del calendario"),
    ('fecha_corte: "2025-11"', 'fecha_corte: "0000-01"', "'fecha_corte': '0000-01' no es una fecha del calendario"),
])
def test_un_anio_imposible_es_un_error_de_entrada_no_un_fallo_de_regla(auditor: Auditor, original: str, cambio: str, mensaje: str) -> None:
    """Found by the property tests: FEC001 raised 'year 0 is out of range' ('Es un defecto de auditor')."""
    texto = (HOSTIL / "base.yaml").read_text(encoding="utf-8").replace(original, cambio)
    resultado = auditar_cargado(auditor, cargar_bytes(texto.encode("utf-8"), "fechas.yaml"))
    assert [(f.regla, f.mensaje) for f in resultado.hallazgos] == [("ENT002", mensaje)]


def test_importar_una_exportacion_retiene_una_meta_no_el_documento(tmp_path: Path) -> None:
    """Issue 15: importing a text export holds, above the report data it builds and the text itself, one meta's
    paragraphs, not the document's.  Measured with tracemalloc in a child process (bench/crecimiento.py, as the
    growth check measures it): from 100 to 500 metas, what the import holds above what it keeps and the text grows
    by less than 1 MB.  When every paragraph and every open meta was held to the end it grew by about 3 MB, as much
    as the report data itself."""
    sys.path.insert(0, str(RAIZ / "bench"))
    from crecimiento import sobrecosto  # the benchmark's own measuring
    from exportacion import exportacion

    entorno = {**os.environ, "PYTHONPATH": str(RAIZ / "src")}
    una = tmp_path / "una.txt"
    una.write_text(exportacion(1), encoding="utf-8")
    medidas = {}
    for metas in (100, 500):
        archivo = tmp_path / f"exportacion_{metas}.txt"
        archivo.write_text(exportacion(metas), encoding="utf-8")
        medidas[metas] = sobrecosto(archivo, una, entorno)
    (encima_100, queda_100), (encima_500, queda_500) = medidas[100], medidas[500]
    assert queda_500 > 3 * queda_100  # the report data grows with the metas: the measure sees it
    assert encima_500 - encima_100 < 1.0, medidas
