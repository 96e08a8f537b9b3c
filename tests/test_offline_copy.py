"""The offline copy (`make offline`): unzipped into a folder and opened from the file system, with no server."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from macros.offline import FOLDER_NAME

from .conftest import ROOT, BuiltSite, run_mkdocs_build
from .helpers import decision_paths, plain_text, visible_text
from .test_quality_gate import VNU

# Addresses a page opened from the file system may use: its own files, and what scripts make in memory.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """The zip `make offline` makes, built once by the same command."""
    target = tmp_path_factory.mktemp("offline") / "information-sharing-guide.zip"
    result = subprocess.run([sys.executable, "-m", "macros.offline", str(target)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"the offline copy did not build:\n{result.stdout}\n{result.stderr}"
    return target


@pytest.fixture(scope="session")
def offline_folder(offline_zip, tmp_path_factory) -> Path:
    """The zip unpacked into a temporary folder, as a person would unzip it: the folder holding index.html."""
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return folder / FOLDER_NAME


@pytest.fixture(scope="session")
def published_site(offline_zip, tmp_path_factory) -> BuiltSite:
    """The site built as `make publish` builds it: with the offline copy's zip named in GUIDE_OFFLINE_ZIP."""
    folder = tmp_path_factory.mktemp("published")
    result = run_mkdocs_build(ROOT, folder, {"GUIDE_OFFLINE_ZIP": str(offline_zip)})
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(folder)


def test_the_zip_unpacks_into_one_folder_that_opens_at_index_html(offline_zip, offline_folder):
    """Every file in the zip sits in one folder, which has index.html and a page file for each page."""
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert {name.split("/")[0] for name in names} == {FOLDER_NAME}
    for page in ("index.html", "quiz.html", "what-does-this-mean-for-me.html", "search/search_index.js"):
        assert f"{FOLDER_NAME}/{page}" in names
    home = BeautifulSoup((offline_folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select("a[href$='.zip']") == [], "the offline copy offers itself for download"


def test_the_home_page_offers_the_offline_copy_only_when_it_is_published(site, published_site, offline_zip, content):
    """Published with the zip, the home page links to it, with its size, and says how to use it; otherwise not."""
    assert site.page("").select("a[href$='.zip']") == []
    words = content.site.offline_copy
    article = published_site.page("").select_one("article")
    links = article.select("a[href$='.zip']")
    assert [visible_text(link) for link in links] == [
        f"{words.link} (ZIP, {round(offline_zip.stat().st_size / 1024)} KB)"]
    assert (published_site.folder / links[0]["href"]).read_bytes() == offline_zip.read_bytes()
    assert plain_text(words.heading) in visible_text(article)
    assert plain_text(words.how_to_use) in visible_text(article)


def test_the_published_home_page_and_every_offline_page_are_valid_html(published_site, offline_folder):
    """The Nu Html Checker finds no errors in the home page with the download link, nor in the offline copy."""
    java = shutil.which("java")
    assert java and VNU.is_file(), "`make test` installs java and vnu-jar"
    pages = [published_site.file_for(""), *sorted(offline_folder.rglob("*.html"))]
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "gnu", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_publishing_without_the_zip_stops_the_build_and_says_how_to_make_it(tmp_path):
    """GUIDE_OFFLINE_ZIP naming no file fails the build with a message saying to run `make offline`."""
    result = run_mkdocs_build(ROOT, tmp_path / "site", {"GUIDE_OFFLINE_ZIP": str(tmp_path / "missing.zip")})
    assert result.returncode != 0
    assert "missing.zip, which is not a file: run `make offline` first" in result.stdout + result.stderr


def test_every_link_and_file_a_page_names_is_in_the_copy(offline_folder):
    """Every address in every page (links, scripts, styles, images) opens a file inside the unzipped folder."""
    missing = []
    for file in sorted(offline_folder.rglob("*.html")):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("[href], [src]"):
            address = element.get("href") or element.get("src")
            parts = urlsplit(address)
            if parts.scheme or address.startswith("#"):
                continue
            target = (file.parent / unquote(parts.path)).resolve()
            if not target.is_file() or offline_folder.resolve() not in target.parents:
                missing.append(f"{file.name}: {address}")
    assert missing == []


def test_the_offline_copy_names_no_other_host_for_any_script_or_style(offline_folder):
    """No page loads a script, style or image from anywhere but the copy itself."""
    foreign = []
    for file in sorted(offline_folder.rglob("*.html")):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        foreign += [f"{file.name}: {element.get('src') or element.get('href')}"
                    for element in soup.select("script[src], link[href], img[src]")
                    if urlsplit(element.get("src") or element.get("href")).scheme not in ("", "data")]
    assert foreign == []


def test_from_the_file_system_the_quiz_search_and_reflection_all_work(browser_context, offline_folder, content):
    """Opened from file://: the navigation reaches the quiz, full marks show, search finds and opens a page,
    the reflection takes notes, and the privacy button clears storage; nothing is asked of any other host,
    and the Content-Security-Policy blocks nothing."""
    requests, errors = [], []
    browser_context.on("request", lambda request: requests.append(request.url))
    browser_context.add_init_script(
        "window.addEventListener('securitypolicyviolation', e => console.error("
        "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI), true);")
    page = browser_context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"script error: {error}"))
    navigation = page.locator(".md-sidebar--primary")
    quiz, reflection = content.training.quiz, content.guide.meaning_for_me

    page.goto((offline_folder / "index.html").as_uri())
    assert page.locator(".md-content h1").inner_text().startswith(content.guide.guide.title)

    navigation.get_by_role("link", name=quiz.title, exact=True).click()
    assert page.url == (offline_folder / "quiz.html").as_uri()
    for question in quiz.questions:
        for number, option in enumerate(question.options, start=1):
            if option.correct:
                page.click(f"label[for='{question.id}-option-{number}']")
    page.click("#quiz-check-all")
    total = len(quiz.questions)
    assert page.locator("#quiz-result").inner_text().startswith(f"{total} of {total} correct. You reached the pass mark")

    # From the file system the theme reads its index with a script tag on every page, which theme-behaviour.js
    # does not hold back (a read from the disk, not a download); the search program still waits to be wanted.
    search_files = ("/search/search_index.js", "/workers/search.")
    assert not [url for url in requests if search_files[1] in url], "the search program started unasked"
    page.click(".md-search__input")
    page.keyboard.type("consent")
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=10000)
    heading = result.locator("h1, h2").first.inner_text()
    result.click()
    page.wait_for_load_state()
    assert page.url.startswith(offline_folder.as_uri() + "/") and ".html" in page.url
    assert page.locator(f".md-content :is(h1, h2):has-text({heading!r})").count() > 0

    page.goto((offline_folder / "index.html").as_uri())
    navigation.get_by_role("link", name=reflection.title, exact=True).click()
    assert page.url == (offline_folder / "what-does-this-mean-for-me.html").as_uri()
    page.check("#reflection-save")
    page.locator("textarea").first.fill("A note kept on this device")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    assert len(page.evaluate("Object.keys(localStorage)")) >= 2

    page.get_by_role("link", name=content.about.privacy.title, exact=True).first.click()
    page.click("#clear-all-storage")
    assert page.evaluate("Object.keys(localStorage)") == []

    assert [url for url in requests if not url.startswith(LOCAL_SCHEMES)] == []
    assert all(any(part in url for url in requests) for part in search_files)
    assert errors == []


def test_from_the_file_system_a_walk_through_the_decision_aid_makes_its_record(browser, offline_folder, content,
                                                                               tmp_path):
    """Opened from file://: walking to "refer now" and making the record fills in the answers; it copies and
    downloads as the same text; nothing is stored, nothing is asked of any other host, and the policy blocks
    nothing."""
    aid, record = content.decision_aid, content.decision_aid.record
    taken, outcome = next(path for path in decision_paths(aid) if path[1].urgency == "refer-now")
    context = browser.new_context(accept_downloads=True, permissions=["clipboard-read", "clipboard-write"])
    requests, errors = [], []
    context.on("request", lambda request: requests.append(request.url))
    context.add_init_script(
        "window.addEventListener('securitypolicyviolation', e => console.error("
        "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI), true);")
    try:
        page = context.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(f"script error: {error}"))
        page.goto((offline_folder / f"{aid.id}.html").as_uri())
        for question, answer in taken:
            page.locator(f"#{question.id} .decision-answers").get_by_role(
                "link", name=plain_text(answer.answer), exact=True).click()
        page.locator(f"#{outcome.id}").get_by_role("link", name=plain_text(record.make)).click()
        assert page.locator(".record-path li").all_inner_texts() == [
            f"{plain_text(question.question)} {plain_text(record.answer)} {plain_text(answer.answer)}"
            for question, answer in taken]
        page.fill("#record-shared", "Shared from the offline copy")
        page.click("#record-copy")
        expect(page.locator("#record-announcer")).to_have_text(plain_text(record.messages.copied))
        text = page.evaluate("navigator.clipboard.readText()")
        assert "Shared from the offline copy" in text and plain_text(outcome.title) in text
        with page.expect_download() as download:
            page.click("#record-download")
        download.value.save_as(tmp_path / "record.txt")
        assert (tmp_path / "record.txt").read_text(encoding="utf-8").replace("\r\n", "\n") == text
        assert page.evaluate("Object.keys(localStorage).length + Object.keys(sessionStorage).length") == 0
    finally:
        context.close()
    assert [url for url in requests if not url.startswith(LOCAL_SCHEMES)] == []
    assert errors == []
