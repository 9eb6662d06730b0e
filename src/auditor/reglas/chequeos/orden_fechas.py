"""Dates in the wrong order within a meta: an end before its start, and a funded activity before the signing
of the agreement that funded it.  The milestones are read by `auditor.lectura.hitos`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from pydantic import Field

from auditor.idioma import tr
from auditor.lectura.fechas import Fecha, es_hecho, leer_fechas, unidades_de
from auditor.lectura.hitos import Hito, de_que_es, leer_hitos
from auditor.lectura.palabras import clave as clave_sustantivo
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
        que_revisa="Un lapso escrito al revés, cada extremo con su año ('Del 15 de julio de 2024 al 28 de febrero de 2024', "
        "'entre noviembre de 2024 y marzo de 2024'; sin año en el inicio, 'del 20 de diciembre al 5 de enero de 2025' cruza "
        "el año y no se señala), y un final (terminó, culminó, finalizó, se entregó, entrega, cierre) fechado entero antes del inicio "
        "(inició, comenzó, empezó, arrancó, acta de inicio) de lo mismo: en la misma frase, cuando los dos dicen de qué "
        "son y es lo mismo ('las obras iniciaron ... y se entregaron ...'), o uno lo calla; o en frases distintas de la "
        "meta cuando esta tiene un solo inicio y un solo final, del mismo sustantivo ('la obra inició ...', 'la obra "
        "terminó ...'). Cosas distintas ('se entregaron los kits ... iniciaron las obras') no se comparan.",
        por_que="Nada termina antes de empezar: una de las dos fechas está mal escrita, y quien lee no sabe cuál.",
        ejemplo_falla="ejecucion:\n  cuando: Los trabajos comenzaron el 4 de septiembre de 2025 y culminaron el 20 de julio "
        "de 2025.\n",
        ejemplo_pasa="ejecucion:\n  cuando: Los trabajos comenzaron el 4 de septiembre de 2025 y culminaron el 20 de "
        "noviembre de 2025.\n",
        que_hacer="Corrija la fecha de inicio o la de final, para que el trabajo termine después de empezar.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosFechas = contexto.parametros
        for i, meta in enumerate(informe.metas):
            al_reves = _lapso_al_reves(meta, p.campos)
            if al_reves is not None:
                t, f = al_reves
                yield Observacion(
                    tr("{etiqueta} da un lapso que termina antes de empezar: «{fecha}»; una de las dos fechas está mal escrita",
                       etiqueta=_mayuscula(etiqueta(t.campo)), fecha=f.texto),
                    t.campo, i, f.texto,
                )
                continue  # one per meta: the reviewer fixes the dates of that work
            hitos = _hitos(meta, p.campos)
            inicios = [h for h in hitos if h.hito.clase == "inicio"]
            fines = [h for h in hitos if h.hito.clase == "fin"]
            if not inicios or not fines:
                continue
            pares = _pares_por_frase(inicios, fines)
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


def _lapso_al_reves(meta: Meta, campos: list[str]) -> tuple[_Texto, Fecha] | None:
    """The first stretch of the meta written from its end back to its start, each end with its year."""
    for t in _textos(meta, campos):
        for f in leer_fechas(t.texto, t.leyenda):
            if f.al_reves:
                return t, f
    return None


def _pares_por_frase(inicios: list[_HitoEn], fines: list[_HitoEn]) -> list[tuple[_HitoEn, _HitoEn]]:
    """Per sentence, the pairs worth comparing, in linear time: for each thing named, its latest start and its
    earliest end; a start or an end that names nothing goes with the latest start or earliest end of any."""
    frases: dict[tuple[str, tuple[int, int]], tuple[list[_HitoEn], list[_HitoEn]]] = {}
    for h in inicios:
        frases.setdefault((h.campo, h.hito.frase), ([], []))[0].append(h)
    for h in fines:
        frases.setdefault((h.campo, h.hito.frase), ([], []))[1].append(h)
    pares: list[tuple[_HitoEn, _HitoEn]] = []
    for de_la_frase, hasta_la_frase in frases.values():
        if not de_la_frase or not hasta_la_frase:
            continue
        ultimo: dict[str | None, _HitoEn] = {}
        for h in de_la_frase:
            clave = h.hito.cosa
            if clave not in ultimo or _desde(h) > _desde(ultimo[clave]):
                ultimo[clave] = h
        primero: dict[str | None, _HitoEn] = {}
        for h in hasta_la_frase:
            clave = h.hito.cosa
            if clave not in primero or _hasta(h) < _hasta(primero[clave]):
                primero[clave] = h
        cualquier_inicio = max(ultimo.values(), key=_desde)
        cualquier_fin = min(primero.values(), key=_hasta)
        pares += [(ultimo[c], primero[c]) for c in ultimo if c is not None and c in primero]
        if None in ultimo:
            pares.append((ultimo[None], cualquier_fin))
        if None in primero:
            pares.append((cualquier_inicio, primero[None]))
    return pares


def _desde(h: _HitoEn) -> date:
    return h.hito.fecha.desde or date.min


def _hasta(h: _HitoEn) -> date:
    return h.hito.fecha.hasta or date.max


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
        que_hacer="Corrija la fecha de la actividad o la de la firma, o explique en la meta por qué el convenio "
                  "financió algo anterior.",
    )

    def revisar(self, informe: Informe, contexto: Contexto) -> Iterator[Observacion]:
        p: ParametrosConvenio = contexto.parametros
        for i, meta in enumerate(informe.metas):
            firmas = [h for h in _hitos(meta, p.campos) if h.hito.clase == "firma" and h.hito.financia]
            if not firmas:
                continue
            primera: dict[str, _HitoEn] = {}  # per thing funded, its earliest signing
            for firma in firmas:
                clave = clave_sustantivo(firma.hito.financia or "")
                if clave not in primera or _desde(firma) < _desde(primera[clave]):
                    primera[clave] = firma
            hallada = _actividad(primera, list(_textos(meta, p.campos)))
            if hallada is not None:
                firma, campo, texto, f, frase = hallada
                yield Observacion(
                    tr("{etiqueta} fecha «{que}» en {fecha}, antes de la firma del convenio o contrato que las financió "
                       "({firma}, en {donde}): verifique cuál de las dos fechas es la correcta",
                       etiqueta=_mayuscula(etiqueta(campo)), que=firma.hito.financia, fecha=_cita(f),
                       firma=_cita(firma.hito.fecha), donde=etiqueta(firma.campo)),
                    campo, i, _frase(texto, *frase),
                )


def _actividad(primera: dict[str, _HitoEn], textos: list[_Texto]) -> tuple[_HitoEn, str, str, Fecha, tuple[int, int]] | None:
    """The first dated sentence of the meta (not a signing's) whose date is of something an agreement funded
    and ends before that agreement's signing.  One pass over the dates, each sentence found by moving on."""
    firmas_frases = {(h.campo, h.hito.frase) for h in primera.values()}
    for t in textos:
        otras_firmas = {h.fecha.inicio for h in leer_hitos(t.texto, t.leyenda) if h.clase == "firma"}
        frases = unidades_de(t.texto, t.leyenda)
        k = 0
        for f in leer_fechas(t.texto, t.leyenda):
            while k + 1 < len(frases) and f.inicio >= frases[k][1]:
                k += 1
            if not es_hecho(f, t.leyenda) or f.inicio in otras_firmas or (t.campo, frases[k]) in firmas_frases:
                continue
            firma = primera.get(de_que_es(t.texto, f, frases[k]) or "")
            if firma is not None and _antes(f, firma.hito.fecha):
                return firma, t.campo, t.texto, f, frases[k]
    return None
