"""`teikit validate --schema teikit tei/` on a project's own tei/ does not fail because of the
authority lists inside it (lists, not editions: they do not follow the edition schema); named
themselves, they are validated."""

from __future__ import annotations

import shutil

from conftest import ROOT
from helpers import run_teikit


def test_the_configured_authority_folder_is_not_searched_below_tei(tmp_path):
    # an older project's layout: the lists inside tei/ (still read there)
    shutil.copytree(ROOT / "tei", tmp_path / "tei")
    shutil.copytree(ROOT / "authority", tmp_path / "tei" / "authority")
    for document in (tmp_path / "tei").glob("*.xml"):  # their pointers, as from there
        document.write_bytes(document.read_bytes().replace(b'"../authority/', b'"authority/'))
    result = run_teikit("validate", "--schema", "teikit", "tei/", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert "authority" not in result.stderr.decode() + result.stdout.decode()
    named = run_teikit("validate", "--schema", "teikit", "tei/authority", cwd=tmp_path)
    assert named.returncode == 1 and "tei/authority/places.xml" in named.stderr.decode() + named.stdout.decode()
