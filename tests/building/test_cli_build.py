"""`teikit build` as a user runs it: exit status, diagnostics, the summary table, --report JSON,
no progress bar unless a person watches a terminal; usage errors."""

from __future__ import annotations

import io
import json

import pytest

from build_support import FAILED, INVALID, VALID, make_project
from helpers import run_teikit
from teikit.build.report import Progress


@pytest.fixture(scope="module")
def cli_build(tmp_path_factory):
    """The project built by the command line (two local worker processes), with a JSON report."""
    folder = make_project(tmp_path_factory.mktemp("cli") / "project")
    result = run_teikit("build", "--jobs", "2", "--report", "report.json", cwd=folder)
    return folder, result


def test_exit_1_when_a_document_is_invalid_or_failed_the_others_still_built(cli_build):
    folder, result = cli_build
    assert result.returncode == 1, result.stderr
    stderr = result.stderr.decode()
    assert f"tei/{INVALID}.xml:6:4: error: [schematron] a work of this edition names its author" in stderr
    assert f"texts/{FAILED}.txt: error: empty input" in stderr
    for name in VALID:
        assert (folder / f"site/{name}.html").is_file()


def test_no_progress_bar_when_not_on_a_terminal(cli_build):
    _, result = cli_build
    assert b"\r" not in result.stderr and b"\r" not in result.stdout


def test_summary_table(cli_build):
    _, result = cli_build
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith("teikit build: texts -> tei -> site")
    header, row = lines[1].split(), lines[2].split()
    assert header[:5] == ["documents", "built", "skipped", "invalid", "failed"]
    assert dict(zip(header, row))["built"] == "3"


def test_report_json(cli_build):
    folder, _ = cli_build
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert set(report) >= {"teikit", "ok", "summary", "seconds", "executor", "jobs", "workers", "documents"}
    assert report["ok"] is False and report["executor"] == "local" and report["jobs"] == 2
    assert set(report["summary"]) == {"documents", "built", "skipped", "invalid", "failed", "names",
                                      "quotations", "notes", "warnings"}
    assert report["summary"]["built"] == 3
    assert all(w["peak_memory"] > 0 for w in report["workers"]) and 1 <= len(report["workers"]) <= 2
    documents = {d["name"]: d for d in report["documents"]}
    assert documents[INVALID]["status"] == "invalid"
    (error,) = documents[INVALID]["diagnostics"]
    assert error == {"file": f"tei/{INVALID}.xml", "line": 6, "column": 4, "severity": "error",
                     "engine": "schematron", "code": "work-has-author",
                     "message": "a work of this edition names its author"}
    assert documents[VALID[0]]["page"] == f"{VALID[0]}.html"
    assert documents[VALID[0]]["works"][0]["title"] == "Increasing Oppression the Path of Bureaucracy"


def test_second_run_skips_the_built_documents(cli_build):
    folder, _ = cli_build
    result = run_teikit("build", "--report", "again.json", cwd=folder)
    assert result.returncode == 1  # the invalid and the failed document still are
    summary = json.loads((folder / "again.json").read_text(encoding="utf-8"))["summary"]
    assert (summary["built"], summary["skipped"]) == (0, 3)


@pytest.mark.parametrize("args, message", [
    (["--executor", "local", "--scheduler", "tcp://localhost:8786"], "a scheduler is for --executor dask"),
    (["--config", "missing.toml"], "configuration file not found"),
])
def test_usage_errors(tmp_path, args, message):
    make_project(tmp_path / "project")
    result = run_teikit("build", *args, cwd=tmp_path / "project")
    assert result.returncode == 2
    assert message in result.stderr.decode()


def test_no_texts_folder_is_a_usage_error(tmp_path):
    (tmp_path / "teikit.toml").write_text('texts = "sources"\n', encoding="utf-8")
    result = run_teikit("build", cwd=tmp_path)
    assert result.returncode == 2 and "no texts folder" in result.stderr.decode()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_for_a_person_at_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    shown = Progress(2, Terminal())
    shown.advance("a")
    shown.advance("b")
    assert "] 2/2 b" in shown.stream.getvalue()
    assert not Progress(2, io.StringIO()).enabled
    monkeypatch.setenv("CI", "true")
    assert not Progress(2, Terminal()).enabled
