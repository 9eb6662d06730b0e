"""Values whose text cannot be read, or whose unit words are wrong."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.idioma import tr
from auditor.lectura.cifras import Problema
from auditor.modelo.campos import recorrer_valores
from auditor.modelo.informe import Informe
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad


class ValorIlegible(Regla):
    id = "VAL001"
    nombre = "valor-ilegible"
    categoria = Categoria.MALFORMED_VALUE
    severidad = Severidad.ERROR
    mensaje = "No se puede leer el número de '{campo}'"
    doc = Documentacion(
        que_revisa="Montos, porcentajes y cantidades escritos como texto que no se pueden leer como número "
        "(formato colombiano: '.' separa miles y ',' decimales).",
        por_que="Un monto como '$135, 2 millones' puede ser 135,2 o 1.352 millones: el lector no sabe cuánto se invirtió.",
        ejemplo_falla="inversion:\n  ejecutada: \"$135, 2 millones de pesos\"\n",
        ejemplo_pasa="inversion:\n  ejecutada: \"$135,2 millones de pesos\"\n",
    )
    problema = Problema.ILEGIBLE

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        for ruta, valor in recorrer_valores(informe):
            if valor.problema is self.problema:
                yield Observacion(self._mensaje(ruta, valor.detalle), ruta, None, valor.cita)
        for i, meta in enumerate(informe.metas):
            for ruta, valor in recorrer_valores(meta):
                if valor.problema is self.problema:
                    yield Observacion(self._mensaje(ruta, valor.detalle), ruta, i, valor.cita)

    def _mensaje(self, ruta: str, detalle: str | None) -> str:
        return tr("No se puede leer el número de '{campo}': '{texto}' no es un número en formato colombiano", campo=ruta, texto=detalle)


class UnidadIncorrecta(ValorIlegible):
    id = "VAL002"
    nombre = "unidad-incorrecta"
    categoria = Categoria.MALFORMED_VALUE
    severidad = Severidad.WARNING
    mensaje = "El monto de '{campo}' trae una unidad que no es de dinero"
    doc = Documentacion(
        que_revisa="Montos cuya unidad no es de dinero ('millones de pasos' en lugar de 'millones de pesos').",
        por_que="Una unidad equivocada en un informe público resta credibilidad y puede ocultar un monto mal transcrito.",
        ejemplo_falla="inversion:\n  ejecutada: \"$178 millones de pasos\"\n",
        ejemplo_pasa="inversion:\n  ejecutada: \"$178 millones de pesos\"\n",
    )
    problema = Problema.UNIDAD

    def _mensaje(self, ruta: str, detalle: str | None) -> str:
        return tr("El monto de '{campo}' dice '{texto}': se esperaba 'millones de pesos' o 'pesos'", campo=ruta, texto=detalle)
