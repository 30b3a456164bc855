"""teikit's own development set: annotated TEI, the plain text teikit reads, and a scorer.

    python bench/devset.py excerpt ELTEC.xml --name NAME --first-div 3 --min-words 9000
    python bench/devset.py text bench/devset/NAME.xml            # the plain reading text
    python bench/devset.py check                                 # every NAME.xml against NAME.txt
    python bench/devset.py score [NAME...] [--json OUT.json]     # teikit against the annotations

Each text of ``bench/devset/`` is a pair: ``NAME.xml``, TEI whose ``<body>`` carries the
annotation (``persName``, ``placeName``, ``orgName``; ``said``, ``quote``, ``soCalled``, ``q``),
and ``NAME.txt``, the plain text teikit converts. The plain text is the reading text of the
body: every block (``head``, ``p``, a verse group, a letter's ``opener``/``closer`` lines ...) is
separated from the next by a blank line, the lines of verse by a line break, and white space
inside a block is collapsed. ``check`` proves that the annotation changed no character.

The annotations were made by reading the texts, before teikit was run on them; see
``bench/devset/README.md``. Scoring follows the measure of the project's external evaluation
(overlap and exact matches, one to one, per element; names scored only where they look like
proper names), written here from that description, not copied.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
DEVSET = HERE / "devset"
TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"

# Elements that are blocks of their own in the reading text (separated by a blank line).
BLOCKS = frozenset({"head", "p", "lg", "opener", "closer", "dateline", "salute", "signed", "byline", "trailer",
                    "postscript", "label", "item", "sp", "speaker", "stage", "epigraph", "argument", "docAuthor",
                    "docDate", "titlePart", "ab"})
# Lines inside a block (separated by a line break).
LINES = frozenset({"l", "addrLine"})
# Never part of the reading text.
DROPPED = frozenset({"note", "pb", "lb", "milestone", "fw", "gap", "figDesc", "interp"})
NAME_TYPES = ("persName", "placeName", "orgName")
QUOTE_TYPES = ("said", "quote", "soCalled", "q")
SCORED = NAME_TYPES + QUOTE_TYPES


@dataclass
class Span:
    tag: str
    start: int  # offsets in the reading text
    end: int
    text: str


@dataclass
class Reading:
    text: str
    spans: list[Span] = field(default_factory=list)


class _Writer:
    """Builds the reading text: blocks, lines, collapsed white space, spans by offset."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.length = 0
        self.pending = ""  # a separator waiting for the next character
        self.started = False

    def separate(self, sep: str) -> None:
        """A line or block break before the next character (the stronger one wins)."""
        if self.started and sep.count("\n") > self.pending.count("\n"):
            self.pending = sep

    def text(self, chunk: str | None) -> None:
        for char in chunk or "":
            if char.isspace():
                if self.started and not self.pending:
                    self.pending = " "
                continue
            if self.pending:
                self.out.append(self.pending)
                self.length += len(self.pending)
                self.pending = ""
            self.out.append(char)
            self.length += 1
            self.started = True

    def offset(self) -> int:
        """Where the next character will be (a pending space or break belongs before it)."""
        return self.length + len(self.pending)


def _local(tag) -> str | None:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else None


def read_body(body: etree._Element) -> Reading:
    """The reading text of a TEI ``body`` (or any element) and its scored spans."""
    writer = _Writer()
    spans: list[Span] = []

    def walk(element: etree._Element) -> None:
        name = _local(element.tag)
        if name is None or name in DROPPED:
            writer.text(element.tail)
            return
        if name in BLOCKS:
            writer.separate("\n\n")
        elif name in LINES:
            writer.separate("\n")
        start = None
        if name in SCORED or name == "head":
            start = writer.offset()
        writer.text(element.text)
        for child in element:
            walk(child)
        if start is not None:
            end = writer.length
            start = min(start, end)
            spans.append(Span(name, start, end, ""))
        if name in BLOCKS:
            writer.separate("\n\n")
        writer.text(element.tail)

    walk(body)
    text = "".join(writer.out)
    for span in spans:
        # a span opened before a pending separator starts after it
        while span.start < span.end and text[span.start].isspace():
            span.start += 1
        span.text = text[span.start:span.end]
    return Reading(text + "\n", [s for s in spans if s.end > s.start])


def read_tei(path: Path) -> Reading:
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    body = root.find(f".//{T}body")
    if body is None:
        raise SystemExit(f"{path}: error: no <body>")
    return read_body(body)


# -- making a text from an ELTeC novel ------------------------------------------------------

def excerpt(eltec: Path, name: str, first_div: int, min_words: int, out_dir: Path) -> None:
    """``NAME.txt`` and a TEI skeleton ``NAME.xml`` from whole chapters of an ELTeC novel,
    starting at chapter ``first_div`` (1-based), until ``min_words`` words are taken."""
    tree = etree.parse(str(eltec))
    root = tree.getroot()
    chapters = [d for d in root.iter(f"{T}div") if not d.findall(f"{T}div")
                and d.xpath("ancestor::t:body", namespaces={"t": TEI_NS})]
    taken, words = [], 0
    for div in chapters[first_div - 1:]:
        taken.append(div)
        words += len(" ".join(div.itertext()).split())
        if words >= min_words:
            break
    title = root.findtext(f".//{T}titleStmt/{T}title") or name
    author = root.findtext(f".//{T}titleStmt/{T}author") or ""
    tei = etree.Element(f"{T}TEI", nsmap={None: TEI_NS})
    header = etree.SubElement(tei, f"{T}teiHeader")
    file_desc = etree.SubElement(header, f"{T}fileDesc")
    stmt = etree.SubElement(file_desc, f"{T}titleStmt")
    etree.SubElement(stmt, f"{T}title").text = f"{title}: chapters {first_div}-{first_div + len(taken) - 1}, " \
                                              "annotated for teikit's development set"
    etree.SubElement(stmt, f"{T}author").text = author
    pub = etree.SubElement(file_desc, f"{T}publicationStmt")
    etree.SubElement(pub, f"{T}p").text = (
        "Part of teikit's development set (bench/devset). Text in the public domain; structural markup from "
        "ELTeC (COST Action CA16204, ELTeC-eng level 1), CC BY 4.0; names and quotations annotated by the "
        "teikit developers, CC BY 4.0.")
    source = etree.SubElement(etree.SubElement(file_desc, f"{T}sourceDesc"), f"{T}bibl")
    source.text = f"{eltec.name}: {title}, by {author}."
    text = etree.SubElement(tei, f"{T}text")
    body = etree.SubElement(text, f"{T}body")
    for div in taken:
        body.append(_clean(div))
    etree.indent(tei, space=" ")
    (out_dir / f"{name}.xml").write_bytes(etree.tostring(tei, xml_declaration=True, encoding="UTF-8") + b"\n")
    reading = read_body(body)
    (out_dir / f"{name}.txt").write_text(reading.text, encoding="utf-8")
    print(f"{name}: {len(taken)} chapters, {len(reading.text.split()):,} words")


def _clean(div: etree._Element) -> etree._Element:
    """A chapter with only div, head, p, lg/l, quote: other markup unwrapped, notes dropped,
    white space inside blocks collapsed."""
    keep = {"div", "head", "p", "lg", "l"}
    copy = etree.fromstring(etree.tostring(div))
    # ELTeC's block quotations are structure here: verse becomes a line group, prose its paragraphs
    # (the annotators mark what is quoted, and how, themselves)
    for quote in list(copy.iter(f"{T}quote")):
        if quote.find(f"{T}l") is not None:
            quote.tag = f"{T}lg"
    for element in list(copy.iter()):
        name = _local(element.tag)
        if name is None:
            continue
        if name in DROPPED and element.getparent() is not None:
            _remove_keep_tail(element)
        elif name not in keep and element is not copy:
            _unwrap(element)
    for attr in list(copy.attrib):
        if attr != "type":
            del copy.attrib[attr]
    for element in copy.iter():
        for attr in list(element.attrib):
            if _local(element.tag) != "div" and attr != "type":
                del element.attrib[attr]
    for element in copy.iter(f"{T}p", f"{T}head", f"{T}l"):
        _collapse(element)
    return copy


def _remove_keep_tail(element: etree._Element) -> None:
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    previous = element.getprevious()
    lead = element.text or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + lead
    else:
        parent.text = (parent.text or "") + lead
    for n, child in enumerate(list(element)):
        parent.insert(index + n, child)
    last = parent[index + len(element) - 1] if len(element) else None
    tail = element.tail or ""
    if len(element) == 0:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
    if last is not None:
        last.tail = (last.tail or "") + tail


def _collapse(element: etree._Element) -> None:
    """One space for every run of white space inside a block; none at its edges."""
    nodes = [element] + list(element.iterdescendants())
    for node in nodes:
        if node.text:
            node.text = re.sub(r"\s+", " ", node.text)
        if node is not element and node.tail:
            node.tail = re.sub(r"\s+", " ", node.tail)
    if element.text:
        element.text = element.text.lstrip()
    last = element[-1] if len(element) else None
    if last is not None and last.tail:
        last.tail = last.tail.rstrip()
    elif last is None and element.text:
        element.text = element.text.rstrip()


# -- checking the annotation -------------------------------------------------------------------

def is_proper(text: str) -> bool:
    """A name span that looks like a proper name: it starts with a capital and is not "I"."""
    stripped = text.strip()
    return bool(stripped) and stripped[0].isupper() and stripped != "I"


def texts(names: list[str] | None = None) -> list[Path]:
    found = sorted(DEVSET.glob("*.xml"))
    return [p for p in found if not names or p.stem in names]


def check(paths: list[Path]) -> int:
    failed = 0
    totals: Counter = Counter()
    for path in paths:
        reading = read_tei(path)
        plain = path.with_suffix(".txt")
        if not plain.is_file():
            print(f"{path}: error: {plain.name} is missing")
            failed += 1
            continue
        wanted = plain.read_text(encoding="utf-8")
        if reading.text != wanted:
            at = next((i for i, (a, b) in enumerate(zip(reading.text, wanted)) if a != b),
                      min(len(reading.text), len(wanted)))
            line = wanted.count("\n", 0, at) + 1
            print(f"{plain}:{line}: error: the annotated text differs here: "
                  f"TEI {reading.text[at - 30:at + 30]!r} / text {wanted[at - 30:at + 30]!r}")
            failed += 1
            continue
        counts = Counter(s.tag for s in reading.spans if s.tag in SCORED and (s.tag not in NAME_TYPES or is_proper(s.text)))
        totals.update(counts)
        names = sum(counts[t] for t in NAME_TYPES)
        quotes = sum(counts[t] for t in QUOTE_TYPES)
        print(f"{path.stem}: {len(wanted.split()):,} words, {names} proper names "
              f"({', '.join(f'{t} {counts[t]}' for t in NAME_TYPES)}), {quotes} quotations "
              f"({', '.join(f'{t} {counts[t]}' for t in QUOTE_TYPES)})")
    names = sum(totals[t] for t in NAME_TYPES)
    print(f"all: {len(paths)} texts, {names} proper names, {sum(totals[t] for t in QUOTE_TYPES)} quotations")
    return 1 if failed else 0


# -- scoring teikit ---------------------------------------------------------------------------

# What teikit's output adds that is not the source's (its reading skips them, as teikit.reading does).
ADDED = frozenset({"corr", "reg", "supplied", "teiHeader", "standOff"})
SYSTEM_TAGS = frozenset(SCORED) | {"head", "rs"}


@dataclass
class Found:
    tag: str
    start: int  # offsets in the non-white-space characters of the text
    end: int
    cert: str | None = None
    text: str = ""


def _nonspace_offsets(text: str) -> list[int]:
    """For each offset of ``text``, how many non-white-space characters come before it."""
    out, n = [], 0
    for char in text:
        out.append(n)
        if not char.isspace():
            n += 1
    out.append(n)
    return out


def gold_spans(reading: Reading) -> tuple[str, list[Found]]:
    """The gold's non-white-space text and its spans in that text's offsets."""
    at = _nonspace_offsets(reading.text)
    found = [Found(s.tag, at[s.start], at[s.end], None, s.text) for s in reading.spans]
    return "".join(reading.text.split()), found


def system_spans(root: etree._Element) -> tuple[str, list[Found]]:
    """teikit's reading text (non-white-space characters of every outer <text>, sic over corr,
    added notes skipped) and its scored elements, heads among them."""
    chars: list[str] = []
    found: list[Found] = []

    def add(chunk: str | None) -> None:
        if chunk:
            chars.extend(c for c in chunk if not c.isspace())

    def walk(element: etree._Element) -> None:
        name = _local(element.tag)
        skip = name is None or name in ADDED or (name == "note" and element.get("subtype") == "added")
        if not skip:
            start = len(chars)
            add(element.text)
            for child in element:
                walk(child)
            if name in SYSTEM_TAGS and name != "rs":
                found.append(Found(name, start, len(chars), element.get("cert"),
                                   "".join(chars[start:len(chars)])))
        add(element.tail)

    for text in root.iter(f"{T}text"):
        if any(_local(a.tag) == "text" for a in text.iterancestors()):
            continue
        start = len(chars)
        add(text.text)
        for child in text:
            walk(child)
        del start
    return "".join(chars), found


def _matches(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> tuple[int, int]:
    """(exact matches, overlap matches): spans equal, and spans paired one to one by the largest
    overlap first."""
    remaining = Counter(system)
    exact = 0
    for span in gold:
        if remaining[span]:
            remaining[span] -= 1
            exact += 1
    return exact, len(_pairs(gold, system))


def _pairs(gold: list, system: list) -> list[tuple[int, int]]:
    candidates = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            overlap = min(g[1], s[1]) - max(g[0], s[0])
            if overlap > 0:
                candidates.append((-overlap, i, j))
    candidates.sort()
    used_g, used_s, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.system += other.system
        self.exact += other.exact
        self.overlap += other.overlap

    def f1(self, overlap: bool = True) -> float:
        tp = self.overlap if overlap else self.exact
        p = tp / self.system if self.system else 0.0
        r = tp / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self, overlap: bool = True) -> tuple[float, float, float]:
        tp = self.overlap if overlap else self.exact
        p = tp / self.system if self.system else 0.0
        r = tp / self.gold if self.gold else 0.0
        return p, r, self.f1(overlap)


ROWS = (*NAME_TYPES, "ALL_NAMES", *QUOTE_TYPES, "QUOTES_ANYTYPE", "QUOTE_TYPE_AGREEMENT", "head")


def score_document(gold: Reading, root: etree._Element) -> dict[str, Counts]:
    """Counts per row for one document: names (gold names that look like proper names only),
    quotations, quotation type agreement over overlapping pairs, headings; plus, under
    "cert:<tag>:<level>", how many system names of a certainty overlap a gold name of their type."""
    gold_text, gold = gold_spans(gold)
    sys_text, system = system_spans(root)
    if gold_text != sys_text:
        at = next((i for i, (a, b) in enumerate(zip(gold_text, sys_text)) if a != b),
                  min(len(gold_text), len(sys_text)))
        raise ValueError(f"teikit's text differs from the input at character {at}: "
                         f"{gold_text[at - 20:at + 20]!r} / {sys_text[at - 20:at + 20]!r}")
    gold = [g for g in gold if g.tag not in NAME_TYPES or is_proper(g.text)]
    rows: dict[str, Counts] = {}
    for tag in (*NAME_TYPES, *QUOTE_TYPES, "head"):
        g = [(x.start, x.end) for x in gold if x.tag == tag]
        s = [(x.start, x.end) for x in system if x.tag == tag]
        exact, overlap = _matches(g, s)
        rows[tag] = Counts(len(g), len(s), exact, overlap)
    rows["ALL_NAMES"] = Counts()
    for tag in NAME_TYPES:
        rows["ALL_NAMES"].add(rows[tag])
    g = [(x.start, x.end) for x in gold if x.tag in QUOTE_TYPES]
    s = [(x.start, x.end) for x in system if x.tag in QUOTE_TYPES]
    exact, overlap = _matches(g, s)
    rows["QUOTES_ANYTYPE"] = Counts(len(g), len(s), exact, overlap)
    gq = [x for x in gold if x.tag in QUOTE_TYPES]
    sq = [x for x in system if x.tag in QUOTE_TYPES]
    pairs = _pairs([(x.start, x.end) for x in gq], [(x.start, x.end) for x in sq])
    agree = sum(gq[i].tag == sq[j].tag for i, j in pairs)
    rows["QUOTE_TYPE_AGREEMENT"] = Counts(len(pairs), len(pairs), agree, agree)
    for tag in NAME_TYPES:
        g = [(x.start, x.end) for x in gold if x.tag == tag]
        for level in ("high", "medium", "low"):
            s = [(x.start, x.end) for x in system if x.tag == tag and x.cert == level]
            _, overlap = _matches(g, s)
            rows[f"cert:{tag}:{level}"] = Counts(0, len(s), 0, overlap)
    return rows


def convert(text_path: Path, without_rules: frozenset[str] = frozenset()) -> etree._Element:
    """teikit's TEI for one plain text, every pass on, the rules named switched off."""
    from teikit.convert import ConvertOptions, convert_text
    from teikit.textio import read_text

    result = convert_text(read_text(str(text_path)), options=ConvertOptions(without_rules=without_rules))
    return etree.fromstring(result.tei)


def score_set(paths: list[Path], without_rules: frozenset[str] = frozenset()) -> dict[str, Counts]:
    totals: dict[str, Counts] = {}
    for path in paths:
        rows = score_document(read_tei(path), convert(path.with_suffix(".txt"), without_rules))
        for key, counts in rows.items():
            totals.setdefault(key, Counts()).add(counts)
    return totals


def print_scores(totals: dict[str, Counts], out=sys.stdout) -> None:
    print(f"{'row':<22}{'gold':>7}{'sys':>7}  {'P_ex':>6}{'R_ex':>6}{'F1_ex':>7}  {'P_ov':>6}{'R_ov':>6}{'F1_ov':>7}",
          file=out)
    for row in ROWS:
        c = totals.get(row)
        if c is None or (not c.gold and not c.system):
            continue
        pe, re_, fe = c.prf(overlap=False)
        po, ro, fo = c.prf()
        print(f"{row:<22}{c.gold:>7}{c.system:>7}  {pe:>6.3f}{re_:>6.3f}{fe:>7.3f}  {po:>6.3f}{ro:>6.3f}{fo:>7.3f}",
              file=out)
    for tag in NAME_TYPES:
        cells = []
        for level in ("high", "medium", "low"):
            c = totals.get(f"cert:{tag}:{level}")
            if c is not None and c.system:
                cells.append(f"{level} {c.overlap / c.system:.2f} of {c.system}")
        if cells:
            print(f"precision of {tag} by @cert: {', '.join(cells)}", file=out)


def as_json(totals: dict[str, Counts]) -> dict:
    return {row: {"gold": c.gold, "system": c.system, "exact": c.exact, "overlap": c.overlap,
                  "f1_overlap": round(c.f1(), 4), "f1_exact": round(c.f1(False), 4)} for row, c in totals.items()}


def errors(paths: list[Path], tags: tuple[str, ...], limit: int) -> None:
    """Gold spans teikit missed and spans it made that the gold lacks, per tag, with their words
    (matched one to one by overlap, type agreeing), most frequent first."""
    missed: Counter = Counter()
    wrong: Counter = Counter()
    confused: Counter = Counter()
    for path in paths:
        gold_text, gold = gold_spans(read_tei(path))
        _, system = system_spans(convert(path.with_suffix(".txt")))
        gold = [g for g in gold if g.tag not in NAME_TYPES or is_proper(g.text)]
        for tag in tags:
            g = [x for x in gold if x.tag == tag]
            s = [x for x in system if x.tag == tag]
            pairs = _pairs([(x.start, x.end) for x in g], [(x.start, x.end) for x in s])
            hit_g, hit_s = {i for i, _ in pairs}, {j for _, j in pairs}
            others = [x for x in system if x.tag in NAME_TYPES and x.tag != tag]
            for i, x in enumerate(g):
                if i not in hit_g:
                    other = next((o.tag for o in others if min(o.end, x.end) > max(o.start, x.start)), None)
                    (confused if other else missed)[(tag, other or "", x.text)] += 1
            for j, x in enumerate(s):
                if j not in hit_s:
                    wrong[(tag, x.cert or "", x.text)] += 1
    for title, counts in (("missed (gold, no system span)", missed), ("typed otherwise (gold tag, system tag)", confused),
                          ("not in the gold (system tag, cert)", wrong)):
        print(f"-- {title}: {sum(counts.values())}")
        for (tag, extra, text), n in counts.most_common(limit):
            print(f"{n:4}  {tag:<10} {extra:<10} {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("excerpt", help="plain text and a TEI skeleton from chapters of an ELTeC novel")
    ex.add_argument("eltec", type=Path)
    ex.add_argument("--name", required=True)
    ex.add_argument("--first-div", type=int, default=1)
    ex.add_argument("--min-words", type=int, default=9000)
    ex.add_argument("--out", type=Path, default=DEVSET)
    tx = sub.add_parser("text", help="print the reading text of an annotated TEI file")
    tx.add_argument("tei", type=Path)
    ck = sub.add_parser("check", help="each NAME.xml's reading text is NAME.txt; counts")
    ck.add_argument("names", nargs="*")
    er = sub.add_parser("errors", help="what teikit missed or added, per element, most frequent first")
    er.add_argument("names", nargs="*")
    er.add_argument("--tags", default="persName,placeName,orgName")
    er.add_argument("--limit", type=int, default=40)
    sc = sub.add_parser("score", help="convert each NAME.txt with teikit and score it against NAME.xml")
    sc.add_argument("names", nargs="*")
    sc.add_argument("--json", type=Path, help="the counts as JSON")
    args = parser.parse_args(argv)
    if args.command == "errors":
        errors(texts(args.names), tuple(args.tags.split(",")), args.limit)
        return 0
    if args.command == "score":
        totals = score_set(texts(args.names))
        print_scores(totals)
        if args.json:
            args.json.write_text(json.dumps(as_json(totals), indent=1) + "\n", encoding="utf-8")
        return 0
    if args.command == "excerpt":
        args.out.mkdir(parents=True, exist_ok=True)
        excerpt(args.eltec, args.name, args.first_div, args.min_words, args.out)
        return 0
    if args.command == "text":
        sys.stdout.write(read_tei(args.tei).text)
        return 0
    return check(texts(args.names))


if __name__ == "__main__":
    sys.exit(main())
