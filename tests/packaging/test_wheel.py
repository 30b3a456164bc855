"""A plain `pip install` works anywhere: the wheel carries the schemas, stylesheets and
default authority lists, and teikit runs from it outside the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from this checkout, installed (without dependencies, which the test
    environment already has) into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "-w", str(work), str(ROOT)], capture_output=True, text=True)
    if build.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{build.stderr[-3000:]}")
    wheel = next(work.glob("teikit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("schema", "xslt", "authority"):
        assert any(n.startswith(f"teikit/_data/{folder}/") for n in names), f"{folder} missing from the wheel"
    site = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    return site


def _run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_wheel_finds_its_data_outside_the_checkout(installed: Path, tmp_path: Path):
    probe = _run(installed, tmp_path, "-c",
                 "import teikit, teikit.resources as r; print(teikit.__file__); "
                 "print(*(r.data_dir(k) for k in ('schema', 'xslt', 'authority')), sep='\\n')")
    assert probe.returncode == 0, probe.stderr
    lines = probe.stdout.splitlines()
    assert all(line.startswith(str(installed)) for line in lines), lines
    for folder in ("schema", "xslt", "authority"):
        expected = sorted(p.name for p in (ROOT / folder).iterdir())
        packaged = sorted(p.name for p in (installed / "teikit" / "_data" / folder).iterdir())
        assert packaged == expected


def test_wheel_converts_a_sample(installed: Path, tmp_path: Path):
    sample = next((ROOT / "texts").glob("*.txt"))
    out = tmp_path / "out.xml"
    result = _run(installed, tmp_path, "-m", "teikit", "convert", str(sample), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"<?xml")


def test_readme_build_command_from_a_fresh_clone(installed: Path, tmp_path: Path):
    """`pip install . && teikit build` in a clone: the samples' TEI as committed, and their site,
    with teikit's data read from the wheel."""
    clone = tmp_path / "clone"
    for folder in ("texts", "tei", "schema", "authority"):
        shutil.copytree(ROOT / folder, clone / folder)
    shutil.copy(ROOT / "pyproject.toml", clone)
    result = _run(installed, clone, "-m", "teikit", "build")
    assert result.returncode == 0, result.stderr
    for committed in sorted((ROOT / "tei").glob("*.xml")):
        assert (clone / "tei" / committed.name).read_bytes() == committed.read_bytes(), committed.name
    index = (clone / "site" / "index.html").read_text(encoding="utf-8")
    for text in sorted((ROOT / "texts").glob("*.txt")):
        assert f'href="{text.stem}.html' in index
        assert (clone / "site" / f"{text.stem}.html").is_file()


def test_init_then_build_in_a_new_folder_from_the_wheel(installed: Path, tmp_path: Path):
    """The README's first project on a machine with only the wheel: teikit init, then teikit build
    (the starter files, the packaged gazetteer and word lists read from the wheel)."""
    assert _run(installed, tmp_path, "-m", "teikit", "init", "edition").returncode == 0
    result = _run(installed, tmp_path / "edition", "-m", "teikit", "build")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "edition" / "site" / "example.html").is_file()
    assert "<placeName" in (tmp_path / "edition" / "tei" / "example.xml").read_text(encoding="utf-8")


def test_wheel_ships_tei_all_with_its_release_and_licence(installed: Path, tmp_path: Path):
    """`--schema tei_all` works from a plain install with no settings: the wheel carries TEI P5's
    tei_all.rng, the page stating its release, and its licence."""
    shipped = installed / "teikit" / "_data" / "schema" / "tei_all"
    assert sorted(p.name for p in shipped.iterdir()) == ["LICENCE.txt", "README.md", "tei_all.rng"]
    assert (shipped / "tei_all.rng").read_bytes() == (ROOT / "schema" / "tei_all" / "tei_all.rng").read_bytes()
    env_free = {k: v for k, v in os.environ.items() if k != "TEIKIT_TEI_ALL"}
    document = ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml"
    result = subprocess.run([sys.executable, "-m", "teikit", "validate", "--schema", "tei_all", str(document)],
                            capture_output=True, text=True, cwd=tmp_path, env={**env_free, "PYTHONPATH": str(installed)})
    assert result.returncode == 0, result.stdout + result.stderr
    probe = _run(installed, tmp_path, "-c", "from teikit.validate.schemas import bundled_tei_all; print(bundled_tei_all())")
    assert probe.stdout.strip() == str(shipped / "tei_all.rng")
