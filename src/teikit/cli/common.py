"""What every subcommand shares: reporting diagnostics and deciding the exit code."""

from __future__ import annotations

import functools
import sys
from typing import Callable, Iterable

import click

from teikit.errors import Diagnostic, ExitCode, TeikitError


def emit(diagnostics: Iterable[Diagnostic]) -> None:
    """Print diagnostics on stderr, one per line, in the project's one form."""
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=True)


def reports_errors(func: Callable) -> Callable:
    """Turn a TeikitError escaping a command into one diagnostic line and its exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except TeikitError as exc:
            emit([exc.diagnostic])
            sys.exit(int(exc.exit_code))
        except KeyboardInterrupt:
            click.echo("teikit: interrupted", err=True)
            sys.exit(int(ExitCode.FAILED))

    return wrapper
