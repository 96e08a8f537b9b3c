"""The pages about the site itself: the accessibility statement and the privacy notice. Pure functions."""
from __future__ import annotations

from ..model import AboutPage
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
