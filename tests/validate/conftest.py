"""Fixtures for the validator's tests: tei_all, jing, the real TEI of ../shared, a private cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Simplified grammars are cached in the test session's own folder, never in the user's."""
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "teikit-cache"))


@pytest.fixture
def tei_all_env(monkeypatch, tei_all_rng):
    monkeypatch.setenv("TEIKIT_TEI_ALL", str(tei_all_rng))
    return tei_all_rng


@pytest.fixture(scope="session")
def jing() -> str:
    exe = shutil.which("jing")
    if exe is None:
        pytest.skip("jing is not installed (.ci/run installs it)")
    return exe


@pytest.fixture(scope="session")
def corpus_files(tei_all_rng) -> list[Path]:
    """The real TEI beside tei_all in ../shared: 13 corpus files and 8 gold files."""
    shared = tei_all_rng.parents[1]
    files = sorted((shared / "corpus").glob("*/*.xml")) + sorted((shared / "eval" / "gold").glob("*.xml"))
    if not files:
        pytest.skip(f"no corpus or gold TEI under {shared}")
    return files
