"""teikit's own page set for headers and structure (``bench/pages/``), and its scorer.

    python bench/pages.py score                      # per kind, per field, overall
    python bench/pages.py score --verbose            # and every miss, page by page
    python bench/pages.py score credits-01 date      # pages whose name starts so
    python bench/pages.py score --json OUT.json      # the scores as JSON too
    python bench/pages.py score --pages bench/pages-check   # another folder of pages (the second batch)

Each page ``NAME.txt`` has its expected values in ``NAME.expected.json``, written by hand before
teikit was run on it (``bench/pages/README.md`` says what each field means and how it is
compared). The scorer converts every page, reads each work's TEI (one ``TEI`` per work, or the
``TEI`` elements of a ``teiCorpus``), and gives each expected field a score between 0 and 1;
headings are also counted for precision and recall over the whole set. The overall score is the
mean of every field score of every work. A page whose conversion fails scores 0 on all its fields.

The passes that do not touch the header or the structure (names, quotations, languages) are
skipped unless ``--all-passes`` is given: the header and the structure are the reader's.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
STRUCTURE_ONLY = frozenset({"names", "quotations", "languages"})
# the order fields are reported in
FIELDS = ("works", "title", "subtitles", "authors", "date", "header", "roles", "bibl", "headings", "paragraphs",
          "notes", "letter", "separators", "contents", "figures", "not_in_body")


def norm(text: str | None) -> str:
    """A string as compared: NFC, white space collapsed, case ignored."""
    return " ".join(unicodedata.normalize("NFC", text or "").split()).casefold()


def text_of(element) -> str:
    return norm("".join(element.itertext())) if element is not None else ""


def xp(element, path: str) -> list:
    return element.xpath(path, namespaces=NS)


@dataclass
class Page:
    name: str
    text: str
    expected: dict

    @property
    def kind(self) -> str:
        return self.expected.get("kind") or self.name.split("-", 1)[0]


@dataclass
class Scores:
    """Field scores of every work, by kind, with the heading counts for precision and recall."""

    by_field: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    by_kind_field: dict[tuple[str, str], list[float]] = field(default_factory=lambda: defaultdict(list))
    headings: list[int] = field(default_factory=lambda: [0, 0, 0])  # matched, found, expected
    misses: list[str] = field(default_factory=list)

    def add(self, page: Page, name: str, score: float, detail: str = "") -> None:
        self.by_field[name].append(score)
        self.by_kind[page.kind].append(score)
        self.by_kind_field[(page.kind, name)].append(score)
        if score < 1:
            self.misses.append(f"{page.name}: {name} {score:.2f} {detail}".rstrip())

    @property
    def overall(self) -> float:
        values = [v for scores in self.by_field.values() for v in scores]
        return sum(values) / len(values) if values else 0.0

    def heading_pr(self) -> tuple[float, float]:
        matched, found, expected = self.headings
        return (matched / found if found else 1.0), (matched / expected if expected else 1.0)


def load_pages(prefixes: list[str] = (), folder: Path = PAGES) -> list[Page]:
    pages = []
    for path in sorted(folder.glob("*.txt")):
        if prefixes and not any(path.stem.startswith(p) for p in prefixes):
            continue
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        pages.append(Page(path.stem, path.read_text(encoding="utf-8"), expected))
    return pages


def convert(page: Page, all_passes: bool = False) -> etree._Element:
    from teikit.convert import ConvertOptions, convert_text
    from teikit.textio import decode

    options = ConvertOptions(skip=frozenset() if all_passes else STRUCTURE_ONLY)
    conversion = convert_text(decode(f"{page.name}.txt", page.text.encode("utf-8")), name=page.name,
                              options=options)
    return etree.fromstring(conversion.tei)


def works_of(root: etree._Element) -> list[etree._Element]:
    return [root] if etree.QName(root).localname == "TEI" else xp(root, "t:TEI")


# -- the fields ----------------------------------------------------------------------------------

def _title(work, expected: str) -> tuple[float, str]:
    titles = xp(work, "t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='main']") or \
        xp(work, "t:teiHeader/t:fileDesc/t:titleStmt/t:title")
    found = text_of(titles[0]) if titles else ""
    return float(found == norm(expected)), f"found {found!r}"


def _subtitles(work, expected: list[str]) -> tuple[float, str]:
    found = [text_of(t) for t in xp(work, "t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='sub']")]
    hits = sum(norm(e) in found for e in expected)
    return hits / len(expected) if expected else float(not found), f"found {found}"


def _authors(work, expected: list[str]) -> tuple[float, str]:
    found = [text_of(a) for a in xp(work, "t:teiHeader/t:fileDesc/t:titleStmt/t:author")]
    wanted = [norm(e) for e in expected]
    hits = sum(1 for e in wanted if e in found)
    return hits / max(len(wanted), len(found), 1), f"found {found}"


def _date(work, expected: dict | None) -> tuple[float, str]:
    dates = xp(work, "t:teiHeader/t:profileDesc/t:creation/t:date")
    found = {k: dates[0].get(k) for k in ("when", "from", "to") if dates and dates[0].get(k)} if dates else {}
    wanted = expected or {}
    return float(found == wanted), f"found {found}"


def _header(work, expected: list[str]) -> tuple[float, str]:
    header = text_of(xp(work, "t:teiHeader")[0])
    missing = [e for e in expected if norm(e) not in header]
    return 1 - len(missing) / len(expected) if expected else 1.0, f"missing {missing}"


def _roles(work, expected: dict[str, list[str]]) -> tuple[float, str]:
    stmts = [(text_of(r.find(f"{{{TEI_NS}}}resp")), [text_of(n) for n in xp(r, "t:name")])
             for r in xp(work, "t:teiHeader/t:fileDesc/t:titleStmt/t:respStmt")]
    total = hits = 0
    missing = []
    for key, names in expected.items():
        for name in names:
            total += 1
            if any(norm(key) in resp and norm(name) in found for resp, found in stmts):
                hits += 1
            else:
                missing.append(f"{key}:{name}")
    return hits / total if total else 1.0, f"missing {missing}; found {stmts}"


def _bibl(work, expected: dict[str, str | None]) -> tuple[float, str]:
    scores, found_all = [], {}
    for unit, value in expected.items():
        found = xp(work, f"t:teiHeader/t:fileDesc/t:sourceDesc//t:biblScope[@unit='{unit}']")
        got = text_of(found[0]) if found else None
        found_all[unit] = got
        scores.append(float(got == (norm(value) if value is not None else None)))
    return sum(scores) / len(scores) if scores else 1.0, f"found {found_all}"


def _heads(work) -> list[str]:
    return [text_of(h) for h in xp(work, "t:text/t:body//t:div/t:head")]


def _headings(work, expected: list[str], scores: Scores) -> tuple[float, str]:
    found = _heads(work)
    wanted = [norm(h) for h in expected]
    pool = list(found)
    matched = 0
    for h in wanted:
        if h in pool:
            pool.remove(h)
            matched += 1
    scores.headings[0] += matched
    scores.headings[1] += len(found)
    scores.headings[2] += len(wanted)
    if not found and not wanted:
        return 1.0, ""
    precision = matched / len(found) if found else 0.0
    recall = matched / len(wanted) if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, f"found {found}"


def _count(work, path: str, expected: int) -> tuple[float, str]:
    found = len(xp(work, path))
    return float(found == expected), f"found {found}"


def _letter(work, expected: dict) -> tuple[float, str]:
    paths = {"opener_dateline": "t:text/t:body//t:opener/t:dateline",
             "opener_addressee": "t:text/t:body//t:opener/t:address",
             "opener_salute": "t:text/t:body//t:opener/t:salute",
             "closer_salute": "t:text/t:body//t:closer/t:salute",
             "signed": "t:text/t:body//t:closer/t:signed",
             "closer_dateline": "t:text/t:body//t:closer/t:dateline",
             "sender": "t:teiHeader/t:profileDesc/t:correspDesc/t:correspAction[@type='sent']/t:*[self::t:persName "
                       "or self::t:orgName]",
             "addressee": "t:teiHeader/t:profileDesc/t:correspDesc/t:correspAction[@type='received']/t:*["
                          "self::t:persName or self::t:orgName]"}
    scores, misses = [], []
    for part, value in expected.items():
        if part == "postscript":
            found = len(xp(work, "t:text/t:body//t:postscript"))
            ok = found == value
        else:
            found = [text_of(e) for e in xp(work, paths[part])]
            ok = norm(value) in found
        scores.append(float(ok))
        if not ok:
            misses.append(f"{part}: found {found}")
    return sum(scores) / len(scores) if scores else 1.0, "; ".join(misses)


def _contents(work, expected: int) -> tuple[float, str]:
    divs = xp(work, "t:text/t:front//t:div[@type='contents']")
    entries = sum(len(xp(d, "t:p | t:list/t:item")) for d in divs)
    nested = sum(len(xp(d, ".//t:div")) for d in divs)
    return float(entries == expected and not nested), f"found {entries} entries, {nested} divisions inside"


def _not_in_body(work, expected: list[str]) -> tuple[float, str]:
    body = text_of(xp(work, "t:text/t:body")[0])
    present = [e for e in expected if norm(e) in body]
    return 1 - len(present) / len(expected) if expected else 1.0, f"present {present}"


def score_work(page: Page, work, expected: dict, scores: Scores) -> None:
    checks = {
        "title": lambda v: _title(work, v),
        "subtitles": lambda v: _subtitles(work, v),
        "authors": lambda v: _authors(work, v),
        "date": lambda v: _date(work, v),
        "header": lambda v: _header(work, v),
        "roles": lambda v: _roles(work, v),
        "bibl": lambda v: _bibl(work, v),
        "headings": lambda v: _headings(work, v, scores),
        "paragraphs": lambda v: _count(work, "t:text/t:body//t:p", v),
        "notes": lambda v: _count(work, "t:text//t:note[not(@subtype='added')]", v),
        "letter": lambda v: _letter(work, v),
        "separators": lambda v: _count(work, "t:text/t:body//t:ab[@type='separator']", v),
        "contents": lambda v: _contents(work, v),
        "figures": lambda v: _count(work, "t:text//t:figure", v),
        "not_in_body": lambda v: _not_in_body(work, v),
    }
    for name in FIELDS[1:]:
        if name in expected:
            value, detail = checks[name](expected[name])
            scores.add(page, name, value, detail)


def score_page(page: Page, scores: Scores, all_passes: bool = False) -> None:
    expected_works = page.expected["works"]
    try:
        works = works_of(convert(page, all_passes))
    except Exception as error:  # a failed conversion scores 0 on every field of the page
        works = []
        scores.misses.append(f"{page.name}: conversion failed: {error!r}")
    scores.add(page, "works", float(len(works) == len(expected_works)),
               f"found {len(works)} works, expected {len(expected_works)}")
    for index, expected in enumerate(expected_works):
        if index < len(works):
            score_work(page, works[index], expected, scores)
        else:
            for name in FIELDS[1:]:
                if name in expected:
                    scores.add(page, name, 0.0, "no such work")
                    if name == "headings":
                        scores.headings[2] += len(expected[name])


def score(pages: list[Page], all_passes: bool = False) -> Scores:
    scores = Scores()
    for page in pages:
        score_page(page, scores, all_passes)
    return scores


def report(scores: Scores, pages: list[Page], verbose: bool = False) -> str:
    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    kinds = list(dict.fromkeys(p.kind for p in pages))
    fields = [f for f in FIELDS if scores.by_field.get(f)]
    out = [f"{len(pages)} pages, {sum(len(p.expected['works']) for p in pages)} works", "",
           "| kind | pages | " + " | ".join(fields) + " | all |", "|---|---|" + "---|" * (len(fields) + 1)]
    for kind in kinds:
        cells = [f"{mean(scores.by_kind_field[(kind, f)]):.2f}" if scores.by_kind_field.get((kind, f)) else "-"
                 for f in fields]
        count = sum(1 for p in pages if p.kind == kind)
        out.append(f"| {kind} | {count} | " + " | ".join(cells) + f" | {mean(scores.by_kind[kind]):.2f} |")
    cells = [f"{mean(scores.by_field[f]):.2f}" for f in fields]
    out.append(f"| **all** | {len(pages)} | " + " | ".join(cells) + f" | **{scores.overall:.3f}** |")
    precision, recall = scores.heading_pr()
    out += ["", f"headings: precision {precision:.3f}, recall {recall:.3f} "
                f"({scores.headings[0]} matched, {scores.headings[1]} found, {scores.headings[2]} expected)",
            f"overall: {scores.overall:.3f}"]
    if verbose:
        out += ["", "misses:"] + [f"  {m}" for m in scores.misses]
    return "\n".join(out)


def as_json(scores: Scores, pages: list[Page]) -> dict:
    def mean(values: list[float]) -> float:
        return round(sum(values) / len(values), 4) if values else None

    precision, recall = scores.heading_pr()
    return {"pages": len(pages), "overall": round(scores.overall, 4),
            "fields": {f: mean(v) for f, v in scores.by_field.items()},
            "kinds": {k: mean(v) for k, v in scores.by_kind.items()},
            "headings": {"precision": round(precision, 4), "recall": round(recall, 4)},
            "misses": scores.misses}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("score", help="score teikit on the page set")
    run.add_argument("prefixes", nargs="*", help="only pages whose name starts so")
    run.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    run.add_argument("--json", type=Path, help="write the scores as JSON")
    run.add_argument("--all-passes", action="store_true", help="run every pass (names, quotations ...) too")
    run.add_argument("--pages", type=Path, default=PAGES, help="the folder of pages (default: bench/pages)")
    args = parser.parse_args(argv)
    pages = load_pages(args.prefixes, args.pages)
    if not pages:
        print("no page matches", file=sys.stderr)
        return 2
    scores = score(pages, args.all_passes)
    print(report(scores, pages, args.verbose))
    if args.json:
        args.json.write_text(json.dumps(as_json(scores, pages), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
