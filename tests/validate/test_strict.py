"""--strict: in CI, a file no schema could check fails instead of passing on well-formedness alone.

Each test pins --strict or --no-strict, or sets CI itself, so that it behaves alike under CI=true
and on a laptop."""

from __future__ import annotations

import json

import pytest
from helpers import run_teikit
from validate_support import ROOT, private_cache  # noqa: F401 (fixtures)

from teikit.cli.validate import strict_by_default

MINIMAL = ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml"
TEXT = MINIMAL.read_text(encoding="utf-8").split("\n", 2)[2]  # without the XML declaration and comment


@pytest.fixture
def url_only(tmp_path):
    """A file whose only <?xml-model?> names a URL teikit will not fetch."""
    path = tmp_path / "url-only.xml"
    path.write_text('<?xml-model href="https://example.org/schemas/project.rng" '
                    'schematypens="http://relaxng.org/ns/structure/1.0"?>\n' + TEXT, encoding="utf-8")
    return path


@pytest.fixture
def no_model(tmp_path):
    path = tmp_path / "no-model.xml"
    path.write_text(TEXT, encoding="utf-8")
    return path


def codes(result) -> list[tuple[str, str]]:
    (entry,) = json.loads(result.stdout)["files"]
    return [(d["code"], d["severity"]) for d in entry["diagnostics"]]


@pytest.mark.parametrize("fixture", ["url_only", "no_model"])
def test_strict_fails_a_file_with_no_usable_schema(request, fixture):
    path = request.getfixturevalue(fixture)
    strict = run_teikit("validate", "--strict", "-f", "json", str(path))
    lenient = run_teikit("validate", "--no-strict", "-f", "json", str(path))
    assert (strict.returncode, lenient.returncode) == (1, 0)
    assert ("no-schema", "error") in codes(strict) and ("no-schema", "warning") in codes(lenient)


def test_strict_fails_a_schema_named_by_url_even_beside_a_usable_one(tmp_path):
    """Every schema a file asks for is checked, or the file fails: none is silently left out."""
    path = tmp_path / "two.xml"
    schema = (ROOT / "schema" / "teikit.xsd").as_posix()
    path.write_text(f'<?xml-model href="{schema}" schematypens="http://www.w3.org/2001/XMLSchema"?>\n'
                    '<?xml-model href="https://example.org/extra.sch" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
                    + TEXT, encoding="utf-8")
    strict = run_teikit("validate", "--strict", "-f", "json", str(path))
    assert strict.returncode == 1
    assert codes(strict) == [("xml-model-unavailable", "error")]
    assert run_teikit("validate", "--no-strict", str(path)).returncode == 0


def test_strict_passes_a_file_its_schemas_checked(tmp_path):
    path = tmp_path / "official.xml"
    path.write_text('<?xml-model href="https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" '
                    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n' + TEXT,
                    encoding="utf-8")
    result = run_teikit("validate", "--strict", str(path))
    assert result.returncode == 0, result.stdout.decode()


@pytest.mark.parametrize("fmt, ci, strict", [
    ("text", None, False), ("json", None, False), ("text", "", False), ("text", "0", False),
    ("text", "false", False), ("text", "False", False), ("text", "true", True), ("text", "1", True),
    ("json", "yes", True), ("github", None, True), ("junit", None, True), ("sarif", None, True),
    ("github", "false", True),
])
def test_strict_by_default_for_ci_formats_and_when_ci_is_set(fmt, ci, strict):
    environ = {} if ci is None else {"CI": ci}
    assert strict_by_default(fmt, environ) is strict


def test_ci_set_makes_the_command_strict_and_no_strict_wins(url_only, monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert run_teikit("validate", str(url_only)).returncode == 1
    assert run_teikit("validate", "--no-strict", str(url_only)).returncode == 0
    monkeypatch.setenv("CI", "false")
    assert run_teikit("validate", str(url_only)).returncode == 0
    assert run_teikit("validate", "--format", "github", str(url_only)).returncode == 1
    assert run_teikit("validate", "--format", "github", "--no-strict", str(url_only)).returncode == 0
