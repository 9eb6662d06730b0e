"""JSON output: a stable, documented document (same input, same bytes)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

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


def _resumen(resultado: Resultado) -> dict[str, Any]:
    severidades = resultado.por_severidad()
    categorias = resultado.por_categoria()
    return {
        "files": len(resultado.informes),
        "metas_audited": resultado.metas_auditadas,
        "metas_with_findings": resultado.metas_con_hallazgos,
        "findings": resultado.total_findings,
        "by_severity": {s.value: severidades.get(s, 0) for s in Severity},
        "by_category": {c.value: categorias[c] for c in Category if categorias.get(c)},
        "suppressed": resultado.total_suprimidos,
        "baseline": None if resultado.linea_base is None else {"file": resultado.linea_base, "fixed": resultado.linea_base_corregidos},
    }


def _partes(resultado: Resultado) -> Iterator[tuple[str, Any]]:
    """The document's keys in order; the three lists are iterators, read one report at a time."""
    yield "version", VERSION_FORMATO
    yield "tool", {"name": "auditor", "version": __version__}
    yield "summary", _resumen(resultado)
    yield "reports", ({"file": r.archivo, "report": r.informe_nombre, "metas": [numero for numero, _ in r.metas],
                       "findings": len(r.findings)} for r in resultado.informes)
    yield "findings", (finding_a_dict(f) for f in resultado.hallazgos())
    yield "suppressed", ({"finding": finding_a_dict(s.finding), "kind": s.tipo, "source": s.origen, "reason": s.motivo}
                         for s in resultado.suprimidos_en_orden())


def documento(resultado: Resultado) -> dict[str, Any]:
    """The whole document in memory (for a library caller); `escribir` streams the same bytes."""
    return {clave: list(valor) if isinstance(valor, Iterator) else valor for clave, valor in _partes(resultado)}


def _volcado(valor: Any, sangria: int) -> str:
    """`valor` as json.dumps(indent=2) writes it at that depth (strings never hold a raw newline)."""
    return json.dumps(valor, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * sangria)


def escribir(resultado: Resultado, salida: TextIO) -> None:
    """Write the document as it goes, the same bytes as ``json.dumps(documento(resultado), indent=2)``:
    only one report's findings are in memory at a time."""
    salida.write("{")
    for n, (clave, valor) in enumerate(_partes(resultado)):
        salida.write(("," if n else "") + f"\n  {json.dumps(clave)}: ")
        if not isinstance(valor, Iterator):
            salida.write(_volcado(valor, 2))
            continue
        vacio = True
        for elemento in valor:
            salida.write(("[\n    " if vacio else ",\n    ") + _volcado(elemento, 4))
            vacio = False
        salida.write("[]" if vacio else "\n  ]")
    salida.write("\n}\n")


def render(resultado: Resultado) -> str:
    salida = io.StringIO()
    escribir(resultado, salida)
    return salida.getvalue()
