// Cross-cutting views: contradictions side by side (#/contradictions), which
// outlets carried which original sources (#/sources), and the brief (#/brief).

import {h, replace, badge, plural, message, clean} from "./dom.js";
import {getJSON, getText, getDocuments, outletOf, nameOf} from "./api.js";
import {claimCard, entityLink} from "./claims.js";
import {renderMarkdown} from "./markdown.js";

const KINDS = ["quantity", "time", "polarity", "category"];
// The sources view reads claims page by page; past this many it summarises the newest only,
// so a large database cannot make the page fetch for minutes.
const SOURCES_MAX_CLAIMS = 5000;
const CLAIMS_PAGE = 500;

// -- contradictions ---------------------------------------------------------------------------

function contradictionCard(x, claims, docs, isNew = false) {
  const sides = x.claim_ids.map((id) => claims.get(id)).filter(Boolean);
  return h("li", {class: ["contradiction", isNew && "new"], id: `x-${x.id}`, dataset: {contradictionId: x.id}},
    h("div", {class: "x-head"}, badge(x.kind, "kind"), " ", h("strong", {class: "about"}, x.about || "")),
    x.reason ? h("p", {class: "reason"}, x.reason) : null,
    h("div", {class: "sides"}, sides.map((claim, i) => h("div", {class: "side", dataset: {side: String(i)}},
      h("ol", {class: "claims"}, claimCard(claim, docs))))));
}

export async function contradictionsView(main, query) {
  const kind = query.get("kind") || "";
  const focus = query.get("focus");
  const data = await getJSON("/api/contradictions", {kind, limit: 200});
  const claims = new Map(Object.entries(data.claims || {}));
  const docs = await getDocuments([...claims.values()].map((c) => c.document_id));
  const list = h("ol", {class: "contradictions", id: "contradictions"},
    data.items.map((x) => contradictionCard(x, claims, docs)));
  replace(main,
    h("h1", {}, "Contradictions"),
    h("p", {class: "muted"}, "Claims that cannot both be true: numbers that do not overlap, different dates, "
      + "asserted against denied, different weapon classes. Both sides are shown with who says so."),
    h("nav", {class: "tabs"}, [["", "all"], ...KINDS.map((k) => [k, k])].map(([value, label]) =>
      h("a", {href: value ? `#/contradictions?kind=${value}` : "#/contradictions",
        class: value === kind ? "active" : null}, label))),
    data.items.length ? list : message("No contradictions."));
  const focused = focus && document.getElementById(`x-${focus}`);
  if (focused) {
    focused.classList.add("focus");
    focused.scrollIntoView({block: "center"});
  }
  return {
    async live(type, item) {
      if (type !== "contradiction" || (kind && item.kind !== kind)) return;
      const found = await Promise.all(item.claim_ids.map((id) =>
        getJSON(`/api/claims/${encodeURIComponent(id)}`).then((d) => d.claim).catch(() => null)));
      const fresh = new Map(found.filter(Boolean).map((c) => [c.id, c]));
      const freshDocs = await getDocuments([...fresh.values()].map((c) => c.document_id));
      if (!list.isConnected) main.append(list);
      list.prepend(contradictionCard(item, fresh, freshDocs, true));
    },
  };
}

// -- sources --------------------------------------------------------------------------------

async function allClaims() {
  const claims = [];
  const documents = {};
  let offset = 0;
  while (offset !== null && offset !== undefined && claims.length < SOURCES_MAX_CLAIMS) {
    const page = await getJSON("/api/claims", {limit: CLAIMS_PAGE, offset});
    claims.push(...page.items);
    Object.assign(documents, page.documents || {});
    offset = page.next_offset;
  }
  return {claims, documents, complete: offset === null || offset === undefined};
}

function tally(map, key) {
  map.set(key, (map.get(key) || 0) + 1);
}

function chips(counts, render) {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([key, n]) =>
    h("span", {class: "chip"}, render(key), n > 1 ? h("span", {class: "muted"}, ` ×${n}`) : null));
}

export async function sourcesView(main) {
  const {claims, documents, complete} = await allClaims();
  const outlets = new Map(); // outlet -> {articles, copies, sources, relays}
  const sources = new Map(); // original source -> outlets (claims per outlet)
  for (const claim of claims) {
    const doc = documents[claim.document_id];
    const outlet = outletOf(doc);
    if (!outlets.has(outlet)) outlets.set(outlet, {articles: new Set(), copies: new Set(), sources: new Map(), relays: new Map()});
    const row = outlets.get(outlet);
    (doc?.dup_of ? row.copies : row.articles).add(claim.document_id);
    tally(row.sources, claim.source || "");
    for (const relay of claim.via || []) tally(row.relays, relay);
    if (claim.source) {
      if (!sources.has(claim.source)) sources.set(claim.source, new Map());
      tally(sources.get(claim.source), outlet);
    }
  }
  const sourceName = (id) => (id ? entityLink(id) : h("span", {class: "muted"}, "unattributed"));
  const outletRows = [...outlets.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([outlet, row]) =>
    h("tr", {dataset: {outlet}},
      h("th", {scope: "row"}, outlet),
      h("td", {class: "num", dataset: {label: "Articles"}}, String(row.articles.size),
        row.copies.size ? h("span", {class: "muted", title: "syndicated copies"}, ` +${row.copies.size} copies`) : null),
      h("td", {dataset: {label: "Original sources"}}, chips(row.sources, sourceName)),
      h("td", {dataset: {label: "Through"}}, chips(row.relays, entityLink))));
  const sourceRows = [...sources.entries()]
    .sort((a, b) => b[1].size - a[1].size || nameOf(a[0]).localeCompare(nameOf(b[0])))
    .map(([id, byOutlet]) => h("tr", {dataset: {source: id}},
      h("th", {scope: "row"}, entityLink(id)),
      h("td", {class: "num", dataset: {label: "Outlets"}}, String(byOutlet.size)),
      h("td", {dataset: {label: "Carried by"}}, chips(byOutlet, (name) => name))));
  replace(main,
    h("h1", {}, "Sources"),
    h("p", {class: "muted"}, `From ${plural(claims.length, "claim")}${complete ? "" : " (the newest only)"}: `
      + "who each outlet quotes as the original source, and through whom (relays such as a news agency)."),
    h("section", {class: "panel"}, h("h2", {}, "Outlets and the original sources they carried"),
      h("table", {class: "sources-table", id: "outlets"},
        h("thead", {}, h("tr", {}, h("th", {}, "Outlet"), h("th", {class: "num"}, "Articles"),
          h("th", {}, "Original sources (claims)"), h("th", {}, "Through"))),
        h("tbody", {}, outletRows))),
    h("section", {class: "panel"}, h("h2", {}, "Original sources, most widely carried first"),
      h("table", {class: "sources-table", id: "original-sources"},
        h("thead", {}, h("tr", {}, h("th", {}, "Source"), h("th", {class: "num"}, "Outlets"), h("th", {}, "Carried by"))),
        h("tbody", {}, sourceRows))));
  return null;
}

// -- brief ------------------------------------------------------------------------------------

export async function briefView(main, query) {
  const params = clean({since: query.get("since"), entity: query.get("entity")});
  const form = h("form", {class: "filters", on: {submit: (e) => {
    e.preventDefault();
    const q = new URLSearchParams(clean(Object.fromEntries(new FormData(form).entries()))).toString();
    location.hash = q ? `#/brief?${q}` : "#/brief";
  }}},
  h("label", {}, "Since", h("input", {type: "date", name: "since", value: params.since || ""})),
  h("label", {}, "About", h("input", {type: "search", name: "entity", value: params.entity || "",
    placeholder: "an entity (optional)"})),
  h("button", {type: "submit"}, "Write the brief"));
  const body = h("div", {class: "brief", id: "brief"}, message("Writing…"));
  const query_ = new URLSearchParams(params).toString();
  replace(main, h("h1", {}, "Brief"), form,
    h("p", {}, h("a", {href: `/api/brief${query_ ? "?" + query_ : ""}`}, "The brief as Markdown")), body);
  try {
    replace(body, renderMarkdown(await getText("/api/brief", params)));
  } catch (err) {
    replace(body, message(`No brief: ${err.message}`, "error"));
  }
  return null;
}
