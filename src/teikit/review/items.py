"""Review items as people and programs read them: one line of text, one record."""

from __future__ import annotations

from dataclasses import asdict

from teikit.model import ReviewItem
from teikit.snippets import snippet

__all__ = ["item_record", "snippet"]


def item_record(file: str, item: ReviewItem) -> dict:
    """One item as a flat record (for JSON, CSV and the table): its data's fields as columns, and
    the rules behind the decision, as a line ("rules") and, for JSON, in full ("evidence")."""
    evidence = item.evidence
    record = {"file": file, **asdict(item)}
    record.pop("evidence", None)
    record.pop("xpath", None)
    record.update(record.pop("data") or {})
    if evidence is not None:
        record["rules"] = evidence.rules_text()
        record["evidence"] = {"decision": evidence.decision, "decided": evidence.decided,
                              "rules": [f.as_json() for f in evidence.fired], "threshold": evidence.threshold}
    return record
