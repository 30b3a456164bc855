"""ISO Schematron: reading schemas, compiling them to XSLT 3.0, running them on saxonche."""
