"""The rule tables of every decision teikit makes, one module per kind of decision.

Each table (``teikit.evidence.RuleTable``) names its rules with their weights and a reason,
and its thresholds. Code reads weights and thresholds from here, never as numbers of its own,
so that a rule can be read, traced (``teikit convert --trace``) and measured by switching it
off (``bench/ablate.py``). ``load_all`` registers every table.
"""

from __future__ import annotations

import importlib

MODULES = ("structure", "notes", "dates", "languages", "edition", "names", "quotations")


def load_all() -> list:
    """Import every weight module (each registers its tables in ``teikit.evidence.TABLES``);
    returns their tables, module by module in the order of ``MODULES``, each as defined."""
    from teikit.evidence import RuleTable

    tables = []
    for name in MODULES:
        module = importlib.import_module(f"teikit.weights.{name}")
        tables += [value for value in vars(module).values() if isinstance(value, RuleTable)]
    return list(dict.fromkeys(tables))


def all_rules() -> list:
    """Every rule of every table."""
    return [rule for table in load_all() for rule in table]


def rules_markdown() -> str:
    """Every table with its rules, weights, reasons and thresholds, as the page docs/rules.md."""
    out = ["# teikit's rules", "",
           "Every decision of the converter is made by named rules with weights, in the tables of",
           "`src/teikit/weights/`. This page is generated from them (`pytest --accept` rewrites it); the trace",
           "(`teikit convert --trace`) names these rules, `--without-rule NAME` switches one off, and",
           "`python bench/ablate.py` measures each on the development set.", ""]
    for table in load_all():
        out += [f"## {table.decision}", "", table.doc[0].upper() + table.doc[1:] + ".", "",
                "| rule | weight | why |", "|---|---|---|"]
        out += [f"| `{rule.name}` | {rule.weight:g} | {_cell(rule.why)} |" for rule in table]
        if table.thresholds:
            out += ["", "Thresholds: " + ", ".join(f"{name} {value:g}" for name, value in table.thresholds.items()) + "."]
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    """Text in a Markdown table cell (its pipes escaped)."""
    return text.replace("|", "\\|")
