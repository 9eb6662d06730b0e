"""Inline suppressions (with a mandatory reason) and per-path overrides: suppressed, counted, never lost."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from auditor.motor.supresiones import coincide

from .conftest import FIXTURES, INFORME_EN_REPO, RAIZ
from .conftest import correr as _correr

INFORME = INFORME_EN_REPO
MOTIVO = "La ejecución se reporta en el informe de cierre (oficio 2025-114)"



def _json(*args: str) -> tuple[int, dict[str, Any]]:
    codigo, salida, _ = _correr("check", *args, "--format", "json")
    documento = json.loads(salida)
    jsonschema.validate(documento, json.loads((RAIZ / "docs" / "salida-json.schema.json").read_text(encoding="utf-8")))
    return codigo, documento


def _lugar(f: dict[str, Any]) -> tuple[Any, ...]:
    return (f["rule"], f["file"], f["line"], f["meta"], f["field"])


# meta 671 ends the file with `registro_fotografico`; a suppression is appended to it
def _suprimir_en_671(repo: Path, entrada: str) -> int:
    """Append `suprimir:` to meta 671 (the last one); return the line of the entry."""
    ruta = repo / INFORME
    texto = ruta.read_text(encoding="utf-8").rstrip("\n") + "\n"
    linea = texto.count("\n") + 2
    ruta.write_text(texto + "    suprimir:\n" + entrada, encoding="utf-8")
    return linea


def test_con_motivo_suprime_exactamente_ese_hallazgo(repo: Path) -> None:
    _, antes = _json("informes")
    linea = _suprimir_en_671(repo, f"      - regla: INV001\n        campo: inversion.ejecutada\n        motivo: \"{MOTIVO}\"\n")
    codigo, despues = _json("informes")
    suprimido = ("INV001", INFORME, 202, "671", "inversion.ejecutada")
    assert [_lugar(f) for f in antes["findings"] if _lugar(f) != suprimido] == [_lugar(f) for f in despues["findings"]]
    assert [(_lugar(s["finding"]), s["kind"], s["source"], s["reason"]) for s in despues["suppressed"]] == [
        (suprimido, "inline", f"{INFORME}:{linea}", MOTIVO)]
    assert despues["summary"]["suppressed"] == 1 and despues["summary"]["findings"] == 12
    assert despues["summary"]["by_severity"]["error"] == antes["summary"]["by_severity"]["error"] - 1
    assert codigo == 1  # the other errors still fail the run


def test_sin_motivo_no_suprime_y_se_senala_en_su_linea(repo: Path) -> None:
    linea = _suprimir_en_671(repo, "      - regla: INV001\n        campo: inversion.ejecutada\n")
    _, documento = _json("informes")
    assert documento["suppressed"] == []
    lugares = [_lugar(f) for f in documento["findings"]]
    assert ("INV001", INFORME, 202, "671", "inversion.ejecutada") in lugares
    sup = [f for f in documento["findings"] if f["rule"].startswith("SUP")]
    assert [(_lugar(f), f["severity"], f["category"], f["text"]) for f in sup] == [
        (("SUP001", INFORME, linea, "671", "suprimir[0].motivo"), "warning", "suppression", "INV001")]


def test_supresion_sobrante_y_regla_desconocida(repo: Path) -> None:
    linea = _suprimir_en_671(repo, f"      - regla: BEN001\n        motivo: \"{MOTIVO}\"\n      - regla: INV01\n        motivo: x\n")
    _, documento = _json("informes")
    sup = [(_lugar(f), f["message"]) for f in documento["findings"] if f["rule"].startswith("SUP")]
    assert sup == [
        (("SUP003", INFORME, linea, "671", "suprimir[0]"), "la supresión de BEN001 no coincide con ningún hallazgo: sobra (¿ya se corrigió?)"),
        (("SUP002", INFORME, linea + 2, "671", "suprimir[1].regla"), "la supresión nombra la regla desconocida 'INV01'; ¿quiso decir 'INV001'?"),
    ]


def test_al_nivel_del_informe_con_meta(repo: Path) -> None:
    texto = (repo / INFORME).read_text(encoding="utf-8")
    (repo / INFORME).write_text(f"suprimir:\n  - regla: PCT003\n    meta: 663\n    motivo: \"{MOTIVO}\"\n" + texto, encoding="utf-8")
    _, documento = _json("informes")
    assert [(s["finding"]["rule"], s["finding"]["meta"], s["source"]) for s in documento["suppressed"]] == [
        ("PCT003", "663", f"{INFORME}:2")]
    assert [f["meta"] for f in documento["findings"] if f["rule"] == "PCT003"] == ["671"]


def test_show_suppressed_lista_con_motivo_en_text_y_rich(repo: Path) -> None:
    _suprimir_en_671(repo, f"      - regla: INV001\n        motivo: \"{MOTIVO}\"\n")
    _, sin, _ = _correr("check", "informes", "--format", "text")
    assert "Suprimidos: 1 (en línea 1); no cuentan para el resultado (véalos con --show-suppressed)" in sin
    assert MOTIVO not in sin
    _, con, _ = _correr("check", "informes", "--format", "text", "--show-suppressed")
    assert "Hallazgos suprimidos (1):" in con
    fila = next(linea for linea in con.splitlines() if linea.startswith(f"{INFORME}:202 "))
    assert fila.split()[:5] == [f"{INFORME}:202", "INV001", "671", "inversion.ejecutada", "en"]
    assert fila.rstrip().endswith(MOTIVO)
    assert "Suprimidos: 1 (en línea 1); no cuentan para el resultado\n" in con
    _, rico, _ = _correr("check", "informes", "--show-suppressed")
    assert "Hallazgos suprimidos (1):" in rico and MOTIVO in rico
    _, ingles, _ = _correr("check", "informes", "--format", "text", "--show-suppressed", "--lang", "en")
    assert "Suppressed: 1 (inline 1); they do not count for the result" in ingles and "Suppressed findings (1):" in ingles


def _configurar(repo: Path, texto: str) -> None:
    (repo / "auditor.yaml").write_text(texto, encoding="utf-8")


def test_por_ruta_apaga_y_cambia_severidad_solo_bajo_el_patron(repo: Path) -> None:
    (repo / "borradores" / "2025").mkdir(parents=True)
    shutil.copy(FIXTURES / "fronteras_2024.yaml", repo / "borradores" / "2025" / "fronteras.yaml")
    _configurar(repo, 'por_ruta:\n  "borradores/**":\n    motivo: Borrador sin revisar\n'
                      "    reglas:\n      INV001: false\n      PCT003: {severidad: info}\n")
    _, documento = _json("informes", "borradores")
    borrador = "borradores/2025/fronteras.yaml"
    assert [(s["finding"]["file"], s["finding"]["rule"], s["finding"]["meta"], s["kind"], s["source"], s["reason"])
            for s in documento["suppressed"]] == [
        (borrador, "INV001", "80", "config", "auditor.yaml:5 (borradores/**)", "Borrador sin revisar"),
        (borrador, "INV001", "671", "config", "auditor.yaml:5 (borradores/**)", "Borrador sin revisar"),
    ]
    severidades = {(f["file"], f["meta"]): f["severity"] for f in documento["findings"] if f["rule"] == "PCT003"}
    assert severidades == {(borrador, "663"): "info", (borrador, "671"): "info", (INFORME, "663"): "error", (INFORME, "671"): "error"}
    assert [f["meta"] for f in documento["findings"] if f["rule"] == "INV001"] == ["80", "671"]  # informes/ untouched


def test_por_ruta_sin_motivo_dice_el_patron(repo: Path) -> None:
    _configurar(repo, 'por_ruta:\n  informes/fronteras.yaml:\n    reglas: {INV001: {activa: false}}\n')
    _, documento = _json("informes")
    assert {(s["source"], s["reason"]) for s in documento["suppressed"]} == {
        ("auditor.yaml:3 (informes/fronteras.yaml)", "regla apagada para 'informes/fronteras.yaml'")}


@pytest.mark.parametrize(("configuracion", "esperado"), [
    ('por_ruta:\n  "b/**":\n    regals: {INV001: false}\n', "auditor.yaml:3: clave desconocida 'regals'; ¿quiso decir 'reglas'? (válidas: reglas, motivo)"),
    ('por_ruta:\n  "b/**":\n    reglas: {INV001: {severidad: info, parametros: {}}}\n', "auditor.yaml:3: clave desconocida 'parametros'"),
    ('por_ruta:\n  "b/**":\n    reglas:\n      INV01: false\n', "auditor.yaml:4: por_ruta 'b/**': regla desconocida 'INV01'; ¿quiso decir 'INV001'?"),
    ('reglas: {INV001: false}\npor_ruta:\n  "b/**":\n    reglas:\n      INV001: true\n',
     "auditor.yaml:5: por_ruta 'b/**': la regla INV001 está apagada en 'reglas' y no se puede encender solo para una ruta"),
    ('por_rutas: {}\n', "auditor.yaml:1: clave desconocida 'por_rutas'; ¿quiso decir 'por_ruta'? (válidas: reglas, directorios_reglas, por_ruta, idioma, falla_en, excluir, tamano_maximo_mb, tiempo_expresiones_s, url_documentacion, plan, columnas, cache)"),
])
def test_errores_de_configuracion_por_ruta(repo: Path, configuracion: str, esperado: str) -> None:
    _configurar(repo, configuracion)
    codigo, salida, error = _correr("check", "informes")
    assert codigo == 2 and salida == ""
    assert error.startswith(f"auditor: error: {repo / esperado}"), error


@pytest.mark.parametrize(("patron", "ruta", "esperado"), [
    ("borradores/**", "borradores/a.yaml", True),
    ("borradores/**", "borradores/2025/a.yaml", True),
    ("borradores", "borradores/2025/a.yaml", True),
    ("borradores/", "borradores/a.yaml", True),
    ("borradores/*.yaml", "borradores/2025/a.yaml", False),
    ("**/borrador_*.yaml", "x/y/borrador_1.yaml", True),
    ("**/borrador_*.yaml", "borrador_1.yaml", True),
    ("*.yaml", "informes/a.yaml", False),
    ("informes/?.yaml", "informes/a.yaml", True),
    ("informes/[ab].yaml", "informes/c.yaml", False),
    ("./informes/a.yaml", "informes/a.yaml", True),
    ("informe", "informes/a.yaml", False),
])
def test_patrones_de_ruta(patron: str, ruta: str, esperado: bool) -> None:
    assert coincide(patron, ruta) is esperado


def test_sin_supresiones_los_fixtures_no_cambian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(RAIZ)
    codigo, documento = _json("fixtures")
    assert codigo == 1
    assert documento["summary"]["findings"] == 64 and documento["summary"]["suppressed"] == 0
    assert documento["summary"]["baseline"] is None and documento["suppressed"] == []
    _, texto, _ = _correr("check", "fixtures", "--format", "text")
    assert "Suprimidos" not in texto


def test_un_informe_con_todo_suprimido_no_dice_solo_sin_hallazgos() -> None:
    from auditor.reglas.observacion import Categoria, Severidad
    from auditor.resultado.ejecucion import Resultado
    from auditor.resultado.hallazgo import LINEA_BASE, Hallazgo, Suprimido
    from auditor.resultado.informe import ResultadoInforme
    from auditor.salidas import salida_de

    f = Hallazgo("INV001", Categoria.MISSING_AMOUNT, Severidad.ERROR, "No se informa el monto", "a.yaml", 9, "7", "inversion.ejecutada")
    aceptado = ResultadoInforme("a.yaml", "Informe", [("7", "Meta siete"), ("8", "Meta ocho")], [],
                                [Suprimido(f, LINEA_BASE, "linea-base.json", "aceptado en la línea base")])
    limpio = ResultadoInforme("b.yaml", "Otro", [("1", "Meta uno")], [])
    texto = salida_de("rich").render(Resultado([aceptado, limpio]))
    assert "Sin hallazgos en 2 metas (1 suprimidos)." in texto
    assert "Sin hallazgos en 1 metas." in texto
