"""Reporters are pure functions of the findings, tested at a fixed width without color."""

from __future__ import annotations

import json
import re

import pytest

from auditor import idioma
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar
from auditor.reglas.observacion import Categoria
from auditor.salidas import csv_filas, github, json_documento, rich_consola, sarif, texto

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


# a field path as the data writes it: 'inversion.ejecutada', 'registro_fotografico[10]', 'totales[].metas', 'con_quien'
_RUTA = re.compile(r"\b[a-z_]+\.[a-z_]+\b|\[\d*\]|\b[a-z]+_[a-z_]+\b")


@pytest.mark.parametrize("lengua", ["es", "en"])
def test_los_mensajes_nombran_los_campos_con_las_palabras_de_la_plantilla(auditor: Auditor, lengua: str) -> None:
    idioma.usar(lengua)
    mensajes = [f.mensaje for f in auditar(auditor, [FIXTURES]).hallazgos()]
    assert len(mensajes) > 50
    assert [m for m in mensajes if _RUTA.search(m)] == []


def test_mensajes_con_el_nombre_del_campo_en_espanol_y_en_ingles(auditor: Auditor) -> None:
    def mensaje(regla: str, linea: int) -> str:
        resultado = auditar(auditor, [FIXTURES])
        return next(f.mensaje for f in resultado.hallazgos() if f.regla == regla and f.linea == linea)

    esperados = [
        ("VAL001", 526, "No se puede leer el número de «Inversión ejecutada»: '135, 2' no es un número en formato colombiano",
         "The number in «Investment executed» cannot be read: '135, 2' is not a number in Colombian format"),
        ("VAL002", 609, "El monto de «Inversión ejecutada» dice 'de pasos'", "The amount in «Investment executed» says 'de pasos'"),
        ("NOM001", 43, "«EmprandeFest» y «Emprende Fest» (meta 12, Registro fotográfico (foto 11)) parecen",
         "«EmprandeFest» and «Emprende Fest» (target 12, Photo record (photo 11)) look like"),
        ("NOM001", 121, "(meta 2, ¿Cuándo se realizó?)", "(target 2, When was it carried out?)"),
        ("CNT002", 535, "más que el total de beneficiarios (193 ciudadanos, en «¿Qué población se atendió? (total de beneficiarios)»)",
         "more than the total of beneficiaries (193 ciudadanos, in «Which population was served? (total of beneficiaries)»)"),
    ]
    for regla, linea, es, _ in esperados:
        assert es in mensaje(regla, linea), regla
    idioma.usar("en")
    for regla, linea, _, en in esperados:
        assert en in mensaje(regla, linea), regla


def test_los_formatos_de_maquina_guardan_la_ruta_del_campo(auditor: Auditor) -> None:
    resultado = auditar(auditor, [FIXTURES / "desarrollo_economico_2024_2025.yaml"])
    documento = json.loads(json_documento.render(resultado))
    val001 = next(f for f in documento["findings"] if f["rule"] == "VAL001" and f["line"] == 526)
    assert val001["field"] == "inversion.ejecutada" and "«Inversión ejecutada»" in val001["message"]
    resultado_sarif = next(r for r in json.loads(sarif.render(resultado))["runs"][0]["results"]
                           if r["ruleId"] == "VAL001" and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 526)
    assert {"name": "inversion.ejecutada", "fullyQualifiedName": "meta 13/inversion.ejecutada"}.items() <= next(
        lugar for lugar in resultado_sarif["locations"][0]["logicalLocations"] if lugar["name"] == "inversion.ejecutada").items()
    assert any(",13,inversion.ejecutada,VAL001," in fila for fila in csv_filas.render(resultado).splitlines())
    assert any("line=526," in linea and "meta 13 · inversion.ejecutada: No se puede leer el número de «Inversión ejecutada»" in linea
               for linea in github.render(resultado).splitlines())
