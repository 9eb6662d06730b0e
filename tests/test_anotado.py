"""The annotated draft (check --anotar): the findings as Word comments in a copy of the .docx.

Every copy is reopened with python-docx and read back: the comments (author, text) and what each one
covers (the exact text between its range marks, the paragraph and the table cell it is in)."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from auditor.entrada.importar.docx import leer_docx, parrafos_en_orden
from auditor.entrada.importar.segmentos import normalizar_espacios
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.hallazgo import Hallazgo
from auditor.salidas.anotado import AUTOR, INICIALES, anotar

from .conftest import FIXTURES, RAIZ, correr
from .docx_plantilla import construir

BORRADOR_CORPUS = RAIZ.parent / "shared" / "corpus" / "d5_mujer_borrador.docx"
requiere_corpus = pytest.mark.skipif(not BORRADOR_CORPUS.is_file(), reason=f"no está {BORRADOR_CORPUS} (../shared/corpus)")
DOCUMENTO_BASE = Path(__file__).parent / "hostile" / "documento_base.txt"


@dataclass(frozen=True)
class Leido:
    """One comment of a copy as Word shows it."""

    autor: str
    iniciales: str
    texto: str
    cubre: str  # the text between its range marks
    parrafo: str  # the text of the paragraph its range starts in
    celda: str | None  # the text of the table cell it is in (None: outside tables)


def _texto(elemento: object) -> str:
    return "".join(t.text or "" for t in elemento.iter(qn("w:t")))  # type: ignore[attr-defined]


def comentarios(contenido: bytes) -> dict[str, Leido]:
    """Every comment of the .docx by id, with what it covers."""
    documento = docx.Document(io.BytesIO(contenido))
    propios = {str(c.comment_id): c for c in documento.comments}
    abiertos: dict[str, list[str]] = {}
    inicios: dict[str, object] = {}
    leidos: dict[str, Leido] = {}
    for elemento in documento.element.body.iter():
        if elemento.tag == qn("w:commentRangeStart"):
            abiertos[elemento.get(qn("w:id"))] = []
            inicios[elemento.get(qn("w:id"))] = elemento
        elif elemento.tag == qn("w:commentRangeEnd"):
            cid = elemento.get(qn("w:id"))
            inicio = inicios[cid]
            parrafo = next(a for a in inicio.iterancestors(qn("w:p")))  # type: ignore[attr-defined]
            assert parrafo is next(elemento.iterancestors(qn("w:p"))), "a comment spans one paragraph"
            celda = next(inicio.iterancestors(qn("w:tc")), None)  # type: ignore[attr-defined]
            c = propios[cid]
            leidos[cid] = Leido(c.author, c.initials or "", c.text, "".join(abiertos.pop(cid)), _texto(parrafo),
                                None if celda is None else _texto(celda))
        elif elemento.tag == qn("w:t"):
            for partes in abiertos.values():
                partes.append(elemento.text or "")
    assert abiertos == {}
    return leidos


def de_auditor(contenido: bytes) -> list[Leido]:
    return [c for c in comentarios(contenido).values() if c.autor == AUTOR]


def _hallazgo(regla: str, linea: int, ubicacion: str | None, texto: str | None, mensaje: str = "mensaje") -> Hallazgo:
    return Hallazgo(regla, Categoria.PLACEHOLDER, Severidad.ERROR, f"{mensaje} de {regla}", "b.docx", linea, "1", "campo", texto, ubicacion)


def _guardar(documento: object) -> bytes:
    salida = io.BytesIO()
    documento.save(salida)  # type: ignore[attr-defined]
    return salida.getvalue()


def _borrador() -> bytes:
    """A title; a paragraph inside a content control (python-docx's `paragraphs` does not see it, the importer
    does); a table whose cell has a sentence split over runs; a closing paragraph."""
    documento = docx.Document()
    documento.add_paragraph("Informe de gestión 2024")
    oculto = documento.add_paragraph("Texto en un control de contenido")
    sdt = oculto._p.makeelement(qn("w:sdt"), {})
    contenido = sdt.makeelement(qn("w:sdtContent"), {})
    sdt.append(contenido)
    oculto._p.addprevious(sdt)
    contenido.append(oculto._p)
    tabla = documento.add_table(rows=2, cols=2)
    tabla.cell(0, 0).paragraphs[0].add_run("Meta # 1 Ferias")
    celda = tabla.cell(1, 1).paragraphs[0]
    celda.add_run("El cumplimiento es del ")
    celda.add_run("10").bold = True
    celda.add_run("0% frente a lo programado en el periodo.")
    tabla.cell(1, 1).add_paragraph("Segundo párrafo de la celda.")
    documento.add_paragraph("Cierre del informe")
    return _guardar(documento)


def _linea(contenido: bytes, texto: str) -> tuple[int, str]:
    """The line and location the importer gives the paragraph that reads `texto` (as a finding carries them)."""
    segmento = next(s for s in leer_docx(contenido).segmentos if s.texto == texto)
    assert segmento.ubicacion is not None
    return segmento.linea, segmento.ubicacion


def test_la_cita_partida_en_runs_queda_cubierta_exacta_en_su_celda() -> None:
    contenido = _borrador()
    linea, ubicacion = _linea(contenido, "El cumplimiento es del 100% frente a lo programado en el periodo.")
    assert ubicacion == "tabla 1, fila 2, celda 2, párrafo 1"
    anotado = anotar(contenido, [_hallazgo("PCT002", linea, ubicacion, "100%")], {"PCT002": "Corrija la cifra."})
    (c,) = de_auditor(anotado.contenido)
    assert (c.autor, c.iniciales) == ("auditor", INICIALES)
    assert c.cubre == "100%"
    assert c.parrafo == "El cumplimiento es del 100% frente a lo programado en el periodo."  # the text itself is unchanged
    assert c.celda is not None and c.celda.startswith(c.parrafo)
    assert c.texto == "PCT002 · error: mensaje de PCT002\nQué hacer: Corrija la cifra."
    documento = docx.Document(io.BytesIO(anotado.contenido))
    partes = [(r.text, r.bold) for r in documento.tables[0].cell(1, 1).paragraphs[0].runs]
    assert partes == [("El cumplimiento es del ", None), ("10", True), ("0%", None), ("", None),  # the comment's reference
                      (" frente a lo programado en el periodo.", None)]
    assert (anotado.comentarios, anotado.hallazgos) == (1, 1)


def test_varios_hallazgos_de_un_parrafo_comparten_un_comentario() -> None:
    contenido = _borrador()
    linea, ubicacion = _linea(contenido, "El cumplimiento es del 100% frente a lo programado en el periodo.")
    anotado = anotar(contenido, [_hallazgo("PCT002", linea, ubicacion, "100%"), _hallazgo("PCT004", linea, ubicacion, "lo programado")])
    (c,) = de_auditor(anotado.contenido)
    assert c.cubre == "100% frente a lo programado"  # from the first quote to the last
    assert c.texto == "PCT002 · error: mensaje de PCT002\nPCT004 · error: mensaje de PCT004"  # no 'qué hacer': none given
    assert (anotado.comentarios, anotado.hallazgos) == (1, 2)


def test_sin_la_cita_el_comentario_cubre_el_parrafo() -> None:
    contenido = _borrador()
    linea, ubicacion = _linea(contenido, "Segundo párrafo de la celda.")
    (c,) = de_auditor(anotar(contenido, [_hallazgo("SEC001", linea, ubicacion, None),
                                          _hallazgo("DUP001", linea, ubicacion, "una cita que no está")]).contenido)
    assert c.cubre == c.parrafo == "Segundo párrafo de la celda."


def test_el_parrafo_de_un_control_de_contenido_es_el_que_leyo_el_importador() -> None:
    """python-docx's `document.paragraphs` skips a paragraph inside a content control; the importer counts it,
    and so does the annotator (the same walk): the comment lands on the paragraph the finding's line names."""
    contenido = _borrador()
    linea, ubicacion = _linea(contenido, "Texto en un control de contenido")
    assert (linea, ubicacion) == (2, "párrafo 2")
    (c,) = de_auditor(anotar(contenido, [_hallazgo("PLH001", linea, ubicacion, "control")]).contenido)
    assert (c.cubre, c.parrafo) == ("control", "Texto en un control de contenido")
    linea, ubicacion = _linea(contenido, "Cierre del informe")
    (c,) = de_auditor(anotar(contenido, [_hallazgo("PLH001", linea, ubicacion, "Cierre")]).contenido)
    assert (c.cubre, c.parrafo, c.celda) == ("Cierre", "Cierre del informe", None)


def test_los_hallazgos_de_todo_el_informe_van_juntos_en_el_titulo() -> None:
    contenido = _borrador()
    linea, ubicacion = _linea(contenido, "Cierre del informe")
    anotado = anotar(contenido, [_hallazgo("EST001", 1, None, None), _hallazgo("ENT002", 7, None, "algo"),
                                 _hallazgo("PLH001", linea, ubicacion, "Cierre")])
    leidos = de_auditor(anotado.contenido)
    assert len(leidos) == 2
    titulo = next(c for c in leidos if c.parrafo == "Informe de gestión 2024")
    assert titulo.cubre == "Informe de gestión 2024"
    assert titulo.texto == ("Sobre el informe en conjunto:\nEST001 · error (meta 1): mensaje de EST001\n"
                            "ENT002 · error (meta 1): mensaje de ENT002")


def test_los_controles_del_texto_citado_se_ven_escapados_en_el_comentario() -> None:
    """A quote with a bidi override or an escape character reaches Word as a visible escape: Word's XML holds no
    control character, and an override would reorder the comment's text."""
    contenido = _borrador()
    linea, ubicacion = _linea(contenido, "Cierre del informe")
    hallazgo = _hallazgo("PLH001", linea, ubicacion, "Cierre", mensaje="«Cierre\u202e» tiene \x1b[2J")
    (c,) = de_auditor(anotar(contenido, [hallazgo]).contenido)
    assert c.texto == "PLH001 · error: «Cierre\\u202e» tiene \\u001b[2J de PLH001"


def test_en_ingles() -> None:
    from auditor import idioma

    idioma.usar("en")  # the conftest puts Spanish back after the test
    anotado = anotar(_borrador(), [_hallazgo("EST001", 1, None, None)], {"EST001": "Fix it."})
    (c,) = de_auditor(anotado.contenido)
    assert c.texto == "About the report as a whole:\nEST001 · error (target 1): mensaje de EST001\nWhat to do: Fix it."


def test_la_entrada_no_cambia_y_los_comentarios_previos_se_conservan() -> None:
    documento = docx.Document(io.BytesIO(_borrador()))
    documento.add_comment(documento.paragraphs[-1].runs, text="Revisar", author="Planeación", initials="OAP")
    contenido = _guardar(documento)
    antes = bytes(contenido)
    linea, ubicacion = _linea(contenido, "Cierre del informe")
    anotado = anotar(contenido, [_hallazgo("PLH001", linea, ubicacion, "Cierre")])
    assert contenido == antes
    todos = comentarios(anotado.contenido)
    assert sorted((c.autor, c.cubre) for c in todos.values()) == [("Planeación", "Cierre del informe"), ("auditor", "Cierre")]


# -- the command line ------------------------------------------------------------------------


def _sha(ruta: Path) -> str:
    return hashlib.sha256(ruta.read_bytes()).hexdigest()


def _hallazgos_json(*args: str) -> list[dict[str, object]]:
    _, salida, _ = correr("check", *args, "--format", "json", "-j1")
    hallazgos: list[dict[str, object]] = json.loads(salida)["findings"]
    return hallazgos


def _verificar_copia(borrador: Path, copia: Path) -> list[Leido]:
    """Each finding of the draft is in a comment by auditor (rule id and message) anchored on its paragraph: on the
    quoted text exactly when the paragraph has it, on the whole paragraph otherwise; one comment per paragraph."""
    hallazgos = _hallazgos_json(str(borrador))
    segmentos = {s.linea: s for s in leer_docx(borrador.read_bytes()).segmentos}
    leidos = de_auditor(copia.read_bytes())
    assert len(leidos) == len({f["line"] for f in hallazgos})
    for f in hallazgos:
        suyo = [c for c in leidos if f"{f['rule']} · " in c.texto and str(f["message"]) in c.texto]
        assert len(suyo) == 1, f
        (c,) = suyo
        parrafo = segmentos[int(str(f["line"]))].texto
        assert " ".join(c.parrafo.split()) == parrafo, f  # the paragraph the finding's location names
        texto = str(f["text"] or "")
        if texto and texto in parrafo:
            assert texto in c.cubre, f
        else:
            assert " ".join(c.cubre.split()) == parrafo, f
    return leidos


def test_check_anotar_un_borrador_construido(tmp_path: Path) -> None:
    borrador = tmp_path / "borrador.docx"
    borrador.write_bytes(construir(DOCUMENTO_BASE.read_text(encoding="utf-8")))
    antes = _sha(borrador)
    copia = tmp_path / "revisado.docx"
    estado, _, error = correr("check", str(borrador), "--anotar", str(copia), "--format", "text")
    assert estado == 1
    assert _sha(borrador) == antes
    assert f"borrador anotado escrito en {copia}: 2 comentarios con 2 hallazgos" in error
    leidos = _verificar_copia(borrador, copia)
    inversion = next(c for c in leidos if c.texto.startswith("INV001 · error: "))
    assert inversion.cubre == "$ millones de pesos"  # exactly the quote, in its table cell
    assert inversion.celda == "¿Cuánto se invirtió? $ millones de pesos de recursos propios"


@requiere_corpus
def test_check_anotar_el_borrador_del_corpus(tmp_path: Path) -> None:
    antes = _sha(BORRADOR_CORPUS)
    copia = tmp_path / "revisado.docx"
    estado, _, error = correr("check", str(BORRADOR_CORPUS), "--anotar", str(copia), "-q")
    assert estado == 1
    assert _sha(BORRADOR_CORPUS) == antes
    assert "12 comentarios con 12 hallazgos" in error
    leidos = _verificar_copia(BORRADOR_CORPUS, copia)
    pct = next(c for c in leidos if c.texto.startswith("PCT002 · error: "))
    assert pct.cubre == "100%"
    assert pct.texto.endswith("\nQué hacer: Recalcule el porcentaje con lo logrado y lo programado que da el propio informe, "
                              "o corrija la cantidad que está mal.")  # the rule's documentation says what to do
    assert pct.parrafo.startswith("100% de cumplimiento frente a lo programado")  # tabla 1, fila 3, celda 1, párrafo 2
    assert pct.celda is not None and pct.celda.startswith("¿Qué se hizo? Se realizaron 36 talleres")
    fecha = next(c for c in leidos if c.texto.startswith("FEC001 · advertencia: "))
    assert fecha.cubre == "La ceremonia de graduación de la primera cohorte se realizó el 14 de noviembre de 2025."
    # the reviewer's own comment stays
    assert any(c.autor == "Oficina Asesora de Planeación" for c in comentarios(copia.read_bytes()).values())


@requiere_corpus
def test_check_anotar_en_ingles(tmp_path: Path) -> None:
    copia = tmp_path / "revisado.docx"
    estado, _, error = correr("check", str(BORRADOR_CORPUS), "--anotar", str(copia), "-q", "--lang", "en")
    assert estado == 1 and "annotated draft written to" in error
    textos = [c.texto for c in de_auditor(copia.read_bytes())]
    assert any(t.startswith("PLH001 · error: It has the template's instruction instead of the content\n"
                            "What to do: Replace the template's instruction with the answer.") for t in textos)
    assert not any("Qué hacer" in t for t in textos)


@requiere_corpus
def test_check_anotar_un_directorio_con_varios_borradores(tmp_path: Path) -> None:
    otro = tmp_path / "otro.docx"
    otro.write_bytes(construir(DOCUMENTO_BASE.read_text(encoding="utf-8")))
    destino = tmp_path / "revisados"
    estado, _, error = correr("check", str(BORRADOR_CORPUS), str(otro), "--anotar", str(tmp_path / "uno.docx"), "-q")
    assert estado == 2 and "indique un directorio existente" in error and "Traceback" not in error
    assert not (tmp_path / "uno.docx").exists()
    destino.mkdir()
    estado, _, error = correr("check", str(BORRADOR_CORPUS), str(otro), "--anotar", str(destino), "-q")
    assert estado == 1
    assert sorted(p.name for p in destino.iterdir()) == ["d5_mujer_borrador.revisado.docx", "otro.revisado.docx"]
    assert len(de_auditor((destino / "otro.revisado.docx").read_bytes())) == 2


@pytest.mark.parametrize("entrada", [FIXTURES / "fronteras_2024.yaml", DOCUMENTO_BASE], ids=["datos", "texto"])
def test_datos_o_texto_dicen_lo_que_se_necesita(tmp_path: Path, entrada: Path) -> None:
    copia = tmp_path / "revisado.docx"
    estado, salida, error = correr("check", str(entrada), "--anotar", str(copia))
    assert estado == 2
    assert "--anotar escribe los hallazgos como comentarios de Word" in error and "no se audita ningún documento .docx" in error
    assert "Traceback" not in error and salida == ""
    assert not copia.exists()


def test_la_copia_no_puede_ser_la_entrada(tmp_path: Path) -> None:
    borrador = tmp_path / "borrador.docx"
    borrador.write_bytes(construir(DOCUMENTO_BASE.read_text(encoding="utf-8")))
    antes = _sha(borrador)
    estado, salida, error = correr("check", str(borrador), "--anotar", str(borrador))
    assert estado == 2
    assert f"{borrador}: la salida no puede ser uno de los archivos auditados" in error
    assert salida == "" and _sha(borrador) == antes
    estado, _, error = correr("check", str(borrador), "--anotar", str(tmp_path / "x.json"), "-o", str(tmp_path / "x.json"))
    assert estado == 2 and "debe terminar en .docx" in error
    estado, _, error = correr("check", str(borrador), "--anotar", str(tmp_path / "x.docx"), "-o", str(tmp_path / "x.docx"))
    assert estado == 2 and "la copia anotada no puede ser otra salida de esta ejecución" in error


@pytest.mark.parametrize("fuente", ["construido", "corpus"])
def test_cada_linea_del_importador_es_su_parrafo(fuente: str) -> None:
    """`parrafos_en_orden` (what the annotator walks) puts at index linea - 1 the paragraph whose text the importer
    read at that line, for every segment (a merged cell's copy aside: it repeats the text of the cell above)."""
    if fuente == "corpus" and not BORRADOR_CORPUS.is_file():
        pytest.skip(f"no está {BORRADOR_CORPUS}")
    contenido = _borrador() if fuente == "construido" else BORRADOR_CORPUS.read_bytes()
    documento = docx.Document(io.BytesIO(contenido))
    parrafos = parrafos_en_orden(documento.element.body, documento.styles.element)
    segmentos = [s for s in leer_docx(contenido).segmentos if not s.fusionada]
    assert segmentos
    for s in segmentos:
        assert normalizar_espacios("".join(t for _, t in parrafos[s.linea - 1].runs)) == s.texto
