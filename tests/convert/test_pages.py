"""The page set of bench/pages/ (and its second batch, bench/pages-check/): the hand-written expected
values of every page hold, field by field.

Each page's ``NAME.expected.json`` was written by hand before teikit was run on the page (see
bench/pages/README.md); the scorer is bench/pages.py. A field that stops scoring 1 fails its case
here, with what was found. The pages also convert lossless and valid (teikit.xsd, and tei_all when
../shared is there), and every credits line of a page is copied whole into its header.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from helpers import tei_all_errors
from teikit.reading import reading_text
from teikit.textio import comparable

sys.path.insert(0, str(ROOT / "bench"))
import pages as page_set  # noqa: E402  (bench/pages.py: the scorer)

PAGES = page_set.load_pages() + page_set.load_pages(folder=ROOT / "bench" / "pages-check")
FIELDS = [f for f in page_set.FIELDS if f != "works"]


@lru_cache(maxsize=None)
def converted(name: str) -> etree._Element:
    page = next(p for p in PAGES if p.name == name)
    return page_set.convert(page)


def cases():
    for page in PAGES:
        yield pytest.param(page, "works", None, id=f"{page.name}-works")
        for n, work in enumerate(page.expected["works"]):
            for field in FIELDS:
                if field in work:
                    yield pytest.param(page, field, n, id=f"{page.name}-{n}-{field}")


@pytest.mark.parametrize("page, field, work", list(cases()))
def test_expected_value_holds(page, field: str, work: int | None):
    root = converted(page.name)
    works = page_set.works_of(root)
    if field == "works":
        assert len(works) == len(page.expected["works"]), f"{len(works)} works"
        return
    assert work < len(works), f"no work {work}: {len(works)} works"
    scores = page_set.Scores()
    page_set.score_work(page, works[work], {field: page.expected["works"][work][field]}, scores)
    assert scores.by_field[field] == [1.0], "; ".join(scores.misses)


def test_every_kind_has_five_pages_or_more():
    kinds: dict[str, int] = {}
    for page in page_set.load_pages():
        kinds[page.kind] = kinds.get(page.kind, 0) + 1
    assert len(kinds) >= 15 and all(n >= 5 for n in kinds.values()), kinds


@lru_cache(maxsize=1)
def _teikit_xsd():
    import xmlschema

    return xmlschema.XMLSchema11(str(ROOT / "schema" / "teikit.xsd"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_converts_lossless_and_valid(page, tei_all_rng_if_present: Path | None):
    root = converted(page.name)
    assert comparable(reading_text(root)) == comparable(page.text)
    errors = [str(e.reason) for e in _teikit_xsd().iter_errors(root)]
    assert errors == []
    if tei_all_rng_if_present is not None:
        assert tei_all_errors(tei_all_rng_if_present, root) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_credits_lines_are_copied_whole_into_the_header(page):
    """Every line of a credits block (div[@type='metadata'] in front or back) is in the header's
    notesStmt as written, and stays in the text where it stands."""
    for work in page_set.works_of(converted(page.name)):
        lines = [" ".join("".join(p.itertext()).split())
                 for p in work.xpath("t:text/*/t:div[@type='metadata']/t:p", namespaces=page_set.NS)]
        notes = [" ".join("".join(n.itertext()).split())
                 for n in work.xpath("t:teiHeader//t:notesStmt/t:note[@type='credits']", namespaces=page_set.NS)]
        assert all(line in notes for line in lines), (lines, notes)
