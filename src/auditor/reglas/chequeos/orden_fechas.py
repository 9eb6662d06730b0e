"""Dates in the wrong order within a meta: an end before its start, and a funded activity before the signing
of the agreement that funded it.  The milestones are read by `auditor.lectura.hitos`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import Field

from auditor.idioma import tr
from auditor.lectura.fechas import Fecha, es_hecho, leer_fechas, unidades
from auditor.lectura.hitos import Hito, de_que_es, leer_hitos, raiz
from auditor.modelo.informe import Informe, Meta
from auditor.reglas.catalogo import Contexto, Documentacion, Regla
from auditor.reglas.chequeos.fechas import (
    CAMPOS_HECHOS,
    ParametrosFechas,
    _cita,
    _frase,
    _mayuscula,
    _Texto,
    _textos,
    etiqueta,
)
from auditor.reglas.observacion import Categoria, Observacion, Severidad


@dataclass(frozen=True)
class _HitoEn:
    campo: str
    texto: str
    hito: Hito


def _hitos(meta: Meta, campos: list[str]) -> list[_HitoEn]:
    return [_HitoEn(t.campo, t.texto, h) for t in _textos(meta, campos) for h in leer_hitos(t.texto, t.leyenda)]


def _cerrada(f: Fecha) -> bool:
    return f.abierta is None and f.desde is not None and f.hasta is not None


def _antes(a: Fecha, b: Fecha) -> bool:
    """a ends before b begins (both closed, with known years)."""
    return _cerrada(a) and _cerrada(b) and a.hasta is not None and b.desde is not None and a.hasta < b.desde


class FinAntesDelInicio(Regla):
    id = "FEC004"
    nombre = "fin-antes-del-inicio"
    categoria = Categoria.DATE_INCONSISTENCY
    severidad = Severidad.WARNING
    mensaje = "La meta fecha el final de un trabajo antes de su inicio"
    Parametros = ParametrosFechas
    doc = Documentacion(
        que_revisa="Un final (terminó, culminó, finalizó, se entregó, entrega, cierre) fechado entero antes del inicio "
        "(inició, comenzó, empezó, arrancó, acta de inicio) de lo mismo: en la misma frase, cuando los dos dicen de qué "
        "son y es lo mismo ('las obras iniciaron ... y se entregaron ...'), o uno lo calla; o en frases distintas de la "
        "meta cuando esta tiene un solo inicio y un solo final, del mismo sustantivo ('la obra inició ...', 'la obra "
        "terminó ...'). Cosas distintas ('se entregaron los kits ... iniciaron las obras') no se comparan.",
        por_que="Nada termina antes de empezar: una de las dos fechas está mal escrita, y quien lee no sabe cuál.",
        ejemplo_falla="ejecucion:\n  cuando: Los trabajos comenzaron el 4 de septiembre de 2025 y culminaron el 20 de julio "
        "de 2025.\n",
        ejemplo_pasa="ejecucion:\n  cuando: Los trabajos comenzaron el 4 de septiembre de 2025 y culminaron el 20 de "
        "noviembre de 2025.\n",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosFechas = contexto.parametros
        for i, meta in enumerate(informe.metas):
            hitos = _hitos(meta, p.campos)
            inicios = [h for h in hitos if h.hito.clase == "inicio"]
            fines = [h for h in hitos if h.hito.clase == "fin"]
            if not inicios or not fines:
                continue
            pares = [(a, b) for a in inicios for b in fines
                     if (a.campo, a.hito.frase) == (b.campo, b.hito.frase) and _misma_cosa(a.hito, b.hito)]
            if not pares and len(inicios) == len(fines) == 1:
                a, b = inicios[0], fines[0]
                if a.hito.cosa is not None and a.hito.cosa == b.hito.cosa:
                    pares = [(a, b)]
            for a, b in pares:
                if _antes(b.hito.fecha, a.hito.fecha):
                    if (a.campo, a.hito.frase) == (b.campo, b.hito.frase):
                        mensaje = tr("{etiqueta} fecha el final {fin} antes del inicio, {inicio}",
                                     etiqueta=_mayuscula(etiqueta(b.campo)), fin=_cita(b.hito.fecha), inicio=_cita(a.hito.fecha))
                    else:
                        mensaje = tr("{etiqueta} fecha el final {fin} antes del inicio que da {otro}, {inicio}",
                                     etiqueta=_mayuscula(etiqueta(b.campo)), fin=_cita(b.hito.fecha), otro=etiqueta(a.campo),
                                     inicio=_cita(a.hito.fecha))
                    yield Observacion(
                        mensaje,
                        b.campo, i, _frase(b.texto, *b.hito.frase),
                    )
                    break  # one per meta: the reviewer fixes the dates of that work


def _misma_cosa(a: Hito, b: Hito) -> bool:
    return a.cosa is None or b.cosa is None or a.cosa == b.cosa


class ParametrosConvenio(ParametrosFechas):
    campos: list[str] = Field(
        default_factory=lambda: [*CAMPOS_HECHOS, "inversion.texto"],
        description="Campos de la meta donde se leen el convenio que financió y las fechas de lo que financió.",
    )


_PALABRA = re.compile(r"[a-z]{4,}")


class ActividadAntesDelConvenio(Regla):
    id = "FEC005"
    nombre = "actividad-antes-del-convenio"
    categoria = Categoria.DATE_INCONSISTENCY
    severidad = Severidad.WARNING
    mensaje = "Una actividad fechada antes de la firma del convenio o contrato que la financió"
    Parametros = ParametrosConvenio
    doc = Documentacion(
        que_revisa="Un convenio, contrato o acuerdo fechado al firmarse ('suscrito el 15 de mayo de 2024', 'firmado', "
        "'celebrado') que según la meta financió algo ('con el cual se financiaron los talleres', 'Los talleres se "
        "financiaron con el contrato ...'), y otra frase de la meta que fecha eso mismo (el mismo sustantivo) como hecho "
        "terminado entero antes de la firma ('Los talleres se realizaron en marzo de 2024'). Sin una fecha cerrada y con "
        "año, o sin decir qué financió el convenio, no se señala. Puede haber explicación (un convenio que legaliza "
        "gastos previos, una vigencia futura): por eso pide verificar.",
        por_que="Un convenio no paga lo que se hizo antes de existir; o la fecha de la actividad o la de la firma "
        "está mal, o los recursos informados no son los que la financiaron.",
        ejemplo_falla="inversion:\n  texto: Se ejecutaron $ 80 millones mediante el convenio suscrito el 10 de junio de "
        "2025, con el cual se financiaron los talleres.\nejecucion:\n  como: Los talleres se realizaron en abril de 2025.\n",
        ejemplo_pasa="inversion:\n  texto: Se ejecutaron $ 80 millones mediante el convenio suscrito el 10 de junio de "
        "2025, con el cual se financiaron los talleres.\nejecucion:\n  como: Los talleres se realizaron en agosto de 2025.\n",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosConvenio = contexto.parametros
        for i, meta in enumerate(informe.metas):
            firmas = [h for h in _hitos(meta, p.campos) if h.hito.clase == "firma" and h.hito.financia]
            if not firmas:
                continue
            textos = list(_textos(meta, p.campos))
            for firma in firmas:
                hallada = self._actividad(firma, textos)
                if hallada is not None:
                    campo, texto, f, frase = hallada
                    yield Observacion(
                        tr("{etiqueta} fecha «{que}» en {fecha}, antes de la firma del convenio o contrato que las financió "
                           "({firma}, en {donde}): verifique cuál de las dos fechas es la correcta",
                           etiqueta=_mayuscula(etiqueta(campo)), que=firma.hito.financia, fecha=_cita(f),
                           firma=_cita(firma.hito.fecha), donde=etiqueta(firma.campo)),
                        campo, i, _frase(texto, *frase),
                    )

    @staticmethod
    def _actividad(firma: _HitoEn, textos: list[_Texto]) -> tuple[str, str, Fecha, tuple[int, int]] | None:
        """The first dated sentence of the meta (not the signing's) that names what the agreement funded and
        ends before the signing."""
        objeto = raiz(firma.hito.financia or "")
        desde = firma.hito.fecha
        for t in textos:
            otras_firmas = {h.fecha.inicio for h in leer_hitos(t.texto, t.leyenda) if h.clase == "firma"}
            fechas = [f for f in leer_fechas(t.texto, t.leyenda) if es_hecho(f, t.leyenda) and f.inicio not in otras_firmas]
            if not fechas:
                continue
            for a, b in unidades(t.texto, t.leyenda):
                if t.campo == firma.campo and (a, b) == firma.hito.frase:
                    continue
                for f in fechas:
                    if a <= f.inicio < b and _antes(f, desde) and de_que_es(t.texto, f, (a, b)) == objeto:
                        return t.campo, t.texto, f, (a, b)
        return None

