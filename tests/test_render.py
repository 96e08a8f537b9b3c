"""The renderers, tested on small made-up content without MkDocs."""
from __future__ import annotations

import datetime
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.model import Resource, Review, Source
from macros.render.external_links import ExternalLinks
from macros.render.finish import ThemeChanged, worker_frame_script
from macros.render.guide import render_resource, review_line
from macros.render.text import (add_months, anchored_list, heading, long_date, page_address, published_date,
                                source_line)

from .helpers import squeeze


def to_html(markdown_text: str) -> BeautifulSoup:
    """Render Markdown the way the site does, with the same extensions."""
    html = markdown.markdown(markdown_text, extensions=["attr_list", "md_in_html", "admonition", ExternalLinks()])
    return BeautifulSoup(html, "html.parser")


def make_resource(**changes) -> Resource:
    values = dict(id="community-safety", title="Community safety guidance", description="Guidance for partners.",
                  audience="Community safety partnerships.", publisher="Home Office",
                  url="https://www.gov.uk/example", confirmed=True)
    return Resource(**{**values, **changes})


@pytest.mark.parametrize("day, expected", [
    (datetime.date(2026, 11, 24), "24 November 2026"),
    (datetime.date(2024, 5, 1), "1 May 2024"),
])
def test_long_date_is_written_day_month_year(day, expected):
    """Dates read as people in the UK write them."""
    assert long_date(day) == expected


@pytest.mark.parametrize("text, expected", [("2024-05", "May 2024"), ("2024-05-01", "1 May 2024")])
def test_published_date_gives_the_day_only_when_known(text, expected):
    """A source's date shows the day only when the content gives one."""
    assert published_date(text) == expected


@pytest.mark.parametrize("day, months, expected", [
    (datetime.date(2026, 11, 24), 12, datetime.date(2027, 11, 24)),
    (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
    (datetime.date(2026, 8, 31), 6, datetime.date(2027, 2, 28)),
    (datetime.date(2027, 12, 1), 3, datetime.date(2028, 3, 1)),
])
def test_add_months_keeps_the_day_or_takes_the_months_last(day, months, expected):
    """A review due date never lands on a day that does not exist."""
    assert add_months(day, months) == expected


def test_heading_carries_its_stable_id():
    """A heading's anchor is the id from the YAML, not a slug of its words."""
    page = to_html(heading(2, "Seek advice promptly", "seek-advice"))
    assert page.h2["id"] == "seek-advice"
    assert page.h2.get_text() == "Seek advice promptly"


def test_anchored_list_gives_each_item_its_id_and_keeps_markdown():
    """List items keep their own anchors and their Markdown formatting."""
    page = to_html(anchored_list([("fail-to-act", "Fail to **act**"), ("fail-to-share", "Fail to share")]))
    items = page.select("ul > li")
    assert [item["id"] for item in items] == ["fail-to-act", "fail-to-share"]
    assert items[0].strong.get_text() == "act"


def test_source_line_names_title_publisher_date_and_links_out_safely():
    """A source shows its linked title, publisher and date; the link is marked as leaving the site."""
    source = Source(title="Information sharing advice", publisher="Department for Education",
                    url="https://www.gov.uk/advice", published="2024-05-01", note="Non-statutory.")
    page = to_html(source_line(source))
    assert squeeze(page.get_text()) == ("Source: Information sharing advice, Department for Education, "
                                        "1 May 2024. Non-statutory.")
    link = page.a
    assert link["href"] == "https://www.gov.uk/advice"
    assert "external-link" in link["class"] and link["rel"] == ["noopener", "noreferrer"]


def test_confirmed_resource_links_straight_to_it():
    """A confirmed resource has one link, named after the resource."""
    page = to_html(render_resource(make_resource()))
    assert page.h2["id"] == "community-safety"
    assert [(a.get_text(), a["href"]) for a in page.select("a")] == [
        ("Open Community safety guidance", "https://www.gov.uk/example")]
    assert "Older guidance" not in page.get_text()


def test_unconfirmed_resource_sends_readers_to_the_publisher_and_says_what_to_look_for():
    """An unconfirmed address is honest: it names the publisher's site and what to look for there."""
    page = to_html(render_resource(make_resource(confirmed=False, look_for="the briefing on consent")))
    text = squeeze(page.get_text(" "))
    assert page.a.get_text() == "Go to the Home Office website"
    assert "Look for: the briefing on consent" in text
    assert "until the exact address of this resource is confirmed" in text


def test_older_guidance_is_labelled():
    """Guidance that predates current law carries a visible warning."""
    page = to_html(render_resource(make_resource(published="2010-03", older_guidance="Written before UK GDPR.")))
    warning = page.select_one(".admonition.warning")
    assert squeeze(warning.get_text(" ")) == "Older guidance Written before UK GDPR."
    assert "Published: March 2010" in squeeze(page.get_text(" "))


def test_review_line_gives_last_and_next_review():
    """The review line is worked out from the last review and the review interval."""
    guide = SimpleNamespace(review=Review(owner="Business unit", last_reviewed=datetime.date(2026, 11, 24),
                                          review_every_months=6))
    assert review_line(guide) == "Last reviewed: 24 November 2026. Next review due: 24 May 2027."


@pytest.mark.parametrize("docs_file, directory_urls, expected", [
    ("privacy.md", True, "privacy/"),
    ("index.md", True, ""),
    ("privacy.md", False, "privacy.html"),
    ("index.md", False, "index.html"),
])
def test_page_address_follows_the_url_style(docs_file, directory_urls, expected):
    """A page is a folder on a web server and a file in the offline copy, which has no server to find index.html."""
    assert page_address(docs_file, directory_urls) == expected


# The shape of iframe-worker's shim: two functions, then a template that writes them into the frame's script.
SHIM = ('function c(s,n){parent.postMessage(s,n||"*")}function d(...s){return s.reduce((n,e)=>n.then(()=>1))}'
        'var o=class{constructor(e){w.write(`<html><body><script>postMessage=${c};importScripts=${d};'
        'f({filename:"${e}",error})<\\/script><script src=${e}?${+Date.now()}><\\/script>`)}}')


def test_the_search_shims_frame_script_is_worked_out_with_its_functions_and_the_worker_address():
    """The frame's script is the shim's template with its functions' source and the worker's address filled in."""
    assert worker_frame_script(SHIM, "assets/search.js") == (
        'postMessage=function c(s,n){parent.postMessage(s,n||"*")};'
        'importScripts=function d(...s){return s.reduce((n,e)=>n.then(()=>1))};'
        'f({filename:"assets/search.js",error})')


def test_a_changed_search_shim_stops_the_build_instead_of_shipping_a_policy_that_blocks_search():
    """If the shim no longer writes its frame's script the known way, the build says so."""
    with pytest.raises(ThemeChanged, match="iframe-worker"):
        worker_frame_script(SHIM.replace("postMessage=${c}", "post=${c}"), "assets/search.js")
    with pytest.raises(ThemeChanged, match="no function d"):
        worker_frame_script(SHIM.replace("function d(", "function q("), "assets/search.js")
