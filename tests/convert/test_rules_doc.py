"""docs/rules.md is the rule tables, as they are (`pytest --accept` rewrites it)."""

from __future__ import annotations

from pathlib import Path

from teikit.weights import all_rules
from teikit.weights import rules_markdown

PAGE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_the_rules_page_is_the_tables(accept: bool):
    generated = rules_markdown()
    if accept:
        PAGE.write_text(generated, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == generated, "docs/rules.md is out of date: run pytest --accept"


def test_rule_names_are_unique_and_explained():
    rules = all_rules()
    names = [rule.name for rule in rules]
    assert len(names) == len(set(names))
    assert all(rule.why.strip() for rule in rules)
