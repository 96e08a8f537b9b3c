"""Keeping published links working, and the "Link to this guide" page. Pure functions: no files, no MkDocs."""
from __future__ import annotations

import re
from html import escape

from ..model import AboutPage, OldAnchor
from ..site_pages import SitePage, published_address
from .about import render_about
from .text import heading, join


def add_old_anchors(html: str, old_anchors: tuple[OldAnchor, ...]) -> str:
    """Give every renamed id an empty anchor inside the element that has its new id, on pages that have it.

    The browser then scrolls an old link (#old-id) to the same place as a new one (#new-id).
    """
    for old in old_anchors or ():
        html = re.sub(rf'(<[a-z0-9]+\b[^>]*\sid="{re.escape(old.now)}"[^>]*>)',
                      lambda found: f'{found.group(1)}<span id="{old.id}" class="old-anchor"></span>', html, count=1)
    return html


def relative_address(from_page: str, to_page: str) -> str:
    """How a page at `from_page` (e.g. 'old/page/') links to `to_page`, both addresses inside the site."""
    return "../" * from_page.count("/") + ("" if to_page == "./" else to_page)


def moved_page(title: str, old: str, new: str) -> str:
    """A small page left at a moved page's old address that sends the reader on, keeping any #anchor."""
    target = escape(relative_address(old, new))
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f"<title>This page has moved - {escape(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<link rel="canonical" href="{target}">\n'
        # The refresh above drops the #anchor of the old link; this keeps it where scripts may run.
        f"<script>location.replace({target!r} + location.hash)</script>\n"
        "</head>\n<body>\n"
        f'<p>This page has moved. Go to <a href="{target}">its new address</a>.</p>\n'
        "</body>\n</html>\n")


def absolute(path: str, site_url: str | None) -> str:
    """An address people can paste anywhere: in full when the site's address is known, else as a path.

    Without a known address, the page's script puts the address the reader is using in front.
    """
    if not site_url:
        return path
    return site_url + ("" if path == "./" else path)


def copy_button(text: str, what: str) -> str:
    """A button that copies `text`; hidden until the script can make it work, since the text is selectable."""
    return (f'<button type="button" class="md-button link-copy" data-copy="{escape(text)}" hidden>'
            f'Copy<span class="visually-hidden"> {escape(what)}</span></button>')


def address_row(label: str, path: str, site_url: str | None, what: str = "") -> str:
    """One address with its label and a copy button (`what` names it for the button, when the label can't)."""
    address = absolute(path, site_url)
    return (f'<li class="link-row"><span class="link-label">{escape(label)}</span> '
            f'<code class="link-address" data-path="{escape(path)}">{escape(address)}</code> '
            f'{copy_button(address, "the address of: " + (what or label))}</li>')


def snippets(page: SitePage, site_url: str | None) -> str:
    """Ready-made text for an intranet page: the plain address, an HTML link, and a short card."""
    address = absolute(published_address(page.file), site_url)
    page_key = page.file.removesuffix(".md")
    formats = [
        ("plain", "Plain link", address),
        ("html", "HTML link", f'<a href="{address}">{page.title}</a>'),
        ("card", "Card", f"{page.title}\n{page.summary}\n{address}"),
    ]
    fields = []
    for name, label, text in formats:
        field_id = f"snippet-{name}-{page_key}"
        fields.append(
            f'<p class="link-snippet"><label for="{field_id}">{label}</label>\n'
            f'<textarea id="{field_id}" rows="{text.count(chr(10)) + 1}" readonly '
            f'data-path="{escape(published_address(page.file))}">{escape(text)}</textarea>\n'
            f'{copy_button(text, label + " for: " + page.title)}</p>')
    return (f'<details class="link-snippets">\n<summary>Snippets for "{escape(page.title)}"</summary>\n'
            + "\n".join(fields) + "\n</details>")


def render_link_page(page: AboutPage, pages: list[SitePage], site_url: str | None) -> str:
    """The page for intranet editors: how to link, then every published address page by page, with snippets.

    Each row names its anchor as the guide does, so the golden rules are numbered ("Rule 4: ...").
    """
    groups = []
    for site_page in pages:
        rows = [address_row("The whole page", published_address(site_page.file), site_url, site_page.title)]
        rows += [address_row(label, published_address(site_page.file, ident), site_url)
                 for ident, label in site_page.anchors]
        groups.append(join(
            heading(3, site_page.title, "links-" + site_page.file.removesuffix(".md")),
            f'<ul class="link-rows" data-page="{escape(site_page.title)}">\n' + "\n".join(rows) + "\n</ul>",
            snippets(site_page, site_url)))
    return render_about(page, after_parts=join(
        heading(2, "Every address, page by page", "every-address"),
        # The filter, and each anchor's own HTML link and card, come with the script (docs/assets/link-page.js):
        # without it, the list grouped by page and each page's own snippets are all there.
        '<p class="link-filter" hidden><label for="link-filter">Find an address by its name or address</label>\n'
        '<input type="search" id="link-filter" autocomplete="off">\n'
        '<span id="link-filter-count" role="status"></span></p>',
        # The script reads "data-paths-only" to know it must put the reader's own address in front.
        f'<p class="visually-hidden" id="link-copy-status" role="status" aria-live="polite"'
        f'{"" if site_url else " data-paths-only"}></p>',
        *groups))
