"""A .docx in the report template's layout, built from its text export (for tests).

The seeds are text exported from the Word template.  This builds the Word document back,
so that the .docx reader can be tested against the text reader on real reports.  What
each part of the export is in Word:

- ``## Título`` (a markdown heading): a paragraph in style "Heading 2".
- ``**texto**`` or ``<b>texto</b>``: a bold run (direct formatting, as the author sets it).
- Consecutive lines with tabs: the rows of one table, one cell per tab-separated part (the
  export writes every column of the table's grid, so a merged cell comes out as a cell
  followed by empty ones).  The title row of a meta (``Meta # 5 Apoyo a ...`` and empty
  cells) is one cell merged across the table, as in the template; a row with fewer cells
  than the widest row has its last cell merged across the rest.
- Inside a cell, each ``<p>``, ``<li>`` or ``<div>``: a paragraph of the cell (and ``<br>``,
  which segmentos_de_texto also reads as a new paragraph; in Word it would more likely be
  a line break, see test_diferencia_salto_de_linea_en_una_celda).  A ``<li>``
  is a list paragraph: bulleted ("List Bullet") unless its ``<ul>`` says
  ``list-style-type: none`` (the template's lists do), in which case it is an indented
  paragraph without bullet ("List Paragraph").
- Other lines: body paragraphs, grouped as `segmentos_de_texto` groups them (a blank line
  ends a paragraph; a heading is a paragraph of its own; a line that closes an HTML block
  ends one).  A line ending in two spaces (a markdown hard break) is a line break
  (Shift+Enter) in Word; any other end of line within a paragraph is a space.
- A line of only spaces, how the export writes an empty Word paragraph: an empty paragraph.
- ``\\$`` and ``&amp;`` are the export's escapes: Word has ``$`` and ``&``.
"""

from __future__ import annotations

import html
import io
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

import docx

from auditor.entrada.importar.segmentos import limpiar_parrafo

_BLOQUE_HTML = re.compile(r"(</?(?:p|li|ul|ol|div|tr|td|th|table|h[1-6])\b[^>]*>|<br\s*/?>)", re.IGNORECASE)
_ETIQUETA = re.compile(r"</?[a-zA-Z][^>]*>")
_NEGRITA = re.compile(r"<(b|strong)\b[^>]*>.*?</\1>|\*\*.+?\*\*", re.IGNORECASE | re.DOTALL)
_ESCAPE_MARKDOWN = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|~<>])")
_ENCABEZADO = re.compile(r"^\s{0,3}(#{1,6})\s+")
_REGLA = re.compile(r"\s*[-*_]{3,}\s*")
_TITULO_META = re.compile(r"Meta\s*#")
_FIN_DE_BLOQUE = re.compile(r"</(?:p|li|ul|div)>\s*$", re.IGNORECASE)


def construir(texto: str) -> bytes:
    """The .docx (its bytes) of a text export of the template."""
    documento = docx.Document()
    for bloque in _bloques(texto):
        if isinstance(bloque, _Tabla):
            _agregar_tabla(documento, bloque.filas)
        elif bloque.lineas:
            _agregar_parrafos(documento, bloque.lineas, bloque.nivel)
        else:
            documento.add_paragraph()
    salida = io.BytesIO()
    documento.save(salida)
    return salida.getvalue()


@dataclass
class _Parrafo:
    """Lines of the export that make one body paragraph (none: an empty paragraph)."""

    lineas: list[str]
    nivel: int = 0  # heading level, 0 for body text


@dataclass
class _Tabla:
    filas: list[list[str]] = field(default_factory=list)  # the export's cells, row by row


def _bloques(texto: str) -> list[_Parrafo | _Tabla]:
    """The export's lines grouped into paragraphs and tables, in order."""
    bloques: list[_Parrafo | _Tabla] = []
    pendiente: list[str] = []

    def cerrar() -> None:
        if pendiente:
            bloques.append(_Parrafo(pendiente.copy()))
            pendiente.clear()

    for linea in texto.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\t" in linea:
            cerrar()
            if not bloques or not isinstance(bloques[-1], _Tabla):
                bloques.append(_Tabla())
            tabla = bloques[-1]
            assert isinstance(tabla, _Tabla)
            tabla.filas.append(linea.split("\t"))
            continue
        if not limpiar_parrafo(linea):
            cerrar()
            if linea or (bloques and isinstance(bloques[-1], _Tabla)):
                # a line of spaces is an empty paragraph; so is a blank line after a table
                # (it ends the table: Word keeps a paragraph between two tables, or joins them)
                bloques.append(_Parrafo([]))
            continue
        encabezado = _ENCABEZADO.match(linea)
        if encabezado or _REGLA.fullmatch(linea):
            cerrar()
            nivel = len(encabezado.group(1)) if encabezado else 0
            bloques.append(_Parrafo([linea[encabezado.end() :] if encabezado else linea], nivel))
            continue
        pendiente.append(linea)
        if _FIN_DE_BLOQUE.search(linea.strip()):
            cerrar()
    cerrar()
    return bloques


def _agregar_parrafos(documento: Any, lineas: list[str], nivel: int) -> None:
    # a markdown hard break (two trailing spaces) is a line break; other line ends a space
    crudo = lineas[-1]
    for linea in reversed(lineas[:-1]):
        crudo = (linea.rstrip() + "\n" if linea.endswith("  ") else linea + " ") + crudo
    for parte, estilo in _partes(crudo):
        parrafo = documento.add_paragraph(style=f"Heading {nivel}" if nivel else estilo)
        _agregar_runs(parrafo, parte)


def _agregar_tabla(documento: Any, filas: list[list[str]]) -> None:
    columnas = max(len(fila) for fila in filas)
    tabla = documento.add_table(rows=len(filas), cols=columnas)
    tabla.style = "Table Grid"
    for numero, fila in enumerate(filas):
        if _TITULO_META.match(limpiar_parrafo(fila[0])) and not any(limpiar_parrafo(celda) for celda in fila[1:]):
            fila = fila[:1]  # the title, across the table
        if len(fila) < columnas:
            tabla.cell(numero, len(fila) - 1).merge(tabla.cell(numero, columnas - 1))
        for columna, crudo in enumerate(fila):
            celda = tabla.cell(numero, columna)
            for indice, (parte, estilo) in enumerate(_partes(crudo)):
                parrafo = celda.paragraphs[0] if indice == 0 else celda.add_paragraph()
                parrafo.style = estilo
                _agregar_runs(parrafo, parte)


def _partes(crudo: str) -> list[tuple[str, str]]:
    """The paragraphs HTML block tags make of `crudo`, each with its Word paragraph style."""
    partes: list[tuple[str, str]] = []
    en_item = sin_vinetas = False
    for trozo in _BLOQUE_HTML.split(crudo):
        etiqueta = trozo.lower()
        if _BLOQUE_HTML.fullmatch(trozo):
            if etiqueta.startswith("<ul"):
                sin_vinetas = "list-style-type: none" in etiqueta
            if etiqueta.startswith("<li"):
                en_item = True
            elif etiqueta.startswith(("</li", "</ul", "</ol")):
                en_item = False
        elif limpiar_parrafo(trozo):
            estilo = ("List Paragraph" if sin_vinetas else "List Bullet") if en_item else "Normal"
            partes.append((trozo, estilo))
    return partes


def _agregar_runs(parrafo: Any, crudo: str) -> None:
    """Runs for `crudo`, bold where the export marks bold, spaced as Word would have it."""
    letras: list[tuple[str, bool]] = []  # each visible character, and whether it is bold
    inicio = 0
    for negrita in _NEGRITA.finditer(crudo):
        letras += [(letra, False) for letra in _visible(crudo[inicio : negrita.start()])]
        letras += [(letra, True) for letra in _visible(negrita.group(0))]
        inicio = negrita.end()
    letras += [(letra, False) for letra in _visible(crudo[inicio:])]
    runs: list[tuple[str, bool]] = []
    for es_espacio, grupo in itertools.groupby(letras, key=lambda letra: letra[0] in " \t\n"):
        grupo_ = list(grupo)
        if es_espacio:  # one space or line break, bold only if all of it was (a plain space keeps two bold spans apart)
            grupo_ = [("\n" if any(letra == "\n" for letra, _ in grupo_) else " ", all(b for _, b in grupo_))]
        for letra, en_negrita in grupo_:
            if runs and runs[-1][1] == en_negrita:
                runs[-1] = (runs[-1][0] + letra, en_negrita)
            else:
                runs.append((letra, en_negrita))
    for indice, (texto, en_negrita) in enumerate(runs):
        texto = texto.lstrip() if indice == 0 else texto
        texto = texto.rstrip() if indice == len(runs) - 1 else texto
        if texto:
            parrafo.add_run(texto).bold = en_negrita or None  # python-docx writes "\n" as a line break


def _visible(crudo: str) -> str:
    """What Word shows for a piece of export text: no tags, escapes or bold markers."""
    texto = html.unescape(_ETIQUETA.sub(" ", crudo)).replace("**", "").replace("__", "")
    return _ESCAPE_MARKDOWN.sub(r"\1", texto)  # after: an escaped '\*\*' is two literal asterisks
