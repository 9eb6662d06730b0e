"""What wraps a document and answers none of its metas: an e-mail's closing and signature and the message it replies
to ('-----Mensaje original-----'), or a horizontal rule and the colophon below it ('---' / 'Documento elaborado por …'),
after its last meta; and before its cover, the e-mail that carries it (its header lines, the greeting and the message
that hands it over). The importer leaves them out and says so."""

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


# who drafted, reviewed or approved it, at its foot ('Elaboró: equipo de apoyo …', 'Vo.Bo.: …'): the signature block,
# and the place and date under it, close the document
FIRMA = re.compile(r"^\s*(?:elabor[oó]|proyect[oó]|revis[oó]|aprob[oó]|vo\.?\s*bo\.?)\s*:", re.IGNORECASE)
# the sentence that hands the reply or the report over ('Quedamos atentos a cualquier ajuste.'): opening the paragraph
# right before the closing, or anywhere in the message above a cover
_FRASE_DE_ENTREGA = r"(?:quedamos|quedo)\s+atent[oa]s?\b|(?:ante\s+)?cualquier\s+(?:inquietud|duda|ajuste|comentario)\b"
_ENTREGA = re.compile(rf"^\s*(?:{_FRASE_DE_ENTREGA})", re.IGNORECASE)
_ENTREGA_EN_MENSAJE = re.compile(rf"\b(?:{_FRASE_DE_ENTREGA})", re.IGNORECASE)


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
        if _DESPEDIDA.match(texto) or _MENSAJE_CITADO.match(texto) or FIRMA.match(texto):
            return i - 1 if i - 1 > ultima and _ENTREGA.match(segmentos[i - 1].texto) else i
    return None


# a header line of the e-mail that carries the report, as mail programs write it when a message is pasted or exported
_CABECERA_DE_CORREO = re.compile(r"^\s*(?:asunto|de|para|cc|cco|enviado|enviado\s+el|fecha|subject|from|to|sent|date)\s*:\s*\S",
                                 re.IGNORECASE)
# how the message opens: 'Buenas tardes Dra. Yulieth,', 'Cordial saludo.', 'Estimado ingeniero:'
_SALUDO = re.compile(r"^\s*(?:buen[oa]s\s+(?:d[ií]as|tardes|noches)|cordial\s+saludo|un\s+cordial\s+saludo|estimad[oa]s?|apreciad[oa]s?"
                     r"|respetad[oa]s?|señor(?:a|es|as)?|doctor(?:a)?|dr[a]?\.|hola)\b", re.IGNORECASE)
_MENSAJE_MAXIMO = 6  # paragraphs of the message looked at, after the greeting


def inicio_del_documento(segmentos: list[Segmento], es_meta: Callable[[Segmento], bool]) -> int:
    """Index of the first segment after the e-mail that carries the document, when the document opens with one and
    the report's own cover follows it: the mail's header lines ('Asunto: …', 'Para: …'), the greeting and the message
    up to the paragraph that hands the report over ('… Quedo atento a cualquier ajuste.'), with at least one paragraph
    after it before the first meta.  0 otherwise: an e-mail whose message is all the cover there is (it says the
    secretaría and the cut-off) stays the cover."""
    i = 0
    while i < len(segmentos) and not segmentos[i].en_tabla and _CABECERA_DE_CORREO.match(segmentos[i].texto):
        i += 1
    if i == 0 or i >= len(segmentos) or not _SALUDO.match(segmentos[i].texto):
        return 0
    primera_meta = next((k for k, s in enumerate(segmentos) if es_meta(s)), len(segmentos))
    for j in range(i, min(primera_meta, i + 1 + _MENSAJE_MAXIMO)):
        if _ENTREGA_EN_MENSAJE.search(segmentos[j].texto):
            return j + 1 if j + 1 < primera_meta else 0
    return 0


def es_solo_firma(cola: list[Segmento]) -> bool:
    """A closing that is only the signature block: who drafted or reviewed it and short lines under it (a name, a
    post, 'Quibdó, septiembre de 2025'); nothing in it could have been an answer, so leaving it out needs no note."""
    return bool(cola) and FIRMA.match(cola[0].texto) is not None and all(len(s.texto) <= 120 for s in cola)
