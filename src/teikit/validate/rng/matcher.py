"""The state of one document's validation, event by event, with jing's errors and recovery.

A :class:`Matcher` holds the pattern of what is still allowed and takes the events of a
document in jing's order: a start tag opens, each attribute name, its value, the start tag
closes, untyped text (beside elements), typed text (the whole text of an element whose
content is data), an end tag. Each step returns False on an error and leaves its message in
:attr:`Matcher.message`. What jing says and where it goes on from are followed closely:

- an element not allowed where it is, but allowed later in the same content, is "not allowed
  yet" (and the required elements skipped are named); one allowed elsewhere in the schema is
  "not allowed here" and its content is checked as it would be there; one the schema never
  allows is "not allowed anywhere" and its content is not checked;
- an attribute not allowed is named with the attributes that are; a bad value says what the
  datatypes wanted;
- an element that ends too early names the required elements it misses, or what it expected;
- while the pattern is lost after an error (inside an element allowed nowhere), nothing more is
  reported until it is found again.
"""

from __future__ import annotations

from typing import Iterable

from teikit.validate.rng import names as nc
from teikit.validate.rng.patterns import (AFTER, ATTRIBUTE, CHOICE, CT_DATA, CT_MIXED, ELEMENT, GROUP,
                                          INTERLEAVE, NOT_ALLOWED, ONE_OR_MORE, Builder, Pattern, blank)

XML_NS = "http://www.w3.org/XML/1998/namespace"
_GENERATED_PREFIXES = ("ns", "ns-", "ns_", "NS", "NS-", "NS_")


class Context:
    """The namespaces in scope where an event happens (for QName values and for naming names)."""

    __slots__ = ("nsmap", "_prefixes")

    def __init__(self, nsmap: dict | None):
        self.nsmap = nsmap or {}
        self._prefixes: dict[str, str] | None = None

    def resolve(self, prefix: str) -> str | None:
        """The namespace a prefix stands for ("" for the default namespace), or None."""
        if prefix == "xml":
            return XML_NS
        return self.nsmap.get(prefix or None)

    def prefix(self, ns: str) -> str | None:
        """A non-empty prefix declared for ``ns``, or None."""
        if ns == XML_NS:
            return "xml"
        if self._prefixes is None:
            self._prefixes = {}
            for prefix, uri in self.nsmap.items():
                if prefix:
                    self._prefixes.setdefault(uri, prefix)
        return self._prefixes.get(ns)

    @property
    def default(self) -> str | None:
        return self.nsmap.get(None)


class Schema:
    """A compiled grammar: its start pattern, the builder of its patterns, its element patterns."""

    def __init__(self, builder: Builder, start: Pattern, elements: list[Pattern]):
        self.builder = builder
        self.start = start
        self.elements = elements  # every element pattern, for finding an element anywhere
        self._found: dict[str, Pattern] = {}

    def find_element(self, name: str) -> Pattern:
        """The content of the elements named ``name`` anywhere in the schema (the most specific
        name classes win), or notAllowed: where jing goes on after an element out of place."""
        found = self._found.get(name)
        if found is None:
            best, found = nc.SPECIFICITY_NONE, self.builder.not_allowed
            for element in self.elements:
                s = element.a.specificity(name)
                if s > best:
                    best, found = s, element.b
                elif s == best and s != nc.SPECIFICITY_NONE:
                    found = self.builder.choice(found, element.b)
            self._found[name] = found
        return found


class Matcher:
    """One document's validation state (see the module's docstring)."""

    def __init__(self, schema: Schema):
        self.schema = schema
        self.b = schema.builder
        self.memo = schema.start
        self.had_error = False
        self.ignore_next = False  # skip the next attribute value or end tag (already dealt with)
        self.text_typed = False
        self.message = ""

    # -- events --------------------------------------------------------------------------------------
    def start_document(self) -> bool:
        if self.memo.kind == NOT_ALLOWED:
            return self._error("schema does not allow anything: it is equivalent to <notAllowed/>")
        return True

    def start_tag_open(self, name: str, qname: str, ctx: Context) -> bool:
        b = self.b
        nxt = b.start_tag_open(self.memo, name)
        if not nxt.not_allowed:
            self.memo = nxt
            return True
        ok = self._ignore_error()
        nxt = b.start_tag_open_recover(self.memo, name)
        if not nxt.not_allowed:
            if not ok:
                missing = self._required_elements()
                if missing:
                    self._error(f"element {_quote(qname)} not allowed yet; missing required element"
                                f"{'s' if len(missing) > 1 else ''} "
                                f"{_format_names(missing, ctx, attribute=False, conjunction='and')}")
                else:
                    self._error(f"element {_quote(qname)} not allowed yet{self._expected_content(ctx)}")
        else:
            found = self.schema.find_element(name)
            nxt = b.after(found, self.memo)
            if not ok:
                where = "anywhere" if found.kind == NOT_ALLOWED else "here"
                self._error(f"element {_quote(qname)} not allowed {where}{self._expected_content(ctx)}")
        self.memo = nxt
        return ok

    def attribute_name(self, name: str, qname: str, ctx: Context) -> bool:
        nxt = self.b.start_attribute(self.memo, name)
        if not nxt.not_allowed:
            self.memo = nxt
            return True
        self.ignore_next = True
        if self._ignore_error():
            return True
        possible = self._possible(self.memo, attributes=True)
        if possible.empty:
            return self._error(f"found attribute {_quote(qname)}, but no attributes allowed here")
        return self._error(f"attribute {_quote(qname)} not allowed here{self._expected_attributes(ctx)}")

    def attribute_value(self, value: str, name: str, qname: str, ctx: Context) -> bool:
        if self.ignore_next:
            self.ignore_next = False
            return True
        nxt = self.b.data_deriv(self.memo, value, ctx)
        if not nxt.not_allowed:
            self.memo = nxt
            return True
        ok = self._ignore_error()
        if not ok:
            failures: list = []
            self.b.data_deriv(self.memo, value, ctx, failures)
            self._error(f"value of attribute {_quote(qname)} is invalid{_format_failures(failures, value, ctx)}")
        self.memo = self.b.recover_after(self.memo)
        return ok

    def start_tag_close(self, name: str, qname: str, ctx: Context) -> bool:
        nxt = self.b.end_attributes(self.memo)
        ok = True
        if not nxt.not_allowed:
            self.memo = nxt
        else:
            ok = self._ignore_error()
            if not ok:
                missing = self._required(self.memo, attributes=True)
                if not missing:
                    self._error(f"element {_quote(qname)} missing one or more required attributes"
                                f"{self._expected_attributes(ctx)}")
                else:
                    self._error(f"element {_quote(qname)} missing required attribute"
                                f"{'s' if len(missing) > 1 else ''} "
                                f"{_format_names(missing, ctx, attribute=True, conjunction='and')}")
            self.memo = self.b.ignore_missing_attributes(self.memo)
        self.text_typed = self.memo.content_type == CT_DATA
        return ok

    def text_before_end(self, text: str, qname: str, ctx: Context) -> bool:
        if self.text_typed:
            self.ignore_next = True
            return self._typed_text(text, qname, ctx)
        return self.text_before_start(text, ctx)

    def text_before_start(self, text: str, ctx: Context) -> bool:
        if blank(text):
            return True
        return self.untyped_text(ctx)

    def untyped_text(self, ctx: Context) -> bool:
        nxt = self.b.mixed_text(self.memo)
        if not nxt.not_allowed:
            self.memo = nxt
            return True
        return self._error(f"text not allowed here{self._expected_content(ctx)}")

    def _typed_text(self, text: str, qname: str, ctx: Context) -> bool:
        self.text_typed = False
        b = self.b
        text_only = b.text_only(self.memo)
        nxt = b.data_deriv(text_only, text, ctx)
        if not nxt.not_allowed:
            self.memo = nxt
            return True
        after = b.recover_after(self.memo)
        ok = self._ignore_error()
        if not ok and (not after.not_allowed
                       or b.data_deriv(b.empty_after(text_only), text, ctx).not_allowed):
            starts = self._possible(self.memo, attributes=False)
            if not starts.empty and blank(text):
                self._error(f"empty content for element {_quote(qname)} not allowed{self._expected_content(ctx)}")
            else:
                failures: list = []
                b.data_deriv(text_only, text, ctx, failures)
                self._error(f"character content of element {_quote(qname)} invalid"
                            f"{_format_failures(failures, text, ctx)}")
        self.memo = after
        return ok

    def end_tag(self, qname: str, ctx: Context) -> bool:
        if self.ignore_next:
            self.ignore_next = False
            return True
        if self.text_typed:
            return self._typed_text("", qname, ctx)
        b = self.b
        nxt = b.end_tag(self.memo)
        if not nxt.not_allowed:
            self.memo = nxt
            return True
        ok = self._ignore_error()
        after = b.recover_after(self.memo)
        # the derivative may be notAllowed only because the parent is: then it is not this element's error
        if not ok and (not after.not_allowed or b.end_tag(b.empty_after(self.memo)).not_allowed):
            missing = self._required_elements()
            if missing:
                self._error(f"element {_quote(qname)} incomplete; missing required element"
                            f"{'s' if len(missing) > 1 else ''} "
                            f"{_format_names(missing, ctx, attribute=False, conjunction='and')}")
            else:
                self._error(f"element {_quote(qname)} incomplete{self._expected_content(ctx)}")
        self.memo = after
        return ok

    @property
    def valid_so_far(self) -> bool:
        return not self.had_error

    # -- errors ----------------------------------------------------------------------------------------
    def _ignore_error(self) -> bool:
        return self.had_error and self.memo.not_allowed

    def _error(self, message: str) -> bool:
        if self._ignore_error():
            return True
        self.had_error = True
        self.message = message
        return False

    def _required_elements(self) -> set[str]:
        return self._required(self.memo, attributes=False)

    def _required(self, p: Pattern, attributes: bool) -> set[str]:
        kind = p.kind
        if kind == AFTER:
            return self._required(p.a, attributes)
        if kind == CHOICE:
            sets = [self._required(m, attributes) for m in p.members]
            return set.intersection(*sets) if sets else set()
        if kind == GROUP:
            if attributes:
                return self._required(p.a, True) | self._required(p.b, True)
            return self._required(p.a if not p.a.nullable else p.b, False)
        if kind == INTERLEAVE:
            return self._required(p.a, attributes) | self._required(p.b, attributes)
        if kind == ONE_OR_MORE:
            return self._required(p.a, attributes)
        if kind == (ATTRIBUTE if attributes else ELEMENT) and p.a.is_single_name():
            return {p.a.name}
        return set()

    def _possible(self, p: Pattern, attributes: bool) -> nc.Summary:
        found: list = []
        seen: set[int] = set()
        self._collect_possible(p, attributes, found, seen)
        return nc.summary(found)

    def _collect_possible(self, p: Pattern, attributes: bool, found: list, seen: set) -> None:
        if id(p) in seen:
            return
        seen.add(id(p))
        kind = p.kind
        if kind == AFTER or kind == ONE_OR_MORE:
            self._collect_possible(p.a, attributes, found, seen)
        elif kind == CHOICE:
            for m in p.members:
                self._collect_possible(m, attributes, found, seen)
        elif kind == INTERLEAVE or (kind == GROUP and (attributes or p.a.nullable)):
            self._collect_possible(p.a, attributes, found, seen)
            self._collect_possible(p.b, attributes, found, seen)
        elif kind == GROUP:
            self._collect_possible(p.a, attributes, found, seen)
        elif kind == (ATTRIBUTE if attributes else ELEMENT):
            found.append(p.a)

    def _expected_content(self, ctx: Context) -> str:
        b = self.b
        expected = []
        if not b.end_tag(self.memo).not_allowed:
            expected.append("the element end-tag")
        content_type = b.empty_after(self.memo).content_type
        if content_type == CT_MIXED:
            if not b.mixed_text(self.memo).not_allowed:
                expected.append("text")
        elif content_type == CT_DATA:
            expected.append("data")
        possible = self._possible(self.memo, attributes=False)
        if possible.names:
            expected.append("element " + _format_names(possible.names, ctx, attribute=False, conjunction="or"))
            if possible.any_name or possible.open_namespaces:
                expected.append("an element from another namespace")
        return f"; expected {_format_list(expected, 'or')}" if expected else ""

    def _expected_attributes(self, ctx: Context) -> str:
        possible = self._possible(self.memo, attributes=True)
        if not possible.names:
            return ""
        listed = _format_names(possible.names, ctx, attribute=True, conjunction="or")
        if possible.any_name or possible.open_namespaces:
            return f"; expected attribute {listed} or an attribute from another namespace"
        return f"; expected attribute {listed}"


# -- formatting, as jing does ---------------------------------------------------------------------------

def _quote(text: str) -> str:
    return f'"{text}"'


def _quote_value(text: str) -> str:
    escaped = (text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").replace("\n", "&#xA;")
               .replace("\r", "&#xD;").replace("\t", "&#x9;"))
    return f'"{escaped}"'


def _format_list(items: list[str], conjunction: str) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _format_names(names: Iterable[str], ctx: Context, attribute: bool, conjunction: str) -> str:
    """Names as qualified names the reader's document would use, with the declarations needed
    for the namespaces it has no prefix for: ``"ns:egXML" (with xmlns:ns="...")``."""
    names = list(names)
    declarations: dict[str, str] = {}
    if attribute:
        default = ""
    else:
        default = ctx.default
        if any(not nc.split(n)[0] for n in names):
            if default is not None:
                declarations[""] = ""
            default = ""
    qnames, undeclared, pending = [], set(), []
    for name in names:
        ns, local = nc.split(name)
        prefix = "" if ns == default else ctx.prefix(ns)
        if prefix is None:
            undeclared.add(ns)
            pending.append((ns, local))
        else:
            qnames.append(f"{prefix}:{local}" if prefix else local)
    if pending:
        if len(undeclared) == 1 and default is None:
            declarations[next(iter(undeclared))] = ""
        else:
            declarations.update(_choose_prefixes(sorted(undeclared), ctx))
        for ns, local in pending:
            prefix = declarations[ns]
            qnames.append(f"{prefix}:{local}" if prefix else local)
    text = _format_list([_quote(q) for q in sorted(qnames)], conjunction)
    if declarations:
        decls = sorted(f"xmlns:{p}={_quote_value(ns)}" if p else f"xmlns={_quote_value(ns)}"
                       for ns, p in declarations.items())
        text = f"{text} (with {' '.join(decls)})"
    return text


def _choose_prefixes(namespaces: list[str], ctx: Context) -> dict[str, str]:
    tried = 0
    while True:
        if tried < len(_GENERATED_PREFIXES):
            prefix = _GENERATED_PREFIXES[tried]
        else:
            prefix = "_" * (tried - len(_GENERATED_PREFIXES) + 1) + _GENERATED_PREFIXES[0]
        tried += 1
        candidates = [prefix if len(namespaces) == 1 else f"{prefix}{i + 1}" for i in range(len(namespaces))]
        if all(ctx.resolve(c) is None for c in candidates):
            return dict(zip(namespaces, candidates))


def _format_failures(failures: list, text: str, ctx: Context) -> str:
    """What the datatypes wanted of a refused string: '; must be ...'."""
    if not failures:
        return ""
    values: list[str] = []
    qnames: list[str] = []
    messages: list[str] = []
    token = None
    missing = False
    for failure in failures:
        kind = failure[0]
        extra = [f for f in failure if isinstance(f, tuple)]
        for e in extra:
            if e[0] == "token":
                token = e[1]
            elif e[0] == "missing":
                missing = True
        if kind == "value":
            p = failure[1]
            if p.a.name in ("QName", "NOTATION") and p.a.library:
                qnames.append(nc.clark(*p.b))
            else:
                values.append(p.a.display(p.b, p.text))
        elif kind == "invalid":
            if failure[2] and failure[2] not in messages:
                messages.append(failure[2])
        elif kind == "except":
            return ""
    if values:
        messages.append("must be equal to " + _format_list([_quote_value(v) for v in sorted(set(values))], "or"))
    if qnames:
        messages.append("must be a QName equal to "
                        + _format_names(sorted(set(qnames)), ctx, attribute=False, conjunction="or"))
    if not messages:
        return ""
    said = _format_list(messages, "or")
    if missing:
        return f"; missing token; {said}"
    if token is not None:
        return f"; token {_quote_value(token)} invalid; {said}"
    return f"; {said}"
