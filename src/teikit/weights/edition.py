"""The edition's own decisions: what an editor's file states is taken as stated."""

from teikit.evidence import RuleTable

EDITION = RuleTable("edition", "corrections, normalisations and notes of the editor's file", {
    "editors-file": (1.0, "the editor's file states it (its cert, if any, is the editor's)"),
}, qualified=False)
