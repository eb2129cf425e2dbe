// A small, safe Markdown subset for the brief: headings, nested "-" lists,
// paragraphs, **bold** and `code`, with event, claim and contradiction ids turned
// into dashboard links. Every piece of text becomes a text node: quoted article
// text inside the brief cannot become markup, whatever it contains.
//
//   container.appendChild(renderMarkdown("# Brief\n\n- **2025-03-04** · ... [ev-1234]"))

import {h, route} from "./dom.js";

const INLINE = /(\*\*[^*\n]+\*\*|`[^`\n]+`|\b(?:ev|cl|cx)-[0-9a-f]{6,}\b)/g;

function idLink(id) {
  if (id.startsWith("ev-")) return h("a", {href: route("event", id), class: "id"}, id);
  if (id.startsWith("cl-")) return h("a", {href: route("claim", id), class: "id"}, id);
  return h("a", {href: `#/contradictions?focus=${encodeURIComponent(id)}`, class: "id"}, id);
}

/** Inline markup of one line as nodes. */
export function inline(text) {
  const out = [];
  let pos = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > pos) out.push(text.slice(pos, match.index));
    const token = match[0];
    if (token.startsWith("**")) out.push(h("strong", {}, inline(token.slice(2, -2))));
    else if (token.startsWith("`")) out.push(h("code", {}, token.slice(1, -1)));
    else out.push(idLink(token));
    pos = match.index + token.length;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

/** A document fragment for ``markdown``. */
export function renderMarkdown(markdown) {
  const root = document.createDocumentFragment();
  const lists = []; // open lists: [{indent, el}]
  let paragraph = null;

  const closeLists = () => { lists.length = 0; };
  const closeParagraph = () => { paragraph = null; };

  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.replace(/\s+$/, "");
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (!line) {
      closeParagraph();
      closeLists();
    } else if (heading) {
      closeParagraph();
      closeLists();
      const level = Math.min(6, heading[1].length + 1); // the page owns <h1>
      root.appendChild(h(`h${level}`, {}, inline(heading[2])));
    } else if (item) {
      closeParagraph();
      const indent = item[1].length;
      while (lists.length && lists[lists.length - 1].indent > indent) lists.pop();
      let list = lists[lists.length - 1];
      if (!list || list.indent < indent) {
        const el = h("ul");
        const parent = list ? list.el.lastElementChild || list.el : root;
        parent.appendChild(el);
        list = {indent, el};
        lists.push(list);
      }
      list.el.appendChild(h("li", {}, inline(item[2])));
    } else if (lists.length && /^\s+/.test(line)) {
      // a continuation line of the last list item
      const last = lists[lists.length - 1].el.lastElementChild;
      last.append(" ", ...inline(line.trim()));
    } else {
      closeLists();
      if (!paragraph) {
        paragraph = h("p");
        root.appendChild(paragraph);
      } else {
        paragraph.append(" ");
      }
      paragraph.append(...inline(line));
    }
  }
  return root;
}
