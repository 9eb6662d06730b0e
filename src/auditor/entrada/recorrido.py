"""What a directory walk leaves out: git-ignored paths, and the patterns of `excluir:` and `--exclude`.

What git ignores is what its .gitignore files say, and, weaker, the repository's ``info/exclude`` and the
user's excludes file (``core.excludesFile``), found as `repositorio` says.

Patterns follow gitignore's syntax and are read by pathspec (``GitIgnoreSpec``), the matcher that
black, hatch and many others use, never by a hand-written one.  A set of patterns is relative to a
folder: a ``.gitignore`` to its own folder, ``info/exclude`` and the user's excludes file to the
repository's root, ``excluir:`` to the configuration file's, ``--exclude`` to the current directory.  As in
git, a deeper ``.gitignore`` overrides a shallower one, and any .gitignore the two files of the repository
(``!patron`` re-includes); nothing below an ignored folder is looked at.

Only walks use this: a file named on the command line is always audited.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

NOMBRE_GITIGNORE = ".gitignore"


@dataclass(frozen=True)
class Patrones:
    """gitignore-style patterns relative to `base` (an absolute folder)."""

    base: Path
    especificacion: pathspec.GitIgnoreSpec

    @classmethod
    def de(cls, lineas: Iterable[str], base: str | os.PathLike[str]) -> Patrones:
        import pathspec  # loaded only by a walk that meets patterns (34 ms)

        return cls(Path(os.path.abspath(base)), pathspec.GitIgnoreSpec.from_lines(list(lineas)))

    def decide(self, ruta: Path, carpeta: bool) -> bool | None:
        """True: `ruta` (absolute) is matched; False: re-included by a '!' pattern; None: no pattern speaks of it."""
        try:
            relativa = ruta.relative_to(self.base).as_posix()
        except ValueError:
            return None
        if relativa in ("", "."):
            return None
        return self.especificacion.check_file(relativa + "/" if carpeta else relativa).include


def patron_invalido(patron: str) -> str | None:
    """Why `patron` is not one gitignore-style pattern (None when it is)."""
    import pathspec

    from auditor.idioma import tr

    if not patron.strip() or patron.lstrip().startswith("#"):
        return tr("el patrón '{patron}' está vacío o es un comentario: no excluye nada", patron=patron)
    if "\n" in patron or "\r" in patron:
        return tr("el patrón '{patron}' ocupa varias líneas: escriba uno por entrada", patron=patron)
    try:
        pathspec.GitIgnoreSpec.from_lines([patron])
    except ValueError as error:
        return tr("el patrón '{patron}' no es válido: {motivo}", patron=patron, motivo=error)
    return None


def leer_gitignore(carpeta: Path) -> Patrones | None:
    """The patterns of `carpeta`/.gitignore, or None when there is none (or it cannot be read: git skips it too)."""
    return _leer_patrones(carpeta / NOMBRE_GITIGNORE, carpeta)


def _leer_patrones(archivo: Path, base: Path) -> Patrones | None:
    """The patterns of `archivo`, relative to `base`; None when it is no file or cannot be read (git skips it too)."""
    if not archivo.is_file():
        return None
    try:
        texto = archivo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return Patrones.de(texto.splitlines(), base)


def excluido(cadena: Sequence[Patrones], ruta: Path, carpeta: bool) -> bool:
    """Whether the last set of patterns that speaks of `ruta` (absolute) leaves it out."""
    decision: bool | None = None
    for patrones in cadena:
        dicho = patrones.decide(ruta, carpeta)
        if dicho is not None:
            decision = dicho
    return bool(decision)


def gitignores_de_arriba(carpeta: Path) -> list[Patrones]:
    """What git ignores above `carpeta` (absolute), weakest first: the user's excludes file (``core.excludesFile``,
    or git's default ``~/.config/git/ignore``) and the repository's ``info/exclude``, both relative to its root,
    then the .gitignore files from the root down to `carpeta`'s parent; none when `carpeta` is in no repository
    (see `repositorio`)."""
    from auditor.entrada.repositorio import excludes_del_usuario, repositorio_de

    repositorio = repositorio_de(carpeta)
    if repositorio is None:
        return []
    cadena: list[Patrones] = []
    for archivo in (excludes_del_usuario(repositorio), repositorio.exclude):
        patrones = _leer_patrones(archivo, repositorio.raiz) if archivo is not None else None
        if patrones is not None:
            cadena.append(patrones)
    ancestros = [carpeta, *carpeta.parents]
    for ancestro in reversed(ancestros[1: ancestros.index(repositorio.raiz) + 1]):  # `carpeta`'s own is read by the walk
        patrones = leer_gitignore(ancestro)
        if patrones is not None:
            cadena.append(patrones)
    return cadena
