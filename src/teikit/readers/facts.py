"""The header facts of a work once its blocks are built: its author, its date, its letter.

The builder copies what each line states (a title line, a byline, a credits clause); some facts
need the whole work: the author when no line names one (a collection line, an editor's headnote,
the signature), the work's own date among all the dates the text states, a letter's sender,
addressee, place and date (TEI ``correspDesc``, the CMIF convention), a text archive's own
statement of the title and author, and for a file of several works (a collection of letters)
what the file is called and who wrote the letters.
"""

from __future__ import annotations

import re

from teikit.model import Archive, Correspondence, Document, Work
from teikit.readers import genre
from teikit.readers import metadata as md
from teikit.readers.roles import (ADDRESS, COLLECTION, META, OPEN_DATELINE, SALUTE, SALUTE_OPEN, SIGNED, TITLE,
                                  Judged, WorkPlan)
from teikit.readers.signals import ADDRESSEE
from teikit.dates import find_dates
from teikit.weights.structure import HEADER_FACTS

_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")


def note_names(work: Work, j: Judged) -> None:
    """The author a title line names ("Name: Title", "Name to Name") is the work's author."""
    if j.role == TITLE and j.names_author:
        name = md.clean_name(j.names_author)
        if name and name not in work.meta.authors:
            work.meta.authors.append(name)


def read_archive(work: Work, archive, kind: str, block, g: list[Judged]) -> None:
    """A text archive's own lines: its banner and fields (title, author, release, who produced the
    file) describe the work; its footer (the licence) is kept as it is."""
    if archive is None or kind != "archiveHeader":
        return
    meta = work.meta
    if meta.archive is None:
        meta.archive = Archive(archive.name, md.clean_name(archive.title) if archive.title else None,
                               authors=md.parse_names(archive.author) if archive.author else [])
    state = meta.archive
    clauses = g[0].sig.credits
    if not clauses:
        if _continues_title(g[0], meta):
            state.subtitles.append(md.clean_name(" ".join(block.text.split())))
        elif g[0].sig.paragraph is None:  # the banner, a release line: copied whole (the licence is not)
            meta.credits.append(" ".join(block.text.split()))
        return
    meta.credits.append(" ".join(block.text.split()))
    for clause in clauses:
        value = block.text[clause.value_start:clause.end]
        if clause.field == "title":
            state.title = md.clean_name(value)
            meta.fields.append((clause.label, value.strip(), block.line))
        elif clause.field == "author":
            state.authors = md.parse_names(value)
            meta.fields.append((clause.label, value.strip(), block.line))
        else:
            md.apply_field(meta, clause.label, clause.field, value, block.line_at(clause.value_start))


def _continues_title(j: Judged, meta) -> bool:
    """An indented line right under the archive's "Title:" field: the title's second line."""
    last = meta.fields[-1][0].lower() if meta.fields else ""
    return last == "title" and j.block.text[:1].isspace() and not j.block.blank_before


def finish_work(work: Work, plan: WorkPlan) -> None:
    """The facts that need the whole work: the archive's title and author, an author no line
    names, the work's date, a letter's sending and receiving."""
    meta = work.meta
    judged = plan.blocks
    author = HEADER_FACTS.evidence()
    if meta.authors:
        author.add(HEADER_FACTS.author_line, authors=len(meta.authors))
    if meta.archive is not None:
        if meta.archive.title:
            meta.titles = [meta.archive.title]
            known = {t.casefold() for t in meta.titles}
            meta.subtitles = [s for s in meta.archive.subtitles + meta.subtitles
                              if s.casefold() not in known and not known.add(s.casefold())]
        if meta.archive.authors and author.check(HEADER_FACTS.author_archive, True, archive=meta.archive.name):
            meta.authors = list(meta.archive.authors)
    signatures = [j for j in judged if j.role == SIGNED and not j.joins_previous]
    signature = signatures[0] if signatures else None
    if not meta.authors:
        for source, candidates in (("collection", [_collection_author(judged)]), ("headnote", [_headnote_author(judged)]),
                                   ("signature", [_signer(j) for j in signatures])):
            candidates = [c for c in candidates if c]
            # the names that sign a manifesto are its authors
            if candidates and author.check(HEADER_FACTS[f"author-{source}"], True, names=len(candidates)):
                meta.authors.extend(dict.fromkeys(candidates))
                meta.author_source = source
                break
    if author.fired:
        meta.decisions["author"] = author.decide("author", HEADER_FACTS.cert(author.fired[-1].weight))
    created, rule = md.work_date(meta)
    date = HEADER_FACTS.evidence()
    if created is not None and date.check(HEADER_FACTS[rule], True, when=created.when or created.from_):
        meta.created = created
        meta.decisions["date"] = date.decide("date", HEADER_FACTS.cert(date.score))
    letter = HEADER_FACTS.evidence()
    if letter.check(HEADER_FACTS.letter, _is_letter(judged)):
        meta.letter = _correspondence(work, judged, signature)
        meta.decisions["letter"] = letter.decide("correspDesc", HEADER_FACTS.cert(letter.score))
    genre.classify(work, judged)


def _collection_author(judged: list[Judged]) -> str | None:
    return next((md.clean_name(j.names_author) for j in judged if j.role == COLLECTION and j.names_author), None)


def _headnote_author(judged: list[Judged]) -> str | None:
    for j in judged:
        if j.role == META and j.sig.credits and j.sig.credits[0].field == "headnote" and j.sig.headnote_author:
            return md.clean_name(j.sig.headnote_author)
    return None


def _signer(signature: Judged | None) -> str | None:
    """The name a signature gives: its first line, without the office after a comma or in brackets
    ("Jos. Whittle, President", "Hilda Crane (Mrs.)")."""
    if signature is None:
        return None
    first = signature.sig.text.split("\n")[0].strip()
    first = _PARENTHESIS.sub("", first)
    head, _, tail = first.partition(",")
    if tail and signature.sig._name_shape(head) and len(tail.split()) <= 3:
        first = head
    return md.clean_name(first) or None


def _is_letter(judged: list[Judged]) -> bool:
    """A letter: it opens with a letter's salutation ("Dear Sir,", not a speech's "Comrades!") and is
    dated, addressed or signed; or it closes with a salutation and a signature."""
    roles = {j.role for j in judged}
    salute = next((j for j in judged if j.role == SALUTE_OPEN), None)
    opens = salute is not None and salute.sig.text.rstrip()[-1:] in ",:"
    return (opens and bool(roles & {SIGNED, SALUTE, OPEN_DATELINE, ADDRESS})) or (SALUTE in roles and SIGNED in roles)


def _correspondence(work: Work, judged: list[Judged], signature: Judged | None) -> Correspondence:
    meta = work.meta
    letter = Correspondence()
    letter.sender = meta.authors[0] if meta.authors else _signer(signature)
    letter.sender_is_group = bool(letter.sender) and any(
        j.sig.group_name and md.clean_name(j.sig.text) == letter.sender for j in judged)
    dateline = next((j for j in judged if j.role == OPEN_DATELINE), None) or \
        next((j for j in judged if j.role == "dateline" and find_dates(j.sig.text)), None)
    if dateline is not None:
        found = find_dates(dateline.sig.text)
        place = dateline.sig.text[:found[0].start].strip(" ,\n") if found else ""
        letter.place = md.clean_name(place) or None
    letter.date = meta.opener_date or meta.closer_date or meta.created
    heading = next((j for j in judged if j.role == TITLE), None)
    addressee = next((j.names_addressee for j in judged if j.names_addressee), None)
    if addressee is None and heading is not None:
        match = ADDRESSEE.match(heading.sig.text)
        addressee = match.group("who") if match else None
    letter.addressee = md.clean_name(addressee) if addressee else None
    return letter


def finish_document(doc: Document, plans: list[WorkPlan]) -> None:
    """A file of several works opening with a collection's title (a collection of letters): the file
    is called so, and the author it names wrote the letters no line signs otherwise."""
    if not plans:
        return
    collection = next((j for j in plans[0].blocks if j.role == COLLECTION), None)
    if collection is None:
        return
    if doc.is_corpus:
        doc.title = md.clean_name(" ".join(collection.sig.text.split()))
    author = md.clean_name(collection.names_author) if collection.names_author else None
    if not author and doc.works[0].meta.authors and doc.works[0].meta.author_source is None:
        author = doc.works[0].meta.authors[0]  # the byline under the collection's title
    if not author:
        return
    for work in doc.works[1:]:
        if not work.meta.authors or work.meta.author_source == "signature":
            work.meta.authors = [author]
            work.meta.author_source = "collection"
            if work.meta.letter is not None:
                work.meta.letter.sender = author
