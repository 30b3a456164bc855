"""English: the words of titles, letters, web pages and dates, and the words that signal
names in English prose. General knowledge of the language, in one place.

Each set is lower-case unless said otherwise. None of them lists names: they list the words
around and inside names (titles, keywords of organisations and places, prepositions of place,
verbs of speech) and the closed classes that are capitalised without being names. Lists named
``..._PATTERNS`` hold regular-expression fragments.
"""

from __future__ import annotations

from teikit.lang.base import words as _words

# Function words: never a name by themselves, dropped from the start of a capitalised run.
FUNCTION_WORDS = _words("""
a an the this that these those his her its our their my your thy thine whose which what who whom
and but or nor yet so for if then than though although because since unless until while when whenever
where wherever whether as after before once till upon on in at by to from of off out over under into onto
with within without about above below across against along among amongst around between beyond during
except inside outside through throughout toward towards via per
i me we us you he him she they them it one ones
all any both each either every few many much more most neither no none not only other others own same
several some such too very also even just still now here there thus hence however therefore indeed
perhaps ever never always often sometimes soon today tonight tomorrow yesterday again already
o oh ah alas yes nay well why how let shall should will would may might must can could do does did
is are was were be been being am has have had
""")

# The small words a group's name may hold ("The National Council of Co-operative Guilds").
GROUP_NAME_LINKS = _words("the of for and")
# Words that are never part of a person's name: a line holding one is no name ("Why Tenants Must Organise").
NOT_IN_NAMES = _words("""why what how when where which whose whom must shall should would could might ought cannot
not never every all our your their its this that these those against towards versus is are was were has have
had does did""")
# Titles and forms of address written before a name and marked with it ("Mr. Maxton",
# "Sir Walter Citrine"); as written, capitalised. A final dot is optional.
HONORIFICS = frozenset("""
Mr Mrs Miss Ms Mx Master Mister Messrs Dr Doctor Sir Dame Lady Lord Rev Revd Reverend Fr Father Mother
Sister Brother Uncle Aunt Aunty Cousin Captain Capt Colonel Col General Gen Major Lieutenant Lieut Lt
Sergeant Sergt Sgt Corporal Admiral Commodore Commander Professor Prof President Senator Governor Judge
Bishop Archbishop Cardinal Pope Saint St King Queen Prince Princess Duke Duchess Earl Count Countess
Baron Baroness Marquis Marquess Viscount Emperor Empress Tsar Czar Tsarina Czarina Sultan Shah
Madame Mme Madam Mademoiselle Mlle Monsieur M Herr Frau Fräulein Signor Signora Señor Señora Don Doña
Comrade Squire Farmer Goody Goodman Widow Dean Canon Deacon Parson Vicar Rector Dominie Citizen Hon
Councillor Alderman Inspector Constable
""".split())
# Titles that are only titles: the word after them is a surname even when it is also an
# ordinary word ("Mr. Brown", "Sir Walter Citrine"); after others ("General", "King") it may not be.
PERSONAL_TITLES = frozenset("""
Mr Mrs Miss Ms Mx Mister Messrs Dr Sir Dame Lady Lord Rev Revd Reverend Madame Mme Madam Mademoiselle Mlle
Monsieur Herr Frau Fräulein Signor Signora Señor Señora Professor Prof Captain Capt Colonel Col Lieutenant
Lieut Lt Sergeant Sgt Admiral Comrade Councillor Alderman
""".split())
# Titles a member of a family is given ("Mrs. Morley", "Miss Leland"): "the Morleys" is then the family.
FAMILY_TITLES = frozenset("Mr Mrs Miss Master Mme Madame Mademoiselle Mlle Lady Sir Dame".split())
# Abbreviated honorifics that end a sentence only rarely: a capital after "Mr." starts no sentence.
ABBREVIATIONS = _words("mr mrs ms dr st rev revd fr prof capt col gen maj lieut lt sgt sergt mme mlle m messrs hon "
                       "no vol pp ch cf viz esq jun sen jr sr")

# Lower-case words for persons written just before a name ("comrade Tarov", "my friend John").
PERSON_NOUNS = _words("""
comrade comrades citizen brother sister friend friends wife husband son daughter father mother uncle aunt
nephew niece cousin widow widower servant master mistress maid farmer gardener shepherd miller smith
blacksmith carpenter labourer laborer neighbour neighbor boy girl lad lass child fellow gentleman lady man
woman poet writer author painter priest vicar curate rector parson doctor surgeon lawyer attorney judge
professor general colonel captain dame squire named called one certain leader chief secretary minister
commissar deputy member
""")
# Verbs of speech and thought next to a person's name ("said Tom", "Engels wrote").
SPEECH_VERBS = _words("""
said says say replied replies answered answers asked asks cried cries exclaimed added continued observed
remarked whispered shouted muttered declared wrote writes told tells thought thinks laughed smiled nodded
sighed insisted admitted explained argued protested demanded considered believed knew felt wanted
""")
# Words right after a person's name ("Stalin himself", "the Kirov assassination").
PERSON_AFTER = _words("""
himself herself who whom assassination murder death funeral trial execution biography memoirs widow
""")
# Dashes (a hyphen is not one): they end a name, or stand for the rest of one ("B——").
DASHES = frozenset("–—")
# Prepositions before a place ("in Tashkent", "from Moscow"), by how much they say: those that
# almost always take a place, those that often do, those that take anything.
PLACE_PREPOSITIONS_STRONG = _words("near via")
PLACE_PREPOSITIONS = _words("in at into towards toward throughout across")
PLACE_PREPOSITIONS_WEAK = _words("within from to through beyond outside around round over on upon")
# Nouns for places before "of X" or right before a name ("the city of Andijan", "the river Test").
PLACE_NOUNS = _words("""
city town village hamlet county shire parish borough district province region state kingdom republic
empire island isle port river valley capital country land colony territory suburb
""")
# Keywords inside organisation names, capitalised as written ("Central Committee").
ORG_KEYWORDS = frozenset("""
Party Parties Committee Committees Council Congress Parliament Assembly Government Ministry Department
Office Bureau Commission Commissariat Society Association Union Unions League Federation Confederation
International Internationale Company Corporation Bank Trust Club Institute Institution University College
Academy School Seminary Museum Library Press Army Navy Police Brigade Regiment Guards Corps Fleet Church
Brotherhood Fraternity Guild Lodge Chamber Senate Cabinet Directorate Secretariat Politburo Movement Front
Tribunal Board Agency Foundation Archive Archives Co Inc Ltd
""".split())
# Organisation keywords that begin a name with "of" ("Bank of England", "House of Commons").
ORG_HEADS = frozenset("""
House Bank University College Society Church Order Council Committee Congress Court Academy Company
Ministry Department Board League Union Federation Institute Museum Party Commissariat Guild
""".split())
# Keywords ending place names, capitalised as written ("Kibes Lane", "Solovsky Islands"); after
# "the", alone, a local place's name ("the Dell", "the Grange").
PLACE_KEYWORDS = frozenset("""
Street Road Lane Avenue Square Place Row Terrace Crescent Gardens Park Common Green Heath Moor Down Downs
Hill Hills Mountain Mountains Valley Vale Dale Wood Woods Forest Marsh Fen River Brook Lake Loch Pond Sea
Ocean Bay Gulf Strait Straits Channel Island Islands Isle Isles Peninsula Cape Coast Desert Plain Plains
Steppe District Province County Region Territory Bridge Castle Abbey Priory Cathedral Chapel Hall Manor
Farm Mill Inn Cottage Grange End Cross Gate Wharf Docks Harbour Harbor Station Prison Tower Palace
Barracks Market Canal Falls Springs Dell Mead Meadow Meadows Copse Grove Hollow Combe Coppice Lodge
Rectory Vicarage Parsonage Field Fields Warren Pound Shaw Bottom Hotel Yard Close Parade Court House Quay Walk
""".split())
# Titles of saints: "St. Mary’s" (with the possessive) is the church or parish named after her.
SAINTS = frozenset("St Saint Ste".split())
# Institutions named by one capitalised word ("the Army", "the Club"): never a name a text makes of a word.
INSTITUTIONS = frozenset("""
Parliament Army Navy Government Admiralty Senate Congress Society Club Academy University College Company
Bank Ministry Commons Lords Police Guards Militia Yeomanry Association Committee Council Board Union
""".split())
# Lower-case nouns after a name that make it a place's ("the Bedford road", "Frampton church").
PLACE_AFTER = _words("""
road lane street common green heath hill farm mill bridge river turnpike fair market station churchyard parish
village town city county coast shore harbour port road's
""")
# Words that begin place names ("Mount Ararat", "Lake Baikal", "Cape Horn").
PLACE_HEADS = frozenset("Mount Lake Cape Fort Port Loch Glen Isle River".split())
# Qualifiers that belong to a place name when capitalised before it ("Northern Siberia").
PLACE_QUALIFIERS = frozenset("""
North South East West Northern Southern Eastern Western Central Upper Lower Greater Little Great New Old
Outer Inner Middle Far Near
""".split())
# Capitalised words that are never names by themselves.
NEVER_NAMES = frozenset("""
I O Oh Ah Dear Dearest God Lord Heaven Heavens Providence Almighty Saviour Creator Devil Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September October
November December Christmas Easter Whitsun Whitsuntide Michaelmas Lent Advent Sabbath Bible Bibles Testament
Gospel Gospels Scripture Scriptures Psalm Psalms Koran Talmud
""".split())
# Peoples and languages whose names do not end like derived words ("the French", "Greek").
DEMONYMS = frozenset("""
French Dutch Greek Greeks Swiss Welsh Scots Scotch Thai Czech Czechs Slav Slavs Slovak Basque Breton Flemish
Walloon Dane Danes Swede Swedes Finn Finns Pole Poles Turk Turks Arab Arabs Moor Moors Jew Jews Frenchman
Frenchmen Englishman Englishmen Scotsman Dutchman Irishman Yankee Yankees Saxon Saxons Norman Normans Roman Romans Celt
Celts Gaul Gauls Hun Huns Tartar Tartars Cossack Cossacks Gentile Gentiles Hebrew Latin Sanskrit
""".split())
# Endings of words derived from names that are not names: always ("Stalinist", "Leninism"),
# and when the word is a known word or stands before a noun ("Ukrainian", "the German occupation").
ISM_ENDINGS = ("ism", "isms", "ist", "ists", "istic", "istics")
DEMONYM_ENDINGS = ("ite", "ites", "ian", "ians", "ican", "icans", "ean", "eans", "ese", "ish")
ADJECTIVE_ENDINGS = ("an", "ic", "ite", "ese", "ish")
# Endings of place names in many languages ("Kazakstan", "Uralsk", "Oxfordshire", "Leningrad").
PLACE_ENDINGS = ("stan", "shire", "grad", "burg", "bourg", "polis", "sk", "abad", "pur", "ville")
# Endings of English place names, which are also surnames' ("Frampton", "Bradford"): weaker evidence.
ENGLISH_PLACE_ENDINGS = ("ton", "ham", "ford", "field", "bury", "borough", "worth", "wick", "chester",
                         "cester", "mouth", "minster", "combe", "stead", "thorpe", "leigh", "bridge", "well",
                         "ley", "hurst", "den", "dale", "bourne", "ing", "ness")
# Plural determiners before a generic plural of a name ("all the Kossiors", "other Tarovs").
PLURAL_DETERMINERS = _words("the all other these those such several many some two three few")
ROMAN_NUMERAL_CHARS = frozenset("IVXLCDM")


# -- the structure of a transcription -------------------------------------------------------

# Words a title leaves in lower case ("The Revolution of the Workers").
TITLE_SMALL_WORDS = _words("""a an the of and or in on at to for from by with as is are was were be but not no
nor so yet into upon over under about after before against between through during without within""")
# The commonest words, by which a line's language is guessed.
STOPWORDS = _words("the of and to in is that it was for on with as his he be by at not this which have from")
# How a letter opens (patterns): "Dear Comrades,", "Fellow delegates,", "My Lord Bishop,".
OPENING_SALUTE_PATTERNS = (r"(?:my )?dear", "dearest", "comrades?", "friends?", "sir", "sirs", "madam", "gentlemen",
                           "fellow", "brothers?", "sisters?", "citizens?", "ladies", r"my lord", "to all", "workers",
                           "respected", "honou?red")
# How a letter closes (patterns, a whole line): "Yours fraternally,", "With love from", "On behalf of the Executive,",
# "I remain, my Lord,", "I have the honour to be, Sir,".
CLOSING_SALUTE_PATTERNS = (r"(?:\w+\s+){0,3}yours?\b.*", r"(?:very\s+)?(?:sincerely|faithfully|truly|fraternally|"
                           r"cordially|respectfully|affectionately|gratefully|comradely)\b.*",
                           r"with\s+(?:\w+\s+){0,3}(?:greetings|regards|wishes|love|thanks|respect|salutations?)\b.*",
                           r"(?:your\s+)?(?:obedient|humble|loving|devoted|affectionate)\s+\w+.*", r"i\s+remain\b.*",
                           r"i\s+have\s+the\s+honou?r\b.*", r"believe\s+me\b.*", r"on\s+behalf\s+of\b.*",
                           r"(?:best|kind(?:est)?|warm(?:est)?)\s+(?:regards|wishes)\b.*", r"in\s+the\s+(?:struggle|fight|cause)\b.*",
                           r"fraternal(?:ly)?\b.*", r"salud\b.*", r"love\b.*", r"ever\s+yours\b.*", r"as\s+ever\b.*")
# A postscript's opening ("P.S.", "P.P.S.", "Postscript:").
POSTSCRIPT_PATTERNS = (r"(?:p\.\s*)+s\.", r"p\.?\s?s\b[.:]?", r"post-?script\b")
# An addressee line of a letter ("To the Editor of ...", "To Mr. John Smith").
ADDRESSEE_PATTERNS = ("to",)
# A letter heading naming its writer and addressee ("Edwin Carr to Lucy Brand", "Letter from X to Y"):
# the words between the two names, and the words that open such a heading.
LETTER_HEADING_TO = ("to",)
# Nouns a title names a text by ("An Open Letter to ...", "A Reply to ..."): no writer's name.
TITLE_NOUNS = _words("""letter letters message reply answer appeal address greetings greeting note report speech
statement introduction preface manifesto resolution memorandum declaration petition circular open""")
# The indefinite articles: a line opening with one names a thing, not a group or a person.
INDEFINITE_ARTICLES = ("a", "an")
LETTER_HEADING_FROM = (r"(?:an?\s+)?(?:open\s+)?letters?\s+from", r"(?:a\s+)?message\s+from")
# The word between a dateline's place and its date ("London, on 3 May 1920").
DATELINE_ARTICLES = ("the", "on")
# The word of a byline ("by Rosa Luxemburg").
BYLINE_WORDS = ("by",)
# Words that number a division ("Chapter IV", "Part 2").
DIVISION_WORDS = ("chapter", "part", "section", "book", "letter", "paper", "lecture", "article", "appendix")
# Words that say a text is a speech (its date line, headnote or credits: "Delivered 12 May 1922")
SPEECH_PATTERNS = (r"speech", r"delivered\b", r"address(?:ed)? (?:to|at|by|given)", r"lecture", r"talk given")
# Headings that open a text's first section when they stand right under its title ("Introduction").
SECTION_HEADINGS = ("introduction", "preface", "foreword", "prologue", "prelude", "conclusion", "epilogue",
                    "afterword", "appendix", "summary", "the letters?", "postscript", "introductory(?: note)?",
                    "notes? to the reader", "author[’']?s preface", "preface to the \\w+ edition")
# Headings of notes (patterns): plain, an editor's, a translator's, and "notes by" someone.
NOTES_HEADING_PATTERNS = ("notes?", "footnotes?", "endnotes?", r"notes? and references", "references",
                          r"(?:explanatory|biographical|textual|additional|author[’'`]?s[’'`]?) notes?", "annotations?",
                          r"notes? to (?:the )?(?:text|chapter|article|letter|speech)")
EDITOR_NOTES_PATTERNS = (r"editor[’'`]?s[’'`]? notes?", r"notes? (?:of|from) the editors?", r"ed\.? note",
                         r"transcriber[’'`]?s[’'`]? notes?", r"notes? (?:of|by) the transcriber")
TRANSLATOR_NOTES_PATTERNS = (r"translator[’'`]?s[’'`]? notes?",)
NOTES_BY_PATTERNS = ("notes? by",)
CONTENTS_HEADING_PATTERNS = (r"(?:table\s+of\s+)?contents",)
# Labels of metadata lines (as written, lower case) -> the header field they fill. Lines naming who did
# what ("responsibility") get their roles from the label's words (RESPONSIBILITY_ROLES).
LABELS = {
    "written": "written", "date written": "written", "delivered": "written", "date": "written",
    "first published": "first_published", "published": "first_published", "first appeared": "first_published",
    "originally published": "first_published", "first printed": "first_published", "publication": "first_published",
    "published in": "first_published", "first published in": "first_published",
    "source": "source", "sources": "source", "online source": "source", "original source": "source",
    "reprinted": "reprinted", "reprinted in": "reprinted", "reproduced from": "source", "scanned from": "source",
    "translated": "translated", "translation": "translated", "translated by": "translated", "translator": "translated",
    "transcription/html markup": "transcribed", "transcription/markup": "transcribed", "transcription": "transcribed",
    "transcribed": "transcribed", "transcribed by": "transcribed", "html markup": "transcribed",
    "transcription & markup": "transcribed", "markup": "transcribed", "proofread": "proofread",
    "proofreading": "proofread", "proofed": "proofread", "html": "transcribed", "mark-up": "transcribed",
    "marked up by": "transcribed", "proof-reading": "proofread", "proofread by": "proofread",
    "proofreader": "proofread", "transcriber": "transcribed", "editor": "transcribed", "edited by": "transcribed",
    "illustrator": "transcribed", "illustrated by": "transcribed", "produced by": "transcribed",
    "prepared by": "transcribed", "digitized by": "transcribed", "digitised by": "transcribed",
    "copyleft": "licence", "public domain": "licence", "license": "licence", "licence": "licence",
    "copyright": "licence", "rights": "licence", "creative commons": "licence",
    "last updated on": "last_updated", "last updated": "last_updated", "updated": "last_updated",
    "last modified": "last_updated", "online version": "online", "original title": "original_title",
    "author": "author", "authors": "author", "written by": "author", "speaker": "author",
    "title": "title", "subtitle": "subtitle",
    "publisher": "publisher", "published by": "publisher", "printer": "printer", "printed by": "printer",
    "checked against": "checked", "checked": "checked", "compared with": "checked",
    "release date": "release", "posting date": "release", "language": "language",
    "transcriber's note": "editorial", "transcriber’s note": "editorial", "transcriber's notes": "editorial",
    "transcriber’s notes": "editorial", "editor's note": "editorial", "editor’s note": "editorial",
    "editorial note": "editorial", "publisher's note": "editorial", "publisher’s note": "editorial",
    "character set encoding": "encoding", "updated by": "updated_by", "page updated by": "updated_by",
}
# Who did what, from the words of a label (patterns, tried in order, each word used once) -> the role.
RESPONSIBILITY_ROLES = ((r"html(?:[\s/&-]*mark(?:ed)?[\s-]*up)?", "HTML mark-up"), (r"transcri", "transcription"),
                        (r"mark(?:ed)?[\s-]*up|markup", "mark-up"), (r"proof", "proofreading"),
                        (r"translat", "translation"), (r"edit", "editing"), (r"illustrat", "illustrations"),
                        (r"produc|prepared", "production"), (r"digiti[sz]|scann", "digitisation"),
                        (r"correct", "corrections"))
# Metadata written as sentences (full patterns; group "label" is the label, the value follows):
# "From New International, Vol. 3 No. 3, June 1936", "Transcribed & marked up by ...", "Written in April 1941",
# "This speech was delivered at ...". A clause of a credits line may open after ". " or "; ".
METADATA_PHRASE_PATTERNS = (
    (r"^(?P<label>(?:first |originally )?(?:published|printed|appeared)(?: first)? in|from)\s+"
     r"(?=\S.*(?:\bvol\b|\bno\b|\d{4}))", "first_published"),
    (r"^(?P<label>reprinted (?:in|from))\s+(?=\S)", "reprinted"),
    (r"^(?P<label>(?:transcribed|transcription|marked up|mark-up|html(?: markup)?|proofread|proof-read|"
     r"digiti[sz]ed|scanned|edited|illustrated|produced|(?:e-?text |e-?book )?prepared)"
     r"(?:\s*(?:&|and|,)\s*(?:marked up|html|proofread|proof-read|transcribed|edited))*(?:\s+by)?)\s+(?=[A-Z])",
     "transcribed"),
    (r"^(?P<label>translated(?: from the \w+)?(?: by)?)\s+(?=[A-Z])", "translated"),
    (r"^(?P<label>(?:written|composed|drafted|delivered|dated)(?: (?:in|on|at))?)\s+"
     r"(?=(?:the\s+)?(?:\w+\s+)?(?:of\s+)?\d)", "written"),
    (r"^(?P<label>(?:printed and )?published by)\s+(?=\S)", "publisher"),
    (r"^(?P<label>written by|compiled by)\s+(?=[A-Z])", "author"),
    (r"^(?P<label>printed by)\s+(?=\S)", "printer"),
    (r"^(?P<label>checked against|compared with)\s+(?=\S)", "checked"),
    (r"^(?P<label>)(?=(?:this|the following|the present) (?:article|speech|letter|leaflet|pamphlet|text|lecture|"
     r"address|essay|report|document|statement|appeal|manifesto|resolution|review|piece|circular|talk|"
     r"interview|open letter|memorandum|declaration|programme)s?\b[^.]{0,80}?\b(?:was|were|has been|had been)\s+"
     r"(?:\w+\s+)?(?:published|printed|reprinted|delivered|written|distributed|issued|read|translated|"
     r"transcribed|sent|addressed|adopted|given|broadcast)\b)", "headnote"),
)
# In a headnote, the author it names ("This leaflet by Walter Grieve was ...").
HEADNOTE_AUTHOR_PATTERNS = (r"^\w+\s+\w+\s+by\s+",)
# Lines naming a collection the work belongs to, and its author (patterns; group "name" is the author):
# "Collected Writings of Agnes Marlow, 1922", "Letters of Rhoda Gaskell", "Selected Works".
COLLECTION_PATTERNS = (
    r"(?:the\s+)?(?:collected|selected|complete|chosen|posthumous)\s+(?:works|writings|letters|essays|speeches|"
    r"papers|articles|pamphlets|poems)(?:\s+(?:of|by)\s+(?P<name>[^,(]+?))?",
    r"(?:the\s+)?(?:(?:prison|early|late|last|private|political|unpublished)\s+)?(?:letters|writings|works|"
    r"essays|speeches|papers|diaries|correspondence|memoirs)\s+(?:of|by)\s+(?P<name>[^,(]+?)",
    r"(?:the\s+)?correspondence\s+(?:of|between)\s+(?P<name>[^,(]+?)(?:\s+and\s+[^,(]+)?",
    r"(?:letters|writings|speeches|essays|articles)\s+(?:from|on|about)\s+[^,(]+",
)
# Lines naming a series ("Pamphlets of the Reform League — No. 14", "Fabian Tract No. 12").
SERIES_PATTERNS = (r".+[\s,—–-]+(?:no|number|nr)\.?\s*\d+", r"(?:\w+\s+){0,4}(?:series|tracts?|library)\b.*")
# A website's section named above a title ("Articles", "Speeches and Addresses"): its words.
SECTION_WORDS = _words("""articles speeches letters writings works documents pamphlets essays reviews interviews
archive archives library texts correspondence addresses lectures resolutions manifestos leaflets reports
statements poems poetry miscellaneous other selected index home news history biography""")
# A website's name at the top of its pages ("The Workers' Library Online", "Labour History Archive"): its words.
SITE_PATTERNS = (r"\barchives?\b", r"\blibrary\b", r"\bonline\b", r"\binternet\b", r"\bweb\s?site\b",
                 r"\bdigital\b", r"\be-?texts?\b", r"www\.", r"\.(?:org|com|net|info)\b")
# The first words of a title page's imprint ("London", "Fenwick & Sons"): a publisher's words.
IMPRINT_PATTERNS = (r"&\s*(?:sons?|co\.?|company)\b", r"\b(?:company|press|publishers?|publishing|printers?|"
                    r"limited|ltd\.?|verlag|books?)\s*$", r"\bprinted\s+(?:by|for|at)\b", r"\bpublished\s+by\b")
# Words of an illustration's place in a transcription ("[Illustration]", "[Illustration: A cottage]").
FIGURE_WORDS = ("illustration", "figure", "picture", "image", "photo", "photograph", "plate", "frontispiece",
                "portrait", "map", "diagram", "cartoon", "drawing", "engraving", "facsimile")
# The foot of a web page: the site's own lines (patterns): copyright, upkeep, contact, last changes.
FOOTER_PATTERNS = (r"©", r"\(c\)\s*\d{4}", r"\bcopyright\s+(?:©\s*)?\d{4}", r"all rights reserved",
                   r"\b(?:page|site|archive)\s+(?:is\s+)?maintained\s+by\b", r"\bmaintained\s+by\b",
                   r"\bwebmaster\b", r"[\w.+-]+@[\w-]+\.[\w.]+", r"https?://|www\.\w",
                   r"\blast\s+(?:updated|modified|changed|revised)\b", r"\bupdated\s+(?:by|on)\b",
                   r"\bcomments?\s+(?:and\s+corrections?\s+)?(?:to|:)", r"\bcorrections?\s+(?:to|:)",
                   r"\bcontact\s+(?:the\s+)?(?:editors?|us|webmaster)\b", r"\bthis\s+page\s+was\b",
                   r"\bback\s+to\s+(?:the\s+)?(?:top|index|home|contents|list|archive|section|\w+\s+(?:index|"
                   r"archive|page|section))\b", r"\bindex\s+of\b")
# Who produced a text archive's file, on the line under its start marker ("Produced by ...").
ARCHIVE_PRODUCER_PATTERNS = (r"produced\s+by", r"(?:e-?text|e-?book)\s+prepared\s+by", r"transcribed\s+(?:from|by)",
                             r"scanned\s+(?:and\s+proofread\s+)?by", r"this\s+(?:e-?text|e-?book)\s+was\s+produced")
# Conventions of text archives (a named convention's own lines, as patterns): the banner naming the work
# ("The Project Gutenberg EBook of TITLE, by AUTHOR"), the line ending the archive's header and the line
# opening its footer (the licence).
TEXT_ARCHIVES = {
    "Project Gutenberg": {
        "banner": r"^\W*(?:the\s+)?project\s+gutenberg(?:['’]s)?\s+(?:e-?books?|e-?texts?|etexts?)\s+(?:of\s+)?"
                  r"(?P<title>.+?)(?:,?\s+by\s+(?P<author>.+?))?\W*$",
        "header_end": (r"^\W*\*+\s*start\s+of\s+(?:this|the)\s+project\s+gutenberg",
                       r"^\W*\*?\s*end\*?\s*the\s+small\s+print", r"^\W*start\s+of\s+the\s+project\s+gutenberg"),
        "footer_start": (r"^\W*\*+\s*end\s+of\s+(?:this|the)\s+project\s+gutenberg",
                         r"^\W*end\s+of\s+(?:this\s+|the\s+)?project\s+gutenberg"),
    },
}
# A comment form's words (patterns): as a line of their own, or in their phrases only, since a
# title may be "Comments on the Draft Programme" or "A Reply to Our Critics".
COMMENT_PATTERNS = (
    r"^\W*(?:\d+\s+)?(?:comments?|reply|replies|send|submit|post)\W*$",
    r"(?:leave|post|add|write)\s+a\s+(?:comment|reply)", r"comments?\s+(?:are|is)\s+closed", "no comments",
    r"your (?:e-?mail|name|message|comment)", r"\bforum\b", "moderat", "log ?in to", "subscribe", "share this",
    "print this", "required fields")
# A site's navigation lines (patterns, each a whole line).
NAVIGATION_PATTERNS = (
    r"(?:back\s+)?to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?", r"top\s+of\s+(?:the\s+)?page",
    r"(?:back|return)\s+to\s+\S.{0,40}", r"(?:table\s+of\s+)?contents", r"(?:works\s+|subject\s+)?index",
    r"home(?:\s+page)?", "next", "previous", "prev", "up", r"(?:next|previous|prev)(?:\s+(?:page|chapter|section|part))?"
    r"\s*:\s*.{1,60}")
# A posting line's words: "by" before the poster, and what opens one.
POSTED_BY_PATTERNS = ("by", "posted by")
POSTED_PATTERNS = ("posted",)

# -- dates ----------------------------------------------------------------------------------

MONTHS = ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
          "september sept sep", "october oct", "november nov", "december dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words after which a bare four-digit number is a year ("in 1926", "since 1923").
YEAR_CUES = _words("""
in of since from to until till by before after during around about circa c ca year years spring summer autumn
winter fall early late end beginning middle mid
""")
# Words after which a month name alone is a month ("in March"); "May" needs one of them.
MONTH_CUES = _words("in of since until till by before after during early late end beginning middle mid")
# Words that may follow a year (a number followed by another word is a count: "1500 men").
FOLLOWING_YEAR = _words("""
and or to the a an in on at by for of with was were is had has he she it they we i when while but as that
until till there this these on onto after before from all his her their its our my up onwards was has
""")
# Nouns counted by a number (not a year): "1200 prisoners" is no year.
COUNTED = _words("men women people children feet head sheep cattle persons")
ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
            "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()


# -- quotations -----------------------------------------------------------------------------
# (teikit.enrich.quote_types, unmarked_speech, verse, quotes, quotations). Tuples keep the
# order of a regular-expression alternation; sets of verbs and nouns become prefix trees.

# Verbs writers put in a reporting clause ("said she", "she replied", "went on Tom").
REPORTING_VERBS = _words("""
said says cried cries replied replies answered answers asked asks continued continues exclaimed exclaims
returned rejoined observed observes added adds whispered whispers muttered murmured shouted called
resumed pursued repeated retorted responded interrupted remarked remarks began sighed
groaned laughed sobbed stammered faltered urged pleaded persisted inquired enquired demanded suggested
explained declared protested insisted screamed shrieked roared growled grumbled concluded ejaculated
""") | {"went on", "goes on", "cried out", "called out", "broke in", "put in", "chimed in"}
# Speech cues near a quotation: the reporting verbs but "called" (a cue of a name: 'called “X”'),
# their other forms, and verbs that tell speech only next to a quotation.
SPEECH_CUE_VERBS = (REPORTING_VERBS - {"called"}) | _words("""
add address addressed announce announced answer ask asking assure assured beg begged bellow bellowed boast
boasted call calls complain complained confess confessed continue cry declare declares demand demands enquire
exclaim explain explains greet greeted groan inquire insist insists interrupt laugh murmur murmurs mutter
mutters object objected observe plead promise promised protest question questioned rejoin rejoins remark
repeat repeats reply respond responds retort retorts say saying scream shout shouts shriek sigh sob speak
speaks spoke spoken stammer talk talked tell tells thought told urge utter uttered warn warned whisper yell
yelled
""") | {"go on"}
# "Says" of an author cited ("says Engels" in a paragraph about his letter).
AUTHOR_SAYS = _words("says say")
# Verbs and phrases that introduce written words ("the resolution states", "as he put it").
WRITING_VERBS = _words("""
write writes wrote written writing states stated reads publish publishes published print prints printed
proclaim proclaims proclaimed cite cites cited quote quotes quoted formulate formulates formulated sings sang
recite recites recited
""") | {"put it", "puts it", "in the words of", "according to"}
# Written things, and those who write them, named before a quotation ("the letter", "the poet").
SOURCE_NOUNS = _words("""
letter letters article articles resolution resolutions document documents declaration manifesto book books
pamphlet programme program platform theses thesis appeal editorial newspaper paper journal magazine review
report telegram decree statute statutes constitution poem poems poet poets verse verses lines song ballad hymn
text passage treatise essay memorandum circular communiqué communique bulletin leaflet proclamation protocol
minutes diary motto inscription epitaph proverb bible scripture gospel chapter volume preface introduction
author writer writings works play novel story tale
""") | {"open letter"}
# Words before scare quotes that say so ("the so-called “…”").
SO_CALLED_CUES = ("so-called", "so called", "self-styled", "dubbed", "styled", "nicknamed")
# What introduces a name or a term (patterns): 'the word “…”', 'entitled “…”'.
MENTION_PATTERNS = (r"the (?:word|words|term|terms|expression|phrase|slogan|formula|title|name|heading|motto)",
                    "entitled", "called", "termed", r"labell?ed", "branded", "known as", "headed", "marked")
# Words ascribed after a closing mark: "…”, to use Engels’ expression", "…”, in Lenin’s words".
ASCRIBING_WORDS = ("to use", "to borrow", "to quote", "in", "as")
ASCRIBED_WORDS = ("expression", "words", "phrase", "term", "formula", "put it", "puts it", "wrote", "writes",
                  "has it")
# Words that make a phrase a clause (patterns): pronouns, auxiliaries, negation.
CLAUSE_PATTERNS = ("I", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it", "not", "n[’']t",
                   "is", "was", "were", "are", "am", "be", "been", "will", "would", "shall", "should", "can", "could",
                   "may", "might", "must", "do", "does", "did", "have", "has", "had")
# What opens a greeting or an exclamation (patterns): words spoken, not scare quotes.
EXCLAMATION_PATTERNS = ("oh", "ah", "alas", "hurrah", "huzza", "hurra", "bravo",
                        "good (?:morning|night|bye|evening|day)", "goodbye", "farewell", "hello", "hallo",
                        "thank you", "thanks", "yes", "no", "nay", "aye", "hush", "pooh", "amen")
# First and second persons (as written), and their capitalised forms at a sentence's start.
FIRST_SECOND_PERSON = ("I", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours")
FIRST_SECOND_PERSON_CAPITALISED = ("I", "We", "You", "My", "Our", "Your")
# What a reference in brackets holds besides numbers (patterns): "(Capital, vol. 1, p. 12)".
REFERENCE_PATTERNS = (r"\bp\.", r"\bpp\.", r"\bvol\b", r"\bibid\b", r"\bop\. cit\b", r"\bch\.")
# Words before which a speech verb is a noun ("in answer", "the question", "his protest").
NOUN_MARKERS = _words("a an the in his her their my our your its of no this that for with without such any every "
                      "each first last")
# Abbreviations whose full stop ends no sentence (the quotation pass's sentence splitter).
SENTENCE_ABBREVIATIONS = _words("mr mrs ms dr st prof gen col capt lt rev hon vol no pp cf viz vs etc ibid jr sr "
                                "messrs mme mlle")
# The subject of a speech tag: pronouns, and the determiners of a described speaker ("the old man").
SUBJECT_PRONOUNS = ("he", "she", "they", "I", "we", "you", "it")
DESCRIBED_DETERMINERS = ("the", "a", "an", "his", "her", "my", "our", "their")
# Capitalised words before a speech verb that are no speaker's name (as written).
NOT_SPEAKER_NAMES = frozenset("""
I He She It We They You The A An This That Then But And Or So Yet Thus Now Here There Mr Mrs
""".split())
# A name right after one of these is a place or an object, not the subject ("a delegate from Tambov told us").
OBJECT_PREPOSITIONS = ("from", "in", "at", "to", "of", "near", "into", "for", "with", "by", "on")
# Speakers that name nobody: pronouns and descriptions ("he", "the old man").
NAMELESS_SPEAKERS = _words("he she they we you it the")
# Words by which a sentence points back at a written thing named before it ("it states").
POINTING_WORDS = ("it", "this", "which")
POINTING_BACK_WORDS = POINTING_WORDS + ("the latter", "there")
# Determiners of a written thing named before a quotation ("a truly remarkable letter").
SOURCE_DETERMINERS = ("the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my", "your", "one",
                      "another")

# Speech without quotation marks (teikit.enrich.unmarked_speech).
# Titles that open a speaker's name in a reporting clause ("said Mrs. Smith", "cried Aunt Jane").
SPEAKER_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lady", "Lord", "Dame", "Master", "Mistress", "Captain",
                  "Colonel", "Major", "General", "Aunt", "Uncle", "Father", "Mother", "Sister", "Brother", "Old",
                  "Young", "Little", "Poor", "Saint", "St")
# Words a described speaker never ends with: relatives ("the man who") and times ("one day").
NOT_A_SPEAKER = ("who", "which", "that", "whom", "whose", "day", "days", "morning", "evening", "night", "time", "week",
                 "year", "moment", "afternoon", "while", "same")
# The subject of a reporting clause: pronouns, and the determiners of a described speaker.
REPORTING_PRONOUNS = ("he", "she", "I", "they", "we", "you")
SPEAKER_DETERMINERS = ("the", "his", "her", "my", "our", "their", "your", "a", "an")
# Who a reporting clause says is addressed ("said she to me", "to his wife").
ADDRESSEES = ("me", "him", "her", "them", "us", "you", "himself", "herself")
ADDRESSEE_DETERMINERS = ("the", "his", "her", "my", "our", "their")
# How a reporting clause says it was said (patterns): "gravely", "at last", "in a whisper".
MANNER_PATTERNS = (r"[a-z]+ly", "again", "aloud", "at last", "at length", "presently", "once more", "once")
MANNER_PREPOSITIONS = ("in", "with", "after", "at")
MANNER_DETERMINERS = ("a", "an", "the", "his", "her", "my", "their", "some", "great")
# A clause that opens a sentence and introduces speech: "Then he said, …".
LEADING_CONJUNCTIONS = ("Then", "And", "But", "So")
LEADING_PRONOUNS = ("I", "He", "She", "They", "We")
# Cues of someone speaking: someone addressed (words; patterns of a vocative), the speaker's own
# present (patterns), a greeting (patterns), an interjection opening it (words).
ADDRESSED_WORDS = ("you", "your", "yours", "yourself", "yourselves", "thee", "thou", "thy", "thine", "ye")
VOCATIVE_PATTERNS = ("sir", "madam", "ma['’]am", "miss", r"my\s+(?:dear|love|friend|lord|lady|boy|girl|child)")
SPEAKER_PRESENT_PATTERNS = (
    r"\b(?:I|we|We)\s+(?:(?:do|did)\s+not\s+|don['’]t\s+|really\s+|only\s+)?(?:am|have|will|shall|can|cannot|"
    r"must|may|do|think|know|hope|suppose|wish|want|believe|mean|dare|say|tell|see|beg|assure|fear|"
    r"declare|promise|am|are|feel|like|love|hate|never)\b",
    r"\b(?:I|we|We)['’](?:m|ll|ve|d|re)\b")
GREETING_PATTERNS = ("good (?:night|morning|evening|day|bye)", "goodbye", "farewell", "thank you", "thanks")
INTERJECTIONS = ("oh", "o", "ah", "aha", "alas", "well", "yes", "no", "nay", "aye", "ay", "pray", "why", "hush", "hark",
                 "indeed", "good", "lord", "bless", "hey", "hallo", "hello", "pooh", "bah", "tut", "nonsense",
                 "come", "look")
# Narration: a person (words) acting in the past (patterns).
PERSON_WORDS = ("he", "she", "they", "his", "her", "him", "them", "their", "I", "me", "my", "we", "us", "our")
PAST_PATTERNS = ("was", "were", "had", "did", "went", "came", "saw", "took", "made", "gave", "got", "sat", "stood",
                 "ran", "left", "found", "thought", "knew", "told", "heard", "felt", "began", "seemed", "[a-z]{3,}ed")
# The close of a letter (patterns): short lines that are no verse ("Yours faithfully").
LETTER_CLOSING_PATTERNS = ("yours", "your (?:friend|servant|son|daughter)", "dear (?:sir|madam)", "sincerely",
                           "faithfully")
# Words an apostrophe at a word's start shortens ('tis, ’em): not quotation marks.
ELISIONS = _words("tis twas twere em cause til till n neath round prentice gainst bout ere twixt ave alf ome ow appen")
