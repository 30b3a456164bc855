"""The build setting ``split = true``: a text of several works is built as one TEI file a work
(NAME-1.xml, NAME-2.xml, ...), as ``teikit convert --split`` writes them, each valid; its site page
still shows the text whole. A second build rebuilds nothing; switching the setting off again
leaves no file of the split behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_support import ALPHA, build
from teikit.errors import UsageError

PAGE = Path(__file__).resolve().parents[1] / "convert" / "cases" / "two_works_notes_at_page_end.txt"


@pytest.fixture
def project(tmp_path) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.copy(PAGE, texts / "page.txt")
    (texts / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "teikit.toml").write_text("split = true\n", encoding="utf-8")
    return tmp_path


def test_split_builds_one_tei_a_work_and_rebuilds_nothing_after(project):
    summary = build(project)
    assert summary.ok, [d for r in summary.results for d in r.diagnostics]
    assert sorted(p.name for p in (project / "tei").glob("*.xml")) == ["alpha.xml", "page-1.xml", "page-2.xml"]
    assert (project / "site" / "page.html").is_file() and (project / "site" / "alpha.html").is_file()
    again = build(project)
    assert {r.name: r.status for r in again.results} == {"alpha": "skipped", "page": "skipped"}


def test_switching_split_off_removes_the_split_files(project):
    assert build(project).ok
    (project / "teikit.toml").write_text("split = false\n", encoding="utf-8")
    summary = build(project)
    assert {r.name: r.status for r in summary.results} == {"alpha": "built", "page": "built"}
    assert sorted(p.name for p in (project / "tei").glob("*.xml")) == ["alpha.xml", "page.xml"]


def test_split_is_true_or_false(project):
    (project / "teikit.toml").write_text('split = "yes"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="true or false"):
        build(project)
