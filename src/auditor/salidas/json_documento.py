"""JSON output: a stable, documented document (same input, same bytes).

Values are exact (JSON escapes control characters itself); file names are shown as every output shows
them (`lectura.visible`: an undecodable byte as ``\\xff``, a newline as ``\\n``)."""

from __future__ import annotations

from typing import Any, TextIO

from auditor import __version__
from auditor.lectura.visible import visible
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo, LugarEnPlan
from auditor.salidas.json_flujo import Flujo, como_texto, en_memoria, escribir_documento

VERSION_FORMATO = 1


def finding_a_dict(f: Hallazgo) -> dict[str, Any]:
    """A finding's object; `plan` (its second place in the Plan Indicativo) only when it has one: without --plan the
    document is the same bytes as before the key existed."""
    finding: dict[str, Any] = {
        "rule": f.regla,
        "category": f.categoria.value,
        "severity": f.severidad.value,
        "file": visible(f.archivo),
        "line": f.linea,
        "meta": f.meta,
        "field": f.campo,
        "message": f.mensaje,
        "text": f.texto,
        "location": f.ubicacion,
    }
    if f.plan is not None:
        finding["plan"] = plan_a_dict(f.plan)
    return finding


def plan_a_dict(plan: LugarEnPlan) -> dict[str, Any]:
    return {"file": visible(plan.archivo), "sheet": plan.hoja, "row": plan.fila, "column": plan.columna}


def _resumen(resultado: Resultado) -> dict[str, Any]:
    severidades = resultado.por_severidad()
    categorias = resultado.por_categoria()
    return {
        "files": len(resultado.informes),
        "metas_audited": resultado.metas_auditadas,
        "metas_with_findings": resultado.metas_con_hallazgos,
        "findings": resultado.total_hallazgos,
        "by_severity": {s.value: severidades.get(s, 0) for s in Severidad},
        "by_category": {c.value: categorias[c] for c in Categoria if categorias.get(c)},
        "suppressed": resultado.total_suprimidos,
        "baseline": None if resultado.linea_base is None else {"file": visible(resultado.linea_base), "fixed": resultado.linea_base_corregidos},
    }


def documento_en_flujo(resultado: Resultado) -> dict[str, Any]:
    """The document, its three lists read one report at a time as it is written (see `json_flujo`)."""
    return {
        "version": VERSION_FORMATO,
        "tool": {"name": "auditor", "version": __version__},
        "summary": _resumen(resultado),
        "reports": Flujo({"file": visible(r.archivo), "report": r.informe_nombre, "metas": [numero for numero, _ in r.metas],
                          "findings": len(r.hallazgos)} for r in resultado.informes),
        "findings": Flujo(finding_a_dict(f) for f in resultado.hallazgos()),
        "suppressed": Flujo({"finding": finding_a_dict(s.hallazgo), "kind": s.tipo, "source": s.origen, "reason": s.motivo}
                            for s in resultado.suprimidos_en_orden()),
    }


def documento(resultado: Resultado) -> dict[str, Any]:
    """The whole document in memory (for a library caller)."""
    documento: dict[str, Any] = en_memoria(documento_en_flujo(resultado))
    return documento


def escribir(resultado: Resultado, salida: TextIO) -> None:
    """The same bytes as ``json.dumps(documento(resultado), indent=2)``, one report's findings in memory at a time."""
    escribir_documento(documento_en_flujo(resultado), salida)


def render(resultado: Resultado) -> str:
    return como_texto(documento_en_flujo(resultado))
