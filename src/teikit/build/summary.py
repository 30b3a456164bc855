"""What the corpus pages need from one document's TEI: its works (title, author, date, counts)
and the persons, places and organisations it names, with the anchor of every mention, the work
it is in and the words around it.

Anchors follow xslt/html/html_namesdates.xsl: an indexed name (persName, placeName, orgName, rs
or name with @ref inside a text) is anchored at its @xml:id (when no element before it has that
id), else at ``tk-name-N``, N its number
among the page's indexed names in document order. Every anchor is checked against the ids of the
page actually written: a customised stylesheet that anchors names differently loses index links
(with a warning), it never makes broken ones.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Iterable
from urllib.parse import quote

from lxml import etree

from teikit.build.records import EntityRecord, Mention, WorkRecord
from teikit.errors import Diagnostic, Severity
from teikit.ns import TEI, XML_ID, XML_LANG, local_name

NS = {"t": TEI}
NAME_TAGS = ("persName", "placeName", "orgName", "rs", "name")
QUOTATION_TAGS = ("q", "quote", "said")
UNTITLED = "Untitled document"
CATEGORIES = ("persons", "places", "orgs")  # the corpus indexes, in the order of the site's pages

_ENTITY_CATEGORY = {"person": "persons", "personGrp": "persons", "persona": "persons", "place": "places",
                    "org": "orgs"}
_NAME_CATEGORY = {"persName": "persons", "placeName": "places", "orgName": "orgs"}
_TYPE_CATEGORY = (("person", "persons"), ("place", "places"), ("org", "orgs"))


def _any_of(tags: Iterable[str]) -> str:
    return " or ".join(f"self::t:{tag}" for tag in tags)


_INDEXED = etree.XPath(f"//t:text//*[{_any_of(NAME_TAGS)}][normalize-space(@ref)]", namespaces=NS)
_NAMES = etree.XPath(f"t:text//*[{_any_of(NAME_TAGS)}]", namespaces=NS)
_QUOTATIONS = etree.XPath(f"t:text//*[{_any_of(QUOTATION_TAGS)}]", namespaces=NS)
_NOTES = etree.XPath("t:text//t:note", namespaces=NS)
_TITLES = etree.XPath("t:teiHeader/t:fileDesc/t:titleStmt/t:title[normalize-space()]", namespaces=NS)
_TEXT_TITLES = etree.XPath("t:text//t:titlePart[@type='main'] | t:text//t:docTitle", namespaces=NS)
_HEADS = etree.XPath("t:text//t:head", namespaces=NS)
_LETTER = etree.XPath("t:teiHeader/t:profileDesc/t:correspDesc", namespaces=NS)
_WORK = etree.XPath("ancestor::t:TEI[1]", namespaces=NS)
# title/@type and @level values, as xslt/common/common_header.xsl: the work's own title, a
# subtitle, the title of what the work belongs to (a series, a journal, a collection)
OWN_TITLE_TYPES, OWN_TITLE_LEVELS = ("main", "letter"), ("a", "u")
SUBTITLE_TYPES = ("sub", "subtitle", "alt", "short", "desc")
COLLECTION_LEVELS = ("s", "j")
COLLECTION_TYPES = ("series", "collection", "corpus", "edition", "project", "parent", "host", "journal", "volume")
# The elements whose words surround a mention in the corpus index, and how many words each side.
CONTEXT_BLOCKS = frozenset({"p", "ab", "l", "head", "item", "cell", "note", "stage", "speaker", "label",
                            "dateline", "salute", "signed", "byline", "titlePart", "docAuthor", "trailer",
                            "quote", "bibl", "entry"})
CONTEXT_WORDS = 6
_TITLE_TAG = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_AUTHORS = etree.XPath("t:teiHeader/t:fileDesc/t:titleStmt/t:author[normalize-space()]"
                       " | t:text//t:docAuthor[normalize-space()]", namespaces=NS)
_DATES = tuple(etree.XPath(path, namespaces=NS) for path in (
    "t:teiHeader/t:profileDesc/t:creation//t:date/@when",
    "t:teiHeader/t:fileDesc/t:sourceDesc//t:date[@type='work']/@when",
    "t:teiHeader/t:fileDesc/t:sourceDesc//t:bibl[@type='firstPublication']//t:date/@when",
    "t:text//t:docDate/@when",
))
_PAGE_ID = re.compile(r'\sid="([^"]+)"')


def page_ids(html: str) -> set[str]:
    """The ids a written HTML page has (what a link's #fragment may point at)."""
    return set(_PAGE_ID.findall(html))


def plain(element: etree._Element) -> str:
    """The words of an element as a page shows them in a title or a snippet: no notes, the edited
    reading of a choice, the lemma of an apparatus entry."""
    return " ".join("".join(_shown_text(element, [])).split())


# In a choice, the readings a page does not show in the text when the edited one is there.
_UNSHOWN = {"sic": ("corr",), "orig": ("reg",), "abbr": ("expan",)}


def _hidden(element: etree._Element) -> bool:
    name, parent = local_name(element.tag), element.getparent()
    if name == "note":
        return True
    if parent is None:
        return False
    siblings = {local_name(c.tag) for c in parent if isinstance(c.tag, str)}
    if local_name(parent.tag) == "choice" and name in _UNSHOWN:
        return bool(siblings & set(_UNSHOWN[name]))
    if local_name(parent.tag) in ("app", "rdgGrp") and name in ("rdg", "lem", "witDetail"):
        app = parent if local_name(parent.tag) == "app" else parent.getparent()
        return name == "witDetail" or app is None or element is not _shown_reading(app)
    return False


_LEMMAS = etree.XPath("t:lem | t:rdgGrp/t:lem", namespaces=NS)
_READINGS = etree.XPath("t:rdg | t:rdgGrp/t:rdg", namespaces=NS)


def _shown_reading(app: etree._Element) -> etree._Element | None:
    """The reading an apparatus entry shows in the text: its lemma, else its first reading."""
    return next(iter(_LEMMAS(app) or _READINGS(app)), None)


def _shown_text(element: etree._Element, out: list[str]) -> list[str]:
    out.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str) and not _hidden(child):
            _shown_text(child, out)
        out.append(child.tail or "")
    return out


def first_ids(root: etree._Element) -> dict[str, etree._Element]:
    """Each xml:id of a document and the first element declaring it: where a pointer leads, and
    the only element a page gives the id to when a document repeats it (tk:own-id)."""
    ids: dict[str, etree._Element] = {}
    for element in root.iter(etree.Element):
        value = element.get(XML_ID)
        if value:
            ids.setdefault(value, element)
    return ids


def page_title(html: str) -> str:
    """The title of a written page (its title element: the stylesheet's tk:main-title)."""
    match = _TITLE_TAG.search(html)
    return " ".join(unescape(match.group(1)).split()) if match else ""


def page_href(page: str, anchor: str | None = None) -> str:
    href = quote(page)
    return f"{href}#{quote(anchor, safe='')}" if anchor else href


# -- works ------------------------------------------------------------------------------------------------

def _is_collection(title_: etree._Element) -> bool:
    return title_.get("level") in COLLECTION_LEVELS or (title_.get("type") or "").lower() in COLLECTION_TYPES


def title(tei: etree._Element) -> str:
    """The work's own title, ranked as xslt/common/common_header.xsl ranks it (tk:main-title):
    type main or letter, level a, the first title that is neither a subtitle nor a series' or
    collection's; a letter is never titled by its series alone. (A document's page title is the
    stylesheet's own: ``works`` takes it from the page; this serves the works of a teiCorpus.)"""
    titles = _TITLES(tei)
    own = [t for t in titles if not _is_collection(t)]
    ranked = ([t for t in titles if t.get("type") in OWN_TITLE_TYPES]
              + [t for t in titles if t.get("level") in OWN_TITLE_LEVELS]
              + [t for t in own if t.get("type") not in SUBTITLE_TYPES] + own
              + ([] if _LETTER(tei) else titles) + _TEXT_TITLES(tei) + _HEADS(tei))
    return next((text for text in map(plain, ranked) if text), UNTITLED)


_LANGUAGES = etree.XPath("t:teiHeader/t:profileDesc/t:langUsage/t:language/@ident", namespaces=NS)


def language(root: etree._Element) -> str:
    """The language a document says it is in: its xml:lang, else the header's first language
    (as xslt/common/common_labels.xsl reads it), or ''."""
    return next((str(v).strip() for v in [root.get(XML_LANG), *_LANGUAGES(root)] if v and str(v).strip()), "")


def _authors(tei: etree._Element) -> str:
    return "; ".join(dict.fromkeys(plain(a) for a in _AUTHORS(tei)))


def _date(tei: etree._Element) -> str:
    for path in _DATES:
        found = [str(value).strip() for value in path(tei) if str(value).strip()]
        if found:
            return found[0]
    return ""


def work_elements(root: etree._Element) -> list[etree._Element]:
    """The works of a document: the TEI itself, or each TEI of a teiCorpus."""
    return [root] if local_name(root.tag) == "TEI" else root.xpath(".//t:TEI", namespaces=NS)


def works(root: etree._Element, page: str, ids: set[str], shown_title: str = "") -> list[WorkRecord]:
    """The works of a document, each linked to its part of the page when the page has its id; a
    TEI document is titled as its page is (``shown_title``, the page's title), when given."""
    records = []
    for tei in work_elements(root):
        anchor = tei.get(XML_ID) if tei is not root and tei.get(XML_ID) in ids else None
        name = shown_title if tei is root and shown_title else title(tei)
        records.append(WorkRecord(page_href(page, anchor), name, _authors(tei), _date(tei),
                                  len(_NAMES(tei)), len(_QUOTATIONS(tei)), len(_NOTES(tei))))
    return records


# -- names ------------------------------------------------------------------------------------------------

def authority_link(kind: str, value: str) -> tuple[str, str] | None:
    """(label, URL) for an identifier: a Wikidata, VIAF or GeoNames number, or a URL
    (as tk:authority-pair in xslt/common/common_names.xsl)."""
    kind = kind.lower()
    if re.match(r"^https?://", value):
        url = value
    elif kind == "wikidata" and re.fullmatch(r"Q[0-9]+", value):
        url = f"https://www.wikidata.org/wiki/{value}"
    elif kind == "viaf" and value.isdigit():
        url = f"https://viaf.org/viaf/{value}"
    elif kind == "geonames" and value.isdigit():
        url = f"https://www.geonames.org/{value}"
    else:
        return None
    for label, marker in (("Wikidata", "wikidata.org"), ("VIAF", "viaf.org"), ("GeoNames", "geonames.org")):
        if kind == label.lower() or marker in url:
            return label, url
    return re.sub(r"^https?://([^/]+).*$", r"\1", url), url


def _category(entity: etree._Element | None, name: etree._Element) -> str:
    if entity is not None and local_name(entity.tag) in _ENTITY_CATEGORY:
        return _ENTITY_CATEGORY[local_name(entity.tag)]
    if local_name(name.tag) in _NAME_CATEGORY:
        return _NAME_CATEGORY[local_name(name.tag)]
    kind = (name.get("type") or "").lower()
    return next((category for prefix, category in _TYPE_CATEGORY if kind.startswith(prefix)), "other")


def _identity(pointer: str, entity: etree._Element | None, name: etree._Element
              ) -> tuple[str, str, str, list[tuple[str, str]]]:
    """(key, category, label, links) of what a name points at. The key is the same wherever the
    corpus names it: what the document's entry is the same as (@sameAs, a Wikidata URI, say), else
    the authority list's entry it corresponds to (@corresp), else its first identifier, else the
    pointer when it is a URI, else its category and label."""
    category = _category(entity, name)
    links: list[tuple[str, str]] = []
    if entity is not None:
        labels = entity.xpath("t:persName | t:placeName | t:orgName | t:name | t:label", namespaces=NS)
        label = next((text for text in map(plain, labels) if text), "") or plain(name)
        for idno in entity.xpath("t:idno", namespaces=NS):
            link = authority_link(idno.get("type") or "", plain(idno))
            if link and link not in links:
                links.append(link)
        for attribute in ("sameAs", "corresp"):  # the thing itself, else the authority list's entry
            pointers = (entity.get(attribute) or "").split()
            if pointers and not pointers[0].startswith("#"):
                return f"{attribute} {pointers[0]}", category, label, links
        if links:
            return links[0][1], category, label, links
    else:
        label = plain(name)
        if not pointer.startswith("#"):
            link = authority_link("", pointer)
            return pointer, category, label, [link] if link else []
    return f"{category} {label.casefold()}", category, label, links


def register_pointer(pointer: str) -> str | None:
    """The entry id of a pointer into the register ('../authority/persons.xml#pers-x' -> 'pers-x')."""
    if pointer.startswith("#") or "#" not in pointer or re.match(r"^[a-z][a-z0-9+.-]*:", pointer):
        return None
    return pointer.rpartition("#")[2]


def entities(root: etree._Element, page: str, ids: set[str], source: str,
             register: dict[str, etree._Element] | None = None) -> tuple[list[EntityRecord], list[Diagnostic]]:
    """The persons, places and organisations a document names, with the anchors of their
    mentions in its page, in order of first mention; and warnings about mentions without an anchor.
    ``register``: the entries of the project's register by xml:id, which its pointers name."""
    by_id = first_ids(root)
    work_index = {tei: index for index, tei in enumerate(work_elements(root))}
    register = register or {}
    found: dict[str, EntityRecord] = {}
    missing = 0
    for number, name in enumerate(_INDEXED(root), 1):
        own = name.get(XML_ID)
        anchor = own if own and by_id.get(own) is name else f"tk-name-{number}"
        for pointer in name.get("ref").split():
            in_register = register_pointer(pointer)
            if in_register is not None:  # one entry of the corpus: its register id is its key
                entity = register.get(in_register)
                _key, category, label, links = _identity(pointer, entity, name)
                key = f"register {in_register}"
            else:
                entity = by_id.get(pointer[1:]) if pointer.startswith("#") else None
                key, category, label, links = _identity(pointer, entity, name)
            if category not in CATEGORIES:
                continue
            if anchor not in ids:
                missing += 1
                continue
            record = found.setdefault(key, EntityRecord(key, category, label, links))
            href = page_href(page, anchor)
            if not record.mentions or record.mentions[-1].href != href:
                work = next(iter(_WORK(name)), root)
                record.mentions.append(Mention(href, work_index.get(work, 0), *context(name)))
    warnings = []
    if missing:
        warnings.append(Diagnostic(source, f"{missing} name mention(s) have no anchor in {page}: the corpus "
                                           "indexes leave them out", Severity.WARNING, engine="build"))
    return list(found.values()), warnings


# -- the words around a mention ---------------------------------------------------------------------------

def context(name: etree._Element) -> tuple[str, str, str]:
    """(words before, the name, words after): up to CONTEXT_WORDS words each side, from the
    block the name stands in (its paragraph, line, heading...), as the page shows them, with
    the white space that separates them from the name."""
    block = next((a for a in name.iterancestors() if local_name(a.tag) in CONTEXT_BLOCKS), name.getparent())
    parts: dict[str, list[str]] = {"before": [], "after": []}
    where = ["before"]

    def walk(element: etree._Element) -> None:
        if element is name:
            where[0] = "after"
            return
        parts[where[0]].append(element.text or "")
        for child in element:
            if isinstance(child.tag, str) and (child is name or not _hidden(child)):
                walk(child)
            parts[where[0]].append(child.tail or "")

    if block is not None:
        walk(block)
    before, after = "".join(parts["before"]), "".join(parts["after"])
    # the white space between the name and its neighbours is kept ("Stalin, Molotov", "Engels’")
    return (" ".join(before.split()[-CONTEXT_WORDS:]) + (" " if before[-1:].isspace() else ""),
            plain(name),
            (" " if after[:1].isspace() else "") + " ".join(after.split()[:CONTEXT_WORDS]))
