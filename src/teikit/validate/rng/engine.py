"""RELAX NG validation: libxml2 on a grammar pruned to the batch, or jing where Java exists.

libxml2 needs seconds to compile the whole of ``tei_all.rng``, mostly building automata for
content models no document of the batch can reach. teikit simplifies the schema once (cached
on disk by content hash), prunes it to the element and attribute names the batch uses
(:mod:`.prune`, which keeps every verdict) and compiles that in milliseconds. A process keeps
what it compiled and reuses it for any later batch whose names it covers.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from typing import Sequence

from lxml import etree

from teikit.errors import Diagnostic
from teikit import cache
from teikit.validate.documents import Document
from teikit.validate.engine import Engine, RunContext
from teikit.validate.errors import SchemaError
from teikit.validate.rng.prune import prune, to_rng
from teikit.validate.rng.simplify import Grammar, simplify

CACHE_KIND = "rng-simplified"
# bump when the simplified form changes, so old cache entries miss
FORMAT = "1"


def _sha256(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def load_grammar(path: str) -> Grammar:
    """The simplified grammar of the schema at ``path``, from the cache when it is current."""
    try:
        key = cache.content_key(FORMAT, os.path.abspath(path), _sha256(path))
    except OSError as exc:
        raise SchemaError.at(path, f"cannot read schema: {exc.strerror or exc}", engine="rng") from None
    cached = cache.load(CACHE_KIND, key)
    if cached is not None:
        try:
            entry = json.loads(cached)
            if all(_sha256(f) == digest for f, digest in entry["files"]):
                return Grammar.from_json(entry["grammar"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # stale or damaged: rebuild it
    simplified = simplify(path)
    entry = {"files": [[f, _sha256(f)] for f in simplified.files], "grammar": simplified.grammar.to_json()}
    cache.store(CACHE_KIND, key, json.dumps(entry, separators=(",", ":")).encode("utf-8"))
    return simplified.grammar


class RngEngine(Engine):
    """RELAX NG with libxml2 (through lxml), compiled per batch from the pruned grammar."""

    name = "rng"

    def __init__(self, path: str, prune_grammar: bool = True):
        super().__init__(path)
        self.grammar = load_grammar(path)
        self.prune_grammar = prune_grammar
        self._elements: set = set()
        self._attributes: set = set()
        self._compiled: list[tuple[frozenset, frozenset, etree.RelaxNG]] = []

    def validator(self, elements: frozenset, attributes: frozenset) -> etree.RelaxNG:
        """A compiled schema covering these names; compiled schemas are reused when they cover them."""
        for known_elements, known_attributes, compiled in self._compiled:
            if elements <= known_elements and attributes <= known_attributes:
                return compiled
        # Grow to everything this process has seen, so that later batches tend to be covered.
        self._elements |= elements
        self._attributes |= attributes
        grammar = prune(self.grammar, self._elements, self._attributes) if self.prune_grammar else self.grammar
        try:
            compiled = etree.RelaxNG(etree.fromstring(to_rng(grammar)))
        except etree.RelaxNGParseError as exc:
            raise SchemaError.at(self.schema, f"libxml2 cannot compile the schema: {exc}", engine="rng") from None
        self._compiled.append((frozenset(self._elements), frozenset(self._attributes), compiled))
        return compiled

    def check(self, documents: Sequence[Document], run: RunContext) -> list[list[Diagnostic]]:
        elements: set = set()
        attributes: set = set()
        for doc in documents:
            els, atts = doc.names
            elements |= els
            attributes |= atts
        compiled = self.validator(frozenset(elements), frozenset(attributes))
        results = []
        for doc in documents:
            found = []
            if not compiled.validate(doc.tree):
                seen = set()
                for entry in compiled.error_log:
                    key = (entry.line, entry.message)
                    if key in seen:
                        continue
                    seen.add(key)
                    element, _ = doc.element_at(getattr(entry, "path", None))
                    found.append(self.diagnostic(doc, entry.message, element=element, line=entry.line or None,
                                                 code=entry.type_name))
            results.append(found)
        return results


# -- jing ---------------------------------------------------------------------------------------------

_JING_LINE = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?P<level>error|fatal|warning): (?P<msg>.*)$")
_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.DOTALL | re.IGNORECASE)


def find_jing() -> str | None:
    return os.environ.get("TEIKIT_JING") or shutil.which("jing")


def _without_doctype(data: bytes) -> bytes:
    """The document with its DOCTYPE blanked (line breaks kept, so positions stay right)."""
    return _DOCTYPE.sub(lambda m: re.sub(rb"[^\n]", b" ", m.group(0)), data, count=1)


class JingEngine(Engine):
    """RELAX NG with jing (Java). Documents reach jing as the bytes teikit's safe parser accepted,
    with any DOCTYPE blanked, so jing has no DTD or entity to fetch either."""

    name = "jing"

    def __init__(self, path: str):
        super().__init__(path)
        self.executable = find_jing()
        if self.executable is None:
            raise SchemaError.at(path, "--engine jing: jing is not installed (e.g. apt-get install jing)",
                                 engine="jing")
        load_grammar(path)  # refuses schemas that include URLs before jing could fetch them

    def check(self, documents: Sequence[Document], run: RunContext) -> list[list[Diagnostic]]:
        results: dict[str, list[Diagnostic]] = {}
        with tempfile.TemporaryDirectory(prefix="teikit-jing-") as tmp:
            names = {}
            for i, doc in enumerate(documents):
                copy = os.path.join(tmp, f"{i}.xml")
                with open(copy, "wb") as fh:
                    fh.write(_without_doctype(doc.data))
                names[copy] = doc
                results[copy] = []
            proc = subprocess.run([self.executable, self.schema, *names], capture_output=True, text=True)
            for line in proc.stdout.splitlines():
                match = _JING_LINE.match(line)
                if match is None or match.group("file") not in names:
                    continue
                doc = names[match.group("file")]
                severity = "warning" if match.group("level") == "warning" else "error"
                results[match.group("file")].append(self.diagnostic(
                    doc, match.group("msg"), line=int(match.group("line")), column=int(match.group("col")),
                    severity=severity))
            if proc.returncode not in (0, 1) or (proc.returncode == 1 and not any(results.values())):
                detail = (proc.stdout + proc.stderr).strip().splitlines()
                detail = [d for d in detail if not d.startswith("[warning]")]
                raise SchemaError.at(self.schema, f"jing failed: {detail[0] if detail else proc.returncode}",
                                     engine="jing")
        return [results[c] for c in names]
