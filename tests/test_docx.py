"""Reading a .docx report: body order, tables and merged cells, bold, positions, bad input."""

from __future__ import annotations

import functools
import io
import os
import random
import re
import subprocess
import sys
import zipfile
from typing import Any

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from auditor.entrada.importar.docx import LIMITE_DESCOMPRIMIDO, segmentos_docx
from auditor.entrada.importar.segmentos import Segmento, normalizar_espacios, segmentos_de_texto
from auditor.lectura.fuente import ErrorFuente

from .conftest import SEEDS
from .docx_plantilla import construir

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# -- a minimal package written by hand, for XML python-docx cannot write -------------------

_TIPOS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{tipo}"/>'
    "</Types>"
)
_RELACIONES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml"'
    ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
_TIPO_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def paquete(cuerpo: str, *, tipo: str = _TIPO_WORD, documento: str | None = None) -> bytes:
    """A .docx whose body is `cuerpo` (WordprocessingML, prefix w:)."""
    if documento is None:
        documento = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{cuerpo}</w:body></w:document>'
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as zip_:
        zip_.writestr("[Content_Types].xml", _TIPOS.format(tipo=tipo))
        zip_.writestr("_rels/.rels", _RELACIONES)
        zip_.writestr("word/document.xml", documento)
    return salida.getvalue()


def p(texto: str = "") -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{texto}</w:t></w:r></w:p>' if texto else "<w:p/>"


def guardar(documento: Any) -> bytes:
    salida = io.BytesIO()
    documento.save(salida)
    return salida.getvalue()


def resumen(segmentos: list[Segmento]) -> list[tuple[str, int | None, int | None]]:
    return [(s.texto, s.fila, s.celda) for s in segmentos]


# -- where a Segmento says it is ---------------------------------------------------------


def cuerpo_de(contenido: bytes) -> Any:
    return docx.Document(io.BytesIO(contenido)).element.body


def parrafo_en_ubicacion(cuerpo: Any, ubicacion: str) -> Any:
    """Follow "tabla 3, fila 2, celda 1, párrafo 2" the way a reader counts in Word."""
    elemento = cuerpo
    hijos = {"tabla": "w:tbl", "fila": "w:tr", "celda": "w:tc", "párrafo": "w:p"}
    for parte in ubicacion.split(", "):
        nombre, numero = re.fullmatch(r"(tabla|fila|celda|párrafo) (\d+)", parte).groups()  # type: ignore[union-attr]
        elemento = elemento.findall(qn(hijos[nombre]))[int(numero) - 1]
    return elemento


def texto_segun_python_docx(parrafo: Any) -> str:
    return normalizar_espacios(Paragraph(parrafo, None).text)  # type: ignore[arg-type]


def estilo(parrafo: Paragraph) -> str | None:
    return parrafo.style.name if parrafo.style is not None else None


def assert_lugares_reales(contenido: bytes, segmentos: list[Segmento]) -> None:
    """`linea` and `ubicacion` name the same paragraph of the .docx, and python-docx reads
    that paragraph's text as the segment's text."""
    cuerpo = cuerpo_de(contenido)
    todos = list(cuerpo.iter(qn("w:p")))
    for segmento in segmentos:
        assert segmento.ubicacion is not None
        por_linea = todos[segmento.linea - 1]
        assert por_linea is parrafo_en_ubicacion(cuerpo, segmento.ubicacion), segmento
        if not segmento.fusionada:  # a vertical merge's continuation shows the text of the cell above it
            assert segmento.texto == texto_segun_python_docx(por_linea), segmento


# -- the body ----------------------------------------------------------------------------


def test_parrafos_y_tablas_en_el_orden_del_documento() -> None:
    documento = docx.Document()
    documento.add_paragraph("Antes de todo")
    tabla = documento.add_table(rows=1, cols=2)
    tabla.cell(0, 0).text, tabla.cell(0, 1).text = "A1", "B1"
    documento.add_paragraph("")
    documento.add_paragraph("Entre tablas")
    tabla = documento.add_table(rows=2, cols=1)
    tabla.cell(0, 0).text, tabla.cell(1, 0).text = "A2", "A3"
    documento.add_paragraph("Al final")
    contenido = guardar(documento)

    segmentos = segmentos_docx(contenido)

    assert resumen(segmentos) == [
        ("Antes de todo", None, None),
        ("A1", 1, 0),
        ("B1", 1, 1),
        ("Entre tablas", None, None),
        ("A2", 2, 0),
        ("A3", 3, 0),
        ("Al final", None, None),
    ]
    assert [s.linea for s in segmentos] == [1, 2, 3, 5, 6, 7, 8]  # the empty paragraph counts: line 4
    assert [s.ubicacion for s in segmentos] == [
        "párrafo 1",
        "tabla 1, fila 1, celda 1, párrafo 1",
        "tabla 1, fila 1, celda 2, párrafo 1",
        "párrafo 3",
        "tabla 2, fila 1, celda 1, párrafo 1",
        "tabla 2, fila 2, celda 1, párrafo 1",
        "párrafo 4",
    ]
    assert_lugares_reales(contenido, segmentos)


def test_celda_con_varios_parrafos_y_tabla_anidada() -> None:
    documento = docx.Document()
    tabla = documento.add_table(rows=1, cols=2)
    celda = tabla.cell(0, 0)
    celda.text = "EJECUCIÓN"
    celda.add_paragraph("¿Cómo se hizo?")
    anidada = celda.add_table(rows=2, cols=2)
    anidada.cell(0, 0).text, anidada.cell(0, 1).text = "Municipio", "Personas"
    anidada.cell(1, 0).text, anidada.cell(1, 1).text = "Cúcuta", "70"
    celda.add_paragraph("Después de la anidada")
    tabla.cell(0, 1).text = "Otra celda"
    contenido = guardar(documento)

    segmentos = segmentos_docx(contenido)

    assert resumen(segmentos) == [
        ("EJECUCIÓN", 1, 0),
        ("¿Cómo se hizo?", 1, 0),
        ("Municipio", 2, 0),
        ("Personas", 2, 1),
        ("Cúcuta", 3, 0),
        ("70", 3, 1),
        ("Después de la anidada", 1, 0),
        ("Otra celda", 1, 1),
    ]
    assert segmentos[3].ubicacion == "tabla 1, fila 1, celda 1, tabla 1, fila 1, celda 2, párrafo 1"
    assert segmentos[6].ubicacion == "tabla 1, fila 1, celda 1, párrafo 4"  # python-docx leaves an empty one after the table
    assert_lugares_reales(contenido, segmentos)


def test_celdas_combinadas_se_leen_una_vez() -> None:
    documento = docx.Document()
    tabla = documento.add_table(rows=3, cols=3)
    titulo = tabla.cell(0, 0).merge(tabla.cell(0, 2))  # a title row over the three columns
    titulo.text = "Meta # 1 Rondas de negociaciones"
    alta = tabla.cell(1, 0).merge(tabla.cell(2, 0))  # a cell two rows high
    alta.text = "Cumplimiento"
    tabla.cell(1, 1).text, tabla.cell(1, 2).text = "Inversión", "Beneficiarios"
    tabla.cell(2, 1).text, tabla.cell(2, 2).text = "$ 601,4 millones", "35 empresarios"
    assert [c.text for c in tabla.rows[0].cells] == ["Meta # 1 Rondas de negociaciones"] * 3  # python-docx repeats it
    contenido = guardar(documento)

    segmentos = segmentos_docx(contenido)

    assert resumen([s for s in segmentos if not s.fusionada]) == [
        ("Meta # 1 Rondas de negociaciones", 1, 0),
        ("Cumplimiento", 2, 0),
        ("Inversión", 2, 1),
        ("Beneficiarios", 2, 2),
        ("$ 601,4 millones", 3, 1),
        ("35 empresarios", 3, 2),
    ]
    # the cell two rows high shows its text in the second row too (Word's vMerge): repeated there, marked
    assert [(s.texto, s.ubicacion) for s in segmentos if s.fusionada] == [("Cumplimiento", "tabla 1, fila 3, celda 1, párrafo 1")]
    assert_lugares_reales(contenido, segmentos)


def test_celda_es_la_columna_de_la_grilla() -> None:
    """After a cell two columns wide, the next cell starts in column 2, as the text export
    (one tab-separated cell per grid column) counts it; a row may also start late."""
    cuerpo = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{p("ancha")}</w:tc><w:tc>{p("tercera")}</w:tc></w:tr>'
        f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc>{p("segunda")}</w:tc><w:tc>{p("otra")}</w:tc></w:tr>'
        f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="x"/></w:tcPr>{p("ilegible")}</w:tc><w:tc>{p("sigue")}</w:tc></w:tr>'
        "</w:tbl>"
    )
    segmentos = segmentos_docx(paquete(cuerpo))
    assert resumen(segmentos) == [("ancha", 1, 0), ("tercera", 1, 2), ("segunda", 2, 1), ("otra", 2, 2), ("ilegible", 3, 0), ("sigue", 3, 1)]
    assert [s.ubicacion for s in segmentos][:2] == ["tabla 1, fila 1, celda 1, párrafo 1", "tabla 1, fila 1, celda 2, párrafo 1"]


def test_encabezados_y_pies_de_pagina_no_son_cuerpo() -> None:
    documento = docx.Document()
    documento.sections[0].header.paragraphs[0].text = "Gobernación de Norte de Santander - Informe 2024"
    documento.sections[0].footer.paragraphs[0].text = "Página 1"
    documento.add_paragraph("Contenido")
    assert resumen(segmentos_docx(guardar(documento))) == [("Contenido", None, None)]


def test_saltos_de_linea_y_tabulaciones_son_espacios() -> None:
    documento = docx.Document()
    parrafo = documento.add_paragraph("INFORME DE\nRENDICIÓN DE")  # python-docx writes \n as <w:br/>
    parrafo.add_run("\tCUENTAS")
    parrafo.add_run().add_break(WD_BREAK.PAGE)
    parrafo.add_run("Periodo\u00a0 2024")
    assert segmentos_docx(guardar(documento))[0].texto == "INFORME DE RENDICIÓN DE CUENTAS Periodo 2024"


def test_listas_de_word_sin_vinetas_en_el_texto() -> None:
    documento = docx.Document()
    documento.add_paragraph("Cúcuta", style="List Bullet")
    documento.add_paragraph("Ocaña", style="List Number")
    documento.add_paragraph("• Pamplona")  # a bullet typed by hand: removed as in the text export
    assert [s.texto for s in segmentos_docx(guardar(documento))] == ["Cúcuta", "Ocaña", "Pamplona"]


def test_negritas() -> None:
    documento = docx.Document()
    parrafo = documento.add_paragraph()
    parrafo.add_run("¿Qué se ").bold = True
    parrafo.add_run("hizo?").bold = True  # adjacent bold runs: one phrase
    parrafo.add_run(" Apoyo a ")
    parrafo.add_run("2 rondas").style = "Strong"  # bold by character style
    parrafo.add_run(" y ")
    parrafo.add_run("no").bold = False
    documento.add_heading("EJECUCIÓN", level=2)  # bold by paragraph style: a heading's look
    encabezado = documento.add_heading("", level=4)
    encabezado.add_run("LOCALIZACIÓN").bold = True  # '#### **LOCALIZACIÓN**' in the export

    segmentos = segmentos_docx(guardar(documento))

    assert [(s.texto, s.negritas) for s in segmentos] == [
        ("¿Qué se hizo? Apoyo a 2 rondas y no", ("¿Qué se hizo?", "2 rondas")),
        ("EJECUCIÓN", ()),
        ("LOCALIZACIÓN", ("LOCALIZACIÓN",)),
    ]


def test_negrita_desactivada_y_estilo_de_caracter_propio() -> None:
    cuerpo = (
        "<w:p>"
        '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>uno </w:t></w:r>'
        '<w:r><w:rPr><w:b w:val="true"/></w:rPr><w:t>dos</w:t></w:r>'
        "<w:r><w:rPr><w:b/></w:rPr><w:t> </w:t></w:r>"
        '<w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>tres</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> cuatro</w:t></w:r>'
        "</w:p>"
    )
    assert segmentos_docx(paquete(cuerpo))[0].negritas == ("dos tres",)


def test_lo_que_word_muestra_dentro_de_controles_vinculos_y_cambios() -> None:
    """Content controls (templates use them for the blanks), hyperlinks and tracked changes:
    the text as Word shows it with the changes accepted."""
    cuerpo = (
        "<w:sdt><w:sdtPr/><w:sdtContent>"
        f"{p('Párrafo en un control de contenido')}"
        "</w:sdtContent></w:sdt>"
        "<w:p>"
        "<w:r><w:t xml:space=\"preserve\">Se ejecutaron </w:t></w:r>"
        '<w:del w:id="1" w:author="x"><w:r><w:delText>$ 5 </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="x"><w:r><w:t xml:space="preserve">$ 7,8 </w:t></w:r></w:ins>'
        "<w:r><w:t>millones, ver </w:t></w:r>"
        '<w:hyperlink w:anchor="a"><w:r><w:t>anexo</w:t></w:r></w:hyperlink>'
        "<w:sdt><w:sdtContent><w:r><w:t xml:space=\"preserve\"> en Cúcuta</w:t></w:r></w:sdtContent></w:sdt>"
        "</w:p>"
    )
    assert [s.texto for s in segmentos_docx(paquete(cuerpo))] == [
        "Párrafo en un control de contenido",
        "Se ejecutaron $ 7,8 millones, ver anexo en Cúcuta",
    ]


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _caja(*textos: str) -> str:
    return "<w:txbxContent>" + "".join(p(texto) for texto in textos) + "</w:txbxContent>"


def test_un_cuadro_de_texto_se_lee_una_vez() -> None:
    """Word writes a text box twice (DrawingML in mc:Choice, a VML copy in mc:Fallback): its
    paragraphs are read once, after the paragraph that anchors it, with a place of their own."""
    cuerpo = (
        f'<w:p><w:r><w:t xml:space="preserve">Antes </w:t></w:r><w:r><mc:AlternateContent xmlns:mc="{MC}">'
        f"<mc:Choice Requires=\"wps\"><w:drawing>{_caja('Meta alcanzada', 'en dos veredas')}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{_caja('Meta alcanzada', 'en dos veredas')}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r><w:r><w:t>y después</w:t></w:r></w:p>"
        f"{p('Siguiente')}"
    )
    segmentos = segmentos_docx(paquete(cuerpo))
    assert [(s.texto, s.linea, s.ubicacion) for s in segmentos] == [
        ("Antes y después", 1, "párrafo 1"),
        ("Meta alcanzada", 2, "párrafo 1, cuadro de texto 1, párrafo 1"),
        ("en dos veredas", 3, "párrafo 1, cuadro de texto 1, párrafo 2"),
        ("Siguiente", 4, "párrafo 2"),
    ]


def test_cuadro_de_texto_solo_vml_o_en_una_celda() -> None:
    """An old document has only the VML box (no mc:AlternateContent); a box in a cell keeps the cell."""
    cuerpo = (
        f"<w:p><w:r><w:pict>{_caja('Caja antigua')}</w:pict></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Celda</w:t></w:r>"
        f'<w:r><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="wps"><w:drawing>{_caja("En la celda")}</w:drawing>'
        f"</mc:Choice><mc:Fallback><w:pict>{_caja('En la celda')}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    assert [(s.texto, s.fila, s.celda, s.ubicacion) for s in segmentos_docx(paquete(cuerpo))] == [
        ("Caja antigua", None, None, "párrafo 1, cuadro de texto 1, párrafo 1"),
        ("Celda", 1, 0, "tabla 1, fila 1, celda 1, párrafo 1"),
        ("En la celda", 1, 0, "tabla 1, fila 1, celda 1, párrafo 1, cuadro de texto 1, párrafo 1"),
    ]


def test_cambios_controlados_insercion_si_borrado_no() -> None:
    """Tracked changes read accepted, also a moved paragraph and changes inside a table cell."""
    cuerpo = (
        "<w:tbl><w:tr><w:tc><w:p>"
        '<w:ins w:id="1" w:author="a"><w:r><w:t xml:space="preserve">Se entregaron 4</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>0</w:delText></w:r></w:del>'
        "<w:r><w:t xml:space=\"preserve\"> kits en </w:t></w:r>"
        '<w:del w:id="3" w:author="a"><w:r><w:delText>Bucaramanga y </w:delText></w:r></w:del>'
        "<w:r><w:t>Tibú</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        '<w:p><w:moveFrom w:id="4" w:author="a"><w:r><w:t>párrafo movido</w:t></w:r></w:moveFrom></w:p>'
        '<w:p><w:moveTo w:id="5" w:author="a"><w:r><w:t>párrafo movido</w:t></w:r></w:moveTo></w:p>'
    )
    assert resumen(segmentos_docx(paquete(cuerpo))) == [("Se entregaron 4 kits en Tibú", 1, 0), ("párrafo movido", None, None)]


def test_comentarios_y_notas_al_pie_no_son_texto() -> None:
    """A comment's range and reference, and a footnote's mark (also one typed by hand), leave the sentence as it reads."""
    cuerpo = (
        "<w:p>"
        '<w:commentRangeStart w:id="0"/><w:r><w:t>$ 310,5</w:t></w:r><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'
        '<w:r><w:t xml:space="preserve"> millones para 2.040 personas</w:t></w:r>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
        '<w:r><w:t xml:space="preserve"> y 12 </w:t></w:r>'
        '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t>*</w:t></w:r>'
        '<w:r><w:t>familias</w:t></w:r>'
        "</w:p>"
    )
    assert [s.texto for s in segmentos_docx(paquete(cuerpo))] == ["$ 310,5 millones para 2.040 personas y 12 familias"]


def test_notas_al_pie_de_python_docx_no_se_leen() -> None:
    """A footnotes part with its text: the note is not read into the body (nor as a paragraph)."""
    documento = docx.Document()
    documento.add_paragraph("Se atendieron 640 jóvenes")
    contenido = guardar(documento)
    with zipfile.ZipFile(io.BytesIO(contenido)) as zip_:
        partes = {nombre: zip_.read(nombre) for nombre in zip_.namelist()}
    partes["word/footnotes.xml"] = (
        f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t>De ellos, 75 en zona rural.</w:t></w:r></w:p></w:footnote></w:footnotes>'
    ).encode()
    partes["[Content_Types].xml"] = partes["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.footnotes+xml"/></Types>')
    partes["word/_rels/document.xml.rels"] = partes["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    partes["word/document.xml"] = partes["word/document.xml"].replace(
        "jóvenes</w:t></w:r>".encode(), 'jóvenes</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'.encode())
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w") as zip_:
        for nombre, datos in partes.items():
            zip_.writestr(nombre, datos)
    assert [s.texto for s in segmentos_docx(salida.getvalue())] == ["Se atendieron 640 jóvenes"]


def test_controles_de_contenido_en_bloque_fila_celda_y_texto() -> None:
    """Content controls around a row, around a cell's paragraphs and around runs give their text."""
    cuerpo = (
        "<w:tbl><w:sdt><w:sdtPr/><w:sdtContent><w:tr><w:tc>"
        "<w:sdt><w:sdtPr><w:tag w:val=\"municipios\"/></w:sdtPr><w:sdtContent>"
        f"{p('Sardinata y Ábrego')}"
        "</w:sdtContent></w:sdt>"
        "</w:tc><w:sdt><w:sdtPr/><w:sdtContent><w:tc><w:p><w:r><w:t xml:space=\"preserve\">Fuente: </w:t></w:r>"
        '<w:sdt><w:sdtPr><w:dropDownList w:lastValue="SGP"/></w:sdtPr><w:sdtContent><w:r><w:t>SGP</w:t></w:r></w:sdtContent></w:sdt>'
        "</w:p></w:tc></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>"
    )
    assert [(s.texto, s.fila, s.celda, s.ubicacion) for s in segmentos_docx(paquete(cuerpo))] == [
        ("Sardinata y Ábrego", 1, 0, "tabla 1, fila 1, celda 1, párrafo 1"),
        ("Fuente: SGP", 1, 1, "tabla 1, fila 1, celda 2, párrafo 1"),
    ]


def test_texto_oculto_no_se_lee_y_se_avisa() -> None:
    """Hidden text (w:vanish, directly or by a character style) is no answer: dropped and said."""
    from auditor.entrada.importar.docx import leer_docx

    estilos = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="character" w:styleId="Nota"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>'
    )
    cuerpo = (
        "<w:p><w:r><w:t xml:space=\"preserve\">Se invirtieron $ </w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space=\"preserve\">72 </w:t></w:r>"
        "<w:r><w:t>millones</w:t></w:r></w:p>"
        '<w:p><w:r><w:rPr><w:rStyle w:val="Nota"/></w:rPr><w:t>pendiente confirmar con Hacienda</w:t></w:r></w:p>'
        '<w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>visible</w:t></w:r></w:p>'
    )
    lectura = leer_docx(_con_estilos(paquete(cuerpo), estilos))
    assert [s.texto for s in lectura.segmentos] == ["Se invirtieron $ millones", "visible"]
    assert [(a.regla, a.linea, a.ubicacion, a.texto) for a in lectura.avisos] == [
        ("ENT005", 1, "párrafo 1", "72"),
        ("ENT005", 2, "párrafo 2", "pendiente confirmar con Hacienda"),
    ]
    assert "texto oculto" in lectura.avisos[0].mensaje


def _con_estilos(contenido: bytes, estilos: str) -> bytes:
    """The package with a styles part (python-docx finds it through the document's relationships)."""
    salida = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(contenido)) as origen, zipfile.ZipFile(salida, "w") as zip_:
        for nombre in origen.namelist():
            datos = origen.read(nombre)
            if nombre == "[Content_Types].xml":
                datos = datos.replace(b"</Types>", b'<Override PartName="/word/styles.xml" ContentType="application/'
                                      b'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>')
            zip_.writestr(nombre, datos)
        zip_.writestr("word/_rels/document.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            "</Relationships>"))
        zip_.writestr("word/styles.xml", estilos)
    return salida.getvalue()


def test_contenido_incrustado_se_avisa() -> None:
    """w:altChunk (an HTML or RTF file Word shows in place) cannot be read: an ENT004, never silence."""
    from auditor.entrada.importar.docx import leer_docx

    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    cuerpo = (f"{p('Antes')}"
              f'<w:altChunk xmlns:r="{r}" r:id="rIdX"/>'
              f'<w:tbl><w:tr><w:tc><w:altChunk xmlns:r="{r}" r:id="rIdY"/>{p()}</w:tc></w:tr></w:tbl>')
    lectura = leer_docx(paquete(cuerpo))
    assert [s.texto for s in lectura.segmentos] == ["Antes"]
    assert [(a.regla, a.ubicacion) for a in lectura.avisos] == [
        ("ENT004", "después del párrafo 1"), ("ENT004", "tabla 1, fila 1, celda 1")]
    assert "guárdelo de nuevo" in lectura.avisos[0].mensaje


def test_runs_partidos_a_mitad_de_palabra_y_de_numero() -> None:
    cuerpo = ("<w:p>" + "".join(f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>' for t in ["1", "5% de cum", "pli"])
              + '<w:r><w:t xml:space="preserve">miento de 2</w:t></w:r><w:r><w:t>0 jornadas</w:t></w:r></w:p>')
    segmento = segmentos_docx(paquete(cuerpo))[0]
    assert (segmento.texto, segmento.negritas) == ("15% de cumplimiento de 20 jornadas", ("15% de cumpli",))


def test_documento_sin_texto() -> None:
    assert segmentos_docx(paquete(p() + p(" "))) == []


# -- the seeds: the .docx and its text export read the same ---------------------------

SEEDS_TEXTO = ["000_1fea1826aedc7356.txt", "001_9c83fb85eb1ea363.txt"]


@functools.cache
def _seed(nombre: str) -> tuple[str, bytes]:
    """A seed's text export and the .docx built from it in the template's layout."""
    ruta = SEEDS / nombre
    if not ruta.exists():
        pytest.skip(f"no está {ruta} (../shared/seeds)")
    texto = ruta.read_text(encoding="utf-8")
    return texto, construir(texto)


def _lectura(segmentos: list[Segmento]) -> list[tuple[str, tuple[str, ...], bool, int | None, int | None]]:
    """What the layout parsers use, with rows numbered by first appearance: the text export
    numbers a row by its line, the .docx by its order, and only the grouping must agree."""
    filas: dict[int, int] = {}
    return [
        (s.texto, s.negritas, s.en_tabla, s.celda, None if s.fila is None else filas.setdefault(s.fila, len(filas)))
        for s in segmentos
    ]


def _corto(valor: object) -> str:
    texto = repr(valor)
    return texto if len(texto) <= 90 else texto[:87] + "..."


def _diferencias(texto: list[Segmento], docx_: list[Segmento]) -> str:
    campos = ("texto", "negritas", "en_tabla", "celda", "fila (agrupación)")
    lineas = [f"{len(texto)} segmentos del texto, {len(docx_)} del .docx"]
    for indice, (de_texto, de_docx) in enumerate(zip(_lectura(texto), _lectura(docx_), strict=False)):
        if de_texto != de_docx:
            distintos = [f"{campo}: {_corto(a)} / {_corto(b)}" for campo, a, b in zip(campos, de_texto, de_docx, strict=True) if a != b]
            lineas.append(f"#{indice} (texto línea {texto[indice].linea}, .docx {docx_[indice].ubicacion}): " + "; ".join(distintos))
        if len(lineas) > 5:
            break
    return "\n".join(lineas)


@pytest.mark.parametrize("nombre", SEEDS_TEXTO)
def test_el_docx_y_su_exportacion_dan_los_mismos_segmentos(nombre: str) -> None:
    texto, contenido = _seed(nombre)
    de_texto, de_docx = segmentos_de_texto(texto), segmentos_docx(contenido)
    assert _lectura(de_docx) == _lectura(de_texto), _diferencias(de_texto, de_docx)


@pytest.mark.parametrize("nombre", SEEDS_TEXTO)
def test_linea_y_ubicacion_del_docx_senalan_el_parrafo(nombre: str) -> None:
    _, contenido = _seed(nombre)
    assert_lugares_reales(contenido, segmentos_docx(contenido))


def test_el_seed_tabular_construido_tiene_la_forma_de_la_plantilla() -> None:
    """So that the comparison above covers what matters: tables between paragraphs, merged
    cells, list paragraphs, headings, bold, line breaks and empty paragraphs."""
    texto, contenido = _seed("001_9c83fb85eb1ea363.txt")
    documento = docx.Document(io.BytesIO(contenido))
    cuerpo = documento.element.body
    lineas = texto.split("\n")
    grupos_de_filas = sum(1 for antes, linea in zip(["", *lineas], lineas, strict=False) if "\t" in linea and "\t" not in antes)
    assert len(documento.tables) == grupos_de_filas > 20
    assert len(cuerpo.findall(f".//{{{W}}}gridSpan")) == texto.count("Meta # ") == 18  # the metas' title rows
    assert {"Heading2", "Heading4", "Heading5", "ListParagraph"} <= set(cuerpo.xpath(".//w:pStyle/@w:val"))
    assert len(cuerpo.findall(f".//{{{W}}}br")) > 3
    segmentos = segmentos_docx(contenido)
    assert sum(1 for s in segmentos if s.en_tabla) > 300 and sum(1 for s in segmentos if s.negritas) > 100
    ordinales = [s.linea for s in segmentos]
    assert ordinales == sorted(set(ordinales)) and len(ordinales) < len(list(cuerpo.iter(qn("w:p"))))  # empty paragraphs count


# Differences between the two readings that come from the formats, not from the readers.
# None shows in the seeds (the comparison above is exact); each is pinned here so that a
# change in either reader that touches it is seen.


def test_diferencia_negritas_contiguas() -> None:
    """The export can write two bold spans side by side; in Word two adjacent bold runs are
    one bold text, so the .docx gives one phrase where the export gives two."""
    texto = "<p><b>LOCALIZACIÓN</b><b>¿Dónde se intervino?</b></p>\t\n"
    assert [s.negritas for s in segmentos_de_texto(texto)] == [("LOCALIZACIÓN", "¿Dónde se intervino?")]
    assert [s.negritas for s in segmentos_docx(construir(texto))] == [("LOCALIZACIÓN ¿Dónde se intervino?",)]


def test_diferencia_salto_de_linea_en_una_celda() -> None:
    """A line break (Shift+Enter) inside a cell's paragraph: the .docx gives one paragraph
    with a space; an export that writes it as `<br>` is split there by segmentos_de_texto."""
    cuerpo = (
        "<w:tbl><w:tr>"
        '<w:tc><w:p><w:r><w:t>Cúcuta,</w:t><w:br/><w:t xml:space="preserve">Ocaña</w:t></w:r></w:p></w:tc>'
        "</w:tr></w:tbl>"
    )
    assert [s.texto for s in segmentos_docx(paquete(cuerpo))] == ["Cúcuta, Ocaña"]
    assert [s.texto for s in segmentos_de_texto("<p>Cúcuta,<br>Ocaña</p>\t\n")] == ["Cúcuta,", "Ocaña"]


def test_diferencia_celda_partida_por_un_salto_de_pagina() -> None:
    """A cell that runs over a page break is one cell in Word; the export writes what falls
    on the next page as a new row after blank lines (seed 001, metas 1, 2 and 4: EJECUCIÓN
    goes on in a row of its own).  The .docx keeps the paragraphs in one row."""
    exportado = "\t<p><b>EJECUCIÓN</b></p> <p>Se diseñó el programa</p>\t\n\n \n\t<p>que continúa en la otra página</p>\t\n"
    de_texto = segmentos_de_texto(exportado)
    assert [(s.texto, s.celda) for s in de_texto] == [
        ("EJECUCIÓN", 1), ("Se diseñó el programa", 1), ("que continúa en la otra página", 1),
    ]
    assert len({s.fila for s in de_texto}) == 2
    documento = docx.Document()
    celda = documento.add_table(rows=1, cols=3).cell(0, 1)
    celda.paragraphs[0].add_run("EJECUCIÓN").bold = True
    celda.add_paragraph("Se diseñó el programa")
    celda.add_paragraph("que continúa en la otra página")
    de_docx = segmentos_docx(guardar(documento))
    assert [(s.texto, s.celda) for s in de_docx] == [(s.texto, s.celda) for s in de_texto]
    assert len({s.fila for s in de_docx}) == 1


def test_diferencia_encabezados_de_pagina() -> None:
    """The export repeats the page header where each page starts, as text; in the .docx the
    header belongs to the section and is not read."""
    documento = docx.Document()
    documento.sections[0].header.paragraphs[0].text = "Rendición de Cuentas 2024"
    documento.add_paragraph("Meta cuatrienio 80: Personas asistidas")
    exportado = "Rendición de Cuentas 2024\n\nMeta cuatrienio 80: Personas asistidas\n"
    assert [s.texto for s in segmentos_de_texto(exportado)] == ["Rendición de Cuentas 2024", "Meta cuatrienio 80: Personas asistidas"]
    assert [s.texto for s in segmentos_docx(guardar(documento))] == ["Meta cuatrienio 80: Personas asistidas"]


def test_la_plantilla_en_word_paso_a_paso() -> None:
    """What `construir` makes of each part of an export."""
    contenido = construir(
        "## ¿Qué hicimos?\n"
        "\n"
        "**INFORME DE  \n"
        "CUENTAS**\n"
        " \n"
        'Meta # 1\t<p><b>¿Qué se hizo?</b> 2 rondas</p> <ul style="list-style-type: none"><li>• Cúcuta</li></ul>\t\n'
        "Cumplimiento\n"
    )
    documento = docx.Document(io.BytesIO(contenido))
    parrafos = documento.paragraphs
    assert [(estilo(p), p.text) for p in parrafos] == [
        ("Heading 2", "¿Qué hicimos?"),
        ("Normal", "INFORME DE\nCUENTAS"),  # a hard break is a line break; the soft line end a space
        ("Normal", ""),
        ("Normal", "Cumplimiento"),
    ]
    assert parrafos[1].runs[0].bold
    (fila,) = documento.tables[0].rows
    assert [c.text for c in fila.cells] == ["Meta # 1", "¿Qué se hizo? 2 rondas\n• Cúcuta", ""]
    celda = fila.cells[1]
    assert [(estilo(p), [(r.text, r.bold) for r in p.runs]) for p in celda.paragraphs] == [
        ("Normal", [("¿Qué se hizo?", True), (" 2 rondas", None)]),
        ("List Paragraph", [("• Cúcuta", None)]),
    ]
    assert [(s.texto, s.negritas, s.fila, s.celda) for s in segmentos_docx(contenido)] == [
        ("¿Qué hicimos?", (), None, None),
        ("INFORME DE CUENTAS", ("INFORME DE CUENTAS",), None, None),
        ("Meta # 1", (), 1, 0),
        ("¿Qué se hizo? 2 rondas", ("¿Qué se hizo?",), 1, 1),
        ("Cúcuta", (), 1, 1),
        ("Cumplimiento", (), None, None),
    ]


# -- bad input ---------------------------------------------------------------------------


def _error(contenido: bytes) -> str:
    with pytest.raises(ErrorFuente) as error:
        segmentos_docx(contenido)
    assert error.value.linea == 1
    return error.value.mensaje


def _con_tamano_declarado(contenido: bytes, tamano: int, miembro: str | None = None) -> bytes:
    """Rewrite the uncompressed size declared for `miembro` (every member if None), in its
    local header and in the central directory, without touching its data."""
    datos = bytearray(contenido)
    # signature; offsets of the uncompressed size, the name's length and the name
    for firma, en_tamano, en_largo, en_nombre in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        inicio = 0
        while (inicio := datos.find(firma, inicio)) != -1:
            largo = int.from_bytes(datos[inicio + en_largo : inicio + en_largo + 2], "little")
            nombre = datos[inicio + en_nombre : inicio + en_nombre + largo].decode()
            if miembro is None or nombre == miembro:
                datos[inicio + en_tamano : inicio + en_tamano + 4] = tamano.to_bytes(4, "little")
            inicio += 4
    return bytes(datos)


def _bomba() -> bytes:
    contenido = paquete(p("hola"))
    return _con_tamano_declarado(contenido, LIMITE_DESCOMPRIMIDO // 2)


def _zip_de(nombre: str, datos: str) -> bytes:
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w") as zip_:
        zip_.writestr(nombre, datos)
    return salida.getvalue()


def _truncado() -> bytes:
    documento = docx.Document()
    documento.add_paragraph("Un informe")
    contenido = guardar(documento)
    return contenido[: len(contenido) // 2]


def _comprimido_danado() -> bytes:
    datos = bytearray(paquete(p("hola " * 200)))
    inicio = datos.find(b"word/document.xml") + len("word/document.xml") + 10  # into its deflate stream
    datos[inicio : inicio + 20] = bytes(20)
    return bytes(datos)


def _sin_parte_principal() -> bytes:
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w") as zip_:
        zip_.writestr("[Content_Types].xml", _TIPOS.format(tipo=_TIPO_WORD))
        zip_.writestr("_rels/.rels", _RELACIONES.replace("officeDocument\"", "otra\""))
        zip_.writestr("word/document.xml", "<x/>")
    return salida.getvalue()


def _xml_roto() -> bytes:
    return paquete("", documento=f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>sin cerrar')


MALOS = [
    pytest.param(b"", "el archivo está vacío", id="vacío"),
    pytest.param(random.Random(3).randbytes(4096), "no es un documento de Word válido (no es un archivo ZIP: está incompleto, dañado o es de otro formato)", id="bytes al azar"),
    pytest.param(b"Meta # 1\tCumplimiento\n", "no es un documento de Word válido (no es un archivo ZIP: está incompleto, dañado o es de otro formato)", id="texto"),
    pytest.param(_zip_de("informe.txt", "hola"), "no es un documento de Word válido (es un ZIP sin [Content_Types].xml)", id="zip que no es docx"),
    pytest.param(_truncado(), "no es un documento de Word válido (no es un archivo ZIP: está incompleto", id="docx truncado"),
    pytest.param(_xml_roto(), "no es un documento de Word válido (una de sus partes XML está dañada; detalle: ", id="xml dañado"),
    pytest.param(_comprimido_danado(), "(una de sus partes comprimidas está dañada; detalle: ", id="deflate dañado"),
    pytest.param(_sin_parte_principal(), "(le falta una parte que todo documento de Word tiene; detalle: ", id="sin parte principal"),
    pytest.param(paquete("", documento=f'<w:document xmlns:w="{W}"/>'), "no tiene cuerpo", id="sin cuerpo"),
    pytest.param(_bomba(), "descomprimido ocuparía 300 MB, más que el límite de 200 MB", id="bomba zip"),
    pytest.param(
        paquete(p("x"), tipo="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        "es una hoja de cálculo de Excel, no un documento de Word",
        id="excel",
    ),
    pytest.param(
        paquete(p("x"), tipo="application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
        "es una plantilla de Word (.dotx): guárdela como Documento de Word (.docx)",
        id="plantilla dotx",
    ),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "es un documento de Word 97-2003 (.doc)", id="doc antiguo"),
    pytest.param(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptionInfo".encode("utf-16-le"),
        "está protegido con contraseña",
        id="cifrado",
    ),
]


@pytest.mark.parametrize(("contenido", "mensaje"), MALOS)
def test_entrada_mala_da_error_fuente_en_espanol(contenido: bytes, mensaje: str) -> None:
    texto = _error(contenido)
    assert texto.startswith("el archivo .docx no se puede abrir: ")
    assert mensaje in texto


def test_miembro_cifrado_del_zip() -> None:
    datos = bytearray(paquete(p("hola")))
    inicio = datos.find(b"PK\x01\x02")
    datos[inicio + 8] |= 0x1  # general purpose flag: encrypted
    assert "tiene partes cifradas" in _error(bytes(datos))


def test_el_limite_cuenta_la_suma_de_los_miembros() -> None:
    """Three members of 70 MB declared: none alone is over the limit, together they are."""
    contenido = _con_tamano_declarado(paquete(p("hola")), 70 * 2**20)
    assert "descomprimido ocuparía 210 MB" in _error(contenido)


def test_un_miembro_que_miente_sobre_su_tamano_no_se_infla() -> None:
    """20 MB of spaces declared as 200 bytes: zipfile stops at 200 and the CRC fails."""
    contenido = _con_tamano_declarado(paquete(p("hola") + " " * (20 * 2**20)), 200, "word/document.xml")
    assert "una de sus partes comprimidas está dañada" in _error(contenido)


def test_un_docx_alterado_al_azar_da_segmentos_o_error_fuente() -> None:
    """Whatever python-docx or lxml raise on a damaged package reaches the caller as ErrorFuente."""
    documento = docx.Document()
    documento.add_paragraph("Meta # 1").add_run(" Rondas").bold = True
    tabla = documento.add_table(rows=2, cols=2)
    tabla.cell(0, 0).merge(tabla.cell(0, 1)).text = "Cumplimiento"
    with zipfile.ZipFile(io.BytesIO(guardar(documento))) as zip_:
        partes = {nombre: zip_.read(nombre) for nombre in zip_.namelist()}
    azar = random.Random(7)
    for _ in range(40):
        nombre = azar.choice(["word/document.xml", "word/styles.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"])
        datos = bytearray(partes[nombre])
        inicio = azar.randrange(len(datos))
        datos[inicio : inicio + azar.randint(0, 12)] = azar.choice([b"<", b'"', b"", b"</w:tc>", b'<w:gridSpan w:val="-5"/>', b"&#0;"])
        salida = io.BytesIO()
        with zipfile.ZipFile(salida, "w") as zip_:
            for otro, contenido in partes.items():
                zip_.writestr(otro, bytes(datos) if otro == nombre else contenido)
        try:
            segmentos_docx(salida.getvalue())
        except ErrorFuente as error:
            assert error.mensaje.startswith("el archivo .docx no se puede abrir: ")


def test_importar_el_lector_no_carga_python_docx() -> None:
    """`auditor --help` must not pay for python-docx and lxml: it is imported when a .docx is read."""
    codigo = (
        "import sys\n"
        "import auditor.entrada.importar.docx, auditor.cli\n"
        "from click.testing import CliRunner\n"
        "resultado = CliRunner().invoke(auditor.cli.main, ['--help'])\n"
        "assert resultado.exit_code == 0, resultado.output\n"
        "print(sorted(m for m in sys.modules if m == 'docx' or m.startswith(('docx.', 'lxml'))))\n"
    )
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert salida.stdout.strip() == "[]"


def test_millones_de_parrafos_vacios_se_detienen_en_el_limite() -> None:
    """A few hundred KB of empty paragraphs that python-docx would hold as gigabytes: refused
    while streaming, at the limit, with what to do."""
    from auditor.entrada.importar.docx import LIMITE_PARRAFOS

    contenido = paquete("<w:p/>" * (LIMITE_PARRAFOS + 10))
    assert len(contenido) < 100_000
    assert "tiene más de 100.000 párrafos" in _error(contenido)


def test_millones_de_elementos_en_otra_parte_se_detienen_en_el_limite(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every XML part counts (python-docx parses styles, numbering, headers... whole too)."""
    import auditor.entrada.importar.docx as lector

    monkeypatch.setattr(lector, "LIMITE_ELEMENTOS", LIMITE_ELEMENTOS := 10_000)
    salida = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(paquete(p("hola")))) as origen, zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as zip_:
        for nombre in origen.namelist():
            zip_.writestr(nombre, origen.read(nombre))
        zip_.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">' + "<w:x/>" * (LIMITE_ELEMENTOS + 1) + "</w:styles>")
    assert "elementos XML" in _error(salida.getvalue())


def test_el_limite_cuenta_lo_que_se_infla_de_verdad(monkeypatch: pytest.MonkeyPatch) -> None:
    """The members are inflated in pieces and what they really give is counted, not only what they declare."""
    import auditor.entrada.importar.docx as lector

    contenido = paquete(p("hola " * 50_000))
    monkeypatch.setattr(lector, "_revisar_miembros", lambda paquete, miembros: lector._medir(paquete, miembros))
    monkeypatch.setattr(lector, "LIMITE_DESCOMPRIMIDO", 100_000)
    assert "descomprimido ocuparía" in _error(contenido)


def test_control_que_muestra_su_texto_de_ejemplo_da_ese_texto() -> None:
    """A control nobody filled still shows its placeholder: its text is read, so that the
    placeholder rules (pattern set 'plantilla') see the template's text where the answer should be."""
    cuerpo = (
        "<w:p><w:r><w:t xml:space=\"preserve\">¿Cuándo se realizó? </w:t></w:r>"
        '<w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>'
        '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Haga clic o pulse aquí para escribir texto.</w:t></w:r>'
        "</w:sdtContent></w:sdt></w:p>"
    )
    assert [s.texto for s in segmentos_docx(paquete(cuerpo))] == ["¿Cuándo se realizó? Haga clic o pulse aquí para escribir texto."]


def test_la_vigencia_en_una_tabla_de_portada_da_el_periodo() -> None:
    """'Vigencia | 2025' in a cover table is the period, not the plan's last year."""
    from auditor.entrada.carga import cargar_bytes

    documento = docx.Document()
    for linea in ("GOBERNACIÓN DEL HUILA", "SECRETARÍA DE SALUD DEPARTAMENTAL", "INFORME DE RENDICIÓN DE CUENTAS",
                  "Plan de Desarrollo Departamental 2024-2027"):
        documento.add_paragraph(linea)
    tabla = documento.add_table(rows=2, cols=2)
    for fila, (rotulo, valor) in enumerate((("Vigencia", "2025"), ("Fecha de corte", "31 de octubre de 2025"))):
        tabla.cell(fila, 0).text, tabla.cell(fila, 1).text = rotulo, valor
    for linea in ("Meta 12: 4 huertas", "Se establecieron 2 huertas, con un avance del 50 % frente al cuatrienio."):
        documento.add_paragraph(linea)
    cargado = cargar_bytes(guardar(documento), "portada.docx")
    informe = cargado.informe
    assert informe is not None and (informe.periodo.desde, informe.periodo.hasta, informe.fecha_corte) == (2025, 2025, "2025-10-31")
    assert not [p for p in cargado.problemas if p.campo == "periodo"]


def test_una_rejilla_de_rotulos_y_valores_por_meta() -> None:
    """A meta's table written as rows of labels over rows of values ('Programado 2025 | Ejecutado … | % cumplimiento
    2025'), then one-cell labels over their answers: each value goes where its label says; an unknown label's value
    ('Código indicador MGA') is no answer."""
    from auditor.entrada.carga import cargar_bytes

    documento = docx.Document()
    for linea in ("GOBERNACIÓN DEL HUILA", "SECRETARÍA DE SALUD DEPARTAMENTAL", "INFORME DE RENDICIÓN DE CUENTAS", "Vigencia 2025",
                  "Fecha de corte: 31 de octubre de 2025", "Plan de Desarrollo Departamental 2024-2027"):
        documento.add_paragraph(linea)
    filas = [["META DE PRODUCTO No. 203 – IPS públicas dotadas con equipos biomédicos"],
             ["Código indicador MGA", "Unidad de medida", "Meta cuatrienio", "Tipo de acumulación"],
             ["1903012", "Número", "16 IPS", "Suma"],
             ["Programado 2025", "Ejecutado a la fecha de corte", "% cumplimiento 2025", "% avance cuatrienio"],
             ["8 IPS", "6 IPS", "75 %", "37,5 %"],
             ["Recursos programados", "Recursos ejecutados", "Fuente de financiación", "Contrato / convenio"],
             ["$ 2.100.000.000", "$ ___________", "SGR – Asignaciones Directas", "Contrato 0455 de 2025"],
             ["Descripción del avance"],
             ["Se entregaron equipos biomédicos a seis ESE de primer nivel."],
             ["Municipios y lugares intervenidos"],
             ["ESE de Garzón, La Plata y Pitalito."]]
    tabla = documento.add_table(rows=len(filas), cols=4)
    for i, fila in enumerate(filas):
        if len(fila) == 1:
            celda = tabla.cell(i, 0).merge(tabla.cell(i, 3))
            celda.text = fila[0]
        else:
            for j, texto in enumerate(fila):
                tabla.cell(i, j).text = texto
    cargado = cargar_bytes(guardar(documento), "rejilla.docx")
    meta = cargado.informe.metas[0]
    assert (meta.numero, meta.meta_cuatrienio.cantidad.valor, meta.programado_periodo.valor) == (203, 16, 8)
    assert (meta.logro.cantidad.valor, meta.cumplimiento_periodo.valor, meta.avance_cuatrienio.valor) == (6, 75, 37.5)
    assert meta.inversion.texto == "$ ___________\n\nSGR – Asignaciones Directas"  # programmed and the contract are not the executed amount
    assert meta.inversion.ejecutada is None or meta.inversion.ejecutada.valor is None
    assert meta.logro.texto.endswith("Se entregaron equipos biomédicos a seis ESE de primer nivel.")
    assert meta.localizacion.texto == "ESE de Garzón, La Plata y Pitalito."
    assert "1903012" not in cargado.informe.model_dump_json()
    hallazgos = [p.regla for p in cargado.problemas if p.regla == "ENT004"]
    assert hallazgos == []


def test_la_fila_total_de_una_tabla_de_resumen_antes_de_las_metas() -> None:
    """'Tabla 1. Resumen …' with a row per meta and a TOTAL row: the TOTAL is a claim about the metas of its rows,
    checked by the totals rules against what each meta reports."""
    from auditor.configuracion.configuracion import Configuracion
    from auditor.entrada.carga import cargar_bytes
    from auditor.motor.auditor import preparar
    from auditor.motor.auditoria import auditar_cargado

    documento = docx.Document()
    for linea in ("GOBERNACIÓN DEL HUILA", "SECRETARÍA DE SALUD DEPARTAMENTAL", "INFORME DE RENDICIÓN DE CUENTAS", "Vigencia 2025",
                  "Fecha de corte: 31 de octubre de 2025", "Tabla 1. Resumen de avance de las metas de producto"):
        documento.add_paragraph(linea)
    resumen = [["Meta", "Programado 2025", "Ejecutado", "Recursos ejecutados"], ["201", "37", "37", "$ 1.120.000.000"],
               ["202", "8", "6", "$ 300.000.000"], ["TOTAL", "", "", "$ 1.520.000.000"]]
    tabla = documento.add_table(rows=len(resumen), cols=4)
    for i, fila in enumerate(resumen):
        for j, texto in enumerate(fila):
            tabla.cell(i, j).text = texto
    for numero, monto in (("201", "$ 1.120.000.000"), ("202", "$ 300.000.000")):
        meta = documento.add_table(rows=3, cols=2)
        meta.cell(0, 0).merge(meta.cell(0, 1)).text = f"META DE PRODUCTO No. {numero} – Asistencia técnica"
        meta.cell(1, 0).text, meta.cell(1, 1).text = "Recursos ejecutados", "Fuente de financiación"
        meta.cell(2, 0).text, meta.cell(2, 1).text = monto, "SGP"
    cargado = cargar_bytes(guardar(documento), "resumen.docx")
    total = cargado.informe.totales[0]
    assert (total.eje, total.metas, total.inversion.monto.valor) == ("TOTAL", [201, 202], 1520)
    hallazgos = auditar_cargado(preparar(Configuracion(), []), cargado).hallazgos
    [tot] = [h for h in hallazgos if h.regla == "TOT001"]
    assert "suma $1.420 millones" in tot.mensaje


def test_los_parrafos_de_una_lista_de_word_se_saben_items() -> None:
    """A paragraph numbered by Word (w:numPr) or in a list style is an item of a list; its number or bullet is not
    in the text, so the segment says it (the narrative reader keeps a list with the paragraph that announces it)."""
    documento = docx.Document()
    documento.add_paragraph("Se construyeron 2 parques:")
    documento.add_paragraph("Parque de la vereda La Bella.", style="List Number")
    documento.add_paragraph("Parque del barrio Cuba.", style="List Bullet")
    numerado = documento.add_paragraph("Parque del barrio Boston.")
    propiedades = numerado._p.get_or_add_pPr()
    num_pr = propiedades.makeelement(qn("w:numPr"), {})
    num_pr.append(num_pr.makeelement(qn("w:numId"), {qn("w:val"): "1"}))
    propiedades.append(num_pr)
    documento.add_paragraph("La entrega del tercer parque se realizará en diciembre.")
    salida = io.BytesIO()
    documento.save(salida)
    assert [(s.texto[:20], s.vineta) for s in segmentos_docx(salida.getvalue())] == [
        ("Se construyeron 2 pa", False), ("Parque de la vereda ", True), ("Parque del barrio Cu", True),
        ("Parque del barrio Bo", True), ("La entrega del terce", False)]


def test_los_items_de_una_lista_exportada_se_saben_items() -> None:
    texto = "Actividades:\n\n- Visitas de verificación.\n- Jornadas de socialización.\n\n1. Convocatoria.\n\nCierre.\n"
    assert [(s.texto, s.vineta) for s in segmentos_de_texto(texto)] == [
        ("Actividades:", False), ("Visitas de verificación.", True), ("Jornadas de socialización.", True),
        ("1. Convocatoria.", True), ("Cierre.", False)]
