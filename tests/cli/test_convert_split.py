"""``teikit convert --split -o DIR`` (one TEI a work) and ``--corpus-file FILE`` (a teiCorpus of copies).

Several consumers skip or refuse a teiCorpus: a page of several works is written as one TEI file a
work, each with the page's header data, valid (teikit's schema and tei_all), ids unique across the
files and the text's every character still there, in order, across them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from helpers import NS, run_teikit, tei_all_errors
from teikit.reading import comparable, reading_text
from teikit.textio import read_text

CASES = Path(__file__).resolve().parents[1] / "convert" / "cases"
# a web page (breadcrumb, poster) carrying two works, the second's notes answering the first's marker
TWO_WORKS = CASES / "two_works_notes_at_page_end.txt"
ONE_WORK = CASES / "etol_letter.txt"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture
def page(tmp_path) -> Path:
    target = tmp_path / "page.txt"
    shutil.copy(TWO_WORKS, target)
    return target


@pytest.fixture(scope="module")
def split_run(tmp_path_factory) -> Path:
    """One run for the tests that read its output: the page and a one-work text, split, with a corpus
    file (tmp/out/ and tmp/corpus.xml)."""
    folder = tmp_path_factory.mktemp("split")
    shutil.copy(TWO_WORKS, folder / "page.txt")
    result = run_teikit("convert", str(folder / "page.txt"), str(ONE_WORK), "--split", "-o", str(folder / "out"),
                        "--corpus-file", str(folder / "corpus.xml"))
    assert result.returncode == 0, result.stderr.decode()
    return folder


def test_split_writes_one_tei_a_work_each_with_the_page_header(split_run):
    out = split_run / "out"
    assert sorted(p.name for p in out.iterdir()) == ["etol_letter.xml", "page-1.xml", "page-2.xml"]
    titles = []
    for path in (out / "page-1.xml", out / "page-2.xml"):
        root = etree.parse(str(path)).getroot()
        assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
        header = root.find("t:teiHeader", NS)
        assert [etree.QName(c).localname for c in header] == ["fileDesc", "encodingDesc", "profileDesc",
                                                             "revisionDesc"]
        web_page = header.find(".//t:sourceDesc/t:bibl[@type='webPage']", NS)
        assert web_page is not None and "Trials" in web_page.findtext("t:note[@type='breadcrumb']", namespaces=NS)
        titles.append(header.findtext(".//t:titleStmt/t:title", namespaces=NS))
    assert titles == ["The Moscow Trials", "A Reply to Our Critics"]


def test_split_files_keep_every_character_in_order(split_run):
    out = split_run / "out"
    read = "".join(reading_text(etree.parse(str(out / f"page-{n}.xml")).getroot()) for n in (1, 2))
    assert comparable(read) == comparable(read_text(str(TWO_WORKS)).text)


def test_split_files_are_valid_together_ids_unique_and_pointers_resolved(split_run):
    files = sorted((split_run / "out").iterdir())
    result = run_teikit("validate", "--schema", "teikit", *map(str, files))
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    ids = [i for path in files for i in etree.parse(str(path)).xpath("//@xml:id")]
    assert len(ids) == len(set(ids))
    # the note of the second work answers the marker of the first: across the files
    first = etree.parse(str(split_run / "out" / "page-1.xml"))
    assert first.xpath("//t:ref[@type='noteAnchor']/@target", namespaces=NS) == ["page-2.xml#page-w2-note1"]


def test_split_files_are_valid_against_tei_all(split_run, tei_all_rng):
    for path in [*sorted((split_run / "out").iterdir()), split_run / "corpus.xml"]:
        assert tei_all_errors(tei_all_rng, etree.parse(str(path)).getroot()) == [], path.name


def test_corpus_file_holds_copies_of_every_tei_written(split_run):
    out, corpus_path = split_run / "out", split_run / "corpus.xml"
    data = corpus_path.read_bytes()
    assert b"XInclude" not in data and b"xi:include" not in data
    corpus = etree.fromstring(data)
    assert corpus.tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    members = corpus.findall("t:TEI", NS)
    written = [etree.parse(str(out / name)).getroot() for name in ("page-1.xml", "page-2.xml", "etol_letter.xml")]
    assert [m.get(XML_ID) for m in members] == [w.get(XML_ID) for w in written]
    for member, tei in zip(members, written):
        alone = etree.fromstring(etree.tostring(member))  # reading_text reads the whole document it is in
        assert comparable(reading_text(alone)) == comparable(reading_text(tei))
    # in the corpus the works point at each other inside the file again
    assert corpus.xpath("//t:ref[@type='noteAnchor']/@target", namespaces=NS)[0] == "#page-w2-note1"
    result = run_teikit("validate", "--schema", "teikit", str(corpus_path))
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()


@pytest.mark.parametrize("args, option", [
    (("--split",), "--split"),
    (("--split", "-o", "-"), "--split"),
    (("--split", "--format", "json", "-o", "out/"), "--split"),
    (("--corpus-file", "corpus.xml", "-o", "out/"), "--corpus-file"),
    (("--split", "-o", "out/", "--corpus-file", "missing/corpus.xml"), "--corpus-file"),
])
def test_split_usage_errors(tmp_path, page, args, option):
    result = run_teikit("convert", str(page), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert option in result.stderr.decode()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_two_inputs_writing_the_same_file_is_an_error_for_the_second(tmp_path, page):
    other = tmp_path / "sub"
    other.mkdir()
    clash = other / "page-1.txt"
    shutil.copy(ONE_WORK, clash)
    result = run_teikit("convert", str(page), str(clash), "--split", "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "page-1.xml" in result.stderr.decode() and len(result.stderr.decode().splitlines()) == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["page-1.xml", "page-2.xml"]
