"""The fixtures are faithful to the seed reports, and the clean fixture is clean."""

from __future__ import annotations

import re

import pytest

from auditor.entrada.carga import cargar_archivo
from auditor.modelo.campos import recorrer_valores
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar

from .conftest import FIXTURES, SEEDS

PARES = [
    ("fronteras_2024.yaml", "000_1fea1826aedc7356.txt", r"Meta cuatrienio (\d+):"),
    ("desarrollo_economico_2024_2025.yaml", "001_9c83fb85eb1ea363.txt", r"Meta # (\d+)"),
]


def _seed(nombre: str) -> str:
    ruta = SEEDS / nombre
    if not ruta.exists():
        pytest.skip(f"no está {ruta} (../shared/seeds)")
    return ruta.read_text(encoding="utf-8")


@pytest.mark.parametrize(("fixture", "seed", "encabezado"), PARES)
def test_cada_meta_del_seed_esta_en_el_fixture(fixture: str, seed: str, encabezado: str) -> None:
    numeros_seed = [int(n) for n in re.findall(encabezado, _seed(seed))]
    informe = cargar_archivo(FIXTURES / fixture).informe
    assert informe is not None
    assert [m.numero for m in informe.metas] == numeros_seed


@pytest.mark.parametrize(("fixture", "seed", "encabezado"), PARES)
def test_cada_numero_del_fixture_esta_escrito_asi_en_el_seed(fixture: str, seed: str, encabezado: str) -> None:
    texto_seed = " ".join(_seed(seed).replace("\\$", "$").replace("&amp;", "&").split())
    cargado = cargar_archivo(FIXTURES / fixture)
    assert cargado.informe is not None and not cargado.problemas
    ausentes = []
    for meta in cargado.informe.metas:
        for ruta, valor in recorrer_valores(meta):
            if valor.texto is not None and " ".join(valor.texto.split()) not in texto_seed:
                ausentes.append(f"meta {meta.numero} {ruta}: {valor.texto!r}")
        for campo in ("nombre", "eje"):
            texto = getattr(meta, campo)
            if texto and " ".join(texto.split()) not in texto_seed:
                ausentes.append(f"meta {meta.numero} {campo}: {texto[:60]!r}")
    assert not ausentes


def test_el_informe_limpio_no_tiene_hallazgos(auditor: Auditor) -> None:
    resultado = auditar(auditor, [FIXTURES / "limpio_cultura_2024_2025.yaml"])
    assert list(resultado.hallazgos()) == []
    assert resultado.metas_auditadas == 3


def test_las_reglas_encuentran_algo_en_cada_seed_y_nada_en_el_limpio(auditor: Auditor) -> None:
    resultado = auditar(auditor, [FIXTURES])
    por_archivo = {r.archivo.rsplit("/", 1)[-1]: r for r in resultado.informes}
    assert set(por_archivo) == {"fronteras_2024.yaml", "desarrollo_economico_2024_2025.yaml", "limpio_cultura_2024_2025.yaml"}
    assert por_archivo["limpio_cultura_2024_2025.yaml"].hallazgos == []
    for nombre in ("fronteras_2024.yaml", "desarrollo_economico_2024_2025.yaml"):
        assert all(f.categoria.value != "input_error" for f in por_archivo[nombre].hallazgos)
