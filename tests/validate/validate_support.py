"""Helpers for the validator's tests (imported by the test modules of this folder)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FIXTURES = ROOT / "tests" / "schema"
VALID = sorted((SCHEMA_FIXTURES / "valid").glob("*.xml"))
INVALID = sorted((SCHEMA_FIXTURES / "invalid").glob("*.xml"))
DATA = Path(__file__).parent / "data"


def validate(paths, schemas=None, **options):
    """Validate in this process (one job) and return {path: FileResult}."""
    from teikit.validate.runner import Options
    from teikit.validate.runner import validate as run
    from teikit.validate.schemas import classify, project_schemas

    refs = None
    if schemas is not None:
        refs = []
        for schema in schemas:
            found = project_schemas() if schema == "teikit" else classify(schema, options.get("embedded_rules", False))
            refs += [r for r in found if r not in refs]
    return {r.path: r for r in run([str(p) for p in paths], Options(refs, jobs=1, **options))}


def codes(result) -> set[tuple[str, str]]:
    """(engine, code) of every diagnostic of a FileResult."""
    return {(d.engine, d.code) for d in result.diagnostics}


def expected_failure(path: Path) -> tuple[str, str]:
    """The (engine, code) an invalid fixture says it must raise, from its opening comment."""
    import re

    match = re.search(r"<!--\s*must raise:\s*(\S+)\s+(\S+)", path.read_text(encoding="utf-8"))
    assert match, f"{path.name} does not say which error it must raise"
    return match.group(1), match.group(2)


# -- fixtures (imported by the test modules: a conftest.py here would shadow tests/conftest.py) ---------


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
