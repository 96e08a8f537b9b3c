"""The record of a decision in a real browser: made at the end of a walk through the decision aid, completed, copied,
printed and downloaded; kept only when asked; by keyboard alone; and on paper without scripts."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.loading import load_content

from .conftest import ROOT
from .helpers import decision_paths, plain_text, printed_by_button, printed_pages, squeeze
from .test_quality_gate import AXE_SCRIPT, describe

CONTENT = load_content(ROOT)
AID = CONTENT.decision_aid
RECORD = AID.record
PAGE = f"{AID.id}/"
PATHS = decision_paths(AID)
# The last lawful basis choice: not sure, with who was asked.
NOT_SURE = len(CONTENT.guide.key_messages.lawful_bases.bases) + 1
SIZES = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 800}}
# The three walks the issue names: an emergency, a referral, and sharing without a capable adult's agreement.
WALKS = {
    "emergency": next(path for path in PATHS if path[1].urgency == "emergency"),
    "refer-now": next(path for path in PATHS if path[1].urgency == "refer-now"),
    "share-without-agreement": next(path for path in PATHS if path[1].id == "share-without-agreement"),
}
# What the person types: a decision to share by phone, a referral, and one where the basis needed advice.
TYPED = {
    "record-shared": "Concern about bruising and what the child said, shared in full.",
    "record-with-whom": "Duty social worker, children's social care",
    "record-when-and-how": "2 December 2026, by phone, then by secure email",
    "record-advice": "Designated safeguarding lead: agreed.",
    "record-next-steps": "Follow up with the social worker by 4pm today.",
}


def stored(page) -> list[str]:
    return page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")


def walk(page, taken):
    """Answer each question on the path by clicking its answer, as a person would."""
    for question, answer in taken:
        page.locator(f"#{question.id} .decision-answers").get_by_role(
            "link", name=plain_text(answer.answer), exact=True).click()


def make_record(page, outcome):
    page.locator(f"#{outcome.id}").get_by_role("link", name=plain_text(RECORD.make)).click()
    expect(page.locator(".decision-record")).to_be_visible()


def open_record(page, site_server, name: str):
    """Walk to one of the WALKS by clicking its answers, then make its record; the walk taken and its outcome."""
    taken, outcome = WALKS[name]
    page.goto(site_server + PAGE)
    walk(page, taken)
    make_record(page, outcome)
    return taken, outcome


def fill(page, choose_basis: int, told: int, reasons=()):
    """Type into every box, and choose a lawful basis (its place in the list) and whether the person was told."""
    for ident, text in TYPED.items():
        page.fill(f"#{ident}", text)
    page.check(f"#record-basis-{choose_basis}")
    page.check(f"#record-told-{told}")
    for reason in reasons:
        page.check(f"#record-why-not-{reason}")


def shown_lines(page) -> list[str]:
    """The record as the page shows it, line by line: the heading, then each part's label and what it holds (its
    text, what was typed, what was chosen), read from the page; list markers are not part of the words."""
    lines = [page.locator(".decision-record h2").evaluate("h => h.firstChild.textContent.trim()")]
    parts = page.locator("#record-form .record-entry")
    for index in range(parts.count()):
        part = parts.nth(index)
        label = squeeze(part.locator(".record-label").first.inner_text())
        lines.append(label)
        boxes = part.locator("textarea, input[type='text']")
        if part.evaluate("e => e.tagName") == "FIELDSET":
            chosen = part.locator("input:checked")
            value = "; ".join(squeeze(part.locator(f"label[for='{chosen.nth(i).get_attribute('id')}']").inner_text())
                              + (" " + boxes.first.input_value() if boxes.count() and
                                 chosen.nth(i).get_attribute("id") == f"record-basis-{NOT_SURE}" else "")
                              for i in range(chosen.count()))
            lines.append(value)
        elif boxes.count():
            lines.append(boxes.first.input_value())
        else:
            lines += [squeeze(line) for line in part.locator(":scope > :not(.record-label)").evaluate_all(
                "els => els.filter(e => e.checkVisibility()).map(e => e.innerText).join('\\n')").split("\n")
                if line.strip()]
    return [line for line in lines if line]


def copied_lines(text: str) -> list[str]:
    """The copied text line by line, without list markers and the colon after each label."""
    labels = {f"{squeeze(label)}:" for label in page_labels()}
    lines = []
    for line in text.split("\n"):
        if not line.strip() or line == plain_text(RECORD.left_blank):
            continue
        line = re.sub(r"^(- |\d+\. )", "", line)
        lines.append(line[:-1] if line in labels else line)
    return lines


def page_labels() -> list[str]:
    return [plain_text(words) for words in (
        RECORD.made, RECORD.path, RECORD.outcome, RECORD.to_do, RECORD.rules, RECORD.sources, RECORD.shared.label,
        RECORD.with_whom.label, RECORD.when_and_how.label, RECORD.lawful_basis.label, RECORD.told.why_not,
        RECORD.told.other, RECORD.advice.label, RECORD.next_steps.label)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", WALKS)
def test_a_record_holds_the_walk_taken_and_copies_prints_and_downloads_as_shown(browser, site_server, tmp_path,
                                                                               name, size):
    """Walked by clicking, at a phone's size and a desktop's: the record shows exactly the questions answered, in
    order, each with its answer, and the outcome with what it says to do; the copied text is what the record shows;
    the download is the same text; print is the record alone on one A4 page; nothing is stored."""
    context = browser.new_context(viewport=SIZES[size], accept_downloads=True,
                                  permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        taken, outcome = open_record(page, site_server, name)
        expect(page.locator(".decision-record h2")).to_be_focused()
        assert page.locator(".record-path li").all_inner_texts() == [
            f"{plain_text(question.question)} {plain_text(RECORD.answer)} {plain_text(answer.answer)}"
            for question, answer in taken]
        outcome_part = squeeze(page.locator("[data-part='outcome'] .record-value").inner_text())
        assert outcome_part == (f"{plain_text(AID.urgency_words.word(outcome.urgency))}. What to do: "
                                f"{plain_text(outcome.title)}")
        # (plain_text puts a space after bold words; the page has none before the comma.)
        assert squeeze(page.locator("[data-part='to-do'] .record-value").inner_text()) == re.sub(
            r" ([,.;:])", r"\1", plain_text(outcome.text))
        assert re.match(r"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d$", page.input_value("#record-made"))
        fill(page, choose_basis={"emergency": 3, "refer-now": 1}.get(name, NOT_SURE), told=2, reasons=(1,))
        if name == "share-without-agreement":
            page.fill("#record-basis-who", "Our data protection officer")

        page.click("#record-copy")
        expect(page.locator("#record-announcer")).to_have_text(plain_text(RECORD.messages.copied))
        text = page.evaluate("navigator.clipboard.readText()")
        assert text.startswith(plain_text(RECORD.heading) + "\n\n")
        assert copied_lines(text) == shown_lines(page)
        assert f"{plain_text(RECORD.told.other)}:\n{plain_text(RECORD.left_blank)}" in text

        with page.expect_download() as download:
            page.click("#record-download")
        saved = tmp_path / "record.txt"
        download.value.save_as(saved)
        assert download.value.suggested_filename == f"{RECORD.id}.txt"
        assert saved.read_text(encoding="utf-8").replace("\r\n", "\n") == text

        sheets = printed_by_button(page, "#record-print", "is-printing-decision-record")
        assert len(sheets) == 1, f"{len(sheets)} sheets"
        for words in (plain_text(outcome.title), TYPED["record-next-steps"], plain_text(taken[-1][0].question)):
            assert words in sheets[0], words
        assert plain_text(RECORD.copy) not in sheets[0] and "The flowchart" not in sheets[0]
        assert stored(page) == []
    finally:
        context.close()


def test_the_record_is_kept_on_the_device_only_when_ticked_and_clearing_removes_it(browser_context, site_server):
    """Ticking 'keep' keeps the record, walk and all, after a reload; clearing empties it and removes it from the
    device; unticked, nothing is stored."""
    page = browser_context.new_page()
    taken, outcome = open_record(page, site_server, "refer-now")
    page.fill("#record-shared", "Not kept")
    assert stored(page) == []
    page.check("#record-keep")
    expect(page.locator("#record-announcer")).to_have_text(plain_text(RECORD.messages.kept))
    page.fill("#record-shared", "Kept until cleared")
    page.check("#record-told-1")
    page.reload()
    expect(page.locator(".decision-record")).to_be_visible()
    assert page.input_value("#record-shared") == "Kept until cleared" and page.is_checked("#record-told-1")
    assert page.is_checked("#record-keep")
    assert page.locator(".record-path li").count() == len(taken)
    assert page.locator(f"#{outcome.id}").is_visible()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#record-clear")
    expect(page.locator("#record-announcer")).to_have_text(plain_text(RECORD.messages.not_cleared))
    assert page.input_value("#record-shared") == "Kept until cleared"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#record-clear")
    expect(page.locator("#record-announcer")).to_have_text(plain_text(RECORD.messages.cleared))
    assert page.input_value("#record-shared") == "" and not page.is_checked("#record-told-1")
    assert stored(page) == []
    page.reload()
    expect(page.locator(".decision-record")).to_be_hidden()


def test_going_back_closes_the_record_and_keeps_what_was_typed_for_the_next(browser_context, site_server):
    """Back from the outcome hides the record, which no longer matches the walk; answering again and making the
    record again shows the new walk, with what was typed still there."""
    page = browser_context.new_page()
    taken, outcome = open_record(page, site_server, "share-without-agreement")
    page.fill("#record-next-steps", "Still here")
    page.click("#decision-back")
    expect(page.locator(".decision-record")).to_be_hidden()
    walk(page, taken[-1:])
    make_record(page, outcome)
    expect(page.locator(".record-path li")).to_have_count(len(taken))
    assert page.input_value("#record-next-steps") == "Still here"


def test_keyboard_alone_can_open_fill_copy_print_and_clear_the_record(browser, site_server):
    """From an outcome opened by its address, Tab and Enter, Space and typing make the record, fill a box, choose a
    basis, copy, print and clear it; every control shows where the focus is."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        outcome = WALKS["emergency"][1]
        page.goto(f"{site_server}{PAGE}#{outcome.id}")
        page.evaluate("window.print = () => { window.printed = true; }")

        def tab_to(selector: str):
            for _ in range(80):
                page.keyboard.press("Tab")
                if page.evaluate(f"document.activeElement.matches({selector!r})"):
                    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", selector
                    return
            pytest.fail(f"Tab never reached {selector}")

        tab_to(f"#{outcome.id} .decision-record-offer a")
        page.keyboard.press("Enter")
        expect(page.locator(".decision-record h2")).to_be_focused()
        expect(page.locator(".record-no-path")).to_have_text(plain_text(RECORD.no_path))
        tab_to("#record-shared")
        page.keyboard.type("Typed by keyboard")
        tab_to("#record-basis-1")
        page.keyboard.press("Space")
        assert page.is_checked("#record-basis-1")
        tab_to("#record-copy")
        page.keyboard.press("Enter")
        expect(page.locator("#record-announcer")).to_have_text(plain_text(RECORD.messages.copied))
        assert "Typed by keyboard" in page.evaluate("navigator.clipboard.readText()")
        tab_to("#record-print")
        page.keyboard.press("Enter")
        assert page.evaluate("window.printed === true")
        tab_to("#record-clear")
        page.once("dialog", lambda dialog: dialog.accept())
        page.keyboard.press("Enter")
        expect(page.locator("#record-announcer")).to_have_text(plain_text(RECORD.messages.cleared))
        assert page.input_value("#record-shared") == "" and not page.is_checked("#record-basis-1")
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_record_and_every_field_has_a_label(browser, site_server, scheme):
    """With a record open and partly filled, axe-core finds no violations, and every box and choice has a label."""
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, viewport=SIZES["phone"])
    try:
        page = context.new_page()
        open_record(page, site_server, "share-without-agreement")
        fill(page, choose_basis=2, told=2, reasons=(1, 3))
        unlabelled = page.eval_on_selector_all(
            ".decision-record input, .decision-record textarea",
            "controls => controls.filter(c => !c.labels.length || !c.labels[0].textContent.trim()).map(c => c.id)")
        assert unlabelled == []
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
        violations = page.evaluate("axe.run(document.querySelector('.decision-record')).then(r => r.violations)")
        assert not violations, describe(violations)
    finally:
        context.close()


def test_without_javascript_an_outcome_leads_to_its_record_which_prints_alone_on_one_sheet(browser, site_server):
    """With scripts off, 'Make a record of this decision' at an outcome opens its printable record, and printing
    from there prints that record alone, on one A4 sheet, with its questions and lines to fill in."""
    taken, outcome = WALKS["share-without-agreement"]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_server}{PAGE}#{outcome.id}")
        page.locator(f"#{outcome.id}").get_by_role("link", name=plain_text(RECORD.make)).click()
        page.wait_for_function(f"location.pathname.endsWith('/{RECORD.id}/') && location.hash === '#{outcome.id}'")
        page.emulate_media(media="print")
        sheets = printed_pages(page)
        assert len(sheets) == 1, f"{len(sheets)} sheets"
        assert plain_text(outcome.title) in sheets[0]
        for question, answer in taken:
            assert plain_text(question.question) in sheets[0], question.id
        others = [other for other in AID.outcomes if other is not outcome]
        assert not any(plain_text(other.title) in sheets[0] for other in others)
    finally:
        context.close()


def test_printed_whole_the_page_of_records_gives_one_sheet_for_each_outcome(browser_context, site_server):
    """Printed without choosing an outcome, the page of records prints one A4 sheet a record, each whole on its
    own sheet, and nothing else."""
    page = browser_context.new_page()
    page.goto(site_server + f"{RECORD.id}/")
    page.emulate_media(media="print")
    sheets = printed_pages(page)
    titles = [plain_text(outcome.title) for outcome in AID.outcomes]
    assert len(sheets) == len(titles)
    for sheet in sheets:
        assert sheet.startswith(plain_text(RECORD.heading)), sheet[:80]
        assert plain_text(RECORD.next_steps.label) in sheet, sheet[-80:]  # the last part: the record is whole
        assert sum(title in sheet for title in titles) == 1, sheet[:120]
