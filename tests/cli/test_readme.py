"""The README a new user reads: the two setup commands first, then a project of one's own
(`teikit init`, `teikit build`), nothing that needs the developers' ../shared folder, and every
link of it and of docs/ leading somewhere."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_readme_opens_with_setup_then_a_first_project():
    commands = [line.split("#")[0].strip() for line in README.splitlines()
                if line.startswith(("python3 ", "teikit ", "cp ", "$EDITOR "))]
    assert commands[0].endswith("pip install . && teikit build")
    assert commands[1].endswith("pip install -e '.[test]' && pytest")
    assert commands[2].startswith("teikit init ") and "teikit build" in commands[4]


def test_the_readme_needs_no_shared_folder():
    assert "../shared" not in README and "shared/" not in README


def test_the_readme_says_where_tei_all_comes_from():
    assert "## Where `tei_all` comes from" in README and "tei-c.org" in README


def test_every_relative_link_of_the_readme_and_docs_leads_to_a_file():
    broken = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = (page.parent / target.split("#")[0]).resolve()
            if not path.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert not broken, "\n".join(broken)
