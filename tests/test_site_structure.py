"""Checks over every built page: structure a screen reader relies on, and links that resolve."""
from __future__ import annotations

from urllib.parse import unquote, urljoin, urlparse

import pytest

from macros.render.finish import minified_asset

from .conftest import ROOT
from .helpers import visible_text


def test_every_page_has_a_language_a_title_one_h1_and_headings_in_order(site):
    """Each page declares its language, has a title and one h1, and never skips a heading level."""
    failures = []
    for address in site.addresses():
        if address == "404.html":
            continue
        page = site.page(address)
        if page.html.get("lang") != "en":
            failures.append(f"{address}: lang is {page.html.get('lang')!r}, expected 'en'")
        if not page.title or not page.title.get_text(strip=True):
            failures.append(f"{address}: no <title>")
        article = page.select_one("article")
        levels = [int(h.name[1]) for h in article.select("h1, h2, h3, h4, h5, h6")]
        if levels.count(1) != 1 or levels[0] != 1:
            failures.append(f"{address}: expected the first heading to be the only h1, found levels {levels}")
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                failures.append(f"{address}: heading level jumps from h{before} to h{after}")
    assert not failures, "\n".join(failures)


def test_no_page_uses_the_same_id_twice(site):
    """Ids are unique on each page, so every link and script finds the one element it means."""
    failures = []
    for address in site.addresses():
        seen = set()
        for element in site.page(address).select("[id]"):
            if element["id"] in seen:
                failures.append(f"{address}: id {element['id']!r} is used more than once")
            seen.add(element["id"])
    assert not failures, "\n".join(failures)


def internal_targets(site):
    """(page, href, target file, fragment) for every link that stays inside the site."""
    for address in site.addresses():
        for link in site.page(address).select("a[href]"):
            href = link["href"]
            parsed = urlparse(href)
            if parsed.scheme or href.startswith("//"):
                continue
            resolved = urlparse(urljoin("http://site.test/" + address, href))
            target = site.folder / unquote(resolved.path).lstrip("/")
            if target.is_dir() or resolved.path.endswith("/"):
                target = target / "index.html"
            yield address, href, target, unquote(resolved.fragment)


def test_every_internal_link_and_anchor_resolves(site):
    """Every link inside the site opens a page that exists, and every #anchor is an id on that page."""
    failures = []
    for address, href, target, fragment in internal_targets(site):
        if not target.is_file():
            failures.append(f"{address}: link {href!r} goes to a missing file")
        elif fragment and target.suffix == ".html":
            page = site.page(target.relative_to(site.folder).as_posix())
            if page.find(id=fragment) is None:
                failures.append(f"{address}: link {href!r}: no element with id {fragment!r}")
    assert not failures, "\n".join(failures)


def test_every_external_link_is_web_or_mail_and_safe_in_a_new_tab(site):
    """Links to other sites use http(s) or mailto, and any that open a new tab carry rel=noopener."""
    failures = []
    for address in site.addresses():
        for link in site.page(address).select("a[href]"):
            scheme = urlparse(link["href"]).scheme
            if scheme and scheme not in ("http", "https", "mailto"):
                failures.append(f"{address}: {link['href']!r} uses {scheme}:")
            if link.get("target") == "_blank" and "noopener" not in link.get("rel", []):
                failures.append(f"{address}: {link['href']!r} opens a new tab without rel=noopener")
    assert not failures, "\n".join(failures)


def test_guide_links_to_other_sites_are_marked_external(site, content):
    """Every link from the guide's own text to another site is marked external and shares no referrer."""
    failures = []
    for address in site.addresses():
        article = site.page(address).select_one("article")
        if article is None:
            continue
        for link in article.select("a[href^='http']"):
            rel = link.get("rel", [])
            if "external-link" not in link.get("class", []) or not {"noopener", "noreferrer"} <= set(rel):
                failures.append(f"{address}: {visible_text(link)!r} -> {link['href']} (class {link.get('class')},"
                                f" rel {rel})")
    assert not failures, "\n".join(failures)


def test_our_scripts_and_styles_are_published_minified_and_the_sources_keep_their_comments(site):
    """Every script and stylesheet of ours in the site is the minified form of its commented source in docs/assets/."""
    sources = [path for path in sorted((ROOT / "docs" / "assets").iterdir()) if path.suffix in (".js", ".css")]
    published = [path for path in sources if (site.folder / "assets" / path.name).exists()]
    assert len(published) >= 10, f"expected our scripts and styles in the site, found {[p.name for p in published]}"
    for source in published:
        text = source.read_text(encoding="utf-8")
        copy = (site.folder / "assets" / source.name).read_text(encoding="utf-8")
        assert copy == minified_asset(source.name, text), f"assets/{source.name} is not the minified source"
        assert len(copy) < 0.85 * len(text), f"assets/{source.name}: {len(copy)} of {len(text)} characters"
