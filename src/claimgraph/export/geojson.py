"""GeoJSON export (RFC 7946): one Point feature per (event, located place).

An event is placed where its ``location`` role says it happened and, failing that, at a
located place in its ``target`` role ("missiles hit Kharkiv"). Places are the gazetteer
coordinates of the resolved entity (a city's centre, a region's centroid), not the impact
point. Events with no located place are left out; countries have no coordinates in the
gazetteer, so "Russia attacked Ukraine" alone is not mapped. Coordinates are ``[lon, lat]``
as RFC 7946 requires.

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     export_geojson(store)
    {'type': 'FeatureCollection', 'features': []}
"""

from __future__ import annotations

from typing import Any

from claimgraph.export.base import Exporter, ExportView, event_sort_key, shorten
from claimgraph.model import Entity, Event

# Enough of the first claim's sentence for a map pop-up.
EVIDENCE_LIMIT = 240


def export_geojson(store: Any) -> dict[str, Any]:
    """Every located event as GeoJSON Point features, chronological.

    :param store: a ``claimgraph.store.Store``.
    :returns: a ``FeatureCollection`` dict (``json.dumps`` it, media type ``application/geo+json``).
    """
    view = ExportView.of(store)
    features = [
        event_feature(view, event, place)
        for event in sorted(view.events, key=lambda e: event_sort_key(view, e))
        for place in view.places(event)
    ]
    return {"type": "FeatureCollection", "features": features}


def event_feature(view: ExportView, event: Event, place: Entity) -> dict[str, Any]:
    """One event at one place: a Point at ``[lon, lat]`` with the event's properties."""
    claims = view.event_claims(event)
    role = "location" if place.id in (event.roles.get("location") or []) else "target"
    return {
        "type": "Feature",
        "id": f"{event.id}@{place.id}",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "event_id": event.id,
            "event_type": event.type,
            "date": event.time.start,
            "end_date": event.time.end,
            "label": event.label,
            "independent_sources": int(event.independent_sources),
            "sources": view.source_names(event.sources),
            "source_ids": list(event.sources),
            "place": place.name,
            "place_id": place.id,
            "place_role": role,
            "country": place.country,
            "actors": view.names(event.roles.get("actor") or []),
            "instruments": view.names(event.roles.get("instrument") or []),
            "quantities": view.event_quantities(event),
            "claim_ids": list(event.claim_ids),
            "document_ids": list(event.document_ids),
            "evidence": shorten(claims[0].text, EVIDENCE_LIMIT) if claims else None,
        },
    }


class GeoJsonExporter(Exporter):
    format = "geojson"
    media_type = "application/geo+json"
    extension = "geojson"
    description = "located events as a GeoJSON FeatureCollection of points ([lon, lat])"

    def export(self, store: Any, **_options: Any) -> dict[str, Any]:
        return export_geojson(store)
