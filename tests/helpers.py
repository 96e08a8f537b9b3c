"""Helpers for reading pages the way a person would: by their visible text."""
from __future__ import annotations

import re

import markdown
from bs4 import BeautifulSoup


def squeeze(text: str) -> str:
    """Text with runs of white space made single spaces, as a reader sees it."""
    return re.sub(r"\s+", " ", text).strip()


def plain_text(markdown_text: str) -> str:
    """What a Markdown text field reads as on the page, without its markup."""
    html = markdown.markdown(markdown_text, extensions=["attr_list"])
    return squeeze(BeautifulSoup(html, "html.parser").get_text(" "))


def visible_text(element) -> str:
    """The text of a page element, squeezed; permalink marks are left out."""
    copy = BeautifulSoup(str(element), "html.parser")
    for mark in copy.select("a.headerlink"):
        mark.decompose()
    return squeeze(copy.get_text(" "))


def built_address(docs_address: str) -> str:
    """'key-messages.md#record-the-decision' -> 'key-messages/' (the page a browser opens)."""
    page = docs_address.split("#")[0]
    return "" if page == "index.md" else page.removesuffix(".md") + "/"


def decision_paths(aid) -> list[tuple[tuple, object]]:
    """Every way through the decision aid: ((question, answer) pairs from the start, the outcome reached)."""
    nodes = aid.nodes()

    def walk(ident, taken):
        node = nodes[ident]
        if not hasattr(node, "answers"):
            return [(taken, node)]
        return [path for answer in node.answers for path in walk(answer.next, (*taken, (node, answer)))]

    return walk(aid.start, ())


def printed_pages(page) -> list[str]:
    """The page printed to A4 by Chromium, as the text of each sheet (poppler's pdftotext; `make test` installs it).

    Each sheet's text is squeezed, so a test can ask which sheet a question starts and ends on.
    """
    import shutil
    import subprocess

    assert shutil.which("pdftotext"), "pdftotext is missing: `make test` installs the Debian package poppler-utils"
    pdf = page.pdf(format="A4", print_background=True)
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode("utf-8")
    # pdftotext ends every sheet with a form feed, so the text after the last one is not a sheet. A blank
    # sheet stays in the list: paper that comes out blank is something a test must be able to see.
    return [squeeze(sheet) for sheet in text.split("\f")[:-1]]


def printed_by_button(page, button: str, printing_class: str) -> list[str]:
    """What a print button on the page prints, as the text of each A4 sheet: window.print is caught so that no dialog
    opens, the class the button puts on the page while printing is checked and put back, then the page is printed
    (printed_pages)."""
    page.evaluate("window.print = () => { window.printedWith = document.documentElement.className; }")
    page.click(button)
    printed_with = page.evaluate("window.printedWith")
    assert printing_class in printed_with, printed_with
    page.evaluate(f"document.documentElement.className = {printed_with!r}")
    page.emulate_media(media="print")
    return printed_pages(page)
