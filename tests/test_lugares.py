"""The packaged DIVIPOLA list and the place and name readers behind the LUG and NOM rules."""

from __future__ import annotations

import importlib.resources
import random
import unicodedata
from pathlib import Path

import pytest

import auditor
from auditor.configuracion import ErrorConfiguracion
from auditor.configuracion.configuracion import AjusteRegla, Configuracion
from auditor.lectura import lugares, respuestas
from auditor.lectura.lugares import Clase, Divipola, Municipio, Tipo, clave, compacta, distancia, divipola
from auditor.modelo.informe import Informe
from auditor.motor.auditor import preparar
from auditor.motor.auditoria import auditar
from auditor.reglas.chequeos import nombres

from .conftest import FIXTURES, tiempo_cpu

NDS = "Norte de Santander"


def test_divipola_viene_dentro_del_paquete() -> None:
    datos = importlib.resources.files("auditor") / "datos"
    assert (datos / "divipola.csv").is_file() and (datos / "alias_lugares.csv").is_file() and (datos / "README.md").is_file()
    assert "DANE" in (datos / "divipola.csv").read_text(encoding="utf-8").splitlines()[1]  # the source travels with the data
    if "site-packages" in auditor.__file__:  # a non-editable install must carry the list inside the package
        assert Path(str(datos)).parent == Path(auditor.__file__).parent


def test_divipola_se_lee_una_vez_y_completa() -> None:
    d = divipola()
    assert divipola() is d
    assert len(d.municipios) == 1122
    nds = d.de_departamento(NDS)
    assert len(nds) == 40
    assert {m.nombre for m in nds} >= {"San José de Cúcuta", "Salazar", "El Carmen", "La Playa", "Villa del Rosario", "Cácota"}
    assert d.departamento("NORTE DE SANTANDER") == NDS and d.departamento("departamento de Norte de Santander") == NDS
    assert d.departamento("Bogotá") == "Bogotá, D.C." and d.departamento("Región del Catatumbo") is None


def test_alias_con_codigo_desconocido_falla() -> None:
    with pytest.raises(ValueError, match="código desconocido"):
        Divipola([Municipio("54001", "San José de Cúcuta", NDS, "54")], [("municipio", "99999", "Nada")])


def test_normalizacion() -> None:
    assert clave("San José de CÚCUTA.") == "san jose de cucuta"
    assert clave(unicodedata.normalize("NFD", "Cúcuta")) == clave(unicodedata.normalize("NFC", "Cúcuta")) == "cucuta"
    assert compacta("Villa Caro") == compacta("VILLACARO") == "villacaro"


@pytest.mark.parametrize(("escrito", "clase", "nombre"), [
    ("Cúcuta", Clase.MUNICIPIO, "San José de Cúcuta"),
    ("SAN JOSÉ DE CÚCUTA", Clase.MUNICIPIO, "San José de Cúcuta"),
    (unicodedata.normalize("NFD", "San José de Cúcuta"), Clase.MUNICIPIO, "San José de Cúcuta"),
    ("cucuta", Clase.MUNICIPIO, "San José de Cúcuta"),
    ("Salazar de las Palmas", Clase.MUNICIPIO, "Salazar"),
    ("Villa Del Rosario", Clase.MUNICIPIO, "Villa del Rosario"),
    ("Abrego", Clase.MUNICIPIO, "Ábrego"),
    ("Santiago", Clase.MUNICIPIO, "Santiago"),  # also in Putumayo: the report's department wins
    ("Toledo", Clase.MUNICIPIO, "Toledo"),  # also in Antioquia
    ("Tabio", Clase.FUERA, "Tabio"),
    ("Tabio, Cundinamarca", Clase.FUERA, "Tabio"),
    ("Tabio (Cundinamarca)", Clase.FUERA, "Tabio"),
    ("Santiago, Putumayo", Clase.FUERA, "Santiago"),
    ("Bogotá", Clase.FUERA, "Bogotá, D.C."),
    ("Cúcuta, Norte de Santander", Clase.MUNICIPIO, "San José de Cúcuta"),
])
def test_leer_un_municipio(escrito: str, clase: Clase, nombre: str) -> None:
    lectura = divipola().leer(escrito, NDS)
    assert lectura.clase is clase
    assert [m.nombre for m in lectura.municipios] == [nombre]


def test_leer_lo_que_no_es_un_municipio() -> None:
    d = divipola()
    assert d.leer("Norte de Santander", NDS).clase is Clase.DEPARTAMENTO
    assert d.leer("Cundinamarca", NDS).clase is Clase.DEPARTAMENTO
    assert d.leer("Cácuta", NDS).clase is Clase.DESCONOCIDO
    assert d.leer("La Gabarra", NDS).clase is Clase.DESCONOCIDO
    mal_ubicado = d.leer("Tabio, Antioquia", NDS)
    assert mal_ubicado.clase is Clase.DESCONOCIDO and mal_ubicado.departamento == "Antioquia"
    assert [m.departamento for m in mal_ubicado.municipios] == ["Cundinamarca"]


def test_sugerencias() -> None:
    d = divipola()
    assert [m.nombre for m in d.sugerir("Cácuta", NDS)] == ["Cácota", "San José de Cúcuta"]  # one letter from each
    assert d.nombre_usual(d.buscar("Cúcuta")[0]) == "Cúcuta"
    assert [str(m) for m in d.sugerir("Tabyo", NDS)] == ["Tabio (Cundinamarca)"]  # the rest of the country after the department
    assert d.sugerir("Tabyo", NDS, solo_departamento=True) == []
    assert d.sugerir("Región del Catatumbo", NDS) == []
    assert [m.nombre for m in d.sugerir("Buena Esperanza", NDS)] == ["La Esperanza"]
    assert d.sugerir("Buena Esperanza", NDS, max_ediciones=2) == []  # a corregimiento of Cúcuta, not a typo


def test_distancia() -> None:
    assert distancia("cacuta", "cacota") == 1
    assert distancia("procolombina", "procolombia") == 1
    assert distancia("ab", "ba") == 1  # neighbours swapped: one typing error
    assert distancia("empenefest", "emprendefest") == 2
    assert distancia("kitten", "sitting") == 3
    assert distancia("a" * 3, "b" * 9, tope=2) == 3


def _menciones(texto: str) -> list[tuple[str, str, bool]]:
    return [(m.lectura.texto, m.lectura.clase.value, m.en_lista) for m in divipola().menciones(texto, NDS)]


def test_menciones_en_la_localizacion_de_los_seeds() -> None:
    assert _menciones("Las jornadas se realizaran en la región del catatumbo en los municipios de Ocaña, El Carmen , Convención, "
                      "Teorama, San Calixto, Hacarí, La Playa, El Tarra, Tibú y Sardinata.") == [
        (n, "municipio", True) for n in
        ("Ocaña", "El Carmen", "Convención", "Teorama", "San Calixto", "Hacarí", "La Playa", "El Tarra", "Tibú", "Sardinata")
    ]
    assert _menciones("Esta vinculación se dará en el municipio de Tabio, Cundinamarca.") == [
        ("Tabio, Cundinamarca", "fuera", True), ("Cundinamarca", "departamento", True),
    ]
    assert _menciones("actividades a través de municipios de conexión a saber: Cúcuta, Pamplona, Salazar de las Palmas, Ocaña y "
                      "Chinácota.") == [(n, "municipio", True) for n in ("Cúcuta", "Pamplona", "Salazar de las Palmas", "Ocaña", "Chinácota")]
    assert _menciones("Municipios de Cúcuta, Chinácota y Pamplona.") == [(n, "municipio", True) for n in ("Cúcuta", "Chinácota", "Pamplona")]
    assert ("Cácuta", "desconocido", True) in _menciones("corresponde a Cúcuta, Los Patios, Villa del Rosario, Pamplona, Mutiscua, Cácuta, Chitagá y Ocaña.")


def test_menciones_que_no_son_lugares_de_otro_departamento() -> None:
    assert _menciones("Festival del Catatumbo, celebrado el 24 de agosto de 2025 en el corregimiento la Gabarra.") == []
    assert _menciones("Pop-Up Market en el Centro Comercial Jardín Plaza y en la Plazoleta de San Pablo.") == []
    assert _menciones("Empresarios en Cafés de Colombia Expo; compradores de Guatemala, Ecuador y Perú.") == []
    assert _menciones("Recinto ferial Corferias de Bogotá.") == []  # inside a venue's name
    assert _menciones("Jornadas en Armenia y en Florencia.") == []  # capitals that are also a country and an Italian city
    assert _menciones("Realizado en la Plaza Mayor, Medellín.") == [("Medellín", "fuera", False)]  # a capital on its own
    assert _menciones("Las jornadas se hicieron en Bogotá D.C.") == [("Bogotá", "fuera", False)]
    assert _menciones("en los municipios de Cúcuta y Armenia") == [("Cúcuta", "municipio", True), ("Armenia", "fuera", True)]
    assert _menciones("Jornadas en Granada (Meta).") == [("Granada (Meta)", "fuera", False), ("Meta", "departamento", False)]


def test_lug002_acepta_los_municipios_que_la_oficina_configura() -> None:
    configuracion = Configuracion(ajustes={"LUG002": AjusteRegla(parametros={"aceptados": ["Tabio, Cundinamarca"]})})
    resultado = auditar(preparar(configuracion, seleccion=["LUG002"]), [FIXTURES / "fronteras_2024.yaml"])
    assert list(resultado.hallazgos()) == []
    with pytest.raises(ErrorConfiguracion, match="no son municipios de DIVIPOLA: Tabyo"):
        preparar(Configuracion(ajustes={"LUG002": AjusteRegla(parametros={"aceptados": ["Tabyo"]})}))


def test_nom001_ignora_los_nombres_que_la_oficina_configura() -> None:
    configuracion = Configuracion(ajustes={"NOM001": AjusteRegla(parametros={"ignorar": ["INDUARCIALLAS", "Empeñe Fest"]})})
    resultado = auditar(preparar(configuracion, seleccion=["NOM001"]), [FIXTURES / "desarrollo_economico_2024_2025.yaml"])
    textos = [f.texto for f in resultado.hallazgos()]
    assert "INDUARCIALLAS" not in textos and "Empeñe Fest" not in textos and "CORPINCREA" in textos


def test_nom001_no_compara_todos_los_pares(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocking by deleted characters: 600 unrelated names cost a handful of comparisons, not 180.000."""
    llamadas = 0
    original = lugares.distancia

    def contar(a: str, b: str, tope: int | None = None) -> int:
        nonlocal llamadas
        llamadas += 1
        return original(a, b, tope)

    monkeypatch.setattr(nombres, "distancia", contar)
    azar = random.Random(4)
    nombres_de_prueba = sorted({"Fundación " + "".join(azar.choice("bcdfglmnprstv") + azar.choice("aeiou") for _ in range(4)).title()
                                for _ in range(620)})[:600]
    texto = ", ".join(nombres_de_prueba) + ", Fundación Kalomi y Fundación Kalomo."
    informe = Informe.model_validate({
        "entidad": "G", "departamento": NDS, "secretaria": "S", "periodo": {"desde": 2024, "hasta": 2024},
        "fecha_corte": "2024-12", "plan": {"nombre": "P", "desde": 2024, "hasta": 2027},
        "metas": [{"numero": 1, "nombre": "Apoyo", "ejecucion": {"como": texto}}],
    })
    regla = nombres.NombreConDosEscrituras()
    contexto = preparar(Configuracion()).contexto(regla)
    hallazgos = list(regla.revisar(informe, contexto))
    assert len(nombres_de_prueba) == 600
    assert llamadas < 5_000, llamadas
    assert any(h.texto == "Fundación Kalomo" for h in hallazgos)


# --- places with their kind (leer_lugares) ------------------------------------------------------------

def _lugares(texto: str) -> list[tuple[str, str | None, str | None]]:
    """(name, kind, municipality) of each place, checking that each name is where the reader says."""
    salida = []
    for lugar in divipola().lugares(texto):
        assert texto[lugar.inicio : lugar.fin] == lugar.nombre
        salida.append((lugar.nombre, lugar.tipo.value if lugar.tipo else None, lugar.municipio.nombre if lugar.municipio else None))
    return salida


@pytest.mark.parametrize(("texto", "esperado"), [
    ("Vereda San Isidro, municipio de Chitagá", [("San Isidro", "vereda", "Chitagá"), ("Chitagá", "municipio", None)]),
    ("el corregimiento de San Pablo del municipio de Teorama", [("San Pablo", "corregimiento", "Teorama"), ("Teorama", "municipio", None)]),
    ("Convención (incluidos el corregimiento de Cartagenita y la vereda La Trinidad) y Teorama.", [
        ("Convención", "municipio", None), ("Cartagenita", "corregimiento", "Convención"), ("La Trinidad", "vereda", "Convención"),
        ("Teorama", None, None)]),
    ("Pamplona (barrios El Camellón y Santa Marta, y corregimiento de Chichira)", [
        ("Pamplona", "municipio", None), ("El Camellón", "barrio", "Pamplona"), ("Santa Marta", "barrio", "Pamplona"),
        ("Chichira", "corregimiento", "Pamplona")]),
    ("en la vereda Santa Rosa de Hacarí", [("Santa Rosa", "vereda", "Hacarí"), ("Hacarí", "municipio", None)]),
    ("las veredas Villanueva, El Rosario y La Esperanza de Bucarasica", [
        ("Villanueva", "vereda", "Bucarasica"), ("El Rosario", "vereda", "Bucarasica"), ("La Esperanza", "vereda", "Bucarasica"),
        ("Bucarasica", "municipio", None)]),
    ("Vereda Llano Alto (Chitagá)", [("Llano Alto", "vereda", "Chitagá"), ("Chitagá", "municipio", None)]),
    ("la vereda El Volcán, en Tibu, y el centro poblado La Curva", [
        ("El Volcán", "vereda", "Tibu"), ("Tibu", "municipio", None), ("La Curva", "centro poblado", None)]),
    ("Sardinata: corregimiento de Las Mercedes y comuna 2", [
        ("Sardinata", "municipio", None), ("Las Mercedes", "corregimiento", "Sardinata"), ("2", "comuna", "Sardinata")]),
    ("La Trinidad (Convención)", [("La Trinidad", "lugar", "Convención"), ("Convención", "municipio", None)]),
    ("el resguardo indígena Motilón Barí y el departamento de Santander", [
        ("Motilón Barí", "resguardo", None), ("Santander", "departamento", None)]),
    # a name that begins with a kind word stays a name: 'ciudad' and 'municipio' are kinds only before "de"
    ("Ciudad Bolívar y Tabio", [("Ciudad Bolívar", None, None), ("Tabio", None, None)]),
])
def test_lugares_con_su_tipo_y_su_municipio(texto: str, esperado: list[tuple[str, str | None, str | None]]) -> None:
    assert _lugares(texto) == esperado


def test_lugares_presentados_como_municipios() -> None:
    def como_municipio(texto: str) -> list[str]:
        return [lugar.nombre for lugar in divipola().lugares(texto) if lugar.como_municipio]

    # a list opened by "municipios de", whatever its items are
    assert como_municipio("en los municipios de Bochalema, Durania, Los Vados y Ragonvalia") == ["Bochalema", "Durania", "Los Vados", "Ragonvalia"]
    # a list without a cue counts when most of its items, and at least two, are municipalities
    assert como_municipio("Proyectos en Cucuta, Ocaña, Abrego y Aguachica.") == ["Cucuta", "Ocaña", "Abrego", "Aguachica"]
    assert como_municipio("el Antiguo Espacio Territorial de Capacitación y Reincorporación (AETCR)") == []
    # a name introduced as a corregimiento is that corregimiento everywhere in the text
    assert como_municipio("en el corregimiento la Gabarra; también en La Gabarra, Tibú y El Tarra") == ["Tibú", "El Tarra"]
    # 'y' between a vereda and a municipality: another place, not its municipality
    assert _lugares("la vereda El Salado y el municipio de Vetas") == [("El Salado", "vereda", None), ("Vetas", "municipio", None)]
    # a blank line ends a list item
    assert como_municipio("Tibú\n\nVereda Santa Inés, municipio de El Carmen") == ["El Carmen"]


def test_lugares_sin_saber_los_municipios() -> None:
    """Without DIVIPOLA the kinds are read all the same; any list of two or more names is a list of municipalities."""
    leidos = lugares.leer_lugares("Cucuta (barrio Lomitas), Ocaña y Pamplonilla")
    assert [(x.nombre, x.tipo, x.como_municipio) for x in leidos] == [
        ("Cucuta", lugares.Tipo.MUNICIPIO, True), ("Lomitas", lugares.Tipo.BARRIO, False),
        ("Ocaña", None, True), ("Pamplonilla", None, True)]


def test_el_importador_y_las_reglas_leen_los_mismos_municipios() -> None:
    texto = "Cucuta (barrios Cerro Verde y La Unión, y corregimiento de Guaramito), Villa del Rosario (barrio Lomitas) y El Zulia."
    assert respuestas.municipios(texto) == ["Cucuta", "Villa del Rosario", "El Zulia"]
    assert [(m.lectura.texto, m.en_lista) for m in divipola().menciones(texto, NDS)] == [
        ("Cucuta", True), ("Villa del Rosario", True), ("El Zulia", True)]
    # the department written after a municipality qualifies it: not another municipality
    assert respuestas.municipios("en el municipio de Tabio, Cundinamarca") == ["Tabio"]


@pytest.mark.parametrize(("texto", "departamento", "esperados"), [
    # what was intervened in a municipality of the department, written before it
    ("Fincas de Filandia, Salento y Pijao, y del corregimiento La Virginia, del municipio de Calarcá.", "Quindío",
     ["Filandia", "Salento", "Pijao", "Calarcá"]),
    ("ESE de Tesalia, Neiva y Pitalito", "Huila", ["Tesalia", "Neiva", "Pitalito"]),
    # a municipality's own name with 'de' stays whole, of whatever department; without the department, nothing is guessed
    ("Santa Rosa de Cabal, Armenia y Calarcá", "Quindío", ["Santa Rosa de Cabal", "Armenia", "Calarcá"]),
    ("Fincas de Filandia, Salento y Pijao", None, ["Fincas de Filandia", "Salento", "Pijao"]),
    ("Fincas de Medellín, Salento y Pijao", "Quindío", ["Fincas de Medellín", "Salento", "Pijao"]),  # not of the department
])
def test_lo_intervenido_en_un_municipio_nombra_el_municipio(texto: str, departamento: str | None, esperados: list[str]) -> None:
    assert respuestas.municipios(texto, departamento) == esperados


def test_el_lector_de_lugares_es_lineal() -> None:
    """Thousands of places read in one pass: twenty times the text takes about twenty times as long, not four hundred."""
    def tiempo(n: int) -> float:
        texto = "Vereda La Laguna (Mutiscua), corregimientos Campo Dos y Pacelli de Tibú, Ocaña y Cúcuta; " * n
        return tiempo_cpu(lambda: divipola().lugares(texto))

    tiempo(10)
    assert tiempo(2000) < 60 * max(tiempo(100), 1e-3)


def test_la_clave_de_un_nombre_es_la_normalizacion_de_los_lectores() -> None:
    """`clave` is `patrones.normalizar` with punctuation as space: a zero-width space inside a name is dropped
    (it used to split 'Cúc<ZWSP>uta' into two words), as every other reader drops it."""
    assert clave("San José de CÚCUTA.") == "san jose de cucuta"
    assert clave("Cúc\u200buta") == "cucuta"
    assert [m.codigo for m in lugares.divipola().buscar("Cúc\u200buta")] == ["54001"]


@pytest.mark.parametrize(("texto", "esperados"), [
    # a city's comunas by number and name: the name after the dash is the comuna's, not a municipality
    ("Comuna 9 – Buenos Aires (barrios Miraflores y Loreto) y el corregimiento de San Cristóbal",
     [("9", "comuna"), ("Buenos Aires", "comuna"), ("Miraflores", "barrio"), ("Loreto", "barrio"), ("San Cristóbal", "corregimiento")]),
    ("Comuna 8 - Villa Hermosa y Comuna 13 - San Javier", [("8", "comuna"), ("Villa Hermosa", "comuna"), ("13", "comuna"),
                                                           ("San Javier", "comuna")]),
    # a facility named after its place is not a place
    ("Parque Biblioteca Belén y Biblioteca Corregimental de Altavista", [("Belén", "sede"), ("Altavista", "sede")]),
    ("Institución Educativa San José, en Tibú", [("San José", "sede"), ("Tibú", "municipio")]),
])
def test_comunas_numeradas_y_sedes_de_una_ciudad(texto: str, esperados: list[tuple[str, str]]) -> None:
    leidos = [(lugar.nombre, lugar.tipo.value if lugar.tipo else None) for lugar in divipola().lugares(texto)]
    assert leidos[:len(esperados)] == esperados
    assert not any(lugar.como_municipio for lugar in divipola().lugares(texto) if lugar.nombre in ("Buenos Aires", "Belén", "Villa Hermosa"))


def test_un_municipio_con_nombre_de_departamento_sigue_en_la_lista() -> None:
    assert respuestas.municipios("Belén, Jericó, Caldas, Buenavista y Páez") == ["Belén", "Jericó", "Caldas", "Buenavista", "Páez"]
    assert respuestas.municipios("Bolívar, Sucre, La Belleza y Albania") == ["Bolívar", "Sucre", "La Belleza", "Albania"]
    assert respuestas.municipios("municipios de Tabio, Cundinamarca y Tibú") == ["Tabio", "Tibú"]  # Cundinamarca is Tabio's


def test_una_lista_numerada_de_municipios_un_parrafo_por_nombre() -> None:
    """'1. Tibú' … '10. Guamalito', one paragraph each as an export writes a numbered list: the municipalities of
    the list, so that one that is not a municipality (a corregimiento) is checked as one."""
    texto = "1. Tibú\n\n2. El Tarra\n\n3. Sardinata\n\n4. El Carmen\n\n5. Guamalito"
    assert respuestas.municipios(texto) == ["Tibú", "El Tarra", "Sardinata", "El Carmen", "Guamalito"]
    # paragraphs that are sentences are not a list of names
    assert respuestas.municipios("Se trabajó en Tibú.\n\nLuego en El Tarra.\n\nY en Sardinata, con las alcaldías.") == []


@pytest.mark.parametrize("escrito", ["Purísima", "Purisima", "Purísima de la Concepción"])
def test_un_municipio_por_su_nombre_corto(escrito: str) -> None:
    """DIVIPOLA says 'Purísima de la Concepción'; offices write 'Purísima' (an alias, `datos/alias_lugares.csv`)."""
    lectura = divipola().leer(escrito, "Córdoba")
    assert lectura.clase is Clase.MUNICIPIO
    assert [m.codigo for m in lectura.municipios] == ["23586"]


@pytest.mark.parametrize(("escrito", "departamento", "oficial"), [
    ("Betulia", "Sucre", "San Juan de Betulia"),  # Betulia is also a municipality of Antioquia and Santander
    ("Sincé", "Sucre", "San Luis de Sincé"),
    ("Tolú", "Sucre", "Santiago de Tolú"),
])
def test_el_nombre_corto_de_un_municipio_del_departamento(escrito: str, departamento: str, oficial: str) -> None:
    """Offices write the short form of a long official name; in the report's department it is that municipality."""
    lectura = divipola().leer(escrito, departamento)
    assert lectura.clase is Clase.MUNICIPIO and [m.nombre for m in lectura.municipios] == [oficial]
    assert divipola().leer("Betulia", "Antioquia").clase is Clase.MUNICIPIO


def test_nombres_con_guion_y_areas_no_municipalizadas() -> None:
    """DIVIPOLA's hyphenated names are one name ('Mirití-Paraná'); 'áreas no municipalizadas de …' presents them as
    municipality-level places; a road 'Tibú-Cúcuta' stays two names."""
    from auditor.lectura.respuestas import municipios
    assert municipios("Áreas no municipalizadas de La Pedrera, Mirití-Paraná y Puerto Arica.", "Amazonas") == [
        "La Pedrera", "Mirití-Paraná", "Puerto Arica"]
    assert municipios("municipios de Piendamó - Tunía y Cajibío", "Cauca") == ["Piendamó - Tunía", "Cajibío"]
    assert municipios("municipios de Tibú-Cúcuta y Sardinata", "Norte de Santander") == ["Tibú", "Cúcuta", "Sardinata"]


def test_un_rio_con_nombre_de_municipio_no_es_un_lugar_del_informe() -> None:
    from auditor.lectura.respuestas import municipios
    assert municipios("Obras sobre el río Bogotá y la quebrada Honda, en los municipios de Chía y Cajicá.", "Cundinamarca") == [
        "Chía", "Cajicá"]


def test_un_accidente_geografico_solo_en_minuscula() -> None:
    """'Río de Oro' (Cesar) and the vereda 'El Volcán' keep their names: the word for a river or a volcano counts
    only in lower case."""
    from auditor.lectura.respuestas import municipios
    assert municipios("municipios de Río de Oro y Aguachica", "Cesar") == ["Río de Oro", "Aguachica"]


def test_las_sedes_de_unos_lugares() -> None:
    """'Puestos de salud de A, B, C y D': after a plural facility's kind and 'de', the names are where the facilities are
    (a list of municipalities when most are), not the facilities' own names as in 'Institución Educativa San José'."""
    from auditor.lectura.respuestas import municipios
    assert municipios("Puestos de salud de Tarapacá, La Chorrera, Puerto Alegría y Puerto Leguízamo.", "Amazonas") == [
        "Tarapacá", "La Chorrera", "Puerto Alegría", "Puerto Leguízamo"]
    assert [(lugar.nombre, lugar.tipo) for lugar in divipola().lugares("Institución Educativa San José")] == [("San José", Tipo.SEDE)]


@pytest.mark.parametrize(("texto", "departamento", "municipios_leidos"), [
    ("Comuna 3 (sectores El Calvario, San Bosco, Sucre y El Piloto) y municipio de Jamundí", "Valle del Cauca", ["Jamundí"]),
    ("comunidades de Macedonia, Arara y Nazareth, municipio de Leticia", "Amazonas", ["Leticia"]),
    ("rancherías Jepirra y Kaiwa, municipio de Uribia", "La Guajira", ["Uribia"]),
])
def test_sectores_comunidades_y_rancherias_no_son_municipios(texto: str, departamento: str, municipios_leidos: list[str]) -> None:
    """'sectores El Calvario, …, Sucre', 'comunidades de …', 'rancherías …': places inside a municipality (Sucre here is
    a sector, not the department's municipality)."""
    from auditor.lectura.respuestas import municipios
    assert municipios(texto, departamento) == municipios_leidos
