"""The catalog of a run: the Python checks, the built-in YAML rules and any directories of the office's own."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from auditor.idioma import olvidar_agregadas, tr
from auditor.lectura import vocabulario
from auditor.lectura.incluidas import PLANTILLAS, directorio_reglas_incluidas
from auditor.lectura.vocabulario import ErrorVocabulario
from auditor.reglas.catalogo import Catalogo, ErrorReglas
from auditor.reglas.chequeos import CHEQUEOS
from auditor.reglas.declarativas import cargar_directorio_reglas

__all__ = ["construir_catalogo", "directorio_reglas_incluidas"]


def _perfiles_propios() -> None:
    """The offices' template profiles (``plantillas/``), read and validated now: a bad one stops the run
    before any report is read, as a bad rule file does. (Imported here: the importer is only loaded when
    an office brings profiles of its own, or a document is read.)"""
    from auditor.entrada.importar.matriz import cargar_perfil
    from auditor.entrada.importar.perfiles import ErrorPerfil, en_uso

    try:
        en_uso()
        cargar_perfil()
    except ErrorPerfil as error:
        raise ErrorReglas.de(error) from None


def construir_catalogo(directorios: Iterable[Path] = ()) -> Catalogo:
    """Python checks, the built-in YAML rules and any extra rule directories."""
    catalogo = Catalogo()
    olvidar_agregadas()  # the English of YAML rules is that of this catalog's rules, not of one built before
    for chequeo in CHEQUEOS:
        catalogo.agregar(chequeo(), f"{chequeo.__module__}.{chequeo.__name__}")
    incluidas = directorio_reglas_incluidas()
    if not incluidas.is_dir():
        raise ErrorReglas(str(incluidas), tr("no se encuentran las reglas incluidas; reinstale el paquete"))
    cargar_directorio_reglas(incluidas, catalogo)
    vistos = {incluidas.resolve()}
    propios = []
    for directorio in directorios:  # the same directory from the configuration and --rules is read once
        if Path(directorio).resolve() not in vistos:
            vistos.add(Path(directorio).resolve())
            cargar_directorio_reglas(Path(directorio), catalogo, propio=True)
            propios.append(Path(directorio))
    try:  # the readers' words: the built-in vocabularies and each office's vocabulario/ (the importer reads with them too)
        vocabulario.usar(propios)
    except ErrorVocabulario as error:
        raise ErrorReglas.de(error) from None
    if any((d / PLANTILLAS).is_dir() for d in propios):
        _perfiles_propios()
    catalogo.verificar()
    return catalogo
