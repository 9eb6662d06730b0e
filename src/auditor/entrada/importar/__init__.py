"""Import report documents (text exported from the Word template, or the .docx itself)
into report data: the same data a hand-written YAML file holds, each value with the line
of the document it came from, and every part that could not be placed reported.

Stages: bytes -> `Segmento`s (segmentos.py, docx.py) -> the layout's reader (tabular.py,
narrativa.py, matriz.py) -> a `Borrador` (report data + line map + problems) -> the loader's
validation, exactly as for YAML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.entrada.formato import reconocer
from auditor.entrada.importar import matriz, narrativa, perfiles, tabular
from auditor.entrada.importar.borrador import Borrador
from auditor.entrada.importar.cierre import cierre_del_documento, es_solo_firma, inicio_del_documento
from auditor.entrada.importar.miles import con_punto_de_miles_puesto, tiene_punto_de_miles_por_poner
from auditor.entrada.importar.perfiles import Perfil
from auditor.entrada.importar.segmentos import Lineas, Segmento, iterar_segmentos
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
    lineas = Lineas(texto)  # the text's lines, read from it when asked: every pass below segments it again, none copies it
    segmentar: Callable[[], Iterable[Segmento]] = lambda: iterar_segmentos(lineas)  # noqa: E731
    eleccion = elegir_plantilla(segmentar())
    if eleccion is None:
        # no heading opens a paragraph: an export that puts a single newline between paragraphs (a PDF's text)
        # glues each heading to the line before it; headings read line by line may show the layout
        encabezados = [p.encabezado for p in perfiles.en_uso()]
        por_lineas: Callable[[], Iterable[Segmento]] = lambda: iterar_segmentos(  # noqa: E731
            lineas, titulo=lambda t: any(e.match(t) for e in encabezados))
        eleccion = elegir_plantilla(por_lineas())
        if eleccion is not None:
            segmentar = por_lineas
    if eleccion is not None and eleccion.perfil is not None:
        # paragraphs may be hard-wrapped, with single newlines between them: a meta heading, and a line that opens
        # with a label or a question of the template, start a paragraph
        perfil_ = eleccion.perfil
        if perfil_.plantilla == "narrativa":
            segmentar = lambda: iterar_segmentos(  # noqa: E731
                lineas, titulo=lambda t: narrativa.es_encabezado_meta(t, perfil_) is not None, abre=perfil_.abre_con_rotulo,
                solo=perfil_.es_rotulo_solo)
        else:
            encabezado = perfil_.encabezado
            segmentar = lambda: iterar_segmentos(  # noqa: E731
                lineas, titulo=lambda t: encabezado.match(t) is not None, abre=perfil_.abre_linea, solo=perfil_.es_rotulo_solo)
    return importar_segmentos(segmentar, Path(nombre).name)


def importar_segmentos(segmentos: list[Segmento] | Callable[[], Iterable[Segmento]], documento: str) -> Borrador:
    """Read the document's paragraphs (a list, or what gives them again in order each time it is called, so that a
    large text export is read a meta at a time and never held whole) into a `Borrador`."""
    segmentar: Callable[[], Iterable[Segmento]] = segmentos if callable(segmentos) else lambda: segmentos  # noqa: E731
    eleccion = elegir_plantilla(segmentar())
    if eleccion is None:
        primero = next(iter(segmentar()), None)
        if primero is None or not any(s.texto.strip() for s in segmentar()):
            raise ErrorFuente(1, tr("el documento está vacío: se esperaba un informe de rendición de cuentas"))
        raise ErrorFuente(
            primero.linea,
            tr("el documento no sigue ninguna de las plantillas del informe: no tiene metas 'Meta # N' "
               "(plantilla tabular) ni 'Meta cuatrienio N: …' (plantilla narrativa) ni una tabla cuyo encabezado "
               "nombre la meta y sus datos (matriz de seguimiento); si la oficina usa otra plantilla, descríbala en un perfil "
               "propio (una carpeta plantillas/ en su directorio de reglas, con --rules)"),
        )
    plantilla = eleccion.plantilla
    borrador = Borrador()
    borrador.razon_perfil = eleccion.razon
    if eleccion.perfil is None:  # the matrix: one table, read whole (no tail to tell)
        todos = list(segmentar())
        _avisar_miles(borrador, next((s for s in todos if tiene_punto_de_miles_por_poner(s)), None))
        todos = [con_punto_de_miles_puesto(s) for s in todos]
        borrador.anotar(todos)
        matriz.LectorMatriz(todos, borrador).leer()
        borrador.perfil = str(matriz.rutas_perfil()[0])
    else:
        perfil_ = eleccion.perfil
        if perfil_.plantilla == "narrativa":  # its headings outside tables, or (none there) in the first cell of a row
            inicio = narrativa.abre_meta(perfil_, any(narrativa.es_meta(s, perfil_) for s in segmentar()))
        else:
            encabezado = perfil_.encabezado
            inicio = lambda previo, s: encabezado.match(s.texto) is not None  # noqa: E731
        # a first pass says what is left out (the e-mail around the document) and the thousands grouped with spaces,
        # before the reader's problems, and remembers where each .docx paragraph is
        agrupado: Segmento | None = None
        for s in _sin_cierre(segmentar(), inicio, borrador):
            if s.ubicacion:
                borrador.ubicaciones.setdefault(s.linea, s.ubicacion)
            if agrupado is None and tiene_punto_de_miles_por_poner(s):
                agrupado = s
        _avisar_miles(borrador, agrupado)
        # a vertically merged cell: only the matrix repeats it per row
        propios: Callable[[], Iterable[Segmento]] = lambda: (  # noqa: E731
            s for s in map(con_punto_de_miles_puesto, _sin_cierre(segmentar(), inicio, None)) if not s.fusionada)
        # a document given whole (a .docx) is read whole; a text export, as a stream
        entrada: Iterable[Segmento] = propios() if callable(segmentos) else list(propios())
        if plantilla == "tabular":
            lector = tabular.LectorTabular(entrada, borrador, perfil_, documento=propios)
            lector.leer()
            matriz.leer_tabla_de_resumen(lector.preambulo_propio, borrador)  # its TOTAL row, a claim about the metas of its rows
        else:
            narrativa.LectorNarrativo(entrada, borrador, perfil_, documento=propios).leer()
        borrador.perfil = perfil_.archivo
    metas = borrador.datos.get("metas", [])
    primera = metas[0]["numero"] if metas else 1
    linea = borrador.mapa.lineas.get(("metas",), 1)
    borrador.poner(("plantilla",), plantilla, linea)
    por_codigo = bool(metas) and "codigo" in metas[0]  # numbered by the plan's levels: their order is not the plan's number
    borrador.poner(("numeracion_metas",), "consecutiva" if primera == 1 and not por_codigo else "plan", linea)
    borrador.poner(("documento",), documento, 1)
    return borrador


def _avisar_miles(borrador: Borrador, agrupado: Segmento | None) -> None:
    """Said once: the document's first paragraph with its thousands grouped by spaces (`miles`), if any."""
    if agrupado is not None:
        borrador.problema(ENTRADA_SUPUESTO, agrupado.linea,
                          tr("el documento separa los miles con espacios («1 250») o los millones con un apóstrofo («2.345'678.000»): "
                             "esas cifras se leen, y se citan, con el punto de miles («1.250», «2.345.678.000»)"), texto=agrupado.texto[:160])


def _sin_cierre(segmentos: Iterable[Segmento], inicio: Callable[[Segmento | None, Segmento], bool],
                borrador: Borrador | None) -> Iterator[Segmento]:
    """The segments between the e-mail that carries the document, if it opens with one (`cierre.inicio_del_documento`),
    and its closing after its last meta (`cierre.cierre_del_documento`: an e-mail's closing, signature and quoted
    message, or a rule and a colophon); what is left out is said once each (ENT005), at the line it starts at, to
    `borrador` (None: not said).  `inicio`: whether a segment (after the one before it) opens a meta.
    One meta at a time: the paragraphs before the first meta heading wait for it (the e-mail is looked for in them),
    and those from a meta heading on for the next heading (or the end, where the closing is looked for in them)."""
    cabeza: list[Segmento] | None = []  # before the first meta heading
    espera: list[Segmento] = []  # from the last meta heading on
    abre = 0
    primero: Segmento | None = None  # the e-mail's first paragraph, if the document opens with one
    previo: Segmento | None = None
    for s in segmentos:
        meta = inicio(previo, s)
        previo = s
        if cabeza is not None:
            if not meta:
                cabeza.append(s)
                continue
            abre = inicio_del_documento(cabeza, lambda _s: False)
            yield from cabeza[abre:]
            primero, cabeza = (cabeza[0] if abre else None), None
            espera = [s]
        elif meta:
            yield from espera
            espera = [s]
        else:
            espera.append(s)
    if cabeza is not None:  # no meta heading: no closing after it
        abre = inicio_del_documento(cabeza, lambda _s: False)
        yield from cabeza[abre:]
        primero = cabeza[0] if abre else None
    ultima = espera[0] if espera else None
    corte = cierre_del_documento(espera, lambda s: s is ultima)
    yield from (espera if corte is None else espera[:corte])
    if borrador is None:
        return
    if corte is not None and not es_solo_firma(espera[corte:]):  # 'Elaboró: …' and the place and date under it: silently
        inicio_ = espera[corte]
        borrador.problema(ENTRADA_SUPUESTO, inicio_.linea,
                          tr("desde aquí el documento se cierra (una raya, la despedida y la firma de un correo o el mensaje que "
                             "responde): no es parte de ninguna meta y no se audita ({parrafos} párrafos)", parrafos=len(espera) - corte),
                          texto=inicio_.texto[:160])
    if primero is not None:
        borrador.problema(ENTRADA_SUPUESTO, primero.linea,
                          tr("el documento abre con el correo que lo envía (asunto, destinatarios, saludo y mensaje): no es la "
                             "portada del informe y no se audita ({parrafos} párrafos)", parrafos=abre),
                          texto=primero.texto[:160])


def es_documento_de_informe(texto: str) -> bool:
    """Whether a text follows one of the layouts the importer reads (what a directory walk audits as a
    report): its meta headings or its matrix table, recognised as the import itself recognises them."""
    return _plantilla(iterar_segmentos(texto)) is not None


@dataclass(frozen=True)
class Eleccion:
    """The layout a document follows, the profile it is read with (None for the matrix) and what showed it."""

    plantilla: str
    razon: str
    perfil: Perfil | None = None


_CAMPOS_DEL_RESPALDO = 3


def _es_meta_de(perfil_: Perfil) -> Callable[[Segmento], bool]:
    """Whether a paragraph opens a meta as this profile writes its headings."""
    if perfil_.plantilla == "narrativa":
        return lambda s: narrativa.es_meta(s, perfil_)
    encabezado = perfil_.encabezado
    return lambda s: encabezado.match(s.texto) is not None


def _metas_de(perfil_: Perfil, propios: list[Segmento]) -> int:
    """How many paragraphs open a meta as this profile writes its headings."""
    es_meta = _es_meta_de(perfil_)
    return sum(1 for s in propios if es_meta(s))


def _es_pregunta_de(perfil_: Perfil) -> Callable[[Segmento], bool]:
    preguntas = [e.patron for e in perfil_.etiquetas if e.pregunta]
    return lambda s: any(p.search(s.texto) for p in preguntas)


def elegir_plantilla(segmentos: Iterable[Segmento]) -> Eleccion | None:
    """The layout the document follows and its profile (None: none). Each profile in use (an office's own
    first, then the built-in ones) counts the meta headings it recognises; for each reader, the profile
    that recognises most (on a tie, the first: an office's own). Where both templates write them alike
    ('Meta 510:', 'Meta cuatrienio 80:'), the tabular one is told by its questions and cell headings
    ('¿Qué se hizo?', 'INVERSIÓN'), about one per meta at least. Without headings, a table whose header
    names the meta and its data is the matrix.

    One pass over the paragraphs, counting: they are kept only while no heading has been seen (what the
    fallbacks read), so that a large document is not held to choose how to read it."""
    en_uso = perfiles.en_uso()
    es_meta = [_es_meta_de(p) for p in en_uso]
    cuentas = [0] * len(en_uso)
    de_tabla_posibles = [p for p in en_uso if p.plantilla == "tabular"]
    if not any(p is tabular.PERFIL for p in de_tabla_posibles):
        de_tabla_posibles.append(tabular.PERFIL)
    es_pregunta = [_es_pregunta_de(p) for p in de_tabla_posibles]
    con_pregunta = [0] * len(de_tabla_posibles)
    guardados: list[Segmento] | None = []  # every paragraph, while no profile has found a heading
    for s in segmentos:
        if guardados is not None:
            guardados.append(s)
        if s.fusionada:
            continue
        for i, es in enumerate(es_meta):
            if es(s):
                cuentas[i] += 1
                guardados = None
        for i, es in enumerate(es_pregunta):
            if es(s):
                con_pregunta[i] += 1
    mejores: dict[str, tuple[int, Perfil]] = {}
    for perfil_, metas in zip(en_uso, cuentas, strict=True):
        if metas and (perfil_.plantilla not in mejores or metas > mejores[perfil_.plantilla][0]):
            mejores[perfil_.plantilla] = (metas, perfil_)
    if not mejores:  # headings only in the first cell of tables, in a form no tabular heading takes ('META 214' heading
        assert guardados is not None  # each meta's ficha): the narrative reader reads each table as its meta's
        propios = [s for s in guardados if not s.fusionada]
        for perfil_ in perfiles.en_uso():
            metas = len(narrativa.inicios_de_meta(propios, perfil_)) if perfil_.plantilla == "narrativa" else 0
            if metas and ("narrativa" not in mejores or metas > mejores["narrativa"][0]):
                mejores["narrativa"] = (metas, perfil_)
    if not mejores:  # no 'Meta N' anywhere: the fallback headings ('2.1.1 Cámaras …'), profile by profile, where
        assert guardados is not None  # the labels of at least three of the template's questions show the template
        return _elegir_sin_encabezados(guardados)
    return _elegir(mejores, lambda perfil_: next(n for p, n in zip(de_tabla_posibles, con_pregunta, strict=True) if p is perfil_))


def _elegir_sin_encabezados(segmentos: list[Segmento]) -> Eleccion | None:
    """`elegir_plantilla` where no profile finds its meta headings: the profiles' fallback headings, or the matrix."""
    propios = [s for s in segmentos if not s.fusionada]
    mejores: dict[str, tuple[int, Perfil]] = {}
    textos = [s.texto for s in propios]
    for perfil_ in perfiles.en_uso():
        respaldo = perfil_.con_respaldo()
        metas = _metas_de(respaldo, propios) if respaldo is not None and perfil_.campos_rotulados(textos) >= _CAMPOS_DEL_RESPALDO else 0
        if respaldo is not None and metas and (perfil_.plantilla not in mejores or metas > mejores[perfil_.plantilla][0]):
            mejores[perfil_.plantilla] = (metas, respaldo)
    if mejores:
        return _elegir(mejores, lambda perfil_: sum(1 for s in propios if _es_pregunta_de(perfil_)(s)))
    if matriz.buscar_matriz(segmentos) is None:
        return None
    razon = tr("ningún encabezado de meta, y una tabla cuyo encabezado nombra la meta y sus datos")
    propios_matriz = matriz.rutas_perfil()[1:]
    if propios_matriz:
        razon += tr(" (nombres de columna también de {archivos})", archivos=", ".join(str(r) for r in propios_matriz))
    return Eleccion("matriz", razon)


def _elegir(mejores: dict[str, tuple[int, Perfil]], preguntas_de: Callable[[Perfil], int]) -> Eleccion:
    """The layout, between the best profile of each reader (`mejores`: its headings counted), told by the questions
    of the tabular one that the document asks (`preguntas_de`)."""
    tabulares, de_tabla = mejores.get("tabular", (0, tabular.PERFIL))
    narrativas, de_prosa = mejores.get("narrativa", (0, narrativa.PERFIL))
    preguntas = preguntas_de(de_tabla)
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


def _razon_propia(perfil_: Perfil, metas: int) -> str:
    return tr("{metas} encabezados de meta de este perfil propio de la oficina, que se lee como la plantilla {plantilla}",
              metas=metas, plantilla=perfil_.plantilla)


def _plantilla(segmentos: Iterable[Segmento]) -> str | None:
    eleccion = elegir_plantilla(segmentos)
    return eleccion.plantilla if eleccion is not None else None
