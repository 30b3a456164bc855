"""A small project to build in tests (and the fixtures building it; tests/building has no conftest.py,
whose module name would shadow the suite's): the two samples, a constructed text naming persons, places
and organisations, one that breaks the project's house rule (invalid) and one that cannot be
converted (failed); and an enricher that tags the names (so that the corpus indexes have entries
whatever the converter's own name recognition finds)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from teikit.build import BuildOptions, build_project
from teikit.build.report import Progress, Summary
from teikit.model import Entity, Span, iter_blocks
from teikit.project import Project

SAMPLES = ("000_c13e9c14db7b3e72", "001_6cfbcb76526a9a85")

ALPHA = """Leon Trotsky

Letter to the Workers of Moscow

(1 May 1936)

Comrades, the bureaucracy of Stalin fears the workers of Moscow more than anything. Stalin knows that \
the Communist International has been ruined by his policy.

Trotsky answers the slanders of the G.P.U. once again: the workers of Moscow will judge.
"""

# breaks the house rule below: no author line, so no author in its header
ANONYMOUS = "Notes on a Meeting\n\nThe meeting in Moscow was short. Nobody signed the minutes.\n"

HOUSE_RULES = """<?xml version="1.0" encoding="UTF-8"?>
<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <sch:ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <sch:pattern id="house">
    <sch:rule context="tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt">
      <sch:assert id="work-has-author" test="tei:author">a work of this edition names its author</sch:assert>
    </sch:rule>
  </sch:pattern>
</sch:schema>
"""

CONFIG = 'schema = ["teikit", "house.sch"]\n'

VALID = (*SAMPLES, "alpha")
INVALID, FAILED = "anonymous", "broken"

# name -> (entity kind, element, identifier type, identifier)
NAMES = {
    "Trotsky": ("person", "persName", "wikidata", "Q33391"),
    "Stalin": ("person", "persName", "wikidata", "Q855"),
    "Moscow": ("place", "placeName", "geonames", "524901"),
    "Communist International": ("org", "orgName", "wikidata", "Q185153"),
}
_NAME = re.compile(r"\b(" + "|".join(map(re.escape, NAMES)) + r")\b")


def make_project(folder: Path) -> Path:
    texts = folder / "texts"
    texts.mkdir(parents=True)
    for name in SAMPLES:
        shutil.copy(ROOT / "texts" / f"{name}.txt", texts)
    (texts / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (texts / f"{INVALID}.txt").write_text(ANONYMOUS, encoding="utf-8")
    (texts / f"{FAILED}.txt").write_bytes(b"")  # empty: nothing to convert
    (folder / "house.sch").write_text(HOUSE_RULES, encoding="utf-8")
    (folder / "teikit.toml").write_text(CONFIG, encoding="utf-8")
    return folder


def tag_names(doc, options) -> None:
    """An enricher: every name of NAMES in a paragraph becomes a name pointing at the work's
    standOff entry for it, which carries an authority identifier (so each work of a teiCorpus
    has entries of its own, with ids of its own)."""
    used = {}
    for number, work in enumerate(doc.works, 1):
        for block in (b for part in (*work.front, *work.body, *work.back) for b in iter_blocks(part)):
            if block.kind != "p":
                continue
            for match in _NAME.finditer(block.text):
                kind, tag, idno_type, idno = NAMES[match.group(1)]
                entity_id = f"{doc.name}-w{number}-{idno}"
                used.setdefault(entity_id, Entity(entity_id, kind, [match.group(1)], [(idno_type, idno)]))
                block.add_span(Span(match.start(), match.end(), tag, {"ref": f"#{entity_id}"}))
    doc.entities.extend(used.values())


def with_names(monkeypatch) -> None:
    """Conversions in this process tag NAMES instead of running the names pass (builds with one
    job run here), so that the indexes hold exactly what the tests expect."""
    from teikit import convert, pipeline

    assert convert.passes()  # teikit's passes registered
    registry = pipeline.REGISTRY
    spec = registry["names"]
    monkeypatch.setitem(registry, "names", pipeline.PassSpec(
        spec.name, lambda doc, options: tag_names(doc, options), spec.requires, spec.assigns, spec.uses,
        spec.options, spec.doc))


# -- fixtures (imported by the test modules) ----------------------------------------------------------

def build(folder: Path, progress: Progress | None = None, **options) -> Summary:
    """Build a project in this process (one job unless told), without a progress bar."""
    options.setdefault("jobs", 1)
    return build_project(Project.load(folder / "teikit.toml"), BuildOptions(**options),
                         progress=progress or Progress(0, enabled=False))


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> tuple[Path, Summary]:
    folder = make_project(tmp_path_factory.mktemp("template") / "project")
    with pytest.MonkeyPatch.context() as patch:
        with_names(patch)
        summary = build(folder)
    return folder, summary


@pytest.fixture
def project(template, tmp_path, monkeypatch) -> Path:
    """A copy of the built template project (its state included), names tagged."""
    with_names(monkeypatch)
    folder = tmp_path / "project"
    shutil.copytree(template[0], folder)
    return folder
