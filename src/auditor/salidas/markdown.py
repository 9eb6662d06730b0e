"""Markdown output: a concise pull-request comment.

A heading with the totals per severity, then one table per report file with findings
(lugar, severidad, regla, meta, campo, mensaje with the quote shortened). Cells are escaped
so that a report's text cannot break the table or inject HTML: ``|`` becomes ``\\|``, line
breaks become spaces, ``<``, ``>`` and ``&`` become entities, control characters visible escapes
(`lectura.visible`). Nor can it act in the pull request the comment goes to: ``](`` and ``![`` are
escaped (no inline link, no remote image; a reference link has no definition to point to, and a
field path as ``totales[0]`` stays as it is), an ``@`` before a name gets a zero-width space entity after it
(no mention, no e-mail link), and ``://`` and ``www.`` a backslash (no bare link). Reports without
findings are named in one closing line.
"""

from __future__ import annotations

import re
from typing import TextIO

from auditor.idioma import tr
from auditor.lectura.recorte import acortar
from auditor.lectura.visible import visible
from auditor.reglas.observacion import Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo
from auditor.salidas import para_personas, suprimidos

LIMITE_CITA = 80
LIMITE = 60_000  # GitHub refuses comments over 65 536 characters


_MENCION = re.compile(r"@(?=\w)")
_ENLACE_SUELTO = re.compile(r"://|(?i:\bwww)\.")


def celda(texto: str) -> str:
    texto = visible(" ".join(texto.split()))
    texto = texto.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    texto = texto.replace("\\", "\\\\").replace("|", "\\|").replace("](", "\\](").replace("![", "!\\[")
    texto = _ENLACE_SUELTO.sub(lambda m: ":\\/\\/" if m.group() == "://" else m.group()[:-1] + "\\.", texto)
    return _MENCION.sub("@&#8203;", texto)


def fila(f: Hallazgo) -> str:
    mensaje = f.mensaje + (f" «{acortar(f.texto, LIMITE_CITA)}»" if f.texto else "")
    if f.plan is not None:  # the second place
        mensaje += f" ({f.plan.descripcion()})"
    lugar = str(f.linea) + (f" ({f.ubicacion})" if f.ubicacion else "")  # the file is the table's heading
    valores = [lugar, f.severidad.etiqueta, f.regla, f.meta or "", para_personas.campo(f), mensaje]
    return "| " + " | ".join(celda(v) for v in valores) + " |"


# first line, invisible in a rendered comment: a bot finds its previous comment by it, and a directory walk skips the file
MARCA = "<!-- auditor -->"


def render(resultado: Resultado) -> str:
    cuenta = resultado.por_severidad()
    total = resultado.total_hallazgos
    if not total:
        return MARCA + "\n" + tr("### auditor: sin hallazgos\n\nMetas auditadas: {metas}; archivos: {archivos}.",
                                  metas=resultado.metas_auditadas, archivos=len(resultado.informes)) + "\n" + "".join(
            f"\n{linea}\n" for linea in suprimidos.lineas_resumen(resultado))
    lineas = [
        MARCA,
        tr("### auditor: hallazgos: {total} (errores: {errores}, advertencias: {advertencias}, info: {info})",
           total=total, errores=cuenta.get(Severidad.ERROR, 0), advertencias=cuenta.get(Severidad.WARNING, 0),
           info=cuenta.get(Severidad.INFO, 0)),
        "",
        tr("Metas con hallazgos: {con} de {metas} auditadas; archivos: {archivos}.",
           con=resultado.metas_con_hallazgos, metas=resultado.metas_auditadas, archivos=len(resultado.informes)),
        *(f"\n{linea}" for linea in suprimidos.lineas_resumen(resultado)),
    ]
    limpios = []
    for r in resultado.informes:
        if not r.hallazgos:
            limpios.append(visible(r.archivo))
            continue
        titulo = f"#### {celda(visible(r.archivo))}" + (f" — {celda(r.informe_nombre)}" if r.informe_nombre else "")
        lineas += ["", titulo, "", _cabecera(), "|---|---|---|---|---|---|"]
        lineas += [fila(f) for f in r.hallazgos]
    consejos = para_personas.que_hacer(resultado)
    if consejos:
        lineas += ["", "#### " + para_personas.titulo().rstrip(":"), ""] + [f"- **{regla}**: {celda(texto)}" for regla, texto in consejos]
    if limpios:
        lineas += ["", tr("Sin hallazgos: {archivos}.", archivos=", ".join(celda(a) for a in limpios))]
    return _recortar(lineas) + "\n"


def _cabecera() -> str:
    return "| " + " | ".join(tr("lugar|severidad|regla|meta|campo|mensaje").split("|")) + " |"


def _recortar(lineas: list[str], limite: int = LIMITE) -> str:
    """Keep the comment under GitHub's size limit: drop rows from the end and say how many were left out."""
    largo = sum(len(linea) + 1 for linea in lineas)
    if largo <= limite:
        return "\n".join(lineas)
    cabecera = _cabecera()
    fuera: set[int] = set()
    for i in reversed(range(len(lineas))):
        if largo + 200 <= limite:
            break
        if lineas[i].startswith("| ") and lineas[i] != cabecera:
            fuera.add(i)
            largo -= len(lineas[i]) + 1
    conservadas = [linea for i, linea in enumerate(lineas) if i not in fuera]
    conservadas += ["", tr("… y {n} hallazgos más que no caben en un comentario: vea el informe completo (por ejemplo, --format text o sarif).", n=len(fuera))]
    return "\n".join(conservadas)


def escribir(resultado: Resultado, destino: TextIO) -> None:
    """The same comment, written to `destino`."""
    destino.write(render(resultado))
