"""How far teikit's RELAX NG engine agrees with jing: verdicts, first error's place, messages.

    python bench/rng_agreement.py [--shared ../shared] [--mutants 30] [--seeds 1 2] [--batches 10]

Inputs: ../shared/corpus and ../shared/eval/gold (read as inputs only), the schema fixtures of
tests/schema, and mutants of all of them (tests/validate/mutants.py: ``--mutants`` per file and
seed). The reference is jing on tei_all.rng. teikit validates every file alone (one command per
file) and then in ``--batches`` random batches (seeded: files shuffled and cut at random
sizes). Reported: verdicts equal (alone, in batches), the first error's line (and column)
equal, every error equal (same lines and messages), and the disagreements.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "validate"))

from mutants import jing_report, make_mutants  # noqa: E402

from teikit.validate.runner import Options  # noqa: E402
from teikit.validate.runner import validate as run  # noqa: E402
from teikit.validate.schemas import RELAXNG, SchemaRef  # noqa: E402


def teikit_report(paths: list[str], options: Options) -> dict[str, list[tuple[int, int, str]]]:
    return {r.path: [(d.line, d.column, d.message) for d in r.diagnostics if d.severity == "error"]
            for r in run(paths, options)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--mutants", type=int, default=30, help="mutants per file and seed")
    parser.add_argument("--seeds", type=int, nargs="+", default=[20261203, 20261204])
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--show", type=int, default=20, help="disagreements to print")
    parser.add_argument("--messages", action="store_true", help="also print first messages that differ")
    args = parser.parse_args()
    jing = shutil.which("jing")
    if jing is None:
        raise SystemExit("jing is not installed")
    schema = args.shared / "tei-p5" / "tei_all.rng"
    sources = sorted((args.shared / "corpus").glob("*/*.xml")) + sorted((args.shared / "eval" / "gold").glob("*.xml"))
    sources += sorted((ROOT / "tests" / "schema").glob("*/*.xml"))
    work = Path(tempfile.mkdtemp(prefix="teikit-rng-agreement-"))
    made = []
    for seed in args.seeds:
        made += make_mutants(sources, work, args.mutants, seed)
    originals = [str(p) for p in sources]
    mutants = [str(p) for p, _ in made]
    what = {str(p): w for p, w in made}
    files = originals + mutants
    expected = jing_report(jing, schema, files)
    options = Options([SchemaRef(RELAXNG, str(schema))], jobs=1)

    alone = {}
    for path in files:
        alone.update(teikit_report([path], options))
    batch_verdicts: list[dict[str, bool]] = []
    rng = random.Random(args.seeds[0])
    for _ in range(args.batches):
        order = files[:]
        rng.shuffle(order)
        verdicts: dict[str, bool] = {}
        while order:
            size = rng.randint(1, max(1, len(order) // 3))
            batch, order = order[:size], order[size:]
            verdicts.update({p: not e for p, e in teikit_report(batch, options).items()})
        batch_verdicts.append(verdicts)

    def verdict(errors) -> bool:
        return not errors

    problems = []
    same_alone = sum(verdict(alone[p]) == verdict(expected[p]) for p in files)
    same_batches = sum(all(v[p] == verdict(expected[p]) for v in batch_verdicts) for p in files)
    invalid = [p for p in files if expected[p] and alone[p]]
    first_line = sum(alone[p][0][0] == expected[p][0][0] for p in invalid)
    first_place = sum(alone[p][0][:2] == expected[p][0][:2] for p in invalid)
    first_message = sum(alone[p][0] == expected[p][0] for p in invalid)
    all_same = sum(alone[p] == expected[p] for p in invalid)
    for p in files:
        if verdict(alone[p]) != verdict(expected[p]):
            problems.append(f"verdict {p} ({what.get(p, 'original')}): jing {expected[p][:1]}, teikit {alone[p][:1]}")
        elif p in invalid and alone[p][0][:2] != expected[p][0][:2]:
            problems.append(f"first place {p} ({what.get(p, 'original')}): jing {expected[p][0]}, teikit {alone[p][0]}")
        elif p in invalid and alone[p][0] != expected[p][0] and args.messages:
            problems.append(f"first message {p} ({what.get(p, 'original')}):\n      jing   {expected[p][0][2]}\n"
                            f"      teikit {alone[p][0][2]}")
    mutant_invalid = [p for p in invalid if p in what]
    print(f"files: {len(originals)} originals + {len(mutants)} mutants ({len(args.seeds)} seeds x {args.mutants} "
          f"per file); jing invalid: {sum(bool(expected[p]) for p in files)}")
    print(f"verdict equal to jing's, alone: {same_alone}/{len(files)}")
    print(f"verdict equal to jing's in all {args.batches} random batches: {same_batches}/{len(files)}")
    print(f"invalid files: first error's line equal {first_line}/{len(invalid)}, line and column "
          f"{first_place}/{len(invalid)}, with the same message {first_message}/{len(invalid)}; every error the same "
          f"{all_same}/{len(invalid)}")
    print(f"mutants only: first error's line equal "
          f"{sum(alone[p][0][0] == expected[p][0][0] for p in mutant_invalid)}/{len(mutant_invalid)}")
    for line in problems[:args.show]:
        print("  ", line)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
