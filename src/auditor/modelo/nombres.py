"""The template's own words for each field of the data: the one place where a field path becomes what a reviewer reads.

A finding names its field by path (``ejecucion.como``, ``localizacion.municipios[5]``,
``totales[1].inversion.monto``): machine formats keep it, since a program matches on it. A person reads
the template instead: the question of the section ("¿Cómo se hizo?"), its heading ("Localización"), and
which element of a list (municipality 6, photo 3, summary line of axis 2).

- `SECCIONES`: each section of the template by the field it reads, in the template's order, with its
  heading (the completeness matrix's columns);
- `nombre`: how an output for people names a field (a heading, with the element of a list);
- `en_frase`: how a rule's message names a field inside a sentence («¿Cómo se hizo?», 'el impacto', «Inversión
  ejecutada»): a message for people never shows the field path.

Every text is Spanish and is shown through `auditor.idioma` (the run's language).
"""

from __future__ import annotations

import re

from auditor.idioma import diferida, tr

# The template's sections, by the field each reads: (field, heading, short heading for narrow tables).
SECCIONES: tuple[tuple[str, str, str], ...] = (
    ("logro", diferida("¿Qué se hizo?"), diferida("Logro")),
    ("avance_cuatrienio", diferida("Cumplimiento y avance (%)"), diferida("Avance")),
    ("inversion", diferida("¿Cuánto se invirtió?"), diferida("Inver.")),
    ("beneficiarios", diferida("¿Qué población se atendió?"), diferida("Benef.")),
    ("ejecucion.como", diferida("¿Cómo se hizo?"), diferida("Cómo")),
    ("ejecucion.con_quien", diferida("¿Con quién se ejecutó?"), diferida("Quién")),
    ("ejecucion.cuando", diferida("¿Cuándo se realizó?"), diferida("Cuándo")),
    ("impacto", diferida("Impacto"), diferida("Impac.")),
    ("localizacion", diferida("Localización"), diferida("Lugar")),
    ("registro_fotografico", diferida("Registro fotográfico"), diferida("Fotos")),
)
_TITULO = {campo: titulo for campo, titulo, _ in SECCIONES}

# Fields that are not a section of their own, or a part of one that the heading alone would hide; {n} is the
# element's number as a person counts (the first is 1). Tried in order, before the section's heading.
_PARTES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(patron), texto) for patron, texto in (
    (r"logro\.texto", diferida("¿Qué se hizo?")),
    (r"logro\.(cantidad|unidad)", diferida("¿Qué se hizo? (cantidad lograda)")),
    (r"cumplimiento_periodo", diferida("Cumplimiento del periodo (%)")),
    (r"avance_cuatrienio", diferida("Avance del cuatrienio (%)")),
    (r"programado_periodo", diferida("Programado para el periodo")),
    (r"meta_cuatrienio(\..*)?", diferida("Meta cuatrienio")),
    (r"inversion\.ejecutada", diferida("Inversión ejecutada")),
    (r"inversion\.programada", diferida("Inversión programada")),
    (r"inversion\.fuentes\[(\d+)\]", diferida("Fuentes de la inversión (fuente {n})")),
    (r"beneficiarios\.(total|unidad)", diferida("¿Qué población se atendió? (total de beneficiarios)")),
    (r"beneficiarios\.grupos\[(\d+)\].*", diferida("¿Qué población se atendió? (grupo {n})")),
    (r"localizacion\.texto", diferida("Localización (¿Dónde se intervino?)")),
    (r"localizacion\.municipios\[(\d+)\]", diferida("Localización (municipio {n})")),
    (r"registro_fotografico\[(\d+)\]", diferida("Registro fotográfico (foto {n})")),
    (r"numero", diferida("Número de la meta")),
    (r"codigo", diferida("Código de la meta")),
    (r"nombre", diferida("Nombre de la meta")),
    (r"eje", diferida("Eje de la meta")),
    (r"totales\[(\d+)\]\.inversion_programada(\..*)?", diferida("Resumen del eje {n}: inversión programada")),
    (r"totales\[(\d+)\]\.inversion(\..*)?", diferida("Resumen del eje {n}: inversión")),
    (r"totales\[(\d+)\]\.beneficiarios(\..*)?", diferida("Resumen del eje {n}: beneficiarios")),
    (r"totales\[(\d+)\].*", diferida("Resumen del eje {n}")),
    (r"tabla_pdd\.filas\[(\d+)\].*", diferida("Cumplimiento por nivel del PDD (fila {n})")),
    (r"tabla_pdd(\..*)?", diferida("Cumplimiento por nivel del PDD")),
    (r"indicadores_resultado\.filas\[(\d+)\].*", diferida("Indicadores de resultado (fila {n})")),
    (r"indicadores_resultado(\..*)?", diferida("Indicadores de resultado")),
    (r"fecha_corte", diferida("Fecha de corte")),
    (r"secretaria", diferida("Secretaría")),
    (r"numeracion_metas", diferida("Numeración de las metas")),
    (r"departamento", diferida("Departamento")),
    (r"metas_anunciadas(\[\d+\])?", diferida("Metas que anuncia el informe")),
    (r"periodo(\..*)?", diferida("Periodo del informe")),
    (r"plan(\..*)?", diferida("Plan de Desarrollo")),
    (r"(.*\.)?suprimir\[(\d+)\].*", diferida("Supresión {n}")),
))

# How a message names a field of prose inside a sentence: the question between «», or the heading with its article.
_EN_FRASE = {
    "logro.texto": diferida("«¿Qué se hizo?»"),
    "ejecucion.como": diferida("«¿Cómo se hizo?»"),
    "ejecucion.con_quien": diferida("«¿Con quién se ejecutó?»"),
    "ejecucion.cuando": diferida("«¿Cuándo se realizó?»"),
    "impacto": diferida("el impacto"),
    "beneficiarios.descripcion": diferida("«¿Qué población se atendió?»"),
    "inversion.texto": diferida("«¿Cuánto se invirtió?»"),
    "localizacion.texto": diferida("«¿Dónde se intervino?»"),
}


def nombre(campo: str) -> str:
    """The template's words for `campo` (a finding's field path), in the run's language; the path itself when
    the template has no name for it."""
    for patron, texto in _PARTES:
        encontrado = patron.fullmatch(campo)
        if encontrado:
            numeros = [g for g in encontrado.groups() if g is not None and g.isdigit()]
            return tr(texto, n=int(numeros[-1]) + 1) if numeros else tr(texto)
    partes = campo.split(".")
    for cuantas in range(len(partes), 0, -1):  # the section that holds it: 'ejecucion.como', 'beneficiarios'
        titulo = _TITULO.get(".".join(partes[:cuantas]))
        if titulo is not None:
            return tr(titulo)
    return campo


def en_frase(campo: str) -> str:
    """How a sentence names a field: «¿Cómo se hizo?», 'el registro fotográfico (foto 3)', and any other as its
    name between «» («Inversión ejecutada»), in the run's language."""
    if campo.startswith("registro_fotografico["):
        return tr("el registro fotográfico (foto {n})", n=int(campo[len("registro_fotografico["):-1]) + 1)
    texto = _EN_FRASE.get(campo)
    return tr(texto) if texto is not None else f"«{nombre(campo)}»"
