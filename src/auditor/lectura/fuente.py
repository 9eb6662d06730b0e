"""Reading a small data file (a report, a rule file, a vocabulary) into plain values while keeping where each value stands.

PyYAML's safe loaders silently keep the last of two equal keys and forget positions.  We
compose the node graph (with libyaml when present), build plain Python values ourselves
and record the 1-based line of every value, so that a finding can point to it.  Only
the standard YAML tags are accepted: nothing from the input is ever turned into code.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from auditor.idioma import tr

try:  # libyaml: same nodes, parsed in C
    from yaml import CSafeLoader as _Loader
    _CON_LIBYAML = True
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
    _CON_LIBYAML = False

Ruta = tuple[str | int, ...]

_ETIQUETAS_ESCALARES = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_PROFUNDIDAD_MAXIMA = 64
_NODOS_MAXIMOS = 200_000  # values after expanding aliases; a large report has a few thousand


@dataclass(frozen=True)
class ProblemaFuente:
    """A problem found while reading the file (not a rule's finding)."""

    linea: int
    mensaje: str
    ruta: Ruta = ()


@dataclass
class MapaFuente:
    """Where each value of a document stands: path -> 1-based line."""

    lineas: dict[Ruta, int] = field(default_factory=dict)
    lineas_clave: dict[Ruta, int] = field(default_factory=dict)
    # an imported answer spread over several paragraphs: each paragraph with its own line
    parrafos: dict[Ruta, list[tuple[str, int]]] = field(default_factory=dict)

    def linea_de_cita(self, ruta: Ruta, cita: str) -> int:
        """The line of the paragraph of `ruta` that holds the quoted text (for an answer that
        spans pages); the line of the value otherwise."""
        from auditor.lectura.patrones import normalizar

        buscada = normalizar(cita)[:60]
        for texto, linea in self.parrafos.get(tuple(ruta), ()):
            if buscada and buscada in normalizar(texto):
                return linea
        return self.linea(ruta)

    def linea(self, ruta: Ruta) -> int:
        """The line of the value at `ruta`; for an absent field, the line of the key of its closest
        ancestor that exists (``inversion:`` when ``inversion.ejecutada`` is missing)."""
        ruta = tuple(ruta)
        if ruta in self.lineas:
            return self.lineas[ruta]
        while ruta:
            ruta = ruta[:-1]
            if ruta in self.lineas:
                return self.lineas_clave.get(ruta) or self.lineas[ruta]
        return self.lineas.get((), 1)

    def linea_clave(self, ruta: Ruta) -> int:
        """The line of the key that names `ruta` (for unknown or duplicated keys)."""
        return self.lineas_clave.get(tuple(ruta)) or self.linea(ruta)


class ErrorFuente(Exception):
    """The document cannot be read at all."""

    def __init__(self, linea: int, mensaje: str) -> None:
        super().__init__(mensaje)
        self.linea = linea
        self.mensaje = mensaje


@dataclass
class Documento:
    datos: Any
    mapa: MapaFuente
    problemas: list[ProblemaFuente]


class _Constructor:
    def __init__(self) -> None:
        self.mapa = MapaFuente()
        self.problemas: list[ProblemaFuente] = []
        self._escalares = yaml.SafeLoader("")  # only its scalar constructors are used
        self._nodos = 0

    def construir(self, nodo: yaml.Node, ruta: Ruta, profundidad: int = 0) -> Any:
        self._nodos += 1
        if self._nodos > _NODOS_MAXIMOS:
            raise ErrorFuente(_linea(nodo), tr("el documento se expande a demasiados valores (¿alias anidados?)"))
        if profundidad > _PROFUNDIDAD_MAXIMA:
            raise ErrorFuente(_linea(nodo), tr("anidamiento de más de {n} niveles", n=_PROFUNDIDAD_MAXIMA))
        self.mapa.lineas[ruta] = _linea(nodo)
        if isinstance(nodo, yaml.MappingNode):
            if nodo.tag != "tag:yaml.org,2002:map":
                raise ErrorFuente(_linea(nodo), tr("etiqueta YAML no permitida: {etiqueta}", etiqueta=nodo.tag))
            resultado: dict[str, Any] = {}
            vistas: dict[str, int] = {}
            for nodo_clave, nodo_valor in nodo.value:
                if not isinstance(nodo_clave, yaml.ScalarNode):
                    raise ErrorFuente(_linea(nodo_clave), tr("una clave debe ser un texto simple"))
                clave = str(self._escalar(nodo_clave))
                linea_clave = _linea(nodo_clave)
                if clave in vistas:
                    self.problemas.append(
                        ProblemaFuente(
                            linea_clave,
                            tr("clave '{clave}' repetida (ya aparece en la línea {linea}); se usa el último valor y el "
                               "anterior se perdería", clave=clave, linea=vistas[clave]),
                            ruta=ruta + (clave,),
                        )
                    )
                vistas[clave] = linea_clave
                self.mapa.lineas_clave[ruta + (clave,)] = linea_clave
                resultado[clave] = self.construir(nodo_valor, ruta + (clave,), profundidad + 1)
            return resultado
        if isinstance(nodo, yaml.SequenceNode):
            if nodo.tag != "tag:yaml.org,2002:seq":
                raise ErrorFuente(_linea(nodo), tr("etiqueta YAML no permitida: {etiqueta}", etiqueta=nodo.tag))
            return [self.construir(hijo, ruta + (i,), profundidad + 1) for i, hijo in enumerate(nodo.value)]
        return self._escalar(nodo)

    def _escalar(self, nodo: yaml.Node) -> Any:
        if nodo.tag == "tag:yaml.org,2002:str" and isinstance(nodo, yaml.ScalarNode):
            return nodo.value  # what PyYAML's construct_yaml_str returns, without its bookkeeping (most values are texts)
        if nodo.tag not in _ETIQUETAS_ESCALARES:
            raise ErrorFuente(_linea(nodo), tr("etiqueta YAML no permitida: {etiqueta}", etiqueta=nodo.tag))
        try:
            return self._escalares.construct_object(nodo, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as error:
            raise ErrorFuente(_linea(nodo), tr("valor no válido: {error}", error=error)) from None


def _linea(nodo: yaml.Node) -> int:
    return int(nodo.start_mark.line) + 1


def _motivos_so() -> dict[int, str]:
    permiso = tr("no hay permiso para leerlo")
    return {
        errno.ENOENT: tr("no existe"), errno.EACCES: permiso, errno.EPERM: permiso,
        errno.EISDIR: tr("es un directorio, no un archivo"), errno.ENOTDIR: tr("una parte de la ruta no es un directorio"),
        errno.ELOOP: tr("la ruta da vueltas (enlaces simbólicos en ciclo)"), errno.ENOSPC: tr("no queda espacio en el disco"),
        errno.EROFS: tr("el disco es de solo lectura"), errno.ENAMETOOLONG: tr("el nombre es demasiado largo"),
    }


def motivo_so(error: OSError) -> str:
    """Why the system refused a file, in the language of the run (the system's own text is in English)."""
    return _motivos_so().get(error.errno or -1) or (error.strerror or str(error))


_SALTO = re.compile(rb"\n")


_BOMS_NO_UTF8 = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _rechazar_no_texto(contenido: bytes) -> None:
    """A UTF-16/32 export or a binary file (a NUL byte) is refused by name, not as a stray byte."""
    for marca, codificacion in _BOMS_NO_UTF8:
        if contenido.startswith(marca):
            raise ErrorFuente(1, tr("el archivo está en {codificacion}, no en UTF-8: guárdelo como UTF-8", codificacion=codificacion))
    nulo = contenido.find(b"\x00")  # anywhere (the whole file is read already): its line is the real one
    if nulo >= 0:
        linea = contenido.count(b"\n", 0, nulo) + 1
        raise ErrorFuente(linea, tr("el archivo es binario (tiene un byte nulo), no un texto: no es un informe"))


_CODECS = {"Windows-1252": "cp1252", "Latin-1 (ISO-8859-1)": "latin-1"}


def _codificacion_probable(contenido: bytes) -> str:
    """Windows-1252 when the bytes use its printable 0x80-0x9F range (curly quotes, dashes), else Latin-1.
    Only named in the message: the file is refused, never decoded by guess."""
    if any(0x80 <= b <= 0x9F for b in contenido):
        try:
            contenido.decode("cp1252")
            return "Windows-1252"
        except UnicodeDecodeError:
            pass
    return "Latin-1 (ISO-8859-1)"


_SUSTITUTO_CODIFICADO = re.compile(rb"\xed[\xa0-\xbf][\x80-\xbf]")


def decodificar(contenido: bytes) -> str:
    """UTF-8 text (a BOM is accepted) in NFC form, so that a decomposed accent (e + U+0301)
    reads like the composed one; raise ErrorFuente naming the line of a bad byte."""
    _rechazar_no_texto(contenido)
    if contenido.startswith(b"\xef\xbb\xbf"):
        contenido = contenido[3:]
    try:
        texto = contenido.decode("utf-8")
    except UnicodeDecodeError as error:
        linea = contenido.count(b"\n", 0, error.start) + 1
        sustituto = _SUSTITUTO_CODIFICADO.match(contenido, error.start)
        if sustituto is not None:  # a lone surrogate encoded as if it were a character (CESU-8, WTF-8)
            raise ErrorFuente(linea, tr(
                "los bytes {bytes} codifican un sustituto suelto (U+{codigo:04X}), que no es un carácter y UTF-8 no admite "
                "(un texto UTF-16 mal convertido); guárdelo como UTF-8", bytes=" ".join(f"0x{b:02x}" for b in sustituto.group()),
                codigo=ord(sustituto.group().decode("utf-8", "surrogatepass")))) from None
        codificacion = _codificacion_probable(contenido)
        raise ErrorFuente(
            linea,
            tr("el archivo no está en UTF-8 sino, al parecer, en {codificacion}: el byte 0x{byte:02x} sería '{caracter}'; "
               "guárdelo como UTF-8 para que las tildes y la ñ no se lean mal",
               codificacion=codificacion, byte=contenido[error.start],
               caracter=contenido[error.start:error.start + 1].decode(_CODECS[codificacion], errors="replace")),
        ) from None
    return unicodedata.normalize("NFC", texto)


def _explicaciones() -> tuple[tuple[str, str], ...]:
    """PyYAML's problem (in English) -> what it means for the writer, in the language of the run."""
    return (
        # before "quoted scalar": libyaml says "while parsing a quoted scalar" of a bad escape too
        ("invalid Unicode character escape code", tr("escape \\u no válido entre comillas: un sustituto suelto (\\ud800 a \\udfff) "
                                                     "o un código mayor que \\U0010ffff no es un carácter; escriba el carácter mismo")),
        ("quoted scalar", tr("comillas sin cerrar: el texto entre comillas no termina")),
        ("mapping values are not allowed", tr("':' inesperado: ¿falta un espacio después de ':', faltan comillas o la sangría no corresponde?")),
        ("tab character", tr("hay una tabulación en la sangría: YAML solo admite espacios")),
        ("cannot start any token", tr("carácter no permitido al comienzo de un valor (¿una tabulación? use espacios)")),
        ("did not find expected key", tr("se esperaba una clave: revise la sangría")),
        ("expected <block end>", tr("la sangría no corresponde con la del bloque")),
        ("could not find expected ':'", tr("falta ':' después de la clave")),
        ("found undefined alias", tr("alias (*nombre) sin definir")),
        ("expected a single document", tr("hay más de un documento YAML (---): se espera un informe por archivo")),
        ("flow sequence", tr("lista entre corchetes sin cerrar o mal separada")),
        ("flow mapping", tr("mapa entre llaves sin cerrar o mal separado")),
    )


def _explicar(problema: str, lenguaje: str) -> str:
    for clave, explicacion in _explicaciones():
        if clave in problema:
            return explicacion
    return tr("el archivo no se puede leer como {lenguaje}", lenguaje=lenguaje)


def leer_documento(texto: str, lenguaje: str = "YAML") -> Documento:
    """Parse one YAML (or JSON: `lenguaje` only names it in messages) report, keeping the line of every value."""
    if not texto.strip():
        raise ErrorFuente(1, tr("el archivo está vacío: se esperaba un informe"))
    documento = leer_contenido(texto, lenguaje)
    if documento is None:
        raise ErrorFuente(1, tr("el archivo no tiene contenido: se esperaba un informe"))
    return documento


def leer_contenido(texto: str, lenguaje: str = "YAML") -> Documento | None:
    """`leer_documento` for any YAML/JSON document; None when it holds nothing (blank, or only comments)."""
    try:
        # Our limit decides before libyaml can: libyaml refuses deep nesting in its own words (1 000
        # levels in PyYAML 6.0.4) and its composer recurses in C (a deeper file crashed the process).
        if _cota_de_anidamiento(texto) > _PROFUNDIDAD_MAXIMA:
            _medir_anidamiento(texto)
        nodo = yaml.compose(texto, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        marca = error.problem_mark or error.context_mark
        contexto = error.context_mark
        # an unclosed quote or bracket is found at the end of the file: point to where it opens
        if marca is not None and contexto is not None and marca.index >= len(texto.rstrip()):
            marca = contexto
        linea = int(marca.line) + 1 if marca is not None else 1
        original = " ".join(x for x in (error.context, error.problem) if x) or str(error)
        raise ErrorFuente(linea, tr("{lenguaje} no válido: {explicacion} (detalle: {original})", lenguaje=lenguaje,
                                     explicacion=_explicar(original, lenguaje), original=original)) from None
    except yaml.YAMLError as error:
        raise ErrorFuente(1, tr("{lenguaje} no válido: {error}", lenguaje=lenguaje, error=error)) from None
    if nodo is None:
        return None
    _contar_expandidos(nodo, 0, {})  # an alias bomb is refused before a single value is built
    constructor = _Constructor()
    datos = constructor.construir(nodo, ())
    return Documento(datos, constructor.mapa, constructor.problemas)


# ---- small data files the run depends on: rules, configuration, baselines ---------------------------------

# A rules file, a configuration or a baseline is far smaller (a baseline is bounded by _NODOS_MAXIMOS values
# first); the limit is there so that a device given by mistake (--config /dev/zero) stops the run at once.
TAMANO_MAXIMO_ESTRICTO_MB = 20

_E = TypeVar("_E", bound="ErrorArchivo")


class ErrorArchivo(Exception):
    """A file the run depends on (rules, configuration, baseline) cannot be used: which one, where and why.

    Each stage names it for what the file is (ErrorReglas, ErrorConfiguracion, ErrorLineaBase) with `de`;
    `motivo_so` is the system's reason when the system refused to read it."""

    def __init__(self, archivo: str, mensaje: str, linea: int | None = None, motivo_so: str | None = None) -> None:
        lugar = f"{archivo}:{linea}" if linea else archivo
        super().__init__(f"{lugar}: {mensaje}")
        self.archivo = archivo
        self.linea = linea
        self.mensaje = mensaje
        self.motivo_so = motivo_so

    @classmethod
    def de(cls: type[_E], error: ErrorArchivo) -> _E:
        """The same error, named for the domain of the file (a rules file, the configuration, a baseline)."""
        return cls(error.archivo, error.mensaje, error.linea, error.motivo_so)


def leer_texto_estricto(ruta: Path, tamano_maximo_mb: float = TAMANO_MAXIMO_ESTRICTO_MB) -> str:
    """The UTF-8 text of a small data file; ErrorArchivo naming the file (and the line of a bad byte) otherwise."""
    nombre = str(ruta)
    limite = int(tamano_maximo_mb * 1024 * 1024)
    try:
        # opened without waiting (a named pipe with no writer would block here forever), then refused unless it is a
        # regular file: a device never ends, a pipe may never be written to
        with os.fdopen(os.open(ruta, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as archivo:
            modo = os.fstat(archivo.fileno()).st_mode
            if stat.S_ISDIR(modo):
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), nombre)
            if not stat.S_ISREG(modo):
                raise ErrorArchivo(nombre, tr("no es un archivo regular (¿una tubería, un dispositivo o un socket?): no se lee"))
            contenido = archivo.read(limite + 1)  # bounded: the limit is checked on what was read, not on the size said
    except OSError as error:
        motivo = motivo_so(error)
        raise ErrorArchivo(nombre, tr("no se puede leer: {motivo}", motivo=motivo), motivo_so=motivo) from None
    if len(contenido) > limite:
        raise ErrorArchivo(nombre, tr("el archivo mide más de {limite:g} MB: no se lee", limite=tamano_maximo_mb))
    try:
        return decodificar(contenido)
    except ErrorFuente as error:
        raise ErrorArchivo(nombre, error.mensaje, error.linea) from None


def leer_archivo_estricto(ruta: Path, lenguaje: str = "YAML") -> Documento | None:
    """Read a small YAML (or JSON) data file with the line of every value: any problem, a repeated key
    included, is an ErrorArchivo naming the file and line; None when the file holds nothing."""
    texto = leer_texto_estricto(ruta)
    try:
        documento = leer_contenido(texto, lenguaje)
    except ErrorFuente as error:
        raise ErrorArchivo(str(ruta), error.mensaje, error.linea) from None
    if documento is None:
        return None
    for problema in documento.problemas:
        raise ErrorArchivo(str(ruta), problema.mensaje, problema.linea)
    return documento


_ABRE = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CIERRA = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_OTROS_SALTOS = re.compile("[\r\x85\u2028\u2029]")  # line breaks for YAML besides '\n' ('\r\n' becomes two: no matter)
# Where a line's nodes may start: its indentation, then compact indicators ('- - x', '? - x', ': - x').
# (after a '\n' rather than at '^' in MULTILINE mode: the engine then skips to each '\n', twice as fast)
_COMIENZO_DE_LINEA = re.compile(r"\n([ \t]*)((?:(?:---|[-?:])[ \t]+)*)(?=[^\s#])")
_INDICADOR = re.compile(r"---|[-?:]")


def _cota_de_anidamiento(texto: str) -> int:
    """An upper bound of the document's nesting, read off the text in one pass; never below the
    depth a parser reaches on it, valid or not.

    Block collections nest by indentation: each one starts at a column where a line's content
    starts (or after a compact '- ', '? ' or ': ' on that line), deeper ones at a greater column,
    except a sequence that is the value of a mapping key, which may share the key's column: at
    most two per column.  Flow collections open with '[' or '{', and an entry 'k: v' of a flow
    sequence is a mapping of its own: at most two levels per '['.  Real reports (a few indentation
    columns, hardly any brackets) are far below the limit and skip the event pass of
    `_medir_anidamiento`."""
    if _OTROS_SALTOS.search(texto):
        texto = _OTROS_SALTOS.sub("\n", texto)
    columnas: set[int] = set()
    for sangria, indicadores in set(_COMIENZO_DE_LINEA.findall("\n" + texto)):
        columna = len(sangria)
        columnas.add(columna + len(indicadores))
        columnas.update(columna + indicador.start() for indicador in _INDICADOR.finditer(indicadores))
    return 2 * len(columnas) + 2 * texto.count("[") + texto.count("{")


def _recorrer_eventos(texto: str, cargador: Any) -> None:
    """Stream the parser's events (no recursion) and refuse the collection that opens past the limit."""
    profundidad = 0
    for evento in yaml.parse(texto, Loader=cargador):
        if isinstance(evento, _ABRE):
            profundidad += 1
            if profundidad > _PROFUNDIDAD_MAXIMA:
                marca = evento.start_mark
                raise ErrorFuente(int(marca.line) + 1 if marca is not None else 1,
                                  tr("anidamiento de más de {maximo} niveles", maximo=_PROFUNDIDAD_MAXIMA))
        elif isinstance(evento, _CIERRA):
            profundidad -= 1


def _medir_anidamiento(texto: str) -> None:
    """Refuse nesting deeper than the limit, at the line where the first collection past it opens.

    libyaml has a nesting limit of its own (1 000 levels in PyYAML 6.0.4) and its scanner reads
    ahead of the events it hands out: on '[[[[…' it stops with its own words ('exceeded maximum
    nesting depth') before the 65th '[' reaches us.  So when libyaml stops where the text read so
    far could nest deeper than our limit, the text is streamed again through PyYAML's pure-Python
    parser, which has no such limit: a deep document is refused here in our words, and only an
    error that is not about nesting is left to the caller (the parsers' words are never what
    decides that).  The pure-Python pass costs about 1 s per MB, and only for such a text."""
    try:
        _recorrer_eventos(texto, _Loader)
    except yaml.YAMLError as error:
        if not _CON_LIBYAML:  # pragma: no cover - the pass above was the pure-Python one
            raise
        # the text up to the end of the line where libyaml stopped (all of it when that is not known)
        marcas = [m.index for m in (getattr(error, "problem_mark", None), getattr(error, "context_mark", None)) if m is not None]
        fin = texto.find("\n", max(marcas)) if marcas else -1
        leido = texto if fin < 0 else texto[:fin]
        if _cota_de_anidamiento(leido) > _PROFUNDIDAD_MAXIMA:
            try:
                _recorrer_eventos(texto, yaml.SafeLoader)
            except yaml.YAMLError:
                pass  # not valid either way: libyaml's error stands
        raise


def _contar_expandidos(nodo: yaml.Node, profundidad: int, contados: dict[int, int], colecciones: int = 0) -> int:
    """How many values the document has once every alias is expanded, counting each shared
    node once (so that 'billion laughs' is measured in microseconds, not built).

    Also refuses nesting deeper than the limit, as `_medir_anidamiento` does on events: the
    65th nested collection, at the line where it opens."""
    clave = id(nodo)
    if clave in contados:
        return contados[clave]
    coleccion = isinstance(nodo, (yaml.MappingNode, yaml.SequenceNode))
    if profundidad > _PROFUNDIDAD_MAXIMA or colecciones + coleccion > _PROFUNDIDAD_MAXIMA:  # or an anchor that contains its own alias
        raise ErrorFuente(_linea(nodo), tr("anidamiento de más de {maximo} niveles", maximo=_PROFUNDIDAD_MAXIMA))
    colecciones += coleccion
    total = 1
    # A scalar child counts 1 and can refuse nothing (its parent, one level up, was within both limits), so it
    # is counted here rather than in a call of its own: most nodes are scalars.
    if isinstance(nodo, yaml.MappingNode):
        for k, v in nodo.value:
            total += (1 if type(k) is yaml.ScalarNode else _contar_expandidos(k, profundidad + 1, contados, colecciones)) + (
                1 if type(v) is yaml.ScalarNode else _contar_expandidos(v, profundidad + 1, contados, colecciones))
    elif isinstance(nodo, yaml.SequenceNode):
        for hijo in nodo.value:
            total += 1 if type(hijo) is yaml.ScalarNode else _contar_expandidos(hijo, profundidad + 1, contados, colecciones)
    if total > _NODOS_MAXIMOS:
        raise ErrorFuente(_linea(nodo), tr("el documento se expande a más de {maximo} valores (¿alias anidados?)", maximo=_NODOS_MAXIMOS))
    contados[clave] = total
    return total


# --- validation errors where the document has them -------------------------------------------------------

def tipo_de_valor(valor: Any) -> str:
    """What a value is, as the messages say it ('un texto'), in the language of the run."""
    tipos = {dict: tr("un mapa"), list: tr("una lista"), str: tr("un texto"), int: tr("un número"), float: tr("un número"),
             bool: tr("un valor lógico"), type(None): tr("un valor vacío")}
    return tipos.get(type(valor), type(valor).__name__)


def _mensajes() -> dict[str, str]:
    """What was expected, by pydantic error type, in the language of the run."""
    texto, entero, numero, mapa, logico = (tr("se esperaba un texto"), tr("se esperaba un número entero"), tr("se esperaba un número"),
                                           tr("se esperaba un mapa de claves"), tr("se esperaba sí o no (true/false)"))
    return {
        "string_type": texto,
        "int_type": entero,
        "int_parsing": entero,
        "int_from_float": entero,
        "float_type": numero,
        "float_parsing": numero,
        "list_type": tr("se esperaba una lista"),
        "dict_type": mapa,
        "model_type": mapa,
        "model_attributes_type": mapa,
        "bool_type": logico,
        "bool_parsing": logico,
        "greater_than_equal": tr("el valor es menor que el mínimo permitido"),
        "less_than_equal": tr("el valor es mayor que el máximo permitido"),
        "string_pattern_mismatch": tr("el texto no tiene la forma esperada"),
    }


def describir_error(e: Any) -> str:
    """One pydantic error, in Spanish: what was expected (and what was found, for type errors)."""
    tipo = e["type"]
    entrada = e.get("input")
    if tipo in ("literal_error", "enum"):
        permitidos = re.findall(r"'([^']*)'", str(e.get("ctx", {}).get("expected", "")))
        pista = difflib.get_close_matches(str(entrada).lower(), permitidos, n=1, cutoff=0.5)
        return (tr("valor no permitido {valor}; se espera uno de: {permitidos}", valor=repr(entrada), permitidos=", ".join(permitidos))
                + (tr(" (¿quiso decir '{pista}'?)", pista=pista[0]) if pista else ""))
    mensajes = _mensajes()
    if tipo in mensajes:
        return tr("{esperado} (se encontró {encontrado})", esperado=mensajes[tipo], encontrado=tipo_de_valor(entrada))
    if tipo == "value_error":
        return str(e.get("msg", tr("valor no válido"))).removeprefix("Value error, ")
    return str(e.get("msg", tr("valor no válido")))


@dataclass(frozen=True)
class ErrorUbicado:
    """One pydantic error where the document has it, described in the language of the run."""

    tipo: str  # pydantic's error type ("extra_forbidden", "missing", "int_parsing", ...)
    loc: Ruta  # where pydantic puts it, below the validated part (tags of unions taken out)
    ruta: Ruta  # the same place in the whole document
    linea: int  # of the key for an unknown key, of the offending value otherwise
    descripcion: str  # describir_error: what was expected, what was found
    entrada: Any  # the offending value
    ctx: dict[str, Any]

    @property
    def clave(self) -> str:
        return str(self.loc[-1]) if self.loc else ""

    @property
    def donde(self) -> str:
        """The place as the messages write it: 'reglas.0.tipo'."""
        return ".".join(str(p) for p in self.loc)

    @property
    def mensaje(self) -> str:
        """'reglas.0.tipo: se esperaba un texto (se encontró un número)'."""
        return f"{self.donde}: {self.descripcion}"


def ubicar_errores(error: ValidationError, mapa: MapaFuente, base: Ruta = (),
                   limpiar: Callable[[Ruta], Ruta] | None = None) -> list[ErrorUbicado]:
    """Pydantic's errors as our messages at the line of the offending key or value.

    `base` is where the validated part stands in the document (``("metas", 3)``); `limpiar`
    takes out of pydantic's location what is not in the document (a union's tag)."""
    ubicados = []
    for e in error.errors(include_url=False):
        loc: Ruta = tuple(e["loc"])
        if limpiar is not None:
            loc = limpiar(loc)
        ruta = base + loc
        linea = mapa.linea_clave(ruta) if e["type"] == "extra_forbidden" else mapa.linea(ruta)
        ubicados.append(ErrorUbicado(e["type"], loc, ruta, linea, describir_error(e), e.get("input"), dict(e.get("ctx", {}))))
    return ubicados
