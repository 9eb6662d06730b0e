"""Suppressions that are wrong or left over. The suppression stage finds them (auditor.motor.supresiones);
they are rules here so that they are documented, configurable and reported like every other finding."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.modelo.informe import Informe
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad

SUPRESION_SIN_MOTIVO = "SUP001"
SUPRESION_REGLA_DESCONOCIDA = "SUP002"
SUPRESION_SOBRANTE = "SUP003"


class _Supresion(Regla):
    categoria = Categoria.SUPPRESSION

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        return iter(())  # reported by the suppression stage, after every other rule has run


class SupresionSinMotivo(_Supresion):
    id = SUPRESION_SIN_MOTIVO
    nombre = "supresion-sin-motivo"
    severidad = Severidad.WARNING
    mensaje = "Una supresión no dice por qué se acepta el hallazgo"
    doc = Documentacion(
        que_revisa="Que cada entrada de 'suprimir' (en una meta o en el informe) tenga un 'motivo' no vacío. Una supresión "
        "sin motivo no suprime nada: el hallazgo sigue saliendo y, además, se señala la supresión.",
        por_que="Suprimir un hallazgo es aceptar una contradicción a sabiendas; quien revise el informe después debe poder "
        "leer por qué se aceptó, y nadie debe poder callar un hallazgo sin decirlo.",
        ejemplo_falla="suprimir:\n  - regla: INV001\n    campo: inversion.ejecutada\n",
        ejemplo_pasa="suprimir:\n  - regla: INV001\n    campo: inversion.ejecutada\n"
        "    motivo: La ejecución se reporta en el informe de cierre (oficio 2025-114)\n",
        que_hacer="Escriba en la supresión el 'motivo' por el que se acepta el hallazgo.",
    )


class SupresionReglaDesconocida(_Supresion):
    id = SUPRESION_REGLA_DESCONOCIDA
    nombre = "supresion-regla-desconocida"
    severidad = Severidad.WARNING
    mensaje = "Una supresión nombra una regla que no existe"
    doc = Documentacion(
        que_revisa="Que la 'regla' de cada supresión sea el id de una regla del catálogo ('auditor rules'), con una "
        "sugerencia cuando está mal escrito.",
        por_que="Un id mal escrito ('INV01', 'inv001 ') no suprime nada: sin este aviso, el equipo creería aceptado un "
        "hallazgo que sigue saliendo, o no notaría que la supresión quedó inútil.",
        ejemplo_falla="suprimir:\n  - regla: INV01\n    motivo: Monto reportado en el informe de cierre\n",
        ejemplo_pasa="suprimir:\n  - regla: INV001\n    motivo: Monto reportado en el informe de cierre\n",
        que_hacer="Corrija el id de la regla en la supresión (vea 'auditor rules'), o quite la supresión.",
    )


class SupresionSobrante(_Supresion):
    id = SUPRESION_SOBRANTE
    nombre = "supresion-sobrante"
    severidad = Severidad.INFO
    mensaje = "Una supresión no coincide con ningún hallazgo"
    doc = Documentacion(
        que_revisa="Que cada supresión válida calle al menos un hallazgo de una regla que se revisó en esta ejecución "
        "(como 'unused-noqa' de ruff). Una supresión de una regla apagada o no seleccionada no se juzga.",
        por_que="Cuando el informe se corrige, la supresión sobra y debe quitarse: si se deja, callaría en silencio un "
        "defecto nuevo del mismo tipo en el mismo lugar.",
        ejemplo_falla="inversion:\n  ejecutada: 120\nsuprimir:\n  - regla: INV001\n    campo: inversion.ejecutada\n"
        "    motivo: Monto pendiente\n",
        ejemplo_pasa="inversion:\n  ejecutada: 120\n",
        que_hacer="Quite la supresión: el hallazgo que aceptaba ya no aparece.",
    )
