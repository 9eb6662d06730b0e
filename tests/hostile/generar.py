"""The hostile corpus: small files committed beside this script, big or special ones made at test time.

`python tests/hostile/generar.py` rewrites the committed files derived from `base.yaml` and
`documento_base.txt` (a test checks that they are up to date); `grande`, `profundo`, `profundo_en_bloque`, `fifo` and
`enlaces_en_ciclo` (and the cases of issue 19 below) are made in a temporary directory by the tests, never committed.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

AQUI = Path(__file__).resolve().parent


def derivados() -> dict[str, bytes]:
    """Committed files: name -> exact bytes."""
    base = (AQUI / "base.yaml").read_text(encoding="utf-8")
    documento = (AQUI / "documento_base.txt").read_text(encoding="utf-8")
    letras = "abcdefghij"
    bomba = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for anterior, nombre in zip(letras, letras[1:], strict=False):
        bomba.append(f"{nombre}: &{nombre} [" + ", ".join([f"*{anterior}"] * 9) + "]")
    return {
        "bom.yaml": b"\xef\xbb\xbf" + base.encode("utf-8"),
        "crlf.yaml": base.replace("\n", "\r\n").encode("utf-8"),
        "nfd.yaml": unicodedata.normalize("NFD", base).encode("utf-8"),
        "latin1.yaml": base.encode("latin-1"),
        "windows1252.yaml": base.replace("Indicar cómo", "“Indicar cómo").replace("Cúcuta.", "Cúcuta”.").encode("cp1252"),
        "utf16.yaml": base.encode("utf-16"),
        "documento_crlf.txt": documento.replace("\n", "\r\n").encode("utf-8"),
        "documento_latin1.txt": documento.encode("latin-1"),
        "alias_bomba.yaml": ("\n".join(bomba) + "\n").encode("ascii"),
        "binario.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "vacio.yaml": b"",
        # 'aaaa…!' in a text: the rule in reglas_lentas/ backtracks on it without end
        "reglas_sesenta/sesenta.yaml": _sesenta_reglas_lentas(),
        "lento.yaml": base.replace("texto: 9 bibliotecas públicas dotadas con colecciones y mobiliario.",
                                   "texto: 9 bibliotecas " + "a" * 60 + "!").encode("utf-8"),
    }


def _sesenta_reglas_lentas() -> bytes:
    """60 rules, each with its own expression that backtracks without end on lento.yaml: one by one under the limit of
    a search, together past any budget (the way 60 patterns just under 1 s took 146 s).  '\\Z' keeps them in the `regex`
    engine (RE2 refuses it; with '$' it would run them in linear time) and, unlike a look-ahead, in its alternation."""
    reglas = ["# 60 reglas con una expresión lenta cada una (generadas por generar.py; \\Z: en `regex`, no en RE2)", "reglas:"]
    for i in range(1, 61):
        reglas += [f"  - id: USR{i:03d}", f"    nombre: lenta-{i}", "    tipo: patrones", "    categoria: placeholder",
                   "    severidad: warning", "    campos: [logro.texto]", f'    frases: [{{regex: "(a|aa)+x{{0,{i}}}\\\\Z"}}]',
                   '    mensaje: "Relleno en {campo}"', "    doc: {que_revisa: x, por_que: x, ejemplo_falla: x, ejemplo_pasa: x}"]
    return ("\n".join(reglas) + "\n").encode("utf-8")


def configuracion_tuberia(destino: Path) -> Path:
    """auditor.yaml as a named pipe beside a good report: discovery must refuse it, not block on it nor skip it."""
    os.mkfifo(destino / "auditor.yaml")
    ruta = destino / "base.yaml"
    ruta.write_bytes((AQUI / "base.yaml").read_bytes())
    return ruta


def escribir_derivados(destino: Path = AQUI) -> None:
    for nombre, contenido in derivados().items():
        (destino / nombre).parent.mkdir(exist_ok=True)
        (destino / nombre).write_bytes(contenido)


def grande(destino: Path, megas: float) -> Path:
    """A syntactically valid YAML file of `megas` MB (one long comment)."""
    ruta = destino / "grande.yaml"
    with ruta.open("wb") as archivo:
        archivo.write(b"# " + b"x" * int(megas * 1024 * 1024) + b"\nentidad: x\n")
    return ruta


def profundo(destino: Path, niveles: int = 100_000) -> Path:
    """'[[[[...]]]]': libyaml's composer recursed on this and crashed the process (SIGSEGV)."""
    ruta = destino / "profundo.yaml"
    ruta.write_text("[" * niveles + "]" * niveles + "\n", encoding="ascii")
    return ruta


def profundo_en_bloque(destino: Path, niveles: int = 1_500) -> Path:
    """'a:' indented one more space per line: libyaml refuses 1 000 block levels in its own words."""
    ruta = destino / "profundo_en_bloque.yaml"
    ruta.write_text("".join(" " * i + "a:\n" for i in range(niveles)) + " " * niveles + "x\n", encoding="ascii")
    return ruta


def fifo(destino: Path) -> Path:
    """A named pipe with a report's name: reading it would block the run forever."""
    ruta = destino / "tuberia.yaml"
    os.mkfifo(ruta)
    return ruta


def enlaces_en_ciclo(destino: Path) -> Path:
    """A directory with a.yaml -> b.yaml -> a.yaml, a link to itself and one good report."""
    carpeta = destino / "ciclo"
    carpeta.mkdir()
    (carpeta / "a.yaml").symlink_to("b.yaml")
    (carpeta / "b.yaml").symlink_to("a.yaml")
    (carpeta / "yo").symlink_to(".")
    (carpeta / "bueno.yaml").write_bytes((AQUI / "base.yaml").read_bytes())
    return carpeta


# ---- issue 19: salidas (file names and report text that reach the outputs) ----

# what an attacker puts in a report's text: clear-screen, an OSC-8 link, a C1 CSI, a bidi override, a
# zero-width space, a CR/LF that starts a GitHub workflow command, a mention, a link and a remote image
HOSTIL = ("\x1b[2J\x1b]8;;https://x.test\x1b\\enlace\x1b]8;;\x1b\\ \x9b31m \u202eabc \u200b \r\n"
          "::error file=x::inyectado @alguien [clic](https://x.test) ![i](https://x.test/i.png)")


def _en_yaml(texto: str) -> str:
    """`texto` as a YAML double-quoted scalar (escapes for every control character)."""
    return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08x}" for c in texto) + '"'


def controles(destino: Path) -> Path:
    """base.yaml with HOSTIL in the entity, a meta's name and a quoted text (PLH001 quotes it)."""
    base = (AQUI / "base.yaml").read_text(encoding="utf-8")
    impacto = "Indicar cómo la meta de producto contribuyó a la circulación de artistas en Cúcuta."
    texto = (base.replace("entidad: Gobernación de Norte de Santander", "entidad: " + _en_yaml("Gobernación " + HOSTIL))
             .replace("nombre: Festivales culturales apoyados en los municipios", "nombre: " + _en_yaml("Festivales " + HOSTIL))
             .replace("impacto: " + impacto, "impacto: " + _en_yaml(impacto + " " + HOSTIL)))
    ruta = destino / "controles.yaml"
    ruta.write_text(texto, encoding="utf-8")
    return ruta


def fecha_hostil(destino: Path) -> Path:
    """base.yaml whose fecha_corte is HOSTIL: ENT002 quotes the value in its message."""
    base = (AQUI / "base.yaml").read_text(encoding="utf-8")
    ruta = destino / "fecha_hostil.yaml"
    ruta.write_text(base.replace('fecha_corte: "2025-11"', "fecha_corte: " + _en_yaml(HOSTIL)), encoding="utf-8")
    return ruta


def nombre_no_utf8(destino: Path) -> Path:
    """base.yaml in a file whose name has the byte 0xff (not UTF-8): Python gives it as 'caf\\udcff.yaml'."""
    ruta = Path(os.fsdecode(bytes(destino) + b"/caf\xff.yaml"))
    ruta.write_bytes((AQUI / "base.yaml").read_bytes())
    return ruta


def nombre_con_salto(destino: Path) -> Path:
    """base.yaml in a file whose name has a newline and a workflow command after it."""
    ruta = destino / "a\n::error file=x::nombre.yaml"
    ruta.write_bytes((AQUI / "base.yaml").read_bytes())
    return ruta


def nulo_tardio(destino: Path) -> Path:
    """base.yaml, 17 000 comment lines (1.1 MB) and a NUL byte on the last line: it was reported at line 1."""
    base = (AQUI / "base.yaml").read_bytes()
    relleno = b"".join(b"# relleno %d " % i + b"x" * 60 + b"\n" for i in range(17_000))
    ruta = destino / "nulo_tardio.yaml"
    ruta.write_bytes(base + relleno + b"# nulo: \x00\n")
    return ruta


def sustituto_escapado(destino: Path) -> Path:
    """A '\\ud800' escape (a lone surrogate) in a double-quoted value: it was explained as an unclosed quote."""
    base = (AQUI / "base.yaml").read_text(encoding="utf-8")
    ruta = destino / "sustituto_escapado.yaml"
    ruta.write_text(base.replace("entidad: Gobernación de Norte de Santander", 'entidad: "Gobernación \\ud800"'), encoding="utf-8")
    return ruta


def sustituto_en_bytes(destino: Path) -> Path:
    """The bytes ED A0 80 (U+D800 encoded as if it were a character, CESU-8) on line 4."""
    base = (AQUI / "base.yaml").read_bytes()
    ruta = destino / "sustituto_en_bytes.yaml"
    ruta.write_bytes(base.replace(b"departamento: Norte de Santander", b"departamento: Norte \xed\xa0\x80 de Santander"))
    return ruta


if __name__ == "__main__":
    escribir_derivados()
