"""Conversion throughput and peak memory: teikit vs pandoc on the same texts.

    python bench/bench_convert.py [--repeat 3] [--megabytes 6]

Each run is a fresh process (start-up included, as a user pays it: teikit loads its word
lists and gazetteers once per process); the best wall time of the repeats is reported with
words per second and the peak resident memory of that process. Inputs: the samples, a
generated text of 200,000 characters, and a generated text of --megabytes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_text import ROOT, make_text  # noqa: E402

from teikit.convert import passes  # noqa: E402


def measure(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one command run as a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def best(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [measure(cmd) for _ in range(repeat)]
    return min(runs, key=lambda r: r[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=6.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="teikit-bench-"))
    small = work / "generated-200k.txt"
    small.write_text(make_text(0.2), encoding="utf-8")
    big = work / "generated.txt"
    big.write_text(make_text(args.megabytes), encoding="utf-8")
    inputs = sorted((ROOT / "texts").glob("*.txt")) + [small, big]
    pandoc = shutil.which("pandoc")
    print("| input | size | words | teikit s | teikit words/s | teikit peak MB | structure only s | structure only "
          "peak MB | pandoc s | pandoc MB/s | pandoc peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    skip_all = [arg for name in passes() for arg in ("--skip", name)]
    for path in inputs:
        size = path.stat().st_size / 1e6
        words = len(path.read_text(encoding="utf-8").split())
        command = [sys.executable, "-m", "teikit", "convert", str(path), "-o", str(work / "out.xml")]
        t, mem = best(command, args.repeat)
        st, smem = best(command + skip_all, args.repeat)
        row = f"| {path.name} | {size:.2f} MB | {words} | {t:.2f} | {words / t:,.0f} | {mem:.0f} | {st:.2f} | {smem:.0f} |"
        if pandoc:
            pt, pmem = best([pandoc, "-f", "markdown", "-t", "tei", str(path), "-o", str(work / "p.xml")],
                            args.repeat)
            row += f" {pt:.2f} | {size / pt:.2f} | {pmem:.0f} |"
        else:
            row += " n/a | n/a | n/a |"
        print(row, flush=True)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
