"""Publishing many inputs: where each output goes, and running the batch, in parallel across
processes where it pays.

Each worker process (``teikit.runtime.pool``) compiles the stylesheet once, on its first input,
and then transforms the inputs it is given; the parent never loads Saxon for a parallel batch
(so that forking it is safe), and an input whose worker dies is reported alone. Small batches run
in the calling process: starting a worker costs about as much as publishing a document.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from teikit.errors import Diagnostic, Severity, TeikitError, UsageError
from teikit.outputs import check_file, is_stdout, make_directory, names_directory, write_output
from teikit.publish.targets import Target
from teikit.resources import data_dir
from teikit.runtime import pool
from teikit.textio import STDIN_NAME, read_bytes
from teikit.xmlio import duplicate_id_diagnostics, parse_bytes, write_atomic

# A batch runs in parallel when it has at least this many documents and this many bytes
# (bench/bench_publish.py: forked workers already win from 4 documents of 0.6 MB, 0.26 s against
# 0.30 s; below that, one process is as fast and simpler).
PARALLEL_MIN_DOCUMENTS = 4
PARALLEL_MIN_BYTES = 500_000


@dataclass(frozen=True)
class Job:
    """One input and where its output goes (None: standard output)."""

    source: str
    output: Path | None


@dataclass
class Batch:
    """What running a batch gives: diagnostics, and the text for standard output if any."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    stdout: str | None = None

    @property
    def failed(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def _stem(source: str) -> str:
    return "stdin" if source == STDIN_NAME else Path(source).stem


def plan_jobs(inputs: Sequence[str], output: str | None, suffix: str) -> list[Job]:
    """Where each output goes: a file for one input, a directory for several, stdout without -o."""
    if not inputs:
        raise UsageError(Diagnostic("teikit", "no input: give one or more TEI files, or - for stdin"))
    if inputs.count(STDIN_NAME) > 1:
        raise UsageError(Diagnostic(STDIN_NAME, "standard input can be read only once"))
    if output is None or is_stdout(output):
        if len(inputs) > 1:
            raise UsageError(Diagnostic("-o", f"{len(inputs)} inputs need -o DIRECTORY for their outputs"))
        return [Job(inputs[0], None)]
    target = Path(output)
    if len(inputs) == 1 and not names_directory(output):
        check_file(output)
        jobs = [Job(inputs[0], target)]
    else:
        jobs = [Job(source, target / (_stem(source) + suffix)) for source in inputs]
        seen: dict[Path, str] = {}
        for job in jobs:
            if job.output in seen:
                raise UsageError(Diagnostic(job.source, f"has the same name as {seen[job.output]}: both would "
                                                        f"be written to {job.output}"))
            seen[job.output] = job.source
        make_directory(output)
    for job in jobs:
        if job.source != STDIN_NAME and job.output is not None and job.output.exists() \
                and job.output.resolve() == Path(job.source).resolve():
            raise UsageError(Diagnostic(job.source, "the output would overwrite its own input"))
    return jobs


def publish_one(job: Job, stylesheet: Path, params: Mapping[str, str]) -> Batch:
    """Publish one input; every problem becomes a diagnostic (never an exception)."""
    from teikit.publish.saxon import compiled

    batch = Batch()
    try:
        tree = parse_bytes(job.source, read_bytes(job.source))
        # a repeated xml:id is published (links go to the first), with a warning naming both places
        batch.diagnostics.extend(duplicate_id_diagnostics(job.source, tree, Severity.WARNING))
        result = compiled(stylesheet).transform(tree, job.source, {**_register(), **params})
        batch.diagnostics.extend(result.messages)
        if job.output is None:
            batch.stdout = result.text
        else:
            write_output(job.output, result.text)
    except TeikitError as exc:
        batch.diagnostics.append(exc.diagnostic)
    return batch


_register_cache: list[dict[str, str]] = []


def _register() -> dict[str, str]:
    """Inside a project, its register for the stylesheets (``register``): pointers into it resolve
    to their entries' labels and authority links (read once per process)."""
    if not _register_cache:
        from teikit.authority.register import project_register_text
        from teikit.errors import UsageError as _Usage
        from teikit.project import Project

        found: dict[str, str] = {}
        try:
            project = Project.load()
            if project.settings.sources:
                text = project_register_text(list(project.authority), project.register)
                if text:
                    found["register"] = text
        except (_Usage, TeikitError):
            pass
        _register_cache.append(found)
    return _register_cache[0]


def worker_count(jobs: Sequence[Job], requested: int = 0) -> int:
    """How many processes to use: ``requested`` when given, else by the size of the batch."""
    if any(job.source == STDIN_NAME or job.output is None for job in jobs):
        return 1  # standard input and output belong to this process
    if requested:
        return max(1, min(requested, len(jobs)))
    cpus = pool.available_cpus()
    if cpus < 2:
        return 1
    size = sum(os.path.getsize(job.source) for job in jobs if os.path.isfile(job.source))
    if len(jobs) < PARALLEL_MIN_DOCUMENTS or size < PARALLEL_MIN_BYTES:
        return 1
    return min(cpus, len(jobs))


def run_batch(jobs: Sequence[Job], target: Target, stylesheet: Path, params: Mapping[str, str],
              workers: int = 1) -> Batch:
    """Publish every job; outputs are written atomically, diagnostics collected in input order."""
    total = Batch()
    results: dict[int, Batch] = {}
    work = functools.partial(publish_one, stylesheet=stylesheet, params=dict(params))
    pool.run(work, jobs, workers, results.__setitem__, _lost)
    for index in sorted(results):
        total.diagnostics.extend(results[index].diagnostics)
        if results[index].stdout is not None:
            total.stdout = results[index].stdout
    _copy_linked_assets(jobs, target, params)
    return total


def _lost(job: Job, why: str) -> Batch:
    return Batch([Diagnostic(job.source, f"not published: {why}", engine="xslt")])


def _copy_linked_assets(jobs: Sequence[Job], target: Target, params: Mapping[str, str]) -> None:
    """With css=link (and the default css-href), put tei.css beside the pages that link to it."""
    if params.get("css") != "link" or params.get("css-href", "tei.css") != "tei.css":
        return
    folders = {job.output.parent for job in jobs if job.output is not None and job.output.exists()}
    for folder in folders:
        for asset in target.linked_assets:
            source = data_dir("xslt") / asset
            write_atomic(folder / source.name, source.read_bytes())
