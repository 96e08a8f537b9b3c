"""Load and validate every content file at once, before any page is rendered."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from . import model
from .content import ContentError, Problem, read_yaml
from .edition import (UNKNOWN_VALUE, fill_placeholders, local_file, local_names, local_names_in, local_values,
                      no_edition_problem)
from .schema import check_references, id_kinds, validate

# Each national content file (the same in every edition), the definition it must follow, and its JSON Schema.
CONTENT_FILES = {
    "content/site.yml": (model.SiteSettings, "site.schema.json", "Site settings the same in every edition"),
    "content/information-sharing.yml": (model.Guide, "guide.schema.json", "Information sharing guide"),
    "quizzes/information-sharing.yml": (model.Training, "training.schema.json", "Quiz and training material"),
    "content/about.yml": (model.About, "about.schema.json", "Accessibility statement and privacy notice"),
    "content/decision-aid.yml": (model.DecisionAid, "decision-aid.schema.json", "Should I share? decision aid"),
    "content/sources.yml": (model.SourcesRegister, "sources.schema.json", "Sources register and changes in the law"),
}
# The local file of each edition (content/local/<edition>.yml): its definition and JSON Schema.
LOCAL_FILE = (model.LocalEdition, "local.schema.json", "A partnership's local file: what its edition has of its own")
SCHEMA_FOLDER = "content/schema"
# Added to the problem of a file that cannot be read at all.
FIX_FIRST = ". Fix this file first: until it can be read, what other files refer to in it cannot be checked"


@dataclass(frozen=True)
class Content:
    """Everything the pages are made from, validated."""

    site: model.SiteSettings
    guide: model.Guide
    training: model.Training
    about: model.About
    decision_aid: model.DecisionAid
    sources: model.SourcesRegister  # the national sources and the edition's own, in the register's order
    edition: model.LocalEdition
    edition_file: str  # the local file it comes from, content/local/<edition>.yml
    # Not wrong, but worth an editor's look (file:line, field, why): logged by the build, listed by the report.
    warnings: tuple[Problem, ...] = ()
    # Each file's document, which knows the line of every value: for messages about valid content (make publish).
    documents: dict = dataclasses.field(default_factory=dict, compare=False)


def content_files(root: Path) -> dict[str, tuple]:
    """Every content file of the edition built from `root`: the national files, then its local file."""
    return {**CONTENT_FILES, local_file(root): LOCAL_FILE}


def load_content(root: Path) -> Content:
    """Read and check every content file under `root`, the national ones with the edition's local values filled in;
    raise ContentError listing every problem."""
    problems: list[Problem] = []
    states, loaded, documents = [], {}, {}
    unreadable: dict[str, str] = {}  # kind of record -> the file it lives in, for files that could not be read
    local_name = local_file(root)
    files = content_files(root)
    # The local file is read first, for its values; it is checked last, so that an id it repeats is reported there.
    readings = {name: read_yaml(root / name, name) for name in files if name != local_name or (root / name).is_file()}
    local = readings.get(local_name, (None, []))[0]
    values, names, used = local_values(local), local_names(local), {}
    for name, (definition, _, _) in files.items():
        if name not in readings:
            problems.append(no_edition_problem(root, name))
            unreadable.update(dict.fromkeys(id_kinds(definition), name))
            continue
        document, read_problems = readings[name]
        if document is None:
            # Other files' references to what this file holds cannot be checked; say so once, here.
            read_problems = [dataclasses.replace(problem, message=problem.message.rstrip(".") + FIX_FIRST)
                             for problem in read_problems]
            unreadable.update(dict.fromkeys(id_kinds(definition), name))
        problems.extend(read_problems)
        if document is None:
            continue
        findings = []
        if name != local_name:
            # National text: refused if it names a partnership or a place; its [[names]] get the local values.
            findings = local_names_in(document, names)
            document, unknown, lines = fill_placeholders(document, values)
            findings += unknown
            for value, where in lines.items():
                used.setdefault(value, set()).update((name, line) for line in where)
        documents[name] = document
        value, state = validate(definition, document)
        for path, message in findings:
            state.report(path, message)
        states.append(state)
        loaded[name] = value
    pages = {page.name for page in (root / "docs").glob("*.md")}
    problems.extend(check_references(states, pages, unreadable))
    edition = loaded.get(local_name)
    if edition is not None and edition.logo and not (root / "docs" / edition.logo).is_file():
        line = documents[local_name].line_of(("logo",))
        problems.append(Problem(local_name, line, "logo", f'no file docs/{edition.logo}; expected an image there'))
    problems = without_knock_on(problems, used, values, local_name)
    if problems or any(value is None for value in loaded.values()):
        raise ContentError(problems)
    guide, register = loaded["content/information-sharing.yml"], loaded["content/sources.yml"]
    return Content(site=loaded["content/site.yml"], guide=with_local_resources(guide, edition),
                   training=loaded["quizzes/information-sharing.yml"], about=loaded["content/about.yml"],
                   decision_aid=loaded["content/decision-aid.yml"], sources=with_local_sources(register, edition),
                   edition=edition, edition_file=local_name,
                   warnings=tuple(warning for state in states for warning in state.warnings), documents=documents)


def without_knock_on(problems: list[Problem], used: dict, values: dict, local_name: str) -> list[Problem]:
    """The problems, less those in national text where it names a local value that is missing or wrong: the local
    file's own problem (or the unknown name's) is the one message for that mistake."""
    wrong = {problem.where for problem in problems if problem.file == local_name}
    faulty = {name for name in used if name not in values or name in wrong}
    lines = {place for name in faulty for place in used[name]}
    return [problem for problem in problems if (problem.file, problem.line) not in lines
            or UNKNOWN_VALUE in problem.message]


def with_local_resources(guide: model.Guide, edition: model.LocalEdition) -> model.Guide:
    """The guide with the edition's own resources listed after the national ones."""
    resources = dataclasses.replace(guide.resources, items=guide.resources.items + edition.resources)
    return dataclasses.replace(guide, resources=resources)


def with_local_sources(register: model.SourcesRegister, edition: model.LocalEdition) -> model.SourcesRegister:
    """The register with each of the edition's sources after the one it is listed after, or else at the end."""
    sources = list(register.sources)
    for source in edition.sources:
        # After the source it names and the local sources already listed after that one, keeping the file's order.
        after = [index for index, other in enumerate(sources)
                 if source.listed_after in (other.id, getattr(other, "listed_after", None))]
        sources.insert(after[-1] + 1 if source.listed_after and after else len(sources), source)
    return dataclasses.replace(register, sources=tuple(sources))
