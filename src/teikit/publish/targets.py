"""The output formats teikit publishes to, and where their stylesheets are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from teikit.resources import data_dir


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
