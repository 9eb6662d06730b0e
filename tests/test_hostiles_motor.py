"""Issue 19, the engine: a slow user pattern is a finding naming the rule and its file in every command and every
output format (html and summary crashed on it), with the inputs left byte for byte as they were; a rule file's
expression too large to compile is refused in every command. Each run is a child process within the hostile suite's
ceilings (tests/hostile/medir.py), as in test_hostiles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditor.lectura.patrones import _repeticiones, error_de_regex

from .test_hostiles import HOSTIL, LIMITES, ejecutar

# the pattern without its \Z: json and sarif write the backslash escaped
PALABRAS = ("PLH002", "(a|aa)+", "reglas_conjunto_lento/relleno.yaml", "1 s")


def _preparar(carpeta: Path) -> dict[Path, bytes]:
    shutil.copyfile(HOSTIL / "lento.yaml", carpeta / "lento.yaml")
    shutil.copytree(HOSTIL / "reglas_conjunto_lento", carpeta / "reglas_conjunto_lento")
    return {ruta: ruta.read_bytes() for ruta in (carpeta / "lento.yaml", carpeta / "reglas_conjunto_lento" / "relleno.yaml")}


@pytest.mark.parametrize("argumentos", [
    *(["check", "--format", formato, "--color"] if formato == "rich" else ["check", "--format", formato]
      for formato in ("rich", "text", "json", "sarif", "junit", "github", "markdown", "csv", "html")),
    ["check", "-q"],
    *(["summary", "--format", formato] for formato in ("rich", "text", "csv", "json")),
], ids=lambda a: "-".join(a))
def test_un_patron_lento_de_un_conjunto_es_un_hallazgo_en_cada_orden_y_formato(tmp_path: Path, argumentos: list[str]) -> None:
    originales = _preparar(tmp_path)
    estado, medida, stdout, stderr = ejecutar([*argumentos, "lento.yaml", "--rules", "reglas_conjunto_lento"], tmp_path)
    assert estado == 2, stderr
    assert medida["segundos"] < LIMITES["segundos"] and medida["mb"] < LIMITES["mb"], medida
    salida = stderr if argumentos[0] == "summary" else stdout  # summary prints the matrix, and each input error on stderr
    if "markdown" in argumentos:  # a table cell: its '|' is escaped
        salida = salida.replace("\\|", "|")
    for palabras in PALABRAS:
        assert palabras in salida, (palabras, salida[-3000:])
    assert {ruta: ruta.read_bytes() for ruta in originales} == originales


@pytest.mark.parametrize("argumentos", [["check", "--format", "json", "base.yaml"], ["summary", "base.yaml"], ["rules"],
                                        ["rules", "explain", "USR001"], ["import", "documento_base.txt"]],
                         ids=lambda a: "-".join(a))
def test_una_expresion_bomba_se_rechaza_en_cada_orden(tmp_path: Path, argumentos: list[str]) -> None:
    for nombre in ("base.yaml", "documento_base.txt"):
        shutil.copyfile(HOSTIL / nombre, tmp_path / nombre)
    shutil.copytree(HOSTIL / "reglas_bomba", tmp_path / "reglas_bomba")
    estado, medida, stdout, stderr = ejecutar([*argumentos, "--rules", "reglas_bomba"], tmp_path)
    assert (estado, stdout) == (2, "")
    assert stderr == ("auditor: error: reglas_bomba/bomba.yaml:10: reglas.0.frases.0: expresión regular no válida "
                      "'(?:a{65535}){65535}': sus repeticiones anidadas llegan a 4294836225 copias, más que el límite de 10000\n")
    assert medida["mb"] < LIMITES["mb"]


@pytest.mark.parametrize(("expresion", "repeticiones"), [
    ("sin datos", 1),
    (r"a{5}b{7}", 7),
    (r"(a{10}|b{20}){3}", 60),  # the largest branch, times the group's count
    (r"((a{10}){10}){10}", 1000),
    (r"(?:a{65535}){65535}", 65535 * 65535),
    (r"(?:x){,50000}", 50000),  # '{,n}' is 0 to n in the regex module
    (r"x{2,}", 2),
    (r"[{]{9}", 9),  # a brace inside a class is a member, not a quantifier
    (r"\{5000000\}", 1),  # escaped braces are literal
    (r"[a-z]{3}(?:\d{2}){4}", 8),
])
def test_repeticiones_anidadas(expresion: str, repeticiones: int) -> None:
    assert _repeticiones(expresion) == repeticiones


def test_limites_de_una_expresion() -> None:
    assert error_de_regex("a" * 1000) is None
    assert error_de_regex("a" * 1001) == "mide 1001 caracteres, más que el límite de 1000"
    assert error_de_regex(r"(?:a{100}){100}") is None
    assert error_de_regex(r"(?:a{100}){101}") == "sus repeticiones anidadas llegan a 10100 copias, más que el límite de 10000"
    assert error_de_regex("(") is not None and "missing )" in str(error_de_regex("("))


def test_agotado_el_tiempo_las_expresiones_propias_se_omiten_y_las_incluidas_no() -> None:
    from auditor.lectura.patrones import PRESUPUESTO, ConjuntoPatrones, patron_de_regex

    # with a look-ahead, in the `regex` engine: the budget is for its searches (RE2's take linear time, and are not skipped)
    propia = patron_de_regex("festival(?! de)", origen="propias/a.yaml", propio=True)
    incluida = patron_de_regex("festival(?! de)", origen="rules/a.yaml")
    try:
        PRESUPUESTO.reiniciar(0.0)  # spent before the first search
        assert ConjuntoPatrones("p", "", [propia]).buscar("Un festival en Cúcuta") is None
        assert (PRESUPUESTO.omitidas, PRESUPUESTO.omitida) == (1, propia)
        hallado = ConjuntoPatrones("i", "", [incluida]).buscar("Un festival en Cúcuta")
        assert hallado is not None and (hallado.inicio, hallado.fin) == (3, 11)
        PRESUPUESTO.reiniciar(60.0)  # a new report: its own budget
        hallado = ConjuntoPatrones("p2", "", [propia]).buscar("Un festival en Cúcuta")
        assert hallado is not None and (PRESUPUESTO.omitidas, PRESUPUESTO.omitida) == (0, None)
        assert PRESUPUESTO.restante <= 60.0
    finally:
        PRESUPUESTO.reiniciar(5.0)
