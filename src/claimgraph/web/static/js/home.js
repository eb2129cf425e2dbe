// The overview (#/): filters, the timeline, the map and the event list, and the
// claims list. Filters live in the URL (#/?type=ATTACK&since=2025-03-01), so a
// filtered view can be bookmarked; they apply to events and claims alike
// (polarity, modality and words apply to claims only).

import {h, replace, route, period, plural, message, clean} from "./dom.js";
import {getJSON, getDocuments} from "./api.js";
import {claimCard, fromPreview, entityLink} from "./claims.js";
import {timeline} from "./timeline.js";
import {createMap} from "./map.js";

// The ontology's types, shown in the filter even before the database has claims of each.
export const CLAIM_TYPES = ["ATTACK", "CASUALTY", "TRANSFER", "DEPLOY", "DENY", "ACCUSE", "SANCTION", "MEET",
  "NOTIFY", "THREATEN", "PROPERTY", "STATEMENT"];
const POLARITIES = ["asserted", "denied"];
const MODALITIES = ["fact", "reported", "likely", "possible", "planned"];
const FILTERS = ["type", "entity", "polarity", "modality", "since", "until", "q"];
const EVENT_FILTERS = ["type", "entity", "since", "until"];
const CLAIMS_PER_PAGE = 50;
const EVENTS_SHOWN = 500; // the API's page limit: the timeline shows the latest 500

function pick(query, keys) {
  return clean(Object.fromEntries(keys.map((k) => [k, query.get(k)])));
}

function select(name, label, options, value) {
  const el = h("select", {name, dataset: {filter: name}}, h("option", {value: ""}, "any"),
    options.map((o) => h("option", {value: o}, o)));
  el.value = value || "";
  return h("label", {}, label, el);
}

function input(name, label, type, value, placeholder) {
  return h("label", {}, label, h("input", {name, type, value: value || "", placeholder, dataset: {filter: name}}));
}

function filterForm(filters, types) {
  const go = () => {
    const data = Object.fromEntries(new FormData(form).entries());
    const query = new URLSearchParams(clean(data)).toString();
    location.hash = query ? `#/?${query}` : "#/";
  };
  const form = h("form", {class: "filters", id: "filters", role: "search", on: {
    submit: (e) => { e.preventDefault(); go(); },
    change: (e) => { if (e.target.tagName === "SELECT" || e.target.type === "date") go(); },
  }},
  select("type", "Type", types, filters.type),
  input("entity", "Entity", "search", filters.entity, "name or alias"),
  select("polarity", "Polarity", POLARITIES, filters.polarity),
  select("modality", "Modality", MODALITIES, filters.modality),
  input("since", "Since", "date", filters.since),
  input("until", "Until", "date", filters.until),
  input("q", "Words", "search", filters.q, "in the evidence"),
  h("button", {type: "submit"}, "Filter"),
  Object.keys(filters).length ? h("a", {href: "#/", class: "reset"}, "clear") : null);
  return form;
}

/** Whether a live claim belongs in the list under these filters (null: cannot tell from a preview). */
function matches(claim, filters) {
  if (filters.entity || filters.q) return null;
  if (filters.type && claim.type !== filters.type) return false;
  if (filters.polarity && claim.polarity !== filters.polarity) return false;
  if (filters.modality && claim.modality !== filters.modality) return false;
  const when = claim.time?.start;
  if ((filters.since || filters.until) && !when) return false;
  if (filters.since && when < filters.since) return false;
  if (filters.until && when > filters.until) return false;
  return true;
}

function eventRow(event) {
  return h("tr", {dataset: {eventId: event.id}},
    h("td", {class: "when"}, period(event.time)),
    h("td", {}, h("a", {href: route("event", event.id), class: `t-${event.type} ev-link`}, event.label || event.id)),
    h("td", {class: "num", title: "independent sources"}, String(event.independent_sources)),
    h("td", {class: "num", title: "claims"}, String(event.claim_ids.length)));
}

export async function home(main, query) {
  const filters = pick(query, FILTERS);
  const stats = await getJSON("/api/stats").catch(() => null);
  const types = [...new Set([...CLAIM_TYPES, ...Object.keys(stats?.claims_by_type || {})])];

  const timelineBox = h("div", {class: "panel-body"}, message("Loading…"));
  const mapBox = h("div", {class: "map", id: "map"});
  const placesCount = h("span", {class: "count"});
  const eventsBox = h("div", {class: "events-table"});
  const eventsCount = h("span", {class: "count"});
  const claimsList = h("ol", {class: "claims", id: "claims"});
  const claimsCount = h("span", {class: "count"});
  const matched = h("div", {class: "matched"});
  const more = h("button", {type: "button", class: "more hidden"}, "More claims");
  const notice = h("p", {class: "notice hidden"});

  replace(main,
    filterForm(filters, types),
    h("section", {class: "panel"}, h("h2", {}, "Timeline ", eventsCount), timelineBox),
    h("section", {class: "panel map-panel"}, h("h2", {}, "Map ", placesCount), mapBox),
    h("div", {class: "grid-2"},
      h("section", {class: "panel claims-panel"}, h("h2", {}, "Claims ", claimsCount), matched, notice,
        h("div", {class: "scroll"}, claimsList, more)),
      h("section", {class: "panel"}, h("h2", {}, "Events"), eventsBox)));

  const map = createMap(mapBox, (id) => { location.hash = route("event", id); });
  let eventIds = new Set();
  let timelineView = null; // the reader's zoom, kept when live events redraw the timeline

  async function loadEvents() {
    const [events, geo] = await Promise.all([
      getJSON("/api/events", {...pick(new URLSearchParams(filters), EVENT_FILTERS), limit: EVENTS_SHOWN}),
      getJSON("/api/export", {format: "geojson"}).catch(() => ({features: []})),
    ]);
    eventIds = new Set(events.items.map((e) => e.id));
    replace(eventsCount, `(${plural(events.items.length, "event")}${events.next_offset ? ", latest shown" : ""})`);
    replace(timelineBox, timeline(events.items, {since: filters.since, until: filters.until},
      {view: timelineView, onView: (view) => { timelineView = view; }}));
    replace(eventsBox, events.items.length
      ? h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "When"), h("th", {}, "Event"),
        h("th", {class: "num", title: "independent sources"}, "Src"), h("th", {class: "num"}, "Claims"))),
      h("tbody", {}, events.items.map(eventRow)))
      : message("No events match."));
    const located = (geo.features || []).filter((f) => eventIds.has(f.properties?.event_id));
    const placesShown = map.show(located);
    replace(placesCount, `(${plural(new Set(located.map((f) => f.properties.event_id)).size, "located event")}, `
      + `${plural(placesShown, "place")})`);
  }

  let offset = 0;
  let shown = 0;
  async function loadClaims() {
    const page = await getJSON("/api/claims", {...filters, limit: CLAIMS_PER_PAGE, offset});
    const docs = new Map(Object.entries(page.documents || {}));
    for (const claim of page.items) claimsList.appendChild(claimCard(claim, docs));
    shown += page.items.length;
    offset = page.next_offset ?? offset;
    more.classList.toggle("hidden", page.next_offset === null || page.next_offset === undefined);
    replace(claimsCount, `(${shown}${page.next_offset ? "+" : ""})`);
    if (!shown) claimsList.appendChild(h("li", {class: "empty muted"}, "No claims match."));
    if (page.matched && Object.keys(page.matched).length) {
      replace(matched, Object.entries(page.matched).map(([key, ids]) => h("p", {class: "muted"},
        `${key} “${filters[key] || ""}” matched `, ids.length ? ids.map((id, i) => [i ? ", " : "", entityLink(id)])
          : "no entity")));
    }
  }
  more.addEventListener("click", () => loadClaims().catch(showError));

  function showError(err) {
    notice.classList.remove("hidden");
    replace(notice, `Could not load: ${err.message}`);
  }

  await Promise.all([loadEvents(), loadClaims()]).catch(showError);

  let refresh = null;
  return {
    async live(kind, data) {
      if (kind === "claim") {
        const claim = fromPreview(data);
        const fits = matches(claim, filters);
        if (fits === null) {
          notice.classList.remove("hidden");
          replace(notice, "New claims have arrived; ", h("a", {href: location.hash || "#/", class: "reload",
            on: {click: (e) => { e.preventDefault(); window.dispatchEvent(new HashChangeEvent("hashchange")); }}},
          "refresh the list"), ".");
          return;
        }
        if (!fits) return;
        claimsList.querySelector(".empty")?.remove();
        const docs = await getDocuments([claim.document_id]);
        claimsList.prepend(claimCard(claim, docs, {isNew: true}));
        shown += 1;
        replace(claimsCount, `(${shown}+)`);
      } else if (kind === "event") {
        // Several events arrive per ingest: redraw once.
        clearTimeout(refresh);
        refresh = setTimeout(() => loadEvents().catch(showError), 300);
      }
    },
    destroy() {
      clearTimeout(refresh);
      map.destroy();
    },
  };
}
