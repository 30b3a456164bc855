"""Peak memory of converting one large text, against the aim of 300 MB + 5 times the input.

    python bench/bench_memory.py [--megabytes 1 10 100] [--skip PASS ...]

Each size is a generated text (bench/make_text.py: the samples' paragraphs, deterministic)
converted by a fresh `teikit convert` process to a file; reported: its size, wall time, peak
resident memory (the process's, from wait4), the aim for that size, and memory per megabyte of
input beyond the process's start-up. Inputs are written to a temporary folder and removed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_convert import measure  # noqa: E402  (wall seconds and peak RSS of a child process)
from make_text import make_text  # noqa: E402

AIM_BASE_MB, AIM_PER_INPUT = 300, 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, nargs="+", default=[1, 10, 100])
    parser.add_argument("--skip", nargs="*", default=[], help="passes not to run (teikit convert --skip)")
    args = parser.parse_args()
    teikit = [sys.executable, "-m", "teikit", "convert", "--max-size", "10GB",
              *(f"--skip={name}" for name in args.skip)]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "small.txt"
        base.write_text(make_text(0.01), encoding="utf-8")
        _, startup = measure([*teikit, str(base), "-o", str(Path(folder) / "small.xml")])
        print(f"start-up and a 10 KB text: {startup:.0f} MB")
        print("| input | seconds | peak memory | aim (300 MB + 5x input) | MB per input MB | within aim |")
        print("|---|---|---|---|---|---|")
        for megabytes in args.megabytes:
            source = Path(folder) / f"text-{megabytes:g}MB.txt"
            source.write_text(make_text(megabytes), encoding="utf-8")
            size_mb = source.stat().st_size / 1e6
            seconds, peak = measure([*teikit, str(source), "-o", str(source.with_suffix(".xml"))])
            aim = AIM_BASE_MB + AIM_PER_INPUT * size_mb
            print(f"| {size_mb:.1f} MB | {seconds:.1f} | {peak:.0f} MB | {aim:.0f} MB | "
                  f"{(peak - startup) / size_mb:.0f} | {'yes' if peak <= aim else 'no'} |", flush=True)
            source.unlink()
            source.with_suffix(".xml").unlink()


if __name__ == "__main__":
    main()
