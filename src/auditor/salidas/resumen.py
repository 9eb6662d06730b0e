"""The closing summary every human-readable reporter shares."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from auditor.idioma import tr
from auditor.reglas.observacion import Severidad
from auditor.resultado.ejecucion import Resultado


def _nombres_categoria() -> dict[str, str]:
    return {
        "missing_amount": tr("monto faltante"),
        "malformed_value": tr("valor ilegible"),
        "placeholder": tr("texto de plantilla"),
        "empty_field": tr("sección vacía"),
        "empty_beneficiaries": tr("beneficiarios sin diligenciar"),
        "percentage_mismatch": tr("porcentaje inconsistente"),
        "missing_percentage": tr("porcentaje faltante"),
        "missing_target": tr("meta sin cantidad"),
        "unjustified_shortfall": tr("rezago sin explicación"),
        "count_mismatch": tr("cantidades inconsistentes"),
        "date_inconsistency": tr("fechas inconsistentes"),
        "location": tr("localización"),
        "structure": tr("estructura"),
        "aggregate_mismatch": tr("totales inconsistentes"),
        "duplicated_text": tr("texto duplicado"),
        "input_error": tr("error de entrada"),
        "inconsistent_name": tr("nombre con dos escrituras"),
        "suppression": tr("supresión"),
        "plan_mismatch": tr("distinto del Plan Indicativo"),
    }


class _NombresCategoria(Mapping[str, str]):
    """Categoria id -> its name for a reader, in the language of the run at lookup time."""

    def __getitem__(self, clave: str) -> str:
        return _nombres_categoria()[clave]

    def __iter__(self) -> Iterator[str]:
        return iter(_nombres_categoria())

    def __len__(self) -> int:
        return len(_nombres_categoria())


NOMBRES_CATEGORIA: Mapping[str, str] = _NombresCategoria()


def nombre_severidad(severidad: Severidad, cuantas: int) -> str:
    if severidad is Severidad.ERROR:
        return tr("error") if cuantas == 1 else tr("errores")
    if severidad is Severidad.WARNING:
        return tr("advertencia") if cuantas == 1 else tr("advertencias")
    return tr("info")


def conteo_severidades(resultado: Resultado) -> str:
    cuenta = resultado.por_severidad()
    return ", ".join(f"{cuenta.get(s, 0)} {nombre_severidad(s, cuenta.get(s, 0))}" for s in Severidad)


def hallazgos(n: int) -> str:
    """'1 hallazgo', '3 hallazgos'."""
    return tr("{n} hallazgo", n=n) if n == 1 else tr("{n} hallazgos", n=n)


def archivos(n: int) -> str:
    """'1 archivo', '2 archivos'."""
    return tr("{n} archivo", n=n) if n == 1 else tr("{n} archivos", n=n)


def lineas_resumen(resultado: Resultado) -> list[str]:
    total = resultado.total_hallazgos
    lineas = [
        "",
        tr("Resumen: {hallazgos} ({severidades}) en {archivos}", hallazgos=hallazgos(total),
           severidades=conteo_severidades(resultado), archivos=archivos(len(resultado.informes))),
        tr("Metas con hallazgos: {con} de {auditadas} auditadas",
           con=resultado.metas_con_hallazgos, auditadas=resultado.metas_auditadas),
    ]
    categorias = resultado.por_categoria()
    if categorias:
        lineas.append(tr("Por categoría: {categorias}", categorias=", ".join(
            f"{NOMBRES_CATEGORIA[c.value]} ({c.value}) {n}" for c, n in sorted(categorias.items(), key=lambda par: (-par[1], par[0].value))
        )))
    return lineas
