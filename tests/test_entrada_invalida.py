"""Bad input: a clear finding with file and line, never a traceback, nothing lost or written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from auditor.configuracion.configuracion import Configuracion
from auditor.entrada.carga import cargar_bytes
from auditor.motor.auditor import preparar
from auditor.motor.auditoria import auditar

from .conftest import FIXTURES

CABECERA = """entidad: Gobernación de Norte de Santander
departamento: Norte de Santander
secretaria: Secretaría de Prueba
periodo: {desde: 2024, hasta: 2025}
fecha_corte: "2025-11"
plan: {nombre: Plan de Desarrollo 2024-2027, desde: 2024, hasta: 2027}
"""


def _problemas(texto: str | bytes) -> list[tuple[str, int, str]]:
    contenido = texto if isinstance(texto, bytes) else texto.encode("utf-8")
    return [(p.regla, p.linea, p.mensaje) for p in cargar_bytes(contenido, "x.yaml").problemas]


def test_yaml_invalido_da_la_linea() -> None:
    [(regla, linea, mensaje)] = _problemas(CABECERA + "metas:\n  - numero: 1\n    nombre: \"sin cerrar\n")
    assert (regla, linea) == ("ENT001", 9)  # where the quote opens, not the end of the file
    assert "YAML no válido" in mensaje


def test_archivo_vacio() -> None:
    assert _problemas("  \n\n") == [("ENT001", 1, "el archivo está vacío: se esperaba un informe")]


def test_no_utf8_dice_la_linea_y_la_causa() -> None:
    [(regla, linea, mensaje)] = _problemas("entidad: G\ndepartamento: N\nsecretaria: Inversión\n".encode("latin-1"))
    assert (regla, linea) == ("ENT001", 3)
    assert "UTF-8" in mensaje and "Latin-1" in mensaje


def test_bom_utf8_se_acepta() -> None:
    cargado = cargar_bytes(b"\xef\xbb\xbf" + (CABECERA + "metas: []\n").encode("utf-8"), "x.yaml")
    assert cargado.problemas == [] and cargado.informe is not None


def test_clave_desconocida_sugiere_la_correcta() -> None:
    [(regla, linea, mensaje)] = _problemas(CABECERA + "metas:\n  - numero: 1\n    nombre: Ferias\n    impcto: Ventas\n")
    assert (regla, linea) == ("ENT002", 10)
    assert "campo desconocido 'impcto'; ¿quiso decir 'impacto'?" in mensaje


def test_tipo_incorrecto() -> None:
    [(regla, linea, mensaje)] = _problemas(CABECERA + "metas:\n  - numero: uno\n    nombre: Ferias\n")
    assert (regla, linea) == ("ENT002", 8)
    assert "metas[0].numero" in mensaje and "número entero" in mensaje


def test_clave_repetida_no_se_pierde_en_silencio() -> None:
    problemas = _problemas(CABECERA + "metas:\n  - numero: 1\n    nombre: Ferias\n    impacto: A\n    impacto: B\n")
    assert problemas == [("ENT003", 11, "clave 'impacto' repetida (ya aparece en la línea 10); se usa el último valor y el anterior se perdería")]


def test_etiqueta_python_rechazada_sin_ejecutar() -> None:
    [(regla, linea, mensaje)] = _problemas(CABECERA + "metas: !!python/object/apply:os.system ['echo hola']\n")
    assert (regla, linea) == ("ENT001", 7)
    assert "etiqueta YAML no permitida" in mensaje


def test_una_meta_mala_no_oculta_las_demas() -> None:
    cargado = cargar_bytes((CABECERA + "metas:\n  - numero: 1\n    nombre: [lista]\n  - numero: 2\n    nombre: Ferias\n").encode(), "x.yaml")
    assert cargado.informe is not None
    assert [m.numero for m in cargado.informe.metas] == [2]
    assert [(p.regla, p.linea, p.meta) for p in cargado.problemas] == [("ENT002", 9, "1")]


def test_json_se_acepta_con_lineas() -> None:
    texto = (
        '{\n "entidad": "G", "departamento": "N", "secretaria": "S",\n "periodo": {"desde": 2024, "hasta": 2025},\n'
        ' "fecha_corte": "2025-11", "plan": {"nombre": "P", "desde": 2024, "hasta": 2027},\n "metas": [\n  {"numero": 1,\n'
        '   "nombre": "F", "impcto": ""}]}\n'
    )
    [(regla, linea, _)] = _problemas(texto)
    assert (regla, linea) == ("ENT002", 7)


def test_otros_archivos_se_siguen_auditando_y_las_entradas_no_se_modifican(tmp_path: Path) -> None:
    malo = tmp_path / "a_malo.yaml"
    malo.write_bytes(b"metas: [\n")
    bueno = tmp_path / "b_bueno.yaml"
    bueno.write_bytes((FIXTURES / "limpio_cultura_2024_2025.yaml").read_bytes())
    antes = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (malo, bueno)}
    resultado = auditar(preparar(Configuracion()), [tmp_path])
    assert [r.archivo for r in resultado.informes] == [str(malo), str(bueno)]
    assert [f.regla for f in resultado.informes[0].hallazgos] == ["ENT001"]
    assert resultado.informes[1].hallazgos == [] and len(resultado.informes[1].metas) == 3
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (malo, bueno)} == antes


def test_ruta_inexistente_es_error_de_entrada(tmp_path: Path) -> None:
    resultado = auditar(preparar(Configuracion()), [tmp_path / "no-existe.yaml"])
    [f] = resultado.hallazgos()
    assert (f.regla, f.categoria.value) == ("ENT001", "input_error")


def test_ubicar_errores_da_ruta_linea_y_mensaje_de_cada_error_de_pydantic() -> None:
    """The one translation of a pydantic error: the key's line for an unknown key, the value's line otherwise."""
    from pydantic import BaseModel, ConfigDict, ValidationError

    from auditor.lectura.fuente import leer_documento, ubicar_errores

    class Hijo(BaseModel):
        model_config = ConfigDict(extra="forbid")
        n: int = 0

    class Padre(BaseModel):
        model_config = ConfigDict(extra="forbid")
        hijos: list[Hijo] = []

    documento = leer_documento("hijos:\n  - n: 1\n  - n: dos\n    sobra:\n      - 1\n")
    with pytest.raises(ValidationError) as fallo:
        Padre.model_validate(documento.datos)
    error = fallo.value
    errores = ubicar_errores(error, documento.mapa, base=("raiz",), limpiar=lambda loc: loc)
    assert [(e.tipo, e.loc, e.ruta, e.linea) for e in errores] == [
        ("int_parsing", ("hijos", 1, "n"), ("raiz", "hijos", 1, "n"), 1),  # `base` is not in this document: its root line
        ("extra_forbidden", ("hijos", 1, "sobra"), ("raiz", "hijos", 1, "sobra"), 1),
    ]
    errores = ubicar_errores(error, documento.mapa)
    assert [(e.donde, e.linea, e.clave) for e in errores] == [("hijos.1.n", 3, "n"), ("hijos.1.sobra", 4, "sobra")]
    assert errores[0].mensaje == "hijos.1.n: se esperaba un número entero (se encontró un texto)"
