"""What closes a document after its last meta and answers none of them: an e-mail's closing and signature and the
message it replies to ('-----Mensaje original-----'), or a horizontal rule and the colophon below it ('---' /
'Documento elaborado por …'). The importer leaves it out and says so."""

from __future__ import annotations

import re
from collections.abc import Callable

from auditor.entrada.importar.segmentos import Segmento

# the message a reply quotes, as mail programs mark it
_MENSAJE_CITADO = re.compile(
    r"^\s*(?:-{2,}\s*(?:mensaje\s+original|original\s+message|mensaje\s+reenviado|forwarded\s+message)\s*-{2,}"
    r"|el\s.{5,160}\sescribi[oó]\s*:|on\s.{5,160}\swrote\s*:)\s*$",
    re.IGNORECASE,
)
# a horizontal rule alone on its line (markdown '---', '***', '___'): what follows it closes the document
_RAYA = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
# a closing alone on its line: the signature follows
_DESPEDIDA = re.compile(
    r"^\s*(?:cordialmente|atentamente|saludos(?:\s+cordiales)?|cordial\s+saludo|un\s+cordial\s+saludo|sin\s+otro\s+particular"
    r"|agradecemos\s+su\s+atenci[oó]n)\s*[,.]?\s*$",
    re.IGNORECASE,
)


# the sentence that hands the reply over, right before the closing ('Quedamos atentos a cualquier ajuste.')
_ENTREGA = re.compile(r"^\s*(?:quedamos|quedo)\s+atent[oa]s?\b|^\s*(?:ante\s+)?cualquier\s+(?:inquietud|duda|ajuste|comentario)\b",
                      re.IGNORECASE)


def cierre_del_documento(segmentos: list[Segmento], es_meta: Callable[[Segmento], bool]) -> int | None:
    """Index of the first segment of the document's closing (a horizontal rule; an e-mail's closing alone on its line,
    with the sentence that hands the reply over right before it; or the quoted message), when it comes after the last
    meta heading; None when the document has no such closing."""
    ultima = max((i for i, s in enumerate(segmentos) if es_meta(s)), default=None)
    if ultima is None:
        return None
    for i in range(ultima + 1, len(segmentos)):
        texto = segmentos[i].texto
        if segmentos[i].en_tabla:
            continue
        if _RAYA.match(texto):
            return i
        if _DESPEDIDA.match(texto) or _MENSAJE_CITADO.match(texto):
            return i - 1 if i - 1 > ultima and _ENTREGA.match(segmentos[i - 1].texto) else i
    return None
