"""The date rules' parameters, tuned through the configuration as an office would in auditor.yaml."""

from __future__ import annotations

from typing import Any

from auditor.config import AjusteRegla, Configuracion
from auditor.engine import Auditor, auditar_cargado
from auditor.load import cargar_archivo, cargar_bytes

from .conftest import FIXTURES
from .test_load import CABECERA


def _hallazgos(auditor: Auditor, regla: str, texto: str, parametros: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    configuracion = Configuracion(ajustes={regla: AjusteRegla(parametros=parametros)})
    solo = Auditor(auditor.catalogo, configuracion, {regla})
    return [(f.meta, f.field) for f in auditar_cargado(solo, cargar_bytes(texto.encode(), "x.yaml")).findings]


TALLER = CABECERA + """metas:
  - numero: 1
    nombre: Talleres
    ejecucion:
      cuando: La ejecución inició en el último bimestre de la vigencia 2024 y culminó en junio de 2025.
    registro_fotografico: ["Taller de costos, del 7 al 11 de octubre de 2024."]
"""


def test_fec002_holgura_dias(auditor: Auditor) -> None:
    # the photo is three weeks before the last bimester of 2024
    assert _hallazgos(auditor, "FEC002", TALLER, {}) == [("1", "ejecucion.cuando")]
    assert _hallazgos(auditor, "FEC002", TALLER, {"holgura_dias": 31}) == []


FESTIVAL = CABECERA + """metas:
  - numero: 1
    nombre: Festivales
    ejecucion:
      como: El Festival del Café se realizó el 5 de mayo de 2025.
    registro_fotografico: ["Festival del Café, el 9 de agosto de 2025."]
"""


def test_fec003_exigir_sede_o_edicion(auditor: Auditor) -> None:
    assert _hallazgos(auditor, "FEC003", FESTIVAL, {}) == []
    assert _hallazgos(auditor, "FEC003", FESTIVAL, {"exigir_sede_o_edicion": False}) == [("1", "registro_fotografico[0]")]


def test_campos_donde_se_buscan_hechos(auditor: Auditor) -> None:
    texto = CABECERA + """metas:
  - numero: 1
    nombre: Ferias
    beneficiarios: {descripcion: Participantes de la feria del 5 de marzo de 2023.}
"""
    assert _hallazgos(auditor, "FEC001", texto, {}) == []
    assert _hallazgos(auditor, "FEC001", texto, {"campos": ["beneficiarios.descripcion"]}) == [("1", "beneficiarios.descripcion")]


def test_las_reglas_de_fechas_callan_en_el_informe_limpio(auditor: Auditor) -> None:
    solo = Auditor(auditor.catalogo, auditor.configuracion, {"FEC001", "FEC002", "FEC003"})
    assert auditar_cargado(solo, cargar_archivo(FIXTURES / "limpio_cultura_2024_2025.yaml")).findings == []
