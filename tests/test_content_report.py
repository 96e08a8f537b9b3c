"""`make content-report`: what a content owner reads to keep the guide current."""
from __future__ import annotations

import datetime
import subprocess
import sys

from macros.render.guide import unconfirmed_resources
from macros.render.text import add_months, long_date
from macros.report import content_report, overdue_warning

from .conftest import ROOT, run_mkdocs_build
from .helpers import visible_text

LONG_AGO = datetime.date(2020, 1, 15)


def test_report_lists_every_unconfirmed_resource_address(content):
    """Every resource whose address is not confirmed is named, with where it links for now."""
    text, _ = content_report(ROOT, content.guide.review.last_reviewed)
    unconfirmed = unconfirmed_resources(content.guide)
    assert f"Resource addresses to confirm: {len(unconfirmed)}" in text
    for resource in content.guide.resources.items:
        line = f"  - {resource.id}: {resource.title} ({resource.publisher}) -> for now links to {resource.url}"
        assert (line in text) == (not resource.confirmed)


def test_report_says_when_the_review_is_due_soon_or_overdue(content):
    """The review status changes from up to date, to due soon, to overdue as the due date passes."""
    review = content.guide.review
    due = add_months(review.last_reviewed, review.review_every_months)
    up_to_date, overdue = content_report(ROOT, review.last_reviewed)
    assert "Up to date" in up_to_date and not overdue
    soon, overdue = content_report(ROOT, due - datetime.timedelta(days=30))
    assert "DUE SOON" in soon and "in 30 days" in soon and not overdue
    late, overdue = content_report(ROOT, due + datetime.timedelta(days=3))
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


def review_long_ago(project):
    """Set the copy's last review date to LONG_AGO, so that its review is overdue whatever today is."""
    guide = project / "content" / "information-sharing.yml"
    text = guide.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith("last_reviewed:"))
    guide.write_text(text.replace(line, line.split(":")[0] + f": {LONG_AGO.isoformat()}"), encoding="utf-8")


def test_an_overdue_review_warns_in_the_strict_build_but_does_not_fail_it(project_copy, content, tmp_path):
    """With the last review long ago, `mkdocs build --strict` still succeeds and prints who must review it."""
    review_long_ago(project_copy)
    result = run_mkdocs_build(project_copy, tmp_path / "built")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    due = add_months(LONG_AGO, content.guide.review.review_every_months)
    assert f"REVIEW OVERDUE: {content.guide.guide.title}: the review was due on {long_date(due)}" in output
    assert f"Owner: {content.guide.review.owner}." in output
    assert (tmp_path / "built" / "index.html").is_file()


def test_the_report_exits_non_zero_when_the_review_is_overdue(project_copy):
    """`make content-report` fails (exit 1) when the review is overdue, so a scheduled job can raise an alert."""
    review_long_ago(project_copy)
    result = subprocess.run([sys.executable, "-m", "macros.report"], cwd=project_copy, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "OVERDUE" in result.stdout and "Resource addresses to confirm:" in result.stdout
