"""The dashboard's places (issue 10) in a real browser: an article's page lists the places it
names, a place entity's page lists the articles naming it. Same browser and server fixtures
as test_dashboard.py (skipped the same way without Chromium or Playwright)."""

from __future__ import annotations

from urllib.parse import quote

from test_dashboard import browser, dashboard, navigated, page, texts, visit  # noqa: F401 (fixtures)

STORY = ("Officials in Rapides Parish said on Monday that a drone struck a fuel depot in Alexandria, "
         "Louisiana, overnight. Residents of Pineville said the fire burned until dawn.")


def test_article_and_place_pages_list_places(page, dashboard):  # noqa: F811 (fixtures)
    visit(page, dashboard)
    doc_id = dashboard.ingest(text=STORY, title="Depot fire", outlet="Town Talk", published="2025-01-06")["document_id"]

    page.evaluate("r => { location.hash = r; }", f"#/document/{doc_id}")
    navigated(page, "document")
    listed = " ".join(texts(page, "#document-places li"))
    assert "Louisiana" in listed and "Pineville" in listed and "Rapides Parish" in listed

    pineville = next(e for e in dashboard.get("/api/entities", q="Pineville")["items"] if e["name"] == "Pineville")
    page.evaluate("r => { location.hash = r; }", f"#/entity/{quote(pineville['id'], safe='')}")
    navigated(page, "entity")
    assert page.locator(f"#entity-places a[href$='{doc_id}']").count() == 1
    page.watch.assert_clean()
