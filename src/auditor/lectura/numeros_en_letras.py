"""Numbers written in Spanish words: "cuatrocientos cincuenta", "dos mil trescientos",
"un millón quinientos mil", "mil millones", "veintiún", "ciento y pico" (not a number: None).

This is the one table of number words of the project: the counts ("dos (2) jornadas") take
their words from it, and the amounts ("cuatrocientos cincuenta millones de pesos") and
percentages ("ochenta por ciento") are read with `leer_en_letras`.

The grammar is the written one, read left to right in one pass (linear in the words):
within a group below a thousand, hundreds come first, then tens, then units ("treinta y
cinco"; "y" only joins tens 30-90 to a unit); "mil" multiplies the group before it (or one:
"mil"); "millón"/"millones" close everything below them, "billón"/"billones" (10^12) too.
Words out of that order ("cinco treinta", "mil mil", "ciento" alone) are not a number: the
reader returns None rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.lectura.patrones import normalizar

# 0-29: each written as one word ("veintitrés"); accents are dropped by `normalizar`
UNIDADES: dict[str, int] = {
    "cero": 0, "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiun": 21,
    "veintiuno": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}
DECENAS: dict[str, int] = {
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
}
CENTENAS: dict[str, int] = {
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
    "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500, "seiscientos": 600,
    "seiscientas": 600, "setecientos": 700, "setecientas": 700, "ochocientos": 800, "ochocientas": 800,
    "novecientos": 900, "novecientas": 900,
}
MIL = "mil"
MILLONES = ("millon", "millones")
BILLONES = ("billon", "billones")

PALABRAS = frozenset(UNIDADES) | frozenset(DECENAS) | frozenset(CENTENAS) | {MIL, "y", *MILLONES, *BILLONES}
_PALABRA = re.compile(r"[^\W\d_]+")


def _grupo(palabras: list[str]) -> int | None:
    """A group below a thousand: [centena] [decena [y unidad]] | [centena] [unidad]."""
    valor, i, n = 0, 0, len(palabras)
    if i < n and palabras[i] in CENTENAS:
        valor = CENTENAS[palabras[i]]
        i += 1
        if palabras[i - 1] == "cien" and i < n:
            return None  # "cien" stands alone; "ciento" takes what follows
        if palabras[i - 1] == "ciento" and i == n:
            return None
    if i < n and palabras[i] in DECENAS:
        valor += DECENAS[palabras[i]]
        i += 1
        if i < n and palabras[i] == "y":
            if i + 1 >= n or palabras[i + 1] not in UNIDADES or not 1 <= UNIDADES[palabras[i + 1]] <= 9:
                return None
            valor += UNIDADES[palabras[i + 1]]
            i += 2
    elif i < n and palabras[i] in UNIDADES:
        if UNIDADES[palabras[i]] == 0 and (valor or n > 1):
            return None  # "cero" is a number only by itself
        valor += UNIDADES[palabras[i]]
        i += 1
    if i != n or n == 0:
        return None
    return valor


def leer_en_letras(texto: str) -> int | None:
    """The number a run of Spanish number words says, or None if the words are not one number.

    >>> leer_en_letras("cuatrocientos cincuenta"), leer_en_letras("dos mil trescientos millones")
    (450, 2300000000)
    >>> leer_en_letras("un millón quinientos mil"), leer_en_letras("cinco treinta")
    (1500000, None)
    """
    palabras = [normalizar(p) for p in _PALABRA.findall(texto)]
    if not palabras or any(p not in PALABRAS for p in palabras):
        return None
    total = 0  # closed by billón and millón
    bajo_millon = 0  # closed by mil, below the next millón
    grupo: list[str] = []
    visto_millon = visto_billon = False
    for p in palabras:
        if p == MIL:
            if bajo_millon:
                return None  # "mil mil", "dos mil tres mil"
            g = _grupo(grupo) if grupo else 1
            if g is None or g == 0:
                return None
            bajo_millon, grupo = g * 1000, []
        elif p in MILLONES or p in BILLONES:
            g = _grupo(grupo) if grupo else 0
            if g is None:
                return None
            cuanto = bajo_millon + g
            if cuanto == 0:
                return None  # "millones" with no number before it
            if p in BILLONES:
                if visto_billon or visto_millon:
                    return None
                total += cuanto * 10**12
                visto_billon = True
            else:
                if visto_millon:
                    return None
                total += cuanto * 10**6
                visto_millon = True
            bajo_millon, grupo = 0, []
        else:
            grupo.append(p)
    if grupo:
        g = _grupo(grupo)
        if g is None:
            return None
        bajo_millon += g
    return total + bajo_millon


@dataclass(frozen=True)
class NumeroEnLetras:
    """A number written in words inside a text: its value and where it is."""

    valor: int
    inicio: int
    fin: int


def numeros_en_letras(texto: str) -> list[NumeroEnLetras]:
    """Every maximal run of number words in `texto` that reads as one number ("se ejecutaron
    cuatrocientos cincuenta millones de pesos" -> 450.000.000 at "cuatrocientos ... millones").

    A run that does not read as one number is skipped, never split into guesses; a lone "un",
    "una" or "y" is an article or a conjunction, not a number.
    """
    encontrados: list[NumeroEnLetras] = []
    racha: list[re.Match[str]] = []

    def cerrar() -> None:
        while racha and normalizar(racha[-1].group(0)) == "y":
            racha.pop()
        if racha and not (len(racha) == 1 and normalizar(racha[0].group(0)) in ("un", "una", "y")):
            valor = leer_en_letras(" ".join(m.group(0) for m in racha))
            if valor is not None:
                encontrados.append(NumeroEnLetras(valor, racha[0].start(), racha[-1].end()))
        racha.clear()

    anterior_fin = 0
    for m in _PALABRA.finditer(texto):
        if racha and texto[anterior_fin:m.start()].strip():
            cerrar()  # punctuation or a digit between two words breaks the run
        if normalizar(m.group(0)) in PALABRAS and (racha or normalizar(m.group(0)) != "y"):
            racha.append(m)
        else:
            cerrar()
        anterior_fin = m.end()
    cerrar()
    return encontrados
