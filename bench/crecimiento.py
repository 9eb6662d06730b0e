"""Growth check: doubling a pathological field must at most double the time and the memory of the audit.

Each case fills one field of a one-meta report (the clean fixture's first meta) with a pattern repeated
to S, 2S and 4S kilobytes: a run of numbers that looks like a list of days, a run of years, a run of
capitalized words that looks like a name, percentages, counts, a population breakdown. Each size is audited
in a fresh process (``auditor check --format json``), and so is the same report with the field empty
(the floor: start-up, loading, the other fields). The growth of a doubling is

    (time at 2S - floor) / (time at S - floor)

about 2 for a reader linear in its input, about 4 for a quadratic one. Memory likewise, on the peak resident
set. No timing is asserted in the tests: this prints the table, and with ``--estricto`` exits 1 when a
doubling grows more than ``--tope`` times (3 by default: twice, with room for noise).

    python bench/crecimiento.py [--kb 32] [--estricto] [--tope 3]

Two more inputs grow the same way (issue 19): inline suppressions (``--metas M``: M, 2M and 4M short metas with
2.5 suppressions each, 8 000 metas and 20 000 suppressions at 4M with the default) and an office's own regular
expressions (``--patrones P``: P, 2P and 4P expressions in a rule file of ``--rules``, each tried on its own,
over the clean fixture). Their floor is the same input with no suppression and with no rule file.

And the import of a text export (issue 15, ``--exportacion E``: E, 2E and 4E metas of the tabular template written
by ``bench/exportacion.py``; its floor, an export of one meta): ``auditor import`` must at most double its time and
its memory as the export doubles, and what the import holds above what it keeps (the report data and its map of
lines) and the text itself must not grow with the metas: that is measured in a process of its own with tracemalloc
(the peak while importing, minus what is kept after it, minus the decoded text) and printed as "sobrecosto MB";
with ``--estricto`` it may grow by at most ``--holgura`` MB from E to 4E metas (1 by default).
"""

from __future__ import annotations

import argparse
import copy
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from correr import auditor, mejor  # noqa: E402  (the benchmark's own measuring, one fresh process each)
from exportacion import exportacion  # noqa: E402

LIMPIO = Path(__file__).resolve().parents[1] / "fixtures" / "limpio_cultura_2024_2025.yaml"

# (name, field of the meta, the pattern repeated)
CASOS: tuple[tuple[str, str, str], ...] = (
    ("lista de días sin mes", "ejecucion.cuando", "1, "),
    ("lista de años", "ejecucion.cuando", "2024, "),
    ("corrida de mayúsculas", "impacto", "Casa Grande "),
    ("porcentajes", "logro.texto", "el 5 % de lo programado, "),
    ("porcentajes sin puntuación", "logro.texto", "5% 6,5 % avance del 7 % "),
    ("conteos", "logro.texto", "3 talleres y "),
    ("desagregación", "beneficiarios.descripcion", "10 mujeres, 4 jóvenes y "),
    ("lugares", "localizacion.texto", "vereda La Laguna (Mutiscua), "),
)


def informe(campo: str, texto: str) -> dict[str, Any]:
    datos = yaml.safe_load(LIMPIO.read_text(encoding="utf-8"))
    datos = copy.deepcopy(datos)
    datos["metas"] = datos["metas"][:1]
    objeto = datos["metas"][0]
    *ruta, ultimo = campo.split(".")
    for parte in ruta:
        objeto = objeto[parte]
    objeto[ultimo] = texto
    return datos


def informe_con_supresiones(metas: int, supresiones: int) -> dict[str, Any]:
    """`metas` short metas (a name and no investment: INV001 in each) with `supresiones` inline suppressions spread
    over them: in turn one for INV001 (used), one for PLH001, which finds nothing (SUP003 for it), and one for INV001
    with its field; one in eight suppressions at report level instead, naming its meta.  Short, so that 8 000 metas
    and 20 000 suppressions stay below the loader's 200 000 values (keys count)."""
    datos = yaml.safe_load(LIMPIO.read_text(encoding="utf-8"))
    nombre = datos["metas"][0]["nombre"]
    datos["metas"] = [{"numero": i, "nombre": nombre} for i in range(1, metas + 1)]
    datos["suprimir"] = []
    for k in range(supresiones):
        meta = datos["metas"][k % metas]
        supresion = ({"regla": "INV001", "motivo": "Aceptado."}, {"regla": "PLH001", "motivo": "Aceptado."},
                     {"regla": "INV001", "campo": "inversion.ejecutada", "motivo": "Aceptado."})[k % 3]
        if k % 8 == 7:
            datos["suprimir"].append({**supresion, "meta": meta["numero"]})
        else:
            meta.setdefault("suprimir", []).append(supresion)
    return datos


def medir_caso(campo: str, patron: str, kb: int, trabajo: Path, repeticiones: int) -> list[tuple[int, float, float]]:
    """(kilobytes, seconds, peak MB) at 0 (the floor), kb, 2kb and 4kb."""
    filas = []
    for tamano in (0, kb, 2 * kb, 4 * kb):
        texto = (patron * (tamano * 1024 // len(patron) + 1))[: tamano * 1024] if tamano else "Sin novedad."
        archivo = trabajo / f"caso_{tamano}.yaml"
        archivo.write_text(yaml.safe_dump(informe(campo, texto), allow_unicode=True, width=10**9), encoding="utf-8")
        m = mejor([*auditor(), "check", str(archivo), "--format", "json", "-o", str(trabajo / "salida.json")],
                  repeticiones, estados=(0, 1))
        filas.append((tamano, m.segundos, m.pico_mb))
    return filas


def medir_supresiones(metas: int, trabajo: Path, repeticiones: int) -> list[tuple[int, float, float]]:
    """(metas, seconds, peak MB) with no suppression (the floor, at 4M metas), and at M, 2M and 4M metas."""
    filas = []
    for n, supresiones in ((4 * metas, 0), (metas, 5 * metas // 2), (2 * metas, 5 * metas), (4 * metas, 10 * metas)):
        datos = informe_con_supresiones(n, supresiones)
        if not supresiones:
            datos["suprimir"] = []
            for meta in datos["metas"]:
                meta.pop("suprimir", None)
        archivo = trabajo / f"supresiones_{n}_{supresiones}.yaml"
        archivo.write_text(yaml.safe_dump(datos, allow_unicode=True, width=10**9), encoding="utf-8")
        m = mejor([*auditor(), "check", str(archivo), "--format", "json", "-j", "1", "-o", str(trabajo / "salida.json")],
                  repeticiones, estados=(0, 1))
        filas.append((supresiones, m.segundos, m.pico_mb))
    return filas


def medir_patrones(patrones: int, trabajo: Path, repeticiones: int) -> list[tuple[int, float, float]]:
    """(expressions, seconds, peak MB) with no rule file (the floor), and with P, 2P and 4P expressions of an office's,
    each with an inline flag so that none joins an alternation and each is searched on its own in every field."""
    filas = []
    for n in (0, patrones, 2 * patrones, 4 * patrones):
        opciones = []
        if n:
            carpeta = trabajo / f"reglas_{n}"
            carpeta.mkdir(exist_ok=True)
            frases = "\n".join(f'      - regex: "(?i)zq{i}x\\\\d+ (?:de|la) [a-z]+"' for i in range(n))
            (carpeta / "propias.yaml").write_text(
                "reglas:\n  - id: USR001\n    nombre: propia\n    tipo: patrones\n    categoria: placeholder\n"
                "    severidad: warning\n    campos: [logro.texto, impacto, ejecucion.como, beneficiarios.descripcion]\n"
                f"    frases:\n{frases}\n    mensaje: 'x {{campo}}'\n"
                "    doc: {que_revisa: x, por_que: x, ejemplo_falla: x, ejemplo_pasa: x}\n", encoding="utf-8")
            opciones = ["--rules", str(carpeta)]
        m = mejor([*auditor(), "check", str(LIMPIO), "--format", "json", "-o", str(trabajo / "salida.json"), *opciones],
                  repeticiones, estados=(0, 1))
        filas.append((n, m.segundos, m.pico_mb))
    return filas


# In a process of its own: what the import of a text export holds above what it keeps and above the text, in MB.
_SOBRECOSTO = """
import gc, sys, tracemalloc
from auditor.entrada.importar import importar_bytes
from auditor.lectura import fuente
fuente.leer_texto_estricto.__defaults__ = (1,)  # a profile's file read with a 1 MB buffer: not the import's own
importar_bytes(open(sys.argv[2], "rb").read(), "una.txt")  # profiles, vocabularies and DIVIPOLA, read once per process
contenido = open(sys.argv[1], "rb").read()
texto = sys.getsizeof(fuente.decodificar(contenido))
gc.collect()
tracemalloc.start()
inicio = tracemalloc.get_traced_memory()[0]
borrador = importar_bytes(contenido, "exportacion.txt")
gc.collect()
queda, pico = tracemalloc.get_traced_memory()
print((pico - queda - texto) / 2**20, (queda - inicio) / 2**20)
"""


def sobrecosto(archivo: Path, una: Path, entorno: dict[str, str] | None = None) -> tuple[float, float]:
    """(MB the import holds above what it keeps and above the text, MB it keeps) for the export `archivo`, imported
    after `una` (an export of one meta) in a fresh process (`entorno`: its environment; by default, this one's)."""
    salida = subprocess.run([sys.executable, "-c", _SOBRECOSTO, str(archivo), str(una)], capture_output=True, text=True,
                            check=True, env=os.environ if entorno is None else entorno)
    encima, queda = salida.stdout.split()
    return float(encima), float(queda)


def medir_exportacion(metas: int, trabajo: Path, repeticiones: int) -> list[tuple[int, float, float, float, float]]:
    """(metas, seconds, peak MB, MB above what is kept and the text, MB kept) of `auditor import` of a text export of
    one meta (the floor), E, 2E and 4E metas."""
    una = trabajo / "exportacion_1.txt"
    una.write_text(exportacion(1), encoding="utf-8")
    filas = []
    for n in (1, metas, 2 * metas, 4 * metas):
        archivo = trabajo / f"exportacion_{n}.txt"
        archivo.write_text(exportacion(n), encoding="utf-8")
        m = mejor([*auditor(), "import", str(archivo), "-o", str(trabajo / "salida.yaml")], repeticiones)
        encima, queda = sobrecosto(archivo, una)
        filas.append((n, m.segundos, m.pico_mb, encima, queda))
    return filas


def crecimiento(base: float, a: float, b: float) -> float:
    """How many times the work above the floor grew from `a` to `b` (1.0 when both are within noise of it)."""
    return max(b - base, 0.02) / max(a - base, 0.02)


def main(argumentos: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=int, default=32, help="el tamaño menor del campo, en KB (se mide S, 2S y 4S)")
    parser.add_argument("--repeticiones", type=int, default=1, help="tiempo: el mejor de N")
    parser.add_argument("--tope", type=float, default=3.0, help="crecimiento máximo por duplicación con --estricto")
    parser.add_argument("--estricto", action="store_true", help="sale con 1 si algún caso crece más que --tope")
    parser.add_argument("--metas", type=int, default=2000, help="supresiones: metas del tamaño menor (M, 2M, 4M)")
    parser.add_argument("--patrones", type=int, default=100, help="expresiones propias del tamaño menor (P, 2P, 4P)")
    parser.add_argument("--exportacion", type=int, default=500, help="importación de texto: metas del tamaño menor (E, 2E, 4E)")
    parser.add_argument("--holgura", type=float, default=1.0, help="MB que puede crecer el sobrecosto de la importación de E a 4E")
    parser.add_argument("--solo", choices=("campos", "supresiones", "patrones", "exportacion"), default=None, help="mide solo ese grupo")
    opciones = parser.parse_args(argumentos)
    peores = []
    print(f"{'caso':<24} {'campo':<26} {'s (0/S/2S/4S)':<28} {'MB (0/S/2S/4S)':<24} tiempo x2  memoria x2")
    with tempfile.TemporaryDirectory(prefix="auditor-crecimiento-") as carpeta:
        for nombre, campo, patron in CASOS if opciones.solo in (None, "campos") else ():
            filas = medir_caso(campo, patron, opciones.kb, Path(carpeta), opciones.repeticiones)
            (_, t0, m0), (_, t1, m1), (_, t2, m2), (_, t4, m4) = filas
            tiempo = crecimiento(t0, t2, t4)
            memoria = crecimiento(m0, m2, m4) if m4 - m0 > 2 else 1.0  # a few MB above the floor is noise
            peores.append(max(tiempo, memoria))
            segundos = "/".join(f"{t:.2f}" for _, t, _ in filas)
            megas = "/".join(f"{m:.0f}" for _, _, m in filas)
            print(f"{nombre:<24} {campo:<26} {segundos:<28} {megas:<24} {tiempo:>8.2f}  {memoria:>10.2f}")
        otros = (("supresiones", "suprimir", lambda: medir_supresiones(opciones.metas, Path(carpeta), opciones.repeticiones)),
                 ("expresiones propias", "--rules", lambda: medir_patrones(opciones.patrones, Path(carpeta), opciones.repeticiones)))
        for nombre, campo, medir_grupo in otros:
            if opciones.solo not in (None, "supresiones" if campo == "suprimir" else "patrones"):
                continue
            filas = medir_grupo()
            (_, t0, m0), (_, t1, m1), (_, t2, m2), (_, t4, m4) = filas
            tiempo = crecimiento(t0, t2, t4) if campo == "--rules" else crecimiento(0, t2, t4)  # suppressions: their floor is 4M metas
            memoria = (crecimiento(m0, m2, m4) if campo == "--rules" else crecimiento(0, m2, m4)) if m4 - m0 > 2 else 1.0
            peores.append(max(tiempo, memoria))
            segundos = "/".join(f"{t:.2f}" for _, t, _ in filas)
            megas = "/".join(f"{m:.0f}" for _, _, m in filas)
            print(f"{nombre:<24} {campo:<26} {segundos:<28} {megas:<24} {tiempo:>8.2f}  {memoria:>10.2f}")
        if opciones.solo in (None, "exportacion"):
            filas_e = medir_exportacion(opciones.exportacion, Path(carpeta), opciones.repeticiones)
            (_, t0, m0, _, _), (_, t1, m1, e1, _), (_, t2, m2, _, _), (_, t4, m4, e4, _) = filas_e
            tiempo, memoria = crecimiento(t0, t2, t4), crecimiento(m0, m2, m4) if m4 - m0 > 2 else 1.0
            peores.append(max(tiempo, memoria))
            segundos = "/".join(f"{t:.2f}" for _, t, _, _, _ in filas_e)
            megas = "/".join(f"{m:.0f}" for _, _, m, _, _ in filas_e)
            print(f"{'exportación de texto':<24} {'auditor import':<26} {segundos:<28} {megas:<24} {tiempo:>8.2f}  {memoria:>10.2f}")
            print(f"  {'metas':>6} {'sobrecosto MB':>14} {'conservado MB':>14}")
            for n, _, _, encima, queda in filas_e:
                print(f"  {n:>6} {encima:>14.2f} {queda:>14.1f}")
            if opciones.estricto and e4 - e1 > opciones.holgura:
                print(f"la importación retiene {e4 - e1:.1f} MB más con {4 * opciones.exportacion} metas que con "
                      f"{opciones.exportacion}, además de lo que conserva y del texto", file=sys.stderr)
                return 1
    if opciones.estricto and max(peores) > opciones.tope:
        print(f"un caso crece más de {opciones.tope:g} veces al duplicar su campo", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
