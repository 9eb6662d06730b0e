"""The rule catalog: one registry of every rule, Python checks and YAML rules alike.

A rule carries its metadata (stable id, name, category, default severity, message) and
its documentation (what it checks, why it matters, a failing and a passing example).
Rules never print, read files or pick the severity of a finding: they look at a report
and yield observations; the engine and the configuration decide the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from auditor.idioma import tr
from auditor.lectura.fuente import ErrorArchivo
from auditor.lectura.patrones import ConjuntoPatrones
from auditor.modelo.informe import Informe
from auditor.modelo.plan import Acumulacion, PlanIndicativo
from auditor.reglas.acumulacion import ReglaAcumulacion
from auditor.reglas.observacion import Categoria, Observacion, Severidad

ID_REGLA = re.compile(r"[A-Z]{2,4}\d{3}")


class ErrorReglas(ErrorArchivo):
    """A rule file or rule configuration is wrong; the run must stop and say where."""


@dataclass(frozen=True)
class Documentacion:
    """What it checks, why it matters to a reviewer, a failing and a passing example; and, when the rule's
    documentation says it, what the writer of the report does about a finding, in one line (`que_hacer`: the
    annotated draft puts it under the finding; empty when there is none)."""

    que_revisa: str
    por_que: str
    ejemplo_falla: str
    ejemplo_pasa: str
    que_hacer: str = ""


class SinParametros(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass
class Contexto:
    """What a rule may use besides the report: its parameters, the pattern sets and, when the run was given
    one (`--plan`), the Plan Indicativo the report is checked against."""

    parametros: Any
    patrones: dict[str, ConjuntoPatrones]
    plan: PlanIndicativo | None = None
    acumulacion: dict[Acumulacion, ReglaAcumulacion] = field(default_factory=dict)  # the formula table (rules/acumulacion.yaml)
    parametros_de: Callable[[str], Any] | None = None  # another rule's validated parameters (a rule that builds on its setting)

    def conjunto(self, nombre: str) -> ConjuntoPatrones:
        return self.patrones[nombre]

    def parametros_de_regla(self, regla: str, por_omision: Any) -> Any:
        """The validated parameters of rule `regla` in this run; `por_omision` when the context was built without them."""
        return self.parametros_de(regla) if self.parametros_de is not None else por_omision


class Regla:
    """Base of every rule. Subclasses set the metadata and implement `revisar`."""

    id: ClassVar[str] = ""
    nombre: ClassVar[str] = ""
    categoria: ClassVar[Categoria]
    severidad: ClassVar[Severidad]
    mensaje: ClassVar[str] = ""
    doc: ClassVar[Documentacion]
    Parametros: ClassVar[type[BaseModel]] = SinParametros
    conjuntos: ClassVar[tuple[str, ...]] = ()  # pattern sets the rule needs
    origen: ClassVar[str] = "python"
    # rules whose finding on the same meta and field this rule's finding replaces: where both flag it, one finding is
    # given (the engine drops the other's); where only the other flags it, the other's stays
    reemplaza: ClassVar[tuple[str, ...]] = ()
    requiere_plan: ClassVar[bool] = False  # checks the report against the Plan Indicativo: without --plan it checks nothing
    de_la_corrida: ClassVar[bool] = False  # its findings are made once every file is audited (motor.plan), not per report

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        raise NotImplementedError


@dataclass
class Catalogo:
    """Every known rule by id, and every pattern set by name."""

    reglas: dict[str, Regla] = field(default_factory=dict)
    patrones: dict[str, ConjuntoPatrones] = field(default_factory=dict)
    origen_regla: dict[str, str] = field(default_factory=dict)
    acumulacion: dict[Acumulacion, ReglaAcumulacion] = field(default_factory=dict)  # tipo de acumulación -> its formulas

    def agregar(self, regla: Regla, origen: str) -> None:
        if not ID_REGLA.fullmatch(regla.id):
            raise ErrorReglas(origen, tr("id de regla no válido '{id}' (se espera p. ej. 'INV001')", id=regla.id))
        if regla.id in self.reglas:
            raise ErrorReglas(origen, tr("la regla {regla} ya está definida en {origen}", regla=regla.id, origen=self.origen_regla[regla.id]))
        self.reglas[regla.id] = regla
        self.origen_regla[regla.id] = origen

    def agregar_acumulacion(self, regla: ReglaAcumulacion, propio: bool, linea: int | None = None) -> None:
        """A tipo's formulas; an office's entry replaces the built-in one, a built-in tipo given twice is an error."""
        anterior = self.acumulacion.get(regla.tipo)
        if anterior is not None and not propio:
            raise ErrorReglas(regla.origen, tr("el tipo de acumulación '{tipo}' ya está definido en {origen}", tipo=regla.tipo.value,
                                               origen=anterior.origen), linea)
        self.acumulacion[regla.tipo] = regla

    def agregar_patrones(self, conjunto: ConjuntoPatrones) -> None:
        """A set with an existing name extends it: an office adds its own template sentences."""
        existente = self.patrones.get(conjunto.nombre)
        if existente is None:
            self.patrones[conjunto.nombre] = conjunto
        else:
            existente.patrones.extend(conjunto.patrones)

    def verificar(self) -> None:
        """Every pattern set a rule names must exist."""
        for regla in self.reglas.values():
            for nombre in regla.conjuntos:
                if nombre not in self.patrones:
                    raise ErrorReglas(self.origen_regla[regla.id], tr("la regla {regla} usa el conjunto de patrones '{conjunto}', que no existe",
                                                                      regla=regla.id, conjunto=nombre))

    def ordenadas(self) -> list[Regla]:
        return [self.reglas[i] for i in sorted(self.reglas)]
