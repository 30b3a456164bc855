"""RELAX NG validation at four sizes: teikit's engine against jing, wall time and memory.

    python bench/bench_rng.py [--shared ../shared] [--repeat 3] [--work DIR] [--sizes ten 4mb 50mb batch]

Inputs, made in ``--work`` (kept there, made again only when missing) from ../shared/corpus and
../shared/eval/gold (read as inputs only) and TEI generated from them:

- ``ten``: 10 real files (DraCor plays, ELTeC novels, Digital Mitford sketches);
- ``4mb``, ``50mb``: one generated file each, a play of ../shared whose body is repeated (ids
  made unique) up to the size: valid against tei_all;
- ``batch``: 180 MB: the 21 real files copied ten times, and generated files of 0.1 to 3 MB
  grown from the valid ones.

Each command is a fresh process, start-up included, run ``--repeat`` times in turn (jing, teikit
with every CPU, teikit with one job): the best wall time and the largest peak memory (sampled every
10 ms) are reported, with the CPU time of the best run. Memory is the proportional set size (PSS)
summed over the process and its children, so that pages a forked worker shares with its parent
count once. teikit runs with a warm cache (the simplified tei_all from an earlier run), as on any
run after the first. The machine's load average is printed before and after: wall times mean
something only when it stays well under the number of CPUs.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
MB = 1_000_000


def real_files(shared: Path) -> list[Path]:
    return sorted((shared / "corpus").glob("*/*.xml")) + sorted((shared / "eval" / "gold").glob("*.xml"))


def grow(source: Path, target: int, out: Path, tag: str) -> None:
    """``source`` with its body's children repeated until the file is ``target`` bytes (ids made unique)."""
    tree = etree.parse(str(source), etree.XMLParser(resolve_entities=False, no_network=True))
    body = tree.getroot().find(f".//{{{TEI}}}body")
    pieces = list(body)
    size = len(etree.tostring(tree))
    piece_size = sum(len(etree.tostring(p)) for p in pieces) or 1
    round_ = 0
    while size < target:
        round_ += 1
        for piece in pieces:
            twin = copy.deepcopy(piece)
            for node in twin.iter(etree.Element):
                if node.get(XML_ID):
                    node.set(XML_ID, f"{node.get(XML_ID)}-{tag}{round_}")
            body.append(twin)
        size += piece_size
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")


def make_inputs(shared: Path, work: Path) -> dict[str, list[str]]:
    real = real_files(shared)
    if not real:
        raise SystemExit(f"no TEI under {shared}/corpus or {shared}/eval/gold")
    valid = [p for p in real if "eltec" not in str(p)]
    inputs: dict[str, list[str]] = {}
    ten = work / "ten"
    if not ten.exists():
        ten.mkdir(parents=True)
        picks = [p for p in real if "gerdracor" in str(p)][:4] + [p for p in real if "eltec" in str(p)][:3] + \
                [p for p in real if "gold" in str(p)][:3]
        for p in picks:
            shutil.copy(p, ten / p.name)
    inputs["ten"] = sorted(map(str, ten.glob("*.xml")))
    play = next(p for p in valid if "goethe" in p.name)
    for name, size in (("4mb", 4 * MB), ("50mb", 50 * MB)):
        out = work / f"one-{name}.xml"
        if not out.exists():
            grow(play, size, out, name)
        inputs[name] = [str(out)]
    batch = work / "batch"
    if not batch.exists():
        batch.mkdir()
        total = 0
        for copy_number in range(10):
            for p in real:
                target = batch / f"{p.stem}-{copy_number}.xml"
                shutil.copy(p, target)
                total += target.stat().st_size
        rng = random.Random(20261203)
        n = 0
        while total < 180 * MB:
            out = batch / f"generated-{n:03d}.xml"
            grow(rng.choice(valid), int(rng.uniform(0.1, 3) * MB), out, f"g{n}")
            total += out.stat().st_size
            n += 1
    inputs["batch"] = sorted(map(str, batch.glob("*.xml")))
    return inputs


def _memory(pid: int) -> int:
    """A process's proportional set size (shared pages divided among the processes sharing them,
    so that forked workers are not counted twice), else its resident set size."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    with open(f"/proc/{pid}/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def tree_rss(pid: int) -> int:
    """Memory of a process and all its descendants (see _memory)."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            total += _memory(p)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(cmd: list[str], env: dict) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak bytes) of one run; exit codes 0 and 1 are both fine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as errors:  # a pipe would fill up with the diagnostics and block
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.01)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        errors.seek(0)
        err = errors.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd[:6])}...\n{err[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path("/tmp/teikit-bench-rng"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", nargs="+", default=["ten", "4mb", "50mb", "batch"])
    args = parser.parse_args()
    jing = shutil.which("jing")
    if jing is None:
        raise SystemExit("jing is not installed")
    schema = str(args.shared / "tei-p5" / "tei_all.rng")
    inputs = make_inputs(args.shared, args.work)
    env = {**os.environ, "TEIKIT_CACHE_DIR": str(args.work / "cache")}
    teikit = [sys.executable, "-m", "teikit", "validate", "--schema", schema]
    subprocess.run([*teikit, inputs["ten"][0]], env=env, capture_output=True)  # warm the cache
    commands = {"jing": [jing, schema], "teikit": teikit, "teikit -j 1": [*teikit, "-j", "1"]}
    print(f"load average before: {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs", flush=True)
    print("| input | files | MB | command | wall (s) | CPU (s) | peak memory (MB) |")
    print("|---|---|---|---|---|---|---|")
    for size in args.sizes:
        files = inputs[size]
        megabytes = sum(os.path.getsize(f) for f in files) / MB
        runs: dict[str, list] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, cmd in commands.items():
                runs[name].append(measure([*cmd, *files], env))
        for name, results in runs.items():
            wall, cpu, _ = min(results)
            peak = max(r[2] for r in results)
            print(f"| {size} | {len(files)} | {megabytes:.1f} | {name} | {wall:.2f} | {cpu:.2f} | {peak / MB:.0f} |",
                  flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
