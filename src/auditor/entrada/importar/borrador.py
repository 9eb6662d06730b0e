"""The report data an import builds, value by value, each with the line it came from."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from auditor.entrada.importar.segmentos import Segmento
from auditor.entrada.problemas import ProblemaEntrada
from auditor.lectura.fuente import MapaFuente, Ruta


@dataclass
class Texto:
    """A prose answer being gathered, paragraph by paragraph."""

    partes: list[tuple[str, int]] = field(default_factory=list)
    linea: int = 0

    def agregar(self, texto: str, linea: int) -> None:
        if not self.linea:
            self.linea = linea
        if texto:
            self.partes.append((texto, linea))

    @property
    def texto(self) -> str:
        return unir([t for t, _ in self.partes])

    def linea_de(self, fragmento: str) -> int:
        """The line of the paragraph that holds `fragmento` (a value read from the answer)."""
        buscado = " ".join(fragmento.split())
        for texto, linea in self.partes:
            if buscado and buscado in " ".join(texto.split()):
                return linea
        return self.partes[0][1] if self.partes else self.linea


_FIN_DE_FRASE = re.compile(r"[.:;!?)\"”»]\s*$")
_PALABRA_QUE_NO_CIERRA = re.compile(
    r"(?:,|(?<![\w/.])(?:de|del|la|las|los|el|y|e|o|u|a|al|en|con|para|por|que|su|sus|un|una|entre|sobre|como|desde|hasta))\s*$",
    re.IGNORECASE,
)


def continua(anterior: str, siguiente: str) -> bool:
    """A paragraph cut by a page break: the previous one does not end a sentence and either
    the next one starts in lower case ('... se han desarrollado' / 'también acciones ...') or
    the previous one ends on a word that cannot end one ('... por el Ministerio de' / 'Trabajo, ...')."""
    if not anterior or _FIN_DE_FRASE.search(anterior):
        return False
    return siguiente[:1].islower() or bool(_PALABRA_QUE_NO_CIERRA.search(anterior))


def unir(parrafos: list[str]) -> str:
    """Paragraphs of one answer: blank-line separated, except a sentence cut by a page break."""
    salida = ""
    for parrafo in parrafos:
        if not salida:
            salida = parrafo
        elif continua(salida, parrafo):
            salida += " " + parrafo
        else:
            salida += "\n\n" + parrafo
    return salida


class Borrador:
    """Report data under construction (plain values, as a YAML file would hold them) and the
    line of each value, so that findings point into the original document."""

    def __init__(self) -> None:
        self.datos: dict[str, Any] = {}
        self.mapa = MapaFuente()
        # a document's value and its key are on the same line: one map serves as both (a large report's map is not kept twice)
        self.mapa.lineas_clave = self.mapa.lineas
        self.problemas: list[ProblemaEntrada] = []
        self.ubicaciones: dict[int, str] = {}
        self.perfil: str | None = None  # the template profile the document was read with (its file)
        self.razon_perfil = ""  # what in the document showed that layout

    def numeros_de(self, nombradas: Sequence[int | str]) -> list[int]:
        """The numbers of the metas read so far that a claim names, by number or by their code in the plan's outline
        ('2.3.1'); none when a code names no meta of the report (the claim cannot be checked against what it names)."""
        por_codigo: dict[str, int] = {}
        for meta in self.datos.get("metas", []) or []:
            if isinstance(meta, dict) and isinstance(meta.get("codigo"), str) and isinstance(meta.get("numero"), int):
                por_codigo.setdefault(meta["codigo"], meta["numero"])
        numeros: list[int] = []
        for m in nombradas:
            if isinstance(m, str):
                if m not in por_codigo:
                    return []
                numeros.append(por_codigo[m])
            else:
                numeros.append(m)
        return numeros

    def poner(self, ruta: Ruta, valor: Any, linea: int) -> None:
        actual: Any = self.datos
        for i, parte in enumerate(ruta[:-1]):
            siguiente: Any = [] if isinstance(ruta[i + 1], int) else {}
            if isinstance(parte, int):
                while len(actual) <= parte:
                    actual.append(siguiente)
                    siguiente = [] if isinstance(ruta[i + 1], int) else {}
            elif parte not in actual:
                actual[parte] = siguiente
            actual = actual[parte]
            self._linea(ruta[: i + 1], linea)
        ultimo = ruta[-1]
        if isinstance(ultimo, int):
            while len(actual) <= ultimo:
                actual.append(None)
        actual[ultimo] = valor
        self._linea(ruta, linea)

    def poner_texto(self, ruta: Ruta, texto: Texto) -> None:
        """A prose answer, and the line of each of its paragraphs (a finding quoting the third
        paragraph points to the third paragraph's line)."""
        self.poner(ruta, texto.texto, texto.linea)
        if texto.partes:
            self.mapa.parrafos[tuple(ruta)] = list(texto.partes)

    def _linea(self, ruta: Ruta, linea: int) -> None:
        ruta = tuple(ruta)
        if ruta not in self.mapa.lineas or self.mapa.lineas[ruta] > linea:
            self.mapa.lineas[ruta] = linea  # and so in lineas_clave, the same map

    def anotar(self, segmentos: list[Segmento]) -> None:
        """Remember where each paragraph of a .docx is, for findings at its line."""
        for segmento in segmentos:
            if segmento.ubicacion:
                self.ubicaciones.setdefault(segmento.linea, segmento.ubicacion)

    def problema(self, regla: str, linea: int, mensaje: str, texto: str | None = None,
                 campo: str | None = None, meta: str | None = None) -> None:
        self.problemas.append(ProblemaEntrada(regla, linea, mensaje, campo, texto, meta))
