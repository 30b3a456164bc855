"""The passes a conversion runs after reading, with what each requires and assigns.

A pass is registered with ``register_pass``: its name, the facts of the model it requires
(to be there before it runs), the facts it assigns, the facts it uses when they are there
(an order, not a need), and the typed options it takes. The pipeline is built and checked
once per conversion: a pass that requires what only a skipped pass assigns is a usage error
naming both, so a user learns at once why ``--skip`` cannot be done, instead of getting
poorer output. Skipping every pass is always possible (structure only): the reader assigns
what every pass requires.

Facts are named after the model's typed fields (``docs/architecture.md`` lists them). Passes
share state through those fields only. teikit's own passes are registered by importing
``teikit.enrich.passes`` (``teikit.convert`` does), before any other.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from teikit.errors import Diagnostic, UsageError
from teikit.model import Document

# What the reader assigns, before any pass runs.
READER = "reader"
READER_ASSIGNS = (
    "works",  # works with front, body and back: divisions and blocks with their kinds (roles)
    "work.meta",  # the header facts the text states (title, author, dates, sources)
    "note-links",  # footnote markers linked to their notes (ref spans, note @target)
    "reader-spans",  # labels, dates of metadata and datelines, a byline's docAuthor
)


@dataclass(frozen=True)
class NoOptions:
    """A pass that takes no options."""


@dataclass(frozen=True)
class PassSpec:
    name: str
    run: Callable[[Document, Any], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    uses: tuple[str, ...]
    options: type
    doc: str


# Every registered pass, in the order conversions run them.
REGISTRY: dict[str, PassSpec] = {}


def register_pass(name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = (),
                  uses: Sequence[str] = (), options: type = NoOptions) -> Callable:
    """Register ``run(document, options)`` as the pass ``name`` (after those registered before it).
    ``options`` is a dataclass whose fields are taken by name from the conversion's options."""
    def decorate(run: Callable[[Document, Any], None]) -> Callable[[Document, Any], None]:
        if not dataclasses.is_dataclass(options):
            raise TypeError(f"pass {name}: options must be a dataclass, not {options!r}")
        REGISTRY[name] = PassSpec(name, run, tuple(requires), tuple(assigns), tuple(uses), options,
                                  (run.__doc__ or "").strip().splitlines()[0] if run.__doc__ else "")
        return run
    return decorate


def unregister_pass(name: str) -> None:
    REGISTRY.pop(name, None)


@dataclass(frozen=True)
class Pipeline:
    """The passes of one conversion, checked, in order."""

    passes: tuple[PassSpec, ...]

    @classmethod
    def build(cls, skip: Iterable[str] = ()) -> "Pipeline":
        """The registered passes less those skipped; a usage error when a kept pass requires a
        fact only a skipped pass assigns, or when a skipped name is no pass."""
        registry = REGISTRY
        skip = frozenset(skip)
        unknown = sorted(skip - set(registry))
        if unknown:
            raise UsageError(Diagnostic("--skip", f"no pass named {', '.join(unknown)} "
                                                  f"(passes: {', '.join(registry)})"))
        available = {fact: READER for fact in READER_ASSIGNS}
        skipped_assigns: dict[str, str] = {}
        kept: list[PassSpec] = []
        for spec in registry.values():
            if spec.name in skip:
                for fact in spec.assigns:
                    skipped_assigns.setdefault(fact, spec.name)
                continue
            for fact in spec.requires:
                if fact in available:
                    continue
                if fact in skipped_assigns:
                    other = skipped_assigns[fact]
                    raise UsageError(Diagnostic("--skip", f"the pass '{spec.name}' requires {fact}, which the "
                                                          f"skipped pass '{other}' assigns: skip '{spec.name}' too, "
                                                          f"or do not skip '{other}'"))
                raise UsageError(Diagnostic("--skip", f"the pass '{spec.name}' requires {fact}, which no pass "
                                                      "before it assigns"))
            for fact in spec.assigns:
                available.setdefault(fact, spec.name)
            kept.append(spec)
        return cls(tuple(kept))

    def run(self, document: Document, options: object) -> Document:
        """Each pass over ``document``, with its own options taken from ``options`` by field name."""
        for spec in self.passes:
            spec.run(document, options_for(spec, options))
        return document

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.passes)


def options_for(spec: PassSpec, options: object) -> Any:
    """The pass's typed options, each field taken from the conversion's options of that name."""
    values = {}
    for field in dataclasses.fields(spec.options):
        if hasattr(options, field.name):
            values[field.name] = getattr(options, field.name)
    return spec.options(**values)


def describe() -> list[dict[str, str]]:
    """One row per pass (name, requires, assigns, uses), for the documentation and tests."""
    return [{"pass": s.name, "requires": ", ".join(s.requires), "assigns": ", ".join(s.assigns),
             "uses": ", ".join(s.uses) or "-"} for s in REGISTRY.values()]
