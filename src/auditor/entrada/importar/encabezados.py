"""What a meta heading says besides its number and name: the four-year target written in
parentheses at its end ('… entregados (Meta cuatrienio: 1.200 subsidios)', '(meta del cuatrienio:
40 km)'), which offices of every layout write; and the labels that open a paragraph of the
narrative layout ('Aliados: …'), as the profile lists them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.entrada.importar.perfiles import Perfil
from auditor.lectura import respuestas as lectura
from auditor.lectura.fuente import Ruta

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
