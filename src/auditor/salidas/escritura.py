"""Every file auditor writes goes through `escribir`: one mechanism, the same for every output.

- A regular file, or a path that does not exist yet: written to a temporary file in the same
  directory, synced, then renamed over it (never a half-written file; its mode is kept).
- A device, a FIFO, or a descriptor (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N): written
  in place; it is never replaced by a regular file (as root, ``-o /dev/null`` stays /dev/null).
- A symbolic link: followed, and its final target treated by the same two rules (the link stays a link).

`Entradas` holds what a run reads (reports, the configuration, rule files, the baseline); an
output that is one of them, by identity (device and inode, through links and hard links), is
refused with `ErrorEscritura` before anything is written.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from auditor.idioma import tr
from auditor.lectura.fuente import motivo_so

Texto = str | bytes | Callable[[TextIO], None]  # the text, its bytes (an annotated .docx), or a function that writes it to a stream as it goes

# What an input of the run is, for the refusal ("the output cannot be ...").
AUDITADO = "auditado"
CONFIGURACION = "configuracion"
REGLAS = "reglas"
LINEA_BASE = "linea_base"
DOCUMENTO = "documento"
PLAN = "plan"

_DESCRIPTOR = re.compile(r"/dev/(?:(stdin)|(stdout)|(stderr)|fd/(\d+))|/proc/(self|thread-self|\d+)/fd/(\d+)")
_MAXIMO_ENLACES = 40  # as the kernel's ELOOP limit


class ErrorEscritura(Exception):
    """An output that cannot or must not be written; the message (translated) names the path."""


def _que_es(tipo: str) -> str:
    """What an input is, as the end of 'the output cannot be ...'."""
    if tipo == AUDITADO:
        return tr("uno de los archivos auditados")
    if tipo == CONFIGURACION:
        return tr("el archivo de configuración en uso")
    if tipo == REGLAS:
        return tr("un archivo de reglas")
    if tipo == LINEA_BASE:
        return tr("la línea base que se aplica")
    if tipo == PLAN:
        return tr("el Plan Indicativo en uso")
    return tr("el mismo documento de entrada")


def rechazo(destino: str | os.PathLike[str], tipo: str, es_linea_base: bool = False) -> ErrorEscritura:
    """The refusal of writing `destino`, which is an input of kind `tipo`."""
    que = _que_es(tipo)
    motivo = tr("la línea base no puede ser {entrada}", entrada=que) if es_linea_base else tr("la salida no puede ser {entrada}", entrada=que)
    return ErrorEscritura(f"{destino}: {motivo}")


def _identidad(ruta: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(device, inode) of the regular file at `ruta` (links followed); None for anything else or nothing."""
    try:
        datos = os.stat(ruta)
    except (OSError, ValueError):
        return None
    return (datos.st_dev, datos.st_ino) if stat.S_ISREG(datos.st_mode) else None


@dataclass
class Entradas:
    """The files a run reads, each with what it is; compared with an output by identity, lazily
    (nothing is looked at unless the output already exists as a regular file)."""

    rutas: list[tuple[str | os.PathLike[str], str]] = field(default_factory=list)

    def agregar(self, rutas: Iterable[str | os.PathLike[str]], tipo: str) -> None:
        self.rutas.extend((r, tipo) for r in rutas)

    def agregar_reglas(self, directorios: Iterable[Path]) -> None:
        """Every rule file the loader reads under these directories (see declarative.cargar_directorio_reglas)."""
        for directorio in directorios:
            if directorio.is_dir():
                self.agregar((p for p in directorio.rglob("*") if p.suffix in (".yaml", ".yml")), REGLAS)

    def tipo_de(self, destino: str | os.PathLike[str]) -> str | None:
        """What `destino` is among these inputs (None: none of them)."""
        identidad = _identidad(destino)
        if identidad is None:
            return None
        return next((tipo for ruta, tipo in self.rutas if _identidad(ruta) == identidad), None)

    def exigir_que_no_sea_entrada(self, destino: str | os.PathLike[str], es_linea_base: bool = False) -> None:
        """Raise ErrorEscritura when `destino` is one of these inputs."""
        tipo = self.tipo_de(destino)
        if tipo is not None:
            raise rechazo(destino, tipo, es_linea_base)


def misma_ruta(una: str | os.PathLike[str], otra: str | os.PathLike[str]) -> bool:
    """Whether two outputs land on the same regular file, existing or not (two writes to one device or
    descriptor overwrite nothing)."""
    (a, descriptor_a), (b, descriptor_b) = _resolver(Path(una)), _resolver(Path(otra))
    if descriptor_a is not None or descriptor_b is not None:
        return False
    identidad = _identidad(a)
    if identidad is not None:
        return identidad == _identidad(b)
    return not os.path.lexists(a) and a == b


def _descriptor(ruta: str) -> int | None:
    """The descriptor a path names (/dev/stdout: 1, /dev/fd/3: 3, /proc/self/fd/4: 4), if it names one of this process."""
    m = _DESCRIPTOR.fullmatch(ruta)
    if m is None:
        return None
    stdin, stdout, stderr, fd, proceso, fd_proc = m.groups()
    if proceso is not None and proceso not in ("self", "thread-self") and int(proceso) != os.getpid():
        return None  # another process's descriptor: an ordinary link to follow
    if stdin or stdout or stderr:
        return 0 if stdin else 1 if stdout else 2
    return int(fd if fd is not None else fd_proc)


def _resolver(ruta: Path) -> tuple[Path, int | None]:
    """Follow the links of `ruta` one at a time: (final path, None), or (path, descriptor) when one
    of them names a descriptor of this process (written through that descriptor, never renamed over)."""
    actual = os.path.abspath(ruta)
    for _ in range(_MAXIMO_ENLACES):
        numero = _descriptor(actual)
        if numero is not None:
            return Path(actual), numero
        if not os.path.islink(actual):
            return Path(os.path.realpath(actual)), None
        actual = os.path.join(os.path.realpath(os.path.dirname(actual)), os.readlink(actual))
        actual = os.path.normpath(actual)
    return Path(actual), None  # a loop: writing it fails and says so


def escribir(ruta: str | os.PathLike[str], texto: Texto) -> None:
    """Write `texto` to `ruta` as described in the module's docstring; raise ErrorEscritura (with the
    path) when it cannot be written. A partial temporary file is always removed."""
    ruta = Path(ruta)
    try:
        final, numero = _resolver(ruta)
        if numero is not None:
            _en_descriptor(numero, texto)
            return
        try:
            modo = os.stat(final).st_mode
        except FileNotFoundError:
            modo = None
        if modo is not None and not stat.S_ISREG(modo) and not stat.S_ISDIR(modo):
            if _en_su_lugar(final, texto):
                return
        _atomico(final, texto)
    except OSError as error:
        carpeta = ruta.parent if str(ruta.parent) else Path(".")
        if not carpeta.is_dir():
            raise ErrorEscritura(tr("{archivo}: no se puede escribir: no existe el directorio {carpeta}", archivo=ruta, carpeta=carpeta)) from None
        motivo = tr("no hay permiso para escribirlo") if error.errno in (errno.EACCES, errno.EPERM) else motivo_so(error)
        raise ErrorEscritura(tr("{archivo}: no se puede escribir: {motivo}", archivo=ruta, motivo=motivo)) from None


def _volcar(archivo: TextIO, texto: Texto) -> None:
    if isinstance(texto, bytes):
        archivo.flush()
        archivo.buffer.write(texto)
    elif isinstance(texto, str):
        archivo.write(texto)
    else:
        texto(archivo)


def _abrir(descriptor: int) -> TextIO:
    return os.fdopen(descriptor, "w", encoding="utf-8", newline="")  # the bytes as rendered (CSV keeps CRLF)


def _en_descriptor(numero: int, texto: Texto) -> None:
    """Write through a copy of an open descriptor, at its position (a shell's `>>` keeps appending)."""
    for flujo in (sys.stdout, sys.stderr):
        if flujo is not None:
            flujo.flush()  # what was printed before comes first
    with _abrir(os.dup(numero)) as archivo:
        _volcar(archivo, texto)


def _en_su_lugar(final: Path, texto: Texto) -> bool:
    """Write into a device or a FIFO as it is (no creation, no truncation, no rename). False if, by the
    time it is opened, it has become a regular file (the caller then replaces it atomically)."""
    descriptor = os.open(final, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    if stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        return False
    with _abrir(descriptor) as archivo:
        _volcar(archivo, texto)
    return True


def _permisos(ruta: Path) -> int:
    """The mode an overwritten file keeps; for a new file, what `open` would give (0666 less the umask)."""
    try:
        return stat.S_IMODE(ruta.stat().st_mode)
    except OSError:
        mascara = os.umask(0)
        os.umask(mascara)
        return 0o666 & ~mascara


def _atomico(ruta: Path, texto: Texto) -> None:
    """Write through a temporary file in the same directory, sync it, then rename: never a half file."""
    descriptor, temporal = tempfile.mkstemp(prefix=f".{ruta.name}.", suffix=".tmp", dir=ruta.parent)
    try:
        os.chmod(temporal, _permisos(ruta))  # mkstemp makes it 0600: keep the file's mode, or the umask's default
        with _abrir(descriptor) as archivo:
            _volcar(archivo, texto)
            archivo.flush()
            os.fsync(archivo.fileno())
        os.replace(temporal, ruta)
    except BaseException:
        Path(temporal).unlink(missing_ok=True)
        raise
