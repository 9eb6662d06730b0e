"""A report document as a flat sequence of paragraphs, each knowing where it came from.

Both sources the planning office holds end up here: the text exported from the Word
template (markdown headings and bold, HTML fragments inside table cells, tabs between
cells, ``\\$`` escapes, hard line breaks, non-breaking spaces) and the .docx itself
(paragraphs and table cells).  The layout parsers read only `Segmento`s, so they do not
care which one it was.
"""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import overload

from auditor.entrada.importar.maqueta import PIE_DE_PAGINA as _PIE_DE_PAGINA
from auditor.entrada.importar.maqueta import Maqueta, columnas_de_formulario, maqueta
from auditor.entrada.importar.renglones import NO_CIERRA as _NO_CIERRA
from auditor.entrada.importar.renglones import PARTIDA as _PARTIDA
from auditor.entrada.importar.renglones import unir_lineas
from auditor.lectura.patrones import normalizar, quitar_invisibles


@dataclass(frozen=True)
class Segmento:
    """One paragraph of the document, as plain text, with its origin.

    `linea` is the 1-based line of the text export (for a .docx, the ordinal of the
    paragraph in document order); `fila` identifies the table row the paragraph lies in
    (None outside tables) and `celda` its column; `ubicacion` describes the place for a
    reader when a line number is not enough (".docx: tabla 2, fila 1, celda 3").
    """

    texto: str
    linea: int
    fila: int | None = None
    celda: int | None = None
    ubicacion: str | None = None
    negritas: tuple[str, ...] = ()  # phrases the author set in bold (headings, eje names)
    fusionada: bool = False
    """The text a vertically merged cell shows, read from the cell it continues (Word's vMerge):
    the matrix layout reads it as that row's value; the other layouts skip it (read once)."""
    vineta: bool = False
    """An item of a bulleted or numbered list (its bullet or number is not in `texto`)."""

    @property
    def en_tabla(self) -> bool:
        return self.fila is not None


_BLOQUE = re.compile(r"</?(?:p|li|ul|ol|div|tr|td|th|table|h[1-6])\b[^>]*>|<br\s*/?>", re.IGNORECASE)
_ETIQUETA = re.compile(r"</?[a-zA-Z][^>]*>")
_ESPACIOS_RAROS = re.compile(r"[\u00a0\u2007\u202f]")
_ESCAPE_MARKDOWN = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|~<>])")
_ENCABEZADO_MARKDOWN = re.compile(r"^\s{0,3}#{1,6}\s+")
_CITA_MARKDOWN = re.compile(r"^\s{0,3}>\s?")
_NEGRILLA = re.compile(r"\*\*|(?<!_)__(?!_)")  # bold; three or more '_' ('$ ___ millones') are a blank to fill in
_VINETA = re.compile(r"^\s*(?:[•·▪◦●○■□➢➤►*+-]\s+)+")


def limpiar_parrafo(crudo: str) -> str:
    """One paragraph of export text as a reader sees it: no markup, single spaces."""
    texto = _ETIQUETA.sub(" ", crudo)
    texto = html.unescape(texto)
    texto = _NEGRILLA.sub("", texto)  # before unescaping: '\\*\\*' is two literal asterisks, not bold
    texto = _ESCAPE_MARKDOWN.sub(r"\1", texto)
    texto = _ENCABEZADO_MARKDOWN.sub("", texto)
    texto = _CITA_MARKDOWN.sub("", texto)  # '> 💡 …': a callout of a Notion or Markdown export
    return normalizar_espacios(texto)


def normalizar_espacios(texto: str) -> str:
    """Plain text (a Word paragraph, or export text once its markup is gone): odd spaces made
    plain, single-spaced, without leading bullets; characters that show nothing (zero-width, bidi controls)
    are dropped, not made spaces: "6<ZWJ>71" is 671."""
    texto = _ESPACIOS_RAROS.sub(" ", quitar_invisibles(texto))
    texto = " ".join(texto.split())
    return _PICTOGRAMA.sub("", _VINETA.sub("", texto)).strip()


# the emoji an export puts before a heading or a label ('## 🌱 Meta 45 — …', '### 📋 ¿Qué se hizo?', '> 💡 …'): decoration,
# not text (the pictographs' planes and the variation selector; a check box '☒' stays: it says something)
_PICTOGRAMA = re.compile(r"^(?:[\U0001F000-\U0001FAFF\uFE0F]\s*)+")

_NEGRITA_HTML = re.compile(r"<(b|strong)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_NEGRITA_MD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def parrafos_de_celda(crudo: str) -> list[tuple[str, tuple[str, ...]]]:
    """The paragraphs of one cell of export text (HTML block tags separate them), each with
    its bold phrases."""
    resultado = []
    for parte in _BLOQUE.split(crudo):
        texto = limpiar_parrafo(parte)
        if texto:
            negritas = [limpiar_parrafo(m.group(2)) for m in _NEGRITA_HTML.finditer(parte)]
            negritas += [limpiar_parrafo(m.group(1)) for m in _NEGRITA_MD.finditer(parte)]
            resultado.append((texto, tuple(n for n in negritas if n)))
    return resultado


_FIN_DE_LINEA = re.compile(r"\r\n|\r|\n")


class Lineas(Sequence[str]):
    """The lines of a text export ('\\r\\n', '\\r' and '\\n' end a line), each read from the text when it is asked
    for: what is kept is where each line starts (8 bytes a line) and where each markdown table lies, not a string per
    line, so that segmenting a large export does not hold the text a second time.  A markdown table's lines read as
    `tablas_markdown` writes them.  The page furniture and the wrap width are worked out once for all the passes."""

    def __init__(self, texto: str) -> None:
        self._texto = texto
        self._inicios = array("q", [0])
        for m in _FIN_DE_LINEA.finditer(texto):
            self._inicios.append(m.end())
        self._inicios.append(len(texto) + 1)  # the last line ends with the text
        self._tablas = list(_tablas_markdown(_Crudas(self)))
        self._desde = [t[0] for t in self._tablas]
        self._mobiliario: set[int] | None = None
        self._ancho: int | None = None
        # a PDF's layout export (`maqueta`: pages that form feeds separate, a form's label column) is worked out on the
        # whole text and rewrites its lines: such a text is held as the list of its lines (it is a PDF's, not a large
        # export); any other text has no layout (`maqueta` would give its lines back as they are) and is read from itself
        self._maqueta: Maqueta | None = None
        if "\f" in texto or columnas_de_formulario(self, set()):
            self._maqueta = maqueta(list(self))
        self.parrafos: set[int] = self._maqueta.parrafos if self._maqueta is not None else set()
        """The lines (1-based) that are a paragraph of their own: a block of a form, rebuilt on its first line."""
        self.filas: set[int] = self._maqueta.filas if self._maqueta is not None else set()
        """The lines (1-based) whose tab-separated cells are each a paragraph, not a table's row."""

    def __len__(self) -> int:
        return len(self._inicios) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...
    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if self._maqueta is not None:
            return self._maqueta.lineas[i]
        linea = self.cruda(i)
        t = bisect_right(self._desde, i) - 1
        if t >= 0 and i < self._tablas[t][1]:
            return _fila_markdown(linea, i - self._tablas[t][0], self._tablas[t][2])
        return linea

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self)):
            yield self[i]

    def cruda(self, i: int) -> str:
        """Line `i` (0-based) as the text writes it."""
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._texto[self._inicios[i]:self._inicios[i + 1]].rstrip("\r\n")

    def mobiliario(self) -> set[int]:
        if self._mobiliario is None:
            self._mobiliario = lineas_de_mobiliario(self)
            if self._maqueta is not None:
                self._mobiliario |= self._maqueta.mobiliario
        return self._mobiliario

    def ancho(self) -> int:
        if self._ancho is None:
            self._ancho = ancho_de_linea(self)
        return self._ancho


class _Crudas(Sequence[str]):
    """The lines of a `Lineas` as the text writes them (where its markdown tables are looked for)."""

    def __init__(self, lineas: Lineas) -> None:
        self._lineas = lineas

    def __len__(self) -> int:
        return len(self._lineas)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...
    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [self._lineas.cruda(k) for k in range(*i.indices(len(self)))]
        return self._lineas.cruda(i)


def segmentos_de_texto(texto: str | Lineas, titulo: Callable[[str], bool] | None = None,
                       abre: Callable[[str], bool] | None = None, solo: Callable[[str], bool] | None = None) -> list[Segmento]:
    """Paragraphs of a text export, in reading order, each with its 1-based line (`iterar_segmentos`, all at once)."""
    return list(iterar_segmentos(texto, titulo, abre, solo))


def iterar_segmentos(texto: str | Lineas, titulo: Callable[[str], bool] | None = None,
                     abre: Callable[[str], bool] | None = None, solo: Callable[[str], bool] | None = None) -> Iterator[Segmento]:
    """Paragraphs of a text export, in reading order, each with its 1-based line, one at a time: a
    paragraph is made when it is read, and nothing of the text is copied whole (`Lineas`), so that
    what a reader keeps of a large export is what it keeps, not the export again.

    A line with tabs is a table row: each tab-separated cell gives its paragraphs, with
    the row and column.  Other consecutive non-blank lines form one paragraph (markdown),
    as do lines ended by a hard break (two trailing spaces); blank lines separate them.
    A page footer line ('Página 2 de 18') is not text.  A text that keeps a PDF's page layout (`pdftotext -layout`:
    `maqueta`) is read as its layout says: each block of a two-column form is one paragraph 'label: answer' at the
    line it starts at, each cell of a row of 'label: value' cells one paragraph of that line, and the running header
    and footer repeated at the page breaks (form feeds) are page furniture.

    With `titulo` (the narrative template: whether a line opens a heading of its own), a
    single newline also separates paragraphs where it clearly is not a wrap of the line
    (`salto_de_parrafo`): exports hard-wrap paragraphs at ~80 characters and put only a
    single newline between paragraphs.  With `abre` too (whether a line opens with a label of the
    template, 'Recursos:', 'Población:'), such a line always starts a paragraph: exports that write
    each answer on one line with its label keep a single newline between them.  With `solo` (whether a line is
    only a label, 'RECURSOS'), such a line is a paragraph of its own: its answer is on the lines below.
    """
    lineas = texto if isinstance(texto, Lineas) else Lineas(texto)
    ancho = lineas.ancho() if titulo is not None else 0
    pendiente: list[str] = []
    inicio = 0
    mobiliario = lineas.mobiliario()

    def cerrar() -> list[Segmento]:
        nonlocal pendiente
        hechos = []
        if pendiente:
            item = bool(_ITEM.match(pendiente[0]) or _ITEM_MARKDOWN.match(pendiente[0]))  # '- …', '• …', '1. …'
            for parrafo, negritas in parrafos_de_celda(unir_lineas(pendiente)):
                hechos.append(Segmento(parrafo, inicio, negritas=negritas, vineta=item))
        pendiente = []
        return hechos

    cortado = False  # a blank line came after a paragraph that cannot end where it does ('promoción de pro-', 'con la')
    salto = False  # and page furniture after it: the page broke there

    for numero, linea in enumerate(lineas, start=1):
        if numero in mobiliario or _PIE_DE_PAGINA.match(linea):
            salto = cortado
            continue  # page furniture: the paragraph cut by the page break goes on after it
        if cortado and limpiar_parrafo(linea):
            cortado, salto_antes = False, salto
            salto = False
            partida = bool(pendiente) and bool(_PARTIDA.search(pendiente[-1].rstrip()))
            # a word cut by a hyphen goes on after blank lines; a sentence cut elsewhere, only across a page break
            # (a paragraph of Word may end mid-sentence: its export keeps it a paragraph)
            if "\t" not in linea and linea.lstrip()[:1].islower() and (partida or salto_antes):
                pendiente.append(linea)  # 'promoción de pro-' / '' / 'Página 5 de 7' / '' / 'ductos quindianos': one paragraph
                continue
            yield from cerrar()
        if "\t" in linea:
            yield from cerrar()
            for columna, celda in enumerate(linea.split("\t")):
                if _PIE_DE_PAGINA.match(celda):
                    continue  # a page number the export put in a cell of its own
                for parrafo, negritas in parrafos_de_celda(celda):
                    if numero in lineas.filas:  # a row of 'label: value' cells a PDF's layout wrote: each one a paragraph
                        yield Segmento(parrafo, numero, negritas=negritas)
                    else:
                        yield Segmento(parrafo, numero, fila=numero, celda=columna, negritas=negritas)
            continue
        if not limpiar_parrafo(linea):
            if pendiente and (_PARTIDA.search(pendiente[-1].rstrip()) or _NO_CIERRA.search(pendiente[-1])):
                cortado = True  # the page's last line cuts a word or ends on 'de', ',': the text may go on after the break
                continue
            yield from cerrar()
            continue
        if _ENCABEZADO_MARKDOWN.match(linea) or re.fullmatch(r"\s*[-*_]{3,}\s*", linea):
            yield from cerrar()  # a heading or a rule is a paragraph of its own
            inicio = numero
            pendiente.append(linea)
            yield from cerrar()
            continue
        if pendiente and (_ITEM_MARKDOWN.match(linea) or (titulo is not None and salto_de_parrafo(pendiente, linea, ancho, titulo, abre))):
            yield from cerrar()  # a list item of a markdown export ('- …', '* …') is a paragraph of its own
        if numero in lineas.parrafos:
            yield from cerrar()  # a block of a form, rebuilt as one paragraph ('Descripción del avance: …'): a paragraph of its own
        if not pendiente:
            inicio = numero
        pendiente.append(linea)
        if (_es_bloque_html(linea) or (solo is not None and len(pendiente) == 1 and solo(linea))
                or numero in lineas.parrafos):
            yield from cerrar()
    yield from cerrar()


_ITEM_MARKDOWN = re.compile(r"^\s{0,3}[-*+]\s+\S")
_FILA_MARKDOWN = re.compile(r"^\s*\|.*\|\s*$")
_SEPARADOR_MARKDOWN = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def tablas_markdown(lineas: list[str]) -> list[str]:
    """A markdown table ('| Campo | Respuesta |', '|---|---|', '| Indicador | … |') as the export of a Word table
    writes it: one line per row, its cells separated by tabs.  The separator row is dropped (a blank line keeps the
    numbering), and so is the header row of a two-column table: it names the columns ('Campo | Respuesta'), each
    other row is a label and its answer.  The lines keep their numbers."""
    salida = list(lineas)
    for i, fin, columnas in _tablas_markdown(lineas):
        for k in range(i, fin):
            salida[k] = _fila_markdown(lineas[k], k - i, columnas)
    return salida


def _tablas_markdown(lineas: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """The markdown tables of the lines: (0-based first line, the line after the last, columns of the header)."""
    i = 0
    while i < len(lineas):
        if not (_FILA_MARKDOWN.match(lineas[i]) and i + 1 < len(lineas) and _SEPARADOR_MARKDOWN.match(lineas[i + 1])):
            i += 1
            continue
        fin = i + 2
        while fin < len(lineas) and _FILA_MARKDOWN.match(lineas[fin]):
            fin += 1
        yield i, fin, len(_celdas_markdown(lineas[i]))
        i = fin


def _fila_markdown(linea: str, posicion: int, columnas: int) -> str:
    """A line of a markdown table as `tablas_markdown` writes it: its `posicion` in the table (0: the header)."""
    if posicion == 1 or (posicion == 0 and columnas == 2):
        return ""
    return "\t".join(_celdas_markdown(linea))


def _celdas_markdown(linea: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", linea.strip().strip("|"))]


# What a running page header names: the report or the entity that reports.
_RUBRO_DE_PAGINA = re.compile(
    r"\b(?:rendicion\s+de\s+cuentas|informe\s+de\s+(?:gestion|rendicion)|secretaria|gobernacion|alcaldia)\b")
_PORTADA = 10  # the first non-blank lines: the cover, whose lines are never furniture unless numbered


def lineas_de_mobiliario(lineas: Sequence[str]) -> set[int]:
    """The 1-based numbers of the lines that are page furniture, not text: a line whose
    tab-separated cells are a page number ('Página 3 de 9', 'Pág. 3') and running-header cells,
    wherever it appears; and a running header without a number (short, no sentence punctuation,
    naming the report or the secretaría) that the export repeats, two times or more, at page
    breaks.  A cover line that the document repeats keeps its first appearance on the cover."""
    def celdas(linea: str) -> list[str]:
        return [c.strip() for c in linea.split("\t") if c.strip()]

    def rotulo(celda: str) -> bool:
        return len(celda) <= 160 and not re.search(r"[:;]|[.!?]$", celda)

    def clave(linea: str) -> str:
        return " ".join(normalizar(" ".join(celdas(linea))).split())

    def candidata(k: str, partes: list[str]) -> bool:  # a running header, if the export repeats it
        return all(rotulo(c) for c in partes) and bool(_RUBRO_DE_PAGINA.search(k))

    # only the lines that may be a running header are counted, not every line of the text: first which they are,
    # then how often each is written, in any line
    veces = {clave(linea): 0 for linea in lineas if linea.strip() and candidata(clave(linea), celdas(linea))}
    for linea in lineas:
        if veces and linea.strip():
            k = clave(linea)
            if k in veces:
                veces[k] += 1
    fuera: set[int] = set()
    vistas: set[str] = set()
    no_vacias = 0
    for numero, linea in enumerate(lineas, start=1):
        partes = celdas(linea)
        if not partes:
            continue
        no_vacias += 1
        if "\t" in linea and any(_PIE_DE_PAGINA.match(c) for c in partes):
            if all(_PIE_DE_PAGINA.match(c) or (rotulo(c) and _RUBRO_DE_PAGINA.search(normalizar(c))) for c in partes):
                fuera.add(numero)
            continue
        k = clave(linea)
        if veces.get(k, 0) >= 2 and candidata(k, partes):
            if no_vacias <= _PORTADA and k not in vistas:
                vistas.add(k)
                continue
            fuera.add(numero)
            fuera.update(_resto_del_encabezado(lineas, numero, rotulo))
    return fuera


def _resto_del_encabezado(lineas: Sequence[str], numero: int, rotulo: Callable[[str], bool]) -> list[int]:
    """The other lines of the paragraph of a repeated running header at line `numero`, when all of
    them are the header's continuation ('Rendición de Cuentas 2025 / SECRETARÍA DE RECREACIÓN /
    Y DEPORTE' with hard breaks): short, in capitals or naming the report, no figure.  None if any
    line of the paragraph is text (a heading with its number, a sentence)."""
    bloque: list[int] = []
    for paso in (-1, 1):
        i = numero + paso
        while 1 <= i <= len(lineas) and lineas[i - 1].strip() and "\t" not in lineas[i - 1]:
            bloque.append(i)
            i += paso
    for i in bloque:
        t = lineas[i - 1].strip()
        if re.search(r"\d", t) or not rotulo(t) or not (t.isupper() or _RUBRO_DE_PAGINA.search(normalizar(t))):
            return []
    return bloque


_FIN_DE_ORACION = re.compile(r"[.!?:;)\"”»]\s*$")
_ITEM = re.compile(r"^\s*(?:[•·▪◦●○■□➢➤►*-]\s+|\d{1,2}[.)]\s+\D)")


def ancho_de_linea(lineas: Iterable[str]) -> int:
    """The width a text export wraps its paragraphs at: the longest line that is followed by
    another non-blank line (a wrapped paragraph's lines are all but the last at the width).  Under
    `_ANCHO_MINIMO` nothing was wrapped (a cover's short lines, a list): no line is a wrap by its length."""
    ancho = max((len(a.rstrip()) for a, b in pairwise(lineas) if a.strip() and b.strip() and "\t" not in a), default=0)
    return ancho if ancho >= _ANCHO_MINIMO else _SIN_AJUSTE


_ANCHO_MINIMO = 40  # no export wraps its lines shorter than this
_SIN_AJUSTE = 10**6


def salto_de_parrafo(pendiente: list[str], linea: str, ancho: int, titulo: Callable[[str], bool],
                     abre: Callable[[str], bool] | None = None) -> bool:
    """Whether the single newline before `linea` ends the paragraph gathered in `pendiente`
    rather than wrapping it.  It does when the paragraph so far is a heading and the line starts
    a sentence; when the line is a list item; or when the line starts with a capital or a digit and
    its first word would have fitted on the previous line (a wrap fills the line first) — with room
    to spare where the previous line ends no sentence.  Never inside bold ('**...**' open over the
    newline), nor after a hard line break ('  ' at the end of the line), nor after a word that cannot end a line
    ('de', a comma)."""
    if pendiente[-1].endswith("  "):
        return False  # a hard line break ('  ' at the end, a Word line break in the export): the paragraph goes on
    anterior = pendiente[-1].rstrip()
    siguiente = linea.strip()
    bloque = " ".join(p.strip() for p in pendiente)
    if bloque.count("**") % 2 or len(re.findall(r"(?<!_)__(?!_)", bloque)) % 2 or _ENCABEZADO_MARKDOWN.match(pendiente[0]):
        return False
    if _ITEM.match(siguiente) or titulo(siguiente) or (abre is not None and abre(siguiente)):
        return True  # a list item, a meta heading, a line that opens with a label ('Recursos: …')
    empieza_frase = siguiente[:1].isupper() or siguiente[:1].isdigit() or siguiente[:1] in "¿¡\"“«"
    if not empieza_frase or _NO_CIERRA.search(anterior):
        return False
    if titulo(bloque) or (_en_mayusculas(anterior) and not _en_mayusculas(siguiente)):
        return True  # a heading, or a line in capitals ('GOBERNACIÓN DE …') then one in mixed case: two lines of a cover
    primera = siguiente.split()[0] if siguiente.split() else ""
    if not _FIN_DE_ORACION.search(anterior):
        # no sentence ends, but the line stopped far short of the width: lines of a cover or a list
        # ('Secretaría de Salud' / 'Alcaldía de Pasto'), not a wrap, even where a font's widths vary
        return len(anterior.strip()) + 1 + len(primera) <= _CORTA * ancho
    return len(anterior.strip()) + 1 + len(primera) <= ancho


_CORTA = 0.8  # a line this much shorter than the wrap width did not wrap


def _en_mayusculas(texto: str) -> bool:
    letras = [c for c in texto if c.isalpha()]
    return len(letras) >= 4 and all(c.isupper() for c in letras)


def _es_bloque_html(linea: str) -> bool:
    """An HTML paragraph or list is complete on its line: the next line is another paragraph."""
    return bool(re.search(r"</(?:p|li|ul|div)>\s*$", linea.strip(), re.IGNORECASE))
