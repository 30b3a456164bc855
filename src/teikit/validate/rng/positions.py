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
_CHUNK_END = re.compile(r"[\r\n<&]")


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

    def text_before(self, k: int, end_tag: bool) -> tuple[int, int] | None:
        """Where jing reports non-blank text before element k's start tag (or end tag): the end
        of the line (or reference) holding its first character that is not white space."""
        if end_tag:
            self._scan_until(lambda: k in self.end_tags)
            span = self.end_tags.get(k)
        else:
            self._scan_until(lambda: len(self.start_tags) > k)
            span = self.start_tags[k] if k < len(self.start_tags) else None
        if span is None:
            return None
        limit = span[0]
        begin = self._previous_tag_end(limit)
        offset = begin
        text = self.text
        while offset < limit:
            found = _NOT_BLANK.search(text, offset, limit)
            if found is None:
                break
            at = found.start()
            if text.startswith("<!--", at):
                offset = text.find("-->", at) + 3
                continue
            if text.startswith("<?", at):
                offset = text.find("?>", at) + 2
                continue
            if text.startswith("<![CDATA[", at):
                inner = _NOT_BLANK.search(text, at + 9, text.find("]]>", at))
                if inner is None:
                    offset = text.find("]]>", at) + 3
                    continue
                at = inner.start()
            if text[at] == "&":
                return self.position(text.find(";", at) + 1)
            chunk = _CHUNK_END.search(text, at, limit)
            return self.position(chunk.start() if chunk else limit)
        return self.position(limit)

    def _previous_tag_end(self, limit: int) -> int:
        """The end of the last start or end tag before ``limit``."""
        ends = [span[1] for span in self.start_tags if span[1] <= limit]
        ends += [span[1] for span in self.end_tags.values() if span[1] <= limit]
        return max(ends) if ends else 0
