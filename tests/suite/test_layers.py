"""Which parts of teikit may import which (at module level or inside functions): the build and
the project never import the command line; the runtime (Saxon, pools) knows nothing of what runs
on it; validation and publishing know nothing of each other, of the converter or of the build."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src" / "teikit"

# the converter's parts: validation, publishing and the runtime know nothing of how TEI is made
CONVERTER = {"convert", "pipeline", "trace", "evidence", "weights", "lang", "readers", "enrich", "writers", "review", "model"}

# part -> the parts of teikit it must not import
FORBIDDEN = {
    "build": {"cli"},
    "project": {"cli", "build", "publish", *CONVERTER},
    "config": {"cli", "build", "project", "validate", "publish"},
    "runtime": {"cli", "build", "project", "validate", "publish", *CONVERTER},
    "validate": {"cli", "build", "publish", *CONVERTER},
    "publish": {"cli", "build", "validate", *CONVERTER},
}


def part_of(module: str) -> str:
    """teikit.build.runner -> build; teikit.project -> project."""
    return module.split(".")[1] if module.count(".") else module


def imports(path: Path) -> set[str]:
    """The teikit modules a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("teikit.")}


def modules_of(part: str) -> list[Path]:
    folder = SRC / part
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [SRC / f"{part}.py"]


@pytest.mark.parametrize("part", sorted(FORBIDDEN))
def test_part_imports_nothing_it_must_not(part):
    crossings = [f"{path.relative_to(SRC)} imports {name}" for path in modules_of(part)
                 for name in sorted(imports(path)) if part_of(name) in FORBIDDEN[part]]
    assert crossings == []


def test_the_check_sees_a_crossing(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from teikit.cli.convert import schema_dir_for\n")
    assert imports(module) == {"teikit.cli.convert", "teikit.cli.convert.schema_dir_for"}
    assert part_of("teikit.cli.convert") == "cli"
