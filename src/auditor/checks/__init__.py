"""Python checks: the rules whose logic data cannot say. Same metadata, same observations."""

from __future__ import annotations

from ..catalog import Regla
from .beneficiarios import BeneficiariosSinCantidad, BeneficiariosSinDiligenciar, NoAplicaSinRazon
from .entrada import ClaveRepetida, EstructuraInvalida, InformeIlegible
from .estructura import DescripcionDuplicada, InformeSinMetas, NumeroDuplicado, SaltoNumeracion, TablaPDDSinDiligenciar
from .fechas import CuandoContradiceFechas, EventoConFechasDistintas, FechaFueraDelPeriodo
from .porcentajes import AvanceInconsistente, CumplimientoSinJustificacion, PorcentajeFaltante, PorcentajeNoCoincide
from .valores import UnidadIncorrecta, ValorIlegible

CHEQUEOS: tuple[type[Regla], ...] = (
    InformeIlegible,
    EstructuraInvalida,
    ClaveRepetida,
    ValorIlegible,
    UnidadIncorrecta,
    PorcentajeNoCoincide,
    PorcentajeFaltante,
    CumplimientoSinJustificacion,
    AvanceInconsistente,
    BeneficiariosSinDiligenciar,
    BeneficiariosSinCantidad,
    NoAplicaSinRazon,
    NumeroDuplicado,
    DescripcionDuplicada,
    SaltoNumeracion,
    InformeSinMetas,
    TablaPDDSinDiligenciar,
    FechaFueraDelPeriodo,
    CuandoContradiceFechas,
    EventoConFechasDistintas,
)
