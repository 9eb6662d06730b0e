"""Structure of the report: meta numbers and descriptions, numbering, unfilled tables."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.idioma import tr
from auditor.lectura.patrones import normalizar
from auditor.modelo.campos import es_vacio
from auditor.modelo.informe import Informe
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad


class NumeroDuplicado(Regla):
    id = "EST001"
    nombre = "numero-duplicado"
    categoria = Categoria.STRUCTURE
    severidad = Severidad.ERROR
    mensaje = "Dos metas tienen el mismo número"
    doc = Documentacion(
        que_revisa="Que ningún número de meta se repita en el informe.",
        por_que="Con números repetidos, los hallazgos, los totales y las referencias cruzadas apuntan a la meta equivocada.",
        ejemplo_falla="metas:\n  - {numero: 4, nombre: Rondas de negociación}\n  - {numero: 4, nombre: Iniciativas clúster}\n",
        ejemplo_pasa="metas:\n  - {numero: 4, nombre: Rondas de negociación}\n  - {numero: 5, nombre: Iniciativas clúster}\n",
        que_hacer="Renumere las metas para que cada número aparezca una sola vez.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        vistos: dict[str, int] = {}
        for i, meta in enumerate(informe.metas):
            if meta.etiqueta in vistos:
                primera = informe.metas[vistos[meta.etiqueta]]
                yield Observacion(tr("El número de meta {numero} ya se usó para '{nombre}'", numero=meta.etiqueta, nombre=primera.nombre),
                                  "codigo" if meta.codigo is not None else "numero", i, meta.etiqueta)
            else:
                vistos[meta.etiqueta] = i


_CANTIDAD_INICIAL = re.compile(r"^\s*[\d.,]+\s*")
# a trailing parenthesis that gives the target or a quantity: '(meta cuatrienio: 400 mejoramientos)', '(1.200 ha)',
# '(meta: 12)'; one that names the meta ('(PDET)', '(fase 2)', '(Ley 1448 de 2011)') stays
_CANTIDAD_FINAL = re.compile(r"\s*[(\[]\s*(?:meta\b[^()\[\]]*\d[^()\[\]]*|\d[\d.,]*(?:\s+[^()\[\]\d]*)?)[)\]]\W*$", re.IGNORECASE)


def clave_descripcion(nombre: str) -> str:
    """The description without its leading quantity nor a trailing parenthesis with the target or a quantity,
    normalized: '5000 Personas ...' ~ '1000 Personas ...'; '... ejecutados (meta cuatrienio: 400 ...)' ~
    '... ejecutados (meta cuatrienio: 1.200 ...)'."""
    return normalizar(_CANTIDAD_FINAL.sub("", _CANTIDAD_INICIAL.sub("", nombre))).strip(" .")


class DescripcionDuplicada(Regla):
    id = "EST002"
    nombre = "descripcion-duplicada"
    categoria = Categoria.STRUCTURE
    severidad = Severidad.WARNING
    mensaje = "Dos metas tienen la misma descripción"
    doc = Documentacion(
        que_revisa="Metas distintas con la misma descripción (sin contar la cantidad inicial, el paréntesis final con la meta o una "
        "cantidad ('(meta cuatrienio: 400 viviendas)'), mayúsculas ni tildes).",
        por_que="Dos metas iguales con cantidades distintas ('5000 Personas vinculadas...' y '1000 Personas "
        "vinculadas...') suelen ser un error de copia, o una doble contabilización de lo mismo.",
        ejemplo_falla="metas:\n  - {numero: 661, nombre: 5000 Personas vinculadas a empleo formal}\n"
        "  - {numero: 663, nombre: 1000 Personas vinculadas a empleo formal}\n",
        ejemplo_pasa="metas:\n  - {numero: 661, nombre: 5000 Personas vinculadas a empleo formal}\n"
        "  - {numero: 663, nombre: 1000 Migrantes vinculados a empleo temporal en floricultura}\n",
        que_hacer="Si son la misma meta, deje una sola; si son distintas, escriba en cada descripción lo que las diferencia.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        vistas: dict[str, int] = {}
        for i, meta in enumerate(informe.metas):
            clave = clave_descripcion(meta.nombre)
            if not clave:
                continue
            if clave in vistas:
                otra = informe.metas[vistas[clave]]
                yield Observacion(
                    tr("La meta {numero} tiene la misma descripción que la meta {otra} (aparte de la cantidad): '{nombre}'",
                       numero=meta.etiqueta, otra=otra.etiqueta, nombre=otra.nombre),
                    "nombre", i, meta.nombre,
                )
            else:
                vistas[clave] = i


_LISTA_MAXIMA = 30  # more missing numbers than this are counted, not listed


def _lista(numeros: list[int] | list[str]) -> str:
    textos = [str(n) for n in numeros]
    return textos[0] if len(textos) == 1 else tr("{lista} y {ultimo}", lista=", ".join(textos[:-1]), ultimo=textos[-1])


class SaltoNumeracion(Regla):
    id = "EST003"
    nombre = "salto-numeracion"
    categoria = Categoria.STRUCTURE
    severidad = Severidad.WARNING
    mensaje = "Faltan metas en la numeración"
    doc = Documentacion(
        que_revisa="En informes con numeración consecutiva (numeracion_metas: consecutiva), números que faltan "
        "entre una meta y la siguiente. Con numeración del plan (números del PDD) no aplica. Con códigos por niveles "
        "('META 3.2.2', 'META 3.2.4'), los que faltan dentro de un mismo programa (3.2.3).",
        por_que="Una meta que falta en la secuencia suele ser una meta que se quedó sin informar.",
        ejemplo_falla="numeracion_metas: consecutiva\nmetas:\n  - {numero: 15, nombre: Sesiones de asistencia técnica}\n"
        "  - {numero: 18, nombre: Apoyo financiero a empresas}\n",
        ejemplo_pasa="numeracion_metas: plan\nmetas:\n  - {numero: 663, nombre: Personas vinculadas a empleo}\n"
        "  - {numero: 670, nombre: Estrategia de reconocimiento}\n",
        que_hacer="Informe las metas que faltan en la numeración, o corrija los números si la secuencia está mal.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        yield from _saltos_de_codigo(informe)
        if informe.numeracion_metas != "consecutiva":
            return
        no_leidas = informe.metas_no_leidas
        if any(n is None or not n.isdigit() for n in no_leidas):
            return  # a meta whose number cannot be read may be the one "missing": ENT002 already says so
        presentes = {int(n) for n in no_leidas if n is not None}
        anterior = 0
        for i, meta in sorted(enumerate(informe.metas), key=lambda par: par[1].numero):
            cuantas = meta.numero - anterior - 1 - sum(1 for n in presentes if anterior < n < meta.numero)
            if cuantas > _LISTA_MAXIMA:  # a meta numbered 75816759 must not build a list of 75 million numbers
                yield Observacion(
                    tr("Faltan {cuantas} metas entre la {anterior} y la {numero}", cuantas=cuantas, anterior=anterior, numero=meta.numero)
                    if anterior else tr("Faltan {cuantas} metas antes de la {numero}", cuantas=cuantas, numero=meta.numero),
                    "numero", i, str(meta.numero),
                )
                anterior = max(anterior, meta.numero)
                continue
            faltan = [n for n in range(anterior + 1, meta.numero) if n not in presentes]
            if faltan:
                if len(faltan) == 1:
                    mensaje = (tr("Falta la meta {faltan} entre la {anterior} y la {siguiente}", faltan=faltan[0], anterior=anterior,
                                  siguiente=meta.numero) if anterior
                               else tr("Falta la meta {faltan} antes de la {siguiente}", faltan=faltan[0], siguiente=meta.numero))
                else:
                    mensaje = (tr("Faltan las metas {faltan} entre la {anterior} y la {siguiente}", faltan=_lista(faltan), anterior=anterior,
                                  siguiente=meta.numero) if anterior
                               else tr("Faltan las metas {faltan} antes de la {siguiente}", faltan=_lista(faltan), siguiente=meta.numero))
                yield Observacion(mensaje, "numero", i, str(meta.numero))
            anterior = max(anterior, meta.numero)


def _saltos_de_codigo(informe: Informe) -> Iterator[Observacion]:
    """Metas numbered by level ('3.2.2', '3.2.4'): within one program (the same code but its last number), the
    numbers that are missing between two metas.  A program with one meta says nothing about its numbering."""
    por_programa: dict[tuple[int, ...], list[tuple[int, int]]] = {}
    for i, meta in enumerate(informe.metas):
        if meta.codigo is not None:
            niveles = tuple(int(x) for x in meta.codigo.split("."))
            por_programa.setdefault(niveles[:-1], []).append((niveles[-1], i))
    for programa, metas in por_programa.items():
        if len(metas) < 2:
            continue
        metas.sort()
        prefijo = ".".join(str(x) for x in programa)
        for (anterior, _), (numero, i) in zip(metas, metas[1:], strict=False):
            faltan = [f"{prefijo}.{n}" for n in range(anterior + 1, numero)][:_LISTA_MAXIMA]
            if not faltan:
                continue
            desde, hasta = f"{prefijo}.{anterior}", f"{prefijo}.{numero}"
            mensaje = (tr("Falta la meta {faltan} entre la {anterior} y la {siguiente}", faltan=faltan[0], anterior=desde, siguiente=hasta)
                       if len(faltan) == 1 else
                       tr("Faltan las metas {faltan} entre la {anterior} y la {siguiente}", faltan=_lista(faltan), anterior=desde,
                          siguiente=hasta))
            yield Observacion(mensaje, "codigo", i, informe.metas[i].codigo)


class InformeSinMetas(Regla):
    id = "EST004"
    nombre = "informe-sin-metas"
    categoria = Categoria.STRUCTURE
    severidad = Severidad.ERROR
    mensaje = "El informe no tiene metas"
    doc = Documentacion(
        que_revisa="Informes sin ninguna meta (la lista 'metas' falta o está vacía), sin contar las metas que no se pudieron leer.",
        por_que="Un informe sin metas no se audita: pasaría sin hallazgos aunque no informe nada.",
        ejemplo_falla="secretaria: Secretaría de Cultura\nmetas: []\n",
        ejemplo_pasa="secretaria: Secretaría de Cultura\nmetas:\n  - {numero: 1, nombre: Festivales apoyados}\n",
        que_hacer="Agregue las metas del informe; si el documento las tiene, revise que sigan la plantilla ('Meta N:').",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        if not informe.metas and not informe.metas_no_leidas:
            yield Observacion(tr("El informe no tiene metas: no hay nada que auditar"), "metas", None, None)


class TablaPDDSinDiligenciar(Regla):
    id = "TAB001"
    nombre = "tabla-pdd-sin-diligenciar"
    categoria = Categoria.EMPTY_FIELD
    severidad = Severidad.ERROR
    mensaje = "La tabla de cumplimiento por nivel del PDD está sin diligenciar"
    doc = Documentacion(
        que_revisa="Filas de la tabla 'Cumplimiento/avance por nivel del PDD' sin ningún porcentaje.",
        por_que="Una tabla con solo las filas de la plantilla ('1. Línea Estratégica', '1.1 Componente') no informa "
        "nada y delata un informe sin terminar.",
        ejemplo_falla="tabla_pdd:\n  filas:\n    - nivel: 1. Línea Estratégica\n    - nivel: 1.1 Componente\n",
        ejemplo_pasa="tabla_pdd:\n  filas:\n    - {nivel: 1. Línea Estratégica, cumplimiento_programado: 100%, "
        "cumplimiento_ejecutado: 92%, avance_cuatrienio: 46%}\n",
        que_hacer="Escriba los porcentajes de cada nivel del PDD en la tabla, o quite las filas de la plantilla que no se usan.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        tabla = informe.tabla_pdd
        if tabla is None:
            return
        vacias = [
            (i, f) for i, f in enumerate(tabla.filas)
            if es_vacio(f.cumplimiento_programado) and es_vacio(f.cumplimiento_ejecutado) and es_vacio(f.avance_cuatrienio)
        ]
        if not tabla.filas:
            yield Observacion(tr("La tabla de cumplimiento por nivel del PDD no tiene filas"), "tabla_pdd", None, None)
        elif vacias:
            n, total = len(vacias), len(tabla.filas)
            if n == total:
                resumen = tr("ninguna de sus {total} filas tiene porcentajes", total=total)
            elif n == 1:
                resumen = tr("1 de sus {total} filas no tiene porcentajes", total=total)
            else:
                resumen = tr("{n} de sus {total} filas no tienen porcentajes", n=n, total=total)
            yield Observacion(
                tr("La tabla de cumplimiento por nivel del PDD está sin diligenciar: {resumen}", resumen=resumen),
                f"tabla_pdd.filas[{vacias[0][0]}]", None, "; ".join(f.nivel for _, f in vacias),
            )
