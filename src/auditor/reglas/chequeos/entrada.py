"""Input problems. The loader finds them; they are rules here so that they are documented,
configurable and reported like every other finding."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.entrada.problemas import (
    ENTRADA_CLAVE_REPETIDA,
    ENTRADA_ESTRUCTURA,
    ENTRADA_ILEGIBLE,
    ENTRADA_OMITIDA,
    ENTRADA_SIN_UBICAR,
    ENTRADA_SUPUESTO,
)
from auditor.modelo.informe import Informe
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad


class _Entrada(Regla):
    categoria = Categoria.INPUT_ERROR
    severidad = Severidad.ERROR

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        return iter(())  # reported by the loader, before there is a report to look at


class InformeIlegible(_Entrada):
    id = ENTRADA_ILEGIBLE
    nombre = "archivo-ilegible"
    mensaje = "El archivo no se puede leer como informe"
    doc = Documentacion(
        que_revisa="Que cada archivo se pueda leer: un YAML o JSON válido, en UTF-8, no vacío y con un solo documento; un documento "
        "(.docx, texto, Markdown) que siga una plantilla del informe, con sus encabezados de meta; un .doc, .pdf u .odt se "
        "nombra por lo que es.",
        por_que="Un archivo que no se puede leer no se audita: el revisor debe saberlo, con la línea del problema, "
        "en lugar de creer que el informe no tiene hallazgos.",
        ejemplo_falla="metas:\n  - numero: 1\n    nombre: \"Rondas de negociación\n",
        ejemplo_pasa="metas:\n  - numero: 1\n    nombre: \"Rondas de negociación\"\n",
        que_hacer="Corrija el archivo en la línea señalada (YAML o JSON válido, UTF-8, un solo documento); en un documento, escriba los "
        "encabezados de meta de la plantilla («Meta # N», «Meta N:») o describa la plantilla de la oficina en un perfil propio "
        "(--rules), o guarde un .doc, .pdf u .odt como .docx; y vuelva a auditarlo.",
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
        que_hacer="Corrija la clave o el valor señalado como lo pide el formato de datos (la sugerencia da la clave correcta).",
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
        que_hacer="Deje la clave una sola vez en el bloque, con el valor correcto.",
    )


class ParteSinUbicar(_Entrada):
    id = ENTRADA_SIN_UBICAR
    nombre = "parte-sin-ubicar"
    # The document was read and audited: what could not be placed is for the reviewer to look at, not a file
    # that could not be audited (error, exit status 2, which no --fail-on could lower).
    severidad = Severidad.WARNING
    mensaje = "Una parte del documento no corresponde a ningún campo de la plantilla"
    doc = Documentacion(
        que_revisa="Al importar un documento (texto exportado o .docx), que cada párrafo caiga en un campo de la plantilla: "
        "un texto fuera de toda pregunta, un párrafo de más en la plantilla narrativa, una portada sin secretaría o el contenido "
        "que un .docx incrusta de otro archivo (altChunk, que no se puede leer) se informan con su línea.",
        por_que="Nada del documento se descarta en silencio: lo que el importador no sabe ubicar tampoco se audita, y el "
        "revisor debe saberlo para corregir el documento o revisarlo a mano.",
        ejemplo_falla="Meta # 4 Rondas de negociación\nTexto suelto antes de cualquier pregunta de la plantilla\n"
        "¿Qué se hizo? 3 rondas de negociación\n",
        ejemplo_pasa="Meta # 4 Rondas de negociación\n¿Qué se hizo? 3 rondas de negociación\n",
        que_hacer="Ponga ese texto bajo la pregunta de la plantilla que le corresponde, o quítelo si no es parte del informe.",
    )


class DatoSupuesto(_Entrada):
    id = ENTRADA_SUPUESTO
    nombre = "dato-supuesto"
    severidad = Severidad.INFO
    mensaje = "El documento no dice un dato de la portada y el importador lo supuso"
    doc = Documentacion(
        que_revisa="Al importar un documento, los datos de la portada que no están escritos y se deducen: la fecha de corte "
        "de un informe que solo dice su año (diciembre de ese año) y el Plan de Desarrollo que no se nombra (el cuatrienio "
        "que contiene el periodo). También el texto oculto de un .docx (formato 'Oculto' de Word): no se imprime ni se publica, "
        "así que no se lee como respuesta, y se avisa con su párrafo.",
        por_que="Las reglas de fechas y de avance dependen de esos datos; el revisor debe saber que son supuestos y "
        "completarlos en la portada si no son los del informe.",
        ejemplo_falla="Rendición de Cuentas\n2024\nSECRETARÍA DE FRONTERAS\n",
        ejemplo_pasa="Rendición de Cuentas 2024\nSecretaría de Fronteras\nPlan de Desarrollo 2024-2027\nDiciembre de 2024\n",
        que_hacer="Si el dato supuesto no es el del informe, escríbalo en la portada; el texto oculto, muéstrelo o bórrelo.",
    )


class DocumentoOmitido(_Entrada):
    id = ENTRADA_OMITIDA
    nombre = "documento-omitido"
    # The walk went on: a note, not a failure of the run; the reviewer learns that this file was not audited.
    severidad = Severidad.INFO
    mensaje = "Un documento de la carpeta no sigue ninguna plantilla del informe y no se audita"
    doc = Documentacion(
        que_revisa="Al auditar una carpeta, los documentos de texto (.txt, .md) que no siguen ninguna plantilla del informe "
        "(ni metas 'Meta # N', 'Meta N:', 'Meta cuatrienio N:', ni una tabla de metas): no se auditan, y se dice cuáles. Los "
        "README y los archivos que escribió el propio auditor se saltan sin nota. Un archivo nombrado en la línea de órdenes "
        "siempre se audita (y, si no se puede leer, ENT001 dice por qué).",
        por_que="Un borrador escrito de otra forma no debe pasar por auditado: quien revisa la carpeta debe saber que ese "
        "archivo no se leyó.",
        ejemplo_falla="(en una carpeta, notas.md)\n# Notas de la reunión\nPendiente enviar el borrador.\n",
        ejemplo_pasa="(en una carpeta, informe.txt)\nMeta # 1 Ferias de emprendimiento\n¿Qué se hizo? 3 ferias\n",
        que_hacer="Si el documento es un informe, dele la forma de la plantilla ('Meta N:' o la tabla de metas); si no "
                  "lo es, no hay nada que hacer.",
    )
