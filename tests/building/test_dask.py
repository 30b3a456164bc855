"""The Dask executor runs the same tasks and writes byte-identical TEI (on a small local cluster)."""

from __future__ import annotations

import shutil

import pytest

from build_support import make_project
from helpers import run_teikit

pytest.importorskip("distributed", reason="dask[distributed] is not installed (pip install 'teikit[dask]')")


def test_dask_build_is_byte_identical_to_a_local_build(tmp_path):
    local = make_project(tmp_path / "local")
    for name in ("anonymous", "broken"):  # valid documents only: every output is compared
        (local / f"texts/{name}.txt").unlink()
    on_dask = tmp_path / "dask"
    shutil.copytree(local, on_dask)
    assert run_teikit("build", "--jobs", "1", cwd=local).returncode == 0
    result = run_teikit("build", "--executor", "dask", "--jobs", "2", "--report", "report.json", cwd=on_dask)
    assert result.returncode == 0, result.stderr.decode()
    tei = sorted(p.name for p in (local / "tei").glob("*.xml"))
    assert tei == sorted(p.name for p in (on_dask / "tei").glob("*.xml")) and len(tei) == 3
    for name in tei:
        assert (on_dask / "tei" / name).read_bytes() == (local / "tei" / name).read_bytes(), name
    for page in ("index.html", "persons.html"):
        assert (on_dask / "site" / page).read_bytes() == (local / "site" / page).read_bytes()
    assert b"Traceback" not in result.stderr


DOOMED = "alpha"


def die_on_doomed(tasks):
    """A Dask task whose worker process is killed when its group holds DOOMED (runs in the worker:
    imported there by name, from this module)."""
    import os

    from teikit.build.tasks import build_documents

    if any(task.name == DOOMED for task in tasks):
        os._exit(9)
    return build_documents(tasks)


def test_a_dask_worker_that_dies_fails_only_its_document(tmp_path, monkeypatch):
    """Dask runs a dead worker's tasks again elsewhere; a task that keeps killing its workers ends
    in KilledWorker (allowed-failures, 0 here to be quick): its group is split, and only the
    document that kills its worker fails, reported as such."""
    import dask

    from build_support import build
    from teikit.build import executors

    folder = make_project(tmp_path / "project")
    monkeypatch.setattr(executors, "build_documents", die_on_doomed)
    monkeypatch.setattr(executors, "DASK_CHUNK", 8)  # all the documents in one group
    monkeypatch.setattr(executors, "DASK_CHUNKS_PER_WORKER", 0.01)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        summary = build(folder, executor="dask", jobs=2)
    status = {r.name: r.status for r in summary.results}
    assert status[DOOMED] == "failed" and summary.lost_to_dead_workers == [DOOMED]
    assert [r.name for r in summary.results if r.status == "built"] == \
        [name for name in ("000_c13e9c14db7b3e72", "001_6cfbcb76526a9a85")]
    (diagnostic,) = next(r for r in summary.results if r.name == DOOMED).diagnostics
    assert diagnostic.code == "worker-died" and "KilledWorker" in diagnostic.message
