"""The date rules' parameters, tuned through the configuration as an office would in auditor.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from auditor.configuracion import ErrorConfiguracion
from auditor.configuracion.configuracion import AjusteRegla, Configuracion, cargar_configuracion
from auditor.entrada.carga import cargar_archivo, cargar_bytes
from auditor.motor.auditor import Auditor, preparar
from auditor.motor.auditoria import auditar_cargado

from .conftest import FIXTURES
from .test_entrada_invalida import CABECERA


def _hallazgos(auditor: Auditor, regla: str, texto: str, parametros: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    configuracion = Configuracion(ajustes={regla: AjusteRegla(parametros=parametros)})
    solo = Auditor(auditor.catalogo, configuracion, {regla})
    return [(f.meta, f.campo) for f in auditar_cargado(solo, cargar_bytes(texto.encode(), "x.yaml")).hallazgos]


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
    assert auditar_cargado(solo, cargar_archivo(FIXTURES / "limpio_cultura_2024_2025.yaml")).hallazgos == []


COHERENTE = CABECERA + """metas:
  - numero: 1
    nombre: Ferias y ruedas de negocio
    logro: {texto: "2 ferias realizadas: Feria Regional del Café 2024 y Feria Regional del Café 2025"}
    ejecucion:
      como: >-
        En el marco de la Ley 2069 de 2020 y del Plan de Desarrollo 2024-2027, y frente a la línea base 2023, se
        organizó la Feria Regional del Café en el Parque Santander los días 5 y 6 de septiembre de 2024. Una nueva
        edición se realizó el 12 de septiembre de 2025. Desde su creación en 2019 la feria ha crecido; antes de 2020
        no existía. La próxima versión está proyectada para marzo de 2026. Se entregaron 2025 kits a 2000 familias.
        El convenio No. 2024-118 sigue vigente hasta diciembre de 2026.
      con_quien: Cámara de Comercio de Cúcuta, según el Decreto 1072 de 2015.
      cuando: Vigencias 2024 y 2025.
    impacto: Las ventas pasaron de $120 millones en 2023 a $310 millones en 2025.
    registro_fotografico:
      - Feria Regional del Café 2024, 5 de septiembre de 2024 en el Parque Santander.
      - Feria Regional del Café, el 12 de septiembre de 2025 en el Parque Santander.
      - Rueda de negocios, Cámara de Comercio de Cúcuta, 2025.
  - numero: 2
    nombre: Capacitaciones
    ejecucion:
      como: Los talleres iniciaron el 3 de febrero de 2025 y continúan; el último se hizo el 14 de noviembre de 2025.
      cuando: Desde el 3 de febrero de 2025.
    registro_fotografico:
      - Taller de costos, 14 de noviembre de 2025.
      - Taller de mercadeo, 5 de junio.
"""


def test_un_informe_coherente_no_tiene_hallazgos_de_fechas(auditor: Auditor) -> None:
    solo = Auditor(auditor.catalogo, auditor.configuracion, {"FEC001", "FEC002", "FEC003"})
    hallazgos = auditar_cargado(solo, cargar_bytes(COHERENTE.encode(), "x.yaml")).hallazgos
    assert [(f.regla, f.meta, f.campo, f.mensaje) for f in hallazgos] == []


def test_un_campo_desconocido_es_un_error_de_configuracion(tmp_path: Path) -> None:
    archivo = tmp_path / "auditor.yaml"
    archivo.write_text("reglas:\n  FEC001: {parametros: {campos: [ejecucion.cuandoo]}}\n", encoding="utf-8")
    with pytest.raises(ErrorConfiguracion, match="'ejecucion.cuandoo' no es un campo de la meta"):
        preparar(cargar_configuracion(archivo))
