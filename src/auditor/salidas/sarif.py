"""SARIF 2.1.0 output: for GitHub code scanning and any tool that reads static-analysis results.

One run; ``tool.driver.rules`` lists every rule the run applied (sorted by id) with its
documentation and effective severity; each finding is a result pointing to its file and line,
with the quoted text as the region's snippet and the meta and field as logical locations.
Deterministic: same input, same bytes (no timestamps, no absolute paths but those given).

Each result carries the baseline's content fingerprint in ``partialFingerprints`` (files taken relative to the
project's root, `huellas.raiz`, so it does not change with the current directory), and the
suppressed findings are results too, with SARIF's ``suppressions`` (kind, status, justification):
viewers hide them, and nothing accepted is lost from the file.
"""

from __future__ import annotations

import re
from itertools import chain
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from auditor import __version__
from auditor.idioma import actual, plantilla, tr
from auditor.lectura.visible import a_bytes
from auditor.reglas.catalogo import Regla
from auditor.reglas.observacion import Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import EN_LINEA, Hallazgo, LugarEnPlan, Suprimido
from auditor.resultado.huellas import huella
from auditor.salidas.json_flujo import Flujo, como_texto, en_memoria, escribir_documento

ESQUEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
NIVEL = {Severidad.ERROR: "error", Severidad.WARNING: "warning", Severidad.INFO: "note"}
BASE = "%SRCROOT%"
HUELLA = "auditorContentHash/v1"  # file relative to the project's root (huellas.raiz), not the current directory
_MARCADOR = re.compile(r"\{\w*\}")


def _texto(texto: str) -> str:
    """A rule's documentation text in the run's language, on one line per paragraph."""
    return "\n\n".join(" ".join(parrafo.split()) for parrafo in plantilla(texto).split("\n\n") if parrafo.strip())


def uri(archivo: str) -> tuple[str, str | None]:
    """The artifact URI of a finding's file and its base id: relative paths stay relative to %SRCROOT%. A URI
    names the file's bytes: a byte that is not UTF-8 is percent-encoded as it is (``%FF``), as a newline (``%0A``)."""
    if archivo.startswith("/"):
        return "file://" + quote(a_bytes(archivo)), None
    ventanas = PureWindowsPath(archivo)
    if ventanas.drive:
        return "file:///" + quote(a_bytes(ventanas.as_posix())), None
    return quote(a_bytes(PurePosixPath(archivo.replace("\\", "/")).as_posix())), BASE


def regla_sarif(regla: Regla, severidad: Severidad, url_documentacion: str | None = None) -> dict[str, Any]:
    """A rule's descriptor: its whole help (what it checks, why, what to do, and its two examples) always, and
    `helpUri` only when the configuration says where its page is published (`url_documentacion:`)."""
    que, por_que = _texto(regla.doc.que_revisa), _texto(regla.doc.por_que)
    hacer = _texto(regla.doc.que_hacer) if regla.doc.que_hacer else ""
    falla, pasa = regla.doc.ejemplo_falla.rstrip(), regla.doc.ejemplo_pasa.rstrip()
    texto = tr("Qué revisa: {que}\n\nPor qué importa: {por_que}", que=que, por_que=por_que)
    markdown = tr("**Qué revisa.** {que}\n\n**Por qué importa.** {por_que}", que=que, por_que=por_que)
    if hacer:
        texto += "\n\n" + tr("Qué hacer: {hacer}", hacer=hacer)
        markdown += "\n\n" + tr("**Qué hacer.** {hacer}", hacer=hacer)
    texto += "\n\n" + tr("Ejemplo que se señala:\n{falla}\n\nEjemplo correcto:\n{pasa}", falla=falla, pasa=pasa)
    markdown += "\n\n" + tr("**Ejemplo que se señala.**\n\n```yaml\n{falla}\n```\n\n**Ejemplo correcto.**\n\n```yaml\n{pasa}\n```",
                             falla=falla, pasa=pasa)
    descriptor: dict[str, Any] = {
        "id": regla.id,
        "name": regla.nombre,
        "shortDescription": {"text": _MARCADOR.sub("…", plantilla(regla.mensaje))},
        "fullDescription": {"text": que},
        "help": {"text": texto, "markdown": markdown},
        "defaultConfiguration": {"level": NIVEL[severidad]},
        "properties": {"category": regla.categoria.value, "tags": [regla.categoria.value]},
    }
    if url_documentacion:
        descriptor["helpUri"] = url_documentacion.rstrip("/") + f"/{regla.id}.md"
    return descriptor


def _regla_desconocida(f: Hallazgo) -> dict[str, Any]:
    """A rule the result does not describe (a Resultado built by hand): its id, level and category."""
    return {
        "id": f.regla,
        "defaultConfiguration": {"level": NIVEL[f.severidad]},
        "properties": {"category": f.categoria.value, "tags": [f.categoria.value]},
    }


def resultado_sarif(f: Hallazgo, indice: int, suprimido: Suprimido | None = None, raiz: str | None = None) -> dict[str, Any]:
    """One result; a suppressed finding carries SARIF's `suppressions` (viewers hide it, nothing is lost).
    Its fingerprint takes the file relative to `raiz` (the run's, see huellas.raiz; None: the current directory)."""
    direccion, base = uri(f.archivo)
    artefacto: dict[str, Any] = {"uri": direccion}
    if base:
        artefacto["uriBaseId"] = base
    region: dict[str, Any] = {"startLine": max(f.linea, 1)}
    if f.texto:
        region["snippet"] = {"text": f.texto}
    ubicacion: dict[str, Any] = {"physicalLocation": {"artifactLocation": artefacto, "region": region}}
    logicas: list[dict[str, Any]] = []
    if f.meta is not None:
        logicas.append({"name": tr("meta {numero}", numero=f.meta), "kind": "module"})
    if f.campo:
        completo = f"{tr('meta {numero}', numero=f.meta)}/{f.campo}" if f.meta is not None else f.campo
        logicas.append({"name": f.campo, "fullyQualifiedName": completo, "kind": "member"})
    if logicas:
        ubicacion["logicalLocations"] = logicas
    propiedades: dict[str, Any] = {"category": f.categoria.value}
    if f.meta is not None:
        propiedades["meta"] = f.meta
    if f.campo:
        propiedades["field"] = f.campo
    if f.ubicacion:
        propiedades["location"] = f.ubicacion
    resultado: dict[str, Any] = {
        "ruleId": f.regla,
        "ruleIndex": indice,
        "level": NIVEL[f.severidad],
        "message": {"text": f.mensaje},
        "locations": [ubicacion],
        **({"relatedLocations": [ubicacion_en_plan(f.plan)]} if f.plan is not None else {}),
        # the content fingerprint of baselines (rule, file, meta, field, quoted text; never the line), so that
        # code-scanning tools follow a finding across edits as `--baseline` does
        "partialFingerprints": {HUELLA: huella(f, raiz if raiz is not None else Path.cwd())},
        "properties": propiedades,
    }
    if suprimido is not None:
        resultado["suppressions"] = [{
            "kind": "inSource" if suprimido.tipo == EN_LINEA else "external",
            "status": "accepted",
            "justification": f"{suprimido.motivo} ({suprimido.origen})" if suprimido.motivo else suprimido.origen,
        }]
    return resultado


def ubicacion_en_plan(plan: LugarEnPlan) -> dict[str, Any]:
    """The second place of a finding: the Plan Indicativo's file, with a message naming its sheet and row (a
    spreadsheet has no lines: the sheet, row and column also go in the location's properties)."""
    direccion, base = uri(plan.archivo)
    artefacto: dict[str, Any] = {"uri": direccion}
    if base:
        artefacto["uriBaseId"] = base
    return {
        "id": 1,
        "physicalLocation": {"artifactLocation": artefacto},
        "message": {"text": plan.descripcion()},
        "properties": {"sheet": plan.hoja, "row": plan.fila, "column": plan.columna},
    }


def _reglas(resultado: Resultado) -> dict[str, dict[str, Any]]:
    """Every rule the run applied, and any other rule a finding names (a Resultado built by hand)."""
    reglas: dict[str, dict[str, Any]] = {rid: regla_sarif(r, s, resultado.url_documentacion) for rid, (r, s) in resultado.reglas.items()}
    nombradas = {rid for cuentas in resultado.informes.cuentas() for rid in cuentas.reglas}
    if nombradas - reglas.keys():  # described from the first finding that names them
        for f in chain(resultado.hallazgos(), (s.hallazgo for s in resultado.suprimidos_en_orden())):
            reglas.setdefault(f.regla, _regla_desconocida(f))
    return reglas


def documento_en_flujo(resultado: Resultado) -> dict[str, Any]:
    """The log, its results read one report at a time as it is written (see `json_flujo`)."""
    reglas = _reglas(resultado)
    orden = sorted(reglas)
    indice = {rid: i for i, rid in enumerate(orden)}
    # each report's suppressed findings are sorted, and reports come in file order: together, sorted by place
    suprimidos = (s for r in resultado.informes for s in sorted(r.suprimidos, key=lambda s: s.hallazgo.clave_orden()))
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "auditor",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [reglas[rid] for rid in orden],
        }},
        "originalUriBaseIds": {BASE: {"description": {"text": tr("el directorio desde el que se ejecutó auditor")}}},
        "language": actual(),
        "results": Flujo(chain((resultado_sarif(f, indice[f.regla], raiz=resultado.raiz) for f in resultado.hallazgos()),
                               (resultado_sarif(s.hallazgo, indice[s.hallazgo.regla], s, resultado.raiz) for s in suprimidos))),
    }
    return {"$schema": ESQUEMA, "version": "2.1.0", "runs": [run]}


def documento(resultado: Resultado) -> dict[str, Any]:
    """The whole log in memory (for a library caller)."""
    documento: dict[str, Any] = en_memoria(documento_en_flujo(resultado))
    return documento


def escribir(resultado: Resultado, salida: TextIO) -> None:
    """The same bytes as ``json.dumps(documento(resultado), indent=2)``, one report's findings in memory at a time."""
    escribir_documento(documento_en_flujo(resultado), salida)


def render(resultado: Resultado) -> str:
    return como_texto(documento_en_flujo(resultado))
