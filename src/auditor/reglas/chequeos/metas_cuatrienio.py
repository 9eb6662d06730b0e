"""The four-year target written as a label with nothing after it ('Meta cuatrienio:' in the tabular template)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.idioma import tr
from auditor.modelo.campos import es_vacio
from auditor.modelo.informe import Informe
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad


class MetaCuatrienioEnBlanco(Regla):
    """OBJ001 asks for the target where the template has its place (narrative heading, matrix column); the tabular
    template has none, but an office that writes a 'Meta cuatrienio:' line in the cell and leaves it blank (or with a
    filler) has left the target missing: the declared progress of the four years cannot be checked."""

    id = "OBJ002"
    nombre = "meta-cuatrienio-en-blanco"
    categoria = Categoria.MISSING_TARGET
    severidad = Severidad.WARNING
    mensaje = "El rótulo de la meta del cuatrienio está, pero sin valor"
    conjuntos = ("relleno", "plantilla")
    doc = Documentacion(
        que_revisa="En la plantilla tabular, metas cuyo texto trae el rótulo 'Meta cuatrienio:' sin cantidad ni "
        "texto después (o con un relleno). Donde la plantilla pide la meta (narrativa, matriz) la revisa OBJ001.",
        por_que="El informe anuncia la meta del cuatrienio y la deja en blanco: el avance del cuatrienio que se "
        "declara no se puede verificar.",
        ejemplo_falla="meta_cuatrienio:\n  texto: ''\n",
        ejemplo_pasa="meta_cuatrienio:\n  cantidad: 600\n  unidad: estufas\n  texto: 600 estufas\n",
        que_hacer="Escriba la cantidad de la meta del cuatrienio después del rótulo 'Meta cuatrienio:'.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        if informe.plantilla != "tabular":
            return  # OBJ001 covers the templates that ask for the target
        relleno, plantilla = contexto.conjunto("relleno"), contexto.conjunto("plantilla")
        for i, meta in enumerate(informe.metas):
            objetivo = meta.meta_cuatrienio
            if objetivo is None or not es_vacio(objetivo.cantidad):
                continue  # no label written, or a quantity given
            texto = (objetivo.texto or "").strip()
            if not texto or relleno.contiene(texto) or plantilla.contiene(texto):
                yield Observacion(tr("La meta del cuatrienio está rotulada pero sin valor: el avance del cuatrienio no se puede verificar"),
                                  "meta_cuatrienio.texto", i, texto or None)
