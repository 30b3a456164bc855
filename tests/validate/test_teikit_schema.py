"""The project schema pair (schema/teikit.xsd + teikit.sch) against its fixtures and tei_all.

Valid fixtures pass teikit's schemas and tei_all; each invalid fixture raises the error its
opening comment names; teikit.xsd never accepts what tei_all rejects, checked both over the
fixtures and structurally (every child and attribute it allows, tei_all allows there too).
"""

from __future__ import annotations

import shutil

import pytest
from validate_support import INVALID, ROOT, VALID, codes, expected_failure, private_cache, validate  # noqa: F401 (fixtures)

from teikit.errors import Severity

ALL_FIXTURES = VALID + INVALID
TEI_OUTPUTS = sorted((ROOT / "tei").glob("*.xml"))


@pytest.fixture(scope="module")
def teikit_results():
    return validate(ALL_FIXTURES, ["teikit"])


@pytest.fixture(scope="module")
def tei_all_results(tei_all_rng):
    return validate(ALL_FIXTURES, [str(tei_all_rng)])


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_passes_teikit_schemas(path, teikit_results):
    result = teikit_results[str(path)]
    assert result.valid, [str(d) for d in result.diagnostics]
    assert not result.diagnostics


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_passes_tei_all_and_its_rules(path, tei_all_rng):
    result = validate([path], [str(tei_all_rng)], embedded_rules=True)[str(path)]
    assert result.valid, [str(d) for d in result.diagnostics]


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_raises_its_error(path, teikit_results):
    engine, code = expected_failure(path)
    result = teikit_results[str(path)]
    assert not result.valid
    assert (engine, code) in codes(result), [str(d) for d in result.diagnostics]
    # every error is located in the file
    assert all(d.line for d in result.diagnostics if d.severity == Severity.ERROR)


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.stem)
def test_teikit_xsd_never_accepts_what_tei_all_rejects(path, tei_all_results):
    if tei_all_results[str(path)].valid:
        return
    xsd = validate([path], [str(ROOT / "schema" / "teikit.xsd")])[str(path)]
    assert not xsd.valid, f"tei_all rejects {path.name} but teikit.xsd accepts it"


def test_some_fixtures_are_rejected_by_tei_all_too(tei_all_results):
    """The agreement test above is not vacuous."""
    rejected = {p.name for p in INVALID if not tei_all_results[str(p)].valid}
    assert {"p-after-div.xml", "quote-in-date.xml", "when-not-iso.xml"} <= rejected


def test_teikit_xsd_allows_only_what_tei_all_allows(tei_all_rng):
    """Structural subset check: for every element teikit.xsd declares, each child element and
    attribute it allows is one tei_all allows for that element."""
    import xmlschema
    from xmlschema.validators import XsdElement

    from teikit.ns import TEI, XML
    from teikit.validate.rng import schema as rng_schema

    grammar = rng_schema.read(str(tei_all_rng))
    allowed: dict[str, tuple[set, set]] = {}

    def reach(p, elements, attributes, seen):
        if id(p) in seen:
            return
        seen.add(id(p))
        kind = p[0]
        if kind in ("ref", "attribute"):
            nc = grammar.elements[p[1]][0] if kind == "ref" else p[1]
            name = (nc[1], nc[2]) if nc[0] == "name" else ("*", "*")
            (elements if kind == "ref" else attributes).add(name)
        elif kind in ("group", "interleave", "choice"):
            reach(p[1], elements, attributes, seen)
            reach(p[2], elements, attributes, seen)
        elif kind in ("oneOrMore", "list"):
            reach(p[1], elements, attributes, seen)

    for nc, content in grammar.elements:
        if nc[0] == "name" and nc[1] == TEI:
            elements, attributes = allowed.setdefault(nc[2], (set(), set()))
            reach(content, elements, attributes, set())

    schema = xmlschema.XMLSchema11(str(ROOT / "schema" / "teikit.xsd"))
    problems = []
    for element in schema.iter_components(XsdElement):
        local = element.local_name
        assert local in allowed, f"teikit.xsd declares <{local}>, which tei_all does not have"
        tei_children, tei_attributes = allowed[local]
        if element.type.has_complex_content() or element.type.mixed:
            for child in element.type.content.iter_elements():
                if (TEI, child.local_name) not in tei_children:
                    problems.append(f"<{local}> may contain <{child.local_name}> in teikit.xsd, not in tei_all")
        for name in element.attributes:
            if name is None:
                continue
            ns, attr = (name[1:].split("}") if name.startswith("{") else ("", name))
            if (ns, attr) not in tei_attributes:
                problems.append(f"<{local}> may carry @{'xml:' if ns == XML else ''}{attr} in teikit.xsd, "
                                "not in tei_all")
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(not TEI_OUTPUTS, reason="no converter output in tei/ yet")
def test_converter_output_in_tei_is_valid_against_everything(tei_all_rng):
    """CI's promise: every file in tei/ is valid against teikit.xsd, teikit.sch and tei_all."""
    results = validate(TEI_OUTPUTS, ["teikit", str(tei_all_rng)], embedded_rules=True)
    problems = [str(d) for r in results.values() for d in r.diagnostics if d.severity == Severity.ERROR]
    assert not problems, "\n".join(problems)


def test_ids_are_unique_across_the_files_of_one_run(tmp_path):
    first = ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml"
    copy = tmp_path / "copy.xml"
    shutil.copy(first, copy)
    results = validate([first, copy], ["teikit"])
    for path in (str(first), str(copy)):
        assert ("schematron", "teikit-id-unique-in-run") in codes(results[path])
    # each file alone is fine
    assert validate([copy], ["teikit"])[str(copy)].valid


def test_pointers_into_another_file_of_the_run_are_checked(tmp_path):
    source = (ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml").read_text(encoding="utf-8")
    target = tmp_path / "target.xml"
    target.write_text(source, encoding="utf-8")
    pointing = tmp_path / "pointing.xml"
    pointing.write_text(source.replace('xml:id="f-', 'xml:id="g-').replace('"#f-', '"#g-').replace(
        "<note type=\"file\">", "<note type=\"file\" corresp=\"target.xml#f-minimal-tei-pl1 target.xml#nobody\">"),
        encoding="utf-8")
    results = validate([target, pointing], [str(ROOT / "schema" / "teikit.sch")])
    problems = list(results[str(pointing)].diagnostics)
    assert [d.code for d in problems] == ["teikit-pointer-resolves-in-run"]
    assert "target.xml#nobody" in problems[0].message and "pl1" not in problems[0].message
