"""Template profiles (rules/plantillas/*.yaml) and the tabular template as offices really fill it:
each habit on a small draft of its own, with other wording than the corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from auditor.cli import main
from auditor.entrada.carga import cargar_bytes
from auditor.entrada.importar.matriz import campo_de, cargar_perfil
from auditor.entrada.importar.perfiles import ErrorPerfil, en_uso, leer_perfil, perfil
from auditor.lectura import vocabulario
from auditor.reglas.catalogo import Catalogo
from auditor.reglas.declarativas import cargar_directorio_reglas

PORTADA = "Rendición de Cuentas 2025\n\nSecretaría de Recreación y Deporte\n\nGobernación de Norte de Santander\n\nJunio de 2025\n\nPlan de Desarrollo 2024-2027\n\n"
CABECERA = "Cumplimiento/Avance\tInversión\tBeneficiarios\n"


def _importar(texto: str) -> Any:
    return cargar_bytes((PORTADA + texto).encode("utf-8"), "borrador.txt")


def _problemas(cargado: Any) -> list[tuple[str, str | None]]:
    return [(p.regla, p.meta) for p in cargado.problemas if p.regla != "ENT005"]


def test_preguntas_sin_tildes_ni_signo_inicial_en_linea_con_la_respuesta() -> None:
    cargado = _importar(
        "Meta # 4 Escuelas deportivas dotadas\t\t\n" + CABECERA +
        "Que se hizo? 12 escuelas deportivas dotadas con implementos.\tCuanto se invirtio? $ 25.400.000 de recursos propios\t"
        "QUE POBLACION SE ATENDIO: 340 niños y niñas\n"
        "\tComo se hizo? Por convenio con las ligas. Con quien se ejecuto? Ligas departamentales. Cuando se realizo? Abril de 2025.\n"
        "\tQue impacto y/o resultado se produjo? Más niños practican deporte.\n"
        "\tDonde se intervino? Pamplona y Ocaña.\n")
    assert _problemas(cargado) == []
    meta = cargado.informe.metas[0]
    assert (meta.logro.cantidad.valor, meta.inversion.ejecutada.valor, meta.beneficiarios.total.valor) == (12, 25.4, 340)
    assert (meta.ejecucion.como, meta.ejecucion.con_quien, meta.ejecucion.cuando) == (
        "Por convenio con las ligas.", "Ligas departamentales.", "Abril de 2025.")
    assert meta.impacto == "Más niños practican deporte." and meta.localizacion.municipios == ["Pamplona", "Ocaña"]


def test_una_pregunta_sin_signos_dentro_de_la_prosa_no_es_rotulo() -> None:
    cargado = _importar("Meta # 1 Torneos\t\t\n\t¿Qué se hizo? Se revisó cómo se hizo el torneo anterior y qué se hizo con los premios.\n")
    assert cargado.informe.metas[0].logro.texto == "Se revisó cómo se hizo el torneo anterior y qué se hizo con los premios."


def test_respuesta_en_los_parrafos_siguientes_y_en_lista_se_guarda_entera() -> None:
    cargado = _importar(
        "Meta # 2 Parques biosaludables instalados\t\t\n" + CABECERA +
        "<p><b>Que se hizo?</b></p> <ul><li>• 6 parques instalados</li><li>• 2 parques reparados</li></ul>\t"
        "<p><b>Cuanto se invirtio?</b></p> <p>$ 310 millones de recursos propios</p>\t<p><b>Que poblacion se atendio?</b></p> <ol><li>1. 900 adultos mayores</li><li>2. 150 cuidadores</li></ol>\n")
    meta = cargado.informe.metas[0]
    assert meta.logro.texto == "6 parques instalados\n\n2 parques reparados"
    assert meta.beneficiarios.descripcion == "1. 900 adultos mayores\n\n2. 150 cuidadores"
    assert meta.inversion.ejecutada.valor == 310 and not [p for p in cargado.problemas if p.regla == "ENT004"]


def test_rotulos_en_mayusculas_sin_la_pregunta_responden_su_campo() -> None:
    """'INVERSIÓN', 'BENEFICIARIOS', 'EJECUCIÓN', 'IMPACTO' heading their answer; the header row of
    the table, even in capitals, is not a label; 'Con quién:' and 'Cuándo:' short labels."""
    cargado = _importar(
        "Meta 233. Juegos intercolegiados realizados\t\t\n"
        "CUMPLIMIENTO/AVANCE\tINVERSIÓN\tBENEFICIARIOS\n"
        "<p><b>CUMPLIMIENTO/AVANCE</b></p> <ul><li>• Programado 2025: 4 juegos</li><li>• Ejecutado 2025: 3 juegos zonales</li>"
        "<li>• Meta cuatrienio: 16 juegos</li><li>• <b>75%</b> de cumplimiento frente a lo programado en la vigencia</li></ul>\t"
        "<p><b>INVERSION</b></p> <ul><li>- $ 95 millones de recursos propios</li></ul>\t<p><b>BENEFICIARIOS</b></p> <ul><li>- 1.200 estudiantes</li></ul>\n"
        "\t<p><b>EJECUCIÓN</b></p> <ol><li>1. Inscripción de colegios.</li><li>2. Fases zonales.</li></ol> <ul><li>- Con quién: Indeportes.</li>"
        "<li>- Cuándo: mayo a julio de 2025.</li></ul>\n"
        "\t<p><b>IMPACTO</b></p> <p>Los colegios rurales compitieron por primera vez.</p>\n"
        "\t<p><b>LOCALIZACIÓN</b></p> <ul><li>- Tibú, Sardinata</li></ul>\n")
    assert _problemas(cargado) == []
    meta = cargado.informe.metas[0]
    assert meta.numero == 233 and meta.nombre == "Juegos intercolegiados realizados"
    assert meta.logro.texto == "Ejecutado 2025: 3 juegos zonales" and (meta.logro.cantidad.valor, meta.programado_periodo.valor) == (3, 4)
    assert (meta.meta_cuatrienio.cantidad.valor, meta.meta_cuatrienio.unidad, meta.cumplimiento_periodo.valor) == (16, "juegos", 75)
    assert (meta.inversion.ejecutada.valor, meta.beneficiarios.total.valor) == (95, 1200)
    assert meta.ejecucion.como == "1. Inscripción de colegios.\n\n2. Fases zonales."
    assert (meta.ejecucion.con_quien, meta.ejecucion.cuando) == ("Indeportes.", "mayo a julio de 2025.")
    assert meta.impacto == "Los colegios rurales compitieron por primera vez." and meta.localizacion.municipios == ["Tibú", "Sardinata"]


def test_titulo_de_seccion_seguido_de_otra_pregunta_no_crea_una_respuesta_vacia() -> None:
    cargado = _importar("Meta # 3 Ciclovías\t\t\n\t¿Qué se hizo? 2 ciclovías\n"
                        "\tEJECUCIÓN ¿Con quién se ejecutó? Alcaldías. ¿Cuándo se realizó? Marzo de 2025.\n")
    assert cargado.informe.metas[0].ejecucion.como is None


def test_celda_cortada_por_un_salto_de_pagina_con_el_encabezado_repetido() -> None:
    cargado = _importar(
        "Meta # 5 Canchas sintéticas construidas\t\t\n"
        "\t¿Qué se hizo? 2 canchas\n"
        "\t<ul><li><b>Como se hizo?</b> Se contrató la obra por licitación pública y los trabajos empezaron en</li></ul>\n\n"
        "Rendición de Cuentas 2025  \n SECRETARÍA DE RECREACIÓN  \n Y DEPORTE\n\n"
        "Página 4 de 9\n\n"
        "\t<p>febrero de 2025 con dos frentes de obra.</p> <ul><li>• <b>Cuando se realizo?</b> Febrero a mayo de 2025.</li></ul>\n")
    assert _problemas(cargado) == []
    meta = cargado.informe.metas[0]
    assert meta.ejecucion.como == "Se contrató la obra por licitación pública y los trabajos empezaron en febrero de 2025 con dos frentes de obra."
    assert meta.ejecucion.cuando == "Febrero a mayo de 2025."


def test_texto_fuera_de_toda_seccion_se_informa_una_vez_por_tramo() -> None:
    cargado = _importar(
        "Meta # 6 Eventos recreativos\t\t\n\n"
        "Nota del equipo.\n\nPendiente revisar cifras.\n\nFalta la foto.\n\n"
        "\t¿Qué se hizo? 5 eventos\n")
    [problema] = [p for p in cargado.problemas if p.regla == "ENT004"]
    assert (problema.linea, problema.texto) == (13, "Nota del equipo.") and "2 párrafos más" in problema.mensaje


def test_monto_programado_no_se_toma_por_ejecutado() -> None:
    cargado = _importar("Meta # 7 Pistas de patinaje\t\t\n"
                        "\t¿Cuánto se invirtió? Con una programación de $ 80 millones, el contrato aún no tiene pagos.\n")
    inversion = cargado.informe.metas[0].inversion
    assert inversion.programada.valor == 80 and inversion.ejecutada is None


def test_encabezados_de_meta_de_otras_oficinas() -> None:
    encabezado = perfil("tabular").encabezado
    for texto, numero, nombre in [("Meta # 7 Ferias", "7", "Ferias"), ("Meta 233. Juegos", "233", "Juegos"), ("Meta 510: Política", "510", "Política"),
                                  ("META DE PRODUCTO 512. Centros", "512", "Centros"), ("Meta cuatrienio 80: 40 jornadas", "80", "40 jornadas")]:
        m = encabezado.match(texto)
        assert m is not None and (m.group("numero"), m.group("nombre")) == (numero, nombre), texto
    assert encabezado.match("Meta cuatrienio: 1.200 ha") is None and encabezado.match("Meta 1.200 viviendas") is None


def test_narrativa_con_encabezados_variados_sigue_siendo_narrativa() -> None:
    cargado = _importar("Meta 41: 10 clubes deportivos fortalecidos.\n\nSe fortalecieron 5 clubes.\n\n"
                        "Meta cuatrienio 42: 3 escenarios adecuados.\n\nSe adecuó 1 escenario.\n")
    assert cargado.informe.plantilla == "narrativa"


# --- the profile files ----------------------------------------------------------------------------

def test_los_perfiles_incluidos_son_validos_y_el_catalogo_no_los_lee_como_reglas(tmp_path: Path) -> None:
    assert perfil("tabular").plantilla == "tabular" and perfil("narrativa").plantilla == "narrativa"
    propias = tmp_path / "reglas"
    (propias / "plantillas").mkdir(parents=True)
    (propias / "plantillas" / "tabular.yaml").write_text("plantilla: tabular\nmetas: ['^Objetivo (?P<numero>\\d+)']\n", encoding="utf-8")
    cargar_directorio_reglas(propias, Catalogo())  # a profile is not a rule file
    vocabulario.usar([propias])
    try:
        propio = next(p for p in en_uso() if p.nombre == "tabular")
        assert propio.propio and propio.archivo == str((propias / "plantillas" / "tabular.yaml").resolve())
        assert propio.encabezado.match("Objetivo 3") is not None and propio.encabezado.match("Meta # 3") is None
        assert [p.nombre for p in en_uso()] == ["tabular", "narrativa"]  # it replaces the built-in one of its name
    finally:
        vocabulario.usar([])
    assert [(p.nombre, p.propio) for p in en_uso()] == [("tabular", False), ("narrativa", False)]


def test_los_perfiles_incluidos_pasan_la_validacion_completa() -> None:
    """A run does not compile the built-in profiles' expressions to validate them (`_regex` with the context
    `incluido`): this is where they are checked, as an office's profile always is."""
    from auditor.entrada.importar import perfiles
    from auditor.lectura.fuente import leer_archivo_estricto

    for ruta in sorted(perfiles.directorio_plantillas_incluidas().glob("*.yaml")):
        if ruta.stem == perfiles.MATRIZ:
            continue
        datos = leer_archivo_estricto(ruta).datos  # type: ignore[union-attr]
        assert perfiles.ArchivoPerfil.model_validate(datos) == perfiles.ArchivoPerfil.model_validate(datos, context={"incluido": True})
        compilado = perfiles.leer_perfil(ruta)
        assert compilado.cabeceras and all(p.flags & re.IGNORECASE for p in compilado.cabeceras)  # compiled on first use
        assert [c for c, _ in compilado.rotulos_en_linea] == [c for c, _ in compilado.fuentes_rotulos_en_linea]


# --- an office's own profile, through --rules ---------------------------------------------------------

_CONCEJO = """plantilla: narrativa
descripcion: "Informe al concejo: 'Compromiso N. nombre' y párrafos con rótulo."
metas:
  - '^\\s*Compromiso\\s+(?P<numero>\\d+)\\s*[:.\\-–]\\s*(?P<nombre>.*)$'
parrafos:
  inversion: '^\\s*recursos\\s+comprometidos'
campos:
  - nombre: logro
    campo: logro.texto
    rotulos: [Qué logramos]
  - nombre: donde
    campo: localizacion.texto
    rotulos: [Dónde estuvimos]
mobiliario:
  - '^informe al concejo municipal$'
"""

_BORRADOR_CONCEJO = """Informe de Rendición de Cuentas 2025

Secretaría de Salud

Alcaldía de Pasto

Fecha de corte: 30 de junio de 2025

Compromiso 1. Vacunar 5.000 niños menores de 5 años

Qué logramos: se vacunaron 2.500 niños.

Recursos comprometidos por $ 120 millones de recursos propios.

Dónde estuvimos: Pasto y Tangua.

Informe al concejo municipal

Compromiso 2. Dotar 10 puestos de salud

Qué logramos: se dotaron 4 puestos de salud.

Recursos comprometidos por $ millones del SGP.

Dónde estuvimos: Pasto y la vereda El Rosario.
"""


def _oficina(tmp_path: Path, perfiles_: dict[str, str]) -> tuple[Path, Path]:
    reglas = tmp_path / "reglas"
    (reglas / "plantillas").mkdir(parents=True)
    for nombre, contenido in perfiles_.items():
        (reglas / "plantillas" / nombre).write_text(contenido, encoding="utf-8")
    borrador = tmp_path / "borrador.txt"
    borrador.write_text(_BORRADOR_CONCEJO, encoding="utf-8")
    return reglas, borrador


def test_import_con_el_perfil_propio_de_la_oficina_dice_cual_uso_y_por_que(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reglas, borrador = _oficina(tmp_path, {"concejo.yaml": _CONCEJO})
    monkeypatch.chdir(tmp_path)
    sin = CliRunner().invoke(main, ["import", str(borrador)])
    assert sin.exit_code == 2 and "no sigue ninguna de las plantillas" in sin.output  # its headings are no built-in layout's
    con = CliRunner().invoke(main, ["import", str(borrador), "--rules", str(reglas)])
    assert con.exit_code == 0, con.output
    archivo = str((reglas / "plantillas" / "concejo.yaml").resolve())
    assert (f"leído con el perfil de plantilla concejo ({archivo}): 2 encabezados de meta de este perfil propio de la oficina, "
            "que se lee como la plantilla narrativa") in con.stderr
    datos = yaml.safe_load(con.stdout)
    primera, segunda = datos["metas"]
    assert (primera["numero"], primera["nombre"]) == (1, "Vacunar 5.000 niños menores de 5 años")
    assert primera["logro"]["texto"] == "se vacunaron 2.500 niños."
    # no label: the profile's cue of how the investment paragraph opens places it
    assert primera["inversion"]["texto"] == "Recursos comprometidos por $ 120 millones de recursos propios."
    assert primera["localizacion"]["municipios"] == ["Pasto", "Tangua"]
    assert segunda["numero"] == 2 and "Informe al concejo" not in yaml.safe_dump(datos)  # the profile's page furniture is dropped


def test_check_lee_con_el_perfil_propio_y_sus_reglas_hallan_en_su_meta(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reglas, borrador = _oficina(tmp_path, {"concejo.yaml": _CONCEJO})
    monkeypatch.chdir(tmp_path)
    resultado = CliRunner().invoke(main, ["check", str(borrador), "--rules", str(reglas), "--format", "json"])
    hallazgos = json.loads(resultado.stdout)["findings"]
    sin_monto = [(h["meta"], h["line"]) for h in hallazgos if h["rule"] == "INV001"]
    assert sin_monto == [("2", 23)]  # '$ millones' in the second compromiso's investment paragraph, at its line
    assert not [h for h in hallazgos if h["rule"] in ("ENT004", "SEC001", "SEC002")]
    assert not [h for h in hallazgos if h["rule"] == "OBJ001"]  # 'Vacunar 5.000 niños …': the target after the verb


def test_un_perfil_propio_con_el_nombre_de_uno_incluido_lo_reemplaza(tmp_path: Path) -> None:
    tabular_propio = perfil("tabular").archivo.replace("\\", "/")
    contenido = Path(tabular_propio).read_text(encoding="utf-8").replace(
        "rotulos: [Lo realizado, Logros,", "rotulos: [Lo realizado, Logros, Lo que hicimos,", 1)
    assert "Lo que hicimos" in contenido
    reglas = tmp_path / "reglas"
    (reglas / "plantillas").mkdir(parents=True)
    (reglas / "plantillas" / "tabular.yaml").write_text(contenido, encoding="utf-8")
    texto = PORTADA + "Meta # 4 Escuelas deportivas dotadas\t\t\n" + CABECERA + "Lo que hicimos: 12 escuelas dotadas.\t\t\n"
    vocabulario.usar([reglas])
    try:
        cargado = cargar_bytes(texto.encode("utf-8"), "borrador.txt")
    finally:
        vocabulario.usar([])
    assert cargado.informe.metas[0].logro.texto == "12 escuelas dotadas."
    assert _importar(texto.removeprefix(PORTADA)).informe.metas[0].logro.texto != "12 escuelas dotadas."


@pytest.mark.parametrize("comando", ["check", "import"])
def test_un_perfil_propio_mal_escrito_detiene_la_corrida_con_archivo_y_linea(tmp_path: Path, comando: str,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    reglas, borrador = _oficina(tmp_path, {"concejo.yaml": _CONCEJO.replace("    rotulos: [Qué logramos]\n", "    rotulo: [Qué logramos]\n")})
    monkeypatch.chdir(tmp_path)
    resultado = CliRunner().invoke(main, [comando, str(borrador), "--rules", str(reglas)])
    assert resultado.exit_code == 2
    assert "concejo.yaml:10" in resultado.stderr and "clave desconocida 'rotulo'" in resultado.stderr
    assert "Traceback" not in resultado.output


def test_los_nombres_de_columna_de_la_matriz_de_una_oficina_se_suman_a_los_incluidos(tmp_path: Path) -> None:
    reglas = tmp_path / "reglas"
    (reglas / "plantillas").mkdir(parents=True)
    (reglas / "plantillas" / "matriz.yaml").write_text("programado: [Cantidad planeada]\n", encoding="utf-8")
    assert campo_de("Cantidad planeada", cargar_perfil()) is None
    vocabulario.usar([reglas])
    try:
        propio = cargar_perfil()
    finally:
        vocabulario.usar([])
    assert campo_de("Cantidad planeada", propio) == "programado" and campo_de("Programado vigencia", propio) == "programado"
    (reglas / "plantillas" / "matriz.yaml").write_text("programado: [Meta física]\nejecutada: [Logro]\n", encoding="utf-8")
    with pytest.raises(ErrorPerfil) as error:
        cargar_perfil(reglas / "plantillas" / "matriz.yaml")
    assert error.value.linea == 2 and "campo desconocido 'ejecutada'" in error.value.mensaje


@pytest.mark.parametrize(("contenido", "linea", "fragmento"), [
    (("plantilla: tabular\nmetas: ['^Meta (?P<numero>\\d+)']\ncampos:\n  - nombre: logro\n    campo: logro.texto\n    pregunta: qué se hizo\n"
      "    titulo: [LOGRO]\n"), 7, "clave desconocida 'titulo'"),
    ("plantilla: tabular\nmetas:\n  - '^Meta (\\d+)'\n", 3, "numero"),
    ("plantilla: tabular\nmetas: ['^Meta (?P<numero>\\d+)']\ncampos:\n  - nombre: logro\n    campo: logros\n", 5, "campos.0.campo"),
    ("plantilla: matriz\nmetas: ['^Meta (?P<numero>\\d+)']\n", 1, "plantilla"),
    ("plantilla: narrativa\nmetas: ['^Meta (?P<numero>\\d+)']\nparrafos:\n  inversion: 'se invirti('\n  impacto: impacto\n", 4, "expresión regular inválida"),
])
def test_un_perfil_mal_escrito_dice_archivo_y_linea(tmp_path: Path, contenido: str, linea: int, fragmento: str) -> None:
    archivo = tmp_path / "tabular.yaml"
    archivo.write_text(contenido, encoding="utf-8")
    with pytest.raises(ErrorPerfil) as error:
        leer_perfil(archivo)
    assert error.value.archivo == str(archivo) and error.value.linea == linea and fragmento in error.value.mensaje


def test_un_parrafo_que_abre_como_dice_el_perfil_no_se_pega_a_la_linea_larga_de_antes(tmp_path: Path) -> None:
    """One paragraph a line, as Word exports write them: a long line, then one that opens the way the profile's
    `parrafos` says the investment paragraph opens; it is the investment, not a wrap of the line before."""
    reglas, _ = _oficina(tmp_path, {"concejo.yaml": _CONCEJO})
    texto = ("Informe de Rendición de Cuentas 2025\nSecretaría de Salud\nAlcaldía de Pasto\nFecha de corte: 30 de junio de 2025\n\n"
             "Compromiso 1. Dotar 10 puestos de salud rurales\n"
             "Qué logramos: Se dotaron 8 puestos de salud rurales con equipos biomédicos básicos, lo que equivale a un cumplimiento "
             "del 80 % de lo programado para la vigencia.\n"
             "Recursos comprometidos: se ejecutaron $ 420 millones del Sistema General de Participaciones.\n"
             "Dónde estuvimos: veredas de Pasto.\n")
    vocabulario.usar([reglas])
    try:
        cargado = cargar_bytes(texto.encode("utf-8"), "borrador.txt")
    finally:
        vocabulario.usar([])
    meta = cargado.informe.metas[0]
    assert meta.inversion.ejecutada is not None and meta.inversion.ejecutada.valor == 420
    assert meta.logro.texto.endswith("de lo programado para la vigencia.")


def test_un_campo_fuera_de_los_permitidos_se_dice_en_espanol(tmp_path: Path) -> None:
    archivo = tmp_path / "tabular.yaml"
    archivo.write_text("plantilla: tabular\nmetas: ['^Meta (?P<numero>\\d+)']\ncampos:\n  - nombre: logro\n    campo: logro.textox\n",
                       encoding="utf-8")
    with pytest.raises(ErrorPerfil) as error:
        leer_perfil(archivo)
    assert error.value.linea == 5 and error.value.mensaje.startswith("campos.0.campo: se esperaba uno de: 'logro.texto'")


@pytest.mark.parametrize(("linea", "campo", "valor"), [
    ("Ejecutado a 30/09/2025: 38", "logro.cantidad", "38"),
    ("Ejecutado a septiembre de 2025: 38 eventos", "logro.cantidad", "38 eventos"),
    ("Programado 2025: 48", "programado_periodo", "48"),
    ("Ejecutado a la fecha de corte: 2,6 km", "logro.cantidad", "2,6 km"),
    ("Programado 2025 ............ 600 mujeres", "programado_periodo", "600 mujeres"),  # a form's dot leaders
    ("Meta cuatrienio………… 4.000", "meta_cuatrienio", "4.000"),
])
def test_el_rotulo_de_un_dato_con_su_corte(linea: str, campo: str, valor: str) -> None:
    """The cut-off after a value's label, as a date, a month or a year, is part of the label."""
    for nombre in ("narrativa", "tabular"):
        assert perfil(nombre).dato(linea) == (campo, valor)
