"""Text cut for one line of a report: what review items show of a text. A leaf module, so that the
passes that make review items (enrich) and the code that lists them (review) share it without one
importing the other."""

from __future__ import annotations

CONTEXT = 40  # characters each side of a mention


def snippet(text: str, limit: int = 80) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def context_snippet(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """The words around text[start:end], cut at word boundaries."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    if start > width and " " in left:
        left = "…" + left.split(" ", 1)[1]
    if end + width < len(text) and " " in right:
        right = right.rsplit(" ", 1)[0] + "…"
    return " ".join(f"{left}{text[start:end]}{right}".split())
