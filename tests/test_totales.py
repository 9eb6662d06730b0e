"""Reading the claims of the summary: qualifiers, units, rounding and the Colombian format of the messages."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from auditor.entrada.carga import cargar_bytes
from auditor.lectura.cifras import escribir_numero
from auditor.modelo.informe import Afirmacion
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar_cargado
from auditor.reglas.chequeos.totales import (
    ParametrosTotales,
    grupo_unidad,
    lista_metas,
    tipo_calificador,
    tolerancia_redondeo,
)

P = ParametrosTotales()


@pytest.mark.parametrize(("calificador", "tipo"), [
    ("más de", "minimo"), ("superior a los", "minimo"), ("supera los", "minimo"), ("por más de", "minimo"),
    ("no menos de", "minimo"), ("cerca de", "aproximado"), ("Aproximadamente", "aproximado"), ("alrededor de", "aproximado"),
    ("hasta", "maximo"), ("menos de", "maximo"), ("no más de", "maximo"), (None, "exacto"), ("", "exacto"),
    ("un total de", "exacto"), ("quizás", None),
])
def test_tipo_de_calificador(calificador: str | None, tipo: str | None) -> None:
    assert tipo_calificador(calificador, P) == tipo


@pytest.mark.parametrize(("unidad", "grupo"), [
    ("ciudadanos", "personas"), ("Personas", "personas"), ("migrantes", "personas"), ("jóvenes", "personas"),
    ("empresarios", "empresarios"), ("unidades económicas y MIPYMES", "unidades económicas"),
    ("unidades productivas", "unidades económicas"), ("emprendimientos", "unidades económicas"),
    ("organizaciones solidarias", "organizaciones"), ("planes de negocio", None), ("sesiones de asistencia técnicas", None),
])
def test_grupo_de_unidad(unidad: str, grupo: str | None) -> None:
    assert grupo_unidad(unidad, P) == grupo


def test_el_redondeo_depende_de_la_cifra_escrita() -> None:
    def tolerancia(monto: str) -> float:
        valor = Afirmacion(monto=monto).monto
        assert valor is not None
        return tolerancia_redondeo(valor, P)

    assert tolerancia("$13.843 millones") == pytest.approx(0.5)
    assert tolerancia("$17,9 millones") == pytest.approx(0.05)
    assert tolerancia("$1.158,69 millones") == pytest.approx(0.005)
    assert tolerancia("$4.690.000.000") == pytest.approx(0.5e-6)  # written in pesos, read in millions
    setecientos = Afirmacion(cantidad=700).cantidad
    assert setecientos is not None
    assert tolerancia_redondeo(setecientos, P) == pytest.approx(0.5)


def test_formato_colombiano_y_listas_de_metas() -> None:
    assert [escribir_numero(x) for x in (13842.4, 1158.69, 999.0, 0.6, 3338.2900000000004)] == \
        ["13.842,4", "1.158,69", "999", "0,6", "3.338,29"]
    assert lista_metas([4]) == "la meta 4"
    assert lista_metas([18, 19]) == "las metas 18 y 19"
    assert lista_metas([6, 7, 8, 9]) == "las metas 6 a 9"
    assert lista_metas([1, 2, 5]) == "las metas 1, 2 y 5"


def test_parametros_incoherentes_se_rechazan() -> None:
    with pytest.raises(ValidationError, match="tipos desconocidos"):
        ParametrosTotales.model_validate({"calificadores": {"casi": ["casi"]}})
    with pytest.raises(ValidationError, match="no está en 'unidades'"):
        ParametrosTotales.model_validate({"unidades": {"personas": ["persona"]}})


def test_una_cifra_de_cero_no_rompe_los_porcentajes(auditor: Auditor) -> None:
    documento = (
        "entidad: G\ndepartamento: Norte de Santander\nsecretaria: S\nperiodo: {desde: 2024, hasta: 2025}\n"
        "fecha_corte: \"2025-11\"\nplan: {nombre: P, desde: 2024, hasta: 2027}\n"
        "totales:\n  - eje: Cero\n    inversion: {calificador: más de, monto: 0}\n    metas: [1]\n"
        "metas:\n  - {numero: 1, nombre: Uno, inversion: {ejecutada: 5}}\n"
    )
    solo = Auditor(auditor.catalogo, auditor.configuracion, {"TOT001", "TOT002", "TOT003"})
    hallazgos = auditar_cargado(solo, cargar_bytes(documento.encode("utf-8"), "cero.yaml")).hallazgos
    assert hallazgos == []  # 'más de $0' with $5 is true, and 'how much more' has no percentage
