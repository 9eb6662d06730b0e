"""Import report documents (text exported from the Word template, or the .docx itself)
into report data: the same data a hand-written YAML file holds, each value with the line
of the document it came from, and every part that could not be placed reported.

Stages: bytes -> `Segmento`s (segmentos.py, docx.py) -> the layout's reader (tabular.py,
narrativa.py) -> a `Borrador` (report data + line map + problems) -> the loader's
validation, exactly as for YAML.
"""

from __future__ import annotations

from pathlib import Path

from auditor.entrada.formato import reconocer
from auditor.entrada.fuente import ErrorFuente, decodificar
from auditor.entrada.importar import narrativa, tabular
from auditor.entrada.importar.borrador import Borrador
from auditor.entrada.importar.segmentos import Segmento, segmentos_de_texto
from auditor.idioma import tr


def importar_bytes(contenido: bytes, nombre: str) -> Borrador:
    """Import one document; ErrorFuente when it cannot be read or follows neither template.

    What it is comes from its bytes (`entrada.formato`): a Word package named .txt is read as
    Word; a PDF, a .doc, an .odt or a Word lock file is refused with what to do."""
    formato = reconocer(contenido, nombre)
    if formato.rechazo is not None:
        raise ErrorFuente(1, formato.rechazo)
    if formato.docx or nombre.lower().endswith(".docx"):
        from auditor.entrada.importar.docx import leer_docx  # python-docx itself is imported only when a .docx is read

        lectura = leer_docx(contenido)
        borrador = importar_segmentos(lectura.segmentos, Path(nombre).name)
        for aviso in lectura.avisos:  # what the reader left out: hidden text, embedded files
            borrador.problema(aviso.regla, aviso.linea, aviso.mensaje, aviso.texto)
            borrador.ubicaciones.setdefault(aviso.linea, aviso.ubicacion)
        return borrador
    return importar_segmentos(segmentos_de_texto(decodificar(contenido)), Path(nombre).name)


def importar_segmentos(segmentos: list[Segmento], documento: str) -> Borrador:
    tabulares = sum(1 for s in segmentos if tabular.META.match(s.texto))
    narrativas = sum(1 for s in segmentos if narrativa.META.match(s.texto))
    if not tabulares and not narrativas:
        if not any(s.texto.strip() for s in segmentos):
            raise ErrorFuente(1, tr("el documento está vacío: se esperaba un informe de rendición de cuentas"))
        raise ErrorFuente(
            segmentos[0].linea,
            tr("el documento no sigue ninguna de las dos plantillas del informe: no tiene metas 'Meta # N' "
               "(plantilla tabular) ni 'Meta cuatrienio N: …' (plantilla narrativa)"),
        )
    borrador = Borrador()
    borrador.anotar(segmentos)
    if tabulares >= narrativas:
        tabular.LectorTabular(segmentos, borrador).leer()
        plantilla = "tabular"
    else:
        narrativa.LectorNarrativo(segmentos, borrador).leer()
        plantilla = "narrativa"
    metas = borrador.datos.get("metas", [])
    primera = metas[0]["numero"] if metas else 1
    linea = borrador.mapa.lineas.get(("metas",), 1)
    borrador.poner(("plantilla",), plantilla, linea)
    borrador.poner(("numeracion_metas",), "consecutiva" if primera == 1 else "plan", linea)
    borrador.poner(("documento",), documento, 1)
    return borrador
