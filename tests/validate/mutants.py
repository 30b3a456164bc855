"""Mutants of real TEI and jing's report on them, for comparing teikit's RELAX NG engine with jing.

A mutant is a copy of a document with one random change: an element deleted, unwrapped,
renamed (to another name of the document), given an attribute (a bad date, a bad ``cert``, a
foreign attribute...), duplicated (without its ids) or moved elsewhere. Deterministic for a
seed. Used by tests/validate/test_jing_agreement.py and bench/rng_agreement.py.
"""

from __future__ import annotations

import random
import re
import subprocess
from copy import deepcopy
from pathlib import Path

from lxml import etree

from teikit.xmlio import parse_file

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ATTRIBUTES = [("when", "not-a-date"), ("when", "1850-02"), ("cert", "high"), ("cert", "sure"), ("type", "x"),
              ("foo", "1"), ("rend", "bold"), ("{http://www.w3.org/XML/1998/namespace}lang", "en"),
              ("n", ""), ("notBefore", "1850"), ("{urn:x-other}note", "a foreign attribute")]
ACTIONS = ("delete", "unwrap", "rename", "attribute", "duplicate", "move")
_JING_LINE = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?:error|fatal): (?P<msg>.*)$", re.M)


def mutate(tree: etree._ElementTree, rng: random.Random, names: list[str]) -> str:
    """Apply one random change to the tree; returns what was done."""
    root = tree.getroot()
    elements = [e for e in root.iter(etree.Element) if e is not root]
    target = rng.choice(elements)
    action = rng.choice(ACTIONS)
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
        twin = deepcopy(target)
        for node in twin.iter(etree.Element):
            node.attrib.pop(XML_ID, None)
        target.addnext(twin)
    else:
        destination = rng.choice([e for e in elements if target not in e.iterancestors() and e is not target])
        destination.append(target)
    return f"{action} <{etree.QName(target).localname}>"


def make_mutants(sources: list[Path], folder: Path, per_file: int, seed: int) -> list[tuple[Path, str]]:
    """``per_file`` mutants of each source, written to ``folder``; (path, what was done) each."""
    rng = random.Random(seed)
    made = []
    for source in sources:
        tree = parse_file(source)
        names = sorted({etree.QName(e).localname for e in tree.iter(etree.Element)})
        for n in range(per_file):
            copy = deepcopy(tree)
            what = mutate(copy, rng, names)
            path = folder / f"{source.stem}.{seed}.{n}.xml"
            copy.write(str(path), xml_declaration=True, encoding="UTF-8")
            made.append((path, what))
    return made


def jing_report(jing: str, schema, paths) -> dict[str, list[tuple[int, int, str]]]:
    """path -> jing's errors (line, column, message), in its order; one jing run for all."""
    found: dict[str, list[tuple[int, int, str]]] = {str(p): [] for p in paths}
    out = subprocess.run([jing, str(schema), *map(str, paths)], capture_output=True, text=True).stdout
    for m in _JING_LINE.finditer(out):
        if m.group("file") in found:
            found[m.group("file")].append((int(m.group("line")), int(m.group("col")), m.group("msg")))
    return found
