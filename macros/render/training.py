"""Turn the quiz, the reflection exercise and the trainer's guide into page Markdown. Pure functions.

The HTML works without JavaScript: native radios and checkboxes in fieldsets, and a "Show answer"
disclosure for every question. `docs/assets/quiz.js` and `reflection.js` add checking, scores,
storage on the device (only when the person asks) and printing.
"""
from __future__ import annotations

import hashlib
from html import escape

from ..model import FacilitatorGuide, MeaningForMeSection, Quiz, QuizQuestion, ReflectionExercise
from .text import heading, join, page_opening

QUESTION_TYPE_HINTS = {
    "single": "Choose one answer.",
    "multiple": "Select all that apply.",
    "true-false": "True or false?",
    "scenario": "Choose one answer.",
}


def quiz_version(quiz: Quiz) -> str:
    """A short fingerprint of the questions: stored answers from an older quiz are never shown."""
    return hashlib.sha256(repr(quiz.questions).encode("utf-8")).hexdigest()[:12]


def option_id(question: QuizQuestion, index: int) -> str:
    return f"{question.id}-option-{index + 1}"


def scenario_block(question: QuizQuestion) -> str:
    """The practice situation of a scenario question, or nothing for other questions."""
    return f'<div class="quiz-scenario" markdown>\n\n{question.scenario}\n\n</div>' if question.scenario else ""


def discussion_block(title: str, ident: str, prompts) -> str:
    """A trainer's discussion prompts under their own heading."""
    return join(heading(3, title, ident), "\n".join(f"- {prompt}" for prompt in prompts))


def covers_links(question: QuizQuestion, book, css_class: str = "quiz-covers", hidden: bool = False) -> str:
    """Links to the key messages and golden rules a question rests on."""
    # An entry without an address (the SCORM package, when the site's address is not known) is named, not linked.
    links = ", ".join(f"[{book[ident][1]}]({book[ident][0]})" if book[ident][0] else book[ident][1]
                      for ident in question.covers)
    return f'<p class="{css_class}"{" hidden" if hidden else ""} markdown>Read more: {links}.</p>'


def correct_answer_text(question: QuizQuestion) -> str:
    """'The answer is: …' for one right answer; a list for select-all-that-apply."""
    right = [option.text for option in question.options if option.correct]
    if question.type == "multiple":
        return "The right answers are: " + "; ".join(right) + "."
    return f"The answer is: {right[0]}"


def render_answer(question: QuizQuestion, book) -> str:
    """The full answer: right answer(s), explanation, and why each option is right or wrong."""
    feedback = "\n".join(
        f"<li markdown><strong>{escape(option.text)}</strong>: {option.feedback}</li>"
        for option in question.options)
    return join(f'<p class="quiz-correct-answer" markdown><strong>{escape(correct_answer_text(question))}'
                f'</strong></p>',
                question.explanation, f'<ul class="quiz-all-feedback" markdown>\n{feedback}\n</ul>',
                covers_links(question, book))


def render_question(question: QuizQuestion, number: int, book) -> str:
    """One question as a fieldset: the question as legend, native inputs with labels, and its answer."""
    input_type = "checkbox" if question.type == "multiple" else "radio"
    options = "\n".join(
        f'<div class="quiz-option" data-correct="{str(option.correct).lower()}" markdown="span">'
        f'<input type="{input_type}" name="{question.id}" id="{option_id(question, index)}" value="{index + 1}">'
        f' <label for="{option_id(question, index)}">{option.text}</label></div>\n'
        f'<div class="quiz-option-feedback" id="{option_id(question, index)}-feedback" hidden markdown>'
        f'{option.feedback}</div>'
        for index, option in enumerate(question.options))
    return join(
        f'<fieldset class="quiz-question" id="{question.id}" data-type="{question.type}" markdown>',
        f'<legend markdown="span">Question {number}: {question.question}</legend>',
        scenario_block(question),
        f'<p class="quiz-hint">{QUESTION_TYPE_HINTS[question.type]}</p>',
        f'<div class="quiz-options" markdown>\n{options}\n</div>',
        f'<p class="quiz-question-result" id="{question.id}-result"></p>',
        covers_links(question, book, "quiz-read-more", hidden=True),
        f'<p class="quiz-question-actions"><button type="button" class="md-button quiz-check" hidden>'
        f"Check answer</button></p>",
        f'<details class="quiz-answer" markdown>\n<summary>Show answer</summary>\n\n{render_answer(question, book)}\n'
        "</details>",
        "</fieldset>",
    )


def render_quiz(quiz: Quiz, book, lms_note: str = "") -> str:
    """The quiz page: a form of fieldsets that works without JavaScript, with controls the script enables.

    `lms_note`, given only for the SCORM package, says what the learning management system records.
    """
    questions = [render_question(question, number, book) for number, question in enumerate(quiz.questions, 1)]
    return join(
        page_opening(quiz),
        quiz.intro,
        f'<div class="admonition note quiz-lms-note" markdown>\n\n{lms_note}\n\n</div>' if lms_note else "",
        f'<p class="quiz-pass-mark">{len(quiz.questions)} questions. The pass mark is {quiz.pass_mark} '
        f"correct answers.</p>",
        f'<form class="quiz" id="quiz-form" data-quiz="{quiz.id}" data-version="{quiz_version(quiz)}" '
        f'data-pass-mark="{quiz.pass_mark}" markdown>',
        '<div class="quiz-storage" hidden markdown="span"><input type="checkbox" id="quiz-remember"> '
        '<label for="quiz-remember">Remember my answers on this device</label></div>',
        *questions,
        '<div class="quiz-controls" hidden markdown="span">'
        '<button type="button" class="md-button md-button--primary" id="quiz-check-all">Check all answers</button> '
        '<button type="button" class="md-button" id="quiz-show-all">Show all answers</button> '
        '<button type="button" class="md-button" id="quiz-reset">Try again</button> '
        '<button type="button" class="md-button" id="quiz-clear">Clear</button></div>',
        '<div class="quiz-result" id="quiz-result" tabindex="-1" hidden></div>',
        '<div class="quiz-announcer visually-hidden" id="quiz-announcer" role="status" aria-live="polite"></div>',
        "</form>",
    )


def render_reflection(exercise: ReflectionExercise, section: MeaningForMeSection, guide_title: str) -> str:
    """The reflection exercise: each 'What does this mean for me?' question with a labelled text area."""
    questions = "\n\n".join(
        join(f'<div class="reflection-question" id="{exercise.id}-{question.id}" markdown>',
             f'<h2><label for="note-{question.id}">{escape(question.question)}</label></h2>',
             f'<div class="reflection-prompt" id="note-{question.id}-prompt" markdown>\n\n{question.prompt}\n\n</div>',
             f'<textarea id="note-{question.id}" name="{question.id}" rows="6" '
             f'aria-describedby="note-{question.id}-prompt reflection-warning"></textarea>',
             f'<div class="print-only reflection-print-notes" data-for="note-{question.id}"></div>',
             "</div>")
        for question in section.questions)
    return join(
        page_opening(exercise),
        f'<p class="print-only reflection-print-heading">{escape(guide_title)}: {escape(exercise.title)}. '
        f'Date: <span class="reflection-print-date"></span></p>',
        exercise.intro,
        f'<div class="admonition warning" id="reflection-warning" markdown>\n'
        f'<p class="admonition-title">Do not write names or identifying details</p>\n\n{exercise.warning}\n\n</div>',
        f'<div class="reflection-privacy no-print" markdown>\n\n{exercise.privacy}\n\n</div>',
        f'<form class="reflection" id="reflection-form" data-exercise="{exercise.id}" '
        f'data-title="{escape(guide_title)}: {escape(exercise.title)}" markdown>',
        # The choice to keep notes comes before the notes, so that nobody types without knowing.
        '<div class="reflection-storage no-print" hidden markdown="span"><input type="checkbox" id="reflection-save"> '
        '<label for="reflection-save">Save on this device</label></div>',
        questions,
        f'<div class="reflection-requirement" markdown>\n\n{section.requirement.text}\n\n</div>',
        '<div class="reflection-controls" hidden markdown="span">'
        '<button type="button" class="md-button" id="reflection-clear">Clear my notes</button> '
        '<button type="button" class="md-button" id="reflection-print">Print or save as PDF</button> '
        '<button type="button" class="md-button" id="reflection-download">Download as a text file</button></div>',
        '<div class="visually-hidden" id="reflection-announcer" role="status" aria-live="polite"></div>',
        "</form>",
    )


def lms_downloads_block(downloads) -> str:
    """Links to the quiz files for a learning management system, as (label, address, what it is) rows."""
    if not downloads:
        return ""
    links = "\n".join(f"- [{label}]({address}): {description}" for label, address, description in downloads)
    return join(heading(2, "Recording the quiz in a learning management system", "lms"),
                "To record the quiz as training in your learning management system, import one of these files:",
                links,
                "For systems that take SCORM (Moodle, Totara and others), the site's maintainers can make a "
                "SCORM 1.2 package of the quiz that reports each person's score and whether they passed.")


def render_facilitator(guide_page: FacilitatorGuide, quiz: Quiz, section: MeaningForMeSection, pages: dict,
                       downloads=()) -> str:
    """The trainer's page: the 30-minute plan, ground rules, discussion prompts, the printables and LMS files.

    `downloads` are (label, address, what it is) for the quiz files an LMS imports.
    """
    plan_rows = "\n".join(f"| {step.minutes} minutes | {step.activity} |" for step in guide_page.steps)
    step_notes = [join(heading(3, f"{step.activity} ({step.minutes} minutes)"), step.notes)
                  for step in guide_page.steps if step.notes]
    quiz_prompts = [discussion_block(f"Question {number}: {question.question}", f"discuss-{question.id}",
                                     question.discussion)
                    for number, question in enumerate(quiz.questions, 1) if question.discussion]
    reflection_prompts = [discussion_block(question.question, f"discuss-{question.id}", question.discussion)
                          for question in section.questions if question.discussion]
    printables = "\n".join([
        f"- [Quiz in present mode]({pages['present']}): one question per screen, for a projector.",
        f"- [Quiz handout]({pages['handout']}): questions and options, without answers, to print.",
        f"- [Quiz answer sheet]({pages['answers']}): the answers and why, for the trainer.",
        f"- [Reflection exercise]({pages['reflection']}): the questions with space for notes, to print.",
        f"- [Self-check quiz]({pages['quiz']}): for people to take on their own afterwards.",
    ])
    return join(
        page_opening(guide_page),
        guide_page.intro,
        heading(2, "What you need", "what-you-need"),
        printables,
        lms_downloads_block(downloads),
        heading(2, "Ground rules", "ground-rules"),
        guide_page.ground_rules,
        heading(2, "Session plan", "session-plan"),
        "| Time | Activity |\n| --- | --- |\n" + plan_rows,
        *step_notes,
        heading(2, "Discussion prompts for the quiz", "quiz-discussion"),
        *quiz_prompts,
        heading(2, "Discussion prompts for the reflection questions", "reflection-discussion"),
        *reflection_prompts,
    )


def render_quiz_present(quiz: Quiz, book) -> str:
    """Present mode: one question per screen in large type, the answer revealed on demand."""
    slides = []
    for number, question in enumerate(quiz.questions, 1):
        options = "\n".join(f"<li markdown>{option.text}</li>" for option in question.options)
        slides.append(join(
            f'<section class="present-slide" id="slide-{number}" aria-labelledby="slide-{number}-title" markdown>',
            f'<h2 id="slide-{number}-title">Question {number} of {len(quiz.questions)}: {escape(question.question)}</h2>',
            scenario_block(question),
            f'<p class="quiz-hint">{QUESTION_TYPE_HINTS[question.type]}</p>',
            f'<ol class="present-options" type="A" markdown>\n{options}\n</ol>',
            f'<details class="quiz-answer" markdown>\n<summary>Reveal answer</summary>\n\n'
            f"{render_answer(question, book)}\n</details>",
            "</section>"))
    return join(
        heading(1, f"{quiz.title}: present mode", "quiz-present"),
        '<p class="present-help no-print">Use the Previous and Next buttons, or the left and right arrow keys.</p>',
        '<div class="present" id="present" markdown>',
        *slides,
        "</div>",
        '<div class="present-controls" hidden markdown="span">'
        '<button type="button" class="md-button" id="present-previous">Previous</button> '
        '<span class="present-position" id="present-position" aria-live="polite"></span> '
        '<button type="button" class="md-button md-button--primary" id="present-next">Next</button></div>',
    )


def render_quiz_handout(quiz: Quiz) -> str:
    """A printable handout: every question and its options, with boxes to tick and no answers."""
    blocks = []
    for number, question in enumerate(quiz.questions, 1):
        options = "\n".join(f'<li markdown><span class="tick-box" aria-hidden="true"></span> {option.text}</li>'
                            for option in question.options)
        blocks.append(join(heading(2, f"Question {number}: {question.question}", f"handout-{question.id}"),
                           scenario_block(question), f"*{QUESTION_TYPE_HINTS[question.type]}*",
                           f'<ul class="handout-options" markdown>\n{options}\n</ul>'))
    return join(heading(1, f"{quiz.title}: handout", "quiz-handout"),
                '<p class="no-print">Print this page for a team session. The answers are on the answer sheet.</p>',
                *blocks)


def render_quiz_answers(quiz: Quiz, book) -> str:
    """A printable answer sheet: every question with its answer and why each option is right or wrong."""
    blocks = [join(heading(2, f"Question {number}: {question.question}", f"answer-{question.id}"),
                   render_answer(question, book))
              for number, question in enumerate(quiz.questions, 1)]
    return join(heading(1, f"{quiz.title}: answer sheet", "quiz-answers"),
                f"<p>The pass mark is {quiz.pass_mark} out of {len(quiz.questions)}.</p>", *blocks)
