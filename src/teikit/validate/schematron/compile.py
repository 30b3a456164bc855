"""Compile a normalised Schematron schema (see :mod:`.schema`) into one XSLT 3.0 stylesheet.

The stylesheet walks the document once. Every rule is a template in one mode, with priorities
falling in document order; each rule template does its checks and then ``xsl:next-match``es,
passing on the patterns that already fired for the node, so that (as Schematron requires) only
the first matching rule of each pattern fires while every pattern sees every node. Results
are collected and written per pattern, in SVRL (ISO/IEC 19757-3 annex D).

A dynamic error in a rule (say a failed cast) is caught there and reported as a failed
assertion with id ``teikit-evaluation-error``; the other rules still run. With the ``xslt``
(1.0) query binding the rule expressions run in XPath 1.0 compatibility mode.
"""

from __future__ import annotations

from lxml import etree

from teikit.ns import SVRL, XS, XSL
from teikit.validate.errors import SchemaError
from teikit.validate.schematron.schema import Schema, _is

TEIKIT = "urn:x-teikit:schematron"
EVALUATION_ERROR = "teikit-evaluation-error"
MODE = "teikit:check"
DONE = "teikit:done"

_OWN_PREFIXES = {"xsl": XSL, "xs": XS, "svrl": SVRL, "teikit": TEIKIT}
_ERR = "http://www.w3.org/2005/xqt-errors"
_SINGULAR = {"diagnostics": "diagnostic", "properties": "property"}
# top-level XSLT declarations a Schematron schema may carry (xslt2/3 bindings)
_COPIED_DECLARATIONS = {"key", "function", "variable", "param", "output", "character-map"}


def _x(local: str) -> str:
    return f"{{{XSL}}}{local}"


def _svrl(local: str) -> str:
    return f"{{{SVRL}}}{local}"


def _literal(value: str) -> str:
    """A static value for an attribute of a literal result element (an AVT): escape braces."""
    return value.replace("{", "{{").replace("}", "}}")


class _Compiler:
    def __init__(self, schema: Schema, fired_rules: bool):
        self.schema = schema
        self.fired_rules = fired_rules
        self.compat = schema.xslt_version == "1.0"
        for prefix, uri in schema.namespaces.items():
            if prefix in _OWN_PREFIXES and _OWN_PREFIXES[prefix] != uri:
                raise SchemaError.at(schema.file, f"namespace prefix '{prefix}' is reserved by the Schematron "
                                                  f"compiler for {_OWN_PREFIXES[prefix]}", engine="schematron")
        self.nsmap = {**schema.namespaces, **_OWN_PREFIXES}
        self.global_lets = self._global_pattern_lets()

    # -- helpers ------------------------------------------------------------------------------------
    def _scoped_nsmap(self, el: etree._Element) -> dict:
        """Namespaces in scope on a Schematron element, usable by its expressions too."""
        extra = {p: u for p, u in el.nsmap.items() if p not in (None, "err") and p not in self.nsmap}
        return extra

    def _version(self, el: etree._Element) -> etree._Element:
        if self.compat:
            el.set("version", "1.0")
        return el

    def _global_pattern_lets(self) -> set[str]:
        """Pattern-level lets whose names are unique become global variables (evaluated once).
        Kept by name: an lxml element's id() is not stable (its proxy may be freed and remade)."""
        counts: dict[str, int] = {}
        lets = [let for p in self.schema.patterns for let in p if _is(let, "let")]
        for let in lets + self.schema.lets + self.schema.phase_lets:
            counts[let.get("name")] = counts.get(let.get("name"), 0) + 1
        return {let.get("name") for let in lets if counts[let.get("name")] == 1}

    def _let(self, parent: etree._Element, let: etree._Element, kind: str = "variable",
             from_root: bool = False) -> None:
        var = self._version(etree.SubElement(parent, _x(kind), name=let.get("name")))
        if let.get("as"):
            var.set("as", let.get("as"))
        value = let.get("value")
        if value is None:  # the let's content is the value
            for child in let:
                var.append(_copy_content(child))
            if not len(let):
                etree.SubElement(var, _x("text")).text = let.text or ""
        elif from_root:
            if not let.get("as"):
                var.set("as", "item()*")
            each = etree.SubElement(var, _x("for-each"), select="root(.)")
            etree.SubElement(each, _x("sequence"), select=value)
        else:
            var.set("select", value)

    def _text(self, parent: etree._Element, content: etree._Element) -> None:
        """The message content of an assertion or diagnostic as XSLT that writes its text."""
        if content.text:
            etree.SubElement(parent, _x("text")).text = content.text
        for child in content:
            if not isinstance(child.tag, str):
                pass
            elif _is(child, "value-of"):
                etree.SubElement(parent, _x("value-of"), select=child.get("select", "."))
            elif _is(child, "name"):
                etree.SubElement(parent, _x("value-of"), select=f"name({child.get('path') or '.'})")
            else:  # emph, dir, span, foreign markup: their text
                self._text(parent, child)
            if child.tail:
                etree.SubElement(parent, _x("text")).text = child.tail

    def _referenced(self, check: etree._Element, attribute: str, table: dict[str, etree._Element]):
        """(id, element) for each id in an assertion's ``diagnostics`` or ``properties``."""
        for ref in (check.get(attribute) or "").split():
            if ref not in table:
                raise SchemaError.at(self.schema.file, f"assertion refers to unknown {_SINGULAR[attribute]} '{ref}'",
                                     engine="schematron")
            yield ref, table[ref]

    # -- rules --------------------------------------------------------------------------------------
    def _check(self, parent: etree._Element, check: etree._Element, rule: etree._Element) -> None:
        test = check.get("test", "false()")
        if _is(check, "assert"):
            choose = etree.SubElement(parent, _x("choose"))
            etree.SubElement(choose, _x("when"), test=test)
            body = etree.SubElement(choose, _x("otherwise"))
            out = etree.SubElement(body, _svrl("failed-assert"))
        else:
            body = etree.SubElement(parent, _x("if"), test=test)
            out = etree.SubElement(body, _svrl("successful-report"))
        out.set("test", _literal(test))
        for attr in ("id", "role", "flag", "see", "icon", "fpi"):
            if check.get(attr):
                out.set(attr, _literal(check.get(attr)))
        subject = check.get("subject") or rule.get("subject")
        where = f"path((({subject}), .)[1])" if subject else "path(.)"
        etree.SubElement(out, _x("attribute"), name="location", select=where)
        for ref, diagnostic in self._referenced(check, "diagnostics", self.schema.diagnostics):
            dref = etree.SubElement(out, _svrl("diagnostic-reference"), diagnostic=_literal(ref))
            self._text(dref, diagnostic)
        for ref, prop in self._referenced(check, "properties", self.schema.properties):
            pref = etree.SubElement(out, _svrl("property-reference"), property=_literal(ref))
            for attr in ("role", "scheme"):
                if prop.get(attr):
                    pref.set(attr, _literal(prop.get(attr)))
            self._text(etree.SubElement(pref, _svrl("text")), prop)
        self._text(etree.SubElement(out, _svrl("text")), check)

    def _rule(self, stylesheet: etree._Element, index: int, pattern: etree._Element,
              rule: etree._Element, priority: int) -> None:
        context = rule.get("context")
        if not context:
            raise SchemaError.at(self.schema.file, f"rule without context (line {rule.sourceline})",
                                 engine="schematron")
        template = etree.SubElement(stylesheet, _x("template"), match=context, mode=MODE,
                                    priority=str(priority), nsmap={**self._scoped_nsmap(rule), "err": _ERR})
        template.set("exclude-result-prefixes", "#all")
        self._version(template)
        etree.SubElement(template, _x("param"), {"name": DONE, "as": "xs:integer*", "select": "()"})
        choose = etree.SubElement(template, _x("choose"))
        skip = etree.SubElement(choose, _x("when"), test=f"${DONE} = {index}")
        etree.SubElement(etree.SubElement(skip, _x("next-match")), _x("with-param"),
                         name=DONE, select=f"${DONE}")
        run = etree.SubElement(choose, _x("otherwise"))
        results = etree.SubElement(run, _x("variable"), {"name": "teikit:out", "as": "element()*"})
        if self.fired_rules:
            fired = etree.SubElement(results, _svrl("fired-rule"), context=_literal(context))
            for attr in ("id", "role", "flag"):
                if rule.get(attr):
                    fired.set(attr, _literal(rule.get(attr)))
        attempt = etree.SubElement(results, _x("try"))
        for let in pattern:
            if _is(let, "let") and let.get("name") not in self.global_lets:
                self._let(attempt, let, from_root=True)
        for child in rule:
            if _is(child, "let"):
                self._let(attempt, child)
            elif _is(child, "assert") or _is(child, "report"):
                self._check(attempt, child, rule)
        catch = etree.SubElement(attempt, _x("catch"))
        failed = etree.SubElement(catch, _svrl("failed-assert"), test=_literal(context),
                                  id=EVALUATION_ERROR, role="error")
        etree.SubElement(failed, _x("attribute"), name="location", select="path(.)")
        message = etree.SubElement(failed, _svrl("text"))
        etree.SubElement(message, _x("value-of"),
                         select="'rule evaluation failed: ' || $err:description || ' (XPath error '"
                                "|| local-name-from-QName($err:code) || ')'")
        emit = etree.SubElement(run, _x("if"), test="exists($teikit:out)")
        wrapper = etree.SubElement(emit, f"{{{TEIKIT}}}r", p=str(index))
        etree.SubElement(wrapper, _x("sequence"), select="$teikit:out")
        etree.SubElement(etree.SubElement(run, _x("next-match")), _x("with-param"),
                         name=DONE, select=f"(${DONE}, {index})")

    # -- the stylesheet -----------------------------------------------------------------------------
    def stylesheet(self) -> etree._Element:
        schema = self.schema
        ss = etree.Element(_x("stylesheet"), nsmap=self.nsmap, version="3.0")
        ss.set("exclude-result-prefixes", "#all")
        etree.SubElement(ss, _x("output"), method="xml", indent="no", encoding="UTF-8")
        for child in schema.root:
            if isinstance(child.tag, str) and child.tag.startswith(f"{{{XSL}}}"):
                local = etree.QName(child).localname
                if local not in _COPIED_DECLARATIONS:
                    raise SchemaError.at(schema.file, f"xsl:{local} is not supported in a Schematron schema "
                                                      "(teikit reads no other files)", engine="schematron")
                ss.append(_copy_content(child))
        for let in schema.lets:
            self._let(ss, let, kind="param")
        for let in schema.phase_lets:
            self._let(ss, let)
        for pattern in schema.patterns:
            for let in pattern:
                if _is(let, "let") and let.get("name") in self.global_lets:
                    self._let(ss, let)

        root = etree.SubElement(ss, _x("template"), match="/")
        output = etree.SubElement(root, _svrl("schematron-output"))
        for attr, value in (("title", schema.title), ("phase", schema.phase),
                            ("schemaVersion", schema.root.get("schemaVersion"))):
            if value:
                output.set(attr, _literal(value))
        for prefix, uri in schema.namespaces.items():
            etree.SubElement(output, _svrl("ns-prefix-in-attribute-values"), prefix=prefix, uri=uri)
        results = etree.SubElement(output, _x("variable"), {"name": "teikit:results", "as": "element()*"})
        etree.SubElement(results, _x("apply-templates"), select=".", mode=MODE)

        rules = [(i, p, r) for i, p in enumerate(schema.patterns) for r in p if _is(r, "rule")]
        priority = len(rules)
        for index, pattern in enumerate(schema.patterns):
            active = etree.SubElement(output, _svrl("active-pattern"))
            for attr in ("id", "name", "role"):
                if pattern.get(attr):
                    active.set(attr, _literal(pattern.get(attr)))
            etree.SubElement(output, _x("copy-of"), {"select": f"$teikit:results[@p = '{index}']/*",
                                                      "copy-namespaces": "no"})
        for index, pattern, rule in rules:
            self._rule(ss, index, pattern, rule, priority)
            priority -= 1

        walk = etree.SubElement(ss, _x("template"), match="/ | @* | node()", mode=MODE, priority="-1")
        etree.SubElement(walk, _x("apply-templates"), select="@* | node()", mode=MODE)
        return ss


def _copy_content(el: etree._Element) -> etree._Element:
    copy = etree.fromstring(etree.tostring(el))
    copy.tail = None
    return copy


def compile_stylesheet(schema: Schema, fired_rules: bool = False) -> str:
    """The XSLT 3.0 stylesheet (as text) that checks documents against ``schema`` and writes SVRL."""
    return etree.tostring(_Compiler(schema, fired_rules).stylesheet(), encoding="unicode")
