"""What a file really is, by its first bytes, whatever its name says.

Offices keep their reports as Word drafts, PDFs and the occasional old .doc or LibreOffice .odt;
a file is often renamed or saved with the wrong extension.  Read by its name, a PDF was "YAML
no válido" and a .doc "binario": here each is named for what it is, with what to do.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from auditor.idioma import tr

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: Word 97-2003, Excel 97-2003, or an encrypted .docx
_ZIP = b"PK\x03\x04"
BLOQUEO_WORD = "~$"  # Word's owner file beside an open document: "~$forme.docx" for "informe.docx"


@dataclass(frozen=True)
class Formato:
    """`docx` when the bytes are a Word (Office Open XML) package; `rechazo` when they are
    something auditor does not read (the message, in the language of the run, says what to do)."""

    docx: bool = False
    rechazo: str | None = None


def es_bloqueo_de_word(nombre: str) -> bool:
    """A name Word gives its lock file (`~$nombre.docx`), never a report."""
    return PurePath(nombre).name.startswith(BLOQUEO_WORD)


def reconocer(contenido: bytes, nombre: str) -> Formato:
    """What `contenido` is: a Word package, something to refuse with what to do, or (the
    default) what its name says (YAML, JSON, a text export)."""
    cabeza = contenido[:1024]
    if es_bloqueo_de_word(nombre) and not cabeza.startswith(_ZIP):
        return Formato(rechazo=tr("es el archivo temporal que Word crea mientras tiene abierto un documento (su nombre empieza "
                                  "por '~$'), no un informe: cierre Word y audite el documento .docx de la misma carpeta"))
    if b"%PDF-" in cabeza.lstrip()[:16]:
        return Formato(rechazo=tr("es un PDF, no un documento editable: audite el .docx del que salió el PDF (o ábralo en "
                                  "Word y guárdelo como .docx)"))
    if contenido.startswith(_OLE):
        return Formato(rechazo=_ole(contenido))
    if cabeza.lstrip().startswith(b"{\\rtf"):
        return Formato(rechazo=tr("es un documento RTF: ábralo en Word y guárdelo como Documento de Word (.docx)"))
    if contenido.startswith(_ZIP):
        return _zip(contenido)
    return Formato()


def _ole(contenido: bytes) -> str:
    if "EncryptionInfo".encode("utf-16-le") in contenido:
        return tr("es un documento de Word protegido con contraseña: guárdelo en Word sin contraseña y vuelva a intentarlo")
    if "WordDocument".encode("utf-16-le") in contenido or not any(
        nombre.encode("utf-16-le") in contenido for nombre in ("Workbook", "PowerPoint Document")
    ):
        return tr("es un documento de Word 97-2003 (.doc), que auditor no lee: ábralo en Word y guárdelo como .docx")
    return tr("es un archivo de Excel o PowerPoint 97-2003, no un documento de Word: el informe se audita en .docx")


def _zip(contenido: bytes) -> Formato:
    try:
        with zipfile.ZipFile(io.BytesIO(contenido)) as paquete:
            nombres = set(paquete.namelist())
            tipo = ""
            if "mimetype" in nombres and paquete.getinfo("mimetype").file_size < 200:
                tipo = paquete.read("mimetype").decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError, RuntimeError):
        return Formato(docx=True)  # a damaged package: the Word reader says what is wrong with it
    if tipo.startswith("application/vnd.oasis.opendocument.text"):
        return Formato(rechazo=tr("es un documento de OpenDocument (.odt, de LibreOffice o de Google Docs): guárdelo como "
                                  "Documento de Word (.docx) y audite ese archivo"))
    if tipo.startswith("application/vnd.oasis.opendocument"):
        return Formato(rechazo=tr("es un archivo de OpenDocument ({tipo}), no un documento de texto: el informe se audita en .docx",
                                  tipo=tipo.rsplit(".", 1)[-1]))
    if "[Content_Types].xml" in nombres:
        return Formato(docx=True)  # Word, or another Office package the Word reader names (.xlsx, .pptx, .dotx)
    return Formato()
