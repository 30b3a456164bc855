"""What `pip install .` brings into a fresh virtual environment, in MB.

    python bench/bench_install_size.py [--keep]

Makes a virtual environment in a temporary folder, installs this checkout into it (pip, from the
configured index), and measures site-packages less pip and setuptools (and their metadata):
the total, and each top-level entry of more than 1 MB. The aim is 350 MB or less
(tests/packaging/test_dependencies.py checks the same sum over the installed files of teikit's
run-time dependencies in the test environment).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AIM_MB = 350
NOT_COUNTED = ("pip", "setuptools", "pkg_resources", "_distutils_hack", "distutils-precedence.pth")


def size(path: Path) -> int:
    if path.is_file() or path.is_symlink():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="print the environment's folder and keep it")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="teikit-size-"))
    venv.create(folder, with_pip=True)
    python = folder / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(ROOT)], check=True)
    site = next(folder.glob("lib/python*/site-packages"))
    entries = {}
    for entry in site.iterdir():
        if entry.name.startswith(NOT_COUNTED) or entry.name.split("-")[0] in ("pip", "setuptools"):
            continue
        entries[entry.name] = size(entry)
    total = sum(entries.values())
    print(f"site-packages of a fresh environment after `pip install .` (less pip and setuptools): "
          f"{total / 1e6:.0f} MB (aim: {AIM_MB} MB or less)")
    for name, bytes_ in sorted(entries.items(), key=lambda item: -item[1]):
        if bytes_ >= 1e6:
            print(f"  {bytes_ / 1e6:6.0f} MB  {name}")
    if args.keep:
        print(folder)
    else:
        subprocess.run(["rm", "-rf", str(folder)], check=True)


if __name__ == "__main__":
    main()
