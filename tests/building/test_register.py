"""The register of a corpus: one entry per person across documents, documents pointing at it,
corpus-level evidence, a build that settles, and the review loop's decisions surviving rebuilds
and a change of the converter's rules."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lxml import etree

from helpers import run_teikit
from teikit.build import BuildOptions, build_project
from teikit.project import Project
from teikit.review.register import decide, pending
from teikit.weights.names import NAME

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
# three letters sharing persons: the third names them by surname (or title and surname) only
TEXTS = {
    "a": "A Letter on the Strike\n\nMr. John Halloran wrote from Leeds on Monday. Halloran said the strike "
         "would end. Sir Walter Citrine answered him.\n",
    "b": "The Second Meeting\n\nJohn Halloran met Mrs. Ada Pembury in Leeds. Halloran spoke first, and "
         "Pembury replied.\n",
    "c": "A Note\n\nThe chair was taken by comrade Halloran, and Mrs. Pembury spoke in Leeds.\n",
}


def _project(folder: Path, texts: dict[str, str] = TEXTS) -> Path:
    (folder / "texts").mkdir(parents=True)
    (folder / "teikit.toml").write_text('texts = "texts"\n', encoding="utf-8")
    for name, text in texts.items():
        (folder / "texts" / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _build(folder: Path, **options):
    return build_project(Project.load(start=folder), BuildOptions(jobs=1, **options))


def _refs(folder: Path, name: str) -> dict[str, list[str]]:
    """The mentions of a built document: form -> the pointers of its names."""
    root = etree.parse(str(folder / "tei" / f"{name}.xml"))
    found: dict[str, list[str]] = {}
    for element in root.xpath("//t:text//*[@ref]", namespaces=TEI):
        found.setdefault(" ".join("".join(element.itertext()).split()), []).append(element.get("ref"))
    return found


def _proposed(folder: Path) -> dict[str, list[str]]:
    root = etree.parse(str(folder / "authority" / "proposed.xml"))
    return {e.get("{http://www.w3.org/XML/1998/namespace}id"): [" ".join(n.itertext()) for n in e if
                                                               n.tag.endswith("Name")]
            for e in root.xpath("//t:person | //t:place | //t:org", namespaces=TEI)}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = _project(tmp_path_factory.mktemp("register"))
    summary = _build(folder)
    assert [r.status for r in summary.results] == ["built"] * 3
    return folder


def test_three_texts_sharing_persons_give_one_register_entry_each(built):
    entries = _proposed(built)
    persons = sorted(i for i in entries if i.startswith("pers-"))
    assert persons == ["pers-ada-pembury", "pers-john-halloran", "pers-walter-citrine"]
    assert entries["pers-john-halloran"][0] == "John Halloran"  # the fullest name, without titles
    halloran = "../authority/proposed.xml#pers-john-halloran"
    for name in "abc":
        refs = _refs(built, name)
        assert halloran in refs["Halloran"], name  # the surname alone too, in c by the corpus's evidence
        assert not etree.parse(str(built / "tei" / f"{name}.xml")).xpath("//t:standOff", namespaces=TEI)
    assert _refs(built, "c")["Mrs. Pembury"] == ["../authority/proposed.xml#pers-ada-pembury"]


def test_a_second_build_with_nothing_changed_rebuilds_nothing(built):
    before = (built / "authority" / "proposed.xml").read_bytes()
    summary = _build(built)
    assert [r.status for r in summary.results] == ["skipped"] * 3
    assert (built / "authority" / "proposed.xml").read_bytes() == before


def test_the_site_indexes_each_register_entry_once(built):
    persons = (built / "site" / "persons.html").read_text(encoding="utf-8")
    assert persons.count('tk-index-label">John Halloran<') == 1 and "c.html#c-m3" in persons


def test_two_people_of_one_surname_stay_two_and_a_bare_surname_is_not_guessed(tmp_path):
    folder = _project(tmp_path, {
        "d": "First\n\nMr. John Ormerod wrote from Leeds.\n",
        "e": "Second\n\nMrs. Mary Ormerod wrote from Leeds.\n",
        "f": "Third\n\nThe chair was taken by comrade Ormerod in Leeds.\n",
    })
    _build(folder)
    ids = set(_proposed(folder))
    assert {"pers-john-ormerod", "pers-mary-ormerod", "pers-ormerod"} <= ids
    assert _refs(folder, "f")["Ormerod"] == ["../authority/proposed.xml#pers-ormerod"]
    # the review lists it as a conflict for the editor to settle
    (row,) = [r for r in pending(Project.load(start=folder)) if r["id"] == "pers-ormerod"]
    assert row["category"] == "conflict" and "pers-john-ormerod, pers-mary-ormerod" in row["message"]


def test_new_ids_are_transliterated_and_kept_apart():
    from teikit.authority.register import new_id

    assert new_id("place", "Łódź", set()) == "place-lodz"
    assert new_id("person", "Лев Троцкий", set()) == "pers-lev-trotskiy"
    assert new_id("place", "Łódź", {"place-lodz", "place-lodz-2"}) == "place-lodz-3"


def test_every_review_verb_holds_after_a_rebuild_and_a_converter_change(tmp_path, monkeypatch):
    folder = _project(tmp_path)
    _build(folder)
    project = Project.load(start=folder)
    listed = {row["id"] for row in pending(project)}
    assert {"pers-john-halloran", "pers-walter-citrine", "place-leeds"} <= listed
    mention = next(row["id"] for row in pending(project) if row["id"].startswith("b#") and row["text"] == "Leeds")
    # the command line, as an editor uses it
    result = run_teikit("review", "--accept", "pers-ada-pembury", cwd=folder)
    assert result.returncode == 0, result.stderr
    decide(project, "reject", "pers-walter-citrine")
    decide(project, "link", "pers-john-halloran", "wikidata:Q42")
    decide(project, "rename", "pers-john-halloran", "J. H. Halloran")
    decide(project, "reject", mention)
    decide(project, "merge", "c#" + _mention_id(folder, "c", "Halloran"), "pers-ada-pembury")

    def holds() -> None:
        assert "pers-ada-pembury" in (folder / "authority" / "persons.xml").read_text(encoding="utf-8")
        assert _refs(folder, "b")["Pembury"] == ["../authority/persons.xml#pers-ada-pembury"]
        assert "Citrine" not in _refs(folder, "a")  # rejected: no longer tagged, its words kept
        assert "Sir Walter Citrine" in etree.parse(str(folder / "tei" / "a.xml")).xpath("string(//t:body)",
                                                                                       namespaces=TEI)
        assert "Leeds" not in _refs(folder, "b") and "Leeds" in _refs(folder, "a")  # one mention rejected
        assert _refs(folder, "c")["Halloran"] == ["../authority/persons.xml#pers-ada-pembury"]  # merged
        proposed = etree.parse(str(folder / "authority" / "proposed.xml"))
        halloran = proposed.xpath("//t:person[@xml:id='pers-john-halloran']", namespaces=TEI)[0]
        assert halloran.xpath("string(t:persName[1])", namespaces=TEI) == "J. H. Halloran"
        assert halloran.xpath("string(t:idno[@type='Wikidata'])", namespaces=TEI) == "Q42"
        assert not proposed.xpath("//t:person[@xml:id='pers-walter-citrine' or @xml:id='pers-ada-pembury']",
                                  namespaces=TEI)
        # the pages resolve register pointers: the index keeps the new name and the authority link
        page = (folder / "site" / "b.html").read_text(encoding="utf-8")
        assert "https://www.wikidata.org/wiki/Q42" in page and "J. H. Halloran" in page

    _build(folder)
    holds()
    html = run_teikit("html", "tei/b.xml", cwd=folder)  # teikit html inside the project, as the build
    assert html.returncode == 0 and b"https://www.wikidata.org/wiki/Q42" in html.stdout
    _build(folder, force=True)
    holds()
    # a converter change: a rule's weight changed, every document converted again
    rule = NAME.rules["person.honorific"]
    monkeypatch.setitem(NAME.rules, "person.honorific", dataclasses.replace(rule, weight=rule.weight + 1))
    _build(folder, force=True)
    holds()


def _mention_id(folder: Path, name: str, form: str) -> str:
    root = etree.parse(str(folder / "tei" / f"{name}.xml"))
    return next(e.get("{http://www.w3.org/XML/1998/namespace}id") for e in root.xpath("//t:text//*[@ref]",
                                                                                      namespaces=TEI)
                if "".join(e.itertext()) == form)


def test_review_without_input_outside_a_project_is_a_usage_error(tmp_path):
    result = run_teikit("review", cwd=tmp_path)
    assert result.returncode == 2 and "no project here" in result.stderr.decode()


PERSONS = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Persons</title></titleStmt>
<publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Test</p></sourceDesc></fileDesc></teiHeader>
<standOff><listPerson><person xml:id="pers-halloran"><persName>John Halloran</persName>
<idno type="Wikidata">Q4242</idno></person></listPerson></standOff></TEI>
"""


@pytest.mark.parametrize("refs, expected", [
    ("register", "../authority/persons.xml#pers-halloran"),
    ("uri", "http://www.wikidata.org/entity/Q4242"),
])
def test_names_point_at_the_register_or_at_the_authority_uri(tmp_path, refs, expected):
    folder = _project(tmp_path, {"a": TEXTS["a"]})
    (folder / "authority").mkdir()
    (folder / "authority" / "persons.xml").write_text(PERSONS, encoding="utf-8")
    (folder / "teikit.toml").write_text(f'texts = "texts"\nrefs = "{refs}"\n', encoding="utf-8")
    summary = _build(folder)
    assert [r.status for r in summary.results] == ["built"]
    assert set(_refs(folder, "a")["Halloran"]) == {expected}
    assert "pers-halloran" not in _proposed(folder)  # an editor's entry is never proposed
    leeds = _refs(folder, "a")["Leeds"]
    assert leeds == (["https://sws.geonames.org/2644688/"] if refs == "uri" else
                     ["../authority/proposed.xml#place-leeds"])
