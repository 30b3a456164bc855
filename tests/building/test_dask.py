"""The Dask executor runs the same tasks and writes byte-identical TEI (on a small local cluster)."""

from __future__ import annotations

import shutil

import pytest

from build_support import make_project
from helpers import run_teikit

pytest.importorskip("distributed", reason="dask[distributed] is not installed (pip install 'teikit[dask]')")


def test_dask_build_is_byte_identical_to_a_local_build(tmp_path):
    local = make_project(tmp_path / "local")
    for name in ("anonymous", "broken"):  # valid documents only: every output is compared
        (local / f"texts/{name}.txt").unlink()
    on_dask = tmp_path / "dask"
    shutil.copytree(local, on_dask)
    assert run_teikit("build", "--jobs", "1", cwd=local).returncode == 0
    result = run_teikit("build", "--executor", "dask", "--jobs", "2", "--report", "report.json", cwd=on_dask)
    assert result.returncode == 0, result.stderr.decode()
    tei = sorted(p.name for p in (local / "tei").glob("*.xml"))
    assert tei == sorted(p.name for p in (on_dask / "tei").glob("*.xml")) and len(tei) == 3
    for name in tei:
        assert (on_dask / "tei" / name).read_bytes() == (local / "tei" / name).read_bytes(), name
    for page in ("index.html", "persons.html"):
        assert (on_dask / "site" / page).read_bytes() == (local / "site" / page).read_bytes()
    assert b"Traceback" not in result.stderr
