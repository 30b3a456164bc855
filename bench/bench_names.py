"""Names and dates: start-up (word lists, gazetteers, authority lists) and words per second.

    python bench/bench_names.py [--megabytes 1] [--repeat 3]

Start-up is what the first conversion of a process pays once; throughput is measured after
it, in the same process, on a generated text (the samples' paragraphs), for the whole
conversion and for the name and date passes alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_text import ROOT, make_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from teikit.convert import ConvertOptions, convert_text
    from teikit.enrich.dates import mark_dates
    from teikit.enrich.names import mark_names
    from teikit.readers.plaintext import read_plaintext
    from teikit.textio import decode

    options = ConvertOptions(authority=[ROOT / "tei" / "authority"])
    start = time.perf_counter()
    convert_text(decode("warm.txt", b"Mr. Smith went from Paris to Moscow on 4 August 1935."), options=options)
    print(f"start-up (first conversion, data loading included): {time.perf_counter() - start:.2f} s")

    text = make_text(args.megabytes)
    source = decode("generated.txt", text.encode("utf-8"))
    words = len(text.split())
    whole, passes = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        convert_text(source, options=options)
        whole.append(time.perf_counter() - start)
        doc = read_plaintext(source)
        start = time.perf_counter()
        mark_names(doc, options.authority)
        mark_dates(doc)
        passes.append(time.perf_counter() - start)
    print(f"text: {len(text):,} characters, {words:,} words")
    print(f"whole conversion: {min(whole):.2f} s, {words / min(whole):,.0f} words/s")
    print(f"names and dates:  {min(passes):.2f} s, {words / min(passes):,.0f} words/s")


if __name__ == "__main__":
    main()
