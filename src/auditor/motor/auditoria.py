"""The audit of reports: runs the selected rules on each one, stamps severity and place, suppresses, sorts.

Everything here is a library: it never prints and never exits.  The CLI calls
`preparar` once and `auditar` with the paths to audit.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from auditor.entrada.carga import EXTENSIONES_DATOS, InformeCargado, cargar_bytes, descubrir, leer_archivo
from auditor.entrada.problemas import ENTRADA_ILEGIBLE, ENTRADA_OMITIDA, ProblemaEntrada
from auditor.idioma import tr
from auditor.lectura.fuente import Ruta
from auditor.lectura.memoria import olvidar as olvidar_lecturas
from auditor.lectura.patrones import PRESUPUESTO, SEGUNDOS_POR_PATRON, PatronLento
from auditor.motor.auditor import Auditor
from auditor.motor.paralelo import auditar_archivos
from auditor.motor.plan import cotejar, de_la_corrida, reemplazar
from auditor.motor.recoleccion import recoleccion_espaciada
from auditor.motor.supresiones import aplicar as aplicar_supresiones
from auditor.reglas.catalogo import Regla
from auditor.reglas.completitud import Patrones, completitud
from auditor.reglas.observacion import Categoria, Observacion, Severidad
from auditor.resultado.deposito import InformesEnDisco, InformesEnMemoria
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo, LugarEnPlan
from auditor.resultado.informe import ResultadoInforme


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
        self.incierto = False  # a finding of this report depends on more than its inputs (the clock, a failing rule)

    def desde_entrada(self, problema: ProblemaEntrada) -> Hallazgo | None:
        regla = self.auditor.catalogo.reglas[problema.regla]
        if not self.auditor.configuracion.ajuste(regla.id).activa:
            return None
        return Hallazgo(
            regla=regla.id, categoria=regla.categoria, severidad=self.auditor.severidad(regla), mensaje=problema.mensaje,
            archivo=self.cargado.archivo, linea=problema.linea, meta=problema.meta, campo=problema.campo, texto=problema.texto,
            ubicacion=self.cargado.ubicaciones.get(problema.linea),
        )

    def fallo_de_regla(self, regla: Regla, error: Exception) -> Hallazgo:
        self.incierto = True
        return Hallazgo(
            regla=ENTRADA_ILEGIBLE, categoria=Categoria.INPUT_ERROR, severidad=Severidad.ERROR,
            mensaje=tr("la regla {regla} no pudo revisar este informe ({error}); los demás hallazgos siguen siendo válidos. "
                       "Es un defecto de auditor: por favor repórtelo.", regla=regla.id, error=f"{type(error).__name__}: {error}"),
            archivo=self.cargado.archivo, linea=1,
        )

    def patron_lento(self, regla: Regla, lento: PatronLento) -> Hallazgo:
        self.incierto = True
        origen = lento.patron.origen or self.auditor.catalogo.origen_regla.get(regla.id, "")
        return Hallazgo(
            regla=ENTRADA_ILEGIBLE, categoria=Categoria.INPUT_ERROR, severidad=Severidad.ERROR,
            mensaje=tr("la regla {regla} no revisó este informe: su expresión regular '{patron}' (de {archivo}) tardó más de "
                       "{segundos:g} s en un texto (retroceso catastrófico) y se detuvo; corrija la expresión en ese archivo",
                       regla=regla.id, patron=lento.patron.fuente, archivo=origen, segundos=SEGUNDOS_POR_PATRON),
            archivo=self.cargado.archivo, linea=1,
        )

    def matriz_con_patron_lento(self, lento: PatronLento) -> Hallazgo:
        self.incierto = True
        return Hallazgo(
            regla=ENTRADA_ILEGIBLE, categoria=Categoria.INPUT_ERROR, severidad=Severidad.ERROR,
            mensaje=tr("la matriz de completitud no se calculó para este informe: la expresión regular '{patron}' (de {archivo}) "
                       "tardó más de {segundos:g} s en un texto (retroceso catastrófico) y se detuvo; corrija la expresión en ese archivo",
                       patron=lento.patron.fuente, archivo=lento.patron.origen, segundos=SEGUNDOS_POR_PATRON),
            archivo=self.cargado.archivo, linea=1,
        )

    def presupuesto_agotado(self, donde: list[str]) -> Hallazgo:
        self.incierto = True
        omitida = PRESUPUESTO.omitida
        assert omitida is not None
        return Hallazgo(
            regla=ENTRADA_ILEGIBLE, categoria=Categoria.INPUT_ERROR, severidad=Severidad.ERROR,
            mensaje=tr("las expresiones regulares propias agotaron su tiempo en este informe ({segundos:g} s entre todas, "
                       "'tiempo_expresiones_s' en auditor.yaml): se omitieron {n} búsquedas de {donde}, cuyos hallazgos pueden faltar; "
                       "la primera omitida, '{patron}' (de {archivo})", segundos=PRESUPUESTO.segundos, n=PRESUPUESTO.omitidas,
                       donde=", ".join(donde), patron=omitida.fuente, archivo=omitida.origen),
            archivo=self.cargado.archivo, linea=1,
        )

    def desde_observacion(self, regla: Regla, obs: Observacion) -> Hallazgo:
        informe = self.cargado.informe
        assert informe is not None
        if obs.meta is not None:
            base = self.cargado.ruta_meta(obs.meta)
            meta = informe.metas[obs.meta].etiqueta
        else:
            base, meta = (), None
        mapa = self.cargado.mapa
        if obs.campo:
            ruta = base + _campo_en_ruta(obs.campo)
            linea = mapa.linea_de_cita(ruta, obs.texto) if obs.texto else mapa.linea(ruta)
        else:
            linea = mapa.linea(base)
        plan = self.auditor.plan
        return Hallazgo(
            regla=regla.id, categoria=regla.categoria, severidad=self.auditor.severidad(regla), mensaje=obs.mensaje,
            archivo=self.cargado.archivo, linea=linea, meta=meta, campo=obs.campo or None, texto=obs.texto,
            ubicacion=self.cargado.ubicaciones.get(linea),
            plan=None if obs.en_plan is None else LugarEnPlan(plan.archivo if plan is not None else "", obs.en_plan),
        )


def auditar_cargado(auditor: Auditor, cargado: InformeCargado) -> ResultadoInforme:
    return _auditar_cargado(auditor, cargado)[0]


def _auditar_cargado(auditor: Auditor, cargado: InformeCargado) -> tuple[ResultadoInforme, bool]:
    """The report's result, and whether it is certain: the same inputs always give it (no time limit stopped a
    search, no rule failed), so that it may be kept in the cache."""
    sello = _Sello(auditor, cargado)
    findings: list[Hallazgo] = []
    for problema in cargado.problemas:
        f = sello.desde_entrada(problema)
        if f is not None:
            findings.append(f)
    informe = cargado.informe
    PRESUPUESTO.reiniciar(auditor.configuracion.tiempo_expresiones_s)  # each report its own: the order of files does not matter
    omitidas_en: list[str] = []  # the rules (and the matrix) whose searches the spent budget skipped
    matriz = None
    decididos: set[tuple[str, str | None, str | None]] = set()  # (rule, meta, field) a rule decided and found right
    if informe is not None:
        for regla in auditor.activas():
            contexto = auditor.contexto(regla)
            antes = PRESUPUESTO.omitidas
            try:
                nuevos = []
                for obs in regla.revisar(informe, contexto):
                    if obs.solo_decide:
                        decididos.add((regla.id, informe.metas[obs.meta].etiqueta if obs.meta is not None else None, obs.campo or None))
                    else:
                        nuevos.append(sello.desde_observacion(regla, obs))
            except PatronLento as lento:  # a user's pattern that backtracks without end: reported, the run goes on
                nuevos = [sello.patron_lento(regla, lento)]
            except Exception as error:  # noqa: BLE001 - a bug in one rule must not hide the other rules' findings
                nuevos = [sello.fallo_de_regla(regla, error)]
            findings.extend(nuevos)
            if PRESUPUESTO.omitidas > antes:
                omitidas_en.append(regla.id)
        if auditor.con_completitud:
            antes = PRESUPUESTO.omitidas
            try:
                matriz = completitud(informe, Patrones.del_catalogo(auditor.catalogo.patrones))
            except PatronLento as lento:  # the matrix reads with the same pattern sets as the rules
                findings.append(sello.matriz_con_patron_lento(lento))
            if PRESUPUESTO.omitidas > antes:
                omitidas_en.append(tr("la matriz de completitud"))
    if omitidas_en:  # said once per report, with where searches were skipped
        findings.append(sello.presupuesto_agotado(omitidas_en))
    findings = reemplazar(auditor, findings, decididos)  # where the plan decides a percentage, PCT002 does not say it again
    findings, suprimidos = aplicar_supresiones(auditor, cargado, findings)
    findings.sort(key=Hallazgo.clave_orden)
    suprimidos.sort(key=lambda s: s.hallazgo.clave_orden())
    metas = [(m.etiqueta, m.nombre) for m in informe.metas] if informe is not None else []
    # metas that could not be read were still looked at: they count as audited (with their findings)
    leidas = {numero for numero, _ in metas}
    for problema in cargado.problemas:
        if problema.meta is not None and problema.meta not in leidas:
            leidas.add(problema.meta)
            metas.append((problema.meta, tr("(meta que no se pudo leer)")))
    cotejo = cotejar(auditor, cargado)
    olvidar_lecturas()  # this report's texts are read for the last time: memory follows one report, not the corpus
    resultado = ResultadoInforme(cargado.archivo, _nombre_informe(cargado), metas, findings, suprimidos, matriz, cotejo)
    return resultado, not sello.incierto


def auditar_archivo(auditor: Auditor, archivo: Path) -> ResultadoInforme:
    """Load and audit one file (in this process or in a worker), within the configured size limit; with a cache,
    the result is kept under the bytes just read and parsed (the file is read once)."""
    contenido = leer_archivo(archivo, str(archivo), auditor.configuracion.tamano_maximo_mb)
    if isinstance(contenido, InformeCargado):  # not read: nothing to keep
        return auditar_cargado(auditor, contenido)
    resultado, cierto = _auditar_cargado(auditor, cargar_bytes(contenido, str(archivo)))
    if auditor.cache is not None and cierto:
        auditor.cache.guardar(archivo, contenido, resultado)
    return resultado


def auditar(auditor: Auditor, rutas: Iterable[str | os.PathLike[str]],
            al_avanzar: Callable[[str, int, int], None] | None = None, trabajos: int | None = 1,
            en_disco: bool = False, estandar: InformeCargado | None = None) -> Resultado:
    """Audit every report file under `rutas`. Bad files become findings; nothing is raised for content.

    `al_avanzar(archivo, hechos, total)` is called after each file (for a progress bar).
    `trabajos`: worker processes (None: the available cores; 1: in this process; see `paralelo`).
    `en_disco`: keep each report's result on disk as it arrives (flat memory; see `deposito`).
    `estandar`: a report already loaded (standard input, see `cargar_bytes`), audited with the files."""
    with recoleccion_espaciada():  # the workers forked by `paralelo` inherit it
        return _auditar(auditor, rutas, al_avanzar, trabajos, en_disco, estandar)


def _auditar(auditor: Auditor, rutas: Iterable[str | os.PathLike[str]], al_avanzar: Callable[[str, int, int], None] | None,
             trabajos: int | None, en_disco: bool, estandar: InformeCargado | None = None) -> Resultado:
    descubiertos = descubrir(rutas, excluir=auditor.no_informes, exclusiones=auditor.exclusiones)
    archivos = descubiertos.archivos
    resultado = Resultado(InformesEnDisco() if en_disco else InformesEnMemoria())
    if estandar is not None:
        resultado.informes.append(auditar_cargado(auditor, estandar))
    for ruta, motivo in descubiertos.faltantes:
        cargado = InformeCargado(ruta, None, problemas=[ProblemaEntrada(ENTRADA_ILEGIBLE, 1, tr("la ruta {motivo}", motivo=motivo))])
        resultado.informes.append(auditar_cargado(auditor, cargado))
    for omitido in descubiertos.omitidos:  # a file of the walk that is no report: said, not silently dropped
        mensaje = (tr("no se audita: no tiene ninguna de las claves de un informe ('entidad', 'metas', …); si es un informe, "
                      "nómbrelo en la línea de órdenes para ver por qué no se puede leer")
                   if omitido.name.lower().endswith(EXTENSIONES_DATOS) else
                   tr("no se audita: no sigue ninguna de las plantillas del informe (metas 'Meta # N', 'Meta N:', 'Meta cuatrienio N:' o una "
                      "tabla de metas); si es un informe, nómbrelo en la línea de órdenes para ver por qué no se puede leer"))
        cargado = InformeCargado(str(omitido), None, problemas=[ProblemaEntrada(ENTRADA_OMITIDA, 1, mensaje)])
        resultado.informes.append(auditar_cargado(auditor, cargado))
    pendientes = archivos
    guardados = 0
    if auditor.cache is not None:  # what is kept is looked up here; only the rest goes to the workers
        pendientes = []
        for archivo in archivos:
            guardado = auditor.cache.buscar(archivo, auditor.configuracion.tamano_maximo_mb)
            if guardado is None:
                pendientes.append(archivo)
                continue
            resultado.informes.append(guardado)
            guardados += 1
            if al_avanzar is not None:
                al_avanzar(str(archivo), guardados, len(archivos))
    for hechos, (archivo, informe) in enumerate(auditar_archivos(pendientes, trabajos, partial(auditar_archivo, auditor)),
                                                start=guardados + 1):
        resultado.informes.append(informe)
        if al_avanzar is not None:
            al_avanzar(str(archivo), hechos, len(archivos))
    if auditor.cache is not None and pendientes:
        auditor.cache.podar()
    resultado.informes.ordenar()
    resultado.plan_indicativo = auditor.plan
    de_la_corrida(auditor, resultado)  # with --plan: what no single report decides (metas omitted, the plan itself)
    resultado.reglas = {r.id: (r, auditor.severidad(r)) for r in auditor.activas()}
    for cuentas in resultado.informes.cuentas():
        for rid in cuentas.reglas:
            if rid not in resultado.reglas and rid in auditor.catalogo.reglas:
                regla = auditor.catalogo.reglas[rid]
                resultado.reglas[rid] = (regla, auditor.severidad(regla))
    return resultado
