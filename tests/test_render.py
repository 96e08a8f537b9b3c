"""The renderers, tested on small made-up content without MkDocs."""
from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import markdown
import material
import pytest
from bs4 import BeautifulSoup

from macros.model import CheckWords, FrontDoor, LawChange, Resource, Review, Source, SourcesRegister
from macros.render.external_links import ExternalLinks
from macros.render.finish import (ThemeChanged, collapse_indentation, minified_asset, pruned_palette,
                                  worker_frame_script)
from macros.render.contacts import front_door_entry
from macros.render.guide import law_change_checks, law_change_status, render_resource, review_line
from macros.render.text import (add_months, anchored_list, heading, long_date, page_address, published_date,
                                sources_block)

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


def make_source(**changes) -> Source:
    values = dict(id="dfe-advice", title="Information sharing advice for safeguarding practitioners",
                  short_title="DfE advice", publisher="Department for Education", status="checked",
                  checked_on=datetime.date(2026, 11, 27), url="https://www.gov.uk/advice", published="2024-05-01")
    return Source(**{**values, **changes})


def make_register(*sources: Source) -> SourcesRegister:
    words = CheckWords(checked="Checked against the document", secondary="Checked against a copy",
                       unconfirmed="Not yet checked")
    return SourcesRegister(title="Sources", intro="The sources.", sources=sources, check_words=words,
                           changes_title="Changes", changes_intro="Changes.", changes_in_law=())


def test_sources_line_names_each_source_shortly_linked_with_its_date():
    """Under a claim: 'Sources: <short title> (<date>); ...', each linked to the document and marked as leaving
    the site; a source without an address links to its entry in the register instead."""
    register = make_register(make_source(),
                             make_source(id="scie", short_title="SCIE guide", url=None, published=None))
    page = to_html(sources_block(("dfe-advice", "scie"), register))
    assert squeeze(page.get_text()) == "Sources: DfE advice (1 May 2024); SCIE guide."
    advice, scie = page.select("a")
    assert advice["href"] == "https://www.gov.uk/advice" and "external-link" in advice["class"]
    assert scie["href"] == "resources.md#scie"
    assert squeeze(to_html(sources_block(("scie",), register)).get_text()) == "Source: SCIE guide."


def test_owner_notes_never_reach_the_sources_line():
    """A source's note for the content owner is not part of what a reader sees under a claim."""
    register = make_register(make_source(owner_note="Confirm the address with the publisher."))
    assert "Confirm" not in to_html(sources_block(("dfe-advice",), register)).get_text()


def make_front_door(**changes) -> FrontDoor:
    values = dict(id="children-front-door", for_whom="Worried about a child?", name="Children's social care",
                  url="https://www.example.org/refer", link_text="Report a concern", confirmed=False,
                  phone="0121 000 0000", out_of_hours_phone="0121 111 1111")
    return FrontDoor(**{**values, **changes})


def test_a_front_door_shows_its_phone_numbers_only_once_confirmed():
    """Until the owner confirms a front door, the reader gets its link and no phone number that could be wrong."""
    waiting = squeeze(to_html(front_door_entry(make_front_door())).get_text())
    assert waiting == "Worried about a child? Children's social care. Report a concern"
    confirmed = squeeze(to_html(front_door_entry(make_front_door(confirmed=True))).get_text())
    assert confirmed == ("Worried about a child? Children's social care. Phone 0121 000 0000. "
                         "Out of hours: 0121 111 1111. Report a concern")


def test_a_change_in_the_law_says_whether_it_is_in_force_and_when_it_was_checked():
    """In force: the day it started; due: the day it was due, with a warning; not yet: a warning, and the day it is
    expected when a source gives one. Below: when it was last checked, and when it is checked next."""
    started = LawChange(id="rli", title="New basis", status="in-force", text="Text.",
                        last_checked=datetime.date(2026, 11, 27), sources=("a",),
                        in_force_from=datetime.date(2026, 2, 5), check_again_by=datetime.date(2027, 11, 27))
    waiting = LawChange(id="duty", title="A duty", status="not-yet-in-force", text="Text.",
                        last_checked=datetime.date(2026, 5, 30), sources=("a",),
                        check_again_by=datetime.date(2026, 6, 29))
    expected = dataclasses.replace(waiting, expected_from=datetime.date(2026, 9, 1))
    due = dataclasses.replace(expected, status="due-in-force")
    assert law_change_status(started) == "**In force** from 5 February 2026."
    assert law_change_checks(started) == "Last checked 27 November 2026. Next check by 27 November 2027."
    assert law_change_status(waiting) == "**Not yet in force: check before relying on it.**"
    assert law_change_checks(waiting) == "Last checked 30 May 2026. Next check by 29 June 2026."
    assert law_change_status(expected) == ("**Not yet in force: check before relying on it.** Expected from "
                                           "1 September 2026.")
    assert law_change_status(due) == "**Due in force from 1 September 2026: check before relying on it.**"


def test_confirmed_resource_links_straight_to_it():
    """A confirmed resource has one link, named after the resource."""
    page = to_html(render_resource(make_resource()))
    assert page.h2["id"] == "community-safety"
    assert [(a.get_text(), a["href"]) for a in page.select("a")] == [
        ("Open Community safety guidance", "https://www.gov.uk/example")]
    assert "Older guidance" not in page.get_text()


def test_unconfirmed_resource_sends_readers_to_the_publisher_and_says_what_to_look_for():
    """An unconfirmed address gives the reader a plain, useful link and what to look for, without our hedging;
    the note for the content owner is not shown."""
    page = to_html(render_resource(make_resource(confirmed=False, look_for="the briefing on consent",
                                                 owner_note="The exact address is not known.")))
    text = squeeze(page.get_text(" "))
    assert page.a.get_text() == "Go to the Home Office website"
    assert text.endswith("Go to the Home Office website . Look for: the briefing on consent") or \
        "Look for: the briefing on consent" in text
    assert "confirmed" not in text and "not known" not in text


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


def test_collapsing_indentation_leaves_what_a_reader_sees_and_every_preformatted_text_alone():
    """Runs of spaces with a line break become one line break in text only; pre, textarea, script and attributes keep theirs."""
    page = ('<div>\n    <p>Share   what is\n      necessary.</p>\n\n  <a title="two\n   lines" href="x">link</a>\n'
            '  <pre><code>a\n    b</code></pre>\n  <textarea>note\n    kept</textarea>\n'
            '  <script>var a = 1;\n    var b = 2;</script>\n</div>\n')
    collapsed = collapse_indentation(page)
    assert collapsed == ('<div>\n<p>Share   what is\nnecessary.</p>\n<a title="two\n   lines" href="x">link</a>\n'
                         '<pre><code>a\n    b</code></pre>\n<textarea>note\n    kept</textarea>\n'
                         '<script>var a = 1;\n    var b = 2;</script>\n</div>\n')
    assert squeeze(BeautifulSoup(collapsed, "html.parser").get_text()) == squeeze(
        BeautifulSoup(page, "html.parser").get_text())


def test_our_published_scripts_and_styles_lose_comments_but_not_code():
    """Minifying drops comments and spare spaces; a "/*" inside a string stays, and only .js and .css are accepted."""
    assert minified_asset("guide.css", "/* Why: contrast. */\na {\n  color : red ;\n}\n") == "a{color:red}"
    script = minified_asset("quiz.js", '// why\nvar pattern = "/* not a comment */";\nfunction f (a) {\n  return a;\n}\n')
    assert script == 'var pattern="/* not a comment */";function f(a){return a;}'
    with pytest.raises(ValueError, match="only scripts"):
        minified_asset("logo.svg", "<svg/>")


THEME_PALETTE = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.min.css"))
IN_USE = {("primary", "deep-orange"), ("accent", "teal"), ("scheme", "default"), ("scheme", "slate")}


def test_the_palette_keeps_only_the_colours_in_use_and_every_rule_for_them():
    """On the theme's real palette stylesheet: another partnership's colour keeps all its rules and loses the rest."""
    css = THEME_PALETTE.read_text(encoding="utf-8")
    pruned = pruned_palette(css, IN_USE)
    named = set(re.findall(r"\[data-md-color-(primary|accent|scheme)=([\w-]+)\]", pruned))
    assert named == {("primary", "deep-orange"), ("accent", "teal"), ("scheme", "slate")}
    for rule in re.findall(r"[^{}]*\[data-md-color-primary=deep-orange\][^{}]*\{[^{}]*\}", css):
        selector, body = rule.split("{")
        assert body in pruned, f"lost: {rule}"
    assert "[data-md-color-switching]" in pruned  # not a colour: kept
    assert len(pruned) < len(css) / 2


def test_a_palette_that_cannot_be_read_or_pruned_safely_stops_the_build():
    """Unbalanced braces, a statement outside any rule, or a colour whose rules all went, each say the theme changed."""
    with pytest.raises(ThemeChanged, match="could not be read"):
        pruned_palette("[data-md-color-primary=red]{color:red", IN_USE)
    with pytest.raises(ThemeChanged, match="could not be read"):
        pruned_palette('[data-md-color-primary=red]{content:"}', IN_USE)
    with pytest.raises(ThemeChanged, match="statement"):
        pruned_palette('@import "x.css";[data-md-color-primary=red]{color:red}', IN_USE)
    with pytest.raises(ThemeChanged, match="lost every rule for primary deep-orange"):
        pruned_palette("[data-md-color-primary=deep-orange][data-md-color-accent=red]{color:red}", IN_USE)
