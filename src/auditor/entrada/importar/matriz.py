"""The matrix layout ("matriz de seguimiento"): one table, a row per meta, a column per field.

The table is found by its header, not by the file name: a row of a table whose cells name at
least three fields, one of them the meta itself ("Meta de producto", "Descripción de la meta").
The column names each office uses are data (`rules/plantillas/matriz.yaml`: field -> names),
compared without case, accents, punctuation, plurals and empty words; any year stands for any
year ("Meta 2024-2027").  A second header row under the first (group "Vigencia 2024" over
"Programado" and "Ejecutado") is read together with the group above it; columns are matched in
any order; a column that names no field is not read, and the import says so once for each header.

A report may give one table per programa, each with the same (or a similar) header: every such
table is part of the matrix, and what lies between them ('Comentarios al programa') is said once
not to be read.  Each row under the header is a meta, named by its number or its plan code; a row
whose only text names a programa or eje (one cell merged across the table) heads the metas below
it (their `eje`); a row whose first cells say TOTAL is not a meta but a total, imported as a
`totales` entry so that the totals rules (TOT001..TOT003) check it against the rows it covers:
'Total general' all of the report, 'TOTAL' its table, 'TOTAL PROGRAMA 5103' or 'Subtotal' its
table's rows since the previous total.

Cells as offices fill them: a count with its unit ('380 personas') is that number; an amount with a
note ('$1.245,6 millones ($1.245.600.000)', '$0 – sin recursos …') is the amount it opens with;
'N/A' or 'NP' in a % cell says there is no percentage to give.

Merged cells: a cell merged across columns (gridSpan, or a cell followed by empty ones in a
text export) is read once, at the column where it starts; a cell merged down the rows (Word's
vMerge) repeats its value in every row it covers (`Segmento.fusionada`), as Word shows it.
Amounts are in the unit the header gives ("Inversión (millones de $)"): a bare "180,0" under
such a header is read as "180,0 millones"; without a unit in the header, as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from auditor.entrada.importar.borrador import Borrador, Texto
from auditor.entrada.importar.cabecera import leer_cabecera
from auditor.entrada.importar.perfiles import ErrorPerfil, archivos_propios, directorio_plantillas_incluidas
from auditor.entrada.importar.segmentos import Segmento
from auditor.entrada.importar.tabular import PERFIL as PERFIL_TABULAR
from auditor.entrada.problemas import ENTRADA_SIN_UBICAR
from auditor.idioma import tr
from auditor.lectura import respuestas as lectura
from auditor.lectura.ceros import cero_explicito
from auditor.lectura.cifras import Problema, leer_monto, leer_numero, sin_valor
from auditor.lectura.fuente import ErrorArchivo, ErrorFuente, Ruta, leer_archivo_estricto
from auditor.lectura.lugares import divipola
from auditor.lectura.patrones import normalizar

CAMPOS = ("numero", "nombre", "indicador", "unidad", "meta_cuatrienio", "programado", "ejecutado", "cumplimiento",
          "avance", "inversion_programada", "inversion_ejecutada", "fuente", "beneficiarios", "municipios", "lugares",
          "observaciones")
"""The fields a column can hold (the keys of the profile)."""

MINIMO_CAMPOS = 3
"""A header row names at least this many fields, the meta among them."""


def es_mobiliario(texto: str) -> bool:
    """Page furniture around the matrix: the matrix profile names columns, and the running headers and page
    numbers of its pages are the templates' own (the tabular profile's 'mobiliario')."""
    return PERFIL_TABULAR.es_mobiliario(texto)


# --- the profile: field -> column names -------------------------------------------------------

def rutas_perfil() -> list[Path]:
    """The files that name the matrix's columns: `rules/plantillas/matriz.yaml` (where the other layouts'
    profiles are, `perfiles`), then each office's ``plantillas/matriz.yaml`` in the rules directories in use."""
    return [directorio_plantillas_incluidas() / "matriz.yaml", *reversed(archivos_propios("matriz"))]


def cargar_perfil(ruta: Path | None = None) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The column names of each field, each as its tuple of header words (see `palabras`): those of `ruta`,
    or the built-in ones with each office's added.

    The file is a mapping field -> list of names; an unknown field or a name that is not text is an
    ErrorPerfil naming the file and the line."""
    return _perfil((ruta,) if ruta is not None else tuple(rutas_perfil()))


@lru_cache(maxsize=8)
def _perfil(rutas: tuple[Path, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    perfil: dict[str, tuple[tuple[str, ...], ...]] = {}
    for ruta in rutas:
        for campo, nombres in _nombres(ruta).items():
            anteriores = perfil.get(campo, ())
            perfil[campo] = anteriores + tuple(n for n in nombres if n not in anteriores)
    return perfil


def _nombres(ruta: Path) -> dict[str, tuple[tuple[str, ...], ...]]:
    try:
        documento = leer_archivo_estricto(ruta)
    except ErrorArchivo as error:
        raise ErrorPerfil.de(error) from None
    datos = documento.datos if documento is not None else None
    if not isinstance(datos, dict):
        raise ErrorPerfil(str(ruta), tr("se esperaba un mapa campo -> lista de nombres de columna"), 1)
    salida: dict[str, tuple[tuple[str, ...], ...]] = {}
    for campo, nombres in datos.items():
        linea = documento.mapa.linea((campo,)) if documento is not None else 1
        if campo not in CAMPOS:
            raise ErrorPerfil(str(ruta), tr("campo desconocido '{campo}' (campos: {campos})", campo=str(campo), campos=", ".join(CAMPOS)), linea)
        if not isinstance(nombres, list) or not all(isinstance(n, str) and n.strip() for n in nombres):
            raise ErrorPerfil(str(ruta), tr("{campo}: se esperaba una lista de nombres de columna", campo=campo), linea)
        salida[campo] = tuple(p for p in (palabras(n) for n in nombres) if p)
    return salida


_VACIAS = {"de", "del", "la", "las", "el", "los", "en", "a", "al", "y", "e", "o", "u", "por", "para", "con", "su", "sus"}
_NUMERO_ABREV = re.compile(r"(?:\b(?:n[°º]|(?:no|nro|num)(?![^\W\d_]))\.?|#)", re.IGNORECASE)  # not the 'No' of 'Nombre'

_ANIO = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def palabras(texto: str) -> tuple[str, ...]:
    """A header as the words that name it: 'N° de la Meta' -> ('no', 'meta'); '% Avance
    2024-2027' -> ('%', 'avance', 'aaaa', 'aaaa'); plurals made singular ('Municipios' ->
    'municipio'), empty words left out."""
    texto = _NUMERO_ABREV.sub(" no ", texto)
    texto = _ANIO.sub(" aaaa ", texto)
    texto = normalizar(texto).lower()
    texto = re.sub(r"\bporcentaje\b", " % ", texto)
    texto = re.sub(r"\bnumero\b", " no ", texto)
    salida = []
    for palabra in re.findall(r"%|\$|[a-z0-9]+", texto):
        if palabra in _VACIAS:
            continue
        if len(palabra) > 3 and palabra.endswith("s"):
            palabra = palabra[:-2] if palabra.endswith("es") and palabra[-3:-2] in "lnr" else palabra[:-1]
        salida.append(palabra)
    return tuple(salida)


def _en_orden(buscadas: tuple[str, ...], cabecera: tuple[str, ...]) -> bool:
    """Do the words `buscadas` appear in `cabecera`, in that order (other words between allowed)?"""
    resto = iter(cabecera)
    return all(any(p == q for q in resto) for p in buscadas)


def campo_de(cabecera: str, perfil: dict[str, tuple[tuple[str, ...], ...]]) -> str | None:
    """The field a column header names: the profile name with most words found in order in it
    (then the longest); None when it names none.  A name that is only signs ('%') names only a
    header that is just that ('% ejecución presupuestal' is no '%')."""
    dichas = palabras(cabecera)
    mejor: tuple[int, int] = (0, 0)
    elegido = None
    for campo, nombres in perfil.items():
        for nombre in nombres:
            if _en_orden(nombre, dichas) and (any(p.isalnum() for p in nombre) or nombre == dichas):
                puntos = (len(nombre), sum(len(p) for p in nombre))
                if puntos > mejor:
                    mejor, elegido = puntos, campo
    return elegido


# --- the table as rows of cells ---------------------------------------------------------------

@dataclass
class Celda:
    textos: list[Segmento] = field(default_factory=list)

    @property
    def texto(self) -> str:
        return " ".join(s.texto for s in self.textos)

    @property
    def linea(self) -> int:
        return self.textos[0].linea

    @property
    def propia(self) -> bool:
        """Written in this row (not the repeated text of a vertical merge)."""
        return any(not s.fusionada for s in self.textos)


@dataclass
class Fila:
    id: int
    celdas: dict[int, Celda] = field(default_factory=dict)
    tabla: str = ""  # "tabla 2" in a .docx; "" in a text export

    @property
    def linea(self) -> int:
        return min(c.linea for c in self.celdas.values())


def _tabla_de(s: Segmento) -> str:
    m = re.match(r"(tabla \d+)", s.ubicacion or "")
    return m.group(1) if m else ""


def filas(segmentos: list[Segmento]) -> list[tuple[int, Fila]]:
    """The table rows of the document in order, each with the index of its first segment."""
    resultado: list[tuple[int, Fila]] = []
    actual: Fila | None = None
    for i, s in enumerate(segmentos):
        if s.fila is None or s.celda is None:
            continue
        if actual is None or s.fila != actual.id:
            actual = Fila(s.fila, tabla=_tabla_de(s))
            resultado.append((i, actual))
        actual.celdas.setdefault(s.celda, Celda()).textos.append(s)
    return resultado


@dataclass
class Encabezado:
    columnas: dict[int, str]  # grid column -> field
    titulos: dict[int, str]  # grid column -> header text as written (group and sub-header)
    filas: int  # header rows: 1 or 2


def _titulos(fila: Fila) -> dict[int, str]:
    return {c: celda.texto for c, celda in fila.celdas.items() if celda.texto.strip()}


def _columnas(titulos: dict[int, str], perfil: dict[str, tuple[tuple[str, ...], ...]]) -> dict[int, str]:
    """Grid column -> field, each field to its first column."""
    columnas: dict[int, str] = {}
    for c in sorted(titulos):
        campo = campo_de(titulos[c], perfil)
        if campo is not None and campo not in columnas.values():
            columnas[c] = campo
    return columnas


def _es_encabezado(columnas: dict[int, str]) -> bool:
    return len(set(columnas.values())) >= MINIMO_CAMPOS and "nombre" in columnas.values()


def _es_subencabezado(fila: Fila, perfil: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """A second header row: its own cells name fields and none holds a figure (a year aside)."""
    propias = [c.texto for c in fila.celdas.values() if c.propia and c.texto.strip()]
    if not propias or any(re.search(r"\d", _ANIO.sub("", t)) for t in propias):
        return False
    return any(campo_de(t, perfil) is not None for t in propias)


def encabezado(filas_tabla: list[Fila], k: int, perfil: dict[str, tuple[tuple[str, ...], ...]]) -> Encabezado | None:
    """The header that starts at row `k`, with the row under it when that is a sub-header."""
    arriba = _titulos(filas_tabla[k])
    columnas = _columnas(arriba, perfil)
    if k + 1 < len(filas_tabla) and filas_tabla[k + 1].tabla == filas_tabla[k].tabla \
            and _es_subencabezado(filas_tabla[k + 1], perfil):
        abajo = _titulos(filas_tabla[k + 1])
        combinados: dict[int, str] = {}
        for c in sorted(set(arriba) | set(abajo)):
            if c not in abajo:
                combinados[c] = arriba[c]
                continue
            # the group over this column: the cell of the row above that starts here or, merged
            # across columns, the nearest one to its left
            grupo = arriba.get(c) or next((arriba[g] for g in sorted(arriba, reverse=True) if g < c), "")
            combinados[c] = abajo[c] if normalizar(grupo) == normalizar(abajo[c]) else f"{grupo} {abajo[c]}".strip()
        dos = _columnas(combinados, perfil)
        if _es_encabezado(dos):
            return Encabezado(dos, combinados, 2)
    if _es_encabezado(columnas):
        return Encabezado(columnas, arriba, 1)
    return None


def buscar_matriz(segmentos: list[Segmento], perfil: dict[str, tuple[tuple[str, ...], ...]] | None = None) -> int | None:
    """The index (in `filas`) of the first header row of a matrix table, or None."""
    perfil = perfil or cargar_perfil()
    todas = [f for _, f in filas(segmentos)]
    for k in range(len(todas)):
        if encabezado(todas, k, perfil) is not None:
            return k
    return None


# --- reading the rows -------------------------------------------------------------------------

_TOTAL = re.compile(r"^\s*(?:gran\s+)?total(?:es)?(?:\s+general)?\b\s*[:.]?", re.IGNORECASE)
# in a summary table, a programa's subtotal too: 'Subtotal Programa 2.4', 'Sub-total'
_SUBTOTAL = re.compile(r"^\s*(?:gran\s+)?(?:sub\s*-?\s*)?total(?:es)?(?:\s+general)?\b\s*[:.]?", re.IGNORECASE)
_NO_DATO = re.compile(r"^\s*(?:n\s*[./]?\s*a\.?|no\s+aplica|no\s+programad[oa]s?|sin\s+programar|[-–—]+)\s*\.?\s*$", re.IGNORECASE)
_ESCALA = ((re.compile(r"\bmillones\b|\bmill\.?\b|\bmm\b", re.IGNORECASE), "millones"),
           (re.compile(r"\bmiles\b", re.IGNORECASE), "miles"))


def _escala(titulo: str) -> str | None:
    for patron, escala in _ESCALA:
        if patron.search(titulo):
            return escala
    return None


def _monto(texto: str, escala: str | None) -> str | float:
    """A cell of an amount column with the unit its header gives: '180,0' under 'millones de $' -> '180,0
    millones'; '1.500' under 'miles de pesos' -> 1.5 (millions: the model's unit, as a number since no
    text says it); a cell that cannot be read stays as written, for the rules to report."""
    if escala is None or re.search(r"[$a-zA-Z]", texto):
        return texto
    if escala == "millones":
        return f"{texto} millones"
    valor = leer_numero(texto)
    return valor / 1000 if valor is not None else texto


# a count with its unit, as offices fill the Programado/Ejecutado cells: '380 personas', '1.104 NNA'
_CUENTA_CON_UNIDAD = re.compile(r"^\s*(?P<num>\d[\d.,]*)\s+(?P<unidad>[^\W\d_][^\d%$]*?)\s*\.?\s*$")


def _cuenta(texto: str) -> tuple[str, str | None]:
    """A count cell: its number as written and the unit written after it ('380 personas' -> '380', 'personas');
    any other cell as written, with no unit (an unreadable figure is the rules' to report)."""
    m = _CUENTA_CON_UNIDAD.match(texto)
    if m is None or leer_numero(m.group("num")) is None:
        return texto, None
    return m.group("num"), m.group("unidad")


def _monto_de_celda(texto: str, escala: str | None) -> str | float:
    """An amount cell as offices fill it: the amount, with the unit its header gives (`_monto`), or the amount the
    cell opens with when a note follows it ('$6.812,4 millones (recursos propios)', '$0 – sin recursos
    programados') or repeats it in pesos ('$1.245,6 millones ($1.245.600.000)'); '$ millones (recursos propios)'
    is '$ millones', an amount without its figure.  Two different amounts stay as written, for the rules."""
    if leer_monto(texto).problema is not Problema.ILEGIBLE:
        return _monto(texto, escala)
    trozos = lectura.montos(texto)
    if not trozos or texto[:trozos[0].inicio].strip():
        return _monto(texto, escala)
    valores = {leer_monto(t.texto).valor for t in trozos}
    if len(valores) != 1 or leer_monto(trozos[0].texto).problema is Problema.ILEGIBLE:
        return _monto(texto, escala)
    return trozos[0].texto


# a row whose only text names a group of metas: 'PROGRAMA 5102 – …', 'Eje 2. …', 'Línea estratégica 3'
_TITULO_GRUPO = re.compile(r"^\s*(?:sub)?(?:programa|eje|linea(?:\s+estrategica)?|componente|dimension|pilar|sector)\b",
                           re.IGNORECASE)


def titulo_de_grupo(fila: Fila, cab: Encabezado) -> str | None:
    """The programa or eje a row names when it heads the rows below it: its only written cell (one merged across
    the table, or the first of a text export's row) has words and either opens the row where the meta's name is not
    written, or names a programa or eje; None for any other row."""
    escritas = [(c, celda) for c, celda in sorted(fila.celdas.items()) if celda.propia and celda.texto.strip()]
    if len(escritas) != 1:
        return None
    columna, celda = escritas[0]
    texto = celda.texto.strip()
    if not re.search(r"[^\W\d_]{3}", texto):
        return None
    primera = min(cab.titulos, default=0)
    if (columna <= primera and cab.columnas.get(columna) != "nombre") or _TITULO_GRUPO.match(normalizar(texto)):
        return texto
    return None


_CODIGO = re.compile(r"\d{1,4}(?:\.\d{1,4}){1,6}")
# a meta named in prose by its number or code: 'la meta 51040010001', 'En la meta 2.1.1', 'meta N° 7'
_META_NOMBRADA = re.compile(r"\bmeta\s+(?:(?:n[°º.]?|no\.?|#)\s*)?(\d[\d.]*)(?![\d,])", re.IGNORECASE)


@dataclass
class _Lectura:
    b: Borrador
    encabezado: Encabezado
    metas: list[tuple[int, int]] = field(default_factory=list)  # (number, line)
    eje: str | None = None  # the programa or eje a row of the table named above the metas
    totales: int = 0
    desde_tabla: int = 0  # the first meta of the table being read (an index of `metas`)
    desde_total: int = 0  # the first meta after the table's last total
    observaciones: dict[int, Celda] = field(default_factory=dict)  # meta index -> its Observaciones cell

    def nueva_tabla(self, encabezado: Encabezado) -> None:
        self.encabezado = encabezado
        self.eje = None
        self.desde_tabla = self.desde_total = len(self.metas)

    def meta(self, fila: Fila, indice: int) -> None:
        base: Ruta = ("metas", indice)
        valores = {campo: fila.celdas[c] for c, campo in self.encabezado.columnas.items()
                   if c in fila.celdas and fila.celdas[c].texto.strip()}

        def poner(ruta: Ruta, valor: object, celda: Celda) -> None:
            self.b.poner(base + ruta, valor, celda.linea)

        numero = indice + 1
        if "numero" in valores:
            escrito = valores["numero"].texto.strip().rstrip(".")
            m = re.search(r"\d+", escrito)
            if _CODIGO.fullmatch(escrito):  # the plan's code ('2.3.1'): the meta is named by it, numbered by its order
                self.b.poner(base + ("codigo",), escrito, valores["numero"].linea)
            elif m:
                numero = int(m.group(0))
        linea = fila.linea
        self.b.poner(base + ("numero",), numero, linea)
        self.metas.append((numero, linea))
        if self.eje is not None:
            self.b.poner(base + ("eje",), self.eje, linea)
        if "nombre" in valores:
            poner(("nombre",), valores["nombre"].texto, valores["nombre"])
        else:
            self.b.poner(base + ("nombre",), "", linea)
            self.b.problema(ENTRADA_SIN_UBICAR, linea, tr("la fila de la meta {numero} no tiene la descripción de la meta",
                                                          numero=numero), campo="nombre", meta=str(numero))
        unidades: dict[str, tuple[str, Celda]] = {}  # field -> the unit written after its figure
        for campo, ruta in (("meta_cuatrienio", ("meta_cuatrienio", "cantidad")), ("programado", ("programado_periodo",)),
                            ("ejecutado", ("logro", "cantidad")), ("cumplimiento", ("cumplimiento_periodo",)),
                            ("avance", ("avance_cuatrienio",))):
            celda = valores.get(campo)
            if celda is None:
                continue
            if campo in ("cumplimiento", "avance"):
                # 'N/A', 'NP' in a % cell: the report says there is nothing to give (read as such), a dash says nothing
                if not _NO_DATO.match(celda.texto) or sin_valor(celda.texto):
                    poner(ruta, celda.texto, celda)
            elif not _NO_DATO.match(celda.texto):
                cantidad, unidad = _cuenta(celda.texto)  # as written: an unreadable figure is the rules' to report
                poner(ruta, cantidad, celda)
                if unidad is not None:
                    unidades[campo] = (unidad, celda)
        if "unidad" in valores:
            for ruta in (("meta_cuatrienio", "unidad"), ("logro", "unidad")):
                poner(ruta, valores["unidad"].texto, valores["unidad"])
        elif "meta_cuatrienio" in unidades:  # the unit written with the four-year target is the meta's
            poner(("meta_cuatrienio", "unidad"), *unidades["meta_cuatrienio"])
        # not the achievement's: the Observaciones (its text) count what is left or was postponed in that unit ('los
        # cuatro encuentros restantes'), which is no second figure of the achievement
        if "observaciones" in valores:
            poner(("logro", "texto"), valores["observaciones"].texto, valores["observaciones"])
            self.observaciones[indice] = valores["observaciones"]
        self._inversion(base, valores)
        if "beneficiarios" in valores:
            celda = valores["beneficiarios"]
            poner(("beneficiarios", "descripcion"), celda.texto, celda)
            cuenta = lectura.primera_cuenta(celda.texto, "poblacion", al_inicio=True)
            if cuenta is not None:
                poner(("beneficiarios", "total"), cuenta.cantidad, celda)
                poner(("beneficiarios", "unidad"), cuenta.unidad, celda)
        if "municipios" in valores:
            celda = valores["municipios"]
            poner(("localizacion", "texto"), celda.texto, celda)
            for i, municipio in enumerate(_municipios(celda.texto)):
                poner(("localizacion", "municipios", i), municipio, celda)
        elif "lugares" in valores:
            # comunas, corregimientos, barrios: the places of the report's own municipality, read by the rules as text
            # (a bare name in it is no municipality)
            poner(("localizacion", "texto"), valores["lugares"].texto, valores["lugares"])

    def _inversion(self, base: Ruta, valores: dict[str, Celda]) -> None:
        for campo, clave in (("inversion_programada", "programada"), ("inversion_ejecutada", "ejecutada")):
            celda = valores.get(campo)
            if celda is None:
                continue  # a blank cell is no amount, not a zero
            columna = next(c for c, f in self.encabezado.columnas.items() if f == campo)
            if _NO_DATO.match(celda.texto):
                continue
            cero = cero_explicito(celda.texto) if not re.search(r"\d", celda.texto) else None
            valor: str | float = 0 if cero is not None else _monto_de_celda(celda.texto, _escala(self.encabezado.titulos[columna]))
            self.b.poner(base + ("inversion", clave), valor, celda.linea)
        celda = valores.get("fuente")
        if celda is not None:
            self.b.poner(base + ("inversion", "texto"), celda.texto, celda.linea)
            nombradas = lectura.fuentes(celda.texto) or [celda.texto]
            for i, fuente in enumerate(nombradas):
                self.b.poner(base + ("inversion", "fuentes", i), fuente, celda.linea)

    def total(self, fila: Fila, rotulo: str) -> None:
        """A TOTAL row: a claim of the report, for the totals rules, about the metas it names: 'Total general' (or
        'Gran total') all the report's, 'TOTAL' those of its table, and one that names its scope ('TOTAL PROGRAMA
        5103', 'Subtotal eje 2') those of its table since the previous total."""
        resto = _SUBTOTAL.sub("", rotulo, count=1)
        if re.search(r"\bgeneral\b|^\s*gran\b", rotulo, re.IGNORECASE):
            desde = 0
        elif re.search(r"[^\W_]", resto) or re.match(r"\s*sub", rotulo, re.IGNORECASE):
            desde = self.desde_total
        else:
            desde = self.desde_tabla
        poner_total(self.b, self.totales, fila, self.encabezado, rotulo, [numero for numero, _ in self.metas[desde:]])
        self.totales += 1
        self.desde_total = len(self.metas)


def poner_total(b: Borrador, indice: int, fila: Fila, cab: Encabezado, rotulo: str, metas: list[int]) -> None:
    """A TOTAL row of a table as the `totales` entry `indice`: its amounts (executed, programmed) about `metas`."""
    base: Ruta = ("totales", indice)
    linea = fila.linea
    b.poner(base + ("eje",), rotulo, linea)
    b.poner(base + ("texto",), " | ".join(c.texto for _, c in sorted(fila.celdas.items()) if c.texto.strip()), linea)
    for c, campo in cab.columnas.items():
        celda = fila.celdas.get(c)
        if celda is None or not celda.texto.strip() or not re.search(r"\d", celda.texto):
            continue
        if campo == "inversion_ejecutada":
            b.poner(base + ("inversion", "monto"), _monto_de_celda(celda.texto, _escala(cab.titulos[c])), celda.linea)
        elif campo == "inversion_programada":
            b.poner(base + ("inversion_programada", "monto"), _monto_de_celda(celda.texto, _escala(cab.titulos[c])), celda.linea)
    for i, numero in enumerate(metas):
        b.poner(base + ("metas", i), numero, linea)


def leer_tabla_de_resumen(segmentos: list[Segmento], b: Borrador) -> bool:
    """A summary table before the first meta ('Tabla 1. Resumen de avance …': a row per meta, a TOTAL row) with a
    header that names the meta and its data: its TOTAL row is a claim of the report about the metas of its rows,
    imported as a `totales` entry for the totals rules (TOT001 to TOT003).  Nothing is imported when the table's
    rows do not each name a meta by its number or code; True when a TOTAL was read."""
    perfil = cargar_perfil()
    indexadas = filas(segmentos)
    todas = [f for _, f in indexadas]
    leido = False
    for k in range(len(todas)):
        cab = encabezado(todas, k, perfil)
        if cab is None:
            continue
        # the meta's column: its number, or a 'Meta' column whose cells are its number ('201') or code ('2.3.1')
        numero = next((c for c, campo in cab.columnas.items() if campo == "numero"),
                      next((c for c, campo in cab.columnas.items() if campo == "nombre"), None))
        if numero is None:
            continue
        metas: list[int | str] = []
        for fila in todas[k + cab.filas:]:
            if fila.tabla != todas[k].tabla:
                break
            rotulo = _rotulo_total(fila, cab.columnas, _SUBTOTAL)  # a programa's 'Subtotal' closes the rows above it
            if rotulo is not None:
                numeros = b.numeros_de(metas)  # none when a code names no meta of the report
                if numeros and _montos_con_unidad(fila, cab):
                    poner_total(b, len(b.datos.get("totales", []) or []), fila, cab, rotulo, numeros)
                    leido = True
                break
            celda = fila.celdas.get(numero)
            escrito = celda.texto.strip().rstrip(".") if celda is not None else ""
            if re.fullmatch(r"\d{1,4}", escrito):
                metas.append(int(escrito))
            elif re.fullmatch(r"\d{1,2}(?:\.\d{1,3}){1,5}", escrito):
                metas.append(escrito)
            else:
                break  # a row that names no meta: not a table of metas we can trust
    return leido


def _montos_con_unidad(fila: Fila, cab: Encabezado) -> bool:
    """Does a summary table's total say in what unit its amounts are: a '$' or a unit in its cells, or one in their
    column's header?  A bare '3.810,0' under 'Valor ejecutado' may be pesos or millions (the unit is in a caption
    the table does not hold): it is no claim to check."""
    for c, campo in cab.columnas.items():
        celda = fila.celdas.get(c)
        if campo in ("inversion_ejecutada", "inversion_programada") and celda is not None and re.search(r"\d", celda.texto):
            if not re.search(r"[$a-zA-Z]", celda.texto) and _escala(cab.titulos[c]) is None:
                return False
    return True


def _municipios(texto: str) -> list[str]:
    """The municipalities of a Municipios cell: the column's header presents its names as municipalities,
    so a bare 'Ocaña' counts as one; a word that is no municipality anywhere ('Todos', 'Departamental')
    is an answer, not a place."""
    leidos = lectura.municipios(texto)
    if leidos:
        return leidos
    d = divipola()
    return [m for m in lectura.municipios(f"municipios de {texto}") if d.buscar(m)]


def _rotulo_total(fila: Fila, columnas: dict[int, str], total: re.Pattern[str] | None = None) -> str | None:
    """'TOTAL' when the row's first written cell, or its number or meta cell, says it (or what `total` finds)."""
    total = total or _TOTAL
    escritas = [c for c in sorted(fila.celdas) if fila.celdas[c].texto.strip()]
    candidatas = escritas[:1] + [c for c, f in columnas.items() if f in ("numero", "nombre")]
    for c in candidatas:
        celda = fila.celdas.get(c)
        if celda is not None and total.match(celda.texto):
            return celda.texto.strip().rstrip(":.")
    return None


# Who drafted or reviewed the report, at its foot, and the table's own source note ('Fuente: …', 'Nota: …').
_FIRMA = re.compile(r"^\s*(?:elabor[oó]|proyect[oó]|revis[oó]|aprob[oó]|vo\.?\s*bo\.?|fuentes?|notas?|convenciones)\s*:", re.IGNORECASE)


def _continua(primera: Encabezado, otro: Encabezado | None) -> bool:
    """Is a later table's header that of the same matrix (one table per programa): the same or a similar header, at
    least two thirds of the fields of the smaller one in common?"""
    if otro is None:
        return False
    unos, otros = set(primera.columnas.values()), set(otro.columnas.values())
    return 3 * len(unos & otros) >= 2 * min(len(unos), len(otros))


class LectorMatriz:
    """Reads a document in the matrix layout into `borrador`."""

    def __init__(self, segmentos: list[Segmento], borrador: Borrador, perfil: dict[str, tuple[tuple[str, ...], ...]] | None = None) -> None:
        self.segmentos = segmentos
        self.b = borrador
        self.perfil = perfil or cargar_perfil()

    def leer(self) -> None:
        indexadas = filas(self.segmentos)
        todas = [f for _, f in indexadas]
        k = buscar_matriz(self.segmentos, self.perfil)
        if k is None:
            raise ErrorFuente(1, tr("el documento no tiene una matriz de seguimiento: ninguna tabla nombra en su encabezado la meta y otros campos"))
        cab = encabezado(todas, k, self.perfil)
        assert cab is not None
        inicio = indexadas[k][0]
        preambulo = [s for s in self.segmentos[:inicio] if not es_mobiliario(s.texto)]
        portada = [s for s in preambulo if not s.en_tabla]
        leer_cabecera(portada, preambulo, self.b, self.segmentos)
        lector = _Lectura(self.b, cab)
        huecos: list[tuple[int, int]] = []  # what lies between the matrix's tables, and after the last: not read
        dichas: set[tuple[str, ...]] = set()
        primera = cab
        while True:
            lector.nueva_tabla(cab)
            self._columnas_sin_campo(todas[k], cab, dichas)
            k, ultima = self._tabla(indexadas, k, lector)
            siguiente = next((j for j in range(k, len(todas)) if _continua(primera, encabezado(todas, j, self.perfil))), None)
            huecos.append((ultima, indexadas[siguiente][0] if siguiente is not None else len(self.segmentos)))
            if siguiente is None:
                break
            k = siguiente
            cab = encabezado(todas, k, self.perfil) or cab
        if not lector.metas:
            raise ErrorFuente(todas[k].linea, tr("la matriz de seguimiento no tiene filas de metas bajo su encabezado"))
        self._sin_leer(huecos, lector)

    def _tabla(self, indexadas: list[tuple[int, Fila]], k: int, lector: _Lectura) -> tuple[int, int]:
        """Reads the table whose header starts at row `k`: each row a meta, a group's title or a total.  Returns the
        row after it and the index of the table's last segment read."""
        cab = lector.encabezado
        todas = [f for _, f in indexadas]
        cabecera_filas = {todas[k + j].id for j in range(cab.filas)}
        tabla = todas[k].tabla
        ultima = indexadas[k][0]
        j = k
        for j in range(k, len(indexadas) + 1):
            if j == len(indexadas):
                break
            posicion, fila = indexadas[j]
            if fila.id in cabecera_filas:
                continue
            if fila.tabla != tabla or self._fuera_de_tabla(ultima, posicion):
                break
            ultima = posicion
            if all(not c.propia for c in fila.celdas.values()):
                continue  # only the repeated text of merges: nothing written in this row
            rotulo = _rotulo_total(fila, cab.columnas, _SUBTOTAL)
            repetida = _columnas(_titulos(fila), self.perfil)
            if _es_encabezado(repetida) and rotulo is None:
                continue  # the header repeated at a page break
            if rotulo is not None:
                lector.total(fila, rotulo)
                continue
            titulo = titulo_de_grupo(fila, cab)
            if titulo is not None:
                lector.eje = titulo  # the programa or eje of the rows below
                continue
            lector.meta(fila, len(lector.metas))
        return j, ultima

    def _columnas_sin_campo(self, fila: Fila, cab: Encabezado, dichas: set[tuple[str, ...]]) -> None:
        """A column whose header names no field is not read: said once for each header (not again where a later
        table repeats it), never dropped silently."""
        sueltas = [titulo for c, titulo in sorted(cab.titulos.items()) if c not in cab.columnas and titulo.strip()]
        if not sueltas or tuple(sueltas) in dichas:
            return
        dichas.add(tuple(sueltas))
        nombres = ", ".join(f"«{t.strip()}»" for t in sueltas)
        self.b.problema(ENTRADA_SIN_UBICAR, fila.linea,
                        tr("{n} columnas de la matriz de seguimiento no nombran ningún campo de la plantilla ({nombres}): sus "
                           "celdas no se leen ni se auditan", n=len(sueltas), nombres=nombres) if len(sueltas) > 1
                        else tr("la columna {nombres} de la matriz de seguimiento no nombra ningún campo de la plantilla: sus "
                                "celdas no se leen ni se auditan", nombres=nombres),
                        texto=" | ".join(t.strip() for t in sueltas)[:160])

    def _comentarios(self, resto: list[Segmento], lector: _Lectura) -> list[Segmento]:
        """The paragraphs outside the tables that comment one meta by its number or code ('La meta 51040010001
        alcanzó …', 'En la meta 2.1.1 …') are read with its Observaciones, where the rules read what was done and
        why; the others are returned."""
        numeros: dict[str, int] = {}
        for i, meta in enumerate(self.b.datos.get("metas", []) or []):
            numeros.setdefault(str(meta.get("codigo") or meta.get("numero")), i)
        comentarios: dict[int, list[Segmento]] = {}
        otros = []
        for s in resto:
            nombradas = {numeros.get(m.group(1).rstrip(".")) for m in _META_NOMBRADA.finditer(s.texto)}
            indice = next(iter(nombradas)) if len(nombradas) == 1 else None
            if s.en_tabla or indice is None:
                otros.append(s)
                continue
            comentarios.setdefault(indice, []).append(s)
        for i, parrafos in comentarios.items():
            texto = Texto()
            celda = lector.observaciones.get(i)
            for segmento in celda.textos if celda is not None else []:
                texto.agregar(segmento.texto, segmento.linea)
            for segmento in parrafos:
                texto.agregar(segmento.texto, segmento.linea)
            self.b.poner_texto(("metas", i, "logro", "texto"), texto)
        return otros

    def _sin_leer(self, huecos: list[tuple[int, int]], lector: _Lectura) -> None:
        """What follows the matrix (or lies between its tables) and comments no meta is not read: said once, with its
        lines, never dropped silently (a summary table taken for the matrix would otherwise hide every meta written
        below it)."""
        resto = [s for ultima, hasta in huecos for s in self.segmentos[ultima + 1:hasta]
                 if s.texto.strip() and not (s.en_tabla and s.fila == self.segmentos[ultima].fila)
                 and not es_mobiliario(s.texto) and not _FIRMA.match(s.texto)]
        resto = self._comentarios(resto, lector)
        if not resto:
            return
        if len(huecos) == 1:
            mensaje = tr("{n} párrafos después de la matriz de seguimiento (líneas {desde} a {hasta}) no se leen: la plantilla "
                         "de matriz solo lee las filas de su tabla; no se auditan", n=len(resto), desde=resto[0].linea, hasta=resto[-1].linea)
        else:
            mensaje = tr("{n} párrafos entre las {tablas} tablas de la matriz de seguimiento y después de ellas (líneas {desde} a "
                         "{hasta}) no se leen: la plantilla de matriz solo lee las filas de sus tablas; no se auditan",
                         n=len(resto), tablas=len(huecos), desde=resto[0].linea, hasta=resto[-1].linea)
        self.b.problema(ENTRADA_SIN_UBICAR, resto[0].linea, mensaje, texto=resto[0].texto[:160])

    def _fuera_de_tabla(self, desde: int, hasta: int) -> bool:
        """A paragraph outside the table between two rows ends it, unless it is a running page header or a page number."""
        for s in self.segmentos[desde:hasta]:
            if s.en_tabla or es_mobiliario(s.texto):
                continue
            return True
        return False
