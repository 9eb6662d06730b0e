"""Where the results of a run wait for the reporters: in memory, or on disk for a large run.

A national run has hundreds of thousands of findings.  Held in memory until the reporters write
them, they would grow with the corpus.  `InformesEnDisco` (what ``auditor check`` uses) pickles each
file's `ResultadoInforme` to an anonymous temporary file as it arrives and keeps in memory only an
index: where each report lies, its file name and its counts (`Cuentas`: what the summary and the
exit status need).  Reporters that write as they go (JSON, CSV, GitHub, ``--quiet``) read the reports
back one at a time, so the peak memory of a run is that of its largest report, not of the corpus.

`InformesEnMemoria` is the same interface over a plain list, for runs made as a library and tests.
Both keep the reports in the order the engine sorts them (by file).
"""

from __future__ import annotations

import pickle
import tempfile
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, overload

if TYPE_CHECKING:
    from auditor.resultado.informe import Cuentas, ResultadoInforme


class InformesEnMemoria(list["ResultadoInforme"]):
    """The reports of a run as a list (what a library caller or a test builds)."""

    def cuentas(self) -> Iterator[Cuentas]:
        return (r.cuentas() for r in self)

    def archivos(self) -> Iterator[str]:
        return (r.archivo for r in self)

    def ordenar(self) -> None:
        self.sort(key=lambda r: r.archivo)

    def transformar(self, cambio: Callable[[ResultadoInforme], None]) -> None:
        """Apply `cambio` (which edits a report in place) to every report."""
        for r in self:
            cambio(r)


@dataclass(frozen=True)
class _Entrada:
    archivo: str
    inicio: int
    largo: int
    cuentas: Cuentas


class InformesEnDisco:
    """The reports of a run in a temporary file, read back one at a time; only their index is in memory."""

    def __init__(self) -> None:
        self._datos = self._abrir()
        self._indice: list[_Entrada] = []

    def _abrir(self) -> IO[bytes]:
        """An unnamed temporary file, closed (and so gone) when this store is."""
        datos = tempfile.TemporaryFile(prefix="auditor-")
        weakref.finalize(self, datos.close)
        return datos

    def append(self, informe: ResultadoInforme) -> None:
        crudo = pickle.dumps(informe, protocol=pickle.HIGHEST_PROTOCOL)
        inicio = self._datos.seek(0, 2)
        self._datos.write(crudo)
        self._indice.append(_Entrada(informe.archivo, inicio, len(crudo), informe.cuentas()))

    def _leer(self, entrada: _Entrada) -> ResultadoInforme:
        self._datos.seek(entrada.inicio)
        informe: ResultadoInforme = pickle.loads(self._datos.read(entrada.largo))
        return informe

    def __len__(self) -> int:
        return len(self._indice)

    def __iter__(self) -> Iterator[ResultadoInforme]:
        for entrada in self._indice:
            yield self._leer(entrada)

    @overload
    def __getitem__(self, posicion: int) -> ResultadoInforme: ...
    @overload
    def __getitem__(self, posicion: slice) -> list[ResultadoInforme]: ...
    def __getitem__(self, posicion: int | slice) -> ResultadoInforme | list[ResultadoInforme]:
        if isinstance(posicion, slice):
            return [self._leer(e) for e in self._indice[posicion]]
        return self._leer(self._indice[posicion])

    def cuentas(self) -> Iterator[Cuentas]:
        return (e.cuentas for e in self._indice)

    def archivos(self) -> Iterator[str]:
        return (e.archivo for e in self._indice)

    def ordenar(self) -> None:
        self._indice.sort(key=lambda e: e.archivo)

    def transformar(self, cambio: Callable[[ResultadoInforme], None]) -> None:
        """Apply `cambio` (which edits a report in place) to every report: each is rewritten to a new file."""
        anteriores, indice = self._datos, self._indice
        self._datos, self._indice = self._abrir(), []
        try:
            for entrada in indice:
                anteriores.seek(entrada.inicio)
                informe: ResultadoInforme = pickle.loads(anteriores.read(entrada.largo))
                cambio(informe)
                self.append(informe)
        finally:
            anteriores.close()
