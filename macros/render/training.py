"""Turn the quiz, the reflection exercise and the trainer's guide into page Markdown. Pure functions.

The HTML works without JavaScript: native radios and checkboxes in fieldsets, and a "Show answer"
disclosure for every question. `docs/assets/quiz.js` and `reflection.js` add checking, scores,
storage on the device (only when the person asks) and printing.
"""
from __future__ import annotations

import hashlib
import json
import re
from html import escape

from ..model import (CPD_PROMPTS, CpdRecordForm, FacilitatorGuide, MeaningForMeSection, Quiz, QuizQuestion,
                     ReflectionExercise, ReflectionQuestion)
from .guide import see_also
from .text import anchored, heading, join, page_opening

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
    """Links to the key messages and golden rules a question rests on, then to the tools it names (`see`)."""
    # An entry without an address (the SCORM package, when the site's address is not known) is named, not linked.
    links = ", ".join(f"[{book[ident][1]}]({book[ident][0]})" if book[ident][0] else book[ident][1]
                      for ident in (*question.covers, *question.see))
    return f'<p class="{css_class}"{" hidden" if hidden else ""} markdown>Read more: {links}.</p>'


def correct_answer_text(question: QuizQuestion) -> str:
    """'The answer is: …' for one right answer; a list for select-all-that-apply."""
    right = [question.options[index].text for index in question.right_indexes()]
    if question.type == "multiple":
        return "The right answers are: " + "; ".join(right) + "."
    return f"The answer is: {right[0]}"


def render_answer(question: QuizQuestion, book, for_the_room: bool = False) -> str:
    """The full answer: right answer(s), explanation, why each option is right or wrong, and where to read more.

    The projector (`for_the_room=True`) shows the right answer and the explanation only: the room reads the
    explanation, and nobody can follow a link on the wall."""
    feedback = "\n".join(
        f"<li markdown><strong>{escape(option.text)}</strong>: {option.feedback}</li>"
        for option in question.options)
    return join(f'<p class="quiz-correct-answer" markdown><strong>{escape(correct_answer_text(question))}'
                f'</strong></p>',
                question.explanation,
                "" if for_the_room else f'<ul class="quiz-all-feedback" markdown>\n{feedback}\n</ul>',
                "" if for_the_room else covers_links(question, book))


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


def notes_box(question: ReflectionQuestion) -> str:
    """An optional notes box under a question, with a copy that prints every line (a text area prints one box)."""
    return (f'<div class="reflection-notes" markdown="span"><label for="note-{question.id}">Your notes'
            f'<span class="visually-hidden"> on: {escape(question.question)}</span> (optional)</label>\n'
            f'<textarea id="note-{question.id}" name="{question.id}" rows="4" data-question="{escape(question.question)}" '
            f'aria-describedby="{question.id}-prompt reflection-warning"></textarea>\n'
            f'<div class="print-only reflection-print-notes" data-for="note-{question.id}"></div></div>')


def profession_words(professions, wording) -> str:
    """One span per profession that has this wording; the script shows the chosen profession's, else the first."""
    return "".join(f'<span data-profession="{profession.id}"{" hidden" if index else ""}>{escape(words)}</span>'
                   for index, profession in enumerate(professions)
                   for words in [wording(profession)] if words)


def quiz_answer_key(quiz: Quiz) -> str:
    """The right option numbers of every question, as the quiz page stores answers: {"id": ["2"], ...}."""
    return json.dumps({question.id: [str(index + 1) for index in question.right_indexes()]
                       for question in quiz.questions}, separators=(",", ":"))


def render_cpd_record(form: CpdRecordForm, activity: str, parts, quiz: Quiz) -> str:
    """The CPD record form: profession, date, time, parts used, quiz score, the regulator's prompts.

    Nothing here needs the script to be filled in and printed; the script switches the wording between
    professions, offers the quiz score answered on this device, and puts the record together.
    """
    professions = form.professions
    choices = "\n".join(
        f'<div class="cpd-choice"><input type="radio" name="cpd-profession" id="cpd-profession-{profession.id}" '
        f'value="{profession.id}"{" checked" if not index else ""}> '
        f'<label for="cpd-profession-{profession.id}">{escape(profession.name)}</label></div>'
        for index, profession in enumerate(professions))
    notes = "\n".join(f'<p class="cpd-profession-note" data-profession="{profession.id}" hidden>'
                      f'{escape(profession.note)}</p>' for profession in professions if profession.note)
    used = "\n".join(
        f'<div class="cpd-choice"><input type="checkbox" name="cpd-parts" id="cpd-part-{index + 1}" '
        f'value="{escape(title)}"> <label for="cpd-part-{index + 1}">{escape(title)}</label></div>'
        for index, title in enumerate(parts))
    prompts = "\n".join(
        f'<div class="cpd-prompt" data-prompt="{name}"><label for="cpd-{name}">'
        f'{profession_words(professions, lambda profession: getattr(profession.prompts, name))}</label>\n'
        f'<textarea id="cpd-{name}" name="cpd-{name}" rows="4" aria-describedby="cpd-reminder"></textarea>\n'
        f'<div class="print-only reflection-print-notes" data-for="cpd-{name}"></div></div>'
        for name in CPD_PROMPTS)
    return join(
        heading(2, form.title, "cpd-record"),
        f'<div class="cpd-form" id="cpd-form" data-activity="{escape(activity)}" data-quiz="{quiz.id}" '
        f"data-version=\"{quiz_version(quiz)}\" data-quiz-answers='{escape(quiz_answer_key(quiz))}' markdown>",
        form.intro,
        f'<p class="cpd-reminder" id="cpd-reminder"><strong>{escape(form.reminder)}</strong></p>',
        f'<fieldset class="cpd-professions" hidden>\n<legend>Wording for your profession</legend>\n{choices}\n'
        f"{notes}\n</fieldset>",
        '<fieldset class="cpd-activity">\n<legend>The activity</legend>\n'
        '<p><label for="cpd-date">Date</label>\n<input type="date" id="cpd-date" name="cpd-date"></p>\n'
        '<p><label for="cpd-minutes">Time spent, in minutes</label>\n'
        '<input type="number" id="cpd-minutes" name="cpd-minutes" min="1" max="1000" inputmode="numeric"></p>\n'
        "</fieldset>",
        f'<fieldset class="cpd-parts">\n<legend>Which parts did you use?</legend>\n{used}\n</fieldset>',
        '<div class="cpd-quiz" hidden><input type="checkbox" id="cpd-include-quiz" name="cpd-include-quiz"> '
        '<label for="cpd-include-quiz">Include my quiz score from this device: '
        '<span class="cpd-quiz-score"></span></label></div>',
        prompts,
        '<p class="cpd-make" hidden><button type="button" class="md-button md-button--primary" id="cpd-make">'
        "Make a CPD record</button></p>",
        "</div>",
        # Filled by the script; printed on its own by "Print this record".
        '<section class="cpd-output" id="cpd-output" aria-labelledby="cpd-output-title" tabindex="-1" hidden>'
        '<p class="cpd-output-title" id="cpd-output-title" role="heading" aria-level="3">CPD record</p>'
        '<div class="cpd-output-body"></div>'
        '<p class="cpd-output-controls no-print">'
        '<button type="button" class="md-button" id="cpd-print">Print this record</button> '
        '<button type="button" class="md-button" id="cpd-download">Download this record as text</button></p>'
        "</section>",
    )


def render_meaning_for_me(section: MeaningForMeSection, exercise: ReflectionExercise, book, guide_title: str,
                          cpd_record: str) -> str:
    """Section 3: the questions to ask of your own practice, each with an optional notes box, the duty that
    always applies, and the CPD record (`cpd_record`, from render_cpd_record)."""
    questions = [join(heading(2, question.question, question.id),
                      f'<div class="reflection-prompt" id="{question.id}-prompt" markdown>\n\n{question.prompt}\n\n</div>',
                      see_also(question.see, book, "Helps to answer it"),
                      notes_box(question))
                 for question in section.questions]
    title = f"{guide_title}: {section.title}"
    return join(
        page_opening(section),
        f'<p class="print-only reflection-print-heading">{escape(title)}. '
        f'Date: <span class="reflection-print-date"></span></p>',
        section.intro,
        exercise.intro,
        f'<div class="admonition warning" id="reflection-warning" markdown>\n'
        f'<p class="admonition-title">Do not write names or identifying details</p>\n\n{exercise.warning}\n\n</div>',
        f'<div class="reflection-privacy no-print" markdown>\n\n{exercise.privacy}\n\n</div>',
        # data-exercise names the key notes were saved under before this page and the exercise merged.
        f'<form class="reflection" id="reflection-form" data-exercise="reflection" data-title="{escape(title)}" markdown>',
        # The choice to keep notes comes before the notes, so that nobody types without knowing.
        '<div class="reflection-storage no-print" hidden markdown="span"><input type="checkbox" id="reflection-save"> '
        '<label for="reflection-save">Save on this device</label></div>',
        *questions,
        anchored("div", section.requirement.id, section.requirement.text, "requirement admonition important"),
        '<div class="reflection-controls" hidden markdown="span">'
        '<button type="button" class="md-button" id="reflection-print">Print or save as PDF</button> '
        '<button type="button" class="md-button" id="reflection-download">Download as a text file</button></div>',
        cpd_record,
        '<div class="reflection-controls reflection-clear" hidden markdown="span">'
        '<button type="button" class="md-button" id="reflection-clear">Clear my notes</button></div>',
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
    steps = [join(heading(3, f"{step.activity} ({step.minutes} minutes)"), step.notes or "")
             for step in guide_page.steps]
    quiz_prompts = [discussion_block(f"Question {number}: {question.question}", f"discuss-{question.id}",
                                     question.discussion)
                    for number, question in enumerate(quiz.questions, 1) if question.discussion]
    reflection_prompts = [discussion_block(question.question, f"discuss-{question.id}", question.discussion)
                          for question in section.questions if question.discussion]
    printables = "\n".join([
        f"- A screen or projector, to show the [quiz in present mode]({pages['present']}), one question at a time.",
        f"- The [quiz handout]({pages['handout']}), printed, one for each person: the questions and lettered "
        "options, without answers.",
        f"- The [reflection questions]({pages['reflection']}), printed, one for each person: the questions with "
        "space for notes.",
        f"- The [quiz answer sheet]({pages['answers']}), printed, for yourself: a one-page key, then the answers "
        "and why.",
        f"- Afterwards, the [self-check quiz]({pages['quiz']}), for people to take on their own.",
    ])
    lms = lms_downloads_block(downloads)
    return join(
        page_opening(guide_page),
        '<div class="facilitator printable" markdown>',
        guide_page.intro,
        heading(2, "What you need", "what-you-need"),
        printables,
        # Nothing to do on paper: an LMS import is done at a computer.
        f'<div class="no-print" markdown>\n\n{lms}\n\n</div>' if lms else "",
        heading(2, "Ground rules", "ground-rules"),
        guide_page.ground_rules,
        heading(2, f"Session plan ({sum(step.minutes for step in guide_page.steps)} minutes)", "session-plan"),
        *steps,
        heading(2, "Discussion prompts for the quiz", "quiz-discussion"),
        *quiz_prompts,
        heading(2, "Discussion prompts for the reflection questions", "reflection-discussion"),
        *reflection_prompts,
        "</div>",
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
        f"{render_answer(question, book, for_the_room=True)}\n</details>",
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


def render_quiz_handout(quiz: Quiz, partnership_name: str) -> str:
    """A printable handout: lines for name, team and date, then every question with lettered options to tick.

    Each question is one block that print never splits across pages.
    """
    blocks = []
    for number, question in enumerate(quiz.questions, 1):
        options = "\n".join(f'<li markdown="span"><span class="tick-box" aria-hidden="true"></span> '
                            f'<strong class="option-letter">{option_letter(index)}</strong> {option.text}</li>'
                            for index, option in enumerate(question.options))
        blocks.append(join(f'<section class="handout-question" aria-labelledby="handout-{question.id}" markdown>',
                           heading(2, f"Question {number}: {question.question}", f"handout-{question.id}"),
                           scenario_block(question), f'<p class="quiz-hint">{QUESTION_TYPE_HINTS[question.type]}</p>',
                           f'<ul class="handout-options" markdown>\n{options}\n</ul>', "</section>"))
    return join(heading(1, f"{quiz.title}: handout", "quiz-handout"),
                f'<p class="printable-from">{escape(partnership_name)}</p>',
                '<p class="no-print">Print this page for a team session. The answers are on the answer sheet.</p>',
                '<div class="handout-details"><p>Name:</p><p>Team:</p><p>Date:</p></div>',
                '<div class="handout printable" markdown>', *blocks, "</div>")


def right_letters(question: QuizQuestion) -> str:
    """The letters of the right option(s): "B", or "A, B, D" for select all that apply."""
    return ", ".join(map(option_letter, question.right_indexes()))


def printed_links(markdown: str, print_address) -> str:
    """Links to pages of the guide, each marked with the address print shows after its text."""
    return re.sub(r"\[([^\]]+)\]\(([^)\s]+\.md(?:#[^)\s]*)?)\)",
                  lambda found: f'[{found.group(1)}]({found.group(2)}){{data-print-address="{print_address(found.group(2))}"}}',
                  markdown)


def render_quiz_answers(quiz: Quiz, book, partnership_name: str, print_address) -> str:
    """A printable answer sheet: a one-page key of letters, then each question's answer and why every option
    is right or wrong, one block per question that print never splits.

    `print_address` turns a link to a page of the guide ('key-messages.md#x') into the address printed after it.
    """
    key = "\n".join(f"<tr><td>{number}</td><td>{right_letters(question)}</td></tr>"
                    for number, question in enumerate(quiz.questions, 1))
    blocks = []
    for number, question in enumerate(quiz.questions, 1):
        options = "\n".join(
            f'<li markdown><strong>{option_letter(index)}. {escape(option.text)}</strong><br>\n{option.feedback}</li>'
            for index, option in enumerate(question.options))
        right = "; ".join(f"{option_letter(index)}. {question.options[index].text}"
                          for index in question.right_indexes())
        blocks.append(join(
            f'<section class="answer-question" aria-labelledby="answer-{question.id}" markdown>',
            heading(3, f"Question {number}: {question.question}", f"answer-{question.id}"),
            f'<p class="quiz-correct-answer" markdown="span"><strong>Answer: {escape(right)}</strong></p>',
            printed_links(question.explanation, print_address),
            f'<ul class="answer-options" markdown>\n{options}\n</ul>',
            printed_links(covers_links(question, book), print_address),
            "</section>"))
    return join(heading(1, f"{quiz.title}: answer sheet", "quiz-answers"),
                f'<p class="printable-from">{escape(partnership_name)}</p>',
                '<div class="answer-sheet printable" markdown>',
                heading(2, "Answer key", "answer-key"),
                f'<table class="answer-key">\n<thead><tr><th scope="col">Question</th><th scope="col">Answer</th></tr>'
                f"</thead>\n<tbody>\n{key}\n</tbody>\n</table>",
                f"<p>The pass mark is {quiz.pass_mark} out of {len(quiz.questions)}.</p>",
                heading(2, "The answers explained", "answers-explained"),
                *blocks, "</div>")
