"""The readers' vocabularies are data (rules/vocabulario/*.yaml): loaded and validated once, each error with its
file, line and what was expected, and extended by an office's rules directory (``--rules DIR``) with a file of
the same name in ``DIR/vocabulario/``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import main
from auditor.lectura import vocabulario
from auditor.lectura.ceros import CeroExplicito, cero_explicito
from auditor.lectura.conteos import analizar
from auditor.lectura.lugares import Presentacion, Tipo, divipola, leer_lugares
from auditor.lectura.resumen import Cifra, afirmaciones
from auditor.reglas.catalogo import ErrorReglas
from auditor.reglas.incluidas import construir_catalogo

from .conftest import RAIZ


@pytest.fixture(autouse=True)
def _vocabulario_incluido() -> Iterator[None]:
    yield
    vocabulario.usar(())  # the next test reads with the built-in words


def _oficina(tmp_path: Path, nombre: str, contenido: str) -> Path:
    carpeta = tmp_path / f"oficina{len(list(tmp_path.iterdir()))}"  # a new one each time
    (carpeta / "vocabulario").mkdir(parents=True)
    (carpeta / "vocabulario" / nombre).write_text(contenido, encoding="utf-8")
    return carpeta


def _error(tmp_path: Path, nombre: str, contenido: str) -> ErrorReglas:
    carpeta = _oficina(tmp_path, nombre, contenido)
    with pytest.raises(ErrorReglas) as error:
        construir_catalogo([carpeta])
    return error.value


# --- loading ----------------------------------------------------------------------------------------

def test_cada_vocabulario_incluido_se_carga_y_tiene_sus_listas() -> None:
    assert sorted(p.stem for p in (RAIZ / "rules" / "vocabulario").glob("*.yaml")) == sorted(vocabulario.MODELOS)
    assert vocabulario.ceros().negaciones[:3] == ["no", "sin", "ningun"]
    assert vocabulario.lugares().vereda[1] == vocabulario.Formas(singular="vda", plural="vdas")
    assert vocabulario.calificadores().maximo == ["menos de", "inferior a", "inferiores a", "maximo de", "maximo", "hasta"]
    assert vocabulario.porcentajes().cuatrienio[0] == "cuatrienio"
    assert vocabulario.citas().normas == ["ordenanza", "ley", "decreto", "resolucion", "acuerdo", "circular", "conpes"]
    for nombre, modelo in vocabulario.MODELOS.items():  # every list of every vocabulary has words
        cargado = getattr(vocabulario, nombre)()
        assert all(getattr(cargado, campo) for campo in modelo.model_fields), nombre


def test_los_vocabularios_incluidos_pasan_la_validacion_completa() -> None:
    """A run does not compile the built-in files' regex fragments one by one (`_validar(incluido=True)`): this is
    where they are checked, as an office's file always is."""
    for nombre, modelo in vocabulario.MODELOS.items():
        ruta = RAIZ / "rules" / "vocabulario" / f"{nombre}.yaml"
        completo, _ = vocabulario._validar(ruta, modelo)
        assert completo == vocabulario._validar(ruta, modelo, incluido=True)[0] == getattr(vocabulario, nombre)()


def test_los_directorios_de_reglas_sin_vocabulario_no_cambian_nada(tmp_path: Path) -> None:
    antes = vocabulario.generacion()
    construir_catalogo()
    assert vocabulario.generacion() == antes
    (tmp_path / "reglas").mkdir()
    construir_catalogo([tmp_path / "reglas"])  # another directory: a new generation, the same words
    assert vocabulario.generacion() > antes
    assert vocabulario.lugares() == vocabulario._cargado("lugares", antes)


# --- validation: file, line, what was expected -----------------------------------------------------------

def test_una_palabra_sin_normalizar(tmp_path: Path) -> None:
    error = _error(tmp_path, "lugares.yaml", "# la oficina\nvereda:\n  - {singular: Sector, plural: sectores}\n")
    assert (Path(error.archivo).name, error.linea) == ("lugares.yaml", 3)
    assert error.mensaje == "vereda.0.singular: «Sector» debe escribirse normalizada, en minúsculas y sin tildes: «sector»"


def test_una_clave_desconocida_dice_las_validas(tmp_path: Path) -> None:
    error = _error(tmp_path, "ceros.yaml", "negaciones: [jamas]\nnegacion: [nunca]\n")
    assert error.linea == 2
    assert error.mensaje == ("negacion: clave desconocida 'negacion' (se espera una de: negaciones, negaciones_finales, gasto, "
                             "dinero, enlaces, razones, aperturas)")


def test_una_forma_sin_plural(tmp_path: Path) -> None:
    error = _error(tmp_path, "lugares.yaml", "barrio:\n  - singular: sector\n")
    assert (error.linea, error.mensaje) == (2, "barrio.0.plural: falta 'plural'")


def test_una_expresion_invalida_o_que_calza_con_nada(tmp_path: Path) -> None:
    error = _error(tmp_path, "ceros.yaml", "gasto:\n  - 'apalanc\\w*'\n  - 'girad(o'\n")
    assert error.linea == 3
    assert error.mensaje.startswith("gasto.1: expresión regular inválida: missing ), unterminated subpattern")
    error = _error(tmp_path, "porcentajes.yaml", "periodo: ['(?:anual)?']\n")
    assert (error.linea, error.mensaje) == (1, "periodo.0: la expresión calza con el texto vacío: calzaría en cualquier parte")
    error = _error(tmp_path, "porcentajes.yaml", "periodo: ['(?P<periodo>anual)']\n")
    assert error.mensaje == "periodo.0: la expresión no puede tener grupos con nombre (?P<…>): el lector usa los suyos"


def test_no_en_yaml_sin_comillas_es_un_valor_logico(tmp_path: Path) -> None:
    error = _error(tmp_path, "ceros.yaml", "negaciones:\n  - jamas\n  - no\n")
    assert (error.linea, error.mensaje) == (3, "negaciones.1: se esperaba un texto (se encontró un valor lógico)")


def test_una_forma_de_dos_clases(tmp_path: Path) -> None:
    error = _error(tmp_path, "lugares.yaml", "barrio:\n  - {singular: sector, plural: sectores}\n  - {singular: vda, plural: vdass}\n")
    assert (error.linea, error.mensaje) == (3, "«vda» ya es una palabra de vereda")


def test_un_vocabulario_desconocido_o_un_archivo_mal_escrito(tmp_path: Path) -> None:
    error = _error(tmp_path, "lugar.yaml", "vereda: []\n")
    assert (Path(error.archivo).name, error.linea) == ("lugar.yaml", 1)
    assert error.mensaje == ("vocabulario desconocido 'lugar.yaml' (se espera uno de: ceros.yaml, lugares.yaml, calificadores.yaml, "
                             "porcentajes.yaml, citas.yaml, unidades.yaml, con extensión .yaml)")
    error = _error(tmp_path, "ceros.yaml", "negaciones: [jamas]\nnegaciones: [nunca]\n")
    assert error.linea == 2 and "repetida" in error.mensaje
    error = _error(tmp_path, "ceros.yaml", "- jamas\n")
    assert (error.linea, error.mensaje) == (
        1, "se esperaba un mapa con las listas negaciones, negaciones_finales, gasto, dinero, enlaces, razones, aperturas")


def test_un_vocabulario_malo_no_cambia_el_de_la_ejecucion(tmp_path: Path) -> None:
    antes = vocabulario.generacion()
    _error(tmp_path, "calificadores.yaml", "minimo: [Mas De]\n")
    assert vocabulario.generacion() == antes
    assert analizar("cerca de 30 personas").conteos[0].calificador == "aproximado"


def test_la_linea_de_comandos_dice_archivo_y_linea_y_sale_con_2(tmp_path: Path) -> None:
    carpeta = _oficina(tmp_path, "calificadores.yaml", "minimo:\n  - Mas De\n")
    resultado = CliRunner().invoke(main, ["check", str(RAIZ / "fixtures"), "--rules", str(carpeta)])
    assert resultado.exit_code == 2
    assert f"{carpeta / 'vocabulario' / 'calificadores.yaml'}:2: minimo.0: «Mas De» debe escribirse normalizada" in resultado.stderr


# --- an office's words are read ------------------------------------------------------------------------

def test_una_oficina_agrega_una_frase_de_cero(tmp_path: Path) -> None:
    texto = "A la fecha no se han apalancado recursos; la gestión se hizo con aliados del sector privado."
    assert cero_explicito(texto) is None
    construir_catalogo([_oficina(tmp_path, "ceros.yaml", "gasto: ['apalanc\\w*']\n")])
    assert vocabulario.ceros().gasto[-1] == "apalanc\\w*"
    assert cero_explicito(texto) == CeroExplicito(11, 40, "no se han apalancado recursos", "la gestión se hizo con aliados del sector privado")
    vocabulario.usar(())
    assert cero_explicito(texto) is None


def test_una_oficina_agrega_una_clase_de_lugar(tmp_path: Path) -> None:
    texto = "paraje Los Pinos, municipio de Ocaña"
    antes = leer_lugares(texto, divipola().es_municipio)
    assert [(x.nombre, x.tipo, x.presentacion) for x in antes] == [
        ("Los Pinos", None, Presentacion.SUELTO), ("Ocaña", Tipo.MUNICIPIO, Presentacion.NOMBRADO)]
    assert [x.tipo for x in divipola().lugares(texto)] == [None, Tipo.MUNICIPIO]  # remembered (a short text)
    construir_catalogo([_oficina(tmp_path, "lugares.yaml", "vereda:\n  - {singular: paraje, plural: parajes}\n")])
    despues = divipola().lugares(texto)  # read again: the office's words, not the remembered reading
    assert [(x.nombre, x.tipo, x.municipio.nombre if x.municipio else None) for x in despues] == [
        ("Los Pinos", Tipo.VEREDA, "Ocaña"), ("Ocaña", Tipo.MUNICIPIO, None)]
    assert [x.nombre for x in leer_lugares("parajes El Rodeo y La Laguna", None) if x.tipo is Tipo.VEREDA] == ["El Rodeo", "La Laguna"]


def test_una_oficina_agrega_un_calificador(tmp_path: Path) -> None:
    assert analizar("del orden de 30 familias").conteos[0].calificador == "exacto"
    construir_catalogo([_oficina(tmp_path, "calificadores.yaml", "aproximado: [del orden de]\n")])
    conteo = analizar("del orden de 30 familias").conteos[0]
    assert (conteo.valor, conteo.calificador) == (30, "aproximado")


def test_el_hallazgo_de_un_lugar_cambia_con_las_palabras_de_la_oficina(tmp_path: Path) -> None:
    informe = tmp_path / "informe.yaml"
    informe.write_text(
        "entidad: Gobernación de Norte de Santander\ndepartamento: Norte de Santander\nsecretaria: Secretaría de Prueba\n"
        "periodo: {desde: 2024, hasta: 2025}\nfecha_corte: '2025-11'\n"
        "plan: {nombre: Plan de Desarrollo 2024-2027, desde: 2024, hasta: 2027}\n"
        "metas:\n  - numero: 1\n    nombre: Ferias de empleo\n    localizacion:\n"
        "      municipios: ['Cúcuta', 'Paraje La Floresta, municipio de Tibú']\n", encoding="utf-8")
    carpeta = _oficina(tmp_path, "lugares.yaml", "vereda:\n  - {singular: paraje, plural: parajes}\n")
    sin = CliRunner().invoke(main, ["check", str(informe), "-q", "--select", "LUG"])
    con = CliRunner().invoke(main, ["check", str(informe), "-q", "--select", "LUG", "--rules", str(carpeta)])
    assert sin.output == (f"{informe}:11: advertencia LUG001 meta 1 · localizacion.municipios[1]: «Paraje La Floresta, municipio de Tibú» no es "
                          "un municipio de DIVIPOLA ni se parece a ninguno: si es un corregimiento, una vereda o un barrio, escriba el "
                          "municipio al que pertenece\n")
    assert (con.exit_code, con.output) == (0, "")


def test_una_clase_de_lugar_se_escribe_con_letras(tmp_path: Path) -> None:
    error = _error(tmp_path, "lugares.yaml", "barrio:\n  - {singular: sect., plural: sects.}\n")
    assert (error.linea, error.mensaje) == (2, "barrio.0.singular: «sect.» debe ser una o más palabras de letras, sin números ni signos")


# --- one list of qualifiers: the prose's counts, the summary's claims and the importer read the same ---------

@pytest.mark.parametrize(("texto", "calificador", "cita"), [
    ("superó 300 personas", "minimo", "superó 300 personas"),  # the summary's verbs bound a count too
    ("un total de 84 compradores", "exacto", "un total de 84 compradores"),
    ("en promedio 20 asistentes", "aproximado", "en promedio 20 asistentes"),
    ("300 personas", "exacto", "300 personas"),
])
def test_los_conteos_leen_los_calificadores_del_vocabulario(texto: str, calificador: str, cita: str) -> None:
    conteo = analizar(texto).conteos[0]
    assert (conteo.calificador, conteo.cita) == (calificador, cita)


def test_el_resumen_lee_los_calificadores_del_vocabulario_y_los_de_la_oficina(tmp_path: Path) -> None:
    def cantidad(texto: str) -> Cifra | None:
        return afirmaciones(f"Con las metas 1 y 2 se atendieron {texto} jóvenes.")[0].cantidad

    assert cantidad("unos 300") == Cifra("300", "unos", "jóvenes")  # was '' (exact) before the lists were one
    assert cantidad("más de 300") == Cifra("300", "más de", "jóvenes")
    assert cantidad("del orden de 300") == Cifra("300", "", "jóvenes")
    construir_catalogo([_oficina(tmp_path, "calificadores.yaml", "aproximado: [del orden de]\n")])
    assert cantidad("del orden de 300") == Cifra("300", "del orden de", "jóvenes")


def test_una_oficina_agrega_una_unidad_de_dinero(tmp_path: Path) -> None:
    assert [c.valor for c in analizar("se entregaron 40 UVT y 12 kits").conteos] == [40, 12]
    construir_catalogo([_oficina(tmp_path, "unidades.yaml", "dinero: [uvt]\n")])
    assert [c.valor for c in analizar("se entregaron 40 UVT y 12 kits").conteos] == [12]  # 40 UVT is an amount
