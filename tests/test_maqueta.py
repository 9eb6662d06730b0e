"""The text a PDF's layout export writes (`pdftotext -layout`): a form in two columns, rows of cells, running
header and footer between form feeds.  Synthetic pages of those shapes, read by `segmentos_de_texto`, with
the line each paragraph starts at."""

from __future__ import annotations

from auditor.entrada.importar.maqueta import celdas_de_fila, maqueta, mobiliario_de_paginas
from auditor.entrada.importar.segmentos import Segmento, segmentos_de_texto

COLUMNA = 22


def _fila(rotulo: str, respuesta: str = "") -> str:
    return f"{rotulo:<{COLUMNA}}{respuesta}".rstrip() if respuesta else rotulo


def _sigue(respuesta: str) -> str:
    return " " * COLUMNA + respuesta


_ENCABEZADO = ["\fGOBERNACIÓN DEL HUILA          INFORME DE GESTIÓN          Código: F-01",
               "Secretaría de Deporte                                      Versión: 2", ""]
_PIE = ["", "", "Calle 5 No. 4-20, Neiva – www.huila.gov.co"]

PAGINAS = [
    [
        "                 GOBERNACIÓN DEL HUILA",                                       # 1
        "",
        _fila("Entidad", "Gobernación del Huila"),                                     # 3
        _fila("Fecha de corte", "30 de junio de 2025"),                                 # 4
        "",
        "La Secretaría presenta el avance de sus metas con corte al 30 de junio, se-",  # 6
        "gún el formato adoptado por la oficina de planeación.",
        "",
        "Meta 12 – Escuelas deportivas dotadas",                                        # 9
        "Meta cuatrienio: 40      Programado 2025: 10      Ejecutado a 30/06/2025: 9",  # 10
        "",
        _fila("Descripción de lo", "Se dotaron nueve escuelas deportivas en los munici-"),  # 12
        _fila("realizado", "pios de Garzón y Pitalito, con implementos para fút-"),
        _sigue("bol y atletismo."),
        "",
        _fila("Inversión", "$ 80 millones de recursos propios, para la compra de los"),   # 16
        _sigue("implementos y el pago de los monitores de cada escue-"),
        *_PIE,                                                                           # 18-20
        " " * 60 + "Página 1 de 3",                                                      # 21
    ],
    [
        *_ENCABEZADO,                                                                    # 22-24
        _sigue("la."),                                                                   # 25
        "",
        _fila("Población", "420 niños, niñas y adolescentes de las nueve escue-"),       # 27
        _fila("beneficiada", "las."),
        "",
        _fila("Fecha de", "Del 3 de marzo al 30 de junio de 2025."),                    # 30
        "ejecución",
        "",
        "Las escuelas siguen abiertas durante las vacaciones de mitad de año, con",     # 33
        *_PIE,                                                                           # 34-36
        " " * 60 + "Página 2 de 3",
    ],
    [
        *_ENCABEZADO,                                                                    # 38-40
        "horarios ampliados para los niños de la zona rural.",                          # 41
        "",
        _fila("Descripción del", "Se realizaron dos juegos intercolegiados en"),          # 43
        *_PIE,                                                                           # 44-46
        " " * 60 + "Página 3 de 3",
    ],
]
TEXTO = "\n".join(linea for pagina in PAGINAS for linea in pagina) + "\n"


def _textos(segmentos: list[Segmento]) -> list[tuple[int, str]]:
    return [(s.linea, s.texto) for s in segmentos]


def test_formulario_filas_y_mobiliario_de_una_exportacion_con_maqueta() -> None:
    segmentos = segmentos_de_texto(TEXTO)
    assert _textos(segmentos) == [
        (1, "GOBERNACIÓN DEL HUILA"),
        (3, "Entidad: Gobernación del Huila"),
        (4, "Fecha de corte: 30 de junio de 2025"),
        (6, ("La Secretaría presenta el avance de sus metas con corte al 30 de junio, según el formato adoptado por la "
            "oficina de planeación.")),
        (9, "Meta 12 – Escuelas deportivas dotadas"),
        (10, "Meta cuatrienio: 40"), (10, "Programado 2025: 10"), (10, "Ejecutado a 30/06/2025: 9"),
        # the label's second line joins the label, the answer's hyphenated line ends are joined again
        (12, ("Descripción de lo realizado: Se dotaron nueve escuelas deportivas en los municipios de Garzón y Pitalito, "
             "con implementos para fútbol y atletismo.")),
        # the answer goes on after the page break, its footer, page number and running header
        (16, ("Inversión: $ 80 millones de recursos propios, para la compra de los implementos y el pago de los monitores "
             "de cada escuela.")),
        (27, "Población beneficiada: 420 niños, niñas y adolescentes de las nueve escuelas."),
        (30, "Fecha de ejecución: Del 3 de marzo al 30 de junio de 2025."),
        # prose cut by the page break goes on after it (the header with 'Código:' is furniture too)
        (33, ("Las escuelas siguen abiertas durante las vacaciones de mitad de año, con horarios ampliados para los niños "
             "de la zona rural.")),
        (43, "Descripción del: Se realizaron dos juegos intercolegiados en"),
    ]
    assert all(not s.en_tabla for s in segmentos)  # the row's cells are paragraphs, not a label and its answer


def test_el_mobiliario_es_lo_que_se_repite_en_el_borde_de_las_paginas() -> None:
    lineas = TEXTO.split("\n")
    fuera = mobiliario_de_paginas([linea.replace("\f", "") for linea in lineas], ["\f" in linea for linea in lineas])
    assert sorted(fuera) == [20, 22, 23, 36, 38, 39, 46]  # the footer on 3 pages, the header on 2 of 3
    # the cover's first line is not the header's; a line at the edge of one page only is text
    assert 1 not in fuera and 43 not in fuera


def test_sin_saltos_de_pagina_no_hay_mobiliario() -> None:
    lineas = ["Calle 5 No. 4-20, Neiva", "Texto.", "Calle 5 No. 4-20, Neiva"]
    assert mobiliario_de_paginas(lineas, [False] * 3) == set()


def test_un_texto_sin_maqueta_queda_como_estaba() -> None:
    """Ordinary prose (a justified line's double space, a label with its answer once, a row of cells in a text
    that has no form and no pages) is not a layout export: nothing is rewritten."""
    lineas = [
        "Entidad        Alcaldía de Neiva",
        "",
        "Se entregaron  los kits a las familias de la vereda El Caguán, con el apoyo",
        "de la junta de acción comunal.",
        "",
        "Meta cuatrienio: 40      Programado 2025: 10      Ejecutado: 9",
    ]
    disposicion = maqueta(lineas)
    assert disposicion.lineas == lineas and not disposicion.mobiliario and not disposicion.parrafos
    assert _textos(segmentos_de_texto("\n".join(lineas))) == [
        (1, "Entidad Alcaldía de Neiva"),
        (3, "Se entregaron los kits a las familias de la vereda El Caguán, con el apoyo de la junta de acción comunal."),
        (6, "Meta cuatrienio: 40 Programado 2025: 10 Ejecutado: 9"),
    ]


def test_un_rotulo_sin_respuesta_y_uno_con_la_respuesta_debajo() -> None:
    lineas = [
        _fila("Inversión", "$ 10 millones de recursos propios, para el"),
        _sigue("transporte de los deportistas."),
        "",
        _fila("Logro", "Se apoyaron 3 clubes."),
        "",
        "Localización",
        "",
        "Observaciones",
        _sigue("Sin novedades en el periodo;"),
        _sigue("se cerró el contrato."),
        "",
        _fila("Dificultades", "Ninguna."),
    ]
    assert _textos(segmentos_de_texto("\n".join(lineas))) == [
        (1, "Inversión: $ 10 millones de recursos propios, para el transporte de los deportistas."),
        (4, "Logro: Se apoyaron 3 clubes."),
        (6, "Localización"),  # the answer column is empty: the label stays alone
        (8, "Observaciones: Sin novedades en el periodo; se cerró el contrato."),
        (12, "Dificultades: Ninguna."),
    ]


def test_un_rotulo_nuevo_sin_linea_en_blanco_abre_otro_bloque() -> None:
    lineas = [
        _fila("Entidad", "Alcaldía de Neiva"),
        _fila("Dependencia", "Secretaría de Deporte"),
        _fila("Programas", "1201 – Fomento del deporte y de la"),
        _sigue("recreación"),
        _fila("Sector", "12 – Deporte"),
        _sigue("y recreación"),
    ]
    assert _textos(segmentos_de_texto("\n".join(lineas))) == [
        (1, "Entidad: Alcaldía de Neiva"),
        (2, "Dependencia: Secretaría de Deporte"),
        (3, "Programas: 1201 – Fomento del deporte y de la recreación"),
        (5, "Sector: 12 – Deporte y recreación"),
    ]


def test_celdas_de_una_fila() -> None:
    assert celdas_de_fila("Meta cuatrienio: 160           Programado 2025: 48            Ejecutado a 30/09/2025: 38") == [
        "Meta cuatrienio: 160", "Programado 2025: 48", "Ejecutado a 30/09/2025: 38"]
    assert celdas_de_fila("GOBERNACIÓN DEL HUILA          INFORME DE GESTIÓN          Código: F-01") == []  # not all 'label: value'
    assert celdas_de_fila("Meta cuatrienio: 160 Programado 2025: 48") == []  # one space is no gap
