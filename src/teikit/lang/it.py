"""Italian: the words of titles, letters, web pages and dates. Lists named ``..._PATTERNS``
hold regular-expression fragments."""

from __future__ import annotations

from teikit.lang.base import words as _words

TITLE_SMALL_WORDS = _words("il lo gli i e di da della nel per")
STOPWORDS = _words("il lo la gli le di che e un una è per non con del della nel si")
# The small words a group's name may hold.
GROUP_NAME_LINKS = _words("di del della e per il la dei")
OPENING_SALUTE_PATTERNS = ("caro", "cara", "cari", "care", "compagni", "compagne", "egregio", "gentile")
CLOSING_SALUTE_PATTERNS = (r"(?:fraterni\s+|cordiali\s+|distinti\s+)?saluti\b.*", r"(?:il\s+)?vostro\b.*",
                           r"un\s+abbraccio\b.*")
SECTION_HEADINGS = ("introduzione", "prefazione", "premessa", "conclusione", "appendice")
DATELINE_ARTICLES = ("il", "lo")
BYLINE_WORDS = ("di",)
DIVISION_WORDS = ()
# Words that say a text is a speech (its date line, headnote or credits: "Delivered 12 May 1922")
SPEECH_PATTERNS = (r"discorso", r"pronunciat[oa]", r"conferenza")
NOTES_HEADING_PATTERNS = ()
EDITOR_NOTES_PATTERNS = ()
TRANSLATOR_NOTES_PATTERNS = ()
NOTES_BY_PATTERNS = ()
CONTENTS_HEADING_PATTERNS = ()
LABELS = {"fonte": "source", "scritto": "written", "prima pubblicazione": "first_published",
          "pubblicato": "first_published", "traduzione": "translated", "tradotto da": "translated",
          "trascrizione": "transcribed", "autore": "author", "titolo": "title", "editore": "publisher"}
RESPONSIBILITY_ROLES = ((r"tradu", "traduzione"), (r"trascri", "trascrizione"))
METADATA_PHRASE_PATTERNS = (
    (r"^(?P<label>tradotto(?:\s+dal(?:l[’'])?\s*\w+)?\s+da)\s+(?=[A-Z])", "translated"),
)
COMMENT_PATTERNS = ("commento",)
NAVIGATION_PATTERNS = ()
POSTED_BY_PATTERNS = ("di",)
POSTED_PATTERNS = ()

MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
          "ottobre", "novembre", "dicembre")
WEEKDAYS = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
