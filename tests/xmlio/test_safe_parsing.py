"""teikit.xmlio: what every command's XML input goes through."""

from __future__ import annotations

import pytest

from teikit.errors import InputError
from teikit.xmlio import parse_bytes, write_atomic


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
