// Renderers shared by the views: entity links, claim cards, via chains, evidence snippets.

import {h, badge, route, externalLink, markWords, highlight, contextRange, period} from "./dom.js";
import {nameOf, outletOf, learnName} from "./api.js";

export const ROLE_ORDER = ["actor", "target", "instrument", "location", "recipient", "subject"];

export function entityLink(id) {
  if (!id) return null;
  return h("a", {href: route("entity", id), class: "entity", dataset: {entity: id}}, nameOf(id));
}

/** A claim as the live stream previews it, shaped like a full claim (fields it lacks are empty). */
export function fromPreview(preview) {
  learnName(preview.source, preview.source_name, "SOURCE");
  return {
    id: preview.id, document_id: preview.document_id, type: preview.type, text: preview.text || "",
    polarity: preview.polarity, modality: preview.modality, source: preview.source, via: [],
    roles: {}, quantities: [], time: {start: preview.time_start || null, end: null},
  };
}

/** The claim's evidence offsets without the blank lines a sentence span may carry. */
export function evidenceSpan(claim) {
  const text = claim.text || "";
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  return {start: claim.start + lead, end: Math.max(claim.start + lead, claim.end - trail)};
}

/** "source → relay → outlet": who said it, through whom, to which outlet. */
export function viaChain(claim, doc) {
  const parts = [];
  parts.push(claim.source ? entityLink(claim.source) : h("span", {class: "muted"}, "unattributed"));
  for (const relay of [...(claim.via || [])].reverse()) parts.push(entityLink(relay));
  if (doc) parts.push(h("span", {class: "outlet"}, outletOf(doc)));
  const chain = h("span", {class: "via-chain"});
  parts.forEach((part, i) => {
    if (i) chain.appendChild(h("span", {class: "arrow", "aria-hidden": "true"}, " → "));
    chain.appendChild(part);
  });
  return chain;
}

export function claimBadges(claim) {
  return [
    badge(claim.type, `t-${claim.type}`),
    claim.polarity === "denied" ? badge("denied", "denied") : null,
    claim.modality && claim.modality !== "fact" ? badge(claim.modality, "modality") : null,
  ];
}

function roleChips(claim) {
  const chips = [];
  for (const role of ROLE_ORDER) {
    for (const id of claim.roles?.[role] || []) {
      chips.push(h("span", {class: "role"}, h("span", {class: "role-name"}, role), " ", entityLink(id)));
    }
  }
  return chips.length ? h("div", {class: "roles"}, chips) : null;
}

export function documentLine(doc, claimId) {
  if (!doc) return null;
  return h("div", {class: "doc-line"},
    h("a", {href: route("document", doc.id, claimId ? {claim: claimId} : null), class: "doc-title"},
      doc.title || "(untitled)"),
    " · ", outletOf(doc),
    doc.published ? [" · ", doc.published] : null,
    doc.dup_of ? [" · ", h("span", {class: "muted"}, "copy of another article")] : null);
}

/**
 * A claim as a list item: badges, the evidence sentence (quantities marked), roles, who says so.
 *
 * :param docs: a Map of document id to document metadata (for the outlet and title).
 */
export function claimCard(claim, docs = new Map(), {showDoc = true, isNew = false} = {}) {
  const doc = docs.get(claim.document_id);
  const quantities = (claim.quantities || []).map((q) => q.text);
  return h("li", {class: ["claim", isNew && "new", claim.polarity === "denied" && "is-denied"],
    dataset: {claimId: claim.id, type: claim.type, polarity: claim.polarity, modality: claim.modality}},
  h("div", {class: "claim-head"}, claimBadges(claim),
    h("span", {class: "when"}, period(claim.time))),
  h("a", {href: route("claim", claim.id), class: "claim-text"}, markWords((claim.text || "").trim(), quantities, "qty")),
  roleChips(claim),
  h("div", {class: "claim-foot"}, h("span", {class: "label"}, "according to "), viaChain(claim, doc)),
  showDoc ? documentLine(doc, claim.id) : null);
}

/** The claim's sentence in its paragraph, the evidence in a <mark>. */
export function evidenceSnippet(claim, doc) {
  if (!doc || typeof doc.text !== "string") return h("blockquote", {class: "snippet"}, (claim.text || "").trim());
  const span = evidenceSpan(claim);
  const [a, b, cutBefore, cutAfter] = contextRange(doc.text, span.start, span.end);
  return h("blockquote", {class: "snippet"},
    cutBefore ? "… " : null,
    highlight(doc.text, [{...span, claimId: claim.id}], [a, b]),
    cutAfter ? " …" : null);
}

export function documentHeader(doc) {
  return h("div", {class: "doc-head"},
    h("h3", {}, h("a", {href: route("document", doc.id)}, doc.title || "(untitled)")),
    h("div", {class: "muted"}, outletOf(doc),
      doc.byline ? [" · ", doc.byline] : null,
      doc.published ? [" · published ", doc.published] : null,
      doc.url ? [" · ", externalLink(doc.url)] : null,
      doc.dup_of ? [" · ", h("a", {href: route("document", doc.dup_of)}, "copy of another article")] : null));
}
