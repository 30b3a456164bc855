"""RELAX NG messages: jing's words at jing's places, the same alone and beside other files.

Each fixture below breaks tei_all in one way a user meets (an unknown element, a foreign
attribute on the root, a bad attribute value, loose text, an element ending early, one out of
order, a missing attribute); teikit's errors are compared with jing's, line, column and message.
Where several datatypes refuse a value, jing lists what each wanted in its hash table's order and
teikit in the schema's: those messages are compared as sets of reasons.
"""

from __future__ import annotations

import re

import pytest
from mutants import jing_report
from validate_support import jing, private_cache, validate  # noqa: F401 (fixtures)

HEADER = ('<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p>'
          '</publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>')


def tei(body: str, root_attributes: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"{root_attributes}>\n'
            f"  {HEADER}\n  <text>\n    <body>\n{body}\n    </body>\n  </text>\n</TEI>\n")


CASES = {
    "unknown-element": tei("      <p>one <unknownThing/> two</p>"),
    "foreign-attribute-on-root": tei("      <p>x</p>", ' foo="1"'),
    "bad-attribute-value": tei('      <p><date when="1850" cert="sure">then</date></p>'),
    "bad-date": tei('      <p><date when="not a date">then</date></p>'),
    "loose-text": tei("      <p>x</p>\n      loose text\n      on two lines\n      <p>y</p>"),
    "element-ends-early": tei("      <p>x</p>\n      <list>\n        <label>a</label>\n      </list>\n"
                              "      <choice>\n      </choice>"),
    "element-out-of-place": tei("      <div>\n        <p>x</p>\n        <head>late</head>\n      </div>"),
    "missing-attribute": tei('      <p><ref target="#a">a</ref><gap/><relation name="x"/></p>'),
    "multi-line-start-tag": tei('      <p\n        rend="x"\n        bogus="y"\n      >x</p>'),
    "several-errors": tei("      <p><unknownThing><p/></unknownThing></p>\n      <quote>q</quote>stray\n"
                          '      <lb n="1"/>\n      <p><hi rend="b">x</hi></p>', ' xml:lang="e n"'),
}


def _comparable(message: str) -> object:
    """A message, with a list of datatype reasons compared as a set."""
    if message.count("must be") > 1:
        head, _, reasons = message.partition("; ")
        return head, frozenset(re.split(r"(?:, | or )(?=must be )", reasons))
    return message


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("messages")
    made = {}
    for name, text in CASES.items():
        path = folder / f"{name}.xml"
        path.write_text(text, encoding="utf-8")
        made[name] = path
    return made


@pytest.mark.parametrize("name", sorted(CASES))
def test_errors_are_jings_at_jings_places(jing, tei_all_rng, files, name):
    path = files[name]
    (expected,) = jing_report(jing, tei_all_rng, [path]).values()
    (result,) = validate([path], [str(tei_all_rng)]).values()
    ours = [(d.line, d.column, d.message) for d in result.diagnostics if d.severity == "error"]
    assert expected, f"{name} should be invalid for jing too"
    assert [(line, col, _comparable(m)) for line, col, m in ours] == \
        [(line, col, _comparable(m)) for line, col, m in expected]


def test_messages_do_not_depend_on_the_batch(tei_all_rng, files):
    alone = {name: validate([path], [str(tei_all_rng)])[str(path)].diagnostics for name, path in files.items()}
    together = validate(list(files.values()), [str(tei_all_rng)])
    for name, path in files.items():
        assert together[str(path)].diagnostics == alone[name], name
