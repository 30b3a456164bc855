"""The editors' review decisions: ``decisions.toml`` in the register's folder.

One ``[[decision]]`` table per decision, in the order they were made (a later decision on the
same thing wins). ``teikit review --accept/--reject/--merge/--link/--rename`` appends them; an
editor may write or remove them by hand too. Each names what it is about:

- an entry, by its ``xml:id`` (``id = "pers-tarov"``): an editor's entry or a proposed one;
- a mention, by ``document`` (the text's name), ``offset`` (``"LINE:COLUMN"`` in the text: the
  line of the input and the column in that line of the reading) and ``form`` (the words as
  written). Shown to the editor as ``DOC#ID``, the mention's ``xml:id`` in the TEI
  (``PREFIX-mLINE.COLUMN``). The key is the text's, not the converter's: a decision holds
  whatever rules or weights change, and is dropped only when the text itself changes there.

Verbs: ``accept`` (an entry: adopted into the editors' lists; a mention: it is right),
``reject`` (not a name, or not this entity: never tagged again), ``merge`` (``into = ID``: the
same as that entry), ``link`` (``link = "wikidata:Q123"``: an authority id), ``rename``
(``name = "..."``: the preferred name; the id stays).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from teikit.authority.register import DECISIONS_FILE
from teikit.errors import Diagnostic, InputError, UsageError

VERBS = ("accept", "reject", "merge", "link", "rename")
MENTION_ID = re.compile(r"-m(\d+)\.(\d+)$")
AUTHORITIES = {"wikidata": "Wikidata", "viaf": "VIAF", "geonames": "GeoNames", "gnd": "GND"}
_LINK = re.compile(r"^(wikidata|viaf|geonames|gnd):(\S+)$", re.IGNORECASE)
HEADER = ("# teikit review decisions (docs/names-places-dates.md, \"The review loop\"): one [[decision]] a\n"
          "# decision, the later winning; written by `teikit review --accept/--reject/--merge/--link/--rename`.\n")

MentionKey = tuple[str, str, str]  # document, "LINE:COLUMN", form


def mention_xml_id(prefix: str, line: int, column: int) -> str:
    """The xml:id of a name mention in a document whose ids start with ``prefix``."""
    return f"{prefix}-m{line}.{column}"


def parse_link(value: str) -> tuple[str, str]:
    """'wikidata:Q123' -> ('Wikidata', 'Q123'); a usage error for anything else."""
    match = _LINK.match(value.strip())
    if not match:
        raise UsageError(Diagnostic("--link", f"'{value}' is not an authority id: give wikidata:Q…, viaf:…, "
                                              "geonames:… or gnd:…"))
    return AUTHORITIES[match.group(1).lower()], match.group(2)


@dataclass
class Decisions:
    """Every decision of a register, as what the build applies."""

    items: list[dict] = field(default_factory=list)

    # -- what they mean ------------------------------------------------------------------------------

    def _entries(self, verb: str) -> list[dict]:
        return [d for d in self.items if d.get("verb") == verb and "id" in d]

    def _mentions(self, verb: str, document: str) -> dict[MentionKey, dict]:
        return {(d["document"], d["offset"], d["form"]): d for d in self.items
                if d.get("verb") == verb and d.get("document") == document and "offset" in d and "form" in d}

    @property
    def rejected(self) -> set[str]:
        return {d["id"] for d in self._entries("reject")}

    @property
    def accepted(self) -> set[str]:
        return {d["id"] for d in self._entries("accept")}

    def merged(self, entry_id: str) -> str:
        """Where an entry went by merges (itself when it was not merged), following chains."""
        into = {d["id"]: d["into"] for d in self._entries("merge") if d.get("into")}
        seen = {entry_id}
        while entry_id in into and into[entry_id] not in seen:
            entry_id = into[entry_id]
            seen.add(entry_id)
        return entry_id

    def links(self, entry_id: str) -> list[tuple[str, str]]:
        found = []
        for d in self._entries("link"):
            if d["id"] == entry_id and d.get("link"):
                pair = parse_link(d["link"])
                if pair not in found:
                    found.append(pair)
        return found

    def name(self, entry_id: str) -> str | None:
        names = [d["name"] for d in self._entries("rename") if d["id"] == entry_id and d.get("name")]
        return names[-1] if names else None

    def mention(self, document: str, offset: str, form: str) -> dict | None:
        """The last decision on one mention, if any."""
        found = None
        for d in self.items:
            if (d.get("document"), d.get("offset"), d.get("form")) == (document, offset, form):
                found = d
        return found

    def about_mentions(self, document: str) -> bool:
        return any(d.get("document") == document for d in self.items)

    # -- the file ------------------------------------------------------------------------------------

    @classmethod
    def load(cls, folder: Path | None) -> "Decisions":
        """The decisions of the register at ``folder`` (none when it has no decisions file)."""
        if folder is None:
            return cls()
        path = folder / DECISIONS_FILE
        if not path.is_file():
            return cls()
        from teikit.config import tomllib

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError.at(str(path), f"not a decisions file: {exc}", engine="authority") from None
        items = data.get("decision", [])
        if not isinstance(items, list) or not all(isinstance(d, dict) and d.get("verb") in VERBS for d in items):
            raise InputError.at(str(path), f"each [[decision]] needs a verb: {', '.join(VERBS)}", engine="authority")
        return cls([{k: str(v) for k, v in d.items()} for d in items])

    def append(self, folder: Path, decision: dict) -> None:
        """Record one more decision (the file rewritten atomically, earlier ones kept as they are)."""
        from teikit.xmlio import write_atomic

        path = folder / DECISIONS_FILE
        old = path.read_text(encoding="utf-8") if path.is_file() else HEADER
        lines = ["", "[[decision]]"] + [f"{key} = {json.dumps(value, ensure_ascii=False)}"
                                        for key, value in decision.items()]
        write_atomic(path, old.rstrip("\n") + "\n" + "\n".join(lines) + "\n")
        self.items.append(dict(decision))
