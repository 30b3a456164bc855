"""--authority on convert, build and review; `authority` in the configuration; the default
tei/authority/ of a project; review of names in plain text and TEI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from name_helpers import NS, write_list
from teikit.cli import cli

TEXT = ("Mr. Quellin and Mrs. Abernethy\n\nA Short Account\n\n"
        "This is a paragraph about the Zyxlan Guild, which Mr. Quellin founded in Vienna in 1901.\n")
ORGS = '<listOrg><org xml:id="o-zyxlan"><orgName>Zyxlan Guild</orgName><idno type="VIAF">777</idno></org></listOrg>'


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A project folder: teikit.toml, texts/ with one text, and tei/authority/ with one list."""
    (tmp_path / "teikit.toml").write_text('texts = "texts"\ntei = "tei"\n', encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "account.txt").write_text(TEXT, encoding="utf-8")
    write_list(tmp_path / "tei" / "authority" / "orgs.xml", ORGS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def org_entry(xml: bytes) -> etree._Element:
    root = etree.fromstring(xml)
    org = root.find(".//t:text//t:orgName", NS)
    return root.xpath("//*[@xml:id=$id]", id=org.get("ref")[1:])[0]


def test_convert_uses_the_projects_lists_by_default(project: Path):
    result = run("convert", "texts/account.txt")
    assert result.exit_code == 0, result.output
    assert org_entry(result.stdout_bytes).get("corresp") == "tei/authority/orgs.xml#o-zyxlan"


def test_build_points_from_tei_to_the_list_entries(project: Path):
    result = run("build", "--jobs", "1")
    assert result.exit_code == 0, result.output
    # the document points at the register's entry itself (an older project's tei/authority/ here)
    root = etree.fromstring((project / "tei" / "account.xml").read_bytes())
    refs = root.xpath("//t:text//t:orgName/@ref", namespaces=NS)
    assert refs and set(refs) == {"authority/orgs.xml#o-zyxlan"}
    assert (project / "tei" / refs[0].split("#")[0]).is_file()


def test_the_command_line_wins_over_the_configuration(project: Path, tmp_path_factory):
    other = write_list(tmp_path_factory.mktemp("other") / "orgs.xml", ORGS.replace("777", "888"))
    (project / "teikit.toml").write_text('texts = "texts"\ntei = "tei"\nauthority = []\n', encoding="utf-8")
    configured_none = run("convert", "texts/account.txt")
    assert org_entry(configured_none.stdout_bytes).find("t:idno", NS) is None
    named = run("convert", "--authority", str(other), "texts/account.txt")
    assert org_entry(named.stdout_bytes).findtext("t:idno", namespaces=NS) == "888"


def test_teikit_toml_wins_over_pyproject(project: Path, tmp_path_factory):
    elsewhere = write_list(tmp_path_factory.mktemp("lists") / "o.xml", ORGS.replace("777", "999"))
    (project / "pyproject.toml").write_text('[tool.teikit]\nauthority = ["nowhere"]\n', encoding="utf-8")
    (project / "teikit.toml").write_text(f'authority = ["{elsewhere.as_posix()}"]\n', encoding="utf-8")
    result = run("convert", "texts/account.txt")
    assert org_entry(result.stdout_bytes).findtext("t:idno", namespaces=NS) == "999"


def test_a_missing_list_is_a_usage_error(project: Path):
    result = run("convert", "--authority", "no/such/folder", "texts/account.txt")
    assert result.exit_code == 2
    assert "no/such/folder: error: authority list not found" in result.stderr


def test_a_broken_list_fails_with_its_file_and_line(project: Path):
    (project / "tei" / "authority" / "broken.xml").write_text("<TEI><oops></TEI>", encoding="utf-8")
    result = run("convert", "texts/account.txt")
    assert result.exit_code == 1
    assert "broken.xml:1" in result.stderr and "Traceback" not in result.stderr


def test_review_lists_each_name_with_type_count_entry_and_context(project: Path):
    result = run("review", "--format", "json", "texts/account.txt")
    assert result.exit_code == 0, result.output
    rows = [r for r in json.loads(result.stdout) if r["category"] == "name"]
    by_text = {r["text"]: r for r in rows}
    assert by_text["Zyxlan Guild"]["entry"] == "o-zyxlan" and by_text["Zyxlan Guild"]["type"] == "orgName"
    quellin = by_text["Mr. Quellin"]
    assert (quellin["type"], quellin["count"], quellin["entry"]) == ("persName", "2", "new")
    assert quellin["cert"] in ("low", "medium", "high") and "Quellin" in quellin["context"]
    table = run("review", "texts/account.txt").stdout.splitlines()[0].split()
    assert {"TYPE", "COUNT", "ENTRY", "CONTEXT"} <= set(table)


def test_review_reads_names_back_from_tei(project: Path):
    assert run("build", "--jobs", "1").exit_code == 0
    result = run("review", "--format", "json", os.path.join("tei", "account.xml"))
    rows = {r["text"]: r for r in json.loads(result.stdout) if r["category"] == "name"}
    assert rows["Zyxlan Guild"]["entry"] == "o-zyxlan"
    assert rows["Vienna"]["entry"].startswith("GeoNames ")
    assert rows["Mr. Quellin"]["count"] == "2" and rows["Mr. Quellin"]["entry"] == "new"
    assert "founded in Vienna" in rows["Vienna"]["context"]
