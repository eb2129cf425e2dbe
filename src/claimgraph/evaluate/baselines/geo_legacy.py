"""What the pipeline did with place names before ``resolve.geoparse``: spaCy GPE/LOC/FAC
entities resolved one by one by ``EntityResolver`` (``resolve.places.geocode``; countries
without a point). Kept only so ``evaluate_geo(system="legacy")`` can show the figures the
geoparser started from."""

from __future__ import annotations

from claimgraph.resolve.entities import EntityResolver

LABELS = {"GPE", "LOC", "FAC"}


def _mentions(resolver: EntityResolver, spans: list[tuple[int, int, str, str]]) -> list[dict]:
    entities = resolver.resolve_in_document([(text, label) for _s, _e, text, label in spans])
    return [{"start": s, "end": e, "lat": ent.lat, "lon": ent.lon}
            for (s, e, _t, _l), ent in zip(spans, entities)]


def parse(doc, record) -> list[dict]:
    spans = [(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.label_ in LABELS]
    return _mentions(EntityResolver(), spans)


def resolve_spans(doc, record, spans) -> list[dict]:
    text = doc.text
    return _mentions(EntityResolver(), [(s, e, text[s:e], "GPE") for s, e in spans])
