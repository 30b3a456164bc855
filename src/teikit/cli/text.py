"""``teikit text``: TEI to plain text (the reading text)."""

from teikit.cli.publishing import publish_command

text = publish_command(
    "text",
    "Publish TEI documents as plain text: the reading text, with the edited or the source "
    "reading, the edition's notes as endnotes, inline or omitted, a title block, wrapping.",
    epilog="Round trip: -p reading=sic -p notes=omit -p header=omit gives back the text teikit "
           "converted (teikit.reading.reading_text).",
)
