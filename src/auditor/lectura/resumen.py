"""Claims of a report's introduction with the metas they name.

Offices sum up their metas in the introduction, and often say which ones: "Mediante las metas 1 y 2
se intervinieron 655 hectáreas", "con la meta 4 acompañamos 12 instituciones", "las metas 3, 4 y 9
suman ...", "metas 509 a 517".  Or they speak of all of them: "se programaron en total $ 2.685
millones para las metas que se describen a continuación", "el conjunto de las metas", "las ocho metas".

This module reads, sentence by sentence, the metas a clause names and the figures the clause states
(a count with its unit, an amount).  A claim that names no metas is not read here: which metas it
covers would be a guess (a subset whose figures add up proves nothing), and the totals rule says
it cannot be verified.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from auditor.lectura.respuestas import montos, unidad_contada
from auditor.lectura.vocabulario import calificadores, como_se_escribe, expresion

# "la meta 4", "las metas 1 y 2", "metas 509 a 517", "las metas 3, 4 y 9", "metas de producto 12 y 13",
# "meta N° 7", "metas 3 al 6"
_REFERENCIA = re.compile(
    r"\bmetas?\s+(?:de\s+producto\s+)?(?:(?:n[°º.o]|#)\s*)?"
    r"(?P<lista>\d{1,4}(?:\s*(?:,|\by\b|\be\b|\ba(?:l|\s+la)?\b|\bhasta(?:\s+la)?\b)\s*\d{1,4}(?![\d.,]\d))*)(?![\d.,]\d)",
    re.IGNORECASE,
)
# "las metas 2.3.1 a 2.3.3", "meta 3.1.2": metas named by their code in the plan's outline
_CODIGO = re.compile(r"\d{1,2}(?:\.\d{1,3}){1,5}")
_REFERENCIA_CODIGOS = re.compile(
    r"\bmetas?\s+(?:de\s+producto\s+)?"
    r"(?P<lista>\d{1,2}(?:\.\d{1,3}){1,5}(?:\s*(?:,|\by\b|\be\b|\ba(?:l|\s+la)?\b|\bhasta(?:\s+la)?\b)\s*\d{1,2}(?:\.\d{1,3}){1,5})*)(?![\d.]\d)",
    re.IGNORECASE,
)
# the whole report: "todas las metas", "el conjunto de las metas", "las ocho metas", "las 8 metas de producto",
# "las metas que se describen a continuación", "las metas a su cargo"
_NUMERALES = ("dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciséis|dieciseis|"
              "diecisiete|dieciocho|diecinueve|veinte|\\d{1,3}")
_TODAS = re.compile(
    r"\btodas\s+(?:las|sus|nuestras)\s+metas\b|\bconjunto\s+de\s+(?:las|sus|nuestras)\s+metas\b"
    rf"|\b(?:las|sus|nuestras)\s+(?:{_NUMERALES})\s+metas\b"
    r"|\b(?:las|sus)\s+metas(?:\s+de\s+producto)?\s+(?:que\s+se\s+(?:describen|presentan|detallan|reportan|relacionan)"
    r"|a\s+(?:su|nuestro)\s+cargo)",
    re.IGNORECASE,
)
_EN_TOTAL = re.compile(r"\ben\s+total\b|\ben\s+conjunto\b", re.IGNORECASE)

# the qualifier right before a figure, as written ('más de', 'en total'): `vocabulario.calificadores`
_CALIFICADOR = expresion(lambda: (
    rf"\b(?P<c>{'|'.join(como_se_escribe(f) for f in calificadores().frases())})"
    r"\s+(?:(?:a\s+)?(?:los|las)\s+|a\s+)?$"
), re.IGNORECASE)
# a number that counts something: '655 hectáreas', '1.250 jóvenes', '30.000 árboles'
_NUMERO = re.compile(r"(?<![\w$.,])(?P<n>\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\w.,]\w)")
_CITA = re.compile(r"(?:\b(?:ley|decreto|resoluci[oó]n|acuerdo|ordenanza|art[ií]culo|circular|conpes|sentencia|"
                   r"meta|metas|n[°º.o]|p[aá]gina|tabla|anexo)|[-#/])\s*$", re.IGNORECASE)
# after a number, what makes it no count of what the metas achieved: a percentage, a preposition, a scale, years; and the
# report's own parts ('las 8 metas de producto a su cargo', 'sus 3 programas'), which are its structure, not a result
_NO_UNIDAD = re.compile(r"(?:%|por\s+ciento|de\s|del\s|a\s|al\s|y\s|e\s|en\s|millones|mil\b|años?\b|de$"
                        r"|metas?\b|indicadores?\b|programas?\b|l[ií]neas?\s+estrat[eé]gicas?\b|ejes?\b|sectores?\b)", re.IGNORECASE)
_ADJETIVOS = re.compile(r"^(?:nuev[oa]s?|otr[oa]s?|diferentes|distint[oa]s)\s+", re.IGNORECASE)
# which of the two the amount is: the last of these words before it ('se programaron ... $', 'se ejecutaron ... $')
_PROGRAMADO = re.compile(r"\b(?:(?P<p>program|presupuest(?:aron|[oó]\b|ad[oa]s?\b)|apropi|asignaron|asign[oó]\b)|"
                         r"ejecut|invirt|inversi[oó]n|gast|comprometi)", re.IGNORECASE)


_M = TypeVar("_M", int, str)

# a meta as a claim names it: its number (7) or its code in the plan's outline ('2.3.1')
MetaNombrada = int | str


@dataclass(frozen=True)
class Cifra:
    texto: str  # as written: '655', '$ 2.685 millones'
    calificador: str  # 'más de', 'en total', '' (none)
    unidad: str = ""  # what a count counts: 'hectáreas de ecosistemas estratégicos' -> 'hectáreas'


@dataclass(frozen=True)
class AfirmacionResumen:
    """One clause of the introduction: the metas it names (or all) and what it states of them."""

    metas: tuple[MetaNombrada, ...]
    todas: bool
    frase: str  # the sentence, as written
    cantidad: Cifra | None
    monto: Cifra | None
    programado: bool  # the amount is what was programmed, not what was executed


def metas_nombradas(lista: str) -> tuple[int, ...]:
    """'1 y 2' -> (1, 2); '509 a 517' -> 509..517; '3, 4 y 9' -> (3, 4, 9); a backwards or huge range -> ()."""
    return tuple(_lista_de_metas(lista, str.isdigit, lambda desde, hasta: _rango(int(desde), int(hasta)), int))


def _lista_de_metas(lista: str, es_meta: Callable[[str], bool], rango: Callable[[str, str], list[str] | None],
                    valor: Callable[[str], _M]) -> list[_M]:
    """The metas of a list joined by ',', 'y', 'e' and ranges ('a', 'al', 'hasta'), each once, in order; none when
    a range cannot be trusted (`rango` gives None)."""
    partes = re.split(r"\s*(,|\by\b|\be\b|\ba(?:l|\s+la)?\b|\bhasta(?:\s+la)?\b)\s*", lista.strip(), flags=re.IGNORECASE)
    escritas: list[str] = []
    en_rango = False
    for parte in partes:
        p = parte.lower()
        if not p:
            continue
        if es_meta(p):
            if en_rango and escritas:
                entre = rango(escritas[-1], p)
                if entre is None:
                    return []
                escritas.extend(entre)
            else:
                escritas.append(p)
            en_rango = False
        elif p.startswith(("a", "hasta")):
            en_rango = True
    return [valor(e) for e in dict.fromkeys(escritas)]


def _rango(desde: int, hasta: int) -> list[str] | None:
    """The numbers after `desde` up to `hasta`: forwards and at most 100 (a longer range is not a list of metas)."""
    return [str(n) for n in range(desde + 1, hasta + 1)] if desde < hasta <= desde + 100 else None


def _rango_de_codigos(desde: str, hasta: str) -> list[str] | None:
    """'2.3.1' to '2.3.3': the codes between, only where they differ in their last level."""
    prefijo, _, primero = desde.rpartition(".")
    otro_prefijo, _, ultimo = hasta.rpartition(".")
    numeros = _rango(int(primero), int(ultimo)) if otro_prefijo == prefijo else None
    return None if numeros is None else [f"{prefijo}.{n}" for n in numeros]


_FIN_DE_CLAUSULA = re.compile(r".*[,;:]", re.DOTALL)  # up to the last clause boundary


def codigos_nombrados(lista: str) -> tuple[str, ...]:
    """Metas named by their code in the plan's outline: '2.3.1 y 2.3.4' -> ('2.3.1', '2.3.4'); '2.3.1 a 2.3.3' ->
    2.3.1, 2.3.2, 2.3.3 (a range only where the codes differ in their last level, forwards and short)."""
    return tuple(_lista_de_metas(lista, lambda p: _CODIGO.fullmatch(p) is not None, _rango_de_codigos, str))


def frases(texto: str) -> list[tuple[int, int]]:
    """Sentence spans: a period, semicolon-free; '.' inside numbers (2.685) does not end a sentence."""
    spans: list[tuple[int, int]] = []
    inicio = 0
    for m in re.finditer(r"[.!?](?=\s+[A-ZÁÉÍÓÚÑ¿«\"“(]|\s*$)", texto):
        spans.append((inicio, m.end()))
        inicio = m.end()
    if texto[inicio:].strip():
        spans.append((inicio, len(texto)))
    return [(a + len(texto[a:b]) - len(texto[a:b].lstrip()), b) for a, b in spans if texto[a:b].strip()]


def _calificador(antes: str) -> str:
    m = _CALIFICADOR.search(antes)
    return " ".join(m.group("c").lower().split()) if m else ""


def _cantidad(trozo: str, ocupado: list[tuple[int, int]]) -> Cifra | None:
    """The first count of a clause: a number (not a year, citation, percentage or amount) and its unit."""
    for m in _NUMERO.finditer(trozo):
        if any(a <= m.start() < b for a, b in ocupado):
            continue
        numero, antes, despues = m.group("n"), trozo[: m.start()], trozo[m.end():].lstrip()
        if re.fullmatch(r"(?:19|20)\d\d", numero) or _CITA.search(antes) or not despues or _NO_UNIDAD.match(despues):
            continue
        if re.search(r"\(\s*$", antes):
            continue  # 'dos (2) iniciativas': the digits repeat a number in words
        unidad = unidad_contada(despues, "resumen")
        unidad = _ADJETIVOS.sub("", unidad)
        if not unidad or not unidad[0].isalpha():
            continue
        return Cifra(numero, _calificador(antes), unidad)
    return None


def _monto(trozo: str) -> tuple[Cifra, int, int] | None:
    for t in montos(trozo):
        if not re.search(r"\d", t.texto):
            continue
        return Cifra(t.texto, _calificador(trozo[: t.inicio])), t.inicio, t.inicio + len(t.texto)
    return None


# 'se formaron 600 docentes y se conectaron 120 sedes, estas últimas con una inversión de $ …': the amount is of the
# last thing (and meta) named, not of all; 'los primeros', of the first
_ANAFORA = re.compile(r"\b(?:est[ao]s?|aquell[ao]s?|l[ao]s?)\s+(?:(?P<ultimo>[uú]ltim[ao]s?)|(?P<primero>primer[ao]s?))\b", re.IGNORECASE)


def _alcance_del_monto(trozo: str, inicio_monto: int, metas: tuple[MetaNombrada, ...]) -> tuple[MetaNombrada, ...]:
    """The metas an amount covers: all the clause names, or the last (first) when an anaphora before the amount,
    in its own clause, says 'estas últimas' ('los primeros')."""
    if len(metas) < 2:
        return metas
    antes = trozo[:inicio_monto]
    cortes = [m.end() for m in re.finditer(r"[,;:]", antes)]
    clausula = antes[cortes[-1] if cortes else 0:]
    anafora = _ANAFORA.search(clausula) or (_ANAFORA.search(antes[cortes[-2]:]) if len(cortes) >= 2 else None)
    if anafora is None:
        return metas
    return metas[-1:] if anafora.group("ultimo") else metas[:1]


def _afirmacion(frase: str, trozo: str, metas: tuple[MetaNombrada, ...], todas: bool) -> AfirmacionResumen | None:
    leidas = _afirmaciones(frase, trozo, metas, todas)
    return leidas[0] if leidas else None


def _afirmaciones(frase: str, trozo: str, metas: tuple[MetaNombrada, ...], todas: bool) -> list[AfirmacionResumen]:
    """The claims of one clause: one, or two when its amount covers fewer metas than its count ('estas últimas')."""
    leida = _una_afirmacion(frase, trozo, metas, todas)
    if leida is None or leida.monto is None:
        return [leida] if leida is not None else []
    monto = _monto(trozo)
    assert monto is not None
    alcance = _alcance_del_monto(trozo, monto[1], metas)
    if alcance == metas:
        return [leida]
    del_monto = AfirmacionResumen(alcance, False, leida.frase, None, leida.monto, leida.programado)
    if leida.cantidad is None:
        return [del_monto]
    return [AfirmacionResumen(metas, todas, leida.frase, leida.cantidad, None, False), del_monto]


def _una_afirmacion(frase: str, trozo: str, metas: tuple[MetaNombrada, ...], todas: bool) -> AfirmacionResumen | None:
    monto = _monto(trozo)
    ocupado = [(monto[1], monto[2])] if monto else []
    cantidad = _cantidad(trozo, ocupado)
    if cantidad is None and monto is None:
        return None
    programado = False
    if monto is not None:
        palabras = list(_PROGRAMADO.finditer(trozo[: monto[1]]))
        programado = bool(palabras) and palabras[-1].group("p") is not None
    return AfirmacionResumen(metas, todas, frase.strip(), cantidad, monto[0] if monto else None, programado)


def afirmaciones(parrafo: str, en_componente: bool = False) -> list[AfirmacionResumen]:
    """The claims of an introduction paragraph that say which metas they cover.

    A clause runs from a meta reference to the next one (or the end of the sentence); a sentence with
    one reference and no figure after it takes the figure before it; the words before the first
    reference may speak of all the metas ("Para ellas se programaron en total ..., y con las metas 1 y 2 ...").  "en total" alone means all the
    metas only outside a component paragraph (`en_componente`: a paragraph under a program's name
    speaks of that program's metas, which it does not list).
    """
    leidas: list[AfirmacionResumen] = []
    for a, b in frases(parrafo):
        frase = parrafo[a:b]
        refs: list[tuple[re.Match[str], tuple[MetaNombrada, ...]]] = [
            (m, metas_nombradas(m.group("lista"))) for m in _REFERENCIA.finditer(frase)]
        refs += [(m, codigos_nombrados(m.group("lista"))) for m in _REFERENCIA_CODIGOS.finditer(frase)]
        refs = sorted(((m, n) for m, n in refs if n), key=lambda r: r[0].start())
        todas = _TODAS.search(frase) or (None if en_componente else _EN_TOTAL.search(frase))
        if refs:
            if todas is not None and todas.start() < refs[0][0].start():
                # 'Para ellas se programaron en total $ 100 millones, y con las metas 31 y 32 ...'
                leida = _afirmacion(frase, frase[: refs[0][0].start()], (), True)
                if leida is not None:
                    leidas.append(leida)
            for k, (m, numeros) in enumerate(refs):
                fin = refs[k + 1][0].start() if k + 1 < len(refs) else len(frase)
                de_la_clausula = _afirmaciones(frase, frase[m.end():fin], numeros, False)
                if not de_la_clausula and len(refs) == 1:
                    # the figure before the reference: that of its own clause first ('…, se realizaron 24 mercados
                    # campesinos (meta 3.1.3)'), then the sentence's
                    antes = frase[: m.start()]
                    corte = _FIN_DE_CLAUSULA.match(antes)
                    if corte is not None:
                        de_la_clausula = _afirmaciones(frase, antes[corte.end():], numeros, False)
                    if not de_la_clausula:
                        de_la_clausula = _afirmaciones(frase, antes, numeros, False)
                leidas.extend(de_la_clausula)
            continue
        if todas is None:
            continue
        leida = _afirmacion(frase, frase, (), True)
        if leida is not None:
            leidas.append(leida)
    return leidas
