"""The record of a decision made with the "Should I share?" aid (golden rule 7). Pure functions.

Every outcome offers "Make a record of this decision": a link to that outcome's printable record, on a page of
its own, with the questions that lead to it and blank lines to fill in by hand. `docs/assets/decision-record.js`
turns the link into a button that opens the record form on the decision aid's page, filled in with the date and
time, the questions answered with their answers, and the outcome; the person completes the rest, then copies,
prints or downloads it. Every word comes from the record's block in content/decision-aid.yml.
"""
from __future__ import annotations

from html import escape

from ..model import DecisionAid, DecisionOutcome, DecisionRecordForm, LawfulBasisChoice, ToldChoice
from .decision_aid import OUTCOME_PREFIX, OutcomeLinks, is_outcome, steps_in_order, urgency_badge
from .text import heading, join, plain_text, source_link


def record_page_of(aid: DecisionAid) -> str:
    """The Markdown file of the printable records: the record's id names the page."""
    return f"{aid.record.id}.md"


def record_book(aid: DecisionAid) -> dict[str, tuple[str, str]]:
    """The record's entry for the address book that links in the quiz are made from: id -> (address, label)."""
    return {aid.record.id: (record_page_of(aid), aid.record.title)}


def attribute(text: str) -> str:
    """One line of Markdown as the plain words of an HTML attribute's value."""
    return escape(plain_text(text), quote=True)


def outcome_summary(outcome: DecisionOutcome, aid: DecisionAid) -> str:
    """How the record names the outcome reached: its urgency, then what to do."""
    return f"{plain_text(aid.urgency_words.word(outcome.urgency))}. {OUTCOME_PREFIX} {plain_text(outcome.title)}"


def rules_line(outcome: DecisionOutcome, book) -> str:
    """The golden rules an outcome rests on, by their names, as the record writes them."""
    return "; ".join(plain_text(book[ident][1]) for ident in outcome.rules)


def sources_line(outcome: DecisionOutcome, links: OutcomeLinks) -> str:
    """An outcome's sources, by their short titles and dates, as the record writes them."""
    sources = links.register.by_id()
    return "; ".join(plain_text(source_link(sources[ident])) for ident in outcome.sources)


def record_offer(outcome: DecisionOutcome, aid: DecisionAid, links: OutcomeLinks) -> str:
    """At an outcome: the link to its printable record. The script makes it open the record on the page instead,
    and takes from it what the record says of the outcome (its words on the page are the outcome's own)."""
    return (f'<p class="decision-record-offer" data-outcome="{escape(outcome_summary(outcome, aid))}" '
            f'data-rules="{escape(rules_line(outcome, links.book))}" '
            f'data-sources="{escape(sources_line(outcome, links))}" markdown="span">'
            f"[{aid.record.make}]({record_page_of(aid)}#{outcome.id}){{ .md-button }}</p>")


def lawful_basis_choices(choice: LawfulBasisChoice, bases) -> list[str]:
    """Each lawful basis the guide explains, named with where it is in the law and any note the record adds."""
    notes = {note.basis: note.words for note in choice.notes}
    return [plain_text(f"{basis.title} ({basis.article})" + (f": {notes[basis.id]}" if basis.id in notes else ""))
            for basis in bases]


def paths_to(aid: DecisionAid, outcome_id: str) -> list[tuple]:
    """Every way to one outcome: the (question, answer) pairs from the first question, shortest first."""
    nodes, found, stack = aid.nodes(), [], [(aid.start, ())]
    while stack:
        ident, taken = stack.pop()
        if ident == outcome_id:
            found.append(taken)
        for answer in reversed(getattr(nodes[ident], "answers", ())):
            stack.append((answer.next, (*taken, (nodes[ident], answer))))
    return sorted(found, key=len)


def path_item(question, answer, record: DecisionRecordForm) -> str:
    return f"<li>{escape(plain_text(question.question))} {escape(plain_text(record.answer))} " \
           f"{escape(plain_text(answer.answer))}</li>"


# ---- The record on the decision aid's page, filled in by the script ----

def label_line(label: str, prompt: str = "", ident: str = "") -> str:
    """A part's label (a form label when `ident` names its box) and its prompt after it: under it on screen, beside
    it in print, where space is short."""
    words = escape(plain_text(label))
    label_html = (f'<label class="record-label" for="{ident}">{words}</label>' if ident
                  else f'<span class="record-label">{words}</span>')
    prompt_id = f' id="{ident}-prompt"' if ident else ""
    prompt_html = f' <span class="record-prompt"{prompt_id}>{prompt}</span>' if prompt else ""
    return f'<p class="record-heading" markdown="span">{label_html}{prompt_html}</p>'


def text_field(ident: str, label: str, prompt: str = "", rows: int = 2, css: str = "") -> str:
    """A labelled box to write in, its prompt (if any) read with it. `css` "record-half": half the width in print."""
    described = f' aria-describedby="{ident}-prompt"' if prompt else ""
    return (f'<div class="record-entry record-field {css}" markdown>\n{label_line(label, prompt, ident)}\n'
            f'<textarea id="{ident}" name="{ident}" rows="{rows}"{described}></textarea>\n</div>')


def choice_list(name: str, kind: str, labels: list[str], extra: str = "") -> str:
    """Radios or tick boxes, one a line, each with its label; `extra` follows the last."""
    items = [f'<div class="record-choice"><input type="{kind}" name="{name}" id="{name}-{number}" '
             f'value="{escape(label, quote=True)}"> <label for="{name}-{number}">{escape(label)}</label>'
             + (extra if number == len(labels) else "") + "</div>"
             for number, label in enumerate(labels, start=1)]
    return "\n".join(items)


def choice_field(ident: str, legend: str, prompt: str, choices: str, css: str = "") -> str:
    """Choices under their legend, the prompt (if any) read with them."""
    described = f' aria-describedby="{ident}-prompt"' if prompt else ""
    prompt_html = f'<p class="record-prompt" id="{ident}-prompt" markdown="span">{prompt}</p>' if prompt else ""
    return (f'<fieldset class="record-entry record-choices {css}" id="{ident}"{described} markdown>\n'
            f'<legend class="record-label">{escape(plain_text(legend))}</legend>\n{prompt_html}\n{choices}\n</fieldset>')


def lawful_basis_field(choice: LawfulBasisChoice, bases) -> str:
    """The lawful bases to choose from, then 'not sure', with a box for who was asked."""
    who = (f' <label class="visually-hidden" for="record-basis-who">{escape(plain_text(choice.not_sure_who))}</label>'
           f'<input type="text" id="record-basis-who" name="record-basis-who" class="record-inline-text">')
    labels = [*lawful_basis_choices(choice, bases), plain_text(choice.not_sure)]
    return choice_field("record-basis", choice.label, choice.prompt, choice_list("record-basis", "radio", labels, who))


def told_fields(told: ToldChoice) -> str:
    """Whether the person was told; if not, the guide's reasons to tick and a box for another."""
    answers = choice_field("record-told", told.label, told.prompt,
                           choice_list("record-told", "radio", [plain_text(answer) for answer in told.answers]),
                           "record-inline record-half")
    reasons = choice_field("record-why-not", told.why_not, "",
                           choice_list("record-why-not", "checkbox", [plain_text(reason) for reason in told.reasons]),
                           "record-half")
    return join(answers, reasons, text_field("record-why-not-more", told.other, rows=1))


def render_record_form(aid: DecisionAid, bases) -> str:
    """The record on the decision aid's page: hidden until "Make a record of this decision" at an outcome, which
    fills in the date and time, the questions and answers, and the outcome. The words the script writes (messages,
    the word for a blank part) travel as data attributes."""
    record = aid.record
    messages = record.messages
    data = {"answer": record.answer, "no-path": record.no_path, "left-blank": record.left_blank,
            **{f"message-{name.replace('_', '-')}": getattr(messages, name)
               for name in ("opened", "copied", "not_copied", "downloaded", "kept", "not_kept", "confirm_clear",
                            "cleared", "not_cleared")}}
    data_attributes = " ".join(f'data-{name}="{attribute(words)}"' for name, words in data.items())
    halves = ("rules", "sources")
    made = [
        '<div class="record-entry" markdown>\n<label class="record-label" for="record-made">'
        f'{escape(plain_text(record.made))}</label>\n'
        '<input type="text" id="record-made" name="record-made" class="record-inline-text"></div>',
        f'<div class="record-entry" data-part="path" markdown>\n<p class="record-label" id="record-path-label">'
        f'{escape(plain_text(record.path))}</p>\n<ol class="record-path" aria-labelledby="record-path-label"></ol>\n'
        '<p class="record-no-path" hidden></p></div>',
        *(f'<div class="record-entry{" record-half" if part in halves else ""}" data-part="{part}" markdown>\n'
          f'<p class="record-label">{escape(plain_text(label))}'
          f'</p>\n<div class="record-value"></div></div>'
          for part, label in (("outcome", record.outcome), ("to-do", record.to_do), ("rules", record.rules),
                              ("sources", record.sources))),
    ]
    return join(
        f'<section class="decision-record" id="{record.id}" aria-labelledby="{record.id}-heading" '
        f'data-file="{record.id}.txt" {data_attributes} hidden markdown>',
        f'<h2 id="{record.id}-heading" tabindex="-1">{escape(plain_text(record.heading))}</h2>',
        f'<p class="decision-record-privacy" id="record-privacy" markdown="span">**{record.privacy}**</p>',
        f'<p class="decision-record-keep"><input type="checkbox" id="record-keep"> '
        f'<label for="record-keep">{escape(plain_text(record.keep))}</label></p>',
        f'<form class="decision-record-body" id="record-form" aria-labelledby="{record.id}-heading" markdown>',
        *made,
        f'<p class="record-complete" markdown="span">{record.complete}</p>',
        text_field("record-shared", record.shared.label, record.shared.prompt, rows=3),
        text_field("record-with-whom", record.with_whom.label, record.with_whom.prompt, css="record-half"),
        text_field("record-when-and-how", record.when_and_how.label, record.when_and_how.prompt, css="record-half"),
        lawful_basis_field(record.lawful_basis, bases),
        told_fields(record.told),
        text_field("record-advice", record.advice.label, record.advice.prompt, css="record-half"),
        text_field("record-next-steps", record.next_steps.label, record.next_steps.prompt, css="record-half"),
        "</form>",
        '<p class="decision-record-controls">'
        f'<button type="button" class="md-button md-button--primary" id="record-copy">{escape(plain_text(record.copy))}'
        f'</button> <button type="button" class="md-button" id="record-print">{escape(plain_text(record.print))}</button> '
        f'<button type="button" class="md-button" id="record-download">{escape(plain_text(record.download))}</button></p>',
        f'<p class="decision-record-clear"><button type="button" class="md-button" id="record-clear">'
        f"{escape(plain_text(record.clear))}</button></p>",
        '<div class="visually-hidden" id="record-announcer" role="status" aria-live="polite"></div>',
        "</section>",
    )


# ---- The printable records: one a sheet, one for each outcome ----

def blank(css: str = "") -> str:
    """Lines to write on by hand."""
    return f'<div class="record-blank {css}" aria-hidden="true"></div>'


def paper_entry(label: str, body: str, prompt: str = "", css: str = "") -> str:
    return join(f'<div class="record-entry {css}" markdown>', label_line(label, prompt), body, "</div>")


def tick_list(labels: list[str], last: str = "", css: str = "") -> str:
    """Boxes to tick by hand, one a line; `last` follows the last label."""
    items = "\n".join(f'<li><span class="record-tick" aria-hidden="true"></span> {escape(label)}'
                      f'{last if number == len(labels) else ""}</li>'
                      for number, label in enumerate(labels, start=1))
    return f'<ul class="record-ticks {css}">\n{items}\n</ul>'


def paper_paths(outcome: DecisionOutcome, aid: DecisionAid) -> str:
    """The questions that lead to an outcome, each with the answer that leads on; every way there, shortest first."""
    lists = [f'<ol class="record-path">\n{"".join(path_item(question, answer, aid.record) for question, answer in taken)}'
             f"\n</ol>" for taken in paths_to(aid, outcome.id)]
    return f'\n<p class="record-other-path">{escape(plain_text(aid.record.other_path))}</p>\n'.join(lists)


def paper_record(outcome: DecisionOutcome, aid: DecisionAid, links: OutcomeLinks, bases) -> str:
    """One outcome's record on one A4 sheet, with the parts in the same order as the record made on screen: the
    outcome and the questions that lead to it filled in, boxes to tick and lines to write on for the rest. Anchored
    by the outcome's id."""
    record = aid.record
    told = record.told
    half = "record-half"
    return join(
        f'<section class="record-sheet urgency-{outcome.urgency}" id="{outcome.id}" '
        f'aria-labelledby="{outcome.id}-record" markdown>',
        f'<p class="record-sheet-title">{escape(plain_text(record.heading))}</p>',
        heading(2, outcome.title, f"{outcome.id}-record"),
        '<div class="record-sheet-body" markdown>',
        paper_entry(record.made, blank()),
        paper_entry(record.path, paper_paths(outcome, aid)),
        paper_entry(record.outcome, urgency_badge(outcome.urgency, aid.urgency_words)),
        paper_entry(record.to_do, f'<div class="record-to-do" markdown>\n\n{outcome.text}\n\n</div>'),
        paper_entry(record.rules, f"<p>{escape(rules_line(outcome, links.book))}</p>", css=half),
        paper_entry(record.sources, f"<p>{escape(sources_line(outcome, links))}</p>", css=half),
        f'<p class="record-complete" markdown="span">{record.complete}</p>',
        paper_entry(record.shared.label, blank("lines-2"), record.shared.prompt),
        paper_entry(record.with_whom.label, blank(), record.with_whom.prompt, half),
        paper_entry(record.when_and_how.label, blank(), record.when_and_how.prompt, half),
        paper_entry(record.lawful_basis.label, tick_list(
            [*lawful_basis_choices(record.lawful_basis, bases), plain_text(record.lawful_basis.not_sure)],
            ' <span class="record-write-in"></span>', "record-bases"), record.lawful_basis.prompt),
        paper_entry(told.label, tick_list([plain_text(answer) for answer in told.answers], css="record-inline"),
                    told.prompt, half),
        paper_entry(told.why_not, tick_list([plain_text(reason) for reason in told.reasons]), css=half),
        paper_entry(told.other, blank()),
        paper_entry(record.advice.label, blank(), record.advice.prompt, half),
        paper_entry(record.next_steps.label, blank(), record.next_steps.prompt, half),
        "</div>",
        "</section>",
    )


def render_decision_record_page(aid: DecisionAid, links: OutcomeLinks, bases) -> str:
    """The page of printable records: what they are, then one record a sheet for each outcome, in the order a
    reader meets the outcomes. Printed from a link to one (#outcome-id), only that one prints."""
    outcomes = [node for node in steps_in_order(aid) if is_outcome(node)]
    contents = "\n".join(f"- [{outcome.title}](#{outcome.id})" for outcome in outcomes)
    return join(heading(1, aid.record.title, aid.record.id), aid.record.intro,
                f'<div class="record-contents" markdown>\n\n{contents}\n\n</div>',
                *(paper_record(outcome, aid, links, bases) for outcome in outcomes))
