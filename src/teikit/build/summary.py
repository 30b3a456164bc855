"""What the corpus pages need from one document's TEI: its works (title, author, date, counts)
and the persons, places and organisations it names, with the anchor of every mention.

Anchors follow xslt/html/html_namesdates.xsl: an indexed name (persName, placeName, orgName, rs
or name with @ref inside a text) is anchored at its @xml:id, else at ``tk-name-N``, N its number
among the page's indexed names in document order. Every anchor is checked against the ids of the
page actually written: a customised stylesheet that anchors names differently loses index links
(with a warning), it never makes broken ones.
"""

from __future__ import annotations

import re
from typing import Iterable
from urllib.parse import quote

from lxml import etree

from teikit.build.records import EntityRecord, WorkRecord
from teikit.errors import Diagnostic, Severity
from teikit.ns import TEI, XML_ID, local_name

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
_TEXT_TITLES = etree.XPath("t:text//t:titlePart[@type='main'] | t:text//t:docTitle | t:text//t:head",
                           namespaces=NS)
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
    return " ".join("".join(element.itertext()).split())


def page_href(page: str, anchor: str | None = None) -> str:
    href = quote(page)
    return f"{href}#{quote(anchor, safe='')}" if anchor else href


# -- works ------------------------------------------------------------------------------------------------

def title(tei: etree._Element) -> str:
    titles = _TITLES(tei)
    ranked = ([t for t in titles if t.get("type") == "main"] + [t for t in titles if t.get("type") is None]
              + [t for t in titles if t.get("type") not in ("sub", "subtitle", "alt", "short")] + titles
              + _TEXT_TITLES(tei))
    return next((text for text in map(plain, ranked) if text), UNTITLED)


def _authors(tei: etree._Element) -> str:
    return "; ".join(dict.fromkeys(plain(a) for a in _AUTHORS(tei)))


def _date(tei: etree._Element) -> str:
    for path in _DATES:
        found = [str(value).strip() for value in path(tei) if str(value).strip()]
        if found:
            return found[0]
    return ""


def works(root: etree._Element, page: str, ids: set[str]) -> list[WorkRecord]:
    """The works of a document: the TEI itself, or each TEI of a teiCorpus (linked to its part of
    the page when the page has its id)."""
    items = [root] if local_name(root.tag) == "TEI" else root.xpath(".//t:TEI", namespaces=NS)
    records = []
    for tei in items:
        anchor = tei.get(XML_ID) if tei is not root and tei.get(XML_ID) in ids else None
        records.append(WorkRecord(page_href(page, anchor), title(tei), _authors(tei), _date(tei),
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
    by_id = {el.get(XML_ID): el for el in root.iter(etree.Element) if el.get(XML_ID)}
    register = register or {}
    found: dict[str, EntityRecord] = {}
    missing = 0
    for number, name in enumerate(_INDEXED(root), 1):
        anchor = name.get(XML_ID) or f"tk-name-{number}"
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
            if href not in record.mentions[-1:]:
                record.mentions.append(href)
    warnings = []
    if missing:
        warnings.append(Diagnostic(source, f"{missing} name mention(s) have no anchor in {page}: the corpus "
                                           "indexes leave them out", Severity.WARNING, engine="build"))
    return list(found.values()), warnings
