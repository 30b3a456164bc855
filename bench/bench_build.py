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
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_corpus import make_corpus

MB = 1024 * 1024


def build(project: Path, *args: str) -> tuple[float, dict]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "teikit", "build", "--report", "report.json", *args],
                            cwd=project, capture_output=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"teikit build {' '.join(args)} failed in {project}:\n{result.stderr.decode()[-3000:]}")
    return elapsed, json.loads((project / "report.json").read_text(encoding="utf-8"))


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
    args = parser.parse_args()
    runs = [("local", jobs) for jobs in args.jobs] + ([("dask", 2)] if args.dask else [])
    print("| documents | executor | jobs | first build | documents/s | second build (nothing changed) "
          "| second/first | peak memory per worker |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="teikit-bench-") as tmp:
        for size in args.sizes:
            project = make_corpus(size, Path(tmp) / f"corpus-{size}")
            first_by_jobs = {}
            for executor, jobs in runs:
                clean(project)
                first, report = build(project, "--executor", executor, "--jobs", str(jobs))
                assert report["summary"]["built"] == size, report["summary"]
                second, again = build(project, "--executor", executor, "--jobs", str(jobs))
                assert again["summary"]["skipped"] == size, again["summary"]
                peak = max((w["peak_memory"] for w in report["workers"]), default=0) / MB
                first_by_jobs[(executor, jobs)] = first
                print(f"| {size} | {executor} | {jobs} | {first:.1f} s | {size / first:.1f} | {second:.2f} s "
                      f"| {second / first:.2f} | {peak:.0f} MB |", flush=True)
            if ("local", 1) in first_by_jobs and ("local", 2) in first_by_jobs:
                ratio = first_by_jobs[("local", 2)] / first_by_jobs[("local", 1)]
                print(f"|  | 2 jobs / 1 job | | {ratio:.2f} | | | | |", flush=True)


if __name__ == "__main__":
    main()
