"""JSON output: a stable, documented document (same input, same bytes)."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..engine import Resultado
from ..findings import Category, Finding, Severity

VERSION_FORMATO = 1


def finding_a_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "category": f.category.value,
        "severity": f.severity.value,
        "file": f.file,
        "line": f.line,
        "meta": f.meta,
        "field": f.field,
        "message": f.message,
        "text": f.text,
        "location": f.location,
    }


def documento(resultado: Resultado) -> dict[str, Any]:
    severidades = resultado.por_severidad()
    categorias = resultado.por_categoria()
    return {
        "version": VERSION_FORMATO,
        "tool": {"name": "auditor", "version": __version__},
        "summary": {
            "files": len(resultado.informes),
            "metas_audited": resultado.metas_auditadas,
            "metas_with_findings": resultado.metas_con_hallazgos,
            "findings": len(resultado.findings),
            "by_severity": {s.value: severidades.get(s, 0) for s in Severity},
            "by_category": {c.value: categorias[c] for c in Category if categorias.get(c)},
            "suppressed": len(resultado.suprimidos),
            "baseline": None if resultado.linea_base is None else {"file": resultado.linea_base, "fixed": resultado.linea_base_corregidos},
        },
        "reports": [
            {
                "file": r.archivo,
                "report": r.informe_nombre,
                "metas": [numero for numero, _ in r.metas],
                "findings": len(r.findings),
            }
            for r in resultado.informes
        ],
        "findings": [finding_a_dict(f) for f in resultado.findings],
        "suppressed": [
            {"finding": finding_a_dict(s.finding), "kind": s.tipo, "source": s.origen, "reason": s.motivo}
            for s in resultado.suprimidos
        ],
    }


def render(resultado: Resultado) -> str:
    return json.dumps(documento(resultado), ensure_ascii=False, indent=2) + "\n"
