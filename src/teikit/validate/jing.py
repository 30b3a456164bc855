"""RELAX NG with jing (Java), safely, one JVM for all the documents of a job.

jing reads more than teikit allows: Debian's ``jing`` script turns XInclude on (it sets Xerces's
XIncludeParserConfiguration), and jing itself fetches any DTD a document or a schema names, over
the network too. So teikit never runs a ``jing`` script: it starts ``java`` on jing's jar itself,
with Xerces's plain configuration (no XInclude), none of the Java options an environment may inject
(``JAVA_TOOL_OPTIONS`` and friends), and gives jing only files teikit has looked at first:

- each document as teikit's safe parser accepted it, with its DOCTYPE blanked out (line breaks
  kept, so jing's lines and columns are the file's own): nothing left to fetch or expand. A
  document teikit cannot read never reaches jing; it is reported by the runner like any other;
- a schema whose ``include``/``externalRef`` files are all local and have no DOCTYPE (checked
  before jing starts; anything else is refused as a schema error).

jing stops at the first document its own parser rejects ("fatal": an XML 1.0 fifth-edition name
that Xerces does not know, say) and says nothing of the documents after it, which then look valid.
teikit reports that document as unreadable by jing and starts jing again on the ones after it, so
every document gets a verdict; if jing stops without naming a document, the documents it said
nothing about are reported as not validated, never as valid.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence
from urllib.parse import unquote, urljoin, urlparse
from urllib.request import url2pathname

from lxml import etree

from teikit.errors import Diagnostic, InputError, Severity, UsageError
from teikit.ns import RNG, XML
from teikit.validate.documents import Document
from teikit.validate.engine import Engine, JobBatch, RunContext
from teikit.validate.errors import SchemaError
from teikit.xmlio import parse_bytes, parse_file

JING_ENV = "TEIKIT_JING"
OPTION = "--engine jing"  # where a usage error about jing is reported
DRIVER = "com.thaiopensource.relaxng.util.Driver"
_DRIVER_CLASS = DRIVER.replace(".", "/") + ".class"
# Options the JVM reads from the environment; any of them could turn XInclude back on.
_JAVA_ENVIRONMENT = ("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH")
_JAVA_OPTIONS = (
    # Xerces (jing's jar names it in its class path) without XInclude; the JDK's own parser has it off
    "-Dorg.apache.xerces.xni.parser.XMLParserConfiguration=org.apache.xerces.parsers.XML11Configuration",
    # and the JDK's parser may fetch no external DTD, entity or schema (teikit gives it none anyway)
    "-Djavax.xml.accessExternalDTD=", "-Djavax.xml.accessExternalSchema=",
)
_LAUNCHER_JAR = re.compile(r"[\w./+~-]*jing[\w.+-]*\.jar")
_LAUNCHER_MAX_BYTES = 256 * 1024  # a launcher script, not a binary
_LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<level>error|fatal|warning): (?P<msg>.*)$")
_UNLOCATED = re.compile(r"^(?P<level>error|fatal|warning): (?P<msg>.*)$")
XML_BASE = f"{{{XML}}}base"


# -- finding jing ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Jing:
    """The Java runtime and jing's jar teikit runs."""

    java: str
    jar: str

    def command(self, schema: str, files: Sequence[str]) -> list[str]:
        return [self.java, *_JAVA_OPTIONS, "-cp", self.jar, DRIVER, schema, *files]


def _usage(message: str) -> UsageError:
    return UsageError(Diagnostic(OPTION, message, engine="validate"))


def _is_jing_jar(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as jar:
            return _DRIVER_CLASS in jar.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _jar_of_launcher(launcher: Path) -> Path | None:
    """The jar a ``jing`` launcher script runs: one it names (Homebrew's ``exec java -jar
    .../jing.jar``), or ``../share/java/jing.jar`` beside it when it runs jing's driver by class
    (Debian's). Anything that is not a script mentioning jing is no launcher."""
    real = launcher.resolve()
    try:
        if real.stat().st_size > _LAUNCHER_MAX_BYTES:
            return None
        text = real.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith("#!") or "jing" not in text.lower():
        return None
    candidates = [Path(os.path.expanduser(m)) for m in _LAUNCHER_JAR.findall(text)]
    if DRIVER in text or re.search(r"\bjing\b", text):
        candidates.append(real.parent.parent / "share" / "java" / "jing.jar")
    return next((c for c in candidates if c.is_file() and _is_jing_jar(c)), None)


def _java() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    found = shutil.which("java")
    if found is None:
        raise _usage("no Java runtime found for jing (java on PATH or $JAVA_HOME/bin/java): install one "
                     "(e.g. apt-get install default-jre-headless)")
    return found


def locate() -> Jing:
    """Java and jing's jar: ``$TEIKIT_JING`` (the jar, or a launcher script that runs it), else the
    ``jing`` on PATH. Anything missing or not jing is a usage error of one line."""
    return _locate(os.environ.get(JING_ENV) or None, os.environ.get("JAVA_HOME"), os.environ.get("PATH"))


@functools.lru_cache(maxsize=8)
def _locate(configured: str | None, java_home: str | None, path: str | None) -> Jing:
    if configured:
        given = Path(configured)
        where = f"{JING_ENV}={configured}"
        if not given.is_file():
            raise _usage(f"{where} does not exist: set it to jing's jar (jing.jar), or unset it to use the jing "
                         "on PATH")
    else:
        found = shutil.which("jing")
        if found is None:
            raise _usage(f"jing is not installed: install it (apt-get install jing; brew install jing-trang) or "
                         f"set {JING_ENV} to jing's jar")
        given, where = Path(found), f"the jing on PATH ({found})"
    if zipfile.is_zipfile(given):
        if not _is_jing_jar(given):
            raise _usage(f"{where} is not jing: the jar has no {DRIVER}")
        jar = given
    else:
        jar = _jar_of_launcher(given)
        if jar is None:
            raise _usage(f"{where} is not jing's jar, nor a launcher naming it: set {JING_ENV} to jing.jar")
    return Jing(_java(), str(jar))


# -- what jing may read --------------------------------------------------------------------------------------

def _has_doctype(tree: etree._ElementTree) -> bool:
    info = tree.docinfo
    return bool(info.doctype or info.internalDTD is not None or info.system_url or info.public_id)


def _base(el: etree._Element, file_uri: str) -> str:
    """The base URI ``el``'s ``href`` is resolved against: the file's, changed by any ``xml:base``."""
    base = file_uri
    for node in reversed([el, *el.iterancestors()]):
        if node.get(XML_BASE):
            base = urljoin(base, node.get(XML_BASE))
    return base


def check_schema(path: str) -> list[str]:
    """The files of a RELAX NG schema (it and what it includes), once each, after checking that jing
    will read nothing else: no DOCTYPE, no ``include`` or ``externalRef`` but of a local file."""
    seen: list[str] = []
    todo = [os.path.abspath(path)]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.append(current)
        try:
            tree = parse_file(current)
        except InputError as exc:
            raise SchemaError(exc.diagnostic) from None
        if _has_doctype(tree):
            raise SchemaError.at(current, "the schema has a DOCTYPE: jing would read the DTD it names, so teikit "
                                          "does not give it to jing", line=1, engine="jing")
        uri = Path(current).as_uri()
        for el in tree.iter(f"{{{RNG}}}include", f"{{{RNG}}}externalRef"):
            href = (el.get("href") or "").strip()
            target = urlparse(urljoin(_base(el, uri), href))
            if target.scheme != "file" or target.netloc not in ("", "localhost"):
                raise SchemaError.at(current, f"includes {href}: refusing to fetch a schema that is not a local "
                                              "file", line=el.sourceline, engine="jing")
            todo.append(url2pathname(unquote(target.path)))
    return seen


def _doctype_span(text: str) -> tuple[int, int] | None:
    """Where the DOCTYPE declaration is in a document's text (its prolog scanned by the XML grammar:
    literals, comments and processing instructions in the internal subset skipped over)."""
    n, i = len(text), 0

    def skip(opening: str, closing: str, at: int) -> int:
        end = text.find(closing, at + len(opening))
        return -1 if end < 0 else end + len(closing)

    while i < n:
        if text[i] in " \t\r\n\ufeff":
            i += 1
        elif text.startswith("<?", i):
            i = skip("<?", "?>", i)
        elif text.startswith("<!--", i):
            i = skip("<!--", "-->", i)
        elif text.startswith("<!DOCTYPE", i):
            start, j, in_subset = i, i + len("<!DOCTYPE"), False
            while 0 <= j < n:
                c = text[j]
                if c in "\"'":
                    j = skip(c, c, j)
                elif in_subset and text.startswith("<!--", j):
                    j = skip("<!--", "-->", j)
                elif in_subset and text.startswith("<?", j):
                    j = skip("<?", "?>", j)
                elif c == "[" and not in_subset:
                    in_subset, j = True, j + 1
                elif c == "]" and in_subset:
                    in_subset, j = False, j + 1
                elif c == ">" and not in_subset:
                    return start, j + 1
                else:
                    j += 1
            return None
        else:
            return None
        if i < 0:
            return None
    return None


def jing_input(doc: Document) -> bytes:
    """The bytes jing gets for a document teikit read: the file's own, with the DOCTYPE blanked
    (in the file's encoding, line breaks kept); should that not come out as the same document
    without a DOCTYPE, the parsed tree serialised (positions may then differ from the file's)."""
    if not _has_doctype(doc.tree):
        return doc.data
    encoding = doc.tree.docinfo.encoding or "utf-8"
    try:
        text = doc.data.decode(encoding)
        span = _doctype_span(text)
        if span is not None:
            start, end = span
            blank = re.sub(r"[^\r\n]", " ", text[start:end])
            data = (text[:start] + blank + text[end:]).encode(encoding)
            tree = parse_bytes(doc.path, data)
            root, original = tree.getroot(), doc.tree.getroot()
            if not _has_doctype(tree) and (root.tag, root.sourceline) == (original.tag, original.sourceline):
                return data
    except (LookupError, UnicodeError, InputError):
        pass
    return doc.xml_text().encode("utf-8")


# -- running jing --------------------------------------------------------------------------------------------

@dataclass
class _Output:
    """What one jing run said: findings per input, and what it said about anything else."""

    per_file: dict[int, list[tuple[str, int | None, int | None, str]]] = field(default_factory=dict)
    elsewhere: list[str] = field(default_factory=list)  # located at a schema file
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
        raise _usage(f"cannot start {jing.java}: {exc.strerror or exc}") from None
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
        raise _usage(f"jing did not run ({jing.java} -cp {jing.jar}: exit status {code})")
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
