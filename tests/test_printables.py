"""Paper for a team session, printed to A4 by Chromium and read back sheet by sheet, as a trainer gets it."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from macros.loading import load_content

from .conftest import ROOT
from .helpers import plain_text, printed_pages, visible_text

CONTENT = load_content(ROOT)
QUESTIONS = CONTENT.training.quiz.questions


def letters(question) -> str:
    """The right option(s) as letters, worked out here from the YAML: 'B', or 'A, B, D'."""
    return ", ".join(chr(ord("A") + index) for index, option in enumerate(question.options) if option.correct)


@pytest.fixture(scope="module")
def printed(browser, site_server):
    """address -> the text of each A4 sheet it prints on; each page is printed once."""
    context = browser.new_context()
    sheets = {}

    def sheets_of(address: str) -> list[str]:
        if address not in sheets:
            page = context.new_page()
            page.goto(site_server + address)
            page.emulate_media(media="print")
            sheets[address] = printed_pages(page)
            page.close()
        return sheets[address]

    yield sheets_of
    context.close()


def sheet_of(sheets: list[str], text: str) -> int:
    """The number (from 1) of the first sheet that has `text`."""
    found = [number for number, sheet in enumerate(sheets, 1) if text in sheet]
    assert found, f"{text!r} is on no sheet"
    return found[0]


@pytest.mark.parametrize("address, most_sheets", [("quiz-handout/", 4), ("facilitator/", 3)])
def test_printables_fit_on_few_a4_sheets(printed, address, most_sheets):
    """The handout prints on at most 4 A4 sheets and the trainer's page on at most 3."""
    assert len(printed(address)) <= most_sheets


@pytest.mark.parametrize("address, end_of", [
    ("quiz-handout/", lambda q: f"{chr(ord('A') + len(q.options) - 1)} {plain_text(q.options[-1].text)}"),
    ("quiz-answers/", lambda q: plain_text(q.options[-1].feedback)[-40:])], ids=["handout", "answer sheet"])
def test_no_question_is_split_across_sheets(printed, address, end_of):
    """Each question ends on the sheet it starts on: its last option (or last reason) follows its heading there.

    Nothing after a split question can be on its first sheet, so the ending found there is its own.
    """
    sheets = printed(address)
    split = []
    for number, question in enumerate(QUESTIONS, 1):
        start = sheet_of(sheets, f"Question {number}: ")
        sheet = sheets[start - 1]
        if end_of(question) not in sheet[sheet.index(f"Question {number}: "):]:
            split.append(f"question {number} does not end on sheet {start}, where it starts")
    assert split == []


def test_handout_has_lines_for_name_team_and_date_and_the_partnerships_name(printed):
    """The first sheet names the partnership and has a place for the person's name, team and date."""
    first = printed("quiz-handout/")[0]
    assert CONTENT.edition.partnership_name in first
    assert all(f"{label}:" in first for label in ("Name", "Team", "Date"))


def test_answer_key_is_one_sheet_of_question_numbers_and_letters(printed):
    """The first sheet is the key: every question's number with its letter(s); the explanations start after it."""
    sheets = printed("quiz-answers/")
    key = re.sub(r"^.*Question Answer ", "", sheets[0])
    assert key.startswith(" ".join(f"{number} {letters(question)}" for number, question in enumerate(QUESTIONS, 1)))
    assert "The answers explained" not in sheets[0] and "The answers explained" in sheets[1]


def test_answer_sheet_prints_where_links_go_and_no_stray_punctuation(printed, site):
    """Printed links show their address after their words; an option is never followed by ':' after its full stop."""
    printed_text = " ".join(printed("quiz-answers/"))
    first_rule = QUESTIONS[0].covers[0]
    assert re.search(rf"\(\S*key-messages/#{first_rule}\)", printed_text), "no address printed after a link"
    text = visible_text(site.page("quiz-answers/").select_one("article"))
    assert not re.findall(r"[.?!]:", text)


def without_hidden(element):
    """A copy of an element without what it keeps hidden until asked (the projector's "Right" before a reveal)."""
    copy = BeautifulSoup(str(element), "html.parser")
    for hidden in copy.select("[hidden]"):
        hidden.decompose()
    return copy


def test_letters_match_on_the_handout_the_answer_sheet_and_the_projector(site):
    """Option A on the handout is option A on the projector, and the key and each answer give the same letters."""
    handout, answers, present = (site.page(address) for address in ("quiz-handout/", "quiz-answers/", "quiz-present/"))
    for number, question in enumerate(QUESTIONS, 1):
        options = [plain_text(option.text) for option in question.options]
        handout_options = handout.find(id=f"handout-{question.id}").find_parent("section").select("li")
        assert [visible_text(item) for item in handout_options] == [
            f"{chr(ord('A') + index)} {text}" for index, text in enumerate(options)]
        # The projector's options carry the same letters, in the same order.
        slide = present.find(id=f"slide-{number}")
        assert [visible_text(without_hidden(item)) for item in slide.select(".present-options li")] == [
            f"{chr(ord('A') + index)} {text}" for index, text in enumerate(options)]
        assert visible_text(answers.select(".answer-key tbody tr")[number - 1]) == f"{number} {letters(question)}"
        answer = visible_text(answers.find(id=f"answer-{question.id}").find_parent("section").select_one(
            ".quiz-correct-answer"))
        assert answer.startswith(f"Answer: {letters(question)[0]}. ")


def test_the_trainers_page_says_nothing_twice(site):
    """No sentence of the trainer's page is repeated on it (it once listed what you need twice)."""
    text = visible_text(site.page("facilitator/").select_one("article"))
    sentences = [sentence for sentence in re.split(r"(?<=[.?!])\s+", text) if len(sentence) > 30]
    repeated = sorted({sentence for sentence in sentences if sentences.count(sentence) > 1})
    assert repeated == []


@pytest.mark.parametrize("address", ["", "what-is-information-sharing/", "key-messages/", "what-does-this-mean-for-me/",
                                     "resources/", "should-i-share/"])
def test_no_guide_page_prints_a_blank_last_sheet(printed, address):
    """The last A4 sheet has words on it: neither the theme's full-screen page height nor a notes box split
    across sheets leaves a sheet that looks blank."""
    sheets = printed(address)
    assert sheets[-1].strip(), f"{address or 'home'}: sheet {len(sheets)} of {len(sheets)} is blank"
