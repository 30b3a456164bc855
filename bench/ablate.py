"""What each rule of teikit's converter is worth: its development set scored with every rule on,
then with each named rule of the weight tables switched off in turn.

    python bench/ablate.py                       # every rule that fires on the development set
    python bench/ablate.py --rules name-kind.    # the rules whose names start so
    python bench/ablate.py --json out.json --jobs 2

For each rule the change of the development set's scores is printed (overlap F1 of names, of
quotations of any type, quotation type agreement, headings; in points, all rules on minus this
rule off: a negative change means the rule helps). A rule that never fires on the development set
cannot change it and is listed as such. Decisions to keep or drop a rule are made on these
numbers. When ``../shared/eval`` is present, the change of the project's evaluation set
(measured with its own scripts, run from outside) is printed too, for information only: no rule
is kept or dropped for it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import devset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
# The scores compared, by the row of devset.score_document they come from.
MEASURES = (("names", "ALL_NAMES"), ("persons", "persName"), ("places", "placeName"),
            ("quotes", "QUOTES_ANYTYPE"), ("qtype", "QUOTE_TYPE_AGREEMENT"), ("heads", "head"))


def devset_scores(without: frozenset[str]) -> dict[str, float]:
    totals = devset.score_set(devset.texts(), without)
    return {name: round(100 * totals[row].f1(), 2) for name, row in MEASURES}


# -- the evaluation set, for information only -------------------------------------------------

class Evaluation:
    """The project's evaluation texts and scorer, used from outside as their README says."""

    def __init__(self, folder: Path):
        self.folder = Path(tempfile.mkdtemp(prefix="teikit-eval-"))
        subprocess.run([sys.executable, str(EVAL / "gold_from_tei.py"), *map(str, sorted((EVAL / "gold").glob("*.xml"))),
                        "-o", str(self.folder / "dev")], check=True, capture_output=True)

    def scores(self, without: frozenset[str]) -> dict[str, float]:
        from teikit.convert import ConvertOptions, convert_text
        from teikit.textio import read_text

        out = Path(tempfile.mkdtemp(prefix="sys-", dir=self.folder))
        for text in sorted((self.folder / "dev").glob("*.txt")):
            result = convert_text(read_text(str(text)), options=ConvertOptions(without_rules=without))
            (out / f"{text.stem}.xml").write_bytes(result.tei)
        report = out / "score.json"
        subprocess.run([sys.executable, str(EVAL / "score_entities.py"), "--gold-dir", str(self.folder / "dev"),
                        "--sys-dir", str(out), "--json", str(report), "--proper-only"], check=True,
                       capture_output=True)
        rows = json.loads(report.read_text())["totals"]
        return {name: round(100 * rows[row]["f1_overlap"], 2) for name, row in MEASURES if row in rows}


# -- the run --------------------------------------------------------------------------------

_EVALUATION: Evaluation | None = None


def _measure(without: tuple[str, ...]) -> tuple[tuple[str, ...], dict, dict | None]:
    off = frozenset(without)
    return without, devset_scores(off), _EVALUATION.scores(off) if _EVALUATION else None


def fired_on_devset() -> dict[str, int]:
    from teikit.evidence import counting

    with counting() as counts:
        devset.score_set(devset.texts())
    return counts


def main(argv: list[str] | None = None) -> int:
    global _EVALUATION
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rules", default="", help="only the rules whose names start with this")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, help="every score as JSON")
    parser.add_argument("--no-eval", action="store_true", help="do not score the evaluation set")
    args = parser.parse_args(argv)

    from teikit.weights import all_rules

    if EVAL.is_dir() and not args.no_eval:
        _EVALUATION = Evaluation(EVAL)
    fired = fired_on_devset()
    rules = [r for r in all_rules() if r.name.startswith(args.rules)]
    measured = [r.name for r in rules if fired.get(r.name)]
    silent = [r.name for r in rules if not fired.get(r.name)]
    runs = [()] + [(name,) for name in measured]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = {without: (dev, ev) for without, dev, ev in pool.map(_measure, runs)}
    base_dev, base_eval = results[()]
    names = [m for m, _ in MEASURES]
    print("all rules on (development set, overlap F1 in points): "
          + ", ".join(f"{m} {base_dev[m]:.2f}" for m in names))
    if base_eval:
        print("all rules on (evaluation set, for information only): "
              + ", ".join(f"{m} {base_eval[m]:.2f}" for m in names if m in base_eval))
    print()
    header = f"{'rule switched off':<44}{'fired':>7}" + "".join(f"{m:>9}" for m in names)
    if base_eval:
        header += "   | eval:" + "".join(f"{m:>8}" for m in ("names", "quotes", "qtype"))
    print(header)
    table = []
    for name in measured:
        dev, ev = results[(name,)]
        delta = {m: round(dev[m] - base_dev[m], 2) for m in names}
        eval_delta = {m: round(ev[m] - base_eval[m], 2) for m in ev} if ev and base_eval else None
        table.append((name, fired[name], delta, eval_delta))
    table.sort(key=lambda row: (sum(row[2].values()), row[0]))
    for name, count, delta, eval_delta in table:
        line = f"{name:<44}{count:>7}" + "".join(f"{delta[m]:>+9.2f}" for m in names)
        if eval_delta is not None:
            line += "   |      " + "".join(f"{eval_delta.get(m, 0.0):>+8.2f}" for m in ("names", "quotes", "qtype"))
        print(line)
    if silent:
        print(f"\nnever fired on the development set ({len(silent)}): {', '.join(silent)}")
    if args.json:
        args.json.write_text(json.dumps({
            "base": {"devset": base_dev, "eval": base_eval},
            "rules": [{"rule": n, "fired": c, "devset": d, "eval": e} for n, c, d, e in table],
            "never_fired": silent}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
