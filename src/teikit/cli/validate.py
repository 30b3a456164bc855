"""``teikit validate``: check TEI (or any XML) against XSD, RELAX NG and Schematron."""

from __future__ import annotations

import sys

import click

from teikit.cli.common import reports_errors
from teikit.errors import ExitCode
from teikit.validate.reports import FORMATS, Summary, render

ENGINES = ("teikit", "jing")


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-s", "--schema", "schemas", multiple=True, metavar="SCHEMA",
              help="teikit (schema/teikit.xsd + teikit.sch), tei_all (configured), or a .xsd, .rng, .sch or "
                   ".isosch file. Repeatable. Default: each file's <?xml-model?> instructions.")
@click.option("--embedded-rules", is_flag=True,
              help="Also run the Schematron rules embedded in RELAX NG schemas (as tei_all.rng has).")
@click.option("--phase", metavar="NAME", help="Schematron phase (default: the schema's defaultPhase, else #ALL).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the report to FILE (atomically; - for stdout) instead of the terminal.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Parallel processes; 0 uses every CPU when the input is large enough to gain from it.")
@click.option("--engine", type=click.Choice(ENGINES), default="teikit", show_default=True,
              help="RELAX NG engine: teikit's (libxml2 on a grammar pruned to the files) or jing (Java).")
@reports_errors
def validate(paths, schemas, embedded_rules, phase, fmt, output, jobs, engine):
    """Validate XML files, folders (*.xml below them) and glob patterns.

    Exit status: 0 all files valid, 1 a file is invalid or unreadable, 2 usage error.
    """
    from teikit.project import Project
    from teikit.validate.runner import Options, validate as run
    from teikit.outputs import check_file, write_output

    if output:
        check_file(output)
    project = Project.load()
    refs = project.schema_option(schemas, embedded_rules) if schemas else None
    options = Options(refs, jobs, phase, engine, embedded_rules, tei_all=project.tei_all,
                      skip_folders=project.authority_folders())
    results = run(list(paths), options)
    report = render(results, fmt)
    summary = Summary.of(results)
    if output:
        write_output(output, report)
        click.echo(summary.line(), err=True)
    elif fmt == "text":
        click.echo(report, err=True, nl=False)
    else:
        click.echo(report, nl=False)
    sys.exit(int(ExitCode.OK if summary.invalid == 0 else ExitCode.FAILED))
