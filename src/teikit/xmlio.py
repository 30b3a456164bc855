"""Safe XML parsing and atomic file output, shared by every command.

Parsing never loads a DTD, never expands an entity and never touches the network: an
external entity cannot leak a local file, and a document that declares entities (the shape
of an entity bomb) is refused before anything is expanded. Only a real DOCTYPE counts: text
that looks like one inside a comment or CDATA section is content, and is accepted as jing
accepts it.

Nesting is accepted to :data:`MAX_DEPTH` levels (libxml2's bound for large documents; Saxon is
given the same bound, see ``teikit.runtime.saxon``); deeper input is refused with a diagnostic
that says so. A duplicate ``xml:id`` does not stop parsing: it is a validity problem, which
:func:`duplicate_ids` finds for the commands that report it (validation as an error, naming the
id and both places). Outputs are written to a temporary file beside the target and renamed
into place, so a failure or an interrupt never leaves a half-written file; a device or a FIFO is
written to as it is, and a symbolic link stays a link (its target is replaced).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import re
import signal
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from lxml import etree

from teikit.errors import Diagnostic, InputError, Severity
from teikit.ns import TEI_EXAMPLES, XML_ID

# How deep elements may nest: libxml2's own bound with XML_PARSE_HUGE (it cannot be raised),
# far beyond what TEI needs (a few dozen levels) yet bounded, so that no consumer's recursion
# (Saxon's, a stylesheet's templates) is asked for more.
MAX_DEPTH = 2048

_TRAILING_POSITION = re.compile(r",\s*line \d+, column \d+\s*$")
_TOO_DEEP = re.compile(r"Excessive depth in document: (\d+)")
# inside an internal subset: what may hold "<!ENTITY" as text, and the declaration itself
_SUBSET_TOKENS = re.compile(r'"[^"]*"|\'[^\']*\'|<!--.*?-->|<\?.*?\?>|(?P<entity><!ENTITY\s)|(?P<end>\])'
                            r'|(?P<open>["\']|<!--|<\?)|[^"\'<\]]+|<', re.DOTALL)
_PROLOG_CHUNK = 1 << 16  # how much of a document to decode first, looking for its DOCTYPE
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def safe_parser(**overrides) -> etree.XMLParser:
    """A parser that loads no DTD, resolves no entity and fetches nothing.

    ``huge_tree`` lifts libxml2's limits made for untrusted entity expansion (256 levels of
    nesting, 10 MB text nodes), which teikit does not need since it expands no entity; nesting
    stays bounded by :data:`MAX_DEPTH`. (``collect_ids=False`` would spare libxml2 its ``xml:id``
    checks, but makes it load a DOCTYPE's external subset: see :func:`parse_bytes` instead.)"""
    options = dict(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=True,
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


def _prolog_text(data: bytes) -> str:
    """The document as text for finding its DOCTYPE: UTF-16 decoded; anything else read byte for
    byte (Latin-1), which keeps the ASCII markup of UTF-8 and the other encodings XML allows."""
    if data.startswith(_UTF16):
        return data.decode("utf-16", "replace")
    return data.decode("latin-1")


class _Incomplete(Exception):
    """The prolog goes on beyond the text read so far."""


def _doctype_entity(text: str, complete: bool = True) -> int | None:
    """The offset of an entity declaration in the document's internal subset, if any.

    Only the prolog is read (the XML declaration, comments, processing instructions and white
    space before the DOCTYPE), then the internal subset token by token: a "<!ENTITY" inside a
    comment, a quoted literal or anywhere after the DOCTYPE (a CDATA section, say) is text.
    ``text`` may be the beginning of the document only (``complete`` false): running out of it
    raises _Incomplete, and the caller reads more."""

    def exhausted() -> None:
        if not complete:
            raise _Incomplete
        return None  # malformed: the parser says where

    pos = 1 if text.startswith("\ufeff") else 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith("<?", pos):
            close = "?>"
        elif text.startswith("<!--", pos):
            close = "-->"
        else:
            break
        end = text.find(close, pos + 2)
        if end < 0:
            return exhausted()
        pos = end + len(close)
    if len(text) - pos < len("<!DOCTYPE") and not complete:
        raise _Incomplete
    if not text.startswith("<!DOCTYPE", pos):
        return None
    # up to the internal subset's "[" (quoted system and public ids may hold one), or the end ">"
    scan = pos + len("<!DOCTYPE")
    while scan < len(text):
        ch = text[scan]
        if ch in "\"'":
            close = text.find(ch, scan + 1)
            if close < 0:
                return exhausted()
            scan = close + 1
        elif ch == ">":
            return None
        elif ch == "[":
            break
        else:
            scan += 1
    else:
        return exhausted()
    for token in _SUBSET_TOKENS.finditer(text, scan + 1):
        if token.group("entity"):
            return token.start()
        if token.group("end"):
            return None
        if token.group("open"):  # a quote, comment or instruction that does not close here
            return exhausted()
    return exhausted()


def _declared_entity(data: bytes) -> tuple[str, int] | None:
    """(the prolog's text, the offset of an entity declaration in it), or None: read from the
    beginning of ``data``, as far as the prolog goes (a 50 MB document is not decoded whole)."""
    limit = _PROLOG_CHUNK
    while True:
        complete = limit >= len(data)
        text = _prolog_text(data if complete else data[:limit])
        try:
            offset = _doctype_entity(text, complete)
        except _Incomplete:
            limit *= 8
            continue
        return None if offset is None else (text, offset)


def _too_deep(name: str, message: str, line: int | None, column: int | None) -> InputError | None:
    if _TOO_DEEP.search(message) is None:
        return None
    return InputError(Diagnostic(
        name, f"element nested more than {MAX_DEPTH} levels deep: teikit reads XML {MAX_DEPTH} levels deep at "
              "most (a bound that keeps parsing, validation and stylesheets safe from runaway recursion); nest "
              "the markup less deeply from here on, or split the document", line=line, column=column,
        engine="xml", code="xml-too-deep"))


# what libxml2 reports about xml:id while parsing: validity, not well-formedness
_XML_ID_ERRORS = frozenset({"DTD_ID_REDEFINED", "DTD_XMLID_VALUE"})


def _only_xml_id_errors(error_log) -> bool:
    errors = [e for e in error_log if e.level_name in ("ERROR", "FATAL")]
    return bool(errors) and all(e.type_name in _XML_ID_ERRORS for e in errors)


def _prescan(name: str, data: bytes) -> None:
    """Refuse an empty document, and entity declarations before libxml2 sees a bomb's internal subset."""
    if not data.strip():
        raise InputError.at(name, "empty file: no XML document", engine="xml")
    declared = _declared_entity(data)
    if declared is not None:
        text, offset = declared
        line = text.count("\n", 0, offset) + 1
        raise InputError(Diagnostic(name, "document declares entities in its DOCTYPE: entity declarations "
                                          "are refused (never expanded or fetched)", line=line, engine="xml"))


def _syntax_error(name: str, exc: etree.XMLSyntaxError, error_log) -> InputError:
    line, col = exc.position if exc.position else (None, None)
    message = exc.msg or str(exc)
    # the first error that is not about xml:id is the one that makes the document malformed
    cause = next((e for e in error_log if e.level_name in ("ERROR", "FATAL") and e.type_name not in _XML_ID_ERRORS),
                 None)
    if cause is not None:
        line, col, message = cause.line, cause.column, cause.message
    # libxml2 repeats the position at the end of its message; the diagnostic has it already.
    message = _TRAILING_POSITION.sub("", message)
    return (_too_deep(name, message, line, col)
            or InputError(Diagnostic(name, f"not well-formed XML: {message}", line=line, column=col, engine="xml")))


def _undeclared_entity(name: str, entity) -> InputError:
    # With an external DTD named (never loaded), libxml2 keeps references to entities it
    # cannot know as nodes: refuse them rather than let them reach another processor.
    return InputError(Diagnostic(
        name, f"reference to entity '&{entity.name};' that no loaded DTD declares "
              "(teikit loads no DTD and expands no entity)",
        line=entity.sourceline, engine="xml", code="xml-undeclared-entity"))


def parse_bytes(name: str, data: bytes, *, parser: etree.XMLParser | None = None) -> etree._ElementTree:
    """Parse XML bytes safely; malformed input raises InputError with line and column."""
    _prescan(name, data)
    parser = parser or safe_parser()
    try:
        try:
            tree = etree.ElementTree(etree.fromstring(data, parser, base_url=None))
        except etree.XMLSyntaxError:
            if not _only_xml_id_errors(parser.error_log):
                raise
            # well-formed, with an xml:id libxml2 finds repeated or not an NCName: validity
            # problems the schema engines and duplicate_ids() report, so read it on regardless
            tree = etree.ElementTree(etree.fromstring(data, safe_parser(recover=True), base_url=None))
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(name, exc, parser.error_log) from None
    _refuse_entities(name, tree)
    for entity in tree.iter(etree.Entity):
        raise _undeclared_entity(name, entity)
    return tree


class Stream:
    """Read XML bytes safely, streaming: ``for event, node in Stream(name, data)`` gives the start
    and end of each element, and comments and processing instructions (before, inside and after
    the root), without keeping the tree: at the start of an element, its parent's children before
    it are gone but the one just before; once its end has been read, its children are gone. So a
    reader finds the text before a tag where it always is: at an element's start, the tail of the
    node just before it (or the parent's text); at its end, the tail of its last child (or its
    own text). After the loop, :attr:`root` is the root element, emptied, with the instructions
    before it. Problems raise InputError as :func:`parse_bytes` would."""

    def __init__(self, name: str, data: bytes):
        _prescan(name, data)
        self.name = name
        self.data = data
        self.root: etree._Element | None = None

    def __iter__(self) -> Iterator[tuple[str, etree._Element]]:
        context = etree.iterparse(io.BytesIO(self.data), events=("start", "end", "comment", "pi"),
                                  resolve_entities=False, load_dtd=False, dtd_validation=False, no_network=True,
                                  huge_tree=True, remove_blank_text=False, strip_cdata=False)
        entities = None  # whether references to undeclared entities can be there (an external DTD is named)
        try:
            for event, node in context:
                if event == "start":
                    if entities is None:
                        self.root = node
                        info = node.getroottree().docinfo
                        entities = bool(info.system_url or info.public_id)
                    previous = node.getprevious()
                    parent = node.getparent()
                    if previous is not None and parent is not None:
                        while previous.getprevious() is not None:
                            del parent[0]
                    yield event, node
                elif event == "end":
                    if entities:
                        for entity in node.iterchildren(etree.Entity):
                            raise _undeclared_entity(self.name, entity)
                    yield event, node
                    if len(node):
                        del node[:]
                else:
                    yield event, node
        except etree.XMLSyntaxError as exc:
            if not _only_xml_id_errors(context.error_log):
                raise _syntax_error(self.name, exc, context.error_log) from None
        if self.root is not None:
            if len(self.root):
                del self.root[:]
            _refuse_entities(self.name, self.root.getroottree())


# -- xml:id ------------------------------------------------------------------------------------------------

DUPLICATE_ID = "xml-duplicate-id"
Position = Callable[[etree._Element, str], "tuple[int | None, int | None]"]


@dataclass(frozen=True)
class DuplicateId:
    """A second element declaring an ``xml:id`` value an earlier element of the document declares."""

    value: str
    first: etree._Element
    again: etree._Element


def duplicate_ids(tree: etree._ElementTree) -> list[DuplicateId]:
    """Every repeated ``xml:id`` of the document, in document order.

    The markup quoted in a TEI example (inside ``egXML``) is the example's, not the document's:
    an id there may repeat one of the document's, or another example's (jing, with tei_all,
    gives it no ID type either)."""
    seen: dict[str, etree._Element] = {}
    found = []
    example = f"{{{TEI_EXAMPLES}}}egXML"
    for element in tree.iter(etree.Element):
        value = element.get(XML_ID)
        if value is None:
            continue
        value = value.strip()
        if next(element.iterancestors(example), None) is not None:
            continue
        first = seen.setdefault(value, element)
        if first is not element:
            found.append(DuplicateId(value, first, element))
    return found


def _sourceline(element: etree._Element, attribute: str) -> tuple[int | None, int | None]:
    return element.sourceline, None


def _place(position: tuple[int | None, int | None]) -> str:
    line, column = position
    if line is None:
        return "an earlier element"
    return f"line {line}" + (f", column {column}" if column is not None else "")


def duplicate_id_diagnostics(name: str, tree: etree._ElementTree, severity: Severity = Severity.ERROR,
                             position: Position = _sourceline) -> list[Diagnostic]:
    """A diagnostic for each repeated ``xml:id``, at the repetition, naming the id and both places
    (``position`` gives an element's line and column; by default its line only)."""
    return [duplicate_id_diagnostic(name, dup.value, position(dup.first, XML_ID), position(dup.again, XML_ID),
                                    severity)
            for dup in duplicate_ids(tree)]


def duplicate_id_diagnostic(name: str, value: str, first: tuple[int | None, int | None],
                            again: tuple[int | None, int | None], severity: Severity = Severity.ERROR) -> Diagnostic:
    """The diagnostic for an ``xml:id`` repeated at ``again`` (line, column), first declared at ``first``."""
    return Diagnostic(name, f'duplicate xml:id "{value}": first declared at {_place(first)}, '
                            f"again at {_place(again)} (an id must be unique in its document)",
                      Severity(severity), again[0], again[1], "xml", DUPLICATE_ID)


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
    tmp = None
    try:
        with _interrupts_held():  # the file made and registered as one step: no interrupt between
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            _UNFINISHED.add(tmp)
        with os.fdopen(fd, mode, **text_options) as fh:
            yield fh
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None else 0o644)
        os.replace(tmp, target)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    finally:
        _UNFINISHED.discard(tmp)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back until the block ends (then delivered, as an exception the
    caller's cleanup sees). Python raises a signal's exception between any two steps: one arriving
    after a temporary file was made and before the code that removes it on failure knew its name
    left a half file behind (seen once in a build stopped by SIGTERM)."""
    mask = getattr(signal, "pthread_sigmask", None)  # not on Windows: there, no such window to close
    if mask is None:
        yield
        return
    held = mask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, held)


# the temporary files this process is writing now: a process ended at once (a pool worker on
# SIGTERM) removes them first, since it runs none of the blocks above
_UNFINISHED: set[str] = set()


def remove_unfinished() -> None:
    """Remove the temporary files of writes in progress (see atomic_writer); for a process about
    to end without unwinding its stack."""
    for tmp in list(_UNFINISHED):
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def write_atomic(path: str | os.PathLike, data: bytes | str, durable: bool = True,
                 make_parents: bool = True) -> None:
    """Write all of ``data`` to ``path`` atomically (see atomic_writer)."""
    with atomic_writer(path, "wb", durable, make_parents) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
