"""Issue 19, outputs: file names with any bytes and report text with control characters, in every output.

Each run is a child process (tests/hostile/medir.py, through `ejecutar` of test_hostiles): no traceback,
its exit status, the inputs unchanged; then what every format shows of the hostile names and values.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.lectura.visible import a_bytes, codificable, visible

from .conftest import RAIZ
from .hostile import generar
from .test_hostiles import HOSTIL, LIMITES, ejecutar

# every control or invisible character `visible` escapes but newline and tab (and CR, which CSV's CRLF uses)
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
_INVISIBLE_SIN_CR = re.compile("[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
NO_UTF8 = "caf\\xff.yaml"  # as every output shows it
CON_SALTO = "a\\n::error file=x::nombre.yaml"

PARA_PERSONAS = ["text", "rich", "github", "markdown", "html", "junit"]
PARA_MAQUINAS = ["json", "sarif", "csv"]


def _corpus(carpeta: Path) -> dict[str, bytes]:
    """The hostile files of this issue in `carpeta`, and a fingerprint of each file's bytes."""
    for funcion in (generar.controles, generar.fecha_hostil, generar.nombre_no_utf8, generar.nombre_con_salto):
        funcion(carpeta)
    return _huellas(carpeta)


def _huellas(carpeta: Path) -> dict[str, bytes]:
    return {p.name: hashlib.sha256(p.read_bytes()).digest() for p in carpeta.iterdir() if p.suffix == ".yaml"}


def _correr(argumentos: list[str], carpeta: Path) -> tuple[int, str, str]:
    estado, medida, stdout, stderr = ejecutar(argumentos, carpeta)
    assert medida["segundos"] < LIMITES["segundos"] and medida["mb"] < LIMITES["mb"], medida
    return estado, stdout, stderr


def _sin_inyeccion(texto: str) -> None:
    """Nothing that acts on a terminal or a CI log: no control character but newline and tab, and no line that
    is the workflow command written in the report (GitHub runs a line that starts with '::' after blanks)."""
    assert _INVISIBLE_SIN_CR.search(texto) is None, repr(_INVISIBLE_SIN_CR.search(texto))
    assert not any(linea.lstrip().startswith("::error file=x") for linea in texto.split("\n"))


@pytest.mark.parametrize("salida_a_archivo", [False, True], ids=["stdout", "-o"])
@pytest.mark.parametrize("formato", PARA_PERSONAS + PARA_MAQUINAS + ["-q"])
def test_nombres_y_controles_en_cada_formato(formato: str, salida_a_archivo: bool, tmp_path: Path) -> None:
    carpeta = tmp_path / "informes"
    carpeta.mkdir()
    antes = _corpus(carpeta)
    argumentos = ["check", "informes", *(["-q"] if formato == "-q" else ["--format", formato])]
    if salida_a_archivo:
        argumentos += ["-o", "salida.txt"]
    estado, stdout, stderr = _correr(argumentos, tmp_path)
    assert estado == 2, stderr  # fecha_hostil.yaml is an input error; the other three files are audited all the same
    assert _huellas(carpeta) == antes  # inputs byte-identical
    texto = (tmp_path / "salida.txt").read_bytes().decode("utf-8") if salida_a_archivo else stdout  # valid UTF-8
    _sin_inyeccion(stderr)
    if formato == "json":
        documento = json.loads(texto)
        assert [r["file"] for r in documento["reports"]] == [f"informes/{n}" for n in (CON_SALTO, NO_UTF8, "controles.yaml", "fecha_hostil.yaml")]
        [fecha] = [f for f in documento["findings"] if f["rule"] == "ENT002"]
        assert fecha["text"] == generar.HOSTIL  # the exact value (JSON escapes the controls itself)
        return
    if formato == "sarif":
        resultados = json.loads(texto)["runs"][0]["results"]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in resultados}
        assert {"informes/caf%FF.yaml", "informes/a%0A%3A%3Aerror%20file%3Dx%3A%3Anombre.yaml", "informes/controles.yaml"} <= uris
        assert any(r["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text") == generar.HOSTIL for r in resultados)
        return
    if formato == "csv":
        filas = list(csv.reader(io.StringIO(texto.removeprefix("\ufeff"))))
        assert {f"informes/{n}" for n in (CON_SALTO, NO_UTF8, "controles.yaml", "fecha_hostil.yaml")} <= {f[0] for f in filas[1:]}
        exacto = generar.HOSTIL if salida_a_archivo else generar.HOSTIL.replace("\r\n", "\n")  # text=True reads CRLF as LF
        assert any(celda == exacto for fila in filas for celda in fila)  # a cell keeps the exact value
        return
    _sin_inyeccion(texto)
    if formato != "-q":  # the quote of ENT002 is the value itself; -q shows no quotes
        barra = "\\\\" if formato == "markdown" else "\\"
        assert all(f"{barra}{codigo}" in texto for codigo in ("u001b", "u202eabc", "u200b")), texto[-3000:]
    nombres = {"markdown": (NO_UTF8.replace("\\", "\\\\"), CON_SALTO.replace("\\", "\\\\")),
               "github": (NO_UTF8, "a\\n%3A%3Aerror file=x%3A%3Anombre.yaml")}.get(formato, (NO_UTF8, CON_SALTO))
    assert all(nombre in texto for nombre in nombres), texto[:2000]
    if formato == "markdown":
        assert "@alguien" not in texto and "@&#8203;alguien" in texto
        assert re.search(r"(?<!\\)\]\(", texto) is None and "![i]" not in texto and "[clic\\](https:\\/\\/x.test)" in texto


@pytest.mark.parametrize("formato", ["rich", "text", "csv", "json"])
def test_summary_muestra_los_nombres_escapados(formato: str, tmp_path: Path) -> None:
    carpeta = tmp_path / "informes"
    carpeta.mkdir()
    antes = _corpus(carpeta)
    estado, stdout, stderr = _correr(["summary", "informes", "--format", formato], tmp_path)
    assert estado == 2 and _huellas(carpeta) == antes
    _sin_inyeccion(stderr)
    assert "auditor: error: informes/fecha_hostil.yaml:7: 'fecha_corte': se esperaba una fecha" in stderr
    if formato == "json":
        assert {r["file"] for r in json.loads(stdout)["reports"]} == {f"informes/{n}" for n in (NO_UTF8, CON_SALTO, "controles.yaml")}
        return
    if formato != "csv":
        _sin_inyeccion(stdout)
    assert NO_UTF8 in stdout and CON_SALTO in stdout


def test_linea_base_con_nombres_hostiles(tmp_path: Path) -> None:
    carpeta = tmp_path / "informes"
    carpeta.mkdir()
    antes = _corpus(carpeta)
    estado, _, stderr = _correr(["check", "informes", "--format", "text", "--write-baseline", "base.json"], tmp_path)
    assert estado == 0 and "auditor: línea base escrita en base.json: 7 hallazgos aceptados" in stderr  # and applied
    archivos = {e["archivo"] for e in json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["hallazgos"]}
    assert archivos == {f"informes/{n}" for n in (NO_UTF8, CON_SALTO, "controles.yaml", "fecha_hostil.yaml")}
    estado, stdout, _ = _correr(["check", "informes", "--format", "json", "--baseline", "base.json"], tmp_path)
    documento = json.loads(stdout)
    assert estado == 0 and documento["findings"] == [] and documento["summary"]["suppressed"] == 7
    assert _huellas(carpeta) == antes


def test_import_de_un_documento_con_nombre_no_utf8(tmp_path: Path) -> None:
    fuente = Path(os.fsdecode(bytes(tmp_path) + b"/doc\xff.txt"))
    fuente.write_bytes((HOSTIL / "documento_base.txt").read_bytes())
    antes = fuente.read_bytes()
    estado, stdout, stderr = _correr(["import", fuente.name, "-o", os.fsdecode(b"sal\xff.yaml")], tmp_path)
    assert (estado, stdout) == (0, "") and fuente.read_bytes() == antes
    assert stderr.endswith("auditor: 1 metas importadas de doc\\xff.txt en sal\\xff.yaml\n"), stderr
    escrito = Path(os.fsdecode(bytes(tmp_path) + b"/sal\xff.yaml")).read_text(encoding="utf-8")
    assert escrito.startswith("# Importado de doc\\xff.txt por 'auditor import'.\n") and "documento: doc\\xff.txt\n" in escrito


# ---- the one escaping --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("texto", "esperado"), [
    ("Gobernación de Norte de Santander — 3.200 personas 😀", "Gobernación de Norte de Santander — 3.200 personas 😀"),
    ("caf\udcff.yaml", "caf\\xff.yaml"),
    ("a\nb\rc\td", "a\\nb\\rc\\td"),
    ("\x1b[2J\x07\x00\x7f", "\\u001b[2J\\u0007\\u0000\\u007f"),
    ("\x9b31m\x85", "\\u009b31m\\u0085"),
    ("\u202eabc\u2066\u200b\u200d\ufeff\u2028", "\\u202eabc\\u2066\\u200b\\u200d\\ufeff\\u2028"),
    ("\ud800", "\\ud800"),
    ("\U000e0041", "\\U000e0041"),
])
def test_visible(texto: str, esperado: str) -> None:
    assert visible(texto) == esperado


def test_visible_conserva_lo_que_el_formato_admite() -> None:
    assert visible("uno\ndos\tres\x1b", conservar="\n\t") == "uno\ndos\tres\\u001b"
    assert visible("uno\r\ndos", conservar="\n") == "uno\\r\ndos"


def test_codificable_y_bytes() -> None:
    assert codificable("caf\udcff \x1b\n") == "caf\\xff \x1b\n"  # only what UTF-8 cannot carry
    assert a_bytes("caf\udcff") == b"caf\xff" and a_bytes("café") == "café".encode() and a_bytes("\ud800") == b"\xed\xa0\x80"


# ---- fingerprints from the project's root --------------------------------------------------------------------

def _huellas_sarif(argumentos: list[str], carpeta: Path) -> list[str]:
    proceso = subprocess.run([sys.executable, "-m", "auditor", "check", "--format", "sarif", *argumentos], cwd=carpeta,
                             capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(RAIZ / "src")}, check=False)
    assert proceso.returncode == 1, proceso.stderr
    return [r["partialFingerprints"]["auditorContentHash/v1"] for r in json.loads(proceso.stdout)["runs"][0]["results"]]


def test_las_huellas_sarif_no_cambian_con_el_directorio_actual(tmp_path: Path) -> None:
    proyecto = tmp_path / "proyecto"
    (proyecto / "informes").mkdir(parents=True)
    (proyecto / "auditor.yaml").write_text("idioma: es\n", encoding="utf-8")
    (proyecto / "informes" / "base.yaml").write_bytes((HOSTIL / "base.yaml").read_bytes())
    desde_la_raiz = _huellas_sarif(["informes"], proyecto)
    desde_informes = _huellas_sarif([".", "--config", "../auditor.yaml"], proyecto / "informes")
    assert len(desde_la_raiz) == 2 and desde_informes == desde_la_raiz
    # and they are the baseline's: --write-baseline beside the configuration gives the same fingerprints
    subprocess.run([sys.executable, "-m", "auditor", "check", "informes", "-q", "--write-baseline", "base.json"], cwd=proyecto,
                   capture_output=True, env={**os.environ, "PYTHONPATH": str(RAIZ / "src")}, check=False)
    base = json.loads((proyecto / "base.json").read_text(encoding="utf-8"))
    assert sorted(e["huella"] for e in base["hallazgos"]) == sorted(desde_la_raiz)


# ---- a refused write says it was a write ---------------------------------------------------------------------

def test_una_escritura_rechazada_dice_que_no_se_puede_escribir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """CI runs as root, which writes anywhere: the refusal is simulated where the system would raise it."""
    from auditor.salidas import escritura

    def negar(*_: object, **__: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(escritura.tempfile, "mkstemp", negar)
    with pytest.raises(escritura.ErrorEscritura) as error:
        escritura.escribir(tmp_path / "salida.json", "{}")
    assert str(error.value) == f"{tmp_path / 'salida.json'}: no se puede escribir: no hay permiso para escribirlo"
