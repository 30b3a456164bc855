"""Validation of XML and TEI against W3C XML Schema, RELAX NG and ISO Schematron.

    from teikit.validate import Options, validate
    results = validate(["tei/"], Options(schemas=project_schemas()))

See docs/validate.md for the engines and how they are made fast and safe.
"""

from teikit.validate.runner import FileResult, Options, validate
from teikit.validate.schemas import SchemaRef, classify, project_schemas

__all__ = ["FileResult", "Options", "SchemaRef", "classify", "project_schemas", "validate"]
