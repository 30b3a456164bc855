"""The Schematron engine: ISO features, query bindings, SVRL, TEI's own rules, embedded rules."""

from __future__ import annotations

import pytest
from validate_support import DATA, private_cache, validate  # noqa: F401 (fixtures)

from teikit.errors import Severity
from teikit.ns import SVRL
from teikit.validate import documents
from teikit.validate.engine import RunContext
from teikit.validate.errors import SchemaError
from teikit.validate.schematron import schema as sch_schema
from teikit.validate.schematron.embedded import from_rng
from teikit.validate.schematron.engine import SchematronEngine

BINDINGS = ("xslt", "xslt2", "xslt3")


@pytest.fixture(params=BINDINGS)
def features_schema(request, tmp_path):
    text = (DATA / "features.sch").read_text(encoding="utf-8").replace("QUERY_BINDING", request.param)
    path = tmp_path / f"features-{request.param}.sch"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "included-pattern.sch").write_text((DATA / "included-pattern.sch").read_text(encoding="utf-8"))
    return path


def check(schema_path, doc_path, phase=None):
    engine = SchematronEngine(sch_schema.load(schema_path, phase))
    doc = documents.load(str(doc_path))
    return engine, doc, engine.check([doc], RunContext())[0]


def by_code(diagnostics):
    """The first diagnostic of each code."""
    found = {}
    for d in diagnostics:
        found.setdefault(d.code, d)
    return found


def test_every_feature_in_every_query_binding(features_schema):
    _, _, found = check(features_schema, DATA / "features.xml")
    got = by_code(found)
    assert set(got) == {"counts", "req", "b-ok", "empty", "positive", "many-b", "namespaced"}
    # let, value-of, name, emph and a diagnostic reference in one message
    assert got["counts"].message == "a has 3 b children in a, more than 2 (remove 1)"
    assert (got["counts"].line, got["counts"].column) == (2, 3)
    assert got["counts"].xpath == "/root[1]/a[1]"
    # abstract pattern instantiated with its parameters; included pattern; abstract rule
    assert got["req"].xpath == "/root[1]/c[1]"
    assert got["b-ok"].xpath == "/root[1]/a[1]/b[2]"
    assert got["empty"].severity == Severity.WARNING and got["empty"].message == "empty c"
    # role="info" is not an error; a pattern-level let is computed once from the root
    assert got["many-b"].severity == Severity.WARNING and got["many-b"].message == "many b: 4"
    assert got["namespaced"].xpath == "/root[1]/x:y[1]"


def test_only_the_first_matching_rule_of_a_pattern_fires(features_schema):
    _, _, found = check(features_schema, DATA / "features.xml")
    assert "never" not in by_code(found)


def test_phase_selects_patterns_and_brings_its_lets(features_schema):
    _, _, found = check(features_schema, DATA / "features.xml", phase="only-err")
    assert set(by_code(found)) == {"positive"}
    _, _, everything = check(features_schema, DATA / "features.xml", phase="#ALL")
    assert "never" not in by_code(everything) and len(everything) == 8


def test_unknown_phase_is_a_usage_error(features_schema):
    with pytest.raises(SchemaError, match="no phase 'nope'.*main, only-err"):
        sch_schema.load(features_schema, "nope")


def test_svrl_report_is_ordered_by_pattern(features_schema):
    engine, doc, _ = check(features_schema, DATA / "features.xml")
    report = engine.svrl(doc).getroot()
    assert report.tag == f"{{{SVRL}}}schematron-output" and report.get("phase") == "main"
    names = [(n.tag.split("}")[1], n.get("id")) for n in report]
    patterns = [i for tag, i in names if tag == "active-pattern"]
    assert patterns == ["counts", "abs-inst", "included", "ext", "err", "plet", "ns"]
    # fired-rule and results come after their active-pattern, never before the first one
    assert names[0] == ("ns-prefix-in-attribute-values", None) and names[1] == ("active-pattern", "counts")
    failed = report.find(f"{{{SVRL}}}failed-assert")
    assert failed.get("location") == "/Q{}root[1]/Q{}a[1]" and failed.get("test") == "$n <= $limit"
    assert [c.tag.split("}")[1] for c in failed] == ["diagnostic-reference", "property-reference", "text"]


def test_dynamic_error_in_a_rule_is_reported_and_the_rest_still_runs(tmp_path):
    rules = tmp_path / "cast.sch"
    rules.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                     '<sch:pattern id="p1"><sch:rule context="c"><sch:assert test="xs:integer(@n) gt 0">n</sch:assert>'
                     '</sch:rule></sch:pattern><sch:pattern id="p2"><sch:rule context="c">'
                     '<sch:report test="true()" id="still">still runs</sch:report></sch:rule></sch:pattern>'
                     '</sch:schema>')
    doc = tmp_path / "doc.xml"
    doc.write_text('<r>\n<c n="x"/>\n</r>')
    found = by_code(validate([doc], [str(rules)])[str(doc)].diagnostics)
    assert set(found) == {"teikit-evaluation-error", "still"}
    assert "FORG0001" in found["teikit-evaluation-error"].message
    assert found["teikit-evaluation-error"].line == 2


def test_rules_that_do_not_compile_are_a_usage_error(tmp_path):
    rules = tmp_path / "bad.sch"
    rules.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                     '<sch:pattern><sch:rule context="c"><sch:assert test="((">x</sch:assert>'
                     '</sch:rule></sch:pattern></sch:schema>')
    doc = tmp_path / "doc.xml"
    doc.write_text("<c/>")
    with pytest.raises(SchemaError, match="rules do not compile"):
        validate([doc], [str(rules)])


def test_unsupported_query_binding_is_refused(tmp_path):
    rules = tmp_path / "py.sch"
    rules.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="python"/>')
    with pytest.raises(SchemaError, match="unsupported queryBinding 'python'"):
        sch_schema.load(rules)


@pytest.fixture(scope="module")
def tei_paragraphs(tmp_path_factory):
    doc = tmp_path_factory.mktemp("tei") / "p-in-p.xml"
    doc.write_text("""<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
    <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <p>Outer <p>inner</p></p>
    <p><date when="2020-01-01" notBefore="2019-01-01">x</date></p>
  </body></text>
</TEI>
""", encoding="utf-8")
    return doc


def test_tei_all_isosch_runs_tei_rules(tei_all_rng, tei_paragraphs):
    schema = sch_schema.load(tei_all_rng.parent / "tei_all.isosch")
    assert len(schema.patterns) == 93
    found = SchematronEngine(schema).check([documents.load(str(tei_paragraphs))], RunContext())[0]
    p_in_p = [d for d in found if "Paragraphs may not occur inside other paragraphs" in d.message]
    assert len(p_in_p) == 1 and p_in_p[0].severity == Severity.ERROR and p_in_p[0].line == 5
    assert p_in_p[0].code == "tei_all-p-abstractModel-structure-p-in-ab-or-p-constraint-rule-11"
    when = [d for d in found if "@when attribute cannot be used" in d.message]
    assert len(when) == 1 and when[0].severity == Severity.WARNING  # role="nonfatal"


def test_rules_embedded_in_relax_ng_run_only_when_asked(tei_all_rng, tei_paragraphs):
    assert len(from_rng(tei_all_rng).patterns) == 93
    grammar_only = validate([tei_paragraphs], [str(tei_all_rng)])[str(tei_paragraphs)]
    assert all(d.engine == "rng" for d in grammar_only.diagnostics)
    with_rules = validate([tei_paragraphs], [str(tei_all_rng)], embedded_rules=True)[str(tei_paragraphs)]
    assert any("Paragraphs may not occur" in d.message for d in with_rules.diagnostics)
