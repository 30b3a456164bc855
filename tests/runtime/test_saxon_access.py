"""Saxon reads nothing: a stylesheet (a project's --xslt), a Schematron rule or a document that
asks for a local file or a URL gets nothing and a clear diagnostic; a stylesheet imports only
teikit's stylesheets; teikit's own stylesheets and customisations still work."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from helpers import run_teikit
from teikit.errors import InputError, TeikitError
from teikit.runtime import saxon
from teikit.runtime.modules import IMPORT_BASE, stylesheet_modules

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parent / "publish" / "fixtures" / "article-teikit-shape.xml"
SECRET = "TEIKIT-SECRET-31c5e7"
CLOSED = "teikit's Saxon reads nothing but the document it is given"


def xslt(body: str, top: str = "") -> str:
    return ('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tk="https://teikit.invalid/ns/xslt">'
            f'{top}<xsl:output method="text"/><xsl:template match="/">{body}</xsl:template></xsl:stylesheet>')


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def publish_with(tmp_path, stylesheet: str, document: Path = ARTICLE):
    custom = tmp_path / "custom.xsl"
    custom.write_text(stylesheet, encoding="utf-8")
    return run_teikit("text", str(document), "--xslt", str(custom))


def error_line(result) -> str:
    assert result.returncode == 1, result.stderr
    output = result.stdout.decode() + result.stderr.decode()
    assert SECRET not in output and "Traceback" not in output and "root:x:0:0" not in output
    (line,) = result.stderr.decode().splitlines()
    return line


@pytest.mark.parametrize("call", [
    "doc('{uri}')", "unparsed-text('{uri}')", "unparsed-text-lines('{uri}')", "document('{uri}')",
    "json-doc('{uri}')", "collection('{folder}')",
])
def test_a_stylesheet_reads_no_local_file(tmp_path, secret, call):
    body = f'<xsl:value-of select="{call.format(uri=secret.as_uri(), folder=secret.parent.as_uri())}"/>'
    line = error_line(publish_with(tmp_path, xslt(body)))
    assert line.startswith(f"{ARTICLE}: error: [xslt] ")
    assert ("has been prohibited" in line or "has been disallowed" in line) and CLOSED in line


def test_not_even_etc_passwd(tmp_path):
    line = error_line(publish_with(tmp_path, xslt('<xsl:copy-of select="doc(\'file:///etc/passwd\')"/>')))
    assert "Access to URI file:///etc/passwd has been prohibited" in line


def test_the_recorder_records_a_request(http_recorder):
    """(The control for the tests below: a GET does reach the recorder.)"""
    urllib.request.urlopen(f"{http_recorder.url}/control", timeout=10).read()
    assert http_recorder.requests == ["/control"]


@pytest.mark.parametrize("call", ["unparsed-text('{url}/t.txt')", "doc('{url}/d.xml')",
                                  "unparsed-text-available('{url}/t.txt')"])
def test_a_stylesheet_fetches_no_url(tmp_path, http_recorder, call):
    result = publish_with(tmp_path, xslt(f'<xsl:value-of select="{call.format(url=http_recorder.url)}"/>'))
    if "available" in call:  # asks, and is told no
        assert result.returncode == 0 and result.stdout.decode() == "false"
    else:
        assert "has been prohibited" in error_line(result)
    assert http_recorder.requests == []


def test_a_document_reads_nothing_through_xinclude(tmp_path, secret):
    document = tmp_path / "doc.xml"
    document.write_text(ARTICLE.read_text(encoding="utf-8").replace(
        "<body>", f'<body><p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret.as_uri()}" '
                  'parse="text"/></p>', 1), encoding="utf-8")
    assert "xi:include" in document.read_text(encoding="utf-8")
    result = run_teikit("text", str(document))
    assert result.returncode == 0, result.stderr
    assert SECRET not in result.stdout.decode()


@pytest.mark.parametrize("top, refused", [
    ('<xsl:variable name="x" static="yes" select="unparsed-text(\'{uri}\')"/>', "names unparsed-text()"),
    ('<xsl:param name="x" static="yes" select="doc-available(\'{uri}\')"/>', "names doc-available()"),
    ('<xsl:variable name="x" use-when="unparsed-text-available(\'{uri}\')" select="1"/>',
     "names unparsed-text-available()"),
    ('<xsl:variable name="x" _select="{{unparsed-text(\'{uri}\')}}"/>', "names unparsed-text()"),
    ('<xsl:variable name="x" static="yes" select="function-lookup(xs:QName(\'fn:doc\'), 1)"/>',
     "names function-lookup()"),
])
def test_nothing_is_read_while_a_stylesheet_compiles(tmp_path, secret, top, refused):
    line = error_line(publish_with(tmp_path, xslt('<xsl:value-of select="1"/>', top.format(uri=secret.as_uri()))))
    assert f"{tmp_path / 'custom.xsl'}:1: error: [xslt] static expression" in line and refused in line


@pytest.mark.parametrize("href, refused", [
    ("sibling.xsl", "module 'sibling.xsl' is not allowed"),
    ("{folder}/sibling.xsl", "is not allowed"),
    (IMPORT_BASE + "../../../sibling.xsl", "is not allowed"),
    (IMPORT_BASE + "html/%2e%2e/tei-to-html.xsl", "is not allowed"),
    ("https://example.org/custom.xsl", "is not allowed"),
    (IMPORT_BASE + "html/no-such-module.xsl", "not found"),
])
def test_a_stylesheet_imports_only_teikits_stylesheets(tmp_path, href, refused):
    (tmp_path / "sibling.xsl").write_text(xslt("<xsl:text>sibling</xsl:text>"), encoding="utf-8")
    stylesheet = xslt('<xsl:apply-imports/>', f'<xsl:import href="{href.format(folder=tmp_path.as_uri())}"/>')
    line = error_line(publish_with(tmp_path, stylesheet))
    assert refused in line and line.startswith(f"{tmp_path / 'custom.xsl'}:1: error: [xslt] ")


@pytest.mark.parametrize("stylesheet, refused", [
    ('<!DOCTYPE xsl:stylesheet SYSTEM "{uri}">' + xslt("<xsl:text>x</xsl:text>"), "may not have a DOCTYPE"),
    ('<!DOCTYPE xsl:stylesheet [<!ENTITY s SYSTEM "{uri}">]>' + xslt("<xsl:text>&s;</xsl:text>"), "entit"),
    (xslt("<xsl:text>x</xsl:text>").replace("<xsl:output", '<xsl:output xml:base="file:///"'), "xml:base"),
    (xslt("<xsl:text>x</xsl:text>", '<xsl:import _href="{{$m}}"/>'), "computed module address"),
    (xslt("<xsl:text>x</xsl:text>", '<xsl:use-package name="p"/>'), "packages are not supported"),
])
def test_a_stylesheet_cannot_point_saxon_elsewhere(tmp_path, secret, stylesheet, refused):
    assert refused in error_line(publish_with(tmp_path, stylesheet.format(uri=secret.as_uri())))


def test_a_customisation_of_teikits_stylesheet_still_works(tmp_path):
    result = publish_with(tmp_path, xslt("", f'<xsl:import href="{IMPORT_BASE}text/tei-to-text.xsl"/>')
                          .replace('<xsl:output method="text"/><xsl:template match="/"></xsl:template>',
                                   '<xsl:param name="header" select="\'omit\'"/>'))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().startswith("L. Trotsky")


def test_teikits_own_stylesheets_pass_the_module_check():
    from teikit.resources import data_dir

    for stylesheet in sorted(data_dir("xslt").glob("*/*.xsl")):
        assert stylesheet_modules(stylesheet), stylesheet
    modules = {m.path.name for m in stylesheet_modules(data_dir("xslt") / "html" / "site-index.xsl")}
    assert {"site-index.xsl", "site-page.xsl", "tei-to-html.xsl", "common_functions.xsl"} <= modules


def test_a_refused_module_is_refused_before_saxon_sees_it(tmp_path, secret):
    custom = tmp_path / "custom.xsl"
    custom.write_text(xslt("<xsl:value-of select='$x'/>",
                           f'<xsl:variable name="x" static="yes" select="unparsed-text(\'{secret.as_uri()}\')"/>'))
    with pytest.raises(InputError, match="nothing may be read while a stylesheet compiles"):
        saxon.compile_file(custom)


def test_a_file_compiled_after_a_run_gets_a_processor_of_its_own(tmp_path, secret):
    """Saxon cannot open a processor again once it is closed: a stylesheet file compiled after
    something ran (a build worker validates before it publishes) still compiles, on a new
    processor, and is closed in turn when it runs; what was compiled before keeps working."""
    document = "<doc>text</doc>"
    generated = saxon.compile_text(xslt('<xsl:value-of select="/doc"/>'))
    assert generated.transform(document) == "text"
    reader = tmp_path / "reader.xsl"
    reader.write_text(xslt(f'<xsl:value-of select="/doc, unparsed-text(\'{secret.as_uri()}\')"/>'))
    compiled = saxon.compile_file(reader)
    with pytest.raises(saxon.api_error(), match="has been prohibited"):
        compiled.transform(document)
    page = saxon.compile_file(Path(__file__).resolve().parents[2] / "xslt" / "text" / "tei-to-text.xsl")
    page.set_parameters({"header": "omit"})
    assert page.transform(ARTICLE.read_text(encoding="utf-8").split("?>", 1)[1]).startswith("L. Trotsky")
    assert generated.transform(document) == "text"


def test_a_processor_that_does_not_close_is_refused(monkeypatch):
    """(What saxonche 12.5 does: asked to close after compiling, it stays open.)"""
    monkeypatch.setattr(saxon, "CLOSED", "file")
    with pytest.raises(TeikitError, match="does not close file access"):
        saxon._Processor().close()
