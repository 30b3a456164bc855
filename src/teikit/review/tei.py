"""The review of a TEI file: every element whose ``@cert`` is not high, and the richer
categories the extractors of ``TEI_EXTRACTORS`` read (names, stray quotation marks, proposed
corrections). Given a trace (``teikit convert --trace``), each item shows the rules behind it.
"""

from __future__ import annotations

from typing import Callable

from lxml import etree

from teikit.evidence import Evidence, Fired
from teikit.model import HIGH, ReviewItem
from teikit.ns import TEI, local_name
from teikit.review import marks
from teikit.review.items import snippet
from teikit.review.names import names_in_tei
from teikit.trace import xpath_of

# Element name -> review category for markup found in TEI.
CATEGORIES = {
    "persName": "name", "placeName": "name", "orgName": "name", "rs": "name", "name": "name", "date": "date",
    "q": "quotation", "quote": "quotation", "said": "quotation", "soCalled": "quotation", "cit": "quotation",
    "corr": "correction", "reg": "correction", "choice": "correction", "foreign": "language", "bibl": "quotation",
}

# Functions (root, file name) -> items, for categories that need more than @cert.
TeiExtractor = Callable[[etree._Element, str], list[ReviewItem]]
TEI_EXTRACTORS: list[TeiExtractor] = [marks.quotation_marks, marks.proposed_corrections, names_in_tei]
# Categories an extractor lists in full (uncertain_markup leaves their elements to it): names_in_tei
# lists every name, once per name.
EXTRACTED_CATEGORIES: set[str] = {"name"}


def uncertain_markup(root: etree._Element, name: str) -> list[ReviewItem]:
    """Every element of the text whose @cert is medium or low."""
    items = []
    for element in root.iter(f"{{{TEI}}}*"):
        cert = element.get("cert")
        if cert is None or cert == HIGH:
            continue
        if CATEGORIES.get(local_name(element.tag), "structure") in EXTRACTED_CATEGORIES:
            continue
        if element.xpath("ancestor::*[local-name()='teiHeader']"):
            continue
        tag = local_name(element.tag)
        items.append(ReviewItem(CATEGORIES.get(tag, "structure"), element.sourceline,
                                snippet("".join(element.itertext())), f"<{tag}> marked with @cert={cert}",
                                cert=cert, data={"element": tag}, xpath=xpath_of(element)))
    return items


def review_tei(root: etree._Element, name: str, trace: list[dict] | None = None) -> list[ReviewItem]:
    """The items of a TEI document; with the ``trace`` of the conversion that wrote it, each
    item whose element the trace knows carries that decision's rules."""
    items = uncertain_markup(root, name)
    for extract in TEI_EXTRACTORS:
        items.extend(extract(root, name))
    decisions = {record["xpath"]: record for record in trace or ()}
    for item in items:
        record = decisions.get(item.xpath) if item.xpath else None
        if record is not None and item.evidence is None:
            item.evidence = evidence_of(record)
    return items


def evidence_of(record: dict) -> Evidence:
    """A decision of a trace file as Evidence."""
    return Evidence(record.get("decision") or "", [Fired(r["rule"], r["weight"], r.get("features") or {})
                                                   for r in record.get("rules") or ()],
                    record.get("threshold"), record.get("decided"), record.get("cert"))
