// The HTTP API as the dashboard uses it, with two small caches: entity names and
// documents (metadata and text), which every view needs and which never change.
//
//   const page = await getJSON("/api/claims", {type: "ATTACK", limit: 50});
//   nameOf("gpe:russia")  // "Russia" once a response has named it

import {clean} from "./dom.js";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function url(path, params) {
  const query = new URLSearchParams(clean(params)).toString();
  return query ? `${path}?${query}` : path;
}

async function request(path, params, accept) {
  const response = await fetch(url(path, params), {headers: {Accept: accept}, credentials: "same-origin"});
  if (!response.ok) {
    let code = "error";
    let text = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      code = body.error?.code || code;
      text = body.error?.message || text;
    } catch {
      // not the API's error shape: keep the status line
    }
    throw new ApiError(response.status, code, text);
  }
  return response;
}

export async function getJSON(path, params) {
  const data = await (await request(path, params, "application/json")).json();
  learnNames(data?.entities);
  return data;
}

export async function getText(path, params) {
  return (await request(path, params, "text/markdown, text/plain")).text();
}

// -- entity names ---------------------------------------------------------------------------

const names = new Map();

/** Remember ``{id: {name, type}}`` from any response that carries it. */
export function learnNames(entities) {
  if (!entities || typeof entities !== "object") return;
  for (const [id, value] of Object.entries(entities)) if (value && value.name) names.set(id, value);
}

export function learnName(id, name, type) {
  if (id && name && !names.has(id)) names.set(id, {name, type});
}

export function nameOf(id) {
  return names.get(id)?.name ?? id;
}

export function typeOf(id) {
  return names.get(id)?.type ?? null;
}

// -- documents ----------------------------------------------------------------------------------

const documents = new Map(); // id -> Promise of the document detail's "document" (with text)

/** Documents by id (each fetched once, in parallel); unknown ids are left out. */
export async function getDocuments(ids) {
  const wanted = [...new Set(ids)].filter(Boolean);
  for (const id of wanted) {
    if (!documents.has(id)) {
      documents.set(id, getJSON(`/api/documents/${encodeURIComponent(id)}`)
        .then((detail) => detail.document)
        .catch(() => {
          documents.delete(id);
          return null;
        }));
    }
  }
  const found = await Promise.all(wanted.map((id) => documents.get(id)));
  return new Map(wanted.map((id, i) => [id, found[i]]).filter(([, doc]) => doc));
}

/**
 * Who published a document, as the brief says it too: the outlet, else the URL's domain
 * (without "www."), else the file it came from; "outlet not named" when nothing says.
 */
export function outletOf(doc) {
  if (doc?.outlet) return doc.outlet;
  try {
    const host = new URL(doc?.url).hostname;
    if (host) return host.replace(/^www\./, "");
  } catch {
    // not a URL: fall through to the file name
  }
  const file = String(doc?.path || "").split(/[\\/]/).pop();
  return file ? `file ${file}` : "outlet not named";
}
