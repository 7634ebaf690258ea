"""``project.json``: the project's name and label schema (format spec section 2).

A folder without ``project.json`` is a project with the three default labels.
Unknown keys, in the file and in each label, are kept when it is written back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, MissingPathError, Problem
from annotator.core.project import DEFAULT_LABELS, PALETTE, PROJECT_FILE, Label, Project, is_color
from annotator.io.atomic import atomic_write
from annotator.io.jsonfile import dump_json_bytes, parse_json_bytes
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
        return Project(root, root.resolve().name)
    raw = parse_json_bytes(path.read_bytes(), str(path))
    problems = project_problems(raw, str(path))
    if problems:
        raise AnnotatorError(*problems)
    labels = tuple(
        Label(item["name"], item.get("color") or PALETTE[i % len(PALETTE)], item.get("key"),
              {k: v for k, v in item.items() if k not in ("name", "color", "key")})
        for i, item in enumerate(raw["labels"])
    )
    extra = {k: v for k, v in raw.items() if k not in ("format", "version", "name", "labels")}
    return Project(root, raw.get("name") or root.resolve().name, labels, extra)


def project_problems(raw: Any, source: str) -> list[Problem]:
    """Everything wrong with a parsed ``project.json``."""
    def bad(message: str, field: str | None = None) -> Problem:
        return Problem("bad-project", message, file=source, field=field)

    if not isinstance(raw, dict):
        return [bad("project.json must hold a JSON object")]
    problems = []
    if raw.get("format") != FORMAT:
        problems.append(Problem("bad-format", f"'format' must be {FORMAT!r}", file=source,
                                field="format"))
    if raw.get("version") != VERSION:
        problems.append(Problem("bad-format", f"'version' {raw.get('version')!r} is not supported"
                                f" (this version reads {VERSION})", file=source, field="version"))
    if "name" in raw and not isinstance(raw["name"], str):
        problems.append(bad("'name' must be a string", "name"))
    labels = raw.get("labels")
    if not isinstance(labels, list) or not labels:
        problems.append(bad("'labels' must be a non-empty list", "labels"))
        return problems
    names: set[str] = set()
    keys: set[str] = set()
    for i, item in enumerate(labels):
        where = f"labels[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
            problems.append(bad("each label needs a non-empty 'name'", where))
            continue
        name = item["name"]
        if name in names:
            problems.append(bad(f"label {name!r} is declared twice", where))
        names.add(name)
        color = item.get("color")
        if color is not None and (not isinstance(color, str) or not is_color(color)):
            problems.append(bad(f"label {name!r}: color must look like '#1f77b4'", where))
        key = item.get("key")
        if key is not None:
            if not isinstance(key, str) or len(key) != 1:
                problems.append(bad(f"label {name!r}: key must be one character", where))
            elif key in keys:
                problems.append(bad(f"label {name!r}: key {key!r} is used twice", where))
            else:
                keys.add(key)
    return problems


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
    return Project(root, name or root.resolve().name, DEFAULT_LABELS)
