"""What ``teikit html`` and ``teikit text`` share: their options and how they run a batch."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from teikit.cli.common import emit, reports_errors
from teikit.errors import Diagnostic, ExitCode, UsageError
from teikit.outputs import write_stdout


def publish_command(target_name: str, summary: str, epilog: str = "") -> click.Command:
    """A click command that publishes TEI inputs with the stylesheet of ``target_name``."""

    @click.command(name=target_name, help=summary, epilog=epilog,
                   context_settings={"help_option_names": ["-h", "--help"]})
    @click.argument("inputs", nargs=-1, metavar="INPUT...")
    @click.option("-o", "--output", metavar="OUTPUT",
                  help="Output file (one input; - for stdout) or directory (several inputs, or a path ending "
                       "in /: made if missing). Default: stdout.")
    @click.option("-p", "--param", "assignments", multiple=True, metavar="NAME=VALUE",
                  help="Set a stylesheet parameter (repeatable; --list-params shows them).")
    @click.option("--xslt", metavar="FILE",
                  help="Use a project's own stylesheet (one that imports teikit's, usually).")
    @click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
                  help="Processes to use; 0 decides by the size of the batch.")
    @click.option("--list-params", is_flag=True, help="List the stylesheet's parameters and exit.")
    @reports_errors
    def command(inputs, output, assignments, xslt, jobs, list_params):
        from teikit.publish import TARGETS, declared_params, parse_assignments, plan_jobs, run_batch
        from teikit.publish.batch import worker_count

        target = TARGETS[target_name]
        stylesheet = _stylesheet(xslt) if xslt else target.stylesheet_path
        specs = declared_params(stylesheet)
        if list_params:
            for spec in specs.values():
                click.echo(spec.describe())
            return
        params = parse_assignments(assignments, specs)
        job_list = plan_jobs(list(inputs), output, target.suffix)
        batch = run_batch(job_list, target, stylesheet, params, worker_count(job_list, jobs))
        emit(batch.diagnostics)
        if batch.stdout is not None:
            write_stdout(batch.stdout)
        if batch.failed:
            sys.exit(int(ExitCode.FAILED))

    return command


def _stylesheet(path: str) -> Path:
    stylesheet = Path(path)
    if not stylesheet.is_file():
        raise UsageError(Diagnostic(path, "--xslt: no such stylesheet file"))
    return stylesheet.resolve()
