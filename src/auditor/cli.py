"""Command line: the only place that prints for the user and exits the process.

Exit status of ``auditor check``: 0 no finding at or above ``--fail-on``; 1 findings at or
above it; 2 usage errors, bad rules or configuration, or input files that could not be read.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from auditor import __version__, clic
from auditor.idioma import IDIOMAS, tr
from auditor.salidas import FORMATOS

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TextIO

    from auditor.entrada.carga import InformeCargado
    from auditor.motor.auditor import Auditor
    from auditor.resultado.ejecucion import Resultado
    from auditor.salidas.escritura import Entradas
    from auditor.salidas.protocolo import Salida

SALIDA_OK, SALIDA_HALLAZGOS, SALIDA_ERROR = 0, 1, 2
SALIDA_INTERRUMPIDA = 130  # 128 + SIGINT, as shells report a run stopped with Ctrl-C
NIVELES_FALLA = ("error", "warning", "info", "never", "advertencia", "nunca")  # the Spanish names the output prints work too
_NIVEL_EN_INGLES = {"advertencia": "warning", "nunca": "never"}


def _sin_recoleccion_al_salir() -> None:
    """At exit the interpreter walks every object left for reference cycles, whose memory the end of the process
    frees all the same: after a check, every object of the run (0.15 s of a 1 000-meta check).  Frozen at exit
    (`gc.freeze`, an `atexit` function: they run before that walk), none is walked.  Finalizers registered with
    `weakref.finalize` still run (at exit, before it); the output is written and closed by then."""
    import atexit
    import gc

    atexit.unregister(gc.freeze)  # once per process, however many commands a test runs in it
    atexit.register(gc.freeze)


def _recoleccion_espaciada_al_arrancar() -> None:
    """Importing the engine and building the catalog make many objects that live for the whole run and free
    almost none: the cyclic collector, every 700 allocations, walked them for about 3 % of a one-file check.
    From here to the end of the command it runs every `RECOLECCION_CADA` allocations, as during the audit;
    the threshold is restored when the command's context closes (a test may run several in one process)."""
    import gc

    from auditor.motor.recoleccion import RECOLECCION_CADA

    umbrales = gc.get_threshold()
    gc.set_threshold(RECOLECCION_CADA, *umbrales[1:])
    click.get_current_context().call_on_close(lambda: gc.set_threshold(*umbrales))


def _error(mensaje: str) -> None:
    _aviso(f"auditor: error: {mensaje}")


def _aviso(mensaje: str) -> None:
    """A line on stderr: file names and report text in it shown escaped (lectura.visible), never acting on the terminal."""
    from auditor.lectura.visible import visible

    click.echo(visible(mensaje), err=True)


_IDIOMA_DEL_GRUPO = "auditor.idioma_del_grupo"  # `auditor --lang en check …`: --lang before the command


def _usar_idioma(idioma: str | None) -> None:
    """The language of the run: the command's --lang, else --lang before the command, else AUDITOR_LANG (Click gives
    it as the option's value); the configuration's `idioma` when none of them is given (`_idioma_de_la_configuracion`)."""
    from auditor import idioma as idiomas

    contexto = click.get_current_context(silent=True)
    if contexto is not None and contexto.meta.get(_IDIOMA_DEL_GRUPO) is not None \
            and contexto.get_parameter_source("idioma") is not ParameterSource.COMMANDLINE:
        idioma = contexto.meta[_IDIOMA_DEL_GRUPO]
    idiomas.usar(idioma or idiomas.POR_DEFECTO)
    if contexto is not None and idioma is not None:  # --lang given: the configuration's idioma does not apply
        contexto.meta["auditor.idioma_de_la_linea_de_comandos"] = True


def _idioma_de_la_configuracion(idioma: str | None) -> None:
    """The configuration's `idioma`, unless --lang was given (command line > configuration > default)."""
    contexto = click.get_current_context(silent=True)
    if contexto is None or not contexto.meta.get("auditor.idioma_de_la_linea_de_comandos"):
        from auditor import idioma as idiomas

        idiomas.usar(idioma or idiomas.POR_DEFECTO)


def _preparar(config: str | None, reglas: tuple[str, ...], seleccion: set[str] | None = None) -> Auditor:
    from auditor.configuracion import ErrorConfiguracion
    from auditor.configuracion.configuracion import buscar_configuracion, cargar_configuracion
    from auditor.motor.auditor import preparar
    from auditor.reglas.catalogo import ErrorReglas

    try:
        ruta = Path(config) if config else buscar_configuracion(Path.cwd())
        configuracion = cargar_configuracion(ruta)
        _idioma_de_la_configuracion(configuracion.idioma)
        return preparar(configuracion, [Path(r) for r in reglas], seleccion)
    except ErrorConfiguracion as error:
        _error(str(error))
        sys.exit(SALIDA_ERROR)
    except ErrorReglas as error:
        _error(str(error))
        sys.exit(SALIDA_ERROR)


_OPCION_CONFIG = clic.opcion(
    "--config", "config", type=click.Path(dir_okay=False), default=None,
    help="Archivo de configuración (por defecto, el auditor.yaml o el pyproject.toml con [tool.auditor] más cercano hacia arriba).",
)
_OPCION_IDIOMA = clic.opcion(
    "--lang", "idioma", type=click.Choice(IDIOMAS), default=None, envvar="AUDITOR_LANG",
    help="Idioma de los mensajes: es o en (por defecto, la variable AUDITOR_LANG, el idioma de la configuración o es).",
)
_OPCION_REGLAS = clic.opcion(
    "--rules", "reglas", multiple=True, type=click.Path(file_okay=False),
    help="Directorio con reglas YAML propias, y sus conjuntos de patrones, vocabularios y perfiles de plantilla (se puede repetir).",
)


_OPCION_PLAN = clic.opcion(
    "--plan", "plan", type=click.Path(dir_okay=False), default=None,
    help="Plan Indicativo (.xlsx exportado del KPT, o .csv) contra el que se revisan los informes; "
         "reemplaza 'plan:' de la configuración.",
)


def _cargar_plan(auditor: Auditor, plan: str | None) -> None:
    """The run's Plan Indicativo (--plan, else `plan:` of the configuration), read once, before any report: a plan
    that cannot be read stops the run (status 2) with its file, sheet and cell; what the reader says is shown."""
    ruta = Path(plan) if plan is not None else auditor.configuracion.plan
    if ruta is None:
        return  # without a plan its reader is not even imported
    from auditor.entrada.plan import ErrorPlan, cargar_plan

    if plan is None and ruta.is_absolute():  # from the configuration: shown relative to here when it is below
        try:
            ruta = ruta.relative_to(Path.cwd())
        except ValueError:
            pass
    configuracion = auditor.configuracion
    try:
        auditor.plan = cargar_plan(ruta, configuracion.columnas, configuracion.tamano_maximo_mb)
    except ErrorPlan as error:
        _error(str(error))
        sys.exit(SALIDA_ERROR)
    for aviso in auditor.plan.avisos:
        _aviso(tr("auditor: aviso: {aviso}", aviso=aviso))


_OPCION_SIN_CACHE = clic.opcion(
    "--no-cache", "sin_cache", is_flag=True, default=False,
    help="Audita cada archivo aunque no haya cambiado (no lee ni escribe la caché de resultados).",
)
_OPCION_DIR_CACHE = clic.opcion(
    "--cache-dir", "dir_cache", type=click.Path(file_okay=False), default=None, metavar="DIR",
    help="Directorio de la caché de resultados (por defecto, .auditor_cache junto a la configuración, o en el directorio actual).",
)


def _directorio_cache(auditor: Auditor, directorio: str | None) -> Path:
    """--cache-dir, else .auditor_cache in the configuration's folder, else in the current directory."""
    from auditor.motor.cache import NOMBRE_DIRECTORIO

    if directorio is not None:
        return Path(directorio)
    return (auditor.configuracion.directorio or Path.cwd()) / NOMBRE_DIRECTORIO


def _abrir_cache(auditor: Auditor, sin_cache: bool, directorio: str | None) -> None:
    """The run's result cache (unless --no-cache or `cache: false`); a place that cannot be written is said once
    and the run goes on without it.  Directory walks never audit it."""
    if sin_cache or not auditor.configuracion.cache:
        return
    from auditor.lectura.fuente import motivo_so
    from auditor.motor.cache import Cache

    lugar = _directorio_cache(auditor, directorio)
    try:
        auditor.cache = Cache.abrir(lugar, auditor)
    except OSError as error:
        _aviso(tr("auditor: aviso: no se puede usar la caché en {directorio} ({motivo}); se audita todo sin ella",
                  directorio=lugar, motivo=motivo_so(error)))
        return
    auditor.no_informes = (*auditor.no_informes, lugar)


_OPCION_EXCLUIR = clic.opcion(
    "--exclude", "excluir", multiple=True, metavar="PATRON",
    help="Omite en los recorridos de directorios lo que coincide con este patrón de estilo .gitignore "
         "(relativo al directorio actual; se suma a 'excluir:' de la configuración); se puede repetir.",
)
ESTANDAR = "-"  # the path that reads the report from standard input


def _rutas_de(rutas: tuple[str, ...]) -> tuple[str, ...]:
    """No path: the current directory."""
    return rutas or (".",)


def _excluir(auditor: Auditor, patrones: tuple[str, ...]) -> None:
    """--exclude: gitignore-style patterns relative to the current directory, added to `excluir:` (status 2 if one is not valid)."""
    from auditor.entrada.recorrido import Patrones, patron_invalido

    for patron in patrones:
        problema = patron_invalido(patron)
        if problema is not None:
            _error(f"--exclude: {problema}")
            sys.exit(SALIDA_ERROR)
    if patrones:
        auditor.exclusiones = (*auditor.exclusiones, Patrones.de(patrones, Path.cwd()))


def _leer_estandar(auditor: Auditor, rutas: tuple[str, ...], nombre: str | None) -> tuple[tuple[str, ...], InformeCargado | None]:
    """'-' among the paths: the report read from standard input, shown (and read: YAML, or by the extension) as `nombre`."""
    from auditor.entrada.carga import InformeCargado, cargar_bytes
    from auditor.entrada.problemas import ENTRADA_ILEGIBLE, ProblemaEntrada

    if ESTANDAR not in rutas:
        if nombre is not None:
            _error(tr("--stdin-filename solo tiene sentido con '-' entre las rutas (el informe se lee de la entrada estándar)"))
            sys.exit(SALIDA_ERROR)
        return rutas, None
    otras = tuple(r for r in rutas if r != ESTANDAR)
    nombre = nombre or ESTANDAR
    limite = auditor.configuracion.tamano_maximo_mb * 1024 * 1024
    try:
        contenido = sys.stdin.buffer.read(int(limite) + 1)
    except OSError as error:
        from auditor.lectura.fuente import motivo_so

        _error(tr("{archivo}: no se puede leer: {motivo}", archivo=nombre, motivo=motivo_so(error)))
        sys.exit(SALIDA_ERROR)
    if len(contenido) > limite:
        problema = tr("la entrada estándar mide más que el límite de {limite:g} MB: no se lee "
                      "(el límite se cambia con 'tamano_maximo_mb' en auditor.yaml)", limite=auditor.configuracion.tamano_maximo_mb)
        return otras, InformeCargado(nombre, None, problemas=[ProblemaEntrada(ENTRADA_ILEGIBLE, 1, problema)])
    return otras, cargar_bytes(contenido, nombre)


class _Grupo(clic.Grupo):
    """Ctrl-C ends any command with a short message and status 130, not click's 'Aborted!';
    an output file is only ever renamed into place whole, so none is left half written
    (a device or a FIFO, written in place, gets what was written until then)."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        """Click's own words (usage errors, help) in the run's language, set before it parses anything (see `clic`)."""
        idioma = clic.idioma_de(args)
        clic.instalar(idioma)  # our own help too (`clic.EnElIdioma`)
        clic.nombrar_metavariables(self, idioma)
        return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:

            click.echo(tr("auditor: interrumpido; no se escribió ninguna salida a medias"), err=True)
            raise click.exceptions.Exit(SALIDA_INTERRUMPIDA) from None


@click.group(cls=_Grupo, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="auditor", message="%(prog)s %(version)s",
                      cls=clic.Opcion, help="Muestra la versión y termina.")
@_OPCION_IDIOMA
@click.pass_context
def main(ctx: click.Context, idioma: str | None) -> None:
    """Audita informes de rendición de cuentas y señala cada contradicción con su lugar."""
    if idioma is not None and ctx.get_parameter_source("idioma") is ParameterSource.COMMANDLINE:
        ctx.meta[_IDIOMA_DEL_GRUPO] = idioma


_EJEMPLOS_CHECK = """Ejemplos:

\b
  auditor check                              el directorio actual (sin lo que ignora git)
  auditor check informes/ --exclude 'borradores/'
  auditor check borrador.docx --anotar revisado.docx
  cat informe.yaml | auditor check -         desde la entrada estándar
  auditor check - --stdin-filename cultura.json < cultura.json
  auditor check informes/ --format sarif -o hallazgos.sarif
  auditor check informes/ -q --fail-on advertencia
"""


@main.command("check", epilog=_EJEMPLOS_CHECK)
@clic.argumento("rutas", nargs=-1, required=False, type=click.Path())
@clic.opcion("--format", "formato", type=click.Choice(list(FORMATOS)), default="rich", show_default=True,
             help=lambda: "; ".join(f"{nombre}: {clic.en_el_idioma_de_la_ayuda(ayuda)}" for nombre, (_, ayuda) in FORMATOS.items()) + ".")
@clic.opcion("-o", "--output", "salida", type=click.Path(dir_okay=False), default=None,
              help="Escribe el informe en este archivo (de forma atómica) en lugar de la salida estándar.")
@clic.opcion("--fail-on", "falla", type=click.Choice(NIVELES_FALLA), default=None,
              help="Severidad mínima que hace fallar la ejecución (estado 1); por defecto, falla_en de la configuración o error.")
@clic.opcion("--select", "seleccionar", multiple=True, metavar="IDS",
              help="Solo estas reglas: ids o prefijos separados por comas (CNT, PCT002); se puede repetir.")
@clic.opcion("--ignore", "ignorar", multiple=True, metavar="IDS",
              help="Omite estas reglas: ids o prefijos separados por comas; se puede repetir.")
@clic.opcion("--statistics", "estadisticas", is_flag=True,
              help="En lugar de los hallazgos, cuántos hay de cada regla (tabla, o JSON con --format json).")
@clic.opcion("-q", "--quiet", "silencioso", is_flag=True,
              help="Un hallazgo por línea, sin encabezados ni resumen; nada si no hay hallazgos; sin barra de progreso.")
@clic.opcion("--color/--no-color", "color", default=None,
              help="Fuerza o quita el color (por defecto: color solo en una terminal y sin NO_COLOR).")
@_OPCION_IDIOMA
@_OPCION_CONFIG
@_OPCION_REGLAS
@clic.opcion("--baseline", "linea_base", type=click.Path(dir_okay=False), default=None,
              help="Línea base: los hallazgos que acepta se cuentan como suprimidos y no hacen fallar; solo fallan los nuevos.")
@clic.opcion("--write-baseline", "escribir_base", type=click.Path(dir_okay=False), default=None,
              help="Escribe (o actualiza) este archivo de línea base con los hallazgos de esta ejecución, y lo aplica.")
@clic.opcion("--show-suppressed", "mostrar_suprimidos", is_flag=True, default=False,
              help="Lista también los hallazgos suprimidos, con su motivo y de dónde viene la supresión.")
@clic.opcion("-j", "--jobs", "trabajos", type=click.IntRange(min=0), default=None, metavar="N",
              help="Procesos que auditan archivos a la vez (por defecto o con 0, los núcleos disponibles; 1: en este proceso).")
@clic.opcion("--anotar", "anotar", type=click.Path(), default=None, metavar="RUTA",
              help="Escribe una copia del borrador .docx con cada hallazgo como comentario de Word (autor 'auditor'); "
                   "con varios .docx, RUTA es un directorio y cada NOMBRE.docx queda como NOMBRE.revisado.docx.")
@_OPCION_EXCLUIR
@_OPCION_PLAN
@_OPCION_SIN_CACHE
@_OPCION_DIR_CACHE
@clic.opcion("--stdin-filename", "nombre_estandar", default=None, metavar="NOMBRE",
              help="Con '-': el nombre que muestran los hallazgos del informe leído de la entrada estándar, y su formato "
                   "por la extensión (.json, .txt, .md, .docx; YAML si no la tiene).")
def check(rutas: tuple[str, ...], formato: str, salida: str | None, falla: str | None, seleccionar: tuple[str, ...],
          ignorar: tuple[str, ...], estadisticas: bool, silencioso: bool, color: bool | None, idioma: str | None,
          config: str | None, reglas: tuple[str, ...], linea_base: str | None = None, escribir_base: str | None = None,
          mostrar_suprimidos: bool = False, trabajos: int | None = None, anotar: str | None = None,
          excluir: tuple[str, ...] = (), nombre_estandar: str | None = None, plan: str | None = None,
          sin_cache: bool = False, dir_cache: str | None = None) -> None:
    """Audita los informes en RUTAS (por defecto, el directorio actual): datos YAML/JSON o documentos (.txt, .md
    exportados de la plantilla, .docx), archivos o directorios (recursivamente, sin lo que ignora git, los nombres
    ocultos ni lo excluido); '-' lee un informe de la entrada estándar."""
    _recoleccion_espaciada_al_arrancar()
    from auditor.motor.auditoria import auditar
    from auditor.motor.seleccion import ErrorSeleccion, resolver
    from auditor.reglas.observacion import Severidad
    from auditor.resultado.huellas import raiz
    from auditor.salidas.terminal import Progreso

    _usar_idioma(idioma)
    if estadisticas and formato not in ("rich", "text", "json"):
        _error(tr("--statistics solo se combina con --format rich, text o json"))
        sys.exit(SALIDA_ERROR)
    auditor = _preparar(config, reglas)
    try:
        auditor.seleccion = resolver(auditor.catalogo, seleccionar, ignorar)
    except ErrorSeleccion as error:
        _error(str(error))
        sys.exit(SALIDA_ERROR)
    falla = falla or auditor.configuracion.falla_en or "error"
    rutas = _rutas_de(rutas)
    _excluir(auditor, excluir)
    _cargar_plan(auditor, plan)
    if anotar is not None and ESTANDAR in rutas:
        _error(tr("--anotar necesita el borrador .docx en disco: no se combina con '-' (la entrada estándar)"))
        sys.exit(SALIDA_ERROR)
    entradas = _entradas(auditor, tuple(r for r in rutas if r != ESTANDAR), reglas)
    _exigir_salidas_libres(entradas, salida, escribir_base, linea_base)  # refused before any auditing
    rutas, estandar = _leer_estandar(auditor, rutas, nombre_estandar)
    auditor.con_completitud = formato == "html"  # the only output of check that shows the matrix (8 % of the run)
    _abrir_cache(auditor, sin_cache, dir_cache)
    _sin_recoleccion_al_salir()
    with Progreso(Progreso.conviene(silencioso), color) as progreso:
        resultado = auditar(auditor, rutas, al_avanzar=progreso, trabajos=trabajos, en_disco=True, estandar=estandar)
    if not resultado.informes:
        _error(tr("no se encontró ningún informe (.yaml, .yml, .json, .txt, .md, .docx) en: {rutas}", rutas=", ".join(rutas)))
        sys.exit(SALIDA_ERROR)
    _con_auditados(entradas, resultado, estandar)  # outputs never land on a file read in a directory walk either
    _exigir_salidas_libres(entradas, salida, escribir_base, linea_base)  # before anything is written
    copias = _copias_anotadas(anotar, resultado, entradas, (salida, linea_base, escribir_base)) if anotar is not None else []
    _aplicar_linea_base(resultado, linea_base, escribir_base)
    resultado.raiz = str(raiz(rutas, auditor.configuracion.archivo, linea_base or escribir_base))  # fingerprints: never the cwd
    resultado.url_documentacion = auditor.configuracion.url_documentacion
    resultado.mostrar_suprimidos = mostrar_suprimidos
    if estadisticas:
        from auditor.salidas.estadisticas import Estadisticas

        _entregar(Estadisticas(auditor.catalogo, "json" if formato == "json" else "text"), resultado, salida)
    elif silencioso and formato in ("rich", "text"):
        from auditor.salidas.terminal import escribir_breves

        _entregar_texto(partial(escribir_breves, resultado), salida)
    elif salida is None and formato == "rich":  # the report in color on the terminal: printed, not a text to write
        from auditor.salidas import rich_consola
        from auditor.salidas.terminal import consola

        rich_consola.imprimir(resultado, consola(color))
    else:
        from auditor.salidas import salida_de

        _entregar(salida_de(formato), resultado, salida)
    if salida is not None:  # as import -o does: say what was written where
        _aviso(tr("auditor: {n} hallazgos escritos en {archivo}", n=sum(resultado.por_severidad().values()), archivo=salida))
    if copias:
        _escribir_anotadas(copias, resultado)
    if resultado.errores_entrada:
        sys.exit(SALIDA_ERROR)
    if _NIVEL_EN_INGLES.get(falla, falla) != "never":
        umbral = Severidad(_NIVEL_EN_INGLES.get(falla, falla)).rango
        if any(n and severidad.rango >= umbral for severidad, n in resultado.por_severidad().items()):
            sys.exit(SALIDA_HALLAZGOS)
    sys.exit(SALIDA_OK)


def _aplicar_linea_base(resultado: Resultado, leer_de: str | None, escribir_en: str | None) -> None:
    """--write-baseline: accept every finding of this run in that file; --baseline (or the file just written):
    move the findings it accepts to the suppressed ones. The outputs were checked (`_exigir_salidas_libres`)."""
    if leer_de is None and escribir_en is None:
        return  # without a baseline the module (and its pydantic models) is not even imported
    from auditor.motor import linea_base

    if escribir_en is not None:
        destino = Path(escribir_en)
        aceptados = linea_base.aceptables(resultado)
        _escribir(destino, linea_base.construir(aceptados, destino))
        _aviso(tr("auditor: línea base escrita en {archivo}: {n} hallazgos aceptados", archivo=escribir_en, n=len(aceptados)))
    ruta = leer_de or escribir_en
    if ruta is None:
        return
    try:
        linea_base.aplicar(resultado, linea_base.leer(Path(ruta)))
    except linea_base.ErrorLineaBase as error:
        _error(str(error))
        sys.exit(SALIDA_ERROR)


def _copias_anotadas(anotar: str, resultado: Resultado, entradas: Entradas,
                     otras_salidas: tuple[str | None, ...]) -> list[tuple[str, Path]]:
    """--anotar: which draft goes to which annotated copy (see `anotado.plan`); a usage error, or a copy that would
    land on an input or on another output of the run, stops it (status 2) before anything is written."""
    from auditor.salidas.anotado import ErrorAnotado, plan
    from auditor.salidas.escritura import ErrorEscritura, misma_ruta

    try:
        copias = plan(anotar, list(resultado.informes.archivos()))
        for _, copia in copias:
            entradas.exigir_que_no_sea_entrada(copia)
            if any(otra is not None and misma_ruta(copia, otra) for otra in otras_salidas):
                raise ErrorAnotado(tr("{archivo}: la copia anotada no puede ser otra salida de esta ejecución", archivo=copia))
    except (ErrorAnotado, ErrorEscritura) as error:
        _error(str(error))
        sys.exit(SALIDA_ERROR)
    return copias


def _escribir_anotadas(copias: list[tuple[str, Path]], resultado: Resultado) -> None:
    from auditor.salidas.anotado import ErrorAnotado, escribir_copias
    from auditor.salidas.escritura import ErrorEscritura

    try:
        for escrito in escribir_copias(copias, resultado):
            click.echo(escrito, err=True)
    except (ErrorAnotado, ErrorEscritura) as error:
        _error(str(error))
        sys.exit(SALIDA_ERROR)


def _entregar_texto(texto: str | Callable[[TextIO], None], salida: str | None) -> None:
    """Print `texto`, or write it to `salida` (see `escritura`; checked against the inputs beforehand).
    `texto` may be a function that writes it to a stream as it goes (a large run's output is never held whole)."""
    if salida is None:
        if isinstance(texto, str):
            click.echo(texto, nl=False)
        else:
            texto(sys.stdout)
        return
    _escribir(salida, texto)


def _entradas(auditor: Auditor, rutas: tuple[str, ...], reglas: tuple[str, ...]) -> Entradas:
    """What the run reads, known before auditing: the files named, the configuration in use, the rule files."""
    from auditor.salidas.escritura import AUDITADO, CONFIGURACION, PLAN, Entradas

    entradas = Entradas()
    entradas.agregar(rutas, AUDITADO)
    if auditor.configuracion.archivo:
        entradas.agregar((auditor.configuracion.archivo,), CONFIGURACION)
    if auditor.plan is not None:
        entradas.agregar((auditor.plan.archivo,), PLAN)
    entradas.agregar_reglas([*auditor.configuracion.directorios_reglas, *(Path(r) for r in reglas)])
    return entradas


def _con_auditados(entradas: Entradas, resultado: Resultado, estandar: InformeCargado | None = None) -> None:
    """Add every file audited under the directories given: an output must never overwrite one either (the name
    given to standard input is no file read)."""
    from auditor.salidas.escritura import AUDITADO

    leida = estandar.archivo if estandar is not None else None
    entradas.agregar((a for a in resultado.informes.archivos() if a != leida), AUDITADO)


def _exigir_salidas_libres(entradas: Entradas, salida: str | None, escribir_base: str | None = None,
                           linea_base: str | None = None) -> None:
    """Stop (status 2) when an output is an input of the run: a report, the configuration, a rule file, the
    baseline applied. `--write-baseline B --baseline B` updates B: that one is allowed."""
    from auditor.salidas.escritura import LINEA_BASE, ErrorEscritura, misma_ruta, rechazo

    try:
        if escribir_base is not None:
            entradas.exigir_que_no_sea_entrada(escribir_base, es_linea_base=True)
        if salida is not None:
            entradas.exigir_que_no_sea_entrada(salida)
            if any(base is not None and misma_ruta(salida, base) for base in (linea_base, escribir_base)):
                raise rechazo(salida, LINEA_BASE)
    except ErrorEscritura as error:
        _error(str(error))
        sys.exit(SALIDA_ERROR)


def _escribir(ruta: str | Path, texto: str | Callable[[TextIO], None]) -> None:
    """Write an output through `escritura.escribir`; a failure is a message naming the path and status 2."""
    from auditor.salidas.escritura import ErrorEscritura, escribir

    try:
        escribir(ruta, texto)
    except ErrorEscritura as error:
        _error(str(error))
        sys.exit(SALIDA_ERROR)


def _entregar(formato: Salida, resultado: Resultado, salida: str | None) -> None:
    """Write the output of `formato` to stdout, or to `salida` (see `escritura`; checked against the inputs beforehand)."""
    _entregar_texto(partial(formato.escribir, resultado), salida)


@main.command("summary")
@clic.argumento("rutas", nargs=-1, required=False, type=click.Path())
@clic.opcion("--format", "formato", type=click.Choice(["rich", "text", "csv", "json"]), default="rich", show_default=True,
              help="rich: tabla en la terminal; text: tablas sin color; csv: una fila por meta; json: documento.")
@clic.opcion("-o", "--output", "salida", type=click.Path(dir_okay=False), default=None,
              help="Escribe la matriz en este archivo (de forma atómica) en lugar de la salida estándar.")
@_OPCION_IDIOMA
@_OPCION_CONFIG
@_OPCION_REGLAS
@_OPCION_EXCLUIR
@_OPCION_PLAN
@_OPCION_SIN_CACHE
@_OPCION_DIR_CACHE
def summary(rutas: tuple[str, ...], formato: str, salida: str | None, idioma: str | None,
            config: str | None, reglas: tuple[str, ...], excluir: tuple[str, ...] = (), plan: str | None = None,
            sin_cache: bool = False, dir_cache: str | None = None) -> None:
    """Matriz de completitud de los informes en RUTAS (por defecto, el directorio actual): cada meta por las
    secciones de la plantilla (hecha, vacía, con texto de plantilla o no aplica), con totales por informe y por secretaría."""
    from auditor.motor.auditoria import auditar
    from auditor.reglas.observacion import Categoria, Severidad
    from auditor.salidas import matriz

    _usar_idioma(idioma)
    auditor = _preparar(config, reglas)
    rutas = _rutas_de(rutas)
    _excluir(auditor, excluir)
    _cargar_plan(auditor, plan)
    entradas = _entradas(auditor, rutas, reglas)
    _exigir_salidas_libres(entradas, salida)
    _abrir_cache(auditor, sin_cache, dir_cache)
    resultado = auditar(auditor, rutas)
    if not resultado.informes:
        _error(tr("no se encontró ningún informe (.yaml, .yml, .json, .txt, .md, .docx) en: {rutas}", rutas=", ".join(rutas)))
        sys.exit(SALIDA_ERROR)
    _con_auditados(entradas, resultado)
    _exigir_salidas_libres(entradas, salida)
    errores = [f for f in resultado.hallazgos() if f.categoria is Categoria.INPUT_ERROR and f.severidad is Severidad.ERROR]
    if salida is None and formato == "rich":  # the matrix in color on the terminal: printed, not a text to write
        from rich.console import Console

        matriz.imprimir(resultado, Console(highlight=False))
    else:
        _entregar(matriz.FORMATOS[formato], resultado, salida)
        if salida is not None:
            _aviso(tr("auditor: matriz de {n} informes escrita en {archivo}", n=len(resultado.informes), archivo=salida))
    for f in errores:
        _error(f"{f.lugar}: {f.mensaje}")
    sys.exit(SALIDA_ERROR if errores else SALIDA_OK)


@main.command("import")
@clic.argumento("fuente", type=click.Path(dir_okay=False))
@clic.opcion("-o", "--output", "salida", type=click.Path(dir_okay=False), default=None,
              help="Archivo YAML a escribir (por defecto, la salida estándar).")
@_OPCION_IDIOMA
@_OPCION_CONFIG
@_OPCION_REGLAS
def importar(fuente: str, salida: str | None, idioma: str | None = None, config: str | None = None,
             reglas: tuple[str, ...] = ()) -> None:
    """Convierte un documento del informe (.txt o .md exportado de la plantilla, o .docx) en datos YAML."""
    from auditor.entrada.carga import EXTENSIONES_DATOS, TAMANO_MAXIMO_MB, rechazo_previo
    from auditor.entrada.importar import importar_bytes
    from auditor.entrada.importar.escribir import a_yaml
    from auditor.lectura.fuente import ErrorFuente, motivo_so
    from auditor.salidas.escritura import DOCUMENTO, Entradas

    _usar_idioma(idioma)
    _preparar(config, reglas)  # the offices' template profiles and vocabularies (plantillas/, vocabulario/) read as check reads them
    if fuente.lower().endswith(EXTENSIONES_DATOS):
        _error(tr("{fuente} ya es un archivo de datos: 'auditor import' convierte documentos (.txt, .md, .docx); "
                  "audítelo con 'auditor check {fuente}'", fuente=fuente))
        sys.exit(SALIDA_ERROR)
    entradas = Entradas()
    entradas.agregar((fuente,), DOCUMENTO)
    _exigir_salidas_libres(entradas, salida)  # before the document is read
    try:
        rechazo = rechazo_previo(Path(fuente), TAMANO_MAXIMO_MB)  # a pipe would block, a huge file would not end
        if rechazo is not None:
            _error(f"{fuente}: {rechazo}")
            sys.exit(SALIDA_ERROR)
        contenido = Path(fuente).read_bytes()
    except OSError as error:
        _error(tr("{archivo}: no se puede leer: {motivo}", archivo=fuente, motivo=motivo_so(error)))
        sys.exit(SALIDA_ERROR)
    try:
        borrador = importar_bytes(contenido, fuente)
    except ErrorFuente as error:
        _error(f"{fuente}:{error.linea}: {error.mensaje}")
        sys.exit(SALIDA_ERROR)
    texto = a_yaml(borrador, Path(fuente).name)
    if borrador.perfil:
        _aviso(tr("auditor: {fuente} leído con el perfil de plantilla {perfil} ({archivo}): {razon}", fuente=fuente,
                  perfil=Path(borrador.perfil).stem, archivo=borrador.perfil, razon=borrador.razon_perfil))
    for p in sorted(borrador.problemas, key=lambda p: p.linea):
        nivel = tr("aviso") if p.regla == "ENT005" else tr("advertencia")
        _aviso(f"auditor: {nivel}: {fuente}:{p.linea}: {p.mensaje}")
    if salida is None:
        click.echo(texto, nl=False)
        return
    _escribir(salida, texto)
    metas = len(borrador.datos.get("metas", []))
    _aviso(tr("auditor: {metas} metas importadas de {fuente} en {salida}", metas=metas, fuente=fuente, salida=salida))


@main.group("rules", invoke_without_command=True)
@_OPCION_IDIOMA
@_OPCION_CONFIG
@_OPCION_REGLAS
@click.pass_context
def rules(ctx: click.Context, idioma: str | None, config: str | None, reglas: tuple[str, ...]) -> None:
    """Lista las reglas (con su severidad efectiva según la configuración)."""
    from auditor.idioma import plantilla

    ctx.obj = (config, reglas, idioma)
    if ctx.invoked_subcommand is not None:
        return
    from tabulate import tabulate

    _usar_idioma(idioma)
    auditor = _preparar(config, reglas)
    filas = [
        [r.id, r.nombre, r.categoria.value, auditor.severidad(r).etiqueta,
         tr("sí") if auditor.configuracion.ajuste(r.id).activa else tr("no"), r.origen, _plantilla_legible(plantilla(r.mensaje))]
        for r in auditor.catalogo.ordenadas()
    ]
    click.echo(tabulate(filas, headers=[tr("id"), tr("nombre"), tr("categoría"), tr("severidad"), tr("activa"), tr("tipo"), tr("mensaje")]))


def _plantilla_legible(texto: str) -> str:
    """A message template for people: 'No se puede leer el número de '‹campo›''."""
    import string

    try:
        partes = list(string.Formatter().parse(texto))
    except ValueError:  # not a valid template: show it as it is
        return texto
    return "".join(literal + (f"‹{campo}›" if campo is not None else "") for literal, campo, _, _ in partes)


def _como_yaml(valor: object) -> str:
    """A parameter's default as it would be written in auditor.yaml: true, 2.0, [a, b]."""
    import yaml

    texto = yaml.safe_dump(valor, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6).strip()
    return texto.removesuffix("...").strip()


@rules.command("explain")
@clic.argumento("regla_id")
@_OPCION_IDIOMA
@_OPCION_CONFIG
@_OPCION_REGLAS
@click.pass_context
def explain(ctx: click.Context, regla_id: str, idioma: str | None, config: str | None, reglas: tuple[str, ...]) -> None:
    """Muestra la documentación de una regla: qué revisa, por qué importa y ejemplos."""
    import difflib

    from auditor.idioma import plantilla

    config_grupo, reglas_grupo, idioma_grupo = ctx.obj  # `auditor rules --rules DIR explain ID` works as well
    _usar_idioma(idioma or idioma_grupo)
    auditor = _preparar(config or config_grupo, (*reglas_grupo, *reglas))
    catalogo = auditor.catalogo
    regla = catalogo.reglas.get(regla_id.upper()) or next((r for r in catalogo.reglas.values() if r.nombre == regla_id), None)
    if regla is None:
        pista = difflib.get_close_matches(regla_id.upper(), list(catalogo.reglas), n=1)
        _error(tr("regla desconocida '{regla}'; ¿quiso decir '{pista}'? (vea 'auditor rules')", regla=regla_id, pista=pista[0]) if pista
               else tr("regla desconocida '{regla}' (vea 'auditor rules')", regla=regla_id))
        sys.exit(SALIDA_ERROR)
    parametros = regla.Parametros.model_fields
    texto = [
        f"{regla.id} · {regla.nombre}",
        tr("categoría: {categoria}   severidad: {severidad}   tipo: {tipo}", categoria=regla.categoria.value,
           severidad=auditor.severidad(regla).etiqueta, tipo=regla.origen),
        "",
        tr("Qué revisa"), _sangrar(plantilla(regla.doc.que_revisa)), "",
        tr("Por qué importa"), _sangrar(plantilla(regla.doc.por_que)), "",
        *([tr("Qué hacer"), _sangrar(plantilla(regla.doc.que_hacer)), ""] if regla.doc.que_hacer else []),
        tr("Ejemplo que se señala"), _sangrar(regla.doc.ejemplo_falla.rstrip()), "",
        tr("Ejemplo correcto"), _sangrar(regla.doc.ejemplo_pasa.rstrip()),
    ]
    if parametros:
        texto += ["", tr("Parámetros (configurables en auditor.yaml)")]
        for nombre, campo in parametros.items():
            descripcion = plantilla(campo.description) if campo.description else ""
            texto.append(f"  {nombre} = {_como_yaml(campo.get_default(call_default_factory=True))}: {descripcion}")
    click.echo("\n".join(texto))


@rules.command("docs")
@clic.argumento("directorio", type=click.Path(file_okay=False), default="docs/reglas")
@_OPCION_IDIOMA
@click.pass_context
def docs(ctx: click.Context, directorio: str, idioma: str | None) -> None:
    """Escribe una página Markdown por regla en DIRECTORIO (docs/reglas por omisión) y su índice (README.md)."""
    from auditor.idioma import plantilla
    from auditor.lectura.fuente import motivo_so
    from auditor.salidas.escritura import ErrorEscritura, escribir
    from auditor.salidas.paginas_reglas import indice, pagina

    config_grupo, reglas_grupo, idioma_grupo = ctx.obj
    _usar_idioma(idioma or idioma_grupo)
    auditor = _preparar(config_grupo, reglas_grupo)
    destino = Path(directorio)
    try:
        destino.mkdir(parents=True, exist_ok=True)
        reglas = auditor.catalogo.ordenadas()
        for regla in reglas:
            parametros = [(nombre, _como_yaml(campo.get_default(call_default_factory=True)),
                           plantilla(campo.description) if campo.description else "")
                          for nombre, campo in regla.Parametros.model_fields.items()]
            escribir(destino / f"{regla.id}.md", pagina(regla, auditor.severidad(regla), parametros))
        escribir(destino / "README.md", indice((r, auditor.severidad(r)) for r in reglas))
    except OSError as error:
        _error(tr("{directorio}: no se pudieron escribir las páginas: {error}", directorio=directorio, error=motivo_so(error)))
        sys.exit(SALIDA_ERROR)
    except ErrorEscritura as error:
        _error(tr("{directorio}: no se pudieron escribir las páginas: {error}", directorio=directorio, error=error))
        sys.exit(SALIDA_ERROR)
    _aviso(tr("auditor: {n} páginas de reglas escritas en {directorio}", n=len(reglas), directorio=directorio))


def _sangrar(texto: str) -> str:
    import textwrap

    if "\n" in texto.strip():
        return textwrap.indent(texto, "    ")
    return textwrap.fill(" ".join(texto.split()), width=96, initial_indent="  ", subsequent_indent="  ")


@main.group("cache")
def cache() -> None:
    """La caché de resultados (.auditor_cache): lo que evita auditar de nuevo un archivo que no cambió."""


@cache.command("clean")
@_OPCION_DIR_CACHE
@_OPCION_CONFIG
@_OPCION_IDIOMA
def cache_clean(dir_cache: str | None, config: str | None, idioma: str | None) -> None:
    """Borra la caché de resultados (la de --cache-dir, o la que usaría 'auditor check' desde aquí) y dice qué borró."""
    from auditor.lectura.fuente import motivo_so
    from auditor.motor.cache import limpiar

    _usar_idioma(idioma)
    lugar = Path(dir_cache) if dir_cache is not None else _directorio_cache(_preparar(config, ()), None)
    try:
        borrado = limpiar(lugar)
    except OSError as error:
        _error(tr("{directorio}: no se pudo borrar la caché: {motivo}", directorio=lugar, motivo=motivo_so(error)))
        sys.exit(SALIDA_ERROR)
    if borrado is None:
        _aviso(tr("auditor: no hay caché en {directorio}; no se borró nada", directorio=lugar))
        return
    entradas, tamano = borrado
    from auditor.lectura.cifras import escribir_numero

    _aviso(tr("auditor: caché borrada en {directorio}: se quitaron {n} resultados ({mb} MB)", directorio=lugar, n=entradas,
              mb=escribir_numero(tamano / 1e6, 1)))  # every number for people as the reports write it: '0,3


@main.command("schema")
def schema() -> None:
    """Imprime el JSON Schema del formato de datos del informe."""
    import json

    from auditor.modelo.informe import Informe

    esquema = Informe.model_json_schema()
    esquema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    esquema["title"] = "Informe de Rendición de Cuentas (datos para auditor)"
    click.echo(json.dumps(esquema, ensure_ascii=False, indent=2))


@main.command("init")
@clic.opcion("--pyproject", "en_pyproject", is_flag=True,
              help="Agrega la tabla [tool.auditor] a pyproject.toml en lugar de escribir auditor.yaml.")
@clic.opcion("--force", "forzar", is_flag=True, help="Reemplaza un auditor.yaml existente.")
def init(en_pyproject: bool, forzar: bool) -> None:
    """Escribe en el directorio actual una configuración inicial comentada (auditor.yaml)."""
    from auditor.configuracion.configuracion import NOMBRE_CONFIGURACION, NOMBRE_PYPROJECT
    from auditor.configuracion.inicial import PLANTILLA_TOML, PLANTILLA_YAML
    from auditor.configuracion.pyproject import tiene_tabla_auditor

    yaml_ = Path(NOMBRE_CONFIGURACION)
    pyproject = Path(NOMBRE_PYPROJECT)
    con_tabla = pyproject.is_file() and tiene_tabla_auditor(pyproject)
    if en_pyproject:
        if con_tabla:
            _error(tr("{archivo} ya tiene una tabla [tool.auditor]; 'auditor init' no reescribe pyproject.toml: edítela",
                      archivo=NOMBRE_PYPROJECT))
            sys.exit(SALIDA_ERROR)
        if yaml_.exists():
            _error(tr("ya hay un {archivo} en este directorio: dos configuraciones en el mismo lugar son un error; "
                      "use uno de los dos", archivo=NOMBRE_CONFIGURACION))
            sys.exit(SALIDA_ERROR)
        actual = ""
        if pyproject.is_file():
            from auditor.configuracion import ErrorConfiguracion
            from auditor.configuracion.pyproject import leer_toml

            try:
                actual = leer_toml(pyproject)
            except ErrorConfiguracion as error:
                _error(str(error))
                sys.exit(SALIDA_ERROR)
        separador = "" if not actual else ("\n" if actual.endswith("\n") else "\n\n")
        _escribir(pyproject, actual + separador + PLANTILLA_TOML)
        destino = NOMBRE_PYPROJECT
    else:
        if con_tabla:
            _error(tr("{archivo} ya tiene una tabla [tool.auditor]: dos configuraciones en el mismo lugar son un error; "
                      "edite esa tabla (la configuración ya existe)", archivo=NOMBRE_PYPROJECT))
            sys.exit(SALIDA_ERROR)
        if yaml_.exists() and not forzar:
            _error(tr("{archivo} ya existe; no se reemplaza (use --force para reemplazarlo)", archivo=NOMBRE_CONFIGURACION))
            sys.exit(SALIDA_ERROR)
        _escribir(yaml_, PLANTILLA_YAML)
        destino = NOMBRE_CONFIGURACION
    click.echo(tr("auditor: configuración inicial escrita en {archivo}; 'auditor rules' lista las reglas que puede ajustar",
                  archivo=destino), err=True)
