"""Input problems. The loader finds them; they are rules here so that they are documented,
configurable and reported like every other finding."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Contexto, Documentacion, Regla
from ..findings import Category, Observacion, Severity
from ..load import ENTRADA_CLAVE_REPETIDA, ENTRADA_ESTRUCTURA, ENTRADA_ILEGIBLE
from ..model import Informe


class _Entrada(Regla):
    categoria = Category.INPUT_ERROR
    severidad = Severity.ERROR

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        return iter(())  # reported by the loader, before there is a report to look at


class InformeIlegible(_Entrada):
    id = ENTRADA_ILEGIBLE
    nombre = "archivo-ilegible"
    mensaje = "El archivo no se puede leer como informe"
    doc = Documentacion(
        que_revisa="Que el archivo sea YAML o JSON válido, en UTF-8, no vacío y con un solo documento.",
        por_que="Un archivo que no se puede leer no se audita: el revisor debe saberlo, con la línea del problema, "
        "en lugar de creer que el informe no tiene hallazgos.",
        ejemplo_falla="metas:\n  - numero: 1\n    nombre: \"Rondas de negociación\n",
        ejemplo_pasa="metas:\n  - numero: 1\n    nombre: \"Rondas de negociación\"\n",
    )


class EstructuraInvalida(_Entrada):
    id = ENTRADA_ESTRUCTURA
    nombre = "estructura-invalida"
    mensaje = "El informe no sigue el formato de datos"
    doc = Documentacion(
        que_revisa="Que cada clave exista en el formato (con sugerencia si está mal escrita), que estén los campos "
        "obligatorios y que cada valor tenga el tipo esperado.",
        por_que="Una clave mal escrita ('inversión' por 'inversion') haría que el dato se ignore en silencio; "
        "una meta mal formada se informa y las demás se siguen auditando.",
        ejemplo_falla="metas:\n  - numero: 1\n    nombre: Rondas\n    impcto: Se lograron ventas\n",
        ejemplo_pasa="metas:\n  - numero: 1\n    nombre: Rondas\n    impacto: Se lograron ventas\n",
    )


class ClaveRepetida(_Entrada):
    id = ENTRADA_CLAVE_REPETIDA
    nombre = "clave-repetida"
    mensaje = "Una clave aparece dos veces en el mismo bloque"
    doc = Documentacion(
        que_revisa="Que ninguna clave se repita dentro del mismo bloque del archivo.",
        por_que="YAML conserva solo el último valor de una clave repetida: el primero se pierde sin aviso.",
        ejemplo_falla="impacto: Ventas por $200 millones\nimpacto: Nuevos clientes\n",
        ejemplo_pasa="impacto: Ventas por $200 millones y nuevos clientes\n",
    )
