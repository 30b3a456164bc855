"""`teikit build` for an existing TEI edition (source = "tei"): tei/*.xml is the input, validated
(each file's <?xml-model?>, else tei_all) and published with the corpus pages; nothing in tei/ is
ever written, moved or deleted, and an authority list is never an edition's document."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from build_support import build, make_project, with_names
from conftest import ROOT
from helpers import run_teikit
from publish.publish_helpers import link_problems

FIXTURES = ROOT / "tests" / "publish" / "fixtures"
EDITION = ("critical-apparatus", "lettre-edition", "play-numbered-verse")

# a document naming a local schema of its own, which allows one root element only (a letter is
# valid against it, anything else is not)
OWN_SCHEMA = """<?xml version="1.0"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><element><nsName ns="http://www.tei-c.org/ns/1.0"/><ref name="any"/></element></start>
  <define name="any"><zeroOrMore><choice><attribute><anyName/></attribute><text/>
    <element><anyName/><ref name="any"/></element></choice></zeroOrMore></define>
</grammar>
"""
NAMES_OWN_SCHEMA = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="../schemas/house.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>A note in the house style</title>
</titleStmt></fileDesc></teiHeader><text><body><p>Valid by the house schema, not by tei_all.</p></body></text></TEI>
"""
REPEATS_AN_ID = (FIXTURES / "lettre-edition.xml").read_text(encoding="utf-8").replace(
    '<div type="letter">', '<div type="letter" xml:id="quay"><anchor xml:id="quay"/>')
REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Persons</title></titleStmt>
<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
<standOff><listPerson><person xml:id="pers-alder"><persName>Alder Wray</persName></person></listPerson></standOff>
</TEI>
"""


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file below a folder: its content hash and modification time."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_edition(folder: Path, settings: str = 'source = "tei"\n') -> Path:
    tei = folder / "tei"
    (tei / "authority").mkdir(parents=True)
    for name in EDITION:
        shutil.copy(FIXTURES / f"{name}.xml", tei)
    (folder / "schemas").mkdir()
    (folder / "schemas" / "house.rng").write_text(OWN_SCHEMA, encoding="utf-8")
    (tei / "house-note.xml").write_text(NAMES_OWN_SCHEMA, encoding="utf-8")
    (tei / "repeated-id.xml").write_text(REPEATS_AN_ID, encoding="utf-8")
    (tei / "authority" / "persons.xml").write_text(REGISTER, encoding="utf-8")
    (tei / "places-register.xml").write_text(REGISTER, encoding="utf-8")
    (folder / "teikit.toml").write_text(settings + 'authority = ["tei/authority", "tei/places-register.xml"]\n',
                                        encoding="utf-8")
    return folder


@pytest.fixture
def edition(tmp_path) -> Path:
    return make_edition(tmp_path / "edition")


def statuses(summary) -> dict[str, str]:
    return {r.name: r.status for r in summary.results}


def test_an_edition_is_validated_and_published_and_its_tei_is_never_touched(edition):
    before = snapshot(edition / "tei")
    summary = build(edition)
    assert statuses(summary) == {**{name: "built" for name in EDITION}, "house-note": "built",
                                 "repeated-id": "invalid"}  # the authority lists are no documents
    assert snapshot(edition / "tei") == before
    repeated = next(r for r in summary.results if r.name == "repeated-id")
    assert any('duplicate xml:id "quay"' in d.message for d in repeated.diagnostics)
    site = edition / "site"
    assert sorted(p.name for p in site.glob("*.html")) == sorted(
        [f"{n}.html" for n in (*EDITION, "house-note")] + ["index.html", "organisations.html", "persons.html",
                                                            "places.html"])
    for page in site.glob("*.html"):
        assert link_problems(page.read_text(encoding="utf-8")) == [], page.name
    index = lxml_html.document_fromstring((site / "index.html").read_text(encoding="utf-8"))
    titles = index.xpath("//table[contains(@class, 'tk-works')]//td[1]//a/text()")
    assert "Lettre de Marthe Vidal à Jules Arnaud, 3 mai 1881" in titles
    # a relative image address of the edition is reached from the site, where it is
    letter = (site / "lettre-edition.html").read_text(encoding="utf-8")
    assert 'src="../tei/images/quai.png"' in letter


def test_each_document_is_checked_against_its_own_xml_model_else_tei_all(edition):
    from teikit.build.sources import sources
    from teikit.project import Project

    chosen = {s.name: [Path(r.path).name for r in s.schemas] for s in sources(Project.load(edition / "teikit.toml"))}
    assert chosen["house-note"] == ["house.rng"]
    assert chosen["lettre-edition"] == ["tei_all.rng"]


def test_a_second_build_skips_everything_and_a_changed_schema_rebuilds_whom_it_checks(edition):
    build(edition)
    again = build(edition)
    assert {r.status for r in again.results if r.name != "repeated-id"} == {"skipped"}
    (edition / "schemas" / "house.rng").write_text(OWN_SCHEMA.replace("<text/>", "<text/><empty/>"), "utf-8")
    third = build(edition)
    assert statuses(third)["house-note"] == "built" and statuses(third)["lettre-edition"] == "skipped"


def test_a_document_removed_from_the_edition_takes_its_pages_not_its_neighbours(edition):
    build(edition)
    (edition / "tei" / "play-numbered-verse.xml").unlink()
    before = snapshot(edition / "tei")
    build(edition)
    assert not (edition / "site" / "play-numbered-verse.html").exists()
    assert snapshot(edition / "tei") == before


def test_switching_a_converted_project_to_its_tei_deletes_no_tei(tmp_path, monkeypatch):
    with_names(monkeypatch)
    folder = make_project(tmp_path / "project")
    build(folder)  # from texts: tei/*.xml are its outputs, recorded as such
    # now the TEI is the edition, and alpha.xml one of its authority lists: no document any more
    (folder / "teikit.toml").write_text((folder / "teikit.toml").read_text()
                                        + 'source = "tei"\nauthority = ["tei/alpha.xml"]\n', "utf-8")
    before = snapshot(folder / "tei")
    summary = build(folder)
    assert snapshot(folder / "tei") == before  # what an earlier build wrote there is the edition's now
    assert "alpha" not in statuses(summary) and "000_c13e9c14db7b3e72" in statuses(summary)
    assert not (folder / "site" / "alpha.html").exists()


def test_the_command_line_chooses_the_source_and_a_missing_texts_folder_stays_a_usage_error(tmp_path):
    folder = make_edition(tmp_path / "edition", settings="")
    without = run_teikit("build", "--config", str(folder / "teikit.toml"), cwd=folder)
    assert without.returncode == 2 and b"no texts folder" in without.stderr
    with_option = run_teikit("build", "--source", "tei", "--jobs", "1", "--config", str(folder / "teikit.toml"),
                             cwd=folder)
    assert with_option.returncode == 1, with_option.stderr  # repeated-id.xml is invalid
    assert with_option.stdout.decode().startswith("teikit build: tei -> site")
    assert (folder / "site" / "lettre-edition.html").is_file()
    (folder / "teikit.toml").write_text('source = "pdf"\n', encoding="utf-8")
    bad = run_teikit("build", "--config", str(folder / "teikit.toml"), cwd=folder)
    assert bad.returncode == 2 and b"source = 'pdf': expected one of texts, tei" in bad.stderr
