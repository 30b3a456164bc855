"""The ``teikit`` command line: one click group, subcommands loaded on first use.

Each subcommand lives in its own module under ``teikit.cli`` and is imported only when it
runs, so ``teikit convert`` never pays for saxonche or xmlschema.
"""

from __future__ import annotations

import contextlib
import importlib
import sys

import click

from teikit import __version__
from teikit.errors import ExitCode

# command name -> "module:function" (module relative to teikit.cli)
COMMANDS = {
    "convert": "convert:convert",
    "build": "build:build",
    "review": "review:review",
    "html": "html:html",
    "init": "init:init",
    "text": "text:text",
    "validate": "validate:validate",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(f"teikit.cli.{module}"), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teikit")
def cli():
    """teikit: plain text to TEI P5, TEI validation and XSLT publishing.

    Exit codes: 0 success, 1 invalid input or failed step, 2 usage error.
    """


# click >= 8.2 raises this for a group run with no command (older versions print the help themselves)
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


def main() -> None:
    """Run the command line; a usage error prints the usage, then one diagnostic in the project's
    form ("teikit convert: error: No such option '--bogus'") and exits 2."""
    try:
        code = cli.main(prog_name="teikit", standalone_mode=False)
    except _NO_ARGS_IS_HELP as exc:  # "teikit" alone: the help, as a usage error
        click.echo(exc.format_message(), err=True)
        sys.exit(int(ExitCode.USAGE))
    except click.UsageError as exc:
        if exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
            click.echo(f"Try '{exc.ctx.command_path} --help' for help.", err=True)
        where = exc.ctx.command_path if exc.ctx is not None else "teikit"
        click.echo(f"{where}: error: {exc.format_message()}", err=True)
        sys.exit(int(ExitCode.USAGE))
    except click.ClickException as exc:  # a bad file named on the command line, and the like
        click.echo(f"teikit: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("teikit: interrupted", err=True)
        sys.exit(int(ExitCode.FAILED))
    except OSError as exc:  # writing to standard output failed (a full disk, a closed pipe)
        _stdout_failed(exc)
    try:
        sys.stdout.flush()
    except OSError as exc:
        _stdout_failed(exc)
    sys.exit(code if isinstance(code, int) else 0)


def _stdout_failed(exc: OSError) -> None:
    """One line for an output that could not be written, never a traceback; standard output is
    then pointed at the null device so that Python's own flush at exit does not fail again."""
    import errno
    import os

    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if exc.errno != errno.EPIPE:  # a reader that went away (| head) is no error of teikit's
        where = exc.filename or "<stdout>"
        click.echo(f"{where}: error: {exc.strerror or exc}", err=True)
    sys.exit(int(ExitCode.FAILED))
