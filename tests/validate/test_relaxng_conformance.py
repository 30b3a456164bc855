"""The RELAX NG specification's test suite and the XSD datatype tests, from ../shared/conformance.

``spectest.xml`` (James Clark's suite, 385 cases): each incorrect schema is refused as a usage
error (exit 2, with a message naming the schema), each correct one is accepted, and its valid
and invalid instances get those verdicts, through ``teikit validate --schema S.rng``'s own code
(the runner, with the schema named as ``--schema`` names it). ``xsdtest.xml``: every datatype
accepts its valid strings and refuses the invalid ones, equal values are equal and others not,
and the length and order facets hold, as jing's own test driver turns it into schemas.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers import run_teikit
from lxml import etree
from validate_support import private_cache  # noqa: F401 (fixture)

from teikit.errors import UsageError
from teikit.validate import documents
from teikit.validate.engine import RunContext
from teikit.validate.rng.datatypes import XSD_LIBRARY, DatatypeError, datatype
from teikit.validate.rng.engine import RngEngine
from teikit.validate.runner import Options
from teikit.validate.runner import validate as run
from teikit.validate.schemas import RELAXNG, SchemaRef, forget_engines

ROOT = Path(__file__).resolve().parents[2]
SUITES = Path(os.environ.get("TEIKIT_SHARED", ROOT.parent / "shared")).resolve() / "conformance" / "relaxng"
SPECTEST = SUITES / "spectest.xml"
XSDTEST = SUITES / "xsdtest.xml"
RNG_NS = "http://relaxng.org/ns/structure/1.0"


def _cases(path: Path, tag: str) -> list:
    if not path.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{path} is absent (../shared/ is not here)"))]
    # the suite is trusted test data with an internal entity of its own: a plain parser reads it
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True))
    return list(tree.getroot().iter(tag))


SPEC_CASES = _cases(SPECTEST, "testCase")
DATATYPES = _cases(XSDTEST, "datatype")


def _ids(cases: list, name) -> list[str]:
    return [name(i, c) if isinstance(c, etree._Element) else "absent" for i, c in enumerate(cases)]


def _first_element(node) -> etree._Element | None:
    return next((c for c in node if isinstance(c.tag, str)), None)


def _write_resources(node, folder: Path) -> None:
    for child in node:
        if child.tag == "resource":
            content = _first_element(child)
            data = etree.tostring(content, encoding="utf-8") if content is not None else (child.text or "").encode()
            (folder / child.get("name")).write_bytes(data)
        elif child.tag == "dir":
            sub = folder / child.get("name")
            sub.mkdir(exist_ok=True)
            _write_resources(child, sub)


@pytest.mark.parametrize("case", SPEC_CASES, ids=_ids(SPEC_CASES, lambda i, c: f"{i:03d}-s{c.findtext('section')}"))
def test_specification_case(case, tmp_path):
    _write_resources(case, tmp_path)
    correct = case.find("correct")
    schema = tmp_path / "schema.rng"
    schema.write_bytes(etree.tostring(_first_element(correct if correct is not None else case.find("incorrect")),
                                      encoding="utf-8"))
    instances = []
    for kind in ("valid", "invalid"):
        for i, instance in enumerate(case.findall(kind)):
            path = tmp_path / f"{kind}-{i}.xml"
            path.write_bytes(etree.tostring(_first_element(instance), encoding="utf-8"))
            instances.append((path, kind == "valid"))
    options = Options([SchemaRef(RELAXNG, str(schema))], jobs=1)
    try:
        if correct is None:
            with pytest.raises(UsageError) as caught:
                run([str(p) for p, _ in instances] or [str(schema)], options)
            assert caught.value.exit_code == 2
            assert caught.value.diagnostic.message and caught.value.diagnostic.file.startswith(str(tmp_path))
            return
        results = {r.path: r for r in run([str(p) for p, _ in instances], options)} if instances else {}
        for path, valid in instances:
            result = results[str(path)]
            assert result.valid == valid, f"{path.name}: {[str(d) for d in result.diagnostics]}"
            if not valid:
                assert all(d.engine == "rng" and d.line for d in result.diagnostics)
    finally:
        forget_engines()


def test_the_command_line_exits_2_on_an_incorrect_schema_and_1_on_an_invalid_document(tmp_path):
    bad = tmp_path / "bad.rng"
    bad.write_text(f'<element xmlns="{RNG_NS}" name="a"><oneOrMore><attribute><anyName/></attribute>'
                   "</oneOrMore><interleave><text/><text/></interleave></element>")
    good = tmp_path / "good.rng"
    good.write_text(f'<element xmlns="{RNG_NS}" name="a"><element name="b"><empty/></element></element>')
    doc = tmp_path / "doc.xml"
    doc.write_text("<a><c/></a>")
    refused = run_teikit("validate", "--schema", str(bad), str(doc))
    assert refused.returncode == 2
    assert f"{bad}:1: error: [rng] both operands of \"interleave\" contain \"text\"" in refused.stderr.decode()
    invalid = run_teikit("validate", "--schema", str(good), str(doc))
    assert invalid.returncode == 1
    report = invalid.stdout.decode() + invalid.stderr.decode()
    # jing's words and places: 1:8 and 1:12
    assert 'doc.xml:1:8: error: [rng] element "c" not allowed anywhere; expected element "b"' in report
    assert 'doc.xml:1:12: error: [rng] element "a" incomplete; missing required element "b"' in report


# -- XSD datatypes -------------------------------------------------------------------------------------------

class _Context:
    """A value's context: the namespaces declared on its test element and the unparsed entities its
    internal subset declares (which only a DTD can declare, and teikit reads no DTD: so the
    ENTITY cases are checked on the datatypes directly)."""

    def __init__(self, el: etree._Element):
        self.nsmap = dict(el.nsmap)
        self.unparsed_entities = tuple(re.findall(r"<!ENTITY\s+(\S+)\s+SYSTEM\s+'[^']*'\s+NDATA",
                                                  el.get("internalSubset") or ""))

    def resolve(self, prefix: str):
        return self.nsmap.get(prefix or None, None if prefix else "")


def _schema(tmp_path: Path, body: str, name: str = "s") -> RngEngine:
    path = tmp_path / f"{name}.rng"
    path.write_text(f'<element xmlns="{RNG_NS}" name="doc" datatypeLibrary="{XSD_LIBRARY}">{body}</element>',
                    encoding="utf-8")
    return RngEngine(str(path))


def _doc_valid(engine: RngEngine, el: etree._Element) -> bool:
    """Like jing's driver: <doc> with the test element's namespaces and its text."""
    doc = etree.Element("doc", nsmap={k: v for k, v in el.nsmap.items() if k})
    doc.text = el.text or ""
    loaded = documents.load("doc.xml", etree.tostring(doc, encoding="utf-8"))
    assert loaded.readable, loaded.problems
    return not engine.check([loaded], RunContext())[0]


def _param(name: str, value: str) -> str:
    return f'<param name="{name}">{_escape(value)}</param>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\r", "&#13;")


@pytest.mark.parametrize("spec", DATATYPES, ids=_ids(DATATYPES, lambda i, d: d.get("name")))
def test_xsd_datatype(spec, tmp_path):
    name = spec.get("name")
    params = "".join(_param(p.get("name"), p.text or "") for p in spec.findall("param"))
    checked = 0
    if name in ("ENTITY", "ENTITIES"):
        dt = datatype(XSD_LIBRARY, name)
        for el in spec.findall("valid") + spec.findall("invalid"):
            assert (dt.error(el.text or "", _Context(el)) is None) == (el.tag == "valid"), f"{name}: {el.text!r}"
            checked += 1
        assert checked
        return
    engine = _schema(tmp_path, f'<data type="{name}">{params}</data>')
    for el in spec.findall("valid") + spec.findall("invalid"):
        assert _doc_valid(engine, el) == (el.tag == "valid"), f"{name} {el.tag}: {el.text!r}"
        checked += 1
    classes = spec.findall("equiv/class")
    for i, members in enumerate(classes):
        values = members.findall("value")
        ns = "".join(f' xmlns:{k}="{v}"' for k, v in values[0].nsmap.items() if k)
        equal = _schema(tmp_path, f'<value type="{name}"{ns}>{_escape(values[0].text or "")}</value>', f"eq{i}")
        for value in values[1:]:
            assert _doc_valid(equal, value), f"{name}: {values[0].text!r} = {value.text!r}"
            checked += 1
        for j, other in enumerate(classes):
            for value in other.findall("value") if j != i else []:
                assert not _doc_valid(equal, value), f"{name}: {values[0].text!r} != {value.text!r}"
                checked += 1
    for length in spec.findall("length"):
        n = int(length.get("value"))
        for delta in (0, 1, -1) if n else (0, 1):
            engine = _schema(tmp_path, f'<data type="{name}">{_param("length", str(n + delta))}</data>', "len")
            assert _doc_valid(engine, length) == (delta == 0), f"{name} length {n + delta}: {length.text!r}"
            checked += 1
    for order in spec.findall("lessThan") + spec.findall("incomparable"):
        low, high = (v.text for v in order.findall("value"))
        above_low = _schema(tmp_path, f'<data type="{name}">{_param("minExclusive", low)}</data>', "low")
        above_high = _schema(tmp_path, f'<data type="{name}">{_param("minExclusive", high)}</data>', "high")
        high_el, low_el = order.findall("value")[1], order.findall("value")[0]
        assert _doc_valid(above_low, high_el) == (order.tag == "lessThan"), f"{name}: {low} < {high}"
        assert not _doc_valid(above_low, low_el) and not _doc_valid(above_high, low_el)
        assert not _doc_valid(above_high, high_el)
        checked += 4
    assert checked, f"no case for {name}"


@pytest.mark.parametrize("params, message", [
    ((("enumeration", "a"),), '"enumeration" facet is not allowed'),
    ((("whiteSpace", "collapse"),), '"whiteSpace" facet is not allowed'),
    ((("length", "-1"),), "must be non negative integer"),
    ((("minInclusive", "x"),), "is not allowed by the base type"),
    ((("fractionDigits", "2"),), 'can only be applied to datatype derived from "decimal"'),
    ((("foo", "1"),), 'unrecognized parameter "foo"'),
])
def test_datatype_parameters_the_library_refuses(params, message):
    with pytest.raises(DatatypeError, match=message):
        datatype(XSD_LIBRARY, "date" if params[0][0] in ("fractionDigits", "minInclusive") else "string", params)
