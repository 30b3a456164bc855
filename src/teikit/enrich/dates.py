"""Dates in running text -> ``date`` with ``@when`` (a day, month or year, possibly partial:
``--01-22``) or ``@from``/``@to`` (a range), and ``@cert``. Recognition is
``teikit.dates.find_date_spans``; dates the reader has already marked (metadata, datelines)
and names are left as they are."""

from __future__ import annotations

from teikit.dates import find_date_spans
from teikit.model import Block, Document, Span
from teikit.weights.dates import DATE

SKIPPED_KINDS = frozenset({"docDate", "label"})
SPAN_PRIORITY = 35  # as names: inside quotations, around corrections


def _free(block: Block, start: int, end: int) -> bool:
    """No span overlaps [start, end) except one that holds it whole (a quotation, a paragraph
    label's value)."""
    for span in block.spans:
        if span.end <= start or span.start >= end:
            continue
        if span.tag in ("date", "persName", "placeName", "orgName", "rs", "label", "ref"):
            return False
        if not (span.start <= start and end <= span.end) and not (start <= span.start and span.end <= end):
            return False
    return True


def mark_dates(doc: Document) -> None:
    for block in doc.blocks():
        if block.kind in SKIPPED_KINDS:
            continue
        start = block.value_start if block.label else 0
        for found in find_date_spans(block.text[start:]):
            a, b = start + found.start, start + found.end
            if not _free(block, a, b):
                continue
            evidence = DATE.evidence()
            if not evidence.check(DATE[found.rule], True, when=found.when or f"{found.start_date}/{found.end_date}"):
                continue
            cert = DATE.cert(evidence.score)
            evidence.decide("date", cert)
            attrs = {"when": found.when or "", "from": found.start_date or "", "to": found.end_date or "",
                     "cert": cert}
            block.add_span(Span(a, b, "date", attrs, priority=SPAN_PRIORITY, evidence=evidence))
