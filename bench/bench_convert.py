"""Conversion time and peak memory: teikit (every pass on) and pandoc side by side, on generated
texts of three sizes, with teikit's start-up time and whether its cost grows linearly.

    python bench/bench_convert.py [--sizes 0.6 6 60] [--repeat 3] [--samples]

Each run is a fresh process, as a user pays it (teikit loads its word lists and gazetteers once
per process). Inputs are generated from the samples' paragraphs (bench/make_text.py,
deterministic). Reported per size: the best wall time of the repeats, the CPU time (user +
system) and the peak resident memory of that run, for teikit with every pass, teikit structure
only (``--skip`` of every pass: the reader and the writer, what pandoc does) and ``pandoc -f
markdown -t tei``. Texts of 20 MB and more run once (a 60 MB text takes minutes and gigabytes).
Start-up is a text of one paragraph converted with every pass on: process start, imports, word
lists and gazetteers loaded, the paragraph through every pass, TEI written. Linear cost: seconds
per MB of each size, and its ratio to the smallest size's. ``--samples`` adds the samples of
``texts/``. On a shared machine read the CPU seconds: wall time counts other work's load too.
Last, the accuracy that speed must not cost: the development set's scores (``bench/devset.py``) and,
when ``../shared/eval`` is present, the evaluation texts' (``bench/ablate.py``'s use of its scorer);
``--no-scores`` leaves them out.
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

LONG_MB = 20  # texts this large run once


# A user's installation has its modules compiled (pip writes the .pyc files); a shell that forbids
# writing them would make every run compile teikit's source again (about 0.4 s).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one command run as a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one command run as a child process."""
    wall, _, peak = run(cmd)
    return wall, peak


def best(cmd: list[str], repeat: int) -> tuple[float, float, float]:
    return min((run(cmd) for _ in range(repeat)), key=lambda r: r[0])


def teikit(path: Path, out: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "teikit", "convert", "--max-size", "10GB", str(path), "-o", str(out), *options]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.6, 6.0, 60.0], help="megabytes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--samples", action="store_true", help="also the samples of texts/")
    parser.add_argument("--no-pandoc", action="store_true")
    parser.add_argument("--no-scores", action="store_true", help="do not print the accuracy scores")
    args = parser.parse_args()
    pandoc = None if args.no_pandoc else shutil.which("pandoc")
    skip_all = [arg for name in passes() for arg in ("--skip", name)]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="teikit-bench-") as folder:
        work = Path(folder)
        one = work / "one-paragraph.txt"
        one.write_text(make_text(0.0001), encoding="utf-8")
        run(teikit(one, work / "one.xml"))  # writes the .pyc files and teikit's cache, if missing
        wall, cpu, peak = best(teikit(one, work / "one.xml"), max(args.repeat, 3))
        print(f"start-up (one paragraph, every pass): {wall:.2f} s wall, {cpu:.2f} s CPU, {peak:.0f} MB")
        print("| input | size | teikit s | CPU s | peak MB | structure only s | CPU s | peak MB "
              "| pandoc s | CPU s | peak MB | teikit / pandoc time | teikit s per MB |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        inputs = sorted((ROOT / "texts").glob("*.txt")) if args.samples else []
        for megabytes in args.sizes:
            path = work / f"generated-{megabytes:g}MB.txt"
            path.write_text(make_text(megabytes), encoding="utf-8")
            inputs.append(path)
        per_mb = []
        for path in inputs:
            size = path.stat().st_size / 1e6
            repeat = 1 if size >= LONG_MB else args.repeat
            out = work / "out.xml"
            t = best(teikit(path, out), repeat)
            s = best(teikit(path, out, *skip_all), repeat)
            row = (f"| {path.name} | {size:.2f} MB | {t[0]:.2f} | {t[1]:.2f} | {t[2]:.0f} "
                   f"| {s[0]:.2f} | {s[1]:.2f} | {s[2]:.0f} |")
            if pandoc:
                p = best([pandoc, "-f", "markdown", "-t", "tei", str(path), "-o", str(work / "p.xml")], repeat)
                row += f" {p[0]:.2f} | {p[1]:.2f} | {p[2]:.0f} | {t[0] / p[0]:.2f} |"
            else:
                row += " n/a | n/a | n/a | n/a |"
            row += f" {t[0] / size:.2f} |"
            if path.parent == work:
                per_mb.append((size, t[0] / size, t[1] / size))
            print(row, flush=True)
        if len(per_mb) > 1:
            base = per_mb[0]
            print("linear cost (seconds per MB, relative to the smallest size): " + ", ".join(
                f"{size:.1f} MB {wall:.2f} s/MB wall ({wall / base[1]:.2f}), {cpu:.2f} s/MB CPU ({cpu / base[2]:.2f})"
                for size, wall, cpu in per_mb))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if not args.no_scores:
        print_scores()


def print_scores() -> None:
    """Overlap F1 (per cent) on the development set and, when present, the evaluation texts."""
    import ablate

    print("development set:", ablate.devset_scores(frozenset()))
    if ablate.EVAL.is_dir():
        print("evaluation texts:", ablate.Evaluation(ablate.EVAL).scores(frozenset()))
    else:
        print(f"evaluation texts: not scored ({ablate.EVAL} is absent)")


if __name__ == "__main__":
    main()
