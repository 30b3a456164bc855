"""The process pool helper: every item gets exactly one result, in worker processes; a worker
that dies fails only the item it was working on, and the batch completes."""

from __future__ import annotations

import os

import pytest

from teikit.runtime import pool

DOOMED = 7  # the item whose worker dies


def square(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def square_or_die(n: int) -> tuple[int, int]:
    if n == DOOMED:
        os._exit(9)  # as the kernel's OOM killer or a crash in native code would end it
    return square(n)


def fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n


def lost(n: int, why: str) -> tuple[str, str]:
    return "lost", why


def collect(func, items, jobs) -> dict[int, object]:
    results: dict[int, object] = {}

    def on_result(index, result):
        assert index not in results, "one result per item"
        results[index] = result

    pool.run(func, items, jobs, on_result, lost)
    return results


def test_every_item_gets_its_result_from_worker_processes():
    results = collect(square, list(range(30)), jobs=2)
    assert {i: r[0] for i, r in results.items()} == {i: i * i for i in range(30)}
    assert os.getpid() not in {r[1] for r in results.values()}


def test_one_job_runs_in_this_process():
    results = collect(square, [1, 2, 3], jobs=1)
    assert {r[1] for r in results.values()} == {os.getpid()}


def test_a_dead_worker_fails_only_its_item_and_the_batch_completes():
    items = list(range(40))
    results = collect(square_or_die, items, jobs=2)
    assert sorted(results) == items
    assert results[DOOMED] == ("lost", pool.DIED)
    assert all(results[i][0] == i * i for i in items if i != DOOMED)


def test_several_dead_workers_each_fail_only_their_own_item():
    results = collect(square_or_die, [DOOMED, 1, DOOMED, 2, 3, DOOMED], jobs=2)
    assert [results[i][0] for i in range(6)] == ["lost", 1, "lost", 4, 9, "lost"]


def test_an_exception_in_an_item_stops_the_batch_and_is_raised():
    with pytest.raises(ValueError, match="three"):
        collect(fail_on_three, list(range(10)), jobs=2)


def write_then_terminated(target: str) -> str:
    """Writes a file and is sent SIGTERM half-way, as a broken pool terminates its other workers."""
    import signal

    from teikit.xmlio import atomic_writer

    with atomic_writer(target) as fh:
        fh.write(b"half of it")
        os.kill(os.getpid(), signal.SIGTERM)
        fh.write(b" and the rest")  # never reached
    return target


def test_a_worker_terminated_while_writing_ends_at_once_leaving_no_temporary_file(tmp_path):
    targets = [str(tmp_path / f"out{i}.xml") for i in range(3)]
    results = collect(write_then_terminated, targets, jobs=2)
    assert all(results[i] == ("lost", pool.DIED) for i in range(3))
    assert sorted(p.name for p in tmp_path.iterdir()) == [], "no file, half or temporary, is left"
