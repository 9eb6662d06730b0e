"""The narrative template: 'Meta cuatrienio N: <meta>' followed by paragraphs in a fixed
order: what was done (with its percentages), the investment ('Sobre una programación
estimada de $X millones ..., se ejecutaron $Y millones con ...'), the population served,
how it was done, the impact ('El impacto ...') and where.  Upper-case headings between
metas name the eje of the metas that follow.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from auditor.entrada.importar import clasificar
from auditor.entrada.importar.borrador import Borrador, Texto, continua, unir
from auditor.entrada.importar.cabecera import leer_cabecera
from auditor.entrada.importar.cierre import FIRMA
from auditor.entrada.importar.encabezados import meta_del_titulo, meta_en_parrafo, poner_dato, rotulo
from auditor.entrada.importar.matriz import leer_tabla_de_resumen
from auditor.entrada.importar.perfiles import Perfil, perfil
from auditor.entrada.importar.resumen import leer_afirmaciones_de_metas
from auditor.entrada.importar.segmentos import Segmento
from auditor.entrada.importar.tabular import Perezosa, completar_valores, leer_inversion
from auditor.entrada.problemas import ENTRADA_SIN_UBICAR
from auditor.idioma import tr
from auditor.lectura import porcentajes
from auditor.lectura import respuestas as lectura
from auditor.lectura.ceros import cero_explicito
from auditor.lectura.cifras import leer_numero
from auditor.lectura.fuente import Ruta
from auditor.lectura.patrones import normalizar

PERFIL = perfil("narrativa")  # rules/plantillas/narrativa.yaml: the meta heading and the paragraphs known by how they start


def es_encabezado_meta(texto: str, perfil_: Perfil = PERFIL) -> re.Match[str] | None:
    """The heading that opens a meta as the profile writes it ('Meta cuatrienio N: …'), or None."""
    return perfil_.encabezado.match(texto)


def es_meta(s: Segmento, perfil_: Perfil = PERFIL) -> bool:
    """A paragraph that opens a meta (a heading outside any table)."""
    return not s.en_tabla and es_encabezado_meta(s.texto, perfil_) is not None


def inicios_de_meta(segmentos: list[Segmento], perfil_: Perfil = PERFIL) -> list[int]:
    """The indices of the paragraphs that open a meta: its headings outside any table; in a document that has none,
    the headings that open the first cell of a table's row ('META 214' in the merged cell that heads each meta's
    ficha), whose table then answers that meta.  (Where headings stand outside tables, a 'Meta N' in a cell is a
    summary table's row, not a meta.)"""
    fuera = [i for i, s in enumerate(segmentos) if es_meta(s, perfil_)]
    if fuera:
        return fuera
    return [i for i, s in enumerate(segmentos)
            if s.en_tabla and s.celda == 0 and not s.fusionada and (i == 0 or segmentos[i - 1].fila != s.fila)
            and es_encabezado_meta(s.texto, perfil_) is not None]


def abre_meta(perfil_: Perfil, fuera: bool) -> Callable[[Segmento | None, Segmento], bool]:
    """`inicios_de_meta` a paragraph at a time: whether a paragraph (after `previo`, None for the first) opens a meta,
    in a document whose headings stand outside tables (`fuera`) or, if it has none, in the first cell of a row."""
    if fuera:
        return lambda previo, s: es_meta(s, perfil_)
    return lambda previo, s: (s.en_tabla and s.celda == 0 and not s.fusionada and (previo is None or previo.fila != s.fila)
                              and es_encabezado_meta(s.texto, perfil_) is not None)


def numero_de_meta(m: re.Match[str]) -> str:
    return m.group("numero")


_META_CANTIDAD = re.compile(r"^\s*(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<unidad>[A-Za-zÁÉÍÓÚÑáéíóúñ]+)")
# 'Mantener en funcionamiento 40 centros vida', 'Vacunar 5.000 niños': the target after the verb that opens the meta
_META_VERBO = re.compile(r"^\s*[A-Za-zÁÉÍÓÚÑáéíóúñ]+(?:ar|er|ir)\s+(?:(?!\d)[\w]+\s+){0,3}?"
                         r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s+(?!(?:por|de|del|al|a|y|o|en|entre|hasta)\b)(?P<unidad>[A-Za-zÁÉÍÓÚÑáéíóúñ]+)")
_VERBO_INICIAL = re.compile(r"^\s*[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:ar|er|ir)\b")  # 'Garantizar …', 'Implementar …'
_META_UNA = re.compile(r"^\s*\w+\s+de\s+(?:un|una)\s+(?P<unidad>[a-záéíóúñ]+)", re.IGNORECASE)


def es_eje(s: Segmento, perfil_: Perfil = PERFIL, en_negrita: bool = False) -> bool:
    """An upper-case heading naming the eje ('FRONTERA COMO OPORTUNIDAD DE DESARROLLO'); with `en_negrita` (after a
    meta's answers, where a cover's bold lines cannot be), also one set all in bold as a heading is ('## **Programa 2.4
    Habitante de calle**') that is not a label."""
    t = s.texto.strip()
    if s.en_tabla or len(t) > 120 or t.endswith(".") or es_encabezado_meta(t, perfil_):
        return False
    if t.isupper():
        return True
    return (en_negrita and s.negritas == (t,) and rotulo(t, perfil_) is None and not perfil_.es_rotulo_solo(t)
            and clasificar.etiqueta(t) is None)


def _titulos_al_final(parrafos: list[Segmento], desde: int) -> list[Segmento]:
    """The numbered outline headings that end `parrafos` (from index `desde` on), right before a meta's heading
    ('2.1. Línea Cultura', '2.1.1. Estudiantes formados …' above 'Meta 41 (Código PDM 4101)'): they open the meta,
    not close the previous one."""
    k = len(parrafos)
    while k - 1 >= desde and _TITULO_NUMERADO.match(parrafos[k - 1].texto) and not parrafos[k - 1].en_tabla:
        k -= 1
    return parrafos[k:]


class LectorNarrativo:
    """Reads a document in the narrative template into `borrador`, with the profile chosen for it."""

    def __init__(self, segmentos: Iterable[Segmento], borrador: Borrador, perfil_: Perfil = PERFIL,
                 documento: Callable[[], Iterable[Segmento]] | None = None) -> None:
        """`segmentos`: the document's paragraphs, a list or a stream read once (a meta at a time); for a stream,
        `documento` gives them again, should the cover state no year (the most recent one the document names)."""
        self.perfil = perfil_
        def sin_mobiliario(fuente: Iterable[Segmento]) -> Iterator[Segmento]:  # page furniture, wherever it is
            return (s for s in fuente if not perfil_.es_mobiliario(s.texto))

        self.entrada = sin_mobiliario(segmentos)
        todos = segmentos if isinstance(segmentos, list) else None
        self.documento: Callable[[], Iterable[Segmento]] = (
            (lambda: sin_mobiliario(todos)) if todos is not None else (lambda: sin_mobiliario(documento() if documento else ())))
        self.b = borrador
        # the profile's cues for paragraphs without a label ('Sobre una programación estimada …' is the investment)
        self.pistas = tuple((_PREGUNTAS[clave], patron) for clave, patron in perfil_.parrafos.items())

    def _es_eje(self, s: Segmento) -> bool:
        return es_eje(s, self.perfil)

    def leer(self) -> None:
        """The preamble, then each meta as soon as the next one's heading shows where it ends: one meta's paragraphs
        are held at a time (`inicios_de_meta`: whether the headings stand outside tables is found first, in a pass that
        stops at the first such heading)."""
        inicio = abre_meta(self.perfil, any(es_meta(s, self.perfil) for s in self.documento()))
        entrada = iter(self.entrada)
        preambulo: list[Segmento] = []
        primera = None
        previo: Segmento | None = None
        for s in entrada:
            if inicio(previo, s):
                primera = s
                break
            preambulo.append(s)
            previo = s
        if primera is None:
            raise IndexError("ningún encabezado de meta")  # the layout was chosen by its headings: there is one
        portada = list(preambulo)
        while portada and self._es_eje(portada[-1]):
            portada.pop()
        leer_cabecera(portada, preambulo, self.b, Perezosa(self.documento))
        eje = preambulo[-1].texto if preambulo and self._es_eje(preambulo[-1]) else None
        titulos = _titulos_al_final(preambulo, 0)
        if titulos:
            eje = _eje_y_nombre(titulos)[0] or eje
        bloque = [primera]
        n = 0
        previo = primera
        for s in entrada:
            if not inicio(previo, s):
                bloque.append(s)
                previo = s
                continue
            previo = s
            siguientes = _titulos_al_final(bloque, 1)  # they open the next meta, not close this one
            eje = self._leer_meta(n, bloque[:len(bloque) - len(siguientes)], eje, titulos, siguientes)
            n, titulos, bloque = n + 1, siguientes, [s]
        self._leer_meta(n, bloque, eje, titulos, None)
        self._tablas_del_preambulo(preambulo)  # after the metas: a summary table's rows name them
        leer_afirmaciones_de_metas(portada, self.b)

    def _leer_meta(self, n: int, parrafos: list[Segmento], eje: str | None, titulos: list[Segmento],
                   siguientes: list[Segmento] | None) -> str | None:
        """Meta `n` from its paragraphs (`titulos`: the numbered headings above its own, `siguientes`: above the next
        one's, None for the last meta); the eje of the next meta."""
        siguiente_eje = None
        while len(parrafos) > 1 and es_eje(parrafos[-1], self.perfil, en_negrita=True):
            siguiente_eje = parrafos.pop().texto
        self._meta(n, parrafos, eje, _eje_y_nombre(titulos)[1])
        proximo = _eje_y_nombre(siguientes)[0] if siguientes is not None else None
        return proximo or siguiente_eje or eje

    def _tablas_del_preambulo(self, preambulo: list[Segmento]) -> None:
        """A table before the first meta: a summary table whose header names the meta and its data gives its TOTAL
        row as a claim about the metas of its rows (`matriz.leer_tabla_de_resumen`, as in the tabular template);
        another table is not read, and that is said once per table, with its lines, so that its figures are known to
        go unchecked."""
        tabla: list[Segmento] = []
        for s in [*preambulo, None]:
            if s is not None and s.en_tabla:
                tabla.append(s)
                continue
            if tabla and (leer_tabla_de_resumen(tabla, self.b) or _es_tabla_de_portada(tabla)):
                tabla = []
            if tabla:
                self.b.problema(ENTRADA_SIN_UBICAR, tabla[0].linea,
                                tr("tabla antes de la primera meta (líneas {desde} a {hasta}) que la plantilla narrativa no lee: "
                                   "sus cifras no se cotejan con las de las metas", desde=tabla[0].linea, hasta=tabla[-1].linea),
                                texto=tabla[0].texto[:160])
                tabla = []

    def _meta(self, indice: int, parrafos: list[Segmento], eje: str | None, titulo_previo: str | None = None) -> None:
        base: Ruta = ("metas", indice)
        titulo = parrafos[0]
        m = es_encabezado_meta(titulo.texto, self.perfil)
        assert m is not None
        numero = numero_de_meta(m)
        if "." in numero:  # a code by levels ('3.1.1'): the meta is named by it, and numbered by its order
            self.b.poner(base + ("codigo",), numero, titulo.linea)
            self.b.poner(base + ("numero",), indice + 1, titulo.linea)
        else:
            self.b.poner(base + ("numero",), int(numero), titulo.linea)
        resto = parrafos[1:]
        nombre = _CODIGO_ENTRE_PARENTESIS.sub("", m.group("nombre")).strip()  # 'Meta 41 (Código PDM 4101)': a code, not a name
        linea_nombre = titulo.linea
        if not nombre and titulo_previo:  # '2.1.1. Estudiantes formados …' above the heading names it
            nombre = titulo_previo
        if not nombre and resto:
            nombre, linea_nombre = resto[0].texto, resto[0].linea
            resto = resto[1:]
        del_titulo = meta_del_titulo(nombre)
        if del_titulo is not None and del_titulo.nombre:  # '… vacunados (Meta cuatrienio: 48.000 niños)': the target is its own field
            nombre = del_titulo.nombre
        self.b.poner(base + ("nombre",), nombre, linea_nombre)
        if eje:
            self.b.poner(base + ("eje",), eje, titulo.linea)
        if del_titulo is not None and del_titulo.nombre:
            self.b.poner(base + ("meta_cuatrienio", "texto"), del_titulo.texto, linea_nombre)
            if del_titulo.cantidad is not None:
                self.b.poner(base + ("meta_cuatrienio", "cantidad"), del_titulo.cantidad, linea_nombre)
                self.b.poner(base + ("meta_cuatrienio", "unidad"), del_titulo.unidad, linea_nombre)
        else:
            self._meta_cuatrienio(base, nombre, linea_nombre)
        unidades = _unidades(self._sin_tablas_de_resumen(resto))
        if unidades and (del_parrafo := meta_en_parrafo(unidades[0].texto)) is not None:
            # 'Indicador de producto: … Meta cuatrienio: 2.400 productores.': the target, not what was done; what
            # a single newline ran into it ('Periodo: …') is the next answer
            primera = unidades[0]
            self.b.poner(base + ("meta_cuatrienio", "texto"), " ".join(primera.texto[:del_parrafo.fin].split()), primera.linea)
            if del_parrafo.cantidad is not None:
                self.b.poner(base + ("meta_cuatrienio", "cantidad"), del_parrafo.cantidad, primera.linea)
                if del_parrafo.unidad is not None:
                    self.b.poner(base + ("meta_cuatrienio", "unidad"), del_parrafo.unidad, primera.linea)
            despues = primera.texto[del_parrafo.fin:].strip()
            if despues.startswith("|"):  # '… | Meta 2024-2027: 120 | Avance 2025: 50': the rest of the indicator's row
                for celda in despues.split("|"):
                    dato = self.perfil.dato(celda.strip())
                    if dato is not None and dato[0] != "logro.cantidad":
                        poner_dato(self.b, base, dato[0], dato[1], primera.linea)
                despues = ""
            unidades = ([_parte(primera, despues)] if despues else []) + unidades[1:]
        unidades = _sin_numeracion(unidades)
        if not unidades:
            self.b.problema(ENTRADA_SIN_UBICAR, titulo.linea, tr("la meta {numero} no tiene ningún párrafo después de su nombre", numero=numero),
                            meta=numero)
            return
        textos = self._clasificar(base, unidades, numero)
        un_parrafo = len(unidades) == 1 and len(textos) == 1 and self._sin_rotulo(unidades[0])
        if un_parrafo:  # the whole meta in one paragraph without labels: the account of what was done, whatever it stresses
            textos = {("logro", "texto"): next(iter(textos.values()))}
        for ruta, texto in textos.items():
            self.b.poner_texto(base + ruta, texto)
        logro = textos.get(("logro", "texto"))
        if logro is not None:
            self._logro(base, logro)
        for ruta in _OTRAS_CON_PORCENTAJES:  # 'Acciones realizadas: Se entregaron los tres estudios programados (100 %) …'
            otra = textos.get(ruta)
            if otra is not None:
                self._porcentajes(base, otra)
        completar_valores(self.b, base, textos, tabular=False)
        if un_parrafo:
            self._hechos_de_un_parrafo(base, textos[("logro", "texto")])
        self._logrado_en_otra_respuesta(base, textos)
        inversion = textos.get(("inversion", "texto"))
        if inversion is not None:
            self._programado_cero(base, inversion)

    def _sin_tablas_de_resumen(self, parrafos: list[Segmento]) -> list[Segmento]:
        """A meta's paragraphs without the summary tables among them: a table whose header names the meta and its
        data, a row per meta of the report and a total or a programa's subtotal ('Cuadro de ejecución presupuestal –
        Programa 2.3' pasted after the programa's last meta) is a claim about those metas (`leer_tabla_de_resumen`,
        checked by the totals rules), not an answer of the meta it follows; its caption right before it goes with it."""
        salida: list[Segmento] = []
        i = 0
        while i < len(parrafos):
            if not parrafos[i].en_tabla:
                salida.append(parrafos[i])
                i += 1
                continue
            j = i
            while j < len(parrafos) and parrafos[j].en_tabla:
                j += 1
            tabla = parrafos[i:j]
            if leer_tabla_de_resumen(tabla, self.b):
                if salida and not salida[-1].en_tabla and _LEYENDA_DE_TABLA.match(salida[-1].texto):
                    salida.pop()
            else:
                salida.extend(tabla)
            i = j
        return salida

    def _logrado_en_otra_respuesta(self, base: Ruta, textos: dict[Ruta, Texto]) -> None:
        """What was achieved, when what was done gives no count but another answer counts the meta's own unit with what
        was done to it: 'Las dos (2) iniciativas apoyadas beneficiaron a 140 personas' for a meta of '8 iniciativas …
        apoyadas'.  Only one such count in those answers, not a part of something programmed, and only when the
        achievement paragraph states a percentage to check (otherwise there is nothing it would change)."""
        meta = self.b.datos["metas"][base[1]]
        unidad = meta.get("meta_cuatrienio", {}).get("unidad")
        if not unidad or "cantidad" in meta.get("logro", {}) or not ({"cumplimiento_periodo", "avance_cuatrienio"} & meta.keys()):
            return
        servidos = meta.get("beneficiarios", {}).get("unidad")
        if servidos and normalizar(servidos)[:5] == normalizar(unidad)[:5]:
            return  # the meta counts people served: the percentages are checked against the beneficiaries already
        hallados = []
        for ruta in (("beneficiarios", "descripcion"), ("ejecucion", "como")):
            texto = textos.get(ruta)
            cuenta = lectura.cuenta_junto_a(texto.texto, unidad) if texto is not None else None
            if texto is not None and cuenta is not None:
                despues = texto.texto[cuenta.inicio:].split()
                participio = next((p for p in despues[2:5] if _PARTICIPIO_LOGRADO.match(normalizar(p))), None)
                antes = normalizar(texto.texto[max(0, cuenta.inicio - 20):cuenta.inicio])
                if participio is not None and not re.search(r"\bde\s+(?:las|los)\s*$|program", antes):
                    hallados.append((texto, cuenta))
        if len(hallados) == 1:
            texto, cuenta = hallados[0]
            linea = texto.linea_de(texto.texto[cuenta.inicio:cuenta.inicio + 20])
            self.b.poner(base + ("logro", "cantidad"), cuenta.cantidad, linea)
            self.b.poner(base + ("logro", "unidad"), cuenta.unidad, linea)

    def _programado_cero(self, base: Ruta, inversion: Texto) -> None:
        """'Esta meta no tuvo programación presupuestal en la vigencia': the programmed amount is an
        explicit zero, not a missing one."""
        if "programada" in self.b.datos["metas"][base[1]].get("inversion", {}):
            return
        cero = cero_explicito(inversion.texto)
        if cero is not None and "programa" in normalizar(cero.texto):
            self.b.poner(base + ("inversion", "programada"), 0, inversion.linea_de(cero.texto))

    def _clasificar(self, base: Ruta, unidades: list[Texto], numero: str) -> dict[Ruta, Texto]:
        """Each paragraph placed under the question it answers.  A label of the profile decides
        ('Aliados: …' is with whom), and a label alone on its line takes the paragraphs below it up to
        the next label; the other paragraphs are placed by their own label ('Impacto:') or by what
        they say (`clasificar`), the template order breaking ties."""
        textos: dict[Ruta, Texto] = {}
        libres: list[Texto] = []
        actual: Ruta | None = None
        de_un_dato: set[Ruta] = set()  # 'Logro a 31 de agosto: 2.640 hogares': the count, not the answer of what was done
        for u in unidades:
            varios = [self.perfil.dato(p) for p in u.texto.split(" | ")]
            if len(varios) > 1 and all(d is not None and d[0] != "logro.cantidad" for d in varios[:-1]) and varios[-1] is not None:
                # 'Programado 2025: 3,0 km | Ejecutado a la fecha de corte: 2,6 km': several values in one cell, each its own
                *primeros, _ultimo = [d for d in varios if d is not None]
                if all(poner_dato(self.b, base, campo, valor, u.linea) for campo, valor in primeros):
                    u = _parte(u, u.texto[u.texto.rindex(" | ") + 3:])
            dato = self.perfil.dato(u.texto)  # 'Programado 2025: 175.000', '% de cumplimiento: 98 %': a value, not an answer
            if dato is not None:
                campo, valor = dato
                if campo == "logro.cantidad":  # 'Ejecutado a la fecha de corte: 171.500 estudiantes …': the count, and what was done
                    cuenta = lectura.primera_cuenta(valor, "logro")
                    if cuenta is not None:
                        self.b.poner(base + ("logro", "cantidad"), cuenta.cantidad, u.linea)
                        self.b.poner(base + ("logro", "unidad"), cuenta.unidad, u.linea)
                    elif leer_numero(valor.strip().rstrip(".")) is not None:  # 'Ejecutado a 30/09/2025: 38': the meta's own unit
                        self.b.poner(base + ("logro", "cantidad"), valor.strip().rstrip("."), u.linea)
                    if ("logro", "texto") not in textos:
                        de_un_dato.add(("logro", "texto"))
                    _agregar(textos, ("logro", "texto"), _sin_rotulo(u, valor))
                    actual = None
                    continue
                if poner_dato(self.b, base, campo, valor, u.linea):
                    actual = None
                    continue
            r = rotulo(u.texto, self.perfil)
            if r is not None:
                de_un_dato.discard(r.campo)  # the question's own label answers it
            if r is None:
                if actual is not None:
                    _agregar(textos, actual, u)
                else:
                    libres.append(u)
                continue
            # a bare label, or one whose answer announces a list ('Actividades: se realizaron 9 eventos:'): the
            # paragraphs below go on answering it
            actual = r.campo if not r.resto or r.resto.rstrip().endswith(":") else None
            if r.resto:
                _agregar(textos, r.campo, _sin_rotulo(u, r.resto))
            elif r.campo not in textos:  # 'Impacto:' with nothing below is an empty answer, at the label's line
                vacio = Texto()
                vacio.agregar("", u.linea)
                textos[r.campo] = vacio
            if isinstance(u, _SinRespuesta):
                actual = None
        for ruta, texto in self._por_contenido(libres, numero, set(textos) - de_un_dato).items():
            _agregar(textos, ruta, texto)
        return textos

    def _por_contenido(self, unidades: list[Texto], numero: str, rotulados: set[Ruta]) -> dict[Ruta, Texto]:
        """The paragraphs without a label of the profile, placed by `clasificar`; a question a label
        already answered is not given to them unless their own label names it."""
        forzados: list[int | None] = []
        limpias: list[Texto] = []
        for u in unidades:
            etiquetado = clasificar.etiqueta(u.texto)
            if etiquetado is None:
                forzados.append(None)
                limpias.append(u)
                continue
            forzados.append(etiquetado.campo)
            limpias.append(_sin_rotulo(u, etiquetado.resto))
        campos = clasificar.clasificar([u.texto for u in limpias], forzados, prohibidos=frozenset(
            c for c, ruta in _RUTAS.items() if ruta in rotulados), pistas=self.pistas)
        textos: dict[Ruta, Texto] = {}
        for i, campo, suyas, resto in clasificar.compartidos([u.texto for u in limpias], campos, self.pistas):
            if _RUTAS[campo] in rotulados:
                continue
            u = limpias[i]
            textos[_RUTAS[campo]] = _parte(u, suyas)
            limpias[i] = _parte(u, resto)
        sueltas: list[Texto] = []  # a run of consecutive unplaced paragraphs (a table's rows) is reported once
        for u, campo in zip(limpias, campos, strict=True):
            if campo == clasificar.SIN_UBICAR:
                sueltas.append(u)
                continue
            self._sin_ubicar(sueltas, numero)
            sueltas = []
            _agregar(textos, _RUTAS[campo], u)
        self._sin_ubicar(sueltas, numero)
        return textos

    def _sin_ubicar(self, sueltas: list[Texto], numero: str) -> None:
        if not sueltas:
            return
        u = sueltas[0]
        otros = len(sueltas) - 1
        mas = tr(" (y {n} párrafos más hasta la línea {linea})", n=otros, linea=sueltas[-1].linea) if otros else ""
        self.b.problema(ENTRADA_SIN_UBICAR, u.linea,
                        tr("párrafo de la meta {numero} que no responde a ninguna pregunta de la plantilla narrativa "
                           "(lo realizado, inversión, población, cómo, impacto, dónde); no se audita como parte de ningún campo",
                           numero=numero) + mas, texto=u.texto[:160], meta=numero)

    def _meta_cuatrienio(self, base: Ruta, nombre: str, linea: int) -> None:
        self.b.poner(base + ("meta_cuatrienio", "texto"), nombre, linea)
        m = _META_CANTIDAD.match(nombre) or _META_VERBO.match(nombre)
        if m:
            self.b.poner(base + ("meta_cuatrienio", "cantidad"), m.group("n"), linea)
            self.b.poner(base + ("meta_cuatrienio", "unidad"), m.group("unidad"), linea)
            return
        if _VERBO_INICIAL.match(nombre):
            # 'Garantizar el PAE a 52.000 estudiantes', 'Implementar la estrategia Escuela de Familias en 60 instituciones':
            # the target is the first count of the sentence, however long the object before it
            cuenta = lectura.primera_cuenta(nombre, "logro")
            if cuenta is not None:
                self.b.poner(base + ("meta_cuatrienio", "cantidad"), cuenta.cantidad, linea)
                self.b.poner(base + ("meta_cuatrienio", "unidad"), cuenta.unidad, linea)
                return
        una = _META_UNA.match(nombre)
        if una:
            self.b.poner(base + ("meta_cuatrienio", "cantidad"), 1, linea)
            self.b.poner(base + ("meta_cuatrienio", "unidad"), una.group("unidad"), linea)

    def _sin_rotulo(self, u: Texto) -> bool:
        """A paragraph that no label of the profile or of the questions opens, and that is not a labelled value."""
        return rotulo(u.texto, self.perfil) is None and clasificar.etiqueta(u.texto) is None and self.perfil.dato(u.texto) is None

    def _hechos_de_un_parrafo(self, base: Ruta, parrafo: Texto) -> None:
        """A meta written as one paragraph with everything in it ('…; para ello se invirtieron $ 1.240,5 millones …,
        beneficiando a 1.180 familias …, de los municipios de Buesaco, La Unión y Sandoná …'): the paragraph is what
        was done, and the facts it states for the other questions are read into their fields all the same: the amount
        its verb or noun of investing introduces, or its explicit zero, with the sources; the people it says were
        served, with their groups, or that none were; the places it presents as municipalities.  An amount no verb
        introduces is not taken (in a paragraph about everything, '$ 1.120 millones' may be sales, not investment)."""
        meta = self.b.datos["metas"][base[1]]
        texto = parrafo.texto
        if "inversion" not in meta:
            leer_inversion(self.b, base, parrafo, tabular=False, solo_introducido=True)
        if "beneficiarios" not in meta:
            cuenta = lectura.cuenta_servida(texto)
            if cuenta is not None:
                linea = parrafo.linea_de(texto[cuenta.inicio:cuenta.inicio + 40])
                self.b.poner(base + ("beneficiarios", "total"), cuenta.cantidad, linea)
                self.b.poner(base + ("beneficiarios", "unidad"), cuenta.unidad, linea)
                for i, (grupo, cantidad) in enumerate(lectura.grupos(texto, cuenta.inicio)):
                    self.b.poner(base + ("beneficiarios", "grupos", i, "grupo"), grupo, parrafo.linea_de(grupo))
                    self.b.poner(base + ("beneficiarios", "grupos", i, "cantidad"), cantidad, parrafo.linea_de(grupo))
            elif (ninguno := lectura.sin_poblacion(texto)) is not None:  # 'no se registra … población beneficiada en 2025'
                self.b.poner(base + ("beneficiarios", "total"), 0, parrafo.linea_de(ninguno.texto))
        if "localizacion" not in meta:
            for i, municipio in enumerate(lectura.municipios(texto, self.b.datos.get("departamento"))):
                self.b.poner(base + ("localizacion", "municipios", i), municipio, parrafo.linea_de(municipio))

    def _porcentajes(self, base: Ruta, texto: Texto) -> None:
        """The progress percentages an answer states by the phrase attached to each, where the meta has none yet (a
        labelled value, '% de cumplimiento: 98 %', or what was done, is not read again from other prose)."""
        meta = self.b.datos["metas"][base[1]]
        for campo, trozo in lectura.porcentajes_narrativos(texto.texto).items():
            if campo not in meta:
                self.b.poner(base + (campo,), trozo.texto, texto.linea_de(texto.texto[max(0, trozo.inicio - 30):trozo.inicio + 5]))
        if "cumplimiento_periodo" not in meta and (nada := lectura.sin_programar(texto.texto)) is not None:
            # 'Para la vigencia 2025 no se programó avance físico': the period's cumplimiento does not apply (NP), as written
            self.b.poner(base + ("cumplimiento_periodo",), nada.texto, texto.linea_de(nada.texto))

    def _logro(self, base: Ruta, logro: Texto) -> None:
        meta = self.b.datos["metas"][base[1]]
        self._porcentajes(base, logro)
        unidad = meta.get("meta_cuatrienio", {}).get("unidad")
        if unidad and "cantidad" not in meta.get("logro", {}):
            cuenta = lectura.cuenta_junto_a(logro.texto, unidad)
            programado = porcentajes.programado_del_periodo(logro.texto)
            if programado is not None and cuenta is not None and cuenta.inicio == programado.inicio:
                # "De los 10 talleres programados ... se realizaron 8": 10 is what was programmed, not achieved; the
                # achieved may follow with the noun left out ('se programó la adecuación de 10 escenarios y se intervinieron 8')
                cuenta = lectura.lograda_junto_a_programado(logro.texto, programado.inicio, programado.fin, cuenta.unidad)
            if cuenta is not None:
                linea = logro.linea_de(logro.texto[cuenta.inicio:cuenta.inicio + 20])
                self.b.poner(base + ("logro", "cantidad"), cuenta.cantidad, linea)
                self.b.poner(base + ("logro", "unidad"), cuenta.unidad, linea)


# answers where an office may write the progress percentages when what was done does not hold them
_OTRAS_CON_PORCENTAJES: tuple[Ruta, ...] = (("ejecucion", "como"), ("impacto",))

# The questions as the profile's `parrafos` names them.
_PREGUNTAS = {"logro": clasificar.LOGRO, "inversion": clasificar.INVERSION, "beneficiarios": clasificar.POBLACION,
              "como": clasificar.COMO, "impacto": clasificar.IMPACTO, "donde": clasificar.LUGAR}

_RUTAS: dict[int, Ruta] = {
    clasificar.LOGRO: ("logro", "texto"),
    clasificar.INVERSION: ("inversion", "texto"),
    clasificar.POBLACION: ("beneficiarios", "descripcion"),
    clasificar.COMO: ("ejecucion", "como"),
    clasificar.IMPACTO: ("impacto",),
    clasificar.LUGAR: ("localizacion", "texto"),
}
# a horizontal rule alone in its paragraph ('---', '___', '* * *')
_RAYA = re.compile(r"^\s*(?:[-–—_*]\s*){3,}$")


# A numbered outline heading: '2.1.1. Estudiantes formados en la Red de Escuelas de Música', '3.2 Programa: Pecuario'
_TITULO_NUMERADO = re.compile(r"^\s*(?P<nivel>\d{1,2}(?:\.\d{1,3})+)\.?\s+(?P<titulo>[^\W\d][^.!?]{0,160})$")
_CODIGO_ENTRE_PARENTESIS = re.compile(r"^\s*\(\s*c[oó]d(?:igo|\.)?[^()]*\)\s*", re.IGNORECASE)


# the labels of a cover written as a table ('Entidad | Gobernación del Tolima', 'Fecha de corte | 31 de octubre de 2025')
_ROTULO_DE_PORTADA = re.compile(
    r"^\s*(?:entidad|dependencia|secretar[ií]a|oficina|fecha(?:\s+de\s+corte)?|corte|periodo|per[ií]odo|vigencia|responsable(?:\s+del\s+reporte)?"
    r"|departamento|municipio|plan(?:\s+de\s+desarrollo)?|elaborado\s+por|elabor[oó]|revis[oó]|aprob[oó]|versi[oó]n|c[oó]digo)\s*:?\s*$",
    re.IGNORECASE)


def _es_tabla_de_portada(tabla: list[Segmento]) -> bool:
    """A table of the cover's fields, label | value: the cover reader reads it; it holds no figures of the metas."""
    rotulos = [s for s in tabla if s.celda == 0]
    return bool(rotulos) and all(_ROTULO_DE_PORTADA.match(s.texto) for s in rotulos)


def _eje_y_nombre(titulos: list[Segmento]) -> tuple[str | None, str | None]:
    """Of the outline headings above a meta, the deepest is its name and the one above it its eje (line, program)."""
    if not titulos:
        return None, None
    niveles = [(_TITULO_NUMERADO.match(t.texto), t.texto) for t in titulos]
    nombre = niveles[-1][0].group("titulo").strip() if niveles[-1][0] else None
    eje = niveles[-2][1].strip() if len(niveles) >= 2 else None
    return eje, nombre


_PARTICIPIO_LOGRADO = re.compile(r"^[a-z]{3,}(?:ad|id)[oa]s?$")  # 'apoyadas', 'entregados', 'construidas'
_ROTULO_DE_FICHA = re.compile(r"^[^.;!?]{1,80}$")
_ROTULO_DE_COLUMNA = re.compile(r"^(?:%|[^\W\d][^.;!?:]{0,40}(?:\s(?:19|20)\d\d)?)$")  # 'Programado 2025', 'Inversión', '%'



# the name of a column of a ficha that says nothing of the meta: its header row
_COLUMNA_GENERICA = re.compile(r"\s*(?:preguntas?|respuestas?|campos?|informaci[oó]n|descripci[oó]n|detalles?|datos?|conceptos?|[ií]tems?"
                               r"|aspectos?|contenidos?|rubros?)\s*:?\s*", re.IGNORECASE)


# the caption of a table: 'Cuadro de ejecución presupuestal – Programa 2.3', 'Tabla 4. Resumen …'
_LEYENDA_DE_TABLA = re.compile(r"^\s*(?:cuadro|tabla|resumen|consolidado)\b.{0,200}$", re.IGNORECASE)


class _SinRespuesta(Texto):
    """A ficha's last row with its answer cell empty: the question's empty answer, which the paragraphs after the
    table (a note, another table) do not go on answering."""


def _fichas(parrafos: list[Segmento]) -> list[Segmento | Texto]:
    """A meta written as a table of two columns, a label and its answer (a 'ficha': 'Inversión ejecutada |
    $92.450.000.000', 'Acciones desarrolladas | • … • …'): each row becomes one paragraph 'Label: answer', the
    answer's other paragraphs kept in it, so the profile's labels place it; a next row with its label cell empty
    goes on with that answer, and a header row of generic column names ('Pregunta | Respuesta') is left out.
    Other paragraphs pass as they are."""
    salida: list[Segmento | Texto] = []
    ficha: tuple[Texto, int | None] | None = None  # the last row read as 'label: answer', and its answer's column
    i = 0
    while i < len(parrafos):
        s = parrafos[i]
        de_encabezado = _tabla_de_encabezado(parrafos, i)
        if de_encabezado is not None:
            unidades, i = de_encabezado
            salida.extend(unidades)
            continue
        fila = [p for p in parrafos[i:i + 200] if p.fila == s.fila] if s.fila is not None else []
        if len(fila) >= 2 and len({p.celda for p in fila}) == len(fila) and all(_COLUMNA_GENERICA.fullmatch(p.texto) for p in fila):
            i += len(fila)  # 'Pregunta | Respuesta', 'Campo | Información': the header of a two-column ficha, no answer
            continue
        if ficha is not None and fila and all(p.celda == ficha[1] for p in fila):
            for p in fila:  # a row whose question cell is empty: the answer above goes on ('… 2. …' | '3. …')
                ficha[0].agregar(_con_vineta(p), p.linea)
            i += len(fila)
            continue
        ficha = None
        rotulo = [p for p in fila if p.celda == s.celda]
        respuesta = [p for p in fila if p.celda is not None and s.celda is not None and p.celda > s.celda]
        siguiente = parrafos[i + len(fila)] if i + len(fila) < len(parrafos) else None
        if (s.fila is not None and len(rotulo) == len(fila) == 1 and _ROTULO_DE_FICHA.match(s.texto.strip())
                and (siguiente is None or not siguiente.en_tabla)):
            vacia = _SinRespuesta()  # '| ¿Qué impacto se logró? |  |' as the table's last row: an empty answer
            vacia.agregar(s.texto.strip(), s.linea)
            salida.append(vacia)
            i += 1
            continue
        if (s.fila is None or len(rotulo) != 1 or not respuesta or not _ROTULO_DE_FICHA.match(s.texto.strip())
                or {p.celda for p in respuesta} != {respuesta[0].celda}):
            salida.append(s)
            i += 1
            continue
        t = Texto()
        t.agregar(f"{s.texto.strip().rstrip(':')}: {respuesta[0].texto}", s.linea)
        for p in respuesta[1:]:
            t.agregar(_con_vineta(p), p.linea)
        salida.append(t)
        ficha = (t, respuesta[0].celda)
        i += len(fila)
    return salida


def _fila(parrafos: list[Segmento], i: int) -> tuple[list[Segmento], int]:
    """The paragraphs of the table row that starts at `i`, and where the next row starts."""
    j = i
    while j < len(parrafos) and parrafos[j].fila == parrafos[i].fila and parrafos[i].fila is not None:
        j += 1
    return parrafos[i:j], j


def _tabla_de_encabezado(parrafos: list[Segmento], i: int) -> tuple[list[Texto], int] | None:
    """A meta's data as a table of two rows, a header that names each column and the row of its values ('Meta |
    Programado | Ejecutado | % | Inversión' over '4.800 productores | 1.200 | 1.020 | 90 % | $ 800 millones'): each
    column becomes one labelled paragraph 'Programado: 1.200', its other paragraphs kept in it.  A table of more
    rows (the matrix layout) or whose first row is not labels is left as it is."""
    encabezado, j = _fila(parrafos, i)
    if len(encabezado) < 3 or any(p.celda is None or not _ROTULO_DE_COLUMNA.match(p.texto.strip()) for p in encabezado):
        return None
    datos, k = _fila(parrafos, j)
    siguiente, _ = _fila(parrafos, k) if k < len(parrafos) else ([], k)
    if not datos or siguiente:
        return None  # no row of values, or more than one: not one meta's data
    rotulos = {p.celda: p for p in encabezado}
    if len(rotulos) != len(encabezado) or any(p.celda not in rotulos for p in datos):
        return None
    unidades: list[Texto] = []
    for celda, cabecera in sorted(rotulos.items(), key=lambda par: par[0] or 0):
        valores = [p for p in datos if p.celda == celda]
        if not valores:
            continue
        t = Texto()
        t.agregar(f"{cabecera.texto.strip().rstrip(':')}: {valores[0].texto}", valores[0].linea)
        for p in valores[1:]:
            t.agregar(p.texto, p.linea)
        unidades.append(t)
    return unidades, k


def _con_vineta(s: Segmento) -> str:
    """A paragraph inside an answer as the document shows it: an item of a list with its bullet ('• …'), so that the
    answer's list ends where the document's does ('2 parques:' • … • … and then a sentence, not a third item)."""
    return f"• {s.texto}" if s.vineta else s.texto


def _unidades(parrafos: list[Segmento]) -> list[Texto]:
    """Paragraphs, with a sentence cut by a page break joined back; a label | answer table row is one; the items
    of a list go with the paragraph that announces them ('Se formalizaron 7 unidades:' and its bullets), so that
    the list is placed, and compared with its count, as one answer."""
    unidades: list[Texto] = []
    en_lista = False  # the last unit is a paragraph ending in ':' and the list items after it
    for s in _fichas(parrafos):
        if isinstance(s, Texto):
            unidades.append(s)
            en_lista = False
            continue
        if (FIRMA.match(s.texto) and len(s.texto) <= 200) or _RAYA.match(s.texto):
            continue  # who signed it; a rule between metas ('---'), which separates and says nothing
        if s.vineta and unidades and (en_lista or unidades[-1].texto.rstrip().endswith(":")):
            unidades[-1].agregar(_con_vineta(s), s.linea)
            en_lista = True
            continue
        en_lista = False
        if unidades and continua(unidades[-1].texto, s.texto):
            unidades[-1].agregar(s.texto, s.linea)
        else:
            t = Texto()
            t.agregar(s.texto, s.linea)
            unidades.append(t)
    return unidades


_NUMERO_DE_RESPUESTA = re.compile(r"\s*(\d{1,2})([).])(?:\s+|$)")
_RESPUESTAS_NUMERADAS = 5  # a questionnaire answered in order: its questions, not a list of a few items


def _sin_numeracion(unidades: list[Texto]) -> list[Texto]:
    """Answers numbered in the order of the template's questions ('1) Se instalaron …', '2) Se alcanzó el 100 % …',
    …, '8) …'): the numbers go, the answers stay (an answer left blank, a bare '4)', is no answer). Only when the
    meta opens with '1)' and its numbered paragraphs run 1, 2, 3 … in order, at least `_RESPUESTAS_NUMERADAS` of
    them, all with the same mark: a shorter numbered list is content (CNT003 compares it with its count)."""
    marcas = [_NUMERO_DE_RESPUESTA.match(u.texto) for u in unidades]
    numeradas = [m for m in marcas if m is not None]
    if marcas[0] is None or len(numeradas) < _RESPUESTAS_NUMERADAS or len({m.group(2) for m in numeradas}) > 1 \
            or [int(m.group(1)) for m in numeradas] != list(range(1, len(numeradas) + 1)):
        return unidades
    salida: list[Texto] = []
    for u, m in zip(unidades, marcas, strict=True):
        if m is None:
            salida.append(u)
            continue
        resto = u.texto[m.end():]
        if resto.strip():
            salida.append(_sin_rotulo(u, resto))
    return salida


def _agregar(textos: dict[Ruta, Texto], ruta: Ruta, u: Texto) -> None:
    textos[ruta] = _juntar([textos[ruta], u]) if ruta in textos and textos[ruta].partes else u


def _sin_rotulo(u: Texto, resto: str) -> Texto:
    """A paragraph without the label that opens it (`resto`: the text after the label); in a paragraph of
    several parts (a table cell's), the label is cut from the first part and the others stay as they are."""
    t = Texto()
    if len(u.partes) > 1:
        primera = u.partes[0][0]
        comienzo = primera.find(resto[:40].split("\n")[0]) if resto.strip() else -1  # where the answer starts, after the label
        if comienzo >= 0 or " ".join(resto.split()) == " ".join(unir([p for p, _ in u.partes[1:]]).split()):
            if comienzo >= 0:  # else the first part was the label alone ('Actividades:' and the items of its list)
                t.agregar(primera[comienzo:].strip(), u.partes[0][1])
            for texto, linea in u.partes[1:]:
                t.agregar(texto, linea)
            return t
    for i, (texto, linea) in enumerate(u.partes):
        t.agregar(resto if i == 0 else texto, linea)
    return t


def _parte(u: Texto, texto: str) -> Texto:
    """Some sentences of a paragraph, at the line they start on."""
    t = Texto()
    t.agregar(texto, u.linea_de(texto[:40]))
    return t


def _juntar(unidades: list[Texto]) -> Texto:
    t = Texto()
    for u in unidades:
        for texto, linea in u.partes:
            t.agregar(texto, linea)
    return t
