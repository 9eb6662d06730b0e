"""Metas the report announces (introduction or cover: 'tiene a su cargo las metas 509 a 517') and does not report."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.idioma import tr
from auditor.modelo.informe import Informe
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad


def _lista(numeros: list[int]) -> str:
    textos = [str(n) for n in numeros]
    return textos[0] if len(textos) == 1 else tr("{lista} y {ultimo}", lista=", ".join(textos[:-1]), ultimo=textos[-1])


class MetaAnunciadaSinInformar(Regla):
    id = "EST005"
    nombre = "meta-anunciada-sin-informar"
    categoria = Categoria.STRUCTURE
    severidad = Severidad.WARNING
    mensaje = "Una meta anunciada en la introducción no se informa"
    doc = Documentacion(
        que_revisa="Números de meta que el informe dice tener a cargo (metas_anunciadas, leídas de la introducción o "
        "la portada: 'las metas 509 a 517', 'las metas 12, 13 y 14') y que no aparecen entre sus metas. Solo cuando "
        "al menos la mitad de las anunciadas sí aparece (si no, el anuncio habla de otra cosa); con numeración "
        "consecutiva, los huecos dentro de la secuencia los señala EST003.",
        por_que="Una meta anunciada y no informada es una meta que se quedó sin rendir cuentas, o un anuncio equivocado.",
        ejemplo_falla="metas_anunciadas: [12, 13, 14]\nmetas:\n  - {numero: 12, nombre: Huertas escolares}\n"
        "  - {numero: 14, nombre: Comedores comunitarios}\n",
        ejemplo_pasa="metas_anunciadas: [12, 13]\nmetas:\n  - {numero: 12, nombre: Huertas escolares}\n"
        "  - {numero: 13, nombre: Comedores comunitarios}\n",
        que_hacer="Informe la meta anunciada, o corrija el anuncio de la introducción.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        anunciadas = sorted(set(informe.metas_anunciadas))
        if not anunciadas:
            return
        no_leidas = informe.metas_no_leidas
        if any(n is None or not n.isdigit() for n in no_leidas):
            return  # a meta whose number cannot be read may be the one missing: ENT002 already says so
        presentes = {m.numero for m in informe.metas} | {int(n) for n in no_leidas if n is not None}
        if 2 * sum(1 for n in anunciadas if n in presentes) < len(anunciadas):
            return  # most of them are not here: the announcement is about something else
        faltan = [n for n in anunciadas if n not in presentes]
        if informe.numeracion_metas == "consecutiva" and presentes:
            faltan = [n for n in faltan if n > max(presentes)]  # EST003 reports the gaps inside the sequence
        if not faltan:
            return
        rango = tr("{desde} a {hasta}", desde=anunciadas[0], hasta=anunciadas[-1]) if len(anunciadas) > 2 else _lista(anunciadas)
        mensaje = (tr("El informe anuncia las metas {rango}, pero la meta {faltan} no se informa", rango=rango, faltan=faltan[0])
                   if len(faltan) == 1 else
                   tr("El informe anuncia las metas {rango}, pero las metas {faltan} no se informan", rango=rango, faltan=_lista(faltan)))
        yield Observacion(mensaje, "metas_anunciadas", None, _lista(faltan))
