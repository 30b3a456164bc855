"""Incremental builds: a document is built again only when one of its inputs changed (its text,
its editor's file, the authority lists, the schemas, the stylesheets, teikit's code) or one of
its outputs is missing; --force builds everything; an interrupted build loses nothing."""

from __future__ import annotations

import shutil

import pytest

from build_support import FAILED, INVALID, VALID, build, project, template  # noqa: F401 (fixtures)
from teikit.build import runner
from teikit.build.report import Progress
from teikit.resources import data_dir

RETRIED = {INVALID, FAILED}  # never recorded as built: tried again until fixed


def built(summary) -> set[str]:
    return {r.name for r in summary.results if r.status in ("built", "invalid", "failed")}


def test_nothing_changed_nothing_built(project):
    summary = build(project)
    assert built(summary) == RETRIED
    assert {r.name for r in summary.results if r.status == "skipped"} == set(VALID)
    assert not summary.corpus_pages, "the corpus pages are up to date too"
    assert summary.totals["names"] > 0, "skipped documents still count"


def test_a_touched_text_is_not_rebuilt_a_changed_one_is(project):
    text = project / "texts/alpha.txt"
    text.write_bytes(text.read_bytes())  # a new modification time, the same content
    assert built(build(project)) == RETRIED
    text.write_text(text.read_text(encoding="utf-8") + "\nA new paragraph about Stalin.\n", encoding="utf-8")
    summary = build(project)
    assert built(summary) == {"alpha"} | RETRIED
    assert summary.corpus_pages
    assert "A new paragraph" in (project / "site/alpha.html").read_text(encoding="utf-8")


def test_an_editors_file_rebuilds_its_text(project):
    (project / "texts/alpha.edits.toml").write_text("# the editor's notes\n", encoding="utf-8")
    assert built(build(project)) == {"alpha"} | RETRIED


def test_a_missing_output_is_made_again(project):
    (project / "site/alpha.html").unlink()
    assert built(build(project)) == {"alpha"} | RETRIED
    assert (project / "site/alpha.html").is_file()


@pytest.mark.parametrize("change", ["schema", "authority", "stylesheet", "code"])
def test_a_shared_input_rebuilds_everything(project, tmp_path, monkeypatch, change):
    if change == "schema":
        rules = project / "house.sch"
        rules.write_text(rules.read_text(encoding="utf-8").replace("names its author", "has an author"),
                         encoding="utf-8")
    elif change == "authority":  # tei/authority appears: it is the default authority list
        (project / "tei/authority").mkdir()
        (project / "tei/authority/persons.xml").write_text(
            '<listPerson xmlns="http://www.tei-c.org/ns/1.0"/>\n', encoding="utf-8")
    elif change == "stylesheet":  # (a copy of teikit's stylesheets, changed)
        copy = tmp_path / "xslt"
        shutil.copytree(data_dir("xslt"), copy)
        monkeypatch.setattr(runner, "data_dir", lambda kind: copy if kind == "xslt" else data_dir(kind))
        css = copy / "html/tei.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    else:
        monkeypatch.setattr(runner, "code_digest", lambda: "another teikit")
    summary = build(project)
    assert built(summary) == set(VALID) | RETRIED
    assert summary.corpus_pages


def test_force_rebuilds_everything(project):
    summary = build(project, force=True)
    assert built(summary) == set(VALID) | RETRIED and summary.corpus_pages


def test_a_removed_text_takes_its_outputs_along(project):
    (project / "texts/alpha.txt").unlink()
    summary = build(project)
    assert "alpha" not in {r.name for r in summary.results}
    assert not list(project.glob("tei/alpha.*")) and not list(project.glob("site/alpha.*"))
    index = (project / "site/index.html").read_text(encoding="utf-8")
    assert "alpha.html" not in index and "alpha.html" not in (project / "site/persons.html").read_text()


class Interrupting(Progress):
    """Ctrl-C after the first document has been built."""

    def advance(self, name: str) -> None:
        super().advance(name)
        raise KeyboardInterrupt


def test_an_interrupted_build_keeps_what_it_finished(project):
    for name in VALID:
        (project / f"texts/{name}.txt").write_text(
            (project / f"texts/{name}.txt").read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        build(project, progress=Interrupting(0, enabled=False))
    assert not list(project.rglob("*.part")), "no half-written file"
    summary = build(project)
    assert built(summary) == set(VALID[1:]) | RETRIED, "the first document was recorded before the interruption"


def test_an_unreadable_state_file_means_building_everything(project):
    (project / ".teikit-state.json").write_text("{not json", encoding="utf-8")
    assert built(build(project)) == set(VALID) | RETRIED
    assert built(build(project)) == RETRIED, "and the state is good again"


def test_a_text_named_like_a_corpus_page_fails_alone(project):
    (project / "texts/index.txt").write_text((project / "texts/alpha.txt").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    summary = build(project)
    (index,) = [r for r in summary.results if r.name == "index"]
    assert index.status == "failed" and "page of the site's own" in index.diagnostics[0].message
    assert built(summary) == {"index"} | RETRIED
    assert "Works" in (project / "site/index.html").read_text(encoding="utf-8")
