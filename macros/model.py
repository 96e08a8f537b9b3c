"""What the content files contain: one definition for each kind of thing an editor writes.

The validator (`schema.py`) checks the YAML against these; the renderers only ever see them.
`ID_KIND` marks things that have a stable id, and so a page anchor that others may link to.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import ClassVar, Literal, Optional

from .schema import (AssetPath, ContactLine, ContactUrl, Id, Line, Markdown, PageAddress, Published, Ref, Url,
                     described)

# Material for MkDocs' named colours, the only values `colour` accepts.
Colour = Literal["red", "pink", "purple", "deep purple", "indigo", "blue", "light blue", "cyan", "teal",
                 "green", "light green", "lime", "yellow", "amber", "orange", "deep orange", "brown",
                 "grey", "blue grey", "black", "white"]


# Every kind of record with an id, and so an anchor someone may have linked to.
ANCHOR_KINDS = ("point", "evidence", "section", "message", "rule", "topic", "question", "resource",
                "quiz question", "page", "about part", "decision question", "decision outcome", "source",
                "law change", "lawful basis")


@dataclass(frozen=True)
class OldAnchor:
    """An anchor that was renamed: links to the old id still land on the record that has the new one."""

    ID_KIND: ClassVar[str] = "old anchor"
    DESCRIBED_AS: ClassVar[str] = "an old anchor"
    id: Id = described("The old id, exactly as it was published (it may no longer be used by anything else).")
    now: Ref(*ANCHOR_KINDS) = described("The id of the record that old links should now reach.")


@dataclass(frozen=True)
class MovedPage:
    """A page that moved: its old address sends readers on to the new one."""

    DESCRIBED_AS: ClassVar[str] = "a moved page"
    old: PageAddress = described("The page's old address inside the site, ending with /: old-page/")
    new: PageAddress = described("Its new address inside the site, ending with /: new-page/")


@dataclass(frozen=True)
class OfflineCopyText:
    """The words offering the offline copy on the home page, shown when the site is published with it."""

    DESCRIBED_AS: ClassVar[str] = "the offline copy's words"
    heading: Line = described("The heading above the link.")
    link: Line = described("The link's words; the file's type and size are added, for example (ZIP, 780 KB).")
    how_to_use: Line = described("One line under the link saying how to open the copy.")


PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ]{6,}[0-9]$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class FrontDoor:
    """A local "front door": where a practitioner makes a safeguarding referral about a child or an adult."""

    DESCRIBED_AS: ClassVar[str] = "a front door"
    id: Id = described("A stable id for this front door, for example children-front-door.")
    for_whom: Line = described("Who it is for, as a reader would put it: Worried about a child?")
    name: Line = described("The service's name, for example Children's social care.")
    url: Url = described("Where to make a referral; while it is unconfirmed, the partnership's own page.")
    link_text: Line = described("The words of the link to that page.")
    confirmed: bool = described("true only when the content owner has checked the details below with the service.")
    phone: Optional[Line] = described("The daytime referral phone number, shown only when confirmed.", default=None)
    hours: Optional[Line] = described(
        "When the daytime number is answered, for example Monday to Friday, 9am to 5pm; shown only when confirmed.",
        default=None)
    out_of_hours_phone: Optional[Line] = described(
        "The out-of-hours phone number (the emergency duty team), shown only when confirmed.", default=None)
    out_of_hours_name: Optional[Line] = described(
        "Who answers out of hours, for example Emergency duty team; shown only when confirmed.", default=None)
    secure_email: Optional[Line] = described(
        "A secure email address for referrals, if the service takes them; shown only when confirmed.", default=None)
    owner_note: Optional[Line] = described(
        "A note for the content owner, printed by make content-report and never shown on a page.", default=None)

    def problems(self):
        for name in ("phone", "out_of_hours_phone"):
            number = getattr(self, name)
            if number and not PHONE_PATTERN.match(number):
                yield (name,), f'"{number}" is not a phone number; expected digits and spaces, such as 0121 000 0000'
        if self.secure_email and not EMAIL_PATTERN.match(self.secure_email):
            yield ("secure_email",), f'"{self.secure_email}" is not an email address; expected name@example.org'
        if self.confirmed:
            for name, what in (("phone", "its daytime phone number"), ("hours", "the hours that number is answered"),
                               ("out_of_hours_phone", "its out-of-hours phone number")):
                if not getattr(self, name):
                    yield ("confirmed",), f"a confirmed front door needs {what}; add {name}, or set confirmed: false"


@dataclass(frozen=True)
class SiteSettings:
    """Settings for the whole site that are the same in every edition (content/site.yml)."""

    DESCRIBED_AS: ClassVar[str] = "the site settings"
    offline_copy: OfflineCopyText = described(
        "The words offering the offline copy (a zip of the whole site) on the home page, when it is published.")
    front_doors_closed: Markdown = described(
        "What to do when a front door cannot be reached and someone may be at risk before it opens again.")
    old_anchors: Optional[list[OldAnchor]] = described(
        "Ids that were renamed after being published, so that old links keep working.", default=None)
    moved_pages: Optional[list[MovedPage]] = described(
        "Pages that moved after being published, so that old links keep working.", default=None)


SOURCE_STATUSES = ("checked", "secondary", "unconfirmed")


class WordsByKey:
    """Words that readers see for each value of a fixed list (an urgency, a status): one field per value."""

    def word(self, key: str) -> str:
        """The words for a value as the content names it (refer-now -> the field refer_now)."""
        return getattr(self, key.replace("-", "_"))


@dataclass(frozen=True)
class CheckWords(WordsByKey):
    """How the resources page tells readers how each source was checked, one wording for each status."""

    DESCRIBED_AS: ClassVar[str] = "the words for how a source was checked"
    checked: Line = described("For a source read in the document itself, for example: Checked against the document.")
    secondary: Line = described("For a source seen only in a copy or a summary.")
    unconfirmed: Line = described("For a source not yet seen.")


@dataclass(frozen=True)
class Source:
    """A published document that the guide takes facts from: one entry of the sources register."""

    ID_KIND: ClassVar[str] = "source"
    DESCRIBED_AS: ClassVar[str] = "a source"
    id: Id = described("A stable id for this source; the guide's claims name it, and it is its anchor on the page.")
    title: Line = described("The document's title as its publisher gives it.")
    short_title: Line = described("A short name for the line under each claim, for example DfE advice 2024.")
    publisher: Line = described("Who published it, for example Department for Education.")
    status: Literal[SOURCE_STATUSES] = described(
        "How it was checked: checked (we read the page itself), secondary (seen only in a copy or a summary "
        "by someone else) or unconfirmed (not seen; the content owner must confirm it).")
    checked_on: datetime.date = described("When its status was last established: YYYY-MM-DD.")
    url: Optional[Url] = described("Where to read it. Leave empty if the address is not known.", default=None)
    published: Optional[Published] = described(
        "When this version was published or last updated: YYYY-MM or YYYY-MM-DD. Leave empty if not known.",
        default=None)
    summary: Optional[Line] = described("What a reader finds there, in one line.", default=None)
    owner_note: Optional[Line] = described(
        "A note for the content owner, printed by make content-report and never shown on a page.", default=None)


# While a change in the law is not yet in force, we check it again at least this often.
PENDING_CHECK_DAYS = 30


# How far a change in the law has got: started, due (a source gave the day, none says it started), or still to come.
LAW_STATUSES = ("in-force", "due-in-force", "not-yet-in-force")


@dataclass(frozen=True)
class LawChange:
    """A change in the law that practitioners should know about, in force or still to come."""

    ID_KIND: ClassVar[str] = "law change"
    DESCRIBED_AS: ClassVar[str] = "a change in the law"
    id: Id = described("A stable id for this change; it becomes its anchor.")
    title: Line = described("The change in a few words.")
    status: Literal[LAW_STATUSES] = described(
        "in-force (a source says it has started); due-in-force (a source gave the day it was due to start, but none "
        "yet says it has started: give that day as expected_from); or not-yet-in-force.")
    text: Markdown = described("What it changes for practitioners, in our own words.")
    last_checked: datetime.date = described("When we last checked whether it is in force: YYYY-MM-DD.")
    sources: list[Ref("source")] = described("Ids of the sources in content/sources.yml it rests on.")
    in_force_from: Optional[datetime.date] = described(
        "The day it came into force, for a change in force: YYYY-MM-DD.", default=None)
    check_again_by: Optional[datetime.date] = described(
        f"The day by which we check it again: YYYY-MM-DD. Needed while it is not yet in force, and then at most "
        f"{PENDING_CHECK_DAYS} days after last_checked, and no later than expected_from.", default=None)
    expected_from: Optional[datetime.date] = described(
        "For a change not yet in force, the day it is expected to come into force, when a source gives one; for a "
        "change due in force, the day it was due: YYYY-MM-DD.", default=None)

    @property
    def pending(self) -> bool:
        """Whether its start is still to be seen in the law: it must be checked again, and nothing may rely on it."""
        return self.status != "in-force"

    def latest_check(self) -> tuple[datetime.date, str]:
        """For a change not yet in force: the latest check_again_by allowed, and why, in an editor's words."""
        latest = self.last_checked + datetime.timedelta(days=PENDING_CHECK_DAYS)
        if self.expected_from and self.last_checked < self.expected_from < latest:
            return self.expected_from, "expected_from, the day it is expected to come into force"
        return latest, f"{PENDING_CHECK_DAYS} days after last_checked, {self.last_checked}"

    def problems(self):
        pending = self.pending
        if self.status == "due-in-force" and self.expected_from is None:
            yield ("status",), "a change due in force needs expected_from, the day a source says it was due to start"
        if self.status == "in-force" and self.in_force_from is None:
            yield ("status",), "a change in force needs in_force_from, the day it came into force"
        if pending and self.in_force_from is not None:
            yield ("in_force_from",), (f"a change {self.status.replace('-', ' ')} has no in_force_from (that is for a "
                                       "start seen in the law); leave it out")
        if not pending and self.expected_from is not None:
            yield ("expected_from",), "only a change not yet in force or due in force has expected_from; leave it out"
        latest, why = self.latest_check()
        if self.check_again_by is None:
            if pending:
                yield ("status",), (f"a change {self.status.replace('-', ' ')} needs check_again_by, the day by which we check it "
                                    f"again: {latest} at the latest ({why})")
        elif self.check_again_by < self.last_checked:
            yield ("check_again_by",), (f"{self.check_again_by} is before last_checked ({self.last_checked}); "
                                        "expected the day by which we check it again, on or after last_checked")
        elif pending and self.check_again_by > latest:
            yield ("check_again_by",), (f"{self.check_again_by} is too late for a change {self.status.replace('-', ' ')}; "
                                        f"make it {latest} or earlier ({why})")


@dataclass(frozen=True)
class SourcesRegister:
    """Everything in content/sources.yml: the documents the guide rests on, and changes in the law."""

    DESCRIBED_AS: ClassVar[str] = "the sources register"
    title: Line = described("The heading above the list of sources on the resources page.")
    intro: Markdown = described("What the list is, shown above it.")
    sources: list[Source] = described("Every document the guide takes facts from.")
    check_words: CheckWords = described("How the resources page says each source was checked, by its status.")
    changes_title: Line = described("The heading above the changes in the law.")
    changes_intro: Markdown = described("What the list of changes is, shown above it.")
    changes_in_law: list[LawChange] = described("Changes in the law, in force or still to come.")

    def by_id(self) -> dict[str, Source]:
        """Every source by its id, as the guide's claims name them."""
        return {source.id: source for source in self.sources}


@dataclass(frozen=True)
class Point:
    """One point made on a page, as a paragraph or list item with its own anchor."""

    ID_KIND: ClassVar[str] = "point"
    DESCRIBED_AS: ClassVar[str] = "a point"
    id: Id = described("A stable id for this point; it becomes the point's anchor on the page.")
    text: Markdown = described("The point itself.")


@dataclass(frozen=True)
class Evidence:
    """A finding from national reviews showing why information sharing matters."""

    ID_KIND: ClassVar[str] = "evidence"
    DESCRIBED_AS: ClassVar[str] = "a finding"
    id: Id = described("A stable id for this finding.")
    text: Markdown = described("The finding, in our own words.")
    sources: list[Ref("source")] = described("Ids of the sources in content/sources.yml it comes from.")


@dataclass(frozen=True)
class Page:
    """What every page of the guide starts with: its id (also its address), heading and summary."""

    id: Id = described("The page's id; it is also the name of the page. Do not change it once published.")
    title: Line = described("The page's heading.")
    summary: Line = described("One sentence saying what the page covers (home page, link previews).")


@dataclass(frozen=True)
class WhatIsSection(Page):
    """Section 1: what information sharing is and why it matters."""

    ID_KIND: ClassVar[str] = "section"
    DESCRIBED_AS: ClassVar[str] = "the 'what is' section"
    points: list[Point] = described("The section's main points, in reading order.")
    failings_intro: Line = described("The sentence introducing the list of ways sharing goes wrong.")
    failings: list[Point] = described("Ways practitioners fail even when information is shared.")
    evidence_title: Line = described("The heading above the findings from national reviews.")
    evidence: list[Evidence] = described("Findings from national reviews, each with its source.")


@dataclass(frozen=True)
class KeyMessage:
    """One of the key messages of the guide."""

    ID_KIND: ClassVar[str] = "message"
    DESCRIBED_AS: ClassVar[str] = "a key message"
    id: Id = described("A stable id for this message; it becomes the message's anchor.")
    title: Line = described("The message in a few words: its name in links and in the page's contents.")
    text: Line = described("The message itself, as the source page gives it: shown as its headline.")
    more: Optional[Markdown] = described("What the message means in practice.", default=None)
    see: list[Ref("rule", "topic", "message", "resource", "section")] = described(
        "Ids of golden rules or other parts of the guide that this message rests on.", default=())


@dataclass(frozen=True)
class GoldenRule:
    """One of the seven golden rules of the government's information sharing advice."""

    ID_KIND: ClassVar[str] = "rule"
    DESCRIBED_AS: ClassVar[str] = "a golden rule"
    id: Id = described("A stable id for this rule; intranet pages link to it.")
    title: Line = described("The rule in a few words, used as its heading.")
    text: Markdown = described("What the rule says, in our own words.")
    sources: list[Ref("source")] = described("Ids of the sources in content/sources.yml the rule comes from.")
    # Not written by editors: the rule's place in the advice's order, set by GoldenRules.
    number: int = field(default=0, init=False, compare=False)

    @property
    def label(self) -> str:
        """What the rule is called on the page, in links and in anchors' labels: 'Rule 4: Get advice ...'."""
        return f"Rule {self.number}: {self.title}"


@dataclass(frozen=True)
class GoldenRules:
    """The seven golden rules, with the advice they come from."""

    ID_KIND: ClassVar[str] = "topic"
    DESCRIBED_AS: ClassVar[str] = "the golden rules"
    id: Id = described("A stable id for the golden rules as a whole.")
    title: Line = described("The heading above the rules.")
    intro: Markdown = described("What the rules are and how to use them.")
    rules: list[GoldenRule] = described("The rules, in the advice's order.")
    adults_note: Markdown = described("How the rules apply when the person at risk is an adult.")
    adults_sources: list[Ref("source")] = described("Ids of the sources the note on adults rests on.")

    def __post_init__(self):
        # Each rule knows its number, so that every place that names a rule numbers it the same way.
        for number, rule in enumerate(self.rules, start=1):
            object.__setattr__(rule, "number", number)

    def problems(self):
        if len(self.rules) != 7:
            yield ("rules",), f"expected 7 golden rules but found {len(self.rules)}"


@dataclass(frozen=True)
class Topic:
    """A short explanation that stands on its own heading, such as when to share without consent."""

    ID_KIND: ClassVar[str] = "topic"
    DESCRIBED_AS: ClassVar[str] = "a topic"
    id: Id = described("A stable id for this topic; it becomes its anchor.")
    title: Line = described("The topic's heading.")
    text: Markdown = described("The explanation.")
    sources: list[Ref("source")] = described("Ids of the sources in content/sources.yml its facts come from.")
    see: list[Ref("resource", "rule", "message", "topic")] = described(
        "Ids of resources or rules to link to from this topic.", default=())


@dataclass(frozen=True)
class LawfulBasis:
    """One lawful basis for sharing under UK GDPR Article 6, and who it suits."""

    ID_KIND: ClassVar[str] = "lawful basis"
    DESCRIBED_AS: ClassVar[str] = "a lawful basis"
    id: Id = described("A stable id for this lawful basis; it becomes its anchor.")
    title: Line = described("The basis's name, for example Public task.")
    article: Line = described("Where it is in the law, for example UK GDPR Article 6(1)(e).")
    suits: Line = described("Who it suits, in one line.")
    text: Markdown = described("What it means for sharing to safeguard someone.")
    sources: list[Ref("source")] = described("Ids of the sources in content/sources.yml it rests on.")


@dataclass(frozen=True)
class LawfulBases:
    """The lawful bases for sharing, shown together under one heading."""

    ID_KIND: ClassVar[str] = "topic"
    DESCRIBED_AS: ClassVar[str] = "the lawful bases"
    id: Id = described("A stable id for the lawful bases as a whole; it becomes the heading's anchor.")
    title: Line = described("The heading above the lawful bases.")
    intro: Markdown = described("What a lawful basis is and how to find yours.")
    bases: list[LawfulBasis] = described("The lawful bases, most used first.")


@dataclass(frozen=True)
class KeyMessagesSection(Page):
    """Section 2: the key messages, the golden rules, sharing without consent and escalation."""

    ID_KIND: ClassVar[str] = "section"
    DESCRIBED_AS: ClassVar[str] = "the key messages section"
    messages_title: Line = described("The heading above the key messages.")
    messages: list[KeyMessage] = described("The key messages, in reading order.")
    golden_rules: GoldenRules = described("The seven golden rules.")
    lawful_bases: LawfulBases = described("The lawful bases for sharing, and who each suits.")
    topics: list[Topic] = described("Further explanations, such as sharing without consent and escalation.")


@dataclass(frozen=True)
class ReflectionQuestion:
    """A question practitioners ask themselves about their own practice."""

    ID_KIND: ClassVar[str] = "question"
    DESCRIBED_AS: ClassVar[str] = "a reflection question"
    id: Id = described("A stable id for this question; it becomes its anchor.")
    question: Line = described("The question, as the source page asks it.")
    prompt: Markdown = described("A short prompt to help people think the question through.")
    see: list[Ref("rule", "message", "topic", "resource")] = described(
        "Ids of rules, messages or resources that help answer it.", default=())
    discussion: list[Line] = described("Prompts a trainer can use to start a discussion of this question.",
                                       default=())


@dataclass(frozen=True)
class MeaningForMeSection(Page):
    """Section 3: what the guidance means for each practitioner."""

    ID_KIND: ClassVar[str] = "section"
    DESCRIBED_AS: ClassVar[str] = "the 'what does this mean for me' section"
    intro: Markdown = described("How to use the questions.")
    questions: list[ReflectionQuestion] = described("The questions, in the source page's order.")
    requirement: Point = described("The duty every practitioner has, stated after the questions.")


@dataclass(frozen=True)
class Resource:
    """A document or page elsewhere that practitioners can use."""

    ID_KIND: ClassVar[str] = "resource"
    DESCRIBED_AS: ClassVar[str] = "a resource"
    id: Id = described("A stable id for this resource; it becomes its anchor.")
    title: Line = described("The resource's title.")
    description: Line = described("One line: what it is.")
    audience: Line = described("One line: who it is for.")
    publisher: Line = described("Who publishes it.")
    url: Url = described("Its address; if not confirmed, the best confirmed page of the publisher.")
    confirmed: bool = described("true if the address was checked and goes straight to the resource.")
    look_for: Optional[Line] = described(
        "For an unconfirmed address: what to look for on the publisher's page.", default=None)
    published: Optional[Published] = described("When it was published: YYYY-MM or YYYY-MM-DD.", default=None)
    older_guidance: Optional[Line] = described(
        "If this is older guidance, why a reader should take care with it.", default=None)
    owner_note: Optional[Line] = described(
        "A note for the content owner, printed by make content-report and never shown on a page.", default=None)

    def problems(self):
        if not self.confirmed and not self.look_for:
            yield ("confirmed",), ("an unconfirmed address (confirmed: false) needs look_for, telling readers what "
                                   "to look for on the publisher's page")


@dataclass(frozen=True)
class ResourcesSection(Page):
    """Section 4: resources."""

    ID_KIND: ClassVar[str] = "section"
    DESCRIBED_AS: ClassVar[str] = "the resources section"
    intro: Markdown = described("A short introduction to the resources.")
    items: list[Resource] = described("The resources, in the source page's order.")


@dataclass(frozen=True)
class Review:
    """Who looks after the guide and when it is next checked."""

    DESCRIBED_AS: ClassVar[str] = "review details"
    owner: Line = described("The person or team responsible for the guide's content.")
    last_reviewed: datetime.date = described("When the content was last reviewed: YYYY-MM-DD.")
    review_every_months: int = described("How many months may pass before the next review.")

    def problems(self):
        if not 1 <= self.review_every_months <= 36:
            yield ("review_every_months",), (
                f"{self.review_every_months} is out of range; expected a number of months from 1 to 36")


@dataclass(frozen=True)
class QuickAnswer:
    """The plain answer to the question most people arrive with, shown first on the home page."""

    DESCRIBED_AS: ClassVar[str] = "the quick answer"
    question: Line = described("The question, as a practitioner would ask it.")
    answer: Markdown = described("The answer in two or three short sentences.")
    emergency: Line = described("One line on what to do in an emergency, shown above the answer.")


@dataclass(frozen=True)
class GuideIntro:
    """What the guide is for and who it is for, shown on the home page."""

    DESCRIBED_AS: ClassVar[str] = "the guide's introduction"
    title: Line = described("The guide's title.")
    description: Line = described("One sentence describing the guide (home page, link previews).")
    quick_answer: QuickAnswer = described("The plain answer to the question most people arrive with.")
    purpose: Markdown = described("What the guide is for.")
    audience: Markdown = described("Who the guide is for.")


@dataclass(frozen=True)
class Guide:
    """The information sharing guide: its four sections in reading order."""

    DESCRIBED_AS: ClassVar[str] = "the guide"
    guide: GuideIntro = described("The guide's title and introduction.")
    review: Review = described("Who owns the content and when it is reviewed.")
    what_is: WhatIsSection = described("Section 1: what information sharing is.")
    key_messages: KeyMessagesSection = described("Section 2: key messages and the seven golden rules.")
    meaning_for_me: MeaningForMeSection = described("Section 3: what this means for me.")
    resources: ResourcesSection = described("Section 4: resources.")

    @property
    def sections(self) -> tuple:
        """The four sections in reading order."""
        return (self.what_is, self.key_messages, self.meaning_for_me, self.resources)


# ---- The self-check quiz, the reflection exercise and the trainer's notes (quizzes/*.yml) ----

QUESTION_TYPES = ("single", "multiple", "true-false", "scenario")
# A right option this many times as long as the longest other option gives the answer away.
GIVEAWAY_LENGTH_RATIO = 1.5
# More options than this are hard to read on one screen, and LMS exports share marks out in tenths at the finest.
MOST_OPTIONS = 10


@dataclass(frozen=True)
class AnswerOption:
    """One answer a person can choose, with the feedback they see for it."""

    DESCRIBED_AS: ClassVar[str] = "an answer option"
    text: Line = described("The answer as the person reads it.")
    correct: bool = described("true if choosing this answer is right.")
    feedback: Markdown = described("Why this answer is right or wrong, shown when the person checks it.")


@dataclass(frozen=True)
class QuizQuestion:
    """One quiz question: the question, its options, and what it tests."""

    ID_KIND: ClassVar[str] = "quiz question"
    DESCRIBED_AS: ClassVar[str] = "a quiz question"
    id: Id = described("A stable id for this question; it becomes its anchor on the quiz page.")
    type: Literal["single", "multiple", "true-false", "scenario"] = described(
        "single: one right answer; multiple: select all that apply; true-false: the options True and False; "
        "scenario: a practice situation, then one right answer.")
    question: Line = described("The question.")
    options: list[AnswerOption] = described("The answers to choose from, in the order shown.")
    explanation: Markdown = described("The full answer, shown under 'Show answer' and on the answer sheet.")
    covers: list[Ref("message", "rule")] = described("Ids of the key messages or golden rules this question tests.")
    scenario: Optional[Markdown] = described("For a scenario question: the practice situation.", default=None)
    discussion: list[Line] = described("Prompts a trainer can use to discuss this question.", default=())
    see: list[Ref("decision record")] = described(
        "Ids of tools of the guide to use with this question, such as the record of a decision (decision-record); "
        "linked with the key messages and rules under its answer.", default=())

    def right_indexes(self) -> list[int]:
        """Where the right option(s) are in `options`, 0 for the first."""
        return [index for index, option in enumerate(self.options) if option.correct]

    def problems(self):
        # Each problem points at the value to change: the second right answer, the option too many.
        right = self.right_indexes()
        if self.type == "multiple":
            if not right:
                yield ("options",), "a multiple choice question needs at least one option with correct: true"
        elif not right:
            yield ("options",), f"a {self.type} question needs one option with correct: true, and has none"
        else:
            for index in right[1:]:
                yield ("options", index, "correct"), (
                    f"a {self.type} question has exactly one right answer, but options[{right[0]}] is already "
                    "correct: true; make this one false, or change the type to multiple")
        if len(self.options) < 2:
            yield ("options",), f"{len(self.options)} option; expected from 2 to {MOST_OPTIONS}"
        elif len(self.options) > MOST_OPTIONS:
            yield ("options", MOST_OPTIONS), (f"{len(self.options)} options; expected from 2 to {MOST_OPTIONS}, "
                                              f"so this one and those after it are too many")
        if self.type == "true-false":
            expected = ("True", "False")
            wrong = [index for index, option in enumerate(self.options[:2]) if option.text != expected[index]]
            if len(self.options) != 2 or wrong:
                where = ("options", wrong[0], "text") if wrong else ("options",)
                yield where, 'a true-false question has exactly two options, "True" then "False"'
        if self.type == "scenario" and self.scenario is None:
            yield ("type",), "a scenario question needs scenario text: add scenario, or change the type"
        elif self.type != "scenario" and self.scenario is not None:
            yield ("scenario",), f"only scenario questions have scenario text; this one is {self.type}"
        texts = [option.text for option in self.options]
        for index, text in enumerate(texts):
            if text in texts[:index]:
                yield ("options", index, "text"), f'the option "{text}" is given twice'

    def warnings(self):
        """A right option much longer than every other: people pick the longest answer, not the right one."""
        if self.type not in ("single", "scenario"):
            return
        right = next(iter(self.right_indexes()), None)
        others = [len(option.text) for option in self.options if not option.correct]
        if right is None or not others:
            return
        length, longest_other = len(self.options[right].text), max(others)
        if length >= GIVEAWAY_LENGTH_RATIO * longest_other:
            yield ("options", right, "text"), (
                f'question "{self.id}": the right option is {length} characters, {length / longest_other:.1f} times '
                f"the longest other option ({longest_other}), which gives the answer away; expected at most "
                f"{GIVEAWAY_LENGTH_RATIO} times: shorten it or make the other options as full")


@dataclass(frozen=True)
class Quiz(Page):
    """The self-check quiz."""

    ID_KIND: ClassVar[str] = "page"
    DESCRIBED_AS: ClassVar[str] = "the quiz"
    intro: Markdown = described("How to use the quiz.")
    pass_mark: int = described("How many questions a person must get right to pass.")
    questions: list[QuizQuestion] = described("The questions, in the order shown.")
    lms_note: Markdown = described(
        "Shown only in the SCORM package, under the intro: what the learning management system records.")

    def problems(self):
        if not 1 <= self.pass_mark <= len(self.questions):
            yield ("pass_mark",), (f"{self.pass_mark} is out of range; expected a number from 1 to "
                                   f"{len(self.questions)} (the number of questions)")


# The prompts of a CPD record, in the order the record gives them.
CPD_PROMPTS = ("activity", "learnt", "practice", "peer", "standards")


@dataclass(frozen=True)
class CpdPrompts:
    """The questions of a CPD record in one profession's wording; a prompt its regulator does not ask is left out."""

    DESCRIBED_AS: ClassVar[str] = "the prompts of a CPD record"
    activity: Line = described("What the activity was and why it is relevant.")
    learnt: Line = described("What you learnt.")
    practice: Optional[Line] = described(
        "How it will change your practice and help the people you work with.", default=None)
    peer: Optional[Line] = described("What you learnt from discussing it with a peer.", default=None)
    standards: Optional[Line] = described("How it relates to your professional standards.", default=None)

    def asked(self) -> list[tuple[str, str]]:
        """(prompt name, wording) of every prompt this profession asks, in the record's order."""
        return [(name, getattr(self, name)) for name in CPD_PROMPTS if getattr(self, name)]


@dataclass(frozen=True)
class Profession:
    """One profession's wording for the CPD record, such as social work or nursing."""

    DESCRIBED_AS: ClassVar[str] = "a profession"
    id: Id = described("A short name used inside the page, such as social-work.")
    name: Line = described("The choice as the person reads it.")
    prompts: CpdPrompts = described("The record's questions in this profession's wording.")
    note: Optional[Line] = described("One line on what the regulator asks for.", default=None)


@dataclass(frozen=True)
class CpdRecordForm:
    """The form that turns time spent on the guide into a record for CPD or revalidation."""

    DESCRIBED_AS: ClassVar[str] = "the CPD record"
    title: Line = described("The heading of the CPD record form.")
    intro: Markdown = described("What the record is for and how to make it.")
    reminder: Line = described("The reminder not to include names or details of people.")
    professions: list[Profession] = described("The wordings to choose from; the first is chosen at the start.")

    def problems(self):
        names = [profession.id for profession in self.professions]
        for index, name in enumerate(names):
            if name in names[:index]:
                yield ("professions", index, "id"), f'the profession id "{name}" is given twice'


@dataclass(frozen=True)
class ReflectionExercise:
    """Notes under each 'What does this mean for me?' question, and the CPD record made from them."""

    DESCRIBED_AS: ClassVar[str] = "the reflection notes"
    intro: Markdown = described("How to use the notes boxes.")
    warning: Markdown = described("The warning shown above the notes: no names or details of people.")
    privacy: Markdown = described("Where the notes are kept, and how to clear them.")
    cpd_record: CpdRecordForm = described("The form that makes a record for CPD or revalidation.")


@dataclass(frozen=True)
class SessionStep:
    """One step of a team training session."""

    DESCRIBED_AS: ClassVar[str] = "a session step"
    minutes: int = described("How long the step takes, in minutes.")
    activity: Line = described("What happens in this step.")
    notes: Optional[Markdown] = described("Notes for the trainer.", default=None)


@dataclass(frozen=True)
class FacilitatorGuide(Page):
    """How to run a team session with the quiz and the reflection questions."""

    ID_KIND: ClassVar[str] = "page"
    DESCRIBED_AS: ClassVar[str] = "the facilitator's guide"
    intro: Markdown = described("What the session is for and what you need.")
    steps: list[SessionStep] = described("The session plan, in order.")
    ground_rules: Markdown = described("Ground rules to agree at the start, such as no names of real people.")

    def problems(self):
        total = sum(step.minutes for step in self.steps)
        if total != 30:
            yield ("steps",), f"the steps add up to {total} minutes; expected a 30-minute session"


@dataclass(frozen=True)
class Training:
    """Everything in quizzes/information-sharing.yml."""

    DESCRIBED_AS: ClassVar[str] = "the training material"
    quiz: Quiz = described("The self-check quiz.")
    reflection: ReflectionExercise = described("Notes and the CPD record on the 'What does this mean for me?' page.")
    facilitator: FacilitatorGuide = described("The trainer's guide to a 30-minute session.")


# ---- Pages about the site itself (content/about.yml) ----


@dataclass(frozen=True)
class AboutPart:
    """One headed part of a page about the site."""

    ID_KIND: ClassVar[str] = "about part"
    DESCRIBED_AS: ClassVar[str] = "a part of the page"
    id: Id = described("A stable id for this part; it becomes its anchor.")
    title: Line = described("The part's heading.")
    text: Markdown = described("What the part says.")
    owner_note: Optional[Line] = described(
        "A note for the content owner, printed by make content-report and never shown on a page.", default=None)


@dataclass(frozen=True)
class AboutPage(Page):
    """A page about the site: the accessibility statement or the privacy notice."""

    ID_KIND: ClassVar[str] = "page"
    DESCRIBED_AS: ClassVar[str] = "a page about the site"
    last_updated: datetime.date = described("When this page was last checked and updated: YYYY-MM-DD.")
    parts: list[AboutPart] = described("The page's parts, in reading order.")


@dataclass(frozen=True)
class ReadinessPage(Page):
    """The page that says whether this copy of the guide is the approved one, and if not, what is not ready."""

    ID_KIND: ClassVar[str] = "page"
    DESCRIBED_AS: ClassVar[str] = "the page on whether the guide is approved"
    draft_intro: Markdown = described("Shown on a draft: that it is a draft, and that the list below is what is left.")
    approved_intro: Markdown = described("Shown on the published guide: that the safeguarding lead approved it.")


@dataclass(frozen=True)
class About:
    """Everything in content/about.yml."""

    DESCRIBED_AS: ClassVar[str] = "the pages about the site"
    accessibility: AboutPage = described("The accessibility statement public sector websites must publish.")
    privacy: AboutPage = described("The privacy notice: what the site collects and stores (nothing, unless asked).")
    linking: AboutPage = described("The page for intranet editors: how to link to the guide, with every address.")
    readiness: ReadinessPage = described("The page saying whether this copy is the approved guide, or a draft.")


# ---- The "Should I share?" decision aid (content/decision-aid.yml) ----


@dataclass(frozen=True)
class DecisionAnswer:
    """One answer to a question of the decision aid, and where it leads."""

    DESCRIBED_AS: ClassVar[str] = "an answer"
    answer: Line = described('The answer as the button reads, for example "Yes". Put Yes and No in quotes.')
    next: Ref("decision question", "decision outcome") = described(
        "The id of the question or outcome this answer leads to.")


@dataclass(frozen=True)
class DecisionQuestion:
    """One question of the decision aid, with the answers a person can give."""

    ID_KIND: ClassVar[str] = "decision question"
    DESCRIBED_AS: ClassVar[str] = "a decision question"
    id: Id = described("A stable id for this question; it becomes the question's anchor on the page.")
    question: Line = described("The question, as a person answering it reads it.")
    answers: list[DecisionAnswer] = described("The answers, in the order the buttons show them.")
    help: Optional[Markdown] = described("What the question means, or what to think about.", default=None)

    def problems(self):
        if len(self.answers) < 2:
            yield ("answers",), "expected at least 2 answers; a question with one answer is not a decision"
        labels = [answer.answer for answer in self.answers]
        for index, label in enumerate(labels):
            if label in labels[:index]:
                yield ("answers", index, "answer"), f'the answer "{label}" is given twice'


# How urgent an outcome is, from most to least. Each is shown as a word and an icon, never by colour alone.
URGENCIES = ("emergency", "refer-now", "share-with-care", "seek-advice", "do-not-share-yet", "not-safeguarding")
Urgency = Literal[URGENCIES]


@dataclass(frozen=True)
class UrgencyWords(WordsByKey):
    """The word or words a reader sees for each urgency, beside its icon: the words are guidance, so they are content."""

    DESCRIBED_AS: ClassVar[str] = "the urgency words"
    emergency: Line = described("For an emergency, for example: Emergency: act now.")
    refer_now: Line = described("For an outcome that refers now, for example: Refer now.")
    share_with_care: Line = described("For an outcome that shares, for example: Share, with care.")
    seek_advice: Line = described("For an outcome that asks for advice, for example: Get advice today.")
    do_not_share_yet: Line = described("For an outcome that holds back for now, for example: Do not share yet.")
    not_safeguarding: Line = described("For a decision that is not about safeguarding.")


@dataclass(frozen=True)
class DecisionOutcome:
    """Where a path through the decision aid ends: what to do, and the rules it rests on."""

    ID_KIND: ClassVar[str] = "decision outcome"
    DESCRIBED_AS: ClassVar[str] = "a decision outcome"
    id: Id = described("A stable id for this outcome; it becomes the outcome's anchor on the page.")
    title: Line = described("What to do, in a few words; shown in the flowchart.")
    urgency: Urgency = described(
        "How urgent it is: emergency, refer-now, share-with-care, seek-advice, do-not-share-yet or not-safeguarding.")
    text: Markdown = described("What to do in full: how to share, who to ask, what to record.")
    rules: list[Ref("rule")] = described("Ids of the golden rules this outcome rests on; at least one.")
    sources: list[Ref("source")] = described("Ids of the sources in content/sources.yml it rests on.")
    messages: list[Ref("message")] = described("Ids of key messages to read with it.", default=())


@dataclass(frozen=True)
class RecordPrompt:
    """One field of the record that the person fills in: its label, and a short prompt under it."""

    DESCRIBED_AS: ClassVar[str] = "a field of the record"
    label: Line = described("The field's label, for example: With whom.")
    prompt: Line = described("A short prompt under the label: what to write, with an example.")


@dataclass(frozen=True)
class BasisNote:
    """Words added after one lawful basis's name in the record's choice, where its name alone does not say enough."""

    DESCRIBED_AS: ClassVar[str] = "a note on a lawful basis"
    basis: Ref("lawful basis") = described("The id of the lawful basis, in content/information-sharing.yml.")
    words: Line = described("The words added after its name, for example: a legal duty to share.")


@dataclass(frozen=True)
class LawfulBasisChoice:
    """The record's choice of lawful basis: every basis the guide explains, then 'not sure', with who was asked."""

    DESCRIBED_AS: ClassVar[str] = "the lawful basis choice"
    label: Line = described("The choice's heading, for example: The lawful basis.")
    prompt: Line = described("A short prompt under it.")
    not_sure: Line = described("The last choice, for someone not sure of the basis, for example: Not sure: advice "
                               "sought from.")
    not_sure_who: Line = described("The label of the box after it, for who was asked.")
    notes: list[BasisNote] = described("Words added after some bases' names.", default=())


@dataclass(frozen=True)
class ToldChoice:
    """Whether the person was told, and if not, why: the reasons the guide gives, and room for another."""

    DESCRIBED_AS: ClassVar[str] = "the 'was the person told' choice"
    label: Line = described("The question, for example: Was the person told?")
    prompt: Line = described("A short prompt under it.")
    answers: list[Line] = described('The answers to choose from, in quotes: "Yes", "No".')
    why_not: Line = described("The heading above the reasons, for example: If not, why not.")
    reasons: list[Line] = described("The reasons the guide gives for not telling someone, one a line, to tick.")
    other: Line = described("The label of the box for another reason, or more detail.")

    def problems(self):
        if len(self.answers) < 2:
            yield ("answers",), "expected at least 2 answers to choose from"


@dataclass(frozen=True)
class RecordMessages:
    """What the record says, in its live region or a confirmation, after each thing the person does."""

    DESCRIBED_AS: ClassVar[str] = "the record's messages"
    opened: Line = described("When the record opens at an outcome.")
    copied: Line = described("When the record has been copied as text.")
    not_copied: Line = described("When the browser did not allow copying.")
    downloaded: Line = described("When the record has been downloaded.")
    kept: Line = described("When the person ticks the box to keep the record on this device.")
    not_kept: Line = described("When they untick it.")
    confirm_clear: Line = described("The question asked before clearing, answered OK or Cancel.")
    cleared: Line = described("When the record has been cleared.")
    not_cleared: Line = described("When they cancel clearing.")


@dataclass(frozen=True)
class DecisionRecordForm(Page):
    """The record of a decision made with the decision aid: made at every outcome, and printable for each to fill in
    by hand. Every word it shows is here."""

    ID_KIND: ClassVar[str] = "decision record"
    DESCRIBED_AS: ClassVar[str] = "the record of a decision"
    intro: Markdown = described("At the top of the page of printable records: what they are and how to use them.")
    make: Line = described("The button at every outcome that opens its record.")
    heading: Line = described("The record's heading, and the first line of its text.")
    privacy: Line = described("The line saying the record is not saved or sent, where to put it, and no names "
                              "on a shared computer.")
    keep: Line = described("The tick box that keeps the record on this device until it is cleared.")
    made: Line = described("The label of the date and time.")
    path: Line = described("The label of the questions answered, each with its answer.")
    answer: Line = described("The word before each answer, for example: Answer:")
    no_path: Line = described("Said instead of the questions when the outcome was opened from a link.")
    other_path: Line = described("On paper, before a second way to the same outcome, for example: Or:")
    outcome: Line = described("The label of the outcome reached.")
    to_do: Line = described("The label of what the outcome says to do.")
    rules: Line = described("The label of the golden rules it rests on.")
    sources: Line = described("The label of its sources.")
    complete: Line = described("One line above the fields the person fills in: they are all optional.")
    shared: RecordPrompt = described("What was shared, asked for or declined.")
    with_whom: RecordPrompt = described("With whom: role and organisation.")
    when_and_how: RecordPrompt = described("When and how: secure email, phone, meeting.")
    lawful_basis: LawfulBasisChoice = described("The lawful basis relied on.")
    told: ToldChoice = described("Whether the person was told, and if not, why.")
    advice: RecordPrompt = described("Advice sought, and from whom.")
    next_steps: RecordPrompt = described("What happens next.")
    left_blank: Line = described("Written in the copied text for a field left empty.")
    copy: Line = described("The button that copies the record as text.")
    print: Line = described("The button that prints the record.")
    download: Line = described("The button that downloads the record as a text file.")
    clear: Line = described("The button that clears the record.")
    messages: RecordMessages = described("What the record says after each thing the person does.")


@dataclass(frozen=True)
class DecisionAid(Page):
    """The 'Should I share?' decision aid: questions whose answers lead to outcomes."""

    ID_KIND: ClassVar[str] = "page"
    DESCRIBED_AS: ClassVar[str] = "the decision aid"
    intro: Markdown = described("How to use the decision aid.")
    judgement: Markdown = described(
        "The warning shown first: the aid supports and never replaces professional judgement and local procedures.")
    judgement_summary: Line = described(
        "The warning in one short line, shown first; the full warning opens from it.")
    emergency: Line = described("One line on what to do in an emergency, shown with the warning.")
    urgency_words: UrgencyWords = described("The words shown for each urgency, beside its icon.")
    start: Ref("decision question") = described("The id of the first question.")
    questions: list[DecisionQuestion] = described("The questions, in any order; the answers link them.")
    outcomes: list[DecisionOutcome] = described("The outcomes, in any order.")
    record: DecisionRecordForm = described(
        "The record of a decision, offered at every outcome: its words, and its page of printable records.")

    def nodes(self) -> dict:
        """Every question and outcome by its id."""
        return {node.id: node for node in (*self.questions, *self.outcomes)}

    def problems(self):
        """Every question and outcome can be reached from the start, and no path goes round in a loop."""
        nodes = self.nodes()
        positions = {**{q.id: ("questions", i) for i, q in enumerate(self.questions)},
                     **{o.id: ("outcomes", i) for i, o in enumerate(self.outcomes)}}
        reached, on_path = set(), []

        def walk(ident):
            # Depth first; an answer leading to an id on the current path closes a loop.
            reached.add(ident)
            on_path.append(ident)
            node = nodes[ident]
            for index, answer in enumerate(getattr(node, "answers", ())):
                if answer.next in on_path:
                    loop = " -> ".join(on_path[on_path.index(answer.next):] + [answer.next])
                    yield ((*positions[ident], "answers", index, "next"),
                           f'leads back to "{answer.next}", making a loop ({loop}); every path must end at an outcome')
                elif answer.next in nodes and answer.next not in reached:
                    yield from walk(answer.next)
            on_path.pop()

        if self.start in nodes:
            yield from walk(self.start)
            if any(answer.next not in nodes for question in self.questions for answer in question.answers):
                return  # an answer leads to an id that does not exist (reported as such): that may be the way in
            for ident, position in positions.items():
                if ident not in reached:
                    kind = "question" if position[0] == "questions" else "outcome"
                    yield ((*position, "id"), f'the {kind} "{ident}" cannot be reached from the start '
                                              f'("{self.start}"); make an answer lead to it, or remove it')


# ---- The safeguarding lead's approval (approved, at the end of the local file) ----


@dataclass(frozen=True)
class FileDigest:
    """The fingerprint of one content file, as it was when approved."""

    DESCRIBED_AS: ClassVar[str] = "a file's fingerprint"
    file: Line = described("The content file, for example content/decision-aid.yml.")
    digest: Line = described("Its fingerprint when approved, as make sign-off gives it.")


@dataclass(frozen=True)
class Approval:
    """Who approved the content, when, and the fingerprint of what they approved."""

    DESCRIBED_AS: ClassVar[str] = "the approval"
    by: Line = described("The name of the person who approved the content.")
    role: Line = described("Their role, for example Designated safeguarding lead for the partnership.")
    date: datetime.date = described("When they approved it: YYYY-MM-DD.")
    fingerprint: Line = described("The content's fingerprint in the review pack they approved (make sign-off).")
    files: list[FileDigest] = described("Each content file's fingerprint in that pack.")


# ---- A partnership's edition (content/local/<edition>.yml) ----


@dataclass(frozen=True)
class LocalSource(Source):
    """A source of this edition's own, such as the partnership's website or its region's procedures."""

    DESCRIBED_AS: ClassVar[str] = "a local source"
    listed_after: Optional[Ref("source")] = described(
        "The id of the source in content/sources.yml it is listed after on the resources page. Leave empty to list "
        "it after every national source.", default=None)


@dataclass(frozen=True)
class LocalEdition:
    """Everything that differs from one partnership's edition to another: who publishes it, how it looks, where to
    refer, its own resources and sources, who owns it and who approved it."""

    DESCRIBED_AS: ClassVar[str] = "the local file"
    partnership_name: Line = described("The partnership's full name, shown in the footer and the page titles.")
    short_name: Line = described("A short name for the partnership, used where space is tight.")
    area: Line = described("The place the partnership serves, as national text names it: every agency in [[area]].")
    contact: ContactLine = described(
        "One line telling readers how to contact the partnership about this guide; it may link to an email address.")
    contact_url: ContactUrl = described("Where the contact line links to: a web page or a mailto: address.")
    website: Url = described("The partnership's website, where readers can contact it.")
    colour: Colour = described("The colour of the header bar, one of Material for MkDocs' named colours.")
    front_doors: list[FrontDoor] = described(
        "Where to make a safeguarding referral: one for children and one for adults.")
    content_owner: Line = described("The person or team responsible for this edition's content.")
    resources: list[Resource] = described(
        "The partnership's own resources, listed on the resources page after the national ones.")
    sources: list[LocalSource] = described("The partnership's own sources, in the sources register.")
    referral_guide: Ref("resource") = described("The id of the resource on how to make a referral.")
    escalation_policy: Ref("resource") = described("The id of the resource that is the safeguarding escalation policy.")
    local_procedures: Ref("source") = described("The id of the source that is the local child protection procedures.")
    partnership_website: Ref("source") = described("The id of the source that is the partnership's website.")
    local_names: Optional[list[Line]] = described(
        "Other local names that national text must never contain, such as the region.", default=None)
    site_url: Optional[Url] = described(
        "The address the site will be published at, ending with /. Leave empty if not known yet.", default=None)
    logo: Optional[AssetPath] = described(
        "An image under docs/assets/ to show in the header. Leave empty for the standard icon.", default=None)
    approved: Optional[Approval] = described(
        "The safeguarding lead's approval; leave empty until they have approved the review pack.", default=None)
