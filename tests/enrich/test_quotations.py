"""Typed quotations in the TEI: said, quote, soCalled and q, with @cert, @who, @source,
block quotations and quotations continued over paragraphs."""

from __future__ import annotations

import pytest

from helpers import NS, convert_string, tei_tree
from teikit.enrich.quote_types import Context, classify


@pytest.mark.parametrize("before, inner, after, tag", [
    ("", "Well,", " said the old man, “we shall see.”", "said"),
    ("Then she cried, ", "Go away!", "", "said"),
    ("The resolution of the congress states: ", "All power to the councils.", "", "quote"),
    ("As the manifesto puts it, ", "the workers have no country.", "", "quote"),
    ("He was arrested as a ", "left Oppositionist", "; he spent three years in exile.", "soCalled"),
    ("the so-called ", "national interest", " of the bankers", "soCalled"),
    ("a pamphlet entitled ", "Where Is Britain Going?", "", "q"),
    ("a sign reading ", "closed", " hung there", "soCalled"),
    ("They all cried ", "Hurrah for the squire", " and threw their hats up.", "said"),
    ("There was all the ", "busy hum of idle men", " in the town.", "quote"),
    ("It was a ", "bright and silver", " morning.", "quote"),
    ("The lane ", "was fit for nobody but ducks,", " as the old carrier observed.", "said"),
    ("The vicar had spoken of her as ", "a girl with a temper", ".", "said"),
])
def test_types_from_the_words_around(before, inner, after, tag):
    assert classify(Context(inner, before, after)).tag == tag


def test_a_bracketed_reference_after_a_quotation_is_its_source():
    typing = classify(Context("Nothing is lost.", "", " (Capital, vol. 1, p. 12). And so on."))
    assert typing.tag == "quote" and typing.reference is not None


def test_direct_speech_points_at_the_speaker():
    root = tei_tree("A Letter\n\nBy Ivan Petrov\n\nThe agent, Margolin by name, addressed me as follows :\n\n"
                    "“What can you tell us about your organization ?”\n\nI told him :\n\n“Nothing at all.”\n")
    said = root.findall(".//t:said", NS)
    assert [s.get("who") for s in said] == ["#sample-person-margolin", "#sample-person-ivan-petrov"]
    # a paragraph that is only a quotation is a block quotation: the said element holds the p
    assert all(s.getparent().tag.endswith("body") and s[0].tag.endswith("}p") for s in said)
    persons = root.findall(".//t:standOff/t:listPerson/t:person", NS)
    assert {p.get("{http://www.w3.org/XML/1998/namespace}id") for p in persons} == {
        "sample-person-margolin", "sample-person-ivan-petrov"}


def test_a_named_written_source_is_linked():
    root = tei_tree("A long paragraph first.\n\nThe Open Letter states, “By means of persecutions the clique "
                    "rules.” These lines are plain.\n")
    quote = root.find(".//t:quote", NS)
    bibl = root.find(".//t:p/t:bibl", NS)
    assert bibl.text == "The Open Letter"
    assert quote.get("source") == "#" + bibl.get("{http://www.w3.org/XML/1998/namespace}id")
    assert quote.get("cert") == "high"


def test_a_bracketed_reference_makes_a_cit():
    root = tei_tree("Some prose.\n\nHe wrote that “nothing is lost” (Capital, vol. 1, p. 12) and went on.\n")
    cit = root.find(".//t:cit", NS)
    assert [c.tag.split("}")[1] for c in cit] == ["quote", "bibl"]
    assert cit.find("t:bibl", NS).text == "(Capital, vol. 1, p. 12)"


def test_a_quotation_over_paragraphs_is_linked_with_next_and_prev():
    root = tei_tree("Prose.\n\nHe said:\n\n“The first part of a long speech.\n\n“The second part.\n\n"
                    "“And the end,” he said.\n")
    parts = root.findall(".//t:said", NS)
    ids = [p.get("{http://www.w3.org/XML/1998/namespace}id") for p in parts]
    assert len(parts) == 3 and all(ids)
    assert [p.get("next") for p in parts] == [f"#{ids[1]}", f"#{ids[2]}", None]
    assert [p.get("prev") for p in parts] == [None, f"#{ids[0]}", f"#{ids[1]}"]


def test_stray_marks_and_uncertain_types_are_reviewed_with_their_lines():
    document = convert_string("Prose.\n\nHe said “yes and left.\n\nA “curious” word and a “long phrase that goes "
                              "on” here.\n").document
    items = [(i.category, i.line, i.data.get("problem") or i.data.get("element")) for i in document.review
             if i.category == "quotation"]
    assert ("quotation", 3, "unclosed") in items
    assert not any(category == "quotation" and line == 3 and what != "unclosed" for category, line, what in items)


def test_speech_and_citations_become_q_where_tei_admits_no_said():
    root = tei_tree("Title\n\nBy “Comrade” Ivan\n\nA paragraph of prose that follows here.\n")
    assert root.find(".//t:byline//t:said", NS) is None


def test_a_clause_is_someones_words_not_scare_quotes():
    ctx = Context("we shall see,", "It was all, in the end, ", " and nothing more.")
    assert classify(ctx).tag == "q"
    ctx.dialogue = True
    assert classify(ctx).tag == "said"
    assert classify(Context("old guard", "the ", " again")).tag == "soCalled"


def test_a_name_after_a_preposition_is_not_the_speaker():
    root = tei_tree("A Report\n\nBy Ivan Petrov\n\nThe kulaks hide grain. As one delegate from Tambov told us: "
                    "“The villages have bread, but they will not give it up.”\n")
    (said,) = root.findall(".//t:said", NS)
    assert said.get("who") is None


def test_a_speaker_that_names_nobody_gets_no_person_entry():
    root = tei_tree("A Story\n\nBy Jane Roe\n\nWe sat by the fire a long while that night, talking of everything "
                    "and nothing at all.\n\n“I’ve seen it,” I’ve said. “No,” his father said. “Yes,” If said. "
                    "“Go,” said Tom Baker.\n")
    persons = root.findall(".//t:standOff//t:person", NS)
    assert [p.get("{http://www.w3.org/XML/1998/namespace}id") for p in persons] == ["sample-person-tom-baker"]
    assert [s.get("who") for s in root.iterfind(".//t:body//t:said", NS)] == [None, None, None, "#sample-person-tom-baker"]


def test_in_a_work_that_reports_speech_someone_s_words_are_speech():
    root = tei_tree("A Walk\n\nWe walked to the gate in the evening, when the light was going down over the "
                    "fields and the cows were lying in the wet grass below the hill.\n\n"
                    "“Is it late?” asked Ann. “Not yet,” said her brother. “Then wait,” said Ann.\n\n"
                    "Her brother looked at the sky and ‘and if it rains we shall be soaked through’ was all he "
                    "would say after that.\n")
    assert [e.get("cert") for e in root.iterfind(".//t:said", NS)][-1] == "low"
    assert "".join(root.findall(".//t:said", NS)[-1].itertext()).startswith("‘and if it rains")


def test_a_written_thing_far_back_in_the_sentence_is_not_the_quotation_s_source():
    text = ("A Walk\n\nShe had been reading a book about the old abbey all afternoon, and when her brother came "
            "in and sat down by the window she looked up at him over the top of it: “Come and see this at once!”\n")
    assert tei_tree(text).find(".//t:quote", NS) is None
    near = text.replace("over the top of it:", "over the top of the book:")
    assert tei_tree(near).find(".//t:quote", NS) is not None
