"""teikit html / teikit text as a user runs them: outputs, stdin/stdout, parameters, a project's
own stylesheet, parallel batches, and bad input reported in one line with the right exit code."""

from __future__ import annotations

import pytest

from helpers import run_teikit
from publish_docs import HERE, SAMPLES

ARTICLE = HERE / "fixtures" / "article-teikit-shape.xml"
CORPUS = HERE / "fixtures" / "corpus-nested-structures.xml"
INPUTS = [ARTICLE, CORPUS]


def one_error_line(result, code: int) -> str:
    assert result.returncode == code, result.stderr
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and ": error: " in lines[0] and "Traceback" not in lines[0], lines
    return lines[0]


def test_one_input_goes_to_stdout_or_to_a_file(tmp_path):
    shown = run_teikit("html", str(ARTICLE))
    assert shown.returncode == 0 and shown.stderr == b""
    assert shown.stdout.startswith(b"<!DOCTYPE HTML>")
    written = run_teikit("html", str(ARTICLE), "-o", str(tmp_path / "page.html"))
    assert written.returncode == 0 and written.stdout == b""
    assert (tmp_path / "page.html").read_bytes() == shown.stdout


def test_several_inputs_go_to_a_directory(tmp_path):
    result = run_teikit("text", *map(str, INPUTS), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "article-teikit-shape.txt", "corpus-nested-structures.txt"]


def test_stdin_is_read_with_a_dash():
    result = run_teikit("text", "-", "-p", "header=omit", input=ARTICLE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("L. Trotsky\n")


def test_parameters_reach_the_stylesheet():
    result = run_teikit("text", str(ARTICLE), "--param", "reading=sic", "-p", "width=0", "-p", "header=omit")
    assert result.returncode == 0
    assert "The fate off the mechanic is known to nobody today; nothing is certain.\n" in result.stdout.decode()


@pytest.mark.parametrize("args, complaint", [
    (["-p", "width=narrow"], "--param: error: width=narrow: expected a whole number"),
    (["-p", "reading=best"], "expected one of corr, sic"),
    (["-p", "font=serif"], "unknown parameter 'font'"),
])
def test_bad_parameters_are_usage_errors(args, complaint):
    assert complaint in one_error_line(run_teikit("text", str(ARTICLE), *args), 2)


def test_several_inputs_need_a_directory():
    assert "2 inputs need -o DIRECTORY" in one_error_line(run_teikit("html", *map(str, INPUTS)), 2)


def test_inputs_with_the_same_name_are_refused(tmp_path):
    other = tmp_path / "elsewhere" / ARTICLE.name
    other.parent.mkdir()
    other.write_bytes(ARTICLE.read_bytes())
    result = run_teikit("html", str(ARTICLE), str(other), "-o", str(tmp_path / "out"))
    assert "both would be written to" in one_error_line(result, 2)


def test_an_output_never_overwrites_its_input(tmp_path):
    copy = tmp_path / "doc.xml"
    copy.write_bytes(ARTICLE.read_bytes())
    assert "would overwrite its own input" in one_error_line(run_teikit("text", str(copy), "-o", str(copy)), 2)
    assert copy.read_bytes() == ARTICLE.read_bytes()


BAD_INPUTS = {
    "malformed.xml": (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text></TEI>', "[xml] not well-formed"),
    "entity-bomb.xml": (b'<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>&b;</text></TEI>',
                        "entity declarations are refused"),
    "not-tei.xml": (b"<html><body>hello</body></html>", "not a TEI document"),
    "empty.xml": (b"", "empty"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_a_bad_input_is_one_diagnostic_and_the_others_are_published(tmp_path, name):
    data, complaint = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    result = run_teikit("html", str(bad), str(ARTICLE), "-o", str(tmp_path / "out"))
    line = one_error_line(result, 1)
    assert line.startswith(str(bad)) and complaint in line
    assert (tmp_path / "out" / "article-teikit-shape.html").exists()
    assert not (tmp_path / "out" / bad.with_suffix(".html").name).exists()


def test_a_missing_input_is_reported(tmp_path):
    assert "no such file" in one_error_line(run_teikit("text", str(tmp_path / "nowhere.xml")), 1)


def test_an_external_dtd_is_never_fetched(tmp_path):
    # An unreachable address: fetching it would hang or fail; it must never be tried.
    doc = tmp_path / "with-dtd.xml"
    doc.write_bytes(b'<!DOCTYPE TEI SYSTEM "http://192.0.2.1/tei.dtd">\n' + ARTICLE.read_bytes().split(b"?>", 1)[1])
    result = run_teikit("text", str(doc), "-p", "header=omit")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"L. Trotsky")


def test_a_project_customises_by_importing_teikits_stylesheet(tmp_path):
    custom = tmp_path / "project.xsl"
    custom.write_text("""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="https://teikit.invalid/ns/xslt"
    xmlns:tkd="https://teikit.invalid/ns/doc" exclude-result-prefixes="#all">
  <xsl:import href="https://teikit.invalid/xslt/html/tei-to-html.xsl"/>
  <tkd:doc param="project">The project's name, shown above every page.</tkd:doc>
  <xsl:param name="project" as="xs:string" select="'My Edition'"/>
  <xsl:template name="tk:hook-page-header"><p class="project"><xsl:value-of select="$project"/></p></xsl:template>
</xsl:stylesheet>""", encoding="utf-8")
    listed = run_teikit("html", "--xslt", str(custom), "--list-params")
    assert listed.stdout.decode().startswith("project (xs:string, default My Edition)")
    result = run_teikit("html", str(ARTICLE), "--xslt", str(custom), "-p", "project=Trotsky Archive")
    assert result.returncode == 0, result.stderr
    page = result.stdout.decode()
    assert '<p class="project">Trotsky Archive</p>' in page and "tk-title-block" in page


def test_a_stylesheet_that_does_not_compile_is_one_diagnostic(tmp_path):
    broken = tmp_path / "broken.xsl"
    broken.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                      '<xsl:template match="/"><xsl:value-of select="1 +"/></xsl:template></xsl:stylesheet>')
    line = one_error_line(run_teikit("html", str(ARTICLE), "--xslt", str(broken)), 1)
    assert "stylesheet does not compile" in line


def test_a_stylesheet_failing_at_run_time_is_one_diagnostic_per_input(tmp_path):
    failing = tmp_path / "failing.xsl"
    failing.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                       '<xsl:template match="/"><xsl:sequence select="error(QName(\'urn:x\', \'boom\'), '
                       '\'the project stylesheet gave up\')"/></xsl:template></xsl:stylesheet>')
    line = one_error_line(run_teikit("text", str(ARTICLE), "--xslt", str(failing)), 1)
    assert line.startswith(f"{ARTICLE}: error: [xslt] ") and "the project stylesheet gave up" in line


def test_linked_css_is_copied_beside_the_pages(tmp_path):
    result = run_teikit("html", *map(str, INPUTS), "-o", str(tmp_path), "-p", "css=link")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "tei.css").read_text(encoding="utf-8").startswith("/* teikit")
    assert 'href="tei.css"' in (tmp_path / "article-teikit-shape.html").read_text(encoding="utf-8")


def test_a_parallel_batch_writes_what_a_serial_one_writes(tmp_path):
    inputs = [str(p) for p in INPUTS + SAMPLES]
    serial = run_teikit("html", *inputs, "-o", str(tmp_path / "serial"), "--jobs", "1")
    parallel = run_teikit("html", *inputs, "-o", str(tmp_path / "parallel"), "--jobs", "2")
    assert serial.returncode == parallel.returncode == 0, parallel.stderr
    for page in (tmp_path / "serial").iterdir():
        assert (tmp_path / "parallel" / page.name).read_bytes() == page.read_bytes()


REPEATED_IDS = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>
</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<text><body><p xml:id="quay">The ferry <persName xml:id="alder" ref="#p-alder">Alder</persName> waits.</p>
<p xml:id="quay">See <ref target="#quay">the quay</ref>.</p>
<note xml:id="alder">Twice.</note></body></text></TEI>
"""


@pytest.mark.parametrize("target", ["html", "text"])
def test_a_repeated_xml_id_is_published_with_a_warning_naming_both_places(tmp_path, target):
    from publish_helpers import link_problems

    source = tmp_path / "repeated.xml"
    source.write_text(REPEATED_IDS, encoding="utf-8")
    result = run_teikit(target, str(source), "-o", str(tmp_path / f"out.{target}"))
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.decode().splitlines()
    assert warnings == [
        f'{source}:4: warning: [xml] duplicate xml:id "quay": first declared at line 3, again at line 4 '
        "(an id must be unique in its document)",
        f'{source}:5: warning: [xml] duplicate xml:id "alder": first declared at line 3, again at line 5 '
        "(an id must be unique in its document)"]
    output = (tmp_path / f"out.{target}").read_text(encoding="utf-8")
    if target == "html":
        from lxml import html as lxml_html

        assert link_problems(output) == []  # one element per id: the first; links lead to it
        assert 'id="quay" class="tk-p">The ferry' in output
        output = lxml_html.document_fromstring(output).text_content()
    assert "Twice." in output and "See the quay." in output
