"""The documents the publishing tests run on."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# teikit's TEI of the two samples (written by the converter, committed in tei/) and the
# hand-made fixtures in teikit's shape.
SAMPLES = sorted((ROOT / "tei").glob("*.xml"))
FIXTURES = sorted((HERE / "fixtures").glob("*.xml"))
DOCUMENTS = [pytest.param(p, id=p.stem) for p in SAMPLES + FIXTURES]
