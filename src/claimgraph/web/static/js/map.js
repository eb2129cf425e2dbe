// The map of located events: Leaflet over Natural Earth country outlines
// (world-atlas, TopoJSON converted in the browser by topojson-client). No tile
// server: the page works offline, and nothing leaves the machine.
//
// Events at one place share one mark; places closer than CLUSTER_PX on screen are
// clustered again at every zoom, so a busy region stays readable. Every mark carries
// a label with its place names and how many events it holds. Clicking a mark opens
// its event (one event), zooms into it (several places), or lists its events.
//
//   const map = createMap(container, (eventId) => { location.hash = ... });
//   map.show(features)   // GeoJSON Point features from /api/export?format=geojson

import {h, s, plural, route} from "./dom.js";

export const WORLD = "/static/vendor/world-atlas-2.0.2/countries-110m.json";
// Where the map looks when there is nothing to show: Europe to the Korean peninsula,
// the region the demo corpus is about.
const EMPTY_BOUNDS = [[30, 0], [65, 135]];
const CLUSTER_PX = 44;
const LABEL_NAMES = 2; // place names in a label; the rest are counted ("+3")
const TITLE_EVENTS = 8; // event labels in a mark's hover text
let world = null; // the outlines, fetched once per page

function loadWorld() {
  if (!world) {
    world = fetch(WORLD).then((r) => r.json())
      .then((topo) => flatOutlines(window.topojson.feature(topo, topo.objects.countries)));
  }
  return world;
}

/** A ring on the sphere made drawable on a flat map: a step across the antimeridian (Chukotka,
 * Fiji) continues past 180 degrees instead of crossing the whole map, and a ring around a pole
 * (Antarctica) is closed along the map's edge instead of by a line across the world. */
export function flatRing(ring) {
  let shift = 0;
  let previous = null;
  const out = ring.map(([lon, lat]) => {
    if (previous !== null && lon + shift - previous > 180) shift -= 360;
    else if (previous !== null && lon + shift - previous < -180) shift += 360;
    previous = lon + shift;
    return [previous, lat];
  });
  const [first, last] = [out[0], out[out.length - 1]];
  if (out.length && Math.abs(last[0] - first[0]) > 180) {
    const pole = out.reduce((sum, [, lat]) => sum + lat, 0) < 0 ? -90 : 90;
    out.push([last[0], pole], [first[0], pole], first);
  }
  return out;
}

/** world-atlas 2 keeps outlines on the sphere, uncut at the antimeridian: flatten every ring. */
export function flatOutlines(collection) {
  const flat = (geometry) => {
    if (geometry?.type === "Polygon") return {...geometry, coordinates: geometry.coordinates.map(flatRing)};
    if (geometry?.type === "MultiPolygon") {
      return {...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(flatRing))};
    }
    return geometry;
  };
  return {...collection, features: collection.features.map((f) => ({...f, geometry: flat(f.geometry)}))};
}

/** Features grouped by place: [{name, lat, lon, events: [properties, ...]}]. */
export function places(features) {
  const byPlace = new Map();
  for (const feature of features) {
    const [lon, lat] = feature.geometry?.coordinates || [];
    if (typeof lat !== "number" || typeof lon !== "number") continue;
    const p = feature.properties || {};
    const key = p.place_id || `${lat.toFixed(4)},${lon.toFixed(4)}`;
    if (!byPlace.has(key)) byPlace.set(key, {name: p.place || "", lat, lon, events: []});
    byPlace.get(key).events.push(p);
  }
  return [...byPlace.values()];
}

/** Places closer than ``radius`` px (``project(place)`` gives {x, y}) joined, busiest first. */
export function cluster(found, project, radius = CLUSTER_PX) {
  const weight = (p) => p.events.reduce((n, e) => n + 1 + (Number(e.independent_sources) || 0), 0);
  const groups = [];
  for (const place of [...found].sort((a, b) => weight(b) - weight(a) || a.name.localeCompare(b.name))) {
    const at = project(place);
    const near = groups.find((g) => Math.hypot(g.at.x - at.x, g.at.y - at.y) < radius);
    if (near) near.places.push(place);
    else groups.push({at, places: [place]});
  }
  return groups;
}

/** "Kharkiv", "Kharkiv, Odesa" or "Kharkiv, Odesa +3", and the number of events when more than one. */
export function labelText(group) {
  const names = group.places.map((p) => p.name).filter(Boolean);
  const shown = names.slice(0, LABEL_NAMES).join(", ") + (names.length > LABEL_NAMES ? ` +${names.length - LABEL_NAMES}` : "");
  const events = group.places.reduce((n, p) => n + p.events.length, 0);
  return events > 1 ? `${shown} · ${events}` : shown;
}

/** A Leaflet map in ``container``; ``onSelect(eventId)`` is called when a one-event mark is clicked. */
export function createMap(container, onSelect) {
  const L = window.L;
  if (!L || !window.topojson) {
    container.appendChild(h("p", {class: "muted"}, "The map library is not available."));
    return {show() {}, destroy() {}};
  }
  // minZoom 1.5: below it the world is narrower than the panel and grey bands show.
  const map = L.map(container, {worldCopyJump: false, minZoom: 1.5, maxZoom: 10, zoomSnap: 0.5,
    attributionControl: true, fadeAnimation: false, maxBounds: [[-85, -200], [85, 200]], maxBoundsViscosity: 1});
  map.attributionControl.setPrefix("Leaflet");
  map.fitBounds(EMPTY_BOUNDS);
  const outlines = L.layerGroup().addTo(map);
  const markers = L.layerGroup().addTo(map);
  let shownPlaces = [];
  loadWorld().then((countries) => {
    L.geoJSON(countries, {interactive: false, style: () => ({className: "country"})}).addTo(outlines);
    map.attributionControl.addAttribution("Natural Earth outlines");
    container.classList.add("ready");
  }).catch(() => container.classList.add("no-outlines"));

  function eventList(group) {
    const events = group.places.flatMap((p) => p.events.map((e) => ({...e, place: p.name})));
    return h("div", {class: "map-tip"}, h("strong", {}, labelText(group)),
      h("ul", {class: "plain"}, events.map((e) => h("li", {},
        h("a", {href: route("event", e.event_id), class: `t-${e.event_type}`}, e.label || e.event_id),
        h("span", {class: "muted"}, ` · ${plural(Number(e.independent_sources) || 0, "independent source")}`)))));
  }

  function mark(group) {
    const events = group.places.flatMap((p) => p.events);
    const lat = group.places.reduce((n, p) => n + p.lat, 0) / group.places.length;
    const lon = group.places.reduce((n, p) => n + p.lon, 0) / group.places.length;
    const sources = events.reduce((n, e) => n + (Number(e.independent_sources) || 0), 0);
    const types = new Set(events.map((e) => e.event_type));
    const marker = L.circleMarker([lat, lon], {
      radius: Math.min(22, 6 + 2.5 * Math.sqrt(sources + events.length - 1)),
      className: ["event-marker", types.size === 1 ? `t-${events[0].event_type}` : "mixed",
        events.length > 1 ? "cluster" : ""].join(" "),
    });
    // Labels and lists as DOM nodes: Leaflet would parse a string as HTML.
    marker.bindTooltip(h("span", {}, labelText(group)), {permanent: true, direction: "right", offset: [8, 0],
      className: "place-label", interactive: false});
    marker.on("click", () => {
      if (events.length === 1) onSelect(events[0].event_id);
      else if (group.places.length > 1) {
        map.fitBounds(L.latLngBounds(group.places.map((p) => [p.lat, p.lon])).pad(0.5), {animate: false});
      } else {
        L.popup({maxWidth: 280}).setLatLng([lat, lon]).setContent(eventList(group)).openOn(map);
      }
    });
    marker.addTo(markers);
    const el = marker.getElement();
    el?.setAttribute("data-event-ids", events.map((e) => e.event_id).join(" "));
    el?.setAttribute("data-count", String(events.length));
    el?.setAttribute("data-places", String(group.places.length));
    // what a hover shows: the events themselves (the label names only the places)
    el?.appendChild(s("title", {}, events.slice(0, TITLE_EVENTS).map((e) => e.label || e.event_id).join("\n")
      + (events.length > TITLE_EVENTS ? `\n+${events.length - TITLE_EVENTS} more` : "")));
  }

  function redraw() {
    markers.clearLayers();
    const groups = cluster(shownPlaces, (p) => map.latLngToLayerPoint([p.lat, p.lon]));
    groups.forEach(mark);
    container.dataset.marks = String(groups.length);
  }
  map.on("zoomend", redraw);

  return {
    /** Replace the marks with ``features``; returns how many places are shown. */
    show(features) {
      shownPlaces = places(features);
      const points = shownPlaces.map((p) => [p.lat, p.lon]);
      // No animation: a view left mid-animation would have Leaflet step a removed map.
      if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.2), {maxZoom: 5, animate: false});
      redraw();
      return points.length;
    },
    destroy() {
      map.stop();
      map.off("zoomend", redraw);
      map.remove();
    },
  };
}
