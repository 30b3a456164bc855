"""Publishing throughput: a batch of TEI documents to HTML (and to text), one fresh process per
run, start-up included, as a user pays it.

    python bench/bench_publish.py [--documents 68] [--repeat 3] [--jobs 0]

The batch is the TEI of ../shared (ELTeC novels, DraCor plays, Digital Mitford sketches)
repeated until it holds --documents files, plus teikit's own tei/*.xml. The reference: the TEI
Consortium's stylesheets on Saxon-HE (Java) took 5.8 s for 68 documents (4 MB) on the same
machines, start-up included, i.e. 1.45 s per MB; teikit aims at half of that per MB or less.

Wall time is only meaningful on an idle machine; the CPU time of the process and its workers
(user + system) varies much less on a busy one. To compare two versions, run this script with
PYTHONPATH naming the other version's src/ (its stylesheets come with it).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEIKIT_SHARED", ROOT.parent / "shared")).resolve()
REFERENCE_SECONDS, REFERENCE_DOCUMENTS, REFERENCE_MB = 5.8, 68, 4.0


def make_batch(folder: Path, documents: int) -> list[Path]:
    sources = sorted(SHARED.glob("corpus/*/*.xml")) + sorted(SHARED.glob("eval/gold/*.xml"))
    sources += sorted((ROOT / "tei").glob("*.xml"))
    if not sources:
        raise SystemExit(f"no TEI found under {SHARED} or {ROOT / 'tei'}")
    batch = []
    for i in range(documents):
        source = sources[i % len(sources)]
        copy = folder / f"{source.stem}-{i // len(sources)}.xml"
        shutil.copyfile(source, copy)
        batch.append(copy)
    return batch


def children_cpu() -> float:
    """CPU seconds (user + system) of every finished child process so far, workers included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one command."""
    start, cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd[:6])} ...\n{result.stderr.decode()[-2000:]}")
    return elapsed, children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=REFERENCE_DOCUMENTS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 0],
                        help="process counts to measure (0: teikit decides)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="teikit-bench-publish-"))
    try:
        (work / "in").mkdir()
        batch = make_batch(work / "in", args.documents)
        megabytes = sum(p.stat().st_size for p in batch) / 1e6
        reference = REFERENCE_SECONDS / REFERENCE_MB
        print(f"{len(batch)} documents, {megabytes:.2f} MB; reference (TEI Stylesheets, Saxon-HE Java): "
              f"{REFERENCE_SECONDS} s for {REFERENCE_DOCUMENTS} documents ({REFERENCE_MB} MB) = "
              f"{reference:.2f} s/MB, target {reference / 2:.2f} s/MB\n")
        print("| target | jobs | seconds (best of %d) | MB/s | s per MB | vs reference per MB | CPU seconds (best) |"
              % args.repeat)
        print("|---|---|---|---|---|---|---|")
        for target in ("html", "text"):
            for jobs in args.jobs:
                out = work / f"out-{target}-{jobs}"
                cmd = [sys.executable, "-m", "teikit", target, *map(str, batch), "-o", str(out), "--jobs", str(jobs)]
                runs = [run(cmd) for _ in range(args.repeat)]
                seconds, cpu = min(wall for wall, _ in runs), min(used for _, used in runs)
                per_mb = seconds / megabytes
                print(f"| {target} | {jobs or 'auto'} | {seconds:.2f} | {megabytes / seconds:.2f} | {per_mb:.3f} | "
                      f"{per_mb / reference:.0%} | {cpu:.2f} |", flush=True)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
