"""``--authority PATH`` (convert, build, review) and where authority lists come from.

The command line wins (each --authority is a TEI file or a folder of them); else the
configuration's ``authority = [...]`` (teikit.toml over [tool.teikit], paths relative to the
file that states them); else the project's ``tei/authority/`` when it exists. The lists
packaged with teikit (``teikit.resources.data_dir("authority")``) are its samples' lists:
they are used only when named, never by default outside the teikit project itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import click

from teikit.config import Settings, load_settings
from teikit.errors import Diagnostic, UsageError

DEFAULT_FOLDER = "authority"  # inside the project's tei folder


def authority_option(command):
    return click.option(
        "--authority", "authority", multiple=True, type=click.Path(path_type=Path),
        help="Authority list: a TEI file with listPerson/listPlace/listOrg, or a folder of them (repeatable). "
             "Default: 'authority' in the configuration, else tei/authority/ when it exists.")(command)


def authority_paths(given: Sequence[Path], settings: Settings | None = None) -> list[Path]:
    """The lists a conversion uses (see the module's docstring); a named list must exist."""
    if given:
        paths = list(given)
    else:
        settings = settings if settings is not None else load_settings()
        if "authority" not in settings.values:
            default = settings.path("tei", "tei") / DEFAULT_FOLDER
            return [default] if default.is_dir() else []
        paths = settings.paths("authority")
    for path in paths:
        if not path.exists():
            raise UsageError(Diagnostic(str(path), "authority list not found (--authority, or 'authority' in "
                                                   "teikit.toml / [tool.teikit])"))
    return paths
