"""Python checks: the rules whose logic data cannot say. Same metadata, same observations."""

from __future__ import annotations

from ..catalog import Regla
from .beneficiarios import BeneficiariosSinCantidad, BeneficiariosSinDiligenciar, NoAplicaSinRazon
from .conteos import (
    CantidadNoCoincide,
    DesgloseSuperaTotal,
    ListaNoCoincide,
    MenosPersonasQueUnidades,
    ParteMayorQueTotal,
    RepartoNoSuma100,
)
from .copia import ParrafoRepetidoEnLaMeta, ParrafoRepetidoEntreMetas
from .entrada import ClaveRepetida, DatoSupuesto, EstructuraInvalida, InformeIlegible, ParteSinUbicar
from .estructura import DescripcionDuplicada, InformeSinMetas, NumeroDuplicado, SaltoNumeracion, TablaPDDSinDiligenciar
from .fechas import CuandoContradiceFechas, EventoConFechasDistintas, FechaFueraDelPeriodo
from .lugares import MunicipioDesconocido, MunicipioFueraDelDepartamento
from .nombres import NombreConDosEscrituras
from .porcentajes import AvanceInconsistente, CumplimientoSinJustificacion, PorcentajeFaltante, PorcentajeNoCoincide
from .supresiones import SupresionReglaDesconocida, SupresionSinMotivo, SupresionSobrante
from .totales import TotalMetaInexistente, TotalNoCoincide, TotalNoVerificable, TotalSinMetas, TotalSubestimado
from .valores import UnidadIncorrecta, ValorIlegible

CHEQUEOS: tuple[type[Regla], ...] = (
    InformeIlegible,
    EstructuraInvalida,
    ClaveRepetida,
    ParteSinUbicar,
    DatoSupuesto,
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
    TotalNoCoincide,
    TotalSubestimado,
    TotalNoVerificable,
    TotalMetaInexistente,
    TotalSinMetas,
    ParrafoRepetidoEntreMetas,
    ParrafoRepetidoEnLaMeta,
    CantidadNoCoincide,
    ParteMayorQueTotal,
    ListaNoCoincide,
    DesgloseSuperaTotal,
    RepartoNoSuma100,
    MenosPersonasQueUnidades,
    MunicipioDesconocido,
    MunicipioFueraDelDepartamento,
    NombreConDosEscrituras,
    FechaFueraDelPeriodo,
    CuandoContradiceFechas,
    EventoConFechasDistintas,
    SupresionSinMotivo,
    SupresionReglaDesconocida,
    SupresionSobrante,
)
