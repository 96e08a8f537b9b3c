"""The guide's pages, checked against the content: everything in the YAML is on its page, where links expect it."""
from __future__ import annotations

from typing import Annotated, get_args, get_origin

import pytest
import yaml

from macros.loading import load_content
from macros.render.guide import address_book, page_of
from macros.render.text import long_date, records_with_ids
from macros.schema import record_fields

from .conftest import ROOT
from .helpers import built_address, plain_text, visible_text

GUIDE = load_content(ROOT).guide
BOOK = address_book(GUIDE)
RECORDS = [record for section in GUIDE.sections for record in records_with_ids(section)]


def words_of(record) -> list[str]:
    """Every text a reader should find for this record: its titles, its words, its own Markdown fields."""
    texts = []
    for field, tp in record_fields(type(record)):
        value = getattr(record, field.name)
        if field.name == "id" or not isinstance(value, str) or get_origin(tp) is not Annotated:
            continue
        if get_args(tp)[1].name in ("markdown", "line"):
            texts.append(plain_text(value))
    return texts


@pytest.mark.parametrize("section", GUIDE.sections, ids=lambda s: s.id)
def test_every_section_has_a_page_headed_with_its_title(site, section):
    """Each of the four sections is a page whose only h1 is the section's title, anchored by its id."""
    page = site.page(built_address(page_of(section)))
    headings = page.select("h1")
    assert len(headings) == 1, f"{section.id}: expected one h1, found {len(headings)}"
    assert visible_text(headings[0]) == plain_text(section.title)
    assert headings[0].get("id") == section.id


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: f"{type(r).__name__}:{r.id}")
def test_every_item_with_an_id_is_on_its_page_with_its_words(site, record):
    """Every section, point, message, golden rule, topic, question and resource is on its page under its id."""
    address = BOOK[record.id][0]
    page = site.page(built_address(address))
    anchor = page.find(id=record.id)
    assert anchor is not None, f"no element with id {record.id!r} on {address}"
    page_text = visible_text(page.select_one("article"))
    for text in words_of(record):
        assert text in page_text, f"{record.id}: this text is missing from {address}:\n{text}"


@pytest.mark.parametrize("resource", GUIDE.resources.items, ids=lambda r: r.id)
def test_every_resource_links_to_its_address_and_says_if_unconfirmed(site, resource):
    """A resource's entry links to its address; an unconfirmed one says what to look for on the publisher's site."""
    page = site.page(built_address(page_of(GUIDE.resources)))
    entry_heading = page.find(id=resource.id)
    entry = []
    for sibling in entry_heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        entry.append(sibling)
    links = [a["href"] for part in entry for a in part.select("a[href]")]
    assert resource.url in links, f"{resource.id}: no link to {resource.url}; found {links}"
    entry_text = " ".join(visible_text(part) for part in entry)
    if not resource.confirmed:
        assert plain_text(resource.look_for) in entry_text
    if resource.owner_note:
        assert plain_text(resource.owner_note) not in entry_text
    if resource.older_guidance:
        assert "Older guidance" in entry_text


def test_key_messages_list_the_seven_golden_rules_in_order(site):
    """The key messages page numbers the seven golden rules 1 to 7 under their headings."""
    rules = GUIDE.key_messages.golden_rules
    page = site.page(built_address(page_of(GUIDE.key_messages)))
    for number, rule in enumerate(rules.rules, start=1):
        assert visible_text(page.find(id=rule.id)) == f"Rule {number}: {plain_text(rule.title)}"


def test_home_page_introduces_the_guide_and_links_to_the_four_sections(site):
    """The home page says what the guide is for and who it is for, links each section, the decision aid and the
    training pages, and gives review dates."""
    page = site.page("")
    text = visible_text(page.select_one("article"))
    assert plain_text(GUIDE.guide.purpose) in text
    assert plain_text(GUIDE.guide.audience) in text
    hrefs = [a["href"] for a in page.select("article .grid.cards a")]
    assert hrefs[:4] == [built_address(page_of(section)) for section in GUIDE.sections]
    assert hrefs[4:] == ["should-i-share/", "quiz/", "facilitator/"]
    assert f"Last reviewed: {long_date(GUIDE.review.last_reviewed)}." in text


@pytest.mark.parametrize("address", ["", *(built_address(page_of(s)) for s in GUIDE.sections)])
def test_every_page_footer_names_the_partnership_review_date_and_contact(site, content, address):
    """Every page's footer carries the partnership's name, the last review date and the contact link."""
    footer = site.page(address).select_one("footer")
    assert content.edition.partnership_name in visible_text(footer)
    assert long_date(GUIDE.review.last_reviewed) in visible_text(footer)
    contact = [a for a in footer.select("a[href]") if a["href"] == content.edition.contact_url]
    assert contact and visible_text(contact[0]) == content.edition.contact


def test_navigation_mirrors_the_four_sections_in_order(site):
    """The main navigation lists the home page and then the four sections, in the guide's order."""
    page = site.page("")
    labels = [visible_text(link) for link in page.select("nav.md-nav--primary > ul > li > a.md-nav__link")]
    assert labels[1:5] == [plain_text(section.title) for section in GUIDE.sections], labels


SEED_TRACE = yaml.safe_load((ROOT / "tests" / "seed_trace.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("point", SEED_TRACE, ids=lambda p: p["id"])
def test_every_point_of_the_source_page_is_on_the_site(site, point):
    """Each point of the partnership's original page is published, at the anchor recorded for it."""
    assert point["id"] in BOOK, f"the source page's point {point['seed']!r} is traced to {point['id']!r}, which is gone"
    page = site.page(built_address(BOOK[point["id"]][0]))
    assert page.find(id=point["id"]) is not None


KEY_MESSAGES = GUIDE.key_messages


def test_golden_rules_at_a_glance_come_before_the_key_messages_numbered_and_linked(site):
    """Near the top, before the key messages, a list names each golden rule by number and links to it in full."""
    page = site.page(built_address(page_of(KEY_MESSAGES)))
    glance = page.select_one("article ol.rule-summary")
    assert glance is not None
    assert glance.find_next("h2", id="the-key-messages") is not None, "the rules at a glance come after the messages"
    links = [(visible_text(a), a["href"]) for a in glance.select("li a")]
    assert links == [(f"Rule {number}: {plain_text(rule.title)}", f"#{rule.id}")
                     for number, rule in enumerate(KEY_MESSAGES.golden_rules.rules, start=1)]


@pytest.mark.parametrize("message", KEY_MESSAGES.messages, ids=lambda m: m.id)
def test_each_key_message_is_a_headline_with_its_detail_below_never_repeating_it(site, message):
    """A message's heading is the message itself; what it means opens below it and does not start by repeating it;
    the page's contents name it by its short title."""
    page = site.page(built_address(page_of(KEY_MESSAGES)))
    headline = page.find(id=message.id)
    assert headline.name == "h3" and visible_text(headline) == plain_text(message.text)
    detail = headline.find_next_sibling()
    assert detail.name == "details" and visible_text(detail.summary).startswith("What this means in practice")
    first_paragraph = visible_text(detail.find("p"))
    assert not first_paragraph.startswith((plain_text(message.text), plain_text(message.title)))
    contents = [visible_text(a) for a in page.select(f'.md-sidebar--secondary a[href="#{message.id}"]')]
    assert contents == [plain_text(message.title)]
