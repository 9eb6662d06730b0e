"""The report against the Plan Indicativo (PLN rules) with plans built in Python: the percentages of each tipo de
acumulación computed by hand, NP kept apart from 0, a consecutively numbered report matched by description, the
omission over two files of one secretaría, the formula table as data, and the same bytes with -j1 and -j2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from auditor.configuracion.configuracion import Configuracion, cargar_configuracion
from auditor.entrada.carga import cargar_bytes
from auditor.modelo.plan import PlanIndicativo
from auditor.motor.auditor import Auditor, preparar
from auditor.motor.auditoria import auditar, auditar_cargado
from auditor.reglas.catalogo import ErrorReglas
from auditor.resultado.hallazgo import Hallazgo
from auditor.salidas import matriz
from auditor.salidas.json_documento import render as render_json

from .conftest import FIXTURES
from .plan_de_prueba import plan_de

CABECERA = """entidad: Gobernación de Norte de Santander
departamento: Norte de Santander
secretaria: {secretaria}
periodo: {{desde: {desde}, hasta: 2025}}
fecha_corte: "2025-11"
plan: {{nombre: Plan de Desarrollo 2024-2027, desde: 2024, hasta: 2027}}
numeracion_metas: {numeracion}
metas:
"""


def _informe(metas: str, secretaria: str = "Secretaría de Desarrollo Económico", desde: int = 2024, numeracion: str = "plan") -> str:
    return CABECERA.format(secretaria=secretaria, desde=desde, numeracion=numeracion) + metas


def _hallazgos(auditor: Auditor, plan: PlanIndicativo, texto: str, reglas: set[str]) -> list[Hallazgo]:
    solo = Auditor(auditor.catalogo, auditor.configuracion, reglas, plan=plan)
    return auditar_cargado(solo, cargar_bytes(texto.encode("utf-8"), "informe.yaml")).hallazgos


def _meta_plan(acumulacion: str, programacion: dict[int, object], linea_base: float | None, meta: float) -> PlanIndicativo:
    return plan_de([{"numero": "7", "fila": 5, "descripcion": "Unidades productivas fortalecidas", "unidad": "unidades",
                     "acumulacion": acumulacion, "programacion": programacion, "linea_base": linea_base, "meta_cuatrienio": meta}])


# (tipo, programación, línea base, meta del cuatrienio, logro, cumplimiento a mano, avance a mano)
CASOS = [
    # flujo: P = 2024 + 2025 = 10 + 15 = 25; 20 / 25 = 80 %; avance 20 / 50 = 40 %
    ("flujo", {2024: 10, 2025: 15, 2026: 15, 2027: 10}, None, 50, 20, 80.0, 40.0),
    # capacidad: P = 2025 = 40, LB 20; (30 - 20) / (40 - 20) = 50 %; avance (30 - 20) / (60 - 20) = 25 %
    ("capacidad", {2024: 30, 2025: 40, 2026: 50, 2027: 60}, 20, 60, 30, 50.0, 25.0),
    # mantenimiento: P = 2025 = 12; 9 / 12 = 75 %; avance 9 / 12 = 75 %
    ("mantenimiento", {2024: 12, 2025: 12, 2026: 12, 2027: 12}, 12, 12, 9, 75.0, 75.0),
    # reducción: P = 2025 = 70, LB 80; (80 - 76) / (80 - 70) = 40 %; avance (80 - 76) / (80 - 50) = 13,3 %
    ("reduccion", {2024: 75, 2025: 70, 2026: 60, 2027: 50}, 80, 50, 76, 40.0, 13.3),
]


@pytest.mark.parametrize(("tipo", "programacion", "linea_base", "meta", "logro", "cumplimiento", "avance"), CASOS)
def test_porcentajes_por_tipo_de_acumulacion_calculados_a_mano(auditor: Auditor, tipo: str, programacion: dict[int, object],
                                                              linea_base: float | None, meta: float, logro: float,
                                                              cumplimiento: float, avance: float) -> None:
    plan = _meta_plan(tipo, programacion, linea_base, meta)

    def metas(c: float, a: float) -> str:
        return (f"  - {{numero: 7, nombre: Unidades productivas fortalecidas, logro: {{cantidad: {logro}}}, "
                f"cumplimiento_periodo: \"{c}%\", avance_cuatrienio: \"{a}%\"}}\n")

    assert _hallazgos(auditor, plan, _informe(metas(cumplimiento, avance)), {"PLN005", "PLN006"}) == []
    errados = sorted(_hallazgos(auditor, plan, _informe(metas(cumplimiento + 10, avance + 10)), {"PLN005", "PLN006"}),
                     key=lambda f: f.regla)
    assert [(f.regla, f.campo) for f in errados] == [("PLN005", "cumplimiento_periodo"), ("PLN006", "avance_cuatrienio")]
    regla = auditor.catalogo.acumulacion
    for f, formula in zip(errados, (regla[plan.metas[0].acumulacion].cumplimiento, regla[plan.metas[0].acumulacion].avance),  # type: ignore[index]
                          strict=True):
        assert formula.texto in f.mensaje and formula.palabras in f.mensaje  # the formula used, in symbols and in words
        assert f"da {str(round(cumplimiento if f.regla == 'PLN005' else avance, 1)).replace('.', ',').removesuffix(',0')}%" in f.mensaje


def test_np_no_es_cero(auditor: Auditor) -> None:
    np_ = plan_de([{"numero": "7", "fila": 5, "descripcion": "Huertas apoyadas", "acumulacion": "flujo", "meta_cuatrienio": 4,
                    "programacion": {2024: "NP", 2025: "NP", 2026: 2, 2027: 2}}])
    cero = plan_de([{"numero": "7", "fila": 5, "descripcion": "Huertas apoyadas", "acumulacion": "flujo", "meta_cuatrienio": 4,
                     "programacion": {2024: 0, 2025: 0, 2026: 2, 2027: 2}}])
    con_logro = _informe("  - {numero: 7, nombre: Huertas apoyadas, logro: {cantidad: 2}, cumplimiento_periodo: \"100%\"}\n")
    sin_logro = _informe("  - {numero: 7, nombre: Huertas apoyadas, logro: {texto: Se programa desde 2026.}}\n")
    reglas = {"PLN005", "PLN007"}
    assert [f.regla for f in _hallazgos(auditor, np_, con_logro, reglas)] == ["PLN007"]  # NP: no percentage to recompute
    assert [f.regla for f in _hallazgos(auditor, cero, con_logro, reglas)] == ["PLN005"]  # 0 programmed: PLN005's business
    assert _hallazgos(auditor, np_, sin_logro, reglas) == []
    assert _hallazgos(auditor, cero, sin_logro, reglas) == []


def _plan_desarrollo_economico() -> PlanIndicativo:
    """The Desarrollo Económico fixture's first metas as a plan numbers them (its own PDD numbers), and one of Cultura."""
    r = "Secretaría Departamental de Desarrollo Económico"
    return plan_de([
        {"numero": "71", "fila": 5, "descripcion": "Rondas de negociaciones organizadas y/o asistidas", "responsable": r},
        {"numero": "72", "fila": 6, "descripcion": "Rondas de negociaciones asistidas en misiones comerciales al exterior", "responsable": r},
        {"numero": "80", "fila": 7, "descripcion": "Plan estratégico elaborado para la creación de la Marca Región", "responsable": r},
        {"numero": "95", "fila": 8, "descripcion": "Capital semilla y activos productivos entregados a emprendimientos", "responsable": r},
        {"numero": "96", "fila": 9, "descripcion": "Rondas de negociaciones para vitrina comercial internacional", "responsable": r},
        {"numero": "300", "fila": 10, "descripcion": "Rondas de negociaciones organizadas y/o asistidas", "responsable": "Secretaría de Cultura"},
    ])


def test_numeracion_consecutiva_emparejada_por_descripcion(auditor: Auditor) -> None:
    plan = _plan_desarrollo_economico()
    solo = Auditor(auditor.catalogo, auditor.configuracion, {"PLN010"}, plan=plan)
    resultado = auditar(solo, [str(FIXTURES / "desarrollo_economico_2024_2025.yaml")])
    (nota,) = resultado.hallazgos()  # said once for the report, at its numbering; no meta carries a note
    assert (nota.meta, nota.campo) == (None, "numeracion_metas")
    # meta 1 and 2 both speak of 'rondas de negociaciones': one to one, the closest pairs first; Cultura's 300 is not a candidate
    assert "por su descripción: 1 → 71, 2 → 72, 3 → 80, 4 → 96, 20 → 95 (la menos parecida, " in nota.mensaje
    informe = resultado.informes[0]
    assert informe.cotejo is not None and informe.cotejo.metas[:2] == (("71", "1"), ("72", "2"))


def test_un_emparejamiento_de_la_configuracion_manda(auditor: Auditor, tmp_path: Path) -> None:
    (tmp_path / "auditor.yaml").write_text('reglas:\n  PLN010:\n    parametros:\n      emparejar: {1: "72", "2": 71, "20": "999"}\n',
                                           encoding="utf-8")
    configurado = preparar(cargar_configuracion(tmp_path / "auditor.yaml"))
    configurado.plan = _plan_desarrollo_economico()
    resultado = auditar(configurado, [str(FIXTURES / "desarrollo_economico_2024_2025.yaml")])
    informe = resultado.informes[0]
    assert informe.cotejo is not None
    assert ("72", "1") in informe.cotejo.metas and ("71", "2") in informe.cotejo.metas
    (nota,) = [f for f in resultado.hallazgos() if f.regla == "PLN010"]
    assert "1 → " not in nota.mensaje and "2 → " not in nota.mensaje  # fixed matches are not announced
    # a fixed number the plan does not have is said, at the meta, instead of being silently ignored
    (ausente,) = [f for f in resultado.hallazgos() if f.regla == "PLN002" and f.meta == "20"]
    assert "empareja la meta 20 con la meta 999 del Plan Indicativo" in ausente.mensaje


def test_un_emparejamiento_fijado_es_solo_de_la_secretaria_de_esa_meta_del_plan(auditor: Auditor, tmp_path: Path) -> None:
    """`emparejar: {1: "72"}` is Desarrollo Económico's: the meta 1 of Cultura's report (also numbered 1..N) keeps its
    own match, by description, to Cultura's 300."""
    (tmp_path / "auditor.yaml").write_text('reglas:\n  PLN010:\n    parametros:\n      emparejar: {1: "72"}\n', encoding="utf-8")
    configurado = preparar(cargar_configuracion(tmp_path / "auditor.yaml"))
    configurado.plan = _plan_desarrollo_economico()
    cultura = tmp_path / "cultura.yaml"
    cultura.write_text(_informe("  - {numero: 1, nombre: Rondas de negociaciones organizadas y asistidas}\n",
                                secretaria="Secretaría de Cultura", numeracion="consecutiva"), encoding="utf-8")
    resultado = auditar(configurado, [str(FIXTURES / "desarrollo_economico_2024_2025.yaml"), str(cultura)])
    cotejos = {Path(i.archivo).name: i.cotejo for i in resultado.informes}
    assert ("72", "1") in cotejos["desarrollo_economico_2024_2025.yaml"].metas  # type: ignore[union-attr]
    assert cotejos["cultura.yaml"].metas == (("300", "1"),)  # type: ignore[union-attr]


def _dos_archivos(carpeta: Path) -> PlanIndicativo:
    carpeta.mkdir(exist_ok=True)
    (carpeta / "b.yaml").write_text(_informe("  - {numero: 2, nombre: Ferias realizadas}\n", "DESARROLLO ECONOMICO"), encoding="utf-8")
    (carpeta / "a.yaml").write_text(_informe("  - {numero: 1, nombre: Rondas realizadas}\n"), encoding="utf-8")
    return plan_de([{"numero": str(n), "fila": 4 + n, "descripcion": d, "responsable": "Secretaría de Desarrollo Económico",
                     "recursos": {2024: {"fuentes": {"Recursos propios": 10}, "total": 12}}}
                    for n, d in ((1, "Rondas realizadas"), (2, "Ferias realizadas"), (3, "Misiones apoyadas"))])


def test_la_omision_cuenta_todos_los_archivos_de_la_secretaria(auditor: Auditor, tmp_path: Path) -> None:
    plan = _dos_archivos(tmp_path / "informes")
    solo = Auditor(auditor.catalogo, auditor.configuracion, {"PLN001"}, plan=plan)
    hallazgos = list(auditar(solo, [str(tmp_path / "informes")]).hallazgos())
    assert [(Path(f.archivo).name, f.linea, f.meta) for f in hallazgos] == [("a.yaml", 3, "3")]  # once, in the first file
    assert "ninguno de sus 2 informes" in hallazgos[0].mensaje


def test_una_omision_se_acepta_en_el_propio_informe_y_lo_que_sobra_se_dice(auditor: Auditor, tmp_path: Path) -> None:
    """A report's own `suprimir:` of PLN001 (a run-level rule) is judged once every file is audited: written in b.yaml,
    it covers the omission said in a.yaml (the same secretaría); an entry that covers nothing is SUP003 at its line;
    without --plan no PLN suppression is called left over (the check was not made)."""
    plan = _dos_archivos(tmp_path / "informes")
    b = tmp_path / "informes" / "b.yaml"
    b.write_text(b.read_text(encoding="utf-8").replace("metas:\n", "suprimir:\n"
                 "  - {regla: PLN001, meta: 3, motivo: Las misiones se informan en el informe de internacionalización}\n"
                 "  - {regla: PLN001, meta: 9, motivo: Otra que ya no falta}\n"
                 "  - {regla: PLN004, motivo: Meta ajustada por el Consejo de Gobierno}\n"
                 "metas:\n"), encoding="utf-8")
    todas = Auditor(auditor.catalogo, auditor.configuracion, {"PLN001", "PLN004", "SUP003"}, plan=plan)
    resultado = auditar(todas, [str(tmp_path / "informes")])
    hallazgos = list(resultado.hallazgos())
    assert [(f.regla, Path(f.archivo).name, f.linea, f.campo) for f in hallazgos] == [
        ("SUP003", "b.yaml", 10, "suprimir[1]"),  # meta 9: no omission to cover
        ("SUP003", "b.yaml", 11, "suprimir[2]"),  # PLN004: this report's targets agree with the plan
    ]
    (suprimido,) = [s for informe in resultado.informes for s in informe.suprimidos]
    assert (suprimido.hallazgo.regla, Path(suprimido.hallazgo.archivo).name, suprimido.hallazgo.meta) == ("PLN001", "a.yaml", "3")
    assert suprimido.origen.endswith("b.yaml:9") and suprimido.motivo.startswith("Las misiones")
    sin_plan = Auditor(auditor.catalogo, auditor.configuracion, {"PLN001", "PLN004", "SUP003"})
    assert list(auditar(sin_plan, [str(tmp_path / "informes")]).hallazgos()) == []


def test_la_corrida_da_los_mismos_bytes_con_j1_j2_y_en_cualquier_orden(auditor: Auditor, tmp_path: Path) -> None:
    plan = _dos_archivos(tmp_path / "informes")
    for nombre in ("fronteras_2024.yaml", "desarrollo_economico_2024_2025.yaml"):
        shutil.copy(FIXTURES / nombre, tmp_path / "informes" / nombre)
    todos = Auditor(auditor.catalogo, auditor.configuracion, None, plan=plan)
    archivos = sorted(str(p) for p in (tmp_path / "informes").iterdir())
    salidas = {render_json(auditar(todos, rutas, trabajos=j, en_disco=disco))
               for j, rutas, disco in ((1, archivos, False), (2, archivos, True), (2, archivos[::-1], False), (1, archivos[::-1], True))}
    assert len(salidas) == 1
    documento = json.loads(salidas.pop())
    reglas = [f["rule"] for f in documento["findings"]]
    assert "PLN001" in reglas and "PLN009" in reglas  # the run-level findings are in it, with the per-report ones


def test_summary_plan_dice_por_secretaria_que_metas_se_informaron(auditor: Auditor, tmp_path: Path) -> None:
    plan = _dos_archivos(tmp_path / "informes")
    resultado = auditar(Auditor(auditor.catalogo, auditor.configuracion, None, plan=plan), [str(tmp_path / "informes")])
    [(secretaria, metas)] = matriz.plan_por_secretaria(resultado)
    assert secretaria == "Secretaría de Desarrollo Económico"
    assert [(m.numero, [Path(a).name + ":" + e for a, e in m.informada_en]) for m in metas] == [
        ("1", ["a.yaml:1"]), ("2", ["b.yaml:2"]), ("3", [])]
    texto = matriz.render_text(resultado)
    assert "Secretaría de Desarrollo Económico: 2 de 3 metas informadas" in texto
    documento = json.loads(matriz.render_json(resultado))
    assert documento["plan"]["secretarias"][0]["reported"] == 2
    sin_plan = json.loads(matriz.render_json(auditar(auditor, [str(tmp_path / "informes")])))
    assert "plan" not in sin_plan  # without --plan the summary is what it was


def test_la_tabla_de_formulas_se_valida_y_una_oficina_la_reemplaza(tmp_path: Path) -> None:
    mala = tmp_path / "mala"
    mala.mkdir()
    (mala / "acumulacion.yaml").write_text(
        "acumulacion:\n  - tipo: flujo\n    nombre: x\n    programado_periodo: suma\n"
        "    cumplimiento: {formula: __import__('os') / P, palabras: x}\n    avance: {formula: R / M, palabras: y}\n", encoding="utf-8")
    with pytest.raises(ErrorReglas, match="acumulacion.yaml:5"):
        preparar(Configuracion(), [mala])
    propia = tmp_path / "propia"
    propia.mkdir()
    (propia / "acumulacion.yaml").write_text(
        "acumulacion:\n  - tipo: capacidad\n    nombre: capacidad sin línea base\n    programado_periodo: ultimo\n"
        "    cumplimiento: {formula: R / P, palabras: lo logrado sobre lo programado}\n"
        "    avance: {formula: R / M, palabras: lo logrado sobre la meta}\n", encoding="utf-8")
    oficina = preparar(Configuracion(), [propia])
    plan = _meta_plan("capacidad", {2024: 30, 2025: 40, 2026: 50, 2027: 60}, 20, 60)
    texto = _informe("  - {numero: 7, nombre: Unidades productivas fortalecidas, logro: {cantidad: 30}, cumplimiento_periodo: \"75%\"}\n")
    assert _hallazgos(oficina, plan, texto, {"PLN005"}) == []  # 30 / 40 with the office's formula
    assert "(R - LB) / (P - LB)" in _hallazgos(preparar(Configuracion()), plan, texto, {"PLN005"})[0].mensaje


def test_sin_plan_las_reglas_pln_no_dicen_nada(auditor: Auditor) -> None:
    resultado = auditar(auditor, [str(FIXTURES)])
    assert not [f for f in resultado.hallazgos() if f.regla.startswith("PLN")]
    assert all(r.cotejo is None for r in resultado.informes) and resultado.plan_indicativo is None


def test_con_el_plan_pct002_y_pct005_callan_donde_la_formula_del_plan_confirma_el_porcentaje(auditor: Auditor) -> None:
    """A reducción meta reported right: LB 80, 2025 programmed 70, target 50, achieved 76 → (80 − 76) / (80 − 70) = 40 %
    and (80 − 76) / (80 − 50) = 13,3 %. PCT002 and PCT005 compute a flow (76 of 50 is 152 %) and say the report is wrong;
    with the plan, whose formula agrees, they say nothing. Where the plan disagrees, PLN006 says it once."""
    plan = _meta_plan("reduccion", {2024: 75, 2025: 70, 2026: 60, 2027: 50}, 80, 50)

    def informe(avance: str) -> str:
        return _informe("  - {numero: 7, nombre: Unidades productivas fortalecidas, meta_cuatrienio: {cantidad: 50, unidad: unidades}, "
                        f"logro: {{cantidad: 76, unidad: unidades}}, cumplimiento_periodo: \"40%\", avance_cuatrienio: \"{avance}\"}}\n")

    reglas = {"PCT002", "PCT005", "PLN005", "PLN006"}
    sin_plan = Auditor(auditor.catalogo, auditor.configuracion, reglas)
    antes = auditar_cargado(sin_plan, cargar_bytes(informe("13,3%").encode("utf-8"), "informe.yaml")).hallazgos
    assert {f.regla for f in antes} >= {"PCT002"}  # the flow's arithmetic, without the plan
    assert _hallazgos(auditor, plan, informe("13,3%"), reglas) == []
    errado = _hallazgos(auditor, plan, informe("30%"), reglas)
    assert [(f.regla, f.campo) for f in errado] == [("PLN006", "avance_cuatrienio")]


def test_un_responsable_abreviado_es_la_misma_secretaria_si_no_hay_otra_candidata(auditor: Auditor, tmp_path: Path) -> None:
    """'Sec. Salud' in one row and 'Secretaría de Salud y Protección Social' in another are one secretaría: its omitted
    meta is said; with a second secretaría that also speaks of 'salud', the short name is left apart (nothing guessed)."""
    def plan_con(otros: list[dict[str, object]]) -> PlanIndicativo:
        return plan_de([
            {"numero": "1", "fila": 5, "descripcion": "Campañas de vacunación realizadas", "responsable": "Secretaría de Salud y Protección Social"},
            {"numero": "2", "fila": 6, "descripcion": "Campañas de prevención realizadas", "responsable": "Sec. Salud"},
            *otros])
    texto = _informe("  - {numero: 1, nombre: Campañas de vacunación realizadas}\n", "Secretaría de Salud y Protección Social")
    omitidas = _de_la_corrida(auditor, plan_con([]), texto, tmp_path)
    assert [(f.regla, f.meta) for f in omitidas] == [("PLN001", "2")]
    ambigua = plan_con([{"numero": "3", "fila": 7, "descripcion": "Laboratorio dotado", "responsable": "Secretaría de Salud Pública"}])
    assert _de_la_corrida(auditor, ambigua, texto, tmp_path) == []


def _de_la_corrida(auditor: Auditor, plan: PlanIndicativo, texto: str, carpeta: Path) -> list[Hallazgo]:
    """PLN001 of a run over one report (the omission is said once every file is audited)."""
    (carpeta / "informe.yaml").write_text(texto, encoding="utf-8")
    return list(auditar(Auditor(auditor.catalogo, auditor.configuracion, {"PLN001"}, plan=plan), [str(carpeta / "informe.yaml")]).hallazgos())


def test_una_meta_no_programada_en_todo_el_periodo_no_es_una_omision(auditor: Auditor, tmp_path: Path) -> None:
    plan = plan_de([
        {"numero": "1", "fila": 5, "descripcion": "Huertas apoyadas", "responsable": "Secretaría de Desarrollo Económico"},
        {"numero": "2", "fila": 6, "descripcion": "Plan de cacao formulado", "responsable": "Secretaría de Desarrollo Económico",
         "programacion": {2024: "NP", 2025: "NP", 2026: 1}},
        {"numero": "3", "fila": 7, "descripcion": "Ferias realizadas", "responsable": "Secretaría de Desarrollo Económico",
         "programacion": {2024: "NP", 2025: 1}}])
    texto = _informe("  - {numero: 1, nombre: Huertas apoyadas}\n")
    # 2: NP in 2024 and 2025, the years the report covers: nothing to report yet; 3 is programmed in 2025: omitted
    assert [(f.regla, f.meta) for f in _de_la_corrida(auditor, plan, texto, tmp_path)] == [("PLN001", "3")]


def test_pln003_dice_de_que_meta_del_plan_es_la_descripcion(auditor: Auditor) -> None:
    plan = plan_de([{"numero": "670", "fila": 5, "descripcion": "Estrategia de retorno productivo implementada"},
                    {"numero": "671", "fila": 6, "descripcion": "Ferias de empleo para migrantes realizadas"}])
    texto = _informe("  - {numero: 670, nombre: Ferias de empleo para migrantes realizadas}\n")
    (f,) = _hallazgos(auditor, plan, texto, {"PLN003"})
    assert f.mensaje.endswith("; esa descripción es la de la meta 671 del plan (hoja «PLAN INDICATIVO - PRODUCTOS», celda I6)")
