"""The quiz, present mode and reflection exercise in a real browser, used as a person would use them."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from macros.loading import load_content
from macros.render.training import option_letter

from .conftest import ROOT
from .helpers import plain_text, printed_by_button, squeeze

CONTENT = load_content(ROOT)
QUESTIONS = CONTENT.training.quiz.questions
REFLECTION_QUESTIONS = CONTENT.guide.meaning_for_me.questions
CPD = CONTENT.training.reflection.cpd_record
STORAGE_PREFIX = "information-sharing-guide:"


def option_input(page, question, index):
    return page.locator(f"#{question.id}-option-{index + 1}")


def answer(page, question, right: bool = True):
    """Tick the right option(s), or a wrong one, by clicking their labels."""
    if right:
        for index, option in enumerate(question.options):
            if option.correct:
                page.click(f"label[for='{question.id}-option-{index + 1}']")
    else:
        index = next(i for i, option in enumerate(question.options) if not option.correct)
        page.click(f"label[for='{question.id}-option-{index + 1}']")


def stored_keys(page) -> list[str]:
    return page.evaluate("Object.keys(window.localStorage)")


@pytest.fixture
def quiz(browser_context, site_server):
    page = browser_context.new_page()
    page.goto(site_server + "quiz/")
    return page


def test_all_right_answers_give_a_full_score_and_a_pass(quiz):
    """Answering every question correctly and checking all gives 'N of N correct' and a pass."""
    for question in QUESTIONS:
        answer(quiz, question)
    quiz.click("#quiz-check-all")
    result = quiz.locator("#quiz-result")
    assert result.inner_text().startswith(f"{len(QUESTIONS)} of {len(QUESTIONS)} correct. You reached the pass mark")
    assert result.locator("a").count() == 0
    assert quiz.evaluate("document.activeElement.id") == "quiz-result"


def test_score_counts_only_right_answers_against_the_pass_mark(quiz):
    """Getting the first three questions wrong and the rest right scores N-3, judged against the pass mark."""
    for number, question in enumerate(QUESTIONS):
        answer(quiz, question, right=number >= 3)
    quiz.click("#quiz-check-all")
    score = len(QUESTIONS) - 3
    verdict = "You reached the pass mark" if score >= CONTENT.training.quiz.pass_mark else "The pass mark is"
    assert quiz.locator("#quiz-result").inner_text().startswith(f"{score} of {len(QUESTIONS)} correct. {verdict}")
    assert quiz.locator(f"#{QUESTIONS[0].id}").get_attribute("class").split()[-1] == "is-wrong"


def test_a_wrong_answer_shows_and_announces_that_options_feedback(quiz):
    """Checking a wrong answer says 'Not quite', shows why next to it, and the live region announces it."""
    question = QUESTIONS[0]
    wrong = next(i for i, option in enumerate(question.options) if not option.correct)
    answer(quiz, question, right=False)
    quiz.locator(f"#{question.id} .quiz-check").click()
    feedback = quiz.locator(f"#{question.id}-option-{wrong + 1}-feedback")
    assert feedback.is_visible()
    read_more = quiz.locator(f"#{question.id} .quiz-read-more a")
    assert read_more.count() == len(question.covers) and read_more.first.is_visible()
    assert quiz.locator(f"#{question.id}-result").inner_text() == "Not quite."
    expect(quiz.locator("#quiz-announcer")).to_contain_text("Not quite")
    announced = quiz.locator("#quiz-announcer").inner_text()
    assert plain_text(question.options[wrong].feedback)[:60] in re.sub(r"\s+", " ", announced)


def test_the_whole_quiz_can_be_done_with_the_keyboard_alone(quiz):
    """Tab, Space and the arrow keys answer every question; Enter on 'Check all answers' gives a full score."""
    by_id = {question.id: question for question in QUESTIONS}
    done_groups = set()
    for _ in range(2000):
        quiz.keyboard.press("Tab")
        focused = quiz.evaluate("""() => { const e = document.activeElement;
            return {id: e.id, name: e.name || '', type: e.type || '', tag: e.tagName,
                    outline: getComputedStyle(e).outlineStyle}; }""")
        if focused["id"] == "quiz-check-all":
            quiz.keyboard.press("Enter")
            break
        question = by_id.get(focused["name"])
        if question is None:
            continue
        assert focused["outline"] != "none", f"no visible focus on {focused['id']}"
        index = int(focused["id"].rsplit("-", 1)[1]) - 1
        if focused["type"] == "checkbox":
            if question.options[index].correct:
                quiz.keyboard.press("Space")
        elif question.id not in done_groups:
            quiz.keyboard.press("Space")  # selects the focused radio; arrows then move the selection
            right = next(i for i, option in enumerate(question.options) if option.correct)
            for _ in range(right - index):
                quiz.keyboard.press("ArrowDown")
            done_groups.add(question.id)
    else:
        pytest.fail("never reached 'Check all answers' with the Tab key")
    assert quiz.locator("#quiz-result").inner_text().startswith(f"{len(QUESTIONS)} of {len(QUESTIONS)} correct.")


def test_remembered_answers_survive_a_reload_and_clear_removes_them(quiz):
    """With 'Remember my answers' ticked, answers come back after a reload; 'Clear' empties the storage."""
    question = QUESTIONS[0]
    quiz.check("#quiz-remember")
    answer(quiz, question)
    quiz.reload()
    right = next(i for i, option in enumerate(question.options) if option.correct)
    assert option_input(quiz, question, right).is_checked()
    assert quiz.locator("#quiz-remember").is_checked()
    quiz.click("#quiz-clear")
    assert not [key for key in stored_keys(quiz) if key.startswith(STORAGE_PREFIX)]
    quiz.reload()
    assert not option_input(quiz, question, right).is_checked()


def test_answers_stored_for_an_older_version_of_the_quiz_are_not_shown(quiz):
    """Answers remembered for a quiz that has since changed are ignored, so nobody sees stale answers."""
    question = QUESTIONS[0]
    stale_key = f"{STORAGE_PREFIX}quiz:quiz:an-older-version"
    quiz.evaluate("([key, name]) => localStorage.setItem(key, JSON.stringify({[name]: ['1', '2', '3', '4']}))",
                  [stale_key, question.id])
    quiz.reload()
    assert quiz.locator(f"#{question.id} input:checked").count() == 0
    assert not quiz.locator("#quiz-remember").is_checked()


def test_without_opting_in_nothing_is_stored_and_a_reload_forgets(quiz):
    """Answers are not stored unless the person asks: after a reload they are gone and storage is empty."""
    question = QUESTIONS[0]
    answer(quiz, question)
    quiz.click("#quiz-check-all")
    assert stored_keys(quiz) == []
    quiz.reload()
    assert quiz.locator(f"#{question.id} input:checked").count() == 0


def test_try_again_clears_answers_and_feedback(quiz):
    """'Try again' unticks everything, hides the feedback and the score."""
    for question in QUESTIONS:
        answer(quiz, question)
    quiz.click("#quiz-check-all")
    quiz.click("#quiz-reset")
    assert quiz.locator(".quiz-question input:checked").count() == 0
    assert quiz.locator(".quiz-option-feedback:visible").count() == 0
    assert not quiz.locator("#quiz-result").is_visible()


def test_show_all_answers_opens_every_answer(quiz):
    """'Show all answers' opens the answer under every question."""
    quiz.click("#quiz-show-all")
    assert quiz.locator("details.quiz-answer[open]").count() == len(QUESTIONS)


def test_without_javascript_answers_are_still_reachable(browser, site_server):
    """With scripts off, the check buttons are hidden and 'Show answer' still reveals the right answer."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + "quiz/")
        question = QUESTIONS[0]
        assert not page.locator(f"#{question.id} .quiz-check").is_visible()
        page.locator(f"#{question.id} details summary").click()
        right = next(option for option in question.options if option.correct)
        assert plain_text(right.text) in page.locator(f"#{question.id} .quiz-correct-answer").inner_text()
    finally:
        context.close()


def test_the_score_is_followed_by_links_that_take_focus_to_each_question_missed(quiz):
    """After 'Check all answers', each question answered wrongly is listed under the score; following its link
    moves focus to that question."""
    missed = [QUESTIONS[1], QUESTIONS[4]]
    for question in QUESTIONS:
        answer(quiz, question, right=question not in missed)
    quiz.click("#quiz-check-all")
    links = quiz.locator("#quiz-result a")
    assert [links.nth(i).inner_text() for i in range(links.count())] == [
        f"Question {QUESTIONS.index(question) + 1}: {plain_text(question.question)}" for question in missed]
    links.nth(1).click()
    assert quiz.evaluate("document.activeElement.id") == missed[1].id
    assert quiz.evaluate(f"document.getElementById('{missed[1].id}').getBoundingClientRect().top") < 200


def test_a_right_option_left_unticked_in_a_select_all_question_says_it_was_missed(quiz):
    """In a select-all question, a right option the person did not tick says 'You missed this one' with its reason,
    never 'Right.'"""
    question = next(q for q in QUESTIONS if q.type == "multiple")
    right = [i for i, option in enumerate(question.options) if option.correct]
    quiz.click(f"label[for='{question.id}-option-{right[0] + 1}']")
    quiz.locator(f"#{question.id} .quiz-check").click()
    ticked = quiz.locator(f"#{question.id}-option-{right[0] + 1}-feedback")
    assert ticked.is_visible() and ticked.inner_text().startswith("Right.")
    for index in right[1:]:
        assert not quiz.locator(f"#{question.id}-option-{index + 1}-feedback").is_visible()
        missed = quiz.locator(f"#{question.id}-option-{index + 1}-missed")
        assert missed.is_visible()
        text = missed.inner_text()
        assert text.startswith("You missed this one.") and "Right." not in text
        assert plain_text(question.options[index].feedback).removeprefix("Right. ")[:40] in text


def test_on_a_phone_questions_stay_inside_their_cards_and_buttons_do_not_overlap(browser, site_server):
    """At 375 pixels wide every question's title is inside its card, and the quiz's buttons wrap without
    overlapping or running off the screen."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_server + "quiz/")
        outside = page.evaluate("""() => [...document.querySelectorAll('.quiz-question')].filter(card => {
            const box = card.getBoundingClientRect(), title = card.querySelector('legend').getBoundingClientRect();
            return title.top < box.top + 1 || title.left < box.left || title.right > box.right;
        }).map(card => card.id)""")
        assert outside == []
        boxes = page.evaluate("""() => [...document.querySelectorAll('.quiz-controls button')].map(button => {
            const box = button.getBoundingClientRect(); return [box.left, box.top, box.right, box.bottom]; })""")
        assert all(right <= 375 for _, _, right, _ in boxes)
        for index, first in enumerate(boxes):
            for second in boxes[index + 1:]:
                apart = (first[2] <= second[0] or second[2] <= first[0] or first[3] <= second[1] or second[3] <= first[1])
                assert apart, f"buttons overlap: {first} and {second}"
    finally:
        context.close()


# ---- The projector view ----

PROJECTOR_SIZES = {"720p": (1280, 720, 18), "1080p": (1920, 1080, 26)}


def present(context, site_server, slide: str = ""):
    page = context.new_page()
    page.goto(site_server + "quiz-present/" + (f"#{slide}" if slide else ""))
    return page


def current_slide(page) -> str:
    return page.evaluate("document.querySelector('.present-slide:not([hidden])').id")


@pytest.mark.parametrize("size", PROJECTOR_SIZES)
def test_every_slide_with_its_answer_revealed_fits_the_screen_in_large_type(browser, site_server, size):
    """At 1280 x 720 and 1920 x 1080, the title and every question with its answer revealed fit the screen without
    scrolling, in type no smaller than a projector needs; no header, navigation or search is on show."""
    width, height, smallest = PROJECTOR_SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = present(context, site_server)
        assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar").first.is_visible()
        problems = []
        for _ in range(len(QUESTIONS) + 1):
            page.keyboard.press("r")
            measured = page.evaluate("""() => {
                const slide = document.querySelector('.present-slide:not([hidden])');
                const controls = document.querySelector('.present-controls').getBoundingClientRect();
                const option = slide.querySelector('.present-option-text') || slide.querySelector('.present-subtitle');
                return {id: slide.id, overflow: slide.scrollHeight - slide.clientHeight,
                        controlsBottom: controls.bottom, type: parseFloat(getComputedStyle(option).fontSize),
                        revealed: !slide.querySelector('details') || slide.querySelector('details').open}; }""")
            if measured["overflow"] > 0 or measured["controlsBottom"] > height or measured["type"] < smallest:
                problems.append(measured)
            assert measured["revealed"], measured["id"]
            page.keyboard.press("ArrowRight")
        assert problems == []
    finally:
        context.close()


def test_revealing_ticks_the_right_option_says_right_and_dims_the_others(browser_context, site_server):
    """R reveals the answer in place: the right option shows a tick and 'Right', the explanation appears below,
    the wrong options are dimmed; R again hides it."""
    number, question = next((n, q) for n, q in enumerate(QUESTIONS, 1) if q.type == "scenario")
    page = present(browser_context, site_server, f"slide-{number}")
    slide = page.locator(f"#slide-{number}")
    right = next(i for i, option in enumerate(question.options) if option.correct)
    wrong = next(i for i, option in enumerate(question.options) if not option.correct)
    assert not slide.get_by_text("Right", exact=False).locator("visible=true").count()
    colour_before = slide.locator(".present-option").nth(wrong).evaluate("e => getComputedStyle(e).color")
    page.keyboard.press("r")
    right_option = slide.locator(".present-option").nth(right)
    assert right_option.locator(".present-verdict").is_visible()
    assert right_option.inner_text().startswith(option_letter(right))
    assert right_option.locator(".present-verdict").inner_text() == "\u2713 Right"
    assert slide.locator(".present-option").nth(wrong).evaluate("e => getComputedStyle(e).color") != colour_before
    assert plain_text(question.explanation)[:60] in re.sub(r"\s+", " ", slide.locator(".present-answer").inner_text())
    assert f"Right: {option_letter(right)}." in page.locator("#present-position").inner_text()
    page.keyboard.press("r")
    assert not right_option.locator(".present-verdict").is_visible()
    page.click("#present-reveal")
    assert right_option.locator(".present-verdict").is_visible()


def test_the_keys_a_clicker_sends_and_home_end_escape_and_f_all_work(browser_context, site_server):
    """Arrows and Page keys move, Home and End jump, F and the button switch full screen, Escape hides the
    answer; the theme's own page keys do not take the trainer away."""
    page = present(browser_context, site_server)
    assert current_slide(page) == "slide-start"
    for key, expected in [("PageDown", "slide-1"), ("ArrowRight", "slide-2"), ("ArrowDown", "slide-3"),
                          ("PageUp", "slide-2"), ("ArrowLeft", "slide-1"), ("End", f"slide-{len(QUESTIONS)}"),
                          ("ArrowRight", f"slide-{len(QUESTIONS)}"), ("Home", "slide-start"), ("n", "slide-start"),
                          (".", "slide-start")]:
        page.keyboard.press(key)
        assert current_slide(page) == expected, key
    assert page.url.endswith("quiz-present/#slide-start")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    assert page.locator("#present-fullscreen").inner_text() == "Leave full screen (F)"
    page.click("#present-fullscreen")
    page.wait_for_function("document.fullscreenElement === null")
    page.keyboard.press("End")
    page.keyboard.press("r")
    assert page.locator(".present-slide:not([hidden]) .present-verdict").first.is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(".present-slide:not([hidden]) .present-verdict").first.is_visible()


def test_the_room_count_shows_bars_and_is_kept_in_the_page_only(browser_context, site_server):
    """Hands counted for each option show as numbers and bars; nothing is stored or sent, and a reload forgets."""
    requests = []
    page = present(browser_context, site_server, "slide-1")
    page.on("request", lambda request: requests.append(request.url))
    page.click("#present-count")
    options = page.locator("#slide-1 .present-option")
    for index, hands in [(0, 3), (1, 1)]:
        for _ in range(hands):
            options.nth(index).get_by_role("button", name=f"One more hand for {option_letter(index)}").click()
    options.nth(0).get_by_role("button", name="One hand fewer for A").click()
    counts = [options.nth(i).locator(".present-hands").inner_text() for i in range(3)]
    assert counts == ["2", "1", "0"]
    widths = [options.nth(i).locator(".present-bar").evaluate("e => e.getBoundingClientRect().width") for i in range(3)]
    assert widths[0] == pytest.approx(2 * widths[1], rel=0.01) and widths[2] == 0
    page.keyboard.press("r")
    assert options.nth(0).locator(".present-hands").is_visible()
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert [url for url in requests if "favicon" not in url] == []
    page.reload()
    page.click("#present-count")
    assert page.locator("#slide-1 .present-option .present-hands").first.inner_text() == "0"


@pytest.fixture
def reflection(browser_context, site_server):
    page = browser_context.new_page()
    page.goto(site_server + "what-does-this-mean-for-me/")
    return page


def test_saved_notes_survive_a_reload_and_clear_removes_them(reflection):
    """With 'Save on this device' ticked, notes and the CPD record's answers come back after a reload;
    'Clear my notes' removes them."""
    first = f"#note-{REFLECTION_QUESTIONS[0].id}"
    last_profession = f"#cpd-profession-{CPD.professions[-1].id}"
    reflection.check("#reflection-save")
    reflection.fill(first, "We share by secure email and phone.")
    reflection.check(last_profession)
    reflection.fill("#cpd-minutes", "30")
    reflection.reload()
    assert reflection.input_value(first) == "We share by secure email and phone."
    assert reflection.is_checked(last_profession) and reflection.input_value("#cpd-minutes") == "30"
    reflection.once("dialog", lambda dialog: dialog.accept())
    reflection.click("#reflection-clear")
    assert reflection.input_value(first) == "" and reflection.input_value("#cpd-minutes") == ""
    assert reflection.is_checked(f"#cpd-profession-{CPD.professions[0].id}")
    assert not [key for key in stored_keys(reflection) if key.startswith(STORAGE_PREFIX)]
    reflection.reload()
    assert reflection.input_value(first) == ""


def test_notes_are_not_stored_without_opting_in(reflection):
    """Notes typed without opting in stay only in the page: nothing stored, gone after a reload."""
    first = f"#note-{REFLECTION_QUESTIONS[0].id}"
    reflection.fill(first, "A note that should not be kept.")
    assert stored_keys(reflection) == []
    reflection.reload()
    assert reflection.input_value(first) == ""


def test_printing_the_reflection_shows_the_notes_without_the_navigation(reflection):
    """In print, the notes appear in full with the guide's title and the date; header and navigation do not."""
    first = REFLECTION_QUESTIONS[0]
    reflection.fill(f"#note-{first.id}", "Check the receiver understood.")
    reflection.emulate_media(media="print")
    assert reflection.locator(f"[data-for='note-{first.id}']").inner_text() == "Check the receiver understood."
    heading = reflection.locator(".reflection-print-heading")
    assert heading.is_visible()
    assert heading.inner_text().startswith(f"{CONTENT.guide.guide.title}: {CONTENT.guide.meaning_for_me.title}. Date:")
    assert not reflection.locator(".md-header").is_visible()
    assert not reflection.locator(".md-sidebar--primary").is_visible()
    empty = reflection.locator(f"[data-for='note-{REFLECTION_QUESTIONS[1].id}']")
    assert "is-empty" in empty.get_attribute("class")


def test_downloading_the_reflection_saves_questions_and_notes_as_text(reflection, tmp_path):
    """'Download as a text file' saves every question, the typed notes and blank lines for the rest."""
    first = REFLECTION_QUESTIONS[0]
    reflection.fill(f"#note-{first.id}", "Record what was shared and why.")
    with reflection.expect_download() as download_info:
        reflection.click("#reflection-download")
    path = tmp_path / "notes.txt"
    download_info.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"{CONTENT.guide.guide.title}: {CONTENT.guide.meaning_for_me.title}")
    for question in REFLECTION_QUESTIONS:
        assert plain_text(question.question) in text
    assert "Record what was shared and why." in text
    assert "_____" in text


def test_download_works_with_nothing_typed(reflection, tmp_path):
    """With no notes, the download still has every question with lines to write on."""
    with reflection.expect_download() as download_info:
        reflection.click("#reflection-download")
    path = tmp_path / "blank.txt"
    download_info.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.count("My notes:") == len(REFLECTION_QUESTIONS)


def test_print_and_download_come_first_and_clear_comes_last_after_a_confirmation(reflection):
    """The page's buttons read Print, Download, Make a CPD record, Clear; cancelling the confirmation keeps the
    notes, accepting it clears them."""
    buttons = reflection.locator("#reflection-form button:visible").all_inner_texts()
    assert buttons == ["Print or save as PDF", "Download as a text file", "Make a CPD record", "Clear my notes"]
    first = f"#note-{REFLECTION_QUESTIONS[0].id}"
    reflection.fill(first, "Kept after cancelling.")
    reflection.once("dialog", lambda dialog: dialog.dismiss())
    reflection.click("#reflection-clear")
    assert reflection.input_value(first) == "Kept after cancelling."
    reflection.once("dialog", lambda dialog: dialog.accept())
    reflection.click("#reflection-clear")
    assert reflection.input_value(first) == ""


def fill_cpd_record(page, profession) -> dict[str, str]:
    """Choose a profession, fill the activity, tick two parts and answer every prompt it asks; the answers typed."""
    page.check(f"#cpd-profession-{profession.id}")
    page.fill("#cpd-minutes", "45")
    page.check("#cpd-part-1")
    page.check("#cpd-part-2")
    typed = {}
    for name, wording in profession.prompts.asked():
        expect(page.get_by_role("textbox", name=wording, exact=True)).to_be_visible()
        typed[name] = f"My answer about {name}."
        page.get_by_role("textbox", name=wording, exact=True).fill(typed[name])
    page.fill(f"#note-{REFLECTION_QUESTIONS[0].id}", "We share by secure email.")
    return typed


@pytest.mark.parametrize("profession", CPD.professions, ids=lambda profession: profession.id)
def test_a_cpd_record_asks_and_gives_the_chosen_professions_prompts(reflection, tmp_path, profession):
    """Each profession's wording: only its regulator's prompts are asked; the record shows the activity, date,
    time, parts, answers and notes, and downloads as the same text; nothing is stored without opting in."""
    typed = fill_cpd_record(reflection, profession)
    left_out = [name for name in ("activity", "learnt", "practice", "peer", "standards") if name not in typed]
    for name in left_out:
        expect(reflection.locator(f"#cpd-{name}")).to_be_hidden()
    reflection.click("#cpd-make")
    record = reflection.locator("#cpd-output")
    expect(record).to_be_focused()
    shown = squeeze(record.inner_text())
    for name, text in typed.items():
        assert f"{dict(profession.prompts.asked())[name]} {text}" in shown
    for expected in (profession.name, CONTENT.guide.guide.title, "Last reviewed:", "45 minutes", "We share by secure email.",
                     CPD.reminder.split(".")[0]):
        assert expected in shown, expected
    parts = reflection.locator("label[for='cpd-part-1'], label[for='cpd-part-2']").all_inner_texts()
    assert f"{parts[0]}; {parts[1]}" in shown
    with reflection.expect_download() as download_info:
        reflection.click("#cpd-download")
    path = tmp_path / "cpd.txt"
    download_info.value.save_as(path)
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    for name, answer in typed.items():
        assert f"{dict(profession.prompts.asked())[name]}:\n{answer}" in text
    assert "45 minutes" in text and "We share by secure email." in text
    assert stored_keys(reflection) == []


def test_the_quiz_score_joins_the_record_only_if_remembered_on_this_device_and_ticked(browser_context, site_server):
    """Without remembered quiz answers no score is offered; with them, it is in the record only once ticked."""
    page = browser_context.new_page()
    page.goto(site_server + "what-does-this-mean-for-me/")
    expect(page.locator("#cpd-include-quiz")).to_be_hidden()
    page.goto(site_server + "quiz/")
    page.check("#quiz-remember")
    for number, question in enumerate(QUESTIONS):
        answer(page, question, right=number >= 2)
    page.goto(site_server + "what-does-this-mean-for-me/")
    score = f"{len(QUESTIONS) - 2} of {len(QUESTIONS)} questions right in the self-check quiz"
    assert score in page.locator("label[for='cpd-include-quiz']").inner_text()
    page.click("#cpd-make")
    assert score not in page.locator("#cpd-output").inner_text()
    page.check("#cpd-include-quiz")
    page.click("#cpd-make")
    assert score in page.locator("#cpd-output").inner_text()


def test_printing_the_cpd_record_prints_the_record_alone_on_at_most_two_a4_pages(reflection):
    """"Print this record" prints the record by itself: its answers and notes, not the questions' prompts,
    on one or two A4 pages."""
    fill_cpd_record(reflection, CPD.professions[0])
    for question in REFLECTION_QUESTIONS:
        reflection.fill(f"#note-{question.id}", "A few lines of notes about our practice. " * 6)
    reflection.click("#cpd-make")
    sheets = printed_by_button(reflection, "#cpd-print", "is-printing-cpd-record")
    assert 1 <= len(sheets) <= 2, f"{len(sheets)} pages"
    printed = " ".join(sheets)
    assert "My answer about learnt." in printed and "A few lines of notes" in printed
    assert plain_text(REFLECTION_QUESTIONS[0].prompt) not in printed
    assert "Make a CPD record" not in printed
