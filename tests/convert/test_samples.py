"""The committed TEI of the samples: up to date, valid against tei_all, lossless, stable."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, check_golden
from helpers import tei_all_errors
from teikit.cli.convert import convert_one
from teikit.reading import reading_text
from teikit.textio import comparable

SAMPLES = sorted((ROOT / "texts").glob("*.txt"))


@pytest.mark.parametrize("text", SAMPLES, ids=lambda p: p.stem)
def test_committed_tei_is_up_to_date(text: Path, tmp_path: Path, accept: bool):
    """tei/NAME.xml is what `teikit build` makes from texts/NAME.txt today (pytest --accept
    regenerates it; editors change texts and editor files, never tei/ by hand)."""
    target = ROOT / "tei" / f"{text.stem}.xml"
    fresh = tmp_path / "tei" / target.name
    # write beside a schema/ folder and the authority lists as tei/ is, so that the xml-model
    # paths and the pointers to list entries ('authority/persons.xml#id') match
    if (ROOT / "schema").exists():
        (tmp_path / "schema").symlink_to(ROOT / "schema")
    fresh.parent.mkdir()
    (fresh.parent / "authority").symlink_to(ROOT / "tei" / "authority")
    convert_one(str(text), fresh, "tei", authority=[fresh.parent / "authority"])
    check_golden(target, fresh.read_bytes(), accept)


@pytest.mark.parametrize("text", SAMPLES, ids=lambda p: p.stem)
def test_committed_tei_is_valid_and_lossless(text: Path, tei_all_rng: Path):
    root = etree.parse(str(ROOT / "tei" / f"{text.stem}.xml")).getroot()
    assert tei_all_errors(tei_all_rng, root) == []
    assert comparable(reading_text(root)) == comparable(text.read_text(encoding="utf-8"))


def test_conversion_is_deterministic(tmp_path: Path):
    for text in SAMPLES:
        a, b = tmp_path / "a.xml", tmp_path / "b.xml"
        convert_one(str(text), a, "tei")
        convert_one(str(text), b, "tei")
        assert a.read_bytes() == b.read_bytes()
