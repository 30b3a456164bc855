"""``--engine jing``: every file gets a verdict, jing reads nothing teikit did not check, one JVM
validates a job's whole batch, and a missing or wrong jing is a one-line usage error."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import HttpRecorder
from helpers import run_teikit
from hypothesis import given, settings
from hypothesis import strategies as st
from validate_support import ROOT, VALID, jing, private_cache  # noqa: F401 (fixtures)

from teikit.validate import documents
from teikit.validate.jing.engine import validate_files
from teikit.validate.jing.find import Jing, _locate
from teikit.validate.jing.inputs import _doctype_span, jing_input

SECRET = "TEIKIT-SECRET-9b41d2"
MINIMAL = ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml"
SMALL_RNG = ('<element name="r" xmlns="http://relaxng.org/ns/structure/1.0">'
             '<zeroOrMore><element name="a"><text/></element></zeroOrMore></element>')
# an element name of XML 1.0's fifth edition (U+2070) that libxml2 reads and jing's Xerces calls fatal
FIFTH_EDITION_NAME = "a\u2070"


def report(*args: str, **kwargs) -> dict:
    result = run_teikit("validate", "-f", "json", "--no-strict", *args, **kwargs)
    assert result.returncode in (0, 1), result.stderr.decode()
    return json.loads(result.stdout)


def verdicts(data: dict) -> dict[str, bool]:
    return {Path(f["path"]).name: f["valid"] for f in data["files"]}


def tei_variant(folder: Path, name: str, old: str, new: str) -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    path = folder / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.fixture
def invalid_batch_with_a_fatal_file(tmp_path) -> list[Path]:
    """Valid and invalid TEI against tei_all, a malformed file and a file only jing cannot parse in
    the middle, and invalid files after them (jing once reported those valid)."""
    body = "<p>Dear Friend,"
    return [
        MINIMAL,
        tei_variant(tmp_path, "01-unknown-element.xml", body, "<p><shout>Dear</shout> Friend,"),
        tei_variant(tmp_path, "02-malformed.xml", body, "<p>Dear Friend, <hi>"),
        tei_variant(tmp_path, "03-fifth-edition-name.xml", body, f"<p><{FIFTH_EDITION_NAME}/>Dear Friend,"),
        tei_variant(tmp_path, "04-bad-cert.xml", '<placeName ref=', '<placeName cert="sure" ref='),
        tei_variant(tmp_path, "05-misplaced-title.xml", body, "<title>x</title><p>Dear Friend,"),
        *VALID[1:3],
    ]


def test_a_fatal_file_in_the_middle_gives_the_same_verdicts_as_teikits_engine(jing, invalid_batch_with_a_fatal_file):
    files = list(map(str, invalid_batch_with_a_fatal_file))
    ours = report("--schema", "tei_all", *files)
    theirs = report("--engine", "jing", "--schema", "tei_all", *files)
    assert verdicts(theirs) == verdicts(ours)
    assert [v for name, v in verdicts(theirs).items() if name[:2] in ("01", "02", "03", "04", "05")] == [False] * 5
    by_name = {Path(f["path"]).name: f for f in theirs["files"]}
    (fatal,) = by_name["03-fifth-edition-name.xml"]["diagnostics"]
    assert (fatal["engine"], fatal["code"]) == ("jing", "jing-fatal")
    assert fatal["message"].startswith("jing cannot read this document: ") and fatal["line"]
    assert {d["engine"] for d in by_name["02-malformed.xml"]["diagnostics"]} == {"xml"}
    assert all(d["engine"] == "jing" for d in by_name["05-misplaced-title.xml"]["diagnostics"])


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def attack_files(tmp_path, http_recorder: HttpRecorder) -> dict[str, Path]:
    """Documents that make Debian's jing script read a local file or fetch a URL."""
    secret = write(tmp_path, "secret.txt", SECRET)
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    return {
        "schema": write(tmp_path, "r.rng", SMALL_RNG),
        "xinclude": write(tmp_path, "xinclude.xml",
                          f'<r {xi}><a><xi:include href="{secret.as_uri()}" parse="text"/></a>'
                          f'<a><xi:include href="{http_recorder.url}/x.txt" parse="text"/></a></r>'),
        "xml-base": write(tmp_path, "xml-base.xml",
                          f'<r {xi} xml:base="{http_recorder.url}/"><a><xi:include href="b.txt" parse="text"/></a></r>'),
        "dtd": write(tmp_path, "dtd.xml",
                     f'<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "{http_recorder.url}/r.dtd">\n<r><a>x</a></r>\n'),
        "public-dtd": write(tmp_path, "public-dtd.xml",
                            f'<!DOCTYPE r PUBLIC "-//X//Y" "{http_recorder.url}/p.dtd" [\n<!-- ] > -->\n'
                            '<!ATTLIST r n CDATA "]>">\n]>\n<r><a>y</a></r>\n'),
    }


def test_the_debian_jing_script_itself_includes_and_fetches(jing, attack_files, http_recorder):
    """(The control: the threat is real, and the recorder sees it.)"""
    result = subprocess.run([jing, str(attack_files["schema"]), str(attack_files["xinclude"])],
                            capture_output=True, text=True)
    assert http_recorder.requests == ["/x.txt"]
    assert "not allowed" not in result.stdout  # the XInclude elements were replaced, not validated


def test_jing_processes_no_xinclude_and_fetches_no_dtd(jing, attack_files, http_recorder):
    schema, *docs = map(str, attack_files.values())
    for fmt in ("text", "json", "junit", "github", "sarif"):
        result = run_teikit("validate", "--engine", "jing", "--format", fmt, "--schema", schema, *docs)
        output = result.stdout.decode() + result.stderr.decode()
        assert result.returncode == 1, output
        assert SECRET not in output and "Traceback" not in output
    data = report("--engine", "jing", "--schema", schema, *docs)
    assert verdicts(data) == {"xinclude.xml": False, "xml-base.xml": False, "dtd.xml": True, "public-dtd.xml": True}
    for entry in data["files"][:2]:  # the include elements themselves were validated
        assert any('element "xi:include" not allowed' in d["message"] for d in entry["diagnostics"])
    assert http_recorder.requests == []


def test_a_doctype_blanked_for_jing_keeps_the_files_lines_and_columns(jing, tmp_path):
    schema = write(tmp_path, "r.rng", SMALL_RNG)
    body = "<r>\n  <a>ok</a>\n     <b/>\n</r>\n"
    plain = write(tmp_path, "plain.xml", "\n\n\n\n" + body)
    doctype = write(tmp_path, "doctype.xml", '<!DOCTYPE r SYSTEM "r.dtd" [\n <!-- ] -->\n <!ATTLIST r n CDATA "]>">\n]>\n'
                    + body)
    data = report("--engine", "jing", "--schema", str(schema), str(plain), str(doctype))
    (first,), (second,) = (f["diagnostics"] for f in data["files"])
    assert first["line"] == 7 and (first["line"], first["column"]) == (second["line"], second["column"])


PROLOG_PARTS = st.sampled_from([
    "<!-- ] > ' \" -->", "<?pi ]> ' ?>", "\n", " ", '<!ATTLIST r n CDATA "]>">', "<!ATTLIST r m CDATA ']\">'>",
    '<!ELEMENT r ANY>', "<!-- [ -->", "%pe;",
])


@settings(max_examples=60, deadline=None)
@given(before=st.lists(st.sampled_from(["<!-- x > -->", "<?pi x?>", "\n", " "]), max_size=3),
       subset=st.lists(PROLOG_PARTS, max_size=6, unique=True), external=st.booleans(), newlines=st.integers(0, 3))
def test_blanking_the_doctype_removes_exactly_it(before, subset, external, newlines):
    ident = ' SYSTEM "t.dtd"' if external else ""
    internal = f" [{''.join(subset)}]" if subset else ""
    prolog = "".join(before) + f"<!DOCTYPE r{ident}{internal}>" + "\n" * newlines
    text = '<?xml version="1.0"?>\n' + prolog + "<r>\n<a/>\n</r>\n"
    start, end = _doctype_span(text)
    assert text[start:end] == f"<!DOCTYPE r{ident}{internal}>"
    if "%pe;" in subset:
        return  # a parameter entity reference: teikit refuses such documents before jing could see them
    doc = documents.load("t.xml", text.encode("utf-8"))
    assert doc.readable, doc.problems
    data = jing_input(doc)
    assert b"DOCTYPE" not in data and data.count(b"\n") == text.count("\n") and len(data) == len(text.encode())


def test_schemas_jing_would_fetch_for_are_refused_before_it_starts(jing, tmp_path, http_recorder):
    doc = write(tmp_path, "doc.xml", "<r/>")
    schemas = [
        write(tmp_path, "dtd.rng", f'<!DOCTYPE grammar SYSTEM "{http_recorder.url}/g.dtd">\n' + SMALL_RNG),
        write(tmp_path, "include.rng", '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
                                       f'<include href="{http_recorder.url}/other.rng"/><start><ref name="x"/></start></grammar>'),
        write(tmp_path, "base.rng", f'<grammar xmlns="http://relaxng.org/ns/structure/1.0" xml:base="{http_recorder.url}/">'
                                    '<start><externalRef href="local.rng"/></start></grammar>'),
    ]
    for schema in schemas:
        result = run_teikit("validate", "--engine", "jing", "--schema", str(schema), str(doc))
        assert result.returncode == 2, result.stdout
        (line,) = result.stderr.decode().splitlines()
        assert line.startswith(f"{schema}:") and "[jing]" in line
    assert http_recorder.requests == []


def test_a_schema_jing_refuses_is_a_usage_error(jing, tmp_path):
    schema = write(tmp_path, "undefined.rng", '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
                                              '<start><ref name="nowhere"/></start></grammar>')
    doc = write(tmp_path, "doc.xml", "<r/>")
    result = run_teikit("validate", "--engine", "jing", "--schema", str(schema), str(doc))
    assert result.returncode == 2
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith(f"{schema}: error: [jing] jing refuses the schema: ") and "nowhere" in line


def counting_java(folder: Path) -> tuple[Path, Path]:
    """A JAVA_HOME whose java logs each start, then runs the real one."""
    real = subprocess.run(["sh", "-c", "command -v java"], capture_output=True, text=True).stdout.strip()
    log = folder / "jvm-starts.log"
    java = folder / "jdk" / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text(f'#!/bin/sh\necho start >> "{log}"\nexec "{os.path.realpath(real)}" "$@"\n')
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    return folder / "jdk", log


def test_one_jvm_validates_a_whole_batch_and_one_more_follows_each_fatal_file(jing, tmp_path, monkeypatch):
    home, log = counting_java(tmp_path)
    monkeypatch.setenv("JAVA_HOME", str(home))
    schema = write(tmp_path, "r.rng", SMALL_RNG)
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(300):  # more than a job reads at once (runner.CHUNK_FILES)
        write(folder, f"{i:03d}.xml", "<r><a/></r>" if i % 7 else "<r><b/></r>")
    data = report("--engine", "jing", "--schema", str(schema), str(folder))
    assert sum(not v for v in verdicts(data).values()) == len(range(0, 300, 7))
    assert log.read_text().count("start") == 1
    log.unlink()
    write(folder, "150.xml", f"<r><{FIFTH_EDITION_NAME}/></r>")
    write(folder, "250.xml", f"<r><{FIFTH_EDITION_NAME}/></r>")
    data = report("--engine", "jing", "--schema", str(schema), str(folder))
    assert log.read_text().count("start") == 3
    assert sum(not v for v in verdicts(data).values()) == len(range(0, 300, 7)) + 2


def fake_java(folder: Path, script: str) -> str:
    java = folder / "java"
    java.write_text("#!/bin/sh\n" + script)
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    return str(java)


def test_a_jing_that_stops_without_naming_a_file_leaves_no_file_valid(tmp_path):
    # the fake prints an error for the first file, then stops as jing does on an unlocated failure
    java = fake_java(tmp_path, 'for a in "$@"; do case "$a" in *.xml)\n'
                               '  echo "$a:1:1: error: element x not allowed"; echo "fatal: out of luck"; exit 1;;\n'
                               "esac; done\n")
    files = [str(write(tmp_path, f"{i}.xml", "<r/>")) for i in range(3)]
    found = validate_files(Jing(java, "jing.jar"), "s.rng", files)
    assert [[f[0] for f in file] for file in found] == [["error"], ["stopped"], ["stopped"]]
    assert found[1][0][3] == "out of luck"


def test_a_java_that_does_not_run_jing_is_a_usage_error(tmp_path, monkeypatch):
    jar = tmp_path / "jing.jar"
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("com/thaiopensource/relaxng/util/Driver.class", b"")
    home = tmp_path / "jdk"
    (home / "bin").mkdir(parents=True)
    fake_java(home / "bin", "exit 1\n")
    monkeypatch.setenv("JAVA_HOME", str(home))
    monkeypatch.setenv("TEIKIT_JING", str(jar))
    schema = write(tmp_path, "r.rng", SMALL_RNG)
    result = run_teikit("validate", "--engine", "jing", "--schema", str(schema), str(MINIMAL))
    assert result.returncode == 2
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith("--engine jing: error: [validate] jing did not run")


def not_jing_jar(folder: Path) -> Path:
    jar = folder / "other.jar"
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("org/example/Main.class", b"")
    return jar


@pytest.mark.parametrize("setting, message", [
    (lambda tmp: str(tmp / "absent.jar"), r"TEIKIT_JING=\S+absent\.jar does not exist"),
    (lambda tmp: str(not_jing_jar(tmp)), r"TEIKIT_JING=\S+other\.jar is not jing: the jar has no "),
    (lambda tmp: fake_java(tmp, "echo hello\n"), r"TEIKIT_JING=\S+ is not jing's jar, nor a launcher naming it"),
    (lambda tmp: "/bin/sh", r"TEIKIT_JING=/bin/sh is not jing's jar, nor a launcher naming it"),
])
def test_a_missing_or_wrong_jing_is_a_one_line_usage_error(tmp_path, monkeypatch, setting, message):
    monkeypatch.setenv("TEIKIT_JING", setting(tmp_path))
    result = run_teikit("validate", "--engine", "jing", "--schema", "tei_all", str(MINIMAL))
    assert result.returncode == 2 and result.stdout == b""
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith("--engine jing: error: [validate] ") and re.search(message, line), line


def test_no_java_is_a_one_line_usage_error(jing, tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_JING", _locate(None, None, os.environ.get("PATH")).jar)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}
    result = subprocess.run([sys.executable, "-m", "teikit", "validate", "--engine", "jing", str(MINIMAL)],
                            capture_output=True, env=env)
    assert result.returncode == 2
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith("--engine jing: error: [validate] no Java runtime found for jing")


def test_jings_jar_is_found_from_its_launcher_scripts(jing, tmp_path):
    debian = _locate(None, None, os.environ.get("PATH"))
    assert zipfile.is_zipfile(debian.jar) and os.path.basename(debian.jar).startswith("jing")
    brew = fake_java(tmp_path, f'exec "${{JAVA_HOME}}/bin/java" -jar "{debian.jar}" "$@"\n')
    assert _locate(brew, None, None).jar == debian.jar
