"""The quality gate, in a real browser over every built page: accessibility, privacy and security."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

AXE_SCRIPT = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def page_addresses(site) -> list[str]:
    """Every page of the built site, as the address a browser asks for."""
    return [address.removesuffix("index.html") for address in site.addresses()]


def describe(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines += [f"    {' '.join(node['target'])}: {node.get('failureSummary', '')[:200]}"
                  for node in violation["nodes"][:5]]
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(browser, site, site_server, scheme, viewport):
    """axe-core, with every rule it runs by default (best practice included), finds nothing on any page."""
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport], bypass_csp=True)
    axe = AXE_SCRIPT.read_text(encoding="utf-8")
    failures = []
    try:
        page = context.new_page()
        for address in page_addresses(site):
            page.goto(site_server + address)
            page.evaluate(axe)
            violations = page.evaluate("axe.run(document).then(results => results.violations)")
            if violations:
                failures.append(f"{address or '/'} ({scheme}, {viewport}):\n{describe(violations)}")
    finally:
        context.close()
    assert not failures, "\n".join(failures)


def test_every_page_is_valid_html(site):
    """The Nu Html Checker finds no errors in any built page."""
    assert VNU.is_file(), f"{VNU} is missing: `make test` installs vnu-jar"
    java = shutil.which("java")
    assert java, "java is missing: the Nu Html Checker needs it"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "gnu",
                             *map(str, site.html_files())], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr.replace(str(site.folder) + "/", "")


def use_every_feature(page, site_server, site):
    """Visit every page and use the search, the colour switch, the quiz, present mode, the reflection, the
    decision aid and the record of a decision."""
    for address in page_addresses(site):
        page.goto(site_server + address)
    page.goto(site_server)
    page.click(".md-search__input")
    page.keyboard.type("consent")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.keyboard.press("Escape")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.goto(site_server + "quiz/")
    page.check("#quiz-remember")
    page.locator(".quiz-question input").first.check()
    page.click("#quiz-check-all")
    page.click("#quiz-show-all")
    page.click("#quiz-reset")
    page.click("#quiz-clear")
    page.goto(site_server + "quiz-present/")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("r")
    page.click("#present-count")
    page.get_by_role("button", name="One more hand for A").click()
    page.goto(site_server + "what-does-this-mean-for-me/")
    page.check("#reflection-save")
    page.locator("textarea").first.fill("A note")
    with page.expect_download():
        page.click("#reflection-download")
    page.click("#cpd-make")
    with page.expect_download():
        page.click("#cpd-download")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#reflection-clear")
    page.goto(site_server + "should-i-share/")
    page.locator(".decision-step.is-current .decision-answers a").first.click()
    page.click("#decision-back")
    page.locator(".decision-step.is-current .decision-answers a").first.click()
    page.locator(".decision-step.is-current .decision-record-offer a").click()
    page.check("#record-keep")
    page.locator(".decision-record textarea").first.fill("A record")
    page.click("#record-copy")
    with page.expect_download():
        page.click("#record-download")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#record-clear")
    page.click("#decision-restart")


def test_the_site_asks_no_other_host_for_anything(browser_context, site, site_server):
    """Using every page and feature, the browser requests nothing from any host but the site's own."""
    foreign = []
    browser_context.on("request", lambda request: foreign.append(request.url)
                       if not request.url.startswith((site_server, "data:", "blob:")) else None)
    page = browser_context.new_page()
    use_every_feature(page, site_server, site)
    assert foreign == []


def test_the_content_security_policy_is_strict_and_nothing_breaks_it(browser_context, site, site_server):
    """Every page carries a strict policy (no unsafe-inline scripts), and using every feature breaks none of it."""
    for address in site.addresses():
        meta = site.page(address).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, f"{address}: no Content-Security-Policy"
        policy = meta["content"]
        assert policy.startswith("default-src 'self'") and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    browser_context.add_init_script(
        "window.addEventListener('securitypolicyviolation', e => console.error("
        "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI), true);")
    errors = []
    page = browser_context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"script error: {error}"))
    use_every_feature(page, site_server, site)
    assert errors == []


def test_nothing_is_stored_on_the_device_without_being_asked(browser_context, site, site_server):
    """Reading every page stores nothing; only the colour switch, 'Remember' and 'Save' store anything."""
    page = browser_context.new_page()
    for address in page_addresses(site):
        page.goto(site_server + address)
        assert page.evaluate("Object.keys(localStorage).length + Object.keys(sessionStorage).length") == 0, address
    assert browser_context.cookies() == []



def test_search_loads_only_when_opened_and_then_finds_pages(browser_context, site_server):
    """Reading a page downloads no search index; pressing "/" opens the search, which then finds pages."""
    asked = []
    browser_context.on("request", lambda request: asked.append(request.url))
    page = browser_context.new_page()
    page.goto(site_server + "key-messages/", wait_until="networkidle")
    search_parts = ("search/search_index.json", "/workers/search.")
    assert [url for url in asked if any(part in url for part in search_parts)] == []
    page.keyboard.press("/")
    page.keyboard.type("consent")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    assert results.count() > 0
    assert all(any(part in url for url in asked) for part in search_parts)

# How both scripts below name an element, so that "focused" and "reachable" compare like with like.
# Tab stops once in a group of radio buttons (the arrow keys move within it), so a group is one name.
ELEMENT_KEY = """const elementKey = e => {
    if (e.type === 'radio') { return 'radio group|' + e.name; }
    const path = [];
    for (let n = e; n && n !== document.body; n = n.parentElement) {
        path.unshift(n.tagName.toLowerCase() + (n.id ? '#' + n.id : ''));
    }
    return path.join('>') + '|' + (e.getAttribute('href') || e.name || e.id || e.textContent.trim().slice(0, 30));
};"""

FOCUS_STATE = "() => {" + ELEMENT_KEY + """
    const e = document.activeElement;
    // A visually hidden input (the theme's colour switch) shows its focus on the label that follows it.
    const next = e.nextElementSibling;
    const shown = (getComputedStyle(e).opacity === '0' && next && next.tagName === 'LABEL') ? next : e;
    const style = getComputedStyle(shown);
    return {key: elementKey(e), tag: e.tagName, text: e.textContent.trim().slice(0, 40),
            visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'};
}"""

REACHABLE = "() => {" + ELEMENT_KEY + """
    return Array.from(document.querySelectorAll(
            'a[href], button, input, textarea, select, summary, [tabindex]:not([tabindex="-1"])'))
        .filter(e => !e.disabled && e.checkVisibility({visibilityProperty: true}) && e.getClientRects().length > 0
                     && !e.closest('[inert], .md-search__output, .md-search__options') && e.tabIndex >= 0)
        .map(elementKey);
}"""


def test_keyboard_reaches_every_link_and_control_with_visible_focus_and_skip_link(browser, site, site_server):
    """On every page, Tab starts at a working skip link, reaches every visible link and control, and focus shows."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], bypass_csp=True)
    failures = []
    try:
        page = context.new_page()
        page.set_default_timeout(10000)
        for address in page_addresses(site):
            page.goto(site_server + address)
            if page.evaluate("document.querySelectorAll('[tabindex]:not([tabindex=\"-1\"]):not([tabindex=\"0\"])').length"):
                failures.append(f"{address}: a positive tabindex changes the natural order")
            reachable = set(page.evaluate(REACHABLE))
            page.keyboard.press("Tab")
            first = page.evaluate(FOCUS_STATE)
            # The theme's "page not found" page has no headings, so no skip link: it has nothing to skip to.
            has_skip_link = address != "404.html"
            if has_skip_link and first["text"] != "Skip to content":
                failures.append(f"{address}: the first Tab goes to {first['text']!r}, not the skip link")
            visited = []
            for _ in range(len(reachable) * 2 + 20):
                state = page.evaluate(FOCUS_STATE)
                if state["tag"] == "BODY" or (visited and state["key"] == visited[0]):
                    break
                if not state["visible"]:
                    failures.append(f"{address}: no visible focus on {state['key']}")
                visited.append(state["key"])
                page.keyboard.press("Tab")
            missed = reachable - set(visited)
            if missed:
                failures.append(f"{address}: Tab never reaches {sorted(missed)}")
            if not has_skip_link:
                continue
            page.goto(site_server + address)
            page.keyboard.press("Tab")
            target = page.evaluate("document.activeElement.getAttribute('href')")
            page.keyboard.press("Enter")
            page.wait_for_function(f"location.hash === {target!r}", timeout=5000)
            if not page.evaluate(f"!!document.querySelector('.md-content {target}')"):
                failures.append(f"{address}: the skip link goes to {target}, which is not in the page's content")
    finally:
        context.close()
    assert not failures, "\n".join(failures)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast between two CSS colours given as rgb(...) or rgba(...) (alpha ignored: both are opaque here)."""
    def luminance(colour: str) -> float:
        red, green, blue = (int(float(part)) / 255 for part in colour[colour.index("(") + 1:-1].split(",")[:3])
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_links_and_buttons_keep_their_contrast_on_hover_and_focus(browser, site_server, scheme):
    """A link and a button take the accent colour when pointed at or focused; it stays at 4.5:1 or more against the
    page (axe checks only the resting state)."""
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS["desktop"])
    try:
        page = context.new_page()
        page.goto(site_server)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        link = page.locator("article .grid.cards a[href]").first
        link.hover()
        button = page.locator("article a.md-button").first
        button.focus()
        page.wait_for_timeout(400)  # the theme fades colours in over a fraction of a second
        # Text against its own background where it has one (a filled button), else against the page.
        own = "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
        pairs = {"link on hover": link.evaluate(own), "button on focus": button.evaluate(own)}
    finally:
        context.close()
    ratios = {name: contrast_ratio(text, fill if not fill.startswith("rgba") or not fill.endswith(", 0)") else background)
              for name, (text, fill) in pairs.items()}
    low = {name: round(ratio, 2) for name, ratio in ratios.items() if ratio < 4.5}
    assert not low, f"below 4.5:1: {low} ({pairs}, page {background})"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_colour_scheme_still_has_its_colours_after_the_palette_is_pruned(browser, site_server, scheme):
    """The page is white in light and dark in dark, and the header bar is a colour of its own with readable text
    (the theme's palette stylesheet keeps only the colours in use, so a wrong cut would show here)."""
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS["desktop"])
    try:
        page = context.new_page()
        page.goto(site_server)
        colours = page.evaluate("""() => {
          const header = getComputedStyle(document.querySelector('.md-header'));
          return {page: getComputedStyle(document.body).backgroundColor, bar: header.backgroundColor,
                  barText: header.color, scheme: document.body.dataset.mdColorScheme};
        }""")
    finally:
        context.close()
    white, black = "rgb(255, 255, 255)", "rgb(0, 0, 0)"
    assert colours["scheme"] == {"light": "default", "dark": "slate"}[scheme]
    assert contrast_ratio(colours["page"], black if scheme == "light" else white) > 12, colours
    assert contrast_ratio(colours["bar"], colours["page"]) > 1.5, colours
    assert contrast_ratio(colours["bar"], colours["barText"]) >= 4.5, colours
