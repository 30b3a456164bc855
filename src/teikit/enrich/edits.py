"""The editor's file: corrections, normalisations, notes and header fields for one text.

``texts/NAME.edits.toml`` beside ``texts/NAME.txt`` (or ``ConvertOptions.edits``) holds what a
person decided, as opposed to what teikit guessed (the format is documented in
docs/editors-file.md). Each entry is anchored to a phrase of the source text; an anchor that
matches nothing, or more than once without ``context`` or ``occurrence`` to say which, is an
error naming the editor's file, the line and the anchor. The source reading always stays:
a correction is ``choice/sic/corr``, a normalisation ``choice/orig/reg``, a note an added
``note`` (``@subtype='added'``), all pointing with ``@resp`` at the editor declared in the
header.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from teikit.errors import Diagnostic, InputError
from teikit.model import Block, Document, Insertion, Span, Supplied, iter_blocks
from teikit.weights.edition import EDITION

SUFFIX = ".edits.toml"
EDITOR_ROLE = "editorial corrections and notes"
# Entry kinds: table name -> (the key holding the edition's reading, TEI source/added tags).
ENTRY_KINDS = {"correction": ("corr", "sic", "corr"), "normalisation": ("reg", "orig", "reg"),
               "note": ("text", None, None)}
_ENTRY_KEYS = {"anchor", "context", "occurrence", "work", "note", "cert"}
CERTAINTIES = ("high", "medium", "low")
HEADER_KEYS = frozenset(f.name for f in dataclasses.fields(Supplied))
_TOP_KEYS = {"editor", "header", "work", *ENTRY_KINDS}
# Corrections wrap other markup over the same characters, and stay inside quotations.
CHOICE_PRIORITY = 40


@dataclass
class _Entry:
    kind: str
    data: dict[str, Any]
    line: int | None


def edits_file(source_path: str | None, explicit: Path | None) -> Path | None:
    """The editor's file for an input: the explicit one (which must exist), else
    NAME.edits.toml beside NAME.txt when there is one."""
    if explicit is not None:
        if not explicit.is_file():
            raise InputError.at(str(explicit), "editor's file not found")
        return explicit
    if not source_path or source_path == "-":
        return None
    source = Path(source_path)
    beside = source.with_name(source.stem + SUFFIX)
    return beside if beside.is_file() else None


class EditsFile:
    """A parsed editor's file, with the line of each entry for diagnostics."""

    def __init__(self, path: Path):
        self.path = path
        self.name = str(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError.at(self.name, f"cannot read the editor's file: {exc}") from None
        try:
            self.data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            match = re.search(r"line (\d+)", str(exc))
            raise InputError.at(self.name, f"invalid TOML: {exc}",
                                line=int(match.group(1)) if match else None) from None
        self.lines = raw.splitlines()
        self.entries = self._entries()

    def error(self, message: str, line: int | None = None) -> InputError:
        return InputError(Diagnostic(self.name, message, line=line, engine="edits"))

    def line_of(self, pattern: str, nth: int = 0, after: int = 0) -> int | None:
        found = 0
        for number, text in enumerate(self.lines[after:], start=after + 1):
            if re.match(pattern, text):
                if found == nth:
                    return number
                found += 1
        return None

    def _entries(self) -> list[_Entry]:
        for key in self.data:
            if key not in _TOP_KEYS:
                raise self.error(f"unknown table or key '{key}' (expected one of: {', '.join(sorted(_TOP_KEYS))})",
                                 self.line_of(rf"\s*\[*\s*{re.escape(key)}\b"))
        entries = []
        for kind, (reading, _, _) in ENTRY_KINDS.items():
            items = self.data.get(kind, [])
            if not isinstance(items, list):
                raise self.error(f"'{kind}' must be an array of tables ([[{kind}]])", self.line_of(rf"\s*\[*{kind}"))
            for nth, item in enumerate(items):
                header = self.line_of(rf"\s*\[\[\s*{kind}\s*\]\]", nth)
                line = self.line_of(r"\s*anchor\s*=", 0, header) if header else None
                entries.append(self._check(kind, reading, item, line or header))
        return entries

    def _check(self, kind: str, reading: str, item: Any, line: int | None) -> _Entry:
        if not isinstance(item, dict):
            raise self.error(f"each {kind} must be a table", line)
        unknown = set(item) - _ENTRY_KEYS - {reading}
        if unknown:
            raise self.error(f"{kind}: unknown key(s) {', '.join(sorted(unknown))}", line)
        for key in ("anchor", reading):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise self.error(f"{kind}: '{key}' must be a non-empty string", line)
        for key in ("occurrence", "work"):
            if key in item and (not isinstance(item[key], int) or item[key] < 1):
                raise self.error(f"{kind}: '{key}' must be a whole number from 1", line)
        if "cert" in item and (kind == "note" or item["cert"] not in CERTAINTIES):
            raise self.error(f"{kind}: 'cert' is one of {', '.join(CERTAINTIES)} (for corrections and "
                             f"normalisations)", line)
        if "context" in item and (not isinstance(item["context"], str) or item["anchor"] not in item["context"]):
            raise self.error(f"{kind}: 'context' must be a passage of the text containing the anchor "
                             f"“{item['anchor']}”", line)
        return _Entry(kind, item, line)


def _pattern(phrase: str) -> re.Pattern:
    """The phrase as written, any run of white space matching any other, whole words only."""
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    head = r"(?<!\w)" if phrase.strip()[:1].isalnum() else ""
    tail = r"(?!\w)" if phrase.strip()[-1:].isalnum() else ""
    return re.compile(head + body + tail)


class _Applier:
    def __init__(self, doc: Document, edits: EditsFile):
        self.doc = doc
        self.edits = edits
        self.editor = f"#{doc.name}-editor"

    def blocks(self, work: int | None) -> list[Block]:
        works = self.doc.works if work is None else self.doc.works[work - 1:work]
        return [b for w in works for part in (*w.front, *w.body, *w.back) for b in iter_blocks(part)]

    def locate(self, entry: _Entry) -> tuple[Block, int, int]:
        data = entry.data
        anchor = data["anchor"]
        work = data.get("work")
        if work is not None and work > len(self.doc.works):
            raise self.edits.error(f"work = {work}, but the text has {len(self.doc.works)} work(s)", entry.line)
        pattern = _pattern(anchor)
        if "context" in data:
            contexts = [(b, m) for b in self.blocks(work) for m in _pattern(data["context"]).finditer(b.text)]
            if len(contexts) != 1:
                raise self.edits.error(f"context “{data['context']}” of anchor “{anchor}” matches "
                                       f"{'nothing' if not contexts else f'{len(contexts)} times'} in the text",
                                       entry.line)
            block, context = contexts[0]
            found = [(block, m) for m in pattern.finditer(block.text, context.start(), context.end())]
        else:
            found = [(b, m) for b in self.blocks(work) for m in pattern.finditer(b.text)]
        if not found:
            raise self.edits.error(f"anchor “{anchor}” matches nothing in the text", entry.line)
        occurrence = data.get("occurrence")
        if occurrence is not None:
            if occurrence > len(found):
                raise self.edits.error(f"anchor “{anchor}”: occurrence {occurrence} asked, "
                                       f"but it matches {len(found)} time(s)", entry.line)
            found = [found[occurrence - 1]]
        elif len(found) > 1:
            raise self.edits.error(f"anchor “{anchor}” matches {len(found)} times: add 'context' (a longer "
                                   f"passage around it) or 'occurrence' (which match, from 1)", entry.line)
        block, match = found[0]
        return block, match.start(), match.end()

    def apply(self, entry: _Entry) -> None:
        block, start, end = self.locate(entry)
        reading, source_tag, added_tag = ENTRY_KINDS[entry.kind]
        note = entry.data.get("note")
        if entry.kind == "note":
            note = entry.data["text"]
        else:
            crossed = block.crossing(start, end)
            if crossed is not None:
                raise self.edits.error(f"anchor “{entry.data['anchor']}” crosses the text's <{crossed.tag}> "
                                       f"markup: choose an anchor inside it or around it", entry.line)
            evidence = EDITION.evidence()
            evidence.add(EDITION["editors-file"], file=self.edits.path.name, line=entry.line, kind=entry.kind)
            evidence.decide(added_tag, entry.data.get("cert"))
            block.add_span(Span(start, end, "choice", source_tag=source_tag, added_tag=added_tag,
                                added=entry.data[reading],
                                added_attrs={"resp": self.editor, "cert": entry.data.get("cert", "")},
                                priority=CHOICE_PRIORITY, evidence=evidence))
        if note:
            block.insertions.append(Insertion(end, "note", {
                "type": "editorial", "subtype": "added", "resp": self.editor}, note))


def apply_edits(doc: Document, edits_path: Path | None = None) -> None:
    """Apply the editor's file of ``doc`` (``edits_path``, else NAME.edits.toml beside it), if it has one."""
    path = edits_file(doc.source_path, edits_path)
    if path is None:
        return
    edits = EditsFile(path)
    header = edits.data.get("header", {})
    works = edits.data.get("work", {})
    _check_header(edits, header, "header")
    if not isinstance(works, dict):
        raise edits.error("'work' must be a table of tables ([work.1], [work.2], ...)", edits.line_of(r"\s*\[*work"))
    for key, fields in works.items():
        if not key.isdecimal() or not 1 <= int(key) <= len(doc.works):
            raise edits.error(f"[work.{key}]: the text has works 1 to {len(doc.works)}",
                              edits.line_of(rf"\s*\[\s*work\.{re.escape(key)}\s*\]"))
        _check_header(edits, fields, f"work.{key}")
    editor = edits.data.get("editor", {})
    if not isinstance(editor, dict) or not isinstance(editor.get("name", ""), str):
        raise edits.error("[editor] must be a table with a 'name'", edits.line_of(r"\s*\[\s*editor"))
    doc.contributors.append((f"{doc.name}-editor", editor.get("role", EDITOR_ROLE),
                             editor.get("name") or "the editor"))
    applier = _Applier(doc, edits)
    for entry in edits.entries:
        applier.apply(entry)
    for index, work in enumerate(doc.works, start=1):
        supplied = {**{k: v for k, v in header.items() if k != "url" or doc.page is None},
                    **works.get(str(index), {})}
        work.meta.supplied = dataclasses.replace(work.meta.supplied, **supplied)
    if doc.page is not None and "url" in header:
        doc.page.url = header["url"]


def _check_header(edits: EditsFile, fields: Any, table: str) -> None:
    line = edits.line_of(rf"\s*\[\s*{re.escape(table)}\s*\]")
    if not isinstance(fields, dict):
        raise edits.error(f"[{table}] must be a table", line)
    for key, value in fields.items():
        if key not in HEADER_KEYS:
            raise edits.error(f"[{table}]: unknown field '{key}' (expected: {', '.join(sorted(HEADER_KEYS))})", line)
        if not isinstance(value, str) or not value.strip():
            raise edits.error(f"[{table}]: '{key}' must be a non-empty string", line)
