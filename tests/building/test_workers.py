"""Local worker processes: a worker that dies takes only unfinished documents with it; nothing is
left half-written, and the next build finishes the job."""

from __future__ import annotations

import os

from build_support import FAILED, INVALID, VALID, build, project, template  # noqa: F401 (fixtures)
from teikit.build import executors
from teikit.build.tasks import build_document

DOOMED = "alpha"


def die_on_doomed(task):
    """A worker that is killed while building DOOMED (runs in the worker process)."""
    if task.name == DOOMED:
        os._exit(9)
    return build_document(task)


def test_a_killed_worker_fails_its_documents_and_the_next_build_finishes(project, monkeypatch):
    monkeypatch.setattr(executors, "build_document", die_on_doomed)
    summary = build(project, jobs=2, force=True)
    status = {r.name: r for r in summary.results}
    assert status[DOOMED].status == "failed"
    assert "worker process died" in status[DOOMED].diagnostics[0].message
    assert not summary.ok
    for result in summary.results:
        died = any("worker process died" in d.message for d in result.diagnostics)
        assert result.status == "built" or died or result.name in (INVALID, FAILED), result
    assert not list(project.rglob("*.part")), "no half-written file"

    monkeypatch.setattr(executors, "build_document", build_document)
    again = build(project, jobs=2)
    assert {r.name for r in again.results if r.status in ("built", "skipped")} == set(VALID)
    assert DOOMED in {r.name for r in again.results if r.status == "built"}
