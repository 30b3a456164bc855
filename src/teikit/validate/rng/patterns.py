"""Patterns and their derivatives: James Clark's algorithm for RELAX NG validation.

A pattern is what is still allowed at a point of a document. Validating is taking derivatives:
the start tag of an element named N turns the pattern P into "P after an N element started",
an attribute, some text and an end tag likewise, and the document is valid when the pattern
left at the end accepts the empty sequence. The derivatives are those of "An algorithm for
RELAX NG validation" (Clark, 2002), with the refinements jing makes for good error messages:
a start tag and each attribute name are steps of their own (``after`` patterns carry what
follows the element or the attribute value), and text is "untyped" (mixed content) or "typed"
(matched as one string against data patterns).

Patterns are hash-consed (:class:`Builder` makes each distinct pattern once), so a derivative
computed once is remembered on its pattern: a document that repeats the same structures costs
one dictionary look-up per tag after the first few. Choices are flat sets (order and
duplicates do not matter), with jing's rule for ``after`` patterns in a choice: those with the
same continuation merge, which keeps the number of distinct states small.

The functions here only compute patterns; :mod:`.matcher` decides what is an error, how to
recover and what to say.
"""

from __future__ import annotations

from typing import Callable, Iterable

# pattern kinds
EMPTY, NOT_ALLOWED, TEXT, CHOICE, GROUP, INTERLEAVE, ONE_OR_MORE, ELEMENT, ATTRIBUTE, DATA, VALUE, LIST, AFTER = \
    range(13)
KIND_NAMES = ("empty", "notAllowed", "text", "choice", "group", "interleave", "oneOrMore", "element", "attribute",
              "data", "value", "list", "after")

# content types (RELAX NG section 7.2, as jing computes them)
CT_EMPTY, CT_ELEMENT, CT_MIXED, CT_DATA = range(4)

_DATA_CACHE = 512  # remembered results of matching a string, per pattern


class Pattern:
    """One hash-consed pattern. ``a`` and ``b`` are its operands (for ``element`` and
    ``attribute``: the name class and the content; ``data``: the datatype and the except
    pattern; ``value``: the datatype and the value); ``members``: the alternatives of a choice."""

    __slots__ = ("kind", "a", "b", "members", "nullable", "content_type", "text", "context_free", "n", "not_allowed",
                 "m_open", "m_recover", "m_att", "m_close", "m_ignore", "m_end", "m_mixed", "m_text_only",
                 "m_after", "m_empty_after", "m_data", "__weakref__")

    _serial = 0

    def __init__(self, kind: int, a=None, b=None, members: frozenset | None = None):
        Pattern._serial += 1
        self.n = Pattern._serial  # creation order: the schema's order, for messages
        self.kind = kind
        self.a = a
        self.b = b
        self.members = members
        # jing's notion: an ``after`` is not allowed when what is inside the element is not
        self.not_allowed = kind == NOT_ALLOWED or (kind == AFTER and a.kind == NOT_ALLOWED)
        self.text = None  # value: the schema's text of the value, for messages
        self.m_open = self.m_recover = self.m_att = self.m_data = None
        self.m_close = self.m_ignore = self.m_end = self.m_mixed = self.m_text_only = None
        self.m_after = self.m_empty_after = None
        if kind == CHOICE:
            self.nullable = any(m.nullable for m in members)
            self.content_type = max(m.content_type for m in members)
            self.context_free = all(m.context_free for m in members)
        elif kind in (GROUP, INTERLEAVE):
            self.nullable = a.nullable and b.nullable
            self.content_type = max(a.content_type, b.content_type)
            self.context_free = a.context_free and b.context_free
        elif kind == AFTER:
            self.nullable = False
            self.content_type = max(a.content_type, b.content_type)
            self.context_free = a.context_free and b.context_free
        elif kind == ONE_OR_MORE:
            self.nullable = a.nullable
            self.content_type = a.content_type
            self.context_free = a.context_free
        elif kind == LIST:
            self.nullable = False
            self.content_type = CT_DATA
            self.context_free = a.context_free
        elif kind == DATA:
            self.nullable = False
            self.content_type = CT_DATA
            self.context_free = not a.needs_context and (b is None or b.context_free)
        elif kind == VALUE:
            self.nullable = False
            self.content_type = CT_DATA
            self.context_free = not a.needs_context
        else:
            self.nullable = kind in (EMPTY, TEXT)
            self.content_type = {TEXT: CT_MIXED, ELEMENT: CT_ELEMENT}.get(kind, CT_EMPTY)
            self.context_free = True

    def __repr__(self) -> str:  # for debugging only
        if self.kind == CHOICE:
            return "(" + " | ".join(sorted(map(repr, self.members))) + ")"
        if self.kind in (GROUP, INTERLEAVE, AFTER):
            sep = {GROUP: ", ", INTERLEAVE: " & ", AFTER: " ; "}[self.kind]
            return f"({self.a!r}{sep}{self.b!r})"
        if self.kind == ONE_OR_MORE:
            return f"{self.a!r}+"
        if self.kind in (ELEMENT, ATTRIBUTE):
            return f"{KIND_NAMES[self.kind]} {self.a!r}"
        if self.kind == VALUE:
            return f'"{self.text}"'
        if self.kind == DATA:
            return f"data {self.a.name}"
        return KIND_NAMES[self.kind]


class Builder:
    """Makes patterns, each distinct one once, and computes their derivatives."""

    def __init__(self) -> None:
        self._table: dict[tuple, Pattern] = {}
        self.empty = Pattern(EMPTY)
        self.not_allowed = Pattern(NOT_ALLOWED)
        self.text = Pattern(TEXT)

    # -- construction ------------------------------------------------------------------------------
    def _intern(self, key: tuple, make: Callable[[], Pattern]) -> Pattern:
        found = self._table.get(key)
        if found is None:
            found = self._table[key] = make()
        return found

    def choice(self, p: Pattern, q: Pattern) -> Pattern:
        if p is q or q.kind == NOT_ALLOWED:
            return p
        if p.kind == NOT_ALLOWED:
            return q
        pm = p.members if p.kind == CHOICE else frozenset((p,))
        qm = q.members if q.kind == CHOICE else frozenset((q,))
        if qm <= pm:
            return p
        if pm <= qm:
            return q
        return self.choice_of(pm | qm)

    def choice_of(self, members: Iterable[Pattern]) -> Pattern:
        """The choice of patterns (none of them a choice)."""
        members = frozenset(m for m in members if m.kind != NOT_ALLOWED)
        if not members:
            return self.not_allowed
        afters = [m for m in members if m.kind == AFTER]
        if len(afters) > 1:
            members = self._merge_afters(members, afters)
        if len(members) == 1:
            return next(iter(members))
        return self._intern((CHOICE, members), lambda: Pattern(CHOICE, members=members))

    def _merge_afters(self, members: frozenset, afters: list[Pattern]) -> frozenset:
        """``after(x, r) | after(y, r)`` is ``after(x | y, r)`` and ``after(x, r) | after(x, s)`` is
        ``after(x, r | s)``: fewer states to carry through the content of an element."""
        for side in ("b", "a"):
            groups: dict[int, list[Pattern]] = {}
            for m in afters:
                groups.setdefault(id(getattr(m, side)), []).append(m)
            if len(groups) == len(afters):
                continue
            merged = []
            for group in groups.values():
                if len(group) == 1:
                    merged.append(group[0])
                elif side == "b":
                    first = group[0].a
                    for m in group[1:]:
                        first = self.choice(first, m.a)
                    merged.append(self.after(first, group[0].b))
                else:
                    rest = group[0].b
                    for m in group[1:]:
                        rest = self.choice(rest, m.b)
                    merged.append(self.after(group[0].a, rest))
            afters = [m for m in merged if m.kind == AFTER]
            members = frozenset([m for m in members if m.kind != AFTER] + merged)
        return members

    def group(self, p: Pattern, q: Pattern) -> Pattern:
        return self._sequence(GROUP, p, q)

    def interleave(self, p: Pattern, q: Pattern) -> Pattern:
        return self._sequence(INTERLEAVE, p, q)

    def _sequence(self, kind: int, p: Pattern, q: Pattern) -> Pattern:
        """A group or interleave: notAllowed if either is, the other if one is empty."""
        if p.kind == NOT_ALLOWED or q.kind == NOT_ALLOWED:
            return self.not_allowed
        if p.kind == EMPTY:
            return q
        if q.kind == EMPTY:
            return p
        return self._intern((kind, id(p), id(q)), lambda: Pattern(kind, p, q))

    def after(self, p: Pattern, q: Pattern) -> Pattern:
        return self._intern((AFTER, id(p), id(q)), lambda: Pattern(AFTER, p, q))

    def one_or_more(self, p: Pattern) -> Pattern:
        if p.kind in (NOT_ALLOWED, EMPTY):
            return p
        return self._intern((ONE_OR_MORE, id(p)), lambda: Pattern(ONE_OR_MORE, p))

    def optional(self, p: Pattern) -> Pattern:
        return self.choice(p, self.empty)

    def list_of(self, p: Pattern) -> Pattern:
        if p.kind == NOT_ALLOWED:
            return p
        return self._intern((LIST, id(p)), lambda: Pattern(LIST, p))

    def attribute(self, nc, p: Pattern) -> Pattern:
        if p.kind == NOT_ALLOWED:
            return p
        return self._intern((ATTRIBUTE, id(nc), id(p)), lambda: Pattern(ATTRIBUTE, nc, p))

    def data(self, datatype, exception: Pattern | None = None) -> Pattern:
        return self._intern((DATA, id(datatype), id(exception)), lambda: Pattern(DATA, datatype, exception))

    def value(self, datatype, value, text: str) -> Pattern:
        def make() -> Pattern:
            p = Pattern(VALUE, datatype, value)
            p.text = text
            return p
        return self._intern((VALUE, id(datatype), datatype.key(value)), make)

    def element(self, nc) -> Pattern:
        """A new element pattern; its content (``b``) is set once every define is built."""
        p = Pattern(ELEMENT, nc, self.not_allowed)
        self._table[(ELEMENT, id(p))] = p  # kept alive with the others
        return p

    def _apply_after(self, p: Pattern, f: Callable[[Pattern], Pattern]) -> Pattern:
        """``f`` applied to what follows each ``after`` of ``p`` (a choice of afters)."""
        if p.kind == AFTER:
            return self.after(p.a, f(p.b))
        if p.kind == CHOICE:
            return self.choice_of(self._apply_after(m, f) for m in p.members)
        return self.not_allowed

    # -- start tags ----------------------------------------------------------------------------------
    def start_tag_open(self, p: Pattern, name: str) -> Pattern:
        """The pattern once the start tag of an element ``name`` is open (attributes to come)."""
        memo = p.m_open
        if memo is None:
            memo = p.m_open = {}
        else:
            found = memo.get(name)
            if found is not None:
                return found
        result = memo[name] = self._start_tag_open(p, name, False)
        return result

    def start_tag_open_recover(self, p: Pattern, name: str) -> Pattern:
        """As :meth:`start_tag_open`, but required elements before it may be missing (jing's
        recovery: an element "not allowed yet")."""
        memo = p.m_recover
        if memo is None:
            memo = p.m_recover = {}
        else:
            found = memo.get(name)
            if found is not None:
                return found
        result = memo[name] = self._start_tag_open(p, name, True)
        return result

    def _start_tag_open(self, p: Pattern, name: str, recover: bool) -> Pattern:
        d = self.start_tag_open_recover if recover else self.start_tag_open
        kind = p.kind
        if kind == CHOICE:
            return self.choice_of(d(m, name) for m in p.members)
        if kind == ELEMENT:
            return self.after(p.b, self.empty) if p.a.contains(name) else self.not_allowed
        if kind == GROUP:
            p1, p2 = p.a, p.b
            x = self._apply_after(d(p1, name), lambda y: self.group(y, p2))
            return self.choice(x, d(p2, name)) if p1.nullable or recover else x
        if kind == INTERLEAVE:
            p1, p2 = p.a, p.b
            return self.choice(self._apply_after(d(p1, name), lambda y: self.interleave(y, p2)),
                               self._apply_after(d(p2, name), lambda y: self.interleave(p1, y)))
        if kind == ONE_OR_MORE:
            rest = self.optional(p)
            return self._apply_after(d(p.a, name), lambda y: self.group(y, rest))
        if kind == AFTER:
            p2 = p.b
            return self._apply_after(d(p.a, name), lambda y: self.after(y, p2))
        return self.not_allowed

    # -- attributes ----------------------------------------------------------------------------------
    def start_attribute(self, p: Pattern, name: str) -> Pattern:
        """The pattern once an attribute ``name`` is seen: its value is matched next
        (:meth:`data_deriv`), against the first operand of each ``after``."""
        memo = p.m_att
        if memo is None:
            memo = p.m_att = {}
        else:
            found = memo.get(name)
            if found is not None:
                return found
        result = memo[name] = self._start_attribute(p, name)
        return result

    def _start_attribute(self, p: Pattern, name: str) -> Pattern:
        d = self.start_attribute
        kind = p.kind
        if kind == CHOICE:
            return self.choice_of(d(m, name) for m in p.members)
        if kind == ATTRIBUTE:
            return self.after(p.b, self.empty) if p.a.contains(name) else self.not_allowed
        if kind in (GROUP, INTERLEAVE):
            p1, p2 = p.a, p.b
            make = self.group if kind == GROUP else self.interleave
            return self.choice(self._apply_after(d(p1, name), lambda y: make(y, p2)),
                               self._apply_after(d(p2, name), lambda y: make(p1, y)))
        if kind == ONE_OR_MORE:
            rest = self.optional(p)
            return self._apply_after(d(p.a, name), lambda y: self.group(y, rest))
        if kind == AFTER:
            p2 = p.b
            return self._apply_after(d(p.a, name), lambda y: self.after(y, p2))
        return self.not_allowed

    def end_attributes(self, p: Pattern) -> Pattern:
        """The start tag closes: attributes still required make the pattern not allowed."""
        found = p.m_close
        if found is None:
            found = p.m_close = self._map_attributes(p, self.end_attributes, self.not_allowed)
        return found

    def ignore_missing_attributes(self, p: Pattern) -> Pattern:
        """The start tag closes and attributes still required are forgotten (recovery)."""
        found = p.m_ignore
        if found is None:
            found = p.m_ignore = self._map_attributes(p, self.ignore_missing_attributes, self.empty)
        return found

    def _map_attributes(self, p: Pattern, f, attribute: Pattern) -> Pattern:
        kind = p.kind
        if kind == ATTRIBUTE:
            return attribute
        if kind == CHOICE:
            return self.choice_of(f(m) for m in p.members)
        if kind == GROUP:
            return self.group(f(p.a), f(p.b))
        if kind == INTERLEAVE:
            return self.interleave(f(p.a), f(p.b))
        if kind == ONE_OR_MORE:
            return self.one_or_more(f(p.a))
        if kind == AFTER:
            return self.after(f(p.a), p.b)
        return p

    # -- text ----------------------------------------------------------------------------------------
    def mixed_text(self, p: Pattern) -> Pattern:
        """Untyped text (text beside elements): only ``text`` patterns take it."""
        found = p.m_mixed
        if found is None:
            found = p.m_mixed = self._mixed_text(p)
        return found

    def _mixed_text(self, p: Pattern) -> Pattern:
        f = self.mixed_text
        kind = p.kind
        if kind == TEXT:
            return p
        if kind == CHOICE:
            return self.choice_of(f(m) for m in p.members)
        if kind == AFTER:
            return self.after(f(p.a), p.b)
        if kind == GROUP:
            x = self.group(f(p.a), p.b)
            return self.choice(x, f(p.b)) if p.a.nullable else x
        if kind == INTERLEAVE:
            return self.choice(self.interleave(f(p.a), p.b), self.interleave(p.a, f(p.b)))
        if kind == ONE_OR_MORE:
            return self.group(f(p.a), self.optional(p))
        return self.not_allowed

    def text_only(self, p: Pattern) -> Pattern:
        """Before typed text: element patterns go (no element can come any more)."""
        found = p.m_text_only
        if found is None:
            found = p.m_text_only = self._text_only(p)
        return found

    def _text_only(self, p: Pattern) -> Pattern:
        kind = p.kind
        if kind == ELEMENT:
            return self.not_allowed
        return self._map_attributes(p, self.text_only, p)  # attributes stay

    def data_deriv(self, p: Pattern, s: str, context, failures: list | None = None) -> Pattern:
        """What is left of ``p`` (a choice of afters) once the string ``s`` has been matched: an
        attribute value, or the text of an element whose content is typed. ``failures`` collects
        why datatypes refused ``s``, for the message."""
        if failures is None and p.context_free:
            memo = p.m_data
            if memo is None:
                memo = p.m_data = {}
            found = memo.get(s)
            if found is None:
                if len(memo) >= _DATA_CACHE:
                    memo.clear()
                found = memo[s] = self._data_deriv(p, s, context, None)
            return found
        return self._data_deriv(p, s, context, failures)

    def _data_deriv(self, p: Pattern, s: str, context, failures: list | None) -> Pattern:
        kind = p.kind
        if kind == AFTER:
            mark = len(failures) if failures is not None else 0
            if self.string_deriv(p.a, s, context, failures).nullable:
                return p.b
            if p.a.nullable and _blank(s):
                if failures is not None:
                    del failures[mark:]
                return p.b
            return self.not_allowed
        if kind == CHOICE:
            mark = len(failures) if failures is not None else 0
            members = p.members if failures is None else sorted(p.members, key=_serial)
            result = self.choice_of(self.data_deriv(m, s, context, failures) for m in members)
            if failures is not None and result.kind != NOT_ALLOWED:
                del failures[mark:]
            return result
        return self.not_allowed

    def string_deriv(self, p: Pattern, s: str, context, failures: list | None) -> Pattern:
        """Clark's textDeriv for a whole string (data, value, list and text patterns)."""
        kind = p.kind
        if kind == TEXT:
            return p
        if kind == VALUE:
            dt = p.a
            value = dt.value_of(s, context)
            if value is not None and dt.same(p.b, value):
                return self.empty
            if failures is not None:
                failures.append(("value", p) if value is not None else ("invalid", dt, dt.error(s, context)))
            return self.not_allowed
        if kind == DATA:
            dt = p.a
            problem = dt.error(s, context)
            if problem is not None:
                if failures is not None:
                    failures.append(("invalid", dt, problem))
                return self.not_allowed
            if p.b is not None and self.string_deriv(p.b, s, context, None).nullable:
                if failures is not None:
                    failures.append(("except", p))
                return self.not_allowed
            return self.empty
        if kind == LIST:
            return self._list_deriv(p, s, context, failures)
        if kind == CHOICE:
            mark = len(failures) if failures is not None else 0
            members = p.members if failures is None else sorted(p.members, key=_serial)
            result = self.choice_of(self.string_deriv(m, s, context, failures) for m in members)
            if failures is not None and result.kind != NOT_ALLOWED:
                del failures[mark:]
            return result
        if kind == GROUP:
            mark = len(failures) if failures is not None else 0
            x = self.group(self.string_deriv(p.a, s, context, failures), p.b)
            if p.a.nullable:
                x = self.choice(x, self.string_deriv(p.b, s, context, failures))
            if failures is not None and x.kind != NOT_ALLOWED:
                del failures[mark:]
            return x
        if kind == INTERLEAVE:
            return self.choice(self.interleave(self.string_deriv(p.a, s, context, None), p.b),
                               self.interleave(p.a, self.string_deriv(p.b, s, context, None)))
        if kind == ONE_OR_MORE:
            return self.group(self.string_deriv(p.a, s, context, failures), self.optional(p))
        return self.not_allowed

    def _list_deriv(self, p: Pattern, s: str, context, failures: list | None) -> Pattern:
        q = p.a
        tokens = s.split()
        for index, token in enumerate(tokens):
            mark = len(failures) if failures is not None else 0
            q = self.string_deriv(q, token, context, failures)
            if q.kind == NOT_ALLOWED:
                if failures is not None:
                    failures[mark:] = [f + (("token", token),) for f in failures[mark:]]
                return q
        if q.nullable:
            return self.empty
        if failures is not None:
            mark = len(failures)
            self.string_deriv(q, "", context, failures)  # a missing token: say what was expected
            failures[mark:] = [f + (("missing",),) for f in failures[mark:]]
        return self.not_allowed

    # -- end tags ------------------------------------------------------------------------------------
    def end_tag(self, p: Pattern) -> Pattern:
        found = p.m_end
        if found is None:
            found = p.m_end = self._end_tag(p)
        return found

    def _end_tag(self, p: Pattern) -> Pattern:
        if p.kind == AFTER:
            return p.b if p.a.nullable else self.not_allowed
        if p.kind == CHOICE:
            return self.choice_of(self.end_tag(m) for m in p.members)
        return self.not_allowed

    def recover_after(self, p: Pattern) -> Pattern:
        """What follows the current element (or attribute), whatever is left inside it."""
        found = p.m_after
        if found is None:
            if p.kind == AFTER:
                found = p.b
            elif p.kind == CHOICE:
                found = self.choice_of(self.recover_after(m) for m in p.members)
            else:
                found = self.not_allowed
            p.m_after = found
        return found

    def empty_after(self, p: Pattern) -> Pattern:
        """The same ``after`` patterns, with nothing after them: to ask what the element itself
        still allows, whether or not its parent does."""
        found = p.m_empty_after
        if found is None:
            if p.kind == AFTER:
                found = self.after(p.a, self.empty)
            elif p.kind == CHOICE:
                found = self.choice_of(self.empty_after(m) for m in p.members)
            else:
                found = p
            p.m_empty_after = found
        return found


def _serial(p: Pattern) -> int:
    return p.n


def _blank(s: str) -> bool:
    return not s.strip(" \t\r\n")


blank = _blank
