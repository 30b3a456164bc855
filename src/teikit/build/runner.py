"""A whole build: decide which documents are out of date, build them on an executor, record
what was built, then make the corpus pages. The documents are the project's texts, or with
``source = "tei"`` the TEI of an existing edition (see ``sources``).

What an interrupted build (Ctrl-C, SIGTERM, SIGKILL, a killed worker) leaves: every file written
atomically, and the state of the documents that finished (journalled as each finishes), so the
next build goes on from there.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from teikit.authority.decisions import DECISIONS_FILE, Decisions
from teikit.authority.entries import is_register_file, list_files
from teikit.authority.register import entry_elements
from teikit.build import executors, register, site
from teikit.build.lock import build_lock
from teikit.build.records import BUILT, FAILED, SKIPPED, DocumentResult
from teikit.build.report import Progress, Summary
from teikit.build.sources import Source, image_base, schema_files, sources as project_sources
from teikit.build.state import Entry, State, code_digest, digest, file_digest, files_digest
from teikit.build.tasks import HTML_PARAMS, HTML_STYLESHEET, TEXT_PARAMS, TEXT_STYLESHEET, DocumentTask
from teikit.convert import conversion_inputs
from teikit.errors import Diagnostic, TeikitError, UsageError
from teikit.project import Project, schema_dir_for
from teikit.resources import data_dir
from teikit.runtime.pool import available_cpus

AUTHORITY_SUFFIXES = (".xml", ".toml")  # the lists and the decisions (never the generated proposed.xml)


@dataclass
class BuildOptions:
    jobs: int = 0  # 0: every available core
    executor: str = "local"
    scheduler: str | None = None
    force: bool = False
    max_size: int | None = None  # the largest input read (--max-size: a text, or an edition's TEI); a larger one fails


def shared_inputs(project: Project, schema_dir: str | None, html_params: dict[str, str]) -> str:
    """The hash of what every document's build depends on besides its own files (an edition's
    documents add the schemas each names: see ``_inputs``)."""
    schemas = project.schemas if project.source == "texts" or project.schema_configured else ()
    # paths inside the project relative to it, so that a moved or copied project stays built
    configuration = {"source": project.source,
                     "schemas": [[ref.kind, display(ref.path, project.root)] for ref in schemas],
                     "authority": [display(str(p), project.root) for p in project.authority],
                     "schema_dir": schema_dir, "stylesheets": [HTML_STYLESHEET, TEXT_STYLESHEET],
                     "html": html_params, "text": dict(TEXT_PARAMS), "split": project.split}
    return digest(
        files_digest(project.authority, AUTHORITY_SUFFIXES, lambda path: not is_register_file(path)),
        file_digest(project.register / DECISIONS_FILE), project.refs,
        files_digest(schema_files(schemas)),
        files_digest([data_dir("xslt")]),
        code_digest(),
        json.dumps(configuration, sort_keys=True),
    )


def _inputs(project: Project, source: Source, shared: str) -> str:
    """The hash of one document's inputs: what all share, and its own files (a text and its
    editor's file; an edition's TEI and the schemas it names)."""
    if project.source == "tei":
        own = [file_digest(source.path)]
        if not project.schema_configured:
            own += [json.dumps([[r.kind, display(r.path, project.root)] for r in source.schemas]),
                    files_digest(schema_files(source.schemas))]
        return digest(shared, *own)
    # the text and its editor's file, when it has one (the converter says which files it reads)
    return digest(shared, *(file_digest(path) for path in conversion_inputs(str(source.path))))


def display(path: str, start: Path | None = None) -> str:
    """A path relative to ``start`` (the working directory) when it is below it, else as it is."""
    relative = os.path.relpath(path, start)
    return path if relative.startswith("..") else relative


def _shown(result: DocumentResult) -> DocumentResult:
    result.diagnostics = [replace(d, file=display(d.file)) if os.path.isabs(d.file) else d
                          for d in result.diagnostics]
    return result


def _task(project: Project, source: Source, schema_dir: str | None, shared: str,
          html_params: dict[str, str], max_size: int | None = None, hints: dict[str, str] | None = None
          ) -> DocumentTask:
    name, edition = source.name, project.source == "tei"
    return DocumentTask(
        name=name, text=str(source.path),
        tei=str(source.path if edition else project.tei / f"{name}.xml"),
        html=str(project.site / f"{name}.html"), txt=str(project.site / f"{name}.txt"), page=f"{name}.html",
        authority=tuple(str(p) for p in project.authority), schema_dir=schema_dir, schemas=source.schemas,
        generation=shared, source=project.source, html_params=tuple(sorted(html_params.items())),
        notes=source.notes, max_size=max_size, register=None if edition else str(project.register),
        refs=project.refs, hints=tuple(sorted((hints or {}).items())), split=project.split and not edition)


def _with_hints(inputs: str, hints: dict[str, str]) -> str:
    """A document's inputs with the ids the corpus settled for its names (teikit.build.register)."""
    return digest(inputs, json.dumps(hints, sort_keys=True)) if hints else inputs


def _remove_stale(state: State, name: str, outputs: list[str], keep: Path | None = None) -> None:
    """The files an earlier build of ``name`` wrote that this one did not (a work fewer, split
    switched on or off); never a file below ``keep`` (an edition's tei folder)."""
    kept = keep.resolve() if keep is not None else None
    wanted = {(state.path.parent / p).resolve() for p in outputs}
    for path in state.outputs(name):
        resolved = path.resolve()
        if resolved not in wanted and (kept is None or kept not in resolved.parents):
            path.unlink(missing_ok=True)


def _prune(state: State, names: set[str], keep: Path | None = None) -> None:
    """Remove what the build made for documents that are gone; never a file below ``keep`` (an
    edition's tei folder: what an earlier build from texts wrote there is now the edition's)."""
    kept = keep.resolve() if keep is not None else None
    for name in sorted(set(state.documents) - names):
        for path in state.outputs(name):
            if kept is None or kept not in path.resolve().parents:
                path.unlink(missing_ok=True)
        del state.documents[name]
        state.record(name)


def build_project(project: Project, options: BuildOptions,
                  report: Callable[[Sequence[Diagnostic]], None] = lambda diagnostics: None,
                  progress: Progress | None = None) -> Summary:
    """Build every text of the project; ``report`` gets each document's diagnostics as it finishes.
    A setting that names something missing (texts, authority lists, schemas) is a usage error
    before anything is written; so is a build already running in the project (teikit.build.lock)."""
    with build_lock(project.state_file, lambda diagnostic: report([diagnostic])):
        return _build(project, options, report, progress)


def _build(project: Project, options: BuildOptions, report: Callable[[Sequence[Diagnostic]], None],
           progress: Progress | None) -> Summary:
    start = time.perf_counter()
    edition = project.source == "tei"
    sources = project_sources(project)
    if not sources:
        folder, pattern = (project.tei, "*.xml") if edition else (project.texts, "*.txt")
        raise UsageError(Diagnostic(str(folder), f"no {pattern} files to build"))
    schema_dir = None if edition else schema_dir_for(project.tei)
    html_params = {**HTML_PARAMS, **({"image-base": image_base(project)} if edition else {})}
    shared = shared_inputs(project, schema_dir, html_params)  # (reads the authority lists and schemas: checks them)
    for folder in (project.site,) if edition else (project.tei, project.site):  # an edition's tei/ is read only
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(Diagnostic(str(folder), f"cannot make the output folder: {exc.strerror or exc}")) \
                from None
    state = State.load(project.state_file)
    _prune(state, {source.name for source in sources}, keep=project.tei if edition else None)
    # the editors' ids (read leniently: a broken list is reported by the documents that read it)
    register_ids = set(entry_elements(list_files(list(project.authority))))
    # the ids the corpus settled when it was last built: this build's guess, checked after it
    hints = {} if edition else register.settle({name: entry.record for name, entry in state.documents.items()},
                                               register_ids)

    results: dict[str, DocumentResult] = {}
    tasks: list[DocumentTask] = []
    inputs: dict[str, str] = {}
    own: dict[str, str] = {}  # a document's inputs without what the corpus settles for it
    reserved = site.reserved_stems()
    for source in sources:
        name = source.name
        if name in reserved:
            results[name] = _shown(DocumentResult(name, FAILED, [Diagnostic(
                str(source.path), f"{name}.html is a page of the site's own: rename the "
                                  f"{'document' if edition else 'text'}", engine="build")]))
            continue
        own[name] = _inputs(project, source, shared)
        inputs[name] = _with_hints(own[name], hints.get(name, {}))
        if not options.force and state.is_current(name, inputs[name]):
            record = state.documents[name].record
            results[name] = replace(record, status=SKIPPED, diagnostics=[], seconds=0.0, worker="", peak_memory=0)
        else:
            tasks.append(_task(project, source, schema_dir, shared, html_params, options.max_size, hints.get(name)))
    report([d for r in results.values() for d in r.diagnostics])

    progress = progress or Progress(len(tasks))
    outputs = {task.name: [os.path.relpath(p, project.state_file.parent)
                           for p in ((task.html, task.txt) if edition else (task.tei, task.html, task.txt))]
               for task in tasks}

    def finished(result: DocumentResult) -> None:
        results[result.name] = _shown(result)
        if result.tei_files:  # split: one TEI file a work, known once converted
            outputs[result.name] = [os.path.relpath(p, project.state_file.parent) for p in result.tei_files] \
                + outputs[result.name][1:]
        _remove_stale(state, result.name, outputs[result.name], keep=project.tei if edition else None)
        if result.status == BUILT:
            state.documents[result.name] = Entry(inputs[result.name], outputs[result.name], result)
        else:  # tried again next time
            state.documents.pop(result.name, None)
        state.record(result.name)
        if result.diagnostics:
            progress.clear()
            report(result.diagnostics)
        progress.advance(result.name)

    jobs = options.jobs or available_cpus()
    try:
        executors.run(tasks, finished, options.executor, jobs, options.scheduler)
        if not edition:  # what the corpus settles now: documents it settles otherwise are built again
            settled = register.settle({name: entry.record for name, entry in state.documents.items()}, register_ids)
            again = [_task(project, source, schema_dir, shared, html_params, options.max_size,
                           settled.get(source.name)) for source in sources if source.name in state.documents
                     and settled.get(source.name, {}) != state.documents[source.name].record.hints]
            for task in again:
                inputs[task.name] = _with_hints(own[task.name], settled.get(task.name, {}))
                outputs.setdefault(task.name, [os.path.relpath(p, project.state_file.parent)
                                               for p in (task.tei, task.html, task.txt)])
            progress.total += len(again)
            executors.run(again, finished, options.executor, jobs, options.scheduler)
            register.write_proposed(project.register, [e.record for e in state.documents.values()],
                                    Decisions.load(project.register), register_ids)
    finally:
        progress.close()
        if tasks and hasattr(os, "sync"):
            os.sync()  # the documents' files reach the disk before the state says they are built
        state.save()

    ordered = [results[source.name] for source in sources]
    listed = [r for r in ordered if r.status in (BUILT, SKIPPED)]
    corpus = site.corpus_key([state.documents[r.name].to_json()["record"] for r in listed], shared)
    remake = options.force or corpus != state.corpus or not all(p.is_file() for p in site.files(project.site))
    if remake:
        try:
            site.write_pages(project.site, listed)
        except OSError as exc:
            raise TeikitError(Diagnostic(exc.filename or str(project.site),
                                         f"cannot write the corpus pages: {exc.strerror or exc}", engine="build")) \
                from None
        state.corpus = corpus
        state.changed()
        state.save()
    return Summary(ordered, time.perf_counter() - start, options.executor, jobs, corpus_pages=remake)
