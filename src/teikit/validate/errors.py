"""The validator's own error: a schema that cannot be used."""

from __future__ import annotations

from teikit.errors import UsageError


class SchemaError(UsageError):
    """A schema named on the command line is missing, malformed or unsupported (exit 2)."""
