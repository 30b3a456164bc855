"""What jing may read: schemas checked before it starts, documents with their DOCTYPE blanked.

jing resolves any DTD a document or a schema names (over the network too) and follows a schema's
``include`` and ``externalRef`` wherever they point. So a schema goes to jing only when every file
of it is local and has no DOCTYPE, and a document only as teikit's safe parser read it, with its
DOCTYPE blanked out (line breaks kept, so that jing's lines and columns are the file's own).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse
from urllib.request import url2pathname

from lxml import etree

from teikit.errors import InputError
from teikit.ns import RNG, XML
from teikit.validate.documents import Document
from teikit.validate.errors import SchemaError
from teikit.xmlio import parse_bytes, parse_file

XML_BASE = f"{{{XML}}}base"


def _has_doctype(tree: etree._ElementTree) -> bool:
    info = tree.docinfo
    return bool(info.doctype or info.internalDTD is not None or info.system_url or info.public_id)


def _base(el: etree._Element, file_uri: str) -> str:
    """The base URI ``el``'s ``href`` is resolved against: the file's, changed by any ``xml:base``."""
    base = file_uri
    for node in reversed([el, *el.iterancestors()]):
        if node.get(XML_BASE):
            base = urljoin(base, node.get(XML_BASE))
    return base


def check_schema(path: str) -> list[str]:
    """The files of a RELAX NG schema (it and what it includes), once each, after checking that jing
    will read nothing else: no DOCTYPE, no ``include`` or ``externalRef`` but of a local file."""
    seen: list[str] = []
    todo = [os.path.abspath(path)]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.append(current)
        try:
            tree = parse_file(current)
        except InputError as exc:
            raise SchemaError(exc.diagnostic) from None
        if _has_doctype(tree):
            raise SchemaError.at(current, "the schema has a DOCTYPE: jing would read the DTD it names, so teikit "
                                          "does not give it to jing", line=1, engine="jing")
        uri = Path(current).as_uri()
        for el in tree.iter(f"{{{RNG}}}include", f"{{{RNG}}}externalRef"):
            href = (el.get("href") or "").strip()
            target = urlparse(urljoin(_base(el, uri), href))
            if target.scheme != "file" or target.netloc not in ("", "localhost"):
                raise SchemaError.at(current, f"includes {href}: refusing to fetch a schema that is not a local "
                                              "file", line=el.sourceline, engine="jing")
            todo.append(url2pathname(unquote(target.path)))
    return seen


def _doctype_span(text: str) -> tuple[int, int] | None:
    """Where the DOCTYPE declaration is in a document's text (its prolog scanned by the XML grammar:
    literals, comments and processing instructions in the internal subset skipped over)."""
    n, i = len(text), 0

    def skip(opening: str, closing: str, at: int) -> int:
        end = text.find(closing, at + len(opening))
        return -1 if end < 0 else end + len(closing)

    while i < n:
        if text[i] in " \t\r\n\ufeff":
            i += 1
        elif text.startswith("<?", i):
            i = skip("<?", "?>", i)
        elif text.startswith("<!--", i):
            i = skip("<!--", "-->", i)
        elif text.startswith("<!DOCTYPE", i):
            start, j, in_subset = i, i + len("<!DOCTYPE"), False
            while 0 <= j < n:
                c = text[j]
                if c in "\"'":
                    j = skip(c, c, j)
                elif in_subset and text.startswith("<!--", j):
                    j = skip("<!--", "-->", j)
                elif in_subset and text.startswith("<?", j):
                    j = skip("<?", "?>", j)
                elif c == "[" and not in_subset:
                    in_subset, j = True, j + 1
                elif c == "]" and in_subset:
                    in_subset, j = False, j + 1
                elif c == ">" and not in_subset:
                    return start, j + 1
                else:
                    j += 1
            return None
        else:
            return None
        if i < 0:
            return None
    return None


def jing_input(doc: Document) -> bytes:
    """The bytes jing gets for a document teikit read: the file's own, with the DOCTYPE blanked
    (in the file's encoding, line breaks kept); should that not come out as the same document
    without a DOCTYPE, the parsed tree serialised (positions may then differ from the file's)."""
    if not _has_doctype(doc.tree):
        return doc.data
    encoding = doc.tree.docinfo.encoding or "utf-8"
    try:
        text = doc.data.decode(encoding)
        span = _doctype_span(text)
        if span is not None:
            start, end = span
            blank = re.sub(r"[^\r\n]", " ", text[start:end])
            data = (text[:start] + blank + text[end:]).encode(encoding)
            tree = parse_bytes(doc.path, data)
            root, original = tree.getroot(), doc.tree.getroot()
            if not _has_doctype(tree) and (root.tag, root.sourceline) == (original.tag, original.sourceline):
                return data
    except (LookupError, UnicodeError, InputError):
        pass
    return doc.xml_text().encode("utf-8")
