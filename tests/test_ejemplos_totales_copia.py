"""The documented examples of the totals and copy-paste rules do what `auditor rules explain` says they do."""

from __future__ import annotations

import textwrap

import pytest

from auditor.entrada.carga import cargar_bytes
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar_cargado

CABECERA = """\
entidad: Gobernación de Norte de Santander
departamento: Norte de Santander
secretaria: Secretaría de Prueba
periodo: {desde: 2024, hasta: 2025}
fecha_corte: "2025-11"
plan: {nombre: Plan de Desarrollo 2024-2027, desde: 2024, hasta: 2027}
"""


def _documento(ejemplo: str) -> str:
    if ejemplo.lstrip().startswith(("totales:", "metas:")):
        return CABECERA + ejemplo
    # a fragment of one meta
    return CABECERA + "metas:\n  - numero: 9\n    nombre: Meta de prueba\n" + textwrap.indent(ejemplo, "    ")


@pytest.mark.parametrize("regla", ["TOT001", "TOT002", "TOT003", "TOT004", "DUP001", "DUP002"])
def test_el_ejemplo_que_falla_se_senala_y_el_correcto_no(auditor: Auditor, regla: str) -> None:
    doc = auditor.catalogo.reglas[regla].doc
    solo = Auditor(auditor.catalogo, auditor.configuracion, {regla})
    for ejemplo, esperados in ((doc.ejemplo_falla, 1), (doc.ejemplo_pasa, 0)):
        cargado = cargar_bytes(_documento(ejemplo).encode("utf-8"), "ejemplo.yaml")
        assert not cargado.problemas, cargado.problemas
        hallazgos = [f for f in auditar_cargado(solo, cargado).hallazgos if f.regla == regla]
        assert len(hallazgos) == esperados, (ejemplo, [f.mensaje for f in hallazgos])
