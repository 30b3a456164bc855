"""Project settings: ``[tool.teikit]`` in pyproject.toml or top-level keys in teikit.toml.

The nearest folder (from the working directory upwards) holding either file is the project
root; teikit.toml wins over pyproject.toml, and command-line options win over both. Relative
paths in settings are relative to the file that states them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from teikit.errors import UsageError


@dataclass
class Settings:
    """Merged settings and where they came from."""

    root: Path  # the project root (where the configuration lives, or the working directory)
    values: dict[str, Any] = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def path(self, key: str, default: str | None = None) -> Path | None:
        """A path setting, resolved against the project root."""
        value = self.values.get(key, default)
        if value is None:
            return None
        path = Path(os.path.expanduser(str(value)))
        return path if path.is_absolute() else self.root / path

    def paths(self, key: str) -> list[Path]:
        """A setting holding one path or a list of paths, resolved against the project root."""
        value = self.values.get(key)
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        return [p if p.is_absolute() else self.root / p for p in (Path(os.path.expanduser(str(v))) for v in items)]


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError.at(str(path), f"invalid TOML: {exc}") from None
    except OSError as exc:
        raise UsageError.at(str(path), f"cannot read: {exc.strerror or exc}") from None


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` holding teikit.toml or a pyproject.toml
    with a [tool.teikit] table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "teikit.toml").is_file():
            return folder
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "teikit" in _read_toml(pyproject).get("tool", {}):
            return folder
    return None


def load_settings(config: str | os.PathLike | None = None, start: Path | None = None) -> Settings:
    """Settings from an explicit file (``--config``) or found from ``start`` upwards."""
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise UsageError.at(str(path), "configuration file not found")
        data = _read_toml(path)
        values = data.get("tool", {}).get("teikit", {}) if path.name == "pyproject.toml" else data
        return Settings(path.resolve().parent, dict(values), [path])
    root = find_root(start)
    if root is None:
        return Settings((start or Path.cwd()).resolve())
    values: dict[str, Any] = {}
    sources = []
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("teikit", {})
        if table:
            values.update(table)
            sources.append(pyproject)
    own = root / "teikit.toml"
    if own.is_file():
        values.update(_read_toml(own))
        sources.append(own)
    return Settings(root, values, sources)
