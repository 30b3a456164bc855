"""Lines to source blocks: the two layouts of plain transcriptions.

Web-archive transcriptions come either with one paragraph per line (blank lines optional)
or hard-wrapped at a fixed width with blank lines between paragraphs. The layout is judged
from the whole text; in wrapped text a line joins the next one when the next line's first
word would not have fitted on it, the classic trace of a wrapping editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teikit.weights.structure import LAYOUT

_WORD = re.compile(r"\S+")


@dataclass
class SourceBlock:
    """Consecutive source lines read as one unit, with the layout facts around it."""

    text: str  # the lines joined with "\n", exactly as in the input
    line: int  # 1-based number of the first line
    start: int  # offset of the block in the input text
    group: int  # index of the blank-line-separated group the block belongs to
    blank_before: bool
    blank_after: bool
    nlines: int = 1


@dataclass(frozen=True)
class Layout:
    wrapped: bool
    width: int  # the wrap width when wrapped, else the longest line


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(line number, offset, content) of every line, trailing white space kept."""
    out, offset = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        out.append((number, offset, line))
        offset += len(line) + 1
    return out


def judge_layout(lines: list[str]) -> Layout:
    """Wrapped when lines follow each other inside blank-line-separated groups, and most lines sit
    just under a common width, or nearly every line another one follows (a paragraph's lines but
    its last) ends just under it with the next line's first word too long to have fitted on it,
    however many short lines (salutations, signatures, headings) stand alone between the
    paragraphs. Paragraphs of one line each, far longer than the lines between them, are not."""
    th = LAYOUT.thresholds
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 4:
        return Layout(False, max(lengths, default=0))
    ordered = sorted(lengths)
    width = ordered[int(th["wrap-quantile"] * (len(ordered) - 1))]
    if width > th["wrap-max-width"] or width < th["wrap-min-width"]:
        return Layout(False, ordered[-1])

    def near_width(n: int) -> bool:
        return width - th["wrap-near"] <= n <= width + 2

    # paragraphs of one line each, far longer than the short lines between them: not wrapped
    if sum(1 for n in lengths if n > th["wrap-over"] * width) > th["wrap-over-share"] * len(lengths):
        return Layout(False, ordered[-1])
    followed = [(a, b) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(followed) < th["wrap-continued-share"] * len(lengths):
        return Layout(False, width)
    near = sum(1 for n in lengths if near_width(n))
    # a line the next one goes on from: it ends near the width, and the next line's first word would not
    # have fitted on it
    runs = sum(1 for a, b in followed if near_width(len(a.rstrip())) and _continues(a, b, width))
    return Layout(near >= th["wrap-near-share"] * len(lengths) or runs >= th["wrap-run-share"] * len(followed),
                  width)


def _continues(previous: str, following: str, width: int) -> bool:
    """Whether ``following`` is the wrapped continuation of ``previous``."""
    words = _WORD.findall(following)
    if not words:
        return False
    return len(previous.rstrip()) + 1 + len(words[0]) > width - LAYOUT.thresholds["wrap-slack"]


def split_blocks(text: str) -> tuple[list[SourceBlock], Layout]:
    """Cut the input into source blocks according to its layout."""
    lines = _lines(text)
    layout = judge_layout([line for _, _, line in lines])
    blocks: list[SourceBlock] = []
    group = 0
    previous_blank = True
    current: list[tuple[int, int, str]] = []

    def flush(blank_after: bool) -> None:
        if not current:
            return
        number, offset, _ = current[0]
        last_number, last_offset, last_line = current[-1]
        block_text = text[offset:last_offset + len(last_line)]
        blocks.append(SourceBlock(block_text, number, offset, group, blank_before=flush.blank_before,
                                  blank_after=blank_after, nlines=len(current)))
        current.clear()

    flush.blank_before = True  # type: ignore[attr-defined]
    for number, offset, line in lines:
        if not line.strip():
            if current:
                flush(True)
            if not previous_blank:
                group += 1
            previous_blank = True
            flush.blank_before = True  # type: ignore[attr-defined]
            continue
        if current and not (layout.wrapped and _continues(current[-1][2], line, layout.width)):
            flush(False)
            flush.blank_before = False  # type: ignore[attr-defined]
        current.append((number, offset, line))
        previous_blank = False
    flush(True)
    return blocks, layout
