"""The decision trace: every element with @cert, and every block's role, can say which rules made it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from helpers import NS, run_teikit
from teikit.convert import ConvertOptions, convert_text
from teikit.textio import read_text
from teikit.trace import xpath_of

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OWN = HERE / "own_text.txt"
SAMPLES = sorted((ROOT / "texts").glob("*.txt"))
# Elements the reader writes for a block of the input: each has the decision of its role.
BLOCK_ELEMENTS = frozenset({"p", "head", "note", "titlePart", "docAuthor", "byline", "docDate", "dateline",
                            "signed", "salute"})
STRUCTURE_DECISIONS = frozenset({"paragraph", "heading", "title-block", "metadata", "chrome", "notes", "contents",
                                 "letter", "layout"})
KEYS = {"file", "xpath", "xml:id", "element", "decision", "text", "cert", "rules", "score", "threshold", "decided",
        "alternatives"}


def _converted(path: Path, **options):
    result = convert_text(read_text(str(path)), options=ConvertOptions(**options))
    return etree.fromstring(result.tei), result.trace.records(str(path))


@pytest.mark.parametrize("path", [*SAMPLES, OWN], ids=lambda p: p.name)
def test_every_element_with_cert_has_its_decision(path: Path):
    root, records = _converted(path)
    by_path: dict[str, list[dict]] = {}
    for record in records:
        by_path.setdefault(record["xpath"], []).append(record)
    certain = root.xpath("//*[@cert]")
    assert certain, "the text should make some uncertain decisions"
    for element in certain:
        where = xpath_of(element)
        found = by_path.get(where)
        assert found, f"no decision in the trace for <{etree.QName(element).localname}> at {where}"
        assert any(r["cert"] == element.get("cert") for r in found)
        assert all(r["rules"] for r in found), f"a decision with no rule at {where}"


@pytest.mark.parametrize("path", [*SAMPLES, OWN], ids=lambda p: p.name)
def test_every_block_has_the_decision_of_its_role(path: Path):
    root, records = _converted(path)
    roles = {r["xpath"] for r in records if r["decision"] in STRUCTURE_DECISIONS}
    blocks = [e for e in root.xpath("//t:text//t:*", namespaces=NS) if etree.QName(e).localname in BLOCK_ELEMENTS
              and not any(etree.QName(a).localname in BLOCK_ELEMENTS for a in e.iterancestors())]
    assert len(blocks) > 5
    missing = [xpath_of(b) for b in blocks if xpath_of(b) not in roles]
    assert not missing, f"blocks without the decision of their role: {missing[:5]}"


def test_records_point_at_their_elements_and_say_what_was_decided():
    root, records = _converted(OWN)
    assert records and all(set(r) == KEYS for r in records)
    for record in records:
        found = root.xpath(record["xpath"], namespaces={"tei": NS["t"]})
        assert len(found) == 1, record["xpath"]
        assert etree.QName(found[0]).localname == record["element"]
        assert record["decided"]
        for rule in record["rules"]:
            assert set(rule) == {"rule", "weight", "features"} and isinstance(rule["weight"], (int, float))
    # the heading of the letter's second part was weighed against a paragraph
    heading = next(r for r in records if r["text"] == "The Board Replies")
    assert heading["decided"] == "head" and heading["threshold"] is not None
    assert {a["decided"] for a in heading["alternatives"]} == {"p"}
    # a name's other kinds are its alternatives
    penhale = next(r for r in records if r["element"] == "persName" and r["text"] == "Mr. Arthur Penhale")
    assert any(rule["rule"] == "name.person.honorific" for rule in penhale["rules"])
    assert {a["decided"] for a in penhale["alternatives"]} == {"place", "org"}


def test_a_rule_switched_off_changes_the_decisions_it_made():
    root, records = _converted(OWN)
    off_root, off_records = _converted(OWN, without_rules=frozenset({"name.person.honorific"}))
    assert any("name.person.honorific" == rule["rule"] for r in records for rule in r["rules"])
    assert not any("name.person.honorific" == rule["rule"] for r in off_records for rule in r["rules"])
    # the title is no longer part of the name, and a name it made sure is less sure
    assert root.xpath("//t:persName[. = 'Captain J. R. Marlow']", namespaces=NS)
    assert not off_root.xpath("//t:persName[. = 'Captain J. R. Marlow']", namespaces=NS)
    assert off_root.xpath("//t:persName[. = 'J. R. Marlow']", namespaces=NS)
    assert root.xpath("//t:persName[. = 'Mr. Arthur Penhale']/@cert", namespaces=NS) == ["high"]
    assert off_root.xpath("//t:persName[. = 'Mr. Arthur Penhale']/@cert", namespaces=NS) != ["high"]


def test_convert_writes_one_trace_for_all_inputs(tmp_path: Path):
    trace = tmp_path / "trace.json"
    result = run_teikit("convert", str(OWN), str(SAMPLES[0]), "-o", str(tmp_path / "out"), "--trace", str(trace))
    assert result.returncode == 0, result.stderr
    records = json.loads(trace.read_text(encoding="utf-8"))
    assert {r["file"] for r in records} == {str(OWN), str(SAMPLES[0])}
    written = etree.parse(str(tmp_path / "out" / "own_text.xml")).getroot()
    for record in (r for r in records if r["file"] == str(OWN)):
        assert written.xpath(record["xpath"], namespaces={"tei": NS["t"]}), record["xpath"]


def test_an_unknown_rule_is_a_usage_error(tmp_path: Path):
    result = run_teikit("convert", str(OWN), "-o", str(tmp_path / "a.xml"), "--without-rule", "name.person.nobody")
    assert result.returncode == 2
    assert b"--without-rule: error: no rule named name.person.nobody" in result.stderr
    assert not (tmp_path / "a.xml").exists()


def test_review_shows_the_rules_behind_each_item(tmp_path: Path):
    result = run_teikit("review", str(OWN), "--format", "json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    structure = [i for i in items if i["category"] == "structure"]
    assert structure and all(i["rules"] and i["evidence"]["rules"] for i in structure)
    names = [i for i in items if i["category"] == "name"]
    assert names and all(i["rules"] for i in names)


def test_review_of_tei_shows_the_rules_given_the_trace(tmp_path: Path):
    tei, trace = tmp_path / "own_text.xml", tmp_path / "trace.json"
    assert run_teikit("convert", str(OWN), "-o", str(tei), "--trace", str(trace)).returncode == 0
    without = json.loads(run_teikit("review", str(tei), "--format", "json").stdout)
    with_trace = json.loads(run_teikit("review", str(tei), "--trace", str(trace), "--format", "json").stdout)
    assert len(without) == len(with_trace)
    assert not any(i.get("rules") for i in without)
    assert sum(bool(i.get("rules")) for i in with_trace) >= len(with_trace) // 2
    table = run_teikit("review", str(tei), "--trace", str(trace)).stdout.decode()
    assert "RULES" in table.splitlines()[0] and "name.person" in table


def test_review_refuses_a_file_that_is_no_trace(tmp_path: Path):
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"not": "a trace"}')
    result = run_teikit("review", str(OWN), "--trace", str(bogus))
    assert result.returncode == 2 and b"not a trace written by teikit convert --trace" in result.stderr
