"""Names: the same organization, program or event spelled two ways in one report.

Candidates are the names a report writes as names: runs of capitalized words ("Casa Norte de
Santander", "Cámara de Comercio de Cúcuta"), acronyms ("INDUARCILLAS"), brand-like words
("ProColombia", "EmprendeFest") and quoted titles (“Tienda a Tienda”).  Each is reduced to a
key that ignores what a reader ignores: case, accents, spaces and hyphens ("Pop-Up Market" =
"POP UP MARKET", "EmprendeFest" = "Emprende Fest"), articles and prepositions ("Festival del
Catatumbo" = "Festival Catatumbo"), numbers and editions ("EXPOCUC 4.0" = "EXPOCUC", "CUMO
2024" = "CUMO 2025"), plural and gender endings.  Two different keys are the same name spelled
two ways when they are one or two typing errors apart ("Procolombina"/"ProColombia",
"Cámara de Comerio Cúcuta"/"Cámara de Comercio Cúcuta", "Empeñe Fest"/"Emprende Fest").

Case and accents alone are deliberately not reported: reports write the same name in capitals in a
table and in title case in prose ("PROCOLOMBIA", "Procolombia"), with and without the accent of a
brand ("CÚMO", "CUMO"), and a hint on each of those would bury the real misspellings.

Comparing is linear in the number of distinct names: each key is indexed by the strings obtained by
deleting one (or, for long names, two) of its characters, and only keys that share one of those
strings are compared (symmetric-deletion blocking), never all pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import combinations
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from auditor.idioma import tr
from auditor.lectura.lugares import Clase, clave, distancia, divipola
from auditor.lectura.palabras import raiz
from auditor.modelo.informe import Informe, Valor
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad

# fields that hold no prose names: places (LUG rules), units, codes, template choices
_CAMPOS_OMITIDOS = frozenset({"municipios", "unidad", "plantilla", "numeracion_metas", "fecha_corte", "documento", "departamento", "suprimir"})

_UNIONES = frozenset({"de", "del", "la", "las", "los", "el"})  # lower-case words inside a capitalized name
_CONECTORES = _UNIONES | {"y", "e", "en", "a", "al", "para", "por", "con"}  # words a key leaves out
_INICIALES_COMUNES = frozenset(
    "a al ante bajo como con cada cuando desde donde durante e en entre es esa ese esta este estas estos fue "
    "gracias ha han hasta hemos igualmente le les lo mediante mi muchas muchos no nos nuestra nuestro o otra "
    "otras otro otros para por se sin sobre son su sus tambien todas todos total tras un una unos unas y ya asimismo "
    "ademas finalmente aunado respecto dichas dichos dicha dicho segun".split()
)
_ROMANOS = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")

# a word (hyphenated parts kept together: "Pop-Up"), a number, or '&' between words of a name
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,]\d+)*|&")
# the capital first, then 'no letter before it' (a look-behind over it and the character before): a
# pattern that starts with a character class lets the regex engine skip ahead to the next capital
_PALABRA_MAYUSCULA = r"[A-ZÀ-ÖØ-Þ](?<![^\W\d_].)[^\W\d_]*(?:-[^\W\d_]+)*"
# a run of capitalized words joined by spaces, articles, 'de'/'del' or '&': "Cámara de Comercio de Cúcuta"
_CORRIDA = re.compile(rf"{_PALABRA_MAYUSCULA}(?:\s+(?:(?:de|del|la|las|los|el|&)\s+)*{_PALABRA_MAYUSCULA})*")
_COMILLAS = re.compile(r"[“\"«]([^”\"»\n]{3,80})[”\"»]")
# A name is short: the longest capitalized run in the seeds, the development corpus and the benchmark corpus is
# under 60 characters. A longer run (a heading in capitals, a pasted list) is not one name, and comparing it
# would build every one-letter deletion of it: quadratic in its length (a 16 KB run took 230 MB).
_LARGO_MAXIMO_NOMBRE = 120


class _Aparicion(NamedTuple):  # a tuple: a report has tens of thousands, a frozen dataclass builds each slower
    meta: int | None
    campo: str
    texto: str  # as written
    orden: int  # position in the report: first occurrence wins ties


@dataclass
class _Grupo:
    """Every occurrence of one spelling (one key)."""

    clave: str
    palabras: tuple[str, ...]  # normalized words (without articles and prepositions)
    largo: bool  # several words, a brand-like word or a quoted title: allows two typing errors
    apariciones: list[_Aparicion] = field(default_factory=list)

    @property
    def primera(self) -> _Aparicion:
        return self.apariciones[0]

    @property
    def forma(self) -> str:
        """The spelling written most often in this group (first one on a tie)."""
        cuenta = Counter(a.texto for a in self.apariciones)
        return max(cuenta, key=lambda t: (cuenta[t], -next(a.orden for a in self.apariciones if a.texto == t)))

    def rango(self) -> tuple[int, int]:
        return (len(self.apariciones), -self.primera.orden)


@lru_cache(maxsize=16384)
def _clave_palabra(palabra: str) -> str:
    """`clave` of one word, without spaces; words repeat across a corpus, so it is cached."""
    return clave(palabra).replace(" ", "")


def _derivada(x: str, y: str) -> bool:
    """One word is the other plus an ending of two or more letters: 'región'/'regional', 'cultura'/'cultural'.
    One letter more is a typo ('Cas'/'Casa')."""
    corta, larga = sorted((raiz(x), raiz(y)), key=len)
    return larga.startswith(corta) and len(larga) - len(corta) >= 2


def _es_sigla(palabra: str) -> bool:
    letras = palabra.replace("-", "")
    return len(letras) >= 2 and letras.isupper()


def _es_marca(palabra: str) -> bool:
    """'ProColombia', 'EmprendeFest': a capital inside a word that is not all capitals."""
    return not palabra.isupper() and any(c.isupper() for c in palabra[1:])


@dataclass(frozen=True)
class _Candidato:
    """A name as written and its key; where it was found is kept apart (see `_candidatos`)."""

    texto: str
    palabras: tuple[str, ...]  # the words of the key, normalized
    largo: bool
    clave: str  # the words without plural and gender endings, joined


def _candidato(texto: str, tokens: list[re.Match[str]]) -> tuple[int, _Candidato] | None:
    """(start in `texto`, candidate) of the name the tokens spell, if any of its words counts."""
    escritas = [t.group() for t in tokens if t.group() != "&" and not t.group()[0].isdigit() and not _ROMANOS.fullmatch(t.group())]
    palabras = tuple(k for k in map(_clave_palabra, escritas) if k and k not in _CONECTORES)
    if not palabras:
        return None
    inicio, fin = tokens[0].start(), tokens[-1].end()
    largo = len(palabras) > 1 or any(_es_marca(p) for p in escritas)
    return inicio, _Candidato(texto[inicio:fin], palabras, largo, "".join(raiz(p) for p in palabras))


@lru_cache(maxsize=4096)
def _es_lugar(nombre: str) -> bool:
    """A municipality or a department (DIVIPOLA, read once per process); names repeat across reports, so it is cached."""
    return divipola().leer(nombre, None).clase is not Clase.DESCONOCIDO


def _al_inicio_de_frase(texto: str, i: int) -> bool:
    """Nothing but spaces, quotes or bullets between the previous sentence end (or the start) and `i`."""
    while i > 0 and (texto[i - 1].isspace() or texto[i - 1] in "\"“«'*#>-"):
        i -= 1
    return i == 0 or texto[i - 1] in ".!?:;•(\t\n"


def _candidatos(texto: str) -> list[_Candidato]:
    """The names written as names in `texto` (its NFC form): capitalized runs, acronyms, brand-like words, quoted
    titles; each once per start and key (a quoted title that is also a capitalized run, or a run that is its own
    acronym, 'COMULGEA 2024', gives the same name twice at one place)."""
    texto = unicodedata.normalize("NFC", texto)  # a decomposed accent would split a word in two
    salida: list[_Candidato] = []
    vistos: set[tuple[int, str]] = set()
    for corrida in _CORRIDA.finditer(texto):
        inicio = corrida.start()
        fuera, al_inicio = _lecturas_de_corrida(corrida.group())
        # whether the run opens a sentence is looked at only when that changes its names (one word alone)
        for desde, c in fuera if fuera is al_inicio or not _al_inicio_de_frase(texto, inicio) else al_inicio:
            visto = (inicio + desde, c.clave)
            if visto not in vistos:
                vistos.add(visto)
                salida.append(c)
    for m in _COMILLAS.finditer(texto):
        tokens = list(_TOKEN.finditer(texto, m.start(1), m.end(1)))
        if tokens and len(tokens) <= 10 and any(t.group()[0].isupper() for t in tokens):
            titulo = _candidato(texto, tokens)
            if titulo is not None and (titulo[0], titulo[1].clave) not in vistos:
                vistos.add((titulo[0], titulo[1].clave))
                salida.append(titulo[1])
    return salida


_Nombres = tuple[tuple[int, _Candidato], ...]


@lru_cache(maxsize=4096)  # a few hundred bytes each
def _lecturas_de_corrida(corrida: str) -> tuple[_Nombres, _Nombres]:
    """The names of a run when it does not open a sentence and when it does: the same tuple twice unless the
    place matters (see `_nombres_de_corrida`).  The same runs recur in every report ("Cámara de Comercio de
    Cúcuta", the words that open sentences), so each is read once."""
    fuera = _nombres_de_corrida(corrida, False)
    al_inicio = _nombres_de_corrida(corrida, True)
    return fuera, (fuera if al_inicio == fuera else al_inicio)


def _nombres_de_corrida(corrida: str, al_inicio_de_frase: bool) -> _Nombres:
    """(start in `corrida`, name) of the names in one run of capitalized words.

    They depend on the run and on whether it opens a sentence only (a word dropped from its start is
    no sentence end); `_lecturas_de_corrida` keeps both readings of each run.
    """
    salida: list[tuple[int, _Candidato]] = []
    tokens = list(_TOKEN.finditer(corrida))
    while tokens and _clave_palabra(tokens[0].group()) in _INICIALES_COMUNES:
        tokens.pop(0)
    while tokens and not tokens[0].group()[0].isupper():  # a connector left first: "Con la Cámara" -> "Cámara"
        tokens.pop(0)
    if not tokens:
        return ()
    unica = tokens[0].group()
    abre_frase = al_inicio_de_frase and tokens[0].start() == 0  # after a dropped word there is no sentence end
    if len(tokens) == 1 and abre_frase and not _es_sigla(unica) and not _es_marca(unica):
        return ()  # a sentence starts with a capital: one word there is not a name
    c = _candidato(corrida, tokens) if tokens[-1].end() - tokens[0].start() <= _LARGO_MAXIMO_NOMBRE else None
    if c is not None:
        salida.append(c)
    if len(tokens) > 1 and not all(_es_sigla(t.group()) for t in tokens if t.group()[0].isupper()):
        for t in tokens:  # an acronym inside a longer name is a name too: "Cooperativa COMULGEA"
            if len(t.group()) >= 3 and _es_sigla(t.group()):
                s = _candidato(corrida, [t])
                if s is not None:
                    salida.append(s)
    return tuple(salida)


def _textos(objeto: Any, meta: int | None, prefijo: str = "") -> list[tuple[int | None, str, str]]:
    """(meta index, field path, text) for every prose field below `objeto`."""
    salida: list[tuple[int | None, str, str]] = []
    _juntar_textos(objeto, meta, prefijo, salida)  # plain recursion into a list, not a generator per field
    return salida


def _juntar_textos(objeto: Any, meta: int | None, prefijo: str, salida: list[tuple[int | None, str, str]]) -> None:
    if isinstance(objeto, str):
        salida.append((meta, prefijo, objeto))
    elif isinstance(objeto, list):
        for i, elemento in enumerate(objeto):
            _juntar_textos(elemento, meta, f"{prefijo}[{i}]", salida)
    elif isinstance(objeto, BaseModel) and not isinstance(objeto, Valor):
        for nombre in _campos_leidos(type(objeto)):
            valor = getattr(objeto, nombre)
            if isinstance(valor, (str, list, BaseModel)):  # the rest (numbers, None) holds no text
                _juntar_textos(valor, meta, f"{prefijo}.{nombre}" if prefijo else nombre, salida)


@cache  # one entry per model class
def _campos_leidos(tipo: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class that `_textos` reads, in order (a report's metas are read one by one)."""
    return tuple(n for n in tipo.model_fields if n not in _CAMPOS_OMITIDOS and not (issubclass(tipo, Informe) and n == "metas"))


@lru_cache(maxsize=512)
def _variantes(k: str, ediciones: int) -> frozenset[str]:
    """`k` and every string made by deleting one or, with `ediciones` 2, two of its characters.

    A long name has up to ~200 (~20 KB), and the same names recur in every report of an office:
    the last 512 are kept (at most ~10 MB), more than one report's long names.
    """
    una = [k[:i] + k[i + 1 :] for i in range(len(k))]
    salida = {k, *una}
    if ediciones == 2:  # from the i-th deletion, delete the j-th character for j >= i only: each pair once
        salida.update(v[:j] + v[j + 1 :] for i, v in enumerate(una) for j in range(i, len(v)))
    return frozenset(salida)


class ParametrosNombres(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    longitud_minima: int = Field(default=6, ge=3, description="Letras mínimas de un nombre para compararlo (sin espacios ni tildes).")
    ignorar: list[str] = Field(
        default_factory=list,
        description="Nombres que la oficina sabe distintos aunque se parezcan (p. ej. 'ASOCANORTE'): nunca se señalan.",
    )


class NombreConDosEscrituras(Regla):
    id = "NOM001"
    nombre = "nombre-con-dos-escrituras"
    categoria = Categoria.INCONSISTENT_NAME
    severidad = Severidad.INFO
    mensaje = "El mismo nombre aparece escrito de dos formas"
    Parametros = ParametrosNombres
    doc = Documentacion(
        que_revisa="Nombres de organizaciones, programas o eventos que aparecen en el informe escritos de dos formas que "
        "se diferencian en una o dos letras ('Procolombina' y 'ProColombia', 'Cas Norte de Santander' y 'Casa Norte de "
        "Santander', 'Empeñe Fest' y 'Emprende Fest'). No cuentan las mayúsculas, las tildes, los espacios, los "
        "artículos ni los números de edición o año ('EXPOCUC 4.0' y 'EXPOCUC', 'CUMO 2024' y 'CUMO 2025'), ni los "
        "municipios (reglas LUG). Señala la forma menos usada y cita la otra.",
        por_que="Un nombre mal escrito en un documento público resta confianza y dificulta buscar en él; dos escrituras "
        "también pueden hacer que se cuente dos veces la misma organización. Es una pista de baja severidad: el "
        "revisor decide si son el mismo nombre.",
        ejemplo_falla="ejecucion:\n  como: Se trabajó con ProColombia y la Cámara de Comercio de Ocaña.\n"
        "logro:\n  texto: Actores los cuales son Procolombina y la Cámara de Comercio de Ocaña.\n",
        ejemplo_pasa="ejecucion:\n  como: Se trabajó con PROCOLOMBIA y las Cámaras de Comercio de Cúcuta y Ocaña.\n"
        "logro:\n  texto: Actores como Procolombia y la Cámara de Comercio de Ocaña.\n",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosNombres = contexto.parametros
        ignorados = {c.clave for n in p.ignorar for c in _candidatos(n)}
        grupos = self._agrupar(informe, p.longitud_minima, ignorados)
        variantes = [_variantes(g.clave, 2 if g.largo and 10 <= len(g.clave) <= 20 else 1) for g in grupos]
        # only the few variants two keys share are indexed: found with set operations, not one entry per variant
        vistas: set[str] = set()
        compartidas: set[str] = set()
        for propias in variantes:
            compartidas |= propias & vistas
            vistas |= propias
        indice: dict[str, list[int]] = {}
        for g, propias in enumerate(variantes):
            for v in propias & compartidas:
                indice.setdefault(v, []).append(g)
        pares = {(a, b) for lista in indice.values() for a, b in combinations(lista, 2)}  # lists in group order
        mejor: dict[int, int] = {}  # variant group -> the more used group it looks like
        for a, b in sorted(pares):
            if not self._parecidos(grupos[a], grupos[b]):
                continue
            variante, referencia = (a, b) if grupos[a].rango() < grupos[b].rango() else (b, a)
            if variante not in mejor or grupos[referencia].rango() > grupos[mejor[variante]].rango():
                mejor[variante] = referencia
        for variante, referencia in sorted(mejor.items(), key=lambda par: grupos[par[0]].primera.orden):
            yield self._observacion(informe, grupos[variante], grupos[referencia])

    @staticmethod
    def _agrupar(informe: Informe, longitud_minima: int, ignorados: set[str]) -> list[_Grupo]:
        por_clave: dict[str, _Grupo] = {}
        lugares: set[str] = set()
        orden = 0
        fuentes = [*_textos(informe, None), *(t for i, meta in enumerate(informe.metas) for t in _textos(meta, i))]
        # each (meta, field) is one text: a name met twice at one place of it is counted once (`_candidatos`)
        for meta, campo, texto in fuentes:
            for c in _candidatos(texto):
                k = c.clave
                if len(k) < longitud_minima or k in ignorados or k in lugares:
                    continue
                grupo = por_clave.get(k)
                if grupo is None:
                    if _es_lugar(c.texto):
                        lugares.add(k)  # a municipality or a department: the LUG rules read places
                        continue
                    grupo = por_clave[k] = _Grupo(k, c.palabras, c.largo)
                elif c.largo:
                    grupo.largo = True
                grupo.apariciones.append(_Aparicion(meta, campo, c.texto, orden))
                orden += 1
        return list(por_clave.values())

    @staticmethod
    def _parecidos(a: _Grupo, b: _Grupo) -> bool:
        corta = min(len(a.clave), len(b.clave))
        tope = 2 if a.largo and b.largo and corta >= 10 else 1
        d = distancia(a.clave, b.clave, tope)
        if d > tope or d > 0.2 * max(len(a.clave), len(b.clave)):
            return False
        if len(a.palabras) == len(b.palabras):
            distintas = [(x, y) for x, y in zip(a.palabras, b.palabras, strict=True) if raiz(x) != raiz(y)]
            lugares = divipola()
            if distintas and all(lugares.buscar(x) and lugares.buscar(y) for x, y in distintas):
                return False  # "Emprende Paz Pamplona" / "Emprende Paz Pamplonita": two places, two names
            if len(distintas) == 1 and _derivada(*distintas[0]):
                return False  # "Región Norte de Santander" / "Regional Norte de Santander": another word
        return True

    @staticmethod
    def _observacion(informe: Informe, variante: _Grupo, referencia: _Grupo) -> Observacion:
        ref = next(a for a in referencia.apariciones if a.texto == referencia.forma)
        donde = tr("meta {numero}, {campo}", numero=informe.metas[ref.meta].etiqueta, campo=ref.campo) if ref.meta is not None else ref.campo
        n_var, n_ref = len(variante.apariciones), len(referencia.apariciones)
        if n_ref > n_var:
            mensaje = tr("«{variante}» y «{forma}» ({donde}) parecen el mismo nombre escrito de dos formas; «{forma}» es la forma "
                         "más usada ({n_ref} veces, frente a {n_var}); si es el mismo, unifique la escritura",
                         variante=variante.forma, forma=referencia.forma, donde=donde, n_ref=n_ref, n_var=n_var)
        else:
            mensaje = tr("«{variante}» y «{forma}» ({donde}) parecen el mismo nombre escrito de dos formas; si es el mismo, "
                         "unifique la escritura", variante=variante.forma, forma=referencia.forma, donde=donde)
        primera = variante.primera
        return Observacion(mensaje, primera.campo, primera.meta, primera.texto)
