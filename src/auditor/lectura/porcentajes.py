"""Percentages in running text and what each one is a percentage of.

A report states two kinds of progress, and other percentages besides:

- ``periodo``: the *cumplimiento* of the period, achieved over programmed ("cumplimiento del 100 %",
  "100% de cumplimiento frente a lo programado en el periodo", "se cumplió en un 60 % lo programado
  para la vigencia", "el 90 % de la meta de la vigencia");
- ``cuatrienio``: the *avance* over the four-year target ("45,5% del cuatrienio", "un avance del 25 %
  frente al cuatrienio", "lo que equivale a un 30 por ciento de la meta del cuatrienio");
- ``composicion``: a share of people, households or groups ("62 % de ellas mujeres", "el 52 % de los
  hogares tiene jefatura femenina", "55% mujeres y 45% hombres"): not progress;
- ``financiero``: budget execution or a share of the funding ("85 % de ejecución presupuestal", "el 70 %
  de los recursos"): not physical progress either;
- None: the text does not say ("una sobrevivencia del 87 %", "supera el 60 %").

What a percentage refers to is decided by the phrase attached to it, nearest first, never by a
keyword elsewhere in the sentence ("cumplimiento del 100 % ... y un avance del 25 %" is 100 of the
period and 25 of the four years).  The attached phrase is the clause around the number, cut at
punctuation, at a coordination ("... y un avance ...") and at the percentages before and after:

1. after the %, what it is a share of: "del cuatrienio", "de lo programado para la vigencia",
   "de los recursos", "de ellas mujeres" (the first such phrase after it);
2. before it, the measure and its scope: "cumplimiento del", "un avance frente al cuatrienio del",
   "en el periodo un avance del", "el cumplimiento del periodo es del", "de ellos, el";
3. after it, the measure alone: "de cumplimiento", "de avance";
4. a verb of a population right after ("el 6 % tienen condiciones especiales") or the coordination
   with a composition before ("el 52 % de los hogares ... y el 48 % jefatura masculina").

Numbers: "45,5%", "45,5 %", "45.5 por ciento", "100%", "ochenta por ciento" (the words are read with
`numeros_en_letras`).  The text is normalized once (`normalizar_con_indices`: case, accents, spacing,
invisible characters) and read in one pass: each percentage looks only at its own clause, so the
work is linear in the text.

`ROTULO` finds the percentage label of a template cell for the tabular importer, and
`programado_del_periodo` the quantity the cumplimiento is of ("de los 150 programados para el periodo").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from auditor.lectura.cifras import leer_numero
from auditor.lectura.memoria import por_informe
from auditor.lectura.numeros_en_letras import PALABRAS, leer_en_letras
from auditor.lectura.patrones import normalizar_con_indices
from auditor.lectura.vocabulario import expresion
from auditor.lectura.vocabulario import porcentajes as porcentajes_vocabulario


class Referente(str, Enum):
    """What a percentage is a percentage of."""

    PERIODO = "periodo"  # cumplimiento: achieved / programmed for the period or the vigencia
    CUATRIENIO = "cuatrienio"  # avance: achieved / four-year target
    COMPOSICION = "composicion"  # a share of people, households, groups
    FINANCIERO = "financiero"  # budget execution, a share of the funding


@dataclass(frozen=True)
class Porcentaje:
    """One percentage of a text: its value, where it is in the original text, as written, and its referent."""

    valor: float
    inicio: int  # in the original text
    fin: int
    texto: str  # as written: "45,5%", "100 %", "ochenta por ciento"
    referente: Referente | None

    @property
    def progreso(self) -> bool:
        """A cumplimiento of the period or an avance of the four years."""
        return self.referente in (Referente.PERIODO, Referente.CUATRIENIO)


# --- the number ---------------------------------------------------------------------------

_PALABRA_NUMERO = "|".join(sorted(PALABRAS, key=len, reverse=True))
_SIGNO = r"(?:%|por ?ciento\b)"
# in normalized text: "45,5 %", "1.250,5%", "22.4 por ciento", "ochenta por ciento", "cien por ciento"
_NUMERO = re.compile(
    rf"(?<![\w.,])(?P<cifra>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?) ?{_SIGNO}"
    rf"|\b(?P<letras>(?:(?:{_PALABRA_NUMERO}) )+){_SIGNO}"
)


def _en_letras(palabras: str) -> tuple[int, int] | None:
    """The longest tail of a run of number words that reads as one number: (offset in the run, value).
    "un ochenta " -> "ochenta"; a lone "un" or "y" is an article or a conjunction."""
    partes = palabras.split()
    desde = 0
    for k in range(len(partes)):
        if partes[k] in ("y",) or (k == len(partes) - 1 and partes[k] in ("un", "una")):
            desde += len(partes[k]) + 1
            continue
        valor = leer_en_letras(" ".join(partes[k:]))
        if valor is not None:
            return desde, valor
        desde += len(partes[k]) + 1
    return None


# --- the attached phrase ------------------------------------------------------------------

# where a clause ends: punctuation, a sentence point (not a decimal one), a coordination
_FIN_ANTES = re.compile(r".*(?:[;:?!()\[\]]|\.(?= |$))", re.DOTALL)
_FIN_DESPUES = re.compile(r"[;:?!()\[\],]|\.(?= |$)| (?:y|e|o|pero|mientras|que) ")
_VENTANA = 120  # characters looked at on each side: a clause, not the paragraph


# what the phrase attached to a % says it is a share of (`vocabulario.porcentajes`, ``rules/vocabulario/porcentajes.yaml``)
def _alternativas(nombre: str) -> str:
    return "|".join(getattr(porcentajes_vocabulario(), nombre))


# 1. after the %: the first phrase that says what it is a share of
_DESPUES = expresion(lambda: (
    rf"(?P<composicion>^de (?:ellas|ellos|estas|estos|los cuales|las cuales)\b"
    rf"|^de (?:los|las|sus) (?!\d|{_alternativas('financiero')}|{_alternativas('periodo')}|{_alternativas('cuatrienio')}|metas?\b)[a-z]"
    rf"|^(?:de (?:la |su ))?(?:{_alternativas('poblacion')})\b)"
    rf"|\b(?P<financiero>{_alternativas('financiero')})\b"
    rf"|\b(?P<cuatrienio>{_alternativas('cuatrienio')})\b"
    rf"|\b(?P<periodo>{_alternativas('periodo')})\b"
))
# 5. a bare '(85 %)' after a quantity: what the clause before the bracket names last ('de las 30 programadas (85 %)',
# 'En el cuatrienio van 21 de 48 (43,8 %)', '1.530 mujeres (54 %)')
_ANTES_DEL_PARENTESIS = expresion(lambda: (
    rf"\b(?P<financiero>{_alternativas('financiero')})\b"
    rf"|\b(?P<cuatrienio>{_alternativas('cuatrienio')})\b"
    rf"|\b(?P<periodo>{_alternativas('periodo')})\b"
))
# a group of people right before the bracket, nothing between: '1.530 mujeres (54 %)' (not '420 personas formadas (105 %)')
_GRUPO_ANTES_DEL_PARENTESIS = expresion(lambda: rf"\b(?:{_alternativas('poblacion')})\s*$")
_ABRE_PARENTESIS = re.compile(r"\(\s*$")
# 3. after the %, the measure alone
_MEDIDA_DESPUES = re.compile(r"^de (?:(?P<cumplimiento>cumplimiento)|(?P<avance>avance)(?! fisico)|ejecucion (?P<presupuestal>presupuestal|financiera))\b")
# 4. a verb that makes the % a share of a group: "el 6 % tienen ...", "el 24 % de los emprendimientos son ..."
_VERBO_POBLACION = re.compile(
    r"^(?:[a-z]+ ){0,4}?(?:son|eran|fueron|tiene|tienen|cuenta con|cuentan con|corresponde a|corresponden a|pertenece|"
    r"pertenecen|habita|habitan|reside|residen|manifesto|manifestaron|se identifica|se identifican|se reconoce|se reconocen)\b"
)

# 2. before the %: [scope] measure [scope] [copula] connector
_AMBITO = r"(?:frente al|en el|del|de la|para el|para la|durante el|durante la|en la|en este|en esta) (?P<ambito>cuatrienio|periodo|vigencia|ano)(?: \d{4}(?: ?- ?\d{4})?)?"
_ANTES = re.compile(
    rf"(?:\b(?:en|durante|para) (?:el|la|este|esta) (?P<ambito_previo>periodo|vigencia|cuatrienio)(?: \d{{4}}(?: ?- ?\d{{4}})?)? (?:(?:un|el|una) )?)?"
    rf"\b(?P<medida>cumplimiento|cumpliendo|cumplio|cumplida|cumplido|avance|ejecucion presupuestal|ejecucion financiera)"
    rf"(?: {_AMBITO})?"
    r"(?: (?:es|fue|ha sido|sera|alcanzado|alcanzo|logrado|acumulado|total|general|tambien|igualmente|asimismo|ya"
    r"|se reporta|se reporto|se registra|se registro|se ubica|se situa|llega|llego|asciende|ascendio|alcanza|queda|quedo"
    r"|se mantiene|se mantuvo))*"
    r"(?: (?:del|de|en|al|a|con|por|hasta|sobre))?(?: (?:el|un|una|lo))? ?$"
)
_COMPOSICION_ANTES = re.compile(r"\bde (?:ellas|ellos|estas|estos|los cuales|las cuales) ?,? (?:(?:el|un) )?$")
_COORDINADO = re.compile(r"^[^.;:?!()]*(?:,|\by|\be) (?:(?:el|un) )?$")  # the next item of the same list

_MEDIDAS = {"cumplimiento": Referente.PERIODO, "cumpliendo": Referente.PERIODO, "cumplio": Referente.PERIODO,
            "cumplida": Referente.PERIODO, "cumplido": Referente.PERIODO, "avance": Referente.CUATRIENIO,
            "ejecucion presupuestal": Referente.FINANCIERO, "ejecucion financiera": Referente.FINANCIERO}
_AMBITOS = {"cuatrienio": Referente.CUATRIENIO, "periodo": Referente.PERIODO, "vigencia": Referente.PERIODO, "ano": Referente.PERIODO}


def _despues(frase: str) -> Referente | None:
    """Step 1: what the phrase right after the % says it is a share of."""
    m = _DESPUES.search(frase)
    if m is None:
        return None
    return Referente(next(k for k, v in m.groupdict().items() if v is not None))


def _antes(frase: str) -> Referente | None:
    """Step 2: the measure and scope right before the number."""
    if _COMPOSICION_ANTES.search(frase):
        return Referente.COMPOSICION
    m = _ANTES.search(frase)
    if m is None:
        return None
    ambito = m.group("ambito") or m.group("ambito_previo")
    return _AMBITOS[ambito] if ambito else _MEDIDAS[m.group("medida")]


def _referente(antes: str, despues: str, anterior: Referente | None, entre: str | None) -> Referente | None:
    medida = _MEDIDA_DESPUES.match(despues)
    resto = despues[medida.end():].lstrip() if medida else despues
    if medida is not None:  # "de cumplimiento frente a lo programado", "de avance del cuatrienio": the scope follows the measure
        resto = re.sub(r"^(?:frente a|respecto a|con respecto a|en relacion a|sobre) ?", "", resto)
    for referente in (_despues(resto) if medida else _despues(despues), _antes(antes)):
        if referente is not None:
            return referente
    if medida is not None:
        if medida.group("cumplimiento"):
            return Referente.PERIODO
        return Referente.CUATRIENIO if medida.group("avance") else Referente.FINANCIERO
    if _VERBO_POBLACION.match(despues):
        return Referente.COMPOSICION
    if anterior is Referente.COMPOSICION and entre is not None and _COORDINADO.match(entre):
        return Referente.COMPOSICION  # "el 52 % de los hogares tiene jefatura femenina y el 48 % jefatura masculina"
    return None


def _entre_parentesis(antes: str) -> Referente | None:
    """Step 5: a bare '(85 %)' refers to what the clause before its bracket names last."""
    clausula = _ABRE_PARENTESIS.sub("", antes)
    corte = _FIN_ANTES.match(clausula)
    if corte is not None:
        clausula = clausula[corte.end():]
    if _GRUPO_ANTES_DEL_PARENTESIS.search(clausula):
        return Referente.COMPOSICION
    ultimo = None
    for m in _ANTES_DEL_PARENTESIS.finditer(clausula):
        ultimo = m
    if ultimo is None:
        return None
    return Referente(next(k for k, v in ultimo.groupdict().items() if v is not None))


# 6. a scope alone as the value's label: 'cuatrienio 54,8 %', 'vigencia 2025: 100 %', '… frente a 1.240 programados: 100 %'
_AMBITO_SOLO = expresion(lambda: (
    rf"^[\s,]*(?:(?:y|e) )?(?:(?P<cuatrienio>{_alternativas('cuatrienio')})|(?P<periodo>{_alternativas('periodo')}))(?: \d{{4}})?\s*$"
))
_AMBITO_ANTES_DE_DOS_PUNTOS = expresion(lambda: (
    rf"\b(?:(?P<cuatrienio>{_alternativas('cuatrienio')})|(?P<periodo>{_alternativas('periodo')}))(?: \d{{4}})?\s*:\s*$"
))


def _rotulo_de_ambito(delante: str) -> Referente | None:
    """Step 6: the percentage is the value of a label that names only its scope, right before it."""
    corte = _FIN_ANTES.match(delante)
    clausula = delante[corte.end():] if corte is not None else delante
    m = _AMBITO_SOLO.match(clausula) or (_AMBITO_ANTES_DE_DOS_PUNTOS.search(delante) if not clausula.strip() else None)
    if m is None:
        return None
    return Referente(next(k for k, v in m.groupdict().items() if v is not None))


# a percentage the text says was not reached, right before it: 'no se cumplió al 100 %', 'sin alcanzar el 80 %',
# 'no llegó al 50 %' (normalized text)
_NO_ALCANZADO = re.compile(
    r"\b(?:no|sin)\s+(?:se\s+)?(?:(?:ha|han|haya|hayan|pudo|pudieron|logro|logra)\s+)?"
    r"(?:cumpli\w*|cumplir|alcanz\w*|lleg\w*|logr\w*)\s+(?:(?:a|al|el|en|un|con|del)\s+){0,2}$")


_RESTANTE = re.compile(r"(?:restantes?|faltantes?|pendientes?|que\s+(?:falta|resta))\b")


@lru_cache(maxsize=1024)
def porcentajes(texto: str) -> tuple[Porcentaje, ...]:
    """Every percentage of `texto`, in order, with what it refers to (see the module)."""
    normal, indices = normalizar_con_indices(texto)
    encontrados: list[Porcentaje] = []
    previo_fin = 0  # end of the previous percentage, in the normalized text
    anterior: Referente | None = None
    hallados = list(_NUMERO.finditer(normal))
    for k, m in enumerate(hallados):
        inicio = m.start()
        if m.group("cifra") is not None:
            valor = leer_numero(m.group("cifra"))
            if valor is None:
                continue
        else:
            letras = _en_letras(m.group("letras"))
            if letras is None:
                continue
            inicio, valor = m.start() + letras[0], float(letras[1])
        siguiente = hallados[k + 1].start() if k + 1 < len(hallados) else len(normal)
        antes = normal[max(previo_fin, inicio - _VENTANA):inicio]
        corte = _FIN_ANTES.match(antes)
        if corte is not None:
            antes = antes[corte.end():]
        despues = normal[m.end():min(siguiente, m.end() + _VENTANA)]
        corte_despues = _FIN_DESPUES.search(despues)
        if corte_despues is not None:
            despues = despues[:corte_despues.start()]
        despues = despues.strip()
        entre = normal[previo_fin:inicio] if encontrados else None
        referente = _referente(antes, despues, anterior, entre)
        if referente is None and not despues:
            delante = normal[max(previo_fin, inicio - _VENTANA):inicio]
            if _ABRE_PARENTESIS.search(delante):
                referente = _entre_parentesis(delante)
        if referente is None:
            referente = _rotulo_de_ambito(normal[max(previo_fin, inicio - _VENTANA):inicio])
        if _NO_ALCANZADO.search(normal, max(previo_fin, inicio - _VENTANA), inicio) or _RESTANTE.match(despues):
            continue  # 'no se cumplió al 100 %': a mark not reached; 'el 10 % restante': what is left, not what was done
        comienzo, fin = indices[inicio], indices[m.end() - 1] + 1
        encontrados.append(Porcentaje(valor, comienzo, fin, texto[comienzo:fin], referente))
        previo_fin, anterior = m.end(), referente
    return tuple(encontrados)


por_informe(porcentajes)


def de_progreso(texto: str) -> dict[Referente, Porcentaje]:
    """The first cumplimiento of the period and the first avance of the four years a text states."""
    resultado: dict[Referente, Porcentaje] = {}
    for p in porcentajes(texto):
        if p.progreso and p.referente is not None:
            resultado.setdefault(p.referente, p)
    return resultado


# --- a percentage label of a template cell ----------------------------------------------------

_ACENTOS = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]", "n": "[nñ]"}


def _con_acentos(palabra: str) -> str:
    return "".join(_ACENTOS.get(c, re.escape(c)) for c in palabra)


_NUMERO_CRUDO = (
    r"(?<![\w.,])\d+(?:[.,]\d+)?\s*(?:%|por\s*ciento\b)"
    rf"|\b(?:(?:{'|'.join(_con_acentos(p) for p in sorted(PALABRAS, key=len, reverse=True))})\s+)+por\s*ciento\b"
)
_COLA = (
    r"(?:\s+(?:frente\s+a(?:l|\s+lo)?|de\s+lo|respecto\s+a(?:l|\s+lo)?|con\s+respecto\s+a(?:l|\s+lo)?|en\s+(?:el|la)|para\s+(?:el|la))"
    r"\s+(?:programado|cuatrienio|periodo|vigencia)"
    r"(?:\s+(?:en|para|de|del)\s+(?:el\s+|la\s+)?(?:periodo|vigencia|cuatrienio))?"
    r"(?:\s+\d{4}(?:\s*(?:-|–|y)\s*\d{4})?)?)?\s*\.?"
)
# The label of a percentage cell of a template, on the text as written (case aside): "100% de cumplimiento
# frente a lo programado en el periodo 2024-2025", "cumplimiento del 100 % frente a lo programado en el periodo",
# "45,5% del cuatrienio", "ochenta por ciento de cumplimiento", "100% de avance frente al cuatrienio", "el 100% de la
# vigencia".  It only
# finds the phrase; what the percentage refers to is read by `porcentajes` on what it found (`rotulado`).
ROTULO = (
    rf"(?:(?:cumplimiento|avance)\s+(?:del|de\s+un|de|en\s+un|al)\s+(?:{_NUMERO_CRUDO})"
    rf"|(?:{_NUMERO_CRUDO})\s*(?:de\s+(?:cumplimiento|avance)\b|del\s+cuatrienio\b|frente\s+al\s+cuatrienio\b"
    rf"|de\s+la\s+meta\s+del\s+cuatrienio\b|de\s+lo\s+programado\b|del\s+per[ií]odo\b|de\s+la\s+vigencia\b))"
    + _COLA
)


# A percentage label left without its number at the start of its cell ('% de avance frente al cuatrienio',
# '___ % de cumplimiento'): the template asks for the percentage and the office did not write it.
ROTULO_EN_BLANCO = (
    r"^\s*(?:_+\s*)?%\s*(?:de\s+(?:cumplimiento|avance)\b|del\s+cuatrienio\b|frente\s+al\s+cuatrienio\b"
    r"|de\s+la\s+meta\s+del\s+cuatrienio\b|de\s+lo\s+programado\b)"
    + _COLA
)


def en_blanco(texto: str) -> Referente | None:
    """What a label found by `ROTULO_EN_BLANCO` asks for (the period's cumplimiento or the plan's
    avance), read by the same grammar as if its number were written; None if it does not say."""
    m = re.match(ROTULO_EN_BLANCO, texto, re.IGNORECASE)
    if not m:
        return None
    leido = rotulado("1" + m.group(0).strip().lstrip("_ "))  # the number only stands in for the blank: never a value
    return leido.referente if leido is not None else None


def rotulado(texto: str) -> Porcentaje | None:
    """The progress percentage a label found by `ROTULO` states (None if it states none)."""
    return next((p for p in porcentajes(texto) if p.progreso), None)


# --- what the period's percentage is of: the quantity programmed for the period -----------------

_CANTIDAD = r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]\d)"
_PERIODO_NOMBRADO = r"(?:(?:el |la |este |esta )?(?:periodo|vigencia|ano)(?: \d{4}(?: ?- ?\d{4})?)?|\d{4}(?: ?- ?\d{4})?)"
_PROGRAMADO = tuple(re.compile(x) for x in (
    # "de los 150 programados para el periodo", "De las 10 jornadas programadas para 2024"
    rf"\bde (?:los|las) {_CANTIDAD}(?: [a-z]+){{0,3}}? (?:programad|previst|proyectad|planead)[oa]s (?:para|en|durante) {_PERIODO_NOMBRADO}",
    # "Programado 2024: 100 familias", "Programado para la vigencia: 40"
    rf"\bprogramad[oa]s?(?: (?:para|en))? {_PERIODO_NOMBRADO} ?: {_CANTIDAD}",
    # "La programación del periodo 2024-2025 en el Plan Indicativo es de 280 títulos"
    rf"\bprogramacion (?:del|de la|para el|para la) (?:periodo|vigencia|ano)(?: \d{{4}}(?: ?- ?\d{{4}})?)?(?: [a-z]+){{0,5}}? (?:es|fue|era) de {_CANTIDAD}",
    # "Para la vigencia 2024 el Plan de Acción programó la adquisición de 380 hectáreas"
    rf"\b(?:para|en) {_PERIODO_NOMBRADO},? (?:el|la) (?:[a-z]+ ){{0,5}}?programo (?:[a-z]+ ){{0,4}}?{_CANTIDAD}",
    # "Para 2025 se programó la adecuación de 10 escenarios", "en la vigencia se proyectaron 40 talleres"
    (rf"\b(?:para|en) {_PERIODO_NOMBRADO},? se (?:programo|programaron|proyecto|proyectaron|planeo|planearon|previo|previeron)"
     rf" (?:[a-z]+ ){{0,4}}?{_CANTIDAD}"),
))


@dataclass(frozen=True)
class Programado:
    """The quantity a text says was programmed for the period: its value and where the number is."""

    valor: float
    inicio: int  # of the number, in the original text
    fin: int
    texto: str  # the number as written


@lru_cache(maxsize=1024)
def programado_del_periodo(texto: str) -> Programado | None:
    """The first quantity programmed for the period that `texto` states ("de los 150 programados para
    el periodo", "Programado 2024: 100 familias", "la programación de la vigencia es de 280 títulos").
    Amounts of money are not quantities ("de los $ 950 millones programados" is not read)."""
    normal, indices = normalizar_con_indices(texto)
    primero: re.Match[str] | None = None
    for patron in _PROGRAMADO:
        for m in patron.finditer(normal):
            if _MONEDA.match(normal, m.end("n")) is None and leer_numero(m.group("n")) is not None:
                if primero is None or m.start() < primero.start():
                    primero = m
                break
    if primero is None:
        return None
    inicio, fin = primero.span("n")
    comienzo, final = indices[inicio], indices[fin - 1] + 1
    return Programado(float(leer_numero(primero.group("n")) or 0), comienzo, final, texto[comienzo:final])


por_informe(programado_del_periodo)


_MONEDA = re.compile(r" ?(?:millones|mil millones|pesos)\b")
