"""Validate many files: batching, parallel jobs, one compile per schema per process.

The files are split into one group per job, balanced by size; each job (a process) reads its
files in chunks, checks each chunk against every schema (the RELAX NG engine compiles a grammar
pruned to what the chunk uses, and reuses it for later chunks it covers), and returns the
diagnostics. Engines for ``--schema`` schemas are built before the jobs start, so a bad schema is
a usage error before any work, and forked jobs inherit what was compiled; Saxon, which must not
be running when a process forks, starts inside each job. The jobs run on ``teikit.runtime.pool``:
a job whose process dies reports that on each of its files, and the other jobs still finish.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

from lxml import etree

from teikit.errors import Diagnostic, ExitCode, Severity, TeikitError, UsageError
from teikit.ns import TEI
from teikit.textio import read_bytes
from teikit.runtime import pool
from teikit.validate import documents
from teikit.validate.documents import Document
from teikit.validate.engine import Engine, JobBatch, RunContext
from teikit.validate.inputs import STDIN, expand
from teikit.validate.schemas import (EMBEDDED, SCHEMATRON, UNAVAILABLE, SchemaRef, engine_for, from_xml_model,
                                     prolog_instructions, schemas_named)

CHUNK_FILES = 256  # files a job holds parsed at once
CHUNK_BYTES = 64 * 1024 * 1024
# below this much input, starting processes costs more than it saves
PARALLEL_MIN_FILES = 8
PARALLEL_MIN_BYTES = 512 * 1024


@dataclass
class Options:
    schemas: list[SchemaRef] | None = None  # None: each document's <?xml-model?> instructions choose
    jobs: int = 0  # 0: one per available CPU
    phase: str | None = None  # Schematron phase
    rng_engine: str = "teikit"  # or "jing"
    embedded_rules: bool = False  # also run the Schematron rules embedded in RELAX NG schemas
    tei_all: Path | None = None  # local copy used for <?xml-model?> URLs naming tei_all
    strict: bool = False  # a file with a schema it names but that cannot be used, or with none, is an error
    require_tei: bool = False  # the schemas are TEI's (teikit, tei_all): a root outside TEI's namespace is an error
    only_tei: bool = False  # skip (with a notice) files whose root is not in TEI's namespace
    skip_folders: tuple[str, ...] = ()  # not searched below a folder named (the authority lists)


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: bool = False  # not validated, on purpose (--only-tei and a document that is not TEI)

    @property
    def valid(self) -> bool:
        return not any(d.severity == Severity.ERROR for d in self.diagnostics)

    def __post_init__(self) -> None:
        # document order, whichever engine (or the reading layer) found them, so that the first
        # diagnostic is the first problem of the file, as jing reports it; what is about the whole file
        # (no usable schema, a schema that failed) after, as a conclusion, in the order it came
        self.diagnostics.sort(key=lambda d: (d.line is None, d.line or 0, d.column or 0))


# -- one job's work --------------------------------------------------------------------------------------

def _chunks(files: Sequence[str]):
    chunk, size = [], 0
    for path in files:
        chunk.append(path)
        size += _size(path)
        if len(chunk) >= CHUNK_FILES or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _engine_problem(exc: TeikitError, path: str) -> Diagnostic:
    d = exc.diagnostic
    return Diagnostic(path, f"{d.location}: {d.message}", Severity.ERROR, engine=d.engine or "validate",
                      code="schema-unusable")


def _not_tei(doc: Document, options: Options) -> Diagnostic | None:
    """A notice (--only-tei: the file is skipped) or an error (TEI's schemas named) for a document
    whose root element is outside TEI's namespace; None for TEI, or when neither applies."""
    root = doc.tree.getroot()
    if etree.QName(root).namespace == TEI or not (options.only_tei or options.require_tei):
        return None
    name = etree.QName(root)
    where = f"in the namespace {name.namespace}" if name.namespace else "in no namespace"
    if options.only_tei:
        return Diagnostic(doc.path, f"skipped: not a TEI document (its root element <{name.localname}> is {where})",
                          Severity.INFO, root.sourceline, None, "validate", "not-tei")
    return Diagnostic(doc.path, f"not a TEI document: its root element <{name.localname}> is {where}, not in TEI's "
                                f"({TEI}), so TEI's schemas cannot judge it (--only-tei skips such files)",
                      Severity.ERROR, root.sourceline, None, "validate", "not-tei")


def _schemas_of(doc: Document, options: Options, found: list[Diagnostic]) -> tuple[SchemaRef, ...]:
    """The schemas a document is checked against; what its <?xml-model?> names but cannot be used,
    or that it has none, is said in ``found`` (errors with --strict, else warnings)."""
    if options.schemas is not None:
        return tuple(options.schemas)
    refs, unusable = from_xml_model(doc, options.embedded_rules, options.tei_all)
    severity = Severity.ERROR if options.strict else Severity.WARNING
    found.extend(replace(d, severity=severity) if d.code == UNAVAILABLE else d for d in unusable)
    if not refs:
        checked = "nothing was validated" if options.strict else "only well-formedness was checked"
        found.append(Diagnostic(doc.path, f"no usable schema (no --schema, no local <?xml-model?>): {checked}",
                                severity, engine="validate", code="no-schema"))
    return tuple(refs)


@dataclass
class _Checked:
    """One document's diagnostics as they come: a list per source, some filled at the job's end."""

    path: str
    parts: list[list[Diagnostic]]
    skipped: bool = False

    def result(self) -> FileResult:
        return FileResult(self.path, [d for part in self.parts for d in part], self.skipped)


def _check_chunk(docs: list[Document], options: Options, run: RunContext,
                 batches: dict[Engine, JobBatch]) -> list[_Checked]:
    checked = {id(d): _Checked(d.path, [list(d.problems)]) for d in docs}
    groups: dict[tuple[SchemaRef, ...], list[Document]] = {}
    for doc in docs:
        if not doc.readable:
            continue
        entry = checked[id(doc)]
        not_tei = _not_tei(doc, options)
        if not_tei is not None:
            entry.parts[0].append(not_tei)
            entry.skipped = not_tei.severity == Severity.INFO
            continue
        groups.setdefault(_schemas_of(doc, options, entry.parts[0]), []).append(doc)
    for refs, group in groups.items():
        for ref in refs:
            try:
                engine = engine_for(ref, options.rng_engine, options.phase)
            except TeikitError as exc:
                if options.schemas is not None:
                    raise
                for doc in group:  # a schema named by <?xml-model?> is the document's problem
                    checked[id(doc)].parts.append([_engine_problem(exc, doc.path)])
                continue
            if engine.per_job:
                batch = batches.get(engine) or batches.setdefault(engine, engine.open_job())
                for doc in group:
                    checked[id(doc)].parts.append(batch.add(doc))
                continue
            for doc, diagnostics in zip(group, engine.check(group, run)):
                checked[id(doc)].parts.append(diagnostics)
    # FileResult puts them in document order, whichever engine found them
    return [checked[id(d)] for d in docs]


def _finish(batches: dict[Engine, JobBatch], options: Options) -> None:
    """Check what engines kept for the end of the job (see Engine.open_job)."""
    for batch in batches.values():
        try:
            batch.finish()
        except TeikitError as exc:
            if options.schemas is not None:
                raise
            batch.fail(functools.partial(_engine_problem, exc))


def _listeners(options: Options) -> list:
    """When every schema named can be checked while a document is read (RELAX NG), the engines'
    listeners: documents are then read streaming, without building their trees."""
    if options.schemas is None:
        return []
    listeners = [getattr(engine_for(ref, options.rng_engine, options.phase), "listener", None)
                 for ref in options.schemas]
    return listeners if all(listeners) else []


def check_files(files: Sequence[str], options: Options, run: RunContext,
                preloaded: dict[str, bytes] | None = None) -> list[FileResult]:
    """Validate files in this process, chunk by chunk."""
    preloaded = preloaded or {}
    checked: list[_Checked] = []
    batches: dict[Engine, JobBatch] = {}
    listeners = _listeners(options)
    try:
        for chunk in _chunks(files):
            docs = [documents.load(path, preloaded.get(path), listeners) for path in chunk]
            checked.extend(_check_chunk(docs, options, run, batches))
        _finish(batches, options)
    finally:
        for batch in batches.values():
            batch.close()
    return [c.result() for c in checked]


def _job(job: tuple) -> tuple:
    """A worker's entry point for (files, options, run context, preloaded inputs): (results, None),
    or (None, (is usage error, diagnostic)) since a TeikitError does not survive pickling."""
    files, options, run, preloaded = job
    try:
        return check_files(files, options, run, preloaded), None
    except TeikitError as exc:
        return None, (exc.exit_code == ExitCode.USAGE, exc.diagnostic)


# -- the whole run -----------------------------------------------------------------------------------------

def _groups(files: list[str], jobs: int) -> list[list[str]]:
    """Split files into ``jobs`` groups of similar total size (each group keeps the input order)."""
    order = {path: i for i, path in enumerate(files)}
    loads = [[0, []] for _ in range(jobs)]
    for path in sorted(files, key=_size, reverse=True):
        lightest = min(loads, key=lambda item: item[0])
        lightest[0] += _size(path) or 1
        lightest[1].append(path)
    return [sorted(group, key=order.__getitem__) for _, group in loads if group]


def _wants_run_context(files: list[str], options: Options, preloaded: dict[str, bytes], engines) -> bool:
    """Whether a Schematron schema of this run checks across files (see schema/teikit.sch)."""
    if options.schemas is not None:
        return any(e.wants_run_context for e in engines)
    for path in files:  # schemas from <?xml-model?>: only the prologs are read here
        refs, _ = schemas_named(path, prolog_instructions(path, preloaded.get(path)), options.embedded_rules,
                                options.tei_all)
        for ref in refs:
            if ref.kind not in (SCHEMATRON, EMBEDDED):
                continue
            try:
                if engine_for(ref, options.rng_engine, options.phase).wants_run_context:
                    return True
            except TeikitError:
                pass  # reported against the document by its job
    return False


def _run_context(files: list[str], preloaded: dict[str, bytes]) -> RunContext:
    """Every xml:id of the run, for rules across files (only computed when a schema asks)."""
    run = RunContext()
    for path in files:
        doc = documents.load(path, preloaded.get(path))
        if not doc.readable:
            continue
        run.documents.append(doc.uri)
        for value in doc.ids():
            run.ids.setdefault(str(value), []).append(doc.uri)
    return run


def plan_jobs(files: list[str], jobs: int, rng_engine: str = "teikit") -> int:
    if jobs > 0:
        return max(1, min(jobs, len(files)))
    if rng_engine == "jing":
        return 1  # one JVM validates the whole batch; more processes would each start one
    if len(files) < PARALLEL_MIN_FILES or sum(map(_size, files)) < PARALLEL_MIN_BYTES:
        return 1
    return max(1, min(pool.available_cpus(), len(files)))


def validate(paths: list[str], options: Options) -> list[FileResult]:
    """Validate every file the paths name; results in input order (bad arguments first)."""
    files, problems = expand(paths, options.skip_folders)
    results = [FileResult(p.file, [p]) for p in problems]
    if options.rng_engine == "jing":
        from teikit.validate.jing.find import locate

        locate()  # no Java or no jing: a usage error before any work
    preloaded = {}
    if STDIN in files:
        try:
            preloaded[STDIN] = read_bytes(STDIN)
        except TeikitError as exc:
            results.append(FileResult(STDIN, [exc.diagnostic]))
            files.remove(STDIN)
    engines = [engine_for(ref, options.rng_engine, options.phase) for ref in options.schemas or []]
    run = _run_context(files, preloaded) if _wants_run_context(files, options, preloaded, engines) else RunContext()
    jobs = plan_jobs(files, options.jobs, options.rng_engine)
    if jobs <= 1:
        return results + check_files(files, options, run, preloaded)
    groups = [(group, options, run, {k: v for k, v in preloaded.items() if k in group})
              for group in _groups(files, jobs)]
    done: dict[int, tuple] = {}
    pool.run(_job, groups, jobs, done.__setitem__, _lost)
    by_path: dict[str, FileResult] = {}
    for index in sorted(done):
        found, failure = done[index]
        if failure is not None:
            usage, diagnostic = failure
            raise (UsageError if usage else TeikitError)(diagnostic)
        by_path.update((r.path, r) for r in found)
    return results + [by_path[path] for path in files]


def _lost(job: tuple, why: str) -> tuple:
    """The results of a job whose process died: that, on each of its files."""
    return [FileResult(path, [Diagnostic(path, f"not validated: {why}", engine="validate", code="worker-died")])
            for path in job[0]], None
