"""Read the YAML files editors write, keeping the line number of every value.

Only reading happens here; checking what was read is the job of `schema.py`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

# A path into a document: keys and list positions, e.g. ("key_messages", "messages", 3, "id").
Path_ = tuple


@dataclass
class Problem:
    """One thing wrong with the content, told the way an editor needs to read it."""

    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.where}: {self.message}"


class ContentError(Exception):
    """Raised once, with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.where))
        count = len(self.problems)
        heading = f"The guide was not built: {count} problem{'s' if count != 1 else ''} in the content."
        super().__init__("\n".join([heading, *map(str, self.problems)]))


@dataclass
class Document:
    """A parsed YAML file: its plain data and the line of every key and item (1-based)."""

    file: str
    data: object
    lines: dict = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of the nearest enclosing value that has one."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def _build(node: yaml.Node, path: Path_, lines: dict, problems: list[Problem], file: str):
    """Turn a composed YAML node into plain data, recording each value's line."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _constructor.construct_object(key_node, deep=True)
            if key in result:
                first = lines[path + (key,)]
                problems.append(Problem(file, key_node.start_mark.line + 1, format_path(path + (key,)),
                                        f'the key "{key}" is given twice (first at line {first}); keep one'))
                continue
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, path + (key,), lines, problems, file)
            # A key's own line is more useful to an editor than the line its value starts on.
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, problems, file) for i, item in enumerate(node.value)]
    try:
        return _constructor.construct_object(node, deep=True)
    except ValueError:
        # An impossible date such as 2026-13-01 looks like a date to YAML but cannot be built;
        # keep the text so that validation can say what is wrong with it.
        return node.value


_constructor = yaml.SafeLoader("")


def format_path(path: Path_) -> str:
    """("a", 1, "b") -> "a[1].b", the way the error messages name a field."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(whole file)"


# PyYAML's C parser (libyaml, in its wheels) is many times faster than the pure-Python one, and reports the
# same lines; the pure-Python one is there for any machine where the C part is missing.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, display_name: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file. Returns the document, or None with the syntax problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(display_name, 1, "(whole file)", f"could not be read: {error}")]
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        # Where the broken thing started (an unclosed quote, a key without its colon) helps more than
        # where the parser gave up, which is often the end of the file.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        return None, [Problem(display_name, line, "(YAML syntax)",
                              f"{reason}; check the indentation and quotes on this line or the one above")]
    if node is None:
        return None, [Problem(display_name, 1, "(whole file)", "the file is empty; expected the guide's settings")]
    problems: list[Problem] = []
    lines: dict = {}
    try:
        data = _build(node, (), lines, problems, display_name)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(display_name, mark.line + 1 if mark else 1, "(YAML syntax)", str(error))]
    return Document(display_name, data, lines), problems
