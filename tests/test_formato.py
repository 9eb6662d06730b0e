"""Files named for what they are, by their bytes: whatever the extension says."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from auditor.entrada.carga import cargar_archivo, cargar_bytes, descubrir
from auditor.entrada.formato import reconocer

from .conftest import SEEDS


def _zip(miembros: dict[str, str]) -> bytes:
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w") as zip_:
        for nombre, datos in miembros.items():
            zip_.writestr(nombre, datos)
    return salida.getvalue()


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "WordDocument".encode("utf-16-le") + bytes(100)
XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "Workbook".encode("utf-16-le") + bytes(100)
ODT = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"})
ODS = _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
RTF = b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Calibri;}} Meta # 1 Huertas\\par }"
BLOQUEO = bytes([7]) + b"usuario" + bytes(46) + "usuario".encode("utf-16-le") + bytes(90)


@pytest.mark.parametrize("nombre", ["informe.yaml", "informe.json", "informe.txt", "informe.docx", "informe.md"])
@pytest.mark.parametrize(("contenido", "mensaje"), [
    pytest.param(PDF, "es un PDF", id="pdf"),
    pytest.param(DOC, "es un documento de Word 97-2003 (.doc), que auditor no lee: ábralo en Word y guárdelo como .docx", id="doc"),
    pytest.param(XLS, "es un archivo de Excel o PowerPoint 97-2003", id="xls"),
    pytest.param(ODT, "es un documento de OpenDocument (.odt", id="odt"),
    pytest.param(ODS, "es un archivo de OpenDocument (spreadsheet)", id="ods"),
    pytest.param(RTF, "es un documento RTF", id="rtf"),
])
def test_cada_formato_se_nombra_por_su_contenido(contenido: bytes, mensaje: str, nombre: str) -> None:
    cargado = cargar_bytes(contenido, nombre)
    assert cargado.informe is None
    assert [(p.regla, p.linea) for p in cargado.problemas] == [("ENT001", 1)]
    assert mensaje in cargado.problemas[0].mensaje
    assert "YAML no válido" not in cargado.problemas[0].mensaje and "binario" not in cargado.problemas[0].mensaje


def test_un_docx_con_otro_nombre_se_lee_como_word() -> None:
    from .docx_plantilla import construir

    texto = (SEEDS / "001_9c83fb85eb1ea363.txt").read_text(encoding="utf-8")
    contenido = construir(texto)
    assert reconocer(contenido, "informe.txt").docx
    como_txt = cargar_bytes(contenido, "informe.txt")
    como_docx = cargar_bytes(contenido, "informe.docx")
    assert como_txt.informe is not None and como_docx.informe is not None
    assert como_txt.informe.model_dump(exclude={"documento"}) == como_docx.informe.model_dump(exclude={"documento"})
    assert como_txt.ubicaciones == como_docx.ubicaciones != {}


def test_otro_paquete_de_office_con_nombre_de_datos_lo_nombra_el_lector_de_word() -> None:
    tipos = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
    relaciones = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  '<Relationship Id="rId1" Target="xl/workbook.xml" '
                  'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')
    contenido = _zip({"[Content_Types].xml": tipos, "_rels/.rels": relaciones, "xl/workbook.xml": "<workbook/>"})
    cargado = cargar_bytes(contenido, "metas.yaml")
    assert "es una hoja de cálculo de Excel" in cargado.problemas[0].mensaje


def test_un_texto_o_datos_de_verdad_no_cambian() -> None:
    assert reconocer(b"entidad: x\n", "a.yaml").rechazo is None and not reconocer(b"entidad: x\n", "a.yaml").docx
    assert reconocer(b"Meta # 1 {\\rtf no al comienzo", "a.txt").rechazo is None


def test_archivo_de_bloqueo_de_word(tmp_path: Path) -> None:
    """Word's `~$nombre.docx` beside an open draft: skipped in a directory walk, explained when named."""
    documento = docx.Document()
    documento.add_paragraph("Meta # 1 Huertas escolares")
    documento.save(tmp_path / "informe.docx")
    (tmp_path / "~$forme.docx").write_bytes(BLOQUEO)
    descubiertos = descubrir([tmp_path])
    assert [a.name for a in descubiertos.archivos] == ["informe.docx"] and descubiertos.faltantes == [] and descubiertos.omitidos == []
    cargado = cargar_archivo(tmp_path / "~$forme.docx")
    assert [p.regla for p in cargado.problemas] == ["ENT001"]
    assert "archivo temporal que Word crea" in cargado.problemas[0].mensaje


def test_importar_nombra_el_formato(tmp_path: Path) -> None:
    from auditor.entrada.importar import importar_bytes
    from auditor.lectura.fuente import ErrorFuente

    with pytest.raises(ErrorFuente, match="es un PDF"):
        importar_bytes(PDF, "informe.docx")


def test_texto_oculto_llega_como_hallazgo_de_entrada() -> None:
    """The Word reader's notices become input problems of the loaded report, at their paragraph."""
    from .docx_plantilla import construir

    documento = docx.Document(io.BytesIO(construir((SEEDS / "001_9c83fb85eb1ea363.txt").read_text(encoding="utf-8"))))
    parrafo = documento.add_paragraph("Nota final")
    parrafo.add_run(" con 50 millones ocultos").font.hidden = True
    salida = io.BytesIO()
    documento.save(salida)
    cargado = cargar_bytes(salida.getvalue(), "informe.docx")
    ocultos = [p for p in cargado.problemas if p.regla == "ENT005" and "texto oculto" in p.mensaje]
    assert len(ocultos) == 1 and ocultos[0].texto == "con 50 millones ocultos"
    assert cargado.ubicaciones[ocultos[0].linea].startswith("párrafo ")
