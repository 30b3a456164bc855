"""Safe XML parsing and atomic file output, shared by every command.

Parsing never loads a DTD, never expands an entity and never touches the network: an
external entity cannot leak a local file, and a document that declares entities (the shape
of an entity bomb) is refused before anything is expanded. Outputs are written to a
temporary file beside the target and renamed into place, so a failure or an interrupt never
leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path
from typing import Iterator

from lxml import etree

from teikit.errors import Diagnostic, InputError

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_TRAILING_POSITION = re.compile(r",\s*line \d+, column \d+\s*$")
_ENTITY_DECL = re.compile(rb"<!ENTITY\s", re.IGNORECASE)


def safe_parser(**overrides) -> etree.XMLParser:
    """A parser that loads no DTD, resolves no entity and fetches nothing."""
    options = dict(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
        strip_cdata=False,
        recover=False,
    )
    options.update(overrides)
    return etree.XMLParser(**options)


def _refuse_entities(name: str, tree: etree._ElementTree) -> None:
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    entities = list(dtd.iterentities())
    if entities:
        kinds = "external" if any(e.system_url or e.content is None for e in entities) else "internal"
        raise InputError(Diagnostic(
            name, f"document declares {len(entities)} {kinds} entit{'y' if len(entities) == 1 else 'ies'} "
                  f"('{entities[0].name}'): entity declarations are refused (never expanded or fetched)",
            line=1, engine="xml"))


def parse_bytes(name: str, data: bytes, *, parser: etree.XMLParser | None = None) -> etree._ElementTree:
    """Parse XML bytes safely; malformed input raises InputError with line and column."""
    if not data.strip():
        raise InputError.at(name, "empty file: no XML document", engine="xml")
    # Refuse entity declarations before libxml2 sees a bomb's internal subset at all.
    doctype = _DOCTYPE.search(data, 0, 65536)
    if doctype and _ENTITY_DECL.search(data, doctype.start()):
        line = data.count(b"\n", 0, doctype.start()) + 1
        raise InputError(Diagnostic(name, "document declares entities in its DOCTYPE: entity declarations "
                                          "are refused (never expanded or fetched)", line=line, engine="xml"))
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser or safe_parser(), base_url=None))
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (None, None)
        # libxml2 repeats the position at the end of its message; the diagnostic has it already.
        message = _TRAILING_POSITION.sub("", exc.msg or str(exc))
        # libxml2 reports duplicate IDs as a syntax error; keep its wording but make it ours.
        raise InputError(Diagnostic(name, f"not well-formed XML: {message}", line=line,
                                    column=col, engine="xml")) from None
    _refuse_entities(name, tree)
    # With an external DTD named (never loaded), libxml2 keeps references to entities it
    # cannot know as nodes: refuse them rather than let them reach another processor.
    for entity in tree.iter(etree.Entity):
        raise InputError(Diagnostic(
            name, f"reference to entity '&{entity.name};' that no loaded DTD declares "
                  "(teikit loads no DTD and expands no entity)",
            line=entity.sourceline, engine="xml", code="xml-undeclared-entity"))
    return tree


def parse_file(path: str | os.PathLike) -> etree._ElementTree:
    """Parse an XML file safely (see parse_bytes); missing files and directories are errors."""
    from teikit.textio import read_bytes

    name = os.fspath(path)
    return parse_bytes(name, read_bytes(name))


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike, mode: str = "wb") -> Iterator:
    """Open a temporary file beside ``path``; rename it into place only if the block succeeds."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": "\n"})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | os.PathLike, data: bytes | str) -> None:
    """Write all of ``data`` to ``path`` atomically."""
    with atomic_writer(path, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
