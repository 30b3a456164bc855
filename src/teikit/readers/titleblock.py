"""The title block: the short lines above a work's text, and what each of them is.

A title block holds the work's title (over one or more lines), its subtitle, its author (a
name line above or below the title, a byline, "Name: Title", a letter's heading "Name to
Name", a group), a date line, and around them lines that are not the title: a collection or
series the work belongs to, the book's title on a chapter's page, a title page's imprint, an
illustration. Which line is which is decided here by the rules of
``teikit.weights.structure.TITLE_BLOCK``, from the lines' own shapes and their order.
"""

from __future__ import annotations

from teikit.readers.roles import (AUTHOR, BYLINE, COLLECTION, DOCDATE, FIGURE, IMPRINT, META, SERIES, SUBTITLE,
                                  TITLE, Judged)
from teikit.readers.signals import BYLINE_WORDS, FUNCTION_WORDS
from teikit.weights.structure import TITLE_BLOCK


class TitleBlock:
    """Judges title blocks for a text in ``body_lang`` (sentence-case titles outside English)."""

    def __init__(self, body_lang: str | None):
        self.body_lang = body_lang

    def title_like(self, j: Judged) -> bool:
        s = j.sig
        # French, Spanish, Italian... write titles in sentence case ("La révolution trahie")
        th = TITLE_BLOCK.thresholds
        sentence_case = self.body_lang not in (None, "en") and s.starts_upper and len(s.words) <= th["title-words"]
        # a title in capitalised words may end with a full stop ("Why the Co-operators Must Enter Politics.")
        stopped = s.last_char == "." and s.sentences == 1 and len(s.words) <= th["title-words"] and \
            s.cap_ratio >= th["stopped-title-capitals"]
        # "— A Reply to Its Critics —": a title between dashes
        dashed = s.text[:1] in "—–" and s.text.rstrip()[-1:] in "—–" and len(s.words) <= th["title-words"] and \
            s.cap_ratio >= th["stopped-title-capitals"]
        return not s.is_long and (s.heading_shape >= th["title-shape"] or s.all_caps or stopped or dashed or (
            (s.starts_lower or sentence_case) and len(s.words) <= th["title-words"] and not s.ends_terminal))

    def title_material(self, j: Judged) -> bool:
        """A line that may be a work's title (not a date, a name, a collection, a figure)."""
        s = j.sig
        return self.title_like(j) and not (s.dateline or s.date_range or s.name_like or s.collection or s.series or
                                           s.figure or s.site_section or s.byline_name)

    def letter_heading(self, j: Judged) -> bool:
        """A line that may head a letter of a collection ("II. To Samuel Holt", "Letter 2", "Ada Burns to
        Walter Kerr", "TO HENRY PAGE, 12 April 1912.")."""
        s = j.sig
        return bool(self.title_material(j) or s.numbered_heading or s.letter_heading or (s.addressee and s.dateline))

    @staticmethod
    def _name_line(j: Judged) -> bool:
        s = j.sig
        return bool(s.byline_name or s.name_like or s.group_name or s.name_title or s.letter_heading or
                    s.collection or s.series or s.imprint or _by_alone(j))

    def suffix(self, run: list[Judged]) -> list[int]:
        """Positions in ``run`` of its longest tail that reads as a title block."""
        taken: list[int] = []
        dates = 0
        for i in reversed(range(len(run))):
            j = run[i]
            s = j.sig
            if j.role == FIGURE:
                taken.append(i)
                continue
            if s.notes_heading or (s.label and s.label[1] and not dated_phrase(j)) or s.comment_cue or \
                    s.is_breadcrumb or s.posting or s.nav_cue or s.site_section or j.settled:
                break
            if s.dateline or s.date_range:  # a date, or "Place, date" ("London, September 21, 1890")
                if dates:
                    break
                dates += 1
            elif not (self._name_line(j) or self.title_like(j)):
                break
            taken.append(i)
        taken.reverse()
        # a date line at the very start belongs to what precedes (a closer), not to the title
        while taken and run[taken[0]].sig.dateline and len(taken) > 1 and not run[taken[0]].sig.is_parenthesised:
            taken.pop(0)
        return taken

    def is_title_block(self, run: list[Judged]) -> bool:
        """Whether the lines between two paragraphs open a new work (a title with a date or an author)."""
        sigs = [j.sig for j in run]
        has_date = any(s.dateline or s.date_range for s in sigs)
        has_author = any(s.byline_name or (s.name_like and s.has_initials) or s.name_title or s.letter_heading
                         for s in sigs)
        titles = [s for s in sigs if not (s.dateline or s.date_range) and not s.byline_name and
                  not (s.name_like and s.has_initials)]
        # without a date, a title that is a name is a signature ("Leon Trotsky / Coyoacán, D.F.")
        if not has_date:
            titles = [s for s in titles if not s.name_like]
        return bool(titles) and (has_date or has_author) and len(run) >= 2

    def chapter_title(self, tb: list[Judged], later_numbered: bool) -> int | None:
        """On a chapter's page (a numbered heading in the title block, none in the text below it), the
        position in ``tb`` of the chapter's heading, which is the work's title; else None."""
        if later_numbered:
            return None
        numbered = [n for n, j in enumerate(tb) if n and j.sig.numbered_heading and not j.sig.dateline]
        # "Part One" then "Chapter 4: The Gasworkers": the chapter is the work, its part and book above it
        at = numbered[-1] if numbered else None
        if at is None or not any(self.title_material(j) for j in tb[:at]):
            return None
        return at

    def assign(self, tb: list[Judged], chapter: int | None = None, collection: str | None = None) -> None:
        """Roles for the lines of a title block (``chapter``: the position of a chapter's heading
        that is the work's title, the title-like lines above it being the book's; ``collection``:
        the block opens a collection of letters, whose title it gives; "headed" when the letters have
        headings, the first letter's being the block's last title-like line)."""
        if not tb:
            return
        rules = TITLE_BLOCK
        if collection:
            tb = self._collection_head(tb, headed=collection == "headed")
        author_name: str | None = None
        title_seen = False
        previous: Judged | None = None
        for n, j in enumerate(tb):
            s = j.sig
            ev = rules.evidence()
            if j.role == FIGURE:
                continue
            if chapter is not None and n < chapter and (self.title_material(j) or s.numbered_heading) and \
                    ev.check(rules.book_title, True):
                j.decide(SUBTITLE, ev, rules)
            elif chapter is not None and n >= chapter and not title_seen and ev.check(rules.chapter_title, True):
                j.decide(TITLE, ev, rules)
                title_seen = True
            elif chapter is not None and n > chapter and previous is not None and previous.role == TITLE and \
                    not previous.block.blank_after and self.title_like(j) and not s.name_like and \
                    ev.check(rules.title_continued, True):
                j.decide(TITLE, ev, rules)
                j.joins_previous = True
            elif not title_seen and s.addressee and (s.dateline or s.described_date) and \
                    ev.check(rules.letter_heading, True, addressee=s.addressee):
                j.decide(TITLE, ev, rules)  # "TO HENRY PAGE, 12 April 1912.": a letter's heading and its date
                j.names_addressee = s.addressee
                title_seen = True
            elif ev.check(rules.date_line, (s.dateline or s.date_range) and not any(k.role == DOCDATE for k in tb[:n]),
                          when=s.dateline or (s.date_range and s.date_range[0])):
                j.decide(DOCDATE, ev, rules)
            elif ev.check(rules.collection, s.collection and any(self.title_material(k) and not k.sig.collection
                                                                 for k in tb if k is not j),
                          author=s.collection and s.collection[0]):
                j.decide(COLLECTION, ev, rules)
                j.names_author = s.collection[0]
                author_name = author_name or s.collection[0]
            elif not title_seen and ev.check(rules.series, s.series and n + 1 < len(tb)):
                j.decide(SERIES, ev, rules)
            elif ev.check(rules.byline, s.byline_name, name=s.byline_name):
                j.decide(BYLINE, ev, rules)
                author_name = author_name or s.byline_name
                j.byline_name = s.byline_name
            elif _by_alone(j) and n + 1 < len(tb) and tb[n + 1].sig.name_like and ev.check(rules.by_alone, True):
                j.decide(BYLINE, ev, rules)
            elif previous is not None and previous.role == BYLINE and _by_alone(previous) and s.name_like and \
                    ev.check(rules.by_alone, True):
                j.decide(BYLINE, ev, rules)
                j.joins_previous = True
                j.byline_name = s.text
                author_name = author_name or s.text
            elif not title_seen and s.name_title and ev.check(rules.name_colon_title, True, name=s.name_title[0]):
                j.decide(TITLE, ev, rules)
                j.names_author = s.name_title[0]
                title_seen = True
                author_name = author_name or s.name_title[0]
            elif not title_seen and s.letter_heading and ev.check(rules.letter_heading, True, writer=s.letter_heading[0]):
                j.decide(TITLE, ev, rules)
                j.names_author, j.names_addressee = s.letter_heading
                title_seen = True
                author_name = author_name or s.letter_heading[0]
            elif not title_seen and not author_name and s.group_name and n + 1 < len(tb) and \
                    any(self.title_material(k) for k in tb[n + 1:]) and \
                    not any(k.sig.byline_name or _by_alone(k) for k in tb[n + 1:]) and \
                    ev.check(rules.group_author, True):
                j.decide(AUTHOR, ev, rules)
                author_name = s.text
            elif s.name_like and not title_seen and (
                    ev.check(rules.author_initials, s.has_initials) or
                    ev.check(rules.author_first, n == _first_line(tb) and len(tb) > 1 and
                             any(self.title_material(k) for k in tb[n + 1:]), lines=len(tb))):
                j.decide(AUTHOR, ev, rules)
                author_name = author_name or s.text
            elif title_seen and author_name and (s.imprint or (s.all_caps and len(s.words) == 1 and not s.dateline)) \
                    and ev.check(rules.imprint, True):
                j.decide(IMPRINT, ev, rules)
            elif not title_seen and (ev.check(rules.title, len(tb) > 1, lines=len(tb)) or
                                     ev.check(rules.title_alone, True)):
                j.decide(TITLE, ev, rules)
                title_seen = True
            elif ev.check(rules.title_continued, previous is not None and previous.role == TITLE and (
                    s.starts_lower or (_runs_on(previous) or _label_heading(previous)) and
                    not previous.block.blank_after and self.title_like(j))):
                j.decide(TITLE, ev, rules)
                j.joins_previous = True
            elif not author_name and (s.name_like or s.group_name) and \
                    ev.check(rules.author_after_title, True, line=s.text[:40]):
                j.decide(AUTHOR, ev, rules)
                author_name = s.text
            elif ev.check(rules.byline_mentions_author, author_name and _mentions(s.text, author_name),
                          author=author_name):
                j.decide(BYLINE, ev, rules)
            elif author_name and _publication_line(j) and ev.check(rules.publication_line, True):
                j.decide(META, ev, rules)
                j.meta_field = "first_published"
            elif not any(k.role == DOCDATE for k in tb[:n]) and s.described_date and \
                    ev.check(rules.described_date, True, when=s.described_date):
                j.decide(DOCDATE, ev, rules)
            else:
                ev.add(rules.subtitle)
                j.decide(SUBTITLE, ev, rules)
            previous = j


    def _collection_head(self, tb: list[Judged], headed: bool) -> list[Judged]:
        """The lines that name a collection (of letters, of articles on one page) above its first
        work: the title-like lines above the first work's own heading (its last one, when the works
        have headings) become the collection's; returns the lines left to judge."""
        rules = TITLE_BLOCK
        heading = max((n for n, j in enumerate(tb) if self.letter_heading(j)), default=None) if headed else None
        rest = []
        for n, j in enumerate(tb):
            s = j.sig
            ev = rules.evidence()
            if (heading is None or n < heading) and j.role != FIGURE and \
                    (self.title_material(j) or s.collection or s.series) and \
                    not s.byline_name and ev.check(rules.collection, True, author=s.collection and s.collection[0]):
                j.decide(COLLECTION, ev, rules)
                j.names_author = s.collection[0] if s.collection else None
            else:
                rest.append(j)
        return rest


def dated_phrase(j: Judged) -> bool:
    """"Delivered 12 May 1922", "Written 1931": a date line of the title block, not a labelled credit."""
    clauses = j.sig.credits
    return len(clauses) == 1 and clauses[0].field == "written" and ":" not in j.sig.text and \
        bool(j.sig.dateline or j.sig.described_date)


def _first_line(tb: list[Judged]) -> int:
    """The position of the block's first line that is not an illustration."""
    return next((n for n, j in enumerate(tb) if j.role != FIGURE), 0)


def _by_alone(j: Judged) -> bool:
    """'BY' alone on its line (a title page's byline, the name on the next line)."""
    return j.sig.text.strip(" .").lower() in BYLINE_WORDS


def _label_heading(j: Judged) -> bool:
    """A heading that only numbers ("Chapter 5", "CHAPTER VII", "Part One"): its title is on the next line."""
    return bool(j.sig.numbered_heading) and len(j.sig.words) <= 2


def _runs_on(previous: Judged) -> bool:
    """A title line that cannot end there: it ends with a small word ("The Struggle for")."""
    words = previous.sig.words
    return bool(words) and (words[-1].lower() in FUNCTION_WORDS or previous.sig.text.rstrip().endswith(":"))


def _publication_line(j: Judged) -> bool:
    """'The Municipal Review, 1909', 'Labour Weekly, 3 May 1920': a title and a year or date."""
    s = j.sig
    text = s.text.rstrip(" .")
    head, _, tail = text.rpartition(",")
    return bool(head) and bool(s.described_date or tail.strip().isdigit() and len(tail.strip()) == 4) and \
        head[:1].isupper()


def _mentions(text: str, name: str) -> bool:
    surname = name.replace(".", " ").split()[-1] if name.split() else name
    return len(surname) > 1 and surname.lower() in text.lower()
