"""¿Qué población se atendió?: empty, unfilled or uncounted beneficiaries."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.idioma import tr
from auditor.lectura.patrones import ConjuntoPatrones
from auditor.modelo.informe import Informe, Meta
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad


def _con_total(meta: Meta) -> bool:
    """A count was written (even an unreadable one, which VAL001 reports)."""
    t = meta.beneficiarios.total
    return t is not None and not t.vacio


def _descripcion(meta: Meta) -> str:
    return (meta.beneficiarios.descripcion or "").strip()


def _razon_en_la_meta(meta: Meta, razones: list[ConjuntoPatrones]) -> bool:
    """Whether another part of the meta says why it has nothing to report ('Meta programada a partir de la vigencia
    2025.' in the observations, 'no fue programada'): a 'No aplica'/'N/A' answer then has its reason."""
    textos = (meta.logro.texto, meta.inversion.texto, meta.ejecucion.como, meta.ejecucion.con_quien,
              meta.ejecucion.cuando, meta.impacto, meta.localizacion.texto)
    return any(c.contiene(t) for t in textos if t for c in razones)


class BeneficiariosSinDiligenciar(Regla):
    id = "BEN001"
    nombre = "beneficiarios-sin-diligenciar"
    categoria = Categoria.EMPTY_BENEFICIARIES
    severidad = Severidad.ERROR
    mensaje = "No se informa qué población se atendió"
    doc = Documentacion(
        que_revisa="Metas sin sección de beneficiarios: ni cantidad ni descripción de la población atendida. "
        "El texto de la plantilla o un relleno en su lugar lo señala PLH004.",
        por_que="A quién llegó la inversión es una de las preguntas obligatorias de la rendición de cuentas; "
        "dejarla en blanco es un informe incompleto.",
        ejemplo_falla="beneficiarios: {}\n",
        ejemplo_pasa="beneficiarios:\n  total: 179\n  unidad: ciudadanos\n  descripcion: 179 ciudadanos de la cadena de valor.\n",
        que_hacer="Diga a quién llegó la inversión: cuántas personas y qué población se atendió.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        for i, meta in enumerate(informe.metas):
            if not _con_total(meta) and not _descripcion(meta):
                yield Observacion(tr("La meta no informa beneficiarios: ni cantidad ni descripción de la población atendida"),
                                  "beneficiarios", i, None)


class BeneficiariosConPlantilla(Regla):
    """The template's instruction or a filler where the population served should be: a placeholder (as PLH001 and
    PLH002 for the other sections), not an empty section; a count written beside it answers the question."""

    id = "PLH004"
    nombre = "beneficiarios-con-plantilla"
    categoria = Categoria.PLACEHOLDER
    severidad = Severidad.ERROR
    mensaje = "Los beneficiarios conservan la instrucción de la plantilla o un relleno"
    conjuntos = ("plantilla", "relleno", "no_aplica", "no_aplica_razon", "justificacion")
    doc = Documentacion(
        que_revisa="Metas cuya sección de beneficiarios tiene solo el texto de la plantilla ('Indicar el número de "
        "beneficiarios...') o un relleno como 'Sin datos a la fecha', sin ninguna cantidad.",
        por_que="Una instrucción o un relleno publicado como respuesta deja sin contestar a quién llegó la inversión.",
        ejemplo_falla="beneficiarios:\n  descripcion: Sin datos a la fecha.\n",
        ejemplo_pasa="beneficiarios:\n  total: 179\n  unidad: ciudadanos\n  descripcion: 179 ciudadanos de la cadena de valor.\n",
        que_hacer="Reemplace la instrucción o el relleno por la población atendida y cuántos fueron.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        plantilla, relleno, no_aplica = (contexto.conjunto(n) for n in ("plantilla", "relleno", "no_aplica"))
        razones = [contexto.conjunto("no_aplica_razon"), contexto.conjunto("justificacion")]
        for i, meta in enumerate(informe.metas):
            descripcion = _descripcion(meta)
            if _con_total(meta) or not descripcion:
                continue
            if no_aplica.contiene(descripcion) and _razon_en_la_meta(meta, razones):
                continue  # 'N/A' with the reason elsewhere in the meta is an answer
            if plantilla.contiene(descripcion):
                yield Observacion(tr("Los beneficiarios conservan la instrucción de la plantilla en lugar de la población atendida"),
                                  "beneficiarios.descripcion", i, descripcion)
            elif relleno.contiene(descripcion):
                yield Observacion(tr("Los beneficiarios no dicen qué población se atendió ni cuántos fueron (texto de relleno)"),
                                  "beneficiarios.descripcion", i, descripcion)


class BeneficiariosSinCantidad(Regla):
    id = "BEN002"
    nombre = "beneficiarios-sin-cantidad"
    categoria = Categoria.EMPTY_BENEFICIARIES
    severidad = Severidad.WARNING
    mensaje = "Los beneficiarios se describen pero no se cuentan"
    conjuntos = ("plantilla", "relleno", "no_aplica")
    doc = Documentacion(
        que_revisa="Metas que describen la población atendida sin dar cuántas personas o unidades fueron "
        "('Emprendedores de la región del Catatumbo'). 'No aplica' con su razón se acepta.",
        por_que="Sin una cifra no se puede contrastar la población atendida con la meta ni sumar los beneficiarios del informe.",
        ejemplo_falla="beneficiarios:\n  descripcion: Población migrante víctima del conflicto armado del departamento.\n",
        ejemplo_pasa="beneficiarios:\n  total: 70\n  unidad: personas\n  descripcion: 70 personas beneficiadas de la población migrante.\n",
        que_hacer="Escriba cuántas personas o unidades se atendieron junto a la descripción de la población, o 'No "
                  "aplica' con su razón.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        omitir = [contexto.conjunto(n) for n in ("plantilla", "relleno", "no_aplica")]
        for i, meta in enumerate(informe.metas):
            descripcion = _descripcion(meta)
            if _con_total(meta) or not descripcion or any(c.contiene(descripcion) for c in omitir):
                continue
            yield Observacion(tr("La población atendida se describe pero no se dice cuántas personas o unidades fueron"),
                              "beneficiarios.descripcion", i, descripcion)


class NoAplicaSinRazon(Regla):
    id = "BEN004"
    nombre = "no-aplica-sin-razon"
    categoria = Categoria.EMPTY_BENEFICIARIES
    severidad = Severidad.INFO
    mensaje = "'No aplica' sin decir por qué"
    conjuntos = ("no_aplica", "no_aplica_razon", "justificacion")
    doc = Documentacion(
        que_revisa="Beneficiarios respondidos solo con 'No aplica', sin la razón. Con la razón ('No aplica por la "
        "naturaleza de la meta') no se informa nada.",
        por_que="'No aplica' es una respuesta válida para metas de gestión, pero el lector necesita saber por qué.",
        ejemplo_falla="beneficiarios:\n  descripcion: No aplica.\n",
        ejemplo_pasa="beneficiarios:\n  descripcion: No aplica por la naturaleza de la meta.\n",
        que_hacer="Agregue después de 'No aplica' la razón ('No aplica por ser una meta de gestión').",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        no_aplica = contexto.conjunto("no_aplica")
        razones = [contexto.conjunto("no_aplica_razon"), contexto.conjunto("justificacion")]
        for i, meta in enumerate(informe.metas):
            descripcion = _descripcion(meta)
            if _con_total(meta) or not descripcion or _razon_en_la_meta(meta, razones):
                continue
            hallado = no_aplica.buscar(descripcion)
            if hallado is None:
                continue
            resto = (descripcion[: hallado.inicio] + descripcion[hallado.fin :]).strip(" .,;:-")
            if not resto:
                yield Observacion(tr("Los beneficiarios dicen 'No aplica' sin explicar por qué"), "beneficiarios.descripcion", i, descripcion)
