"""The metas a report announces in its introduction ('tiene a su cargo las metas 509 a 517')."""

from __future__ import annotations

import pytest

from auditor.entrada.carga import cargar_bytes
from auditor.entrada.importar.anuncio import metas_anunciadas


@pytest.mark.parametrize(("texto", "numeros"), [
    ("La Secretaría de Cultura tiene a su cargo las metas 41 a 44 del Plan.", [41, 42, 43, 44]),
    ("Este informe cubre las metas 41 al 43.", [41, 42, 43]),
    ("Se rinde cuentas de las metas de la 41 a la 43.", [41, 42, 43]),
    ("metas de producto No. 7 a 9", [7, 8, 9]),
    ("metas 5 – 7", [5, 6, 7]),
    ("La dependencia es responsable de las metas 12, 15 y 18.", [12, 15, 18]),
    ("Con las metas 3 y 4 se sembraron 20.000 árboles.", []),  # speaks of two metas, announces nothing
    ("Las 9 metas de la Secretaría avanzan.", []),  # a count, not numbers
    ("el Plan tiene las metas 1 a 640", []),  # the plan's whole numbering
    ("se fijaron metas 2.000 a 3.000 hectáreas", []),  # amounts, not meta numbers
])
def test_lectura_del_anuncio(texto: str, numeros: list[int]) -> None:
    assert metas_anunciadas(texto) == numeros


def test_el_importador_llena_metas_anunciadas_con_la_linea_de_la_introduccion() -> None:
    documento = ("Informe de Rendición de Cuentas 2024\n\nSecretaría de Cultura\n\nGobernación de Norte de Santander\n\n"
                 "Plan de Desarrollo 2024-2027\n\nLa Secretaría de Cultura tiene a su cargo las metas 41 a 43 del Plan.\n\n"
                 "Meta cuatrienio 41: 10 festivales apoyados.\n\nSe apoyaron 3 festivales, un avance del 30% en el cuatrienio.\n\n"
                 "Meta cuatrienio 43: 4 bibliotecas dotadas.\n\nSe dotó 1 biblioteca, un avance del 25% en el cuatrienio.\n")
    cargado = cargar_bytes(documento.encode("utf-8"), "cultura.txt")
    assert cargado.informe is not None
    assert cargado.informe.metas_anunciadas == [41, 42, 43]
    assert [m.numero for m in cargado.informe.metas] == [41, 43]
