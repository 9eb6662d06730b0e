"""Explicit zeros of an investment answer: "no se han comprometido recursos de inversión",
"sin ejecución presupuestal a la fecha", "ningún recurso fue girado", "recursos ejecutados:
ninguno", "cero pesos", "$0", with the reason that usually follows ("; la asistencia se prestó
con profesionales de planta", "porque ...", "fue asumida por ...").

Read by grammar, not by phrase: a negation, then (across a few linking words: "se", "han",
"a la fecha") a verb or noun of spending ("ejecutar", "comprometer", "invertir", "asignar",
"apropiar", "destinar", "girar", "erogar", "gastar", "desembolsar", "recursos",
"presupuesto"), with a money noun ("recursos", "presupuesto", "presupuestal", "inversión",
"dinero", "pesos", "monto") as that word or right after it ("no se ejecutaron las
actividades" is not about money; "no se presentaron dificultades en la ejecución" denies
something else). The other order works too: a spending word, then "ninguno", "nada",
"cero", "nulo". Where the reading is unsure it says nothing.

The words are data (``rules/vocabulario/ceros.yaml``, see `lectura.vocabulario`), which an office may
extend; the importer reads the zeros too (it writes the explicit zero as the executed amount, 0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.lectura.patrones import normalizar_con_indices
from auditor.lectura.vocabulario import ceros, derivado, expresion

# A figure of zero written as an amount: "$0", "$ 0 millones", "0 pesos", "cero pesos".
_CERO_ESCRITO = re.compile(r"(?:\$|\bcop)\s*0+(?:,0+)?(?![\d.,]*\d)|\b(?:0+|cero)\s+(?:millones\s+de\s+)?pesos\b")

_PALABRA = re.compile(r"\w+|[;:.]")
# the vocabulary's words in the forms the reader uses (`vocabulario.ceros`; rebuilt when an office extends it)
_NEGACION = expresion(lambda: r"\b(?:" + "|".join(ceros().negaciones) + r")\b")  # words that deny what follows them
_GASTO = expresion(lambda: "(?:" + "|".join(ceros().gasto) + ")")  # stems of spending, committing, allocating money
_DINERO = expresion(lambda: "(?:" + "|".join(ceros().dinero) + ")")  # money nouns: the spending word or one after it
_ENLACE = derivado(lambda: frozenset(ceros().enlaces))  # words between the negation and the spending word
_FINAL = derivado(lambda: frozenset(ceros().negaciones_finales))  # words that deny what comes before them
_RAZON = expresion(lambda: r"\b(?:" + "|".join(ceros().razones) + r")")  # where the reason starts, after the zero
# a zero that opens the answer ('Sin costo: la mesa funciona con el equipo de planta'), not one inside another answer
_APERTURA = expresion(lambda: r"^\W*(?:" + "|".join(ceros().aperturas) + r")\b" if ceros().aperturas else r"(?!)")
_PASOS_ENLACE = 5  # linking words allowed between the negation and the spending word
_PASOS_DINERO = 3  # words after the spending word where the money noun may stand


@dataclass(frozen=True)
class CeroExplicito:
    """An explicit zero in an answer: where it is (in the original text) and its reason, if one is given."""

    inicio: int
    fin: int
    texto: str
    razon: str | None


def _es(patron: expresion, palabra: str) -> bool:
    return patron.fullmatch(palabra) is not None


def _zona(palabras: list[tuple[str, int, int]], i: int) -> int | None:
    """The end of the money noun at `i` or in the next words of the clause (None: there is none)."""
    for k in range(i, min(i + 1 + _PASOS_DINERO, len(palabras))):
        palabra = palabras[k][0]
        if palabra in (";", ":", "."):
            return None
        if _es(_DINERO, palabra):
            while k + 1 < len(palabras) and (_es(_DINERO, palabras[k + 1][0]) or _es(_GASTO, palabras[k + 1][0])):
                k += 1  # "compromiso presupuestal", "recursos de inversión" stop at "de"
            return palabras[k][2]
    return None


def _buscar(normal: str) -> tuple[int, int] | None:
    """Start and end (in `normal`) of the first explicit zero said in words or figures."""
    escrito = _CERO_ESCRITO.search(normal)
    palabras = [(m.group(0), m.start(), m.end()) for m in _PALABRA.finditer(normal)]
    encontrado: tuple[int, int] | None = None
    for i, (palabra, inicio, _) in enumerate(palabras):
        # negation first: "no se han comprometido recursos", "sin ejecución presupuestal", "nada de recursos"
        largo = 2 if palabra == "nada" and i + 1 < len(palabras) and palabras[i + 1][0] == "de" else 1
        if largo == 2 or (palabra != "nada" and _NEGACION.fullmatch(palabra)):
            j = i + largo
            pasos = 0
            while j < len(palabras) and pasos <= _PASOS_ENLACE:
                siguiente = palabras[j][0]
                if _es(_GASTO, siguiente):
                    dinero = _zona(palabras, j)
                    if dinero is not None:
                        encontrado = (inicio, dinero)
                    break
                if siguiente not in _ENLACE():
                    break
                j += 1
                pasos += 1
        # the other order: "recursos ejecutados: ninguno", "ejecución presupuestal nula"
        elif _es(_GASTO, palabra) and _zona(palabras, i) is not None:
            j = i + 1
            while j < len(palabras) and j - i <= _PASOS_ENLACE:
                siguiente = palabras[j][0]
                if siguiente in _FINAL():
                    encontrado = (inicio, palabras[j][2])
                    break
                if not (siguiente == ":" or siguiente in _ENLACE() or _es(_GASTO, siguiente) or _es(_DINERO, siguiente)):
                    break
                j += 1
        if encontrado is not None:
            break
    if escrito is not None and (encontrado is None or escrito.start() < encontrado[0]):
        return escrito.start(), escrito.end()
    return encontrado


def _razon(normal: str, fin: int) -> tuple[int, int] | None:
    """Where the reason of a zero ending at `fin` is: the next clause after ';', or from a marker, to the sentence's end."""
    punto = re.compile(r"\.(?:\s|$)").search(normal, fin)
    final = punto.start() if punto else len(normal)
    resto = normal[fin:final]
    marcador = _RAZON.search(resto)
    punto_y_coma = min((k for k in (resto.find(";"), resto.find(":")) if k >= 0), default=-1)
    if punto_y_coma >= 0 and (marcador is None or punto_y_coma < marcador.start()):
        inicio = fin + punto_y_coma + 1
    elif marcador is not None:
        inicio = fin + marcador.start()
    else:
        return None
    razon = normal[inicio:final].strip()
    if len(razon.split()) < 3:  # "; ." or a word: not a reason
        return None
    return inicio + (len(normal[inicio:final]) - len(normal[inicio:final].lstrip())), final


_PRIMERA_PALABRA = re.compile(r"^\W*(\w+)")


def cero_explicito(texto: str, de_dinero: bool = False) -> CeroExplicito | None:
    """The first explicit zero of `texto`, with its reason when the text gives one; None if there is none.

    An answer that opens by saying the work cost nothing ('Sin costo: …', 'No tuvo costo', the vocabulary's
    `aperturas`) is a zero too. With `de_dinero`, `texto` is the answer to how much was invested (its label,
    'Recursos ejecutados:', already read off): a denial that opens it ('ninguno a la fecha de corte', 'cero') is
    that zero."""
    if not texto or not texto.strip():
        return None
    normal, indices = normalizar_con_indices(texto)
    hallado = _buscar(normal)
    if hallado is None and (apertura := _APERTURA.match(normal)) is not None:
        hallado = apertura.end() - len(apertura.group().lstrip(" \t\n\"'¿¡([«-")), apertura.end()
    if hallado is None and de_dinero:
        primera = _PRIMERA_PALABRA.match(normal)
        if primera is not None and (primera.group(1) in _FINAL() or primera.group(1) == "cero"):
            hallado = primera.start(1), primera.end(1)
    if hallado is None:
        return None
    inicio, fin = indices[hallado[0]], indices[hallado[1] - 1] + 1
    razon = _razon(normal, hallado[1])
    cita_razon = texto[indices[razon[0]]:indices[razon[1] - 1] + 1] if razon else None
    return CeroExplicito(inicio, fin, texto[inicio:fin], cita_razon)
