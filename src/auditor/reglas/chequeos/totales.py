"""Report-level totals ("más de 700 empresarios ... superior a $2.181 millones") against the metas they cover.

Each entry of ``totales`` says which metas a claim covers.  The claim is compared with the sum,
over those metas, of the executed investment (``inversion.ejecutada``, millions of pesos) and of
the beneficiaries, respecting its qualifier:

- minimum ("más de", "superior a", "supera"): the sum must reach the figure, give or take the
  rounding of the figure as written (``redondeo``);
- approximate ("cerca de", "aproximadamente", "alrededor de"): within a relative tolerance;
- maximum ("hasta", "menos de"): the sum must not exceed the figure;
- none: equal, give or take the rounding.

Beneficiaries are only summed where the units count the same thing: the claim's unit and each
meta's unit are put in a group (people, business owners, economic units, organizations); a meta
whose beneficiaries count something else may still count the claim's unit in its "¿Qué se hizo?"
quantity (``logro.cantidad``: "252 unidades productivas"), which is then used.  A count without
a unit is taken as counting what the claim counts.  Metas answering "No aplica" count as zero.  Metas without a usable figure are never treated as zero: the sum of
the others is a lower bound, which settles a claim when it already contradicts it (or already
satisfies a minimum) and otherwise leaves it "not verifiable" (TOT003), with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from auditor.idioma import diferida, tr
from auditor.lectura.cifras import escribir_numero, leer_numero
from auditor.lectura.palabras import clave, palabras_normalizadas, raiz
from auditor.lectura.patrones import ConjuntoPatrones, normalizar, normalizar_con_indices
from auditor.lectura.respuestas import fuentes
from auditor.modelo.informe import Afirmacion, Informe, Meta, TotalEje, Valor
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad

Tipo = Literal["minimo", "aproximado", "maximo", "exacto"]
TIPOS: tuple[Tipo, ...] = ("minimo", "aproximado", "maximo", "exacto")


def _calificadores_por_defecto() -> dict[str, list[str]]:
    return {
        "minimo": ["más de", "superior a", "supera", "superan", "superó", "superando", "por encima de", "mayor a",
                   "mayor que", "mayor de", "sobrepasa", "excede", "al menos", "por lo menos", "mínimo", "no menos de"],
        "aproximado": ["cerca de", "aproximadamente", "aproximado", "alrededor de", "casi", "del orden de", "más o menos",
                       "cercano a", "cercana a", "unos", "unas"],
        "maximo": ["hasta", "menos de", "inferior a", "por debajo de", "máximo", "no más de", "no supera"],
        "exacto": ["de", "un total de", "total de", "en total", "exactamente"],
    }


def _unidades_por_defecto() -> dict[str, list[str]]:
    return {
        "personas": ["persona", "ciudadano", "ciudadana", "beneficiario", "habitante", "migrante", "joven", "mujer",
                     "hombre", "niño", "niña", "adolescente", "adulto", "víctima", "participante", "cesante", "estudiante",
                     "productor", "campesino", "agricultor", "funcionario", "personero", "asistente"],
        "empresarios": ["empresario", "empresaria", "microempresario", "emprendedor", "emprendedora", "comerciante",
                        "expositor", "artesano"],
        "unidades económicas": ["empresa", "microempresa", "mipyme", "pyme", "unidad productiva", "unidad económica",
                                "unidad empresarial", "unidad de negocio", "micronegocio", "negocio", "emprendimiento",
                                "establecimiento"],
        "organizaciones": ["organización", "asociación", "cooperativa", "fundación", "gremio"],
        "hogares": ["hogar", "familia", "núcleo familiar", "grupo familiar", "unidad familiar"],
        "hectáreas": ["hectárea", "ha"],
    }


class ParametrosTotales(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    redondeo: float = Field(
        default=0.5, ge=0, le=10,
        description="Diferencia admitida por redondeo, en unidades de la última cifra escrita en la afirmación: con 0,5, "
        "'supera los $13.843 millones' admite sumas desde 13.842,5 y '$17,9 millones' desde 17,85.",
    )
    tolerancia_aproximada: float = Field(
        default=10.0, ge=0, le=100,
        description="Para 'cerca de', 'aproximadamente', 'alrededor de': diferencia admitida, en % de la cifra afirmada.",
    )
    margen_subestimado: float = Field(
        default=25.0, ge=0, le=1000,
        description="TOT002: una afirmación 'más de N' se queda corta cuando las metas suman más de N más este %.",
    )
    calificadores: dict[str, list[str]] = Field(
        default_factory=_calificadores_por_defecto,
        description="Palabras de cada calificador (minimo, aproximado, maximo, exacto); gana la expresión más larga "
        "contenida en el calificador. Sin calificador, la cifra es exacta; uno desconocido no se compara. Un valor en "
        "auditor.yaml reemplaza todas las listas.",
    )
    unidades: dict[str, list[str]] = Field(
        default_factory=_unidades_por_defecto,
        description="Grupos de unidades que se pueden sumar entre sí (en singular; se compara el comienzo de la unidad, "
        "sin tildes ni plural). Un valor en auditor.yaml reemplaza todos los grupos.",
    )
    unidades_incluidas: dict[str, list[str]] = Field(
        default_factory=lambda: {"personas": ["empresarios"]},
        description="Grupos que cuentan también para otro: una afirmación en 'personas' suma también empresarios.",
    )

    @model_validator(mode="after")
    def _coherentes(self) -> ParametrosTotales:
        desconocidos = sorted(set(self.calificadores) - set(TIPOS))
        if desconocidos:
            raise ValueError(tr("calificadores: tipos desconocidos {desconocidos} (válidos: {validos})",
                                desconocidos=desconocidos, validos=", ".join(TIPOS)))
        for grupo, otros in self.unidades_incluidas.items():
            for nombre in [grupo, *otros]:
                if nombre not in self.unidades:
                    raise ValueError(tr("unidades_incluidas: el grupo '{grupo}' no está en 'unidades'", grupo=nombre))
        return self


# ---------------------------------------------------------------- words: qualifiers and units


_PREPARADOS: dict[int, tuple[ParametrosTotales, list[tuple[Tipo, int, re.Pattern[str]]], list[tuple[str, list[str]]]]] = {}


def _preparados(p: ParametrosTotales) -> tuple[list[tuple[Tipo, int, re.Pattern[str]]], list[tuple[str, list[str]]]]:
    """The qualifier expressions and unit terms of `p`, normalized once per set of parameters (a run builds one) rather
    than once per claim and unit compared: (kind, length, expression) in order, and (group, singular words) in order."""
    hallado = _PREPARADOS.get(id(p))
    if hallado is None or hallado[0] is not p:
        if len(_PREPARADOS) >= 64:  # a run has one set of parameters; a library caller building many keeps the last ones
            _PREPARADOS.clear()
        calificadores: list[tuple[Tipo, int, re.Pattern[str]]] = []
        for tipo in TIPOS:
            for expresion in p.calificadores.get(tipo, []):
                e = " ".join(palabras_normalizadas(expresion))
                if e:
                    calificadores.append((tipo, len(e), re.compile(rf"(?<!\w){re.escape(e)}(?!\w)")))
        terminos = [(grupo, t) for grupo, lista in p.unidades.items()
                    for t in ([clave(x) for x in palabras_normalizadas(termino)] for termino in lista) if t]
        hallado = _PREPARADOS[id(p)] = (p, calificadores, terminos)
    return hallado[1], hallado[2]


def tipo_calificador(calificador: str | None, p: ParametrosTotales) -> Tipo | None:
    """The kind of a qualifier: the longest listed expression found in it; None if unknown."""
    texto = " ".join(palabras_normalizadas(calificador or ""))
    if not texto:
        return "exacto"
    mejor: tuple[int, Tipo] | None = None
    for tipo, largo, expresion in _preparados(p)[0]:
        if (mejor is None or largo > mejor[0]) and expresion.search(texto):
            mejor = (largo, tipo)
    return mejor[1] if mejor else None


def grupo_unidad(unidad: str | None, p: ParametrosTotales) -> str | None:
    """The unit group whose term starts the unit ('unidades económicas y MIPYMES' -> unidades económicas)."""
    palabras = [clave(x) for x in palabras_normalizadas(unidad or "")]
    mejor: tuple[int, str] | None = None
    for grupo, t in _preparados(p)[1]:
        if palabras[: len(t)] == t and (mejor is None or len(t) > mejor[0]):
            mejor = (len(t), grupo)
    return mejor[1] if mejor else None


@dataclass(frozen=True)
class _Unidad:
    """What a claim counts: its unit group, or (outside every group) the unit's first noun."""

    texto: str | None
    grupo: str | None
    nucleo: str | None

    @classmethod
    def de(cls, texto: str | None, p: ParametrosTotales) -> _Unidad:
        palabras = palabras_normalizadas(texto or "")
        return cls(texto, grupo_unidad(texto, p), clave(palabras[0]) if palabras else None)

    def admite(self, otra: str | None, p: ParametrosTotales) -> bool:
        if self.texto is None or not self.texto.strip() or otra is None or not otra.strip():
            return True  # a count without a unit is taken as counting what the claim counts
        if self.grupo is not None:
            return grupo_unidad(otra, p) in {self.grupo, *p.unidades_incluidas.get(self.grupo, [])}
        palabras = palabras_normalizadas(otra)
        return bool(palabras) and clave(palabras[0]) == self.nucleo


# ---------------------------------------------------------------- numbers as the report writes them


def porcentaje(x: float) -> str:
    """'53 %' (whole points from 10 on), '0,6 %'."""
    return f"{escribir_numero(round(x) if x >= 10 else round(x, 1))} %"


def pesos(x: float) -> str:
    return tr("${cifra} millones", cifra=escribir_numero(x))


def _decimales_escritos(texto: str) -> int:
    m = re.search(r"\d[\d.,]*", texto)
    if m is None:
        return 0
    numero = m.group().rstrip(".,")
    if "," in numero:
        return len(numero.rsplit(",", 1)[1])
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", numero):
        return 0
    if "." in numero:
        return len(numero.rsplit(".", 1)[1])
    return 0


def tolerancia_redondeo(valor: Valor, p: ParametrosTotales) -> float:
    """Half a unit (by default) of the last digit written: '$13.843 millones' -> 0,5; '$17,9 millones' -> 0,05."""
    if valor.texto is None or valor.valor is None:
        return p.redondeo
    m = re.search(r"\d[\d.,]*", valor.texto)
    escrito = leer_numero(m.group().rstrip(".,")) if m is not None else None
    escala = valor.valor / escrito if escrito else 1.0  # amounts written in pesos are read in millions
    return p.redondeo * 10.0 ** -_decimales_escritos(valor.texto) * escala


def _nombre(n: int, meta: Meta | None) -> int | str:
    """How the report names a covered meta: its code in the plan's outline, or its number."""
    return meta.codigo if meta is not None and meta.codigo is not None else n


def lista_metas(numeros: list[int] | list[int | str]) -> str:
    """'la meta 4', 'las metas 18 y 19', 'las metas 1 a 5', 'las metas 1, 2 y 5', 'las metas 2.3.1, 2.3.2 y 2.3.3'."""
    if len(numeros) == 1:
        return tr("la meta {meta}", meta=numeros[0])
    ordenados = sorted(n for n in numeros if isinstance(n, int))
    if len(ordenados) == len(numeros) and len(ordenados) >= 3 and ordenados == list(range(ordenados[0], ordenados[-1] + 1)):
        return tr("las metas {desde} a {hasta}", desde=ordenados[0], hasta=ordenados[-1])
    textos = [str(n) for n in numeros]
    return tr("las metas {lista} y {ultimo}", lista=", ".join(textos[:-1]), ultimo=textos[-1])


# ---------------------------------------------------------------- the sum over the covered metas


@dataclass(frozen=True)
class Parte:
    meta: int | str  # as the report names it: its number, or its code in the plan's outline ('2.3.1')
    valor: float
    etiqueta: str  # how it is shown: "$776", "335 ciudadanos"
    de_logro: bool = False  # taken from "¿Qué se hizo?" (logro.cantidad), not from the beneficiaries


@dataclass(frozen=True)
class Falta:
    meta: int | str  # as the report names it (see Parte)
    motivo: Literal["ausente", "sin_dato", "ilegible", "otra_unidad"]
    detalle: str = ""


@dataclass
class Suma:
    partes: list[Parte] = field(default_factory=list)
    faltan: list[Falta] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(x.valor for x in self.partes)

    @property
    def completa(self) -> bool:
        return not self.faltan


def _metas_cubiertas(total: TotalEje, informe: Informe) -> list[tuple[int, Meta | None]]:
    por_numero: dict[int, Meta] = {}
    for meta in informe.metas:
        por_numero.setdefault(meta.numero, meta)
    vistos: list[int] = []
    for n in total.metas:
        if n not in vistos:
            vistos.append(n)
    return [(n, por_numero.get(n)) for n in vistos]


def suma_inversion(total: TotalEje, informe: Informe, programada: bool = False) -> Suma:
    """The executed investment of the covered metas (the programmed one with `programada`)."""
    suma = Suma()
    for n, meta in _metas_cubiertas(total, informe):
        if meta is None:
            suma.faltan.append(Falta(_nombre(n, meta), "ausente"))
            continue
        v = meta.inversion.programada if programada else meta.inversion.ejecutada
        if v is None or v.vacio:
            suma.faltan.append(Falta(_nombre(n, meta), "sin_dato"))
        elif v.valor is None:
            suma.faltan.append(Falta(_nombre(n, meta), "ilegible", v.cita))
        else:
            suma.partes.append(Parte(_nombre(n, meta), v.valor, f"${escribir_numero(v.valor)}"))
    return suma


def _conteo(valor: Valor | None) -> float | None:
    return valor.valor if valor is not None else None


def suma_beneficiarios(total: TotalEje, afirmacion: Afirmacion, informe: Informe, p: ParametrosTotales,
                       no_aplica: ConjuntoPatrones) -> Suma:
    unidad = _Unidad.de(afirmacion.unidad, p)
    suma = Suma()
    for n, meta in _metas_cubiertas(total, informe):
        if meta is None:
            suma.faltan.append(Falta(_nombre(n, meta), "ausente"))
            continue
        b, logro = meta.beneficiarios, meta.logro
        cantidad, cantidad_logro = _conteo(b.total), _conteo(logro.cantidad)
        if cantidad is not None and unidad.admite(b.unidad, p):
            suma.partes.append(Parte(_nombre(n, meta), cantidad, f"{escribir_numero(cantidad)} {b.unidad or ''}".strip()))
        elif cantidad_logro is not None and logro.unidad and unidad.admite(logro.unidad, p):
            suma.partes.append(Parte(_nombre(n, meta), cantidad_logro, f"{escribir_numero(cantidad_logro)} {logro.unidad}", de_logro=True))
        elif cantidad is not None:
            suma.faltan.append(Falta(_nombre(n, meta), "otra_unidad", f"{escribir_numero(cantidad)} {b.unidad}"))
        elif b.total is not None and not b.total.vacio:
            suma.faltan.append(Falta(_nombre(n, meta), "ilegible", b.total.cita))
        elif no_aplica.contiene(b.descripcion):
            suma.partes.append(Parte(_nombre(n, meta), 0.0, tr("0 (no aplica)")))
        elif cantidad_logro is not None and logro.unidad:
            suma.faltan.append(Falta(_nombre(n, meta), "sin_dato", tr("su ¿Qué se hizo? cuenta {cantidad}", cantidad=f"{escribir_numero(cantidad_logro)} {logro.unidad}")))
        else:
            suma.faltan.append(Falta(_nombre(n, meta), "sin_dato"))
    return suma


# ---------------------------------------------------------------- verdicts


Veredicto = Literal["coincide", "contradice", "corta", "no_verificable"]


@dataclass(frozen=True)
class Comparacion:
    """One claim (investment or beneficiaries of one entry of ``totales``) against its sum."""

    indice: int
    total: TotalEje
    afirmacion: Afirmacion
    clase: Literal["inversion", "inversion_programada", "beneficiarios"]
    valor: Valor
    tipo: Tipo
    suma: Suma
    tolerancia: float  # absolute, in the claim's unit

    @property
    def campo(self) -> str:
        return f"totales[{self.indice}].{self.clase}.{'cantidad' if self.clase == 'beneficiarios' else 'monto'}"

    @property
    def cifra(self) -> float:
        assert self.valor.valor is not None
        return self.valor.valor

    def veredicto(self, p: ParametrosTotales) -> Veredicto:
        n, s, tol = self.cifra, self.suma.total, self.tolerancia
        if self.tipo == "minimo":
            if s >= n - tol:
                corta = n > 0 and s > n * (1 + p.margen_subestimado / 100) and s - n > tol
                return "corta" if corta else "coincide"
            return "contradice" if self.suma.completa else "no_verificable"
        if self.tipo == "aproximado":
            tol = max(tol, n * p.tolerancia_aproximada / 100)
        if s > n + tol:
            return "contradice"
        if self.tipo == "maximo" or s >= n - tol:
            return "coincide"  # with metas missing, what is reported so far agrees; they can only add
        return "contradice" if self.suma.completa else "no_verificable"

    def fmt(self, x: float) -> str:
        return escribir_numero(x) if self.clase == "beneficiarios" else pesos(x)

    def cita(self) -> str:
        return cita_afirmacion(self.total, self.afirmacion, self.valor)

    def describir_suma(self) -> str:
        """'las metas 18 y 19 suman 999 (18: 335 ciudadanos + 19: 664 ciudadanos)'; '' when no meta has the figure."""
        partes = self.suma.partes
        if not partes:
            return ""
        metas = lista_metas([x.meta for x in partes])
        todas_de_logro = all(x.de_logro for x in partes)
        fuente = tr(", según ¿Qué se hizo?") if todas_de_logro else ""

        def etiqueta(x: Parte) -> str:
            return tr("{cantidad} según ¿Qué se hizo?", cantidad=x.etiqueta) if x.de_logro and not todas_de_logro else x.etiqueta

        if len(partes) == 1:
            if self.clase == "inversion_programada":
                return tr("la inversión programada de {metas} es {valor}", metas=metas, valor=self.fmt(partes[0].valor))
            if self.clase == "inversion":
                return tr("la inversión ejecutada de {metas} es {valor}{fuente}", metas=metas, valor=self.fmt(partes[0].valor), fuente=fuente)
            return tr("{metas} cuenta {valor}{fuente}", metas=metas, valor=etiqueta(partes[0]), fuente=fuente)
        detalle = " + ".join(f"{x.meta}: {etiqueta(x)}" for x in partes)
        if self.clase == "inversion_programada":
            return tr("la inversión programada de {metas} suma {total} ({detalle})", metas=metas, total=self.fmt(self.suma.total), detalle=detalle)
        if self.clase == "inversion":
            return tr("la inversión ejecutada de {metas} suma {total} ({detalle}{fuente})", metas=metas,
                      total=self.fmt(self.suma.total), detalle=detalle, fuente=fuente)
        return tr("{metas} suman {total} ({detalle}{fuente})", metas=metas, total=self.fmt(self.suma.total), detalle=detalle, fuente=fuente)

    def describir_faltan(self) -> str:
        grupos: list[str] = []
        for motivo in ("ausente", "ilegible", "otra_unidad", "sin_dato"):
            faltan = [f for f in self.suma.faltan if f.motivo == motivo]
            if not faltan:
                continue
            metas = lista_metas([f.meta for f in faltan])
            plural = len(faltan) > 1
            inversion = self.clase != "beneficiarios"
            if motivo == "ausente":
                grupos.append(tr("{metas} no están en el informe", metas=metas) if plural else tr("{metas} no está en el informe", metas=metas))
            elif motivo == "ilegible":
                citas = "; ".join(f"{f.meta}: «{f.detalle}»" for f in faltan) if plural else f"«{faltan[0].detalle}»"
                plantilla = {
                    (True, True): diferida("{metas} tienen monto ilegible ({citas})"),
                    (True, False): diferida("{metas} tiene monto ilegible ({citas})"),
                    (False, True): diferida("{metas} tienen cantidad de beneficiarios ilegible ({citas})"),
                    (False, False): diferida("{metas} tiene cantidad de beneficiarios ilegible ({citas})"),
                }[inversion, plural]
                grupos.append(tr(plantilla, metas=metas, citas=citas))
            elif motivo == "sin_dato":
                if self.clase == "inversion_programada":
                    grupos.append(tr("{metas} no informan monto programado", metas=metas) if plural
                                  else tr("{metas} no informa monto programado", metas=metas))
                    continue
                plantilla = {
                    (True, True): diferida("{metas} no informan monto ejecutado"),
                    (True, False): diferida("{metas} no informa monto ejecutado"),
                    (False, True): diferida("{metas} no informan cuántos beneficiarios"),
                    (False, False): diferida("{metas} no informa cuántos beneficiarios"),
                }[inversion, plural]
                notas = [f"{f.meta}: {f.detalle}" if plural else f.detalle for f in faltan if f.detalle]
                grupos.append(tr(plantilla, metas=metas) + (f" ({'; '.join(notas)})" if notas else ""))
            else:
                detalle = "; ".join(f"{f.meta}: {f.detalle}" for f in faltan) if plural else faltan[0].detalle
                grupos.append(tr("{metas} cuentan otra unidad ({detalle})", metas=metas, detalle=detalle) if plural
                              else tr("{metas} cuenta otra unidad ({detalle})", metas=metas, detalle=detalle))
        return "; ".join(grupos)

    def pista_omitida(self) -> str:
        """When the sum exceeds the claim by almost exactly one meta's figure, that meta was probably left out."""
        diferencia = self.suma.total - self.cifra
        if diferencia <= self.tolerancia or len(self.suma.partes) < 2:
            return ""
        candidatas = [x for x in self.suma.partes if abs(diferencia - x.valor) <= max(2 * self.tolerancia, 0.005 * x.valor)]
        if len(candidatas) != 1:
            return ""
        x = candidatas[0]
        return tr(". La diferencia ({diferencia}) es casi exactamente lo de la meta {meta} ({valor}): ¿la afirmación la dejó por fuera?",
                  diferencia=self.fmt(diferencia), meta=x.meta, valor=self.fmt(x.valor))


def cita_afirmacion(total: TotalEje, afirmacion: Afirmacion, valor: Valor) -> str:
    """The claim as the report writes it ('superior a los $2.181 millones'), or composed from its parts."""
    escrito = valor.cita
    compuesto = " ".join(x for x in (afirmacion.calificador, escrito, afirmacion.unidad if valor is afirmacion.cantidad else None) if x)
    texto = total.texto or ""
    m = re.search(rf"(?<![\d.,]){re.escape(escrito)}(?![\d]|[.,]\d)", texto) if escrito else None
    if m is None:
        return compuesto
    inicio, fin = m.start(), m.end()
    if afirmacion.calificador:
        desde = max(0, inicio - 40)
        ventana, indices = normalizar_con_indices(texto[desde:inicio])
        buscado = normalizar(afirmacion.calificador)
        k = ventana.rfind(buscado)
        if k >= 0:
            inicio = desde + indices[k]
    if valor is afirmacion.cantidad and afirmacion.unidad:
        siguiente, indices = normalizar_con_indices(texto[fin:fin + len(afirmacion.unidad) + 10])
        buscado = normalizar(afirmacion.unidad)
        if siguiente.startswith(buscado):
            fin = fin + indices[len(buscado) - 1] + 1
    return texto[inicio:fin]


def comparaciones(informe: Informe, p: ParametrosTotales, no_aplica: ConjuntoPatrones) -> Iterator[Comparacion]:
    """Every claim of ``totales`` that can be compared: a readable figure, a known qualifier, covered metas."""
    for i, total in enumerate(informe.totales):
        if not total.metas:
            continue  # the data does not say which metas the claim covers: nothing to add up
        for clase, afirmacion in (("inversion", total.inversion), ("inversion_programada", total.inversion_programada),
                                  ("beneficiarios", total.beneficiarios)):
            if afirmacion is None:
                continue
            valor = afirmacion.cantidad if clase == "beneficiarios" else afirmacion.monto
            if valor is None or valor.valor is None:
                continue  # missing or unreadable figure: PLH003 / VAL001
            tipo = tipo_calificador(afirmacion.calificador, p)
            if tipo is None:
                continue
            suma = (suma_beneficiarios(total, afirmacion, informe, p, no_aplica) if clase == "beneficiarios"
                    else suma_inversion(total, informe, programada=clase == "inversion_programada"))
            yield Comparacion(i, total, afirmacion, clase, valor, tipo, suma, tolerancia_redondeo(valor, p))  # type: ignore[arg-type]


_RAZON = {
    "minimo": diferida("{d} menos de lo afirmado"),
    "maximo": diferida("{d} más del máximo afirmado"),
    "aproximado": diferida("una diferencia de {d} ({r}), más de lo que admite una cifra aproximada"),
    "exacto": diferida("una diferencia de {d} ({r})"),
}


class TotalNoCoincide(Regla):
    id = "TOT001"
    nombre = "total-no-coincide"
    categoria = Categoria.AGGREGATE_MISMATCH
    severidad = Severidad.ERROR
    mensaje = "Un total del resumen no coincide con la suma de las metas que cubre"
    Parametros = ParametrosTotales
    conjuntos = ("no_aplica",)
    doc = Documentacion(
        que_revisa="Cada afirmación del resumen del informe (totales: inversión y beneficiarios de un eje) frente a la "
        "suma de las metas que cubre, respetando su calificador: 'más de', 'superior a' o 'supera' exigen que la suma "
        "llegue a la cifra; 'cerca de', 'aproximadamente' o 'alrededor de' admiten una diferencia relativa; 'hasta' o "
        "'menos de' no admiten que la suma la pase; sin calificador la cifra debe ser la suma. Todas admiten el "
        "redondeo de la cifra tal como está escrita. Los beneficiarios solo se suman en unidades comparables.",
        por_que="El resumen es lo que más se lee y se cita de una rendición de cuentas; si sus cifras no salen de las "
        "metas, o el resumen o alguna meta está mal.",
        ejemplo_falla="totales:\n  - eje: Productividad\n    inversion: {calificador: supera, monto: \"$13.843 millones\"}\n"
        "    metas: [6, 7]\nmetas:\n  - {numero: 6, nombre: Programas, inversion: {ejecutada: 385}}\n"
        "  - {numero: 7, nombre: Asistencia, inversion: {ejecutada: \"$13.457,4 millones\"}}\n",
        ejemplo_pasa="totales:\n  - eje: Productividad\n    inversion: {calificador: cerca de, monto: \"$13.843 millones\"}\n"
        "    metas: [6, 7]\nmetas:\n  - {numero: 6, nombre: Programas, inversion: {ejecutada: 385}}\n"
        "  - {numero: 7, nombre: Asistencia, inversion: {ejecutada: \"$13.457,4 millones\"}}\n",
        que_hacer="Corrija la cifra del resumen o la de la meta que está mal, para que el resumen sea la suma de sus metas.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosTotales = contexto.parametros
        for c in comparaciones(informe, p, contexto.conjunto("no_aplica")):
            if c.veredicto(p) != "contradice":
                continue
            diferencia = abs(c.suma.total - c.cifra)
            relativa = porcentaje(100 * diferencia / c.cifra) if c.cifra else "—"
            razon = tr(_RAZON[c.tipo], d=c.fmt(diferencia), r=relativa)
            faltan = c.describir_faltan()
            nota = tr(" (y eso sin contar lo que falta: {faltan})", faltan=faltan) if faltan else ""
            yield Observacion(tr("El resumen del eje «{eje}» afirma «{cita}», pero {suma}: {razon}{nota}{pista}", eje=c.total.eje,
                                 cita=c.cita(), suma=c.describir_suma(), razon=razon, nota=nota, pista=c.pista_omitida()),
                              c.campo, None, c.cita())


class TotalSubestimado(Regla):
    id = "TOT002"
    nombre = "total-subestimado"
    categoria = Categoria.AGGREGATE_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "Un total 'más de N' se queda muy por debajo de la suma de las metas que cubre"
    Parametros = ParametrosTotales
    conjuntos = ("no_aplica",)
    doc = Documentacion(
        que_revisa="Afirmaciones 'más de N' (o 'superior a', 'supera') del resumen cuyas metas suman mucho más que N: "
        "más que N más el margen_subestimado (25% por defecto). La afirmación es cierta a la letra, pero no dice lo "
        "que pasó. Si la diferencia es casi exactamente lo de una meta, lo dice (¿se dejó por fuera?).",
        por_que="Un resumen que afirma 'superior a $2.181 millones' cuando sus metas suman $3.338 millones suele haber "
        "olvidado una meta o tomado cifras de otro corte; el lector entiende la cifra escrita, no la real.",
        ejemplo_falla="totales:\n  - eje: Internacionalización\n    inversion: {calificador: superior a, monto: \"$2.181 millones\"}\n"
        "    metas: [1, 5]\nmetas:\n  - {numero: 1, nombre: Rondas, inversion: {ejecutada: \"$2.179,6 millones\"}}\n"
        "  - {numero: 5, nombre: Clústeres, inversion: {ejecutada: \"$1.158,69 millones\"}}\n",
        ejemplo_pasa="totales:\n  - eje: Internacionalización\n    inversion: {calificador: superior a, monto: \"$3.338 millones\"}\n"
        "    metas: [1, 5]\nmetas:\n  - {numero: 1, nombre: Rondas, inversion: {ejecutada: \"$2.179,6 millones\"}}\n"
        "  - {numero: 5, nombre: Clústeres, inversion: {ejecutada: \"$1.158,69 millones\"}}\n",
        que_hacer="Actualice la cifra del resumen con la suma de las metas que cubre, o diga qué meta deja por fuera.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosTotales = contexto.parametros
        for c in comparaciones(informe, p, contexto.conjunto("no_aplica")):
            if c.veredicto(p) != "corta":
                continue
            exceso = c.suma.total - c.cifra
            faltan = c.describir_faltan()
            nota = tr(". No incluye lo que falta ({faltan}), que solo aumentaría la suma", faltan=faltan) if faltan else ""
            yield Observacion(
                tr("El resumen del eje «{eje}» afirma «{cita}», pero {suma}: un {pct} más; la afirmación se queda corta por {exceso}{nota}{pista}",
                   eje=c.total.eje, cita=c.cita(), suma=c.describir_suma(), pct=porcentaje(100 * exceso / c.cifra),
                   exceso=c.fmt(exceso), nota=nota, pista=c.pista_omitida()),
                c.campo, None, c.cita(),
            )


class TotalNoVerificable(Regla):
    id = "TOT003"
    nombre = "total-no-verificable"
    categoria = Categoria.AGGREGATE_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "Un total del resumen no se puede verificar con las metas que cubre"
    Parametros = ParametrosTotales
    conjuntos = ("no_aplica",)
    doc = Documentacion(
        que_revisa="Afirmaciones del resumen que las metas que cubren no alcanzan a respaldar porque a alguna le falta "
        "el dato (monto ejecutado, cantidad de beneficiarios), lo tiene ilegible o cuenta otra unidad (ciudadanos "
        "donde la afirmación cuenta empresarios). Si lo informado ya basta para confirmar o contradecir la "
        "afirmación, no se usa esta regla sino TOT001 o ninguna.",
        por_que="Una cifra del resumen que no sale de las metas no se puede sostener ante la ciudadanía: o falta el "
        "dato en alguna meta, o la cifra del resumen cuenta otra cosa.",
        ejemplo_falla="totales:\n  - eje: Crédito\n    beneficiarios: {calificador: más de, cantidad: 1150, unidad: ciudadanos}\n"
        "    metas: [18, 20]\nmetas:\n  - {numero: 18, nombre: Apoyo, beneficiarios: {total: 999, unidad: ciudadanos}}\n"
        "  - {numero: 20, nombre: Capital semilla}\n",
        ejemplo_pasa="totales:\n  - eje: Crédito\n    beneficiarios: {calificador: más de, cantidad: 950, unidad: ciudadanos}\n"
        "    metas: [18, 20]\nmetas:\n  - {numero: 18, nombre: Apoyo, beneficiarios: {total: 999, unidad: ciudadanos}}\n"
        "  - {numero: 20, nombre: Capital semilla}\n",
        que_hacer="Complete en las metas el dato que falta o es ilegible, o diga en el resumen qué cuenta su cifra.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosTotales = contexto.parametros
        for c in comparaciones(informe, p, contexto.conjunto("no_aplica")):
            if c.veredicto(p) != "no_verificable":
                continue
            suma = c.describir_suma()
            yield Observacion(
                tr("No se puede verificar «{cita}» del eje «{eje}» con las metas que cubre: {suma}, menos de lo afirmado; {faltan}",
                   cita=c.cita(), eje=c.total.eje, suma=suma, faltan=c.describir_faltan()) if suma
                else tr("No se puede verificar «{cita}» del eje «{eje}» con las metas que cubre: ninguna de las metas que cubre trae "
                        "el dato: {faltan}", cita=c.cita(), eje=c.total.eje, faltan=c.describir_faltan()),
                c.campo, None, c.cita(),
            )


class TotalMetaInexistente(Regla):
    id = "TOT004"
    nombre = "total-meta-inexistente"
    categoria = Categoria.AGGREGATE_MISMATCH
    severidad = Severidad.ERROR
    mensaje = "Un total del resumen cubre una meta que no está en el informe"
    doc = Documentacion(
        que_revisa="Que cada meta que un total del resumen dice cubrir (totales[].metas) esté en el informe. Una meta "
        "presente pero ilegible no cuenta como inexistente (ya la señala ENT002).",
        por_que="Si la afirmación suma una meta que el informe no trae, su cifra no se puede comprobar, o el número "
        "de la meta está mal.",
        ejemplo_falla="totales:\n  - eje: Crédito\n    inversion: {calificador: más de, monto: \"$2.600 millones\"}\n"
        "    metas: [18, 21]\nmetas:\n  - {numero: 18, nombre: Apoyo financiero}\n",
        ejemplo_pasa="totales:\n  - eje: Crédito\n    inversion: {calificador: más de, monto: \"$2.600 millones\"}\n"
        "    metas: [18]\nmetas:\n  - {numero: 18, nombre: Apoyo financiero}\n",
        que_hacer="Corrija el número de la meta en el total, o agregue al informe la meta que falta.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        no_leidas = informe.metas_no_leidas
        if any(n is None or not n.isdigit() for n in no_leidas):
            return  # an unreadable meta of unknown number may be the one referred to
        presentes = {m.numero for m in informe.metas} | {int(n) for n in no_leidas if n is not None}
        for i, total in enumerate(informe.totales):
            vistos: set[int] = set()
            for j, n in enumerate(total.metas):
                if n in presentes or n in vistos:
                    continue
                vistos.add(n)
                yield Observacion(
                    tr("El resumen del eje «{eje}» dice cubrir la meta {meta}, que no está en el informe: sus cifras no "
                       "se pueden sumar ni comprobar", eje=total.eje, meta=n),
                    f"totales[{i}].metas[{j}]", None, str(n),
                )


class TotalSinMetas(Regla):
    id = "TOT005"
    nombre = "total-sin-metas"
    categoria = Categoria.AGGREGATE_MISMATCH
    severidad = Severidad.INFO
    mensaje = "Un total del resumen no dice qué metas cubre: no se puede comprobar"
    doc = Documentacion(
        que_revisa="Afirmaciones del resumen (totales) con cifra pero sin la lista de metas que cubren (totales[].metas). "
        "Es lo normal al auditar un documento importado: el documento no lo dice, y TOT001 a TOT003 no pueden sumar nada. "
        "Si el eje tiene nombre y las metas cuyo nombre lleva todas sus palabras ('Mejoramiento de vivienda': las metas "
        "'Mejoramientos de vivienda rural …' y '… urbana …'), de la fuente que nombre la afirmación ('de recursos propios'), "
        "suman exactamente sus cifras, la afirmación queda comprobada y no se anota; si no suman, no se dice que no "
        "coincide (las metas son una suposición): se anota como sin comprobar.",
        por_que="Una comprobación que no se puede hacer no debe pasar en silencio: el revisor sabe que esas cifras del "
        "resumen quedan sin verificar y puede indicar las metas (auditor import y completar 'metas:').",
        ejemplo_falla="totales:\n  - eje: Crédito\n    inversion: {calificador: más de, monto: \"$2.600 millones\"}\n",
        ejemplo_pasa="totales:\n  - eje: Crédito\n    inversion: {calificador: más de, monto: \"$2.600 millones\"}\n"
        "    metas: [18, 19, 20]\n",
        que_hacer="Diga qué metas cubre la cifra del resumen (en los datos, 'metas:' del total, tras auditor import).",
    )

    Parametros = ParametrosTotales
    conjuntos = ("no_aplica",)

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosTotales = contexto.parametros
        for i, total in enumerate(informe.totales):
            if total.metas or _cuadra_con_las_metas_del_eje(total, informe, p, contexto.conjunto("no_aplica")):
                continue
            cifras: list[tuple[Afirmacion, Valor]] = []
            if total.inversion is not None and total.inversion.monto is not None:
                cifras.append((total.inversion, total.inversion.monto))
            if total.beneficiarios is not None and total.beneficiarios.cantidad is not None:
                cifras.append((total.beneficiarios, total.beneficiarios.cantidad))
            if not cifras:
                continue
            citas = [f"«{cita_afirmacion(total, a, v)}»" for a, v in cifras]
            yield Observacion(
                tr("El resumen del eje «{eje}» afirma {citas} pero no dice qué metas cubre: esas cifras quedan sin comprobar",
                   eje=total.eje,
                   citas=tr("{lista} y {ultimo}", lista=citas[0], ultimo=citas[1]) if len(citas) == 2 else citas[0]),
                f"totales[{i}].metas", None, total.texto,
            )


_PALABRAS_VACIAS = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "en", "para", "con", "por", "a", "al"})


def _cuadra_con_las_metas_del_eje(total: TotalEje, informe: Informe, p: ParametrosTotales, no_aplica: ConjuntoPatrones) -> bool:
    """Whether the claim of a summary that names no metas adds up exactly with the metas of its axis: those whose
    name holds every word of the axis's name, from the funding source the claim names.  A guess that adds up is a
    confirmation; one that does not proves nothing (the guess may be wrong), so it is never a contradiction."""
    raices = {raiz(w) for w in palabras_normalizadas(total.eje) if w not in _PALABRAS_VACIAS}
    if not raices or not total.texto:
        return False
    candidatas = [m for m in informe.metas if raices <= {raiz(w) for w in palabras_normalizadas(m.nombre)}]
    nombradas = {normalizar(f) for f in fuentes(total.texto)}
    if nombradas:
        candidatas = [m for m in candidatas if nombradas & {normalizar(f) for f in m.inversion.fuentes}]
    if not candidatas or len(candidatas) == len(informe.metas):
        return False  # no meta, or all of them: the axis's name does not single any out
    supuesto = total.model_copy(update={"metas": [m.numero for m in candidatas]})
    comparadas = list(comparaciones(informe.model_copy(update={"totales": [supuesto]}), p, no_aplica))
    return bool(comparadas) and all(c.suma.completa and c.veredicto(p) == "coincide" for c in comparadas)
