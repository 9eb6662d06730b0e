"""The report data model: Informe -> Meta -> Inversión, Beneficiarios, Ejecución, ...

Keys are the template's own Spanish vocabulary.  Amounts, percentages and counts may be
written as numbers or as the report's text (``"$ 1.158,69 millones"``, ``"66,7%"``); they
are read into a value that keeps the text as written, and an unreadable text is kept with
its problem so that a rule can report it (never an exception).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, WithJsonSchema, field_validator

from auditor.idioma import tr
from auditor.lectura.cifras import Lectura, Problema, leer_cantidad, leer_monto, leer_porcentaje


class _Modelo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Valor(_Modelo):
    """Un número leído del informe: el valor, el texto tal como está escrito y, si no se pudo leer, el problema."""

    texto: str | None = None
    valor: float | None = None
    problema: Problema | None = None
    detalle: str | None = None

    @property
    def vacio(self) -> bool:
        """No number was given (blank, or only the unit, as in ``$ millones``)."""
        return self.valor is None and self.problema in (None, Problema.SIN_NUMERO)

    @property
    def cita(self) -> str:
        """The value as the report wrote it, for quoting in a finding."""
        if self.texto is not None:
            return self.texto
        if self.valor is None:
            return ""
        # a number of the YAML/JSON, quoted in the notation of the data file (1649, 66.7), never as "2e+06"
        return str(int(self.valor)) if self.valor.is_integer() else repr(self.valor)


def _lector(leer: Callable[[str], Lectura]) -> Callable[[Any], Any]:
    def convertir(crudo: Any) -> Any:
        if crudo is None or isinstance(crudo, Valor):
            return crudo
        if isinstance(crudo, bool):
            raise ValueError(tr("se esperaba un número o un texto, no un valor lógico (sí/no)"))  # noqa: TRY004 - pydantic wants ValueError
        if isinstance(crudo, (int, float)):
            return Valor(valor=float(crudo))
        if isinstance(crudo, str):
            if not crudo.strip():
                return Valor(texto=crudo)
            lectura = leer(crudo)
            return Valor(texto=crudo, valor=lectura.valor, problema=lectura.problema, detalle=lectura.detalle)
        raise ValueError(tr("se esperaba un número o un texto"))

    return convertir


_NUMERO_O_TEXTO = WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string"}, {"type": "null"}]})

Monto = Annotated[
    Valor | None,
    BeforeValidator(_lector(leer_monto)),
    _NUMERO_O_TEXTO,
    Field(description="Monto en millones de pesos: número (millones) o texto ('$ 1.158,69 millones', '$4.690.000.000')."),
]
Porcentaje = Annotated[
    Valor | None,
    BeforeValidator(_lector(leer_porcentaje)),
    _NUMERO_O_TEXTO,
    Field(description="Porcentaje: número (66.7) o texto ('66,7%', '22.4 por ciento')."),
]
Cantidad = Annotated[
    Valor | None,
    BeforeValidator(_lector(leer_cantidad)),
    _NUMERO_O_TEXTO,
    Field(description="Cantidad: número (4500) o texto ('4.500')."),
]
Texto = Annotated[str | None, Field(description="Texto tal como está en el informe.")]


class Periodo(_Modelo):
    """Años que cubre el informe."""

    desde: int = Field(ge=1900, le=2200, description="Primer año del periodo informado.")
    hasta: int = Field(ge=1900, le=2200, description="Último año del periodo informado.")

    @field_validator("hasta")
    @classmethod
    def _orden(cls, hasta: int, info: Any) -> int:
        desde = info.data.get("desde")
        if desde is not None and hasta < desde:
            raise ValueError(tr("el periodo termina ({hasta}) antes de empezar ({desde})", hasta=hasta, desde=desde))
        return hasta


class Plan(_Modelo):
    """Plan de Desarrollo y su cuatrienio."""

    nombre: str = Field(description="Nombre del Plan de Desarrollo.")
    desde: int = Field(ge=1900, le=2200, description="Primer año del cuatrienio.")
    hasta: int = Field(ge=1900, le=2200, description="Último año del cuatrienio.")


class MetaCuatrienio(_Modelo):
    """Meta del cuatrienio, cuando el informe la declara."""

    cantidad: Cantidad = None
    unidad: Texto = None
    texto: Texto = None


class Logro(_Modelo):
    """¿Qué se hizo?: lo realizado, con su cantidad cuando el informe la da."""

    cantidad: Cantidad = None
    unidad: Texto = None
    texto: Texto = None


class Inversion(_Modelo):
    """¿Cuánto se invirtió?: montos programado y ejecutado (en millones de pesos) y sus fuentes."""

    programada: Monto = None
    ejecutada: Monto = None
    fuentes: list[str] = Field(default_factory=list)
    texto: Texto = None


class GrupoPoblacional(_Modelo):
    """Parte de los beneficiarios que pertenece a un grupo (víctimas, migrantes, ...)."""

    grupo: str
    cantidad: Cantidad = None


class Beneficiarios(_Modelo):
    """¿Qué población se atendió?"""

    total: Cantidad = None
    unidad: Texto = None
    descripcion: Texto = None
    grupos: list[GrupoPoblacional] = Field(default_factory=list)


class Ejecucion(_Modelo):
    """EJECUCIÓN: ¿Cómo se hizo? ¿Con quién se ejecutó? ¿Cuándo se realizó?"""

    como: Texto = None
    con_quien: Texto = None
    cuando: Texto = None


class Localizacion(_Modelo):
    """LOCALIZACIÓN: ¿Dónde se intervino?"""

    municipios: list[str] = Field(default_factory=list)
    texto: Texto = None


class Supresion(_Modelo):
    """Un hallazgo aceptado a sabiendas: la regla, el campo (opcional) y el motivo, obligatorio."""

    regla: str = Field(description="Id de la regla que se suprime (p. ej. 'INV001').")
    campo: Texto = Field(default=None, description="Solo los hallazgos de este campo (p. ej. 'inversion.ejecutada') y de los que tiene debajo.")
    motivo: Texto = Field(default=None, description="Por qué se acepta el hallazgo. Sin motivo, la supresión no suprime y se señala (SUP001).")


class SupresionInforme(Supresion):
    """Supresión al nivel del informe: vale para todo el archivo, o solo para una meta."""

    meta: int | str | None = Field(default=None, description="Solo los hallazgos de la meta con este número (o código, '3.1.1').")


class Meta(_Modelo):
    """Una meta de producto del plan, con las secciones de la plantilla."""

    numero: int = Field(description="Número de la meta en el informe (su orden, si el plan la numera con un código).")
    codigo: str | None = Field(
        default=None, pattern=r"^\d{1,4}(?:\.\d{1,4}){1,6}$",
        description="Código de la meta cuando el plan la numera por niveles ('3.1.1', eje.programa.meta): es como se la "
        "nombra en los hallazgos, y 'numero' es su orden en el informe.")
    nombre: str = Field(description="Nombre o descripción de la meta, como está escrito.")
    eje: Texto = Field(default=None, description="Eje, línea o sección del informe bajo la que aparece.")
    meta_cuatrienio: MetaCuatrienio | None = None
    programado_periodo: Cantidad = Field(default=None, description="Cantidad programada para el periodo.")
    logro: Logro = Field(default_factory=Logro)
    cumplimiento_periodo: Porcentaje = Field(default=None, description="% de cumplimiento frente a lo programado en el periodo.")
    avance_cuatrienio: Porcentaje = Field(default=None, description="% de avance frente al cuatrienio.")
    inversion: Inversion = Field(default_factory=Inversion)
    beneficiarios: Beneficiarios = Field(default_factory=Beneficiarios)
    ejecucion: Ejecucion = Field(default_factory=Ejecucion)
    impacto: Texto = None
    localizacion: Localizacion = Field(default_factory=Localizacion)
    registro_fotografico: list[str] = Field(default_factory=list)
    suprimir: list[Supresion] = Field(default_factory=list, description="Hallazgos de esta meta aceptados con su motivo.")

    @property
    def etiqueta(self) -> str:
        """How the report names the meta: its plan code ('3.1.1') or its number."""
        return self.codigo if self.codigo is not None else str(self.numero)


class Afirmacion(_Modelo):
    """Una cifra que afirma el resumen del informe, con su calificador ("más de")."""

    calificador: Texto = Field(default=None, description="'más de', 'cerca de', 'superior a', ...")
    cantidad: Cantidad = None
    monto: Monto = None
    unidad: Texto = None


class TotalEje(_Modelo):
    """Un total del resumen del informe ("más de 700 empresarios ... superior a $2.181 millones") y las metas que cubre."""

    eje: str
    texto: Texto = None
    beneficiarios: Afirmacion | None = None
    inversion: Afirmacion | None = None
    inversion_programada: Afirmacion | None = Field(
        default=None, description="Total de la inversión programada (la fila TOTAL de una matriz de seguimiento).")
    metas: list[int] = Field(default_factory=list, description="Metas que cubre la afirmación.")


class FilaPDD(_Modelo):
    """Una fila de la tabla por nivel del PDD."""

    nivel: str
    cumplimiento_programado: Porcentaje = None
    cumplimiento_ejecutado: Porcentaje = None
    avance_cuatrienio: Porcentaje = None


class TablaPDD(_Modelo):
    """CUMPLIMIENTO/AVANCE POR NIVEL DEL PDD."""

    texto: Texto = Field(default=None, description="Texto que acompaña la tabla.")
    filas: list[FilaPDD] = Field(default_factory=list)


class FilaIndicador(_Modelo):
    """Un indicador de resultado: línea base, avance y meta."""

    indicador: str
    linea_base: Cantidad = None
    avance: Cantidad = None
    meta: Cantidad = None


class TablaIndicadores(_Modelo):
    """Indicadores de resultado: línea base, avance y meta del cuatrienio."""

    titulo: Texto = None
    anio_linea_base: int | None = None
    anio_avance: int | None = None
    anio_meta: int | None = None
    filas: list[FilaIndicador] = Field(default_factory=list)
    notas: list[str] = Field(default_factory=list)
    texto: Texto = Field(default=None, description="Análisis narrativo de los indicadores.")


def _fecha_que_existe(texto: str) -> None:
    """'2025-02-31' and '0000-01' have the form but are no date: the date rules could not place them."""
    from datetime import date

    from auditor.idioma import tr

    anio, mes, *dia = (int(x) for x in texto.split("-"))
    try:
        date(anio, mes, dia[0] if dia else 1)
    except ValueError:
        raise ValueError(tr("'{texto}' no es una fecha del calendario", texto=texto)) from None
    if not 1900 <= anio <= 2200:
        raise ValueError(tr("el año {anio} está fuera de lo posible para un informe (1900 a 2200)", anio=anio))


_FECHA = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")


class Informe(_Modelo):
    """Un Informe de Rendición de Cuentas de una secretaría: datos para auditor."""

    entidad: str = Field(description="Entidad territorial (gobernación o alcaldía).")
    departamento: str = Field(description="Departamento de la entidad.")
    secretaria: str = Field(description="Secretaría que informa.")
    periodo: Periodo
    fecha_corte: str = Field(description="Fecha de corte o de publicación: AAAA-MM o AAAA-MM-DD.")
    plan: Plan
    titulo: Texto = None
    plantilla: Literal["tabular", "narrativa", "matriz"] = Field(
        default="tabular",
        description="tabular: 'Meta # N' con celdas; narrativa: 'Meta cuatrienio N: ...' en párrafos; "
        "matriz: una tabla de seguimiento con una fila por meta.",
    )
    numeracion_metas: Literal["consecutiva", "plan"] = Field(
        default="consecutiva",
        description="consecutiva: metas numeradas 1..N en el informe; plan: números del Plan de Desarrollo.",
    )
    documento: Texto = Field(default=None, description="Documento original del que se tomaron los datos.")
    metas_anunciadas: list[int] = Field(
        default_factory=list,
        description="Números de las metas que el informe dice tener a cargo en su introducción o portada "
        "('tiene a su cargo las metas 509 a 517'); EST005 señala las que no aparecen.",
    )
    totales: list[TotalEje] = Field(default_factory=list)
    metas: list[Meta] = Field(default_factory=list)
    tabla_pdd: TablaPDD | None = None
    indicadores_resultado: TablaIndicadores | None = None
    suprimir: list[SupresionInforme] = Field(default_factory=list, description="Hallazgos del informe aceptados con su motivo.")

    # numbers of the metas present in the file that could not be read (None: number unknown);
    # set by the loader, so that structure checks do not report them as missing
    _metas_no_leidas: list[str | None] = PrivateAttr(default_factory=list)

    @property
    def metas_no_leidas(self) -> list[str | None]:
        return self._metas_no_leidas

    @field_validator("fecha_corte", mode="before")
    @classmethod
    def _fecha(cls, valor: Any) -> Any:
        texto = str(valor) if valor is not None else ""
        if not _FECHA.fullmatch(texto):
            raise ValueError(tr("se esperaba una fecha AAAA-MM o AAAA-MM-DD, no {texto}", texto=repr(texto)))
        _fecha_que_existe(texto)
        return texto
