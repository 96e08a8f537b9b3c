"""The record of a decision (golden rule 7), checked against content/decision-aid.yml: the renderer on its own, then
the built pages without scripts."""
from __future__ import annotations

import json
from urllib.parse import urljoin

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.loading import load_content
from macros.render.contacts import front_doors_block
from macros.render.decision_aid import OutcomeLinks
from macros.render.decision_record import (lawful_basis_choices, paper_record, paths_to, record_book, record_offer,
                                           render_record_form)
from macros.render.guide import address_book

from .conftest import ROOT
from .helpers import decision_paths, plain_text, squeeze, visible_text

CONTENT = load_content(ROOT)
AID = CONTENT.decision_aid
RECORD = AID.record
BASES = CONTENT.guide.key_messages.lawful_bases.bases
BOOK = address_book(CONTENT.guide)
LINKS = OutcomeLinks(BOOK, CONTENT.sources, front_doors_block(CONTENT.edition.front_doors, CONTENT.site.front_doors_closed),
                     AID.urgency_words)
PATHS = decision_paths(AID)
RECORD_PAGE = f"{RECORD.id}/"


def to_html(markdown_text: str) -> BeautifulSoup:
    """Markdown as the site turns it into HTML (md_in_html, as the pages use)."""
    return BeautifulSoup(markdown.markdown(markdown_text, extensions=["attr_list", "md_in_html"]), "html.parser")


def path_line(question, answer) -> str:
    """One question on the path, with the answer given, as a record writes it."""
    return f"{plain_text(question.question)} {plain_text(RECORD.answer)} {plain_text(answer.answer)}"


# ---- The renderer, without MkDocs ----

@pytest.mark.parametrize("outcome", AID.outcomes, ids=lambda outcome: outcome.id)
def test_every_way_to_an_outcome_is_found_shortest_first(outcome):
    """The printable record lists each way through the questions that ends at its outcome, and no other."""
    expected = sorted((taken for taken, end in PATHS if end is outcome), key=len)
    assert paths_to(AID, outcome.id) == expected


def test_the_lawful_bases_to_choose_are_the_guides_own_with_a_legal_duty_named_in_general_terms():
    """Each lawful basis the guide explains is a choice, with where it is in the law; the legal obligation says a
    legal duty to share, and names no particular duty."""
    choices = lawful_basis_choices(RECORD.lawful_basis, BASES)
    assert choices == [plain_text(f"{basis.title} ({basis.article})") + next(
        (f": {plain_text(note.words)}" for note in RECORD.lawful_basis.notes if note.basis == basis.id), "")
        for basis in BASES]
    assert any(choice.endswith(": a legal duty to share") for choice in choices)
    assert not any("in force" in plain_text(note.words) for note in RECORD.lawful_basis.notes)


def test_every_control_of_the_record_has_a_label_and_every_word_is_from_the_content():
    """Each box, choice and tick box is labelled; the labels, prompts, choices, buttons and privacy line are the
    YAML's; and the record is hidden until the script opens it."""
    form = to_html(render_record_form(AID, BASES))
    section = form.select_one("section.decision-record")
    assert section.has_attr("hidden")
    for control in form.select("input, textarea"):
        assert form.select_one(f"label[for='{control['id']}']") is not None, control["id"]
    text = visible_text(form)
    for words in (RECORD.heading, RECORD.privacy, RECORD.keep, RECORD.made, RECORD.path, RECORD.outcome, RECORD.to_do,
                  RECORD.rules, RECORD.sources, RECORD.complete, RECORD.copy, RECORD.print, RECORD.download,
                  RECORD.clear, *(field.label for field in (RECORD.shared, RECORD.with_whom, RECORD.when_and_how,
                                                            RECORD.advice, RECORD.next_steps)),
                  *(field.prompt for field in (RECORD.shared, RECORD.with_whom, RECORD.when_and_how, RECORD.advice,
                                               RECORD.next_steps)),
                  RECORD.lawful_basis.label, RECORD.lawful_basis.not_sure, RECORD.lawful_basis.not_sure_who,
                  RECORD.told.label, RECORD.told.why_not, RECORD.told.other, *RECORD.told.answers,
                  *RECORD.told.reasons, *lawful_basis_choices(RECORD.lawful_basis, BASES)):
        assert plain_text(words) in text, words


@pytest.mark.parametrize("outcome", AID.outcomes, ids=lambda outcome: outcome.id)
def test_each_outcome_offers_its_record_and_names_what_the_record_says_of_it(outcome):
    """At an outcome, "Make a record of this decision" links to its printable record, and carries its urgency and
    title, its golden rules by name and its sources by short title, for the record made on screen."""
    offer = to_html(record_offer(outcome, AID, LINKS)).select_one(".decision-record-offer")
    link = offer.find("a")
    assert visible_text(link) == plain_text(RECORD.make) and link["href"] == f"{RECORD.id}.md#{outcome.id}"
    assert offer["data-outcome"] == (f"{plain_text(AID.urgency_words.word(outcome.urgency))}. What to do: "
                                     f"{plain_text(outcome.title)}")
    assert offer["data-rules"] == "; ".join(plain_text(BOOK[ident][1]) for ident in outcome.rules)
    sources = CONTENT.sources.by_id()
    assert offer["data-sources"].split("; ")[0].startswith(sources[outcome.sources[0]].short_title)
    assert offer["data-sources"].count("; ") == len(outcome.sources) - 1


def test_a_printable_record_has_lines_to_write_on_and_boxes_to_tick_for_everything_not_filled_in():
    """On paper: lines for the date and each part written by hand, a box to tick for each lawful basis, 'not sure',
    each answer to 'was the person told' and each reason not to tell."""
    outcome = next(outcome for outcome in AID.outcomes if outcome.urgency == "refer-now")
    sheet = to_html(paper_record(outcome, AID, LINKS, BASES))
    assert len(sheet.select(".record-blank")) == 7  # date, shared, with whom, when and how, other reason, advice, next
    ticks = [squeeze(item.get_text(" ")) for item in sheet.select(".record-ticks li")]
    assert ticks == [*lawful_basis_choices(RECORD.lawful_basis, BASES), plain_text(RECORD.lawful_basis.not_sure),
                     *map(plain_text, RECORD.told.answers), *map(plain_text, RECORD.told.reasons)]


def test_the_quiz_links_to_the_record_by_its_title():
    """The address book the quiz's links are made from names the record's page by its title."""
    assert record_book(AID) == {RECORD.id: (f"{RECORD.id}.md", RECORD.title)}


# ---- The built pages, without scripts ----

@pytest.mark.parametrize("outcome", AID.outcomes, ids=lambda outcome: outcome.id)
def test_without_javascript_each_outcomes_printable_record_names_it_and_the_questions_that_lead_to_it(site, outcome):
    """decision-record/#outcome is that outcome's record: headed by the outcome, with its urgency and what it says to
    do, and every way of reaching it written out, question by question with the answer that leads on."""
    sheet = site.page(RECORD_PAGE).find("section", id=outcome.id)
    assert visible_text(sheet.find("h2")) == plain_text(outcome.title)
    assert plain_text(RECORD.heading) in visible_text(sheet)
    assert visible_text(sheet.select_one(".urgency-badge")) == plain_text(AID.urgency_words.word(outcome.urgency))
    assert squeeze(plain_text(outcome.text)) in visible_text(sheet.select_one(".record-to-do"))
    written = [[visible_text(item) for item in path.find_all("li")] for path in sheet.select("ol.record-path")]
    assert written == [[path_line(question, answer) for question, answer in taken]
                       for taken in sorted((taken for taken, end in PATHS if end is outcome), key=len)]


@pytest.mark.parametrize("address", [f"{AID.id}/", f"{AID.id}-print/"])
def test_every_outcome_on_the_aid_and_its_printable_version_links_to_its_own_record(site, address):
    """"Make a record of this decision" ends every outcome, and leads to that outcome's printable record."""
    for outcome in AID.outcomes:
        link = site.page(address).find("section", id=outcome.id).select_one(".decision-record-offer a")
        assert visible_text(link) == plain_text(RECORD.make), outcome.id
        assert urljoin(f"http://site.test/{address}", link["href"]) == f"http://site.test/{RECORD_PAGE}#{outcome.id}"


def test_the_page_of_records_lists_every_outcome_and_is_left_out_of_the_search(site):
    """The page opens with the list of outcomes, each linking to its record, one record for each outcome; the search
    does not index it."""
    page = site.page(RECORD_PAGE)
    sheets = [sheet["id"] for sheet in page.select("article section.record-sheet")]
    assert sorted(sheets) == sorted(outcome.id for outcome in AID.outcomes)
    titles = {outcome.id: plain_text(outcome.title) for outcome in AID.outcomes}
    links = page.select("article .record-contents a")
    assert [(visible_text(link), link["href"]) for link in links] == [(titles[ident], f"#{ident}") for ident in sheets]
    index = json.loads((site.folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith(RECORD_PAGE)]


def test_the_key_message_on_recording_links_to_the_decision_aid_and_the_printable_record(site):
    """'Record decisions not to share' says the decision aid makes the record, and links to the page of records."""
    message = site.page("key-messages/").find(id="record-decisions-not-to-share").find_next("details")
    hrefs = [link["href"] for link in message.select("a")]
    assert f"../{RECORD_PAGE}" in hrefs and f"../{AID.id}/" in hrefs


def test_the_privacy_notice_says_what_happens_to_a_record_of_a_decision(site):
    """The privacy notice names the record: never sent, kept only when ticked, and how to clear it."""
    text = visible_text(site.page("privacy/").select_one("article"))
    assert plain_text(RECORD.keep) in text and plain_text(RECORD.clear) in text
    assert "the records you make of your decisions are never sent anywhere" in text


def test_the_trainers_session_walks_a_quiz_scenario_through_the_aid_to_its_record(content):
    """The 30-minute plan has a five-minute step that walks a quiz scenario through the decision aid and writes its
    record, linking both."""
    step = next(step for step in content.training.facilitator.steps if "record" in step.activity)
    assert step.minutes == 5
    assert f"({AID.id}.md)" in step.notes and f"({RECORD.id}.md)" in step.notes
    assert sum(step.minutes for step in content.training.facilitator.steps) == 30
