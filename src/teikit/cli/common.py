"""What every subcommand shares: reporting diagnostics, deciding the exit code, and ending
cleanly on Ctrl-C or SIGTERM."""

from __future__ import annotations

import contextlib
import functools
import signal
import sys
import threading
from typing import Callable, Iterable, Iterator

import click

from teikit.errors import Diagnostic, ExitCode, TeikitError
from teikit.xmlio import remove_unfinished


def emit(diagnostics: Iterable[Diagnostic]) -> None:
    """Print diagnostics on stderr, one per line, in the project's one form."""
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=True)


class Terminated(KeyboardInterrupt):
    """SIGTERM (a timeout, a service manager, ``kill``), raised where the command is, so that it
    cleans up exactly as after Ctrl-C: temporary files removed, a build's progress recorded."""


def _terminate(signum, frame):
    raise Terminated()


@contextlib.contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """SIGTERM as an interrupt while the block runs (in the main thread only: signals go there)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def reports_errors(func: Callable) -> Callable:
    """Turn a TeikitError escaping a command into one diagnostic line and its exit code, and an
    interrupt (Ctrl-C, SIGTERM) into one line and exit 1. An interrupt also removes the temporary
    files of writes in progress: it can arrive inside the context manager's own exit, before the
    writer's cleanup runs (seen in CI: a '.part' file left by a build stopped with SIGTERM)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with sigterm_interrupts():
                return func(*args, **kwargs)
        except TeikitError as exc:
            emit([exc.diagnostic])
            sys.exit(int(exc.exit_code))
        except Terminated:
            remove_unfinished()
            click.echo("teikit: terminated (SIGTERM)", err=True)
            sys.exit(int(ExitCode.FAILED))
        except KeyboardInterrupt:
            remove_unfinished()
            click.echo("teikit: interrupted", err=True)
            sys.exit(int(ExitCode.FAILED))

    return wrapper


class Size(click.ParamType):
    """A size in bytes, with a unit or without: 500MB, 1.5G, 200k, 4096 (units in powers of 1000)."""

    name = "size"
    UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip().lower().replace(" ", "")
        number = text.rstrip("kmgb")
        unit = text[len(number):]
        try:
            size = float(number) * self.UNITS[unit]
        except (ValueError, KeyError):
            self.fail(f"{value!r} is not a size (500MB, 1.5GB, 200KB, or bytes)", param, ctx)
        if size <= 0:
            self.fail(f"{value!r}: a size must be more than 0", param, ctx)
        return int(size)


def max_size_option(func: Callable) -> Callable:
    """``--max-size SIZE``: larger inputs are refused (exit 1) before they are read."""
    from teikit.textio import DEFAULT_MAX_SIZE, size_text

    return click.option("--max-size", type=Size(), default=size_text(DEFAULT_MAX_SIZE).replace(" ", ""),
                        metavar="SIZE", show_default=True,
                        help="Refuse a larger input (exit 1) rather than run out of memory converting it.")(func)
