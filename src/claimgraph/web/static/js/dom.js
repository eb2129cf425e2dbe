// Safe DOM building. Article text is attacker-controlled (issue 5): it only ever
// reaches the page as text nodes (textContent / createTextNode), never as HTML.
// Nothing in the dashboard assigns innerHTML, outerHTML or insertAdjacentHTML.
//
//   h("a", {href: "#/event/" + id, class: "ev"}, event.label)
//   highlight(doc.text, [{start: 10, end: 42, cls: "evidence"}])

const SVG_NS = "http://www.w3.org/2000/svg";
// Attributes that could run script or load a document; h() refuses them outright.
const FORBIDDEN_ATTRS = /^(on|style$|srcdoc$|formaction$|xlink:href$)/i;

/** An element with attributes and children (strings become text nodes). */
export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, the same way. */
export function s(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "on") {
      for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    } else if (key === "class") {
      el.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    } else if (key === "dataset") {
      for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) el.dataset[k] = String(v);
    } else if (key === "href") {
      const href = safeHref(value);
      if (href) el.setAttribute("href", href);
    } else if (key === "value") {
      el.value = String(value);
    } else if (key === "checked" || key === "selected" || key === "disabled") {
      el[key] = Boolean(value);
    } else if (FORBIDDEN_ATTRS.test(key)) {
      throw new Error(`refusing to set attribute ${key}`);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Append children: nodes as they are, strings and numbers as text, arrays flattened. */
export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replace every child of ``el``. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Only in-app hash routes and http(s) URLs become links; anything else (javascript:, data:, ...) is dropped. */
export function safeHref(value) {
  const text = String(value ?? "");
  if (/^#\/[^\s]*$/.test(text)) return text;
  if (/^\/(api|docs|static)\/[^\s]*$/.test(text)) return text;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** An external link (opened without referrer or opener) or, for an unsafe URL, its plain text. */
export function externalLink(url, label) {
  const href = safeHref(url);
  if (!href || href.startsWith("#") || href.startsWith("/")) return h("span", {class: "url"}, label ?? url ?? "");
  return h("a", {href, rel: "noopener noreferrer nofollow", target: "_blank", class: "url"}, label ?? url);
}

/** The app route for an item, its parts URI-encoded (ids come from the server but may carry any character). */
export function route(kind, id, params) {
  const query = params ? new URLSearchParams(clean(params)).toString() : "";
  return `#/${kind}/${encodeURIComponent(id)}${query ? "?" + query : ""}`;
}

/** A copy of ``params`` without empty values. */
export function clean(params) {
  const out = {};
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") out[k] = v;
  return out;
}

// -- offsets -------------------------------------------------------------------------------
// The server counts characters as Python does (code points); JavaScript strings count
// UTF-16 units, so an emoji before a claim would shift every highlight by one.

/** A function mapping code-point offsets in ``text`` to UTF-16 offsets. */
export function offsetMapper(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (cp) => Math.max(0, Math.min(cp, text.length));
  const units = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return (cp) => units[Math.max(0, Math.min(cp, units.length - 1))];
}

/**
 * ``text`` as a fragment in which every span is wrapped in a <mark>.
 *
 * :param spans: ``{start, end, cls, claimId}`` with code-point offsets; overlapping
 *   spans are split at every boundary, and a piece covered by several spans gets
 *   all their classes and claim ids.
 * :param range: ``[from, to]`` code points to show (default: everything).
 */
export function highlight(text, spans, range = null) {
  const toUnit = offsetMapper(text);
  const from = range ? toUnit(range[0]) : 0;
  const to = range ? toUnit(range[1]) : text.length;
  const cuts = new Set([from, to]);
  const units = spans.map((sp) => ({...sp, a: toUnit(sp.start), b: toUnit(sp.end)}))
    .filter((sp) => sp.b > sp.a && sp.b > from && sp.a < to);
  for (const sp of units) {
    if (sp.a > from && sp.a < to) cuts.add(sp.a);
    if (sp.b > from && sp.b < to) cuts.add(sp.b);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = units.filter((sp) => sp.a <= a && sp.b >= b);
    if (!covering.length) {
      fragment.appendChild(document.createTextNode(piece));
      continue;
    }
    const classes = new Set(["evidence"]);
    covering.forEach((sp) => (sp.cls || "").split(" ").filter(Boolean).forEach((c) => classes.add(c)));
    const ids = [...new Set(covering.map((sp) => sp.claimId).filter(Boolean))];
    fragment.appendChild(h("mark", {class: [...classes], dataset: {claims: ids.join(" ")}}, piece));
  }
  return fragment;
}

/** A window of about ``radius`` characters each side of [start, end), cut at whitespace (code points). */
export function contextRange(text, start, end, radius = 220) {
  const chars = Array.from(text);
  let a = Math.max(0, start - radius);
  let b = Math.min(chars.length, end + radius);
  // Prefer a paragraph break, then a space, so the snippet starts and ends on whole words.
  const para = chars.slice(a, start).join("").lastIndexOf("\n\n");
  if (para >= 0) a += Array.from(chars.slice(a, start).join("").slice(0, para + 2)).length;
  else while (a > 0 && a < start && !/\s/.test(chars[a - 1])) a++;
  const after = chars.slice(end, b).join("").indexOf("\n\n");
  if (after >= 0) b = end + Array.from(chars.slice(end, b).join("").slice(0, after)).length;
  else while (b < chars.length && b > end && !/\s/.test(chars[b])) b--;
  // An ellipsis only where the snippet cuts into a paragraph.
  return [a, b, a > 0 && chars[a - 1] !== "\n", b < chars.length && chars[b] !== "\n"];
}

/** Marks every occurrence of each needle (e.g. a claim's quantity texts) in ``text``. */
export function markWords(text, needles, cls) {
  const found = [];
  for (const needle of needles.filter(Boolean)) {
    let at = text.indexOf(needle);
    while (at >= 0) {
      found.push([at, at + needle.length]);
      at = text.indexOf(needle, at + needle.length);
    }
  }
  found.sort((x, y) => x[0] - y[0]);
  const fragment = document.createDocumentFragment();
  let pos = 0;
  for (const [a, b] of found) {
    if (a < pos) continue;
    fragment.appendChild(document.createTextNode(text.slice(pos, a)));
    fragment.appendChild(h("mark", {class: cls}, text.slice(a, b)));
    pos = b;
  }
  fragment.appendChild(document.createTextNode(text.slice(pos)));
  return fragment;
}

// -- small formatting helpers ------------------------------------------------------------------

export function badge(text, cls) {
  return h("span", {class: ["badge", cls]}, text);
}

/** "2025-03-04", "2025-03-04 – 2025-03-05" or "date unknown". */
export function period(time) {
  if (!time || !time.start) return "date unknown";
  return time.end && time.end !== time.start ? `${time.start} – ${time.end}` : time.start;
}

export function plural(n, one, many = one + "s") {
  return `${n} ${n === 1 ? one : many}`;
}

export function message(text, cls = "muted") {
  return h("p", {class: cls}, text);
}
