"""The corpus pages of a site: ``index.html`` (every work) and the indexes of persons, places and
organisations across the corpus, made by xslt/html/site-index.xsl from a small XML summary of
the documents' records (so a project customises them with XSLT, as it does the documents' pages).

An entity is one index entry wherever the corpus names it when the documents agree on its key
(the authority entry, or an identifier such as its Wikidata number; see ``summary.entities``).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Sequence

from lxml import etree

from teikit.build.records import DocumentResult
from teikit.build.state import digest
from teikit.build.summary import CATEGORIES
from teikit.resources import data_dir
from teikit.xmlio import write_atomic

SITE_NS = "https://teikit.invalid/ns/site"
STYLESHEET = "html/site-index.xsl"
CSS = "html/tei.css"
# page parameter -> file (the navigation in xslt/html/site_nav.xsl links the same files)
PAGES = {"works": "index.html", "persons": "persons.html", "places": "places.html", "orgs": "organisations.html"}
PARAMS = {"css": "link"}
SHOWN = ("name", "title", "page", "lang", "works", "entities")  # the parts of a record the pages show
assert set(PAGES) == {"works", *CATEGORIES}


def reserved_stems() -> set[str]:
    """Text names whose pages would overwrite a corpus page."""
    return {Path(name).stem for name in PAGES.values()}


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{SITE_NS}}}{tag}", {k: str(v) for k, v in attrs.items()})
    element.text = text
    return element


def summary(results: Sequence[DocumentResult], lang: str = "") -> etree._Element:
    """The site summary: each document with its works, then each entity with its mentions,
    grouped by work (entities keep the label and links of their first document); ``lang``: the
    language of the site's labels."""
    root = etree.Element(f"{{{SITE_NS}}}site", nsmap={None: SITE_NS})
    if lang:
        root.set("lang", lang)
    entities: dict[str, tuple[etree._Element, dict[tuple[str, int], etree._Element]]] = {}
    for result in results:
        document = _el(root, "document", name=result.name, href=result.page, title=result.title or result.name)
        for work in result.works:
            item = _el(document, "work", href=work.href, names=work.names, quotations=work.quotations,
                       notes=work.notes)
            _el(item, "title", work.title)
            _el(item, "author", work.author)
            _el(item, "date", work.date)
        for entity in result.entities:
            if entity.key not in entities:
                element = etree.Element(f"{{{SITE_NS}}}entity", key=entity.key, category=entity.category,
                                        label=entity.label)
                for label, url in entity.links:
                    _el(element, "link", label=label, href=url)
                entities[entity.key] = (element, {})
            element, by_work = entities[entity.key]
            for mention in entity.mentions:
                where = (result.name, mention.work)
                if where not in by_work:
                    work = result.works[mention.work] if mention.work < len(result.works) else None
                    by_work[where] = _el(element, "in", document=result.name,
                                         title=work.title if work else result.title or result.name,
                                         href=work.href if work else result.page)
                item = _el(by_work[where], "mention", href=mention.href)
                _el(item, "before", mention.before)
                _el(item, "name", mention.name)
                _el(item, "after", mention.after)
    for element, _ in entities.values():
        root.append(element)
    return root


def site_language(results: Sequence[DocumentResult]) -> str:
    """The language of the corpus pages' labels: the documents' most common (the first met of
    those as common), or '' (English)."""
    languages = Counter(r.lang.split("-")[0].lower() for r in results if r.lang)
    return max(languages, key=languages.__getitem__) if languages else ""


def corpus_key(records: Sequence[dict], shared: str) -> str:
    """What the corpus pages are made from: the documents' records (as JSON) and everything
    documents share."""
    shown = [{key: record.get(key) for key in SHOWN} for record in records]
    return digest(shared, json.dumps(shown, sort_keys=True, separators=(",", ":")))


def files(site: Path) -> list[Path]:
    """The files of the site that are not a document's: the corpus pages and tei.css."""
    return [site / name for name in PAGES.values()] + [site / Path(CSS).name]


def write_pages(site: Path, results: Sequence[DocumentResult]) -> None:
    """Write the corpus pages and the site's tei.css."""
    from teikit.publish.saxon import compiled

    stylesheet = compiled(data_dir("xslt") / STYLESHEET)
    tree = etree.ElementTree(summary(results, site_language(results)))
    for page, file in PAGES.items():
        result = stylesheet.transform(tree, str(site / file), {**PARAMS, "page": page}, roots=None)
        write_atomic(site / file, result.text)
    css = data_dir("xslt") / CSS
    write_atomic(site / css.name, css.read_bytes())
