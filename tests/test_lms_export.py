"""The quiz for learning management systems: Moodle XML and GIFT files on the site, as an LMS imports them."""
from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from macros.export import EQUAL_SHARES, answer_fractions
from macros.export.gift import gift
from macros.export.moodle import moodle_xml
from macros.loading import load_content

from .conftest import ROOT
from .helpers import plain_text, squeeze, visible_text

CONTENT = load_content(ROOT)
QUIZ = CONTENT.training.quiz
QUESTIONS = QUIZ.questions
MOODLE_FILE = "downloads/information-sharing-quiz-moodle.xml"
GIFT_FILE = "downloads/information-sharing-quiz-gift.txt"
# The marks Moodle's question bank accepts for an answer, in percent (its grade list); negatives of these too.
MOODLE_GRADES = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                 12.5, 11.11111, 10, 5, 0}


def html_text(html: str) -> str:
    return squeeze(BeautifulSoup(html, "html.parser").get_text(" "))


@pytest.fixture(scope="module")
def moodle(site) -> ET.Element:
    """The Moodle XML file from the built site, parsed as Moodle's importer would."""
    return ET.parse(site.folder / MOODLE_FILE).getroot()


def moodle_question(root: ET.Element, question) -> ET.Element:
    matches = [element for element in root.iter("question") if element.findtext("idnumber") == question.id]
    assert len(matches) == 1, f"expected one Moodle question with idnumber {question.id}, found {len(matches)}"
    return matches[0]


def test_moodle_xml_has_one_question_per_quiz_question_in_order(moodle):
    """After the category, the file holds exactly the quiz's questions, in the quiz's order."""
    kinds = [element.get("type") for element in moodle.iter("question")]
    assert kinds[0] == "category"
    assert [element.findtext("idnumber") for element in moodle.iter("question")][1:] == [q.id for q in QUESTIONS]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_moodle_question_has_its_type_text_answers_fractions_and_feedback(moodle, question):
    """Each question's Moodle type, text, answers, marks and per-answer feedback match the YAML."""
    element = moodle_question(moodle, question)
    expected_type = "truefalse" if question.type == "true-false" else "multichoice"
    assert element.get("type") == expected_type
    assert plain_text(question.question) in html_text(element.findtext("questiontext/text"))
    if question.scenario:
        assert plain_text(question.scenario) in html_text(element.findtext("questiontext/text"))
    if expected_type == "multichoice":
        assert element.findtext("single") == ("false" if question.type == "multiple" else "true")
    answers = element.findall("answer")
    assert len(answers) == len(question.options)
    for answer, option in zip(answers, question.options):
        text = answer.findtext("text")
        assert (text == option.text.lower()) if expected_type == "truefalse" else html_text(text) == plain_text(option.text)
        assert html_text(answer.findtext("feedback/text")) == plain_text(option.feedback)
    fractions = [float(answer.get("fraction")) for answer in answers]
    right = [fraction for fraction, option in zip(fractions, question.options) if option.correct]
    wrong = [fraction for fraction, option in zip(fractions, question.options) if not option.correct]
    assert all(abs(fraction) in MOODLE_GRADES for fraction in fractions), fractions
    assert sum(right) == pytest.approx(100, abs=0.001)
    if question.type == "multiple":
        assert sum(wrong) == pytest.approx(-100, abs=0.001), "ticking every option must score 0"
    else:
        assert wrong and all(fraction == 0 for fraction in wrong)
    assert plain_text(question.explanation)[:80] in html_text(element.findtext("generalfeedback/text"))


@pytest.mark.parametrize("right, wrong", [(right, total - right) for total in range(2, 11) for right in range(1, total + 1)])
def test_every_multiple_choice_mix_the_validator_allows_gets_marks_moodle_accepts(right, wrong):
    """Any mix of right and wrong options up to 10 in all shares out marks Moodle accepts, summing to 100 and -100."""
    base = next(question for question in QUESTIONS if question.type == "multiple")
    options = [dataclasses.replace(base.options[0], text=f"Option {n}", correct=n < right) for n in range(right + wrong)]
    fractions = [float(value) for value in answer_fractions(dataclasses.replace(base, options=options))]
    assert all(abs(value) in MOODLE_GRADES for value in fractions)
    assert sum(value for value in fractions if value > 0) == pytest.approx(100, abs=0.001)
    assert sum(value for value in fractions if value < 0) == pytest.approx(-100 if wrong else 0, abs=0.001)
    assert set(EQUAL_SHARES) == set(range(1, 11))


def awkward_quiz():
    """The real quiz with characters that are special in XML, HTML and GIFT in every field an LMS shows."""
    awkward = 'Is 1 + 1 = 2 {really}? Say "yes" & 3 > 2 < 4: #1 ~ maybe \\ or not'
    question = QUESTIONS[0]
    options = [dataclasses.replace(option, text=f"{awkward} {n}", feedback=f"{awkward} (feedback {n})")
               for n, option in enumerate(question.options)]
    changed = dataclasses.replace(question, question=awkward, options=options, explanation=awkward)
    return awkward, dataclasses.replace(QUIZ, questions=[changed])


def test_moodle_xml_keeps_special_characters_as_text(tmp_path):
    """Quotes, ampersands, angle brackets and braces come back out of the XML exactly as they were written."""
    awkward, quiz = awkward_quiz()
    root = ET.fromstring(moodle_xml(quiz, "Test"))
    question = root.findall("question")[1]
    assert html_text(question.findtext("questiontext/text")) == awkward
    assert [html_text(answer.findtext("text")) for answer in question.findall("answer")] == [
        f"{awkward} {n}" for n in range(len(QUESTIONS[0].options))]
    assert html_text(question.find("answer/feedback/text").text) == f"{awkward} (feedback 0)"


# ---- GIFT ----

GIFT_MARKS = "~=#{}:"


def gift_blocks(text: str) -> list[str]:
    """The questions of a GIFT file: blocks separated by blank lines, comment and category lines left out."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line for line in block.splitlines() if not line.startswith(("//", "$CATEGORY"))]
        if lines:
            blocks.append("\n".join(lines))
    return blocks


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda match: "\n" if match.group(1) == "n" else match.group(1), text)


def split_unescaped(text: str, marks: str) -> list[str]:
    """Split GIFT text at marks that are not escaped, keeping each mark at the start of its part."""
    parts = re.split(rf"(?<!\\)(?=[{re.escape(marks)}])", text)
    return [part for part in parts if part.strip()]


def parse_gift(block: str) -> dict:
    """A small GIFT reader for what we write: title, text, answers (mark, text, feedback), general feedback."""
    match = re.fullmatch(r"::(?P<title>(?:\\.|[^:\\])*)::\[markdown\](?P<text>(?:\\.|[^{\\])*?) \{(?P<body>.*)\}",
                         block, re.S)
    assert match, f"not a GIFT question:\n{block}"
    body = match.group("body")
    body, _, general = body.partition("####")
    answers = []
    for part in split_unescaped(body, "~="):
        part = part.strip()
        answer, feedback = re.split(r"(?<!\\)#", part, maxsplit=1)
        answers.append((answer[0], unescape(answer[1:]), unescape(feedback.strip())))
    return {"title": unescape(match.group("title")), "text": unescape(match.group("text")), "body": body,
            "answers": answers, "general": unescape(general.strip())}


@pytest.fixture(scope="module")
def gift_text(site) -> str:
    return (site.folder / GIFT_FILE).read_text(encoding="utf-8")


def test_gift_has_one_block_per_question_in_order(gift_text):
    """The GIFT file has exactly one question block for each quiz question, titled by its id, in order."""
    blocks = gift_blocks(gift_text)
    assert [parse_gift(block)["title"] for block in blocks] == [question.id for question in QUESTIONS]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_gift_question_has_its_answers_marks_and_feedback(gift_text, question):
    """Each block reads back as the YAML's question, options, marks and feedback."""
    block = next(block for block in gift_blocks(gift_text) if block.startswith(f"::{question.id}::"))
    parsed = parse_gift(block)
    assert parsed["text"].endswith(question.question)
    assert parsed["general"] == question.explanation
    if question.type == "true-false":
        right = next(option for option in question.options if option.correct)
        wrong = next(option for option in question.options if not option.correct)
        word, wrong_feedback, right_feedback = [unescape(part.strip()) for part in
                                                re.split(r"(?<!\\)#", parsed["body"].strip())]
        assert (word, wrong_feedback, right_feedback) == (right.text.upper(), wrong.feedback, right.feedback)
        return
    fractions = answer_fractions(question)
    expected = []
    for option, fraction in zip(question.options, fractions):
        mark = "~" if question.type == "multiple" else ("=" if option.correct else "~")
        text = f"%{fraction}%{option.text}" if question.type == "multiple" else option.text
        expected.append((mark, text, option.feedback))
    assert parsed["answers"] == expected


def test_gift_escapes_every_special_character():
    """~ = # { } : and the backslash in any field are escaped, so the text reads back exactly as written."""
    awkward, quiz = awkward_quiz()
    blocks = gift_blocks(gift(quiz, "Test"))
    assert len(blocks) == 1
    parsed = parse_gift(blocks[0])
    assert parsed["text"] == awkward
    assert [answer[1] for answer in parsed["answers"]] == [f"{awkward} {n}" for n in range(len(QUESTIONS[0].options))]
    assert parsed["answers"][0][2] == f"{awkward} (feedback 0)"
    assert parsed["general"] == awkward
    for mark in GIFT_MARKS:
        assert f"\\{mark}" in blocks[0]


def test_gift_keeps_paragraph_breaks_inside_one_block():
    """A Markdown paragraph break in the YAML is written as \\n, so it does not split the question in two."""
    question = dataclasses.replace(QUESTIONS[0], explanation="First paragraph.\n\nSecond paragraph.")
    blocks = gift_blocks(gift(dataclasses.replace(QUIZ, questions=[question]), "Test"))
    assert len(blocks) == 1
    assert parse_gift(blocks[0])["general"] == "First paragraph.\n\nSecond paragraph."


def test_facilitator_page_links_both_downloads_and_they_are_in_the_site(site):
    """The trainer's page links the Moodle XML and GIFT files, and each link leads to the file in the built site."""
    page = site.page("facilitator/")
    section = page.find(id="lms")
    assert section is not None, "no 'learning management system' heading on the trainer's page"
    links = {visible_text(a): a["href"] for a in page.select("article a[href*='downloads/']")}
    assert set(links) == {"Quiz as Moodle XML", "Quiz as GIFT text"}
    for href in links.values():
        target = (site.folder / "facilitator" / href).resolve()
        assert target.is_file() and target.stat().st_size > 0, href
