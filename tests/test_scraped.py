"""Scraped plain text read like a reader would: the line model, the headline, the eval task.

The pages here are invented; the scored development set (../shared/eval-data) is only
read by ``claimgraph eval scraped`` and scripts/train_line_model.py.
"""

from __future__ import annotations

import gzip
import json

import numpy as np
import pytest

from claimgraph.clean import clean_text
from claimgraph.clean.html import html_headline, strip_site_suffix
from claimgraph.clean.linemodel import TreeEnsemble, load_models, prose_run
from claimgraph.clean.meta import parse_dateline, parse_named_role
from claimgraph.clean.text import classify_lines, load_lexicon
from claimgraph.evaluate.scraped import declared_headlines, evaluate_scraped, title_is_headline

MENU = "Home   News   Local   Nation & World   Business   Sports   Opinion"
PAGE = "\n".join([
    "ePaper | Games | Newsletters | Sign In",
    MENU,
    "Weather",
    "Drone strike damages power plant near the border | Valley Courier",
    "Drone strike damages power plant near the border",
    "Tom Krisher, Valley Courier Staff Writer",
    "Published March 3, 2024",
    "A drone struck a power plant near the border early on Sunday, cutting electricity to "
    "thousands of homes in three districts, the regional governor said.",
    "Repair crews were working to restore supply by the evening, the grid operator said in a "
    "statement, adding that two transformers had been damaged beyond repair.",
    "The governor said air defences had shot down four other drones over the region overnight "
    "and that no one had been hurt in the attack on the plant.",
    "Follow her on X @courier",
    "Jane Doe contributed to this report.",
    "Related stories",
    "Mayor opens new bridge",
    "School board meets Tuesday",
    "© 2024 Valley Courier. All rights reserved.",
])


def test_scraped_page_keeps_the_article_and_finds_headline_byline_date():
    cleaned = clean_text(PAGE)
    assert cleaned.title == "Drone strike damages power plant near the border"
    assert cleaned.byline == "Tom Krisher"
    assert cleaned.published == "2024-03-03"
    assert cleaned.body.startswith("A drone struck a power plant")
    assert "no one had been hurt" in cleaned.body
    for furniture in ("Sign In", "Nation & World", "Follow her", "contributed to this report",
                      "Mayor opens", "All rights reserved"):
        assert furniture not in cleaned.body, furniture


def test_a_navigation_line_is_never_the_headline():
    page = PAGE.replace("Drone strike damages power plant near the border | Valley Courier\n", "").replace(
        "Drone strike damages power plant near the border\n", "")
    title = clean_text(page).title
    assert title not in (MENU, "ePaper | Games | Newsletters | Sign In", "Weather")


@pytest.mark.parametrize("sentence", [
    "The UN mission is to provide security for the vote, the spokesman said on Monday.",
    "Residents will receive updates by text message as the evacuation goes on, officials said.",
    "The photographs were used with permission of the families, the newspaper said.",
])
def test_real_sentences_with_furniture_phrases_stay(sentence):
    assert load_lexicon().match(sentence) is None
    page = PAGE.replace("Repair crews were", sentence + "\nRepair crews were")
    assert sentence in clean_text(page).body


@pytest.mark.parametrize("furniture", [
    "Our mission is to provide independent news.", "Sign up to receive updates from our newsroom",
    "Used with permission of the author.", "Suggested citation: Doe, J. (2024). Drones.",
    "This story was auto-generated from a syndicated feed.", "Follow him on Twitter @jdoe",
])
def test_narrowed_phrases_still_catch_furniture(furniture):
    assert load_lexicon().match(furniture)


def test_tree_ensemble_walks_its_trees():
    tree = {"feature": [0, -1, -1], "threshold": [0.5, 0, 0], "left": [1, 0, 0], "right": [2, 0, 0],
            "value": [0.0, -2.0, 2.0]}
    model = TreeEnsemble.from_json({"features": ["x"], "init": 0.0, "learning_rate": 1.0, "trees": [tree]})
    p = model.probability(np.array([[0.0], [1.0]]))
    assert p[0] == pytest.approx(1 / (1 + np.exp(2))) and p[1] == pytest.approx(1 / (1 + np.exp(-2)))


def test_shipped_model_matches_the_feature_layout():
    models = load_models()
    assert models is not None and {"body", "title"} <= set(models)


def test_prose_run_skips_a_menu_between_paragraphs():
    units = classify_lines("Home\nNews\n" + "\n".join(PAGE.split("\n")[7:10]) + "\nMenu\nAbout\nJobs")
    first, last = prose_run(units)
    assert units[first].text.startswith("A drone struck") and units[last].text.startswith("The governor")


def test_byline_with_a_job_title():
    assert parse_named_role("Tom Krisher, AP Auto Writer") == "Tom Krisher"
    assert parse_named_role("Kyiv, Ukraine") is None


def test_html_headline_prefers_the_h1_the_title_repeats():
    html = ("<html><head><title>Port shelled overnight - The Daily Planet</title>"
            "<meta property='og:title' content='Port shelled overnight | The Daily Planet'></head>"
            "<body><h1>The Daily Planet</h1><h1>Port shelled overnight</h1></body></html>")
    assert html_headline(html) == "Port shelled overnight"
    assert strip_site_suffix("Port shelled overnight | The Daily Planet") == "Port shelled overnight"


NEWS_PAGE = """Home | World | Business | Sport | Opinion
Subscribe   Sign in
World
Port city shelled for a third night as talks stall
Residents fled the harbour district after rockets hit the grain terminal
By Jane Roe
November 19, 2019 / 12:21 AM / Updated 14 hours ago
Smoke over the grain terminal on Tuesday. (Harbour Times/ Jo Bloggs)
Rockets struck the grain terminal of the port city for a third night running, the regional governor said on \
Tuesday, as talks on a ceasefire stalled in the capital.
Two dock workers were wounded and a warehouse burned until dawn, according to the port authority, which said \
shipping would resume within days.
The governor blamed the attacks on units stationed across the river.
The army did not comment.
Read more
Ceasefire talks stall again
Share this article
"""


def test_news_page_headline_byline_date_and_body():
    ct = clean_text(NEWS_PAGE)
    assert ct.title == "Port city shelled for a third night as talks stall"  # not the menu, the dek or the caption
    assert (ct.byline, ct.published) == ("Jane Roe", "2019-11-19")
    assert ct.body.startswith("Rockets struck") and ct.body.endswith("The army did not comment.")
    assert "Jo Bloggs" not in ct.body and "Ceasefire talks" not in ct.body


def test_dateline_with_time_and_age():
    assert parse_dateline("November 19, 2019 / 12:21 AM / Updated 14 hours ago") == "2019-11-19"
    assert parse_dateline("Sales rose 14 percent in November 2019, two days ago.") is False


def test_bracketed_credit_is_a_caption():
    lexicon = load_lexicon()
    assert lexicon.match("A patrol near the border village. (Levant Ledger/ Jo Bloggs)") == "caption"
    assert lexicon.match("The survey was run with a partner (Reuters/Ipsos).") is None


def test_title_judgement():
    page_title = "Opinion | Harbour Towns Brace for a Long Winter of Shortages - The Coastal Ledger"
    assert title_is_headline("Harbour Towns Brace for a Long Winter of Shortages", page_title)
    assert not title_is_headline("Opinion", page_title)
    assert not title_is_headline(page_title, page_title)  # still carries the site's name
    assert not title_is_headline("Home News Local Business", page_title)
    # the README's rule: the <title> up to its site suffix, short or ending on the site's own name
    assert title_is_headline("About bugs", "About bugs – Vortex Cannon Entertainment")
    assert title_is_headline("Meet Jo Bloggs, New CEO at Acme", "Meet Jo Bloggs, New CEO at Acme - Acme")
    assert not title_is_headline("Vortex Cannon Entertainment", "About bugs – Vortex Cannon Entertainment")


def test_a_line_holding_the_headline_and_more_is_not_the_headline():
    page_title = "Harbour Towns Brace for a Long Winter of Shortages - The Coastal Ledger"
    for glued in ("Home News Local News Harbour Towns Brace for a Long Winter of Shortages",
                  "3. Harbour Towns Brace for a Long Winter of Shortages",
                  "Business | Harbour Towns Brace for a Long Winter of Shortages"):
        assert not title_is_headline(glued, page_title), glued
    assert title_is_headline("The Harbour Towns Brace for a Long Winter of Shortages", page_title)
    assert title_is_headline("Harbour Towns Brace for a Long, Hard Winter of Shortages", page_title)
    # a headline whose own second part the <title> also gives apart is still the headline
    assert title_is_headline("Plague in the Valley: Third Case Confirmed – ‘It Is Spreading’",
                             "Plague in the Valley: Third Case Confirmed – ‘It Is Spreading’ | Science | News | Ledger")


SEO_TITLE = "Power plant hit by drone, governor says outages will last days - Valley Courier"
VISIBLE = "Drone strike damages power plant near the border"


def page_html(*h1s: str, og: str | None = None) -> str:
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    return (f"<html><head><title>{SEO_TITLE}</title>{meta}</head><body>"
            + "".join(f"<h1>{h}</h1>" for h in h1s) + "<p>Text.</p></body></html>")


def test_the_pages_own_headline_markup_is_its_headline_too():
    # the <title> rewritten for search engines; the page shows and shares another headline
    assert declared_headlines(page_html(og=VISIBLE + " | Valley Courier"), SEO_TITLE) == [VISIBLE]
    assert declared_headlines(page_html("Governor: drone strike damages power plant near the border"),
                              SEO_TITLE) == ["Governor: drone strike damages power plant near the border"]
    assert title_is_headline(VISIBLE, SEO_TITLE, declared_headlines(page_html(og=VISIBLE), SEO_TITLE))
    assert not title_is_headline(VISIBLE, SEO_TITLE)


def test_a_masthead_or_sidebar_h1_is_no_declared_headline():
    assert declared_headlines(page_html("The Valley Courier"), SEO_TITLE) == []  # the site's name
    assert declared_headlines(page_html("Columns by Our Writers"), SEO_TITLE) == []  # shares no words
    # only the first <h1> of 3+ words is read: a later one is a widget's
    assert declared_headlines(page_html("The Valley Courier", VISIBLE.replace("Drone", "Governor")), SEO_TITLE) == []
    # a shared title that glues the site's slogan to the <title>'s headline declares no wrapped line
    slogan = "Valley Courier | the valley's news: Power plant hit by drone, governor says outages will last days"
    assert not title_is_headline(slogan, SEO_TITLE, declared_headlines(page_html(og=slogan), SEO_TITLE))
    menu = "Home News Local " + VISIBLE
    assert not title_is_headline(menu, SEO_TITLE, declared_headlines(page_html(og=VISIBLE), SEO_TITLE))
    assert declared_headlines("", SEO_TITLE) == [] and declared_headlines(None, SEO_TITLE) == []


def test_eval_scraped_reads_declared_headlines_beside_the_pages(tmp_path):
    path = tmp_path / "scraped.jsonl.gz"
    text = PAGE.replace("Drone strike damages power plant near the border | Valley Courier\n", "")
    record = {"id": "scraped/1", "text": text, "page_title": SEO_TITLE, "url": None,
              "gold_text": "\n".join(PAGE.split("\n")[7:10])}
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    strict = evaluate_scraped(path).metrics
    with gzip.open(tmp_path / "boilerplate.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "aeb/1", "html": page_html(VISIBLE)}) + "\n")
    declared = evaluate_scraped(path).metrics
    assert strict["title_accuracy"] == 0.0 and strict["title_accuracy_title_only"] == 0.0
    assert declared["title_accuracy"] == 1.0 and declared["title_accuracy_title_only"] == 0.0


def test_eval_scraped_reports_the_readme_metrics(tmp_path):
    path = tmp_path / "pages.jsonl.gz"
    record = {"id": "x/1", "text": PAGE, "page_title": "Drone strike damages power plant near the border - VC",
              "url": "https://example.org/a", "gold_text": "\n".join(PAGE.split("\n")[7:10])}
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    metrics = evaluate_scraped(path).metrics
    assert {"f1", "precision", "recall", "title_accuracy"} <= set(metrics)
    assert metrics["f1"] > 0.9 and metrics["title_accuracy"] == 1.0


def test_stacked_trees_score_like_walking_each_tree():
    import numpy as np

    from claimgraph.clean.linemodel import load_models

    models = load_models()
    if models is None:
        pytest.skip("no shipped line model")
    for model in models.values():
        X = np.random.RandomState(0).randn(50, len(model.features)) * 3
        X[::7, 0] = np.nan  # a missing value goes right, as in the reference walk
        score = np.full(len(X), model.init)
        for tree in model.trees:  # the reference: one tree at a time, node by node
            for r in range(len(X)):
                node = 0
                while tree["feature"][node] >= 0:
                    left = X[r, tree["feature"][node]] <= tree["threshold"][node]
                    node = tree["left"][node] if left else tree["right"][node]
                score[r] += model.learning_rate * tree["value"][node]
        assert np.allclose(model.probability(X), 1 / (1 + np.exp(-score)))


# Two headline-shaped lines above the article: a teaser for another story and the headline.
TEASER = "Rail strike talks resume in the capital after a week"
HEADLINE = "Floods cut the northern highway for a second day"
RIVER_BODY = [
    "Floodwater cut the northern highway for a second day on Tuesday, stranding hundreds of "
    "lorries at the river crossing, the roads agency said.",
    "Engineers were waiting for the water to fall before checking the bridge, the agency said in a "
    "statement, adding that a detour through the hills would stay open overnight.",
    "The regional weather office forecast more rain for the rest of the week.",
]


def river_page(*, breadcrumb: bool = True, menu_above: bool = False) -> str:
    lines = ["Skip to content", "News | World | Business | Sports | Weather"]
    if breadcrumb:
        lines.append(f"Home > Regions > {HEADLINE}")
    lines += ["Most read", TEASER, HEADLINE]
    if menu_above:
        lines.append("Home   Regions   Weather   Video   Podcasts")
    return "\n".join(lines + ["By Jo Roe", "Published March 5, 2024", *RIVER_BODY, "Share this article"])


def test_a_menu_line_right_above_the_byline_is_never_the_title():
    from claimgraph.clean.linemodel import is_navigation, title_candidates

    page = river_page(menu_above=True)
    units = classify_lines(page)
    menu = next(i for i, u in enumerate(units) if u.text.startswith("Home   Regions"))
    assert is_navigation(units[menu].text)
    assert menu not in title_candidates(units, len(units) - 1)
    assert clean_text(page).title == HEADLINE


def test_a_headline_repeated_in_the_breadcrumb_wins_over_a_teaser():
    assert clean_text(river_page()).title == HEADLINE


def test_the_page_address_names_the_headline():
    """The slug of the page's address decides between two headline-shaped lines."""
    from claimgraph.clean.linemodel import slug_words

    page = river_page(breadcrumb=False)
    teaser_url = "https://courier.example/2024/03/05/rail-strike-talks-resume-in-the-capital/"
    headline_url = "https://courier.example/regions/floods-cut-northern-highway-second-day-81234.html"
    assert slug_words(headline_url) == {"floods", "cut", "northern", "highway", "second", "day", "regions"}
    assert clean_text(page, url=headline_url).title == HEADLINE
    assert clean_text(page, url=teaser_url).title == TEASER


def test_sentences_in_a_script_without_spaces_read_as_prose():
    units = classify_lines("ホーム\nニュース\n"
                           "港湾都市で夜間に三度目の砲撃があり、市当局は住民に避難を呼びかけた。\n"
                           "市の発表によると、砲撃で倉庫二棟が焼け、けが人はいなかったという。")
    assert [u.prose for u in units] == [False, False, True, True]
    assert units[2].words >= 10


def test_a_headline_in_a_script_without_spaces_is_a_candidate():
    from claimgraph.clean.linemodel import headline_sized
    from claimgraph.clean.text import Unit

    assert headline_sized(Unit(text="港湾都市で夜間に三度目の砲撃", line_no=0, block=0, words=1))
    assert not headline_sized(Unit(text="Weather", line_no=0, block=0, words=1))


@pytest.mark.parametrize("menu", ["News   Local   Nation & World   Business", "Home > Regions > Eastern Province",
                                  "Home | World | Business | Sport | Video"])
@pytest.mark.parametrize("models", [{}, None], ids=["rules", "line model"])
def test_a_navigation_line_is_never_the_title_whichever_reader_picks_it(menu, models):
    """Issue 11: with no headline on the page, the rules used to take the menu above the body."""
    page = "\n\n".join([menu, *RIVER_BODY])
    assert clean_text(page, models=models).title != menu


TEASERS = [
    "Harbour fire spreads to three warehouses overnight, the fire service said on Monday morning.",
    "Council votes to close the old ferry terminal after a long and bitter debate on its future.",
]


def one_split_model(feature: str, names: list[str], below: float, above: float) -> TreeEnsemble:
    """A one-tree model: log-odds ``below`` where ``feature`` <= 0.5, ``above`` elsewhere."""
    tree = {"feature": [names.index(feature), -1, -1], "threshold": [0.5, 0, 0], "left": [1, 0, 0],
            "right": [2, 0, 0], "value": [0.0, below, above]}
    return TreeEnsemble.from_json({"features": names, "init": 0.0, "learning_rate": 1.0, "trees": [tree]})


def test_the_second_reading_knows_where_the_headline_is(monkeypatch):
    """The second body model reads each unit's place relative to the first reading's headline,
    from the rule labels (a first reading's verdicts do not leak into the second)."""
    import claimgraph.clean.text as text_module
    from claimgraph.clean.linemodel import BODY_FEATURES, SECOND_FEATURES

    monkeypatch.setattr(text_module, "ABOVE_TITLE_BAR", 2.0)  # the second model alone decides

    models = load_models()
    if models is None:
        pytest.skip("no shipped line model")
    page = "\n".join([*PAGE.split("\n")[:3], *TEASERS, *PAGE.split("\n")[4:10]])
    first_only = {name: models[name] for name in ("body", "title")}
    # a second model that keeps exactly what lies below the headline
    below_only = one_split_model("above_headline", SECOND_FEATURES, 4.0, -4.0)
    assert "Harbour fire" in clean_text(page, models=first_only).body
    cleaned = clean_text(page, models={**first_only, "second": below_only})
    assert cleaned.title == "Drone strike damages power plant near the border"
    assert cleaned.body.startswith("A drone struck a power plant") and "Harbour fire" not in cleaned.body
    assert "no one had been hurt" in cleaned.body
    # and one that drops everything leaves the first reading's verdicts
    none_kept = one_split_model("headline_found", SECOND_FEATURES, -4.0, -4.0)
    assert clean_text(page, models={**first_only, "second": none_kept}).body == clean_text(page, models=first_only).body
    assert BODY_FEATURES == SECOND_FEATURES[:len(BODY_FEATURES)]


def test_paragraphs_above_a_sure_headline_are_teasers():
    from claimgraph.clean.text import Unit, drop_above_headline

    units = [Unit(text=t, line_no=i, block=i, label="body") for i, t in enumerate(TEASERS)]
    units += [Unit(text="Headline", line_no=2, block=2, label="title"),
              Unit(text=PAGE.split("\n")[7], line_no=3, block=3, label="body")]
    drop_above_headline(units, 2, np.array([0.9, 0.995, 0.1, 0.9]))
    assert [u.label for u in units] == ["boilerplate", "body", "title", "body"]


def test_a_second_reading_that_would_throw_the_article_away_is_not_taken(monkeypatch):
    """A wire story the second model never saw: its reading kept 6 of 19 paragraphs of a
    Reuters article. A second reading that keeps under SECOND_READING_KEEPS of the first's
    body words has misread the page; the first reading stands."""
    import claimgraph.clean.text as text_module
    from claimgraph.clean.linemodel import SECOND_FEATURES

    monkeypatch.setattr(text_module, "ABOVE_TITLE_BAR", 2.0)
    models = load_models()
    if models is None:
        pytest.skip("no shipped line model")
    page = "\n".join([*PAGE.split("\n")[:3], *TEASERS, *PAGE.split("\n")[4:10]])
    first_only = {name: models[name] for name in ("body", "title")}
    # keeps only the lines above the headline: the teasers, a sliver of the article
    above_only = one_split_model("above_headline", SECOND_FEATURES, -4.0, 4.0)
    assert clean_text(page, models={**first_only, "second": above_only}).body == \
        clean_text(page, models=first_only).body
