"""Every page of the site that people link to: its file in docs/, its title and summary, and its anchors.

One list serves the "Link to this guide" page, the manifest of published addresses (links/published.txt),
and each page's description for link previews, so the three can never disagree.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .loading import Content
from .render.text import label_of, page_address, plain_text, records_with_ids

HOME_FILE = "index.md"

# The training pages, by role: each is a page in docs/ that calls one macro.
TRAINING_FILES = {"quiz": "quiz.md", "reflection": "what-does-this-mean-for-me.md", "facilitator": "facilitator.md",
                  "present": "quiz-present.md", "handout": "quiz-handout.md", "answers": "quiz-answers.md"}


@dataclass(frozen=True)
class SitePage:
    """One page: where it is, what it is called, and the records on it that have their own anchor."""

    file: str
    title: str
    summary: str
    anchors: tuple[tuple[str, str], ...] = ()  # (id, label), in reading order


def anchor_label(record, longest: int = 90) -> str:
    """What an editor sees an anchor called: its title or question, or else the start of its text."""
    label = label_of(record)
    if label != record.id or not hasattr(record, "text"):
        return label
    return textwrap.shorten(plain_text(record.text), longest, placeholder="…")


def page_with_anchors(page, file: str) -> SitePage:
    """A page made from one content object: every record inside it with an id is an anchor on it."""
    anchors = tuple((record.id, anchor_label(record)) for record in records_with_ids(page) if record is not page)
    return SitePage(file, page.title, page.summary, anchors)


def section_page(section, content: Content) -> SitePage:
    """A section of the guide, with the records it shows from the sources register: the changes in the law on
    the key messages page, and every source on the resources page."""
    page = page_with_anchors(section, f"{section.id}.md")
    shown = {content.guide.key_messages.id: content.sources.changes_in_law,
             content.guide.resources.id: content.sources.sources}.get(section.id, ())
    return SitePage(page.file, page.title, page.summary,
                    page.anchors + tuple((record.id, anchor_label(record)) for record in shown))


def decision_aid_pages(aid) -> list[SitePage]:
    """The decision aid, with its questions and outcomes; then its page of printable records, one for each outcome,
    anchored by the outcome's id (the record's words, in the aid's content, are not anchors on the aid's page)."""
    step_through = page_with_anchors(aid, f"{aid.id}.md")
    record = aid.record
    return [SitePage(step_through.file, step_through.title, step_through.summary,
                     tuple(anchor for anchor in step_through.anchors if anchor[0] != record.id)),
            SitePage(f"{record.id}.md", record.title, record.summary,
                     tuple((outcome.id, anchor_label(outcome)) for outcome in aid.outcomes))]


def site_pages(content: Content) -> list[SitePage]:
    """The pages we publish addresses for, in the order of the navigation."""
    guide, training, about = content.guide, content.training, content.about
    return [
        SitePage(HOME_FILE, guide.guide.title, guide.guide.description),
        *(section_page(section, content) for section in guide.sections),
        *decision_aid_pages(content.decision_aid),
        page_with_anchors(training.quiz, TRAINING_FILES["quiz"]),
        page_with_anchors(training.facilitator, TRAINING_FILES["facilitator"]),
        *(page_with_anchors(page, f"{page.id}.md") for page in (about.accessibility, about.privacy, about.linking,
                                                                 about.readiness)),
    ]


def published_address(file: str, anchor: str = "") -> str:
    """The address of a page (and anchor) relative to the site's root: 'key-messages.md' -> 'key-messages/'.

    The home page is './', so that no address is empty.
    """
    path = page_address(file) or "./"
    return f"{path}#{anchor}" if anchor else path


def published_addresses(pages: list[SitePage]) -> list[str]:
    """Every address we publish: each page, then each anchor on it."""
    addresses = []
    for page in pages:
        addresses.append(published_address(page.file))
        addresses += [published_address(page.file, ident) for ident, _ in page.anchors]
    return addresses
