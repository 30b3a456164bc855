"""With tei_all.rng, teikit's verdicts equal jing's: on the real TEI of ../shared, on the schema
fixtures, and on mutants of them (elements deleted, unwrapped, renamed, moved, duplicated,
attributes added), checked both as one batch and file by file (each pruned differently)."""

from __future__ import annotations

import os
import random
import re
import subprocess

import pytest
from lxml import etree
from validate_support import INVALID, VALID, corpus_files, jing, private_cache, validate  # noqa: F401 (fixtures)

from teikit.validate import documents
from teikit.validate.engine import RunContext
from teikit.validate.rng.engine import RngEngine

# TEIKIT_MUTANTS and TEIKIT_MUTANT_SEED widen the search by hand (2 x 510 mutants agreed with jing)
MUTANTS_PER_FILE = int(os.environ.get("TEIKIT_MUTANTS", "4"))
SEED = int(os.environ.get("TEIKIT_MUTANT_SEED", "20261121"))
ATTRIBUTES = [("when", "not-a-date"), ("when", "1850-02"), ("cert", "high"), ("cert", "sure"), ("type", "x"),
              ("foo", "1"), ("rend", "bold"), ("{http://www.w3.org/XML/1998/namespace}lang", "en")]


def jing_verdicts(jing: str, schema, paths) -> dict[str, bool]:
    """path -> valid, from one jing run."""
    out = subprocess.run([jing, str(schema), *map(str, paths)], capture_output=True, text=True).stdout
    invalid = {m.group(1) for m in re.finditer(r"^(.*?):\d+:\d+: (?:error|fatal)", out, re.M)}
    return {str(p): str(p) not in invalid for p in paths}


def mutate(tree: etree._ElementTree, rng: random.Random, names: list[str]) -> str:
    """Apply one random change to a copy of the tree; returns what was done."""
    root = tree.getroot()
    elements = [e for e in root.iter(etree.Element) if e is not root]
    target = rng.choice(elements)
    action = rng.choice(["delete", "unwrap", "rename", "attribute", "duplicate", "move"])
    parent = target.getparent()
    if action == "delete":
        parent.remove(target)
    elif action == "unwrap":
        index = parent.index(target)
        for offset, child in enumerate(list(target)):
            parent.insert(index + offset + 1, child)
        parent.remove(target)
    elif action == "rename":
        target.tag = f"{{{etree.QName(target).namespace}}}{rng.choice(names)}"
    elif action == "attribute":
        name, value = rng.choice(ATTRIBUTES)
        target.set(name, value)
    elif action == "duplicate":
        from copy import deepcopy

        twin = deepcopy(target)
        for node in twin.iter(etree.Element):
            node.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
        target.addnext(twin)
    else:
        destination = rng.choice([e for e in elements if target not in e.iterancestors() and e is not target])
        destination.append(target)
    return f"{action} <{etree.QName(target).localname}>"


@pytest.fixture(scope="module")
def mutants(corpus_files, tmp_path_factory):
    """Deterministic mutants of the valid real TEI and of the valid schema fixtures."""
    folder = tmp_path_factory.mktemp("mutants")
    rng = random.Random(SEED)
    sources = [p for p in corpus_files if "eltec" not in str(p)] + VALID
    made = []
    for source in sources:
        tree = etree.parse(str(source))
        names = sorted({etree.QName(e).localname for e in tree.iter(etree.Element)})
        for n in range(MUTANTS_PER_FILE):
            copy = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
            what = mutate(copy, rng, names)
            path = folder / f"{source.stem}.{n}.xml"
            copy.write(str(path), xml_declaration=True, encoding="UTF-8")
            made.append((path, what))
    return made


def test_real_tei_and_fixtures_agree_with_jing(jing, tei_all_rng, corpus_files):
    files = corpus_files + VALID + INVALID
    expected = jing_verdicts(jing, tei_all_rng, files)
    ours = {path: result.valid for path, result in validate(files, [str(tei_all_rng)]).items()}
    assert ours == expected
    # the corpus README's verdicts: ELTeC invalid, DraCor valid
    assert not any(v for p, v in ours.items() if "eltec-eng" in p)
    assert all(v for p, v in ours.items() if "gerdracor" in p)


def test_mutants_agree_with_jing_in_one_batch_and_one_by_one(jing, tei_all_rng, mutants):
    paths = [p for p, _ in mutants]
    expected = jing_verdicts(jing, tei_all_rng, paths)
    assert 0 < sum(expected.values()) < len(paths), "the mutants should be a mix of valid and invalid"
    batch = {path: result.valid for path, result in validate(paths, [str(tei_all_rng)]).items()}
    engine_per_file = {}
    for path in paths:
        doc = documents.load(str(path))
        engine_per_file[str(path)] = not RngEngine(str(tei_all_rng)).check([doc], RunContext())[0]
    what = dict((str(p), w) for p, w in mutants)
    for verdicts in (batch, engine_per_file):
        disagreements = [f"{p} ({what[p]}): jing {expected[p]}, teikit {verdicts[p]}"
                         for p in paths if verdicts[str(p)] != expected[str(p)]]
        assert not disagreements, "\n".join(disagreements)


def test_jing_engine_reports_jings_own_messages(jing, tei_all_rng, corpus_files):
    eltec = [p for p in corpus_files if "eltec-eng" in str(p)][:1]
    results = validate(eltec, [str(tei_all_rng)], rng_engine="jing")
    (result,) = results.values()
    assert not result.valid
    assert all(d.engine == "jing" and d.line and d.column for d in result.diagnostics)
    assert any('element "authorGender" not allowed here' in d.message for d in result.diagnostics)
