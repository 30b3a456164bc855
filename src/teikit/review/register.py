"""The review loop over a project's register: what needs a decision, and the editors' verbs.

``teikit review`` with no INPUT, inside a project, lists the proposed entries of the register
(``authority/proposed.xml``, by their ``xml:id``) and the mentions the build was not sure of
(``DOC#xml:id``, from the project's TEI). ``--accept``, ``--reject``, ``--merge``, ``--link``
and ``--rename`` record a decision in the register's ``decisions.toml``
(``teikit.authority.decisions``); accepting an entry also copies it into the editors' list of
its kind, and linking or renaming an editor's entry changes that list. The next build applies
every decision to every document.
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from teikit.authority.decisions import MENTION_ID, Decisions, parse_link
from teikit.authority.entries import list_files
from teikit.authority.entries import PROPOSED_FILE
from teikit.authority.register import LIST_FILE, entry_elements, tei_lists
from teikit.errors import Diagnostic, UsageError
from teikit.model import HIGH
from teikit.ns import TEI, XML_ID, local_name
from teikit.project import Project
from teikit.xmlio import parse_file, write_atomic

NAME_TAGS = ("persName", "placeName", "orgName", "name")
LIST_OF = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
NAME_OF = {"person": "persName", "place": "placeName", "org": "orgName"}


def _plain(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _proposed(project: Project) -> dict[str, etree._Element]:
    path = project.register / PROPOSED_FILE
    return entry_elements([path]) if path.is_file() else {}


def _editors(project: Project) -> dict[str, tuple[etree._Element, Path]]:
    """xml:id -> (entry, its list file) of the editors' lists."""
    found = {}
    for path in list_files(list(project.authority)):
        for entry_id, element in entry_elements([path]).items():
            found.setdefault(entry_id, (element, path))
    return found


def pending(project: Project) -> list[dict]:
    """What needs a decision: proposed entries, and mentions whose @cert is not high."""
    decisions = Decisions.load(project.register)
    proposed = _proposed(project)
    surnames = _persons_by_surname({**{i: e for i, (e, _) in _editors(project).items()}, **proposed})
    rows = []
    for entry_id, element in sorted(proposed.items()):
        names = [_plain(n) for n in element if local_name(n.tag) in NAME_TAGS]
        row = {"file": str(project.register / PROPOSED_FILE), "category": "entry", "line": element.sourceline,
               "cert": element.get("cert"), "text": names[0] if names else "", "id": entry_id,
               "message": f"proposed {local_name(element.tag)}: accept, reject, merge, link or rename",
               "forms": "; ".join(names[1:])}
        others = surnames.get(names[0].casefold(), []) if local_name(element.tag) == "person" and names \
            and len(names[0].split()) == 1 else []
        if others:  # a surname alone the corpus could not settle: several persons have it
            row["category"] = "conflict"
            row["message"] = f"a surname alone, and {len(others)} persons have it: {', '.join(others)} " \
                             "(--merge ID INTO, or accept it as a person of its own)"
        rows.append(row)
    for path in sorted(project.tei.glob("*.xml")):
        try:
            root = parse_file(path).getroot()
        except Exception:  # noqa: BLE001 - a TEI that does not parse is the build's to report
            continue
        for element in root.iter(*(f"{{{TEI}}}{tag}" for tag in NAME_TAGS)):
            xml_id, cert = element.get(XML_ID), element.get("cert")
            match = MENTION_ID.search(xml_id or "")
            if not match or cert in (None, HIGH):
                continue
            if decisions.mention(path.stem, f"{match.group(1)}:{match.group(2)}", _plain(element)):
                continue
            rows.append({"file": str(path), "category": "mention", "line": element.sourceline, "cert": cert,
                         "text": _plain(element), "id": f"{path.stem}#{xml_id}",
                         "message": f"<{local_name(element.tag)}> {element.get('ref', '')}: accept, reject or merge"})
    return rows


def _persons_by_surname(entries: dict[str, etree._Element]) -> dict[str, list[str]]:
    """Surname (case-folded) -> the ids of persons named in full with it."""
    found: dict[str, list[str]] = {}
    for entry_id, element in sorted(entries.items()):
        if local_name(element.tag) != "person":
            continue
        for name in element.iterfind(f"{{{TEI}}}persName"):
            words = _plain(name).split()
            if len(words) > 1 and entry_id not in found.get(words[-1].casefold(), []):
                found.setdefault(words[-1].casefold(), []).append(entry_id)
    return found


# -- verbs ----------------------------------------------------------------------------------------------

def _about(project: Project, handle: str, option: str) -> dict:
    """What a decision is about: {'id': ...} for an entry, {'document', 'offset', 'form'} for a mention."""
    if "#" in handle:
        document, _, xml_id = handle.partition("#")
        match = MENTION_ID.search(xml_id)
        tei = project.tei / f"{document}.xml"
        if not match or not tei.is_file():
            raise UsageError(Diagnostic(option, f"'{handle}' is not a mention teikit review listed (DOC#ID)"))
        found = parse_file(tei).getroot().xpath("//*[@xml:id=$id]", id=xml_id)
        if not found:
            raise UsageError(Diagnostic(str(tei), f"no mention with xml:id '{xml_id}'"))
        return {"document": document, "offset": f"{match.group(1)}:{match.group(2)}", "form": _plain(found[0])}
    if handle not in _proposed(project) and handle not in _editors(project):
        raise UsageError(Diagnostic(option, f"'{handle}' is no entry of the register or of {PROPOSED_FILE}"))
    return {"id": handle}


def _entry_id(project: Project, handle: str, option: str) -> str:
    if "#" in handle:
        raise UsageError(Diagnostic(option, f"'{handle}' is a mention: give an entry's xml:id"))
    return _about(project, handle, option)["id"]


def decide(project: Project, verb: str, handle: str, value: str | None = None) -> str:
    """Record one decision; what was done, in a line for the editor."""
    option = f"--{verb}"
    about = _about(project, handle, option)
    decision = {"verb": verb, **about}
    editors = _editors(project)
    if verb == "merge":
        decision["into"] = _entry_id(project, value or "", option)
    elif verb == "link":
        kind, number = parse_link(value or "")
        decision["link"] = f"{kind.lower()}:{number}"
        if about.get("id") in editors:
            _edit(editors[about["id"]], lambda e: _add_idno(e, kind, number))
    elif verb == "rename":
        if not value or not value.strip():
            raise UsageError(Diagnostic(option, "give the new name"))
        decision["name"] = " ".join(value.split())
        if about.get("id") in editors:
            _edit(editors[about["id"]], lambda e: _rename(e, decision["name"]))
    elif verb == "accept" and "id" in about and about["id"] not in editors:
        _adopt(project, _proposed(project)[about["id"]], Decisions.load(project.register))
    project.register.mkdir(parents=True, exist_ok=True)
    Decisions.load(project.register).append(project.register, decision)
    return f"{handle}: {verb}" + (f" {value}" if value else "") + f" (recorded in {project.register.name}/decisions.toml)"


def _edit(found: tuple[etree._Element, Path], change) -> None:
    element, path = found
    tree = parse_file(path)
    target = tree.getroot().xpath("//*[@xml:id=$id]", id=element.get(XML_ID))[0]
    change(target)
    write_atomic(path, etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n")


def _add_idno(element: etree._Element, kind: str, number: str) -> None:
    if any(i.get("type") == kind and _plain(i) == number for i in element.iterfind(f"{{{TEI}}}idno")):
        return
    idno = etree.Element(f"{{{TEI}}}idno", type=kind)
    idno.text = number
    names = [c for c in element if local_name(c.tag) in NAME_TAGS]
    (names[-1].addnext(idno) if names else element.insert(0, idno))


def _rename(element: etree._Element, name: str) -> None:
    kind = local_name(element.tag)
    for old in [c for c in element if local_name(c.tag) == NAME_OF.get(kind) and _plain(c) == name]:
        element.remove(old)
    new = etree.Element(f"{{{TEI}}}{NAME_OF.get(kind, 'name')}")
    new.text = name
    element.insert(0, new)


def _adopt(project: Project, proposed: etree._Element, decisions: Decisions) -> None:
    """A proposed entry into the editors' list of its kind (made when missing), with the decisions
    already taken on it; an editor's entry carries no @cert."""
    entry = copy.deepcopy(proposed)
    entry.attrib.pop("cert", None)
    entry_id, kind = entry.get(XML_ID), local_name(entry.tag)
    if decisions.name(entry_id):
        _rename(entry, decisions.name(entry_id))
    for link_kind, number in decisions.links(entry_id):
        _add_idno(entry, link_kind, number)
    for note in entry.iterfind(f"{{{TEI}}}note"):
        if _plain(note).startswith("Recognised in the text"):
            entry.remove(note)
    path = project.register / LIST_FILE[kind]
    if path.is_file():
        tree = parse_file(path)
        lists = tree.getroot().xpath(f"//*[local-name()='{LIST_OF[kind]}']")
        if lists:
            lists[0].append(entry)
            etree.indent(lists[0], space=" ", level=2)
            write_atomic(path, etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n")
            return
        raise UsageError(Diagnostic(str(path), f"has no {LIST_OF[kind]} to add '{entry_id}' to"))
    write_atomic(path, tei_lists({LIST_OF[kind]: [entry]}, f"The register: {LIST_FILE[kind][:-4]}"))
