"""Load report data files into the model, turning every input problem into a finding.

One bad file never stops the others, and one bad meta never hides the rest of its
report: the report is validated part by part, and what cannot be read is reported with
its file and line.  Input files are only ever read.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from auditor.entrada.formato import es_bloqueo_de_word, reconocer
from auditor.entrada.problemas import ENTRADA_CLAVE_REPETIDA, ENTRADA_ESTRUCTURA, ENTRADA_ILEGIBLE, ProblemaEntrada
from auditor.entrada.recorrido import Patrones, excluido, gitignores_de_arriba, leer_gitignore
from auditor.idioma import tr
from auditor.lectura.fuente import (
    ErrorFuente,
    MapaFuente,
    Ruta,
    decodificar,
    leer_documento,
    motivo_so,
    tipo_de_valor,
    ubicar_errores,
)
from auditor.modelo.campos import modelo_de
from auditor.modelo.informe import Informe, Meta

EXTENSIONES_DATOS = (".yaml", ".yml", ".json")
EXTENSIONES_DOCUMENTO = (".txt", ".md", ".docx")  # report documents, imported in memory (auditor.entrada.importar)
EXTENSIONES = EXTENSIONES_DATOS + EXTENSIONES_DOCUMENTO
TAMANO_MAXIMO_MB = 20.0  # a larger input is refused unread (configurable: tamano_maximo_mb in auditor.yaml)

@dataclass
class InformeCargado:
    """A report read from one file: the model (if any), where its values stand, its problems."""

    archivo: str
    informe: Informe | None
    mapa: MapaFuente = field(default_factory=MapaFuente)
    indices_metas: list[int] = field(default_factory=list)  # position in the file of each loaded meta
    problemas: list[ProblemaEntrada] = field(default_factory=list)
    ubicaciones: dict[int, str] = field(default_factory=dict)  # .docx: line -> "tabla 2, fila 1, celda 3"

    def ruta_meta(self, indice: int) -> Ruta:
        return ("metas", self.indices_metas[indice])


NOMBRES_CONFIGURACION = ("auditor.yaml", "auditor.yml")


# what auditor itself writes beside the reports (check --format json/sarif/markdown --output, the baseline):
# a later walk over the same directory must not read it back as a report
_SALIDA_PROPIA = re.compile(
    rb'\A\s*(?:<!-- auditor -->|\{\s*"\$schema"\s*:\s*"[^"]*sarif|\{\s*"version"\s*:\s*\d+\s*,\s*"tool"\s*:\s*\{\s*"name"\s*:\s*"auditor"'
    rb'|\{\s*"tipo"\s*:\s*"auditor-linea-base")'
)


_AUDITAR, _CALLAR, _OMITIR = "auditar", "callar", "omitir"

# a key of a report at the top of a YAML file ('entidad:', 'metas:') or anywhere in a JSON one ('"metas":')
_CLAVE_DE_INFORME = re.compile(rb'(?m)^(?:entidad|departamento|secretaria|periodo|fecha_corte|plan|metas|totales)\s*:'
                               rb'|"(?:entidad|departamento|secretaria|periodo|fecha_corte|plan|metas|totales)"\s*:')


# what auditor writes as text (--format text or rich, -q, in Spanish or English), saved beside the reports: its
# summary line, or a quiet finding line ('informe.yaml:12: error INV001 inversion.ejecutada: …')
_SALIDA_DE_TEXTO_PROPIA = re.compile(
    r"^\s*(?:Resumen|Summary):?\s+\d+\s+(?:hallazgos?|findings?)\b|^\s*(?:Metas con hallazgos|Targets with findings): \d+ (?:de|of) \d+"
    r"|^\S+:\d+: (?:error|advertencia|warning|info) [A-Z]{2,4}\d{3}\b",
    re.MULTILINE,
)


def _parece_informe(ruta: Path) -> bool:
    return _en_el_recorrido(ruta) == _AUDITAR


def _en_el_recorrido(ruta: Path) -> str:
    """What a directory walk does with a file: audit it, skip it silently (a README, a file auditor wrote: JSON,
    SARIF or markdown output, a baseline), or skip it and say so (a text file in none of the importer's layouts:
    notes beside the reports, or a report written in a layout the importer does not know).  A .docx is read."""
    nombre = ruta.name.lower()
    if nombre.startswith("readme."):
        return _CALLAR
    if nombre.endswith(".docx") or not ruta.is_file():
        return _AUDITAR  # a pipe or a link loop is never opened here (it would block): the loader says what it is
    try:
        with ruta.open("rb") as archivo:
            cabeza = archivo.read(2_000_000 if nombre.endswith((".txt", ".md")) else 65_536 if nombre.endswith(EXTENSIONES_DATOS) else 4_096)
    except OSError:
        return _AUDITAR  # let the loader report why it cannot be read
    if _SALIDA_PROPIA.match(cabeza.removeprefix(b"\xef\xbb\xbf")):
        return _CALLAR
    if nombre.endswith(EXTENSIONES_DATOS):
        # a data file with none of a report's keys at its top (a CI configuration, labels, a schema) is no report:
        # said, not read as a broken one
        return _AUDITAR if _CLAVE_DE_INFORME.search(cabeza) else _OMITIR
    if not nombre.endswith((".txt", ".md")):
        return _AUDITAR
    from auditor.entrada.importar import es_documento_de_informe  # the importer is loaded only for documents

    try:
        texto = decodificar(cabeza)
    except ErrorFuente:
        return _AUDITAR  # let the loader say what it is
    if es_documento_de_informe(texto):
        return _AUDITAR
    return _CALLAR if _SALIDA_DE_TEXTO_PROPIA.search(texto) else _OMITIR


@dataclass
class Descubiertos:
    """What a walk over the given paths found: the files to audit, the paths that do not exist (with why), and the
    text documents it skipped because they follow no layout of the report (said, not audited)."""

    archivos: list[Path]
    faltantes: list[tuple[str, str]]
    omitidos: list[Path] = field(default_factory=list)


def descubrir(rutas: Iterable[str | os.PathLike[str]], excluir: Iterable[Path] = (),
              exclusiones: Sequence[Patrones] = ()) -> Descubiertos:
    """Files to audit under the given paths (directories recursively, sorted), and the paths that do not exist.

    In a directory walk, the tool's own files are skipped (auditor.yaml, the rule directories
    in `excluir`, what auditor wrote), and so are READMEs, hidden files and folders (a name that starts
    with '.'), what git ignores (the .gitignore files of the repository above and below; see `recorrido`)
    and what the patterns of `exclusiones` (``excluir:``, ``--exclude``) leave out; a text document that
    is not in any layout of the report is skipped too, and listed in `omitidos` so that the run says so.
    A file named on the command line is always audited.
    """
    propios = {_real(Path(p)) for p in excluir}
    archivos: list[Path] = []
    faltantes: list[tuple[str, str]] = []
    omitidos: list[Path] = []
    for ruta in rutas:
        p = Path(ruta)
        if p.is_dir():
            encontrados: list[Path] = []
            for archivo in _recorrer(p, propios, exclusiones):
                que_hacer = _en_el_recorrido(archivo)
                if que_hacer == _AUDITAR:
                    encontrados.append(archivo)
                elif que_hacer == _OMITIR:
                    omitidos.append(archivo)
            archivos.extend(sorted(encontrados))
        elif p.is_file() or p.exists() or p.is_symlink():  # a pipe or a link loop: the loader says what it is
            archivos.append(p)
        else:
            faltantes.append((str(ruta), tr("no existe")))
    vistos: set[Path] = set()
    unicos = []
    for a in archivos:
        clave = _real(a)
        if clave not in vistos:
            vistos.add(clave)
            unicos.append(a)
    return Descubiertos(unicos, faltantes, sorted(set(omitidos) - set(unicos)))


def _recorrer(carpeta: Path, propios: set[Path], exclusiones: Sequence[Patrones]) -> Iterator[Path]:
    """The candidate files of a walk over `carpeta` (a directory named on the command line, itself never left out):
    the report extensions, without the tool's own files, hidden names, git-ignored or excluded paths."""
    absoluta = Path(os.path.abspath(carpeta))
    de_arriba = gitignores_de_arriba(absoluta)
    if excluido(de_arriba, absoluta, carpeta=True):
        de_arriba = []  # a folder git ignores, named on the command line: its own .gitignore files still count
    cadenas: dict[str, list[Patrones]] = {}
    for raiz, carpetas, nombres in os.walk(carpeta, followlinks=False):
        raiz_absoluta = Path(os.path.abspath(raiz))
        superior = de_arriba if raiz == str(carpeta) else cadenas[os.path.dirname(raiz)]
        propio = leer_gitignore(raiz_absoluta)
        cadena = [*superior, propio] if propio is not None else superior
        cadenas[raiz] = cadena

        def fuera(nombre: str, es_carpeta: bool, cadena: list[Patrones] = cadena, raiz_absoluta: Path = raiz_absoluta) -> bool:
            completa = raiz_absoluta / nombre
            return excluido(cadena, completa, es_carpeta) or excluido(exclusiones, completa, es_carpeta)

        carpetas[:] = sorted(c for c in carpetas if not c.startswith(".") and _real(Path(raiz) / c) not in propios
                             and not fuera(c, True))
        for n in nombres:
            archivo = Path(raiz) / n
            if (n.lower().endswith(EXTENSIONES) and not n.startswith(".") and n.lower() not in NOMBRES_CONFIGURACION
                    and not es_bloqueo_de_word(n) and _real(archivo) not in propios and not fuera(n, False)):
                yield archivo


def _real(ruta: Path) -> Path:
    """The path with its links resolved; a link loop does not raise (the loader reports it)."""
    return Path(os.path.realpath(ruta))


def rechazo_previo(ruta: Path, tamano_maximo_mb: float) -> str | None:
    """Why a path is not read at all: not a regular file (a pipe would block the run, a device
    never ends) or larger than the limit."""
    datos = ruta.stat()
    if not stat.S_ISREG(datos.st_mode):
        return tr("no es un archivo regular (¿una tubería, un dispositivo o un socket?): no se lee")
    if datos.st_size > tamano_maximo_mb * 1024 * 1024:
        return tr("el archivo mide {tamano:.1f} MB, más que el límite de {limite:g} MB: no se lee "
                  "(el límite se cambia con 'tamano_maximo_mb' en auditor.yaml)",
                  tamano=datos.st_size / (1024 * 1024), limite=tamano_maximo_mb)
    return None


def cargar_archivo(ruta: str | os.PathLike[str], nombre: str | None = None,
                   tamano_maximo_mb: float = TAMANO_MAXIMO_MB) -> InformeCargado:
    """Read and validate one file. Never raises for bad content: problems are recorded."""
    nombre = nombre or str(ruta)
    contenido = leer_archivo(ruta, nombre, tamano_maximo_mb)
    return contenido if isinstance(contenido, InformeCargado) else cargar_bytes(contenido, nombre)


def leer_archivo(ruta: str | os.PathLike[str], nombre: str, tamano_maximo_mb: float = TAMANO_MAXIMO_MB) -> bytes | InformeCargado:
    """The bytes of one file, or, when it is not read (not a regular file, over the limit, unreadable), the
    unread report that says why."""
    try:
        rechazo = rechazo_previo(Path(ruta), tamano_maximo_mb)
        if rechazo is not None:
            return InformeCargado(nombre, None, problemas=[ProblemaEntrada(ENTRADA_ILEGIBLE, 1, rechazo)])
        return Path(ruta).read_bytes()
    except OSError as error:
        return InformeCargado(nombre, None, problemas=[ProblemaEntrada(ENTRADA_ILEGIBLE, 1, tr("no se puede leer el archivo: {motivo}", motivo=motivo_so(error)))])


def cargar_bytes(contenido: bytes, nombre: str) -> InformeCargado:
    formato = reconocer(contenido, nombre)  # by content: a PDF or a .doc named .yaml, a .docx named .txt
    if formato.rechazo is not None:
        return InformeCargado(nombre, None, problemas=[ProblemaEntrada(ENTRADA_ILEGIBLE, 1, formato.rechazo)])
    if formato.docx or nombre.lower().endswith(EXTENSIONES_DOCUMENTO):
        return importar_documento(contenido, nombre)
    try:
        documento = leer_documento(decodificar(contenido), "JSON" if nombre.lower().endswith(".json") else "YAML")
    except ErrorFuente as error:
        return InformeCargado(nombre, None, problemas=[ProblemaEntrada(ENTRADA_ILEGIBLE, error.linea, error.mensaje)])
    cargado = InformeCargado(nombre, None, mapa=documento.mapa)
    for p in documento.problemas:
        cargado.problemas.append(
            ProblemaEntrada(ENTRADA_CLAVE_REPETIDA, p.linea, p.mensaje, _campo(p.ruta), str(p.ruta[-1]), _numero_meta(documento.datos, p.ruta))
        )
    _validar(documento.datos, cargado)
    return cargado


def importar_documento(contenido: bytes, nombre: str) -> InformeCargado:
    """A report document (text export or .docx): imported in memory, then validated like a
    data file; findings point to the lines of the document itself."""
    from auditor.entrada.importar import importar_bytes  # imported here: the importer uses this module's ids

    try:
        borrador = importar_bytes(contenido, nombre)
    except ErrorFuente as error:
        return InformeCargado(nombre, None, problemas=[ProblemaEntrada(ENTRADA_ILEGIBLE, error.linea, error.mensaje)])
    cargado = InformeCargado(nombre, None, mapa=borrador.mapa, ubicaciones=borrador.ubicaciones)
    cargado.problemas.extend(borrador.problemas)
    _validar(borrador.datos, cargado)
    return cargado


def _numero_meta(datos: Any, ruta: Ruta) -> str | None:
    """The number of the meta a path lies in, read from the raw data (before validation)."""
    if len(ruta) > 1 and ruta[0] == "metas" and isinstance(ruta[1], int) and isinstance(datos, dict):
        metas = datos.get("metas")
        if isinstance(metas, list) and ruta[1] < len(metas) and isinstance(metas[ruta[1]], dict):
            numero = metas[ruta[1]].get("numero")
            return None if numero is None else str(numero)
    return None


def _validar(datos: Any, cargado: InformeCargado) -> None:
    mapa = cargado.mapa
    if not isinstance(datos, dict):
        cargado.problemas.append(
            ProblemaEntrada(ENTRADA_ESTRUCTURA, mapa.linea(()), tr("se esperaba un informe (un mapa de claves como 'entidad', 'metas'), no {tipo}", tipo=tipo_de_valor(datos)))
        )
        return
    metas_crudas = datos.get("metas", [])
    cabecera = {k: v for k, v in datos.items() if k != "metas"}
    try:
        informe = Informe.model_validate(cabecera)
    except ValidationError as error:
        cargado.problemas.extend(_traducir(error, (), Informe, mapa))
        return
    if not isinstance(metas_crudas, list):
        cargado.problemas.append(ProblemaEntrada(ENTRADA_ESTRUCTURA, mapa.linea(("metas",)), tr("'metas' debe ser una lista de metas"), "metas"))
        metas_crudas = []
    metas: list[Meta] = []
    for i, cruda in enumerate(metas_crudas):
        try:
            metas.append(Meta.model_validate(cruda))
        except ValidationError as error:
            numero = _numero_meta(datos, ("metas", i))
            for problema in _traducir(error, ("metas", i), Meta, mapa):
                cargado.problemas.append(replace(problema, meta=numero))
            continue
        cargado.indices_metas.append(i)
    cargado.informe = informe.model_copy(update={"metas": metas})
    cargado.informe._metas_no_leidas = [
        _numero_meta(datos, ("metas", i)) for i in range(len(metas_crudas)) if i not in cargado.indices_metas
    ]


def _traducir(error: ValidationError, base: Ruta, modelo: type[BaseModel], mapa: MapaFuente) -> Iterator[ProblemaEntrada]:
    """Pydantic's errors, in Spanish, at the line of the offending key or value."""
    for u in ubicar_errores(error, mapa, base):
        campo = _campo(u.ruta)
        if u.tipo == "extra_forbidden":
            sugerencia = difflib.get_close_matches(u.clave, _campos_validos(modelo, u.loc[:-1]), n=1, cutoff=0.6)
            pista = tr("; ¿quiso decir '{pista}'?", pista=sugerencia[0]) if sugerencia else ""
            validos = ", ".join(_campos_validos(modelo, u.loc[:-1]))
            yield ProblemaEntrada(
                ENTRADA_ESTRUCTURA, u.linea, tr("campo desconocido '{clave}'{pista} (campos válidos: {validos})", clave=u.clave, pista=pista, validos=validos),
                campo, u.clave
            )
        elif u.tipo == "missing":
            yield ProblemaEntrada(ENTRADA_ESTRUCTURA, u.linea, tr("falta el campo obligatorio '{campo}'", campo=u.clave), campo)
        else:
            yield ProblemaEntrada(
                ENTRADA_ESTRUCTURA, u.linea, f"'{campo}': {u.descripcion}", campo, u.entrada if isinstance(u.entrada, str) else None,
            )


def _campo(ruta: Ruta) -> str:
    partes: list[str] = []
    for p in ruta:
        if isinstance(p, int):
            partes[-1:] = [f"{partes[-1] if partes else ''}[{p}]"]
        else:
            partes.append(str(p))
    return ".".join(partes)


def _campos_validos(modelo: type[BaseModel], loc: Ruta) -> list[str]:
    """The field names accepted at `loc` below `modelo` (for 'did you mean')."""
    actual: Any = modelo
    for parte in loc:
        if isinstance(parte, int):
            continue
        campo = actual.model_fields.get(parte) if isinstance(actual, type) and issubclass(actual, BaseModel) else None
        if campo is None:
            return []
        actual = modelo_de(campo.annotation)
    if isinstance(actual, type) and issubclass(actual, BaseModel):
        return list(actual.model_fields)
    return []
