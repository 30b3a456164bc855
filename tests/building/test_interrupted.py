"""A build stopped from outside keeps its progress: SIGTERM (a timeout, a service manager) ends it
as Ctrl-C does, SIGKILL (the out-of-memory killer) leaves the journal of what finished, and the
next build goes on from there. Workers do not outlive a killed build; a second build at once in
one project is refused, naming the first one's process, and a lock left by a killed build is
taken over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from teikit.build.lock import build_lock

DOCUMENTS = 60
STARTED_AFTER = 3  # documents finished before the build is stopped
LINUX = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc to find the workers")


def make_many(folder: Path, count: int = DOCUMENTS) -> Path:
    texts = folder / "texts"
    texts.mkdir(parents=True)
    for number in range(count):
        (texts / f"doc{number:03d}.txt").write_text(
            f"A Note Numbered {number}\n\nThis is the only paragraph of note {number}, long enough to be prose "
            "and not a heading: it says little, and says it plainly.\n", encoding="utf-8")
    (folder / "teikit.toml").write_text('texts = "texts"\n', encoding="utf-8")
    return folder


def start_build(folder: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "CI": "true"}
    return subprocess.Popen([sys.executable, "-m", "teikit", "build", *args], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finished(folder: Path) -> int:
    """Documents whose end the running build has recorded."""
    try:
        return len((folder / ".teikit-state.json.journal").read_text(encoding="utf-8").splitlines())
    except OSError:
        return 0


def wait_for(condition, what: str, timeout: float = 240.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def stopped_midway(folder: Path, how: signal.Signals, *args: str) -> subprocess.CompletedProcess:
    process = start_build(folder, *args)
    wait_for(lambda: finished(folder) >= STARTED_AFTER or process.poll() is not None, "documents to finish")
    assert process.poll() is None, "the build finished before it could be stopped: make it longer"
    process.send_signal(how)
    stdout, stderr = process.communicate(timeout=240)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def next_build(folder: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "teikit", "build", "--jobs", "1", "--report", "report.json"],
                            cwd=folder, capture_output=True, timeout=600, env={**os.environ, "CI": "true"})
    assert result.returncode == 0, result.stderr.decode()
    return json.loads((folder / "report.json").read_text(encoding="utf-8"))["summary"]


@pytest.mark.slow
def test_sigterm_saves_progress_and_the_next_build_goes_on(tmp_path):
    folder = make_many(tmp_path / "project")
    result = stopped_midway(folder, signal.SIGTERM, "--jobs", "1")
    assert result.returncode == 1
    assert result.stderr.decode().strip().splitlines()[-1] == "teikit: terminated (SIGTERM)"
    assert b"Traceback" not in result.stderr
    state = json.loads((folder / ".teikit-state.json").read_text(encoding="utf-8"))
    done = len(state["documents"])
    assert STARTED_AFTER <= done < DOCUMENTS
    assert not (folder / ".teikit-state.json.journal").exists(), "folded into the state on the way out"
    assert not list(folder.rglob("*.part"))
    summary = next_build(folder)
    assert summary["skipped"] == done and summary["built"] == DOCUMENTS - done


@pytest.mark.slow
def test_sigkill_keeps_the_journal_and_the_next_build_goes_on(tmp_path):
    folder = make_many(tmp_path / "project")
    result = stopped_midway(folder, signal.SIGKILL, "--jobs", "1")
    assert result.returncode == -signal.SIGKILL
    done = finished(folder)
    assert done >= STARTED_AFTER
    summary = next_build(folder)
    assert summary["skipped"] >= STARTED_AFTER
    assert summary["skipped"] + summary["built"] == DOCUMENTS
    assert not (folder / ".teikit-state.json.journal").exists()


def descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@LINUX
@pytest.mark.slow
def test_workers_end_when_the_build_is_killed(tmp_path):
    folder = make_many(tmp_path / "project")
    process = start_build(folder, "--jobs", "2")
    wait_for(lambda: finished(folder) >= STARTED_AFTER or process.poll() is not None, "documents to finish")
    workers = descendants(process.pid)
    assert workers, "the build runs worker processes"
    process.kill()
    process.communicate(timeout=60)
    wait_for(lambda: not any(alive(pid) for pid in workers), "the orphaned workers to end", timeout=30)


def test_a_second_build_is_refused_naming_the_first(tmp_path):
    folder = make_many(tmp_path / "project", count=2)
    with build_lock(folder / ".teikit-state.json"):
        result = subprocess.run([sys.executable, "-m", "teikit", "build"], cwd=folder, capture_output=True,
                                timeout=300)
    assert result.returncode == 2
    (line,) = result.stderr.decode().strip().splitlines()
    assert "another teikit build is running in this project" in line and f"process {os.getpid()}" in line
    assert not (folder / "tei").exists(), "nothing done"


def test_a_lock_left_by_a_killed_build_is_taken_over(tmp_path):
    folder = make_many(tmp_path / "project", count=2)
    killed = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    (folder / ".teikit-state.json.lock").write_text("")
    (folder / ".teikit-state.json.holder").write_text(json.dumps({"pid": killed.pid, "started": "earlier"}))
    killed.kill()
    killed.wait()
    result = subprocess.run([sys.executable, "-m", "teikit", "build"], cwd=folder, capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert f"the build of process {killed.pid}, started earlier did not finish" in result.stderr.decode()
    assert not (folder / ".teikit-state.json.holder").exists()
