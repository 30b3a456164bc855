"""Spanish: the words of titles, letters, web pages and dates. Lists named ``..._PATTERNS``
hold regular-expression fragments."""

from __future__ import annotations

from teikit.lang.base import words as _words

TITLE_SMALL_WORDS = _words("el los las y del al con por para")
STOPWORDS = _words("el la los las de que y en un una es por con para no se del al lo")
# The small words a group's name may hold.
GROUP_NAME_LINKS = _words("de la del y el los las para")
OPENING_SALUTE_PATTERNS = ("querid[oa]s?", "estimad[oa]s?", "camaradas?", "compañer[oa]s?", "señor(?:es|a)?",
                           "ciudadan[oa]s?")
CLOSING_SALUTE_PATTERNS = (r"(?:un\s+)?(?:saludos?|abrazos?)\b.*", r"fraternalmente\b.*", r"atentamente\b.*",
                           r"(?:suyo|vuestro|tuyo)\b.*")
SECTION_HEADINGS = ("introducción", "prólogo", "prefacio", "conclusión", "apéndice", "epílogo")
DATELINE_ARTICLES = ("el",)
BYLINE_WORDS = ("por", "de")
DIVISION_WORDS = ("cap[ií]tulo",)
# Words that say a text is a speech (its date line, headnote or credits: "Delivered 12 May 1922")
SPEECH_PATTERNS = (r"discurso", r"pronunciad[oa]", r"conferencia")
NOTES_HEADING_PATTERNS = ("notas",)
EDITOR_NOTES_PATTERNS = ()
TRANSLATOR_NOTES_PATTERNS = ()
NOTES_BY_PATTERNS = ()
CONTENTS_HEADING_PATTERNS = ("[íi]ndice", "contenido")
LABELS = {"fuente": "source", "escrito": "written", "primera publicación": "first_published",
          "publicado": "first_published", "traducción": "translated", "traducido por": "translated",
          "transcripción": "transcribed", "transcrito por": "transcribed", "digitalización": "transcribed",
          "versión digital": "transcribed", "edición digital": "transcribed", "autor": "author", "título": "title",
          "editorial": "publisher"}
RESPONSIBILITY_ROLES = ((r"traduc", "traducción"), (r"digitaliz|versión digital|edición digital", "edición digital"))
METADATA_PHRASE_PATTERNS = (
    (r"^(?P<label>traducido(?:\s+del\s+\w+)?\s+por)\s+(?=[A-Z])", "translated"),
)
COMMENT_PATTERNS = ("responder", "comentario")
NAVIGATION_PATTERNS = ()
POSTED_BY_PATTERNS = ("por",)
POSTED_PATTERNS = ()

MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre")
WEEKDAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
