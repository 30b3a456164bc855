"""The editor's file: what it adds to the TEI, and the errors that name the file, line and anchor."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from helpers import NS, run_teikit, tei_all_errors
from teikit.cli.convert import convert_one
from teikit.errors import InputError
from teikit.reading import reading_text
from teikit.textio import comparable

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEXT = ("A Report\n\nBy Ivan Petrov\n\nThe hanger-strikers were of coarse beaten. It was an unheard off "
        "thing, unheard of before.\n\nThe Koumintang and the Koumintang again.\n")
EDITS = """\
[editor]
name = "Jane Editor"

[header]
url = "https://example.org/report.htm"
licence = "CC BY-SA 4.0"

[[correction]]
anchor = "hanger-strikers"
corr = "hunger-strikers"

[[correction]]
anchor = "off"
context = "unheard off thing"
corr = "of"
cert = "medium"

[[normalisation]]
anchor = "Koumintang"
occurrence = 2
reg = "Kuomintang"

[[note]]
anchor = "Ivan Petrov"
text = "A pseudonym."
"""


def convert(tmp_path: Path, edits: str, text: str = TEXT) -> etree._Element:
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    (tmp_path / "report.edits.toml").write_text(edits, encoding="utf-8")
    convert_one(str(tmp_path / "report.txt"), tmp_path / "report.xml", "tei")
    return etree.parse(str(tmp_path / "report.xml")).getroot()


def test_corrections_notes_and_header_fields(tmp_path: Path, tei_all_rng: Path):
    root = convert(tmp_path, EDITS)
    [editor] = [r for r in root.iterfind(".//t:titleStmt/t:respStmt", NS) if r.get(XML_ID) == "report-editor"]
    assert editor.find("t:name", NS).text == "Jane Editor"
    corrs = root.findall(".//t:choice/t:corr", NS)
    assert [(c.getprevious().text, c.text, c.get("resp"), c.get("cert")) for c in corrs] == [
        ("hanger-strikers", "hunger-strikers", "#report-editor", None), ("off", "of", "#report-editor", "medium")]
    [reg] = root.findall(".//t:choice/t:reg", NS)
    paragraph = next(reg.iterancestors("{http://www.tei-c.org/ns/1.0}p"))
    assert reg.text == "Kuomintang" and "".join(paragraph.itertext()).startswith("The Koumintang and the ")
    [note] = root.findall(".//t:text//t:note[@subtype='added']", NS)
    assert (note.text, note.get("type"), note.get("resp")) == ("A pseudonym.", "editorial", "#report-editor")
    ptr = root.find(".//t:sourceDesc//t:ptr", NS)
    assert (ptr.get("target"), ptr.get("resp")) == ("https://example.org/report.htm", "#report-editor")
    licence = root.find(".//t:publicationStmt/t:p[@resp='#report-editor']", NS)
    assert "CC BY-SA 4.0" in licence.text
    # the source reading stays: nothing lost, and valid
    assert comparable(reading_text(root)) == comparable(TEXT)
    assert tei_all_errors(tei_all_rng, root) == []


@pytest.mark.parametrize("entry, line, message", [
    ('[[correction]]\nanchor = "of course"\ncorr = "x"\n', 4, "anchor “of course” matches nothing"),
    ('[[note]]\nanchor = "unheard"\ntext = "x"\n', 4, "anchor “unheard” matches 2 times"),
    ('[[note]]\nanchor = "Koumintang"\noccurrence = 3\ntext = "x"\n', 4, "occurrence 3 asked"),
    ('[[note]]\nanchor = "off"\ncontext = "an off thing"\ntext = "x"\n', 4, "context “an off thing”"),
    ('[[correction]]\nanchor = "hanger"\ncorr = "x"\nsic = "y"\n', 4, "unknown key(s) sic"),
    ('[header]\nlicense = "x"\n', 3, "unknown field 'license'"),
    ('[editr]\nname = "x"\n', 3, "unknown table or key 'editr'"),
    ('[[note]\n', 3, "invalid TOML"),
])
def test_errors_name_the_file_the_line_and_the_anchor(tmp_path: Path, entry: str, line: int, message: str):
    with pytest.raises(InputError) as caught:
        convert(tmp_path, '[editor]\nname = "J"\n' + entry)
    diagnostic = caught.value.diagnostic
    assert (Path(diagnostic.file).name, diagnostic.line) == ("report.edits.toml", line)
    assert message in diagnostic.message


def test_an_error_in_the_editors_file_is_one_line_and_exit_1(tmp_path: Path):
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "report.edits.toml").write_text('[[note]]\nanchor = "nowhere"\ntext = "x"\n', encoding="utf-8")
    result = run_teikit("convert", "report.txt", "-o", "report.xml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.decode() == "report.edits.toml:2: error: [edits] anchor “nowhere” matches nothing in the text\n"
    assert not (tmp_path / "report.xml").exists()


def test_a_correction_may_not_cross_the_texts_markup(tmp_path: Path):
    text = "A Title\n\nWritten: September 6, 1935.\n\n" + "A paragraph of prose that goes on. " * 5 + "\n"
    with pytest.raises(InputError, match="crosses the text's <(label|date)> markup"):
        convert(tmp_path, '[[correction]]\nanchor = "Written: September"\ncorr = "x"\n', text)


def test_the_editors_file_can_be_named_and_is_an_input_of_the_conversion(tmp_path: Path):
    from teikit.convert import ConvertOptions, conversion_inputs

    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    other = tmp_path / "elsewhere.toml"
    other.write_text('[[correction]]\nanchor = "hanger-strikers"\ncorr = "hunger-strikers"\n', encoding="utf-8")
    assert conversion_inputs(str(tmp_path / "report.txt")) == [tmp_path / "report.txt"]
    assert conversion_inputs(str(tmp_path / "report.txt"), ConvertOptions(edits=other))[1] == other
    result = run_teikit("convert", "report.txt", "--edits", "elsewhere.toml", cwd=tmp_path)
    assert result.returncode == 0 and b"<corr resp=\"#report-editor\">hunger-strikers</corr>" in result.stdout
    missing = run_teikit("convert", "report.txt", "--edits", "missing.toml", cwd=tmp_path)
    assert missing.returncode == 1 and b"missing.toml: error: editor's file not found" in missing.stderr
