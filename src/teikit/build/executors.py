"""Where the per-document tasks run: here, in local worker processes, or on a Dask cluster.

Every executor runs the same function (``tasks.build_document``) on the same tasks and hands each
result to ``on_result`` as it arrives (in completion order). A worker that dies takes only the
document it was building with it: that one comes back as failed (code ``worker-died``), and the
others still build.

On Dask, the scheduler itself runs the tasks of a lost worker again on the others; a task whose
workers keep dying (``distributed.scheduler.allowed-failures``, 3 by default) ends in
``KilledWorker``. A group of documents that ends so is split and each of its documents run
alone, so that again only the one that kills its workers fails.

Local workers are ``teikit.runtime.pool``'s: forked while this process has not started Saxon
(teikit only loads it inside tasks, and the corpus pages are made after the pool has closed).
Each worker compiles the schemas and stylesheets on its first task and keeps them for the others.
"""

from __future__ import annotations

import logging
from typing import Callable, Sequence

from teikit.build.records import FAILED, DocumentResult
from teikit.build.tasks import DocumentTask, build_document, build_documents
from teikit.errors import Diagnostic, UsageError
from teikit.runtime import pool

OnResult = Callable[[DocumentResult], None]
EXECUTORS = ("local", "dask")
SCHEDULER_TIMEOUT = "10s"  # to reach a --scheduler
DASK_CHUNK, DASK_CHUNKS_PER_WORKER = 16, 8


WORKER_DIED = "worker-died"


def lost(task: DocumentTask, why: str, code: str = WORKER_DIED) -> DocumentResult:
    return DocumentResult(task.name, FAILED, [Diagnostic(task.text, why, engine="build", code=code)])


def run_local(tasks: Sequence[DocumentTask], on_result: OnResult, jobs: int) -> None:
    """Run the tasks in ``jobs`` worker processes (in this process for one job or one task)."""
    pool.run(build_document, tasks, jobs, lambda _index, result: on_result(result), lost)


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
    import dask

    # Dask's own chatter (and the workers' complaints while the cluster shuts down) stays quiet.
    # A worker is sent one task at a time (saturation 1.0; Dask's default queues a second one on
    # it), so that a worker that dies was running only the group of documents it is blamed for.
    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}), \
            LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                         silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
        _run_on(client, as_completed, tasks, on_result)


def _run_on(client, as_completed, tasks: Sequence[DocumentTask], on_result: OnResult) -> None:
    chunks = _chunks(tasks, sum(client.nthreads().values()))
    futures = client.map(build_documents, chunks, pure=False)
    chunk_of = {future.key: chunk for future, chunk in zip(futures, chunks)}
    pending = as_completed(futures)
    try:
        for future in pending:
            chunk = chunk_of.pop(future.key)
            try:
                results = future.result()
            except Exception as exc:  # the workers died (KilledWorker) or the task could not run there
                if len(chunk) > 1:  # each document alone: only the one that kills its worker fails
                    for task in chunk:
                        alone = client.submit(build_documents, [task], pure=False)
                        chunk_of[alone.key] = [task]
                        futures.append(alone)
                        pending.add(alone)
                    continue
                died = type(exc).__name__ == "KilledWorker"
                results = [lost(chunk[0], f"failed on the Dask cluster: {type(exc).__name__}: {exc}",
                                WORKER_DIED if died else "dask-error")]
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
    jobs = jobs or pool.available_cpus()
    if executor == "dask":
        run_dask(tasks, on_result, jobs, scheduler)
    else:
        run_local(tasks, on_result, jobs)
