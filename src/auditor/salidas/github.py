"""GitHub Actions output: one workflow command per finding, shown as an annotation on the file.

    ::error file=informes/x.yaml,line=31,title=INV001 monto-ejecutado-faltante::meta 80 · inversion.ejecutada: No se informa ...

error -> ``error``, warning -> ``warning``, info -> ``notice``. Escaping as GitHub's toolkit does
it: in the message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in a property (file, title)
also ``:`` and ``,`` become ``%3A`` and ``%2C``. The last line is a plain summary for the log.
"""

from __future__ import annotations

import io
from typing import TextIO

from auditor.idioma import tr
from auditor.lectura.recorte import acortar
from auditor.lectura.visible import visible
from auditor.reglas.observacion import Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo

COMANDO = {Severidad.ERROR: "error", Severidad.WARNING: "warning", Severidad.INFO: "notice"}


def escapar_dato(texto: str) -> str:
    return texto.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escapar_propiedad(texto: str) -> str:
    return escapar_dato(texto).replace(":", "%3A").replace(",", "%2C")


LIMITE_CITA = 200
SALTO = "\n"  # a line break of a message is data (%0A); every other control character is shown escaped


def linea(f: Hallazgo, nombre: str | None = None) -> str:
    """The workflow command of one finding; `nombre` (the rule's name) goes in the title beside the id."""
    partes = []
    if f.meta is not None:
        partes.append(tr("meta {numero}", numero=f.meta))
    if f.campo:
        partes.append(f.campo)
    if f.ubicacion:
        partes.append(f.ubicacion)
    mensaje = (" · ".join(partes) + ": " if partes else "") + f.mensaje
    if f.plan is not None:  # the second place
        mensaje += f" ({f.plan.descripcion()})"
    if f.texto:
        mensaje += f" «{acortar(f.texto, LIMITE_CITA)}»"
    titulo = visible(f.regla + (" " + nombre if nombre else ""))
    propiedades = f"file={escapar_propiedad(visible(f.archivo))},line={f.linea},title={escapar_propiedad(titulo)}"
    return f"::{COMANDO[f.severidad]} {propiedades}::{escapar_dato(visible(mensaje, conservar=SALTO))}"


def escribir(resultado: Resultado, salida: TextIO) -> None:
    """Write one command per finding as they go, then the summary line."""
    nombres = {rid: regla.nombre for rid, (regla, _) in resultado.reglas.items()}
    for f in resultado.hallazgos():
        salida.write(linea(f, nombres.get(f.regla)) + "\n")
    cuenta = resultado.por_severidad()
    salida.write(tr(
        "auditor: hallazgos: {total} (errores: {errores}, advertencias: {advertencias}, info: {info}); archivos auditados: {archivos}",
        total=resultado.total_hallazgos, errores=cuenta.get(Severidad.ERROR, 0), advertencias=cuenta.get(Severidad.WARNING, 0),
        info=cuenta.get(Severidad.INFO, 0), archivos=len(resultado.informes),
    ) + "\n")


def render(resultado: Resultado) -> str:
    salida = io.StringIO()
    escribir(resultado, salida)
    return salida.getvalue()
