"""HTML report for the planning office: one self-contained page (inline CSS; no script, font or image).

At the top the summary with a traffic light (semáforo) per report and per meta by the worst severity of its
findings: red (errors), amber (warnings), green (neither).  Then the completeness matrix (metas x template
sections) and the findings per secretaría, report and meta, each with its place, severity, rule, field,
message and quoted text.  Every color also has a text label; every text from a report is escaped
(control characters shown as `lectura.visible` writes them).
Same input, same bytes: nothing depends on the clock or the machine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape
from itertools import groupby
from typing import TextIO

from auditor import __version__
from auditor.idioma import actual, diferida, plantilla, tr
from auditor.lectura.visible import sin_comandos, visible
from auditor.reglas.completitud import ESTADOS, SECCIONES, CompletitudInforme, Estado
from auditor.reglas.observacion import Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo
from auditor.resultado.informe import ResultadoInforme
from auditor.salidas import para_personas, suprimidos
from auditor.salidas.matriz import SIMBOLO, explicacion_estado, nombre_estado, secretarias, texto_cuenta, texto_porcentaje

ROJO, AMBAR, VERDE = "rojo", "ambar", "verde"
COLOR = {ROJO: "#c62828", AMBAR: "#f9a825", VERDE: "#2e7d32"}

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1f2328;background:#fff;line-height:1.45}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.3rem;margin:32px 0 12px;border-bottom:2px solid #d0d7de;padding-bottom:4px}
h3{font-size:1.1rem;margin:24px 0 8px}
h4{font-size:1rem;margin:18px 0 6px}
.sub{color:#57606a;margin:0}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.cifras{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.cifra{border-radius:8px;padding:10px 16px;min-width:150px;border:1px solid #d0d7de}
.cifra .n{display:block;font-size:1.8rem;font-weight:700}
.s-rojo{background:#c62828;color:#fff;border-color:#c62828}
.s-ambar{background:#f9a825;color:#1f2328;border-color:#f9a825}
.s-verde{background:#2e7d32;color:#fff;border-color:#2e7d32}
.s-info{background:#e7f0fb;color:#0b3d91;border-color:#9cc0ee}
.semaforo{display:inline-block;border-radius:999px;padding:1px 10px;font-size:.85rem;font-weight:600;white-space:nowrap}
.barra{display:flex;height:34px;border-radius:6px;overflow:hidden;margin:8px 0 4px;border:1px solid #d0d7de}
.barra span{display:flex;align-items:center;justify-content:center;font-weight:600;font-size:.9rem;white-space:nowrap;overflow:hidden}
table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.num{text-align:right;white-space:nowrap}
table.informes{width:100%}
td.corta{width:1%;white-space:nowrap}
.lugar{overflow-wrap:anywhere}
table.informes td:nth-child(2){width:50%}
.matriz td.c{text-align:center;font-weight:700;min-width:2.4em}
.e-hecho{background:#e6f4ea;color:#1e6b2b}
.e-vacio{background:#fde7e9;color:#b3261e}
.e-plantilla{background:#fff4d6;color:#7a4d00}
.e-no_aplica{background:#f1f3f5;color:#6a737d}
.leyenda span{display:inline-block;margin-right:14px}
.leyenda b{display:inline-block;width:1.8em;text-align:center;border:1px solid #d0d7de;border-radius:4px}
ul.hallazgos{list-style:none;padding:0;margin:0}
.hallazgo{border-left:6px solid #d0d7de;padding:6px 10px;margin:6px 0;background:#fafbfc}
.hallazgo.sev-error{border-left-color:#c62828}
.hallazgo.sev-warning{border-left-color:#f9a825}
.hallazgo.sev-info{border-left-color:#6c9bd2}
.hallazgo p{margin:4px 0}
.lugar{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88rem}
.regla{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:600}
.campo{color:#8250df}
.que-hacer{margin:.2em 0}
details.regla-doc{font-size:.9em;color:#57606a}
details.regla-doc summary{cursor:pointer}
blockquote{margin:4px 0 2px;padding:4px 10px;border-left:3px solid #d0d7de;color:#57606a;font-style:italic;white-space:pre-wrap}
.limpio{color:#2e7d32;margin:4px 0}
footer{color:#57606a;font-size:.85rem;margin-top:40px;border-top:1px solid #d0d7de;padding-top:8px}
@media print{main{max-width:none;padding:0}.hallazgo,tr{break-inside:avoid}}
"""


def _e(texto: object) -> str:
    """A text for the page: control characters as visible escapes (line breaks and tabs are white space here), then HTML."""
    return escape(sin_comandos(visible(str(texto), conservar="\n\t")), quote=True)  # no line of the page starts with '::'


def _nombre_severidad(severidad: Severidad, cuantas: int) -> str:
    return {
        Severidad.ERROR: tr("error") if cuantas == 1 else tr("errores"),
        Severidad.WARNING: tr("advertencia") if cuantas == 1 else tr("advertencias"),
        Severidad.INFO: tr("info"),
    }[severidad]


def semaforo(findings: Iterable[Hallazgo]) -> str:
    """Red with any error, amber with any warning, green otherwise (info alone does not color)."""
    severidades = {f.severidad for f in findings}
    if Severidad.ERROR in severidades:
        return ROJO
    if Severidad.WARNING in severidades:
        return AMBAR
    return VERDE


def _etiqueta_semaforo(color: str) -> str:
    return {ROJO: tr("Rojo: con errores"), AMBAR: tr("Ámbar: con advertencias"), VERDE: tr("Verde: sin errores ni advertencias")}[color]


def _insignia(color: str) -> str:
    return f'<span class="semaforo s-{color}">{_e(_etiqueta_semaforo(color))}</span>'


def _semaforos_metas(r: ResultadoInforme) -> list[tuple[str, str, str]]:
    """(number, name, color) of every meta audited in a report."""
    por_meta: dict[str, list[Hallazgo]] = {}
    for f in r.hallazgos:
        if f.meta is not None:
            por_meta.setdefault(f.meta, []).append(f)
    return [(numero, nombre, semaforo(por_meta.get(numero, []))) for numero, nombre in r.metas]


def _nombre_informe(r: ResultadoInforme) -> str:
    return r.informe_nombre or tr("(no se pudo leer como informe)")


def _en_orden(resultado: Resultado) -> list[tuple[int, ResultadoInforme]]:
    """The reports numbered as the page's anchors, in the one order the page shows them everywhere (summary,
    matrix, body): by secretaría, those that could not be read last."""
    return sorted(enumerate(resultado.informes, 1), key=lambda ir: (_secretaria(ir[1]) == _sin_leer(), _secretaria(ir[1]), ir[0]))


def _sin_leer() -> str:
    return tr("Archivos que no se pudieron leer")


def _secretaria(r: ResultadoInforme) -> str:
    return r.completitud.secretaria if r.completitud is not None else _sin_leer()


def _resumen(resultado: Resultado) -> list[str]:
    total = resultado.total_hallazgos
    cuenta = resultado.por_severidad()
    partes = [
        '<section id="resumen" aria-labelledby="t-resumen">',
        f'<h2 id="t-resumen">{_e(tr("Resumen"))}</h2>',
        '<div class="cifras">',
        f'<div class="cifra"><span class="n">{total}</span>{_e(tr("hallazgos") if total != 1 else tr("hallazgo"))}</div>',
    ]
    clases = {Severidad.ERROR: "s-rojo", Severidad.WARNING: "s-ambar", Severidad.INFO: "s-info"}
    for s in Severidad:
        n = cuenta.get(s, 0)
        partes.append(f'<div class="cifra {clases[s]}"><span class="n">{n}</span>{_e(_nombre_severidad(s, n))}</div>')
    partes.append("</div>")
    partes.append(f'<p>{_e(tr("Metas con hallazgos: {con} de {total} auditadas", con=resultado.metas_con_hallazgos, total=resultado.metas_auditadas))}</p>')
    partes.extend(f'<p class="suprimidos">{_e(linea)}</p>' for linea in suprimidos.lineas_resumen(resultado))

    colores = Counter(color for r in resultado.informes for _, _, color in _semaforos_metas(r))
    metas = sum(colores.values())
    if metas:
        etiqueta = tr("Semáforo de las metas: {rojo} en rojo, {ambar} en ámbar, {verde} en verde",
                      rojo=colores.get(ROJO, 0), ambar=colores.get(AMBAR, 0), verde=colores.get(VERDE, 0))
        partes.append(f"<p><strong>{_e(etiqueta)}</strong></p>")
        partes.append('<div class="barra" aria-hidden="true">')
        for color in (ROJO, AMBAR, VERDE):
            n = colores.get(color, 0)
            if n:
                partes.append(f'<span class="s-{color}" style="flex:{n}">{n}</span>')
        partes.append("</div>")

    partes.append(f'<h3>{_e(tr("Semáforo por informe"))}</h3>')
    partes.append('<table class="informes"><thead><tr>')
    for titulo in (tr("Semáforo"), tr("Informe"), _nombre_severidad(Severidad.ERROR, 2),
                   _nombre_severidad(Severidad.WARNING, 2), _nombre_severidad(Severidad.INFO, 2), tr("Metas en rojo / ámbar / verde"),
                   tr("Completitud")):
        partes.append(f'<th scope="col">{_e(titulo)}</th>')
    partes.append("</tr></thead><tbody>")
    for i, r in _en_orden(resultado):
        c = Counter(f.severidad for f in r.hallazgos)
        m = Counter(color for _, _, color in _semaforos_metas(r))
        completo = texto_porcentaje(r.completitud.cuenta()) if r.completitud is not None else "-"
        partes.append(
            f'<tr><td class="corta">{_insignia(semaforo(r.hallazgos))}</td>'
            f'<td><a href="#informe-{i}">{_e(_nombre_informe(r))}</a><br><span class="lugar sub">{_e(visible(r.archivo))}</span></td>'
            + "".join(f'<td class="num">{c.get(s, 0)}</td>' for s in Severidad)
            + f'<td class="num">{m.get(ROJO, 0)} / {m.get(AMBAR, 0)} / {m.get(VERDE, 0)}</td>'
            f'<td class="num">{_e(completo)}</td></tr>'
        )
    partes.append("</tbody></table>")
    partes.append(f'<p class="sub">{_e(tr(_QUE_MIDE))}</p>')
    partes.append("</section>")
    return partes


_QUE_MIDE = diferida("El semáforo dice si hay errores o advertencias; la completitud, qué parte de las secciones de la plantilla "
                     "tiene respuesta (sin contar las que no aplican). Un informe puede responderlo casi todo y estar en rojo: "
                     "una sección respondida puede tener una cifra que no cuadra o una fecha fuera del periodo.")


def _leyenda() -> str:
    items = "".join(
        f'<span><b class="e-{e.value}" aria-hidden="true">{SIMBOLO[e]}</b> {_e(nombre_estado(e))}: {_e(explicacion_estado(e))}</span>'
        for e in ESTADOS
    )
    return f'<p class="leyenda">{items}</p>'


def _tabla_matriz(c: CompletitudInforme) -> list[str]:
    partes = ['<table class="matriz"><thead><tr>', f'<th scope="col">{_e(tr("Meta"))}</th>']
    for s in SECCIONES:
        partes.append(f'<th scope="col" title="{_e(tr(s.nombre))}">{_e(tr(s.corto))}</th>')
    partes.append(f'<th scope="col">{_e(tr("Respondidas"))}</th></tr></thead><tbody>')
    for fila in c.filas:
        cuenta = fila.cuenta()
        aplican = sum(n for e, n in cuenta.items() if e is not Estado.NO_APLICA)
        partes.append(f'<tr><th scope="row" title="{_e(fila.nombre)}">{_e(fila.numero)}</th>')
        for s, e in zip(SECCIONES, fila.estados, strict=True):
            titulo = f"{tr(s.nombre)}: {nombre_estado(e)}"
            partes.append(f'<td class="c e-{e.value}" title="{_e(titulo)}"><span aria-hidden="true">{SIMBOLO[e]}</span>'
                          f'<span class="sr">{_e(nombre_estado(e))}</span></td>')
        partes.append(f'<td class="num">{cuenta.get(Estado.HECHO, 0)}/{aplican}</td></tr>')
    partes.append("</tbody></table>")
    total = c.cuenta()
    partes.append(f"<p>{_e(tr('{cuenta} · {porcentaje} completo', cuenta=texto_cuenta(total), porcentaje=texto_porcentaje(total)))}</p>")
    return partes


def _matriz(resultado: Resultado) -> list[str]:
    partes = [
        '<section id="completitud" aria-labelledby="t-completitud">',
        f'<h2 id="t-completitud">{_e(tr("Completitud: secciones de la plantilla por meta"))}</h2>',
        _leyenda(),
    ]
    totales = secretarias(resultado)
    if totales:
        partes.append(f'<h3>{_e(tr("Totales por secretaría"))}</h3>')
        partes.append('<table class="secretarias"><thead><tr>')
        for titulo in (tr("Secretaría"), tr("Archivos"), tr("Metas"), *[nombre_estado(e) for e in ESTADOS], tr("Completo")):
            partes.append(f'<th scope="col">{_e(titulo)}</th>')
        partes.append("</tr></thead><tbody>")
        for t in totales:
            partes.append(f"<tr><td>{_e(t.secretaria)}</td><td class=\"num\">{len(t.archivos)}</td><td class=\"num\">{t.metas}</td>"
                          + "".join(f'<td class="num">{t.cuenta.get(e, 0)}</td>' for e in ESTADOS)
                          + f'<td class="num">{_e(texto_porcentaje(t.cuenta))}</td></tr>')
        partes.append("</tbody></table>")
        partes.append(f'<p class="sub">{_e(tr("Completo: secciones respondidas sobre las que aplican."))}</p>')
    for _, r in _en_orden(resultado):
        if r.completitud is None:
            continue
        partes.append(f"<h3>{_e(_nombre_informe(r))} <span class=\"lugar\">{_e(visible(r.archivo))}</span></h3>")
        if r.completitud.filas:
            partes.extend(_tabla_matriz(r.completitud))
        else:
            partes.append(f"<p>{_e(tr('El informe no tiene metas.'))}</p>")
    partes.append("</section>")
    return partes


def _errores_primero(hallazgos: list[Hallazgo]) -> list[Hallazgo]:
    """Within a meta (or the report's general parts): errors, then warnings, then info; each by its place."""
    return sorted(hallazgos, key=lambda f: (-f.severidad.rango, f.clave_orden()))


def _explicacion(f: Hallazgo, resultado: Resultado) -> str:
    """What to do, then the rule's explanation folded in a details element (the page stays self-contained)."""
    regla = resultado.reglas.get(f.regla, (None, None))[0]
    if regla is None:
        return ""
    que_hacer = (f'<p class="que-hacer"><strong>{_e(tr("Qué hacer:"))}</strong> {_e(plantilla(regla.doc.que_hacer))}</p>'
                 if regla.doc.que_hacer else "")
    return (que_hacer + f'<details class="regla-doc"><summary>{_e(tr("Qué revisa {regla} y por qué importa", regla=regla.id))}</summary>'
            f"<p>{_e(plantilla(regla.doc.que_revisa))}</p><p>{_e(plantilla(regla.doc.por_que))}</p></details>")


def _hallazgo(f: Hallazgo, resultado: Resultado | None = None) -> str:
    cabeza = (f'<span class="semaforo {("s-rojo", "s-ambar", "s-info")[list(Severidad).index(f.severidad)]}">'
              f"{_e(_nombre_severidad(f.severidad, 1))}</span> "
              f'<span class="regla">{_e(f.regla)}</span> '
              f'<span class="lugar">{_e(f.lugar)}</span>')
    if f.campo:
        cabeza += f' <span class="campo">{_e(para_personas.campo(f))}</span>'
    cita = f"<blockquote>{_e(f.texto)}</blockquote>" if f.texto else ""
    explicacion = _explicacion(f, resultado) if resultado is not None else ""
    plan = (f'<p class="plan lugar" title="{_e(visible(f.plan.archivo))}">{_e(f.plan.descripcion())}</p>'
            if f.plan is not None else "")  # the second place: the plan's sheet and row
    return f'<li class="hallazgo sev-{f.severidad.value}"><div>{cabeza}</div><p>{_e(f.mensaje)}</p>{plan}{cita}{explicacion}</li>'


def _informe(i: int, r: ResultadoInforme, resultado: Resultado) -> list[str]:
    partes = [
        f'<article id="informe-{i}">',
        f"<h3>{_insignia(semaforo(r.hallazgos))} {_e(_nombre_informe(r))}</h3>",
        f'<p class="sub lugar">{_e(visible(r.archivo))}</p>',
    ]
    generales = [f for f in r.hallazgos if f.meta is None]
    if generales:
        titulo = tr("Informe (partes generales)") if r.informe_nombre else tr("Archivo")
        partes.append(f"<h4>{_e(titulo)}</h4>")
        partes.append('<ul class="hallazgos">' + "".join(_hallazgo(f, resultado) for f in _errores_primero(generales)) + "</ul>")
    por_meta = {meta: list(g) for meta, g in groupby(sorted((f for f in r.hallazgos if f.meta is not None),
                                                              key=lambda f: (f.meta or "", f.linea)), key=lambda f: f.meta)}
    for numero, nombre, color in _semaforos_metas(r):
        partes.append(f'<h4>{_insignia(color)} {_e(tr("Meta {numero}", numero=numero))} · {_e(nombre)}</h4>')
        hallazgos = _errores_primero(por_meta.get(numero, []))
        if hallazgos:
            partes.append('<ul class="hallazgos">' + "".join(_hallazgo(f, resultado) for f in hallazgos) + "</ul>")
        else:
            partes.append(f'<p class="limpio">{_e(tr("Sin hallazgos."))}</p>')
    auditadas = {numero for numero, _ in r.metas}
    for numero, hallazgos in por_meta.items():  # a meta the report lacks (one of the plan it omits): its findings too
        if numero is not None and numero not in auditadas:
            partes.append(f'<h4>{_insignia(semaforo(hallazgos))} {_e(tr("Meta {numero}", numero=numero))} · '
                          f'{_e(tr("no está en el informe"))}</h4>')
            partes.append('<ul class="hallazgos">' + "".join(_hallazgo(f, resultado) for f in _errores_primero(hallazgos)) + "</ul>")
    partes.append("</article>")
    return partes


def _hallazgos(resultado: Resultado) -> list[str]:
    partes = ['<section id="hallazgos" aria-labelledby="t-hallazgos">', f'<h2 id="t-hallazgos">{_e(tr("Hallazgos por secretaría"))}</h2>']
    for secretaria, grupo in groupby(_en_orden(resultado), key=lambda ir: _secretaria(ir[1])):
        partes.append(f'<section class="secretaria"><h2>{_e(secretaria)}</h2>')
        for i, r in grupo:
            partes.extend(_informe(i, r, resultado))
        partes.append("</section>")
    partes.append("</section>")
    return partes


def _generado(archivos: int) -> str:
    if archivos == 1:
        return tr("Generado por auditor {version} a partir de 1 archivo.", version=__version__)
    return tr("Generado por auditor {version} a partir de {archivos} archivos.", version=__version__, archivos=archivos)


def render(resultado: Resultado) -> str:
    titulo = tr("Auditoría de los informes de rendición de cuentas")
    partes = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(actual())}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="auditor {_e(__version__)}">',
        f"<title>{_e(titulo)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(titulo)}</h1>",
        f'<p class="sub">{_e(_generado(len(resultado.informes)))}</p>',
        *_resumen(resultado),
        *_matriz(resultado),
        *_hallazgos(resultado),
        f'<footer>{_e(tr("Cada color lleva su texto: rojo, con errores; ámbar, con advertencias; verde, sin errores ni advertencias (puede tener info)."))}</footer>',
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(partes) + "\n"


def escribir(resultado: Resultado, destino: TextIO) -> None:
    """The same page, written to `destino`."""
    destino.write(render(resultado))
