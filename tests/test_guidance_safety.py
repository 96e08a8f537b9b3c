"""The guidance is safe to put in front of practitioners: decision paths never delay a referral, every claim shows
its sources, local contacts come from the YAML and are never guessed, and nothing meant for the content owner
reaches a page."""
from __future__ import annotations

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from macros.loading import load_content
from macros.render.contacts import URGENCIES_THAT_REFER
from macros.render.text import long_date
from macros.report import content_report

from .conftest import ROOT
from .helpers import decision_paths, plain_text, visible_text

CONTENT = load_content(ROOT)
AID, GUIDE, REGISTER = CONTENT.decision_aid, CONTENT.guide, CONTENT.sources
SOURCES = REGISTER.by_id()
PATHS = decision_paths(AID)
# The question that asks about significant harm, and the one about the lawful basis. Their ids are published
# anchors, so they are stable; the tests below fail if either is removed or moved in the wrong direction.
SIGNIFICANT_HARM, LAWFUL_BASIS = "significant-harm", "lawful-basis"
KEY_MESSAGES, RESOURCES, WHAT_IS, AID_PAGE = "key-messages/", "resources/", "what-is-information-sharing/", "should-i-share/"


def path_name(path) -> str:
    taken, outcome = path
    return " / ".join(f"{question.id}={plain_text(answer.answer)}" for question, answer in taken) + f" -> {outcome.id}"


# ---- The decision aid's paths ----

def test_the_first_question_is_the_emergency_and_yes_leads_to_999():
    """Nothing is asked before the emergency question, and answering yes to it ends at the emergency outcome."""
    first = AID.nodes()[AID.start]
    assert "immediate danger" in first.question
    yes = AID.nodes()[first.answers[0].next]
    assert plain_text(first.answers[0].answer) == "Yes" and yes.urgency == "emergency"
    assert "999" in yes.text


@pytest.mark.parametrize("path", PATHS, ids=path_name)
def test_a_concern_about_significant_harm_always_ends_in_a_referral_or_an_emergency(path):
    """On every path, any answer but "No" to the significant harm question ends at "refer now" or "emergency",
    whatever comes after it; and the lawful basis is only asked once significant harm has been ruled out."""
    taken, outcome = path
    answers = {question.id: plain_text(answer.answer) for question, answer in taken}
    if AID.nodes()[AID.start].answers[0].next != outcome.id:  # every path but "emergency, yes" asks about harm
        assert SIGNIFICANT_HARM in answers, path_name(path)
    if answers.get(SIGNIFICANT_HARM, "No") != "No":
        assert outcome.urgency in URGENCIES_THAT_REFER, path_name(path)
    if LAWFUL_BASIS in answers:
        assert answers.get(SIGNIFICANT_HARM) == "No", path_name(path)


def test_not_sure_about_significant_harm_counts_as_a_concern():
    """The significant harm question offers an "I am not sure" answer, and it refers: doubt never delays."""
    question = AID.nodes()[SIGNIFICANT_HARM]
    unsure = [answer for answer in question.answers if "not sure" in plain_text(answer.answer)]
    assert unsure and all(AID.nodes()[answer.next].urgency == "refer-now" for answer in unsure)


@pytest.mark.parametrize("outcome", [o for o in AID.outcomes if o.urgency in URGENCIES_THAT_REFER], ids=lambda o: o.id)
def test_referral_outcomes_show_every_front_door_of_the_edition(site, outcome):
    """The emergency and refer-now outcomes link to each front door in the local file; a phone number
    appears only when the owner has confirmed it."""
    section = site.page(AID_PAGE).find("section", id=outcome.id)
    text = visible_text(section)
    links = {a["href"]: visible_text(a) for a in section.select("a[href]")}
    for door in CONTENT.edition.front_doors:
        assert links.get(door.url) == plain_text(door.link_text), f"{outcome.id}: no link to {door.id}"
        for number in (door.phone, door.out_of_hours_phone):
            if number:
                assert (number in text) == door.confirmed


# ---- Sources under every claim ----

def records_with_sources():
    """(page address, record) for every golden rule, lawful basis, topic, finding and decision outcome."""
    messages = GUIDE.key_messages
    yield from ((KEY_MESSAGES, rule) for rule in messages.golden_rules.rules)
    yield from ((KEY_MESSAGES, basis) for basis in messages.lawful_bases.bases)
    yield from ((KEY_MESSAGES, topic) for topic in messages.topics)
    yield from ((KEY_MESSAGES, change) for change in REGISTER.changes_in_law)
    yield from ((WHAT_IS, finding) for finding in GUIDE.what_is.evidence)
    yield from ((AID_PAGE, outcome) for outcome in AID.outcomes)


def part_of_page(page, ident: str):
    """The element with this id and, for a heading, everything after it up to the next heading of its level."""
    element = page.find(id=ident)
    assert element is not None, f"no element with the id {ident}"
    if not re.fullmatch(r"h[1-6]", element.name):
        return [element]
    part = [element]
    for sibling in element.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name) and sibling.name <= element.name:
            break
        part.append(sibling)
    return part


@pytest.mark.parametrize("address, record", list(records_with_sources()), ids=lambda value: getattr(value, "id", value))
def test_every_claim_shows_its_sources_short_and_linked(site, address, record):
    """Under each rule, lawful basis, topic, change in the law, finding and outcome, a 'Source(s):' line names
    every source it rests on, linked to the document or to its entry in the register."""
    part = part_of_page(site.page(address), record.id)
    lines = [line for element in part for line in [element, *element.select("p.source")]
             if line.name == "p" and "source" in line.get("class", [])]
    assert lines, f"{record.id}: no sources line"
    links = {visible_text(a): a["href"] for line in lines for a in line.select("a[href]")}
    for ident in record.sources:
        source = SOURCES[ident]
        wanted = source.url or f"../{RESOURCES}#{source.id}"
        assert links.get(plain_text(source.short_title)) == wanted, f"{record.id}: {ident} missing from {links}"


def test_the_resources_page_lists_the_whole_sources_register(site):
    """Every source has its own anchor on the resources page with its title, publisher, how and when we checked it,
    and, when known, a link."""
    page = site.page(RESOURCES)
    for source in REGISTER.sources:
        entry = page.find(id=source.id)
        assert entry is not None, source.id
        text = visible_text(entry)
        assert plain_text(source.title) in text and source.publisher in text
        assert f"{REGISTER.check_words.word(source.status)}: {long_date(source.checked_on)}." in text, source.id
        if source.url:
            assert source.url in [a["href"] for a in entry.select("a[href]")]


@pytest.mark.parametrize("change", REGISTER.changes_in_law, ids=lambda change: change.id)
def test_each_change_in_the_law_says_whether_it_is_in_force_and_when_it_was_checked(site, change):
    """On the key messages page, each change's line in sight says 'In force from …', 'Due in force from …: check
    before relying on it.' or 'Not yet in force: check before relying on it.' (with when it is expected, if a
    source says); opened, it says when we last checked and when we check next."""
    entry = site.page(KEY_MESSAGES).find(id=change.id)
    in_sight, text = visible_text(entry.find("summary")), visible_text(entry)
    if change.status == "in-force":
        assert f"In force from {long_date(change.in_force_from)}." in in_sight
    elif change.status == "due-in-force":
        assert f"Due in force from {long_date(change.expected_from)}: check before relying on it." in in_sight
    else:
        expected = f" Expected from {long_date(change.expected_from)}." if change.expected_from else ""
        assert f"Not yet in force: check before relying on it.{expected}" in in_sight
    assert f"Last checked {long_date(change.last_checked)}." in text
    if change.pending:
        assert f"Next check by {long_date(change.check_again_by)}." in text


def test_the_lawful_bases_cover_every_basis_practitioners_may_need(site):
    """Public task, legal obligation, vital interests, legitimate interests and recognised legitimate interest are
    each explained on the key messages page, with who they suit."""
    page = site.page(KEY_MESSAGES)
    articles = {basis.article.split(",")[0]: basis for basis in GUIDE.key_messages.lawful_bases.bases}
    for article in ("6(1)(e)", "6(1)(c)", "6(1)(d)", "6(1)(f)", "6(1)(ea)"):
        basis = articles.get(f"UK GDPR Article {article}")
        assert basis is not None, f"no lawful basis for Article {article}"
        text = " ".join(visible_text(element) for element in part_of_page(page, basis.id))
        assert plain_text(basis.suits) in text


@pytest.mark.parametrize("address", ["quiz/", AID_PAGE, "should-i-share-print/"])
def test_the_quiz_and_the_decision_aid_never_rely_on_a_law_not_yet_in_force(site, address):
    """A change not yet in force, or due but not yet seen to start, is not named where practitioners are told what
    to do."""
    text = visible_text(site.page(address).select_one("article"))
    assert any(change.pending for change in REGISTER.changes_in_law), "no pending change to look for"
    for change in REGISTER.changes_in_law:
        if change.pending:
            for ident in change.sources:
                assert plain_text(SOURCES[ident].title) not in text


# ---- Nothing meant for the content owner on a page ----

OWNER_WORDING = re.compile(r"content owner|to be confirmed|not yet (been )?confirmed|until (it is|they are|the exact "
                           r"address[^.]*is) confirmed|we could not (find|confirm|check)|still to (be )?confirm|"
                           r"address (is )?unconfirmed|owner to (check|confirm)", re.I)


def owner_notes() -> list[str]:
    """Every note for the content owner in the YAML."""
    about = CONTENT.about
    records = [*REGISTER.sources, *GUIDE.resources.items, *CONTENT.edition.front_doors,
               *(part for page in (about.accessibility, about.privacy, about.linking) for part in page.parts)]
    return [plain_text(record.owner_note) for record in records if record.owner_note]


READINESS_PAGE = f"{CONTENT.about.readiness.id}/index.html"


def guidance_text(page) -> str:
    """A page's text without the draft line, whose job is to tell readers what is not yet confirmed."""
    copy = BeautifulSoup(str(page), "html.parser")
    for banner in copy.select(".md-banner"):
        banner.decompose()
    return visible_text(copy)


def test_no_page_shows_words_meant_for_the_content_owner(site):
    """No built page's guidance says 'to be confirmed by the content owner' or shows any owner_note from the YAML.
    (A draft's line at the top, and the page listing what is not ready, say what is not confirmed: that is their
    job; they show no owner note either.)"""
    notes = owner_notes()
    assert notes, "the YAML has no owner notes to look for"
    found = []
    for address in site.addresses():
        text = guidance_text(site.page(address))
        if address != READINESS_PAGE:
            found += [f"{address}: {match.group(0)!r}" for match in OWNER_WORDING.finditer(text)]
        found += [f"{address}: owner note {note[:40]!r}" for note in notes if note in text]
    assert not found, "\n".join(found)


# ---- The content report ----

def test_the_content_report_lists_sources_by_status_front_doors_and_changes_in_the_law():
    """`make content-report` groups the sources by how they were checked, lists the front doors and resources to
    confirm with their owner notes, and flags a change not yet in force; each change says when to check it again."""
    text, _ = content_report(ROOT, GUIDE.review.last_reviewed)
    for status in ("checked", "secondary", "unconfirmed"):
        count = sum(source.status == status for source in REGISTER.sources)
        assert f"Sources {status}: {count}" in text
    for source in REGISTER.sources:
        assert f"  - {source.id}: " in text
    for door in CONTENT.edition.front_doors:
        assert (f"  - {door.id}: " in text) == (not door.confirmed)
    for note in owner_notes():
        assert note in " ".join(text.split())
    for change in REGISTER.changes_in_law:
        line = next(line for line in text.splitlines() if line.startswith(f"  - {change.id}: "))
        assert ("NOT YET IN FORCE" in line) == (change.status == "not-yet-in-force")
        assert ("DUE IN FORCE" in line and "START NOT SEEN" in line) == (change.status == "due-in-force")
        if change.check_again_by:
            assert f"check again by {long_date(change.check_again_by)}" in line


def test_the_content_report_flags_sources_checked_longer_ago_than_the_review_period():
    """A source whose check is older than the review period is marked STALE; none is when checked recently."""
    newest = max(source.checked_on for source in REGISTER.sources)
    fresh, _ = content_report(ROOT, newest)
    assert "STALE" not in fresh
    later = newest + datetime.timedelta(days=366 * GUIDE.review.review_every_months // 12 + 400)
    stale, _ = content_report(ROOT, later)
    assert stale.count("STALE") == len(REGISTER.sources)


# ---- Adults at serious risk, capacity and the law as it stands (the second independent review) ----

ADULT_CAN_DECIDE, ADULT_AGREES, CHILD_OR_ADULT = "adult-can-decide", "adult-does-not-agree", "child-or-adult"
SHARING_URGENCIES = ("share-with-care",)


def answers_on(path) -> dict:
    """The answer given to each question on a path, by the question's id."""
    return {question.id: plain_text(answer.answer) for question, answer in path[0]}


def test_the_serious_harm_question_catches_any_child_or_adult_including_domestic_abuse():
    """The second question asks about serious harm to a child or an adult, not only an adult with care and
    support needs, and its help names domestic abuse and FGM: a victim without care needs must answer yes."""
    question = AID.nodes()[SIGNIFICANT_HARM]
    assert AID.nodes()[AID.start].answers[-1].next == SIGNIFICANT_HARM
    assert "a child or an adult" in question.question and "serious harm" in question.question
    help_text = plain_text(question.help).lower()
    for named in ("domestic abuse", "care and support needs", "female genital mutilation"):
        assert named in help_text, named


@pytest.mark.parametrize("path", PATHS, ids=path_name)
def test_doubt_about_capacity_never_ends_in_sharing(path):
    """An answer that only doubts an adult's capacity never leads to an outcome that shares: capacity is presumed,
    and only an assessment for this decision opens a best-interests decision."""
    doubted = [answer for question, answer in path[0] if "doubt" in plain_text(answer.answer).lower()]
    if doubted:
        assert path[1].urgency not in SHARING_URGENCIES, path_name(path)


@pytest.mark.parametrize("path", PATHS, ids=path_name)
def test_an_adults_wishes_are_asked_before_any_path_that_shares_without_them(path):
    """On the adult side, every outcome that shares (other than a best-interests decision after an assessment)
    comes after the question asking whether the adult agrees; sharing without telling is for children only."""
    answers, outcome = answers_on(path), path[1]
    if answers.get(CHILD_OR_ADULT) == "An adult" and outcome.urgency in SHARING_URGENCIES:
        assert ADULT_AGREES in answers or "assessed as unable" in answers.get(ADULT_CAN_DECIDE, ""), path_name(path)
        assert outcome.id != "share-without-telling", path_name(path)


def test_no_question_asks_about_practicality_or_says_to_answer_no_when_capacity_is_in_doubt():
    """Whether to tell someone turns on safety alone, and no help text turns a doubt about capacity into a "No"."""
    for question in AID.questions:
        text = f"{plain_text(question.question)} {plain_text(question.help or '')}".lower()
        assert "practical to tell" not in text and "safe and practical" not in text, question.id
        assert not re.search(r"may not have (the )?capacity[^.]*answer no", text), question.id


def test_refer_now_names_social_care_the_police_the_domestic_abuse_route_and_the_fgm_duty(site):
    """The refer-now outcome says where each kind of concern goes: children's and adult social care, the police
    (999, 101), the domestic abuse route (risk assessment, MARAC) and the duty to report FGM to the police oneself."""
    text = visible_text(site.page(AID_PAGE).find("section", id="refer-now"))
    for words in ("children's social care", "adult social care", "police", "999", "101", "risk assessment",
                  "MARAC", "Female genital mutilation", "to the police yourself",
                  "Telling your safeguarding lead alone does not meet this duty"):
        assert words in text, words


def test_the_referral_topic_gives_the_fgm_duty_and_what_to_do_when_a_capable_adult_refuses(site):
    """On the key messages page, "When to refer" names the FGM reporting duty, the domestic abuse route, and what to
    do when an adult who can decide does not want a concern raised."""
    text = " ".join(visible_text(element) for element in part_of_page(site.page(KEY_MESSAGES), "making-a-referral"))
    for words in ("to the police yourself", "MARAC", "if that is safe and will not delay the referral",
                  "does not want you to raise it", "without care and support needs"):
        assert words in text, words


def test_sharing_without_an_adults_agreement_says_to_whom():
    """The outcome for sharing without a capable adult's agreement names who to share with, not only that you may."""
    text = plain_text(AID.nodes()["share-without-agreement"].text)
    for words in ("adult social care", "the police", "children's social care"):
        assert words in text, words


def test_the_grounds_for_sharing_without_a_capable_adults_agreement_are_complete():
    """The question and every text that lists the grounds name all six: others at risk, serious crime, coercion,
    someone in a position of trust implicated, the law or a court, and a risk to life."""
    grounds = ("others, including children, are at risk", "serious crime", "coercion or undue influence",
               "position of trust", "the law or a court requires", "life is at risk")
    texts = {"decision aid question": plain_text(AID.nodes()["reasons-to-share-anyway"].help),
             "refer now": plain_text(AID.nodes()["refer-now"].text),
             "key message 3": plain_text(GUIDE.key_messages.messages[2].more),
             "adults note": plain_text(GUIDE.key_messages.golden_rules.adults_note)}
    for name, text in texts.items():
        for ground in grounds:
            assert ground in text, f"{name}: {ground}"


def test_no_page_says_life_or_health_or_puts_the_police_on_999(site):
    """Vital interests means life or death: no page says "life or health"; and 999 is for the police or an
    ambulance, so no page says "the police on 999"."""
    found = []
    for address in site.addresses():
        text = visible_text(site.page(address))
        found += [f"{address}: {match.group(0)!r}" for match in
                  re.finditer(r"life or health|health is at stake|health depends on it|police on 999", text, re.I)]
    assert not found, "\n".join(found)


def test_no_page_presents_working_together_2023_as_current(site):
    """Working Together 2026 replaced the 2023 edition: wherever a page names the 2023 edition, the same sentence
    says it was replaced; and the referral guidance rests on the 2026 edition."""
    found = []
    for address in site.addresses():
        text = visible_text(site.page(address))
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if re.search(r"Working Together( to Safeguard Children)? 2023", sentence) and "replaced" not in sentence:
                found.append(f"{address}: {sentence!r}")
    assert not found, "\n".join(found)
    assert "working-together-2026" in AID.nodes()["refer-now"].sources


def test_key_message_3s_headline_is_right_on_its_own():
    """A hurried reader sees only the headline: it must not call consent best practice, and must say that consent
    is not always needed."""
    headline = plain_text(next(message.text for message in GUIDE.key_messages.messages if message.id == "seeking-consent"))
    assert "best practice" not in headline and "consent" in headline and "without it" in headline


def test_the_seek_advice_urgency_never_says_first():
    """Advice is sought at the same time as a referral, never first: the seek-advice outcome's word says neither."""
    assert "first" not in AID.urgency_words.word("seek-advice").lower()


def test_vital_interests_rests_on_the_ico_not_on_the_data_use_and_access_act():
    """Vital interests is not a change made by the Data (Use and Access) Act 2025: its source is the ICO's guidance."""
    basis = next(basis for basis in GUIDE.key_messages.lawful_bases.bases if basis.id == "vital-interests")
    assert "data-use-and-access-act-2025" not in basis.sources
    assert "life" in plain_text(basis.suits) and "health" not in plain_text(basis.suits)


def test_no_source_a_reader_sees_is_a_placeholder():
    """Every source in the register names a real document: a title that is not a description of a kind of
    document, and an address unless the owner has been told it is missing."""
    placeholders = re.compile(r"^(regional|local|professional) .*(procedures|guidance)", re.I)
    for source in REGISTER.sources:
        assert not placeholders.match(plain_text(source.title)), source.id
        assert source.url or source.owner_note, source.id


def test_the_quiz_wants_a_same_day_referral_and_the_police_when_jay_may_be_missing():
    """Quiz scenario: a boy at risk of criminal exploitation stops coming. The right answer is to make sure children's
    social care hear the same day, and to call the police if he may be missing."""
    question = next(question for question in CONTENT.training.quiz.questions if question.id == "following-up-a-concern")
    right = [plain_text(question.options[index].text) for index in question.right_indexes()]
    assert len(right) == 1 and "today" in right[0] and "police" in right[0] and "missing" in right[0]
    assert "same day" in plain_text(question.explanation)
