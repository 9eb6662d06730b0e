"""JUnit XML output: what a CI dashboard shows as tests.

One ``testsuite`` per report file; in it one ``testcase`` per (part of the report, rule family),
where the family is the letter prefix of the rule id (INV, PCT, CNT, ...) and the parts are the
report's general parts ("informe") and each meta, in document order. Every family the run applied
appears for every part, so the dashboard shows what was checked, not only what failed.

A testcase fails (``<failure>``) when it has an error or a warning; the failure lists each finding
(place, severity, rule, field, message, quoted text). Findings of severity info do not fail a test:
they are listed in the testcase's ``<system-out>``. No times (always 0): same input, same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TextIO

from auditor.idioma import tr
from auditor.lectura.visible import visible
from auditor.reglas.observacion import Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo
from auditor.resultado.informe import ResultadoInforme

_PREFIJO = re.compile(r"[A-Z]+")
_NO_XML = re.compile("[\ufffe\uffff]")  # not XML characters, and not controls (`visible` leaves them)


def familia(regla: str) -> str:
    coincidencia = _PREFIJO.match(regla)
    return coincidencia.group(0) if coincidencia else regla


def _limpio(texto: str) -> str:
    """XML 1.0 cannot carry control characters, and a CI log must not get them: they become visible escapes
    (`lectura.visible`; line breaks and tabs stay); U+FFFE and U+FFFF become U+FFFD."""
    return _NO_XML.sub("\ufffd", visible(texto, conservar="\n\t"))


def _linea(f: Hallazgo) -> str:
    campo = f"{visible(f.campo)}: " if f.campo else ""
    linea = f"{f.lugar}  {f.severidad.etiqueta}  {f.regla}  {campo}{visible(f.mensaje)}"
    if f.plan is not None:  # the second place
        linea += "\n    " + visible(f.plan.descripcion())
    if f.texto:
        linea += "\n    «" + visible(" ".join(f.texto.split())) + "»"
    return linea


def _suite(r: ResultadoInforme, familias: list[str]) -> ET.Element:
    grupos: dict[tuple[str | None, str], list[Hallazgo]] = defaultdict(list)
    for f in r.hallazgos:
        grupos[(f.meta, familia(f.regla))].append(f)
    partes: list[str | None] = [None, *(numero for numero, _ in r.metas)]
    # a finding on a meta the report does not list (should not happen) still gets its testcase
    partes += sorted({m for m, _ in grupos if m is not None and m not in partes})
    todas = sorted(set(familias) | {fam for _, fam in grupos})
    suite = ET.Element("testsuite", name=_limpio(visible(r.archivo)))
    if r.informe_nombre:
        propiedades = ET.SubElement(suite, "properties")
        ET.SubElement(propiedades, "property", name="informe", value=_limpio(r.informe_nombre))
    pruebas = fallas = 0
    for meta in partes:
        for fam in todas:
            hallazgos = grupos.get((meta, fam), [])
            nombre = tr("informe · {familia}", familia=fam) if meta is None else tr("meta {numero} · {familia}", numero=visible(meta), familia=fam)
            caso = ET.SubElement(suite, "testcase", classname=_limpio(visible(r.archivo)), name=_limpio(nombre), time="0")
            pruebas += 1
            graves = [f for f in hallazgos if f.severidad is not Severidad.INFO]
            leves = [f for f in hallazgos if f.severidad is Severidad.INFO]
            if graves:
                fallas += 1
                peor = max(graves, key=lambda f: f.severidad.rango).severidad
                falla = ET.SubElement(caso, "failure", type=peor.value, message=_limpio(
                    tr("{n} hallazgos", n=len(graves)) if len(graves) != 1 else tr("1 hallazgo")))
                falla.text = _limpio("\n".join(_linea(f) for f in graves))
            if leves:
                ET.SubElement(caso, "system-out").text = _limpio("\n".join(_linea(f) for f in leves))
    suite.set("tests", str(pruebas))
    suite.set("failures", str(fallas))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")
    return suite


def render(resultado: Resultado) -> str:
    familias = sorted({familia(rid) for rid in resultado.reglas})
    raiz = ET.Element("testsuites", name="auditor")
    for r in resultado.informes:
        raiz.append(_suite(r, familias))
    raiz.set("tests", str(sum(int(s.get("tests", "0")) for s in raiz)))
    raiz.set("failures", str(sum(int(s.get("failures", "0")) for s in raiz)))
    raiz.set("errors", "0")
    raiz.set("time", "0")
    ET.indent(raiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(raiz, encoding="unicode") + "\n"


def escribir(resultado: Resultado, destino: TextIO) -> None:
    """The same XML, written to `destino`."""
    destino.write(render(resultado))
