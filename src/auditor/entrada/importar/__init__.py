"""Import report documents (text exported from the Word template, or the .docx itself)
into report data: the same data a hand-written YAML file holds, each value with the line
of the document it came from, and every part that could not be placed reported.

Stages: bytes -> `Segmento`s (segmentos.py, docx.py) -> the layout's reader (tabular.py,
narrativa.py, matriz.py) -> a `Borrador` (report data + line map + problems) -> the loader's
validation, exactly as for YAML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from auditor.entrada.formato import reconocer
from auditor.entrada.importar import matriz, narrativa, perfiles, tabular
from auditor.entrada.importar.borrador import Borrador
from auditor.entrada.importar.cierre import cierre_del_documento, es_solo_firma, inicio_del_documento
from auditor.entrada.importar.miles import segmentos_con_punto_de_miles
from auditor.entrada.importar.perfiles import Perfil
from auditor.entrada.importar.segmentos import Segmento, segmentos_de_texto
from auditor.entrada.problemas import ENTRADA_SUPUESTO
from auditor.idioma import tr
from auditor.lectura.fuente import ErrorFuente, decodificar


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
    texto = decodificar(contenido)
    segmentos = segmentos_de_texto(texto)
    eleccion = elegir_plantilla(segmentos)
    if eleccion is None:
        # no heading opens a paragraph: an export that puts a single newline between paragraphs (a PDF's text)
        # glues each heading to the line before it; headings read line by line may show the layout
        encabezados = [p.encabezado for p in perfiles.en_uso()]
        por_lineas = segmentos_de_texto(texto, titulo=lambda t: any(e.match(t) for e in encabezados))
        if elegir_plantilla(por_lineas) is not None:
            segmentos, eleccion = por_lineas, elegir_plantilla(por_lineas)
    if eleccion is not None and eleccion.perfil is not None:
        # paragraphs may be hard-wrapped, with single newlines between them: a meta heading, and a line that opens
        # with a label or a question of the template, start a paragraph
        perfil_ = eleccion.perfil
        if perfil_.plantilla == "narrativa":
            segmentos = segmentos_de_texto(texto, titulo=lambda t: narrativa.es_encabezado_meta(t, perfil_) is not None,
                                           abre=perfil_.abre_con_rotulo, solo=perfil_.es_rotulo_solo)
        else:
            encabezado = perfil_.encabezado
            segmentos = segmentos_de_texto(texto, titulo=lambda t: encabezado.match(t) is not None, abre=perfil_.abre_linea,
                                           solo=perfil_.es_rotulo_solo)
    return importar_segmentos(segmentos, Path(nombre).name)


def importar_segmentos(segmentos: list[Segmento], documento: str) -> Borrador:
    eleccion = elegir_plantilla(segmentos)
    if eleccion is None:
        if not any(s.texto.strip() for s in segmentos):
            raise ErrorFuente(1, tr("el documento está vacío: se esperaba un informe de rendición de cuentas"))
        raise ErrorFuente(
            segmentos[0].linea,
            tr("el documento no sigue ninguna de las plantillas del informe: no tiene metas 'Meta # N' "
               "(plantilla tabular) ni 'Meta cuatrienio N: …' (plantilla narrativa) ni una tabla cuyo encabezado "
               "nombre la meta y sus datos (matriz de seguimiento); si la oficina usa otra plantilla, descríbala en un perfil "
               "propio (una carpeta plantillas/ en su directorio de reglas, con --rules)"),
        )
    plantilla = eleccion.plantilla
    borrador = Borrador()
    borrador.razon_perfil = eleccion.razon
    segmentos = _sin_cierre(segmentos, eleccion, borrador)
    segmentos, agrupado = segmentos_con_punto_de_miles(segmentos)
    if agrupado is not None:
        borrador.problema(ENTRADA_SUPUESTO, agrupado.linea,
                          tr("el documento separa los miles con espacios («1 250») o los millones con un apóstrofo («2.345'678.000»): "
                             "esas cifras se leen, y se citan, con el punto de miles («1.250», «2.345.678.000»)"), texto=agrupado.texto[:160])
    borrador.anotar(segmentos)
    propios = [s for s in segmentos if not s.fusionada]  # a vertically merged cell: only the matrix repeats it per row
    if eleccion.perfil is None:
        matriz.LectorMatriz(segmentos, borrador).leer()
        borrador.perfil = str(matriz.rutas_perfil()[0])
    elif plantilla == "tabular":
        tabular.LectorTabular(propios, borrador, eleccion.perfil).leer()
        borrador.perfil = eleccion.perfil.archivo
        encabezado = eleccion.perfil.encabezado
        primera = next((i for i, s in enumerate(propios) if encabezado.match(s.texto)), len(propios))
        matriz.leer_tabla_de_resumen(propios[:primera], borrador)  # its TOTAL row, a claim about the metas of its rows
    else:
        narrativa.LectorNarrativo(propios, borrador, eleccion.perfil).leer()
        borrador.perfil = eleccion.perfil.archivo
    metas = borrador.datos.get("metas", [])
    primera = metas[0]["numero"] if metas else 1
    linea = borrador.mapa.lineas.get(("metas",), 1)
    borrador.poner(("plantilla",), plantilla, linea)
    por_codigo = bool(metas) and "codigo" in metas[0]  # numbered by the plan's levels: their order is not the plan's number
    borrador.poner(("numeracion_metas",), "consecutiva" if primera == 1 and not por_codigo else "plan", linea)
    borrador.poner(("documento",), documento, 1)
    return borrador


def _sin_cierre(segmentos: list[Segmento], eleccion: Eleccion, borrador: Borrador) -> list[Segmento]:
    """The segments between the e-mail that carries the document, if it opens with one (`cierre.inicio_del_documento`),
    and its closing after its last meta (`cierre.cierre_del_documento`: an e-mail's closing, signature and quoted
    message, or a rule and a colophon); what is left out is said once each (ENT005), at the line it starts at."""
    perfil_ = eleccion.perfil
    if perfil_ is None:
        return segmentos  # the matrix: one table, no tail to tell
    if perfil_.plantilla == "narrativa":
        inicios = {id(segmentos[i]) for i in narrativa.inicios_de_meta(segmentos, perfil_)}
        es_meta: Callable[[Segmento], bool] = lambda s: id(s) in inicios  # noqa: E731
    else:
        encabezado = perfil_.encabezado
        es_meta = lambda s: encabezado.match(s.texto) is not None  # noqa: E731
    corte = cierre_del_documento(segmentos, es_meta)
    if corte is not None and es_solo_firma(segmentos[corte:]):
        segmentos = segmentos[:corte]  # 'Elaboró: …' and the place and date under it: the signature, left out silently
    elif corte is not None:
        inicio = segmentos[corte]
        borrador.problema(ENTRADA_SUPUESTO, inicio.linea,
                          tr("desde aquí el documento se cierra (una raya, la despedida y la firma de un correo o el mensaje que "
                             "responde): no es parte de ninguna meta y no se audita ({parrafos} párrafos)", parrafos=len(segmentos) - corte),
                          texto=inicio.texto[:160])
        segmentos = segmentos[:corte]
    abre = inicio_del_documento(segmentos, es_meta)
    if abre:
        borrador.problema(ENTRADA_SUPUESTO, segmentos[0].linea,
                          tr("el documento abre con el correo que lo envía (asunto, destinatarios, saludo y mensaje): no es la "
                             "portada del informe y no se audita ({parrafos} párrafos)", parrafos=abre),
                          texto=segmentos[0].texto[:160])
        segmentos = segmentos[abre:]
    return segmentos


def es_documento_de_informe(texto: str) -> bool:
    """Whether a text follows one of the layouts the importer reads (what a directory walk audits as a
    report): its meta headings or its matrix table, recognised as the import itself recognises them."""
    return _plantilla(segmentos_de_texto(texto)) is not None


@dataclass(frozen=True)
class Eleccion:
    """The layout a document follows, the profile it is read with (None for the matrix) and what showed it."""

    plantilla: str
    razon: str
    perfil: Perfil | None = None


_CAMPOS_DEL_RESPALDO = 3


def _metas_de(perfil_: Perfil, propios: list[Segmento]) -> int:
    """How many paragraphs open a meta as this profile writes its headings."""
    if perfil_.plantilla == "narrativa":
        return sum(1 for s in propios if narrativa.es_meta(s, perfil_))
    encabezado = perfil_.encabezado
    return sum(1 for s in propios if encabezado.match(s.texto))


def elegir_plantilla(segmentos: list[Segmento]) -> Eleccion | None:
    """The layout the document follows and its profile (None: none). Each profile in use (an office's own
    first, then the built-in ones) counts the meta headings it recognises; for each reader, the profile
    that recognises most (on a tie, the first: an office's own). Where both templates write them alike
    ('Meta 510:', 'Meta cuatrienio 80:'), the tabular one is told by its questions and cell headings
    ('¿Qué se hizo?', 'INVERSIÓN'), about one per meta at least. Without headings, a table whose header
    names the meta and its data is the matrix."""
    propios = [s for s in segmentos if not s.fusionada]
    mejores: dict[str, tuple[int, Perfil]] = {}
    for perfil_ in perfiles.en_uso():
        metas = _metas_de(perfil_, propios)
        if metas and (perfil_.plantilla not in mejores or metas > mejores[perfil_.plantilla][0]):
            mejores[perfil_.plantilla] = (metas, perfil_)
    if not mejores:  # headings only in the first cell of tables, in a form no tabular heading takes ('META 214' heading
        for perfil_ in perfiles.en_uso():  # each meta's ficha): the narrative reader reads each table as its meta's
            metas = len(narrativa.inicios_de_meta(propios, perfil_)) if perfil_.plantilla == "narrativa" else 0
            if metas and ("narrativa" not in mejores or metas > mejores["narrativa"][0]):
                mejores["narrativa"] = (metas, perfil_)
    if not mejores:  # no 'Meta N' anywhere: the fallback headings ('2.1.1 Cámaras …'), profile by profile, where
        textos = [s.texto for s in propios]  # the labels of at least three of the template's questions show the template
        for perfil_ in perfiles.en_uso():
            respaldo = perfil_.con_respaldo()
            metas = _metas_de(respaldo, propios) if respaldo is not None and perfil_.campos_rotulados(textos) >= _CAMPOS_DEL_RESPALDO else 0
            if respaldo is not None and metas and (perfil_.plantilla not in mejores or metas > mejores[perfil_.plantilla][0]):
                mejores[perfil_.plantilla] = (metas, respaldo)
    if mejores:
        tabulares, de_tabla = mejores.get("tabular", (0, tabular.PERFIL))
        narrativas, de_prosa = mejores.get("narrativa", (0, narrativa.PERFIL))
        preguntas = sum(1 for s in propios if any(e.patron.search(s.texto) for e in de_tabla.etiquetas if e.pregunta))
        if tabulares and (not narrativas or preguntas >= narrativas):
            if de_tabla.propio:
                return Eleccion("tabular", _razon_propia(de_tabla, tabulares), de_tabla)
            return Eleccion("tabular", tr("{metas} encabezados de meta de la plantilla tabular ('Meta # N') y {preguntas} "
                                          "preguntas suyas ('¿Qué se hizo?', 'INVERSIÓN')", metas=tabulares, preguntas=preguntas), de_tabla)
        if de_prosa.por_respaldo:
            return Eleccion("narrativa", tr("ningún encabezado 'Meta N', y {metas} títulos numerados por niveles ('2.1.1 Nombre') que "
                                            "el perfil {perfil} toma por metas", metas=narrativas, perfil=de_prosa.nombre), de_prosa)
        if de_prosa.propio:
            return Eleccion("narrativa", _razon_propia(de_prosa, narrativas), de_prosa)
        return Eleccion("narrativa", tr("{metas} encabezados de meta de la plantilla narrativa ('Meta cuatrienio N: …', "
                                        "'Meta N:'), y {preguntas} preguntas de la tabular, menos que metas",
                                        metas=narrativas, preguntas=preguntas), de_prosa)
    if matriz.buscar_matriz(segmentos) is None:
        return None
    razon = tr("ningún encabezado de meta, y una tabla cuyo encabezado nombra la meta y sus datos")
    propios_matriz = matriz.rutas_perfil()[1:]
    if propios_matriz:
        razon += tr(" (nombres de columna también de {archivos})", archivos=", ".join(str(r) for r in propios_matriz))
    return Eleccion("matriz", razon)


def _razon_propia(perfil_: Perfil, metas: int) -> str:
    return tr("{metas} encabezados de meta de este perfil propio de la oficina, que se lee como la plantilla {plantilla}",
              metas=metas, plantilla=perfil_.plantilla)


def _plantilla(segmentos: list[Segmento]) -> str | None:
    eleccion = elegir_plantilla(segmentos)
    return eleccion.plantilla if eleccion is not None else None
