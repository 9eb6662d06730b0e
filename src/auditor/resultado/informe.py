"""One report's result: its findings, suppressed findings, metas and completeness, and its counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from auditor.reglas.completitud import CompletitudInforme
from auditor.reglas.emparejamiento import CotejoInforme
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.hallazgo import Hallazgo, Suprimido


@dataclass(frozen=True)
class Cuentas:
    """What a report contributes to the summary and the exit status, without its findings."""

    hallazgos: int
    suprimidos: int
    metas: int
    metas_con_hallazgos: int
    severidades: Counter[Severidad]
    categorias: Counter[Categoria]
    errores_entrada: int  # input errors: the run exits 2
    reglas: tuple[str, ...]  # the rules its findings (then its suppressed findings) name, in the order they first appear


@dataclass
class ResultadoInforme:
    archivo: str
    informe_nombre: str | None
    metas: list[tuple[str, str]]  # (number, name) of each meta audited
    hallazgos: list[Hallazgo]
    suprimidos: list[Suprimido] = field(default_factory=list)  # never count for the exit status; listed on request
    completitud: CompletitudInforme | None = None  # sections answered per meta (None: the file could not be read)
    cotejo: CotejoInforme | None = None  # with --plan: its secretaría and the plan metas it matched (None: no plan, or unread)

    def cuentas(self) -> Cuentas:
        return Cuentas(
            hallazgos=len(self.hallazgos), suprimidos=len(self.suprimidos), metas=len(self.metas),
            # of the metas audited: an omitted plan meta (PLN001) or a meta a report announces and lacks names no meta here
            metas_con_hallazgos=len({f.meta for f in self.hallazgos if f.meta is not None} & {numero for numero, _ in self.metas}),
            severidades=Counter(f.severidad for f in self.hallazgos), categorias=Counter(f.categoria for f in self.hallazgos),
            errores_entrada=sum(1 for f in self.hallazgos if f.categoria is Categoria.INPUT_ERROR and f.severidad is Severidad.ERROR),
            reglas=tuple(dict.fromkeys([*(f.regla for f in self.hallazgos), *(s.hallazgo.regla for s in self.suprimidos)])),
        )
