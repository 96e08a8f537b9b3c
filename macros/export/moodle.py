"""The quiz as Moodle XML, for Moodle's question bank (Question bank > Import > Moodle XML format).

Single, scenario and select-all questions become `multichoice`; true-false questions become `truefalse`.
Text is Markdown turned into HTML and escaped by the XML writer, so no character in the YAML can break it.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model import Quiz, QuizQuestion
from . import answer_fractions, html_of, inline_html_of, question_markdown

# Moodle takes a share of the mark off for each wrong try when a quiz allows several; one third is its default.
PENALTY = "0.3333333"


def _html_text(parent: ET.Element, tag: str, html: str) -> ET.Element:
    """<tag format="html"><text>…</text></tag>, the way Moodle stores formatted text."""
    element = ET.SubElement(parent, tag, format="html")
    ET.SubElement(element, "text").text = html
    return element


def _plain(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text


def _question(quiz_element: ET.Element, question: QuizQuestion, number: int) -> None:
    kind = "truefalse" if question.type == "true-false" else "multichoice"
    element = ET.SubElement(quiz_element, "question", type=kind)
    name = ET.SubElement(element, "name")
    _plain(name, "text", f"{number:02d} {question.id}")
    _html_text(element, "questiontext", html_of(question_markdown(question)))
    _html_text(element, "generalfeedback", html_of(question.explanation))
    _plain(element, "defaultgrade", "1")
    _plain(element, "penalty", PENALTY if kind == "multichoice" else "1")
    _plain(element, "hidden", "0")
    _plain(element, "idnumber", question.id)
    if kind == "multichoice":
        _plain(element, "single", "false" if question.type == "multiple" else "true")
        # The options are written so that the right answer is not always in the same place: keep that order.
        _plain(element, "shuffleanswers", "false")
        _plain(element, "answernumbering", "abc")
    for option, fraction in zip(question.options, answer_fractions(question)):
        # Moodle recognises a true-false question's two answers by the words "true" and "false".
        text = option.text.lower() if kind == "truefalse" else inline_html_of(option.text)
        answer = ET.SubElement(element, "answer", fraction=fraction,
                               format="moodle_auto_format" if kind == "truefalse" else "html")
        _plain(answer, "text", text)
        _html_text(answer, "feedback", html_of(option.feedback))


def moodle_xml(quiz: Quiz, category: str) -> str:
    """Every question of the quiz as a Moodle XML document, filed under `category` in the question bank."""
    root = ET.Element("quiz")
    category_question = ET.SubElement(root, "question", type="category")
    category_element = ET.SubElement(category_question, "category")
    _plain(category_element, "text", f"$course$/top/{category}")
    for number, question in enumerate(quiz.questions, 1):
        _question(root, question, number)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
