"""Running many items in worker processes: the one helper validate, publish and build use.

``run(func, items, jobs, on_result, lost)`` calls ``func(item)`` for every item, in up to
``jobs`` worker processes (in this process for one job or one item), and hands each result to
``on_result(index, result)`` as it arrives. A worker that dies (killed, out of memory, a crash
in native code) fails only the item it was working on: the items that were in flight with it
are run again one at a time in a fresh worker, so the one that kills its worker again is
known and gets ``lost(item, why)`` instead of a result; then the batch goes on in a renewed
pool. Every item gets exactly one result.

Workers are forked while this process has not loaded Saxon (forking is cheapest, and workers
inherit what the parent prepared, such as compiled schemas); saxonche's threads do not survive
a fork, so once Saxon is loaded workers start with forkserver or spawn. ``func`` and the items
must be picklable; each worker keeps its own caches (compiled stylesheets, schemas) for the
items it runs.

Workers die with their parent: a main process killed outright (SIGKILL, the out-of-memory
killer) leaves no worker running on for minutes with its memory (``_die_with_parent``).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence, TypeVar

from teikit.xmlio import remove_unfinished

Item = TypeVar("Item")
Result = TypeVar("Result")

# items queued per worker: enough to keep it busy, few enough that Ctrl-C stops soon and that a
# dead worker leaves few items to run again
QUEUED_PER_WORKER = 4
DIED = "a worker process died while working on it"
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies (Linux)
PARENT_POLL_SECONDS = 2.0  # elsewhere: how often a worker looks whether its parent is still there


def _die_with_parent() -> None:
    """Run in each worker as it starts: end it when its parent process dies. On Linux the kernel
    does it (PR_SET_PDEATHSIG: SIGKILL, since a worker has nothing to save: its files are written
    atomically); elsewhere a thread watches the parent's id. Workers started by a forkserver
    have it as their parent, and it exits when the main process dies. SIGTERM (which a pool
    sends its other workers when one dies) ends the worker at once, after it removes the
    temporary file of a write in progress (``_exit_on_sigterm``)."""
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            _watch_parent(parent)
    else:  # pragma: no cover - macOS, Windows
        _watch_parent(parent)
    if os.getppid() != parent:  # the parent died before the watch was set
        os._exit(1)


def _exit_on_sigterm(signum, frame):
    """End the worker at once, after removing the temporary files it was writing. Not through
    Python's exit (SystemExit): a broken pool terminates its other workers because its queues
    and their locks may be left held, and a worker unwinding through them can block for ever
    (the pool's shutdown then waits on it)."""
    remove_unfinished()
    os._exit(128 + signum)


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="teikit-parent-watch", daemon=True).start()


def _executor(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=start_context(), initializer=_die_with_parent)


def available_cpus() -> int:
    """The processors this process may run on (its affinity, where the system says)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def start_context():
    """fork while Saxon is not loaded here (on Linux: macOS's system libraries do not survive a
    fork either), else forkserver, or spawn where there is none."""
    methods = multiprocessing.get_all_start_methods()
    if "saxonche" not in sys.modules and "fork" in methods and sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run(func: Callable[[Item], Result], items: Sequence[Item], jobs: int,
        on_result: Callable[[int, Result], None], lost: Callable[[Item, str], Result]) -> None:
    """Run ``func`` on every item (see the module's docstring); an exception ``func`` raises
    stops the batch and is raised here, as Ctrl-C is."""
    if jobs <= 1 or len(items) <= 1:
        for index, item in enumerate(items):
            on_result(index, func(item))
        return
    todo = deque(range(len(items)))
    while todo:
        suspects = _run_parallel(func, items, todo, min(jobs, len(todo)), on_result)
        _run_alone(func, items, suspects, on_result, lost)


def _run_parallel(func, items, todo: deque, jobs: int, on_result) -> list[int]:
    """Run the items of ``todo`` (taken from it as they are submitted) until they are done or a
    worker dies; returns the items that were in flight when it died, in submission order."""
    running: dict[Future, int] = {}
    with _executor(jobs) as pool:
        try:
            while todo or running:
                while todo and len(running) < jobs * QUEUED_PER_WORKER:
                    future = pool.submit(func, items[todo[0]])  # (raises when a worker has died)
                    running[future] = todo.popleft()
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                broken = False
                for future in sorted(done, key=running.__getitem__):
                    if isinstance(future.exception(), BrokenProcessPool):  # a worker died
                        broken = True
                        continue
                    on_result(running.pop(future), future.result())
                if broken:
                    return sorted(running.values())
        except BrokenProcessPool:  # submitting, after a worker died
            return sorted(running.values())
        except BaseException:
            for future in running:
                future.cancel()
            raise
    return []


def _run_alone(func, items, suspects: list[int], on_result, lost) -> None:
    """Run each suspect by itself in one worker, renewed after each death: the item whose
    worker dies is lost, the others get their results."""
    queue = deque(suspects)
    while queue:
        with _executor(1) as pool:
            try:
                while queue:
                    index = queue[0]
                    result = pool.submit(func, items[index]).result()
                    queue.popleft()
                    on_result(index, result)
            except BrokenProcessPool:
                index = queue.popleft()
                on_result(index, lost(items[index], DIED))
