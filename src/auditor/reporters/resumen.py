"""The closing summary every human-readable reporter shares."""

from __future__ import annotations

from ..engine import Resultado
from ..findings import Severity

NOMBRES_CATEGORIA = {
    "missing_amount": "monto faltante",
    "malformed_value": "valor ilegible",
    "placeholder": "texto de plantilla",
    "empty_field": "sección vacía",
    "empty_beneficiaries": "beneficiarios sin diligenciar",
    "percentage_mismatch": "porcentaje inconsistente",
    "missing_percentage": "porcentaje faltante",
    "missing_target": "meta sin cantidad",
    "unjustified_shortfall": "rezago sin explicación",
    "count_mismatch": "cantidades inconsistentes",
    "date_inconsistency": "fechas inconsistentes",
    "location": "localización",
    "structure": "estructura",
    "aggregate_mismatch": "totales inconsistentes",
    "duplicated_text": "texto duplicado",
    "input_error": "error de entrada",
    "inconsistent_name": "nombre con dos escrituras",
    "suppression": "supresión",
}

_PLURAL = {Severity.ERROR: ("error", "errores"), Severity.WARNING: ("advertencia", "advertencias"), Severity.INFO: ("info", "info")}


def nombre_severidad(severidad: Severity, cuantas: int) -> str:
    return _PLURAL[severidad][cuantas != 1]


def conteo_severidades(resultado: Resultado) -> str:
    cuenta = resultado.por_severidad()
    return ", ".join(f"{cuenta.get(s, 0)} {nombre_severidad(s, cuenta.get(s, 0))}" for s in Severity)


def lineas_resumen(resultado: Resultado) -> list[str]:
    total = len(resultado.findings)
    lineas = [
        "",
        (
            f"Resumen: {total} hallazgo{'s' if total != 1 else ''} ({conteo_severidades(resultado)}) "
            f"en {len(resultado.informes)} archivo{'s' if len(resultado.informes) != 1 else ''}"
        ),
        f"Metas con hallazgos: {resultado.metas_con_hallazgos} de {resultado.metas_auditadas} auditadas",
    ]
    categorias = resultado.por_categoria()
    if categorias:
        lineas.append("Por categoría: " + ", ".join(
            f"{NOMBRES_CATEGORIA[c.value]} ({c.value}) {n}" for c, n in sorted(categorias.items(), key=lambda par: (-par[1], par[0].value))
        ))
    return lineas
