// The claimgraph dashboard: hash routes, the header counts, and live updates.
//
// Plain ES modules, no build step; the libraries (Leaflet, topojson-client, the
// world-atlas outlines) are shipped under /static/vendor/ with their versions in the
// paths. The server's Content-Security-Policy forbids inline script and style, so
// everything here is a file, and every piece of article text is a text node.
//
// Routes: #/ (overview, filters in the query), #/event/ID, #/entity/ID,
// #/document/ID?claim=CID, #/claim/ID, #/contradictions, #/sources, #/brief.

import {h, replace, route, message} from "./js/dom.js";
import {getJSON} from "./js/api.js";
import {home} from "./js/home.js";
import {eventView, entityView, documentView, claimView} from "./js/views.js";
import {contradictionsView, sourcesView, briefView} from "./js/lists.js";

const main = document.getElementById("app");
const LIVE_FEED_SIZE = 30;
const LIVE_KINDS = ["document", "claim", "event", "contradiction"];

const ROUTES = [
  [/^\/$/, "home", (host, m, q) => home(host, q)],
  [/^\/event\/([^/]+)$/, "event", (host, m) => eventView(host, decodeURIComponent(m[1]))],
  [/^\/entity\/([^/]+)$/, "entity", (host, m) => entityView(host, decodeURIComponent(m[1]))],
  [/^\/document\/([^/]+)$/, "document", (host, m, q) => documentView(host, decodeURIComponent(m[1]), q)],
  [/^\/claim\/([^/]+)$/, "claim", (host, m) => claimView(host, decodeURIComponent(m[1]))],
  [/^\/contradictions$/, "contradictions", (host, m, q) => contradictionsView(host, q)],
  [/^\/sources$/, "sources", (host) => sourcesView(host)],
  [/^\/brief$/, "brief", (host, m, q) => briefView(host, q)],
];

let current = null; // what the shown view returned: {live(kind, data), destroy()}
let renders = 0;

function parseHash() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const at = hash.indexOf("?");
  return at < 0 ? [hash, new URLSearchParams()] : [hash.slice(0, at), new URLSearchParams(hash.slice(at + 1))];
}

async function render() {
  const token = ++renders;
  const [path, query] = parseHash();
  current?.destroy?.();
  current = null;
  const found = ROUTES.map(([re, name, view]) => [re.exec(path), name, view]).find(([m]) => m);
  const name = found ? found[1] : "missing";
  // Each render gets its own host: a slow, superseded render writes into a detached node.
  const host = h("div", {class: `view view-${name}`});
  replace(main, host);
  main.dataset.view = name;
  main.dataset.state = "loading";
  for (const link of document.querySelectorAll("#nav a")) {
    link.classList.toggle("active", link.dataset.view === name);
  }
  if (name === "contradictions") resetBadge();
  let result = null;
  try {
    if (!found) throw Object.assign(new Error(`no page at ${path}`), {status: 404});
    host.appendChild(message("Loading…", "loading"));
    const [match, , view] = found;
    result = await view(host, match, query);
  } catch (err) {
    if (token === renders) {
      replace(host, h("h1", {}, err.status === 404 ? "Not found" : "Something went wrong"),
        message(err.message || String(err), "error"), h("p", {}, h("a", {href: "#/"}, "Back to the overview")));
    }
  }
  if (token !== renders) {
    result?.destroy?.();
    return;
  }
  current = result;
  main.dataset.state = "ready";
  const heading = host.querySelector("h1");
  document.title = heading ? `${heading.textContent} · claimgraph` : "claimgraph";
}

// -- header counts ---------------------------------------------------------------------------

const counts = {documents: 0, claims: 0, events: 0, contradictions: 0};

function showCounts() {
  replace(document.getElementById("stats"), Object.entries(counts).map(([key, n]) =>
    h("span", {class: "stat", dataset: {stat: key}}, h("strong", {}, String(n)), ` ${key}`)));
}

async function loadCounts() {
  try {
    const stats = await getJSON("/api/stats");
    for (const key of Object.keys(counts)) counts[key] = stats.counts?.[key] ?? 0;
    showCounts();
  } catch {
    // the counts are a convenience; the views report their own errors
  }
}

let newContradictions = 0;

function resetBadge() {
  newContradictions = 0;
  const el = document.getElementById("new-contradictions");
  el.classList.add("hidden");
  el.textContent = "";
}

// -- live updates -------------------------------------------------------------------------------

function feedItem(kind, data) {
  const label = {
    document: () => ["article", h("a", {href: route("document", data.id)}, data.title || "(untitled)"),
      data.outlet ? ` · ${data.outlet}` : ""],
    claim: () => [data.type, h("a", {href: route("claim", data.id)}, (data.text || "").trim().slice(0, 140))],
    event: () => [data.new ? "new event" : "event updated", h("a", {href: route("event", data.id)}, data.label || data.id),
      ` · ${data.independent_sources} src`],
    contradiction: () => ["contradiction", h("a", {href: `#/contradictions?focus=${encodeURIComponent(data.id)}`},
      data.about || data.id)],
  }[kind]();
  return h("li", {class: ["feed-item", `feed-${kind}`], dataset: {kind, id: data.id}},
    h("span", {class: "feed-kind"}, label[0]), " ", label.slice(1));
}

function onLive(kind, data) {
  const feed = document.getElementById("live-feed");
  document.getElementById("live-empty").classList.add("hidden");
  feed.prepend(feedItem(kind, data));
  while (feed.children.length > LIVE_FEED_SIZE) feed.lastElementChild.remove();
  if (kind === "document") counts.documents += 1;
  if (kind === "claim") counts.claims += 1;
  if (kind === "event" && data.new) counts.events += 1;
  if (kind === "contradiction") {
    counts.contradictions += 1;
    if (main.dataset.view !== "contradictions") {
      newContradictions += 1;
      const badge = document.getElementById("new-contradictions");
      badge.textContent = `+${newContradictions}`;
      badge.classList.remove("hidden");
    }
  }
  showCounts();
  Promise.resolve(current?.live?.(kind, data)).then((answer) => {
    if (answer === "rerender") render();
  }).catch(() => {});
}

function connect() {
  const status = document.getElementById("live-status");
  if (!window.EventSource) return;
  // EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed.
  const stream = new EventSource("/api/stream");
  stream.addEventListener("open", () => { status.className = "live-status on"; status.textContent = "live"; });
  stream.addEventListener("error", () => { status.className = "live-status off"; status.textContent = "offline"; });
  for (const kind of LIVE_KINDS) {
    stream.addEventListener(kind, (e) => {
      let data;
      try {
        data = JSON.parse(e.data);
      } catch {
        return;
      }
      onLive(kind, data);
    });
  }
  window.addEventListener("pagehide", () => stream.close());
}

window.addEventListener("hashchange", render);
loadCounts();
connect();
render();
