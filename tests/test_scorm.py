"""The SCORM 1.2 package: what an LMS reads from the zip, and what the quiz tells an LMS in a real browser."""
from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

import pytest
from bs4 import BeautifulSoup

from macros.export.scorm import LAUNCH_PAGE, PACKAGE_NAME, main, published_book

from .conftest import serve_folder
from .test_training_browser import CONTENT, QUESTIONS, answer

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
PASS_MARK = CONTENT.training.quiz.pass_mark


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> zipfile.ZipFile:
    """The package as `make scorm` writes it."""
    out = tmp_path_factory.mktemp("dist") / PACKAGE_NAME
    assert main(["--out", str(out)]) == 0
    with zipfile.ZipFile(out) as package:
        yield package


@pytest.fixture(scope="module")
def manifest(package) -> ET.Element:
    return ET.fromstring(package.read("imsmanifest.xml"))


@pytest.fixture(scope="module")
def launch_page(package) -> BeautifulSoup:
    return BeautifulSoup(package.read(LAUNCH_PAGE).decode("utf-8"), "html.parser")


def test_manifest_is_at_the_root_with_scorm_12_metadata(package, manifest):
    """imsmanifest.xml sits at the zip's root, is well-formed XML and says ADL SCORM 1.2."""
    assert "imsmanifest.xml" in package.namelist()
    assert manifest.tag == f"{CP}manifest"
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"


def test_manifest_has_one_sco_that_the_default_organisation_launches(manifest):
    """One resource, a SCO launched from the quiz page; the default organisation's item points to it."""
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    assert len(resources) == 1
    sco = resources[0]
    assert sco.get(f"{ADLCP}scormtype") == "sco" and sco.get("href") == LAUNCH_PAGE
    organizations = manifest.find(f"{CP}organizations")
    default = [org for org in organizations.findall(f"{CP}organization")
               if org.get("identifier") == organizations.get("default")]
    assert len(default) == 1
    items = default[0].findall(f"{CP}item")
    assert [item.get("identifierref") for item in items] == [sco.get("identifier")]
    assert items[0].findtext(f"{CP}title") == f"{CONTENT.guide.guide.title}: {CONTENT.training.quiz.title}"


def test_manifest_lists_every_file_in_the_zip_and_nothing_else(package, manifest):
    """Every file in the zip but the manifest is listed in the SCO's resource, and every listed file is there."""
    listed = [file.get("href") for file in manifest.iter(f"{CP}file")]
    assert sorted(listed) == sorted(set(package.namelist()) - {"imsmanifest.xml"})


def test_the_page_uses_only_files_in_the_zip_by_relative_paths(package, launch_page):
    """Every stylesheet and script the quiz page loads is in the zip, named by a relative path."""
    used = [link["href"] for link in launch_page.select("link[rel=stylesheet]")]
    used += [script["src"] for script in launch_page.select("script[src]")]
    assert used, "the page loads no files"
    for path in used:
        assert not path.startswith(("/", "http:", "https:", "//")), path
        assert path in package.namelist(), f"{path} is not in the package"
    for script in launch_page.select("script:not([src])"):
        pytest.fail(f"an inline script would need its own CSP hash: {script}")


def test_the_page_has_every_question_and_no_link_to_a_page_outside_the_zip(launch_page):
    """The quiz page has every question; its links go to other sites or within the page, never to missing pages."""
    assert [fieldset["id"] for fieldset in launch_page.select("fieldset.quiz-question")] == [q.id for q in QUESTIONS]
    for link in launch_page.select("a[href]"):
        assert link["href"].startswith(("https://", "http://", "mailto:", "#")), link


def test_links_to_the_guide_go_to_the_published_site_or_are_left_as_names():
    """With a site address the package links to the published pages; without one, parts are named, not linked."""
    book = {"record-the-decision": ("key-messages.md#record-the-decision", "Record the decision"),
            "home": ("index.md", "Home")}
    assert published_book(book, "https://guide.example.org/sharing/") == {
        "record-the-decision": ("https://guide.example.org/sharing/key-messages/#record-the-decision",
                                "Record the decision"),
        "home": ("https://guide.example.org/sharing/", "Home")}
    assert published_book(book, None) == {"record-the-decision": (None, "Record the decision"), "home": (None, "Home")}


def test_the_page_tells_people_what_the_lms_records(launch_page):
    """The note about what is sent to the LMS is on the package's page (and only there: the site says nothing is sent)."""
    note = launch_page.select_one(".quiz-lms-note")
    assert note is not None and "score" in note.get_text()


# ---- In a browser, inside an LMS's frames ----

FAKE_LMS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake LMS</title>
<script>
  // A SCORM 1.2 API that records every call, as an LMS's would receive them.
  window.calls = [];
  var data = {"cmi.core.lesson_status": "not attempted"};
  function record(name, args, result) {
    window.calls.push([name].concat(Array.prototype.slice.call(args)));
    return result;
  }
  window.API = {
    LMSInitialize: function () { return record("LMSInitialize", arguments, "true"); },
    LMSFinish: function () { return record("LMSFinish", arguments, "true"); },
    LMSGetValue: function (key) { return record("LMSGetValue", arguments, data[key] || ""); },
    LMSSetValue: function (key, value) { data[key] = value; return record("LMSSetValue", arguments, "true"); },
    LMSCommit: function () { return record("LMSCommit", arguments, "true"); },
    LMSGetLastError: function () { return "0"; },
    LMSGetErrorString: function () { return ""; },
    LMSGetDiagnostic: function () { return ""; }
  };
</script></head>
<body><iframe name="player" title="Course player" src="player.html" width="1200" height="800"></iframe></body></html>
"""
# The LMS's own course player: the SCO sits one frame further down, so the API is found by walking up.
PLAYER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Player</title></head>
<body><iframe name="sco" title="Quiz" src="index.html" width="1180" height="780"></iframe></body></html>
"""


@pytest.fixture(scope="module")
def lms_server(package, tmp_path_factory):
    """The unpacked package served on 127.0.0.1, next to a fake LMS page with a recording SCORM API."""
    folder = tmp_path_factory.mktemp("lms")
    package.extractall(folder)
    (folder / "lms.html").write_text(FAKE_LMS, encoding="utf-8")
    (folder / "player.html").write_text(PLAYER, encoding="utf-8")
    with serve_folder(folder) as address:
        yield address


@pytest.fixture
def lms_page(browser_context, lms_server):
    """The fake LMS with the quiz loaded in its player; errors and policy violations are collected."""
    page = browser_context.new_page()
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(f"script error: {error}"))
    page.goto(lms_server + "lms.html")
    page.wait_for_function("window.calls.length > 0")
    return page


def sco_frame(page):
    frame = page.frame(name="sco")
    frame.wait_for_selector(".quiz-controls:not([hidden])")
    return frame


def calls(page) -> list[list[str]]:
    return page.evaluate("window.calls")


def set_values(page) -> dict[str, str]:
    return {call[1]: call[2] for call in calls(page) if call[0] == "LMSSetValue"}


def test_the_quiz_starts_an_lms_session_and_marks_it_incomplete(lms_page):
    """On opening, the SCO finds the API two frames up, initialises, and marks a new attempt incomplete."""
    sco_frame(lms_page)
    assert calls(lms_page)[:4] == [["LMSInitialize", ""], ["LMSGetValue", "cmi.core.lesson_status"],
                                   ["LMSSetValue", "cmi.core.lesson_status", "incomplete"], ["LMSCommit", ""]]


def test_a_full_score_is_sent_as_passed_then_the_session_finishes(lms_page):
    """Every answer right, then 'Check all answers': score 100 of 0-100, passed, committed; leaving finishes."""
    frame = sco_frame(lms_page)
    for question in QUESTIONS:
        answer(frame, question)
    frame.click("#quiz-check-all")
    assert frame.locator("#quiz-result").inner_text().startswith(f"{len(QUESTIONS)} of {len(QUESTIONS)} correct.")
    assert set_values(lms_page) == {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "100",
                                    "cmi.core.score.min": "0", "cmi.core.score.max": "100"}
    assert calls(lms_page)[-1] == ["LMSCommit", ""]
    assert not [call for call in calls(lms_page) if call[0] == "LMSFinish"]
    lms_page.evaluate("document.querySelector('iframe').src = 'about:blank'")
    lms_page.wait_for_function("window.calls.some(call => call[0] === 'LMSFinish')")
    assert [call for call in calls(lms_page) if call[0] == "LMSFinish"] == [["LMSFinish", ""]]
    assert lms_page.errors == []


@pytest.mark.parametrize("right_answers", sorted({0, PASS_MARK - 1, PASS_MARK}))
def test_the_score_is_a_percentage_and_the_pass_mark_decides_passed_or_failed(lms_page, right_answers):
    """With some answers wrong, the raw score is the percentage right; below the pass mark it is 'failed'."""
    frame = sco_frame(lms_page)
    for number, question in enumerate(QUESTIONS):
        answer(frame, question, right=number < right_answers)
    frame.click("#quiz-check-all")
    values = set_values(lms_page)
    assert values["cmi.core.score.raw"] == str(round(100 * right_answers / len(QUESTIONS)))
    assert values["cmi.core.lesson_status"] == ("passed" if right_answers >= PASS_MARK else "failed")


def test_a_second_try_replaces_the_score(lms_page):
    """'Try again' then checking again sends the new score and status, committed again."""
    frame = sco_frame(lms_page)
    for question in QUESTIONS:
        answer(frame, question)
    frame.click("#quiz-check-all")
    frame.click("#quiz-reset")
    answer(frame, QUESTIONS[0])
    frame.click("#quiz-check-all")
    assert set_values(lms_page)["cmi.core.lesson_status"] == "failed"
    assert set_values(lms_page)["cmi.core.score.raw"] == str(round(100 / len(QUESTIONS)))
    assert [call[0] for call in calls(lms_page)].count("LMSCommit") == 3


def test_without_an_lms_the_packaged_quiz_works_as_on_the_site(browser_context, lms_server):
    """Opened on its own, the package's quiz scores as the site's does and nothing fails for want of an API."""
    page = browser_context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"script error: {error}"))
    page.goto(lms_server + LAUNCH_PAGE)
    for question in QUESTIONS:
        answer(page, question)
    page.click("#quiz-check-all")
    assert page.locator("#quiz-result").inner_text().startswith(f"{len(QUESTIONS)} of {len(QUESTIONS)} correct. You reached the pass mark")
    assert errors == []
    assert page.evaluate("Object.keys(localStorage).length") == 0


def test_the_packaged_quiz_page_has_no_accessibility_violations(browser, lms_server):
    """axe-core finds nothing on the package's quiz page, as on every page of the site."""
    from .test_quality_gate import AXE_SCRIPT, describe

    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(lms_server + LAUNCH_PAGE)
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
        violations = page.evaluate("axe.run(document).then(results => results.violations)")
    finally:
        context.close()
    assert not violations, describe(violations)


def test_the_site_itself_neither_ships_nor_loads_the_scorm_glue(site):
    """scorm.js is only in the package: no built page loads it and the site has no copy."""
    assert not list(site.folder.rglob("scorm.js"))
    for address in site.addresses():
        assert not site.page(address).select("script[src*='scorm']"), address
