"""The rule tables of every decision teikit makes, one module per kind of decision.

Each table (``teikit.evidence.RuleTable``) names its rules with their weights and a reason,
and its thresholds. Code reads weights and thresholds from here, never as numbers of its own,
so that a rule can be read, traced (``teikit convert --trace``) and measured by switching it
off (``bench/ablate.py``). ``load_all`` registers every table.
"""

from __future__ import annotations

import importlib

MODULES = ("structure", "quotations")


def load_all() -> None:
    """Import every weight module (each registers its tables in ``teikit.evidence.TABLES``)."""
    for module in MODULES:
        importlib.import_module(f"teikit.weights.{module}")
