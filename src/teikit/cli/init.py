"""``teikit init [DIR]``: a new project to fill with one's own texts."""

from __future__ import annotations

from pathlib import Path

import click

from teikit.cli.common import reports_errors
from teikit.errors import Diagnostic, UsageError

STARTER = Path(__file__).resolve().parents[1] / "starter"
# what init writes, relative to DIR (the same paths under teikit/starter)
FILES = ("teikit.toml", "texts/example.txt", "texts/example.edits.toml")


@click.command("init")
@click.argument("directory", default=".", metavar="[DIR]")
@reports_errors
def init(directory: str) -> None:
    """Start a project in DIR (default: here): a commented teikit.toml, texts/example.txt and its
    editor's file texts/example.edits.toml. Existing files are never overwritten.

    Then: put your texts in texts/ (plain text, one NAME.txt a work) and run `teikit build`.
    """
    root = Path(directory)
    if root.exists() and not root.is_dir():
        raise UsageError(Diagnostic(directory, "is a file, not a folder"))
    existing = [name for name in FILES if (root / name).exists() or (root / name).is_symlink()]
    if existing:
        raise UsageError(Diagnostic(str(root / existing[0]), "exists already: teikit init writes no file over "
                                                              "another (" + ", ".join(existing) + ")"))
    for name in FILES:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as fh:  # x: never over a file made meanwhile
            fh.write((STARTER / name).read_bytes())
    shown = "" if directory in (".", "./") else f"cd {directory} && "
    click.echo(f"teikit init: wrote {', '.join(str(root / name) for name in FILES)}\n"
               f"Next: put your texts in {root / 'texts'} (NAME.txt, plain text) and run: {shown}teikit build")
