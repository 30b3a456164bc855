"""RELAX NG validation: teikit's own engine (derivatives, as jing; jing itself is :mod:`teikit.validate.jing`).

The schema is read, simplified and checked once (an incorrect schema is a usage error, exit 2)
and the result is cached on disk by content hash (:data:`CACHE_KIND`, a JSON document), so a
later run starts from the simplified grammar. Each document is then validated on its own,
whatever else is in the batch: the verdict, the messages and their places are jing's
(:mod:`.validator`).
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Sequence

from teikit import cache
from teikit.errors import Diagnostic
from teikit.validate.documents import Document, path_of
from teikit.validate.engine import Engine, RunContext
from teikit.validate.errors import SchemaError
from teikit.validate.rng import compiled, restrictions, schema
from teikit.validate.rng.matcher import Schema
from teikit.validate.rng.validator import Checker, Error, locate, validate

CACHE_KIND = "rng-simplified"
# bump when the simplified form changes, so old cache entries miss
FORMAT = "3"


def _sha256(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def load_grammar(path: str) -> Schema:
    """The compiled schema at ``path``: simplified from the cache when it is current, else read,
    simplified and checked (SchemaError when the schema is incorrect)."""
    try:
        key = cache.content_key(FORMAT, os.path.abspath(path), _sha256(path))
    except OSError as exc:
        raise SchemaError.at(path, f"cannot read schema: {exc.strerror or exc}", engine="rng") from None
    cached = cache.load(CACHE_KIND, key)
    if cached is not None:
        try:
            entry = json.loads(cached)
            if all(_sha256(f) == digest for f, digest in entry["files"]):
                return compiled.compile_grammar(compiled.unflatten(entry["grammar"]))
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            pass  # stale or damaged: rebuild it
    simplified = schema.read(path)
    restrictions.check(simplified)
    entry = {"files": [[f, _sha256(f)] for f in simplified.files], "grammar": compiled.flatten(simplified)}
    cache.store(CACHE_KIND, key, json.dumps(entry, separators=(",", ":")).encode("utf-8"))
    return compiled.compile_grammar(simplified)


def _codes(message: str) -> str:
    """A stable code for a kind of error (for reports and filters)."""
    for start, code in (("element", "rng-element"), ("attribute", "rng-attribute"), ("found attribute",
                        "rng-attribute"), ("value of attribute", "rng-attribute-value"), ("text", "rng-text"),
                        ("character content", "rng-text"), ("empty content", "rng-text")):
        if message.startswith(start):
            if code == "rng-element" and " incomplete" in message:
                return "rng-incomplete"
            if code == "rng-element" and " missing " in message and "attribute" in message:
                return "rng-missing-attribute"
            return code
    return "rng-invalid"


class RngEngine(Engine):
    """RELAX NG by derivatives (teikit's own engine): jing's verdicts and messages, document by
    document. A document is checked as its tree is walked, or while it is read streaming
    (:meth:`listener`, which ``teikit.validate.documents.load`` takes)."""

    name = "rng"

    def __init__(self, path: str):
        super().__init__(path)
        self.grammar = load_grammar(path)

    def check(self, documents: Sequence[Document], run: RunContext) -> list[list[Diagnostic]]:
        results = []
        for doc in documents:
            found = doc.checked.pop(self, None)
            if found is None:
                found = self.diagnostics(doc, validate(self.grammar, doc.tree.getroot()))
            results.append(found)
        return results

    def listener(self, doc: Document) -> "_Listener":
        """What checks ``doc`` while it is read streaming; its diagnostics go to ``doc.checked``."""
        return _Listener(self, doc)

    def diagnostics(self, doc: Document, errors: list[Error]) -> list[Diagnostic]:
        if not errors:
            return []
        return [self.diagnostic(doc, error.message, line=line, column=column, code=_codes(error.message),
                                xpath=path_of(error.path))
                for error, line, column in locate(errors, _text(doc))]


class _Listener(Checker):
    def __init__(self, engine: RngEngine, doc: Document):
        super().__init__(engine.grammar)
        self.engine = engine
        self.doc = doc

    def finish(self) -> None:
        self.doc.checked[self.engine] = self.engine.diagnostics(self.doc, self.errors)


def _text(doc: Document) -> str:
    encoding = (doc.tree.docinfo.encoding if doc.tree is not None else None) or "utf-8"
    try:
        return doc.data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return doc.data.decode("utf-8", "replace")
