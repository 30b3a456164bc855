"""Generate a large plain-text transcription from the samples' paragraphs (deterministic).

    python bench/make_text.py 6 > /tmp/big.txt     # about 6 MB
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "texts").glob("*.txt")):
        out += [p for p in path.read_text(encoding="utf-8").split("\n") if len(p) > 300]
    return out


def make_text(megabytes: float, seed: int = 1935) -> str:
    rng = random.Random(seed)
    paras = paragraphs()
    parts = ["A. Generated\n\nA Long Generated Text\n\n(1 January 1936)\n\n"
             "Written: January 1, 1936.\nSource: teikit benchmark corpus.\n\n"]
    size, section = 0, 0
    target = int(megabytes * 1_000_000)
    while size < target:
        if rng.random() < 0.15:
            section += 1
            parts.append(f"Section {section} of the Text\n\n")
        para = rng.choice(paras)
        parts.append(para + "\n\n")
        size += len(para.encode("utf-8")) + 2
    parts.append("January 1, 1936\n\nA. Generated\n")
    return "".join(parts)


if __name__ == "__main__":
    sys.stdout.write(make_text(float(sys.argv[1]) if len(sys.argv) > 1 else 6.0))
