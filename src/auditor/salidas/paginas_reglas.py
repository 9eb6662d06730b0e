"""The rule pages: one Markdown page per rule (``docs/reglas/ID.md``) and their index, written from each rule's own
documentation (what it checks, why it matters, what to do, its examples and parameters) in the run's language, so
that a reviewer reads on the web what `auditor rules explain ID` prints, and SARIF viewers link to it (`helpUri`,
with `url_documentacion:` in the configuration)."""

from __future__ import annotations

from collections.abc import Iterable

from auditor.idioma import plantilla, tr
from auditor.reglas.catalogo import Regla
from auditor.reglas.observacion import Severidad


def _parrafos(texto: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in plantilla(texto).split("\n\n") if p.strip())


def pagina(regla: Regla, severidad: Severidad, parametros: Iterable[tuple[str, str, str]] = ()) -> str:
    """The page of one rule; `parametros`: (name, default as written in auditor.yaml, description)."""
    doc = regla.doc
    partes = [
        f"# {regla.id} · {regla.nombre}",
        "",
        tr("Categoría: `{categoria}` · severidad: {severidad} · tipo: {tipo}", categoria=regla.categoria.value,
           severidad=severidad.etiqueta, tipo=regla.origen),
        "",
        f"## {tr('Qué revisa')}", "", _parrafos(doc.que_revisa), "",
        f"## {tr('Por qué importa')}", "", _parrafos(doc.por_que), "",
    ]
    if doc.que_hacer:
        partes += [f"## {tr('Qué hacer')}", "", _parrafos(doc.que_hacer), ""]
    partes += [
        f"## {tr('Ejemplo que se señala')}", "", "```yaml", doc.ejemplo_falla.rstrip(), "```", "",
        f"## {tr('Ejemplo correcto')}", "", "```yaml", doc.ejemplo_pasa.rstrip(), "```", "",
    ]
    lista = list(parametros)
    if lista:
        partes += [f"## {tr('Parámetros (configurables en auditor.yaml)')}", ""]
        partes += [f"- `{nombre}` = `{defecto}`: {descripcion}" for nombre, defecto, descripcion in lista]
        partes.append("")
    partes.append(tr("Página generada con `auditor rules docs`; la misma documentación da `auditor rules explain {id}`.",
                     id=regla.id))
    return "\n".join(partes) + "\n"


def indice(reglas: Iterable[tuple[Regla, Severidad]]) -> str:
    """The index of the rule pages, one line per rule."""
    filas = [f"| [{r.id}]({r.id}.md) | {r.nombre} | `{r.categoria.value}` | {s.etiqueta} |" for r, s in reglas]
    return "\n".join([
        f"# {tr('Reglas de auditor')}", "",
        tr("Una página por regla, generada con `auditor rules docs` a partir de la documentación de cada regla."), "",
        f"| {tr('id')} | {tr('nombre')} | {tr('categoría')} | {tr('severidad')} |", "|---|---|---|---|", *filas, "",
    ])
