"""Exports of the quiz for learning management systems. Pure functions: Quiz -> text or bytes.

What every export shares lives here: how a question's text reads, and how many marks each answer earns.
"""
from __future__ import annotations

import markdown

from ..model import QuizQuestion
from ..render.external_links import ExternalLinks

# Every file made for an LMS starts with this name: the downloads on the site and the SCORM package.
EXPORT_NAME = "information-sharing-quiz"
# Where the site's downloads are, inside the docs folder (and so inside the built site).
DOWNLOADS_FOLDER = "downloads"

# The mark an answer earns, as a percentage, when `count` answers share 100 equally. Moodle accepts only
# these values (its grade list); the validator allows at most 10 options, so every count used is here.
EQUAL_SHARES = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571",
                8: "12.5", 9: "11.11111", 10: "10"}


def answer_fractions(question: QuizQuestion) -> list[str]:
    """Each option's mark in percent, in option order.

    One right answer: 100 for it, 0 for the others. Select all that apply: the right options share 100 and
    the wrong ones share -100, so ticking everything scores 0 and guessing does not pay.
    """
    if question.type != "multiple":
        return ["100" if option.correct else "0" for option in question.options]
    right = sum(option.correct for option in question.options)
    wrong = len(question.options) - right
    return [EQUAL_SHARES[right] if option.correct else f"-{EQUAL_SHARES[wrong]}" for option in question.options]


def question_markdown(question: QuizQuestion) -> str:
    """What a person reads before the options: the practice situation, if any, then the question."""
    return f"{question.scenario}\n\n{question.question}" if question.scenario else question.question


# One converter, reset between texts: setting up a new one for each text costs more than the converting.
HTML_CONVERTER = markdown.Markdown(extensions=[ExternalLinks()])


def html_of(markdown_text: str) -> str:
    """A Markdown text field as HTML, links to other sites marked as they are on the site."""
    return HTML_CONVERTER.reset().convert(markdown_text)


def inline_html_of(markdown_text: str) -> str:
    """A one-line Markdown field as HTML without the paragraph around it (answer texts)."""
    return html_of(markdown_text).removeprefix("<p>").removesuffix("</p>")


def category_name(quiz, guide_title: str) -> str:
    """The question bank category the questions are filed under when imported, e.g. 'Information sharing: Self-check quiz'."""
    return f"{guide_title}: {quiz.title}"
