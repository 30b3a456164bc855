"""What needs an editor's eye: machine decisions and their certainty, for any input.

For a plain text, the conversion pipeline runs and every pass reports what it guessed
(``Document.review``). For a TEI file, the markup itself is read: every element whose
``@cert`` is not high is listed, with extractors for richer categories registered in
``TEI_EXTRACTORS`` by the passes that make such markup.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Callable

from lxml import etree

from teikit.model import HIGH, ReviewItem
from teikit.ns import TEI, local_name

# Element name -> review category for markup found in TEI.
CATEGORIES = {
    "persName": "name", "placeName": "name", "orgName": "name", "rs": "name", "name": "name", "date": "date",
    "q": "quotation", "quote": "quotation", "said": "quotation", "soCalled": "quotation", "cit": "quotation",
    "corr": "correction", "reg": "correction", "choice": "correction", "foreign": "language", "bibl": "quotation",
}

# Functions (root, file name) -> items, for categories that need more than @cert.
TeiExtractor = Callable[[etree._Element, str], list[ReviewItem]]
TEI_EXTRACTORS: list[TeiExtractor] = []
# Categories an extractor lists in full (uncertain_markup leaves their elements to it).
EXTRACTED_CATEGORIES: set[str] = set()


def snippet(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
                                cert=cert, data={"element": tag}))
    return items


def review_tei(root: etree._Element, name: str) -> list[ReviewItem]:
    items = uncertain_markup(root, name)
    for extract in TEI_EXTRACTORS:
        items.extend(extract(root, name))
    return items


def _register_defaults() -> None:
    from teikit.enrich import tei_review
    from teikit.enrich.names_review import names_in_tei

    TEI_EXTRACTORS.extend([tei_review.quotation_marks, tei_review.proposed_corrections, names_in_tei])
    EXTRACTED_CATEGORIES.add("name")  # names_in_tei lists every name, once per name


def item_record(file: str, item: ReviewItem) -> dict:
    record = {"file": file, **asdict(item)}
    record.update(record.pop("data") or {})
    return record


_register_defaults()
