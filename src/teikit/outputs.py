"""Where a command's output goes when the user names it (``-o``, ``--report``, ``--trace``).

Every command treats the path the same way:

- ``-`` is standard output;
- a regular file (or nothing yet) is written atomically (teikit.xmlio.atomic_writer): a
  symbolic link stays a link and its target is replaced; a device or FIFO (``/dev/null``, a
  named pipe) is written to directly, never replaced by a file;
- a directory where a file is expected, a missing parent folder or a parent that is a file is
  a one-line usage error before any work is done: teikit makes no folders silently. The one
  exception is an output *directory* (``-o DIR/``, or ``-o DIR`` with several inputs), which
  is made with its parents, as ``mkdir -p`` would;
- a failure while writing (a full disk, no permission) is a one-line error, exit 1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from teikit.errors import Diagnostic, TeikitError, UsageError

STDOUT = "-"


class OutputError(TeikitError):
    """An output could not be written (exit 1)."""


def is_stdout(path: str | os.PathLike | None) -> bool:
    return path is not None and os.fspath(path) == STDOUT


def names_directory(path: str | os.PathLike) -> bool:
    """``-o DIR/``: the user said a directory (a trailing slash), or one is there."""
    text = os.fspath(path)
    return text.endswith(("/", os.sep)) or os.path.isdir(text)


def check_file(path: str | os.PathLike, option: str = "-o") -> None:
    """Refuse a path that cannot take a file (see the module docstring), before any work."""
    if is_stdout(path):
        return
    text = os.fspath(path)
    target = os.path.realpath(text)
    if os.path.isdir(target):
        raise UsageError(Diagnostic(text, f"{option}: is a directory, not a file"))
    parent = os.path.dirname(target) or "."
    if not os.path.exists(parent):
        raise UsageError(Diagnostic(text, f"{option}: no such folder: {_shown_parent(text)} "
                                          "(teikit makes no folders for an output file: create it first)"))
    if not os.path.isdir(parent):
        raise UsageError(Diagnostic(text, f"{option}: {_shown_parent(text)} is not a folder"))


def _shown_parent(text: str) -> str:
    parent = os.path.dirname(text.rstrip("/" + os.sep))
    return parent or "."


def make_directory(path: str | os.PathLike, option: str = "-o") -> Path:
    """The output directory for several outputs, made with its parents when missing."""
    directory = Path(path)
    if directory.exists() and not directory.is_dir():
        raise UsageError(Diagnostic(os.fspath(path), f"{option}: is a file: several outputs need a directory"))
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(Diagnostic(os.fspath(path), f"{option}: cannot make the directory: "
                                                     f"{_reason(exc)}")) from None
    return directory


def write_output(path: str | os.PathLike, data: bytes | str) -> None:
    """Write ``data`` to the output ``path`` (``-``: standard output); see the module docstring."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if is_stdout(path):
        write_stdout(payload)
        return
    from teikit.xmlio import write_atomic

    check_file(path)
    try:
        write_atomic(path, payload, make_parents=False)
    except OSError as exc:
        raise OutputError(Diagnostic(os.fspath(path), f"cannot write: {_reason(exc)}")) from None


def write_stdout(data: bytes | str) -> None:
    """Write to standard output, a full disk or a closed pipe being a one-line error."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise  # the reader went away (| head): the command line ends quietly
    except OSError as exc:
        raise OutputError(Diagnostic("<stdout>", f"cannot write: {_reason(exc)}")) from None


def _reason(exc: OSError) -> str:
    if exc.errno is not None and exc.strerror:
        return exc.strerror
    return os.strerror(exc.errno) if exc.errno else str(exc) or type(exc).__name__

