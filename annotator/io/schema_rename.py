"""Schema changes written to a project: ``project.json`` and every file a rename touches, at once.

:func:`plan_schema_changes` reads the project as it is on disk, makes the
changes (:mod:`annotator.core.schema_edit`; a change breaking a rule raises
:class:`~annotator.core.schema_edit.SchemaError`), checks the resulting
``project.json`` as any reader would, and, when a change renames something,
reads every annotation, gold and suggestion file (and the versions a sync
conflict kept beside them) and rewrites those that use an old name. Nothing
is written by planning. Every change is checked against what the files use
(:func:`project_usage`): one after which a relation or a span attribute in
some file no longer fits is refused (``in-use``), naming the files.

:func:`commit_schema_plan` writes the plan in one
:class:`~annotator.io.transaction.Transaction`: under the locks of every
folder written to, each file must still be the one that was read, else
nothing is written (``conflict``, naming the file); a crash leaves the project
as before or as after, never half renamed. A file that cannot be read or is
not JSON refuses the whole rename, named (its spans could not be renamed, and
keeping the old name there would leave it broken): fix it first.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, ConflictError, Problem
from annotator.core.project import GOLD, Project, name_problem
from annotator.core.safe_files import read_regular_file
from annotator.core.schema_edit import SchemaChange, apply_changes, renames_files
from annotator.core.schema_rewrite import rewrite_annotation_file
from annotator.core.schema_usage import NO_USAGE, Usage, uses_in_file
from annotator.io.atomic import fingerprint, fingerprint_bytes
from annotator.io.jsonfile import dump_json_bytes, parse_json_bytes
from annotator.io.project_file import open_project, project_bytes, project_problems
from annotator.io.suggestions import FOLDER as SUGGESTIONS
from annotator.io.transaction import Transaction

log = logging.getLogger(__name__)

CONFLICT_MARK = ".json.conflict-"  # versions a sync conflict kept beside a file
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Rewrite:
    """One file to replace: its new bytes, and the fingerprint of the bytes that were read."""

    path: Path
    data: bytes
    expected: str


@dataclass
class SchemaPlan:
    """What applying some schema changes would write (nothing is written yet)."""

    before: Project
    after: Project
    changes: tuple[SchemaChange, ...]
    rewrites: list[Rewrite] = field(default_factory=list)  # project.json first
    files_read: int = 0  # annotation files read to look for old names

    @property
    def files_renamed(self) -> list[Path]:
        """The annotation, gold and suggestion files the renames change."""
        return [r.path for r in self.rewrites if r.path != self.after.project_file]


def project_fingerprint(root: Path) -> str:
    """The fingerprint of ``project.json`` now (``absent`` when there is none).

    A caller that shows the schema keeps it and passes it to
    :func:`plan_schema_changes`, so a ``project.json`` changed meanwhile is a conflict.
    """
    return fingerprint(Path(root) / "project.json")


def annotation_files(project: Project) -> list[Path]:
    """Every file holding spans: each annotator's, gold's, each suggestion source's, and the
    versions sync conflicts kept beside them (dot-files and bad names are not project data)."""
    folders = [project.annotator_dir(name) for name in project.annotators()]
    folders.append(project.annotator_dir(GOLD))
    suggestions = project.root / SUGGESTIONS
    if suggestions.is_dir():
        folders += [entry for entry in sorted(suggestions.iterdir())
                    if entry.is_dir() and name_problem(entry.name) is None]
    found: list[Path] = []
    for folder in folders:
        try:
            names = sorted(entry.name for entry in os.scandir(folder))
        except OSError:
            continue
        for name in names:
            stem = name.split(CONFLICT_MARK, 1)[0] if CONFLICT_MARK in name \
                else name.removesuffix(".json")
            if name.startswith(".") or stem == name or name_problem(stem) is not None:
                continue
            found.append(folder / name)
    return found


def project_usage(project: Project) -> Usage:
    """The relations and span attributes of every file :func:`annotation_files` lists, each
    named by its path in the project; a file that cannot be read or parsed is skipped
    (logged: ``validate`` names it)."""
    usage = NO_USAGE
    for path in annotation_files(project):
        name = path.relative_to(project.root).as_posix()
        try:
            raw = parse_json_bytes(read_regular_file(path, project.root), str(path))
        except (OSError, AnnotatorError) as exc:
            log.warning("%s: not read for the schema check (%s)", path, exc)
            continue
        usage += uses_in_file(raw, name)
    return usage


def _read(path: Path, root: Path) -> bytes:
    try:
        return read_regular_file(path, root)
    except OSError as exc:
        raise AnnotatorError(Problem("unreadable", f"cannot be read ({exc.strerror or exc}), "
                                     "so its names cannot be changed: nothing was renamed",
                                     file=str(path))) from None


def plan_schema_changes(root: Path, changes: Sequence[SchemaChange],
                        expected_project: str | None = None,
                        progress: Progress | None = None) -> SchemaPlan:
    """What ``changes`` would write to the project at ``root``; writes nothing.

    ``expected_project``: the fingerprint of ``project.json`` the caller's view
    of the schema came from; a different file now raises ``conflict``.
    ``progress(done, total)`` is called as files are read; returning False
    stops (raises ``conflict`` with nothing written: nothing is half done).
    Raises :class:`~annotator.core.schema_edit.SchemaError` for a change that
    breaks a rule, :class:`AnnotatorError` for a file that cannot be read.
    """
    root = Path(root)
    before = open_project(root)
    project_file = before.project_file
    expected = fingerprint(project_file)
    if expected_project is not None and expected != expected_project:
        raise ConflictError(Problem("conflict", "was changed by someone else since the labels "
                                    "were shown; nothing was changed (open the dialog again)",
                                    file=str(project_file)))
    after = apply_changes(before, changes, project_usage(before))
    data = project_bytes(after)
    problems = project_problems(parse_json_bytes(data, str(project_file)), str(project_file))
    if problems:  # a safety net: the rules above should have refused the change
        raise AnnotatorError(*problems)
    plan = SchemaPlan(before, after, tuple(changes))
    plan.rewrites.append(Rewrite(project_file, data, expected))
    if not renames_files(changes):
        return plan
    files = annotation_files(before)
    for done, path in enumerate(files, 1):
        if progress is not None and not progress(done - 1, len(files)):
            raise ConflictError(Problem("conflict", "stopped: nothing was changed",
                                        file=str(root)))
        old = _read(path, root)
        rewritten = rewrite_annotation_file(parse_json_bytes(old, str(path)), changes,
                                            str(path))
        if rewritten is not None:
            plan.rewrites.append(Rewrite(path, dump_json_bytes(rewritten),
                                         fingerprint_bytes(old)))
    plan.files_read = len(files)
    return plan


def commit_schema_plan(plan: SchemaPlan) -> Project:
    """Write every file of ``plan`` in one transaction (all or none); the project after it.

    Raises :class:`ConflictError` naming the first file changed since it was
    read, or :class:`~annotator.core.errors.WriteError`; nothing is written then.
    """
    transaction = Transaction(plan.after.root)
    for rewrite in plan.rewrites:
        transaction.write(rewrite.path, rewrite.data, rewrite.expected)
    transaction.commit()
    log.info("schema of %s changed (%d change(s)); %d annotation file(s) rewritten",
             plan.after.root, len(plan.changes), len(plan.files_renamed))
    return open_project(plan.after.root)


def apply_schema_changes(root: Path, changes: Sequence[SchemaChange],
                         expected_project: str | None = None,
                         progress: Progress | None = None) -> SchemaPlan:
    """Plan and commit ``changes``; the plan that was written (``plan.after``: the project)."""
    plan = plan_schema_changes(root, changes, expected_project, progress)
    plan.after = commit_schema_plan(plan)
    return plan

