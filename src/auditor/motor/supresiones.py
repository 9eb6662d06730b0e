"""The suppression stage: after the rules, before the reporters.

A report's findings are split into those that stay and those that are suppressed, and
a suppressed finding is never lost: it keeps its reason and where the suppression came
from, is counted in every summary and listed on request (``check --show-suppressed``).

Three sources, applied in this order:

1. **inline** (``suprimir:`` in a meta or at report level of the data file): rule id,
   optional field (and, at report level, meta), and a mandatory reason.  A suppression
   without a reason does not suppress and is itself a finding (SUP001); one naming an
   unknown rule is SUP002; one that matched nothing although its rule ran is SUP003
   (like ruff's unused ``noqa``).  Findings of the SUP rules are not suppressed inline.
2. **configuration** (``por_ruta`` in auditor.yaml): a rule turned off for a path or
   glob (relative to the configuration file) suppresses its findings there; a severity
   given there replaces the rule's for those files.
3. **baseline** (``check --baseline FILE``): applied by the CLI over the whole result
   (auditor.motor.linea_base).

ENT001 (a file that cannot be read, a rule that failed) is never suppressed: it means
the audit did not happen, and that must never be hidden.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.entrada.carga import InformeCargado
from auditor.entrada.problemas import ENTRADA_ILEGIBLE
from auditor.idioma import tr
from auditor.lectura.fuente import Ruta
from auditor.modelo.informe import Supresion, SupresionInforme
from auditor.reglas.chequeos.supresiones import SUPRESION_REGLA_DESCONOCIDA, SUPRESION_SIN_MOTIVO, SUPRESION_SOBRANTE
from auditor.reglas.emparejamiento import SupresionDeCorrida
from auditor.resultado.hallazgo import CONFIGURACION, EN_LINEA, Hallazgo, Suprimido

if TYPE_CHECKING:
    from auditor.configuracion.configuracion import AjusteRuta
    from auditor.motor.auditor import Auditor

NO_SUPRIMIBLES = frozenset({ENTRADA_ILEGIBLE})


@dataclass(frozen=True)
class _Entrada:
    supresion: Supresion
    ruta: Ruta  # path of the entry in the data file
    meta: str | None  # the meta it is limited to (its number), None for the whole report
    campo_base: str  # "" or the prefix of the field paths it was written under

    def cubre(self, f: Hallazgo) -> bool:
        s = self.supresion
        if f.regla != s.regla or (self.meta is not None and f.meta != self.meta):
            return False
        if not s.campo:
            return True
        campo = f.campo or ""
        return campo == s.campo or campo.startswith((s.campo + ".", s.campo + "["))


class _Indice:
    """The valid suppressions by (rule, meta, field), so that each finding looks up only those that may cover it.

    An entry covers a finding of its rule, of its meta (or of any, without one), whose field is its field or lies
    below it ('inversion' covers 'inversion.ejecutada' and 'grupos[0]'), or of any field without one: the keys
    to look up for a finding are its rule, its meta or none, and its field, each prefix of it that ends before a
    '.' or a '[', or none.  Matching is then linear in findings plus suppressions (each finding's own field is
    read once), where comparing every finding with every suppression took minutes on a long report."""

    def __init__(self, entradas: list[_Entrada]) -> None:
        self._por_clave: dict[tuple[str, str | None, str], list[int]] = {}
        for i, e in enumerate(entradas):
            self._por_clave.setdefault((e.supresion.regla, e.meta, e.supresion.campo or ""), []).append(i)

    def cubren(self, f: Hallazgo) -> list[int]:
        """The positions (in the order given) of the entries that cover `f`: the same as `_Entrada.cubre` on each."""
        campo = f.campo or ""
        campos = {"", campo, *(campo[:k] for k, c in enumerate(campo) if c in ".[")}
        metas = (None,) if f.meta is None else (None, f.meta)
        por_clave = self._por_clave
        encontradas = [i for meta in metas for c in campos for i in por_clave.get((f.regla, meta, c), ())]
        return sorted(encontradas) if len(encontradas) > 1 else encontradas


def _entradas(cargado: InformeCargado) -> list[_Entrada]:
    informe = cargado.informe
    if informe is None:
        return []
    entradas = []
    for i, s in enumerate(informe.suprimir):
        meta = None if not isinstance(s, SupresionInforme) or s.meta is None else str(s.meta)
        entradas.append(_Entrada(s, ("suprimir", i), meta, ""))
    for k, meta_informe in enumerate(informe.metas):
        for i, de_meta in enumerate(meta_informe.suprimir):
            entradas.append(_Entrada(de_meta, (*cargado.ruta_meta(k), "suprimir", i), meta_informe.etiqueta, f"suprimir[{i}]"))
    return entradas


def aplicar(auditor: Auditor, cargado: InformeCargado, findings: list[Hallazgo]) -> tuple[list[Hallazgo], list[Suprimido]]:
    """Split one report's findings into (kept, suppressed), adding the findings about the suppressions themselves."""
    entradas = _entradas(cargado)
    if not entradas and not auditor.configuracion.por_ruta:
        return findings, []
    activas = {r.id for r in auditor.activas()}
    quedan, suprimidos = _en_linea(auditor, cargado, entradas, findings, activas)
    return _por_ruta(auditor, quedan, suprimidos)


def _en_linea(auditor: Auditor, cargado: InformeCargado, entradas: list[_Entrada], findings: list[Hallazgo],
              activas: set[str]) -> tuple[list[Hallazgo], list[Suprimido]]:
    catalogo = auditor.catalogo.reglas
    mapa = cargado.mapa
    validas = [e for e in entradas if (e.supresion.motivo or "").strip() and e.supresion.regla in catalogo]
    indice = _Indice(validas)
    usadas: set[int] = set()
    quedan: list[Hallazgo] = []
    suprimidos: list[Suprimido] = []
    for f in findings:
        cubren = indice.cubren(f)
        if not cubren or f.regla in NO_SUPRIMIBLES:
            quedan.append(f)
            continue
        usadas.update(cubren)
        primera = validas[cubren[0]]
        origen = f"{cargado.archivo}:{mapa.linea(primera.ruta)}"
        suprimidos.append(Suprimido(f, EN_LINEA, origen, " ".join((primera.supresion.motivo or "").split())))

    def hallazgo(regla_id: str, e: _Entrada, clave: str, mensaje: str) -> None:
        if regla_id not in activas:
            return
        regla = catalogo[regla_id]
        linea = mapa.linea((*e.ruta, clave)) if clave else mapa.linea(e.ruta)
        campo = e.campo_base or f"suprimir[{e.ruta[-1]}]"
        quedan.append(Hallazgo(
            regla=regla_id, categoria=regla.categoria, severidad=auditor.severidad(regla), mensaje=mensaje,
            archivo=cargado.archivo, linea=linea, meta=e.meta if e.campo_base else None, campo=campo + (f".{clave}" if clave else ""),
            texto=e.supresion.regla, ubicacion=cargado.ubicaciones.get(linea),
        ))

    for e in entradas:
        s = e.supresion
        if s.regla not in catalogo:
            pista = difflib.get_close_matches(s.regla.strip().upper(), list(catalogo), n=1)
            mensaje = (tr("la supresión nombra la regla desconocida '{regla}'; ¿quiso decir '{pista}'?", regla=s.regla, pista=pista[0])
                       if pista else tr("la supresión nombra la regla desconocida '{regla}' (vea 'auditor rules')", regla=s.regla))
            hallazgo(SUPRESION_REGLA_DESCONOCIDA, e, "regla", mensaje)
        if not (s.motivo or "").strip():
            hallazgo(SUPRESION_SIN_MOTIVO, e, "motivo", tr(
                "la supresión de {regla} no dice por qué se acepta el hallazgo: sin 'motivo' no suprime nada", regla=s.regla))
    for i, e in enumerate(validas):
        regla = catalogo[e.supresion.regla]
        if regla.de_la_corrida or (regla.requiere_plan and auditor.plan is None):
            continue  # judged by the run once every file is audited (motor.plan), or a check this run did not make
        if i not in usadas and e.supresion.regla in activas:
            hallazgo(SUPRESION_SOBRANTE, e, "", tr(
                "la supresión de {regla} no coincide con ningún hallazgo: sobra (¿ya se corrigió?)", regla=e.supresion.regla))
    return quedan, suprimidos


def de_la_corrida(auditor: Auditor, cargado: InformeCargado) -> tuple[SupresionDeCorrida, ...]:
    """The report's own valid suppressions of rules whose findings the run makes (PLN001), for the run to apply."""
    catalogo = auditor.catalogo.reglas
    mapa = cargado.mapa
    return tuple(
        SupresionDeCorrida(e.supresion.regla, e.meta, e.supresion.campo, " ".join((e.supresion.motivo or "").split()),
                           mapa.linea(e.ruta), e.campo_base or f"suprimir[{e.ruta[-1]}]", bool(e.campo_base))
        for e in _entradas(cargado)
        if (e.supresion.motivo or "").strip() and e.supresion.regla in catalogo and catalogo[e.supresion.regla].de_la_corrida)


def aplicar_por_ruta(auditor: Auditor, findings: list[Hallazgo]) -> tuple[list[Hallazgo], list[Suprimido]]:
    """Only the configuration's per-path suppressions: for the findings of the run (PLN001, PLN009), which no report's
    own `suprimir:` was there to see."""
    return _por_ruta(auditor, findings, [])


def _por_ruta(auditor: Auditor, findings: list[Hallazgo], suprimidos: list[Suprimido]) -> tuple[list[Hallazgo], list[Suprimido]]:
    configuracion = auditor.configuracion
    if not configuracion.por_ruta or configuracion.directorio is None:
        return findings, suprimidos
    quedan: list[Hallazgo] = []
    for f in findings:
        relativa = ruta_relativa(f.archivo, configuracion.directorio)
        aplicables = [(p, e) for p, e in configuracion.por_ruta.items() if relativa is not None and coincide(p, relativa)]
        apagada: tuple[str, str | None] | None = None
        severidad = None
        for patron, entrada in aplicables:
            crudo = entrada.reglas.get(f.regla)
            if crudo is None:
                continue
            ajuste: AjusteRuta | None = None if isinstance(crudo, bool) else crudo
            if (crudo is False or (ajuste is not None and not ajuste.activa)) and apagada is None:
                apagada = (patron, entrada.motivo)
            if ajuste is not None and ajuste.severidad is not None:
                severidad = ajuste.severidad
        if apagada is not None and f.regla not in NO_SUPRIMIBLES:
            patron, motivo = apagada
            linea = configuracion.mapa.linea_clave(("por_ruta", patron, "reglas", f.regla))
            origen = f"{_nombre_archivo(configuracion.archivo or '')}:{linea} ({patron})"
            texto = " ".join(motivo.split()) if motivo and motivo.strip() else tr("regla apagada para '{patron}'", patron=patron)
            suprimidos.append(Suprimido(f, CONFIGURACION, origen, texto))
        elif severidad is not None and severidad is not f.severidad:
            quedan.append(replace(f, severidad=severidad))
        else:
            quedan.append(f)
    return quedan, suprimidos


def _nombre_archivo(archivo: str) -> str:
    """A file as the reader names it: relative to the current directory when it is below it."""
    relativa = ruta_relativa(archivo, Path.cwd())
    return relativa if relativa is not None else archivo


def ruta_relativa(archivo: str, base: Path) -> str | None:
    """`archivo` relative to `base`, in POSIX form; None when it is not below `base`."""
    try:
        relativa = os.path.relpath(Path(archivo).resolve(), base.resolve())
    except ValueError:  # another drive (Windows)
        return None
    if relativa == ".." or relativa.startswith(".." + os.sep):
        return None
    return Path(relativa).as_posix()


@cache
def _regex(patron: str) -> re.Pattern[str]:
    """A glob as gitignore writes them: ``*`` within a directory, ``**`` across, ``?`` one character, ``[abc]``."""
    patron = patron.strip().removeprefix("./")
    if patron.endswith("/"):
        patron += "**"
    salida = []
    i = 0
    while i < len(patron):
        c = patron[i]
        if patron.startswith("**/", i):
            salida.append("(?:.*/)?")
            i += 3
            continue
        if patron.startswith("**", i):
            salida.append(".*")
            i += 2
            continue
        if c == "*":
            salida.append("[^/]*")
        elif c == "?":
            salida.append("[^/]")
        elif c == "[" and "]" in patron[i + 2:]:
            fin = patron.index("]", i + 2)
            clase = patron[i + 1:fin]
            salida.append("[" + ("^" + clase[1:] if clase.startswith("!") else clase).replace("\\", "\\\\") + "]")
            i = fin + 1
            continue
        else:
            salida.append(re.escape(c))
        i += 1
    return re.compile("".join(salida))


def coincide(patron: str, relativa: str) -> bool:
    """Whether a path (POSIX, relative to the configuration) is the glob or lies below a directory it names."""
    regex = _regex(patron)
    partes = relativa.split("/")
    return any(regex.fullmatch("/".join(partes[:n])) for n in range(len(partes), 0, -1))
