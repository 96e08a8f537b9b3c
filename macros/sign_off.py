"""`make sign-off`: the review pack a safeguarding lead reads before approving the guide's words.

    python -m macros.sign_off [OUT]     write the pack (default dist/sign-off/review-pack.html)

The pack is one HTML page, printable on A4, that is not part of the site: every golden rule, lawful basis, legal
statement, decision-aid question and outcome and quiz answer, each with its sources and how and when each source
was checked; the front doors; the changes in the law with their status; and the content's fingerprint, with the
lines to copy into the edition's local file once the lead approves it (macros/release.py checks them).
"""
from __future__ import annotations

import datetime
import sys
from html import escape
from pathlib import Path

import markdown

from .content import ContentError
from .loading import Content, load_content
from .markup import SITE_MARKDOWN_EXTENSIONS
from .release import file_digests, fingerprint
from .render.decision_aid import is_outcome, numbered_questions
from .render.guide import law_change_checks, law_change_status
from .render.text import long_date

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = "dist/sign-off/review-pack.html"

PACK_STYLE = """
body { font: 11pt/1.4 system-ui, sans-serif; max-width: 48em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
.item { break-inside: avoid; border-left: 3px solid #999; padding: 0.1em 0 0.1em 0.8em; margin: 0.8em 0; }
.sources { font-size: 0.9em; color: #333; } .sources li { margin: 0.2em 0; }
.status-checked { font-weight: 600; } .status-secondary, .status-unconfirmed { font-weight: 600; color: #8a1c12; }
pre { background: #f3f3f3; padding: 0.8em; white-space: pre-wrap; font-size: 0.9em; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: page; } h2.first { break-before: auto; } }
"""


def html(text: str) -> str:
    """A Markdown field as HTML, with the site's own settings."""
    return markdown.markdown(text, extensions=SITE_MARKDOWN_EXTENSIONS)


def sources_list(idents, content: Content) -> str:
    """Each source an item rests on: its title, address, how it was checked and when, and the owner's note."""
    register = content.sources.by_id()
    rows = []
    for ident in idents:
        source = register[ident]
        address = f' <a href="{escape(source.url)}">{escape(source.url)}</a>' if source.url else " (no address yet)"
        note = f"<br>Note: {escape(source.owner_note)}" if source.owner_note else ""
        rows.append(f'<li>{escape(source.title)} ({escape(source.publisher)}).{address}<br>'
                    f'<span class="status-{source.status}">{escape(content.sources.check_words.word(source.status))}'
                    f"</span>: {long_date(source.checked_on)}.{note}</li>")
    return f'<div class="sources"><strong>Sources</strong><ul>{"".join(rows)}</ul></div>'


def item(title: str, body: str, idents=(), content: Content | None = None) -> str:
    return (f'<div class="item"><h3>{escape(title)}</h3>{body}'
            f'{sources_list(idents, content) if idents else ""}</div>')


def front_doors_part(content: Content) -> str:
    rows = []
    for door in content.edition.front_doors:
        facts = [("Confirmed with the service", "yes" if door.confirmed else "NO"), ("Daytime phone", door.phone),
                 ("Hours", door.hours), ("Out-of-hours phone", door.out_of_hours_phone),
                 ("Out of hours, who answers", door.out_of_hours_name), ("Secure email", door.secure_email),
                 ("Web page", door.url)]
        table = "".join(f"<tr><th>{name}</th><td>{escape(value or 'none given')}</td></tr>" for name, value in facts)
        rows.append(item(f"{door.for_whom} {door.name}", f"<table>{table}</table>"))
    return "".join(rows) + html(content.site.front_doors_closed)


def guide_part(content: Content) -> str:
    messages = content.guide.key_messages
    parts = [item(f"Key message: {message.title}", html(message.text) + html(message.more or ""))
             for message in messages.messages]
    parts += [item(rule.label, html(rule.text), rule.sources, content) for rule in messages.golden_rules.rules]
    parts.append(item("Sharing information about adults at risk", html(messages.golden_rules.adults_note),
                      messages.golden_rules.adults_sources, content))
    parts += [item(f"Lawful basis: {basis.title} ({basis.article})", html(f"**Suits:** {basis.suits}") +
                   html(basis.text), basis.sources, content) for basis in messages.lawful_bases.bases]
    parts += [item(topic.title, html(topic.text), topic.sources, content) for topic in messages.topics]
    parts += [item(finding.id, html(finding.text), finding.sources, content) for finding in content.guide.what_is.evidence]
    return "".join(parts)


def changes_part(content: Content) -> str:
    return "".join(item(change.title, html(f"{law_change_status(change)} {law_change_checks(change)}") +
                        html(change.text), change.sources, content) for change in content.sources.changes_in_law)


def decision_aid_part(content: Content) -> str:
    aid = content.decision_aid
    questions = numbered_questions(aid)
    nodes, parts = aid.nodes(), []
    for number, question in enumerate(questions, start=1):
        answers = "".join(f"<li><strong>{escape(answer.answer)}:</strong> "
                          f"{escape(nodes[answer.next].title if is_outcome(nodes[answer.next]) else nodes[answer.next].question)}"
                          "</li>" for answer in question.answers)
        parts.append(item(f"Question {number}: {question.question}", html(question.help or "") + f"<ul>{answers}</ul>"))
    for outcome in aid.outcomes:
        rules = ", ".join(f"rule {rule.number}" for rule in content.guide.key_messages.golden_rules.rules
                          if rule.id in outcome.rules)
        parts.append(item(f"Outcome ({aid.urgency_words.word(outcome.urgency)}): {outcome.title}",
                          html(outcome.text) + f"<p>Golden rules: {rules}.</p>", outcome.sources, content))
    return "".join(parts)


def quiz_part(content: Content) -> str:
    parts = []
    for number, question in enumerate(content.training.quiz.questions, start=1):
        right = "".join(f"<li>{escape(question.options[index].text)}</li>" for index in question.right_indexes())
        parts.append(item(f"Question {number}: {question.question}", html(question.scenario or "") +
                          f"<p><strong>Right answer{'s' if len(question.right_indexes()) > 1 else ''}:</strong></p>"
                          f"<ul>{right}</ul>" + html(question.explanation)))
    return "".join(parts)


def approval_lines(digests: dict[str, str]) -> str:
    """What to copy into the local file, in place of its empty `approved:`, once the lead approves this pack."""
    files = "".join(f"    - file: {name}\n      digest: {digest}\n" for name, digest in sorted(digests.items()))
    return (f"approved:\n  by: (the safeguarding lead's name)\n  role: (their role)\n  date: (the day they approved "
            f"it, YYYY-MM-DD)\n  fingerprint: {fingerprint(digests)}\n  files:\n{files}")


def review_pack_html(content: Content, digests: dict[str, str], today: datetime.date) -> str:
    """The whole review pack as one HTML page."""
    guide, edition = content.guide.guide, content.edition
    print_ = fingerprint(digests)
    body = [
        f"<h1>Review pack: {escape(guide.title)}</h1>",
        f"<p>For {escape(edition.partnership_name)}. Made on {long_date(today)}. Content fingerprint: "
        f"<strong>{print_}</strong>.</p>",
        "<p>Read every part. Each legal point, rule and decision-aid outcome shows the documents it rests on, how each "
        "was checked (against the document itself, or only a copy or summary of it) and when. When you approve this "
        f"pack, the content owner copies the lines at the end into {content.edition_file}, with your name, role and the "
        "date. "
        "Any later change to the words changes the fingerprint and needs a new pack.</p>",
        '<h2 class="first">Where to refer: the front doors</h2>', front_doors_part(content),
        "<h2>The guide: key messages, golden rules, lawful bases and legal statements</h2>", guide_part(content),
        "<h2>Changes in the law</h2>", changes_part(content),
        "<h2>The decision aid: questions and outcomes</h2>", decision_aid_part(content),
        "<h2>The quiz: right answers and explanations</h2>", quiz_part(content),
        "<h2>Approval</h2>",
        "<table>" + "".join(f"<tr><th>{escape(name)}</th><td><code>{digest}</code></td></tr>"
                            for name, digest in sorted(digests.items())) + "</table>",
        f"<p>Once approved, copy these lines into {content.edition_file}, in place of the empty <code>approved:</code> "
        "at its end:</p>",
        f"<pre>{escape(approval_lines(digests))}</pre>",
    ]
    return (f'<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>Review pack: {escape(guide.title)}'
            f"</title><style>{PACK_STYLE}</style></head><body>{''.join(body)}</body></html>\n")


def main(argv: list[str] | None = None) -> int:
    out = ROOT / (argv[0] if argv else DEFAULT_OUT)
    try:
        content = load_content(ROOT)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    digests = file_digests(ROOT)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(review_pack_html(content, digests, datetime.date.today()), encoding="utf-8")
    print(f"wrote {out}: content fingerprint {fingerprint(digests)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
