#!/usr/bin/env python3
"""Build src/claimgraph/data/gazetteer/division_points.tsv: a point for each first-level
division that sits where gazetteers pin the division, not where its towns cluster.

``geonames.tsv.gz`` places a state or province at the middle of its towns, which for a
large, thinly settled one (Manitoba, Queensland, British Columbia) lies hundreds of km
south of the division's own point. The countries-states-cities database (ODbL 1.0, read
from the ``countrystatecity-countries`` wheel's ``data`` folder; not a run-time
dependency) gives each state a point. A state's point there that is its namesake
city's ("New York" at New York City) is a geocoded city, not the division: that one is
left out, so the gazetteer keeps its own.

Columns: country ISO-2, division name as in geonames.tsv.gz, lat, lon.

    pip download --no-deps countrystatecity-countries==2.0.1 -d /tmp/csc && unzip ...
    python3 scripts/build_division_points.py --csc /tmp/csc/countrystatecity_countries/data
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from claimgraph.resolve.geoparse import World, distance_km  # noqa: E402
from claimgraph.resolve.places import name_key  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "data" / "gazetteer" / "division_points.tsv"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--csc", type=Path, required=True, help="countrystatecity-countries' data folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build(args.csc)
    with args.out.open("w", encoding="utf-8") as out:
        out.write("# First-level division points from the countries-states-cities database "
                  "(ODbL 1.0, via countrystatecity-countries 2.0.1). Built by scripts/build_division_points.py\n")
        for row in rows:
            out.write("\t".join(map(str, row)) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e3:.0f} kB): {len(rows)} divisions")


if __name__ == "__main__":
    main()
