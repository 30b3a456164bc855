"""Helpers shared by test modules: running the CLI, converting text, checking TEI."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

from lxml import etree

from teikit.ns import TEI
from teikit.textio import decode

NS = {"t": TEI}


def run_teikit(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real command line in a subprocess (exit codes and streams as a user sees them)."""
    return subprocess.run([sys.executable, "-m", "teikit", *args], input=input, capture_output=True,
                          cwd=cwd, timeout=300)


def convert_string(text: str, name: str = "sample"):
    """The Conversion of an in-memory text (as if read from NAME.txt)."""
    from teikit.convert import convert_text

    return convert_text(decode(f"{name}.txt", text.encode("utf-8")), name=name)


def tei_tree(text: str, name: str = "sample") -> etree._Element:
    return etree.fromstring(convert_string(text, name).tei)


@functools.lru_cache(maxsize=1)
def tei_all_validator(path: str) -> etree.RelaxNG:
    """tei_all.rng compiled once per test session (libxml2 takes a few seconds)."""
    return etree.RelaxNG(etree.parse(path))


def tei_all_errors(rng_path: Path, root: etree._Element) -> list[str]:
    validator = tei_all_validator(str(rng_path))
    if validator.validate(root.getroottree()):
        return []
    return [f"{e.line}: {e.message}" for e in validator.error_log]
