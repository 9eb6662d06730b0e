"""Percentages against the quantities they summarize.

*Cumplimiento* of the period = achieved in the period / programmed for the period;
*avance* over the four years = achieved so far / four-year target.  When the period
starts with the plan, the achievement of the period is the achievement so far, and
avance = cumplimiento x (programmed for the period / four-year target).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from auditor.idioma import diferida, tr
from auditor.lectura.cifras import escribir_numero
from auditor.lectura.patrones import normalizar
from auditor.lectura.porcentajes import porcentajes
from auditor.modelo.campos import leer_campo
from auditor.modelo.informe import Informe, Meta, Valor
from auditor.modelo.nombres import nombre as nombre_en_la_plantilla
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad


def _fmt(x: float) -> str:
    return escribir_numero(x, 1) + "%"


class ParametrosCantidades(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    tolerancia: float = Field(default=2.0, ge=0, le=100, description="Diferencia admitida, en puntos porcentuales.")
    unidades_personas: list[str] = Field(
        default_factory=lambda: ["persona", "personas", "ciudadano", "ciudadanos", "migrante", "migrantes", "beneficiario", "beneficiarios"],
        description="Unidades que cuentan personas: si la meta y los beneficiarios las usan, el total de beneficiarios "
        "sirve como cantidad lograda cuando el informe no da otra.",
    )


def logrado(meta: Meta, parametros: ParametrosCantidades) -> tuple[float, str, str] | None:
    """The achieved quantity, where it comes from, and its text; beneficiaries stand in for people-counting metas."""
    if meta.logro.cantidad is not None and meta.logro.cantidad.valor is not None:
        return meta.logro.cantidad.valor, "logro.cantidad", meta.logro.cantidad.cita
    objetivo = meta.meta_cuatrienio
    b = meta.beneficiarios
    personas = {normalizar(u) for u in parametros.unidades_personas}
    if (
        objetivo is not None
        and objetivo.unidad is not None
        and b.unidad is not None
        and normalizar(objetivo.unidad) in personas
        and normalizar(b.unidad) in personas
        and b.total is not None
        and b.total.valor is not None
    ):
        return b.total.valor, "beneficiarios.total", b.total.cita
    return None


def _acumulado(informe: Informe) -> bool:
    """Does the period start with the plan, so that the period's achievement is the achievement so far?"""
    return informe.periodo.desde == informe.plan.desde


def objetivo_contable(meta: Meta) -> Valor | None:
    """The four-year target as a quantity of things; not a rate to keep ('95 %' of the herd vaccinated), which no
    count achieved divides."""
    objetivo = meta.meta_cuatrienio
    if objetivo is None or (objetivo.unidad or "").strip() == "%":
        return None
    return objetivo.cantidad


def esperado_avance(informe: Informe, meta: Meta, p: ParametrosCantidades) -> tuple[float, str, str] | None:
    objetivo = objetivo_contable(meta)
    hecho = logrado(meta, p)
    if not _acumulado(informe) or hecho is None or objetivo is None or not objetivo.valor:
        return None
    return 100 * hecho[0] / objetivo.valor, hecho[1], tr("{logrado} de {total}", logrado=hecho[2], total=objetivo.cita)


def esperado_cumplimiento(meta: Meta, p: ParametrosCantidades) -> tuple[float, str, str] | None:
    programado = meta.programado_periodo
    hecho = logrado(meta, p)
    if hecho is None or programado is None or not programado.valor:
        return None
    return 100 * hecho[0] / programado.valor, hecho[1], tr("{logrado} de {total}", logrado=hecho[2], total=programado.cita)


class PorcentajeNoCoincide(Regla):
    id = "PCT002"
    nombre = "porcentaje-no-coincide"
    categoria = Categoria.PERCENTAGE_MISMATCH
    severidad = Severidad.ERROR
    mensaje = "El porcentaje declarado no coincide con las cantidades"
    Parametros = ParametrosCantidades
    doc = Documentacion(
        que_revisa="Que el % de cumplimiento sea lo logrado sobre lo programado en el periodo, y el % de avance lo "
        "logrado sobre la meta del cuatrienio (cuando el periodo empieza con el plan), con una tolerancia en puntos. "
        "Si la meta cuenta personas y no se da otra cantidad lograda, se usa el total de beneficiarios.",
        por_que="Un porcentaje que no sale de las cifras del mismo informe es la contradicción que más se nota en "
        "una rendición de cuentas: o el porcentaje o la cantidad están mal.",
        ejemplo_falla="meta_cuatrienio: {cantidad: 4500, unidad: personas}\navance_cuatrienio: \"30%\"\n"
        "beneficiarios: {total: 70, unidad: personas}\n",
        ejemplo_pasa="meta_cuatrienio: {cantidad: 4500, unidad: personas}\navance_cuatrienio: \"1,6%\"\n"
        "beneficiarios: {total: 70, unidad: personas}\n",
        que_hacer="Recalcule el porcentaje con lo logrado y lo programado que da el propio informe, o corrija la cantidad que está mal.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosCantidades = contexto.parametros
        for i, meta in enumerate(informe.metas):
            for campo, declarado, esperado, plantilla in (
                ("cumplimiento_periodo", meta.cumplimiento_periodo, esperado_cumplimiento(meta, p),
                 diferida("El cumplimiento del periodo declarado es {declarado}, pero las cantidades dan {calculado} ({cuentas}, según «{fuente}»)")),
                ("avance_cuatrienio", meta.avance_cuatrienio, esperado_avance(informe, meta, p),
                 diferida("El avance del cuatrienio declarado es {declarado}, pero las cantidades dan {calculado} ({cuentas}, según «{fuente}»)")),
            ):
                if declarado is None or declarado.valor is None or esperado is None:
                    continue
                if abs(declarado.valor - esperado[0]) > p.tolerancia:
                    yield Observacion(
                        tr(plantilla, declarado=_fmt(declarado.valor), calculado=_fmt(esperado[0]), cuentas=esperado[2], fuente=nombre_en_la_plantilla(esperado[1])),
                        campo, i, declarado.cita,
                    )


_EN_BLANCO = {
    "cumplimiento_periodo": diferida("Falta el % de cumplimiento del periodo: el informe lo pide y lo deja sin número"),
    "avance_cuatrienio": diferida("Falta el % de avance del cuatrienio: el informe lo pide y lo deja sin número"),
}


def _en_blanco(valor: Valor | None) -> bool:
    """A percentage written without its number ('%'): the slot is there and left blank."""
    return valor is not None and valor.vacio and bool((valor.texto or "").strip())


class PorcentajeFaltante(Regla):
    id = "PCT003"
    nombre = "porcentaje-faltante"
    categoria = Categoria.MISSING_PERCENTAGE
    severidad = Severidad.ERROR
    mensaje = "Falta el porcentaje de la meta"
    Parametros = ParametrosCantidades
    doc = Documentacion(
        que_revisa="Metas sin ningún porcentaje (ni cumplimiento del periodo ni avance del cuatrienio), y metas a las "
        "que les falta un porcentaje que sus propias cantidades permiten calcular.",
        por_que="El porcentaje es lo primero que mira la ciudadanía; si el informe da las cantidades pero no el "
        "porcentaje, el revisor debe pedirlo (la herramienta dice cuánto daría).",
        ejemplo_falla="meta_cuatrienio: {cantidad: 40, unidad: capacitaciones}\nlogro: {cantidad: 2, texto: 2 jornadas}\n",
        ejemplo_pasa="meta_cuatrienio: {cantidad: 40, unidad: capacitaciones}\nlogro: {cantidad: 2, texto: 2 jornadas}\n"
        "avance_cuatrienio: \"5%\"\n",
        que_hacer="Escriba el porcentaje que falta (cumplimiento del periodo o avance del cuatrienio), calculado con las cantidades de la meta.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosCantidades = contexto.parametros
        for i, meta in enumerate(informe.metas):
            sin_cumplimiento = meta.cumplimiento_periodo is None or meta.cumplimiento_periodo.vacio
            sin_avance = meta.avance_cuatrienio is None or meta.avance_cuatrienio.vacio
            avance = esperado_avance(informe, meta, p)
            cumplimiento = esperado_cumplimiento(meta, p)
            # '10 jornadas (100 %)': a percentage whose phrase does not say of what, but that is what the quantities
            # give for a missing one, is that one (the text has it; which it is, the reader cannot tell for sure)
            sueltos = _sin_referente(meta)
            if sin_cumplimiento and cumplimiento is not None and any(abs(v - cumplimiento[0]) < 0.5 for v in sueltos):
                sin_cumplimiento = False
            if sin_avance and avance is not None and any(abs(v - avance[0]) < 0.5 for v in sueltos):
                sin_avance = False
            if sin_cumplimiento and sin_avance:
                pistas = [tr("el avance daría {calculado} ({cuentas})", calculado=_fmt(avance[0]), cuentas=avance[2]) if avance else "",
                          tr("el cumplimiento daría {calculado} ({cuentas})", calculado=_fmt(cumplimiento[0]), cuentas=cumplimiento[2])
                          if cumplimiento else ""]
                pista = "; ".join(x for x in pistas if x)
                if sueltos:  # it gives a percentage, but not what it is of
                    dados = ", ".join(f"«{_fmt(v)}»" for v in sueltos)
                    yield Observacion(
                        tr("La meta da {dados} sin decir si es el cumplimiento del periodo o el avance del cuatrienio: con sus "
                           "cantidades, {pista}", dados=dados, pista=pista) if pista
                        else tr("La meta da {dados} sin decir si es el cumplimiento del periodo o el avance del cuatrienio", dados=dados),
                        "avance_cuatrienio", i, None,
                    )
                    continue
                yield Observacion(
                    tr("La meta no declara porcentaje de cumplimiento del periodo ni de avance del cuatrienio: con sus cantidades, {pista}",
                       pista=pista) if pista
                    else tr("La meta no declara porcentaje de cumplimiento del periodo ni de avance del cuatrienio"),
                    "avance_cuatrienio", i, None,
                )
                continue
            for vacio, campo, esperado, plantilla in (
                (sin_cumplimiento, "cumplimiento_periodo", cumplimiento,
                 diferida("Falta el % de cumplimiento del periodo; con las cantidades del informe daría {calculado} ({cuentas})")),
                (sin_avance, "avance_cuatrienio", avance,
                 diferida("Falta el % de avance del cuatrienio; con las cantidades del informe daría {calculado} ({cuentas})")),
            ):
                if vacio and esperado is not None:
                    yield Observacion(tr(plantilla, calculado=_fmt(esperado[0]), cuentas=esperado[2]), campo, i, None)
                elif vacio and _en_blanco(getattr(meta, campo)):
                    yield Observacion(tr(_EN_BLANCO[campo]), campo, i, None)


def _sin_referente(meta: Meta) -> list[float]:
    """The percentages of what was done whose phrase does not say what they are a share of."""
    return [q.valor for q in porcentajes(meta.logro.texto or "") if q.referente is None]


class ParametrosJustificacion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    umbral: float = Field(default=100.0, ge=0, le=100, description="Cumplimiento por debajo del cual se espera una explicación.")
    campos: list[str] = Field(
        default_factory=lambda: ["logro.texto", "inversion.texto", "beneficiarios.descripcion", "ejecucion.como",
                                 "ejecucion.con_quien", "ejecucion.cuando", "impacto", "localizacion.texto"],
        description="Campos donde se busca la explicación.",
    )


class CumplimientoSinJustificacion(Regla):
    id = "PCT004"
    nombre = "cumplimiento-sin-justificacion"
    categoria = Categoria.UNJUSTIFIED_SHORTFALL
    severidad = Severidad.WARNING
    mensaje = "Cumplimiento por debajo de lo programado sin explicación"
    Parametros = ParametrosJustificacion
    conjuntos = ("justificacion", "plantilla")
    doc = Documentacion(
        que_revisa="Metas con cumplimiento del periodo menor al 100% cuyo texto no explica el rezago (retraso, "
        "dificultades, reprogramación, trámite contractual...). Las expresiones que cuentan como explicación están "
        "en el conjunto de patrones 'justificacion'.",
        por_que="La rendición de cuentas exige decir por qué no se cumplió lo programado; un 96% sin explicación "
        "es la primera pregunta de la ciudadanía.",
        ejemplo_falla="cumplimiento_periodo: \"50%\"\nejecucion:\n  como: Indicar qué dificultades y oportunidades se presentaron.\n",
        ejemplo_pasa="cumplimiento_periodo: \"16%\"\nejecucion:\n  como: El retraso obedece al procedimiento contractual.\n",
        que_hacer="Explique en el texto de la meta por qué no se cumplió lo programado (retraso, dificultades, reprogramación, trámite contractual…).",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosJustificacion = contexto.parametros
        justificacion, plantilla = contexto.conjunto("justificacion"), contexto.conjunto("plantilla")
        for i, meta in enumerate(informe.metas):
            c = meta.cumplimiento_periodo
            if c is None or c.valor is None or c.valor >= p.umbral:
                continue
            # a template instruction ("Indicar qué dificultades...") is not an explanation; a template slot left in a
            # sentence ('se entregaron 120 títulos a [Indicar número de beneficiarios], …, dado que …') is a blank in it,
            # and the rest of the sentence still says what it says (PLH001 reports the slot)
            textos = [sin_hueco for campo in p.campos for _, v in leer_campo(meta, campo) if isinstance(v, str)
                      if not plantilla.contiene(sin_hueco := _HUECO.sub(" ", v))]
            if any(justificacion.contiene(t) for t in textos):
                continue
            yield Observacion(
                tr("El cumplimiento del periodo es {cumplimiento} y ninguna sección explica por qué no se cumplió lo programado",
                   cumplimiento=_fmt(c.valor)),
                "cumplimiento_periodo", i, c.cita,
            )


# a template slot in brackets or angle brackets inside a sentence: '[Indicar número de beneficiarios]', '<valor>'
_HUECO = re.compile(r"[\[<][^\[\]<>\n]{1,80}[\]>]")


class AvanceInconsistente(Regla):
    id = "PCT005"
    nombre = "avance-inconsistente"
    categoria = Categoria.PERCENTAGE_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "El avance del cuatrienio no es coherente con el cumplimiento del periodo"
    Parametros = ParametrosCantidades
    doc = Documentacion(
        que_revisa="Cuando el periodo empieza con el plan, el avance del cuatrienio es el cumplimiento por la "
        "participación del periodo en la meta (programado del periodo / meta del cuatrienio): el avance no puede "
        "superar al cumplimiento, y si se conocen ambas cantidades debe coincidir con su producto. Si el avance es lo "
        "logrado sobre la meta del cuatrienio, el que está mal es el cumplimiento, y eso lo dice PCT002.",
        por_que="Un 50% del periodo con una participación del 25% da 12,5% del cuatrienio; otra cifra indica que "
        "uno de los dos porcentajes está mal. (100% del periodo con 66,7% del cuatrienio es normal.)",
        ejemplo_falla="programado_periodo: 10\nmeta_cuatrienio: {cantidad: 40}\ncumplimiento_periodo: \"50%\"\navance_cuatrienio: \"30%\"\n",
        ejemplo_pasa="programado_periodo: 10\nmeta_cuatrienio: {cantidad: 40}\ncumplimiento_periodo: \"50%\"\navance_cuatrienio: \"12,5%\"\n",
        que_hacer="Recalcule el avance del cuatrienio (cumplimiento por la participación del periodo en la meta), o "
                  "corrija el porcentaje que está mal.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosCantidades = contexto.parametros
        if not _acumulado(informe):
            return
        for i, meta in enumerate(informe.metas):
            c, a = meta.cumplimiento_periodo, meta.avance_cuatrienio
            if c is None or a is None or c.valor is None or a.valor is None:
                continue
            programado = meta.programado_periodo
            objetivo = objetivo_contable(meta)
            if programado is not None and programado.valor and objetivo is not None and objetivo.valor:
                participacion = programado.valor / objetivo.valor
                esperado = c.valor * participacion
                logro = meta.logro.cantidad.valor if meta.logro.cantidad is not None else None
                if logro is not None and abs(100 * logro / objetivo.valor - a.valor) <= p.tolerancia:
                    continue  # the avance is what was achieved over the target: the cumplimiento is the wrong one (PCT002)
                if abs(esperado - a.valor) > p.tolerancia:
                    yield Observacion(
                        tr("Con {cumplimiento} de cumplimiento y una participación del periodo de {participacion} "
                           "({programado} de {meta}), el avance del cuatrienio sería {calculado}, no {declarado}",
                           cumplimiento=_fmt(c.valor), participacion=_fmt(100 * participacion), programado=programado.cita,
                           meta=objetivo.cita, calculado=_fmt(esperado), declarado=_fmt(a.valor)),
                        "avance_cuatrienio", i, a.cita,
                    )
            elif a.valor > c.valor + p.tolerancia:
                yield Observacion(
                    tr("El avance del cuatrienio ({avance}) supera el cumplimiento del periodo ({cumplimiento}): "
                       "lo programado para el periodo sería mayor que la meta de los cuatro años",
                       avance=_fmt(a.valor), cumplimiento=_fmt(c.valor)),
                    "avance_cuatrienio", i, a.cita,
                )
