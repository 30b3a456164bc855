"""Where the per-document tasks run: here, in local worker processes, or on a Dask cluster.

Every executor runs the same function (``tasks.build_document``) on the same tasks and hands each
result to ``on_result`` as it arrives (in completion order). A worker that dies takes only its
own documents with it: they come back as failed, and the others still build.

Local workers are forked while this process has not started Saxon (saxonche's threads do not
survive a fork; teikit only loads it inside tasks, and the corpus pages are made after the pool
has closed); otherwise they start with forkserver or spawn. Each worker compiles the schemas and
stylesheets on its first task and keeps them for the others.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence

from teikit.build.records import FAILED, DocumentResult
from teikit.build.tasks import DocumentTask, build_document, build_documents
from teikit.errors import Diagnostic, UsageError
from teikit.validate.runner import available_cpus

OnResult = Callable[[DocumentResult], None]
EXECUTORS = ("local", "dask")
# tasks queued per local worker: enough to keep it busy, few enough that Ctrl-C stops soon
QUEUED_PER_WORKER = 4
SCHEDULER_TIMEOUT = "10s"  # to reach a --scheduler
DASK_CHUNK, DASK_CHUNKS_PER_WORKER = 16, 8


def lost(task: DocumentTask, why: str) -> DocumentResult:
    return DocumentResult(task.name, FAILED, [Diagnostic(task.text, why, engine="build")])


def _context():
    methods = multiprocessing.get_all_start_methods()
    if "saxonche" not in sys.modules and "fork" in methods:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_local(tasks: Sequence[DocumentTask], on_result: OnResult, jobs: int) -> None:
    """Run the tasks in ``jobs`` worker processes (in this process for one job or one task)."""
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            on_result(build_document(task))
        return
    pending = list(reversed(tasks))
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=_context()) as pool:
        running: dict = {}
        try:
            while pending or running:
                while pending and len(running) < jobs * QUEUED_PER_WORKER:
                    task = pending.pop()
                    running[pool.submit(build_document, task)] = task
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    task = running.pop(future)
                    try:
                        on_result(future.result())
                    except BrokenProcessPool:
                        on_result(lost(task, "a worker process died while building it"))
        except BrokenProcessPool:  # submitting after a worker died
            for task in [*running.values(), *reversed(pending)]:
                on_result(lost(task, "not built: a worker process died during the build"))
        except BaseException:
            for future in running:
                future.cancel()
            raise


def run_dask(tasks: Sequence[DocumentTask], on_result: OnResult, jobs: int, scheduler: str | None) -> None:
    """Run the tasks on a Dask cluster: the one at ``scheduler``, or a local cluster of ``jobs``
    worker processes with one thread each. Workers must see the project's files at the same
    paths (a shared file system), and run the same teikit."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise UsageError(Diagnostic("--executor dask", "Dask is not installed: pip install 'teikit[dask]'")) \
            from None
    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(Diagnostic("--scheduler", f"cannot reach the Dask scheduler at {scheduler}: {exc}")) \
                from None
        with client:
            _run_on(client, as_completed, tasks, on_result)
        return
    # Dask's own chatter (and the workers' complaints while the cluster shuts down) stays quiet
    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
        _run_on(client, as_completed, tasks, on_result)


def _run_on(client, as_completed, tasks: Sequence[DocumentTask], on_result: OnResult) -> None:
    chunks = _chunks(tasks, sum(client.nthreads().values()))
    futures = client.map(build_documents, chunks, pure=False)
    chunk_of = {future.key: chunk for future, chunk in zip(futures, chunks)}
    try:
        for future in as_completed(futures):
            try:
                results = future.result()
            except Exception as exc:  # the worker died (KilledWorker) or the task could not run there
                results = [lost(task, f"failed on the Dask cluster: {type(exc).__name__}: {exc}")
                           for task in chunk_of[future.key]]
            for result in results:
                on_result(result)
    except BaseException:
        client.cancel(futures)
        raise


def _chunks(tasks: Sequence[DocumentTask], workers: int) -> list[list[DocumentTask]]:
    """Documents in groups of up to DASK_CHUNK, at least DASK_CHUNKS_PER_WORKER groups a worker:
    a Dask task costs milliseconds of scheduling of its own, as much as a document."""
    size = max(1, min(DASK_CHUNK, len(tasks) // (max(workers, 1) * DASK_CHUNKS_PER_WORKER)))
    return [list(tasks[i:i + size]) for i in range(0, len(tasks), size)]


def run(tasks: Sequence[DocumentTask], on_result: OnResult, executor: str = "local", jobs: int = 0,
        scheduler: str | None = None) -> None:
    if not tasks:
        return  # nothing to build: no cluster to start
    jobs = jobs or available_cpus()
    if executor == "dask":
        run_dask(tasks, on_result, jobs, scheduler)
    else:
        run_local(tasks, on_result, jobs)
