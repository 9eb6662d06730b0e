"""Which question of the narrative template each paragraph of a meta answers, by what it says.

The template asks, in this order: what was done (with its percentages), the investment, the
population served, how (and with whom, when) it was done, the impact, and where.  Offices
write the paragraphs out of that order, leave some out, put two answers in one paragraph or
one answer in two, and sometimes label them ('Inversión: …', 'Impacto:').  Each paragraph
is scored for each question by the cues it holds (money, counts of people, how-phrases,
effect verbs, places); the assignment of questions to the meta's paragraphs is then the one
with the best total score, where keeping the template order, continuing the same answer in
the next paragraph and skipping a question cost little and going back in the order costs
more.  A question answered nowhere stays unanswered; a paragraph that fits no question is
left unplaced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from auditor.lectura.ceros import cero_explicito
from auditor.lectura.lugares import Presentacion, clave, divipola
from auditor.lectura.patrones import normalizar

LOGRO, INVERSION, POBLACION, COMO, IMPACTO, LUGAR = range(6)
CAMPOS = (LOGRO, INVERSION, POBLACION, COMO, IMPACTO, LUGAR)
SIN_UBICAR = -1

# A label opening a paragraph: 'Inversión:', 'Población atendida:', '¿Cómo se hizo?', 'Impacto -'.
_ETIQUETAS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (campo, re.compile(rf"^\s*[¿]?\s*(?:{patron})\s*(?:[:?\-–—]\s*|$)", re.IGNORECASE))
    for campo, patron in (
        (LOGRO, r"avance|logro|logros|que se hizo|qu[eé] se hizo|lo realizado|realizado|cumplimiento|resultados?"),
        (INVERSION, r"inversi[oó]n(?:\s+ejecutada)?|recursos|presupuesto|cu[aá]nto se invirti[oó]"),
        (POBLACION, r"poblaci[oó]n(?:\s+atendida|\s+beneficiada|\s+objetivo)?|beneficiarios|qu[eé] poblaci[oó]n se atendi[oó]"),
        (COMO, r"c[oó]mo se (?:hizo|ejecut[oó]|realiz[oó])|ejecuci[oó]n|metodolog[ií]a|con qui[eé]n(?: se ejecut[oó])?|cu[aá]ndo(?: se realiz[oó])?"),
        (IMPACTO, r"impacto"),
        (LUGAR, r"localizaci[oó]n|ubicaci[oó]n|d[oó]nde(?: se intervino| se realiz[oó])?|lugar(?:es)?|municipios(?: atendidos| beneficiados)?"),
    )
)

# Cues on normalized text (lower case, no accents); each hit adds its weight, up to a cap per question.
_PISTAS: dict[int, tuple[tuple[re.Pattern[str], float], ...]] = {
    LOGRO: (
        (re.compile(r"\bcumplimiento\b|\bse cumplio\b|\bcumpliendo\b"), 1.5),
        (re.compile(r"\bavance\b"), 1.0),
        (re.compile(r"\d\s*%|\bpor ciento\b"), 1.0),
        (re.compile(r"\b(?:meta del|frente al|en el) cuatrienio\b|\blo programado\b"), 1.0),
    ),
    INVERSION: (
        (re.compile(r"\$\s*\d|\$\s*\w|\bcop\s*\d|\bmillones de pesos\b|\bpesos\b"), 2.0),
        (re.compile(r"\bmillones\b|\bmil millones\b"), 1.0),
        (re.compile(r"\bprogramacion (?:estimada|presupuestal)\b|\bpresupuest\w*"), 1.5),
        (re.compile(r"\bse (?:ejecutaron|invirtieron|comprometieron)\b|\binversion\b|\brecursos (?:propios|del|de la|de)\b"), 1.0),
    ),
    POBLACION: (
        (re.compile(r"^\d[\d.]*\s+(?:\(\d+\)\s+)?[a-z]"), 2.0),  # '150 jóvenes: …', '62 participantes …'
        (re.compile(r"\b(?:beneficiari\w+|beneficio a|beneficiaron|se atendieron|fueron atendid\w+|atendid[oa]s|participaron|participantes)\b"), 1.0),
        (re.compile(r"\bpoblacion\b"), 0.5),
        (re.compile(r"\b\d[\d.]*\s+(?:personas|hogares|familias|jovenes|mujeres|hombres|victimas|ninos|ninas|adolescentes|adultos|"
                    r"estudiantes|productores|integrantes|habitantes|lideres|lideresas)\b"), 1.0),
        (re.compile(r"\bdesagregad\w+ por\b|\bno aplica\b|\bsin datos\b"), 1.0),
    ),
    COMO: (
        (re.compile(r"\bmediante\b|\ba traves de\b|\bpor medio de\b|\bde la mano (?:de|con)\b"), 1.0),
        (re.compile(r"\ben alianza con\b|\bcon el apoyo\b|\bconvenio\w*\b|\ben coordinacion con\b|\bde manera articulada\b|\bcon la participacion de\b"), 1.0),
        (re.compile(r"\bse (?:realizo|realizaron|adelanto|adelantaron|llevo a cabo|llevaron a cabo|organizo|organizaron|construyo|ejecuto|"
                    r"suscribio|suscribieron|convoco|abrio|desarrollo|desarrollaron|hizo|esta ejecutando|estan ejecutando)\b"
                    r"|\bse (?:ha|han) (?:realizado|llevado a cabo|adelantado|desarrollado|ejecutado|trabajado)\b"), 1.0),
        (re.compile(r"\bmetodologia\b|\bjornadas\b|\btalleres\b|\bmesas de trabajo\b|\bconvocatoria\b|\bcomo se (?:hizo|ejecuto|realizo)\b"), 1.0),
    ),
    IMPACTO: (  # a paragraph that opens on the impact ('El impacto …') is the profile's cue (`Pistas`)
        (re.compile(r"\bimpacto\b"), 1.0),
        (re.compile(r"\b(?:pudieron|lograron|han podido|podran)\b|\bpermit(?:io|e|en|ira|iran|ieron)\b|\bcontribu\w+\b|\bgarantia de\b|\bcalidad de vida\b"), 1.0),
        # what it spared or eased people: 'sin tener que desplazarse', 'evitó que las familias …', 'acercaron la oferta'
        (re.compile(r"\bsin (?:tener|necesidad de) (?:que )?\w+|\bevit(?:o|aron|a|an|ando) que\b|\bfacilit(?:o|aron)\b|\bacerc(?:o|aron)\b"), 1.0),
        (re.compile(r"\b(?:mejora|mejoran|mejoro|mejoraron|fortalece|fortalecen|fortalecio|fortalecieron|reduce|reducen|redujo|redujeron|"
                    r"aumento|aumentaron|cuentan hoy|son hoy|generan|ayudaron)\b"), 1.0),
    ),
    LUGAR: (
        (re.compile(r"\ben (?:los|el) municipios? (?:de|priorizad\w+)\b|\bubicad\w+ en\b|\bse (?:realizaron|llevaron a cabo|desarrollaron|realizo) en\b"), 1.0),
        (re.compile(r"\b(?:vereda|veredas|corregimiento|corregimientos|casco urbano|zona rural|municipios?)\b"), 0.5),
    ),
}
_TOPES = {LOGRO: 3.5, INVERSION: 4.0, POBLACION: 3.0, COMO: 3.0, IMPACTO: 3.5, LUGAR: 1.5}

# What keeping or breaking the template order costs.
_SALTAR = 0.3  # per question skipped going forward
_SEGUIR = {LOGRO: 0.3, COMO: 0.3}  # the same answer going on in the next paragraph
_SEGUIR_OTRO = 1.5
_ATRAS = 1.2  # a question earlier in the template than the previous paragraph's
_SIN_UBICAR = 1.0
_PRIMERO = 1.0  # the paragraph right after the name is what was done


@dataclass(frozen=True)
class Etiquetado:
    campo: int
    resto: str  # the text after the label ('' when the label stands alone)


def etiqueta(texto: str) -> Etiquetado | None:
    """The question a paragraph's opening label names ('Inversión: Sobre …'), and the answer after it.
    A label is short: 'Recursos propios de …' is a sentence, not the label 'Recursos:'."""
    for campo, patron in _ETIQUETAS:
        m = patron.match(texto)
        if m and (m.group(0).rstrip().endswith((":", "?", "-", "–", "—")) or m.end() == len(texto.rstrip())):
            return Etiquetado(campo, texto[m.end():].strip())
    return None


# The template profile's cues: how a paragraph of a question opens (its `parrafos`), each a strong cue.
Pistas = tuple[tuple[int, re.Pattern[str]], ...]
_PISTA_DEL_PERFIL = 3.0


@lru_cache(maxsize=512)
def puntajes(texto: str, pistas: Pistas = ()) -> tuple[float, ...]:
    """How much a paragraph sounds like the answer to each question of the template."""
    normal = normalizar(texto)
    puntos = []
    for campo in CAMPOS:
        total = sum(peso for patron, peso in _PISTAS[campo] if patron.search(normal))
        total += sum(_PISTA_DEL_PERFIL for de, patron in pistas if de == campo and patron.search(normal))
        puntos.append(min(total, _TOPES[campo]))
    if cero_explicito(texto) is not None:
        puntos[INVERSION] = max(puntos[INVERSION], 2.5)
    puntos[LUGAR] += _lugares(texto)
    return tuple(puntos)


def _lugares(texto: str) -> float:
    """A paragraph mostly about places: the share of its words that name them, as a score up to 3."""
    registro = divipola()
    lugares = [lugar for lugar in registro.lugares(texto)  # a capitalized word is not a place unless the text or DIVIPOLA says so
               if lugar.tipo is not None or lugar.presentacion is Presentacion.LISTA or registro.es_municipio(clave(lugar.nombre))]
    if not lugares:
        return 0.0
    letras = sum(lugar.fin - lugar.inicio for lugar in lugares)
    proporcion = letras / max(1, len(texto))
    return min(3.0, 0.5 * len(lugares) + 6.0 * proporcion)


def clasificar(textos: Sequence[str], forzados: Sequence[int | None] = (), prohibidos: frozenset[int] = frozenset(),
               pistas: Pistas = ()) -> list[int]:
    """The question (LOGRO … LUGAR, or SIN_UBICAR) each paragraph of one meta answers.
    `forzados[i]`, when given, is the question a label names for paragraph i; `prohibidos`, the
    questions answered elsewhere (under their label), given to no paragraph that does not name them;
    `pistas`, the profile's cues of how each question's paragraph opens."""
    n = len(textos)
    if not n:
        return []
    emision = []
    for i, texto in enumerate(textos):
        forzado = forzados[i] if i < len(forzados) else None
        if forzado is not None:
            emision.append(tuple(10.0 if c == forzado else -10.0 for c in CAMPOS))
        else:
            emision.append(puntajes(texto, pistas))
    # Dynamic programming over (question of this paragraph, questions used so far, last question placed).
    Estado = tuple[int, int]  # (mask of questions used, last question placed or -1)
    mejor: dict[Estado, tuple[float, list[int]]] = {(0, -1): (0.0, [])}
    for i in range(n):
        siguiente: dict[Estado, tuple[float, list[int]]] = {}
        for (usados, ultimo), (puntos, camino) in mejor.items():
            for campo in (*CAMPOS, SIN_UBICAR):
                if campo == SIN_UBICAR:
                    valor = puntos - _SIN_UBICAR
                    estado = (usados, ultimo)
                else:
                    if campo in prohibidos and (i >= len(forzados) or forzados[i] != campo):
                        continue
                    costo = _transicion(usados, ultimo, campo)
                    if costo is None:
                        continue
                    valor = puntos + emision[i][campo] - costo + (_PRIMERO if i == 0 and campo == LOGRO else 0.0)
                    estado = (usados | (1 << campo), campo)
                if estado not in siguiente or valor > siguiente[estado][0]:
                    siguiente[estado] = (valor, camino + [campo])
        mejor = siguiente
    return max(mejor.values(), key=lambda v: v[0])[1]


_ORACION = re.compile(r"(?<=[.;])\s+(?=[A-ZÁÉÍÓÚÑ¿\d])")


def oraciones(texto: str) -> list[str]:
    return [o for o in _ORACION.split(texto) if o.strip()]


def compartidos(textos: Sequence[str], campos: Sequence[int], pistas: Pistas = ()) -> list[tuple[int, int, str, str]]:
    """Paragraphs that also answer a question no paragraph was placed under: the population told
    inside the how ('La atención se brindó mediante … Se atendieron 320 víctimas, 214 mujeres …')
    or the how inside the population paragraph.  (paragraph, missing question, its sentences,
    the sentences left to the paragraph's own question); only when the sentences part cleanly."""
    extra = []
    for falta, otra in ((POBLACION, COMO), (COMO, POBLACION)):
        if falta in campos:
            continue
        for i, campo in enumerate(campos):
            if campo != otra or puntajes(textos[i], pistas)[falta] < 1.0:
                continue
            partes = oraciones(textos[i])
            suyas = [o for o in partes if puntajes(o, pistas)[falta] >= 1.0 and puntajes(o, pistas)[falta] >= puntajes(o, pistas)[otra]]
            resto = [o for o in partes if o not in suyas]
            if suyas and resto:
                extra.append((i, falta, " ".join(suyas), " ".join(resto)))
                break
    return extra


def _transicion(usados: int, ultimo: int, campo: int) -> float | None:
    """What placing `campo` after `ultimo` costs (None: not allowed, the question was answered
    earlier and the paragraphs between answered others)."""
    if campo == ultimo:
        return _SEGUIR.get(campo, _SEGUIR_OTRO)
    if usados & (1 << campo):
        return None
    if campo > ultimo:
        saltados = sum(1 for c in range(ultimo + 1, campo) if not usados & (1 << c))
        return _SALTAR * saltados
    return _ATRAS
