"""The dashboard in a real browser (issue 5): Debian's Chromium driven by Playwright
against a real server on the demo corpus.

Covers the issue's "done when": the dashboard loads on the demo data (timeline, map,
claims), clicking an event shows its evidence highlighted, filters narrow the lists,
contradictions show both claims side by side, an article ingested through the API
appears without a reload, and an article whose title and body carry XSS payloads
runs no script and opens no dialog. Also writes the README's screenshot,
docs/dashboard.png (1280x800), after the live ingest.

Needs ``/usr/bin/chromium`` (``apt-get install chromium``; or $CLAIMGRAPH_CHROMIUM) and
the ``playwright`` package (``pip install playwright``); nothing downloads a browser.
Without either, every test here is skipped.
"""

from __future__ import annotations

import os
import re
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

# Debian's Chromium; CLAIMGRAPH_CHROMIUM names another build (e.g. on a laptop).
CHROMIUM = Path(os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.exists():
    pytest.skip(f"no browser at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
try:
    from playwright import sync_api
except ImportError:  # not installed, or its driver is broken
    pytest.skip("Playwright is not installed (pip install playwright)", allow_module_level=True)
pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

import uvicorn  # noqa: E402

from claimgraph.web import create_app  # noqa: E402
from claimgraph.web.security import LOOPBACK_NAMES  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "dashboard.png"
VIEWPORT = {"width": 1280, "height": 800}
# Flags for a headless browser in a container or CI: no sandbox (root, no user
# namespaces), no GPU, and nothing that phones home (updates, sync, safe browsing lists).
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
# Generous for a loaded 2-core CI machine; a passing run waits far less.
WAIT_MS = 15_000

ARTICLE = (
    "Ukraine's air force said on Thursday that Russia launched 41 Shahed drones at Kharkiv overnight "
    "and that 30 of them were shot down.\n\n"
    "The regional governor said two people were wounded when debris hit a warehouse."
)
# Disagrees with the demo's KN-23 ranges (about 700 km, about 1,000 km): a quantity contradiction.
DISPUTED_RANGE = (
    "Ukraine's military intelligence agency said on Friday that the KN-23 missile has a range of "
    "about 300 kilometres, far less than earlier estimates.\n\n"
    "The agency said Russia had fired 20 of the missiles at Ukrainian cities since January."
)
XSS_TITLE = ("<script>window.__xss='title';alert('title')</script>"
             "<img src=x onerror=\"window.__xss='img';alert('img')\"> Strike on Zaporizhzhia")
XSS_OUTLET = "<b onmouseover=\"alert('outlet')\">Evil Outlet</b>"
# An event handler, a javascript: link and a script tag, one per paragraph (each
# paragraph stays article text for the cleaner), and an emoji inside the first claim:
# offsets count code points on the server and UTF-16 units in the browser, so a wrong
# mapping would cut the highlight short.
XSS_PARAGRAPHS = (
    ("Russian missiles 🚀 struck an energy facility in Zaporizhzhia on Sunday, killing three people, "
     "the regional governor <img src=x onerror=\"window.__xss='body';alert('body')\"> said on Monday."),
    ("Ukraine's air force said Russia launched 40 drones at Kharkiv overnight, according to "
     "<a href=\"javascript:window.__xss='link';alert('link')\">Ukrinform</a>."),
    ("The governor said <script>window.__xss='script';alert('script')</script> at least 12 people "
     "were wounded in the attack on Sunday."),
)
XSS_BODY = "\n\n".join(XSS_PARAGRAPHS)


# -- fixtures -----------------------------------------------------------------------------------


class Dashboard:
    """A live server on a copy of the demo corpus, and an HTTP client for its API."""

    def __init__(self, base: str):
        self.base = base
        self.api = httpx.Client(base_url=base, timeout=60)

    def get(self, path: str, **params) -> dict:
        response = self.api.get(path, params=params)
        response.raise_for_status()
        return response.json()

    def ingest(self, **body) -> dict:
        response = self.api.post("/api/ingest", json=body)
        assert response.status_code == 201, response.text
        return response.json()


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory, pipeline, demo_db):
    from conftest import copy_database  # the session's demo database, copied: these tests ingest

    path = copy_database(demo_db, tmp_path_factory.mktemp("dashboard") / "demo.db")
    app = create_app(path, pipeline=pipeline, allowed_hosts=list(LOOPBACK_NAMES))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                           timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, name="dashboard-server", daemon=True)
    thread.start()
    for _ in range(200):  # bounded: 10 s
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the server did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    site = Dashboard(f"http://127.0.0.1:{port}")
    yield site
    site.api.close()
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield chromium
        chromium.close()


class Watch:
    """What a page did that it must not: dialogs, uncaught errors, CSP violations."""

    def __init__(self, page):
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.violations: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.violations.append(message.text)
        elif message.type == "error":
            self.errors.append(message.text)

    def assert_clean(self) -> None:
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.violations == [], f"CSP violations: {self.violations}"
        assert self.errors == [], f"page errors: {self.errors}"


@pytest.fixture()
def page(browser):
    # Reduced motion: no arrival animations, so the screenshot does not depend on timing.
    context = browser.new_context(viewport=VIEWPORT, reduced_motion="reduce")
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    tab.watch = Watch(tab)
    yield tab
    context.close()


def visit(page, dashboard: Dashboard, route: str = "#/") -> None:
    """Open a route in a fresh load and wait until its view has rendered."""
    page.goto(f"{dashboard.base}/{route}")
    page.wait_for_selector("#app[data-state=ready]")


# Waits take functions ("() => ..."), never expression strings: Playwright evaluates a
# string with eval() on every poll, which the page's CSP (rightly) refuses.


def navigated(page, view: str) -> None:
    """Wait for an in-page navigation (a click, a filter) to render ``view``."""
    page.wait_for_selector(f"#app[data-view={view}][data-state=ready]")


def texts(page, selector: str) -> list[str]:
    return page.locator(selector).all_text_contents()


# -- tests ------------------------------------------------------------------------------------------


def test_dashboard_loads_demo_timeline_map_and_claims(page, dashboard):
    events = dashboard.get("/api/events", limit=500)["items"]
    located = {f["properties"]["event_id"] for f in dashboard.get("/api/export", format="geojson")["features"]}
    markers = len(dashboard.get("/api/export", format="geojson")["features"])
    stats = dashboard.get("/api/stats")["counts"]

    visit(page, dashboard)
    # Every event is on the timeline: dated ones as marks, the others as chips below it.
    shown = page.eval_on_selector_all(".timeline [data-event-id]", "els => els.map(e => e.dataset.eventId)")
    assert sorted(shown) == sorted(e["id"] for e in events)
    assert located, "the demo corpus has located events"
    page.wait_for_function("() => document.querySelectorAll('#map path.country').length > 100")
    # One mark per place or cluster of nearby places: together they hold every located event,
    # and each carries a label naming its places.
    marks = page.eval_on_selector_all("#map path.event-marker", """els => els.map(e => ({
        ids: e.dataset.eventIds.split(' '), count: Number(e.dataset.count), places: Number(e.dataset.places)}))""")
    assert sum(m["count"] for m in marks) == markers
    assert {i for m in marks for i in m["ids"]} == located
    places = {f["properties"]["place"] for f in dashboard.get("/api/export", format="geojson")["features"]}
    assert sum(m["places"] for m in marks) == len(places)
    labels = texts(page, "#map .place-label")
    assert len(labels) == len(marks)
    named = {name.strip() for label in labels for name in re.sub(r" (\+\d+)?( · \d+)?$", "", label).split(",")}
    assert named and named <= places, (named, places)
    assert page.locator("#claims li.claim").count() == min(50, stats["claims"])
    if stats["claims"] > 50:  # the next page is appended, not swapped
        page.click("button.more")
        page.wait_for_function("n => document.querySelectorAll('#claims li.claim').length === n",
                               arg=min(100, stats["claims"]))
    assert page.locator("[data-stat=claims] strong").text_content() == str(stats["claims"])
    page.wait_for_selector(".live-status.on")  # the SSE stream is connected
    page.watch.assert_clean()


def test_dashboard_event_click_highlights_evidence(page, dashboard):
    events = dashboard.get("/api/events", limit=500)["items"]
    dated = [e for e in events if e["time"]["start"]]
    target = max(dated, key=lambda e: (len(e["claim_ids"]), e["id"]))
    detail = dashboard.get(f"/api/events/{quote(target['id'], safe='')}")

    visit(page, dashboard)
    page.click(f".timeline a.tl-event[data-event-id='{target['id']}']")
    navigated(page, "event")
    assert page.evaluate("location.hash") == f"#/event/{quote(target['id'], safe='')}"
    assert page.locator("#independent-sources").text_content() == str(detail["independent_sources"])

    items = page.locator(".evidence-item")
    assert items.count() == len(detail["claims"])
    evidence = {e["claim_id"]: e["text"].strip() for e in detail["evidence"]}
    for i in range(items.count()):
        item = items.nth(i)
        claim_id = item.get_attribute("data-claim-id")
        marks = item.locator("mark.evidence")
        assert marks.count() == 1, f"one highlighted span for {claim_id}"
        assert marks.first.text_content() == evidence[claim_id]
        assert marks.first.is_visible()

    page.locator("button.toggle").first.click()
    assert page.locator(".article mark.evidence").count() >= 1
    page.watch.assert_clean()


def test_dashboard_filters_narrow_claims_and_events(page, dashboard):
    visit(page, dashboard)
    page.select_option("select[name=type]", "TRANSFER")
    page.wait_for_function("() => location.hash.includes('type=TRANSFER')")
    navigated(page, "home")
    expected = dashboard.get("/api/claims", type="TRANSFER", limit=50)["items"]
    assert set(page.eval_on_selector_all("#claims li.claim", "els => els.map(e => e.dataset.type)")) == {"TRANSFER"}
    assert page.eval_on_selector_all("#claims li.claim", "els => els.map(e => e.dataset.claimId)") == \
        [c["id"] for c in expected]
    events = dashboard.get("/api/events", type="TRANSFER", limit=500)["items"]
    assert page.locator(".timeline [data-event-id]").count() == len(events)

    page.select_option("select[name=polarity]", "denied")
    page.wait_for_function("() => location.hash.includes('polarity=denied')")
    navigated(page, "home")
    denied = dashboard.get("/api/claims", type="TRANSFER", polarity="denied", limit=50)["items"]
    assert denied, "the demo corpus has a denied transfer"
    cards = page.locator("#claims li.claim")
    assert cards.count() == len(denied)
    assert set(page.eval_on_selector_all("#claims li.claim", "els => els.map(e => e.dataset.polarity)")) == {"denied"}

    page.fill("input[name=entity]", "KN-23")
    page.select_option("select[name=polarity]", "")  # a change submits the whole form
    page.wait_for_function("() => location.hash.includes('entity=KN-23') && !location.hash.includes('polarity')")
    navigated(page, "home")
    with_entity = dashboard.get("/api/claims", type="TRANSFER", entity="KN-23", limit=50)
    assert page.eval_on_selector_all("#claims li.claim", "els => els.map(e => e.dataset.claimId)") == \
        [c["id"] for c in with_entity["items"]]
    assert page.locator(".matched a.entity").count() == len(with_entity["matched"]["entity"])
    page.watch.assert_clean()


def test_dashboard_contradictions_side_by_side(page, dashboard):
    data = dashboard.get("/api/contradictions", limit=200)
    assert data["items"], "the demo corpus has contradictions"
    visit(page, dashboard)
    page.click("#nav a[data-view=contradictions]")
    navigated(page, "contradictions")
    assert page.locator("li.contradiction").count() == len(data["items"])
    for x in data["items"][:5]:
        card = page.locator(f"li.contradiction[data-contradiction-id='{x['id']}']")
        assert card.locator(".about").text_content() == x["about"]
        sides = card.locator(".side")
        assert sides.count() == len(x["claim_ids"])
        for i, claim_id in enumerate(x["claim_ids"]):
            assert sides.nth(i).locator(".claim-text").text_content() == data["claims"][claim_id]["text"].strip()
        # side by side: the two claims share a row
        boxes = [sides.nth(i).bounding_box() for i in range(2)]
        assert boxes[0]["x"] < boxes[1]["x"] and abs(boxes[0]["y"] - boxes[1]["y"]) < 2
    polarity = next((x for x in data["items"] if x["kind"] == "polarity"), None)
    if polarity:
        assert page.locator(f"li.contradiction[data-contradiction-id='{polarity['id']}'] .badge.denied").count() >= 1
    page.watch.assert_clean()


def test_dashboard_sources_entity_and_brief_views(page, dashboard):
    claims = dashboard.get("/api/claims", limit=500)
    sourced = next(c for c in claims["items"]
                   if c["source"] and (claims["documents"][c["document_id"]] or {}).get("outlet"))
    outlet = claims["documents"][sourced["document_id"]]["outlet"]
    source = dashboard.get(f"/api/entities/{quote(sourced['source'], safe='')}")["entity"]

    visit(page, dashboard, "#/sources")
    row = page.locator("#outlets tbody tr", has=page.locator("th", has_text=outlet))
    assert row.locator(f"a.entity[data-entity='{source['id']}']").count() == 1
    page.locator(f"#original-sources a.entity[data-entity='{source['id']}']").click()
    navigated(page, "entity")
    assert page.locator("h1").text_content() == source["name"]

    brief = dashboard.api.get("/api/brief").text
    page.click("#nav a[data-view=brief]")
    navigated(page, "brief")
    headings = [line for line in brief.splitlines() if line.startswith("#")]
    assert page.locator("#brief h2, #brief h3, #brief h4, #brief h5, #brief h6").count() == len(headings)
    event_ids = set(re.findall(r"\bev-[0-9a-f]{6,}\b", brief))
    links = page.eval_on_selector_all("#brief a.id[href^='#/event/']", "els => els.map(e => e.textContent)")
    assert set(links) == event_ids
    page.watch.assert_clean()


def test_dashboard_shows_an_ingested_article_live(page, dashboard):
    visit(page, dashboard)
    page.wait_for_selector(".live-status.on")
    page.evaluate("window.__loadedOnce = true")
    claims_before = int(page.locator("[data-stat=claims] strong").text_content())

    added = dashboard.ingest(text=ARTICLE, published="2025-03-13", outlet="Live Test Wire",
                             title="Drones over Kharkiv")
    assert added["claims"] and added["events"]
    page.wait_for_selector(f"#live-feed li[data-kind=document][data-id='{added['document_id']}']")
    for claim_id in added["claims"]:
        page.wait_for_selector(f"#claims li.claim.new[data-claim-id='{claim_id}']")
    for event_id in added["events"]:
        page.wait_for_selector(f".timeline [data-event-id='{event_id}']")
    page.wait_for_function("n => document.querySelector('[data-stat=claims] strong').textContent === String(n)",
                           arg=claims_before + len(added["claims"]))
    # The README's picture: the demo data with one article that arrived live.
    page.wait_for_function("() => document.querySelectorAll('#map path.country').length > 100")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    disputed = dashboard.ingest(text=DISPUTED_RANGE, published="2025-03-17", outlet="Live Test Wire",
                                title="KN-23 range disputed")
    assert disputed["contradictions"], "a 300 km range contradicts the demo's KN-23 ranges"
    page.wait_for_selector("#new-contradictions:not(.hidden)")
    for x in disputed["contradictions"]:
        page.wait_for_selector(f"#live-feed li[data-kind=contradiction][data-id='{x}']")
    assert page.evaluate("window.__loadedOnce") is True, "the page reloaded"

    page.click("#nav a[data-view=contradictions]")
    navigated(page, "contradictions")
    card = page.locator(f"li.contradiction[data-contradiction-id='{disputed['contradictions'][0]}']")
    assert card.locator(".side").count() == 2
    assert page.locator("#new-contradictions").is_hidden()
    page.watch.assert_clean()


def test_dashboard_renders_xss_payloads_as_inert_text(page, dashboard):
    visit(page, dashboard)
    page.wait_for_selector(".live-status.on")
    added = dashboard.ingest(text=XSS_BODY, title=XSS_TITLE, outlet=XSS_OUTLET, published="2025-03-16")
    doc_id = added["document_id"]
    assert added["claims"], "the payload article still yields claims"
    feed = page.locator(f"#live-feed li[data-kind=document][data-id='{doc_id}']")
    feed.wait_for()
    assert XSS_TITLE in feed.text_content()

    detail = dashboard.get(f"/api/documents/{doc_id}")
    claim = next(c for c in detail["claims"] if "🚀" in c["text"])
    event_ids = added["events"]
    location = next((i for c in detail["claims"] for i in c["roles"]["location"]), None)
    routes = [f"#/document/{doc_id}", f"#/claim/{claim['id']}", "#/", "#/sources", "#/brief",
              *(f"#/event/{quote(e, safe='')}" for e in event_ids),
              *([f"#/entity/{quote(location, safe='')}"] if location else [])]
    for route in routes:
        page.evaluate("r => { location.hash = r; }", route)
        page.wait_for_function("r => location.hash === r", arg=route)
        page.wait_for_selector("#app[data-state=ready]")
        page.wait_for_timeout(150)  # let an injected onerror handler fire, if there were one
        assert page.evaluate("typeof window.__xss") == "undefined", f"a payload ran on {route}"
        injected = page.evaluate("""() => ({
            scripts: [...document.scripts].filter(s => !s.src.includes('/static/')).length,
            handlers: document.querySelectorAll('[onerror], [onload], [onmouseover], [onclick]').length,
            images: document.querySelectorAll('img[src="x"]').length,
            jsLinks: [...document.querySelectorAll('a[href]')].filter(a => /^\\s*javascript:/i.test(a.href)).length,
            bold: document.querySelectorAll('#app b').length,
        })""")
        assert injected == {"scripts": 0, "handlers": 0, "images": 0, "jsLinks": 0, "bold": 0}, route

    # The payloads are there, as text: the title verbatim, the evidence whole despite the emoji.
    page.evaluate("r => { location.hash = r; }", f"#/document/{doc_id}")
    navigated(page, "document")
    assert page.locator("h1.doc-title").text_content() == XSS_TITLE
    assert XSS_OUTLET in page.locator(".meta").first.text_content()
    marks = texts(page, f"#article mark.evidence[data-claims~='{claim['id']}']")
    assert "".join(marks) == claim["text"].strip()
    assert "javascript:" in page.locator("#article").text_content()
    page.watch.assert_clean()


PHONE = {"width": 390, "height": 844}


def test_dashboard_fits_a_phone_without_sideways_scrolling(browser, dashboard):
    """Issue 11: at 390 px no view is wider than the screen."""
    claim = dashboard.get("/api/claims", limit=1)["items"][0]
    event = dashboard.get("/api/events", limit=1)["items"][0]
    routes = ["#/", "#/contradictions", "#/sources", "#/brief", f"#/event/{quote(event['id'], safe='')}",
              f"#/document/{claim['document_id']}", f"#/claim/{claim['id']}",
              f"#/entity/{quote(claim['source'] or claim['roles']['actor'][0], safe='')}"]
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce", is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    watch = Watch(tab)
    try:
        for route in routes:
            visit(tab, dashboard, route)
            tab.wait_for_timeout(200)  # late content (the map, the brief) has landed
            widths = tab.evaluate("""() => ({page: document.documentElement.scrollWidth,
                                             screen: document.documentElement.clientWidth})""")
            assert widths["screen"] == PHONE["width"]
            assert widths["page"] <= widths["screen"], f"{route} scrolls sideways: {widths}"
        watch.assert_clean()
    finally:
        context.close()


def test_dashboard_timeline_spans_the_years_and_zooms(page, dashboard):
    events = dashboard.get("/api/events", limit=500)["items"]
    years = sorted({int(e["time"][k][:4]) for e in events for k in ("start", "end") if e["time"][k]})
    assert years[-1] > years[0], "the demo corpus spans years"
    visit(page, dashboard)
    box = page.locator(".tl-box")
    # drawn at its own width (readable labels), not a fixed picture scaled down
    assert page.evaluate("""() => Number(document.querySelector('.timeline-svg').getAttribute('width'))
                                   === Math.round(document.querySelector('.tl-plot').clientWidth)""")
    labels = " ".join(texts(page, ".tick-label"))
    # every year, or every few years at a steady step when the corpus spans decades (a sanction
    # "since 2006" beside this year's strikes)
    shown = sorted({int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", labels)})
    steps = {b - a for a, b in zip(shown, shown[1:])}
    assert len(steps) == 1 and steps.pop() <= 5, labels
    assert shown[0] <= years[0] + 5 and shown[-1] >= years[-1] - 5, labels
    assert box.get_attribute("data-unit") in ("month", "year")
    # every dated event is on the axis at first
    assert page.locator(".timeline-svg a.tl-event").count() == sum(1 for e in events if e["time"]["start"])
    for _ in range(12):  # zoom in to days
        if box.get_attribute("data-unit") == "day":
            break
        page.click("button.tl-zoom[aria-label='Zoom in']")
    assert box.get_attribute("data-unit") == "day"
    assert re.search(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", " ".join(texts(page, ".tick-label")))
    # a live event redraws the timeline but keeps the reader's zoom
    page.wait_for_selector(".live-status.on")
    shown = page.locator(".tl-range").text_content()
    added = dashboard.ingest(text=ARTICLE.replace("41 Shahed", "52 Shahed"), published="2025-03-13",
                             outlet="Zoom Test Wire", title="More drones over Kharkiv")
    for event_id in added["events"]:
        page.wait_for_selector(f".timeline [data-event-id='{event_id}']")
    assert box.get_attribute("data-unit") == "day" and page.locator(".tl-range").text_content() == shown
    box = page.locator(".tl-box")
    page.click("button.tl-zoom[aria-label='Show the whole span']")
    assert box.get_attribute("data-unit") in ("month", "year")
    page.watch.assert_clean()


def test_dashboard_shows_a_plain_text_headline_once_with_its_claims_marked(page, dashboard):
    headline = "Drones hit fuel depot near Kharkiv"
    body = ("Russian drones hit a fuel depot near Kharkiv on Sunday night, setting two tanks on fire, "
            "the regional governor said on Monday.\n\nFirefighters put out the blaze by morning.")
    added = dashboard.ingest(text=f"{headline}\n\n{body}", published="2025-03-17", outlet="Live Test Wire")
    detail = dashboard.get(f"/api/documents/{added['document_id']}")
    assert detail["document"]["title"] == headline and detail["document"]["text"].startswith(headline)
    visit(page, dashboard, f"#/document/{added['document_id']}")
    assert page.locator("h1.doc-title").text_content() == headline
    assert page.locator("h1.doc-title mark.evidence").count() >= 1  # its claim, marked where the title is
    assert page.locator("#article").text_content().startswith("Russian drones")
    page.watch.assert_clean()


def test_dashboard_names_the_outlet_from_the_url(page, dashboard):
    docs = dashboard.get("/api/documents", limit=100)["items"]
    doc = next(d for d in docs if not d["outlet"] and d["url"])
    domain = re.sub(r"^www\.", "", re.match(r"https?://([^/:]+)", doc["url"]).group(1))
    visit(page, dashboard, f"#/document/{doc['id']}")
    assert page.locator(".meta").first.text_content().startswith(domain)
    visit(page, dashboard, "#/sources")
    outlets = texts(page, "#outlets tbody th")
    assert domain in outlets and "unknown outlet" not in outlets
    page.watch.assert_clean()


def test_dashboard_map_outlines_draw_no_band_across_the_world(page, dashboard):
    """Outlines on the sphere (world-atlas 2) drawn flat: Fiji, Chukotka and Antarctica cross the
    antimeridian, and a ring that jumps from 180 to -180 degrees drew a band across the whole map."""
    visit(page, dashboard)
    page.wait_for_selector(".leaflet-container.ready path.country", state="attached")
    rings = page.evaluate("""async () => {
        const {WORLD, flatOutlines} = await import('/static/js/map.js');
        const topo = await (await fetch(WORLD)).json();
        const flat = flatOutlines(window.topojson.feature(topo, topo.objects.countries));
        const rings = flat.features.flatMap((f) => f.geometry.type === 'Polygon'
            ? f.geometry.coordinates : f.geometry.coordinates.flat());
        return rings.map((ring) => ({
            // along a pole (the map's edge) a ring around it may go the whole way round
            step: Math.max(...ring.slice(1).map(([lon, lat], i) =>
                Math.abs(lat) === 90 && Math.abs(ring[i][1]) === 90 ? 0 : Math.abs(lon - ring[i][0]))),
            open: Math.abs(ring[0][0] - ring[ring.length - 1][0]) + Math.abs(ring[0][1] - ring[ring.length - 1][1]),
        }));
    }""")
    assert len(rings) > 200
    assert max(r["step"] for r in rings) < 180 and max(r["open"] for r in rings) == 0
    page.watch.assert_clean()
