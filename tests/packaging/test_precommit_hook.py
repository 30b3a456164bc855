"""The pre-commit hook (.pre-commit-hooks.yaml) run as pre-commit runs it: `entry`, then `args`, then
the staged files its `types: [xml]` selects (pre-commit's `identify` tags .xsl, .xslt and .xsd files
as xml too). TEI is checked against tei_all, other XML skipped; the README's example is right."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from teikit import __version__

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
MINIMAL = ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml"


def hook(hook_id: str = "teikit-validate") -> dict:
    return next(h for h in HOOKS if h["id"] == hook_id)


def run_hook(files: list[Path], args: list[str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    entry = shlex.split(hook()["entry"])
    assert entry[0] == "teikit"
    command = [sys.executable, "-m", "teikit", *entry[1:], *(hook().get("args", []) if args is None else args),
               *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture
def staged(tmp_path) -> dict[str, Path]:
    text = MINIMAL.read_text(encoding="utf-8")
    files = {
        "good.xml": text,
        "stylesheet.xsl": '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                          '<xsl:template match="/"><p/></xsl:template></xsl:stylesheet>',
        "schema.xsd": '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a"/></xs:schema>',
        "pom.xml": '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion></project>',
        "bad.xml": text.replace("<p>Dear", "<p><shout/>Dear"),
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    return {name: tmp_path / name for name in files}


def test_the_hook_checks_tei_against_tei_all_and_skips_other_xml(staged):
    assert hook()["types"] == ["xml"] and hook()["language"] == "python"
    result = run_hook([staged[n] for n in ("good.xml", "stylesheet.xsl", "schema.xsd", "pom.xml")])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "teikit validate: 4 files, 1 valid, 0 invalid, 3 skipped (0 errors, 0 warnings)"


def test_the_hook_fails_invalid_tei(staged):
    result = run_hook(list(staged.values()))
    assert result.returncode == 1
    assert re.search(r"bad\.xml:\d+:\d+: error: \[rng\]", result.stdout)


def test_the_hook_is_strict_whatever_ci_says(staged, monkeypatch):
    """With args naming no schema, a file whose only schema is a URL fails, on a laptop as in CI."""
    monkeypatch.delenv("CI", raising=False)
    remote = staged["good.xml"].with_name("remote.xml")
    remote.write_text('<?xml-model href="https://example.org/s.rng"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    assert run_hook([remote], args=["--only-tei"]).returncode == 1


def readme_precommit_example() -> dict:
    readme = (ROOT / "docs" / "validating.md").read_text(encoding="utf-8")  # (moved there from the README)
    section = readme[readme.index("## With pre-commit"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    return yaml.safe_load(block)


def test_the_readmes_example_pins_this_release_and_names_real_hooks(staged):
    (repo,) = readme_precommit_example()["repos"]
    assert repo["rev"] == f"v{__version__}"
    assert "OWNER" in repo["repo"]  # a stated placeholder for the account that hosts teikit
    for entry in repo["hooks"]:
        assert entry["id"] in {h["id"] for h in HOOKS}
        if "args" in entry:  # the example's own arguments work
            result = run_hook([staged["good.xml"], staged["stylesheet.xsl"]], args=entry["args"], cwd=ROOT)
            assert result.returncode == 0, result.stdout + result.stderr
