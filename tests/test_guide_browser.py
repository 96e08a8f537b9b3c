"""The guide's pages in a real browser, as a practitioner on a phone uses them: short pages, deep links, search."""
from __future__ import annotations

import pytest

from macros.loading import load_content
from macros.render.guide import page_of

from .conftest import ROOT
from .helpers import built_address, plain_text

GUIDE = load_content(ROOT).guide
KEY_MESSAGES = built_address(page_of(GUIDE.key_messages))
PHONE = {"width": 375, "height": 740}
# Most phone screens the key messages page may take before the reader opens any detail (also in make bench). Six
# until December 2026, when the law that changed in 2026 added five changes in the law and a lawful basis.
MOST_KEY_MESSAGES_SCREENS = 6.5


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def test_key_messages_fit_in_six_phone_screens_before_any_detail_is_opened(phone_page, site_server):
    """At 375 x 740 the whole key messages page, footer included, is at most six and a half screens tall, all details
    closed."""
    phone_page.goto(site_server + KEY_MESSAGES)
    assert phone_page.locator("details[open]").count() == 0
    height = phone_page.evaluate("document.documentElement.scrollHeight")
    assert height <= MOST_KEY_MESSAGES_SCREENS * PHONE["height"], f"{height / PHONE['height']:.1f} screens"


RULES = GUIDE.key_messages.golden_rules
DEEP_LINKS = [  # (id linked to, words shown only once its detail is open)
    (RULES.rules[3].id, plain_text(RULES.rules[3].text)[:60]),
    (GUIDE.key_messages.messages[2].id, plain_text(GUIDE.key_messages.messages[2].more)[:60]),
    (GUIDE.key_messages.topics[0].id, plain_text(GUIDE.key_messages.topics[0].text)[:60]),
]


@pytest.mark.parametrize("scripts", [True, False], ids=["with scripts", "without scripts"])
@pytest.mark.parametrize("ident, words", DEEP_LINKS, ids=[ident for ident, _ in DEEP_LINKS])
def test_a_deep_link_shows_the_closed_detail_under_its_heading_on_screen(browser, site_server, ident, words, scripts):
    """Opening key-messages/#id shows that heading and the detail under it inside the phone's screen."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=scripts)
    try:
        page = context.new_page()
        page.goto(f"{site_server}{KEY_MESSAGES}#{ident}")
        detail = page.get_by_text(words)
        detail.wait_for(state="visible", timeout=5000)
        box = detail.bounding_box()
        assert 0 <= box["y"] < PHONE["height"], f"the detail is at {box['y']:.0f}px, off the screen"
    finally:
        context.close()


def test_a_golden_rule_at_a_glance_opens_the_rule_in_full(phone_page, site_server):
    """Following "Rule 4: ..." at the top of the page scrolls to the rule and opens what it says."""
    phone_page.goto(site_server + KEY_MESSAGES)
    rule = RULES.rules[3]
    phone_page.locator("ol.rule-summary").get_by_role("link", name=f"Rule 4: {plain_text(rule.title)}").click()
    detail = phone_page.get_by_text(plain_text(rule.text)[:60])
    detail.wait_for(state="visible", timeout=5000)
    assert 0 <= detail.bounding_box()["y"] < PHONE["height"]


GUIDE_PAGES = {"", "should-i-share/", *(built_address(page_of(section)) for section in GUIDE.sections)}


def test_search_puts_a_guide_page_first_for_what_practitioners_ask(browser_context, site_server):
    """Searching the words practitioners use lists a guide page first, above the trainer's and training pages;
    a golden rule is found by its number."""
    page = browser_context.new_page()
    page.goto(site_server)
    found = {}
    for words in ("without consent", "consent", "golden rule 4", "record", "emergency"):
        page.click(".md-search__input")
        page.fill(".md-search__input", "")
        page.locator(".md-search-result__item").first.wait_for(state="detached", timeout=10000)
        page.keyboard.type(words)
        first = page.locator(".md-search-result__item > a").first
        first.wait_for(timeout=10000)
        # The results follow each key as it is typed: read them once they have settled on the whole words.
        results, previous = page.locator(".md-search-result").inner_text(), None
        for _ in range(20):
            if results == previous:
                break
            page.wait_for_timeout(250)
            previous, results = results, page.locator(".md-search-result").inner_text()
        address = first.get_attribute("href").removeprefix(site_server).split("?")[0]
        found[words] = (address, results)
    assert {words: address for words, (address, _) in found.items() if address not in GUIDE_PAGES} == {}
    assert f"Rule 4: {plain_text(RULES.rules[3].title)}" in found["golden rule 4"][1]


@pytest.mark.parametrize("address", ["", "facilitator/"], ids=["home", "a page in a group"])
def test_each_name_is_in_the_navigation_once(browser_context, site_server, address):
    """On a desktop screen no name shows twice in the side navigation, the guide's own title included."""
    page = browser_context.new_page()
    page.goto(site_server + address)
    names = page.eval_on_selector_all("nav.md-nav--primary :is(a, label, .md-nav__title)",
                                      "all => all.filter(e => e.checkVisibility() && e.innerText.trim())"
                                      ".map(e => e.innerText.trim())")
    assert names.count(GUIDE.guide.title) == 1, names
    assert sorted({name for name in names if names.count(name) > 1}) == []
