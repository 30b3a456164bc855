"""An interrupt that arrives while an atomic write makes its temporary file leaves no file behind."""

from __future__ import annotations

import os
import signal
import tempfile

import pytest

from teikit import xmlio


class Stopped(Exception):
    pass


def _stop(signum, frame):
    raise Stopped()


def test_sigterm_while_the_temporary_file_is_made_leaves_no_part_file(tmp_path, monkeypatch):
    made = tempfile.mkstemp

    def mkstemp_then_sigterm(*args, **kwargs):
        fd, name = made(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)  # delivered at once unless held back
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_then_sigterm)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        with pytest.raises(Stopped):
            xmlio.write_atomic(tmp_path / "out.xml", b"<x/>")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert os.listdir(tmp_path) == []


def test_an_interrupt_that_skips_the_writers_cleanup_leaves_no_part_file(tmp_path):
    """SIGTERM can arrive in a with statement's exit before the writer resumes: the command's
    interrupt handling removes the writes still in progress."""
    from teikit.cli.common import Terminated, reports_errors

    @reports_errors
    def command():
        writer = xmlio.atomic_writer(tmp_path / "out.txt", "w")
        writer.__enter__().write("half")
        raise Terminated()  # as if the signal came before the writer's exit ran

    with pytest.raises(SystemExit) as stopped:
        command()
    assert stopped.value.code == 1
    assert os.listdir(tmp_path) == []
