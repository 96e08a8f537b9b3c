"""Bad content is refused with a message an editor can act on: file, line, field, what was expected."""
from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from macros import model
from macros.content import read_yaml
from macros.loading import CONTENT_FILES, SCHEMA_FOLDER, load_content
from macros.report import schema_files
from macros.schema import check_references, validate

from .conftest import ROOT

BAD_CONTENT = sorted((ROOT / "tests" / "bad_content").glob("*.yml"))


def expectation(path: Path) -> tuple[str, str]:
    """The definition a bad file is checked against, and the message it must produce, from its header comments."""
    header = dict(re.findall(r"^# (definition|expect): (.*)$", path.read_text(encoding="utf-8"), re.M))
    return header["definition"], header["expect"]


def problems_for(path: Path, definition: str) -> list[str]:
    name = path.relative_to(ROOT).as_posix()
    document, problems = read_yaml(path, name)
    if document is not None:
        _, state = validate(getattr(model, definition), document)
        problems += check_references([state])
    return [str(problem) for problem in problems]


@pytest.mark.parametrize("path", BAD_CONTENT, ids=lambda p: p.stem)
def test_bad_content_is_refused_with_file_line_field_and_what_was_expected(path):
    """Each file in tests/bad_content/ is refused with exactly the message written in its header."""
    definition, expected = expectation(path)
    messages = problems_for(path, definition)
    wanted = f"{path.relative_to(ROOT).as_posix()}:{expected}"
    assert wanted in messages, "expected:\n  " + wanted + "\ngot:\n  " + "\n  ".join(messages)


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


def test_the_repository_content_is_valid(content):
    """The guide as committed passes every check."""
    assert content.guide.guide.title


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


@pytest.mark.parametrize("name", list(CONTENT_FILES))
def test_each_content_file_points_editors_to_its_json_schema_which_accepts_it(name):
    """Each content file names its schema for editors' YAML tools, and that schema accepts the file."""
    _, schema_file, _ = CONTENT_FILES[name]
    first_line = (ROOT / name).read_text(encoding="utf-8").splitlines()[0]
    schema_path = ROOT / SCHEMA_FOLDER / schema_file
    relative = Path(os.path.relpath(schema_path, (ROOT / name).parent)).as_posix()
    assert first_line == f"# yaml-language-server: $schema={relative}"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = as_json_values(yaml.safe_load((ROOT / name).read_text(encoding="utf-8")))
    jsonschema.validate(data, schema)


def test_json_schema_refuses_an_unknown_field():
    """The published schema catches a typo in a field name, as the build does."""
    schema = json.loads((ROOT / "content" / "schema" / "site.schema.json").read_text(encoding="utf-8"))
    data = as_json_values(yaml.safe_load((ROOT / "content" / "site.yml").read_text(encoding="utf-8")))
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
        f'quizzes/information-sharing.yml:{line}: quiz.questions[0].options[1].text: question '
        '"what-the-golden-rules-are-for"']
    report, _ = content_report(project, content.guide.review.last_reviewed)
    assert "Content warnings: 1" in report and f"quizzes/information-sharing.yml:{line}:" in report
