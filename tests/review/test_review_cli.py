"""`teikit review`: plain text and TEI inputs, three output formats."""

from __future__ import annotations

import csv
import io
import json

from conftest import ROOT
from helpers import run_teikit

SAMPLE_TEXT = ROOT / "texts" / "001_6cfbcb76526a9a85.txt"
SAMPLE_TEI = ROOT / "tei" / "001_6cfbcb76526a9a85.xml"


def test_plain_text_review_lists_structural_guesses_as_json():
    result = run_teikit("review", "--format", "json", str(SAMPLE_TEXT))
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(r["file"] == str(SAMPLE_TEXT) for r in rows)
    assert all(r["cert"] in ("medium", "low") for r in rows if r["category"] == "structure")
    assert any(r["category"] == "structure" and "chrome" in r["message"] for r in rows)


def test_tei_review_reads_the_markup_as_csv():
    result = run_teikit("review", "--format", "csv", str(SAMPLE_TEI))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert rows and {"file", "category", "line", "cert", "text", "message"} <= set(rows[0])
    assert all(r["line"].isdigit() for r in rows)


def test_table_is_the_default_and_errors_keep_the_one_form(tmp_path):
    missing = tmp_path / "missing.txt"
    result = run_teikit("review", str(SAMPLE_TEXT), str(missing))
    assert result.returncode == 1
    assert result.stdout.decode().splitlines()[0].split()[:3] == ["FILE", "CATEGORY", "LINE"]
    assert f"{missing}: error: no such file" in result.stderr.decode()
