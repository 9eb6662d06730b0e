"""Languages of the output: Spanish by default (the reports' language), English on request.

The Spanish text is the key, as in gettext: code writes the Spanish template and
``tr`` returns it formatted in the language of the run.  English templates live in
``auditor/idiomas/en/*.yaml`` (one file per part of the tool, each a mapping
``"plantilla en español": "English template"``), loaded once, only when English is used.

    tr("No se informa el monto ejecutado de '{campo}'", campo=ruta)

Placeholders are ``str.format`` fields; both templates must use the same names
(a test checks that every Spanish template in the code has an English entry with the
same fields, and that no English entry is stale).
"""

from __future__ import annotations

import contextvars
from functools import cache
from importlib import resources
from typing import Any

IDIOMAS = ("es", "en")
POR_DEFECTO = "es"

_actual: contextvars.ContextVar[str] = contextvars.ContextVar("auditor_idioma", default=POR_DEFECTO)
_agregadas: dict[str, dict[str, str]] = {}  # translations brought by user rule packs (``en:`` blocks)
_faltantes: set[str] | None = None  # templates looked up without a translation, when recording


class IdiomaDesconocido(ValueError):
    pass


def usar(idioma: str) -> None:
    """Set the language of every message produced from now on in this context."""
    if idioma not in IDIOMAS:
        raise IdiomaDesconocido(f"idioma desconocido '{idioma}' (disponibles: {', '.join(IDIOMAS)})")
    _actual.set(idioma)


def actual() -> str:
    return _actual.get()


@cache
def catalogo(idioma: str) -> dict[str, str]:
    """Every Spanish template with its translation into `idioma` (empty for Spanish)."""
    if idioma == POR_DEFECTO:
        return {}
    import yaml

    traducciones: dict[str, str] = {}
    carpeta = resources.files("auditor") / "idiomas" / idioma
    for archivo in sorted((a for a in carpeta.iterdir() if a.name.endswith(".yaml")), key=lambda a: a.name):
        datos = yaml.safe_load(archivo.read_text(encoding="utf-8")) or {}
        if not isinstance(datos, dict):
            raise ValueError(f"{archivo.name}: se esperaba un mapeo 'español: traducción'")
        for es, otro in datos.items():
            if es in traducciones and traducciones[es] != otro:
                raise ValueError(f"{archivo.name}: traducción repetida y distinta de {es!r}")
            traducciones[str(es)] = str(otro)
    return traducciones


def agregar(idioma: str, traducciones: dict[str, str]) -> None:
    """Translations that come with data rather than code: the ``en:`` block of a YAML rule."""
    if idioma not in IDIOMAS or idioma == POR_DEFECTO:
        raise IdiomaDesconocido(f"no se pueden agregar traducciones al idioma '{idioma}'")
    _agregadas.setdefault(idioma, {}).update(traducciones)


def olvidar_agregadas() -> None:
    """Drop the translations added by rule files (a new catalog is being built)."""
    _agregadas.clear()


def anotar_faltantes() -> None:
    """Start recording (afresh) every template looked up without a translation; see `faltantes`."""
    global _faltantes
    _faltantes = set()


def dejar_de_anotar() -> None:
    global _faltantes
    _faltantes = None


def faltantes() -> list[str]:
    """The templates looked up without a translation since `anotar_faltantes` (sorted)."""
    return sorted(_faltantes or ())


def plantilla(texto_es: str, idioma: str | None = None) -> str:
    """The template in `idioma` (default: the run's); the Spanish one when there is no translation."""
    idioma = idioma or actual()
    if idioma == POR_DEFECTO:
        return texto_es
    traducido = catalogo(idioma).get(texto_es)
    if traducido is None:
        traducido = _agregadas.get(idioma, {}).get(texto_es)
    if traducido is None:
        if _faltantes is not None:
            _faltantes.add(texto_es)
        return texto_es
    return traducido


def diferida(texto_es: str, /) -> str:
    """Mark a Spanish template that is translated later, where `tr` receives it through a variable.

    It returns `texto_es` unchanged; it is there so that the test that scans the code for
    templates finds this one too (as ``N_`` in gettext).
    """
    return texto_es


def tr(texto_es: str, /, **args: Any) -> str:
    """`texto_es` translated into the run's language and formatted with `args`."""
    texto = plantilla(texto_es)
    return texto.format(**args) if args else texto
