"""The annotated draft (``auditor check borrador.docx --anotar revisado.docx``): a copy of the Word draft with
the findings as Word comments in the margin, as a planning office sends a draft back to its secretaría.

One comment per paragraph that has findings (several findings on one paragraph share it, one finding per
paragraph of the comment), by author "auditor": what is wrong (the finding's message, with its rule id and
severity) and, when the rule's documentation says it, what to do.  The paragraph is found by the walk the
importer reads the draft with (`parrafos_en_orden`): a finding's line on a .docx is the ordinal of its
paragraph in that walk, so a table cell, a content control, a tracked insertion or a text box is annotated
where it was read.  The comment covers the text the finding quotes when that text is in the paragraph (runs
are split at its ends; the text itself is not changed), and the whole paragraph otherwise.  Findings about the
whole report (no place in the document) share one comment on the first paragraph with text (the title).

The input bytes are only read: the copy is built in memory and returned.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.idioma import plantilla, tr
from auditor.lectura.fuente import motivo_so
from auditor.lectura.patrones import normalizar_con_indices
from auditor.lectura.visible import visible
from auditor.resultado.hallazgo import Hallazgo

if TYPE_CHECKING:
    from docx.document import Document

    from auditor.entrada.importar.docx import ParrafoLeido
    from auditor.resultado.ejecucion import Resultado

AUTOR = "auditor"
INICIALES = "AU"
SUFIJO = ".revisado.docx"  # the copy of NOMBRE.docx when --anotar names a directory: NOMBRE.revisado.docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T, _RPR = f"{_W}t", f"{_W}rPr"
_DE_UN_CARACTER = {f"{_W}tab", f"{_W}ptab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"}  # as docx._CONTENIDO_RUN
_ESPACIO_XML = "{http://www.w3.org/XML/1998/namespace}space"


class ErrorAnotado(Exception):
    """The draft cannot be annotated (python-docx cannot open it); the message names why."""


@dataclass(frozen=True)
class Anotado:
    """The annotated copy and what went into it."""

    contenido: bytes
    comentarios: int  # comments written
    hallazgos: int  # findings they hold


def anotar(contenido: bytes, hallazgos: Iterable[Hallazgo], que_hacer: Mapping[str, str] | None = None) -> Anotado:
    """A copy of the .docx `contenido` with `hallazgos` (all of one draft) as comments; `que_hacer` maps a rule
    id to the one line that says what to do about it (a rule without one gets no such line)."""
    from docx import Document as abrir

    from auditor.entrada.importar.docx import parrafos_en_orden

    try:
        documento = abrir(io.BytesIO(contenido))
    except Exception as error:  # noqa: BLE001 - python-docx and lxml raise many types on a damaged package
        raise ErrorAnotado(tr("no se puede abrir como documento de Word ({tipo}: {detalle})",
                              tipo=type(error).__name__, detalle=" ".join(str(error).split())[:200])) from None
    parrafos = parrafos_en_orden(documento.element.body, documento.styles.element)
    grupos: dict[int | None, list[Hallazgo]] = {}
    for f in hallazgos:
        indice = f.linea - 1 if f.ubicacion and 0 < f.linea <= len(parrafos) else None
        grupos.setdefault(indice, []).append(f)
    que_hacer = que_hacer or {}
    comentarios = escritos = 0
    for indice, grupo in sorted(grupos.items(), key=lambda par: -1 if par[0] is None else par[0]):
        if indice is None:
            parrafo = _titulo(parrafos)
            if parrafo is None:
                continue  # a document without a single paragraph: nowhere to hang the comment
            _comentar(documento, _runs_del_parrafo(parrafo), grupo, que_hacer, de_todo_el_informe=True)
        else:
            parrafo = parrafos[indice]
            _comentar(documento, _ancla(parrafo, grupo), grupo, que_hacer)
        comentarios += 1
        escritos += len(grupo)
    salida = io.BytesIO()
    documento.save(salida)
    return Anotado(salida.getvalue(), comentarios, escritos)


def _titulo(parrafos: Sequence[ParrafoLeido]) -> ParrafoLeido | None:
    """The first paragraph with text (the draft's title), else the first paragraph."""
    return next((p for p in parrafos if p.runs), parrafos[0] if parrafos else None)


def _runs_del_parrafo(parrafo: ParrafoLeido) -> tuple[Any, Any]:
    """The first and last run of the paragraph's text; an empty paragraph gets an empty run to hang the comment on."""
    if parrafo.runs:
        return parrafo.runs[0][0], parrafo.runs[-1][0]
    vacio = parrafo.elemento.add_r()
    return vacio, vacio


def _ancla(parrafo: ParrafoLeido, grupo: Sequence[Hallazgo]) -> tuple[Any, Any]:
    """The first and last run the comment covers: exactly the quoted texts found in the paragraph (from the first
    to the last of them), else the whole paragraph."""
    texto = "".join(t for _, t in parrafo.runs)
    tramos = [t for t in (_buscar(texto, f.texto) for f in grupo if f.texto) if t is not None]
    if not tramos:
        return _runs_del_parrafo(parrafo)
    return _partir_en(parrafo, min(a for a, _ in tramos), max(b for _, b in tramos))


def _buscar(texto: str, cita: str) -> tuple[int, int] | None:
    """Where `cita` stands in `texto` (start, end in `texto`), compared as the readers compare text: case, accents,
    odd and repeated spaces aside; failing that, with no spaces at all ('948, 3' quoted from '948,3')."""
    normal, indices = normalizar_con_indices(texto)
    buscada = normalizar_con_indices(cita)[0].strip()
    if not buscada:
        return None
    posicion = normal.find(buscada)
    if posicion >= 0:
        return indices[posicion], indices[posicion + len(buscada) - 1] + 1
    compacto = [(c, indices[i]) for i, c in enumerate(normal) if not c.isspace()]
    buscada = "".join(buscada.split())
    posicion = "".join(c for c, _ in compacto).find(buscada)
    if posicion < 0:
        return None
    return compacto[posicion][1], compacto[posicion + len(buscada) - 1][1] + 1


def _partir_en(parrafo: ParrafoLeido, inicio: int, fin: int) -> tuple[Any, Any]:
    """The runs that hold exactly the characters `inicio`..`fin` of the paragraph's text, splitting a run where
    an end falls inside it (both halves keep the run's formatting; the text is the same)."""
    limites = []
    desde = 0
    for run, texto in parrafo.runs:
        limites.append((run, desde, desde + len(texto)))
        desde += len(texto)
    i = next(n for n, (_, _, hasta) in enumerate(limites) if inicio < hasta)
    j = next(n for n, (_, _, hasta) in enumerate(limites) if fin <= hasta)
    primero, desde_primero, _ = limites[i]
    ultimo, desde_ultimo, hasta_ultimo = limites[j]
    if fin < hasta_ultimo:
        ultimo, _ = _partir(ultimo, fin - desde_ultimo)  # the run keeps the quoted part (and, if i == j, what precedes it)
    if inicio > desde_primero:
        _, primero = _partir(primero, inicio - desde_primero)
        if i == j:
            ultimo = primero
    return primero, ultimo


def _largo(hijo: Any) -> int:
    """How many characters of the paragraph's text a child of a run gives (as `docx._texto_de`)."""
    if hijo.tag == _T:
        return len(hijo.text or "")
    return 1 if hijo.tag in _DE_UN_CARACTER else 0


def _partir(run: Any, corte: int) -> tuple[Any, Any]:
    """Split a run after its first `corte` characters: the run keeps them, a copy right after it holds the rest."""
    derecha = copy.deepcopy(run)
    run.addnext(derecha)
    for mitad, queda_izquierda in ((run, True), (derecha, False)):
        posicion = 0
        for hijo in list(mitad):
            if hijo.tag == _RPR:
                continue
            largo = _largo(hijo)
            if hijo.tag == _T and posicion < corte < posicion + largo:
                texto = hijo.text or ""
                hijo.text = texto[: corte - posicion] if queda_izquierda else texto[corte - posicion:]
                hijo.set(_ESPACIO_XML, "preserve")
            elif (posicion < corte) != queda_izquierda:
                mitad.remove(hijo)
            posicion += largo
    return run, derecha


def _comentar(documento: Document, ancla: tuple[Any, Any], grupo: Sequence[Hallazgo],
              que_hacer: Mapping[str, str], de_todo_el_informe: bool = False) -> None:
    from docx.text.run import Run

    primero, ultimo = (Run(r, documento) for r in ancla)
    comentario = documento.add_comment([primero, ultimo], text="", author=AUTOR, initials=INICIALES)
    parrafos = [comentario.paragraphs[0]]
    if de_todo_el_informe:
        parrafos[0].add_run(tr("Sobre el informe en conjunto:"))
        parrafos.append(comentario.add_paragraph())
    for numero, f in enumerate(grupo):
        destino = parrafos[-1] if numero == 0 else comentario.add_paragraph()
        destino.add_run(f"{f.regla} · {f.severidad.etiqueta}").bold = True
        meta = tr(" (meta {meta})", meta=visible(f.meta)) if de_todo_el_informe and f.meta else ""
        destino.add_run(f"{meta}: {visible(f.mensaje)}")  # report text in a message: no control character reaches Word's XML
        if f.plan is not None:  # the second place
            destino.add_run(f" ({visible(f.plan.descripcion())})")
        consejo = que_hacer.get(f.regla)
        if consejo:
            comentario.add_paragraph().add_run(tr("Qué hacer: {consejo}", consejo=consejo))


def plan(ruta: str, archivos: Sequence[str]) -> list[tuple[str, Path]]:
    """Which audited draft goes to which annotated copy, for ``--anotar RUTA``; `ErrorAnotado` (a usage error)
    when it cannot be done.

    RUTA is a file when exactly one .docx is audited (the common case: one draft, one copy to send back), or an
    existing directory, where each audited NOMBRE.docx gets NOMBRE.revisado.docx (a folder of drafts at once,
    without guessing names).  Data (YAML, JSON) and text documents are audited as usual but have nothing to hang
    a Word comment on; when no .docx is audited at all, the option says what it needs."""
    borradores = [a for a in archivos if a.lower().endswith(".docx")]
    if not borradores:
        raise ErrorAnotado(tr(
            "--anotar escribe los hallazgos como comentarios de Word en una copia del borrador, y no se audita ningún "
            "documento .docx ({archivos}): los datos YAML/JSON y los documentos de texto no tienen dónde llevar un "
            "comentario (sus hallazgos señalan líneas); audite el borrador en Word (.docx), o envíe los hallazgos con "
            "--format html o markdown", archivos=_lista(archivos)))
    destino = Path(ruta)
    if destino.is_dir():
        copias = [(b, destino / (Path(b).name[: -len(".docx")] + SUFIJO)) for b in borradores]
        vistos: dict[Path, str] = {}
        for borrador, copia in copias:
            if copia in vistos:
                raise ErrorAnotado(tr("--anotar {ruta}: {uno} y {otro} tendrían la misma copia anotada ({copia}); "
                                      "audítelos por separado", ruta=ruta, uno=vistos[copia], otro=borrador, copia=copia))
            vistos[copia] = borrador
        return copias
    if len(borradores) > 1:
        raise ErrorAnotado(tr("--anotar {ruta} es un archivo y se auditan {n} borradores .docx ({archivos}): indique un "
                              "directorio existente, donde cada NOMBRE.docx queda como NOMBRE.revisado.docx",
                              ruta=ruta, n=len(borradores), archivos=_lista(borradores)))
    if not destino.name.lower().endswith(".docx"):
        raise ErrorAnotado(tr("--anotar {ruta}: la copia anotada es un documento de Word; su nombre debe terminar en .docx "
                              "(o indique un directorio existente)", ruta=ruta))
    return [(borradores[0], destino)]


def _lista(archivos: Sequence[str]) -> str:
    return ", ".join(archivos[:3]) + (", …" if len(archivos) > 3 else "")


def escribir_copias(copias: Sequence[tuple[str, Path]], resultado: Resultado) -> Iterator[str]:
    """Write each annotated copy (atomically, as every output); yield what was written, as the command line confirms
    it.  Raises `ErrorAnotado` or `ErrorEscritura` (the message names the file)."""
    from auditor.salidas.escritura import escribir

    que_hacer = {i: plantilla(r.doc.que_hacer) for i, (r, _) in resultado.reglas.items() if r.doc.que_hacer}
    por_archivo = {borrador: copia for borrador, copia in copias}
    for informe in resultado.informes:
        copia = por_archivo.get(informe.archivo)
        if copia is None:
            continue
        try:
            anotado = anotar(Path(informe.archivo).read_bytes(), informe.hallazgos, que_hacer)
        except OSError as error:
            raise ErrorAnotado(tr("{archivo}: no se puede leer: {motivo}", archivo=informe.archivo, motivo=motivo_so(error))) from None
        except ErrorAnotado as error:
            raise ErrorAnotado(f"{informe.archivo}: {error}") from None
        escribir(copia, anotado.contenido)
        yield tr("auditor: borrador anotado escrito en {copia}: {comentarios} comentarios con {hallazgos} hallazgos",
                 copia=copia, comentarios=anotado.comentarios, hallazgos=anotado.hallazgos)
