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


@functools.cache
def real_content_states() -> tuple:
    """The ids and references of the repository's content, checked once."""
    return tuple(validate(definition, read_yaml(ROOT / name, name)[0])[1]
                 for name, (definition, _, _) in CONTENT_FILES.items())


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
