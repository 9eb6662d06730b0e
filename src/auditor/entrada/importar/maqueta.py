"""The text a PDF's layout export writes (`pdftotext -layout`) as lines the segmenter reads.

Such an export keeps the page: a form's labels in a left column that wrap ('Descripción del' /
'avance'), each answer starting at a fixed column and wrapping onto lines indented to it, words cut
by a hyphen at the line's end; rows of several 'label: value' cells separated by wide gaps; and, on
every page (pages are separated by form feeds), a running header and footer.  Read line by line,
the label's words are spliced into the answer and the header into the text.

`maqueta` finds the three from the text's own shape (never from its words) and gives the lines back,
as many as there were, each block of the form rewritten on its first line as one paragraph
('Descripción del avance: A través de …') and its other lines left blank, each row's cells
separated by tabs (each cell a paragraph of that line, not a table's: the row is not a label and its
answer), and the numbers of the lines that are page furniture.  A text without that shape comes back
as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from auditor.entrada.importar.renglones import NO_CIERRA, unir_lineas

# a page's number ('Página 3 de 9', 'Pág. 3'): page furniture wherever it appears
PIE_DE_PAGINA = re.compile(r"^\s*(?:[-–—]\s*)?(?:p[aá]g(?:ina)?\.?\s*)\d+\s*(?:(?:de|/)\s*\d+)?\s*(?:[-–—]\s*)?$", re.IGNORECASE)
_TRAMO = re.compile(r"[^ ]+(?: [^ ]+)*")  # a run of text: words one space apart; two spaces or more end it
_HUECO_DE_CELDAS = re.compile(r" {3,}")  # a wide gap: a word space is one, a justified line's rarely two
_ROTULO_Y_VALOR = re.compile(r"^[^\W\d_][^:]{0,40}:\s+\S")  # 'Meta cuatrienio: 4.000', 'Ejecutado a 30/09/2025: 38'
_BORDE = 3  # how many non-blank lines at the top and at the bottom of a page may be its running header or footer
_MIN_ROTULOS = 3  # the form: this many labels whose answer starts at the column
_MIN_CONTINUACIONES = 2  # and this many lines indented to it, the answers' wraps
_COLUMNA_MINIMA = 8  # narrower than this, no label column


@dataclass
class Maqueta:
    """The lines as the segmenter reads them (same count and numbering as the text's), the 1-based
    numbers of the lines that are page furniture, of those that are a paragraph of their own (a rebuilt
    block of the form), and of the rows whose tab-separated cells are each a paragraph."""

    lineas: list[str]
    mobiliario: set[int] = field(default_factory=set)
    parrafos: set[int] = field(default_factory=set)
    filas: set[int] = field(default_factory=set)


def maqueta(lineas: list[str]) -> Maqueta:
    """The layout of a text export read: running header and footer, form blocks and rows of cells.  A text with
    neither a running header nor a form (no layout export) comes back as it was: its wide gaps are not cells."""
    salto = [("\f" in linea) for linea in lineas]  # a page starts on this line
    limpias = [linea.replace("\f", "") for linea in lineas]
    mobiliario = mobiliario_de_paginas(limpias, salto)
    columnas = columnas_de_formulario(limpias, mobiliario)
    if not columnas and not mobiliario:
        return Maqueta(list(lineas))
    resultado = Maqueta(limpias, set(mobiliario))
    if columnas:
        _rehacer_formulario(resultado, salto, columnas)
    for i, linea in enumerate(resultado.lineas):
        celdas = celdas_de_fila(linea)
        if celdas and i + 1 not in resultado.parrafos and i + 1 not in mobiliario:
            resultado.lineas[i] = "\t".join(celdas)
            resultado.filas.add(i + 1)
    return resultado


def mobiliario_de_paginas(lineas: list[str], salto: list[bool]) -> set[int]:
    """The 1-based numbers of the lines that repeat, identically, among the first or among the last
    `_BORDE` non-blank lines of two pages or more (and of half the pages at least): a running header or
    footer, whatever it says.  Pages are what form feeds separate; without one there is no page."""
    inicios = [0] + [i for i, s in enumerate(salto) if s and i > 0]
    if len(inicios) < 2:
        return set()
    paginas = [range(a, b) for a, b in zip(inicios, [*inicios[1:], len(lineas)], strict=True)]
    bordes: list[tuple[list[int], list[int]]] = []
    for pagina in paginas:
        llenas = [i for i in pagina if lineas[i].strip() and not PIE_DE_PAGINA.match(lineas[i])]
        bordes.append((llenas[:_BORDE], llenas[-_BORDE:] if llenas else []))
    fuera: set[int] = set()
    for lado in (0, 1):
        donde: dict[str, list[int]] = {}
        for borde in bordes:
            vistas: set[str] = set()
            for i in borde[lado]:
                clave = " ".join(lineas[i].split())
                if clave not in vistas:
                    vistas.add(clave)
                    donde.setdefault(clave, []).append(i)
        for indices in donde.values():
            if len(indices) >= 2 and 2 * len(indices) >= len(paginas):
                fuera.update(i + 1 for i in indices)
    return fuera


def _tramos(linea: str) -> list[tuple[int, str]]:
    """The runs of a line that gaps of two spaces or more separate, each with its column."""
    return [(m.start(), m.group()) for m in _TRAMO.finditer(linea)]


def _sangria(linea: str) -> int:
    return len(linea) - len(linea.lstrip(" "))


def columnas_de_formulario(lineas: Sequence[str], mobiliario: set[int]) -> set[int]:
    """The columns where a form's answers start: many lines open with a label at the margin and go on,
    after a gap, at that column (`_MIN_ROTULOS`), and lines indented exactly to it carry the answers'
    wraps (`_MIN_CONTINUACIONES`).  Ordinary prose has neither."""
    rotulos: dict[int, int] = {}
    sangrias: dict[int, int] = {}
    for numero, linea in enumerate(lineas, start=1):
        if numero in mobiliario or "\t" in linea or not linea.strip():
            continue
        tramos = _tramos(linea)
        if tramos[0][0] == 0 and len(tramos) >= 2:
            rotulos[tramos[1][0]] = rotulos.get(tramos[1][0], 0) + 1
        elif tramos[0][0] > 0:
            sangrias[tramos[0][0]] = sangrias.get(tramos[0][0], 0) + 1
    return {c for c, n in rotulos.items()
            if c >= _COLUMNA_MINIMA and n >= _MIN_ROTULOS and sangrias.get(c, 0) >= _MIN_CONTINUACIONES}


def _rehacer_formulario(disposicion: Maqueta, salto: list[bool], columnas: set[int]) -> None:
    """Each block of the form written on its first line as 'label: answer' (the label's pieces joined by spaces, the
    answer's lines by `unir_lineas`, which joins again a word cut by a hyphen), its other lines left blank."""
    lineas = disposicion.lineas
    i = 0
    while i < len(lineas):
        bloque = _bloque(lineas, i, salto, disposicion.mobiliario, columnas)
        if bloque is None:
            i += 1
            continue
        rotulo = " ".join(bloque.rotulo).rstrip(":").strip()
        respuesta = unir_lineas(bloque.respuesta) if bloque.respuesta else ""
        lineas[i] = f"{rotulo}: {respuesta}" if respuesta else rotulo
        for k in bloque.lineas[1:]:
            lineas[k] = ""
        disposicion.parrafos.add(i + 1)
        i = bloque.lineas[-1] + 1


@dataclass
class _Bloque:
    """One block of a form: the pieces of its label, the lines of its answer, the (0-based) lines it takes."""

    rotulo: list[str]
    respuesta: list[str]
    lineas: list[int]


def _bloque(lineas: list[str], i: int, salto: list[bool], mobiliario: set[int], columnas: set[int]) -> _Bloque | None:
    """The block of the form that starts at line `i` (0-based); None if none starts there.  A block starts with a
    label at the margin and its answer at the column (or with the label alone, its answer on the lines below, indented
    to the column); it goes on with lines indented exactly to the column, and with lines whose piece at the margin
    continues the label (in lower case, or after a word that ends no label: 'Descripción del' / 'avance'), across a
    page break (its furniture and blank lines) too.  A blank line, or a new label, ends it."""
    if i + 1 in mobiliario or "\t" in lineas[i]:
        return None
    tramos = _tramos(lineas[i])
    if len(tramos) >= 2 and tramos[0][0] == 0 and tramos[1][0] in columnas:
        columna = tramos[1][0]
        bloque = _Bloque([tramos[0][1]], [lineas[i][columna:].strip()], [i])
    elif (len(tramos) == 1 and tramos[0][0] == 0 and i + 1 < len(lineas) and lineas[i + 1].strip()
          and _sangria(lineas[i + 1]) in columnas and len(tramos[0][1]) + 2 <= _sangria(lineas[i + 1])):
        columna = _sangria(lineas[i + 1])
        bloque = _Bloque([tramos[0][1]], [], [i])
    else:
        return None
    j = i + 1
    while j < len(lineas):
        k, pagina = j, False
        while k < len(lineas) and (k + 1 in mobiliario or not lineas[k].strip() or PIE_DE_PAGINA.match(lineas[k])):
            pagina = pagina or salto[k] or k + 1 in mobiliario or bool(PIE_DE_PAGINA.match(lineas[k]))
            k += 1
        if (k != j and not pagina) or k >= len(lineas) or "\t" in lineas[k]:
            break  # a blank line ends the block; a page break does not
        linea = lineas[k]
        if _sangria(linea) == columna:
            bloque.respuesta.append(linea.strip())
        else:
            tramos = _tramos(linea)
            pieza = tramos[0][1] if tramos[0][0] == 0 else ""
            sigue = bool(pieza) and len(pieza) + 2 <= columna and (pieza[:1].islower() or bool(NO_CIERRA.search(bloque.rotulo[-1])))
            if not sigue or (len(tramos) >= 2 and tramos[1][0] != columna):
                break  # a new label ('Cumplimiento'), or a line of another shape
            bloque.rotulo.append(pieza)
            if len(tramos) >= 2:
                bloque.respuesta.append(linea[columna:].strip())
        bloque.lineas.append(k)
        j = k + 1
    return bloque


def celdas_de_fila(linea: str) -> list[str]:
    """The cells of a row that wide gaps separate ('Meta cuatrienio: 4.000      Programado 2025: 1.200      Ejecutado
    a 30/09/2025: 1.200'): two cells or more, each a 'label: value'.  None for other lines."""
    if "\t" in linea or not linea.strip():
        return []
    celdas = [c.strip() for c in _HUECO_DE_CELDAS.split(linea.strip()) if c.strip()]
    if len(celdas) < 2 or not all(_ROTULO_Y_VALOR.match(c) for c in celdas):
        return []
    return celdas
