"""What a build works on: the project's folders, authority lists and schemas.

From ``[tool.teikit]`` in pyproject.toml or teikit.toml (``teikit.config``), command-line options
over both. Paths in settings are relative to the project root; paths on the command line to the
working directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from teikit.cli.authority_option import authority_paths
from teikit.config import Settings, load_settings
from teikit.errors import Diagnostic, UsageError
from teikit.validate.schemas import SchemaRef, from_option

DEFAULTS = {"texts": "texts", "tei": "tei", "site": "site", "schema": "teikit"}
STATE_FILE = ".teikit-state.json"  # beside the configuration, in the project root
TEXT_GLOB = "*.txt"


@dataclass(frozen=True)
class BuildSettings:
    root: Path
    texts: Path
    tei: Path
    site: Path
    authority: tuple[Path, ...]
    schema_names: tuple[str, ...]  # as configured: "teikit", "tei_all" or schema files
    schemas: tuple[SchemaRef, ...]  # what each document is validated against
    state_file: Path

    def sources(self) -> list[Path]:
        """The project's texts, in name order."""
        return sorted(self.texts.glob(TEXT_GLOB))


def _schema_names(settings: Settings) -> tuple[str, ...]:
    value = settings.get("schema", DEFAULTS["schema"])
    names = value if isinstance(value, list) else [value]
    if not names or not all(isinstance(n, str) and n for n in names):
        raise UsageError(Diagnostic(", ".join(map(str, settings.sources)) or "schema",
                                    "'schema' must be a schema name (teikit, tei_all) or file, or a list of them"))
    return tuple(names)


def _schemas(names: Sequence[str], settings: Settings) -> tuple[SchemaRef, ...]:
    refs: list[SchemaRef] = []
    for name in names:
        # schema files named in the settings are relative to the project root
        path = Path(os.path.expanduser(name))
        value = name if name in ("teikit", "tei_all") or path.is_absolute() else str(settings.root / path)
        refs.extend(r for r in from_option(value, settings) if r not in refs)
    return tuple(refs)


def resolve(config: Path | None = None, authority: Sequence[Path] = ()) -> BuildSettings:
    """The build's settings; a missing folder or schema is a usage error."""
    settings = load_settings(config)
    texts = settings.path("texts", DEFAULTS["texts"])
    if not texts.is_dir():
        raise UsageError(Diagnostic(str(texts), "no texts folder: set 'texts' in teikit.toml or [tool.teikit]"))
    names = _schema_names(settings)
    return BuildSettings(
        root=settings.root,
        texts=texts,
        tei=settings.path("tei", DEFAULTS["tei"]),
        site=settings.path("site", DEFAULTS["site"]),
        authority=tuple(authority_paths(authority, settings)),
        schema_names=names,
        schemas=_schemas(names, settings),
        state_file=settings.root / STATE_FILE,
    )
