"""One report's result: its findings, suppressed findings, metas and completeness, and its counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from auditor.reglas.completitud import CompletitudInforme
from auditor.reglas.observacion import Category, Severity
from auditor.resultado.hallazgo import Finding, Suprimido


@dataclass(frozen=True)
class Cuentas:
    """What a report contributes to the summary and the exit status, without its findings."""

    findings: int
    suprimidos: int
    metas: int
    metas_con_hallazgos: int
    severidades: Counter[Severity]
    categorias: Counter[Category]
    errores_entrada: int  # input errors: the run exits 2
    reglas: tuple[str, ...]  # the rules its findings (then its suppressed findings) name, in the order they first appear


@dataclass
class ResultadoInforme:
    archivo: str
    informe_nombre: str | None
    metas: list[tuple[str, str]]  # (number, name) of each meta audited
    findings: list[Finding]
    suprimidos: list[Suprimido] = field(default_factory=list)  # never count for the exit status; listed on request
    completitud: CompletitudInforme | None = None  # sections answered per meta (None: the file could not be read)

    def cuentas(self) -> Cuentas:
        return Cuentas(
            findings=len(self.findings), suprimidos=len(self.suprimidos), metas=len(self.metas),
            metas_con_hallazgos=len({f.meta for f in self.findings if f.meta is not None}),
            severidades=Counter(f.severity for f in self.findings), categorias=Counter(f.category for f in self.findings),
            errores_entrada=sum(1 for f in self.findings if f.category is Category.INPUT_ERROR and f.severity is Severity.ERROR),
            reglas=tuple(dict.fromkeys([*(f.rule for f in self.findings), *(s.finding.rule for s in self.suprimidos)])),
        )
