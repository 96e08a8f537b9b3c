"""Read the YAML files editors write, keeping the line number of every value.

Only reading happens here; checking what was read is the job of `schema.py`.
"""
from __future__ import annotations

import re
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
    column: int | None = None  # given for YAML syntax errors, where the parser says exactly where it stopped

    def __str__(self) -> str:
        position = f"{self.line}:{self.column}" if self.column else str(self.line)
        return f"{self.file}:{position}: {self.where}: {self.message}"


class ContentError(Exception):
    """Raised once, with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column or 0, p.where))
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


def format_path(path: Path_, names: dict | None = None) -> str:
    """("a", 1, "b") -> "a[1].b", the way the error messages name a field.

    `names` gives records by their id: {("questions", 0): 'quiz question "consent-myth"'} makes
    'questions[0] (quiz question "consent-myth").options[2].correct'.
    """
    text = ""
    for length, part in enumerate(path, 1):
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
        if names and isinstance(part, int) and path[:length] in names:  # items of a list: questions, rules
            text += f" ({names[path[:length]]})"
    return text or "(whole file)"


# PyYAML's C parser (libyaml, in its wheels) is many times faster than the pure-Python one, and reports the
# same lines; the pure-Python one is there for any machine where the C part is missing.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# What PyYAML's own descriptions of a syntax error mean, in the words an editor uses. The first that the
# parser's description contains is used; the parser's own words follow in brackets.
SYNTAX_IN_PLAIN_WORDS = [
    ("found unexpected end of stream", "the file ends inside quoted text"),
    ("tab character", "a tab is used to indent; YAML indents with spaces only"),
    ("cannot start any token", "this character cannot start a value here; a tab? YAML indents with spaces only"),
    ("could not find expected ':'", "a field name without its colon, or text on a line of its own"),
    ("mapping values are not allowed", "a colon where none can be: put text that contains \": \" in quotes, "
                                       "or line this field up with the fields around it"),
    ("did not find expected key", "expected the next field (a name, a colon, then the value) but found more text; "
                                  "check the indentation, and that every quote is closed"),
    ("expected <block end>", "expected the next field (a name, a colon, then the value) but found more text; "
                             "check the indentation, and that every quote is closed"),
    ("did not find expected '-' indicator", "expected the next list item, starting with -, at this indentation"),
    ("did not find expected ',' or ']'", "a list written in [brackets] is not closed with ]"),
    ("did not find expected ',' or '}'", "a group written in {braces} is not closed with }"),
    ("unknown escape character", "a backslash inside \"double quotes\" starts an escape YAML does not know; "
                                 "write \\\\ for a backslash, or use single quotes"),
    ("found undefined alias", "a * starts an alias that is not defined; put text starting with * in quotes"),
]


def _plain_words(problem: str) -> str:
    for phrase, meaning in SYNTAX_IN_PLAIN_WORDS:
        if phrase in problem:
            return f"{meaning} (the YAML parser: {problem})"
    return f"the YAML parser says: {problem}"


def _quoted_text_before(text: str, stop: int) -> yaml.ScalarToken | None:
    """The quoted text that ends just before position `stop`, if it runs over several lines.

    A quote left open swallows the lines after it, up to the next quote in the file; the parser then
    fails just after that, far from the mistake. Seeing such quoted text right before the failure points
    the editor back to where it was opened.
    """
    last = None
    try:
        for token in yaml.scan(text, Loader=YAML_LOADER):
            if token.end_mark.index > stop:
                break
            last = token
    except yaml.YAMLError:
        pass  # the scanner fails here or further on; the tokens before are all we need
    if (isinstance(last, yaml.ScalarToken) and last.style in ('"', "'")
            and last.start_mark.line < last.end_mark.line):
        return last
    return None


def syntax_problem(text: str, error: yaml.YAMLError, display_name: str) -> Problem:
    """One problem for a file the YAML parser cannot read: where it stopped, why, and where to look."""
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    context = getattr(error, "context", None) or ""
    problem = getattr(error, "problem", None) or str(error)
    if problem_mark is None:
        return Problem(display_name, 1, "(YAML syntax)", _plain_words(problem))
    line, column = problem_mark.line + 1, problem_mark.column + 1
    message = _plain_words(problem)
    past_the_end = problem_mark.index >= len(text.rstrip())
    if context_mark is not None and "quoted scalar" in context and past_the_end:
        quote = text[context_mark.index]
        # The file ended inside the quote: the line where the parser stopped is no help.
        line, column = context_mark.line + 1, context_mark.column + 1
        message = f"the quote {quote} opened here is never closed, so the file ends inside it; add the closing {quote}"
    elif context_mark is not None and "simple key" in context and (past_the_end or problem_mark.column == 0):
        # The parser only notices a missing colon where the next line starts; the line at fault is the key's.
        line, column = context_mark.line + 1, context_mark.column + 1
    else:
        quoted = _quoted_text_before(text, problem_mark.index)
        if quoted is not None:
            opened = quoted.start_mark
            message += (f". The quote {quoted.style} opened on line {opened.line + 1} (column {opened.column + 1}) "
                        f"is only closed on line {line}, just before here: its closing quote is probably missing "
                        f"on line {opened.line + 1}")
    return Problem(display_name, line, "(YAML syntax)", message, column)


# A line inside quoted text that reads like a field of its own ("  name: ..." or "- id: ...").
FIELD_LINE = re.compile(r"\n[ \t]*(- )?[A-Za-z_]+:( |\n|$)")


def swallowing_quote(node: yaml.Node, text: str) -> yaml.Node | None:
    """Quoted text that runs over several lines and contains what look like fields of their own.

    A quote left open is closed by the next quote in the file, perhaps many lines on; the file may still
    read as valid YAML, with the fields in between swallowed into one value. One problem at the open
    quote then tells the editor more than a missing-field error for every field it swallowed.
    """
    if isinstance(node, yaml.ScalarNode):
        spans_lines = node.start_mark.line < node.end_mark.line
        return node if node.style in ('"', "'") and spans_lines and FIELD_LINE.search(
            text[node.start_mark.index:node.end_mark.index]) else None
    children = node.value if isinstance(node, yaml.SequenceNode) else (
        [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else [])
    return next((found for child in children if (found := swallowing_quote(child, text)) is not None), None)


def read_yaml(path: Path, display_name: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file. Returns the document, or None with the syntax problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(display_name, 1, "(whole file)", f"could not be read: {error}")]
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        return None, [syntax_problem(text, error, display_name)]
    if node is None:
        return None, [Problem(display_name, 1, "(whole file)", "the file is empty; expected the guide's settings")]
    swallowing = swallowing_quote(node, text)
    if swallowing is not None:
        opened, closed = swallowing.start_mark, swallowing.end_mark
        quote = swallowing.style
        return None, [Problem(display_name, opened.line + 1, "(YAML syntax)",
                              f"the quote {quote} opened here is only closed on line {closed.line + 1}, so every "
                              f"field in between is read as part of this text: its closing {quote} is probably "
                              "missing on this line", opened.column + 1)]
    problems: list[Problem] = []
    lines: dict = {}
    try:
        data = _build(node, (), lines, problems, display_name)
    except yaml.YAMLError as error:
        return None, [syntax_problem(text, error, display_name)]
    return Document(display_name, data, lines), problems
