"""The layout: stages in one direction, no import cycle.

Every import of an ``auditor`` module is read with ``ast`` (those inside functions and under
``TYPE_CHECKING`` too: a type is a dependency as well) and checked against the order of the stages:
a module may import its own stage and the stages before it, never a later one, and no chain of imports
may come back to where it started. The failure names the edge or the cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

FUENTES = Path(__file__).resolve().parents[1] / "src" / "auditor"

# The order in which the stages may import each other (each one only itself and those before it).
# `idioma` (the messages in Spanish and English) and the package root (its version) serve every stage;
# `clic` is Click's own words in the run's language, installed by `cli` before Click parses.
ETAPAS = ("idioma", "lectura", "modelo", "entrada", "reglas", "configuracion", "resultado", "motor", "salidas", "clic", "cli")


def _modulo(archivo: Path) -> str:
    partes = list(archivo.relative_to(FUENTES.parent).with_suffix("").parts)
    if partes[-1] == "__init__":
        partes.pop()
    return ".".join(partes)


def _etapa(modulo: str) -> int | None:
    """The rank of a module's stage; None for the package root and ``__main__``."""
    partes = modulo.split(".")
    if len(partes) == 1 or partes[1] == "__main__":
        return None
    return ETAPAS.index(partes[1])


def _importados(archivo: Path, modulo: str, modulos: set[str]) -> set[str]:
    """The auditor modules that `archivo` imports: each ``from X import y`` is X.y when that is a module, else X."""
    paquete = modulo.split(".") if archivo.name == "__init__.py" else modulo.split(".")[:-1]
    salida = set()
    for nodo in ast.walk(ast.parse(archivo.read_text(encoding="utf-8"))):
        if isinstance(nodo, ast.Import):
            salida.update(a.name for a in nodo.names if a.name.split(".")[0] == "auditor")
        elif isinstance(nodo, ast.ImportFrom):
            base = ".".join(paquete[: len(paquete) - nodo.level + 1] + [nodo.module or ""]).strip(".") if nodo.level else nodo.module
            if not base or base.split(".")[0] != "auditor":
                continue
            for alias in nodo.names:
                salida.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modulos else base)
    return salida - {modulo}


def _grafo() -> dict[str, set[str]]:
    archivos = {_modulo(a): a for a in FUENTES.rglob("*.py")}
    return {m: _importados(a, m, set(archivos)) for m, a in archivos.items()}


def test_cada_modulo_pertenece_a_una_etapa() -> None:
    sueltos = [m for m in _grafo() if m.count(".") >= 1 and m.split(".")[1] not in (*ETAPAS, "__main__")]
    assert sueltos == [], f"módulos fuera de las etapas {ETAPAS}: {sueltos}"


def test_ninguna_etapa_importa_una_posterior() -> None:
    hacia_atras = []
    for modulo, importados in sorted(_grafo().items()):
        origen = _etapa(modulo)
        for importado in sorted(importados):
            destino = _etapa(importado)
            if origen is not None and destino is not None and destino > origen:
                hacia_atras.append(f"{modulo} -> {importado}")
    assert hacia_atras == [], "importaciones hacia una etapa posterior:\n" + "\n".join(hacia_atras)


def test_sin_ciclos_de_importacion() -> None:
    grafo = _grafo()
    ciclos: list[list[str]] = []
    estado: dict[str, int] = {}  # 1: on the current path, 2: done
    camino: list[str] = []

    def visitar(m: str) -> None:
        estado[m] = 1
        camino.append(m)
        for siguiente in sorted(grafo.get(m, ())):
            if siguiente not in grafo:
                continue
            if estado.get(siguiente) == 1:
                ciclos.append(camino[camino.index(siguiente):] + [siguiente])
            elif siguiente not in estado:
                visitar(siguiente)
        camino.pop()
        estado[m] = 2

    for modulo in sorted(grafo):
        if modulo not in estado:
            visitar(modulo)
    assert ciclos == [], "ciclos de importación:\n" + "\n".join(" -> ".join(c) for c in ciclos)


@pytest.mark.parametrize(("codigo", "esperado"), [
    ("from auditor.salidas import texto\n", {"auditor.salidas.texto"}),
    ("from ..modelo.informe import Meta\n", {"auditor.modelo.informe"}),
    ("def f():\n    from auditor.motor.motor import auditar\n", {"auditor.motor.motor"}),
])
def test_el_grafo_lee_cada_forma_de_importar(tmp_path: Path, codigo: str, esperado: set[str]) -> None:
    archivo = tmp_path / "x.py"
    archivo.write_text(codigo, encoding="utf-8")
    modulos = {"auditor.salidas", "auditor.salidas.texto", "auditor.modelo.informe", "auditor.motor.motor"}
    assert _importados(archivo, "auditor.reglas.x", modulos) == esperado
