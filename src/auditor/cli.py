"""Command line: the only place that prints for the user and exits the process.

Exit status of ``auditor check``: 0 no finding at or above ``--fail-on``; 1 findings at or
above it; 2 usage errors, bad rules or configuration, or input files that could not be read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .idioma import IDIOMAS
from .reporters import FORMATOS

if TYPE_CHECKING:
    from .engine import Auditor, Resultado

SALIDA_OK, SALIDA_HALLAZGOS, SALIDA_ERROR = 0, 1, 2
SALIDA_INTERRUMPIDA = 130  # 128 + SIGINT, as shells report a run stopped with Ctrl-C
NIVELES_FALLA = ("error", "warning", "info", "never", "advertencia", "nunca")  # the Spanish names the output prints work too
_NIVEL_EN_INGLES = {"advertencia": "warning", "nunca": "never"}


def _error(mensaje: str) -> None:
    click.echo(f"auditor: error: {mensaje}", err=True)


def _usar_idioma(idioma: str | None) -> None:
    from . import idioma as idiomas

    idiomas.usar(idioma or idiomas.POR_DEFECTO)


def _preparar(config: str | None, reglas: tuple[str, ...], seleccion: set[str] | None = None) -> Auditor:
    from .catalog import ErrorReglas
    from .config import buscar_configuracion, cargar_configuracion
    from .engine import preparar

    try:
        ruta = Path(config) if config else buscar_configuracion(Path.cwd())
        configuracion = cargar_configuracion(ruta)
        return preparar(configuracion, [Path(r) for r in reglas], seleccion)
    except ErrorReglas as error:
        _error(str(error))
        sys.exit(SALIDA_ERROR)


_OPCION_CONFIG = click.option(
    "--config", "config", type=click.Path(dir_okay=False), default=None,
    help="Archivo de configuración (por defecto, auditor.yaml del directorio actual o de uno superior).",
)
_OPCION_IDIOMA = click.option(
    "--lang", "idioma", type=click.Choice(IDIOMAS), default=None,
    help="Idioma de los mensajes: es (por defecto) o en.",
)
_OPCION_REGLAS = click.option(
    "--rules", "reglas", multiple=True, type=click.Path(file_okay=False),
    help="Directorio con reglas YAML y conjuntos de patrones propios (se puede repetir).",
)


class _Grupo(click.Group):
    """Ctrl-C ends any command with a short message and status 130, not click's 'Aborted!';
    an output file is only ever renamed into place whole, so none is left half written."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            from .idioma import tr

            click.echo(tr("auditor: interrumpido; no se escribió ninguna salida a medias"), err=True)
            raise click.exceptions.Exit(SALIDA_INTERRUMPIDA) from None


@click.group(cls=_Grupo, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="auditor", message="%(prog)s %(version)s")
def main() -> None:
    """Audita informes de rendición de cuentas y señala cada contradicción con su lugar."""


@main.command("check")
@click.argument("rutas", nargs=-1, required=True, type=click.Path())
@click.option("--format", "formato", type=click.Choice(list(FORMATOS)), default="rich", show_default=True,
              help="; ".join(f"{nombre}: {ayuda}" for nombre, (_, ayuda) in FORMATOS.items()) + ".")
@click.option("-o", "--output", "salida", type=click.Path(dir_okay=False), default=None,
              help="Escribe el informe en este archivo (de forma atómica) en lugar de la salida estándar.")
@click.option("--fail-on", "falla", type=click.Choice(NIVELES_FALLA), default="error", show_default=True,
              help="Severidad mínima que hace fallar la ejecución (estado 1).")
@_OPCION_IDIOMA
@_OPCION_CONFIG
@_OPCION_REGLAS
def check(rutas: tuple[str, ...], formato: str, salida: str | None, falla: str, idioma: str | None,
          config: str | None, reglas: tuple[str, ...]) -> None:
    """Audita los informes en RUTAS: datos YAML/JSON o documentos (.txt, .md exportados de la plantilla, .docx),
    archivos o directorios (recursivamente)."""
    from .engine import auditar
    from .findings import Category, Severity

    _usar_idioma(idioma)
    auditor = _preparar(config, reglas)
    resultado = auditar(auditor, rutas)
    if not resultado.informes:
        _error(f"no se encontró ningún informe (.yaml, .yml, .json, .txt, .md, .docx) en: {', '.join(rutas)}")
        sys.exit(SALIDA_ERROR)
    _entregar(formato, resultado, salida, rutas)
    if any(f.category is Category.INPUT_ERROR and f.severity is Severity.ERROR for f in resultado.findings):
        sys.exit(SALIDA_ERROR)
    if _NIVEL_EN_INGLES.get(falla, falla) != "never":
        umbral = Severity(_NIVEL_EN_INGLES.get(falla, falla)).rango
        if any(f.severity.rango >= umbral for f in resultado.findings):
            sys.exit(SALIDA_HALLAZGOS)
    sys.exit(SALIDA_OK)


def _entregar(formato: str, resultado: Resultado, salida: str | None, entradas: tuple[str, ...]) -> None:
    """Print the report, or write it atomically to `salida` (never over an input file)."""
    from .reporters import renderizar

    if salida is None:
        if formato == "rich":
            from rich.console import Console

            from .reporters import rich_report

            rich_report.render(resultado, Console(highlight=False))
        else:
            click.echo(renderizar(formato, resultado), nl=False)
        return
    destino = Path(salida)
    if destino.exists() and any(Path(e).exists() and destino.resolve() == Path(e).resolve() for e in entradas):
        _error(f"{salida}: la salida no puede ser uno de los archivos auditados")
        sys.exit(SALIDA_ERROR)
    _escribir_atomico(destino, renderizar(formato, resultado))


@main.command("import")
@click.argument("fuente", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "salida", type=click.Path(dir_okay=False), default=None,
              help="Archivo YAML a escribir (por defecto, la salida estándar).")
def importar(fuente: str, salida: str | None) -> None:
    """Convierte un documento del informe (.txt o .md exportado de la plantilla, o .docx) en datos YAML."""
    from .importar import importar_bytes
    from .importar.escribir import a_yaml
    from .load import EXTENSIONES_DATOS, TAMANO_MAXIMO_MB, rechazo_previo
    from .source import ErrorFuente, motivo_so

    if fuente.lower().endswith(EXTENSIONES_DATOS):
        _error(f"{fuente} ya es un archivo de datos: 'auditor import' convierte documentos (.txt, .md, .docx); "
               f"audítelo con 'auditor check {fuente}'")
        sys.exit(SALIDA_ERROR)
    try:
        rechazo = rechazo_previo(Path(fuente), TAMANO_MAXIMO_MB)  # a pipe would block, a huge file would not end
        if rechazo is not None:
            _error(f"{fuente}: {rechazo}")
            sys.exit(SALIDA_ERROR)
        contenido = Path(fuente).read_bytes()
    except OSError as error:
        _error(f"{fuente}: no se puede leer: {motivo_so(error)}")
        sys.exit(SALIDA_ERROR)
    try:
        borrador = importar_bytes(contenido, fuente)
    except ErrorFuente as error:
        _error(f"{fuente}:{error.linea}: {error.mensaje}")
        sys.exit(SALIDA_ERROR)
    texto = a_yaml(borrador, Path(fuente).name)
    for p in sorted(borrador.problemas, key=lambda p: p.linea):
        click.echo(f"auditor: {'aviso' if p.regla == 'ENT005' else 'advertencia'}: {fuente}:{p.linea}: {p.mensaje}", err=True)
    if salida is None:
        click.echo(texto, nl=False)
        return
    if Path(salida).exists() and Path(salida).resolve() == Path(fuente).resolve():
        _error("la salida no puede ser el mismo documento de entrada")
        sys.exit(SALIDA_ERROR)
    _escribir_atomico(Path(salida), texto)
    metas = len(borrador.datos.get("metas", []))
    click.echo(f"auditor: {metas} metas importadas de {fuente} en {salida}", err=True)


def _escribir_atomico(ruta: Path, texto: str) -> None:
    """Write through a temporary file in the same directory, then rename: never a half file."""
    import os
    import tempfile

    from .source import motivo_so

    try:
        descriptor, temporal = tempfile.mkstemp(prefix=f".{ruta.name}.", suffix=".tmp", dir=ruta.parent or Path("."))
        try:
            os.chmod(temporal, _modo_de_salida(ruta))  # mkstemp makes it private (0600); a report is an ordinary file
            with os.fdopen(descriptor, "w", encoding="utf-8") as archivo:
                archivo.write(texto)
            os.replace(temporal, ruta)
        except BaseException:
            Path(temporal).unlink(missing_ok=True)
            raise
    except OSError as error:
        _error(f"{ruta}: no se puede escribir: {motivo_so(error)}")
        sys.exit(SALIDA_ERROR)


def _modo_de_salida(ruta: Path) -> int:
    """The permissions of the file being replaced, or those a new file gets under the umask."""
    import os

    try:
        return ruta.stat().st_mode & 0o7777
    except OSError:
        mascara = os.umask(0)
        os.umask(mascara)
        return 0o666 & ~mascara


@main.group("rules", invoke_without_command=True)
@_OPCION_CONFIG
@_OPCION_REGLAS
@click.pass_context
def rules(ctx: click.Context, config: str | None, reglas: tuple[str, ...]) -> None:
    """Lista las reglas (con su severidad efectiva según la configuración)."""
    ctx.obj = (config, reglas)
    if ctx.invoked_subcommand is not None:
        return
    from tabulate import tabulate

    auditor = _preparar(config, reglas)
    filas = [
        [r.id, r.nombre, r.categoria.value, auditor.severidad(r).value,
         "sí" if auditor.configuracion.ajuste(r.id).activa else "no", r.origen, r.mensaje]
        for r in auditor.catalogo.ordenadas()
    ]
    click.echo(tabulate(filas, headers=["id", "nombre", "categoría", "severidad", "activa", "tipo", "mensaje"]))


@rules.command("explain")
@click.argument("regla_id")
@click.pass_context
def explain(ctx: click.Context, regla_id: str) -> None:
    """Muestra la documentación de una regla: qué revisa, por qué importa y ejemplos."""
    import difflib

    config, reglas = ctx.obj
    auditor = _preparar(config, reglas)
    catalogo = auditor.catalogo
    regla = catalogo.reglas.get(regla_id.upper()) or next((r for r in catalogo.reglas.values() if r.nombre == regla_id), None)
    if regla is None:
        pista = difflib.get_close_matches(regla_id.upper(), list(catalogo.reglas), n=1)
        _error(f"regla desconocida '{regla_id}'" + (f"; ¿quiso decir '{pista[0]}'?" if pista else "") + " (vea 'auditor rules')")
        sys.exit(SALIDA_ERROR)
    parametros = regla.Parametros.model_fields
    texto = [
        f"{regla.id} · {regla.nombre}",
        f"categoría: {regla.categoria.value}   severidad: {auditor.severidad(regla).value}   tipo: {regla.origen}",
        "",
        "Qué revisa", _sangrar(regla.doc.que_revisa), "",
        "Por qué importa", _sangrar(regla.doc.por_que), "",
        "Ejemplo que se señala", _sangrar(regla.doc.ejemplo_falla.rstrip()), "",
        "Ejemplo correcto", _sangrar(regla.doc.ejemplo_pasa.rstrip()),
    ]
    if parametros:
        texto += ["", "Parámetros (configurables en auditor.yaml)"]
        for nombre, campo in parametros.items():
            texto.append(f"  {nombre} = {campo.get_default(call_default_factory=True)!r}: {campo.description or ''}")
    click.echo("\n".join(texto))


def _sangrar(texto: str) -> str:
    import textwrap

    if "\n" in texto.strip():
        return textwrap.indent(texto, "    ")
    return textwrap.fill(" ".join(texto.split()), width=96, initial_indent="  ", subsequent_indent="  ")


@main.command("schema")
def schema() -> None:
    """Imprime el JSON Schema del formato de datos del informe."""
    import json

    from .model import Informe

    esquema = Informe.model_json_schema()
    esquema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    esquema["title"] = "Informe de Rendición de Cuentas (datos para auditor)"
    click.echo(json.dumps(esquema, ensure_ascii=False, indent=2))
