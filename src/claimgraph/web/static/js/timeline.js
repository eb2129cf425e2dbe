// The timeline: one row per event type, one mark per dated event (a dot, or a bar
// for a period), its size growing with the number of independent sources.
// Drawn as SVG built node by node; labels are <title> text, never markup.
//
//   container.appendChild(timeline(events))

import {h, s, route, period, plural} from "./dom.js";

const WIDTH = 1000;
const ROW = 26;
const LEFT = 96; // room for the type names
const RIGHT = 16;
const AXIS = 22;
const DAY = 86400000;
const GUTTER = 64; // the "earlier" column, left of the axis
// Periods longer than this ("in 2024", "since September") are vague: they do not
// stretch the axis, or one transfer dated "2022" would squeeze a week of strikes into
// a few pixels. They are drawn faded, cut at the axis ends; events wholly before the
// axis sit in the "earlier" column. 7 days: "last week" is still a date; "in January"
// is not (on the demo corpus this keeps the two weeks of strikes across the axis).
const VAGUE_DAYS = 7;
// And the axis covers at most this many days before the latest event (a quarter).
const WINDOW_DAYS = 92;

const day = (text) => Date.parse(`${text}T00:00:00Z`);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Dated events with their [start, end] days in ms. */
function placed(events) {
  return events.filter((e) => e.time?.start).map((e) => {
    const start = day(e.time.start);
    return {event: e, start, end: Math.max(start, day(e.time.end || e.time.start))};
  });
}

/** The axis: [from, to] in ms, the filter's days when given, else the precise events' extent. */
function domain(rows, {since, until} = {}) {
  const precise = rows.filter((r) => r.end - r.start <= VAGUE_DAYS * DAY);
  const basis = precise.length ? precise : rows;
  const last = until ? day(until) : Math.max(...basis.map((r) => r.end));
  const first = Math.min(...basis.map((r) => r.start));
  const from = since ? day(since) : Math.max(first, last - WINDOW_DAYS * DAY);
  return [from - DAY, last + DAY];
}

function ticks(min, max, count = 6) {
  const step = Math.max(DAY, Math.ceil((max - min) / count / DAY) * DAY);
  const out = [];
  for (let t = min; t <= max; t += step) out.push(t);
  return out;
}

/**
 * The timeline of ``events`` (API event objects) as an element.
 *
 * :param range: ``{since, until}`` (YYYY-MM-DD) to fix the axis to the filter's days.
 */
export function timeline(events, range = {}) {
  const rows = placed(events);
  const undated = events.filter((e) => !e.time?.start);
  const wrap = h("div", {class: "timeline"});
  if (!rows.length) {
    wrap.appendChild(h("p", {class: "muted"}, "No dated events."));
  } else {
    wrap.appendChild(draw(rows, range));
  }
  if (undated.length) {
    wrap.appendChild(h("div", {class: "undated"}, h("span", {class: "muted"}, `${plural(undated.length, "event")} without a date: `),
      undated.map((e) => h("a", {href: route("event", e.id), class: ["chip", `t-${e.type}`], dataset: {eventId: e.id}},
        e.label || e.id))));
  }
  return wrap;
}

function draw(rows, range) {
  const types = [...new Set(rows.map((r) => r.event.type))].sort();
  const [min, max] = domain(rows, range);
  const earlier = rows.some((r) => r.end < min);
  const left = LEFT + (earlier ? GUTTER : 0);
  const height = AXIS + types.length * ROW + 8;
  const x = (ms) => left + ((Math.max(min, Math.min(ms, max)) - min) / (max - min)) * (WIDTH - left - RIGHT);
  const svg = s("svg", {viewBox: `0 0 ${WIDTH} ${height}`, class: "timeline-svg", role: "img",
    "aria-label": `Timeline of ${rows.length} dated events`});
  for (const t of ticks(min + DAY, max - DAY)) {
    svg.appendChild(s("line", {x1: x(t), x2: x(t), y1: AXIS - 4, y2: height, class: "tick"}));
    const anchor = x(t) - left < 36 ? "start" : "middle"; // keep clear of the "earlier" label
    svg.appendChild(s("text", {x: x(t), y: AXIS - 8, class: "tick-label", "text-anchor": anchor}, iso(t)));
  }
  if (earlier) {
    svg.appendChild(s("text", {x: LEFT + GUTTER / 2 - 4, y: AXIS - 8, class: "tick-label", "text-anchor": "middle"},
      "earlier"));
    svg.appendChild(s("line", {x1: left - 6, x2: left - 6, y1: AXIS - 4, y2: height, class: "gutter"}));
  }
  types.forEach((type, i) => {
    const y = AXIS + i * ROW + ROW / 2;
    svg.appendChild(s("line", {x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y, class: "row-line"}));
    svg.appendChild(s("text", {x: LEFT - 8, y: y + 4, class: "row-label", "text-anchor": "end"}, type));
  });
  // Larger marks first, so small ones stay clickable on top of them.
  const order = [...rows].sort((a, b) => b.event.independent_sources - a.event.independent_sources);
  for (const {event, start, end} of order) {
    const y = AXIS + types.indexOf(event.type) * ROW + ROW / 2;
    const r = 4 + 1.6 * Math.sqrt(event.independent_sources || 0);
    const link = s("a", {href: route("event", event.id), class: ["tl-event", `t-${event.type}`],
      dataset: {eventId: event.id}});
    link.appendChild(s("title", {}, `${event.label || event.id}\n${period(event.time)} · `
      + plural(event.independent_sources || 0, "independent source")));
    const vague = end - start > VAGUE_DAYS * DAY;
    if (end < min) {
      link.appendChild(s("circle", {cx: LEFT + GUTTER / 2 - 4, cy: y, r, class: "earlier"}));
    } else {
      if (end > start) {
        link.appendChild(s("rect", {x: x(start), y: y - 3, width: Math.max(2, x(end + DAY) - x(start)), height: 6,
          rx: 3, class: vague || start < min || end > max ? "span clipped" : "span"}));
      }
      link.appendChild(s("circle", {cx: x(end), cy: y, r, class: vague ? "vague" : null}));
    }
    svg.appendChild(link);
  }
  return svg;
}
