"""The result cache (motor.cache): invalidated by each part of its key, never trusting a bad entry, safe with two
runs at once, skipped (and said once) where it cannot be written, and the same bytes as --no-cache in every format.

A file is parsed only when its result is not in the cache: the tests count the calls to the parser
(`auditoria.cargar_bytes`) of commands run in this process with -j1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.motor import auditoria
from auditor.motor import cache as modulo_cache
from auditor.salidas import FORMATOS

from .conftest import FIXTURES, RAIZ, correr

INFORMES = ("desarrollo_economico_2024_2025.yaml", "fronteras_2024.yaml", "limpio_cultura_2024_2025.yaml")


@pytest.fixture()
def carpeta(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the three report fixtures and an imported document, as the current directory."""
    (tmp_path / "informes").mkdir()
    for nombre in INFORMES:
        shutil.copy(FIXTURES / nombre, tmp_path / "informes" / nombre)
    shutil.copy(RAIZ / "tests" / "hostile" / "documento_base.txt", tmp_path / "informes" / "documento.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture()
def leidos(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files parsed (audited) by the commands of the test."""
    nombres: list[str] = []
    original = auditoria.cargar_bytes

    def contar(contenido: bytes, nombre: str) -> object:
        nombres.append(nombre)
        return original(contenido, nombre)

    monkeypatch.setattr(auditoria, "cargar_bytes", contar)
    return nombres


def _check(*args: str, salida: str = "salida.json") -> tuple[int, bytes, str]:
    estado, _, err = correr("check", "informes", "--format", "json", "-j1", "-o", salida, *args)
    return estado, Path(salida).read_bytes(), err


def _cuantos(leidos: list[str], *args: str) -> tuple[int, bytes]:
    """How many files a run parsed, and its output; the output must be that of the same run without the cache."""
    antes = len(leidos)
    _, con, _ = _check(*args)
    n = len(leidos) - antes
    _, sin, _ = _check(*args, "--no-cache", salida="sin.json")
    assert con == sin
    del leidos[antes:]
    return n, con


def test_una_segunda_corrida_no_lee_ningun_informe(carpeta: Path, leidos: list[str]) -> None:
    assert _cuantos(leidos)[0] == 4
    assert _cuantos(leidos)[0] == 0
    assert (carpeta / ".auditor_cache" / "resultados").is_dir()
    assert len(list((carpeta / ".auditor_cache" / "resultados").iterdir())) == 4


def test_los_bytes_del_archivo(carpeta: Path, leidos: list[str]) -> None:
    _cuantos(leidos)
    informe = carpeta / "informes" / "fronteras_2024.yaml"
    informe.write_text(informe.read_text(encoding="utf-8").replace("Tabio", "Tibú"), encoding="utf-8")
    n, salida = _cuantos(leidos)
    assert n == 1 and b"Tabio" not in salida
    assert _cuantos(leidos)[0] == 0


def test_la_ruta_del_archivo(carpeta: Path, leidos: list[str]) -> None:
    _cuantos(leidos)
    (carpeta / "informes" / "fronteras_2024.yaml").rename(carpeta / "informes" / "fronteras.yaml")  # same bytes
    n, salida = _cuantos(leidos)
    assert n == 1 and b"informes/fronteras.yaml" in salida


def test_la_version_de_la_herramienta(carpeta: Path, leidos: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _cuantos(leidos)
    monkeypatch.setattr(modulo_cache, "__version__", "99.0")
    assert _cuantos(leidos)[0] == 4


def test_las_reglas_incluidas(carpeta: Path, leidos: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _cuantos(leidos)
    copia = carpeta / "incluidas"
    shutil.copytree(RAIZ / "rules", copia)
    metas = copia / "metas.yaml"
    metas.write_text(metas.read_text(encoding="utf-8") + "\n# una línea más\n", encoding="utf-8")
    monkeypatch.setattr("auditor.lectura.incluidas.directorio_reglas_incluidas", lambda: copia)
    monkeypatch.setattr("auditor.reglas.incluidas.directorio_reglas_incluidas", lambda: copia)
    assert _cuantos(leidos)[0] == 4


REGLA_PROPIA = """\
reglas:
  - id: OFI001
    nombre: con-quien
    tipo: campo_requerido
    categoria: empty_field
    severidad: {severidad}
    campos: [ejecucion.con_quien]
    mensaje: "Falta con quién"
    doc: {{que_revisa: x, por_que: y, ejemplo_falla: a, ejemplo_pasa: b}}
"""


def test_las_reglas_de_la_oficina(carpeta: Path, leidos: list[str]) -> None:
    propias = carpeta / "reglas_oficina"
    propias.mkdir()
    (propias / "oficina.yaml").write_text(REGLA_PROPIA.format(severidad="warning"), encoding="utf-8")
    assert _cuantos(leidos, "--rules", "reglas_oficina")[0] == 4
    assert _cuantos(leidos, "--rules", "reglas_oficina")[0] == 0
    (propias / "oficina.yaml").write_text(REGLA_PROPIA.format(severidad="info"), encoding="utf-8")
    assert _cuantos(leidos, "--rules", "reglas_oficina")[0] == 4


def test_la_configuracion(carpeta: Path, leidos: list[str]) -> None:
    _cuantos(leidos)
    (carpeta / "auditor.yaml").write_text("reglas:\n  PCT004: {severidad: info}\n", encoding="utf-8")
    assert _cuantos(leidos)[0] == 4  # the cache moved beside the configuration: a new one
    assert _cuantos(leidos)[0] == 0
    (carpeta / "auditor.yaml").write_text("reglas:\n  PCT004: {severidad: error}\n", encoding="utf-8")
    assert _cuantos(leidos)[0] == 4


def test_una_supresion_por_ruta_y_una_en_linea(carpeta: Path, leidos: list[str]) -> None:
    (carpeta / "auditor.yaml").write_text("reglas: {}\n", encoding="utf-8")
    _cuantos(leidos)
    (carpeta / "auditor.yaml").write_text(
        'por_ruta:\n  "informes/fronteras_2024.yaml":\n    motivo: Borrador\n    reglas: {LUG002: false}\n', encoding="utf-8")
    n, salida = _cuantos(leidos)
    assert n == 4 and b'"config"' in salida


def test_la_linea_base_se_aplica_despues_de_la_cache(carpeta: Path, leidos: list[str]) -> None:
    correr("check", "informes", "-j1", "--format", "json", "-o", "x.json", "--write-baseline", "base.json")
    del leidos[:]
    n, salida = _cuantos(leidos, "--baseline", "base.json")
    assert n == 0 and b'"kind": "baseline"' in salida
    Path("base.json").write_text('{"version": 1, "hallazgos": []}\n', encoding="utf-8")  # an empty baseline now
    n, salida = _cuantos(leidos, "--baseline", "base.json")
    assert n == 0 and b'"kind": "baseline"' not in salida


def test_el_idioma(carpeta: Path, leidos: list[str]) -> None:
    _cuantos(leidos)
    n, salida = _cuantos(leidos, "--lang", "en")
    assert n == 4 and b"is a municipality of" in salida


def test_la_seleccion_de_reglas(carpeta: Path, leidos: list[str]) -> None:
    _cuantos(leidos)
    assert _cuantos(leidos, "--select", "LUG")[0] == 4
    assert _cuantos(leidos, "--select", "LUG")[0] == 0
    assert _cuantos(leidos, "--ignore", "LUG")[0] == 4


def test_el_limite_de_tamano_y_de_tiempo(carpeta: Path, leidos: list[str]) -> None:
    (carpeta / "auditor.yaml").write_text("tamano_maximo_mb: 20\n", encoding="utf-8")
    _cuantos(leidos)
    (carpeta / "auditor.yaml").write_text("tamano_maximo_mb: 0.01\n", encoding="utf-8")
    pequenos = sum(1 for a in (carpeta / "informes").iterdir() if a.stat().st_size <= 0.01 * 1024 * 1024)
    n, salida = _cuantos(leidos)
    assert n == pequenos < 4 and b"no se lee" in salida  # the large ones are refused unread, and never kept
    (carpeta / "auditor.yaml").write_text("tiempo_expresiones_s: 9\n", encoding="utf-8")
    assert _cuantos(leidos)[0] == 4


def test_el_plan_indicativo(carpeta: Path, leidos: list[str]) -> None:
    shutil.copy(FIXTURES / "plan" / "plan_indicativo.csv", carpeta / "plan.csv")
    n, salida = _cuantos(leidos, "--plan", "plan.csv")
    assert n == 4 and b"PLN001" in salida
    assert _cuantos(leidos, "--plan", "plan.csv")[0] == 0  # PLN001 over the reports, recomputed from what was kept
    plan = carpeta / "plan.csv"
    plan.write_bytes(plan.read_bytes() + b"\n")
    assert _cuantos(leidos, "--plan", "plan.csv")[0] == 4


def test_la_matriz_de_completitud(carpeta: Path, leidos: list[str]) -> None:
    _cuantos(leidos)
    estado, _, _ = correr("summary", "informes", "--format", "json", "-o", "matriz.json")
    assert len(leidos) == 4  # check kept no matrix: summary computes it
    del leidos[:]
    correr("summary", "informes", "--format", "json", "-o", "matriz2.json")
    assert leidos == [] and Path("matriz.json").read_bytes() == Path("matriz2.json").read_bytes()


def test_sin_cache_en_la_configuracion(carpeta: Path, leidos: list[str]) -> None:
    (carpeta / "auditor.yaml").write_text("cache: false\n", encoding="utf-8")
    assert _cuantos(leidos)[0] == 4
    assert _cuantos(leidos)[0] == 4
    assert not (carpeta / ".auditor_cache").exists()


def test_cache_dir_y_clean(carpeta: Path, leidos: list[str]) -> None:
    assert _cuantos(leidos, "--cache-dir", "otra")[0] == 4
    assert _cuantos(leidos, "--cache-dir", "otra")[0] == 0
    assert not (carpeta / ".auditor_cache").exists()
    estado, _, err = correr("cache", "clean", "--cache-dir", "otra")
    assert estado == 0 and "caché borrada en otra: se quitaron 4 resultados" in err
    assert not (carpeta / "otra").exists()
    estado, _, err = correr("cache", "clean")
    assert estado == 0 and "no hay caché" in err
    (carpeta / "no_es_cache").mkdir()
    (carpeta / "no_es_cache" / "datos.yaml").write_text("x: 1\n", encoding="utf-8")
    estado, _, err = correr("cache", "clean", "--cache-dir", "no_es_cache")
    assert "no hay caché" in err and (carpeta / "no_es_cache" / "datos.yaml").exists()  # never removes what is not its own


def test_un_recorrido_no_audita_la_cache(carpeta: Path) -> None:
    _check("--cache-dir", "informes/cache")
    estado, _, err = correr("check", ".", "--format", "json", "-j1", "-o", "todo.json", "--cache-dir", "informes/cache")
    archivos = {f for f in Path("todo.json").read_text(encoding="utf-8").split('"file": "')[1:]}
    assert not any(a.startswith(("informes/cache", ".auditor_cache")) for a in archivos), err


@pytest.mark.parametrize("dano", ["truncada", "cambiada", "ajena", "vacia", "clave_abierta"])
def test_una_entrada_danada_se_ignora_y_se_reescribe(carpeta: Path, leidos: list[str], dano: str) -> None:
    _, limpia = _cuantos(leidos)
    resultados = carpeta / ".auditor_cache" / "resultados"
    for entrada in resultados.iterdir():
        datos = entrada.read_bytes()
        if dano == "truncada":
            entrada.write_bytes(datos[: len(datos) // 2])
        elif dano == "cambiada":  # one byte of the pickled body
            entrada.write_bytes(datos[:-10] + bytes([datos[-10] ^ 1]) + datos[-9:])
        elif dano == "vacia":
            entrada.write_bytes(b"")
    if dano == "ajena":  # entries signed with another key (copied from elsewhere)
        (carpeta / ".auditor_cache" / "clave").unlink()
    if dano == "clave_abierta":  # a key others may read is not trusted: replaced
        (carpeta / ".auditor_cache" / "clave").chmod(0o644)
    n, salida = _cuantos(leidos)
    assert n == 4 and salida == limpia
    assert _cuantos(leidos)[0] == 0  # rewritten


def test_una_entrada_autenticada_solo_construye_resultados(tmp_path: Path) -> None:
    """Even with the directory's key, an entry whose body would build anything else is refused."""
    import pickle

    cache = modulo_cache.Cache(tmp_path, b"h" * 32, b"k" * 32)
    cache.resultados.mkdir(parents=True)
    archivo = tmp_path / "a.yaml"
    archivo.write_bytes(b"entidad: x\n")

    class Malo:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, ("echo pwned",))

    entrada, llave = cache._entrada(archivo)
    cuerpo = pickle.dumps(Malo())
    cabeza = modulo_cache.MAGIA + modulo_cache.FORMATO.to_bytes(2, "little") + modulo_cache._llave_completa(llave, archivo.read_bytes())
    import hmac

    entrada.write_bytes(cabeza + hmac.new(b"k" * 32, cabeza + cuerpo, "sha256").digest() + cuerpo)
    assert cache.buscar(archivo, 20) is None


def _subproceso(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ / "src")}
    return subprocess.Popen([sys.executable, "-m", "auditor", *args], cwd=cwd, env=entorno,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_dos_corridas_a_la_vez(carpeta: Path) -> None:
    referencia = _subproceso("check", "informes", "--format", "sarif", "--no-cache", "-o", "ref.sarif", cwd=carpeta)
    referencia.communicate(timeout=120)
    assert referencia.returncode == 1
    procesos = [_subproceso("check", "informes", "--format", "sarif", "-j1", "-o", f"{i}.sarif", cwd=carpeta) for i in range(3)]
    for p in procesos:
        _, err = p.communicate(timeout=180)
        assert p.returncode == 1 and b"Traceback" not in err and b"aviso" not in err, err
    for i in range(3):
        assert (carpeta / f"{i}.sarif").read_bytes() == (carpeta / "ref.sarif").read_bytes()
    assert len(list((carpeta / ".auditor_cache" / "resultados").iterdir())) == 4  # no temporary file left behind
    tibia = _subproceso("check", "informes", "--format", "sarif", "-j2", "-o", "tibia.sarif", cwd=carpeta)
    tibia.communicate(timeout=120)
    assert tibia.returncode == 1
    assert (carpeta / "tibia.sarif").read_bytes() == (carpeta / "ref.sarif").read_bytes()


def test_un_lugar_que_no_se_puede_escribir(carpeta: Path, leidos: list[str]) -> None:
    """Under a regular file no directory can be made (this binds root too): said once, and the run goes on."""
    (carpeta / "archivo").write_text("x", encoding="utf-8")
    estado, salida, err = _check("--cache-dir", "archivo/cache")
    assert err.count("no se puede usar la caché en archivo/cache") == 1, err
    assert salida == _check("--no-cache", salida="sin.json")[1]
    estado, _, err = correr("--lang", "en", "check", "informes", "-q", "--cache-dir", "archivo/cache")
    assert err.count("cannot use the cache in archivo/cache") == 1, err


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="como root los permisos no impiden escribir")
def test_un_directorio_de_solo_lectura(carpeta: Path, leidos: list[str]) -> None:
    (carpeta / "solo").mkdir()
    (carpeta / "solo").chmod(0o555)
    try:
        _, salida, err = _check("--cache-dir", "solo/cache")
        assert err.count("no se puede usar la caché") == 1, err
    finally:
        (carpeta / "solo").chmod(0o755)


FORMATOS_DE_ARCHIVO = [f for f in FORMATOS if f != "rich"]


@pytest.mark.parametrize("trabajos", ["1", "2"])
@pytest.mark.parametrize("formato", [*FORMATOS_DE_ARCHIVO, "-q"])
def test_los_mismos_bytes_que_sin_cache(carpeta: Path, formato: str, trabajos: str) -> None:
    shutil.copy(FIXTURES / "plan" / "plan_indicativo.csv", carpeta / "plan.csv")
    opciones = ["-q", "--format", "text"] if formato == "-q" else ["--format", formato]
    comun = ["check", "informes", *opciones, "-j", trabajos, "--plan", "plan.csv"]

    def salida(nombre: str, *extra: str) -> bytes:
        estado, _, err = correr(*comun, "-o", nombre, *extra)
        assert estado in (0, 1), err
        return Path(nombre).read_bytes()

    sin = salida("sin", "--no-cache")
    assert salida("fria") == sin
    assert salida("tibia") == sin
    (carpeta / "informes" / "fronteras_2024.yaml").write_text(
        (carpeta / "informes" / "fronteras_2024.yaml").read_text(encoding="utf-8").replace("Tabio", "Tibú"), encoding="utf-8")
    assert salida("una_cambiada") == salida("sin2", "--no-cache") != sin


def test_la_cache_se_poda_por_uso(tmp_path: Path) -> None:
    """Past the limit, the least recently used entries go first, down to 80 % of it; a temporary file a stopped
    worker left more than a day ago goes too."""
    cache = modulo_cache.Cache(tmp_path, b"h" * 32, b"k" * 32)
    cache.resultados.mkdir(parents=True)
    for i in range(10):
        entrada = cache.resultados / f"{i:040x}"
        entrada.write_bytes(b"x" * 100_000)
        os.utime(entrada, (1_000_000 + i, 1_000_000 + i))
    viejo = cache.resultados / ".tmp-viejo"
    viejo.write_bytes(b"x")
    os.utime(viejo, (1_000_000, 1_000_000))
    assert cache.podar(limite_mb=2) == 0  # 1 MB: under the limit
    assert cache.podar(limite_mb=0.5) == 6  # 1 MB over 0.5: down to 0.4
    assert sorted(p.name for p in cache.resultados.iterdir()) == [f"{i:040x}" for i in range(6, 10)]
