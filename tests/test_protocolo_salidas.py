"""One output protocol (auditor.salidas.protocolo.Salida): every format of `check`, the matrix of
`summary` and `--statistics` give their text with ``render`` and write the same text with ``escribir``;
the command line calls them all the same way and imports only the format asked for."""

from __future__ import annotations

import io
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from auditor.configuracion.configuracion import Configuracion
from auditor.motor.auditor import preparar
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import LINEA_BASE, Hallazgo, Suprimido
from auditor.resultado.informe import ResultadoInforme
from auditor.salidas import FORMATOS, matriz, salida_de
from auditor.salidas.estadisticas import Estadisticas
from auditor.salidas.protocolo import Salida


def _pequeno() -> Resultado:
    """A small result by hand: one finding, one suppressed, one clean report."""
    f = Hallazgo("INV001", Categoria.MISSING_AMOUNT, Severidad.ERROR, "No se informa el monto", "a.yaml", 9, "7", "inversion.ejecutada",
                 texto="$ millones")
    g = Hallazgo("PCT004", Categoria.PERCENTAGE_MISMATCH, Severidad.WARNING, "El avance no cuadra", "a.yaml", 12, "8", "avance")
    con = ResultadoInforme("a.yaml", "Informe A", [("7", "Meta siete"), ("8", "Meta ocho")], [f],
                           [Suprimido(g, LINEA_BASE, "linea-base.json", "aceptado en la línea base")])
    limpio = ResultadoInforme("b.yaml", "Informe B", [("1", "Meta uno")], [])
    return Resultado([con, limpio])


def _mismo_texto(salida: Salida, resultado: Resultado) -> str:
    texto = salida.render(resultado)
    flujo = io.StringIO()
    salida.escribir(resultado, flujo)
    assert flujo.getvalue() == texto
    return texto


@pytest.mark.parametrize("formato", FORMATOS)
def test_cada_formato_escribe_lo_mismo_que_devuelve(formato: str) -> None:
    modulo = import_module(f"auditor.salidas.{FORMATOS[formato][0]}")
    assert salida_de(formato) is modulo
    assert callable(modulo.render) and callable(modulo.escribir)
    texto = _mismo_texto(salida_de(formato), _pequeno())
    assert "a.yaml" in texto


@pytest.mark.parametrize("formato", matriz.FORMATOS)
def test_cada_formato_de_la_matriz_escribe_lo_mismo_que_devuelve(formato: str) -> None:
    _mismo_texto(matriz.FORMATOS[formato], _pequeno())


@pytest.mark.parametrize("formato", ["text", "json"])
def test_las_estadisticas_escriben_lo_mismo_que_devuelven(formato: str) -> None:
    texto = _mismo_texto(Estadisticas(preparar(Configuracion()).catalogo, formato), _pequeno())
    assert "INV001" in texto and "PCT004" not in texto  # a suppressed finding is not counted


def test_una_ejecucion_json_importa_solo_su_formato(tmp_path: Path) -> None:
    destino = tmp_path / "s.json"
    codigo = (
        "import sys\nfrom auditor.cli import main\n"
        f"try:\n    main(['check', 'fixtures', '--format', 'json', '--output', {str(destino)!r}])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('auditor.salidas.')))"
    )
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, check=True).stdout
    cargados = eval(salida.strip().splitlines()[-1])  # noqa: S307 - a list of names we printed
    formatos = {f"auditor.salidas.{modulo}" for modulo, _ in FORMATOS.values()}
    assert set(cargados) & formatos == {"auditor.salidas.json_documento"}
