"""``teikit review INPUT... [--format table|csv|json]``: what needs an editor's eye."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from teikit.cli.authority_option import authority_option, authority_paths
from teikit.cli.common import emit, max_size_option, reports_errors
from teikit.errors import Diagnostic, ExitCode, TeikitError, UsageError
from teikit.model import ReviewItem
from teikit.outputs import STDOUT, check_file, write_output

_COLUMNS = ("file", "category", "line", "cert", "text", "message")


def _looks_like_xml(name: str, data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5]
    return name.endswith(".xml") or head.startswith(b"<?xml") or head.startswith(b"<TEI") or head.startswith(b"<tei")


def collect(name: str, options, trace: list[dict] | None = None, max_size: int | None = None) -> list[ReviewItem]:
    """Review items for one input, plain text or TEI (with the decisions of ``trace``, when given;
    an input larger than ``max_size`` bytes refused)."""
    from teikit.textio import decode, read_bytes

    data = read_bytes(name, max_size)
    if _looks_like_xml(name, data):
        from teikit.review import review_tei
        from teikit.xmlio import parse_bytes

        return review_tei(parse_bytes(name, data).getroot(), name, _for_file(trace, name))
    from teikit.convert import convert_text
    from teikit.enrich.spelling import propose_corrections

    source = decode(name, data)
    emit(source.warnings)
    document = convert_text(source, options=options).document
    propose_corrections(document)
    return document.review


def _for_file(trace: list[dict] | None, name: str) -> list[dict] | None:
    """The decisions of a trace that belong to the TEI file ``name``: those of the input with the
    same stem when the trace holds several inputs (texts/a.txt for tei/a.xml), else all."""
    if trace is None:
        return None
    files = {record.get("file") for record in trace}
    if len(files) <= 1:
        return trace
    stem = Path(name).stem
    return [record for record in trace if Path(str(record.get("file"))).stem == stem]


def _read_trace(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(Diagnostic(str(path), f"not a trace written by teikit convert --trace: {exc}")) from None
    if not isinstance(data, list) or not all(isinstance(r, dict) and "xpath" in r for r in data):
        raise UsageError(Diagnostic(str(path), "not a trace written by teikit convert --trace"))
    return data


# Columns of the table and CSV: the rules behind an item come last; their full record only in JSON.
_LAST, _JSON_ONLY = ("rules",), frozenset({"evidence", "work"})


def _extra_columns(rows: list[dict]) -> list[str]:
    """The data columns the items carry (type, count, entry, context...), after the common ones,
    and the rules behind each item last."""
    present = {k for r in rows for k in r if r[k] not in (None, "")}
    return sorted(present - set(_COLUMNS) - _JSON_ONLY - set(_LAST)) + [c for c in _LAST if c in present]


def _table(rows: list[dict]) -> str:
    if not rows:
        return "nothing to review\n"
    columns = [*_COLUMNS, *_extra_columns(rows)]
    widths = {c: min(max(len(str(r.get(c) or "")) for r in rows + [{c: c}]),
                     60 if c in ("text", "context") else 200 if c == "rules" else 80)
              for c in columns}
    line = "  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip()
    out = [line]
    for row in rows:
        out.append("  ".join(str(row.get(c) if row.get(c) is not None else "")[:widths[c]].ljust(widths[c])
                             for c in columns).rstrip())
    return "\n".join(out) + "\n"


def _render(rows: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=[*_COLUMNS, *_extra_columns(rows)], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    return _table(rows)


@click.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT...]")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="A table for people, CSV for spreadsheets, or JSON (with each item's full evidence).")
@authority_option
@click.option("--trace", "trace_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="For TEI inputs: the trace teikit convert --trace wrote for them, to show the rules behind "
                   "each item (text inputs always show them).")
@click.option("-o", "--output", metavar="FILE", help="Write the list to FILE (atomically; - for stdout). "
                                                       "Default: stdout.")
@click.option("--accept", "accept", metavar="ID", help="In a project: the entry (adopted into the register) "
              "or the mention DOC#ID is right.")
@click.option("--reject", "reject", metavar="ID", help="In a project: not a name, or not this entity: never "
              "tagged again.")
@click.option("--merge", "merge", nargs=2, metavar="ID INTO", help="In a project: ID (an entry or a mention) is "
              "the entry INTO.")
@click.option("--link", "link", nargs=2, metavar="ID AUTHORITY:ID", help="In a project: the entry's authority "
              "id (wikidata:Q…, viaf:…, geonames:…, gnd:…).")
@click.option("--rename", "rename", nargs=2, metavar="ID NAME", help="In a project: the entry's preferred name "
              "(its id stays).")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
              help="The project's settings (teikit.toml or pyproject.toml). Default: found from here upwards.")
@max_size_option
@reports_errors
def review(inputs: tuple[str, ...], fmt: str, authority: tuple[Path, ...], trace_path: Path | None,
           output: str | None, max_size: int, accept: str | None = None, reject: str | None = None,
           merge: tuple[str, str] | None = None, link: tuple[str, str] | None = None,
           rename: tuple[str, str] | None = None, config: Path | None = None) -> None:
    """List what teikit guessed, with its certainty and the rules behind it, for an editor to check.

    INPUT is a plain text (converted on the fly) or a TEI file (its markup is read). With no
    INPUT, inside a project: what the register needs decided (proposed entries by xml:id, uncertain
    mentions as DOC#ID); --accept, --reject, --merge, --link and --rename record a decision in
    the register's decisions.toml, which every later build applies.
    """
    from teikit.convert import ConvertOptions
    from teikit.review import item_record

    if output is not None:
        check_file(output)
    verbs = [(verb, value) for verb, value in (("accept", accept), ("reject", reject), ("merge", merge),
                                               ("link", link), ("rename", rename)) if value]
    if verbs or not inputs:
        if inputs:
            raise UsageError(Diagnostic(f"--{verbs[0][0]}", "a decision is about the project's register: "
                                                             "give no INPUT"))
        _register_review(verbs, fmt, output, authority, config)
        return
    options = ConvertOptions(authority=authority_paths(authority), output_dir=Path.cwd())
    trace = _read_trace(trace_path) if trace_path is not None else None
    rows: list[dict] = []
    failed = False
    for name in inputs:
        try:
            rows += [item_record(name, item) for item in collect(name, options, trace, max_size)]
        except TeikitError as exc:
            emit([exc.diagnostic])
            failed = True
    write_output(output or STDOUT, _render(rows, fmt))
    if failed:
        sys.exit(int(ExitCode.FAILED))


def _register_review(verbs: list, fmt: str, output: str | None, authority: tuple[Path, ...],
                     config: Path | None) -> None:
    """``teikit review`` with no INPUT: the project's register (teikit.review.register)."""
    from teikit.project import Project
    from teikit.review.register import decide, pending

    project = Project.load(config, authority)
    if not project.settings.sources:
        raise UsageError(Diagnostic(".", "no INPUT, and no project here (teikit.toml or [tool.teikit]): give "
                                         "INPUT, or run inside a project"))
    if verbs:
        for verb, value in verbs:
            handle, extra = (value, None) if isinstance(value, str) else value
            click.echo(decide(project, verb, handle, extra))
        return
    rows = pending(project)
    write_output(output or STDOUT, _render(rows, fmt) if rows else "nothing to decide\n")
