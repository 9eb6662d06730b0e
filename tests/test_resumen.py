"""lectura.resumen: the introduction's claims and the metas they name."""

from __future__ import annotations

from auditor.lectura.resumen import afirmaciones, codigos_nombrados, metas_nombradas


def test_listas_y_rangos_de_metas() -> None:
    assert metas_nombradas("7 y 8") == (7, 8)
    assert metas_nombradas("12, 14 e 15") == (12, 14, 15)
    assert metas_nombradas("40 a 43") == (40, 41, 42, 43)
    assert metas_nombradas("40 al 42") == (40, 41, 42)
    assert metas_nombradas("43 a 40") == ()  # backwards: not a range we can trust
    assert metas_nombradas("1 a 900") == ()  # a range that long is not a list of metas


def test_cada_clausula_con_sus_metas() -> None:
    texto = ("Por medio de la meta 12 dotamos 8 bibliotecas rurales; la meta 14 permitió formar a más de 260 "
             "docentes, y con las metas 15 y 16 se invirtieron $ 1.250.000.000 en dotación.")
    leidas = afirmaciones(texto)
    assert [(a.metas, a.cantidad and (a.cantidad.texto, a.cantidad.calificador, a.cantidad.unidad)) for a in leidas][:2] == [
        ((12,), ("8", "", "bibliotecas rurales")), ((14,), ("260", "más de", "docentes"))]
    assert leidas[2].metas == (15, 16) and leidas[2].monto is not None and leidas[2].monto.texto == "$ 1.250.000.000"
    assert not leidas[2].programado


def test_todas_las_metas() -> None:
    leidas = afirmaciones("Para el conjunto de las metas la Dirección apropió $ 730 millones en la vigencia.")
    assert len(leidas) == 1 and leidas[0].todas and leidas[0].programado
    assert leidas[0].monto is not None and leidas[0].monto.texto == "$ 730 millones"
    assert afirmaciones("En total se ejecutaron $ 400 millones.")[0].todas
    assert afirmaciones("En total se ejecutaron $ 400 millones.", en_componente=True) == []


def test_no_son_cifras_de_la_afirmacion() -> None:
    # citations, years, percentages and a number in words repeated in digits are not counts
    texto = ("Con las metas 3 y 4, en desarrollo de la Ley 1257 de 2008, se alcanzó un 85 % de lo programado en 2024 "
             "con dos (2) alianzas.")
    assert afirmaciones(texto) == []


def test_sin_metas_nombradas_no_se_adivina() -> None:
    assert afirmaciones("Se atendieron 1.300 personas con una inversión de $ 700 millones.") == []


def test_el_monto_de_estas_ultimas_es_de_la_ultima_meta_nombrada() -> None:
    """'con las metas 214 y 215 se formaron 600 docentes y se conectaron 120 sedes, estas últimas con una inversión de
    $4.690 millones': the amount is the second meta's (the sedes), the count is of both as the clause says."""
    leidas = afirmaciones("Con las metas 214 y 215 se formaron 600 docentes y se conectaron 120 sedes rurales a internet, "
                          "estas últimas con una inversión de $4.690 millones.")
    assert [(a.metas, a.cantidad.texto if a.cantidad else None, a.monto.texto if a.monto else None) for a in leidas] == [
        ((214, 215), "600", None), ((215,), None, "$4.690 millones")]
    primeras = afirmaciones("Mediante las metas 7 y 8 se entregaron 40 kits y 12 tractores, los primeros por $ 80 millones.")
    assert [(a.metas, a.monto.texto if a.monto else None) for a in primeras] == [((7, 8), None), ((7,), "$ 80 millones")]
    # without the anaphora, the amount is of every meta the clause names
    todas = afirmaciones("Con las metas 1 y 2 se intervinieron 655 hectáreas con una inversión de $ 900 millones.")
    assert [(a.metas, a.monto.texto if a.monto else None) for a in todas] == [((1, 2), "$ 900 millones")]


def test_metas_nombradas_por_su_codigo_del_plan() -> None:
    assert codigos_nombrados("2.3.1 a 2.3.3") == ("2.3.1", "2.3.2", "2.3.3")
    assert codigos_nombrados("2.3.1 y 2.4.1") == ("2.3.1", "2.4.1")
    assert codigos_nombrados("2.3.3 a 2.3.1") == ()  # backwards
    assert codigos_nombrados("2.3.1 a 2.4.2") == ()  # a range across levels is not a list we can trust
    [leida] = afirmaciones("En el programa 2.3 (metas 2.3.1 a 2.3.3) se invirtieron $245 millones de recursos propios.")
    assert leida.metas == ("2.3.1", "2.3.2", "2.3.3") and leida.monto is not None and leida.monto.texto == "$245 millones"


def test_la_cifra_antes_de_la_referencia_es_la_de_su_clausula() -> None:
    [leida] = afirmaciones("Durante 2025 el trabajo se concentró en los 17 corregimientos del municipio: se prestó extensión a 640 "
                           "productores, se realizaron 24 mercados campesinos (meta 3.1.3).")
    assert leida.metas == ("3.1.3",) and leida.cantidad is not None and (leida.cantidad.texto, leida.cantidad.unidad) == (
        "24", "mercados campesinos")
