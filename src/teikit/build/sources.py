"""What a build starts from, per document: a plain text to convert (``source = "texts"``, the
default), or a TEI document of an existing edition (``source = "tei"``), which the build
validates and publishes and never writes, moves or deletes.

For converted texts, every document is checked against the project's schemas. An edition's
documents are checked against what the settings name when they name a schema; else each against
the schemas its own ``<?xml-model?>`` instructions name (read, never fetched: the TEI
Consortium's address of tei_all is teikit's local tei_all), and against tei_all when it names
none that can be used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from teikit.errors import Diagnostic
from teikit.project import Project
from teikit.validate.schemas import SchemaRef

SCHEMA_SUFFIXES = (".xsd", ".rng", ".sch", ".isosch", ".schematron", ".xsl")


@dataclass(frozen=True)
class Source:
    """One document's input: the file, the schemas it is checked against, and the warnings found
    while choosing them (an ``<?xml-model?>`` naming a URL teikit does not fetch)."""

    path: Path
    schemas: tuple[SchemaRef, ...]
    notes: tuple[Diagnostic, ...] = ()

    @property
    def name(self) -> str:
        return self.path.stem


def sources(project: Project) -> list[Source]:
    """Every document of the project, in name order (no texts or tei folder: a usage error)."""
    if project.source == "tei":
        return [edition_source(project, path) for path in project.tei_files()]
    return [Source(path, project.schemas) for path in project.text_files()]


def edition_source(project: Project, path: Path) -> Source:
    """An edition's document and its schemas: the configured ones, else its <?xml-model?>'s, else tei_all."""
    if project.schema_configured:
        return Source(path, project.schemas)
    from teikit.validate.schemas import prolog_instructions, schemas_named

    refs, notes = schemas_named(str(path), prolog_instructions(str(path)), tei_all=project.tei_all)
    if not refs:
        refs = project.schema_option(["tei_all"])
        notes = [replace(note, message=_build_hint(note.message) + "; checked against tei_all") for note in notes]
    return Source(path, tuple(refs), tuple(notes))


def _build_hint(message: str) -> str:
    """Validation's advice (``--schema``) in the words of a build's settings."""
    return message.replace("(pass --schema with a local copy)", "(set 'schema' in teikit.toml to a local copy)")


def schema_files(refs: tuple[SchemaRef, ...] | list[SchemaRef]) -> list[Path]:
    """The files a build's verdict depends on: each schema, and the schema files beside it (the
    modules it may include)."""
    found: list[Path] = []
    for ref in refs:
        path = Path(ref.path)
        found += [path, *sorted(p for p in path.parent.iterdir() if p.suffix in SCHEMA_SUFFIXES)]
    return list(dict.fromkeys(found))


def image_base(project: Project) -> str:
    """How a page in the site reaches the images an edition's TEI names by relative address
    (``../tei/``): the site links to them where they are, never copies or moves them."""
    relative = Path(os.path.relpath(project.tei.resolve(), project.site.resolve())).as_posix()
    return "" if relative == "." else relative.rstrip("/") + "/"
