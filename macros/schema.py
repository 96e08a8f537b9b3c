"""Check content against the definitions in `model.py`, and publish those definitions as JSON Schema.

Every problem is collected before anything fails, so that an editor sees the whole list at once,
each with its file, line, field and what was expected.
"""
from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import re
import typing
from dataclasses import dataclass, field
from typing import Annotated, Literal, Union, get_args, get_origin, get_type_hints

from .content import Document, Problem, format_path
from .markup import MAILTO_PATTERN, MARKDOWN_HINT, URL_PATTERN, GuideLink, check_link_field, check_markup


@dataclass(frozen=True)
class Kind:
    """What a text field holds, beyond being text."""

    name: str
    refers_to: tuple[str, ...] = ()
    mailto: bool = False  # whether links to email addresses are allowed in it (contact fields only)


# Field types used by the content definitions. Each names what an editor writes there.
Markdown = Annotated[str, Kind("markdown")]  # one or more paragraphs of Markdown
Line = Annotated[str, Kind("line")]  # one line of Markdown: a title, a label, a sentence
ContactLine = Annotated[str, Kind("line", mailto=True)]  # one line of Markdown that may link to an email address
Id = Annotated[str, Kind("id")]  # a stable anchor: lower-case letters, digits and hyphens
Url = Annotated[str, Kind("url")]  # a web address starting http:// or https://
ContactUrl = Annotated[str, Kind("contact")]  # a web address or a mailto: address
Published = Annotated[str, Kind("published")]  # YYYY-MM, or YYYY-MM-DD when the day is known
AssetPath = Annotated[str, Kind("asset")]  # a file under docs/assets/
PageAddress = Annotated[str, Kind("page address")]  # a page's address inside the site: key-messages/


def Ref(*kinds: str):
    """A field that names the id of something else in the content, of one of these kinds."""
    return Annotated[str, Kind("ref", kinds)]


def described(doc: str, **kwargs):
    """A dataclass field with the plain-English description shown to editors."""
    return field(metadata={"doc": doc}, **kwargs)


ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
PUBLISHED_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
ASSET_PATTERN = re.compile(r"^assets/[A-Za-z0-9_./-]+\.(svg|png)$")
PAGE_ADDRESS_PATTERN = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*/)+$")
# In national text, a reference may name a local value instead of an id: "[[escalation_policy]]", filled in from the
# edition's local file before anything is checked (macros/edition.py). Only the JSON Schema needs to know.
LOCAL_VALUE_PATTERN = re.compile(r"^\[\[[a-z_]+\]\]$")


@dataclass
class Checked:
    """The state of one validation run: the problems so far, and the ids and references seen."""

    document: Document
    problems: list[Problem] = field(default_factory=list)
    ids: list[tuple[str, str, tuple]] = field(default_factory=list)  # (id, kind, path)
    refs: list[tuple[str, tuple[str, ...], tuple]] = field(default_factory=list)  # (id, kinds, path)
    guide_links: list[tuple[GuideLink, tuple]] = field(default_factory=list)  # links to pages of the guide
    names: dict[tuple, str] = field(default_factory=dict)  # path of a record with an id -> 'rule "x"'
    # Worth an editor's look, but not wrong: the build goes on, and the content report lists them.
    warnings: list[Problem] = field(default_factory=list)

    def at(self, path: tuple, message: str) -> Problem:
        """A message about the value at `path`: its file, its line, and the field named with its record's id."""
        return Problem(self.document.file, self.document.line_of(path), format_path(path, self.names), message)

    def report(self, path: tuple, message: str) -> None:
        self.problems.append(self.at(path, message))

    def warn(self, path: tuple, message: str) -> None:
        self.warnings.append(self.at(path, message))


def describe_type(tp) -> str:
    """How a field's type is described to an editor, e.g. 'a list of golden rules'."""
    origin = get_origin(tp)
    if origin is Annotated:
        kind = get_args(tp)[1]
        return {
            "markdown": "Markdown text", "line": "one line of text", "id": "an id",
            "url": "a web address (https://...)", "contact": "a web address or mailto: address",
            "published": "a date written YYYY-MM or YYYY-MM-DD", "asset": "a file path under docs/assets/",
            "page address": "a page's address inside the site, such as key-messages/",
            "ref": "the id of " + " or ".join(f"a {k}" for k in kind.refers_to),
        }[kind.name]
    if origin is list:
        return f"a list of {describe_type(get_args(tp)[0])} items"
    if origin is Literal:
        return "one of " + ", ".join(f'"{v}"' for v in get_args(tp))
    if origin is Union:
        return describe_type(next(a for a in get_args(tp) if a is not type(None)))
    if dataclasses.is_dataclass(tp):
        return getattr(tp, "DESCRIBED_AS", tp.__name__)
    return {str: "text", bool: "true or false", int: "a whole number", datetime.date: "a date written YYYY-MM-DD"}[tp]


def _found(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/true/false as true or false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return f'"{value}"'


def _text_problem(kind: Kind, value: str, path: tuple, state: Checked) -> str | None:
    """What is wrong with a text value of this kind, or None."""
    if kind.name in ("markdown", "line"):
        if kind.name == "line" and "\n" in value.strip():
            return "expected one line of text but found a line break; use a single line"
        checked = check_markup(value, allow_mailto=kind.mailto, line=kind.name == "line")
        if checked.problems:
            return "; ".join(checked.problems) + f"; {MARKDOWN_HINT}"
        state.guide_links += [(link, path) for link in checked.guide_links]
        return None
    if kind.name in ("id", "ref") and not ID_PATTERN.match(value):
        return (f'"{value}" is not a valid id; expected lower-case letters, digits and single hyphens, '
                "starting with a letter (for example record-the-decision)")
    if kind.name == "url" and not URL_PATTERN.match(value):
        return f'"{value}" is not a web address; expected an address starting http:// or https://'
    if kind.name == "contact" and not (URL_PATTERN.match(value) or MAILTO_PATTERN.match(value)):
        return f'"{value}" is not a web or email address; expected https://... or mailto:name@example.org'
    if kind.name in ("url", "contact"):
        return check_link_field(value, allow_mailto=kind.name == "contact")
    if kind.name == "published" and not PUBLISHED_PATTERN.match(value):
        return f'"{value}" is not a date; expected YYYY-MM (for example 2024-05) or YYYY-MM-DD'
    if kind.name == "asset" and not ASSET_PATTERN.match(value):
        return f'"{value}" is not an image under docs/assets/; expected for example assets/logo.svg'
    if kind.name == "page address" and not PAGE_ADDRESS_PATTERN.match(value):
        return (f'"{value}" is not a page address; expected the part after the guide\'s own address, in '
                "lower case and ending with /, for example old-page/")
    return None


def _check(tp, value, path: tuple, state: Checked):
    """Check one value against its declared type; return the typed value, or None after reporting."""
    origin = get_origin(tp)
    if origin is Union:
        inner = next(a for a in get_args(tp) if a is not type(None))
        return None if value is None else _check(inner, value, path, state)
    if origin is Annotated:
        base, kind = get_args(tp)
        if kind.name == "published" and isinstance(value, datetime.date):
            value = value.isoformat()  # YAML reads 2024-05-01 as a date; keep it as written.
        if not isinstance(value, str):
            state.report(path, f"expected {describe_type(tp)} but found {_found(value)}")
            return None
        if not value.strip():
            state.report(path, f"is empty; expected {describe_type(tp)}")
            return None
        problem = _text_problem(kind, value, path, state)
        if problem:
            state.report(path, problem)
            return None
        if kind.name == "ref":
            state.refs.append((value, kind.refers_to, path))
        return value.strip() if kind.name != "markdown" else value.strip("\n")
    if origin is list:
        if not isinstance(value, list):
            state.report(path, f"expected {describe_type(tp)} but found {_found(value)}")
            return None
        item_type = get_args(tp)[0]
        if not value:
            state.report(path, f"is an empty list; expected at least one item (each: {describe_type(get_args(tp)[0])})"
                               "; leave the field out if it is optional")
            return None
        items = [_check(item_type, item, path + (i,), state) for i, item in enumerate(value)]
        return None if any(item is None for item in items) else tuple(items)
    if origin is Literal:
        allowed = get_args(tp)
        if value not in allowed:
            state.report(path, f"{_found(value)} is not allowed; expected {describe_type(tp)}")
            return None
        return value
    if dataclasses.is_dataclass(tp):
        return _check_record(tp, value, path, state)
    if tp is bool or tp is int:
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            state.report(path, f"expected {describe_type(tp)} but found {_found(value)}")
            return None
        return value
    if tp is datetime.date:
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            state.report(path, f"{_found(value)} is not a date; expected a date written YYYY-MM-DD, "
                               "for example 2026-11-24")
            return None
        return value
    if tp is str:
        if not isinstance(value, str) or not value.strip():
            state.report(path, f"expected text but found {_found(value)}")
            return None
        return value.strip()
    raise TypeError(f"no check written for {tp!r}")  # a programming error in model.py


@functools.cache  # resolving type hints is slow, and each definition is checked many times per build
def record_fields(cls) -> list[tuple[dataclasses.Field, object]]:
    """The fields of a content definition with their resolved types."""
    hints = get_type_hints(cls, include_extras=True)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls) if f.init]


def is_required(f: dataclasses.Field) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _check_record(cls, value, path: tuple, state: Checked):
    if not isinstance(value, dict):
        state.report(path, f"expected {describe_type(cls)} (a group of fields) but found {_found(value)}")
        return None
    declared = record_fields(cls)
    names = [f.name for f, _ in declared]
    kind = getattr(cls, "ID_KIND", None)
    if kind and path and isinstance(value.get("id"), str):
        state.names[path] = f'{kind} "{value["id"]}"'  # messages name the record by its id as well as its path
    misspelt = set()  # fields named by a "did you mean" hint: not reported missing as well
    for key in value:
        if key not in names:
            close = difflib.get_close_matches(str(key), [n for n in names if n not in value], n=1)
            hint = f'; did you mean "{close[0]}"?' if close else ""
            misspelt.update(close)
            state.report(path + (key,), f'unknown field "{key}"{hint} Allowed fields: {", ".join(names)}')
    arguments, complete = {}, True
    for f, tp in declared:
        if f.name not in value:
            if is_required(f):
                if f.name not in misspelt:
                    state.report(path, f'missing required field "{f.name}": expected {describe_type(tp)}')
                complete = False
            continue
        raw = value[f.name]
        if raw is None and not is_required(f):
            continue  # an optional field left empty counts as not given
        checked = _check(tp, raw, path + (f.name,), state)
        if checked is None:
            complete = False
        else:
            arguments[f.name] = checked
    if kind and "id" in arguments:
        # Known even when another field is wrong, so that references to it are not reported as well.
        state.ids.append((arguments["id"], kind, path + ("id",)))
    if not complete:
        return None
    record = cls(**arguments)
    for relative, message in getattr(record, "problems", lambda: [])():
        state.report(path + tuple(relative), message)
    for relative, message in getattr(record, "warnings", lambda: [])():
        state.warn(path + tuple(relative), message)
    return record


def id_kinds(tp) -> set[str]:
    """Every kind of record with an id that content of this type can hold (what others may refer to)."""
    origin = get_origin(tp)
    if origin in (Union, list):
        return set().union(*(id_kinds(arg) for arg in get_args(tp)))
    if not dataclasses.is_dataclass(tp):
        return set()
    kinds = {tp.ID_KIND} if getattr(tp, "ID_KIND", None) else set()
    return kinds.union(*(id_kinds(ftp) for _, ftp in record_fields(tp)))


def check_references(states: list[Checked], pages: set[str] | None = None,
                     unreadable: dict[str, str] | None = None) -> list[Problem]:
    """Ids are unique across all content (they are page anchors); every reference names one that exists.

    `pages` are the files in docs/ that links in the text may name. `unreadable` maps each kind of record
    whose file could not be read to that file: a reference to such a kind cannot be judged until the file
    is fixed, so it is not reported (the file's own problem says to fix it first).
    """
    problems, first_seen = [], {}
    unreadable = unreadable or {}
    for state in states:
        for ident, kind, path in state.ids:
            if ident in first_seen:
                other_state, other_path, _ = first_seen[ident]
                where = (f"line {other_state.document.line_of(other_path)}" if other_state is state
                         else f"{other_state.document.file}:{other_state.document.line_of(other_path)}")
                state.report(path, f'duplicate id "{ident}" (first used at {where}); every id must be unique')
            else:
                first_seen[ident] = (state, path, kind)
    for state in states:
        for ident, kinds, path in state.refs:
            target = first_seen.get(ident)
            if target is None and any(kind in unreadable for kind in kinds):
                continue
            if target is None:
                close = difflib.get_close_matches(ident, [i for i, v in first_seen.items() if v[2] in kinds], n=3)
                hint = f" Did you mean: {', '.join(close)}?" if close else ""
                state.report(path, f'no {" or ".join(kinds)} has the id "{ident}".{hint}')
            elif target[2] not in kinds:
                state.report(path, f'"{ident}" is a {target[2]}; expected the id of a {" or ".join(kinds)}')
        for link, path in state.guide_links:
            if pages is not None and link.page and link.page not in pages:
                close = difflib.get_close_matches(link.page, sorted(pages), n=1)
                hint = f" Did you mean {close[0]}?" if close else ""
                state.report(path, f'links to the page "{link.page}", which is not a page of the guide '
                                   f"(a file in docs/).{hint}")
            elif link.anchor and link.anchor not in first_seen and not unreadable:
                close = difflib.get_close_matches(link.anchor, list(first_seen), n=1)
                hint = f" Did you mean {close[0]}?" if close else ""
                state.report(path, f'links to "#{link.anchor}", but nothing in the content has that id.{hint}')
    for state in states:
        problems.extend(state.problems)
    return problems


def validate(cls, document: Document) -> tuple[object | None, Checked]:
    """Check a whole document against a top-level definition (references are checked afterwards)."""
    state = Checked(document)
    return _check(cls, document.data, (), state), state


# ---- JSON Schema, generated from the same definitions so that the two cannot drift apart ----

def _schema_for(tp, defs: dict) -> dict:
    origin = get_origin(tp)
    if origin is Union:
        return _schema_for(next(a for a in get_args(tp) if a is not type(None)), defs)
    if origin is Annotated:
        kind = get_args(tp)[1]
        schema = {"type": "string", "minLength": 1}
        pattern = {"id": ID_PATTERN, "ref": ID_PATTERN, "url": URL_PATTERN, "published": PUBLISHED_PATTERN,
                   "asset": ASSET_PATTERN, "page address": PAGE_ADDRESS_PATTERN}.get(kind.name)
        if pattern is not None:
            schema["pattern"] = pattern.pattern
        if kind.name == "contact":
            schema["anyOf"] = [{"pattern": URL_PATTERN.pattern}, {"pattern": MAILTO_PATTERN.pattern}]
        if kind.name in ("markdown", "line"):
            schema["description"] = ("Markdown text: paragraphs, bold, italics, lists, links and line breaks; "
                                     "any other HTML is refused.")
        if kind.name == "ref":
            schema["pattern"] = f"{ID_PATTERN.pattern}|{LOCAL_VALUE_PATTERN.pattern}"
            schema["description"] = ("The id of " + " or ".join(f"a {k}" for k in kind.refers_to) +
                                     ", or the name of one in the local file: [[name]].")
        return schema
    if origin is list:
        return {"type": "array", "minItems": 1, "items": _schema_for(get_args(tp)[0], defs)}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder first, so that recursive definitions terminate
            properties, required = {}, []
            for f, ftp in record_fields(tp):
                prop = dict(_schema_for(ftp, defs))
                description = f.metadata.get("doc", prop.get("description", ""))
                if is_required(f):
                    required.append(f.name)
                else:
                    prop = {"anyOf": [prop, {"type": "null"}]}  # an optional field may be left empty
                properties[f.name] = {**prop, "description": description}
            defs[name] = {"type": "object", "description": (tp.__doc__ or "").strip(),
                          "properties": properties, "required": required, "additionalProperties": False}
        return {"$ref": f"#/$defs/{name}"}
    if tp is datetime.date:
        return {"type": "string", "format": "date"}
    return {"type": {str: "string", bool: "boolean", int: "integer"}[tp]}


def json_schema(cls, title: str) -> dict:
    """A JSON Schema (draft 2020-12) for one kind of content file, for editors' YAML tooling."""
    defs: dict = {}
    root = _schema_for(cls, defs)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **root, "$defs": defs}
