"""The "Should I share?" decision aid as a step-through, a flowchart picture and a printable list. Pure functions.

The step-through works without JavaScript: every question and outcome is a section with its own anchor,
and each answer is a link to the next one. `docs/assets/decision-aid.js` shows one step at a time,
keeps the path so far, and adds Back and Start again. The flowchart is an SVG drawn here, at build time.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape

from ..model import DecisionAid, DecisionOutcome, SourcesRegister, UrgencyWords
from .contacts import URGENCIES_THAT_REFER
from .guide import see_also
from .icons import icon
from .text import heading, join, plain_text, sources_block

OUTCOME_PREFIX = "What to do:"

# How each urgency looks: its icon. Most urgent first, as model.URGENCIES; the words are in the YAML (urgency_words).
URGENCY_ICONS = {
    "emergency": "alarm-light",
    "refer-now": "arrow-right-bold-circle",
    "share-with-care": "check-circle",
    "seek-advice": "help-circle",
    "do-not-share-yet": "pause-circle",
    "not-safeguarding": "information",
}


def is_outcome(node) -> bool:
    return isinstance(node, DecisionOutcome)


def node_label(node) -> str:
    """What a question or outcome is called wherever it is named: its question, or its title."""
    return node.title if is_outcome(node) else node.question


def print_page_of(aid: DecisionAid) -> str:
    """The Markdown file of the printable version."""
    return f"{aid.id}-print.md"


def judgement_notice(aid: DecisionAid, expandable: bool = True) -> str:
    """The warning at the top of every view: 999 in an emergency first, then that judgement and local procedures
    come first. On the step-through the full warning opens from its one-line summary, so that the first question
    fits on a phone's first screen; the printable version shows it in full."""
    judgement = (f'<details class="decision-judgement-details" markdown>\n<summary>{aid.judgement_summary}</summary>\n\n'
                 f'{aid.judgement}\n\n</details>') if expandable else f"**{aid.judgement_summary}**\n\n{aid.judgement}"
    return (f'<div class="admonition warning decision-judgement" markdown>\n'
            f'<p class="admonition-title decision-emergency" markdown="span">{aid.emergency}</p>\n\n{judgement}\n\n</div>')


def outcome_links(outcome: DecisionOutcome, book) -> str:
    """Links to the golden rules and key messages an outcome rests on."""
    return join(see_also(outcome.rules, book, "Golden rules"), see_also(outcome.messages, book, "Key messages"))


# ---- The step-through ----

def node_section(node, css_class: str, title: str, body: str) -> str:
    """A question or outcome as a section anchored by its id, headed by `title` (which scripts can focus)."""
    heading_id = f"{node.id}-heading"
    return (f'<section class="{css_class}" id="{node.id}" aria-labelledby="{heading_id}" markdown>\n\n'
            f'<h3 id="{heading_id}" tabindex="-1" markdown="span">{title}</h3>\n\n{body}\n</section>')


@dataclass(frozen=True)
class OutcomeLinks:
    """What an outcome links to besides its text: the guide's addresses, the sources, the front doors."""

    book: dict
    register: SourcesRegister
    front_doors: str  # the front doors block (contacts.front_doors_block), shown on the outcomes that refer
    urgency_words: UrgencyWords


def urgency_badge(urgency: str, words: UrgencyWords) -> str:
    """How urgent an outcome is, as a word with an icon: never by colour alone."""
    return f'<p class="urgency-badge">{icon(URGENCY_ICONS[urgency])} <strong>{words.word(urgency)}</strong></p>'


def render_outcome(outcome: DecisionOutcome, links: OutcomeLinks, css_class: str, after: str = "") -> str:
    """An outcome: how urgent; where to refer, first, when it refers (a practitioner at 2 a.m. needs the number
    before the reasons); what to do; the rules and messages; its sources."""
    doors = links.front_doors if outcome.urgency in URGENCIES_THAT_REFER else ""
    return node_section(outcome, f"{css_class} urgency-{outcome.urgency}", f"{OUTCOME_PREFIX} {outcome.title}",
                        join(urgency_badge(outcome.urgency, links.urgency_words), doors, outcome.text,
                             outcome_links(outcome, links.book), sources_block(outcome.sources, links.register), after))


def no_offer(outcome: DecisionOutcome, links: OutcomeLinks) -> str:
    """What an outcome offers at its end when nothing is offered."""
    return ""


def render_step(node, aid: DecisionAid, links: OutcomeLinks, offer=no_offer) -> str:
    """One question with its answers as links, or one outcome with a link back to the start, and what `offer` adds
    at its end (the record of the decision: render.decision_record.record_offer)."""
    css_class = "decision-step is-current" if node.id == aid.start else "decision-step"
    if is_outcome(node):
        return render_outcome(node, links, f"{css_class} decision-outcome",
                              join(f'<p class="decision-start-again"><a href="#{aid.start}">Start again</a></p>',
                                   offer(node, links)))
    answers = "\n".join(f'<li><a class="md-button" href="#{answer.next}">{escape(plain_text(answer.answer))}</a></li>'
                        for answer in node.answers)
    return node_section(node, f"{css_class} decision-question", node.question,
                        join(node.help or "", f'<ul class="decision-answers">\n{answers}\n</ul>'))


def steps_in_order(aid: DecisionAid) -> list:
    """Every question and outcome, first reached first: the order a reader meets them without scripts."""
    nodes, order, queue = aid.nodes(), [], [aid.start]
    while queue:
        ident = queue.pop(0)
        if ident in order:
            continue
        order.append(ident)
        queue += [answer.next for answer in getattr(nodes[ident], "answers", ())]
    return [nodes[ident] for ident in order]


def render_step_through(aid: DecisionAid, links: OutcomeLinks, offer=no_offer) -> str:
    """All the steps, the script's controls (hidden until it runs), the path so far and a live region."""
    return join(
        f'<div class="decision-aid" id="decision-aid" data-start="{aid.start}" markdown>',
        *(render_step(node, aid, links, offer) for node in steps_in_order(aid)),
        '<div class="decision-controls" hidden markdown="span">'
        '<button type="button" class="md-button" id="decision-back">Back</button> '
        '<button type="button" class="md-button" id="decision-restart">Start again</button></div>',
        '<div class="decision-path" hidden markdown>\n\n<h3 id="decision-path-heading">Your answers so far</h3>\n\n'
        '<ol id="decision-path-list"></ol>\n\n</div>',
        '<div class="visually-hidden" id="decision-announcer" role="status" aria-live="polite"></div>',
        "</div>",
    )


# ---- The flowchart picture ----

BOX_WIDTH = 300
BOX_PADDING = 12
FONT_SIZE = 15
LINE_HEIGHT = 19
# An average character of the site's sans-serif type is a little over half its size; a safe margin.
CHARACTERS_PER_LINE = int((BOX_WIDTH - 2 * BOX_PADDING) / (FONT_SIZE * 0.56))
COLUMN_GAP = 40
# The answers' labels' size, as docs/assets/decision-aid.css sets it.
ANSWER_FONT_SIZE = 13
# Room on the left of the questions for answers that skip down past other questions.
LANE_WIDTH = 24
ROW_GAP = 44
MARGIN = 10


@dataclass(frozen=True)
class Box:
    """Where one question or outcome is drawn, and its label broken into lines that fit."""

    node: object
    x: float
    y: float
    lines: tuple[str, ...]
    row_bottom: float = 0  # the bottom of the tallest box in this box's row: lines turn below it

    @property
    def height(self) -> float:
        return box_height(self.lines)

    @property
    def centre(self) -> float:
        return self.x + BOX_WIDTH / 2


def box_height(lines) -> float:
    return len(lines) * LINE_HEIGHT + 2 * BOX_PADDING


def box_lines(node, words: UrgencyWords) -> tuple[str, ...]:
    """The label of a node wrapped to the box; an outcome starts with its urgency, then 'What to do:'."""
    lines = textwrap.wrap(plain_text(node_label(node)), CHARACTERS_PER_LINE, break_long_words=False)
    return (words.word(node.urgency), OUTCOME_PREFIX, *lines) if is_outcome(node) else tuple(lines)


def layers(aid: DecisionAid) -> list[list]:
    """The nodes in rows: one question a row, in an order where every question comes after all the questions that
    lead to it; each outcome in the row just after the last question that leads to it."""
    nodes, order = aid.nodes(), steps_in_order(aid)
    # A depth-first topological order: every question after all the questions that lead to it, and each branch's
    # questions together (the first answer's branch first), so that few lines have to skip down past a question.
    finished: list = []

    def visit(node):
        if node in finished:
            return
        for answer in reversed(getattr(node, "answers", ())):
            visit(nodes[answer.next])
        finished.append(node)

    visit(nodes[aid.start])
    questions = [node for node in reversed(finished) if not is_outcome(node)]
    rows = [[question] for question in questions] + [[]]
    row_of = {question.id: index for index, question in enumerate(questions)}
    for node in order:
        if is_outcome(node):
            parents = [row_of[question.id] for question in questions
                       if any(answer.next == node.id for answer in question.answers)]
            rows[max(parents) + 1].append(node)
    return [row for row in rows if row]


def layout(aid: DecisionAid) -> tuple[list[Box], float, float]:
    """Every node's box, and the picture's width and height.

    Each row starts at the left with its question, then its outcomes: the questions run straight down the left
    side, and the outcomes sit to their right, so on a narrow screen the questions are what shows first. A lane to
    the left of the questions carries the answers that skip rows to reach a question further down.
    """
    rows = [sorted(row, key=is_outcome) for row in layers(aid)]
    left = MARGIN + LANE_WIDTH
    boxes, y = [], MARGIN
    for row in rows:
        lines = [box_lines(node, aid.urgency_words) for node in row]
        row_bottom = y + max(map(box_height, lines))
        boxes += [Box(node, left + index * (BOX_WIDTH + COLUMN_GAP), y, label, row_bottom)
                  for index, (node, label) in enumerate(zip(row, lines))]
        y = row_bottom + ROW_GAP
    # Wide enough for every box, and for every answer's label beside the line it labels.
    by_id = {box.node.id: box for box in boxes}
    labels_end = [by_id[answer.next].centre + 6 + answer_label_width(answer.answer)
                  for box in boxes for answer in getattr(box.node, "answers", ())]
    width = max([box.x + BOX_WIDTH for box in boxes] + labels_end) + MARGIN
    return boxes, width, y - ROW_GAP + MARGIN


def answer_label_width(answer: str) -> float:
    """About how wide an answer's label is drawn (italic, ANSWER_FONT_SIZE): a little over half its size a letter."""
    return len(plain_text(answer)) * ANSWER_FONT_SIZE * 0.56


def svg_text(lines, x: float, top: float, css_class: str, anchor: str = "middle") -> str:
    """Lines of text, one <tspan> each, the first line's baseline just under `top`."""
    spans = "".join(f'<tspan x="{x:g}" y="{top + FONT_SIZE + index * LINE_HEIGHT:g}">{escape(line)}</tspan>'
                    for index, line in enumerate(lines))
    return f'<text class="{css_class}" text-anchor="{anchor}" fill="currentColor">{spans}</text>'


def draw_box(box: Box) -> str:
    outcome = is_outcome(box.node)
    css_class = f"flowchart-outcome urgency-{box.node.urgency}" if outcome else "flowchart-question"
    # Outcomes are rounded with a thick border, so the two kinds differ in shape, not only in colour.
    rect = (f'<rect x="{box.x:g}" y="{box.y:g}" width="{BOX_WIDTH}" height="{box.height:g}" '
            f'rx="{14 if outcome else 3}" stroke="currentColor" stroke-width="{3 if outcome else 1.5}"/>')
    top = box.y + BOX_PADDING - 3
    if outcome:  # the urgency line is set apart from what to do
        text = (svg_text(box.lines[:1], box.centre, top, "flowchart-urgency")
                + svg_text(box.lines[1:], box.centre, top + LINE_HEIGHT, "flowchart-label"))
    else:
        text = svg_text(box.lines, box.centre, top, "flowchart-label")
    return f'<g class="{css_class}">{rect}{text}</g>'


def draw_answer(parent: Box, child: Box, answer: str, boxes: list[Box]) -> str:
    """An elbow line from a question down to where one answer leads, labelled with the answer. A line to a question
    with other boxes between them in its column runs down the lane on the left instead, so it crosses no box, and
    arrives at the question's left side."""
    bottom = parent.y + parent.height
    turn = parent.row_bottom + ROW_GAP / 3
    in_between = any(box.x == child.x and bottom < box.y < child.y for box in boxes)
    if in_between:
        # Into the box's left side, not its top, so that it cannot be read as the line of the question above.
        lane, arrive = MARGIN + LANE_WIDTH / 2, child.y + child.height / 2
        route = f"H{lane:g} V{arrive:g} H{child.x - 2:g}"
        label = svg_text([answer], lane + 6, turn - 1, "flowchart-answer", anchor="start")
    else:
        route = f"H{child.centre:g} V{child.y - 2:g}"
        label = svg_text([answer], child.centre + 6, turn - 1, "flowchart-answer", anchor="start")
    line = (f'<path d="M{parent.centre:g} {bottom:g} V{turn:g} {route}" fill="none" '
            f'stroke="currentColor" stroke-width="1.5" marker-end="url(#flowchart-arrow)"/>')
    return line + label


def flowchart_svg(aid: DecisionAid) -> str:
    """The whole decision aid as an SVG picture, with a title and description for screen readers."""
    boxes, width, height = layout(aid)
    by_id = {box.node.id: box for box in boxes}
    answers = [draw_answer(box, by_id[answer.next], plain_text(answer.answer), boxes)
               for box in boxes for answer in getattr(box.node, "answers", ())]
    questions = sum(not is_outcome(box.node) for box in boxes)
    description = (f"A flowchart of {questions} questions, starting with: {plain_text(node_label(by_id[aid.start].node))} "
                   f"Each answer leads to another question or to one of {len(boxes) - questions} outcomes saying "
                   "what to do. The same flowchart is written out in words on this site.")
    return (f'<svg class="decision-flowchart" viewBox="0 0 {width:g} {height:g}" width="{width:g}" height="{height:g}" '
            'role="img" '
            'aria-labelledby="flowchart-title flowchart-description" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="flowchart-title">Flowchart: {escape(plain_text(aid.title))}</title>'
            f'<desc id="flowchart-description">{escape(description)}</desc>'
            '<defs><marker id="flowchart-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z" fill="currentColor"/></marker></defs>'
            f'<g class="flowchart-answers">{"".join(answers)}</g>'
            f'{"".join(draw_box(box) for box in boxes)}</svg>')


def flowchart_figure(aid: DecisionAid, caption: str) -> str:
    """The picture in a figure with a caption in Markdown. On a narrow screen the picture keeps a readable size and
    scrolls sideways, and a line above it says so (the outcomes are on the right, out of sight at first)."""
    return (f'<figure class="decision-figure" markdown>\n'
            f'<p class="flowchart-scroll-hint" markdown="span">The flowchart is wider than your screen: scroll it '
            f'sideways to see the outcomes on the right, or [read it as a list]({print_page_of(aid)}#questions-and-answers).</p>\n'
            f'<div class="flowchart-scroll" tabindex="0" role="region" aria-label="Flowchart picture, scrolls sideways">'
            f"{flowchart_svg(aid)}</div>\n"
            f'<figcaption markdown="span">{caption}</figcaption>\n</figure>')


# ---- The printable version: the questions as a numbered list ----

def print_anchor(question) -> str:
    """A question's anchor in the printable list (the step-through already uses its id)."""
    return f"list-{question.id}"


def numbered_questions(aid: DecisionAid) -> list:
    """The questions in the order the flowchart and the printable list number them, from 1."""
    return [row[0] for row in layers(aid) if not is_outcome(row[0])]


def question_list(aid: DecisionAid) -> str:
    """Every question once, numbered in the flowchart's order, each with its answers: an answer names the outcome it
    ends at, or the number of the question it goes to. Flat, so that it reads on paper however deep the tree is."""
    questions = numbered_questions(aid)
    number = {question.id: index for index, question in enumerate(questions, start=1)}
    nodes, items = aid.nodes(), []
    for question in questions:
        answers = []
        for answer in question.answers:
            target = nodes[answer.next]
            if is_outcome(target):
                answers.append(f"    - **{answer.answer}:** {OUTCOME_PREFIX} [{target.title}](#{target.id})")
            else:
                answers.append(f"    - **{answer.answer}:** go to question {number[target.id]}, "
                               f"[{target.question}](#{print_anchor(target)})")
        items.append(f'{number[question.id]}. <span id="{print_anchor(question)}"></span>**{question.question}**\n\n'
                     + "\n".join(answers))
    return "\n\n".join(items)


def render_decision_aid_print(aid: DecisionAid, book, register: SourcesRegister, front_doors: str,
                              offer=no_offer) -> str:
    """The printable version: the picture first (on a page of its own in print), then the warning, every question
    with its answers, numbered, and every outcome, each ending with what `offer` adds."""
    links = OutcomeLinks(book, register, front_doors, aid.urgency_words)
    outcomes = [render_outcome(outcome, links, "decision-outcome", offer(outcome, links)) for outcome in aid.outcomes]
    return join(
        heading(1, f"{aid.title} The whole flowchart", aid.id),
        flowchart_figure(aid, f"Flowchart of the {plain_text(aid.title)} decision aid. In an emergency call 999 "
                              f"first. The same questions and outcomes are written out below (in print, on the next "
                              f"pages). [Step through it one question at a time]({aid.id}.md)."),
        judgement_notice(aid, expandable=False),
        heading(2, "The questions and answers", "questions-and-answers"),
        "Start with question 1. Each answer says which question to go to next, or what to do.",
        question_list(aid),
        heading(2, "What to do", "what-to-do"),
        *outcomes,
    )


def render_decision_aid(aid: DecisionAid, book, register: SourcesRegister, front_doors: str, offer=no_offer,
                        after_steps: str = "") -> str:
    """The decision aid page: 999 and the warning, the step-through, how to use it, and the flowchart.

    On a phone the first question's answers must show without scrolling, so the summary and the intro come after
    the step-through, in a disclosure. `offer` adds to the end of each outcome, and `after_steps` follows the
    step-through (the record of the decision: render.decision_record).
    """
    return join(
        heading(1, aid.title, aid.id),
        judgement_notice(aid),
        # For screen readers only: the question's box shows what it is, and a phone has no room to spare.
        '<h2 class="visually-hidden">Step through the questions</h2>',
        render_step_through(aid, OutcomeLinks(book, register, front_doors, aid.urgency_words), offer),
        after_steps,
        f'<details class="decision-about" markdown>\n<summary>About this decision aid</summary>\n\n{aid.summary}\n\n'
        f"{aid.intro}\n\n</details>",
        heading(2, "The flowchart", "flowchart"),
        flowchart_figure(aid, f"The questions above as a flowchart. [Read the whole flowchart as a list, or print "
                              f"it]({print_page_of(aid)})."),
    )
