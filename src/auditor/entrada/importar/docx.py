"""A Word (.docx) report as `Segmento`s: the same paragraphs, in the same order, as its text export.

python-docx opens the package (zip, content types, relationships, XML); the body is walked
here at the XML level, because python-docx's `document.paragraphs` and `document.tables`
lose the order in which paragraphs and tables alternate, and its `row.cells` repeats a
horizontally merged cell once per grid column it spans.  Reading the `<w:tc>` elements of
a row gives each cell once; a vertically merged continuation cell is a `<w:tc>` of its own
whose paragraph is empty, so it gives nothing.

python-docx is imported inside `segmentos_docx`, not here: importing this module (and so
`auditor --help`) stays as fast as before.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from auditor.entrada.importar.segmentos import Segmento, normalizar_espacios
from auditor.entrada.problemas import ENTRADA_SIN_UBICAR, ENTRADA_SUPUESTO
from auditor.idioma import tr
from auditor.lectura.cifras import escribir_numero
from auditor.lectura.fuente import ErrorFuente

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

LIMITE_DESCOMPRIMIDO = 200 * 1024 * 1024
"""Most bytes the members of a .docx may add up to once uncompressed (photos included)."""
LIMITE_PARRAFOS = 100_000
"""Most paragraphs (`<w:p>`, in every part) a .docx may have: a long report has a few thousand."""
LIMITE_ELEMENTOS = 3_000_000
"""Most XML elements the parts of a .docx may add up to (python-docx holds them all in memory)."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_R, _RPR, _B, _RSTYLE = f"{_W}r", f"{_W}rPr", f"{_W}b", f"{_W}rStyle"
_VAL = f"{_W}val"

# Wrappers that hold blocks, rows, cells or runs without being one: content controls,
# custom XML, smart tags, hyperlinks, tracked insertions and moves, simple fields.
_SDT, _SDT_CONTENT = f"{_W}sdt", f"{_W}sdtContent"
_ENVOLTURAS = {f"{_W}customXml", f"{_W}smartTag", f"{_W}hyperlink", f"{_W}ins", f"{_W}moveTo", f"{_W}fldSimple", f"{_W}dir", f"{_W}bdo"}
# Never text of the paragraph: properties, tracked deletions, the fallback copy of
# alternate content (the same text again, for older readers).
_NO_TEXTO = {f"{_W}pPr", f"{_W}del", f"{_W}moveFrom", f"{_MC}Fallback"}
_VANISH, _SPEC_VANISH = f"{_W}vanish", f"{_W}specVanish"
_TXBX_CONTENT, _ALT_CONTENT, _CHOICE, _FALLBACK = f"{_W}txbxContent", f"{_MC}AlternateContent", f"{_MC}Choice", f"{_MC}Fallback"
_ALT_CHUNK = f"{_W}altChunk"
# a footnote or endnote reference whose mark is typed by hand: the run's text is the mark, not content
_REFERENCIAS_A_NOTAS = (f"{_W}footnoteReference", f"{_W}endnoteReference")
_MARCA_PROPIA = f"{_W}customMarkFollows"

# The text of a run's content: a line break (Shift+Enter), a page break or a tab separate words.
_CONTENIDO_RUN = {f"{_W}tab": " ", f"{_W}ptab": " ", f"{_W}br": " ", f"{_W}cr": " ", f"{_W}noBreakHyphen": "-"}
_VERDADERO = {"1", "true", "on"}



def _no_abre(motivo: str) -> str:
    return tr("el archivo .docx no se puede abrir: {motivo}", motivo=motivo)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: Word 97-2003, or a .docx encrypted with a password


def _otros_tipos() -> tuple[tuple[str, str], ...]:
    """Content types of other Office files -> what to tell the writer, in the language of the run."""
    return (
        ("wordprocessingml.template", tr("es una plantilla de Word (.dotx): guárdela como Documento de Word (.docx)")),
        ("ms-word.template", tr("es una plantilla de Word con macros (.dotm): guárdela como Documento de Word (.docx)")),
        ("ms-word.document.macroEnabled", tr("es un documento de Word con macros (.docm): guárdelo como Documento de Word (.docx)")),
        ("spreadsheetml", tr("es una hoja de cálculo de Excel, no un documento de Word")),
        ("presentationml", tr("es una presentación de PowerPoint, no un documento de Word")),
    )


@dataclass(frozen=True)
class AvisoDocx:
    """Something the reader left out of the segments and the reviewer must know: hidden text,
    content embedded from another file.  `regla` is an input problem id (entrada.problemas)."""

    regla: str
    linea: int
    ubicacion: str
    mensaje: str
    texto: str | None = None


@dataclass(frozen=True)
class LecturaDocx:
    segmentos: list[Segmento]
    avisos: list[AvisoDocx]


@dataclass(frozen=True)
class ParrafoLeido:
    """One `<w:p>` as `leer_docx` walks it: the element and its runs that give text, each with the text
    it gives (hidden runs and marks of notes left out), in order: joined, the paragraph's text before
    `normalizar_espacios`."""

    elemento: Any
    runs: tuple[tuple[Any, str], ...]


def parrafos_en_orden(cuerpo: BaseOxmlElement, estilos: BaseOxmlElement) -> list[ParrafoLeido]:
    """Every paragraph of a `<w:body>` (python-docx's `document.element.body`) in the order `leer_docx`
    counts them, empty ones included: the paragraph at index i is the one whose `linea` is i + 1, the
    line a finding on a .docx points to.  The same walk (content controls, tracked insertions, text
    boxes once...), so a writer that annotates the document finds the paragraph the reader read."""
    lector = _Lector(_estilos_con(estilos, (_B,)), _estilos_con(estilos, (_VANISH, _SPEC_VANISH)), registro=[])
    lector.leer_cuerpo(cuerpo)
    return lector.registro or []


_ESTILO_DE_LISTA = re.compile(r"(?i)^(?:list|lista|vi[ñn]eta)")


def _de_lista(parrafo: Any) -> bool:
    """A paragraph of a bulleted or numbered list: numbered by Word (`w:numPr`) or in a list style ('List Bullet')."""
    propiedades = parrafo.find(f"{_W}pPr")
    if propiedades is None:
        return False
    if propiedades.find(f"{_W}numPr") is not None:
        return True
    estilo = propiedades.find(f"{_W}pStyle")
    return estilo is not None and bool(_ESTILO_DE_LISTA.match(estilo.get(f"{_W}val") or ""))


def segmentos_docx(contenido: bytes) -> list[Segmento]:
    """The segments of `leer_docx` (what was left out, and said, is in its `avisos`)."""
    return leer_docx(contenido).segmentos


def leer_docx(contenido: bytes) -> LecturaDocx:
    """The paragraphs of a .docx report's body, in document order, as `Segmento`s.

    - A non-empty paragraph of the body gives one `Segmento` with `fila` and `celda` None.
    - In a table, each non-empty paragraph of each cell gives one `Segmento` whose `fila` is
      a row id unique in the document (1, 2, ... in document order, nested tables included)
      and whose `celda` is the 0-based column of the table grid where the cell starts (as the
      text export writes one tab-separated cell per grid column).  A merged cell is read once;
      a nested table is read in place, its rows with row ids of their own.
    - `linea` is the 1-based ordinal of the paragraph among all the document's paragraphs in
      document order, body and cells, empty ones included: it does not move when a paragraph
      is edited.  `ubicacion` says where to find it in Word: "párrafo 12" (the 12th paragraph
      outside tables), "tabla 3, fila 2, celda 1, párrafo 2" (cells and paragraphs counted as
      Word shows them), "tabla 1, fila 4, celda 2, tabla 1, fila 1, celda 1, párrafo 1" inside
      a nested table.
    - `texto` is cleaned by `normalizar_espacios` (Word text has no markup: a literal '**' stays); a line break inside a
      paragraph is a space; list bullets and numbering are formatting, not text.
    - `negritas` are the texts of the runs in bold (adjacent ones joined), set directly or by
      a character style; bold that comes from the paragraph style (a heading's look) is not the
      author's emphasis and is not counted, as in the text export.

    What Word shows with the tracked changes accepted: inserted text (`w:ins`, `w:moveTo`) is
    read, deleted text (`w:del`, `w:moveFrom`) is not.  Content controls (`w:sdt`, around blocks,
    rows, cells or runs) give their text; one still showing its placeholder gives the placeholder's
    text, which the placeholder rules (PLH001, pattern set 'plantilla') recognize as template text.
    A text box is read once (Word writes it twice: DrawingML in `mc:Choice` and a VML copy in
    `mc:Fallback`; the first is read, the copy only when there is no first), its paragraphs as
    segments of their own right after the paragraph that anchors it ("párrafo 3, cuadro de texto
    1, párrafo 1").

    Not read, and not counted in `linea`: headers and footers (page furniture), comments (the
    reviewers' notes, not the report), footnotes and endnotes (their reference mark is dropped from
    the sentence and their text is not read: a note qualifies the text, it does not answer a
    question of the template, and read as a paragraph it would be taken for the next answer).
    Left out and said in `avisos`: hidden text (`w:vanish`: Word does not print it, so it is no
    answer; ENT005), content embedded from another file (`w:altChunk`: Word shows it, this reader
    cannot; ENT004).

    Raises `ErrorFuente` (line 1, a Spanish message) when the bytes are not a readable .docx,
    including when the archive uncompresses to more than `LIMITE_DESCOMPRIMIDO` bytes or holds
    more than `LIMITE_PARRAFOS` paragraphs or `LIMITE_ELEMENTOS` XML elements.
    """
    _revisar_paquete(contenido)
    cuerpo, estilos = _abrir(contenido)
    lector = _Lector(_estilos_con(estilos, (_B,)), _estilos_con(estilos, (_VANISH, _SPEC_VANISH)))
    lector.leer_cuerpo(cuerpo)
    return LecturaDocx(lector.segmentos, lector.avisos)


def _revisar_paquete(contenido: bytes) -> None:
    """Refuse what is not a .docx, and zip bombs, before python-docx reads anything.

    The sizes the zip declares are enough to bound memory: `zipfile` never inflates a member
    past its declared size (a member that lies about it then fails its CRC check).
    """
    if not contenido:
        raise ErrorFuente(1, _no_abre(tr("el archivo está vacío")))
    if contenido.startswith(_OLE):
        if "EncryptionInfo".encode("utf-16-le") in contenido:
            raise ErrorFuente(1, _no_abre(tr("está protegido con contraseña; guárdelo en Word sin contraseña y vuelva a intentarlo")))
        raise ErrorFuente(1, _no_abre(tr("es un documento de Word 97-2003 (.doc); ábralo en Word y guárdelo como .docx")))
    try:
        paquete = zipfile.ZipFile(io.BytesIO(contenido))
        miembros = paquete.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError, struct.error):
        raise ErrorFuente(1, _no_abre(tr("no es un documento de Word válido (no es un archivo ZIP: está incompleto, dañado o es de otro formato)"))) from None
    with paquete:
        _revisar_miembros(paquete, miembros)


def _demasiado(total: int) -> ErrorFuente:
    megas = escribir_numero(total // 2**20, 0)
    return ErrorFuente(
        1,
        _no_abre(tr("descomprimido ocuparía {megas} MB, más que el límite de {limite} MB "
                    "(¿está dañado o fue construido para agotar la memoria?)", megas=megas, limite=LIMITE_DESCOMPRIMIDO // 2**20)),
    )


def _revisar_miembros(paquete: zipfile.ZipFile, miembros: list[zipfile.ZipInfo]) -> None:
    total = sum(miembro.file_size for miembro in miembros)
    if total > LIMITE_DESCOMPRIMIDO:
        raise _demasiado(total)
    if any(miembro.flag_bits & 0x1 for miembro in miembros):
        raise ErrorFuente(1, _no_abre(tr("tiene partes cifradas; guárdelo en Word sin contraseña y vuelva a intentarlo")))
    if "[Content_Types].xml" not in {miembro.filename for miembro in miembros}:
        raise ErrorFuente(1, _no_abre(tr("no es un documento de Word válido (es un ZIP sin [Content_Types].xml)")))
    _medir(paquete, miembros)


def _medir(paquete: zipfile.ZipFile, miembros: list[zipfile.ZipInfo]) -> None:
    """Inflate every member in pieces, counting the bytes it really gives (not the size it
    declares) against `LIMITE_DESCOMPRIMIDO`, and count the elements and paragraphs of its XML
    with a streaming parser that forgets what it has counted: python-docx then parses the
    parts whole, and a part of 35 million empty paragraphs (a few hundred KB compressed) would
    take gigabytes of memory there.  Memory here stays at one piece and one element."""
    from lxml import etree  # type: ignore[import-untyped]  # python-docx depends on it; no stubs installed

    total = elementos = parrafos = 0
    for miembro in miembros:
        lector: Any = None
        if miembro.filename.lower().endswith((".xml", ".rels")):
            lector = etree.XMLPullParser(events=("end",), resolve_entities=False, no_network=True, load_dtd=False)
        try:
            with paquete.open(miembro) as datos:
                while trozo := datos.read(1 << 16):
                    total += len(trozo)
                    if total > LIMITE_DESCOMPRIMIDO:
                        raise _demasiado(total)
                    if lector is None:
                        continue
                    try:
                        lector.feed(trozo)
                        for _evento, elemento in lector.read_events():
                            elementos += 1
                            parrafos += elemento.tag == _P
                            elemento.clear()
                            while elemento.getprevious() is not None:
                                del elemento.getparent()[0]
                    except etree.XMLSyntaxError:
                        lector = None  # python-docx reports the damaged part, with its own words
                    if elementos > LIMITE_ELEMENTOS or parrafos > LIMITE_PARRAFOS:
                        cuantos, limite, que = ((parrafos, LIMITE_PARRAFOS, tr("párrafos")) if parrafos > LIMITE_PARRAFOS
                                                else (elementos, LIMITE_ELEMENTOS, tr("elementos XML")))
                        raise ErrorFuente(1, _no_abre(tr(
                            "tiene más de {limite} {que} (van {cuantos} y sigue), más de lo que tiene un informe; no se lee "
                            "(¿está dañado o fue construido para agotar la memoria?)",
                            limite=escribir_numero(limite, 0), que=que, cuantos=escribir_numero(cuantos, 0))))
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, ValueError) as error:
            raise ErrorFuente(1, _no_abre(tr("no es un documento de Word válido ({explicacion})", explicacion=_explicar(error)))) from None


def _abrir(contenido: bytes) -> tuple[BaseOxmlElement, BaseOxmlElement]:
    """The `<w:body>` element and the `<w:styles>` element."""
    from docx.opc.constants import CONTENT_TYPE
    from docx.package import Package

    try:
        parte = Package.open(io.BytesIO(contenido)).main_document_part
        tipo = parte.content_type
        if tipo == CONTENT_TYPE.WML_DOCUMENT_MAIN:
            documento = parte.document  # a DocumentPart, for this content type
            cuerpo: BaseOxmlElement | None = documento.element.body
            estilos: BaseOxmlElement = documento.styles.element
    except Exception as error:  # noqa: BLE001 - python-docx and lxml raise many types on damaged input; the caller needs ErrorFuente
        raise ErrorFuente(1, _no_abre(tr("no es un documento de Word válido ({explicacion})", explicacion=_explicar(error)))) from None
    if tipo != CONTENT_TYPE.WML_DOCUMENT_MAIN:
        for clave, explicacion in _otros_tipos():
            if clave in tipo:
                raise ErrorFuente(1, _no_abre(explicacion))
        raise ErrorFuente(1, _no_abre(tr("no es un documento de Word (su contenido principal es de tipo '{tipo}')", tipo=tipo)))
    if cuerpo is None:
        raise ErrorFuente(1, _no_abre(tr("no es un documento de Word válido (no tiene cuerpo: falta <w:body>)")))
    return cuerpo, estilos


def _explicar(error: Exception) -> str:
    """What went wrong inside the package, in Spanish, with python-docx's own words as detail."""
    if isinstance(error, SyntaxError):  # lxml's XMLSyntaxError
        problema = tr("una de sus partes XML está dañada")
    elif isinstance(error, (zipfile.BadZipFile, zlib.error, EOFError)):
        problema = tr("una de sus partes comprimidas está dañada")
    elif isinstance(error, KeyError):
        problema = tr("le falta una parte que todo documento de Word tiene")
    else:
        problema = tr("su estructura no es la de un documento de Word")
    detalle = " ".join(str(error).split())[:200]
    return tr("{problema}; detalle: {tipo}: {detalle}", problema=problema, tipo=type(error).__name__, detalle=detalle) if detalle else problema


def _estilos_con(estilos: BaseOxmlElement, propiedades: tuple[str, ...]) -> dict[str, bool]:
    """Character style id -> whether a run in that style has one of the on/off `propiedades`
    (bold `<w:b>`, hidden `<w:vanish>`), following `basedOn`."""
    propio: dict[str, bool | None] = {}
    base: dict[str, str] = {}
    for estilo in estilos.iterchildren(f"{_W}style"):
        if estilo.get(f"{_W}type") != "character" or not estilo.get(f"{_W}styleId"):
            continue
        identificador = estilo.get(f"{_W}styleId")
        encontradas = [p for p in (estilo.find(f"{_RPR}/{propiedad}") for propiedad in propiedades) if p is not None]
        propio[identificador] = any(_activo(p) for p in encontradas) if encontradas else None
        padre = estilo.find(f"{_W}basedOn")
        if padre is not None and padre.get(_VAL):
            base[identificador] = padre.get(_VAL)

    def resolver(identificador: str) -> bool:
        vistos: set[str] = set()
        actual: str | None = identificador
        while actual is not None and actual not in vistos:
            vistos.add(actual)
            valor = propio.get(actual)
            if valor is not None:
                return valor
            actual = base.get(actual)
        return False

    return {identificador: resolver(identificador) for identificador in propio}


def _activo(propiedad: Any) -> bool:
    """An on/off property such as `<w:b/>`: on unless its val says otherwise."""
    valor = propiedad.get(_VAL)
    return valor is None or str(valor).lower() in _VERDADERO


def _entero(valor: str | None, defecto: int) -> int:
    try:
        return int(valor) if valor is not None else defecto
    except ValueError:
        return defecto


def _hijos(elemento: Any, etiquetas: tuple[str, ...]) -> Iterator[Any]:
    """Children of `elemento` with one of `etiquetas`, in order, looking inside content
    controls and other wrappers (a row inside a `<w:sdt>`, a paragraph inside `<w:customXml>`)."""
    for hijo in elemento:
        if hijo.tag in etiquetas:
            yield hijo
        elif hijo.tag == _SDT:
            contenido = hijo.find(_SDT_CONTENT)
            if contenido is not None:
                yield from _hijos(contenido, etiquetas)
        elif hijo.tag in _ENVOLTURAS:
            yield from _hijos(hijo, etiquetas)


def _runs(parrafo: Any) -> Iterator[Any]:
    """The runs of a paragraph as Word shows them, in order: those in hyperlinks, fields,
    content controls and tracked insertions included; tracked deletions left out."""
    for hijo in parrafo:
        if hijo.tag == _R:
            yield hijo
        elif hijo.tag not in _NO_TEXTO:
            yield from _runs(hijo)


@dataclass
class _Lector:
    estilos_en_negrita: dict[str, bool]
    estilos_ocultos: dict[str, bool] = field(default_factory=dict)
    segmentos: list[Segmento] = field(default_factory=list)
    avisos: list[AvisoDocx] = field(default_factory=list)
    parrafos: int = 0  # every paragraph so far, in document order: the `linea`
    filas: int = 0  # every table row so far: the `fila` id
    registro: list[ParrafoLeido] | None = None  # each paragraph's element and runs, when asked (`parrafos_en_orden`)

    def leer_cuerpo(self, cuerpo: Any) -> None:
        self._bloques(cuerpo, "")

    def _bloques(self, contenedor: Any, lugar: str, fila: int | None = None, celda: int | None = None) -> None:
        """The paragraphs and tables of the body, a cell or a text box, in order."""
        parrafos = tablas = 0
        prefijo = f"{lugar}, " if lugar else ""
        for bloque in _hijos(contenedor, (_P, _TBL, _ALT_CHUNK)):
            if bloque.tag == _P:
                parrafos += 1
                self._parrafo(bloque, prefijo + tr("párrafo {n}", n=parrafos), fila, celda)
            elif bloque.tag == _TBL:
                tablas += 1
                self._tabla(bloque, prefijo + tr("tabla {n}", n=tablas))
            else:
                self._incrustado(prefijo + tr("después del párrafo {n}", n=parrafos) if parrafos else (lugar or tr("al comienzo del documento")))

    def _incrustado(self, lugar: str) -> None:
        """`<w:altChunk>`: a whole file (HTML, RTF, another .docx) Word shows in place and turns
        into text of its own only when it saves the document again."""
        self.avisos.append(AvisoDocx(
            ENTRADA_SIN_UBICAR, max(1, self.parrafos), lugar,
            tr("el documento incrusta contenido de otro archivo (w:altChunk, {lugar}) que Word muestra pero este lector "
               "no puede leer: no se audita. Ábralo en Word y guárdelo de nuevo (Word lo convierte en texto del documento)",
               lugar=lugar)))

    def _tabla(self, tabla: Any, lugar: str) -> None:
        arriba: dict[int, list[Segmento]] = {}  # grid column -> the segments of the cell a vMerge continues
        for numero_fila, fila in enumerate(_hijos(tabla, (_TR,)), start=1):
            self.filas += 1
            id_fila = self.filas
            antes = fila.find(f"{_W}trPr/{_W}gridBefore")
            columna = _entero(antes.get(_VAL), 0) if antes is not None else 0
            for numero_celda, celda in enumerate(_hijos(fila, (_TC,)), start=1):
                lugar_celda = f"{lugar}, " + tr("fila {fila}, celda {celda}", fila=numero_fila, celda=numero_celda)
                desde, primer_parrafo = len(self.segmentos), self.parrafos + 1
                self._bloques(celda, lugar_celda, id_fila, columna)
                self._fusion_vertical(celda, columna, arriba, desde, primer_parrafo, id_fila, f"{lugar_celda}, " + tr("párrafo {n}", n=1))
                abarca = celda.find(f"{_W}tcPr/{_W}gridSpan")
                columna += max(1, _entero(abarca.get(_VAL), 1)) if abarca is not None else 1

    def _fusion_vertical(self, celda: Any, columna: int, arriba: dict[int, list[Segmento]], desde: int,
                         linea: int, fila: int, lugar: str) -> None:
        """A cell that continues a vertical merge (`<w:vMerge/>` without "restart") shows, in Word,
        the text of the cell it continues: that text again, at this cell's place, marked `fusionada`.
        Any other cell is remembered as the one a merge below it would continue."""
        fusion = celda.find(f"{_W}tcPr/{_W}vMerge")
        propios = [s for s in self.segmentos[desde:] if s.fila == fila and s.celda == columna]
        if fusion is not None and fusion.get(_VAL) in (None, "continue") and not propios:
            for s in arriba.get(columna, []):
                self.segmentos.append(Segmento(s.texto, linea, fila, columna, lugar, s.negritas, fusionada=True))
        else:
            arriba[columna] = propios

    def _parrafo(self, parrafo: Any, lugar: str, fila: int | None = None, celda: int | None = None) -> None:
        self.parrafos += 1
        linea = self.parrafos
        partes: list[str] = []
        negritas: list[str] = []
        ocultas: list[str] = []
        cajas: list[Any] = []
        en_negrita: list[str] | None = None  # the bold phrase being read
        leidos: list[tuple[Any, str]] = []
        for run in _runs(parrafo):
            cajas.extend(_cajas_de_texto(run))
            texto = _texto_del_run(run)
            if not texto:
                continue  # a run holding only a picture or a field mark does not cut a bold phrase
            if self._oculto(run):
                ocultas.append(texto)
                continue
            partes.append(texto)
            leidos.append((run, texto))
            if self._negrita(run):
                en_negrita = en_negrita if en_negrita is not None else []
                en_negrita.append(texto)
            elif en_negrita is not None:
                negritas.append("".join(en_negrita))
                en_negrita = None
        if en_negrita is not None:
            negritas.append("".join(en_negrita))
        if self.registro is not None:
            self.registro.append(ParrafoLeido(parrafo, tuple(leidos)))
        texto = normalizar_espacios("".join(partes))
        if texto:
            limpias = tuple(n for n in (normalizar_espacios(negrita) for negrita in negritas) if n)
            self.segmentos.append(Segmento(texto, linea, fila, celda, lugar, limpias, vineta=_de_lista(parrafo)))
        oculto = normalizar_espacios(" ".join(ocultas))
        if oculto:
            self.avisos.append(AvisoDocx(
                ENTRADA_SUPUESTO, linea, lugar,
                tr("texto oculto en Word (formato 'Oculto'), que no se imprime ni se publica: no se lee como respuesta «{texto}»",
                   texto=oculto[:120] + ("…" if len(oculto) > 120 else "")), oculto))
        for numero, caja in enumerate(cajas, start=1):
            self._bloques(caja, f"{lugar}, " + tr("cuadro de texto {n}", n=numero), fila, celda)

    def _negrita(self, run: Any) -> bool:
        return self._propiedad(run, (_B,), self.estilos_en_negrita)

    def _oculto(self, run: Any) -> bool:
        return self._propiedad(run, (_VANISH, _SPEC_VANISH), self.estilos_ocultos)

    def _propiedad(self, run: Any, etiquetas: tuple[str, ...], por_estilo: dict[str, bool]) -> bool:
        """An on/off property of a run: set directly, or by its character style."""
        propiedades = run.find(_RPR)
        if propiedades is None:
            return False
        directas = [d for d in (propiedades.find(etiqueta) for etiqueta in etiquetas) if d is not None]
        if directas:
            return any(_activo(d) for d in directas)
        estilo = propiedades.find(_RSTYLE)
        return estilo is not None and por_estilo.get(estilo.get(_VAL), False)


def _texto_del_run(run: Any) -> str:
    """What a run shows as text; a footnote mark typed by hand (customMarkFollows) is not text."""
    if any(_activo_marca(hijo) for hijo in run if hijo.tag in _REFERENCIAS_A_NOTAS):
        return ""
    return "".join(_texto_de(hijo) for hijo in run)


def _activo_marca(referencia: Any) -> bool:
    valor = referencia.get(_MARCA_PROPIA)
    return valor is not None and str(valor).lower() in _VERDADERO


def _cajas_de_texto(elemento: Any) -> Iterator[Any]:
    """The `<w:txbxContent>` of the text boxes hanging from a run, each once: of Word's two
    copies in `<mc:AlternateContent>`, the first choice (DrawingML), the fallback (VML) only
    when the choice has none.  A text box inside a text box is found when its paragraph is read."""
    for hijo in elemento:
        if hijo.tag == _TXBX_CONTENT:
            yield hijo
        elif hijo.tag == _ALT_CONTENT:
            for opcion in [*hijo.iterchildren(_CHOICE), *hijo.iterchildren(_FALLBACK)]:
                cajas = list(_cajas_de_texto(opcion))
                if cajas:
                    yield from cajas
                    break
        elif isinstance(hijo.tag, str):  # not a comment or processing instruction
            yield from _cajas_de_texto(hijo)


def _texto_de(contenido: Any) -> str:
    """The text one child of a run contributes: `<w:t>` its text, breaks and tabs a space."""
    if contenido.tag == f"{_W}t":
        return str(contenido.text or "")
    return _CONTENIDO_RUN.get(contenido.tag, "")
