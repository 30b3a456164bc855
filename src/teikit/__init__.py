"""teikit: plain text to TEI P5, TEI validation and XSLT publishing."""

__version__ = "0.1.0"
