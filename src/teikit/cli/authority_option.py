"""``--authority PATH`` (convert, build, review): the option, and the lists it gives a command.

Which lists a command uses is the project's to say (``teikit.project.Project.authority``: the
command line wins over the settings, which win over the register ``authority/``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import click

from teikit.project import Project


def authority_option(command):
    return click.option(
        "--authority", "authority", multiple=True, type=click.Path(path_type=Path),
        help="Authority list: a TEI file with listPerson/listPlace/listOrg, or a folder of them (repeatable). "
             "Default: 'authority' in the configuration, else the register authority/ "
             "(or an older tei/authority/).")(command)


def authority_paths(given: Sequence[Path]) -> list[Path]:
    """The lists a command run from the working directory uses (see Project.authority)."""
    return list(Project.load(authority=given).authority)
