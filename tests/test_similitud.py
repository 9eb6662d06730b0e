"""Near-duplicate paragraphs: normalization, containment, figures, and the index that keeps the pass linear."""

from __future__ import annotations

import pytest

from auditor.lectura import similitud
from auditor.lectura.similitud import Huella, IndiceFragmentos, contencion, mismas_cifras, palabras, parrafos, pasaje_comun
from auditor.modelo.informe import Informe
from auditor.reglas.chequeos.copia import ParametrosCopia, copias


def test_palabras_sin_tildes_mayusculas_ni_puntuacion() -> None:
    assert palabras("“Empleo para la PAZ”,  Cúcuta; 1.600") == ["empleo", "para", "la", "paz", "cucuta", "1", "600"]


def test_parrafos_separados_por_lineas_en_blanco() -> None:
    assert parrafos("Uno.\nsigue uno.\n\n  \nDos.\n") == ["Uno.\nsigue uno.", "Dos."]


def test_una_frase_sacada_de_un_parrafo_largo_esta_contenida() -> None:
    largo = Huella.de("Se apoyó el centro ZASCA. Estas acciones contribuyen a que las empresas adopten nuevas tecnologías.", 5)
    frase = Huella.de("Estas acciones contribuyen a que las empresas adopten nuevas tecnologías", 5)
    comunes = len(largo.fragmentos & frase.fragmentos)
    assert contencion(comunes, frase, largo) == 1.0
    assert pasaje_comun("Se apoyó el centro ZASCA. Estas acciones contribuyen a que las empresas adopten nuevas tecnologías.",
                        frase, 5) == "Estas acciones contribuyen a que las empresas adopten nuevas tecnologías"


def test_cifras_distintas_no_son_copia() -> None:
    a = Huella.de("Sobre una programación estimada de $22.3 millones se ejecutaron $9 millones", 5)
    b = Huella.de("Sobre una programación estimada de $115.4 millones se ejecutaron $9 millones", 5)
    assert not mismas_cifras(a, b)
    assert mismas_cifras(a, a)


def test_un_fragmento_demasiado_frecuente_deja_de_contar() -> None:
    indice = IndiceFragmentos(frecuencia_maxima=2)
    frase = Huella(frozenset({"frase hecha del informe"}), frozenset())
    for i in range(3):
        assert indice.comunes(frase) == ({} if i == 0 else dict.fromkeys(range(i), 1))
        indice.agregar(i, frase)
    assert indice.comunes(frase) == {}  # shared by 3 paragraphs > 2: boilerplate


def test_comparar_y_agregar_de_una_vez_es_comparar_y_luego_agregar() -> None:
    """DUP001 asks for the shared fragments and adds the paragraph in one pass: the same counts and the same index."""
    huellas = [Huella.de(t, 2) for t in (
        "uno dos tres cuatro", "dos tres cuatro cinco", "uno dos seis", "tres cuatro cinco seis", "dos tres", "uno dos tres",
    )]
    separado, junto = IndiceFragmentos(frecuencia_maxima=2), IndiceFragmentos(frecuencia_maxima=2)
    for i, huella in enumerate(huellas):
        antes = separado.comunes(huella)
        separado.agregar(i, huella)
        assert junto.comunes_y_agregar(i, huella) == antes
        assert junto._listas == separado._listas


def _informe(n: int) -> Informe:
    comun = "Las acciones se desarrollaron en articulación con la Cámara de Comercio de Cúcuta durante las vigencias 2024 y 2025"
    metas = [
        {"numero": i + 1, "nombre": f"Meta {i}",
         "impacto": f"{comun}, y con ellas se apoyaron {i} emprendimientos de la línea {i} del programa número {i} del departamento."}
        for i in range(n)
    ]
    return Informe.model_validate({
        "entidad": "G", "departamento": "Norte de Santander", "secretaria": "S", "periodo": {"desde": 2024, "hasta": 2025},
        "fecha_corte": "2025-11", "plan": {"nombre": "P", "desde": 2024, "hasta": 2027}, "metas": metas,
    })


def test_las_comparaciones_crecen_linealmente_con_las_metas(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every paragraph shares a long sentence with all the others: without the frequency limit that is n²/2 pairs."""
    llamadas = 0
    original = similitud.contencion

    def contar(comunes: int, a: Huella, b: Huella) -> float:
        nonlocal llamadas
        llamadas += 1
        return original(comunes, a, b)

    monkeypatch.setattr("auditor.reglas.chequeos.copia.contencion", contar)
    p = ParametrosCopia()
    n = 400
    entre, dentro = copias(_informe(n), p, [])
    assert entre == [] and dentro == []  # the shared sentence alone is not a copy: the figures differ
    assert llamadas <= (p.frecuencia_maxima + 1) * n
