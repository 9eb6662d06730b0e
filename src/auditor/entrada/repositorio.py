"""The git repository a folder is in, and the files of patterns git reads besides the .gitignore files.

A directory walk leaves out what git ignores (`recorrido`).  Besides the ``.gitignore`` files of the tree,
git reads two more files of patterns, both relative to the repository's root and weaker than any
``.gitignore``: the repository's ``info/exclude`` and the user's excludes file (``core.excludesFile``
of git's configuration; by default ``$XDG_CONFIG_HOME/git/ignore``, or ``~/.config/git/ignore``).

Both are found without git: ``.git`` is the git directory or, in a worktree or a submodule, a file naming
it (``gitdir: …``), and a worktree's ``commondir`` names the directory it shares (``info/`` and ``config``
live there).  ``core.excludesFile`` is read from git's configuration files as git reads them (system, then
global, then the repository's; the last one wins) by `valor_de_configuracion`, a reader of the one
syntax those files have.  Only when one of them includes others (``[include]``, ``[includeIf]``, whose
conditions git alone evaluates) is git asked, if it is installed; its absence, a failure or a timeout
leaves the value read from the files.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

ESPERA_GIT = 2.0  # seconds git may take to answer before the value read from the files is used


@dataclass(frozen=True)
class Repositorio:
    raiz: Path  # the folder that holds `.git` (absolute)
    datos: Path | None  # the git directory of this worktree (`.git`, or where a `.git` file points; None: unreadable)
    comun: Path | None  # the git directory it shares with other worktrees (`datos` itself when it is the main one)

    @property
    def exclude(self) -> Path | None:
        return self.comun / "info" / "exclude" if self.comun is not None else None


def repositorio_de(carpeta: Path) -> Repositorio | None:
    """The repository that `carpeta` (absolute) is in: the nearest folder above it (itself included) holding
    `.git` (None: there is none). A `.git` file that names no git directory still marks the root (its .gitignore
    files count), without a git directory of its own."""
    for ancestro in (carpeta, *carpeta.parents):
        punto_git = ancestro / ".git"
        if punto_git.is_dir():
            return Repositorio(ancestro, punto_git, _comun(punto_git))
        if punto_git.exists():
            datos = _apuntada(punto_git)
            return Repositorio(ancestro, datos, _comun(datos) if datos is not None else None)
    return None


def _primera_linea(archivo: Path) -> str | None:
    try:
        with archivo.open(encoding="utf-8", errors="replace") as entrada:
            return entrada.readline(4096).strip()
    except OSError:
        return None


def _apuntada(punto_git: Path) -> Path | None:
    """The git directory a `.git` file names ('gitdir: ../.git/worktrees/x', relative to the file's folder)."""
    linea = _primera_linea(punto_git)
    if linea is None or not linea.startswith("gitdir:"):
        return None
    datos = punto_git.parent / linea.removeprefix("gitdir:").strip()
    return Path(os.path.abspath(datos)) if datos.is_dir() else None


def _comun(datos: Path) -> Path:
    """The shared git directory: what `datos`/commondir names (a worktree's), else `datos` itself."""
    linea = _primera_linea(datos / "commondir")
    if not linea:
        return datos
    comun = Path(os.path.abspath(datos / linea))
    return comun if comun.is_dir() else datos


def excludes_del_usuario(repositorio: Repositorio) -> Path | None:
    """The user's excludes file for `repositorio`: `core.excludesFile`, else git's default in the XDG folder
    (None when neither can be named: no HOME, or the setting is empty)."""
    valor = valor_de_configuracion(repositorio, "core", "excludesfile")
    if valor is None:
        base = os.environ.get("XDG_CONFIG_HOME") or _en_home(".config")
        return Path(base) / "git" / "ignore" if base else None
    if not valor:
        return None
    ruta = _expandir(valor)
    if ruta is None:
        return None
    return ruta if ruta.is_absolute() else repositorio.raiz / ruta  # git reads a relative one from the root


def _en_home(nombre: str) -> str | None:
    home = os.environ.get("HOME")
    return os.path.join(home, nombre) if home else None


def _expandir(valor: str) -> Path | None:
    """A path value as git expands it: '~/x' in HOME, '~user/x' in that user's home; '%(prefix)/' is git's own."""
    if valor.startswith("%(prefix)/"):
        return None
    if valor.startswith("~"):
        expandida = os.path.expanduser(valor)
        return None if expandida.startswith("~") else Path(expandida)
    return Path(valor)


# ---------------------------------------------------------------------------------------
# git's configuration files


def archivos_de_configuracion(repositorio: Repositorio) -> list[Path]:
    """git's configuration files for `repositorio`, weakest first: system, global (XDG, then ~/.gitconfig), the repository's."""
    archivos: list[Path] = []
    if not _verdadero(os.environ.get("GIT_CONFIG_NOSYSTEM")):
        archivos.append(Path(os.environ.get("GIT_CONFIG_SYSTEM") or "/etc/gitconfig"))
    if "GIT_CONFIG_GLOBAL" in os.environ:
        if os.environ["GIT_CONFIG_GLOBAL"]:
            archivos.append(Path(os.environ["GIT_CONFIG_GLOBAL"]))
    else:
        xdg = os.environ.get("XDG_CONFIG_HOME") or _en_home(".config")
        archivos += [Path(x) for x in (xdg and os.path.join(xdg, "git", "config"), _en_home(".gitconfig")) if x]
    if repositorio.comun is not None:
        archivos.append(repositorio.comun / "config")
    return archivos


def _verdadero(texto: str | None) -> bool:
    return (texto or "").strip().lower() in ("1", "true", "yes", "on")


def valor_de_configuracion(repositorio: Repositorio, seccion: str, clave: str) -> str | None:
    """The value git gives `seccion.clave` (lowercase) in `repositorio`: the last one set in its configuration
    files; git answers instead when a file includes others (None: not set)."""
    valor: str | None = None
    incluye = False
    for archivo in archivos_de_configuracion(repositorio):
        try:
            texto = archivo.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for (sec, sub, nombre), dato in leer_configuracion(texto):
            if sec in ("include", "includeif"):
                incluye = True
            elif sec == seccion and sub is None and nombre == clave and dato is not None:  # a key alone: git refuses it
                valor = dato
    if incluye:
        return _preguntar_a_git(repositorio, f"{seccion}.{clave}", valor)
    return valor


def _preguntar_a_git(repositorio: Repositorio, nombre: str, si_no: str | None) -> str | None:
    """`git config --get nombre` in the repository; `si_no` when git is not installed, fails or is slow."""
    entorno = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        hecho = subprocess.run(["git", "config", "--get", nombre], cwd=repositorio.raiz, capture_output=True, text=True,
                               encoding="utf-8", errors="replace", timeout=ESPERA_GIT, env=entorno, check=False)
    except (OSError, subprocess.SubprocessError):
        return si_no
    if hecho.returncode == 0:
        return hecho.stdout.rstrip("\n")
    return None if hecho.returncode == 1 else si_no  # 1: not set; anything else: git could not say


Entrada = tuple[tuple[str, str | None, str], str | None]  # ((section, subsection, key), value: None for a key alone)


def leer_configuracion(texto: str) -> list[Entrada]:
    """Every setting of a git configuration file, in order, read as git reads it: ``[seccion]``, ``[seccion "sub"]``
    (and the old ``[seccion.sub]``) headers; ``clave = valor`` lines, a key alone having no value (None); values with git's
    quotes, escapes (``\\"``, ``\\\\``, ``\\n``, ``\\t``, ``\\b``), comments (``#``, ``;``), runs of blanks kept as one
    space, and lines continued with a final ``\\``.  What git would refuse is skipped (a walk does not stop for it)."""
    texto = texto.replace("\r\n", "\n")
    entradas: list[Entrada] = []
    seccion: tuple[str, str | None] = ("", None)
    i, n = 0, len(texto)
    while i < n:
        c = texto[i]
        if c.isspace():
            i += 1
        elif c == "[":
            cierre = _cierre_de_seccion(texto, i)
            if cierre is None:
                i = _fin_de_linea(texto, i)
            else:
                seccion = _seccion(texto[i + 1:cierre])
                i = cierre + 1
        elif c.isalpha():
            j = i
            while j < n and (texto[j].isalnum() or texto[j] == "-"):
                j += 1
            nombre = texto[i:j].lower()
            while j < n and texto[j] in " \t":
                j += 1
            if j < n and texto[j] == "=":
                valor, i = _valor(texto, j + 1)
                if valor is not None:
                    entradas.append(((*seccion, nombre), valor))
            elif j == n or texto[j] in "\n#;":
                entradas.append(((*seccion, nombre), None))
                i = j
            else:
                i = _fin_de_linea(texto, i)
        else:  # a comment, or what git would refuse
            i = _fin_de_linea(texto, i)
    return entradas


def _fin_de_linea(texto: str, i: int) -> int:
    fin = texto.find("\n", i)
    return len(texto) if fin < 0 else fin + 1


def _cierre_de_seccion(texto: str, i: int) -> int | None:
    """Where the '[…]' header that opens at `i` closes (a ']' inside the quoted subsection does not; not past the line)."""
    en_comillas = False
    for j in range(i + 1, len(texto)):
        c = texto[j]
        if c == "\n":
            return None
        if c == "\\" and en_comillas:
            continue
        if c == '"' and texto[j - 1] != "\\":
            en_comillas = not en_comillas
        elif c == "]" and not en_comillas:
            return j
    return None


def _seccion(cabecera: str) -> tuple[str, str | None]:
    nombre, _, sub = cabecera.strip().partition(" ")
    sub = sub.strip()
    if len(sub) >= 2 and sub[0] == sub[-1] == '"':
        return nombre.lower(), sub[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if "." in nombre:  # the old [seccion.sub]
        principal, _, resto = nombre.partition(".")
        return principal.lower(), resto.lower()
    return nombre.lower(), None


_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", '"': '"', "\\": "\\"}


def _valor(texto: str, i: int) -> tuple[str | None, int]:
    """The value that starts at `i`, as git's parse_value reads it, and where the next line starts (None: a value
    git refuses, an unknown escape or a quote left open at the end of the line)."""
    valor: list[str] = []
    en_comillas = comentario = False
    espacios = 0
    while i < len(texto):
        c = texto[i]
        i += 1
        if c == "\n":
            return (None if en_comillas else "".join(valor)), i
        if comentario:
            continue
        if c.isspace() and not en_comillas:
            espacios += 1 if valor else 0
            continue
        if not en_comillas and c in "#;":
            comentario = True
            continue
        valor.append(" " * espacios)
        espacios = 0
        if c == "\\":
            siguiente = texto[i] if i < len(texto) else ""
            i += 1
            if siguiente == "\n":
                continue
            if siguiente not in _ESCAPES:
                return None, _fin_de_linea(texto, i - 1)
            valor.append(_ESCAPES[siguiente])
        elif c == '"':
            en_comillas = not en_comillas
        else:
            valor.append(c)
    return (None if en_comillas else "".join(valor)), i
