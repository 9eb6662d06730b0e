"""The result cache (``.auditor_cache/``): a file that did not change is not audited again, nor even parsed.

Each audited file's `ResultadoInforme` (findings, suppressed findings, metas, the completeness matrix when the run
computes it, the matching to the Plan Indicativo) is kept under a key of everything it depends on:

- the run (`huella_de_la_corrida`, computed once): the tool's version and its code (every file of the package),
  the Python version, the rule files (built-in, the office's directories, `--rules`), the configuration file's
  bytes and where it is (its `por_ruta` globs are relative to it, its line numbers are in the suppressions'
  origin), the language, the rule selection and the active rules with their severities, whether the matrix is
  computed, the Plan Indicativo's bytes and name, and the current directory;
- the file: its name as shown and its absolute path, and its bytes (read once: the same bytes are hashed and,
  when there is no entry, parsed).

Suppressions written in the report and in the configuration's `por_ruta` are applied before the result is kept
(both are part of the key); a baseline is applied by the command over the whole run, after the cache, so a
changed baseline never needs a new entry.  What depends on more than one file (PLN001 over the reports of a
secretaría, PLN009/PLN011 in the plan) is recomputed every run from the kept `cotejo` (see `motor.plan`).  A
result whose findings depend on the clock (an office's expression stopped by its time limit) is not kept.

Entries are written whole (a temporary file renamed into place), so two runs at once never see half an entry.
An entry is pickled, but never unpickled unless it is authenticated: each one carries an HMAC-SHA256 under a
random key kept in the cache directory (``clave``, created with mode 0600; a key readable by others or owned by
another user is replaced, which turns every old entry into a miss), and its header the format version and the
full key.  An entry that fails any check (truncated, corrupt, from another key or another version of the
format) is a miss and is rewritten.  Even an authenticated entry is unpickled only into the result's own
classes (dataclasses and enumerations of `auditor`, `collections.Counter`): nothing else can be built from it.

The directory is bounded: when its entries pass `LIMITE_MB`, the least recently used (by modification time, which
a hit older than a day refreshes) are removed until they fill `LIMITE_MB * 0.8`.  There is one entry per file and
configuration (the name comes from the run and the path; the file's bytes are checked inside), so a file edited a
hundred times keeps one entry; a temporary file left by a worker stopped mid-write goes after a day.  Writing that
fails during a run (a full disk) stops writing in that process, silently: the run's results do not depend on it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import hmac
import io
import os
import pickle
import secrets
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor import __version__

if TYPE_CHECKING:
    from auditor.motor.auditor import Auditor
    from auditor.resultado.informe import ResultadoInforme

NOMBRE_DIRECTORIO = ".auditor_cache"
FORMATO = 1
MAGIA = b"auditor-cache\x00"
LIMITE_MB = 512
_CABECERA = len(MAGIA) + 2 + 32 + 32  # magic, format version, the entry's full key, its HMAC
_RESULTADOS = "resultados"
_CLAVE = "clave"
_ETIQUETA = "CACHEDIR.TAG"
_TEXTO_ETIQUETA = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                   "# This file is a cache directory tag created by auditor (https://bford.info/cachedir/).\n")
_TEXTO_GITIGNORE = "# creado por auditor: la caché no se versiona\n*\n"
_UN_DIA_S = 86_400


class _Desempaquetador(pickle.Unpickler):
    """Builds only the classes of a result: dataclasses and enumerations of auditor, and Counter."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("collections", "Counter"):
            return super().find_class(module, name)
        if module == "auditor" or module.startswith("auditor."):
            objeto = super().find_class(module, name)
            if isinstance(objeto, type) and (dataclasses.is_dataclass(objeto) or issubclass(objeto, enum.Enum)):
                return objeto
        raise pickle.UnpicklingError(f"{module}.{name}")


def _archivos(raiz: Path) -> list[Path]:
    if raiz.is_file():
        return [raiz]
    salida: list[Path] = []
    for carpeta, carpetas, nombres in os.walk(raiz):
        carpetas[:] = sorted(c for c in carpetas if c != "__pycache__")
        salida.extend(Path(carpeta) / n for n in sorted(nombres) if not n.endswith((".pyc", ".pyo")))
    return salida


def _agregar(h: Any, *partes: str | bytes) -> None:
    for parte in partes:
        datos = parte if isinstance(parte, bytes) else parte.encode("utf-8", "surrogateescape")
        h.update(len(datos).to_bytes(8, "little"))
        h.update(datos)


def _agregar_archivos(h: Any, raiz: Path) -> None:
    """The names and bytes of every file under `raiz` (a file itself: its bytes); a missing one counts as missing."""
    _agregar(h, str(raiz.resolve()))
    for archivo in _archivos(raiz):
        try:
            _agregar(h, str(archivo.relative_to(raiz)) if archivo != raiz else "", archivo.read_bytes())
        except OSError:
            _agregar(h, str(archivo), b"\xff(ilegible)")


def huella_de_la_corrida(auditor: Auditor) -> bytes:
    """The part of every key that the run decides (see the module's docstring)."""
    import auditor as paquete
    from auditor.idioma import actual
    from auditor.lectura.incluidas import directorio_reglas_incluidas

    h = hashlib.blake2b(digest_size=32)
    _agregar(h, f"auditor {__version__} formato {FORMATO}", sys.version, sys.platform)
    _agregar_archivos(h, Path(paquete.__file__).resolve().parent)
    _agregar_archivos(h, directorio_reglas_incluidas())
    configuracion = auditor.configuracion
    for propio in auditor.no_informes:  # the office's rule directories, --rules, the configuration file
        _agregar_archivos(h, Path(propio))
    _agregar(h, "configuración", configuracion.archivo or "", str(configuracion.directorio or ""))
    _agregar(h, "idioma", actual(), "directorio", os.getcwd())
    seleccion = sorted(auditor.seleccion) if auditor.seleccion is not None else ["*"]
    _agregar(h, "selección", *seleccion)
    for regla in auditor.activas():
        _agregar(h, regla.id, auditor.severidad(regla).value)
    _agregar(h, "completitud", str(auditor.con_completitud))
    if auditor.plan is not None:
        _agregar(h, "plan", auditor.plan.archivo)
        _agregar_archivos(h, Path(auditor.plan.archivo))
    return h.digest()


def _llave_del_archivo(huella: bytes, archivo: Path) -> bytes:
    h = hashlib.blake2b(huella, digest_size=32)
    _agregar(h, str(archivo), os.path.abspath(archivo))
    return h.digest()


def _llave_completa(llave: bytes, contenido: bytes) -> bytes:
    return hashlib.blake2b(llave + hashlib.blake2b(contenido, digest_size=32).digest(), digest_size=32).digest()


class Cache:
    """The entries of one directory for one run (`abrir`); `buscar` in the process that dispatches the files,
    `guardar` in the one that audited a file (a worker or this one)."""

    def __init__(self, directorio: Path, huella: bytes, clave: bytes) -> None:
        self.directorio = directorio
        self.resultados = directorio / _RESULTADOS
        self.huella = huella
        self._clave = clave
        self.escritos = 0
        self.fallo: str | None = None  # why writing stopped in this process (a full disk): said once by the command

    @classmethod
    def abrir(cls, directorio: Path, auditor: Auditor) -> Cache:
        """The cache in `directorio`, created if needed; OSError when it cannot be used (the caller says so)."""
        (directorio / _RESULTADOS).mkdir(parents=True, exist_ok=True)
        for nombre, texto in ((_ETIQUETA, _TEXTO_ETIQUETA), (".gitignore", _TEXTO_GITIGNORE)):
            if not (directorio / nombre).exists():
                _escribir_atomico(directorio, directorio / nombre, texto.encode())
        prueba = tempfile.NamedTemporaryFile(dir=directorio / _RESULTADOS, prefix=".prueba-", delete=True)  # writable?
        prueba.close()
        return cls(directorio, huella_de_la_corrida(auditor), _clave(directorio))

    def _entrada(self, archivo: Path) -> tuple[Path, bytes]:
        llave = _llave_del_archivo(self.huella, archivo)
        return self.resultados / llave.hex()[:40], llave

    def buscar(self, archivo: Path, tamano_maximo_mb: float) -> ResultadoInforme | None:
        """The kept result of `archivo` as it is now, or None (no entry, a stale or bad one, a file not read)."""
        from auditor.entrada.carga import rechazo_previo

        entrada, llave = self._entrada(archivo)
        try:
            with open(entrada, "rb") as f:
                datos = f.read()
                modificada = os.fstat(f.fileno()).st_mtime
            if rechazo_previo(archivo, tamano_maximo_mb) is not None:
                return None
            contenido = archivo.read_bytes()
        except OSError:
            return None
        resultado = self._leer(datos, _llave_completa(llave, contenido), str(archivo))
        if resultado is not None and time.time() - modificada > _UN_DIA_S:
            with contextlib.suppress(OSError):
                os.utime(entrada)  # recently used: the last to be pruned
        return resultado

    def _leer(self, datos: bytes, completa: bytes, nombre: str) -> ResultadoInforme | None:
        from auditor.resultado.informe import ResultadoInforme

        if (len(datos) < _CABECERA or not datos.startswith(MAGIA)
                or int.from_bytes(datos[len(MAGIA):len(MAGIA) + 2], "little") != FORMATO):
            return None
        inicio = len(MAGIA) + 2
        if datos[inicio:inicio + 32] != completa:
            return None  # the file changed (or another file): a miss
        firma = datos[inicio + 32:_CABECERA]
        if not hmac.compare_digest(firma, hmac.new(self._clave, datos[:inicio + 32] + datos[_CABECERA:], "sha256").digest()):
            return None  # not written with this directory's key: never unpickled
        try:
            resultado = _Desempaquetador(io.BytesIO(datos[_CABECERA:])).load()
        except Exception:  # noqa: BLE001 - an authenticated but unreadable entry (another version's classes) is a miss
            return None
        if not isinstance(resultado, ResultadoInforme) or resultado.archivo != nombre:
            return None
        return resultado

    def guardar(self, archivo: Path, contenido: bytes, resultado: ResultadoInforme) -> None:
        """Keep `resultado`, computed from `contenido` (the bytes of `archivo` as they were read)."""
        if self.fallo is not None:
            return
        entrada, llave = self._entrada(archivo)
        cuerpo = pickle.dumps(resultado, protocol=pickle.HIGHEST_PROTOCOL)
        cabeza = MAGIA + FORMATO.to_bytes(2, "little") + _llave_completa(llave, contenido)
        firma = hmac.new(self._clave, cabeza + cuerpo, "sha256").digest()
        try:
            _escribir_atomico(self.resultados, entrada, cabeza + firma + cuerpo)
        except OSError as error:
            self.fallo = os.strerror(error.errno) if error.errno else str(error)
            return
        self.escritos += 1

    def podar(self, limite_mb: float = LIMITE_MB) -> int:
        """Remove the least recently used entries while they fill more than `limite_mb`; how many were removed."""
        entradas = []
        total = 0
        try:
            with os.scandir(self.resultados) as it:
                for e in it:
                    with contextlib.suppress(OSError):
                        datos = e.stat(follow_symlinks=False)
                        if not stat.S_ISREG(datos.st_mode):
                            continue
                        if not e.name.startswith("."):
                            entradas.append((datos.st_mtime, e.path, datos.st_size))
                            total += datos.st_size
                        elif time.time() - datos.st_mtime > _UN_DIA_S:  # left by a worker stopped mid-write
                            os.unlink(e.path)
        except OSError:
            return 0
        limite = limite_mb * 1024 * 1024
        if total <= limite:
            return 0
        quitadas = 0
        for _, ruta, tamano in sorted(entradas):
            if total <= limite * 0.8:
                break
            with contextlib.suppress(OSError):
                os.unlink(ruta)
                total -= tamano
                quitadas += 1
        return quitadas


def _escribir_atomico(carpeta: Path, destino: Path, datos: bytes) -> None:
    descriptor, temporal = tempfile.mkstemp(dir=carpeta, prefix=".tmp-")
    try:
        with os.fdopen(descriptor, "wb") as f:
            f.write(datos)
        os.replace(temporal, destino)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporal)
        raise


def _clave(directorio: Path) -> bytes:
    """The directory's HMAC key: created once (mode 0600, linked into place so that two runs agree on one key);
    a key others can read or write, or of another user, or of the wrong length, is replaced."""
    ruta = directorio / _CLAVE
    for _ in range(3):
        try:
            with open(ruta, "rb") as f:
                datos = os.fstat(f.fileno())
                clave = f.read()
            if (len(clave) == 32 and stat.S_ISREG(datos.st_mode) and not datos.st_mode & 0o077
                    and (not hasattr(os, "geteuid") or datos.st_uid == os.geteuid())):
                return clave
            os.unlink(ruta)  # not to be trusted: a new key, and every entry signed with the old one is a miss
        except FileNotFoundError:
            pass
        nueva = secrets.token_bytes(32)
        descriptor, temporal = tempfile.mkstemp(dir=directorio, prefix=".tmp-clave-")  # mkstemp: mode 0600
        try:
            with os.fdopen(descriptor, "wb") as f:
                f.write(nueva)
            os.link(temporal, ruta)  # fails if another run made its key first: that one is read on the next turn
            return nueva
        except FileExistsError:
            continue
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporal)
    raise OSError(f"{ruta}: no se pudo crear la clave de la caché")


def limpiar(directorio: Path) -> tuple[int, int] | None:
    """Remove the cache in `directorio` (only what auditor writes there); (entries, bytes) removed, or None when
    `directorio` holds no cache of auditor (nothing is removed then)."""
    if not (directorio / _ETIQUETA).is_file() and not (directorio / _CLAVE).is_file():
        return None
    entradas = bytes_ = 0
    resultados = directorio / _RESULTADOS
    if resultados.is_dir():
        for e in os.scandir(resultados):
            if e.is_file(follow_symlinks=False):
                bytes_ += e.stat(follow_symlinks=False).st_size
                os.unlink(e.path)
                if not e.name.startswith("."):
                    entradas += 1
        resultados.rmdir()
    for nombre, propio in ((_CLAVE, None), (_ETIQUETA, _TEXTO_ETIQUETA), (".gitignore", _TEXTO_GITIGNORE)):
        with contextlib.suppress(FileNotFoundError):
            if propio is None or (directorio / nombre).read_text(encoding="utf-8", errors="replace") == propio:
                (directorio / nombre).unlink()
    with contextlib.suppress(OSError):
        directorio.rmdir()  # left when something else lives there
    return entradas, bytes_
