"""The quiz files the site offers trainers to download, made at build time from the quiz YAML."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Quiz
from . import DOWNLOADS_FOLDER, EXPORT_NAME, category_name
from .gift import gift
from .moodle import moodle_xml


@dataclass(frozen=True)
class Download:
    """One file offered for download: where it is in the site, what it is called, what it is for, and its text."""

    path: str
    label: str
    description: str
    text: str


def quiz_downloads(quiz: Quiz, guide_title: str) -> list[Download]:
    """The quiz as Moodle XML and as GIFT, with the words the trainer's page links them with."""
    category = category_name(quiz, guide_title)
    return [
        Download(f"{DOWNLOADS_FOLDER}/{EXPORT_NAME}-moodle.xml", "Quiz as Moodle XML",
                 "every question with its answers, marks and feedback, to import into Moodle's question bank "
                 "(Moodle XML format).", moodle_xml(quiz, category)),
        Download(f"{DOWNLOADS_FOLDER}/{EXPORT_NAME}-gift.txt", "Quiz as GIFT text",
                 "the same questions in the GIFT format, which Moodle and several other learning management "
                 "systems import.", gift(quiz, category)),
    ]
