"""Reading the template's answers: which words of a prose answer are the amount, the count,
the percentage, the funding sources, the municipalities.

The importer transcribes; it does not judge.  An amount is taken as written (``$ 776
millones de pesos``, ``$135, 2 millones``, ``$ millones``) so that the rules, not the
importer, decide whether it is readable; a count is the number the answer states with
the noun it counts.  When an answer states no number, none is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.lectura.conteos import analizar
from auditor.lectura.fechas import MESES
from auditor.lectura.lugares import Divipola, Lugar, clave, divipola
from auditor.lectura.numeros_en_letras import UNIDADES, numeros_en_letras
from auditor.lectura.patrones import normalizar, normalizar_con_indices
from auditor.lectura.porcentajes import Referente, de_progreso
from auditor.lectura.vocabulario import expresion
from auditor.lectura.vocabulario import porcentajes as porcentajes_vocabulario

_MESES = "|".join(MESES)
_NUMERO_PALABRA = {p: v for p, v in UNIDADES.items() if 1 <= v <= 10}  # a count in words opening an answer


@dataclass(frozen=True)
class Trozo:
    """A piece of an answer: the text as written and where it starts in the answer."""

    texto: str
    inicio: int


# --- amounts ---------------------------------------------------------------------------

# "$ 776 millones de pesos", "$135, 2 millones", "$ 74,,6 millones", "$ millones", "$4.690.000.000",
# "\$17.9 millones", "COP 1.200 millones", "$1,250,000,000"; a malformed number is taken whole, so that it reads as
# unreadable (never a part of it as a smaller amount)
_MONTO = re.compile(
    # the number with whatever marks it carries, a millions' apostrophe too ('$3'45.600.000'), so that a malformed one is
    # read whole and found unreadable (VAL001) rather than cut to '$3'
    r"(?:\$|\bCOP\b\.?)\s*(?P<numero>\d(?:[\d.]|['’´](?=\d))*(?:,+\s?\d+)?(?:[.,]\d+)*)?\s*(?P<escala>mil\s+millones|millones|mill[oó]n|mil)?"
    r"(?:\s+de\s+(?P<moneda>[a-záéíóú]+))?",
    re.IGNORECASE,
)
# after an amount in words: "... millones de pesos", "... mil pesos", "... millones con recursos propios"
_TRAS_LETRAS = re.compile(r"\s+(?:de\s+)?pesos\b|(?=\s*(?:[,;.)]|$|\s+(?!de\b)[a-záéíóúñ]))", re.IGNORECASE)


def _parece_pesos(palabra: str) -> bool:
    """'pesos' or a misspelling of it ('pasos'), which a rule must see."""
    p = normalizar(palabra)
    if p in ("pesos", "peso"):
        return True
    return len(p) == 5 and p[0] == "p" and p.endswith("sos") or p in ("pesoss", "pezos")


# An amount without its sign, that says pesos: '96,8 millones de pesos del SGP', '45.300.000 pesos'
_MONTO_EN_PESOS = re.compile(r"(?<![\w$.,])(?P<numero>\d[\d.]*(?:,\d+)?)\s*(?:(?:mil\s+millones|millones|mill[oó]n)\s+de\s+)?pesos\b",
                             re.IGNORECASE)


def montos(texto: str) -> list[Trozo]:
    """The amounts written in a text, as written ('$ 776 millones de pesos', '96,8 millones de pesos')."""
    encontrados = []
    for m in _MONTO.finditer(texto):
        if m.group("numero") is None and m.group("escala") is None:
            continue  # a lone "$"
        fin = m.end()
        if m.group("moneda") is not None and not _parece_pesos(m.group("moneda")):
            fin = m.end("escala") if m.group("escala") else m.end("numero")
        encontrados.append(Trozo(texto[m.start():fin].rstrip(" ,.;"), m.start()))
    ocupado = [(t.inicio, t.inicio + len(t.texto)) for t in encontrados]
    encontrados += [Trozo(m.group(0), m.start()) for m in _MONTO_EN_PESOS.finditer(texto)
                    if not any(a <= m.start() < b for a, b in ocupado)]
    encontrados += _montos_en_letras(texto, [(t.inicio, t.inicio + len(t.texto)) for t in encontrados])
    return sorted(encontrados, key=lambda t: t.inicio)


def _montos_en_letras(texto: str, ocupado: list[tuple[int, int]]) -> list[Trozo]:
    """Amounts written in words: a number in words followed by 'pesos', or one that ends in 'millones'/'millón'
    and is not followed by 'de <something else>' ('dos millones de personas' counts people, not pesos)."""
    encontrados = []
    for n in numeros_en_letras(texto):
        if any(a <= n.inicio < b for a, b in ocupado):
            continue
        tras = _TRAS_LETRAS.match(texto, n.fin)
        if tras is None:
            continue
        en_pesos = tras.end() > tras.start()
        if not en_pesos and normalizar(texto[n.inicio:n.fin]).split()[-1] not in ("millon", "millones"):
            continue
        encontrados.append(Trozo(texto[n.inicio:tras.end()], n.inicio))
    return encontrados


_EJECUTADO = re.compile(
    r"\b(?:se\s+(?:han\s+|ha\s+)?(?:ejecut|invirt|invert|comprometi|compromet|gir)[a-záéíóú]*|ejecutad[oa]s?"
    # who spent it, in the active voice: 'la Secretaría invirtió $ 318,4 millones'
    r"|invirti(?:ó|o|eron)|ejecut(?:ó|o|aron)|comprometi(?:ó|o|eron)"
    # the investment as a noun with what it came to: 'con una inversión de $ 975 millones', 'la inversión ascendió a …',
    # 'con recursos por $ 2.105,3 millones' (not 'una inversión programada de …': the word after the noun decides)
    r"|inversi[oó]n(?:\s+(?:total|ejecutada|realizada))?\s+(?:fue\s+de|ascendi[oó]\s+a|asciende\s+a|alcanz[oó]|de|por)"
    r"|(?<=con\s)recursos\s+por)", re.IGNORECASE)
_PROGRAMADO = re.compile(r"\bprogramaci[oó]n\s+(?:estimada\s+)?de\b", re.IGNORECASE)
_ENTRE_VERBO_Y_MONTO = re.compile(r"[\s:]*(?:(?:un\s+total|(?:por\s+)?(?:un\s+)?valor|la\s+suma)\s+de\s+)?", re.IGNORECASE)


def _monto_tras(texto: str, verbo: re.Pattern[str]) -> Trozo | None:
    """The amount right after a verb or noun ('se ejecutaron $ 87, 5 millones', 'se ejecutaron
    cuatrocientos cincuenta millones de pesos', 'programación estimada de COP 180 millones')."""
    todos = montos(texto)
    for m in verbo.finditer(texto):
        hueco = _ENTRE_VERBO_Y_MONTO.match(texto, m.end())
        desde = hueco.end() if hueco else m.end()
        for t in todos:
            if t.inicio == desde:
                return t
    return None


def monto_ejecutado(texto: str) -> Trozo | None:
    """The executed amount of a narrative investment paragraph: the one right after 'se ejecutaron',
    'se invirtieron', 'se comprometieron', ..."""
    return _monto_tras(texto, _EJECUTADO)


def monto_programado(texto: str) -> Trozo | None:
    """The programmed amount of a narrative investment paragraph ('Sobre una programación estimada de $ 450 millones')."""
    return _monto_tras(texto, _PROGRAMADO)


# --- funding sources --------------------------------------------------------------------

_FUENTES = re.compile(
    r"recursos\s+propios(?:\s+de\s+libre\s+destinaci[oó]n)?"
    r"|sistema\s+general\s+de\s+regal[ií]as|sistema\s+general\s+de\s+participaciones"
    r"|recursos\s+de\s+cr[eé]dito|recursos\s+de\s+cofinanciaci[oó]n|estampillas?(?:\s+pro[\s\w]+)?(?=[,.;]|$)",
    re.IGNORECASE,
)
# "se lograron articular los recursos con ACNUR – CONSEJO NORUEGO PARA REFUGIADOS para ..."
_ALIADO_RECURSOS = re.compile(r"recursos\s+con\s+(?P<aliado>[A-ZÁÉÍÓÚÑ]{2,}(?:[\s–-]+[A-ZÁÉÍÓÚÑ]{2,})*)")


def fuentes(texto: str) -> list[str]:
    """Funding sources named in an investment answer, as written, in order, without repeats."""
    vistos: dict[str, str] = {}
    hallazgos = [(m.start(), m.group(0)) for m in _FUENTES.finditer(texto)]
    hallazgos += [(m.start("aliado"), m.group("aliado").strip(" –-")) for m in _ALIADO_RECURSOS.finditer(texto)]
    for _, nombre in sorted(hallazgos):
        nombre = " ".join(nombre.split())
        vistos.setdefault(normalizar(nombre), nombre)
    return list(vistos.values())


# --- counts ------------------------------------------------------------------------------

_ENTERO = r"\d{1,3}(?:\.\d{3})+|\d+"
_PARTICIPIO = re.compile(r"^[a-záéíóúñ]+(?:ad|id)[oa]s?$")
_CORTE_UNIDAD = {"en", "han", "ha", "son", "fueron", "fue", "que", "con", "para", "a", "por", "mediante", "entre",
                 "durante", "principalmente", "sobre", "desde", "hasta", "según", "se", "como", "frente", "sin", "tienen"}
_NO_UNIDAD = re.compile(rf"^(?:de\s+(?:{_MESES})|a[ñn]os?\b|%|por\s+ciento|millones|mil\b|d[oó]lares|pesos|horas|d[ií]as|meses|veces)",
                        re.IGNORECASE)
_ADJETIVO = re.compile(r"^[a-záéíóúñ]+(?:ivas|ivos|iva|ivo|arias|icas|icos|ica|ico|ales|al|ares)$")
_NO_ADJETIVO = {"beneficiarios", "beneficiarias", "beneficiaria", "beneficiario", "funcionarios", "empresarios",
                "propietarios", "usuarios"}


@dataclass(frozen=True)
class Cuenta:
    """A count with the noun it counts: '252 unidades productivas'."""

    cantidad: str
    unidad: str
    inicio: int


def _palabras(texto: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[\wÁÉÍÓÚÑáéíóúñ]+|[,;:.()“”\"]", texto)]


def unidad_contada(resto: str, modo: str) -> str:
    """The noun phrase a number counts, from the words that follow it.

    modo 'logro': up to the participle or verb ('3 rondas de negociaciones organizadas');
    modo 'poblacion': the noun and its adjectives ('422 personas pertenecientes' -> 'personas');
    modo 'resumen': up to a preposition, keeping 'y SIGLAS' ('unidades económicas y MIPYMES').
    """
    palabras = _palabras(resto)
    tomadas: list[tuple[str, int, int]] = []
    for i, (palabra, _inicio, _fin) in enumerate(palabras):
        p = palabra.lower()
        if not tomadas:
            if not palabra[0].isalpha():
                return ""
            tomadas.append(palabras[i])
            continue
        if modo == "poblacion":
            if _ADJETIVO.match(p) and p not in _NO_ADJETIVO:
                tomadas.append(palabras[i])
                continue
            break
        if p in _CORTE_UNIDAD or _PARTICIPIO.match(p) or palabra in (";", ":", ".", "(", ")", "“", "”", '"'):
            break
        if modo == "resumen" and p in ("de", "del", "al"):
            break
        if p in ("y", "e") and i + 1 < len(palabras) and palabras[i + 1][0].lower() in ("el", "la", "los", "las", "un", "una", "su", "sus"):
            break  # 'estudiantes y el transporte escolar …': an article opens the next clause's subject, not more of the unit
        if palabra == ",":
            siguiente = palabras[i + 1][0].lower() if i + 1 < len(palabras) else ""
            if not siguiente or siguiente in _CORTE_UNIDAD or not siguiente.isalpha():
                break
        tomadas.append(palabras[i])
    while tomadas and tomadas[-1][0].lower() in ("de", "del", "la", "las", "los", "el", "y", "e", ",", "al"):
        tomadas.pop()
    if not tomadas:
        return ""
    return resto[tomadas[0][1]:tomadas[-1][2]]


def _cuenta_eludida(texto: str, desde: int, unidad: str) -> Cuenta | None:
    """The count right after position `desde`, in the same sentence, that leaves out its noun because the sentence
    said it before ('se programó la adecuación de 10 escenarios y se intervinieron 8'): a bare whole number after a
    verb with 'se', read with `unidad`. None when the next count has its own noun or no such count follows."""
    analisis = analizar(texto)
    tokens = analisis.tokens
    antes = [c for c in analisis.conteos if tokens.inicio[c.i_numero] >= desde]
    if not antes:
        return None
    c = antes[0]
    inicio = tokens.inicio[c.i_numero]
    if c.sustantivo is not None or c.calificador != "exacto" or "se" not in c.previas or c.valor != int(c.valor) \
            or _FIN_DE_ORACION_SIMPLE.search(texto, desde, inicio):
        return None
    return Cuenta(tokens.texto[c.i_numero], unidad, inicio)


_FIN_DE_ORACION_SIMPLE = re.compile(r"[.;:?!](?=\s|$)")
_PARTE_DE = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s+de\s+(?:los|las)\s+$")


def _parte_antes(texto: str, inicio: int, unidad: str) -> Cuenta | None:
    """The count of what was achieved written right before the programmed one as its part: the 3 of 'Se terminaron 3
    de las 6 aulas previstas' (`inicio`: where the programmed number starts), read with its `unidad`."""
    m = _PARTE_DE.search(texto, max(0, inicio - 40), inicio)
    return Cuenta(m.group("n"), unidad, m.start("n")) if m is not None and m.end() == inicio else None


def lograda_junto_a_programado(texto: str, inicio: int, fin: int, unidad: str) -> Cuenta | None:
    """What was achieved, when the count read first is the one programmed for the period (its number between `inicio`
    and `fin`): written right before it as its part ('Se terminaron 3 de las 6 aulas previstas') or right after it
    with the noun left out ('se programó la adecuación de 10 escenarios y se intervinieron 8'); None otherwise."""
    return _parte_antes(texto, inicio, unidad) or _cuenta_eludida(texto, fin, unidad)


def primera_cuenta(texto: str, modo: str = "logro", al_inicio: bool = False) -> Cuenta | None:
    """The first count stated in an answer: a number followed by what it counts.

    The numbers are the counts the one count reader finds (`conteos.analizar`: years, days of a date,
    percentages, money and ordinals are not counts); the importer takes the first one written as a whole
    number, with the noun phrase after it as written (`unidad_contada`, by `modo`).  A number word counts
    only opening the answer ('Un centro', 'Dos jornadas', one to ten): elsewhere the importer, which
    transcribes, leaves it to the rules; and a count in words above twenty ('a trescientas cuarenta mujeres') ends
    the search: the answer's count is that one, and a later one in figures ('(310 mujeres en 2024)') is another's.
    """
    analisis = analizar(texto)
    tokens = analisis.tokens
    for conteo in analisis.conteos:
        inicio, fin = tokens.inicio[conteo.i_numero], tokens.fin[conteo.i_numero]
        antes, escrito, resto = texto[:inicio], texto[inicio:fin], texto[fin:].lstrip()
        if al_inicio and antes.strip() and not re.fullmatch(r"(?i)\s*un\s+total\s+de\s*", antes):
            return None
        if escrito[0].isdigit():
            if not re.fullmatch(_ENTERO, escrito) or re.fullmatch(r"(?:19|20)\d\d", escrito) or texto[fin:fin + 1] == "-":
                continue  # a decimal, a year, 23-octubre-2025
            if re.search(r"(?:-|\bdel?\s+|\bel\s+)$", antes) and re.match(rf"(?i)(?:de\s+)?(?:{_MESES})", resto):
                continue
            numero = escrito
        elif conteo.valor > 20 and conteo.sustantivo is not None and not _NO_UNIDAD.match(resto):
            return None  # 'a trescientas cuarenta mujeres': the answer's count is in words; a later one is another count
        elif antes.strip() or escrito.lower() not in _NUMERO_PALABRA or re.match(r"total\b", resto, re.IGNORECASE):
            continue
        else:
            numero = str(_NUMERO_PALABRA[escrito.lower()])
        if _NO_UNIDAD.match(resto):
            continue
        unidad = unidad_contada(resto, modo)
        if unidad:
            return Cuenta(numero, unidad, inicio)
    return None


# the report voice of serving a population: 'se atendieron', 'se beneficiaron', 'beneficiaron a', 'participaron',
# 'fueron capacitados'; the count right after it is the population served
_SERVIR = re.compile(
    r"\b(?:se\s+)?(?:atendi\w*|benefici\w*|capacit\w*|formaron|acompañ\w*|vincul\w*|particip\w*|asisti\w*|"
    r"fueron\s+(?:atendid|beneficiad|capacitad|formad|acompañad|vinculad)\w*)\s+(?:a\s+)?(?:un\s+total\s+de\s+)?(?=\d)",
    re.IGNORECASE)


def cuenta_servida(texto: str) -> Cuenta | None:
    """The population count said after a verb of serving it, anywhere in a paragraph: 'En total se atendieron 3.120
    víctimas', 'Se beneficiaron 600 hogares', 'beneficiaron a 140 personas'; after any other verb in the passive
    'se' form only when what it counts is people ('Se vacunaron 3.400 niños y niñas', not 'Se entregaron 400 kits').
    For prose whose count does not open the paragraph; the first such count is taken."""
    for m in _SERVIR.finditer(texto):
        cuenta = primera_cuenta(texto[m.end():], "poblacion", al_inicio=True)
        if cuenta is not None:
            return Cuenta(cuenta.cantidad, cuenta.unidad, m.end() + cuenta.inicio)
    for patron in (_SE_VERBO, _A_QUIENES):
        for m in patron.finditer(texto):
            if patron is _A_QUIENES and _NO_ES_A_QUIENES.search(texto, max(0, m.start() - 24), m.start()):
                continue
            cuenta = primera_cuenta(texto[m.end():], "poblacion", al_inicio=True)
            if cuenta is not None and _PERSONAS.fullmatch(normalizar(cuenta.unidad)):
                return Cuenta(cuenta.cantidad, cuenta.unidad, m.end() + cuenta.inicio)
    return None


# 'no se registra avance físico ni población beneficiada', 'sin beneficiarios a la fecha', 'no hubo población atendida':
# the text says nobody was served (normalized text)
_SIN_POBLACION = re.compile(
    r"\b(?:ni|sin|ningun[oa]?|no\s+(?:se\s+)?(?:registra|registran|reporta|reportan|hubo|hay|tuvo|tiene|cuenta\s+con|"
    r"atendio|atendieron|beneficio|beneficiaron))\s+(?:(?:con|aun|todavia|a\s+la\s+fecha)\s+)?"
    r"(?:poblacion\s+(?:beneficiad|atendid|beneficiari)\w*|beneficiari[oa]s\b|personas\s+(?:beneficiad|atendid)\w*)")


def sin_poblacion(texto: str) -> Trozo | None:
    """Where a text says that nobody was served ('ni población beneficiada en 2025'): an explicit zero of the
    population, as written."""
    normal, indices = normalizar_con_indices(texto)
    m = _SIN_POBLACION.search(normal)
    if m is None:
        return None
    inicio, fin = indices[m.start()], indices[m.end() - 1] + 1
    return Trozo(texto[inicio:fin], inicio)


# the people an action reached, as its indirect object: 'brindó asistencia técnica a 1.240 familias', 'se entregaron
# kits a 320 productores' (people only, `cuenta_servida`); not the end of a range or of a comparison ('de 200 a 350
# familias', 'llegar a 5.000 personas', 'equivale a 40 hogares')
_A_QUIENES = re.compile(r"\ba\s+(?=\d)", re.IGNORECASE)
_NO_ES_A_QUIENES = re.compile(
    r"(?:\d|\b(?:llegar|lleg[oó]|alcanzar|alcanz[oó]|hasta|frente|pasar|pas[oó]|igual|equivale|equivalente|asciende|"
    r"ascendi[oó]|corresponde|cercan[oa]|superior|inferior|aumentar|aument[oó]|ampliar|ampli[oó]))\s+$", re.IGNORECASE)


# 'se vacunaron', 'se graduaron', 'se certificaron' before a number: any verb, for people only (`cuenta_servida`)
_SE_VERBO = re.compile(r"\bse\s+[a-záéíóúñ]{3,}(?:aron|ieron)\s+(?:a\s+)?(?=\d)", re.IGNORECASE)
# what counts people: the population words of the percentages' vocabulary ('niños', 'mujeres', 'personas', …)
_PERSONAS = expresion(lambda: rf"(?:{'|'.join(porcentajes_vocabulario().poblacion)})(?:\s.*)?")


# a unit of measure abbreviated, which counts only written as it is ('24 km', '300 ha', '1.200 m2')
_ABREVIATURA = re.compile(r"km|kms|ha|has|m2|m3|mt|mts|kg|ton|gb|mbps")


def cuenta_junto_a(texto: str, raiz: str) -> Cuenta | None:
    """A count next to a word of the same root as `raiz` (the unit of the meta):
    '40 capacitaciones', 'capacitados en 2 eventos' for the unit 'Capacitaciones'; an abbreviated unit ('km', 'ha')
    only as it is written."""
    palabras_unidad = normalizar(raiz).split()
    primera = palabras_unidad[0] if palabras_unidad else ""
    raiz = primera[:6]  # 'niños y niñas' counts 'niños'
    if not primera or (len(raiz) < 5 and not _ABREVIATURA.fullmatch(primera)):
        return None
    # '1.250 personas' is one number, not 1 and 250; '5,6 km' is one number too, not a count of 6
    palabras = [(m.group(0), m.start()) for m in re.finditer(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d,])|\d+,\d+|[\wÁÉÍÓÚÑáéíóúñ]+", texto)]
    for i, (palabra, _) in enumerate(palabras):
        normal = normalizar(palabra)
        if not (normal == primera if len(raiz) < 5 else normal.startswith(raiz)):  # 'km', 'ha': the unit itself
            continue
        if i > 0 and re.fullmatch(_ENTERO, palabras[i - 1][0]):
            return Cuenta(palabras[i - 1][0], palabra, palabras[i - 1][1])
        for j in range(i + 1, min(i + 4, len(palabras) - 1)):
            if re.fullmatch(r"\d+", palabras[j][0]) and not re.fullmatch(r"(?:19|20)\d\d", palabras[j][0]):
                return Cuenta(palabras[j][0], palabras[j + 1][0], palabras[j][1])
    return None


# --- population groups -------------------------------------------------------------------

_GRUPO = re.compile(
    r"(?:^|,|\by\b)\s*(?P<n>\d[\d.]*)\s+(?:(?:corresponden|corresponde|pertenecen|perteneciente|pertenecientes|manifiestan\s+ser|son|de)\s+(?:a\s+)?)?"
    r"(?P<grupo>[a-záéíóúñ][^,;.]*?)(?=\s*(?:,|;|\.|\by\s+\d|$))",
    re.IGNORECASE,
)


_FIN_DE_CLAUSULA_GRUPOS = re.compile(r"[.;](?=\s|$)|\n")
_DE_LOS_ANTERIORES = re.compile(r"(?:ellos|ellas|estos|estas|[ée]stos|[ée]stas|los\s+cuales|las\s+cuales)\b", re.IGNORECASE)
# the answer says its groups overlap ('una misma unidad puede estar en más de un grupo', 'los grupos no son excluyentes'):
# their counts are not parts of the total (normalized text)
_SE_TRASLAPAN = re.compile(
    r"\b(?:puede|pueden|podria|podrian)\s+(?:estar|pertenecer|figurar|aparecer|contarse|ser\s+contad[oa]s?)\s+(?:en|a)\s+"
    r"(?:mas\s+de\s+un|varios|otros?|dos\s+o\s+mas)\s+grupos?\b"
    r"|\bno\s+son\s+(?:mutuamente\s+)?excluyentes\b|\bse\s+(?:traslapan|superponen|solapan|cruzan)\b"
)


def grupos(texto: str, despues_de: int) -> list[tuple[str, str]]:
    """A breakdown of the beneficiaries by group, when the answer lists one after the total:
    '1649 ciudadanos ..., 108 corresponden a mujeres jefes de hogar, 56 manifiestan ser
    población víctima, 114 migrantes, ...', or after a colon: '50 personas con discapacidad: 21 ...,
    17 ... y 12 ...' (the first group follows the colon).  At least two groups, or none; none when the answer says
    its groups overlap."""
    if _SE_TRASLAPAN.search(normalizar(texto)):
        return []  # groups the answer says overlap are no breakdown of the total
    resto = texto[despues_de:]
    coma, dos_puntos = resto.find(","), resto.find(":")
    if dos_puntos >= 0 and (coma < 0 or dos_puntos < coma):
        # the text right after the colon is the first group, and the sentence is the breakdown: the groups
        # of a next sentence ("De ellos, 23 son víctimas …") overlap these and are not added to them
        resto = resto[dos_puntos + 1 :]
        fin = _FIN_DE_CLAUSULA_GRUPOS.search(resto)
        resto = resto[: fin.start()] if fin else resto
    elif coma >= 0:
        resto = resto[coma:]
    else:
        return []
    encontrados = []
    for m in _GRUPO.finditer(resto):
        grupo = m.group("grupo").strip()
        if _DE_LOS_ANTERIORES.match(grupo):
            break  # '14 mujeres y 16 hombres, 4 de ellos con discapacidad': a part of those before, no group of its own
        encontrados.append((grupo, m.group("n")))
    encontrados = [(g, n) for g, n in encontrados if g and not _NO_UNIDAD.match(g)]
    return encontrados if len(encontrados) >= 2 else []


# --- percentages ------------------------------------------------------------------------

def porcentajes_narrativos(texto: str) -> dict[str, Trozo]:
    """The progress percentages of a narrative 'what was done' paragraph, by the phrase attached to
    each (`auditor.lectura.porcentajes`): the cumplimiento of the period ('se cumplió en un 100 % lo
    programado para la vigencia', 'en el periodo un avance del 50%') and the avance of the four years
    ('lo que equivale a un 30 por ciento de la meta del cuatrienio'); shares of a population or of the
    funding are not progress."""
    campos = {Referente.PERIODO: "cumplimiento_periodo", Referente.CUATRIENIO: "avance_cuatrienio"}
    return {campos[r]: Trozo(p.texto, p.inicio) for r, p in de_progreso(texto).items()}


# 'Para la vigencia 2025 no se programó avance físico de esta meta': nothing programmed for the period, said in words
# (`vocabulario.porcentajes().sin_programar`); not money ('no se programaron recursos' is a zero of the investment) and
# not a relative clause about something else ('3 talleres adicionales que no se programaron')
_SIN_PROGRAMAR = expresion(lambda: (
    rf"(?<!\bque )\b(?:{'|'.join(porcentajes_vocabulario().sin_programar)})\b"
    r"(?!(?: [\w/]+){0,3} (?:recursos|presupuest\w*|inversion\w*|dinero|pesos|montos?)\b)"
))
_FIN_DE_FRASE = re.compile(r"[.;](?=\s|$)|\n")


def sin_programar(texto: str) -> Trozo | None:
    """Where a paragraph says nothing was programmed for the period, from those words to the end of their clause, as
    written ('no se programó avance físico de esta meta'): the period's cumplimiento is not applicable, not missing.
    None when that clause states a percentage."""
    normal, indices = normalizar_con_indices(texto)
    m = _SIN_PROGRAMAR.search(normal)
    if m is None:
        return None
    inicio = indices[m.start()]
    fin_de_frase = _FIN_DE_FRASE.search(texto, indices[m.end() - 1] + 1)
    fin = fin_de_frase.start() if fin_de_frase else len(texto)
    frase = texto[inicio:fin].rstrip(" ,")
    if "%" in frase or "por ciento" in frase.lower() or len(frase) > 160:
        return None
    return Trozo(frase, inicio)


# --- municipalities ---------------------------------------------------------------------


def municipios(texto: str, departamento: str | None = None) -> list[str]:
    """Municipality names a LOCALIZACIÓN answer gives, as written, in order, without repeats: those the
    text presents as municipalities ('municipio de X', 'municipios de A, B y C', a list of names most of
    which are municipalities, the municipality of a vereda or a corregimiento: 'Ocaña (vereda El Rodeo)',
    'vereda La Laguna (Mutiscua)', 'Corregimiento de Versalles, municipio de Tibú').  Corregimientos,
    veredas, barrios and the like are not municipalities and are left out (see `lugares.leer_lugares`).
    With the report's `departamento`, a municipality only guessed from the end of a longer name
    ('corregimiento San Antonio de Prado') that is not of that department is taken for part of the name."""
    d = divipola()
    vistos: dict[str, str] = {}
    anterior = None
    texto = _lista_en_parrafos(texto)
    for lugar in d.lugares(texto):
        if not lugar.como_municipio:
            continue
        if lugar.supuesto and departamento and not any(clave(m.departamento) == clave(departamento) for m in d.buscar(lugar.nombre)):
            continue
        if anterior is not None and _CALIFICA.fullmatch(texto, anterior.fin, lugar.inicio) and _es_su_departamento(d, anterior, lugar):
            continue  # "Tabio, Cundinamarca", "Granada (Meta)": the department of the name before
        nombre = _municipio_al_final(d, lugar.nombre, departamento) or lugar.nombre
        vistos.setdefault(normalizar(nombre), nombre)
        anterior = lugar
    return list(vistos.values())


_AL_FINAL = re.compile(r"^(?P<que>(?:\S+\s+){0,2}\S+)\s+(?:de|del|en)\s+(?P<donde>[^\W\d].*)$")


def _municipio_al_final(d: Divipola, nombre: str, departamento: str | None) -> str | None:
    """The municipality a list item names after what it intervened there ('Fincas de Filandia', 'Parques de Armenia':
    the farms and parks of those municipalities), when the whole is no municipality and the end is one of the report's
    department; None otherwise ('Santa Rosa de Cabal' is a municipality's own name)."""
    if d.buscar(nombre) or departamento is None:
        return None
    m = _AL_FINAL.match(nombre)
    if m is None or d.buscar(m.group("que")):
        return None
    donde = m.group("donde")
    return donde if any(clave(x.departamento) == clave(departamento) for x in d.buscar(donde)) else None


_NUMERO_DE_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*·▪])\s+")
_NOMBRE_SOLO = re.compile(r"^[^\W\d][^.,;:!?()\d]{0,58}$")


def _lista_en_parrafos(texto: str) -> str:
    """A list of names one a paragraph ('1. Tibú', '2. El Tarra', …, as an export writes a numbered list) read as
    the list it is: 'Tibú, El Tarra, …'.  Any paragraph that is not a bare name keeps the text as it is."""
    parrafos = [p.strip() for p in texto.split("\n\n") if p.strip()]
    if len(parrafos) < 3:
        return texto
    nombres = [_NUMERO_DE_ITEM.sub("", p).strip() for p in parrafos]
    if not all(_NOMBRE_SOLO.match(n) for n in nombres):
        return texto
    return ", ".join(nombres[:-1]) + " y " + nombres[-1]


def _es_su_departamento(d: Divipola, anterior: Lugar, lugar: Lugar) -> bool:
    """Whether a name after a comma or in parentheses is the department of the municipality before it ('Tabio,
    Cundinamarca'), not the next item of a list that shares its name with a department ('Jericó, Caldas, Buenavista':
    Caldas is a municipality of Boyacá, and Jericó is not in the department of Caldas)."""
    departamento = d.departamento(lugar.nombre)
    if departamento is None:
        return False
    del_anterior = d.leer(anterior.nombre, None).municipios or tuple(d.buscar(anterior.nombre))
    return not del_anterior or any(m.departamento == departamento for m in del_anterior)


_CALIFICA = re.compile(r"\s*[,(]\s*(?:(?:el\s+)?departamento\s+del?\s+)?", re.IGNORECASE)
