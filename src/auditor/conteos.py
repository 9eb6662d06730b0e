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
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal, NamedTuple

from .cifras import leer_numero
from .patterns import normalizar

Calificador = Literal["exacto", "minimo", "aproximado", "maximo"]

# Colombian thousands (1.150, 12.972, 1.158,69), a decimal point with one or two digits (17.9),
# a decimal comma (3,8) or a plain integer; then words, then any other visible character.
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?)"
    r"|(?P<pal>[^\W\d_]+)"
    r"|(?P<sig>\S)"
)
_ANTES_DE_NUMERO = set(" \t\n\r(“\"'¿¡[«")
_DESPUES_DE_NUMERO = set(" \t\n\r,.;:)”\"'!?]»")

PALABRAS_NUMERO = {
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
    "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
    "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
}
_ARTICULO_NUMERO = {"un": 1, "una": 1}
_PALABRAS_QUE_CUENTAN = PALABRAS_NUMERO.keys() | _ARTICULO_NUMERO.keys()  # the only words a count can start at

_MULTIPLICADORES = {"mil": 1_000, "millon": 1_000_000, "millones": 1_000_000}
_DINERO = {"peso", "pesos", "dolar", "dolares", "euro", "euros", "usd", "cop", "smmlv", "salarios"}

_CALIFICADORES: tuple[tuple[tuple[str, ...], Calificador], ...] = (
    (("por", "lo", "menos"), "minimo"),
    (("por", "encima", "de"), "minimo"),
    (("mas", "de"), "minimo"),
    (("superior", "a"), "minimo"),
    (("al", "menos"), "minimo"),
    (("cerca", "de"), "aproximado"),
    (("alrededor", "de"), "aproximado"),
    (("promedio", "de"), "aproximado"),
    (("en", "promedio"), "aproximado"),
    (("aproximado", "de"), "aproximado"),
    (("aproximadamente",), "aproximado"),
    (("aprox",), "aproximado"),
    (("casi",), "aproximado"),
    (("unos",), "aproximado"),
    (("unas",), "aproximado"),
    (("menos", "de"), "maximo"),
    (("inferior", "a"), "maximo"),
    (("maximo", "de"), "maximo"),
    (("maximo",), "maximo"),
    (("hasta",), "maximo"),
)

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


def clave(palabra: str) -> str:
    """A word's comparison key: accent-free, lower case, singular ("unidades" -> "unidad", "clústeres" -> "cluster").

    Singular and plural of a noun get the same key; it is a key, not a word ("clase" -> "clas").
    """
    p = normalizar(palabra)
    if len(p) > 3 and p.endswith("s"):
        p = p[:-1]
    if len(p) > 3 and p.endswith("e") and p[-2] in "dnlrjzys":
        p = p[:-1]
    return p


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


class Token(NamedTuple):
    """One token of a text (a tuple: there are hundreds of thousands of them in a large run)."""

    tipo: Literal["num", "pal", "sig"]
    texto: str
    inicio: int
    fin: int
    normal: str
    oracion: int  # index of the sentence the token is in


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
class Reparto:
    """Percentages that together must make 100: "el 76% ... y el 24% restante"."""

    porcentajes: tuple[tuple[float, str], ...]  # value and text as written
    cita: str
    inicio: int
    fin: int

    @property
    def suma(self) -> float:
        return sum(v for v, _ in self.porcentajes)


@lru_cache(maxsize=65536)
def _normal(palabra: str) -> str:
    """`normalizar` of one word; texts repeat the same words, so each is normalized once."""
    return normalizar(palabra)


def _tokens(texto: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    oracion = 0
    anterior_fin = 0
    n = len(texto)
    for m in _TOKEN.finditer(texto):
        inicio, fin = m.span()
        if inicio != anterior_fin and tokens and "\n" in texto[anterior_fin:inicio]:
            oracion += 1
        tipo: Literal["num", "pal", "sig"] = m.lastgroup  # type: ignore[assignment]  # the name of the group that matched
        t = m.group()
        tokens.append(Token(tipo, t, inicio, fin, _normal(t) if tipo == "pal" else t, oracion))
        anterior_fin = fin
        # a sentence ends at ';', '?', '!' or at a '.' followed by a space or the end of the text
        if tipo == "sig" and (t in ";?!" or (t == "." and (fin == n or texto[fin].isspace()))):
            oracion += 1
    return tuple(tokens)


def sustantivo_en(tokens: tuple[Token, ...], j: int) -> tuple[Sustantivo | None, int]:
    """The noun phrase that starts at token `j`, and the index of the token after it."""
    n = len(tokens)
    inicio = j
    while j < n and tokens[j].tipo == "pal" and (
        tokens[j].normal in _ANTEPUESTOS
        or (tokens[j].normal in ("y", "e") and j + 1 < n and tokens[j + 1].normal in _ANTEPUESTOS and j > inicio)
    ):
        j += 1
    if j >= n or tokens[j].tipo != "pal" or tokens[j].normal in _FUNCIONALES or len(tokens[j].normal) < 2:
        return None, inicio
    cabeza = tokens[j]
    modificador: str | None = None
    fin = j + 1
    if fin < n and tokens[fin].tipo == "pal":
        siguiente = tokens[fin]
        if siguiente.normal in ("de", "del"):
            k = fin + 1
            while k < n and tokens[k].tipo == "pal" and tokens[k].normal in _ARTICULOS:
                k += 1
            if k < n and tokens[k].tipo == "pal" and tokens[k].normal not in _FUNCIONALES:
                modificador = "de " + clave(tokens[k].texto)
                fin = k + 1
        elif siguiente.normal not in _FUNCIONALES and not es_participio(siguiente.texto):
            modificador = clave(siguiente.texto)
            fin += 1
    texto = " ".join(t.texto for t in tokens[inicio:fin])
    return Sustantivo(clave(cabeza.texto), modificador, texto), fin


@lru_cache(maxsize=1024)  # a report writes the same few units ("personas", "empresas") in every meta
def sustantivo_de(unidad: str | None) -> Sustantivo | None:
    """The noun of a unit as the structured data writes it: "unidades productivas", "sesiones de asistencia técnicas"."""
    if not unidad or not unidad.strip():
        return None
    tokens = _tokens(unidad)
    j = 0
    while j < len(tokens) and (tokens[j].tipo != "pal" or tokens[j].normal in _ARTICULOS):
        j += 1  # "4.500 personas", "las unidades productivas"
    return sustantivo_en(tokens, j)[0]


def _palabras_antes(tokens: tuple[Token, ...], i: int, cuantas: int = 3) -> tuple[str, ...]:
    """Up to `cuantas` normalized words right before token `i` (stopping at punctuation or a number)."""
    palabras: list[str] = []
    k = i - 1
    while k >= 0 and len(palabras) < cuantas and tokens[k].tipo == "pal":
        palabras.insert(0, tokens[k].normal)
        k -= 1
    return tuple(palabras)


def _palabras_despues(tokens: tuple[Token, ...], i: int, cuantas: int = 3) -> tuple[str, ...]:
    palabras: list[str] = []
    k = i
    while k < len(tokens) and len(palabras) < cuantas and tokens[k].tipo == "pal":
        palabras.append(tokens[k].normal)
        k += 1
    return tuple(palabras)


def _calificador(previas: tuple[str, ...]) -> tuple[Calificador, int]:
    """The qualifier that ends right before the number, and how many words it takes."""
    for palabras, calificador in _CALIFICADORES:
        if previas[-len(palabras) :] == palabras:
            return calificador, len(palabras)
    return "exacto", 0


class Analisis:
    """Everything this module reads in one text; each part is computed once, on first use."""

    def __init__(self, texto: str) -> None:
        self.texto = texto
        self.tokens = _tokens(texto)

    def _cita(self, inicio: int, fin: int) -> str:
        return " ".join(self.texto[inicio:fin].split())

    def _es_numero_aislado(self, t: Token) -> bool:
        antes = self.texto[t.inicio - 1] if t.inicio > 0 else " "
        despues = self.texto[t.fin] if t.fin < len(self.texto) else " "
        if antes not in _ANTES_DE_NUMERO or despues not in _DESPUES_DE_NUMERO:
            return False
        k = t.inicio - 1
        while k >= 0 and self.texto[k] in " \t":
            k -= 1
        return not (k >= 0 and self.texto[k] == "$")

    def _es_porcentaje(self, i: int) -> bool:
        siguiente = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if siguiente is None:
            return False
        if siguiente.texto == "%":
            return True
        return siguiente.normal == "por" and i + 2 < len(self.tokens) and self.tokens[i + 2].normal == "ciento"

    @cached_property
    def conteos(self) -> tuple[Conteo, ...]:
        """Every count of the text, in order."""
        tokens = self.tokens
        conteos: list[Conteo] = []
        primera_palabra = next((k for k, t in enumerate(tokens) if t.tipo != "sig"), None)
        repetidos: set[int] = set()  # the "2" of "dos (2)"
        candidatos = [i for i, t in enumerate(tokens) if t.tipo == "num" or t.normal in _PALABRAS_QUE_CUENTAN]
        for i in candidatos:
            if i in repetidos:
                continue
            t = tokens[i]
            escrito_dos_veces: tuple[str, str] | None = None
            j = i + 1
            if t.tipo == "num":
                if not self._es_numero_aislado(t) or self._es_porcentaje(i):
                    continue
                valor = leer_numero(t.texto)
                if valor is None:
                    continue
            elif t.tipo == "pal" and t.normal in PALABRAS_NUMERO:
                valor = float(PALABRAS_NUMERO[t.normal])
                # "dos (2) jornadas": the digits repeat the word (and may disagree with it)
                if j + 2 < len(tokens) and tokens[j].texto == "(" and tokens[j + 1].tipo == "num" and tokens[j + 2].texto == ")":
                    digitos = leer_numero(tokens[j + 1].texto)
                    if digitos is not None and digitos != valor:
                        escrito_dos_veces = (t.texto, tokens[j + 1].texto)
                    repetidos.add(j + 1)
                    j += 3
            elif t.tipo == "pal" and t.normal in _ARTICULO_NUMERO and i == primera_palabra:
                if j < len(tokens) and tokens[j].normal == "total":
                    continue  # "Un total de 390 beneficiarios": the count is 390
                valor = float(_ARTICULO_NUMERO[t.normal])
            else:
                continue
            # "165 mil dólares", "3,8 millones de dólares": money, not a count; "2 millones de personas" is a count
            if j < len(tokens) and tokens[j].normal in _MULTIPLICADORES:
                valor *= _MULTIPLICADORES[tokens[j].normal]
                j += 1
                if j < len(tokens) and tokens[j].normal == "de":
                    j += 1
            if j < len(tokens) and tokens[j].normal in _DINERO:
                continue
            if j < len(tokens) and tokens[j].texto in ("°", "º", "ª"):
                continue
            previas = _palabras_antes(tokens, i)
            calificador, largo = _calificador(previas)
            inicio = tokens[i - largo].inicio if largo else t.inicio
            previas_calificador = _palabras_antes(tokens, i - largo)
            sustantivo, fin_frase = sustantivo_en(tokens, j)
            i_fin = fin_frase if sustantivo is not None else j
            fin = tokens[i_fin - 1].fin
            conteos.append(Conteo(
                valor=valor, calificador=calificador, sustantivo=sustantivo, inicio=inicio, fin=fin,
                cita=self._cita(inicio, fin), previas=previas_calificador,
                anterior=tokens[i - largo - 1].normal if i - largo > 0 else "", siguientes=_palabras_despues(tokens, i_fin),
                oracion=t.oracion, i_inicio=i - largo, i_numero=i, i_fin=i_fin, escrito_dos_veces=escrito_dos_veces,
            ))
        return tuple(conteos)

    # -- enumerations -------------------------------------------------------------------------------

    def _fin_de_oracion(self, k: int, cierre: str | None = None) -> int:
        """Index just past the last token of the sentence that token `k` is in (or of `cierre`)."""
        n = len(self.tokens)
        oracion = self.tokens[k].oracion
        while k < n:
            t = self.tokens[k]
            if t.oracion != oracion or t.texto == cierre:
                return k
            if t.tipo == "sig" and t.texto in ".;?!" and (k + 1 == n or self.tokens[k + 1].oracion != oracion):
                return k
            k += 1
        return k

    def _inicio_de_lista(self, c: Conteo) -> tuple[int, str] | None:
        """Where the list after count `c` starts and how it is introduced, if one follows it."""
        tokens = self.tokens
        k = c.i_fin
        for _ in range(5):  # the noun phrase, then at most four more words
            if k >= len(tokens) or tokens[k].oracion != c.oracion:
                return None
            t = tokens[k]
            if t.texto in (":", "("):
                return k + 1, t.texto
            if t.tipo != "pal":
                return None
            siguientes = _palabras_despues(tokens, k, 3)
            if siguientes[:2] == ("a", "saber"):
                k += 2
                return (k + 1 if k < len(tokens) and tokens[k].texto == ":" else k), ":"
            if siguientes in (("los", "cuales", "son"), ("las", "cuales", "son")):
                k += 3
                return (k + 1 if k < len(tokens) and tokens[k].texto == ":" else k), ":"
            if t.normal in ("a", "en") and k > c.i_fin and es_participio(tokens[k - 1].texto):
                return k + 1, "preposicion"
            k += 1
        return None

    @cached_property
    def enumeraciones(self) -> tuple[Enumeracion, ...]:
        """Counts followed right away by the list of what they count.

        The list must follow the count's noun phrase (with at most four more words, such as
        "asistidos" or "comerciales al exterior desarrolladas") and be introduced by a colon, a
        parenthesis, "a saber" / "los cuales son", or a participle and "a"/"en" ("desarrolladas
        a España y Portugal, China, y Perú"); in that last, weakest form every element must be
        a short capitalized name.  Lists that say they are not complete ("entre otros") are left out.
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
            if desde >= hasta:
                continue
            elementos = _elementos(self.texto[tokens[desde].inicio : tokens[hasta - 1].fin], estricta=forma == "preposicion")
            if elementos is None:
                continue
            cerrado = forma == "(" and hasta < len(tokens) and tokens[hasta].texto == ")"
            fin = tokens[hasta].fin if cerrado else tokens[hasta - 1].fin
            resultado.append(Enumeracion(c, elementos, self._cita(c.inicio, fin), c.inicio, fin))
        return tuple(resultado)

    # -- breakdowns ----------------------------------------------------------------------------------

    @cached_property
    def desgloses(self) -> tuple[Desglose, ...]:
        """"N <noun>, de los cuales A ... y B ...": the whole (the last count with a noun before the
        marker, in the same sentence) and the counts after the marker, up to the end of the sentence.
        Which of those counts are parts is for the rule to decide.
        """
        resultado: list[Desglose] = []
        tokens = self.tokens
        por_oracion: dict[int, list[Conteo]] = {}
        for c in self.conteos:
            por_oracion.setdefault(c.oracion, []).append(c)
        for i in range(len(tokens)):
            if tokens[i].normal not in ("de", "entre"):
                continue
            largo = _marcador_de_partes(_palabras_despues(tokens, i, 3))
            if not largo:
                continue
            de_la_oracion = por_oracion.get(tokens[i].oracion, [])
            total = next((c for c in reversed(de_la_oracion) if c.i_fin <= i and c.sustantivo), None)
            partes = tuple(c for c in de_la_oracion if c.i_inicio >= i + largo)
            if total is None or not partes:
                continue
            resultado.append(Desglose(total, partes, self._cita(total.inicio, partes[-1].fin), total.inicio, partes[-1].fin))
        return tuple(resultado)

    @cached_property
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
        entre = self.tokens[a.i_fin : b.i_inicio]
        if not entre or len(entre) > 5:
            return False
        if any(t.tipo == "num" or (t.tipo == "sig" and t.texto != ",") for t in entre):
            return False
        return entre[-1].texto == "," or entre[-1].normal in ("y", "e")

    # -- percentage splits ---------------------------------------------------------------------------

    @cached_property
    def porcentajes(self) -> tuple[tuple[int, float, str], ...]:
        """(token index, value, text) of every percentage."""
        resultado = []
        for i, t in enumerate(self.tokens):
            if t.tipo == "num" and self._es_porcentaje(i):
                valor = leer_numero(t.texto)
                if valor is not None:
                    fin = self.tokens[i + 1].fin if self.tokens[i + 1].texto == "%" else self.tokens[i + 2].fin
                    resultado.append((i, valor, self._cita(t.inicio, fin)))
        return tuple(resultado)

    @cached_property
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
            por_oracion.setdefault(tokens[p[0]].oracion, []).append(p)
        oraciones: dict[int, list[Token]] = {}
        for t in tokens:
            if t.oracion in por_oracion:
                oraciones.setdefault(t.oracion, []).append(t)
        for oracion, lista in por_oracion.items():
            palabras = oraciones[oracion]
            normales = [t.normal for t in palabras]
            restante = any(n in ("restante", "restantes", "resto") for n in normales)
            dos_puntos = next((t for t in palabras if t.texto == ":"), None)
            distribuido = dos_puntos is not None and any(
                n.startswith(("distribu", "reparti", "reparte")) or n == "asi"
                for n in (t.normal for t in palabras if t.fin <= dos_puntos.inicio)
            )
            if not restante and not distribuido:
                continue
            partes = []
            for i, valor, cita in lista:
                if distribuido and not restante and dos_puntos is not None and tokens[i].inicio < dos_puntos.inicio:
                    continue
                previo = tokens[i - 1] if i > 0 else None
                if previo is None or previo.oracion != oracion or previo.normal in ("el", "un", "y", "e") or previo.texto in (",", ":", "(", ";"):
                    partes.append((valor, cita))
            if len(partes) < 2:
                continue
            inicio = min(t.inicio for t in palabras)
            fin = max(t.fin for t in palabras)
            resultado.append(Reparto(tuple(partes), self._cita(inicio, fin), inicio, fin))
        return tuple(resultado)


_MARCADORES_PARTES = (
    ("de", "los", "cuales"), ("de", "las", "cuales"), ("de", "ellos"), ("de", "ellas"), ("de", "estos"),
    ("de", "estas"), ("entre", "ellos"), ("entre", "ellas"),
)


def _marcador_de_partes(palabras: tuple[str, ...]) -> int:
    for marcador in _MARCADORES_PARTES:
        if palabras[: len(marcador)] == marcador:
            return len(marcador)
    return 0


_NO_EXHAUSTIVA = re.compile(r"\b(entre otr[oa]s|etc|y otr[oa]s|y dem[aá]s)\b\W*$", re.IGNORECASE)
_Y_FINAL = re.compile(r"^(?P<antes>.*\S)\s+(?:y|e)\s+(?P<despues>\S.*)$", re.DOTALL)


def _elementos(lista: str, estricta: bool) -> tuple[str, ...] | None:
    """The elements of an enumeration, or None if the text does not read as a closed list of names.

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
    if len(partes) > 1 and re.match(r"^(?:y|e)\s+\S", partes[-1]):
        partes[-1] = partes[-1].split(None, 1)[1]
    else:
        m = _Y_FINAL.match(partes[-1])
        if m is not None:
            nombres = all(p[0].isupper() for p in partes[:-1]) and partes[-1][0].isupper()
            if not nombres or m.group("despues")[0].isupper():
                partes[-1:] = [m.group("antes"), m.group("despues")]
    if len(partes) < 2 or any(p[0].isdigit() for p in partes):
        return None
    if partes[0][0].isupper() and not all(p[0].isupper() for p in partes):
        return None  # names followed by prose: "Construcción, TIC, Moda Norte, con 442 beneficiarios"
    if not partes[0][0].isupper() and any(ch.isdigit() for p in partes for ch in p):
        return None  # "uno en el hotel Bolívar y otro en el Casablanca, con 81 asistentes"
    if any(len(p.split()) > 12 for p in partes):
        return None  # prose, not a list of names
    if estricta and any(not p[0].isupper() or len(p.split()) > 5 for p in partes):
        return None
    return tuple(partes)


@lru_cache(maxsize=2048)
def analizar(texto: str) -> Analisis:
    """The analysis of a text, computed once per distinct text."""
    return Analisis(texto)


def conteos(texto: str | None) -> tuple[Conteo, ...]:
    """Every count in `texto` (none for an empty or missing text)."""
    return analizar(texto).conteos if texto else ()
