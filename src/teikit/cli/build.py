"""``teikit build``: the project's texts -> TEI -> validated -> a published site, rebuilding only
what changed, on every core or on a Dask cluster (see teikit.build)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from teikit.build.executors import EXECUTORS
from teikit.cli.authority_option import authority_option
from teikit.cli.common import emit, max_size_option, reports_errors
from teikit.errors import Diagnostic, ExitCode, UsageError
from teikit.outputs import check_file
from teikit.project import SOURCES


@click.command()
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help="Settings file (teikit.toml or pyproject.toml). Default: found from the working directory up.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (Dask: workers of the local cluster). Default: all cores.")
@click.option("--executor", type=click.Choice(EXECUTORS), default=None,
              help="Where documents are built: local processes, or a Dask cluster (pip install "
                   "'teikit[dask]'). Default: local, or dask with --scheduler.")
@click.option("--scheduler", metavar="ADDRESS",
              help="The Dask scheduler to join, e.g. tcp://host:8786. Default: start a local cluster.")
@click.option("--source", type=click.Choice(SOURCES), default=None,
              help="What to build from: texts (texts/*.txt converted to tei/) or tei (an existing edition's "
                   "tei/*.xml, read only). Default: the 'source' setting, else texts.")
@authority_option
@click.option("--force", is_flag=True, help="Rebuild every document, changed or not.")
@click.option("--report", "report_file", metavar="FILE",
              help="Also write the summary, every document and every diagnostic as JSON to this file (- for "
                   "stdout, after the table).")
@max_size_option
@reports_errors
def build(config: Path | None, jobs: int | None, executor: str | None, scheduler: str | None,
          source: str | None, authority: tuple[Path, ...], force: bool, report_file: str | None,
          max_size: int) -> None:
    """Build the project: every text in `texts` to TEI in `tei`, validated against the project's
    schemas, published as HTML and plain text in `site` with an index of the works and of the
    persons, places and organisations they name. With --source tei (or source = "tei"), the TEI
    already in `tei` is the input: validated (each file's <?xml-model?>, else tei_all, unless
    `schema` is set) and published; nothing in `tei` is written, moved or deleted.

    Only documents whose inputs changed are rebuilt (their text, editor's file, the authority
    lists, schemas, stylesheets or teikit itself). Exit 1 when a document failed or is invalid.
    """
    from teikit.build import BuildOptions, build_project
    from teikit.build.runner import display
    from teikit.project import Project

    if executor == "local" and scheduler:
        raise UsageError(Diagnostic("--scheduler", "a scheduler is for --executor dask"))
    if report_file is not None:
        check_file(report_file, "--report")
    project = Project.load(config, authority, source=source)
    options = BuildOptions(jobs=jobs or 0, executor=executor or ("dask" if scheduler else "local"),
                           scheduler=scheduler, force=force, max_size=max_size)
    summary = build_project(project, options, report=emit)
    folders = (project.tei, project.site) if project.source == "tei" else (project.texts, project.tei, project.site)
    where = " -> ".join(display(str(p)) for p in folders)
    click.echo(f"teikit build: {where} ({summary.seconds:.1f} s)")
    click.echo(summary.table(), nl=False)
    click.echo(summary.notes(), nl=False)
    if report_file is not None:
        summary.write_json(report_file)
    if not summary.ok:
        sys.exit(int(ExitCode.FAILED))
