// The map of located events: Leaflet over Natural Earth country outlines
// (world-atlas, TopoJSON converted in the browser by topojson-client). No tile
// server: the page works offline, and nothing leaves the machine.
//
//   const map = createMap(container, (eventId) => { location.hash = ... });
//   map.show(features)   // GeoJSON Point features from /api/export?format=geojson

import {h, plural} from "./dom.js";

const WORLD = "/static/vendor/world-atlas-2.0.2/countries-110m.json";
// Where the map looks when there is nothing to show: Europe to the Korean peninsula,
// the region the demo corpus is about.
const EMPTY_BOUNDS = [[30, 0], [65, 135]];
let world = null; // the outlines, fetched once per page

function loadWorld() {
  if (!world) {
    world = fetch(WORLD).then((r) => r.json()).then((topo) => window.topojson.feature(topo, topo.objects.countries));
  }
  return world;
}

/** A Leaflet map in ``container``; ``onSelect(eventId)`` is called when a marker is clicked. */
export function createMap(container, onSelect) {
  const L = window.L;
  if (!L || !window.topojson) {
    container.appendChild(h("p", {class: "muted"}, "The map library is not available."));
    return {show() {}, destroy() {}};
  }
  // minZoom 2: below it the world is narrower than the panel and grey bands show.
  const map = L.map(container, {worldCopyJump: false, minZoom: 2, maxZoom: 10, zoomSnap: 0.5,
    attributionControl: true, fadeAnimation: false, maxBounds: [[-85, -200], [85, 200]], maxBoundsViscosity: 1});
  map.attributionControl.setPrefix("Leaflet");
  map.fitBounds(EMPTY_BOUNDS);
  const outlines = L.layerGroup().addTo(map);
  const markers = L.layerGroup().addTo(map);
  loadWorld().then((countries) => {
    L.geoJSON(countries, {interactive: false, style: () => ({className: "country"})}).addTo(outlines);
    map.attributionControl.addAttribution("Natural Earth outlines");
    container.classList.add("ready");
  }).catch(() => container.classList.add("no-outlines"));

  return {
    /** Replace the markers with ``features``; one circle per event and place, sized by sources. */
    show(features) {
      markers.clearLayers();
      const points = [];
      for (const feature of features) {
        const [lon, lat] = feature.geometry?.coordinates || [];
        if (typeof lat !== "number" || typeof lon !== "number") continue;
        const p = feature.properties || {};
        const sources = Number(p.independent_sources) || 0;
        const marker = L.circleMarker([lat, lon], {
          radius: 5 + 2.5 * Math.sqrt(sources), className: `event-marker t-${p.event_type}`,
        });
        // Tooltip content as a DOM node: Leaflet would parse a string as HTML.
        marker.bindTooltip(h("div", {class: "map-tip"},
          h("strong", {}, p.label || p.event_id), h("br"),
          `${p.place || ""} · ${plural(sources, "independent source")}`));
        marker.on("click", () => onSelect(p.event_id));
        marker.addTo(markers);
        marker.getElement()?.setAttribute("data-event-id", p.event_id);
        points.push([lat, lon]);
      }
      // No animation: a view left mid-animation would have Leaflet step a removed map.
      if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.25), {maxZoom: 4, animate: false});
      return points.length;
    },
    destroy() {
      map.stop();
      map.remove();
    },
  };
}
