"""French: the words of titles, letters, web pages and dates. Lists named ``..._PATTERNS``
hold regular-expression fragments."""

from __future__ import annotations

from teikit.lang.base import words as _words

TITLE_SMALL_WORDS = _words("de la le les des du et en à au aux un une d l sur pour par dans")
STOPWORDS = _words("le la les de des et à un une est que qui dans pour pas sur au du par ne se votre vous avec")
# The small words a group's name may hold.
GROUP_NAME_LINKS = _words("de la du des et le les d l pour")
OPENING_SALUTE_PATTERNS = ("cher", "chère", "chers", "chères", "camarades?", "citoyens?", "citoyennes?", "monsieur",
                           "madame", "messieurs", "mes chers")
CLOSING_SALUTE_PATTERNS = (r"(?:avec mes |bien |nos |mes )?(?:salutations|amitiés|fraternellement|cordialement)\b.*",
                           r"bien à (?:vous|toi)\b.*", r"veuillez agréer\b.*", r"je vous prie\b.*",
                           r"(?:votre|ton) (?:dévoué|fidèle|ami)\b.*")
SECTION_HEADINGS = ("introduction", "préface", "avant-propos", "conclusion", "annexe", "postface")
DATELINE_ARTICLES = ("le",)
BYLINE_WORDS = ("par", "de")
DIVISION_WORDS = ("chapitre", "partie")
# Words that say a text is a speech (its date line, headnote or credits: "Delivered 12 May 1922")
SPEECH_PATTERNS = (r"discours", r"prononc[ée]", r"allocution", r"conf[ée]rence")
NOTES_HEADING_PATTERNS = ()
EDITOR_NOTES_PATTERNS = (r"notes? de la r[ée]daction", r"note de l[’']?[ée]diteur")
TRANSLATOR_NOTES_PATTERNS = ("note du traducteur",)
NOTES_BY_PATTERNS = ("notes? par",)
CONTENTS_HEADING_PATTERNS = ("sommaire", r"table des mati[èe]res")
LABELS = {"écrit": "written", "traduction": "translated", "traduit par": "translated", "rédigé": "written",
          "source": "source", "sources": "source", "première publication": "first_published",
          "publié": "first_published", "paru dans": "first_published", "publication": "first_published",
          "transcription": "transcribed", "mise en ligne": "transcribed", "numérisation": "transcribed",
          "relecture": "proofread", "auteur": "author", "titre": "title", "éditeur": "publisher",
          "dernière mise à jour": "last_updated", "mis à jour": "last_updated"}
RESPONSIBILITY_ROLES = ((r"tradu", "traduction"), (r"mis[e]? en ligne", "mise en ligne"), (r"relecture|relu", "relecture"),
                        (r"numéris", "numérisation"))
FOOTER_PATTERNS = (r"tous droits réservés", r"(?:dernière )?mise à jour", r"\bmis à jour\b")
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

# -- quotations -----------------------------------------------------------------------------
# (teikit.enrich.unmarked_speech: speech without quotation marks; see ``teikit.lang.en``.)

# Verbs of a reporting clause ("dit-il", "répondit la vieille").
REPORTING_VERBS = _words("""
dit dis répondit répond demanda demande reprit reprend ajouta ajoute murmura cria continua répliqua fit
poursuivit observa interrompit s'écria s’écria s'exclama s’exclama expliqua déclara lança soupira insista
conclut
""")
# Titles that open a speaker's name; words a described speaker never ends with (relatives).
SPEAKER_TITLES = ("Mme", "Mlle", "Madame", "Monsieur")
NOT_A_SPEAKER = ("qui", "que")
# Determiners of a described speaker ("la vieille"), the elided article (pattern: "l’enfant"), and
# the pronouns of an inversion with a hyphen ("dit-il", "s’écria-t-elle").
SPEAKER_DETERMINERS = ("le", "la", "les", "son", "sa", "ses", "mon", "ma", "un", "une")
ELIDED_ARTICLE_PATTERNS = ("l['’]",)
INVERTED_PRONOUNS = ("il", "elle", "ils", "elles", "on", "je", "nous", "vous")
# Cues of someone speaking (see ``teikit.lang.en``).
ADDRESSED_WORDS = ("vous", "votre", "vos", "tu", "toi", "ton", "ta", "tes")
VOCATIVE_PATTERNS = ("monsieur", "madame")
FIRST_PERSON_PATTERNS = ("je", "j['’]", "nous")
GREETING_PATTERNS = ("bonjour", "bonsoir", "adieu", "merci")
INTERJECTIONS = ("mais", "eh", "hélas", "oui", "non", "tiens")
PERSON_WORDS = ("il", "elle", "ils", "elles")
