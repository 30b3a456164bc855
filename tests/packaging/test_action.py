"""teikit's GitHub Action (action.yml), run as GitHub runs a composite action: each `run:` step with
`bash --noprofile --norc -eo pipefail`, its `env:` filled from the inputs, $GITHUB_PATH carried to
the next step, and a temporary file as $GITHUB_STEP_SUMMARY. The install step really installs
teikit (from this checkout, as from the action's own); validation runs with warn-only on and off."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.slow

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
MINIMAL = ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml"
_INPUT = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")


def step(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s["name"] == name)


def run_step(entry: dict, inputs: dict[str, str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """One `run:` step as GitHub runs it (shell: bash)."""
    values = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()} | inputs
    step_env = {**env, **{k: _INPUT.sub(lambda m: values[m.group(1)], str(v)) for k, v in entry.get("env", {}).items()}}
    script = Path(env["RUNNER_TEMP"]) / f"step-{entry['name'].replace(' ', '-')}.sh"
    script.write_text(entry["run"], encoding="utf-8")
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], env=step_env,
                          capture_output=True, text=True, cwd=env["GITHUB_WORKSPACE"], timeout=900)


def test_inputs_reach_the_scripts_only_through_the_environment():
    for entry in ACTION["runs"]["steps"]:
        assert entry["shell"] == "bash"
        assert "${{" not in entry["run"], f"{entry['name']}: an input pasted into the script could inject code"
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) >= {"paths", "schema", "warn-only"}


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> dict[str, str]:
    """A runner's environment after the install step: teikit installed in a venv of its own."""
    temp = tmp_path_factory.mktemp("runner")
    workspace = temp / "workspace"
    (workspace / "tei").mkdir(parents=True)
    github_path = temp / "github_path"
    github_path.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "VIRTUAL_ENV", "TEIKIT_"))}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    env.update(RUNNER_TEMP=str(temp), GITHUB_PATH=str(github_path), GITHUB_ACTION_PATH=str(ROOT),
               GITHUB_WORKSPACE=str(workspace), CI="true", GITHUB_ACTIONS="true")
    installed = run_step(step("Install teikit"), {}, env)
    assert installed.returncode == 0, installed.stderr[-3000:]
    added = [line for line in github_path.read_text().splitlines() if line]
    assert added == [str(temp / "teikit-venv" / "bin")]
    env["PATH"] = os.pathsep.join([*added, env["PATH"]])
    return env


def workspace_with(runner: dict[str, str], invalid: bool) -> Path:
    tei = Path(runner["GITHUB_WORKSPACE"]) / "tei"
    for old in tei.glob("*"):
        old.unlink()
    text = MINIMAL.read_text(encoding="utf-8")
    (tei / "good.xml").write_text(text, encoding="utf-8")
    if invalid:
        (tei / "bad file.xml").write_text(text.replace("<p>Dear", "<p><shout/>Dear"), encoding="utf-8")
    (tei / "style.xsl").write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>')
    return tei


def validate(runner: dict[str, str], tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess, str]:
    summary = tmp_path / "step_summary.md"
    summary.write_text("")
    result = run_step(step("Validate"), inputs, {**runner, "GITHUB_STEP_SUMMARY": str(summary)})
    return result, summary.read_text(encoding="utf-8")


@pytest.mark.parametrize("warn_only", ["false", "true"])
def test_invalid_files_fail_the_step_unless_warn_only(runner, tmp_path, warn_only):
    workspace_with(runner, invalid=True)
    result, summary = validate(runner, tmp_path, paths="tei/", **{"warn-only": warn_only})
    assert result.returncode == (0 if warn_only == "true" else 1), result.stdout + result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert any(line.startswith("::error file=tei/bad file.xml,line=") for line in annotations)
    assert summary.startswith("### teikit validate: 1 invalid file\n")
    assert "| `tei/bad file.xml` | invalid |" in summary
    assert ("warn-only" in summary) == (warn_only == "true")


@pytest.mark.parametrize("warn_only", ["false", "true"])
def test_valid_files_pass_the_step_and_say_so(runner, tmp_path, warn_only):
    workspace_with(runner, invalid=False)
    result, summary = validate(runner, tmp_path, paths="tei/*.xml", **{"warn-only": warn_only})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::error" not in result.stdout
    assert summary.startswith("### teikit validate: all valid\n") and "warn-only" not in summary


def test_other_xml_is_skipped_with_the_args_input(runner, tmp_path):
    workspace_with(runner, invalid=False)
    result, summary = validate(runner, tmp_path, paths="tei/", args="--only-tei")
    assert result.returncode == 0, result.stdout
    result, _ = validate(runner, tmp_path, paths="tei/*.xml tei/*.xsl")
    assert result.returncode == 1 and "not a TEI document" in result.stdout


def test_a_misconfigured_action_fails_even_when_warn_only(runner, tmp_path):
    workspace_with(runner, invalid=False)
    result, _ = validate(runner, tmp_path, paths="tei/", schema="missing.rng", **{"warn-only": "true"})
    assert result.returncode == 2
    assert "missing.rng" in result.stderr


def test_strict_in_the_action_fails_files_no_schema_checks(runner, tmp_path):
    tei = workspace_with(runner, invalid=False)
    (tei / "good.xml").write_text('<?xml-model href="https://example.org/s.rng"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
    result, _ = validate(runner, tmp_path, paths="tei/good.xml", schema="")
    assert result.returncode == 1 and "::error file=tei/good.xml" in result.stdout
