"""The result of a run: its reports (in memory or on disk), the baseline applied and the rules applied."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from auditor.modelo.plan import PlanIndicativo
from auditor.reglas.catalogo import Regla
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.deposito import InformesEnDisco, InformesEnMemoria
from auditor.resultado.hallazgo import Hallazgo, Suprimido

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
    raiz: str | None = None  # the directory fingerprints are relative to (huellas.raiz); None: the current one
    url_documentacion: str | None = None  # the base address of the rule pages (SARIF's helpUri); None: no helpUri
    plan_indicativo: PlanIndicativo | None = None  # the Plan Indicativo the reports were checked against (--plan): summary --plan shows it

    # the rules the run applied (and any rule a finding names), by id, with their effective severity:
    # what reporters that describe rules need (SARIF's rule list, JUnit's checked families)
    reglas: dict[str, tuple[Regla, Severidad]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.informes, (InformesEnMemoria, InformesEnDisco)):
            self.informes = InformesEnMemoria(self.informes)

    def hallazgos(self) -> Iterator[Hallazgo]:
        for r in self.informes:
            yield from r.hallazgos

    def suprimidos_en_orden(self) -> Iterator[Suprimido]:
        for r in self.informes:
            yield from r.suprimidos

    @property
    def suprimidos(self) -> list[Suprimido]:
        return list(self.suprimidos_en_orden())

    @property
    def total_hallazgos(self) -> int:
        return sum(c.hallazgos for c in self.informes.cuentas())

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

    def por_severidad(self) -> Counter[Severidad]:
        total: Counter[Severidad] = Counter()
        for c in self.informes.cuentas():
            total.update(c.severidades)
        return total

    def por_categoria(self) -> Counter[Categoria]:
        total: Counter[Categoria] = Counter()
        for c in self.informes.cuentas():
            total.update(c.categorias)
        return total
