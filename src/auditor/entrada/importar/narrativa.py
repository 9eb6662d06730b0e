"""The narrative template: 'Meta cuatrienio N: <meta>' followed by paragraphs in a fixed
order: what was done (with its percentages), the investment ('Sobre una programación
estimada de $X millones ..., se ejecutaron $Y millones con ...'), the population served,
how it was done, the impact ('El impacto ...') and where.  Upper-case headings between
metas name the eje of the metas that follow.
"""

from __future__ import annotations

import re

from auditor.entrada.fuente import Ruta
from auditor.entrada.importar.borrador import Borrador, Texto, continua
from auditor.entrada.importar.cabecera import leer_cabecera
from auditor.entrada.importar.segmentos import Segmento
from auditor.entrada.importar.tabular import completar_valores, encabezado_de_pagina
from auditor.entrada.problemas import ENTRADA_SIN_UBICAR
from auditor.idioma import tr
from auditor.lectura import porcentajes
from auditor.lectura import respuestas as lectura

META = re.compile(r"^\s*Meta\s+(?:del\s+)?cuatrienio\s+(?P<numero>\d+)\s*[:.\-–]?\s*(?P<nombre>.*)$", re.IGNORECASE | re.DOTALL)
_INVERSION = re.compile(r"programaci[oó]n\s+estimada|^\s*(?:con\s+una\s+inversi[oó]n|se\s+invirti|se\s+ejecutaron\s+\$)", re.IGNORECASE)
_IMPACTO = re.compile(r"^\W*(?:\w+\s+){0,3}impacto\b", re.IGNORECASE)
_META_CANTIDAD = re.compile(r"^\s*(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<unidad>[A-Za-zÁÉÍÓÚÑáéíóúñ]+)")
_META_UNA = re.compile(r"^\s*\w+\s+de\s+(?:un|una)\s+(?P<unidad>[a-záéíóúñ]+)", re.IGNORECASE)


def es_eje(s: Segmento) -> bool:
    """An upper-case heading naming the eje ('FRONTERA COMO OPORTUNIDAD DE DESARROLLO')."""
    t = s.texto.strip()
    return not s.en_tabla and len(t) <= 120 and t.isupper() and not t.endswith(".") and not META.match(t)


class LectorNarrativo:
    def __init__(self, segmentos: list[Segmento], borrador: Borrador) -> None:
        self.segmentos = [s for s in segmentos if not encabezado_de_pagina(s.texto)]
        self.b = borrador

    def leer(self) -> None:
        inicios = [i for i, s in enumerate(self.segmentos) if META.match(s.texto)]
        primera = inicios[0]
        preambulo = self.segmentos[:primera]
        portada = list(preambulo)
        while portada and es_eje(portada[-1]):
            portada.pop()
        leer_cabecera(portada, preambulo, self.b, self.segmentos)
        eje = preambulo[-1].texto if preambulo and es_eje(preambulo[-1]) else None
        for n, inicio in enumerate(inicios):
            fin = inicios[n + 1] if n + 1 < len(inicios) else len(self.segmentos)
            parrafos = self.segmentos[inicio:fin]
            siguiente_eje = None
            while len(parrafos) > 1 and es_eje(parrafos[-1]):
                siguiente_eje = parrafos.pop().texto
            self._meta(n, parrafos, eje)
            eje = siguiente_eje or eje

    def _meta(self, indice: int, parrafos: list[Segmento], eje: str | None) -> None:
        base: Ruta = ("metas", indice)
        titulo = parrafos[0]
        m = META.match(titulo.texto)
        assert m is not None
        numero = m.group("numero")
        self.b.poner(base + ("numero",), int(numero), titulo.linea)
        resto = parrafos[1:]
        nombre = m.group("nombre").strip()
        linea_nombre = titulo.linea
        if not nombre and resto:
            nombre, linea_nombre = resto[0].texto, resto[0].linea
            resto = resto[1:]
        self.b.poner(base + ("nombre",), nombre, linea_nombre)
        if eje:
            self.b.poner(base + ("eje",), eje, titulo.linea)
        self._meta_cuatrienio(base, nombre, linea_nombre)
        unidades = _unidades(resto)
        if not unidades:
            self.b.problema(ENTRADA_SIN_UBICAR, titulo.linea, tr("la meta {numero} no tiene ningún párrafo después de su nombre", numero=numero),
                            meta=numero)
            return
        textos: dict[Ruta, Texto] = {}
        i_inv = next((i for i, u in enumerate(unidades) if _INVERSION.search(u.texto)), None)
        if i_inv is None:
            self.b.problema(ENTRADA_SIN_UBICAR, unidades[0].linea,
                            tr("la meta {numero} no tiene el párrafo de inversión ('Sobre una programación estimada de $X millones …, "
                               "se ejecutaron $Y millones con …'); sus párrafos se toman como lo realizado", numero=numero), meta=numero)
            textos[("logro", "texto")] = _juntar(unidades)
        else:
            if i_inv:
                textos[("logro", "texto")] = _juntar(unidades[:i_inv])
            textos[("inversion", "texto")] = unidades[i_inv]
            self._despues_de_inversion(unidades[i_inv + 1:], textos, numero)
        for ruta, texto in textos.items():
            self.b.poner_texto(base + ruta, texto)
        logro = textos.get(("logro", "texto"))
        if logro is not None:
            self._logro(base, logro)
        completar_valores(self.b, base, textos, tabular=False)

    def _despues_de_inversion(self, unidades: list[Texto], textos: dict[Ruta, Texto], numero: str) -> None:
        i_imp = next((i for i, u in enumerate(unidades) if _IMPACTO.match(u.texto)), None)
        if i_imp is None:
            if unidades:
                self.b.problema(ENTRADA_SIN_UBICAR, unidades[0].linea,
                                tr("la meta {numero} no tiene el párrafo de impacto ('El impacto …'): no se sabe qué párrafo es la "
                                   "población, cuál la ejecución y cuál la localización; se toman en ese orden", numero=numero), meta=numero)
                for ruta, u in zip((("beneficiarios", "descripcion"), ("ejecucion", "como"), ("localizacion", "texto")), unidades[:3], strict=False):
                    textos[ruta] = u
                for u in unidades[3:]:
                    self._sin_ubicar(u, numero)
            return
        antes, impacto, despues = unidades[:i_imp], unidades[i_imp], unidades[i_imp + 1:]
        textos[("impacto",)] = impacto
        if len(antes) == 1:
            u = antes[0]
            corto = len(u.texto) < 200 or bool(re.match(r"\s*\d", u.texto))
            textos[("beneficiarios", "descripcion") if corto else ("ejecucion", "como")] = u
        elif len(antes) >= 2:
            textos[("beneficiarios", "descripcion")] = antes[0]
            textos[("ejecucion", "como")] = _juntar(antes[1:])
        if despues:
            textos[("localizacion", "texto")] = despues[0]
            for u in despues[1:]:
                self._sin_ubicar(u, numero)

    def _sin_ubicar(self, u: Texto, numero: str) -> None:
        self.b.problema(ENTRADA_SIN_UBICAR, u.linea,
                        tr("párrafo de la meta {numero} después de la localización, fuera del orden de la plantilla narrativa; "
                           "no se audita como parte de ningún campo", numero=numero), texto=u.texto[:160], meta=numero)

    def _meta_cuatrienio(self, base: Ruta, nombre: str, linea: int) -> None:
        self.b.poner(base + ("meta_cuatrienio", "texto"), nombre, linea)
        m = _META_CANTIDAD.match(nombre)
        if m:
            self.b.poner(base + ("meta_cuatrienio", "cantidad"), m.group("n"), linea)
            self.b.poner(base + ("meta_cuatrienio", "unidad"), m.group("unidad"), linea)
            return
        una = _META_UNA.match(nombre)
        if una:
            self.b.poner(base + ("meta_cuatrienio", "cantidad"), 1, linea)
            self.b.poner(base + ("meta_cuatrienio", "unidad"), una.group("unidad"), linea)

    def _logro(self, base: Ruta, logro: Texto) -> None:
        for campo, trozo in lectura.porcentajes_narrativos(logro.texto).items():
            self.b.poner(base + (campo,), trozo.texto, logro.linea_de(logro.texto[max(0, trozo.inicio - 30):trozo.inicio + 5]))
        unidad = self.b.datos["metas"][base[1]].get("meta_cuatrienio", {}).get("unidad")
        if unidad:
            cuenta = lectura.cuenta_junto_a(logro.texto, unidad)
            programado = porcentajes.programado_del_periodo(logro.texto)
            if programado is not None and cuenta is not None and cuenta.inicio == programado.inicio:
                cuenta = None  # "De los 10 talleres programados ... se realizaron 8": 10 is what was programmed, not achieved
            if cuenta is not None:
                linea = logro.linea_de(logro.texto[cuenta.inicio:cuenta.inicio + 20])
                self.b.poner(base + ("logro", "cantidad"), cuenta.cantidad, linea)
                self.b.poner(base + ("logro", "unidad"), cuenta.unidad, linea)


def _unidades(parrafos: list[Segmento]) -> list[Texto]:
    """Paragraphs, with a sentence cut by a page break joined back."""
    unidades: list[Texto] = []
    for s in parrafos:
        if unidades and continua(unidades[-1].texto, s.texto):
            unidades[-1].agregar(s.texto, s.linea)
        else:
            t = Texto()
            t.agregar(s.texto, s.linea)
            unidades.append(t)
    return unidades


def _juntar(unidades: list[Texto]) -> Texto:
    t = Texto()
    for u in unidades:
        for texto, linea in u.partes:
            t.agregar(texto, linea)
    return t
