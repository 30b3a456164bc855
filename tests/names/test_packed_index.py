"""The gazetteer's index kept packed (PackedFormIndex, made from teikit's cache) answers every
lookup exactly as the plain FormIndex of the same records, and a broken cache is rebuilt."""

from __future__ import annotations

import marshal
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teikit import cache
from teikit.authority import gazetteer as gazetteer_module
from teikit.authority.entries import AuthorityEntry
from teikit.authority.gazetteer import Place, _Places
from teikit.authority.index import MAX_READINGS, FormIndex, PackedFormIndex, pack

WORD = st.text(st.sampled_from("ab\x00 "), min_size=0, max_size=3)
KEY = st.lists(st.text(st.sampled_from("ab "), min_size=1, max_size=3), min_size=1, max_size=4).map(tuple)


def _entry(number: int) -> AuthorityEntry:
    return AuthorityEntry(f"e{number % 7}", "place", (f"E{number}",))  # ids repeat: entries() keeps the first


def _plain_and_packed(records: list[tuple[tuple, int, bool]]) -> tuple[FormIndex, PackedFormIndex]:
    made: dict[int, AuthorityEntry] = {}

    def entry(number: int) -> AuthorityEntry:
        return made.setdefault(number, _entry(number))

    plain = FormIndex.from_records((key, entry(number), stated) for key, number, stated in records)
    return plain, PackedFormIndex(pack(records), entry)


def _readings(found) -> list:
    return [(entry, stated) for entry, stated in found]


def _matches(found) -> list:
    return [(m.entry, m.stated, m.length) for m in found]


def _unique(records):
    """Records free of repeats, as FormIndex.from_records and pack take them (one entry per key once)."""
    seen, out = set(), []
    for key, number, stated in records:
        if (key, number) not in seen:
            seen.add((key, number))
            out.append((key, number, stated))
    return out


@given(records=st.lists(st.tuples(KEY, st.integers(0, 30), st.booleans()), max_size=40).map(_unique),
       words=st.lists(st.one_of(WORD, st.text(st.sampled_from("ab "), min_size=1, max_size=3)), max_size=8),
       asked=st.lists(st.lists(WORD, max_size=4).map(tuple), max_size=6),
       limits=st.lists(st.one_of(st.none(), st.integers(0, 9)), min_size=1, max_size=3))
def test_packed_index_answers_as_the_plain_one(records, words, asked, limits):
    plain, packed = _plain_and_packed(records)
    assert len(packed) == len(plain)
    assert list(packed.entries()) == list(plain.entries())
    for key in [*(key for key, _, _ in records), *asked, tuple(words)]:
        assert (key in packed) == (key in plain)
        assert _readings(packed.get(key)) == _readings(plain.get(key))
    probes = [list(key) + words for key, _, _ in records] + [words]
    for probe in probes:
        for start in range(len(probe)):
            for limit in limits:
                assert _matches(packed.longest_at(probe, start, limit)) == _matches(plain.longest_at(probe, start, limit))


def test_a_key_word_holding_the_separator_is_never_a_form():
    plain, packed = _plain_and_packed([(("a", "b"), 1, True), (("a",), 2, True)])
    for probe in (["a\x00b"], ["a\x00b", "c"], ("a\x00", "b")):
        assert packed.longest_at(list(probe), 0) == plain.longest_at(list(probe), 0)
        assert (tuple(probe) in packed) is (tuple(probe) in plain) is False
    with pytest.raises(ValueError):
        pack([(("a\x00b",), 1, True)])


def test_a_packed_index_returns_the_same_objects_every_time_and_keeps_the_reading_order():
    records = [(("victoria",), n, n % 2 == 0) for n in range(MAX_READINGS + 3)]
    plain, packed = _plain_and_packed(records)
    first = packed.longest_at(["victoria"], 0)
    assert [m.entry for m in first] == [m.entry for m in packed.longest_at(["victoria"], 0)]
    assert [m.entry for m in first] == [m.entry for m in plain.longest_at(["victoria"], 0)]
    assert len(first) == MAX_READINGS
    assert packed.get(("victoria",)) is packed.get(("victoria",))


def test_adding_to_a_packed_index_makes_it_a_plain_index_with_everything():
    records = [(("new", "york"), 1, True), (("york",), 2, True), (("york",), 3, False)]
    plain, packed = _plain_and_packed(records)
    before = list(packed.get(("york",)))  # the live list: add() extends it, as the plain index's
    extra = AuthorityEntry("x", "place", ("Yorktown",))
    for index in (plain, packed):
        index.add("Yorktown", extra)
        index.add("York", extra, stated=False)
    assert type(packed) is FormIndex
    assert packed.get(("york",))[:2] == before
    for key in (("new", "york"), ("york",), ("yorktown",)):
        assert packed.get(key) == plain.get(key)
    assert list(packed.entries()) == list(plain.entries())
    assert _matches(packed.longest_at(["new", "york"], 0)) == _matches(plain.longest_at(["new", "york"], 0))


@pytest.fixture(scope="module")
def cache_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("teikit-cache")


@pytest.fixture(scope="module")
def real_gazetteer(cache_folder):
    """The gazetteer built from the packages, as the plain index of its records and as the packed
    index read back from a fresh cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(cache.CACHE_ENV, str(cache_folder))
        places, forms = gazetteer_module._records()
        built = gazetteer_module.gazetteer.__wrapped__()  # builds and stores
        patch.setattr(gazetteer_module, "_records", None)
        packed = gazetteer_module.gazetteer.__wrapped__()  # reads the cache
    made = [Place(*place) for place in places]
    plain = FormIndex.from_records((tuple(key), made[number], stated) for key, number, stated in forms)
    return plain, packed, built


def _place(place: Place) -> tuple:
    return place.id, place.names, place.idnos, place.geo, place.extra, type(place)


def test_the_cached_gazetteer_answers_every_form_as_the_plain_index(real_gazetteer):
    plain, packed, built = real_gazetteer
    assert type(packed) is PackedFormIndex and len(packed) == len(plain) == len(built) > 40_000
    assert [_place(p) for p in packed.entries()] == [_place(p) for p in plain.entries()]
    keys = list(plain._forms)
    rng = random.Random(19)
    followers = ["of", "city", "york", "", "zzz", *rng.sample([w for k in keys for w in k], 200)]
    for key in keys:
        assert key in packed
        assert [(_place(e), s) for e, s in packed.get(key)] == [(_place(e), s) for e, s in plain.get(key)]
        words = [rng.choice(followers), *key, rng.choice(followers)]
        for start, limit in ((1, None), (1, len(key)), (1, len(key) + 1), (0, None), (len(key), None)):
            ours = [(_place(m.entry), m.stated, m.length) for m in packed.longest_at(words, start, limit)]
            theirs = [(_place(m.entry), m.stated, m.length) for m in plain.longest_at(words, start, limit)]
            assert ours == theirs, (words, start, limit)
    for _ in range(2000):  # random word runs, mostly no form
        words = [rng.choice(followers) for _ in range(rng.randint(1, 5))]
        assert (tuple(words) in packed) == (tuple(words) in plain)
        assert [_place(m.entry) for m in packed.longest_at(words, 0)] == \
            [_place(m.entry) for m in plain.longest_at(words, 0)]


def test_a_gazetteer_place_is_the_same_object_at_every_lookup(real_gazetteer):
    _, packed, _ = real_gazetteer
    (first, *_), (again, *_) = packed.longest_at(["london"], 0), packed.longest_at(["london"], 0)
    assert first.entry is again.entry and first.entry.preferred == "London"
    assert packed.get(("london",))[0][0] is first.entry


def test_places_are_decoded_from_their_own_records():
    records = [("geonames-1", "Aa", (("GeoNames", "1"),), "city", 5, "1.0 2.0", "AA"),
               ("iso-X", "Bb", (("ISO3166-2", "X"),), "subdivision", 0, None, "BB")]
    blobs = [marshal.dumps(r) for r in records]
    ends = gazetteer_module.array("Q", gazetteer_module.accumulate(map(len, blobs)))
    places = _Places(b"".join(blobs), ends.tobytes())
    assert _place(places(1)) == _place(Place(*records[1])) and places(1) is places(1)
    assert _place(places(0)) == _place(Place(*records[0]))


@pytest.mark.parametrize("content", [b"\x00garbage", marshal.dumps(((0, {}, marshal.dumps([])), b"xx", b"\x05" + bytes(7)))],
                         ids=["unreadable", "another shape"])
def test_a_broken_gazetteer_cache_is_rebuilt(real_gazetteer, cache_folder, tmp_path, monkeypatch, content):
    (good,) = (cache_folder / "gazetteer").iterdir()
    entry = tmp_path / "gazetteer" / good.name
    entry.parent.mkdir(mode=0o700)
    entry.write_bytes(content)
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    index = gazetteer_module.gazetteer.__wrapped__()
    assert index.longest_at(["paris"], 0)[0].entry.preferred == "Paris"
    assert entry.read_bytes() == good.read_bytes()


def test_cached_value_builds_again_what_it_cannot_read_or_the_check_rejects(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"made": len(builds)}

    assert cache.cached_value("demo", ("v1",), build) == {"made": 1}
    assert cache.cached_value("demo", ("v1",), build) == {"made": 1}  # read back
    assert cache.cached_value("demo", ("v1",), build, check=lambda v: v["made"] > 1) == {"made": 2}
    (entry,) = (tmp_path / "demo").iterdir()
    entry.write_bytes(b"\xff\xfe")
    assert cache.cached_value("demo", ("v1",), build) == {"made": 3}
    assert cache.cached_value("demo", ("v2",), build) == {"made": 4}  # a changed source: a new key
