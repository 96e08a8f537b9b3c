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


def option_letter(index: int) -> str:
    """The letter an option is known by on every page and on paper: 0 -> "A", 1 -> "B"."""
    return chr(ord("A") + index)


def feedback_reason(option) -> str:
    """An option's feedback without its opening verdict ("Right." or "Wrong."): the reason alone."""
    for verdict in ("Right.", "Wrong."):
        if option.feedback.startswith(verdict):
            return option.feedback.removeprefix(verdict).strip()
    return option.feedback


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


def render_answer(question: QuizQuestion, book, with_feedback: bool = True) -> str:
    """The full answer: right answer(s), explanation, and why each option is right or wrong.

    The projector leaves out each option's feedback (`with_feedback=False`): the room sees the explanation."""
    feedback = "\n".join(
        f"<li markdown><strong>{escape(option.text)}</strong>: {option.feedback}</li>"
        for option in question.options)
    return join(f'<p class="quiz-correct-answer" markdown><strong>{escape(correct_answer_text(question))}'
                f'</strong></p>',
                question.explanation,
                f'<ul class="quiz-all-feedback" markdown>\n{feedback}\n</ul>' if with_feedback else "",
                covers_links(question, book))


def missed_feedback(question: QuizQuestion, index: int, option) -> str:
    """In a select-all question, what a right option left unticked says: never "Right.", which would
    read as praise for an answer the person did not give."""
    if question.type != "multiple" or not option.correct:
        return ""
    return (f'\n<div class="quiz-option-feedback quiz-missed" id="{option_id(question, index)}-missed" hidden markdown>'
            f'<strong>You missed this one.</strong> {feedback_reason(option)}</div>')


def render_question(question: QuizQuestion, number: int, book) -> str:
    """One question as a fieldset: the question as legend, native inputs with labels, and its answer."""
    input_type = "checkbox" if question.type == "multiple" else "radio"
    options = "\n".join(
        f'<div class="quiz-option" data-correct="{str(option.correct).lower()}" markdown="span">'
        f'<input type="{input_type}" name="{question.id}" id="{option_id(question, index)}" value="{index + 1}">'
        f' <label for="{option_id(question, index)}"><span class="option-letter">{option_letter(index)}</span> '
        f'{option.text}</label></div>\n'
        f'<div class="quiz-option-feedback" id="{option_id(question, index)}-feedback" hidden markdown>'
        f'{option.feedback}</div>'
        + missed_feedback(question, index, option)
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


def pass_mark_sentence(quiz: Quiz) -> str:
    """The pass mark, worded to suit both uses: a self-check on your own, and a score a learning system records."""
    return (f"{len(quiz.questions)} questions. Aim for {quiz.pass_mark} or more right: that is also the pass mark "
            "if your organisation records the quiz as training.")


def render_quiz(quiz: Quiz, book, lms_note: str = "") -> str:
    """The quiz page: a form of fieldsets that works without JavaScript, with controls the script enables.

    `lms_note`, given only for the SCORM package, says what the learning management system records.
    """
    questions = [render_question(question, number, book) for number, question in enumerate(quiz.questions, 1)]
    return join(
        page_opening(quiz),
        quiz.intro,
        f'<div class="admonition note quiz-lms-note" markdown>\n\n{lms_note}\n\n</div>' if lms_note else "",
        f'<p class="quiz-pass-mark">{pass_mark_sentence(quiz)}</p>',
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


def qr_code_svg(address: str, label: str) -> str:
    """A QR code for `address` as inline SVG, made at build time: dark squares on white in both colour schemes,
    sized by the stylesheet (it has a viewBox and no fixed size)."""
    import segno  # only the projector view needs it

    svg = segno.make(address, error="m").svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True,
                                                    title=label)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def present_title_slide(quiz: Quiz, quiz_address: str | None) -> str:
    """The first slide: the session's name and, when the site's address is known, a QR code to the quiz."""
    qr = ""
    if quiz_address:
        label = f"QR code that opens the {quiz.title.lower()} at {quiz_address}"
        qr = (f'<figure class="present-qr">{qr_code_svg(quiz_address, label)}'
              f'<figcaption>Take the quiz on your phone: scan the code or go to <span class="present-address">'
              f'{escape(quiz_address)}</span></figcaption></figure>')
    # The page's h1 sits just before this slide, outside it, so that every slide's page still has it.
    return join('<section class="present-slide present-title" id="slide-start" aria-labelledby="quiz-present" markdown>',
                f'<p class="present-subtitle">A team session: {len(quiz.questions)} questions, one at a time.</p>',
                qr,
                # Read only with the script, which is what makes the keys work.
                '<p class="present-help">Keys: the arrows, or Page Up and Page Down on a clicker, move between '
                "slides; Home and End go to the first and last; R reveals the answer; F is full screen, and Escape "
                "leaves it.</p>",
                "</section>")


def present_slide(question: QuizQuestion, number: int, total: int, book) -> str:
    """One question on the projector: lettered options, and the answer kept in a disclosure until revealed.

    The script reveals it in place: a tick and "Right" on the right option(s), the others dimmed."""
    options = "\n".join(
        f'<li class="present-option" data-correct="{str(option.correct).lower()}" markdown="span">'
        f'<span class="option-letter">{option_letter(index)}</span> <span class="present-option-text">'
        f'{option.text}</span>'
        + ('<span class="present-verdict" hidden><span aria-hidden="true">\u2713</span> Right</span>'
           if option.correct else "")
        + "</li>"
        for index, option in enumerate(question.options))
    return join(
        f'<section class="present-slide" id="slide-{number}" aria-labelledby="slide-{number}-title" '
        f'data-type="{question.type}" markdown>',
        '<div class="present-question" markdown>',
        f'<h2 id="slide-{number}-title"><span class="present-number">Question {number} of {total}:</span> '
        f"{escape(question.question)}</h2>",
        scenario_block(question),
        f'<p class="quiz-hint">{QUESTION_TYPE_HINTS[question.type]}</p>',
        f'<ol class="present-options" markdown>\n{options}\n</ol>',
        "</div>",
        f'<details class="quiz-answer present-answer" markdown>\n<summary>Reveal answer</summary>\n\n'
        f"{render_answer(question, book, with_feedback=False)}\n</details>",
        "</section>")


def render_quiz_present(quiz: Quiz, book, guide_title: str, quiz_address: str | None, leave_address: str) -> str:
    """The projector view: a title slide, then one question per slide; the script adds the controls.

    `quiz_address` is the quiz's full address when the site's address is known (for the QR code), else None.
    `leave_address` is the trainer's page, where "Leave" goes."""
    total = len(quiz.questions)
    slides = [present_slide(question, number, total, book) for number, question in enumerate(quiz.questions, 1)]
    return join(
        '<div class="present" id="present" markdown>',
        # Shown large on the title slide; kept for screen readers (and the page's outline) on the others.
        f'<h1 id="quiz-present" class="present-heading">{escape(guide_title)}: {escape(quiz.title)}</h1>',
        '<div class="present-slides" markdown>',
        present_title_slide(quiz, quiz_address),
        *slides,
        "</div>",
        '<div class="present-controls" role="group" aria-label="Presentation controls" hidden markdown="span">'
        '<button type="button" class="md-button" id="present-previous" aria-keyshortcuts="ArrowLeft">Previous</button>'
        ' <span class="present-position" id="present-position" aria-live="polite"></span> '
        '<button type="button" class="md-button md-button--primary" id="present-next" aria-keyshortcuts="ArrowRight">'
        "Next</button> "
        '<button type="button" class="md-button" id="present-reveal" aria-keyshortcuts="R" aria-pressed="false">'
        "Reveal answer (R)</button> "
        '<button type="button" class="md-button" id="present-count" aria-pressed="false">Room count</button> '
        '<button type="button" class="md-button" id="present-fullscreen" aria-keyshortcuts="F">Full screen (F)</button> '
        f"[Leave]({leave_address}){{ .present-leave }}</div>",
        "</div>",
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
