"""The terminal report: grouped by report and meta, severity in color, place, field, quote."""

from __future__ import annotations

import io
from itertools import groupby
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from auditor.idioma import tr
from auditor.lectura.recorte import acortar
from auditor.lectura.visible import sin_comandos
from auditor.lectura.visible import visible as _visible
from auditor.reglas.observacion import Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo
from auditor.resultado.informe import ResultadoInforme
from auditor.salidas import para_personas, suprimidos
from auditor.salidas.resumen import NOMBRES_CATEGORIA, archivos, hallazgos, nombre_severidad


def visible(texto: str, conservar: str = "") -> str:
    """Report text as rich shows it: control characters escaped (`lectura.visible`), and no word that a wrapped
    line would start with '::' (a GitHub Actions command in a CI log)."""
    return sin_comandos(_visible(texto, conservar))


ESTILO = {Severidad.ERROR: "bold red", Severidad.WARNING: "yellow", Severidad.INFO: "cyan"}


LIMITE_CITA = 160


def _hallazgo(f: Hallazgo) -> RenderableType:
    cabeza = Text.assemble(
        (f.lugar, "bold"), "  ", (f.severidad.etiqueta, ESTILO[f.severidad]), "  ", (f.regla, "dim"),
    )
    mensaje = Text.assemble((f"{visible(para_personas.campo(f))}: ", "magenta") if f.campo else "", visible(f.mensaje))
    partes: list[RenderableType] = [cabeza, Padding(mensaje, (0, 0, 0, 2))]
    if f.plan is not None:  # the second place: the plan's sheet and row the report contradicts
        partes.append(Padding(Text(visible(f.plan.descripcion()), style="blue"), (0, 0, 0, 2)))
    if f.texto:
        partes.append(Padding(Text(f"«{visible(acortar(f.texto, LIMITE_CITA))}»", style="italic dim"), (0, 0, 0, 2)))
    return Group(*partes)


def _informe(r: ResultadoInforme) -> list[RenderableType]:
    bloques: list[RenderableType] = [
        Rule(style="blue"),
        Text(visible(r.archivo), style="bold"),
        Text(visible(r.informe_nombre or tr("(no se pudo leer como informe)")), style="dim"),
    ]
    if not r.hallazgos:
        texto = (tr("Sin hallazgos en {n} metas ({suprimidos} suprimidos).", n=len(r.metas), suprimidos=len(r.suprimidos))
                 if r.suprimidos else tr("Sin hallazgos en {n} metas.", n=len(r.metas)))  # accepted findings are not hidden
        bloques.append(Padding(Text(texto, style="green"), (0, 0, 1, 2)))
        return bloques
    nombres = dict(r.metas)
    for meta, grupo in groupby(sorted(r.hallazgos, key=lambda f: (f.meta is not None, f.linea)), key=lambda f: f.meta):
        if meta is None:
            general = tr("Informe (partes generales)") if r.informe_nombre else tr("Archivo")
            encabezado = Text(general, style="bold underline")
        else:
            nombre = nombres.get(meta)  # None: a meta the report lacks (one of the plan it omits)
            encabezado = Text.assemble((visible(tr("Meta {numero}", numero=meta)), "bold underline"),
                                        (" · " + visible(acortar(nombre, 90)), "bold") if nombre is not None
                                        else (" · " + tr("no está en el informe"), "dim"))
        bloques.append(Padding(encabezado, (1, 0, 0, 2)))
        for f in grupo:
            bloques.append(Padding(_hallazgo(f), (0, 0, 0, 4)))
    bloques.append(Text(""))
    return bloques


def _resumen(resultado: Resultado) -> RenderableType:
    total = resultado.total_hallazgos
    cuenta = resultado.por_severidad()
    cabecera = Text.assemble((tr("Resumen") + "  ", "bold"), hallazgos(total) + ": ")
    for i, s in enumerate(Severidad):
        n = cuenta.get(s, 0)
        cabecera.append(("" if i == 0 else ", ") + f"{n} {nombre_severidad(s, n)}", style=ESTILO[s] if n else "")
    metas = Text(tr("Metas con hallazgos: {con} de {auditadas} auditadas en {archivos}", con=resultado.metas_con_hallazgos,
                    auditadas=resultado.metas_auditadas, archivos=archivos(len(resultado.informes))))
    partes: list[RenderableType] = [Rule(style="blue"), cabecera, metas]
    partes.extend(Text(visible(linea), style="dim") for linea in suprimidos.lineas_resumen(resultado))
    categorias = resultado.por_categoria()
    if categorias:
        tabla = Table(show_header=True, header_style="bold", box=None, padding=(0, 2, 0, 0))
        tabla.add_column(tr("categoría"))
        tabla.add_column("", style="dim")
        for s in Severidad:
            tabla.add_column(s.etiqueta, justify="right", style=ESTILO[s])
        for categoria in sorted(categorias, key=lambda c: (-categorias[c], c.value)):
            fila = [f for f in resultado.hallazgos() if f.categoria is categoria]
            tabla.add_row(NOMBRES_CATEGORIA[categoria.value], categoria.value,
                          *[str(sum(1 for f in fila if f.severidad is s) or "") for s in Severidad])
        partes.append(Padding(tabla, (1, 0, 0, 0)))
    return Group(*partes)


def imprimir(resultado: Resultado, consola: Console) -> None:
    """Print the report on `consola` (the caller chooses width, color and destination: the terminal, in color)."""
    for r in resultado.informes:
        for bloque in _informe(r):
            consola.print(bloque)
    consejos = para_personas.que_hacer(resultado)
    if consejos:
        consola.print(Text(para_personas.titulo(), style="bold"))
        for regla, texto in consejos:
            consola.print(Padding(Text.assemble((regla, "dim"), "  ", texto), (0, 0, 0, 2)))
        consola.print(Text(""))
    for linea in suprimidos.lineas_lista(resultado):
        consola.print(Text(visible(linea, conservar="\n")), soft_wrap=True)
    consola.print(_resumen(resultado))


def render(resultado: Resultado, ancho: int = 100) -> str:
    """The same report as plain text at a fixed width (for files, pipes and tests)."""
    consola = Console(width=ancho, color_system=None, force_terminal=False, record=True, file=io.StringIO())
    imprimir(resultado, consola)
    return consola.export_text()


def escribir(resultado: Resultado, destino: TextIO) -> None:
    """The same text, written to `destino`."""
    destino.write(render(resultado))
