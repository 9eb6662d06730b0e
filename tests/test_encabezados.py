"""An office that numbers its outline ('2.1.3 Meta de Producto N° 14 — …'), writes the four-year
target in parentheses at the end of the heading, labels each answer ('Socios:', 'Fechas:') and
opens the report with a summary table: the metas are read, each labelled answer goes to its
field, and nothing is dropped silently."""

from __future__ import annotations

from typing import Any

from auditor.entrada.importar import importar_bytes
from auditor.entrada.importar.encabezados import meta_del_titulo
from auditor.entrada.problemas import ENTRADA_SIN_UBICAR

# Another office, other metas and wording than any corpus draft.
BORRADOR = """ALCALDÍA DE PAMPLONA
SECRETARÍA DE INFRAESTRUCTURA Y OBRAS PÚBLICAS

INFORME DE RENDICIÓN DE CUENTAS
Vigencia 2024
Plan de Desarrollo Municipal 2024-2027 "Pamplona Conectada"
Fecha de corte: 31 de diciembre de 2024


1. INTRODUCCIÓN

La Secretaría rinde cuentas de tres metas de producto de la red vial municipal.


2. CUADRO DE INVERSIÓN POR META (millones de pesos)

Código\tMeta\tOrigen de los recursos\tValor ejecutado
14\tVías terciarias mejoradas\tSGR\t2.500,0
15\tPuentes vehiculares\tRecursos propios\t900,0
16\tPlaca huella\tSGP\t410,0
\tTOTAL\t\t3.810,0


3. METAS DE PRODUCTO

3.1 EJE: MOVILIDAD RURAL

3.1.1 Meta de Producto N° 14 — Kilómetros de vías terciarias con mantenimiento (meta cuatrienio: 120 km)

Logros: Se intervinieron 30 km de vías terciarias de los 30 km programados en la vigencia, con un cumplimiento del 100 % y un avance del 25 % de la meta del cuatrienio.

Inversión: $ 2,5 mil millones del Sistema General de Regalías.

Población atendida: 4.100 habitantes de las veredas del norte del municipio.

Actividades:
1. Perfilado y conformación de la banca.
2. Construcción de cunetas y alcantarillas.

Socios: Gobernación del departamento e Instituto Nacional de Vías.

Fechas: Entre mayo y noviembre de 2024.

Resultados: Los productores sacan su cosecha en la mitad del tiempo que antes.

Localización: Veredas Chínchipa y Tampaqueba.


3.1.2 Meta Producto No. 15 – Puentes vehiculares construidos (Meta cuatrienio: 6 puentes)

Logros: Se construyeron 2 puentes de los 2 programados para 2024; cumplimiento del 100 % y avance del 33,3 % frente al cuatrienio.

Recursos invertidos: novecientos millones de pesos ($ 900 millones) de recursos propios.

Beneficiarios: 1.300 personas de las veredas que cruzan la quebrada.

Acciones realizadas: Diseño, licitación y construcción de dos puentes en concreto reforzado.

Aliados: Junta de acción comunal de la vereda.

Periodo de ejecución: De febrero a octubre de 2024.

Impacto: Las veredas quedan comunicadas durante la temporada de lluvias.

Cobertura territorial: Vereda El Rosal.


4. Meta 16 – Metros lineales de placa huella construidos (meta del cuatrienio: 2.000 metros)

Avance: Se construyeron 500 metros de placa huella, los 500 programados; cumplimiento del 100 % y avance del 25 % del cuatrienio.

Presupuesto ejecutado: Sobre una programación de $ 450 millones, $ 410.000.000 del SGP.

Población beneficiada: 800 habitantes.

Cómo se hizo: Por administración directa con la maquinaria del municipio.

Con quién: Comunidad de la vereda.

Cuándo: Agosto de 2024.

Resultados: El tramo más crítico ya no se cierra por lluvias.

Dónde: Vereda Monteadentro.

Elaboró: Oficina de Planeación
"""


def _importar() -> Any:
    return importar_bytes(BORRADOR.encode("utf-8"), "infraestructura.txt")


def test_encabezados_con_numero_de_esquema_y_meta_entre_parentesis() -> None:
    datos = _importar().datos
    assert datos["plantilla"] == "narrativa"  # the summary table does not take over the layout
    metas = datos["metas"]
    assert [m["numero"] for m in metas] == [14, 15, 16]
    assert metas[0]["nombre"] == "Kilómetros de vías terciarias con mantenimiento"
    assert [(m["meta_cuatrienio"]["cantidad"], m["meta_cuatrienio"]["unidad"]) for m in metas] == [
        ("120", "km"), ("6", "puentes"), ("2.000", "metros")]
    assert metas[1]["meta_cuatrienio"]["texto"] == "6 puentes"
    assert metas[0]["eje"] == "3.1 EJE: MOVILIDAD RURAL"


def test_cada_respuesta_rotulada_va_a_su_campo() -> None:
    metas = _importar().datos["metas"]
    catorce, quince, dieciseis = metas
    assert catorce["logro"]["texto"].startswith("Se intervinieron 30 km")  # 'Logros' is what was done
    assert catorce["impacto"].startswith("Los productores")  # 'Resultados' is the impact
    assert catorce["beneficiarios"]["descripcion"].startswith("4.100 habitantes")
    assert "Perfilado" in catorce["ejecucion"]["como"] and "cunetas" in catorce["ejecucion"]["como"]  # a bare label takes its list
    assert catorce["ejecucion"]["con_quien"].startswith("Gobernación")
    assert catorce["ejecucion"]["cuando"] == "Entre mayo y noviembre de 2024."
    assert catorce["localizacion"]["texto"].startswith("Veredas Chínchipa")
    assert quince["ejecucion"]["con_quien"] == "Junta de acción comunal de la vereda."
    assert quince["ejecucion"]["cuando"] == "De febrero a octubre de 2024."
    assert quince["impacto"].startswith("Las veredas quedan")
    assert quince["localizacion"]["texto"] == "Vereda El Rosal."
    assert quince["beneficiarios"]["descripcion"].startswith("1.300 personas")
    assert dieciseis["impacto"].startswith("El tramo")
    assert dieciseis["ejecucion"]["con_quien"] == "Comunidad de la vereda."
    assert "Oficina de Planeación" not in str(dieciseis)


def test_montos_tras_el_rotulo_sin_verbo() -> None:
    metas = _importar().datos["metas"]
    assert metas[0]["inversion"]["ejecutada"] == "$ 2,5 mil millones"
    assert metas[1]["inversion"]["ejecutada"] == "novecientos millones de pesos"
    assert metas[2]["inversion"]["programada"] == "$ 450 millones"
    assert metas[2]["inversion"]["ejecutada"] == "$ 410.000.000"


def test_la_tabla_de_resumen_no_se_pierde_en_silencio() -> None:
    borrador = _importar()
    sin_ubicar = [p for p in borrador.problemas if p.regla == ENTRADA_SIN_UBICAR and "portada" not in p.mensaje]
    assert len(sin_ubicar) == 1 and "tabla antes de la primera meta" in sin_ubicar[0].mensaje
    assert sin_ubicar[0].linea == BORRADOR.splitlines().index("Código\tMeta\tOrigen de los recursos\tValor ejecutado") + 1


def test_lo_que_sigue_a_una_matriz_se_reporta() -> None:
    texto = "\n".join([
        "Alcaldía de Chinácota", "Secretaría de Deporte", "Informe de Rendición de Cuentas, vigencia 2024", "",
        "Meta de producto\tMeta del cuatrienio\tProgramado periodo\tEjecutado periodo\t% cumplimiento\tInversión ejecutada",
        "Escuelas deportivas creadas\t8\t2\t2\t100%\t$ 30 millones",
        "",
        "Fuente: banco de proyectos.",
        "",
        "Las escuelas atienden a 240 niños de la zona rural, con entrenadores contratados por la alcaldía.",
        "",
    ])
    borrador = importar_bytes(texto.encode("utf-8"), "deporte.txt")
    assert borrador.datos["plantilla"] == "matriz"
    sin_ubicar = [p for p in borrador.problemas if p.regla == ENTRADA_SIN_UBICAR and "portada" not in p.mensaje]
    assert len(sin_ubicar) == 1 and sin_ubicar[0].linea == 10  # the source note is the table's own, not lost text


def test_meta_del_titulo_solo_al_final_y_entre_parentesis() -> None:
    leida = meta_del_titulo("Sedes educativas dotadas (Meta del cuatrienio: 35 sedes)")
    assert leida is not None and (leida.nombre, leida.cantidad, leida.unidad) == ("Sedes educativas dotadas", "35", "sedes")
    assert meta_del_titulo("Sedes educativas dotadas (meta cuatrienio: 35 sedes) en zona rural") is None
    assert meta_del_titulo("Sedes (SGP) dotadas") is None
    sin_cifra = meta_del_titulo("Política formulada (meta cuatrienio: por definir)")
    assert sin_cifra is not None and sin_cifra.cantidad is None and sin_cifra.texto == "por definir"


def test_cuenta_junto_a_la_unidad_con_separador_de_miles() -> None:
    from auditor.lectura.respuestas import cuenta_junto_a

    cuenta = cuenta_junto_a("Se repararon 2.300 metros de andén en el casco urbano", "metros")
    assert cuenta is not None and cuenta.cantidad == "2.300"
