"""The intranet linking contract: published addresses keep working, the link page, link previews, any address."""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.published_links import MANIFEST, extend_manifest, manifest_addresses
from macros.render.links import add_old_anchors, relative_address
from macros.model import OldAnchor
from macros.site_pages import published_address, published_addresses, site_pages

from tools.make_preview import FINGERPRINT_KEY, HEIGHT, WIDTH, fingerprint, png_facts, preview_inputs, preview_path

from .conftest import MOVED_PAGE, OLD_ANCHOR, ROOT, SUB_PATH, SUB_PATH_SITE_URL, BuiltSite, serve_folder
from .helpers import squeeze, visible_text

PUBLISHED = manifest_addresses((ROOT / MANIFEST).read_text(encoding="utf-8"))


def leads_to(site: BuiltSite, address: str) -> str | None:
    """What is wrong with a published address on a built site, or None when it reaches its page and anchor."""
    page_part, _, anchor = address.partition("#")
    if not site.file_for(page_part).is_file():
        return (f"{address}: the page is gone. If it moved, add it under moved_pages in content/site.yml "
                "(old: and new: addresses) so that old links are sent on")
    page = site.page(page_part)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    if refresh is not None:  # a moved page: follow it, as the browser would, keeping the anchor
        target = refresh["content"].split("url=", 1)[1]
        moved_to = urllib.parse.urljoin("https://guide.example/" + page_part, target)
        new_address = moved_to.removeprefix("https://guide.example/") or "./"
        return leads_to(site, new_address + (f"#{anchor}" if anchor else ""))
    if anchor and page.find(id=anchor) is None:
        return (f"{address}: the page has no anchor #{anchor}. If the id was renamed, add it under "
                "old_anchors in content/site.yml (id: the old id, now: the new one)")
    return None


def test_every_published_address_still_leads_to_its_page_and_anchor(site):
    """Every address in links/published.txt opens a page of the built site and, with #id, an element with that id."""
    assert len(PUBLISHED) >= 80
    problems = [problem for address in PUBLISHED if (problem := leads_to(site, address))]
    assert problems == []


def test_the_manifest_lists_every_address_the_guide_has(content):
    """Every page and every anchored record in the content is in the manifest: `make links` was run."""
    missing = [address for address in published_addresses(site_pages(content)) if address not in PUBLISHED]
    assert missing == [], f"run `make links` to add these to {MANIFEST}: {missing}"


def test_make_links_adds_new_addresses_at_the_end_and_never_removes_one():
    """Extending the manifest keeps every line (even an address no longer made) and appends the new ones."""
    text = "# comment\n./\nold-page/#gone\n"
    new_text, added = extend_manifest(text, ["./", "quiz/", "quiz/#a-question"])
    assert added == ["quiz/", "quiz/#a-question"]
    assert new_text == "# comment\n./\nold-page/#gone\nquiz/\nquiz/#a-question\n"
    assert extend_manifest(new_text, ["./", "quiz/"]) == (new_text, [])


def test_a_lost_anchor_or_page_is_reported_with_the_way_to_fix_it(site):
    """The manifest check names the fix: old_anchors for a renamed id, moved_pages for a page that is gone."""
    assert "old_anchors" in leads_to(site, "key-messages/#an-id-that-was-renamed")
    assert "moved_pages" in leads_to(site, "a-page-that-moved/")


def test_a_renamed_id_keeps_an_anchor_inside_the_element_with_the_new_id():
    """An old anchor is an empty element inside the record that now has the id, so the browser lands there."""
    html = '<h2 id="new-name">Title</h2><h2 id="other">Other</h2>'
    result = BeautifulSoup(add_old_anchors(html, (OldAnchor(id="old-name", now="new-name"),)), "html.parser")
    assert result.find(id="old-name").parent["id"] == "new-name"
    assert add_old_anchors(html, (OldAnchor(id="old-name", now="not-on-this-page"),)) == html


@pytest.mark.parametrize("old, new, expected", [("old/", "key-messages/", "../key-messages/"),
                                                ("a/b/", "quiz/", "../../quiz/"), ("old/", "./", "../")])
def test_a_moved_page_sends_readers_to_the_new_address_relative_to_the_old(old, new, expected):
    """The moved page's link is relative, so it works under any address the site is published at."""
    assert relative_address(old, new) == expected


# ---- The "Link to this guide" page ----

def test_link_page_lists_every_published_address_with_its_label_and_a_copy_button(site, content):
    """Each page's group lists the page and every anchor on it, by name, with a copy button for each."""
    page = site.page(published_address("link-to-this-guide.md"))
    for site_page in site_pages(content):
        heading = page.find(id="links-" + site_page.file.removesuffix(".md"))
        assert heading is not None and squeeze(heading.get_text()).startswith(squeeze(site_page.title))
        rows = heading.find_next("ul", class_="link-rows").find_all("li")
        expected = [published_address(site_page.file)] + [published_address(site_page.file, ident)
                                                           for ident, _ in site_page.anchors]
        assert [row.find("code").get_text() for row in rows] == expected
        for row, (_, label) in zip(rows[1:], site_page.anchors):
            assert squeeze(row.find(class_="link-label").get_text()) == squeeze(label)
        assert all(row.find("button", class_="link-copy") for row in rows)


def test_link_page_gives_a_plain_an_html_and_a_card_snippet_for_every_page(site, content):
    """Each page has three labelled snippets: its address, an HTML link with its title, and title, summary, address."""
    page = site.page(published_address("link-to-this-guide.md"))
    for site_page in site_pages(content):
        key, address = site_page.file.removesuffix(".md"), published_address(site_page.file)
        snippets = {name: page.find("textarea", id=f"snippet-{name}-{key}") for name in ("plain", "html", "card")}
        for name, field in snippets.items():
            assert field is not None and page.find("label", attrs={"for": field["id"]}) is not None, (key, name)
        assert snippets["plain"].get_text() == address
        assert snippets["html"].get_text() == f'<a href="{address}">{site_page.title}</a>'
        assert snippets["card"].get_text() == f"{site_page.title}\n{site_page.summary}\n{address}"


def test_link_page_numbers_the_golden_rules(site, content):
    """Each golden rule's row on the link page is named by its number and title, "Rule 4: ..."."""
    page = site.page(published_address("link-to-this-guide.md"))
    rules = content.guide.key_messages.golden_rules.rules
    labels = {row.find("code")["data-path"]: squeeze(row.find(class_="link-label").get_text())
              for row in page.select(".link-rows li")}
    assert [labels[published_address("key-messages.md", rule.id)] for rule in rules] == [
        f"Rule {number}: {rule.title}" for number, rule in enumerate(rules, start=1)]


def test_filter_finds_one_anchor_which_offers_its_own_html_link_and_card(browser, site_server, content):
    """Typing "rule 4" leaves the one row and its page's heading; its own snippets link to it, named by its label."""
    rule = content.guide.key_messages.golden_rules.rules[3]
    label, address = f"Rule 4: {rule.title}", site_server + published_address("key-messages.md", rule.id)
    context = browser.new_context(viewport={"width": 375, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_server + "link-to-this-guide/")
        page.get_by_label("Find an address").fill("rule 4")
        assert page.locator(".link-row:visible .link-label").all_inner_texts() == [label]
        assert page.locator(".link-rows:visible").count() == 1 and page.locator("#links-key-messages").is_visible()
        assert page.locator("#link-filter-count").inner_text() == "1 address matches"
        row = page.locator(".link-row:visible")
        row.get_by_text("HTML link and card").click()
        assert row.get_by_label("HTML link").input_value() == f'<a href="{address}">{label}</a>'
        assert row.get_by_label("Card").input_value() == f"{label}\nFrom: Key messages\n{address}"
    finally:
        context.close()


def test_an_element_reached_by_a_deep_link_stands_out(browser_context, site_server, content):
    """Arriving at key-messages/#id, that heading is tinted and barred; the other headings are not."""
    rule_ids = [rule.id for rule in content.guide.key_messages.golden_rules.rules]
    page = browser_context.new_page()
    page.goto(f"{site_server}key-messages/#{rule_ids[3]}")
    look = "id => { const s = getComputedStyle(document.getElementById(id)); return [s.backgroundColor, s.boxShadow]; }"
    targeted, other = page.evaluate(look, rule_ids[3]), page.evaluate(look, rule_ids[4])
    assert other == ["rgba(0, 0, 0, 0)", "none"] and targeted[0] != other[0] and targeted[1] != "none"


def test_copy_gives_the_full_address_and_says_so(browser, site_server):
    """With the script, addresses become full addresses, and Copy puts one on the clipboard and announces it."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.rstrip("/"))
    try:
        page = context.new_page()
        page.goto(site_server + "link-to-this-guide/")
        row = page.locator(".link-rows li", has=page.locator('code[data-path="key-messages/"]'))
        assert row.locator("code").inner_text() == site_server + "key-messages/"
        row.get_by_role("button", name="Copy the address of: Key messages").click()
        page.locator("#link-copy-status", has_text="Copied").wait_for(timeout=5000)
        # The button's own word changes, so that it shows as well as says it worked.
        assert row.get_by_role("button", name="Copied the address of: Key messages").is_visible()
        assert page.evaluate("navigator.clipboard.readText()") == site_server + "key-messages/"
        card = page.locator("#snippet-card-quiz")
        assert card.input_value().endswith("\n" + site_server + "quiz/")
    finally:
        context.close()


def test_every_heading_and_list_item_with_an_id_has_a_link_to_itself(site):
    """Headings and list items with an id carry a 'link to this' mark pointing at their own anchor."""
    missing = []
    for address in site.addresses():
        for element in site.page(address).select("article :is(h1, h2, h3, h4, li)[id]"):
            mark = element.find("a", class_="headerlink")
            if mark is None or mark["href"] != f"#{element['id']}":
                missing.append(f"{address}: {element.name}#{element['id']}")
    assert missing == []


# ---- Link previews ----

def test_every_page_has_a_title_description_and_link_preview_tags(site, content):
    """Each page: a title, a description (the page's summary from the YAML), Open Graph and Twitter card tags."""
    summaries = {published_address(page.file): page.summary for page in site_pages(content)}
    problems = []
    for address in site.addresses():
        page = site.page(address)
        tags = {tag.get("property") or tag.get("name"): tag["content"] for tag in page.find_all("meta")
                if tag.get("property") or tag.get("name")}
        title = page.title.get_text()
        expected_description = summaries.get(address.removesuffix("index.html") or "./")
        checks = {
            "title": bool(title.strip()) and title.endswith(content.guide.guide.title),
            "description": tags.get("description") == (expected_description or content.guide.guide.description),
            "og:title": tags.get("og:title", "").endswith(content.guide.guide.title),
            "og:description": tags.get("og:description") == tags.get("description"),
            "og:site_name": tags.get("og:site_name") == content.guide.guide.title,
            "og:locale": tags.get("og:locale") == "en_GB",
            # The "not found" page is shown at any address, so the theme gives it addresses from the site's root.
            "og:image": (site.folder / ("." if tags.get("og:image", "").startswith("/") else Path(address).parent)
                         / tags.get("og:image", "missing").lstrip("/")).resolve().is_file(),
            "twitter:card": tags.get("twitter:card") == "summary_large_image",
            "twitter:image": tags.get("twitter:image") == tags.get("og:image"),
            # Without a site address (site_url in the local file), no page claims a canonical address.
            "canonical": page.find("link", rel="canonical") is None,
        }
        problems += [f"{address}: {name}" for name, passed in checks.items() if not passed]
    assert problems == []



def test_the_preview_picture_is_drawn_from_the_current_content(site):
    """The preview picture is 1200 x 630, was drawn from today's name, colour, logo, title and description, and is
    the one the site publishes."""
    picture = preview_path(ROOT).read_bytes()
    assert (site.folder / "assets" / "images" / "preview.png").read_bytes() == picture
    width, height, texts = png_facts(picture)
    assert (width, height) == (WIDTH, HEIGHT) == (1200, 630)
    assert texts.get(FINGERPRINT_KEY.decode()) == fingerprint(preview_inputs(ROOT)), (
        "the preview picture no longer matches the content: run `make preview`")


def test_every_page_header_names_the_partnership_above_the_guide_with_its_logo(site, content):
    """The header shows the partnership's short name, the guide's title, and the logo (or, until there is one, the
    theme's icon, never the placeholder) in a link named by the site."""
    problems = []
    for address in site.addresses():
        header = site.page(address).select_one("header.md-header")
        shown = [visible_text(header.select_one(f".header-{part}")) for part in ("partnership", "guide")]
        logo = header.select_one("a.md-logo")
        if shown != [content.edition.short_name, content.guide.guide.title]:
            problems.append(f"{address}: the header says {shown}")
        # Without a logo of the partnership's own, the theme's standard icon stands in: never a placeholder.
        shows_logo = (logo.img and logo.img["src"].endswith(content.edition.logo) if content.edition.logo
                      else logo.img is None and logo.svg is not None)
        if not (shows_logo and logo.get("aria-label")):
            problems.append(f"{address}: the header's logo is {logo}")
    assert problems == []

# ---- Published under a sub-path, with a renamed id and a moved page ----

@pytest.fixture(scope="module")
def sub_path_site(second_edition) -> BuiltSite:
    """The second edition (conftest.py), built for an intranet sub-path, with one renamed id and one moved page."""
    return second_edition.site


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_under_a_sub_path_every_internal_link_and_asset_loads(sub_path_site):
    """Served from a sub-path, every page's links, stylesheets, scripts and images load, and every anchor exists."""
    problems, checked = [], set()
    with serve_folder(sub_path_site.folder, SUB_PATH) as base:
        for address in sub_path_site.addresses():
            page_url = base + address.removesuffix("index.html")
            page = sub_path_site.page(address)
            for element in page.select("[href], [src]"):
                reference = element.get("href") or element.get("src")
                url = urllib.parse.urljoin(page_url, reference)
                if not url.startswith("http://127.0.0.1") or element.name == "meta":
                    continue
                target, _, anchor = url.partition("#")
                if not target.startswith(base):
                    problems.append(f"{address}: {reference} leaves the guide's folder")
                    continue
                if target not in checked:
                    status, _ = fetch(target)
                    if status != 200:
                        problems.append(f"{address}: {reference} answers {status}")
                    checked.add(target)
                if anchor and target.endswith("/") and not sub_path_site.page(target[len(base):]).find(id=anchor):
                    problems.append(f"{address}: {reference} has no anchor #{anchor}")
    assert len(checked) > 20
    assert problems == []


def test_under_a_sub_path_canonical_and_preview_addresses_are_full(sub_path_site):
    """With a site address set, each page names its canonical address and a full preview picture address."""
    for address in sub_path_site.addresses():
        if address == "404.html" or address == MOVED_PAGE + "index.html":
            continue
        page = sub_path_site.page(address)
        expected = SUB_PATH_SITE_URL + address.removesuffix("index.html")
        assert page.find("link", rel="canonical")["href"] == expected
        assert page.find("meta", property="og:url")["content"] == expected
        assert page.find("meta", property="og:image")["content"] == SUB_PATH_SITE_URL + "assets/images/preview.png"


def test_under_a_sub_path_the_link_page_gives_full_addresses_without_a_script(sub_path_site):
    """With the site's address known, the link page's addresses are full addresses even without JavaScript."""
    page = sub_path_site.page("link-to-this-guide/")
    codes = [code.get_text() for code in page.select(".link-rows code")]
    assert codes and all(code.startswith(SUB_PATH_SITE_URL) for code in codes)


def test_an_old_anchor_and_a_moved_page_still_take_readers_to_the_right_place(browser, sub_path_site):
    """A link to a renamed id lands on the record; a link into a moved page lands on the new page, anchor kept."""
    page_html = sub_path_site.page("key-messages/")
    assert page_html.find(id=OLD_ANCHOR) is not None
    with serve_folder(sub_path_site.folder, SUB_PATH) as base:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"{base}{MOVED_PAGE}#{OLD_ANCHOR}")
            page.wait_for_url(f"{base}key-messages/#{OLD_ANCHOR}", timeout=10000)
            rule = page.locator(f"#{OLD_ANCHOR}").locator("xpath=..")
            assert rule.is_visible()
            assert page.evaluate(f"document.getElementById('{OLD_ANCHOR}').getBoundingClientRect().top") < 400
        finally:
            context.close()


def test_under_a_sub_path_search_works(browser, sub_path_site):
    """The search index and program load from the guide's own folder, and the search finds pages."""
    failed = []
    with serve_folder(sub_path_site.folder, SUB_PATH) as base:
        context = browser.new_context()
        context.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
        try:
            page = context.new_page()
            page.goto(base + "quiz/")
            page.click(".md-search__input")
            page.keyboard.type("consent")
            page.locator(".md-search-result__item").first.wait_for(timeout=10000)
        finally:
            context.close()
    assert failed == []


def test_with_a_site_address_the_projector_title_slide_has_a_qr_code_to_the_quiz(sub_path_site):
    """When site_url is set, the projector's title slide shows a QR code (SVG made at build time) labelled with the
    quiz's full address, and prints the address beside it; without site_url there is none (test_training_pages)."""
    figure = sub_path_site.page("quiz-present/").select_one(".present-title .present-qr")
    assert figure is not None
    svg = figure.find("svg")
    assert svg["role"] == "img" and svg["aria-label"].endswith(SUB_PATH_SITE_URL + "quiz/")
    assert svg.get("viewbox") and len(svg.find_all("path")) >= 2  # scales with the slide; dark modules on white
    assert SUB_PATH_SITE_URL + "quiz/" in figure.figcaption.get_text()
