"""The html report: self-contained, escaped, deterministic, semáforo by worst severity, the matrix inside.

The page is also opened in a real headless Chromium (screenshot and DOM after render): that test is skipped
when no Chromium is installed, except in CI (CI=true), where it fails instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from auditor.reglas.completitud import CompletitudInforme, Estado, FilaMeta
from auditor.reglas.observacion import Categoria, Severidad
from auditor.resultado.ejecucion import Resultado
from auditor.resultado.hallazgo import Hallazgo
from auditor.resultado.informe import ResultadoInforme
from auditor.salidas import FORMATOS
from auditor.salidas.html_pagina import AMBAR, COLOR, ROJO, VERDE, render, semaforo

from .conftest import correr as _correr

DESARROLLO = "fixtures/desarrollo_economico_2024_2025.yaml"
FRONTERAS = "fixtures/fronteras_2024.yaml"





def _hallazgo(severidad: Severidad, meta: str | None = "1", **campos: str) -> Hallazgo:
    datos = {"regla": "PLH001", "categoria": Categoria.PLACEHOLDER, "severidad": severidad, "mensaje": "mensaje",
             "archivo": "a.yaml", "linea": 3, "meta": meta, "campo": "impacto", "texto": None}
    datos.update(campos)
    return Hallazgo(**datos)  # type: ignore[arg-type]


def test_registrado_como_formato_de_check() -> None:
    assert FORMATOS["html"][0] == "html_pagina"


def test_semaforo_por_la_peor_severidad() -> None:
    assert semaforo([]) == VERDE
    assert semaforo([_hallazgo(Severidad.INFO)]) == VERDE  # info alone does not color
    assert semaforo([_hallazgo(Severidad.INFO), _hallazgo(Severidad.WARNING)]) == AMBAR
    assert semaforo([_hallazgo(Severidad.WARNING), _hallazgo(Severidad.ERROR), _hallazgo(Severidad.INFO)]) == ROJO


def test_todo_texto_del_informe_se_escapa() -> None:
    malicioso = '<script>alert("x")</script> & \'comillas\' <img src=x onerror=alert(1)>'
    f = _hallazgo(Severidad.ERROR, texto=malicioso, mensaje="dice <b>negrilla</b> & más", campo='campo"><i>', archivo='a<b>&"c".yaml')
    matriz = CompletitudInforme("Secretaría <de> «Prueba» & Cía", "Gobernación", "tabular",
                                (FilaMeta("1", 'Meta "uno" <x>', (Estado.HECHO,) * 10),))
    resultado = Resultado([ResultadoInforme('a<b>&"c".yaml', "Informe <raro> & 'así'", [("1", "Meta <uno>")], [f], completitud=matriz)])
    html = render(resultado)
    assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;comillas&#x27;" in html
    assert "dice &lt;b&gt;negrilla&lt;/b&gt; &amp; más" in html
    assert 'campo&quot;&gt;&lt;i&gt;' in html
    assert "Secretaría &lt;de&gt; «Prueba» &amp; Cía" in html
    assert 'title="Meta &quot;uno&quot; &lt;x&gt;"' in html
    assert "a&lt;b&gt;&amp;&quot;c&quot;.yaml:3" in html


def test_autonomo_sin_recursos_externos(en_raiz: None) -> None:
    codigo, html, _ = _correr("check", "fixtures", "--format", "html")
    assert codigo == 1  # same exit status as any other format
    assert html.startswith('<!DOCTYPE html>\n<html lang="es">\n')
    assert html.count("<style>") == 1
    for externo in ("<script", "<link", "<img", "src=", "url(", "@import", "http://", "https://", "@font-face"):
        assert externo not in html, externo


def test_resumen_semaforos_matriz_y_hallazgos(en_raiz: None) -> None:
    _, html, _ = _correr("check", "fixtures", "--format", "html")
    assert '<div class="cifra"><span class="n">64</span>hallazgos</div>' in html
    assert '<div class="cifra s-rojo"><span class="n">26</span>errores</div>' in html
    assert '<div class="cifra s-ambar"><span class="n">30</span>advertencias</div>' in html
    assert '<div class="cifra s-info"><span class="n">8</span>info</div>' in html
    assert "Metas con hallazgos: 24 de 27 auditadas" in html
    assert "Semáforo de las metas: 17 en rojo, 7 en ámbar, 3 en verde" in html
    # one row per report in the summary, with its traffic light as a colored label with text, in the body's order
    filas = re.findall(r'<tr><td class="corta"><span class="semaforo s-(\w+)">([^<]+)</span></td><td><a href="#informe-(\d)">', html)
    assert filas == [("verde", "Verde: sin errores ni advertencias", "3"), ("rojo", "Rojo: con errores", "1"),
                     ("rojo", "Rojo: con errores", "2")]
    # the matrix: 27 metas x 10 sections, 12 template cells, meta 11's ¿Cómo? among them
    assert html.count('<td class="c e-') == 270
    assert html.count('<td class="c e-plantilla"') == 12
    assert ('<td class="c e-plantilla" title="¿Cómo se hizo?: plantilla"><span aria-hidden="true">!</span>'
            '<span class="sr">plantilla</span></td>') in html
    # findings per secretaría and meta, with place, severity, rule, field, message and quote
    secretarias = re.findall(r'<section class="secretaria"><h2>([^<]+)</h2>', html)
    assert secretarias == ["Secretaría de Cultura", "Secretaría de Desarrollo Económico y Productividad",
                           "Secretaría de Fronteras y Cooperación Internacional"]
    assert ('<h4><span class="semaforo s-ambar">Ámbar: con advertencias</span> Meta 12 · Apoyo a la implementación de la '
            "Ruta de Emprendimiento, Innovación e Internacionalización.</h4>") in html
    assert ('<li class="hallazgo sev-error"><div><span class="semaforo s-rojo">error</span> <span class="regla">VAL001</span> '
            '<span class="lugar">fixtures/desarrollo_economico_2024_2025.yaml:526</span> <span class="campo">Inversión ejecutada</span>'
            "</div><p>No se puede leer el número de «Inversión ejecutada»: &#x27;135, 2&#x27; no es un número en formato "
            "colombiano</p><blockquote>$135, 2 millones de pesos</blockquote>"
            '<p class="que-hacer"><strong>Qué hacer:</strong> Escriba el número en formato colombiano') in html
    assert html.count('<li class="hallazgo ') == 64


def test_mismos_bytes_sin_importar_el_orden(en_raiz: None, tmp_path: Path) -> None:
    _, uno, _ = _correr("check", DESARROLLO, FRONTERAS, "--format", "html")
    _, otro, _ = _correr("check", FRONTERAS, DESARROLLO, "--format", "html")
    assert uno == otro
    _correr("check", DESARROLLO, FRONTERAS, "--format", "html", "-o", str(tmp_path / "r.html"))
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == uno


def test_en_ingles(en_raiz: None) -> None:
    _, html, _ = _correr("check", "fixtures", "--format", "html", "--lang", "en")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">\n')
    assert "<title>Audit of the accountability reports</title>" in html
    assert '<span class="semaforo s-verde">Green: no errors or warnings</span>' in html
    assert '<th scope="col" title="How was it done?">How</th>' in html


def test_archivo_ilegible_aparece_aparte(tmp_path: Path) -> None:
    (tmp_path / "malo.yaml").write_text("entidad: [sin cerrar\n", encoding="utf-8")
    codigo, html, _ = _correr("check", str(tmp_path), "--format", "html")
    assert codigo == 2
    assert '<section class="secretaria"><h2>Archivos que no se pudieron leer</h2>' in html
    assert "(no se pudo leer como informe)" in html


# ---- in a real browser -----------------------------------------------------------------------------------------

_EN_CI = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")
_ANCHO, _ALTO = 1200, 900


def _orden_y_explicacion(html: str) -> None:
    """The page's promises to a reader: one order of reports everywhere, errors first within a meta, each finding
    with what to do and its rule explained inline, and what completeness measures next to the traffic lights."""
    resumen = re.findall(r'<a href="#(informe-\d+)">', html)
    cuerpo = re.findall(r'<article id="(informe-\d+)">', html)
    assert resumen == cuerpo and len(cuerpo) == 3
    matriz = html[html.index('id="completitud"'):html.index('id="hallazgos"')]
    archivos = [m for m in re.findall(r'<span class="lugar">([^<]+)</span></h3>', matriz)]
    cuerpo_archivos = re.findall(r'<article id="informe-\d+">\s*<h3>.*?</h3>\s*<p class="sub lugar">([^<]+)</p>', html, re.S)
    assert archivos == cuerpo_archivos
    for lista in re.findall(r'<ul class="hallazgos">(.*?)</ul>', html, re.S):
        rangos = [("error", "warning", "info").index(s) for s in re.findall(r'<li class="hallazgo sev-(\w+)">', lista)]
        assert rangos == sorted(rangos), "dentro de una meta, los errores primero"
    assert html.count('<li class="hallazgo') == html.count('<details class="regla-doc">') == html.count('<p class="que-hacer">') == 64
    assert "<summary>Qué revisa SEC001 y por qué importa</summary>" in html
    assert "Responda la pregunta de la sección." in html
    assert '<span class="campo">Localización (municipio 6)</span>' in html  # the template's words, not the path
    assert "Un informe puede responderlo casi todo y estar en rojo" in html


def test_orden_unico_errores_primero_y_explicacion(en_raiz: None) -> None:
    _, html, _ = _correr("check", "fixtures", "--format", "html")
    _orden_y_explicacion(html)


def _chromium() -> str:
    for nombre in ("chromium", "chromium-browser", "google-chrome"):
        ruta = shutil.which(nombre)
        if ruta:
            return ruta
    mensaje = "no hay Chromium en el PATH (instale el paquete 'chromium' de Debian para esta prueba)"
    if _EN_CI:
        pytest.fail(f"CI=true: {mensaje}; .ci/run debería instalarlo")
    pytest.skip(mensaje)


def _chromium_headless(navegador: str, perfil: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    comando = [navegador, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", "--hide-scrollbars", f"--user-data-dir={perfil}", *args]
    return subprocess.run(comando, capture_output=True, timeout=180, check=False)


def _cerca(pixel: tuple[int, ...], color: str, tolerancia: int = 12) -> bool:
    objetivo = tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= tolerancia for a, b in zip(pixel[:3], objetivo, strict=True))


def test_en_chromium_se_ve_el_resumen(en_raiz: None, tmp_path: Path) -> None:
    navegador = _chromium()
    from PIL import Image

    pagina = tmp_path / "informe.html"
    codigo, _, _ = _correr("check", "fixtures", "--format", "html", "-o", str(pagina))
    assert codigo == 1

    dom = _chromium_headless(navegador, tmp_path / "perfil-dom", "--dump-dom", pagina.as_uri())
    assert dom.returncode == 0, dom.stderr.decode(errors="replace")[-2000:]
    texto = dom.stdout.decode("utf-8")
    assert '<div class="cifra"><span class="n">64</span>hallazgos</div>' in texto
    assert '<div class="cifra s-rojo"><span class="n">26</span>errores</div>' in texto
    assert "Metas con hallazgos: 24 de 27 auditadas" in texto
    assert texto.count('<table class="matriz">') == 3 and texto.count('<td class="c e-') == 270
    _orden_y_explicacion(texto)  # as the browser parsed it

    captura = tmp_path / "resumen.png"
    foto = _chromium_headless(navegador, tmp_path / "perfil-foto", f"--screenshot={captura}",
                              f"--window-size={_ANCHO},{_ALTO}", pagina.as_uri())
    assert foto.returncode == 0, foto.stderr.decode(errors="replace")[-2000:]
    assert captura.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(captura) as imagen:
        assert imagen.format == "PNG" and imagen.size == (_ANCHO, _ALTO)
        arriba = imagen.convert("RGB").crop((0, 0, _ANCHO, 450))
        crudo = arriba.tobytes()
    pixeles = [tuple(crudo[i : i + 3]) for i in range(0, len(crudo), 3)]
    # the summary is drawn in the first screen: the red and amber counters and the meta bar (red, amber, green)
    for nombre, color in COLOR.items():
        cuantos = sum(1 for p in pixeles if _cerca(p, color))
        assert cuantos > 2000, f"{nombre} ({color}): {cuantos} píxeles en la parte de arriba"
    blancos = sum(1 for p in pixeles if p == (255, 255, 255))
    assert blancos < len(pixeles) * 0.95  # not a blank page
