"""Every command answers --help (and -h): exit 0, its usage and description on stdout, every one
of its options described, nothing on stderr. Parametrised over the command table, so a new
command gets its test by being registered."""

from __future__ import annotations

import click
import pytest

from helpers import run_teikit
from teikit.cli import COMMANDS, cli


def test_the_group_lists_every_command():
    result = run_teikit("--help")
    assert result.returncode == 0 and result.stderr == b""
    out = result.stdout.decode()
    assert out.startswith("Usage: teikit [OPTIONS] COMMAND")
    listed = out.split("Commands:", 1)[1].split()
    for name in COMMANDS:
        assert name in listed, name


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_command_help(name, flag):
    result = run_teikit(name, flag)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    out = result.stdout.decode()
    assert out.startswith(f"Usage: teikit {name} ")
    command = cli.get_command(click.Context(cli), name)
    summary = " ".join((command.help or "").split(".")[0].split())
    assert summary and summary in " ".join(out.split()), "the command says what it does"
    for param in command.params:
        if isinstance(param, click.Option):
            assert max(param.opts, key=len) in out, f"{name}: {param.name} is not listed"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_says_what_it_does(name):
    command = cli.get_command(click.Context(cli), name)
    undescribed = [p.name for p in command.params if isinstance(p, click.Option) and not p.help]
    assert undescribed == []
