"""``teikit validate`` as users and CI run it: paths, schema choice, formats, exit codes, jobs.

The report goes to stdout (or --output), problems of the run itself to stderr. Tests that depend on
--strict say --strict or --no-strict, so that they behave alike under CI=true and on a laptop."""

from __future__ import annotations

import json
import shutil

import pytest
from helpers import run_teikit
from validate_support import INVALID, ROOT, VALID, jing, private_cache, tei_all_env  # noqa: F401 (fixtures)

MINIMAL = ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml"


def stderr(result) -> str:
    return result.stderr.decode("utf-8")


def stdout(result) -> str:
    return result.stdout.decode("utf-8")


def test_valid_files_exit_0_and_say_so():
    result = run_teikit("validate", "--schema", "teikit", *map(str, VALID))
    assert result.returncode == 0, stderr(result)
    n = len(VALID)
    assert stdout(result).strip() == f"teikit validate: {n} files, {n} valid, 0 invalid (0 errors, 0 warnings)"
    assert stderr(result) == ""


def test_invalid_files_exit_1_never_the_error_count(tmp_path):
    result = run_teikit("validate", "--schema", "teikit", str(ROOT / "tests" / "schema" / "invalid"))
    assert result.returncode == 1
    assert stderr(result) == ""
    lines = stdout(result).splitlines()
    assert lines[-1].startswith(f"teikit validate: {len(INVALID)} files, 0 valid, {len(INVALID)} invalid")
    assert all(": error: [" in line for line in lines[:-1])


@pytest.mark.parametrize("args, message", [
    ([], "Missing argument"),
    (["--format", "xml", "x.xml"], "Invalid value for '-f' / '--format'"),
    (["--schema", "missing.rng", "x.xml"], "--schema missing.rng: error: [validate] schema missing.rng does not exist"),
    (["--schema", "schema.rnc", "x.xml"], "compact syntax is not supported"),
    (["--jobs", "-1", "x.xml"], "Invalid value for '-j' / '--jobs'"),
])
def test_usage_errors_exit_2(args, message):
    result = run_teikit("validate", *args)
    assert result.returncode == 2
    assert message in stderr(result) and "Traceback" not in stderr(result)


def test_tei_all_configured_but_missing_is_a_usage_error_naming_where(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_TEI_ALL", str(tmp_path / "gone.rng"))
    result = run_teikit("validate", "--schema", "tei_all", str(MINIMAL), cwd=tmp_path)
    assert result.returncode == 2
    assert f"tei_all schema {tmp_path / 'gone.rng'} (from TEIKIT_TEI_ALL) does not exist" in stderr(result)


def test_tei_all_from_teikit_toml(tmp_path, tei_all_rng, monkeypatch):
    monkeypatch.delenv("TEIKIT_TEI_ALL", raising=False)
    (tmp_path / "teikit.toml").write_text(f'tei_all = "{tei_all_rng}"\n')
    result = run_teikit("validate", "--schema", "tei_all", str(MINIMAL), cwd=tmp_path)
    assert result.returncode == 0, stderr(result)


def test_tei_all_from_the_environment(tei_all_env):
    result = run_teikit("validate", "--schema", "tei_all", "--embedded-rules", str(MINIMAL))
    assert result.returncode == 0, stderr(result)


def test_folders_and_globs(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    shutil.copy(MINIMAL, tmp_path / "a" / "one.xml")
    shutil.copy(MINIMAL, tmp_path / "a" / "b" / "two.xml")
    shutil.copy(MINIMAL, tmp_path / ".hidden" / "skipped.xml")
    (tmp_path / "a" / "notes.txt").write_text("not XML")
    folder = json.loads(run_teikit("validate", "-f", "json", str(tmp_path)).stdout)
    found = [f["path"] for f in folder["files"]]
    assert found == [str(tmp_path / "a" / "one.xml"), str(tmp_path / "a" / "b" / "two.xml")]
    globbed = json.loads(run_teikit("validate", "-f", "json", f"{tmp_path}/**/*.xml").stdout)
    assert len(globbed["files"]) == 2
    nothing = run_teikit("validate", f"{tmp_path}/*.tei")
    assert nothing.returncode == 1 and "no files match this pattern" in stdout(nothing)


def test_xml_model_chooses_local_schemas_and_never_fetches(tmp_path):
    schema = tmp_path / "schemas"
    schema.mkdir()
    (schema / "r.rng").write_text('<element name="r" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>')
    (schema / "r.sch").write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron"><sch:pattern>'
                                  '<sch:rule context="r"><sch:assert test="@ok" id="needs-ok">r needs @ok</sch:assert>'
                                  '</sch:rule></sch:pattern></sch:schema>')
    doc = tmp_path / "doc.xml"
    doc.write_text('<?xml-model href="schemas/r.rng" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
                   '<?xml-model href="schemas/r.sch" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
                   '<?xml-model href="https://example.org/remote.rng"?>\n<r><x/></r>\n')
    report = json.loads(run_teikit("validate", "--no-strict", "-f", "json", str(doc)).stdout)
    (entry,) = report["files"]
    found = {(d["engine"], d["severity"]) for d in entry["diagnostics"]}
    assert ("rng", "error") in found and ("schematron", "error") in found
    assert any("https://example.org/remote.rng" in d["message"] and d["severity"] == "warning"
               for d in entry["diagnostics"])


def test_without_any_schema_only_well_formedness_is_checked_and_said():
    result = run_teikit("validate", "--no-strict", str(MINIMAL))
    assert result.returncode == 0
    assert "only well-formedness was checked" in stdout(result)


def test_output_file_gets_the_report_and_stdout_the_summary(tmp_path):
    target = tmp_path / "out" / "report.xml"
    target.parent.mkdir()  # (teikit makes no folder for an output file)
    result = run_teikit("validate", "--schema", "teikit", "-f", "junit", "-o", str(target), *map(str, INVALID[:2]))
    assert result.returncode == 1
    assert target.read_text().startswith("<?xml") and result.stderr == b""
    assert stdout(result).startswith("teikit validate: 2 files")


def test_standard_input():
    result = run_teikit("validate", "--schema", "teikit", "-", input=MINIMAL.read_bytes())
    assert result.returncode == 0, stderr(result)


@pytest.mark.parametrize("name", ["000_c13e9c14db7b3e72.xml", "../tests/schema/invalid/pointer-unresolved.xml"])
def test_standard_input_gets_the_verdict_of_the_same_file_by_path(name):
    """teikit.sch resolves pointers against the document's base URI: stdin's is in the working folder
    (it was a URN Saxon cannot resolve against: 41 errors on a file valid by path)."""
    path = ROOT / "tei" / name
    args = ["validate", "-f", "json", "--schema", "teikit", "--schema", "tei_all", "--embedded-rules"]
    by_path = json.loads(run_teikit(*args, str(path)).stdout)["files"][0]
    piped = json.loads(run_teikit(*args, "-", input=path.read_bytes()).stdout)["files"][0]
    assert piped["path"] == "-"
    assert (piped["valid"], piped["diagnostics"]) == (by_path["valid"], by_path["diagnostics"])


def test_the_report_goes_to_stdout_and_problems_of_the_run_to_stderr(tmp_path):
    invalid = [str(p) for p in INVALID[:2]]
    for fmt in ("text", "json", "junit", "github", "sarif"):
        result = run_teikit("validate", "--schema", "teikit", "-f", fmt, *invalid)
        assert result.returncode == 1 and result.stdout and result.stderr == b"", fmt
    broken = tmp_path / "broken.sch"
    broken.write_text("<not-schematron/>")
    result = run_teikit("validate", "--schema", str(broken), *invalid)
    assert result.returncode == 2 and result.stdout == b""
    (line,) = stderr(result).splitlines()
    assert line.startswith(f"{broken}: error: [schematron] not an ISO Schematron schema")


def test_an_output_the_run_cannot_write_is_one_line_on_stderr(tmp_path):
    (tmp_path / "file").write_text("")
    for option, message in (("--output", f"-o: {tmp_path / 'file'} is not a folder"),  # as for every command's -o
                            ("--job-summary", "[validate] cannot write (--job-summary): ")):
        result = run_teikit("validate", "--schema", "teikit", option, str(tmp_path / "file" / "x"), str(MINIMAL))
        assert result.returncode == 2
        (line,) = stderr(result).splitlines()
        assert line.startswith(f"{tmp_path / 'file' / 'x'}: error: {message}")


def test_parallel_jobs_give_the_same_report_as_one_job(tei_all_env):
    files = [str(p) for p in VALID + INVALID]
    one = run_teikit("validate", "-f", "json", "-j", "1", "--schema", "teikit", "--schema", "tei_all", *files)
    two = run_teikit("validate", "-f", "json", "-j", "2", "--schema", "teikit", "--schema", "tei_all", *files)
    assert one.returncode == two.returncode == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_jing_engine_agrees(jing, tei_all_env):
    files = [str(p) for p in VALID + INVALID]
    ours = json.loads(run_teikit("validate", "-f", "json", "--schema", "tei_all", *files).stdout)
    theirs = json.loads(run_teikit("validate", "-f", "json", "--engine", "jing", "--schema", "tei_all", *files).stdout)
    assert [f["valid"] for f in ours["files"]] == [f["valid"] for f in theirs["files"]]


def test_xml_model_naming_tei_all_by_url_uses_the_configured_copy(tmp_path, tei_all_env):
    doc = tmp_path / "doc.xml"
    doc.write_text('<?xml-model href="https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" '
                   'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
                   '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body/></text></TEI>\n')
    report = json.loads(run_teikit("validate", "-f", "json", str(doc)).stdout)
    (entry,) = report["files"]
    assert not entry["valid"] and {d["engine"] for d in entry["diagnostics"]} == {"rng"}


def test_committed_tei_names_schemas_that_validate_it(tei_all_env):
    """tei/*.xml name tei_all (by URL) and the teikit pair (by path) in xml-model: all are used."""
    files = sorted((ROOT / "tei").glob("*.xml"))
    if not files:
        pytest.skip("no converter output in tei/ yet")
    result = run_teikit("validate", "-f", "json", *map(str, files))
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout.decode()
    assert all(entry["diagnostics"] == [] for entry in report["files"])


def test_rules_that_do_not_compile_stop_parallel_jobs_with_a_usage_error(tmp_path):
    rules = tmp_path / "bad.sch"
    rules.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                     '<sch:pattern><sch:rule context="*"><sch:assert test="((">x</sch:assert></sch:rule>'
                     '</sch:pattern></sch:schema>')
    result = run_teikit("validate", "-j", "2", "--schema", str(rules), *map(str, VALID))
    assert result.returncode == 2
    assert f"{rules}: error: [schematron] rules do not compile: XPST0003" in stderr(result)


def test_ids_across_files_are_checked_when_xml_model_names_teikit_sch(tmp_path):
    source = (ROOT / "tei").glob("*.xml")
    first = next(source, None)
    if first is None:
        pytest.skip("no converter output in tei/ yet")
    schema_dir = (ROOT / "schema").as_posix()
    text = first.read_text(encoding="utf-8").replace('href="../schema/', f'href="{schema_dir}/')
    for name in ("one.xml", "two.xml"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = json.loads(run_teikit("validate", "-f", "json", str(tmp_path)).stdout)
    for entry in report["files"]:
        assert "teikit-id-unique-in-run" in {d["code"] for d in entry["diagnostics"]}
