"""Running jing on a job's documents: one JVM, another after each document jing stops at.

jing's driver stops at the first document its own parser rejects ("fatal") and says nothing of
the ones after it, which would then look valid: that document is reported as one jing cannot read
and jing starts again after it. When jing stops without naming a document, those it said nothing
about are reported as not validated, never as valid.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from typing import Sequence
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from teikit.errors import Diagnostic, Severity
from teikit.validate.documents import Document
from teikit.validate.engine import Engine, JobBatch, RunContext
from teikit.validate.errors import SchemaError
from teikit.validate.jing.find import Jing, locate, usage
from teikit.validate.jing.inputs import check_schema, jing_input

# Options the JVM reads from the environment; any of them could turn XInclude back on.
_JAVA_ENVIRONMENT = ("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH")
_LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>error|fatal|warning): (?P<msg>.*)$")
_UNLOCATED = re.compile(r"^(?P<level>error|fatal|warning): (?P<msg>.*)$")


@dataclass
class _Output:
    """What one jing run said: findings per input, and what it said about anything else."""

    per_file: dict[int, list[tuple[str, int | None, int | None, str]]] = field(default_factory=dict)
    elsewhere: list[str] = field(default_factory=list)  # errors located at a schema file
    unlocated: list[str] = field(default_factory=list)  # "fatal: ..." with no file, or any other line

    def fatal_at(self) -> int | None:
        return next((i for i, found in self.per_file.items() if any(f[0] == "fatal" for f in found)), None)


def _read_output(text: str, inputs: dict[str, int]) -> _Output:
    out = _Output()
    for line in text.splitlines():
        line = line.rstrip()
        located = _LOCATED.match(line)
        if located is not None:
            name = located.group("file")
            index = inputs.get(name, inputs.get(_path_of(name)))
            if index is None:
                if located.group("level") != "warning":
                    out.elsewhere.append(line)
            else:
                out.per_file.setdefault(index, []).append(
                    (located.group("level"), int(located.group("line")), int(located.group("col")),
                     located.group("msg")))
        elif line.strip():
            out.unlocated.append(line.strip())
    return out


def _path_of(name: str) -> str:
    """A path for jing's ``file:/...`` system ids."""
    parsed = urlparse(name)
    return url2pathname(unquote(parsed.path)) if parsed.scheme == "file" else name


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in _JAVA_ENVIRONMENT}


def _run(jing: Jing, schema: str, files: Sequence[str]) -> tuple[int, str]:
    try:
        proc = subprocess.run(jing.command(schema, files), capture_output=True, text=True, errors="replace",
                              env=_environment())
    except OSError as exc:
        raise usage(f"cannot start {jing.java}: {exc.strerror or exc}") from None
    return proc.returncode, proc.stdout + proc.stderr


def _said(lines: list[str]) -> str:
    """jing's (or Java's) first line, without Java's exception class in front."""
    first = lines[0] if lines else "no output"
    match = _UNLOCATED.match(first)
    first = match.group("msg") if match else first
    return re.sub(r"^(?:Exception in thread \"\w+\" )?(?:[a-z]\w*\.)+(\w+(?:Exception|Error)): ?", r"\1: ",
                  first).strip(": ")


def validate_files(jing: Jing, schema: str, files: Sequence[str]) -> list[list[tuple]]:
    """Findings ``(level, line, column, message)`` for each file (``level``: error, warning, or
    ``fatal`` for a file jing could not parse, ``stopped`` for one it never got to), from one JVM, or
    one more after each file jing stopped at. A schema jing refuses raises SchemaError; a Java or jar
    that does not run jing raises UsageError."""
    found: list[list[tuple]] = [[] for _ in files]
    remaining = list(range(len(files)))
    while remaining:
        inputs = {files[i]: i for i in remaining}
        code, text = _run(jing, schema, [files[i] for i in remaining])
        out = _read_output(text, inputs)
        for index, findings in out.per_file.items():
            found[index].extend(findings)
        if out.elsewhere:
            raise SchemaError.at(schema, f"jing refuses the schema: {out.elsewhere[0]}", engine="jing")
        fatal = out.fatal_at()
        if fatal is not None:
            remaining = remaining[remaining.index(fatal) + 1:]
            continue
        problems = [line for line in out.unlocated if _UNLOCATED.match(line) or line.startswith("Exception in")]
        if code == 0 or (code == 1 and out.per_file and not problems):
            return found
        if not out.per_file:
            _diagnose(jing, schema, code, problems)
        # jing stopped without naming the file: what it did not report on was not validated
        reason = _said(problems) if problems else f"exit status {code}"
        last = max(out.per_file, default=None)
        for i in remaining[remaining.index(last) + 1 if last is not None else 0:]:
            found[i].append(("stopped", None, None, reason))
        return found
    return found


def _diagnose(jing: Jing, schema: str, code: int, problems: list[str]) -> None:
    """jing reported on no document and failed: the schema (checked alone), or Java or the jar.
    Returns when neither is at fault."""
    if not problems:
        raise usage(f"jing did not run ({jing.java} -cp {jing.jar}: exit status {code})")
    alone_code, alone = _run(jing, schema, [])
    if alone_code != 0:
        lines = [line for line in alone.splitlines() if line.strip()]
        raise SchemaError.at(schema, f"jing refuses the schema: {_said(lines)}", engine="jing")


class JingEngine(Engine):
    """RELAX NG with jing: every document of a job checked by one jing run (see the module's notes)."""

    name = "jing"
    per_job = True

    def __init__(self, path: str):
        super().__init__(path)
        self.jing = locate()
        check_schema(path)

    def open_job(self) -> "JingBatch":
        return JingBatch(self)

    def check(self, documents: Sequence[Document], run: RunContext) -> list[list[Diagnostic]]:
        batch = self.open_job()
        try:
            slots = [batch.add(doc) for doc in documents]
            batch.finish()
        finally:
            batch.close()
        return slots

    def finding(self, path: str, level: str, line: int | None, column: int | None, message: str) -> Diagnostic:
        if level == "fatal":
            return Diagnostic(path, f"jing cannot read this document: {message}", Severity.ERROR, line, column,
                              self.name, "jing-fatal")
        if level == "stopped":
            return Diagnostic(path, f"not validated: jing stopped before this document ({message})",
                              Severity.ERROR, line, column, self.name, "jing-stopped")
        severity = Severity.WARNING if level == "warning" else Severity.ERROR
        return Diagnostic(path, " ".join(message.split()), severity, line, column, self.name)


class JingBatch(JobBatch):
    """A job's documents for jing, written to a private folder as they are read, run at the end."""

    def __init__(self, engine: JingEngine):
        super().__init__()
        self.engine = engine
        self.folder = tempfile.TemporaryDirectory(prefix="teikit-jing-")
        self.copies: list[str] = []

    def add(self, doc: Document) -> list[Diagnostic]:
        copy = os.path.join(self.folder.name, f"{len(self.copies):06d}.xml")
        with open(copy, "wb") as fh:
            fh.write(jing_input(doc))
        self.copies.append(copy)
        return self.slot(doc.path)

    def finish(self) -> None:
        if not self.copies:
            return
        findings = validate_files(self.engine.jing, self.engine.schema, self.copies)
        for (path, slot), found in zip(self.slots, findings):
            slot.extend(self.engine.finding(path, *f) for f in found)

    def close(self) -> None:
        self.folder.cleanup()
