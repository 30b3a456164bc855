"""`teikit build` on synthetic corpora: documents per second and peak memory per worker, for 1
and 2 jobs, a first (full) build and a second one with nothing changed (incremental).

    python bench/bench_build.py [--sizes 100 1000] [--jobs 1 2] [--dask]

Each build is one fresh `teikit build` process, start-up included, as a user pays it. The
corpora come from bench/make_corpus.py (made once per size, in a temporary folder). Peak
memory per worker is read from the build's --report (each worker's peak resident memory; with
one job the documents are built in the main process). Aims: 2 jobs take at most 0.7 of the time
of 1 job on 2 cores; memory per worker stays flat as the corpus grows; a second build with
nothing changed takes well under half the time of the first.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_corpus import make_corpus

MB = 1024 * 1024


def build(project: Path, *args: str) -> tuple[float, dict]:
    """Wall time of one `teikit build` process, and its report (with the CPU time of the process
    and its workers as ``cpu``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "teikit", "build", "--report", "report.json", *args],
                            cwd=project, capture_output=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"teikit build {' '.join(args)} failed in {project}:\n{result.stderr.decode()[-3000:]}")
    report = json.loads((project / "report.json").read_text(encoding="utf-8"))
    report["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, report


def clean(project: Path) -> None:
    for generated in ("tei", "site", ".teikit-state.json"):
        path = project / generated
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask", action="store_true", help="also build on a local Dask cluster (2 workers)")
    parser.add_argument("--repeat", type=int, default=1, help="first builds per configuration: the best counts")
    args = parser.parse_args()
    runs = [("local", jobs) for jobs in args.jobs] + ([("dask", 2)] if args.dask else [])
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs")
    print("| documents | executor | jobs | first build | documents/s | CPU time | second build (nothing changed) "
          "| second/first | peak memory per worker |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="teikit-bench-") as tmp:
        for size in args.sizes:
            project = make_corpus(size, Path(tmp) / f"corpus-{size}")
            first_by_jobs = {}
            for executor, jobs in runs:
                options = ("--executor", executor, "--jobs", str(jobs))
                best = None
                for _ in range(args.repeat):
                    clean(project)
                    first, report = build(project, *options)
                    assert report["summary"]["built"] == size, report["summary"]
                    if best is None or first < best[0]:
                        best = first, report
                first, report = best
                second, again = build(project, *options)
                assert again["summary"]["skipped"] == size, again["summary"]
                peak = max((w["peak_memory"] for w in report["workers"]), default=0) / MB
                first_by_jobs[(executor, jobs)] = first
                print(f"| {size} | {executor} | {jobs} | {first:.1f} s | {size / first:.1f} | {report['cpu']:.1f} s "
                      f"| {second:.2f} s | {second / first:.2f} | {peak:.0f} MB |", flush=True)
            if ("local", 1) in first_by_jobs and ("local", 2) in first_by_jobs:
                ratio = first_by_jobs[("local", 2)] / first_by_jobs[("local", 1)]
                print(f"|  | 2 jobs / 1 job | | {ratio:.2f} | | | | | |", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
