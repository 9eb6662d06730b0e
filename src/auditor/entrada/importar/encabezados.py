"""What a meta heading says besides its number and name: the four-year target written in
parentheses at its end ('… entregados (Meta cuatrienio: 1.200 subsidios)', '(meta del cuatrienio:
40 km)'), which offices of every layout write; and the labels that open a paragraph of the
narrative layout ('Aliados: …'), as the profile lists them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.entrada.importar.borrador import Borrador
from auditor.entrada.importar.perfiles import Perfil
from auditor.lectura import respuestas as lectura
from auditor.lectura.cifras import leer_numero, sin_valor
from auditor.lectura.fuente import Ruta
from auditor.lectura.porcentajes import porcentajes

# '(Meta cuatrienio: 48 km)', '(meta del cuatrienio 400 viviendas)', '(Meta 2024-2027: 12 puentes)' at the end of the heading
_META_AL_FINAL = re.compile(
    r"\s*[(\[]\s*meta\s+(?:(?:del\s+)?cuatrienio|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)\s*[:=]?\s*(?P<valor>[^()\[\]]*?)\s*[)\]]\s*[.:]?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MetaDelTitulo:
    """The target a heading states: the name without it, the target as written, and its count when one is read."""

    nombre: str
    texto: str
    cantidad: str | None
    unidad: str | None
    fin: int = 0  # in a paragraph, where the target's sentence ends (what follows is another answer)


def meta_del_titulo(nombre: str) -> MetaDelTitulo | None:
    """The four-year target in parentheses at the end of a meta's name, or None.  The count
    ('48.000 niños y niñas': 48.000, niños) is read only when the target opens with it."""
    m = _META_AL_FINAL.search(nombre)
    if m is None or not m.group("valor").strip():
        return None
    valor = m.group("valor").strip()
    cuenta = lectura.primera_cuenta(valor, "logro", al_inicio=True)
    return MetaDelTitulo(nombre[:m.start()].rstrip(" –—-:"), valor,
                         cuenta.cantidad if cuenta else None, cuenta.unidad if cuenta else None)


# The target stated in a paragraph of its own after the heading, often with the indicator: 'Indicador de producto:
# Número de productores atendidos. Meta cuatrienio: 2.400 productores.', 'Meta del cuatrienio: 1.000 huertas'
_META_EN_PARRAFO = re.compile(
    r"(?:^|[.;]\s+|^\s*indicador[^:]{0,40}:.*?)\bmeta\s+(?:(?:del\s+)?cuatrienio|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d)\s*[:=]\s*"
    r"(?P<valor>[^.;|\n]*(?:\.\d[^.;|\n]*)*)",
    re.IGNORECASE | re.DOTALL,
)
_INDICADOR = re.compile(r"^\s*indicador(?:\s+de\s+(?:producto|resultado|gesti[oó]n))?\s*:", re.IGNORECASE)


def meta_en_parrafo(texto: str) -> MetaDelTitulo | None:
    """The four-year target a paragraph after the heading states ('Indicador de producto: … Meta cuatrienio: 2.400
    productores.'), with its count when the target opens with one; None when the paragraph is not that one (it
    must open with 'Indicador …:' or with 'Meta cuatrienio:')."""
    m = _META_EN_PARRAFO.search(texto)
    if m is None or not m.group("valor").strip() or not (_INDICADOR.match(texto) or m.start() == 0):
        return None
    valor = m.group("valor").strip()
    cuenta = lectura.primera_cuenta(valor, "logro", al_inicio=True)
    fin = m.end("valor") + (1 if texto[m.end("valor"):m.end("valor") + 1] in (".", ";") else 0)
    if cuenta is None and (porcentaje := _META_PORCENTAJE.match(valor)) is not None:
        return MetaDelTitulo("", valor, porcentaje.group("n"), "%", fin)  # 'Meta cuatrienio: 95 % (mantenimiento)'
    if cuenta is None and leer_numero(valor.rstrip(".;")) is not None:  # 'Meta cuatrienio: 4.000': the unit is in the meta's name
        return MetaDelTitulo("", valor, valor.rstrip(".;"), None, fin)
    return MetaDelTitulo("", valor, cuenta.cantidad if cuenta else None, cuenta.unidad if cuenta else None, fin)




def poner_dato(b: Borrador, base: Ruta, campo: str, valor: str, linea: int) -> bool:
    """A 'Rótulo: valor' of the profile's data ('Programado 2025: 175.000 estudiantes', '% de cumplimiento de la
    vigencia: 98 %', 'Meta cuatrienio: 1.200 ha') written into its field; False when nothing could be read from
    the value (the line then stays in the answer's text).  'logro.cantidad' is the caller's: the line it comes
    from goes on in what was done."""
    if campo == "indicador":
        return True
    if campo in ("cumplimiento_periodo", "avance_cuatrienio"):
        if sin_valor(valor):  # 'Cumplimiento vigencia ...... N/A': none to give, as written
            b.poner(base + (campo,), valor.strip(), linea)
            return True
        leidos = porcentajes(valor)  # '100 % del año 2025 en una meta de mantenimiento': the first one
        if not leidos:
            return False
        b.poner(base + (campo,), leidos[0].texto, linea)
        return True
    cuenta = lectura.primera_cuenta(valor, "logro") if valor else None
    solo = valor.strip().rstrip(".") if cuenta is None and leer_numero(valor.strip().rstrip(".")) is not None else None
    cantidad = cuenta.cantidad if cuenta is not None else solo  # 'Programado 2025: 600', the unit in the meta's name
    if campo == "programado_periodo":
        if cantidad is None and sin_valor(valor):  # 'Programado 2025: No programado (NP)': nothing programmed, as written
            b.poner(base + ("programado_periodo",), valor.strip(), linea)
            return True
        if cantidad is None:
            return False
        b.poner(base + ("programado_periodo",), cantidad, linea)
        return True
    b.poner(base + ("meta_cuatrienio", "texto"), valor, linea)
    if cantidad is not None:
        b.poner(base + ("meta_cuatrienio", "cantidad"), cantidad, linea)
        if cuenta is not None:
            b.poner(base + ("meta_cuatrienio", "unidad"), cuenta.unidad, linea)
    elif (porcentaje := _META_PORCENTAJE.match(valor)) is not None:  # 'Meta cuatrienio: 95 % (mantenimiento)': a rate to keep
        b.poner(base + ("meta_cuatrienio", "cantidad"), porcentaje.group("n"), linea)
        b.poner(base + ("meta_cuatrienio", "unidad"), "%", linea)
    return True


_META_PORCENTAJE = re.compile(r"^\s*(?:el\s+)?(?P<n>\d{1,3}(?:,\d+)?)\s*(?:%|por\s*ciento)", re.IGNORECASE)


@dataclass(frozen=True)
class Rotulado:
    """A paragraph opened by a label of the profile: the field it names and the answer after it
    ('' when the label stands alone and its answer is below)."""

    campo: Ruta
    resto: str


def rotulo(texto: str, perfil: Perfil) -> Rotulado | None:
    """The profile's label opening `texto` ('Recursos invertidos: $ 12 millones'), the longest one."""
    mejor: tuple[int, Ruta] | None = None
    for etiqueta in perfil.etiquetas:
        if etiqueta.campo is None:
            continue
        m = etiqueta.patron.match(texto)
        if m and (mejor is None or m.end() > mejor[0]):
            mejor = (m.end(), etiqueta.campo)
    if mejor is None:
        return None
    return Rotulado(mejor[1], texto[mejor[0]:].strip())
