"""Click's own words (usage errors, help headings) in the language of the run: Spanish unless English is asked.

Click writes its messages in English and passes them through gettext: each of its modules does
``from gettext import gettext as _`` (and ``ngettext``) and looks these names up when it builds a
message.  `instalar` sets those names, in Click's modules, to a lookup in `ESPANOL` (English message id
-> Spanish, written for this tool), or back to gettext's for English.  Ids not listed stay in English.

The language must be known before Click parses the command line, since a usage error is raised while
parsing, before ``--lang`` has been read as an option.  `idioma_de` therefore looks, in order, at
``--lang X`` (or ``--lang=X``) anywhere in the arguments, at ``AUDITOR_LANG``, and at ``idioma:`` of the
configuration that ``--config`` names or that would be found from the current directory; Spanish
otherwise, or when any of these cannot be read (the run itself then says why).

Our own help (each option's text, each command's description and examples) is written in Spanish in
``cli.py`` and translated through the tool's catalog (`auditor.idioma`, ``idiomas/en/cli.yaml``) when Click
formats the help, not when the module is imported: the commands and options are built with `Orden`,
`Grupo` and `Opcion`, whose help texts are `EnElIdioma` attributes.
"""

from __future__ import annotations

import gettext
import inspect
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, overload

import click

from auditor.idioma import IDIOMAS, POR_DEFECTO, plantilla

VARIABLE_IDIOMA = "AUDITOR_LANG"
_MODULOS = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")

ESPANOL: dict[str, str] = {
    # help
    "Usage:": "Uso:",
    "Options": "Opciones",
    "Commands": "Órdenes",
    "Positional arguments": "Argumentos",
    "Show this message and exit.": "Muestra esta ayuda y termina.",
    "Show the version and exit.": "Muestra la versión y termina.",
    "default: {default}": "por defecto: {default}",
    "env var: {var}": "variable de entorno: {var}",
    "required": "obligatorio",
    "deprecated": "obsoleto",
    "(dynamic)": "(dinámico)",
    "Aborted!": "¡Interrumpido!",
    # errors
    "Error: {message}": "Error: {message}",
    "Try '{command} {option}' for help.": "Pruebe '{command} {option}' para ver la ayuda.",
    "No such option {name!r}.": "Opción desconocida {name!r}.",
    "No such option: {name}": "Opción desconocida: {name}",
    "No such command {name!r}.": "Orden desconocida {name!r}.",
    "Missing command.": "Falta la orden.",
    "Invalid value for {param_hint}: {message}": "Valor no válido para {param_hint}: {message}",
    "Invalid value: {message}": "Valor no válido: {message}",
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta el parámetro",
    "Missing parameter: {param_name}": "Falta el parámetro: {param_name}",
    "Missing {param_type}": "Falta {param_type}",
    "unknown error": "error desconocido",
    "Could not open file {filename!r}: {message}": "No se pudo abrir el archivo {filename!r}: {message}",
    "Option {name!r} does not take a value.": "La opción {name!r} no lleva valor.",
    "Argument {name!r} takes {nargs} values.": "El argumento {name!r} lleva {nargs} valores.",
    "Invalid start character for option ({option})": "Carácter inicial no válido para una opción ({option})",
    "Value must be an iterable.": "El valor debe ser una colección.",
    # values
    "file": "archivo",
    "directory": "directorio",
    "path": "ruta",
    "Choose from:\n\t{choices}": "Elija entre:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} no está en el rango {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} no es un booleano válido. Valores reconocidos: {states}",
    "{value!r} is not a valid {number_type}.": "{value!r} no es un {number_type} válido.",
    "{value!r} is not a valid UUID.": "{value!r} no es un UUID válido.",
    "{name} {filename!r} is a file.": "{name} {filename!r} es un archivo.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} es un directorio.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} no se puede leer.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} no se puede escribir.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} no es ejecutable.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} no existe.",
    "Error: The two entered values do not match.": "Error: los dos valores no coinciden.",
    "Error: invalid input": "Error: entrada no válida",
    "Repeat for confirmation": "Repita para confirmar",
    "Do you want to continue?": "¿Desea continuar?",
}

PLURALES: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Sobra un argumento ({args})", "Sobran argumentos ({args})"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("¿Quiso decir {possibility}?", "(¿Quiso decir una de: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("La opción {name!r} necesita un valor.", "La opción {name!r} necesita {nargs} valores."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} no es {choice}.", "{value!r} no es ninguno de {choices}."),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Lleva {nargs} valores, pero se dio 1.", "Lleva {nargs} valores, pero se dieron {len}."),
    ("{len_type} values are required, but {len_value} was given.", "{len_type} values are required, but {len_value} were given."):
        ("Se necesitan {len_type} valores, pero se dio {len_value}.", "Se necesitan {len_type} valores, pero se dieron {len_value}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} no sigue el formato {format}.", "{value!r} no sigue ninguno de los formatos {formats}."),
}


def _en_espanol(mensaje: str) -> str:
    return ESPANOL.get(mensaje, mensaje)


def _plural_en_espanol(singular: str, plural: str, n: int) -> str:
    traducido = PLURALES.get((singular, plural))
    if traducido is None:
        return singular if n == 1 else plural
    return traducido[0] if n == 1 else traducido[1]


def _modulos() -> list[ModuleType]:
    import importlib

    return [importlib.import_module(f"click.{nombre}") for nombre in _MODULOS]


_idioma_de_la_ayuda = POR_DEFECTO  # the language of our own help (`EnElIdioma`): the one Click's words are in


def instalar(idioma: str) -> None:
    """Click's messages, and our own help, in `idioma` from now on, in this process ('en': Click's own, through gettext)."""
    global _idioma_de_la_ayuda
    _idioma_de_la_ayuda = idioma if idioma in IDIOMAS else POR_DEFECTO
    espanol = idioma == "es"
    for modulo in _modulos():
        if hasattr(modulo, "_"):
            setattr(modulo, "_", _en_espanol if espanol else gettext.gettext)  # noqa: B010 (mypy does not know the name)
        if hasattr(modulo, "ngettext"):
            setattr(modulo, "ngettext", _plural_en_espanol if espanol else gettext.ngettext)  # noqa: B010


METAVARIABLES = {"es": ("[OPCIONES]", "ORDEN [ARGUMENTOS]..."), "en": ("[OPTIONS]", "COMMAND [ARGS]...")}


_AYUDA = "Show this message and exit."


def nombrar_metavariables(orden: object, idioma: str) -> None:
    """The '[OPTIONS]' and 'COMMAND [ARGS]...' of the usage lines (set on the commands, not through gettext)."""
    import click

    opciones, subordenes = METAVARIABLES.get(idioma, METAVARIABLES[POR_DEFECTO])
    if isinstance(orden, click.Command):
        orden.options_metavar = opciones
        ayuda = getattr(orden, "_help_option", None)  # Click keeps the help option it built first, in that run's language
        if isinstance(ayuda, click.Option):
            ayuda.help = _en_espanol(_AYUDA) if idioma == "es" else _AYUDA
    if isinstance(orden, click.Group):
        orden.subcommand_metavar = subordenes
        for hija in orden.commands.values():
            nombrar_metavariables(hija, idioma)


def idioma_de(argumentos: Sequence[str]) -> str:
    """The language of Click's messages for a command line: --lang, AUDITOR_LANG, the configuration's idioma, es."""
    pedido = _opcion(argumentos, "--lang")
    if pedido in IDIOMAS:
        return pedido
    entorno = os.environ.get(VARIABLE_IDIOMA, "").strip()
    if entorno in IDIOMAS:
        return entorno
    return _idioma_configurado(_opcion(argumentos, "--config")) or POR_DEFECTO


def _opcion(argumentos: Sequence[str], nombre: str) -> str | None:
    """The value of the last `nombre X` or `nombre=X` before a '--' (None: not given)."""
    valor = None
    for i, argumento in enumerate(argumentos):
        if argumento == "--":
            break
        if argumento == nombre and i + 1 < len(argumentos):
            valor = argumentos[i + 1]
        elif argumento.startswith(nombre + "="):
            valor = argumento.split("=", 1)[1]
    return valor


def _idioma_configurado(config: str | None) -> str | None:
    """`idioma:` of the configuration, read lightly (no validation: the run validates it and says what is wrong)."""
    import yaml

    try:
        if config is not None:
            ruta: Path | None = Path(config)
        else:
            ruta = _buscar(Path.cwd().resolve())
        if ruta is None:
            return None
        texto = _texto(ruta)
        if texto is None:
            return None
        datos = _tabla_toml(texto) if ruta.suffix.lower() == ".toml" else yaml.safe_load(texto)
    except (OSError, ValueError, yaml.YAMLError):  # tomllib's and UnicodeDecodeError are ValueErrors
        return None
    idioma = datos.get("idioma") if isinstance(datos, dict) else None
    return idioma if isinstance(idioma, str) and idioma in IDIOMAS else None


LEIDO_MAXIMO = 1024 * 1024  # a configuration larger than this is not read here (the run reads it, within its limits)


def _texto(ruta: Path) -> str | None:
    """The text of a regular file of at most `LEIDO_MAXIMO` bytes: never a device (--config /dev/zero) or a pipe."""
    import stat

    datos = ruta.stat()
    if not stat.S_ISREG(datos.st_mode) or datos.st_size > LEIDO_MAXIMO:
        return None
    return ruta.read_text(encoding="utf-8")


def _tabla_toml(texto: str) -> object:
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    tabla = tomllib.loads(texto).get("tool", {})
    return tabla.get("auditor") if isinstance(tabla, dict) else None


def _buscar(desde: Path) -> Path | None:
    for carpeta in (desde, *desde.parents):
        if (carpeta / "auditor.yaml").is_file():
            return carpeta / "auditor.yaml"
        pyproject = carpeta / "pyproject.toml"
        if pyproject.is_file():
            texto = _texto(pyproject)
            if texto is not None and "[tool.auditor" in texto:
                return pyproject
    return None


# ---------------------------------------------------------------------------------------
# Our own help, in the language of the run when Click formats it.

Ayuda = str | Callable[[], str] | None  # a Spanish text, or a function that composes it already translated


class EnElIdioma:
    """A help text of the command line (an option's help, a command's description, its examples), kept as written
    in Spanish and given in the language of Click's words (`instalar`) each time Click reads it, that is when it
    formats the help: never at import time, when the language of the run is not known yet.

    Each paragraph is kept on one line (the catalog's key; Click wraps it again), except those that open with
    Click's '\\b' (lines shown as written, such as examples). A function instead of a text composes a help from
    texts it translates itself (--format: each format with what it is for).
    """

    def __set_name__(self, duenio: type, nombre: str) -> None:
        self.atributo = f"_{nombre}_es"

    @overload
    def __get__(self, objeto: None, tipo: type | None = None) -> EnElIdioma: ...
    @overload
    def __get__(self, objeto: object, tipo: type | None = None) -> str | None: ...
    def __get__(self, objeto: object | None, tipo: type | None = None) -> EnElIdioma | str | None:
        if objeto is None:
            return self
        texto: Ayuda = vars(objeto).get(self.atributo)
        if callable(texto):
            return texto()
        return en_el_idioma_de_la_ayuda(texto) if texto else texto

    def __set__(self, objeto: object, texto: Ayuda) -> None:
        vars(objeto)[self.atributo] = texto if callable(texto) or not texto else _una_linea_por_parrafo(texto)


def en_el_idioma_de_la_ayuda(texto: str) -> str:
    """`texto` (Spanish) in the language of the help, for a help that a function composes."""
    return plantilla(texto, _idioma_de_la_ayuda)


def en_espanol(objeto: object, atributo: str) -> str | None:
    """The Spanish text of an `EnElIdioma` attribute, as written (None: none, or one composed by a function)."""
    texto = vars(objeto).get(f"_{atributo}_es")
    return texto if isinstance(texto, str) else None


def _una_linea_por_parrafo(texto: str) -> str:
    parrafos = inspect.cleandoc(texto).split("\n\n")
    return "\n\n".join(p if p.startswith("\b") else " ".join(p.split()) for p in parrafos)


class Opcion(click.Option):
    """An option whose help and the name of its value (PATRON, NOMBRE) are shown in the run's language."""

    help = EnElIdioma()
    metavar = EnElIdioma()

    def __init__(self, *args: Any, help: Ayuda = None, **kwargs: Any) -> None:  # noqa: A002 (Click's name)
        super().__init__(*args, **kwargs)
        self.help = help


class Argumento(click.Argument):
    """An argument whose name in the help (RUTAS, DIRECTORIO: its name in capitals) is shown in the run's language."""

    @property
    def human_readable_name(self) -> str:  # "Falta el argumento 'FUENTE'"
        return en_el_idioma_de_la_ayuda(super().human_readable_name)

    def make_metavar(self, ctx: click.Context) -> str:
        nombre = (self.name or "").upper()
        return super().make_metavar(ctx).replace(nombre, en_el_idioma_de_la_ayuda(nombre), 1) if nombre else super().make_metavar(ctx)


class Orden(click.Command):
    """A command whose description, short description and examples are shown in the run's language."""

    help = EnElIdioma()
    short_help = EnElIdioma()
    epilog = EnElIdioma()


class Grupo(click.Group):
    """A group of commands like `Orden`; the commands and groups it declares are built the same way."""

    help = EnElIdioma()
    short_help = EnElIdioma()
    epilog = EnElIdioma()
    command_class = Orden


Grupo.group_class = Grupo  # a group declared in one is a `Grupo` (not the class of the tool's top group)


def opcion(*nombres: str, **atributos: Any) -> Callable[[Any], Any]:
    """`click.option` building an `Opcion`."""
    return click.option(*nombres, cls=Opcion, **atributos)


def argumento(nombre: str, **atributos: Any) -> Callable[[Any], Any]:
    """`click.argument` building an `Argumento`."""
    return click.argument(nombre, cls=Argumento, **atributos)
