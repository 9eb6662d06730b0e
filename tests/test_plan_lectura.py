"""Reading the Plan Indicativo (entrada.plan, --plan, plan: and columnas:): workbooks and CSVs built here.

The KPT export's names and their variants, a `columnas:` mapping, title rows above the headers, a two-row header
(the year in a merged cell above its columns), NP kept apart from 0, numbers written as Colombian text, every value
with its cell; and each malformed plan stopping the run with status 2, its file, sheet and cell, and no traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from auditor.entrada import plan as lector
from auditor.entrada.plan import ColumnasPlan, ErrorPlan, cargar_plan, letra
from auditor.modelo.plan import Acumulacion, Celda, Programado

from .conftest import FIXTURES, RAIZ, correr

HOJA = "PLAN INDICATIVO - PRODUCTOS"
TITULOS = [["Gobernación del Putumayo"], ["Plan de Desarrollo Departamental 2024-2027"], ["Fecha de corte: 30/06/2024"]]
FUENTES = ["Recursos propios", "SGP Educación", "SGP Salud", "SGP Propósito general", "SGR", "Crédito", "Cofinanciación", "Otros"]
ANOS = (2024, 2025, 2026, 2027)


def encabezados_kpt() -> list[str]:
    """The KPT export's header row, as the fixture writes it (plan.md)."""
    cabeza = ["Código DANE", "Entidad territorial", "Línea estratégica", "Sector", "Programa presupuestal", "Producto (MGA)",
              "Indicador de producto (MGA)", "No. meta", "Meta de producto", "Unidad de medida", "Línea base", "Meta cuatrienio",
              "Tipo de acumulación", *(f"Programación {a}" for a in ANOS)]
    for ano in ANOS:
        cabeza += [f"{fuente} {ano}" for fuente in FUENTES] + [f"Total {ano}"]
    return [*cabeza, "Secretaría responsable", "BPIN"]


def fila_kpt(numero: Any, descripcion: Any, *, unidad: Any = "Número", linea_base: Any = 0, cuatrienio: Any = 100,
             acumulacion: Any = "Acumulado", programacion: tuple[Any, ...] = (25, 25, 25, 25),
             recursos: tuple[Any, ...] = (100, 0, 0, 50, 0, 0, 0, 0, 150), responsable: Any = "Secretaría de Cultura") -> list[Any]:
    fila = ["86000", "Putumayo", "Desarrollo social", "Cultura", "3301", "Servicio de promoción", "Eventos realizados",
            numero, descripcion, unidad, linea_base, cuatrienio, acumulacion, *programacion]
    for _ in ANOS:
        fila += list(recursos)
    return [*fila, responsable, "2024860000001"]


def libro(ruta: Path, filas: list[list[Any]], hoja: str = HOJA, otras: tuple[str, ...] = (),
          fusionar: tuple[str, ...] = ()) -> Path:
    """A workbook written with openpyxl: `filas` from row 1 in the sheet `hoja`, other (empty) sheets, merged ranges."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = hoja
    for fila in filas:
        ws.append(fila)
    for rango in fusionar:
        ws.merge_cells(rango)
    for otra in otras:
        wb.create_sheet(otra)
    wb.save(ruta)
    return ruta


def kpt(tmp_path: Path, *filas: list[Any], nombre: str = "plan.xlsx") -> Path:
    return libro(tmp_path / nombre, [*TITULOS, encabezados_kpt(), *filas])


@pytest.fixture()
def plan_kpt(tmp_path: Path) -> Path:
    return kpt(
        tmp_path,
        fila_kpt(80, "Apoyar 100 emprendimientos", linea_base=None, cuatrienio="5.000", programacion=(1000, "NP", "12,5", 0),
                 recursos=(100, 0, 0, 50, 0, 0, 0, 0, "$ 1.200"), responsable="Secretaría de Desarrollo Económico"),
        [None] * 10,  # a blank row
        fila_kpt(None, "Línea estratégica 2: Cultura", cuatrienio=None, programacion=(None,) * 4, recursos=(None,) * 9),  # a section title
        fila_kpt("Subtotal", "", cuatrienio=5000, programacion=(1000, 0, 0, 0)),  # a row of totals
        fila_kpt("3.1.2", "Realizar 4 festivales", cuatrienio=4, acumulacion="Mantenimiento", programacion=(1, 1, "No programado", 1)),
    )


# --- the KPT export ------------------------------------------------------------------------------------

def test_la_exportacion_del_kpt_se_lee_con_cada_valor_en_su_celda(plan_kpt: Path) -> None:
    plan = cargar_plan(plan_kpt)
    assert (plan.archivo, plan.hoja, plan.con_responsable, plan.avisos) == (str(plan_kpt), HOJA, True, ())
    assert [m.numero for m in plan.metas] == ["80", "3.1.2"]  # blank, title and subtotal rows skipped
    meta = plan.metas[0]
    assert (meta.descripcion, meta.responsable, meta.unidad) == ("Apoyar 100 emprendimientos", "Secretaría de Desarrollo Económico", "Número")
    assert (meta.linea_base, meta.meta_cuatrienio, meta.acumulacion) == (None, 5000.0, Acumulacion.FLUJO)
    assert meta.fila == Celda(HOJA, 5)
    assert meta.celdas["numero"] == Celda(HOJA, 5, "H")
    assert meta.celdas["descripcion"] == Celda(HOJA, 5, "I")
    assert meta.celdas["meta_cuatrienio"] == Celda(HOJA, 5, "L")
    assert meta.celdas["acumulacion"] == Celda(HOJA, 5, "M")
    assert meta.celdas["responsable"] == Celda(HOJA, 5, "BB")
    assert meta.programacion == {
        2024: Programado(1000.0, Celda(HOJA, 5, "N")),
        2025: Programado(None, Celda(HOJA, 5, "O"), no_programado=True),  # NP: not 0
        2026: Programado(12.5, Celda(HOJA, 5, "P")),  # '12,5'
        2027: Programado(0.0, Celda(HOJA, 5, "Q")),  # 0: programmed, and nothing
    }
    recursos = meta.recursos[2024]
    assert recursos.total == 1200.0  # '$ 1.200', in millones as the export states it
    # each source by the plan's own header, so that a message says it in the plan's words
    assert recursos.fuentes == {"Recursos propios 2024": 100.0, "SGP Educación 2024": 0.0, "SGP Salud 2024": 0.0,
                                "SGP Propósito general 2024": 50.0, "SGR 2024": 0.0, "Crédito 2024": 0.0,
                                "Cofinanciación 2024": 0.0, "Otros 2024": 0.0}
    assert recursos.celda == Celda(HOJA, 5, "Z")
    assert sorted(meta.recursos) == list(ANOS) and meta.recursos[2027].celda == Celda(HOJA, 5, "BA")
    otra = plan.metas[1]
    assert otra.fila == Celda(HOJA, 9) and otra.acumulacion is Acumulacion.MANTENIMIENTO
    assert otra.programacion[2026] == Programado(None, Celda(HOJA, 9, "P"), no_programado=True)


def test_letras_de_columna() -> None:
    assert [letra(n) for n in (1, 26, 27, 52, 53, 702, 703)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


def test_las_variantes_de_los_encabezados_sin_mayusculas_tildes_ni_espacios(tmp_path: Path) -> None:
    cabeza = ["  META   PDD ", "descripcion de la META", "Dependencia Responsable", "UNIDAD", "Linea Base", "Meta del cuatrienio",
              "tipo de acumulacion", "Programado 2024", "Meta 2025", "programación  2026", "Total 2024 (millones de pesos)"]
    ruta = libro(tmp_path / "p.xlsx", [cabeza, [12, "Reducir la deserción", "Educación", "%", 10, 6, "Reducción", 9, 8, "7", 300],
                                       [13, "Dotar sedes", "Educación", "Sedes", 0, 20, "Stock", 5, 5, 5, None]], hoja="Plan Indicativo")
    plan = cargar_plan(ruta)
    primera, segunda = plan.metas
    assert (primera.numero, primera.descripcion, primera.responsable, primera.unidad) == ("12", "Reducir la deserción", "Educación", "%")
    assert (primera.linea_base, primera.meta_cuatrienio, primera.acumulacion) == (10.0, 6.0, Acumulacion.REDUCCION)
    assert {a: p.valor for a, p in primera.programacion.items()} == {2024: 9.0, 2025: 8.0, 2026: 7.0}
    assert primera.recursos[2024].total == 300.0 and primera.recursos[2024].fuentes == {}
    assert segunda.acumulacion is Acumulacion.CAPACIDAD and segunda.recursos == {}


def test_sin_columna_de_responsable_el_plan_lo_dice(tmp_path: Path) -> None:
    ruta = libro(tmp_path / "p.xlsx", [["No. meta", "Meta de producto"], [1, "Una meta"]])
    plan = cargar_plan(ruta)
    assert plan.con_responsable is False and plan.metas[0].responsable is None


def test_un_libro_de_una_sola_hoja_se_lee_con_cualquier_nombre(tmp_path: Path) -> None:
    ruta = libro(tmp_path / "p.xlsx", [["No. meta", "Meta de producto"], [1, "Una meta"]], hoja="Hoja1")
    assert cargar_plan(ruta).hoja == "Hoja1"


def test_la_hoja_del_plan_se_elige_entre_varias_por_su_nombre(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    portada = wb.active
    assert portada is not None
    portada.title = "Portada"
    portada.append(["No. meta", "Meta de producto"])
    portada.append([99, "No es esta"])
    hoja = wb.create_sheet("Plan indicativo - productos")  # another case: the same name
    hoja.append(["No. meta", "Meta de producto"])
    hoja.append([1, "Esta sí"])
    wb.save(tmp_path / "p.xlsx")
    plan = cargar_plan(tmp_path / "p.xlsx")
    assert plan.hoja == "Plan indicativo - productos" and [m.descripcion for m in plan.metas] == ["Esta sí"]


# --- two-row headers ---------------------------------------------------------------------------------------

def test_encabezado_de_dos_filas_con_el_ano_fusionado_encima(tmp_path: Path) -> None:
    filas = [
        ["Plan Indicativo 2024-2027"],
        ["No. meta", "Meta de producto", "Meta cuatrienio", 2024, None, None, None, "2025", None, None, None],
        [None, None, None, "Programación", "Recursos propios", "SGR", "Total", "Programación", "Recursos propios", "SGR", "Total"],
        [7, "Construir 3 placas huella", 3, 1, 200, 300, 500, "NP", 0, 0, 0],
    ]
    ruta = libro(tmp_path / "p.xlsx", filas, fusionar=("D2:G2", "H2:K2", "A2:A3", "B2:B3", "C2:C3"))
    (meta,) = cargar_plan(ruta).metas
    assert (meta.numero, meta.meta_cuatrienio, meta.fila) == ("7", 3.0, Celda(HOJA, 4))
    assert meta.programacion == {2024: Programado(1.0, Celda(HOJA, 4, "D")),
                                 2025: Programado(None, Celda(HOJA, 4, "H"), no_programado=True)}
    assert meta.recursos[2024].fuentes == {"Recursos propios 2024": 200.0, "SGR 2024": 300.0}  # the year from the merged cell above
    assert (meta.recursos[2024].total, meta.recursos[2024].celda) == (500.0, Celda(HOJA, 4, "G"))
    assert (meta.recursos[2025].total, meta.recursos[2025].celda) == (0.0, Celda(HOJA, 4, "K"))


def test_encabezado_de_dos_filas_con_el_nombre_encima_de_los_anos(tmp_path: Path) -> None:
    filas = [
        ["No. meta", "Meta de producto", "Programación", None, None, None],
        [None, None, 2024, 2025, 2026, 2027],
        ["12", "Capacitar 40 gestores", 10, 10, "NP", 20],
    ]
    ruta = libro(tmp_path / "p.xlsx", filas, fusionar=("C1:F1",))
    (meta,) = cargar_plan(ruta).metas
    assert {a: (p.valor, p.no_programado, p.celda.columna) for a, p in meta.programacion.items()} == {
        2024: (10.0, False, "C"), 2025: (10.0, False, "D"), 2026: (None, True, "E"), 2027: (20.0, False, "F")}
    assert meta.fila == Celda(HOJA, 3)


# --- CSV ---------------------------------------------------------------------------------------------------

def test_csv_utf8_con_bom_y_punto_y_coma(tmp_path: Path) -> None:
    ruta = tmp_path / "plan.csv"
    ruta.write_bytes("\ufeffPlan Indicativo\nNo. meta;Meta de producto;Meta cuatrienio;Programación 2024;Total 2024\n"
                     "80;Apoyar emprendimientos;1.158,69;NP;$ 1.200\n;;;;\n".encode())
    plan = cargar_plan(ruta)
    (meta,) = plan.metas
    assert (plan.hoja, plan.avisos) == ("plan.csv", ())
    assert (meta.numero, meta.meta_cuatrienio, meta.fila) == ("80", 1158.69, Celda("plan.csv", 3))
    assert meta.programacion[2024] == Programado(None, Celda("plan.csv", 3, "D"), no_programado=True)
    assert meta.recursos[2024].total == 1200.0


def test_csv_con_comas_y_decimales_entre_comillas(tmp_path: Path) -> None:
    ruta = tmp_path / "plan.csv"
    ruta.write_text('No. meta,Meta de producto,Meta cuatrienio,Programación 2024\n5,"Meta, con coma","12,5",0\n', encoding="utf-8")
    (meta,) = cargar_plan(ruta).metas
    assert (meta.descripcion, meta.meta_cuatrienio, meta.programacion[2024]) == (
        "Meta, con coma", 12.5, Programado(0.0, Celda("plan.csv", 2, "D")))


def test_csv_en_latin1_se_lee_y_se_dice(tmp_path: Path) -> None:
    ruta = tmp_path / "plan.csv"
    ruta.write_bytes("No. meta;Meta de producto;Secretaría responsable\n1;Atención a niños;Secretaría de Salud\n".encode("latin-1"))
    plan = cargar_plan(ruta)
    assert plan.metas[0].descripcion == "Atención a niños" and plan.metas[0].responsable == "Secretaría de Salud"
    (latin,) = [a for a in plan.avisos if "UTF-8" in a]
    assert str(ruta) in latin
    codigo, salida, error = correr("check", str(FIXTURES / "limpio_cultura_2024_2025.yaml"), "--plan", str(ruta), "-q")
    assert codigo == 0 and "UTF-8" in error and "Latin-1" in error


# --- columnas: --------------------------------------------------------------------------------------------

def _propio(tmp_path: Path) -> Path:
    ruta = tmp_path / "propio.csv"
    ruta.write_text("Cód. PDD;Producto esperado;Sectorial;Meta programada 2024;Responsable\n"
                    "P-1;Entregar 10 kits;Secretaría TIC;10;no es esta\n", encoding="utf-8")
    return ruta


def test_columnas_nombra_los_encabezados_de_otra_exportacion(tmp_path: Path) -> None:
    columnas = ColumnasPlan(numero="Cód. PDD", descripcion="Producto esperado", responsable="Sectorial", programacion="Meta programada")
    (meta,) = cargar_plan(_propio(tmp_path), columnas).metas
    assert (meta.numero, meta.descripcion, meta.responsable) == ("P-1", "Entregar 10 kits", "Secretaría TIC")  # not 'Responsable'
    assert meta.programacion[2024] == Programado(10.0, Celda("propio.csv", 2, "D"))
    with pytest.raises(ErrorPlan, match="no está la columna 'Unidad del producto' que 'columnas.unidad'"):
        cargar_plan(_propio(tmp_path), ColumnasPlan(numero="Cód. PDD", descripcion="Producto esperado", unidad="Unidad del producto"))


def test_plan_y_columnas_en_la_configuracion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _propio(tmp_path)
    (tmp_path / "auditor.yaml").write_text('plan: propio.csv\ncolumnas:\n  numero: "Cód. PDD"\n  descripcion: "Producto esperado"\n',
                                           encoding="utf-8")
    shutil.copy(FIXTURES / "limpio_cultura_2024_2025.yaml", tmp_path / "informe.yaml")
    monkeypatch.chdir(tmp_path)
    codigo, _, error = correr("check", "informe.yaml", "-q")
    assert codigo == 0 and error.startswith("auditor: aviso: propio.csv: no se reconoció ninguna columna de recursos")
    assert error.count("\n") == 1
    (tmp_path / "auditor.yaml").write_text('plan: propio.csv\ncolumnas:\n  numero: "Cód. PDD"\n', encoding="utf-8")
    codigo, salida, error = correr("check", "informe.yaml", "-q")
    assert codigo == 2 and salida == "" and "Traceback" not in error
    assert error.startswith("auditor: error: propio.csv: falta la columna de la descripción de la meta en la fila de encabezados (fila 1)")


def test_un_campo_desconocido_en_columnas_se_rechaza_con_su_linea(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "auditor.yaml").write_text('idioma: es\ncolumnas:\n  numero: "Cód"\n  secretaria: "Sectorial"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    codigo, salida, error = correr("check", str(FIXTURES / "limpio_cultura_2024_2025.yaml"))
    assert (codigo, salida) == (2, "")
    assert error.startswith("auditor: error: ") and "auditor.yaml:4: clave desconocida 'secretaria'" in error
    assert "numero, descripcion, responsable" in error


def test_plan_de_la_configuracion_es_relativo_a_ella_y_plan_de_la_linea_de_ordenes_manda(tmp_path: Path,
                                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "auditor.yaml").write_text("plan: no_existe.xlsx\n", encoding="utf-8")
    bueno = libro(tmp_path / "bueno.xlsx", [["No. meta", "Meta de producto"], [1, "Una meta"]])
    monkeypatch.chdir(tmp_path)
    informe = str(FIXTURES / "limpio_cultura_2024_2025.yaml")
    codigo, _, error = correr("check", informe, "--config", "conf/auditor.yaml", "-q")
    assert codigo == 2 and "conf/no_existe.xlsx: no se puede leer" in error
    assert correr("check", informe, "--config", "conf/auditor.yaml", "--plan", str(bueno), "-q")[0] == 0
    assert correr("summary", informe, "--config", "conf/auditor.yaml", "--plan", str(bueno), "--format", "text")[0] == 0
    codigo, _, error = correr("summary", informe, "--config", "conf/auditor.yaml", "--format", "text")
    assert codigo == 2 and "no_existe.xlsx" in error


def test_una_salida_no_puede_escribirse_sobre_el_plan(tmp_path: Path) -> None:
    bueno = libro(tmp_path / "bueno.xlsx", [["No. meta", "Meta de producto"], [1, "Una meta"]])
    antes = bueno.read_bytes()
    codigo, _, error = correr("check", str(FIXTURES / "limpio_cultura_2024_2025.yaml"), "--plan", str(bueno), "--format", "json",
                              "-o", str(bueno))
    assert codigo == 2 and "el Plan Indicativo en uso" in error and bueno.read_bytes() == antes


# --- malformed plans: status 2, the cell, no traceback ------------------------------------------------------

def _falla(*args: str) -> str:
    """Run check with this plan: status 2, nothing on stdout, one error line on stderr (no traceback)."""
    codigo, salida, error = correr("check", str(FIXTURES / "limpio_cultura_2024_2025.yaml"), *args)
    assert (codigo, salida) == (2, ""), error
    assert error.startswith("auditor: error: ") and "Traceback" not in error and error.count("\n") == 1, error
    return error


def test_falta_la_columna_de_la_descripcion(tmp_path: Path) -> None:
    cabeza = [h for h in encabezados_kpt() if h != "Meta de producto"]
    ruta = libro(tmp_path / "p.xlsx", [*TITULOS, cabeza, [1] * len(cabeza)])
    error = _falla("--plan", str(ruta))
    assert f"{ruta}: hoja '{HOJA}': falta la columna de la descripción de la meta en la fila de encabezados (fila 4)" in error
    assert "'Meta de producto', 'Descripción de la meta', 'Meta'" in error


def test_falta_la_columna_del_numero_de_la_meta_en_ingles(tmp_path: Path) -> None:
    ruta = libro(tmp_path / "p.xlsx", [["Meta de producto", "Meta cuatrienio"], ["Una meta", 3]])
    error = _falla("--plan", str(ruta), "--lang", "en")
    assert f"sheet '{HOJA}': the column of the target's number is missing from the header row (row 1)" in error


def test_un_texto_en_una_celda_de_numero(tmp_path: Path) -> None:
    ruta = kpt(tmp_path, fila_kpt(80, "Apoyar emprendimientos", cuatrienio="cinco mil"))
    error = _falla("--plan", str(ruta))
    assert f"{ruta}: hoja '{HOJA}', celda L5: se esperaba un número en 'Meta cuatrienio' (se encontró el texto 'cinco mil')" in error


def test_un_texto_en_la_programacion_dice_que_np_vale(tmp_path: Path) -> None:
    ruta = kpt(tmp_path, fila_kpt(80, "Apoyar emprendimientos", programacion=(1, "pendiente", 1, 1)))
    error = _falla("--plan", str(ruta))
    assert "celda O5: se esperaba un número en 'Programación 2025' o NP si no se programó (se encontró el texto 'pendiente')" in error


def test_una_fecha_en_una_celda_de_numero(tmp_path: Path) -> None:
    import datetime

    ruta = kpt(tmp_path, fila_kpt(80, "Apoyar emprendimientos", linea_base=datetime.datetime(2024, 1, 5)))
    assert "celda K5: se esperaba un número en 'Línea base' (se encontró 2024-01-05 00:00:00, que no es un número)" in _falla("--plan", str(ruta))


def test_un_tipo_de_acumulacion_desconocido(tmp_path: Path) -> None:
    ruta = kpt(tmp_path, fila_kpt(80, "Apoyar emprendimientos", acumulacion="Creciente"))
    assert "celda M5: tipo de acumulación desconocido 'Creciente' (se esperaba Acumulado," in _falla("--plan", str(ruta))


def test_una_meta_sin_descripcion(tmp_path: Path) -> None:
    ruta = kpt(tmp_path, fila_kpt(80, None))
    assert "celda I5: la meta 80 no tiene descripción (columna 'Meta de producto')" in _falla("--plan", str(ruta))


def test_una_hoja_vacia(tmp_path: Path) -> None:
    ruta = libro(tmp_path / "p.xlsx", [])
    assert f"{ruta}: hoja '{HOJA}': la hoja está vacía" in _falla("--plan", str(ruta))
    csv_vacio = tmp_path / "vacio.csv"
    csv_vacio.write_text("\n;;\n", encoding="utf-8")
    assert f"{csv_vacio}: la hoja está vacía" in _falla("--plan", str(csv_vacio))


def test_sin_fila_de_encabezados(tmp_path: Path) -> None:
    ruta = libro(tmp_path / "p.xlsx", [["Informe de gestión"], ["a", "b", "c"]])
    assert "no se encontró la fila de encabezados en las primeras 15 filas" in _falla("--plan", str(ruta))


def test_falta_la_hoja(tmp_path: Path) -> None:
    ruta = libro(tmp_path / "p.xlsx", [["Número", "Nombre"]], hoja="Hoja1", otras=("Resumen",))
    error = _falla("--plan", str(ruta))
    assert f"{ruta}: no tiene la hoja del Plan Indicativo: se esperaba una hoja con uno de estos nombres: '{HOJA}'" in error
    assert "(el libro tiene: 'Hoja1', 'Resumen')" in error and "columnas: {hoja:" in error


def test_una_columna_repetida(tmp_path: Path) -> None:
    ruta = libro(tmp_path / "p.xlsx", [["No. meta", "Meta de producto", "Meta de producto"], [1, "a", "b"]])
    assert f"hoja '{HOJA}', celda C1: la columna 'Meta de producto' está repetida (también en la columna B)" in _falla("--plan", str(ruta))


@pytest.mark.parametrize("contenido", [b"esto no es un libro", b"PK\x03\x04 cortado", b""])
def test_un_archivo_danado(tmp_path: Path, contenido: bytes) -> None:
    ruta = tmp_path / "plan.xlsx"
    ruta.write_bytes(contenido)
    assert f"{ruta}: no se puede leer como libro de Excel .xlsx" in _falla("--plan", str(ruta))


def test_un_libro_con_el_zip_bien_y_la_hoja_danada(tmp_path: Path) -> None:
    import zipfile

    bueno = libro(tmp_path / "bueno.xlsx", [["No. meta", "Meta de producto"], [1, "Una meta"]])
    danado = tmp_path / "danado.xlsx"
    with zipfile.ZipFile(bueno) as origen, zipfile.ZipFile(danado, "w") as destino:
        for info in origen.infolist():
            datos = origen.read(info)
            destino.writestr(info, b"<worksheet><sheetData><row" if info.filename.endswith("sheet1.xml") else datos)
    assert f"{danado}: " in _falla("--plan", str(danado))


def test_otras_extensiones_y_un_xls(tmp_path: Path) -> None:
    ruta = tmp_path / "plan.xls"
    ruta.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "se esperaba un Plan Indicativo en .xlsx o .csv (un .xls antiguo: ábralo en Excel y guárdelo como .xlsx)" in _falla("--plan", str(ruta))
    assert "se esperaba un Plan Indicativo en .xlsx o .csv" in _falla("--plan", str(tmp_path / "plan.ods"))


def test_un_plan_que_no_existe_o_es_un_directorio(tmp_path: Path) -> None:
    assert "no.xlsx: no se puede leer: no existe" in _falla("--plan", str(tmp_path / "no.xlsx"))
    os.mkfifo(tmp_path / "tuberia.csv")  # never opened: it would block the run
    assert "tuberia.csv: no es un archivo regular" in _falla("--plan", str(tmp_path / "tuberia.csv"))
    (tmp_path / "dir.csv").mkdir()  # Click's own usage error, as --config's
    codigo, _, error = correr("check", str(FIXTURES / "limpio_cultura_2024_2025.yaml"), "--plan", str(tmp_path / "dir.csv"))
    assert codigo == 2 and "--plan" in error and "Traceback" not in error


def test_un_plan_mas_grande_que_el_limite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = kpt(tmp_path, *(fila_kpt(n, f"Meta {n}") for n in range(1, 200)))
    (tmp_path / "auditor.yaml").write_text("tamano_maximo_mb: 0.01\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "más que el límite de 0.01 MB: no se lee" in _falla("--plan", str(ruta))
    grande = tmp_path / "grande.csv"
    grande.write_text("No. meta;Meta de producto\n" + "1;x\n" * 5000, encoding="utf-8")
    assert "más que el límite de 0.01 MB" in _falla("--plan", str(grande))


def test_un_csv_que_no_es_texto(tmp_path: Path) -> None:
    ruta = tmp_path / "plan.csv"
    ruta.write_bytes("No. meta;Meta\n".encode("utf-16"))
    assert "no es un texto CSV" in _falla("--plan", str(ruta))


# --- the table of names ----------------------------------------------------------------------------------

@pytest.fixture()
def tabla_propia(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    ruta = tmp_path / "plan_indicativo.yaml"
    monkeypatch.setattr(lector, "_archivo_tabla", lambda: ruta)
    lector.tabla.cache_clear()
    yield ruta
    lector.tabla.cache_clear()


def test_la_tabla_incluida_es_valida_y_sus_nombres_estan() -> None:
    tabla = lector.tabla()
    assert HOJA in tabla.hojas
    assert {"No. meta", "Meta PDD", "Código meta", "Número de la meta"} <= set(tabla.campos["numero"])
    assert {"Secretaría responsable", "Dependencia responsable", "Responsable", "Secretaría"} <= set(tabla.campos["responsable"])
    assert {"Programación", "Programado", "Meta"} <= set(tabla.por_ano.programacion)
    assert set(tabla.acumulacion) == {a.value for a in Acumulacion}


def test_una_tabla_mal_escrita_se_rechaza_con_su_linea(tabla_propia: Path) -> None:
    incluida = (RAIZ / "rules" / "plan" / "plan_indicativo.yaml").read_text(encoding="utf-8")
    tabla_propia.write_text(incluida.replace("filas_de_totales:", "filas_de_totale:"), encoding="utf-8")
    with pytest.raises(ErrorPlan) as error:
        lector.tabla()
    assert error.value.archivo == str(tabla_propia) and error.value.linea is not None and "filas_de_totale" in str(error.value)
    tabla_propia.write_text(incluida.replace("  linea_base: [Línea base,", "  linea_base: [Meta PDD, Línea base,"), encoding="utf-8")
    with pytest.raises(ErrorPlan, match="el encabezado 'Meta PDD' está en campos.numero y en campos.linea_base"):
        lector.tabla()


def test_un_nombre_nuevo_es_una_linea_de_la_tabla(tabla_propia: Path, tmp_path: Path) -> None:
    incluida = (RAIZ / "rules" / "plan" / "plan_indicativo.yaml").read_text(encoding="utf-8")
    tabla_propia.write_text(incluida.replace("  numero: [No. meta,", "  numero: [Consecutivo PDD, No. meta,"), encoding="utf-8")
    ruta = libro(tmp_path / "p.xlsx", [["Consecutivo PDD", "Meta de producto"], [4, "Una meta"]])
    assert cargar_plan(ruta).metas[0].numero == "4"


# --- the plan does not change the walk, and the command line starts without openpyxl ----------------------

def test_un_plan_junto_a_los_informes_no_se_audita(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "fixtures", ignore=shutil.ignore_patterns("plan"))
    antes = correr("check", str(tmp_path / "fixtures"), "--format", "json")
    (tmp_path / "fixtures" / "plan").mkdir()
    kpt(tmp_path / "fixtures" / "plan", fila_kpt(1, "Una meta"))
    (tmp_path / "fixtures" / "plan" / "plan.csv").write_text("No. meta;Meta de producto\n1;Una meta\n", encoding="utf-8")
    assert correr("check", str(tmp_path / "fixtures"), "--format", "json") == antes
    assert antes[0] == 1 and '"findings": 64' in antes[1]


def test_la_linea_de_ordenes_no_carga_openpyxl_sin_plan() -> None:
    codigo = ("import sys\nfrom auditor.cli import main\ntry:\n    main(['check', sys.argv[1], '-q'])\nexcept SystemExit:\n    pass\n"
              "print('openpyxl' in sys.modules, file=sys.stderr)")
    resultado = subprocess.run([sys.executable, "-c", codigo, str(FIXTURES / "limpio_cultura_2024_2025.yaml")],
                               capture_output=True, text=True, check=True)
    assert resultado.stderr.strip() == "False"


def test_dos_columnas_de_una_misma_clase_de_fuente_son_dos_fuentes(tmp_path: Path) -> None:
    """'SGP Alimentación escolar' and 'SGP Primera infancia' are both SGP otros in the table: each keeps its value,
    so that their sum is the plan's (the second must not overwrite the first)."""
    filas = [["No. meta", "Meta de producto", "SGP Alimentación escolar 2024", "SGP Primera infancia 2024", "Total 2024"],
             [5, "Raciones entregadas", 40, 60, 100]]
    ruta = libro(tmp_path / "p.xlsx", filas)
    (meta,) = cargar_plan(ruta).metas
    assert meta.recursos[2024].fuentes == {"SGP Alimentación escolar 2024": 40.0, "SGP Primera infancia 2024": 60.0}
    assert sum(meta.recursos[2024].fuentes.values()) == meta.recursos[2024].total


def test_la_misma_fuente_dos_veces_es_una_columna_repetida(tmp_path: Path) -> None:
    filas = [["No. meta", "Meta de producto", "Recursos propios 2024", "Recursos propios 2024", "Total 2024"],
             [5, "Raciones entregadas", 40, 60, 100]]
    ruta = libro(tmp_path / "p.xlsx", filas)
    assert (f"hoja '{HOJA}', celda D1: la columna 'Recursos propios 2024' está repetida (también en la columna C)"
            in _falla("--plan", str(ruta)))


def test_una_meta_en_dos_filas_se_dice(tmp_path: Path) -> None:
    filas = [["No. meta", "Meta de producto"], [5, "Raciones entregadas"], [6, "Comedores dotados"], [5, "Raciones entregadas (BPIN 2)"]]
    plan = cargar_plan(libro(tmp_path / "p.xlsx", filas))
    assert [m.fila.fila for m in plan.metas if m.numero == "5"] == [2, 4]
    assert any("la meta 5 está en varias filas de la hoja" in a and "(2, 4)" in a for a in plan.avisos)


# --- which sheet, when none has a known name --------------------------------------------------------------

def _libro_de_hojas(ruta: Path, hojas: dict[str, list[list[Any]]], ocultas: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    primera = wb.active
    assert primera is not None
    wb.remove(primera)
    for nombre, filas in hojas.items():
        ws = wb.create_sheet(nombre)
        for fila in filas:
            ws.append(fila)
        if nombre in ocultas:
            ws.sheet_state = "hidden"
    wb.save(ruta)
    return ruta


_CON_METAS = [["Alcaldía de Ejemplo"], [], ["Cód. meta", "Descripción de la meta", "Responsable"], ["2.3.1", "Huertas escolares", "Sec. Educación"]]


def test_la_unica_hoja_con_los_encabezados_se_lee_y_se_dice(tmp_path: Path) -> None:
    ruta = _libro_de_hojas(tmp_path / "p.xlsx", {"Inicio": [["Plan de Desarrollo"], ["Versión 3"]], "Seguimiento metas": _CON_METAS,
                                                 "Desplegables": [["Acumulado"], ["Capacidad"]]}, ocultas=("Desplegables",))
    plan = cargar_plan(ruta)
    assert plan.hoja == "Seguimiento metas" and [m.numero for m in plan.metas] == ["2.3.1"]
    (aviso,) = [a for a in plan.avisos if "hoja" in a and "nombre conocido" in a]
    assert "se leyó la hoja 'Seguimiento metas', la única con los encabezados" in aviso and "columnas: {hoja:" in aviso
    codigo, _, error = correr("check", str(FIXTURES / "limpio_cultura_2024_2025.yaml"), "--plan", str(ruta))
    assert codigo in (0, 1) and "auditor: aviso: " in error and "'Seguimiento metas'" in error and "Traceback" not in error


def test_varias_hojas_con_los_encabezados_es_un_error_que_las_nombra(tmp_path: Path) -> None:
    ruta = _libro_de_hojas(tmp_path / "p.xlsx", {"Inicio": [["Plan"]], "Metas 2024": _CON_METAS, "Metas 2025": _CON_METAS})
    error = _falla("--plan", str(ruta))
    assert "no se sabe cuál es la hoja del Plan Indicativo" in error and "'Metas 2024', 'Metas 2025'" in error
    assert "columnas: {hoja:" in error


def test_columnas_hoja_elige_la_hoja(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = _libro_de_hojas(tmp_path / "p.xlsx", {"Plan Indicativo": [["No. meta", "Meta de producto"], [9, "No es esta"]],
                                                 "Metas 2024": _CON_METAS, "Metas 2025": _CON_METAS})
    plan = cargar_plan(ruta, ColumnasPlan(hoja="metas  2025"))  # compared as the table's names are, when not exact
    assert plan.hoja == "Metas 2025" and not [a for a in plan.avisos if "nombre conocido" in a]
    with pytest.raises(ErrorPlan, match=r"no tiene la hoja 'Metas 2026' que 'columnas.hoja' de la configuración nombra \(el libro "
                                        r"tiene: 'Plan Indicativo', 'Metas 2024', 'Metas 2025'\)"):
        cargar_plan(ruta, ColumnasPlan(hoja="Metas 2026"))
    shutil.copy(FIXTURES / "limpio_cultura_2024_2025.yaml", tmp_path / "informe.yaml")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "auditor.yaml").write_text('plan: p.xlsx\ncolumnas: {hoja: "Metas 2024"}\n', encoding="utf-8")
    codigo, _, error = correr("check", "informe.yaml", "-q")
    assert codigo in (0, 1) and "Traceback" not in error and "error" not in error
    (tmp_path / "auditor.yaml").write_text('plan: p.xlsx\ncolumnas:\n  hoja: "  "\n', encoding="utf-8")
    codigo, salida, error = correr("check", "informe.yaml", "-q")
    assert (codigo, salida) == (2, "") and "auditor.yaml:3" in error and "Traceback" not in error


def test_columnas_hoja_con_un_csv_se_dice(tmp_path: Path) -> None:
    ruta = tmp_path / "plan.csv"
    ruta.write_text("No. meta;Meta de producto;Total 2024\n1;Una meta;10\n", encoding="utf-8")
    plan = cargar_plan(ruta, ColumnasPlan(hoja="Metas"))
    assert plan.avisos == (f"{ruta}: es un .csv, de una sola hoja: 'columnas.hoja' de la configuración ('Metas') no se usa",)


# --- sources of funds ---------------------------------------------------------------------------------------

def test_un_encabezado_que_empieza_por_el_nombre_de_una_fuente_es_esa_fuente(tmp_path: Path) -> None:
    fuentes = ["Recursos propios - ICLD", "SGP - Libre destinación", "SGR: Asignación directa municipal", "Crédito con la banca",
               "Cofinanciación del Ministerio", "Otras fuentes (donación)"]
    filas = [["No. meta", "Meta de producto", *(f"{f} 2025" for f in fuentes), "Total 2025"], [3, "Vías mejoradas", 1, 2, 3, 4, 5, 6, 21]]
    plan = cargar_plan(libro(tmp_path / "p.xlsx", filas))
    recursos = plan.metas[0].recursos[2025]
    assert list(recursos.fuentes) == [f"{f} 2025" for f in fuentes] and recursos.completas and recursos.total == 21.0
    assert plan.avisos == ()
    from auditor.reglas.chequeos.plan import ParametrosSuma, fuentes_que_no_suman
    assert list(fuentes_que_no_suman(plan, ParametrosSuma())) == []


def _con_una_fuente_desconocida(tmp_path: Path) -> Path:
    filas = [["No. meta", "Meta de producto", "Programación 2024", "Recursos propios 2024", "Aportes del municipio 2024", "Total 2024",
              "Recursos propios 2025", "Total 2025"],
             [3, "Vías mejoradas", 1, 40, 30, 70, 50, 50]]
    return libro(tmp_path / "p.xlsx", filas)


def test_una_columna_desconocida_entre_los_recursos_de_un_ano_se_dice_y_pln009_calla(tmp_path: Path) -> None:
    from auditor.reglas.chequeos.plan import ParametrosSuma, fuentes_que_no_suman

    plan = cargar_plan(_con_una_fuente_desconocida(tmp_path))
    recursos = plan.metas[0].recursos
    assert recursos[2024].fuentes == {"Recursos propios 2024": 40.0} and not recursos[2024].completas
    assert recursos[2025].completas  # the other year is whole
    (aviso,) = plan.avisos
    assert "entre los recursos de 2024 hay columnas que no son una fuente conocida" in aviso and "'Aportes del municipio 2024'" in aviso
    assert "PLN009" in aviso and "columnas: {fuentes:" in aviso
    assert list(fuentes_que_no_suman(plan, ParametrosSuma())) == []  # 40 is not 70, but a source is missing: nothing said
    plan = cargar_plan(_con_una_fuente_desconocida(tmp_path), ColumnasPlan(fuentes=("Aportes del municipio",)))
    assert plan.metas[0].recursos[2024].completas and plan.avisos == ()
    assert plan.metas[0].recursos[2024].fuentes == {"Recursos propios 2024": 40.0, "Aportes del municipio 2024": 30.0}


def test_pln009_sin_fuentes_reconocidas_no_dice_nada_y_nunca_parentesis_vacios(tmp_path: Path) -> None:
    from auditor.reglas.chequeos.plan import ParametrosSuma, fuentes_que_no_suman

    filas = [["No. meta", "Meta de producto", "SGR 2024", "Crédito 2024", "Total 2024", "Total 2025"],
             [3, "Vías mejoradas", 0, 0, 80, 10], [4, "Puentes", None, None, 20, 5]]
    plan = cargar_plan(libro(tmp_path / "p.xlsx", filas))
    (hallazgo,) = fuentes_que_no_suman(plan, ParametrosSuma())  # meta 4 has no source value: no sum to compare
    assert "()" not in hallazgo.mensaje and "(todas en 0: SGR 2024, Crédito 2024)" in hallazgo.mensaje


def test_un_plan_sin_columnas_de_recursos_lo_dice_una_vez(tmp_path: Path) -> None:
    filas = [["No. meta", "Meta de producto", "Programación 2024", "Ejecución 2024"], [1, "Una", 5, 3], [2, "Otra", 5, 3]]
    (aviso,) = cargar_plan(libro(tmp_path / "p.xlsx", filas)).avisos
    assert "no se reconoció ninguna columna de recursos por año" in aviso and "(PLN008, PLN009)" in aviso
    assert "columnas por año que no se reconocieron: 'Ejecución 2024'" in aviso


# --- Excel's percentages and formulas ---------------------------------------------------------------------------

def test_formato_de_porcentaje() -> None:
    assert all(lector.es_formato_de_porcentaje(f) for f in ("0%", "0.0 %", "#,##0.00%", '[Red]0%;-0%'))
    assert not any(lector.es_formato_de_porcentaje(f) for f in ("General", "0", '0" %"', "0\\%", None))


def test_una_celda_con_formato_de_porcentaje_se_lee_como_se_ve(tmp_path: Path) -> None:
    filas = [["No. meta", "Meta de producto", "Línea base", "Meta cuatrienio", "Programación 2024", "Programación 2025"],
             [1, "Reducir el embarazo adolescente", 0.35, 0.2, 0.275, 0.27], [2, "Cobertura", 12, 0.5, 13, 14]]
    ruta = libro(tmp_path / "p.xlsx", filas)
    wb = openpyxl.load_workbook(ruta)
    ws = wb.active
    assert ws is not None
    for celda, formato in (("C2", "0%"), ("D2", "0%"), ("E2", "0.0%"), ("F2", "0 %"), ("D3", '0.0" %"')):
        ws[celda].number_format = formato
    wb.save(ruta)
    una, otra = cargar_plan(ruta).metas
    assert (una.linea_base, una.meta_cuatrienio) == (35.0, 20.0)  # exactly: not 35.00000000000001
    assert {a: p.valor for a, p in una.programacion.items()} == {2024: 27.5, 2025: 27.0}
    assert otra.meta_cuatrienio == 0.5  # a '%' written after the number is not a percentage format


def _con_formulas(tmp_path: Path, cache: bool = False) -> Path:
    filas = [["No. meta", "Meta de producto", "Ponderación", "Recursos propios 2024", "SGR 2024", "Total 2024"],
             [1, "Una", "=1/2", 10, 20, "=SUM(D2:E2)"], [2, "Otra", "=1/2", 5, 5, 10], ["TOTAL", None, None, "=SUM(D2:D3)", None, None]]
    ruta = libro(tmp_path / "p.xlsx", filas)
    if cache:  # as Excel saves it: the formula with its value
        import zipfile
        contenido = {n: zipfile.ZipFile(ruta).read(n) for n in zipfile.ZipFile(ruta).namelist()}
        hoja = "xl/worksheets/sheet1.xml"
        texto = contenido[hoja].decode()
        for celda, valor in (("F2", "30"), ("C2", "0.5"), ("C3", "0.5"), ("D4", "15")):
            texto = texto.replace(f'<c r="{celda}">', f'<c r="{celda}" t="n">', 1)
            inicio = texto.index(f'<c r="{celda}"')
            fin = texto.index("</c>", inicio)
            texto = texto[:inicio] + texto[inicio:fin].replace("<v></v>", "").replace("<v />", "") + f"<v>{valor}</v>" + texto[fin:]
        contenido[hoja] = texto.encode()
        with zipfile.ZipFile(ruta, "w") as zip_:
            for nombre, datos in contenido.items():
                zip_.writestr(nombre, datos)
    return ruta


def test_una_formula_sin_valor_guardado_se_rechaza_con_su_celda(tmp_path: Path) -> None:
    ruta = _con_formulas(tmp_path)
    error = _falla("--plan", str(ruta))
    assert f"{ruta}: hoja '{HOJA}', celda F2: la celda tiene la fórmula '=SUM(D2:E2)' pero el libro no guarda su valor" in error
    assert "ábralo y guárdelo en Excel o LibreOffice para que guarde los valores" in error


def test_una_formula_con_su_valor_guardado_se_lee(tmp_path: Path) -> None:
    (una, otra) = cargar_plan(_con_formulas(tmp_path, cache=True)).metas
    assert (una.recursos[2024].total, otra.recursos[2024].total) == (30.0, 10.0)


def test_una_formula_sin_valor_donde_no_se_lee_no_importa(tmp_path: Path) -> None:
    """The columns no field claims (Ponderación) and the row of totals are not read: their formulas are not looked at."""
    filas = [["No. meta", "Meta de producto", "Ponderación", "Total 2024"], [1, "Una", "=1/2", 30], ["TOTAL", None, None, "=SUM(D2:D2)"]]
    assert [m.recursos[2024].total for m in cargar_plan(libro(tmp_path / "p.xlsx", filas)).metas] == [30.0]


def test_un_ano_del_encabezado_que_es_una_formula_sin_valor_se_rechaza(tmp_path: Path) -> None:
    filas = [["No. meta", "Meta de producto", 2024, "=C1+1"], [None, None, "Programación", "Programación"], [1, "Una", 5, 5]]
    error = _falla("--plan", str(libro(tmp_path / "p.xlsx", filas)))
    assert "celda D1: la celda tiene la fórmula '=C1+1'" in error


# --- an empty programming cell -----------------------------------------------------------------------------------

def test_una_programacion_vacia_se_dice_una_vez_con_sus_metas(tmp_path: Path) -> None:
    filas = [["No. meta", "Meta de producto", "Programación 2024", "Programación 2025", "Total 2024"],
             [1, "Una", 5, None, 1], [2, "Otra", "NP", 0, 1], [3, "Tercera", None, None, 1]]
    plan = cargar_plan(libro(tmp_path / "p.xlsx", filas))
    assert 2025 not in plan.metas[0].programacion  # neither 0 nor NP
    (aviso,) = plan.avisos
    assert "2 metas tienen vacía la programación de algún año (ni un número ni NP): 1 (2025); 3 (2024, 2025)" in aviso
    assert "(PLN005, PLN007)" in aviso
