"""Validation and publishing run their workers on teikit.runtime.pool: a worker that dies fails
what it was working on, with a diagnostic, and the rest of the batch is done."""

from __future__ import annotations

import os
from pathlib import Path

from teikit.publish import TARGETS
from teikit.publish import batch as publish_batch
from teikit.publish.batch import Job
from teikit.validate import runner
from teikit.validate.runner import Options

ROOT = Path(__file__).resolve().parents[2]
VALID = sorted((ROOT / "tests" / "schema" / "valid").glob("*.xml"))
ARTICLE = ROOT / "tests" / "publish" / "fixtures" / "article-teikit-shape.xml"
CORPUS = ROOT / "tests" / "publish" / "fixtures" / "corpus-nested-structures.xml"

_check_group = runner._job
_publish_one = publish_batch.publish_one


def die_on_the_first_file(job):
    """A validation job whose process is killed when its group holds the first fixture."""
    if str(VALID[0]) in job[0]:
        os._exit(9)
    return _check_group(job)


def die_on_the_corpus(job, stylesheet, params):
    if job.source == str(CORPUS):
        os._exit(9)
    return _publish_one(job, stylesheet, params)


def test_validation_reports_the_files_of_a_dead_worker_and_checks_the_others(monkeypatch):
    assert len(VALID) >= 2
    monkeypatch.setattr(runner, "_job", die_on_the_first_file)
    results = {r.path: r for r in runner.validate([str(p) for p in VALID], Options(jobs=2))}
    dead = [path for path, r in results.items() if any(d.code == "worker-died" for d in r.diagnostics)]
    assert str(VALID[0]) in dead and len(dead) < len(VALID)
    for path in dead:
        (diagnostic,) = results[path].diagnostics
        assert diagnostic.message == "not validated: a worker process died while working on it"
    assert all(results[path].valid for path in results if path not in dead)


def test_publishing_reports_the_input_of_a_dead_worker_and_publishes_the_others(tmp_path, monkeypatch):
    monkeypatch.setattr(publish_batch, "publish_one", die_on_the_corpus)
    jobs = [Job(str(path), tmp_path / f"{path.stem}-{n}.txt") for n in range(3) for path in (ARTICLE, CORPUS)]
    target = TARGETS["text"]
    batch = publish_batch.run_batch(jobs, target, target.stylesheet_path, {}, workers=2)
    assert [(d.file, d.message) for d in batch.diagnostics] == \
        [(str(CORPUS), "not published: a worker process died while working on it")] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"article-teikit-shape-{n}.txt" for n in range(3)]
