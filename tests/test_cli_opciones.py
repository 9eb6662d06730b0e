"""check --select/--ignore/--statistics/--quiet/--color, NO_COLOR, progress, shell completion."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from auditor.motor.auditoria import auditar
from auditor.salidas.terminal import Progreso

from .conftest import FIXTURES, RAIZ
from .conftest import correr as _correr

LIMPIO = "fixtures/limpio_cultura_2024_2025.yaml"
FRONTERAS = "fixtures/fronteras_2024.yaml"


@pytest.fixture(autouse=True)
def en_raiz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(RAIZ)



def _reglas(*args: str) -> Counter[str]:
    codigo, salida, error = _correr("check", "fixtures", "--format", "json", *args)
    assert codigo in (0, 1), error
    return Counter(f["rule"] for f in json.loads(salida)["findings"])


def test_select_por_prefijo_e_id_separados_por_comas_y_repetidos() -> None:
    assert _reglas("--select", "PCT") == {"PCT004": 4, "PCT003": 2, "PCT002": 1}
    assert _reglas("--select", "pct002,EST003", "--select", "TOT001") == {"PCT002": 1, "EST003": 1, "TOT001": 1}
    assert _reglas("--select", "PCT00") == _reglas("--select", "PCT")


def test_ignore_resta_y_se_combina_con_select() -> None:
    todas = _reglas()
    assert sum(todas.values()) == 64
    sin = _reglas("--ignore", "NOM,DUP")
    assert sum(sin.values()) == 64 - 8 - 5 and not any(r.startswith(("NOM", "DUP")) for r in sin)
    assert _reglas("--select", "PCT", "--ignore", "PCT004") == {"PCT003": 2, "PCT002": 1}


@pytest.mark.parametrize(
    ("args", "esperado"),
    [
        (("--select", "PTC"), "auditor: error: --select: no hay reglas con id o prefijo 'PTC'; ¿quiso decir 'PCT'? (vea 'auditor rules')\n"),
        (("--ignore", "PCT002,XYZ999"), "auditor: error: --ignore: no hay reglas con id o prefijo 'XYZ999' (vea 'auditor rules')\n"),
        (("--select", "ENT005"), ("auditor: error: --select: 'ENT005' son reglas de entrada (ENT005), que se informan siempre; "
                                 "para silenciar una que no sea un error, desactívela en la configuración (reglas: {ENT005: false})\n")),
    ],
)
def test_select_desconocida_sale_con_dos_y_sugiere(args: tuple[str, ...], esperado: str) -> None:
    codigo, salida, error = _correr("check", "fixtures", *args)
    assert (codigo, salida, error) == (2, "", esperado)


def test_statistics_tabla_ordenada_por_cantidad_y_luego_id() -> None:
    codigo, salida, _ = _correr("check", "fixtures", "--statistics")
    assert codigo == 1  # the exit status does not change
    lineas = salida.splitlines()
    assert lineas[0].split() == ["regla", "nombre", "severidad", "hallazgos"]
    assert lineas[2].split() == ["PLH001", "texto-de-plantilla", "error", "9"]
    assert lineas[3].split() == ["NOM001", "nombre-con-dos-escrituras", "info", "8"]
    assert [linea.split()[0] for linea in lineas[4:6]] == ["PCT004", "SEC001"]  # 4 each: by id
    assert lineas[-1] == "Total: 64 hallazgos"
    assert len(lineas) == 2 + 29 + 1  # BEN001's template and filler are PLH004's


def test_statistics_json_y_combinaciones() -> None:
    _, salida, _ = _correr("check", "fixtures", "--statistics", "--format", "json", "--select", "PCT")
    assert json.loads(salida) == [
        {"rule": "PCT004", "name": "cumplimiento-sin-justificacion", "severity": "warning", "count": 4},
        {"rule": "PCT003", "name": "porcentaje-faltante", "severity": "error", "count": 2},
        {"rule": "PCT002", "name": "porcentaje-no-coincide", "severity": "error", "count": 1},
    ]
    assert _correr("check", LIMPIO, "--statistics") == (0, "Total: 0 hallazgos\n", "")


def test_quiet_nada_si_no_hay_hallazgos_y_una_linea_por_hallazgo() -> None:
    assert _correr("check", LIMPIO, "-q") == (0, "", "")
    codigo, salida, error = _correr("check", FRONTERAS, "--quiet", "--select", "PCT002,LUG002")
    assert codigo == 1 and error == ""
    assert salida == (
        "fixtures/fronteras_2024.yaml:67: error PCT002 meta 660 · avance_cuatrienio: El avance del cuatrienio declarado es 30%, pero las "
        "cantidades dan 1,6% (70 de 4.500, según «¿Qué población se atendió? (total de beneficiarios)»)\n"
        "fixtures/fronteras_2024.yaml:152: advertencia LUG002 meta 663 · localizacion.municipios[0]: «Tabio» es un municipio de Cundinamarca "
        "(DANE 25785), no de Norte de Santander, el departamento del informe; la localización dice «Esta vinculación se dará en el "
        "municipio de Tabio, Cundinamarca.»\n"
    )
    _, completa, _ = _correr("check", "fixtures", "-q", "--format", "text")
    assert len(completa.splitlines()) == 64 and "Resumen" not in completa


def test_quiet_no_cambia_los_formatos_de_maquina() -> None:
    assert _correr("check", "fixtures", "-q", "--format", "json")[1] == _correr("check", "fixtures", "--format", "json")[1]


def _auditor_en_subproceso(*args: str, **entorno: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS")}
    env.update(entorno, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, env=env, cwd=RAIZ,
                          encoding="utf-8", check=False)


def test_no_color_sin_escapes_aunque_se_fuerce_la_terminal() -> None:
    forzado = _auditor_en_subproceso("check", FRONTERAS, FORCE_COLOR="1")
    assert "\x1b[" in forzado.stdout  # the control: forced, there is color
    sin = _auditor_en_subproceso("check", FRONTERAS, FORCE_COLOR="1", NO_COLOR="1")
    assert sin.returncode == 1 and "\x1b" not in sin.stdout and "fronteras_2024.yaml:152" in sin.stdout
    assert "\x1b" not in _auditor_en_subproceso("check", FRONTERAS, "--no-color", FORCE_COLOR="1").stdout
    assert "\x1b[" in _auditor_en_subproceso("check", FRONTERAS, "--color", NO_COLOR="1").stdout  # the flag wins
    tuberia = _auditor_en_subproceso("check", FRONTERAS)  # stdout is a pipe: no color
    assert "\x1b" not in tuberia.stdout and "\x1b" not in tuberia.stderr


def test_al_avanzar_recibe_cada_archivo(auditor: object, tmp_path: Path) -> None:
    for i in range(3):
        shutil.copy(FIXTURES / "limpio_cultura_2024_2025.yaml", tmp_path / f"informe_{i}.yaml")
    vistos: list[tuple[str, int, int]] = []
    auditar(auditor, [tmp_path], al_avanzar=lambda a, h, t: vistos.append((Path(a).name, h, t)))  # type: ignore[arg-type]
    assert vistos == [("informe_0.yaml", 1, 3), ("informe_1.yaml", 2, 3), ("informe_2.yaml", 3, 3)]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progreso_solo_en_terminal_y_en_corridas_largas() -> None:
    terminal = _Terminal()
    with Progreso(True, archivo=terminal) as progreso:
        for i in range(1, 26):
            progreso(f"informes/{i}.yaml", i, 25)
    assert "Auditando informes" in terminal.getvalue()
    corta = _Terminal()
    with Progreso(True, archivo=corta) as progreso:
        for i in range(1, 6):
            progreso(f"informes/{i}.yaml", i, 5)
    assert corta.getvalue() == ""
    assert Progreso.conviene(False, _Terminal()) and not Progreso.conviene(True, _Terminal())
    assert not Progreso.conviene(False, io.StringIO())


def test_sin_terminal_no_hay_barra(tmp_path: Path) -> None:
    for i in range(25):
        shutil.copy(FIXTURES / "limpio_cultura_2024_2025.yaml", tmp_path / f"informe_{i:02}.yaml")
    codigo, salida, error = _correr("check", str(tmp_path), "--format", "text")
    assert codigo == 0 and error == "" and "Auditando" not in salida
    assert "en 25 archivos" in salida


def test_completado_de_la_shell() -> None:
    codigo = "from auditor.cli import main; main(prog_name='auditor')"
    env = {**os.environ, "_AUDITOR_COMPLETE": "bash_source"}
    script = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, env=env, check=True)
    assert "_auditor_completion()" in script.stdout and "complete -o nosort -F _auditor_completion auditor" in script.stdout
    env = {**os.environ, "_AUDITOR_COMPLETE": "bash_complete", "COMP_WORDS": "auditor ch", "COMP_CWORD": "1"}
    respuesta = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, env=env, check=True)
    assert respuesta.stdout.splitlines() == ["plain,check"]
    env = {**os.environ, "_AUDITOR_COMPLETE": "bash_complete", "COMP_WORDS": "auditor check --stat", "COMP_CWORD": "2"}
    respuesta = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, env=env, check=True)
    assert respuesta.stdout.splitlines() == ["plain,--statistics"]


def test_cada_plantilla_nueva_tiene_su_traduccion_con_los_mismos_campos() -> None:
    import ast
    import string

    import yaml

    catalogo: dict[str, str] = {}
    for archivo in sorted((RAIZ / "src" / "auditor" / "idiomas" / "en").glob("*.yaml")):
        catalogo.update(yaml.safe_load(archivo.read_text(encoding="utf-8")) or {})
    usadas = set()
    for modulo in ("configuracion/configuracion", "configuracion/pyproject", "motor/seleccion", "salidas/terminal", "cli",
                   "configuracion/inicial"):
        arbol = ast.parse((RAIZ / "src" / "auditor" / f"{modulo}.py").read_text(encoding="utf-8"))
        for nodo in ast.walk(arbol):
            if (isinstance(nodo, ast.Call) and isinstance(nodo.func, ast.Name) and nodo.func.id == "tr"
                    and isinstance(nodo.args[0], ast.Constant)):
                usadas.add(nodo.args[0].value)

    def campos(plantilla: str) -> set[str]:
        return {c for _, c, _, _ in string.Formatter().parse(plantilla) if c}

    assert sorted(usadas - set(catalogo)) == []  # none missing (the whole-tree test checks staleness)
    assert all(campos(es) == campos(catalogo[es]) for es in usadas)
