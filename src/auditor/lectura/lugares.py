"""Places: Colombia's municipalities (DANE DIVIPOLA) and how reports write them.

The list ships inside the package (``auditor/datos/divipola.csv``, see its README) and is
read once per process, on first use.  Names are compared the way a reviewer reads them:
accents, case, punctuation and spacing do not matter ("CUCUTA", "Cúcuta", "cúcuta"), and a
short list of common names maps to the official ones ("Cúcuta" is 54001 "San José de
Cúcuta", "Salazar de las Palmas" is 54660 "Salazar").

Three services for the rules:

- `Divipola.leer` reads one name written where a municipality is expected (the items of
  ``localizacion.municipios``), with an optional department after it ("Tabio, Cundinamarca").
- `Divipola.sugerir` proposes the closest real names for one that is not in the list.
- `Divipola.menciones` finds the municipalities a free text names (``localizacion.texto``).
  Prose also names departments, regions ("región del Catatumbo"), corregimientos ("la
  Gabarra"), countries and venues ("Jardín Plaza", "Cafés de Colombia Expo"): a name of
  another department counts as a place only with evidence that it is one (see `menciones`).
"""

from __future__ import annotations

import bisect
import csv
import difflib
import importlib.resources
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache

_ARCHIVO_DIVIPOLA = "divipola.csv"
_ARCHIVO_ALIAS = "alias_lugares.csv"
_SUGERENCIAS_GUARDADAS = 4096  # `Divipola.sugerir` answers kept (a few hundred bytes each); then it starts over


def clave(texto: str) -> str:
    """Accent-free, lower-case words, punctuation as space: 'San José de CÚCUTA.' -> 'san jose de cucuta'."""
    sin_tildes = "".join(c for c in unicodedata.normalize("NFKD", texto) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+|_", " ", sin_tildes.casefold()).split())


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
    _letras: dict[str, Counter[str]] = field(default_factory=dict, init=False, repr=False)  # name key -> its letters (`sugerir`)
    _largos: set[int] = field(default_factory=set, init=False, repr=False)  # the lengths of the name keys (`sugerir`)
    _sugeridas: dict[tuple[str, str | None, float, int, bool, int | None], tuple[Municipio, ...]] = field(
        default_factory=dict, init=False, repr=False)  # `sugerir`'s answers
    max_palabras: int = field(default=1, init=False)

    def __post_init__(self) -> None:
        por_codigo = {m.codigo: m for m in self.municipios}
        nombre_dpto = {m.cod_dpto: m.departamento for m in self.municipios}
        for m in self.municipios:
            self._indexar(m.nombre, m)
            self._departamentos[clave(m.departamento)] = m.departamento
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
            self._letras[nombre_clave] = Counter(nombre_clave)
            self._largos.add(len(nombre_clave))
        self.max_palabras = max(len(k.split()) for k in [*self._por_nombre, *self._departamentos])

    def _indexar(self, nombre: str, m: Municipio) -> None:
        for indice, k in ((self._por_nombre, clave(nombre)), (self._por_compacta, compacta(nombre))):
            lista = indice.setdefault(k, [])
            if m not in lista:
                lista.append(m)

    # -- lookups -----------------------------------------------------------------------------------

    def departamento(self, texto: str) -> str | None:
        """The official name of the department `texto` names ("NORTE DE SANTANDER", "Valle"), or None."""
        k = clave(texto)
        k = re.sub(r"^(?:el )?departamento (?:del? )?", "", k)
        return self._departamentos.get(k)

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
        """Read a name written where a municipality is expected: 'Cúcuta', 'Tabio, Cundinamarca', 'Norte de Santander'."""
        nombre, explicito = self._separar_departamento(texto)
        return self._clasificar(texto, nombre, explicito, departamento)

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
        - a name that is not in DIVIPOLA, as unknown, only when it is an item of a list of municipalities
          (see `_listas_de_municipios`); the rule decides whether it is close enough to a real one.
        """
        texto = unicodedata.normalize("NFC", texto)  # offsets below are in the composed text: 'u' + '\u0301' is one letter
        salida: list[Mencion] = []
        listas = self._listas_de_municipios(texto, departamento)
        for span in _spans_capitalizados(texto):
            salida.extend(self._menciones_en_span(texto, span, departamento, listas))
        return salida

    def _listas_de_municipios(self, texto: str, departamento: str | None) -> dict[int, int]:
        """Start -> end of each item of an enumeration that is a list of municipalities.

        It is one when a cue opens it ("en los municipios de A, B y C"), or when most of its items, and
        at least two, are municipalities ("corresponde a Cúcuta, Los Patios, Mutiscua, Cácuta y Ocaña"):
        then an unknown item among them is most likely a misspelled municipality.
        """
        items: dict[int, int] = {}
        for con_clave, enumeracion in _enumeraciones(texto):
            if not con_clave:
                conocidos = sum(
                    1 for inicio, fin in enumeracion
                    if self._clasificar(texto[inicio:fin], texto[inicio:fin], None, departamento).clase in (Clase.MUNICIPIO, Clase.FUERA)
                )
                if conocidos < 2 or 2 * conocidos < len(enumeracion):
                    continue
            items.update(enumeracion)
        return items

    def _menciones_en_span(self, texto: str, span: _Span, departamento: str | None, listas: dict[int, int]) -> Iterator[Mencion]:
        palabras = span.palabras
        i = 0
        while i < len(palabras):
            inicio = palabras[i].inicio
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
_SEPARADOR_ITEMS = re.compile(r"\s*(?:,|;|\sy\s|\se\s)\s*(?:(?:y|e)\s+)?", re.IGNORECASE)
_CLAVE_LISTA = re.compile(r"\b(?:municipios?|ciudad(?:es)?)\s+(?:de\s+|:\s*)", re.IGNORECASE)


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


def _enumeraciones(texto: str) -> Iterator[tuple[bool, list[tuple[int, int]]]]:
    """Runs of capitalized items joined by commas, 'y' or 'e', each with whether a list cue opens it.

    An item is a run of capitalized words with lower-case connectors ("Villa del Rosario");
    the cue is "municipio(s) de", "municipios:", "ciudad(es) de".
    """
    claves = sorted(m.end() for m in _CLAVE_LISTA.finditer(texto))
    abiertas = set(claves)
    actual: list[tuple[int, int]] = []
    for item in _ITEM.finditer(texto):
        inicio = item.start()
        dentro = bisect.bisect_right(claves, item.end() - 1)
        if dentro and claves[dentro - 1] > inicio:  # "Municipios de Cúcuta": the list starts after the cue
            inicio = claves[dentro - 1]
        elif actual and _SEPARADOR_ITEMS.fullmatch(texto, actual[-1][1], inicio):
            actual.append((inicio, item.end()))
            continue
        if actual:
            yield actual[0][0] in abiertas, actual
        actual = [(inicio, item.end())]
    if actual:
        yield actual[0][0] in abiertas, actual


_MAYUSCULA = "[A-ZÁÉÍÓÚÑÜ]"
_ITEM = re.compile(rf"{_MAYUSCULA}[^\W\d_]*(?:\s+(?:(?:de|del|la|las|los|el)\s+)*{_MAYUSCULA}[^\W\d_]*)*")
