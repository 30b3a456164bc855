"""Validation speed: `teikit validate --schema tei_all.rng` against jing and plain libxml2.

    python bench/bench_validate.py [--shared ../shared] [--copies 3] [--repeat 5]

The input is ../shared/corpus + ../shared/eval/gold copied ``--copies`` times (63 files for 3).
Every run is a fresh process, start-up included, as a user or a CI job pays it; the best wall
time of the repeats is reported. Rows:

- jing: the reference (Java);
- libxml2, whole tei_all ("before"): lxml compiling tei_all.rng as it is, then validating;
- teikit, cold cache: simplifies tei_all.rng, prunes it to the batch, compiles, validates;
- teikit (warm cache, one job / all jobs): the simplified grammar comes from the cache;
- teikit --engine jing; and, for scale, tei_all's embedded Schematron rules and the teikit pair.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIBXML2_WHOLE = """
import sys
from lxml import etree
schema = etree.RelaxNG(etree.parse(sys.argv[1]))
invalid = sum(not schema.validate(etree.parse(f)) for f in sys.argv[2:])
sys.exit(1 if invalid else 0)
"""


def timed(cmd: list[str], env: dict | None = None) -> float:
    """Wall seconds of one run; exit 0 (all valid) and 1 (some invalid) are both fine."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()[-2000:]}")
    return elapsed


def best(cmd: list[str], repeat: int, env: dict | None = None, before=None) -> float:
    runs = []
    for _ in range(repeat):
        if before:
            before()
        runs.append(timed(cmd, env))
    return min(runs)


def corpus(shared: Path, copies: int, work: Path) -> list[Path]:
    sources = sorted((shared / "corpus").glob("*/*.xml")) + sorted((shared / "eval" / "gold").glob("*.xml"))
    if not sources:
        raise SystemExit(f"no TEI under {shared}/corpus or {shared}/eval/gold")
    files = []
    for copy in range(1, copies + 1):
        folder = work / f"copy{copy}"
        folder.mkdir()
        for source in sources:
            shutil.copy(source, folder / source.name)
            files.append(folder / source.name)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = args.shared / "tei-p5" / "tei_all.rng"
    work = Path(tempfile.mkdtemp(prefix="teikit-bench-validate-"))
    files = [str(f) for f in corpus(args.shared, args.copies, work)]
    size = sum(os.path.getsize(f) for f in files) / 1e6
    cache = work / "cache"
    env = {**os.environ, "TEIKIT_CACHE_DIR": str(cache)}
    teikit = [sys.executable, "-m", "teikit", "validate"]

    rows: list[tuple[str, float]] = []
    jing = shutil.which("jing")
    if jing:
        rows.append(("jing", best([jing, str(rng), *files], args.repeat)))
    rows.append(("libxml2, whole tei_all.rng (before)",
                 best([sys.executable, "-c", LIBXML2_WHOLE, str(rng), *files], max(1, args.repeat // 2))))
    rows.append(("teikit, cold cache, all jobs",
                 best([*teikit, "--schema", str(rng), *files], args.repeat, env,
                      before=lambda: shutil.rmtree(cache, ignore_errors=True))))
    rows.append(("teikit, warm cache, 1 job",
                 best([*teikit, "-j", "1", "--schema", str(rng), *files], args.repeat, env)))
    rows.append(("teikit, warm cache, all jobs", best([*teikit, "--schema", str(rng), *files], args.repeat, env)))
    if jing:
        rows.append(("teikit --engine jing", best([*teikit, "--engine", "jing", "--schema", str(rng), *files],
                                                  args.repeat, env)))
    rows.append(("teikit + tei_all's Schematron rules (--embedded-rules)",
                 best([*teikit, "--embedded-rules", "--schema", str(rng), *files], args.repeat, env)))

    print(f"{len(files)} files, {size:.1f} MB, best of {args.repeat}, {os.cpu_count()} CPUs\n")
    print("| command | seconds |")
    print("|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} |")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "validate.json").write_text(json.dumps({"files": len(files), "megabytes": size, "rows": rows}, indent=2))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
