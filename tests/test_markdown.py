"""A report exported to Markdown: outline headings ('### 3.1.2. Nombre'), the meta's number on a line of its own with
its plan code ('**Meta 52 (Código PDM 5201)**'), a label | answer table, bold labels and '- ' list items; a district
('DISTRITO … DE BARRANQUILLA') as the entity."""

from __future__ import annotations

from auditor.entrada.carga import cargar_bytes
from auditor.entrada.importar.segmentos import segmentos_de_texto, tablas_markdown

_INFORME = """# DISTRITO ESPECIAL, INDUSTRIAL Y PORTUARIO DE BARRANQUILLA

## Secretaría de Gestión Social

**INFORME DE RENDICIÓN DE CUENTAS – VIGENCIA 2025**

**Fecha de corte:** 30 de junio de 2025

# 3. Avance de las metas

## 3.1. Línea Barranquilla incluyente

### 3.1.1. Personas mayores atendidas en centros de vida

**Meta 51 (Código PDM 5101)**

| Campo | Respuesta |
|---|---|
| Meta cuatrienio | 8.000 personas mayores |
| Programado 2025 | 2.000 |
| Ejecutado 2025 | 1.500 personas mayores |
| % de cumplimiento 2025 | 75 % |
| Avance acumulado 2024-2025 | 43,8 % |
| Recursos | $ 2.400 millones |
| Fuente | SGP y estampilla para el bienestar del adulto mayor |

**Actividades:**

- Jornadas de actividad física en 12 centros de vida.
- Entrega de complemento alimentario diario.

**Dificultades:** No se llegó a lo programado porque dos centros de vida estuvieron en obra hasta mayo.

**Beneficiarios:** 1.500 personas mayores: 900 mujeres y 600 hombres.

**Ubicación:** Centros de vida de las localidades Suroccidente y Metropolitana.

### 3.1.2. Jóvenes vinculados a la ruta de empleo

**Meta 52 (Código PDM 5201)**

| Campo | Respuesta |
|---|---|
| Meta cuatrienio | 4.000 jóvenes |
| Ejecutado 2025 | 1.000 jóvenes |
| % de cumplimiento 2025 | 100 % |
"""


def test_una_tabla_markdown_es_una_tabla_y_su_encabezado_de_dos_columnas_no_es_contenido() -> None:
    lineas = tablas_markdown(["| Campo | Respuesta |", "|---|---|", "| Recursos | $ 10 millones |", "texto"])
    assert lineas == ["", "", "Recursos\t$ 10 millones", "texto"]
    lineas = tablas_markdown(["| Meta | Programado | Ejecutado |", "|:---|---:|---|", "| 301 | 10 | 8 |"])
    assert lineas == ["Meta\tProgramado\tEjecutado", "", "301\t10\t8"]  # a header of several columns names them: kept
    assert tablas_markdown(["| a | b |", "texto sin separador"]) == ["| a | b |", "texto sin separador"]


def test_cada_item_de_una_lista_markdown_es_un_parrafo() -> None:
    textos = [s.texto for s in segmentos_de_texto("Actividades:\n\n- Primera jornada.\n- Segunda jornada.\n* Tercera.\n")]
    assert textos == ["Actividades:", "Primera jornada.", "Segunda jornada.", "Tercera."]


def test_un_informe_en_markdown_se_lee_meta_por_meta() -> None:
    cargado = cargar_bytes(_INFORME.encode(), "informe.md")
    informe = cargado.informe
    assert informe is not None
    assert (informe.entidad, informe.departamento) == ("Alcaldía de Barranquilla", "Atlántico")
    assert [(m.numero, m.nombre, m.eje) for m in informe.metas] == [
        (51, "Personas mayores atendidas en centros de vida", "3.1. Línea Barranquilla incluyente"),
        (52, "Jóvenes vinculados a la ruta de empleo", "3.1. Línea Barranquilla incluyente")]
    meta = informe.metas[0]
    assert (meta.meta_cuatrienio.cantidad.valor, meta.programado_periodo.valor, meta.logro.cantidad.valor) == (8000, 2000, 1500)
    assert (meta.cumplimiento_periodo.valor, meta.avance_cuatrienio.valor) == (75, 43.8)
    assert meta.inversion.ejecutada is not None and meta.inversion.ejecutada.valor == 2400
    # the list's items keep the bullet the document gives them
    assert meta.ejecucion.como == "• Jornadas de actividad física en 12 centros de vida.\n\n• Entrega de complemento alimentario diario."
    assert meta.logro.texto is not None and "dos centros de vida estuvieron en obra" in meta.logro.texto
    assert meta.beneficiarios.total is not None and meta.beneficiarios.total.valor == 1500
    # nothing of the document is left unplaced; the outline heading of meta 52 is its name, not meta 51's text
    assert [p.mensaje for p in cargado.problemas if p.meta] == []
    assert "3.1.2." not in (meta.logro.texto or "") + (meta.localizacion.texto or "")
