"""Where outputs land (salidas/escritura.py): a regular file is replaced atomically, a device, a FIFO or a
descriptor is written in place, a link is followed, an input of the run is never written, and a write
that fails says so with the path (status 2, no traceback, no temporary file left)."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import pytest

from auditor.salidas.escritura import ErrorEscritura, escribir

from .conftest import FIXTURES, INFORME_EN_REPO, RAIZ
from .conftest import correr as _correr

LIMPIO = FIXTURES / "limpio_cultura_2024_2025.yaml"
ES_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
REGLA_PROPIA = """reglas:
  - id: OFI001
    nombre: con-quien
    tipo: campo_requerido
    categoria: empty_field
    severidad: warning
    campos: [ejecucion.con_quien]
    mensaje: "Falta con quién"
    doc: {que_revisa: x, por_que: y, ejemplo_falla: a, ejemplo_pasa: b}
"""


def _informe_json() -> str:
    """What `check LIMPIO --format json` prints: what every output below must hold."""
    codigo, salida, _ = _correr("check", str(LIMPIO), "--format", "json")
    assert codigo == 0
    return salida


def _sin_temporales(carpeta: Path) -> list[str]:
    return [p.name for p in carpeta.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture()
def fifo(tmp_path: Path) -> Iterator[tuple[Path, Callable[[], bytes]]]:
    """A FIFO in tmp_path, read whole by a thread (as a `cat fifo` beside auditor), and what it read."""
    ruta = tmp_path / "tuberia"
    os.mkfifo(ruta)
    leido: list[bytes] = []

    def leer() -> None:
        with open(ruta, "rb") as f:
            leido.append(f.read())

    hilo = threading.Thread(target=leer, daemon=True)
    hilo.start()

    def lo_leido() -> bytes:
        hilo.join(timeout=30)
        return b"".join(leido)

    yield ruta, lo_leido
    if hilo.is_alive():  # the test failed before writing: open it for writing so that the reader ends
        with open(ruta, "wb"):
            pass
        hilo.join(timeout=10)


# --- regular files and new paths: atomic ----------------------------------------------------------

def test_o_a_una_ruta_nueva_escribe_el_informe_sin_temporales(tmp_path: Path) -> None:
    destino = tmp_path / "nuevo.json"
    assert _correr("check", str(LIMPIO), "--format", "json", "-o", str(destino))[0] == 0
    assert destino.read_text(encoding="utf-8") == _informe_json()
    assert _sin_temporales(tmp_path) == []


def test_o_sobre_un_archivo_regular_lo_reemplaza_de_forma_atomica(tmp_path: Path) -> None:
    destino = tmp_path / "viejo.json"
    destino.write_text("contenido viejo\n", encoding="utf-8")
    inodo = destino.stat().st_ino
    assert _correr("check", str(LIMPIO), "--format", "json", "-o", str(destino))[0] == 0
    assert destino.read_text(encoding="utf-8") == _informe_json()
    assert destino.stat().st_ino != inodo  # a new file renamed over it, never the old one rewritten
    assert stat.S_ISREG(destino.lstat().st_mode)
    assert _sin_temporales(tmp_path) == []


# --- devices, FIFOs and descriptors: in place ------------------------------------------------------

def test_o_a_una_fifo_escribe_en_ella_y_sigue_siendo_fifo(fifo: tuple[Path, Callable[[], bytes]]) -> None:
    ruta, lo_leido = fifo
    assert _correr("check", str(LIMPIO), "--format", "json", "-o", str(ruta))[0] == 0
    assert lo_leido() == _informe_json().encode("utf-8")
    assert stat.S_ISFIFO(ruta.lstat().st_mode)
    assert _sin_temporales(ruta.parent) == []


@pytest.mark.skipif(not ES_ROOT, reason="solo como root se podía reemplazar /dev/null; sin root la prueba no dice nada")
def test_o_a_dev_null_como_root_lo_deja_como_dispositivo() -> None:
    antes = os.stat("/dev/null")
    assert _correr("check", str(LIMPIO), "--format", "json", "-o", "/dev/null")[0] == 0
    despues = os.stat("/dev/null")
    assert stat.S_ISCHR(despues.st_mode)
    assert (despues.st_rdev, despues.st_ino) == (antes.st_rdev, antes.st_ino)


def _subproceso(*args: str, **opciones: Any) -> subprocess.CompletedProcess[str]:
    """`python -m auditor ARGS` in another process (its descriptor 1 is not pytest's)."""
    return subprocess.run([sys.executable, "-m", "auditor", *args], text=True, cwd=RAIZ, timeout=120, check=False,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, **opciones)


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="sin /dev/stdout")
def test_o_a_dev_stdout_imprime_el_informe_y_no_toca_dev_stdout() -> None:
    antes = os.lstat("/dev/stdout")
    resultado = _subproceso("check", str(LIMPIO), "--format", "json", "-o", "/dev/stdout", capture_output=True)
    assert (resultado.returncode, resultado.stderr) == (0, "auditor: 0 hallazgos escritos en /dev/stdout\n")  # said on stderr
    assert resultado.stdout == _informe_json()
    despues = os.lstat("/dev/stdout")
    assert (despues.st_mode, despues.st_ino) == (antes.st_mode, antes.st_ino)


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="sin /dev/stdout")
def test_o_a_dev_stdout_redirigida_a_un_archivo_escribe_en_ese_archivo_sin_reemplazarlo(tmp_path: Path) -> None:
    redirigida = tmp_path / "salida.txt"
    with open(redirigida, "w", encoding="utf-8") as archivo:
        inodo = os.fstat(archivo.fileno()).st_ino
        resultado = _subproceso("check", str(LIMPIO), "--format", "json", "-o", "/dev/stdout", stdout=archivo)
    assert resultado.returncode == 0
    assert redirigida.stat().st_ino == inodo  # `> salida.txt` still points at the file the shell opened
    assert redirigida.read_text(encoding="utf-8") == _informe_json()


def test_un_error_al_escribir_en_un_dispositivo_se_dice_sin_traza() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("sin /dev/full")
    codigo, salida, error = _correr("check", str(LIMPIO), "--format", "json", "-o", "/dev/full")
    assert (codigo, salida) == (2, "")
    assert error.startswith("auditor: error: /dev/full: no se puede escribir: ") and "Traceback" not in error
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


# --- symbolic links: followed --------------------------------------------------------------------

def test_un_enlace_a_un_archivo_sigue_siendo_enlace_y_su_destino_recibe_el_informe(tmp_path: Path) -> None:
    destino = tmp_path / "real.json"
    destino.write_text("viejo\n", encoding="utf-8")
    enlace = tmp_path / "enlace.json"
    enlace.symlink_to("real.json")
    assert _correr("check", str(LIMPIO), "--format", "json", "-o", str(enlace))[0] == 0
    assert enlace.is_symlink() and os.readlink(enlace) == "real.json"
    assert destino.read_text(encoding="utf-8") == _informe_json()
    assert _sin_temporales(tmp_path) == []


def test_un_enlace_a_una_fifo_escribe_en_la_fifo(fifo: tuple[Path, Callable[[], bytes]]) -> None:
    ruta, lo_leido = fifo
    enlace = ruta.parent / "enlace"
    enlace.symlink_to(ruta)
    assert _correr("check", str(LIMPIO), "--format", "json", "-o", str(enlace))[0] == 0
    assert lo_leido() == _informe_json().encode("utf-8")
    assert enlace.is_symlink() and stat.S_ISFIFO(ruta.lstat().st_mode)


def test_un_enlace_a_dev_null_sigue_siendo_enlace_y_dev_null_un_dispositivo(tmp_path: Path) -> None:
    enlace = tmp_path / "nulo"
    enlace.symlink_to("/dev/null")
    assert _correr("check", str(LIMPIO), "--format", "json", "-o", str(enlace))[0] == 0
    assert enlace.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_init_force_sobre_un_enlace_reemplaza_el_destino_y_deja_el_enlace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "comun").mkdir()
    (tmp_path / "comun" / "auditor.yaml").write_text("reglas: {}\n", encoding="utf-8")
    (tmp_path / "auditor.yaml").symlink_to("comun/auditor.yaml")
    monkeypatch.chdir(tmp_path)
    assert _correr("init", "--force")[0] == 0
    assert (tmp_path / "auditor.yaml").is_symlink()
    assert "reglas:" in (tmp_path / "comun" / "auditor.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "comun" / "auditor.yaml").read_text(encoding="utf-8") != "reglas: {}\n"


# --- an input of the run is never an output --------------------------------------------------------

def _rechazado(args: list[str], protegido: Path, nombre: str, motivo: str) -> None:
    """The command stops with status 2, the message names the output and what it is, and the file is untouched."""
    antes = protegido.read_bytes()
    codigo, salida, error = _correr(*args)
    assert codigo == 2, (args, error)
    assert error == f"auditor: error: {nombre}: {motivo}\n"
    assert protegido.read_bytes() == antes
    assert _sin_temporales(protegido.parent) == []


def test_o_no_escribe_sobre_el_informe_auditado_ni_por_un_enlace_ni_por_un_enlace_duro(repo: Path) -> None:
    informe = repo / INFORME_EN_REPO
    (repo / "enlace.yaml").symlink_to(informe)
    os.link(informe, repo / "duro.json")
    for destino in (INFORME_EN_REPO, "enlace.yaml", "duro.json"):
        _rechazado(["check", INFORME_EN_REPO, "--format", "json", "-o", destino], informe, destino,
                   "la salida no puede ser uno de los archivos auditados")


def test_o_no_escribe_sobre_un_informe_hallado_en_un_directorio(repo: Path) -> None:
    _rechazado(["check", "informes", "--format", "json", "-o", INFORME_EN_REPO], repo / INFORME_EN_REPO, INFORME_EN_REPO,
               "la salida no puede ser uno de los archivos auditados")


@pytest.mark.parametrize("configuracion", ["auditor.yaml", "pyproject.toml"])
def test_o_no_escribe_sobre_la_configuracion_en_uso(repo: Path, configuracion: str) -> None:
    texto = "reglas: {}\n" if configuracion == "auditor.yaml" else "[project]\nname = 'x'\n\n[tool.auditor]\nfalla_en = 'error'\n"
    (repo / configuracion).write_text(texto, encoding="utf-8")
    _rechazado(["check", INFORME_EN_REPO, "--format", "json", "-o", configuracion], repo / configuracion, configuracion,
               "la salida no puede ser el archivo de configuración en uso")


def test_la_configuracion_dada_con_config_tampoco(repo: Path) -> None:
    (repo / "otra.yaml").write_text("reglas: {}\n", encoding="utf-8")
    _rechazado(["check", INFORME_EN_REPO, "--config", "otra.yaml", "--format", "json", "-o", "otra.yaml"], repo / "otra.yaml",
               "otra.yaml", "la salida no puede ser el archivo de configuración en uso")


def test_o_no_escribe_sobre_un_archivo_de_reglas(repo: Path) -> None:
    (repo / "reglas" / "sub").mkdir(parents=True)
    regla = repo / "reglas" / "sub" / "oficina.yaml"
    regla.write_text(REGLA_PROPIA, encoding="utf-8")
    _rechazado(["check", INFORME_EN_REPO, "--rules", "reglas", "--format", "json", "-o", "reglas/sub/oficina.yaml"], regla,
               "reglas/sub/oficina.yaml", "la salida no puede ser un archivo de reglas")
    # the same file, as a rule directory of the configuration
    (repo / "auditor.yaml").write_text("directorios_reglas: [reglas]\n", encoding="utf-8")
    _rechazado(["summary", INFORME_EN_REPO, "--format", "csv", "-o", "reglas/sub/oficina.yaml"], regla,
               "reglas/sub/oficina.yaml", "la salida no puede ser un archivo de reglas")


def test_o_no_escribe_sobre_la_linea_base_que_se_lee(repo: Path) -> None:
    assert _correr("check", "informes", "--write-baseline", "base.json")[0] == 0
    _rechazado(["check", "informes", "--baseline", "base.json", "--format", "json", "-o", "base.json"], repo / "base.json",
               "base.json", "la salida no puede ser la línea base que se aplica")


def test_o_y_write_baseline_no_pueden_ser_el_mismo_archivo(repo: Path) -> None:
    codigo, _, error = _correr("check", "informes", "--write-baseline", "igual.json", "--format", "json", "-o", "igual.json")
    assert (codigo, error) == (2, "auditor: error: igual.json: la salida no puede ser la línea base que se aplica\n")
    assert not (repo / "igual.json").exists()


def test_write_baseline_no_escribe_sobre_un_informe_ni_la_configuracion(repo: Path) -> None:
    (repo / "auditor.yaml").write_text("reglas: {}\n", encoding="utf-8")
    _rechazado(["check", "informes", "--write-baseline", INFORME_EN_REPO], repo / INFORME_EN_REPO, INFORME_EN_REPO,
               "la línea base no puede ser uno de los archivos auditados")
    _rechazado(["check", "informes", "--write-baseline", "auditor.yaml"], repo / "auditor.yaml", "auditor.yaml",
               "la línea base no puede ser el archivo de configuración en uso")


def test_write_baseline_sobre_la_misma_baseline_la_actualiza(repo: Path) -> None:
    """The documented update flow: `--baseline B --write-baseline B` rewrites B with today's findings (atomically)."""
    assert _correr("check", "informes", "--write-baseline", "base.json")[0] == 0
    base = repo / "base.json"
    base.write_text(json.dumps({"version": 1, "hallazgos": []}), encoding="utf-8")
    inodo = base.stat().st_ino
    codigo, _, error = _correr("check", "informes", "--baseline", "base.json", "--write-baseline", "base.json", "--format", "json")
    assert codigo == 0, error
    assert json.loads(base.read_text(encoding="utf-8"))["hallazgos"] != []
    assert base.stat().st_ino != inodo and _sin_temporales(repo) == []


def test_summary_o_no_escribe_sobre_un_informe(repo: Path) -> None:
    _rechazado(["summary", INFORME_EN_REPO, "--format", "csv", "-o", INFORME_EN_REPO], repo / INFORME_EN_REPO, INFORME_EN_REPO,
               "la salida no puede ser uno de los archivos auditados")


def test_import_o_no_escribe_sobre_su_propio_documento(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "acta.txt").write_text("Acta\n\nNada que ver.\n", encoding="utf-8")
    (tmp_path / "enlace.yaml").symlink_to("acta.txt")
    for destino in ("acta.txt", "enlace.yaml"):
        _rechazado(["import", "acta.txt", "-o", destino], tmp_path / "acta.txt", destino,
                   "la salida no puede ser el mismo documento de entrada")


def test_el_rechazo_en_ingles(repo: Path) -> None:
    (repo / "auditor.yaml").write_text("reglas: {}\n", encoding="utf-8")
    codigo, _, error = _correr("check", INFORME_EN_REPO, "--lang", "en", "--format", "json", "-o", "auditor.yaml")
    assert (codigo, error) == (2, "auditor: error: auditor.yaml: the output cannot be the configuration file in use\n")


# --- errors while writing ---------------------------------------------------------------------------

@pytest.mark.skipif(ES_ROOT, reason="root escribe en un directorio de solo lectura")
def test_un_directorio_de_solo_lectura_se_dice_sin_traza(tmp_path: Path) -> None:
    carpeta = tmp_path / "solo_lectura"
    carpeta.mkdir()
    carpeta.chmod(0o555)
    try:
        codigo, _, error = _correr("check", str(LIMPIO), "--format", "json", "-o", str(carpeta / "x.json"))
    finally:
        carpeta.chmod(0o755)
    assert (codigo, error) == (2, f"auditor: error: {carpeta / 'x.json'}: no se puede escribir: no hay permiso para escribirlo\n")
    assert list(carpeta.iterdir()) == []


def test_sin_permiso_para_escribir_lo_dice_asi_no_como_lectura(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a read-only directory gives a user who is not root (root writes there anyway)."""
    import tempfile

    def sin_permiso(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", sin_permiso)
    destino = tmp_path / "x.json"
    codigo, _, error = _correr("check", str(LIMPIO), "--format", "json", "-o", str(destino))
    assert (codigo, error) == (2, f"auditor: error: {destino}: no se puede escribir: no hay permiso para escribirlo\n")
    assert not destino.exists()


def test_un_fallo_a_mitad_de_escritura_borra_el_temporal_y_deja_el_archivo_como_estaba(tmp_path: Path) -> None:
    destino = tmp_path / "informe.json"
    destino.write_text("anterior\n", encoding="utf-8")

    def disco_lleno(archivo: TextIO) -> None:
        archivo.write("la mitad")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ErrorEscritura) as error:
        escribir(destino, disco_lleno)
    assert str(error.value).startswith(f"{destino}: no se puede escribir: ")
    assert destino.read_text(encoding="utf-8") == "anterior\n"
    assert _sin_temporales(tmp_path) == []
