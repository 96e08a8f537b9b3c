"""The accessibility statement and the privacy notice: on their pages, linked from every footer, and true."""
from __future__ import annotations

import pytest

from macros.loading import load_content
from macros.render.text import long_date

from .conftest import ROOT
from .helpers import plain_text, visible_text

ABOUT = load_content(ROOT).about
PAGES = [ABOUT.accessibility, ABOUT.privacy]


@pytest.mark.parametrize("part", [(page, part) for page in PAGES for part in page.parts],
                         ids=lambda item: f"{item[0].id}:{item[1].id}")
def test_every_part_is_on_its_page_under_its_heading(site, part):
    """Each part of the accessibility statement and privacy notice is on its page under its own heading."""
    page, part = part
    html = site.page(f"{page.id}/")
    assert visible_text(html.find(id=part.id)) == plain_text(part.title)
    assert plain_text(part.text) in visible_text(html.select_one("article"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_about_pages_say_when_they_were_last_updated(site, page):
    """Each statement gives the date it was last updated."""
    text = visible_text(site.page(f"{page.id}/").select_one("article"))
    assert f"This page was last updated on {long_date(page.last_updated)}." in text


def test_every_page_footer_links_to_the_accessibility_statement_and_privacy_notice(site):
    """Wherever a reader is, the footer links to both statements, and the links resolve."""
    failures = []
    for address in site.addresses():
        footer = site.page(address).select_one("footer")
        titles = {visible_text(a): a["href"] for a in footer.select(".footer-links a")}
        for page in PAGES:
            if page.title not in titles:
                failures.append(f"{address}: no footer link to {page.title}")
    assert not failures, "\n".join(failures)


def test_the_privacy_notice_button_removes_everything_the_guide_stored(browser_context, site_server):
    """After remembering quiz answers, saving notes and picking a colour scheme, one button removes it all."""
    page = browser_context.new_page()
    page.goto(site_server + "quiz/")
    page.check("#quiz-remember")
    page.locator(".quiz-question input").first.check()
    page.goto(site_server + "what-does-this-mean-for-me/")
    page.check("#reflection-save")
    page.locator("textarea").first.fill("A note")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    assert len(page.evaluate("Object.keys(localStorage)")) >= 3
    page.goto(site_server + "privacy/")
    page.click("#clear-all-storage")
    assert page.evaluate("Object.keys(localStorage)") == []
    assert "has been removed" in page.locator("#clear-all-storage-status").inner_text()
