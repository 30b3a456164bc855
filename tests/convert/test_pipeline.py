"""Passes declare what they require and assign; the pipeline is checked before a text is read."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from helpers import convert_string, run_teikit
from teikit.convert import ConvertOptions, passes
from teikit.errors import UsageError
from teikit.pipeline import READER_ASSIGNS, REGISTRY, Pipeline, describe, register_pass, unregister_pass

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def needs_names():
    """A pass registered for the test only: it requires what the names pass assigns."""
    seen: list[int] = []

    @register_pass("count-names", requires=("name-spans",), assigns=("name-count",))
    def count_names(doc, options) -> None:
        seen.append(sum(1 for b in doc.blocks() for s in b.spans if s.tag == "persName"))

    yield seen
    unregister_pass("count-names")


def test_skipping_a_pass_another_requires_is_a_usage_error_naming_both(needs_names):
    with pytest.raises(UsageError) as caught:
        Pipeline.build(skip={"names"})
    message = str(caught.value.diagnostic)
    assert "'count-names' requires name-spans" in message and "skipped pass 'names'" in message
    # skipping both is fine, and so is keeping both: the test pass then sees the names
    assert "count-names" not in Pipeline.build(skip={"names", "count-names"}).names
    assert convert_string("Mr. John Smith came to London on Monday.", "needs").document and needs_names == [1]


def test_a_requirement_nobody_assigns_is_reported():
    @register_pass("orphan", requires=("no-such-fact",))
    def orphan(doc, options) -> None:
        raise AssertionError("never runs")

    try:
        with pytest.raises(UsageError, match="no pass before it assigns"):
            Pipeline.build()
    finally:
        unregister_pass("orphan")


def test_skipping_every_pass_is_structure_only():
    names = list(passes())
    assert names == ["edits", "quotations", "languages", "names", "dates"]
    assert Pipeline.build(skip=names).names == ()
    result = run_teikit("convert", str(ROOT / "texts" / "000_c13e9c14db7b3e72.txt"),
                        *[arg for name in names for arg in ("--skip", name)])
    assert result.returncode == 0, result.stderr
    assert b"<persName" not in result.stdout and b"<said" not in result.stdout and b"<head" in result.stdout


def test_every_pass_requires_only_what_is_assigned_before_it():
    available = set(READER_ASSIGNS)
    for spec in REGISTRY.values():
        assert set(spec.requires) <= available, spec.name
        available |= set(spec.assigns)


def test_pass_options_are_typed_fields_of_the_conversion_options():
    fields = {f.name: f.type for f in dataclasses.fields(ConvertOptions)}
    for spec in REGISTRY.values():
        assert dataclasses.is_dataclass(spec.options), spec.name
        for field in dataclasses.fields(spec.options):
            assert field.name in fields, f"{spec.name}: option {field.name} is not a conversion option"


def test_an_unknown_pass_cannot_be_skipped():
    with pytest.raises(UsageError, match="no pass named bogus"):
        Pipeline.build(skip={"bogus"})


def test_the_architecture_page_lists_the_real_contracts():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for row in describe():
        line = f"| `{row['pass']}` | {row['requires']} | {row['assigns']} | {row['uses']} |"
        assert line in page, f"docs/architecture.md lacks the row: {line}"
