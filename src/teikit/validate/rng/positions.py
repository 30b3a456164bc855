"""Where jing's locator would be when it reports an error: positions in the source text.

jing (through the Java XML parser) reports an error in a start tag at the end of the tag (just
after its ``>``), one found at an end tag at the end of that tag, and one about text at the end
of the first piece of text that is not white space, the parser handing text over a line (or a
reference) at a time. The parsed tree knows none of this, so errors are recorded against
elements and resolved here, from the document's text, only when a document has errors: a
scan of the tags, as far into the document as the errors go.
"""

from __future__ import annotations

import bisect
import re

_TOKENS = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|</[^>]*>|<[^\s/>!?][^\s/>]*(?:\"[^\"]*\"|'[^']*'|[^'\">])*>",
    re.DOTALL)
_NOT_BLANK = re.compile(r"[^ \t\r\n]")


class SourceMap:
    """Offsets of the tags of a document's elements (in document order), found as needed."""

    def __init__(self, text: str):
        self.text = text
        self.start_tags: list[tuple[int, int]] = []  # element k: (offset of "<", offset after ">")
        self.end_tags: dict[int, tuple[int, int]] = {}  # element k: its end tag (the start tag if empty)
        self._tokens = _TOKENS.finditer(text)
        self._stack: list[int] = []
        self._done = False
        self._newlines: list[int] | None = None

    def _scan_until(self, need) -> None:
        while not self._done and not need():
            token = next(self._tokens, None)
            if token is None:
                self._done = True
                break
            s = token.group(0)
            if s[1] in "!?":
                continue
            if s[1] == "/":
                if self._stack:
                    self.end_tags[self._stack.pop()] = token.span()
                continue
            k = len(self.start_tags)
            self.start_tags.append(token.span())
            if s.endswith("/>"):
                self.end_tags[k] = token.span()
            else:
                self._stack.append(k)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_left(self._newlines, offset)
        start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1

    def start_tag_end(self, k: int) -> tuple[int, int] | None:
        self._scan_until(lambda: len(self.start_tags) > k)
        if k >= len(self.start_tags):
            return None
        return self.position(self.start_tags[k][1])

    def end_tag_end(self, k: int) -> tuple[int, int] | None:
        self._scan_until(lambda: k in self.end_tags)
        span = self.end_tags.get(k)
        return None if span is None else self.position(span[1])

    def text_before(self, k: int, end_tag: bool) -> list[tuple[int, int]]:
        """Where jing reports text before element k's start tag (or end tag) that is not white
        space: once for each piece the parser hands over (a line, or a reference) holding some,
        at its end. (jing checks each piece as it comes; when one is not allowed, none is.)"""
        if end_tag:
            self._scan_until(lambda: k in self.end_tags)
            span = self.end_tags.get(k)
        else:
            self._scan_until(lambda: len(self.start_tags) > k)
            span = self.start_tags[k] if k < len(self.start_tags) else None
        if span is None:
            return []
        limit = span[0]
        found = [self.position(end) for end in _pieces(self.text, self._previous_tag_end(limit), limit)]
        return found or [self.position(limit)]

    def _previous_tag_end(self, limit: int) -> int:
        """The end of the last start or end tag before ``limit``."""
        ends = [span[1] for span in self.start_tags if span[1] <= limit]
        ends += [span[1] for span in self.end_tags.values() if span[1] <= limit]
        return max(ends) if ends else 0


_REFERENCE_SPACE = re.compile(r"&#(?:x0*(?:20|9|a|d|A|D)|0*(?:32|9|10|13));")


def _pieces(text: str, begin: int, limit: int):
    """The ends of the pieces of text between ``begin`` and ``limit`` that are not white space,
    as Xerces hands them over: a piece runs from a line's start (with the line breaks before
    it) to the next line break, tag, comment or reference; a reference is a piece of its own."""
    pos = begin
    while pos < limit:
        if text.startswith("<!--", pos):
            pos = text.find("-->", pos) + 3
        elif text.startswith("<?", pos):
            pos = text.find("?>", pos) + 2
        elif text.startswith("<![CDATA[", pos):
            close = text.find("]]>", pos)
            yield from _pieces_of_plain(text, pos + 9, close)
            pos = close + 3
        elif text[pos] == "&":
            close = text.find(";", pos) + 1
            if not _REFERENCE_SPACE.match(text, pos):
                yield close
            pos = close
        else:
            stop = _MARKUP.search(text, pos, limit)
            stop = stop.start() if stop else limit
            yield from _pieces_of_plain(text, pos, stop)
            pos = stop


_MARKUP = re.compile(r"[<&]")
_LINE_BREAK = re.compile(r"[\r\n]")


def _pieces_of_plain(text: str, begin: int, limit: int):
    pos = begin
    while pos < limit:
        start = pos
        while pos < limit and text[pos] in "\r\n":
            pos += 1
        stop = _LINE_BREAK.search(text, pos, limit)
        stop = stop.start() if stop else limit
        if _NOT_BLANK.search(text, start, stop):
            yield stop
        pos = stop
