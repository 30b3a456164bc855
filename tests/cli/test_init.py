"""`teikit init` then `teikit build` in a new folder: a project of one's own in two commands, and
init never writes over a file."""

from __future__ import annotations

import json

from helpers import run_teikit
from teikit.cli.init import FILES


def test_init_then_build_makes_a_site_from_the_example(tmp_path):
    folder = tmp_path / "my project"
    result = run_teikit("init", str(folder))
    assert result.returncode == 0, result.stderr
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == sorted(FILES)
    config = (folder / "teikit.toml").read_text(encoding="utf-8")
    assert config.count("\n#") >= 5, "the settings are commented"
    built = run_teikit("build", "--report", "report.json", cwd=folder)
    assert built.returncode == 0, built.stderr.decode()
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["built"] == 1 and report["ok"]
    tei = (folder / "tei" / "example.xml").read_text(encoding="utf-8")
    assert "<docTitle>" in tei and 'resp="#example-editor"' in tei, "the title page and the editor's note"
    assert (folder / "site" / "index.html").is_file() and (folder / "site" / "example.html").is_file()


def test_init_writes_no_file_over_another(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "example.txt").write_text("mine\n", encoding="utf-8")
    result = run_teikit("init", cwd=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith("texts/example.txt: error: exists already")
    assert (tmp_path / "texts" / "example.txt").read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "teikit.toml").exists(), "nothing written"
