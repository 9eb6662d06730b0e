"""A catalog and a configuration, ready to audit reports: the rules a run applies and with what severity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from auditor.configuracion.configuracion import Configuracion
from auditor.entrada.recorrido import Patrones
from auditor.idioma import tr
from auditor.modelo.plan import PlanIndicativo
from auditor.reglas.catalogo import Catalogo, Contexto, ErrorReglas, Regla
from auditor.reglas.incluidas import construir_catalogo
from auditor.reglas.observacion import Severidad

if TYPE_CHECKING:
    from auditor.resultado.informe import ResultadoInforme


class Guardados(Protocol):
    """Where results are kept between runs (`motor.cache.Cache`): looked up before auditing, kept after."""

    def buscar(self, archivo: Path, tamano_maximo_mb: float) -> ResultadoInforme | None: ...
    def guardar(self, archivo: Path, contenido: bytes, resultado: ResultadoInforme) -> None: ...
    def podar(self, limite_mb: float = ...) -> int: ...


@dataclass
class Auditor:
    """A catalog and a configuration, ready to audit reports."""

    catalogo: Catalogo
    configuracion: Configuracion
    seleccion: set[str] | None = None  # only these rule ids (None: all enabled)
    no_informes: tuple[Path, ...] = ()  # the configuration file and rule directories: never audited as reports
    exclusiones: tuple[Patrones, ...] = ()  # `excluir:` and --exclude: what directory walks leave out (see entrada.recorrido)
    con_completitud: bool = True  # the completeness matrix per report (html and summary); check skips it otherwise
    plan: PlanIndicativo | None = None  # the Plan Indicativo the reports are checked against (--plan, `plan:`)
    cache: Guardados | None = None  # where results are kept between runs (see `motor.cache`); None: every file is audited
    _contextos: dict[str, Contexto] = field(default_factory=dict, init=False, repr=False)

    def contexto(self, regla: Regla) -> Contexto:
        """Validated parameters and pattern sets of a rule, built once per run, not once per report."""
        if regla.id not in self._contextos:
            parametros = self.configuracion.parametros(self.catalogo, regla.id)
            self._contextos[regla.id] = Contexto(parametros, self.catalogo.patrones, self.plan, self.catalogo.acumulacion,
                                                 self.parametros_de)
        return self._contextos[regla.id]

    def parametros_de(self, regla_id: str) -> Any:
        """The validated parameters of a rule of the catalog, whether or not this run applies it."""
        return self.contexto(self.catalogo.reglas[regla_id]).parametros

    def activas(self) -> list[Regla]:
        reglas = []
        for regla in self.catalogo.ordenadas():
            if self.seleccion is not None and regla.id not in self.seleccion:
                continue
            if self.configuracion.ajuste(regla.id).activa:
                reglas.append(regla)
        return reglas

    def severidad(self, regla: Regla) -> Severidad:
        return self.configuracion.ajuste(regla.id).severidad or regla.severidad


def preparar(configuracion: Configuracion, directorios_extra: Iterable[Path] = (), seleccion: Iterable[str] | None = None) -> Auditor:
    """Build the catalog for a configuration; raise ErrorReglas on any bad rule, ErrorConfiguracion on any bad setting."""
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
    exclusiones: tuple[Patrones, ...] = ()
    if configuracion.excluir:
        exclusiones = (Patrones.de(configuracion.excluir, configuracion.directorio or Path.cwd()),)
    return Auditor(catalogo, configuracion, ids, tuple(propios), exclusiones)
