"""Helpers for the name and date tests: converting texts with chosen authority lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.convert import ConvertOptions, convert_text
from teikit.textio import decode

NS = {"t": "http://www.tei-c.org/ns/1.0"}

LIST_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{id}">
 <teiHeader><fileDesc><titleStmt><title>Test list</title></titleStmt>
  <publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc></fileDesc></teiHeader>
 <standOff>
"""
LIST_TAIL = " </standOff>\n</TEI>\n"


def write_list(path: Path, body: str, list_id: str = "testlist") -> Path:
    """A TEI authority file holding ``body`` (listPerson/listPlace/listOrg markup)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LIST_HEAD.format(id=list_id) + body + LIST_TAIL, encoding="utf-8")
    return path


def convert(text: str, authority: list[Path] | None = None, output_dir: Path | None = None, name: str = "doc"):
    """(document model, TEI root) of ``text`` converted with the given lists."""
    options = ConvertOptions(authority=authority or [], output_dir=output_dir)
    result = convert_text(decode(f"{name}.txt", text.encode("utf-8")), name=name, options=options)
    return result.document, etree.fromstring(result.tei)


def names(root: etree._Element, tag: str) -> list[str]:
    """The texts of the inline ``tag`` elements of the TEI's text, in order."""
    return [" ".join("".join(e.itertext()).split()) for e in root.iterfind(f".//t:text//t:{tag}", NS)]


def entity_of(root: etree._Element, element: etree._Element) -> etree._Element:
    ref = element.get("ref")
    assert ref and ref.startswith("#"), ref
    found = root.xpath("//*[@xml:id=$id]", id=ref[1:])
    assert len(found) == 1, ref
    return found[0]


@pytest.fixture
def empty_lists(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "no-lists"
    folder.mkdir()
    return [folder]
