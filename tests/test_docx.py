"""Reading a .docx report: body order, tables and merged cells, bold, positions, bad input."""

from __future__ import annotations

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

from auditor.importar.docx import LIMITE_DESCOMPRIMIDO, segmentos_docx
from auditor.importar.segmentos import Segmento, limpiar_parrafo
from auditor.source import ErrorFuente

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


def p(texto: str = "", *, negrita: bool = False) -> str:
    propiedades = "<w:rPr><w:b/></w:rPr>" if negrita else ""
    return f'<w:p><w:r>{propiedades}<w:t xml:space="preserve">{texto}</w:t></w:r></w:p>' if texto else "<w:p/>"


def guardar(documento: Any) -> bytes:
    salida = io.BytesIO()
    documento.save(salida)
    return salida.getvalue()


def resumen(segmentos: list[Segmento]) -> list[tuple[str, int | None, int | None]]:
    return [(s.texto, s.fila, s.celda) for s in segmentos]


# -- where a Segmento says it is ---------------------------------------------------------


def cuerpo_de(contenido: bytes) -> Any:
    return docx.Document(io.BytesIO(contenido)).element.body


def parrafo_en_linea(cuerpo: Any, linea: int) -> Any:
    """The `linea`-th paragraph of the body in document order, found by lxml on its own."""
    return list(cuerpo.iter(qn("w:p")))[linea - 1]


def parrafo_en_ubicacion(cuerpo: Any, ubicacion: str) -> Any:
    """Follow "tabla 3, fila 2, celda 1, párrafo 2" the way a reader counts in Word."""
    elemento = cuerpo
    hijos = {"tabla": "w:tbl", "fila": "w:tr", "celda": "w:tc", "párrafo": "w:p"}
    for parte in ubicacion.split(", "):
        nombre, numero = re.fullmatch(r"(tabla|fila|celda|párrafo) (\d+)", parte).groups()  # type: ignore[union-attr]
        elemento = elemento.findall(qn(hijos[nombre]))[int(numero) - 1]
    return elemento


def texto_segun_python_docx(parrafo: Any) -> str:
    return limpiar_parrafo(Paragraph(parrafo, None).text)  # type: ignore[arg-type]


def assert_lugares_reales(contenido: bytes, segmentos: list[Segmento]) -> None:
    """`linea` and `ubicacion` name the same paragraph, and it holds the text."""
    cuerpo = cuerpo_de(contenido)
    for segmento in segmentos:
        assert segmento.ubicacion is not None
        por_linea = parrafo_en_linea(cuerpo, segmento.linea)
        assert por_linea is parrafo_en_ubicacion(cuerpo, segmento.ubicacion), segmento
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

    assert resumen(segmentos) == [
        ("Meta # 1 Rondas de negociaciones", 1, 0),
        ("Cumplimiento", 2, 0),
        ("Inversión", 2, 1),
        ("Beneficiarios", 2, 2),
        ("$ 601,4 millones", 3, 1),
        ("35 empresarios", 3, 2),
    ]
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


def test_documento_sin_texto() -> None:
    assert segmentos_docx(paquete(p() + p(" "))) == []


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
    pytest.param(_xml_roto(), "no es un documento de Word válido (una de sus partes XML está dañada; detalle: XMLSyntaxError", id="xml dañado"),
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
        "import auditor.importar.docx, auditor.cli\n"
        "from click.testing import CliRunner\n"
        "resultado = CliRunner().invoke(auditor.cli.main, ['--help'])\n"
        "assert resultado.exit_code == 0, resultado.output\n"
        "print(sorted(m for m in sys.modules if m == 'docx' or m.startswith(('docx.', 'lxml'))))\n"
    )
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert salida.stdout.strip() == "[]"
