"""What every command does with the path it is told to write to (-o, and review's, validate's):
a regular file is replaced atomically, a symbolic link keeps being a link (its target is
replaced), a device or a FIFO is written to and stays what it is, ``-`` is standard output, and
a directory, a missing folder or a full disk is one line on stderr, never a traceback.

Devices are made inside the test's temporary folder (os.mknod, as root only): the machine's own
/dev is never named as an output."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import run_teikit
from teikit.cli import cli

ROOT = Path(__file__).resolve().parents[2]
TEI_INPUT = ROOT / "tests" / "publish" / "fixtures" / "article-teikit-shape.xml"
TEXT = "A Short Essay\n\nThis is the one paragraph of the essay, long enough to be prose and not a heading.\n"
AS_ROOT = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                             reason="making a device node (os.mknod) needs root")

# each command with an output option, and what its output starts with
COMMANDS = {
    "convert": (lambda text, tei: ["convert", str(text)], b"<?xml"),
    "html": (lambda text, tei: ["html", str(tei)], b"<!DOCTYPE HTML>"),
    "text": (lambda text, tei: ["text", str(tei)], None),
    "validate": (lambda text, tei: ["validate", "--schema", "teikit", str(tei)], None),
    "review": (lambda text, tei: ["review", str(text)], b"FILE"),
}


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    text = tmp_path / "essay.txt"
    text.write_text(TEXT, encoding="utf-8")
    return text, TEI_INPUT


def invoke(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def expected_start(command: str) -> bytes | None:
    return COMMANDS[command][1]


def args_for(command: str, inputs) -> list[str]:
    return COMMANDS[command][0](*inputs)


def one_line_error(output: str, *fragments: str) -> None:
    lines = [line for line in output.splitlines() if "error:" in line.lower()]
    assert len(lines) == 1, output
    assert "Traceback" not in output
    for fragment in fragments:
        assert fragment in lines[0], output


@pytest.mark.parametrize("command", COMMANDS)
def test_a_regular_file_is_replaced_and_a_symlink_keeps_being_a_link(command, inputs, tmp_path):
    target = tmp_path / "real-output"
    target.write_bytes(b"old content")
    target.chmod(0o600)
    link = tmp_path / "link-output"
    link.symlink_to(target.name)
    result = invoke([*args_for(command, inputs), "-o", str(link)])
    assert result.exit_code in (0, 1), result.output
    assert link.is_symlink() and os.readlink(link) == target.name
    written = target.read_bytes()
    assert written and written != b"old content"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600, "the file keeps its permissions"
    if expected_start(command):
        assert written.startswith(expected_start(command))
    assert not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_is_written_to_and_stays_a_fifo(command, inputs, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = invoke([*args_for(command, inputs), "-o", str(fifo)])
    reader.join(timeout=60)
    assert result.exit_code in (0, 1), result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0]
    if expected_start(command):
        assert received[0].startswith(expected_start(command))


@AS_ROOT
@pytest.mark.parametrize("command", COMMANDS)
def test_a_character_device_is_written_to_and_stays_a_device(command, inputs, tmp_path):
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    result = invoke([*args_for(command, inputs), "-o", str(null)])
    assert result.exit_code in (0, 1), result.output
    info = null.lstat()
    assert stat.S_ISCHR(info.st_mode) and info.st_rdev == os.makedev(1, 3)
    assert not list(tmp_path.glob(".*.part"))


@AS_ROOT
@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_device_is_one_line_and_exit_1(command, inputs, tmp_path):
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    result = run_teikit(*args_for(command, inputs), "-o", str(full))
    assert result.returncode == 1
    one_line_error(result.stderr.decode(), str(full), "No space left on device")
    assert stat.S_ISCHR(full.lstat().st_mode)


@pytest.mark.parametrize("command", COMMANDS)
def test_dash_is_standard_output(command, inputs, tmp_path):
    result = invoke([*args_for(command, inputs), "-o", "-"])
    assert result.exit_code in (0, 1), result.output
    assert result.stdout_bytes
    if expected_start(command):
        assert result.stdout_bytes.startswith(expected_start(command))
    assert not (Path.cwd() / "-").exists()


# (convert, html and text write one input given an existing directory into it: tested below)
CANNOT_TAKE_A_FILE = [(command, case) for command in COMMANDS
                      for case in ("directory", "missing-folder", "under-a-file")
                      if not (case == "directory" and command in ("convert", "html", "text"))]


@pytest.mark.parametrize("command, case", CANNOT_TAKE_A_FILE)
def test_a_path_that_cannot_take_a_file_is_a_usage_error_before_any_work(command, case, inputs, tmp_path):
    target = {"directory": tmp_path, "missing-folder": tmp_path / "no" / "such" / "out",
              "under-a-file": inputs[0] / "out"}[case]
    result = invoke([*args_for(command, inputs), "-o", str(target)])
    assert result.exit_code == 2
    one_line_error(result.output, str(target))
    assert not (tmp_path / "no").exists(), "no folder is made for an output file"


def test_stdout_on_a_full_disk_is_one_line_and_exit_1(inputs, tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        device = tmp_path / "full"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    else:
        device = Path("/dev/full")  # opened here as the child's stdout, never named to teikit
    if not device.exists():
        pytest.skip("no full device on this system")
    for args in (["convert", str(inputs[0])], ["text", str(inputs[1])], ["review", str(inputs[0])]):
        with open(device, "wb") as stdout:
            import subprocess
            import sys

            result = subprocess.run([sys.executable, "-m", "teikit", *args], stdout=stdout,
                                    stderr=subprocess.PIPE, timeout=300)
        assert result.returncode == 1, args
        one_line_error(result.stderr.decode(), "No space left on device")


def test_several_inputs_of_the_same_name_are_refused_naming_both(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(TEXT, encoding="utf-8")
    first, second = str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt")
    result = invoke(["convert", first, second, "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    one_line_error(result.output, first, second)
    assert not (tmp_path / "out").exists()


def test_a_directory_output_is_made_and_json_gets_json_names(inputs, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "made" / "json"
    result = invoke(["convert", "--format", "json", str(inputs[0]), str(other), "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["essay.json", "other.json"]
    single = tmp_path / "single"
    assert invoke(["convert", str(inputs[0]), "-o", f"{single}/"]).exit_code == 0
    assert [p.name for p in single.iterdir()] == ["essay.xml"]


def test_convert_refuses_to_write_over_its_own_input(inputs):
    text = inputs[0]
    before = text.read_bytes()
    result = invoke(["convert", str(text), "-o", str(text)])
    assert result.exit_code == 2
    one_line_error(result.output, "the output would overwrite its own input")
    assert text.read_bytes() == before


@pytest.mark.parametrize("command, name", [("convert", "essay.xml"), ("html", "article-teikit-shape.html"),
                                           ("text", "article-teikit-shape.txt")])
def test_one_input_and_an_existing_directory_writes_into_it(command, name, inputs, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    result = invoke([*args_for(command, inputs), "-o", str(folder)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in folder.iterdir()] == [name]
