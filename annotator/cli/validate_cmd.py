"""``annotator validate PATH``: check a project folder or one annotation file, change nothing.

A project is checked whole: ``project.json``, every entry the listings skip
(names breaking the rules, symbolic links leading outside the project, FIFOs,
sockets, folders where files belong: :meth:`Project.listing_problems`), every
document and every annotation and gold file. Only regular files inside the
project are read, so a FIFO never makes it wait.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
from collections.abc import Sequence
from pathlib import Path

from annotator.cli import UsageError, open_project
from annotator.core.attribute_schema import attribute_problems, attribute_schema
from annotator.core.document import Document
from annotator.core.errors import AnnotatorError, MissingPathError, Problem
from annotator.core.project import GOLD, Project, name_problem
from annotator.core.safe_files import read_regular_file
from annotator.io.parallel import map_chunks
from annotator.io.standoff import parse_annotations
from annotator.io.suggestions import suggestion_problems

NAME = "validate"
HELP = "check a project or an annotation file against the format; exit 1 if anything is wrong"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="a project folder or one annotation .json file")
    parser.add_argument("--json", action="store_true",
                        help='print {"ok": bool, "problems": '
                        '[{"file", "code", "message", "span"}]}')


def run(args: argparse.Namespace) -> int:
    path: Path = args.path
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    if path.is_dir():
        problems, checked = validate_project(path)
    else:
        problems, checked = validate_file(path), 1
    if args.json:
        print(_printable(json.dumps({"ok": not problems,
                                     "problems": [p.to_json() for p in problems]},
                                    ensure_ascii=False, indent=2)))
    else:
        for problem in problems:
            print(_printable(str(problem)))
        verdict = "valid" if not problems else f"{len(problems)} problem(s)"
        print(f"{checked} annotation file(s) checked: {verdict}")
    return 1 if problems else 0


def _printable(text: str) -> str:
    """``text`` with lone surrogates (from file names that are not UTF-8) as ``\\udcff``."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _project_of(annotation_file: Path) -> tuple[Path, str] | None:
    """The project root and annotator implied by an annotation file's place, if any.

    The file's folder is resolved, not the file itself: a link that leads
    elsewhere is judged (and refused) where it lies.
    """
    parent = annotation_file.absolute().parent.resolve()
    if parent.name == GOLD and (parent.parent / "documents").is_dir():
        return parent.parent, GOLD
    if parent.parent.name == "annotations" and (parent.parent.parent / "documents").is_dir():
        return parent.parent.parent, parent.name
    return None


def validate_file(path: Path, project: Project | None = None,
                  annotator: str | None = None, document: Document | None = None,
                  ) -> list[Problem]:
    """Problems of one annotation file, checked against its project's document and labels."""
    if project is None:
        place = _project_of(path)
        if place is None:
            return [Problem("missing-document", "cannot tell which project this file belongs to: "
                            "it must live in <project>/annotations/<annotator>/ or "
                            "<project>/gold/", file=str(path))]
        try:
            project = open_project(place[0], NAME)
        except AnnotatorError as exc:
            return list(exc.problems)
        annotator = place[1]
    doc_id = path.stem
    for name, what in ((doc_id, "document id"), (annotator, "annotator name")):
        problem = name_problem(name, what) if name is not None else None
        if problem:
            return [Problem("bad-name", problem, file=str(path))]
    try:
        document = document or project.load_document(doc_id)
    except AnnotatorError as exc:
        if exc.problem.code == "missing-document":
            doc_path = project.document_path(doc_id)
            why = "does not exist" if not os.path.lexists(doc_path) else exc.problem.message
            return [Problem("missing-document", f"annotates document {doc_id!r}, but "
                            f"{doc_path} {why}", file=str(path))]
        return list(exc.problems)
    try:
        data = read_regular_file(path, project.root)
        result = parse_annotations(data, document.text, source=str(path), doc_id=doc_id,
                                   annotator=annotator, labels=project.label_names,
                                   relation_types=project.relation_types())
    except AnnotatorError as exc:
        return list(exc.problems)
    except OSError as exc:
        return [Problem("unreadable", f"cannot read: {exc.strerror or exc}", file=str(path))]
    aset = result.annotations  # attributes outside their label's schema (FORMAT.md section 2)
    return result.problems + attribute_problems([*aset.spans(), *aset.unplaced],
                                                attribute_schema(project), str(path))


def _validate_documents(project: Project, work: Sequence[tuple[str, list[tuple[Path, str]]]],
                        ) -> tuple[list[Problem], list[Problem]]:
    """Problems of some documents, and of their annotation files (one chunk of a project)."""
    document_problems: list[Problem] = []
    file_problems: list[Problem] = []
    for doc_id, files in work:
        try:
            document = project.load_document(doc_id)
        except AnnotatorError as exc:  # reported once, not again for each annotator
            document_problems.extend(exc.problems)
            continue
        for file, annotator in files:
            file_problems += validate_file(file, project, annotator, document)
    return document_problems, file_problems


def validate_project(root: Path) -> tuple[list[Problem], int]:
    """Every problem of a project: names and entries it skips, documents, annotation files."""
    try:
        project = open_project(root, NAME)
    except MissingPathError:
        raise
    except AnnotatorError as exc:
        return list(exc.problems), 0
    # what the listings skip (bad names, links outside, FIFOs...), reported, never silent
    problems: list[Problem] = project.listing_problems() + project.pending_conflicts()
    doc_ids = project.doc_ids()
    files: list[tuple[Path, str]] = []
    for annotator in [*project.annotators(), GOLD]:
        files += [(project.annotation_path(doc_id, annotator), annotator)
                  for doc_id in project.annotated_doc_ids(annotator)]
    by_doc: dict[str, list[tuple[Path, str]]] = {doc_id: [] for doc_id in doc_ids}
    orphans: list[tuple[Path, str]] = []  # annotation files without a listed document
    for file, annotator in files:
        if file.stem in by_doc:
            by_doc[file.stem].append((file, annotator))
        elif not os.path.lexists(project.document_path(file.stem)):
            orphans.append((file, annotator))
        # else: the document is there but skipped: its problem is reported above
    document_problems: list[Problem] = []
    file_problems: list[Problem] = []
    checker = functools.partial(_validate_documents, project)
    for from_documents, from_files in map_chunks(checker, list(by_doc.items())):
        document_problems += from_documents
        file_problems += from_files
    for file, annotator in orphans:
        file_problems += validate_file(file, project, annotator)
    problems += document_problems + file_problems
    from_suggestions, suggestion_files = suggestion_problems(project)
    problems += from_suggestions
    return problems, len(files) + suggestion_files
