"""What the terminal gets: color or not, a progress bar on long runs, the quiet one-line form.

Color: ``--color``/``--no-color`` win; otherwise ``NO_COLOR`` (any non-empty value,
https://no-color.org) turns every ANSI escape off, even with ``FORCE_COLOR``; otherwise
rich decides (color in a terminal, none in a pipe or file).

Progress: only on stderr, only when stderr is a terminal, only for runs of at least
``MINIMO_PROGRESO`` files, never with ``--quiet``; it is transient (erased when done), so
stdout (json, sarif, ...) and logs never see it.
"""

from __future__ import annotations

import io
import os
import sys
from types import TracebackType
from typing import IO, TYPE_CHECKING

from auditor.idioma import tr
from auditor.lectura.visible import visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from auditor.resultado.ejecucion import Resultado

MINIMO_PROGRESO = 20


def sin_color(color: bool | None) -> bool:
    if color is not None:
        return not color
    return os.environ.get("NO_COLOR", "") != ""


def consola(color: bool | None = None, archivo: IO[str] | None = None) -> Console:
    """A rich console for the report: `color` True/False from the command line, None: NO_COLOR or the terminal.
    rich is imported here, not with the module: a check whose output is json, sarif or csv never loads it."""
    from rich.console import Console

    if sin_color(color):
        return Console(highlight=False, color_system=None, no_color=True, file=archivo)
    if color:
        return Console(highlight=False, force_terminal=True, file=archivo)
    return Console(highlight=False, file=archivo)


def escribir_breves(resultado: Resultado, salida: IO[str]) -> None:
    """``--quiet``: one line per finding (``file:line: severity RULE meta N · field: message``, the meta as the github
    format says it), nothing else, written as they go; the ``file:line:`` editors jump to stays first."""
    for f in resultado.hallazgos():
        meta = visible(tr("meta {numero}", numero=f.meta)) + (" · " if f.campo else ": ") if f.meta is not None else ""
        campo = f"{visible(f.campo)}: " if f.campo else ""
        plan = f" ({visible(f.plan.descripcion())})" if f.plan is not None else ""
        salida.write(f"{f.lugar}: {f.severidad.etiqueta} {f.regla} {meta}{campo}" + visible(" ".join(f.mensaje.split())) + plan + "\n")


def lineas_breves(resultado: Resultado) -> str:
    salida = io.StringIO()
    escribir_breves(resultado, salida)
    return salida.getvalue()


class Progreso:
    """The `al_avanzar` callback of `engine.auditar`: a transient bar on stderr when it is worth it."""

    def __init__(self, activo: bool, color: bool | None = None, minimo: int = MINIMO_PROGRESO,
                 archivo: IO[str] | None = None) -> None:
        self.activo = activo
        self.minimo = minimo
        self.color = color
        self.archivo = archivo if archivo is not None else sys.stderr
        self._barra: Progress | None = None
        self._tarea: TaskID | None = None

    @staticmethod
    def conviene(quiet: bool, archivo: IO[str] | None = None) -> bool:
        """Only for a person watching: stderr is a terminal and --quiet was not asked for."""
        destino = archivo if archivo is not None else sys.stderr
        return not quiet and destino.isatty()

    def __call__(self, archivo: str, hechos: int, total: int) -> None:
        if not self.activo or total < self.minimo:
            return
        if self._barra is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._barra = Progress(
                TextColumn(tr("Auditando informes")), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                TextColumn("{task.description}", style="dim"),
                console=consola(self.color, self.archivo), transient=True,
            )
            self._barra.start()
            self._tarea = self._barra.add_task("", total=total)
        assert self._tarea is not None
        self._barra.update(self._tarea, completed=hechos, description=archivo)

    def __enter__(self) -> Progreso:
        return self

    def __exit__(self, tipo: type[BaseException] | None, error: BaseException | None, traza: TracebackType | None) -> None:
        if self._barra is not None:
            self._barra.stop()
            self._barra = None
