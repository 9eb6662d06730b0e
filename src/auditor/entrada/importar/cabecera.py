"""The cover of a report: entity, department, secretaría, title, period, cut-off date, plan.

Read from the first paragraphs, the way a reader finds them on the cover page.  What the
cover does not say is assumed only where the template leaves no doubt (the cut-off of a
report that names only its year is the end of that year; territorial development plans
run on the national four-year cycle 2024-2027), and every assumption is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.entrada.importar.anuncio import leer_metas_anunciadas
from auditor.entrada.importar.borrador import Borrador
from auditor.entrada.importar.segmentos import Segmento
from auditor.entrada.problemas import ENTRADA_SIN_UBICAR, ENTRADA_SUPUESTO
from auditor.idioma import tr
from auditor.lectura.fechas import MESES, leer_fechas
from auditor.lectura.lugares import divipola
from auditor.lectura.patrones import normalizar
from auditor.lectura.vocabulario import citas, expresion

_PARTICULAS = {"de", "del", "la", "las", "los", "el", "y", "e", "en", "para", "por", "a", "al", "o", "u"}
# A place's name, up to the next cover line a single newline ran in ('Alcaldía de Tunja Secretaría de Educación')
# or the sentence after it ('… En coordinación con …')
_NOMBRE = (r"[A-ZÁÉÍÓÚÑ][\wáéíóúñÁÉÍÓÚÑ]*(?:\s+(?:(?:de|del|la|las|los|el|y)\s+)*"
           r"(?!(?:Secretar|Informe|INFORME|Rendici|RENDICI|Plan|PLAN|Vigencia|VIGENCIA|Periodo|Período|PERIODO|Fecha|FECHA|En|EN|Con|CON)"
           r"(?:\b|[a-záéíóúñ]))[A-ZÁÉÍÓÚÑ][\wáéíóúñÁÉÍÓÚÑ]*)*")
# 'Alcaldía de Chía', 'Alcaldía Municipal de Chía', 'Alcaldía Mayor de Bogotá', 'Gobernación del Tolima'
_ENTIDAD = re.compile(rf"\b(?P<tipo>Gobernaci[oó]n|Alcald[ií]a)(?:\s+(?:[Mm]unicipal|[Dd]istrital|[Mm]ayor))?\s+(?P<prep>de|del)\s+(?P<lugar>{_NOMBRE})")
_MAYUSCULA = r"[A-ZÁÉÍÓÚÑ]+"
_ENTIDAD_MAYUSCULAS = re.compile(  # 'GOBERNACIÓN DE NORTE DE SANTANDER', up to the next cover line run in
    rf"\b(?P<tipo>GOBERNACI[OÓ]N|ALCALD[IÍ]A)(?:\s+(?:MUNICIPAL|DISTRITAL|MAYOR))?\s+(?P<prep>DE|DEL)\s+(?P<lugar>{_MAYUSCULA}(?:\s+(?!SECRETAR|INFORME|RENDICI|PLAN\b|VIGENCIA)"
    rf"{_MAYUSCULA})*)\b")
_DEPARTAMENTO = re.compile(r"^\s*DEPARTAMENTO\s+(?:DE\s+|DEL\s+)?(?P<lugar>[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ\s]+?)\s*$")
_SECRETARIA = re.compile(r"^\s*(?P<nombre>secretar[ií]a\s+(?:(?:departamental|municipal|distrital)\s+)?(?:de|del|general)\b.*)$",
                         re.IGNORECASE)
# The secretaría run in after the entity on one cover paragraph ('GOBERNACIÓN DE X SECRETARÍA DE SALUD'),
# up to the next cover line run in (the report's title, the plan, the period, the date).
_SECRETARIA_EN_LINEA = re.compile(
    r"\b(?P<nombre>secretar[ií]a\s+(?:(?:departamental|municipal|distrital)\s+)?(?:de|del|general)\b.*?)\s*"
    r"(?=$|\b(?:informe|rendici[oó]n|plan\s+de\s+desarrollo|vigencia|periodo|per[ií]odo|fecha|corte|gobernaci[oó]n|alcald[ií]a)\b|(?:19|20)\d\d)",
    re.IGNORECASE)
_FECHA = re.compile(rf"^\s*(?:fecha\s+de\s+corte:?\s*)?(?P<mes>{'|'.join(MESES)})\s+(?:de\s+|del\s+)?(?P<anio>(?:19|20)\d\d)\s*$",
                    re.IGNORECASE)
_CORTE = re.compile(r"\bcorte\b(?:\s+(?:a|al|de|del))?\s*[:\-–]?\s*", re.IGNORECASE)
# The plan's line, also where a hard-wrapped cover ran it into the period's line ('Periodo 2024-2025 Plan de
# Desarrollo Departamental 2024-2027 "Norte, Territorio de Paz"'): from 'Plan de Desarrollo' up to the next
# cover line run in (the cut-off date, the place and date of the report).
_PLAN = re.compile(r"\bplan\s+(?:(?:departamental|municipal|distrital)\s+)?de\s+desarrollo\b.*?(?=$|\b(?:fecha|corte|informe|rendici[oó]n|vigencia|periodo|per[ií]odo)\b)",
                   re.IGNORECASE)
_ANIOS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# the number of a norm or a document cited ('Ley 2068 de 2020', 'Resolución No. 3280'): `vocabulario.citas`; not a year
_NUMERO_CITADO = expresion(lambda: rf"\b(?:{'|'.join([*citas().normas, *citas().documentos])})s?\s+(?:no\.?\s*|n[°º]\s*)?\d[\d.-]*")


def _anios(texto: str) -> list[int]:
    """The years a text mentions, but the numbers of the norms and documents it cites."""
    return [int(a) for a in _ANIOS.findall(_NUMERO_CITADO.sub(" ", normalizar(texto)))]
_RANGO = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:-|–|y|al|a)\s*((?:19|20)\d\d)(?!\d)")


def titulo_espanol(texto: str) -> str:
    """'SECRETARÍA DE FRONTERAS Y COOPERACIÓN INTERNACIONAL' -> 'Secretaría de Fronteras y
    Cooperación Internacional'; text already in mixed case is kept as written."""
    texto = " ".join(texto.split())
    if not texto.isupper():
        return texto
    palabras = texto.lower().split()
    return " ".join(p if i and p in _PARTICULAS else p[:1].upper() + p[1:] for i, p in enumerate(palabras))


def leer_cabecera(segmentos: list[Segmento], todos: list[Segmento], borrador: Borrador,
                  documento: Iterable[Segmento] | None = None) -> None:
    """Fill the cover fields of `borrador` from the cover paragraphs (`segmentos`); `todos`
    (the whole preamble) is searched for the entity when the cover does not name it, and the
    whole `documento` for a year when the cover has none."""
    primera = segmentos[0].linea if segmentos else (todos[0].linea if todos else 1)
    _entidad(segmentos, todos, borrador, primera)
    _secretaria(segmentos, borrador, primera)
    titulo = _titulo(segmentos, borrador)
    desde, hasta = _periodo(titulo, segmentos, borrador, primera, () if documento is None else documento)
    _fecha_corte(segmentos, borrador, hasta, primera)
    _plan(segmentos, borrador, desde, primera)
    leer_metas_anunciadas(todos, borrador)


# 'DISTRITO ESPECIAL DE CIENCIA, TECNOLOGÍA E INNOVACIÓN DE MEDELLÍN', 'Distrito Turístico y Cultural de Cartagena de
# Indias': the district is its mayor's office; the place is the municipality the line ends with
_DISTRITO = re.compile(r"^\s*distrito\b.*\bde\s+(?P<lugar>[^\W\d][\w\s]{1,60}?)\s*$", re.IGNORECASE)


def _distrito(s: Segmento) -> str | None:
    m = _DISTRITO.match(s.texto)
    if m is None:
        return None
    for k in range(len(m.group("lugar").split())):  # the shortest tail that is a municipality ('… de Cartagena de Indias')
        lugar = " ".join(m.group("lugar").split()[k:])
        if divipola().leer(lugar, None).municipios:
            return titulo_espanol(lugar)
    return None


def _entidad(segmentos: list[Segmento], todos: list[Segmento], borrador: Borrador, primera: int) -> None:
    for s in segmentos:
        lugar_distrito = _distrito(s)
        if lugar_distrito is not None and not any(_ENTIDAD.search(t.texto) or _ENTIDAD_MAYUSCULAS.search(t.texto) for t in segmentos):
            borrador.poner(("entidad",), f"Alcaldía de {lugar_distrito}", s.linea)
            break
    for grupo in (segmentos, todos):
        if "entidad" in borrador.datos:
            break
        for s in grupo:
            m = _ENTIDAD.search(s.texto) or _ENTIDAD_MAYUSCULAS.search(s.texto)
            if m:
                tipo = "Gobernación" if normalizar(m.group("tipo")).startswith("gob") else "Alcaldía"
                lugar = titulo_espanol(m.group("lugar"))
                borrador.poner(("entidad",), f"{tipo} {m.group('prep').lower()} {lugar}", s.linea)
                if tipo == "Gobernación":
                    borrador.poner(("departamento",), lugar, s.linea)
                    return
                break
        else:
            continue
        break
    for s in segmentos:
        m = _DEPARTAMENTO.match(s.texto)
        if m:
            lugar = titulo_espanol(m.group("lugar"))
            borrador.poner(("departamento",), lugar, s.linea)
            if "entidad" not in borrador.datos:
                borrador.poner(("entidad",), f"Gobernación de {lugar}", s.linea)
            return
    for s in segmentos:
        departamento = _departamento_escrito(s.texto)
        if departamento is not None:
            borrador.poner(("departamento",), departamento, s.linea)
            break
    _departamento_de_la_alcaldia(todos, borrador)
    for clave, que in (("entidad", tr("la entidad ('Gobernación de …' o 'Alcaldía de …')")), ("departamento", tr("el departamento"))):
        if clave not in borrador.datos:
            borrador.poner((clave,), "(no indicado)", primera)
            borrador.problema(ENTRADA_SIN_UBICAR, primera, tr("la portada no dice {que}; escríbalo en la portada del informe", que=que),
                              campo=clave)


# 'Departamento de Nariño', 'Municipio de Ibagué, Tolima', 'Alcaldía de Pamplona, Norte de Santander', 'Ibagué - Tolima':
# a cover line that names the department
_LINEA_DEPARTAMENTO = re.compile(r"(?i)^\s*departamento\s+(?:del?\s+)?(?P<departamento>[^\W\d_][^,;:()\d]{2,40}?)\s*\.?\s*$")
_MUNICIPIO_Y_DEPARTAMENTO = re.compile(
    r"(?i)^\s*(?:municipio\s+de\s+|distrito\s+de\s+|alcald[ií]a\s+(?:municipal\s+|distrital\s+)?de\s+)?(?P<municipio>[^\W\d_][^,;:()\d]{1,40}?)\s*(?:,|\s[-–]\s)\s*(?P<departamento>[^\W\d_][^,;:()\d]{2,40}?)\s*\.?\s*$")


def _departamento_escrito(texto: str) -> str | None:
    """The department a cover line names, checked against DIVIPOLA: 'Departamento de Nariño'; 'Municipio de Ibagué,
    Tolima' where Ibagué is a municipality of Tolima (a date line 'Ibagué, octubre de 2025' names none)."""
    d = divipola()
    m = _LINEA_DEPARTAMENTO.match(texto)
    if m:
        return d.departamento(m.group("departamento"))
    m = _MUNICIPIO_Y_DEPARTAMENTO.match(texto)
    if m:
        departamento = d.departamento(m.group("departamento"))
        if departamento is not None and any(x.departamento == departamento for x in d.buscar(m.group("municipio"))):
            return departamento
    return None


def _departamento_de_la_alcaldia(todos: list[Segmento], borrador: Borrador) -> None:
    """A municipality's report ('ALCALDÍA DE SAN JUAN DE PASTO') whose cover names no department: the
    department is the municipality's in DIVIPOLA when only one municipality has that name, or, for a name
    several share ('San Pedro'), the one of them the preamble names ('la Gobernación del Valle del Cauca').
    Said as an assumption, with the DANE code; nothing is assumed when the name is not a municipality."""
    entidad = borrador.datos.get("entidad")
    if "departamento" in borrador.datos or not isinstance(entidad, str) or not entidad.startswith("Alcaldía"):
        return
    municipio = entidad.split(" ", 2)[2] if entidad.count(" ") >= 2 else ""
    candidatos = divipola().leer(municipio, None).municipios
    if len(candidatos) > 1:
        preambulo = normalizar(" ".join(s.texto for s in todos))
        candidatos = tuple(m for m in candidatos if re.search(rf"\b{re.escape(normalizar(m.departamento))}\b", preambulo))
    if len(candidatos) != 1:
        return
    m = candidatos[0]
    linea = borrador.mapa.lineas.get(("entidad",), 1)
    borrador.poner(("departamento",), m.departamento, linea)
    borrador.problema(ENTRADA_SUPUESTO, linea,
                      tr("la portada no dice el departamento; se toma {departamento}, el de {municipio} (DANE {codigo})",
                         departamento=m.departamento, municipio=m.nombre, codigo=m.codigo),
                      campo="departamento")


def _secretaria(segmentos: list[Segmento], borrador: Borrador, primera: int) -> None:
    for s in segmentos:
        m = _SECRETARIA.match(s.texto)
        if m and len(s.texto) <= 150:
            borrador.poner(("secretaria",), titulo_espanol(m.group("nombre")), s.linea)
            return
    for s in segmentos:
        nombre = _secretaria_en_linea(s.texto)
        if nombre:
            borrador.poner(("secretaria",), nombre, s.linea)
            return
    borrador.poner(("secretaria",), "(no indicada)", primera)
    borrador.problema(ENTRADA_SIN_UBICAR, primera, "la portada no dice qué secretaría informa (se esperaba una línea 'Secretaría de …')",
                      campo="secretaria")


_SEPARADOR_DE_TITULO = re.compile(r"\s[-–—|]\s*$")  # the dash or bar between the parts of a title line


def _secretaria_en_linea(texto: str) -> str | None:
    """The secretaría named inside a cover paragraph that runs the cover's lines together, after
    the entity or other lines in capitals ('GOBERNACIÓN DE X SECRETARÍA DE SALUD DEPARTAMENTAL'), or after the dash
    that ends a title's other part ('Informe de gestión 2025 – Secretaría de Salud'); not one named inside a sentence
    ('La Secretaría de Salud presenta …')."""
    if len(texto) > 200:
        return None
    m = _SECRETARIA_EN_LINEA.search(texto)
    if not m:
        return None
    antes = texto[:m.start()].strip()
    separada = bool(_SEPARADOR_DE_TITULO.search(texto[:m.start()]))  # 'Informe de gestión 2025 – Secretaría de Salud'
    if antes and not (antes.isupper() or _ENTIDAD.fullmatch(antes) or separada):
        return None
    nombre = m.group("nombre").strip(" -–—,")
    if texto.isupper() != nombre.isupper() or len(nombre.split()) < 3:
        return None
    return titulo_espanol(nombre)


def _titulo(segmentos: list[Segmento], borrador: Borrador) -> str:
    for i, s in enumerate(segmentos):
        if "rendicion de cuentas" in normalizar(s.texto):
            partes = [s.texto]
            for siguiente in segmentos[i + 1:i + 4]:
                t = siguiente.texto
                if len(t) > 40 or _SECRETARIA.match(t) or _ENTIDAD.search(t) or _PLAN.match(t) or _FECHA.match(t):
                    break
                partes.append(t)
            titulo = " ".join(partes)
            borrador.poner(("titulo",), titulo, s.linea)
            return titulo
    return ""


# 'Periodo 2024 y 2025', 'Vigencia 2025', 'Vigencia: 2025'
_PERIODO = re.compile(r"(?i)\b(?:periodo|período|vigencia)\s*:?\s+((?:19|20)\d\d)(?:\s*(?:-|–|y|al|a)\s*((?:19|20)\d\d))?")
_ROTULO_SOLO = re.compile(r"(?i)\s*(?:periodo|período|vigencia)\s*:?\s*")


def _con_valor_debajo(s: Segmento, segmentos: list[Segmento]) -> str:
    """A cover table's label cell ('Vigencia') with its value: in the next cell of its row ('Vigencia | 2025') or
    else in the cell below it; any other paragraph as it is."""
    if s.fila is None or s.celda is None or not _ROTULO_SOLO.fullmatch(s.texto):
        return s.texto
    valor = next((o for o in segmentos if o.fila == s.fila and o.celda == s.celda + 1), None) or next(
        (o for o in segmentos if o.fila is not None and o.fila > s.fila and o.celda == s.celda), None)
    return f"{s.texto} {valor.texto}" if valor is not None else s.texto


def _periodo(titulo: str, segmentos: list[Segmento], borrador: Borrador, primera: int,
             documento: Iterable[Segmento]) -> tuple[int, int]:
    linea = borrador.mapa.lineas.get(("titulo",), primera)
    candidatos = [titulo] + [_con_valor_debajo(s, segmentos) for s in segmentos if not _PLAN.match(s.texto) and not _FECHA.match(s.texto)]
    for texto in candidatos:
        m = _PERIODO.search(texto) or _RANGO.search(texto)
        if m:
            desde = int(m.group(1))
            hasta = int(m.group(2)) if m.group(2) else desde
            break
        anios = _anios(texto) if texto else []
        if anios and texto is titulo:
            desde = hasta = anios[-1]
            break
    else:
        anios = [a for s in segmentos for a in _anios(s.texto)]
        de_donde = tr("el año de la portada")
        if not anios:
            anios = [a for s in documento for a in _anios(s.texto)]
            de_donde = tr("el año más reciente que menciona el documento")
        if not anios:
            desde = hasta = 0
            borrador.problema(ENTRADA_SIN_UBICAR, primera, tr("la portada no dice el periodo del informe (se esperaba 'Periodo 2024 y 2025' o el año en el título)"),
                              campo="periodo")
        else:
            corte = corte_escrito(segmentos)  # the period ends in the year of the cut-off the cover states, if any
            if corte is not None:
                anios, de_donde = [int(corte[0][:4])], tr("el año de la fecha de corte")
            desde = hasta = max(anios)
            borrador.problema(ENTRADA_SUPUESTO, primera, tr("la portada no dice el periodo; se toma {de_donde}, {desde}", de_donde=de_donde, desde=desde),
                              campo="periodo")
    borrador.poner(("periodo", "desde"), desde, linea)
    borrador.poner(("periodo", "hasta"), hasta, linea)
    return desde, hasta


def _fecha_corte(segmentos: list[Segmento], borrador: Borrador, hasta: int, primera: int) -> None:
    escrita = corte_escrito(segmentos)
    if escrita is not None:
        borrador.poner(("fecha_corte",), escrita[0], escrita[1])
        return
    for s in segmentos:
        m = _FECHA.match(s.texto)
        if m:
            borrador.poner(("fecha_corte",), f"{m.group('anio')}-{MESES[normalizar(m.group('mes'))]:02d}", s.linea)
            return
    if hasta:
        borrador.poner(("fecha_corte",), f"{hasta}-12", primera)
        borrador.problema(ENTRADA_SUPUESTO, primera,
                          tr("la portada no dice la fecha de corte; se toma diciembre de {anio}, el fin del periodo", anio=hasta),
                          campo="fecha_corte")


def corte_escrito(segmentos: list[Segmento]) -> tuple[str, int] | None:
    """The cut-off date the cover states, as AAAA-MM-DD or AAAA-MM, and its line: 'Fecha de corte:
    30 de septiembre de 2025', 'Con corte a 30 de junio de 2025', 'con corte al 31 de diciembre de
    2024', 'Corte: 30/09/2025', or the label on one line and the date on the next.  A bare year is
    not a cut-off."""
    for i, s in enumerate(segmentos):
        for m in _CORTE.finditer(s.texto):
            resto = s.texto[m.end():]
            candidatos = [(resto, s.linea)]
            if not resto.strip() and i + 1 < len(segmentos):
                candidatos.append((segmentos[i + 1].texto, segmentos[i + 1].linea))
            for texto, linea in candidatos:
                for fecha in leer_fechas(texto):
                    if fecha.inicio > 3 or fecha.sin_anio or fecha.hasta is None:
                        break
                    if fecha.precision == "dia":
                        return fecha.hasta.isoformat(), linea
                    if fecha.precision == "mes":
                        return fecha.hasta.strftime("%Y-%m"), linea
                    break
    return None


def _plan(segmentos: list[Segmento], borrador: Borrador, desde: int, primera: int) -> None:
    for s in segmentos:
        for plan in _PLAN.finditer(s.texto):
            m = _RANGO.search(plan.group())
            if m:
                borrador.poner(("plan", "nombre"), plan.group().strip(), s.linea)
                borrador.poner(("plan", "desde"), int(m.group(1)), s.linea)
                borrador.poner(("plan", "hasta"), int(m.group(2)), s.linea)
                return
    if desde:
        inicio = 2024 + 4 * ((desde - 2024) // 4)
        borrador.poner(("plan", "nombre"), f"Plan de Desarrollo {inicio}-{inicio + 3}", primera)
        borrador.poner(("plan", "desde"), inicio, primera)
        borrador.poner(("plan", "hasta"), inicio + 3, primera)
        borrador.problema(ENTRADA_SUPUESTO, primera,
                          tr("la portada no nombra el Plan de Desarrollo; se toma el cuatrienio {desde}-{hasta}, que contiene el periodo",
                             desde=inicio, hasta=inicio + 3),
                          campo="plan")
