"""The decision aid in a real browser: every path walked by clicking, by links without scripts, and by keyboard."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from macros.loading import load_content

from .conftest import ROOT
from .helpers import decision_paths, plain_text
from .test_quality_gate import AXE_SCRIPT, describe

AID = load_content(ROOT).decision_aid
PATHS = decision_paths(AID)
PAGE = f"{AID.id}/"


def path_id(path) -> str:
    return path[1].id


def answer_link(page, question, answer):
    """The link for one answer to one question, found by its exact words as a person reads them."""
    return page.locator(f"#{question.id} .decision-answers").get_by_role("link", name=plain_text(answer.answer),
                                                                          exact=True)


def visible_steps(page) -> list[str]:
    return page.eval_on_selector_all(".decision-step", "steps => steps.filter(s => s.checkVisibility()).map(s => s.id)")


def focused_heading(page) -> str:
    return page.evaluate("document.activeElement.closest('.decision-step') && "
                         "document.activeElement.tagName + '#' + document.activeElement.closest('.decision-step').id")


def expect_outcome_shown(page, outcome):
    """Only the outcome's step is shown, headed with its title, with a link to each rule it names."""
    assert visible_steps(page) == [outcome.id]
    heading = page.locator(f"#{outcome.id} h3")
    expect(heading).to_contain_text(f"What to do: {plain_text(outcome.title)}")
    assert page.locator(f"#{outcome.id} .see-also a:visible").count() == len(outcome.rules) + len(outcome.messages)


@pytest.fixture
def aid_page(browser_context, site_server):
    page = browser_context.new_page()
    page.goto(site_server + PAGE)
    return page


@pytest.mark.parametrize("path", PATHS, ids=path_id)
def test_clicking_the_answers_of_each_path_shows_one_step_at_a_time_and_ends_at_its_outcome(aid_page, path):
    """Clicking each answer shows only the next step, focuses its heading, lists the answers so far, then the outcome."""
    taken, outcome = path
    assert visible_steps(aid_page) == [AID.start]
    assert not aid_page.locator(".decision-path").is_visible()
    assert not aid_page.locator(".decision-controls").is_visible()
    for number, (question, answer) in enumerate(taken, start=1):
        assert visible_steps(aid_page) == [question.id]
        answer_link(aid_page, question, answer).click()
        assert focused_heading(aid_page) == f"H3#{answer.next}"
        entries = aid_page.locator("#decision-path-list li")
        expect(entries).to_have_count(number)
        assert entries.nth(number - 1).inner_text() == (f"{plain_text(question.question)} Your answer: "
                                                        f"{plain_text(answer.answer)}.")
    expect_outcome_shown(aid_page, outcome)
    expect(aid_page.locator("#decision-announcer")).to_have_text(
        f"You answered {plain_text(taken[-1][1].answer)}. This is what to do.")


def test_back_returns_to_the_last_question_and_start_again_to_the_first(aid_page):
    """Back undoes the last answer; Start again clears the path and shows the first question."""
    taken, outcome = max(PATHS, key=lambda path: len(path[0]))
    for question, answer in taken:
        answer_link(aid_page, question, answer).click()
    aid_page.click("#decision-back")
    assert visible_steps(aid_page) == [taken[-1][0].id]
    assert focused_heading(aid_page) == f"H3#{taken[-1][0].id}"
    expect(aid_page.locator("#decision-path-list li")).to_have_count(len(taken) - 1)
    aid_page.click("#decision-restart")
    assert visible_steps(aid_page) == [AID.start]
    expect(aid_page.locator("#decision-path-list li")).to_have_count(0)
    assert not aid_page.locator(".decision-path").is_visible()
    assert not aid_page.locator(".decision-controls").is_visible()
    expect(aid_page.locator("#decision-announcer")).to_have_text("Started again from the first question.")


@pytest.mark.parametrize("outcome", AID.outcomes, ids=lambda outcome: outcome.id)
def test_a_link_to_an_outcome_opens_that_outcome(browser_context, site_server, outcome):
    """An address ending #outcome-id, as an intranet page might link to, shows that outcome."""
    page = browser_context.new_page()
    page.goto(f"{site_server}{PAGE}#{outcome.id}")
    expect_outcome_shown(page, outcome)


@pytest.mark.parametrize("path", PATHS, ids=path_id)
def test_without_javascript_each_path_can_be_followed_by_links(browser, site_server, path):
    """With scripts off, every step is on the page; answer links go from step to step down to the outcome, and its
    Start again link goes back to the first question."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + PAGE)
        assert sorted(visible_steps(page)) == sorted(node.id for node in (*AID.questions, *AID.outcomes))
        taken, outcome = path
        for question, answer in taken:
            answer_link(page, question, answer).click()
            page.wait_for_function(f"location.hash === '#{answer.next}'")
        assert page.locator(f"#{outcome.id} h3").inner_text().startswith(f"What to do: {plain_text(outcome.title)}")
        assert page.locator(f"#{outcome.id}").evaluate("e => e.getBoundingClientRect().top < innerHeight")
        page.locator(f"#{outcome.id}").get_by_role("link", name="Start again", exact=True).click()
        page.wait_for_function(f"location.hash === '#{AID.start}'")
    finally:
        context.close()


@pytest.mark.parametrize("path", PATHS, ids=path_id)
def test_each_path_can_be_walked_with_the_keyboard_alone(aid_page, path):
    """Tab to the answer and press Enter at each question; focus lands on each new heading, then Back works by key."""
    taken, outcome = path
    for question, answer in taken:
        for _ in range(60):
            aid_page.keyboard.press("Tab")
            focused = aid_page.evaluate("[document.activeElement.textContent.trim(), "
                                        "!!document.activeElement.closest('.decision-answers'), "
                                        "getComputedStyle(document.activeElement).outlineStyle]")
            if focused[1] and focused[0] == plain_text(answer.answer):
                assert focused[2] != "none", "no visible focus on the answer"
                break
        else:
            pytest.fail(f"Tab never reached the answer {answer.answer!r} to {question.id}")
        aid_page.keyboard.press("Enter")
        assert focused_heading(aid_page) == f"H3#{answer.next}"
    expect_outcome_shown(aid_page, outcome)
    assert not aid_page.locator(f"#{outcome.id} .decision-start-again").is_visible()
    for _ in range(60):
        aid_page.keyboard.press("Tab")
        if aid_page.evaluate("document.activeElement.id") == "decision-back":
            break
    aid_page.keyboard.press("Enter")
    assert visible_steps(aid_page) == [taken[-1][0].id]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_at_an_outcome_with_the_path_shown(browser, site_server, scheme):
    """With an outcome, the path so far and the Back button showing, axe-core still finds no violations."""
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(site_server + PAGE)
        taken, outcome = max(PATHS, key=lambda path: len(path[0]))
        for question, answer in taken:
            answer_link(page, question, answer).click()
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
        violations = page.evaluate("axe.run(document).then(results => results.violations)")
        assert not violations, describe(violations)
    finally:
        context.close()


def test_printed_the_flowchart_fits_on_one_a4_page(browser_context, site_server):
    """In print, the picture is no wider and no taller than an A4 page inside the browser's print margins."""
    page = browser_context.new_page()
    # A4 at 96 dots an inch (794 by 1123) less Chromium's default print margins of about 1 cm each side.
    width, height = 794 - 2 * 38, 1123 - 2 * 38
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site_server + f"{AID.id}-print/")
    page.emulate_media(media="print")
    box = page.locator("svg.decision-flowchart").bounding_box()
    assert box["width"] <= width and box["height"] <= height, box
    assert page.locator("svg.decision-flowchart text").first.is_visible()
