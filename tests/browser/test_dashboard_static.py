"""The dashboard's static files, checked without a browser (issue 5): they run under a
Content-Security-Policy without inline script or style, never hand data to an HTML
parser, reference only files that exist, and ship their libraries with versions and
licences. These run everywhere; tests/browser/test_dashboard.py drives a real browser.
"""

from __future__ import annotations

import re
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "src" / "claimgraph" / "web" / "static"
SCRIPTS = sorted([STATIC / "app.js", *(STATIC / "js").glob("*.js")])
# Sinks that parse a string as HTML or code. The dashboard builds nodes instead.
HTML_SINKS = re.compile(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\s*\(|document\.write|"
                        r"\beval\s*\(|new\s+Function\s*\(|setAttribute\(\s*[\"'](style|on\w+)")


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text += data


def _index() -> Tags:
    parser = Tags()
    parser.feed((STATIC / "index.html").read_text(encoding="utf-8"))
    return parser


def test_dashboard_static_index_has_no_inline_script_or_style():
    page = _index()
    assert page.script_text.strip() == ""
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert scripts and all(attrs.get("src", "").startswith("/static/") for attrs in scripts)
    assert not [tag for tag, _ in page.tags if tag == "style"]
    for tag, attrs in page.tags:
        assert "style" not in attrs, tag
        assert not [a for a in attrs if a.startswith("on")], tag


def test_dashboard_static_scripts_never_parse_strings_as_html():
    assert len(SCRIPTS) >= 5
    for path in SCRIPTS:
        code = path.read_text(encoding="utf-8")
        code = re.sub(r"^\s*//.*$", "", code, flags=re.MULTILINE)  # comments may name the sinks
        assert not HTML_SINKS.search(code), f"{path.name}: {HTML_SINKS.search(code).group(0)}"


def test_dashboard_static_references_exist():
    page = _index()
    referenced = [attrs.get("src") or attrs.get("href") for tag, attrs in page.tags if tag in ("script", "link")]
    for path in SCRIPTS:
        code = path.read_text(encoding="utf-8")
        referenced += re.findall(r"[\"'](/static/[^\"'?#]+)[\"']", code)
        for module in re.findall(r"from\s+[\"'](\.[^\"']+)[\"']", code):
            assert (path.parent / module).resolve().is_file(), f"{path.name} imports {module}"
    local = [ref for ref in referenced if ref and ref.startswith("/static/")]
    assert any("world-atlas" in ref for ref in local)
    for ref in local:
        assert (STATIC / ref.removeprefix("/static/")).is_file(), ref


def test_dashboard_static_vendor_folders_have_versions_and_licences():
    folders = [p for p in (STATIC / "vendor").iterdir() if p.is_dir()]
    assert {re.sub(r"-\d[\w.]*$", "", p.name) for p in folders} >= {"leaflet", "topojson-client", "world-atlas"}
    for folder in folders:
        assert re.search(r"-\d+\.\d+\.\d+$", folder.name), folder.name
        assert (folder / "LICENSE").is_file(), folder.name


def test_dashboard_static_is_served_with_the_csp(tmp_path):
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():  # starlette's TestClient warns about its httpx backend
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from claimgraph.web import create_app

    with TestClient(create_app(str(tmp_path / "empty.db"))) as client:
        index = client.get("/")
        assert index.status_code == 200 and 'src="/static/app.js"' in index.text
        assert "script-src 'self'" in index.headers["content-security-policy"]
        assert "unsafe-inline" not in index.headers["content-security-policy"]
        script = client.get("/static/app.js")
        assert script.status_code == 200
        assert "javascript" in script.headers["content-type"]
        assert client.get("/static/vendor/world-atlas-2.0.2/countries-110m.json").json()["type"] == "Topology"
