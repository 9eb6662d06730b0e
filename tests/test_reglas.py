"""Every rule's must-flag and must-not-flag cases, as data in tests/reglas/<ID>.yaml.

Each case runs one rule on a fixture or a seed document (the seed reports first) or on an
inline document (YAML, or an imported text document when the case gives a `nombre` ending in .txt), with a
Plan Indicativo when the case gives one (`plan:`, see tests/plan_de_prueba.py: the files are then audited as a run),
and compares the exact list of findings: line, meta, field (and quoted text where given).
A meta-test fails when a rule has no case that flags or no case that must stay silent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor.entrada.carga import cargar_archivo, cargar_bytes
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar, auditar_cargado

from .conftest import RAIZ
from .plan_de_prueba import plan_de

CASOS_DIR = Path(__file__).parent / "reglas"


def _archivos_casos() -> list[Path]:
    return sorted(CASOS_DIR.glob("*.yaml"))


def _casos() -> list[Any]:
    parametros = []
    for ruta in _archivos_casos():
        datos = yaml.safe_load(ruta.read_text(encoding="utf-8"))
        for i, caso in enumerate(datos["casos"]):
            parametros.append(pytest.param(datos["regla"], caso, id=f"{datos['regla']}-{i}-{caso['nombre'][:50]}"))
    return parametros


def _hallazgos(auditor: Auditor, regla: str, caso: dict[str, Any], tmp_path: Path) -> list[Any]:
    # con_reglas: rules it needs to run too; plan: a Plan Indicativo given inline (tests/plan_de_prueba.py)
    plan = plan_de(caso["plan"]) if "plan" in caso else None
    solo = Auditor(auditor.catalogo, auditor.configuracion, {regla, *caso.get("con_reglas", [])}, plan=plan)
    if plan is not None and "documento" in caso:  # audited as a run, so that the run's own checks (PLN001, PLN009) are made
        nombre = caso["nombre"] if caso["nombre"].endswith((".txt", ".md", ".json", ".yaml")) else "caso.yaml"
        caso = {**caso, "directorio": {nombre: caso["documento"]}}
    if plan is not None and "archivo" in caso:
        return [f for f in auditar(solo, [str(RAIZ / caso["archivo"])]).hallazgos() if f.regla == regla]
    if "directorio" in caso:  # files of a folder audited by a directory walk, as 'auditor check CARPETA' does
        for nombre, contenido in caso["directorio"].items():
            (tmp_path / nombre).write_text(contenido, encoding="utf-8")
        return [f for f in auditar(solo, [str(tmp_path)]).hallazgos() if f.regla == regla]
    if "archivo" in caso:
        if not (RAIZ / caso["archivo"]).exists():
            pytest.skip(f"no está {caso['archivo']} (../shared/seeds)")
        cargado = cargar_archivo(RAIZ / caso["archivo"], caso["archivo"])
    else:
        cargado = cargar_bytes(caso["documento"].encode("utf-8"), caso.get("nombre", "caso.yaml"))
    return [f for f in auditar_cargado(solo, cargado).hallazgos if f.regla == regla]


def _forma(linea: int, meta: Any, campo: Any, esperado: dict[str, Any], texto: Any = None, mensaje: str = "") -> dict[str, Any]:
    forma = {"linea": linea, "meta": None if meta is None else str(meta), "campo": campo}
    if "texto" in esperado:
        forma["texto"] = texto
    if "mensaje_contiene" in esperado:
        forma["mensaje_contiene"] = esperado["mensaje_contiene"] if esperado["mensaje_contiene"] in mensaje else mensaje
    return forma


@pytest.mark.parametrize(("regla", "caso"), _casos())
def test_caso(auditor: Auditor, regla: str, caso: dict[str, Any], tmp_path: Path) -> None:
    hallazgos = _hallazgos(auditor, regla, caso, tmp_path)
    esperados = caso.get("senala", [])
    relleno = esperados + [{}] * max(0, len(hallazgos) - len(esperados))
    obtenidos = [_forma(f.linea, f.meta, f.campo, e, f.texto, f.mensaje) for f, e in zip(hallazgos, relleno, strict=False)]
    deseados = [_forma(e["linea"], e.get("meta"), e.get("campo"), e, e.get("texto"), e.get("mensaje_contiene", "")) for e in esperados]
    detalle = "\n".join(f"{f.linea} meta={f.meta} {f.campo}: {f.mensaje} «{f.texto}»" for f in hallazgos)
    assert obtenidos == deseados, detalle
    for silencio in caso.get("no_senala", []):
        meta = None if silencio.get("meta") is None else str(silencio["meta"])  # no meta: report-level parts (totales)
        campo = silencio.get("campo")
        culpables = [f for f in hallazgos if f.meta == meta and (campo is None or f.campo == campo)]
        assert not culpables, f"la meta {meta} no debe señalarse ({silencio.get('por_que', '')}): {culpables}"


def test_cada_regla_tiene_casos_que_senalan_y_que_no(auditor: Auditor) -> None:
    faltan = []
    for regla_id in auditor.catalogo.reglas:
        ruta = CASOS_DIR / f"{regla_id}.yaml"
        if not ruta.exists():
            faltan.append(f"{regla_id}: no hay {ruta.name}")
            continue
        casos = yaml.safe_load(ruta.read_text(encoding="utf-8"))["casos"]
        if not any(c.get("senala") for c in casos):
            faltan.append(f"{regla_id}: ningún caso que deba señalar")
        if not any(c.get("no_senala") or not c.get("senala") for c in casos):
            faltan.append(f"{regla_id}: ningún caso que no deba señalar")
    assert not faltan, "\n".join(faltan)


def test_no_hay_casos_de_reglas_inexistentes(auditor: Auditor) -> None:
    sobrantes = [r.stem for r in _archivos_casos() if r.stem not in auditor.catalogo.reglas]
    assert not sobrantes
