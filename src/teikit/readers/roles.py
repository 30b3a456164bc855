"""The roles the structure reader gives blocks, and a judged block.

Shared by the parts of the judge (``structure``, ``titleblock``, ``letters``) and by the
builder (``plaintext``); a role is named after the TEI element it becomes where it has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from teikit.evidence import Evidence, RuleTable
from teikit.model import OPENER
from teikit.readers.layout import SourceBlock
from teikit.readers.signals import Signals

# Roles (the model's block kinds, plus reader-internal ones).
CHROME = "chrome"
AUTHOR, TITLE, SUBTITLE, BYLINE, DOCDATE = "docAuthor", "title", "subtitle", "byline", "docDate"
COLLECTION, SERIES, IMPRINT = "collection", "series", "docImprint"
META = "meta"
HEAD, P = "head", "p"
SALUTE_OPEN = OPENER  # the opening salutation
OPEN_DATELINE, ADDRESS = "openerDateline", "address"
DATELINE, SIGNED, SALUTE, POSTSCRIPT = "dateline", "signed", "salute", "postscript"
NOTES_HEAD, NOTE = "notesHead", "note"
CONTENTS_HEAD, CONTENTS = "contentsHead", "contents"
SEPARATOR, FIGURE = "separator", "figure"

TITLE_BLOCK_ROLES = {AUTHOR, TITLE, SUBTITLE, BYLINE, DOCDATE, COLLECTION, SERIES, IMPRINT}
OPENER_ROLES = {SALUTE_OPEN, OPEN_DATELINE, ADDRESS}
CLOSER_ROLES = {DATELINE, SIGNED, SALUTE}
# chrome kinds of a text archive's own lines (divisions of front and back)
ARCHIVE_HEADER, ARCHIVE_FOOTER = "archiveHeader", "archiveFooter"


@dataclass
class Judged:
    """A source block with the role the reader gave it, and why."""

    sig: Signals
    role: str = P
    cert: str | None = None
    evidence: Evidence | None = None
    chrome_kind: str | None = None  # for page chrome: breadcrumb, posting, pageTitle, ...
    byline_name: str | None = None  # for a byline: the author's name in it
    notes_type: str | None = None  # for a notes heading: "editorial" when it names an editor
    notes_resp: str | None = None  # ... and who wrote the notes ("translator", "ETOL")
    settled: bool = False  # the body's judging leaves the role as it is (an opening salutation)
    # True when this block continues the previous one (a title wrapped over two lines,
    # short lines of a verse or list): the builder merges it into the previous block.
    joins_previous: bool = False
    # what a title-block line says besides its role: the author it names ("Name: Title", a
    # collection line, a headnote), the addressee ("Name to Name", "To the Editor")
    names_author: str | None = None
    names_addressee: str | None = None
    # a line whose role says which header field it fills without a label ("The Review, 1909")
    meta_field: str | None = None

    @property
    def block(self) -> SourceBlock:
        return self.sig.block

    def decide(self, role: str, evidence: Evidence, table: RuleTable | None = None, cert: str | None = None,
               threshold: float | None = None, alternatives: list[tuple[str, float]] = ()) -> None:
        """Take ``role`` for the rules in ``evidence``; the certainty is what their score earns in
        ``table`` (or ``cert`` as given)."""
        if table is not None:
            cert = table.cert(evidence.score)
        self.role, self.cert, self.evidence = role, cert, evidence
        evidence.decide(role, cert, threshold, alternatives)


@dataclass
class WorkPlan:
    """The judged blocks of one work, in order."""

    blocks: list[Judged]
