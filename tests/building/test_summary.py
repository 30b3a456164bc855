"""What a built document tells the corpus pages: its works' titles as its pages show them, and
the words around each mention of a name."""

from __future__ import annotations

import pytest
from lxml import etree

from publish.publish_docs import DOCUMENTS
from publish.publish_helpers import publish
from teikit.build import summary
from teikit.xmlio import parse_bytes, parse_file


@pytest.mark.parametrize("path", DOCUMENTS)
def test_a_works_title_is_the_one_its_page_shows(path):
    root = parse_file(path).getroot()
    page = publish(path, "html")
    assert summary.title(root) == summary.page_title(page)
    if etree.QName(root).localname == "TEI":
        (work,) = summary.works(root, "p.html", set(), summary.page_title(page))
        assert work.title == summary.page_title(page)


def _name(tei: str) -> etree._Element:
    root = parse_bytes("t.xml", tei.encode()).getroot()
    return root.xpath("//t:persName", namespaces={"t": "http://www.tei-c.org/ns/1.0"})[0]


def test_a_mention_comes_with_a_few_words_around_it_as_the_page_shows_them():
    name = _name('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>One two three four five six seven '
                 'met <persName ref="#a">Ann Wray</persName>, her<note>Not this.</note> '
                 '<choice><sic>frend</sic><corr>friend</corr></choice>, at the ferry of Lowtown that night.</p>'
                 '</body></text></TEI>')
    assert summary.context(name) == ("three four five six seven met ", "Ann Wray", ", her friend, at the ferry")


def test_the_corpus_pages_speak_the_language_most_documents_are_in(tmp_path):
    from teikit.build.records import DocumentResult, WorkRecord
    from teikit.build.site import site_language, write_pages

    results = [DocumentResult(f"d{i}", "built", page=f"d{i}.html", lang=lang,
                              works=[WorkRecord(f"d{i}.html", f"Lettre {i}")])
               for i, lang in enumerate(["fr", "en", "fr-CA"])]
    assert site_language(results) == "fr" and site_language([]) == ""
    write_pages(tmp_path, results)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in index and "<h1>Œuvres</h1>" in index
    assert "<h1>Personnes</h1>" in (tmp_path / "persons.html").read_text(encoding="utf-8")
