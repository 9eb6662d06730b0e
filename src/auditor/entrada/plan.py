"""Reading the Plan Indicativo: the KPT export (.xlsx) or a .csv, into `modelo.plan.PlanIndicativo`.

The names the reader recognizes (sheets, each field's headers, the per-year column forms, the resource
sources, the tipos de acumulación, NP) are one data table, ``rules/plan/plan_indicativo.yaml``, validated on
load; an office's export with other names maps them in its configuration (``columnas:``, `entrada.columnas`).

How a sheet is read:

- the sheet: the one `columnas.hoja` names; else one of the table's names (compared without case, accents or
  spaces); else the only sheet; else the only sheet whose first rows hold the meta number and description headers
  (said as a notice; several such sheets are an error that names them). A .csv is one sheet, named by its file;
- the header row is looked for among the first rows (title rows above it are passed over); the headers are
  compared without case, accents, punctuation or extra spaces. A two-row header is read too: the year in a
  (merged) cell above the names of its columns ("2024" over "Programación", "Recursos propios", …, "Total"),
  or a name above the years ("Programación" over "2024", "2025", …);
- a year's sources: a header that is, or begins with, a source's name ("Recursos propios ICLD 2024"), or one that
  `columnas.fuentes` adds; a column of the year among its resources that is no known form is said once, and that
  year's `Recursos.completas` is False (its sources are not summed);
- numbers: the cell's number, or text as Colombian reports write it ("5.000", "12,5", "35 %", "$ 1.200", read with
  `lectura.cifras`); a number in a cell with a percentage format is the percentage shown (0,35 in a `0%` cell is 35);
  in a programming cell "NP" / "No programado" is `Programado(no_programado=True)`, never 0, and an empty one is
  neither (the metas with one are said once); resources are in millones de pesos, as the export states them;
- a formula whose value the workbook does not hold (saved by a program that does not compute formulas) in a cell
  the reader uses stops the reading with its cell: it is not read as empty or 0;
- every value keeps its `Celda` (sheet, row as the spreadsheet numbers it, column letter).

Rows that are skipped: rows above and in the header; rows whose meta number cell is empty (blank rows, rows
of a section's title, subtotal rows without a number); rows whose meta number cell starts with one of the
table's words for totals ("Total", "Subtotal"). Columns no field claims (código DANE, sector, BPIN, …) are
not read.

Anything else that cannot be read is an `ErrorPlan` (an `ErrorArchivo`: the command line prints it and exits
with status 2) naming the file, the sheet, the cell and what was expected: a file that cannot be opened or is
too large, a missing sheet, no header row, a missing required column (the meta number, the description), a
text where a number goes, a meta without a description, an unknown tipo de acumulación, an empty sheet.
Nothing is guessed silently: what the reader chose or could not use (the sheet, columns of resources it does not
know, a plan without resources, empty programming cells, a .csv not in UTF-8) is in `PlanIndicativo.avisos`.
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from auditor.entrada.columnas import ColumnasPlan
from auditor.entrada.columnas import clave as _clave
from auditor.idioma import tr
from auditor.lectura.cifras import leer_cantidad
from auditor.lectura.fuente import ErrorArchivo, leer_archivo_estricto, motivo_so, ubicar_errores
from auditor.lectura.incluidas import PLAN, directorio_reglas_incluidas
from auditor.modelo.plan import Acumulacion, Celda, MetaPlan, PlanIndicativo, Programado, Recursos

TAMANO_MAXIMO_MB = 20.0  # as `entrada.carga`: a larger plan is refused unread (tamano_maximo_mb in auditor.yaml)
EXPANSION_MAXIMA = 20  # an .xlsx is a zip: what it holds may not exceed this many times the size limit
EXTENSIONES_PLAN = (".xlsx", ".xlsm", ".csv")
OBLIGATORIOS = ("numero", "descripcion")
FUENTE_PROPIA = "columnas.fuentes"  # the source id of a header the configuration adds
CampoMeta = Literal["numero", "descripcion", "responsable", "unidad", "linea_base", "meta_cuatrienio", "acumulacion"]


class ErrorPlan(ErrorArchivo):
    """The Plan Indicativo cannot be used: the file, the sheet, the cell and what was expected."""


# --- the table of names -------------------------------------------------------------------------------

class _Estricto(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _PorAno(_Estricto):
    programacion: list[str]
    fuentes: dict[str, list[str]]
    total: list[str]


class _Tabla(_Estricto):
    hojas: list[str]
    filas_de_encabezado: int = Field(ge=1, le=1000)
    campos: dict[CampoMeta, list[str]]
    por_ano: _PorAno
    acumulacion: dict[Literal["flujo", "capacidad", "mantenimiento", "reduccion"], list[str]]  # Acumulacion's values
    no_programado: list[str]
    filas_de_totales: list[str]

    @field_validator("campos")
    @classmethod
    def _obligatorios(cls, valor: dict[str, list[str]]) -> dict[str, list[str]]:
        faltan = [c for c in OBLIGATORIOS if not valor.get(c)]
        if faltan:
            raise ValueError(tr("faltan los encabezados de {campos}", campos=", ".join(faltan)))
        return valor


def _archivo_tabla() -> Path:
    return directorio_reglas_incluidas() / PLAN / "plan_indicativo.yaml"


@cache
def tabla() -> _Tabla:
    """The table of names, read and validated once (ErrorPlan naming the table's file and line)."""
    ruta = _archivo_tabla()
    try:
        documento = leer_archivo_estricto(ruta)
    except ErrorArchivo as error:
        raise ErrorPlan.de(error) from None
    if documento is None or not isinstance(documento.datos, dict):
        raise ErrorPlan(str(ruta), tr("se esperaba un mapa con las claves {claves}", claves=", ".join(_Tabla.model_fields)), 1)
    try:
        leida = _Tabla.model_validate(documento.datos)
    except ValidationError as error:
        e = ubicar_errores(error, documento.mapa)[0]
        raise ErrorPlan(str(ruta), f"{e.donde or '(raíz)'}: {e.descripcion}", e.linea) from None
    vistos: dict[str, str] = {}
    for que, variantes in [*((f"campos.{c}", v) for c, v in leida.campos.items()),
                           ("por_ano.programacion", leida.por_ano.programacion), ("por_ano.total", leida.por_ano.total),
                           *((f"por_ano.fuentes.{f}", v) for f, v in leida.por_ano.fuentes.items())]:
        for variante in variantes:  # a header of two fields (or of two forms of a year) could not be told apart
            clave = _clave(variante)
            otro = vistos.setdefault(("ano " if que.startswith("por_ano") else "") + clave, que)
            if otro != que:
                raise ErrorPlan(str(ruta), tr("el encabezado '{encabezado}' está en {uno} y en {otro}", encabezado=variante,
                                              uno=otro, otro=que), documento.mapa.linea(tuple(que.split("."))))
    return leida


# --- comparing headers and words ------------------------------------------------------------------------

_PARENTESIS = re.compile(r"\([^)]*\)")
_ANO = r"((?:19|20)\d\d)"
_ANO_AL_FINAL = re.compile(rf"(.+?) {_ANO}")
_ANO_AL_PRINCIPIO = re.compile(rf"{_ANO} (.+)")
_SOLO_ANO = re.compile(_ANO)


@dataclass(frozen=True)
class _Columna:
    """What one column of the sheet is: a field of the meta, or a year's programming, source or total."""

    tipo: str  # "campo", "programacion", "fuente", "total"
    nombre: str  # the field, or the source's id ("" for programacion and total)
    ano: int | None  # the year of a per-year column
    prioridad: int  # the position of the header among its field's variants (the first listed wins)

    @property
    def clave(self) -> tuple[str, str, int | None]:
        return (self.tipo, self.nombre, self.ano)


class _Reconocedor:
    """Which field a header names, by the table and the configuration's `columnas:`."""

    def __init__(self, columnas: ColumnasPlan | None) -> None:
        t = tabla()
        propias = columnas.encabezados if columnas is not None else {}
        self.propias: dict[str, str] = dict(propias)
        self.hoja = columnas.hoja if columnas is not None else None
        self.campos: dict[str, tuple[str, int]] = {}
        for campo, variantes in t.campos.items():
            for i, variante in enumerate([propias[campo]] if campo in propias else variantes):
                self.campos.setdefault(_clave(variante), (campo, i))
        self.por_ano: dict[str, tuple[str, str, int]] = {}
        for i, variante in enumerate([propias["programacion"]] if "programacion" in propias else t.por_ano.programacion):
            self.por_ano.setdefault(_clave(variante), ("programacion", "", i))
        for i, variante in enumerate([propias["total"]] if "total" in propias else t.por_ano.total):
            self.por_ano.setdefault(_clave(variante), ("total", "", i))
        fuentes = [*t.por_ano.fuentes.items(), *((FUENTE_PROPIA, [f]) for f in (columnas.fuentes if columnas is not None else ()))]
        for fuente, variantes in fuentes:
            for i, variante in enumerate(variantes):
                self.por_ano.setdefault(_clave(variante), ("fuente", fuente, i))
        # a header that begins with a source's name is that source ("Recursos propios ICLD", "SGR - Asignaciones
        # directas"): the longest name first, so that "SGP Educación …" is not taken for a shorter one
        self.prefijos = sorted(((clave, nombre) for clave, (tipo, nombre, _) in self.por_ano.items() if tipo == "fuente"),
                               key=lambda par: -len(par[0]))

    def _por_ano(self, forma: str) -> tuple[str, str, int] | None:
        if forma in self.por_ano:
            return self.por_ano[forma]
        for clave, fuente in self.prefijos:
            if forma.startswith(clave + " "):
                return ("fuente", fuente, len(self.prefijos))  # after any header the table lists whole
        return None

    def reconocer(self, encabezado: str) -> _Columna | None:
        for texto in (encabezado, _PARENTESIS.sub(" ", encabezado)):  # "Total 2024 (millones de pesos)"
            clave = _clave(texto)
            if clave in self.campos:
                campo, prioridad = self.campos[clave]
                return _Columna("campo", campo, None, prioridad)
            for patron, forma, ano in ((_ANO_AL_FINAL, 1, 2), (_ANO_AL_PRINCIPIO, 2, 1)):
                m = patron.fullmatch(clave)
                if m is not None and (hallada := self._por_ano(m.group(forma))) is not None:
                    tipo, nombre, prioridad = hallada
                    return _Columna(tipo, nombre, int(m.group(ano)), prioridad)
        return None


def _ano_de(encabezado: str) -> int | None:
    """The year of a header of the per-year form ("Aportes 2024", "2024 Aportes"), whatever its name."""
    for texto in (encabezado, _PARENTESIS.sub(" ", encabezado)):
        clave = _clave(texto)
        for patron, ano in ((_ANO_AL_FINAL, 2), (_ANO_AL_PRINCIPIO, 1)):
            if (m := patron.fullmatch(clave)) is not None:
                return int(m.group(ano))
    return None


# --- reading the file -------------------------------------------------------------------------------------

Fila = Sequence[Any]  # one row of the sheet, its cells from column A


@dataclass(frozen=True)
class _Hoja:
    nombre: str
    filas: Sequence[Fila]
    es_csv: bool
    avisos: tuple[str, ...] = ()


def cargar_plan(ruta: str | Path, columnas: ColumnasPlan | None = None, tamano_maximo_mb: float = TAMANO_MAXIMO_MB) -> PlanIndicativo:
    """Read the Plan Indicativo in `ruta` (.xlsx or .csv); ErrorPlan naming the file, the sheet and the cell of
    whatever cannot be read (see the module's documentation for what is skipped)."""
    from auditor.entrada.carga import rechazo_previo

    ruta = Path(ruta)
    archivo = str(ruta)
    extension = ruta.suffix.lower()
    if extension not in EXTENSIONES_PLAN:
        pista = tr(" (un .xls antiguo: ábralo en Excel y guárdelo como .xlsx)") if extension == ".xls" else ""
        raise ErrorPlan(archivo, tr("se esperaba un Plan Indicativo en .xlsx o .csv{pista}", pista=pista))
    try:
        rechazo = rechazo_previo(ruta, tamano_maximo_mb)
    except OSError as error:
        raise ErrorPlan(archivo, tr("no se puede leer: {motivo}", motivo=motivo_so(error)), motivo_so=motivo_so(error)) from None
    if rechazo is not None:
        raise ErrorPlan(archivo, rechazo)
    reconocedor = _Reconocedor(columnas)
    if extension == ".csv":
        hoja = _leer_csv(ruta, tamano_maximo_mb)
        if reconocedor.hoja is not None:  # a .csv is one sheet: the name is not needed, and not silently dropped
            hoja = replace(hoja, avisos=(*hoja.avisos, tr("{archivo}: es un .csv, de una sola hoja: 'columnas.hoja' de la "
                                                          "configuración ('{hoja}') no se usa", archivo=archivo, hoja=reconocedor.hoja)))
    else:
        hoja = _leer_xlsx(ruta, tamano_maximo_mb, reconocedor)
    return _Lector(archivo, hoja, reconocedor).leer()


def _leer_xlsx(ruta: Path, tamano_maximo_mb: float, reconocedor: _Reconocedor) -> _Hoja:
    """The rows of the plan's sheet, read in openpyxl's read-only (streaming) mode; the workbook closed."""
    import zipfile

    archivo = str(ruta)
    ilegible = tr("no se puede leer como libro de Excel .xlsx (¿está dañado, protegido con contraseña o es de otro formato?)")
    try:
        with zipfile.ZipFile(ruta) as zip_:
            expandido = sum(info.file_size for info in zip_.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ErrorPlan(archivo, ilegible) from None
    if expandido > EXPANSION_MAXIMA * tamano_maximo_mb * 1024 * 1024:
        raise ErrorPlan(archivo, tr("el libro descomprimido mide {tamano:.0f} MB, más de {veces} veces el límite de {limite:g} MB: "
                                    "no se lee", tamano=expandido / (1024 * 1024), veces=EXPANSION_MAXIMA, limite=tamano_maximo_mb))
    try:
        with ruta.open("rb") as datos:  # opened here, so that it is closed whatever openpyxl raises (it may leave its own open)
            return _hoja_del_libro(datos, archivo, ilegible, reconocedor)
    except OSError as error:
        raise ErrorPlan(archivo, tr("no se puede leer: {motivo}", motivo=motivo_so(error)), motivo_so=motivo_so(error)) from None


@dataclass(frozen=True)
class FormulaSinValor:
    """A formula cell whose value the workbook does not hold (saved by a program that does not compute formulas): it is
    not empty and not 0, and the reader refuses it where it reads it (`_Lector.valor`)."""

    formula: str

    def __str__(self) -> str:
        return self.formula


_LITERALES_DE_FORMATO = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # "…" and \x are shown as written; [Red], [>=100] are no digits


def es_formato_de_porcentaje(formato: str | None) -> bool:
    """Whether an Excel number format shows its number as a percentage (`0%`, `0.0 %`): the cell holds a fraction (0,35 shown
    as 35 %). A '%' between quotes or after a backslash is only a sign written after the number (`0" %"`)."""
    return formato is not None and "%" in _LITERALES_DE_FORMATO.sub("", formato)


def _como_se_ve(valor: Any, formato: str | None) -> Any:
    """A cell's value as the user sees it: a number in a percentage format is that percentage (0,35 -> 35), exactly."""
    if isinstance(valor, (int, float)) and not isinstance(valor, bool) and math.isfinite(valor) and es_formato_de_porcentaje(formato):
        return float(Decimal(repr(valor)) * 100)
    return valor


def _hoja_del_libro(datos: BinaryIO, archivo: str, ilegible: str, reconocedor: _Reconocedor) -> _Hoja:
    from openpyxl import load_workbook  # only when a plan is read: the command line starts without it
    from openpyxl.cell.read_only import EmptyCell

    try:
        libro = load_workbook(datos, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file; all mean the same to the user
        raise ErrorPlan(archivo, ilegible) from None
    sin_calcular = False  # a cell that holds no value but exists: a formula without a cached value, or only a style
    try:
        nombres = list(libro.sheetnames)
        elegida, avisos = _elegir_hoja(libro, nombres, archivo, ilegible, reconocedor)
        try:
            filas: list[list[Any]] = []
            for fila in libro[elegida].iter_rows():
                filas.append([_como_se_ve(c.value, getattr(c, "number_format", None)) for c in fila])
                sin_calcular = sin_calcular or any(c.value is None and not isinstance(c, EmptyCell) for c in fila)
        except Exception:  # noqa: BLE001 - a damaged sheet inside a readable zip
            raise ErrorPlan(archivo, tr("hoja '{hoja}': {problema}", hoja=elegida, problema=ilegible)) from None
    finally:
        libro.close()
    if sin_calcular:
        _marcar_formulas(datos, elegida, filas)
    return _Hoja(elegida, [tuple(f) for f in filas], es_csv=False, avisos=avisos)


def _marcar_formulas(datos: BinaryIO, hoja: str, filas: list[list[Any]]) -> None:
    """The sheet read again with its formulas (read-only too): an empty value where the cell has a formula becomes a
    `FormulaSinValor`, so that it is not read as empty (or 0) in silence."""
    from openpyxl import load_workbook

    datos.seek(0)
    try:
        libro = load_workbook(datos, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - it was read a moment ago
        return
    try:
        for r, fila in enumerate(libro[hoja].iter_rows(values_only=True)):
            for i, valor in enumerate(fila):
                if isinstance(valor, str) and valor.startswith("=") and r < len(filas) and i < len(filas[r]) and filas[r][i] is None:
                    filas[r][i] = FormulaSinValor(valor)
    except Exception:  # noqa: BLE001 - as above: the values were read, only the formulas are missing
        return
    finally:
        libro.close()


def _elegir_hoja(libro: Any, nombres: list[str], archivo: str, ilegible: str, reconocedor: _Reconocedor) -> tuple[str, tuple[str, ...]]:
    """The sheet of the metas and what to say about the choice: the one `columnas.hoja` names; else one with a name of the
    table; else the only sheet; else the only one whose first rows hold the headers of the meta number and description."""
    hojas = ", ".join(f"'{n}'" for n in nombres)
    if reconocedor.hoja is not None:
        pedida = reconocedor.hoja
        iguales = [n for n in nombres if n == pedida] or [n for n in nombres if _clave(n) == _clave(pedida)]
        if len(iguales) != 1:
            raise ErrorPlan(archivo, tr("no tiene la hoja '{hoja}' que 'columnas.hoja' de la configuración nombra (el libro tiene: "
                                        "{hojas})", hoja=pedida, hojas=hojas))
        return iguales[0], ()
    conocidas = {_clave(n) for n in tabla().hojas}
    elegida = next((n for n in nombres if _clave(n) in conocidas), None)
    if elegida is not None:
        return elegida, ()
    if len(nombres) == 1:
        return nombres[0], ()
    con_encabezado = []
    for nombre in nombres:
        try:
            primeras = [tuple(f) for f in libro[nombre].iter_rows(max_row=tabla().filas_de_encabezado + 1, values_only=True)]
        except Exception:  # noqa: BLE001 - a damaged sheet: not the plan's, unless it is the only candidate (then said below)
            continue
        if _Lector(archivo, _Hoja(nombre, primeras, es_csv=False), reconocedor).tiene_encabezado():
            con_encabezado.append(nombre)
    esperadas = ", ".join(f"'{n}'" for n in tabla().hojas)
    if len(con_encabezado) == 1:
        return con_encabezado[0], (tr(
            "{archivo}: ninguna hoja tiene un nombre conocido del Plan Indicativo ({esperadas}); se leyó la hoja '{hoja}', la única "
            "con los encabezados del número y la descripción de la meta (para leer otra, nómbrela en la configuración: "
            "columnas: {{hoja: \"…\"}})", archivo=archivo, esperadas=esperadas, hoja=con_encabezado[0]),)
    if con_encabezado:
        raise ErrorPlan(archivo, tr(
            "no se sabe cuál es la hoja del Plan Indicativo: ninguna tiene un nombre conocido ({esperadas}) y varias tienen los "
            "encabezados del número y la descripción de la meta: {candidatas}; nombre la que es en la configuración "
            "(columnas: {{hoja: \"…\"}})", esperadas=esperadas, candidatas=", ".join(f"'{n}'" for n in con_encabezado)))
    raise ErrorPlan(archivo, tr(
        "no tiene la hoja del Plan Indicativo: se esperaba una hoja con uno de estos nombres: {esperadas}, o una con los "
        "encabezados del número y la descripción de la meta en sus primeras filas (el libro tiene: {hojas}); si es otra, "
        "nómbrela en la configuración (columnas: {{hoja: \"…\"}})", esperadas=esperadas, hojas=hojas))


def _leer_csv(ruta: Path, tamano_maximo_mb: float) -> _Hoja:
    """The rows of a .csv: UTF-8 (with or without BOM), else Windows-1252 / Latin-1 (said); `;` or `,` by its rows."""
    archivo = str(ruta)
    try:
        contenido = ruta.read_bytes()[: int(tamano_maximo_mb * 1024 * 1024) + 1]
    except OSError as error:
        raise ErrorPlan(archivo, tr("no se puede leer: {motivo}", motivo=motivo_so(error)), motivo_so=motivo_so(error)) from None
    avisos: tuple[str, ...] = ()
    if b"\x00" in contenido[:4096]:
        raise ErrorPlan(archivo, tr("no es un texto CSV (tiene bytes nulos: ¿es un libro de Excel con otra extensión, o UTF-16?); "
                                    "guárdelo como CSV UTF-8 o como .xlsx"))
    try:
        texto = contenido.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        try:
            texto = contenido.decode("cp1252")
        except UnicodeDecodeError:
            texto = contenido.decode("latin-1")
        avisos = (tr("{archivo} no está en UTF-8: se leyó como Latin-1 (Windows-1252); si las tildes se ven mal, guárdelo como "
                     "CSV UTF-8", archivo=archivo),)
    lineas = texto.splitlines()
    delimitador = _delimitador(lineas[:40])
    try:
        filas = [tuple(fila) for fila in csv.reader(io.StringIO(texto, newline=""), delimiter=delimitador)]
    except csv.Error as error:
        raise ErrorPlan(archivo, tr("no se puede leer como CSV: {problema}", problema=str(error))) from None
    return _Hoja(ruta.name, filas, es_csv=True, avisos=avisos)


def _delimitador(muestra: list[str]) -> str:
    """`;` or `,`: the one that splits most of the first rows into the same number (more than one) of cells."""
    mejor, puntos = ",", (0, 0)
    for candidato in (";", ","):
        try:
            anchos = [len(f) for f in csv.reader(muestra, delimiter=candidato) if len(f) > 1]
        except csv.Error:
            continue
        if not anchos:
            continue
        moda = max(set(anchos), key=lambda a: (anchos.count(a), a))
        if (anchos.count(moda), moda) > puntos:
            mejor, puntos = candidato, (anchos.count(moda), moda)
    return mejor


# --- reading the sheet --------------------------------------------------------------------------------------

def letra(columna: int) -> str:
    """The spreadsheet's letter of a column (1 -> A, 27 -> AA)."""
    letras = ""
    while columna:
        columna, resto = divmod(columna - 1, 26)
        letras = chr(ord("A") + resto) + letras
    return letras


def _vacia(valor: Any) -> bool:
    return valor is None or (isinstance(valor, str) and not valor.strip())


def _texto(valor: Any) -> str:
    """A cell as text: a whole number without '.0'."""
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return " ".join(str(valor).split())


def _es_ano(valor: Any) -> int | None:
    if isinstance(valor, (int, float)) and not isinstance(valor, bool) and float(valor).is_integer() and 1900 <= valor < 2100:
        return int(valor)
    if isinstance(valor, str) and _SOLO_ANO.fullmatch(valor.strip()):
        return int(valor.strip())
    return None


@dataclass(frozen=True)
class _Encabezado:
    fila: int  # the index (from 0) of the header's last row
    columnas: dict[int, _Columna]  # column index (from 0) -> what it is
    textos: dict[int, str]  # column index -> the header as read (for messages)
    ajenas: dict[int, tuple[int, ...]]  # year -> its columns among the year's resources that are no source, total or programming


class _Lector:
    def __init__(self, archivo: str, hoja: _Hoja, reconocedor: _Reconocedor) -> None:
        self.archivo = archivo
        self.hoja = hoja
        self.reconocedor = reconocedor
        self.t = tabla()
        self.no_programado = {_clave(n) for n in self.t.no_programado}
        self.sin_valor = sum(isinstance(v, FormulaSinValor) for fila in hoja.filas for v in fila)

    # places and errors ---------------------------------------------------------------------------------
    def celda(self, fila: int, columna: int) -> Celda:
        return Celda(self.hoja.nombre, fila + 1, letra(columna + 1))

    def donde(self, celda: Celda) -> str:
        if self.hoja.es_csv:
            return tr("celda {celda}", celda=f"{celda.columna}{celda.fila}")
        return tr("hoja '{hoja}', celda {celda}", hoja=celda.hoja, celda=f"{celda.columna}{celda.fila}")

    def en_hoja(self) -> str:
        return "" if self.hoja.es_csv else tr("hoja '{hoja}': ", hoja=self.hoja.nombre)

    def error(self, celda: Celda, mensaje: str) -> ErrorPlan:
        return ErrorPlan(self.archivo, f"{self.donde(celda)}: {mensaje}")

    def valor(self, fila: Fila, r: int, i: int) -> Any:
        """The value of a cell the reader uses; a formula whose value the workbook does not hold stops the reading."""
        valor = fila[i] if i < len(fila) else None
        if isinstance(valor, FormulaSinValor):
            raise self.error(self.celda(r, i), tr(
                "la celda tiene la fórmula '{formula}' pero el libro no guarda su valor (lo guardó un programa que no calcula "
                "fórmulas; hay {n} celdas así en la hoja): ábralo y guárdelo en Excel o LibreOffice para que guarde los valores, "
                "y vuelva a revisar", formula=valor.formula, n=self.sin_valor))
        return valor

    # the header ----------------------------------------------------------------------------------------
    def _una_fila(self, fila: Fila) -> dict[int, str]:
        return {i: _texto(v) for i, v in enumerate(fila) if not _vacia(v)}

    def _dos_filas(self, arriba: Fila, abajo: Fila) -> dict[int, str]:
        """The headers of two rows: the year above (a merged cell: empty to its right) joined to each name below, or a
        name above joined to each year below; where only one row has text, that text."""
        textos: dict[int, str] = {}
        encima: Any = None
        for i in range(max(len(arriba), len(abajo))):
            alto = arriba[i] if i < len(arriba) else None
            bajo = abajo[i] if i < len(abajo) else None
            if not _vacia(alto):
                encima = alto
            elif _vacia(bajo):
                encima = None  # a merged cell ends where both rows are empty
            relleno = alto if not _vacia(alto) else encima
            if _vacia(bajo):
                if not _vacia(alto):
                    textos[i] = _texto(alto)
                continue
            if relleno is None or _vacia(relleno):
                textos[i] = _texto(bajo)
            elif _es_ano(relleno) is not None and _es_ano(bajo) is None:
                textos[i] = f"{_texto(bajo)} {_es_ano(relleno)}"
            elif _es_ano(bajo) is not None and _es_ano(relleno) is None:
                textos[i] = f"{_texto(relleno)} {_es_ano(bajo)}"
            elif self.reconocedor.reconocer(_texto(bajo)) is None and self.reconocedor.reconocer(_texto(relleno)) is not None:
                textos[i] = _texto(relleno)
            else:
                textos[i] = _texto(bajo)
        return textos

    def _reconocidas(self, textos: dict[int, str]) -> dict[int, _Columna]:
        return {i: c for i, texto in textos.items() if (c := self.reconocedor.reconocer(texto)) is not None}

    def _candidatos(self) -> Iterator[tuple[int, int, dict[int, str]]]:
        """The possible header rows among the first: (rows, index of the last, the headers), one row and two rows."""
        filas = self.hoja.filas
        for r in range(min(self.t.filas_de_encabezado, len(filas))):
            yield 1, r, self._una_fila(filas[r])
            if r + 1 < len(filas):
                yield 2, r + 1, self._dos_filas(filas[r], filas[r + 1])

    def tiene_encabezado(self) -> bool:
        """Whether the first rows hold the headers of the meta number and its description."""
        return any(set(OBLIGATORIOS) <= {c.nombre for c in self._reconocidas(textos).values() if c.tipo == "campo"}
                   for _, _, textos in self._candidatos())

    def encabezado(self) -> _Encabezado:
        filas = self.hoja.filas
        if all(_vacia(v) for fila in filas for v in fila):
            raise ErrorPlan(self.archivo, self.en_hoja() + tr("la hoja está vacía: se esperaban los encabezados del Plan Indicativo "
                                                              "y una fila por meta"))
        candidatos = [(len({c.clave for c in self._reconocidas(textos).values()}), -n, -r, textos)  # (recognized, -rows, -index, headers)
                      for n, r, textos in self._candidatos()]
        reconocidas, _, menos_fila, textos = max(candidatos, key=lambda c: c[:3])
        if reconocidas == 0:
            raise ErrorPlan(self.archivo, self.en_hoja() + tr(
                "no se encontró la fila de encabezados en las primeras {n} filas: se esperaba una fila con el número de la meta "
                "(un encabezado de: {numero}) y su descripción (uno de: {descripcion})",
                n=self.t.filas_de_encabezado, numero=self._esperados("numero"), descripcion=self._esperados("descripcion")))
        fila = -menos_fila
        for r in range(fila + 1):  # a header (or a year above it) that is a formula without its value would be read wrong
            for i in range(len(filas[r])):
                self.valor(filas[r], r, i)
        columnas = self._sin_repetidas(self._reconocidas(textos), textos, fila)
        nombres = {c.nombre for c in columnas.values() if c.tipo == "campo"}
        for campo in OBLIGATORIOS:
            if campo not in nombres:
                raise ErrorPlan(self.archivo, self.en_hoja() + tr(
                    "falta la columna {campo} en la fila de encabezados (fila {fila}): se esperaba uno de estos encabezados: {esperados}",
                    campo=self._nombre_campo(campo), fila=fila + 1, esperados=self._esperados(campo)))
        for campo, texto in self.reconocedor.propias.items():  # a column the configuration names must be there
            if campo in nombres or (campo in ("programacion", "total") and any(c.tipo == campo for c in columnas.values())):
                continue
            raise ErrorPlan(self.archivo, self.en_hoja() + tr(
                "no está la columna '{texto}' que 'columnas.{campo}' de la configuración nombra (fila de encabezados {fila})",
                texto=texto, campo=campo, fila=fila + 1))
        return _Encabezado(fila, columnas, textos, self._ajenas(columnas, textos))

    @staticmethod
    def _ajenas(columnas: dict[int, _Columna], textos: dict[int, str]) -> dict[int, tuple[int, ...]]:
        """By year, the columns of that year next to its resource columns (a run of them, from a source or the total)
        that are none of the forms the reader knows: a source with a name it does not know, most likely."""
        ajenas: dict[int, set[int]] = {}
        for i, c in columnas.items():
            if c.tipo not in ("fuente", "total") or c.ano is None:
                continue
            for paso in (-1, 1):
                j = i + paso
                while j in textos and (j not in columnas or (columnas[j].tipo in ("fuente", "total") and columnas[j].ano == c.ano)):
                    if j not in columnas:
                        if _ano_de(textos[j]) != c.ano:
                            break
                        ajenas.setdefault(c.ano, set()).add(j)
                    j += paso
        return {ano: tuple(sorted(en)) for ano, en in sorted(ajenas.items())}

    def _sin_repetidas(self, columnas: dict[int, _Columna], textos: dict[int, str], fila: int) -> dict[int, _Columna]:
        """One column per field: the header listed first in the table wins; two columns with equal claim are an error.
        Sources are the exception: two columns of one kind of source ('SGP Alimentación escolar', 'SGP Primera
        infancia') are two sources of the year's total, and both are read."""
        elegidas: dict[tuple[str, str, int | None] | str, int] = {}
        for i, c in sorted(columnas.items()):
            if c.tipo == "fuente":  # each by its own header; the same header twice is still a repeated column
                clave = " ".join(str(textos[i]).split())
                if clave in elegidas:
                    raise self.error(self.celda(fila, i), tr("la columna '{texto}' está repetida (también en la columna {otra}): "
                                                             "no se sabe cuál leer", texto=textos[i], otra=letra(elegidas[clave] + 1)))
                elegidas[clave] = i
                continue
            otra = elegidas.get(c.clave)
            if otra is None or c.prioridad < columnas[otra].prioridad:
                elegidas[c.clave] = i
            elif c.prioridad == columnas[otra].prioridad:
                raise self.error(self.celda(fila, i), tr("la columna '{texto}' está repetida (también en la columna {otra}): "
                                                         "no se sabe cuál leer", texto=textos[i], otra=letra(otra + 1)))
        return {i: columnas[i] for i in sorted(elegidas.values())}

    def _esperados(self, campo: str) -> str:
        variantes = ([self.reconocedor.propias[campo]] if campo in self.reconocedor.propias
                     else next(v for c, v in self.t.campos.items() if c == campo))
        return ", ".join(f"'{v}'" for v in variantes)

    @staticmethod
    def _nombre_campo(campo: str) -> str:
        return {"numero": tr("del número de la meta"), "descripcion": tr("de la descripción de la meta")}.get(campo, campo)

    # the values --------------------------------------------------------------------------------------------
    def cifra(self, valor: Any, celda: Celda, que: str, np_es_valor: bool = False) -> tuple[float | None, bool]:
        """A number cell: (the number or None when empty or 'no aplica', whether it says NP)."""
        if _vacia(valor):
            return None, False
        if isinstance(valor, (bool, datetime.date, datetime.time, datetime.timedelta)):
            raise self.error(celda, tr("se esperaba un número en {que} (se encontró {valor}, que no es un número)",
                                       que=que, valor=_texto(valor)))
        if isinstance(valor, (int, float)):
            if not math.isfinite(valor):
                raise self.error(celda, tr("se esperaba un número en {que} (se encontró {valor})", que=que, valor=valor))
            return float(valor), False
        texto = " ".join(str(valor).split())
        if _clave(texto) in self.no_programado:
            return None, np_es_valor
        sin_signo = re.sub(r"^(?:cop\s*)?\$\s*", "", texto, flags=re.IGNORECASE)
        negativo = sin_signo.startswith(("-", "−"))
        lectura = leer_cantidad(sin_signo.lstrip("-−").strip())
        if lectura.valor is None:
            pista = tr(" o NP si no se programó") if np_es_valor else ""
            raise self.error(celda, tr("se esperaba un número en {que}{pista} (se encontró el texto '{texto}')",
                                       que=que, pista=pista, texto=texto))
        return (-lectura.valor if negativo else lectura.valor), False

    def leer(self) -> PlanIndicativo:
        cabeza = self.encabezado()
        campos = {c.nombre: i for i, c in cabeza.columnas.items() if c.tipo == "campo"}
        anuales = {i: c for i, c in cabeza.columnas.items() if c.tipo != "campo"}
        totales = {_clave(t) for t in self.t.filas_de_totales}
        metas: list[MetaPlan] = []
        for r in range(cabeza.fila + 1, len(self.hoja.filas)):
            fila = self.hoja.filas[r]
            numero = self.valor(fila, r, campos["numero"])
            if _vacia(numero) or any(_clave(numero) == t or _clave(numero).startswith(t + " ") for t in totales):
                continue
            metas.append(self._meta(r, fila, campos, anuales, cabeza))
        avisos = (*self.hoja.avisos, *self._repetidas(metas), *self._sin_recursos(cabeza), *self._sin_programar(metas, anuales))
        return PlanIndicativo(self.archivo, self.hoja.nombre, tuple(metas), con_responsable="responsable" in campos, avisos=avisos)

    def _sin_recursos(self, cabeza: _Encabezado) -> tuple[str, ...]:
        """What the plan's resources allow: nothing to check without a source or total column (PLN008, PLN009 are off); a
        year whose resources have a column the reader does not know is not summed (PLN009 keeps silent about it)."""
        por_ano = [i for i, texto in cabeza.textos.items() if i not in cabeza.columnas and _ano_de(texto) is not None]
        vistas = ", ".join(f"'{cabeza.textos[i]}'" for i in por_ano[:12]) + (", …" if len(por_ano) > 12 else "")
        if not any(c.tipo in ("fuente", "total") for c in cabeza.columnas.values()):
            return (tr("{archivo}: {hoja}no se reconoció ninguna columna de recursos por año (fuentes ni total; fila de encabezados "
                       "{fila}{vistas}): no se revisa la inversión contra el plan (PLN008, PLN009); si el plan tiene recursos, "
                       "nombre su columna en la configuración (columnas: {{total: \"…\"}} o {{fuentes: [\"…\"]}})",
                       archivo=self.archivo, hoja=self.en_hoja(), fila=cabeza.fila + 1,
                       vistas=tr("; columnas por año que no se reconocieron: {columnas}", columnas=vistas) if por_ano else ""),)
        if not cabeza.ajenas:
            return ()
        ajenas = [i for en in cabeza.ajenas.values() for i in en]
        return (tr("{archivo}: {hoja}entre los recursos de {anos} hay columnas que no son una fuente conocida, el total ni la "
                   "programación: {columnas} (fila de encabezados {fila}); no se revisa que las fuentes de esos años sumen su total "
                   "(PLN009); si son fuentes, nómbrelas en la configuración (columnas: {{fuentes: [\"…\"]}}, sin el año)",
                   archivo=self.archivo, hoja=self.en_hoja(), anos=", ".join(str(a) for a in cabeza.ajenas),
                   columnas=", ".join(f"'{cabeza.textos[i]}'" for i in ajenas), fila=cabeza.fila + 1),)

    def _sin_programar(self, metas: list[MetaPlan], anuales: Mapping[int, _Columna]) -> tuple[str, ...]:
        """The metas with an empty programming cell in a year the plan has a column for: neither a number nor NP, so a
        report whose period includes that year is not compared with the plan's programming (said once, not guessed as 0)."""
        anos = sorted({c.ano for c in anuales.values() if c.tipo == "programacion" and c.ano is not None})
        vacias = [(m.numero, [a for a in anos if a not in m.programacion]) for m in metas]
        vacias = [(numero, faltan) for numero, faltan in vacias if faltan]
        if not vacias:
            return ()
        lista = "; ".join(f"{numero} ({', '.join(str(a) for a in faltan)})" for numero, faltan in vacias[:15])
        return (tr("{archivo}: {hoja}{n} metas tienen vacía la programación de algún año (ni un número ni NP): {lista}{mas}; en un "
                   "periodo que incluye ese año no se compara lo programado (PLN005, PLN007) para esa meta",
                   archivo=self.archivo, hoja=self.en_hoja(), n=len(vacias), lista=lista,
                   mas=tr(" y {n} más", n=len(vacias) - 15) if len(vacias) > 15 else ""),)

    def _repetidas(self, metas: list[MetaPlan]) -> tuple[str, ...]:
        """A meta number in two rows: the reports are matched to the first, and the user is told which rows."""
        filas: dict[str, list[int]] = {}
        for m in metas:
            filas.setdefault(m.numero, []).append(m.fila.fila)
        return tuple(tr("{archivo}: la meta {numero} está en varias filas de la hoja '{hoja}' ({filas}); los informes se comparan "
                        "con la primera", archivo=self.archivo, numero=numero, hoja=self.hoja.nombre,
                        filas=", ".join(str(f) for f in en)) for numero, en in filas.items() if len(en) > 1)

    def _meta(self, r: int, fila: Fila, campos: Mapping[str, int], anuales: Mapping[int, _Columna], cabeza: _Encabezado) -> MetaPlan:
        def valor(i: int) -> Any:
            return self.valor(fila, r, i)

        celdas = {campo: self.celda(r, i) for campo, i in campos.items()}
        numero = _texto(valor(campos["numero"]))
        descripcion = valor(campos["descripcion"])
        if _vacia(descripcion):
            raise self.error(celdas["descripcion"], tr("la meta {numero} no tiene descripción (columna '{columna}')",
                                                       numero=numero, columna=cabeza.textos[campos["descripcion"]]))

        def texto(campo: str) -> str | None:
            return None if campo not in campos or _vacia(valor(campos[campo])) else _texto(valor(campos[campo]))

        def cifra(campo: str) -> float | None:
            if campo not in campos:
                return None
            return self.cifra(valor(campos[campo]), celdas[campo], f"'{cabeza.textos[campos[campo]]}'")[0]

        return MetaPlan(
            numero=numero, descripcion=_texto(descripcion), fila=Celda(self.hoja.nombre, r + 1),
            responsable=texto("responsable"), unidad=texto("unidad"), linea_base=cifra("linea_base"),
            meta_cuatrienio=cifra("meta_cuatrienio"), acumulacion=self._acumulacion(texto("acumulacion"), celdas.get("acumulacion")),
            programacion=self._programacion(r, fila, anuales, cabeza), recursos=self._recursos(r, fila, anuales, cabeza),
            celdas=celdas,
        )

    def _acumulacion(self, texto: str | None, celda: Celda | None) -> Acumulacion | None:
        if texto is None or celda is None:
            return None
        clave = _clave(texto)
        for tipo, valores in self.t.acumulacion.items():
            if clave in {_clave(v) for v in valores}:
                return Acumulacion(tipo)
        raise self.error(celda, tr("tipo de acumulación desconocido '{texto}' (se esperaba {valores})", texto=texto,
                                   valores=", ".join(v for valores in self.t.acumulacion.values() for v in valores)))

    def _programacion(self, r: int, fila: Fila, anuales: Mapping[int, _Columna], cabeza: _Encabezado) -> dict[int, Programado]:
        programacion: dict[int, Programado] = {}
        for i, c in anuales.items():
            if c.tipo != "programacion" or c.ano is None or _vacia(leida := self.valor(fila, r, i)):
                continue
            celda = self.celda(r, i)
            valor, np = self.cifra(leida, celda, f"'{cabeza.textos[i]}'", np_es_valor=True)
            programacion[c.ano] = Programado(valor, celda, no_programado=np)
        return dict(sorted(programacion.items()))

    def _recursos(self, r: int, fila: Fila, anuales: Mapping[int, _Columna], cabeza: _Encabezado) -> dict[int, Recursos]:
        fuentes: dict[int, dict[str, float]] = {}
        total: dict[int, tuple[float | None, Celda]] = {}
        for i, c in anuales.items():
            if c.tipo not in ("fuente", "total") or c.ano is None:
                continue
            celda = self.celda(r, i)
            valor = self.cifra(self.valor(fila, r, i), celda, f"'{cabeza.textos[i]}'")[0]
            if c.tipo == "total":
                total[c.ano] = (valor, celda)
            elif valor is not None:  # by the column's own header: two columns of one kind of source stay two
                fuentes.setdefault(c.ano, {})[" ".join(str(cabeza.textos[i]).split())] = valor
        recursos: dict[int, Recursos] = {}
        for ano in sorted(set(fuentes) | {a for a, (v, _) in total.items() if v is not None}):
            valor_total, celda_total = total.get(ano, (None, Celda(self.hoja.nombre, r + 1)))
            recursos[ano] = Recursos(fuentes.get(ano, {}), valor_total, celda_total, completas=ano not in cabeza.ajenas)
        return recursos

