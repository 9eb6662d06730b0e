"""The amount in figures repeated in words right after it (lectura/montos_en_letras.py), read by VAL003."""

from __future__ import annotations

from auditor.lectura.montos_en_letras import repetidos_en_letras


def test_cifras_y_letras_juntas_se_emparejan_con_su_posicion() -> None:
    texto = "Se invirtieron $67.800.000 (sesenta y ocho millones setecientos mil pesos) de recursos propios."
    [(cifras, letras)] = repetidos_en_letras(texto)
    assert (cifras.texto, texto[cifras.inicio:cifras.inicio + len(cifras.texto)]) == ("$67.800.000", "$67.800.000")
    assert letras.texto == "sesenta y ocho millones setecientos mil pesos" and texto[letras.inicio:].startswith(letras.texto)
    [(_, letras)] = repetidos_en_letras("COP $ 4.850 millones, es decir, cuatro mil ochocientos cincuenta millones de pesos.")
    assert letras.texto.startswith("cuatro mil ochocientos cincuenta millones")


def test_letras_que_no_siguen_a_cifras_no_se_emparejan() -> None:
    assert repetidos_en_letras("Se invirtieron cuarenta millones de pesos en dotación.") == []
    assert repetidos_en_letras("$ 120 millones del SGP y, aparte, treinta millones de recursos propios.") == []
    assert repetidos_en_letras("$ 120 millones ($ 80 millones en 2024)") == []
