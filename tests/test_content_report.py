"""`make content-report`: what a content owner reads to keep the guide current."""
from __future__ import annotations

import dataclasses
import datetime
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.model import LawChange
from macros.render.guide import unconfirmed_resources
from macros.render.text import add_months, long_date
from macros.report import content_report, law_check_warnings, overdue_warning

from .conftest import ROOT, copy_project, run_mkdocs_build
from .helpers import visible_text

LONG_AGO = datetime.date(2020, 1, 15)
DAY = datetime.timedelta(days=1)
# The day a change in the law was due to be checked again, in the copy built with everything overdue.
LAW_CHECK_LONG_AGO = LONG_AGO + 30 * DAY


def law_change(content, **fields) -> dict:
    """A change in the law not yet in force, as an editor writes it in content/sources.yml, with these fields."""
    return {"id": "a-new-duty", "title": "A new duty to share", "status": "not-yet-in-force",
            "text": "A new duty to share.", "sources": [content.sources.sources[0].id], **fields}


def only_law_changes(project, *changes: dict) -> None:
    """Make these the only changes in the law in the copy's content/sources.yml."""
    sources = project / "content" / "sources.yml"
    register = yaml.safe_load(sources.read_text(encoding="utf-8"))
    register["changes_in_law"] = list(changes)
    # One line a value: the content check refuses a quoted text that runs over lines (a quote left open, usually).
    sources.write_text(yaml.safe_dump(register, sort_keys=False, allow_unicode=True, width=float("inf")),
                       encoding="utf-8")


def test_report_lists_every_unconfirmed_resource_address(content):
    """Every resource whose address is not confirmed is named, with where it links for now."""
    text, _ = content_report(ROOT, content.guide.review.last_reviewed)
    unconfirmed = unconfirmed_resources(content.guide)
    assert f"Resource addresses to confirm: {len(unconfirmed)}" in text
    for resource in content.guide.resources.items:
        line = f"  - {resource.id}: {resource.title} ({resource.publisher}) -> for now links to {resource.url}"
        assert (line in text) == (not resource.confirmed)


def test_report_says_when_the_review_is_due_soon_or_overdue(content, tmp_path):
    """The review status changes from up to date, to due soon, to overdue as the due date passes; only overdue
    makes the report fail."""
    project = copy_project(tmp_path)
    # One change in the law, with no day to check it again: nothing but the review can be overdue.
    only_law_changes(project, law_change(content, status="in-force", in_force_from=LONG_AGO, last_checked=LONG_AGO))
    review = content.guide.review
    due = add_months(review.last_reviewed, review.review_every_months)
    up_to_date, overdue = content_report(project, review.last_reviewed)
    assert "Up to date" in up_to_date and not overdue
    soon, overdue = content_report(project, due - datetime.timedelta(days=30))
    assert "DUE SOON" in soon and "in 30 days" in soon and not overdue
    late, overdue = content_report(project, due + datetime.timedelta(days=3))
    assert "OVERDUE" in late and "3 days ago" in late and overdue
    assert f"Owner: {review.owner}" in late


def test_report_command_runs_and_names_the_guide():
    """The command behind `make content-report` runs from the repository and prints the guide's title."""
    result = subprocess.run([sys.executable, "-m", "macros.report"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    assert "Resource addresses to confirm:" in result.stdout


def test_every_page_shows_when_the_guide_was_last_reviewed_and_is_next_due(site, content):
    """Every built page's footer reads 'Last reviewed: <date>. Next review due: <date>.'"""
    review = content.guide.review
    line = (f"Last reviewed: {long_date(review.last_reviewed)}. "
            f"Next review due: {long_date(add_months(review.last_reviewed, review.review_every_months))}.")
    missing = [address for address in site.addresses() if line not in visible_text(site.page(address).select_one("footer"))]
    assert not missing, f"no {line!r} in the footer of: {missing}"


def test_the_overdue_warning_names_the_owner_and_only_appears_once_due(content):
    """Up to the due date there is no warning; the day after, it says how late the review is and who owns it."""
    review = content.guide.review
    due = add_months(review.last_reviewed, review.review_every_months)
    assert overdue_warning(content.guide, due) is None
    warning = overdue_warning(content.guide, due + datetime.timedelta(days=1))
    assert warning.startswith("REVIEW OVERDUE: ")
    assert f"was due on {long_date(due)}, 1 days ago" in warning and f"Owner: {review.owner}." in warning


def set_last_reviewed(project, day: datetime.date) -> None:
    """Set the copy's last review date."""
    guide = project / "content" / "information-sharing.yml"
    text = guide.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith("last_reviewed:"))
    guide.write_text(text.replace(line, line.split(":")[0] + f": {day.isoformat()}"), encoding="utf-8")


@pytest.fixture(scope="module")
def overdue_build(tmp_path_factory, content) -> tuple[subprocess.CompletedProcess, Path]:
    """One strict build of a copy whose review was due long ago, and whose change in the law not yet in force was
    due to be checked again long ago (LAW_CHECK_LONG_AGO): the build's result, and the folder it built."""
    project = copy_project(tmp_path_factory.mktemp("overdue"))
    set_last_reviewed(project, LONG_AGO)
    only_law_changes(project, law_change(content, last_checked=LONG_AGO, check_again_by=LAW_CHECK_LONG_AGO))
    return run_mkdocs_build(project, project / "built"), project / "built"


def test_an_overdue_review_warns_in_the_strict_build_but_does_not_fail_it(overdue_build, content):
    """With the last review long ago, `mkdocs build --strict` still succeeds and prints who must review it."""
    result, built = overdue_build
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    due = add_months(LONG_AGO, content.guide.review.review_every_months)
    assert f"REVIEW OVERDUE: {content.guide.guide.title}: the review was due on {long_date(due)}" in output
    assert f"Owner: {content.guide.review.owner}." in output
    assert (built / "index.html").is_file()


def test_an_overdue_check_of_the_law_warns_in_the_strict_build_but_does_not_fail_it(overdue_build):
    """With a change in the law due to be checked again long ago, `mkdocs build --strict` still succeeds and prints
    which change, how late its check is, and what to do."""
    result, built = overdue_build
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    days = (datetime.date.today() - LAW_CHECK_LONG_AGO).days
    assert (f"LAW CHECK OVERDUE: A new duty to share: check again by {long_date(LAW_CHECK_LONG_AGO)} "
            f"({days} days ago); last checked {long_date(LONG_AGO)}. Check the source, then update last_checked "
            "and check_again_by in content/sources.yml.") in output


def test_the_law_check_warning_only_appears_once_its_day_has_passed(content):
    """On the day to check a change in the law again there is no warning; the day after, it says how late it is."""
    change = LawChange(id="a-new-duty", title="A new duty to share", status="not-yet-in-force", text="Text.",
                       last_checked=datetime.date(2026, 5, 30), sources=("a",),
                       check_again_by=datetime.date(2026, 6, 29))
    register = dataclasses.replace(content.sources, changes_in_law=(change,))
    assert law_check_warnings(register, change.check_again_by) == []
    assert law_check_warnings(register, change.check_again_by + DAY) == [
        "LAW CHECK OVERDUE: A new duty to share: check again by 29 June 2026 (1 days ago); last checked 30 May 2026. "
        "Check the source, then update last_checked and check_again_by in content/sources.yml."]


def test_the_report_lists_each_change_in_the_law_with_its_day_to_check_again(content, tmp_path):
    """Each change's line says when to check it again; once that day has passed, it reads OVERDUE with how many
    days ago, the section counts it, and the report fails."""
    project = copy_project(tmp_path)
    # The review was done on the day the check falls due, so that only the check of the law can be overdue.
    check_again_by = content.guide.review.last_reviewed
    only_law_changes(project, law_change(content, last_checked=check_again_by - 30 * DAY,
                                         check_again_by=check_again_by))
    line = ("  - a-new-duty: A new duty to share: NOT YET IN FORCE: check whether it has started; last checked "
            f"{long_date(check_again_by - 30 * DAY)}; ")
    on_the_day, overdue = content_report(project, check_again_by)
    assert "Changes in the law: 1; checks overdue: 0" in on_the_day and not overdue
    assert f"{line}check again by {long_date(check_again_by)}" in on_the_day
    late, overdue = content_report(project, check_again_by + 3 * DAY)
    assert "Changes in the law: 1; checks overdue: 1" in late and overdue
    assert f"{line}OVERDUE: check again by {long_date(check_again_by)}, 3 days ago" in late


def test_the_report_exits_non_zero_when_the_review_is_overdue(project_copy):
    """`make content-report` fails (exit 1) when the review is overdue, so a scheduled job can raise an alert."""
    set_last_reviewed(project_copy, LONG_AGO)
    result = subprocess.run([sys.executable, "-m", "macros.report"], cwd=project_copy, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "OVERDUE" in result.stdout and "Resource addresses to confirm:" in result.stdout


def test_the_report_exits_non_zero_when_a_check_of_the_law_is_overdue(project_copy, content):
    """`make content-report` fails (exit 1) when a change in the law was due to be checked again, even with the
    review up to date, and names the change with how late its check is."""
    today = datetime.date.today()
    set_last_reviewed(project_copy, today)
    only_law_changes(project_copy, law_change(content, last_checked=today - 40 * DAY, check_again_by=today - 10 * DAY))
    result = subprocess.run([sys.executable, "-m", "macros.report"], cwd=project_copy, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Up to date: the next review is due" in result.stdout
    assert f"OVERDUE: check again by {long_date(today - 10 * DAY)}, 10 days ago" in result.stdout
