"""Every message and every rule explanation exists in Spanish and in English.

- every rule of the catalog (Python and YAML) has its message, what it checks, why it matters and
  its parameters' descriptions in English, different from the Spanish;
- every template written in the code (`tr`, `plantilla`, `diferida` with a literal) has an English
  entry with the same {fields}, and no English entry is stale;
- auditing the fixtures and every rule case in English looks up no template without translation;
- a few findings, word for word, in English and (unchanged) in Spanish.
"""

from __future__ import annotations

import ast
import string
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from auditor import idioma
from auditor.cli import main
from auditor.configuracion.configuracion import Configuracion
from auditor.motor.auditor import Auditor, preparar
from auditor.motor.auditoria import auditar
from auditor.reglas.catalogo import ErrorReglas
from auditor.reglas.incluidas import construir_catalogo
from auditor.salidas import FORMATOS

from .conftest import FIXTURES, RAIZ, SEEDS
from .test_reglas import _archivos_casos, _hallazgos

FUENTES = RAIZ / "src" / "auditor"
LLAMADAS = {"tr", "plantilla", "diferida"}

@pytest.fixture(autouse=True)
def _espanol_al_terminar() -> Iterator[None]:
    yield
    idioma.usar(idioma.POR_DEFECTO)
    idioma.dejar_de_anotar()


def _campos(texto: str) -> set[str]:
    return {nombre for _, nombre, _, _ in string.Formatter().parse(texto) if nombre is not None}


def _plantillas_del_codigo() -> dict[str, set[str]]:
    """Every Spanish template passed as a literal to tr/plantilla/diferida, with the modules that use it."""
    encontradas: dict[str, set[str]] = defaultdict(set)
    for ruta in sorted(FUENTES.rglob("*.py")):
        modulo = ruta.relative_to(FUENTES).as_posix()
        for nodo in ast.walk(ast.parse(ruta.read_text(encoding="utf-8"))):
            if not isinstance(nodo, ast.Call) or not nodo.args:
                continue
            funcion = nodo.func
            nombre = funcion.id if isinstance(funcion, ast.Name) else funcion.attr if isinstance(funcion, ast.Attribute) else ""
            primero = nodo.args[0]
            if nombre in LLAMADAS and isinstance(primero, ast.Constant) and isinstance(primero.value, str):
                encontradas[primero.value].add(modulo)
    return encontradas


def _textos_de_reglas() -> list[tuple[str, str, str]]:
    """(rule, what, Spanish text) for every text of every rule that is shown translated."""
    textos = []
    for regla in construir_catalogo().ordenadas():
        textos += [(regla.id, "mensaje", regla.mensaje), (regla.id, "que_revisa", regla.doc.que_revisa),
                   (regla.id, "por_que", regla.doc.por_que), (regla.id, "que_hacer", regla.doc.que_hacer)]
        for nombre, campo in regla.Parametros.model_fields.items():
            if campo.description:
                textos.append((regla.id, f"parámetro {nombre}", campo.description))
    return textos


def _catalogo_por_archivo() -> dict[str, dict[str, str]]:
    carpeta = resources.files("auditor") / "idiomas" / "en"
    return {a.name: yaml.safe_load(a.read_text(encoding="utf-8")) or {}
            for a in sorted(carpeta.iterdir(), key=lambda a: a.name) if a.name.endswith(".yaml")}


# ------------------------------------------------------------------ rules: both languages


def test_cada_regla_tiene_espanol_e_ingles() -> None:
    sin_ingles = [f"{regla} {que}: {texto!r}" for regla, que, texto in _textos_de_reglas()
                  if not texto.strip() or idioma.plantilla(texto, "en") == texto or not idioma.plantilla(texto, "en").strip()]
    assert sin_ingles == []


def test_el_mensaje_en_ingles_de_una_regla_tiene_los_campos_del_espanol() -> None:
    distintos = [f"{regla}: {texto!r}" for regla, que, texto in _textos_de_reglas()
                 if _campos(texto) != _campos(idioma.plantilla(texto, "en"))]
    assert distintos == []


def test_el_catalogo_cuenta_las_48_reglas() -> None:
    # a rule added later is covered too; this only guards against checking an empty catalog
    assert len({regla for regla, _, _ in _textos_de_reglas()}) >= 48


# ------------------------------------------------------------------ templates in the code


def test_cada_plantilla_del_codigo_tiene_ingles_con_los_mismos_campos() -> None:
    ingles = idioma.catalogo("en")
    faltan = [f"{', '.join(sorted(m))}: {t!r}" for t, m in sorted(_plantillas_del_codigo().items()) if t not in ingles]
    assert faltan == []
    distintos = [f"{t!r} -> {ingles[t]!r}" for t in _plantillas_del_codigo() if _campos(t) != _campos(ingles[t])]
    assert distintos == []


def _textos_de_la_ayuda() -> list[tuple[str, str]]:
    """(where, Spanish text) for every help text of the command line: each command's description and examples,
    each option's help and value name, each argument's name (translated when Click formats the help)."""
    import click

    from auditor import clic

    def ordenes(orden: click.Command, ruta: str) -> Iterator[tuple[click.Command, str]]:
        yield orden, ruta
        if isinstance(orden, click.Group):
            for nombre, hija in orden.commands.items():
                yield from ordenes(hija, f"{ruta} {nombre}")

    textos = []
    for orden, ruta in ordenes(main, "auditor"):
        assert isinstance(orden, (clic.Orden, clic.Grupo)), ruta
        textos += [(f"{ruta} ({que})", t) for que in ("help", "short_help", "epilog") if (t := clic.en_espanol(orden, que))]
        for p in orden.params:
            if isinstance(p, click.Argument):
                assert isinstance(p, clic.Argumento), f"{ruta} {p.name}"
                textos.append((f"{ruta} {p.name}", (p.name or "").upper()))
            elif p.name != "help":  # Click's own, in `clic`
                assert isinstance(p, clic.Opcion), f"{ruta} {p.opts}"
                textos += [(f"{ruta} {p.opts[-1]} ({que})", t) for que in ("help", "metavar") if (t := clic.en_espanol(p, que))]
    return textos


def test_cada_texto_de_la_ayuda_tiene_ingles_con_los_mismos_campos() -> None:
    ingles = idioma.catalogo("en")
    textos = _textos_de_la_ayuda()
    assert len(textos) > 40
    assert [f"{donde}: {t!r}" for donde, t in textos if t not in ingles] == []
    assert [f"{donde}: {t!r}" for donde, t in textos if _campos(t) != _campos(ingles[t])] == []
    iguales = {t for _, t in textos if ingles[t] == t}
    assert iguales <= {"IDS", "N", "DIR"}  # only value names that English writes the same


def test_ninguna_entrada_en_ingles_sobra_y_todas_tienen_los_mismos_campos() -> None:
    usadas = set(_plantillas_del_codigo()) | {texto for _, _, texto in _textos_de_reglas()} | {t for _, t in _textos_de_la_ayuda()}
    sobran, distintos = [], []
    for archivo, entradas in _catalogo_por_archivo().items():
        for es, en in entradas.items():
            if es not in usadas:
                sobran.append(f"{archivo}: {es!r}")
            if _campos(es) != _campos(en):
                distintos.append(f"{archivo}: {es!r} -> {en!r}")
    assert sobran == []
    assert distintos == []


def test_las_reglas_yaml_incluidas_traen_su_ingles_en_la_propia_regla() -> None:
    for archivo in sorted((RAIZ / "rules").glob("*.yaml")):
        for regla in yaml.safe_load(archivo.read_text(encoding="utf-8")).get("reglas") or []:
            assert set(regla.get("en", {})) == {"mensaje", "que_revisa", "por_que", "que_hacer"}, f"{archivo.name} {regla['id']}"


def test_cada_regla_dice_que_hacer_en_una_linea_en_los_dos_idiomas() -> None:
    """What the writer of the report does about a finding: every rule says it, in one line, in Spanish and English."""
    for regla in construir_catalogo().ordenadas():
        es, en = regla.doc.que_hacer, idioma.plantilla(regla.doc.que_hacer, "en")
        assert es.strip() and en.strip() and "\n" not in es and "\n" not in en, regla.id
        assert en != es, f"{regla.id}: sin inglés"


# ------------------------------------------------------------------ nothing looked up without English


def _origen(plantilla: str, plantillas: dict[str, set[str]]) -> set[str]:
    return plantillas.get(plantilla) or {"(fuera del código: regla YAML u otra)"}


def test_auditar_en_ingles_no_busca_ninguna_plantilla_sin_traducir(auditor: Auditor, tmp_path_factory: pytest.TempPathFactory) -> None:
    idioma.usar("en")
    idioma.anotar_faltantes()
    resultado = auditar(auditor, [FIXTURES])
    assert resultado.total_hallazgos == 64
    for archivo in _archivos_casos():
        datos = yaml.safe_load(archivo.read_text(encoding="utf-8"))
        for caso in datos["casos"]:
            if "archivo" in caso and not (RAIZ / caso["archivo"]).exists():
                continue  # a seed that is not beside the checkout
            _hallazgos(auditor, datos["regla"], caso, tmp_path_factory.mktemp("caso"))
    runner = CliRunner()
    entradas = [str(FIXTURES)] + [str(s) for s in sorted(SEEDS.glob("*.txt"))]  # the seeds exercise the importer
    for formato in FORMATOS:  # every output, every module that writes for a reader
        runner.invoke(main, ["check", *entradas, "--lang", "en", "--format", formato, "--show-suppressed"])
    for formato in ("rich", "text", "csv", "json"):
        runner.invoke(main, ["summary", str(FIXTURES), "--lang", "en", "--format", formato])
    runner.invoke(main, ["check", str(FIXTURES), "--lang", "en", "--statistics"])
    runner.invoke(main, ["rules", "--lang", "en"])
    for regla in auditor.catalogo.reglas:
        runner.invoke(main, ["rules", "explain", regla, "--lang", "en"])
    plantillas = _plantillas_del_codigo()
    sin_traducir = [f"{sorted(_origen(t, plantillas))}: {t!r}" for t in idioma.faltantes()]
    assert sin_traducir == []


# ------------------------------------------------------------------ what the user reads


def _mensajes(auditor: Auditor) -> dict[tuple[str, str, int], str]:
    return {(Path(f.archivo).name, f.regla, f.linea): f.mensaje for f in auditar(auditor, [FIXTURES]).hallazgos()}


ECONOMICO, FRONTERAS = "desarrollo_economico_2024_2025.yaml", "fronteras_2024.yaml"

EN_INGLES = {
    (ECONOMICO, "TOT001", 39): "The summary of the axis «Productividad y competitividad en las empresas» claims «supera los $13.843 "
    "millones», but the executed investment of targets 6 to 9 adds up to $13.842,4 million (6: $385 + 7: $323,4 + 8: $12.972 + "
    "9: $162): $0,6 million less than claimed",
    (ECONOMICO, "DUP001", 633): "The paragraph in «¿Cómo se hizo?» of target 15 repeats text from «¿Cómo se hizo?» (paragraph 3) "
    "of target 13, where it first appears (93 % of this paragraph is there): «se diseñó e implementó la estrategia “Empleo para "
    "la paz y la inclusión”, la cual procura identificar y posibilitar el cierre temprano de brechas de mercado la…». If it "
    "describes the same activity, it may be counted in both targets",
    (ECONOMICO, "EST003", 648): "Targets 16 and 17 are missing between 15 and 18",
    (FRONTERAS, "INV001", 31): "The executed amount of the investment is not reported",
    (FRONTERAS, "PCT003", 122): "The target declares neither a percentage of fulfilment of the period nor of four-year progress: "
    "from its quantities, the progress would be 67,2% (672 of 1000)",
}

EN_ESPANOL = {
    (ECONOMICO, "TOT001", 39): "El resumen del eje «Productividad y competitividad en las empresas» afirma «supera los $13.843 "
    "millones», pero la inversión ejecutada de las metas 6 a 9 suma $13.842,4 millones (6: $385 + 7: $323,4 + 8: $12.972 + "
    "9: $162): $0,6 millones menos de lo afirmado",
    (ECONOMICO, "EST003", 648): "Faltan las metas 16 y 17 entre la 15 y la 18",
    (FRONTERAS, "INV001", 31): "No se informa el monto ejecutado de la inversión",
    (FRONTERAS, "PCT003", 122): "La meta no declara porcentaje de cumplimiento del periodo ni de avance del cuatrienio: con sus "
    "cantidades, el avance daría 67,2% (672 de 1000)",
}


def test_hallazgos_en_ingles(auditor: Auditor) -> None:
    idioma.usar("en")
    mensajes = _mensajes(auditor)
    assert {clave: mensajes.get(clave) for clave in EN_INGLES} == EN_INGLES


def test_el_espanol_sigue_siendo_el_idioma_por_defecto(auditor: Auditor) -> None:
    mensajes = _mensajes(auditor)
    assert {clave: mensajes.get(clave) for clave in EN_ESPANOL} == EN_ESPANOL


def test_check_lang_en_por_la_linea_de_comandos() -> None:
    resultado = CliRunner().invoke(main, ["check", str(FIXTURES / FRONTERAS), "--lang", "en", "--format", "json"])
    assert "The executed amount of the investment is not reported" in resultado.output
    assert "No se informa el monto ejecutado" not in resultado.output


# ------------------------------------------------------------------ rules and explain


def test_rules_explain_en_ingles_con_parametros_como_yaml() -> None:
    resultado = CliRunner().invoke(main, ["rules", "explain", "PCT002", "--lang", "en"])
    assert resultado.exit_code == 0
    lineas = resultado.output.splitlines()
    assert lineas[:4] == ["PCT002 · porcentaje-no-coincide", "category: percentage_mismatch   severity: error   kind: python", "",
                          "What it checks"]
    assert "Why it matters" in lineas and "Example that is flagged" in lineas and "Correct example" in lineas
    assert "  tolerancia = 2.0: Accepted difference, in percentage points." in lineas
    assert any(x.startswith("  unidades_personas = [persona, personas, ciudadano,") for x in lineas)
    assert "    avance_cuatrienio: \"30%\"" in lineas  # the examples are report data: they stay as written


def test_rules_explain_en_espanol_imprime_los_valores_como_en_auditor_yaml() -> None:
    salida = CliRunner().invoke(main, ["rules", "explain", "TOT001"]).output
    assert "  unidades_incluidas = {personas: [empresarios]}: Grupos que cuentan también para otro" in salida
    assert "Qué revisa" in salida and "Parámetros (configurables en auditor.yaml)" in salida
    assert "True" not in salida and "['" not in salida


def test_rules_muestra_los_campos_del_mensaje_legibles() -> None:
    salida = CliRunner().invoke(main, ["rules"]).output
    assert "No se puede leer el número de «‹campo›»" in salida and "{campo}" not in salida
    ingles = CliRunner().invoke(main, ["rules", "--lang", "en"]).output
    assert ingles.splitlines()[0].split() == ["id", "name", "category", "severity", "enabled", "kind", "message"]
    assert "The percentage is ‹valor›%, outside the range ‹minimo›% to ‹maximo›%" in ingles


def test_rules_explain_regla_desconocida_en_ingles() -> None:
    resultado = CliRunner().invoke(main, ["rules", "--lang", "en", "explain", "PCT04"])
    assert resultado.exit_code == 2
    assert "unknown rule 'PCT04'; did you mean 'PCT004'? (see 'auditor rules')" in resultado.output


# ------------------------------------------------------------------ a user's rule pack


REGLA_PROPIA = """\
reglas:
  - id: OFI001
    nombre: fuentes-requeridas
    tipo: campo_requerido
    categoria: empty_field
    severidad: warning
    campos: [inversion.fuentes]
    mensaje: "La meta no dice de qué fuente salieron los recursos ({campo})"
    doc:
      que_revisa: Que cada meta nombre la fuente de su inversión.
      por_que: La fuente permite rastrear el recurso en el presupuesto.
      ejemplo_falla: "inversion: {ejecutada: 85}"
      ejemplo_pasa: "inversion: {ejecutada: 85, fuentes: [recursos propios]}"
"""


def _paquete(tmp_path: Path, en: str = "") -> Path:
    carpeta = tmp_path / "reglas"
    carpeta.mkdir()
    (carpeta / "propias.yaml").write_text(REGLA_PROPIA + en, encoding="utf-8")
    return carpeta


def _mensajes_ofi(carpeta: Path, lang: str) -> list[str]:
    resultado = CliRunner().invoke(main, ["check", str(FIXTURES / FRONTERAS), "--rules", str(carpeta), "--lang", lang,
                                          "--format", "json"])
    import json

    return sorted({f["message"] for f in json.loads(resultado.output)["findings"] if f["rule"] == "OFI001"})


def test_un_paquete_propio_trae_su_ingles_en_el_bloque_en(tmp_path: Path) -> None:
    carpeta = _paquete(tmp_path, """\
    en:
      mensaje: "The target does not say which source the funds came from ({campo})"
      que_revisa: That every target names the source of its investment.
      por_que: The source lets the funds be traced in the budget.
""")
    assert _mensajes_ofi(carpeta, "en")[0].startswith("The target does not say which source the funds came from (inversion.fuentes")
    assert _mensajes_ofi(carpeta, "es")[0].startswith("La meta no dice de qué fuente salieron los recursos (inversion.fuentes")
    salida = CliRunner().invoke(main, ["rules", "--rules", str(carpeta), "explain", "OFI001", "--lang", "en"]).output
    assert "  That every target names the source of its investment." in salida


def test_un_paquete_propio_sin_ingles_se_muestra_en_espanol(tmp_path: Path) -> None:
    carpeta = _paquete(tmp_path)
    assert _mensajes_ofi(carpeta, "en")[0].startswith("La meta no dice de qué fuente salieron los recursos (")


def test_el_mensaje_en_ingles_solo_usa_campos_conocidos(tmp_path: Path) -> None:
    carpeta = _paquete(tmp_path, """\
    en:
      mensaje: "Missing source for {valor}"
      que_revisa: That every target names the source of its investment.
      por_que: The source lets the funds be traced in the budget.
""")
    with pytest.raises(ErrorReglas, match=r"propias.yaml:\d+: .*'\{valor\}'"):
        preparar(Configuracion(), [carpeta])


def test_un_error_de_configuracion_en_ingles(tmp_path: Path) -> None:
    (tmp_path / "auditor.yaml").write_text("reglas:\n  PCT02: false\n", encoding="utf-8")
    resultado = CliRunner().invoke(main, ["check", str(FIXTURES / FRONTERAS), "--config", str(tmp_path / "auditor.yaml"),
                                          "--lang", "en"])
    assert resultado.exit_code == 2
    assert "auditor.yaml:2: unknown rule 'PCT02'; did you mean 'PCT002'?" in resultado.output
