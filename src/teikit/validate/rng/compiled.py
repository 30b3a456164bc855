"""From a simplified grammar to the patterns the matcher walks (and back, for the cache).

:func:`compile_grammar` builds the hash-consed patterns of a :class:`~.schema.Simplified`
grammar: one pattern per distinct node, one element pattern per element definition, name
classes shared. :func:`flatten` and :func:`unflatten` turn a grammar into plain lists of
numbers and strings and back, which is what the on-disk cache keeps (a JSON document, so a
cache file is data, never code).
"""

from __future__ import annotations

from teikit.validate.rng import names
from teikit.validate.rng.datatypes import datatype, regexes, remember_regexes
from teikit.validate.rng.matcher import Schema
from teikit.validate.rng.patterns import Builder, Pattern
from teikit.validate.rng.schema import Simplified


class _Compiler:
    def __init__(self, grammar: Simplified):
        self.grammar = grammar
        self.builder = Builder()
        self._nc: dict[tuple, names.NameClass] = {}
        self._memo: dict[int, Pattern] = {}
        self.elements = [self.builder.element(self.nameclass(nc)) for nc, _ in grammar.elements]

    def nameclass(self, nc: tuple) -> names.NameClass:
        found = self._nc.get(nc)
        if found is None:
            kind = nc[0]
            if kind == "name":
                found = names.NameClass(names.NAME, nc[1], nc[2])
            elif kind == "anyName":
                found = names.NameClass(names.ANY_NAME, exception=None if nc[1] is None else self.nameclass(nc[1]))
            elif kind == "nsName":
                found = names.NameClass(names.NS_NAME, nc[1],
                                        exception=None if nc[2] is None else self.nameclass(nc[2]))
            else:
                found = names.NameClass(names.CHOICE, a=self.nameclass(nc[1]), b=self.nameclass(nc[2]))
            self._nc[nc] = found
        return found

    def pattern(self, node: tuple) -> Pattern:
        key = id(node)
        found = self._memo.get(key)
        if found is not None:
            return found
        b = self.builder
        kind = node[0]
        if kind == "ref":
            found = self.elements[node[1]]
        elif kind == "choice":
            found = b.choice(self.pattern(node[1]), self.pattern(node[2]))
        elif kind == "group":
            found = b.group(self.pattern(node[1]), self.pattern(node[2]))
        elif kind == "interleave":
            found = b.interleave(self.pattern(node[1]), self.pattern(node[2]))
        elif kind == "oneOrMore":
            found = b.one_or_more(self.pattern(node[1]))
        elif kind == "list":
            found = b.list_of(self.pattern(node[1]))
        elif kind == "attribute":
            found = b.attribute(self.nameclass(node[1]), self.pattern(node[2]))
        elif kind == "data":
            found = b.data(node[1], None if node[2] is None else self.pattern(node[2]))
        elif kind == "value":
            found = b.value(node[1], node[2], node[3])
        elif kind == "empty":
            found = b.empty
        elif kind == "text":
            found = b.text
        else:
            found = b.not_allowed
        self._memo[key] = found
        return found

    def run(self) -> Schema:
        for element, (_, content) in zip(self.elements, self.grammar.elements):
            element.b = self.pattern(content)
        return Schema(self.builder, self.pattern(self.grammar.start), self.elements)


def compile_grammar(grammar: Simplified) -> Schema:
    return _Compiler(grammar).run()


# -- the cache's form ----------------------------------------------------------------------------------------

def flatten(grammar: Simplified) -> dict:
    """The grammar as JSON-able lists: nodes and name classes numbered, shared nodes once."""
    nodes: list = []
    classes: list = []
    node_ids: dict[int, int] = {}
    class_ids: dict[tuple, int] = {}

    def nc_id(nc: tuple) -> int:
        found = class_ids.get(nc)
        if found is None:
            kind = nc[0]
            if kind == "name":
                entry = ["name", nc[1], nc[2]]
            elif kind == "anyName":
                entry = ["anyName", None if nc[1] is None else nc_id(nc[1])]
            elif kind == "nsName":
                entry = ["nsName", nc[1], None if nc[2] is None else nc_id(nc[2])]
            else:
                entry = ["choice", nc_id(nc[1]), nc_id(nc[2])]
            found = class_ids[nc] = len(classes)
            classes.append(entry)
        return found

    def node_id(node: tuple) -> int:
        found = node_ids.get(id(node))
        if found is not None:
            return found
        kind = node[0]
        if kind in ("choice", "group", "interleave"):
            entry = [kind, node_id(node[1]), node_id(node[2])]
        elif kind in ("oneOrMore", "list"):
            entry = [kind, node_id(node[1])]
        elif kind == "attribute":
            entry = [kind, nc_id(node[1]), node_id(node[2])]
        elif kind == "ref":
            entry = [kind, node[1]]
        elif kind == "data":
            dt = node[1]
            entry = [kind, dt.library, dt.name, [list(p) for p in dt.params],
                     None if node[2] is None else node_id(node[2])]
        elif kind == "value":
            dt = node[1]
            entry = [kind, dt.library, dt.name, node[3], node[4] if len(node) > 4 else None]
        else:
            entry = [kind]
        found = node_ids[id(node)] = len(nodes)
        nodes.append(entry)
        return found

    start = node_id(grammar.start)
    elements = [[nc_id(nc), node_id(content)] for nc, content in grammar.elements]
    sources = {value for entry in nodes if entry[0] == "data" for name, value in entry[3] if name == "pattern"}
    return {"nodes": nodes, "classes": classes, "start": start, "elements": elements,
            "where": [list(w) for w in grammar.where], "files": grammar.files, "regexes": regexes(sources)}


def unflatten(data: dict) -> Simplified:
    remember_regexes(data.get("regexes") or {})
    classes: list[tuple] = []
    for entry in data["classes"]:
        kind = entry[0]
        if kind == "name":
            classes.append(("name", entry[1], entry[2]))
        elif kind == "anyName":
            classes.append(("anyName", None if entry[1] is None else classes[entry[1]]))
        elif kind == "nsName":
            classes.append(("nsName", entry[1], None if entry[2] is None else classes[entry[2]]))
        else:
            classes.append(("choice", classes[entry[1]], classes[entry[2]]))
    nodes: list[tuple] = []
    for entry in data["nodes"]:
        kind = entry[0]
        if kind in ("choice", "group", "interleave"):
            node = (kind, nodes[entry[1]], nodes[entry[2]])
        elif kind in ("oneOrMore", "list"):
            node = (kind, nodes[entry[1]])
        elif kind == "attribute":
            node = (kind, classes[entry[1]], nodes[entry[2]])
        elif kind == "ref":
            node = (kind, entry[1])
        elif kind == "data":
            dt = datatype(entry[1], entry[2], tuple(tuple(p) for p in entry[3]))
            node = (kind, dt, None if entry[4] is None else nodes[entry[4]])
        elif kind == "value":
            dt = datatype(entry[1], entry[2])
            context = _StoredContext(entry[4])
            node = (kind, dt, dt.value_of(entry[3], context), entry[3], entry[4])
        else:
            node = (kind,)
        nodes.append(node)
    elements = [(classes[nc], nodes[content]) for nc, content in data["elements"]]
    return Simplified(nodes[data["start"]], elements, data["files"], [tuple(w) for w in data["where"]])


class _StoredContext:
    """A value's namespace context, as stored: {prefix or "": namespace}."""

    def __init__(self, nsmap: dict | None):
        self.nsmap = nsmap or {}
        self.unparsed_entities = ()

    def resolve(self, prefix: str) -> str | None:
        if prefix == "xml":
            return "http://www.w3.org/XML/1998/namespace"
        return self.nsmap.get(prefix or "")
