"""Silent passes in CI: what `teikit validate` lets through, and what jing reads, before and after.

    python bench/ci_verdicts.py [--shared ../shared] [--teikit-src PATH]

The batch: the real TEI of ../shared (corpus and eval gold: 21 files, each with the <?xml-model?> its
project wrote), and, for the jing runs, three files in the middle of it: one jing's parser stops at
(an element name of XML 1.0's fifth edition, which libxml2 reads), after one that XIncludes a local
secret file and a URL and one whose DOCTYPE names a DTD by URL; a local HTTP server records every
request.

Reported, for the teikit under test (this checkout, or --teikit-src another checkout's src/, e.g. an
older commit from `git archive`): in the default mode (<?xml-model?> chooses), how many files are
invalid against tei_all yet pass; with --engine jing, how many invalid files pass, how many requests
jing made, whether the secret reached a report, how many JVMs started, and the time; and the same for
Debian's jing script run once over the batch.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECRET = "BENCH-SECRET-5e0c"


class Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"fetched")

    def log_message(self, *args):
        pass


def teikit(src: Path | None, *args: str, env: dict) -> tuple[subprocess.CompletedProcess, float]:
    env = dict(env)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "teikit", "validate", *args], capture_output=True, text=True,
                            env=env)
    return result, time.perf_counter() - start


def verdicts(result: subprocess.CompletedProcess) -> dict[str, bool]:
    return {Path(f["path"]).name: f["valid"] for f in json.loads(result.stdout)["files"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--teikit-src", type=Path, help="the src/ folder of the teikit to measure")
    args = parser.parse_args()
    shared = args.shared.resolve()
    rng = shared / "tei-p5" / "tei_all.rng"
    real = sorted((shared / "corpus").glob("*/*.xml")) + sorted((shared / "eval" / "gold").glob("*.xml"))
    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    work = Path(tempfile.mkdtemp(prefix="ci-verdicts-"))
    try:
        secret = work / "secret.txt"
        secret.write_text(SECRET)
        minimal = (ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml").read_text(encoding="utf-8")
        extra = {
            "xinclude.xml": minimal.replace("<p>Dear", '<p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                                            f'href="{secret.as_uri()}" parse="text"/><xi:include '
                                            f'xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/x.txt" '
                                            'parse="text"/>Dear'),
            "dtd-url.xml": minimal.replace("<TEI ", f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">\n<TEI ', 1),
            "fatal-for-jing.xml": minimal.replace("<p>Dear", "<p><a\u2070/>Dear"),
        }
        for name, text in extra.items():
            (work / name).write_text(text, encoding="utf-8")
        middle = len(real) // 2
        batch = [*map(str, real[:middle]), *(str(work / n) for n in extra), *map(str, real[middle:])]
        # a java that counts its starts
        java = shutil.which("java")
        home = work / "jdk" / "bin"
        home.mkdir(parents=True)
        log = work / "jvm.log"
        (home / "java").write_text(f'#!/bin/sh\necho start >> "{log}"\nexec "{os.path.realpath(java)}" "$@"\n')
        (home / "java").chmod(0o755)
        env = {k: v for k, v in os.environ.items() if k not in ("CI", "TEIKIT_JING")}
        env.update(TEIKIT_TEI_ALL=str(rng), JAVA_HOME=str(work / "jdk"), PATH=f"{home}{os.pathsep}{env['PATH']}")

        truth, _ = teikit(None, "-f", "json", "--schema", str(rng),
                          *map(str, real), env=env)
        invalid = {name for name, ok in verdicts(truth).items() if not ok}
        print(f"real TEI: {len(real)} files, {len(invalid)} invalid against tei_all (teikit's engine)")

        default, _ = teikit(args.teikit_src, "-f", "json", *map(str, real), env=env)
        passed = sorted(n for n, ok in verdicts(default).items() if ok and n in invalid)
        print(f"default mode (<?xml-model?>), exit {default.returncode}: {len(passed)} invalid files pass")
        if args.teikit_src is None:
            strict, _ = teikit(None, "-f", "json", "--strict", *map(str, real), env=env)
            passed = sorted(n for n, ok in verdicts(strict).items() if ok and n in invalid)
            print(f"  with --strict (CI's default), exit {strict.returncode}: {len(passed)} invalid files pass")

        for label, engine in (("teikit's engine", []), ("--engine jing", ["--engine", "jing"])):
            Recorder.requests.clear()
            log.unlink(missing_ok=True)
            result, seconds = teikit(args.teikit_src, "-f", "json", *engine, "--schema", str(rng), *batch, env=env)
            found = verdicts(result)
            passed = sorted(n for n in invalid if found.get(n))
            jvms = log.read_text().count("start") if log.exists() else 0
            leaked = SECRET in result.stdout + result.stderr
            print(f"{label}: exit {result.returncode}, {len(passed)} of {len(invalid)} invalid real files pass, "
                  f"extra files valid: {[n for n in extra if found.get(n)]}, requests {len(Recorder.requests)}, "
                  f"secret in report: {leaked}, JVMs {jvms}, {seconds:.2f} s")

        jing = shutil.which("jing")
        if jing:
            Recorder.requests.clear()
            start = time.perf_counter()
            out = subprocess.run([jing, str(rng), *batch], capture_output=True, text=True).stdout
            seconds = time.perf_counter() - start
            reported = {Path(line.split(":", 1)[0]).name for line in out.splitlines() if ": error:" in line
                        or ": fatal:" in line}
            passed = sorted(n for n in invalid if n not in reported)
            print(f"Debian's jing script, one run: {len(passed)} of {len(invalid)} invalid real files pass, "
                  f"requests {len(Recorder.requests)}, {seconds:.2f} s")
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
