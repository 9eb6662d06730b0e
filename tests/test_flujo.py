"""Flat memory: `auditor check` keeps each report's result on disk as it arrives, and the
json, csv and github outputs (and --quiet) are written as they go, one report at a time, with the
same bytes as when everything is held in memory."""

from __future__ import annotations

import gc
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.motor import linea_base
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.deposito import InformesEnDisco, InformesEnMemoria
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo
from auditor.resultado.informe import ResultadoInforme
from auditor.salidas import FORMATOS, json_documento, json_flujo, salida_de
from auditor.salidas.terminal import escribir_breves, lineas_breves

from .conftest import FIXTURES, correr

BASE_FRONTERAS = FIXTURES / "fronteras_2024.yaml"


def _vivos() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, ResultadoInforme))


def _con_linea_base(auditor: Auditor, en_disco: bool, tmp_path: Path) -> Resultado:
    """The fixtures with a baseline accepting Fronteras' findings: both lists of the outputs are non-empty."""
    resultado = auditar(auditor, [FIXTURES], en_disco=en_disco)
    base = tmp_path / "base.json"
    base.write_text(linea_base.construir([f for f in linea_base.aceptables(resultado) if f.archivo == str(BASE_FRONTERAS)], base),
                    encoding="utf-8")
    linea_base.aplicar(resultado, linea_base.leer(base))
    return resultado


@pytest.mark.parametrize("formato", FORMATOS)
def test_en_disco_da_los_mismos_bytes_que_en_memoria(formato: str, auditor: Auditor, tmp_path: Path) -> None:
    memoria = _con_linea_base(auditor, False, tmp_path)
    disco = _con_linea_base(auditor, True, tmp_path)
    assert isinstance(memoria.informes, InformesEnMemoria) and isinstance(disco.informes, InformesEnDisco)
    assert disco.total_suprimidos == memoria.total_suprimidos == 13  # Fronteras' 13 findings, moved by the baseline
    assert disco.total_hallazgos == memoria.total_hallazgos == 51
    texto = salida_de(formato).render(memoria)
    assert salida_de(formato).render(disco) == texto
    flujo = io.StringIO()
    salida_de(formato).escribir(disco, flujo)
    assert flujo.getvalue() == texto


def test_el_json_escrito_en_flujo_es_el_de_json_dumps(auditor: Auditor, tmp_path: Path) -> None:
    resultado = _con_linea_base(auditor, True, tmp_path)
    documento = json_documento.documento(resultado)
    assert json_documento.render(resultado) == json.dumps(documento, ensure_ascii=False, indent=2) + "\n"
    assert [(s["finding"]["rule"], s["finding"]["line"], s["kind"]) for s in documento["suppressed"]][:3] == [
        ("OBJ001", 23, "baseline"), ("PCT004", 28, "baseline"), ("INV001", 31, "baseline")]
    assert documento["summary"]["suppressed"] == 13 and documento["summary"]["baseline"]["fixed"] == 0
    vacio = Resultado()
    assert json_documento.render(vacio) == json.dumps(json_documento.documento(vacio), ensure_ascii=False, indent=2) + "\n"
    assert '"findings": [],' in json_documento.render(vacio) and '"suppressed": []\n}' in json_documento.render(vacio)


def test_un_texto_con_saltos_de_linea_no_rompe_la_sangria() -> None:
    f = Hallazgo("PLH001", Categoria.PLACEHOLDER, Severidad.ERROR, "mensaje\ncon salto", "a.yaml", 3, "7", "campo", "línea 1\nlínea 2 «x»")
    resultado = Resultado([ResultadoInforme("a.yaml", "Informe", [("7", "Meta")], [f])])
    assert json_documento.render(resultado) == json.dumps(json_documento.documento(resultado), ensure_ascii=False, indent=2) + "\n"


def test_en_disco_no_queda_ningun_informe_en_memoria(auditor: Auditor) -> None:
    gc.collect()
    antes = _vivos()
    resultado = auditar(auditor, [FIXTURES], en_disco=True)
    gc.collect()
    assert _vivos() == antes  # every report's result is on disk; only the index is held
    assert resultado.metas_auditadas == 27 and resultado.metas_con_hallazgos == 24
    assert list(resultado.informes.archivos()) == [str(FIXTURES / n) for n in (
        "desarrollo_economico_2024_2025.yaml", "fronteras_2024.yaml", "limpio_cultura_2024_2025.yaml")]

    class Contador(io.StringIO):
        maximo = 0

        def write(self, texto: str) -> int:
            Contador.maximo = max(Contador.maximo, _vivos() - antes)
            return super().write(texto)

    for formato in ("json", "sarif", "csv", "github"):
        Contador.maximo = 0
        salida_de(formato).escribir(resultado, Contador())
        assert Contador.maximo == 1, formato  # one report at a time
    Contador.maximo = 0
    escribir_breves(resultado, Contador())
    assert Contador.maximo == 1


def test_el_deposito_se_lee_como_una_lista(auditor: Auditor) -> None:
    memoria = auditar(auditor, [FIXTURES])
    disco = InformesEnDisco()
    for r in reversed(memoria.informes):
        disco.append(r)
    assert [r.archivo for r in disco] == [r.archivo for r in reversed(memoria.informes)]
    disco.ordenar()
    assert len(disco) == 3 and bool(disco)
    assert disco[0] == memoria.informes[0] and disco[-1] == memoria.informes[-1]
    assert disco[1:] == memoria.informes[1:]
    assert list(disco.cuentas()) == list(memoria.informes.cuentas())
    disco.transformar(lambda r: r.hallazgos.clear())
    assert [r.hallazgos for r in disco] == [[], [], []]
    assert [c.hallazgos for c in disco.cuentas()] == [0, 0, 0]  # the index follows the rewritten reports
    assert [r.archivo for r in disco] == [r.archivo for r in memoria.informes] and disco[0].metas == memoria.informes[0].metas


def test_quiet_en_flujo_es_igual_a_las_lineas_breves(auditor: Auditor, en_raiz: None) -> None:
    resultado = auditar(auditor, ["fixtures"], en_disco=True)
    flujo = io.StringIO()
    escribir_breves(resultado, flujo)
    assert flujo.getvalue() == lineas_breves(auditar(auditor, ["fixtures"]))
    codigo, salida, _ = correr("check", "fixtures", "-q")
    assert codigo == 1 and salida == flujo.getvalue()
    assert salida.splitlines()[0].startswith("fixtures/desarrollo_economico_2024_2025.yaml:")


_json = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8)),
    lambda hijos: st.one_of(st.lists(hijos, max_size=4), st.dictionaries(st.text(max_size=5), hijos, max_size=4)),
    max_leaves=25)


def _con_flujos(valor: object, marcar: list[bool]) -> object:
    """The same value with some of its lists turned into Flujos (lazily produced while written)."""
    if isinstance(valor, dict):
        return {k: _con_flujos(v, marcar) for k, v in valor.items()}
    if isinstance(valor, list):
        hijos = [_con_flujos(v, marcar) for v in valor]
        marcar.append(not marcar[-1] if marcar else True)
        return json_flujo.Flujo(iter(hijos)) if marcar[-1] else hijos
    return valor


@given(_json)
def test_el_json_en_flujo_es_byte_a_byte_el_de_json_dumps(valor: object) -> None:
    salida = io.StringIO()
    json_flujo.escribir(_con_flujos(valor, []), salida)
    assert salida.getvalue() == json.dumps(valor, ensure_ascii=False, indent=2)
    assert json_flujo.en_memoria(_con_flujos(valor, [])) == valor


def test_las_lecturas_de_un_informe_se_olvidan_al_terminarlo(auditor: Auditor, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.lectura import conteos, fechas, memoria
    from auditor.lectura import patrones as patterns
    from auditor.motor import auditoria as engine

    registradas = set(memoria._POR_INFORME)
    assert {fechas.leer_fechas, fechas.menciones_de_eventos, conteos.analizar, patterns.normalizar_con_indices} <= registradas
    antes_de_olvidar: list[tuple[int, int]] = []

    def olvidar() -> None:
        info = fechas.leer_fechas.cache_info()
        antes_de_olvidar.append((info.hits, info.currsize))
        memoria.olvidar()

    monkeypatch.setattr(engine, "olvidar_lecturas", olvidar)
    auditar(auditor, [FIXTURES])
    assert len(antes_de_olvidar) == 3 and all(hits > 0 and tamano > 0 for hits, tamano in antes_de_olvidar)  # shared within a report
    assert all(f.cache_info().currsize == 0 for f in memoria._POR_INFORME)  # type: ignore[attr-defined]
