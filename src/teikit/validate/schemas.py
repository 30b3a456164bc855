"""Which schemas a document is checked against, and the engines that check them.

``--schema`` values: ``teikit`` (the project pair, schema/teikit.xsd + schema/teikit.sch),
``tei_all`` (the path configured as ``tei_all`` or in ``$TEIKIT_TEI_ALL``), or a schema file
(.xsd, .rng, .sch/.isosch). Without ``--schema`` a document's ``<?xml-model?>`` instructions
choose; a schema named by URL is never fetched, it is reported as unavailable instead.
Engines are built once per process and reused (see :func:`engine_for`).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
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


def tei_all_path(config: Settings) -> Path:
    """The configured tei_all schema: $TEIKIT_TEI_ALL, else ``tei_all`` in the configuration."""
    configured = os.environ.get(TEI_ALL_ENV)
    path = Path(configured) if configured else config.path(TEI_ALL_KEY)
    if path is None:
        raise UsageError(Diagnostic(
            "--schema tei_all", "no tei_all schema configured: set tei_all = \"PATH/tei_all.rng\" in "
            "teikit.toml (or [tool.teikit] in pyproject.toml), or the environment variable "
            f"{TEI_ALL_ENV}, or pass --schema PATH/tei_all.rng", engine="validate"))
    if not path.is_file():
        where = TEI_ALL_ENV if configured else " or ".join(map(str, config.sources)) or "configuration"
        raise UsageError(Diagnostic("--schema tei_all", f"tei_all schema {path} (from {where}) does not exist",
                                    engine="validate"))
    return path


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


def configured_tei_all(config: Settings) -> Path | None:
    """The configured tei_all schema, or None when there is none (no error)."""
    try:
        return tei_all_path(config)
    except UsageError:
        return None


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

    A URL is never fetched; one whose file name is that of the configured ``tei_all`` (the
    official address of tei_all.rng, say) is read from that local copy instead."""
    refs: list[SchemaRef] = []
    warnings: list[Diagnostic] = []
    for pi in instructions:
        href = (pi.get("href") or "").strip()
        if not href:
            continue

        def warn(message: str) -> None:
            warnings.append(Diagnostic(path_of_document, message, Severity.WARNING, pi.sourceline, None,
                                       "validate", "xml-model-unavailable"))

        parsed = urlparse(href)
        if parsed.scheme and parsed.scheme != "file" and len(parsed.scheme) > 1:
            if tei_all is None or PurePosixPath(parsed.path).name != tei_all.name:
                warn(f"schema {href} from <?xml-model?> not used: teikit never fetches URLs "
                     "(pass --schema with a local copy)")
                continue
            path = tei_all
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
        from teikit.validate.rng.engine import JingEngine, RngEngine

        return JingEngine(ref.path) if rng_engine == "jing" else RngEngine(ref.path)
    from teikit.validate.schematron.engine import SchematronEngine

    if ref.kind == EMBEDDED:
        from teikit.validate.schematron.embedded import from_rng

        return SchematronEngine(from_rng(ref.path, phase), ref.path)
    from teikit.validate.schematron import schema

    return SchematronEngine(schema.load(ref.path, phase), ref.path)
