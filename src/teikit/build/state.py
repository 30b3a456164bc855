"""What the last build made from what: content hashes of every input, kept in a small JSON file.

A document is up to date when the hash of its inputs (its text, its editor's file, and what all
documents share: the authority lists, the schemas, the stylesheets, teikit's own code and the
build's settings) is the one recorded when it was last built, and its outputs all exist. Only
documents that built (valid) are recorded, so an invalid or failed one is tried again on every
build until it is fixed. The record of each document is kept too: the corpus pages are made
again from the records of the documents a build skips. The file is written atomically, last.

Progress survives a build that is killed (SIGKILL, the out-of-memory killer, a power-less
timeout): as each document finishes, one line saying what it became is appended to a journal
beside the state file (``.teikit-state.json.journal``); loading the state replays the journal,
and saving it folds the journal in and removes it. Appending a line costs microseconds where
rewriting the state (a record per document) would cost milliseconds per document.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from teikit import __version__
from teikit.build.records import DocumentResult
from teikit.errors import Diagnostic, TeikitError
from teikit.xmlio import write_atomic

STATE_VERSION = 2  # 2: mentions with their work and words around them
ABSENT = "absent"


def digest(*parts: str | bytes) -> str:
    """A hex digest of the parts, each length-prefixed (so that no two lists of parts collide)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """The hash of a file's content, or ``absent``."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return ABSENT


def files_digest(paths: Iterable[Path], suffixes: tuple[str, ...] | None = None,
                 skip: Callable[[Path], bool] = lambda path: False) -> str:
    """The hash of files and of every file below folders (names and contents; hidden files and
    ``__pycache__`` skipped, and those ``skip`` says; only ``suffixes`` when given)."""
    entries = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") or part == "__pycache__"
                                       for part in p.relative_to(path).parts))
            names = [p.relative_to(path).as_posix() for p in found]
        else:
            found, names = [path], [path.name]
        for item, name in zip(found, names):
            if (suffixes is None or item.suffix in suffixes) and not skip(item):
                entries += [name, file_digest(item)]
    return digest(*entries)


def code_digest() -> str:
    """The hash of teikit's own code (every Python source of the installed package)."""
    package = Path(__file__).resolve().parents[1]
    return digest(__version__, files_digest([package], (".py",)))


@dataclass
class Entry:
    inputs: str  # the hash of the document's inputs when it was built
    outputs: list[str]  # the files it wrote, relative to the state file's folder
    record: DocumentResult
    stored: dict[str, Any] | None = None  # the record as JSON (kept as read: most entries never change)

    def to_json(self) -> dict[str, Any]:
        if self.stored is None:
            self.stored = self.record.to_json()
        return {"inputs": self.inputs, "outputs": self.outputs, "record": self.stored}


@dataclass
class State:
    path: Path
    documents: dict[str, Entry] = field(default_factory=dict)
    corpus: str = ""  # the hash of what the corpus pages were last made from
    saved: bool = False  # whether the file holds what this object holds
    _journal: Any = field(default=None, repr=False)  # the open journal, once something was recorded

    @property
    def journal_path(self) -> Path:
        return self.path.with_name(self.path.name + ".journal")

    def changed(self) -> None:
        self.saved = False

    def record(self, name: str) -> None:
        """Journal what is now known of document ``name`` (its entry, or that it has none), so that a
        killed build keeps it; the state file itself is written by ``save``."""
        self.saved = False
        entry = self.documents.get(name)
        line = json.dumps({"name": name, "entry": entry.to_json() if entry else None}, ensure_ascii=False,
                          separators=(",", ":")) + "\n"
        try:
            if self._journal is None:
                self._journal = open(self.journal_path, "a", encoding="utf-8")
            self._journal.write(line)
            self._journal.flush()  # into the system's hands: a killed process loses nothing written
        except OSError as exc:
            raise TeikitError(Diagnostic(str(self.journal_path), f"cannot record the build: "
                                                                 f"{exc.strerror or exc}", engine="build")) from None

    def _replay(self) -> None:
        """Apply the journal a killed build left, if any (a last line cut short by the kill is
        ignored)."""
        try:
            lines = self.journal_path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return
        for line in lines:
            try:
                item = json.loads(line)
                name, entry = item["name"], item["entry"]
                if entry is None:
                    self.documents.pop(name, None)
                else:
                    self.documents[name] = Entry(entry["inputs"], list(entry["outputs"]),
                                                 DocumentResult.from_json(entry["record"]), entry["record"])
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
        self.saved = False

    @classmethod
    def load(cls, path: Path) -> "State":
        """The recorded state, with what the journal of a killed build adds; an unreadable, foreign
        or older file counts as no state."""
        state = cls._read(path)
        state._replay()
        return state

    @classmethod
    def _read(cls, path: Path) -> "State":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != STATE_VERSION:
                return cls(path)
            documents = {name: Entry(item["inputs"], list(item["outputs"]), DocumentResult.from_json(item["record"]),
                                     item["record"])
                         for name, item in data["documents"].items()}
            return cls(path, documents, data.get("corpus", ""), saved=True)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(path)

    def is_current(self, name: str, inputs: str) -> bool:
        entry = self.documents.get(name)
        return entry is not None and entry.inputs == inputs and all(p.is_file() for p in self.outputs(name))

    def outputs(self, name: str) -> list[Path]:
        entry = self.documents.get(name)
        return [self.path.parent / p for p in entry.outputs] if entry else []

    def to_json(self) -> dict[str, Any]:
        return {"version": STATE_VERSION, "teikit": __version__, "corpus": self.corpus,
                "documents": {name: e.to_json() for name, e in sorted(self.documents.items())}}

    def save(self) -> None:
        """Write the file (compact: it is read by teikit, and holds a record per document), unless
        it already holds all this; then the journal is no longer needed."""
        if self.saved:
            return
        try:
            write_atomic(self.path, json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n")
            self.saved = True
            if self._journal is not None:
                self._journal.close()
                self._journal = None
            self.journal_path.unlink(missing_ok=True)
        except OSError as exc:
            raise TeikitError(Diagnostic(str(self.path), f"cannot record the build: {exc.strerror or exc}",
                                         engine="build")) from None
