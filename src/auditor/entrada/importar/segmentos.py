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
from collections.abc import Callable
from dataclasses import dataclass

from auditor.entrada.importar.maqueta import PIE_DE_PAGINA as _PIE_DE_PAGINA
from auditor.entrada.importar.maqueta import maqueta
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


def segmentos_de_texto(texto: str, titulo: Callable[[str], bool] | None = None,
                       abre: Callable[[str], bool] | None = None, solo: Callable[[str], bool] | None = None) -> list[Segmento]:
    """Paragraphs of a text export, in reading order, each with its 1-based line.

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
    disposicion = maqueta(tablas_markdown(texto.replace("\r\n", "\n").replace("\r", "\n").split("\n")))
    lineas = disposicion.lineas
    ancho = ancho_de_linea(lineas) if titulo is not None else 0
    segmentos: list[Segmento] = []
    pendiente: list[str] = []
    inicio = 0
    mobiliario = lineas_de_mobiliario(lineas) | disposicion.mobiliario

    def cerrar() -> None:
        nonlocal pendiente
        if pendiente:
            item = bool(_ITEM.match(pendiente[0]) or _ITEM_MARKDOWN.match(pendiente[0]))  # '- …', '• …', '1. …'
            for parrafo, negritas in parrafos_de_celda(unir_lineas(pendiente)):
                segmentos.append(Segmento(parrafo, inicio, negritas=negritas, vineta=item))
        pendiente = []

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
            cerrar()
        if "\t" in linea:
            cerrar()
            for columna, celda in enumerate(linea.split("\t")):
                if _PIE_DE_PAGINA.match(celda):
                    continue  # a page number the export put in a cell of its own
                for parrafo, negritas in parrafos_de_celda(celda):
                    if numero in disposicion.filas:  # a row of 'label: value' cells a PDF's layout wrote: each one a paragraph
                        segmentos.append(Segmento(parrafo, numero, negritas=negritas))
                    else:
                        segmentos.append(Segmento(parrafo, numero, fila=numero, celda=columna, negritas=negritas))
            continue
        if not limpiar_parrafo(linea):
            if pendiente and (_PARTIDA.search(pendiente[-1].rstrip()) or _NO_CIERRA.search(pendiente[-1])):
                cortado = True  # the page's last line cuts a word or ends on 'de', ',': the text may go on after the break
                continue
            cerrar()
            continue
        if _ENCABEZADO_MARKDOWN.match(linea) or re.fullmatch(r"\s*[-*_]{3,}\s*", linea):
            cerrar()  # a heading or a rule is a paragraph of its own
            inicio = numero
            pendiente.append(linea)
            cerrar()
            continue
        if pendiente and (_ITEM_MARKDOWN.match(linea) or (titulo is not None and salto_de_parrafo(pendiente, linea, ancho, titulo, abre))):
            cerrar()  # a list item of a markdown export ('- …', '* …') is a paragraph of its own
        if numero in disposicion.parrafos:
            cerrar()  # a block of a form, rebuilt as one paragraph ('Descripción del avance: …'): a paragraph of its own
        if not pendiente:
            inicio = numero
        pendiente.append(linea)
        if (_es_bloque_html(linea) or (solo is not None and len(pendiente) == 1 and solo(linea))
                or numero in disposicion.parrafos):
            cerrar()
    cerrar()
    return segmentos


_ITEM_MARKDOWN = re.compile(r"^\s{0,3}[-*+]\s+\S")
_FILA_MARKDOWN = re.compile(r"^\s*\|.*\|\s*$")
_SEPARADOR_MARKDOWN = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def tablas_markdown(lineas: list[str]) -> list[str]:
    """A markdown table ('| Campo | Respuesta |', '|---|---|', '| Indicador | … |') as the export of a Word table
    writes it: one line per row, its cells separated by tabs.  The separator row is dropped (a blank line keeps the
    numbering), and so is the header row of a two-column table: it names the columns ('Campo | Respuesta'), each
    other row is a label and its answer.  The lines keep their numbers."""
    salida = list(lineas)
    i = 0
    while i < len(lineas):
        if not (_FILA_MARKDOWN.match(lineas[i]) and i + 1 < len(lineas) and _SEPARADOR_MARKDOWN.match(lineas[i + 1])):
            i += 1
            continue
        fin = i + 2
        while fin < len(lineas) and _FILA_MARKDOWN.match(lineas[fin]):
            fin += 1
        columnas = len(_celdas_markdown(lineas[i]))
        salida[i] = "" if columnas == 2 else "\t".join(_celdas_markdown(lineas[i]))
        salida[i + 1] = ""
        for k in range(i + 2, fin):
            salida[k] = "\t".join(_celdas_markdown(lineas[k]))
        i = fin
    return salida


def _celdas_markdown(linea: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", linea.strip().strip("|"))]


# What a running page header names: the report or the entity that reports.
_RUBRO_DE_PAGINA = re.compile(
    r"\b(?:rendicion\s+de\s+cuentas|informe\s+de\s+(?:gestion|rendicion)|secretaria|gobernacion|alcaldia)\b")
_PORTADA = 10  # the first non-blank lines: the cover, whose lines are never furniture unless numbered


def lineas_de_mobiliario(lineas: list[str]) -> set[int]:
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

    veces: dict[str, int] = {}
    for linea in lineas:
        if linea.strip():
            veces[clave(linea)] = veces.get(clave(linea), 0) + 1
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
        if veces[k] >= 2 and all(rotulo(c) for c in partes) and _RUBRO_DE_PAGINA.search(k):
            if no_vacias <= _PORTADA and k not in vistas:
                vistas.add(k)
                continue
            fuera.add(numero)
            fuera.update(_resto_del_encabezado(lineas, numero, rotulo))
    return fuera


def _resto_del_encabezado(lineas: list[str], numero: int, rotulo: Callable[[str], bool]) -> list[int]:
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


def ancho_de_linea(lineas: list[str]) -> int:
    """The width a text export wraps its paragraphs at: the longest line that is followed by
    another non-blank line (a wrapped paragraph's lines are all but the last at the width).  Under
    `_ANCHO_MINIMO` nothing was wrapped (a cover's short lines, a list): no line is a wrap by its length."""
    anchos = [len(a.rstrip()) for a, b in zip(lineas, lineas[1:], strict=False)
              if a.strip() and b.strip() and "\t" not in a]
    ancho = max(anchos, default=0)
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
