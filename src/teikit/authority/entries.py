"""Authority lists: TEI files holding ``listPerson``, ``listPlace`` and ``listOrg``.

A project keeps its persons, places and organisations as standard TEI entries: ``person``,
``place`` or ``org`` with an ``xml:id``, its name forms (``persName``/``placeName``/``orgName``,
the first being the preferred form), identifiers (``idno @type``: Wikidata, VIAF, GeoNames),
dates (``birth``/``death @when``), a location (``location/geo``) and a short ``note``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.errors import InputError
from teikit.model import EntryRef
from teikit.ns import TEI, XML_ID, local_name
from teikit.xmlio import parse_file

PERSON, PLACE, ORG = "person", "place", "org"
PROPOSED_FILE = "proposed.xml"  # a register's generated proposals (teikit.authority.register): never a list
# entry element -> (kind, its name element)
ENTRY_ELEMENTS = {"person": (PERSON, "persName"), "place": (PLACE, "placeName"), "org": (ORG, "orgName")}
NAME_ELEMENT = {kind: name for kind, name in ENTRY_ELEMENTS.values()}

# idno @type (lower-cased) -> URI of the thing identified, used for @sameAs
_URI_FORMS = {
    "wikidata": "http://www.wikidata.org/entity/{}",
    "geonames": "https://sws.geonames.org/{}/",
    "viaf": "http://viaf.org/viaf/{}",
}
# the order in which identifiers are preferred for @sameAs
_SAME_AS_ORDER = ("wikidata", "geonames", "viaf")


@dataclass(frozen=True)
class AuthorityEntry:
    """One person, place or organisation of a list (or of a gazetteer)."""

    id: str
    kind: str  # person | place | org
    names: tuple[str, ...]  # the first is the preferred form
    idnos: tuple[tuple[str, str], ...] = ()
    birth: str | None = None
    death: str | None = None
    note: str | None = None
    geo: str | None = None  # "lat long"
    source: Path | None = None  # the list file; None for gazetteer entries
    same_as: str | None = None  # an explicit @sameAs of the entry
    # gazetteer facts used to weigh a match (population, feature class); not written
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def preferred(self) -> str:
        return self.names[0]

    def uri(self) -> str | None:
        """The entry's identity on the web: its @sameAs, else its best identifier as a URI."""
        if self.same_as:
            return self.same_as
        by_type = {t.lower(): v for t, v in self.idnos}
        for kind in _SAME_AS_ORDER:
            if kind in by_type:
                value = by_type[kind]
                return value if value.startswith("http") else _URI_FORMS[kind].format(value)
        return None

    def ref(self) -> EntryRef | None:
        """Where the entry is (its list file and id); None for an entry of no list (a gazetteer's)."""
        return None if self.source is None else EntryRef(str(self.source.absolute()), self.id)


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _entry(element: etree._Element, kind: str, name_tag: str, source: Path) -> AuthorityEntry:
    entry_id = element.get(XML_ID)
    if not entry_id:
        raise InputError.at(str(source), f"<{local_name(element.tag)}> without xml:id: every entry needs one",
                            line=element.sourceline, engine="authority")
    names = [_text(n) for n in element.iter(f"{{{TEI}}}{name_tag}")]
    names = [n for n in dict.fromkeys(names) if n]
    if not names:
        raise InputError.at(str(source), f"entry '{entry_id}' has no <{name_tag}>", line=element.sourceline,
                            engine="authority")
    idnos = tuple((idno.get("type") or "", _text(idno)) for idno in element.findall(f"{{{TEI}}}idno")
                  if _text(idno))

    def when(tag: str) -> str | None:
        child = element.find(f"{{{TEI}}}{tag}")
        return None if child is None else child.get("when")  # ISO only: it becomes @when

    note = element.find(f"{{{TEI}}}note")
    geo = element.find(f"{{{TEI}}}location/{{{TEI}}}geo")
    return AuthorityEntry(entry_id, kind, tuple(names), idnos, when("birth"), when("death"),
                          _text(note) if note is not None else None,
                          _text(geo) if geo is not None else None, source, element.get("sameAs"))


def read_list(path: Path) -> list[AuthorityEntry]:
    """The entries of one TEI file, in document order."""
    root = parse_file(path).getroot()
    entries = []
    for element in root.iter(f"{{{TEI}}}person", f"{{{TEI}}}place", f"{{{TEI}}}org"):
        parent = element.getparent()
        if parent is None or local_name(parent.tag) not in ("listPerson", "listPlace", "listOrg"):
            continue  # e.g. a <place> nested for its own reasons: only list members are entries
        kind, name_tag = ENTRY_ELEMENTS[local_name(element.tag)]
        entries.append(_entry(element, kind, name_tag, path))
    if not entries:
        raise InputError.at(str(path), "no person, place or org entries in listPerson/listPlace/listOrg",
                            engine="authority")
    return entries


def is_register_file(path: Path) -> bool:
    """Whether a TEI file of an authority folder is an editors' list (not the generated proposals)."""
    return path.name != PROPOSED_FILE


def list_files(paths: list[Path]) -> list[Path]:
    """The TEI files named by ``paths`` (files, or folders searched for *.xml), in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():  # a register's generated proposed.xml is an output, never a list
            files += sorted(p for p in path.rglob("*.xml") if p.is_file() and is_register_file(p))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError.at(str(path), "authority list not found", engine="authority")
    return list(dict.fromkeys(files))
