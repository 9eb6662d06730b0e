"""Places: Colombia's municipalities (DANE DIVIPOLA) and how reports write them.

The list ships inside the package (``auditor/datos/divipola.csv``, see its README) and is
read once per process, on first use.  Names are compared the way a reviewer reads them:
accents, case, punctuation and spacing do not matter ("CUCUTA", "Cúcuta", "cúcuta"), and a
short list of common names maps to the official ones ("Cúcuta" is 54001 "San José de
Cúcuta", "Salazar de las Palmas" is 54660 "Salazar").

Four services for the importer and the rules:

- `Divipola.leer` reads one name written where a municipality is expected (the items of
  ``localizacion.municipios``), with an optional department after it ("Tabio, Cundinamarca").
- `Divipola.sugerir` proposes the closest real names for one that is not in the list.
- `Divipola.menciones` finds the municipalities a free text names (``localizacion.texto``).
  Prose also names departments, regions ("región del Catatumbo"), corregimientos ("la
  Gabarra"), countries and venues ("Jardín Plaza", "Cafés de Colombia Expo"): a name of
  another department counts as a place only with evidence that it is one (see `menciones`).
- `leer_lugares` (`Divipola.lugares`) reads each place a text names with its kind (municipio,
  corregimiento, vereda, barrio, ...) and its municipality when the text says it; the importer's
  list of municipalities and `menciones` both come from it, so a corregimiento or a vereda is
  never taken for a municipality ("corregimiento de Versalles, municipio de Tibú").
"""

from __future__ import annotations

import bisect
import csv
import difflib
import importlib.resources
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from auditor.lectura.patrones import normalizar
from auditor.lectura.vocabulario import derivado, generacion
from auditor.lectura.vocabulario import lugares as lugares_vocabulario

_ARCHIVO_DIVIPOLA = "divipola.csv"
_ARCHIVO_ALIAS = "alias_lugares.csv"
_SUGERENCIAS_GUARDADAS = 4096  # `Divipola.sugerir` answers kept (a few hundred bytes each); then it starts over


_NO_PALABRA = re.compile(r"[^\w]+|_")


def clave(texto: str) -> str:
    """The text normalized as every reader does (`patrones.normalizar`: accent-free, lower case, single-spaced,
    without the characters that show nothing) with punctuation as space: 'San José de CÚCUTA.' -> 'san jose de cucuta'."""
    return " ".join(_NO_PALABRA.sub(" ", normalizar(texto)).split())


def compacta(texto: str) -> str:
    """`clave` without spaces: 'Villacaro' and 'Villa Caro' are the same name."""
    return clave(texto).replace(" ", "")


@dataclass(frozen=True)
class Municipio:
    """One DIVIPOLA entry: DANE code, official name and department."""

    codigo: str
    nombre: str
    departamento: str
    cod_dpto: str

    @property
    def capital(self) -> bool:
        """Department capitals have the code ending in 001 (Bogotá's 11001 included)."""
        return self.codigo.endswith("001")

    def __str__(self) -> str:
        return f"{self.nombre} ({self.departamento})"


class Clase(str, Enum):
    """What a name written in a report turned out to be."""

    MUNICIPIO = "municipio"  # a municipality of the report's department
    FUERA = "fuera"  # a municipality of another department only
    DEPARTAMENTO = "departamento"  # a department, not a municipality
    DESCONOCIDO = "desconocido"  # not in DIVIPOLA


@dataclass(frozen=True)
class Lectura:
    """How one written name reads against DIVIPOLA, given the report's department."""

    texto: str
    clase: Clase
    municipios: tuple[Municipio, ...] = ()  # the municipalities it names (several when ambiguous)
    departamento: str | None = None  # the department it names or is qualified with ("Tabio, Cundinamarca")


@dataclass(frozen=True)
class Mencion:
    """A place named in a free text: where, as written, and how it reads."""

    inicio: int
    fin: int
    lectura: Lectura
    en_lista: bool  # it is an item of "municipio(s) de ...": something that must be a municipality


# --- the data -------------------------------------------------------------------------------------

def _lineas(nombre: str) -> list[str]:
    texto = (importlib.resources.files("auditor") / "datos" / nombre).read_text(encoding="utf-8")
    return [linea for linea in texto.splitlines() if linea.strip() and not linea.startswith("#")]


def _filas(nombre: str, columnas: tuple[str, ...]) -> Iterator[dict[str, str]]:
    lector = csv.DictReader(_lineas(nombre))
    if tuple(lector.fieldnames or ()) != columnas:
        raise ValueError(f"auditor/datos/{nombre}: se esperaban las columnas {', '.join(columnas)}")
    yield from lector


@dataclass
class Divipola:
    """The municipalities and departments, indexed by normalized name."""

    municipios: list[Municipio]
    alias: list[tuple[str, str, str]] = field(default_factory=list)  # (tipo, codigo, alias)
    _por_nombre: dict[str, list[Municipio]] = field(default_factory=dict, init=False, repr=False)
    _por_compacta: dict[str, list[Municipio]] = field(default_factory=dict, init=False, repr=False)
    _departamentos: dict[str, str] = field(default_factory=dict, init=False, repr=False)  # clave -> official name
    _del_departamento: dict[str, list[Municipio]] = field(default_factory=dict, init=False, repr=False)
    _nombres_por_departamento: dict[str, dict[str, list[Municipio]]] = field(default_factory=dict, init=False, repr=False)
    _todos_los_nombres: dict[str, list[Municipio]] = field(default_factory=dict, init=False, repr=False)
    _usual: dict[str, str] = field(default_factory=dict, init=False, repr=False)  # code -> shorter common name
    _letras: dict[str, Counter[str]] = field(default_factory=dict, init=False, repr=False)  # name key -> its letters (`sugerir`, on first use)
    _largos: set[int] = field(default_factory=set, init=False, repr=False)  # the lengths of the name keys (`sugerir`)
    _sugeridas: dict[tuple[str, str | None, float, int, bool, int | None], tuple[Municipio, ...]] = field(
        default_factory=dict, init=False, repr=False)  # `sugerir`'s answers
    _leidos: dict[str, tuple[Lugar, ...]] = field(default_factory=dict, init=False, repr=False)  # `lugares` of short texts
    _generacion: int = field(default=-1, init=False, repr=False)  # of the vocabularies `_leidos` was read with
    _lecturas: dict[tuple[str, str | None], Lectura] = field(default_factory=dict, init=False, repr=False)  # `leer`'s answers
    max_palabras: int = field(default=1, init=False)

    def __post_init__(self) -> None:
        por_codigo = {m.codigo: m for m in self.municipios}
        nombre_dpto = {m.cod_dpto: m.departamento for m in self.municipios}
        claves_dpto: dict[str, str] = {}  # each department's name normalized once, not once per municipality
        for m in self.municipios:
            self._indexar(m.nombre, m)
            k_dpto = claves_dpto.get(m.departamento)
            if k_dpto is None:
                k_dpto = claves_dpto[m.departamento] = clave(m.departamento)
            self._departamentos[k_dpto] = m.departamento
            self._del_departamento.setdefault(m.departamento, []).append(m)
        for tipo, codigo, alias in self.alias:
            if tipo == "municipio" and codigo in por_codigo:
                self._indexar(alias, por_codigo[codigo])
                if codigo not in self._usual and len(alias) < len(por_codigo[codigo].nombre):
                    self._usual[codigo] = alias
            elif tipo == "departamento" and codigo in nombre_dpto:
                self._departamentos[clave(alias)] = nombre_dpto[codigo]
            else:
                raise ValueError(f"auditor/datos/{_ARCHIVO_ALIAS}: código desconocido {tipo} {codigo} ({alias})")
        for nombre_clave, lista in self._por_nombre.items():
            for m in lista:
                self._nombres_por_departamento.setdefault(m.departamento, {}).setdefault(nombre_clave, []).append(m)
            self._todos_los_nombres[nombre_clave] = lista
            self._largos.add(len(nombre_clave))
        self.max_palabras = max(len(k.split()) for k in [*self._por_nombre, *self._departamentos])

    def _indexar(self, nombre: str, m: Municipio) -> None:
        k_nombre = clave(nombre)  # `compacta(nombre)` is this without its spaces: the name is normalized once
        for indice, k in ((self._por_nombre, k_nombre), (self._por_compacta, k_nombre.replace(" ", ""))):
            lista = indice.setdefault(k, [])
            if m not in lista:
                lista.append(m)

    # -- lookups -----------------------------------------------------------------------------------

    def departamento(self, texto: str) -> str | None:
        """The official name of the department `texto` names ("NORTE DE SANTANDER", "Valle"), or None."""
        k = clave(texto)
        k = re.sub(r"^(?:el )?departamento (?:del? )?", "", k)
        return self._departamentos.get(k)

    def es_municipio(self, k: str) -> bool:
        """Whether a normalized name (`clave`) is a municipality's name or common name, of any department."""
        return k in self._por_nombre or k.replace(" ", "") in self._por_compacta

    def lugares(self, texto: str) -> list[Lugar]:
        """The places `texto` names, with their kind and municipality (`leer_lugares`, knowing the municipalities).

        A short text (an item of a list of municipalities: "Tibú", "Vereda La Laguna (Mutiscua)") is read once:
        two rules read every item of every meta's LOCALIZACIÓN, and the same names recur from report to report."""
        if len(texto) > _CORTO:
            return leer_lugares(texto, self.es_municipio)
        if self._generacion != generacion():  # an office's kinds of place read them otherwise
            self._leidos.clear()
            self._generacion = generacion()
        leidos = self._leidos.get(texto)
        if leidos is None:
            if len(self._leidos) >= _LEIDOS_MAXIMO:
                self._leidos.clear()
            leidos = self._leidos[texto] = tuple(leer_lugares(texto, self.es_municipio))
        return list(leidos)

    def nombre_usual(self, m: Municipio) -> str:
        """The name reports use: a shorter common name when there is one ("Cúcuta" for "San José de Cúcuta")."""
        return self._usual.get(m.codigo, m.nombre)

    def de_departamento(self, departamento: str) -> list[Municipio]:
        return list(self._del_departamento.get(departamento, []))

    def buscar(self, nombre: str) -> list[Municipio]:
        """Every municipality with that name or common name (accents, case and spacing ignored)."""
        k = clave(nombre)
        return list(self._por_nombre.get(k) or self._por_compacta.get(k.replace(" ", "")) or [])

    def leer(self, texto: str, departamento: str | None) -> Lectura:
        """Read a name written where a municipality is expected: 'Cúcuta', 'Tabio, Cundinamarca', 'Norte de Santander'.

        A short name is read once per department: three LUG rules and NOM001 read every item of every meta's
        LOCALIZACIÓN, and the same names recur from report to report (the reading is immutable)."""
        if len(texto) > _CORTO:
            return self._leer(texto, departamento)
        lectura = self._lecturas.get((texto, departamento))
        if lectura is None:
            if len(self._lecturas) >= _LEIDOS_MAXIMO:
                self._lecturas.clear()
            lectura = self._lecturas[(texto, departamento)] = self._leer(texto, departamento)
        return lectura

    def _leer(self, texto: str, departamento: str | None) -> Lectura:
        nombre, explicito = self._separar_departamento(texto)
        return self._clasificar(texto, nombre, explicito, departamento)

    def _nombre_corto(self, nombre: str, departamento: str | None) -> Municipio | None:
        """The one municipality of the report's department whose official name ends with 'de <nombre>', the short
        form offices write ('Betulia', 'Sincé', 'Tolú' for San Juan de Betulia, San Luis de Sincé, Santiago de Tolú)."""
        if departamento is None or len(nombre) < 4:
            return None
        cola = " de " + normalizar(nombre).strip()
        largos = [m for m in self._del_departamento.get(departamento, []) if normalizar(m.nombre).endswith(cola)]
        return largos[0] if len(largos) == 1 else None

    def _separar_departamento(self, texto: str) -> tuple[str, str | None]:
        """'Tabio, Cundinamarca' / 'Tabio (Cundinamarca)' / 'Tabio - Cundinamarca' -> ('Tabio', 'Cundinamarca')."""
        m = re.fullmatch(r"\s*(.+?)\s*(?:,|\(|\s[-–]\s)\s*(?:(?:el\s+)?departamento\s+del?\s+)?([^()]+?)\s*\)?\s*\.?\s*", texto, re.IGNORECASE)
        if m is not None and not self.buscar(texto):
            dpto = self.departamento(m.group(2))
            if dpto is not None:
                return m.group(1), dpto
        return texto, None

    def _clasificar(self, texto: str, nombre: str, explicito: str | None, departamento: str | None) -> Lectura:
        municipios = self.buscar(nombre)
        if explicito is not None:
            alli = [m for m in municipios if m.departamento == explicito]
            if alli:
                clase = Clase.MUNICIPIO if explicito == departamento else Clase.FUERA
                return Lectura(texto, clase, tuple(alli), explicito)
            return Lectura(texto, Clase.DESCONOCIDO, tuple(municipios), explicito)
        propios = [m for m in municipios if m.departamento == departamento]
        if propios:
            return Lectura(texto, Clase.MUNICIPIO, tuple(propios), departamento)
        corto = self._nombre_corto(nombre, departamento)
        if corto is not None:  # 'Betulia' in a report of Sucre: San Juan de Betulia, not Antioquia's Betulia
            return Lectura(texto, Clase.MUNICIPIO, (corto,), departamento)
        dpto = self.departamento(nombre)
        if dpto is not None:
            unico = self._del_departamento.get(dpto, [])
            if len(unico) == 1 and dpto != departamento:  # Bogotá, D.C.: a department that is one municipality
                return Lectura(texto, Clase.FUERA, tuple(unico), dpto)
            return Lectura(texto, Clase.DEPARTAMENTO, (), dpto)
        if municipios:
            return Lectura(texto, Clase.FUERA, tuple(municipios), None)
        return Lectura(texto, Clase.DESCONOCIDO)

    def sugerir(self, nombre: str, departamento: str | None, minimo: float = 0.75, maximo: int = 3,
                solo_departamento: bool = False, max_ediciones: int | None = None) -> list[Municipio]:
        """The closest real names, best first; those of `departamento` first, then the rest of the country.

        `solo_departamento` looks only in `departamento`; `max_ediciones` also requires the name to be
        that many typing errors away at most (`distancia`), for prose, where a name close to a real one
        by the ratio may still be another place (a corregimiento, a town abroad).

        difflib's ratio over the normalized names: names are short, and this only runs for the few names
        that are not found, so the standard library is enough (no compiled dependency for it).  Equally
        close names are all returned: "Cácuta" is one letter from both "Cácota" and "Cúcuta".

        The ratio is 2 × matched letters / letters of both, and the shorter length and the letters the two
        names have in common (counted with repeats) bound the matched ones, so a name whose bound is under
        `minimo` cannot qualify and is skipped without aligning it (`_letras_alcanzan`): most of the
        country's names are.
        The same misspelling recurs across a year's reports, so the answer is kept per normalized name.
        """
        k = clave(nombre)
        if not k:
            return []
        pregunta = (k, departamento, minimo, maximo, solo_departamento, max_ediciones)
        respuesta = self._sugeridas.get(pregunta)
        if respuesta is None:
            if len(self._sugeridas) >= _SUGERENCIAS_GUARDADAS:
                self._sugeridas.clear()
            respuesta = self._sugeridas[pregunta] = tuple(self._sugerir(k, departamento, minimo, maximo, solo_departamento, max_ediciones))
        return list(respuesta)

    def _sugerir(self, k: str, departamento: str | None, minimo: float, maximo: int,
                 solo_departamento: bool, max_ediciones: int | None) -> list[Municipio]:
        letras_k = Counter(k)
        if not self._letras:  # built on the first name not found, not with the index: most runs never ask
            self._letras = {nombre_clave: Counter(nombre_clave) for nombre_clave in self._todos_los_nombres}
        # difflib's real_quick_ratio: the matched letters are at most the shorter name's length
        largo_alcanza = {n: 2.0 * min(len(k), n) / (len(k) + n) >= minimo for n in self._largos}
        grupos = [self._nombres_por_departamento.get(departamento, {})] if departamento else []
        if not solo_departamento:
            grupos.append(self._todos_los_nombres)
        for indice in grupos:
            puntajes: dict[Municipio, float] = {}
            for candidato, lista in indice.items():
                if not largo_alcanza[len(candidato)] or not _letras_alcanzan(letras_k, self._letras[candidato], len(k) + len(candidato), minimo):
                    continue
                r = difflib.SequenceMatcher(None, k, candidato, autojunk=False).ratio()
                if r >= minimo and (max_ediciones is None or distancia(k, candidato, max_ediciones) <= max_ediciones):
                    for m in lista:
                        puntajes[m] = max(puntajes.get(m, 0.0), r)
            if puntajes:
                mejor = max(puntajes.values())
                cercanos = sorted((m for m, r in puntajes.items() if r >= mejor - 0.02), key=lambda m: (-puntajes[m], m.nombre))
                return cercanos[:maximo]
        return []

    # -- free text ---------------------------------------------------------------------------------

    def menciones(self, texto: str, departamento: str | None) -> list[Mencion]:
        """The places a free text names, in order (positions in the NFC form of `texto`).

        A capitalized name is looked up word by word, longest first, so "Norte de Santander" is one
        department (not "Santander"), and "Villa del Rosario" one municipality.  It is kept as:

        - a municipality of the report's department wherever it appears (also inside a longer name, as
          "Cúcuta" in "Cámara de Comercio de Cúcuta": being in the department is never a finding);
        - a municipality of another department only with evidence that the text means the place: an
          item of "municipio(s) de ..." / "ciudad de ...", a department written after it ("Tabio,
          Cundinamarca"), or a department capital named on its own ("en Medellín").  A name inside a
          longer one ("Jardín Plaza", "Cafés de Colombia Expo", "Plazoleta de San Pablo") is a venue or
          an event, not a place of intervention;
        - a name that is not in DIVIPOLA, as unknown, only when the text presents it as a municipality
          (`Lugar.como_municipio`: "municipio de X", an item of a list of municipalities, the municipality
          of a vereda...); the rule decides whether it is close enough to a real one.

        A name the text introduces as a place inside a municipality ("corregimiento de Versalles",
        "vereda La Laguna (Mutiscua)") is no mention of a municipality, whatever DIVIPOLA has by that name
        (see `leer_lugares`).
        """
        texto = unicodedata.normalize("NFC", texto)  # offsets below are in the composed text: 'u' + '\u0301' is one letter
        salida: list[Mencion] = []
        lugares = self.lugares(texto)
        # presented as municipalities; not one only guessed from the end of a longer name ('San Antonio de Prado'),
        # which counts as a municipality where it is one of the department, as any name does
        listas = {lugar.inicio: lugar.fin for lugar in lugares if lugar.como_municipio and not lugar.supuesto}
        dentro = _Tramos([(lugar.inicio, lugar.fin) for lugar in lugares if lugar.submunicipal])
        for span in _spans_capitalizados(texto):
            salida.extend(self._menciones_en_span(texto, span, departamento, listas, dentro))
        return salida

    def _menciones_en_span(self, texto: str, span: _Span, departamento: str | None, listas: dict[int, int],
                           dentro: _Tramos) -> Iterator[Mencion]:
        palabras = span.palabras
        i = 0
        while i < len(palabras):
            inicio = palabras[i].inicio
            if dentro.contiene(inicio):  # a word of a corregimiento's, a vereda's, a barrio's name
                i += 1
                continue
            fin_item = listas.get(inicio)
            hallada = None if palabras[i].conector else self._nombre_mas_largo(texto, palabras, i, departamento)
            if hallada is None:
                if fin_item is not None:  # an item of a list of municipalities that is no known place
                    yield Mencion(inicio, fin_item, Lectura(texto[inicio:fin_item], Clase.DESCONOCIDO), True)
                    while i < len(palabras) and palabras[i].inicio < fin_item:
                        i += 1
                else:
                    i += 1
                continue
            j, hallado = hallada
            fin = palabras[j - 1].fin
            en_lista = fin_item == fin
            lectura: Lectura | None = self._con_departamento_escrito(texto, inicio, fin, departamento)  # "Tabio, Cundinamarca"
            if lectura is None:
                lectura = hallado
                if hallado.clase is Clase.FUERA:
                    lectura = self._confirmar_fuera(hallado, completo=i == 0 and j == len(palabras), en_lista=en_lista)
            if lectura is not None:
                yield Mencion(inicio, fin, lectura, en_lista)
            i = j

    def _nombre_mas_largo(self, texto: str, palabras: tuple[_Palabra, ...], i: int, departamento: str | None) -> tuple[int, Lectura] | None:
        for j in range(min(len(palabras), i + self.max_palabras), i, -1):
            if palabras[j - 1].conector:
                continue
            nombre = texto[palabras[i].inicio : palabras[j - 1].fin]
            lectura = self._clasificar(nombre, nombre, None, departamento)
            if lectura.clase is not Clase.DESCONOCIDO:
                return j, lectura
        return None

    def _con_departamento_escrito(self, texto: str, inicio: int, fin: int, departamento: str | None) -> Lectura | None:
        """The name read with the department written after it ("Tabio, Cundinamarca"), if one is."""
        siguiente = _DEPARTAMENTO_DESPUES.match(texto, fin)
        if siguiente is None:
            return None
        dpto = self.departamento(siguiente.group("dpto"))
        if dpto is None or dpto == departamento:
            return None
        cierre = siguiente.end("dpto")
        if siguiente.group("abre") and texto[cierre : cierre + 1] == ")":
            cierre += 1
        lectura = self._clasificar(texto[inicio:cierre], texto[inicio:fin], dpto, departamento)
        return lectura if lectura.clase is Clase.FUERA else None

    @staticmethod
    def _confirmar_fuera(lectura: Lectura, completo: bool, en_lista: bool) -> Lectura | None:
        """Keep a municipality of another department only with evidence that the text means the place."""
        if en_lista:
            return lectura
        capitales = tuple(m for m in lectura.municipios if m.capital)
        if completo and capitales and clave(lectura.texto) not in _HOMONIMOS:
            return Lectura(lectura.texto, lectura.clase, capitales, lectura.departamento)
        return None


class _Tramos:
    """Sorted, non-overlapping ranges of a text, asked in any order whether they hold a position."""

    def __init__(self, tramos: list[tuple[int, int]]) -> None:
        self._inicios = [a for a, _ in tramos]
        self._fines = [b for _, b in tramos]

    def contiene(self, posicion: int) -> bool:
        k = bisect.bisect_right(self._inicios, posicion) - 1
        return k >= 0 and posicion < self._fines[k]


def _letras_alcanzan(letras_a: Counter[str], letras_b: Counter[str], largo: int, minimo: float) -> bool:
    """False when difflib's ratio of two names with these letters and `largo` letters in all is surely under
    `minimo`, without aligning them (difflib's `quick_ratio`, without building a matcher).

    The ratio is 2.0 × matched letters / `largo`, and the matched letters are at most the letters both
    names have, counted with repeats.  Same float expression as difflib's: a ratio that reaches `minimo`
    is never rejected."""
    comunes = sum(min(n, letras_b.get(c, 0)) for c, n in letras_a.items())
    return 2.0 * comunes / largo >= minimo


def distancia(a: str, b: str, tope: int | None = None) -> int:
    """Typing errors between two strings: insertions, deletions, substitutions and swaps of neighbours
    (optimal string alignment).  With `tope`, any answer above it is returned as tope + 1 (faster)."""
    if a == b:
        return 0
    if tope is not None and abs(len(a) - len(b)) > tope:
        return tope + 1
    anterior2: list[int] = []
    anterior = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        actual = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            costo = 0 if ca == cb else 1
            actual[j] = min(anterior[j] + 1, actual[j - 1] + 1, anterior[j - 1] + costo)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                actual[j] = min(actual[j], anterior2[j - 2] + 1)
        if tope is not None and min(actual) > tope:
            return tope + 1
        anterior2, anterior = anterior, actual
    return anterior[-1]


# Capitals whose name is mostly something else in prose: a country or a foreign city.
_HOMONIMOS = frozenset({"armenia", "florencia"})


_CORTO = 80  # characters of a text whose places `Divipola.lugares` remembers
_LEIDOS_MAXIMO = 8192


@cache
def divipola() -> Divipola:
    """The packaged DIVIPOLA list, read once per process."""
    municipios = [
        Municipio(f["cod_mpio"], f["municipio"], f["departamento"], f["cod_dpto"])
        for f in _filas(_ARCHIVO_DIVIPOLA, ("cod_dpto", "departamento", "cod_mpio", "municipio"))
    ]
    alias = [(f["tipo"], f["codigo"], f["alias"]) for f in _filas(_ARCHIVO_ALIAS, ("tipo", "codigo", "alias"))]
    return Divipola(municipios, alias)


# --- finding capitalized names in prose --------------------------------------------------------

_CONECTORES = frozenset({"de", "del", "la", "las", "los", "el"})
_PALABRA = re.compile(r"[^\W\d_]+")
_DEPARTAMENTO_DESPUES = re.compile(
    r"\s*(?:,|(?P<abre>\()|\s[-–])\s*(?:(?:en\s+)?el\s+)?(?:departamento\s+del?\s+)?(?P<dpto>[^\W\d_][^,;:.()\n]*?)\s*(?=[,;:.()\n]|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Palabra:
    inicio: int
    fin: int
    conector: bool


@dataclass(frozen=True)
class _Span:
    palabras: tuple[_Palabra, ...]


def _es_capitalizada(palabra: str) -> bool:
    return palabra[:1].isupper()


def _spans_capitalizados(texto: str) -> Iterator[_Span]:
    """Runs of capitalized words joined only by spaces and lower-case connectors (de, del, la, ...)."""
    actual: list[_Palabra] = []
    fin_anterior = -1
    for m in _PALABRA.finditer(texto):
        palabra = m.group()
        pegada = bool(actual) and texto[fin_anterior : m.start()].isspace()
        if not pegada and actual:
            yield from _cerrar(actual)
            actual = []
        if len(palabra) == 1 and texto[m.end() : m.end() + 1] == ".":  # an initial ("D.C."): not part of a name
            if actual:
                yield from _cerrar(actual)
            actual = []
        elif _es_capitalizada(palabra):
            actual.append(_Palabra(m.start(), m.end(), False))
        elif actual and palabra in _CONECTORES:
            actual.append(_Palabra(m.start(), m.end(), True))
        elif actual:
            yield from _cerrar(actual)
            actual = []
        fin_anterior = m.end()
    if actual:
        yield from _cerrar(actual)


def _cerrar(palabras: list[_Palabra]) -> Iterable[_Span]:
    while palabras and palabras[-1].conector:
        palabras = palabras[:-1]
    return [_Span(tuple(palabras))] if palabras else []


# --- places with their kind -----------------------------------------------------------------------

class Tipo(str, Enum):
    """The kind of place a text says a name is."""

    MUNICIPIO = "municipio"
    DEPARTAMENTO = "departamento"
    CORREGIMIENTO = "corregimiento"
    VEREDA = "vereda"
    BARRIO = "barrio"
    CENTRO_POBLADO = "centro poblado"
    INSPECCION = "inspección"
    RESGUARDO = "resguardo"
    COMUNA = "comuna"
    SEDE = "sede"  # a facility named after its place ('Parque Biblioteca Belén', 'Institución Educativa San José'): not a place
    ACCIDENTE = "accidente geográfico"  # 'el río Bogotá', 'la quebrada La Honda': named like a place, not one
    LUGAR = "lugar"  # a place of a municipality whose kind the text does not say: 'La Laguna (Mutiscua)'

    @property
    def submunicipal(self) -> bool:
        """A place inside a municipality: never checked against DIVIPOLA's municipalities."""
        return self not in (Tipo.MUNICIPIO, Tipo.DEPARTAMENTO)


class Presentacion(str, Enum):
    """How the text presents a place."""

    NOMBRADO = "nombrado"  # by its kind word: "municipio de Tibú", "vereda El Rodeo"
    CONTEXTO = "contexto"  # the municipality of a place the text names: "Ocaña (vereda El Rodeo)", "vereda X (Silos)"
    LISTA = "lista"  # bare, an item of a list of municipalities ("municipios de A, B y C", or most items are municipalities)
    SUELTO = "suelto"  # bare, and nothing says what it is


@dataclass(frozen=True)
class Lugar:
    """A place named in a text: the name as written, where (``texto[inicio:fin]``), its kind and municipality."""

    nombre: str
    inicio: int
    fin: int
    tipo: Tipo | None  # None: the text does not say
    presentacion: Presentacion
    municipio: Lugar | None = None  # the municipality it belongs to, when the text says it
    # a municipality read off the end of a longer name after a kind word ('corregimiento San Antonio de Prado',
    # 'vereda El Llanito de Ocaña'): the 'de Prado' may be the place's own name, so it is a guess
    supuesto: bool = False

    @property
    def como_municipio(self) -> bool:
        """Presented as a municipality: by its kind word, as the municipality of another place, or bare in a list of them."""
        return self.tipo is Tipo.MUNICIPIO or (self.tipo is None and self.presentacion is Presentacion.LISTA)

    @property
    def submunicipal(self) -> bool:
        return _es_submunicipal(self.tipo)


def _vocabulario() -> tuple[dict[tuple[str, ...], tuple[Tipo, bool]], int]:
    """The kind words by their words, and the most words one has (`vocabulario.lugares`, ``rules/vocabulario/lugares.yaml``:
    singular names one place, "vereda El Rodeo", plural a list, "veredas A, B y C"; validated there: each is normalized,
    and none is of two kinds)."""
    salida: dict[tuple[str, ...], tuple[Tipo, bool]] = {}
    palabras = lugares_vocabulario()
    for nombre in type(palabras).model_fields:
        tipo = Tipo[nombre.upper()]
        for formas in getattr(palabras, nombre):
            salida[tuple(formas.singular.split())] = (tipo, False)
            salida[tuple(formas.plural.split())] = (tipo, True)
    return salida, max(len(k) for k in salida)


_VOCABULARIO = derivado(_vocabulario)  # rebuilt when an office extends the vocabulary
_TIPO_ANTES_DE = (Tipo.MUNICIPIO, Tipo.DEPARTAMENTO)  # kinds that count only before "de" or ":"
_MAX_PALABRAS_MUNICIPIO = 6  # the longest municipality name read after "de" inside a name ("El Llanito de Ocaña")

_ARTICULOS = frozenset({"la", "las", "los", "el", "a", "al"})
_PREPOSICIONES = frozenset({"en", "de", "del"})
_SEPARADORES = frozenset({"y", "e"})
_PREPOSICION_INICIAL = frozenset({"en", "desde", "hasta", "para", "por", "con", "entre", "hacia", "sobre", "y", "e"})
_TOKEN = re.compile(r"(?P<p>(?:[^\W\d_]|[\u0300-\u036f])+)|(?P<n>\d+)|(?P<corte>\n[^\S\n]*\n\s*)|(?P<s>\S)")


@cache
def _clave_palabra(palabra: str) -> str:
    return clave(palabra)


@dataclass
class _Item:
    inicio: int
    fin: int
    tipo: Tipo | None
    presentacion: Presentacion
    padre: int | None = None
    enumeracion: int | None = None
    supuesto: bool = False  # see Lugar.supuesto


@dataclass
class _Marco:
    """What the reader knows at one level of parentheses."""

    tipo: Tipo | None = None  # the kind in effect for the next name
    plural: bool = False
    tras_tipo: bool = False  # just after a kind word: the next name is of that kind
    pendientes: list[int] = field(default_factory=list)  # places inside a municipality still without it
    separado: bool = False  # only separators since the last item of the current enumeration
    tras_separador: bool = False  # only separators since the last item: a plural kind goes on ("barrios A, B y C")
    y_visto: bool = False  # "y", "e" or ";" since the last item: the next name is another place, not its municipality
    preposicion: bool = False  # "en"/"de"/"del" just before: a bare name here may be the municipality of the pendientes
    enumeracion: int | None = None  # the enumeration the last item belongs to
    ultimo: int | None = None  # the item just before, for "(" right after it
    dos_puntos: list[int] = field(default_factory=list)  # bare items before ":" ("Cúcuta: corregimiento de ...")
    padre_fijo: int | None = None  # "Cúcuta: ..." the municipality of what follows, up to the end of the sentence
    abierto_por: int | None = None  # the item right before "(" (child frames)
    items: list[int] = field(default_factory=list)  # items read in this frame (child frames)
    otros: int = 0  # tokens of this frame that are neither names, kind words nor connectors


class _Lector:
    """One pass over the words of a text (see `leer_lugares`)."""

    def __init__(self, texto: str, conocido: Callable[[str], bool] | None) -> None:
        self.texto = texto
        self.conocido = conocido
        self.tokens = [(m.lastgroup or "s", m.start(), m.end()) for m in _TOKEN.finditer(texto)]
        self.claves = [_clave_palabra(texto[a:b]) if t == "p" else texto[a:b] for t, a, b in self.tokens]
        self.items: list[_Item] = []
        self.enumeraciones: list[tuple[bool, list[int]]] = []  # (opened by "municipios de", its items)
        self.marcos = [_Marco()]

    # -- tokens ----------------------------------------------------------------------------------------

    def _palabra(self, i: int) -> bool:
        return i < len(self.tokens) and self.tokens[i][0] == "p"

    def _mayuscula(self, i: int) -> bool:
        return self._palabra(i) and self.texto[self.tokens[i][1]].isupper()

    def _tipo_en(self, i: int) -> tuple[Tipo, bool, int] | None:
        """The kind word starting at token i: (kind, plural, tokens it takes), longest first."""
        if not self._palabra(i):
            return None
        vocabulario, maximo = _VOCABULARIO()
        for n in range(maximo, 0, -1):
            if i + n > len(self.tokens) or not all(self._palabra(k) for k in range(i, i + n)):
                continue
            hallado = vocabulario.get(tuple(self.claves[i : i + n]))
            if hallado is None:
                continue
            tipo, plural = hallado
            if tipo in _TIPO_ANTES_DE and not (i + n < len(self.tokens) and self.claves[i + n] in ("de", "del", ":")):
                return None
            if tipo is Tipo.ACCIDENTE and self._mayuscula(i):
                return None  # 'Río de Oro', 'El Volcán': a name, not the word for a river or a volcano
            return tipo, plural, n
        return None

    # -- the pass --------------------------------------------------------------------------------------

    def leer(self) -> list[_Item]:
        i = 0
        while i < len(self.tokens):
            i = self._paso(i)
        while len(self.marcos) > 1:
            self.marcos.pop()
        return self.items

    def _paso(self, i: int) -> int:
        clase, _, _ = self.tokens[i]
        k = self.claves[i]
        marco = self.marcos[-1]
        if clase == "corte":  # a blank line: a paragraph or a list item ends
            del self.marcos[1:]
            self._romper(self.marcos[0])
            return i + 1
        if clase == "p":
            tipo = self._tipo_en(i)
            if tipo is not None:
                return self._palabra_de_tipo(i, *tipo)
            if self._mayuscula(i) and k not in _SEPARADORES:
                return self._nombre(i)
            return self._palabra_minuscula(i, k)
        if clase == "n":
            if _es_submunicipal(marco.tipo) and (marco.tras_tipo or (marco.plural and marco.tras_separador)):
                de_antes, plural = marco.tipo, marco.plural
                self._leer_nombre(i, i + 1)  # "comuna 9", "comunas 6 y 8"
                if i + 2 < len(self.tokens) and self.claves[i + 1] in ("-", "–", "—") and self._mayuscula(i + 2):
                    marco.tipo, marco.plural, marco.tras_tipo = de_antes, plural, True  # "Comuna 9 – Buenos Aires": its name too
                    return i + 2
                return i + 1
            marco.otros += 1
            self._romper(marco)
            return i + 1
        return self._signo(i, k)

    def _palabra_de_tipo(self, i: int, tipo: Tipo, plural: bool, n: int) -> int:
        marco = self.marcos[-1]
        if (tipo is Tipo.SEDE and plural and i + n + 1 < len(self.tokens) and self.claves[i + n] in ("de", "del", "en")
                and self._mayuscula(i + n + 1)):
            # 'puestos de salud de Tarapacá, La Chorrera y Puerto Leguízamo': where the facilities are, not their names
            # (one facility 'de' a name is named by it: 'Biblioteca Corregimental de Altavista')
            self._romper(marco)
            return i + n + 1
        if marco.dos_puntos and tipo.submunicipal:  # "Cúcuta: corregimiento de Palmarito"
            for j in marco.dos_puntos:
                self._hacer_municipio(j)
            if len(marco.dos_puntos) == 1:
                marco.padre_fijo = marco.dos_puntos[0]
        marco.dos_puntos = []
        if tipo is Tipo.MUNICIPIO:  # "municipios de A, B y C": a list of municipalities
            self.enumeraciones.append((True, []))
            marco.enumeracion = len(self.enumeraciones) - 1
        else:  # "vereda X, Ocaña": the vereda ends the list before it
            marco.enumeracion = None
        marco.tipo, marco.plural, marco.tras_tipo = tipo, plural, True
        if plural or tipo is not Tipo.MUNICIPIO:
            marco.preposicion = False
        marco.separado = tipo is Tipo.MUNICIPIO
        marco.tras_separador = False
        return i + n

    def _palabra_minuscula(self, i: int, k: str) -> int:
        marco = self.marcos[-1]
        if k in _SEPARADORES:
            marco.y_visto = True
            self._separador(marco)
            return i + 1
        if k in _ARTICULOS or k in _PREPOSICIONES:
            if k in _PREPOSICIONES:
                marco.preposicion = True
            if not marco.tras_tipo:
                marco.separado = marco.tras_separador = False
            return i + 1
        marco.otros += 1
        self._romper(marco)
        return i + 1

    def _signo(self, i: int, s: str) -> int:
        marco = self.marcos[-1]
        if s == "(":
            hijo = _Marco(abierto_por=marco.ultimo)
            self.marcos.append(hijo)
            return i + 1
        if s == ")":
            if len(self.marcos) > 1:
                self._cerrar(self.marcos.pop())
            return i + 1
        if s in (",", ";"):
            if s == ";":
                marco.y_visto = True
                if _es_submunicipal(marco.tipo):
                    marco.tipo = None
                marco.pendientes = []
            self._separador(marco)
            return i + 1
        if s == ":":
            if marco.tras_tipo:  # "municipios: A, B y C"
                return i + 1
            anteriores = [j for j in (self.enumeraciones[marco.enumeracion][1] if marco.enumeracion is not None else [])
                          if self.items[j].tipo is None] if marco.ultimo is not None else []
            self._romper(marco)
            marco.dos_puntos = anteriores
            return i + 1
        if s == "." and marco.tras_tipo:  # "Vda. El Rodeo"
            return i + 1
        marco.otros += 1
        self._romper(marco)
        if s in ".?!":
            marco.padre_fijo = None
        return i + 1

    @staticmethod
    def _separador(marco: _Marco) -> None:
        """",", ";", "y", "e": the next name may be the next item of the list before it."""
        seguido = marco.separado or marco.tras_separador or marco.ultimo is not None
        marco.separado = marco.enumeracion is not None and seguido
        marco.tras_separador = seguido
        marco.preposicion = False
        marco.ultimo = None

    def _romper(self, marco: _Marco) -> None:
        """Anything but a name, a kind word or a connector: the list and the kind in effect end."""
        marco.tipo, marco.plural, marco.tras_tipo = None, False, False
        marco.pendientes, marco.dos_puntos = [], []
        marco.separado = marco.tras_separador = marco.y_visto = marco.preposicion = False
        marco.enumeracion = marco.ultimo = None

    # -- names -----------------------------------------------------------------------------------------

    def _nombre(self, i: int) -> int:
        """A run of capitalized words with lower-case connectors between them ("Villa del Rosario")."""
        fin = i + 1
        j = i + 1
        while j < len(self.tokens) and self._palabra(j) and self._tipo_en(j) is None and self.claves[j] not in _SEPARADORES:
            if self._mayuscula(j):
                fin = j = j + 1
            elif self.claves[j] in _CONECTORES:
                j += 1
            else:
                break
        while fin + 1 < len(self.tokens) and self.claves[fin] in ("-", "–") and self._mayuscula(fin + 1) and self._guionado(i, fin + 2):
            fin += 2  # 'Mirití-Paraná', 'Piendamó - Tunía': DIVIPOLA's own names with a hyphen
        inicio = i
        if fin - inicio > 1 and self.claves[inicio] in _PREPOSICION_INICIAL:  # "En Cúcuta" at the start of a sentence
            inicio += 1
            self.marcos[-1].preposicion = self.claves[i] == "en"
        self._leer_nombre(inicio, fin)
        return fin

    def _guionado(self, a: int, b: int) -> bool:
        """Whether tokens a..b, a name with a hyphen in it, are a name DIVIPOLA writes with its hyphen."""
        return bool(divipola().buscar(self.texto[self.tokens[a][1]:self.tokens[b - 1][2]]))

    def _leer_nombre(self, a: int, b: int) -> None:
        marco = self.marcos[-1]
        tipo = marco.tipo if (marco.tras_tipo or (marco.plural and marco.tras_separador)) else None
        if _es_submunicipal(tipo):
            corte = self._municipio_al_final(a, b)
            fin_lugar = corte[0] if corte else b
            j = self._nuevo(marco, a, fin_lugar, tipo, Presentacion.NOMBRADO)
            if marco.padre_fijo is not None:
                self.items[j].padre = marco.padre_fijo
            else:
                if not marco.y_visto:
                    marco.pendientes = [p for p in marco.pendientes if self.items[p].padre is None]
                marco.pendientes.append(j)
            marco.y_visto = False
            if corte is not None:  # "barrios A, B y C de Cúcuta": C's municipality is the whole list's
                m = self._nuevo_suelto(corte[1], b, Tipo.MUNICIPIO, Presentacion.CONTEXTO)
                self.items[m].supuesto = True
                self._dar_padre(marco.pendientes, m)
        elif tipo is Tipo.MUNICIPIO or tipo is Tipo.DEPARTAMENTO:
            j = self._nuevo(marco, a, b, tipo, Presentacion.NOMBRADO)
            if tipo is Tipo.MUNICIPIO and not marco.plural and not marco.y_visto:
                self._dar_padre(marco.pendientes, j)  # "vereda Caño Indio, municipio de Tibú"
            marco.pendientes = []
            if tipo is Tipo.MUNICIPIO:
                self._enumerar(marco, j, continua=True)
        else:
            if marco.pendientes and marco.preposicion and not marco.y_visto:  # "la vereda El Rodeo, en Ocaña"
                j = self._nuevo(marco, a, b, Tipo.MUNICIPIO, Presentacion.CONTEXTO)
                self._dar_padre(marco.pendientes, j)
                marco.pendientes = []
            else:
                j = self._nuevo(marco, a, b, None, Presentacion.SUELTO)
                self._enumerar(marco, j, continua=marco.separado)
        if not marco.plural:
            marco.tipo = None
        marco.tras_tipo = marco.separado = marco.tras_separador = marco.preposicion = False
        marco.y_visto = False if tipo is None or tipo.submunicipal else marco.y_visto
        marco.ultimo = j

    def _municipio_al_final(self, a: int, b: int) -> tuple[int, int] | None:
        """In "El Llanito de Ocaña", after a kind word: (end of the place, start of the municipality)."""
        if self.conocido is None:
            return None
        for c in range(max(a + 1, b - _MAX_PALABRAS_MUNICIPIO - 1), b - 1):
            if self.claves[c] in ("de", "del") and self.conocido(" ".join(self.claves[c + 1 : b])):
                return c, c + 1
        return None

    def _nuevo(self, marco: _Marco, a: int, b: int, tipo: Tipo | None, presentacion: Presentacion) -> int:
        self.items.append(_Item(self.tokens[a][1], self.tokens[b - 1][2], tipo, presentacion))
        j = len(self.items) - 1
        marco.items.append(j)
        return j

    def _nuevo_suelto(self, a: int, b: int, tipo: Tipo, presentacion: Presentacion) -> int:
        return self._nuevo(self.marcos[-1], a, b, tipo, presentacion)

    def _enumerar(self, marco: _Marco, j: int, continua: bool) -> None:
        if not continua or marco.enumeracion is None:
            self.enumeraciones.append((False, []))
            marco.enumeracion = len(self.enumeraciones) - 1
        self.enumeraciones[marco.enumeracion][1].append(j)
        self.items[j].enumeracion = marco.enumeracion

    def _dar_padre(self, hijos: list[int], padre: int) -> None:
        for h in hijos:
            if self.items[h].padre is None and h != padre:
                self.items[h].padre = padre

    def _hacer_municipio(self, j: int) -> None:
        item = self.items[j]
        if item.tipo is None:
            item.tipo, item.presentacion = Tipo.MUNICIPIO, Presentacion.CONTEXTO

    def _cerrar(self, hijo: _Marco) -> None:
        """")": what the parentheses say of the name right before them, or that name of them."""
        o = hijo.abierto_por
        if o is None:
            return
        externo = self.marcos[-1]
        dentro = [self.items[j] for j in hijo.items]
        huerfanos = [j for j in hijo.items if _es_submunicipal(self.items[j].tipo) and self.items[j].padre is None]
        afuera = self.items[o]
        if huerfanos and (afuera.tipo is None or afuera.tipo is Tipo.MUNICIPIO):  # "Ocaña (incluidos el corregimiento de Otaré ...)"
            self._hacer_municipio(o)
            self._dar_padre(huerfanos, o)
        elif len(dentro) == 1 and hijo.otros == 0 and (dentro[0].tipo in (None, Tipo.MUNICIPIO)):
            unico = hijo.items[0]
            if _es_submunicipal(afuera.tipo):  # "Vereda La Laguna (Mutiscua)"
                self._hacer_municipio(unico)
                self._dar_padre([*externo.pendientes, o], unico)
                externo.pendientes = []
            elif (afuera.tipo is None and self.conocido is not None and dentro[0].tipo is None
                  and not self.conocido(self._clave_item(o)) and self.conocido(self._clave_item(unico))):
                afuera.tipo, afuera.presentacion = Tipo.LUGAR, Presentacion.CONTEXTO  # "La Laguna (Mutiscua)"
                self._hacer_municipio(unico)
                afuera.padre = unico
        externo.ultimo = o

    def _clave_item(self, j: int) -> str:
        return clave(self.texto[self.items[j].inicio : self.items[j].fin])

    # -- the answer --------------------------------------------------------------------------------------

    def lugares(self) -> list[Lugar]:
        items = self.leer()
        for abierta, miembros in self.enumeraciones:
            sueltos = [j for j in miembros if items[j].tipo is None]
            if not abierta:  # municipalities by their kind, by context, or by name
                conocidos = len(miembros) - len(sueltos) + sum(
                    1 for j in sueltos if self.conocido is None or self.conocido(self._clave_item(j)))
                if conocidos < 2 or 2 * conocidos < len(miembros):
                    continue
            for j in sueltos:
                items[j].presentacion = Presentacion.LISTA
        dentro: dict[str, Tipo] = {}  # a name the text introduces as a place of a municipality is that place everywhere in it
        for item in items:
            tipo = item.tipo
            if tipo is not None and tipo.submunicipal and tipo is not Tipo.LUGAR:
                dentro.setdefault(_sin_articulo(clave(self.texto[item.inicio : item.fin])), tipo)
        for item in items:
            if item.tipo is None and dentro:
                otro = dentro.get(_sin_articulo(clave(self.texto[item.inicio : item.fin])))
                if otro is not None:  # "el corregimiento la Gabarra; también en La Gabarra, Tibú y El Tarra"
                    item.tipo = otro
        hechos: dict[int, Lugar] = {}

        def lugar(j: int) -> Lugar:
            if j not in hechos:
                item = items[j]
                padre = lugar(item.padre) if item.padre is not None and items[item.padre].padre is None else None  # a municipality has none
                hechos[j] = Lugar(self.texto[item.inicio : item.fin], item.inicio, item.fin, item.tipo, item.presentacion, padre,
                                  item.supuesto)
            return hechos[j]

        return sorted((lugar(j) for j in range(len(items))), key=lambda x: (x.inicio, x.fin))


def _es_submunicipal(tipo: Tipo | None) -> bool:
    return tipo is not None and tipo.submunicipal


def _sin_articulo(k: str) -> str:
    """'la gabarra' -> 'gabarra': "corregimiento la Gabarra" and "La Gabarra" are one place."""
    primera, _, resto = k.partition(" ")
    return resto if resto and primera in ("la", "las", "los", "el") else k


def leer_lugares(texto: str, conocido: Callable[[str], bool] | None = None) -> list[Lugar]:
    """The places a text names, in order, each with its kind and, when the text says it, its municipality.

    One pass over the words.  A kind word gives the kind of the names after it ("vereda El Rodeo",
    "corregimientos Campo Dos y Pacelli", "municipio de Tibú"; see ``rules/vocabulario/lugares.yaml``); the
    municipality of a place is read from "X, municipio de Y", "X del municipio de Y", "X, en Y",
    "X de Y" (Y a municipality, by `conocido`), "Y (... corregimiento de X ...)", "vereda X (Y)" and
    "Y: vereda X".  A bare name is an item of a list of municipalities when "municipio(s) de" or
    "ciudad de" opens the list, or when most of its items, and at least two, are municipalities
    (`conocido`: whether a normalized name is one; without it, any list of two or more).
    """
    return _Lector(texto, conocido).lugares()
