"""--max-size on the commands that convert text (convert, review, build): a larger input is one
line and exit 1, read no further; sizes are written as people write them."""

from __future__ import annotations

import pytest

from helpers import run_teikit
from teikit.cli.common import Size
from teikit.textio import DEFAULT_MAX_SIZE, size_text

TEXT = "A Short Essay\n\nThis is the one paragraph of the essay, long enough to be prose and not a heading.\n"


@pytest.mark.parametrize("written, size", [("500MB", 500_000_000), ("1.5G", 1_500_000_000), ("200k", 200_000),
                                           ("4096", 4096), ("2 KB", 2000)])
def test_sizes_are_read_as_people_write_them(written, size):
    assert Size().convert(written, None, None) == size


def test_the_default_is_500_mb():
    assert DEFAULT_MAX_SIZE == 500_000_000


@pytest.mark.parametrize("command", [["convert"], ["review"]])
def test_a_larger_input_is_one_line_and_exit_1(tmp_path, command):
    source = tmp_path / "essay.txt"
    source.write_text(TEXT * 20, encoding="utf-8")
    result = run_teikit(*command, "--max-size", "1KB", str(source))
    assert result.returncode == 1
    (line,) = result.stderr.decode().splitlines()
    assert line == (f"{source}: error: is {size_text(source.stat().st_size)}, larger than the largest input allowed (--max-size 1 KB): "
                    "split it, or raise --max-size if the memory allows")
    assert run_teikit(*command, "--max-size", "1MB", str(source)).returncode == 0


def test_standard_input_is_read_no_further_than_the_limit():
    result = run_teikit("convert", "--max-size", "1KB", "-", input=(TEXT * 20).encode())
    assert result.returncode == 1
    assert result.stderr.decode().startswith("-: error: is more than 1 KB, larger than the largest input allowed")


def test_build_fails_the_larger_text_and_builds_the_others(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "small.txt").write_text(TEXT, encoding="utf-8")
    (texts / "large.txt").write_text(TEXT * 20, encoding="utf-8")
    (tmp_path / "teikit.toml").write_text('texts = "texts"\n', encoding="utf-8")
    result = run_teikit("build", "--jobs", "1", "--max-size", "1KB", cwd=tmp_path)
    assert result.returncode == 1
    assert "texts/large.txt: error: is 2 KB, larger than the largest input allowed" in result.stderr.decode()
    assert (tmp_path / "tei" / "small.xml").is_file() and not (tmp_path / "tei" / "large.xml").exists()
