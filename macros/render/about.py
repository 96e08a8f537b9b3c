"""The pages about the site itself: the accessibility statement and the privacy notice. Pure functions."""
from __future__ import annotations

from ..model import AboutPage, Approval, ReadinessPage
from .text import heading, join, long_date, page_opening

CLEAR_EVERYTHING_BUTTON = (
    '<p class="clear-storage" hidden><button type="button" class="md-button" id="clear-all-storage">'
    "Remove everything this guide stored on this device</button></p>\n\n"
    '<p class="visually-hidden" id="clear-all-storage-status" role="status" aria-live="polite"></p>')


def render_about(page: AboutPage, with_clear_button: bool = False, after_parts: str = "") -> str:
    """An 'about the site' page: its parts under their own headings, and when it was last updated.

    The privacy notice also offers one button that removes everything the guide stored on the device;
    `after_parts` is what a page adds after its parts (the link page's list of addresses).
    """
    parts = []
    for part in page.parts:
        parts.append(join(heading(2, part.title, part.id), part.text))
        if with_clear_button and part.id == "how-to-clear":
            parts.append(CLEAR_EVERYTHING_BUTTON)
    return join(
        page_opening(page),
        *parts,
        after_parts,
        f"<p>This page was last updated on {long_date(page.last_updated)}.</p>",
    )


def render_readiness(page: ReadinessPage, reasons: list[tuple[str, str]], approval: Approval | None) -> str:
    """Whether this copy is the approved guide: on a draft, what is not ready, one line each (what kind of thing,
    and what it is about); on the published guide, who approved it, in what role, when, and its fingerprint."""
    if reasons:
        items = "\n".join(f"- {words[0].upper()}{words[1:]}{f': {about}' if about else ''}." for words, about in reasons)
        return join(page_opening(page), page.draft_intro, items)
    approved = (f"Approved by {approval.by}, {approval.role}, on {long_date(approval.date)}. Content fingerprint: "
                f"{approval.fingerprint}." if approval else "")
    return join(page_opening(page), page.approved_intro, approved)


def draft_line(kinds: list[str]) -> str:
    """The draft line's words after "Draft:": the first kind of thing not ready, and how many more kinds."""
    more = len(kinds) - 1
    return kinds[0] + (f", and {more} more thing{'s' if more != 1 else ''}" if more else "")
