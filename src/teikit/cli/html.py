"""``teikit html``: TEI to standalone HTML5 pages."""

from teikit.cli.publishing import publish_command

html = publish_command(
    "html",
    "Publish TEI documents as standalone HTML5 pages: a title block, contents, the text, "
    "footnotes and an index of names.",
    epilog="Examples: teikit html tei/*.xml -o site/ ; teikit html doc.xml -p css=link -o doc.html",
)
