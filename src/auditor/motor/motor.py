"""The engine: builds the catalog, selects rules, runs them, stamps severity and place, sorts.

Everything here is a library: it never prints and never exits.  The CLI calls
`preparar` once and `auditar` with the paths to audit.
"""

from __future__ import annotations

import gc
import importlib.resources
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from auditor.configuracion.configuracion import Configuracion
from auditor.entrada.carga import ENTRADA_ILEGIBLE, InformeCargado, ProblemaEntrada, cargar_archivo, descubrir
from auditor.entrada.fuente import Ruta
from auditor.idioma import olvidar_agregadas, tr
from auditor.lectura.memoria import olvidar as olvidar_lecturas
from auditor.lectura.patrones import SEGUNDOS_POR_PATRON, PatronLento
from auditor.motor.supresiones import Suprimido
from auditor.motor.supresiones import aplicar as aplicar_supresiones
from auditor.reglas.catalogo import Catalogo, Contexto, ErrorReglas, Regla
from auditor.reglas.chequeos import CHEQUEOS
from auditor.reglas.completitud import CompletitudInforme, Patrones, completitud
from auditor.reglas.declarativas import cargar_directorio_reglas
from auditor.resultado.deposito import InformesEnDisco, InformesEnMemoria
from auditor.resultado.hallazgo import Category, Finding, Observacion, Severity


def directorio_reglas_incluidas() -> Path:
    """The built-in rules: packaged as ``auditor/_rules`` in a wheel, ``rules/`` in a checkout."""
    empaquetadas = importlib.resources.files("auditor") / "_rules"
    if empaquetadas.is_dir():
        return Path(str(empaquetadas))
    return Path(__file__).resolve().parents[3] / "rules"


def construir_catalogo(directorios: Iterable[Path] = ()) -> Catalogo:
    """Python checks, the built-in YAML rules and any extra rule directories."""
    catalogo = Catalogo()
    olvidar_agregadas()  # the English of YAML rules is that of this catalog's rules, not of one built before
    for chequeo in CHEQUEOS:
        catalogo.agregar(chequeo(), f"{chequeo.__module__}.{chequeo.__name__}")
    incluidas = directorio_reglas_incluidas()
    if not incluidas.is_dir():
        raise ErrorReglas(str(incluidas), tr("no se encuentran las reglas incluidas; reinstale el paquete"))
    cargar_directorio_reglas(incluidas, catalogo)
    vistos = {incluidas.resolve()}
    for directorio in directorios:  # the same directory from the configuration and --rules is read once
        if Path(directorio).resolve() not in vistos:
            vistos.add(Path(directorio).resolve())
            cargar_directorio_reglas(Path(directorio), catalogo)
    catalogo.verificar()
    return catalogo


@dataclass
class Auditor:
    """A catalog and a configuration, ready to audit reports."""

    catalogo: Catalogo
    configuracion: Configuracion
    seleccion: set[str] | None = None  # only these rule ids (None: all enabled)
    no_informes: tuple[Path, ...] = ()  # the configuration file and rule directories: never audited as reports
    con_completitud: bool = True  # the completeness matrix per report (html and summary); check skips it otherwise
    _contextos: dict[str, Contexto] = field(default_factory=dict, init=False, repr=False)

    def contexto(self, regla: Regla) -> Contexto:
        """Validated parameters and pattern sets of a rule, built once per run, not once per report."""
        if regla.id not in self._contextos:
            parametros = self.configuracion.parametros(self.catalogo, regla.id)
            self._contextos[regla.id] = Contexto(parametros, self.catalogo.patrones)
        return self._contextos[regla.id]

    def activas(self) -> list[Regla]:
        reglas = []
        for regla in self.catalogo.ordenadas():
            if self.seleccion is not None and regla.id not in self.seleccion:
                continue
            if self.configuracion.ajuste(regla.id).activa:
                reglas.append(regla)
        return reglas

    def severidad(self, regla: Regla) -> Severity:
        return self.configuracion.ajuste(regla.id).severidad or regla.severidad


def preparar(configuracion: Configuracion, directorios_extra: Iterable[Path] = (), seleccion: Iterable[str] | None = None) -> Auditor:
    """Build the catalog for a configuration; raise ErrorReglas on any bad rule or setting."""
    catalogo = construir_catalogo([*configuracion.directorios_reglas, *directorios_extra])
    configuracion.verificar(catalogo)
    ids = None
    if seleccion is not None:
        ids = set(seleccion)
        desconocidas = sorted(ids - set(catalogo.reglas))
        if desconocidas:
            raise ErrorReglas("--select", tr("reglas desconocidas: {reglas}", reglas=", ".join(desconocidas)))
    propios = [*configuracion.directorios_reglas, *directorios_extra]
    if configuracion.archivo:
        propios.append(Path(configuracion.archivo))
    return Auditor(catalogo, configuracion, ids, tuple(propios))


@dataclass(frozen=True)
class Cuentas:
    """What a report contributes to the summary and the exit status, without its findings."""

    findings: int
    suprimidos: int
    metas: int
    metas_con_hallazgos: int
    severidades: Counter[Severity]
    categorias: Counter[Category]
    errores_entrada: int  # input errors: the run exits 2
    reglas: tuple[str, ...]  # the rules its findings (then its suppressed findings) name, in the order they first appear


@dataclass
class ResultadoInforme:
    archivo: str
    informe_nombre: str | None
    metas: list[tuple[str, str]]  # (number, name) of each meta audited
    findings: list[Finding]
    suprimidos: list[Suprimido] = field(default_factory=list)  # never count for the exit status; listed on request
    completitud: CompletitudInforme | None = None  # sections answered per meta (None: the file could not be read)

    def cuentas(self) -> Cuentas:
        return Cuentas(
            findings=len(self.findings), suprimidos=len(self.suprimidos), metas=len(self.metas),
            metas_con_hallazgos=len({f.meta for f in self.findings if f.meta is not None}),
            severidades=Counter(f.severity for f in self.findings), categorias=Counter(f.category for f in self.findings),
            errores_entrada=sum(1 for f in self.findings if f.category is Category.INPUT_ERROR and f.severity is Severity.ERROR),
            reglas=tuple(dict.fromkeys([*(f.rule for f in self.findings), *(s.finding.rule for s in self.suprimidos)])),
        )


Informes = InformesEnMemoria | InformesEnDisco


@dataclass
class Resultado:
    """The reports of a run, in file order, with what the reporters need besides them.

    `informes` is a list in memory, or on disk for ``auditor check`` (see `deposito`): the totals come
    from each report's `Cuentas`, and `hallazgos()` walks the findings one report at a time."""

    informes: Informes = field(default_factory=InformesEnMemoria)
    linea_base: str | None = None  # the baseline applied (check --baseline), if any
    linea_base_corregidos: int = 0  # its findings that no longer appear in the files audited
    mostrar_suprimidos: bool = False  # presentation: list the suppressed findings (check --show-suppressed)

    # the rules the run applied (and any rule a finding names), by id, with their effective severity:
    # what reporters that describe rules need (SARIF's rule list, JUnit's checked families)
    reglas: dict[str, tuple[Regla, Severity]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.informes, (InformesEnMemoria, InformesEnDisco)):
            self.informes = InformesEnMemoria(self.informes)

    def hallazgos(self) -> Iterator[Finding]:
        for r in self.informes:
            yield from r.findings

    def suprimidos_en_orden(self) -> Iterator[Suprimido]:
        for r in self.informes:
            yield from r.suprimidos

    @property
    def suprimidos(self) -> list[Suprimido]:
        return list(self.suprimidos_en_orden())

    @property
    def findings(self) -> list[Finding]:
        return list(self.hallazgos())

    @property
    def total_findings(self) -> int:
        return sum(c.findings for c in self.informes.cuentas())

    @property
    def total_suprimidos(self) -> int:
        return sum(c.suprimidos for c in self.informes.cuentas())

    @property
    def errores_entrada(self) -> int:
        return sum(c.errores_entrada for c in self.informes.cuentas())

    @property
    def metas_auditadas(self) -> int:
        return sum(c.metas for c in self.informes.cuentas())

    @property
    def metas_con_hallazgos(self) -> int:
        return sum(c.metas_con_hallazgos for c in self.informes.cuentas())

    def por_severidad(self) -> Counter[Severity]:
        total: Counter[Severity] = Counter()
        for c in self.informes.cuentas():
            total.update(c.severidades)
        return total

    def por_categoria(self) -> Counter[Category]:
        total: Counter[Category] = Counter()
        for c in self.informes.cuentas():
            total.update(c.categorias)
        return total


def _campo_en_ruta(campo: str) -> Ruta:
    partes: list[str | int] = []
    for trozo in campo.replace("]", "").split("."):
        nombre, _, indice = trozo.partition("[")
        partes.append(nombre)
        if indice:
            partes.append(int(indice))
    return tuple(partes)


def _nombre_informe(cargado: InformeCargado) -> str | None:
    informe = cargado.informe
    if informe is None:
        return None
    return f"{informe.secretaria} — {informe.entidad}, {informe.periodo.desde}" + (
        f"-{informe.periodo.hasta}" if informe.periodo.hasta != informe.periodo.desde else ""
    )


class _Sello:
    """Turns a rule's observations on one loaded report into findings."""

    def __init__(self, auditor: Auditor, cargado: InformeCargado) -> None:
        self.auditor = auditor
        self.cargado = cargado

    def desde_entrada(self, problema: ProblemaEntrada) -> Finding | None:
        regla = self.auditor.catalogo.reglas[problema.regla]
        if not self.auditor.configuracion.ajuste(regla.id).activa:
            return None
        return Finding(
            rule=regla.id, category=regla.categoria, severity=self.auditor.severidad(regla), message=problema.mensaje,
            file=self.cargado.archivo, line=problema.linea, meta=problema.meta, field=problema.campo, text=problema.texto,
            location=self.cargado.ubicaciones.get(problema.linea),
        )

    def fallo_de_regla(self, regla: Regla, error: Exception) -> Finding:
        return Finding(
            rule=ENTRADA_ILEGIBLE, category=Category.INPUT_ERROR, severity=Severity.ERROR,
            message=tr("la regla {regla} no pudo revisar este informe ({error}); los demás hallazgos siguen siendo válidos. "
                       "Es un defecto de auditor: por favor repórtelo.", regla=regla.id, error=f"{type(error).__name__}: {error}"),
            file=self.cargado.archivo, line=1,
        )

    def patron_lento(self, regla: Regla, lento: PatronLento) -> Finding:
        origen = lento.patron.origen or self.auditor.catalogo.origen_regla.get(regla.id, "")
        return Finding(
            rule=ENTRADA_ILEGIBLE, category=Category.INPUT_ERROR, severity=Severity.ERROR,
            message=tr("la regla {regla} no revisó este informe: su expresión regular '{patron}' (de {archivo}) tardó más de "
                       "{segundos:g} s en un texto (retroceso catastrófico) y se detuvo; corrija la expresión en ese archivo",
                       regla=regla.id, patron=lento.patron.fuente, archivo=origen, segundos=SEGUNDOS_POR_PATRON),
            file=self.cargado.archivo, line=1,
        )

    def desde_observacion(self, regla: Regla, obs: Observacion) -> Finding:
        informe = self.cargado.informe
        assert informe is not None
        if obs.meta is not None:
            base = self.cargado.ruta_meta(obs.meta)
            meta = str(informe.metas[obs.meta].numero)
        else:
            base, meta = (), None
        mapa = self.cargado.mapa
        if obs.campo:
            ruta = base + _campo_en_ruta(obs.campo)
            linea = mapa.linea_de_cita(ruta, obs.texto) if obs.texto else mapa.linea(ruta)
        else:
            linea = mapa.linea(base)
        return Finding(
            rule=regla.id, category=regla.categoria, severity=self.auditor.severidad(regla), message=obs.mensaje,
            file=self.cargado.archivo, line=linea, meta=meta, field=obs.campo or None, text=obs.texto,
            location=self.cargado.ubicaciones.get(linea),
        )


def auditar_cargado(auditor: Auditor, cargado: InformeCargado) -> ResultadoInforme:
    sello = _Sello(auditor, cargado)
    findings: list[Finding] = []
    for problema in cargado.problemas:
        f = sello.desde_entrada(problema)
        if f is not None:
            findings.append(f)
    informe = cargado.informe
    if informe is not None:
        for regla in auditor.activas():
            contexto = auditor.contexto(regla)
            try:
                nuevos = [sello.desde_observacion(regla, obs) for obs in regla.revisar(informe, contexto)]
            except PatronLento as lento:  # a user's pattern that backtracks without end: reported, the run goes on
                nuevos = [sello.patron_lento(regla, lento)]
            except Exception as error:  # noqa: BLE001 - a bug in one rule must not hide the other rules' findings
                nuevos = [sello.fallo_de_regla(regla, error)]
            findings.extend(nuevos)
    findings, suprimidos = aplicar_supresiones(auditor, cargado, findings)
    findings.sort(key=Finding.clave_orden)
    suprimidos.sort(key=lambda s: s.finding.clave_orden())
    metas = [(str(m.numero), m.nombre) for m in informe.metas] if informe is not None else []
    # metas that could not be read were still looked at: they count as audited (with their findings)
    leidas = {numero for numero, _ in metas}
    for problema in cargado.problemas:
        if problema.meta is not None and problema.meta not in leidas:
            leidas.add(problema.meta)
            metas.append((problema.meta, tr("(meta que no se pudo leer)")))
    matriz = (completitud(informe, Patrones.del_catalogo(auditor.catalogo.patrones))
              if informe is not None and auditor.con_completitud else None)
    olvidar_lecturas()  # this report's texts are read for the last time: memory follows one report, not the corpus
    return ResultadoInforme(cargado.archivo, _nombre_informe(cargado), metas, findings, suprimidos, matriz)


def auditar_archivo(auditor: Auditor, archivo: Path) -> ResultadoInforme:
    """Load and audit one file (in this process or in a worker), within the configured size limit."""
    return auditar_cargado(auditor, cargar_archivo(archivo, tamano_maximo_mb=auditor.configuracion.tamano_maximo_mb))


def auditar(auditor: Auditor, rutas: Iterable[str | os.PathLike[str]],
            al_avanzar: Callable[[str, int, int], None] | None = None, trabajos: int | None = 1,
            en_disco: bool = False) -> Resultado:
    """Audit every report file under `rutas`. Bad files become findings; nothing is raised for content.

    `al_avanzar(archivo, hechos, total)` is called after each file (for a progress bar).
    `trabajos`: worker processes (None: the available cores; 1: in this process; see `paralelo`).
    `en_disco`: keep each report's result on disk as it arrives (flat memory; see `deposito`)."""
    umbrales = gc.get_threshold()
    gc.set_threshold(RECOLECCION_CADA, *umbrales[1:])  # the workers forked by `paralelo` inherit it
    try:
        return _auditar(auditor, rutas, al_avanzar, trabajos, en_disco)
    finally:
        gc.set_threshold(*umbrales)


# The rules make many short-lived objects (tokens, matches, quotes) and few reference cycles: the cyclic
# collector, run every 700 allocations by default, walked them for about 8 % of a run. Whatever reference
# counting frees is still freed at once; only the search for cycles waits.
RECOLECCION_CADA = 50_000


def _auditar(auditor: Auditor, rutas: Iterable[str | os.PathLike[str]], al_avanzar: Callable[[str, int, int], None] | None,
             trabajos: int | None, en_disco: bool) -> Resultado:
    from auditor.motor.paralelo import auditar_archivos

    archivos, faltantes = descubrir(rutas, excluir=auditor.no_informes)
    resultado = Resultado(InformesEnDisco() if en_disco else InformesEnMemoria())
    for ruta, motivo in faltantes:
        cargado = InformeCargado(ruta, None, problemas=[ProblemaEntrada(ENTRADA_ILEGIBLE, 1, tr("la ruta {motivo}", motivo=motivo))])
        resultado.informes.append(auditar_cargado(auditor, cargado))
    for hechos, (archivo, informe) in enumerate(auditar_archivos(auditor, archivos, trabajos, partial(auditar_archivo, auditor)),
                                                start=1):
        resultado.informes.append(informe)
        if al_avanzar is not None:
            al_avanzar(str(archivo), hechos, len(archivos))
    resultado.informes.ordenar()
    resultado.reglas = {r.id: (r, auditor.severidad(r)) for r in auditor.activas()}
    for cuentas in resultado.informes.cuentas():
        for rid in cuentas.reglas:
            if rid not in resultado.reglas and rid in auditor.catalogo.reglas:
                regla = auditor.catalogo.reglas[rid]
                resultado.reglas[rid] = (regla, auditor.severidad(regla))
    return resultado
