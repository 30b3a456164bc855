"""Where teikit's own data lives: schemas, stylesheets, default authority lists.

In a wheel they are packaged under ``teikit/_data``; in a source checkout (editable
install, tests) they are read from the repository root, where editors change them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "_data"
_CHECKOUT = Path(__file__).resolve().parents[2]

# packaged name -> folder at the repository root
_ROOT_FOLDERS = {"schema": "schema", "xslt": "xslt", "authority": "authority"}


@lru_cache(maxsize=None)
def data_dir(kind: str) -> Path:
    """The folder holding teikit's ``schema``, ``xslt`` or ``authority`` data."""
    if kind not in _ROOT_FOLDERS:
        raise KeyError(kind)
    packaged = _PACKAGED / kind
    if packaged.is_dir():
        return packaged
    return _CHECKOUT / _ROOT_FOLDERS[kind]


def data_file(kind: str, relative: str) -> Path:
    return data_dir(kind) / relative
