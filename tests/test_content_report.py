"""`make content-report`: what a content owner reads to keep the guide current."""
from __future__ import annotations

import datetime
import subprocess
import sys

from macros.render.guide import unconfirmed_resources
from macros.render.text import add_months
from macros.report import content_report

from .conftest import ROOT


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
