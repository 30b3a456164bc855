"""tei_all without any setting: teikit ships TEI P5's tei_all.rng (its release and licence beside
it); the TEI Consortium's address of it in <?xml-model?> reads that copy; no other URL is used."""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from helpers import run_teikit
from validate_support import ROOT, private_cache  # noqa: F401 (fixtures)

from teikit.validate.schemas import bundled_tei_all, official_tei_all, tei_all_edition

MINIMAL = ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml"
TEXT = MINIMAL.read_text(encoding="utf-8").split("\n", 2)[2]
SHIPPED = ROOT / "schema" / "tei_all"


def test_the_shipped_copy_states_its_release_checksum_and_licence():
    page = (SHIPPED / "README.md").read_text(encoding="utf-8")
    edition = tei_all_edition(bundled_tei_all())
    assert edition and f"TEI P5 Version {edition}" in page
    digest = hashlib.sha256(bundled_tei_all().read_bytes()).hexdigest()
    assert digest in page
    licence = (SHIPPED / "LICENCE.txt").read_text(encoding="utf-8")
    assert "TEI Consortium" in licence and "BSD-2" in licence and f"Version {edition}" in licence


def test_tei_all_needs_no_setting(tmp_path, monkeypatch):
    monkeypatch.delenv("TEIKIT_TEI_ALL", raising=False)
    ok = run_teikit("validate", "--schema", "tei_all", str(MINIMAL), cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout.decode() + ok.stderr.decode()
    bad = tmp_path / "bad.xml"
    bad.write_text(TEXT.replace("<p>Dear", "<p><shout/>Dear"), encoding="utf-8")
    result = run_teikit("validate", "-f", "json", "--schema", "tei_all", str(bad), cwd=tmp_path)
    assert result.returncode == 1 and json.loads(result.stdout)["files"][0]["diagnostics"][0]["engine"] == "rng"


def test_a_configured_copy_wins_over_the_shipped_one(tmp_path, monkeypatch):
    mine = tmp_path / "tei_all.rng"
    mine.write_text('<element name="anything" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>')
    monkeypatch.setenv("TEIKIT_TEI_ALL", str(mine))
    result = run_teikit("validate", "--schema", "tei_all", str(MINIMAL))
    assert result.returncode == 1  # judged by the configured (odd) copy


@pytest.mark.parametrize("href, release", [
    ("https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng", "current"),
    ("http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng", "current"),
    ("https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng", "current"),
    ("https://www.tei-c.org/Vault/P5/4.12.0/xml/tei/custom/schema/relaxng/tei_all.rng", "4.12.0"),
    ("https://www.tei-c.org/Vault/P5/current/xml/tei/custom/schema/relaxng/tei_all.rng", "current"),
    ("https://example.org/tei/tei_all.rng", None),
    ("https://www.tei-c.org.example.org/release/xml/tei/custom/schema/relaxng/tei_all.rng", None),
    ("https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_lite.rng", None),
    ("file:///release/xml/tei/custom/schema/relaxng/tei_all.rng", None),
])
def test_the_tei_consortiums_addresses_of_tei_all(href, release):
    assert official_tei_all(href) == release


def document(tmp_path, href: str, name: str = "doc.xml", typens: str = "http://relaxng.org/ns/structure/1.0"):
    path = tmp_path / name
    path.write_text(f'<?xml-model href="{href}" schematypens="{typens}"?>\n'
                    + TEXT.replace("<p>Dear", "<p><shout/>Dear"), encoding="utf-8")
    return path


def test_xml_model_naming_official_tei_all_reads_the_shipped_copy(tmp_path, monkeypatch, http_recorder):
    monkeypatch.delenv("TEIKIT_TEI_ALL", raising=False)
    official = document(tmp_path, "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng")
    elsewhere = document(tmp_path, f"{http_recorder.url}/tei_all.rng", "elsewhere.xml")
    data = json.loads(run_teikit("validate", "--no-strict", "-f", "json", str(official), str(elsewhere)).stdout)
    first, second = data["files"]
    assert not first["valid"] and {d["engine"] for d in first["diagnostics"]} == {"rng"}
    assert second["valid"] and [d["code"] for d in second["diagnostics"]] == ["xml-model-unavailable", "no-schema"]
    assert http_recorder.requests == []


def test_xml_model_naming_another_release_says_which_was_used(tmp_path):
    path = document(tmp_path, "https://www.tei-c.org/Vault/P5/3.6.0/xml/tei/custom/schema/relaxng/tei_all.rng")
    data = json.loads(run_teikit("validate", "--strict", "-f", "json", str(path)).stdout)
    notes = [d for d in data["files"][0]["diagnostics"] if d["code"] == "xml-model-other-release"]
    (note,) = notes
    assert note["severity"] == "warning"
    assert re.search(r"names tei_all of TEI P5 3\.6\.0: validated with the local tei_all \(.*\) of TEI P5 \d", note["message"])


def test_official_tei_all_as_schematron_runs_its_embedded_rules(tmp_path):
    path = document(tmp_path, "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng",
                    typens="http://purl.oclc.org/dsdl/schematron")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("<p><shout/>Dear", '<p><date when="1935" notBefore="1934">then</date> Dear'),
                    encoding="utf-8")
    result = run_teikit("validate", "--strict", "-f", "json", str(path))
    (diagnostic,) = json.loads(result.stdout)["files"][0]["diagnostics"]
    assert diagnostic["engine"] == "schematron" and "@when" in diagnostic["message"]
