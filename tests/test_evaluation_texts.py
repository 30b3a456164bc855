"""No evaluation text in the repository (issue 11, "Evaluation texts are for measuring").

The TEI of ../shared/eval/gold is used only to measure the converter: no rule, word list, example,
comment or test of teikit may come from it. This test fails when a run of five words of the evaluation
texts, two or more of them uncommon, appears in a file under src/, tests/, bench/, docs/ or in README.md,
and reports each run as ``FILE:LINE: evaluation text: "..."``.

- The evaluation texts: the reading text of each gold file's ``<text>`` (front, body and back): the text
  of every element, comments and processing instructions left out; phrase-level elements (names,
  quotations, emphasis, ...) join their neighbours, every other element (paragraphs, heads, list items,
  page and line breaks) separates words; each ``<note>`` is a text of its own, and the text around it
  reads on as if the note were not there.
- Words: maximal runs of letters and digits, with apostrophes inside a word kept as part of it. Every
  other character (punctuation, quotation marks, dashes, hyphens, underscores, markup) only separates
  words. Both sides are compared after Unicode NFKC, case folding, accents dropped and every apostrophe
  or single quotation mark (’ ‘ ʼ ′ `) made "'". In the scanned files, XML/HTML tags, character
  references and entities (``&#8217;``, ``&rsquo;``) and Python escapes (``\\u2019``, ``\\N{...}``,
  ``\\n``) are read as what they stand for first, so that neither markup nor escaping hides a copy.
- An uncommon word: a word of letters that is not among the common words of English, i.e. whose
  frequency by the ``wordfreq`` package (the project's dependency; English, its default list) is below
  Zipf 4.5, about 30 in a million words of running English: the roughly 3,000 most frequent English words
  ("house", "little", "said", "money") are common, everything rarer ("ferryman", "thimble", "vestibule",
  most surnames and place names, words of older English) is uncommon; a word with a digit is never
  uncommon. Two uncommon words in five make a run that is not written twice by chance: on the 200,000
  words of the ELTeC novels in ../shared/corpus (English prose of the same century) no run of the
  evaluation texts appears at this threshold, nor at Zipf 5.0; a lower threshold (Zipf 3.5) let through
  whole sentences copied from the evaluation texts, whose words are plain but not among the commonest.
  Runs of common words only ("one of the most", "at the end of the") are prose anyone writes.
- Scanned: every file under the four folders and README.md except binary files (a NUL byte, or not
  UTF-8), the .git folder and virtualenvs (a folder with pyvenv.cfg). This file holds no evaluation
  text: its self-test builds its sample from the evaluation files at run time.

Skipped, with the reason, when ../shared/ (or $TEIKIT_SHARED) is absent.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, shared_path

N = 5                # words in a run
MIN_UNCOMMON = 2     # uncommon words a run must hold
ZIPF_UNCOMMON = 4.5  # below this Zipf frequency in English a word is uncommon
SCANNED = ("src", "tests", "bench", "docs", "README.md")

TEI_NS = "http://www.tei-c.org/ns/1.0"
# Elements inside a sentence: they join the text around them (everything else separates words).
PHRASE_LEVEL = frozenset("""
    abbr addName choice corr date del distinct emph expan foreign forename gap genName geogName hi
    measure mentioned name num orgName orig persName placeName q quote ref reg roleName rs said seg sic
    soCalled surname term time title unclear add
""".split())

APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼ′`´ʹ"})
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
CHAR_REF = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
PY_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|N\{([^}]+)\}|[nrtvf])")


# ---- words --------------------------------------------------------------------------------------

def fold(text: str) -> str:
    """The comparable form of a text: NFKC, apostrophes made "'", accents dropped, case folded."""
    text = unicodedata.normalize("NFKC", text).translate(APOSTROPHES)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text).casefold()


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def _py_escape(m: re.Match) -> str:
    code = m.group(1) or m.group(2) or m.group(3)
    if code:
        try:
            return chr(int(code, 16))
        except ValueError:
            return " "
    if m.group(4):
        try:
            return unicodedata.lookup(m.group(4))
        except KeyError:
            return " "
    return " "  # \n \t ...: a space between two words


def unescape_line(line: str) -> str:
    """One line of a scanned file as the words it stands for (tags, references, escapes read)."""
    line = PY_ESCAPE.sub(_py_escape, line)
    line = TAG.sub(" ", line)
    return CHAR_REF.sub(lambda m: html.unescape(m.group(0)), line)


@lru_cache(maxsize=None)
def uncommon(word: str) -> bool:
    from wordfreq import zipf_frequency

    return not any(c.isdigit() for c in word) and zipf_frequency(word, "en") < ZIPF_UNCOMMON


def run_key(run: tuple[str, ...] | list[str]) -> int:
    return hash(tuple(run))


# ---- the evaluation texts -----------------------------------------------------------------------

def reading_texts(gold: Path) -> list[str]:
    """The reading text of a gold file's <text>: the running text, then each note's text."""
    root = etree.parse(str(gold), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    texts: list[str] = []

    def collect(elem: etree._Element, out: list[str]) -> None:
        for child in elem:
            if not isinstance(child.tag, str):        # comment or processing instruction: its tail only
                out.append(child.tail or "")
                continue
            local = etree.QName(child).localname
            if local == "note":
                note: list[str] = [child.text or ""]
                collect(child, note)
                texts.append("".join(note))
                out.append(child.tail or "")
                continue
            sep = "" if local in PHRASE_LEVEL else " "
            out.append(sep + (child.text or ""))
            collect(child, out)
            out.append(sep + (child.tail or ""))

    for text in root.iter(f"{{{TEI_NS}}}text"):
        if any(etree.QName(a).localname == "text" for a in text.iterancestors()):
            continue                                   # a <text> inside another is read with it
        running = [text.text or ""]
        collect(text, running)
        texts.append("".join(running))
    return texts


def evaluation_runs(texts: list[str]) -> set[int]:
    """The keys of every run of N words of TEXTS with at least MIN_UNCOMMON uncommon words."""
    keys: set[int] = set()
    for text in texts:
        ws = words(text)
        flags = [uncommon(w) for w in ws]
        for i in range(len(ws) - N + 1):
            if sum(flags[i:i + N]) >= MIN_UNCOMMON:
                keys.add(run_key(ws[i:i + N]))
    return keys


@pytest.fixture(scope="module")
def eval_runs() -> set[int]:
    gold = shared_path("eval", "gold")
    files = sorted(gold.glob("*.xml"))
    if not files:
        pytest.skip(f"no gold TEI in {gold}")
    return evaluation_runs([t for f in files for t in reading_texts(f)])


# ---- scanning the repository --------------------------------------------------------------------

@dataclass
class Hit:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f'{self.path}:{self.line}: evaluation text: "{self.text}"'


def read_text_file(path: Path) -> str | None:
    """The text of PATH, or None for a binary file (a NUL byte, or not UTF-8)."""
    data = path.read_bytes()
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def scan_text(text: str, runs: set[int], path: str) -> list[Hit]:
    """Every stretch of TEXT made of runs in RUNS (overlapping runs merged), at its first line."""
    lines = text.split("\n")                      # numbered as editors and grep number them
    toks: list[tuple[str, int]] = []             # (word, line number)
    for number, line in enumerate(lines, 1):
        toks.extend((w, number) for w in words(unescape_line(line)))
    hits: list[Hit] = []
    i, last = 0, len(toks) - N
    while i <= last:
        if run_key([w for w, _ in toks[i:i + N]]) not in runs:
            i += 1
            continue
        end = i + N                               # extend over overlapping matching runs
        while end - N + 1 <= last and run_key([w for w, _ in toks[end - N + 1:end + 1]]) in runs:
            end += 1
        first, final = toks[i][1], toks[end - 1][1]
        if final - first < 3:                    # the lines as written, else the words found
            excerpt = " ".join(" ".join(lines[first - 1:final]).split())
        else:
            excerpt = " ".join(w for w, _ in toks[i:end])
        hits.append(Hit(path, first, excerpt))
        i = end
    return hits


def scanned_files(root: Path):
    for name in SCANNED:
        top = root / name
        if top.is_file():
            yield top
        elif top.is_dir():
            yield from _walk(top)


def _walk(folder: Path):
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink() and entry.is_dir():
            continue
        if entry.is_dir():
            if entry.name == ".git" or (entry / "pyvenv.cfg").exists():
                continue
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def scan_repository(root: Path, runs: set[int]) -> list[Hit]:
    hits: list[Hit] = []
    for path in scanned_files(root):
        text = read_text_file(path)
        if text is not None:
            hits.extend(scan_text(text, runs, path.relative_to(root).as_posix()))
    return hits


# ---- tests --------------------------------------------------------------------------------------

def test_no_evaluation_text_in_the_repository(eval_runs: set[int]):
    hits = scan_repository(ROOT, eval_runs)
    assert not hits, ("the evaluation texts (../shared/eval) are for measuring only; rewrite these with "
                      "examples of your own:\n" + "\n".join(map(str, hits)))


def test_words_are_compared_without_case_quotation_marks_accents_or_markup():
    # invented text: only the normalisation is tested here
    plain = words("\"Don't,\" said the ferryman - it's Zoe's boat.")
    assert words("“DON’T,” said the Ferryman — it’s Zoë’s boat.") == plain
    line = "&ldquo;Don&#8217;t,&rdquo; said the <persName>ferryman</persName> - it&rsquo;s Zoe\\u2019s boat."
    assert words(line) != plain and words(unescape_line(line)) == plain
    assert words(unescape_line("\\u201cDon\\N{RIGHT SINGLE QUOTATION MARK}t,\\u201d said\\nthe ferryman "
                               "- it's Zoe's boat.")) == plain
    assert words("snake_case and hyphen-joined") == ["snake", "case", "and", "hyphen", "joined"]


def test_uncommon_words_by_wordfreq():
    assert uncommon("thimble") and uncommon("ferryman")
    assert not uncommon("the") and not uncommon("house") and not uncommon("1825")


def _sample_run(runs_texts: list[str], runs: set[int]) -> tuple[str, list[str]]:
    """A sentence-length stretch of the evaluation texts holding a counted run (built at run time)."""
    for text in runs_texts:
        ws = words(text)
        for i in range(len(ws) - N + 1):
            if run_key(ws[i:i + N]) in runs:
                return " ".join(ws[max(0, i - 2):i + N + 2]), ws[i:i + N]
    raise AssertionError("no run of the evaluation texts qualifies")


def test_the_scan_finds_a_run_of_the_evaluation_texts(eval_runs: set[int], tmp_path: Path):
    """The check can fail: a copy of evaluation text, recased, with curly apostrophes and broken over
    two lines, in a comment of a file under tests/, is reported at its line."""
    gold = shared_path("eval", "gold")
    texts = [t for f in sorted(gold.glob("*.xml")) for t in reading_texts(f)]
    stretch, run = _sample_run(texts, eval_runs)
    half = len(stretch.split()) // 2
    copied = (" ".join(stretch.split()[:half]).upper().replace("'", "’") + "\n# "
              + " ".join(stretch.split()[half:]).title())
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_copy.py").write_text(f'"""Invented."""\n\nx = 1\n# {copied}\n', encoding="utf-8")
    (tmp_path / "README.md").write_text("An invented readme about nothing at all.\n", encoding="utf-8")
    (tmp_path / "src" / ".venv").mkdir(parents=True)
    (tmp_path / "src" / ".venv" / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    (tmp_path / "src" / ".venv" / "copy.py").write_text(f"# {stretch}\n", encoding="utf-8")
    (tmp_path / "src" / "blob.bin").write_bytes(b"\0" + stretch.encode("utf-8"))

    hits = scan_repository(tmp_path, eval_runs)
    assert [(h.path, h.line) for h in hits] == [("tests/test_copy.py", 4)]
    report = str(hits[0])
    assert report.startswith('tests/test_copy.py:4: evaluation text: "')
    assert " ".join(run) in " ".join(words(hits[0].text))

    # and nothing once the copy is gone
    (tmp_path / "tests" / "test_copy.py").write_text('"""Invented."""\n', encoding="utf-8")
    assert scan_repository(tmp_path, eval_runs) == []
