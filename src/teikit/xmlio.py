"""Safe XML parsing and atomic file output, shared by every command.

Parsing never loads a DTD, never expands an entity and never touches the network: an
external entity cannot leak a local file, and a document that declares entities (the shape
of an entity bomb) is refused before anything is expanded. Outputs are written to a
temporary file beside the target and renamed into place, so a failure or an interrupt never
leaves a half-written file; a device or a FIFO is written to as it is, and a symbolic link
stays a link (its target is replaced).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
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
def atomic_writer(path: str | os.PathLike, mode: str = "wb", durable: bool = True,
                  make_parents: bool = True) -> Iterator:
    """Open ``path`` for writing so that a failure or an interrupt never leaves a half-written file.

    What is at the path decides how: a regular file (or none) is written to a temporary file
    beside it, renamed into place only if the block succeeds, keeping the old file's permissions;
    a symbolic link keeps being a link, its target is replaced that way; a device or a FIFO
    (``/dev/null``, a named pipe, a terminal) is written to directly, never replaced by a file; a
    directory is an error (IsADirectoryError). ``make_parents``: make the missing folders above
    the file (for teikit's own files; a path the user names is checked by teikit.outputs).

    ``durable=False`` skips flushing the file to the disk before the rename: an interrupted
    process still leaves the old file or the new one, but a power cut may leave an empty file.
    For many generated files whose writer flushes them all at once afterwards (``os.sync``)."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    text_options = {} if "b" in mode else {"encoding": "utf-8", "newline": "\n"}
    try:
        info = target.stat()
    except (FileNotFoundError, NotADirectoryError):
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(target, mode, **text_options) as fh:  # a device, FIFO or socket: written as it is
            yield fh
        return
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, mode, **text_options) as fh:
            yield fh
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None else 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | os.PathLike, data: bytes | str, durable: bool = True,
                 make_parents: bool = True) -> None:
    """Write all of ``data`` to ``path`` atomically (see atomic_writer)."""
    with atomic_writer(path, "wb", durable, make_parents) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
