"""Completeness of a report: for each meta, whether each section of the template was answered.

A section is one of:

- ``hecho``: answered;
- ``vacio``: blank (the template's question with no answer, or a number not given);
- ``plantilla``: the template's instruction or a filler ('Sin datos', 'XXX') left in place of the answer;
- ``no_aplica``: the report says 'No aplica', or the template has no such section (the narrative template
  does not separate ¿Con quién? and ¿Cuándo?, nor has a photo record).

The detection is the rules': the pattern sets ``plantilla``, ``relleno`` and ``no_aplica`` (with an office's
own phrases added to them) and `fields.es_vacio`, so a cell agrees with the findings of PLH, SEC, INV and BEN.
It works on the model, after loading; it never reads files, prints or knows about findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from auditor.lectura.patrones import ConjuntoPatrones
from auditor.modelo import nombres
from auditor.modelo.campos import es_vacio
from auditor.modelo.informe import Informe, Meta


class Estado(str, Enum):
    HECHO = "hecho"
    VACIO = "vacio"
    PLANTILLA = "plantilla"
    NO_APLICA = "no_aplica"


ESTADOS: tuple[Estado, ...] = (Estado.HECHO, Estado.VACIO, Estado.PLANTILLA, Estado.NO_APLICA)


@dataclass(frozen=True)
class Seccion:
    clave: str  # stable identifier (csv and json columns)
    nombre: str  # the template's heading, in Spanish (shown through idioma.tr)
    corto: str  # a short heading for narrow tables, in Spanish
    campo: str  # the field of the data the section reads, as findings name it


# The template's sections and their headings are `auditor.modelo.nombres`' (one place names the fields for people).
_CLAVES = ("logro", "avance", "inversion", "beneficiarios", "como", "con_quien", "cuando", "impacto", "localizacion", "registro_fotografico")
SECCIONES: tuple[Seccion, ...] = tuple(Seccion(clave, nombre, corto, campo)
                                       for clave, (campo, nombre, corto) in zip(_CLAVES, nombres.SECCIONES, strict=True))


@dataclass(frozen=True)
class Patrones:
    """The pattern sets the rules use to tell template text, filler and 'No aplica'."""

    plantilla: ConjuntoPatrones
    relleno: ConjuntoPatrones
    no_aplica: ConjuntoPatrones

    @classmethod
    def del_catalogo(cls, patrones: Mapping[str, ConjuntoPatrones]) -> Patrones:
        return cls(patrones["plantilla"], patrones["relleno"], patrones["no_aplica"])

    def de_texto(self, texto: str | None) -> Estado:
        """The state of one answer written as text."""
        if es_vacio(texto):
            return Estado.VACIO
        if self.plantilla.contiene(texto) or self.relleno.contiene(texto):
            return Estado.PLANTILLA
        if self.no_aplica.contiene(texto):
            return Estado.NO_APLICA
        return Estado.HECHO


def _con_numero(valor: object) -> bool:
    return not es_vacio(valor)


def _logro(meta: Meta, p: Patrones, _: Informe) -> Estado:
    estado = p.de_texto(meta.logro.texto)
    if estado is Estado.VACIO and _con_numero(meta.logro.cantidad):
        return Estado.HECHO
    return estado


def _avance(meta: Meta, _p: Patrones, _i: Informe) -> Estado:
    if _con_numero(meta.cumplimiento_periodo) or _con_numero(meta.avance_cuatrienio):
        return Estado.HECHO
    return Estado.VACIO


def _inversion(meta: Meta, p: Patrones, _: Informe) -> Estado:
    """Answered when the executed amount is given (an explicit 0 is an answer, as for INV001)."""
    if _con_numero(meta.inversion.ejecutada):
        return Estado.HECHO
    estado = p.de_texto(meta.inversion.texto)
    return estado if estado in (Estado.PLANTILLA, Estado.NO_APLICA) else Estado.VACIO


def _beneficiarios(meta: Meta, p: Patrones, _: Informe) -> Estado:
    """As BEN001: a count answers it; otherwise the description decides (a description without count is an answer)."""
    if _con_numero(meta.beneficiarios.total):
        return Estado.HECHO
    return p.de_texto(meta.beneficiarios.descripcion)


def _texto(leer: Callable[[Meta], str | None], solo_tabular: bool = False) -> Callable[[Meta, Patrones, Informe], Estado]:
    def estado(meta: Meta, p: Patrones, informe: Informe) -> Estado:
        resultado = p.de_texto(leer(meta))
        if resultado is Estado.VACIO and solo_tabular and informe.plantilla != "tabular":
            return Estado.NO_APLICA  # the narrative template does not ask this question on its own (SEC002)
        return resultado

    return estado


def _localizacion(meta: Meta, p: Patrones, _: Informe) -> Estado:
    """Template text in the description counts (PLH001) even when municipalities are listed."""
    estado = p.de_texto(meta.localizacion.texto)
    if estado is Estado.PLANTILLA:
        return estado
    if any(not es_vacio(m) for m in meta.localizacion.municipios):
        return Estado.HECHO
    return estado


def _fotos(meta: Meta, p: Patrones, informe: Informe) -> Estado:
    leyendas = [t for t in meta.registro_fotografico if not es_vacio(t)]
    if not leyendas:
        return Estado.VACIO if informe.plantilla == "tabular" else Estado.NO_APLICA
    estados = {p.de_texto(t) for t in leyendas}
    return Estado.HECHO if Estado.HECHO in estados else min(estados, key=ESTADOS.index)


_LECTORES: dict[str, Callable[[Meta, Patrones, Informe], Estado]] = {
    "logro": _logro,
    "avance": _avance,
    "inversion": _inversion,
    "beneficiarios": _beneficiarios,
    "como": _texto(lambda m: m.ejecucion.como),
    "con_quien": _texto(lambda m: m.ejecucion.con_quien, solo_tabular=True),
    "cuando": _texto(lambda m: m.ejecucion.cuando, solo_tabular=True),
    "impacto": _texto(lambda m: m.impacto),
    "localizacion": _localizacion,
    "registro_fotografico": _fotos,
}


@dataclass(frozen=True)
class FilaMeta:
    """One meta: its number, its name and the state of each section, in the order of SECCIONES."""

    numero: str
    nombre: str
    estados: tuple[Estado, ...]

    def estado(self, clave: str) -> Estado:
        return self.estados[[s.clave for s in SECCIONES].index(clave)]

    def cuenta(self) -> Counter[Estado]:
        return Counter(self.estados)


def _sumar(cuentas: Iterable[Counter[Estado]]) -> Counter[Estado]:
    total: Counter[Estado] = Counter()
    for c in cuentas:
        total.update(c)
    return total


@dataclass(frozen=True)
class CompletitudInforme:
    """The matrix of one report: metas x sections."""

    secretaria: str
    entidad: str
    plantilla: str
    filas: tuple[FilaMeta, ...]

    def cuenta(self) -> Counter[Estado]:
        return _sumar(f.cuenta() for f in self.filas)


def completitud(informe: Informe, patrones: Patrones) -> CompletitudInforme:
    filas = tuple(
        FilaMeta(meta.etiqueta, meta.nombre, tuple(_LECTORES[s.clave](meta, patrones, informe) for s in SECCIONES))
        for meta in informe.metas
    )
    return CompletitudInforme(informe.secretaria, informe.entidad, informe.plantilla, filas)


def porcentaje_completo(cuenta: Counter[Estado]) -> float | None:
    """Answered sections over the sections that apply (None when none applies)."""
    aplican = sum(n for e, n in cuenta.items() if e is not Estado.NO_APLICA)
    return None if aplican == 0 else 100.0 * cuenta.get(Estado.HECHO, 0) / aplican


@dataclass
class TotalSecretaria:
    secretaria: str
    archivos: list[str] = field(default_factory=list)
    metas: int = 0
    cuenta: Counter[Estado] = field(default_factory=Counter)


def por_secretaria(informes: Iterable[tuple[str, CompletitudInforme]]) -> list[TotalSecretaria]:
    """Totals per secretaría over (file, matrix) pairs: a secretaría may have several report files. Sorted by name."""
    totales: dict[str, TotalSecretaria] = {}
    for archivo, c in informes:
        t = totales.setdefault(c.secretaria, TotalSecretaria(c.secretaria))
        t.archivos.append(archivo)
        t.metas += len(c.filas)
        t.cuenta.update(c.cuenta())
    return [totales[s] for s in sorted(totales)]
