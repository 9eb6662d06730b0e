"""Import report documents (text exported from the Word template, or the .docx itself)
into report data: the same data a hand-written YAML file holds, each value with the line
of the document it came from, and every part that could not be placed reported.

Stages: bytes -> `Segmento`s (segmentos.py, docx.py) -> the layout's reader (tabular.py,
narrativa.py, matriz.py) -> a `Borrador` (report data + line map + problems) -> the loader's
validation, exactly as for YAML.
"""

from __future__ import annotations

from pathlib import Path

from auditor.entrada.fuente import ErrorFuente, decodificar
from auditor.entrada.importar import matriz, narrativa, tabular
from auditor.entrada.importar.borrador import Borrador
from auditor.entrada.importar.segmentos import Segmento, segmentos_de_texto
from auditor.idioma import tr


def importar_bytes(contenido: bytes, nombre: str) -> Borrador:
    """Import one document; ErrorFuente when it cannot be read or follows neither template."""
    if nombre.lower().endswith(".docx"):
        from auditor.entrada.importar.docx import segmentos_docx  # python-docx itself is imported only when a .docx is read

        segmentos = segmentos_docx(contenido)
    else:
        segmentos = segmentos_de_texto(decodificar(contenido))
    return importar_segmentos(segmentos, Path(nombre).name)


def importar_segmentos(segmentos: list[Segmento], documento: str) -> Borrador:
    # a vertically merged cell is read once by the template layouts; only the matrix repeats it per row
    propios = [s for s in segmentos if not s.fusionada]
    tabulares = sum(1 for s in propios if tabular.META.match(s.texto))
    narrativas = sum(1 for s in propios if narrativa.META.match(s.texto))
    # Both layouts write their headings alike ('Meta 510:', 'Meta cuatrienio 80:'): the tabular one is
    # told by its questions and cell headings ('¿Qué se hizo?', 'INVERSIÓN'), about one per meta at least.
    preguntas = sum(1 for s in propios if any(e.patron.search(s.texto) for e in tabular.PERFIL.etiquetas if e.pregunta))
    en_matriz = not tabulares and not narrativas and matriz.buscar_matriz(segmentos) is not None
    if not tabulares and not narrativas and not en_matriz:
        if not any(s.texto.strip() for s in segmentos):
            raise ErrorFuente(1, tr("el documento está vacío: se esperaba un informe de rendición de cuentas"))
        raise ErrorFuente(
            segmentos[0].linea,
            tr("el documento no sigue ninguna de las plantillas del informe: no tiene metas 'Meta # N' "
               "(plantilla tabular) ni 'Meta cuatrienio N: …' (plantilla narrativa) ni una tabla cuyo encabezado "
               "nombre la meta y sus datos (matriz de seguimiento)"),
        )
    borrador = Borrador()
    borrador.anotar(segmentos)
    if en_matriz:
        matriz.LectorMatriz(segmentos, borrador).leer()
        plantilla = "matriz"
    elif tabulares and (not narrativas or preguntas >= narrativas):
        tabular.LectorTabular(propios, borrador).leer()
        plantilla = "tabular"
        borrador.perfil = tabular.PERFIL.archivo
    else:
        narrativa.LectorNarrativo(propios, borrador).leer()
        plantilla = "narrativa"
        borrador.perfil = narrativa.PERFIL.archivo
    metas = borrador.datos.get("metas", [])
    primera = metas[0]["numero"] if metas else 1
    linea = borrador.mapa.lineas.get(("metas",), 1)
    borrador.poner(("plantilla",), plantilla, linea)
    borrador.poner(("numeracion_metas",), "consecutiva" if primera == 1 else "plan", linea)
    borrador.poner(("documento",), documento, 1)
    return borrador
