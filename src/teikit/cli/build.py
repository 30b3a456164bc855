"""``teikit build``: the project's main job (for now: every ``texts/*.txt`` -> ``tei/*.xml``)."""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click

from teikit.cli.authority_option import authority_option, authority_paths
from teikit.cli.common import emit, reports_errors
from teikit.cli.convert import convert_one, schema_dir_for
from teikit.config import load_settings
from teikit.errors import Diagnostic, ExitCode, TeikitError, UsageError


def _convert(job: tuple[str, str, list[Path]]) -> tuple[str, list[Diagnostic], Diagnostic | None]:
    source, target, authority = job
    try:
        return source, convert_one(source, Path(target), "tei", authority=authority), None
    except TeikitError as exc:
        return source, [], exc.diagnostic


@click.command()
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
              help="Settings file (teikit.toml or pyproject.toml). Default: found from the working directory up.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes. Default: all cores.")
@authority_option
@reports_errors
def build(config: Path | None, jobs: int | None, authority: tuple[Path, ...]) -> None:
    """Build the project: convert every text in `texts` to TEI in `tei`."""
    settings = load_settings(config)
    texts = settings.path("texts", "texts")
    tei_dir = settings.path("tei", "tei")
    if not texts.is_dir():
        raise UsageError(Diagnostic(str(texts), "no texts folder: set 'texts' in teikit.toml or [tool.teikit]"))
    sources = sorted(texts.glob("*.txt"))
    if not sources:
        raise UsageError(Diagnostic(str(texts), "no *.txt files to build"))
    tei_dir.mkdir(parents=True, exist_ok=True)
    lists = authority_paths(authority, settings)
    jobs_list = [(str(src), str(tei_dir / (src.stem + ".xml")), lists) for src in sources]
    workers = min(jobs or os.cpu_count() or 1, len(jobs_list))
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_convert, jobs_list))
    else:
        results = [_convert(job) for job in jobs_list]
    failed = 0
    for source, warnings, error in results:
        emit(warnings)
        if error is not None:
            emit([error])
            failed += 1
    built = len(results) - failed
    click.echo(f"teikit build: {built} built, {failed} failed -> {tei_dir}", err=True)
    if failed:
        sys.exit(int(ExitCode.FAILED))
