"""Values whose text cannot be read, whose unit words are wrong, or written twice (figures and words) differently."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.idioma import tr
from auditor.lectura.cifras import Problema, escribir_numero, leer_monto
from auditor.lectura.montos_en_letras import repetidos_en_letras
from auditor.modelo.campos import leer_campo, recorrer_valores
from auditor.modelo.informe import Informe
from auditor.modelo.nombres import nombre as nombre_en_la_plantilla
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad


class ValorIlegible(Regla):
    id = "VAL001"
    nombre = "valor-ilegible"
    categoria = Categoria.MALFORMED_VALUE
    severidad = Severidad.ERROR
    mensaje = "No se puede leer el número de «{campo}»"
    doc = Documentacion(
        que_revisa="Montos, porcentajes y cantidades escritos como texto que no se pueden leer como número "
        "(formato colombiano: '.' separa miles y ',' decimales).",
        por_que="Un monto como '$135, 2 millones' puede ser 135,2 o 1.352 millones: el lector no sabe cuánto se invirtió.",
        ejemplo_falla="inversion:\n  ejecutada: \"$135, 2 millones de pesos\"\n",
        ejemplo_pasa="inversion:\n  ejecutada: \"$135,2 millones de pesos\"\n",
        que_hacer="Escriba el número en formato colombiano, sin espacios: '.' para los miles y ',' para los decimales ('$ 135,2 millones').",
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
        return tr("No se puede leer el número de «{campo}»: '{texto}' no es un número en formato colombiano", campo=nombre_en_la_plantilla(ruta), texto=detalle)


class UnidadIncorrecta(ValorIlegible):
    id = "VAL002"
    nombre = "unidad-incorrecta"
    categoria = Categoria.MALFORMED_VALUE
    severidad = Severidad.WARNING
    mensaje = "El monto de «{campo}» trae una unidad que no es de dinero"
    doc = Documentacion(
        que_revisa="Montos cuya unidad no es de dinero ('millones de pasos' en lugar de 'millones de pesos').",
        por_que="Una unidad equivocada en un informe público resta credibilidad y puede ocultar un monto mal transcrito.",
        ejemplo_falla="inversion:\n  ejecutada: \"$178 millones de pasos\"\n",
        ejemplo_pasa="inversion:\n  ejecutada: \"$178 millones de pesos\"\n",
        que_hacer="Corrija la unidad del monto ('millones de pesos').",
    )
    problema = Problema.UNIDAD

    def _mensaje(self, ruta: str, detalle: str | None) -> str:
        return tr("El monto de «{campo}» dice '{texto}': se esperaba 'millones de pesos' o 'pesos'", campo=nombre_en_la_plantilla(ruta), texto=detalle)


_CAMPOS_CON_MONTOS = ("inversion.texto", "logro.texto", "ejecucion.como", "beneficiarios.descripcion")


class MontoEnLetrasDistinto(Regla):
    id = "VAL003"
    nombre = "monto-en-letras-distinto"
    categoria = Categoria.MALFORMED_VALUE
    severidad = Severidad.WARNING
    mensaje = "El monto en cifras y el mismo monto en letras no coinciden"
    doc = Documentacion(
        que_revisa="Un monto escrito en cifras y repetido en letras justo después, como se hace en los documentos "
        "oficiales ('$67.800.000 (sesenta y siete millones ochocientos mil pesos)'), en la inversión y en la prosa de "
        "la meta: las dos escrituras deben dar la misma cifra. Montos en letras que no siguen a uno en cifras no se "
        "comparan con nada.",
        por_que="Cuando las cifras y las letras no coinciden, una de las dos está mal transcrita, y el lector no sabe "
        "cuánto se invirtió; en un contrato, vale lo escrito en letras.",
        ejemplo_falla="inversion:\n  texto: $67.800.000 (sesenta y ocho millones setecientos mil pesos) de recursos propios.\n",
        ejemplo_pasa="inversion:\n  texto: $67.800.000 (sesenta y siete millones ochocientos mil pesos) de recursos propios.\n",
        que_hacer="Deje el monto en cifras y en letras con el mismo valor, el del documento de origen.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        for i, meta in enumerate(informe.metas):
            for campo in _CAMPOS_CON_MONTOS:
                for _, texto in leer_campo(meta, campo):
                    if isinstance(texto, str) and texto.strip():
                        yield from self._pares(texto, campo, i)

    @staticmethod
    def _pares(texto: str, campo: str, meta: int) -> Iterator[Observacion]:
        for cifras, letras in repetidos_en_letras(texto):
            a, b = leer_monto(cifras.texto).valor, leer_monto(letras.texto).valor
            if a is None or b is None or abs(a - b) <= 1e-9 * max(a, b, 1):
                continue
            yield Observacion(
                tr("«{cifras}» y, en letras, «{letras}» no son el mismo monto: {a} y {b} millones de pesos",
                   cifras=cifras.texto, letras=letras.texto, a=escribir_numero(a, 3), b=escribir_numero(b, 3)),
                campo, meta, f"{cifras.texto} ({letras.texto})",
            )
