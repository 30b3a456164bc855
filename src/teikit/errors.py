"""Diagnostics, the error type every command raises, and the exit-code table.

Every command reports problems in one form, ``FILE[:LINE[:COL]]: error|warning: message``,
and exits with one of three codes (never a count, which would wrap at 256):

====  ==========================================================
code  meaning
====  ==========================================================
0     everything succeeded and is valid
1     an input was invalid, unreadable or a step failed
2     usage error: bad options or arguments
====  ==========================================================
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ExitCode(enum.IntEnum):
    OK = 0
    FAILED = 1
    USAGE = 2


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


@dataclass(frozen=True)
class Diagnostic:
    """One finding about one file, printable in the project's single diagnostic form."""

    file: str
    message: str
    severity: Severity = Severity.ERROR
    line: int | None = None
    column: int | None = None
    engine: str | None = None  # e.g. "xsd", "rng", "schematron", "xml", "convert"
    code: str | None = None  # a stable rule id where the engine has one
    xpath: str | None = None

    @property
    def location(self) -> str:
        loc = self.file
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc

    def __str__(self) -> str:
        engine = f"[{self.engine}] " if self.engine else ""
        return f"{self.location}: {self.severity.value}: {engine}{self.message}"


class TeikitError(Exception):
    """A failure to report as a diagnostic (never as a traceback)."""

    exit_code = ExitCode.FAILED

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic

    @classmethod
    def at(cls, file: str, message: str, line: int | None = None, column: int | None = None,
           engine: str | None = None) -> "TeikitError":
        return cls(Diagnostic(file=file, message=message, line=line, column=column, engine=engine))


class InputError(TeikitError):
    """The input cannot be read: missing, a directory, empty, binary, undecodable, malformed."""


class UsageError(TeikitError):
    """The command line asks for something impossible (exit 2)."""

    exit_code = ExitCode.USAGE
