"""Last changes to the built site: fixes to the theme's markup, a Content-Security-Policy, and fewer bytes.

Pure functions over page text. Each theme fix must find what it fixes: if a theme upgrade changes the
markup, the build says which fix no longer applies instead of quietly shipping the old fault.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass

import rcssmin
import rjsmin


@dataclass(frozen=True)
class ThemeFix:
    """One change to the theme's markup, and why it is needed."""

    why: str
    find: re.Pattern
    replace: str
    # Pages without this have nothing for the fix to change (the projector view has no search form).
    only_where: str = ""


THEME_FIXES = (
    ThemeFix("the search dialog has no accessible name (axe: aria-dialog-name)",
             re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>'),
             r'\1 aria-label="Search">', only_where='data-md-component="search"'),
    ThemeFix("autocomplete is not allowed on checkboxes (Nu Html Checker)",
             re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                        r'id="__(?:drawer|search)") autocomplete="off">'),
             r"\1>"),
)

# The offline copy's search shim (iframe-worker) writes one inline script into the hidden frame that runs the
# search program. The frame inherits the page's policy, so that script needs its hash there too. Its text is
# the shim's template with two of the shim's functions and the search program's address filled in.
WORKER_FRAME_TEMPLATE = re.compile(r"<script>(postMessage=\$\{\w+\};importScripts=\$\{\w+\};.*?)<\\/script>")
WORKER_FRAME_URL = re.compile(r'filename:"\$\{(\w+)\}"')
PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
THEME_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)

INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)
CHARSET = '<meta charset="utf-8">'


class ThemeChanged(Exception):
    """The theme's markup no longer matches a fix: check the fix against the new theme."""


def apply_theme_fixes(html: str, page: str) -> str:
    for fix in THEME_FIXES:
        if fix.only_where not in html:
            continue
        html, count = fix.find.subn(fix.replace, html)
        if count == 0:
            raise ThemeChanged(f"{page}: the theme fix for '{fix.why}' found nothing to change; "
                               "has Material for MkDocs changed its markup?")
    return html


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for every inline script that runs (JSON data blocks do not)."""
    hashes = []
    for script in INLINE_SCRIPT.finditer(html):
        if "application/json" in script.group("attributes"):
            continue
        hashes.append(script_hash(script.group("body")))
    return sorted(set(hashes))


def script_hash(body: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def function_source(code: str, name: str) -> str:
    """The source text of `function name(...) {...}` in minified code, as the browser prints the function."""
    start = code.find(f"function {name}(")
    if start < 0:
        raise ThemeChanged(f"the search shim has no function {name}; has iframe-worker changed?")
    depth = 0
    for end in range(code.index("{", start), len(code)):
        depth += {"{": 1, "}": -1}.get(code[end], 0)
        if depth == 0:
            return code[start:end + 1]
    raise ThemeChanged(f"the search shim's function {name} never ends; has iframe-worker changed?")


def worker_frame_script(shim: str, worker_url: str) -> str:
    """The inline script the search shim writes into its frame, for the search program at `worker_url`."""
    template, url = WORKER_FRAME_TEMPLATE.search(shim), WORKER_FRAME_URL.search(shim)
    if not template or not url:
        raise ThemeChanged("the search shim no longer writes its frame's script as expected; has iframe-worker "
                           "changed? The offline copy's Content-Security-Policy needs that script's hash")
    return PLACEHOLDER.sub(lambda name: worker_url if name.group(1) == url.group(1)
                           else function_source(shim, name.group(1)), template.group(1))


def search_worker_url(html: str, page: str) -> str:
    """The address of the search program, as the theme's settings in the page give it to the worker."""
    settings = THEME_CONFIG.search(html)
    address = json.loads(settings.group(1)).get("search") if settings else None
    if not address:
        raise ThemeChanged(f"{page}: the theme's settings name no search program; has Material for MkDocs changed?")
    return address


def content_security_policy(html: str, frame_scripts: tuple[str, ...] = ()) -> str:
    """A strict policy: everything from this site only; inline scripts only by their exact hash.

    `frame_scripts` are inline scripts that scripts on the page write into frames, which the policy covers too.
    """
    scripts = " ".join(["'self'", *sorted({*inline_script_hashes(html), *map(script_hash, frame_scripts)})])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        # The theme draws some icons as SVG data addresses in its CSS.
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_content_security_policy(html: str, page: str, worker_shim: str | None = None) -> str:
    """Put the policy first in <head>, so that it covers every script and style after it.

    `worker_shim` is the offline copy's search shim: its frame's script is allowed by hash as well.
    """
    if CHARSET not in html:
        raise ThemeChanged(f'{page}: no {CHARSET} to put the Content-Security-Policy after')
    frame_scripts = (worker_frame_script(worker_shim, search_worker_url(html, page)),) if worker_shim else ()
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html, frame_scripts)}">'
    return html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)


# Elements whose spaces and line breaks are shown as written, or are not text at all: left exactly as they are.
WHITESPACE_KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1>", re.S | re.I)
# A tag, with its attribute values quoted in either way (a value may hold a ">").
TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
# A run of spaces that holds a line break: the theme's indentation, and the blank lines between blocks.
INDENTATION = re.compile(r"[ \t\r]*\n[ \t\r\n]*")


def collapse_indentation(html: str) -> str:
    """The page with every run of spaces and line breaks in its text made one line break.

    A browser shows such a run as one space anyway, so nothing on the page changes; a phone downloads about
    half a kilobyte less of every page. Tags, attribute values and the elements in WHITESPACE_KEPT are untouched.
    """
    def in_text(chunk: str) -> str:
        pieces, last = [], 0
        for tag in TAG.finditer(chunk):
            pieces += [INDENTATION.sub("\n", chunk[last:tag.start()]), tag.group(0)]
            last = tag.end()
        return "".join(pieces) + INDENTATION.sub("\n", chunk[last:])

    pieces, last = [], 0
    for kept in WHITESPACE_KEPT.finditer(html):
        pieces += [in_text(html[last:kept.start()]), kept.group(0)]
        last = kept.end()
    return "".join(pieces) + in_text(html[last:])


# Our own scripts and styles keep their comments in docs/assets/, for whoever changes them next; the copies
# published in the site are minified by well-kept libraries, which know where a comment can safely go.
MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def minified_asset(name: str, text: str) -> str:
    """One of our own scripts or stylesheets, without its comments and spare spaces."""
    suffix = name[name.rfind("."):]
    if suffix not in MINIFIERS:
        raise ValueError(f"{name}: only scripts (.js) and stylesheets (.css) are minified")
    return MINIFIERS[suffix](text)


# The theme's palette stylesheet styles every colour it offers; a page shows only the ones mkdocs.yml names.
PALETTE_CHOICE = re.compile(r"\[data-md-color-(primary|accent|scheme)=([\w-]+)\]")


UNREADABLE_PALETTE = "the theme's palette stylesheet could not be read as CSS rules; has Material changed it?"


def outside_quotes(css: str):
    """Each character of CSS with its index, leaving out quoted text (which may hold braces and commas)."""
    quote = ""
    for index, char in enumerate(css):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        else:
            yield index, char
    if quote:
        raise ThemeChanged(UNREADABLE_PALETTE)


def css_blocks(css: str) -> list[tuple[str, str]]:
    """Minified CSS as (prelude, body) pairs at the top level."""
    blocks, depth, start, prelude_end = [], 0, 0, 0
    for index, char in outside_quotes(css):
        if char == ";" and depth == 0:
            raise ThemeChanged("the theme's palette stylesheet has a statement (such as @import) outside any rule; "
                               "has Material changed it?")
        if char == "{":
            if depth == 0:
                prelude_end = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append((css[start:prelude_end], css[prelude_end + 1:index]))
                start = index + 1
    if depth or css[start:].strip():
        raise ThemeChanged(UNREADABLE_PALETTE)
    return blocks


def selectors(prelude: str) -> list[str]:
    """A rule's selector list, split at the commas outside brackets, parentheses and quotes."""
    parts, depth, start = [], 0, 0
    for index, char in outside_quotes(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    return parts + [prelude[start:]]


def pruned_palette(css: str, in_use: set[tuple[str, str]]) -> str:
    """The theme's palette stylesheet with only the colours and schemes in use, e.g. {("primary", "indigo")}.

    A selector that names any other colour or scheme is dropped, then any rule or @media block left empty.
    About 1.3 KB gz less on every page. If nothing is left for a colour in use, the theme has changed.
    """
    def kept(block_css: str) -> str:
        out = []
        for prelude, body in css_blocks(block_css):
            if prelude.startswith("@"):
                inner = kept(body)
                out.append(f"{prelude}{{{inner}}}" if inner else "")
                continue
            wanted = [selector for selector in selectors(prelude)
                      if all(choice in in_use for choice in PALETTE_CHOICE.findall(selector))]
            out.append(f"{','.join(wanted)}{{{body}}}" if wanted else "")
        return "".join(out)

    pruned = kept(css)
    for kind, name in sorted(in_use):
        if f"[data-md-color-{kind}={name}]" in css and f"[data-md-color-{kind}={name}]" not in pruned:
            raise ThemeChanged(f"pruning the palette stylesheet lost every rule for {kind} {name}")
    return pruned


def finish_page(html: str, page: str, with_policy: bool = True, worker_shim: str | None = None) -> str:
    """Every change a built page needs before it is published."""
    html = collapse_indentation(apply_theme_fixes(html, page))
    return add_content_security_policy(html, page, worker_shim) if with_policy else html
