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
    interrupt (Ctrl-C, SIGTERM) into one line and exit 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with sigterm_interrupts():
                return func(*args, **kwargs)
        except TeikitError as exc:
            emit([exc.diagnostic])
            sys.exit(int(exc.exit_code))
        except Terminated:
            click.echo("teikit: terminated (SIGTERM)", err=True)
            sys.exit(int(ExitCode.FAILED))
        except KeyboardInterrupt:
            click.echo("teikit: interrupted", err=True)
            sys.exit(int(ExitCode.FAILED))

    return wrapper
