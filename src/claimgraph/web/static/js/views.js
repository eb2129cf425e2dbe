// Item pages: an event (#/event/ID), an entity (#/entity/ID), a document with
// every claim's evidence marked (#/document/ID?claim=CID), one claim (#/claim/ID).

import {h, replace, route, period, plural, badge, highlight, externalLink, message} from "./dom.js";
import {getJSON, getDocuments, outletOf} from "./api.js";
import {claimCard, claimBadges, viaChain, evidenceSnippet, evidenceSpan, documentHeader, entityLink, ROLE_ORDER}
  from "./claims.js";

const enc = encodeURIComponent;

function rolesList(roles) {
  const rows = ROLE_ORDER.filter((role) => roles?.[role]?.length)
    .map((role) => [h("dt", {}, role), h("dd", {}, roles[role].map((id, i) => [i ? ", " : "", entityLink(id)]))]);
  return rows.length ? h("dl", {class: "roles-list"}, rows) : null;
}

function contradictionItem(x) {
  return h("li", {dataset: {contradictionId: x.id}}, badge(x.kind, "kind"), " ",
    h("a", {href: `#/contradictions?focus=${enc(x.id)}`}, x.about || x.id),
    x.reason ? h("div", {class: "muted"}, x.reason) : null);
}

function quantitiesLine(claim) {
  const qs = claim.quantities || [];
  if (!qs.length) return null;
  return h("div", {class: "quantities"}, "quantities: ", qs.map((q, i) => [i ? "; " : "",
    h("span", {class: "qty-text"}, q.text), q.of ? ` (${q.of})` : ""]));
}

// -- event ----------------------------------------------------------------------------------

export async function eventView(main, id) {
  const data = await getJSON(`/api/events/${enc(id)}`);
  const event = data.event;
  if (event.id !== id) {
    // a later ingest merged this event into another one: the server redirected us there
    history.replaceState(null, "", `#/event/${encodeURIComponent(event.id)}`);
  }
  const docs = await getDocuments(Object.keys(data.documents || {}));
  const byDoc = new Map();
  for (const claim of data.claims) {
    if (!byDoc.has(claim.document_id)) byDoc.set(claim.document_id, []);
    byDoc.get(claim.document_id).push(claim);
  }
  const outlets = new Set([...byDoc.keys()].map((d) => outletOf(docs.get(d) || data.documents[d])));

  const evidence = [...byDoc.entries()].map(([docId, claims]) => {
    const doc = docs.get(docId) || data.documents[docId];
    return h("article", {class: "doc-evidence", dataset: {documentId: docId}},
      doc ? documentHeader(doc) : h("h3", {}, docId),
      h("ol", {class: "evidence-list"}, claims.map((claim) => h("li", {class: "evidence-item",
        dataset: {claimId: claim.id}},
      h("div", {class: "claim-head"}, claimBadges(claim), h("span", {class: "when"}, period(claim.time)),
        h("a", {href: route("claim", claim.id), class: "id"}, claim.id)),
      evidenceSnippet(claim, doc),
      h("div", {class: "claim-foot"}, h("span", {class: "label"}, "via chain: "), viaChain(claim, doc)),
      quantitiesLine(claim)))),
      doc && typeof doc.text === "string" ? wholeArticleToggle(doc, claims) : null);
  });

  replace(main,
    h("p", {class: "crumbs"}, h("a", {href: "#/"}, "Overview"), " › event"),
    h("h1", {}, event.label || event.id),
    h("div", {class: "meta"}, badge(event.type, `t-${event.type}`), " ", period(event.time),
      " · ", plural(data.claims.length, "claim"), " · ", plural(byDoc.size, "article"),
      " · ", plural(outlets.size, "outlet")),
    h("section", {class: "panel sources-box"},
      h("div", {class: "big-number", id: "independent-sources"}, String(data.independent_sources)),
      h("div", {}, h("strong", {}, data.independent_sources === 1 ? "independent source" : "independent sources"),
        h("ul", {class: "sources"}, (data.sources || []).map((src) => h("li", {},
          entityLink(src.id), src.type ? h("span", {class: "muted"}, ` ${src.type}`) : null))),
        h("p", {class: "muted"}, "Outlets repeating one original source count once; syndicated copies add none."))),
    rolesList(event.roles),
    data.contradictions?.length
      ? h("section", {class: "panel"}, h("h2", {}, "Contradictions"), h("ul", {class: "plain"},
        data.contradictions.map(contradictionItem)))
      : null,
    h("section", {class: "panel"}, h("h2", {}, "Evidence"), evidence));

  return {
    live(kind, item) {
      if (kind === "event" && item.id === id) return "rerender";
      return null;
    },
  };
}

function wholeArticleToggle(doc, claims) {
  const box = h("div", {class: "article hidden"});
  const button = h("button", {type: "button", class: "toggle", on: {click: () => {
    if (!box.firstChild) {
      box.appendChild(highlight(doc.text, claims.map((c) => ({...evidenceSpan(c), claimId: c.id}))));
    }
    box.classList.toggle("hidden");
    button.textContent = box.classList.contains("hidden") ? "Show the whole article" : "Hide the article";
  }}}, "Show the whole article");
  return h("div", {}, button, box);
}

// -- places ---------------------------------------------------------------------------------

const FEATURE_NAMES = {PCLI: "country", CONT: "continent", ADM1: "state or province", ADM2: "county or district",
  PPLC: "capital", RGN: "region", LOCAL: "place the gazetteer does not know"};

function placeLabel(m) {
  const kind = FEATURE_NAMES[m.feature] || "town or city";
  return [h("strong", {}, m.name || m.text), h("span", {class: "muted"},
    ` ${kind}${m.admin1 && m.feature !== "ADM1" ? `, ${m.admin1}` : ""}${m.country ? `, ${m.country}` : ""}`)];
}

/** Every place an article names, once each, with how often and where it lies. */
function documentPlaces(mentions) {
  const byPlace = new Map();
  for (const m of mentions) {
    const key = m.place_id || m.text;
    if (!byPlace.has(key)) byPlace.set(key, {first: m, texts: new Set(), count: 0});
    const entry = byPlace.get(key);
    entry.texts.add(m.text);
    entry.count += 1;
  }
  return h("section", {class: "panel", id: "document-places"},
    h("h2", {}, `Places named (${byPlace.size})`),
    byPlace.size ? h("ul", {class: "plain places"}, [...byPlace.values()].map(({first, texts, count}) =>
      h("li", {dataset: {placeId: first.place_id || ""}}, placeLabel(first),
        h("span", {class: "muted"}, ` · “${[...texts].join("”, “")}”${count > 1 ? ` ×${count}` : ""}`),
        // a place the gazetteer does not know only borrows the article's town for scoring: no point shown
        typeof first.lat === "number" && first.feature !== "LOCAL" ? h("span", {class: "muted"},
          ` · ${first.lat.toFixed(2)}, ${first.lon.toFixed(2)}`) : null)))
      : message("No places found in this article."));
}

/** Where a place entity is named: one line per article, with the words used. */
function entityPlaces(mentions) {
  const byDoc = new Map();
  for (const m of mentions) byDoc.set(m.document_id, [...(byDoc.get(m.document_id) || []), m.text]);
  return h("section", {class: "panel", id: "entity-places"},
    h("h2", {}, `Named in ${plural(byDoc.size, "article")}`),
    h("ul", {class: "plain"}, [...byDoc].map(([docId, texts]) => h("li", {},
      h("a", {href: route("document", docId)}, docId),
      h("span", {class: "muted"}, ` · “${[...new Set(texts)].join("”, “")}” ×${texts.length}`)))));
}

// -- entity ---------------------------------------------------------------------------------

export async function entityView(main, id) {
  const data = await getJSON(`/api/entities/${enc(id)}`, {limit: 100});
  const entity = data.entity;
  const claims = data.claims.items;
  const docs = await getDocuments(claims.map((c) => c.document_id));
  const events = data.events.items;
  const isPlace = ["GPE", "LOC", "FAC"].includes(entity.type);
  const places = isPlace ? (await getJSON(`/api/places/${enc(id)}`, {limit: 200})).mentions : [];
  replace(main,
    h("p", {class: "crumbs"}, h("a", {href: "#/"}, "Overview"), " › entity"),
    h("h1", {}, entity.name),
    h("div", {class: "meta"}, badge(entity.type, "etype"), " ", h("code", {}, entity.id),
      ` · ${plural(data.mentions, "mention")}`,
      entity.country ? ` · country ${entity.country}` : null,
      typeof entity.lat === "number" ? ` · ${entity.lat.toFixed(3)}, ${entity.lon.toFixed(3)}` : null),
    entity.aliases?.length ? h("p", {}, h("span", {class: "label"}, "also written: "), entity.aliases.join(" · ")) : null,
    h("p", {}, h("a", {href: `#/?entity=${enc(entity.id)}`}, "Filter the overview by this entity")),
    h("section", {class: "panel"}, h("h2", {}, `Events (${events.length}${data.events.next_offset ? "+" : ""})`),
      events.length ? h("ul", {class: "plain"}, events.map((e) => h("li", {},
        h("span", {class: "when"}, period(e.time)), " ",
        h("a", {href: route("event", e.id)}, e.label || e.id),
        h("span", {class: "muted"}, ` · ${plural(e.independent_sources, "independent source")}`))))
        : message("No events.")),
    h("section", {class: "panel"}, h("h2", {}, `Claims (${claims.length}${data.claims.next_offset ? "+" : ""})`),
      h("ol", {class: "claims"}, claims.map((c) => claimCard(c, docs)))),
    places.length ? entityPlaces(places) : null);
  return null;
}

// -- document -------------------------------------------------------------------------------

export async function documentView(main, id, query) {
  const [data, places] = await Promise.all([getJSON(`/api/documents/${enc(id)}`),
    getJSON(`/api/documents/${enc(id)}/places`)]);
  const doc = data.document;
  const focus = query.get("claim");
  const spans = data.claims.map((c) => ({...evidenceSpan(c), claimId: c.id, cls: c.id === focus ? "focus" : ""}));
  const docs = new Map([[doc.id, doc]]);
  const text = doc.text || "";
  // a plain-text article's own headline opens its text: shown once, as the title, with its claims marked
  const headline = headlineEnd(doc);
  const body = headline ? [headline + 2, [...text].length] : null;
  replace(main,
    h("p", {class: "crumbs"}, h("a", {href: "#/"}, "Overview"), " › article"),
    h("h1", {class: "doc-title"}, headline ? highlight(text, spans, [0, headline]) : doc.title || "(untitled)"),
    h("div", {class: "meta"}, outletOf(doc), doc.byline ? [" · ", doc.byline] : null,
      doc.published ? [" · published ", doc.published] : null, doc.url ? [" · ", externalLink(doc.url)] : null,
      ` · ${plural(data.claims.length, "claim")}`),
    h("section", {class: "panel"}, h("div", {class: "article", id: "article"}, highlight(text, spans, body))),
    documentPlaces(places.places),
    h("section", {class: "panel"}, h("h2", {}, "Claims in this article"),
      h("ol", {class: "claims"}, data.claims.map((c) => claimCard(c, docs, {showDoc: false})))));
  main.querySelector("mark.focus")?.scrollIntoView({block: "center"});
  return null;
}

/** Where the headline paragraph a plain-text article's text opens with ends, in code points
 * (0 without one): as ``Document.headline_end()`` on the server. */
function headlineEnd(doc) {
  return doc.title && (doc.text || "").startsWith(`${doc.title}\n\n`) ? [...doc.title].length : 0;
}

// -- claim ----------------------------------------------------------------------------------

export async function claimView(main, id) {
  const data = await getJSON(`/api/claims/${enc(id)}`);
  const claim = data.claim;
  const docs = await getDocuments([claim.document_id]);
  const doc = docs.get(claim.document_id) || data.document;
  replace(main,
    h("p", {class: "crumbs"}, h("a", {href: "#/"}, "Overview"), " › claim"),
    h("h1", {}, `${claim.type} claim`, h("span", {class: "muted"}, ` ${claim.id}`)),
    h("ol", {class: "claims"}, claimCard(claim, docs)),
    h("section", {class: "panel"}, h("h2", {}, "In context"), evidenceSnippet(claim, doc),
      h("p", {}, h("a", {href: route("document", claim.document_id, {claim: claim.id})}, "Read the whole article"))),
    data.events?.length ? h("section", {class: "panel"}, h("h2", {}, "Events"), h("ul", {class: "plain"},
      data.events.map((e) => h("li", {}, h("a", {href: route("event", e.id)}, e.label || e.id),
        h("span", {class: "muted"}, ` · ${plural(e.independent_sources, "independent source")}`))))) : null,
    data.contradictions?.length ? h("section", {class: "panel"}, h("h2", {}, "Contradictions"),
      h("ul", {class: "plain"}, data.contradictions.map(contradictionItem))) : null);
  return null;
}
