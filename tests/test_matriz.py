"""The matrix layout ("matriz de seguimiento", a row per meta): found by its header, read row by row,
its TOTAL row checked against the rows."""

from __future__ import annotations

import io

import docx
import pytest

from auditor.entrada.carga import cargar_bytes
from auditor.entrada.importar import importar_bytes
from auditor.entrada.importar.matriz import campo_de, cargar_perfil, palabras
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar_cargado
from auditor.resultado.hallazgo import Hallazgo

PORTADA = ["Alcaldía de San José de Cúcuta", "Secretaría de Cultura y Turismo",
           "Informe de Rendición de Cuentas, vigencia 2024", "Fecha de corte: diciembre de 2024"]

# a different office, other column names and order than the corpus: unknown column "Responsable",
# group headers over physical and financial columns, amounts in thousands of pesos
GRUPO = ["Nº", "Descripción de la meta", "Municipios", "Metas físicas", "", "% avance (cuatrienio)",
         "Meta 2024-2027", "Recursos (miles de pesos)", "", "Fuente(s)", "Población", "Responsable", "Observaciones"]
SUB = ["", "", "", "Programado 2024", "Logro 2024", "", "", "Programados", "Ejecutados", "", "", "", ""]
FILAS = [
    ["7", "Festivales culturales apoyados", "Cúcuta y Los Patios", "4", "4", "25%", "16", "300.000", "290.500",
     "Recursos propios", "2.300 asistentes", "Oficina de cultura", ""],
    ["8", "Bibliotecas públicas dotadas", "", "2", "1", "12,5%", "8", "150.000", "75.000",
     "Estampilla procultura", "6 bibliotecas", "Oficina de cultura", "El segundo contrato de dotación se firmó en diciembre."],
    ["9", "Escuelas de música fortalecidas", "Villa del Rosario", "3", "3", "30%", "10", "90.000", "88.000",
     "SGP", "310 estudiantes", "Oficina de cultura", ""],
]


def _docx_matriz(total_programado: str, total_ejecutado: str) -> bytes:
    """Two header rows (group cells merged across, the others merged down), the Municipios cell of
    the second row merged down from the first, a TOTAL row merged across its first columns."""
    documento = docx.Document()
    for linea in PORTADA:
        documento.add_paragraph(linea)
    n = len(GRUPO)
    tabla = documento.add_table(rows=2 + len(FILAS) + 1, cols=n)
    for c in range(n):
        if SUB[c]:
            tabla.cell(1, c).text = SUB[c]
        elif GRUPO[c]:
            tabla.cell(0, c).merge(tabla.cell(1, c))
    tabla.cell(0, 3).merge(tabla.cell(0, 4))
    tabla.cell(0, 7).merge(tabla.cell(0, 8))
    for c in range(n):
        if GRUPO[c]:
            tabla.cell(0, c).text = GRUPO[c]
    for r, fila in enumerate(FILAS, start=2):
        for c, valor in enumerate(fila):
            if valor:
                tabla.cell(r, c).text = valor
    tabla.cell(2, 2).merge(tabla.cell(3, 2))  # meta 8 shares the Municipios of meta 7
    tabla.cell(2, 2).text = "Cúcuta y Los Patios"
    ultima = 2 + len(FILAS)
    tabla.cell(ultima, 0).merge(tabla.cell(ultima, 6))
    tabla.cell(ultima, 0).text = "Total general"
    tabla.cell(ultima, 7).text = total_programado
    tabla.cell(ultima, 8).text = total_ejecutado
    salida = io.BytesIO()
    documento.save(salida)
    return salida.getvalue()


def _auditar(auditor: Auditor, contenido: bytes, nombre: str) -> list[Hallazgo]:
    cargado = cargar_bytes(contenido, nombre)
    assert cargado.informe is not None, cargado.problemas
    return auditar_cargado(auditor, cargado).hallazgos


def test_perfil_nombra_las_columnas_con_sus_variantes() -> None:
    perfil = cargar_perfil()
    assert palabras("N° de la Meta") == ("no", "meta")
    assert palabras("Nombre del indicador") == ("nombre", "indicador")  # the 'No' of 'Nombre' is no abbreviation of número
    casos = {"Nº": "numero", "#": "numero", "No. meta": "numero", "Meta de producto": "nombre",
             "Descripción de la meta": "nombre", "Meta cuatrienio": "meta_cuatrienio", "Meta 2028-2031": "meta_cuatrienio",
             "Programado vigencia": "programado", "Vigencia 2025 Programado": "programado", "Logro": "ejecutado",
             "% cumplimiento": "cumplimiento", "Porcentaje de avance": "avance", "% avance cuatrienio": "avance",
             "Inversión (millones de $) Inversión programada": "inversion_programada",
             "Recursos ejecutados": "inversion_ejecutada", "Fuente(s)": "fuente", "POBLACIÓN": "beneficiarios",
             "Localización": "municipios", "Observaciones": "observaciones", "Responsable": None, "Fecha": None,
             "Nombre del indicador": "indicador", "Nombre de la meta": "nombre"}
    assert {texto: campo_de(texto, perfil) for texto in casos} == casos


def test_matriz_docx_dos_filas_de_encabezado_y_celdas_combinadas() -> None:
    datos = importar_bytes(_docx_matriz("540.000", "453.500"), "seguimiento.docx").datos
    assert datos["plantilla"] == "matriz" and datos["numeracion_metas"] == "plan"
    metas = datos["metas"]
    assert [m["numero"] for m in metas] == [7, 8, 9]
    siete, ocho = metas[0], metas[1]
    assert siete["nombre"] == "Festivales culturales apoyados"
    assert siete["programado_periodo"] == "4" and siete["logro"]["cantidad"] == "4"
    assert siete["avance_cuatrienio"] == "25%" and siete["meta_cuatrienio"]["cantidad"] == "16"
    assert siete["inversion"]["programada"] == pytest.approx(300.0) and siete["inversion"]["ejecutada"] == pytest.approx(290.5)
    assert siete["inversion"]["fuentes"] == ["Recursos propios"]
    assert siete["beneficiarios"]["total"] == "2.300"
    # the cell merged down repeats its value; the unknown column "Responsable" is ignored
    assert ocho["localizacion"]["municipios"] == ["Cúcuta", "Los Patios"]
    assert "Responsable" not in str(datos["metas"]) and "Oficina de cultura" not in str(datos["metas"])
    assert ocho["logro"]["texto"].startswith("El segundo contrato")
    [total] = datos["totales"]
    assert total["metas"] == [7, 8, 9] and total["eje"] == "Total general"
    assert total["inversion"]["monto"] == pytest.approx(453.5)


def test_total_que_no_suma_se_senala_y_el_que_suma_no(auditor: Auditor) -> None:
    bien = _auditar(auditor, _docx_matriz("540.000", "453.500"), "seguimiento.docx")
    assert [h for h in bien if h.regla.startswith("TOT")] == []
    mal = _auditar(auditor, _docx_matriz("560.000", "453.500"), "seguimiento.docx")
    [tot] = [h for h in mal if h.regla.startswith("TOT")]
    assert tot.regla == "TOT001" and tot.campo == "totales[0].inversion_programada.monto"
    assert tot.ubicacion is not None and tot.ubicacion.startswith("tabla 1, fila 6")


TSV = "\n".join([
    *PORTADA, "",
    ("Meta de producto\tIndicador\tUnidad de medida\tMeta del cuatrienio\tProgramado periodo\tEjecutado periodo"
     "\t% cumplimiento\tInversión programada\tInversión ejecutada\tLocalización\tColumna sin nombre conocido"),
    "Murales comunitarios pintados\tMurales\tmurales\t20\t5\t5\t100%\t$ 40 millones\t$ 39,5 millones\tCúcuta\tx",
    "Cineclubes itinerantes realizados\tFunciones\tfunciones\t40\t10\t6\t80%\t$ 25 millones\t$ 15 millones\tOcaña\ty",
    "TOTAL\t\t\t\t\t\t\t$ 65 millones\t$ 54,5 millones\t\t",
    "",
])


def test_matriz_exportada_en_texto_con_tabulaciones(auditor: Auditor) -> None:
    datos = importar_bytes(TSV.encode("utf-8"), "matriz.txt").datos
    assert datos["plantilla"] == "matriz"
    metas = datos["metas"]
    assert [m["numero"] for m in metas] == [1, 2]  # no number column: consecutive
    assert metas[1]["cumplimiento_periodo"] == "80%" and metas[1]["logro"]["unidad"] == "funciones"
    assert metas[1]["localizacion"]["municipios"] == ["Ocaña"]
    assert datos["totales"][0]["inversion"]["monto"] == "$ 54,5 millones"
    hallazgos = _auditar(auditor, TSV.encode("utf-8"), "matriz.txt")
    # 6 of 10 is 60 %, not the 80 % declared (the rows' own arithmetic, checked by PCT002)
    assert any(h.regla == "PCT002" and h.meta == "2" for h in hallazgos)
    assert not any(h.regla.startswith("TOT") for h in hallazgos)
    assert not any(h.regla == "SEC001" for h in hallazgos)


def test_tabla_sin_encabezado_de_matriz_sigue_sin_plantilla() -> None:
    texto = "Acta\n\nTema\tResponsable\tFecha\nPresupuesto\tHacienda\tmarzo\n"
    cargado = cargar_bytes(texto.encode("utf-8"), "acta.txt")
    assert cargado.informe is None and cargado.problemas[0].regla == "ENT001"


# --- one table per programa, as offices write the matrix ----------------------------------------

COLUMNAS = ["Código", "Meta de producto", "Programado 2025", "Ejecutado", "%", "Recursos", "Población",
            "Comunas/corregimientos", "Responsable"]
PROGRAMAS = [
    ("PROGRAMA 4401 – JUVENTUDES QUE TRANSFORMAN", [
        ["44010010001", "Jóvenes vinculados a escuelas de liderazgo", "500 jóvenes", "450 jóvenes", "95 %",
         "$820,5 millones (recursos propios)", "450 jóvenes de 14 a 28 años", "Comunas 2 y 5", "Subsecretaría"],
        ["44010010002", "Festivales juveniles realizados", "6 festivales", "6 festivales", "100 %",
         "$ millones (recursos propios)", "3.100 asistentes", "Comuna 8", "Subsecretaría"],
    ], None),
    ("PROGRAMA 4402 – MUJERES CON AUTONOMÍA", [
        ["44020010001", "Mujeres formadas en autonomía económica", "300 mujeres", "270 mujeres", "90 %",
         "$2.100,0 millones ($2.100.000.000)", "270 mujeres", "Corregimientos El Alto y La Loma", "Oficina"],
        ["44020010002", "Redes de mujeres rurales fortalecidas", "NP", "0", "N/A",
         "$0 – sin recursos programados para la vigencia", "No aplica", "No aplica", "Oficina"],
    ], ("TOTAL PROGRAMA 4402", "$2.600,0 millones")),
]


def _docx_por_programa() -> bytes:
    """Two tables with the same header, each with a programa's title merged across it, a paragraph of comments after
    each; the second table closes with its programa's total (its label merged across the first columns)."""
    documento = docx.Document()
    for linea in PORTADA:
        documento.add_paragraph(linea)
    for titulo, filas_, total in PROGRAMAS:
        documento.add_paragraph(titulo.title())
        tabla = documento.add_table(rows=2, cols=len(COLUMNAS))
        for c, nombre in enumerate(COLUMNAS):
            tabla.cell(0, c).text = nombre
        fusionada = tabla.cell(1, 0).merge(tabla.cell(1, len(COLUMNAS) - 1))
        fusionada.text = titulo
        for fila in filas_:
            celdas = tabla.add_row().cells
            for c, valor in enumerate(fila):
                celdas[c].text = valor
        if total is not None:
            celdas = tabla.add_row().cells
            celdas[0].merge(celdas[4]).text = total[0]
            celdas[5].text = total[1]
        documento.add_paragraph("Comentarios al programa")
        documento.add_paragraph(f"La meta {filas_[0][0]} avanzó según lo previsto en la vigencia.")
    salida = io.BytesIO()
    documento.save(salida)
    return salida.getvalue()


def test_perfil_nombra_las_columnas_cortas() -> None:
    perfil = cargar_perfil()
    casos = {"Código": "numero", "%": "cumplimiento", "% ejecución presupuestal": None, "Recursos": "inversion_ejecutada",
             "Recursos programados": "inversion_programada", "Fuente de recursos": "fuente",
             "Comunas/corregimientos": "lugares", "Barrios y veredas": "lugares", "Municipios": "municipios"}
    assert {texto: campo_de(texto, perfil) for texto in casos} == casos


def test_matriz_de_varias_tablas_se_lee_entera() -> None:
    borrador = importar_bytes(_docx_por_programa(), "programas.docx")
    datos = borrador.datos
    assert datos["plantilla"] == "matriz"
    metas = datos["metas"]
    # every table's rows are metas, named by their code; the merged title row is their programa, not a meta
    assert [m["numero"] for m in metas] == [44010010001, 44010010002, 44020010001, 44020010002]
    assert [m["eje"] for m in metas] == ["PROGRAMA 4401 – JUVENTUDES QUE TRANSFORMAN"] * 2 + ["PROGRAMA 4402 – MUJERES CON AUTONOMÍA"] * 2
    uno, dos, tres, cuatro = metas
    # a count with its unit: the number; the % column; the amount the cell opens with, not its note
    assert uno["programado_periodo"] == "500" and uno["logro"]["cantidad"] == "450" and uno["cumplimiento_periodo"] == "95 %"
    assert uno["inversion"]["ejecutada"] == "$820,5 millones"
    assert dos["inversion"]["ejecutada"] == "$ millones"  # no figure: an amount left blank, for INV001
    assert tres["inversion"]["ejecutada"] == "$2.100,0 millones"  # the same amount twice
    assert cuatro["inversion"]["ejecutada"] == "$0" and cuatro["cumplimiento_periodo"] == "N/A"
    assert cuatro["programado_periodo"] == "NP"
    assert tres["localizacion"]["texto"] == "Corregimientos El Alto y La Loma" and "municipios" not in tres["localizacion"]
    # the programa's total is about the rows of its own table
    [total] = datos["totales"]
    assert total["eje"] == "TOTAL PROGRAMA 4402" and total["metas"] == [44020010001, 44020010002]
    assert total["inversion"]["monto"] == "$2.600,0 millones"
    avisos = [p.mensaje for p in borrador.problemas if p.regla == "ENT004"]
    # the column no field names, said once (the second table repeats the header); the paragraphs that comment no
    # meta (the comments' and the programas' titles), said once
    assert avisos == [
        ("la columna «Responsable» de la matriz de seguimiento no nombra ningún campo de la plantilla: sus celdas no se "
         "leen ni se auditan"),
        ("3 párrafos entre las 2 tablas de la matriz de seguimiento y después de ellas (líneas 34 a 70) no se leen: la "
         "plantilla de matriz solo lee las filas de sus tablas; no se auditan"),
    ]
    # a comment that names a meta by its code is read with that meta's observations, at its own line
    assert uno["logro"]["texto"] == "La meta 44010010001 avanzó según lo previsto en la vigencia."
    assert borrador.mapa.parrafos[("metas", 0, "logro", "texto")] == [(uno["logro"]["texto"], 35)]


def test_matriz_de_varias_tablas_se_audita_con_sus_celdas(auditor: Auditor) -> None:
    hallazgos = _auditar(auditor, _docx_por_programa(), "programas.docx")
    por_regla = {(h.regla, h.meta) for h in hallazgos}
    # 450 of 500 is 90 %, not the 95 % declared; '$ millones' has no figure; the programa's rows add 2.100, not 2.600
    assert ("PCT002", "44010010001") in por_regla
    assert ("INV001", "44010010002") in por_regla
    [tot] = [h for h in hallazgos if h.regla.startswith("TOT")]
    assert tot.regla == "TOT001" and "2.100" in tot.mensaje
    # the counts with their unit, the amounts with a note, N/A and NP are read as written, not as malformed
    assert not any(h.regla in ("VAL001", "PCT003") for h in hallazgos)
    assert not any(h.regla == "INV001" and h.meta != "44010010002" for h in hallazgos)
    assert not any(h.meta in ("4401", "4402", "1") for h in hallazgos)


TSV_PROGRAMAS = "\n".join([
    *PORTADA, "",
    "Cód.\tMeta de producto\tProgramado\tEjecutado\t%\tRecursos",
    "Eje 2. Territorio conectado\t\t\t\t\t",
    "2.1.1\tVías terciarias mejoradas\t12 km\t9 km\t75 %\t$ 300 millones",
    "2.1.2\tPuentes peatonales construidos\t4 puentes\t4 puentes\t100 %\t$ 120 millones",
    "Subtotal eje 2\t\t\t\t\t$ 420 millones",
    "Eje 3. Campo productivo\t\t\t\t\t",
    "3.1.1\tAsociaciones de productores apoyadas\t10\t10\t100 %\t$ 80 millones",
    "Total general\t\t\t\t\t$ 500 millones",
    "",
])


def test_matriz_en_texto_con_ejes_subtotal_y_total_general(auditor: Auditor) -> None:
    datos = importar_bytes(TSV_PROGRAMAS.encode("utf-8"), "ejes.txt").datos
    metas = datos["metas"]
    assert [m.get("codigo") for m in metas] == ["2.1.1", "2.1.2", "3.1.1"] and datos["numeracion_metas"] == "plan"
    assert [m["eje"] for m in metas] == ["Eje 2. Territorio conectado"] * 2 + ["Eje 3. Campo productivo"]
    assert metas[0]["programado_periodo"] == "12" and metas[0]["logro"]["cantidad"] == "9"
    subtotal, general = datos["totales"]
    assert subtotal["metas"] == [1, 2] and general["metas"] == [1, 2, 3]
    assert not any(h.regla.startswith("TOT") for h in _auditar(auditor, TSV_PROGRAMAS.encode("utf-8"), "ejes.txt"))
