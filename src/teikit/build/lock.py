"""One build at a time in a project: a second ``teikit build`` started while one runs would
remove, write and record the same files (a text removed between their starts would keep its
TEI and pages for good).

The lock is an operating-system file lock (filelock) on ``.teikit-state.json.lock`` beside the
state file: the system releases it when its process ends, however it ends, so a lock left by a
killed build is never in the way. Who holds it is written to ``.teikit-state.json.holder``
(process id, host, start time): a second build names that process, and a holder file found
on taking the lock tells of a build that did not finish (killed), which this build takes over.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from pathlib import Path
from typing import Callable, Iterator

from teikit.errors import Diagnostic, Severity, UsageError


def _holder(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _describe(holder: dict) -> str:
    if not holder.get("pid"):
        return "another process"
    where = f" on {holder['host']}" if holder.get("host") and holder["host"] != socket.gethostname() else ""
    since = f", started {holder['started']}" if holder.get("started") else ""
    return f"process {holder['pid']}{where}{since}"


@contextlib.contextmanager
def build_lock(state_file: Path, warn: Callable[[Diagnostic], None] = lambda d: None) -> Iterator[None]:
    """Hold the project's build lock for the block; a build already running is a usage error
    (exit 2) that names its process."""
    from filelock import FileLock, Timeout

    lock_path = state_file.with_name(state_file.name + ".lock")
    holder_path = state_file.with_name(state_file.name + ".holder")
    lock = FileLock(str(lock_path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise UsageError(Diagnostic(str(state_file.parent), f"another teikit build is running in this project "
                                                            f"({_describe(_holder(holder_path))}): wait for it "
                                                            "to finish, or stop it")) from None
    try:
        left = _holder(holder_path)
        if left:
            warn(Diagnostic(str(state_file.parent), f"the build of {_describe(left)} did not finish (killed?): "
                                                    "taking over its lock; what it finished is kept",
                            severity=Severity.WARNING, engine="build"))
        holder_path.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                           "started": time.strftime("%Y-%m-%d %H:%M:%S")}) + "\n",
                               encoding="utf-8")
        try:
            yield
        finally:
            holder_path.unlink(missing_ok=True)
    finally:
        lock.release()
