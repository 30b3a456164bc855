"""Rules of the names pass: is a capitalised run a name, of a person, a place or an organisation?

``NAME`` holds the evidence rules. Each votes for one kind, which its name says
(``person.honorific`` votes for a person); a mention's own words give some (``candidates``), what
is known of the name gives others once per name (lists, gazetteers, given names), and a name's
mentions add up, damped (``names``). The kind with the highest score wins; how far it is ahead
gives the certainty (``thresholds``). ``NAME_GATE`` holds the rules that decide whether a run is a
name at all, and ``NAME_MENTION`` those that carry a decided name to more of its mentions.
"""

from teikit.evidence import RuleTable

PERSON, PLACE, ORG = "person", "place", "org"

NAME = RuleTable("name", "the kind of a name: person, place or organisation", {
    # the words of one mention (teikit.enrich.candidates)
    "person.honorific": (8, "a title before it ('Mr.', 'Sir', 'Comrade')"),
    "person.initials": (6, "initials before it ('J. R. Hall')"),
    "person.given-and-surname": (5, "a given name and a surname"),
    "person.given-alone": (2, "a given name alone"),
    "person.noun-before": (4, "a noun for a person before it ('comrade X', 'my friend X')"),
    "person.speech-verb": (3, "a verb of speech or thought next to it ('said X', 'X wrote')"),
    "person.word-after": (3, "'himself', 'who', 'assassination' after it"),
    "person.by-name": (4, "'X by name'"),
    "person.possessive": (1, "in the possessive ('X’s')"),
    "place.saints-church": (8, "a saint's name in the possessive ('St. Mary’s'): the church or parish"),
    "place.keyword": (8, "a keyword of places at its end, or a head at its start ('Kibes Lane', 'Mount X')"),
    "place.ending": (2, "ends like place names of many languages ('-stan', '-grad', '-shire')"),
    "place.english-ending": (1, "ends like English place names, which are also surnames ('-ton', '-ford')"),
    "place.of": (6, "'the city of X'"),
    "place.the": (2, "'the X' alone, X no common word (persons take no article; 'the Abbey' names nothing)"),
    "place.local": (3, "'the Common', 'the Hall': a local place by a keyword of places"),
    "place.noun": (3, "'the river X', 'the X road'"),
    "place.where": (2, "', where' after it"),
    "place.preposition-strong": (3, "'near', 'via' before it"),
    "place.preposition": (2, "'in', 'at', 'into', 'towards' before it"),
    "place.preposition-weak": (1, "'from', 'to', 'on', 'over' before it"),
    "org.keyword": (8, "a keyword of organisations inside ('Central Committee', 'Bank of X')"),
    "org.dotted": (3, "dotted capitals ('G.P.U.')"),
    "org.acronym": (2, "an acronym ('NKVD')"),
    # what is known of the name, once per name (teikit.enrich.names)
    "person.listed": (10, "an authority list's person, by a form the list states"),
    "place.listed": (10, "an authority list's place, by a form the list states"),
    "org.listed": (10, "an authority list's organisation, by a form the list states"),
    "person.listed-derived": (6, "a list's person, by a fuller derived form or one the text attests"),
    "place.listed-derived": (6, "a list's place, by a derived form the text attests"),
    "org.listed-derived": (6, "a list's organisation, by a derived form the text attests"),
    "person.listed-unattested": (2, "a list's person by a surname alone the text never gives in full"),
    "place.listed-unattested": (2, "a list's place by a derived form alone"),
    "org.listed-unattested": (2, "a list's organisation by a derived form alone"),
    "place.gazetteer-major": (4, "a gazetteer's country, continent, state or city of a million"),
    "place.gazetteer": (3, "a gazetteer's place by its stated name"),
    "place.gazetteer-alternate": (2, "a gazetteer's place by an alternate name"),
    "place.gazetteer-common": (1, "a gazetteer's place whose name is also an ordinary word or given name"),
    "person.given-name": (2, "one word that is a given name, no list entry"),
    "person.document-name": (8, "dictionary words the text uses as a name only: capitalised mid-sentence, never in "
                                "lower case, speaking or acting as a person ('Ginger', 'the Night Porter')"),
    "person.surname-of-named": (4, "the surname of a person the text names in full"),
    "person.coordinated": (1.5, "joined by 'and', 'or' or commas to a sure person"),
    "place.coordinated": (1.5, "joined by 'and', 'or' or commas to a sure place"),
    "org.coordinated": (1.5, "joined by 'and', 'or' or commas to a sure organisation"),
    "person.default": (0.5, "an unknown name is most often a person's"),
}, {
    # the certainty a kind's score and its lead over the next kind earn, per kind, calibrated on the
    # development set (python bench/calibrate.py): high where names are right at least 0.9 of the
    # time, medium 0.7 (docs/measurements.md)
    "person-high": 8, "person-high-margin": 4, "person-medium": 3, "person-medium-margin": 2,
    "place-high": 8, "place-high-margin": 6, "place-medium": 2, "place-medium-margin": 1,
    "org-high": 8, "org-high-margin": 4, "org-medium": 3, "org-medium-margin": 2,
    # a mention's own evidence overrides the name's decision from this much, by this margin
    "override": 6, "override-margin": 4,
    "major-population": 1_000_000,
    "coordination-rounds": 2,
    # Zipf frequencies: an acronym more frequent is a word; a surname after a title no more frequent;
    # a derived word ('Thermidorian') this frequent is a word; the singular of a group noun
    "acronym-max-zipf": 3.5, "surname-max-zipf": 5.3, "derived-min-zipf": 2.0, "group-noun-zipf": 2.5,
    # a word this frequent needs more than prepositions to be a place
    "everyday-zipf": 5.5,
    # person cues that make a plural of a known word a family's name ('the Bolsheviks' vs 'Engels wrote')
    "group-noun-person-cues": 3,
})

NAME_GATE = RuleTable("name-gate", "whether a capitalised run is a name at all", {
    # what keeps a run out (a switched-off rule lets it in)
    "capital-only": (0, "only a capital at a sentence start or in a title says it is a name"),
    "indefinite": (0, "after 'a'/'an': a name used as a common noun ('a bureaucratic Thermidor')"),
    "lowercase-elsewhere": (0, "the text writes the word in lower case too: an ordinary word"),
    "group-noun": (0, "the plural of a known word ('the Bolsheviks'), nothing says a person"),
    "ordinary-place": (0, "an ordinary word that is also a place name, nothing else says a place"),
    "part-of-longer-run": (0, "a name decided elsewhere is not tagged inside a longer run of capitalised words "
                              "('Time' in 'the Time Traveller')"),
    "title-no-place": (0, "a title or a word for a person ('the Vicar', 'the Doctor') is no gazetteer's town"),
    "everyday-word": (0, "a very frequent word ('Time', 'Space') is no place on prepositions alone"),
    "person-before-keyword": (0, "a personal title opens the run: no keyword of places or organisations makes "
                                 "it one ('Mr. Hall', 'Dr. Ellen Marsh')"),
    # what lets a run in
    "document-name": (0, "a dictionary word the text writes only as a name, acting as a person"),
    "sentence-start-given-name": (0, "a given name opening a sentence before a surname ('Martin Abern had')"),
    "ordinary-surname-after-initials": (0, "after initials an ordinary word is the surname ('J. Smith')"),
}, {
    # mid-sentence capitals a dictionary word needs to be a document's name (one or two may be emphasis)
    "document-name-mentions": 3,
    # a designation of several words written in lower case at most once for this many capitalised uses
    "document-name-lower-ratio": 4,
})

NAME_MENTION = RuleTable("name-mention", "how a decided name reaches each of its mentions", {
    "own-evidence": (0, "the mention's own words outweigh the name's decision"),
    "capital-only": (0, "no more than a capital or a letter says any mention is a name: at most medium"),
    "known-form": (0, "another mention of a name decided elsewhere in the text (at most medium)"),
    "generic-plural": (0, "the plural of a person's name after 'all the', 'other', 'such': rs (people like them)"),
    "family": (0, "the plural of a person's name after 'the' alone, when someone of that name is titled as a "
                  "family's member ('Mrs. Morley') and the plural is never generic: persName type='family'"),
    "misplaced-apostrophe": (0, "'Engel’s' for Engels’: a possessive whose form with s is a person's"),
    "place-qualifier": (0, "a capitalised qualifier before a place is part of its name ('Central Asia')"),
}, {"high": 8, "medium": 3})

NAME_LINK = RuleTable("name-link", "which entry a name points at", {
    "list-entry": (0, "an entry of the authority lists with this form"),
    "gazetteer": (0, "a gazetteer's place (GeoNames, ISO 3166)"),
    "text-only": (0, "no entry: an entry made for the name as the text gives it"),
    "speaker-entry": (0, "the entry the quotation pass made for a speaker of this name"),
})
