"""Generate a synthetic project of N plain-text documents from the samples' paragraphs, with
varied names (deterministic: the same N gives the same files).

    python bench/make_corpus.py 1000 /tmp/corpus-1000     # then: cd /tmp/corpus-1000 && teikit build

Each document has an author line, a title, a date line and labelled metadata, then three to
eight of the samples' long paragraphs, sometimes under section headings, in which the persons
and places the samples name are replaced by others drawn for that document.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from make_text import paragraphs

FIRST = ("Anna", "Boris", "Clara", "Dmitri", "Elena", "Fyodor", "Galina", "Ivan", "Lydia", "Mikhail", "Nadia",
         "Pavel", "Rosa", "Sergei", "Tatiana", "Viktor", "Yelena", "Zakhar")
LAST = ("Aksakov", "Belinsky", "Chernov", "Dubrovin", "Ermolov", "Frolov", "Gorin", "Ilyin", "Kuzmin", "Lebedev",
        "Markov", "Nekrasov", "Orlov", "Petrov", "Rudin", "Sokolov", "Tikhonov", "Volkov", "Zorin")
PLACES = ("Kharkov", "Odessa", "Kazan", "Tiflis", "Baku", "Minsk", "Riga", "Samara", "Perm", "Omsk", "Vilna",
          "Rostov", "Saratov", "Tomsk", "Yaroslavl")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# names in the samples' paragraphs, replaced in each document
PERSONS_IN_SAMPLES = ("Trotsky", "Stalin", "Tarov", "Kirov", "Zinoviev", "Kamenev", "Lenin", "Bukharin")
PLACES_IN_SAMPLES = ("Moscow", "Leningrad", "Siberia", "Paris")
_NAMES = re.compile(r"\b(" + "|".join(PERSONS_IN_SAMPLES + PLACES_IN_SAMPLES) + r")\b")


def document(number: int, pool: list[str]) -> str:
    rng = random.Random(number)
    persons = {name: rng.choice(LAST) for name in PERSONS_IN_SAMPLES}
    places = {name: rng.choice(PLACES) for name in PLACES_IN_SAMPLES}
    replace = {**persons, **places}
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    year, month, day = rng.randint(1900, 1940), rng.randrange(12), rng.randint(1, 28)
    date = f"{day} {MONTHS[month]} {year}"
    parts = [f"{author}\n\nOn the Events in {rng.choice(PLACES)}, Number {number}\n\n({date})\n\n",
             f"Written: {MONTHS[month]} {day}, {year}.\nSource: teikit benchmark corpus.\n\n"]
    for section in range(rng.randint(1, 3)):
        if section:
            parts.append(f"The {('Second', 'Third')[section - 1]} Question\n\n")
        for _ in range(rng.randint(1, 4)):
            parts.append(_NAMES.sub(lambda m: replace[m.group(1)], rng.choice(pool)) + "\n\n")
    parts.append(f"{MONTHS[month]} {day}, {year}\n\n{author}\n")
    return "".join(parts)


def make_corpus(count: int, folder: Path) -> Path:
    """Write the project (texts/ and an empty teikit.toml) into ``folder``."""
    texts = folder / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    (folder / "teikit.toml").write_text("# a synthetic corpus made by bench/make_corpus.py\n", encoding="utf-8")
    pool = paragraphs()
    for number in range(1, count + 1):
        (texts / f"doc{number:05d}.txt").write_text(document(number, pool), encoding="utf-8")
    return folder


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python bench/make_corpus.py COUNT FOLDER")
    make_corpus(int(sys.argv[1]), Path(sys.argv[2]))
