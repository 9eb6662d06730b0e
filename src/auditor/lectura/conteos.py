"""Counts in Spanish prose: a number together with the noun it counts.

"337 empresas beneficiadas", "más de 1600 ciudadanos cesantes", "dos (2) jornadas",
"Un centro de reindustrialización ..." are each read into a `Conteo`: the value, its
qualifier ("más de" is a lower bound, "cerca de" an approximation), the noun it counts
and where it is in the text, so that a finding can quote it.

Numbers that do not count things are left out: amounts (``$ 776``, ``165 mil dólares``,
``3,8 millones de dólares``), percentages (``76%``, ``22.4 por ciento``), ordinals
(``50°``, ``3ª``) and numbers glued to other characters, as dates and codes are
(``23-octubre-2025``, ``2024-460``).  ``un``/``una`` count only when they open the text
("Un centro ... apoyado"); elsewhere they are articles.

Nouns are compared by their head, in singular and without accents, and their first
modifier: "unidades productivas" is "unidad productiva" and differs from "unidades
económicas"; "sesiones de capacitación" differs from "sesiones de asistencia técnica";
"ciudadanos" (no modifier) matches "ciudadanos cesantes".  "empresas" and "ciudadanos"
are different things.

The same module reads the other shapes of counting that reports use: enumerations that
follow a count ("3 clústeres asistidos: Construcción, TIC, Moda Norte"), breakdowns
("84 compradores, de los cuales 78 fueron nacionales y 6 internacionales"), coordinated
counts ("41 funcionarios públicos y 40 personeros") and percentage splits ("el 76% ... y
el 24% restante").  Every text is read once (patterns compiled once, results cached), so
rules that look at the same field do not read it again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import sub
from typing import Literal

from auditor.lectura.cifras import leer_numero
from auditor.lectura.memoria import por_informe
from auditor.lectura.nombres import CONECTORES
from auditor.lectura.numeros_en_letras import PALABRAS, UNIDADES, leer_en_letras
from auditor.lectura.palabras import clave
from auditor.lectura.patrones import normalizar
from auditor.lectura.perezosa import perezosa
from auditor.lectura.porcentajes import porcentajes as leer_porcentajes
from auditor.lectura.vocabulario import calificadores, citas, derivado, unidades
from auditor.lectura.vocabulario import lugares as lugares_vocabulario

Calificador = Literal["exacto", "minimo", "aproximado", "maximo"]

# Colombian thousands (1.150, 12.972, 1.158,69), a decimal point with one or two digits (17.9),
# a decimal comma (3,8) or a plain integer; then words, then any other visible character.
_NUMERO = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?"
_TOKEN = re.compile(rf"(?P<num>{_NUMERO})|(?P<pal>[^\W\d_]+)|(?P<sig>\S)")
_ANTES_DE_NUMERO = set(" \t\n\r(“\"'¿¡[«")
_DESPUES_DE_NUMERO = set(" \t\n\r,.;:)”\"'!?]»")

# the words that start a count: one to twenty ("dos (2) jornadas"), from the one table of number words;
# "un"/"una" are articles but for the first word of a text
_ARTICULO_NUMERO = {p: UNIDADES[p] for p in ("un", "una")}
PALABRAS_NUMERO = {p: v for p, v in UNIDADES.items() if 1 <= v <= 20 and p not in _ARTICULO_NUMERO}
# the words a number written in words may start with, above twenty ('trescientas cuarenta', 'mil doscientos')
_PALABRAS_DE_CIFRA = frozenset(PALABRAS - {"y", "un", "una", "uno"})
_PALABRAS_QUE_CUENTAN = PALABRAS_NUMERO.keys() | _ARTICULO_NUMERO.keys() | _PALABRAS_DE_CIFRA  # the only words a count can start at

_MULTIPLICADORES = {"mil": 1_000, "millon": 1_000_000, "millones": 1_000_000}
_DINERO = derivado(lambda: frozenset(unidades().dinero))  # money, not a count: `vocabulario.unidades`

# adjectives that go before the noun: "24 nuevos clientes", "200 micro y pequeñas empresas"
_ANTEPUESTOS = {
    "nuevo", "nuevos", "nueva", "nuevas", "diferentes", "distintos", "distintas", "principales", "grandes",
    "pequenos", "pequenas", "medianos", "medianas", "micro", "primeros", "primeras", "ultimos", "ultimas",
    "otros", "otras", "mismos", "mismas", "importantes", "diversos", "diversas", "varios", "varias",
}
_ARTICULOS = {"el", "la", "los", "las", "lo", "un", "una", "unos", "unas"}
_FUNCIONALES = _ARTICULOS | {
    "a", "al", "ante", "bajo", "con", "contra", "de", "del", "desde", "durante", "en", "entre", "hacia", "hasta",
    "mediante", "para", "por", "segun", "sin", "sobre", "tras", "y", "e", "o", "u", "ni", "que", "pero", "sino",
    "como", "cuando", "donde", "se", "su", "sus", "le", "les", "ha", "han", "he", "hemos", "fue", "fueron", "es",
    "son", "era", "eran", "esta", "estan", "estaba", "estaban", "sera", "seran", "sido", "siendo", "tiene",
    "tienen", "hay", "mas", "menos", "muy", "ya", "no", "si", "cada", "este", "estos", "estas", "ese", "esos",
    "esas", "aquel", "cual", "cuales", "quien", "quienes", "cuyo", "cuya", "ano", "anos",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
    "octubre", "noviembre", "diciembre",
}


def es_participio(palabra: str) -> bool:
    """"beneficiadas", "asistidos", "dotadas": the predicate after a count, not a modifier of its noun."""
    return clave(palabra).endswith(("ado", "ada", "ido", "ida"))


@dataclass(frozen=True)
class Sustantivo:
    """The thing a count counts: the key of its head noun and of its first modifier."""

    nucleo: str
    modificador: str | None
    texto: str  # as written, for messages

    def compatible(self, otro: Sustantivo) -> bool:
        """Do both speak of the same thing? Same head, and no two different modifiers."""
        if self.nucleo != otro.nucleo:
            return False
        return self.modificador is None or otro.modificador is None or self.modificador == otro.modificador


@dataclass(frozen=True)
class Tokens:
    """The tokens of a text, by columns: token k is `tipo[k]`, `texto[k]`, `inicio[k]`...

    Columns and not one object per token: a large run reads hundreds of thousands of tokens,
    and tuples of strings and numbers are cheap to build and nothing for the garbage collector."""

    tipo: tuple[Literal["num", "pal", "sig"], ...]
    texto: tuple[str, ...]
    inicio: tuple[int, ...]
    fin: tuple[int, ...]
    normal: tuple[str, ...]  # words normalized (`normalizar`); numbers and signs as written
    oracion: tuple[int, ...]  # index of the sentence the token is in

    def __len__(self) -> int:
        return len(self.tipo)


@dataclass(frozen=True)
class Conteo:
    """A number that counts something in the text, with its noun when it has one."""

    valor: float
    calificador: Calificador
    sustantivo: Sustantivo | None
    inicio: int  # where the quote starts (the qualifier, if any)
    fin: int  # end of the noun phrase (or of the number)
    cita: str  # "más de 1600 ciudadanos cesantes"
    previas: tuple[str, ...]  # up to three normalized words before the number (or its qualifier)
    anterior: str  # the token right before the quote, normalized ("" at the start): "y", ",", "de", ...
    siguientes: tuple[str, ...]  # up to three normalized words after the noun phrase
    oracion: int
    i_inicio: int  # token index where the quote starts (the qualifier, if any)
    i_numero: int  # token index of the number
    i_fin: int  # token index just after the noun phrase
    escrito_dos_veces: tuple[str, str] | None = None  # "dos (3)": the word and the digits disagree
    rotulo: tuple[str, ...] = ()  # up to three words before a colon right before the count: "(meta cuatrienio: 800 …)"
    denominador: bool = False  # the whole of a fraction, after another number and 'de': the 60 of "27 de 60 instituciones"

    def coincide_con(self, total: float) -> bool:
        """Is this count what a total of `total` would say? ("más de 80" agrees with 85, not with 70)."""
        if self.calificador == "exacto":
            return self.valor == total
        if self.calificador == "minimo":
            return total >= self.valor
        if self.calificador == "maximo":
            return total <= self.valor
        return abs(total - self.valor) <= 0.1 * self.valor

    def supera(self, total: float) -> bool:
        """Does this count say more than `total`? Approximations and upper bounds never do."""
        return self.calificador in ("exacto", "minimo") and self.valor > total


# the units of an age inside a whole's description ('mayores de 60 años', 'menores de 5 años')
_EDADES = frozenset({"anos", "ano", "meses", "mes"})


@dataclass(frozen=True)
class Enumeracion:
    """A count followed by the list of what it counts: "3 clústeres asistidos: Construcción, TIC, Moda Norte"."""

    conteo: Conteo
    elementos: tuple[str, ...]
    cita: str
    inicio: int
    fin: int


@dataclass(frozen=True)
class Desglose:
    """Parts of a whole in one sentence: "84 compradores, de los cuales 78 ... y 6 ..."."""

    total: Conteo
    partes: tuple[Conteo, ...]
    cita: str
    inicio: int
    fin: int

    @property
    def suma(self) -> float:
        return sum(p.valor for p in self.partes)


@dataclass(frozen=True)
class Particion:
    """A whole split into parts that cannot overlap, so that they must add up to it:
    "120 familias: 70 de Sardinata y 50 de Tibú" (by place), "90 hogares: 52 con jefatura femenina
    y 38 con jefatura masculina" (by complementary qualifiers).  `forma` says how the parts are
    introduced: a colon after the whole ("dos_puntos") or "de los cuales" and its kin ("marcador")."""

    total: Conteo
    partes: tuple[Conteo, ...]
    criterio: Literal["lugar", "complementario"]
    forma: Literal["dos_puntos", "marcador"]
    cita: str
    inicio: int
    fin: int

    @property
    def suma(self) -> float:
        return sum(p.valor for p in self.partes)


@dataclass(frozen=True)
class ListaEnLineas:
    """A list written one item a line (numbered "1." … "n." or bulleted) after a line that ends in a colon.

    The line before names what is listed: a count ("12 sedes dotadas:") or a label without a number
    ("Sedes dotadas:"), whose noun (`rotulo`) is then compared with the meta's own quantities."""

    conteo: Conteo | None
    rotulo: Sustantivo | None
    elementos: tuple[str, ...]
    cita: str  # the line that introduces the list
    inicio: int
    fin: int


@dataclass(frozen=True)
class Reparto:
    """Percentages that together must make 100: "el 76% ... y el 24% restante"."""

    porcentajes: tuple[tuple[float, str], ...]  # value and text as written
    cita: str
    inicio: int
    fin: int

    @property
    def suma(self) -> float:
        return sum(v for v, _ in self.porcentajes)


# The same tokens as `_TOKEN`, each with the white space before it and without groups: `findall` then
# gives plain strings (no match object per token), and the lengths give every position. A token's kind
# follows from its text: a number starts with a decimal digit (what \d is), a word with a letter (no
# digit can be in a word, and a letter is never a sign: at a letter the word alternative matches).
# Words first: a letter is never a digit, so at any position at most one of the two can match and the
# order does not change a token, but most tokens are words, which no longer fail the three numbers first.
_TOKEN_CON_BLANCO = re.compile(rf"\s*(?:[^\W\d_]+|{_NUMERO}|\S)")
_LETRA = re.compile(r"[^\W\d_]")


class _PorToken(dict[str, str]):
    """What a token's text alone says (its kind, or its normalized form), computed once per distinct text:
    texts repeat the same words. Emptied past `limite` entries so that a long run does not keep every word."""

    def __init__(self, calcular: Callable[[str], str], limite: int = 65536) -> None:
        super().__init__()
        self.calcular = calcular
        self.limite = limite

    def __missing__(self, texto: str) -> str:
        if len(self) >= self.limite:
            self.clear()
        valor = self[texto] = self.calcular(texto)
        return valor


def _tipo(texto: str) -> str:
    return "num" if texto[0].isdecimal() else "pal" if _LETRA.match(texto) else "sig"


_TIPOS = _PorToken(_tipo)
_NORMALES = _PorToken(lambda texto: normalizar(texto) if _TIPOS[texto] == "pal" else texto)


# A sentence ends at ';', '?', '!', at a '.' followed by white space or the end of the text (such a '.'
# is never part of a number), and at white space with a line break in it.
_FIN_DE_ORACION = re.compile(r"[;?!]|\.(?=\s|\Z)|\n\s*")


def _tokens(texto: str) -> Tokens:
    trozos = _TOKEN_CON_BLANCO.findall(texto)  # " palabra": the token and the white space before it
    fin = tuple(accumulate(map(len, trozos)))
    textos = tuple(map(str.lstrip, trozos))  # str.lstrip removes what \s matches, no more
    inicio = tuple(map(sub, fin, map(len, textos)))
    tipo: tuple[Literal["num", "pal", "sig"], ...] = tuple(map(_TIPOS.__getitem__, textos))  # type: ignore[arg-type]
    normal = tuple(map(_NORMALES.__getitem__, textos))
    oracion: list[int] = []
    numero = 0
    for corte in _FIN_DE_ORACION.finditer(texto):
        hasta = bisect_left(inicio, corte.end())  # the tokens before the end of this sentence
        oracion.extend([numero] * (hasta - len(oracion)))
        if hasta:  # line breaks before the first token do not end a sentence
            numero += 1
    oracion.extend([numero] * (len(inicio) - len(oracion)))
    return Tokens(tipo, textos, inicio, fin, normal, tuple(oracion))


def sustantivo_en(tokens: Tokens, j: int) -> tuple[Sustantivo | None, int]:
    """The noun phrase that starts at token `j`, and the index of the token after it."""
    n = len(tokens)
    tipo, normal = tokens.tipo, tokens.normal
    inicio = j
    while j < n and tipo[j] == "pal" and (
        normal[j] in _ANTEPUESTOS
        or (normal[j] in ("y", "e") and j + 1 < n and normal[j + 1] in _ANTEPUESTOS and j > inicio)
    ):
        j += 1
    if j >= n or tipo[j] != "pal" or normal[j] in _FUNCIONALES or len(normal[j]) < 2:
        return None, inicio
    cabeza = j
    modificador: str | None = None
    fin = j + 1
    if fin < n and tipo[fin] == "pal":
        if normal[fin] in ("de", "del"):
            k = fin + 1
            while k < n and tipo[k] == "pal" and normal[k] in _ARTICULOS:
                k += 1
            if k < n and tipo[k] == "pal" and normal[k] not in _FUNCIONALES and normal[k] not in PALABRAS:
                modificador = "de " + clave(tokens.texto[k])  # not 'de las cuatrocientas': a number, not what the thing is
                fin = k + 1
        elif normal[fin] not in _FUNCIONALES and not es_participio(tokens.texto[fin]):
            modificador = clave(tokens.texto[fin])
            fin += 1
    texto = " ".join(tokens.texto[inicio:fin])
    return Sustantivo(clave(tokens.texto[cabeza]), modificador, texto), fin


@lru_cache(maxsize=1024)  # a report writes the same few units ("personas", "empresas") in every meta
def sustantivo_de(unidad: str | None) -> Sustantivo | None:
    """The noun of a unit as the structured data writes it: "unidades productivas", "sesiones de asistencia técnicas"."""
    if not unidad or not unidad.strip():
        return None
    tokens = _tokens(unidad)
    j = 0
    while j < len(tokens) and (tokens.tipo[j] != "pal" or tokens.normal[j] in _ARTICULOS):
        j += 1  # "4.500 personas", "las unidades productivas"
    return sustantivo_en(tokens, j)[0]


def _palabras_antes(tokens: Tokens, i: int, cuantas: int = 3) -> tuple[str, ...]:
    """Up to `cuantas` normalized words right before token `i` (stopping at punctuation or a number)."""
    tipo = tokens.tipo
    k = i
    while k > 0 and i - k < cuantas and tipo[k - 1] == "pal":
        k -= 1
    return tokens.normal[k:i]


def _palabras_despues(tokens: Tokens, i: int, cuantas: int = 3) -> tuple[str, ...]:
    tipo = tokens.tipo
    n = len(tipo)
    k = i
    while k < n and k - i < cuantas and tipo[k] == "pal":
        k += 1
    return tokens.normal[i:k]


def _calificadores_por_ultima() -> dict[str, list[tuple[tuple[str, ...], Calificador]]]:
    """The qualifiers (`vocabulario.calificadores`: "más de", "cerca de", "hasta") by their last word, each list in
    the vocabulary's order, minimo, aproximado, maximo, exacto (the first that fits wins)."""
    vocabulario = calificadores()
    salida: dict[str, list[tuple[tuple[str, ...], Calificador]]] = {}
    orden: tuple[Calificador, ...] = ("minimo", "aproximado", "maximo", "exacto")
    for calificacion in orden:
        for frase in getattr(vocabulario, calificacion):
            palabras = tuple(frase.split())
            salida.setdefault(palabras[-1], []).append((palabras, calificacion))
    return salida


_CALIFICADORES_POR_ULTIMA = derivado(_calificadores_por_ultima)  # rebuilt when an office extends the vocabulary


def _calificador(previas: tuple[str, ...]) -> tuple[Calificador, int]:
    """The qualifier that ends right before the number, and how many words it takes."""
    for palabras, calificador in _CALIFICADORES_POR_ULTIMA().get(previas[-1], ()) if previas else ():
        if previas[-len(palabras) :] == palabras:
            return calificador, len(palabras)
    return "exacto", 0


def _posiciones(columna: tuple[str, ...], valor: str) -> list[int]:
    """The indices where `valor` is in `columna` (found by tuple.index, without a step per token)."""
    posiciones: list[int] = []
    k = -1
    try:
        while True:
            k = columna.index(valor, k + 1)
            posiciones.append(k)
    except ValueError:
        return posiciones


class Analisis:
    """Everything this module reads in one text; each part is computed once, on first use."""

    def __init__(self, texto: str) -> None:
        self.texto = texto
        self.tokens = _tokens(texto)

    def _cita(self, inicio: int, fin: int) -> str:
        return " ".join(self.texto[inicio:fin].split())

    def _es_numero_aislado(self, i: int) -> bool:
        inicio, fin = self.tokens.inicio[i], self.tokens.fin[i]
        antes = self.texto[inicio - 1] if inicio > 0 else " "
        despues = self.texto[fin] if fin < len(self.texto) else " "
        if antes not in _ANTES_DE_NUMERO or despues not in _DESPUES_DE_NUMERO:
            return False
        k = inicio - 1
        while k >= 0 and self.texto[k] in " \t":
            k -= 1
        return not (k >= 0 and self.texto[k] == "$")

    def _es_porcentaje(self, i: int) -> bool:
        tokens = self.tokens
        if i + 1 >= len(tokens):
            return False
        if tokens.texto[i + 1] == "%":
            return True
        return tokens.normal[i + 1] == "por" and i + 2 < len(tokens) and tokens.normal[i + 2] == "ciento"

    @perezosa
    def conteos(self) -> tuple[Conteo, ...]:
        """Every count of the text, in order."""
        tokens = self.tokens
        conteos: list[Conteo] = []
        tipo, texto, normal = tokens.tipo, tokens.texto, tokens.normal
        n = len(tokens)
        primera_palabra = next((k for k, x in enumerate(tipo) if x != "sig"), None)
        repetidos: set[int] = set()  # the "2" of "dos (2)"
        # the numbers and the words that can count (a number's normal form is its digits, never one of those words)
        candidatos = _posiciones(tipo, "num")
        for palabra in _PALABRAS_QUE_CUENTAN.intersection(normal):
            candidatos += _posiciones(normal, palabra)
        candidatos.sort()
        for i in candidatos:
            if i in repetidos:
                continue
            escrito_dos_veces: tuple[str, str] | None = None
            j = i + 1
            if tipo[i] == "num":
                if not self._es_numero_aislado(i) or self._es_porcentaje(i):
                    continue
                valor = leer_numero(texto[i])
                if valor is None:
                    continue
            elif tipo[i] == "pal" and normal[i] in _PALABRAS_DE_CIFRA and self._abre_cifra(i) \
                    and (en_letras := self._en_letras(i)) is not None:
                valor, j = en_letras  # 'trescientas cuarenta mujeres', 'DOSCIENTAS DIEZ': the whole run of number words
                repetidos.update(range(i + 1, j))
                if normal[j - 1] in _MULTIPLICADORES and j < n and normal[j] == "de":
                    j += 1  # 'doscientos treinta millones de pesos': money, told by what follows
            elif tipo[i] == "pal" and normal[i] in PALABRAS_NUMERO:
                valor = float(PALABRAS_NUMERO[normal[i]])
                # "dos (2) jornadas": the digits repeat the word (and may disagree with it)
                if j + 2 < n and texto[j] == "(" and tipo[j + 1] == "num" and texto[j + 2] == ")":
                    digitos = leer_numero(texto[j + 1])
                    if digitos is not None and digitos != valor:
                        escrito_dos_veces = (texto[i], texto[j + 1])
                    repetidos.add(j + 1)
                    j += 3
            elif tipo[i] == "pal" and normal[i] in _ARTICULO_NUMERO and i == primera_palabra:
                if j < n and normal[j] == "total":
                    continue  # "Un total de 390 beneficiarios": the count is 390
                valor = float(_ARTICULO_NUMERO[normal[i]])
            else:
                continue
            # "165 mil dólares", "3,8 millones de dólares": money, not a count; "2 millones de personas" is a count
            if j < n and normal[j] in _MULTIPLICADORES:
                valor *= _MULTIPLICADORES[normal[j]]
                j += 1
                if j < n and normal[j] == "de":
                    j += 1
            if j < n and normal[j] in _DINERO():
                continue
            if j < n and texto[j] in ("°", "º", "ª"):
                continue
            previas = _palabras_antes(tokens, i)
            calificador, largo = _calificador(previas)
            inicio = tokens.inicio[i - largo]
            previas_calificador = _palabras_antes(tokens, i - largo)
            sustantivo, fin_frase = sustantivo_en(tokens, j)
            if sustantivo is None and tipo[i] == "num" and i > 0 and normal[i - 1] in _DESIGNAN_CON_NUMERO():
                continue  # 'la comuna 7', 'fase 2', 'Ley 1448': the number names the place, the stage or the norm; it counts nothing
            i_fin = fin_frase if sustantivo is not None else j
            fin = tokens.fin[i_fin - 1]
            conteos.append(Conteo(
                valor=valor, calificador=calificador, sustantivo=sustantivo, inicio=inicio, fin=fin,
                cita=self._cita(inicio, fin), previas=previas_calificador,
                anterior=normal[i - largo - 1] if i - largo > 0 else "", siguientes=_palabras_despues(tokens, i_fin),
                oracion=tokens.oracion[i], i_inicio=i - largo, i_numero=i, i_fin=i_fin, escrito_dos_veces=escrito_dos_veces,
                rotulo=_palabras_antes(tokens, i - largo - 1) if i - largo > 0 and texto[i - largo - 1] == ":" else (),
                denominador=largo == 0 and i >= 2 and normal[i - 1] in ("de", "del") and tipo[i - 2] == "num",
            ))
        return tuple(conteos)

    def _abre_cifra(self, i: int) -> bool:
        """Token `i` starts a run of number words: the word before it is none, or is the 'y' of a list ('dos grupos y
        cuarenta líderes'), not of a number ('treinta y cinco')."""
        normal = self.tokens.normal
        if i == 0 or normal[i - 1] not in PALABRAS:
            return True
        return normal[i - 1] == "y" and (i < 2 or normal[i - 2] not in PALABRAS)

    def _en_letras(self, i: int) -> tuple[float, int] | None:
        """A number written in more than one word from token `i` ('trescientas cuarenta', 'mil doscientos'), or a word
        above twenty alone ('cuarenta'), with the index past it; None when the run does not read as one number, is a
        single word of twenty or less (read as before), or is a percentage ('cien por ciento')."""
        tokens = self.tokens
        n = len(tokens)
        k = i
        while k < n and tokens.tipo[k] == "pal" and tokens.normal[k] in PALABRAS and k - i < 12:
            k += 1
        while k > i + 1 and tokens.normal[k - 1] == "y":
            k -= 1
        if k == i + 1 and tokens.normal[i] in PALABRAS_NUMERO:
            return None
        if k < n and (tokens.texto[k] == "%" or (tokens.normal[k] == "por" and k + 1 < n and tokens.normal[k + 1] == "ciento")):
            return None
        valor = leer_en_letras(" ".join(tokens.texto[i:k]))
        return (float(valor), k) if valor is not None and valor > 0 else None

    # -- enumerations -------------------------------------------------------------------------------

    def _fin_de_oracion(self, k: int, cierre: str | None = None) -> int:
        """Index just past the last token of the sentence that token `k` is in (or of `cierre`, or before
        the next colon: a list does not run past another list's opening); -1 past `_MAX_LISTA` tokens,
        which no list of names is (so that every token is looked at a bounded number of times)."""
        tokens = self.tokens
        n = len(tokens)
        oracion = tokens.oracion[k]
        tope = k + _MAX_LISTA
        while k < n:
            if tokens.oracion[k] != oracion or tokens.texto[k] == cierre or tokens.texto[k] == ":":
                return k
            if k >= tope:
                return -1
            if tokens.tipo[k] == "sig" and tokens.texto[k] in ".;?!" and (k + 1 == n or tokens.oracion[k + 1] != oracion):
                return k
            k += 1
        return k

    def _inicio_de_lista(self, c: Conteo) -> tuple[int, str] | None:
        """Where the list after count `c` starts and how it is introduced, if one follows it."""
        tokens = self.tokens
        k = c.i_fin
        for _ in range(5):  # the noun phrase, then at most four more words
            if k >= len(tokens) or tokens.oracion[k] != c.oracion:
                return None
            if tokens.texto[k] in (":", "("):
                return k + 1, tokens.texto[k]
            if tokens.tipo[k] != "pal":
                return None
            siguientes = _palabras_despues(tokens, k, 3)
            if siguientes[:2] == ("a", "saber"):
                k += 2
                return (k + 1 if k < len(tokens) and tokens.texto[k] == ":" else k), ":"
            if siguientes in (("los", "cuales", "son"), ("las", "cuales", "son")):
                k += 3
                return (k + 1 if k < len(tokens) and tokens.texto[k] == ":" else k), ":"
            if tokens.normal[k] in ("a", "en") and k > c.i_fin and es_participio(tokens.texto[k - 1]):
                return k + 1, "preposicion"
            if (tokens.normal[k] in ("son", "fueron") and k + 1 < len(tokens) and tokens.tipo[k + 1] == "pal"
                    and tokens.texto[k + 1][:1].isupper()):
                return k + 1, "preposicion"  # 'Las 5 comunidades intervenidas son Nazareth, Arara y …': names only
            k = self._fin_de_nombre(k)
        return None

    def _fin_de_nombre(self, k: int) -> int:
        """Index past the word at `k`, or past the whole capitalized name that starts there, with the
        small words inside it ('del concurso Obras con Saldo Pedagógico:'): a name is one word of the
        words allowed between a count and its list, however long it is."""
        tokens = self.tokens
        n = len(tokens)
        if not tokens.texto[k][:1].isupper():
            return k + 1
        fin = k + 1
        j = k + 1
        while j < n and tokens.tipo[j] == "pal" and tokens.oracion[j] == tokens.oracion[k] and j - k < _MAX_NOMBRE:
            if tokens.texto[j][0].isupper():
                fin = j = j + 1
            elif tokens.normal[j] in CONECTORES:
                j += 1
            else:
                break
        return fin

    @perezosa
    def enumeraciones(self) -> tuple[Enumeracion, ...]:
        """Counts followed right away by the list of what they count.

        The list must follow the count's noun phrase (with at most four more words, such as
        "asistidos" or "comerciales al exterior desarrolladas") and be introduced by a colon, a
        parenthesis, "a saber" / "los cuales son", a participle and "a"/"en" ("desarrolladas
        a España y Portugal, China, y Perú"), or "son"/"fueron" before a capitalized name ("las 5
        comunidades intervenidas son Nazareth, Arara, …"); in those two weakest forms every element
        must be a short capitalized name.  Lists that say they are not complete ("entre otros") are left out.
        """
        resultado: list[Enumeracion] = []
        tokens = self.tokens
        for c in self.conteos:
            if c.sustantivo is None or c.calificador != "exacto" or c.valor < 2 or c.valor != int(c.valor):
                continue
            inicio = self._inicio_de_lista(c)
            if inicio is None or inicio[0] >= len(tokens):
                continue
            desde, forma = inicio
            hasta = self._fin_de_oracion(desde, ")" if forma == "(" else None)
            if hasta < 0 or desde >= hasta:
                continue
            elementos = _elementos(self.texto[tokens.inicio[desde] : tokens.fin[hasta - 1]], estricta=forma == "preposicion",
                                   solo_nombres=forma == "(")
            if elementos is None:
                continue
            if c.valor >= 2 * len(elementos) and not any(_es_nombre(e) for e in elementos):
                continue  # '27 escuelas de música: vientos, cuerdas, coros y músicas populares': their kinds, not the 27
            cerrado = forma == "(" and hasta < len(tokens) and tokens.texto[hasta] == ")"
            fin = tokens.fin[hasta] if cerrado else tokens.fin[hasta - 1]
            resultado.append(Enumeracion(c, elementos, self._cita(c.inicio, fin), c.inicio, fin))
        return tuple(resultado)

    # -- breakdowns ----------------------------------------------------------------------------------

    @perezosa
    def desgloses(self) -> tuple[Desglose, ...]:
        """"N <noun>, de los cuales A ... y B ...": the whole (the last count with a noun before the
        marker, in the same sentence) and the counts after the marker, up to the end of the sentence.
        Which of those counts are parts is for the rule to decide.
        """
        resultado: list[Desglose] = []
        tokens = self.tokens
        if not self.conteos:
            return ()  # no count: neither a whole nor parts
        marcadores = self._marcadores
        for m, (i, largo) in enumerate(marcadores):
            # the parts run to the end of the sentence or to the next marker (whose parts they are), at most
            # `_MAX_PARTES`: each count is looked at a bounded number of times
            hasta = marcadores[m + 1][0] if m + 1 < len(marcadores) else len(tokens)
            j = bisect_left(self._inicios, i + largo)
            partes_: list[Conteo] = []
            while j < len(self.conteos) and len(partes_) < _MAX_PARTES and self.conteos[j].i_inicio < hasta \
                    and self.conteos[j].oracion == tokens.oracion[i]:
                partes_.append(self.conteos[j])
                j += 1
            partes = tuple(partes_)
            total = None
            j = bisect_left(self._inicios, i) - 1
            for _ in range(_MAX_PARTES):
                if j < 0 or self.conteos[j].oracion != tokens.oracion[i]:
                    break
                if self.conteos[j].i_fin <= i and self.conteos[j].sustantivo:
                    total = self.conteos[j]
                    break
                j -= 1
            if total is None or not partes:
                continue
            resultado.append(Desglose(total, partes, self._cita(total.inicio, partes[-1].fin), total.inicio, partes[-1].fin))
        return tuple(resultado)

    @perezosa
    def _marcadores(self) -> list[tuple[int, int]]:
        """Where a marker of parts starts ("de los cuales", "entre ellos"), with its length in tokens, in order."""
        tokens = self.tokens
        normal = tokens.normal
        n = len(normal)
        return [(i, largo) for i in sorted(_posiciones(normal, "de") + _posiciones(normal, "entre"))
                if i + 1 < n and normal[i + 1] in _SEGUNDAS_DE_MARCADOR  # no marker without its second word
                and (largo := _marcador_de_partes(_palabras_despues(tokens, i, 3)))]

    @perezosa
    def coordinados(self) -> tuple[tuple[Conteo, ...], ...]:
        """Runs of two or more counts with a noun, joined by "," / "y" with at most four other words
        between them, in one sentence: "41 funcionarios públicos y 40 personeros",
        "5 participantes del sector moda y 5 participantes de Peletería".
        """
        grupos: list[tuple[Conteo, ...]] = []
        actual: list[Conteo] = []
        for c in self.conteos:
            if actual and self._unidos(actual[-1], c):
                actual.append(c)
                continue
            if len(actual) >= 2:
                grupos.append(tuple(actual))
            actual = [c] if c.sustantivo is not None else []
        if len(actual) >= 2:
            grupos.append(tuple(actual))
        return tuple(grupos)

    def _unidos(self, a: Conteo, b: Conteo) -> bool:
        if b.sustantivo is None or a.oracion != b.oracion:
            return False
        tokens = self.tokens
        entre = range(a.i_fin, b.i_inicio)
        if not entre or len(entre) > 5:
            return False
        if any(tokens.tipo[k] == "num" or (tokens.tipo[k] == "sig" and tokens.texto[k] != ",") for k in entre):
            return False
        return tokens.texto[entre[-1]] == "," or tokens.normal[entre[-1]] in ("y", "e")

    # -- partitions ------------------------------------------------------------------------------------

    def _descripcion(self, c: Conteo) -> int:
        """Index just past what part `c` says of itself: up to a comma, to a "y"/"e" before the next
        number, or to the end of the sentence ("186 de Cúcuta", "81 con jefatura femenina"); -1 when
        it runs past `_MAX_DESCRIPCION` tokens (then it is prose, not a part, and no longer is read)."""
        tokens = self.tokens
        n = len(tokens)
        k = c.i_numero + 1
        if k + 2 < n and tokens.texto[k] == "(" and tokens.tipo[k + 1] == "num" and tokens.texto[k + 2] == ")":
            k += 3  # "dos (2)"
        hasta = min(n, k + _MAX_DESCRIPCION + 1)
        while k < hasta and tokens.oracion[k] == c.oracion:
            if tokens.texto[k] == "," or (tokens.tipo[k] == "sig" and tokens.texto[k] in ".;?!:()"):
                return k
            if tokens.normal[k] in ("y", "e") and k + 1 < n and tokens.tipo[k + 1] == "num":
                return k
            k += 1
        return k if k < hasta or k == n else -1  # -1: too long to be what sets a part apart

    @perezosa
    def _inicios(self) -> tuple[int, ...]:
        """The token index where each count starts (counts are in order): found by bisection, not by a walk."""
        return tuple(c.i_inicio for c in self.conteos)

    def _conteo_en(self, k: int) -> Conteo | None:
        """The count that starts at token `k`, if any."""
        j = bisect_left(self._inicios, k)
        return self.conteos[j] if j < len(self._inicios) and self._inicios[j] == k else None

    def _conteo_antes(self, k: int) -> Conteo | None:
        """The last count that starts before token `k`."""
        j = bisect_left(self._inicios, k)
        return self.conteos[j - 1] if j else None

    def _partes_desde(self, desde: int) -> list[tuple[Conteo, int]]:
        """The parts chained from token `desde`: the first starts there, each next one right after
        the previous one's description and a "," / "y" / ", y" (each with the end of its description)."""
        tokens = self.tokens
        partes: list[tuple[Conteo, int]] = []
        siguiente = desde
        oracion = tokens.oracion[desde]
        while (c := self._conteo_en(siguiente)) is not None and c.oracion == oracion:
            fin = self._descripcion(c)
            if fin < 0 or len(partes) >= _MAX_PARTES:
                return []  # a part that is prose, or a run too long to be a breakdown: unsure
            partes.append((c, fin))
            k = fin
            if k < len(tokens) and tokens.texto[k] == ",":
                k += 1
            if k < len(tokens) and tokens.normal[k] in ("y", "e") and tokens.tipo[k] == "pal":
                k += 1
            if k == fin:
                break  # no connector: the breakdown has ended
            siguiente = k
        return partes

    def _de_un_lugar(self, d: range) -> bool:
        """A part's description that names its place: 'de Cúcuta', 'del corregimiento de El Encano', 'de la vereda La
        Esperanza', 'en el municipio de Tibú' (a kind of place, then the name)."""
        tokens = self.tokens
        if not 1 < len(d) <= 6 or tokens.normal[d[0]] not in ("de", "del", "en"):
            return False
        k = d[1]
        if tokens.normal[k] in ("el", "la", "los", "las") and k + 1 < d.stop:
            k += 1
        if tokens.normal[k] in _CLASES_DE_LUGAR() and k + 1 < d.stop:
            k += 1
            if tokens.normal[k] in ("de", "del") and k + 1 < d.stop:
                k += 1
        if tokens.tipo[k] == "num":
            return tokens.normal[k - 1] in _CLASES_DE_LUGAR()  # 'de la comuna 7'
        nombre_con_articulo = k + 1 < d.stop and tokens.texto[k + 1][:1].isupper()  # 'El Encano', 'La Laguna'
        return tokens.tipo[k] == "pal" and tokens.texto[k][0].isupper() and (tokens.normal[k] not in _FUNCIONALES or nombre_con_articulo)

    def _criterio(self, partes: list[tuple[Conteo, int]]) -> Literal["lugar", "complementario"] | None:
        """Why the parts cannot overlap, or None when that cannot be told (overlapping groups, other predicates)."""
        tokens = self.tokens
        descripciones = [range(c.i_numero + 1 + (3 if tokens.texto[c.i_numero + 1 : c.i_numero + 2] == ("(",) else 0), fin)
                         for c, fin in partes]
        if all(self._de_un_lugar(d) for d in descripciones):
            return "lugar"  # "186 de Cúcuta, 139 de Ocaña y 67 de Pamplona", "210 del corregimiento de El Encano, 140 de La Laguna"
        if any(len(d) == 0 for d in descripciones):
            return None
        generos = [" ".join(clave(tokens.texto[k]) for k in d) for d in descripciones]
        if len(set(generos)) == len(generos) and all(g in _GENEROS for g in generos):
            return "complementario"  # "640 mujeres, 610 hombres y 40 personas no binarias"
        # the same words but one, aligned from the end; the first part may carry a verb the others elide
        # ("de los cuales 78 fueron nacionales y 6 internacionales")
        largo = min(len(d) for d in descripciones)
        if any(len(d) != largo for d in descripciones[1:]):
            return None
        colas = [[clave(tokens.texto[k]) for k in d[len(d) - largo :]] for d in descripciones]
        distintas = [j for j in range(largo) if len({cola[j] for cola in colas}) > 1]
        if len(distintas) != 1:
            return None
        palabras = [cola[distintas[0]] for cola in colas]
        if len(set(palabras)) != len(palabras):
            return None
        if any(set(palabras) <= familia for familia in _COMPLEMENTARIOS):
            return "complementario"
        return None

    def _todo_de(self, k: int, forma: str, mayor_parte: float, largo: int = 6) -> Conteo | None:
        """The whole that the parts introduced at token `k` split: the last count before it, in its sentence,
        exact and with its noun, at most six words before it (words and commas only before a colon: '1.240 niños,
        niñas y adolescentes:'); when a part is larger
        than that count, the count before it, whose words may hold it ('40 líderes formados en tres cohortes:
        15 de …': the cohorts describe the 40); None when neither holds every part."""
        tokens = self.tokens
        total = self._conteo_antes(k)
        dentro: Conteo | None = None  # a count inside the words between the whole and the colon
        if largo > 6 and total is not None and total.sustantivo is None and total.siguientes[:1] and total.siguientes[0] in _EDADES:
            dentro, total = total, self._conteo_antes(total.i_inicio)  # 'personas mayores de 60 años': an age, not the whole
        for _ in range(2):
            if total is None or total.i_fin > k or total.oracion != tokens.oracion[k] or total.sustantivo is None \
                    or total.calificador != "exacto":
                return None
            entre = range(total.i_fin, k)
            ajenos = [j for j in entre if dentro is None or not dentro.i_inicio <= j < dentro.i_fin]
            edades = {j for j in ajenos if largo > 6 and tokens.tipo[j] == "num" and j + 1 < len(tokens)
                      and tokens.normal[j + 1] in _EDADES}  # 'personas mayores de 60 años': an age, not a count
            if len(entre) > largo or any(tokens.tipo[j] != "pal" and tokens.texto[j] != "," for j in ajenos
                                         if forma == "dos_puntos" and j not in edades) \
                    or any(tokens.tipo[j] == "num" for j in ajenos if j not in edades):
                return None
            if mayor_parte <= total.valor:
                return None if dentro is not None and self._coordinado(total) else total
            dentro, total = total, self._conteo_antes(total.i_inicio)  # not the whole: the count before it may be
        return None

    def _coordinado(self, c: Conteo) -> bool:
        """Count `c` follows another one it is added to ('30 familias y 20 hogares'): it is not a whole alone."""
        i = c.i_inicio
        return i > 0 and (self.tokens.texto[i - 1] == "," or self.tokens.normal[i - 1] in ("y", "e"))

    @perezosa
    def particiones(self) -> tuple[Particion, ...]:
        """Breakdowns whose parts cannot overlap: a whole ("412 mujeres", exact and with its noun),
        a colon right after its noun phrase (at most six more words: "distribuidos así:", "atendidas
        en los centros:") or "de los cuales"/"de ellos" …, then parts "N <what sets it apart>" joined
        by commas and "y".  Only parts by place ("de <Nombre>") or by complementary qualifiers
        (femenina/masculina, hombres/mujeres, urbana/rural …) are a partition; parts with other
        predicates ("98 tienen …, 37 son …") may overlap and are left out.  Each token is looked at
        a bounded number of times."""
        resultado: list[Particion] = []
        tokens = self.tokens
        if len(self.conteos) < 3:
            return ()  # a whole and two parts at least
        introducciones: list[tuple[int, int, Literal["dos_puntos", "marcador"]]] = []  # (where, first part, form)
        for k in _posiciones(tokens.texto, ":"):
            introducciones.append((k, k + 1, "dos_puntos"))
        for k, largo in self._marcadores:
            primera = k + largo + (1 if k + largo < len(tokens) and tokens.texto[k + largo] == "," else 0)
            introducciones.append((k, primera, "marcador"))
        for k, primera, forma in introducciones:
            if primera >= len(tokens) or tokens.oracion[primera] != tokens.oracion[k]:
                continue
            partes = self._partes_desde(primera)
            if len(partes) < 2 or any(c.calificador != "exacto" for c, _ in partes):
                continue
            criterio = self._criterio(partes)
            if criterio is None:
                continue
            # parts that together are everyone (mujeres y hombres, urbana y rural) may follow a longer description of
            # the whole ('1.450 personas mayores en condición de vulnerabilidad, inscritas en los Centros Vida: 812
            # mujeres y 598 hombres'); parts by place, only a short one
            total = self._todo_de(k, forma, max(c.valor for c, _ in partes), 16 if criterio == "complementario" else 6)
            if total is None:
                continue
            fin = tokens.fin[partes[-1][1] - 1]
            resultado.append(Particion(total, tuple(c for c, _ in partes), criterio, forma, self._cita(total.inicio, fin),
                                       total.inicio, fin))
        return tuple(resultado)

    # -- lists one item a line ---------------------------------------------------------------------------

    @perezosa
    def listas_en_lineas(self) -> tuple[ListaEnLineas, ...]:
        """Lists written one item a line after a line that ends in a colon (see `ListaEnLineas`).

        Items are numbered ("1.", "2)", consecutive from 1: a list that skips or repeats a number
        is not read) or bulleted, or, after a count ("9 eventos de ciudad:"), short lines whose bullets
        the export dropped; blank lines between them are allowed; the list ends at the first other line.  Items that start with a number are a breakdown, not a list of things, and
        lists that say they are incomplete ("entre otros") are left out."""
        resultado: list[ListaEnLineas] = []
        lineas = list(_LINEA.finditer(self.texto))
        i = 0
        while i < len(lineas):
            linea = lineas[i]
            contenido = linea.group(0).rstrip()
            if not contenido.endswith(":"):
                i += 1
                continue
            elementos: list[str] = []
            numeros: list[int] = []
            vinetas = desnudos = 0
            j = i + 1
            fin = linea.end()
            while j < len(lineas):
                texto = lineas[j].group(0)
                if not texto.strip():
                    j += 1
                    continue
                m = _ELEMENTO.match(texto)
                if m is not None and not desnudos:
                    if m.group("n"):
                        numeros.append(int(m.group("n")))
                    else:
                        vinetas += 1
                    elementos.append(" ".join(m.group("texto").split()))
                elif not numeros and not vinetas and _ELEMENTO_DESNUDO.fullmatch(texto.strip()):
                    desnudos += 1  # an item whose bullet the export dropped: a short line of its own
                    elementos.append(" ".join(texto.split()))
                else:
                    break
                fin = lineas[j].start() + len(texto.rstrip())
                j += 1
            if len(elementos) >= 2 and self._lista_clara(elementos, numeros, vinetas):
                lista = self._rotulo(linea.start(), linea.start() + len(contenido) - 1, tuple(elementos), fin)
                # items without bullets count only after a count that says how many ('9 eventos de ciudad:')
                if lista is not None and (not desnudos or lista.conteo is not None):
                    resultado.append(lista)
            i = max(j, i + 1)
        return tuple(resultado)

    @staticmethod
    def _lista_clara(elementos: list[str], numeros: list[int], vinetas: int) -> bool:
        if numeros and (vinetas or numeros != list(range(1, len(numeros) + 1))):
            return False  # mixed, or numbered but not 1..n
        if any(e[0].isdigit() for e in elementos):
            return False  # "- 20 mujeres": a breakdown
        return not any(_NO_EXHAUSTIVA.search(e) for e in elementos[-1:])

    def _rotulo(self, inicio_linea: int, dos_puntos: int, elementos: tuple[str, ...], fin: int) -> ListaEnLineas | None:
        """What the line that ends at `dos_puntos` says is listed: the count right before the colon, or a label."""
        tokens = self.tokens
        k = bisect_left(tokens.inicio, dos_puntos)  # the colon's token
        if k >= len(tokens) or tokens.inicio[k] != dos_puntos:
            return None
        desde = k
        while desde > 0 and tokens.inicio[desde - 1] >= inicio_linea and tokens.oracion[desde - 1] == tokens.oracion[k]:
            desde -= 1
        conteo = self._conteo_antes(k)
        if conteo is not None and conteo.i_inicio >= desde:
            if conteo.sustantivo is None or conteo.calificador != "exacto" or k - conteo.i_fin > 4 \
                    or any(tokens.tipo[j] != "pal" for j in range(conteo.i_fin, k)):
                return None
            return ListaEnLineas(conteo, None, elementos, self._cita(conteo.inicio, tokens.fin[k]), conteo.inicio, fin)
        palabras = range(desde, k)
        if not 1 <= len(palabras) <= 6 or any(tokens.tipo[j] != "pal" for j in palabras) or not tokens.texto[desde][0].isupper():
            return None  # a label is a short noun phrase that opens its sentence: "Sedes dotadas:"
        rotulo = sustantivo_en(tokens, desde)[0]
        if rotulo is None:
            return None
        return ListaEnLineas(None, rotulo, elementos, self._cita(tokens.inicio[desde], tokens.fin[k]), tokens.inicio[desde], fin)

    # -- percentage splits ---------------------------------------------------------------------------

    @perezosa
    def porcentajes(self) -> tuple[tuple[int, float, str], ...]:
        """(token index, value, text) of every percentage."""
        resultado = []
        tokens = self.tokens
        for i in _posiciones(tokens.tipo, "num"):
            if self._es_porcentaje(i):
                valor = leer_numero(tokens.texto[i])
                if valor is not None:
                    fin = tokens.fin[i + 1] if tokens.texto[i + 1] == "%" else tokens.fin[i + 2]
                    resultado.append((i, valor, self._cita(tokens.inicio[i], fin)))
        return tuple(resultado)

    @perezosa
    def _de_progreso(self) -> frozenset[int]:
        """Where the percentages of progress begin (cumplimiento, avance: `auditor.lectura.porcentajes`)."""
        return frozenset(p.inicio for p in leer_porcentajes(self.texto) if p.progreso)

    @perezosa
    def repartos(self) -> tuple[Reparto, ...]:
        """Splits that say they cover everything: one of the percentages is "restante" / "el resto",
        or they follow "distribuidos así:" / "se reparte:".  Percentages of something else in the
        sentence ("un avance del 50%") are not part of the split: only those introduced as parts
        ("el 76%", ", 30%", "y el 24%") are.
        """
        resultado: list[Reparto] = []
        tokens = self.tokens
        por_oracion: dict[int, list[tuple[int, float, str]]] = {}
        for p in self.porcentajes:
            por_oracion.setdefault(tokens.oracion[p[0]], []).append(p)
        if not por_oracion:
            return ()  # no percentage
        oraciones: dict[int, list[int]] = {}  # the token indices of each sentence that has a percentage
        for k, oracion in enumerate(tokens.oracion):
            if oracion in por_oracion:
                oraciones.setdefault(oracion, []).append(k)
        for oracion, lista in por_oracion.items():
            palabras = oraciones[oracion]
            normales = [tokens.normal[k] for k in palabras]
            restante = any(n in ("restante", "restantes", "resto") for n in normales)
            dos_puntos = next((k for k in palabras if tokens.texto[k] == ":"), None)
            distribuido = dos_puntos is not None and any(
                n.startswith(("distribu", "reparti", "reparte")) or n == "asi"
                for n in (tokens.normal[k] for k in palabras if tokens.fin[k] <= tokens.inicio[dos_puntos])
            )
            if not restante and not distribuido:
                continue
            partes = []
            for i, valor, cita in lista:
                if distribuido and not restante and dos_puntos is not None and tokens.inicio[i] < tokens.inicio[dos_puntos]:
                    continue
                if tokens.inicio[i] in self._de_progreso:
                    continue  # "con un cumplimiento de un 100 %": progress of the meta, not a part of the split
                previo = i - 1
                if previo < 0 or tokens.oracion[previo] != oracion or tokens.normal[previo] in ("el", "un", "y", "e") \
                        or tokens.texto[previo] in (",", ":", "(", ";"):
                    partes.append((valor, cita))
            if len(partes) < 2:
                continue
            inicio = min(tokens.inicio[k] for k in palabras)
            fin = max(tokens.fin[k] for k in palabras)
            resultado.append(Reparto(tuple(partes), self._cita(inicio, fin), inicio, fin))
        return tuple(resultado)


_MAX_PARTES = 50  # parts of one breakdown, counts looked back for its whole
_MAX_DESCRIPCION = 12  # tokens of what sets a part apart ("186 de Cúcuta", "81 con jefatura femenina")
_MAX_LISTA = 1000  # tokens of a list after a count
_MAX_NOMBRE = 12  # tokens of a capitalized name read as one word

_MARCADORES_PARTES = (
    ("de", "los", "cuales"), ("de", "las", "cuales"), ("de", "ellos"), ("de", "ellas"), ("de", "estos"),
    ("de", "estas"), ("entre", "ellos"), ("entre", "ellas"),
)


_SEGUNDAS_DE_MARCADOR = frozenset(marcador[1] for marcador in _MARCADORES_PARTES)


def _marcador_de_partes(palabras: tuple[str, ...]) -> int:
    for marcador in _MARCADORES_PARTES:
        if palabras[: len(marcador)] == marcador:
            return len(marcador)
    return 0


# qualifiers that split a whole into parts that cannot overlap, by their comparison keys (`clave`)
# the kinds of place a part may name before the place's own name ('del corregimiento de El Encano')
_OTRAS_CLASES_DE_LUGAR = ("centro", "cabecera", "zona", "distrito", "sector", "localidad", "caserio", "inspeccion")


def _clases_de_lugar() -> frozenset[str]:
    """The one-word kinds of place of the vocabulary (`vocabulario.lugares`, singular and plural, but the
    named facilities), and the words that open a place's description ('zona rural', 'cabecera municipal')."""
    vocabulario = lugares_vocabulario()
    formas = (f for clase, lista in vocabulario if clase != "sede" for f in lista)
    return frozenset(p for f in formas for p in (f.singular, f.plural) if " " not in p) | frozenset(_OTRAS_CLASES_DE_LUGAR)


_CLASES_DE_LUGAR = derivado(_clases_de_lugar)
# words a number after them names rather than counts: a kind of place ('comuna 7') or a stage ('etapa 2')
# or a norm or document cited ('Ley 1448 de 2011', 'convenio 067 de 2025': `vocabulario.citas`)
_DESIGNAN_CON_NUMERO = derivado(lambda: _CLASES_DE_LUGAR() | {"etapa", "etapas", "fase", "fases", "manzana", "lote", "grado"}
                                | {f for palabra in (*citas().normas, *citas().documentos) for f in (palabra, palabra + "s")})


# words no element of a list opens with: the commas around them are a sentence's ('el puente … de Arauca, municipio de
# Palestina, y el puente … en la vereda del mismo nombre, también en Palestina')
_NO_ABRE_ELEMENTO = frozenset({"en", "de", "del", "con", "para", "por", "sobre", "entre", "desde", "hasta", "hacia", "tambien",
                               "ademas", "incluso", "municipio", "departamento"})


def _es_nombre(parte: str) -> bool:
    """An element of a list that names something: capitalized ('La Pola'), or a kind of place and its
    name or number ('barrio Belén', 'comuna 7')."""
    if parte[0].isupper():
        return True
    palabras = parte.split(None, 2)
    return len(palabras) > 1 and clave(palabras[0]) in _CLASES_DE_LUGAR() and (palabras[1][0].isupper() or palabras[1][0].isdigit())
# gender groups, one word or several, that split a whole of people without overlap
_GENEROS = frozenset(" ".join(clave(p) for p in g.split()) for g in (
    "mujeres", "hombres", "mujer", "hombre", "personas no binarias", "no binarias", "no binarios", "personas intersexuales",
    "intersexuales", "personas trans", "otro genero", "otros generos"))
_COMPLEMENTARIOS: tuple[frozenset[str], ...] = tuple(
    frozenset(clave(p) for p in familia.split())
    for familia in (
        "femenina femenino femeninas femeninos masculina masculino masculinas masculinos",
        "hombre hombres mujer mujeres",
        "niño niños niña niñas",
        "urbana urbano urbanas urbanos rural rurales",
        "nacional nacionales internacional internacionales extranjero extranjeros extranjera extranjeras",
        "pública público públicas públicos privada privado privadas privados",
        "presencial presenciales virtual virtuales",
        "nuevo nuevos nueva nuevas antiguo antiguos antigua antiguas",
    )
)

_LINEA = re.compile(r"[^\n]*")
_ELEMENTO = re.compile(r"[ \t]*(?:(?P<n>\d{1,3})[.)][ \t]+|[-•*–·▪●○◦][ \t]+)(?P<texto>\S.*)")

# a list item whose bullet an export dropped: a short line that opens with a capital and is no label ('Feria de las
# Flores (del 01/08/2025 al 10/08/2025).'); a sentence of prose is longer
_ELEMENTO_DESNUDO = re.compile(r"[A-ZÁÉÍÓÚÑ][^\n:]{0,118}")
_NO_EXHAUSTIVA = re.compile(r"\b(entre otr[oa]s|etc|y otr[oa]s|y dem[aá]s)\b\W*$", re.IGNORECASE)
_Y_FINAL = re.compile(r"^(?P<antes>.*\S)\s+(?:y|e)\s+(?P<despues>\S.*)$", re.DOTALL)


# a last part that says where the names before it are, not one more of them
_CALIFICA_LA_LISTA = re.compile(r"(?:de|del|en)\s+(?:el|la|los|las)?\s*(?:corregimiento|municipio|vereda|zona|sector|barrio|comuna|departamento|"
                                r"resguardo|cabecera|casco)s?\b")


def _elementos(lista: str, estricta: bool, solo_nombres: bool = False) -> tuple[str, ...] | None:
    """The elements of an enumeration, or None if the text does not read as a closed list of names.

    `solo_nombres`: the list is in parentheses, where a report as often describes the count ("500
    mejoramientos terminados (pisos, cubiertas, baños y cocinas)": the kinds of work, not 4 of the
    500) as names what it counts ("3 fundaciones (Fundación Uno, …)"); only a list of names, every
    element capitalized, is then the list of the things counted.

    Split on commas; an Oxford "…, y Perú" loses its "y"; the last element is split at its last
    "y" only when that "y" joins two elements alike ("Chinácota y Cúcuta", not "Fundación para el
    desarrollo económico y el bienestar social", whose other elements are capitalized names).
    """
    if _NO_EXHAUSTIVA.search(lista):
        return None
    partes = [" ".join(p.split()) for p in lista.split(",")]
    partes = [p for p in partes if p]
    if not partes:
        return None
    if len(partes) > 2 and _CALIFICA_LA_LISTA.match(partes[-1]) and all(_es_nombre(p) for p in partes[:-1]):
        partes.pop()  # 'La Victoria, …, El Campanero y San Antonio, del corregimiento de La Laguna': where they all are
    if len(partes) > 1 and re.match(r"^(?:y|e)\s+\S", partes[-1]):
        partes[-1] = partes[-1].split(None, 1)[1]
    else:
        m = _Y_FINAL.match(partes[-1])
        if m is not None:
            nombres = all(_es_nombre(p) for p in partes[:-1]) and _es_nombre(partes[-1])
            if not nombres or _es_nombre(m.group("despues")):
                partes[-1:] = [m.group("antes"), m.group("despues")]
    if len(partes) < 2 or any(p[0].isdigit() for p in partes):
        return None
    if _es_nombre(partes[0]) and not all(_es_nombre(p) for p in partes):
        return None  # names followed by prose: "Construcción, TIC, Moda Norte, con 442 beneficiarios"
    if not _es_nombre(partes[0]) and any(ch.isdigit() for p in partes for ch in p):
        return None  # "uno en el hotel Bolívar y otro en el Casablanca, con 81 asistentes"
    if any(len(p.split()) > 12 for p in partes):
        return None  # prose, not a list of names
    if any(clave(p.split()[0]) in _NO_ABRE_ELEMENTO for p in partes[1:]):
        return None  # '…, en la vereda del mismo nombre, también en Palestina': commas of a sentence, not of a list
    if estricta and any(not _es_nombre(p) or len(p.split()) > 5 for p in partes):
        return None
    if solo_nombres and not all(_es_nombre(p) for p in partes):
        return None
    return tuple(partes)


@lru_cache(maxsize=2048)
def analizar(texto: str) -> Analisis:
    """The analysis of a text, computed once per distinct text."""
    return Analisis(texto)


def conteos(texto: str | None) -> tuple[Conteo, ...]:
    """Every count in `texto` (none for an empty or missing text)."""
    return analizar(texto).conteos if texto else ()


por_informe(analizar)


# A count of a wider span than the report's: '(840 productores atendidos entre 2024 y 2025)' in a 2025 report, '(44
# mercados acumulados)', 'en el cuatrienio'.  Read in the clause after the count (up to its sentence or parenthesis end)
# and in the words right before it.
_LAPSO = re.compile(r"\b(?:entre|de|desde)\s+((?:19|20)\d\d)\s+(?:y|a|al|hasta)\s+((?:19|20)\d\d)\b"
                    r"|\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")
_ACUMULADO = re.compile(r"\bacumulad[oa]s?\b|\b(?:del|en el|durante el) cuatrienio\b|\ben lo corrido del (?:plan|cuatrienio)\b")
# a figure reached by adding what came before ('Con los 160 formados en 2024 se llega a 360'): whether an earlier year is said
# just before it is the caller's (`de_otro_periodo`)
_SE_LLEGA_A = re.compile(r"\b(?:se\s+)?(?:llega|llego|llegan|llegaron|alcanza|alcanzo|completa|completan|completo|suma|suman)(?:\s+a)?\s*$")
_ANO = re.compile(r"\b(?:19|20)\d\d\b")
_FIN_DE_CLAUSULA = re.compile(r"[.;)]")


def de_otro_periodo(texto: str, c: Conteo, periodo: tuple[int, int] | None) -> bool:
    """Whether a count is of a wider span than the report's period: a span of years that goes beyond it, or a
    cumulative or four-year figure, said right after the count or just before it."""
    despues = texto[c.fin:c.fin + 120]
    corte = _FIN_DE_CLAUSULA.search(despues)
    clausula = normalizar(despues[:corte.start()] if corte else despues)
    antes = normalizar(texto[max(0, c.inicio - 40):c.inicio])
    if _ACUMULADO.search(clausula) or _ACUMULADO.search(antes.split("(")[-1]):
        return True
    if periodo is not None and _SE_LLEGA_A.search(antes):
        oracion = _FIN_DE_CLAUSULA.split(texto[max(0, c.inicio - 160):c.inicio])[-1]
        if any(int(a) < periodo[0] for a in _ANO.findall(oracion)):
            return True  # 'Con las 90 unidades de 2024 se llega a 200 unidades': this year's and the year before's
    lapso = _LAPSO.search(clausula)
    if lapso is None or periodo is None:
        return False
    desde, hasta = (int(x) for x in (lapso.group(1, 2) if lapso.group(1) else lapso.group(3, 4)))
    return desde < periodo[0] or hasta > periodo[1]
