"""Milestones: starts, ends and signings of agreements with what they funded (auditor.lectura.hitos)."""

from __future__ import annotations

from datetime import date as D

from auditor.lectura.fechas import leer_fechas
from auditor.lectura.hitos import de_que_es, leer_hitos


def _hitos(texto: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(h.clase, h.fecha.texto, h.cosa, h.financia) for h in leer_hitos(texto)]


def test_inicio_y_fin_en_una_frase() -> None:
    assert _hitos("Los trabajos comenzaron el 4 de septiembre de 2025 y culminaron el 20 de julio de 2025.") == [
        ("inicio", "el 4 de septiembre de 2025", "trabajo", None), ("fin", "el 20 de julio de 2025", None, None)]
    # the words after the date when the clause before says nothing
    assert _hitos("El 3 de mayo de 2025 arrancaron las obras.") == [("inicio", "El 3 de mayo de 2025", "obra", None)]
    # the thing of each: different things are told apart
    assert _hitos("Se entregaron los mercados el 5 de marzo de 2025, y el 10 de abril de 2025 iniciaron las obras.") == [
        ("fin", "el 5 de marzo de 2025", "mercado", None), ("inicio", "el 10 de abril de 2025", "obra", None)]


def test_planes_anios_sueltos_y_fechas_sin_marca_no_son_hitos() -> None:
    assert _hitos("Las obras se entregarán en junio de 2026.") == []
    assert _hitos("La obra terminó en 2025.") == []  # a year alone is too coarse to order
    assert _hitos("Se hicieron 4 visitas el 2 de mayo de 2025.") == []


def test_firma_de_un_convenio_y_lo_que_financio() -> None:
    (h,) = leer_hitos("Se ejecutaron $ 80 millones mediante el contrato firmado el 10 de junio de 2025, con el cual "
                      "se financiaron los talleres de emprendimiento.")
    assert (h.clase, h.fecha.desde, h.financia) == ("firma", D(2025, 6, 10), "talleres")
    (g,) = leer_hitos("Las brigadas se financiaron con el convenio celebrado el 2 de mayo de 2025 con la ESE.")
    assert (g.clase, g.financia) == ("firma", "brigadas")
    (k,) = leer_hitos("Recursos del convenio suscrito el 20 de agosto de 2025 con la Cámara de Comercio.")
    assert (k.clase, k.financia) == ("firma", None)
    # a signed document cited by its number and year is a reference, not a signing date
    assert leer_hitos("En el marco del Convenio 045 de 2024 suscrito con la ESE.") == ()


def test_de_que_es_una_fecha() -> None:
    for texto, esperado in (
        ("Los talleres de emprendimiento se dictaron entre marzo y abril de 2025.", "taller"),
        ("En marzo de 2024 se realizaron las jornadas de formación.", "jornada"),
        ("Durante el primer trimestre de 2024 las brigadas recorrieron la zona.", "brigada"),
        ("La dotación se hará después; en agosto de 2025 se hizo el diagnóstico de la dotación.", "diagnostico"),
    ):
        f = leer_fechas(texto)[-1]
        assert de_que_es(texto, f, (0, len(texto))) == esperado, texto
