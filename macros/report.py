"""Command-line tools for content owners.

    python -m macros.report                 review status; resources, front doors and sources to confirm;
                                            sources by status; changes in the law and when to check them again
    python -m macros.report --write-schema  write content/schema/*.schema.json from the definitions
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from .content import ContentError
from .loading import CONTENT_FILES, LOCAL_FILE, SCHEMA_FOLDER, load_content
from .model import SOURCE_STATUSES
from .render.guide import unconfirmed_resources
from .render.text import add_months, long_date
from .schema import json_schema

ROOT = Path(__file__).resolve().parent.parent
DUE_SOON_DAYS = 60


def schema_files() -> dict[str, str]:
    """Each JSON Schema file's path -> its text, generated from the content definitions."""
    return {f"{SCHEMA_FOLDER}/{file_name}": json.dumps(json_schema(definition, title), indent=2) + "\n"
            for definition, file_name, title in (*CONTENT_FILES.values(), LOCAL_FILE)}


def review_status(last_reviewed: datetime.date, every_months: int, today: datetime.date) -> tuple[str, bool]:
    """A sentence about when the next review is due, and whether it is overdue."""
    due = add_months(last_reviewed, every_months)
    days = (due - today).days
    if days < 0:
        return f"OVERDUE: the review was due on {long_date(due)}, {-days} days ago.", True
    if days <= DUE_SOON_DAYS:
        return f"DUE SOON: the next review is due on {long_date(due)}, in {days} days.", False
    return f"Up to date: the next review is due on {long_date(due)}.", False


def overdue_warning(guide, today: datetime.date) -> str | None:
    """What the build prints when the guide's review is overdue, naming who must review it; None when it is not."""
    status, overdue = review_status(guide.review.last_reviewed, guide.review.review_every_months, today)
    if not overdue:
        return None
    return (f"REVIEW OVERDUE: {guide.guide.title}: {status.removeprefix('OVERDUE: ')} "
            f"Owner: {guide.review.owner}. Review the content, then update review.last_reviewed.")


def days_past_check(change, today: datetime.date) -> int:
    """How many days ago a change in the law was due to be checked again; 0 when that day has not passed."""
    return max((today - change.check_again_by).days, 0) if change.check_again_by else 0


def overdue_law_changes(register, today: datetime.date) -> list:
    """The changes in the law whose day to check them again has passed."""
    return [change for change in register.changes_in_law if days_past_check(change, today)]


def law_check_warnings(register, today: datetime.date) -> list[str]:
    """What the build prints for each change in the law whose check is overdue, saying what to do."""
    return [f"LAW CHECK OVERDUE: {change.title}: check again by {long_date(change.check_again_by)} "
            f"({days_past_check(change, today)} days ago); last checked {long_date(change.last_checked)}. "
            "Check the source, then update last_checked and check_again_by in content/sources.yml."
            for change in overdue_law_changes(register, today)]


def stale_before(today: datetime.date, every_months: int) -> datetime.date:
    """A check made before this day is older than the guide's review period."""
    return add_months(today, -every_months)


def owner_note_lines(record) -> list[str]:
    """A record's note for the content owner, indented under its line, or nothing."""
    return [f"      note: {record.owner_note}"] if record.owner_note else []


def sources_lines(register, today: datetime.date, every_months: int) -> list[str]:
    """Every source, grouped by how it was checked, with checks older than the review period flagged."""
    oldest = stale_before(today, every_months)
    lines = []
    for status in SOURCE_STATUSES:
        group = [source for source in register.sources if source.status == status]
        lines.append(f"Sources {status}: {len(group)}")
        for source in group:
            stale = " STALE: checked longer ago than the review period" if source.checked_on < oldest else ""
            lines.append(f"  - {source.id}: {source.title} ({source.publisher}), checked on "
                         f"{long_date(source.checked_on)}{stale}")
            if not source.url:
                lines.append("      no address yet")
            if not source.published:
                lines.append("      no publication date yet")
            lines += owner_note_lines(source)
    return lines


def check_again_line(change, today: datetime.date) -> str:
    """When a change in the law is to be checked again, flagged when that day has passed."""
    if not change.check_again_by:
        return "no day set to check it again"
    days = days_past_check(change, today)
    if days:
        return f"OVERDUE: check again by {long_date(change.check_again_by)}, {days} days ago"
    return f"check again by {long_date(change.check_again_by)}"


def law_change_lines(register, today: datetime.date) -> list[str]:
    """The changes in the law, saying which are still to come, when each is to be checked again, and which
    checks are overdue."""
    overdue = overdue_law_changes(register, today)
    lines = [f"Changes in the law: {len(register.changes_in_law)}; checks overdue: {len(overdue)}"]
    for change in register.changes_in_law:
        if change.status == "in-force":
            state = f"in force from {long_date(change.in_force_from)}"
        elif change.status == "due-in-force":
            state = (f"DUE IN FORCE FROM {long_date(change.expected_from)}, START NOT SEEN: "
                     "find the regulations that started it")
        else:
            state = "NOT YET IN FORCE: check whether it has started"
        lines.append(f"  - {change.id}: {change.title}: {state}; last checked {long_date(change.last_checked)}; "
                     f"{check_again_line(change, today)}")
    return lines


def front_door_lines(doors) -> list[str]:
    """Front doors whose details the owner has still to confirm: the site shows only a link for them."""
    waiting = [door for door in doors if not door.confirmed]
    lines = [f"Front doors to confirm: {len(waiting)}"]
    for door in waiting:
        lines.append(f"  - {door.id}: {door.name} -> for now links to {door.url}; no phone number is shown")
        lines += owner_note_lines(door)
    return lines


def site_lines(edition, edition_file: str, about) -> list[str]:
    """What the site's own settings and pages still lack: a logo of the partnership's own, and anything the
    pages about the site note for the owner (such as a direct contact for accessibility problems)."""
    parts = [part for page in (about.accessibility, about.privacy, about.linking) for part in page.parts
             if part.owner_note]
    lines = [f"Site settings and pages to complete: {len(parts) + (not edition.logo)}"]
    if not edition.logo:
        lines.append("  - logo: none yet; the theme's standard icon is shown. Add the partnership's logo "
                     f"({edition_file}, logo), then run make preview")
    for part in parts:
        lines.append(f"  - {part.id}: {part.title}")
        lines += owner_note_lines(part)
    return lines


def content_report(root: Path, today: datetime.date) -> tuple[str, bool]:
    """The report's text, and whether anything is overdue: the review, or a check of a change in the law."""
    content = load_content(root)
    guide = content.guide
    status, review_overdue = review_status(guide.review.last_reviewed, guide.review.review_every_months, today)
    lines = [f"{guide.guide.title}", f"  Owner: {guide.review.owner}",
             f"  Last reviewed: {long_date(guide.review.last_reviewed)}", f"  {status}", ""]
    unconfirmed = unconfirmed_resources(guide)
    lines.append(f"Resource addresses to confirm: {len(unconfirmed)}")
    for item in unconfirmed:
        lines.append(f"  - {item.id}: {item.title} ({item.publisher}) -> for now links to {item.url}")
        lines += owner_note_lines(item)
    lines += ["", *front_door_lines(content.edition.front_doors), "",
              *site_lines(content.edition, content.edition_file, content.about), ""]
    lines += [*sources_lines(content.sources, today, guide.review.review_every_months), ""]
    lines += law_change_lines(content.sources, today)
    lines += ["", f"Content warnings: {len(content.warnings)}"]
    lines += [f"  - {warning}" for warning in content.warnings]
    return "\n".join(lines), review_overdue or bool(overdue_law_changes(content.sources, today))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write-schema", action="store_true", help="write the JSON Schema files")
    arguments = parser.parse_args(argv)
    if arguments.write_schema:
        for path, text in schema_files().items():
            (ROOT / path).parent.mkdir(parents=True, exist_ok=True)
            (ROOT / path).write_text(text, encoding="utf-8")
            print(f"wrote {path}")
        return 0
    try:
        text, overdue = content_report(ROOT, datetime.date.today())
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    print(text)
    return 1 if overdue else 0


if __name__ == "__main__":
    sys.exit(main())
