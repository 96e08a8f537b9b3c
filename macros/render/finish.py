"""Last changes to every built HTML page: fixes to the theme's markup, and a Content-Security-Policy.

Pure functions over page text. Each theme fix must find what it fixes: if a theme upgrade changes the
markup, the build says which fix no longer applies instead of quietly shipping the old fault.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeFix:
    """One change to the theme's markup, and why it is needed."""

    why: str
    find: re.Pattern
    replace: str


THEME_FIXES = (
    ThemeFix("the search dialog has no accessible name (axe: aria-dialog-name)",
             re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>'),
             r'\1 aria-label="Search">'),
    ThemeFix("autocomplete is not allowed on checkboxes (Nu Html Checker)",
             re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                        r'id="__(?:drawer|search)") autocomplete="off">'),
             r"\1>"),
)

INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)
CHARSET = '<meta charset="utf-8">'


class ThemeChanged(Exception):
    """The theme's markup no longer matches a fix: check the fix against the new theme."""


def apply_theme_fixes(html: str, page: str) -> str:
    for fix in THEME_FIXES:
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
        digest = hashlib.sha256(script.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(set(hashes))


def content_security_policy(html: str) -> str:
    """A strict policy: everything from this site only; inline scripts only by their exact hash."""
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
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


def add_content_security_policy(html: str, page: str) -> str:
    """Put the policy first in <head>, so that it covers every script and style after it."""
    if CHARSET not in html:
        raise ThemeChanged(f'{page}: no {CHARSET} to put the Content-Security-Policy after')
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)


def finish_page(html: str, page: str, with_policy: bool = True) -> str:
    """Every change a built page needs before it is published."""
    html = apply_theme_fixes(html, page)
    return add_content_security_policy(html, page) if with_policy else html
