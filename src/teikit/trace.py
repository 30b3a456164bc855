"""The decision trace: every machine decision, with the element of the written TEI it made.

The writer marks each element it writes from a decision (a block's role, a name, a
quotation, a language switch, a choice of the editor's file) with that decision's
``Evidence``. ``Trace.records`` turns the marks into the JSON objects of
``teikit convert --trace``: where the element is (an XPath with the ``tei`` prefix, and its
``xml:id`` when it has one), what it covers in the input, its ``@cert``, the rules that fired
with their weights and features, the threshold, what was decided and the alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from teikit.evidence import Evidence
from teikit.ns import TEI, XML_ID, local_name


@dataclass
class Mark:
    element: etree._Element
    evidence: Evidence
    text: str


@dataclass
class Trace:
    """The marks of one written document."""

    marks: list[Mark] = field(default_factory=list)

    def mark(self, element: etree._Element, evidence: Evidence | None, text: str) -> None:
        if evidence is not None:
            self.marks.append(Mark(element, evidence, text))

    def records(self, file: str) -> list[dict]:
        paths = _Paths()
        out = []
        for mark in self.marks:
            ev, element = mark.evidence, mark.element
            rules = [f.as_json() for f in ev.fired]
            out.append({
                "file": file,
                "xpath": paths.of(element),
                "xml:id": element.get(XML_ID),
                "element": local_name(element.tag),
                "decision": ev.decision,
                "text": mark.text,
                "cert": element.get("cert"),
                "rules": rules,
                "score": round(ev.score, 4),
                "threshold": ev.threshold,
                "decided": ev.decided,
                "alternatives": [{"decided": name, "score": score} for name, score in ev.alternatives],
            })
        return out


class _Paths:
    """XPaths of elements (``/tei:TEI/tei:text/tei:body/tei:div[2]/tei:p[3]``), each parent's
    children numbered once."""

    def __init__(self) -> None:
        self.positions: dict[etree._Element, dict[etree._Element, str]] = {}
        self.cache: dict[etree._Element, str] = {}

    def _step(self, element: etree._Element) -> str:
        parent = element.getparent()
        name = local_name(element.tag)
        prefix = "tei:" if element.tag.startswith(f"{{{TEI}}}") else ""
        if parent is None:
            return f"/{prefix}{name}"
        steps = self.positions.get(parent)
        if steps is None:
            counts: dict[str, int] = {}
            steps = {}
            for child in parent:
                if isinstance(child.tag, str):
                    counts[child.tag] = counts.get(child.tag, 0) + 1
                    steps[child] = f"{prefix if child.tag.startswith(f'{{{TEI}}}') else ''}" \
                                   f"{local_name(child.tag)}[{counts[child.tag]}]"
            self.positions[parent] = steps
        return steps[element]

    def of(self, element: etree._Element) -> str:
        cached = self.cache.get(element)
        if cached is not None:
            return cached
        parent = element.getparent()
        path = self._step(element) if parent is None else f"{self.of(parent)}/{self._step(element)}"
        self.cache[element] = path
        return path


def xpath_of(element: etree._Element) -> str:
    """The XPath of one element, as the trace writes it."""
    return _Paths().of(element)
