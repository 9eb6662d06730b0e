"""Counts: numbers in the prose of a meta against its quantities, lists, breakdowns and splits.

Every comparison is between counts of the same thing, told by the noun (see `auditor.lectura.conteos`):
"250 unidades productivas" is compared with "330 unidades productivas", never with "390
beneficiarios"; money, percentages, dates, positions in rankings and pairs of shoes never
meet a count of people.  Where a number could be a part of the total (250 of the 330 units
that also received assets) the rules stay silent; they speak when the same count is written
with two values, when a part is larger than its whole, when a list does not have the length
its count claims, or when a split that says it covers everything does not add up to 100%.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from auditor.idioma import diferida, tr
from auditor.lectura.cifras import escribir_numero
from auditor.lectura.conteos import Conteo, ListaEnLineas, Sustantivo, analizar, conteos, de_otro_periodo, sustantivo_de
from auditor.lectura.palabras import clave
from auditor.lectura.porcentajes import programado_del_periodo
from auditor.lectura.recorte import acortar
from auditor.modelo.informe import Informe, Meta, Valor
from auditor.modelo.nombres import nombre as nombre_en_la_plantilla
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad

# the prose of a meta, in the order of the template, with the words a reviewer knows it by
PROSA: tuple[tuple[str, str], ...] = (
    ("logro.texto", "¿Qué se hizo?"),
    ("beneficiarios.descripcion", "La población atendida"),
    ("ejecucion.como", "¿Cómo se hizo?"),
    ("impacto", "El impacto"),
)


_ETIQUETAS = {
    "logro.texto": diferida("¿Qué se hizo?"),
    "beneficiarios.descripcion": diferida("La población atendida"),
    "ejecucion.como": diferida("¿Cómo se hizo?"),
    "impacto": diferida("El impacto"),
    "inversion.texto": diferida("La inversión"),
    "meta_cuatrienio.texto": diferida("La meta del cuatrienio"),
    "localizacion.texto": diferida("La localización"),
}
_NOMBRES = {
    "logro.cantidad": diferida("lo logrado"),
    "beneficiarios.total": diferida("el total de beneficiarios"),
    "meta_cuatrienio.cantidad": diferida("la meta del cuatrienio"),
}


def _etiqueta(campo: str) -> str:
    """How a message names a prose field (as in `PROSA`), in the language of the run."""
    return tr(_ETIQUETAS[campo])  # only the one asked for is translated (a message asks for one of seven)


def _nombre(q: Cantidad) -> str:
    """How a message names a structured quantity (`Cantidad.nombre`), in the language of the run."""
    return tr(_NOMBRES[q.campo])


def _con_cita(texto: str | None) -> str:
    """' («quote»)' after a count when the text that states it is there."""
    return f" («{acortar(texto, 160)}»)" if texto else ""


def _texto(meta: Meta, campo: str) -> str | None:
    seccion, _, nombre = campo.rpartition(".")
    objeto: object = getattr(meta, seccion) if seccion else meta
    valor = getattr(objeto, nombre, None) if objeto is not None else None
    return valor if isinstance(valor, str) and valor.strip() else None


@dataclass(frozen=True)
class Cantidad:
    """A structured quantity of a meta with the noun of its unit."""

    campo: str  # "logro.cantidad"
    propio: str  # the prose field that states it: "logro.texto"
    nombre: str  # "lo logrado"
    valor: float
    cita: str  # as written: "4.500"
    unidad: str  # as written: "personas"
    sustantivo: Sustantivo

    @property
    def dicho(self) -> str:
        return f"{self.cita} {self.unidad}"


def _cantidad(campo: str, propio: str, nombre: str, valor: Valor | None, unidad: str | None) -> Cantidad | None:
    sustantivo = sustantivo_de(unidad)
    if valor is None or valor.valor is None or sustantivo is None or unidad is None:
        return None
    return Cantidad(campo, propio, nombre, valor.valor, valor.cita.strip() or escribir_numero(valor.valor), unidad.strip(), sustantivo)


def cantidad_lograda(meta: Meta) -> Cantidad | None:
    return _cantidad("logro.cantidad", "logro.texto", "lo logrado", meta.logro.cantidad, meta.logro.unidad)


def cantidad_beneficiarios(meta: Meta) -> Cantidad | None:
    b = meta.beneficiarios
    return _cantidad("beneficiarios.total", "beneficiarios.descripcion", "el total de beneficiarios", b.total, b.unidad)


def cantidad_meta(meta: Meta) -> Cantidad | None:
    m = meta.meta_cuatrienio
    if m is None:
        return None
    return _cantidad("meta_cuatrienio.cantidad", "meta_cuatrienio.texto", "la meta del cuatrienio", m.cantidad, m.unidad)


_REFERENCIA_ANTES = {("de", "las"), ("de", "los"), ("entre", "las"), ("entre", "los"), ("de", "estas"), ("de", "estos")}
_OBJETIVO_DESPUES = ("programad", "previst", "proyectad", "planead", "esperad", "estimad", "pendiente", "restante", "faltante")


def es_referencia(c: Conteo) -> bool:
    """A count that names the set a part is drawn from or the target, not what was done:
    "de las 40 capacitaciones", "la meta de 40 capacitaciones", "40 capacitaciones programadas", "27 de 60"."""
    if c.previas[-2:] in _REFERENCIA_ANTES or "meta" in c.previas[-2:] or "meta" in c.rotulo[-3:] or c.denominador:
        return True  # 'la meta de 40 …', '(meta cuatrienio: 800 prestadores)', '27 de 60 instituciones'

    return bool(c.siguientes) and c.siguientes[0].startswith(_OBJETIVO_DESPUES)


def _del_mismo(texto: str | None, sustantivo: Sustantivo, periodo: tuple[int, int] | None = None) -> list[Conteo]:
    mismos = [c for c in conteos(texto) if c.sustantivo is not None and c.sustantivo.compatible(sustantivo) and not es_referencia(c)
              and not (texto and periodo is not None and de_otro_periodo(texto, c, periodo))]
    programado = programado_del_periodo(texto) if mismos and texto else None  # 'Para 2025 se programó la adecuación de 10 escenarios'
    return [c for c in mismos if not (programado is not None and c.inicio <= programado.inicio < c.fin)]


class CantidadNoCoincide(Regla):
    id = "CNT001"
    nombre = "cantidad-no-coincide"
    categoria = Categoria.COUNT_MISMATCH
    severidad = Severidad.ERROR
    mensaje = "La misma cuenta aparece con dos cifras distintas"
    doc = Documentacion(
        que_revisa="Que una cantidad de la meta (lo logrado, el total de beneficiarios, la meta del cuatrienio) sea la "
        "que dice su propio texto cuando este cuenta lo mismo (mismo sustantivo, en singular o plural, con o sin "
        "tildes); que lo logrado y los beneficiarios coincidan cuando cuentan lo mismo (60 organizaciones solidarias "
        "en ambos); y que una cifra escrita en letras y en números diga lo mismo ('dos (2) jornadas'). Un texto que "
        "cuenta otra cosa ('41 funcionarios', '2 eventos') no se compara, y un texto que reparte el total en partes "
        "('3 ferias en 2024 y 2 ferias en 2025' para 5) coincide.",
        por_que="Si el informe escribe la misma cuenta con dos valores, el lector no sabe cuál es el cierto, y el "
        "porcentaje de avance que se calcule con uno contradice al otro.",
        ejemplo_falla="logro:\n  cantidad: 5\n  unidad: festivales\n  texto: 4 festivales culturales apoyados en Ocaña, "
        "Pamplona, Chinácota y Cúcuta.\n",
        ejemplo_pasa="logro:\n  cantidad: 4\n  unidad: festivales\n  texto: 4 festivales culturales apoyados en Ocaña, "
        "Pamplona, Chinácota y Cúcuta.\n",
        que_hacer="Deje una sola cifra para esa cuenta: corrija la cantidad o el texto que no dice la cierta.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        for i, meta in enumerate(informe.metas):
            for q in (cantidad_lograda(meta), cantidad_beneficiarios(meta), cantidad_meta(meta)):
                if q is None:
                    continue
                periodo = None if q.propio == "meta_cuatrienio.texto" else (informe.periodo.desde, informe.periodo.hasta)  # the four years are its own
                mismos = _del_mismo(_texto(meta, q.propio), q.sustantivo, periodo)
                partes = sum(c.valor for c in mismos if c.calificador == "exacto")
                if mismos and partes != q.valor and not any(c.coincide_con(q.valor) for c in mismos):
                    c = mismos[0]
                    yield Observacion(
                        tr("{etiqueta} dice «{cita}», pero «{campo}» registra {dicho}: es la misma cuenta con dos cifras",
                           etiqueta=_etiqueta(q.propio), cita=c.cita, campo=nombre_en_la_plantilla(q.campo), dicho=q.dicho),
                        q.propio, i, c.cita,
                    )
            logro, benef = cantidad_lograda(meta), cantidad_beneficiarios(meta)
            if logro is not None and benef is not None and logro.sustantivo.compatible(benef.sustantivo) and logro.valor != benef.valor:
                yield Observacion(
                    tr("Los beneficiarios son {beneficiarios}, pero lo logrado son {logrado}{cita}: cuentan lo mismo con cifras distintas",
                       beneficiarios=benef.dicho, logrado=logro.dicho, cita=_con_cita(meta.logro.texto)),
                    "beneficiarios.total", i, benef.cita,
                )
            for campo in (*(c for c, _ in PROSA), "inversion.texto", "meta_cuatrienio.texto"):
                for c in conteos(_texto(meta, campo)):
                    if c.escrito_dos_veces is not None:
                        palabra, cifra = c.escrito_dos_veces
                        yield Observacion(
                            tr("{etiqueta} escribe la cifra de dos maneras que no coinciden: «{cita}» "
                               "('{palabra}' en letras, {cifra} en números)",
                               etiqueta=_etiqueta(campo), cita=c.cita, palabra=palabra, cifra=cifra),
                            campo, i, c.cita,
                        )


class ParteMayorQueTotal(Regla):
    id = "CNT002"
    nombre = "parte-mayor-que-total"
    categoria = Categoria.COUNT_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "La prosa cuenta más de lo que registra el total"
    doc = Documentacion(
        que_revisa="Cifras de la prosa de la meta (¿Qué se hizo?, población atendida, ¿Cómo se hizo?, impacto) que "
        "cuentan lo mismo que lo logrado o que los beneficiarios (mismo sustantivo) y son mayores que ese total. Una "
        "cifra menor se toma como una parte (250 de las 330 unidades productivas) y no se señala; tampoco las "
        "aproximadas ('cerca de'), las que nombran la meta o lo programado ('de las 40 capacitaciones programadas'), "
        "las de un lapso mayor que el periodo ('840 productores atendidos entre 2024 y 2025' en un informe de 2025, "
        "'acumulados', 'en el cuatrienio') ni las que cuentan otra cosa ('empresas' no es 'ciudadanos').",
        por_que="Una parte no puede ser mayor que el todo: o el total registrado se quedó corto (faltan beneficiarios), "
        "o la prosa habla de otra población u otro periodo y debe decirlo.",
        ejemplo_falla="beneficiarios:\n  total: 193\n  unidad: ciudadanos\nejecucion:\n  como: Tres ferias laborales "
        "con más de 1600 ciudadanos cesantes.\n",
        ejemplo_pasa="beneficiarios:\n  total: 1649\n  unidad: ciudadanos\nejecucion:\n  como: Tres ferias laborales "
        "con más de 1600 ciudadanos cesantes.\n",
        que_hacer="Corrija el total registrado si se quedó corto, o diga en la prosa que su cifra es de otra población "
                  "u otro periodo.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        for i, meta in enumerate(informe.metas):
            objetivos = {v.valor for v in (meta.programado_periodo, meta.meta_cuatrienio.cantidad if meta.meta_cuatrienio else None)
                         if v is not None and v.valor is not None}
            vistos: set[tuple[str, int]] = set()
            for q in (cantidad_lograda(meta), cantidad_beneficiarios(meta)):
                if q is None:
                    continue
                for campo, _ in PROSA:
                    if campo == q.propio:
                        continue  # its own text is CNT001's
                    for c in _del_mismo(_texto(meta, campo), q.sustantivo, (informe.periodo.desde, informe.periodo.hasta)):
                        if c.supera(q.valor) and c.valor not in objetivos and (campo, c.inicio) not in vistos:
                            vistos.add((campo, c.inicio))
                            yield Observacion(
                                tr("{etiqueta} habla de «{cita}», más que {nombre} ({dicho}, en «{campo}»): una parte no "
                                   "puede superar el total; si es otra población u otro periodo, conviene decirlo",
                                   etiqueta=_etiqueta(campo), cita=c.cita, nombre=_nombre(q), dicho=q.dicho, campo=nombre_en_la_plantilla(q.campo)),
                                campo, i, c.cita,
                            )


class ListaNoCoincide(Regla):
    id = "CNT003"
    nombre = "lista-no-coincide-con-conteo"
    categoria = Categoria.COUNT_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "La lista no tiene los elementos que anuncia su cifra"
    doc = Documentacion(
        que_revisa="Una cifra seguida de la lista de lo que cuenta ('3 clústeres asistidos: Construcción, TIC, Moda "
        "Norte', '17 asociaciones (…)', '3 misiones … a España y Portugal, China, y Perú') frente al número de elementos "
        "de la lista. Los elementos se separan por comas y por la 'y' final; una 'y' dentro de un nombre ('España y "
        "Portugal', 'Fundación para el desarrollo económico y el bienestar social') no parte el elemento. Las listas "
        "que no dicen ser completas ('entre otros', 'como …') no se cuentan. Entre paréntesis solo cuenta una lista de "
        "nombres ('(pisos, cubiertas y baños)' describe la obra, no nombra lo contado). Una lista de un elemento por "
        "renglón ('1. …', '2. …' o viñetas) tras un renglón que termina en dos puntos se compara con la cifra de ese "
        "renglón o, si es un rótulo ('Sedes dotadas:'), con la cantidad de la meta del mismo sustantivo. También se "
        "lee la localización ('siete (7) municipios: …').",
        por_que="Si la cifra dice 17 y la lista nombra 16, falta un nombre o sobra uno en la cifra; el lector no puede "
        "verificar a quién llegó el apoyo.",
        ejemplo_falla="logro:\n  texto: \"4 clústeres asistidos: Construcción, TIC, Moda Norte\"\n",
        ejemplo_pasa="logro:\n  texto: \"3 clústeres asistidos: Construcción, TIC, Moda Norte\"\n",
        que_hacer="Haga que la cifra y la lista digan lo mismo: agregue el elemento que falta a la lista o corrija la cifra.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        for i, meta in enumerate(informe.metas):
            cantidades = [q for q in (cantidad_lograda(meta), cantidad_beneficiarios(meta)) if q is not None]
            for campo in (*(c for c, _ in PROSA), "localizacion.texto"):
                texto = _texto(meta, campo)
                if texto is None:
                    continue
                analisis = analizar(texto)
                for e in analisis.enumeraciones:
                    if len(e.elementos) != e.conteo.valor:
                        yield Observacion(
                            tr("{etiqueta} anuncia «{cita}», pero la lista que sigue nombra {n}: «{elementos}»",
                               etiqueta=_etiqueta(campo), cita=e.conteo.cita, n=len(e.elementos), elementos="; ".join(e.elementos)),
                            campo, i, acortar(e.cita, 240),
                        )
                yield from self._listas_en_lineas(analisis.listas_en_lineas, cantidades, campo, i)

    @staticmethod
    def _listas_en_lineas(listas: tuple[ListaEnLineas, ...], cantidades: list[Cantidad], campo: str, i: int) -> Iterator[Observacion]:
        """A list one item a line against the count on the line that opens it, or, when that line is a label
        ("Sedes dotadas:"), against the meta's quantity of the same noun (lo logrado, los beneficiarios)."""
        for lista in listas:
            n = len(lista.elementos)
            if lista.conteo is not None:
                if n != lista.conteo.valor:
                    yield Observacion(
                        tr("{etiqueta} anuncia «{cita}», pero la lista que sigue nombra {n}: «{elementos}»",
                           etiqueta=_etiqueta(campo), cita=lista.conteo.cita, n=n, elementos="; ".join(lista.elementos)),
                        campo, i, acortar(lista.cita, 240),
                    )
                continue
            rotulo = lista.rotulo
            q = next((q for q in cantidades if rotulo is not None and q.sustantivo.compatible(rotulo)), None)
            if q is not None and n != q.valor:
                yield Observacion(
                    tr("{etiqueta} enumera {n} en la lista «{cita}», pero «{campo}» registra {dicho}",
                       etiqueta=_etiqueta(campo), n=n, cita=lista.cita, campo=nombre_en_la_plantilla(q.campo), dicho=q.dicho),
                    campo, i, acortar(lista.cita, 240),
                )


_PERSONAS = [
    "personas", "ciudadanos", "funcionarios", "servidores", "personeros", "empresarios", "emprendedores", "productores",
    "agricultores", "caficultores", "artesanos", "comerciantes", "participantes", "asistentes", "estudiantes", "docentes",
    "líderes", "representantes", "contratistas", "trabajadores", "cesantes",
]  # not "beneficiarios": it may count firms or units
_GRUPOS = [
    "víctimas", "migrantes", "retornados", "mujeres", "hombres", "niños", "niñas", "adolescentes", "jóvenes", "discapacidad",
    "étnicas", "étnicos", "indígenas", "afrodescendientes", "raizales", "palenqueros", "LGBTIQ", "LGBTI", "desmovilizados",
    "reincorporados", "desplazados", "campesinos", "adultos", "mayores", "jefes", "cabeza",
]
_ORGANIZACIONES = [
    "empresas", "microempresas", "MIPYMES", "pymes", "micronegocios", "negocios", "unidades productivas",
    "unidades económicas", "unidades empresariales", "emprendimientos", "organizaciones", "asociaciones", "cooperativas",
    "fundaciones", "gremios", "clústeres", "hogares", "familias",
]
_ORGANIZACIONES_CLAVES = {clave(u.split()[0]) for u in _ORGANIZACIONES}
_MAGNITUDES = {clave(p) for p in ("horas", "días", "semanas", "meses", "años", "minutos", "ediciones", "versiones", "pares",
                                  "metros", "kilómetros", "hectáreas", "kilos", "toneladas", "veces")}


def _claves(palabras: list[str]) -> set[str]:
    return {clave(p) for p in palabras}


def _sustantivos(unidades: list[str]) -> list[Sustantivo]:
    return [s for s in (sustantivo_de(u) for u in unidades) if s is not None]


class ParametrosDesglose(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    unidades_personas: list[str] = Field(
        default_factory=lambda: list(_PERSONAS),
        description="Sustantivos que cuentan personas: una enumeración de ellos ('41 funcionarios públicos y 40 "
        "personeros') es un desglose de los beneficiarios.",
    )
    grupos_poblacionales: list[str] = Field(
        default_factory=lambda: list(_GRUPOS),
        description="Palabras de grupos poblacionales que se traslapan (una víctima puede ser mujer y migrante): un "
        "desglose que los nombra no tiene por qué sumar menos que el total, y no se revisa (BEN003 revisa los grupos).",
    )


def _es_grupo(c: Conteo, grupos: set[str]) -> bool:
    palabras = [c.sustantivo.nucleo] if c.sustantivo is not None else []
    palabras += [clave(p) for p in c.siguientes]
    palabras += [clave(p) for p in c.cita.split()[1:]]
    return any(p in grupos for p in palabras)


class DesgloseSuperaTotal(Regla):
    id = "CNT004"
    nombre = "desglose-en-prosa-supera-total"
    categoria = Categoria.COUNT_MISMATCH
    severidad = Severidad.ERROR
    mensaje = "Las partes de un desglose escrito en la prosa suman más que su total"
    Parametros = ParametrosDesglose
    doc = Documentacion(
        que_revisa="Desgloses escritos en la prosa: 'N <algo>, de los cuales A … y B …' (las partes no pueden sumar más "
        "que N), y enumeraciones de personas ('41 funcionarios públicos y 40 personeros') frente al total de "
        "beneficiarios cuando estos cuentan personas. Partes que suman menos que el total no se señalan (pueden "
        "faltar otras); tampoco los desgloses por grupos poblacionales que se traslapan (víctimas, mujeres, "
        "migrantes…), que revisa BEN003 sobre los grupos registrados.",
        por_que="Si las partes suman más que el todo, una de las cifras está mal y el total de beneficiarios que "
        "se reporta no es confiable.",
        ejemplo_falla="logro:\n  texto: 51 funcionarios públicos y 40 personeros fueron capacitados en 2 eventos.\n"
        "beneficiarios:\n  total: 81\n  unidad: personas\n",
        ejemplo_pasa="logro:\n  texto: 41 funcionarios públicos y 40 personeros fueron capacitados en 2 eventos.\n"
        "beneficiarios:\n  total: 81\n  unidad: personas\n",
        que_hacer="Corrija las partes del desglose o su total, para que las partes no sumen más que el total.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosDesglose = contexto.parametros
        personas, grupos = _claves(p.unidades_personas), _claves(p.grupos_poblacionales)
        for i, meta in enumerate(informe.metas):
            benef = cantidad_beneficiarios(meta)
            total_personas = benef if benef is not None and benef.sustantivo.nucleo in personas | grupos else None
            for campo, _ in PROSA:
                etiqueta = _etiqueta(campo)
                texto = _texto(meta, campo)
                if texto is None:
                    continue
                analisis = analizar(texto)
                for d in analisis.desgloses:
                    partes = self._partes(d.total, d.partes, personas, grupos)
                    if partes and sum(x.valor for x in partes) > d.total.valor:
                        suma = sum(x.valor for x in partes)
                        yield Observacion(
                            tr("{etiqueta} desglosa «{cita}» en {partes} = {suma}: las partes suman más que el total",
                               etiqueta=etiqueta, cita=d.total.cita, partes=" + ".join(escribir_numero(x.valor) for x in partes),
                               suma=escribir_numero(suma)),
                            campo, i, acortar(d.cita, 240),
                        )
                if total_personas is None or (campo == "beneficiarios.descripcion" and meta.beneficiarios.grupos):
                    continue
                for cadena in analisis.coordinados:
                    if not all(x.calificador == "exacto" and x.sustantivo is not None and x.sustantivo.nucleo in personas
                               and not _es_grupo(x, grupos) for x in cadena):
                        continue
                    if len({x.sustantivo.nucleo for x in cadena if x.sustantivo is not None}) > 1 and any(
                            x.sustantivo is not None and x.sustantivo.compatible(total_personas.sustantivo) for x in cadena):
                        continue  # '9.350 estudiantes y 610 docentes' beside 9.350 estudiantes served: two populations, not parts
                    suma = sum(x.valor for x in cadena)
                    if suma > total_personas.valor:
                        cita = " ".join(texto[cadena[0].inicio : cadena[-1].fin].split())
                        yield Observacion(
                            tr("{etiqueta} enumera «{cita}» = {suma}, más que el total de beneficiarios ({dicho}, en «{campo}»)",
                               etiqueta=etiqueta, cita=cita, suma=escribir_numero(suma), dicho=total_personas.dicho,
                               campo=nombre_en_la_plantilla(total_personas.campo)),
                            campo, i, cita,
                        )

    @staticmethod
    def _partes(total: Conteo, candidatas: tuple[Conteo, ...], personas: set[str], grupos: set[str]) -> list[Conteo]:
        """The counts after "de los cuales" that are parts of `total`; none when the breakdown cannot be trusted.

        A part opens the breakdown or follows a list connector ("…, 78 …", "… y 6 …"); other numbers
        of the sentence ("por 12 horas", "en 2024") are not parts.  A part that counts another kind of
        people or organizations ("…, y participaron 48 expositores") ends the breakdown.
        """
        if total.calificador not in ("exacto", "maximo") or total.sustantivo is None:
            return []
        partes: list[Conteo] = []
        for i, c in enumerate(candidatas):
            if i > 0 and c.anterior not in (",", "y", "e", ";", ":"):
                continue
            s = c.sustantivo
            if (s is not None and s.nucleo in _MAGNITUDES) or (s is None and c.valor == int(c.valor) and 1900 <= c.valor <= 2100):
                continue  # hours, days, years: not parts of a count
            if _es_grupo(c, grupos):
                return []  # overlapping population groups: not a partition
            otra_cosa = s is not None and s.nucleo in personas | _ORGANIZACIONES_CLAVES and not s.compatible(total.sustantivo)
            if otra_cosa and not (s is not None and s.nucleo in personas and total.sustantivo.nucleo in personas):
                break  # another kind of thing: the breakdown has ended
            if c.calificador not in ("exacto", "minimo"):
                return []
            partes.append(c)
        return partes


class ParticionNoSuma(Regla):
    id = "CNT007"
    nombre = "particion-no-suma-total"
    categoria = Categoria.COUNT_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "Las partes de un desglose que no se traslapan no suman su total"
    doc = Documentacion(
        que_revisa="Desgloses de un total en partes que no pueden traslaparse: por lugar ('120 familias: 70 de "
        "Sardinata y 50 de Tibú') o por calificativos complementarios ('90 hogares: 52 con jefatura femenina y 38 con "
        "jefatura masculina', hombres y mujeres, urbana y rural, nacionales e internacionales), introducidos por dos "
        "puntos o por 'de los cuales', en la prosa de las metas y en el resumen del informe. Sus partes deben sumar el total. Partes que pueden traslaparse (víctimas, "
        "mujeres, personas con discapacidad; '98 tienen jefatura femenina, 37 son víctimas …') no se suman: no tienen "
        "por qué dar el total.",
        por_que="Si un total se reparte entre municipios o entre hombres y mujeres y las partes no lo suman, una "
        "de las cifras está mal: el lector no sabe cuántos fueron ni dónde.",
        ejemplo_falla="beneficiarios:\n  descripcion: '120 familias: 70 de Sardinata y 40 de Tibú.'\n",
        ejemplo_pasa="beneficiarios:\n  descripcion: '120 familias: 70 de Sardinata y 50 de Tibú.'\n",
        que_hacer="Corrija las partes del desglose o el total, para que las partes sumen el total.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        for i, meta in enumerate(informe.metas):
            for campo in (*(c for c, _ in PROSA), "localizacion.texto"):
                yield from self._particiones(_texto(meta, campo), _etiqueta(campo), campo, i)
        for j, total in enumerate(informe.totales):  # the report's summary ("atendió a 6.450 personas: …")
            yield from self._particiones(total.texto, tr("El resumen del informe"), f"totales[{j}].texto", None)

    @staticmethod
    def _particiones(texto: str | None, etiqueta: str, campo: str, meta: int | None) -> Iterator[Observacion]:
        if texto is None or not texto.strip():
            return
        for p in analizar(texto).particiones:
            if p.suma == p.total.valor or (p.forma == "marcador" and p.suma > p.total.valor):
                continue  # adds up; or more than the whole after "de los cuales", which is CNT004's
            yield Observacion(
                tr("{etiqueta} reparte «{total}» en {partes} = {suma}, no {valor}",
                   etiqueta=etiqueta, total=p.total.cita, partes=" + ".join(escribir_numero(x.valor) for x in p.partes),
                   suma=escribir_numero(p.suma), valor=escribir_numero(p.total.valor)),
                campo, meta, acortar(p.cita, 240),
            )


class ParametrosReparto(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    tolerancia: float = Field(default=1.0, ge=0, le=100, description="Diferencia admitida con 100%, en puntos porcentuales (redondeo).")


class RepartoNoSuma100(Regla):
    id = "CNT005"
    nombre = "reparto-no-suma-100"
    categoria = Categoria.COUNT_MISMATCH
    severidad = Severidad.ERROR
    mensaje = "Los porcentajes de un reparto no suman 100%"
    Parametros = ParametrosReparto
    doc = Documentacion(
        que_revisa="Repartos que dicen cubrir el todo: uno de sus porcentajes es 'el restante' o 'el resto' ('El 76% … y "
        "el 24% restante'), o siguen a 'se distribuyeron así:'. Sus partes ('el 76%', ', 30%', 'y el 24%') deben sumar "
        "100%, con una tolerancia de redondeo. Porcentajes independientes ('el 41% de los ciudadanos …, el 24% de los "
        "emprendimientos …') y los de otra cosa en la misma frase ('un avance del 50%') no se suman.",
        por_que="Un reparto que no suma 100% deja recursos o personas sin explicar, o cuenta algo dos veces.",
        ejemplo_falla="impacto: El 70% de los créditos fue para unidades económicas y el 24% restante para emprendimientos.\n",
        ejemplo_pasa="impacto: El 76% de los créditos fue para unidades económicas y el 24% restante para emprendimientos.\n",
        que_hacer="Corrija los porcentajes del reparto para que sumen 100 %, o nombre la parte que falta.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosReparto = contexto.parametros
        for i, meta in enumerate(informe.metas):
            for campo in (*(c for c, _ in PROSA), "inversion.texto"):
                texto = _texto(meta, campo)
                if texto is None:
                    continue
                for r in analizar(texto).repartos:
                    if abs(r.suma - 100) > p.tolerancia:
                        partes = " + ".join(c for _, c in r.porcentajes)
                        yield Observacion(
                            tr("{etiqueta} reparte {partes} = {suma}%, no 100%",
                               etiqueta=_etiqueta(campo), partes=partes, suma=escribir_numero(r.suma)),
                            campo, i, acortar(r.cita, 240),
                        )


class ParametrosPersonasUnidades(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    unidades_personas: list[str] = Field(
        default_factory=lambda: [*_PERSONAS, "migrantes", "víctimas", "jóvenes", "mujeres"],
        description="Unidades de beneficiarios que cuentan personas ('beneficiarios' no está: puede contar empresas).",
    )
    unidades_organizaciones: list[str] = Field(
        default_factory=lambda: list(_ORGANIZACIONES),
        description="Unidades de lo logrado que agrupan personas: cada una tiene al menos una persona detrás.",
    )


class MenosPersonasQueUnidades(Regla):
    id = "CNT006"
    nombre = "menos-personas-que-unidades"
    categoria = Categoria.COUNT_MISMATCH
    severidad = Severidad.WARNING
    mensaje = "Hay menos personas beneficiarias que empresas u organizaciones atendidas"
    Parametros = ParametrosPersonasUnidades
    doc = Documentacion(
        que_revisa="Metas cuyo logro cuenta empresas, unidades productivas, emprendimientos u organizaciones y cuyos "
        "beneficiarios cuentan personas: las personas no pueden ser menos que las unidades atendidas, porque cada "
        "una tiene al menos una persona detrás. Más personas que unidades (422 personas de 252 unidades) es normal.",
        por_que="Cifras casi iguales con unidades distintas ('337 empresas' y '335 ciudadanos') suelen ser la misma "
        "cuenta mal copiada o con la unidad cambiada; el revisor debe pedir cuál es la cierta.",
        ejemplo_falla="logro: {cantidad: 337, unidad: empresas, texto: 337 empresas beneficiadas}\n"
        "beneficiarios: {total: 335, unidad: ciudadanos}\n",
        ejemplo_pasa="logro: {cantidad: 120, unidad: empresas, texto: 120 empresas beneficiadas}\n"
        "beneficiarios: {total: 120, unidad: empresarios}\n",
        que_hacer="Confirme cuántas personas y cuántas empresas u organizaciones se atendieron, y corrija la cifra o la"
                  " unidad mal copiada.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosPersonasUnidades = contexto.parametros
        personas = _sustantivos(p.unidades_personas)
        organizaciones = _sustantivos(p.unidades_organizaciones)
        for i, meta in enumerate(informe.metas):
            logro, benef = cantidad_lograda(meta), cantidad_beneficiarios(meta)
            if logro is None or benef is None or benef.valor >= logro.valor:
                continue
            if not any(logro.sustantivo.compatible(o) for o in organizaciones):
                continue
            if not any(benef.sustantivo.compatible(x) for x in personas):
                continue
            yield Observacion(
                tr("Los beneficiarios son {beneficiarios}, menos que lo logrado: {logrado}{cita}. Detrás de cada unidad atendida "
                   "hay al menos una persona: revise si una de las cifras o de las unidades está equivocada",
                   beneficiarios=benef.dicho, logrado=logro.dicho, cita=_con_cita(meta.logro.texto)),
                "beneficiarios.total", i, acortar(meta.beneficiarios.descripcion or benef.cita, 160),
            )
