"""A letter's parts: its opener, its closer, its postscripts, and where a letter of a collection ends.

A letter reads::

    [dateline] [addressee or address] salutation   body   [closing salutation(s)] signature
    [office] [dateline]   [P.S. ...]

and a collection of letters repeats that, with a heading or a dateline before each. The parts
are judged here from their own shapes and from where they stand, by the rules of
``teikit.weights.structure.LETTER``; the structure judge calls these functions on the lines
before a work's first paragraph and after its last.
"""

from __future__ import annotations

from typing import Callable

from teikit.readers.roles import (ADDRESS, DATELINE, OPEN_DATELINE, POSTSCRIPT, SALUTE, SALUTE_OPEN, SIGNED,
                                  Judged)
from teikit.weights.structure import LETTER, SIGNALS

_S = SIGNALS.thresholds


def opening_salute(j: Judged) -> bool:
    """A line that opens a letter: "Dear Comrades,", "Sir,", "Fellow delegates,"."""
    s = j.sig
    if s.length > _S["salute-chars"] or len(s.words) > _S["salute-words"] or s.is_long:
        return False
    if s.text.endswith(",") and (s.opening_salute or len(s.words) <= 2):
        return True
    # "Dear Sir:"; a speech's "Comrades!", "Friends and fellow workers!"
    return s.text.endswith((":", "!")) and s.opening_salute and len(s.words) <= 4


def signature_shaped(j: Judged) -> bool:
    """A short line that may sign a letter or give the signer's office ("Jos. Whittle, President",
    "General Secretary", "J. L.", "Hilda Crane (Mrs.)")."""
    s = j.sig
    if j.settled or s.is_long or s.paragraph is not None or s.length > _S["byline-chars"]:
        return False
    if s.credits or s.note_start or s.footer_cue or s.postscript or s.dateline or s.notes_heading:
        return False
    return s.last_char not in ".!?;:," or s.has_initials or s.text.rstrip().endswith(")")


def closing_salute(j: Judged) -> bool:
    return j.sig.closing_salute and not j.sig.is_long


def peel_opener(run: list[Judged], title_material: Callable[[Judged], bool]) -> int:
    """Roles for a letter's opener at the end of ``run`` (the lines before the first paragraph):
    the salutation, and above it a dateline, an addressee line, a postal address. Returns where
    the opener starts (``len(run)`` when the run ends with no salutation)."""
    k = len(run)
    if not k or not opening_salute(run[k - 1]):
        return k
    rules = LETTER
    ev = rules.evidence()
    if not ev.check(rules.opening_salute, True, salute=run[k - 1].sig.text[:40]):
        return k
    run[k - 1].decide(SALUTE_OPEN, ev, rules)
    run[k - 1].settled = True
    k -= 1
    dated = False
    while k:
        j = run[k - 1]
        s = j.sig
        ev = rules.evidence()
        if not dated and s.dateline and not s.addressee and ev.check(rules.opener_dateline, True, when=s.dateline):
            j.decide(OPEN_DATELINE, ev, rules)
            dated = True
            k -= 1
            continue
        # "To the Editor of ...": under the dateline, or with the title above it
        if s.addressee and not s.dateline and any(title_material(t) for t in run[:k - 1]) and \
                ev.check(rules.addressee, True, addressee=s.addressee):
            j.decide(ADDRESS, ev, rules)
            j.names_addressee = s.addressee
            k -= 1
            continue
        group = _address_group(run, k)
        if group and ev.check(rules.address, True, lines=len(group)):
            for m in group:
                run[m].decide(ADDRESS, rules.evidence().extend(ev) if m != group[0] else ev, rules)
            k = group[0]
            continue
        break
    return k


def _address_group(run: list[Judged], k: int) -> list[int]:
    """The lines of a postal address ending at ``run[k - 1]``: two or more lines of one layout group,
    each ending with a comma or full stop, the last with a full stop or nothing."""
    group: list[int] = []
    m = k - 1
    while m >= 0 and run[m].sig.address_like and len(group) < LETTER.threshold("address-lines"):
        group.insert(0, m)
        if run[m].block.blank_before:
            break
        m -= 1
    if len(group) < 2 or run[group[-1]].sig.last_char == ",":
        return []
    if any(run[a].block.group != run[group[0]].block.group for a in group):
        return []
    return group


def judge_postscripts(seg: list[Judged], first_para: int, end: int) -> int:
    """Postscripts ("P.S. ...") just before ``end``; returns where they start."""
    k = end
    while k - 1 > first_para and seg[k - 1].sig.postscript:
        ev = LETTER.evidence()
        if not ev.check(LETTER.postscript, True, opening=seg[k - 1].sig.text[:12]):
            break
        seg[k - 1].decide(POSTSCRIPT, ev, LETTER)
        seg[k - 1].settled = True
        k -= 1
    return k


def judge_closer(seg: list[Judged], first_para: int, end: int) -> int:
    """A closer just before ``end``: closing salutations, a signature (with the signer's office),
    datelines below or above it; or the names of those who sign a manifesto, one under another.
    Returns where it starts (``end`` when there is none)."""
    rules, th = LETTER, LETTER.thresholds
    signatories = _signatories(seg, first_para, end)
    if signatories < end:
        return signatories
    i = end - 1

    def free(k: int) -> bool:
        return k > first_para and not seg[k].settled

    bottom_date = i if free(i) and seg[i].sig.dateline and seg[i].sig.paragraph is None else None
    if bottom_date is not None:
        i -= 1
    signature: list[int] = []
    while free(i) and len(signature) < th["signature-lines"] and signature_shaped(seg[i]) and \
            not closing_salute(seg[i]) and not seg[i].sig.salute:
        signature.insert(0, i)
        i -= 1
    top_date = i if signature and bottom_date is None and free(i) and seg[i].sig.dateline and \
        seg[i].sig.paragraph is None else None
    if top_date is not None:
        i -= 1
    salutes: list[int] = []
    while free(i) and len(salutes) < th["closing-salutes"] and (
            closing_salute(seg[i]) or (signature and seg[i].sig.salute and not seg[i].sig.opening_salute)):
        salutes.insert(0, i)
        i -= 1
    if not _signature(seg, signature, bool(salutes), top_date is not None or bottom_date is not None):
        return _dateline_only(seg, bottom_date, end)
    for k in salutes:
        ev = rules.evidence()
        if not (ev.check(rules.closing_formula, seg[k].sig.closing_salute, salute=seg[k].sig.text[:40]) or
                ev.check(rules.closing_salute, True)):
            return _dateline_only(seg, bottom_date, end)
        seg[k].decide(SALUTE, ev, rules)
    for k in (top_date, bottom_date):
        if k is not None:
            ev = rules.evidence()
            if ev.check(rules.dateline, seg[k].sig.date, when=seg[k].sig.dateline) or \
                    ev.check(rules.place_dateline if k == bottom_date else rules.closer_dateline_above, True,
                             when=seg[k].sig.dateline):
                seg[k].decide(DATELINE, ev, rules)
    start = min([k for k in (*salutes, top_date, *signature, bottom_date) if k is not None], default=end)
    return start


def _signatories(seg: list[Judged], first_para: int, end: int) -> int:
    """Names one under another at the end, enough of them to be a list of those who sign (a
    manifesto, an appeal): each is a signature. Returns where they start (``end``: none)."""
    k = end
    while k - 1 > first_para and not seg[k - 1].settled and (seg[k - 1].sig.name_like or seg[k - 1].sig.group_name) \
            and end - k < LETTER.threshold("signatories-most") and not seg[k - 1].sig.note_start:
        k -= 1
    if end - k < LETTER.threshold("signatories-least"):
        return end
    for j in seg[k:end]:
        ev = LETTER.evidence()
        if not ev.check(LETTER.signatories, True, names=end - k):
            return end
        j.decide(SIGNED, ev, LETTER)
    return k


def _signature(seg: list[Judged], lines: list[int], salute: bool, dated: bool) -> bool:
    """Roles for the signature lines (the first signs, the others give the office, or a place under
    the name); False when they do not sign a letter."""
    if not lines:
        return False
    rules = LETTER
    top = seg[lines[0]].sig
    ev = rules.evidence()
    signs = (ev.check(rules.signature_initials, top.has_initials and (top.name_like or len(top.words) <= 3))
             or ev.check(rules.signature_group, top.group_name and (salute or dated or len(lines) == 1))
             or ev.check(rules.signature, (top.name_like or top.byline_name) and (salute or len(lines) <= 2))
             or ev.check(rules.signature_line, salute))
    if not signs:
        return False
    if len(lines) > 1 and not salute and not (top.name_like or top.group_name or top.has_initials):
        return False
    seg[lines[0]].decide(SIGNED, ev, rules)
    for n, k in enumerate(lines[1:], start=1):
        s = seg[k].sig
        place = rules.evidence()
        if k == lines[-1] and "," in s.text and s.name_like and "," not in seg[lines[n - 1]].sig.text and \
                place.check(rules.place_under_signature, True):
            seg[k].decide(DATELINE, place, rules)  # a place under the signature ("Coyoacán, D.F.")
            continue
        office = rules.evidence()
        office.check(rules.signature_office, True, line=s.text[:40])
        seg[k].decide(SIGNED, office, rules)
        seg[k].joins_previous = True
    return True


def _dateline_only(seg: list[Judged], bottom_date: int | None, end: int) -> int:
    """With no signature: a date (and place) at the very end closes the text by itself."""
    if bottom_date is None:
        return end
    s = seg[bottom_date].sig
    ev = LETTER.evidence()
    if ev.check(LETTER.dateline, s.date, when=s.dateline) or ev.check(LETTER.place_dateline, True, when=s.dateline):
        seg[bottom_date].decide(DATELINE, ev, LETTER)
        return bottom_date
    return end


def letter_boundary(run: list[Judged], dated_at_top: bool) -> int | None:
    """In the lines between two paragraphs, where the next letter of a collection starts: the run
    opens with a closer (closing salutations, then the signature: the rest of the salutation's
    layout group, or the one line under it) and ends with an opening salutation. A dateline right
    under the signature goes with the next letter when the collection's letters are dated at the
    top. None when the run is no boundary."""
    if len(run) < 3 or not opening_salute(run[-1]):
        return None
    k = 0
    while k < len(run) - 1 and (closing_salute(run[k]) or run[k].sig.salute and not opening_salute(run[k])):
        k += 1
    if k == 0 or k >= len(run) - 1:
        return None
    salute = run[k - 1]
    signature = [k]
    if not salute.block.blank_after:
        signature = [m for m in range(k, len(run) - 1) if run[m].block.group == salute.block.group]
    if not signature or not all(signature_shaped(run[m]) for m in signature):
        return None
    start = signature[-1] + 1
    if not dated_at_top and start < len(run) - 1 and run[start].sig.dateline:
        start += 1
    return start if start < len(run) else None
