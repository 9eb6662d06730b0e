"""Reading numbers, amounts and percentages as Colombian reports write them.

`.` groups thousands and `,` is the decimal mark (``$1.158,69 millones``), but real
texts also use a decimal point (``$17.9 millones``, ``12.5%``).  Every parser keeps the
text as written beside the value and, when it cannot read the text, says why instead of
raising: the problem becomes a finding, never a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from auditor.lectura.ceros import cero_explicito
from auditor.lectura.numeros_en_letras import leer_en_letras
from auditor.lectura.patrones import normalizar, quitar_invisibles
from auditor.lectura.vocabulario import expresion, porcentajes


class Problema(str, Enum):
    """Why a written value gives no number, or not a readable one."""

    SIN_NUMERO = "sin_numero"  # "$ millones": the unit is there, the number is not
    NO_APLICA = "no_aplica"  # "NP", "No programado", "No aplica": the report says there is none, not that it is missing
    ILEGIBLE = "ilegible"  # "$135, 2 millones": there is a number, but not a readable one
    UNIDAD = "unidad"  # "$178 millones de pasos": readable number, wrong unit words


_NBSP = re.compile(r"[\u00a0\u2007\u202f]")
# 1.234.567,89 | 1234,5 | 1234.5 | 1234 | 1.234
_NUMERO = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+|\.\d{1,2})?")  # a point before 1-2 digits is decimal ("17.9"); before 3, thousands; before 4+, neither
_MILES = re.compile(r"\d{1,3}(?:\.\d{3})+")
# a number only English writing gives: two or more comma groups of three, or comma groups and a decimal point; a
# single group ('1,250') stays a Colombian decimal, and is read as one
_INGLES = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3}(?:,\d{3})+\.\d+")


# the apostrophe that marks the millions in many offices' figures: '$2.345'678.000' is 2.345.678.000
APOSTROFO_DE_MILLONES = re.compile(r"(?<![\d.,'’´])\d{1,3}(?:\.\d{3})*['’´]\d{3}(?:\.\d{3})+(?![\d'’´])")


def con_punto_en_los_millones(texto: str) -> str:
    """The millions' apostrophe written as the thousands point: '2.345'678.000' -> '2.345.678.000'."""
    return APOSTROFO_DE_MILLONES.sub(lambda m: re.sub(r"['’´]", ".", m.group(0)), texto)


def limpiar(texto: str) -> str:
    """Undo export escapes (``\\$``), non-breaking spaces and characters that show nothing
    (a zero-width joiner inside ``6\u200d71`` is not a separator), collapse white space; the millions' apostrophe
    is a thousands point."""
    return " ".join(_NBSP.sub(" ", con_punto_en_los_millones(quitar_invisibles(texto).replace("\\$", "$"))).split())


def leer_numero(texto: str) -> float | None:
    """Read one number in Colombian or plain format; None if the text is not exactly one.

    >>> leer_numero("1.158,69"), leer_numero("12.972"), leer_numero("17.9"), leer_numero("4.500")
    (1158.69, 12972.0, 17.9, 4500.0)

    Characters that show nothing are not part of it: ``6\u200d71`` is 671, not unreadable.
    """
    texto = quitar_invisibles(texto).strip()
    if texto.isascii() and texto.isdigit():  # the common case, '1600': what the expressions below read as float(texto)
        return float(texto)
    if _INGLES.fullmatch(texto):  # '1,250,000,000', '2,345.6': commas that group thousands, as only English writes
        return float(texto.replace(",", ""))
    if not _NUMERO.fullmatch(texto):
        return None
    if "," in texto:
        entero, decimal = texto.rsplit(",", 1)
        return float(entero.replace(".", "") + "." + decimal)
    if _MILES.fullmatch(texto):
        return float(texto.replace(".", ""))
    return float(texto)


def escribir_numero(x: float, decimales: int = 2) -> str:
    """A number for people, as Colombian reports write it: `.` groups thousands, `,` marks
    decimals; rounded to `decimales` places, trailing zeros dropped, no minus on a zero.

    Every number a message or an output writes goes through here.

    >>> escribir_numero(2000000), escribir_numero(1158.69), escribir_numero(13842.4), escribir_numero(45.5, 1)
    ('2.000.000', '1.158,69', '13.842,4', '45,5')
    """
    texto = f"{abs(x):,.{decimales}f}"
    if "." in texto:
        texto = texto.rstrip("0").rstrip(".")
    entero, _, decimal = texto.partition(".")
    resultado = entero.replace(",", ".") + ("," + decimal if decimal else "")
    return ("-" if x < 0 and resultado != "0" else "") + resultado


@dataclass(frozen=True)
class Lectura:
    """A value read from text: the number (or None) and, when unreadable, the problem."""

    valor: float | None
    problema: Problema | None = None
    detalle: str | None = None


_MONTO = re.compile(
    r"(?:cop\s*)?\$?\s*(?P<num>[\d][\d.,\s]*?)?\s*"
    r"(?P<unidad>mil\s+millones|millones|mill[oó]n|pesos)?"
    r"(?:\s+de\s+(?P<de>[a-záéíóúñ]+))?\s*",
    re.IGNORECASE,
)


_MONTO_EN_LETRAS = re.compile(r"(?:(?:cop|\$)\s*)?(?P<num>[a-z ]+?)(?:\s+(?:de\s+)?pesos)?(?:\s+m/?cte)?\.?", re.IGNORECASE)


def _monto_en_letras(texto: str) -> float | None:
    """An amount written in words, in millones: 'cuatrocientos cincuenta millones de pesos' -> 450,
    'un millón quinientos mil pesos' -> 1.5, 'cero pesos' -> 0; None if the words are not one number."""
    m = _MONTO_EN_LETRAS.fullmatch(normalizar(texto))
    if m is None:
        return None
    valor = leer_en_letras(m.group("num"))
    return None if valor is None else valor / 1_000_000


def leer_monto(texto: str) -> Lectura:
    """Read an amount, returning it in *millones de pesos*.

    ``$ 776 millones de pesos`` -> 776; ``$4.690.000.000`` (pesos) -> 4690;
    ``cuatrocientos cincuenta millones de pesos`` -> 450; ``sin ejecución presupuestal`` -> 0
    (an explicit zero, see `auditor.lectura.ceros`);
    ``$ millones`` -> no number; ``$135, 2 millones`` -> unreadable;
    ``$178 millones de pasos`` -> wrong unit words.
    """
    t = limpiar(texto)
    if t and not any(c.isdigit() for c in t):
        en_letras = _monto_en_letras(t)
        if en_letras is not None:
            return Lectura(en_letras)
        if cero_explicito(t) is not None:
            return Lectura(0.0)
    m = _MONTO.fullmatch(t)
    if m is None or not t:
        return Lectura(None, Problema.ILEGIBLE, t)
    num, unidad, de = m.group("num"), (m.group("unidad") or "").lower(), m.group("de")
    if not num:
        return Lectura(None, Problema.SIN_NUMERO, t)
    valor = leer_numero(num)
    if valor is None:
        return Lectura(None, Problema.ILEGIBLE, num.strip())
    if unidad in ("", "pesos"):
        valor = valor / 1_000_000
    elif unidad == "mil millones":
        valor = valor * 1000
    if de is not None and de.lower() != "pesos":
        return Lectura(valor, Problema.UNIDAD, f"de {de}")
    if unidad == "pesos" and de is not None:
        return Lectura(valor, Problema.UNIDAD, f"pesos de {de}")
    return Lectura(valor)


_PORCENTAJE = re.compile(r"(?P<num>-?\s*[\d][\d.,]*)?\s*(?:%|por\s*ciento)?\s*", re.IGNORECASE)


_PORCENTAJE_EN_LETRAS = re.compile(r"(?:el\s+|un\s+)?(?P<num>[a-z ]+?)\s*(?:%|por\s*ciento)\.?")


# 'NP', 'No programado', 'No aplica: la meta empieza en 2026': a value the report says there is none of, at the start of
# what is written and without a percentage after it (`vocabulario.porcentajes().sin_valor`)
_SIN_VALOR = expresion(lambda: rf"(?:{'|'.join(porcentajes().sin_valor + porcentajes().sin_programar)})(?:$|[\s:;,.(\-–][^%]*$)")


def sin_valor(texto: str) -> bool:
    """Whether a written percentage or count says there is no value to give ('NP', 'No programado', 'No aplica')."""
    return _SIN_VALOR.match(normalizar(limpiar(texto))) is not None


def leer_porcentaje(texto: str) -> Lectura:
    """Read a percentage: ``66,7%`` -> 66.7, ``12.5%`` -> 12.5, ``22.4 por ciento`` -> 22.4,
    ``ochenta por ciento`` -> 80; ``NP`` or ``No programado`` -> no value, and none missing."""
    t = limpiar(texto)
    if sin_valor(t):
        return Lectura(None, Problema.NO_APLICA, t)
    m = _PORCENTAJE.fullmatch(t)
    if m is None and t and not any(c.isdigit() for c in t):
        en_letras = _PORCENTAJE_EN_LETRAS.fullmatch(normalizar(t))  # "ochenta por ciento"
        entero = leer_en_letras(en_letras.group("num")) if en_letras else None
        if entero is not None:
            return Lectura(float(entero))
    if m is None or not t:
        return Lectura(None, Problema.ILEGIBLE, t)
    if not m.group("num"):
        return Lectura(None, Problema.SIN_NUMERO, t)
    num = m.group("num").replace(" ", "")
    negativo = num.startswith("-")
    valor = leer_numero(num.lstrip("-"))
    if valor is None:
        return Lectura(None, Problema.ILEGIBLE, num)
    return Lectura(-valor if negativo else valor)


_CANTIDAD = re.compile(r"(?P<num>[\d][\d.,]*)\s*(?P<pct>%)?\s*\**\s*")


def leer_cantidad(texto: str) -> Lectura:
    """Read a count or an indicator value: ``4.500``, ``5000``, ``2.378``, ``62,8%**``.

    Trailing asterisks are footnote calls of the report's tables and are ignored.
    """
    t = limpiar(texto)
    if sin_valor(t):  # 'Programado 2025: NP'
        return Lectura(None, Problema.NO_APLICA, t)
    m = _CANTIDAD.fullmatch(t)
    if m is None:
        # "ciento veinte" or "12 y 13": a count was written but cannot be read as one number
        return Lectura(None, Problema.ILEGIBLE, t)
    valor = leer_numero(m.group("num"))
    if valor is None:
        return Lectura(None, Problema.ILEGIBLE, m.group("num"))
    return Lectura(valor)
