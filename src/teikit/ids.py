"""Deterministic ``xml:id``s: from the document's name and structural position only.

Ids are unique across the files of one run because each starts with the document's own
prefix (its file stem, made into an NCName).
"""

from __future__ import annotations

import re
import unicodedata

_NOT_NAME = re.compile(r"[^\w.-]+", re.ASCII)


def ncname(text: str) -> str:
    """``text`` as an NCName: ASCII letters, digits, '_', '-', '.'; never starting with a
    digit, '-' or '.'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    name = _NOT_NAME.sub("_", ascii_text).strip("_") or "doc"
    if not (name[0].isalpha() or name[0] == "_"):
        name = "d" + name
    return name


def slug(text: str, limit: int = 40) -> str:
    """A short lower-case id fragment from a name ('Leon Trotsky' -> 'leon-trotsky')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-") or "x"


def work_id(prefix: str, index: int, count: int) -> str:
    """The ``TEI`` element's id: the document prefix alone, or with the work number in a corpus."""
    return prefix if count == 1 else f"{prefix}-w{index + 1}"
