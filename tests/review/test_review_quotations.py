"""`teikit review` lists stray quotation marks and proposed corrections, for plain text and TEI."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_teikit

TEXT = ("A Report\n\nSome prose to begin with, long enough to be a paragraph of its own.\n\n"
        "He said “yes and left. They were of coarse beaten.\n")


def rows(*args: str, cwd: Path) -> list[dict]:
    result = run_teikit("review", "--format", "json", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_plain_text_and_tei_give_the_same_findings(tmp_path: Path):
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    assert run_teikit("convert", "report.txt", "-o", "report.xml", cwd=tmp_path).returncode == 0
    for name in ("report.txt", "report.xml"):
        found = rows(name, cwd=tmp_path)
        stray = [r for r in found if r["category"] == "quotation" and r.get("problem") == "unclosed"]
        assert [r["mark"] for r in stray] == ["“"]
        # the line of the text, or of the paragraph in the TEI file
        assert stray[0]["line"] == 5 if name.endswith(".txt") else isinstance(stray[0]["line"], int)
        [correction] = [r for r in found if r["category"] == "correction"]
        assert (correction["found"], correction["proposed"], correction["kind"]) == ("coarse", "course", "real-word")


def test_corrections_an_editor_confirmed_are_not_proposed_again(tmp_path: Path):
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "report.edits.toml").write_text('[[correction]]\nanchor = "coarse"\ncorr = "course"\n',
                                                encoding="utf-8")
    assert not [r for r in rows("report.txt", cwd=tmp_path) if r["category"] == "correction"]
    run_teikit("convert", "report.txt", "-o", "report.xml", cwd=tmp_path)
    assert not [r for r in rows("report.xml", cwd=tmp_path) if r["category"] == "correction"]


def test_a_quotation_may_run_over_verse_lines_in_tei(tmp_path: Path):
    tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
           '<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>'
           '<text><body><p>She began:</p><quote><l>‘How doth the little crocodile</l><l>Improve his shining '
           'tail!’</l></quote><p>He said “nothing.</p></body></text></TEI>')
    (tmp_path / "verse.xml").write_text(tei, encoding="utf-8")
    strays = [r for r in rows("verse.xml", cwd=tmp_path) if r.get("problem")]
    assert [(r["mark"], r["problem"]) for r in strays] == [("“", "unclosed")]


def test_an_orphan_closing_mark_is_reviewed_as_speech_from_text_and_from_tei(tmp_path: Path):
    (tmp_path / "talk.txt").write_text("A Talk\n\nSome prose to begin with, long enough to be a paragraph.\n\n"
                                       "—And who is to carry the basket?”—\n", encoding="utf-8")
    assert run_teikit("convert", "talk.txt", "-o", "talk.xml", cwd=tmp_path).returncode == 0
    for name in ("talk.txt", "talk.xml"):
        found = [r for r in rows(name, cwd=tmp_path) if r["category"] == "quotation"]
        assert not [r for r in found if r.get("problem")], name
        assert [(r["element"], r["cert"]) for r in found] == [("said", "medium")], name
