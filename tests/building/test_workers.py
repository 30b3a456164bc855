"""Local worker processes: a worker that dies takes only the document it was building with it
(the others are built, in a renewed pool); nothing is left half-written, and the next build
finishes the job."""

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


def test_a_killed_worker_fails_only_its_document_and_the_next_build_finishes(project, monkeypatch):
    monkeypatch.setattr(executors, "build_document", die_on_doomed)
    summary = build(project, jobs=2, force=True)
    status = {r.name: r.status for r in summary.results}
    assert status == {**{name: "built" for name in VALID if name != DOOMED}, DOOMED: "failed",
                      INVALID: "invalid", FAILED: "failed"}
    doomed = next(r for r in summary.results if r.name == DOOMED)
    assert [d.message for d in doomed.diagnostics] == ["a worker process died while working on it"]
    assert summary.lost_to_dead_workers == [DOOMED]
    assert summary.to_json()["lost_to_dead_workers"] == [DOOMED]
    assert summary.notes().startswith(f"1 document failed because the worker process building it died "
                                      f"(killed, or out of memory): {DOOMED}; the workers were renewed")
    assert not summary.ok
    assert not list(project.rglob("*.part")), "no half-written file"

    monkeypatch.setattr(executors, "build_document", build_document)
    again = build(project, jobs=2)
    assert {r.name for r in again.results if r.status == "built"} == {DOOMED}
    assert {r.name for r in again.results if r.status == "skipped"} == set(VALID) - {DOOMED}
