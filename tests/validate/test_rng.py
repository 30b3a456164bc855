"""RELAX NG: teikit's engine agrees with libxml2 and jing on verdicts; the simplified grammar is cached.

The reference is libxml2 on the original schema (and jing, where installed): teikit's engine,
which simplifies the schema and validates by derivatives, must agree on every document,
hand-written or generated. Messages and their places are jing's (see test_rng_messages.py).
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from validate_support import DATA, jing, private_cache  # noqa: F401 (fixtures)

from teikit import cache
from teikit.validate import documents
from teikit.validate.engine import RunContext
from teikit.validate.errors import SchemaError
from teikit.validate.rng.compiled import flatten
from teikit.validate.rng.engine import CACHE_KIND, RngEngine, load_grammar
from teikit.validate.rng.schema import read

MAIN = DATA / "rng" / "main.rng"
M, L = "urn:main", "urn:lib"

# Pieces of content for <doc>, some valid in some places, some never valid.
PIECES = [
    '<l:item n="2">x</l:item>', '<l:item n="0"/>', '<l:item/>', "<i/>", "<l:b>t</l:b>", "<extra/>",
    "<l:overridden-away/>", "<ext>2020-01-01</ext>", "<ext>2020-13-01</ext>", "<nested/>", "<nested><i/></nested>",
    "<nested><l:b/></nested>", "<nested><extra/></nested>", '<z:f xmlns:z="urn:z">t</z:f>', "<q/>",
    "<list>a b</list>", "<list/>", "<mixed>t<i/>t</mixed>", "<mixed><extra/></mixed>", "text",
]
ATTRIBUTES = ["", ' a="3"', ' a="x"', ' b="yes"', ' b="no"', ' c="1"', ' a="1" b="yes"']


def document(attrs: str, pieces: list[str]) -> str:
    return f'<doc xmlns="{M}" xmlns:l="{L}"{attrs}>{"".join(pieces)}</doc>'


def as_document(text: str, name: str = "doc.xml") -> documents.Document:
    return documents.load(name, text.encode("utf-8"))


@pytest.fixture(scope="module")
def reference():
    return etree.RelaxNG(etree.parse(str(MAIN)))


@pytest.fixture(scope="module")
def engine():
    return RngEngine(str(MAIN))


def verdict(engine, text: str) -> bool:
    return not engine.check([as_document(text)], RunContext())[0]


HAND_WRITTEN = [
    document(' a="3" b="yes"', ['<l:item n="2">x</l:item>', "<i/>", "<l:b/>", "<extra/>", "<ext>2020-01-01</ext>",
                                "<nested><i/></nested>", '<z:f xmlns:z="urn:z">t</z:f>', "<list>a b</list>",
                                "<mixed>t<i/>t</mixed>"]),
    document("", ["<l:overridden-away/>"]),  # the include's override replaced this define
    document("", ['<l:item n="0"/>']),  # param minInclusive from the included grammar
    document(' b="no"', ["<i/>"]),  # value without @type is a token
    document("", ["<i/>", "<ext>2020-13-01</ext>"]),  # externalRef inherits ns and its own datatypes
    document("", ["<i/>", "<nested><l:b/></nested>"]),  # parentRef reaches the combined define
    document("", ["<i/>", "<q/>"]),  # anyName except nsName (the inherited ns)
    document("", []),
]


@pytest.mark.parametrize("text", HAND_WRITTEN)
def test_engine_agrees_with_libxml2_on_the_original_schema(engine, reference, text):
    assert verdict(engine, text) == reference.validate(etree.ElementTree(etree.fromstring(text)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(ATTRIBUTES), st.lists(st.sampled_from(PIECES), max_size=6))
def test_generated_documents_get_libxml2s_verdict(engine, reference, attrs, pieces):
    text = document(attrs, pieces)
    assert verdict(engine, text) == reference.validate(etree.ElementTree(etree.fromstring(text))), text


def test_hand_written_documents_agree_with_jing(jing, engine, tmp_path):
    import subprocess

    paths = []
    for i, text in enumerate(HAND_WRITTEN):
        path = tmp_path / f"{i}.xml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    out = subprocess.run([jing, str(MAIN), *map(str, paths)], capture_output=True, text=True).stdout
    for path, text in zip(paths, HAND_WRITTEN):
        assert verdict(engine, text) == (f"{path}:" not in out), text


def test_simplified_grammar_is_cached_and_a_damaged_entry_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    load_grammar(str(MAIN))
    entries = list((tmp_path / "cache" / CACHE_KIND).iterdir())
    assert len(entries) == 1
    entry = json.loads(entries[0].read_bytes())
    assert {os.path.basename(f) for f, _ in entry["files"]} == {"main.rng", "lib.rng", "ext.rng"}
    expected = json.loads(json.dumps(flatten(read(str(MAIN)))))
    assert entry["grammar"]["nodes"] == expected["nodes"]
    entries[0].write_bytes(b"{not json")
    again = RngEngine(str(MAIN))
    assert verdict(again, HAND_WRITTEN[0])
    assert json.loads(entries[0].read_bytes())["grammar"]["nodes"] == expected["nodes"]


def test_a_grammar_from_the_cache_gives_the_same_verdicts(tmp_path, monkeypatch, reference):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    RngEngine(str(MAIN))  # fills the cache
    cached = RngEngine(str(MAIN))
    for text in HAND_WRITTEN:
        assert verdict(cached, text) == reference.validate(etree.ElementTree(etree.fromstring(text))), text


def test_a_changed_include_invalidates_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    for name in ("main.rng", "lib.rng", "ext.rng"):
        (tmp_path / name).write_bytes((DATA / "rng" / name).read_bytes())
    load_grammar(str(tmp_path / "main.rng"))
    lib = tmp_path / "lib.rng"
    lib.write_text(lib.read_text().replace('name="b"', 'name="bold"'))
    changed = RngEngine(str(tmp_path / "main.rng"))
    assert verdict(changed, document("", ["<l:bold>t</l:bold>"]))
    assert not verdict(changed, document("", ["<l:b>t</l:b>"]))


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    assert cache.cache_dir() is None
    load_grammar(str(MAIN))  # still works


@pytest.mark.parametrize("schema, message", [
    ('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nope"/></start></grammar>',
     'undefined pattern "nope"'),
    ('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><define name="x"><empty/></define></grammar>',
     'missing "start" element'),
    ('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="a"><empty/></element></start>'
     '<start><element name="b"><empty/></element></start></grammar>', 'multiple definitions of start'),
    ('<element xmlns="http://relaxng.org/ns/structure/1.0" name="p:a"><empty/></element>', "undeclared prefix"),
    ('<element xmlns="http://relaxng.org/ns/structure/1.0" name="a"><data type="integer"/></element>',
     'datatype library "" not recognized|no such builtin datatype "integer"'),
    ('<element xmlns="http://relaxng.org/ns/structure/1.0" name="a" '
     'datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"><data type="date"><param name="pattern">'
     '[a-</param></data></element>', "invalid regular expression"),
    ('<element xmlns="http://relaxng.org/ns/structure/1.0" name="a"><oneOrMore><data type="string"/></oneOrMore>'
     '</element>', 'repeat of "string" or "data" element'),
    ('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="a"/></start>'
     '<define name="a"><choice><ref name="a"/><element name="x"><empty/></element></choice></define></grammar>',
     'bad recursive reference to pattern "a"'),
])
def test_broken_schemas_are_schema_errors_with_a_place(tmp_path, schema, message):
    path = tmp_path / "bad.rng"
    path.write_text(schema)
    with pytest.raises(SchemaError, match=message) as caught:
        load_grammar(str(path))
    assert caught.value.diagnostic.file == str(path) and caught.value.exit_code == 2
