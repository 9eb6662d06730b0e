"""The report against the Plan Indicativo (``--plan``): the official metas, targets, programming and resources.

Every rule here yields nothing without a plan (`Contexto.plan` is None).  Each report meta is first matched to
the plan's (`reglas.emparejamiento`); a finding names the plan's sheet and row in its message and carries the
plan's cell it contradicts (`Observacion.en_plan`).  The percentages are recomputed with the formula of the
meta's tipo de acumulación (`rules/acumulacion.yaml`), named in the finding.  Where a reading is unsure (a
year the plan does not program, a unit that is not the plan's, a meta not matched), the rules are silent.

Three rules are not about one report: PLN001 (a meta of a secretaría that none of its reports in the run
includes) needs every report of the run, PLN009 and PLN011 are about the plan itself.  The engine runs them
once, after the reports (`motor.plan`); their `revisar` yields nothing, and `de_la_corrida` gives their findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from auditor.idioma import tr
from auditor.lectura.cifras import escribir_numero
from auditor.modelo.informe import Informe, Meta, Valor
from auditor.modelo.plan import Celda, MetaPlan, PlanIndicativo, Programado
from auditor.reglas.acumulacion import Formula, ReglaAcumulacion
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.chequeos.porcentajes import ParametrosCantidades, logrado
from auditor.reglas.emparejamiento import (
    CotejoInforme,
    Emparejamiento,
    ParametrosEmparejamiento,
    a_cargo_de,
    claves,
    emparejar,
    numero_en_el_plan,
    numero_normal,
    secretaria_en_el_plan,
    similitud,
)
from auditor.reglas.observacion import Categoria, Observacion, Severidad

EMPAREJAMIENTO = "PLN010"  # the rule whose parameters say how metas are matched (every PLN rule matches with them)

_PLAN_DE_EJEMPLO = ("# con --plan plan_indicativo.xlsx; en el plan, hoja «PLAN INDICATIVO - PRODUCTOS»:\n")


def _emparejamiento(informe: Informe, contexto: Contexto) -> Emparejamiento | None:
    if contexto.plan is None:
        return None
    return emparejar(informe, contexto.plan, contexto.parametros_de_regla(EMPAREJAMIENTO, ParametrosEmparejamiento()))


def donde(celda: Celda) -> str:
    """The plan's place as a message says it: 'hoja «PLAN INDICATIVO - PRODUCTOS», fila 12' (or 'celda L12')."""
    if celda.columna:
        return tr("hoja «{hoja}», celda {columna}{fila}", hoja=celda.hoja, columna=celda.columna, fila=celda.fila)
    return tr("hoja «{hoja}», fila {fila}", hoja=celda.hoja, fila=celda.fila)


def _celda(m: MetaPlan, campo: str) -> Celda:
    return m.celdas.get(campo, m.fila)


def _n(x: float) -> str:
    return escribir_numero(x, 2)


def _pct(x: float) -> str:
    return escribir_numero(x, 1) + "%"


def _anios(informe: Informe) -> list[int]:
    return list(range(informe.periodo.desde, informe.periodo.hasta + 1))


def _texto_anios(anios: Sequence[int]) -> str:
    return str(anios[0]) if len(anios) == 1 else f"{anios[0]}-{anios[-1]}"


def _unidades_compatibles(a: str | None, b: str | None) -> bool:
    """Two units name the same thing when their content words share one ('Personas' ~ 'personas vinculadas'); a
    missing unit, or one of no words ('%'), is not a difference."""
    ka, kb = claves(a or "") - _SIN_UNIDAD, claves(b or "") - _SIN_UNIDAD
    return not ka or not kb or bool(ka & kb)


_SIN_UNIDAD = claves("número cantidad total")


@dataclass(frozen=True)
class ProgramadoPeriodo:
    """What the plan programs for the report's period: the value (by the tipo's rule) and the cells it comes from."""

    valor: float
    celdas: tuple[Celda, ...]
    anios: tuple[int, ...]


def programado_periodo(m: MetaPlan, anios: Sequence[int], regla: ReglaAcumulacion) -> ProgramadoPeriodo | None:
    """The period's programmed value: the sum of its years (flujo) or the last year's; None when a year is not in
    the plan, every year is NP, or the year that counts is NP (nothing to compare)."""
    programas: list[Programado] = []
    for anio in anios:
        if anio not in m.programacion:
            return None
        programas.append(m.programacion[anio])
    if regla.programado_periodo == "suma":
        valores = [(p, a) for p, a in zip(programas, anios, strict=True) if not p.no_programado and p.valor is not None]
        if not valores:
            return None
        return ProgramadoPeriodo(sum(p.valor for p, _ in valores if p.valor is not None), tuple(p.celda for p, _ in valores),
                                 tuple(a for _, a in valores))
    ultimo = programas[-1]
    if ultimo.no_programado or ultimo.valor is None:
        return None
    return ProgramadoPeriodo(ultimo.valor, (ultimo.celda,), (anios[-1],))


def _regla_de(m: MetaPlan, contexto: Contexto) -> ReglaAcumulacion | None:
    return contexto.acumulacion.get(m.acumulacion) if m.acumulacion is not None else None


class ParametrosPorcentajePlan(ParametrosCantidades):
    """PCT002's: the tolerance in points and the units that count people."""


@dataclass(frozen=True)
class _Calculo:
    valor: float | None  # None: the formula's denominator is 0
    nada_logrado: bool  # with a denominator 0: so is the numerator
    formula: Formula
    valores: dict[str, str]
    celda: Celda


def _calcular(formula: Formula, numeros: dict[str, float | None], textos: dict[str, str], celda: Celda) -> _Calculo | None:
    """The formula over these values; None when a value it uses is unknown."""
    if any(numeros.get(s) is None for s in formula.simbolos):
        return None
    conocidos = {k: v for k, v in numeros.items() if v is not None}
    try:
        valor: float | None = formula.porcentaje(conocidos)
    except ZeroDivisionError:
        valor = None
    return _Calculo(valor, valor is None and formula.numerador_nulo(conocidos), formula, {s: textos[s] for s in formula.simbolos}, celda)


def _explicacion(regla: ReglaAcumulacion, calculo: _Calculo) -> str:
    """'acumulado (flujo): lo logrado ... sobre ..., R / P = 5 / 10'."""
    return tr("{tipo}: {palabras}, {formula} = {cuentas}", tipo=tr(regla.nombre), palabras=tr(calculo.formula.palabras),
              formula=calculo.formula.texto, cuentas=calculo.formula.con_valores(calculo.valores))


# ---- PLN001 -------------------------------------------------------------------------------------------------


class MetaDelPlanOmitida(Regla):
    id = "PLN001"
    requiere_plan = True
    de_la_corrida = True
    nombre = "meta-del-plan-omitida"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.ERROR
    mensaje = "Una meta del Plan Indicativo a cargo de la secretaría no está en ninguno de sus informes"
    doc = Documentacion(
        que_revisa="Con --plan: las metas que el Plan Indicativo asigna a la secretaría de un informe (su columna de responsable) "
        "y que ningún informe de esa secretaría en la revisión incluye (varios archivos pueden repartirse una secretaría: "
        "cuentan todos). Se señala una vez, en el primer archivo de la secretaría, en la línea de su secretaría. Sin columna "
        "de responsable en el plan no se revisa (PLN011 lo dice). El plan puede escribir al responsable de varias formas "
        "('Sec. Salud' y 'Secretaría de Salud y Protección Social' son una sola si ningún otro responsable del plan habla de "
        "salud). Una meta NP en todos los años del periodo de los informes no es una omisión: aún no hay nada que rendir.",
        por_que="Una meta que el informe calla es la omisión que el auditor busca y la que la lectura del propio informe no "
        "puede ver: solo el plan dice qué metas debe rendir cada secretaría.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   No. meta 80, 660, 661  Secretaría responsable: Fronteras y Cooperación Internacional\n"
        "secretaria: Secretaría de Fronteras y Cooperación Internacional\nnumeracion_metas: plan\n"
        "metas:\n  - {numero: 80, nombre: Personas asistidas técnicamente ...}\n  - {numero: 660, nombre: Kit de herramientas ...}\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   No. meta 80, 660, 661  Secretaría responsable: Fronteras y Cooperación Internacional\n"
        "secretaria: Secretaría de Fronteras y Cooperación Internacional\nnumeracion_metas: plan\n"
        "metas:\n  - {numero: 80, nombre: ...}\n  - {numero: 660, nombre: ...}\n  - {numero: 661, nombre: ...}\n",
        que_hacer="Agregue al informe la meta que falta, con su avance, o aclare con planeación por qué no se rinde.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        return iter(())  # a run-level rule: see de_la_corrida


@dataclass(frozen=True)
class HallazgoDeCorrida:
    """A finding of a run-level rule, with its place: a report file (PLN001) or the plan's file (PLN009, PLN011)."""

    archivo: str
    linea: int
    meta: str | None
    mensaje: str
    campo: str | None = None
    en_plan: Celda | None = None


def omisiones(plan: PlanIndicativo, cotejos: Sequence[tuple[str, CotejoInforme]]) -> Iterator[HallazgoDeCorrida]:
    """PLN001: per plan responsable with reports in the run, its metas that none of them includes; placed in the first
    of those files (by name), at the line of its secretaría."""
    if not plan.con_responsable:
        return
    por_responsable: dict[str, list[tuple[str, CotejoInforme]]] = {}
    nombres: dict[str, str] = {}
    for archivo, c in cotejos:
        if c.responsable is not None:
            clave_r = secretaria_en_el_plan(plan, c.responsable)
            por_responsable.setdefault(clave_r, []).append((archivo, c))
            nombres.setdefault(clave_r, c.responsable)
    for clave_r, informes in sorted(por_responsable.items()):
        responsable = nombres[clave_r]
        if any(c.incompleto for _, c in informes):
            continue  # a meta that could not be read may be the one missing
        incluidas = {numero_normal(n) for _, c in informes for n, _ in c.metas} | {n for _, c in informes for n in c.no_leidas}
        archivo, primero = min(informes, key=lambda par: par[0])
        anios = {a for _, c in informes if c.periodo is not None for a in range(c.periodo[0], c.periodo[1] + 1)}
        for m in plan.metas:
            if not a_cargo_de(m, responsable, plan) or numero_normal(m.numero) in incluidas:
                continue
            if anios and all(a in m.programacion and m.programacion[a].no_programado for a in anios):
                continue  # NP in every year the reports cover: nothing to report on it yet (summary --plan still lists it)
            yield HallazgoDeCorrida(
                archivo, primero.linea_secretaria, m.numero,
                tr("La meta {numero} del Plan Indicativo («{descripcion}», {donde}) está a cargo de {responsable} y {ninguno}",
                   numero=m.numero, descripcion=m.descripcion, donde=donde(m.fila), responsable=responsable,
                   ninguno=tr("el informe no la incluye") if len(informes) == 1
                   else tr("ninguno de sus {n} informes en esta revisión la incluye", n=len(informes))),
                "secretaria", m.fila)


# ---- PLN002, PLN003, PLN010: is the meta the plan's? -----------------------------------------------------------


class MetaFueraDelPlan(Regla):
    id = "PLN002"
    requiere_plan = True
    nombre = "meta-fuera-del-plan"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "La meta del informe no está en el Plan Indicativo"
    doc = Documentacion(
        que_revisa="Con --plan: metas del informe que no son ninguna fila del plan: ni por el número del plan (su código, o su "
        "número cuando el informe numera como el plan, sin contar ceros a la izquierda) ni, en un informe numerado de forma "
        "consecutiva, por una descripción parecida a la de una meta del plan de su secretaría. Si hay una meta del plan de "
        "descripción parecida, el hallazgo la nombra.",
        por_que="Una meta que no está en el plan no se puede verificar contra lo programado; suele ser un número mal escrito o "
        "una meta de otro plan copiada de un informe anterior.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   No. meta 80, 660, 661\nnumeracion_metas: plan\nmetas:\n  - {numero: 662, nombre: ...}\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   No. meta 80, 660, 661\nnumeracion_metas: plan\nmetas:\n  - {numero: 661, nombre: ...}\n",
        que_hacer="Corrija el número o la descripción de la meta para que sea la del Plan Indicativo, o empareje la meta en la "
                  "configuración (PLN010: emparejar).",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        e = _emparejamiento(informe, contexto)
        if e is None:
            return
        for i in e.sin_plan:
            meta = informe.metas[i]
            numero = numero_en_el_plan(informe, meta)
            if i in e.fijados_ausentes:
                campo = "nombre"
                mensaje = tr("La configuración empareja la meta {numero} con la meta {fijado} del Plan Indicativo (PLN010: emparejar), "
                             "pero ninguna fila del plan tiene ese número", numero=meta.etiqueta, fijado=e.fijados_ausentes[i])
            elif numero is not None:
                campo = "codigo" if meta.codigo is not None else "numero"
                mensaje = tr("La meta {numero} no está en el Plan Indicativo: ninguna de sus filas tiene ese número", numero=numero)
            else:
                campo = "nombre"
                mensaje = (tr("La meta {numero} no se parece a ninguna meta del Plan Indicativo a cargo de {responsable} que no "
                              "esté ya emparejada", numero=meta.etiqueta, responsable=e.responsable) if e.responsable
                           else tr("La meta {numero} no se parece a ninguna meta del Plan Indicativo que no esté ya emparejada",
                                   numero=meta.etiqueta))
            cercana = e.cercanas.get(i)
            if cercana is not None:
                m = cercana[0]
                mensaje += tr("; la más parecida por su descripción es la meta {numero} del plan («{descripcion}», {donde})",
                              numero=m.numero, descripcion=m.descripcion, donde=donde(m.fila))
                otra = next((informe.metas[j].etiqueta for j, pa in sorted(e.parejas.items()) if pa.meta is m), None)
                if otra is not None:
                    mensaje += tr(", que ya es la meta {otra} del informe", otra=otra)
            yield Observacion(mensaje, campo, i, None, en_plan=cercana[0].fila if cercana is not None else None)


class ParametrosDescripcion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    umbral: float = Field(default=0.5, gt=0, le=1, description="Similitud mínima (0 a 1) entre la descripción del informe y la "
                          "del plan para la meta del mismo número; por debajo, se señala.")


class DescripcionDistintaDelPlan(Regla):
    id = "PLN003"
    requiere_plan = True
    nombre = "descripcion-distinta-del-plan"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "El número de la meta es del Plan Indicativo, pero la descripción no"
    Parametros = ParametrosDescripcion
    doc = Documentacion(
        que_revisa="Con --plan: metas cuyo número (o código) es el de una meta del plan, pero cuya descripción se parece poco "
        "a la del plan (palabras de contenido compartidas, sin contar mayúsculas, tildes, plurales ni cantidades), por "
        "debajo de un umbral.",
        por_que="Un número correcto con la descripción de otra meta es una meta mal numerada, o una meta reescrita: en los dos "
        "casos lo que se rinde no es lo que el plan programó.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   No. meta 661: Personas vinculadas a empleo formal para población vulnerable\n"
        "numeracion_metas: plan\nmetas:\n  - {numero: 661, nombre: Capacitaciones sobre derechos de la población migrante}\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   No. meta 661: Personas vinculadas a empleo formal para población vulnerable\n"
        "numeracion_metas: plan\nmetas:\n  - {numero: 661, nombre: 5000 Personas vinculadas a empleo formal para población vulnerable.}\n",
        que_hacer="Use la descripción del Plan Indicativo para esa meta, o corrija el número si la meta es otra.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        e = _emparejamiento(informe, contexto)
        if e is None:
            return
        p: ParametrosDescripcion = contexto.parametros
        for i, pareja in sorted(e.parejas.items()):
            if pareja.modo != "numero" or pareja.similitud >= p.umbral or not claves(informe.metas[i].nombre):
                continue
            m = pareja.meta
            mensaje = tr("El número {numero} es en el Plan Indicativo la meta «{descripcion}» ({donde}), pero el informe la describe "
                         "de otra forma", numero=m.numero, descripcion=m.descripcion, donde=donde(_celda(m, "descripcion")))
            propias = claves(informe.metas[i].nombre)
            otra = max(((similitud(propias, claves(o.descripcion)), -j, o) for j, o in enumerate(contexto.plan.metas) if o is not m),
                       default=None, key=lambda t: (t[0], t[1])) if contexto.plan is not None else None
            if otra is not None and otra[0] >= p.umbral:  # the description the report gives is another meta's of the plan
                mensaje += tr("; esa descripción es la de la meta {otra} del plan ({donde})", otra=otra[2].numero,
                              donde=donde(_celda(otra[2], "descripcion")))
            yield Observacion(mensaje, "nombre", i, informe.metas[i].nombre, en_plan=_celda(m, "descripcion"))


class EmparejadaPorDescripcion(Regla):
    id = "PLN010"
    requiere_plan = True
    nombre = "emparejada-por-descripcion"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.INFO
    mensaje = "Meta emparejada con el Plan Indicativo por su descripción"
    Parametros = ParametrosEmparejamiento
    doc = Documentacion(
        que_revisa="Con --plan, en un informe numerado de forma consecutiva ('Meta # 1..N'): con qué meta del plan se emparejó "
        "cada meta por la similitud de su descripción (entre las metas del plan a cargo de su secretaría, si el plan dice el "
        "responsable; una a una, las parejas más parecidas primero). Lo dice una vez por informe, con cada meta y el número del "
        "plan que le tocó y la pareja menos parecida, para que se pueda revisar; ninguna meta lleva una nota propia. Un emparejamiento fijado en la configuración ('emparejar') manda y no se anuncia.",
        por_que="Las demás comparaciones con el plan (meta, programación, recursos) dependen de este emparejamiento: si es "
        "equivocado, el revisor lo corrige en la configuración; si es correcto, el informe puede usar el número del plan.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   No. meta 71: Rondas de negociaciones organizadas y/o asistidas\n"
        "numeracion_metas: consecutiva\nmetas:\n  - {numero: 1, nombre: Rondas de negociaciones organizadas y/o asistidas}\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   No. meta 71: Rondas de negociaciones organizadas y/o asistidas\n"
        "numeracion_metas: plan\nmetas:\n  - {numero: 71, nombre: Rondas de negociaciones organizadas y/o asistidas}\n",
        que_hacer="Revise que la meta del plan sea la correcta; si no, fíjela en la configuración (PLN010: parametros: "
                  "emparejar: {\"3\": \"312\"}).",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        e = _emparejamiento(informe, contexto)
        if e is None:
            return
        parejas = [(informe.metas[i].etiqueta, p) for i, p in sorted(e.parejas.items()) if p.modo == "descripcion"]
        if not parejas:
            return
        # said once for the report, not once per meta: a meta that agrees with the plan carries no note of its own
        lista = ", ".join(f"{etiqueta} → {p.meta.numero}" for etiqueta, p in parejas)
        mensaje = tr("{n} metas del informe, numeradas de forma consecutiva, se emparejaron con las del Plan Indicativo por su "
                     "descripción: {lista}", n=len(parejas), lista=lista)
        etiqueta, menos = min(parejas, key=lambda par: (par[1].similitud, par[1].meta.numero))
        if menos.similitud < 1:  # the pair a reviewer should look at first
            mensaje += tr(" (la menos parecida, {etiqueta} → {numero} «{descripcion}», {donde}, similitud {similitud})",
                          etiqueta=etiqueta, numero=menos.meta.numero, descripcion=menos.meta.descripcion,
                          donde=donde(menos.meta.fila), similitud=escribir_numero(menos.similitud, 2))
        yield Observacion(mensaje, "numeracion_metas", None, None)


# ---- PLN004: the four-year target ---------------------------------------------------------------------------


class MetaCuatrienioDistintaDelPlan(Regla):
    id = "PLN004"
    requiere_plan = True
    nombre = "meta-cuatrienio-distinta-del-plan"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.ERROR
    mensaje = "La meta del cuatrienio o su unidad no es la del Plan Indicativo"
    doc = Documentacion(
        que_revisa="Con --plan: la cantidad de la meta del cuatrienio que declara el informe frente a la del plan, y su unidad "
        "(se comparan las palabras de contenido, sin mayúsculas, tildes ni plurales: 'Personas' es 'personas').",
        por_que="Una meta del cuatrienio reescrita en el informe ('4.500 personas' donde el plan dice 5.000) cambia todos los "
        "porcentajes de avance y esconde un rezago.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   No. meta 660  Meta cuatrienio 5.000  Unidad de medida: Personas\n"
        "meta_cuatrienio: {cantidad: \"4.500\", unidad: personas}\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   No. meta 660  Meta cuatrienio 5.000  Unidad de medida: Personas\n"
        "meta_cuatrienio: {cantidad: \"5.000\", unidad: personas}\n",
        que_hacer="Escriba la meta del cuatrienio y la unidad del Plan Indicativo.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        e = _emparejamiento(informe, contexto)
        if e is None:
            return
        for i, pareja in sorted(e.parejas.items()):
            objetivo, m = informe.metas[i].meta_cuatrienio, pareja.meta
            if objetivo is None:
                continue
            cantidad = objetivo.cantidad
            if (cantidad is not None and cantidad.valor is not None and m.meta_cuatrienio is not None
                    and abs(cantidad.valor - m.meta_cuatrienio) > 1e-9 * max(1.0, abs(m.meta_cuatrienio))):
                yield Observacion(
                    tr("El informe dice {informe} y el Plan Indicativo {plan} para la meta {numero} ({donde})",
                       informe=" ".join(x for x in (cantidad.cita, objetivo.unidad) if x),
                       plan=" ".join(x for x in (_n(m.meta_cuatrienio), m.unidad) if x), numero=m.numero,
                       donde=donde(_celda(m, "meta_cuatrienio"))),
                    "meta_cuatrienio.cantidad", i, cantidad.cita or None, en_plan=_celda(m, "meta_cuatrienio"))
            if objetivo.unidad and m.unidad and not _unidades_compatibles(objetivo.unidad, m.unidad):
                yield Observacion(
                    tr("El informe la cuenta en «{informe}» y el Plan Indicativo en «{plan}» para la meta {numero} "
                       "({donde})", informe=objetivo.unidad,
                       plan=m.unidad, numero=m.numero, donde=donde(_celda(m, "unidad"))),
                    "meta_cuatrienio.unidad", i, objetivo.unidad, en_plan=_celda(m, "unidad"))


# ---- PLN005, PLN006: the percentages by the tipo de acumulación ----------------------------------------------


def _logro(meta: Meta, m: MetaPlan, p: ParametrosCantidades) -> tuple[float, str, str] | None:
    """What was achieved, when it is counted in the plan's unit (another unit: nothing to compare)."""
    hecho = logrado(meta, p)
    if hecho is None:
        return None
    unidad = meta.logro.unidad if hecho[1] == "logro.cantidad" else meta.beneficiarios.unidad
    return hecho if _unidades_compatibles(unidad, m.unidad) else None


def _declarado(valor: Valor | None) -> float | None:
    return valor.valor if valor is not None else None


def _cumplimiento(informe: Informe, meta: Meta, m: MetaPlan, contexto: Contexto) -> tuple[ReglaAcumulacion, _Calculo] | None:
    regla = _regla_de(m, contexto)
    hecho = _logro(meta, m, contexto.parametros)
    if regla is None or hecho is None:
        return None
    programado = programado_periodo(m, _anios(informe), regla)
    if programado is None:
        return None
    calculo = _calcular(regla.cumplimiento, {"R": hecho[0], "P": programado.valor, "LB": m.linea_base},
                        {"R": hecho[2], "P": _n(programado.valor), "LB": _n(m.linea_base) if m.linea_base is not None else ""},
                        programado.celdas[-1])
    return (regla, calculo) if calculo is not None else None


def _avance(informe: Informe, meta: Meta, m: MetaPlan, contexto: Contexto) -> tuple[ReglaAcumulacion, _Calculo] | None:
    regla = _regla_de(m, contexto)
    hecho = _logro(meta, m, contexto.parametros)
    if regla is None or hecho is None or informe.periodo.desde != informe.plan.desde:
        return None  # only from the start of the cuatrienio is the period's achievement the achievement so far
    calculo = _calcular(regla.avance, {"R": hecho[0], "M": m.meta_cuatrienio, "LB": m.linea_base},
                        {"R": hecho[2], "M": _n(m.meta_cuatrienio) if m.meta_cuatrienio is not None else "",
                         "LB": _n(m.linea_base) if m.linea_base is not None else ""},
                        _celda(m, "meta_cuatrienio"))
    return (regla, calculo) if calculo is not None else None


def _calculados(informe: Informe, contexto: Contexto, campo: Literal["cumplimiento_periodo", "avance_cuatrienio"],
                calcular: Callable[[Informe, Meta, MetaPlan, Contexto], tuple[ReglaAcumulacion, _Calculo] | None],
                ) -> Iterator[tuple[int, str | None, float, ReglaAcumulacion, _Calculo]]:
    """PLN005's and PLN006's common walk: each matched meta that states the percentage `campo` and whose plan
    meta lets `calcular` compute it, as (meta index, the stated text, the stated value, the formula, the result)."""
    e = _emparejamiento(informe, contexto)
    if e is None:
        return
    for i, pareja in sorted(e.parejas.items()):
        meta = informe.metas[i]
        valor = getattr(meta, campo)
        declarado = _declarado(valor)
        hecho = calcular(informe, meta, pareja.meta, contexto) if declarado is not None else None
        if hecho is not None and declarado is not None and valor is not None:
            yield (i, valor.cita, declarado, *hecho)


class CumplimientoDistintoDelPlan(Regla):
    id = "PLN005"
    requiere_plan = True
    nombre = "cumplimiento-distinto-del-plan"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.ERROR
    mensaje = "El % de cumplimiento no es el que da lo programado en el Plan Indicativo"
    Parametros = ParametrosPorcentajePlan
    reemplaza = ("PCT002",)
    doc = Documentacion(
        que_revisa="Con --plan: el % de cumplimiento del periodo que declara el informe frente al que se calcula con lo logrado "
        "y lo programado en el plan para los años del periodo, con la fórmula del tipo de acumulación de la meta "
        "(rules/acumulacion.yaml: flujo, la suma de lo programado en los años del periodo y R / P; capacidad, el último año y "
        "(R − LB) / (P − LB); mantenimiento, el último año y R / P; reducción, el último año y (LB − R) / (LB − P)), con "
        "una tolerancia en puntos. El hallazgo nombra la fórmula, en palabras y en símbolos. Lo programado en 0 con un logro "
        "se señala (no hay cumplimiento que calcular); NP es PLN007. Si el logro se cuenta en otra unidad que la del plan, "
        "no se compara. Donde PCT002 (el porcentaje contra las cantidades del propio informe) señala el mismo porcentaje de "
        "la misma meta, queda solo este hallazgo: lo programado del plan es el oficial, y la fórmula es la del tipo de "
        "acumulación, que PCT002 no conoce. Y donde la fórmula del plan confirma el porcentaje declarado, PCT002 calla: su "
        "cuenta supone una meta de flujo, y una de capacidad o de reducción bien informada no lo es.",
        por_que="Ningún informe trae lo programado para el periodo que está detrás de su % de cumplimiento: solo el plan lo "
        "tiene, y con él el porcentaje deja de ser una cifra que hay que creer.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   Tipo de acumulación: Flujo  Programación 2024: 10  Programación 2025: 10\n"
        "periodo: {desde: 2024, hasta: 2025}\nlogro: {cantidad: 15}\ncumplimiento_periodo: \"100%\"\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   Tipo de acumulación: Flujo  Programación 2024: 10  Programación 2025: 10\n"
        "periodo: {desde: 2024, hasta: 2025}\nlogro: {cantidad: 15}\ncumplimiento_periodo: \"75%\"\n",
        que_hacer="Recalcule el % de cumplimiento con lo programado en el Plan Indicativo y la fórmula de su tipo de acumulación.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosPorcentajePlan = contexto.parametros
        for i, cita, declarado, regla, calculo in _calculados(informe, contexto, "cumplimiento_periodo", _cumplimiento):
            if calculo.valor is None:
                if calculo.nada_logrado:
                    continue  # nothing achieved over nothing programmed: no percentage to check
                yield Observacion(
                    tr("El informe declara {declarado}, pero lo programado en el Plan Indicativo para {anios} ({donde}) "
                       "no deja nada que cumplir, y hubo logro: no hay cumplimiento que calcular ({explicacion})",
                       declarado=_pct(declarado), anios=_texto_anios(_anios(informe)), donde=donde(calculo.celda),
                       explicacion=_explicacion(regla, calculo)),
                    "cumplimiento_periodo", i, cita, en_plan=calculo.celda)
            elif abs(declarado - calculo.valor) > p.tolerancia:
                yield Observacion(
                    tr("El informe declara {declarado}, pero con lo programado en el Plan Indicativo para {anios} "
                       "({donde}) da {calculado}: meta de tipo {explicacion}", declarado=_pct(declarado),
                       anios=_texto_anios(_anios(informe)), donde=donde(calculo.celda), calculado=_pct(calculo.valor),
                       explicacion=_explicacion(regla, calculo)),
                    "cumplimiento_periodo", i, cita, en_plan=calculo.celda)
            else:  # the plan's formula gives the stated %: what PCT002 computes as a flow does not apply to this meta
                yield Observacion("", "cumplimiento_periodo", i, solo_decide=True)


class AvanceDistintoDelPlan(Regla):
    id = "PLN006"
    requiere_plan = True
    nombre = "avance-distinto-del-plan"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.ERROR
    mensaje = "El % de avance no es el que da la meta del cuatrienio del Plan Indicativo"
    Parametros = ParametrosPorcentajePlan
    reemplaza = ("PCT002", "PCT005")
    doc = Documentacion(
        que_revisa="Con --plan, cuando el periodo del informe empieza con el cuatrienio (lo logrado en el periodo es lo logrado "
        "hasta ahora): el % de avance del cuatrienio que declara el informe frente al que se calcula con lo logrado y la meta "
        "del cuatrienio y la línea base del plan, con la fórmula del tipo de acumulación (rules/acumulacion.yaml: flujo y "
        "mantenimiento R / M; capacidad (R − LB) / (M − LB); reducción (LB − R) / (LB − M)), con una tolerancia en puntos. "
        "Un informe de un periodo posterior no trae lo logrado en los años anteriores, y no se compara. Donde PCT002 señala "
        "el mismo porcentaje, queda solo este hallazgo (la meta del cuatrienio del plan es la oficial); donde la fórmula del plan "
        "lo confirma, PCT002 y PCT005 callan (su cuenta supone una meta de flujo).",
        por_que="El avance del cuatrienio es la cifra que resume la meta; calculado contra una meta reescrita o con la fórmula "
        "equivocada (una meta de capacidad sin restar la línea base) da una impresión falsa del avance.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   Tipo de acumulación: Capacidad  Línea base 10  Meta cuatrienio 30\n"
        "periodo: {desde: 2024, hasta: 2025}\nlogro: {cantidad: 20}\navance_cuatrienio: \"66,7%\"\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   Tipo de acumulación: Capacidad  Línea base 10  Meta cuatrienio 30\n"
        "periodo: {desde: 2024, hasta: 2025}\nlogro: {cantidad: 20}\navance_cuatrienio: \"50%\"\n",
        que_hacer="Recalcule el % de avance con la meta del cuatrienio del Plan Indicativo y la fórmula de su tipo de acumulación.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosPorcentajePlan = contexto.parametros
        for i, cita, declarado, regla, calculo in _calculados(informe, contexto, "avance_cuatrienio", _avance):
            if calculo.valor is not None and abs(declarado - calculo.valor) > p.tolerancia:
                yield Observacion(
                    tr("El informe declara {declarado}, pero con la meta del cuatrienio del Plan Indicativo ({donde}) "
                       "da {calculado}: meta de tipo {explicacion}",
                       declarado=_pct(declarado), donde=donde(calculo.celda), calculado=_pct(calculo.valor),
                       explicacion=_explicacion(regla, calculo)),
                    "avance_cuatrienio", i, cita, en_plan=calculo.celda)
            elif calculo.valor is not None:  # agrees: PCT002's and PCT005's arithmetic of a flow does not apply
                yield Observacion("", "avance_cuatrienio", i, solo_decide=True)


# ---- PLN007: achievement where nothing was programmed ---------------------------------------------------------


class LogroSinProgramacion(Regla):
    id = "PLN007"
    requiere_plan = True
    nombre = "logro-sin-programacion"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "Logro en un periodo que el Plan Indicativo no programa (NP)"
    Parametros = ParametrosCantidades
    doc = Documentacion(
        que_revisa="Con --plan: metas con una cantidad lograda (mayor que 0) en un periodo cuya programación en el plan es NP "
        "('no programado') en todos sus años. NP no es 0: NP sin logro está bien, y lo programado en 0 con un logro lo dice "
        "PLN005.",
        por_que="Un logro donde el plan no programó nada es una meta adelantada que se debe explicar, o un logro atribuido a la "
        "meta equivocada.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   Programación 2024: NP\nperiodo: {desde: 2024, hasta: 2024}\nlogro: {cantidad: 3}\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   Programación 2024: NP\nperiodo: {desde: 2024, hasta: 2024}\nlogro: {texto: Sin avance: la meta se programa desde 2025.}\n",
        que_hacer="Explique por qué hubo logro en un periodo no programado, o atribúyalo a la meta que sí lo programa.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        e = _emparejamiento(informe, contexto)
        if e is None:
            return
        anios = _anios(informe)
        for i, pareja in sorted(e.parejas.items()):
            meta, m = informe.metas[i], pareja.meta
            programas = [m.programacion.get(a) for a in anios]
            if not all(pr is not None and pr.no_programado for pr in programas):
                continue
            hecho = logrado(meta, contexto.parametros)
            if hecho is None or hecho[0] <= 0:
                continue
            celdas = [pr.celda for pr in programas if pr is not None]
            yield Observacion(
                tr("El informe da {logro}, pero el Plan Indicativo no programa la meta {numero} en {anios} (NP; "
                   "{donde})", logro=hecho[2], numero=m.numero,
                   anios=_texto_anios(anios), donde="; ".join(donde(c) for c in celdas)),
                hecho[1], i, hecho[2], en_plan=celdas[0])


# ---- PLN008, PLN009: resources --------------------------------------------------------------------------------


class ParametrosRecursos(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    tolerancia_millones: float = Field(default=0.05, ge=0, description="Diferencia admitida, en millones de pesos (el redondeo "
                                       "de un monto escrito con un decimal).")
    tolerancia_relativa: float = Field(default=0.005, ge=0, le=1, description="Diferencia admitida, como fracción del monto del "
                                       "plan (0,005: medio por ciento).")


def _total(m: MetaPlan, anio: int) -> float | None:
    recursos = m.recursos.get(anio)
    if recursos is None:
        return None
    if recursos.total is not None:
        return recursos.total
    return sum(recursos.fuentes.values()) if recursos.fuentes and recursos.completas else None  # not all sources: no sum


class InversionDistintaDelPlan(Regla):
    id = "PLN008"
    requiere_plan = True
    nombre = "inversion-distinta-del-plan"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "La inversión programada no es la del Plan Indicativo"
    Parametros = ParametrosRecursos
    doc = Documentacion(
        que_revisa="Con --plan: la inversión programada que declara el informe frente al total de recursos que el plan programa "
        "para los años del periodo (la suma de sus columnas Total; sin Total, la de sus fuentes), en millones de pesos, con "
        "una tolerancia. Si al plan le falta un año del periodo, no se compara.",
        por_que="La inversión programada del informe debe ser la del plan financiero: otra cifra cambia el porcentaje de "
        "ejecución y lo que la ciudadanía cree que se asignó.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   Total 2024: 34,9\nperiodo: {desde: 2024, hasta: 2024}\ninversion: {programada: \"$43.9 millones\"}\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   Total 2024: 34,9\nperiodo: {desde: 2024, hasta: 2024}\ninversion: {programada: \"$34.9 millones\"}\n",
        que_hacer="Escriba la inversión programada del Plan Indicativo para el periodo, o explique la diferencia (una "
                  "modificación presupuestal).",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        e = _emparejamiento(informe, contexto)
        if e is None:
            return
        p: ParametrosRecursos = contexto.parametros
        anios = _anios(informe)
        for i, pareja in sorted(e.parejas.items()):
            meta, m = informe.metas[i], pareja.meta
            programada = meta.inversion.programada
            if programada is None or programada.valor is None:
                continue
            totales = [_total(m, a) for a in anios]
            if any(t is None for t in totales):
                continue
            plan = sum(t for t in totales if t is not None)
            if abs(programada.valor - plan) <= max(p.tolerancia_millones, p.tolerancia_relativa * abs(plan)):
                continue
            celdas = [m.recursos[a].celda for a in anios]
            yield Observacion(
                tr("El informe dice {informe} y el Plan Indicativo programa ${plan} millones para {anios} ({donde})", informe=programada.cita, plan=_n(plan),
                   anios=_texto_anios(anios), donde="; ".join(donde(c) for c in celdas)),
                "inversion.programada", i, programada.cita or None, en_plan=celdas[0])


class ParametrosSuma(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    tolerancia_millones: float = Field(default=0.05, ge=0, description="Diferencia admitida entre la suma de las fuentes y el "
                                       "total, en millones de pesos (el redondeo de cada fuente).")


class FuentesNoSumanTotal(Regla):
    id = "PLN009"
    requiere_plan = True
    de_la_corrida = True
    nombre = "fuentes-no-suman-total"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "En el Plan Indicativo, las fuentes de un año no suman su total"
    Parametros = ParametrosSuma
    doc = Documentacion(
        que_revisa="Con --plan, en el propio plan: metas cuyas fuentes de un año (recursos propios, SGP, SGR, crédito, "
        "cofinanciación, otros) no suman el Total de ese año, con una tolerancia en millones. Se señala en el archivo del plan, "
        "en la fila de la meta, una vez por año.",
        por_que="Un plan financiero que no cuadra hace dudosa cualquier comparación de la inversión de los informes con él.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   Recursos propios 2024: 20  SGR 2024: 10  Total 2024: 35\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   Recursos propios 2024: 20  SGR 2024: 10  Total 2024: 30\n",
        que_hacer="Corrija en el Plan Indicativo la fuente o el total que está mal.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        return iter(())  # about the plan, not a report: see fuentes_que_no_suman


def fuentes_que_no_suman(plan: PlanIndicativo, p: ParametrosSuma) -> Iterator[HallazgoDeCorrida]:
    for m in plan.metas:
        for anio, recursos in sorted(m.recursos.items()):
            if recursos.total is None or not recursos.fuentes or not recursos.completas:  # a source not recognized: no sum
                continue
            suma = sum(recursos.fuentes.values())
            if abs(suma - recursos.total) <= p.tolerancia_millones:
                continue
            yield HallazgoDeCorrida(
                plan.archivo, recursos.celda.fila, m.numero,
                tr("Meta {numero}, {anio}: las fuentes suman ${suma} millones ({fuentes}) y el total del plan dice ${total} "
                   "millones ({donde})", numero=m.numero, anio=anio, suma=_n(suma),
                   fuentes=", ".join(f"{f}: {_n(v)}" for f, v in recursos.fuentes.items() if v)
                   or tr("todas en 0: {fuentes}", fuentes=", ".join(recursos.fuentes)),
                   total=_n(recursos.total), donde=donde(recursos.celda)),
                None, recursos.celda)


class PlanSinResponsable(Regla):
    id = "PLN011"
    requiere_plan = True
    de_la_corrida = True
    nombre = "plan-sin-responsable"
    categoria = Categoria.PLAN_MISMATCH
    severidad = Severidad.INFO
    mensaje = "El Plan Indicativo no dice qué secretaría es responsable de cada meta"
    doc = Documentacion(
        que_revisa="Con --plan: un plan sin columna de secretaría o dependencia responsable (o sin ningún valor en ella). Sin "
        "ella no se sabe qué metas debe rendir cada secretaría, y la revisión de metas omitidas (PLN001) no se hace; se "
        "dice una vez por revisión, en el archivo del plan.",
        por_que="Que una revisión no encuentre metas omitidas porque no las pudo buscar no es lo mismo que no haberlas: el "
        "revisor debe saberlo.",
        ejemplo_falla=_PLAN_DE_EJEMPLO + "#   sin la columna «Secretaría responsable»\n",
        ejemplo_pasa=_PLAN_DE_EJEMPLO + "#   con la columna «Secretaría responsable» (o la que 'columnas:' nombra)\n",
        que_hacer="Agregue al plan la columna de la secretaría responsable, o nómbrela en la configuración (columnas:).",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        return iter(())  # about the plan, not a report: see sin_responsable


def sin_responsable(plan: PlanIndicativo) -> Iterator[HallazgoDeCorrida]:
    if not plan.con_responsable:
        yield HallazgoDeCorrida(plan.archivo, 1, None, tr(
            "El Plan Indicativo ({archivo}, hoja «{hoja}») no tiene columna de secretaría o dependencia responsable: no se "
            "revisa qué metas omite cada secretaría (PLN001)", archivo=plan.archivo, hoja=plan.hoja))


RUN_LEVEL = ("PLN001", "PLN009", "PLN011")
