"""Copy-paste: the same paragraph under two metas (a risk of double counting) or under two fields of one meta.

Paragraphs are compared by normalized similarity (see ``similitud``): the share of the
shorter paragraph's word fragments found in the other one.  Short paragraphs, template
instructions and filler are left out (PLH001/PLH002 report those), and so are paragraphs
that differ in their figures: "se ejecutaron $9 millones" under two metas is the template's
formula, not a copy.  Each repeated paragraph is reported once, at its later occurrence,
naming the first one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, field_validator

from auditor.idioma import tr
from auditor.lectura.cifras import escribir_numero
from auditor.lectura.patrones import ConjuntoPatrones
from auditor.lectura.recorte import acortar
from auditor.lectura.similitud import Huella, IndiceFragmentos, contencion, mismas_cifras, palabras, parrafos, pasaje_comun
from auditor.modelo.campos import leer_campo, ruta_valida
from auditor.modelo.informe import Informe
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad

NOMBRES_CAMPOS = {
    "logro.texto": "¿Qué se hizo?",
    "inversion.texto": "¿Cuánto se invirtió?",
    "beneficiarios.descripcion": "¿Qué población se atendió?",
    "ejecucion.como": "¿Cómo se hizo?",
    "ejecucion.con_quien": "¿Con quién se ejecutó?",
    "ejecucion.cuando": "¿Cuándo se realizó?",
    "impacto": "Impacto",
    "localizacion.texto": "¿Dónde se intervino?",
    "registro_fotografico": "Registro fotográfico",
}


class ParametrosCopia(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    campos: list[str] = Field(
        default_factory=lambda: ["logro.texto", "inversion.texto", "beneficiarios.descripcion", "ejecucion.como", "impacto"],
        description="Campos de texto de cada meta que se comparan, en el orden en que aparecen en el informe. Por defecto "
        "quedan fuera ¿Con quién?, ¿Cuándo?, la localización y los pies de foto, que repiten aliados, fechas y lugares "
        "con razón.",
    )
    palabras_minimas: int = Field(default=15, ge=1, description="Párrafos más cortos no se comparan.")
    umbral: float = Field(
        default=0.8, gt=0, le=1,
        description="Parte del párrafo más corto que debe estar en el otro (fragmentos de palabras en común) para "
        "considerarlo copia.",
    )
    palabras_por_fragmento: int = Field(default=5, ge=1, description="Longitud, en palabras, de los fragmentos comparados.")
    frecuencia_maxima: int = Field(
        default=20, ge=1,
        description="Un fragmento presente en más párrafos que estos es una frase hecha del informe y no cuenta.",
    )
    resumenes: list[str] = Field(
        default_factory=lambda: ["logro.texto", "beneficiarios.descripcion"],
        description="DUP002: campos de resumen que la narración de la misma meta puede repetir con razón "
        "(el ¿Qué se hizo? repetido dentro del ¿Cómo se hizo?).",
    )

    @field_validator("campos", "resumenes")
    @classmethod
    def _rutas(cls, campos: list[str]) -> list[str]:
        for campo in campos:
            if not ruta_valida("meta", campo):
                raise ValueError(tr("'{campo}' no es un campo de la meta", campo=campo))
        return campos


@dataclass(frozen=True)
class Parrafo:
    orden: int  # position among the compared paragraphs of the report: metas in order, fields in the configured order
    meta: int  # index in informe.metas
    campo: str  # concrete path: 'ejecucion.como', 'registro_fotografico[2]'
    base: str  # configured path: 'registro_fotografico'
    numero: int | None  # 1-based paragraph number when the field has several
    texto: str
    huella: Huella

    @property
    def nombre(self) -> str:
        nombre = NOMBRES_CAMPOS.get(re.sub(r"\[\d+\]$", "", self.campo), self.campo)
        return tr("«{seccion}» (párrafo {numero})", seccion=nombre, numero=self.numero) if self.numero else f"«{nombre}»"


@dataclass(frozen=True)
class Copia:
    parrafo: Parrafo
    primero: Parrafo
    parte: float  # containment
    mayor: bool  # the later paragraph is the longer one (it includes the first)


def _parrafos(informe: Informe, p: ParametrosCopia) -> Iterator[Parrafo]:
    """The paragraphs long enough to compare, in order (template text and filler not yet left out)."""
    orden = 0
    for i, meta in enumerate(informe.metas):
        for base in p.campos:
            for ruta, valor in leer_campo(meta, base):
                textos = [(ruta, valor)] if isinstance(valor, str) else []
                if isinstance(valor, list):  # registro_fotografico: one caption per element
                    textos = [(f"{ruta}[{k}]", v) for k, v in enumerate(valor) if isinstance(v, str)]
                for campo, texto_campo in textos:
                    trozos = parrafos(texto_campo)
                    for j, texto in enumerate(trozos):
                        lista = palabras(texto)
                        if len(lista) < p.palabras_minimas:
                            continue
                        yield Parrafo(orden, i, campo, base, j + 1 if len(trozos) > 1 else None, texto,
                                      Huella.de_palabras(lista, p.palabras_por_fragmento))
                        orden += 1


# DUP001 and DUP002 ask for the same comparison of the same report, one after the other: the last one is kept
_ULTIMA: list[tuple[Informe, ParametrosCopia, list[ConjuntoPatrones], tuple[list[Copia], list[Copia]]]] = []


def copias(informe: Informe, p: ParametrosCopia, omitir: list[ConjuntoPatrones]) -> tuple[list[Copia], list[Copia]]:
    """Repeated paragraphs: (between metas, within one meta), each at its later occurrence with its first one."""
    if _ULTIMA:
        anterior, parametros, conjuntos, resultado = _ULTIMA[0]
        if anterior is informe and parametros == p and len(conjuntos) == len(omitir) and all(
                a is b for a, b in zip(conjuntos, omitir, strict=True)):
            return resultado
    resultado = _copias(informe, p, omitir)
    _ULTIMA[:] = [(informe, p, omitir, resultado)]
    return resultado


def _copias(informe: Informe, p: ParametrosCopia, omitir: list[ConjuntoPatrones]) -> tuple[list[Copia], list[Copia]]:
    todos = list(_parrafos(informe, p))
    # A paragraph that shares no fragment with any other one can neither be a copy, nor be copied, nor
    # change how many paragraphs share a fragment: whether it is template text (a search of every pattern
    # of two sets, the costly part of this rule) does not matter, and is not asked.
    una_vez: set[str] = set()
    compartidos: set[str] = set()
    for par in todos:
        compartidos |= una_vez & par.huella.fragmentos
        una_vez |= par.huella.fragmentos
    indice = IndiceFragmentos(p.frecuencia_maxima)
    vistos: dict[int, Parrafo] = {}
    entre: list[Copia] = []
    dentro: list[Copia] = []
    resumenes = set(p.resumenes)
    for par in todos:
        if par.huella.fragmentos.isdisjoint(compartidos):
            continue
        if any(c.contiene(par.texto) for c in omitir):
            continue
        comunes = indice.comunes_y_agregar(par.orden, par.huella)  # the paragraph itself is not among them
        primero_otra: Copia | None = None
        primero_misma: Copia | None = None
        for orden in sorted(comunes):  # earliest first: the message names the first occurrence
            otro = vistos[orden]
            parte = contencion(comunes[orden], par.huella, otro.huella)
            if parte < p.umbral or not mismas_cifras(par.huella, otro.huella):
                continue
            mayor = len(par.huella.fragmentos) > len(otro.huella.fragmentos)
            copia = Copia(par, otro, parte, mayor)
            if otro.meta != par.meta:
                primero_otra = primero_otra or copia
            elif (otro if mayor else par).base not in resumenes:
                primero_misma = primero_misma or copia
        if primero_otra:
            entre.append(primero_otra)
        if primero_misma:
            dentro.append(primero_misma)
        vistos[par.orden] = par
    return entre, dentro


def _extracto(texto: str) -> str:
    return acortar(texto, 160, pegada=True)


def _relacion(c: Copia, donde: str, k: int) -> str:
    """How the paragraph relates to its first occurrence, quoting the first occurrence's side."""
    pct = f"{escribir_numero(100 * c.parte, 0)} %"
    if c.parte >= 0.999 and len(c.parrafo.huella.fragmentos) == len(c.primero.huella.fragmentos):
        return tr("es el mismo que el de {donde}: «{extracto}»", donde=donde, extracto=_extracto(c.primero.texto))
    if c.mayor:
        return tr("incluye el de {donde} (el {pct} de aquel está aquí): «{extracto}»", donde=donde, pct=pct,
                  extracto=_extracto(c.primero.texto))
    pasaje = pasaje_comun(c.primero.texto, c.parrafo.huella, k)
    return tr("repite texto de {donde} (el {pct} de este párrafo está allí): «{extracto}»", donde=donde, pct=pct,
              extracto=_extracto(pasaje))


class ParrafoRepetidoEntreMetas(Regla):
    id = "DUP001"
    nombre = "parrafo-repetido-entre-metas"
    categoria = Categoria.DUPLICATED_TEXT
    severidad = Severidad.WARNING
    mensaje = "El mismo párrafo aparece en dos metas"
    Parametros = ParametrosCopia
    conjuntos = ("plantilla", "relleno")
    doc = Documentacion(
        que_revisa="Párrafos de una meta que repiten, casi igual, un párrafo de otra meta del mismo informe (sin contar "
        "mayúsculas, tildes, puntuación ni espacios; basta con que la mayor parte del párrafo más corto esté en el "
        "otro). Se señala la aparición posterior y se nombra la primera. No se comparan párrafos cortos, instrucciones "
        "de la plantilla ni párrafos con cifras distintas.",
        por_que="Un mismo párrafo bajo dos metas suele describir la misma actividad reportada dos veces: sus "
        "beneficiarios y su inversión pueden estar contados en ambas.",
        ejemplo_falla="metas:\n  - numero: 13\n    nombre: Política de trabajo decente\n    impacto: Se capacitaron más de 570 cesantes de los municipios de Cúcuta, "
        "Chinácota y Pamplona en 15 sesiones de formación para el trabajo.\n  - numero: 15\n    nombre: Sesiones de asistencia técnica\n    impacto: Se capacitaron "
        "más de 570 cesantes de los municipios de Cúcuta, Chinácota y Pamplona en 15 sesiones de formación para el trabajo.\n",
        ejemplo_pasa="metas:\n  - numero: 13\n    nombre: Política de trabajo decente\n    impacto: Se capacitaron más de 570 cesantes de los municipios de Cúcuta, "
        "Chinácota y Pamplona en 15 sesiones de formación para el trabajo.\n  - numero: 15\n    nombre: Sesiones de asistencia técnica\n    impacto: 60 empleadores "
        "fortalecieron sus capacidades para impulsar la formalidad laboral con el Ministerio de Trabajo y la DIAN.\n",
        que_hacer="Escriba lo propio de cada meta; si es la misma actividad, repórtela en una sola, sin contar dos veces sus beneficiarios ni su inversión.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosCopia = contexto.parametros
        entre, _ = copias(informe, p, [contexto.conjunto("plantilla"), contexto.conjunto("relleno")])
        for c in entre:
            otra = informe.metas[c.primero.meta].etiqueta
            esta = informe.metas[c.parrafo.meta].etiqueta
            donde = tr("{seccion} de la meta {meta}, donde aparece primero", seccion=c.primero.nombre, meta=otra)
            yield Observacion(
                tr("El párrafo de {seccion} de la meta {meta} {relacion}. Si describe la misma actividad, puede estar contada en las dos metas",
                   seccion=c.parrafo.nombre, meta=esta, relacion=_relacion(c, donde, p.palabras_por_fragmento)),
                c.parrafo.campo, c.parrafo.meta, c.parrafo.texto,
            )


class ParrafoRepetidoEnLaMeta(Regla):
    id = "DUP002"
    nombre = "parrafo-repetido-en-la-meta"
    categoria = Categoria.DUPLICATED_TEXT
    severidad = Severidad.WARNING
    mensaje = "Una sección de la meta repite el texto de otra"
    Parametros = ParametrosCopia
    conjuntos = ("plantilla", "relleno")
    doc = Documentacion(
        que_revisa="Párrafos de una meta que repiten, casi igual, otro párrafo de la misma meta: el impacto que copia "
        "una frase del ¿Cómo se hizo?, o el mismo párrafo dos veces. Que la narración repita el resumen (¿Qué se "
        "hizo?, población atendida) es normal y no se señala.",
        por_que="Una sección que solo repite otra no informa lo que pide la plantilla: un impacto copiado de lo que se "
        "hizo no dice qué resultado hubo.",
        ejemplo_falla="ejecucion:\n  como: Se apoyó el Centro ZASCA. Estas acciones contribuyen a que las empresas adopten "
        "nuevas tecnologías, optimicen procesos y mejoren su capacidad para competir.\nimpacto: Estas acciones contribuyen "
        "a que las empresas adopten nuevas tecnologías, optimicen procesos y mejoren su capacidad para competir.\n",
        ejemplo_pasa="ejecucion:\n  como: Se apoyó el Centro ZASCA. Estas acciones contribuyen a que las empresas adopten "
        "nuevas tecnologías, optimicen procesos y mejoren su capacidad para competir.\nimpacto: 48 empresas de confección "
        "modernizaron su maquinaria y aumentaron su producción mensual en un 20% tras su paso por el centro.\n",
        que_hacer="Escriba en la sección lo que pide su pregunta (en el impacto, el resultado logrado) en lugar de "
                  "repetir otra sección.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosCopia = contexto.parametros
        _, dentro = copias(informe, p, [contexto.conjunto("plantilla"), contexto.conjunto("relleno")])
        for c in dentro:
            donde = tr("{seccion} de la misma meta", seccion=c.primero.nombre)
            yield Observacion(
                tr("El párrafo de {seccion} {relacion}", seccion=c.parrafo.nombre, relacion=_relacion(c, donde, p.palabras_por_fragmento)),
                c.parrafo.campo, c.parrafo.meta, c.parrafo.texto,
            )
