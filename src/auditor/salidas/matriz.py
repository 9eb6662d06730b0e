"""The completeness matrix (metas x template sections) as `auditor summary` prints it: rich, text, csv, json.

Pure functions of the audit result, like every reporter: same input, same bytes.  Reports that could
not be read have no matrix and are left out (`auditor summary` reports them as errors).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from auditor import __version__
from auditor.idioma import tr
from auditor.lectura.cifras import escribir_numero
from auditor.lectura.visible import codificable, visible
from auditor.reglas.completitud import (
    ESTADOS,
    SECCIONES,
    CompletitudInforme,
    Estado,
    FilaMeta,
    TotalSecretaria,
    por_secretaria,
    porcentaje_completo,
)
from auditor.reglas.emparejamiento import numero_normal, secretaria_en_el_plan
from auditor.resultado.ejecucion import Resultado
from auditor.salidas.json_flujo import json_valido
from auditor.salidas.protocolo import DeTexto, Salida

FORMATOS_MATRIZ = ("rich", "text", "csv", "json")
VERSION_FORMATO = 1

# a compact symbol per cell, readable without color
SIMBOLO = {Estado.HECHO: "✓", Estado.VACIO: "✗", Estado.PLANTILLA: "!", Estado.NO_APLICA: "–"}
ESTILO = {Estado.HECHO: "green", Estado.VACIO: "bold red", Estado.PLANTILLA: "bold yellow", Estado.NO_APLICA: "dim"}


def nombre_estado(estado: Estado) -> str:
    return {
        Estado.HECHO: tr("hecho"),
        Estado.VACIO: tr("vacío"),
        Estado.PLANTILLA: tr("plantilla"),
        Estado.NO_APLICA: tr("no aplica"),
    }[estado]


def explicacion_estado(estado: Estado) -> str:
    return {
        Estado.HECHO: tr("la sección tiene respuesta"),
        Estado.VACIO: tr("la sección está en blanco o sin el dato"),
        Estado.PLANTILLA: tr("quedó la instrucción de la plantilla o un relleno"),
        Estado.NO_APLICA: tr("el informe dice 'No aplica' o su plantilla no tiene la sección"),
    }[estado]


def leyenda() -> str:
    return tr("Leyenda: {items}", items=" · ".join(f"{SIMBOLO[e]} {nombre_estado(e)}" for e in ESTADOS))


def matrices(resultado: Resultado) -> list[tuple[str, str | None, CompletitudInforme]]:
    """(file, report name, matrix) of every report that was read; the file's name as every output shows it (`lectura.visible`)."""
    return [(visible(r.archivo), r.informe_nombre, r.completitud) for r in resultado.informes if r.completitud is not None]


def secretarias(resultado: Resultado) -> list[TotalSecretaria]:
    return por_secretaria((archivo, c) for archivo, _, c in matrices(resultado))


def texto_porcentaje(cuenta: Counter[Estado]) -> str:
    p = porcentaje_completo(cuenta)
    return "-" if p is None else f"{escribir_numero(p, 0)}%"


def _aplican(cuenta: Counter[Estado]) -> int:
    return sum(n for e, n in cuenta.items() if e is not Estado.NO_APLICA)


def _respondidas(cuenta: Counter[Estado]) -> str:
    return f"{cuenta.get(Estado.HECHO, 0)}/{_aplican(cuenta)}"


def texto_cuenta(cuenta: Counter[Estado]) -> str:
    return ", ".join(f"{cuenta.get(e, 0)} {nombre_estado(e)}" for e in ESTADOS)


def encabezados_cortos() -> list[str]:
    return [tr(s.corto) for s in SECCIONES]


# ---- the Plan Indicativo's metas per secretaría (summary --plan) -----------------------------------------------


@dataclass(frozen=True)
class MetaDelPlan:
    """A meta of the plan and where the run's reports give it: (file, the report's meta label) of each."""

    numero: str
    descripcion: str
    informada_en: tuple[tuple[str, str], ...]


def plan_por_secretaria(resultado: Resultado) -> list[tuple[str, list[MetaDelPlan]]]:
    """With a plan: per responsable of the plan (by name; '(sin responsable)' for its metas without one), its metas in the
    plan's order and which report metas of the run are each of them. Empty without a plan."""
    plan = resultado.plan_indicativo
    if plan is None:
        return []
    donde: dict[str, list[tuple[str, str]]] = {}
    for r in resultado.informes:
        if r.cotejo is not None:
            for numero, etiqueta in r.cotejo.metas:
                donde.setdefault(numero_normal(numero), []).append((visible(r.archivo), etiqueta))
    # a responsable however each row spells it ('Sec. Salud' is 'Secretaría de Salud y Protección Social'): its longest spelling
    grupos: dict[str, tuple[str, list[MetaDelPlan]]] = {}
    for m in plan.metas:
        nombre = m.responsable or tr("(sin responsable)")
        clave = secretaria_en_el_plan(plan, nombre)
        anterior, metas = grupos.get(clave, (nombre, []))
        grupos[clave] = (max(anterior, nombre, key=lambda n: (len(n), n == anterior)), metas)
        metas.append(MetaDelPlan(m.numero, m.descripcion, tuple(sorted(donde.get(numero_normal(m.numero), [])))))
    return [grupos[clave] for clave in sorted(grupos)]


def _informada(m: MetaDelPlan) -> str:
    if not m.informada_en:
        return tr("no informada")
    return ", ".join(tr("{archivo}, meta {meta}", archivo=a, meta=visible(e)) for a, e in m.informada_en)


def _titulo_plan(resultado: Resultado) -> str:
    assert resultado.plan_indicativo is not None
    return tr("Metas del Plan Indicativo por secretaría ({archivo}, hoja «{hoja}»)", archivo=visible(resultado.plan_indicativo.archivo),
              hoja=visible(resultado.plan_indicativo.hoja))


def _cuenta_plan(secretaria: str, metas: list[MetaDelPlan]) -> str:
    return tr("{secretaria}: {informadas} de {total} metas informadas", secretaria=visible(secretaria),
              informadas=sum(1 for m in metas if m.informada_en), total=len(metas))


def _imprimir_plan(resultado: Resultado, consola: Console) -> None:
    grupos = plan_por_secretaria(resultado)
    if not grupos:
        return
    consola.print()
    consola.print(Text(_titulo_plan(resultado), style="bold underline"))
    for secretaria, metas in grupos:
        consola.print(Text(_cuenta_plan(secretaria, metas), style="bold"))
        tabla = Table(show_header=True, header_style="bold", box=None, padding=(0, 1, 0, 0))
        tabla.add_column(tr("Meta"), justify="right")
        tabla.add_column("", justify="center")
        tabla.add_column(tr("Descripción"))
        tabla.add_column(tr("Informada en"))
        for m in metas:
            estado = Text(SIMBOLO[Estado.HECHO], style=ESTILO[Estado.HECHO]) if m.informada_en else Text(SIMBOLO[Estado.VACIO],
                                                                                                         style=ESTILO[Estado.VACIO])
            tabla.add_row(visible(m.numero), estado, visible(m.descripcion), _informada(m))
        consola.print(Padding(tabla, (0, 0, 0, 2)))


def _texto_plan(resultado: Resultado) -> list[str]:
    from tabulate import tabulate

    grupos = plan_por_secretaria(resultado)
    if not grupos:
        return []
    partes = [_titulo_plan(resultado)]
    for secretaria, metas in grupos:
        partes.append(_cuenta_plan(secretaria, metas))
        filas = [[visible(m.numero), SIMBOLO[Estado.HECHO] if m.informada_en else SIMBOLO[Estado.VACIO], visible(m.descripcion),
                  _informada(m)] for m in metas]
        partes.append(tabulate(filas, headers=[tr("Meta"), "", tr("Descripción"), tr("Informada en")], tablefmt="simple",
                               colalign=("right", "center", "left", "left")))
        partes.append("")
    return partes


def _plan_dict(resultado: Resultado) -> dict[str, Any]:
    assert resultado.plan_indicativo is not None
    return {
        "file": resultado.plan_indicativo.archivo, "sheet": resultado.plan_indicativo.hoja,
        "secretarias": [
            {"secretaria": secretaria, "reported": sum(1 for m in metas if m.informada_en), "metas_total": len(metas),
             "metas": [{"meta": m.numero, "description": m.descripcion,
                        "reported_in": [{"file": a, "meta": e} for a, e in m.informada_en]} for m in metas]}
            for secretaria, metas in plan_por_secretaria(resultado)
        ],
    }


# ---- rich and text -------------------------------------------------------------------------------------------


def _tabla_rich(c: CompletitudInforme) -> Table:
    tabla = Table(show_header=True, header_style="bold", box=None, padding=(0, 1, 0, 0), show_footer=True, footer_style="bold")
    tabla.add_column(tr("Meta"), justify="right", footer=tr("Total"))
    for corto in encabezados_cortos():
        tabla.add_column(corto, justify="center")
    cuenta = c.cuenta()
    tabla.add_column(tr("Resp."), justify="right", footer=_respondidas(cuenta))
    for fila in c.filas:
        tabla.add_row(visible(fila.numero), *[Text(SIMBOLO[e], style=ESTILO[e]) for e in fila.estados], _respondidas(fila.cuenta()))
    return tabla


def _tabla_secretarias_rich(totales: list[TotalSecretaria]) -> Table:
    tabla = Table(show_header=True, header_style="bold", box=None, padding=(0, 2, 0, 0))
    tabla.add_column(tr("Secretaría"))
    tabla.add_column(tr("Archivos"), justify="right")
    tabla.add_column(tr("Metas"), justify="right")
    for e in ESTADOS:
        tabla.add_column(SIMBOLO[e], justify="right", style=ESTILO[e])
    tabla.add_column(tr("Completo"), justify="right", style="bold")
    for t in totales:
        tabla.add_row(visible(t.secretaria), str(len(t.archivos)), str(t.metas), *[str(t.cuenta.get(e, 0)) for e in ESTADOS],
                      texto_porcentaje(t.cuenta))
    return tabla


def imprimir(resultado: Resultado, consola: Console) -> None:
    """Print the matrix of each report, then the totals per secretaría, on `consola` (the terminal, in color)."""
    for archivo, nombre, c in matrices(resultado):
        bloques: list[RenderableType] = [Text(archivo, style="bold")]
        if nombre:
            bloques.append(Text(visible(nombre), style="dim"))
        if c.filas:
            bloques.append(Padding(_tabla_rich(c), (0, 0, 0, 2)))
            bloques.append(Padding(Text(tr("{cuenta} · {porcentaje} completo", cuenta=texto_cuenta(c.cuenta()),
                                              porcentaje=texto_porcentaje(c.cuenta()))), (0, 0, 0, 2)))
        else:
            bloques.append(Padding(Text(tr("El informe no tiene metas.")), (0, 0, 0, 2)))
        consola.print(Group(*bloques))
        consola.print()
    consola.print(Text(tr("Totales por secretaría"), style="bold underline"))
    consola.print(_tabla_secretarias_rich(secretarias(resultado)))
    _imprimir_plan(resultado, consola)
    consola.print()
    consola.print(Text(leyenda(), style="dim"))
    consola.print(Text(tr("Completo: secciones respondidas sobre las que aplican."), style="dim"))


def render_texto_rich(resultado: Resultado, ancho: int = 100) -> str:
    """The rich matrix without color at a fixed width (for files)."""
    consola = Console(width=ancho, color_system=None, force_terminal=False, record=True, file=io.StringIO())
    imprimir(resultado, consola)
    return consola.export_text()


def render_text(resultado: Resultado) -> str:
    """Plain tables for logs: one per report, then the totals per secretaría, then the legend."""
    from tabulate import tabulate

    partes: list[str] = []
    for archivo, nombre, c in matrices(resultado):
        partes.append(archivo + (f" · {visible(nombre)}" if nombre else ""))
        filas = [[visible(f.numero), *[SIMBOLO[e] for e in f.estados], _respondidas(f.cuenta())] for f in c.filas]
        cuenta = c.cuenta()
        filas.append([tr("Total"), *[""] * len(SECCIONES), _respondidas(cuenta)])
        partes.append(tabulate(filas, headers=[tr("Meta"), *encabezados_cortos(), tr("Resp.")], tablefmt="simple",
                               colalign=("right", *["center"] * len(SECCIONES), "right")))
        partes.append(tr("{cuenta} · {porcentaje} completo", cuenta=texto_cuenta(cuenta), porcentaje=texto_porcentaje(cuenta)))
        partes.append("")
    partes.append(tr("Totales por secretaría"))
    filas_s = [[visible(t.secretaria), len(t.archivos), t.metas, *[t.cuenta.get(e, 0) for e in ESTADOS], texto_porcentaje(t.cuenta)]
               for t in secretarias(resultado)]
    partes.append(tabulate(filas_s, headers=[tr("Secretaría"), tr("Archivos"), tr("Metas"), *[nombre_estado(e) for e in ESTADOS],
                                             tr("Completo")], tablefmt="simple"))
    partes.append("")
    partes.extend(_texto_plan(resultado))
    partes.append(leyenda())
    partes.append(tr("Completo: secciones respondidas sobre las que aplican."))
    return visible("\n".join(partes), conservar="\n") + "\n"


# ---- csv and json --------------------------------------------------------------------------------------------


def render_csv(resultado: Resultado) -> str:
    """One row per (report, meta), one column per section; the cells are the stable codes (hecho, vacio, ...).

    Written for spreadsheets like the findings' CSV: a UTF-8 BOM, CRLF, no cell read as a formula; the
    header keeps the stable codes (they are column keys, the same in every language)."""
    from auditor.salidas.csv_filas import BOM, segura

    salida = io.StringIO()
    escritor = csv.writer(salida, lineterminator="\r\n")
    escritor.writerow(["archivo", "secretaria", "meta", "nombre", *[s.clave for s in SECCIONES], *[e.value for e in ESTADOS]])
    for archivo, _, c in matrices(resultado):
        for fila in c.filas:
            cuenta = fila.cuenta()
            escritor.writerow([segura(archivo), segura(codificable(c.secretaria)), segura(codificable(fila.numero)),
                               segura(codificable(fila.nombre)),
                               *[e.value for e in fila.estados], *[cuenta.get(e, 0) for e in ESTADOS]])
    return BOM + salida.getvalue()


def _cuenta_dict(cuenta: Counter[Estado]) -> dict[str, Any]:
    p = porcentaje_completo(cuenta)
    return {**{e.value: cuenta.get(e, 0) for e in ESTADOS}, "complete_percent": None if p is None else round(p, 1)}


def _fila_dict(fila: FilaMeta) -> dict[str, Any]:
    return {"meta": fila.numero, "name": fila.nombre, "sections": {s.clave: e.value for s, e in zip(SECCIONES, fila.estados, strict=True)}}


def documento(resultado: Resultado) -> dict[str, Any]:
    return {**_documento(resultado), **({"plan": _plan_dict(resultado)} if resultado.plan_indicativo is not None else {})}


def _documento(resultado: Resultado) -> dict[str, Any]:
    return {
        "version": VERSION_FORMATO,
        "tool": {"name": "auditor", "version": __version__},
        "states": [e.value for e in ESTADOS],
        "sections": [{"key": s.clave, "title": tr(s.nombre), "field": s.campo} for s in SECCIONES],
        "reports": [
            {"file": archivo, "report": nombre, "secretaria": c.secretaria, "template": c.plantilla,
             "metas": [_fila_dict(f) for f in c.filas], "totals": _cuenta_dict(c.cuenta())}
            for archivo, nombre, c in matrices(resultado)
        ],
        "secretarias": [
            {"secretaria": t.secretaria, "files": t.archivos, "metas": t.metas, "totals": _cuenta_dict(t.cuenta)}
            for t in secretarias(resultado)
        ],
    }


def render_json(resultado: Resultado) -> str:
    return json_valido(json.dumps(documento(resultado), ensure_ascii=False, indent=2)) + "\n"


# the formats of `auditor summary`, each a Salida (auditor.salidas.protocolo); rich is the matrix without color
FORMATOS: dict[str, Salida] = {
    "rich": DeTexto(render_texto_rich), "text": DeTexto(render_text), "csv": DeTexto(render_csv), "json": DeTexto(render_json),
}
