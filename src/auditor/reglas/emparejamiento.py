"""Which meta of the Plan Indicativo each meta of a report is, and which of the plan's responsables the report's
secretaría is: the matching every PLN rule and `auditor summary --plan` build on.

- By the plan's own number: the meta's `codigo`, or its `numero` when the report numbers its metas as the plan
  does (``numeracion_metas: plan``); compared as written, without leading zeros ("080" is "80", "3.01.1" is
  "3.1.1").
- A report numbered consecutively (``Meta # 1..N``) is matched by description: the similarity of the content
  words of the report's name and the plan's description (case, accents, plural and gender aside), one to one, the
  most similar pairs first, among the plan metas of the report's secretaría when the plan says who is
  responsable (all of them otherwise), above a threshold.
- A mapping in the configuration (PLN010's ``emparejar: {"3": "312"}``: the report's meta 3 is the plan's 312)
  decides before either.

A secretaría is the plan's responsable whose name is most similar to the report's `secretaria` once both drop
accents, case and the "Secretaría (Departamental|Municipal) de" prefix, above a threshold and with no tie.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from auditor.lectura.palabras import clave, palabras_normalizadas, raiz
from auditor.lectura.patrones import normalizar
from auditor.modelo.informe import Informe, Meta
from auditor.modelo.plan import MetaPlan, PlanIndicativo

# words that say nothing of what a meta is about
_VACIAS = frozenset("""a al con de del e el en la las lo los o para por que se su sus u un una unas unos y""".split())

_PREFIJO = re.compile(
    r"^(?:la\s+)?(?:secretaria|dependencia|oficina|despacho|direccion|gerencia|departamento\s+administrativo"
    r"|(?:sec|secr|secret|sria|srìa|depto|dir|of)\.?(?=\s))"  # 'Sec. Salud', 'Sria. de Gobierno', 'Of. de Planeación'

    r"(?:\s+(?:departamental|municipal|distrital|general))?(?:\s+(?:de\s+las|de\s+los|de\s+la|del|de))?\s+"
)


class ParametrosEmparejamiento(BaseModel):
    """How report metas are matched to the plan's (PLN010's parameters; every PLN rule matches with them)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    emparejar: dict[str, str] = Field(
        default_factory=dict,
        description="Emparejamientos fijados: número de la meta en el informe -> número de la meta en el Plan Indicativo "
        "(p. ej. {\"3\": \"312\"}); deciden antes que el número y que la descripción, en los informes de la secretaría a cargo de "
        "esa meta del plan (la meta 3 de otra secretaría no cambia). Un número que el plan no tiene se señala (PLN002).")
    umbral: float = Field(default=0.5, gt=0, le=1, description="Similitud mínima de las descripciones (0 a 1) para emparejar por "
                          "descripción una meta de un informe numerado de forma consecutiva.")
    umbral_secretaria: float = Field(default=0.75, gt=0, le=1, description="Similitud mínima (0 a 1) entre la secretaría del "
                                     "informe y un responsable del plan, sin contar tildes, mayúsculas ni 'Secretaría de'.")

    @field_validator("emparejar", mode="before")
    @classmethod
    def _textos(cls, valor: Any) -> Any:
        """YAML reads {3: 312} as numbers: they are meta numbers as written."""
        if isinstance(valor, dict):
            return {str(k): str(v) for k, v in valor.items() if not isinstance(k, bool) and not isinstance(v, bool)}
        return valor


def numero_normal(numero: str) -> str:
    """A meta number as compared: each level without leading zeros ('080' -> '80', '3.01.1' -> '3.1.1')."""
    return ".".join(p.lstrip("0") or "0" if p.isdigit() else p for p in numero.strip().split("."))


def claves(texto: str) -> frozenset[str]:
    """The content words of a description, each as a stem (plural and gender off): what two descriptions share."""
    return frozenset(raiz(clave(p)) for p in palabras_normalizadas(texto) if p not in _VACIAS and not p.isdigit() and len(p) > 1)


def similitud(a: frozenset[str], b: frozenset[str]) -> float:
    """0 to 1: the mean of the shared share of both (Dice) and of the shorter one (containment)."""
    if not a or not b:
        return 0.0
    comunes = len(a & b)
    return (2 * comunes / (len(a) + len(b)) + comunes / min(len(a), len(b))) / 2


def similitud_descripciones(a: str, b: str) -> float:
    return similitud(claves(a), claves(b))


def clave_secretaria(nombre: str) -> str:
    """'Secretaría Departamental de Desarrollo Económico' -> 'desarrollo economico'."""
    return " ".join(_PREFIJO.sub("", " ".join(normalizar(nombre).split())).split())


def responsable_de(secretaria: str, responsables: Iterable[str], umbral: float) -> str | None:
    """The plan's responsable the report's secretaría is: the same name, or the most similar one above `umbral` with
    no other as similar (None: none, or two equally likely)."""
    propia = clave_secretaria(secretaria)
    puntajes: dict[str, float] = {}
    for r in responsables:
        otra = clave_secretaria(r)
        puntajes[r] = 1.0 if otra == propia else similitud(claves(propia), claves(otra))
    if not puntajes:
        return None
    mejor = max(puntajes.values())
    mejores = [r for r, p in puntajes.items() if p == mejor]  # a responsable spelt two ways: the plan's first spelling
    if mejor < umbral or len({clave_secretaria(r) for r in mejores}) > 1:
        return None
    return mejores[0]


def _grupos(responsables: Iterable[str]) -> dict[str, str]:
    """Each way a plan spells a responsable -> the one secretaría it is. 'Secretaría de X' is 'X'; and a shorter name
    whose words are all in exactly one longer name of the plan is that one ('Sec. Salud' is 'Secretaría de Salud y
    Protección Social' when no other responsable of the plan speaks of 'salud'); with two candidates it stays apart."""
    nombres = {clave_secretaria(r) for r in responsables}
    palabras = {n: claves(n) for n in nombres}
    grupo = {n: n for n in nombres}
    for corto in sorted(nombres, key=lambda n: (len(palabras[n]), n)):
        if not palabras[corto]:
            continue
        mayores = [n for n in nombres if n != corto and palabras[corto] < palabras[n]]
        if len(mayores) == 1:
            grupo[corto] = mayores[0]
    for n in nombres:  # follow a chain to its end ('salud' -> 'salud publica' -> …), bounded by the number of names
        for _ in range(len(nombres)):
            if grupo[grupo[n]] == grupo[n]:
                break
            grupo[n] = grupo[grupo[n]]
    return grupo


def secretaria_en_el_plan(plan: PlanIndicativo, nombre: str) -> str:
    """The key of the secretaría `nombre` is in this plan (see `_grupos`): what two spellings share when they are one."""
    clave_nombre = clave_secretaria(nombre)
    return _indice(plan).grupos.get(clave_nombre, clave_nombre)


def a_cargo_de(m: MetaPlan, responsable: str, plan: PlanIndicativo) -> bool:
    """Is the plan meta `m` of this responsable, however the plan spells it in each row ('Sec. Salud', 'Secretaría de
    Salud y Protección Social')?"""
    return m.responsable is not None and secretaria_en_el_plan(plan, m.responsable) == secretaria_en_el_plan(plan, responsable)


def numero_en_el_plan(informe: Informe, meta: Meta) -> str | None:
    """The plan's number the report gives a meta: its code, or its number when the report numbers as the plan."""
    if meta.codigo is not None:
        return meta.codigo
    return str(meta.numero) if informe.numeracion_metas == "plan" else None


@dataclass(frozen=True)
class Pareja:
    """A report meta (its index) and the plan meta it is; how they were matched and how alike their descriptions are."""

    indice: int
    meta: MetaPlan
    modo: str  # "numero", "descripcion" or "configuracion"
    similitud: float


@dataclass(frozen=True)
class Emparejamiento:
    parejas: dict[int, Pareja]  # report meta index -> its plan meta
    sin_plan: tuple[int, ...]  # report metas that are no meta of the plan
    cercanas: dict[int, tuple[MetaPlan, float]]  # of those, the plan meta most like it by description, when one is alike
    responsable: str | None  # the plan's responsable that is the report's secretaría (None: not found, or no column)
    fijados_ausentes: dict[int, str] = field(default_factory=dict)  # report meta -> the plan number `emparejar` gives it, not in the plan


class _Indice:
    """A plan's metas by normalized number, with the content words of each description (built once per plan)."""

    def __init__(self, plan: PlanIndicativo) -> None:
        self.plan = plan
        self.por_numero: dict[str, MetaPlan] = {}
        for m in plan.metas:
            self.por_numero.setdefault(numero_normal(m.numero), m)
        self.claves = [claves(m.descripcion) for m in plan.metas]
        self.responsables = list(dict.fromkeys(m.responsable for m in plan.metas if m.responsable))  # in the plan's order
        self.grupos = _grupos(self.responsables)


_INDICE: list[_Indice] = []  # the last plan's index (one plan per run)
_ULTIMO: list[tuple[Informe, PlanIndicativo, ParametrosEmparejamiento, Emparejamiento]] = []  # the last report's matching


def _indice(plan: PlanIndicativo) -> _Indice:
    if not _INDICE or _INDICE[0].plan is not plan:
        _INDICE[:] = [_Indice(plan)]
    return _INDICE[0]


def emparejar(informe: Informe, plan: PlanIndicativo, parametros: ParametrosEmparejamiento) -> Emparejamiento:
    """The matching of a report's metas to a plan's (computed once per report: every PLN rule asks)."""
    if _ULTIMO and _ULTIMO[0][0] is informe and _ULTIMO[0][1] is plan and _ULTIMO[0][2] == parametros:
        return _ULTIMO[0][3]
    resultado = _emparejar(informe, plan, parametros)
    _ULTIMO[:] = [(informe, plan, parametros, resultado)]
    return resultado


def _emparejar(informe: Informe, plan: PlanIndicativo, p: ParametrosEmparejamiento) -> Emparejamiento:
    indice = _indice(plan)
    responsable = responsable_de(informe.secretaria, indice.responsables, p.umbral_secretaria) if plan.con_responsable else None
    fijados = {numero_normal(k): numero_normal(v) for k, v in p.emparejar.items()}
    parejas: dict[int, Pareja] = {}
    sin_plan: list[int] = []
    por_descripcion: list[int] = []
    fijados_ausentes: dict[int, str] = {}
    for i, meta in enumerate(informe.metas):
        fijado = fijados.get(numero_normal(meta.etiqueta))
        if fijado is not None and fijado not in indice.por_numero:
            fijados_ausentes[i] = fijado  # the configuration names a plan meta the plan does not have: said, not ignored
            sin_plan.append(i)
            continue
        # a fixed pair is the report's when the plan meta is its secretaría's: another secretaría's meta 3 is not touched
        if fijado is not None and (responsable is None or a_cargo_de(indice.por_numero[fijado], responsable, plan)):
            m = indice.por_numero[fijado]
            parejas[i] = Pareja(i, m, "configuracion", similitud_descripciones(meta.nombre, m.descripcion))
            continue
        numero = numero_en_el_plan(informe, meta)
        if numero is None:
            por_descripcion.append(i)
        elif numero_normal(numero) in indice.por_numero:
            m = indice.por_numero[numero_normal(numero)]
            parejas[i] = Pareja(i, m, "numero", similitud_descripciones(meta.nombre, m.descripcion))
        else:
            sin_plan.append(i)
    tomadas = {id(pa.meta) for pa in parejas.values()}
    posiciones = [j for j, m in enumerate(plan.metas)
                  if id(m) not in tomadas and (responsable is None or a_cargo_de(m, responsable, plan))]
    candidatos: list[tuple[float, int, int]] = []
    for i in por_descripcion:
        propias = claves(informe.metas[i].nombre)
        for j in posiciones:
            s = similitud(propias, indice.claves[j])
            if s >= p.umbral:
                candidatos.append((-s, i, j))
    candidatos.sort()  # the most similar pairs first; ties in the report's order, then the plan's
    usadas_i: set[int] = set()
    usadas_j: set[int] = set()
    for menos_s, i, j in candidatos:
        if i in usadas_i or j in usadas_j:
            continue
        usadas_i.add(i)
        usadas_j.add(j)
        parejas[i] = Pareja(i, plan.metas[j], "descripcion", -menos_s)
    sin_plan.extend(i for i in por_descripcion if i not in usadas_i)
    cercanas: dict[int, tuple[MetaPlan, float]] = {}
    for i in sin_plan:
        propias = claves(informe.metas[i].nombre)
        mejor = max(((similitud(propias, indice.claves[j]), -j) for j in range(len(plan.metas))), default=None)
        if mejor is not None and mejor[0] >= p.umbral:
            cercanas[i] = (plan.metas[-mejor[1]], mejor[0])
    return Emparejamiento(parejas, tuple(sorted(sin_plan)), cercanas, responsable, fijados_ausentes)


@dataclass(frozen=True)
class SupresionDeCorrida:
    """A report's own `suprimir:` entry for a rule whose findings the run makes (PLN001): judged once every file is
    audited, where the finding it may cover exists."""

    regla: str
    meta: str | None  # the meta it is limited to (None: any)
    campo: str | None
    motivo: str
    linea: int  # where it is written (the suppression's origin, and where SUP003 says it is left over)
    campo_propio: str  # its own field path ('suprimir[2]'), for SUP003
    en_meta: bool = False  # written under a meta (its SUP003 names the meta) rather than for the whole report


@dataclass(frozen=True)
class CotejoInforme:
    """What a report's result keeps of its matching to the plan: for the omission check of the run (PLN001), which
    needs every report of a secretaría, and for `auditor summary --plan`."""

    secretaria: str
    linea_secretaria: int  # the line of the report's `secretaria` (where PLN001 is placed)
    responsable: str | None  # the plan's responsable it is (None: none)
    metas: tuple[tuple[str, str], ...]  # (plan number, the report's meta label) of each matched meta, in the report's order
    no_leidas: tuple[str, ...] = ()  # plan numbers of metas in the file that could not be read
    incompleto: bool = False  # some meta could not be read and which plan meta it is is unknown: omissions are not said
    supresiones: tuple[SupresionDeCorrida, ...] = ()  # its `suprimir:` entries for the run's rules (PLN001)
    periodo: tuple[int, int] | None = None  # the years it reports on (a meta NP in all of them is not an omission)


def cotejo(informe: Informe, plan: PlanIndicativo, parametros: ParametrosEmparejamiento, linea_secretaria: int) -> CotejoInforme:
    e = emparejar(informe, plan, parametros)
    metas = tuple((pa.meta.numero, informe.metas[i].etiqueta) for i, pa in sorted(e.parejas.items()))
    no_leidas = [n for n in informe.metas_no_leidas if n is not None]
    por_numero = informe.numeracion_metas == "plan"
    return CotejoInforme(informe.secretaria, linea_secretaria, e.responsable, metas,
                         tuple(numero_normal(n) for n in no_leidas) if por_numero else (),
                         bool(informe.metas_no_leidas) and (not por_numero or len(no_leidas) < len(informe.metas_no_leidas)),
                         periodo=(informe.periodo.desde, informe.periodo.hasta))
