"""A pytest plugin (loaded with ``-p collection_probe``) that records what became of each test
module during collection, as JSON in the file named by $TEIKIT_COLLECTION_REPORT: collected
(with how many items), skipped (with the reason) or failed. test_collection.py reads it."""

from __future__ import annotations

import json
import os

import pytest

REPORT_ENV = "TEIKIT_COLLECTION_REPORT"
_modules: dict[str, dict] = {}


def _reason(longrepr) -> str:
    if isinstance(longrepr, tuple) and len(longrepr) == 3:  # (path, line, "Skipped: reason")
        return str(longrepr[2]).removeprefix("Skipped: ").strip()
    return str(longrepr or "").strip()


@pytest.hookimpl
def pytest_collectreport(report) -> None:
    path = report.nodeid.split("::")[0]
    if "::" in report.nodeid or not path.endswith(".py"):
        return  # a class, or a folder
    entry = {"outcome": report.outcome, "items": len(report.result) if report.passed else 0}
    if not report.passed:
        entry["reason"] = _reason(report.longrepr)
    _modules[path] = entry


@pytest.hookimpl
def pytest_sessionfinish(session) -> None:
    target = os.environ.get(REPORT_ENV)
    if target:
        with open(target, "w", encoding="utf-8") as fh:
            json.dump(_modules, fh, indent=1, sort_keys=True)
