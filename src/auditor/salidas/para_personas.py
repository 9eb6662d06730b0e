"""What the outputs for people (rich, text, markdown, html) say instead of the machine's words.

A finding's field in the template's words (`auditor.modelo.nombres`), and what to do about each rule that
has findings in the run (its documentation's `que_hacer`), once per rule rather than under every finding.
Machine formats (json, sarif, csv, github, junit) keep the field path and do not use this module.
"""

from __future__ import annotations

from auditor.idioma import plantilla, tr
from auditor.modelo.nombres import nombre
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo


def campo(f: Hallazgo) -> str:
    """The finding's field as the template calls it ('' when the finding has no field)."""
    return nombre(f.campo) if f.campo else ""


def que_hacer(resultado: Resultado) -> list[tuple[str, str]]:
    """(rule, what to do) for each rule with findings shown in the run, by rule id, in the run's language."""
    ids = sorted({f.regla for f in resultado.hallazgos()})
    return [(i, plantilla(resultado.reglas[i][0].doc.que_hacer)) for i in ids
            if i in resultado.reglas and resultado.reglas[i][0].doc.que_hacer]


def titulo() -> str:
    """The heading of the block of what to do ('Qué hacer, por regla:')."""
    return tr("Qué hacer, por regla:")


def lineas_que_hacer(resultado: Resultado) -> list[str]:
    """The block of plain text: a heading, then one line per rule ('  PCT002: Recalcule …')."""
    consejos = que_hacer(resultado)
    return ["", titulo(), *(f"  {regla}: {texto}" for regla, texto in consejos)] if consejos else []
