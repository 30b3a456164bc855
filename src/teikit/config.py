"""Project configuration: ``[tool.teikit]`` in pyproject.toml and top-level keys in teikit.toml.

Both files are looked for from the working directory upwards; the nearest folder holding
either is the project root. Keys in teikit.toml win over those in pyproject.toml; command-line
options win over both (each command applies that itself). Relative paths in the configuration
are relative to the file they appear in: :meth:`Config.path` resolves them.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from teikit.errors import Diagnostic, UsageError

TEIKIT_TOML = "teikit.toml"
PYPROJECT = "pyproject.toml"


@dataclass
class Config:
    """Merged settings, and for each key the file it came from."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    root: Path | None = None  # the folder the configuration was found in

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def path(self, key: str) -> Path | None:
        """A path-valued setting, resolved against the folder of the file that set it."""
        value = self.values.get(key)
        if value is None:
            return None
        path = Path(os.path.expanduser(str(value)))
        source = self.sources.get(key)
        return path if path.is_absolute() or source is None else source.parent / path


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(Diagnostic(str(path), f"invalid TOML: {exc}", engine="config")) from None
    except OSError as exc:
        raise UsageError(Diagnostic(str(path), f"cannot read: {exc.strerror or exc}", engine="config")) from None


def find_root(start: str | os.PathLike | None = None) -> Path | None:
    """The nearest folder, from ``start`` (default: the working directory) upwards, with a
    teikit.toml or a pyproject.toml that has a ``[tool.teikit]`` table."""
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / TEIKIT_TOML).is_file():
            return folder
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and "teikit" in _read(pyproject).get("tool", {}):
            return folder
    return None


def load(start: str | os.PathLike | None = None) -> Config:
    """The configuration of the project around ``start`` (empty when there is none)."""
    root = find_root(start)
    config = Config(root=root)
    if root is None:
        return config
    pyproject = root / PYPROJECT
    if pyproject.is_file():
        table = _read(pyproject).get("tool", {}).get("teikit", {})
        config.values.update(table)
        config.sources.update({k: pyproject for k in table})
    teikit_toml = root / TEIKIT_TOML
    if teikit_toml.is_file():
        table = _read(teikit_toml)
        config.values.update(table)
        config.sources.update({k: teikit_toml for k in table})
    return config
