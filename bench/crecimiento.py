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
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from correr import auditor, mejor  # noqa: E402  (the benchmark's own measuring, one fresh process each)

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


def crecimiento(base: float, a: float, b: float) -> float:
    """How many times the work above the floor grew from `a` to `b` (1.0 when both are within noise of it)."""
    return max(b - base, 0.02) / max(a - base, 0.02)


def main(argumentos: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=int, default=32, help="el tamaño menor del campo, en KB (se mide S, 2S y 4S)")
    parser.add_argument("--repeticiones", type=int, default=1, help="tiempo: el mejor de N")
    parser.add_argument("--tope", type=float, default=3.0, help="crecimiento máximo por duplicación con --estricto")
    parser.add_argument("--estricto", action="store_true", help="sale con 1 si algún caso crece más que --tope")
    opciones = parser.parse_args(argumentos)
    peores = []
    print(f"{'caso':<24} {'campo':<26} {'s (0/S/2S/4S)':<28} {'MB (0/S/2S/4S)':<24} tiempo x2  memoria x2")
    with tempfile.TemporaryDirectory(prefix="auditor-crecimiento-") as carpeta:
        for nombre, campo, patron in CASOS:
            filas = medir_caso(campo, patron, opciones.kb, Path(carpeta), opciones.repeticiones)
            (_, t0, m0), (_, t1, m1), (_, t2, m2), (_, t4, m4) = filas
            tiempo = crecimiento(t0, t2, t4)
            memoria = crecimiento(m0, m2, m4) if m4 - m0 > 2 else 1.0  # a few MB above the floor is noise
            peores.append(max(tiempo, memoria))
            segundos = "/".join(f"{t:.2f}" for _, t, _ in filas)
            megas = "/".join(f"{m:.0f}" for _, _, m in filas)
            print(f"{nombre:<24} {campo:<26} {segundos:<28} {megas:<24} {tiempo:>8.2f}  {memoria:>10.2f}")
    if opciones.estricto and max(peores) > opciones.tope:
        print(f"un caso crece más de {opciones.tope:g} veces al duplicar su campo", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
