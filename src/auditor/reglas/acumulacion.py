"""How each tipo de acumulación computes progress: the formula table of ``rules/acumulacion.yaml``.

Per tipo (flujo, capacidad, mantenimiento, reducción): how the period's programmed value is taken from the
plan's yearly programming (``suma`` of the period's years, or the ``ultimo`` year's), and the two percentages
as arithmetic over four symbols:

- ``R``: what was achieved (in the period for cumplimiento; so far for avance),
- ``P``: what the plan programs for the period,
- ``LB``: the línea base,
- ``M``: the four-year target (meta cuatrienio).

A formula is data, never executed: it is parsed on load into numbers, these symbols, + − × ÷ and parentheses
(anything else is an error naming the file and line), and evaluated by walking that tree.  Each formula has
its words (``palabras``) so that a finding says which one it used, in words and in symbols.  An office
replaces a tipo's entry with an ``acumulacion:`` entry of the same ``tipo`` in a file of its own rules
directory (``--rules DIR``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from auditor.idioma import agregar, tr
from auditor.modelo.plan import Acumulacion

SIMBOLOS = ("R", "P", "LB", "M")
_OPERADORES = (ast.Add, ast.Sub, ast.Mult, ast.Div)


def _arbol(texto: str) -> ast.expr:
    """The formula's tree; ValueError naming what is not allowed."""
    try:
        arbol = ast.parse(texto.replace("−", "-").replace("×", "*").replace("÷", "/"), mode="eval").body
    except SyntaxError:
        raise ValueError(tr("fórmula ilegible: '{formula}'", formula=texto)) from None
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Name):
            if nodo.id not in SIMBOLOS:
                raise ValueError(tr("símbolo desconocido '{simbolo}' en la fórmula (se espera uno de: {simbolos})",
                                    simbolo=nodo.id, simbolos=", ".join(SIMBOLOS)))
        elif isinstance(nodo, ast.Constant):
            if isinstance(nodo.value, bool) or not isinstance(nodo.value, (int, float)):
                raise ValueError(tr("la fórmula solo admite números, los símbolos {simbolos}, + - * / y paréntesis",
                                    simbolos=", ".join(SIMBOLOS)))
        elif not isinstance(nodo, (ast.BinOp, ast.UnaryOp, ast.USub, ast.UAdd, ast.Load, *_OPERADORES)):
            raise ValueError(tr("la fórmula solo admite números, los símbolos {simbolos}, + - * / y paréntesis",
                                simbolos=", ".join(SIMBOLOS)))
    return arbol


def _valor(nodo: ast.expr, valores: Mapping[str, float]) -> float:
    """Walk the tree; ZeroDivisionError when a denominator is 0 (the caller decides what that means)."""
    if isinstance(nodo, ast.Constant):
        assert isinstance(nodo.value, (int, float))  # `_arbol` let no other constant in
        return float(nodo.value)
    if isinstance(nodo, ast.Name):
        return valores[nodo.id]
    if isinstance(nodo, ast.UnaryOp):
        v = _valor(nodo.operand, valores)
        return -v if isinstance(nodo.op, ast.USub) else v
    assert isinstance(nodo, ast.BinOp)
    a, b = _valor(nodo.left, valores), _valor(nodo.right, valores)
    if isinstance(nodo.op, ast.Add):
        return a + b
    if isinstance(nodo.op, ast.Sub):
        return a - b
    if isinstance(nodo.op, ast.Mult):
        return a * b
    return a / b


@dataclass(frozen=True)
class Formula:
    """A percentage's formula: as written (symbols), in words, and parsed."""

    texto: str
    palabras: str
    arbol: ast.expr
    simbolos: frozenset[str]

    @classmethod
    def de(cls, texto: str, palabras: str) -> Formula:
        arbol = _arbol(texto)
        return cls(texto, palabras, arbol, frozenset(n.id for n in ast.walk(arbol) if isinstance(n, ast.Name)))

    def porcentaje(self, valores: Mapping[str, float]) -> float:
        """100 × the formula; KeyError when a symbol it uses has no value, ZeroDivisionError when a denominator is 0."""
        return 100 * _valor(self.arbol, valores)

    def numerador_nulo(self, valores: Mapping[str, float]) -> bool:
        """For a quotient: is its numerator 0 ('0 of 0' is no contradiction; 'something of 0' is)?"""
        if not isinstance(self.arbol, ast.BinOp) or not isinstance(self.arbol.op, ast.Div):
            return False
        try:
            return abs(_valor(self.arbol.left, valores)) < 1e-12
        except (KeyError, ZeroDivisionError):
            return False

    def con_valores(self, valores: Mapping[str, str]) -> str:
        """The formula with each symbol replaced by its value as written: '(R - LB) / (P - LB)' -> '(12 - 10) / (14 - 10)'."""
        return re.sub(r"\b(LB|R|P|M)\b", lambda m: valores.get(m.group(1), m.group(1)), self.texto)


class _Dato(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FormulaDatos(_Dato):
    formula: str
    palabras: str

    @field_validator("formula")
    @classmethod
    def _legible(cls, valor: str) -> str:
        _arbol(valor)
        return valor


class TraduccionAcumulacion(_Dato):
    """The entry's words in English (``en:``)."""

    nombre: str
    cumplimiento: str
    avance: str


class AcumulacionDatos(_Dato):
    """One entry of ``acumulacion:``: a tipo de acumulación and how its percentages are computed."""

    tipo: Acumulacion
    nombre: str
    programado_periodo: Literal["suma", "ultimo"]
    cumplimiento: FormulaDatos
    avance: FormulaDatos
    en: TraduccionAcumulacion | None = None

    @model_validator(mode="after")
    def _simbolos(self) -> AcumulacionDatos:
        for cual, formula, necesarios, permitidos in (
            ("cumplimiento", self.cumplimiento, {"R", "P"}, {"R", "P", "LB"}),
            ("avance", self.avance, {"R", "M"}, {"R", "M", "LB"}),
        ):
            usados = {n.id for n in ast.walk(_arbol(formula.formula)) if isinstance(n, ast.Name)}
            if not necesarios <= usados or not usados <= permitidos:
                raise ValueError(tr("la fórmula de {cual} debe usar {necesarios} y puede usar {permitidos}: '{formula}'",
                                    cual=cual, necesarios=" y ".join(sorted(necesarios)), permitidos=", ".join(sorted(permitidos)),
                                    formula=formula.formula))
        return self


@dataclass(frozen=True)
class ReglaAcumulacion:
    """A tipo de acumulación, compiled: its name, how the period's programmed value is taken, its formulas."""

    tipo: Acumulacion
    nombre: str
    programado_periodo: str  # "suma" or "ultimo"
    cumplimiento: Formula
    avance: Formula
    origen: str = ""

    @classmethod
    def de(cls, datos: AcumulacionDatos, origen: str = "") -> ReglaAcumulacion:
        if datos.en is not None:  # shown through idioma.tr, like the YAML rules' messages
            agregar("en", {datos.nombre: datos.en.nombre, datos.cumplimiento.palabras: datos.en.cumplimiento,
                           datos.avance.palabras: datos.en.avance})
        return cls(datos.tipo, datos.nombre, datos.programado_periodo,
                   Formula.de(datos.cumplimiento.formula, datos.cumplimiento.palabras),
                   Formula.de(datos.avance.formula, datos.avance.palabras), origen)

