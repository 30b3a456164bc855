"""Namespaces and Clark-name helpers: the one place XML names are spelled."""

TEI = "http://www.tei-c.org/ns/1.0"
TEI_EXAMPLES = "http://www.tei-c.org/ns/Examples"  # egXML: markup quoted as an example
XML = "http://www.w3.org/XML/1998/namespace"
XHTML = "http://www.w3.org/1999/xhtml"
XSL = "http://www.w3.org/1999/XSL/Transform"
XS = "http://www.w3.org/2001/XMLSchema"
RNG = "http://relaxng.org/ns/structure/1.0"
SCH = "http://purl.oclc.org/dsdl/schematron"
SVRL = "http://purl.oclc.org/dsdl/svrl"
SQF = "http://www.schematron-quickfix.com/validator/process"

NSMAP = {"tei": TEI, "xml": XML}

XML_ID = f"{{{XML}}}id"
XML_LANG = f"{{{XML}}}lang"


def tei(local: str) -> str:
    """Clark name of a TEI element or attribute: tei('p') -> '{http://www.tei-c.org/ns/1.0}p'."""
    return f"{{{TEI}}}{local}"


def local_name(clark: str) -> str:
    """'{ns}name' -> 'name'; a name without namespace is returned unchanged."""
    return clark.rsplit("}", 1)[-1]
