"""Load and validate every content file at once, before any page is rendered."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from . import model
from .content import ContentError, Problem, read_yaml
from .schema import check_references, id_kinds, validate

# Each content file, the definition it must follow, and the JSON Schema published for it.
CONTENT_FILES = {
    "content/site.yml": (model.SiteSettings, "site.schema.json", "Site settings"),
    "content/information-sharing.yml": (model.Guide, "guide.schema.json", "Information sharing guide"),
    "quizzes/information-sharing.yml": (model.Training, "training.schema.json", "Quiz and training material"),
    "content/about.yml": (model.About, "about.schema.json", "Accessibility statement and privacy notice"),
    "content/decision-aid.yml": (model.DecisionAid, "decision-aid.schema.json", "Should I share? decision aid"),
    "content/sources.yml": (model.SourcesRegister, "sources.schema.json", "Sources register and changes in the law"),
    "content/sign-off.yml": (model.SignOff, "sign-off.schema.json", "The safeguarding lead's approval"),
}
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
    sources: model.SourcesRegister
    sign_off: model.SignOff
    # Not wrong, but worth an editor's look (file:line, field, why): logged by the build, listed by the report.
    warnings: tuple[Problem, ...] = ()
    # Each file's document, which knows the line of every value: for messages about valid content (make publish).
    documents: dict = dataclasses.field(default_factory=dict, compare=False)


def load_content(root: Path) -> Content:
    """Read and check every content file under `root`; raise ContentError listing every problem."""
    problems: list[Problem] = []
    states, loaded, documents = [], {}, {}
    unreadable: dict[str, str] = {}  # kind of record -> the file it lives in, for files that could not be read
    for name, (definition, _, _) in CONTENT_FILES.items():
        document, read_problems = read_yaml(root / name, name)
        if document is None:
            # Other files' references to what this file holds cannot be checked; say so once, here.
            read_problems = [dataclasses.replace(problem, message=problem.message.rstrip(".") + FIX_FIRST)
                             for problem in read_problems]
            unreadable.update(dict.fromkeys(id_kinds(definition), name))
        problems.extend(read_problems)
        if document is None:
            continue
        documents[name] = document
        value, state = validate(definition, document)
        states.append(state)
        loaded[name] = value
    pages = {page.name for page in (root / "docs").glob("*.md")}
    problems.extend(check_references(states, pages, unreadable))
    site = loaded.get("content/site.yml")
    if site is not None and site.logo and not (root / "docs" / site.logo).is_file():
        line = documents["content/site.yml"].line_of(("logo",))
        problems.append(Problem("content/site.yml", line, "logo", f'no file docs/{site.logo}; expected an image there'))
    if problems or any(value is None for value in loaded.values()):
        raise ContentError(problems)
    return Content(site=site, guide=loaded["content/information-sharing.yml"],
                   training=loaded["quizzes/information-sharing.yml"], about=loaded["content/about.yml"],
                   decision_aid=loaded["content/decision-aid.yml"], sources=loaded["content/sources.yml"],
                   sign_off=loaded["content/sign-off.yml"],
                   warnings=tuple(warning for state in states for warning in state.warnings), documents=documents)
