"""``teikit validate``: check TEI (or any XML) against XSD, RELAX NG and Schematron.

The report, text included, goes to stdout (or ``--output``); stderr carries only what went wrong
with the run itself (a usage error, a schema that cannot be used), so that a CI job can keep the
report and still see why a run failed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Mapping

import click

from teikit.cli.common import reports_errors
from teikit.errors import Diagnostic, ExitCode, UsageError
from teikit.validate.reports import FORMATS, Summary, markdown_summary, render

ENGINES = ("teikit", "jing")
# formats read by machines in CI: there, a file nothing could validate must not pass
STRICT_FORMATS = ("github", "junit", "sarif")
TEI_SCHEMA_NAMES = ("teikit", "tei_all")


def strict_by_default(fmt: str, environ: Mapping[str, str] = os.environ) -> bool:
    """--strict unless said otherwise: for the CI formats, and when $CI is set (to anything but
    empty, 0 or false)."""
    ci = environ.get("CI", "").strip().lower()
    return fmt in STRICT_FORMATS or ci not in ("", "0", "false")


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-s", "--schema", "schemas", multiple=True, metavar="SCHEMA",
              help="teikit (schema/teikit.xsd + teikit.sch), tei_all ($TEIKIT_TEI_ALL, the configured copy, else "
                   "the TEI P5 copy shipped with teikit), or a .xsd, .rng, .sch or .isosch file. Repeatable. "
                   "Default: each file's <?xml-model?> instructions.")
@click.option("--embedded-rules", is_flag=True,
              help="Also run the Schematron rules embedded in RELAX NG schemas (as tei_all.rng has).")
@click.option("--phase", metavar="NAME", help="Schematron phase (default: the schema's defaultPhase, else #ALL).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the report to FILE (atomically; - is stdout) instead of stdout; stdout gets the summary "
                   "line.")
@click.option("--strict/--no-strict", default=None,
              help="A file with no usable schema, or naming one that cannot be used, is an error (exit 1). "
                   "Default: on for --format github, junit and sarif, and when $CI is set (not 0 or false).")
@click.option("--only-tei", is_flag=True,
              help="Skip, with a notice, files whose root element is not in the TEI namespace (XSLT, XSD, other "
                   "XML); without it, such a file is an error under --schema teikit or tei_all.")
@click.option("--job-summary", type=click.Path(dir_okay=False), metavar="FILE",
              help="Also append a Markdown summary table to FILE (in GitHub Actions: $GITHUB_STEP_SUMMARY).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Parallel processes; 0 uses every CPU when the input is large enough to gain from it "
                   "(one with --engine jing, whose single JVM takes the whole batch).")
@click.option("--engine", type=click.Choice(ENGINES), default="teikit", show_default=True,
              help="RELAX NG engine: teikit's, or jing (Java; $TEIKIT_JING names its jar, else the jing on PATH).")
@reports_errors
def validate(paths, schemas, embedded_rules, phase, fmt, output, strict, only_tei, job_summary, jobs, engine):
    """Validate XML files, folders (*.xml below them) and glob patterns.

    Exit status: 0 all files valid (or skipped), 1 a file is invalid or unreadable, 2 usage error.
    """
    from teikit.project import Project
    from teikit.validate.runner import Options, validate as run
    from teikit.outputs import check_file, write_output

    if output:
        check_file(output)
    project = Project.load()
    refs = project.schema_option(schemas, embedded_rules) if schemas else None
    options = Options(refs, jobs, phase, engine, embedded_rules, tei_all=project.tei_all,
                      strict=strict_by_default(fmt) if strict is None else strict,
                      require_tei=any(s in TEI_SCHEMA_NAMES for s in schemas), only_tei=only_tei,
                      skip_folders=project.authority_folders())
    results = run(list(paths), options)
    report = render(results, fmt)
    summary = Summary.of(results)
    if output:
        with _writing(output, "--output"):
            write_output(output, report)
        click.echo(summary.line())
    else:
        click.echo(report, nl=False)
    if job_summary:
        with _writing(job_summary, "--job-summary"), open(job_summary, "a", encoding="utf-8") as fh:
            fh.write(markdown_summary(results, strict=options.strict))
    sys.exit(int(ExitCode.OK if summary.invalid == 0 else ExitCode.FAILED))


@contextlib.contextmanager
def _writing(path: str, option: str):
    """A file the run cannot write is a problem of the run (stderr, exit 2), not a traceback."""
    try:
        yield
    except OSError as exc:
        raise UsageError(Diagnostic(path, f"cannot write ({option}): {exc.strerror or exc}",
                                    engine="validate")) from None
