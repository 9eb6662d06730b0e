"""One strict reader for the small data files a run depends on (rules, configuration, baselines):
its error (ErrorArchivo) names the file and line; each stage names it for what the file is."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.configuracion import ErrorConfiguracion
from auditor.configuracion.configuracion import Configuracion, cargar_configuracion
from auditor.lectura.fuente import ErrorArchivo, leer_archivo_estricto, leer_texto_estricto
from auditor.motor.auditor import preparar
from auditor.reglas.catalogo import ErrorReglas

from .conftest import correr


def test_el_error_nombra_archivo_y_linea(tmp_path: Path) -> None:
    ruta = tmp_path / "a.yaml"
    ruta.write_text("a: 1\nb: [2\n", encoding="utf-8")
    with pytest.raises(ErrorArchivo) as error:
        leer_archivo_estricto(ruta)
    assert (error.value.archivo, error.value.linea) == (str(ruta), 2)
    assert str(error.value).startswith(f"{ruta}:2: YAML no válido")


def test_vacio_o_solo_comentarios_no_es_nada(tmp_path: Path) -> None:
    for texto in ("", "  \n", "# nada todavía\n"):
        (tmp_path / "a.yaml").write_text(texto, encoding="utf-8")
        assert leer_archivo_estricto(tmp_path / "a.yaml") is None


def test_el_tamano_tiene_limite(tmp_path: Path) -> None:
    ruta = tmp_path / "grande.yaml"
    ruta.write_bytes(b"a: 1\n" * 1000)
    assert leer_texto_estricto(ruta, tamano_maximo_mb=1).startswith("a: 1")
    with pytest.raises(ErrorArchivo, match=r"grande.yaml: el archivo mide más de 0.001 MB: no se lee"):
        leer_texto_estricto(ruta, tamano_maximo_mb=0.001)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="sin /dev/zero")
def test_un_dispositivo_como_configuracion_no_se_lee_sin_fin() -> None:
    codigo, _, error = correr("rules", "--config", "/dev/zero")
    assert codigo == 2
    assert error == "auditor: error: /dev/zero: no es un archivo regular (¿una tubería, un dispositivo o un socket?): no se lee\n"


def test_cada_etapa_nombra_su_error(tmp_path: Path) -> None:
    malo = "a: 1\na: 2\n"
    (tmp_path / "auditor.yaml").write_text(malo, encoding="utf-8")
    with pytest.raises(ErrorConfiguracion, match=r"auditor.yaml:2: clave 'a' repetida"):
        cargar_configuracion(tmp_path / "auditor.yaml")
    (tmp_path / "reglas").mkdir()
    (tmp_path / "reglas" / "propias.yaml").write_text(malo, encoding="utf-8")
    with pytest.raises(ErrorReglas, match=r"propias.yaml:2: clave 'a' repetida"):
        preparar(Configuracion(), [tmp_path / "reglas"])


def test_una_configuracion_con_solo_comentarios_es_una_configuracion_vacia(tmp_path: Path) -> None:
    (tmp_path / "auditor.yaml").write_text("# reglas: {EST003: false}\n", encoding="utf-8")
    configuracion = cargar_configuracion(tmp_path / "auditor.yaml")
    assert configuracion.archivo == str(tmp_path / "auditor.yaml") and configuracion.ajustes == {}


def test_un_pyproject_que_no_es_utf8_nombra_la_linea(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes('[tool.auditor]\nidioma = "es"\n# Gobernaci\xf3n\n'.encode("latin-1"))
    with pytest.raises(ErrorConfiguracion, match=r"pyproject.toml:3: el archivo no está en UTF-8"):
        cargar_configuracion(tmp_path / "pyproject.toml")
