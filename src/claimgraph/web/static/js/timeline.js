// The timeline: one row per event type, one mark per dated event (a dot, or a bar
// for a period), its size growing with the number of independent sources.
// Drawn as SVG built node by node; labels are <title> text, never markup.
//
// The axis spans every dated event (years when the data spans years), with ticks in
// days, months or years as the span asks. It zooms: the +/− buttons, Ctrl+wheel or a
// pinch on the axis, and dragging pans; "All" shows the whole span again. It is
// drawn at the width it has (a phone gets readable labels, not a scaled-down picture).
//
//   container.appendChild(timeline(events))

import {h, s, route, period, plural} from "./dom.js";

const ROW = 26;
const LANE = 16; // one lane of marks within a type's row; crowded rows get more lanes
const MAX_R = 7.5;
const RIGHT = 14;
const AXIS = 24;
const DAY = 86400000;
const TICK_PX = 84; // at least this much room per tick label
// Periods longer than this ("in 2024", "since September") are vague: drawn faded.
const VAGUE_DAYS = 7;
const MIN_SPAN = 2 * DAY; // the closest zoom
const ZOOM_STEP = 2;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// Tick steps, finest first: [unit, count].
const STEPS = [["day", 1], ["day", 2], ["day", 7], ["day", 14], ["month", 1], ["month", 2], ["month", 3],
  ["month", 6], ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 25], ["year", 50], ["year", 100]];
const APPROX_MS = {day: DAY, month: 30.44 * DAY, year: 365.25 * DAY};

const day = (text) => Date.parse(`${text}T00:00:00Z`);

/** Dated events with their [start, end] days in ms. */
function placed(events) {
  return events.filter((e) => e.time?.start && !Number.isNaN(day(e.time.start))).map((e) => {
    const start = day(e.time.start);
    const end = day(e.time.end || e.time.start);
    return {event: e, start, end: Number.isNaN(end) ? start : Math.max(start, end)};
  });
}

/** The whole span of the data, a day of margin each side (or the filter's days when given). */
export function extent(rows, {since, until} = {}) {
  const first = since ? day(since) : Math.min(...rows.map((r) => r.start));
  const last = until ? day(until) : Math.max(...rows.map((r) => r.end));
  return [first - DAY, Math.max(last + DAY, first + MIN_SPAN)];
}

/** The coarsest step that still leaves TICK_PX per label, as [unit, count]. */
export function tickStep(span, px) {
  const wanted = Math.max(2, Math.floor(px / TICK_PX));
  return STEPS.find(([unit, n]) => span / (APPROX_MS[unit] * n) <= wanted) || STEPS[STEPS.length - 1];
}

/** Tick times in [from, to], on calendar boundaries of the step. */
export function ticks(from, to, [unit, n]) {
  const d = new Date(from);
  let t;
  if (unit === "year") {
    t = Date.UTC(Math.ceil(d.getUTCFullYear() / n) * n, 0, 1);
    if (t < from) t = Date.UTC(d.getUTCFullYear() + n, 0, 1);
  } else if (unit === "month") {
    const month = Math.ceil((d.getUTCMonth() + (d.getUTCDate() > 1 ? 1 : 0)) / n) * n;
    t = Date.UTC(d.getUTCFullYear(), month, 1);
  } else {
    t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    if (t < from) t += DAY;
  }
  const out = [];
  for (let guard = 0; t <= to && guard < 500; guard += 1) {
    out.push(t);
    const next = new Date(t);
    if (unit === "year") t = Date.UTC(next.getUTCFullYear() + n, 0, 1);
    else if (unit === "month") t = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + n, 1);
    else t += n * DAY;
  }
  return out;
}

/** A tick's label at the step's grain: "2024", "Mar 2024" or "12 Mar" (with the year where it changes). */
export function tickLabel(t, unit, previous) {
  const d = new Date(t);
  const year = d.getUTCFullYear();
  if (unit === "year") return String(year);
  const month = MONTHS[d.getUTCMonth()];
  const newYear = previous === null || new Date(previous).getUTCFullYear() !== year;
  if (unit === "month") return newYear || d.getUTCMonth() === 0 ? `${month} ${year}` : month;
  return newYear ? `${d.getUTCDate()} ${month} ${year}` : `${d.getUTCDate()} ${month}`;
}

/**
 * The timeline of ``events`` (API event objects) as an element.
 *
 * :param range: ``{since, until}`` (YYYY-MM-DD) to start with the filter's days in view.
 * :param keep: ``{view, onView}``: the [from, to] to start with (a redraw after live
 *     events keeps the reader's zoom), and a callback told each view the reader picks
 *     (null for "All").
 */
export function timeline(events, range = {}, keep = {}) {
  const rows = placed(events);
  const undated = events.filter((e) => !rows.some((r) => r.event === e));
  const wrap = h("div", {class: "timeline"});
  if (!rows.length) {
    wrap.appendChild(h("p", {class: "muted"}, "No dated events."));
  } else {
    wrap.appendChild(zoomable(rows, range, keep));
  }
  if (undated.length) {
    wrap.appendChild(h("div", {class: "undated"}, h("span", {class: "muted"}, `${plural(undated.length, "event")} without a date: `),
      undated.map((e) => h("a", {href: route("event", e.id), class: ["chip", `t-${e.type}`], dataset: {eventId: e.id}},
        e.label || e.id))));
  }
  return wrap;
}

function zoomable(rows, range, {view: kept = null, onView = () => {}} = {}) {
  const all = extent(rows);
  let view = kept || (range.since || range.until ? extent(rows, range) : all);
  const plot = h("div", {class: "tl-plot"});
  const shown = h("span", {class: "tl-range muted", "aria-live": "polite"});
  const button = (label, title, action) => h("button", {type: "button", class: "tl-zoom", title, "aria-label": title,
    on: {click: action}}, label);
  const box = h("div", {class: "tl-box"},
    h("div", {class: "tl-controls"},
      button("−", "Zoom out", () => zoomBy(ZOOM_STEP)), button("+", "Zoom in", zoomIn),
      button("All", "Show the whole span", () => show(all)), shown),
    plot);
  let width = 0;

  function show(next) {
    let [from, to] = next;
    const span = Math.min(Math.max(to - from, MIN_SPAN), (all[1] - all[0]) * 4);
    const mid = (from + to) / 2;
    [from, to] = [mid - span / 2, mid + span / 2];
    view = [from, to];
    onView(next === all ? null : view); // "All" follows the data again as it grows
    draw();
  }

  // "+" zooms into the half of the view that holds the most events (the latest on a tie):
  // towards the data, not into an empty middle.
  function zoomIn() {
    const [from, to] = view;
    const width = (to - from) / ZOOM_STEP;
    const times = rows.map((r) => (r.end - r.start > VAGUE_DAYS * DAY ? (r.start + r.end) / 2 : r.end))
      .filter((t) => t >= from && t <= to).sort((a, b) => a - b);
    let best = null;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while (j < times.length && times[j] <= times[i] + width) j += 1;
      if (!best || j - i >= best.count) best = {count: j - i, first: times[i], last: times[j - 1]};
    }
    if (!best) return zoomBy(1 / ZOOM_STEP);
    const centre = Math.min(to - width / 2, Math.max(from + width / 2, (best.first + best.last) / 2));
    show([centre - width / 2, centre + width / 2]);
  }

  function zoomBy(factor, at = 0.5) {
    const [from, to] = view;
    const pivot = from + (to - from) * at;
    show([pivot - (pivot - from) * factor, pivot + (to - pivot) * factor]);
  }

  function draw() {
    width = Math.round(plot.clientWidth || width || 1000);
    const svg = render(rows, view, width);
    plot.replaceChildren(svg);
    box.dataset.unit = svg.dataset.unit;
    shown.textContent = ` ${new Date(view[0] + DAY).toISOString().slice(0, 10)} – ${new Date(view[1] - DAY).toISOString().slice(0, 10)}`;
  }

  // Wheel and pinch zoom around the pointer; a drag pans.
  plot.addEventListener("wheel", (e) => {
    if (!e.ctrlKey && !e.metaKey) return; // a plain wheel scrolls the page; a pinch sets ctrlKey
    e.preventDefault();
    const at = Math.min(1, Math.max(0, (e.offsetX - labelWidth(width)) / Math.max(1, width - labelWidth(width) - RIGHT)));
    zoomBy(e.deltaY > 0 ? 1.25 : 0.8, at);
  }, {passive: false});
  let drag = null;
  plot.addEventListener("pointerdown", (e) => {
    if (e.target.closest("a")) return; // a click on an event opens it
    drag = {x: e.clientX, view};
    plot.setPointerCapture(e.pointerId);
  });
  plot.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const perPx = (drag.view[1] - drag.view[0]) / Math.max(1, width - labelWidth(width) - RIGHT);
    const shift = (drag.x - e.clientX) * perPx;
    view = [drag.view[0] + shift, drag.view[1] + shift];
    onView(view);
    draw();
  });
  const stop = () => { drag = null; };
  plot.addEventListener("pointerup", stop);
  plot.addEventListener("pointercancel", stop);

  // Drawn once it has a width, and again when the width changes (a rotated phone).
  const resized = new ResizeObserver(() => {
    if (!plot.isConnected) resized.disconnect(); // replaced by a redraw: let it go
    else if (plot.clientWidth && Math.round(plot.clientWidth) !== width) draw();
  });
  resized.observe(plot);
  draw();
  return box;
}

const labelWidth = (width) => (width < 520 ? 74 : 96);

/** Marks placed in lanes so none covers another: [{row, lane, x, r, ...}] and lanes per type. */
function layout(rows, types, x) {
  const marks = rows.map((row) => {
    const vague = row.end - row.start > VAGUE_DAYS * DAY;
    const r = Math.min(MAX_R, 4 + 1.6 * Math.sqrt(row.event.independent_sources || 0));
    const cx = x(vague ? (row.start + row.end) / 2 : row.end);
    const x1 = row.end > row.start ? x(row.start) : cx;
    const x2 = row.end > row.start ? Math.max(x1 + 2, x(row.end + DAY)) : cx;
    return {...row, vague, r, cx, x1, x2, left: Math.min(x1, cx - r), right: Math.max(x2, cx + r)};
  });
  const lanes = new Map(types.map((t) => [t, []])); // type -> right edge of each lane
  for (const mark of [...marks].sort((a, b) => a.left - b.left)) {
    const edges = lanes.get(mark.event.type);
    let lane = edges.findIndex((right) => right + 2 <= mark.left);
    if (lane < 0) lane = edges.push(0) - 1;
    edges[lane] = mark.right;
    mark.lane = lane;
  }
  return {marks, lanes: new Map([...lanes].map(([t, edges]) => [t, Math.max(1, edges.length)]))};
}

function render(rows, [from, to], width) {
  const types = [...new Set(rows.map((r) => r.event.type))].sort();
  const left = labelWidth(width);
  const plotWidth = width - left - RIGHT;
  const x = (ms) => left + ((ms - from) / (to - from)) * plotWidth;
  const {marks, lanes} = layout(rows, types, x);
  const tops = new Map();
  let height = AXIS;
  for (const type of types) {
    tops.set(type, height);
    height += Math.max(ROW, lanes.get(type) * LANE + 6);
  }
  height += 8;
  const svg = s("svg", {width, height, viewBox: `0 0 ${width} ${height}`, class: "timeline-svg", role: "img",
    "aria-label": `Timeline of ${rows.length} dated events`});
  const clipId = `tl-clip-${Math.random().toString(36).slice(2)}`;
  const clip = s("clipPath", {id: clipId}, s("rect", {x: left - 12, y: 0, width: plotWidth + 24, height}));
  svg.appendChild(s("defs", {}, clip));
  const step = tickStep(to - from, plotWidth);
  svg.dataset.unit = step[0];
  let previous = null;
  for (const t of ticks(from, to, step)) {
    const tx = x(t);
    svg.appendChild(s("line", {x1: tx, x2: tx, y1: AXIS - 4, y2: height, class: "tick"}));
    const anchor = tx - left < 30 ? "start" : tx > width - RIGHT - 30 ? "end" : "middle";
    svg.appendChild(s("text", {x: tx, y: AXIS - 9, class: "tick-label", "text-anchor": anchor},
      tickLabel(t, step[0], previous)));
    previous = t;
  }
  const laneY = (type, lane) => {
    const rowHeight = Math.max(ROW, lanes.get(type) * LANE + 6);
    const used = lanes.get(type) * LANE;
    return tops.get(type) + (rowHeight - used) / 2 + lane * LANE + LANE / 2;
  };
  for (const type of types) {
    const y = laneY(type, 0);
    svg.appendChild(s("line", {x1: left, x2: width - RIGHT, y1: tops.get(type), y2: tops.get(type), class: "row-line"}));
    svg.appendChild(s("text", {x: left - 6, y: y + 4, class: "row-label", "text-anchor": "end"}, type));
  }
  const group = s("g", {"clip-path": `url(#${clipId})`});
  for (const mark of marks) {
    const {event} = mark;
    const y = laneY(event.type, mark.lane);
    const link = s("a", {href: route("event", event.id), class: ["tl-event", `t-${event.type}`],
      dataset: {eventId: event.id}});
    link.appendChild(s("title", {}, `${event.label || event.id}\n${period(event.time)} · `
      + plural(event.independent_sources || 0, "independent source")));
    if (mark.x2 > mark.x1) {
      link.appendChild(s("rect", {x: mark.x1, y: y - 3, width: mark.x2 - mark.x1, height: 6, rx: 3,
        class: mark.vague ? "span clipped" : "span"}));
    }
    link.appendChild(s("circle", {cx: mark.cx, cy: y, r: mark.r, class: mark.vague ? "vague" : null}));
    group.appendChild(link);
  }
  svg.appendChild(group);
  return svg;
}
