"""``teikit convert INPUT... [-o OUTPUT]``: plain text to TEI."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import click

from teikit.cli.authority_option import authority_option, authority_paths
from teikit.cli.common import emit, max_size_option, reports_errors
from teikit.convert import passes
from teikit.errors import Diagnostic, ExitCode, TeikitError, UsageError
from teikit.outputs import STDOUT, check_file, is_stdout, make_directory, names_directory, write_output
from teikit.project import Project, schema_dir_for
from teikit.textio import STDIN_NAME, read_text


SUFFIXES = {"tei": ".xml", "json": ".json"}


def output_name(input_name: str, fmt: str = "tei") -> str:
    return ("stdin" if input_name == STDIN_NAME else Path(input_name).stem) + SUFFIXES[fmt]


def plan_outputs(inputs: Sequence[str], output: str | None, fmt: str) -> list[str | None]:
    """Where each input's output goes (None or ``-``: stdout), checked before anything is read:
    several inputs need a directory (made when missing), and two inputs of the same name would
    overwrite each other's output."""
    several = len(inputs) > 1
    if output is None or is_stdout(output):
        if several:
            raise UsageError(Diagnostic("-o", "several inputs need -o DIR (an output directory)"))
        return [None]
    if not several and not names_directory(output):
        check_file(output)
        if inputs[0] != STDIN_NAME and os.path.exists(output) and os.path.samefile(output, inputs[0]):
            raise UsageError(Diagnostic(inputs[0], "the output would overwrite its own input"))
        return [output]
    targets = [str(Path(output) / output_name(name, fmt)) for name in inputs]
    seen: dict[str, str] = {}
    for name, target in zip(inputs, targets):
        if target in seen:
            raise UsageError(Diagnostic(name, f"has the same name as {seen[target]}: both would be written "
                                              f"to {target}"))
        seen[target] = name
    make_directory(output)
    return targets


def convert_one(input_name: str, target: str | Path | None, fmt: str, edits: Path | None = None,
                authority: Sequence[Path] = (), skip: frozenset[str] = frozenset(),
                without_rules: frozenset[str] = frozenset(), trace: list[dict] | None = None,
                max_size: int | None = None, register: Path | None = None, refs: str = "register"
                ) -> list[Diagnostic]:
    """Convert one input to ``target`` (stdout when None); returns warnings. ``edits``: the
    editor's file (default: NAME.edits.toml beside the input, when there is one);
    ``authority``: the lists names are linked to; ``skip``: passes not to run; ``without_rules``:
    rules switched off; ``trace``: where to add the decisions of this input; ``max_size``: the
    largest input read; ``register``: the project's register folder, which names then point at
    (``refs``: "register" or "uri"), instead of the document's own lists."""
    from teikit.convert import ConvertOptions, convert_text
    from teikit.enrich.register_link import RegisterOptions
    from teikit.writers.tei import default_schema_refs

    source = read_text(input_name, max_size)
    out_dir = Path(target).parent if target is not None and not is_stdout(target) else Path.cwd()
    options = ConvertOptions(schema_refs=default_schema_refs(schema_dir_for(out_dir)), edits=edits,
                             authority=list(authority), output_dir=out_dir, skip=skip, without_rules=without_rules,
                             register=None if register is None else RegisterOptions(register, Path(input_name).stem,
                                                                                    refs))
    result = convert_text(source, options=options)
    if trace is not None and result.trace is not None:
        trace.extend(result.trace.records(input_name))
    data = result.document.to_json().encode("utf-8") + b"\n" if fmt == "json" else result.tei
    write_output(STDOUT if target is None else target, data)
    return result.warnings


def _options(out_dir: Path, edits: Path | None, authority: Sequence[Path], skip: frozenset[str],
             without_rules: frozenset[str]):
    from teikit.convert import ConvertOptions
    from teikit.writers.tei import default_schema_refs

    return ConvertOptions(schema_refs=default_schema_refs(schema_dir_for(out_dir)), edits=edits,
                          authority=list(authority), output_dir=out_dir, skip=skip, without_rules=without_rules)


@dataclass
class SplitRun:
    """What ``--split`` wrote in this run: the files (two inputs must not write the same one) and,
    for ``--corpus-file``, the parts and documents."""

    directory: Path
    written: dict[str, str] = field(default_factory=dict)  # file name -> the input that wrote it
    parts: list = field(default_factory=list)
    documents: list = field(default_factory=list)


def convert_split(input_name: str, run: SplitRun, edits: Path | None = None, authority: Sequence[Path] = (),
                  skip: frozenset[str] = frozenset(), without_rules: frozenset[str] = frozenset(),
                  trace: list[dict] | None = None, max_size: int | None = None) -> list[Diagnostic]:
    """Convert one input to one TEI file a work in ``run.directory`` (NAME-1.xml, NAME-2.xml, ...;
    NAME.xml for a text of one work); returns warnings."""
    from teikit.convert import read_and_enrich
    from teikit.writers.split import part_names, split_parts
    from teikit.writers.tei import TeiWriter

    source = read_text(input_name, max_size)
    options = _options(run.directory, edits, authority, skip, without_rules)
    document = read_and_enrich(source, options=options)
    stem = Path(output_name(input_name)).stem
    clashes = [name for name in part_names(stem, len(document.works)) if name in run.written]
    if clashes:
        raise TeikitError(Diagnostic(input_name, f"its work would be written to {run.directory / clashes[0]}, "
                                                 f"which {run.written[clashes[0]]} wrote in this run"))
    writer = TeiWriter(list(options.schema_refs), output_dir=run.directory)
    parts = split_parts(document, writer.split_trees(document), stem)
    if trace is not None:
        trace.extend(writer.trace.records(input_name))
    for part in parts:
        write_output(run.directory / part.name, writer.serialise(part.tree))
        run.written[part.name] = input_name
        run.parts.append(part)
    run.documents.append(document)
    return list(source.warnings)


def write_corpus(path: str, run: SplitRun) -> None:
    """The teiCorpus of ``--corpus-file``: copies of every TEI the run wrote."""
    from teikit.ids import ncname
    from teikit.writers.split import corpus_of
    from teikit.writers.tei import TeiWriter, default_schema_refs

    to_stdout = is_stdout(path)
    folder = Path.cwd() if to_stdout else Path(path).parent
    corpus = corpus_of(run.parts, run.documents, f"{ncname('stdout' if to_stdout else Path(path).stem)}-corpus")
    write_output(path, TeiWriter(default_schema_refs(schema_dir_for(folder))).serialise(corpus))


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", metavar="OUTPUT",
              help="Output file (one input; - for stdout) or directory (several inputs, or a path ending in /: "
                   "made if missing). Default: stdout for one input.")
@click.option("--format", "fmt", type=click.Choice(["tei", "json"]), default="tei", show_default=True,
              help="TEI P5 XML, or a JSON dump of the document model (for inspection and tests).")
@click.option("--edits", type=click.Path(dir_okay=False, path_type=Path),
              help="The editor's file for a single input. Default: NAME.edits.toml beside NAME.txt, if any.")
@authority_option
@click.option("--skip", "skip", multiple=True, type=click.Choice(passes()),
              help="A pass not to run (repeatable). Structure alone converts very long texts fastest.")
@click.option("--trace", "trace_path", metavar="FILE",
              help="Write every decision (element, rules with weights and features, threshold, certainty) "
                   "of all inputs to this JSON file.")
@click.option("--without-rule", "without", multiple=True, metavar="RULE",
              help="Switch off a named rule of the weight tables (repeatable): see what it decides.")
@click.option("--split", is_flag=True,
              help="Write one TEI file a work (NAME-1.xml, NAME-2.xml, ...) instead of a teiCorpus for a text of "
                   "several works; needs -o DIR.")
@click.option("--corpus-file", "corpus_file", metavar="FILE",
              help="With --split: also write a teiCorpus holding copies of every TEI written (not XIncludes).")
@max_size_option
@reports_errors
def convert(inputs: tuple[str, ...], output: str | None, fmt: str, edits: Path | None,
            authority: tuple[Path, ...], skip: tuple[str, ...], trace_path: str | None,
            without: tuple[str, ...], split: bool, corpus_file: str | None, max_size: int) -> None:
    """Convert plain-text transcriptions to TEI P5.

    INPUT is a text file, or - for standard input. Several inputs need -o DIR.
    """
    from teikit.pipeline import Pipeline

    Pipeline.build(skip)  # a pass that needs a skipped one is a usage error before anything is read
    without_rules = _known_rules(without)
    if STDIN_NAME in inputs and len(inputs) > 1:
        raise UsageError(Diagnostic("-", "standard input (-) can only be converted on its own"))
    if len(inputs) > 1 and edits is not None:
        raise UsageError(Diagnostic("--edits", "an editor's file belongs to one text: give a single input"))
    if trace_path is not None:
        check_file(trace_path, "--trace")
        if is_stdout(trace_path) and (output is None or is_stdout(output)):
            raise UsageError(Diagnostic("--trace", "standard output has the converted text already: "
                                                   "give the trace a file"))
    run = _plan_split(inputs, output, fmt, corpus_file) if split else None
    if corpus_file is not None and run is None:
        raise UsageError(Diagnostic("--corpus-file", "goes with --split (without it, a text of several works "
                                                     "is written as a teiCorpus already)"))
    lists = authority_paths(authority)
    targets = plan_outputs(inputs, output, fmt) if run is None else [None] * len(inputs)
    project = Project.load(authority=authority)
    failed = False
    trace: list[dict] | None = [] if trace_path is not None else None
    for name, target in zip(inputs, targets):
        try:
            if run is not None:
                emit(convert_split(name, run, edits, lists, frozenset(skip), without_rules, trace, max_size))
            else:
                emit(convert_one(name, target, fmt, edits, lists, frozenset(skip), without_rules, trace, max_size,
                                 *_register_for(project, target)))
        except TeikitError as exc:
            if isinstance(exc, UsageError):
                raise
            emit([exc.diagnostic])
            failed = True
    if run is not None and corpus_file is not None and run.parts:
        write_corpus(corpus_file, run)
    if trace_path is not None:
        write_output(trace_path, json.dumps(trace, ensure_ascii=False, indent=1) + "\n")
    if failed:
        sys.exit(int(ExitCode.FAILED))


def _plan_split(inputs: Sequence[str], output: str | None, fmt: str, corpus_file: str | None) -> SplitRun:
    """``--split``: checked before anything is read (a directory, TEI, a corpus file that can be written)."""
    if fmt != "tei":
        raise UsageError(Diagnostic("--split", "writes TEI files: it does not go with --format json"))
    if output is None or is_stdout(output):
        raise UsageError(Diagnostic("--split", "needs -o DIR: the works are written as files in a directory"))
    if corpus_file is not None:
        check_file(corpus_file, "--corpus-file")
    return SplitRun(make_directory(output))


def _register_for(project: Project, target: str | None) -> tuple[Path | None, str]:
    """Inside a project, a TEI written into its tei folder points at the register (as the build
    writes it); anywhere else a document keeps its own lists."""
    if not project.settings.sources or target is None or is_stdout(target):
        return None, "register"
    if Path(target).parent.resolve() != project.tei.resolve():
        return None, "register"
    return project.register, project.refs


def _known_rules(names: tuple[str, ...]) -> frozenset[str]:
    """The rules named, each checked against the weight tables (a misspelt rule is a usage error)."""
    if not names:
        return frozenset()
    from teikit.weights import all_rules

    known = {rule.name for rule in all_rules()}
    unknown = sorted(set(names) - known)
    if unknown:
        raise UsageError(Diagnostic("--without-rule", f"no rule named {', '.join(unknown)} "
                                                      "(the rules are listed in docs/rules.md)"))
    return frozenset(names)
