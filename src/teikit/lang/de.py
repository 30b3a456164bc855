"""German: the words of titles, letters, web pages and dates. Lists named ``..._PATTERNS``
hold regular-expression fragments."""

from __future__ import annotations

from teikit.lang.base import words as _words

TITLE_SMALL_WORDS = _words("der die das den dem des und von zu im am ein eine")
STOPWORDS = _words("der die das und ist nicht zu den mit sich des auf für von ein eine dem im")
# The small words a group's name may hold.
GROUP_NAME_LINKS = _words("der die das des und für")
OPENING_SALUTE_PATTERNS = ("liebe[rn]?", "sehr geehrte[rn]?", "werte[rn]?", "genossen", "genossinnen", "freunde")
CLOSING_SALUTE_PATTERNS = (r"mit\s+(?:\w+\s+)?gr(?:u|ü)(?:ß|ss)(?:en)?\b.*", r"(?:ihr|dein|euer|eure)e?\b.*",
                           r"hochachtungsvoll\b.*", r"herzlich(?:st)?\b.*", r"gruß\b.*")
SECTION_HEADINGS = ("einleitung", "vorwort", "schlu(?:ß|ss)", "anhang", "nachwort")
DATELINE_ARTICLES = ("den", "am")
BYLINE_WORDS = ("von",)
DIVISION_WORDS = ("kapitel", "teil")
# Words that say a text is a speech (its date line, headnote or credits: "Delivered 12 May 1922")
SPEECH_PATTERNS = (r"rede\b", r"gehalten", r"ansprache", r"vortrag")
NOTES_HEADING_PATTERNS = ("anmerkungen", r"fu(?:ß|ss)noten")
EDITOR_NOTES_PATTERNS = ("anmerkung der redaktion",)
TRANSLATOR_NOTES_PATTERNS = ()
NOTES_BY_PATTERNS = ("notes? von",)
CONTENTS_HEADING_PATTERNS = (r"inhalt(?:sverzeichnis)?",)
LABELS = {"übersetzung": "translated", "übersetzt von": "translated", "quelle": "source", "geschrieben": "written",
          "erstveröffentlichung": "first_published", "erstmals veröffentlicht": "first_published",
          "veröffentlicht": "first_published", "transkription": "transcribed", "digitalisierung": "transcribed",
          "verfasser": "author", "autor": "author", "titel": "title", "verlag": "publisher"}
RESPONSIBILITY_ROLES = ((r"übersetz", "Übersetzung"), (r"digitalis", "Digitalisierung"))
METADATA_PHRASE_PATTERNS = (
    (r"^(?P<label>(?:übersetzt|übersetzung)(?:\s+aus\s+dem\s+\w+)?\s+von)\s+(?=[A-Z])", "translated"),
)
COMMENT_PATTERNS = ("kommentar", "antworten")
NAVIGATION_PATTERNS = ("nach oben", "inhalt")
POSTED_BY_PATTERNS = ("von",)
POSTED_PATTERNS = ()

MONTHS = ("januar jänner", "februar", "märz maerz", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "dezember")
WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")

# -- quotations -----------------------------------------------------------------------------
# (teikit.enrich.unmarked_speech: speech without quotation marks; see ``teikit.lang.en``.)

# Verbs of a reporting clause ("sagte er", "rief die Mutter").
REPORTING_VERBS = _words("""
sagte sagt rief ruft fragte fragt antwortete antwortet erwiderte meinte flüsterte sprach versetzte
entgegnete schrie murmelte seufzte lachte
""")
# Titles that open a speaker's name; words a described speaker never ends with (relatives).
SPEAKER_TITLES = ("Herr", "Frau")
NOT_A_SPEAKER = ("wer", "der", "die")
# The subject of a reporting clause: pronouns, and the determiners of a described speaker.
REPORTING_PRONOUNS = ("er", "sie", "ich", "wir", "es")
SPEAKER_DETERMINERS = ("der", "die", "das", "sein", "seine", "ihr", "ihre", "mein", "meine", "ein", "eine")
# Cues of someone speaking (see ``teikit.lang.en``).
ADDRESSED_WORDS = ("dich", "dir", "euch", "dein", "deine")
FIRST_PERSON_PATTERNS = ("ich", "wir")
GREETING_PATTERNS = ("guten (?:tag|morgen|abend)", "gute nacht", "danke")
INTERJECTIONS = ("ach", "ja", "nein", "na", "nun", "doch")
PERSON_WORDS = ("er", "sie")
