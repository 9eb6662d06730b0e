"""Outputs for CI and auditors (sarif, junit, github, markdown, csv), produced from the seed fixtures.

SARIF is validated against the official OASIS schema shipped in tests/data/sarif/, JUnit is read back
by a JUnit reader (junitparser), CSV by the csv module; each asserts exact content for known findings.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from junitparser import Failure, JUnitXml

from auditor import idioma
from auditor.cli import main
from auditor.configuracion.configuracion import AjusteRegla, Configuracion
from auditor.motor.auditor import Auditor, preparar
from auditor.motor.auditoria import auditar
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo
from auditor.resultado.huellas import huella
from auditor.resultado.informe import ResultadoInforme
from auditor.salidas import FORMATOS, csv_filas, github, junit, markdown, salida_de, sarif

from .conftest import RAIZ

FRONTERAS = "fixtures/fronteras_2024.yaml"
DESARROLLO = "fixtures/desarrollo_economico_2024_2025.yaml"
LIMPIO = "fixtures/limpio_cultura_2024_2025.yaml"
NUEVOS = ("sarif", "junit", "github", "markdown", "csv")
ESQUEMA_SARIF = json.loads((RAIZ / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _en_raiz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Relative paths, as a user types them (and as CI passes them)."""
    monkeypatch.chdir(RAIZ)
    yield
    idioma.usar(idioma.POR_DEFECTO)


def _a_mano(*findings: Hallazgo, archivo: str = "informes/a.yaml") -> Resultado:
    """A result built by hand, for the escaping of hostile text."""
    return Resultado([ResultadoInforme(archivo, "Secretaría X — Gobernación Y, 2024", [("7", "Meta siete")], list(findings))])


def _hallazgo(**cambios: Any) -> Hallazgo:
    datos: dict[str, Any] = dict(regla="INV001", categoria=Categoria.MISSING_AMOUNT, severidad=Severidad.ERROR,
                                 mensaje="No se informa el monto ejecutado de la inversión", archivo="informes/a.yaml", linea=12,
                                 meta="7", campo="inversion.ejecutada", texto=None, ubicacion=None)
    datos.update(cambios)
    return Hallazgo(**datos)


# --- SARIF ---------------------------------------------------------------------------------------

def test_sarif_de_los_fixtures_valida_contra_el_esquema_oficial(auditor: Auditor) -> None:
    jsonschema.Draft4Validator.check_schema(ESQUEMA_SARIF)
    documento = json.loads(sarif.render(auditar(auditor, ["fixtures"])))
    jsonschema.Draft4Validator(ESQUEMA_SARIF).validate(documento)
    run = documento["runs"][0]
    assert len(run["results"]) == 64
    assert [r["level"] for r in run["results"]].count("error") == 26
    assert [r["level"] for r in run["results"]].count("note") == 8
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == sorted(ids) == sorted(auditor.catalogo.reglas)
    for resultado in run["results"]:
        assert ids[resultado["ruleIndex"]] == resultado["ruleId"]


@pytest.mark.parametrize("rutas", [[LIMPIO], ["no/existe.yaml"]])
def test_sarif_sin_hallazgos_o_con_una_ruta_que_falta_tambien_valida(auditor: Auditor, rutas: list[str]) -> None:
    documento = json.loads(sarif.render(auditar(auditor, rutas)))
    jsonschema.Draft4Validator(ESQUEMA_SARIF).validate(documento)
    assert [r["ruleId"] for r in documento["runs"][0]["results"]] == ([] if rutas == [LIMPIO] else ["ENT001"])


def test_sarif_un_hallazgo_conocido(auditor: Auditor) -> None:
    documento = json.loads(sarif.render(auditar(auditor, [FRONTERAS])))
    run = documento["runs"][0]
    resultado = next(r for r in run["results"] if r["ruleId"] == "INV001" and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 202)
    assert resultado == {
        "ruleId": "INV001",
        "ruleIndex": resultado["ruleIndex"],
        "level": "error",
        "message": {"text": "No se informa el monto ejecutado de la inversión"},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": "fixtures/fronteras_2024.yaml", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 202, "snippet": {"text": "$ millones"}},
            },
            "logicalLocations": [
                {"name": "meta 671", "kind": "module"},
                {"name": "inversion.ejecutada", "fullyQualifiedName": "meta 671/inversion.ejecutada", "kind": "member"},
            ],
        }],
        "partialFingerprints": {"auditorContentHash/v1": huella(
            next(f for f in auditar(auditor, [FRONTERAS]).hallazgos() if f.regla == "INV001" and f.linea == 202), RAIZ)},
        "properties": {"category": "missing_amount", "meta": "671", "field": "inversion.ejecutada"},
    }
    regla = run["tool"]["driver"]["rules"][resultado["ruleIndex"]]
    assert regla["id"] == "INV001"
    assert regla["name"] == "monto-ejecutado-faltante"
    assert regla["shortDescription"] == {"text": "No se informa el monto ejecutado de la inversión"}
    assert regla["defaultConfiguration"] == {"level": "error"}
    assert regla["properties"] == {"category": "missing_amount", "tags": ["missing_amount"]}
    assert regla["fullDescription"]["text"].startswith("Metas sin monto ejecutado: el campo no está, está en blanco")
    assert regla["help"]["text"].startswith("Qué revisa: Metas sin monto ejecutado")
    assert "\n\nPor qué importa: ¿Cuánto se invirtió? es una de las preguntas obligatorias" in regla["help"]["text"]
    assert run["language"] == "es"
    assert documento["version"] == "2.1.0"
    # every other known finding of that report, by rule, line and level
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"], r["level"]) for r in run["results"]][:5] == [
        ("OBJ001", 23, "warning"), ("PCT004", 28, "warning"), ("INV001", 31, "error"), ("BEN002", 36, "warning"), ("NOM001", 38, "note"),
    ]


def test_sarif_lleva_los_suprimidos_con_su_justificacion_y_la_huella_de_la_linea_base(tmp_path: Path) -> None:
    """Suppressed findings are SARIF results with `suppressions` (viewers hide them; nothing is lost), and the
    fingerprint is the baseline's: the same finding keeps it when lines are inserted above."""
    informe = tmp_path / "informe.yaml"
    texto = (RAIZ / FRONTERAS).read_text(encoding="utf-8")
    informe.write_text(texto, encoding="utf-8")
    base = tmp_path / "base.json"
    assert CliRunner().invoke(main, ["check", str(informe), "--write-baseline", str(base), "--format", "json"]).exit_code == 0
    informe.write_text("# una línea nueva\n# y otra\n" + texto, encoding="utf-8")
    salida = CliRunner().invoke(main, ["check", str(informe), "--baseline", str(base), "--format", "sarif"])
    assert salida.exit_code == 0
    documento = json.loads(salida.stdout)
    jsonschema.validate(documento, ESQUEMA_SARIF)
    resultados = documento["runs"][0]["results"]
    assert len(resultados) == 13 and all(r["suppressions"] == [{
        "kind": "external", "status": "accepted", "justification": f"aceptado en la línea base ({base})"}] for r in resultados)
    inv = next(r for r in resultados if r["ruleId"] == "INV001" and r["properties"]["meta"] == "671")
    assert inv["locations"][0]["physicalLocation"]["region"]["startLine"] == 204  # moved two lines down
    sin_lineas = json.loads(CliRunner().invoke(main, ["check", FRONTERAS, "--format", "sarif"]).stdout)["runs"][0]["results"]
    antes = next(r for r in sin_lineas if r["ruleId"] == "INV001" and r["properties"]["meta"] == "671")
    assert antes["locations"][0]["physicalLocation"]["region"]["startLine"] == 202
    # same content, same fingerprint: the file relative to the baseline's folder (huellas.raiz), never the current directory,
    # so it is the very fingerprint the baseline holds
    esperada = huella(Hallazgo(regla="INV001", categoria=Categoria.MISSING_AMOUNT, severidad=Severidad.ERROR, mensaje="",
                               archivo=str(informe), linea=1, meta="671", campo="inversion.ejecutada", texto="$ millones"), tmp_path)
    assert inv["partialFingerprints"] == {"auditorContentHash/v1": esperada}
    assert esperada in {e["huella"] for e in json.loads(base.read_text(encoding="utf-8"))["hallazgos"]}


def test_sarif_usa_la_severidad_efectiva_de_la_configuracion() -> None:
    auditor = preparar(Configuracion(ajustes={"INV001": AjusteRegla(severidad=Severidad.INFO)}))
    run = json.loads(sarif.render(auditar(auditor, [FRONTERAS])))["runs"][0]
    regla = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "INV001")
    assert regla["defaultConfiguration"] == {"level": "note"}
    assert {r["level"] for r in run["results"] if r["ruleId"] == "INV001"} == {"note"}


def test_sarif_rutas_absolutas_y_con_espacios_y_tildes(auditor: Auditor, tmp_path: Path) -> None:
    copia = tmp_path / "informe de niñez.yaml"
    copia.write_bytes((RAIZ / FRONTERAS).read_bytes())
    documento = json.loads(sarif.render(auditar(auditor, [copia])))
    jsonschema.Draft4Validator(ESQUEMA_SARIF).validate(documento)
    artefacto = documento["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artefacto == {"uri": "file://" + str(tmp_path).replace(" ", "%20") + "/informe%20de%20ni%C3%B1ez.yaml"}
    assert sarif.uri("informes/año 2024.yaml") == ("informes/a%C3%B1o%202024.yaml", "%SRCROOT%")
    assert sarif.uri("C:\\informes\\a.yaml") == ("file:///C%3A/informes/a.yaml", None)


def test_sarif_lleva_la_ubicacion_del_docx_y_reglas_que_el_resultado_no_describe() -> None:
    f = _hallazgo(ubicacion="tabla 2, fila 1, celda 3", regla="ZZZ001")
    documento = json.loads(sarif.render(_a_mano(f)))
    jsonschema.Draft4Validator(ESQUEMA_SARIF).validate(documento)
    run = documento["runs"][0]
    assert run["results"][0]["properties"]["location"] == "tabla 2, fila 1, celda 3"
    assert run["tool"]["driver"]["rules"] == [
        {"id": "ZZZ001", "defaultConfiguration": {"level": "error"}, "properties": {"category": "missing_amount", "tags": ["missing_amount"]}},
    ]


def test_sarif_en_ingles(auditor: Auditor) -> None:
    idioma.usar("en")
    run = json.loads(sarif.render(auditar(auditor, [FRONTERAS])))["runs"][0]
    assert run["language"] == "en"
    assert run["results"][0]["locations"][0]["logicalLocations"][0] == {"name": "target 80", "kind": "module"}
    assert next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "INV001")["help"]["text"].startswith("What it checks: ")


# --- JUnit ---------------------------------------------------------------------------------------

def test_junit_se_lee_con_un_lector_junit(auditor: Auditor) -> None:
    resultado = auditar(auditor, [FRONTERAS, LIMPIO])
    familias = sorted({junit.familia(r) for r in auditor.catalogo.reglas})
    assert familias[:3] == ["BEN", "CNT", "DUP"]
    xml = JUnitXml.fromstring(junit.render(resultado).encode("utf-8"))
    suites = {s.name: s for s in xml}
    assert list(suites) == [FRONTERAS, LIMPIO]
    fronteras = suites[FRONTERAS]
    assert fronteras.tests == (1 + 6) * len(familias)  # the report's general parts and its 6 metas, every family
    assert fronteras.failures == 12
    assert suites[LIMPIO].failures == 0 and suites[LIMPIO].tests == (1 + 3) * len(familias)
    casos = {c.name: c for c in fronteras}
    assert list(casos)[: len(familias)] == [f"informe · {f}" for f in familias]
    assert all(c.classname == FRONTERAS for c in fronteras)
    inv = casos["meta 80 · INV"]
    assert [(type(r), r.type, r.message) for r in inv.result] == [(Failure, "error", "1 hallazgo")]
    assert inv.result[0].text == f"{FRONTERAS}:31  error  INV001  inversion.ejecutada: No se informa el monto ejecutado de la inversión"
    ben = casos["meta 80 · BEN"]
    assert [(r.type, r.message) for r in ben.result] == [("warning", "1 hallazgo")]
    assert ben.result[0].text == (
        f"{FRONTERAS}:36  advertencia  BEN002  beneficiarios.descripcion: La población atendida se describe pero no se dice "
        "cuántas personas o unidades fueron\n    «Emprendedores y personas con unidades productivas de la región del Catatumbo.»"
    )
    nom = casos["meta 80 · NOM"]  # info: listed, not a failure
    assert nom.is_passed and nom.system_out.startswith(f"{FRONTERAS}:38  info  NOM001  ejecucion.como: «ProColombia»")
    assert casos["meta 80 · CNT"].is_passed and casos["meta 80 · CNT"].system_out is None
    assert [n for n, c in casos.items() if not c.is_passed and n.startswith("meta 663")] == ["meta 663 · EST", "meta 663 · LUG", "meta 663 · PCT"]


def test_junit_limpia_caracteres_que_xml_no_admite() -> None:
    f = _hallazgo(texto="monto\x00 con \x1b[31mcontrol\x0b", mensaje="a < b & c > d")
    xml = JUnitXml.fromstring(junit.render(_a_mano(f)).encode("utf-8"))
    caso = next(c for s in xml for c in s if c.name == "meta 7 · INV")
    # shown as visible escapes (a CI log must not get an ESC), not hidden as U+FFFD; \x0b is blank space to a quote
    assert caso.result[0].text == "informes/a.yaml:12  error  INV001  inversion.ejecutada: a < b & c > d\n    «monto\\u0000 con \\u001b[31mcontrol»"


# --- GitHub Actions ------------------------------------------------------------------------------

def test_github_una_anotacion_por_hallazgo(auditor: Auditor) -> None:
    lineas = github.render(auditar(auditor, [FRONTERAS])).splitlines()
    assert len(lineas) == 14
    assert lineas[2] == (
        "::error file=fixtures/fronteras_2024.yaml,line=31,title=INV001 monto-ejecutado-faltante::"
        "meta 80 · inversion.ejecutada: No se informa el monto ejecutado de la inversión"
    )
    assert lineas[4].startswith("::notice file=fixtures/fronteras_2024.yaml,line=38,title=NOM001 nombre-con-dos-escrituras::")
    assert lineas[1].endswith("El cumplimiento del periodo es 50%25 y ninguna sección explica por qué no se cumplió lo programado «50%25»")
    assert lineas[-1] == "auditor: hallazgos: 13 (errores: 6, advertencias: 6, info: 1); archivos auditados: 1"


def test_github_escapa_datos_y_propiedades() -> None:
    assert github.escapar_dato("50% a:b,c\r\nx") == "50%25 a:b,c%0D%0Ax"
    assert github.escapar_propiedad("50% a:b,c\r\nx") == "50%25 a%3Ab%2Cc%0D%0Ax"
    f = _hallazgo(archivo="informes/a,b:c.yaml", severidad=Severidad.WARNING, mensaje="línea 1\n::error::inyectada 100%",
                  texto=None, ubicacion="tabla 1, fila 2, celda 3")
    assert github.linea(f, "monto-ejecutado-faltante") == (
        "::warning file=informes/a%2Cb%3Ac.yaml,line=12,title=INV001 monto-ejecutado-faltante::"
        "meta 7 · inversion.ejecutada · tabla 1, fila 2, celda 3: línea 1%0A::error::inyectada 100%25"
    )


# --- Markdown ------------------------------------------------------------------------------------

def test_markdown_comentario_de_pull_request(auditor: Auditor) -> None:
    texto = markdown.render(auditar(auditor, [FRONTERAS, LIMPIO]))
    lineas = texto.splitlines()
    assert lineas[:9] == [
        "<!-- auditor -->",
        "### auditor: hallazgos: 13 (errores: 6, advertencias: 6, info: 1)",
        "",
        "Metas con hallazgos: 6 de 9 auditadas; archivos: 2.",
        "",
        "#### fixtures/fronteras_2024.yaml — Secretaría de Fronteras y Cooperación Internacional — Gobernación de Norte de Santander, 2024",
        "",
        "| lugar | severidad | regla | meta | campo | mensaje |",
        "|---|---|---|---|---|---|",
    ]
    assert lineas[11] == "| 31 | error | INV001 | 80 | Inversión ejecutada | No se informa el monto ejecutado de la inversión |"
    assert lineas[12] == (
        "| 36 | advertencia | BEN002 | 80 | ¿Qué población se atendió? | La población atendida se describe pero no se dice cuántas "
        "personas o unidades fueron «Emprendedores y personas con unidades productivas de la región del Catatumbo.» |"
    )
    assert lineas[-1] == "Sin hallazgos: fixtures/limpio_cultura_2024_2025.yaml."
    consejos = lineas.index("#### Qué hacer, por regla")  # once per rule with findings, after the tables
    assert lineas[consejos + 2].startswith("- **BEN001**: Diga a quién llegó la inversión")
    assert len([linea for linea in lineas if linea.startswith("| ") and linea[2].isdigit()]) == 13


def test_markdown_escapa_y_acorta() -> None:
    f = _hallazgo(mensaje="a | b <script>\nc", texto="x" * 100, ubicacion="tabla 1, fila 2, celda 3")
    filas = markdown.render(_a_mano(f)).splitlines()
    assert filas[-1] == (
        "| 12 (tabla 1, fila 2, celda 3) | error | INV001 | 7 | Inversión ejecutada | a \\| b &lt;script&gt; c «" + "x" * 79 + "…» |"
    )


def test_markdown_cabe_en_un_comentario_de_github() -> None:
    muchos = [_hallazgo(linea=i, mensaje="m" * 150) for i in range(1, 1001)]
    texto = markdown.render(_a_mano(*muchos))
    assert len(texto) <= markdown.LIMITE
    filas = [linea for linea in texto.splitlines() if linea.startswith("| ") and linea[2].isdigit()]
    assert filas[0].startswith("| 1 | error | INV001 |")
    omitidas = 1000 - len(filas)
    assert omitidas > 0
    assert texto.endswith(f"\n\n… y {omitidas} hallazgos más que no caben en un comentario: vea el informe completo "
                          "(por ejemplo, --format text o sarif).\n")


def test_markdown_sin_hallazgos(auditor: Auditor) -> None:
    assert markdown.render(auditar(auditor, [LIMPIO])) == "<!-- auditor -->\n### auditor: sin hallazgos\n\nMetas auditadas: 3; archivos: 1.\n"


# --- CSV -----------------------------------------------------------------------------------------

def _filas(texto: str) -> list[list[str]]:
    assert texto.startswith("\ufeff")
    return list(csv.reader(io.StringIO(texto[1:], newline="")))


def test_csv_una_fila_por_hallazgo(auditor: Auditor) -> None:
    texto = csv_filas.render(auditar(auditor, ["fixtures"]))
    filas = _filas(texto)
    assert filas[0] == ["archivo", "linea", "ubicacion", "informe", "meta", "campo", "regla", "categoria", "severidad", "mensaje", "texto"]
    assert len(filas) == 1 + 64
    assert ["fixtures/desarrollo_economico_2024_2025.yaml", "526", "",
            "Secretaría de Desarrollo Económico y Productividad — Gobernación de Norte de Santander, 2024-2025",
            "13", "inversion.ejecutada", "VAL001", "malformed_value", "error",
            "No se puede leer el número de «Inversión ejecutada»: '135, 2' no es un número en formato colombiano",
            "$135, 2 millones de pesos"] in filas
    assert '"$135, 2 millones de pesos"\r\n' in texto  # RFC 4180: quoted because of the comma, CRLF line ends


def test_csv_ida_y_vuelta_con_comillas_comas_saltos_y_formulas() -> None:
    texto_raro = 'Dijo "sí", luego\notra línea, y fin'
    f = _hallazgo(texto=texto_raro, mensaje="=HYPERLINK(\"http://x\")", ubicacion="tabla 2, fila 1, celda 3")
    filas = _filas(csv_filas.render(_a_mano(f)))
    assert filas[1] == ["informes/a.yaml", "12", "tabla 2, fila 1, celda 3", "Secretaría X — Gobernación Y, 2024", "7",
                        "inversion.ejecutada", "INV001", "missing_amount", "error", "'=HYPERLINK(\"http://x\")", texto_raro]
    assert [csv_filas.segura(v) for v in ("-5%", "+1", "@a", "ok-", "\tx")] == ["'-5%", "'+1", "'@a", "ok-", "'\tx"]


def test_csv_encabezado_en_ingles() -> None:
    idioma.usar("en")
    assert _filas(csv_filas.render(Resultado()))[0][:5] == ["file", "line", "location", "report", "target"]


# --- all of them ---------------------------------------------------------------------------------

@pytest.mark.parametrize("formato", NUEVOS)
def test_mismos_bytes_en_dos_ejecuciones_y_en_otro_orden(formato: str) -> None:
    primera = salida_de(formato).render(auditar(preparar(Configuracion()), [FRONTERAS, DESARROLLO, LIMPIO]))
    segunda = salida_de(formato).render(auditar(preparar(Configuracion()), [LIMPIO, DESARROLLO, FRONTERAS]))
    assert primera == segunda
    assert primera.encode("utf-8") == segunda.encode("utf-8")


@pytest.mark.parametrize("formato", NUEVOS)
def test_cli_escribe_cada_formato_con_output(formato: str, tmp_path: Path) -> None:
    destino = tmp_path / f"salida.{formato}"
    resultado = CliRunner().invoke(main, ["check", "fixtures", "--format", formato, "--output", str(destino)], catch_exceptions=False)
    assert resultado.exit_code == 1
    assert resultado.stdout == ""
    assert formato in FORMATOS
    assert destino.read_bytes() == salida_de(formato).render(auditar(preparar(Configuracion()), ["fixtures"])).encode("utf-8")
