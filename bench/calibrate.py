"""What a name's score says about its being right: the precision of teikit's names on the
development set by kind, score and lead over the next kind, and the thresholds that give
``@cert`` its meaning (``high``: a precision of at least 0.9, ``medium``: 0.7).

    python bench/calibrate.py [--high 0.92] [--medium 0.75]

For every name element teikit writes (its decision read from the trace), the kind's score and
its lead over the second kind are paired with whether the development set's annotation has a
name of that kind there (overlapping). For each kind, the least thresholds (score, lead) whose
names reach the precision asked for are printed, with how many names they cover, and the
precision of each certainty as teikit gives it now. The chosen thresholds go into
``teikit.weights.names.NAME`` by hand (the aims are set above 0.9 and 0.7 so that they hold on
texts the set does not hold); mentions that take a name decided elsewhere ("known form") are
counted apart.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
import devset  # noqa: E402

TAGS = {"persName": "person", "placeName": "place", "orgName": "org"}
SCORES = [x / 2 for x in range(0, 41)]
LEADS = [x / 2 for x in range(0, 25)]


def observations() -> list[dict]:
    """One record per name teikit wrote on the development set: kind, score, lead, class, cert, right."""
    from teikit.convert import ConvertOptions, convert_text
    from teikit.textio import read_text
    from teikit.trace import xpath_of

    out = []
    for path in devset.texts():
        result = convert_text(read_text(str(path.with_suffix(".txt"))), options=ConvertOptions())
        root = etree.fromstring(result.tei)
        records = {r["xpath"]: r for r in result.trace.records(path.stem) if r["decision"] == "name"}
        _, gold = devset.gold_spans(devset.read_tei(path))
        _, system = devset.system_spans(root)
        by_place = {}
        for found in system:
            by_place.setdefault((found.tag, found.start, found.end), found)
        elements = [e for e in root.iter(*(f"{devset.T}{t}" for t in TAGS))
                    if e.xpath("ancestor::t:text", namespaces={"t": devset.TEI_NS})]
        # the system spans and the elements come in document order: pair them
        spans = [f for f in system if f.tag in TAGS]
        for element, span in zip(elements, spans):
            record = records.get(xpath_of(element))
            if record is None:
                continue
            rules = {f["rule"] for f in record["rules"]}
            second = max((a["score"] for a in record["alternatives"]), default=0.0)
            right = any(g.tag == span.tag and min(g.end, span.end) > max(g.start, span.start) for g in gold
                        if devset.is_proper(g.text))
            out.append({"kind": TAGS[span.tag], "score": record["score"], "lead": record["score"] - second,
                        "known": "name-mention.known-form" in rules, "cert": element.get("cert"),
                        "type": element.get("type"), "right": right})
    return out


def best_thresholds(obs: list[dict], aim: float) -> tuple[float, float, int, float] | None:
    """The (score, lead) thresholds covering most names at a precision of at least ``aim``."""
    best = None
    for score in SCORES:
        for lead in LEADS:
            chosen = [o for o in obs if o["score"] >= score and o["lead"] >= lead]
            if len(chosen) < 10:
                continue
            precision = sum(o["right"] for o in chosen) / len(chosen)
            if precision >= aim and (best is None or len(chosen) > best[2]):
                best = (score, lead, len(chosen), precision)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--high", type=float, default=0.92, help="precision aimed at for high")
    parser.add_argument("--medium", type=float, default=0.75, help="precision aimed at for medium")
    args = parser.parse_args(argv)
    obs = observations()
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for o in obs:
        groups[(o["kind"], "known form" if o["known"] else "decided")].append(o)
    for (kind, how), members in sorted(groups.items()):
        print(f"{kind}, {how}: {len(members)} names, precision {sum(o['right'] for o in members) / len(members):.2f}")
        by_cert = defaultdict(list)
        for o in members:
            by_cert[o["cert"]].append(o["right"])
        print("  as teikit gives @cert now: " + ", ".join(
            f"{cert} {sum(v) / len(v):.2f} of {len(v)}" for cert, v in sorted(by_cert.items(), key=str)))
        if how == "decided":
            high = best_thresholds(members, args.high)
            rest = [o for o in members if not high or not (o["score"] >= high[0] and o["lead"] >= high[1])]
            medium = best_thresholds(rest, args.medium)
            for name, found in (("high", high), ("medium", medium)):
                if found:
                    print(f"  {name}: score >= {found[0]:g}, lead >= {found[1]:g}: {found[2]} names, "
                          f"precision {found[3]:.2f}")
                else:
                    print(f"  {name}: no thresholds reach the aim")
    return 0


if __name__ == "__main__":
    sys.exit(main())
