"""The quotation pass's decisions are traced: every element it writes with @cert has a trace
record naming the rules of ``teikit.weights.quotations`` that made it, and switching a rule off
changes the decisions it made."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from lxml import etree

import teikit.enrich.quotations
import teikit.enrich.quote_types
import teikit.enrich.unmarked_speech
import teikit.enrich.verse
from helpers import NS
from teikit.convert import ConvertOptions, convert_text
from teikit.enrich.quote_types import Context, classify
from teikit.evidence import TABLES, RuleTable
from teikit.ns import XML_ID
from teikit.textio import decode
from teikit.weights import quotations as weights

# Short passages of our own: dialogue with speech tags, a reporting clause and dialogue dashes with
# no marks (no speech), a cited letter, scare quotes, a bracketed reference, a closing mark never
# opened, verse set off in prose, and a fragment in a work that reports speech.
RIDE = ("You may ride with me as far as the mill, but no further, for my horse is lame and the road is bad "
        "after the rain.")
TEXT = f"""The Carrier's Cart

By Anne Fielding

We came down the hill in the late afternoon, when the light was going and the rooks were flying home \
over the elms in long black lines, as they have done every evening since the elms were planted.

“The road is long,” said Martha Greaves, “and the carrier will not wait for us.”

“Then we had better walk quickly,” her brother answered.

Martha cried: “Look at the sky over the mill!”

Well, said Martha, we shall see what the morning brings to the valley and to us.

The letter from the bank states: “The account is closed and no further payment will be made.”

The so-called “good old days” of the mill were over, and its new wheel was a “clever” thing of iron.

As the naturalist wrote, “Nothing is lost in nature” (Field Notes, vol. 2, p. 14), and the miller agreed \
with him over his pipe.

At the door of the inn the old carrier told us as follows:

{RIDE}

— Will you come with us tomorrow? I should like it above all things, and so would my sister.

Where is the lantern?” asked the boy, and nobody answered him for a long while in the dark yard.

The miller had been “not quite himself” since the fair, and his wife kept the accounts that winter.

The evening ended with a song that the carrier's wife sang by the fire, in a voice that was cracked but \
still sweet:

The bells ring out across the hill,
The shepherd drives his flock away,
The mill-wheel turns and then is still,
And night comes down upon the day.

So the old song has it; and so it was with us, except that there were no bells, and the shepherd was a \
boy of twelve who whistled all the way home.
"""
QUOTATION_ELEMENTS = {"said", "quote", "q", "soCalled", "bibl", "cit", "person"}
QUOTATION_DECISIONS = {table.decision for table in vars(weights).values() if isinstance(table, RuleTable)}


@functools.lru_cache(maxsize=None)
def convert(without: frozenset[str] = frozenset()):
    # the names pass is left out: its decisions are traced by its own tables
    options = ConvertOptions(skip=frozenset({"names"}), without_rules=without)
    return convert_text(decode("sample.txt", TEXT.encode("utf-8")), name="sample", options=options)


def records(conversion) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for record in conversion.trace.records("sample.txt"):
        out.setdefault(record["xpath"], []).append(record)
    return out


def xpath(element: etree._Element) -> str:
    """The element's path as the trace writes it (``/tei:TEI/tei:text[1]/...``)."""
    steps = []
    while element.getparent() is not None:
        parent = element.getparent()
        same = [child for child in parent if child.tag == element.tag]
        steps.append(f"tei:{etree.QName(element).localname}[{same.index(element) + 1}]")
        element = parent
    return "/".join([f"/tei:{etree.QName(element).localname}", *reversed(steps)])


def decisions(conversion) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(element, text) -> (@cert, @who) of every element the quotation pass wrote in the text,
    and of every person entry (by its name)."""
    root = etree.fromstring(conversion.tei)
    found = {}
    for e in [*root.find("t:text", NS).iter(), *root.iterfind(".//t:standOff//t:person", NS)]:
        name = etree.QName(e).localname if isinstance(e.tag, str) else None
        if name in QUOTATION_ELEMENTS:
            text = e.findtext("t:persName", namespaces=NS) if name == "person" else "".join(e.itertext())
            found[(name, " ".join(text.split()))] = (e.get("cert"), e.get("who"))
    return found


def test_every_element_with_cert_has_a_trace_record_with_rules():
    conversion = convert()
    found = records(conversion)
    root = etree.fromstring(conversion.tei)
    certain = [e for e in root.iter() if isinstance(e.tag, str) and e.get("cert") is not None]
    assert {etree.QName(e).localname for e in certain} >= {"said", "quote", "soCalled", "bibl", "person"}
    for element in certain:
        kept = [r for r in found.get(xpath(element), []) if r["rules"]]
        assert kept, f"no trace record with rules for {xpath(element)}"
        if etree.QName(element).localname in QUOTATION_ELEMENTS:
            [record] = kept
            assert record["decision"] in QUOTATION_DECISIONS
            assert (record["decided"], record["cert"]) == (etree.QName(element).localname, element.get("cert"))


def test_the_rules_behind_each_kind_of_quotation():
    rules = {(r["element"], r["text"]): [f["rule"] for f in r["rules"]] for r in convert().trace.records("s")}
    assert rules[("said", "“The road is long,”")] == ["quotation-type.speech-tag", "quotation-speaker.tag-inverted"]
    assert not any(text.startswith(("Well,", "Will you come", "You may ride")) for element, text in rules
                   if element in QUOTATION_ELEMENTS)
    assert rules[("bibl", "The letter")] == ["written-source.written-thing"]
    assert rules[("quote", "“The account is closed and no further payment will be made.”")] == [
        "quotation-type.written-cue", "quotation-type.writing-verb-and-thing"]
    assert rules[("soCalled", "“good old days”")] == ["quotation-type.so-called-cue"]
    assert rules[("said", "Where is the lantern?”")] == ["unmarked-speech.closing-mark", "unmarked-speech.cued-at-turn"]
    [verse] = [found for (element, text), found in rules.items()
               if element == "quote" and text.startswith("The bells ring out")]
    assert verse == ["quoted-verse.in-prose"]
    assert rules[("person", "Martha Greaves")] == ["speaker-person.named-speaker"]


def test_a_fragment_in_a_work_that_reports_speech_keeps_the_type_it_had_alone():
    [record] = [r for r in convert().trace.records("s") if r["text"] == "“not quite himself”"]
    assert (record["decided"], record["cert"]) == ("said", "low")
    assert [f["rule"] for f in record["rules"]] == ["quotation-type.fragment-in-dialogue"]
    assert record["alternatives"] == [{"decided": "q", "score": 0.5}]


def test_review_items_of_the_pass_carry_their_evidence():
    items = [i for i in convert().document.review if i.category == "quotation"]
    assert items and all(i.evidence is not None and i.evidence.fired for i in items)
    assert all(i.cert == i.evidence.cert for i in items)


# (the rule switched off, the element it decided, what it becomes: None when not written)
SWITCHED_OFF = [
    # (the speaker is then sought in the paragraph before)
    ("quotation-type.speech-tag", ("said", "“Then we had better walk quickly,”"),
     ("medium", "#sample-person-martha-greaves")),
    ("quotation-speaker.tag-inverted", ("said", "“The road is long,”"), ("high", None)),
    ("quotation-type.so-called-cue", ("soCalled", "“good old days”"), None),
    ("quotation-type.lower-case-words", ("soCalled", "“clever”"), ("medium", None)),
    ("unmarked-speech.closing-mark", ("said", "Where is the lantern?”"), None),
    ("written-source.written-thing", ("bibl", "The letter"), None),
    ("written-source.bracketed-reference", ("cit", "“Nothing is lost in nature” (Field Notes, vol. 2, p. 14)"), None),
    ("quotation-type.fragment-in-dialogue", ("said", "“not quite himself”"), None),
    ("speaker-person.named-speaker", ("person", "Martha Greaves"), None),
]


@pytest.mark.parametrize("rule, element, becomes", SWITCHED_OFF, ids=[case[0] for case in SWITCHED_OFF])
def test_switching_a_rule_off_changes_what_it_decided(rule, element, becomes):
    before, after = decisions(convert()), decisions(convert(frozenset({rule})))
    assert element in before
    assert after.get(element) == becomes
    assert rule not in {f["rule"] for r in convert(frozenset({rule})).trace.records("s") for f in r["rules"]}


def test_every_quotation_rule_can_be_switched_off():
    fired = {f["rule"] for r in convert().trace.records("s") for f in r["rules"]}
    for table in {TABLES[decision] for decision in QUOTATION_DECISIONS}:
        for rule in table:
            if rule.name in fired:
                assert rule.name not in {f["rule"] for r in convert(frozenset({rule.name})).trace.records("s")
                                         for f in r["rules"]}


def test_every_rule_of_the_tables_is_read_by_the_code():
    source = "".join(Path(m.__file__).read_text(encoding="utf-8") for m in (
        teikit.enrich.quote_types, teikit.enrich.unmarked_speech, teikit.enrich.verse, teikit.enrich.quotations))
    for decision in QUOTATION_DECISIONS:
        for short in TABLES[decision].rules:
            assert f".{short.replace('-', '_')}" in source, f"{decision}.{short} is never used"


@pytest.mark.parametrize("before, inner, after, rules, cert", [
    ("", "Mind the gate,", " said the miller.", ["quotation-type.speech-tag"], "high"),
    ("He cried, ", "Come back!", "", ["quotation-type.speech-verb", "quotation-type.speech-verb-near"], "high"),
    ("the so-called ", "good old days", " of the parish", ["quotation-type.so-called-cue"], "high"),
    ("", "All flesh is grass.", " (Sermons, p. 3)", ["quotation-type.reference-after"], "high"),
    ("a sign reading ", "closed", " hung there", ["quotation-type.short-phrase", "quotation-type.lower-case-words"],
     "high"),
    ("It was a ", "bright and silver", " morning.", ["quotation-type.phrase"], "low"),
    ("", "Where the bee sucks, there suck I", ", to borrow his words.", ["quotation-type.ascribed-after"], "medium"),
])
def test_classify_records_the_rules_of_its_decision(before, inner, after, rules, cert):
    typing = classify(Context(inner, before, after))
    fired = [f.rule for f in typing.evidence.fired if f.rule.startswith("quotation-type.")]
    assert (fired, typing.cert, typing.evidence.cert, typing.evidence.decided) == (rules, cert, cert, typing.tag)


def test_person_entries_made_for_speakers_are_traced_in_the_standoff():
    root = etree.fromstring(convert().tei)
    persons = root.findall(".//t:standOff//t:person", NS)
    found = records(convert())
    assert persons and all(found[xpath(p)][0]["rules"][0]["features"]["found_by"].startswith("quotation-speaker.")
                           for p in persons)
    assert {p.get(XML_ID) for p in persons} >= {"sample-person-martha-greaves"}
