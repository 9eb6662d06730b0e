"""Python checks: the rules whose logic data cannot say. Same metadata, same observations."""

from __future__ import annotations

from auditor.reglas.catalogo import Regla
from auditor.reglas.chequeos.anunciadas import MetaAnunciadaSinInformar
from auditor.reglas.chequeos.beneficiarios import (
    BeneficiariosConPlantilla,
    BeneficiariosSinCantidad,
    BeneficiariosSinDiligenciar,
    NoAplicaSinRazon,
)
from auditor.reglas.chequeos.conteos import (
    CantidadNoCoincide,
    DesgloseSuperaTotal,
    ListaNoCoincide,
    MenosPersonasQueUnidades,
    ParteMayorQueTotal,
    ParticionNoSuma,
    RepartoNoSuma100,
)
from auditor.reglas.chequeos.copia import ParrafoRepetidoEnLaMeta, ParrafoRepetidoEntreMetas
from auditor.reglas.chequeos.entrada import (
    ClaveRepetida,
    DatoSupuesto,
    DocumentoOmitido,
    EstructuraInvalida,
    InformeIlegible,
    ParteSinUbicar,
)
from auditor.reglas.chequeos.estructura import (
    DescripcionDuplicada,
    InformeSinMetas,
    NumeroDuplicado,
    SaltoNumeracion,
    TablaPDDSinDiligenciar,
)
from auditor.reglas.chequeos.fechas import CuandoContradiceFechas, EventoConFechasDistintas, FechaFueraDelPeriodo, FechaImposible
from auditor.reglas.chequeos.lugares import LocalizacionSinLugar, MunicipioDesconocido, MunicipioFueraDelDepartamento
from auditor.reglas.chequeos.metas_cuatrienio import MetaCuatrienioEnBlanco
from auditor.reglas.chequeos.nombres import NombreConDosEscrituras
from auditor.reglas.chequeos.orden_fechas import ActividadAntesDelConvenio, FinAntesDelInicio
from auditor.reglas.chequeos.plan import (
    AvanceDistintoDelPlan,
    CumplimientoDistintoDelPlan,
    DescripcionDistintaDelPlan,
    EmparejadaPorDescripcion,
    FuentesNoSumanTotal,
    InversionDistintaDelPlan,
    LogroSinProgramacion,
    MetaCuatrienioDistintaDelPlan,
    MetaDelPlanOmitida,
    MetaFueraDelPlan,
    PlanSinResponsable,
)
from auditor.reglas.chequeos.porcentajes import (
    AvanceInconsistente,
    CumplimientoSinJustificacion,
    PorcentajeFaltante,
    PorcentajeNoCoincide,
)
from auditor.reglas.chequeos.supresiones import SupresionReglaDesconocida, SupresionSinMotivo, SupresionSobrante
from auditor.reglas.chequeos.totales import (
    TotalMetaInexistente,
    TotalNoCoincide,
    TotalNoVerificable,
    TotalSinMetas,
    TotalSubestimado,
)
from auditor.reglas.chequeos.valores import MontoEnLetrasDistinto, UnidadIncorrecta, ValorIlegible

CHEQUEOS: tuple[type[Regla], ...] = (
    InformeIlegible,
    EstructuraInvalida,
    ClaveRepetida,
    ParteSinUbicar,
    DatoSupuesto,
    DocumentoOmitido,
    ValorIlegible,
    UnidadIncorrecta,
    MontoEnLetrasDistinto,
    PorcentajeNoCoincide,
    PorcentajeFaltante,
    CumplimientoSinJustificacion,
    AvanceInconsistente,
    BeneficiariosSinDiligenciar,
    BeneficiariosConPlantilla,
    BeneficiariosSinCantidad,
    NoAplicaSinRazon,
    MetaCuatrienioEnBlanco,
    NumeroDuplicado,
    DescripcionDuplicada,
    SaltoNumeracion,
    MetaAnunciadaSinInformar,
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
    ParticionNoSuma,
    MunicipioDesconocido,
    MunicipioFueraDelDepartamento,
    LocalizacionSinLugar,
    NombreConDosEscrituras,
    FechaFueraDelPeriodo,
    CuandoContradiceFechas,
    EventoConFechasDistintas,
    FinAntesDelInicio,
    ActividadAntesDelConvenio,
    FechaImposible,
    SupresionSinMotivo,
    SupresionReglaDesconocida,
    SupresionSobrante,
    MetaDelPlanOmitida,
    MetaFueraDelPlan,
    DescripcionDistintaDelPlan,
    MetaCuatrienioDistintaDelPlan,
    CumplimientoDistintoDelPlan,
    AvanceDistintoDelPlan,
    LogroSinProgramacion,
    InversionDistintaDelPlan,
    FuentesNoSumanTotal,
    EmparejadaPorDescripcion,
    PlanSinResponsable,
)
