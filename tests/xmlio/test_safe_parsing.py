"""teikit.xmlio: what every command's XML input goes through."""

from __future__ import annotations

import pytest

from teikit.errors import InputError, Severity
from teikit.xmlio import MAX_DEPTH, duplicate_id_diagnostics, duplicate_ids, parse_bytes, write_atomic

EXAMPLES = "http://www.tei-c.org/ns/Examples"


def test_malformed_xml_has_line_and_column_once():
    with pytest.raises(InputError) as caught:
        parse_bytes("bad.xml", b"<a>\n  <b></a>")
    diagnostic = caught.value.diagnostic
    assert diagnostic.line == 2 and diagnostic.column is not None
    assert not diagnostic.message.rstrip().endswith(f"column {diagnostic.column}")  # stated once, in front


def test_entity_declarations_are_refused_before_parsing():
    bomb = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><a>&y;</a>'
    with pytest.raises(InputError, match="refused"):
        parse_bytes("bomb.xml", bomb)


@pytest.mark.parametrize("document", [
    b'<!DOCTYPE a>\n<a><![CDATA[<!DOCTYPE b [<!ENTITY x "y">]> &x;]]></a>',
    b'<a><![CDATA[<!DOCTYPE b [<!ENTITY x SYSTEM "file:///etc/passwd">]>]]></a>',
    b'<!-- <!DOCTYPE b [<!ENTITY x "y">]> -->\n<a>&amp;x;</a>',
    b'<!DOCTYPE a [<!-- <!ENTITY x "y"> --><!ELEMENT a (#PCDATA)>]>\n<a>t</a>',
    b'<!DOCTYPE a SYSTEM "x[<!ENTITY x \'y\'>]">\n<a/>',
    b'<?xml version="1.0"?><!DOCTYPE a [<?pi <!ENTITY x "y"> ?>]>\n<a/>',
])
def test_text_that_only_looks_like_an_entity_declaration_is_accepted(document):
    assert parse_bytes("cdata.xml", document).getroot().tag == "a"


def test_entity_declaration_after_other_declarations_is_refused_at_its_line():
    with pytest.raises(InputError, match="refused") as caught:
        parse_bytes("late.xml", b'<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE a [\n<!ELEMENT a ANY>\n'
                                b'<!ENTITY x "y">]>\n<a>&x;</a>')
    assert caught.value.diagnostic.line == 5


@pytest.mark.parametrize("before", [
    "<!-- " + "x" * 200_000 + " -->\n",  # a long comment before the DOCTYPE
    "",
])
def test_an_entity_declared_far_into_a_long_internal_subset_is_refused(before):
    subset = "".join(f'<!ATTLIST a b{i} CDATA "{"y" * 50}">' for i in range(3000))  # beyond what is read first
    data = f'{before}<!DOCTYPE a [{subset}\n<!ENTITY x "y">]>\n<a>&x;</a>'.encode()
    with pytest.raises(InputError, match="refused"):
        parse_bytes("long.xml", data)
    assert parse_bytes("long.xml", f'{before}<!DOCTYPE a [{subset}]>\n<a/>'.encode()).getroot().tag == "a"


def test_utf16_documents_declaring_entities_are_refused_before_parsing():
    bomb = '<!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><a>&y;</a>'.encode("utf-16")
    with pytest.raises(InputError, match="in its DOCTYPE"):
        parse_bytes("bomb16.xml", bomb)


def test_duplicate_xml_id_is_parsed_and_found_with_both_places():
    tree = parse_bytes("dup.xml", b'<r>\n <a xml:id="x"/>\n <b xml:id="y"/>\n <c xml:id="x"/>\n</r>')
    (dup,) = duplicate_ids(tree)
    assert (dup.value, dup.first.tag, dup.again.tag) == ("x", "a", "c")
    (diagnostic,) = duplicate_id_diagnostics("dup.xml", tree, severity=Severity.WARNING)
    assert (diagnostic.line, diagnostic.code, diagnostic.severity) == (4, "xml-duplicate-id", Severity.WARNING)
    assert '"x"' in diagnostic.message and "line 2" in diagnostic.message and "line 4" in diagnostic.message
    assert "well-formed" not in diagnostic.message


def test_an_xml_id_that_is_not_a_name_is_left_to_the_schema():
    assert parse_bytes("id.xml", b'<r><a xml:id="1 x"/></r>').getroot()[0].get("{http://www.w3.org/XML/1998/namespace}id") == "1 x"


def test_well_formedness_errors_after_a_duplicate_id_are_still_errors():
    with pytest.raises(InputError, match="not well-formed") as caught:
        parse_bytes("bad.xml", b'<r><a xml:id="x"/>\n<a xml:id="x"/>\n<b></r>')
    assert caught.value.diagnostic.line == 3


def test_ids_inside_an_example_repeat_the_documents_freely():
    tree = parse_bytes("eg.xml", f'<r><p xml:id="a"/><egXML xmlns="{EXAMPLES}" xml:id="e"><p xml:id="a"/></egXML>'
                                 f'<egXML xmlns="{EXAMPLES}"><p xml:id="a"/><q xml:id="e"/></egXML></r>'.encode())
    assert duplicate_ids(tree) == []
    # the example element's own id is the document's
    tree = parse_bytes("eg.xml", f'<r><p xml:id="e"/><egXML xmlns="{EXAMPLES}" xml:id="e"/></r>'.encode())
    assert [d.value for d in duplicate_ids(tree)] == ["e"]


def test_nesting_deeper_than_libxml2s_default_is_read_up_to_the_bound():
    deep = b"<a>" * 300 + b"x" + b"</a>" * 300
    assert len(list(parse_bytes("deep.xml", deep).iter())) == 300
    assert parse_bytes("bound.xml", b"<a>" * MAX_DEPTH + b"</a>" * MAX_DEPTH) is not None


def test_nesting_beyond_the_bound_is_a_diagnostic_that_says_what_to_do():
    too_deep = b"<r>\n" + b"<a>" * MAX_DEPTH + b"</a>" * MAX_DEPTH + b"\n</r>"
    with pytest.raises(InputError) as caught:
        parse_bytes("too-deep.xml", too_deep)
    diagnostic = caught.value.diagnostic
    assert (diagnostic.code, diagnostic.line) == ("xml-too-deep", 2) and diagnostic.column
    assert f"{MAX_DEPTH} levels" in diagnostic.message and "XML_PARSE_HUGE" not in diagnostic.message


def test_references_to_undeclared_entities_are_refused():
    with pytest.raises(InputError) as caught:
        parse_bytes("ent.xml", b'<!DOCTYPE a SYSTEM "a.dtd">\n<a>x&nbsp;y</a>')
    assert caught.value.diagnostic.code == "xml-undeclared-entity"
    assert caught.value.diagnostic.line == 2


def test_atomic_write_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out.xml"

    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        from teikit.xmlio import atomic_writer

        with atomic_writer(target) as fh:
            fh.write(b"half")
            raise Boom
    assert list(tmp_path.iterdir()) == []
    write_atomic(target, "whole")
    assert target.read_text() == "whole"
