"""With tei_all.rng, teikit's RELAX NG engine agrees with jing: on the real TEI of ../shared, on the
schema fixtures and on mutants of them (tests/validate/mutants.py), the verdicts are jing's, file
by file and in one batch, and so is the first error's line; messages do not depend on the batch.
bench/rng_agreement.py runs the same comparison on many more mutants and random batches."""

from __future__ import annotations

import os

import pytest
from mutants import jing_report, make_mutants
from validate_support import INVALID, VALID, corpus_files, jing, private_cache, validate  # noqa: F401 (fixtures)

# TEIKIT_MUTANTS and TEIKIT_MUTANT_SEED widen the search by hand (bench/rng_agreement.py goes further)
MUTANTS_PER_FILE = int(os.environ.get("TEIKIT_MUTANTS", "4"))
SEED = int(os.environ.get("TEIKIT_MUTANT_SEED", "20261121"))


def errors(results) -> dict[str, list[tuple[int, int, str]]]:
    return {path: [(d.line, d.column, d.message) for d in r.diagnostics if d.severity == "error"]
            for path, r in results.items()}


@pytest.fixture(scope="module")
def mutants(corpus_files, tmp_path_factory):
    """Deterministic mutants of the real TEI and of the schema fixtures."""
    return make_mutants(corpus_files + VALID + INVALID, tmp_path_factory.mktemp("mutants"), MUTANTS_PER_FILE, SEED)


def test_real_tei_and_fixtures_agree_with_jing(jing, tei_all_rng, corpus_files):
    files = corpus_files + VALID + INVALID
    expected = jing_report(jing, tei_all_rng, files)
    ours = errors(validate(files, [str(tei_all_rng)]))
    assert {p: not e for p, e in ours.items()} == {p: not e for p, e in expected.items()}
    # the corpus README's verdicts: ELTeC invalid, DraCor valid
    assert all(ours[p] for p in ours if "eltec-eng" in p)
    assert not any(ours[p] for p in ours if "gerdracor" in p)
    # every error of the ELTeC files where jing puts it, in jing's words
    for path in (p for p in ours if "eltec-eng" in p):
        assert ours[path] == expected[path], path


def test_mutants_agree_with_jing_in_one_batch_and_one_by_one(jing, tei_all_rng, mutants):
    paths = [p for p, _ in mutants]
    expected = jing_report(jing, tei_all_rng, paths)
    assert 0 < sum(not e for e in expected.values()) < len(paths), "the mutants should be a mix of valid and invalid"
    batch = errors(validate(paths, [str(tei_all_rng)]))
    alone = {}
    for path in paths:
        alone.update(errors(validate([path], [str(tei_all_rng)])))
    what = {str(p): w for p, w in mutants}
    disagreements = []
    for path in map(str, paths):
        if bool(batch[path]) != bool(expected[path]) or bool(alone[path]) != bool(expected[path]):
            disagreements.append(f"{path} ({what[path]}): jing {expected[path][:1]}, teikit {alone[path][:1]}")
        elif expected[path] and alone[path][0][0] != expected[path][0][0]:
            disagreements.append(f"{path} ({what[path]}): first error at line {alone[path][0][0]}, jing's at "
                                 f"{expected[path][0][0]}")
        elif batch[path] != alone[path]:
            disagreements.append(f"{path} ({what[path]}): different messages in a batch and alone")
    assert not disagreements, "\n".join(disagreements)


def test_jing_engine_reports_jings_own_messages(jing, tei_all_rng, corpus_files):
    eltec = [p for p in corpus_files if "eltec-eng" in str(p)][:1]
    results = validate(eltec, [str(tei_all_rng)], rng_engine="jing")
    (result,) = results.values()
    assert not result.valid
    assert all(d.engine == "jing" and d.line and d.column for d in result.diagnostics)
    assert any('element "authorGender" not allowed here' in d.message for d in result.diagnostics)
