"""Names in a TEI file, for ``teikit review``: one item per distinct name (its element and
@ref, or its text when it has none), with its count, lowest certainty, entry and a context."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from lxml import etree

from teikit.model import HIGH, LOW, MEDIUM, ReviewItem
from teikit.ns import TEI, XML_ID, local_name
from teikit.authority.labels import GAZETTEER, LIST, NEW, TEXT_ONLY, name_message
from teikit.snippets import context_snippet, snippet
from teikit.trace import xpath_of

NAME_TAGS = ("persName", "placeName", "orgName", "rs")
_ENTRY_TAGS = frozenset({"person", "place", "org"})
_CERT_ORDER = {LOW: 0, MEDIUM: 1, HIGH: 2}


def _in_text(element: etree._Element) -> bool:
    """Part of a text's reading: not in the header, not a name of a standOff entry."""
    for ancestor in element.iterancestors():
        name = local_name(ancestor.tag)
        if name in ("teiHeader", "standOff") or name in _ENTRY_TAGS:
            return False
    return True


def entry_label(entry: etree._Element | None) -> tuple[str, str]:
    """(the list entry a document's entry points back to, its first identifier, or "new";
    where the entry comes from)."""
    if entry is None:
        return NEW, TEXT_ONLY
    corresp = entry.get("corresp")
    if corresp:
        return corresp.rsplit("#", 1)[-1], LIST
    idno = entry.find(f"{{{TEI}}}idno")
    if idno is not None and idno.text:
        return f"{idno.get('type') or 'id'} {idno.text.strip()}", GAZETTEER
    return NEW, TEXT_ONLY


def context(element: etree._Element) -> str:
    """The words around ``element`` in its parent."""
    parent = element.getparent()
    if parent is None:
        return snippet("".join(element.itertext()))
    before = [parent.text or ""]
    for child in parent:
        if child is element:
            break
        before += ["".join(child.itertext()), child.tail or ""]
    text = "".join(before)
    name = "".join(element.itertext())
    return context_snippet(text + name + (element.tail or ""), len(text), len(text) + len(name))


def _register_label(document: str, pointer: str) -> tuple[str, str]:
    """(entry, source) of a pointer into a project's register: an editor's entry by its id; a
    proposed one as a document's own entry would read (its GeoNames id, or "new")."""
    from pathlib import Path

    from teikit.authority.entries import PROPOSED_FILE
    from teikit.authority.register import entry_elements

    path, _, entry_id = pointer.rpartition("#")
    if Path(path).name != PROPOSED_FILE or re.match(r"^[a-z][a-z0-9+.-]*:", path):
        return entry_id, LIST
    found = entry_elements([Path(document).parent / path]).get(entry_id)
    return entry_label(found) if found is not None else (entry_id, TEXT_ONLY)


def names_in_tei(root: etree._Element, name: str) -> list[ReviewItem]:
    entries = {e.get(XML_ID): e for e in root.iter(*(f"{{{TEI}}}{t}" for t in _ENTRY_TAGS)) if e.get(XML_ID)}
    groups: dict[tuple[str, str], list[etree._Element]] = defaultdict(list)
    for element in root.iter(*(f"{{{TEI}}}{t}" for t in NAME_TAGS)):
        if _in_text(element):
            ref = element.get("ref") or ""
            key = ref if "#" in ref else " ".join("".join(element.itertext()).split())
            groups[(local_name(element.tag), key)].append(element)
    items = []
    for (tag, key), elements in groups.items():
        forms = Counter(" ".join("".join(e.itertext()).split()) for e in elements)
        certain = [e for e in elements if e.get("cert") in _CERT_ORDER]
        least = min(certain, key=lambda e: _CERT_ORDER[e.get("cert")]) if certain else elements[0]
        cert = least.get("cert") if certain else None
        in_register = key.rsplit("#", 1)[-1] if "#" in key and not key.startswith("#") else None
        if in_register:  # a pointer into the project's register
            entry, source = _register_label(name, key)
        else:
            entry, source = entry_label(entries.get(key[1:])) if key.startswith("#") else ("-", TEXT_ONLY)
        first = elements[0]
        items.append(ReviewItem(
            "name", first.sourceline, forms.most_common(1)[0][0], name_message(tag, source), cert=cert,
            data={"type": tag, "count": str(len(elements)), "entry": entry, "context": context(first)},
            xpath=xpath_of(least)))
    return items
