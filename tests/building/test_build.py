"""A build of a small project: every valid document published, the invalid and the failed one
reported (exit status), and the corpus pages: the works, and indexes whose every link has its target."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from build_support import FAILED, INVALID, VALID, template  # noqa: F401 (fixture)
from publish.publish_helpers import html5_errors, link_problems

CORPUS_PAGES = ("index.html", "persons.html", "places.html", "organisations.html")


def statuses(summary) -> dict[str, str]:
    return {r.name: r.status for r in summary.results}


def test_each_document_gets_its_status(template):
    _, summary = template
    assert statuses(summary) == {**{name: "built" for name in VALID}, INVALID: "invalid", FAILED: "failed"}
    assert not summary.ok
    invalid = next(r for r in summary.results if r.name == INVALID)
    assert [d.code for d in invalid.diagnostics if d.severity == "error"] == ["work-has-author"]
    failed = next(r for r in summary.results if r.name == FAILED)
    assert "empty" in failed.diagnostics[0].message


def test_valid_documents_are_published_and_the_others_are_not(template):
    folder, _ = template
    for name in VALID:
        for path in (f"tei/{name}.xml", f"site/{name}.html", f"site/{name}.txt"):
            assert (folder / path).is_file(), path
    assert (folder / f"tei/{INVALID}.xml").is_file()  # the editor can see what is invalid
    assert not (folder / f"site/{INVALID}.html").exists()
    assert not list(folder.glob(f"tei/{FAILED}.*")) and not list(folder.glob(f"site/{FAILED}.*"))
    assert not list(folder.rglob("*.part")), "no temporary file is left behind"


def test_counts_and_summary_table(template):
    _, summary = template
    totals = summary.totals
    assert (totals["built"], totals["invalid"], totals["failed"]) == (3, 1, 1)
    assert totals["names"] > 0
    table = summary.table().splitlines()
    assert table[0].split() == ["documents", "built", "skipped", "invalid", "failed", "names", "quotations",
                                "notes", "warnings"]
    assert table[1].split()[:5] == ["5", "3", "0", "1", "1"]


def _page(path: Path):
    return lxml_html.document_fromstring(path.read_text(encoding="utf-8"))


def test_index_lists_every_work(template):
    folder, summary = template
    index = _page(folder / "site/index.html")
    rows = index.xpath("//table[contains(@class, 'tk-works')]/tbody/tr")
    works = [w for r in summary.results if r.status == "built" for w in r.works]
    assert len(rows) == len(works) >= 4  # sample 001 holds two works
    for row, work in zip(rows, works):
        cells = [" ".join(c.text_content().split()) for c in row.xpath("td")]
        assert cells == [work.title, work.author, work.date, str(work.names), str(work.quotations),
                         str(work.notes)]
        assert row.xpath("td[1]/a/@href") == [work.href]
    assert "Notes on a Meeting" not in index.text_content()  # the invalid document is not listed


def _targets(folder: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    return folder / "site" / unquote(parts.path), unquote(parts.fragment)


def test_every_link_of_the_site_has_its_target(template):
    folder, _ = template
    for page in sorted((folder / "site").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert html5_errors(text) == [], page.name
        assert link_problems(text) == [], page.name
        for href in _page(page).xpath("//a/@href | //link/@href"):
            if href.startswith(("#", "https://")):
                continue
            target, fragment = _targets(folder, href)
            assert target.is_file(), f"{page.name}: {href}"
            if fragment:
                assert fragment in _page(target).xpath("//@id"), f"{page.name}: {href}"


@pytest.mark.parametrize("page, label, link, documents", [
    ("persons.html", "Stalin", "https://www.wikidata.org/wiki/Q855", {*VALID}),
    ("places.html", "Moscow", "https://www.geonames.org/524901", {*VALID}),
    ("organisations.html", "Communist International", "https://www.wikidata.org/wiki/Q185153", {*VALID}),
])
def test_name_indexes_gather_each_entity_across_the_corpus(template, page, label, link, documents):
    folder, summary = template
    entries = [li for li in _page(folder / "site" / page).xpath("//ul[contains(@class, 'tk-corpus-index')]/li")
               if li.xpath("string(span[@class='tk-index-label'])") == label]
    assert len(entries) == 1, "one entry for the entity, however many documents name it"
    entry = entries[0]
    assert entry.xpath("a[@class='tk-authority']/@href") == [link]
    mentions = entry.xpath(".//a[contains(@class, 'tk-backlink')]/@href")
    assert {Path(urlsplit(h).path).stem for h in mentions} == documents
    expected = sum(len(e.mentions) for r in summary.results for e in r.entities if e.label == label)
    assert len(mentions) == expected > len(documents)
    for href in mentions:  # each mention is the name in the document's page
        target, fragment = _targets(folder, href)
        (mention,) = _page(target).xpath(f"//*[@id='{fragment}']")
        assert mention.text_content() == label


def test_corpus_indexes_file_each_mention_under_its_own_work_with_the_words_around_it(template):
    folder, summary = template
    titles = {w.href: w.title for r in summary.results for w in r.works}
    inner_works = 0
    for page in ("persons.html", "places.html", "organisations.html"):
        for work in _page(folder / "site" / page).xpath("//ul[contains(@class, 'tk-index-documents')]/li"):
            (work_href,) = work.xpath("cite/a/@href")
            assert work.xpath("string(cite)") == titles[work_href]  # the work's own title, linked
            work_page, work_id = _targets(folder, work_href)
            inner_works += bool(work_id)
            for link in work.xpath(".//a[contains(@class, 'tk-mention')]"):
                target, fragment = _targets(folder, link.get("href"))
                (mention,) = _page(target).xpath(f"//*[@id='{fragment}']")
                assert target == work_page
                if work_id:  # a work of a teiCorpus: the mention is in that work's part of the page
                    assert mention.xpath(f"ancestor::article[@id='{work_id}']")
                name = link.findtext("mark")
                assert name == mention.text_content()
                assert len(link.text_content().split()) > len(name.split())  # a few words around it
    assert inner_works >= 2  # sample 001's two works are filed apart
