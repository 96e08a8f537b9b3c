"""Turn the validated guide into the Markdown of each page. Pure functions: no files, no MkDocs."""
from __future__ import annotations

from html import escape

from ..model import (CheckWords, Guide, GoldenRules, KeyMessage, KeyMessagesSection, LawChange, LawfulBases,
                     LocalEdition, OfflineCopyText, QuickAnswer, Resource, ResourcesSection, SiteSettings, Source,
                     SourcesRegister, Topic, WhatIsSection)
from .contacts import front_doors_block
from .icons import icon
from .text import (add_months, anchored, anchored_list, disclosure, heading, join, label_of, long_date, page_opening,
                   published_date, records_with_ids, sources_block)

HOME_PAGE = "index.md"


def page_of(section) -> str:
    """The Markdown file a section is published as: its id names the page."""
    return f"{section.id}.md"


def address_book(guide: Guide) -> dict[str, tuple[str, str]]:
    """Every id in the guide -> (address relative to the docs folder, label), e.g. 'key-messages.md#rule-x'."""
    book = {}
    for section in guide.sections:
        for record in records_with_ids(section):
            address = page_of(section) if record is section else f"{page_of(section)}#{record.id}"
            book[record.id] = (address, label_of(record))
    return book


def see_also(ids, book, label: str = "See") -> str:
    """A line of links to other parts of the guide, or nothing."""
    if not ids:
        return ""
    links = ", ".join(f"[{book[ident][1]}]({book[ident][0]})" for ident in ids)
    return f'<p class="see-also" markdown>{label}: {links}.</p>'


def review_line(guide: Guide) -> str:
    """'Last reviewed: … Next review due: …', from the review details."""
    review = guide.review
    due = add_months(review.last_reviewed, review.review_every_months)
    return f"Last reviewed: {long_date(review.last_reviewed)}. Next review due: {long_date(due)}."


def cards(entries) -> str:
    """Material's grid cards: one linked title and one line for each (title, summary, address)."""
    items = "\n".join(f"-   [**{title}**]({address})\n\n    {summary}\n" for title, summary, address in entries)
    return f'<div class="grid cards" markdown>\n\n{items}\n</div>'


def offline_copy_block(text: OfflineCopyText, address: str, size_in_bytes: int) -> str:
    """The offer of the offline copy: a heading, a download link naming the file's type and size, how to use it."""
    kilobytes = max(1, round(size_in_bytes / 1024))
    return join(
        heading(2, text.heading, "offline-copy"),
        f'<p class="offline-copy" markdown><a href="{escape(address)}" download>{text.link} (ZIP, {kilobytes} KB)</a></p>',
        text.how_to_use,
    )


def first_screen(answer: QuickAnswer, site: SiteSettings, edition: LocalEdition, decision_page=None) -> str:
    """What fits on a phone's first screen: 999, the plain answer, where to report a concern, the decision aid.

    `decision_page` is (title, summary, address) of the decision aid, offered as a button.
    """
    aid_button = (f'<p class="first-screen-aid" markdown="span">[{decision_page[0]} Use the decision aid]'
                  f'({decision_page[2]}){{ .md-button .md-button--primary }}</p>') if decision_page else ""
    return join(
        '<div class="first-screen" markdown>',
        f'<p class="emergency-line" markdown="span">{icon("phone")} <strong>{answer.emergency}</strong></p>',
        f'<div class="quick-answer" markdown>\n\n{heading(2, answer.question, "quick-answer")}\n\n{answer.answer}\n\n</div>',
        front_doors_block(edition.front_doors, site.front_doors_closed, "Report a concern"),
        aid_button,
        "</div>",
    )


def render_home(guide: Guide, site: SiteSettings, edition: LocalEdition, training_pages=(), decision_pages=(),
                offline_copy=None) -> str:
    """The home page: first what to do (see first_screen), then the four sections, the decision aid, training,
    what the guide is for, who it is for, and the review date.

    `training_pages` are (title, summary, address) for the quiz and the trainer's page (the reflection is section 3);
    `decision_pages` the same for the decision aid.
    `offline_copy` is (address, size in bytes) of the offline copy's zip when it is published with the site.
    """
    intro = guide.guide
    sections = [(f"{number}. {section.title}", section.summary, page_of(section))
                for number, section in enumerate(guide.sections, start=1)]
    return join(
        heading(1, intro.title),
        first_screen(intro.quick_answer, site, edition, decision_pages[0] if decision_pages else None),
        f'<p class="lead" markdown>{intro.description}</p>',
        heading(2, "The four sections", "sections"),
        cards(sections),
        heading(2, "Help with a decision", "decide") if decision_pages else "",
        cards(decision_pages) if decision_pages else "",
        heading(2, "Check your understanding", "training") if training_pages else "",
        cards(training_pages) if training_pages else "",
        heading(2, "What this guide is for", "purpose"),
        intro.purpose,
        heading(2, "Who it is for", "audience"),
        intro.audience,
        offline_copy_block(site.offline_copy, *offline_copy) if offline_copy else "",
        f'<p class="review-date">{review_line(guide)} Published by {edition.partnership_name}.</p>',
    )


def render_what_is(section: WhatIsSection, register: SourcesRegister) -> str:
    """Section 1: the points, the ways sharing goes wrong, and the evidence from national reviews."""
    evidence = [anchored("div", item.id, join(item.text, sources_block(item.sources, register)), "evidence")
                for item in section.evidence]
    return join(
        page_opening(section),
        *(anchored("div", point.id, point.text, "point") for point in section.points),
        section.failings_intro,
        anchored_list([(point.id, point.text) for point in section.failings], css_class="failings"),
        heading(2, section.evidence_title, "why-it-matters"),
        *evidence,
    )


def render_golden_rules_summary(rules: GoldenRules) -> str:
    """The seven golden rules as a short numbered list, each linking to the rule in full further down."""
    items = "\n".join(f'<li><a href="#{rule.id}">{rule.label}</a></li>' for rule in rules.rules)
    return join(heading(2, f"{rules.title} at a glance", "golden-rules-at-a-glance"),
                f'<ol class="rule-summary" markdown>\n{items}\n</ol>')


def render_golden_rules(rules: GoldenRules, register: SourcesRegister) -> str:
    """The seven golden rules in full: each numbered rule's heading, and what it says (with its sources) opening
    below it, then how sharing works for adults. What the rules are opens under the section's heading."""
    numbered = [join(heading(3, rule.label, rule.id),
                     disclosure(hidden_name("What the rule says", rule.label),
                                join(rule.text, sources_block(rule.sources, register)), "rule-detail"))
                for rule in rules.rules]
    return join(
        heading(2, rules.title, rules.id),
        disclosure("Where the rules come from", rules.intro, "in-full"),
        *numbered,
        heading(3, "Sharing information about adults at risk", "golden-rules-for-adults"),
        disclosure("How sharing works for adults at risk",
                   join(rules.adults_note, sources_block(rules.adults_sources, register)), "in-full"),
    )


def hidden_name(summary: str, name: str) -> str:
    """A disclosure's summary that screen readers hear with the name of what it opens ("...: Rule 4: ...");
    on screen the heading just above already says it."""
    return f'{summary}<span class="visually-hidden">: {name}</span>'


def render_lawful_bases(bases: LawfulBases, register: SourcesRegister) -> str:
    """The lawful bases under one heading, opening together below it: what a lawful basis is, then each basis
    with where it is in the law, who it suits, what it means and its sources. A link to one opens them."""
    entries = [join(heading(3, basis.title, basis.id),
                    f'<p class="lawful-basis-suits" markdown>**{basis.article}.** Suits: {basis.suits}</p>',
                    basis.text, sources_block(basis.sources, register))
               for basis in bases.bases]
    names = ", ".join(basis.title.lower() for basis in bases.bases)
    return join(heading(2, bases.title, bases.id),
                disclosure(hidden_name("What each basis is, and who it suits", f"{bases.title}: {names}"),
                           join(bases.intro, *entries), "in-full"))


def law_change_status(change: LawChange) -> str:
    """Whether a change is in force, in words: the line that stays in sight."""
    if change.status == "in-force":
        return f"**In force** from {long_date(change.in_force_from)}."
    if change.status == "due-in-force":
        return f"**Due in force from {long_date(change.expected_from)}: check before relying on it.**"
    expected = f" Expected from {long_date(change.expected_from)}." if change.expected_from else ""
    return f"**Not yet in force: check before relying on it.**{expected}"


def law_change_checks(change: LawChange) -> str:
    """When we last checked a change and, while it is pending or when we set one, when we check it next."""
    next_check = f" Next check by {long_date(change.check_again_by)}." if change.check_again_by else ""
    return f"Last checked {long_date(change.last_checked)}.{next_check}"


def render_changes_in_law(register: SourcesRegister) -> str:
    """The changes in the law practitioners should know about: each one's title and whether it is in force stay
    in sight; when we checked it, what it changes, and its sources, open below. Each change's id is its
    disclosure's."""
    entries = [disclosure(f"**{change.title}.** {law_change_status(change)}",
                          join(law_change_checks(change), change.text, sources_block(change.sources, register)),
                          "in-full law-change", ident=change.id)
               for change in register.changes_in_law]
    return join(heading(2, register.changes_title, "changes-in-the-law"), register.changes_intro, *entries)


def render_key_message(message: KeyMessage, book) -> str:
    """One key message: the message itself as a one-line headline, and what it means in practice below it.

    The message's short title names it in the table of contents and in links; on the page the headline is
    the source's own sentence, so the heading and the first sentence never say the same thing twice.
    """
    detail = join(message.more or "", see_also(message.see, book, "This rests on"))
    return join(heading(3, message.text, message.id, contents_label=message.title),
                disclosure(hidden_name("What this means in practice", message.title), detail, "key-message-detail"))


def render_topic(topic: Topic, book, register: SourcesRegister) -> str:
    """A topic under its own heading; its explanation, sources and links open below it."""
    detail = join(topic.text, see_also(topic.see, book), sources_block(topic.sources, register))
    return join(heading(2, topic.title, topic.id),
                disclosure(hidden_name("Read this in full", topic.title), detail, "in-full"))


def render_key_messages(section: KeyMessagesSection, book, register: SourcesRegister) -> str:
    """Section 2, short first: the golden rules at a glance, the nine key messages (headline, then detail),
    the golden rules in full, the lawful bases, the changes in the law, then the topics that explain them."""
    return join(
        page_opening(section),
        render_golden_rules_summary(section.golden_rules),
        heading(2, section.messages_title, "the-key-messages"),
        *(render_key_message(message, book) for message in section.messages),
        render_golden_rules(section.golden_rules, register),
        render_lawful_bases(section.lawful_bases, register),
        render_changes_in_law(register),
        *(render_topic(topic, book, register) for topic in section.topics),
    )


def render_resource(resource: Resource) -> str:
    """One resource: what it is, who it is for, who publishes it, and a link that says where it goes."""
    facts = [f"- **What it is:** {resource.description}", f"- **Who it is for:** {resource.audience}",
             f"- **Published by:** {resource.publisher}"]
    if resource.published:
        facts.append(f"- **Published:** {published_date(resource.published)}")
    older = (f'<div class="admonition warning older-guidance" markdown>\n<p class="admonition-title">'
             f"Older guidance</p>\n\n{resource.older_guidance}\n\n</div>") if resource.older_guidance else ""
    if resource.confirmed:
        link = f"<p markdown>[Open {resource.title}]({resource.url})</p>"
    else:
        link = f"<p markdown>[Go to the {resource.publisher} website]({resource.url}). Look for: {resource.look_for}</p>"
    return join(heading(2, resource.title, resource.id), "\n".join(facts), older, link)


def register_entry(source: Source, words: CheckWords) -> str:
    """One source in the register: title (linked), publisher, date, what a reader finds there, and how and when we
    checked it."""
    title = f"[{source.title}]({source.url})" if source.url else source.title
    date = f", {published_date(source.published)}" if source.published else ""
    summary = f" {source.summary}" if source.summary else ""
    checked = f'<span class="source-checked">{words.word(source.status)}: {long_date(source.checked_on)}.</span>'
    return f"**{title}**. {source.publisher}{date}.{summary} {checked}"


def render_register(register: SourcesRegister) -> str:
    """The sources register: every document the guide rests on, each with its own anchor."""
    return join(heading(2, register.title, "sources"), register.intro,
                anchored_list([(source.id, register_entry(source, register.check_words)) for source in register.sources],
                              css_class="sources-register"))


def render_resources(section: ResourcesSection, register: SourcesRegister) -> str:
    """Section 4: every resource in the source page's order, then the sources register."""
    return join(page_opening(section), section.intro, *map(render_resource, section.items), render_register(register))


def render_section(guide: Guide, section_id: str, register: SourcesRegister, meaning_for_me) -> str:
    """The page for one section, by its id.

    `meaning_for_me` renders section 3, whose questions carry notes boxes from the training material
    (render.training.render_meaning_for_me).
    """
    book = address_book(guide)
    renderers = {
        guide.what_is.id: lambda: render_what_is(guide.what_is, register),
        guide.key_messages.id: lambda: render_key_messages(guide.key_messages, book, register),
        guide.meaning_for_me.id: meaning_for_me,
        guide.resources.id: lambda: render_resources(guide.resources, register),
    }
    if section_id not in renderers:
        raise KeyError(f'no section has the id "{section_id}"; sections: {", ".join(renderers)}')
    return renderers[section_id]()


def footer_html(edition: LocalEdition, guide: Guide) -> str:
    """The footer line on every page: the partnership, the review dates and how to get in touch."""
    rel = ' rel="noopener noreferrer"' if edition.contact_url.startswith("http") else ""
    return (f"{escape(edition.partnership_name)}. {escape(review_line(guide))} "
            f'<a href="{escape(edition.contact_url)}"{rel}>{escape(edition.contact)}</a>')


def unconfirmed_resources(guide: Guide) -> list[Resource]:
    """Resources whose address still needs the content owner to confirm it."""
    return [resource for resource in guide.resources.items if not resource.confirmed]
