"""What every language module needs to write its lists."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A list written as words separated by white space."""
    return frozenset(text.split())
