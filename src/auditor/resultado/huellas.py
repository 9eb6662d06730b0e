"""Content fingerprints of findings: the same defect keeps its fingerprint when lines move.

    huella = sha256(rule · report · meta · field · quoted text)[:16]

- **report**: the file's path relative to a base directory (the baseline's), in POSIX
  form, so the same repository checked out anywhere, from any current directory, on any
  system, gives the same fingerprints.  The header (entity, office, period) was not
  chosen: a draft and its final version share it and would hide each other's defects,
  and fixing a typo in the header would bring back every accepted finding.
- **meta**: the meta's number as the report writes it.
- **field**: the field path with list positions removed (``beneficiarios.grupos[].cantidad``):
  inserting a group or a total above must not change the fingerprint of the next ones;
  the quoted text tells the items apart, and the baseline counts repeats (multiset).
- **quoted text**: as written in the report, normalized (Unicode NFC, casefold, runs of
  whitespace collapsed) so that re-wrapping a paragraph or changing the case does not
  resurrect it.  The *message* is never used: it is translated (``--lang``) and its
  wording may improve between versions, while the report's own text does not change.
  Without a quoted text the fingerprint is rule · report · meta · field, which is what
  identifies such a finding (an empty amount, a missing section).

The line number is never part of it.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from auditor.lectura.visible import a_bytes
from auditor.resultado.hallazgo import Hallazgo

_POSICION = re.compile(r"\[\d+\]")


def normalizar(texto: str) -> str:
    """NFC, casefold and whitespace collapsed: the same text however it is wrapped or cased."""
    return " ".join(unicodedata.normalize("NFC", texto).casefold().split())


def identidad_archivo(archivo: str, base: str | os.PathLike[str]) -> str:
    """The file's path relative to `base` in POSIX form ('../' when outside it)."""
    try:
        relativa = os.path.relpath(Path(archivo).resolve(), Path(base).resolve())
    except ValueError:  # another drive (Windows): the absolute path is all there is
        return Path(archivo).resolve().as_posix()
    return Path(relativa).as_posix()


def raiz(rutas: Iterable[str | os.PathLike[str]], configuracion: str | os.PathLike[str] | None = None,
         linea_base: str | os.PathLike[str] | None = None) -> Path:
    """The directory a run's fingerprints are relative to, the same from any current directory: the
    baseline's (so that SARIF's fingerprints are the baseline's), else the configuration file's, else the
    git root above the paths audited, else the folder that holds them all (whatever their order on the command line)."""
    if linea_base is not None:
        return Path(linea_base).resolve().parent
    if configuracion is not None:
        return Path(configuracion).resolve().parent
    carpetas = sorted({c if c.is_dir() else c.parent for c in (Path(r).resolve() for r in rutas)} or {Path(".").resolve()})
    try:
        inicio = Path(os.path.commonpath(carpetas))
    except ValueError:  # on different drives (Windows): the first in order, not in the command line's
        inicio = carpetas[0]
    for carpeta in (inicio, *inicio.parents):
        if (carpeta / ".git").exists():
            return carpeta
    return inicio


def campo_estable(campo: str | None) -> str:
    return _POSICION.sub("[]", campo or "")


def huella(f: Hallazgo, base: str | os.PathLike[str]) -> str:
    """The content fingerprint of a finding; file paths are taken relative to `base` (a directory)."""
    partes = (f.regla, identidad_archivo(f.archivo, base), f.meta or "", campo_estable(f.campo), normalizar(f.texto or ""))
    return hashlib.sha256(a_bytes("\x1f".join(partes))).hexdigest()[:16]  # any file name, even one that is not UTF-8
