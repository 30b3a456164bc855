"""French: the words of titles, letters, web pages and dates. Lists named ``..._PATTERNS``
hold regular-expression fragments."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLE_SMALL_WORDS = _words("de la le les des du et en à au aux un une d l sur pour par dans")
STOPWORDS = _words("le la les de des et à un une est que qui dans pour pas sur au du par ne se votre vous avec")
OPENING_SALUTE_PATTERNS = ("cher", "chère", "chers")
DATELINE_ARTICLES = ("le",)
BYLINE_WORDS = ("par", "de")
DIVISION_WORDS = ("chapitre", "partie")
NOTES_HEADING_PATTERNS = ()
EDITOR_NOTES_PATTERNS = (r"notes? de la r[ée]daction", r"note de l[’']?[ée]diteur")
TRANSLATOR_NOTES_PATTERNS = ("note du traducteur",)
NOTES_BY_PATTERNS = ("notes? par",)
CONTENTS_HEADING_PATTERNS = ("sommaire", r"table des mati[èe]res")
LABELS = {"écrit": "written", "traduction": "translated", "traduit par": "translated"}
METADATA_PHRASE_PATTERNS = (
    (r"^(?P<label>(?:traduit|traduction)(?:\s+(?:du|de l[’']|de la|de)\s*\w+)?\s+(?:par|de))\s+(?=[A-Z])",
     "translated"),
    (r"^(?P<label>(?:transcrit|transcription|mis en ligne|numérisé)(?:\s+(?:et|&)\s+\w+(?:\s+\w+)?)?"
     r"\s+par)\s+(?=[A-Z])", "transcribed"),
)
COMMENT_PATTERNS = (r"commentaires?\b", r"commenter\b", "répondre", r"votre (?:message|adresse|nom|contribution|"
                    r"commentaire)", "qui êtes-vous", "modéra", "se connecter", "connexion", "s[’']inscrire",
                    "abonnez", "partager", "imprimer", "champs obligatoires", "envoyer", "valider")
NAVIGATION_PATTERNS = (r"haut de (?:la )?page", r"retour.{0,40}", "sommaire", "accueil")
POSTED_BY_PATTERNS = ("par", "publié par")
POSTED_PATTERNS = ("publié", "mis en ligne")

MONTHS = ("janvier janv janv.", "février fevrier févr févr. fevr", "mars", "avril", "mai", "juin",
          "juillet juil juil.", "août aout", "septembre", "octobre", "novembre", "décembre decembre")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
