"""Names: the same organization, program or event spelled two ways in one report.

Candidates are the names a report writes as names, as `lectura.nombres` reads them (capitalized runs,
acronyms, brand-like words, quoted titles), each reduced to a key that ignores what a reader ignores
("Pop-Up Market" = "POP UP MARKET", "Festival del Catatumbo" = "Festival Catatumbo", "EXPOCUC 4.0" =
"EXPOCUC").  Two different keys are the same name spelled two ways when they are one or two typing errors
apart ("Procolombina"/"ProColombia", "Cámara de Comerio Cúcuta"/"Cámara de Comercio Cúcuta", "Empeñe
Fest"/"Emprende Fest").

Case and accents alone are deliberately not reported: reports write the same name in capitals in a
table and in title case in prose ("PROCOLOMBIA", "Procolombia"), with and without the accent of a
brand ("CÚMO", "CUMO"), and a hint on each of those would bury the real misspellings.

Comparing is linear in the number of distinct names: each key is indexed by the strings obtained by
deleting one (or, for long names, two) of its characters, and only keys that share one of those
strings are compared (symmetric-deletion blocking), never all pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import combinations
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from auditor.idioma import tr
from auditor.lectura.lugares import Clase, distancia, divipola
from auditor.lectura.nombres import nombres_propios
from auditor.lectura.palabras import raiz
from auditor.modelo.informe import Informe, Valor
from auditor.modelo.nombres import nombre as nombre_en_la_plantilla
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad

# fields that hold no prose names: places (LUG rules), units, codes, template choices
_CAMPOS_OMITIDOS = frozenset({"municipios", "unidad", "plantilla", "numeracion_metas", "fecha_corte", "documento", "departamento", "suprimir"})

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


def _derivada(x: str, y: str) -> bool:
    """One word is the other plus an ending of two or more letters: 'región'/'regional', 'cultura'/'cultural'.
    One letter more is a typo ('Cas'/'Casa')."""
    corta, larga = sorted((raiz(x), raiz(y)), key=len)
    return larga.startswith(corta) and len(larga) - len(corta) >= 2


@lru_cache(maxsize=4096)
def _es_lugar(nombre: str) -> bool:
    """A municipality or a department (DIVIPOLA, read once per process); names repeat across reports, so it is cached."""
    return divipola().leer(nombre, None).clase is not Clase.DESCONOCIDO


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
        que_hacer="Si es el mismo nombre, escríbalo igual en todo el informe, con la forma correcta.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosNombres = contexto.parametros
        ignorados = {c.clave for n in p.ignorar for c in nombres_propios(n)}
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
            for c in nombres_propios(texto):
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
        donde = (tr("meta {numero}, {campo}", numero=informe.metas[ref.meta].etiqueta, campo=nombre_en_la_plantilla(ref.campo))
                 if ref.meta is not None else nombre_en_la_plantilla(ref.campo))
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
