"""The quiz, reflection and training pages, checked against the quiz YAML: everything is there, and usable."""
from __future__ import annotations

import pytest

from macros.loading import load_content
from macros.render.training import option_letter

from .conftest import ROOT
from .helpers import plain_text, visible_text

CONTENT = load_content(ROOT)
QUIZ = CONTENT.training.quiz
QUESTIONS = QUIZ.questions
REFLECTION_QUESTIONS = CONTENT.guide.meaning_for_me.questions


def test_quiz_has_at_least_fifteen_questions_of_every_type():
    """The quiz has enough questions, and single, multiple, true-false and scenario questions all appear."""
    assert len(QUESTIONS) >= 15
    assert {question.type for question in QUESTIONS} == {"single", "multiple", "true-false", "scenario"}


@pytest.mark.parametrize("item", [*CONTENT.guide.key_messages.messages, *CONTENT.guide.key_messages.golden_rules.rules],
                         ids=lambda item: item.id)
def test_every_key_message_and_golden_rule_is_tested_by_a_question(item):
    """No key message or golden rule is left out of the quiz."""
    assert any(item.id in question.covers for question in QUESTIONS), f"no question covers {item.id}"


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_question_is_a_fieldset_with_legend_labelled_options_feedback_and_answer(site, question):
    """Each question: a fieldset whose legend is the question, a labelled input per option, and the answer."""
    page = site.page("quiz/")
    fieldset = page.find("fieldset", id=question.id)
    assert fieldset is not None
    assert plain_text(question.question) in visible_text(fieldset.legend)
    inputs = fieldset.select("input")
    assert len(inputs) == len(question.options)
    expected_type = "checkbox" if question.type == "multiple" else "radio"
    for index, (field, option) in enumerate(zip(inputs, question.options)):
        assert field["type"] == expected_type
        label = page.find("label", attrs={"for": field["id"]})
        assert label is not None and visible_text(label) == f"{option_letter(index)} {plain_text(option.text)}"
        feedback = page.find(id=f"{field['id']}-feedback")
        assert visible_text(feedback) == plain_text(option.feedback)
    if question.scenario:
        assert plain_text(question.scenario) in visible_text(fieldset.select_one(".quiz-scenario"))


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_without_javascript_every_answer_is_inside_a_show_answer_disclosure(site, question):
    """A 'Show answer' details element holds the right answer, the explanation and each option's feedback."""
    details = site.page("quiz/").find("fieldset", id=question.id).select_one("details.quiz-answer")
    assert visible_text(details.summary) == "Show answer"
    text = visible_text(details)
    for option in question.options:
        if option.correct:
            assert plain_text(option.text) in visible_text(details.select_one(".quiz-correct-answer"))
        assert plain_text(option.feedback) in text
    assert plain_text(question.explanation) in text
    links = details.select(".quiz-covers a")
    covered = {a["href"].split("#")[1] for a in links if "#" in a["href"]}
    assert covered == set(question.covers)
    # Then the tools it names (the record of a decision), by their titles, each linked to its page.
    record = CONTENT.decision_aid.record
    assert [(visible_text(a), a["href"]) for a in links if "#" not in a["href"]] == [
        (plain_text(record.title), f"../{record.id}/") for _ in question.see]


def test_the_quiz_questions_on_recording_link_to_the_record_of_a_decision():
    """The questions on what to record, and on recording a decision not to share, point to the record the decision
    aid makes."""
    for ident in ("recording-a-decision-not-to-share", "what-to-record"):
        assert next(q for q in QUESTIONS if q.id == ident).see == (CONTENT.decision_aid.record.id,), ident


def test_quiz_controls_that_need_javascript_are_hidden_without_it(site):
    """Buttons that only work with the script start hidden, so nobody meets a dead button."""
    page = site.page("quiz/")
    for selector in (".quiz-check", ".quiz-controls", ".quiz-storage"):
        assert all(element.has_attr("hidden") for element in page.select(selector)), selector
    assert page.select_one("#quiz-announcer")["aria-live"] == "polite"


def test_quiz_states_the_pass_mark_without_calling_itself_not_a_test(site):
    """The pass mark from the YAML is stated for both uses, and nothing on the page says the quiz is not a test."""
    text = visible_text(site.page("quiz/").select_one("article"))
    assert f"Aim for {QUIZ.pass_mark} or more right: that is also the pass mark" in text
    assert "not a test" not in text.lower()


def single_answer_questions():
    return [question for question in QUESTIONS if question.type in ("single", "scenario")]


def test_the_right_option_is_not_given_away_by_its_length():
    """Across single-answer and scenario questions, the right option is the longest in at most a third, and the
    shortest in at most a third, so that neither length is a tell."""
    longest = shortest = 0
    for question in single_answer_questions():
        lengths = [len(plain_text(option.text)) for option in question.options]
        right = lengths[next(i for i, option in enumerate(question.options) if option.correct)]
        others = [length for length, option in zip(lengths, question.options) if not option.correct]
        longest += right > max(others)
        shortest += right < min(others)
    count = len(single_answer_questions())
    assert longest <= count / 3, f"the right option is the longest in {longest} of {count} questions"
    assert shortest <= count / 3, f"the right option is the shortest in {shortest} of {count} questions"


def test_the_quiz_content_has_no_warnings(content):
    """No right option is much longer than every other (the build only logs this, so a test holds it)."""
    assert [str(warning) for warning in content.warnings] == []


def test_every_form_control_on_every_page_has_a_label(site):
    """No input or text area anywhere on the site is without a label."""
    failures = []
    for address in site.addresses():
        page = site.page(address)
        for control in page.select("article input, article textarea"):
            if control.get("type") == "hidden":
                continue
            if not (control.get("aria-label") or page.find("label", attrs={"for": control.get("id")})):
                failures.append(f"{address}: {control.get('id') or control}")
    assert not failures, "controls without labels:\n" + "\n".join(failures)


def test_handout_has_every_question_and_option_but_no_answers(site):
    """The printable handout lists each question and option, and gives nothing away."""
    text = visible_text(site.page("quiz-handout/").select_one("article"))
    for question in QUESTIONS:
        assert plain_text(question.question) in text
        for option in question.options:
            assert plain_text(option.text) in text
            assert plain_text(option.feedback) not in text
        assert plain_text(question.explanation) not in text


def test_answer_sheet_has_every_answer_and_explanation(site):
    """The answer sheet gives every question's right answer and its explanation."""
    text = visible_text(site.page("quiz-answers/").select_one("article"))
    for question in QUESTIONS:
        assert plain_text(question.question) in text
        assert plain_text(question.explanation) in text
        for option in question.options:
            assert plain_text(option.feedback) in text


def test_present_mode_has_a_title_slide_then_one_lettered_slide_per_question(site):
    """The projector view opens on the session's name, then has a slide per question, in order, with options
    lettered A, B, C as on the quiz page, and the answer behind 'Reveal answer'."""
    page = site.page("quiz-present/")
    title = page.select_one("h1#quiz-present")
    assert visible_text(title) == f"{CONTENT.guide.guide.title}: {QUIZ.title}"
    assert page.select_one(".present-qr") is None, "a QR code without a site address to point to"
    slides = page.select(".present-slide:not(.present-title)")
    assert len(slides) == len(QUESTIONS)
    for number, (slide, question) in enumerate(zip(slides, QUESTIONS), 1):
        assert visible_text(slide.h2) == f"Question {number} of {len(QUESTIONS)}: {plain_text(question.question)}"
        options = [visible_text(option.select_one(".option-letter")) + " " + visible_text(
            option.select_one(".present-option-text")) for option in slide.select(".present-option")]
        assert options == [f"{option_letter(i)} {plain_text(o.text)}" for i, o in enumerate(question.options)]
        assert visible_text(slide.select_one("details summary")) == "Reveal answer"


def test_present_mode_projects_no_site_header_navigation_or_search(site):
    """The projector view has no navigation, tabs or search box on show, and no page footer navigation."""
    page = site.page("quiz-present/")
    assert not page.select(".md-sidebar, .md-tabs, .md-footer__inner")


def test_facilitator_page_has_the_plan_prompts_and_links_to_the_printables(site):
    """The trainer's page gives the 30-minute plan, every discussion prompt and links to each printable page."""
    page = site.page("facilitator/")
    text = visible_text(page.select_one("article"))
    for step in CONTENT.training.facilitator.steps:
        assert plain_text(step.activity) in text
    for question in [*QUESTIONS, *REFLECTION_QUESTIONS]:
        for prompt in question.discussion:
            assert plain_text(prompt) in text
    links = {a["href"] for a in page.select("article a[href]")}
    for address in ("../quiz-present/", "../quiz-handout/", "../quiz-answers/", "../what-does-this-mean-for-me/",
                    "../quiz/"):
        assert address in links, f"no link to {address}; found {sorted(links)}"


@pytest.mark.parametrize("question", REFLECTION_QUESTIONS, ids=lambda q: q.id)
def test_every_reflection_question_has_its_prompt_and_an_optional_notes_box(site, question):
    """Under each 'What does this mean for me?' question (its heading, at its anchor): the prompt, then a text
    area whose label names the question and says it is optional."""
    page = site.page("what-does-this-mean-for-me/")
    heading = page.find("h2", id=question.id)
    assert visible_text(heading) == plain_text(question.question)
    area = page.find("textarea", id=f"note-{question.id}")
    assert area in heading.find_all_next("textarea", limit=1)
    label = visible_text(page.find("label", attrs={"for": area["id"]}))
    assert label == f"Your notes on: {plain_text(question.question)} (optional)"
    assert plain_text(question.prompt) in visible_text(page.find(id=f"{question.id}-prompt"))


def test_reflection_page_warns_against_writing_names_before_the_notes(site):
    """The warning about names and identifying details comes before the first text area."""
    page = site.page("what-does-this-mean-for-me/")
    warning = page.find(id="reflection-warning")
    assert plain_text(CONTENT.training.reflection.warning) in visible_text(warning)
    first_area = page.select_one("textarea")
    assert warning in first_area.find_all_previous(id="reflection-warning")


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_the_projector_reveals_the_answer_and_explanation_without_links_nobody_can_follow(site, question):
    """On the wall, a revealed answer is the right answer and the explanation: no per-option feedback and no
    'Read more' links (the quiz page and the answer sheet have those)."""
    number = QUESTIONS.index(question) + 1
    answer = site.page("quiz-present/").find(id=f"slide-{number}").select_one("details.present-answer")
    assert plain_text(question.explanation) in visible_text(answer)
    assert answer.select(".quiz-covers, .quiz-all-feedback") == []
