"""Bad content is refused with a message an editor can act on: file, line, field, what was expected."""
from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import os
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros import model
from macros.content import ContentError, read_yaml
from macros.edition import editions, local_file
from macros.export.scorm import package_for
from macros.loading import CONTENT_FILES, SCHEMA_FOLDER, content_files, load_content
from macros.markup import SITE_MARKDOWN_EXTENSIONS, browser_reads_the_same, check_markup
from macros.report import schema_files
from macros.schema import check_references, validate

from .conftest import ROOT, copy_project

BAD_CONTENT = sorted((ROOT / "tests" / "bad_content").glob("*.yml"))


def expectation(path: Path) -> tuple[str, str]:
    """The definition a bad file is checked against, and the message it must produce, from its header comments."""
    header = dict(re.findall(r"^# (definition|expect): (.*)$", path.read_text(encoding="utf-8"), re.M))
    return header["definition"], header["expect"]


@functools.cache
def real_content_states() -> tuple:
    """The ids and references of the repository's content, checked once."""
    return tuple(validate(definition, read_yaml(ROOT / name, name)[0])[1]
                 for name, (definition, _, _) in content_files(ROOT).items())


def problems_for(path: Path, definition: str) -> list[str]:
    """Every problem with a bad file, checked as if it stood in the real content (its ids replacing the real
    ones), so that its references to real rules and messages resolve and only its own mistake is reported."""
    name = path.relative_to(ROOT).as_posix()
    document, problems = read_yaml(path, name)
    if document is not None:
        _, state = validate(getattr(model, definition), document)
        own = {ident for ident, _, _ in state.ids}
        others = [dataclasses.replace(other, problems=[], refs=[], guide_links=[],
                                      ids=[entry for entry in other.ids if entry[0] not in own])
                  for other in real_content_states()]
        pages = {page.name for page in (ROOT / "docs").glob("*.md")}
        problems += check_references([state, *others], pages)
    return [str(problem) for problem in problems]


@pytest.mark.parametrize("path", BAD_CONTENT, ids=lambda p: p.stem)
def test_bad_content_is_refused_with_one_message_naming_file_line_and_field(path):
    """Each file in tests/bad_content/ is refused with exactly the one message written in its header: no
    knock-on message follows it."""
    definition, expected = expectation(path)
    messages = problems_for(path, definition)
    wanted = f"{path.relative_to(ROOT).as_posix()}:{expected}"
    assert messages == [wanted], "expected:\n  " + wanted + "\ngot:\n  " + "\n  ".join(messages)


def test_all_problems_are_reported_together():
    """An editor sees every problem in one go, not one per build."""
    text = "id: Bad Id\ntext: ''\nextra: 1\n"
    path = ROOT / "tests" / "bad_content" / "three_problems.yml.txt"
    try:
        path.write_text(text, encoding="utf-8")
        messages = problems_for(path, "Point")
    finally:
        path.unlink()
    assert len(messages) == 3, messages


def test_every_yaml_file_under_content_and_quizzes_is_checked():
    """No content file escapes the checks: each YAML file editors can change is loaded and validated, the edition's
    local file with the national ones."""
    found = {path.relative_to(ROOT).as_posix() for folder in ("content", "content/local", "quizzes")
             for path in (ROOT / folder).glob("*.yml")}
    assert found == set(content_files(ROOT))


def test_the_repository_content_is_valid(content):
    """The guide as committed passes every check."""
    assert content.guide.guide.title


def test_every_change_in_the_law_not_yet_in_force_has_a_day_to_check_it_again(content):
    """Each change in the law still to come names the day by which we check it again, within the days allowed."""
    for change in content.sources.changes_in_law:
        if change.status == "not-yet-in-force":
            latest, _ = change.latest_check()
            assert change.check_again_by and change.last_checked <= change.check_again_by <= latest, change.id


def test_a_change_in_the_law_may_be_checked_again_on_the_last_day_allowed():
    """30 days after last_checked, or on expected_from when that is sooner, is accepted; an in-force change needs
    no day to check it again."""
    pending = model.LawChange(id="duty", title="A duty", status="not-yet-in-force", text="Text.",
                              last_checked=datetime.date(2026, 5, 30), sources=("a",),
                              check_again_by=datetime.date(2026, 6, 29))
    assert list(pending.problems()) == []
    expected = dataclasses.replace(pending, expected_from=datetime.date(2026, 6, 10),
                                   check_again_by=datetime.date(2026, 6, 10))
    assert list(expected.problems()) == []
    started = dataclasses.replace(pending, status="in-force", in_force_from=datetime.date(2026, 2, 5),
                                  check_again_by=None)
    assert list(started.problems()) == []


def test_published_json_schema_is_generated_from_the_definitions():
    """content/schema/*.json match the content definitions; run `make schema` after changing model.py."""
    for path, text in schema_files().items():
        assert (ROOT / path).read_text(encoding="utf-8") == text, f"{path} is out of date: run make schema"


def as_json_values(value):
    """YAML dates as the text an editor's tools see, so the JSON Schema can check them."""
    if isinstance(value, dict):
        return {key: as_json_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json_values(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


@pytest.mark.parametrize("name", list(content_files(ROOT)))
def test_each_content_file_points_editors_to_its_json_schema_which_accepts_it(name):
    """Each content file names its schema for editors' YAML tools, and that schema accepts the file (national text
    with its [[...]] names of local values)."""
    _, schema_file, _ = content_files(ROOT)[name]
    first_line = (ROOT / name).read_text(encoding="utf-8").splitlines()[0]
    schema_path = ROOT / SCHEMA_FOLDER / schema_file
    relative = Path(os.path.relpath(schema_path, (ROOT / name).parent)).as_posix()
    assert first_line == f"# yaml-language-server: $schema={relative}"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = as_json_values(yaml.safe_load((ROOT / name).read_text(encoding="utf-8")))
    jsonschema.validate(data, schema)


def test_json_schema_refuses_an_unknown_field():
    """The published schema catches a typo in a field name, as the build does."""
    schema = json.loads((ROOT / "content" / "schema" / "local.schema.json").read_text(encoding="utf-8"))
    data = as_json_values(yaml.safe_load((ROOT / local_file(ROOT)).read_text(encoding="utf-8")))
    data["colour_"] = data.pop("colour")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_a_typo_stops_the_build_names_the_line_and_leaves_the_previous_site(project_copy):
    """`make build` with a misspelt field fails, says where, and leaves site/ exactly as it was."""
    guide = project_copy / "content" / "information-sharing.yml"
    lines = guide.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.lstrip().startswith("last_reviewed:"))
    lines[number] = lines[number].replace("last_reviewed:", "last_reveiwed:")
    guide.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run(["make", "--no-print-directory", "build"], cwd=project_copy, capture_output=True,
                            text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (f'content/information-sharing.yml:{number + 1}: review.last_reveiwed: unknown field "last_reveiwed"; '
            'did you mean "last_reviewed"?') in output, output
    assert (project_copy / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert not (project_copy / ".site-building").exists()


def test_load_content_names_every_file_it_could_not_read(tmp_path):
    """A missing content file is reported by name instead of failing with a traceback."""
    with pytest.raises(Exception) as raised:
        load_content(tmp_path)
    assert "content/site.yml:1: (whole file): could not be read" in str(raised.value)


# ---- Mistakes in the real content files: one message each, where the editor must look, nothing else ----

def project_with(tmp_path: Path, changed: dict[str, str]) -> Path:
    """A copy of the project with some files' text replaced."""
    copy_project(tmp_path)
    for name, text in changed.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def problems_loading(root: Path) -> list:
    """The problems load_content reports for the project at `root` (none if it loads)."""
    try:
        load_content(root)
    except ContentError as error:
        return error.problems
    return []


def lines_the_parser_names(text: str) -> set[int]:
    """The lines PyYAML itself gives for a syntax error: where it stopped, and what it was reading."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        marks = (getattr(error, "problem_mark", None), getattr(error, "context_mark", None))
        return {mark.line + 1 for mark in marks if mark is not None}
    return set()  # it still reads: a quote left open can be closed by a later one, in a comment say


SIMPLE_FIELD = re.compile(r"^( *)(- )?[a-z_]+: (?P<value>[^\s>|&*!#'\"\[{-][^#]*)$")


def mutations(name: str) -> list[tuple[str, int, str]]:
    """A few ways to break one real content file: (what was done, line number, the broken text).

    A closing quote dropped, a field indented one space too far, a tab before a field: each on two lines
    spread through the file, fields whose value is one line of text after a field like them.
    """
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines(keepends=True)
    fields = []
    for i, line in enumerate(lines):
        before = next((j for j in range(i - 1, -1, -1) if lines[j].strip() and not lines[j].lstrip().startswith("#")),
                      None)
        found, previous = SIMPLE_FIELD.match(line), before is not None and SIMPLE_FIELD.match(lines[before])
        if found and not found.group(2) and previous and len(found.group(1)) == len(previous.group(1)):
            fields.append(i)
    if not fields:
        return []  # nothing of that shape to break
    chosen = sorted({fields[0], fields[len(fields) // 2], fields[-1]})

    def changed(index: int, line: str) -> str:
        return "".join(lines[:index] + [line] + lines[index + 1:])

    result = []
    for i in chosen:
        value = SIMPLE_FIELD.match(lines[i]).group("value")
        # The value put in quotes, then its closing quote dropped.
        unclosed = lines[i].replace(value, '"' + value.strip().strip('"'), 1)
        result.append(("closing quote dropped", i + 1, changed(i, unclosed.rstrip() + "\n")))
        result.append(("indented one space too far", i + 1, changed(i, " " + lines[i])))
        result.append(("tab before a field", i + 1, changed(i, "\t" + lines[i])))
    return result


MUTATIONS = [(name, *mutation) for name in content_files(ROOT) for mutation in mutations(name)]


@pytest.mark.parametrize("name, what, line, text", MUTATIONS,
                         ids=[f"{name}:{line} {what}" for name, what, line, _ in MUTATIONS])
def test_a_broken_line_in_a_real_file_gives_one_problem_at_that_line(tmp_path, name, what, line, text):
    """Breaking one line of a real content file gives exactly one problem, in that file, at the broken line or
    the line the YAML parser names; nothing about other files. When the file cannot be read, the problem
    says to fix it first."""
    problems = problems_loading(project_with(tmp_path, {name: text}))
    assert len(problems) == 1, "\n".join(map(str, problems)) or "no problem reported"
    problem = problems[0]
    assert problem.file == name
    assert problem.line in {line} | lines_the_parser_names(text), str(problem)
    assert (problem.where == "(YAML syntax)") == ("Fix this file first" in problem.message), str(problem)


def test_every_real_file_is_mutated_in_each_way():
    """The mutation test reaches every content file, the local file too, each broken in all three ways."""
    for name in content_files(ROOT):
        ways = {what for mutated, what, _, _ in MUTATIONS if mutated == name}
        assert ways == {"closing quote dropped", "indented one space too far", "tab before a field"}, name


def test_an_unclosed_quote_in_the_guide_is_one_problem_that_names_the_quote(tmp_path):
    """The issue's case: a quote left open in the guide is reported once, at the line where the parser stopped,
    naming the line the quote was opened on; the decision aid and the quiz, which refer to the guide's rules,
    add nothing."""
    name = "content/information-sharing.yml"
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("failings_intro:") and '"' in line)
    lines[index] = lines[index].rstrip().removesuffix('"') + "\n"
    problems = problems_loading(project_with(tmp_path, {name: "".join(lines)}))
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert f'The quote " opened on line {index + 1} ' in problems[0].message
    assert f"its closing quote is probably missing on line {index + 1}" in problems[0].message


def test_a_rule_with_a_missing_title_is_one_problem_and_still_counts_for_references(tmp_path):
    """A golden rule without its title is reported once; the decision aid and quiz that name the rule do not
    also say that no rule has its id."""
    name = "content/information-sharing.yml"
    text = (ROOT / name).read_text(encoding="utf-8")
    rule = re.search(r"^( +)- id: record-the-decision\n\1  title: .*\n", text, re.M)
    broken = text.replace(rule.group(0), f"{rule.group(1)}- id: record-the-decision\n")
    problems = problems_loading(project_with(tmp_path, {name: broken}))
    assert [str(problem) for problem in problems] == [
        f'{name}:{text[:rule.start()].count(chr(10)) + 1}: key_messages.golden_rules.rules[6] '
        '(rule "record-the-decision"): missing required field "title": expected one line of text']


def test_a_second_right_answer_in_the_quiz_is_reported_at_its_own_line_by_question_id(tmp_path):
    """Two right answers to a single-choice question: the message points at the second correct: true and names
    the question by its id."""
    name = "quizzes/information-sharing.yml"
    text = (ROOT / name).read_text(encoding="utf-8")
    quiz = load_content(ROOT).training.quiz
    number, question = next((n, q) for n, q in enumerate(quiz.questions) if q.type == "single")
    right = next(i for i, option in enumerate(question.options) if option.correct)
    wrong = next(i for i, option in enumerate(question.options) if not option.correct)
    # The "correct:" line of each of the question's options, in order.
    correct_lines = [m for m in re.finditer(r"^ +correct: (true|false)$", text, re.M)
                     if m.start() > text.index(f"- id: {question.id}\n")][:len(question.options)]
    broken = text[:correct_lines[wrong].start()] + correct_lines[wrong].group(0).replace("false", "true") + \
        text[correct_lines[wrong].end():]
    second = max(right, wrong)
    problems = problems_loading(project_with(tmp_path, {name: broken}))
    assert [str(problem) for problem in problems] == [
        f'{name}:{text[:correct_lines[second].start()].count(chr(10)) + 1}: quiz.questions[{number}] (quiz question '
        f'"{question.id}").options[{second}].correct: a single question has exactly one right answer, but '
        f"options[{min(right, wrong)}] is already correct: true; make this one false, or change the type to multiple"]


def test_exports_are_made_only_from_checked_text(tmp_path):
    """The SCORM package (like the Moodle XML and GIFT files, made in the same build step) is made from the
    checked content only: a link a browser would run in the quiz's feedback stops it with the editor's message."""
    name = "quizzes/information-sharing.yml"
    text = (ROOT / name).read_text(encoding="utf-8")
    at = text.index("Wrong.", text.index("feedback: "))
    broken = text[:at] + "[Read this](jav&#x61;script:alert(1)) " + text[at:]
    root = project_with(tmp_path, {name: broken})
    with pytest.raises(ContentError) as raised:
        package_for(root)
    feedback_line = text[:text.rindex("feedback:", 0, at)].count("\n") + 1
    assert f"{name}:{feedback_line}: quiz.questions[0] " in str(raised.value)
    assert 'contains a javascript: link ("javascript:alert(1)")' in str(raised.value)


# ---- National text and the edition's local file ----

LOCAL = local_file(ROOT)


def first_one_line_text(name: str) -> int:
    """The index of the first line of a file that is a field with one line of text as its value."""
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines) if (found := SIMPLE_FIELD.match(line)) and
                re.match(r"[A-Z][a-z]+ [a-z]", found.group("value")))


@pytest.mark.parametrize("name", list(CONTENT_FILES))
def test_a_place_name_pasted_into_national_text_is_refused_at_its_file_and_line(tmp_path, content, name):
    """The edition's area pasted into any national file's text is one problem, at that file and line, naming it."""
    index = first_one_line_text(name)
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines(keepends=True)
    lines[index] = lines[index].rstrip("\n") + f" in {content.edition.area}\n"
    problems = problems_loading(project_with(tmp_path, {name: "".join(lines)}))
    assert [(problem.file, problem.line) for problem in problems] == [(name, index + 1)], "\n".join(map(str, problems))
    assert f'names "{content.edition.area}", a partnership or a place' in problems[0].message


def test_another_partnerships_name_in_national_text_is_refused(tmp_path):
    """A partnership this edition does not know, named in national text, is refused at its line all the same."""
    name = "quizzes/information-sharing.yml"
    text = (ROOT / name).read_text(encoding="utf-8")
    index = first_one_line_text(name)
    lines = text.splitlines(keepends=True)
    lines[index] = lines[index].rstrip("\n") + " (Exampleshire Safeguarding Children Partnership)\n"
    problems = problems_loading(project_with(tmp_path, {name: "".join(lines)}))
    assert [str(problem).split(": names")[0] for problem in problems] == [
        f"{name}:{index + 1}: {problems[0].where}"] and "Exampleshire Safeguarding Children" in problems[0].message


def test_national_text_names_each_local_value_by_its_field_and_gets_the_editions(content):
    """National text says [[area]] and [[escalation_policy]]; the guide the build sees has the local file's values."""
    national = (ROOT / "content" / "information-sharing.yml").read_text(encoding="utf-8")
    assert "[[area]]" in national and '"[[escalation_policy]]"' in national
    assert content.guide.guide.description.endswith(f"in every agency in {content.edition.area}.")
    escalation = next(topic for topic in content.guide.key_messages.topics if topic.id == "escalation")
    assert content.edition.escalation_policy in escalation.see


def test_a_name_no_local_file_has_is_one_problem_at_its_line(tmp_path):
    """A misspelt [[name]] in national text is one problem, at its line, saying which names there are."""
    name = "content/information-sharing.yml"
    text = (ROOT / name).read_text(encoding="utf-8")
    broken = text.replace('"[[referral_guide]]"', '"[[referal_guide]]"')
    problems = problems_loading(project_with(tmp_path, {name: broken}))
    line = text[:text.index('"[[referral_guide]]"')].count("\n") + 1
    assert [(problem.file, problem.line) for problem in problems] == [(name, line)], "\n".join(map(str, problems))
    assert '"[[referal_guide]]" names no local value' in problems[0].message
    assert "Did you mean [[referral_guide]]?" in problems[0].message


@pytest.mark.parametrize("field, value, expected", [
    ("short_name", None, 'missing required field "short_name"'),
    ("escalation_policy", "escalation-polcy", 'escalation_policy: no resource has the id "escalation-polcy"'),
    ("area", "<b>Exampletown</b>", "area: contains a <b> element"),
])
def test_a_missing_or_wrong_local_value_is_one_problem_in_the_local_file(tmp_path, field, value, expected):
    """A local value left out or wrong is one problem, in the local file, at its field: nothing is said of the
    national text that names it."""
    text = (ROOT / LOCAL).read_text(encoding="utf-8")
    given = re.search(rf"^{field}: .*\n", text, re.M)
    broken = text.replace(given.group(0), "" if value is None else f"{field}: {value}\n")
    problems = problems_loading(project_with(tmp_path, {LOCAL: broken}))
    assert [problem.file for problem in problems] == [LOCAL], "\n".join(map(str, problems))
    assert expected in str(problems[0])


def test_an_edition_with_no_local_file_is_refused_naming_the_editions_there_are(tmp_path, monkeypatch):
    """Choosing an edition that has no local file stops the build, naming the file and the editions there are."""
    monkeypatch.setenv("GUIDE_EDITION", "nowhere")
    problems = problems_loading(project_with(tmp_path, {}))
    assert [str(problem) for problem in problems] == [
        f"content/local/nowhere.yml:1: (edition): no such local file; the editions are: {', '.join(editions(ROOT))}. "
        "Choose one with EDITION=name, or copy a local file there (README: Your own edition)"]


def test_two_local_files_and_no_edition_named_is_refused_saying_how_to_choose(tmp_path, monkeypatch):
    """With two local files and no EDITION, the build stops once, naming them and how to choose one."""
    monkeypatch.delenv("GUIDE_EDITION", raising=False)
    project = project_with(tmp_path, {"content/local/exampleshire.yml": (ROOT / "tests" / "editions" /
                                                                         "exampleshire.yml").read_text(encoding="utf-8")})
    names = ", ".join(sorted([*editions(ROOT), "exampleshire"]))
    assert [str(problem) for problem in problems_loading(project)] == [
        f"content/local/:1: (edition): {len(editions(ROOT)) + 1} local files ({names}); choose the edition to build "
        "with EDITION, for example make build EDITION=name"]


# ---- The allowlist itself ----

def test_text_is_checked_with_the_markdown_extensions_the_site_uses():
    """The check renders text with the same Markdown extensions as mkdocs.yml, so it sees what pages show."""
    loader = type("IgnoreTags", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *_: None)  # mkdocs.yml's !ENV: not needed here
    settings = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    names = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in settings["markdown_extensions"]]
    assert names == SITE_MARKDOWN_EXTENSIONS


@pytest.mark.parametrize("text", [
    "Plain words, **bold**, *italics* and a [web page](https://www.gov.uk/guidance).",
    "A line  \nbreak, and [a golden rule](key-messages.md#record-the-decision) and [this part](#crucial).",
    "- a list\n- of points\n\n1. and numbered\n2. steps",
])
def test_what_the_guide_needs_passes_the_allowlist(text):
    """Paragraphs, emphasis, lists, line breaks, web links and links to pages of the guide are all accepted."""
    assert check_markup(text).problems == ()


def test_email_links_are_accepted_in_contact_fields_only():
    """The contact line may link to an email address; other text may not."""
    text = "Write to [the business unit](mailto:safeguarding@example.org)."
    assert check_markup(text, allow_mailto=True).problems == ()
    assert check_markup(text).problems


def test_html_a_browser_reads_differently_is_caught_by_the_browser_grade_parser():
    """Of two href attributes a browser follows the first; the cross-check with nh3 sees that such HTML
    would not be read as it was checked, and ordinary links pass it."""
    html = '<p><a href="javascript:alert(1)" href="https://www.gov.uk/">advice</a></p>'
    assert not browser_reads_the_same(html)
    assert browser_reads_the_same('<p><a href="https://www.gov.uk/" title="Advice">advice</a> and <br>more</p>')
def test_a_right_option_much_longer_than_the_others_is_a_warning_with_file_and_line(tmp_path):
    """A right option 1.5 times as long as every other is reported as a warning (file:line, field, question id),
    not a problem: the content still loads, and the content report lists it."""
    from macros.report import content_report

    from .conftest import copy_project

    project = copy_project(tmp_path)
    quiz_file = project / "quizzes" / "information-sharing.yml"
    text = quiz_file.read_text(encoding="utf-8")
    short = "        - text: They help you decide whether, when and how to share information.\n"
    assert short in text
    quiz_file.write_text(text.replace(short, short.rstrip("\n").removesuffix(".") + (
        ", in every case, with every agency, and always alongside your own organisation's policies.\n")),
        encoding="utf-8")
    line = text[:text.index(short)].count("\n") + 1
    content = load_content(project)
    assert [str(warning).split(": the right option")[0] for warning in content.warnings] == [
        f'quizzes/information-sharing.yml:{line}: quiz.questions[0] (quiz question "what-the-golden-rules-are-for")'
        '.options[1].text: question "what-the-golden-rules-are-for"']
    report, _ = content_report(project, content.guide.review.last_reviewed)
    assert "Content warnings: 1" in report and f"quizzes/information-sharing.yml:{line}:" in report
