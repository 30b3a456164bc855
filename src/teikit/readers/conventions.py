"""Text archives' own conventions: the banner, header and licence around a book.

Some archives wrap every text in lines of their own: a banner naming the work, a header of
fields (title, author, release date, who produced the file), a marker line where the text
begins, another where it ends, and a licence. Each archive's marker lines are a named
convention of its own (``TEXT_ARCHIVES`` in the language modules); this module finds them, so
that the reader files them as the archive's chrome (``front``/``back``) and describes them in
the header, and judges only the text between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teikit.lang import LANGUAGES, alternation, gather


@dataclass(frozen=True)
class Convention:
    name: str
    banner: re.Pattern
    header_end: tuple[re.Pattern, ...]
    footer_start: tuple[re.Pattern, ...]


def _conventions() -> tuple[Convention, ...]:
    found = []
    for module in LANGUAGES:
        for name, spec in getattr(module, "TEXT_ARCHIVES", {}).items():
            found.append(Convention(name, re.compile(spec["banner"], re.I),
                                    tuple(re.compile(p, re.I) for p in spec["header_end"]),
                                    tuple(re.compile(p, re.I) for p in spec["footer_start"])))
    return tuple(found)


CONVENTIONS = _conventions()
# a line naming who produced an archive's file ("Produced by ...", "Etext prepared by ...")
PRODUCER = re.compile(rf"^(?:{alternation(gather('ARCHIVE_PRODUCER_PATTERNS'))})\b", re.I)
# The banner opens the file: within its first blocks.
BANNER_WITHIN = 3


@dataclass(frozen=True)
class ArchiveSpan:
    """Where an archive's header ends and its footer starts (block indices), with what its banner
    names."""

    name: str
    header_end: int
    footer_start: int
    title: str | None
    author: str | None


def find_archive(texts: list[str]) -> ArchiveSpan | None:
    """The archive convention that frames these blocks (their texts, in order), or None. The
    header runs from the banner to the convention's start marker (the banner alone when there is
    none); the footer from its end marker to the end of the file."""
    for convention in CONVENTIONS:
        banner = next(((k, m) for k, text in enumerate(texts[:BANNER_WITHIN])
                       if (m := convention.banner.match(" ".join(text.split())))), None)
        if banner is None:
            continue
        at, match = banner
        header_end = next((k + 1 for k in range(at, len(texts))
                           if any(p.match(texts[k].strip()) for p in convention.header_end)), at + 1)
        # the line right after the start marker naming who produced the file is the archive's too
        if header_end < len(texts) and header_end > at + 1 and PRODUCER.match(texts[header_end].strip()):
            header_end += 1
        footer_start = next((k for k in range(header_end, len(texts))
                             if any(p.match(texts[k].strip()) for p in convention.footer_start)), len(texts))
        author = match.group("author")
        return ArchiveSpan(convention.name, header_end, footer_start, match.group("title").strip(),
                           author.strip() if author else None)
    return None
