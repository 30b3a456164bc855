"""Where outputs go and how many processes a batch uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.errors import UsageError
from teikit.publish.batch import PARALLEL_MIN_BYTES, PARALLEL_MIN_DOCUMENTS, Job, plan_jobs, worker_count


def test_one_input_goes_to_stdout_a_file_or_into_a_directory(tmp_path):
    assert plan_jobs(["a.xml"], None, ".html") == [Job("a.xml", None)]
    assert plan_jobs(["a.xml"], str(tmp_path / "page.html"), ".html") == [Job("a.xml", tmp_path / "page.html")]
    assert plan_jobs(["a.xml"], str(tmp_path), ".html") == [Job("a.xml", tmp_path / "a.html")]
    assert plan_jobs(["-"], str(tmp_path / "new") + "/", ".txt") == [Job("-", tmp_path / "new" / "stdin.txt")]


def test_several_inputs_go_into_a_directory(tmp_path):
    jobs = plan_jobs(["x/a.xml", "y/b.xml"], str(tmp_path / "out"), ".txt")
    assert [j.output for j in jobs] == [tmp_path / "out" / "a.txt", tmp_path / "out" / "b.txt"]


@pytest.mark.parametrize("inputs, output, complaint", [
    ([], None, "no input"),
    (["-", "-"], "out", "read only once"),
    (["a.xml", "b.xml"], None, "need -o DIRECTORY"),
])
def test_impossible_plans_are_usage_errors(inputs, output, complaint):
    with pytest.raises(UsageError, match=complaint):
        plan_jobs(inputs, output, ".html")


def test_several_inputs_refuse_a_file_as_their_directory(tmp_path):
    existing = tmp_path / "file.html"
    existing.write_text("x")
    with pytest.raises(UsageError, match="is a file"):
        plan_jobs(["a.xml", "b.xml"], str(existing), ".html")


def _batch(tmp_path: Path, count: int, size: int) -> list[Job]:
    jobs = []
    for i in range(count):
        source = tmp_path / f"d{i}.xml"
        source.write_bytes(b" " * size)
        jobs.append(Job(str(source), tmp_path / f"d{i}.html"))
    return jobs


def test_small_batches_stay_in_one_process(tmp_path):
    assert worker_count(_batch(tmp_path, PARALLEL_MIN_DOCUMENTS - 1, PARALLEL_MIN_BYTES)) == 1
    assert worker_count(_batch(tmp_path, PARALLEL_MIN_DOCUMENTS, 10)) == 1


def test_stdin_and_stdout_stay_in_this_process_whatever_is_asked(tmp_path):
    assert worker_count([Job("-", tmp_path / "a.html"), *_batch(tmp_path, 3, 10)], requested=4) == 1
    assert worker_count([Job("a.xml", None)], requested=4) == 1


def test_an_asked_number_of_processes_is_capped_by_the_batch(tmp_path):
    assert worker_count(_batch(tmp_path, 3, 10), requested=8) == 3
