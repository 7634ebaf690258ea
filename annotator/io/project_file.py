"""``project.json``: the project's name and label schema (format spec section 2).

A folder without ``project.json`` is a project with the three default labels.
Unknown keys, in the file and in each label, are kept when it is written back.
``project.json`` is read only if it is a regular file inside the project, and
checked by :func:`project_problems` (names, keys, colours, relation types).
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Any

from annotator.core.errors import AnnotatorError, MissingPathError, Problem
from annotator.core.project import (
    DEFAULT_LABELS,
    DEFAULT_RELATION_TYPES,
    PALETTE,
    PROJECT_FILE,
    Label,
    Project,
    is_color,
    key_problem,
    label_name_problem,
    name_problem,
)
from annotator.core.safe_files import read_regular_file
from annotator.io.atomic import atomic_write
from annotator.io.jsonfile import MAX_DEPTH, deeper_than, dump_json_bytes, parse_json_bytes
from annotator.io.transaction import recover

FORMAT = "annotator/project"
VERSION = 1


def open_project(root: str | Path) -> Project:
    """Open a project folder; raises :class:`AnnotatorError` with every problem found."""
    root = Path(root)
    if not root.is_dir():
        raise MissingPathError(Problem("bad-project", "no such project folder", file=str(root)))
    looks_like_project = (root / PROJECT_FILE).exists() or (root / "documents").is_dir()
    # an import that a killed process left half done is finished or undone first
    notices = tuple(recover(root)) if looks_like_project else ()
    project = _read_project(root)
    project.notices = notices
    return project


def _read_project(root: Path) -> Project:
    path = root / PROJECT_FILE
    if not path.exists() and not (root / "documents").is_dir():
        raise MissingPathError(Problem("bad-project", "not a project folder: it has neither "
                                       "project.json nor documents/ (see 'annotator init')",
                                       file=str(root)))
    if not path.exists():
        return Project(root, folder_name(root), DEFAULT_LABELS, _default_extra())
    try:
        data = read_regular_file(path, root)
    except OSError as exc:
        raise AnnotatorError(Problem("bad-project", f"cannot read: {exc.strerror or exc}",
                                     file=str(path))) from None
    raw = parse_json_bytes(data, str(path))
    problems = project_problems(raw, str(path))
    if problems:
        raise AnnotatorError(*problems)
    labels = tuple(
        Label(item["name"], item.get("color") or PALETTE[i % len(PALETTE)], item.get("key"),
              {k: v for k, v in item.items() if k not in ("name", "color", "key")})
        for i, item in enumerate(raw["labels"])
    )
    extra = {k: v for k, v in raw.items() if k not in ("format", "version", "name", "labels")}
    return Project(root, raw.get("name") or folder_name(root), labels, extra)


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    return "a list" if isinstance(value, list) else "an object"


def project_problems(raw: Any, source: str) -> list[Problem]:
    """Everything wrong with a parsed ``project.json`` (format spec section 2).

    ``version`` is the integer 1. Names of labels, attributes and relation
    types follow :func:`~annotator.core.project.label_name_problem` and are
    unique among labels, within a label's attributes and among relation types;
    keys follow :func:`~annotator.core.project.key_problem` and are unique
    across labels and relation types; colours look like ``#1f77b4``. The
    optional ``relations``, ``guidelines``, ``assignments`` and ``adjudicator``
    keys are checked when present.
    """
    def bad(message: str, field: str | None = None) -> Problem:
        return Problem("bad-project", message, file=source, field=field)

    if not isinstance(raw, dict):
        return [bad("project.json must hold a JSON object")]
    if deeper_than(raw, MAX_DEPTH):
        return [Problem("too-deep", f"project.json is nested more than {MAX_DEPTH} levels deep",
                        file=source)]
    problems = []
    if raw.get("format") != FORMAT:
        problems.append(Problem("bad-format", f"'format' must be {FORMAT!r}", file=source,
                                field="format"))
    version = raw.get("version")
    if type(version) is not int or version != VERSION:  # not true, not 1.0
        problems.append(Problem("bad-format", f"'version' {_describe(version)} is not supported"
                                f" (this version reads the integer {VERSION})", file=source,
                                field="version"))
    if "name" in raw and not isinstance(raw["name"], str):
        problems.append(bad("'name' must be a string", "name"))
    keys: dict[str, str] = {}  # key -> who has it, across labels and relation types

    def check_key(item: dict[str, Any], owner: str, where: str) -> None:
        key = item.get("key")
        if key is None:
            return
        problem = key_problem(key) if isinstance(key, str) else "key must be a string"
        if problem:
            problems.append(bad(f"{owner}: {problem}", where))
        elif key in keys:
            problems.append(bad(f"{owner}: key {key!r} is already the key of {keys[key]}", where))
        else:
            keys[key] = owner

    def check_color(item: dict[str, Any], owner: str, where: str) -> None:
        color = item.get("color")
        if color is not None and (not isinstance(color, str) or not is_color(color)):
            problems.append(bad(f"{owner}: color must look like '#1f77b4'", where))

    labels = raw.get("labels")
    if not isinstance(labels, list) or not labels:
        problems.append(bad("'labels' must be a non-empty list", "labels"))
        return problems
    names: set[str] = set()
    for i, item in enumerate(labels):
        where = f"labels[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
            problems.append(bad("each label needs a non-empty 'name'", where))
            continue
        name = item["name"]
        problem = label_name_problem(name, "label")
        if problem:
            problems.append(bad(problem, where))
        elif name in names:
            problems.append(bad(f"label {name!r} is declared twice", where))
        names.add(name)
        check_color(item, f"label {_describe(name)}", where)
        check_key(item, f"label {_describe(name)}", where)
        if "attributes" in item:
            problems += _attribute_problems(item["attributes"], name, f"{where}.attributes", bad)
    if "relations" in raw:
        relations = raw["relations"]
        if not isinstance(relations, list):
            problems.append(bad("'relations' must be a list of relation types", "relations"))
            relations = []
        types: set[str] = set()
        for i, item in enumerate(relations):
            where = f"relations[{i}]"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                problems.append(bad("each relation type needs a 'name'", where))
                continue
            name = item["name"]
            problem = label_name_problem(name, "relation type")
            if problem:
                problems.append(bad(problem, where))
            elif name in types:
                problems.append(bad(f"relation type {name!r} is declared twice", where))
            types.add(name)
            owner = f"relation type {_describe(name)}"
            check_color(item, owner, where)
            check_key(item, owner, where)
            for end in ("from", "to"):
                ends = item.get(end)
                if not (isinstance(ends, list) and ends and all(isinstance(e, str) for e in ends)):
                    problems.append(bad(f"{owner}: '{end}' must be a non-empty list of labels",
                                        f"{where}.{end}"))
                    continue
                unknown = [e for e in ends if e not in names]
                if unknown:
                    problems.append(bad(f"{owner}: '{end}' names labels the project does not "
                                        f"have: {', '.join(map(_describe, unknown))}",
                                        f"{where}.{end}"))
    problems += _people_problems(raw, bad)
    return problems


def _attribute_problems(attributes: Any, label: str, where: str, bad: Any) -> list[Problem]:
    if not isinstance(attributes, list):
        return [bad(f"label {_describe(label)}: 'attributes' must be a list", where)]
    problems: list[Problem] = []
    names: set[str] = set()
    for i, attribute in enumerate(attributes):
        at = f"{where}[{i}]"
        if not isinstance(attribute, dict) or not isinstance(attribute.get("name"), str):
            problems.append(bad(f"label {_describe(label)}: each attribute needs a 'name'", at))
            continue
        name = attribute["name"]
        problem = label_name_problem(name, "attribute")
        if problem:
            problems.append(bad(f"label {_describe(label)}: {problem}", at))
        elif name in names:
            problems.append(bad(f"label {_describe(label)}: attribute {name!r} is declared "
                                "twice", at))
        names.add(name)
        values = attribute.get("values")
        if values is not None and not (isinstance(values, list) and all(
                isinstance(v, str) and v for v in values)):
            problems.append(bad(f"label {_describe(label)}: attribute {_describe(name)}: "
                                "'values' must be a list of non-empty strings", f"{at}.values"))
    return problems


def _people_problems(raw: dict[str, Any], bad: Any) -> list[Problem]:
    """``guidelines`` (a file in the project), ``assignments`` and ``adjudicator``."""
    problems: list[Problem] = []
    guidelines = raw.get("guidelines")
    if guidelines is not None:
        parts = PurePosixPath(guidelines).parts if isinstance(guidelines, str) else ()
        if (not isinstance(guidelines, str) or not guidelines or "\\" in guidelines
                or guidelines.startswith("/") or ":" in guidelines or ".." in parts):
            problems.append(bad("'guidelines' must name a file inside the project folder "
                                "(a relative path with '/', no '..')", "guidelines"))
    assignments = raw.get("assignments")
    if assignments is not None:
        if not isinstance(assignments, dict):
            problems.append(bad("'assignments' must map annotator names to lists of document "
                                "ids", "assignments"))
        else:
            for person, doc_ids in assignments.items():
                problem = name_problem(person, "annotator name")
                if problem:
                    problems.append(bad(f"'assignments': {problem}", "assignments"))
                if not isinstance(doc_ids, list) or not all(isinstance(d, str) for d in doc_ids):
                    problems.append(bad(f"'assignments': {_describe(person)} must map to a list "
                                        "of document ids", "assignments"))
                    continue
                for doc_id in doc_ids:
                    problem = name_problem(doc_id, "document id")
                    if problem:
                        problems.append(bad(f"'assignments': {problem}", "assignments"))
    adjudicator = raw.get("adjudicator")
    if adjudicator is not None:
        problem = (name_problem(adjudicator, "adjudicator") if isinstance(adjudicator, str)
                   else "'adjudicator' must be an annotator name")
        if problem:
            problems.append(bad(problem, "adjudicator"))
    return problems


def folder_name(root: Path) -> str:
    """The folder's name, as the name of a project without one (valid Unicode, always)."""
    name = Path(os.path.realpath(root)).name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def project_to_json(project: Project) -> dict[str, Any]:
    labels = []
    for label in project.labels:
        entry: dict[str, Any] = {"name": label.name, "color": label.color}
        if label.key is not None:
            entry["key"] = label.key
        entry.update(sorted(label.extra.items()))
        labels.append(entry)
    return {"format": FORMAT, "version": VERSION, "name": project.name, "labels": labels,
            **dict(sorted(project.extra.items()))}


def project_bytes(project: Project) -> bytes:
    """``project.json``'s bytes for ``project`` (deterministic)."""
    return dump_json_bytes(project_to_json(project))


def write_project(project: Project, expected: str | None = None) -> None:
    atomic_write(project.project_file, project_bytes(project), expected)


def default_project(root: Path, name: str | None = None) -> Project:
    """A new project: the default labels and, written explicitly, the default relation types."""
    return Project(root, name or folder_name(root), DEFAULT_LABELS, _default_extra())


def _default_extra() -> dict[str, Any]:
    return {"relations": [dict(item) for item in DEFAULT_RELATION_TYPES]}
