"""The ``teikit`` command line: one click group, subcommands loaded on first use.

Each subcommand lives in its own module under ``teikit.cli`` and is imported only when it
runs, so ``teikit convert`` never pays for saxonche or xmlschema.
"""

from __future__ import annotations

import importlib

import click

from teikit import __version__

# command name -> "module:function" (module relative to teikit.cli)
COMMANDS = {
    "convert": "convert:convert",
    "build": "build:build",
    "review": "review:review",
    "html": "html:html",
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


def main() -> None:
    cli(prog_name="teikit")
