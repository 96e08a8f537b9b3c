"""Which partnership's edition is built, and how national text is kept apart from it.

National text (content/*.yml, quizzes/*.yml) is true everywhere in England: it names no partnership and no place.
Everything local is in one file per edition, content/local/<edition>.yml. National text refers to a local value by
its field name in double square brackets, such as [[short_name]] or [[escalation_policy]]; before the national text
is checked, each is replaced by the value in the edition's local file.
"""
from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Annotated, get_origin

from .content import ContentError, Document, Problem
from .model import LocalEdition
from .schema import is_required, record_fields

LOCAL_FOLDER = "content/local"
# Set by `make build EDITION=name` (any make command takes EDITION): the edition whose local file is used.
EDITION_VARIABLE = "GUIDE_EDITION"
# Where the edition's link preview picture is published in the site. `make preview` draws it beside the local file.
PREVIEW_ADDRESS = "assets/images/preview.png"
# A reference to a local value in national text: [[short_name]].
PLACEHOLDER = re.compile(r"\[\[\s*([^\[\]]*?)\s*\]\]")
# What is said of a [[name]] no local file can have.
UNKNOWN_VALUE = "names no local value"
# What names a partnership in any edition, even one whose names this edition does not know: "Exampleshire
# Safeguarding Children Partnership", "the Exampleshire Safeguarding Adults Board", and the usual short forms.
ANY_PARTNERSHIP = re.compile(r"\b(?!The\b)[A-Z][A-Za-z'-]+ Safeguarding (Children|Adults) (Partnership|Board)\b"
                             r"|\b(LSCP|SSCP|LSAB|SSAB)\b")


def local_values_named() -> tuple[str, ...]:
    """The fields of a local file national text may name with [[...]]: those holding one required text value."""
    return tuple(f.name for f, tp in record_fields(LocalEdition) if is_required(f) and get_origin(tp) is Annotated)


def local_file(root: Path) -> str:
    """The local file of the edition to build: content/local/<name>.yml for the name in GUIDE_EDITION, or else the
    only local file there is. A name that has no file is reported by load_content, as a file it cannot read."""
    chosen = os.environ.get(EDITION_VARIABLE, "").strip()
    if chosen:
        return f"{LOCAL_FOLDER}/{chosen}.yml"
    found = editions(root)
    return f"{LOCAL_FOLDER}/{found[0]}.yml" if len(found) == 1 else ""


def editions(root: Path) -> list[str]:
    """The name of every edition with a local file."""
    return sorted(path.stem for path in (root / LOCAL_FOLDER).glob("*.yml"))


def no_edition_problem(root: Path, name: str) -> Problem:
    """Why no local file can be used: none chosen among several, or the one chosen does not exist."""
    found = editions(root)
    listed = ", ".join(found) or "none yet"
    if not name:
        return Problem(f"{LOCAL_FOLDER}/", 1, "(edition)", f"{len(found) or 'no'} local files ({listed}); choose "
                       "the edition to build with EDITION, for example make build EDITION=name")
    return Problem(name, 1, "(edition)", f"no such local file; the editions are: {listed}. Choose one with "
                   "EDITION=name, or copy a local file there (README: Your own edition)")


def preview_file(local_name: str) -> str:
    """The edition's link preview picture, beside its local file: content/local/<edition>-preview.png."""
    return local_name.removesuffix(".yml") + "-preview.png"


def preview_picture(root: Path) -> Path:
    """The edition's link preview picture; ContentError when `make preview` has not drawn it yet."""
    name = preview_file(local_file(root))
    if not (root / name).is_file():
        raise ContentError([Problem(name, 1, "(edition)", "no link preview picture for this edition yet: run make "
                                                          "preview, which draws it from the local file")])
    return root / name


def local_values(document: Document | None) -> dict[str, str]:
    """Each local value national text may name, as the local file gives it (checked with the local file)."""
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    return {name: data[name].strip() for name in local_values_named()
            if isinstance(data.get(name), str) and data[name].strip()}


def local_names(document: Document | None) -> list[str]:
    """The partnership's names, its area and its other local names, as the local file gives them: national text
    must never contain them."""
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    others = data.get("local_names")
    names = [data.get("partnership_name"), data.get("short_name"), data.get("area"),
             *(others if isinstance(others, list) else ())]
    return [name.strip() for name in names if isinstance(name, str) and name.strip()]


def texts(data, path: tuple = ()):
    """Every text in a document's data, with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from texts(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts(value, path + (index,))
    elif isinstance(data, str):
        yield path, data


def local_names_in(document: Document, names: list[str]) -> list[tuple[tuple, str]]:
    """(path, message) for each national text that names a partnership or a local place."""
    words = [re.compile(rf"(?<!\w){re.escape(name)}(?!\w)") for name in names]
    found = []
    for path, text in texts(document.data):
        named = [match.group(0) for match in (pattern.search(text) for pattern in (*words, ANY_PARTNERSHIP)) if match]
        if named:
            found.append((path, f'names "{named[0]}", a partnership or a place: national text is the same in '
                                "every edition. Write [[short_name]], [[partnership_name]] or [[area]] instead, or "
                                "move it to the edition's local file"))
    return found


def fill_placeholders(document: Document, values: dict[str, str]) -> tuple[Document, list[tuple[tuple, str]], dict]:
    """The document with every [[name]] replaced by its local value; (path, message) for each name a local file
    cannot have; and, for each name used, the lines it is used on."""
    known = local_values_named()
    unknown, used = [], {}

    def fill(data, path):
        if isinstance(data, dict):
            return {key: fill(value, path + (key,)) for key, value in data.items()}
        if isinstance(data, list):
            return [fill(value, path + (index,)) for index, value in enumerate(data)]
        if not isinstance(data, str) or "[[" not in data:
            return data
        line = document.line_of(path)
        for name in PLACEHOLDER.findall(data):
            used.setdefault(name, set()).add(line)
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1)
                hint = f' Did you mean [[{close[0]}]]?' if close else ""
                names = ", ".join(f"[[{value}]]" for value in known)
                unknown.append((path, f'"[[{name}]]" {UNKNOWN_VALUE}; expected one of {names} (fields of the local '
                                      f"file).{hint}"))
        return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), data)

    return Document(document.file, fill(document.data, ()), document.lines), unknown, used
