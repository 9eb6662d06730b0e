"""Importing report documents: the seeds as the planning office holds them must give the
report data of the hand-made fixtures, and the same findings, at lines of the document."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from auditor.cli import main
from auditor.entrada.carga import cargar_archivo, cargar_bytes
from auditor.entrada.importar import importar_bytes
from auditor.entrada.importar.segmentos import limpiar_parrafo
from auditor.modelo.informe import Informe, Valor
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar
from auditor.resultado.hallazgo import Hallazgo

from .conftest import FIXTURES, SEEDS, requiere_seeds

SEED_TABULAR = SEEDS / "001_9c83fb85eb1ea363.txt"
SEED_NARRATIVA = SEEDS / "000_1fea1826aedc7356.txt"
PARES = [
    pytest.param(SEED_TABULAR, FIXTURES / "desarrollo_economico_2024_2025.yaml", 18, id="tabular-desarrollo-economico"),
    pytest.param(SEED_NARRATIVA, FIXTURES / "fronteras_2024.yaml", 6, id="narrativa-fronteras"),
]
# What the document does not say and the hand transcription added from a reader's judgment:
# which metas each summary claim covers (the totals rule checks only claims that say it).
NO_ESCRITO_EN_EL_DOCUMENTO = re.compile(r"^totales\[\d+\]\.metas")
# Import assumptions about the cover (cut-off date, plan) are reported as ENT005, not by the fixtures;
# without the claims' coverage a document's totals are reported as unverifiable (TOT005) instead of
# being added up (TOT001-TOT004), which only the fixtures can do.
SOLO_DE_IMPORTACION = {"ENT005", "TOT005"}
SOLO_CON_COBERTURA = {"TOT001", "TOT002", "TOT003", "TOT004"}


def plano(objeto: Any, prefijo: str = "") -> dict[str, Any]:
    """Every leaf of a report as path -> comparable value: numbers by value (with the reading
    problem, so '$135, 2' stays unreadable), texts with white space normalized, lists by length."""
    salida: dict[str, Any] = {}
    if isinstance(objeto, Valor):
        salida[prefijo] = ("valor", objeto.valor, objeto.problema.value if objeto.problema else None, objeto.vacio)
    elif isinstance(objeto, BaseModel):
        for nombre in type(objeto).model_fields:
            salida.update(plano(getattr(objeto, nombre), f"{prefijo}.{nombre}" if prefijo else nombre))
    elif isinstance(objeto, list):
        salida[f"{prefijo}#"] = len(objeto)
        for i, x in enumerate(objeto):
            salida.update(plano(x, f"{prefijo}[{i}]"))
    elif isinstance(objeto, str):  # paragraph by paragraph: a paragraph break the fixture does not have is a difference
        salida[prefijo] = [" ".join(p.split()) for p in objeto.split("\n\n")]
    else:
        salida[prefijo] = objeto
    return salida


def _informe(ruta: Path) -> Informe:
    cargado = cargar_archivo(ruta)
    assert cargado.informe is not None, cargado.problemas
    assert [p for p in cargado.problemas if p.regla not in SOLO_DE_IMPORTACION] == []
    return cargado.informe


@requiere_seeds
@pytest.mark.parametrize(("documento", "fixture", "metas"), PARES)
def test_importar_seed_da_los_datos_del_fixture_campo_por_campo(documento: Path, fixture: Path, metas: int) -> None:
    importado, hecho_a_mano = plano(_informe(documento)), plano(_informe(fixture))
    diferencias = [
        f"{campo}: fixture {hecho_a_mano.get(campo, '<ausente>')!r} / importado {importado.get(campo, '<ausente>')!r}"
        for campo in sorted(set(importado) | set(hecho_a_mano))
        if not NO_ESCRITO_EN_EL_DOCUMENTO.match(campo) and importado.get(campo) != hecho_a_mano.get(campo)
    ]
    assert diferencias == [], "\n".join(diferencias)
    # not vacuous: every meta was there, with its numbers (about four per meta)
    assert importado["metas#"] == metas
    assert sum(1 for v in hecho_a_mano.values() if isinstance(v, tuple) and v[1] is not None) >= 4 * metas


@requiere_seeds
def test_importar_deja_vacia_la_cobertura_de_los_totales() -> None:
    """The summary claims are imported (numbers, qualifiers), but which metas they cover is not written."""
    informe = _informe(SEED_TABULAR)
    assert [(t.beneficiarios.cantidad.valor if t.beneficiarios and t.beneficiarios.cantidad else None,
             t.inversion.monto.valor if t.inversion and t.inversion.monto else None, t.metas) for t in informe.totales] == [
        (700, 2181, []), (750, 13843, []), (2500, 988, []), (1150, 2600, [])]


def _clave(f: Hallazgo) -> tuple[str, str, str, str, str]:
    return (f.regla, f.meta or "", f.campo or "", f.mensaje, " ".join((f.texto or "").split()))


@requiere_seeds
def test_check_sobre_los_seeds_da_los_hallazgos_de_los_fixtures(auditor: Auditor) -> None:
    de_seeds = list(auditar(auditor, [str(SEED_TABULAR), str(SEED_NARRATIVA)]).hallazgos())
    de_fixtures = list(auditar(auditor, [str(FIXTURES / "desarrollo_economico_2024_2025.yaml"), str(FIXTURES / "fronteras_2024.yaml")]).hallazgos())
    seeds = sorted(_clave(f) for f in de_seeds if f.regla not in SOLO_DE_IMPORTACION)
    fixtures = sorted(_clave(f) for f in de_fixtures if f.regla not in SOLO_CON_COBERTURA)
    assert seeds == fixtures
    assert len(fixtures) >= 30
    # what the document cannot say is reported, one per summary claim
    assert [f.campo for f in de_seeds if f.regla == "TOT005"] == [f"totales[{i}].metas" for i in range(4)]


# Words a reviewer sees on the document line of a finding about an empty or absent field.
_ROTULOS = {
    "localizacion": "localizaci", "beneficiarios": "poblaci", "avance_cuatrienio": "meta", "numero": "meta",
    "inversion.ejecutada": "$", "meta_cuatrienio.cantidad": "meta cuatrienio", "tabla_pdd.filas[0]": "linea estrategica",
}


def _normal(texto: str) -> str:
    import unicodedata

    texto = "".join(c for c in unicodedata.normalize("NFD", texto) if not unicodedata.combining(c))
    return " ".join(texto.lower().split())


@requiere_seeds
@pytest.mark.parametrize("documento", [SEED_TABULAR, SEED_NARRATIVA], ids=["tabular", "narrativa"])
def test_cada_hallazgo_cae_en_la_linea_del_texto_señalado(auditor: Auditor, documento: Path) -> None:
    lineas = documento.read_text(encoding="utf-8").split("\n")
    hallazgos = [f for f in auditar(auditor, [str(documento)]).hallazgos() if f.regla not in SOLO_DE_IMPORTACION]
    assert hallazgos
    for f in hallazgos:
        linea = _normal(limpiar_parrafo(lineas[f.linea - 1]))
        if f.texto:
            cita = _normal(f.texto.split("; ")[0])[:40]
            assert cita in linea, f"{f.regla} meta {f.meta} {f.campo}: línea {f.linea} no contiene {cita!r}: {linea[:200]!r}"
        else:
            rotulo = _ROTULOS.get(f.campo or "", "meta")
            assert rotulo in linea, f"{f.regla} meta {f.meta} {f.campo}: línea {f.linea} no muestra {rotulo!r}: {linea[:200]!r}"


@requiere_seeds
def test_importar_avisa_lo_que_supone_de_la_portada(auditor: Auditor) -> None:
    supuestos = [(f.linea, f.campo, f.severidad.value) for f in auditar(auditor, [str(SEED_NARRATIVA)]).hallazgos() if f.regla == "ENT005"]
    assert supuestos == [(5, "fecha_corte", "info"), (5, "plan", "info")]
    assert [f for f in auditar(auditor, [str(SEED_TABULAR)]).hallazgos() if f.regla == "ENT005"] == []


# --- layouts, pieces and bad documents --------------------------------------------------------

PORTADA = "Rendición de Cuentas 2024\n\nSecretaría de Prueba\n\nGobernación de Norte de Santander\n\nDiciembre de 2024\n\nPlan de Desarrollo 2024-2027\n\n"


def _importar(texto: str, nombre: str = "borrador.txt") -> Any:
    return cargar_bytes(texto.encode("utf-8"), nombre)


def test_documento_sin_ninguna_plantilla_da_un_mensaje_claro() -> None:
    cargado = _importar("Acta de reunión\n\nSe trataron los temas del día.\n")
    assert cargado.informe is None
    [problema] = cargado.problemas
    assert problema.regla == "ENT001" and problema.linea == 1
    assert "no sigue ninguna de las plantillas" in problema.mensaje and "Meta # N" in problema.mensaje


def test_documento_vacio_y_no_utf8() -> None:
    assert "vacío" in _importar("  \n\n").problemas[0].mensaje
    latin = cargar_bytes("Meta # 1 Ferias\n¿Qué se hizo? 3 ferias en Cúcuta\n".encode("latin-1"), "b.txt")
    assert latin.problemas[0].regla == "ENT001" and latin.problemas[0].linea == 2 and "UTF-8" in latin.problemas[0].mensaje


def test_texto_fuera_de_las_preguntas_se_informa_y_el_resto_se_importa() -> None:
    texto = PORTADA + (
        "Meta # 1 Ferias de emprendimiento\t\t\n"
        "Cumplimiento/Avance\tInversión\tBeneficiarios\n"
        "Texto suelto sin pregunta\t¿Cuánto se invirtió? $ 10 millones de pesos de recursos propios\t¿Qué población se atendió? 30 personas\n"
        "\t¿Qué se hizo? 3 ferias realizadas 100% de cumplimiento frente a lo programado y 50% de avance frente al cuatrienio.\n"
    )
    cargado = _importar(texto)
    assert [(p.regla, p.linea, p.meta, p.texto) for p in cargado.problemas] == [("ENT004", 13, "1", "Texto suelto sin pregunta")]
    meta = cargado.informe.metas[0]
    assert (meta.inversion.ejecutada.valor, meta.beneficiarios.total.valor, meta.logro.cantidad.valor) == (10, 30, 3)
    assert (meta.cumplimiento_periodo.valor, meta.avance_cuatrienio.valor) == (100, 50)
    assert cargado.mapa.linea(("metas", 0, "logro", "texto")) == 14


def test_narrativa_sin_parrafo_de_inversion_y_con_parrafo_de_mas() -> None:
    texto = PORTADA + (
        "MIGRANTES\n\n"
        "Meta cuatrienio 12: 100 personas capacitadas en derechos.\n\n"
        "Se capacitaron 40 personas, lo que nos da un avance frente al cuatrienio del 40%.\n\n"
        "Meta cuatrienio 13: 20 ferias realizadas.\n\n"
        "Se realizaron 4 ferias con un avance del 20% en el cuatrienio.\n\n"
        "Sobre una programación estimada de $10 millones para desarrollar esta meta en el periodo, se ejecutaron $4 millones con recursos propios.\n\n"
        "120 personas atendidas.\n\n"
        "Se ejecutó con la Cámara de Comercio de Cúcuta en jornadas de feria en el parque principal durante el segundo semestre del año.\n\n"
        "El impacto se refleja en las ventas de los emprendedores.\n\n"
        "Las ferias se realizaron en el municipio de Ocaña.\n\n"
        "Anexo: listado de asistentes.\n"
    )
    cargado = _importar(texto)
    problemas = [(p.regla, p.linea, p.meta) for p in cargado.problemas]
    # Meta 12 has only what was done: the missing answers stay missing (the SEC/INV rules say so), no
    # paragraph is lost.  The annex line of meta 13 answers no question of the template.
    assert problemas == [("ENT004", 31, "13")]
    doce, trece = cargado.informe.metas
    assert doce.inversion.texto is None and doce.logro.texto is not None and doce.logro.texto.startswith("Se capacitaron")
    assert doce.eje == trece.eje == "MIGRANTES"
    assert (doce.meta_cuatrienio.cantidad.valor, doce.avance_cuatrienio.valor) == (100, 40)
    assert (trece.inversion.programada.valor, trece.inversion.ejecutada.valor, trece.inversion.fuentes) == (10, 4, ["recursos propios"])
    assert (trece.beneficiarios.total.valor, trece.localizacion.municipios) == (120, ["Ocaña"])
    assert trece.ejecucion.como is not None and trece.ejecucion.como.startswith("Se ejecutó con la Cámara")


def test_portada_sin_secretaria_se_informa_y_las_metas_se_auditan() -> None:
    cargado = _importar("Rendición de Cuentas 2025\n\nGobernación de Norte de Santander\n\n"
                        "Meta # 1 Ferias\t\t\n\t¿Qué se hizo? 2 ferias realizadas\n")
    assert [(p.regla, p.campo) for p in cargado.problemas] == [("ENT004", "secretaria"), ("ENT005", "fecha_corte"), ("ENT005", "plan")]
    assert cargado.informe is not None and cargado.informe.metas[0].logro.cantidad.valor == 2


def test_el_importador_no_inventa_numeros() -> None:
    """An answer without a count gives no count; dates, years and money are not counts. An explicit
    zero ('No se han ejecutado recursos') is the executed amount 0, not a number made up."""
    cargado = _importar(PORTADA + "Meta # 1 Marca región\t\t\n"
                        "\t¿Qué se hizo? Proyecto contratado y en ejecución desde el 23-octubre-2025\n"
                        "\t¿Qué población se atendió? Sin datos a la fecha.\n"
                        "\t¿Cuánto se invirtió? No se han ejecutado recursos a la fecha.\n")
    meta = cargado.informe.metas[0]
    assert meta.logro.cantidad is None and meta.beneficiarios.total is None
    assert meta.inversion.ejecutada is not None and meta.inversion.ejecutada.valor == 0


# --- the import command ---------------------------------------------------------------------------

@requiere_seeds
def test_comando_import_escribe_yaml_que_se_audita_igual(tmp_path: Path, auditor: Auditor) -> None:
    salida = tmp_path / "fronteras.yaml"
    antes = SEED_NARRATIVA.read_bytes()
    resultado = CliRunner().invoke(main, ["import", str(SEED_NARRATIVA), "-o", str(salida)])
    assert resultado.exit_code == 0, resultado.output
    assert SEED_NARRATIVA.read_bytes() == antes
    assert "6 metas importadas" in resultado.stderr and "se toma diciembre de 2024" in resultado.stderr
    texto = salida.read_text(encoding="utf-8")
    assert "# 000_1fea1826aedc7356.txt línea 38" in texto
    assert plano(_informe(salida)) == plano(_informe(SEED_NARRATIVA))
    del_yaml = sorted(_clave(f) for f in auditar(auditor, [str(salida)]).hallazgos())
    del_documento = sorted(_clave(f) for f in auditar(auditor, [str(SEED_NARRATIVA)]).hallazgos() if f.regla not in SOLO_DE_IMPORTACION)
    assert del_yaml == del_documento


@requiere_seeds
def test_comando_import_sin_salida_imprime_y_falla_claro_con_documento_ajeno(tmp_path: Path) -> None:
    resultado = CliRunner().invoke(main, ["import", str(SEED_TABULAR)])
    assert resultado.exit_code == 0 and resultado.stdout.startswith("# Importado de 001_9c83fb85eb1ea363.txt")
    ajeno = tmp_path / "acta.txt"
    ajeno.write_text("Acta\n\nNada que ver.\n", encoding="utf-8")
    resultado = CliRunner().invoke(main, ["import", str(ajeno), "-o", str(tmp_path / "x.yaml")])
    assert resultado.exit_code == 2 and "no sigue ninguna de las plantillas" in resultado.stderr
    assert "Traceback" not in resultado.output and not (tmp_path / "x.yaml").exists()


@requiere_seeds
def test_check_de_un_directorio_de_documentos(tmp_path: Path) -> None:
    resultado = CliRunner().invoke(main, ["check", str(SEEDS), "--format", "json"])
    assert resultado.exit_code == 1, resultado.output
    assert '"file": "' in resultado.stdout and "000_1fea1826aedc7356.txt" in resultado.stdout


@requiere_seeds
def test_importar_bytes_es_determinista() -> None:
    contenido = SEED_TABULAR.read_bytes()
    assert importar_bytes(contenido, "a.txt").datos == importar_bytes(contenido, "a.txt").datos


# --- the same reports as Word documents ----------------------------------------------------------

@requiere_seeds
@pytest.mark.parametrize("documento", [SEED_TABULAR, SEED_NARRATIVA], ids=["tabular", "narrativa"])
def test_un_docx_con_el_contenido_del_seed_da_los_mismos_datos_y_hallazgos(tmp_path: Path, auditor: Auditor, documento: Path) -> None:
    from .docx_plantilla import construir

    docx = tmp_path / (documento.stem + ".docx")
    docx.write_bytes(construir(documento.read_text(encoding="utf-8")))
    de_word, del_texto = cargar_archivo(docx), cargar_archivo(documento)
    assert de_word.informe is not None and del_texto.informe is not None
    assert plano(de_word.informe) == {**plano(del_texto.informe), "documento": [docx.name]}
    hallazgos_word = auditar(auditor, [str(docx)]).hallazgos()
    assert sorted(_clave(f) for f in hallazgos_word) == sorted(_clave(f) for f in auditar(auditor, [str(documento)]).hallazgos())
    # in a .docx a finding says where the paragraph is, and that paragraph holds the quoted text
    import docx as python_docx

    parrafos = [p for p in python_docx.Document(str(docx)).element.body.iter() if p.tag.endswith("}p")]
    for f in hallazgos_word:
        assert f.ubicacion is not None and ("párrafo" in f.ubicacion or "tabla" in f.ubicacion)
        if f.texto and f.regla not in SOLO_DE_IMPORTACION:
            texto = "".join(t.text or "" for t in parrafos[f.linea - 1].iter() if t.tag.endswith("}t"))
            assert _normal(f.texto.split("; ")[0])[:30] in _normal(texto), (f.regla, f.linea, f.ubicacion, f.texto)


def test_documento_sin_portada_se_audita_con_lo_que_supone() -> None:
    """A draft pasted without its cover: each missing cover value is reported, and the metas are still audited."""
    cargado = _importar("Meta # 1 Ferias de emprendimiento\t\t\n"
                        "\t¿Qué se hizo? 3 ferias realizadas en 2025\n"
                        "\t¿Cuánto se invirtió? $ millones de pesos\n")
    assert cargado.informe is not None and cargado.informe.metas[0].logro.cantidad.valor == 3
    assert (cargado.informe.periodo.desde, cargado.informe.fecha_corte) == (2025, "2025-12")
    assert sorted({p.regla for p in cargado.problemas}) == ["ENT004", "ENT005"]
    assert {p.campo for p in cargado.problemas} >= {"secretaria", "entidad", "periodo", "fecha_corte", "plan"}


def test_el_numero_de_una_norma_no_es_el_año_del_informe() -> None:
    """'Ley 2068 de 2020', 'Resolución No. 3280 de 2018': the law's number is no year; the report's is the latest said."""
    cargado = _importar("Meta # 1 Ferias de turismo\t\t\n"
                        "\t¿Qué se hizo? 3 ferias realizadas en 2025, en el marco de la Ley 2068 de 2020 y la Resolución No. 3280 de 2018\n")
    assert cargado.informe is not None
    assert (cargado.informe.periodo.desde, cargado.informe.periodo.hasta) == (2025, 2025)


@pytest.mark.parametrize(("cumplimiento", "avance", "esperado"), [
    ("<p><b>cumplimiento del 90 %</b> frente a lo programado en la vigencia 2025</p>", "<p><b>22,5% del cuatrienio</b></p>", (90, 22.5)),
    ("<p><b>Cumplimiento de un 60 %</b></p>", "<p><b>15 por ciento de avance frente al cuatrienio</b></p>", (60, 15)),
    ("<li>• <b>setenta por ciento</b> de cumplimiento frente a lo programado</li>", "<li>• <b>35%</b> del cuatrienio</li>", (70, 35)),
    ("<p><b>avance del 30 %</b> frente al cuatrienio</p>", "<p><b>100% de cumplimiento</b></p>", (100, 30)),  # in the other order
])
def test_rotulos_de_porcentaje_en_sus_formas(cumplimiento: str, avance: str, esperado: tuple[float, float]) -> None:
    """The tabular cells state cumplimiento and avance as each office writes them; the one reader says which is which."""
    texto = PORTADA + (
        "Meta # 1 Ferias de emprendimiento\t\t\n"
        "Cumplimiento/Avance\tInversión\tBeneficiarios\n"
        f"<p><b>¿Qué se hizo?</b> 3 ferias realizadas.</p> {cumplimiento} <p><b>y</b></p> {avance}\t"
        "¿Cuánto se invirtió? $ 10 millones de pesos de recursos propios\t¿Qué población se atendió? 30 personas\n"
    )
    cargado = _importar(texto)
    meta = cargado.informe.metas[0]
    assert (meta.cumplimiento_periodo.valor, meta.avance_cuatrienio.valor) == esperado
    assert [p.regla for p in cargado.problemas] == []


@pytest.mark.parametrize(("portada", "secretaria"), [
    ("ALCALDÍA DE PAMPLONA\nSECRETARÍA DE CULTURA Y TURISMO\n", "Secretaría de Cultura y Turismo"),
    ("Gobernación de Boyacá\nSecretaría Departamental de Agricultura\n", "Secretaría Departamental de Agricultura"),
    ("SECRETARÍA MUNICIPAL DE EDUCACIÓN\n", "Secretaría Municipal de Educación"),
    ("GOBERNACIÓN DEL META\nSECRETARÍA DE MINAS Y ENERGÍA\nINFORME DE RENDICIÓN DE CUENTAS 2025\n", "Secretaría de Minas y Energía"),
])
def test_secretaria_de_la_portada_en_mayusculas_o_corrida(portada: str, secretaria: str) -> None:
    # Cover lines a text export runs together, or a secretaría with an adjective, still name the secretaría.
    cargado = _importar(f"{portada}\nRendición de Cuentas 2025\n\nMeta # 1 Ferias\t\t\n\t¿Qué se hizo? 2 ferias realizadas\n")
    assert "secretaria" not in {p.campo for p in cargado.problemas}
    assert cargado.informe is not None and cargado.informe.secretaria == secretaria


def test_secretaria_nombrada_en_una_oracion_no_es_la_de_la_portada() -> None:
    cargado = _importar("Rendición de Cuentas 2025\n\nGobernación de Norte de Santander\n\n"
                        "La Secretaría de Hacienda apoyó la revisión de este informe.\n\n"
                        "Meta # 1 Ferias\t\t\n\t¿Qué se hizo? 2 ferias realizadas\n")
    assert ("ENT004", "secretaria") in [(p.regla, p.campo) for p in cargado.problemas]


def test_rotulos_sinonimos_en_la_plantilla_tabular() -> None:
    # Labels other offices use instead of the template's questions ('Aliados:', 'Periodo de ejecución:')
    # answer their field in a tabular draft too; a generic word opening a breakdown inside an answer does not.
    cargado = _importar(
        "Rendición de Cuentas 2025\n\nSecretaría de Prueba\n\nGobernación de Norte de Santander\n\n"
        "Meta # 4 Acueductos veredales rehabilitados\t\t\n"
        "Lo realizado: se rehabilitaron 3 acueductos veredales\t80% de cumplimiento\t\n"
        "Recursos invertidos: $ 150 millones de recursos propios\t"
        "Población beneficiada: 420 familias campesinas\nMunicipios: Sardinata 300 y Tibú 120\t\n"
        "Acciones realizadas: diagnóstico y obra civil\tAliados estratégicos: Juntas de Acción Comunal\t"
        "Período de ejecución: febrero a julio de 2025\n"
        "Impactos: menos casos de enfermedad diarreica\tCobertura territorial: municipio de Sardinata\t\n"
    )
    assert cargado.informe is not None
    meta = cargado.informe.metas[0]
    assert meta.logro.texto is not None and meta.logro.texto.startswith("se rehabilitaron")
    assert meta.inversion.ejecutada is not None and meta.inversion.ejecutada.valor == 150  # millions
    assert meta.beneficiarios.descripcion is not None and "Sardinata 300" in meta.beneficiarios.descripcion
    assert (meta.ejecucion.como, meta.ejecucion.con_quien, meta.ejecucion.cuando) == (
        "diagnóstico y obra civil", "Juntas de Acción Comunal", "febrero a julio de 2025")
    assert meta.impacto == "menos casos de enfermedad diarreica"
    assert meta.localizacion.municipios == ["Sardinata"]


@pytest.mark.parametrize(("portada", "nombre", "desde"), [
    # the plan on its own line, after an adjective, with its name in quotes
    ("Periodo 2024-2025\nPlan de Desarrollo Departamental 2024-2027 \"Norte, Territorio de Paz\"\n",
     "Plan de Desarrollo Departamental 2024-2027 \"Norte, Territorio de Paz\"", 2024),
    # single newlines: the export runs the period, the plan and the cut-off date into one paragraph
    (("INFORME DE RENDICIÓN DE CUENTAS\nPeriodo 2024 a 2025\nPlan de Desarrollo Municipal 2024 – 2027 Pamplona Avanza\n"
      "Fecha de corte: 30 de junio de 2025\n"),
     "Plan de Desarrollo Municipal 2024 – 2027 Pamplona Avanza", 2024),
    ("Vigencia 2021\nPLAN DE DESARROLLO 2020-2023 UNIDOS POR EL CAMBIO\n", "PLAN DE DESARROLLO 2020-2023 UNIDOS POR EL CAMBIO", 2020),
])
def test_el_plan_de_la_portada_donde_lo_escriba(portada: str, nombre: str, desde: int) -> None:
    cargado = _importar(f"GOBERNACIÓN DE NORTE DE SANTANDER\nSECRETARÍA DE SALUD\n\n{portada}\n"
                        "Meta # 1 Ferias\t\t\n\t¿Qué se hizo? 2 ferias realizadas\n")
    assert "plan" not in {p.campo for p in cargado.problemas}
    assert cargado.informe is not None
    assert (cargado.informe.plan.nombre, cargado.informe.plan.desde, cargado.informe.plan.hasta) == (nombre, desde, desde + 3)


def test_un_plan_nombrado_sin_cuatrienio_no_es_el_de_la_portada() -> None:
    # 'el Plan de Desarrollo' in a sentence gives no years: the four years are assumed from the period, and said
    cargado = _importar("Gobernación de Norte de Santander\nSecretaría de Salud\nRendición de Cuentas 2025\n"
                        "Avance de las metas del Plan de Desarrollo a cargo de la Secretaría\n\n"
                        "Meta # 1 Ferias\t\t\n\t¿Qué se hizo? 2 ferias realizadas\n")
    assert ("ENT005", "plan") in [(p.regla, p.campo) for p in cargado.problemas]
    assert cargado.informe is not None and (cargado.informe.plan.desde, cargado.informe.plan.hasta) == (2024, 2027)


@pytest.mark.parametrize(("texto", "plantilla", "razon"), [
    (PORTADA + "Meta # 1 Ferias de emprendimiento\t\t\n\t¿Qué se hizo? 3 ferias realizadas\t¿Cuánto se invirtió? $ 10 millones\n"
     "Meta # 2 Ruedas de negocio\t\t\n\t¿Qué se hizo? 2 ruedas\n",
     "tabular", "2 encabezados de meta de la plantilla tabular ('Meta # N') y 3 preguntas suyas"),
    (PORTADA + "Meta cuatrienio 31: 12 huertas comunitarias\n\nSe establecieron 3 huertas, el 100 % de lo programado.\n",
     "narrativa", "1 encabezados de meta de la plantilla narrativa ('Meta cuatrienio N: …', 'Meta N:'), y 0 preguntas de la tabular"),
])
def test_import_dice_que_perfil_uso_y_por_que(tmp_path: Path, texto: str, plantilla: str, razon: str) -> None:
    fuente = tmp_path / "borrador.txt"
    fuente.write_text(texto, encoding="utf-8")
    resultado = CliRunner().invoke(main, ["import", str(fuente), "-o", str(tmp_path / "x.yaml")])
    assert resultado.exit_code == 0, resultado.output
    linea = next(x for x in resultado.stderr.splitlines() if "leído con el perfil" in x)
    assert f"leído con el perfil de plantilla {plantilla} (" in linea and f"plantillas/{plantilla}.yaml): {razon}" in linea
    en = CliRunner().invoke(main, ["import", str(fuente), "-o", str(tmp_path / "y.yaml"), "--lang", "en"])
    assert f"read with the template profile {plantilla} (" in en.stderr and "meta headings of the" in en.stderr


@pytest.mark.parametrize(("portada", "departamento", "aviso"), [
    ("ALCALDÍA DE SAN JUAN DE PASTO\nSECRETARÍA DE AGRICULTURA\n", "Nariño", "se toma Nariño, el de Pasto (DANE 52001)"),
    ("Alcaldía de Tunja\nSecretaría de Educación\n", "Boyacá", "se toma Boyacá, el de Tunja (DANE 15001)"),
    # a name two municipalities share: the one whose department the preamble names
    ("Alcaldía de San Pedro\nSecretaría de Gobierno\nEn coordinación con la Gobernación del Valle del Cauca.\n", "Valle del Cauca",
     "se toma Valle del Cauca, el de San Pedro (DANE 76670)"),
])
def test_el_departamento_de_una_alcaldia_sale_de_su_municipio(portada: str, departamento: str, aviso: str) -> None:
    cargado = _importar(f"{portada}\nRendición de Cuentas 2025\n\nMeta # 1 Ferias\t\t\n\t¿Qué se hizo? 2 ferias realizadas\n")
    assert cargado.informe is not None and cargado.informe.departamento == departamento
    assert [(p.regla, p.mensaje) for p in cargado.problemas if p.campo == "departamento"] == [
        ("ENT005", f"la portada no dice el departamento; {aviso}")]


@pytest.mark.parametrize("portada", [
    "Alcaldía de San Pedro\nSecretaría de Gobierno\n",  # two San Pedro and no department named: nothing is assumed
    "Alcaldía de Ciudad Gótica\nSecretaría de Gobierno\n",  # not a municipality
])
def test_sin_un_solo_municipio_no_se_supone_el_departamento(portada: str) -> None:
    cargado = _importar(f"{portada}\nRendición de Cuentas 2025\n\nMeta # 1 Ferias\t\t\n\t¿Qué se hizo? 2 ferias realizadas\n")
    assert [(p.regla, p.campo) for p in cargado.problemas if p.campo == "departamento"] == [("ENT004", "departamento")]


@pytest.mark.parametrize(("como", "programado"), [
    ("La programación del periodo en el Plan Indicativo es de 280 títulos, de acuerdo con la ficha del proyecto.", 280),
    ("Para la vigencia 2025 el Plan de Acción programó la entrega de 280 títulos.", 280),
    # a programmed quantity of something else does not say what the cumplimiento is of
    ("Para la vigencia 2025 el Plan de Acción programó 12 jornadas de socialización.", None),
])
def test_lo_programado_dicho_en_otra_respuesta(como: str, programado: int | None) -> None:
    cargado = _importar(PORTADA + "Meta # 7 Títulos de propiedad entregados (meta cuatrienio: 1.000 títulos)\t\t\n"
                        "Cumplimiento/Avance\tInversión\tBeneficiarios\n"
                        "<p><b>¿Qué se hizo?</b> Se entregaron 210 títulos de propiedad.</p> <p><b>cumplimiento del 100 %</b></p>\t"
                        "¿Cuánto se invirtió? $ 10 millones de recursos propios\t¿Qué población se atendió? 210 hogares\n"
                        f"\t<p><b>EJECUCIÓN</b></p> <ul><li><b>¿Cómo se hizo?</b> {como}</li></ul>\t\n")
    meta = cargado.informe.metas[0]
    assert (meta.programado_periodo.valor if meta.programado_periodo else None) == programado


def test_la_inversion_afirmada_del_resumen_es_el_monto_que_leen_las_respuestas() -> None:
    """The summary's claimed investment is found by the answers' amount reader (`respuestas.montos`), as written."""
    from auditor.entrada.importar.tabular import _inversion_afirmada

    def monto(texto: str) -> str | None:
        afirmada = _inversion_afirmada(texto)
        return None if afirmada is None else afirmada[1]

    assert monto("con una inversión superior a los $2.181 millones; en este marco") == "$2.181 millones"
    assert monto("con una inversión que supera los \\$988 millones se ha logrado") is None  # the importer unescapes first
    assert monto("con una inversión de $ 703 millones de pesos por recursos propios") == "$ 703 millones de pesos"
    assert monto("con una inversión cercana a COP 1.200 millones, se atendió") == "COP 1.200 millones"
    assert monto("con una inversión de $ millones") is None  # no figure: not a claim


@pytest.mark.parametrize(("texto", "cuenta"), [
    ("252 unidades productivas fortalecidas", ("252", "unidades productivas")),
    ("Dos jornadas de capacitación", ("2", "jornadas de capacitación")),
    ("Se realizaron dos jornadas y 3 talleres", ("3", "talleres")),  # a number word only opening the answer
    ("Un total de 1.649 ciudadanos", ("1.649", "ciudadanos")),
    ("El 23-octubre-2025 se entregaron 40 kits", ("40", "kits")),
    ("3,8 millones de dólares y 76% de avance; 12 asociaciones", ("12", "asociaciones")),
    ("En 2024 se atendieron 50° grupos", None),
    # after a number that is not a count, the next one is read (the old reader's pattern swallowed the rest)
    ("En 2024 se atendieron 300 personas", ("300", "personas")),
    ("Con $ 45 millones se dotaron 12 aulas", ("12", "aulas")),
    ("El 15 de marzo se entregaron 40 kits", ("40", "kits")),
])
def test_la_primera_cuenta_es_el_primer_conteo_del_lector_de_conteos(texto: str, cuenta: tuple[str, str] | None) -> None:
    from auditor.lectura.respuestas import primera_cuenta

    leida = primera_cuenta(texto)
    assert (None if leida is None else (leida.cantidad, leida.unidad)) == cuenta


# The text of a published PDF (pdftotext): lines wrapped at ~80 columns with words cut by a hyphen, a single
# newline between paragraphs, each label alone on its line, a heading right after the line before it, and a page
# break (footer, running header) that cuts a meta's heading.
TEXTO_DE_PDF = (
    "GOBERNACIÓN DE NORTE DE SANTANDER\n"
    "SECRETARÍA DE DESARROLLO ECONÓMICO\n"
    "Rendición de Cuentas 2025\n"
    "Plan de Desarrollo 2024-2027\n"
    "Con corte a 30 de septiembre de 2025\n"
    "\n"
    "LÍNEA ESTRATÉGICA 2: COMPETITIVIDAD\n"
    "Meta # 7 Ferias de emprendimiento realizadas en los municipios del departa-\n"
    "mento\n"
    "Cumplimiento/Avance\n"
    "¿Qué se hizo?\n"
    "Se realizaron 4 ferias de emprendimiento con productores de cafés especiales y\n"
    "artesanías, con visitas de verifica-\n"
    "ción de las normas sanitarias.\n"
    "100% de cumplimiento frente a lo programado en el periodo\n"
    "Inversión\n"
    "¿Cuánto se invirtió?\n"
    "$ 45 millones de recursos propios.\n"
    "Beneficiarios\n"
    "¿Qué población se atendió?\n"
    "120 productores.\n"
    "EJECUCIÓN\n"
    "¿Cómo se hizo? Con convocatoria abierta.\n"
    "IMPACTO\n"
    "Los productores aumentaron sus ventas.\n"
    "LOCALIZACIÓN\n"
    "¿Dónde se intervino?\n"
    "Cúcuta, Pamplona y Villa del Ro-\n"
    "sario.\n"
    "Meta # 8 Ruedas de negocio para la promoción de pro-\n"
    "\n"
    "Página 1 de 2\n"
    "\fGobernación de Norte de Santander - Rendición de Cuentas 2025\n"
    "\n"
    "ductos del departamento\n"
    "Cumplimiento/Avance\n"
    "¿Qué se hizo?\n"
    "Se realizaron 2 ruedas de negocio.\n"
    "Inversión\n"
    "¿Cuánto se invirtió?\n"
    "$ 20 millones de recursos propios.\n"
    "\n"
    "Página 2 de 2\n"
    "\fGobernación de Norte de Santander - Rendición de Cuentas 2025\n"
)


def test_texto_de_un_pdf_sin_lineas_en_blanco_entre_parrafos() -> None:
    cargado = _importar(TEXTO_DE_PDF)
    assert cargado.informe is not None
    assert [p.regla for p in cargado.problemas if p.regla == "ENT004"] == []
    siete, ocho = cargado.informe.metas
    assert (siete.numero, siete.nombre) == (7, "Ferias de emprendimiento realizadas en los municipios del departamento")
    assert (ocho.numero, ocho.nombre) == (8, "Ruedas de negocio para la promoción de productos del departamento")
    assert "visitas de verificación de las normas" in siete.logro.texto
    assert (siete.inversion.ejecutada.valor, siete.beneficiarios.total.valor, siete.cumplimiento_periodo.valor) == (45, 120, 100)
    assert siete.ejecucion.como == "Con convocatoria abierta."
    assert siete.impacto == "Los productores aumentaron sus ventas."
    assert siete.localizacion.texto == "Cúcuta, Pamplona y Villa del Rosario."
    assert (ocho.logro.texto, ocho.inversion.ejecutada.valor) == ("Se realizaron 2 ruedas de negocio.", 20)
    assert cargado.mapa.linea(("metas", 1, "numero")) == 30


def test_la_firma_y_el_mensaje_citado_de_un_correo_no_son_de_la_ultima_meta() -> None:
    texto = (
        "De: Despacho Secretaría TIC <despacho.tic@meta.gov.co>\n"
        "Asunto: RE: Insumos del Informe de Rendición de Cuentas 2025 - Secretaría de las TIC\n\n"
        "Buenas tardes: remitimos las respuestas con corte a 30 de septiembre de 2025.\n\n"
        "Meta # 1 Zonas WiFi instaladas\n\n"
        "¿Qué se hizo? Se instalaron 15 zonas WiFi.\n\n"
        "¿Cuánto se invirtió? $ 20 millones de recursos propios.\n\n"
        "Quedamos atentos a cualquier ajuste.\n\n"
        "Cordialmente,\n\n"
        "Andrés Rojas\nSecretario TIC\n\n"
        "-----Mensaje original-----\n"
        "De: Planeación\n\n"
        "¿Cuánto se invirtió? Indique el valor programado y el ejecutado.\n"
    )
    cargado = _importar(texto)
    meta = cargado.informe.metas[0]
    assert meta.inversion.texto == "$ 20 millones de recursos propios."
    assert cargado.informe.secretaria == "Secretaría de las TIC"
    [cola] = [p for p in cargado.problemas if p.regla == "ENT005" and "se cierra" in p.mensaje]
    assert (cola.linea, cola.texto) == (12, "Quedamos atentos a cualquier ajuste.")
    assert not [p for p in cargado.problemas if p.regla == "ENT004" and p.meta == "1"]


def test_una_despedida_antes_de_las_metas_no_corta_el_informe() -> None:
    texto = PORTADA + ("Cordialmente,\n\nLa Secretaría\n\n"
                       "Meta # 1 Ferias\n\n¿Qué se hizo? Se hicieron 3 ferias.\n\n¿Cuánto se invirtió? $ 10 millones de recursos propios.\n")
    cargado = _importar(texto)
    assert cargado.informe.metas[0].inversion.ejecutada.valor == 10
    assert not [p for p in cargado.problemas if "se cierra" in p.mensaje]


def test_una_raya_tras_la_ultima_meta_cierra_el_documento() -> None:
    texto = PORTADA + ("Meta # 1 Ferias\n\n¿Qué se hizo? Se hicieron 3 ferias.\n\n¿Cuánto se invirtió? $ 10 millones de recursos propios.\n\n"
                       "---\n\n*Documento elaborado por la Secretaría de Minas para la Secretaría de Planeación.*\n")
    cargado = _importar(texto)
    meta = cargado.informe.metas[0]
    assert meta.inversion.texto == "$ 10 millones de recursos propios."
    [cierre] = [p for p in cargado.problemas if "se cierra" in p.mensaje]
    assert (cierre.regla, cierre.linea, cierre.texto) == ("ENT005", 17, "---")


def test_el_correo_que_trae_el_informe_antes_de_su_portada_no_es_la_portada() -> None:
    """An e-mail pasted above the report (header lines, greeting, a message that hands it over) is left out and said
    once (ENT005); the report's own cover below it gives the entity and the cut-off."""
    texto = (
        "Asunto: RV: Insumo rendicion de cuentas 2025\n"
        "Para: Oficina Asesora de Planeacion <planeacion@cesar.gov.co>\n\n"
        "Buenas tardes Dra. Yulieth,\n\n"
        "Remito el insumo de las metas de la Secretaria, en texto plano para pegarlo en la plantilla. Quedo atento a "
        "cualquier ajuste.\n\n"
        "GOBERNACION DEL CESAR\n\nSECRETARIA DE AMBIENTE\n\nINFORME DE RENDICION DE CUENTAS - VIGENCIA 2025\n\n"
        "Fecha de corte: 30/09/2025\n\n"
        "Meta # 1 Viveros\n\n¿Qué se hizo? Se dotaron 3 viveros.\n\n¿Cuánto se invirtió? $ 10 millones de recursos propios.\n"
    )
    cargado = _importar(texto)
    assert str(cargado.informe.fecha_corte) == "2025-09-30"
    [correo] = [p for p in cargado.problemas if "abre con el correo" in p.mensaje]
    assert (correo.regla, correo.linea) == ("ENT005", 1)
    assert correo.texto.startswith("Asunto: RV: Insumo rendicion de cuentas 2025")


def test_un_correo_que_es_toda_la_portada_se_sigue_leyendo_como_portada() -> None:
    """When no cover follows the message, the message is the cover (it names the secretaría): nothing is left out."""
    texto = (
        "Asunto: RE: Insumos del Informe de Rendición de Cuentas 2025 - Secretaría de las TIC\n\n"
        "Buenas tardes: remitimos las respuestas con corte a 30 de septiembre de 2025. Quedamos atentos a cualquier ajuste.\n\n"
        "Meta # 1 Zonas WiFi instaladas\n\n¿Qué se hizo? Se instalaron 15 zonas WiFi.\n\n"
        "¿Cuánto se invirtió? $ 20 millones de recursos propios.\n"
    )
    cargado = _importar(texto)
    assert cargado.informe.secretaria == "Secretaría de las TIC"
    assert not [p for p in cargado.problemas if "abre con el correo" in p.mensaje]
