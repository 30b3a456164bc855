"""The quotation-mark scanner: what the marks prove, and what they do not."""

from __future__ import annotations

import pytest

from teikit.enrich.quotes import DOUBLE, SINGLE, UNCLOSED, UNOPENED, scan


def quoted(texts: list[str], links: list[bool] | None = None) -> list[list[str]]:
    """The parts of every quotation found, as text."""
    return [[texts[b][s:e] for b, s, e in q.parts] for q in scan(texts, links).quotations]


@pytest.mark.parametrize("text", [
    "Tarov’s crimes, Engels’ expression and the workers’ state: don’t, O’Callaghan, ’tis, the ’30s.",
    "It's the workers' state and the boss's rule, isn't it?",
    "The chief jails of’ the G.P.U. – but",
])
def test_apostrophes_are_not_quotation_marks(text):
    result = scan([text])
    assert result.quotations == [] and result.strays == []


@pytest.mark.parametrize("text, expected", [
    ("He said “don’t go” to Tarov’s friend.", ["“don’t go”"]),
    ("A “free man.” Then a “left wing,” the end.", ["“free man.”", "“left wing,”"]),
    ("Engels’ “absurdity,” to use it.", ["“absurdity,”"]),
    ('He said "yes," then "no."', ['"yes,"', '"no."']),
    ("« Bonjour », dit-il. »Hallo«, sagte er. „Ja“, sagte sie.", ["« Bonjour »", "»Hallo«", "„Ja“"]),
    ("She wrote ``Enough.'' and left.", ["``Enough.''"]),
    ("‘I think—’ she began, ‘till tomorrow—’ and stopped.", ["‘I think—’", "‘till tomorrow—’"]),
    ("He tried “How doth the little—“ and gave up.", ["“How doth the little—“"]),
])
def test_quotations_keep_their_marks(text, expected):
    assert [parts[0] for parts in quoted([text])] == expected


def test_nesting_either_way():
    found = scan(["“He said ‘no’ to me,” she said. ‘Call it a “plan”,’ he wrote."]).quotations
    spans = [(q.depth, q.opener.family) for q in found]
    assert spans == [(0, DOUBLE), (1, SINGLE), (0, SINGLE), (1, DOUBLE)]


def test_plural_possessive_inside_single_quotes():
    assert quoted(["The ‘workers’ state’ again."]) == [["‘workers’ state’"]]


def test_doubled_closer_for_a_double_mark():
    [q] = scan(["It states, “Nowhere is it so bad as in the U.S.S.R.’’ These lines."]).quotations
    assert q.closer.text == "’’" and q.malformed


def test_a_paragraph_opening_with_the_mark_continues_the_quotation():
    texts = ["“The first paragraph of a speech.", "“The second one.", "“And the end,” he said."]
    assert quoted(texts, [False, True, True]) == [["“The first paragraph of a speech.", "“The second one.",
                                                    "“And the end,”"]]


def test_an_unclosed_mark_never_swallows_the_following_text():
    texts = ["He said “yes. Then she said “no” and left.", "“Unclosed at the end.", "Narration goes on."]
    result = scan(texts, [False, True, True])
    assert quoted(texts, [False, True, True]) == [["“no”"]]
    assert [(s.problem, s.mark.block, s.mark.offset) for s in result.strays] == [
        (UNCLOSED, 0, 8), (UNCLOSED, 1, 0)]


def test_a_closer_never_opened_is_reported():
    result = scan(["He left.” Then nothing."])
    assert result.quotations == [] and [s.problem for s in result.strays] == [UNOPENED]


def test_an_inner_mark_left_open_is_reported_and_the_outer_quotation_kept():
    result = scan(["“He said ‘no to me,” she said."])
    assert [q.opener.text for q in result.quotations] == ["“"]
    assert [(s.mark.text, s.problem) for s in result.strays] == [("‘", UNCLOSED)]
