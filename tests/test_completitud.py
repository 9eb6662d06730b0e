"""The completeness matrix: exact cells for known metas of the seeds, totals, and `auditor summary`."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from auditor.modelo.informe import Informe
from auditor.motor.auditor import Auditor
from auditor.motor.auditoria import auditar
from auditor.reglas.completitud import SECCIONES, Estado, Patrones, completitud, por_secretaria
from auditor.resultado.ejecucion import Resultado

from .conftest import FIXTURES, RAIZ
from .conftest import correr as _correr

H, V, P, N = Estado.HECHO, Estado.VACIO, Estado.PLANTILLA, Estado.NO_APLICA
DESARROLLO = "fixtures/desarrollo_economico_2024_2025.yaml"
FRONTERAS = "fixtures/fronteras_2024.yaml"
LIMPIO = "fixtures/limpio_cultura_2024_2025.yaml"




@pytest.fixture(scope="module")
def resultado(auditor: Auditor) -> Resultado:
    import os

    anterior = os.getcwd()
    os.chdir(RAIZ)
    try:
        return auditar(auditor, ["fixtures"])
    finally:
        os.chdir(anterior)


def _filas(resultado: Resultado, archivo: str) -> dict[str, tuple[Estado, ...]]:
    r = next(r for r in resultado.informes if r.archivo == archivo)
    assert r.completitud is not None
    return {f.numero: f.estados for f in r.completitud.filas}


def test_secciones_de_la_plantilla_en_orden() -> None:
    assert [s.clave for s in SECCIONES] == [
        "logro", "avance", "inversion", "beneficiarios", "como", "con_quien", "cuando", "impacto", "localizacion",
        "registro_fotografico",
    ]


def test_celdas_exactas_de_metas_conocidas_del_informe_tabular(resultado: Resultado) -> None:
    filas = _filas(resultado, DESARROLLO)
    assert list(filas) == [str(n) for n in [*range(1, 16), 18, 19, 20]]
    #                      logro avance inv  benef como quien cuando impacto lugar fotos
    assert filas["11"] == (H, H, H, N, P, P, P, P, P, V)  # ¿Cómo? 'Indicar qué dificultades...'; beneficiarios 'No aplica por...'
    assert filas["1"] == (H, H, H, H, H, H, H, H, V, H)  # LOCALIZACIÓN en blanco (SEC001)
    assert filas["3"] == (H, H, H, P, H, H, H, H, H, V)  # beneficiarios 'Sin datos a la fecha' (relleno), sin fotos
    assert filas["10"] == (H, H, H, N, H, H, H, P, P, H)  # impacto y localización con la instrucción de la plantilla
    assert filas["14"] == (H, H, H, H, H, H, P, H, H, V)  # ¿Cuándo? 'Especificar el periodo de intervención'
    assert filas["20"] == (H, H, H, P, H, H, H, H, H, H)  # beneficiarios con 'Indicar la participación por grupos etarios'
    assert filas["4"] == (H,) * 10


def test_celdas_exactas_del_informe_narrativo(resultado: Resultado) -> None:
    filas = _filas(resultado, FRONTERAS)
    # la plantilla narrativa no separa ¿Con quién? y ¿Cuándo? ni tiene registro fotográfico: no aplica
    assert filas["80"] == (H, H, V, H, H, N, N, H, H, N)  # sin monto ejecutado (INV001)
    assert filas["661"] == (H, H, H, V, H, N, N, H, H, N)  # sin beneficiarios (BEN001); ejecutado 0 explícito es respuesta
    assert filas["663"] == (H, V, H, H, H, N, N, H, H, N)  # sin porcentajes (PCT003)
    assert filas["671"] == (H, V, V, H, H, N, N, H, H, N)  # '$ millones' sin número
    assert filas["660"] == filas["670"] == (H, H, H, H, H, N, N, H, H, N)


def test_informe_limpio_solo_hecho_o_no_aplica_salvo_las_fotos(resultado: Resultado) -> None:
    filas = _filas(resultado, LIMPIO)
    assert filas == {
        "1": (H, H, H, H, H, H, H, H, H, V),
        "2": (H, H, H, H, H, H, H, H, H, V),
        "3": (H, H, H, N, H, H, H, H, H, V),  # 'No aplica por tratarse de un instrumento de planeación'
    }  # the clean data file transcribes no photo captions: the tabular template asks for them, so vacío


def test_totales_por_informe_y_por_secretaria(resultado: Resultado) -> None:
    cuentas = {r.archivo: dict(r.completitud.cuenta()) for r in resultado.informes if r.completitud is not None}
    assert cuentas == {
        DESARROLLO: {H: 157, V: 9, P: 12, N: 2},
        FRONTERAS: {H: 37, V: 5, N: 18},
        LIMPIO: {H: 26, V: 3, N: 1},
    }
    totales = por_secretaria((r.archivo, r.completitud) for r in resultado.informes if r.completitud is not None)
    assert [(t.secretaria, t.archivos, t.metas, t.cuenta[H]) for t in totales] == [
        ("Secretaría de Cultura", [LIMPIO], 3, 26),
        ("Secretaría de Desarrollo Económico y Productividad", [DESARROLLO], 18, 157),
        ("Secretaría de Fronteras y Cooperación Internacional", [FRONTERAS], 6, 37),
    ]


def test_una_secretaria_con_varios_archivos_suma(auditor: Auditor, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "limpio_cultura_2024_2025.yaml", tmp_path / "a.yaml")
    datos = yaml.safe_load((FIXTURES / "limpio_cultura_2024_2025.yaml").read_text(encoding="utf-8"))
    datos["metas"] = datos["metas"][:1]
    datos["metas"][0]["impacto"] = "XXX"
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(datos, allow_unicode=True), encoding="utf-8")
    resultado = auditar(auditor, [tmp_path])
    totales = por_secretaria((r.archivo, r.completitud) for r in resultado.informes if r.completitud is not None)
    assert len(totales) == 1
    t = totales[0]
    assert (t.secretaria, len(t.archivos), t.metas) == ("Secretaría de Cultura", 2, 4)
    assert dict(t.cuenta) == {H: 26 + 8, V: 3 + 1, P: 1, N: 1}


def test_las_celdas_coinciden_con_los_hallazgos(resultado: Resultado) -> None:
    """A PLH001/PLH002/PLH004 finding marks its section 'plantilla'; SEC001/SEC002, INV001 and BEN001 'vacío'."""
    por_campo = {s.campo.split(".")[0] if s.clave not in ("como", "con_quien", "cuando") else s.campo: s.clave for s in SECCIONES}
    vistos = 0
    for r in resultado.informes:
        assert r.completitud is not None
        filas = {f.numero: f for f in r.completitud.filas}
        for f in r.hallazgos:
            if f.regla not in ("PLH001", "PLH002", "PLH004", "SEC001", "SEC002", "INV001", "BEN001") or f.meta is None or f.campo is None:
                continue
            campo = f.campo if f.campo.startswith("ejecucion.") else f.campo.split(".")[0]
            esperado = P if f.regla.startswith("PLH") or f.campo == "beneficiarios.descripcion" else V
            assert filas[f.meta].estado(por_campo[campo]) is esperado, (f.regla, f.meta, f.campo)
            vistos += 1
    assert vistos == 19  # 9 PLH001 + 4 SEC001 + 2 INV001 + 1 BEN001 + 3 PLH004 on metas of the seeds


def _informe(**meta: object) -> Informe:
    base: dict[str, object] = {"numero": 1, "nombre": "Meta de prueba"}
    base.update(meta)
    return Informe.model_validate({
        "entidad": "Gobernación", "departamento": "Norte de Santander", "secretaria": "Secretaría de Prueba",
        "periodo": {"desde": 2024, "hasta": 2024}, "fecha_corte": "2024-12", "plan": {"nombre": "PDD", "desde": 2024, "hasta": 2027},
        "plantilla": "tabular", "metas": [base],
    })


def test_casos_sueltos(auditor: Auditor) -> None:
    patrones = Patrones.del_catalogo(auditor.catalogo.patrones)

    def fila(**meta: object) -> dict[str, Estado]:
        c = completitud(_informe(**meta), patrones)
        return {s.clave: e for s, e in zip(SECCIONES, c.filas[0].estados, strict=True)}

    vacia = fila()
    assert set(vacia.values()) == {V}  # nothing answered in the tabular template
    assert fila(impacto="No aplica.")["impacto"] is N
    assert fila(impacto="Sin datos")["impacto"] is P
    assert fila(impacto="¿Qué impacto y/o resultado se produjo?")["impacto"] is P  # the bare question
    assert fila(inversion={"ejecutada": 0})["inversion"] is H  # an explicit zero is an answer
    assert fila(inversion={"ejecutada": "$ millones", "texto": "se ejecutaron $ millones"})["inversion"] is V
    assert fila(logro={"cantidad": 3})["logro"] is H
    assert fila(cumplimiento_periodo="80%")["avance"] is H
    assert fila(localizacion={"municipios": ["Cúcuta"], "texto": "Indicar municipios-subregiones"})["localizacion"] is P
    assert fila(localizacion={"municipios": ["Cúcuta"]})["localizacion"] is H
    assert fila(registro_fotografico=["XXX"])["registro_fotografico"] is P
    assert fila(beneficiarios={"total": 10, "descripcion": "Sin datos"})["beneficiarios"] is H  # as BEN001: the count answers
    assert fila(ejecucion={"con_quien": "Con la UPFS"})["cuando"] is V  # tabular: the question is asked
    informe = _informe(ejecucion={"con_quien": "Con la UPFS"})
    narrativo = informe.model_copy(update={"plantilla": "narrativa"})
    c = completitud(narrativo, patrones)
    estados = dict(zip([s.clave for s in SECCIONES], c.filas[0].estados, strict=True))
    assert (estados["con_quien"], estados["cuando"], estados["registro_fotografico"]) == (H, N, N)


def test_frases_propias_de_la_oficina_cuentan_como_plantilla(tmp_path: Path) -> None:
    from auditor.configuracion.configuracion import Configuracion
    from auditor.motor.auditor import preparar

    (tmp_path / "reglas").mkdir()
    (tmp_path / "reglas" / "frases.yaml").write_text(
        "patrones:\n  - nombre: plantilla\n    descripcion: propias\n    patrones:\n      - frase: Escriba aquí el impacto\n",
        encoding="utf-8")
    propio = preparar(Configuracion(), [tmp_path / "reglas"])
    c = completitud(_informe(impacto="Escriba aquí el impacto de la meta."), Patrones.del_catalogo(propio.catalogo.patrones))
    assert c.filas[0].estado("impacto") is P


# ---- auditor summary -------------------------------------------------------------------------------------------



def _fila_texto(salida: str, numero: str) -> list[str]:
    return next(linea.split() for linea in salida.splitlines() if linea.split()[:1] == [numero])


def test_summary_en_la_terminal(en_raiz: None) -> None:
    codigo, salida, _ = _correr("summary", DESARROLLO)
    assert codigo == 0  # a summary, not a gate
    assert _fila_texto(salida, "11") == ["11", "✓", "✓", "✓", "–", "!", "!", "!", "!", "!", "✗", "3/9"]
    assert "157 hecho, 9 vacío, 12 plantilla, 2 no aplica · 88% completo" in salida
    assert "Leyenda: ✓ hecho · ✗ vacío · ! plantilla · – no aplica" in salida
    assert "Totales por secretaría" in salida


def test_summary_texto_con_totales(en_raiz: None) -> None:
    codigo, salida, _ = _correr("summary", "fixtures", "--format", "text")
    assert codigo == 0
    assert _fila_texto(salida, "671") == ["671", "✓", "✗", "✗", "✓", "✓", "–", "–", "✓", "✓", "–", "5/7"]
    lineas = salida.splitlines()
    assert any(linea.split() == ["Secretaría", "de", "Cultura", "1", "3", "26", "3", "0", "1", "90%"] for linea in lineas)
    assert "37 hecho, 5 vacío, 0 plantilla, 18 no aplica · 88% completo" in lineas


def test_summary_csv_una_fila_por_meta(en_raiz: None, tmp_path: Path) -> None:
    codigo, _, _ = _correr("summary", "fixtures", "--format", "csv", "-o", str(tmp_path / "matriz.csv"))
    assert codigo == 0
    salida = (tmp_path / "matriz.csv").read_bytes().decode("utf-8")
    assert salida.startswith("\ufeffarchivo,secretaria,meta,") and salida.count("\r\n") == 28  # Excel: BOM and CRLF
    filas = list(csv.DictReader(io.StringIO(salida.removeprefix("\ufeff"), newline="")))
    assert len(filas) == 27
    assert list(filas[0]) == ["archivo", "secretaria", "meta", "nombre", *[s.clave for s in SECCIONES],
                              "hecho", "vacio", "plantilla", "no_aplica"]
    once = next(f for f in filas if f["archivo"] == DESARROLLO and f["meta"] == "11")
    assert once == {
        "archivo": DESARROLLO, "secretaria": "Secretaría de Desarrollo Económico y Productividad", "meta": "11",
        "nombre": "Diseño de una estrategia de fortalecimiento a instrumentos territoriales para el fomento del mercado de "
                  "Compras Públicas en MIPYMES",
        "logro": "hecho", "avance": "hecho", "inversion": "hecho", "beneficiarios": "no_aplica", "como": "plantilla",
        "con_quien": "plantilla", "cuando": "plantilla", "impacto": "plantilla", "localizacion": "plantilla",
        "registro_fotografico": "vacio", "hecho": "3", "vacio": "1", "plantilla": "5", "no_aplica": "1",
    }


def test_summary_json_y_output_atomico(en_raiz: None, tmp_path: Path) -> None:
    destino = tmp_path / "matriz.json"
    codigo, salida, _ = _correr("summary", "fixtures", "--format", "json", "--output", str(destino))
    assert codigo == 0 and salida == ""
    doc = json.loads(destino.read_text(encoding="utf-8"))
    assert [r["file"] for r in doc["reports"]] == [DESARROLLO, FRONTERAS, LIMPIO]
    assert doc["reports"][1]["totals"] == {"hecho": 37, "vacio": 5, "plantilla": 0, "no_aplica": 18, "complete_percent": 88.1}
    assert doc["reports"][1]["metas"][0]["sections"]["inversion"] == "vacio"
    assert [(s["secretaria"], s["metas"]) for s in doc["secretarias"]] == [
        ("Secretaría de Cultura", 3), ("Secretaría de Desarrollo Económico y Productividad", 18),
        ("Secretaría de Fronteras y Cooperación Internacional", 6)]
    assert [p.name for p in tmp_path.iterdir()] == ["matriz.json"]  # no temporary file left behind
    _, directa, _ = _correr("summary", "fixtures", "--format", "json")
    assert directa == destino.read_text(encoding="utf-8")


def test_summary_en_ingles(en_raiz: None) -> None:
    codigo, salida, _ = _correr("summary", LIMPIO, "--format", "text", "--lang", "en")
    assert codigo == 0
    assert "Legend: ✓ done · ✗ empty · ! template · – not applicable" in salida
    assert "26 done, 3 empty, 0 template, 1 not applicable · 90% complete" in salida
    assert "Totals per secretaría" in salida


def test_summary_errores_de_entrada_salen_con_dos(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "limpio_cultura_2024_2025.yaml", tmp_path / "bueno.yaml")
    (tmp_path / "malo.yaml").write_text("entidad: [sin cerrar\n", encoding="utf-8")
    codigo, salida, error = _correr("summary", str(tmp_path), "--format", "text")
    assert codigo == 2
    assert "26 hecho, 3 vacío, 0 plantilla, 1 no aplica · 90% completo" in salida  # the good file is still summarized
    assert error.startswith(f"auditor: error: {tmp_path / 'malo.yaml'}:")
    codigo, _, error = _correr("summary", str(tmp_path / "no-existe"))
    assert codigo == 2 and "auditor: error:" in error
    codigo, _, error = _correr("summary", str(tmp_path / "bueno.yaml"), "-o", str(tmp_path / "bueno.yaml"))
    assert codigo == 2 and "no puede ser uno de los archivos auditados" in error
