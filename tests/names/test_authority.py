"""Authority lists: reading them, name forms, linking, and what a change to a list does."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from name_helpers import NS, convert, empty_lists, entity_of, names, write_list  # noqa: F401 (fixture)
from teikit.authority.forms import name_key, person_forms
from teikit.authority.load import load_authority
from teikit.errors import InputError

PERSONS = """  <listPerson>
   <person xml:id="p-halloran">
    <persName>Thomas Halloran</persName>
    <persName>Tom Halloran</persName>
    <birth when="1850-01-02"/>
    <death when="1901"/>
    <idno type="Wikidata">Q99999999</idno>
    <idno type="VIAF">12345</idno>
    <note>A made-up person.</note>
   </person>
  </listPerson>
"""


@pytest.mark.parametrize("a, b", [("U.S.S.R.", "USSR"), ("Alma-Ata", "Alma Ata"), ("O’Callaghan", "O'Callaghan"),
                                  ("Kraków", "Krakow"), ("G.P.U.", "GPU")])
def test_spellings_of_one_name_share_a_key(a, b):
    assert name_key(a) == name_key(b)


def test_person_forms_drop_titles_and_add_initials_and_surname():
    forms = person_forms("Sir Walter Citrine")
    assert {"Walter Citrine", "Citrine", "W. Citrine"} <= set(forms)
    assert "de Gaulle" in person_forms("Charles de Gaulle")


def test_lists_load_from_files_and_folders(tmp_path: Path):
    write_list(tmp_path / "lists" / "persons.xml", PERSONS)
    authority = load_authority([tmp_path / "lists"])
    (entry,) = authority.entries
    assert entry.id == "p-halloran" and entry.kind == "person"
    assert entry.uri() == "http://www.wikidata.org/entity/Q99999999"
    assert (entry.birth, entry.death) == ("1850-01-02", "1901")
    assert [m.entry.id for m in authority.index.longest_at(["t", "halloran"], 0)] == ["p-halloran"]


@pytest.mark.parametrize("body, message", [
    ("<listPerson><person><persName>X</persName></person></listPerson>", "without xml:id"),
    ('<listPerson><person xml:id="x"/></listPerson>', "has no <persName>"),
    ("<p>nothing</p>", "no person, place or org entries"),
])
def test_bad_lists_are_reported_with_their_file(tmp_path: Path, body: str, message: str):
    path = write_list(tmp_path / "bad.xml", body)
    with pytest.raises(InputError) as error:
        load_authority([path])
    assert message in str(error.value) and str(path) in str(error.value)


def test_an_id_in_two_lists_is_an_error(tmp_path: Path):
    write_list(tmp_path / "a.xml", PERSONS, "a")
    write_list(tmp_path / "b.xml", PERSONS, "b")
    with pytest.raises(InputError, match="also an entry"):
        load_authority([tmp_path])


def test_listed_entries_are_copied_with_their_identifiers_and_a_pointer_back(tmp_path: Path):
    lists = write_list(tmp_path / "tei" / "authority" / "persons.xml", PERSONS)
    text = "We met Tom Halloran at the fair. Halloran’s horse won, and T. Halloran was glad."
    _, root = convert(text, [lists.parent], output_dir=tmp_path / "tei")
    assert names(root, "persName") == ["Tom Halloran", "Halloran", "T. Halloran"]
    entries = {entity_of(root, e).get("{http://www.w3.org/XML/1998/namespace}id")
               for e in root.iterfind(".//t:text//t:persName", NS)}
    assert len(entries) == 1
    entry = entity_of(root, root.find(".//t:text//t:persName", NS))
    assert entry.get("corresp") == "authority/persons.xml#p-halloran"
    assert entry.get("sameAs") == "http://www.wikidata.org/entity/Q99999999"
    assert entry.get("cert") is None  # an editor's entry, not a guess
    assert [i.text for i in entry.iterfind("t:idno", NS)] == ["Q99999999", "12345"]
    assert entry.find("t:birth", NS).get("when") == "1850-01-02"
    assert root.find(".//t:text//t:persName", NS).get("cert") == "high"


def test_adding_an_entry_to_a_list_changes_the_next_conversion(tmp_path: Path):
    text = "The letter was sent to Quarrendon, where the Zyxlan Guild met every year."
    lists = tmp_path / "lists"
    write_list(lists / "places.xml", '<listPlace><place xml:id="pl-x"><placeName>Elsewhere</placeName></place>'
                                     "</listPlace>")
    _, before = convert(text, [lists])
    assert "Zyxlan Guild" in names(before, "orgName")
    write_list(lists / "orgs.xml", '<listOrg><org xml:id="o-zyxlan"><orgName>Zyxlan Guild</orgName>'
                                   '<idno type="VIAF">777</idno></org></listOrg>', "orgs")
    _, after = convert(text, [lists])
    org = after.find(".//t:text//t:orgName", NS)
    assert entity_of(after, org).findtext("t:idno", namespaces=NS) == "777"
    write_list(lists / "places.xml", '<listPlace><place xml:id="pl-q"><placeName>Quarrendon</placeName>'
                                     "<note>A village.</note></place></listPlace>")
    _, edited = convert(text, [lists])
    place = edited.find(".//t:text//t:placeName", NS)
    assert place.text == "Quarrendon" and entity_of(edited, place).findtext("t:note", namespaces=NS) == "A village."


def test_a_list_entry_decides_a_name_the_text_alone_would_get_wrong(tmp_path: Path, empty_lists):
    text = "The Koumintang was accepted into the International as a sympathetic organisation."
    _, alone = convert(text, empty_lists)
    assert "Koumintang" not in names(alone, "orgName")
    lists = write_list(tmp_path / "orgs.xml", '<listOrg><org xml:id="o-kmt"><orgName>Kuomintang</orgName>'
                                              "<orgName>Koumintang</orgName></org></listOrg>")
    _, listed = convert(text, [lists])
    assert "Koumintang" in names(listed, "orgName")


def test_the_samples_lists_are_valid_tei_with_unique_ids(tei_all_rng: Path):
    from lxml import etree

    from helpers import tei_all_errors

    ids: set[str] = set()
    for path in sorted((ROOT / "authority").glob("*.xml")):
        root = etree.parse(str(path)).getroot()
        assert tei_all_errors(tei_all_rng, root) == [], path.name
        for element in root.iter():
            xml_id = element.get("{http://www.w3.org/XML/1998/namespace}id")
            assert xml_id not in ids, xml_id
            if xml_id:
                ids.add(xml_id)
    assert len(load_authority([ROOT / "authority"]).entries) > 50


def test_a_speaker_and_the_persons_list_entry_are_one_entry(tmp_path):
    lists = write_list(tmp_path / "lists" / "persons.xml", """  <listPerson>
   <person xml:id="p-sidorov"><persName>Ivan Petrovich Sidorov</persName><persName>Ivan Sidorov</persName>
    <idno type="Wikidata">Q999999999</idno></person>
  </listPerson>
""")
    text = ('The strikers took up the slogan "bread and peace". Sidorov said at the meeting: '
            '"We shall not yield to the owners."')
    _, root = convert(text, [lists])
    # the full stop outside the marks ends the first sentence: "Sidorov said" tags the second quotation only
    assert root.find(".//t:text//t:said[.='\"bread and peace\"']", NS) is None
    (said,) = root.findall(".//t:text//t:said", NS)
    (person,) = root.findall(".//t:text//t:persName", NS)
    assert said.get("who") == person.get("ref")
    entry = entity_of(root, person)
    assert entry.findtext("t:idno", namespaces=NS) == "Q999999999"
    assert len(root.findall(".//t:standOff//t:person", NS)) == 1
