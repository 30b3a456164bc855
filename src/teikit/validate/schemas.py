"""Which schemas a document is checked against, and the engines that check them.

``--schema`` values: ``teikit`` (the project pair, schema/teikit.xsd + schema/teikit.sch),
``tei_all`` (``$TEIKIT_TEI_ALL``, else ``tei_all`` in the settings, else the copy of TEI P5's
tei_all.rng teikit ships in schema/tei_all/), or a schema file (.xsd, .rng, .sch/.isosch).
Without ``--schema`` a document's ``<?xml-model?>`` instructions choose; a schema named by URL
is never fetched: the TEI Consortium's addresses of tei_all.rng read that local tei_all, any
other URL is reported as unavailable.
Engines are built once per process and reused (see :func:`engine_for`).
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from teikit.config import Settings
from teikit.errors import Diagnostic, Severity, UsageError
from teikit.ns import RNG, SCH, XS
from teikit.resources import data_file
from teikit.validate.documents import Document
from teikit.validate.engine import Engine
from teikit.validate.errors import SchemaError

TEI_ALL_ENV = "TEIKIT_TEI_ALL"
TEI_ALL_KEY = "tei_all"
PROJECT = "teikit"
TEI_ALL = "tei_all"
TEI_ALL_BUNDLED = "tei_all/tei_all.rng"  # in teikit's schema folder
UNAVAILABLE = "xml-model-unavailable"  # the code of a schema <?xml-model?> names that cannot be used
_TEI_HOSTS = {"www.tei-c.org", "tei-c.org"}
_TEI_ALL_URL_PATH = re.compile(r"^/(?:release|Vault/P5/(?P<release>[^/]+))/xml/tei/custom/schema/relaxng/tei_all\.rng$")
_EDITION = re.compile(r"TEI Edition:\s+P5\s+Version\s+([0-9][0-9A-Za-z.\-]*[0-9A-Za-z])")

XSD, RELAXNG, SCHEMATRON, EMBEDDED = "xsd", "rng", "schematron", "rng-rules"
_SCHEMATRON_NAMESPACES = {SCH, "http://www.ascc.net/xml/schematron"}
_EXTENSIONS = {".xsd": XSD, ".rng": RELAXNG, ".sch": SCHEMATRON, ".isosch": SCHEMATRON,
               ".schematron": SCHEMATRON}
_ROOTS = {f"{{{XS}}}schema": XSD, f"{{{SCH}}}schema": SCHEMATRON}


@dataclass(frozen=True)
class SchemaRef:
    """One schema to check against: its kind and file (``rng-rules``: Schematron embedded in a .rng)."""

    kind: str
    path: str


def project_schemas() -> list[SchemaRef]:
    return [SchemaRef(XSD, str(data_file("schema", "teikit.xsd"))),
            SchemaRef(SCHEMATRON, str(data_file("schema", "teikit.sch")))]


def bundled_tei_all() -> Path:
    """The copy of TEI P5's tei_all.rng shipped with teikit (its release and licence beside it)."""
    return data_file("schema", TEI_ALL_BUNDLED)


def tei_all_source(config: Settings) -> tuple[Path, str]:
    """The tei_all schema teikit uses, and where that choice comes from: $TEIKIT_TEI_ALL, else
    ``tei_all`` in the settings, else teikit's own copy."""
    configured = os.environ.get(TEI_ALL_ENV)
    if configured:
        return Path(configured), TEI_ALL_ENV
    path = config.path(TEI_ALL_KEY)
    if path is not None:
        return path, " or ".join(map(str, config.sources)) or "the settings"
    return bundled_tei_all(), "teikit's copy"


def tei_all_path(config: Settings) -> Path:
    """The tei_all schema (see tei_all_source); a configured file that is missing is a usage error."""
    path, where = tei_all_source(config)
    if not path.is_file():
        raise UsageError(Diagnostic("--schema tei_all", f"tei_all schema {path} (from {where}) does not exist",
                                    engine="validate"))
    return path


def tei_all_edition(path: Path) -> str | None:
    """The TEI release a tei_all schema was generated for ("4.12.0"), from its opening comment."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192).decode("utf-8", "replace")
    except OSError:
        return None
    found = _EDITION.search(head)
    return found.group(1) if found else None


def official_tei_all(href: str) -> str | None:
    """For the TEI Consortium's address of tei_all.rng, the release it names ("current" for the
    latest); None for any other address."""
    parsed = urlparse(href)
    if parsed.scheme not in ("http", "https") or parsed.hostname not in _TEI_HOSTS:
        return None
    found = _TEI_ALL_URL_PATH.match(parsed.path)
    return (found.group("release") or "current") if found else None


def _sniff(path: Path) -> str | None:
    """The schema language of a file with an unknown extension, from its root element."""
    try:
        for _, el in etree.iterparse(str(path), events=("start",), resolve_entities=False, no_network=True,
                                     load_dtd=False):
            if el.tag in _ROOTS:
                return _ROOTS[el.tag]
            return RELAXNG if str(el.tag).startswith(f"{{{RNG}}}") else None
    except (etree.XMLSyntaxError, OSError):
        return None
    return None


def classify(path: str | os.PathLike, embedded_rules: bool = False, where: str | None = None) -> list[SchemaRef]:
    """The checks a schema file stands for; a missing or unknown file is a usage error."""
    path = Path(path)
    label = where or str(path)
    if path.suffix.lower() == ".rnc":
        raise SchemaError.at(label, "RELAX NG compact syntax is not supported: convert it to XML syntax "
                                    "(e.g. trang schema.rnc schema.rng)", engine="validate")
    if not path.is_file():
        raise SchemaError.at(label, f"schema {path} does not exist", engine="validate")
    kind = _EXTENSIONS.get(path.suffix.lower()) or _sniff(path)
    if kind is None:
        raise SchemaError.at(label, f"cannot tell the schema language of {path} (expected .xsd, .rng, .sch "
                                    "or .isosch)", engine="validate")
    refs = [SchemaRef(kind, str(path))]
    if kind == RELAXNG and embedded_rules:
        refs.append(SchemaRef(EMBEDDED, str(path)))
    return refs


def from_option(value: str, config: Settings, embedded_rules: bool = False) -> list[SchemaRef]:
    """The schemas a ``--schema`` value names."""
    if value == PROJECT:
        return project_schemas()
    if value == TEI_ALL:
        return classify(tei_all_path(config), embedded_rules, where="--schema tei_all")
    return classify(value, embedded_rules, where=f"--schema {value}")


def configured_tei_all(config: Settings) -> Path:
    """The tei_all schema <?xml-model?> instructions naming the official one read (see tei_all_source;
    a configured file that is missing is reported against the documents that name it)."""
    return tei_all_source(config)[0]


def xml_model_instructions(doc: Document) -> list[etree._ProcessingInstruction]:
    """The ``<?xml-model?>`` instructions before a parsed document's root element."""
    root = doc.tree.getroot()
    return [pi for pi in reversed(list(root.itersiblings(preceding=True)))
            if isinstance(pi, etree._ProcessingInstruction) and pi.target == "xml-model"]


def prolog_instructions(path: str, data: bytes | None = None) -> list[etree._ProcessingInstruction]:
    """The ``<?xml-model?>`` instructions of a file, reading no further than its root start tag
    (nothing is resolved or fetched; a file that cannot be read yields none)."""
    found = []
    try:
        source = io.BytesIO(data) if data is not None else path
        for event, node in etree.iterparse(source, events=("pi", "start"), resolve_entities=False,
                                           load_dtd=False, no_network=True, huge_tree=False):
            if event == "start":
                break
            if node.target == "xml-model":
                found.append(node)
    except (etree.XMLSyntaxError, OSError):
        return []
    return found


def from_xml_model(doc: Document, embedded_rules: bool = False, tei_all: Path | None = None
                   ) -> tuple[list[SchemaRef], list[Diagnostic]]:
    """The schemas a document's ``<?xml-model?>`` instructions name, and warnings about the unusable."""
    return schemas_named(doc.path, xml_model_instructions(doc), embedded_rules, tei_all)


def schemas_named(path_of_document: str, instructions: list, embedded_rules: bool = False,
                  tei_all: Path | None = None) -> tuple[list[SchemaRef], list[Diagnostic]]:
    """The schemas ``<?xml-model?>`` instructions name, and warnings about those unusable.

    A URL is never fetched: the TEI Consortium's address of tei_all.rng is read from the local
    copy (``tei_all``, else teikit's own), any other URL is unusable."""
    refs: list[SchemaRef] = []
    warnings: list[Diagnostic] = []
    for pi in instructions:
        href = (pi.get("href") or "").strip()
        if not href:
            continue

        def warn(message: str, code: str = UNAVAILABLE) -> None:
            warnings.append(Diagnostic(path_of_document, message, Severity.WARNING, pi.sourceline, None,
                                       "validate", code))

        parsed = urlparse(href)
        if parsed.scheme and parsed.scheme != "file" and len(parsed.scheme) > 1:
            release = official_tei_all(href)
            if release is None:
                warn(f"schema {href} from <?xml-model?> not used: teikit never fetches URLs "
                     "(pass --schema with a local copy)")
                continue
            path = tei_all or bundled_tei_all()
            edition = tei_all_edition(path) if release != "current" else None
            if edition and edition != release:
                warn(f"<?xml-model?> names tei_all of TEI P5 {release}: validated with the local tei_all "
                     f"({path}) of TEI P5 {edition}", "xml-model-other-release")
        else:
            relative = unquote(parsed.path) if parsed.scheme == "file" else href
            path = Path(relative) if os.path.isabs(relative) else Path(path_of_document).parent / relative
        if not path.is_file():
            warn(f"schema {href} from <?xml-model?> not found ({path})")
            continue
        typens = (pi.get("schematypens") or "").strip()
        try:
            if typens in _SCHEMATRON_NAMESPACES and path.suffix.lower() == ".rng":
                found = [SchemaRef(EMBEDDED, str(path))]
            elif typens in _SCHEMATRON_NAMESPACES:
                found = [SchemaRef(SCHEMATRON, str(path))]
            elif typens == XS:
                found = [SchemaRef(XSD, str(path))]
            else:
                found = classify(path, embedded_rules)
        except UsageError as exc:
            warn(exc.diagnostic.message)
            continue
        refs.extend(r for r in found if r not in refs)
    return refs, warnings


# -- engines ---------------------------------------------------------------------------------------------

_engines: dict[tuple, Engine] = {}


def forget_engines() -> None:
    """Drop the engines built so far (a long-lived process whose schema files may have changed
    since, such as a Dask worker serving build after build, starts again from the files)."""
    _engines.clear()


def engine_for(ref: SchemaRef, rng_engine: str = "teikit", phase: str | None = None) -> Engine:
    """The engine for a schema, built on first use in this process and then reused."""
    key = (ref, rng_engine if ref.kind == RELAXNG else None, phase if ref.kind in (SCHEMATRON, EMBEDDED) else None)
    engine = _engines.get(key)
    if engine is None:
        engine = _engines[key] = _build(ref, rng_engine, phase)
    return engine


def _build(ref: SchemaRef, rng_engine: str, phase: str | None) -> Engine:
    if ref.kind == XSD:
        from teikit.validate.xsd import XsdEngine

        return XsdEngine(ref.path)
    if ref.kind == RELAXNG:
        if rng_engine == "jing":
            from teikit.validate.jing.engine import JingEngine

            return JingEngine(ref.path)
        from teikit.validate.rng.engine import RngEngine

        return RngEngine(ref.path)
    from teikit.validate.schematron.engine import SchematronEngine

    if ref.kind == EMBEDDED:
        from teikit.validate.schematron.embedded import from_rng

        return SchematronEngine(from_rng(ref.path, phase), ref.path)
    from teikit.validate.schematron import schema

    return SchematronEngine(schema.load(ref.path, phase), ref.path)
