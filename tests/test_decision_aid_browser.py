"""The decision aid in a real browser: every path walked by clicking, by links without scripts, and by keyboard."""
from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import expect

from macros.loading import load_content

from macros.render.contacts import URGENCIES_THAT_REFER
from macros.render.decision_aid import node_label

from .conftest import ROOT
from .helpers import decision_paths, plain_text
from .test_quality_gate import AXE_SCRIPT, describe

CONTENT = load_content(ROOT)
AID = CONTENT.decision_aid
PHONE = {"width": 375, "height": 740}
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
        # Every outcome shown at once, so that each urgency badge's colours are checked, not only this path's.
        page.evaluate("document.querySelectorAll('.decision-outcome').forEach(step => step.classList.add('is-current'))")
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
        violations = page.evaluate("axe.run(document).then(results => results.violations)")
        assert not violations, describe(violations)
    finally:
        context.close()


def in_first_screen(page, selector: str) -> bool:
    """Whether the first element matching `selector` is shown whole inside the window, without scrolling."""
    return page.locator(selector).first.evaluate(
        "e => { const box = e.getBoundingClientRect(); return e.checkVisibility() && box.top >= 0 && "
        "box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth; }")


@pytest.fixture
def phone(browser):
    """A 375 by 740 phone screen."""
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("size", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "desktop"])
def test_the_home_page_first_screen_says_999_the_plain_answer_where_to_report_and_the_aid(browser, site_server, size):
    """Without scrolling, on a phone and on a desktop: the 999 line, the quick answer to 'can I share without
    consent?', each front door's link, and the way into the decision aid."""
    context = browser.new_context(viewport=size)
    phone = context.new_page()
    phone.goto(site_server)
    answer = CONTENT.guide.guide.quick_answer
    expect(phone.locator(".emergency-line")).to_have_text(plain_text(answer.emergency))
    assert "999" in answer.emergency and in_first_screen(phone, ".emergency-line")
    expect(phone.get_by_role("heading", name=plain_text(answer.question))).to_be_visible()
    # (plain_text puts a space after the bold "Yes"; the page has none before the comma.)
    expect(phone.locator(".quick-answer")).to_contain_text(re.sub(r" ([,.;:])", r"\1", plain_text(answer.answer)))
    assert in_first_screen(phone, ".quick-answer")
    for door in CONTENT.edition.front_doors:
        link = phone.locator(".first-screen").get_by_role("link", name=door.link_text)
        assert link.evaluate("e => e.href") == door.url
        assert link.evaluate("e => e.getBoundingClientRect().bottom <= innerHeight"), door.id
    aid_link = phone.locator(".first-screen").get_by_role("link", name=plain_text(AID.title))
    assert aid_link.get_attribute("href") == PAGE and in_first_screen(phone, ".first-screen-aid")
    context.close()


@pytest.mark.parametrize("scripts", [True, False], ids=["with-scripts", "without-scripts"])
def test_on_a_phone_the_first_question_can_be_answered_without_scrolling(browser, site_server, scripts):
    """The 999 line and the short warning come first, and the first question's answer buttons are in view, with
    scripts or without; the full warning opens from its one line."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=scripts)
    phone = context.new_page()
    phone.goto(site_server + PAGE)
    assert in_first_screen(phone, ".decision-emergency")
    expect(phone.locator(".decision-emergency")).to_have_text(plain_text(AID.emergency))
    for answer in AID.nodes()[AID.start].answers:
        link = answer_link(phone, AID.nodes()[AID.start], answer)
        assert link.evaluate("e => e.getBoundingClientRect().bottom <= innerHeight"), answer.answer
    # The full warning opens from its one-line summary.
    summary = phone.locator(".decision-judgement summary")
    expect(summary).to_have_text(plain_text(AID.judgement_summary))
    expect(phone.get_by_text(plain_text(AID.judgement).split(";")[0])).to_be_hidden()
    summary.click()
    expect(phone.get_by_text(plain_text(AID.judgement).split(";")[0])).to_be_visible()
    context.close()


def test_each_outcome_shows_its_urgency_in_words_and_nothing_covers_it(phone, site_server):
    """Every outcome carries its urgency as a word with an icon; scrolled down and back up again (when the theme
    would offer "Back to top"), no other element sits over any of its text."""
    for outcome in AID.outcomes:
        phone.goto(f"{site_server}{PAGE}#{outcome.id}")
        badge = phone.locator(f"#{outcome.id} .urgency-badge")
        expect(badge).to_have_text(AID.urgency_words.word(outcome.urgency))
        assert badge.locator("svg").count() == 1
        # Scrolled down and back up to where the outcome's top is at the top of the window.
        phone.locator(f"#{outcome.id}").evaluate("e => scrollTo(0, e.getBoundingClientRect().top + scrollY - 100)")
        phone.mouse.wheel(0, 200)
        phone.wait_for_timeout(200)
        phone.mouse.wheel(0, -100)
        phone.wait_for_timeout(300)  # the theme shows its "Back to top" button after a scroll up
        covered = phone.locator(f"#{outcome.id}").evaluate("""step => {
            const covered = [];
            // The header stays at the top of the window: text scrolled up under it is not covered by it.
            const below = document.querySelector('.md-header').getBoundingClientRect().bottom;
            for (const part of step.querySelectorAll('h3, p, li')) {
                const box = part.getBoundingClientRect();
                const y = box.top + box.height / 2;
                if (y < below || y > innerHeight) continue;
                for (const x of [box.left + 5, box.left + box.width / 2, box.right - 5]) {
                    const top = document.elementFromPoint(x, y);
                    if (top && !step.contains(top)) covered.push(part.textContent.slice(0, 40) + ' under ' + top.className);
                }
            }
            return covered;
        }""")
        assert not covered, covered


def test_on_a_phone_every_box_of_the_flowchart_can_be_scrolled_into_view(phone, site_server):
    """The chart keeps its text readable and scrolls sideways, a visible line says so, and every question and
    outcome can be brought whole into the window."""
    phone.goto(site_server + PAGE + "#flowchart")
    expect(phone.locator(".flowchart-scroll-hint")).to_be_visible()
    region = phone.get_by_role("region", name="Flowchart picture, scrolls sideways")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    label_size = phone.locator(".decision-flowchart .flowchart-label").first.evaluate(
        "e => e.getBoundingClientRect().height / e.querySelectorAll('tspan').length")
    assert label_size >= 14, label_size
    boxes = phone.locator(".decision-flowchart g.flowchart-question, .decision-flowchart g.flowchart-outcome")
    assert boxes.count() == len(AID.questions) + len(AID.outcomes)
    for index in range(boxes.count()):
        box = boxes.nth(index)
        box.evaluate("e => e.scrollIntoView({block: 'center', inline: 'center'})")
        assert box.evaluate("e => { const b = e.getBoundingClientRect(); "
                            "return b.left >= 0 && b.right <= innerWidth && b.top >= 0 && b.bottom <= innerHeight; }"), index


def pdf_pages(page, address: str, folder) -> list[str]:
    """The printed page as an A4 PDF, read back as the text of each sheet (pdftotext, as a reader would see it)."""
    page.goto(address)
    page.emulate_media(media="print")
    pdf = folder / "printed.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(sheet.split()) for sheet in text.split("\f") if sheet.strip()]


def test_printed_the_flowchart_comes_first_alone_on_one_a4_page_and_no_outcome_is_split(browser_context, site_server,
                                                                                          tmp_path):
    """Printed to A4: page 1 is the title, the whole flowchart and its caption, nothing else; each outcome is whole
    on one page; the printout stays short."""
    sheets = pdf_pages(browser_context.new_page(), site_server + f"{AID.id}-print/", tmp_path)
    first = sheets[0]
    assert "Flowchart of the" in first and "The questions and answers" not in first
    for node in (*AID.questions, *AID.outcomes):
        # The first words of each box (the chart's lines are broken differently from the text's).
        assert " ".join(plain_text(node_label(node)).split()[:3]) in first, node.id
    assert all("Flowchart of the" not in sheet for sheet in sheets[1:])
    for outcome in AID.outcomes:
        opening = " ".join(plain_text(outcome.text).split()[:14])  # the heading's words are also in the lists
        holding = [number for number, sheet in enumerate(sheets) if opening in sheet]
        assert len(holding) == 1, (outcome.id, holding)
        assert f"What to do: {' '.join(plain_text(outcome.title).split()[:4])}" in sheets[holding[0]], outcome.id
        # Its sources line ("Source:" or "Sources:") is its last: on the same sheet as its opening, it is whole.
        assert re.search(r"Sources?:", sheets[holding[0]].split(opening, 1)[1]), f"{outcome.id} is split across pages"
    # Short for what it holds: the chart, two sheets of numbered questions, and about three outcomes to two sheets
    # (12 questions and 13 outcomes since December 2026, when the adults' questions were added: 11 sheets).
    assert len(sheets) <= 3 + len(AID.outcomes) * 2 // 3, len(sheets)


def test_on_a_phone_each_step_the_focus_moves_to_is_in_sight_below_the_header(phone, site_server):
    """Walking a path on a phone, each new question's or outcome's heading, which takes the focus, is not even
    partly under the sticky header (WCAG 2.4.11)."""
    phone.goto(site_server + PAGE)
    for question, answer in next(taken for taken, outcome in PATHS if outcome.urgency == "refer-now"):
        answer_link(phone, question, answer).click()
        box = phone.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); "
                             "return [r.top, document.querySelector('.md-header').getBoundingClientRect().bottom]; })()")
        heading_top, header_bottom = box
        assert heading_top >= header_bottom, f"after {question.id}: heading at {heading_top}, header ends at {header_bottom}"


URGENT_PATHS = {path[1].id: path for path in PATHS if path[1].urgency in URGENCIES_THAT_REFER}


@pytest.mark.parametrize("scripts", [True, False], ids=["with scripts", "without scripts"])
@pytest.mark.parametrize("outcome_id", sorted(URGENT_PATHS), ids=str)
def test_on_a_phone_the_urgent_outcomes_show_where_to_refer_on_their_first_screen(browser, site_server, outcome_id,
                                                                                scripts):
    """At 375 x 740, after the last answer of the shortest path to the emergency or refer-now outcome (or, without
    scripts, following its link), each front door (its numbers, or in a draft its link) and the line on what to do
    when it is closed are in the window, before the outcome's text."""
    taken, outcome = min((path for path in PATHS if path[1].id == outcome_id), key=lambda path: len(path[0]))
    context = browser.new_context(viewport=PHONE, java_script_enabled=scripts)
    try:
        page = context.new_page()
        page.goto(site_server + PAGE)
        for question, answer in taken:
            answer_link(page, question, answer).click()
        page.wait_for_timeout(300)  # the focus moves, and the page scrolls, after the click
        doors = page.locator(f"#{outcome.id} .front-doors")
        for door in CONTENT.edition.front_doors:
            contact = doors.get_by_role("link", name=door.link_text) if not door.confirmed else \
                doors.locator("a[href^='tel:']").first
            assert contact.evaluate("e => { const b = e.getBoundingClientRect(); return b.top >= 0 && "
                                    "b.bottom <= innerHeight; }"), f"{door.id} is not on the first screen"
        closed = doors.locator(".front-doors-closed")
        assert closed.evaluate("e => e.getBoundingClientRect().bottom <= innerHeight")
        text_top = page.locator(f"#{outcome.id} > p:not(.urgency-badge)").first.evaluate(
            "e => e.getBoundingClientRect().top")
        assert closed.evaluate("e => e.getBoundingClientRect().bottom") <= text_top
    finally:
        context.close()
