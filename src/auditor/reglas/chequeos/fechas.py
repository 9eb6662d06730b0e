"""Dates in the prose: events outside the period or after the cut-off, '¿Cuándo se realizó?' answers
that the meta's own dates contradict, and one named event dated two ways.

Only the places where a meta reports what happened are read (what was done, how, with whom, when,
the impact and the photo captions), and only dates of events: a projection ('proyectando su
terminación el 22 de abril de 2026'), a plan's scope ('para las vigencias 2024 y 2025') or a
reference ('Ordenanza 018 de 2021', 'línea base 2023') is not an event of the period.  Reading the
dates is `auditor.lectura.fechas`; each field is read once (the reading is cached by text).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache, reduce

from pydantic import BaseModel, ConfigDict, Field, field_validator

from auditor.idioma import tr
from auditor.lectura.fechas import (
    Fecha,
    MencionEvento,
    Tramo,
    clave_evento,
    contada_terminada,
    describir_intervalo,
    es_hecho,
    leer_fechas,
    menciones_de_eventos,
    nombre_mes,
    siglas_de_eventos,
)
from auditor.lectura.memoria import por_informe
from auditor.lectura.patrones import frase_alrededor, normalizar
from auditor.lectura.recorte import acortar
from auditor.modelo.campos import leer_campo, ruta_valida
from auditor.modelo.informe import Informe, Meta
from auditor.modelo.nombres import en_frase
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad

CAMPOS_HECHOS = ["logro.texto", "ejecucion.como", "ejecucion.con_quien", "ejecucion.cuando", "impacto", "registro_fotografico[*]"]


def etiqueta(campo: str) -> str:
    """How a reviewer calls a field: «¿Cómo se hizo?», 'el registro fotográfico (foto 3)' (in the run's language)."""
    return en_frase(campo)


class ParametrosFechas(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    campos: list[str] = Field(
        default_factory=lambda: list(CAMPOS_HECHOS),
        description="Campos de la meta donde se informan hechos con fecha (las leyendas de 'registro_fotografico' "
        "se leen como una unidad, con años sueltos como fecha de la foto).",
    )

    @field_validator("campos")
    @classmethod
    def _campos_de_la_meta(cls, campos: list[str]) -> list[str]:
        for campo in campos:
            if not ruta_valida("meta", campo):
                raise ValueError(f"'{campo}' no es un campo de la meta (p. ej. 'ejecucion.como', 'registro_fotografico[*]')")
        return campos


class ParametrosEventos(ParametrosFechas):
    exigir_sede_o_edicion: bool = Field(
        default=True,
        description="Comparar solo menciones del mismo año que declaran la misma sede o la misma edición (con false, "
        "también las que no dicen ni sede ni edición).",
    )


class ParametrosCuando(ParametrosFechas):
    holgura_dias: int = Field(
        default=0, ge=0, le=3660,
        description="Días de margen antes y después de lo que dice '¿Cuándo se realizó?' antes de señalar una fecha.",
    )


@dataclass(frozen=True)
class _Texto:
    campo: str
    texto: str
    leyenda: bool


class _Meta:
    """A meta as a cache key: by identity (the model is not hashable), kept alive while its entry is."""

    __slots__ = ("meta",)

    def __init__(self, meta: Meta) -> None:
        self.meta = meta

    def __hash__(self) -> int:
        return id(self.meta)

    def __eq__(self, otro: object) -> bool:
        return isinstance(otro, _Meta) and otro.meta is self.meta


def _textos(meta: Meta, campos: list[str]) -> tuple[_Texto, ...]:
    """The non-blank texts of `campos` in the meta, in order; FEC001 to FEC005 each read them, so they are
    gathered once per meta and report (forgotten with the report's readings, `memoria`)."""
    return _textos_de(_Meta(meta), tuple(campos))


@lru_cache(maxsize=4096)
def _textos_de(clave: _Meta, campos: tuple[str, ...]) -> tuple[_Texto, ...]:
    return tuple(_Texto(ruta, valor, ruta.startswith("registro_fotografico"))
                 for campo in campos for ruta, valor in leer_campo(clave.meta, campo)
                 if isinstance(valor, str) and valor.strip())


por_informe(_textos_de)


def _extremos(f: Fecha, desde: date, hasta: date) -> tuple[date, date]:
    """An open date ('desde el 23 de octubre de 2025') runs on; 'hasta X' comes from before."""
    if f.abierta == "despues":
        return desde, date.max
    if f.abierta == "antes":
        return date.min, hasta
    return desde, hasta


def fin_del_corte(fecha_corte: str) -> tuple[date, str]:
    """The last day covered by the cut-off and how to say it: AAAA-MM covers the whole month."""
    partes = [int(x) for x in fecha_corte.split("-")]
    if len(partes) == 3:
        d = date(*partes)
        return d, describir_intervalo(d, d, "dia")
    anio, mes = partes
    d = date(anio, mes, calendar.monthrange(anio, mes)[1])
    return d, describir_intervalo(date(anio, mes, 1), d, "mes")


def _mayuscula(texto: str) -> str:
    return texto[:1].upper() + texto[1:]


def _frase(texto: str, inicio: int, fin: int) -> str:
    return acortar(texto[inicio:fin], 400)


def _cita(f: Fecha, partes: list[tuple[date, date]] | None = None) -> str:
    """«as written» (what it covers), or only the parts that matter when they are some of the parts."""
    if partes is None or len(partes) == len(f.partes):
        descripcion = f.describir()
    else:
        descripcion = reduce(lambda a, b: tr("{lista} y {ultimo}", lista=a, ultimo=b),
                             (describir_intervalo(d, h, f.precision) for d, h in partes))
    return f"«{f.texto}»" + ("" if _sustancia(f.texto) == _sustancia(descripcion) else f" ({descripcion})")


_VACIAS = {"los", "dias", "dia", "el", "del", "de", "al", "y", "e", "ano"}


def _sustancia(texto: str) -> list[str]:
    """Numbers and words that carry the date: 'los días 10,12 y 13 de septiembre' ~ '10, 12 y 13 de septiembre'."""
    return [p.lstrip("0") or "0" for p in re.findall(r"[a-z]+|\d+", normalizar(texto)) if p not in _VACIAS]


class FechaFueraDelPeriodo(Regla):
    id = "FEC001"
    nombre = "fecha-fuera-del-periodo"
    categoria = Categoria.DATE_INCONSISTENCY
    severidad = Severidad.WARNING
    mensaje = "Un hecho de la meta tiene fecha fuera del periodo del informe o posterior a su corte"
    Parametros = ParametrosFechas
    doc = Documentacion(
        que_revisa="Fechas de hechos (lo que se hizo, cómo, con quién, cuándo, el impacto y las leyendas de las fotos) "
        "que quedan enteras antes o después del periodo del informe, o que empiezan después de su fecha de corte. "
        "Un corte AAAA-MM cubre todo ese mes: un hecho del 20 de noviembre con corte 2025-11 no se señala. No cuentan "
        "las proyecciones ('proyectando su terminación el 22 de abril de 2026', 'nueva edición proyectada para "
        "diciembre de 2025'), los planes ('para las vigencias 2024 y 2025', 'metas al año 2027') ni las referencias "
        "('Ordenanza 018 de 2021', 'línea base 2023'); un 'desde 2019' continúa dentro del periodo. Tampoco un inicio o un "
        "final en presente con fecha posterior al corte ('sus estudios terminan en el primer semestre de 2025', 'el programa "
        "continúa hasta el 28 de noviembre'): es un cronograma. Un lapso contado como terminado ('quedaron conectadas entre "
        "el 2 de junio y el 24 de octubre') que acaba después del corte también se señala, y, en un informe de un año, un "
        "hecho contado en pasado con su día y sin año ('se llevó a cabo el primero de noviembre') que en ese año cae después del corte.",
        por_que="Un informe solo rinde cuentas de su periodo: un hecho de otro año infla lo logrado, y uno posterior "
        "al corte, contado como ya ocurrido, no pudo haberse verificado cuando se escribió el informe.",
        ejemplo_falla="fecha_corte: \"2025-11\"\nejecucion:\n  como: El proyecto culminó su ejecución al término del "
        "segundo semestre del año 2025.\n",
        ejemplo_pasa="fecha_corte: \"2025-11\"\nejecucion:\n  como: El proyecto culminó su ejecución al término del "
        "primer semestre del año 2025.\n",
        que_hacer="Deje solo hechos del periodo del informe: corrija la fecha, o cuente el hecho como previsto si no había ocurrido en la fecha de corte.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosFechas = contexto.parametros
        corte, corte_texto = fin_del_corte(informe.fecha_corte)
        inicio_periodo, fin_periodo = date(informe.periodo.desde, 1, 1), date(informe.periodo.hasta, 12, 31)
        periodo = str(informe.periodo.desde) + ("" if informe.periodo.hasta == informe.periodo.desde else f"-{informe.periodo.hasta}")
        for i, meta in enumerate(informe.metas):
            for t in _textos(meta, p.campos):
                for f in leer_fechas(t.texto, t.leyenda):
                    if f.sin_anio:
                        sin_anio = self._sin_anio(f, t.texto, informe, corte, corte_texto) if f.rol == "hecho" else None
                        if sin_anio is not None:
                            yield Observacion(sin_anio.format(etiqueta=_mayuscula(etiqueta(t.campo))), t.campo, i,
                                              frase_alrededor(t.texto, f.inicio, f.fin))
                        continue
                    if not es_hecho(f, t.leyenda):
                        continue
                    partes = [_extremos(f, d, h) for d, h in f.partes]
                    if f.agenda:  # a schedule in the present tense ('terminan en el primer semestre de 2025'): after
                        partes = [(d, h) for d, h in partes if d <= corte]  # the cut-off it is a plan, not a fact
                    despues = [(d, h) for d, h in partes if d > corte]
                    fuera = [(d, h) for d, h in partes if h < inicio_periodo or d > fin_periodo]
                    termina_despues = [(d, h) for d, h in partes if d <= corte < h] if contada_terminada(t.texto, f) else []
                    if despues:
                        problema, afuera = tr("después de la fecha de corte del informe ({corte})", corte=corte_texto), despues
                    elif termina_despues:  # 'quedaron conectadas entre el 2 de junio y el 24 de octubre', corte 30 de septiembre
                        problema = tr("que termina después de la fecha de corte del informe ({corte})", corte=corte_texto)
                        afuera = termina_despues
                    elif fuera:
                        problema, afuera = tr("fuera del periodo del informe ({periodo})", periodo=periodo), fuera
                    else:
                        continue
                    yield Observacion(
                        tr("{etiqueta} da como ocurrido un hecho con fecha {fecha}, {problema}",
                           etiqueta=_mayuscula(etiqueta(t.campo)), fecha=_cita(f, afuera), problema=problema),
                        t.campo, i, frase_alrededor(t.texto, f.inicio, f.fin),
                    )


    @staticmethod
    def _sin_anio(f: Fecha, texto: str, informe: Informe, corte: date, corte_texto: str) -> str | None:
        """A fact told in the past and dated by its day without a year ('se llevó a cabo el primero de noviembre') in a
        report of one year whose cut-off that day comes after: in the report's year it is after the cut-off, in another
        it is outside the period; either way a finding, said with the year it was read in.  A month alone, or a present
        or future verb ('las inscripciones se abren en octubre'), is left alone.  The message has '{etiqueta}' to fill."""
        if informe.periodo.desde != informe.periodo.hasta or f.agenda or f.abierta is not None or f.precision != "dia":
            return None
        clausula = re.split(r"[.;]\s", texto[max(0, f.inicio - 100):f.inicio])[-1]
        if not _PRETERITO.search(clausula):
            return None
        anio = informe.periodo.desde
        try:
            partes = [Tramo(anio, t.mes_desde, t.dia_desde, anio, t.mes_hasta, t.dia_hasta).fechas() for t in f.tramos]
        except ValueError:  # '31 de junio': FEC006 says it
            return None
        if not partes or min(d for d, _ in partes) <= corte:
            return None
        return tr("{{etiqueta}} da como ocurrido un hecho con fecha «{fecha}», sin año: en {anio}, el del informe, sería después de "
                  "la fecha de corte ({corte}), y en otro año quedaría fuera del periodo", fecha=f.texto, anio=anio, corte=corte_texto)


# a verb in the past tense in the clause before a date: 'se llevó a cabo', 'se realizaron', 'fue', 'se entregó'
_PRETERITO = re.compile(r"\b(?:[a-záéíóúñ]+(?:ó|aron|ieron|ió)|fue|fueron|hubo)\b", re.IGNORECASE)


class CuandoContradiceFechas(Regla):
    id = "FEC002"
    nombre = "cuando-contradice-fechas"
    categoria = Categoria.DATE_INCONSISTENCY
    severidad = Severidad.WARNING
    mensaje = "«¿Cuándo se realizó?» no coincide con las fechas que da la propia meta"
    Parametros = ParametrosCuando
    doc = Documentacion(
        que_revisa="Que las fechas de los hechos que describe la meta (qué se hizo, cómo, con quién, impacto, fotos) "
        "caigan dentro de lo que responde '¿Cuándo se realizó?' ('Vigencia 2024', 'inició en el último bimestre de "
        "la vigencia 2024 y culminó en el segundo trimestre de la vigencia 2025'). La respuesta se toma como un lapso "
        "de la primera a la última fecha; si solo dice cuándo empezó ('inició el 23-octubre-2025'), sigue abierto. "
        "Se compara con la precisión que tenga cada lado y con la holgura configurada.",
        por_que="'¿Cuándo?' es el resumen que lee la ciudadanía; si la propia meta muestra eventos en otro año o "
        "después de la fecha en que dice que terminó, una de las dos partes está mal.",
        ejemplo_falla="logro: {texto: 3 rondas de negociaciones en EXPOCUC versiones 2024 y 2025}\n"
        "ejecucion: {cuando: Las rondas de negociaciones reportadas corresponden a la vigencia 2024.}\n",
        ejemplo_pasa="logro: {texto: 3 rondas de negociaciones en EXPOCUC versiones 2024 y 2025}\n"
        "ejecucion: {cuando: Vigencias 2024 y 2025.}\n",
        que_hacer="Corrija «¿Cuándo se realizó?» para que abarque las fechas de la meta, o la fecha del hecho que está mal.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosCuando = contexto.parametros
        holgura = timedelta(days=p.holgura_dias)
        campos = [c for c in p.campos if c != "ejecucion.cuando"]
        for i, meta in enumerate(informe.metas):
            cuando = meta.ejecucion.cuando
            if not cuando:
                continue
            lapso = _lapso(cuando)
            if lapso is None:
                continue
            desde, hasta, descripcion = lapso
            fuera: list[str] = []
            for t in _textos(meta, campos):
                for f in leer_fechas(t.texto, t.leyenda):
                    if not es_hecho(f, t.leyenda):
                        continue
                    partes = [_extremos(f, d, h) for d, h in f.partes]
                    afuera = [(d, h) for d, h in partes if h < _menos(desde, holgura) or d > _mas(hasta, holgura)]
                    if afuera:
                        fuera.append(tr("{fecha} en {etiqueta}", fecha=_cita(f, afuera), etiqueta=etiqueta(t.campo)))
            if fuera:
                lista = "; ".join(fuera[:4]) + (tr("; y {n} más", n=len(fuera) - 4) if len(fuera) > 4 else "")
                yield Observacion(
                    tr("«¿Cuándo se realizó?» dice {lapso}, pero la meta da fechas por fuera de ese lapso: {lista}",
                       lapso=descripcion, lista=lista),
                    "ejecucion.cuando", i, cuando,
                )


def _menos(d: date, delta: timedelta) -> date:
    return d if d == date.min or d - date.min < delta else d - delta


def _mas(d: date, delta: timedelta) -> date:
    return d if d == date.max or date.max - d < delta else d + delta


_RANGO_PRECISION = {"dia": 0, "mes": 1, "anio": 2}


def _lapso(cuando: str) -> tuple[date, date, str] | None:
    """What '¿Cuándo se realizó?' covers: from its first date to its last; open if it only says when it began."""
    # called as FEC001 reads the field (leyenda given): lru_cache keys leer_fechas(x) and leer_fechas(x, False) apart
    fechas = [f for f in leer_fechas(cuando, False) if f.rol != "referencia" and not f.sin_anio]
    if not fechas or all(f.rol == "proyeccion" for f in fechas):
        return None  # 'se espera para noviembre de 2025; se ejecutará en 2026': a plan, not the span the meta was done in
    desde = min(f.desde for f in fechas if f.desde is not None)
    hasta = max(f.hasta for f in fechas if f.hasta is not None)
    empieza = any(f.borde == "inicio" or f.abierta == "despues" for f in fechas)
    termina = any(f.borde == "fin" or f.abierta == "antes" for f in fechas)
    precision = min((f.precision for f in fechas), key=lambda x: _RANGO_PRECISION[x])
    if empieza and not termina:
        return desde, date.max, tr("que empezó en {fecha}", fecha=describir_intervalo(desde, desde, precision))
    if termina and not empieza and any(f.abierta == "antes" for f in fechas):
        return date.min, hasta, tr("que terminó en {fecha}", fecha=describir_intervalo(hasta, hasta, precision))
    return desde, hasta, describir_intervalo(desde, hasta, precision)


@dataclass(frozen=True)
class _Mencion:
    orden: int
    meta: int
    campo: str
    texto: str
    mencion: MencionEvento


class EventoConFechasDistintas(Regla):
    id = "FEC003"
    nombre = "evento-con-fechas-distintas"
    categoria = Categoria.DATE_INCONSISTENCY
    severidad = Severidad.WARNING
    mensaje = "El mismo evento aparece con fechas distintas en el informe"
    Parametros = ParametrosEventos
    doc = Documentacion(
        que_revisa="Eventos con nombre propio (Feria, Congreso, Festival, EXPOCUC, Chocoshow, ...; o su sigla, "
        "como CUMO en 'Feria Cúcuta Moda – CUMO') que el informe fecha dos veces, en la prosa o en las leyendas de las "
        "fotos de cualquier meta, con fechas del mismo año que no se cruzan. Para tomarlas como la misma realización, "
        "las dos menciones declaran la misma edición ('EXPOCUC 4.0', 'Noveno') o la misma sede ('en el Hotel Casino "
        "Internacional'). No se comparan ediciones distintas: otro año ('CUMO 2024' y 'CUMO 2025'), otra edición ('En su "
        "segunda edición'), otro municipio ('en el municipio de Los Patios') u otra sede. 'El evento fue realizado...' "
        "se refiere al último evento nombrado antes.",
        por_que="Un evento tiene una sola fecha; si la prosa y la foto dicen días distintos, una de las dos está mal "
        "y el lector no sabe a cuál creer.",
        ejemplo_falla="registro_fotografico:\n- Congreso Nacional de Iniciativas Clúster, los días 28 y 29 de septiembre "
        "de 2024 en el Hotel Casino Internacional.\nejecucion:\n  como: El Congreso Nacional de Iniciativas Clúster se "
        "realizó en el Hotel Casino Internacional los días 26 y 27 de septiembre de 2024.\n",
        ejemplo_pasa="registro_fotografico:\n- CUMO 2025, el 21 y 22 de agosto de 2025 en el Hotel Casino Internacional.\n"
        "ejecucion:\n  como: Feria Cúcuta Moda – CUMO 2024, realizada los días 5 y 6 de septiembre del año 2024.\n",
        que_hacer="Dé al evento la misma fecha en la prosa y en la foto: la cierta, según el documento de origen.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosEventos = contexto.parametros
        textos = [(i, t) for i, meta in enumerate(informe.metas) for t in _textos(meta, p.campos)]
        siglas: frozenset[str] = frozenset().union(*(siglas_de_eventos(t.texto) for _, t in textos))
        grupos: dict[tuple[str, int], list[_Mencion]] = {}
        orden = 0
        for i, t in textos:
            for m in menciones_de_eventos(t.texto, t.leyenda, siglas):
                anios = m.fecha.anios
                if len(anios) != 1 or m.fecha.abierta is not None:
                    continue  # several years: not one edition
                grupos.setdefault((clave_evento(m, siglas), anios[0]), []).append(_Mencion(orden, i, t.campo, t.texto, m))
                orden += 1
        for menciones in grupos.values():
            for edicion in _por_edicion(menciones):
                conflicto = _conflicto(edicion, p.exigir_sede_o_edicion)
                if conflicto is not None:
                    yield self._observacion(informe, *conflicto)

    def _observacion(self, informe: Informe, primera: _Mencion, segunda: _Mencion) -> Observacion:
        f1, f2 = primera.mencion.fecha, segunda.mencion.fecha
        lugar = etiqueta(primera.campo) if primera.meta == segunda.meta else tr(
            "{etiqueta} de la meta {numero}", etiqueta=etiqueta(primera.campo), numero=informe.metas[primera.meta].etiqueta)
        return Observacion(
            tr("«{evento}» tiene aquí fecha {fecha}, pero {lugar} da al mismo evento {otra}: «{frase}»",
               evento=segunda.mencion.nombre, fecha=f2.describir(), lugar=lugar, otra=f1.describir(),
               frase=_frase(primera.texto, *primera.mencion.frase)),
            segunda.campo, segunda.meta, _frase(segunda.texto, *segunda.mencion.frase),
        )


def _por_edicion(menciones: list[_Mencion]) -> list[list[_Mencion]]:
    """Mentions of one event in one year, by edition: a mention without edition joins the only one there is."""
    ediciones = {m.mencion.edicion for m in menciones if m.mencion.edicion is not None}
    if len(ediciones) <= 1:
        return [menciones]
    return [[m for m in menciones if m.mencion.edicion == e] for e in sorted(ediciones)]


def _misma_sede(a: str, b: str) -> bool:
    x, y = a.split(), b.split()
    corto = min(len(x), len(y))
    return x[:corto] == y[:corto]


def _conflicto(menciones: list[_Mencion], exigir_sede_o_edicion: bool) -> tuple[_Mencion, _Mencion] | None:
    """Two mentions of one edition whose dates cannot both be right.

    Different declared venues mean occurrences of a recurring event: nothing to compare.  With
    `exigir_sede_o_edicion`, only mentions that state the same edition, or the same venue, are
    taken as the same occurrence ('Feria de Empleo' twice in a year, with nothing more, may be two)."""
    precisas = [m for m in menciones if m.mencion.fecha.precision != "anio"]
    sedes = [m.mencion.sede for m in precisas if m.mencion.sede]
    if any(not _misma_sede(sedes[0], s) for s in sedes[1:]):
        return None
    if exigir_sede_o_edicion:
        conjuntos = [[m for m in precisas if m.mencion.edicion is not None], [m for m in precisas if m.mencion.sede]]
    else:
        conjuntos = [precisas]
    for conjunto in conjuntos:
        par = _fechas_incompatibles(conjunto)
        if par is not None:
            return par
    return None


def _fechas_incompatibles(menciones: list[_Mencion]) -> tuple[_Mencion, _Mencion] | None:
    """Linear: if the latest start is after the earliest end, those two mentions do not overlap."""
    if len(menciones) < 2:
        return None
    tarde = max(menciones, key=lambda m: (m.mencion.fecha.desde or date.min, -m.orden))
    temprano = min(menciones, key=lambda m: (m.mencion.fecha.hasta or date.max, m.orden))
    desde, hasta = tarde.mencion.fecha.desde, temprano.mencion.fecha.hasta
    if desde is None or hasta is None or desde <= hasta:
        return None
    primera, segunda = sorted((tarde, temprano), key=lambda m: m.orden)
    return primera, segunda


class FechaImposible(Regla):
    id = "FEC006"
    nombre = "fecha-imposible"
    categoria = Categoria.DATE_INCONSISTENCY
    severidad = Severidad.WARNING
    mensaje = "Una fecha que el calendario no tiene"
    Parametros = ParametrosFechas
    doc = Documentacion(
        que_revisa="Días que el mes no tiene, en los campos donde la meta informa hechos: '31 de junio', '31 de "
        "septiembre', '30 de febrero', '29 de febrero de 2025' (2025 no es bisiesto; sin año, el 29 de febrero se "
        "acepta). Cuentan también los extremos de un lapso ('desde el 31 de junio de 2024 hasta ...'). El resto de "
        "las reglas de fechas leen el último día del mes en su lugar.",
        por_que="Una fecha imposible es un error de digitación: el día o el mes está mal, y quien lee no sabe cuál. "
        "Si es la fecha de un acta o de un contrato, el documento no se puede ubicar.",
        ejemplo_falla="ejecucion:\n  cuando: Desde el 31 de junio de 2024 hasta el 30 de septiembre de 2025.\n",
        ejemplo_pasa="ejecucion:\n  cuando: Desde el 30 de junio de 2024 hasta el 30 de septiembre de 2025.\n",
        que_hacer="Corrija el día o el mes de la fecha con el documento de origen.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosFechas = contexto.parametros
        for i, meta in enumerate(informe.metas):
            for t in _textos(meta, p.campos):
                for f in leer_fechas(t.texto, t.leyenda):
                    imposibles = [d for tramo in f.tramos for d in tramo.dias_imposibles()]
                    if not imposibles:
                        continue
                    dias = [tr("{dia} de {mes} de {anio}", dia=d, mes=nombre_mes(m), anio=a) if a is not None
                            else tr("{dia} de {mes}", dia=d, mes=nombre_mes(m)) for d, m, a in imposibles]
                    yield Observacion(
                        tr("{etiqueta} da una fecha que el calendario no tiene: «{fecha}» ({dias}: {mes} tiene {ultimo} días)",
                           etiqueta=_mayuscula(etiqueta(t.campo)), fecha=f.texto, dias=", ".join(dias),
                           mes=nombre_mes(imposibles[0][1]), ultimo=_dias_del_mes(imposibles[0][1], imposibles[0][2])),
                        t.campo, i, f.texto,
                    )


def _dias_del_mes(mes: int, anio: int | None) -> int:
    return calendar.monthrange(2024 if anio is None else anio, mes)[1]
