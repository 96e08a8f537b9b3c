"""Whether the guide is ready to go out: the release gate behind `make publish`, and the draft line otherwise.

    python -m macros.release      every reason the guide cannot be published yet, each at its file and line;
                                  exits 1 while there is any (make publish runs it before building anything)

A safeguarding partnership signs off guidance before it goes out. The guide is ready when every front door is
confirmed with a daytime and an out-of-hours number, no change in the law is past its day to be checked again,
the review is not overdue, no source a decision-aid outcome rests on is unconfirmed, no placeholder logo is named,
and the safeguarding lead's approval (`approved`, at the end of the edition's local file) is of the content exactly as
it is now: the national files and the local file, all but that approval.
"""
from __future__ import annotations

import datetime
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .content import ContentError, Problem
from .loading import Content, content_files, load_content
from .report import days_past_check, review_status

ROOT = Path(__file__).resolve().parent.parent
# The approval at the end of the local file, up to the next field if any: left out of the fingerprint it records.
APPROVAL = re.compile(rb"^approved:.*?(?=^[^\s#]|\Z)", re.M | re.S)
# A logo file that says this of itself is a stand-in, never the partnership's own.
PLACEHOLDER_MARK = "placeholder"
DIGEST_LENGTH = 12


@dataclass(frozen=True)
class Reason:
    """One thing that keeps the guide from going out: for the content owner (where, what to do) and for readers."""

    problem: Problem
    # What a reader of a draft is told, completing "Draft: ..." (for example "the local referral contacts are not
    # yet confirmed"); reasons of one kind share these words, so the draft line names each kind once.
    for_readers: str
    # Which thing it is about, in a reader's words (a front door's name, a change in the law's title), if any.
    about: str = ""


def file_digests(root: Path) -> dict[str, str]:
    """Each content file's fingerprint, the national files' and the local file's: the start of the SHA-256 of its
    bytes, the approval left out."""
    return {name: hashlib.sha256(APPROVAL.sub(b"", (root / name).read_bytes())).hexdigest()[:DIGEST_LENGTH]
            for name in content_files(root)}


def fingerprint(digests: dict[str, str]) -> str:
    """The content's fingerprint, from every file's: short enough to read out, in groups of four."""
    whole = hashlib.sha256("".join(f"{name} {digest}\n" for name, digest in sorted(digests.items())).encode())
    text = whole.hexdigest()[:16].upper()
    return "-".join(text[start:start + 4] for start in range(0, 16, 4))


def problem_at(content: Content, file: str, path: tuple, where: str, message: str) -> Problem:
    """A problem at the line of the value `path` points to in `file`."""
    return Problem(file, content.documents[file].line_of(path), where, message)


def front_door_reasons(content: Content) -> list[Reason]:
    """Front doors not confirmed with the service. (A confirmed one always has its daytime and out-of-hours numbers:
    the content check refuses it otherwise, FrontDoor.problems.)"""
    return [Reason(problem_at(content, content.edition_file, ("front_doors", index, "confirmed"),
                              f'front_doors[{index}] (front door "{door.id}").confirmed',
                              "not confirmed with the service: check its name, daytime and out-of-hours numbers and "
                              "hours with them, then set confirmed: true"),
                   "the referral contacts are not yet confirmed", door.name)
            for index, door in enumerate(content.edition.front_doors) if not door.confirmed]


def law_reasons(content: Content, today: datetime.date) -> list[Reason]:
    reasons = []
    for index, change in enumerate(content.sources.changes_in_law):
        days = days_past_check(change, today)
        if days:
            reasons.append(Reason(problem_at(
                content, "content/sources.yml", ("changes_in_law", index, "check_again_by"),
                f'changes_in_law[{index}] (law change "{change.id}").check_again_by',
                f"the check was due {days} days ago: check the source, then update last_checked and check_again_by"),
                "a change in the law is due to be checked again", change.title))
    return reasons


def review_reasons(content: Content, today: datetime.date) -> list[Reason]:
    review = content.guide.review
    status, overdue = review_status(review.last_reviewed, review.review_every_months, today)
    if not overdue:
        return []
    return [Reason(problem_at(content, "content/information-sharing.yml", ("review", "last_reviewed"),
                              "review.last_reviewed", f"{status} Review the content, then update last_reviewed"),
                   "the guide's review is overdue")]


def source_reasons(content: Content) -> list[Reason]:
    """Sources the decision aid's outcomes rest on that nobody has seen: a practitioner acts on those outcomes."""
    sources, reasons = content.sources.by_id(), []
    for index, outcome in enumerate(content.decision_aid.outcomes):
        for place, ident in enumerate(outcome.sources):
            if sources[ident].status == "unconfirmed":
                reasons.append(Reason(problem_at(
                    content, "content/decision-aid.yml", ("outcomes", index, "sources", place),
                    f'outcomes[{index}] (decision outcome "{outcome.id}").sources[{place}]',
                    f'rests on "{ident}", which is unconfirmed; check it (content/sources.yml), or rest the outcome '
                    "on a source that has been checked"), "a source the decision aid rests on is not yet checked",
                    sources[ident].title))
    return reasons


def logo_reasons(content: Content, root: Path) -> list[Reason]:
    logo = content.edition.logo
    if not logo or PLACEHOLDER_MARK not in (root / "docs" / logo).read_text(encoding="utf-8", errors="replace").lower():
        return []
    return [Reason(problem_at(content, content.edition_file, ("logo",), "logo",
                              f"docs/{logo} is the placeholder logo; name the partnership's own logo, or leave logo "
                              "empty for the theme's icon"), "the partnership's logo is a placeholder")]


def sign_off_reasons(content: Content, root: Path) -> list[Reason]:
    approval = content.edition.approved
    if approval is None:
        return [Reason(problem_at(content, content.edition_file, ("approved",), "approved",
                                  "not signed off: run make sign-off, have the safeguarding lead review the pack, then "
                                  "record their approval here"), "the safeguarding lead has not yet approved it")]
    digests = file_digests(root)
    if approval.fingerprint == fingerprint(digests):
        return []
    approved = {item.file: item.digest for item in approval.files}
    changed = [name for name in digests if approved.get(name) != digests[name]]
    return [Reason(problem_at(content, content.edition_file, ("approved", "fingerprint"), "approved.fingerprint",
                              f"the content has changed since {approval.by} approved it on {approval.date}: "
                              f"{', '.join(changed) or 'the list of files'} changed; run make sign-off and have the "
                              "changes approved"), "its words have changed since they were approved")]


def release_reasons(content: Content, root: Path, today: datetime.date) -> list[Reason]:
    """Every reason the guide cannot be published today, in the order a content owner deals with them."""
    return [*front_door_reasons(content), *law_reasons(content, today), *review_reasons(content, today),
            *source_reasons(content), *logo_reasons(content, root), *sign_off_reasons(content, root)]


def refusal(reasons: list[Reason]) -> str:
    """What `make publish` says when it will not publish: every reason at once, each at its file and line."""
    count = len(reasons)
    heading = (f"Not published: {count} thing{'s' if count != 1 else ''} must be ready first. The draft is still "
               "there to check with make build or make serve.")
    return "\n".join([heading, *(str(reason.problem) for reason in reasons)])


def main(argv: list[str] | None = None) -> int:
    try:
        content = load_content(ROOT)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    reasons = release_reasons(content, ROOT, datetime.date.today())
    if reasons:
        print(refusal(reasons), file=sys.stderr)
        return 1
    approval = content.edition.approved
    print(f"Ready to publish: approved by {approval.by} on {approval.date}; fingerprint {approval.fingerprint}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


def reader_kinds(reasons: list[Reason]) -> list[str]:
    """The kinds of reason, in a reader's words, each once, in the order they first come."""
    return list(dict.fromkeys(reason.for_readers for reason in reasons))
