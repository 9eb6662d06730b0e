"""The audit engine (motor): severity from configuration, places, and no traceback from a faulty rule."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.configuracion.configuracion import AjusteRegla, Configuracion
from auditor.entrada.carga import cargar_archivo, cargar_bytes
from auditor.modelo.informe import Informe
from auditor.motor.auditor import Auditor, preparar
from auditor.motor.auditoria import auditar_cargado
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad

from .conftest import FIXTURES
from .test_entrada_invalida import CABECERA


class _Rota(Regla):
    id = "XXX999"
    nombre = "rota"
    categoria = Categoria.STRUCTURE
    severidad = Severidad.WARNING
    mensaje = "rota"
    doc = Documentacion("x", "y", "a", "b")

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        yield Observacion("antes de fallar", "numero", 0)
        raise ZeroDivisionError("división por cero")


def test_una_regla_defectuosa_se_informa_sin_ocultar_las_demas(auditor: Auditor) -> None:
    catalogo = preparar(Configuracion()).catalogo
    catalogo.reglas["XXX999"] = _Rota()
    resultado = auditar_cargado(Auditor(catalogo, Configuracion()), cargar_archivo(FIXTURES / "fronteras_2024.yaml"))
    reglas = [f.regla for f in resultado.hallazgos]
    assert "INV001" in reglas and "XXX999" not in reglas
    [fallo] = [f for f in resultado.hallazgos if "XXX999" in f.mensaje]
    assert fallo.categoria is Categoria.INPUT_ERROR and "ZeroDivisionError" in fallo.mensaje


def test_severidad_la_decide_la_configuracion(auditor: Auditor) -> None:
    configuracion = Configuracion(ajustes={"INV001": AjusteRegla(severidad=Severidad.INFO), "BEN002": AjusteRegla(activa=False)})
    resultado = auditar_cargado(Auditor(auditor.catalogo, configuracion), cargar_archivo(FIXTURES / "fronteras_2024.yaml"))
    assert {f.severidad for f in resultado.hallazgos if f.regla == "INV001"} == {Severidad.INFO}
    assert not any(f.regla == "BEN002" for f in resultado.hallazgos)


def test_meta_ilegible_cuenta_como_auditada_con_su_hallazgo(auditor: Auditor) -> None:
    texto = CABECERA + "metas:\n  - numero: 1\n    nombre: [lista]\n  - numero: 2\n    nombre: Ferias\n"
    resultado = auditar_cargado(auditor, cargar_bytes(texto.encode(), "x.yaml"))
    assert [numero for numero, _ in resultado.metas] == ["2", "1"]
    assert ("ENT002", "1", 9) in {(f.regla, f.meta, f.linea) for f in resultado.hallazgos}
