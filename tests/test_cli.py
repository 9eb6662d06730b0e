"""The command line as a user meets it: exit codes, formats, rules, schema, configuration."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from auditor import __version__

from .conftest import FIXTURES, RAIZ
from .conftest import correr as _correr

SEED_FRONTERAS = "fixtures/fronteras_2024.yaml"
SEED_DESARROLLO = "fixtures/desarrollo_economico_2024_2025.yaml"
LIMPIO = "fixtures/limpio_cultura_2024_2025.yaml"




def test_informe_limpio_sale_con_cero(en_raiz: None) -> None:
    codigo, salida, _ = _correr("check", LIMPIO, "--format", "text")
    assert codigo == 0
    assert "Resumen: 0 hallazgos (0 errores, 0 advertencias, 0 info) en 1 archivo" in salida
    assert "Metas con hallazgos: 0 de 3 auditadas" in salida


def test_fixtures_con_hallazgos_salen_con_uno(en_raiz: None) -> None:
    codigo, salida, _ = _correr("check", "fixtures", "--format", "text")
    assert codigo == 1
    assert "fixtures/fronteras_2024.yaml:202" in salida and "INV001" in salida
    assert "Metas con hallazgos: 24 de 27 auditadas" in salida


def test_fail_on(en_raiz: None) -> None:
    # Fronteras meta 80 only: warnings and errors; with --fail-on never the run passes
    assert _correr("check", SEED_FRONTERAS, "--fail-on", "never", "--format", "json")[0] == 0
    assert _correr("check", SEED_FRONTERAS, "--fail-on", "warning", "--format", "json")[0] == 1


def test_json_estable_y_documentado(en_raiz: None) -> None:
    _, primera, _ = _correr("check", "fixtures", "--format", "json")
    _, segunda, _ = _correr("check", "fixtures", "--format", "json")
    assert primera == segunda
    documento = json.loads(primera)
    esquema = json.loads((RAIZ / "docs" / "salida-json.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(documento, esquema)
    assert documento["version"] == 1
    hallazgo = next(f for f in documento["findings"] if f["rule"] == "VAL001")
    assert hallazgo == {
        "rule": "VAL001", "category": "malformed_value", "severity": "error", "file": SEED_DESARROLLO, "line": 526,
        "meta": "13", "field": "inversion.ejecutada",
        "message": "No se puede leer el número de «Inversión ejecutada»: '135, 2' no es un número en formato colombiano",
        "text": "$135, 2 millones de pesos", "location": None,
    }


def test_json_igual_bajo_otro_orden_de_argumentos(en_raiz: None) -> None:
    a = _correr("check", SEED_FRONTERAS, LIMPIO, "--format", "json")[1]
    b = _correr("check", LIMPIO, SEED_FRONTERAS, "--format", "json")[1]
    assert a == b


def test_error_de_entrada_sale_con_dos_y_audita_lo_demas(tmp_path: Path, en_raiz: None) -> None:
    malo = tmp_path / "malo.yaml"
    malo.write_text("entidad: [\n", encoding="utf-8")
    codigo, salida, _ = _correr("check", str(malo), LIMPIO, "--format", "text")
    assert codigo == 2
    assert f"{malo}:2" in salida and "ENT001" in salida
    assert "en 2 archivos" in salida and "Metas con hallazgos: 0 de 3 auditadas" in salida


def test_rules_lista_y_explain(en_raiz: None) -> None:
    codigo, salida, _ = _correr("rules")
    assert codigo == 0
    for regla in ("INV001", "PLH001", "PCT002", "BEN001", "SEC001", "EST003", "ENT002"):
        assert regla in salida
    codigo, salida, _ = _correr("rules", "explain", "PCT004")
    assert codigo == 0
    assert "Qué revisa" in salida and "Por qué importa" in salida and "Ejemplo que se señala" in salida and "Ejemplo correcto" in salida
    assert "umbral" in salida  # parameters are documented
    codigo, _, error = _correr("rules", "explain", "PCT04")
    assert codigo == 2 and "¿quiso decir" in error


def test_schema_valida_los_fixtures(en_raiz: None) -> None:
    codigo, salida, _ = _correr("schema")
    assert codigo == 0
    esquema = json.loads(salida)
    for fixture in sorted(FIXTURES.glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(fixture.read_text(encoding="utf-8")), esquema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"entidad": "G", "metas": [{"numero": 1, "nombre": "x", "impcto": ""}]}, esquema)


def test_configuracion_desactiva_y_cambia_severidad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "auditor.yaml").write_text(
        "reglas:\n  INV001: false\n  BEN002: {severidad: error}\n  PCT002: {parametros: {tolerancia: 30}}\n", encoding="utf-8"
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)  # found from the current directory upward
    _, salida, _ = _correr("check", str(RAIZ / SEED_FRONTERAS), "--format", "json")
    reglas = {(f["rule"], f["meta"], f["severity"]) for f in json.loads(salida)["findings"]}
    assert not any(r == "INV001" for r, _, _ in reglas)
    assert ("BEN002", "80", "error") in reglas
    assert not any(r == "PCT002" for r, _, _ in reglas)  # 30% vs 1,6% is within 30 points


@pytest.mark.parametrize(
    ("contenido", "esperado"),
    [
        ("reglas:\n  INV01: false\n", "auditor.yaml:2: regla desconocida 'INV01'; ¿quiso decir 'INV001'?"),
        ("regla:\n  INV001: false\n", "auditor.yaml:1: clave desconocida 'regla'; ¿quiso decir 'reglas'?"),
        ("reglas:\n  PCT002: {parametros: {toleranca: 1}}\n", "regla PCT002, parámetro 'toleranca': parámetro desconocido"),
        ("reglas:\n  PCT002: {severidad: grave}\n", "auditor.yaml:2:"),
        ("reglas:\n  PCT004: {severidad: alta}\n", "valor no permitido 'alta'; se espera uno de: error, warning, info"),
        ("reglas:\n  PCT002: {parametros: {tolerancia: uno}}\n", "se esperaba un número (se encontró un texto)"),
    ],
)
def test_configuracion_invalida_detiene_con_mensaje(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, contenido: str, esperado: str) -> None:
    (tmp_path / "auditor.yaml").write_text(contenido, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    codigo, salida, error = _correr("check", str(RAIZ / LIMPIO))
    assert codigo == 2 and salida == ""
    assert esperado in error
    assert "Traceback" not in error and "Input should" not in error  # Spanish, no pydantic English


def test_reglas_propias_sin_python(tmp_path: Path, en_raiz: None) -> None:
    propias = tmp_path / "reglas"
    propias.mkdir()
    (propias / "oficina.yaml").write_text(
        """patrones:
  - nombre: plantilla
    patrones:
      - frase: "Describa aquí los logros"
reglas:
  - id: OFI001
    nombre: impacto-corto
    tipo: campo_requerido
    categoria: empty_field
    severidad: warning
    campos: [ejecucion.con_quien]
    mensaje: "Falta con quién"
    doc: {que_revisa: x, por_que: y, ejemplo_falla: a, ejemplo_pasa: b}
""",
        encoding="utf-8",
    )
    informe = tmp_path / "informe.yaml"
    texto = (FIXTURES / "limpio_cultura_2024_2025.yaml").read_text(encoding="utf-8")
    texto = texto.replace("impacto: Circulación de 120 artistas", "impacto: Describa aquí los logros. Circulación de 120 artistas")
    informe.write_text(texto, encoding="utf-8")
    _, salida, _ = _correr("check", str(informe), "--rules", str(propias), "--format", "json")
    assert [(f["rule"], f["meta"], f["field"]) for f in json.loads(salida)["findings"]] == [("PLH001", "1", "impacto")]
    codigo, salida, _ = _correr("rules", "--rules", str(propias))
    assert codigo == 0 and "OFI001" in salida


@pytest.mark.parametrize(
    ("contenido", "esperado"),
    [
        ("reglas:\n  - id: X1\n", "reglas.0: falta 'tipo'"),
        ("reglas:\n  - {id: OFI001, tipo: magia}\n", "'tipo' debe ser uno de"),
        (
            (
                "reglas:\n  - id: OFI001\n    nombre: n\n    tipo: campo_requerido\n    categoria: empty_field\n    severidad: warning\n"
                "    campos: [impcto]\n    mensaje: m\n    doc: {que_revisa: x, por_que: y, ejemplo_falla: a, ejemplo_pasa: b}\n"
            ),
            "campo desconocido 'impcto'; ¿quiso decir 'impacto'?",
        ),
        ("patrones:\n  - nombre: plantilla\n    patrones: [{regex: '(sin cerrar'}]\n", "expresión regular no válida"),
        (
            (
                "reglas:\n  - id: INV001\n    nombre: n\n    tipo: campo_requerido\n    categoria: empty_field\n    severidad: warning\n"
                "    campos: [impacto]\n    mensaje: m\n    doc: {que_revisa: x, por_que: y, ejemplo_falla: a, ejemplo_pasa: b}\n"
            ),
            "la regla INV001 ya está definida",
        ),
        ("reglas: !!python/object/apply:os.system ['echo hola']\n", "etiqueta YAML no permitida"),
    ],
)
def test_archivo_de_reglas_malformado_detiene_la_ejecucion(tmp_path: Path, en_raiz: None, contenido: str, esperado: str) -> None:
    propias = tmp_path / "reglas"
    propias.mkdir()
    (propias / "mala.yaml").write_text(contenido, encoding="utf-8")
    codigo, salida, error = _correr("check", LIMPIO, "--rules", str(propias))
    assert codigo == 2 and salida == ""
    assert str(propias / "mala.yaml") in error and esperado in error


def test_python_m_y_version() -> None:
    salida = subprocess.run([sys.executable, "-m", "auditor", "--version"], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert salida.stdout.strip() == f"auditor {__version__}"


def test_reglas_incluidas_se_encuentran_en_el_paquete_instalado() -> None:
    from auditor.reglas.incluidas import directorio_reglas_incluidas

    directorio = directorio_reglas_incluidas()
    assert (directorio / "inversion.yaml").is_file() and (directorio / "patrones" / "plantilla.yaml").is_file()
    import auditor

    if "site-packages" in auditor.__file__:  # a non-editable install must carry its rules inside the package
        assert directorio.parent == Path(auditor.__file__).parent


def test_sin_informes_no_es_un_exito_silencioso(tmp_path: Path) -> None:
    codigo, salida, error = _correr("check", str(tmp_path))
    assert codigo == 2 and salida == ""
    assert "no se encontró ningún informe" in error


def test_mismo_directorio_en_configuracion_y_en_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    propias = tmp_path / "reglas_oficina"
    propias.mkdir()
    (propias / "oficina.yaml").write_text(
        "reglas:\n  - id: OFI001\n    nombre: n\n    tipo: campo_requerido\n    categoria: empty_field\n    severidad: warning\n"
        "    campos: [inversion.fuentes]\n    mensaje: m\n    doc: {que_revisa: x, por_que: y, ejemplo_falla: a, ejemplo_pasa: b}\n",
        encoding="utf-8",
    )
    (tmp_path / "auditor.yaml").write_text("directorios_reglas: [reglas_oficina]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    codigo, salida, _ = _correr("check", str(RAIZ / LIMPIO), "--rules", "reglas_oficina", "--format", "json")
    assert codigo == 0 and json.loads(salida)["findings"] == []


def test_tipo_de_regla_mal_escrito_da_linea_y_sugerencia(tmp_path: Path, en_raiz: None) -> None:
    propias = tmp_path / "reglas"
    propias.mkdir()
    (propias / "mala.yaml").write_text(
        "reglas:\n  - id: OFI001\n    nombre: n\n    tipo: campo_requerid\n    categoria: empty_field\n", encoding="utf-8"
    )
    codigo, _, error = _correr("check", LIMPIO, "--rules", str(propias))
    assert codigo == 2
    assert f"{propias / 'mala.yaml'}:4:" in error and "¿quiso decir 'campo_requerido'?" in error


def test_valor_no_permitido_sugiere(tmp_path: Path, en_raiz: None) -> None:
    informe = tmp_path / "informe.yaml"
    informe.write_text((FIXTURES / "limpio_cultura_2024_2025.yaml").read_text(encoding="utf-8").replace("plantilla: tabular", "plantilla: Tabular"),
                       encoding="utf-8")
    _, salida, _ = _correr("check", str(informe), "--format", "json")
    [hallazgo] = json.loads(salida)["findings"]
    assert hallazgo["rule"] == "ENT002" and hallazgo["line"] == 9
    assert "se espera uno de: tabular, narrativa, matriz (¿quiso decir 'tabular'?)" in hallazgo["message"]


def test_json_invalido_se_llama_json(tmp_path: Path) -> None:
    informe = tmp_path / "informe.json"
    informe.write_text('{"entidad": "x",\n', encoding="utf-8")
    _, salida, _ = _correr("check", str(informe), "--format", "json")
    [hallazgo] = json.loads(salida)["findings"]
    assert hallazgo["message"].startswith("JSON no válido")


def test_el_readme_documenta_cada_regla() -> None:
    from auditor.configuracion.configuracion import Configuracion
    from auditor.motor.auditor import preparar

    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    faltan = [regla.id for regla in preparar(Configuracion()).catalogo.ordenadas() if f"| {regla.id} | {regla.nombre} |" not in readme]
    assert not faltan, f"reglas sin fila en la tabla del README: {faltan}"


def test_check_punto_en_un_repositorio_de_informes_no_audita_la_configuracion_ni_las_reglas(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CI use case: `auditor check .` at the root of a report-data repository."""
    import re
    import shutil

    bloque = re.search(r"```yaml\n(patrones:.*?reglas:.*?)```", (RAIZ / "README.md").read_text(encoding="utf-8"), re.S)
    assert bloque is not None
    (tmp_path / "reglas_oficina").mkdir()
    (tmp_path / "reglas_oficina" / "oficina.yaml").write_text(bloque.group(1), encoding="utf-8")
    (tmp_path / "auditor.yaml").write_text("directorios_reglas: [reglas_oficina]\nreglas:\n  OFI001: false\n", encoding="utf-8")
    (tmp_path / "informes").mkdir()
    shutil.copy(RAIZ / LIMPIO, tmp_path / "informes" / "cultura.yaml")
    (tmp_path / "README.md").write_text("# Informes de la oficina\n\nDatos de los informes de rendición de cuentas.\n", encoding="utf-8")
    (tmp_path / "informes" / "notas.txt").write_text("Pendiente: revisar la meta 3 con la secretaría.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    codigo, salida, _ = _correr("check", ".", "--format", "text")
    assert codigo == 0, salida
    # one report audited; the notes are not a report: not audited, and said (an info note, the run still passes)
    lineas = [linea for linea in salida.splitlines() if " ENT006 " in linea]  # the finding's row, not the line of what to do
    assert len(lineas) == 1 and "notas.txt" in lineas[0] and "info" in lineas[0]
    assert "en 2 archivos" in salida and "README" not in salida and "oficina.yaml" not in salida
    # named on the command line, a text that is not a report is still an error, never an empty success
    codigo, salida, _ = _correr("check", "informes/notas.txt", "--format", "text")
    assert codigo == 2 and "no sigue ninguna de las plantillas" in salida


def test_fail_on_acepta_los_nombres_en_espanol(en_raiz: None) -> None:
    assert _correr("check", "fixtures/fronteras_2024.yaml", "--fail-on", "advertencia", "--format", "text")[0] == 1
    assert _correr("check", "fixtures/fronteras_2024.yaml", "--fail-on", "nunca", "--format", "text")[0] == 0


@pytest.mark.usefixtures("en_raiz")
@pytest.mark.parametrize("formato", ["json", "text", "rich"])
def test_output_escribe_lo_mismo_que_la_salida_estandar(formato: str, tmp_path: Path) -> None:
    destino = tmp_path / f"informe.{formato}"
    codigo, salida, _ = _correr("check", SEED_FRONTERAS, "--format", formato, "--output", str(destino))
    assert (codigo, salida) == (1, "")
    escrito = destino.read_text(encoding="utf-8")
    if formato == "rich":
        assert "Metas con hallazgos: 6 de 6 auditadas en 1 archivo" in escrito
        assert "\x1b[" not in escrito
    else:
        assert escrito == _correr("check", SEED_FRONTERAS, "--format", formato)[1]
    assert [p.name for p in tmp_path.iterdir()] == [destino.name]  # no temporary file left behind


@pytest.mark.usefixtures("en_raiz")
def test_output_nunca_sobre_un_archivo_auditado(tmp_path: Path) -> None:
    informe = tmp_path / "informe.yaml"
    informe.write_bytes((RAIZ / LIMPIO).read_bytes())
    antes = informe.read_bytes()
    codigo, _, error = _correr("check", str(informe), "--format", "json", "-o", str(informe))
    assert codigo == 2
    assert "la salida no puede ser uno de los archivos auditados" in error
    assert informe.read_bytes() == antes


@pytest.mark.usefixtures("en_raiz")
def test_errores_de_la_linea_de_comandos_en_ingles(tmp_path: Path) -> None:
    vacio = tmp_path / "vacio"
    vacio.mkdir()
    codigo, _, error = _correr("check", str(vacio), "--lang", "en")
    assert (codigo, error) == (2, f"auditor: error: no report found (.yaml, .yml, .json, .txt, .md, .docx) in: {vacio}\n")
    codigo, _, error = _correr("import", LIMPIO, "--lang", "en")
    assert codigo == 2 and error.startswith(f"auditor: error: {LIMPIO} is already a data file: 'auditor import' converts documents")
    codigo, _, error = _correr("check", LIMPIO, "--lang", "en", "--format", "json", "-o", LIMPIO)
    assert (codigo, error) == (2, f"auditor: error: {LIMPIO}: the output cannot be one of the audited files\n")


def test_una_salida_nunca_cae_sobre_un_informe_de_un_directorio_auditado(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    informe = tmp_path / "fronteras_2024.yaml"
    informe.write_bytes((RAIZ / SEED_FRONTERAS).read_bytes())
    antes = informe.read_bytes()
    monkeypatch.chdir(tmp_path)
    for args in (["check", ".", "--format", "json", "-o", "fronteras_2024.yaml"],
                 ["check", ".", "--format", "json", "-o", str(informe)],
                 ["check", ".", "--write-baseline", "./fronteras_2024.yaml"],
                 ["summary", ".", "--format", "csv", "-o", "fronteras_2024.yaml"]):
        codigo, _, error = _correr(*args)
        assert codigo == 2, args
        assert "no puede ser uno de los archivos auditados" in error
        assert informe.read_bytes() == antes


def test_lo_que_auditor_escribe_junto_a_los_informes_no_se_vuelve_a_leer_como_informe(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fronteras_2024.yaml").write_bytes((RAIZ / SEED_FRONTERAS).read_bytes())
    (tmp_path / "README.md").write_text("# Informes\n\nMeta # 1: cómo se organizan estos archivos.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _correr("check", ".", "--write-baseline", ".auditor-linea-base.json")[0] == 0
    for formato, archivo in (("json", "auditor.json"), ("sarif", "auditor.sarif.json"), ("markdown", "comentario.md")):
        assert _correr("check", ".", "--format", formato, "-o", archivo)[0] == 1
    codigo, salida, _ = _correr("check", ".", "--baseline", ".auditor-linea-base.json", "--format", "json")
    assert codigo == 0
    assert [r["file"] for r in json.loads(salida)["reports"]] == ["fronteras_2024.yaml"]
    # named on the command line, a file is always audited
    assert _correr("check", "README.md", "--format", "json")[0] == 2


@pytest.mark.usefixtures("en_raiz")
def test_lo_escrito_conserva_los_permisos_o_toma_los_de_la_umask(tmp_path: Path) -> None:
    nuevo, existente = tmp_path / "nuevo.json", tmp_path / "existente.html"
    existente.write_text("viejo", encoding="utf-8")
    existente.chmod(0o664)
    anterior = os.umask(0o022)
    try:
        assert _correr("check", LIMPIO, "--format", "json", "-o", str(nuevo))[0] == 0
        assert _correr("check", LIMPIO, "--format", "html", "-o", str(existente))[0] == 0
    finally:
        os.umask(anterior)
    assert (nuevo.stat().st_mode & 0o777, existente.stat().st_mode & 0o777) == (0o644, 0o664)
    assert existente.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.usefixtures("en_raiz")
def test_escribir_en_un_directorio_que_no_existe_lo_dice(tmp_path: Path) -> None:
    destino = tmp_path / "no_hay" / "x.json"
    codigo, _, error = _correr("check", LIMPIO, "--format", "json", "-o", str(destino))
    assert (codigo, error) == (2, f"auditor: error: {destino}: no se puede escribir: no existe el directorio {destino.parent}\n")


def test_la_configuracion_acepta_advertencia_como_la_escribe_la_salida(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "auditor.yaml").write_text("reglas:\n  INV001: {severidad: advertencia}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    codigo, salida, _ = _correr("rules")
    assert codigo == 0
    fila = next(linea for linea in salida.splitlines() if linea.startswith("INV001"))
    assert fila.split()[:4] == ["INV001", "monto-ejecutado-faltante", "missing_amount", "advertencia"]
    codigo, salida, _ = _correr("check", str(RAIZ / SEED_FRONTERAS), "--format", "json")
    assert {f["severity"] for f in json.loads(salida)["findings"] if f["rule"] == "INV001"} == {"warning"}


def test_el_comentario_y_la_pagina_cuentan_los_suprimidos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fronteras_2024.yaml").write_bytes((RAIZ / SEED_FRONTERAS).read_bytes())
    monkeypatch.chdir(tmp_path)
    linea = "Suprimidos: 13 (línea base 13); no cuentan para el resultado (véalos con --show-suppressed)"
    _, markdown, _ = _correr("check", ".", "--write-baseline", "base.json", "--format", "markdown")
    assert markdown.splitlines()[-1] == linea
    _, html, _ = _correr("check", ".", "--baseline", "base.json", "--format", "html")
    assert f'<p class="suprimidos">{linea}</p>' in html


def test_rules_explain_ve_las_reglas_propias_con_rules_en_cualquier_orden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    bloque = re.search(r"```yaml\n(patrones:.*?reglas:.*?)```", (RAIZ / "README.md").read_text(encoding="utf-8"), re.S)
    assert bloque is not None
    (tmp_path / "reglas_oficina").mkdir()
    (tmp_path / "reglas_oficina" / "oficina.yaml").write_text(bloque.group(1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for args in (["rules", "explain", "OFI001", "--rules", "reglas_oficina"], ["rules", "--rules", "reglas_oficina", "explain", "OFI001"]):
        codigo, salida, _ = _correr(*args)
        assert codigo == 0, args
        assert salida.startswith("OFI001 · ")
    assert _correr("rules", "explain", "OFI001")[0] == 2


def test_un_recorrido_no_lee_las_salidas_de_texto_del_auditor_y_si_cada_plantilla(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text or rich report saved beside the reports is not read back as a report on the next run (it
    quotes metas but follows no layout); a document whose metas open with 'Meta 12:' or 'META DE PRODUCTO 7.'
    is one, found as the importer finds it."""
    (tmp_path / "informes").mkdir()
    shutil.copy(RAIZ / "fixtures" / "fronteras_2024.yaml", tmp_path / "informes" / "fronteras.yaml")
    (tmp_path / "informes" / "social.txt").write_text(
        "Secretaría de Prueba\nGobernación de Norte de Santander\nDiciembre de 2024\n\n"
        "META DE PRODUCTO 7. Jornadas de salud en zona rural\n\nSe realizaron 3 jornadas.\n\n"
        "Meta 12: Kits entregados\n\nSe entregaron 40 kits.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for formato, nombre in (("rich", "auditoria.txt"), ("text", "auditoria2.txt"), ("rich", "auditoria.md")):
        codigo, _, _ = _correr("check", "informes", "--format", formato, "-o", f"informes/{nombre}")
        assert codigo in (0, 1)
    codigo, salida, _ = _correr("check", "informes", "-q")
    archivos = sorted({linea.split(":")[0] for linea in salida.splitlines() if linea.strip()})
    assert archivos == ["informes/fronteras.yaml", "informes/social.txt"], salida
