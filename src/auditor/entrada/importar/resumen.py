"""The introduction's claims that name their metas, as `totales` entries the totals rules can check.

`lectura.resumen` reads each clause ("Mediante las metas 1 y 2 se intervinieron 655 hectáreas",
"se programaron en total $ 2.685 millones para las metas que se describen a continuación"); here
each becomes an entry of `totales` with its `metas` (all the report's metas for "en total" and its
kin), so that TOT001-TOT004 compare it with the metas.  A summary claim already read by the
template reader (an investment sentence) gets the metas its sentence names.  Claims that name no
metas are left as they are: TOT005 says they cannot be verified.  Call it after the metas are read.
"""

from __future__ import annotations

from typing import Any

from auditor.entrada.importar.borrador import Borrador
from auditor.entrada.importar.segmentos import Segmento
from auditor.lectura.fuente import Ruta
from auditor.lectura.resumen import AfirmacionResumen, afirmaciones


def _numeros_de_metas(b: Borrador) -> list[int]:
    numeros: list[int] = []
    for meta in b.datos.get("metas", []) or []:
        n = meta.get("numero") if isinstance(meta, dict) else None
        if isinstance(n, int) and n not in numeros:
            numeros.append(n)
    return sorted(numeros)


def _mismo_texto(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _linea(s: Segmento, frase: str) -> int:
    k = s.texto.find(frase)
    return s.linea + (s.texto[:k].count("\n") if k > 0 else 0)


def leer_afirmaciones_de_metas(resumen: list[Segmento], b: Borrador) -> None:
    """Adds to `totales` the introduction's claims that say which metas they cover."""
    todas = _numeros_de_metas(b)
    eje = ""
    for s in resumen:
        if s.en_tabla:
            continue
        if s.negritas:
            eje = s.negritas[-1].strip(" .:")
        for a in afirmaciones(s.texto, en_componente=bool(s.negritas)):
            metas = todas if a.todas else b.numeros_de(a.metas)
            if not metas:
                continue
            linea = _linea(s, a.frase)
            existentes: list[Any] = b.datos.get("totales", []) or []
            previa = next((i for i, t in enumerate(existentes)
                           if isinstance(t, dict) and not t.get("metas") and _mismo_texto(str(t.get("texto") or ""), a.frase)), None)
            if previa is not None:
                b.poner(("totales", previa, "metas"), metas, linea)
                continue
            _nueva(b, len(existentes), a, eje if s.negritas else "", metas, linea)


def _nueva(b: Borrador, indice: int, a: AfirmacionResumen, eje: str, metas: list[int], linea: int) -> None:
    base: Ruta = ("totales", indice)
    b.poner(base + ("eje",), eje or "(sin eje)", linea)
    b.poner(base + ("texto",), a.frase, linea)
    if a.cantidad is not None:
        if a.cantidad.calificador:
            b.poner(base + ("beneficiarios", "calificador"), a.cantidad.calificador, linea)
        b.poner(base + ("beneficiarios", "cantidad"), a.cantidad.texto, linea)
        b.poner(base + ("beneficiarios", "unidad"), a.cantidad.unidad, linea)
    if a.monto is not None:
        clave = "inversion_programada" if a.programado else "inversion"
        if a.monto.calificador:
            b.poner(base + (clave, "calificador"), a.monto.calificador, linea)
        b.poner(base + (clave, "monto"), a.monto.texto, linea)
    b.poner(base + ("metas",), metas, linea)
