"""`teikit convert` as users script it: outputs, stdin/stdout, errors and exit codes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from lxml import etree

from helpers import NS, run_teikit

TEXT = ("Jane Doe\n\nA Short Essay\n\n(3 May 1921)\n\n"
        "This is the first paragraph of the essay, long enough to be prose and not a heading at all.\n\n"
        "A Heading\n\nAnd this is the second paragraph, which closes the essay with a full stop.\n")


@pytest.fixture
def essay(tmp_path: Path) -> Path:
    path = tmp_path / "essay.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_one_input_to_stdout(essay: Path):
    result = run_teikit("convert", str(essay))
    assert result.returncode == 0, result.stderr
    root = etree.fromstring(result.stdout)
    assert root.xpath("string(//t:titleStmt/t:title)", namespaces=NS) == "A Short Essay"
    assert result.stderr == b""


def test_one_input_to_file_and_into_directory(essay: Path, tmp_path: Path):
    out = tmp_path / "out.xml"
    assert run_teikit("convert", str(essay), "-o", str(out)).returncode == 0
    assert out.read_bytes().startswith(b"<?xml")
    folder = tmp_path / "folder"
    folder.mkdir()
    assert run_teikit("convert", str(essay), "-o", str(folder)).returncode == 0
    assert (folder / "essay.xml").read_bytes() == out.read_bytes()


def test_several_inputs_need_a_directory(essay: Path, tmp_path: Path):
    other = tmp_path / "other.txt"
    other.write_text(TEXT.replace("Jane", "John"), encoding="utf-8")
    result = run_teikit("convert", str(essay), str(other))
    assert result.returncode == 2
    assert b"error:" in result.stderr and b"-o DIR" in result.stderr
    out = tmp_path / "out"
    assert run_teikit("convert", str(essay), str(other), "-o", str(out)).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["essay.xml", "other.xml"]


def test_stdin_reads_dash(tmp_path: Path):
    result = run_teikit("convert", "-", input=TEXT.encode())
    assert result.returncode == 0
    assert b"A Short Essay" in result.stdout


def test_json_dump_of_the_model(essay: Path):
    import json

    result = run_teikit("convert", "--format", "json", str(essay))
    model = json.loads(result.stdout)
    assert model["works"][0]["meta"]["titles"] == ["A Short Essay"]


@pytest.mark.parametrize("content, message", [
    (b"", b"empty input"),
    (b"  \n\n\t\n", b"empty input"),
    (b"hello\x00world\x00", b"binary data"),
    (b"text with a bell \x07 in it\n", b"control character U+0007"),
], ids=["empty", "whitespace-only", "nul-bytes", "control-char"])
def test_bad_input_is_one_diagnostic_line_and_no_output(tmp_path: Path, content: bytes, message: bytes):
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    out = tmp_path / "bad.xml"
    result = run_teikit("convert", str(source), "-o", str(out))
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{source}") and ": error: " in lines[0]
    assert message in result.stderr
    assert b"Traceback" not in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".bad.xml.*"))


def test_missing_file_and_directory(tmp_path: Path):
    result = run_teikit("convert", str(tmp_path / "nope.txt"))
    assert result.returncode == 1 and b"nope.txt: error: no such file" in result.stderr
    result = run_teikit("convert", str(tmp_path))
    assert result.returncode == 1 and b"is a directory" in result.stderr


def test_one_bad_input_does_not_stop_the_others(essay: Path, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    result = run_teikit("convert", str(empty), str(essay), "-o", str(out))
    assert result.returncode == 1
    assert (out / "essay.xml").exists() and not (out / "empty.xml").exists()


@pytest.mark.parametrize("encoding, bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                           ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_unicode_with_bom_decodes_silently(tmp_path: Path, encoding: str, bom: bytes):
    source = tmp_path / "bom.txt"
    source.write_bytes(bom + TEXT.replace("Essay", "Éssay").encode(encoding))
    result = run_teikit("convert", str(source))
    assert result.returncode == 0 and result.stderr == b""
    assert "A Short Éssay".encode() in result.stdout


@pytest.mark.parametrize("encoding, name", [("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE")])
@pytest.mark.parametrize("script", ["latin", "cyrillic"])
def test_utf16_without_bom_decodes_with_a_warning_naming_the_encoding(tmp_path: Path, encoding, name, script):
    text = TEXT if script == "latin" else TEXT.replace(
        "And this is the second paragraph", "И это второй абзац, который завершает эссе точкой")
    source = tmp_path / "nobom.txt"
    source.write_bytes(text.encode(encoding))
    result = run_teikit("convert", str(source))
    assert result.returncode == 0, result.stderr
    (warning,) = result.stderr.decode().splitlines()
    assert warning.startswith(f"{source}: warning: no byte-order mark: decoded as {name}")
    expected = "A Short Essay" if script == "latin" else "второй абзац"
    assert expected.encode() in result.stdout


def test_other_encodings_decode_with_a_warning_naming_the_encoding(tmp_path: Path):
    source = tmp_path / "latin.txt"
    text = TEXT.replace("second paragraph", "second paragraph, déjà vu, où l’été était brûlant")
    source.write_bytes(text.replace("’", "'").encode("cp1252"))
    result = run_teikit("convert", str(source))
    assert result.returncode == 0
    assert result.stderr.decode().startswith(f"{source}: warning: not UTF-8: decoded as ")
    assert "déjà vu, où l'été était brûlant".encode() in result.stdout


def test_usage_errors_exit_2(essay: Path):
    assert run_teikit("convert").returncode == 2
    assert run_teikit("convert", "--format", "pdf", str(essay)).returncode == 2
    assert run_teikit("frobnicate").returncode == 2


def test_form_feeds_become_line_breaks(tmp_path: Path):
    source = tmp_path / "ff.txt"
    source.write_bytes(b"A Title\n\nFirst page text that is a paragraph.\x0cSecond page.\x0bMore.\n")
    result = run_teikit("convert", str(source))
    assert result.returncode == 0, result.stderr
    assert b"\x0c" not in result.stdout and b"Second page." in result.stdout


def test_skipped_passes_leave_structure_only(essay: Path):
    text = essay.read_text(encoding="utf-8").replace("second paragraph", "second paragraph, written in Paris in 1921 about “ideas”,")
    essay.write_text(text, encoding="utf-8")
    full = run_teikit("convert", str(essay))
    bare = run_teikit("convert", str(essay), "--skip", "names", "--skip", "dates", "--skip", "quotations")
    assert full.returncode == bare.returncode == 0
    inline = "//t:body//*[self::t:placeName or self::t:date or self::t:soCalled]"
    assert len(etree.fromstring(full.stdout).xpath(inline, namespaces=NS)) == 3
    assert etree.fromstring(bare.stdout).xpath(inline, namespaces=NS) == []
    assert run_teikit("convert", str(essay), "--skip", "spelling").returncode == 2


@pytest.mark.parametrize("args, line", [
    (["convert", "--bogus"], "teikit convert: error: No such option '--bogus'."),
    (["frobnicate"], "teikit: error: No such command 'frobnicate'."),
    (["validate", "--format", "pdf", "x.xml"], "teikit validate: error: Invalid value for '-f' / '--format'"),
])
def test_usage_errors_end_with_one_diagnostic_in_the_projects_form(args, line):
    result = run_teikit(*args)
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines()[-1].startswith(line)
