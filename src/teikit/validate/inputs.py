"""The files a ``validate`` command line names: files, directories (``*.xml`` below them,
hidden folders skipped) and glob patterns (``**`` included)."""

from __future__ import annotations

import glob
import os
from typing import Collection

from teikit.errors import Diagnostic

STDIN = "-"
_GLOB_CHARS = set("*?[")


def _xml_files_under(folder: str, skip: frozenset[str] = frozenset()) -> list[str]:
    found = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.realpath(os.path.join(current, d)) not in skip)
        found.extend(os.path.join(current, f) for f in sorted(files)
                     if f.lower().endswith(".xml") and not f.startswith("."))
    return found


def expand(paths: list[str], skip: Collection[str] = ()) -> tuple[list[str], list[Diagnostic]]:
    """The files to validate, in the order given, and an error for each argument naming none.
    Folders in ``skip`` (the project's authority lists) are not searched below a folder named,
    but are when named themselves."""
    skip = frozenset(os.path.realpath(folder) for folder in skip)
    files: list[str] = []
    problems: list[Diagnostic] = []
    for arg in paths:
        if arg == STDIN:
            found = [STDIN]
        elif _GLOB_CHARS & set(arg) and not os.path.exists(arg):
            found = []
            for match in sorted(glob.glob(arg, recursive=True)):
                found.extend(_xml_files_under(match, skip) if os.path.isdir(match) else [match])
            if not found:
                problems.append(Diagnostic(arg, "no files match this pattern", engine="validate",
                                           code="no-input"))
        elif os.path.isdir(arg):
            found = _xml_files_under(arg, skip)
            if not found:
                problems.append(Diagnostic(arg, "no *.xml files in this folder", engine="validate",
                                           code="no-input"))
        else:
            found = [arg]  # a missing file is reported when it is read
        files.extend(found)
    unique = list(dict.fromkeys(files))
    return unique, problems
