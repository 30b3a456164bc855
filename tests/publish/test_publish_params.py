"""Stylesheet parameters: every one typed and documented, and NAME=VALUE checked against them."""

from __future__ import annotations

import pytest

from teikit.errors import UsageError
from teikit.publish import TARGETS, declared_params, parse_assignments


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_every_parameter_is_typed_and_documented(target):
    specs = declared_params(TARGETS[target].stylesheet_path)
    assert "reading" in specs  # the shared parameter reaches both targets
    for spec in specs.values():
        assert spec.type.startswith("xs:"), f"{spec.name} has no type"
        assert len(spec.doc) > 30, f"{spec.name} is not documented"
        assert spec.default, f"{spec.name} has no default"
        if spec.values:
            assert spec.type == "xs:string" and spec.default in spec.values


def test_text_parameters_are_the_documented_choices():
    specs = declared_params(TARGETS["text"].stylesheet_path)
    assert specs["reading"].values == ("corr", "sic")
    assert specs["notes"].values == ("endnotes", "inline", "omit")
    assert specs["header"].values == ("block", "omit")
    assert specs["width"].type == "xs:nonNegativeInteger" and specs["width"].default == "72"


def test_assignments_are_normalised_for_saxon():
    specs = declared_params(TARGETS["html"].stylesheet_path)
    assert parse_assignments(["toc=no", "index=YES", "reading=sic"], specs) == {
        "toc": "false", "index": "true", "reading": "sic"}
    specs = declared_params(TARGETS["text"].stylesheet_path)
    assert parse_assignments(["width= 40 ", "width=0"], specs) == {"width": "0"}


@pytest.mark.parametrize("assignment, complaint", [
    ("reading", "expected NAME=VALUE"),
    ("=sic", "expected NAME=VALUE"),
    ("colour=red", "unknown parameter 'colour'"),
    ("reading=both", "expected one of corr, sic"),
    ("width=-1", "at least 0"),
    ("width=wide", "a whole number"),
    ("header=maybe", "one of block, omit"),
])
def test_bad_assignments_are_usage_errors(assignment, complaint):
    specs = declared_params(TARGETS["text"].stylesheet_path)
    with pytest.raises(UsageError) as caught:
        parse_assignments([assignment], specs)
    assert complaint in str(caught.value)


def test_boolean_parameters_refuse_other_words():
    specs = declared_params(TARGETS["html"].stylesheet_path)
    with pytest.raises(UsageError, match="true or false"):
        parse_assignments(["toc=sometimes"], specs)
