"""LOCALIZACIÓN: the municipalities where a meta intervened, against DANE's DIVIPOLA list.

Only LOCALIZACIÓN is checked ("¿Dónde se intervino?").  Other fields name places for other
reasons and are right to do so: the venue of a national fair (Colombia Moda in Medellín,
Corferias in Bogotá) in a photo caption or in "¿Cómo se hizo?", the countries of a trade
mission, the origin of buyers.  ``localizacion.municipios`` is read item by item; when a meta
does not list them, the places are read from ``localizacion.texto`` (see `lugares.menciones`
for what counts as a place there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache, reduce

from pydantic import BaseModel, ConfigDict, Field, field_validator

from auditor.idioma import tr
from auditor.lectura.lugares import Clase, Divipola, Lectura, Mencion, Municipio, compacta, divipola
from auditor.lectura.memoria import por_informe
from auditor.lectura.patrones import frase_alrededor, normalizar, normalizar_con_indices
from auditor.modelo.informe import Informe, Meta
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.observacion import Categoria, Observacion, Severidad


def _lista(nombres: list[str]) -> str:
    return nombres[0] if len(nombres) == 1 else tr("{lista} y {ultimo}", lista=", ".join(nombres[:-1]), ultimo=nombres[-1])


def _lecturas(d: Divipola, meta: Meta, departamento: str | None) -> Iterator[tuple[str, Lectura, bool]]:
    """(field, reading, from a list of municipalities) for each place of the meta's LOCALIZACIÓN."""
    if meta.localizacion.municipios:
        for i, nombre in enumerate(meta.localizacion.municipios):
            campo = f"localizacion.municipios[{i}]"
            lugares = d.lugares(nombre)
            if any(lugar.submunicipal for lugar in lugares):  # "Vereda La Laguna (Mutiscua)": only Mutiscua is a municipality
                for lugar in lugares:
                    if lugar.como_municipio or lugar.tipo is None:
                        yield campo, d.leer(lugar.nombre, departamento), True
            else:
                yield campo, d.leer(nombre, departamento), True
    elif meta.localizacion.texto:
        menciones = _menciones(meta.localizacion.texto, departamento) if d is divipola() else d.menciones(
            meta.localizacion.texto, departamento)
        for mencion in menciones:
            yield "localizacion.texto", mencion.lectura, mencion.en_lista


@lru_cache(maxsize=1024)
def _menciones(texto: str, departamento: str | None) -> tuple[Mencion, ...]:
    """The places of a LOCALIZACIÓN text, read once per report: LUG001, LUG002 and LUG003 each ask, and reading
    the places of a long text is most of their time (the reading is immutable; forgotten with the report's)."""
    return tuple(divipola().menciones(texto, departamento))


por_informe(_menciones)


class ParametrosMunicipioDesconocido(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    similitud_minima: float = Field(
        default=0.75, ge=0.5, le=1,
        description="Parecido mínimo (0 a 1, difflib) para sugerir un municipio real en lugar de un nombre que no está en "
        "DIVIPOLA. En el texto libre, un nombre desconocido solo se señala si hay una sugerencia.",
    )


class MunicipioDesconocido(Regla):
    id = "LUG001"
    nombre = "municipio-desconocido"
    categoria = Categoria.LOCATION
    severidad = Severidad.WARNING
    mensaje = "Un municipio de la localización no está en DIVIPOLA"
    Parametros = ParametrosMunicipioDesconocido
    doc = Documentacion(
        que_revisa="Cada municipio de la LOCALIZACIÓN contra la lista DIVIPOLA del DANE (incluida en auditor), sin "
        "importar tildes ni mayúsculas y aceptando los nombres de uso común ('Cúcuta' por 'San José de Cúcuta', "
        "'Salazar de las Palmas' por 'Salazar'). Si el nombre no existe, sugiere los municipios reales más parecidos, "
        "primero los del departamento del informe. Sin lista de municipios, revisa los nombrados en el texto después "
        "de 'municipio(s) de ...', y solo si se parecen a uno real.",
        por_que="Un municipio mal escrito no se puede ubicar en el mapa ni sumar por municipio, y a veces esconde "
        "otro: 'Cácuta' puede ser Cácota o Cúcuta. Un corregimiento o una vereda en lugar del municipio tampoco se "
        "puede consolidar.",
        ejemplo_falla="localizacion:\n  municipios: [Cúcuta, Pamplona, Mutiscua, Cácuta, Chitagá]\n",
        ejemplo_pasa="localizacion:\n  municipios: [San José de Cúcuta, Pamplona, Mutiscua, Cácota, Chitagá, Salazar de las Palmas]\n",
        que_hacer="Escriba el municipio como está en DIVIPOLA (la sugerencia da los más parecidos), y el municipio en "
                  "lugar de la vereda o el corregimiento.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosMunicipioDesconocido = contexto.parametros
        d = divipola()
        departamento = d.departamento(informe.departamento)
        for i, meta in enumerate(informe.metas):
            ya_nombrados: set[str] = set()
            lecturas = list(_lecturas(d, meta, departamento))
            for _, lectura, _ in lecturas:
                ya_nombrados.update(m.codigo for m in lectura.municipios if lectura.clase is Clase.MUNICIPIO)
            for campo, lectura, en_lista in lecturas:
                if lectura.clase is not Clase.DESCONOCIDO or not en_lista:
                    continue
                texto_libre = campo == "localizacion.texto"
                if lectura.municipios and lectura.departamento:  # "Tabio, Antioquia": the name exists, elsewhere
                    donde = _lista(sorted({m.departamento for m in lectura.municipios}))
                    yield Observacion(
                        tr("DIVIPOLA no tiene un municipio «{municipio}» en {departamento}: está en {donde}",
                           municipio=lectura.municipios[0].nombre, departamento=lectura.departamento, donde=donde),
                        campo, i, lectura.texto,
                    )
                    continue
                if texto_libre:
                    # in prose an unknown item among municipalities may be a corregimiento or a place abroad
                    # ("Cúcuta, Villa del Rosario y San Antonio del Táchira"): only a near-typo of one of the
                    # department's municipalities is reported
                    ediciones = 2 if len(compacta(lectura.texto)) >= 8 else 1
                    sugerencias = d.sugerir(lectura.texto, departamento, p.similitud_minima, solo_departamento=True, max_ediciones=ediciones)
                    if not sugerencias:
                        continue
                else:
                    sugerencias = d.sugerir(lectura.texto, departamento, p.similitud_minima)
                yield Observacion(self._mensaje(d, lectura.texto, sugerencias, departamento, ya_nombrados), campo, i, lectura.texto)

    @staticmethod
    def _mensaje(d: Divipola, nombre: str, sugerencias: list[Municipio], departamento: str | None, ya_nombrados: set[str]) -> str:
        if not sugerencias:
            return tr("«{nombre}» no es un municipio de DIVIPOLA ni se parece a ninguno: si es un corregimiento, una vereda o "
                      "un barrio, escriba el municipio al que pertenece", nombre=nombre)

        def nombre_de(m: Municipio) -> str:
            return d.nombre_usual(m) if m.departamento == departamento else f"{d.nombre_usual(m)} ({m.departamento})"

        opciones = reduce(lambda a, b: tr("{una} o {otra}", una=a, otra=b), (nombre_de(m) for m in sugerencias))
        mensaje = tr("«{nombre}» no es un municipio de DIVIPOLA; ¿quiso decir {opciones}?", nombre=nombre, opciones=opciones)
        repetidos = [nombre_de(m) for m in sugerencias if m.codigo in ya_nombrados]
        if repetidos and len(repetidos) < len(sugerencias):
            if len(repetidos) == 1:
                mensaje += tr(" ({nombres} ya está en la localización de esta meta)", nombres=_lista(repetidos))
            else:
                mensaje += tr(" ({nombres} ya están en la localización de esta meta)", nombres=_lista(repetidos))
        return mensaje


class ParametrosFueraDelDepartamento(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    aceptados: list[str] = Field(
        default_factory=list,
        description="Municipios de otros departamentos que la oficina acepta en la localización (p. ej. 'Tabio, "
        "Cundinamarca'); nombres de DIVIPOLA.",
    )

    @field_validator("aceptados")
    @classmethod
    def _existen(cls, nombres: list[str]) -> list[str]:
        d = divipola()
        desconocidos = [n for n in nombres if not d.leer(n, None).municipios]
        if desconocidos:
            raise ValueError(tr("no son municipios de DIVIPOLA: {nombres}", nombres=", ".join(desconocidos)))
        return nombres


class MunicipioFueraDelDepartamento(Regla):
    id = "LUG002"
    nombre = "municipio-fuera-del-departamento"
    categoria = Categoria.LOCATION
    severidad = Severidad.WARNING
    mensaje = "La localización nombra un municipio de otro departamento"
    Parametros = ParametrosFueraDelDepartamento
    doc = Documentacion(
        que_revisa="Que los municipios de la LOCALIZACIÓN (¿Dónde se intervino?) sean del departamento del informe "
        "('departamento'), según DIVIPOLA. Solo la localización: la sede de una feria nacional en un pie de foto o en "
        "'¿Cómo se hizo?' (Medellín, Bogotá) no es un lugar de intervención. Un municipio que existe en el "
        "departamento del informe y en otros ('Santiago', 'Toledo') se toma como el del departamento, salvo que el "
        "texto diga otro ('Santiago, Putumayo').",
        por_que="El informe de un departamento da cuenta de lo que invirtió en su territorio; un municipio de otro "
        "departamento es un error de transcripción o una inversión que hay que explicar (y que no debe sumarse a los "
        "municipios del departamento).",
        ejemplo_falla="departamento: Norte de Santander\n...\n    localizacion:\n      municipios: [Tabio]\n"
        "      texto: Esta vinculación se dará en el municipio de Tabio, Cundinamarca.\n",
        ejemplo_pasa="departamento: Norte de Santander\n...\n    localizacion:\n      municipios: [San José de Cúcuta]\n"
        "      texto: La feria se realizó en el municipio de San José de Cúcuta.\n",
        que_hacer="Corrija el municipio, o quítelo de la localización si la intervención no fue en el departamento del informe.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosFueraDelDepartamento = contexto.parametros
        d = divipola()
        departamento = d.departamento(informe.departamento)
        if departamento is None:
            return  # the report's department is not in DIVIPOLA: nothing to compare with
        aceptados = {m.codigo for n in p.aceptados for m in d.leer(n, None).municipios}
        for i, meta in enumerate(informe.metas):
            vistos: set[tuple[str, ...]] = set()
            for campo, lectura, _ in _lecturas(d, meta, departamento):
                if lectura.clase is Clase.FUERA:
                    codigos = tuple(sorted(m.codigo for m in lectura.municipios))
                    if codigos in vistos or set(codigos) <= aceptados:
                        continue
                    vistos.add(codigos)
                    yield Observacion(self._mensaje(lectura, departamento, meta, campo), campo, i, lectura.texto)
                elif lectura.clase is Clase.DEPARTAMENTO and lectura.departamento != departamento and campo != "localizacion.texto":
                    yield Observacion(
                        tr("«{texto}» es el departamento de {otro}, no un municipio de {departamento} (el departamento del informe)",
                           texto=lectura.texto, otro=lectura.departamento, departamento=departamento),
                        campo, i, lectura.texto,
                    )

    @staticmethod
    def _mensaje(lectura: Lectura, departamento: str, meta: Meta, campo: str) -> str:
        municipios = lectura.municipios
        if len(municipios) == 1:
            m = municipios[0]
            mensaje = tr("«{texto}» es un municipio de {otro} (DANE {codigo}), no de {departamento}, el departamento del informe",
                         texto=lectura.texto, otro=m.departamento, codigo=m.codigo, departamento=departamento)
        else:
            mensaje = tr("«{texto}» no es un municipio de {departamento}, el departamento del informe: DIVIPOLA lo tiene en {otros}",
                         texto=lectura.texto, departamento=departamento, otros=_lista(sorted({m.departamento for m in municipios})))
        if campo != "localizacion.texto" and meta.localizacion.texto:
            cita = _frase_con(meta.localizacion.texto, lectura.texto)
            if cita:
                mensaje += tr("; la localización dice «{cita}»", cita=cita)
        return mensaje


def _frase_con(texto: str, nombre: str) -> str | None:
    """The sentence of `texto` that names `nombre` (accents and case ignored)."""
    normal, indices = normalizar_con_indices(texto)
    m = re.search(rf"\b{re.escape(normalizar(nombre))}\b", normal)
    if m is None or m.end() == m.start():
        return None
    return frase_alrededor(texto, indices[m.start()], indices[m.end() - 1] + 1)


# Capitalized words that name an institution or the report's own parts, not a place ('priorizados por la
# Secretaría', 'según el Plan'): their presence does not make the location name a place.
_NO_SON_LUGARES = frozenset({
    "secretaria", "gobernacion", "alcaldia", "departamento", "plan", "ministerio", "direccion", "oficina", "ese",
    "hospital", "instituto", "agencia", "unidad", "comite", "consejo", "asamblea", "concejo", "programa",
    "proyecto",
})


class LocalizacionSinLugar(Regla):
    id = "LUG003"
    nombre = "localizacion-sin-lugar"
    categoria = Categoria.LOCATION
    severidad = Severidad.WARNING
    mensaje = "La localización habla de lugares sin nombrar ninguno"
    conjuntos = ("lugar_sin_nombre", "plantilla")
    doc = Documentacion(
        que_revisa="«¿Dónde se intervino?» respondido con una clase de lugar que no dice cuál ('en los municipios "
        "priorizados por la Secretaría', 'en diferentes veredas', 'en las zonas focalizadas'; conjunto de patrones "
        "'lugar_sin_nombre', ampliable por la oficina) y ningún lugar con nombre: ni un municipio de DIVIPOLA, ni el "
        "departamento, ni una vereda, corregimiento o barrio, ni otro nombre propio ('del Catatumbo'). Si la meta trae "
        "la lista de municipios, o el texto nombra alguno, no se señala: 'Cúcuta y los municipios priorizados' nombra "
        "uno. 'En los 40 municipios del departamento' o 'en todo el departamento' dicen dónde. La instrucción de la "
        "plantilla ('Indicar municipios-subregiones ...') es de PLH001, no de esta regla.",
        por_que="Una localización que no nombra lugares está, en la práctica, vacía: no se puede ubicar la inversión en "
        "el mapa, sumarla por municipio ni verificar que quedó en el departamento.",
        ejemplo_falla="localizacion:\n  texto: Las jornadas se realizaron en los municipios priorizados por la Secretaría.\n",
        ejemplo_pasa="localizacion:\n  texto: Las jornadas se realizaron en Ocaña, Tibú y Sardinata, los municipios "
        "priorizados por la Secretaría.\n",
        que_hacer="Nombre los municipios (o las veredas, corregimientos o barrios) donde se intervino.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        sin_nombre, plantilla = contexto.conjunto("lugar_sin_nombre"), contexto.conjunto("plantilla")
        d = divipola()
        departamento = d.departamento(informe.departamento)
        for i, meta in enumerate(informe.metas):
            texto = meta.localizacion.texto
            if meta.localizacion.municipios or not texto or not texto.strip():
                continue
            vaga = sin_nombre.buscar(texto)
            if vaga is None or plantilla.contiene(texto) or _nombra_un_lugar(d, texto, departamento):
                continue
            yield Observacion(
                tr("«¿Dónde se intervino?» no nombra ningún lugar: dice «{cita}» sin decir cuáles; nombre los municipios "
                   "(y las veredas o corregimientos) donde se intervino", cita=texto[vaga.inicio:vaga.fin]),
                "localizacion.texto", i, frase_alrededor(texto, vaga.inicio, vaga.fin),
            )


def _nombra_un_lugar(d: Divipola, texto: str, departamento: str | None) -> bool:
    """Whether the text names some place: a municipality or department, a place of a known kind, or another
    proper name that is not an institution (the reading stays silent when it cannot tell)."""
    if any(True for _ in d.menciones(texto, departamento)):
        return True
    for lugar in d.lugares(texto):
        if lugar.tipo is not None:
            return True
        palabras = normalizar(lugar.nombre).split()
        if palabras and palabras[0] not in _NO_SON_LUGARES:
            if lugar.inicio == 0 or texto[:lugar.inicio].rstrip().endswith((".", "!", "?")):
                continue  # a capital that opens a sentence
            return True
    return False
