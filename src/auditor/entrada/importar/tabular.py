"""The tabular template: 'Meta # N', the cells Cumplimiento/Avance, Inversión and
Beneficiarios, then EJECUCIÓN, IMPACTO, LOCALIZACIÓN and the photo captions.

The template's own questions ('¿Qué se hizo?', '¿Cuánto se invirtió?', ...) are the
labels: whatever follows a label, in the same cell, the next cells or the paragraphs a
page break pushed out of the table, is the answer to it, until the next label.  After
the LOCALIZACIÓN row come the photo captions.  The report-level tables (cumplimiento by
PDD level, indicadores de resultado) close the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from auditor.entrada.importar.borrador import Borrador, Texto
from auditor.entrada.importar.cabecera import leer_cabecera
from auditor.entrada.importar.encabezados import meta_del_titulo, poner_dato
from auditor.entrada.importar.perfiles import Etiqueta, Perfil, perfil
from auditor.entrada.importar.resumen import leer_afirmaciones_de_metas
from auditor.entrada.importar.segmentos import Segmento
from auditor.entrada.problemas import ENTRADA_SIN_UBICAR, SECCION_VACIA
from auditor.idioma import tr
from auditor.lectura import porcentajes
from auditor.lectura import respuestas as lectura
from auditor.lectura.ceros import cero_explicito
from auditor.lectura.fuente import Ruta
from auditor.lectura.patrones import normalizar
from auditor.lectura.recorte import acortar
from auditor.lectura.vocabulario import calificadores, como_se_escribe, expresion

PERFIL = perfil("tabular")  # rules/plantillas/tabular.yaml: headings, questions and labels, page furniture
META = PERFIL.encabezado


def _etiqueta(nombre: str, patron: str) -> Etiqueta:
    return Etiqueta(nombre, re.compile(patron, re.IGNORECASE))


# The percentages the Cumplimiento/Avance cell states as labels of their own: "100% de cumplimiento",
# "cumplimiento del 100 %", "45,5% del cuatrienio", "100% de avance": one label, read by the one percentage
# reader (lectura/porcentajes.py), which says whether it is the cumplimiento of the period or the avance of the plan.
PORCENTAJES = (
    _etiqueta("porcentaje", porcentajes.ROTULO),
    _etiqueta("porcentaje_en_blanco", porcentajes.ROTULO_EN_BLANCO),
)


def etiquetas(perfil_: Perfil) -> tuple[Etiqueta, ...]:
    """The labels a tabular reader looks for: the profile's questions and headings, and the percentages."""
    return PORCENTAJES + perfil_.etiquetas


ETIQUETAS = etiquetas(PERFIL)
_REGISTRO = re.compile(r"^\s*registro\s+fotogr[aá]fico\s*\.?\s*$", re.IGNORECASE)
_CABECERA_CELDAS = re.compile(r"^\s*(?:cumplimiento\s*/\s*avance|inversi[oó]n|beneficiarios)\s*$", re.IGNORECASE)
_SEPARADOR = re.compile(r"^\s*[-–—_*]{2,}\s*$")
_CONECTOR = re.compile(r"^\s*[yY]\s*$")
_PDD = re.compile(r"^\s*CUMPLIMIENTO\s*/\s*AVANCE\s+POR\s+NIVEL\s+DEL\s+PDD\b", re.IGNORECASE)
_INDICADORES = re.compile(r"^\s*AN[AÁ]LISIS\s+DE\s+LOS\s+INDICADORES\s+DE\s+RESULTADO\b", re.IGNORECASE)
_TABLA_TITULO = re.compile(r"^\s*tabla\s+\d+\s*[.:]", re.IGNORECASE)


def partir(texto: str, etiquetas: tuple[Etiqueta, ...] = ETIQUETAS) -> list[tuple[Etiqueta | None, str, re.Match[str] | None]]:
    """A paragraph split at the template labels it contains: [(None, text before the first
    label), (label, its answer up to the next label, match), ...]."""
    hallazgos: list[tuple[int, int, Etiqueta, re.Match[str]]] = []
    for etiqueta in etiquetas:
        for m in etiqueta.patron.finditer(texto):
            if m.end() > m.start():
                hallazgos.append((m.start(), m.end(), etiqueta, m))
    hallazgos.sort(key=lambda h: (h[0], -h[1]))
    elegidos: list[tuple[int, int, Etiqueta, re.Match[str]]] = []
    for h in hallazgos:
        if not elegidos or h[0] >= elegidos[-1][1]:
            elegidos.append(h)
    partes: list[tuple[Etiqueta | None, str, re.Match[str] | None]] = []
    inicio = 0
    previa: tuple[Etiqueta, re.Match[str]] | None = None
    for comienzo, fin, etiqueta, m in elegidos:
        trozo = _limpiar_trozo(texto[inicio:comienzo])
        partes.append((previa[0], trozo, previa[1]) if previa else (None, trozo, None))
        previa = (etiqueta, m)
        inicio = fin
    trozo = _limpiar_trozo(texto[inicio:])
    partes.append((previa[0], trozo, previa[1]) if previa else (None, trozo, None))
    return partes


def _limpiar_trozo(texto: str) -> str:
    return re.sub(r"^[\s•·:,;]+|[\s•·]+$", "", texto)


@dataclass
class _Meta:
    indice: int
    numero: str
    linea: int
    textos: dict[Ruta, Texto] = field(default_factory=dict)
    fotos: list[tuple[str, int]] = field(default_factory=list)
    ejecutado: tuple[str, int] | None = None  # 'Ejecutado 2024: 80 familias': the count achieved
    vacias: list[tuple[Ruta, str, int]] = field(default_factory=list)  # (field, label, line) of a labelled section left blank


@dataclass
class _Estado:
    meta: _Meta | None = None
    campo: Ruta | None = None
    fila_titulo: int | None = None
    fila_localizacion: int | None = None
    localizacion_titulo: bool = False  # LOCALIZACIÓN came as a heading after the table
    fotos: bool = False
    provisional: Ruta | None = None  # a heading without the question opened this answer: dropped if another label follows at once
    seccion: tuple[Ruta, str, int] | None = None  # the labelled section being read: its field, label and line
    seccion_con_texto: bool = False


class LectorTabular:
    """Reads a document in the tabular template into `borrador`."""

    def __init__(self, segmentos: Iterable[Segmento], borrador: Borrador, perfil_: Perfil = PERFIL,
                 documento: Callable[[], Iterable[Segmento]] | None = None) -> None:
        """`segmentos`: the document's paragraphs, a list or a stream read once; for a stream, `documento` gives them
        again (for what is worked out over the whole document before reading: the rows that head cells, the grids of
        labels, a year when the cover has none), so that a large export is read a meta at a time."""
        self.perfil = perfil_
        self.etiquetas = ETIQUETAS if perfil_ is PERFIL else etiquetas(perfil_)
        self.entrada = segmentos
        self.b = borrador
        self.abierta: _Meta | None = None  # the meta being read: closed (`_cerrar`) when the next one starts
        self.cuantas = 0
        self.e = _Estado()
        def sin_mobiliario(fuente: Iterable[Segmento]) -> Iterator[Segmento]:  # page furniture, wherever it is
            return (s for s in fuente if not perfil_.es_mobiliario(s.texto))

        if isinstance(segmentos, list):
            todos = list(sin_mobiliario(segmentos))
            self.documento: Callable[[], Iterable[Segmento]] = lambda: todos
            self.filas_cabecera = _filas_de_cabecera(todos, perfil_)
            self.rejilla = _rejilla(todos, perfil_, self.filas_cabecera)
        else:
            assert documento is not None
            self.documento = lambda: sin_mobiliario(documento())
            self.filas_cabecera, self.rejilla = _filas_y_rejilla(self.documento(), perfil_)
        self.sueltos: list[tuple[str, int]] = []  # consecutive paragraphs of no section, reported once
        self.preambulo_propio: list[Segmento] = []  # the paragraphs before the first meta, page furniture too

    def leer(self) -> None:
        meta = self.perfil.encabezado
        preambulo: list[Segmento] = []
        entrada = iter(self.entrada)
        primera: Segmento | None = None
        for s in entrada:
            if meta.match(s.texto):
                primera = s
                break
            self.preambulo_propio.append(s)
            if not self.perfil.es_mobiliario(s.texto):
                preambulo.append(s)
        portada = _portada(preambulo)
        leer_cabecera(portada, preambulo, self.b, Perezosa(self.documento))
        leer_totales(preambulo[len(portada):], self.b)
        cola: list[Segmento] = []  # from the report-level tables on, after the metas
        for segmento in () if primera is None else chain([primera], entrada):
            if self.perfil.es_mobiliario(segmento.texto):
                continue
            if cola or _PDD.match(segmento.texto) or _INDICADORES.match(segmento.texto):
                cola.append(segmento)
                continue
            self._segmento(segmento)
        self._reportar_sueltos()
        self._cerrar_seccion()
        if self.abierta is not None:
            self._cerrar(self.abierta)
            self.abierta = None
        leer_afirmaciones_de_metas(preambulo[len(portada):], self.b)
        leer_tablas_informe(cola, self.b, self.perfil)

    # --- one paragraph at a time ------------------------------------------------------

    def _segmento(self, s: Segmento) -> None:
        if self.perfil.es_mobiliario(s.texto):
            return
        m = self.perfil.encabezado.match(s.texto)
        if m:
            self._reportar_sueltos()
            self._cerrar_seccion()
            self._nueva_meta(m, s)
            return
        e = self.e
        if e.meta is None:
            return
        if e.fila_titulo is not None and s.fila == e.fila_titulo:
            if "nombre" not in self.b.datos["metas"][e.meta.indice]:
                self.b.poner(("metas", e.meta.indice, "nombre"), s.texto, s.linea)
            return
        e.fila_titulo = None
        if s.fila is not None and s.fila in self.filas_cabecera:
            return  # the row 'Cumplimiento/Avance | Inversión | Beneficiarios' above the answers
        if s.fila is not None and s.fila in self.rejilla:
            self._celda_de_rejilla(s, self.rejilla[s.fila])
            return
        if (_CABECERA_CELDAS.match(s.texto) and not s.texto.isupper()) or _SEPARADOR.match(s.texto) or _CONECTOR.match(s.texto):
            return
        if _REGISTRO.match(s.texto):
            self._fotos()
            return
        if e.fila_localizacion is not None and s.fila != e.fila_localizacion:
            donde = e.meta.textos.get(("localizacion", "texto"))
            if s.en_tabla and (donde is None or not donde.texto.strip()):
                e.fila_localizacion = s.fila  # the label alone in its row ('Municipios intervenidos'): the row below answers it
            else:
                self._fotos()  # the LOCALIZACIÓN row is over: what follows the table is the captions
        partes = partir(s.texto, self.etiquetas)
        for etiqueta, trozo, coincidencia in partes:
            if etiqueta is not None:
                self._etiqueta(etiqueta, coincidencia, s)
            if etiqueta is not None and etiqueta.campo is None and trozo[:1].islower():
                continue  # the rest of a percentage's phrase ('... frente a lo programado en la vigencia')
            if trozo and not _CONECTOR.match(trozo):  # the 'y' between the two percentages
                self._texto(trozo, s)

    def _nueva_meta(self, m: re.Match[str], s: Segmento) -> None:
        if self.abierta is not None:  # the previous meta is complete: its values, and nothing of it kept but them
            self._cerrar(self.abierta)
        indice = self.cuantas
        self.cuantas += 1
        meta = _Meta(indice, m.group("numero"), s.linea)
        self.abierta = meta
        if "." in m.group("numero"):  # a code by levels ('META N° 4.2.05'): the meta is named by it, and numbered by its order
            self.b.poner(("metas", indice, "codigo"), m.group("numero"), s.linea)
            self.b.poner(("metas", indice, "numero"), indice + 1, s.linea)
        else:
            self.b.poner(("metas", indice, "numero"), int(m.group("numero")), s.linea)
        nombre = m.group("nombre").strip()
        del_titulo = meta_del_titulo(nombre)
        if del_titulo is not None and del_titulo.nombre:  # '… construidas (meta cuatrienio: 400 viviendas)'
            nombre = del_titulo.nombre
            base: Ruta = ("metas", indice)
            self.b.poner(base + ("meta_cuatrienio", "texto"), del_titulo.texto, s.linea)
            if del_titulo.cantidad is not None:
                self.b.poner(base + ("meta_cuatrienio", "cantidad"), del_titulo.cantidad, s.linea)
                self.b.poner(base + ("meta_cuatrienio", "unidad"), del_titulo.unidad, s.linea)
        if nombre:
            self.b.poner(("metas", indice, "nombre"), nombre, s.linea)
        self.e = _Estado(meta=meta, fila_titulo=s.fila)

    def _etiqueta(self, etiqueta: Etiqueta, m: re.Match[str] | None, s: Segmento) -> None:
        e = self.e
        assert e.meta is not None
        e.fotos = False
        self._reportar_sueltos()
        if etiqueta.nombre == "porcentaje" and m is not None:
            leido = porcentajes.rotulado(m.group(0))
            if leido is not None:
                campo = "cumplimiento_periodo" if leido.referente is porcentajes.Referente.PERIODO else "avance_cuatrienio"
                texto = re.sub(r"\s+%", "%", leido.texto)  # "100 %" as the seeds write it, "100%"
                if campo not in self.b.datos["metas"][e.meta.indice]:  # the cell comes first; a repetition in prose does not replace it
                    self.b.poner(("metas", e.meta.indice, campo), texto, s.linea)
            return  # what follows the percentage ('... frente a lo programado en la vigencia') still belongs to the answer
        if etiqueta.nombre == "porcentaje_en_blanco" and m is not None:
            self._porcentaje_en_blanco(m.group(0), s)
            return
        if e.provisional is not None and e.provisional != etiqueta.campo:
            previo = e.meta.textos.get(e.provisional)
            if previo is not None and not previo.partes:
                del e.meta.textos[e.provisional]  # 'EJECUCIÓN' straight into '¿Con quién se ejecutó?': no 'cómo' written
        e.provisional = None
        e.campo = etiqueta.campo
        if etiqueta.campo is not None and not etiqueta.titulo:
            self._cerrar_seccion(etiqueta.campo)
            e.seccion, e.seccion_con_texto = (etiqueta.campo, acortar(s.texto, 80), s.linea), False
        if etiqueta.campo is not None:
            if etiqueta.titulo and etiqueta.campo not in e.meta.textos:
                e.provisional = etiqueta.campo
            e.meta.textos.setdefault(etiqueta.campo, Texto()).agregar("", s.linea)
        if etiqueta.campo == ("localizacion", "texto"):
            if s.en_tabla:
                e.fila_localizacion = s.fila
            else:
                e.localizacion_titulo = True
                e.fila_localizacion = None
        elif not etiqueta.titulo:
            e.fila_localizacion = None
            e.localizacion_titulo = False

    def _porcentaje_en_blanco(self, rotulo: str, s: Segmento) -> None:
        """A percentage label without its number: the percentage it asks for is written blank ('%'),
        so it is reported missing (PCT003) instead of the label being read as part of an answer."""
        e = self.e
        assert e.meta is not None
        referente = porcentajes.en_blanco(rotulo)
        if referente is None:
            return
        campo = "cumplimiento_periodo" if referente is porcentajes.Referente.PERIODO else "avance_cuatrienio"
        if campo not in self.b.datos["metas"][e.meta.indice]:
            self.b.poner(("metas", e.meta.indice, campo), "%", s.linea)

    def _texto(self, texto: str, s: Segmento) -> None:
        e = self.e
        assert e.meta is not None
        if e.fotos:
            e.meta.fotos.append((texto, s.linea))
            return
        if e.campo is None:
            self.sueltos.append((texto, s.linea))
            return
        self._reportar_sueltos()
        e.provisional = None
        if e.campo == ("logro", "texto") and self._dato(texto, s):
            return
        destino = e.meta.textos.setdefault(e.campo, Texto())
        destino.agregar(texto, s.linea)
        e.seccion_con_texto = True
        if e.localizacion_titulo and not s.en_tabla:
            e.localizacion_titulo = False
            self._fotos()

    def _dato(self, texto: str, s: Segmento) -> bool:
        """A 'Rótulo: valor' line of the achievement cell read into its field; False when the
        line stays in the answer's text."""
        e = self.e
        assert e.meta is not None
        dato = self.perfil.dato(texto)
        if dato is None:
            return False
        campo, valor = dato
        if campo == "logro.cantidad":
            e.meta.ejecutado = (valor, s.linea)
            return False
        return poner_dato(self.b, ("metas", e.meta.indice), campo, valor, s.linea)

    def _celda_de_rejilla(self, s: Segmento, rotulos: dict[int, str] | None) -> None:
        """A cell of a grid of labels and values ('Programado 2025 | Ejecutado | % cumplimiento' over '37 | 37 | 100 %'):
        the label row is skipped (None), a value goes where its column's label says; a value under a label the
        profile does not know ('Código indicador MGA') is no answer."""
        e = self.e
        if rotulos is None or e.meta is None or s.celda is None or s.celda not in rotulos:
            return
        rotulo = rotulos[s.celda]
        if self._dato(f"{rotulo}: {s.texto}", s):
            return
        etiqueta = next((x for x in self.etiquetas if x.campo is not None and x.patron.match(rotulo)), None)
        if self.perfil.dato(f"{rotulo}: {s.texto}") is not None and etiqueta is None:
            e.campo = ("logro", "texto")  # 'Ejecutado a la fecha de corte | 37 municipios': the count, and what was done
            self._texto(s.texto, s)
        elif etiqueta is not None:
            self._etiqueta(etiqueta, None, s)
            self._texto(s.texto, s)
        e.campo = None

    def _reportar_sueltos(self) -> None:
        """Paragraphs of no section, once per run of consecutive ones: at the first one's line."""
        if not self.sueltos or self.e.meta is None:
            self.sueltos = []
            return
        texto, linea = self.sueltos[0]
        numero = self.e.meta.numero
        otros = len(self.sueltos) - 1
        mas = tr(" (y {n} párrafos más hasta la línea {linea})", n=otros, linea=self.sueltos[-1][1]) if otros else ""
        self.b.problema(ENTRADA_SIN_UBICAR, linea,
                        tr("texto de la meta {numero} fuera de toda sección de la plantilla (se esperaba una pregunta como "
                           "'¿Qué se hizo?' o '¿Cómo se hizo?' antes de él); no se audita como parte de ningún campo", numero=numero) + mas,
                        texto=acortar(texto, 160), meta=numero)
        self.sueltos = []

    def _cerrar_seccion(self, siguiente: Ruta | None = None) -> None:
        """The labelled section being read ends (at another label, of field `siguiente`, or at the meta's end):
        kept as blank when nothing answered it, unless the next label answers the same field (a label
        written twice, or alone above its inline form)."""
        e = self.e
        if e.meta is not None and e.seccion is not None and not e.seccion_con_texto and e.seccion[0] != siguiente:
            e.meta.vacias.append(e.seccion)
        e.seccion = None

    def _fotos(self) -> None:
        self._cerrar_seccion()
        self.e.fotos = True
        self.e.campo = None
        self.e.fila_localizacion = None
        self.e.localizacion_titulo = False

    # --- values of a finished meta -------------------------------------------------------

    def _cerrar(self, meta: _Meta) -> None:
        base: Ruta = ("metas", meta.indice)
        poner: Callable[[Ruta, object, int], None] = lambda ruta, valor, linea: self.b.poner(base + ruta, valor, linea)  # noqa: E731
        if "nombre" not in self.b.datos["metas"][meta.indice]:
            poner(("nombre",), "", meta.linea)
            self.b.problema(ENTRADA_SIN_UBICAR, meta.linea, tr("la meta {numero} no tiene nombre después de 'Meta # {numero}'", numero=meta.numero),
                            campo="nombre", meta=meta.numero)
        for ruta, texto in meta.textos.items():
            self.b.poner_texto(base + ruta, texto)
        for ruta, rotulo, linea in meta.vacias:
            otra = meta.textos.get(ruta)
            if otra is not None and otra.texto.strip():  # a blank field is SEC001's; a blank section of an answered field, here
                self.b.problema(SECCION_VACIA, linea, tr("La sección «{seccion}» está vacía: la plantilla la pide y quedó sin respuesta",
                                                         seccion=rotulo.rstrip(" :")),
                                campo=".".join(map(str, ruta)), texto=rotulo, meta=meta.numero)
        completar_valores(self.b, base, meta.textos, tabular=True)
        if meta.ejecutado is not None:  # 'Ejecutado 2024: N ...' says the count achieved, whatever comes first
            cuenta = lectura.primera_cuenta(meta.ejecutado[0], "logro")
            if cuenta is not None:
                poner(("logro", "cantidad"), cuenta.cantidad, meta.ejecutado[1])
                poner(("logro", "unidad"), cuenta.unidad, meta.ejecutado[1])
        for i, (foto, linea) in enumerate(meta.fotos):
            poner(("registro_fotografico", i), foto, linea)


def _filas_de_cabecera(segmentos: list[Segmento], perfil_: Perfil) -> set[int]:
    """The table rows that only name the cells below them ('Cumplimiento/Avance | Inversión |
    Beneficiarios'), in whatever case: not labels of an answer."""
    filas: dict[int, list[bool]] = {}
    for s in segmentos:
        if s.fila is not None:
            filas.setdefault(s.fila, []).append(perfil_.es_cabecera(s.texto))
    return {fila for fila, celdas in filas.items() if len(celdas) >= 2 and all(celdas)}


def _rejilla(segmentos: list[Segmento], perfil_: Perfil, cabeceras: set[int]) -> dict[int, dict[int, str] | None]:
    """The grids of labels and values inside a meta's table: a row of short cells without figures or sentences, one
    of them at least a label of the profile (an answer's or a datum's: 'Programado 2025', 'Recursos ejecutados',
    '% cumplimiento 2025'), over a row of as many cells.  Row -> None for the label row, row -> {cell: label} for the
    values below it; a value under a label the profile does not know is no answer."""
    filas: dict[int, list[Segmento]] = {}
    orden: list[int] = []
    for s in segmentos:
        if s.fila is not None and s.celda is not None and not s.fusionada:
            if s.fila not in filas:
                orden.append(s.fila)
            filas.setdefault(s.fila, []).append(s)
    salida: dict[int, dict[int, str] | None] = {}
    for fila, siguiente in zip(orden, orden[1:], strict=False):
        if fila not in salida and _es_rejilla(filas[fila], filas[siguiente], fila in cabeceras, perfil_):
            salida[fila] = None
            salida[siguiente] = {c.celda: c.texto for c in filas[fila] if c.celda is not None}
    return salida


def _es_rejilla(celdas: list[Segmento], valores: list[Segmento], cabecera: bool, perfil_: Perfil) -> bool:
    """Whether a row of cells (`cabecera`: a row that heads the template's cells) is a row of labels over the row of
    values below it (`_rejilla`)."""
    if len(celdas) < 2 or len(valores) != len(celdas):
        return False
    if cabecera and any(e.patron.match(v.texto) for v in valores for e in perfil_.etiquetas):
        return False  # 'Cumplimiento/Avance | Inversión | …' over cells that carry their own questions: the template's way
    if len({c.celda for c in celdas}) != len(celdas) or {c.celda for c in celdas} != {v.celda for v in valores}:
        return False
    if any(len(c.texto) > 60 or _SIN_ANIOS.sub("", c.texto).strip() == "" or any(ch.isdigit() for ch in _SIN_ANIOS.sub("", c.texto))
           for c in celdas):
        return False
    if any(_FIN_DE_FRASE.search(c.texto) for c in celdas) or not any(_es_rotulo(c.texto, perfil_) for c in celdas):
        return False  # a row of sentences, or of names the profile does not know, is no row of labels
    return not all(_es_rotulo(v.texto, perfil_) for v in valores)


def _filas_y_rejilla(segmentos: Iterable[Segmento], perfil_: Perfil) -> tuple[set[int], dict[int, dict[int, str] | None]]:
    """`_filas_de_cabecera` and `_rejilla` in one pass over paragraphs read once, where the cells of a row come
    together (a text export: a row is a line): one row is kept at a time, and the answer holds only the rows it names."""
    cabeceras: set[int] = set()
    salida: dict[int, dict[int, str] | None] = {}
    previa: tuple[int, list[Segmento]] | None = None  # the last complete row of cells: (its row, its cells)
    fila: int | None = None
    todas: list[Segmento] = []  # the paragraphs of the row being read
    for s in chain(segmentos, [None]):
        if s is not None and s.fila is not None and s.fila == fila:
            todas.append(s)
            continue
        if fila is not None:  # a row is complete
            if len(todas) >= 2 and all(perfil_.es_cabecera(c.texto) for c in todas):
                cabeceras.add(fila)
            celdas = [c for c in todas if c.celda is not None and not c.fusionada]
            if celdas:
                if previa is not None and previa[0] not in salida and _es_rejilla(previa[1], celdas, previa[0] in cabeceras, perfil_):
                    salida[previa[0]] = None
                    salida[fila] = {c.celda: c.texto for c in previa[1] if c.celda is not None}
                previa = (fila, celdas)
        fila, todas = (s.fila, [s]) if s is not None and s.fila is not None else (None, [])
    return cabeceras, salida


class Perezosa(Iterable[Segmento]):
    """The document's paragraphs, read (`fuente`) only if they are gone through: the cover's reader looks at them all
    only when the cover states no year."""

    def __init__(self, fuente: Callable[[], Iterable[Segmento]]) -> None:
        self._fuente = fuente

    def __iter__(self) -> Iterator[Segmento]:
        return iter(self._fuente())


_FIN_DE_FRASE = re.compile(r"[.;!?]\s*$")
_SIN_ANIOS = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?(?!\d)")


def _es_rotulo(texto: str, perfil_: Perfil) -> bool:
    """A label of the profile alone in a cell: a datum's ('Programado 2025') or an answer's ('Recursos ejecutados')."""
    return perfil_.dato(f"{texto}: 1") is not None or perfil_.es_cabecera(texto)


_OTRAS_RESPUESTAS: tuple[Ruta, ...] = (("ejecucion", "como"), ("ejecucion", "cuando"), ("ejecucion", "con_quien"), ("impacto",))


def _misma_unidad(a: str, b: str) -> bool:
    """Whether two unit words name the same thing: by their stem ('títulos' ~ 'título'), or an abbreviation whose
    letters the word has in order ('ha' ~ 'hectáreas', 'km' ~ 'kilómetros')."""
    a, b = (normalizar(x).split()[0] if normalizar(x).split() else "" for x in (a, b))
    if not a or not b:
        return False
    if a[:4] == b[:4] and min(len(a), len(b)) >= 4:
        return True
    corta, larga = sorted((a.rstrip("."), b.rstrip(".")), key=len)
    return len(corta) <= 3 and corta[0] == larga[0] and re.search(".*".join(map(re.escape, corta)), larga) is not None


def _programado_en_otra_respuesta(b: Borrador, base: Ruta, textos: dict[Ruta, Texto]) -> None:
    """The quantity programmed for the period stated in another answer of the meta ('La programación del periodo en el
    Plan Indicativo es de 280 títulos', in how it was done), when it counts what was achieved: the same unit as the
    achievement or the four-year target.  A programmed quantity of something else is left alone."""
    meta = b.datos["metas"][base[1]]
    unidades = [u for u in (meta.get("logro", {}).get("unidad"), meta.get("meta_cuatrienio", {}).get("unidad")) if u]
    if not unidades:
        return
    for ruta in _OTRAS_RESPUESTAS:
        texto = textos.get(ruta)
        programado = porcentajes.programado_del_periodo(texto.texto) if texto is not None else None
        if texto is None or programado is None:
            continue
        despues = texto.texto[programado.fin:].split()
        if despues and any(_misma_unidad(despues[0], u) for u in unidades):
            b.poner(base + ("programado_periodo",), programado.texto, texto.linea_de(texto.texto[programado.inicio:programado.inicio + 40]))
            return


def completar_valores(b: Borrador, base: Ruta, textos: dict[Ruta, Texto], tabular: bool) -> None:
    """The numbers an answer states, read into the structured fields beside it."""
    logro = textos.get(("logro", "texto"))
    programado = porcentajes.programado_del_periodo(logro.texto) if logro is not None else None
    if logro is not None and tabular:
        cuenta = lectura.primera_cuenta(logro.texto, "logro")
        if cuenta is not None and programado is not None and cuenta.inicio == programado.inicio:  # the programmed is not the achieved
            cuenta = lectura.lograda_junto_a_programado(logro.texto, programado.inicio, programado.fin, cuenta.unidad)
        if cuenta is not None:
            linea = logro.linea_de(logro.texto[cuenta.inicio:cuenta.inicio + 40])
            b.poner(base + ("logro", "cantidad"), cuenta.cantidad, linea)
            b.poner(base + ("logro", "unidad"), cuenta.unidad, linea)
    if logro is not None and programado is not None:  # what the cumplimiento of the period is of: "de los 150 programados para el periodo"
        b.poner(base + ("programado_periodo",), programado.texto, logro.linea_de(logro.texto[programado.inicio:programado.inicio + 40]))
    elif "programado_periodo" not in b.datos["metas"][base[1]]:
        _programado_en_otra_respuesta(b, base, textos)
    inversion = textos.get(("inversion", "texto"))
    if inversion is not None:
        leer_inversion(b, base, inversion, tabular)
    poblacion = textos.get(("beneficiarios", "descripcion"))
    if poblacion is not None:
        cuenta = lectura.primera_cuenta(poblacion.texto, "poblacion", al_inicio=not tabular)
        if cuenta is None and not tabular:
            cuenta = lectura.cuenta_servida(poblacion.texto)  # 'En total se atendieron 3.120 víctimas ...'
        if cuenta is not None:
            linea = poblacion.linea_de(poblacion.texto[cuenta.inicio:cuenta.inicio + 40])
            b.poner(base + ("beneficiarios", "total"), cuenta.cantidad, linea)
            b.poner(base + ("beneficiarios", "unidad"), cuenta.unidad, linea)
            for i, (grupo, cantidad) in enumerate(lectura.grupos(poblacion.texto, cuenta.inicio)):
                b.poner(base + ("beneficiarios", "grupos", i, "grupo"), grupo, poblacion.linea_de(grupo))
                b.poner(base + ("beneficiarios", "grupos", i, "cantidad"), cantidad, poblacion.linea_de(grupo))
    lugar = textos.get(("localizacion", "texto"))
    if lugar is not None:
        for i, municipio in enumerate(lectura.municipios(lugar.texto, b.datos.get("departamento"))):
            b.poner(base + ("localizacion", "municipios", i), municipio, lugar.linea_de(municipio))


_PROGRAMACION = re.compile(r"\bprogramad[oa]s?\b|\bprogramaci[oó]n\b|\bse\s+program(?:aron|[oó])\b", re.IGNORECASE)
_EJECUCION = re.compile(r"\b(?:ejecutad[oa]s?|invertid[oa]s?|se\s+(?:han\s+|ha\s+)?(?:ejecut|invirt|comprometi)[a-záéíóú]*)", re.IGNORECASE)
_FIN_DE_CLAUSULA = re.compile(r"[.;](?=\s|$)|\n")


def _es_programado(texto: str, inicio: int) -> bool:
    """An amount introduced as the programmed one ('Sobre una programación de $ 950 millones',
    'Valor programado vigencia 2024: $ 720 millones'): the clause before it says so, and no verb of
    execution."""
    cortes = [m.end() for m in _FIN_DE_CLAUSULA.finditer(texto, 0, inicio)]
    clausula = texto[cortes[-1] if cortes else 0:inicio]
    return bool(_PROGRAMACION.search(clausula)) and not _EJECUCION.search(clausula)


def _primero_no_programado(texto: str, programado: lectura.Trozo | None) -> lectura.Trozo | None:
    """The first amount of an investment answer not introduced as the programmed one: the executed
    one when no verb of execution introduces any ('Inversión: $ 3,2 mil millones del SGR')."""
    previo = 0
    for m in lectura.montos(texto):
        cortes = [c.end() for c in _FIN_DE_CLAUSULA.finditer(texto, 0, m.inicio)]
        desde = max(previo, cortes[-1] if cortes else 0)  # what introduces this amount: since the clause or the amount before
        previo = m.inicio + len(m.texto)
        if programado is not None and m.inicio == programado.inicio:
            continue
        if _PROGRAMACION.search(texto[desde:m.inicio]) and not _EJECUCION.search(texto[desde:m.inicio]):
            continue
        return m
    return None


def leer_inversion(b: Borrador, base: Ruta, inversion: Texto, tabular: bool, solo_introducido: bool = False) -> None:
    """The amounts of the investment answer as written (figures, words, malformed ones), or an
    explicit zero ('no se comprometieron recursos ...') as 0 when no executed amount is written.  With
    `solo_introducido` (prose that answers more than the investment), only an amount a verb or noun of
    investing introduces is the executed one, and the sources are read only beside an amount or a zero."""
    texto = inversion.texto
    if tabular:
        montos = lectura.montos(texto)
        programados = [m for m in montos if _es_programado(texto, m.inicio)]
        if programados:
            b.poner(base + ("inversion", "programada"), programados[0].texto, inversion.linea_de(programados[0].texto))
        ejecutado = next((m for m in montos if m not in programados), None)
    else:
        programado = lectura.monto_programado(texto) or (None if solo_introducido else next(  # 'Se programaron $ 900 millones; …'
            (m for m in lectura.montos(texto) if _es_programado(texto, m.inicio)), None))
        if programado:
            b.poner(base + ("inversion", "programada"), programado.texto, inversion.linea_de(programado.texto))
        ejecutado = lectura.monto_ejecutado(texto)
        if ejecutado is None and not solo_introducido:  # 'Recursos invertidos: $ 1.200 millones del SGP': no verb, the label said it
            ejecutado = _primero_no_programado(texto, programado)
    cero = None
    if ejecutado is not None:
        monto = " ".join(ejecutado.texto.split())
        b.poner(base + ("inversion", "ejecutada"), monto, inversion.linea_de(ejecutado.texto))
    else:
        cero = cero_explicito(texto, de_dinero=True)
        if cero is not None:
            b.poner(base + ("inversion", "ejecutada"), 0, inversion.linea_de(cero.texto))
    if solo_introducido and ejecutado is None and cero is None and "programada" not in b.datos["metas"][base[1]].get("inversion", {}):
        return
    for i, fuente in enumerate(lectura.fuentes(texto)):
        b.poner(base + ("inversion", "fuentes", i), fuente, inversion.linea_de(fuente))




# --- before the metas: cover and summary ---------------------------------------------------

def _portada(preambulo: list[Segmento]) -> list[Segmento]:
    """The cover paragraphs: the short ones before the first question or long paragraph."""
    for i, s in enumerate(preambulo):
        if len(s.texto) > 160 or s.texto.lstrip().startswith("¿"):
            return preambulo[:i]
    return preambulo


# 'una inversión superior a $X millones': the amount is the one the answers' reader finds (`respuestas.montos`)
_INVERSION_AFIRMADA = re.compile(
    r"inversi[oó]n\s+(?:que\s+)?(?P<calificador>superior\s+a|supera|por\s+m[aá]s\s+de|de\s+m[aá]s\s+de|cercana\s+a|"
    r"de\s+aproximadamente|aproximada\s+de|de\s+alrededor\s+de|por|de)\s+(?:los\s+)?(?=\$|cop\b)",
    re.IGNORECASE,
)


def _inversion_afirmada(texto: str) -> tuple[re.Match[str], str] | None:
    """The first claim of an investment with its amount, as written ('$ 13.843 millones')."""
    for m in _INVERSION_AFIRMADA.finditer(texto):
        monto = next((t for t in lectura.montos(texto[m.end():]) if t.inicio == 0), None)
        if monto is not None and re.search(r"\d", monto.texto):
            return m, monto.texto
    return None
_CANTIDAD_AFIRMADA = expresion(lambda: (  # the qualifiers: `vocabulario.calificadores`, as the prose's counts read them
    rf"\b(?P<calificador>{'|'.join(como_se_escribe(f) for f in calificadores().frases())})\s+"
    r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<resto>[A-Za-zÁÉÍÓÚÑáéíóúñ].*)"
), re.IGNORECASE | re.DOTALL)


def _calificador(texto: str) -> str:
    t = " ".join(texto.lower().split())
    return {"por más de": "más de", "de más de": "más de", "por mas de": "más de", "de mas de": "más de", "de": "", "por": ""}.get(t, t)


def leer_totales(resumen: list[Segmento], b: Borrador) -> None:
    """Report-level claims of the summary: 'más de N <personas> ... una inversión superior a $X
    millones'.  Which metas a claim covers is not written in the document; it is left empty
    for the reviewer to fill (the totals rule only checks claims that say it)."""
    eje = ""
    indice = 0
    for s in resumen:
        if s.negritas:
            eje = s.negritas[-1]
        afirmada = _inversion_afirmada(s.texto)
        if afirmada is None:
            continue
        monto, cifra = afirmada
        base: Ruta = ("totales", indice)
        b.poner(base + ("eje",), eje or "(sin eje)", s.linea)
        b.poner(base + ("texto",), _frase_con(s.texto, monto.start()), s.linea)
        cantidad = _CANTIDAD_AFIRMADA.search(s.texto)
        if cantidad is not None and not cantidad.group("resto").lstrip().startswith("$"):
            unidad = lectura.unidad_contada(cantidad.group("resto"), "resumen")
            b.poner(base + ("beneficiarios", "calificador"), _calificador(cantidad.group("calificador")), s.linea)
            b.poner(base + ("beneficiarios", "cantidad"), cantidad.group("n"), s.linea)
            b.poner(base + ("beneficiarios", "unidad"), unidad, s.linea)
        calificador = _calificador(monto.group("calificador"))
        if calificador:
            b.poner(base + ("inversion", "calificador"), calificador, s.linea)
        b.poner(base + ("inversion", "monto"), cifra, s.linea)
        indice += 1


def _frase_con(texto: str, posicion: int) -> str:
    """The sentence of `texto` that contains `posicion`."""
    inicio = texto.rfind(". ", 0, posicion)
    inicio = 0 if inicio < 0 else inicio + 2
    fin = texto.find(". ", posicion)
    return texto[inicio: len(texto) if fin < 0 else fin + 1].strip()


# --- after the metas: the report-level tables ---------------------------------------------

def leer_tablas_informe(segmentos: list[Segmento], b: Borrador, perfil_: Perfil = PERFIL) -> None:
    """CUMPLIMIENTO/AVANCE POR NIVEL DEL PDD and ANÁLISIS DE LOS INDICADORES DE RESULTADO."""
    seccion = ""
    filas_pdd = filas_ind = 0
    fila_cabecera: int | None = None
    for s in segmentos:
        if perfil_.es_mobiliario(s.texto) or _SEPARADOR.match(s.texto):
            continue
        if _PDD.match(s.texto):
            seccion = "pdd"
            b.poner(("tabla_pdd", "filas"), [], s.linea)
        elif _INDICADORES.match(s.texto):
            seccion = "indicadores"
            b.poner(("indicadores_resultado", "filas"), [], s.linea)
        elif seccion == "pdd":
            filas_pdd = _fila_pdd(s, b, filas_pdd)
        elif seccion == "indicadores":
            if _TABLA_TITULO.match(s.texto):
                b.poner(("indicadores_resultado", "titulo"), s.texto, s.linea)
            elif s.en_tabla and s.celda == 0 and re.match(r"(?i)^\s*indicador(?:es)?\s*$", s.texto):
                fila_cabecera = s.fila
            elif s.en_tabla and s.fila == fila_cabecera:
                anio = re.search(r"(?:19|20)\d\d", s.texto)
                clave = {1: "anio_linea_base", 2: "anio_avance", 3: "anio_meta"}.get(s.celda or 0)
                if anio and clave:
                    b.poner(("indicadores_resultado", clave), int(anio.group(0)), s.linea)
            elif s.en_tabla:
                filas_ind = _fila_indicador(s, b, filas_ind)
            elif s.texto.startswith("*"):
                notas = b.datos["indicadores_resultado"].setdefault("notas", [])
                b.poner(("indicadores_resultado", "notas", len(notas)), s.texto, s.linea)
            else:
                previo = b.datos["indicadores_resultado"].get("texto")
                b.poner(("indicadores_resultado", "texto"), s.texto if not previo else previo + "\n\n" + s.texto, s.linea)


def _fila_pdd(s: Segmento, b: Borrador, n: int) -> int:
    if not s.en_tabla:
        if "texto" not in b.datos["tabla_pdd"]:
            b.poner(("tabla_pdd", "texto"), s.texto, s.linea)
        return n
    if s.celda == 0 and re.match(r"(?i)^\s*niveles?\s*$", s.texto):
        return n
    if s.celda == 0:
        b.poner(("tabla_pdd", "filas", n, "nivel"), s.texto, s.linea)
        return n + 1
    if re.match(r"(?i)^\s*porcentaje|^\s*avance\s+porcentual", s.texto):
        return n  # the header row
    clave = {1: "cumplimiento_programado", 2: "cumplimiento_ejecutado", 3: "avance_cuatrienio"}.get(s.celda or 0)
    if clave and n:
        b.poner(("tabla_pdd", "filas", n - 1, clave), s.texto, s.linea)
    return n


def _fila_indicador(s: Segmento, b: Borrador, n: int) -> int:
    if s.celda == 0:
        b.poner(("indicadores_resultado", "filas", n, "indicador"), s.texto, s.linea)
        return n + 1
    clave = {1: "linea_base", 2: "avance", 3: "meta"}.get(s.celda or 0)
    if clave and n:
        b.poner(("indicadores_resultado", "filas", n - 1, clave), s.texto, s.linea)
    return n
