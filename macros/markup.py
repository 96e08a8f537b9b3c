"""What a text field may turn into on the page: an allowlist of HTML, checked after Markdown has run.

Each text field is rendered with the site's own Markdown settings, and the HTML that comes out is read
with Python's own HTML parser (html.parser, the one BeautifulSoup uses). Only the elements and attributes
the guide needs are accepted, and every link must go to a web address, a page of the guide, or (in contact
fields only) an email address, judged after character references are decoded and the characters browsers
ignore are removed. A second, browser-grade parser
(nh3, which uses the html5ever parser from the Servo browser engine) then sanitises the same HTML with the
same allowlist: if it keeps anything different, a browser would read the text differently from our check,
and the text is refused.
"""
from __future__ import annotations

import collections
import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
import nh3

# The Markdown extensions the site's pages are built with (markdown_extensions in mkdocs.yml).
SITE_MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "toc"]

# The HTML the guide's text needs: paragraphs, emphasis, lists, links and line breaks. Anything else,
# written as HTML or made by a Markdown extension (headings, images, code, note boxes), is refused.
ALLOWED_ELEMENTS = {"p", "em", "strong", "ul", "ol", "li", "a", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
# A web address and an email address, as written in a link or in a field that holds only an address.
URL_PATTERN = re.compile(r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/[^\s<>\"]*)?$")
MAILTO_PATTERN = re.compile(r"^mailto:[^@\s]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
# A link to another page of the guide is written as the page's file in docs/, an id, or both:
# key-messages.md, key-messages.md#record-the-decision, #record-the-decision.
GUIDE_ADDRESS = re.compile(r"^(?P<page>[a-z0-9][a-z0-9-]*\.md)?(#(?P<anchor>[a-z][a-z0-9-]*))?$")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# What the URL parser in browsers ignores: C0 control characters and spaces at either end, and tabs and
# line breaks anywhere ("java\tscript:" is "javascript:" to a browser).
IGNORED_AT_ENDS = "".join(map(chr, range(0x21)))
IGNORED_ANYWHERE = re.compile(r"[\t\n\r]")

LINK_HINT = ("a link must start https:// or http://, or name a page of the guide by its file and id, "
             "such as key-messages.md#record-the-decision")
MARKDOWN_HINT = "text fields are Markdown: write plain text, **bold**, lists and [links](https://example.org)"


@dataclass(frozen=True)
class GuideLink:
    """A link from a text field to a page of the guide, resolved once every page and id is known."""

    page: str | None  # a file in docs/, such as key-messages.md; None for the page the text is on
    anchor: str | None  # an id in the content


@dataclass(frozen=True)
class MarkupCheck:
    """What one text field's Markdown makes: what is wrong with it, and its links inside the guide."""

    problems: tuple[str, ...]
    guide_links: tuple[GuideLink, ...]


_CONVERTER = markdown.Markdown(extensions=SITE_MARKDOWN_EXTENSIONS)


def as_html(text: str) -> str:
    """A text field's Markdown as the site turns it into HTML."""
    return _CONVERTER.reset().convert(text)


def link_destination(href: str) -> str:
    """An href as a browser's URL parser reads it (character references are already decoded)."""
    return IGNORED_ANYWHERE.sub("", href.strip(IGNORED_AT_ENDS))


def _link_problem(href: str, allow_mailto: bool) -> str | GuideLink:
    """What is wrong with a link's destination, or the page and id it names inside the guide."""
    destination = link_destination(href)
    shown = destination if len(destination) <= 60 else destination[:57] + "..."
    scheme = SCHEME.match(destination)
    if scheme:
        name = scheme.group(1).lower()
        written = name + destination[len(name):]  # HTTPS://... is https://... to a browser
        if name in ("http", "https") and URL_PATTERN.match(written):
            return ""
        if name == "mailto" and MAILTO_PATTERN.match(written):
            return "" if allow_mailto else (f'a link to the email address "{shown}": email links belong only in '
                                            "contact fields; link to a web page here")
        if name in ("http", "https", "mailto"):
            return f'a link to "{shown}", which is not a complete web or email address'
        return f'a {name}: link ("{shown}"); {LINK_HINT}'
    guide = GUIDE_ADDRESS.match(destination)
    if guide and destination:
        return GuideLink(guide.group("page"), guide.group("anchor"))
    return f'a link to "{shown}", which is neither a web address nor a page of the guide; {LINK_HINT}'


class _Reading(HTMLParser):
    """Reads HTML as a list of what is in it, in order: start and end tags with their attributes (character
    references decoded), text, and anything else (comments, declarations). Unlike a tree, the list keeps
    what parsers drop: a second copy of an attribute, an end tag with no start tag."""

    VOID = {"br"}  # elements with no end tag: <br> and <br /> read the same

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.items.append(("start", tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.items.append(("start", tag, tuple(attrs)))
        if tag not in self.VOID:
            self.items.append(("end", tag))

    def handle_endtag(self, tag):
        self.items.append(("end", tag))

    def handle_data(self, data):
        if self.items and self.items[-1][0] == "text":
            data = self.items.pop()[1] + data
        self.items.append(("text", data))

    def handle_comment(self, data):
        self.items.append(("other", f"<!--{data}-->"))

    def handle_decl(self, decl):
        self.items.append(("other", f"<!{decl}>"))

    def unknown_decl(self, data):
        self.items.append(("other", f"<![{data}]>"))

    def handle_pi(self, data):
        self.items.append(("other", f"<?{data}>"))

    def shape(self) -> list[tuple]:
        """What two parsers must agree on: the items, attributes in name order."""
        return [(item[0], item[1], tuple(sorted(item[2]))) if item[0] == "start" else item for item in self.items]


def browser_reads_the_same(html: str, reading: _Reading | None = None) -> bool:
    """Whether a browser-grade sanitiser, given our allowlist, keeps exactly what our own reading saw."""
    cleaned = nh3.clean(html, tags=ALLOWED_ELEMENTS, attributes=ALLOWED_ATTRIBUTES, link_rel=None,
                        url_schemes={"http", "https", "mailto"}, strip_comments=True)
    return _Reading(cleaned).shape() == (reading or _Reading(html)).shape()


def _heading_attributes(line: str) -> list[str]:
    """Attributes a one-line field would give a heading it is the text of ({: ...} at its end, say).

    Only attr_list adds attributes to a heading, and it needs a {: a line without one is the heading's text.
    """
    if "{" not in line:
        return []
    heading = next(item for item in _Reading(as_html(f"# {line}")).items if item[0] == "start")
    return [name for name, _ in heading[2] if name != "id"]  # toc gives every heading its id


@functools.cache  # many texts are the same (feedback, labels), and checking is pure
def check_markup(text: str, allow_mailto: bool = False, line: bool = False) -> MarkupCheck:
    """Check one text field against the allowlist; say what is wrong in the words an editor reads.

    A one-line field (`line`) is also checked as the heading it may become on a page.
    """
    html = as_html(text)
    problems, guide_links = [], []
    if line:
        problems += [f"contains the attribute {name} (from {{: ...}}), which the guide's text may not use"
                     for name in _heading_attributes(text)]
    open_elements = collections.Counter()
    reading = _Reading(html)
    for kind, *rest in reading.items:
        if kind == "other":
            shown = rest[0] if len(rest[0]) <= 20 else rest[0][:19] + "…"
            problems.append(f'contains an HTML comment or declaration ("{shown}"), which the guide\'s text may not use')
        elif kind == "end":
            if open_elements[rest[0]]:
                open_elements[rest[0]] -= 1
            else:  # it would close one of the page's own elements around the text
                problems.append(f"contains the end tag </{rest[0]}> without its start tag")
        elif kind == "start":
            tag, attributes = rest
            open_elements[tag] += tag not in _Reading.VOID
            if tag not in ALLOWED_ELEMENTS:
                problems.append(f"contains a <{tag}> element, which the guide's text may not use")
                continue
            names = [name for name, _ in attributes]
            for name, value in attributes:
                if names.count(name) > 1:
                    problems.append(f"contains the attribute {name} twice on <{tag}>")
                if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
                    problems.append(f"contains the attribute {name} on <{tag}>, which the guide's text may not use")
                elif name == "href":
                    found = _link_problem(value or "", allow_mailto)
                    if isinstance(found, GuideLink):
                        guide_links.append(found)
                    elif found:
                        problems.append(f"contains {found}")
    # A browser-grade parser must see exactly what we checked; if its sanitiser changes anything, the two
    # parsers read the text differently, and the browser's reading is the one that counts.
    if not problems and not browser_reads_the_same(html, reading):
        problems.append("contains markup that a browser would read differently from how it was checked")
    return MarkupCheck(tuple(dict.fromkeys(problems)), tuple(guide_links))


def check_link_field(address: str, allow_mailto: bool = False) -> str | None:
    """What is wrong with a field that holds an address, once renderers write it into a Markdown link."""
    written = f"[link]({address})"
    items = _Reading(as_html(written)).items
    if check_markup(written, allow_mailto).problems or items != [
            ("start", "p", ()), ("start", "a", (("href", address),)), ("text", "link"), ("end", "a"), ("end", "p")]:
        return (f'"{address}" does not make one link to itself when written into a page; '
                "remove any spaces, brackets, quotes or angle brackets from the address")
    return None
