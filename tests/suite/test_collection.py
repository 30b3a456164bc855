"""Every test file runs: pytest skips some folders by default (one named ``build`` held the main
job's tests, unseen by CI for months), and a file can stop being collected in other quiet ways.
This collects the whole suite as ``pytest`` alone does and requires each ``tests/**/test_*.py``
to be imported: collected with tests in it, or skipped with a reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PROBE_DIR = Path(__file__).resolve().parent  # collection_probe.py


def collection(tmp_path: Path) -> dict[str, dict]:
    """What a plain ``pytest`` run (the README's test command) collects, module by module."""
    report = tmp_path / "collection.json"
    env = {**os.environ, "TEIKIT_COLLECTION_REPORT": str(report),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(PROBE_DIR), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "collection_probe",
                          "-p", "no:cacheprovider"], cwd=ROOT, env=env, capture_output=True, timeout=600)
    assert run.returncode == 0, run.stdout.decode()[-4000:] + run.stderr.decode()[-4000:]
    return json.loads(report.read_text(encoding="utf-8"))


def problems(files: list[str], modules: dict[str, dict]) -> list[str]:
    """The test files a collection left out, each with what became of it."""
    found = []
    for name in files:
        module = modules.get(name)
        if module is None:
            found.append(f"{name}: never collected (a folder pytest ignores? norecursedirs?)")
        elif module["outcome"] == "skipped":
            if not module.get("reason"):
                found.append(f"{name}: skipped without a reason")
        elif module["outcome"] != "passed":
            found.append(f"{name}: collection failed: {module.get('reason', '')[:200]}")
        elif module["items"] == 0:
            found.append(f"{name}: collected, but no tests in it")
    return found


def test_every_test_file_is_collected_or_skipped_with_a_reason(tmp_path):
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py"))
    assert "tests/building/test_build.py" in files
    assert problems(files, collection(tmp_path)) == []


def test_problems_names_each_way_a_file_is_left_out():
    modules = {"tests/a/test_ok.py": {"outcome": "passed", "items": 3},
               "tests/a/test_dask.py": {"outcome": "skipped", "items": 0, "reason": "dask is not installed"},
               "tests/a/test_silent.py": {"outcome": "skipped", "items": 0, "reason": ""},
               "tests/a/test_empty.py": {"outcome": "passed", "items": 0},
               "tests/a/test_broken.py": {"outcome": "failed", "items": 0, "reason": "ImportError: nope"}}
    found = problems([*modules, "tests/build/test_hidden.py"], modules)
    assert found == ["tests/a/test_silent.py: skipped without a reason",
                     "tests/a/test_empty.py: collected, but no tests in it",
                     "tests/a/test_broken.py: collection failed: ImportError: nope",
                     "tests/build/test_hidden.py: never collected (a folder pytest ignores? norecursedirs?)"]
