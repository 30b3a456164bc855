"""What a name's review item says of its entry: where the entry comes from (an authority list, a
gazetteer, the text only) and the name's kind. Shared by the names pass, which makes the items
while converting, and ``teikit review``, which reads them back from TEI."""

from __future__ import annotations

NEW = "new"
LIST, GAZETTEER, TEXT_ONLY = "list entry", "gazetteer", "found in the text only"
_KIND_WORDS = {"persName": "a person", "placeName": "a place", "orgName": "an organisation", "rs": "a reference"}


def name_message(tag: str, source: str) -> str:
    """What a review item says of a name: its kind and where its entry comes from."""
    if tag == "rs":
        return "a generic plural of a person's name"
    return f"{_KIND_WORDS.get(tag, 'a name')} ({source})"
