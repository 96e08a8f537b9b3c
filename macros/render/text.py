"""Small pieces of Markdown shared by every renderer: headings, anchored blocks, dates, sources, links."""
from __future__ import annotations

import dataclasses
import datetime
import html
import re

import markdown

from ..model import Source

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def join(*blocks: str) -> str:
    """Markdown blocks separated by blank lines, leaving out empty ones."""
    return "\n\n".join(block for block in blocks if block) + "\n"


def page_opening(page) -> str:
    """A page's h1, anchored by the page's id, and its one-sentence summary as the lead paragraph."""
    return join(heading(1, page.title, page.id), f'<p class="lead" markdown>{page.summary}</p>')


def heading(level: int, text: str, ident: str | None = None, contents_label: str | None = None) -> str:
    """A Markdown heading, with an explicit anchor id when one is given.

    `contents_label` is a shorter name for the page's table of contents, for a heading that is a sentence.
    """
    attributes = [f"#{ident}"] if ident else []
    if contents_label:
        attributes.append(f'data-toc-label="{html.escape(plain_text(contents_label))}"')
    return f"{'#' * level} {text}" + (f" {{{' '.join(attributes)}}}" if attributes else "")


def disclosure(summary: str, markdown: str, css_class: str = "", ident: str | None = None) -> str:
    """Detail that stays closed until asked for (<details>); its summary (one line of Markdown) says what opening
    it shows. `ident` gives the disclosure itself an anchor, for a record that is nothing but its disclosure.

    A page with disclosures loads docs/assets/disclosures.css and .js (its front matter): a link to an id
    inside one, or to the heading just before it, then opens it, with or without scripts; printing opens all.
    """
    classes = " ".join(filter(None, ("disclosure", css_class)))
    anchor = f' id="{ident}"' if ident else ""
    return (f'<details{anchor} class="{classes}" markdown>\n<summary markdown="span">{summary}</summary>\n\n'
            f"{markdown}\n\n</details>")


def anchored(tag: str, ident: str, markdown: str, css_class: str = "") -> str:
    """An HTML element with an id whose contents are still Markdown (md_in_html)."""
    class_attribute = f' class="{css_class}"' if css_class else ""
    return f'<{tag} id="{ident}"{class_attribute} markdown>\n\n{markdown}\n\n</{tag}>'


def anchored_list(items: list[tuple[str, str]], ordered: bool = False, css_class: str = "") -> str:
    """A list whose items each carry their own id, as (id, Markdown) pairs.

    Like each heading, each item ends with a small link to itself, shown on hover and keyboard focus,
    so that an intranet editor can copy the address of one rule or message.
    """
    tag = "ol" if ordered else "ul"
    class_attribute = f' class="{css_class}"' if css_class else ""
    body = "\n".join(f'<li id="{ident}" markdown>{text} {item_link(ident)}</li>' for ident, text in items)
    return f"<{tag}{class_attribute} markdown>\n{body}\n</{tag}>"


def item_link(ident: str) -> str:
    """The theme's "link to this" mark, as on headings."""
    return f'<a class="headerlink" href="#{ident}" title="Link to this item">&para;</a>'


def long_date(day: datetime.date) -> str:
    """2026-11-24 -> '24 November 2026', the GOV.UK date style."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def published_date(text: str) -> str:
    """'2024-05' -> 'May 2024'; '2024-05-01' -> '1 May 2024'."""
    parts = [int(part) for part in text.split("-")]
    month_year = f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {month_year}" if len(parts) == 3 else month_year


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when that day does not exist."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


# The page that lists the whole sources register; a source without an address links to its entry there.
REGISTER_PAGE = "resources.md"


def source_link(source: Source) -> str:
    """A source's short title linked to the document (or to its register entry), with its date."""
    address = source.url or f"{REGISTER_PAGE}#{source.id}"
    date = f" ({published_date(source.published)})" if source.published else ""
    return f"[{source.short_title}]({address}){date}"


def sources_block(ids, register) -> str:
    """The short, linked 'Sources:' line under a claim, from the ids it names in the register."""
    if not ids:
        return ""
    sources = register.by_id()
    label = "Source" if len(ids) == 1 else "Sources"
    return f'<p class="source" markdown>{label}: {"; ".join(source_link(sources[ident]) for ident in ids)}.</p>'


def records_with_ids(value):
    """Every record with a stable id inside `value`, depth first in reading order."""
    if isinstance(value, tuple):
        for item in value:
            yield from records_with_ids(item)
    elif dataclasses.is_dataclass(value):
        if getattr(value, "ID_KIND", None):
            yield value
        for field in dataclasses.fields(value):
            yield from records_with_ids(getattr(value, field.name))


def label_of(record) -> str:
    """What a record is called when something links to it."""
    for name in ("label", "title", "question"):
        if hasattr(record, name):
            return getattr(record, name)
    return record.id


def page_address(docs_file: str, directory_urls: bool = True) -> str:
    """Where a page in docs/ is published, relative to the site's root: 'privacy.md' -> 'privacy/' on a web
    server, 'privacy.html' in the offline copy, where there is no server to find a folder's index.html."""
    name = docs_file.removesuffix(".md")
    if not directory_urls:
        return f"{name}.html"
    return "" if name == "index" else f"{name}/"


# One converter, reset between texts: setting up a new one for each text costs more than the converting.
PLAIN_CONVERTER = markdown.Markdown()


def plain_text(line: str) -> str:
    """One line of Markdown as the words a reader sees, without markup (for SVG text and attributes)."""
    rendered = PLAIN_CONVERTER.reset().convert(line)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()
