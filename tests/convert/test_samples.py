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
    (tmp_path / "authority").symlink_to(ROOT / "authority")
    convert_one(str(text), fresh, "tei", authority=[tmp_path / "authority"], register=tmp_path / "authority")
    check_golden(target, fresh.read_bytes(), accept)


def test_committed_proposals_are_up_to_date(tmp_path: Path, accept: bool):
    """authority/proposed.xml is what `teikit build` proposes from the samples today."""
    from teikit.authority.decisions import Decisions
    from teikit.authority.load import load_authority
    from teikit.authority.register import tei_lists
    from teikit.build.records import DocumentResult
    from teikit.build.register import proposed_entries
    from teikit.convert import ConvertOptions, convert_text
    from teikit.enrich.register_link import RegisterOptions
    from teikit.textio import read_text
    from dataclasses import asdict

    register = ROOT / "authority"
    records = []
    for text in SAMPLES:
        options = ConvertOptions(authority=[register], output_dir=ROOT / "tei",
                                 register=RegisterOptions(register, text.stem))
        conversion = convert_text(read_text(str(text)), options=options)
        records.append(DocumentResult(text.stem, "built", proposals=[asdict(p) for p in conversion.proposals]))
    ids = {entry.id for entry in load_authority([register]).entries}
    data = tei_lists(proposed_entries(records, Decisions.load(register), ids), "Proposed entries of the register")
    check_golden(register / "proposed.xml", data, accept)


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
