"""Property-based tests (Hypothesis): whatever the input, nothing escapes, every problem has its place.

- arbitrary YAML texts and bytes into the loader;
- report data within the schema (random values, Spanish number formats) and outside it;
- arbitrary template-like text into the importer;
- the command line: status 0, 1 or 2 as documented, consistent with the findings.

By default (and so in CI) the examples are derived from the test itself (`derandomize`), so a run
is reproducible, and their number is bounded so the suite stays well within a minute on two cores.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.cli import main
from auditor.entrada.carga import cargar_bytes
from auditor.lectura.fuente import ErrorFuente, leer_documento
from auditor.lectura.lugares import divipola, leer_lugares
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar_cargado
from auditor.reglas.observacion import Categoria, Severidad

from .conftest import RAIZ

# Hypothesis profiles (derandomized by default, so CI is reproducible): see conftest.py.

BASE = yaml.safe_load((RAIZ / "tests" / "hostile" / "base.yaml").read_text(encoding="utf-8"))
DEFECTO = "Es un defecto de auditor"  # the engine's message when a rule raised: never acceptable

# --- strategies ---------------------------------------------------------------------------------

_texto = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_escalar = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                     st.floats(allow_nan=True, allow_infinity=True), _texto)
_datos_yaml = st.recursive(_escalar, lambda hijos: st.one_of(st.lists(hijos, max_size=5),
                                                             st.dictionaries(_texto, hijos, max_size=5)), max_leaves=30)

_cifras_es = st.one_of(
    st.integers(0, 10**9).map(str),
    st.builds(lambda e, d: f"{e:,}".replace(",", ".") + (f",{d}" if d else ""), st.integers(0, 10**9), st.integers(0, 99)),
    st.builds(lambda n: f"$ {n} millones de pesos", st.integers(0, 99999)),
    st.builds(lambda n, d: f"${n},{d} millones", st.integers(0, 999), st.integers(0, 9)),
    st.builds(lambda n: f"{n}%", st.integers(-50, 300)),
    st.sampled_from(["", "$ millones", "N/A", "sin datos", "0", "1.5", "1,5", "100 %", "cien", "-3", "1e9", "∞"]),
)
_valor_hoja = st.one_of(_cifras_es, _texto, st.integers(-1000, 10**7), st.floats(-1e6, 1e9), st.none())


def _hojas(datos: Any, ruta: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(datos, dict):
        return [r for k, v in datos.items() for r in _hojas(v, ruta + (k,))]
    if isinstance(datos, list):
        return [r for i, v in enumerate(datos) for r in _hojas(v, ruta + (i,))]
    return [ruta]


HOJAS = _hojas(BASE)


def _poner(datos: Any, ruta: tuple[Any, ...], valor: Any) -> None:
    for parte in ruta[:-1]:
        datos = datos[parte]
    datos[ruta[-1]] = valor


@st.composite
def informe_en_esquema(draw: st.DrawFn) -> dict[str, Any]:
    """The base report with some of its leaves replaced by random values of the kinds reports use."""
    datos = copy.deepcopy(BASE)
    for ruta in draw(st.lists(st.sampled_from(HOJAS), max_size=12, unique=True)):
        _poner(datos, ruta, draw(_cifras_es if draw(st.booleans()) else _valor_hoja))
    return datos


@st.composite
def informe_fuera_del_esquema(draw: st.DrawFn) -> Any:
    """The base report with parts deleted, replaced by any YAML value, or unknown keys added."""
    datos = copy.deepcopy(BASE)
    for ruta in draw(st.lists(st.sampled_from(HOJAS), max_size=6, unique=True)):
        padre_ruta, ultimo = ruta[:-1], ruta[-1]
        for corte in range(len(padre_ruta), -1, -1):  # sometimes act on an ancestor
            if draw(st.booleans()):
                padre_ruta, ultimo = ruta[:corte - 1] if corte else (), ruta[corte - 1] if corte else None
                break
        padre: Any = datos
        try:
            for parte in padre_ruta:
                padre = padre[parte]
        except (KeyError, IndexError, TypeError):
            continue
        if ultimo is None or not isinstance(padre, (dict, list)):
            continue
        accion = draw(st.sampled_from(["borrar", "reemplazar", "clave_nueva"]))
        try:
            if accion == "borrar":
                del padre[ultimo]
            elif accion == "reemplazar":
                padre[ultimo] = draw(_datos_yaml)
            elif isinstance(padre, dict):
                padre[draw(_texto)] = draw(_datos_yaml)
        except (KeyError, IndexError, TypeError):
            continue
    return datos if draw(st.integers(0, 9)) else draw(_datos_yaml)


@st.composite
def texto_mutado(draw: st.DrawFn) -> str:
    """Valid YAML (safe_dump of arbitrary data or of a report), then cut, spliced or sprinkled with noise."""
    fuente = draw(st.one_of(_datos_yaml, informe_en_esquema()))
    texto = yaml.safe_dump(fuente, allow_unicode=True, sort_keys=False)
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(texto)))
        j = draw(st.integers(i, min(len(texto), i + 20)))
        ruido = draw(st.one_of(_texto, st.sampled_from(["&a ", "*a", "!!python/object:os.system", "\t", ": ", "- ", "[", "{",
                                                       "'", '"', "\r\n", "\ufeff", "---\n", "%YAML 1.1\n", "? ", "<<: *a"])))
        texto = texto[:i] + ruido + texto[j:]
    return texto


_LINEAS_PLANTILLA = [
    "Rendición de Cuentas 2024", "Secretaría de Prueba", "Gobernación de Norte de Santander", "Diciembre de 2024",
    "Plan de Desarrollo 2024-2027", "Meta # 1 Ferias de emprendimiento\t\t", "Meta # 7", "Meta #", "Meta cuatrienio 12: 100 personas capacitadas.",
    "Cumplimiento/Avance\tInversión\tBeneficiarios", "\t¿Qué se hizo? 3 ferias realizadas", "¿Cuánto se invirtió? $ 10 millones de pesos de recursos propios",
    "¿Qué población se atendió? 30 personas", "¿Cómo se hizo?", "¿Con quién se ejecutó?", "¿Cuándo se realizó? marzo de 2024",
    "¿Qué impacto y/o resultado se produjo?", "¿Dónde se intervino? Cúcuta y Ocaña", "EJECUCIÓN", "IMPACTO", "LOCALIZACIÓN",
    "100% de cumplimiento frente a lo programado", "50% de avance frente al cuatrienio", "$135, 2 millones", "Registro fotográfico",
    "TOTAL 1.234 personas", "Tabla 1. Indicadores", "y", "----", "Sobre una programación estimada de $10 millones se ejecutaron $4 millones",
]
texto_importable = st.lists(st.one_of(st.sampled_from(_LINEAS_PLANTILLA), _texto), max_size=40).map("\n".join)


# --- properties ------------------------------------------------------------------------------------


def _revisar(auditor: Auditor, contenido: bytes, nombre: str) -> None:
    """Load and audit: no exception, every finding in the file with a line >= 1, no rule crashed."""
    cargado = cargar_bytes(contenido, nombre)
    # YAML and the importer also break lines at a lone CR (and U+2028...): count as str.splitlines does
    lineas = max(contenido.count(b"\n"), len(contenido.decode("utf-8", errors="replace").splitlines())) + 1
    for problema in cargado.problemas:
        assert 1 <= problema.linea <= lineas, (problema, lineas)
    resultado = auditar_cargado(auditor, cargado)
    for f in resultado.hallazgos:
        assert f.archivo == nombre and f.linea >= 1, f
        assert DEFECTO not in f.mensaje, f.mensaje


@given(texto_mutado())
def test_yaml_arbitrario_solo_da_errores_de_fuente(texto: str) -> None:
    try:
        documento = leer_documento(texto)
    except ErrorFuente as error:
        assert error.linea >= 1 and error.mensaje
        return
    assert all(p.linea >= 1 for p in documento.problemas)


@given(texto_mutado())
def test_yaml_arbitrario_se_audita_sin_excepciones(auditor: Auditor, texto: str) -> None:
    _revisar(auditor, texto.encode("utf-8"), "informe.yaml")


@given(st.binary(max_size=2000))
def test_bytes_arbitrarios_se_auditan_sin_excepciones(auditor: Auditor, contenido: bytes) -> None:
    _revisar(auditor, contenido, "informe.yaml")


@given(informe_en_esquema())
def test_informes_dentro_del_esquema(auditor: Auditor, datos: dict[str, Any]) -> None:
    _revisar(auditor, yaml.safe_dump(datos, allow_unicode=True, sort_keys=False).encode("utf-8"), "informe.yaml")


@given(informe_fuera_del_esquema())
def test_informes_fuera_del_esquema(auditor: Auditor, datos: Any) -> None:
    _revisar(auditor, yaml.safe_dump(datos, allow_unicode=True, sort_keys=False).encode("utf-8"), "informe.yaml")


@given(informe_en_esquema())
def test_el_mismo_informe_en_json_da_lo_mismo(auditor: Auditor, datos: dict[str, Any]) -> None:
    texto = json.dumps(datos, ensure_ascii=False)
    _revisar(auditor, texto.encode("utf-8"), "informe.json")


@given(texto_importable)
def test_texto_arbitrario_en_el_importador(auditor: Auditor, texto: str) -> None:
    _revisar(auditor, texto.encode("utf-8"), "informe.txt")


@settings(max_examples=40)
@given(st.one_of(texto_mutado(), texto_importable), st.sampled_from(["informe.yaml", "informe.txt"]),
       st.sampled_from(["error", "warning", "info", "never"]))
def test_estado_de_salida_coherente_con_los_hallazgos(tmp_path_factory: Any, texto: str, nombre: str, falla: str) -> None:
    carpeta: Path = tmp_path_factory.mktemp("cli")
    (carpeta / nombre).write_text(texto, encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(carpeta / nombre), "--format", "json", "--fail-on", falla])
    assert r.exit_code in (0, 1, 2) and (r.exception is None or isinstance(r.exception, SystemExit)), r.output
    hallazgos = json.loads(r.stdout)["findings"]
    entrada = any(f["category"] == Categoria.INPUT_ERROR.value and f["severity"] == "error" for f in hallazgos)
    umbral = {"error": 3, "warning": 2, "info": 1, "never": 99}[falla]
    rango = {s.value: s.rango for s in Severidad}
    esperado = 2 if entrada else 1 if any(rango[f["severity"]] >= umbral for f in hallazgos) else 0
    assert r.exit_code == esperado


def _profundidad_por_eventos(texto: str) -> int:
    profundidad = maxima = 0
    for evento in yaml.parse(texto, Loader=yaml.CSafeLoader):
        if isinstance(evento, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            profundidad += 1
            maxima = max(maxima, profundidad)
        elif isinstance(evento, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            profundidad -= 1
    return maxima


@st.composite
def anidado(draw: st.DrawFn) -> str:
    """A document nested 1 to 90 levels, lists and maps mixed, in block, flow or mixed style, maybe indented wider."""
    valor: Any = draw(_escalar)
    for es_lista in reversed(draw(st.lists(st.booleans(), min_size=1, max_size=90))):
        valor = [valor, draw(_escalar)] if es_lista else {draw(_texto): valor}
    estilo = draw(st.sampled_from([False, True, None]))
    return yaml.safe_dump(valor, default_flow_style=estilo, indent=draw(st.sampled_from([2, 4])), allow_unicode=True, width=10**6)


@given(anidado())
def test_la_cota_de_anidamiento_nunca_queda_corta_y_el_veredicto_no_cambia(texto: str) -> None:
    """The loader composes a document directly when the text's bound says it cannot crash libyaml:
    the bound is never below the real depth, and deep documents are refused at the same line as the event pass."""
    from auditor.lectura.fuente import _cota_de_anidamiento, _medir_anidamiento

    assert _cota_de_anidamiento(texto) >= _profundidad_por_eventos(texto)
    try:
        _medir_anidamiento(texto)
        esperado = None
    except ErrorFuente as error:
        esperado = (error.linea, error.mensaje)
    try:
        leer_documento(texto)
        obtenido = None
    except ErrorFuente as error:
        obtenido = (error.linea, error.mensaje)
    if esperado is not None or (obtenido is not None and "anidamiento" in obtenido[1]):
        assert obtenido == esperado


# The place reader: words of its vocabulary, names, connectors and punctuation in any order.
_piezas_de_lugar = st.sampled_from([
    "vereda", "Veredas", "corregimiento", "barrios", "municipio", "municipios", "de", "del", "la", "el", "en", "y", ",", ";",
    ":", "(", ")", ".", "\n\n", "\n", "Tibú", "Tibu", "Cúcuta", "San José de Cúcuta", "Versalles", "El Rodeo", "La Gabarra",
    "comuna", "9", "centro poblado", "Vda.", "Ocaña", "Tabio", "Cundinamarca", "u\u0301", "ÁBREGO", "Y", "En",
])
_texto_de_lugares = st.one_of(st.lists(_piezas_de_lugar, max_size=40).map(" ".join), _texto)


@given(_texto_de_lugares)
def test_el_lector_de_lugares_nunca_falla_y_sus_posiciones_estan_en_el_texto(texto: str) -> None:
    for conocido in (None, divipola().es_municipio):
        lugares = leer_lugares(texto, conocido)
        for lugar in lugares:
            assert 0 <= lugar.inicio < lugar.fin <= len(texto)
            assert texto[lugar.inicio : lugar.fin] == lugar.nombre
            if lugar.municipio is not None:
                assert lugar.municipio.como_municipio and lugar.municipio.municipio is None
        assert [x.inicio for x in lugares] == sorted(x.inicio for x in lugares)
