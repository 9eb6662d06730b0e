"""Baselines: accept today's findings, fail only on new ones; fingerprints follow content, not lines."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from auditor.motor.linea_base import ErrorLineaBase, aplicar, construir, leer
from auditor.reglas.catalogo import ErrorReglas
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo
from auditor.resultado.huellas import huella
from auditor.resultado.informe import ResultadoInforme

from .conftest import FIXTURES, INFORME_EN_REPO
from .conftest import correr as _correr

INFORME = INFORME_EN_REPO



def _json(*args: str) -> tuple[int, dict[str, Any]]:
    codigo, salida, _ = _correr("check", *args, "--format", "json")
    return codigo, json.loads(salida)


def _clave(f: dict[str, Any]) -> tuple[Any, ...]:
    """What a finding is, without its line."""
    return (f["rule"], f["meta"], f["field"], f["text"])


def _editar(ruta: Path, viejo: str, nuevo: str) -> None:
    texto = ruta.read_text(encoding="utf-8")
    assert texto.count(viejo) == 1, viejo
    ruta.write_text(texto.replace(viejo, nuevo), encoding="utf-8")


def test_la_linea_base_sobrevive_a_lineas_insertadas_y_un_defecto_nuevo_falla(repo: Path) -> None:
    codigo, antes = _json("informes")
    assert codigo == 1
    hoy = sorted(_clave(f) for f in antes["findings"])
    assert len(hoy) == 13 and ("INV001", "671", "inversion.ejecutada", "$ millones") in hoy

    codigo, salida, error = _correr("check", "informes", "--write-baseline", "linea-base.json", "--format", "text")
    assert codigo == 0
    assert "auditor: línea base escrita en linea-base.json: 13 hallazgos aceptados" in error
    assert "Suprimidos: 13 (línea base 13); no cuentan para el resultado" in salida

    # unrelated edits: comments and a new (empty) key at the top, a comment inside a meta, an amount rewritten
    informe = repo / INFORME
    texto = informe.read_text(encoding="utf-8")
    informe.write_text("# Revisado por control interno.\n# Segunda nota.\nsuprimir: []\n" + texto, encoding="utf-8")
    _editar(informe, '    eje: "MIGRANTES"\n    meta_cuatrienio:\n      cantidad: "4.500"',
            '    eje: "MIGRANTES"\n    # nota de la revisión\n    meta_cuatrienio:\n      cantidad: "4.500"')
    _editar(informe, 'programada: "$34.9 millones"', 'programada: "$34,9 millones"')
    codigo, sin_base = _json("informes")
    assert sorted(_clave(f) for f in sin_base["findings"]) == hoy  # the same findings ...
    assert [f["line"] for f in sin_base["findings"]] != [f["line"] for f in antes["findings"]]  # ... on other lines

    codigo, con_base = _json("informes", "--baseline", "linea-base.json")
    assert codigo == 0
    assert con_base["findings"] == []
    assert sorted(_clave(s["finding"]) for s in con_base["suppressed"]) == hoy
    assert {(s["kind"], s["source"], s["reason"]) for s in con_base["suppressed"]} == {
        ("baseline", "linea-base.json", "aceptado en la línea base")}
    assert con_base["summary"]["suppressed"] == 13
    assert con_base["summary"]["baseline"] == {"file": "linea-base.json", "fixed": 0}

    # a new defect: meta 663's executed amount left blank
    _editar(informe, '      programada: "$115.4 millones"\n      ejecutada: "$9 millones"',
            '      programada: "$115.4 millones"\n      ejecutada: ""')
    codigo, nuevo = _json("informes", "--baseline", "linea-base.json")
    assert codigo == 1
    linea = next(i for i, t in enumerate(informe.read_text(encoding="utf-8").splitlines(), 1) if t == '      ejecutada: ""')
    assert [(f["rule"], f["file"], f["line"], f["meta"], f["field"]) for f in nuevo["findings"]] == [
        ("INV001", INFORME, linea, "663", "inversion.ejecutada")]
    assert nuevo["summary"]["suppressed"] == 13


def test_lo_corregido_se_cuenta_para_actualizar_la_linea_base(repo: Path) -> None:
    assert _correr("check", "informes", "--write-baseline", "base.json")[0] == 0
    _editar(repo / INFORME, 'ejecutada: "$ millones"', 'ejecutada: "$5 millones"')  # meta 671 fixed
    codigo, salida, _ = _correr("check", "informes", "--baseline", "base.json", "--format", "text")
    assert codigo == 0
    assert "1 hallazgo de la línea base ya se corrigió: actualícela con --write-baseline base.json" in salida
    assert _json("informes", "--baseline", "base.json")[1]["summary"]["baseline"] == {"file": "base.json", "fixed": 1}
    # auditing another file does not count the baseline's entries for this one as fixed
    shutil.copy(FIXTURES / "limpio_cultura_2024_2025.yaml", repo / "limpio.yaml")
    assert _json("limpio.yaml", "--baseline", "base.json")[1]["summary"]["baseline"] == {"file": "base.json", "fixed": 0}


def test_archivo_legible_ordenado_y_determinista(repo: Path) -> None:
    _correr("check", "informes", "--write-baseline", "a.json")
    (repo / "sub").mkdir()
    shutil.copy(repo / INFORME, repo / "sub" / "x.yaml")
    _correr("check", "informes", "--write-baseline", "b.json")
    assert (repo / "a.json").read_bytes() == (repo / "b.json").read_bytes()
    datos = json.loads((repo / "a.json").read_text(encoding="utf-8"))
    assert datos["version"] == 1
    primera = datos["hallazgos"][0]
    assert set(primera) == {"huella", "regla", "archivo", "meta", "campo", "texto", "cantidad"}
    assert {e["archivo"] for e in datos["hallazgos"]} == {INFORME}
    metas = [e["meta"] for e in datos["hallazgos"]]
    assert metas == sorted(metas, key=lambda m: -1 if m is None else int(m))
    assert {"huella": primera["huella"], "regla": "BEN002", "archivo": INFORME, "meta": "80", "campo": "beneficiarios.descripcion",
            "texto": "Emprendedores y personas con unidades productivas de la región del Catatumbo.", "cantidad": 1} == primera
    assert [(e["regla"], e["campo"]) for e in datos["hallazgos"] if e["meta"] == "80"] == [
        ("BEN002", "beneficiarios.descripcion"), ("INV001", "inversion.ejecutada"), ("NOM001", "ejecucion.como"),
        ("OBJ001", "meta_cuatrienio.cantidad"), ("PCT004", "cumplimiento_periodo")]


def test_la_misma_linea_base_desde_otro_directorio(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files are named relative to the baseline, not to where the command runs."""
    _correr("check", "informes", "--write-baseline", "base.json")
    monkeypatch.chdir(repo / "informes")
    codigo, documento = _json("fronteras.yaml", "--baseline", "../base.json")
    assert codigo == 0 and documento["summary"]["suppressed"] == 13


def _f(texto: str | None, linea: int = 10, campo: str = "logro.texto", meta: str = "3", regla: str = "NOM001") -> Hallazgo:
    return Hallazgo(regla, Categoria.INCONSISTENT_NAME, Severidad.INFO, "mensaje", "informes/a.yaml", linea, meta, campo, texto)


def test_huella_sigue_el_contenido_no_la_linea(tmp_path: Path) -> None:
    base = huella(_f("ProColombia  y\nla UPFS"), tmp_path)
    assert huella(_f("procolombia y la upfs", linea=99), tmp_path) == base  # line, case and whitespace do not count
    assert huella(_f("ProColombia y la UPFS", campo="logro.texto"), tmp_path) == base
    assert huella(_f("x", campo="grupos[2].cantidad"), tmp_path) == huella(_f("x", campo="grupos[3].cantidad"), tmp_path)
    assert huella(_f("ProColombia y la UPFS", meta="4"), tmp_path) != base
    assert huella(_f("ProColombia y la UPFS", regla="NOM002"), tmp_path) != base
    assert huella(_f("Procolombina y la UPFS"), tmp_path) != base
    assert huella(_f("ProColombia y la UPFS"), tmp_path / "otra") != base  # the file is part of the identity
    sin_texto = Hallazgo("INV001", Categoria.MISSING_AMOUNT, Severidad.ERROR, "otro mensaje", "informes/a.yaml", 5, "3", "inversion.ejecutada")
    assert huella(sin_texto, tmp_path) == huella(Hallazgo(**{**sin_texto.__dict__, "mensaje": "message in English", "linea": 50}), tmp_path)


def test_multiconjunto_dos_aceptados_y_tres_encontrados(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    iguales = [_f("ProColombia", linea=n) for n in (10, 20, 30)]
    destino = tmp_path / "base.json"
    destino.write_text(construir(iguales[:2], destino), encoding="utf-8")
    assert json.loads(destino.read_text(encoding="utf-8"))["hallazgos"][0]["cantidad"] == 2
    resultado = Resultado([ResultadoInforme("informes/a.yaml", "x", [("3", "m")], list(iguales))])
    aplicar(resultado, leer(destino))
    assert [f.linea for f in resultado.hallazgos()] == [30]
    assert [s.hallazgo.linea for s in resultado.suprimidos] == [10, 20]


@pytest.mark.parametrize(("contenido", "esperado"), [
    ('{"version": 2, "hallazgos": []}', "base.json:1: versión 2 de línea base no soportada"),
    ('{"version": 1,\n "hallazgos": [\n  {"huella": "zz", "archivo": "a.yaml"}]}', "base.json:3: hallazgos.0.huella"),
    ('{"version": 1,\n "hallazgos": [],\n "fecha": "hoy"}', "base.json:3: fecha: clave desconocida"),
    ('{"version": 1, "hallazgos": [', "base.json:2: JSON no válido"),
])
def test_linea_base_mal_formada_es_error_de_uso(repo: Path, contenido: str, esperado: str) -> None:
    (repo / "base.json").write_text(contenido, encoding="utf-8")
    codigo, salida, error = _correr("check", "informes", "--baseline", "base.json")
    assert codigo == 2 and salida == ""
    assert error.startswith(f"auditor: error: {esperado}"), error


def test_linea_base_que_no_existe(repo: Path) -> None:
    codigo, _, error = _correr("check", "informes", "--baseline", "falta.json")
    assert codigo == 2
    assert "falta.json: no existe la línea base; créela con 'auditor check RUTAS --write-baseline falta.json'" in error


def test_no_escribe_la_linea_base_sobre_un_informe(repo: Path) -> None:
    antes = (repo / INFORME).read_bytes()
    codigo, _, error = _correr("check", INFORME, "--write-baseline", INFORME)
    assert codigo == 2 and "la línea base no puede ser uno de los archivos auditados" in error
    assert (repo / INFORME).read_bytes() == antes


@pytest.mark.parametrize(("contenido", "esperado"), [
    ('{"version": 1,\n "hallazgos": [],\n "nota": "Gobernaci\xf3n"}'.encode("latin-1"), "base.json:3: el archivo no está en UTF-8"),
    (b'{"version": 1,\n "version": 1, "hallazgos": []}', "base.json:2: clave 'version' repetida (ya aparece en la línea 1)"),
    (b"", "base.json:1: el archivo no tiene contenido: se esperaba una línea base"),
    (b"# solo un comentario\n", "base.json:1: el archivo no tiene contenido: se esperaba una línea base"),
])
def test_linea_base_ilegible_da_el_mensaje_de_la_linea_base(repo: Path, contenido: bytes, esperado: str) -> None:
    """A baseline that cannot be read stops the run (status 2) with the file and line, as a baseline error."""
    (repo / "base.json").write_bytes(contenido)
    codigo, salida, error = _correr("check", "informes", "--baseline", "base.json")
    assert codigo == 2 and salida == ""
    assert error.startswith(f"auditor: error: {esperado}"), error
    with pytest.raises(ErrorLineaBase) as excepcion:
        leer(repo / "base.json")
    assert not isinstance(excepcion.value, ErrorReglas)  # a baseline is not a rules file
    assert (excepcion.value.archivo, excepcion.value.linea) == (str(repo / "base.json"), int(esperado.split(":")[1]))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root lee cualquier archivo")
def test_linea_base_sin_permiso(repo: Path) -> None:
    base = repo / "base.json"
    base.write_text('{"version": 1, "hallazgos": []}', encoding="utf-8")
    base.chmod(0)
    codigo, _, error = _correr("check", "informes", "--baseline", "base.json")
    assert codigo == 2
    assert error == "auditor: error: base.json: no se puede leer: no hay permiso para leerlo\n"
