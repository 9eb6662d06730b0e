"""The parts of the check against the Plan Indicativo that no single report decides (``--plan``).

Each report's audit keeps its matching to the plan (`cotejar`: its secretaría, the line where it says it, the plan
metas it reports), so that once every file is audited the run can say which metas of a secretaría none of its
reports includes (PLN001: several files may split one secretaría), and what is wrong with the plan itself (PLN009,
PLN011).  Where a rule declares that it replaces another on the same meta and field (PLN005 and PLN006 replace
PCT002), one finding is given (`reemplazar`).  The findings of the run are placed by file, not by the order the
workers finished in: the same bytes with -j1 and -jN and in any order of the arguments.
"""

from __future__ import annotations

from dataclasses import replace

from auditor.entrada.carga import InformeCargado
from auditor.idioma import tr
from auditor.motor.auditor import Auditor
from auditor.motor.supresiones import aplicar_por_ruta
from auditor.motor.supresiones import de_la_corrida as supresiones_de_la_corrida
from auditor.reglas.chequeos.plan import (
    EMPAREJAMIENTO,
    HallazgoDeCorrida,
    fuentes_que_no_suman,
    omisiones,
    sin_responsable,
)
from auditor.reglas.chequeos.supresiones import SUPRESION_SOBRANTE
from auditor.reglas.emparejamiento import CotejoInforme, cotejo, secretaria_en_el_plan
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import EN_LINEA, Hallazgo, LugarEnPlan, Suprimido
from auditor.resultado.informe import ResultadoInforme


def cotejar(auditor: Auditor, cargado: InformeCargado) -> CotejoInforme | None:
    """What the run keeps of a report's matching to the plan (None: no plan, or the report could not be read)."""
    if auditor.plan is None or cargado.informe is None or EMPAREJAMIENTO not in auditor.catalogo.reglas:
        return None
    hecho = cotejo(cargado.informe, auditor.plan, auditor.parametros_de(EMPAREJAMIENTO), cargado.mapa.linea(("secretaria",)))
    return replace(hecho, supresiones=supresiones_de_la_corrida(auditor, cargado))


def _en_linea(auditor: Auditor, resultado: Resultado, nuevos: list[Hallazgo]) -> tuple[list[Hallazgo], list[Suprimido]]:
    """The reports' own `suprimir:` entries for PLN001 (kept in each report's cotejo): an entry in any report of the
    secretaría covers the omission said in the first of them; an entry that covers none is left over (SUP003, where
    it is written), as a report's other suppressions are."""
    cotejos = {r.archivo: r.cotejo for r in resultado.informes if r.cotejo is not None}
    plan = auditor.plan
    assert plan is not None
    grupo = {archivo: secretaria_en_el_plan(plan, c.responsable) if c.responsable else None for archivo, c in cotejos.items()}
    quedan: list[Hallazgo] = []
    suprimidos: list[Suprimido] = []
    usadas: set[tuple[str, int]] = set()
    for f in nuevos:
        propios = [(a, k, e) for a, c in sorted(cotejos.items()) if grupo.get(a) is not None and grupo[a] == grupo.get(f.archivo)
                   for k, e in enumerate(c.supresiones) if e.regla == f.regla and (e.meta is None or e.meta == f.meta)
                   and (not e.campo or (f.campo or "") == e.campo or (f.campo or "").startswith((e.campo + ".", e.campo + "[")))]
        if not propios:
            quedan.append(f)
            continue
        usadas.update((a, k) for a, k, _ in propios)
        archivo, _, primera = propios[0]
        suprimidos.append(Suprimido(f, EN_LINEA, f"{archivo}:{primera.linea}", primera.motivo))
    activas = {r.id for r in auditor.activas()}
    if SUPRESION_SOBRANTE in activas:
        regla = auditor.catalogo.reglas[SUPRESION_SOBRANTE]
        for archivo, c in sorted(cotejos.items()):
            for k, e in enumerate(c.supresiones):
                if (archivo, k) in usadas or e.regla not in activas:
                    continue
                quedan.append(Hallazgo(
                    regla=regla.id, categoria=regla.categoria, severidad=auditor.severidad(regla),
                    mensaje=tr("la supresión de {regla} no coincide con ningún hallazgo: sobra (¿ya se corrigió?)", regla=e.regla),
                    archivo=archivo, linea=e.linea, meta=e.meta if e.en_meta else None,
                    campo=e.campo_propio, texto=e.regla))
    return quedan, suprimidos


def reemplazar(auditor: Auditor, findings: list[Hallazgo],
               decididos: set[tuple[str, str | None, str | None]] | frozenset[tuple[str, str | None, str | None]] = frozenset(),
               ) -> list[Hallazgo]:
    """Drop the findings that a rule replacing theirs (`Regla.reemplaza`) covers on the same meta and field: with a
    finding of its own (PLN005 says the % is wrong by the plan), or having decided the field right (`decididos`: the
    plan's formula for a reducción meta gives the stated %, where PCT002's arithmetic, which assumes a flow, does not)."""
    reglas = auditor.catalogo.reglas
    cubiertos = {(otra, f.meta, f.campo) for f in findings if f.regla in reglas for otra in reglas[f.regla].reemplaza}
    cubiertos |= {(otra, meta, campo) for rid, meta, campo in decididos if rid in reglas for otra in reglas[rid].reemplaza}
    if not cubiertos:
        return findings
    return [f for f in findings if (f.regla, f.meta, f.campo) not in cubiertos]


def _hallazgo(auditor: Auditor, regla_id: str, h: HallazgoDeCorrida) -> Hallazgo:
    regla = auditor.catalogo.reglas[regla_id]
    assert auditor.plan is not None
    return Hallazgo(regla=regla.id, categoria=regla.categoria, severidad=auditor.severidad(regla), mensaje=h.mensaje,
                    archivo=h.archivo, linea=h.linea, meta=h.meta, campo=h.campo,
                    plan=None if h.en_plan is None else LugarEnPlan(auditor.plan.archivo, h.en_plan))


def de_la_corrida(auditor: Auditor, resultado: Resultado) -> None:
    """Add the run-level findings (PLN001 in the first report file of each secretaría, PLN009 and PLN011 in the plan's
    file), each through the configuration's per-path suppressions like any other finding."""
    plan = auditor.plan
    if plan is None:
        return
    activas = {r.id for r in auditor.activas()}
    nuevos: list[Hallazgo] = []
    if "PLN001" in activas:
        cotejos = [(r.archivo, r.cotejo) for r in resultado.informes if r.cotejo is not None]
        nuevos.extend(_hallazgo(auditor, "PLN001", h) for h in omisiones(plan, cotejos))
    if "PLN009" in activas:
        nuevos.extend(_hallazgo(auditor, "PLN009", h) for h in fuentes_que_no_suman(plan, auditor.parametros_de("PLN009")))
    if "PLN011" in activas:
        nuevos.extend(_hallazgo(auditor, "PLN011", h) for h in sin_responsable(plan))
    nuevos, en_linea = _en_linea(auditor, resultado, nuevos)
    if not nuevos and not en_linea:
        return
    quedan, suprimidos = aplicar_por_ruta(auditor, nuevos)
    suprimidos = en_linea + suprimidos
    por_archivo: dict[str, tuple[list[Hallazgo], list[Suprimido]]] = {}
    for f in quedan:
        por_archivo.setdefault(f.archivo, ([], []))[0].append(f)
    for s in suprimidos:
        por_archivo.setdefault(s.hallazgo.archivo, ([], []))[1].append(s)
    informes = set(resultado.informes.archivos())

    def agregar(informe: ResultadoInforme) -> None:
        propios = por_archivo.get(informe.archivo)
        if propios is None:
            return
        informe.hallazgos = sorted([*informe.hallazgos, *propios[0]], key=Hallazgo.clave_orden)
        informe.suprimidos = sorted([*informe.suprimidos, *propios[1]], key=lambda s: s.hallazgo.clave_orden())

    if any(a in informes for a in por_archivo):
        resultado.informes.transformar(agregar)
    for archivo in sorted(set(por_archivo) - informes):  # the plan's own file
        hallazgos, suprimidos_plan = por_archivo[archivo]
        resultado.informes.append(ResultadoInforme(
            archivo, tr("Plan Indicativo"), [], sorted(hallazgos, key=Hallazgo.clave_orden),
            sorted(suprimidos_plan, key=lambda s: s.hallazgo.clave_orden())))
    resultado.informes.ordenar()
