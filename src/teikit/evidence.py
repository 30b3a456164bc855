"""Named rules with weights, and the evidence record every machine decision keeps.

A decision of the converter (a block's role, a name's kind, a quotation's type, a language
switch) is made by rules. Each rule has a name, a weight and a one-line reason, and lives in
the ``RuleTable`` of its decision (``teikit.weights``), never as a number in the code. When a
rule fires it is recorded in the decision's ``Evidence`` with the features it saw; the
decision then records what it decided, from which threshold, and what the alternatives
scored. The TEI writer turns the records into the trace (``teikit convert --trace``) and
``teikit review`` shows them, so every ``@cert`` can say which rules made it.

Rules can be switched off by name for one conversion (``switched_off``): a switched-off
rule never fires. This is how ``bench/ablate.py`` measures what each rule is worth.

This module imports nothing from teikit: the model and every pass depend on it.
"""

from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping, Union

Feature = Union[str, int, float, bool, None]

# Certainty values (TEI @cert), from the surest.
HIGH, MEDIUM, LOW = "high", "medium", "low"

_OFF: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("teikit_rules_off", default=frozenset())
_COUNTS: contextvars.ContextVar[dict[str, int] | None] = contextvars.ContextVar("teikit_rules_fired", default=None)


@contextlib.contextmanager
def switched_off(names: Iterable[str]) -> Iterator[None]:
    """Within the block, the rules named never fire (ablation; ``teikit convert --without-rule``)."""
    token = _OFF.set(_OFF.get() | frozenset(names))
    try:
        yield
    finally:
        _OFF.reset(token)


def is_off(name: str) -> bool:
    return name in _OFF.get()


@contextlib.contextmanager
def counting() -> Iterator[dict[str, int]]:
    """Within the block, how many times each rule fires is counted into the dict yielded
    (whether or not its decision is kept): a rule that never fires cannot change an output."""
    counts: dict[str, int] = {}
    token = _COUNTS.set(counts)
    try:
        yield counts
    finally:
        _COUNTS.reset(token)


def _fired(name: str) -> None:
    counts = _COUNTS.get()
    if counts is not None:
        counts[name] = counts.get(name, 0) + 1


@dataclass(frozen=True)
class Rule:
    """One rule of a decision: its full name (``table.rule``), weight and why it holds."""

    name: str
    weight: float
    why: str


def holds(rule: Rule, condition: object) -> bool:
    """A rule that lets something in or keeps it out where there is no record to keep it on (a
    word of a candidate name): True when ``condition`` holds and the rule is on (counted as fired)."""
    if not condition or is_off(rule.name):
        return False
    _fired(rule.name)
    return True


@dataclass(frozen=True)
class Fired:
    """A rule that fired, with what it saw."""

    rule: str
    weight: float
    features: Mapping[str, Feature] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"rule": self.rule, "weight": self.weight, "features": dict(self.features)}


@dataclass
class Evidence:
    """The record of one decision: the rules that fired, the threshold, the outcome."""

    decision: str  # the rule table's name ("block-role", "name-kind", "quotation-type", ...)
    fired: list[Fired] = field(default_factory=list)
    threshold: float | None = None
    decided: str | None = None
    cert: str | None = None
    # what else was weighed, with its score (a name's other kinds, a heading against a paragraph)
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    # the score of what was decided, when it is not the sum of every rule (a name's kind counts
    # only the rules that vote for it)
    decided_score: float | None = None

    @property
    def score(self) -> float:
        if self.decided_score is not None:
            return self.decided_score
        return sum(f.weight for f in self.fired)

    def add(self, rule: Rule, weight: float | None = None, **features: Feature) -> float:
        """Record ``rule`` as fired (with ``weight`` when the rule scales with what it saw,
        e.g. a signal between 0 and 1 times its table weight); returns the weight counted,
        0 when the rule is switched off."""
        if is_off(rule.name):
            return 0.0
        value = rule.weight if weight is None else weight
        self.fired.append(Fired(rule.name, value, features))
        _fired(rule.name)
        return value

    def check(self, rule: Rule, condition: object, **features: Feature) -> bool:
        """A rule that is a test: records it and returns True when ``condition`` holds and the
        rule is not switched off."""
        if not condition or is_off(rule.name):
            return False
        self.fired.append(Fired(rule.name, rule.weight, features))
        _fired(rule.name)
        return True

    def decide(self, decided: str, cert: str | None, threshold: float | None = None,
               alternatives: Iterable[tuple[str, float]] = (), score: float | None = None) -> "Evidence":
        self.decided, self.cert, self.threshold = decided, cert, threshold
        self.alternatives = [(name, round(value, 4)) for name, value in alternatives if name != decided]
        if score is not None:
            self.decided_score = round(score, 4)
        return self

    def extend(self, other: "Evidence | None") -> "Evidence":
        """Take the rules of another record (a signal's own evidence, an earlier step)."""
        if other is not None:
            self.fired.extend(other.fired)
        return self

    def rules_text(self) -> str:
        """The rules as one line for a person: "heading-shape.all-caps +0.85, ...", then the outcome."""
        parts = [f"{f.rule} {f.weight:+g}" for f in self.fired]
        text = ", ".join(parts) if parts else "no rule fired"
        if self.threshold is not None:
            text += f" (score {self.score:g}, threshold {self.threshold:g})"
        return text


class RuleTable:
    """The rules and thresholds of one decision, by name.

    ``rules`` maps a short name to (weight, why); a rule's full name is ``decision.short``
    (the short name alone when ``qualified`` is false, for a rule known by itself:
    ``editors-file``). ``thresholds`` maps a name ("high", "medium", "head") to the score from
    which it holds."""

    def __init__(self, decision: str, doc: str, rules: Mapping[str, tuple[float, str]],
                 thresholds: Mapping[str, float] | None = None, qualified: bool = True):
        self.decision = decision
        self.doc = doc
        self.rules = {short: Rule(f"{decision}.{short}" if qualified else short, float(weight), why)
                      for short, (weight, why) in rules.items()}
        self.thresholds = dict(thresholds or {})
        TABLES[decision] = self

    def __getattr__(self, short: str) -> Rule:
        # rules read as attributes: HEADING.next_paragraph is rule "heading.next-paragraph"
        try:
            return self.__dict__["rules"][short.replace("_", "-")]
        except KeyError:
            raise AttributeError(f"rule table {self.__dict__.get('decision')!r} has no rule {short!r}") from None

    def __getitem__(self, short: str) -> Rule:
        return self.rules[short]

    def threshold(self, name: str) -> float:
        return self.thresholds[name]

    def weight(self, short: str) -> float:
        """A rule's weight, 0 when switched off (for rules used as a number, not recorded)."""
        rule = self.rules[short]
        return 0.0 if is_off(rule.name) else rule.weight

    def evidence(self) -> Evidence:
        return Evidence(self.decision)

    def cert(self, score: float) -> str:
        """The certainty a score earns by the table's "high" and "medium" thresholds."""
        if score >= self.thresholds["high"]:
            return HIGH
        return MEDIUM if score >= self.thresholds["medium"] else LOW

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules.values())


# Every rule table, by decision name (filled as the weight modules are imported).
TABLES: dict[str, RuleTable] = {}
