"""Reporters are pure functions of the findings, tested at a fixed width without color."""

from __future__ import annotations

import json

from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar
from auditor.reglas.observacion import Categoria
from auditor.salidas import json_documento, rich_consola, texto

from .conftest import FIXTURES, RAIZ


def test_rich_agrupa_por_informe_y_meta_con_lugar_campo_y_cita(auditor: Auditor) -> None:
    resultado = auditar(auditor, [FIXTURES / "fronteras_2024.yaml"])
    salida = rich_consola.render(resultado, ancho=120)
    lineas = [linea.rstrip() for linea in salida.splitlines()]
    i = lineas.index("  Meta 671 · 40 Capacitaciones realizadas sobre los deberes y derechos de la población migrante y reto…")
    ruta = str(FIXTURES / "fronteras_2024.yaml")
    assert lineas[i + 1 : i + 8] == [
        f"    {ruta}:187  error  PCT003",
        "      Avance del cuatrienio (%): La meta no declara porcentaje de cumplimiento del periodo ni de avance del cuatrienio:",
        "      con sus cantidades, el avance daría 5% (2 de 40)",
        f"    {ruta}:202  error  INV001",
        "      Inversión ejecutada: No se informa el monto ejecutado de la inversión",
        "      «$ millones»",
        "",
    ]
    assert "Resumen  13 hallazgos: 6 errores, 6 advertencias, 1 info" in salida
    assert "Metas con hallazgos: 6 de 6 auditadas en 1 archivo" in salida


def test_texto_plano_sin_color(auditor: Auditor) -> None:
    resultado = auditar(auditor, [FIXTURES / "fronteras_2024.yaml"])
    salida = texto.render(resultado)
    assert "\x1b[" not in salida
    assert f"{FIXTURES / 'fronteras_2024.yaml'}:202  error" in salida


def test_json_categorias_documentadas() -> None:
    esquema = json.loads((RAIZ / "docs" / "salida-json.schema.json").read_text(encoding="utf-8"))
    assert set(esquema["$defs"]["category"]["enum"]) == {c.value for c in Categoria}


def test_json_sin_hallazgos(auditor: Auditor) -> None:
    documento = json.loads(json_documento.render(auditar(auditor, [FIXTURES / "limpio_cultura_2024_2025.yaml"])))
    assert documento["findings"] == []
    assert documento["summary"]["by_severity"] == {"error": 0, "warning": 0, "info": 0}
