"""The samples in tei/: every person, place and organisation an editor would mark is marked
and linked to the project's lists; every pointer resolves."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from name_helpers import NS

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SAMPLES = sorted((ROOT / "tei").glob("*.xml"))

# What an editor marks in each sample: (element, list entry) pairs that must be there.
EXPECTED = {
    "000_c13e9c14db7b3e72": {
        ("persName", e) for e in (
            "pers-trotsky", "pers-tarov", "pers-stalin", "pers-lenin", "pers-engels", "pers-kautsky",
            "pers-robespierre", "pers-hitler", "pers-molotov", "pers-bukharin", "pers-tomsky", "pers-citrine",
            "pers-pilsudski", "pers-chiang", "pers-zinoviev", "pers-kamenev", "pers-yenukidze", "pers-kirov",
            "pers-zhdanov", "pers-kosior", "pers-kaganovich", "pers-wrangel", "pers-napoleon", "pers-ocallaghan")
    } | {
        ("placeName", e) for e in ("place-ussr", "place-moscow", "place-germany", "place-italy", "place-russia",
                                   "place-kremlin")
    } | {
        ("orgName", e) for e in ("org-gpu", "org-comintern", "org-fourth-international", "org-tuc-general-council",
                                 "org-kuomintang", "org-ccp", "org-kpp", "org-politburo", "org-cpsu",
                                 "org-left-opposition", "org-ltia")
    },
    "001_6cfbcb76526a9a85": {
        ("persName", e) for e in (
            "pers-trotsky", "pers-tarov", "pers-stalin", "pers-lenin", "pers-marx", "pers-andreyev",
            "pers-yessayan", "pers-zhantnev", "pers-margolin", "pers-kahyani", "pers-mirzoyan", "pers-mikoyan",
            "pers-rakovsky", "pers-hitler", "pers-robert-paris")
    } | {
        ("placeName", e) for e in (
            "place-ussr", "place-moscow", "place-andijan", "place-tashkent", "place-frunze", "place-siberia",
            "place-verkhneuralsk", "place-solovki", "place-central-asia", "place-caucasus", "place-georgia",
            "place-tiflis", "place-alma-ata", "place-kazakhstan", "place-baku", "place-uralsk",
            "place-petropavlovsk", "place-germany", "place-iran", "place-france", "place-ural", "place-vichy")
    } | {
        ("orgName", e) for e in ("org-gpu", "org-central-committee", "org-cec", "org-left-opposition", "org-red-army",
                                 "org-groupe-manouchian", "org-french-resistance", "org-etol",
                                 "org-district-committee")
    },
}


def linked(path: Path) -> set[tuple[str, str]]:
    """(element, editor's entry) of each name pointing at the register's lists (not its proposals)."""
    root = etree.parse(str(path)).getroot()
    found = set()
    for element in root.iterfind(".//t:text//*[@ref]", NS):
        file, _, entry_id = element.get("ref").partition("#")
        if file and not file.endswith("proposed.xml"):
            found.add((etree.QName(element).localname, entry_id))
    return found


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_the_names_an_editor_marks_are_marked_and_linked(path: Path):
    missing = EXPECTED[path.stem] - linked(path)
    assert not missing, sorted(missing)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_pointer_resolves_in_the_file_or_the_lists(path: Path):
    root = etree.parse(str(path)).getroot()
    ids = {e.get(XML_ID) for e in root.iter() if e.get(XML_ID)}
    lists = {}
    for element in root.iter():
        for attribute in ("ref", "corresp"):
            value = element.get(attribute)
            if not value:
                continue
            if value.startswith("#"):
                assert value[1:] in ids, value
            else:
                file, _, entry_id = value.partition("#")
                target = (path.parent / file).resolve()
                if target not in lists:
                    lists[target] = {e.get(XML_ID) for e in etree.parse(str(target)).iter() if e.get(XML_ID)}
                assert entry_id in lists[target], value


def test_generic_plurals_in_the_first_sample_are_rs():
    root = etree.parse(str(ROOT / "tei" / "000_c13e9c14db7b3e72.xml")).getroot()
    plurals = ["".join(rs.itertext()) for rs in root.iterfind(".//t:text//t:rs", NS)]
    assert "all the Tarovs" in plurals and "all the Kossiors" in plurals
