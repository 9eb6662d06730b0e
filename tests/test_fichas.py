"""A meta written as a 'ficha': its heading and a table of two columns, a label and its answer, one row per
question or value ('Meta cuatrienio | 48 aulas', 'Acciones desarrolladas | • … • …'), in Word and in its text
export.  Each row is one labelled paragraph, so the profile's labels (answers) and data labels (values) place it."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest

from auditor.entrada.carga import cargar_bytes

_FILAS: list[tuple[str, list[str]]] = [
    ("Indicador", ["Número de aulas construidas"]),
    ("Meta cuatrienio", ["160 aulas"]),
    ("Programado 2025", ["48"]),
    ("Ejecutado a la fecha de corte", ["36 aulas terminadas y 12 en obra"]),
    ("% de cumplimiento de la vigencia", ["80 %"]),
    ("% de avance del cuatrienio", ["22,5 %"]),
    ("Inversión ejecutada", ["$6.450.000.000 (seis mil cuatrocientos cincuenta millones de pesos)"]),
    ("Fuente de financiación", ["Sistema General de Regalías"]),
    ("Población atendida", ["1.440 estudiantes de 12 sedes rurales."]),
    ("Acciones desarrolladas", ["• Contratación de las obras por licitación pública.", "• Interventoría de la Universidad Industrial.",
                                "• Dotación de mobiliario escolar."]),
    ("Entidades aliadas", ["Alcaldías municipales y Fondo de Financiamiento de la Infraestructura Educativa."]),
    ("Fechas de ejecución", ["De febrero a septiembre de 2025."]),
    ("Resultados / impacto", ["Las sedes dejaron de dictar clase en aulas prefabricadas."]),
    ("Municipios intervenidos", ["Bolívar, La Belleza, Florián y Albania."]),
]
_PORTADA = ["GOBERNACIÓN DE SANTANDER", "SECRETARÍA DE EDUCACIÓN", "INFORME DE RENDICIÓN DE CUENTAS 2025",
            "Fecha de corte: 30 de septiembre de 2025"]


def _docx() -> bytes:
    documento: Any = docx.Document()
    for linea in _PORTADA:
        documento.add_paragraph(linea)
    documento.add_heading("Meta de Producto 213: Aulas nuevas construidas en sedes rurales", level=2)
    tabla = documento.add_table(rows=0, cols=2)
    for rotulo, valor in _FILAS:
        celdas = tabla.add_row().cells
        celdas[0].text = rotulo
        celdas[1].text = valor[0]
        for otro in valor[1:]:
            celdas[1].add_paragraph(otro)
    salida = io.BytesIO()
    documento.save(salida)
    return salida.getvalue()


def _texto() -> bytes:
    """The same ficha as a text export writes it: one line per row, its cells separated by tabs."""
    filas = "\n".join(f"{rotulo}\t{' '.join(valor)}" for rotulo, valor in _FILAS)
    return ("\n\n".join(_PORTADA) + "\n\nMeta de Producto 213: Aulas nuevas construidas en sedes rurales\n\n" + filas + "\n").encode()


@pytest.mark.parametrize(("contenido", "nombre"), [(_docx(), "ficha.docx"), (_texto(), "ficha.txt")], ids=["docx", "texto"])
def test_cada_fila_de_la_ficha_va_a_su_campo(contenido: bytes, nombre: str) -> None:
    cargado = cargar_bytes(contenido, nombre)
    assert cargado.informe is not None
    assert [p.mensaje for p in cargado.problemas if p.meta] == []
    meta = cargado.informe.metas[0]
    assert (meta.meta_cuatrienio.cantidad.valor, meta.meta_cuatrienio.unidad) == (160, "aulas")
    assert meta.programado_periodo is not None and meta.programado_periodo.valor == 48
    assert meta.logro.cantidad is not None and meta.logro.cantidad.valor == 36
    assert meta.logro.texto is not None and meta.logro.texto.startswith("36 aulas terminadas")
    assert (meta.cumplimiento_periodo.valor, meta.avance_cuatrienio.valor) == (80, 22.5)
    assert meta.inversion.ejecutada is not None and meta.inversion.ejecutada.valor == 6450
    assert meta.beneficiarios.total is not None and meta.beneficiarios.total.valor == 1440
    assert meta.ejecucion.como is not None and "Interventoría" in meta.ejecucion.como and meta.ejecucion.como.count("Dotación") == 1
    assert meta.ejecucion.con_quien is not None and meta.ejecucion.con_quien.startswith("Alcaldías municipales")
    assert meta.ejecucion.cuando == "De febrero a septiembre de 2025."
    assert meta.impacto == "Las sedes dejaron de dictar clase en aulas prefabricadas."
    assert meta.localizacion.municipios == ["Bolívar", "La Belleza", "Florián", "Albania"]
    # the labels are not content: no answer starts with one
    for texto in (meta.logro.texto, meta.inversion.texto, meta.ejecucion.como, meta.impacto):
        assert texto is not None and not any(texto.startswith(rotulo) for rotulo, _ in _FILAS)


def test_la_ficha_se_audita_con_sus_cifras() -> None:
    """36 of the 48 programmed is 75%, not the 80% declared: found only when the rows are read as values."""
    from auditor.configuracion.configuracion import Configuracion
    from auditor.motor.auditor import preparar
    from auditor.motor.auditoria import auditar_cargado

    resultado = auditar_cargado(preparar(Configuracion()), cargar_bytes(_docx(), "ficha.docx"))
    hallazgos = [(h.regla, h.meta, h.campo) for h in resultado.hallazgos if h.meta is not None]
    assert ("PCT002", "213", "cumplimiento_periodo") in hallazgos
    assert not [h for h in hallazgos if h[0] in ("ENT004", "OBJ001", "SEC001", "SEC002")]


def _docx_de_encabezado() -> bytes:
    """One table per meta: a header row naming the columns and the row of its values, then free paragraphs."""
    documento: Any = docx.Document()
    for linea in ("GOBERNACIÓN DE BOYACÁ", "SECRETARÍA DE FOMENTO AGROPECUARIO", "INFORME DE RENDICIÓN DE CUENTAS 2025",
                  "Fecha de corte: 31 de octubre de 2025"):
        documento.add_paragraph(linea)
    documento.add_heading("Meta No. 301 – Pequeños productores con extensión agropecuaria", level=2)
    tabla = documento.add_table(rows=2, cols=6)
    for celda, texto in zip(tabla.rows[0].cells, ("Meta", "Programado", "Ejecutado", "%", "Inversión", "Municipios"), strict=True):
        celda.text = texto
    valores = ("4.800 productores (cuatrienio)", "1.200 productores", "1.020 productores", "90 %", "$ 800 millones",
               "Belén, Jericó, Caldas, Buenavista y Páez")
    for celda, texto in zip(tabla.rows[1].cells, valores, strict=True):
        celda.text = texto
    tabla.rows[1].cells[4].add_paragraph("SGP Libre Inversión: $ 420 millones")
    documento.add_paragraph("Descripción de actividades")
    documento.add_paragraph("Se prestó el servicio de extensión agropecuaria con 24 extensionistas.")
    documento.add_paragraph("1.840 visitas de asistencia técnica a predios.", style="List Bullet")
    documento.add_paragraph("12 días demostrativos de fertilización.", style="List Bullet")
    documento.add_paragraph("Beneficiarios: 1.020 productores: 480 mujeres y 540 hombres.")
    salida = io.BytesIO()
    documento.save(salida)
    return salida.getvalue()


def test_una_tabla_de_encabezado_y_una_fila_por_meta() -> None:
    """'Meta | Programado | Ejecutado | % | Inversión | Municipios' over one row of values: each column to its field;
    a label alone on its line ('Descripción de actividades') takes the paragraphs below it; a municipality that
    shares its name with a department ('Caldas', in Boyacá) stays in the list."""
    cargado = cargar_bytes(_docx_de_encabezado(), "boyaca.docx")
    assert cargado.informe is not None and [p.mensaje for p in cargado.problemas if p.meta] == []
    meta = cargado.informe.metas[0]
    assert (meta.meta_cuatrienio.cantidad.valor, meta.programado_periodo.valor, meta.logro.cantidad.valor) == (4800, 1200, 1020)
    assert meta.cumplimiento_periodo is not None and meta.cumplimiento_periodo.valor == 90
    assert meta.inversion.ejecutada is not None and meta.inversion.ejecutada.valor == 800
    assert meta.localizacion.municipios == ["Belén", "Jericó", "Caldas", "Buenavista", "Páez"]
    assert meta.ejecucion.como is not None and meta.ejecucion.como.startswith("Se prestó el servicio")
    assert "12 días demostrativos" in meta.ejecucion.como and meta.impacto is None
    assert meta.beneficiarios.total is not None and meta.beneficiarios.total.valor == 1020


def _ficha_con_el_titulo_en_la_tabla() -> bytes:
    """Each meta's ficha heads itself: 'META 214' and the meta's name in the first column's cell, merged down the
    rows of the indicator's values; the cover is a table of its fields."""
    documento: Any = docx.Document()
    portada = documento.add_table(rows=3, cols=2)
    for fila, (rotulo, valor) in zip(portada.rows, [("Entidad", "Gobernación del Tolima"), ("Dependencia", "Secretaría de Vivienda"),
                                                      ("Fecha de corte", "31 de octubre de 2025")], strict=True):
        fila.cells[0].text, fila.cells[1].text = rotulo, valor
    documento.add_paragraph("Informe de Rendición de Cuentas – Vigencia 2025")
    for numero, (programado, ejecutado, municipios) in ((214, ("120 viviendas", "120 viviendas", "Planadas y Rioblanco.")),
                                                        (215, ("No programado (NP)", "0", "Chaparral."))):
        tabla = documento.add_table(rows=6, cols=2)
        titulo = tabla.cell(0, 0).merge(tabla.cell(2, 0))
        titulo.text = f"META {numero}"
        titulo.add_paragraph("Construir 400 viviendas nuevas rurales")
        tabla.cell(0, 1).text = "Meta cuatrienio: 400 viviendas"
        tabla.cell(1, 1).text = f"Programado 2025: {programado} | Ejecutado a la fecha de corte: {ejecutado}"
        tabla.cell(2, 1).text = "Fuente: Sistema General de Regalías"
        for fila, (rotulo, valor) in zip(tabla.rows[3:], [("Avance de la meta", "Se entregaron las viviendas programadas."),
                                                         ("Inversión", "$ 2.850 millones del Sistema General de Regalías."),
                                                         ("Municipios", municipios)], strict=True):
            fila.cells[0].text, fila.cells[1].text = rotulo, valor
    salida = io.BytesIO()
    documento.save(salida)
    return salida.getvalue()


def test_la_ficha_que_lleva_su_titulo_en_la_primera_celda() -> None:
    """No heading outside the tables, and 'META 214' alone in the first cell (a form no tabular heading takes): each
    table is its meta's ficha; the values of one cell joined by '|' each go to their field ('NP': nothing
    programmed); the cover table is read as the cover, not reported as a table the reader skips."""
    cargado = cargar_bytes(_ficha_con_el_titulo_en_la_tabla(), "borrador.docx")
    doce, quince = cargado.informe.metas
    assert [m.numero for m in cargado.informe.metas] == [214, 215]
    assert doce.nombre == "Construir 400 viviendas nuevas rurales"
    assert (doce.programado_periodo.valor, doce.logro.cantidad.valor) == (120, 120)
    assert doce.logro.texto.endswith("Se entregaron las viviendas programadas.")  # after the executed count, as written
    assert doce.inversion.ejecutada.valor == 2850
    assert doce.localizacion.municipios == ["Planadas", "Rioblanco"]
    assert quince.programado_periodo.valor is None and not quince.programado_periodo.vacio
    assert str(cargado.informe.fecha_corte) == "2025-10-31"
    assert not [p for p in cargado.problemas if p.regla == "ENT004"]
