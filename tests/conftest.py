"""Shared test fixtures: paths, the ../shared/ resources (skipped cleanly when absent),
external tools, and the --accept switch that regenerates golden files."""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests draw the same examples every run (derandomize): a new failing example is
# found by a developer's run (random, stored in .hypothesis/), never by chance on the way to main.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEIKIT_SHARED", ROOT.parent / "shared")).resolve()
TEI_ALL_RNG = SHARED / "tei-p5" / "tei_all.rng"


def pytest_addoption(parser):
    parser.addoption("--accept", action="store_true", default=False,
                     help="rewrite golden files from the current output (review the diff before committing)")


@pytest.fixture(scope="session")
def accept(request) -> bool:
    return request.config.getoption("--accept")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def shared_path(*parts: str) -> Path:
    """A path under ../shared/, or a skip with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared/ exists beside the clone in CI and on developers' machines only")
    return path


@pytest.fixture(scope="session")
def tei_all_rng() -> Path:
    return shared_path("tei-p5", "tei_all.rng")


@pytest.fixture(scope="session")
def tei_all_rng_if_present() -> Path | None:
    """tei_all.rng when ../shared/ is there; None lets a test check the rest without it."""
    return TEI_ALL_RNG if TEI_ALL_RNG.exists() else None


def require_tool(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return exe


def check_golden(path: Path, actual: str | bytes, accept: bool) -> None:
    """Compare output with a golden file; with --accept, rewrite the golden file instead."""
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if accept or not path.exists():
        if not accept:
            pytest.fail(f"golden file {path} is missing: run pytest --accept and review it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    expected = path.read_bytes()
    if expected != data:
        import difflib

        diff = "".join(difflib.unified_diff(
            expected.decode("utf-8", "replace").splitlines(True),
            data.decode("utf-8", "replace").splitlines(True),
            fromfile=str(path), tofile="actual", n=2))
        pytest.fail(f"output differs from golden file {path.name} (pytest --accept regenerates it):\n{diff[:6000]}")


@dataclass
class HttpRecorder:
    """A local HTTP server that answers every GET and records its path: a test that nothing is
    fetched asserts ``requests == []``."""

    url: str
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def http_recorder():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            recorder.requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<!ENTITY x 'fetched'>")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    recorder = HttpRecorder(f"http://127.0.0.1:{server.server_port}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield recorder
    server.shutdown()
