"""The output formats teikit publishes to, and where their stylesheets are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from teikit.resources import data_dir

# The address a customisation imports teikit's stylesheets by, e.g.
# <xsl:import href="https://teikit.invalid/xslt/html/tei-to-html.xsl"/>. xslt/catalog.xml maps
# it to the installed stylesheets; the .invalid domain can never be fetched.
IMPORT_BASE = "https://teikit.invalid/xslt/"


@dataclass(frozen=True)
class Target:
    """One output format: its stylesheet (relative to xslt/), output suffix, and the files a
    page links to when it does not inline them (copied beside the outputs)."""

    name: str
    stylesheet: str
    suffix: str
    linked_assets: tuple[str, ...] = ()

    @property
    def stylesheet_path(self) -> Path:
        return data_dir("xslt") / self.stylesheet


TARGETS = {
    "html": Target("html", "html/tei-to-html.xsl", ".html", linked_assets=("html/tei.css",)),
    "text": Target("text", "text/tei-to-text.xsl", ".txt"),
}


def catalog_path() -> Path:
    return data_dir("xslt") / "catalog.xml"


def resolve_module(href: str, importer: Path) -> Path | None:
    """The file an xsl:include/xsl:import href names, or None for a URI teikit cannot map."""
    if href.startswith(IMPORT_BASE):
        return data_dir("xslt") / href[len(IMPORT_BASE):]
    if href.startswith("file://"):
        return Path(href[len("file://"):])
    if "://" in href:
        return None
    return (importer.parent / href).resolve()
