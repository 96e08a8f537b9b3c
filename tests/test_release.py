"""Safe to publish: `make publish` makes the public site only when the guide is ready and signed off; any other build
is a draft that says so on every page. Each reason is tested on a copy of the project made ready, then broken once."""
from __future__ import annotations

import datetime
import re
import subprocess
from urllib.parse import urljoin

import pytest
import yaml

from macros.edition import local_file
from macros.loading import load_content
from macros.release import APPROVAL, file_digests, fingerprint, release_reasons
from macros.render.contacts import tel_address
from macros.sign_off import approval_lines, review_pack_html

from .conftest import ROOT, BuiltSite, copy_project, run_mkdocs_build
from .helpers import visible_text

TODAY = datetime.date.today()
# Fictional numbers, from the range Ofcom keeps for drama: never a real service's.
DAYTIME, OUT_OF_HOURS = "01632 960 100", "01632 960 200"
TEL = re.compile(r"^tel:\+44\d{9,10}$")
# The default edition's local file, which holds the front doors, the logo and the approval.
LOCAL = local_file(ROOT)


class ContentDumper(yaml.SafeDumper):
    """Writes YAML as editors do: a text of several lines as a block (|), every other text on one line."""


ContentDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def edit_yaml(project, name: str, change) -> None:
    """Change one content file of a copy through its data, written back as an editor would write it."""
    path = project / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.dump(data, Dumper=ContentDumper, sort_keys=False, allow_unicode=True, width=float("inf")),
                    encoding="utf-8")


def confirm_front_doors(site: dict) -> None:
    for door in site["front_doors"]:
        door.update(confirmed=True, phone=DAYTIME, hours="Monday to Friday, 9am to 5pm",
                    out_of_hours_phone=OUT_OF_HOURS, out_of_hours_name="Emergency duty team")


def checked_today(register: dict) -> None:
    """Every change in the law checked today, the pending ones to be checked again within the 30 days allowed."""
    for change in register["changes_in_law"]:
        change["last_checked"] = TODAY
        pending = change["status"] != "in-force"
        change["check_again_by"] = TODAY + datetime.timedelta(days=30 if pending else 180)
        if pending and change.get("expected_from") and change["expected_from"] > TODAY:
            change["expected_from"] = TODAY + datetime.timedelta(days=30)


def sign_off(project) -> None:
    """Record an approval of the copy's content exactly as it is: the lines the review pack gives, in place of the
    local file's approval."""
    lines = approval_lines(file_digests(project))
    lines = lines.replace("(the safeguarding lead's name)", "Alex Example").replace("(their role)", "Designated lead")
    lines = lines.replace("(the day they approved it, YYYY-MM-DD)", TODAY.isoformat())
    local = project / LOCAL
    local.write_bytes(APPROVAL.sub(lambda _: lines.encode("utf-8"), local.read_bytes()))


def make_ready(project) -> None:
    edit_yaml(project, LOCAL, confirm_front_doors)
    edit_yaml(project, "content/sources.yml", checked_today)
    edit_yaml(project, "content/information-sharing.yml", lambda guide: guide["review"].update(last_reviewed=TODAY))
    sign_off(project)


@pytest.fixture
def ready(tmp_path):
    """A copy of the project with every front door confirmed, the law checked today, and its content signed off."""
    project = copy_project(tmp_path)
    make_ready(project)
    return project


def reasons_in(project, today=TODAY) -> list[str]:
    return [str(reason.problem) for reason in release_reasons(load_content(project), project, today)]


def line_of(project, name: str, path: tuple) -> int:
    return load_content(project).documents[name].line_of(path)


# ---- The reasons, one at a time ----

def test_a_ready_and_signed_off_copy_has_nothing_to_stop_it(ready):
    """Made ready (front doors confirmed day and night, the law checked, the review current, signed off), the copy
    has no reason not to publish."""
    assert reasons_in(ready) == []


def test_an_unconfirmed_front_door_stops_publishing_at_its_line(ready):
    """A front door not confirmed with the service is one reason, at its `confirmed` line."""
    edit_yaml(ready, LOCAL, lambda local: local["front_doors"][1].update(confirmed=False))
    sign_off(ready)
    line = line_of(ready, LOCAL, ("front_doors", 1, "confirmed"))
    assert reasons_in(ready) == [f'{LOCAL}:{line}: front_doors[1] (front door "adults-front-door").confirmed: '
                                 "not confirmed with the service: check its name, daytime and out-of-hours numbers "
                                 "and hours with them, then set confirmed: true"]


def test_a_change_in_the_law_past_its_day_to_check_stops_publishing(ready):
    """The day after a change's check-again day, each overdue change is a reason at its check_again_by line."""
    register = load_content(ready).sources
    first = min(change.check_again_by for change in register.changes_in_law if change.check_again_by)
    reasons = reasons_in(ready, first + datetime.timedelta(days=1))
    overdue = [index for index, change in enumerate(register.changes_in_law) if change.check_again_by == first]
    assert reasons == [f"content/sources.yml:{line_of(ready, 'content/sources.yml', ('changes_in_law', i, 'check_again_by'))}"
                       f': changes_in_law[{i}] (law change "{register.changes_in_law[i].id}").check_again_by: the check '
                       "was due 1 days ago: check the source, then update last_checked and check_again_by"
                       for i in overdue]


def test_an_overdue_review_stops_publishing(ready):
    """A review more than its period old is one reason, at review.last_reviewed."""
    edit_yaml(ready, "content/information-sharing.yml",
              lambda guide: guide["review"].update(last_reviewed=TODAY - datetime.timedelta(days=400)))
    sign_off(ready)
    reasons = reasons_in(ready)
    line = line_of(ready, "content/information-sharing.yml", ("review", "last_reviewed"))
    assert len(reasons) == 1 and reasons[0].startswith(f"content/information-sharing.yml:{line}: review.last_reviewed: "
                                                       "OVERDUE")


def test_an_unconfirmed_source_under_a_decision_aid_outcome_stops_publishing(ready):
    """A source that a decision-aid outcome rests on, marked unconfirmed, is a reason at that outcome's source line."""
    def unconfirm(register):
        next(source for source in register["sources"] if source["id"] == "fgm-mandatory-reporting")["status"] = \
            "unconfirmed"
    edit_yaml(ready, "content/sources.yml", unconfirm)
    sign_off(ready)
    aid = load_content(ready).decision_aid
    places = [(i, outcome.sources.index("fgm-mandatory-reporting")) for i, outcome in enumerate(aid.outcomes)
              if "fgm-mandatory-reporting" in outcome.sources]
    reasons = reasons_in(ready)
    assert len(reasons) == len(places) >= 1
    for reason, (i, place) in zip(reasons, places):
        line = line_of(ready, "content/decision-aid.yml", ("outcomes", i, "sources", place))
        assert reason.startswith(f"content/decision-aid.yml:{line}: outcomes[{i}]") and "unconfirmed" in reason


def test_the_placeholder_logo_stops_publishing(ready):
    """Naming the placeholder logo is one reason, at the logo line."""
    edit_yaml(ready, LOCAL, lambda local: local.update(logo="assets/images/logo.svg"))
    sign_off(ready)
    line = line_of(ready, LOCAL, ("logo",))
    assert reasons_in(ready) == [f"{LOCAL}:{line}: logo: docs/assets/images/logo.svg is the placeholder logo; "
                                 "name the partnership's own logo, or leave logo empty for the theme's icon"]


def test_changing_one_word_after_sign_off_stops_publishing_and_names_the_file(ready):
    """One word changed in the quiz after approval: the fingerprint differs, and the reason names the quiz file."""
    quiz = ready / "quizzes" / "information-sharing.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("Self-check quiz", "Self check quiz", 1), encoding="utf-8")
    reasons = reasons_in(ready)
    line = line_of(ready, LOCAL, ("approved", "fingerprint"))
    assert len(reasons) == 1
    assert reasons[0].startswith(f"{LOCAL}:{line}: approved.fingerprint: the content has changed since "
                                 f"Alex Example approved it on {TODAY}: quizzes/information-sharing.yml changed")


def test_the_real_content_is_a_draft_for_its_front_doors_and_its_missing_sign_off():
    """Today's content cannot be published: both front doors wait for confirmation, and nobody has signed it off."""
    content = load_content(ROOT)
    reasons = [reason.problem for reason in release_reasons(content, ROOT, TODAY)]
    assert [(problem.file, problem.where) for problem in reasons if problem.file != "content/sources.yml"] == [
        (LOCAL, f'front_doors[{i}] (front door "{door.id}").confirmed')
        for i, door in enumerate(content.edition.front_doors)] + [(LOCAL, "approved")]


# ---- make publish and the builds ----

def test_make_publish_refuses_listing_every_reason_and_builds_nothing(project_copy):
    """`make publish` on the draft lists every reason at once, each at its file and line, exits non-zero, and leaves
    site/ as it was with no offline copy made."""
    result = subprocess.run(["make", "--no-print-directory", "publish"], cwd=project_copy, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode != 0
    listed = re.findall(r"^(content/[a-z/-]+\.yml):(\d+): ", result.stderr, re.M)
    assert len(listed) == len(release_reasons(load_content(project_copy), project_copy, TODAY)) >= 3, result.stderr
    assert (project_copy / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert not (project_copy / "dist").exists()


def test_a_publishing_build_of_a_draft_fails_with_the_reasons(project_copy, tmp_path):
    """A build told it is publishing (GUIDE_PUBLISH) refuses the draft, whoever runs it, naming the reasons."""
    result = run_mkdocs_build(project_copy, tmp_path / "out", {"GUIDE_PUBLISH": "1"})
    assert result.returncode != 0
    # How many depends on the day too: a change in the law past its day to be checked again is one more.
    reasons = release_reasons(load_content(project_copy), project_copy, TODAY)
    output = result.stdout + result.stderr
    assert f"Not published: {len(reasons)} things must be ready first" in output
    assert all(str(reason.problem) in output for reason in reasons)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> BuiltSite:
    """A copy made ready and signed off, built as `make publish` builds the public site."""
    project = copy_project(tmp_path_factory.mktemp("ready"))
    make_ready(project)
    folder = tmp_path_factory.mktemp("published")
    result = run_mkdocs_build(project, folder, {"GUIDE_PUBLISH": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(folder)


def test_the_published_site_has_no_draft_line_and_says_who_approved_it(published):
    """No page of the published site carries the draft line, and "Is this guide approved?" names the approval."""
    marked = [address for address in published.addresses() if published.page(address).select_one(".draft-notice")]
    assert marked == []
    text = visible_text(published.page("is-this-guide-approved/").select_one("article"))
    assert "Approved by Alex Example, Designated lead, on" in text and "Content fingerprint:" in text


def test_every_page_of_a_draft_carries_the_draft_line_linking_to_what_is_not_ready(site, content):
    """Every page of the draft starts with "Draft: ..." in words a reader understands, linking to the page that
    lists every reason; that page names each front door still to confirm."""
    missing = []
    for address in site.addresses():
        notice = site.page(address).select_one(".md-banner .draft-notice")
        link = notice and notice.find("a")
        goes_to = link and urljoin(f"https://site.test/{address}", link["href"])
        if not (notice and visible_text(notice).startswith("Draft: the referral contacts are not yet confirmed")
                and goes_to == f"https://site.test/{content.about.readiness.id}/"):
            missing.append(address)
    assert missing == []
    listed = visible_text(site.page(f"{content.about.readiness.id}/").select_one("article"))
    for door in content.edition.front_doors:
        assert f"The referral contacts are not yet confirmed: {door.name}." in listed


def test_confirmed_front_doors_give_tap_to_call_numbers_day_and_night(published):
    """On the published site, each confirmed front door's daytime and out-of-hours numbers are tel: links in
    international form, on the home page and the referral outcomes."""
    for address, selector in (("", ".first-screen .front-doors"), ("should-i-share/", "#refer-now .front-doors"),
                              ("should-i-share/", "#emergency-share-now .front-doors")):
        links = published.page(address).select_one(selector).select("a[href^='tel:']")
        assert {link["href"] for link in links} == {tel_address(DAYTIME), tel_address(OUT_OF_HOURS)}, address
        assert all(TEL.match(link["href"]) for link in links)
        assert {visible_text(link) for link in links} == {DAYTIME, OUT_OF_HOURS}


def test_tel_addresses_are_international_and_keep_every_digit():
    """A UK number as people write it becomes +44 and its digits without the leading 0; a + number is kept."""
    assert tel_address("0121 788 4300") == "tel:+441217884300"
    assert tel_address("+44 121 788 4300") == "tel:+441217884300"
    assert TEL.match(tel_address(DAYTIME))


def test_the_review_pack_holds_everything_the_lead_approves_and_the_lines_to_record_it():
    """The pack names every golden rule, lawful basis, decision-aid question and outcome, quiz question and change in
    the law, each source with how it was checked, the front doors, and the fingerprint to copy."""
    content = load_content(ROOT)
    digests = file_digests(ROOT)
    pack = review_pack_html(content, digests, TODAY)
    text = re.sub(r"<[^>]+>", " ", pack)
    rules = content.guide.key_messages.golden_rules.rules
    for name in [rule.label for rule in rules] + [basis.title for basis in content.guide.key_messages.lawful_bases.bases]:
        assert name in text, name
    for node in (*content.decision_aid.questions, *content.decision_aid.outcomes):
        assert (getattr(node, "question", None) or node.title).replace("'", "&#x27;") in pack, node.id
    for change in content.sources.changes_in_law:
        assert change.title in text
    assert f"fingerprint: {fingerprint(digests)}" in pack and "files:" in pack
    assert content.sources.check_words.word("secondary") in text
    assert len(re.findall(r'class="item"', pack)) >= len(rules) + len(content.training.quiz.questions)
