"""Word lists as fast regular expressions.

Python's ``re`` tries the branches of an alternation one after the other at every position,
so a list of a hundred cue words ("said|says|cried|…") costs a hundred comparisons per
character. Written as a prefix tree ("s(?:a(?:id|ys)|…)") it costs a few: the same matches,
several times faster on long texts.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from teikit.folding import IGNORECASE_ODD_LETTERS


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex matching exactly the given words (plain text, spaces allowed),
    longest first at each branch point, as a prefix tree."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return f"(?:{_branch(tree)})"


def _branch(node: dict) -> str:
    alternatives = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    # a word that ends here: the longer words are tried first, then the empty ending
    return f"(?:{body})?" if "" in node else body


def words(spec: str) -> list[str]:
    """The words of a ``|``-separated list."""
    return [w for w in spec.split("|") if w]




def ignorecase_alternation(words: Iterable[str], *, forms: Callable[[str], bool] | None = None,
                           after_first: str = "") -> str:
    """A regex, to be compiled without re.IGNORECASE, that matches what ``(?i:alternation(words))``
    matches, with the first letter compared in each of its forms ("M", "m") and the rest ignoring case.

    re skips a branch that starts with a plain letter at once and tries one that ignores case in full,
    so on a long text where few words start like one of ``words`` this is several times faster; and a
    pattern starting with it (or with a character class before it) lets re look for its first
    characters quickly. ``forms`` keeps the forms of first letters it accepts only (``str.isupper``:
    the matches that start with a capital; the first letters must then be ASCII letters, whose forms
    re's documentation lists); ``after_first`` goes right after the first letter (a look-behind)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[:1], []).append(word[1:])
    branches = []
    for first, rest in sorted(rests.items()):
        if not first:
            raise ValueError("an empty word in a word list")
        tail = f"{after_first}(?i:{alternation(rest)})"
        if first.isascii():
            letters = {first.lower(), first.upper()}
            letters |= {c for c in IGNORECASE_ODD_LETTERS if re.fullmatch(re.escape(first), c, re.I)}
            branches += [re.escape(form) + tail for form in sorted(letters) if forms is None or forms(form)]
        elif forms is None:
            branches.append(f"(?i:{re.escape(first)}){tail}")
        else:
            raise ValueError(f"the forms of {first!r} are not listed")
    return f"(?:{'|'.join(branches)})" if branches else "(?!)"  # no branch: nothing (not the empty word)
